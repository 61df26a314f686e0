//! Date phrases → [`PartialDate`] and ranges: 2020 年 1 月 16 日,
//! 二〇二〇年十月十六日, 2021.03.12, 12 月 27 日, 16 日, 4·23, 14 日至 15 日,
//! 4 月 14 日—5 月 5 日, 5 月份, 4月下旬.
//!
//! Stage: a text and a [`DateContext`] (the report year, and the month set by
//! the last month heading of a chronicle) in; dates, ranges and the bytes
//! they take out. Year phrases for finding the report year: [`scan_years`].
//!
//! # Grammar
//!
//! ```text
//! date    = point [ws range-sep ws point']          14 日至 15 日, 4 月 14 日—5 月 5 日
//!         | n range-sep point'                       27-31 日 (day range), 3-5月 (month range)
//!         | M 月 D range-sep D' 日                    3月12-14日
//! point   = Y 年 M 月 [D 日|号]                       2020 年 1 月 16 日, 2020年7月
//!         | YYYY sep M sep D                         2021.03.12  2021-03-12  2021/3/12 (one sep)
//!         | M 月[份] [D 日|号] [旬/初/底…]              12 月 27 日, 5月份, 4月下旬
//!         | D 日                                      16 日 (month from the context)
//!         | M · D                                     4·23, 3·5, 六·一
//!         | M . D  before 来临/读书日/前夕…              在4.23来临之际 (else 4.23 is a decimal)
//! point'  = a point whose missing year and month come from the first point
//! ```
//!
//! Numbers are Arabic (also fullwidth, 1–2 digits for month and day, 4 for a
//! year) or Chinese. Whitespace may stand between any two tokens. A phrase
//! without a day has month precision (`2020-05`). Missing years come from
//! the context; a day-only phrase needs the context's month. A range whose
//! end falls before its start rolls over (28 日至 3 日 → next month;
//! 12 月 28 日至 1 月 3 日 → next year). Invalid dates (2月30日, 13月) are
//! not dates: the phrase yields nothing, never a nearby valid date. Text
//! after the phrase (下午, 起, ，) is not consumed.

use std::ops::Range;
use std::sync::LazyLock;

use crate::contract::report::PartialDate;
use crate::matcher::lexicon::CharMap;
use crate::numeral::parse_integer_prefix;
use crate::tables::dates::{
    DATE_MARKERS, DATE_YEARS, DAY_ONLY_MARKERS, DOT_DATE_CUE, Field, MARKERS, MINGUO_OFFSET,
    MONTH_DAY_DOTS, MONTH_PART, MONTH_WORDS, RANGE, YEAR_MARK, YEARS, YMD_SEPARATORS,
};
use crate::tables::numerals::{
    CharClass, DECIMAL_POINTS, Script, char_classes, class_of, starts_numeral,
};
use crate::tables::punctuation::COLONS;

mod stamp;
pub use stamp::publication_stamp;

/// What a date phrase without a year or month takes them from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateContext {
    /// The report year.
    pub year: i32,
    /// The month of the current month heading, if any.
    pub month: Option<u8>,
}

/// A date or a range of dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateSpan {
    /// The (first) day, or the month when no day is given.
    pub start: PartialDate,
    /// The last day of a range; `None` for a single day or month.
    pub end: Option<PartialDate>,
}

/// The date or range at the very start of `s` (leading whitespace allowed)
/// and the bytes it takes, whitespace included.
pub fn parse_prefix(s: &str, ctx: &DateContext) -> Option<(DateSpan, usize)> {
    let lead = skip_ws(s, 0);
    let (span, len, _) = read_date(s.get(lead..)?, ctx)?;
    Some((span, lead + len))
}

/// A date at the start of `s` whose year is counted in the 民國 era
/// (112年1月15日, 112.03.04 in a 2023 report), read as [`parse_prefix`]
/// reads the same date with the common year. Only an era year of one to
/// three digits that lands within a year of `ctx.year` counts, and only
/// before 年 or a numeric-date separator: 100年来 in a 2023 report is no
/// date.
pub fn parse_minguo_prefix(s: &str, ctx: &DateContext) -> Option<(DateSpan, usize)> {
    let lead = skip_ws(s, 0);
    let body = s.get(lead..)?;
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let era: i32 = body.get(..digits)?.parse().ok()?;
    let year = era.checked_add(MINGUO_OFFSET)?;
    if (year - ctx.year).abs() > 1 {
        return None;
    }
    let rest = body.get(digits..)?;
    let next = rest.get(skip_ws(rest, 0)..)?.chars().next()?;
    if next != YEAR_MARK && !YMD_SEPARATORS.contains(&next) {
        return None;
    }
    // The same date with the common year: four ASCII digits in place of
    // the era's, so the length read maps back byte for byte.
    let common = format!("{year}{rest}");
    let year_len = common.len() - rest.len();
    let (span, len) = parse_prefix(&common, ctx)?;
    // the date must reach past its year (a year alone is no date)
    let past_year = len.checked_sub(year_len).filter(|&n| n > 0)?;
    Some((span, lead + digits + past_year))
}

/// Every date phrase in `s`, in order. A date with a month makes that month
/// (and year) the context of the day-only phrases after it (3月12日和14日).
/// A Chinese day-only phrase (十六日) is taken only at the start of `s` (a
/// chronicle entry); in running text 一日 is too often not a date.
pub fn scan(s: &str, ctx: &DateContext) -> Vec<(DateSpan, Range<usize>)> {
    let mut out = Vec::new();
    let mut running = *ctx;
    let lead = skip_ws(s, 0);
    let mut i = 0;
    let mut prev_numeral = false;
    let starts_date = &*DATE_STARTS;
    while let Some(c) = s.get(i..).and_then(|t| t.chars().next()) {
        // one lookup for both kinds of start: this loop sees every character
        let start = if c.is_ascii() {
            c.is_ascii_digit().then_some(Start::Numeral)
        } else {
            starts_date.get(c)
        };
        let starts = start == Some(Start::Numeral);
        if start.is_some()
            && !prev_numeral
            && let Some((span, len, shape)) = s.get(i..).and_then(|t| read_date(t, &running))
            && !(shape.day_only && shape.chinese && i != lead)
        {
            out.push((span, i..i + len));
            let last = span.end.unwrap_or(span.start);
            running.year = last.year;
            running.month = Some(last.month);
            i += len;
            prev_numeral = false;
            continue;
        }
        prev_numeral = starts;
        i += c.len_utf8();
    }
    out
}

/// The month of a month heading: the whole trimmed line is 一月 … 十二月,
/// 1月, 1 月, 十二月份 (a year before it is allowed: 2020 年 1 月).
pub fn parse_month_heading(line: &str) -> Option<u8> {
    let line = line.trim().trim_end_matches(COLONS);
    let point = read_point(line)?;
    match point {
        Point::Marked(p) if p.len == line.len() && p.day.is_none() && p.month.is_some() => {
            p.month.filter(|m| (1..=12).contains(m))
        }
        _ => None,
    }
}

/// Year phrases: 2020 年, 2020年度, 二〇二〇年, and a bare 2020 (2020“迎中秋”,
/// 〔2020〕) that is not part of a longer number, code or figure. Years
/// 1949–2100 only. The span includes 年/年度 when written.
pub fn scan_years(s: &str) -> Vec<(i32, Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev: Option<char> = None;
    while let Some(c) = s.get(i..).and_then(|t| t.chars().next()) {
        let blocked =
            prev.is_some_and(|p| starts_numeral(p) || p.is_ascii_alphabetic() || p == '_');
        if starts_numeral(c)
            && !blocked
            && let Some((year, len)) = s.get(i..).and_then(read_year)
        {
            out.push((year, i..i + len));
            prev = s.get(..i + len).and_then(|t| t.chars().next_back());
            i += len;
            continue;
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

/// True when a year phrase (as [`scan_years`] finds them) starts `s`: the
/// first of `scan_years(s)` at offset 0, without scanning the rest of `s`.
pub fn starts_with_year(s: &str) -> bool {
    year_at_start(s).is_some()
}

/// The year phrase `s` starts with, as [`scan_years`] would find it first
/// at offset 0: its year and length. Reads only the phrase, not the rest.
pub fn year_at_start(s: &str) -> Option<(i32, usize)> {
    s.chars().next().filter(|&c| starts_numeral(c))?;
    read_year(s)
}

/// Year phrases written with 年 (2020 年, 2020年度, 二〇二〇年), leaving
/// out bare four-digit years.
pub fn scan_year_phrases(s: &str) -> impl Iterator<Item = (i32, Range<usize>)> + '_ {
    // A text without 年 has none: spared the walk over every character.
    let years = if s.contains(YEAR_MARK) {
        scan_years(s)
    } else {
        Vec::new()
    };
    years
        .into_iter()
        .filter(move |(_, range)| s.get(range.clone()).is_some_and(|t| t.contains(YEAR_MARK)))
}

/// A year phrase at the start of `s`.
fn read_year(s: &str) -> Option<(i32, usize)> {
    let (n, len) = parse_integer_prefix(s)?;
    let year = i32::try_from(n).ok().filter(|y| YEARS.contains(y))?;
    let arabic = is_arabic(s);
    if arabic && arabic_digits(s, len) != 4 {
        return None;
    }
    let after = skip_ws(s, len);
    let rest = s.get(after..)?;
    if let Some((Field::Year | Field::YearOnly, m)) = MARKERS.longest_prefix(rest) {
        return Some((year, after + m));
    }
    if !arabic {
        // 二〇二〇 alone is not a year phrase
        return None;
    }
    // a bare year: not a decimal, a grouped number, a code or a figure
    let next = s.get(len..).and_then(|t| t.chars().next());
    let blocked = next.is_some_and(|c| {
        c.is_ascii_alphanumeric() || c == '_' || matches!(class_of(c), Some(CharClass::Digit(..)))
    });
    if blocked {
        return None;
    }
    if let Some(c) = next
        && matches!(class_of(c), Some(CharClass::Point(_) | CharClass::Group(_)))
        && s.get(len + c.len_utf8()..)
            .and_then(|t| t.chars().next())
            .is_some_and(|d| matches!(class_of(d), Some(CharClass::Digit(..))))
        && read_ymd(s).is_none()
    {
        return None;
    }
    if crate::tables::units::UNIT_WORDS
        .longest_prefix(rest)
        .is_some_and(|(entry, _)| matches!(entry, crate::tables::units::UnitEntry::Unit(..)))
    {
        return None;
    }
    Some((year, len))
}

/// How a date phrase was written (for [`scan`] and the quantity scanner).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Only a day was written (16 日).
    pub day_only: bool,
    /// The first number is a Chinese numeral.
    pub chinese: bool,
    /// A year was written (else it came from the context).
    pub year: bool,
    /// A month was written (else it came from the context).
    pub month: bool,
}

/// Characters one of which must follow a date's first number (after
/// whitespace): a marker (年 月 日 号), a range or numeric-date separator, a
/// month·day dot, or a decimal point (4.23, and 点 inside a Chinese number
/// such as 三点零).
static AFTER_FIRST_NUMBER: LazyLock<CharMap<()>> = LazyLock::new(|| {
    let markers = DATE_MARKERS.iter().filter_map(|(w, _)| w.chars().next());
    let ranges = crate::tables::punctuation::DATE_RANGE_SEPARATORS
        .iter()
        .filter_map(|w| w.chars().next());
    let points = DECIMAL_POINTS.iter().map(|p| p.0);
    let chars = markers
        .chain(ranges)
        .chain(YMD_SEPARATORS.iter().copied())
        .chain(MONTH_DAY_DOTS.iter().copied())
        .chain(points);
    CharMap::new(chars.map(|c| (c, ())))
});

/// False when no date can start `s`: cheap, for the many numbers that are
/// no date (this runs at every number of a line). Take the run of
/// characters that can begin a numeral. The first number of a date ends
/// where the run does, or earlier (then a numeral character follows it and
/// no date reads), or later at a 点 (三点零, and 点 is in the set); so the
/// character after the run, past whitespace, must be in
/// [`AFTER_FIRST_NUMBER`]. A test checks this against the full reading.
fn may_be_date(s: &str) -> bool {
    let classes = char_classes();
    let run = s
        .char_indices()
        .find(|&(_, c)| {
            !matches!(
                classes.get(c),
                Some(CharClass::Digit(..) | CharClass::Multiplier(_))
            )
        })
        .map_or(s.len(), |(at, _)| at);
    if run == 0 {
        return false;
    }
    s.get(skip_ws(s, run)..)
        .and_then(|t| t.chars().next())
        .is_some_and(|c| AFTER_FIRST_NUMBER.get(c).is_some())
}

/// A date at the very start of `s` (no leading whitespace).
pub(crate) fn read_date(s: &str, ctx: &DateContext) -> Option<(DateSpan, usize, Shape)> {
    if !may_be_date(s) && month_word(s).is_none() {
        return None;
    }
    read_date_unchecked(s, ctx)
}

/// [`read_date`] without the quick rejection.
fn read_date_unchecked(s: &str, ctx: &DateContext) -> Option<(DateSpan, usize, Shape)> {
    let shape = Shape {
        chinese: !is_arabic(s),
        ..Shape::default()
    };
    match read_point(s)? {
        Point::Bare(n, len) => {
            // 27-31 日, 3-5月: the bare number takes the end's field
            let (sep_end, end_point) = range_end(s, len)?;
            let end = resolve(&end_point, None, ctx)?;
            let start = match (end_point.day, end_point.month) {
                (Some(_), _) => date(end.year, end.month, Some(small(n)?))?,
                (None, Some(_)) => date(end.year, small(n)?, None)?,
                _ => return None,
            };
            let shape = Shape {
                day_only: end_point.day.is_some() && end_point.month.is_none(),
                year: end_point.year.is_some(),
                month: end_point.month.is_some(),
                ..shape
            };
            let end = roll(start, end, &end_point)?;
            Some((
                DateSpan {
                    start,
                    end: Some(end),
                },
                sep_end,
                shape,
            ))
        }
        Point::Marked(p) => {
            if p.month.is_none() && p.day.is_none() {
                return None; // a year alone is no date
            }
            let start = resolve(&p, None, ctx)?;
            let shape = Shape {
                day_only: p.day.is_some() && p.month.is_none(),
                year: p.year.is_some(),
                month: p.month.is_some(),
                ..shape
            };
            // 3月12-14日: a bare day after the month, then the range
            if let Some((d, bare_len)) = p.bare_day
                && let Some((sep_end, end_point)) = range_end(s, bare_len)
                && end_point.day.is_some()
                && end_point.month.is_none()
            {
                let start = date(start.year, start.month, Some(small(d)?))?;
                let end = resolve(&end_point, Some(start), ctx)?;
                let end = roll(start, end, &end_point)?;
                return Some((
                    DateSpan {
                        start,
                        end: Some(end),
                    },
                    sep_end,
                    shape,
                ));
            }
            if let Some((sep_end, end_point)) = range_end(s, p.len)
                && end_point.day.is_some() == p.day.is_some()
                && let Some(end) = resolve(&end_point, Some(start), ctx)
                && let Some(end) = roll(start, end, &end_point)
            {
                return Some((
                    DateSpan {
                        start,
                        end: Some(end),
                    },
                    sep_end,
                    shape,
                ));
            }
            Some((DateSpan { start, end: None }, p.len, shape))
        }
    }
}

/// The end of a range after `at`: separator and a marked point.
fn range_end(s: &str, at: usize) -> Option<(usize, Marked)> {
    let sep_at = skip_ws(s, at);
    let (_, sep_len) = RANGE.longest_prefix(s.get(sep_at..)?)?;
    let point_at = skip_ws(s, sep_at + sep_len);
    match read_point(s.get(point_at..)?)? {
        Point::Marked(p) if p.month.is_some() || p.day.is_some() => Some((point_at + p.len, p)),
        _ => None,
    }
}

/// A date as written: what was given, nothing inferred.
#[derive(Clone, Copy, Debug, Default)]
struct Marked {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    /// Bytes taken.
    len: usize,
    /// A number right after "M 月" with no marker (3月12-14日), and where it
    /// ends.
    bare_day: Option<(u32, usize)>,
}

enum Point {
    /// A number with no date marker, and its length.
    Bare(u32, usize),
    /// A date point.
    Marked(Marked),
}

/// One date point at the very start of `s`.
fn read_point(s: &str) -> Option<Point> {
    read_point_from(s, true)
}

/// [`read_point`]; after a year (`year` false) only a month or a day can
/// follow, so a second year ends the reading there: `2020年2020年…` is
/// not read year after year to the end of the line (a stack as deep as the
/// line, and time growing with its square).
fn read_point_from(s: &str, year: bool) -> Option<Point> {
    if let Some(p) = read_ymd(s) {
        return Some(Point::Marked(p));
    }
    // 元月: a word that numbers a month, and only a month
    if let Some((month, len)) = month_word(s) {
        return match s.get(len..).and_then(|t| MARKERS.longest_prefix(t)) {
            Some((Field::Month, m)) => month_point(s, month, len + m).map(Point::Marked),
            _ => None,
        };
    }
    let (n, len) = parse_integer_prefix(s)?;
    if is_arabic(s) && arabic_digits(s, len) > 4 {
        return None;
    }
    // M·D, and M.D before a cue word
    if let Some(p) = read_month_dot_day(s, n, len) {
        return Some(Point::Marked(p));
    }
    let after = skip_ws(s, len);
    let Some((field, m)) = s.get(after..).and_then(|t| MARKERS.longest_prefix(t)) else {
        return Some(Point::Bare(n, len));
    };
    let marker = s.get(after..after + m).unwrap_or_default();
    let end = after + m;
    match field {
        // what follows a year cannot be one
        Field::Year | Field::YearOnly if !year => None,
        Field::YearOnly => Some(Point::Marked(Marked {
            year: Some(year_number(s, n, len)?),
            len: end,
            ..Marked::default()
        })),
        Field::Year => {
            let year = year_number(s, n, len)?;
            let month_at = skip_ws(s, end);
            match s.get(month_at..).and_then(|t| read_point_from(t, false)) {
                Some(Point::Marked(mut p)) if p.year.is_none() && p.month.is_some() => {
                    p.year = Some(year);
                    p.len += month_at;
                    p.bare_day = p.bare_day.map(|(d, l)| (d, l + month_at));
                    Some(Point::Marked(p))
                }
                _ => Some(Point::Marked(Marked {
                    year: Some(year),
                    len: end,
                    ..Marked::default()
                })),
            }
        }
        Field::Month => month_point(s, month_number(s, n, len)?, end).map(Point::Marked),
        Field::Day => {
            if !DAY_ONLY_MARKERS.contains(&marker) || !day_digits_ok(s, len) {
                return None;
            }
            Some(Point::Marked(Marked {
                day: Some(small(n)?),
                len: end,
                ..Marked::default()
            }))
        }
    }
}

/// A month whose marker (月, 月份) ends at `end` in `s`, with the day or
/// month part (下旬) after it.
fn month_point(s: &str, month: u8, end: usize) -> Option<Marked> {
    let mut p = Marked {
        month: Some(month),
        len: end,
        ..Marked::default()
    };
    let day_at = skip_ws(s, end);
    if let Some((d, dlen)) = s.get(day_at..).and_then(parse_integer_prefix)
        && day_digits_ok(s.get(day_at..).unwrap_or_default(), dlen)
    {
        let marker_at = skip_ws(s, day_at + dlen);
        match s.get(marker_at..).and_then(|t| MARKERS.longest_prefix(t)) {
            Some((Field::Day, dm)) => {
                p.day = Some(small(d)?);
                p.len = marker_at + dm;
                return Some(p);
            }
            // a month after a month: 5 月 6 月 is not a day
            Some(_) => {}
            None => p.bare_day = Some((d, day_at + dlen)),
        }
    }
    if let Some((_, part)) = s.get(end..).and_then(|t| MONTH_PART.longest_prefix(t)) {
        p.len = end + part;
    }
    Some(p)
}

/// What a character can start in [`scan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// A numeral (a digit or multiplier).
    Numeral,
    /// A month word (元 of 元月).
    MonthWord,
}

/// The non-ASCII characters that can start a date: numeral characters and
/// the first characters of month words.
static DATE_STARTS: LazyLock<CharMap<Start>> = LazyLock::new(|| {
    let numerals = crate::tables::numerals::DIGITS
        .iter()
        .map(|d| d.0)
        .chain(crate::tables::numerals::MULTIPLIERS.iter().map(|m| m.0))
        .filter(|c| !c.is_ascii())
        .map(|c| (c, Start::Numeral));
    let words = MONTH_WORDS
        .iter()
        .filter_map(|(w, _)| w.chars().next())
        .map(|c| (c, Start::MonthWord));
    CharMap::new(numerals.chain(words))
});

/// A word that stands for a month number before 月 (元月 = January) at
/// the start of `s`: the month and the word's length.
pub(crate) fn month_word(s: &str) -> Option<(u8, usize)> {
    // every month word is Han: most numbers are turned away by their first byte
    if s.as_bytes().first().is_none_or(u8::is_ascii) {
        return None;
    }
    MONTH_WORDS
        .iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|&(w, m)| (m, w.len()))
}

/// 2021.03.12, 2021-03-12, 2021/3/12.
fn read_ymd(s: &str) -> Option<Marked> {
    // four digits and a separator, or no numeric date (checked cheaply: this
    // runs at every number of every line)
    if let [first, ..] = s.as_bytes()
        && first.is_ascii()
    {
        let [a, b, c, d, sep, ..] = s.as_bytes() else {
            return None;
        };
        let digits = [a, b, c, d].iter().all(|x| x.is_ascii_digit());
        if !digits || !YMD_SEPARATORS.contains(&char::from(*sep)) {
            return None;
        }
    }
    if !is_arabic(s) {
        return None;
    }
    let (y, ylen) = parse_integer_prefix(s)?;
    if arabic_digits(s, ylen) != 4 {
        return None;
    }
    let sep = s.get(ylen..)?.chars().next()?;
    if !YMD_SEPARATORS.contains(&sep) {
        return None;
    }
    let m_at = ylen + sep.len_utf8();
    let (m, mlen) = parse_integer_prefix(s.get(m_at..)?)?;
    if !is_arabic(s.get(m_at..)?) || arabic_digits(s.get(m_at..)?, mlen) > 2 {
        return None;
    }
    let sep2_at = m_at + mlen;
    if s.get(sep2_at..)?.chars().next()? != sep {
        return None;
    }
    let d_at = sep2_at + sep.len_utf8();
    let (d, dlen) = parse_integer_prefix(s.get(d_at..)?)?;
    if !is_arabic(s.get(d_at..)?) || arabic_digits(s.get(d_at..)?, dlen) > 2 {
        return None;
    }
    Some(Marked {
        year: Some(i32::try_from(y).ok().filter(|y| DATE_YEARS.contains(y))?),
        month: Some(small(m)?),
        day: Some(small(d)?),
        len: d_at + dlen,
        bare_day: None,
    })
}

/// 4·23, 六·一; 4.23 only before a cue word.
fn read_month_dot_day(s: &str, month: u32, len: usize) -> Option<Marked> {
    let dot = s.get(len..)?.chars().next()?;
    let cue_needed = match class_of(dot) {
        _ if MONTH_DAY_DOTS.contains(&dot) => false,
        Some(CharClass::Point(Script::Arabic)) if is_arabic(s) => true,
        _ => return None,
    };
    let d_at = len + dot.len_utf8();
    let rest = s.get(d_at..)?;
    let (day, dlen) = parse_integer_prefix(rest)?;
    if is_arabic(s) != is_arabic(rest) || !day_digits_ok(rest, dlen) || !day_digits_ok(s, len) {
        return None;
    }
    if cue_needed && DOT_DATE_CUE.longest_prefix(rest.get(dlen..)?).is_none() {
        return None;
    }
    Some(Marked {
        month: Some(month_number(s, month, len)?),
        day: Some(small(day)?),
        len: d_at + dlen,
        ..Marked::default()
    })
}

/// The full date of a point: missing year and month from `base` (the start
/// of a range) or the context.
fn resolve(p: &Marked, base: Option<PartialDate>, ctx: &DateContext) -> Option<PartialDate> {
    let year = p.year.or(base.map(|b| b.year)).unwrap_or(ctx.year);
    let month = match (p.month, base) {
        (Some(m), _) => m,
        (None, Some(b)) => b.month,
        (None, None) => ctx.month?,
    };
    date(year, month, p.day)
}

/// A range end before its start rolls over to the next month or year.
fn roll(start: PartialDate, end: PartialDate, end_point: &Marked) -> Option<PartialDate> {
    if end >= start || end_point.year.is_some() {
        return (end >= start).then_some(end);
    }
    let rolled = if end_point.month.is_none() {
        let (year, month) = if end.month == 12 {
            (end.year + 1, 1)
        } else {
            (end.year, end.month + 1)
        };
        date(year, month, end.day)?
    } else {
        date(end.year + 1, end.month, end.day)?
    };
    (rolled > start).then_some(rolled)
}

/// A valid date, or `None`.
fn date(year: i32, month: u8, day: Option<u8>) -> Option<PartialDate> {
    if !(1..=12).contains(&month) || !DATE_YEARS.contains(&year) {
        return None;
    }
    if let Some(d) = day
        && (d == 0 || d > days_in_month(year, month))
    {
        return None;
    }
    Some(PartialDate { year, month, day })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

fn year_number(s: &str, n: u32, len: usize) -> Option<i32> {
    if is_arabic(s) && arabic_digits(s, len) != 4 {
        return None;
    }
    i32::try_from(n).ok().filter(|y| DATE_YEARS.contains(y))
}

fn month_number(s: &str, n: u32, len: usize) -> Option<u8> {
    if !day_digits_ok(s, len) {
        return None;
    }
    small(n).filter(|m| (1..=12).contains(m))
}

fn small(n: u32) -> Option<u8> {
    u8::try_from(n).ok().filter(|&v| v <= 31)
}

/// A month or day in Arabic digits has at most 2 of them.
fn day_digits_ok(s: &str, len: usize) -> bool {
    !is_arabic(s) || arabic_digits(s, len) <= 2
}

fn is_arabic(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(b) if b.is_ascii() => false,
        _ => s
            .chars()
            .next()
            .is_some_and(|c| matches!(class_of(c), Some(CharClass::Digit(_, Script::Arabic, _)))),
    }
}

fn arabic_digits(s: &str, len: usize) -> usize {
    s.get(..len).map_or(0, |t| t.chars().count())
}

/// Skips spaces (ASCII, tab, ideographic, no-break) from `at`.
fn skip_ws(s: &str, at: usize) -> usize {
    let bytes = s.as_bytes();
    let mut i = at;
    loop {
        match bytes.get(i..) {
            Some([b' ' | b'\t', ..]) => i += 1,
            Some([0xE3, 0x80, 0x80, ..]) => i += 3, // U+3000
            Some([0xC2, 0xA0, ..]) => i += 2,       // U+00A0
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CTX: DateContext = DateContext {
        year: 2020,
        month: Some(10),
    };

    fn show(s: &str, ctx: &DateContext) -> String {
        match parse_prefix(s, ctx) {
            Some((span, len)) => match span.end {
                Some(end) => format!("{}..{} [{}]", span.start, end, &s[..len]),
                None => format!("{} [{}]", span.start, &s[..len]),
            },
            None => "-".into(),
        }
    }

    #[test]
    fn single_dates() {
        for (input, want) in [
            ("2020 年 1 月 16 日正式", "2020-01-16 [2020 年 1 月 16 日]"),
            ("2020年4月26日，", "2020-04-26 [2020年4月26日]"),
            ("2021.03.12", "2021-03-12 [2021.03.12]"),
            ("2021-03-12", "2021-03-12 [2021-03-12]"),
            ("2021/3/12", "2021-03-12 [2021/3/12]"),
            ("二〇二〇年十月十六日", "2020-10-16 [二〇二〇年十月十六日]"),
            ("三月十二日", "2020-03-12 [三月十二日]"),
            ("12 月 27 日", "2020-12-27 [12 月 27 日]"),
            ("16 日，", "2020-10-16 [16 日]"),
            ("2 日起", "2020-10-02 [2 日]"),
            ("27 日下午", "2020-10-27 [27 日]"),
            ("5 月，", "2020-05 [5 月]"),
            ("4月下旬", "2020-04 [4月下旬]"),
            ("5月份", "2020-05 [5月份]"),
            ("4·23 世界读书日", "2020-04-23 [4·23]"),
            ("4.23来临之际", "2020-04-23 [4.23]"),
            ("  7 月份", "2020-07 [  7 月份]"),
            ("元月15日", "2020-01-15 [元月15日]"),
            ("元月份", "2020-01 [元月份]"),
            ("2021年元月", "2021-01 [2021年元月]"),
        ] {
            assert_eq!(show(input, &CTX), want, "{input}");
        }
    }

    #[test]
    fn ranges() {
        for (input, want) in [
            ("14 日至 15 日，", "2020-10-14..2020-10-15 [14 日至 15 日]"),
            ("27-31 日，", "2020-10-27..2020-10-31 [27-31 日]"),
            (
                "4 月 14 日—5 月 5 日",
                "2020-04-14..2020-05-05 [4 月 14 日—5 月 5 日]",
            ),
            (
                "7 月 20 日至 8 月 14 日在",
                "2020-07-20..2020-08-14 [7 月 20 日至 8 月 14 日]",
            ),
            ("3月12日-14日", "2020-03-12..2020-03-14 [3月12日-14日]"),
            ("3月12-14日", "2020-03-12..2020-03-14 [3月12-14日]"),
            (
                "1 月 13 日—1 月 17 日开展",
                "2020-01-13..2020-01-17 [1 月 13 日—1 月 17 日]",
            ),
            ("3-5月", "2020-03..2020-05 [3-5月]"),
            (
                "12月28日至1月3日",
                "2020-12-28..2021-01-03 [12月28日至1月3日]",
            ),
            ("2 日—", "2020-10-02 [2 日]"),
        ] {
            assert_eq!(show(input, &CTX), want, "{input}");
        }
    }

    #[test]
    fn not_dates() {
        for input in [
            "2月30日",
            "13月",
            "2020 年",
            "2020年度",
            "2 号",
            "3-13 岁",
            "7-8 号",
            "5.4，",
            "2 个月",
            "180383 日",
            "2020-2021学年",
            "元旦",
            "元",
            "〔2020〕",
            "",
        ] {
            assert_eq!(show(input, &CTX), "-", "{input}");
        }
        let no_month = DateContext {
            year: 2020,
            month: None,
        };
        assert_eq!(show("16 日", &no_month), "-");
    }

    #[test]
    fn headings_and_years() {
        for (line, month) in [
            ("一月", 1),
            ("十二月", 12),
            ("1月", 1),
            (" 1 月 ", 1),
            ("十二月份", 12),
        ] {
            assert_eq!(parse_month_heading(line), Some(month), "{line}");
        }
        for line in ["十三月", "1月5日", "一月份工作", "月"] {
            assert_eq!(parse_month_heading(line), None, "{line}");
        }
        let years: Vec<i32> =
            scan_years("2020 年年报；2019年度；二〇二〇年；〔2021〕5 号；2020 册；t2017；12020")
                .into_iter()
                .map(|(y, _)| y)
                .collect();
        assert_eq!(years, [2020, 2019, 2020, 2021]);
        for s in [
            "2020 年年报",
            "2020“迎中秋",
            "二〇二〇年",
            "2020",
            "12020",
            "x2020",
            "2020 册",
            "",
        ] {
            let first = scan_years(s).first().is_some_and(|(_, r)| r.start == 0);
            assert_eq!(starts_with_year(s), first, "{s}");
        }
    }

    #[test]
    fn the_quick_rejection_keeps_every_date() {
        let pieces = [
            "",
            "1",
            "12",
            "2020",
            "０",
            "三",
            "十",
            "二〇二〇",
            "点",
            "零",
            ".",
            "．",
            "·",
            "-",
            "—",
            "至",
            "/",
            " ",
            "\u{3000}",
            "年",
            "年度",
            "月",
            "月份",
            "日",
            "号",
            "下旬",
            "来临",
            "个",
            "a",
            "万",
            "，",
        ];
        let mut dates = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", "5", "十六", "日", "月"] {
                        let s = format!("{a}{b}{c}{d}");
                        let full = read_date_unchecked(&s, &CTX);
                        if full.is_some() {
                            dates += 1;
                            assert!(may_be_date(&s), "{s}");
                        }
                        assert_eq!(read_date(&s, &CTX), full, "{s}");
                    }
                }
            }
        }
        assert!(dates > 1000, "{dates}");
    }

    #[test]
    fn date_starts_are_the_numerals_and_month_words() {
        let chars = crate::tables::numerals::DIGITS
            .iter()
            .map(|d| d.0)
            .chain(crate::tables::numerals::MULTIPLIERS.iter().map(|m| m.0))
            .chain("元月年日点．，图书馆〇○".chars());
        for c in chars.filter(|c| !c.is_ascii()) {
            let start = DATE_STARTS.get(c);
            assert_eq!(start == Some(Start::Numeral), starts_numeral(c), "{c}");
            assert_eq!(
                start == Some(Start::MonthWord),
                MONTH_WORDS.iter().any(|(w, _)| w.starts_with(c)),
                "{c}"
            );
        }
    }

    #[test]
    fn scan_carries_the_month() {
        let found: Vec<String> = scan(
            "1.1 月 13 日—1 月 17 日；3月12日和14日；11.11 月 17 日",
            &CTX,
        )
        .into_iter()
        .map(|(d, _)| {
            format!(
                "{}{}",
                d.start,
                d.end.map(|e| format!("..{e}")).unwrap_or_default()
            )
        })
        .collect();
        assert_eq!(
            found,
            [
                "2020-01-13..2020-01-17",
                "2020-03-12",
                "2020-03-14",
                "2020-11-17"
            ]
        );
        let found: Vec<String> = scan("元月15日；3000元月均", &CTX)
            .into_iter()
            .map(|(d, _)| d.start.to_string())
            .collect();
        assert_eq!(found, ["2020-01-15"]);
    }
}
