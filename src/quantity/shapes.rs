//! The shapes of a numeric phrase beside a plain figure, read by the
//! [`Scanner`]: ranges of figures (3-5万人, 三至五次), era years (民国 105
//! 年), times of day (9:00-17:00) and approximation words that stand a few
//! words before their number (约占全馆藏书的 30%).

use std::ops::Range;

use super::{Before, Era, Quantity, QuantityError, QuantityKind, SPACES, Scanner};
use crate::numeral::Numeral;
use crate::report::Approx;
use crate::tables::approx::{Effect, LEAD, MAX_LEAD_CHARS};
use crate::tables::dates::{ERA_NAMES, Field, MARKERS, MINGUO_OFFSET, TIME_SEPARATORS, YEARS};
use crate::tables::numerals::{CharClass, class_of};
use crate::tables::phrases::FIGURE_RANGE;
use crate::unit::Unit;

impl Scanner<'_> {
    /// Notes a lead approximation word (约占) or an era name (民国) that
    /// starts at `i`, for the number after it.
    pub(super) fn at_word(&mut self, i: usize) {
        let rest = self.rest(i);
        if let Some(&(word, Effect::Approx(a))) = LEAD.iter().find(|(w, _)| rest.starts_with(w)) {
            self.lead = Some((i + word.len(), a));
        }
        if let Some(&(name, offset)) = ERA_NAMES.iter().find(|(w, _)| rest.starts_with(w)) {
            self.era_name = Some((i..i + name.len(), offset));
        }
    }

    /// The approximation of a lead word (约占全馆藏书的 30%) that stands
    /// after `floor` and at most [`MAX_LEAD_CHARS`] characters of one
    /// clause before the number at `i`.
    pub(super) fn lead_approx(&self, floor: usize, i: usize) -> Option<Approx> {
        let (end, approx) = self.lead?;
        if end < floor || end > i {
            return None;
        }
        let between = self.text.get(end..i)?;
        let mut count = 0;
        for c in between.chars().filter(|c| !SPACES.contains(c)) {
            count += 1;
            if count > MAX_LEAD_CHARS || !c.is_alphanumeric() {
                return None;
            }
        }
        Some(approx)
    }

    /// 9:00, 9:00-17:00: a time of day (and a span of them) is no figure.
    pub(super) fn clock_time(&self, n: &Numeral, num_end: usize) -> Option<usize> {
        if n.digit_count > 2 {
            return None;
        }
        let end = clock_minutes(self.rest(num_end)).map(|len| num_end + len)?;
        let hours = n.value.to_i64()?;
        if hours > 24 {
            return None;
        }
        // the end of a span: separator and another H:MM
        let sep_at = self.skip_spaces(end);
        if let Some((_, sep)) = FIGURE_RANGE.longest_prefix(self.rest(sep_at)) {
            let at = self.skip_spaces(sep_at + sep);
            let digits = self.rest(at).bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&digits)
                && let Some(len) = clock_minutes(self.rest(at + digits))
            {
                return Some(at + digits + len);
            }
        }
        Some(end)
    }

    /// Pushes the range `found` whose first number is `n` at `i` (or skips
    /// it, when it is no range of figures) and returns where scanning goes on.
    pub(super) fn range(
        &mut self,
        i: usize,
        n: &Numeral,
        number: Range<usize>,
        before: Before,
        found: FoundRange,
    ) -> usize {
        self.note(QuantityError::Range);
        let chinese_only = !n.has_arabic && !found.high.has_arabic;
        // 第 1-3 名 is a list of ordinals; 一至二 with no unit is a word
        let skip =
            before.ordinal || before.vague || (chinese_only && !self.whole && found.unit.is_none());
        let pow = found.unit.map_or(0, |u| u.1);
        let high_text = self.text.get(found.high_at..found.high_at + found.high.len);
        // 3-5万人: the first number takes the multiplier the second ends with
        let mut low = n.value;
        let shared = high_text.map_or(0, trailing_multiplier_power);
        let own = self
            .text
            .get(number.clone())
            .map_or(0, trailing_multiplier_power);
        if shared > 0
            && own == 0
            && let Some(scaled) = low.checked_mul_pow10(shared)
            && scaled <= found.high.value
        {
            low = scaled;
        }
        let bounds = low
            .checked_mul_pow10(pow)
            .zip(found.high.value.checked_mul_pow10(pow))
            .filter(|(low, high)| low <= high);
        let (false, Some((low, high))) = (skip, bounds) else {
            self.last_end = found.end;
            return found.end;
        };
        let quantity = Quantity {
            value: low,
            unit: found.unit.map(|u| u.0),
            approx: before.approx,
        };
        let end = self.push(
            QuantityKind::Range,
            quantity,
            before.start.min(i)..found.end,
            number,
        );
        if let Some(last) = self.out.last_mut() {
            last.high = Some(high);
        }
        end
    }

    /// 民国 105 年 in any text, and 105 年 (105年度) in a 民国-era text: the
    /// common-era year and the span.
    pub(super) fn era_year(
        &self,
        i: usize,
        n: &Numeral,
        after: usize,
        plain_context: bool,
    ) -> Option<(i64, Range<usize>)> {
        // an era name the scan saw, right before the number
        let era = self.era_name.clone().filter(|(name, _)| {
            trim_spaces_end(self.text.as_bytes().get(..i).unwrap_or_default()).len() == name.end
        });
        let (offset, start) = match era {
            Some((name, offset)) => (offset, name.start),
            // 105年, and 一一二年 / 一0七年 written in Chinese digits
            None if self.era == Era::Minguo
                && plain_context
                && ((n.plain_integer && (2..=3).contains(&n.digit_count))
                    || (n.digit_string
                        && (2..=3).contains(
                            &self.rest(i).get(..n.len).map_or(0, |t| t.chars().count()),
                        ))) =>
            {
                (MINGUO_OFFSET, i)
            }
            None => return None,
        };
        let Some((Field::Year | Field::YearOnly, len)) = MARKERS.longest_prefix(self.rest(after))
        else {
            return None;
        };
        if !n.value.is_integer() || n.value.is_negative() {
            return None;
        }
        let number = n.value.to_i64()?;
        let year = number.checked_add(i64::from(offset))?;
        YEARS
            .contains(&i32::try_from(year).ok()?)
            .then_some((year, start..after + len))
    }
}

/// `b` without the spaces (ASCII, ideographic, no-break) at its end.
fn trim_spaces_end(mut b: &[u8]) -> &[u8] {
    loop {
        match b {
            [rest @ .., b' '] | [rest @ .., 0xE3, 0x80, 0x80] | [rest @ .., 0xC2, 0xA0] => b = rest,
            _ => return b,
        }
    }
}

/// `:00` after the hours of a time of day: a separator and two digits, no
/// third. The bytes taken.
fn clock_minutes(s: &str) -> Option<usize> {
    let sep = s.chars().next().filter(|c| TIME_SEPARATORS.contains(c))?;
    let digits = s.get(sep.len_utf8()..)?.as_bytes();
    match digits {
        [b'0'..=b'5', b'0'..=b'9', rest @ ..] if !rest.first().is_some_and(u8::is_ascii_digit) => {
            Some(sep.len_utf8() + 2)
        }
        _ => None,
    }
}

/// A range found after a first number: the second number, where it
/// starts, where the range ends (after its unit), and the unit.
pub(super) struct FoundRange {
    pub(super) high: Numeral,
    pub(super) high_at: usize,
    pub(super) end: usize,
    pub(super) unit: Option<(Unit, i32)>,
}

/// The power of ten of the 百/千/万/亿 a numeral ends with (5万 → 4, 5千万
/// → 7); 十 and a final digit give 0.
fn trailing_multiplier_power(numeral: &str) -> i32 {
    let mut power = 0;
    for c in numeral.chars().rev() {
        match class_of(c) {
            Some(CharClass::Multiplier(p)) if p >= 2 => power += i32::from(p),
            _ => break,
        }
    }
    power
}
