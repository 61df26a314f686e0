//! Number + unit + approximation word → [`Quantity`] in a base unit, and
//! every numeric phrase of a line, classified ([`scan`]).
//!
//! Stage: a (logical, rejoined) line in; [`QuantityMatch`]es out, each with
//! its byte span. The extractors keep the [`QuantityKind::Figure`]s and
//! [`QuantityKind::Change`]s they recognise and ignore the rest; ordinals,
//! dates, years and parts of names are reported rather than dropped so that
//! an extractor can tell "no number here" from "a number that is not a
//! figure" and skip over it.
//!
//! # Phrase grammar
//!
//! ```text
//! phrase  = [comparison] [change [link]] [approx-before] ["百分之"] numeral
//!           [W] [approx-after-number [万|亿]] [unit] [approx-after-unit]
//! range   = [approx-before] numeral range-sep numeral [unit]    3-5万人 → 30000..50000
//!
//! comparison  较上年 同比 …                 (part of a change phrase)
//! change      提高 增长 … (+) | 下降 减少 … (−) | 新增 (no change: a figure)
//! link        了 为 达 (still a change) | 到 至 (the new level: a figure)
//! approx      约 近 逾 超过 过 破 不足 不超过 … before (约占 a few words before);
//!             余 多 + after the number; 左右 以上 after the unit; 上千 数百 几十: vague
//! W           10W+: W for 万, only before + (tables::numerals::LATIN_MULTIPLIERS)
//! unit        tables::units, longest first (人次 before 人); 万元 → 元 ×10⁴, GB → TB ×10⁻³;
//!             T → TB only where the line speaks of data (数字资源, 存储)
//! ```
//!
//! Spaces (ASCII, ideographic, no-break) may stand between the parts. Words
//! come from `tables::{approx, units, phrases, dates}`.
//!
//! # Classification (first rule that applies)
//!
//! 1. A list number at a line start (`1.`, `2、`, `（3）`) → [`QuantityKind::Ordinal`].
//!    `1.2020 年…` and `2.4·23…` are list numbers too: the rest reads as a
//!    year or date.
//! 2. A name written with a number (十四五, 十九大, 5G) → `NamePart`.
//! 3. A date or date range (12月27日, 16 日, 4·23, 27-31 日) → `Date`.
//! 4. A time of day (9:00, 9:00-17:00), a phone number, postcode or code
//!    (leading 0, 11 digits from 1, after 电话/邮编, 0536-6221234), a page
//!    number (`- 3 -`) → `NamePart`.
//! 5. A range of figures (3-13 岁, 10～20 人, 三至五次) → `Range`: no single
//!    value is right, so it carries both bounds and no extractor takes it.
//!    民国 105 年 (and 105 年 in a [`Era::Minguo`] text) → `Year` 2016.
//! 6. A year: 4 digits 1949–2100 before 年/年度, or alone and before no unit
//!    (2020“迎中秋”, 〔2020〕) → `Year`. 二〇二〇年 too.
//! 7. 第 + number → `Ordinal` (Arabic always; Chinese only before a unit or
//!    an ordinal noun: 第三章, 第一名 — 第一 alone is a word). A number before
//!    楼/号/届 (7 楼, 2 号, 十九届) → `Ordinal`.
//! 8. Before 周年, or 24 小时 followed by more name (24小时自助图书馆), or a
//!    number glued to Latin letters (4S店) → `NamePart`.
//! 9. A vague phrase (数十, 十几, 两三个, 成千上万) → nothing.
//! 10. A bare 百/千/万/亿 with no approximation word (百名, 万家, 千年) →
//!     nothing; 百余场, 上千人 are figures.
//! 11. In running text a Chinese numeral with no unit, approximation or
//!     percent (一是, 统一, 十九) → nothing.
//! 12. After a change word → `Change`, negative for 下降/减少/降低.
//! 13. Inside quotes or a title mark with other words (“21 天阅读挑战”) →
//!     `NamePart`.
//! 14. Otherwise → `Figure`.
//!
//! Shapes read on the way (issue 27): 三个半月 and 两年半 add a half, and
//! 半年 (not 上半年, 半年度) is 0.5 年; a unit, a range separator and a
//! number with the same unit (20岁~40岁) is a `Range`; a unit, a slash and
//! what a rate is counted per (2册/人, 15元/人) is no figure, where 人/次
//! and 册/次 are units (人次, 册次) and 册/件 keeps its first; an item, a
//! code, a unit and a value run together (其他收入59千元87) is the value
//! (87 千元); a bare 百 before a count unit at a clause end (藏书百本) and a
//! Chinese numeral ending in 万/亿 at one (造价三亿) are figures. Pinyin
//! glosses (冊(cè)) are cut before this stage (`clean`, `phrase`).

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use crate::date::{self, DateContext};
use crate::decimal::Decimal;
use crate::matcher::lexicon::{CharMap, utf8_len};
use crate::numeral::{Numeral, NumeralError, parse_detailed, parse_integer_prefix};
use crate::report::Approx;
use crate::tables::approx::{
    AFTER_NUMBER, AFTER_UNIT, BEFORE, BEFORE_ROUND, Effect, LEAD, VAGUE_WORDS,
};
use crate::tables::dates::{ERA_NAMES, Field, MARKERS, MONTH_WORDS, TIME_SEPARATORS, YEARS};
use crate::tables::numerals::{
    CharClass, LATIN_MULTIPLIERS, PERCENT_PREFIXES, SECTION_POWER, Script, class_of,
};
use crate::tables::phrases::{
    CHANGE, CODE_CUE, CODE_CUE_GAPS, CODE_JOINERS, COMPARISON, Change, FIGURE_RANGE,
    FORM_CELL_ENDS, LINKS, LIST_MARKER_OPENERS, LIST_MARKERS, Link, MAX_QUOTED_NAME_CHARS,
    NAME_QUANTITIES, NAME_SUFFIX, NAMES, ORDINAL_NOUN, ORDINAL_PREFIX, ORDINAL_SUFFIX, QUOTES,
    TRAILING_PUNCTUATION, UNIT_BRACKETS, quote,
};
use crate::tables::punctuation::{DASHES, LEADERS};
use crate::tables::units::{
    BARE_ROUND_UNITS, DATA_CUES, HALF, HALF_AFTER_GE, HALF_AFTER_UNITS, HALF_BLOCKED_AFTER,
    HALF_BLOCKED_BEFORE, HALF_GE, HALF_WORDS, RATE_DENOMINATORS, RATE_SLASHES, UNIT_WORDS,
    UnitEntry,
};
use crate::unit::Unit;

mod figure;
mod refusals;
mod shapes;

use shapes::FoundRange;

/// A figure: a value in its base unit, with how exact it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quantity {
    /// The value, already in the base unit (168.52 万元 → 1685200, 3.89 GB →
    /// 0.00389). For a [`QuantityKind::Change`] it is signed.
    pub value: Decimal,
    /// The base unit; `None` for a bare number.
    pub unit: Option<Unit>,
    /// `None` for an exact figure.
    pub approx: Option<Approx>,
}

/// What a numeric phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A count or amount of the report, plain percentages included.
    Figure,
    /// A signed change against an earlier figure (较上年提高了 18.16%):
    /// positive for 提高/增长/增加/上升, negative for 下降/减少/降低.
    Change,
    /// An ordinal or list number (第 25 个, 第三章, 7 楼, 2 号, `1.`). The value
    /// is the number.
    Ordinal,
    /// A date or date range (4·23, 12月27日, 16 日). The value is the first
    /// number written; read the date with `date::parse_prefix`.
    Date,
    /// A calendar year (2020 年, 2020年度, 〔2020〕). The value is the year.
    Year,
    /// Part of a name or a code (24小时自助图书馆, 5G, 十四五, 建党 100 周年,
    /// phone numbers, page numbers), or a time of day (9:00). The value is
    /// the number written.
    NamePart,
    /// A range of figures (3-13 岁, 三至五次, 40至50场次), which has no single
    /// value: [`QuantityMatch::high`] is the upper bound and the value the
    /// lower one. No extractor takes it for a figure.
    Range,
}

impl QuantityKind {
    /// The kind as printed (`"figure"`).
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Figure => "figure",
            QuantityKind::Change => "change",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Date => "date",
            QuantityKind::Year => "year",
            QuantityKind::NamePart => "name_part",
            QuantityKind::Range => "range",
        }
    }
}

impl fmt::Display for QuantityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A numeric phrase found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QuantityMatch {
    /// Its value, unit and approximation.
    pub quantity: Quantity,
    /// What it is.
    pub kind: QuantityKind,
    /// Byte range of the whole phrase in the scanned text: change and
    /// approximation words, numeral, unit.
    pub span: Range<usize>,
    /// Byte range of the numeral alone (of the first one in a range).
    pub number: Range<usize>,
    /// For a [`QuantityKind::Range`], the upper bound in the base unit
    /// (`quantity.value` is the lower); `None` for every other kind.
    pub high: Option<Decimal>,
}

/// How years are counted in a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Era {
    /// Common-era years only (2020 年); 105 年 is a span of 105 years. A year
    /// written after an era name (民国 105 年) is read in any era.
    #[default]
    Common,
    /// A Taiwan (traditional-script) report: 105 年 and 105 年度 are 民国
    /// years (2016).
    Minguo,
}

/// Why a phrase is not one quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuantityError {
    /// Nothing but whitespace and punctuation.
    Empty,
    /// No numeric phrase.
    NotAQuantity,
    /// A vague amount with no figure (若干, 数十, 两三个).
    Vague,
    /// A range of figures (3-13 岁), which has no single value.
    Range,
    /// The numeral could not be read (e.g. it overflows).
    Numeral(NumeralError),
    /// A figure followed by other text, at this byte offset.
    TrailingText {
        /// Byte offset of the first character after the figure.
        at: usize,
    },
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuantityError::Empty => f.write_str("empty phrase"),
            QuantityError::NotAQuantity => f.write_str("not a quantity"),
            QuantityError::Vague => f.write_str("vague amount, no figure"),
            QuantityError::Range => f.write_str("a range of figures, no single value"),
            QuantityError::Numeral(e) => write!(f, "{e}"),
            QuantityError::TrailingText { at } => write!(f, "text after the figure at byte {at}"),
        }
    }
}

impl std::error::Error for QuantityError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            QuantityError::Numeral(e) => Some(e),
            _ => None,
        }
    }
}

/// Every numeric phrase in `text`, in order and non-overlapping, each
/// classified (see the module docs). `text` should be one logical line: a
/// change word wrapped onto the previous physical line is not seen.
pub fn scan(text: &str) -> Vec<QuantityMatch> {
    scan_in(text, Era::Common)
}

/// [`scan`] with years counted in `era`.
pub fn scan_in(text: &str, era: Era) -> Vec<QuantityMatch> {
    scan_with_overflows_in(text, era).0
}

/// What [`scan`] finds, and the spans of the numbers it passed over as out
/// of range (99999999999999999999999亿册): worth a warning, never a value.
pub fn scan_with_overflows(text: &str) -> (Vec<QuantityMatch>, Vec<Range<usize>>) {
    scan_with_overflows_in(text, Era::Common)
}

/// [`scan_with_overflows`] with years counted in `era`.
pub fn scan_with_overflows_in(text: &str, era: Era) -> (Vec<QuantityMatch>, Vec<Range<usize>>) {
    let mut scanner = Scanner::new(text, false, era);
    scanner.run();
    (scanner.out, scanner.overflows)
}

/// The whole of `s` as one quantity (surrounding whitespace and trailing
/// punctuation allowed): 130余场次, 168.52 万元, 较上年提高了 18.16%.
///
/// A bare Chinese numeral (一千零五) is accepted here, unlike in [`scan`]. A
/// phrase that is an ordinal, date, year or name (第三章, 4·23, 2020 年年报,
/// 24小时自助图书馆) is returned with that kind even when words follow it,
/// so long as no figure is among them; a figure must take the whole phrase.
pub fn parse_quantity(s: &str) -> Result<QuantityMatch, QuantityError> {
    parse_quantity_in(s, Era::Common)
}

/// [`parse_quantity`] with years counted in `era`.
pub fn parse_quantity_in(s: &str, era: Era) -> Result<QuantityMatch, QuantityError> {
    let start = s.len() - s.trim_start().len();
    let body = s.trim().trim_end_matches(TRAILING_PUNCTUATION).trim_end();
    if body.is_empty() {
        return Err(QuantityError::Empty);
    }
    if VAGUE_WORDS.contains(&body) {
        return Err(QuantityError::Vague);
    }
    let mut scanner = Scanner::new(body, true, era);
    scanner.run();
    let shift = |mut m: QuantityMatch| {
        m.span = m.span.start + start..m.span.end + start;
        m.number = m.number.start + start..m.number.end + start;
        m
    };
    let figures = scanner
        .out
        .iter()
        .filter(|m| matches!(m.kind, QuantityKind::Figure | QuantityKind::Change))
        .count();
    match scanner.out.first() {
        None => Err(scanner.error.unwrap_or(QuantityError::NotAQuantity)),
        Some(m) if m.kind == QuantityKind::Range => Err(QuantityError::Range),
        Some(m) if scanner.out.len() == 1 && m.span == (0..body.len()) => Ok(shift(m.clone())),
        Some(m) if figures == 0 => Ok(shift(m.clone())),
        Some(m) if m.span.start == 0 => Err(QuantityError::TrailingText {
            at: start + m.span.end,
        }),
        Some(_) => Err(QuantityError::NotAQuantity),
    }
}

/// The unit written as `s` (a table header such as 万元 or （万册）): base unit
/// and the power of ten a value in that column is to be multiplied by.
pub fn parse_unit(s: &str) -> Option<(Unit, i32)> {
    let mut s = s.trim();
    for &(open, close) in UNIT_BRACKETS {
        if let Some(inner) = s.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            s = inner.trim();
        }
    }
    match UNIT_WORDS.exact(s)? {
        UnitEntry::Unit(unit, pow) | UnitEntry::Data(unit, pow) => Some((unit, pow)),
        UnitEntry::Stop => None,
    }
}

/// 3410千元: Arabic digits before a unit that starts with a multiplier
/// (千元, 千册次) are the number, counted in that unit, where 3410千 alone
/// is no numeral (12千 is refused).
fn digits_before_scaled_unit(rest: &str) -> Option<Numeral> {
    // Bounded, so a line of 1,1,1,… stays linear.
    const LONGEST: usize = 24;
    let digits = rest
        .bytes()
        .take(LONGEST)
        .position(|b| !(b.is_ascii_digit() || b == b',' || b == b'.'))?;
    let after = rest.get(digits..)?;
    match UNIT_WORDS.longest_prefix(after)? {
        (UnitEntry::Unit(_, power), _) if power > 0 => parse_detailed(&rest[..digits])?.ok(),
        _ => None,
    }
}

/// Spaces allowed between the parts of a phrase.
pub(crate) use crate::tables::punctuation::SPACES;

/// Context for telling dates from figures: any year, a month with 31 days.
const CLASSIFY: DateContext = DateContext {
    year: 2000,
    month: Some(1),
};

/// ASCII characters that continue a Latin identifier, URL or code.
fn continues_identifier(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_-./:?=&%#~+@".contains(&b)
}

/// What the main loop stops at among non-ASCII characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Interest {
    Numeral,
    /// A word that numbers a month (元月).
    MonthWord,
    /// A word that reaches a number further on: an approximation word
    /// that may stand a few words before it (约占), an era name (民国).
    Word,
    Quote(bool),
    /// 半, which may start a half with no number (半年).
    Half,
}

/// Non-ASCII characters the main loop stops at.
fn interesting() -> CharMap<Interest> {
    let quotes = QUOTES.iter().map(|&(c, open)| (c, Interest::Quote(open)));
    let digits = crate::tables::numerals::DIGITS
        .iter()
        .filter(|d| !d.0.is_ascii())
        .map(|d| (d.0, Interest::Numeral));
    let multipliers = crate::tables::numerals::MULTIPLIERS
        .iter()
        .map(|m| (m.0, Interest::Numeral))
        .chain(
            crate::tables::numerals::TENS
                .iter()
                .map(|t| (t.0, Interest::Numeral)),
        );
    let month_words = MONTH_WORDS
        .iter()
        .filter_map(|(w, _)| w.chars().next())
        .map(|c| (c, Interest::MonthWord));
    let words = LEAD
        .iter()
        .map(|w| w.0)
        .chain(ERA_NAMES.iter().map(|e| e.0))
        .filter_map(|w| w.chars().next())
        .map(|c| (c, Interest::Word));
    let half = HALF.chars().map(|c| (c, Interest::Half));
    CharMap::new(
        quotes
            .chain(half)
            .chain(digits)
            .chain(multipliers)
            .chain(month_words)
            .chain(words),
    )
}

static INTERESTING: LazyLock<CharMap<Interest>> = LazyLock::new(interesting);

/// Each vague word split at every place in it where a numeral character
/// starts (成千上万 → 成 | 千上万, 成千上 | 万): a numeral found there may be
/// inside it. With the numeral character, and sorted by it, so that a
/// numeral is checked only against the splits at its own character (an
/// Arabic digit against none).
struct VagueSplit {
    numeral: char,
    head: &'static str,
    tail: &'static str,
}

static VAGUE_SPLITS: LazyLock<Vec<VagueSplit>> = LazyLock::new(|| {
    let mut splits = VAGUE_WORDS
        .iter()
        .flat_map(|&w| {
            w.char_indices()
                .filter(|&(_, c)| crate::tables::numerals::starts_numeral(c))
                .filter_map(move |(k, c)| {
                    Some(VagueSplit {
                        numeral: c,
                        head: w.get(..k)?,
                        tail: w.get(k..)?,
                    })
                })
        })
        .collect::<Vec<_>>();
    // stable: each word's splits keep the table's order
    splits.sort_by_key(|v| v.numeral);
    splits
});

/// What stands before a number.
#[derive(Clone, Copy, Debug, Default)]
struct Before {
    /// Where the phrase starts.
    start: usize,
    approx: Option<Approx>,
    vague: bool,
    ordinal: bool,
    change: Option<Change>,
}

struct Scanner<'t> {
    text: &'t str,
    /// `parse_quantity`: the text is one phrase, bare Chinese numerals count.
    whole: bool,
    out: Vec<QuantityMatch>,
    /// End of the last phrase read (words before a number are not looked
    /// for before it).
    last_end: usize,
    /// Byte offsets of the quotation marks open at the current position.
    open_quotes: Vec<usize>,
    /// The first reason a numeral was passed over (for `parse_quantity`).
    error: Option<QuantityError>,
    /// Bounds of the line being scanned (cached: every rule asks).
    line: Range<usize>,
    /// How years are counted.
    era: Era,
    /// The last lead approximation word seen (约占): where it ends.
    lead: Option<(usize, Approx)>,
    /// The last era name seen (民国): where it starts and ends, and what it
    /// adds to a year.
    era_name: Option<(Range<usize>, i32)>,
    /// Numbers passed over as out of range, from the number to the end of
    /// what was read.
    overflows: Vec<Range<usize>>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, whole: bool, era: Era) -> Scanner<'t> {
        Scanner {
            text,
            whole,
            out: Vec::new(),
            last_end: 0,
            open_quotes: Vec::new(),
            error: None,
            line: 0..memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len()),
            era,
            lead: None,
            era_name: None,
            overflows: Vec::new(),
        }
    }

    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let interesting = &*INTERESTING;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if b.is_ascii_digit() {
                    i = self.at_numeral(i).max(i + 1);
                } else if b.is_ascii_alphabetic() {
                    // a Latin word, URL or code: digits inside are no figure
                    while bytes.get(i).is_some_and(|&b| continues_identifier(b)) {
                        i += 1;
                    }
                    self.last_end = i;
                } else {
                    if b == b'\n' {
                        self.open_quotes.clear();
                        let next = i + 1;
                        let end = bytes
                            .get(next..)
                            .and_then(|rest| memchr::memchr(b'\n', rest))
                            .map_or(bytes.len(), |p| next + p);
                        self.line = next..end;
                    }
                    i += 1;
                }
                continue;
            }
            // most characters are plain text: turned away without decoding
            let len = utf8_len(b);
            match interesting.get_encoded(self.text, i, len) {
                Some(Interest::Numeral) => i = self.at_numeral(i).max(i + len),
                Some(Interest::MonthWord) => i = self.at_month_word(i).max(i + len),
                Some(Interest::Word) => {
                    self.at_word(i);
                    i += len;
                }
                Some(Interest::Half) => i = self.at_half(i).max(i + len),
                Some(Interest::Quote(true)) => {
                    self.open_quotes.push(i);
                    i += len;
                }
                Some(Interest::Quote(false)) => {
                    self.open_quotes.pop();
                    i += len;
                }
                None => i += len,
            }
        }
    }

    fn note(&mut self, error: QuantityError) {
        self.error.get_or_insert(error);
    }

    fn push(
        &mut self,
        kind: QuantityKind,
        quantity: Quantity,
        span: Range<usize>,
        number: Range<usize>,
    ) -> usize {
        let end = span.end;
        self.out.push(QuantityMatch {
            quantity,
            kind,
            span,
            number,
            high: None,
        });
        self.last_end = end;
        end
    }

    /// 半年, 半个月 with no number: half of the unit, where no word
    /// before or after makes it a part of the year (上半年) or a term
    /// (半年度).
    #[inline(never)]
    fn at_half(&mut self, i: usize) -> usize {
        static WORDS: LazyLock<crate::matcher::lexicon::Lexicon<Unit>> =
            LazyLock::new(|| crate::matcher::lexicon::Lexicon::new(HALF_WORDS.iter().copied()));
        if i < self.last_end
            || self
                .char_before(i)
                .is_some_and(|c| HALF_BLOCKED_BEFORE.contains(&c) || class_of(c).is_some())
        {
            return i;
        }
        let Some((unit, len)) = WORDS.longest_prefix(self.rest(i)) else {
            return i;
        };
        if self
            .char_at(i + len)
            .is_some_and(|c| HALF_BLOCKED_AFTER.contains(&c))
        {
            return i;
        }
        let q = Quantity {
            value: Decimal::new(5, 1).unwrap_or(Decimal::ZERO),
            unit: Some(unit),
            approx: None,
        };
        let kind = if self.in_quoted_name(i, i + len) {
            QuantityKind::NamePart
        } else {
            QuantityKind::Figure
        };
        self.push(kind, q, i..i + len, i..i + HALF.len())
    }

    /// 元月 (January) where no number stands before it: a date.
    fn at_month_word(&mut self, i: usize) -> usize {
        let rest = self.rest(i);
        if i < self.last_end
            || self
                .char_before(i)
                .is_some_and(|c| class_of(c).is_some_and(|k| !matches!(k, CharClass::Group(_))))
        {
            return i;
        }
        let Some((month, word)) = date::month_word(rest) else {
            return i;
        };
        let Some((_, len, _)) = date::read_date(rest, &CLASSIFY) else {
            return i;
        };
        let q = plain(Decimal::from_int(i64::from(month)));
        self.push(QuantityKind::Date, q, i..i + len, i..i + word)
    }

    fn rest(&self, at: usize) -> &'t str {
        self.text.get(at..).unwrap_or_default()
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.rest(at).chars().next()
    }

    fn char_before(&self, at: usize) -> Option<char> {
        self.text.get(..at).and_then(|t| t.chars().next_back())
    }

    fn skip_spaces(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = at;
        loop {
            match bytes.get(i..) {
                Some([b' ', ..]) => i += 1,
                Some([0xE3, 0x80, 0x80, ..]) => i += 3, // U+3000
                Some([0xC2, 0xA0, ..]) => i += 2,       // U+00A0
                _ => return i,
            }
        }
    }

    fn line_start(&self, at: usize) -> usize {
        if self.line.start <= at && at <= self.line.end {
            return self.line.start;
        }
        self.text
            .get(..at)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |p| p + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        if self.line.start <= at && at <= self.line.end {
            return self.line.end;
        }
        self.rest(at).find('\n').map_or(self.text.len(), |p| at + p)
    }

    /// Reads the phrase whose numeral starts at `i`; returns where scanning
    /// goes on.
    fn at_numeral(&mut self, i: usize) -> usize {
        let rest = self.rest(i);
        if let Some(end) = self.list_marker(i) {
            return end;
        }
        if let Some(end) = self.inside_vague_word(i) {
            self.note(QuantityError::Vague);
            self.last_end = end;
            return end;
        }
        if let Some((value, len)) = NAMES.longest_prefix(rest)
            && !self
                .char_at(i + len)
                .is_some_and(|c| c.is_ascii_alphanumeric() || class_of(c).is_some_and(is_digit))
        {
            let q = plain(Decimal::from_int(value));
            return self.push(QuantityKind::NamePart, q, i..i + len, i..i + len);
        }
        if !self
            .char_before(i)
            .is_some_and(|c| class_of(c).is_some_and(is_digit))
            && let Some((_, len, _)) = date::read_date(rest, &CLASSIFY)
        {
            let (first, first_len) = parse_integer_prefix(rest).unwrap_or((0, 0));
            let q = plain(Decimal::from_int(i64::from(first)));
            return self.push(QuantityKind::Date, q, i..i + len, i..i + first_len);
        }
        // 百分之十八点一六
        let percent = PERCENT_PREFIXES.iter().find_map(|p| {
            let at = i + p.len();
            rest.starts_with(p)
                .then(|| self.text.get(at..).and_then(parse_detailed))
                .flatten()
                .map(|n| (at, n))
        });
        let (num_start, parsed, is_percent) = match percent {
            Some((at, n)) => (at, n, true),
            None => match parse_detailed(rest) {
                Some(n) => (i, n, false),
                None => return i + rest.chars().next().map_or(1, char::len_utf8),
            },
        };
        let parsed = match parsed {
            Err(refused) if refused.error == NumeralError::Malformed => {
                digits_before_scaled_unit(&self.text[num_start..]).ok_or(refused)
            }
            parsed => parsed,
        };
        let n = match parsed {
            Ok(n) => n,
            Err(refused) => {
                if refused.error == NumeralError::Overflow {
                    self.overflows.push(num_start..num_start + refused.len);
                }
                self.note(match refused.error {
                    NumeralError::Vague => QuantityError::Vague,
                    e => QuantityError::Numeral(e),
                });
                self.last_end = num_start + refused.len;
                return num_start + refused.len;
            }
        };
        let num_end = num_start + n.len;
        let number = num_start..num_end;
        if n.plain_integer && !is_percent {
            if n.digit_count <= 2
                && self.rest(num_end).starts_with(TIME_SEPARATORS)
                && let Some(end) = self.clock_time(&n, num_end)
            {
                return self.push(QuantityKind::NamePart, plain(n.value), i..end, number);
            }
            // 财政拨款收入01千元3560: a form's line code, read with its value
            if let Some(end) = self.code(i, &n, num_end)
                && !self.unit_and_value_glued(num_end)
            {
                return self.push(QuantityKind::NamePart, plain(n.value), i..end, number);
            }
            if let Some(span) = self.page_number(i, num_end) {
                return self.push(QuantityKind::NamePart, plain(n.value), span, number);
            }
        }
        let after = self.skip_spaces(num_end);
        let before = self.before(i, &n);
        if !is_percent && let Some(found) = self.figure_range(&n, after) {
            return self.range(i, &n, number, before, found);
        }
        if before.vague {
            self.note(QuantityError::Vague);
            self.last_end = num_end;
            return num_end;
        }
        let plain_context = before.approx.is_none() && before.change.is_none() && !before.ordinal;
        // an era name seen before, or a 民国 text: most numbers skip the call
        let era_possible = self.era_name.is_some() || self.era == Era::Minguo;
        if era_possible
            && !is_percent
            && let Some((year, span)) = self.era_year(i, &n, after, plain_context)
        {
            return self.push(
                QuantityKind::Year,
                plain(Decimal::from_int(year)),
                span,
                number,
            );
        }
        if !is_percent
            && plain_context
            && let Some(end) = self.year(&n, num_end, after)
        {
            return self.push(QuantityKind::Year, plain(n.value), i..end, number);
        }
        self.figure(i, n, number, before, is_percent)
    }
}

fn plain(value: Decimal) -> Quantity {
    Quantity {
        value,
        unit: None,
        approx: None,
    }
}

fn is_digit(class: CharClass) -> bool {
    matches!(class, CharClass::Digit(..))
}

fn is_arabic(class: CharClass) -> bool {
    matches!(class, CharClass::Digit(_, Script::Arabic, _))
}

/// A 4-digit Arabic integer or a Chinese digit string, 1949–2100.
fn is_year_numeral(n: &Numeral) -> bool {
    let shaped = (n.plain_integer && n.digit_count == 4) || n.digit_string;
    shaped
        && n.value
            .to_i64()
            .and_then(|v| i32::try_from(v).ok())
            .is_some_and(|y| YEARS.contains(&y))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `phrase => (kind, value, unit)` over `scan`, one line a case.
    macro_rules! scans {
        ($($text:literal => [$(($kind:ident, $value:literal, $unit:expr)),*],)*) => {$(
            let got: Vec<(QuantityKind, String, Option<&str>)> = scan($text)
                .into_iter()
                .map(|m| (m.kind, m.quantity.value.to_string(), m.quantity.unit.map(Unit::symbol)))
                .collect();
            let want: Vec<(QuantityKind, String, Option<&str>)> =
                vec![$((QuantityKind::$kind, $value.to_string(), $unit)),*];
            assert_eq!(got, want, "{}", $text);
        )*};
    }

    #[test]
    fn lines_are_classified() {
        scans! {
            "2020 年我馆累计有效读者卡 12334 个，流通人次 241122 人次" =>
                [(Year, "2020", None), (Figure, "12334", Some("个")), (Figure, "241122", Some("人次"))],
            "南滨路 24 小时自助图书馆也于 2020 年 1 月 16 日正式对放开放" =>
                [(NamePart, "24", Some("小时")), (Date, "2020", None)],
            "以第 25 个“世界图书和版权日”为主题" => [(Ordinal, "25", Some("个"))],
            "在“3·5”学雷锋日期间" => [(Date, "3", None)],
            "较上年相比下降了 22.35%，2020 年本馆流通人次 45067 人次" =>
                [(Change, "-22.35", Some("%")), (Year, "2020", None), (Figure, "45067", Some("人次"))],
            "一是积极组织参加，统一采购，十九大精神，两三个人" => [(NamePart, "19", None)],
            "图书馆两处场馆和24小时自助图书馆等9个对外服务窗口" =>
                [(Figure, "2", Some("处")), (NamePart, "24", Some("小时")), (Figure, "9", Some("个"))],
            "本级财政预算共计 168.52 万元（不包括中央下拨免费开放资金" =>
                [(Figure, "1685200", Some("元"))],
            "- 3 -" => [(NamePart, "3", None)],
        }
    }

    #[test]
    fn spans_cover_the_phrase_and_the_number() {
        let text = "吸引了近 200 多名居民";
        let m = scan(text).into_iter().next().expect("one phrase");
        assert_eq!(&text[m.span.clone()], "近 200 多名");
        assert_eq!(&text[m.number.clone()], "200");
        let text = "较上年相比提高了 18.16%，";
        let m = scan(text).into_iter().next().expect("one phrase");
        assert_eq!(&text[m.span.clone()], "较上年相比提高了 18.16%");
        assert_eq!(&text[m.number], "18.16");
    }

    #[test]
    fn units_of_table_headers() {
        assert_eq!(parse_unit("万元"), Some((Unit::Yuan, 4)));
        assert_eq!(parse_unit("（万册）"), Some((Unit::Volume, 4)));
        assert_eq!(parse_unit(" GB "), Some((Unit::Terabyte, -3)));
        assert_eq!(parse_unit("人次"), Some((Unit::PersonVisit, 0)));
        assert_eq!(parse_unit("部分"), None);
        assert_eq!(parse_unit("备注"), None);
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "9".repeat(10_000);
        for s in [
            "",
            "\n\n",
            "第",
            "百分之",
            "约",
            "“",
            "”1”",
            long.as_str(),
            "1\u{301}万",
            "〔",
            "- -",
        ] {
            let _ = scan(s);
            let _ = parse_quantity(s);
        }
    }
}
