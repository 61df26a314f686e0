//! Numerals → exact [`Decimal`]: Arabic, fullwidth, Chinese, financial
//! (大写) and traditional digits, and every mix of them the reports write.
//!
//! Stage: a string slice in, a value and the bytes consumed out. Nothing
//! here knows about units or approximation words; that is `quantity`.
//!
//! # Grammar
//!
//! ```text
//! numeral   = arabic-mixed | chinese | digit-string
//!
//! arabic    = digits [group…] [point digits]      180383  1,234,567  12,345.67  １２３４５  ５．６
//! group     = "," 3·digit                          ASCII digits only; "，" only between fullwidth digits
//! arabic-mixed = section… with arabic or Chinese digits before each multiplier:
//!               5.6万  306.7万  3.2亿  "168.52 万" (one space before 万/亿)  1千2百  1万5千  1万5000
//! chinese   = [part 亿]… [part 万] [part]         三亿零五十万  一千零五  十四  两百
//! part      = [digit 千] [零] [digit 百] [零] [digit 十] [digit]   (powers strictly decreasing)
//! leading   = 十四 = 14: 十 needs no digit before it (also after 零/万/亿: 一万零十)
//! bare      = 百, 千, 万, 亿 alone = 100 … (flagged `bare_round`: 百余场, 上千人)
//! abbrev.   = a final Chinese digit right after a multiplier counts one power
//!             lower: 一万五 = 15000, 三千五 = 3500 (not after 零: 一千零五 = 1005)
//! decimal   = chinese 点 chinese-digit… [万|亿]        十八点一六  三点五万
//! big…      = 万万, 亿亿 multiply again (一万亿 = 10¹²); 一千万亿亿亿 overflows
//! digit-string = ≥ 3 Chinese digits, or 2 with a 〇/零:  二〇二一 = 2021, 一九四九;
//!             an Arabic 0 may stand for 〇 after the first:  一0七 = 107, 二0二三
//! tens      = 廿 卅 卌 = 二十 三十 四十 in one character:   廿八 = 28, 一百廿 = 120
//! ```
//!
//! Refused (error, never a guess): two adjacent Chinese digits that are not
//! a digit string (两三, 三四十, 七八: a vague "two or three"), 两 in a digit
//! string, multipliers out of order (二十三十), an Arabic number of several
//! digits before 十/百/千 (12千), a final Arabic digit after a multiplier
//! whose place is unclear (1万5 could be 10005 or 15000; 1万5000 is fine),
//! and anything that overflows an `i64` mantissa or 18 decimals.
//!
//! A numeral is read as the longest run of numeral characters; when that run
//! is malformed the whole run is refused ([`parse_prefix`] gives `None` for
//! 两三个) rather than a shorter prefix (两 = 2) being returned.

use std::fmt;

use crate::decimal::Decimal;
use crate::tables::numerals::{
    COUNT_ONLY_DIGITS, CharClass, CharClasses, MULTIPLIER_SPACES, SECTION_POWER, Script,
    char_classes, class_of,
};

/// Why a text is not a numeral.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumeralError {
    /// The input is empty (or only whitespace).
    Empty,
    /// The input does not start with a numeral.
    NotANumeral,
    /// Adjacent digits that name a vague range (两三, 三四十), not a figure.
    Vague,
    /// Numeral characters in an order no numeral has (二十三十, 十百, 12千,
    /// 1万5).
    Malformed,
    /// The value does not fit (more than 18 significant digits or 18
    /// decimals): 一千万亿亿亿.
    Overflow,
    /// A numeral followed by other text, at this byte offset.
    TrailingText {
        /// Byte offset of the first character after the numeral.
        at: usize,
    },
}

impl fmt::Display for NumeralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumeralError::Empty => f.write_str("empty input"),
            NumeralError::NotANumeral => f.write_str("not a numeral"),
            NumeralError::Vague => f.write_str("vague numeral (a range such as 两三), no value"),
            NumeralError::Malformed => f.write_str("malformed numeral"),
            NumeralError::Overflow => f.write_str("numeral out of range"),
            NumeralError::TrailingText { at } => {
                write!(f, "text after the numeral at byte {at}")
            }
        }
    }
}

impl std::error::Error for NumeralError {}

/// A numeral read at the start of a text, with what the quantity scanner
/// needs to know about how it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numeral {
    /// The exact value.
    pub value: Decimal,
    /// Bytes consumed.
    pub len: usize,
    /// Some Arabic (or fullwidth) digit was read.
    pub has_arabic: bool,
    /// Some Chinese digit, multiplier or 点 was read.
    pub has_chinese: bool,
    /// Only Arabic digits: no separator, point or multiplier (180383, 0536).
    pub plain_integer: bool,
    /// How many Arabic digits a [`plain_integer`](Numeral::plain_integer) has.
    pub digit_count: usize,
    /// Starts with a multiplier and no digit: 百, 千万 (but not 十).
    pub bare_round: bool,
    /// The numeral is a lone Chinese digit (一, 两).
    pub lone_digit: bool,
    /// A string of Chinese digits read digit by digit (二〇二一).
    pub digit_string: bool,
}

/// A numeral that could not be read, and how long its run of numeral
/// characters is (so a scanner can skip the whole run).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    /// Why.
    pub error: NumeralError,
    /// Bytes of the refused run.
    pub len: usize,
}

/// The longest numeral at the start of `s` and the bytes it takes.
///
/// `None` when `s` does not start with a numeral character, and also when
/// the run of numeral characters there is malformed, vague or overflows.
///
/// ```
/// use libreport::numeral::parse_prefix;
/// assert_eq!(parse_prefix("168.52 万元").map(|(v, n)| (v.to_string(), n)),
///            Some(("1685200".to_string(), "168.52 万".len())));
/// assert_eq!(parse_prefix("两三个"), None);
/// ```
pub fn parse_prefix(s: &str) -> Option<(Decimal, usize)> {
    match parse_detailed(s)? {
        Ok(n) => Some((n.value, n.len)),
        Err(_) => None,
    }
}

/// The whole of `s` (surrounding whitespace allowed) as one numeral.
pub fn parse_full(s: &str) -> Result<Decimal, NumeralError> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Err(NumeralError::Empty);
    }
    let offset = s.len() - s.trim_start().len();
    match parse_detailed(trimmed) {
        None => Err(NumeralError::NotANumeral),
        Some(Err(refused)) => Err(refused.error),
        Some(Ok(n)) if n.len == trimmed.len() => Ok(n.value),
        Some(Ok(n)) => Err(NumeralError::TrailingText { at: offset + n.len }),
    }
}

/// A whole number at the start of `s` written without separators, point or
/// space: Arabic digits (at most 9) or a Chinese integer. For dates and
/// codes: in `2021.03.12` it reads `2021`, where [`parse_prefix`] would read
/// the decimal 2021.03.
pub fn parse_integer_prefix(s: &str) -> Option<(u32, usize)> {
    let first = s.chars().next()?;
    match class_of(first)? {
        CharClass::Digit(_, Script::Arabic, _) => {
            // by bytes: this runs several times at every number of a line
            // (the table test checks these are exactly the Arabic digits)
            let bytes = s.as_bytes();
            let mut value: u32 = 0;
            let mut len = 0;
            loop {
                let (d, width) = match bytes.get(len..) {
                    Some([b @ b'0'..=b'9', ..]) => (b - b'0', 1),
                    // U+FF10..U+FF19, fullwidth ０–９
                    Some([0xEF, 0xBC, b @ 0x90..=0x99, ..]) => (b - 0x90, 3),
                    _ => break,
                };
                value = value.checked_mul(10)?.checked_add(u32::from(d))?;
                len += width;
            }
            Some((value, len))
        }
        CharClass::Digit(_, Script::Chinese, _) | CharClass::Multiplier(_) | CharClass::Tens(_) => {
            let n = parse_detailed(s)?.ok()?;
            if n.has_arabic || n.value.is_negative() {
                return None;
            }
            let value = u32::try_from(n.value.to_i64()?).ok()?;
            Some((value, n.len))
        }
        _ => None,
    }
}

/// Reads the numeral at the start of `s` with the details of how it is
/// written. `None` when `s` does not start with a digit or multiplier;
/// `Some(Err(_))` when the run there is no valid numeral.
pub fn parse_detailed(s: &str) -> Option<Result<Numeral, Refused>> {
    let first = s.chars().next()?;
    if !crate::tables::numerals::starts_numeral(first) {
        return None;
    }
    if let Some(n) = plain_ascii(s) {
        return Some(Ok(n));
    }
    read_general(s)
}

/// The common case without the general reader: ASCII digits, perhaps an
/// ASCII decimal part (180383, 18.16), and after them nothing that could
/// continue a numeral. `None` leaves everything else (separators, other
/// scripts, 万 after a space, more than 18 digits) to [`read_general`]; a
/// test checks that both agree wherever this answers.
fn plain_ascii(s: &str) -> Option<Numeral> {
    let bytes = s.as_bytes();
    let int = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if int == 0 {
        return None;
    }
    let mut len = int;
    let mut frac = 0;
    if bytes.get(int) == Some(&b'.') {
        frac = bytes
            .get(int + 1..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if frac > 0 {
            len = int + 1 + frac;
        }
    }
    if int + frac > 18 {
        return None; // may overflow: the reader says how
    }
    let mut after = s.get(len..)?.chars();
    let continues = match after.next() {
        None => false,
        // one space and then 万 or 亿 joins the number
        Some(c) if MULTIPLIER_SPACES.contains(&c) => after.next().and_then(class_of).is_some(),
        Some(c) => class_of(c).is_some(),
    };
    if continues {
        return None;
    }
    let mut mantissa: i64 = 0;
    for &b in bytes.get(..len)? {
        if b.is_ascii_digit() {
            // at most 18 digits: no overflow
            mantissa = mantissa * 10 + i64::from(b - b'0');
        }
    }
    Some(Numeral {
        value: Decimal::new(mantissa, u8::try_from(frac).ok()?)?,
        len,
        has_arabic: true,
        has_chinese: false,
        plain_integer: frac == 0,
        digit_count: int,
        bare_round: false,
        lone_digit: false,
        digit_string: false,
    })
}

/// [`parse_detailed`] by the general reader.
fn read_general(s: &str) -> Option<Result<Numeral, Refused>> {
    let mut reader = Reader::new(s);
    let outcome = reader.run();
    let len = reader.pos;
    Some(match outcome {
        Ok(value) => Ok(Numeral {
            value,
            len,
            has_arabic: reader.has_arabic,
            has_chinese: reader.has_chinese,
            plain_integer: reader.plain_integer(),
            digit_count: reader.arabic_digits,
            bare_round: reader.bare_round,
            lone_digit: reader.chinese_digits == 1 && !reader.multiplied && !reader.has_arabic,
            digit_string: reader.digit_string,
        }),
        Err(error) => Err(Refused {
            error,
            len: reader.skip_len(),
        }),
    })
}

/// What the previous token was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    Start,
    /// A Chinese digit (or a leading 零).
    Digit,
    /// 零 as a filler after a multiplier.
    Zero,
    /// An Arabic number.
    Arabic,
    /// A multiplier, with its power.
    Multiplier(u8),
}

/// A number waiting for its multiplier.
#[derive(Clone, Copy, Debug)]
struct Pending {
    value: Decimal,
    /// Written in Arabic digits: how many before the point.
    arabic_int_digits: Option<usize>,
    /// The token before this one.
    after: Prev,
}

struct Reader<'a> {
    s: &'a str,
    classes: &'static CharClasses,
    pos: usize,
    prev: Prev,
    /// Closed sections: (power of the section multiplier, scaled value).
    parts: Vec<(u32, Decimal)>,
    /// The open section below 万.
    sec: Decimal,
    /// Power of the last 十百千 in the open section (`u8::MAX` = none).
    last_small: u8,
    pending: Option<Pending>,
    has_arabic: bool,
    has_chinese: bool,
    arabic_digits: usize,
    chinese_digits: usize,
    arabic_decorated: bool,
    multiplied: bool,
    bare_round: bool,
    /// A Chinese decimal (点) has been read: only 万/亿 may follow.
    closed: bool,
    /// After 点, whether one 万/亿 may still follow (三点五万).
    closed_big_ok: bool,
    /// Read as a digit string.
    digit_string: bool,
}

/// Arabic digits read so far, as one integer (no allocation per number).
#[derive(Clone, Copy, Debug)]
struct Digits {
    /// `None` once it overflowed.
    mantissa: Option<i64>,
    count: usize,
}

impl Default for Digits {
    fn default() -> Digits {
        Digits {
            mantissa: Some(0),
            count: 0,
        }
    }
}

impl Digits {
    fn push(&mut self, d: u8) {
        self.mantissa = self
            .mantissa
            .and_then(|m| m.checked_mul(10))
            .and_then(|m| m.checked_add(i64::from(d)));
        self.count += 1;
    }
}

fn overflow<T>(x: Option<T>) -> Result<T, NumeralError> {
    x.ok_or(NumeralError::Overflow)
}

fn is_chinese_digit(class: Option<CharClass>) -> bool {
    matches!(class, Some(CharClass::Digit(_, Script::Chinese, _)))
}

/// 0 or ０, which a digit string of Chinese digits may hold for 〇 (一0七).
fn is_arabic_zero(class: Option<CharClass>) -> bool {
    matches!(class, Some(CharClass::Digit(0, Script::Arabic, _)))
}

impl<'a> Reader<'a> {
    fn new(s: &'a str) -> Reader<'a> {
        Reader {
            s,
            classes: char_classes(),
            pos: 0,
            prev: Prev::Start,
            parts: Vec::new(),
            sec: Decimal::ZERO,
            last_small: u8::MAX,
            pending: None,
            has_arabic: false,
            has_chinese: false,
            arabic_digits: 0,
            chinese_digits: 0,
            arabic_decorated: false,
            multiplied: false,
            bare_round: false,
            closed: false,
            closed_big_ok: false,
            digit_string: false,
        }
    }

    fn plain_integer(&self) -> bool {
        self.has_arabic && !self.has_chinese && !self.arabic_decorated && !self.multiplied
    }

    fn peek_at(&self, at: usize) -> Option<(char, Option<CharClass>)> {
        let &b = self.s.as_bytes().get(at)?;
        if b.is_ascii() {
            let c = char::from(b);
            return Some((c, self.classes.get(c)));
        }
        let c = self.s.get(at..)?.chars().next()?;
        Some((c, self.classes.get(c)))
    }

    fn peek(&self) -> Option<(char, Option<CharClass>)> {
        self.peek_at(self.pos)
    }

    /// After an error: the whole run of numeral characters from the start,
    /// so that none of it is read again.
    fn skip_len(&self) -> usize {
        let mut end = self.pos;
        while let Some((c, class)) = self.peek_at(end) {
            match class {
                Some(CharClass::Digit(..) | CharClass::Multiplier(_) | CharClass::Tens(_)) => {
                    end += c.len_utf8()
                }
                _ => break,
            }
        }
        end.max(self.s.chars().next().map_or(0, char::len_utf8))
    }

    fn run(&mut self) -> Result<Decimal, NumeralError> {
        let first_two = (
            self.peek_at(0),
            self.peek_at(self.peek().map_or(0, |(c, _)| c.len_utf8())),
        );
        // 二〇二一, and 一0七 with an Arabic zero typed for 〇
        if let (Some((_, a)), Some((_, b))) = first_two
            && is_chinese_digit(a)
            && (is_chinese_digit(b) || is_arabic_zero(b))
        {
            return self.digit_string();
        }
        while let Some((c, Some(class))) = self.peek() {
            let consumed = match class {
                CharClass::Digit(_, Script::Arabic, _) => self.arabic()?,
                CharClass::Digit(d, Script::Chinese, _) => self.chinese_digit(c, d)?,
                CharClass::Multiplier(p) => self.multiplier(c, p)?,
                CharClass::Tens(d) => self.tens(c, d)?,
                CharClass::Point(Script::Chinese) => self.chinese_point(c)?,
                CharClass::Point(Script::Arabic) | CharClass::Group(_) => false,
            };
            if !consumed {
                break;
            }
        }
        self.finish()
    }

    /// An Arabic number: digits, thousands groups, a decimal part, and one
    /// space when 万/亿 follows. Returns false (nothing read) where an
    /// Arabic number cannot continue the numeral.
    fn arabic(&mut self) -> Result<bool, NumeralError> {
        if self.closed || matches!(self.prev, Prev::Digit | Prev::Zero | Prev::Arabic) {
            return Ok(false);
        }
        let mut digits = Digits::default();
        let mut pos = self.pos;
        let mut width = None;
        while let Some((c, Some(CharClass::Digit(d, Script::Arabic, w)))) = self.peek_at(pos) {
            width.get_or_insert(w);
            digits.push(d);
            pos += c.len_utf8();
        }
        // thousands groups: only after 1–3 digits, exactly 3 digits of the
        // same width each, and no digit after the last group
        if digits.count <= 3 {
            while let Some((g, Some(CharClass::Group(gw)))) = self.peek_at(pos) {
                if Some(gw) != width {
                    break;
                }
                let mut q = pos + g.len_utf8();
                let mut group = [0u8; 3];
                let mut n = 0;
                while n < group.len() {
                    match self.peek_at(q) {
                        Some((c, Some(CharClass::Digit(d, Script::Arabic, w))))
                            if Some(w) == width =>
                        {
                            group[n] = d;
                            n += 1;
                            q += c.len_utf8();
                        }
                        _ => break,
                    }
                }
                let digit_after = matches!(self.peek_at(q), Some((_, Some(CharClass::Digit(..)))));
                if n != group.len() || digit_after {
                    break;
                }
                for d in group {
                    digits.push(d);
                }
                self.arabic_decorated = true;
                pos = q;
            }
        }
        let int_digits = digits.count;
        // decimal part: a point followed by a digit
        if let Some((pc, Some(CharClass::Point(Script::Arabic)))) = self.peek_at(pos)
            && let Some((_, Some(CharClass::Digit(_, Script::Arabic, _)))) =
                self.peek_at(pos + pc.len_utf8())
        {
            pos += pc.len_utf8();
            while let Some((c, Some(CharClass::Digit(d, Script::Arabic, _)))) = self.peek_at(pos) {
                digits.push(d);
                pos += c.len_utf8();
            }
            self.arabic_decorated = true;
        }
        self.pos = pos;
        self.has_arabic = true;
        self.arabic_digits += int_digits;
        let mantissa = overflow(digits.mantissa)?;
        let scale = u8::try_from(digits.count - int_digits).map_err(|_| NumeralError::Overflow)?;
        let value = overflow(Decimal::new(mantissa, scale))?;
        self.pending = Some(Pending {
            value,
            arabic_int_digits: Some(int_digits),
            after: self.prev,
        });
        self.prev = Prev::Arabic;
        // one space, then 万/亿
        if let Some((sp, _)) = self.peek()
            && MULTIPLIER_SPACES.contains(&sp)
            && let Some((_, Some(CharClass::Multiplier(p)))) =
                self.peek_at(self.pos + sp.len_utf8())
            && p >= SECTION_POWER
        {
            self.pos += sp.len_utf8();
        }
        Ok(true)
    }

    fn chinese_digit(&mut self, c: char, d: u8) -> Result<bool, NumeralError> {
        if self.closed {
            return Ok(false);
        }
        match self.prev {
            Prev::Arabic => return Ok(false),
            // 一百二三: two digits after a multiplier
            Prev::Digit if d != 0 => return Err(NumeralError::Vague),
            Prev::Digit => return Err(NumeralError::Malformed),
            _ => {}
        }
        // 二萬兩 is 20000 两 (the unit), not 22000: 两 is never the
        // abbreviated last digit, only a digit before its multiplier (一万两千)
        if COUNT_ONLY_DIGITS.contains(&c)
            && matches!(self.prev, Prev::Multiplier(_))
            && !matches!(
                self.peek_at(self.pos + c.len_utf8()),
                Some((_, Some(CharClass::Multiplier(_))))
            )
        {
            return Ok(false);
        }
        self.has_chinese = true;
        self.chinese_digits += 1;
        self.pos += c.len_utf8();
        if d == 0 && self.prev != Prev::Start {
            // 零 as a filler: 一千零五, 三亿零五十万
            self.prev = Prev::Zero;
            return Ok(true);
        }
        self.pending = Some(Pending {
            value: Decimal::from_int(i64::from(d)),
            arabic_int_digits: None,
            after: self.prev,
        });
        self.prev = Prev::Digit;
        Ok(true)
    }

    fn multiplier(&mut self, c: char, p: u8) -> Result<bool, NumeralError> {
        if self.closed {
            if p < SECTION_POWER || !self.closed_big_ok {
                return Ok(false);
            }
            self.closed_big_ok = false;
        }
        self.has_chinese = true;
        let pending = self.pending.take();
        if p < SECTION_POWER {
            let n = match pending {
                // 12千 is refused; 1千, 1.5千 are fine
                Some(Pending {
                    arabic_int_digits: Some(digits),
                    ..
                }) if digits != 1 => return Err(NumeralError::Malformed),
                Some(pd) => pd.value,
                None => match self.prev {
                    Prev::Start => {
                        // 十四; bare 百, 千 (flagged)
                        self.bare_round = p > 1;
                        Decimal::from_int(1)
                    }
                    Prev::Zero | Prev::Multiplier(SECTION_POWER..) if p == 1 => {
                        Decimal::from_int(1)
                    }
                    _ => return Err(NumeralError::Malformed),
                },
            };
            if p >= self.last_small {
                return Err(NumeralError::Malformed);
            }
            let term = overflow(n.checked_mul_pow10(i32::from(p)))?;
            self.sec = overflow(self.sec.checked_add(term))?;
            self.last_small = p;
        } else {
            let mut v = self.sec;
            if let Some(pd) = pending {
                v = overflow(v.checked_add(pd.value))?;
            }
            let mut merged = false;
            while let Some(&(q, part)) = self.parts.last() {
                if q >= u32::from(p) {
                    break;
                }
                v = overflow(v.checked_add(part))?;
                self.parts.pop();
                merged = true;
            }
            let nothing = pending.is_none() && self.sec == Decimal::ZERO && !merged;
            if nothing {
                match self.prev {
                    Prev::Start => {
                        self.bare_round = true;
                        v = Decimal::from_int(1);
                    }
                    // 万万, 亿亿: multiply the last section again
                    Prev::Multiplier(q) if q >= SECTION_POWER => {
                        if let Some(last) = self.parts.last_mut() {
                            last.1 = overflow(last.1.checked_mul_pow10(i32::from(p)))?;
                            last.0 += u32::from(p);
                        }
                        self.pos += c.len_utf8();
                        self.prev = Prev::Multiplier(p);
                        self.multiplied = true;
                        return Ok(true);
                    }
                    _ => return Err(NumeralError::Malformed),
                }
            }
            if self.parts.iter().any(|&(q, _)| q <= u32::from(p)) {
                // 一万二万, 一亿二亿
                return Err(NumeralError::Malformed);
            }
            let scaled = overflow(v.checked_mul_pow10(i32::from(p)))?;
            self.parts.push((u32::from(p), scaled));
            self.sec = Decimal::ZERO;
            self.last_small = u8::MAX;
        }
        self.pos += c.len_utf8();
        self.prev = Prev::Multiplier(p);
        self.multiplied = true;
        Ok(true)
    }

    /// 廿, 卅: a digit and 十 in one character (廿八 = 28).
    #[cold]
    fn tens(&mut self, c: char, d: u8) -> Result<bool, NumeralError> {
        let at = self.pos;
        if !self.chinese_digit(c, d)? {
            return Ok(false);
        }
        self.pos = at;
        self.multiplier(c, 1)
    }

    /// 十八点一六: the integer so far plus Chinese decimal digits.
    fn chinese_point(&mut self, c: char) -> Result<bool, NumeralError> {
        if self.closed || matches!(self.prev, Prev::Arabic | Prev::Start) {
            return Ok(false);
        }
        let mut q = self.pos + c.len_utf8();
        let mut frac: Vec<u8> = Vec::new();
        while let Some((fc, Some(CharClass::Digit(d, Script::Chinese, _)))) = self.peek_at(q) {
            frac.push(d);
            q += fc.len_utf8();
        }
        if frac.is_empty() {
            return Ok(false);
        }
        let int = self.finish()?;
        self.closed_big_ok = self.parts.is_empty();
        let mut mantissa: i64 = 0;
        for d in &frac {
            mantissa = overflow(
                mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(i64::from(*d))),
            )?;
        }
        let scale = u8::try_from(frac.len()).map_err(|_| NumeralError::Overflow)?;
        let fraction = overflow(Decimal::new(mantissa, scale))?;
        let value = overflow(int.checked_add(fraction))?;
        self.chinese_digits += frac.len();
        self.parts.clear();
        self.sec = Decimal::ZERO;
        self.last_small = u8::MAX;
        self.pending = Some(Pending {
            value,
            arabic_int_digits: None,
            after: Prev::Start,
        });
        self.pos = q;
        self.prev = Prev::Digit;
        self.closed = true;
        Ok(true)
    }

    /// The value of everything read: closed sections, the open section and
    /// the pending number (with the place rules for a final digit).
    fn finish(&self) -> Result<Decimal, NumeralError> {
        if self.prev == Prev::Start {
            return Err(NumeralError::NotANumeral);
        }
        let mut total = self.sec;
        for &(_, part) in &self.parts {
            total = overflow(total.checked_add(part))?;
        }
        if let Some(pd) = self.pending {
            let last = match pd.after {
                Prev::Multiplier(p) if !self.closed => Some(p),
                _ => None,
            };
            let term = match (last, pd.arabic_int_digits) {
                (None, _) => pd.value,
                // 一万五 = 15000, 三千五 = 3500, 二十五 = 25
                (Some(p), None) => overflow(pd.value.checked_mul_pow10(i32::from(p) - 1))?,
                // 1万5000: the Arabic number fills the place below 万 exactly
                // (1万5 and 1千2 are unclear: 10005 or 15000?)
                (Some(p), Some(digits)) => {
                    if !pd.value.is_integer() || digits != usize::from(p) {
                        return Err(NumeralError::Malformed);
                    }
                    pd.value
                }
            };
            total = overflow(total.checked_add(term))?;
        }
        Ok(total)
    }

    /// 二〇二一, 一九四九: a run of Chinese digits only.
    fn digit_string(&mut self) -> Result<Decimal, NumeralError> {
        let mut mantissa: i64 = 0;
        let mut count = 0usize;
        let mut zero = false;
        let mut count_only = false;
        while let Some((c, Some(class))) = self.peek() {
            match class {
                CharClass::Digit(d, Script::Chinese, _)
                | CharClass::Digit(d @ 0, Script::Arabic, _) => {
                    mantissa = overflow(
                        mantissa
                            .checked_mul(10)
                            .and_then(|m| m.checked_add(i64::from(d))),
                    )?;
                    count += 1;
                    zero |= d == 0;
                    count_only |= COUNT_ONLY_DIGITS.contains(&c);
                    self.pos += c.len_utf8();
                }
                // 三四十, 两三百: "thirty or forty"
                CharClass::Multiplier(_) | CharClass::Tens(_) => return Err(NumeralError::Vague),
                _ => break,
            }
        }
        if count_only || (count < 3 && !zero) {
            return Err(NumeralError::Vague);
        }
        self.has_chinese = true;
        self.chinese_digits = count;
        self.digit_string = true;
        Ok(Decimal::from_int(mantissa))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `input => value` cases; `value` is ASCII decimal text.
    macro_rules! numerals {
        ($($input:literal => $value:literal,)*) => {
            let mut failures = Vec::new();
            $(
                let want: Decimal = $value.parse().expect("test literal");
                match parse_full($input) {
                    Ok(got) if got == want => {}
                    got => failures.push(format!("{} → {:?}, want {}", $input, got, $value)),
                }
            )*
            assert!(failures.is_empty(), "\n{}", failures.join("\n"));
        };
    }

    #[test]
    fn chinese_numerals() {
        numerals! {
            "零" => "0", "〇" => "0", "一" => "1", "两" => "2", "十" => "10", "十四" => "14",
            "二十" => "20", "二十五" => "25", "一百零四" => "104", "一千零五" => "1005",
            "一千零五十" => "1050", "三千五" => "3500", "一万五" => "15000",
            "两百" => "200", "百" => "100", "千" => "1000", "万" => "10000",
            "三万四千五百六十七" => "34567", "一萬零四十" => "10040", "一千万" => "10000000",
            "三亿零五十万" => "300500000", "一万亿" => "1000000000000", "亿亿" => "10000000000000000",
            "壹仟贰佰叁拾肆" => "1234", "拾" => "10", "兩萬" => "20000", "十八点一六" => "18.16",
            "零点五" => "0.5", "三点五万" => "35000", "二〇二一" => "2021", "二○二○" => "2020",
            "一九四九" => "1949", "十万" => "100000", "一千零一十" => "1010",
            "一万两千" => "12000", "兩千兩百" => "2200",
            "廿" => "20", "廿八" => "28", "卅" => "30", "卅一" => "31", "一百廿" => "120",
            "一0七" => "107", "一一二" => "112", "二0二三" => "2023", "二〇二三" => "2023",
        }
    }

    #[test]
    fn arabic_and_mixed() {
        numerals! {
            "180383" => "180383", "1,234,567" => "1234567", "12,345.67" => "12345.67",
            "１２３４５" => "12345", "５．６万" => "56000", "１，２３４" => "1234",
            "5.6万" => "56000", "306.7万" => "3067000", "3.2亿" => "320000000",
            "168.52 万" => "1685200", "1千2百" => "1200", "1万5千" => "15000",
            "1万5000" => "15000", "2万3千4百" => "23400", "12.3万" => "123000",
            "0.1396" => "0.1396", "0.07万" => "700", "1.5千" => "1500", "3亿5000万" => "350000000",
        }
    }

    #[test]
    fn refusals() {
        let cases: &[(&str, NumeralError)] = &[
            ("", NumeralError::Empty),
            ("  ", NumeralError::Empty),
            ("个", NumeralError::NotANumeral),
            ("两三", NumeralError::Vague),
            ("三四十", NumeralError::Vague),
            ("七八", NumeralError::Vague),
            ("十四五", NumeralError::Vague),
            ("二十三十", NumeralError::Malformed),
            ("十百", NumeralError::Malformed),
            ("12千", NumeralError::Malformed),
            ("1万5", NumeralError::Malformed),
            ("一万二万", NumeralError::Malformed),
            ("一千万亿亿亿", NumeralError::Overflow),
            ("99999999999999999999", NumeralError::Overflow),
            ("180383册", NumeralError::TrailingText { at: 6 }),
            ("二萬兩", NumeralError::TrailingText { at: 6 }),
            ("1,23", NumeralError::TrailingText { at: 1 }),
            ("12，345", NumeralError::TrailingText { at: 2 }),
        ];
        for (input, want) in cases {
            assert_eq!(parse_full(input), Err(*want), "{input}");
        }
    }

    #[test]
    fn prefixes() {
        assert_eq!(parse_prefix("两三个"), None);
        assert_eq!(
            parse_prefix("2021.03.12"),
            Some(("2021.03".parse().expect("lit"), 7))
        );
        assert_eq!(parse_integer_prefix("2021.03.12"), Some((2021, 4)));
        assert_eq!(parse_integer_prefix("十六日"), Some((16, 6)));
        assert_eq!(parse_integer_prefix("二〇二〇年"), Some((2020, 12)));
        assert_eq!(parse_prefix("5点"), Some((Decimal::from_int(5), 1)));
        assert_eq!(
            parse_prefix("1.2020 年"),
            Some(("1.202".parse().expect("lit"), 6))
        );
        let n = parse_detailed("百余场").and_then(Result::ok).expect("百");
        assert!(n.bare_round && n.len == 3);
        let n = parse_detailed("0536").and_then(Result::ok).expect("0536");
        assert!(n.plain_integer && n.digit_count == 4);
        let n = parse_detailed("一是").and_then(Result::ok).expect("一");
        assert!(n.lone_digit);
    }

    #[test]
    fn integer_prefix_reads_exactly_the_arabic_digits() {
        use crate::tables::numerals::DIGITS;
        for &(c, d, script) in DIGITS {
            if script == Script::Arabic {
                let want = (u32::from(d) * 11, 2 * c.len_utf8());
                assert_eq!(parse_integer_prefix(&format!("{c}{c}x")), Some(want), "{c}");
            }
            let want = match script {
                Script::Arabic => (10 + u32::from(d), 1 + c.len_utf8()),
                Script::Chinese => (1, 1),
            };
            assert_eq!(parse_integer_prefix(&format!("1{c}")), Some(want), "1{c}");
        }
        // U+FF1A and U+FF0F sit next to the fullwidth digits
        assert_eq!(parse_integer_prefix("1：/"), Some((1, 1)));
        assert_eq!(parse_integer_prefix("１／"), Some((1, 3)));
        assert_eq!(parse_integer_prefix("4294967295"), Some((u32::MAX, 10)));
        assert_eq!(parse_integer_prefix("4294967296"), None);
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_reader() {
        let pieces = [
            "0", "7", "12", "2020", "180383", "99999", ".", "..", ",", ",123", "，", " ",
            "\u{3000}", "万", "亿", "千", "十", "点", "五", "０", "５", "．", "%", "个", "年", "a",
            "-", "·",
        ];
        let mut fast = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", "3", "万", " 人"] {
                        let s = format!("{a}{b}{c}{d}");
                        if let Some(n) = plain_ascii(&s) {
                            fast += 1;
                            assert_eq!(read_general(&s), Some(Ok(n)), "{s}");
                        }
                    }
                }
            }
        }
        assert!(fast > 5000, "{fast}");
        let long = "9".repeat(18);
        assert!(plain_ascii(&long).is_some());
        assert_eq!(plain_ascii(&format!("{long}9")), None);
        assert_eq!(
            parse_full(&format!("{long}9999")),
            Err(NumeralError::Overflow)
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "\u{0}",
            "万万万万万万万万万",
            "点",
            "〇点",
            "1.",
            "1,",
            "，１",
            "9".repeat(5000).as_str(),
            "一\u{301}",
        ] {
            let _ = parse_prefix(s);
            let _ = parse_full(s);
        }
    }
}
