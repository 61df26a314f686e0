//! What a number in running text is not, before it is read as a figure:
//! a list marker (1. 2、), a phone or account number, a page number, a
//! year, or a numeral inside a vague word (成千上万). Read by the
//! [`Scanner`] at each numeral.

use super::*;
use crate::tables::numerals::{ONE_DIGITS, ZERO_DIGITS};

impl Scanner<'_> {
    /// The end of a vague word (成千上万, 上百上千, 数十) that the numeral at
    /// `i` stands in.
    pub(super) fn inside_vague_word(&self, i: usize) -> Option<usize> {
        let c = self.char_at(i)?;
        // sorted by numeral: the splits at `c` are a run
        let from = VAGUE_SPLITS.partition_point(|v| v.numeral < c);
        let mut splits = VAGUE_SPLITS[from..]
            .iter()
            .take_while(|v| v.numeral == c)
            .peekable();
        splits.peek()?;
        let rest = self.rest(i);
        let head = self.text.get(self.line_start(i)..i)?;
        splits.find_map(|v| {
            (rest.starts_with(v.tail) && head.ends_with(v.head)).then(|| i + v.tail.len())
        })
    }

    /// `1.` `2、` `（3）` at a line start, as an ordinal; `1.2020 年` and
    /// `3.5 月 18 日` too (the rest reads as a year or date).
    pub(super) fn list_marker(&mut self, i: usize) -> Option<usize> {
        let rest = self.rest(i);
        // Arabic digits only (checked below): spare a Chinese numeral the
        // integer reading
        if !rest
            .chars()
            .next()
            .and_then(class_of)
            .is_some_and(is_arabic)
        {
            return None;
        }
        // At a line or sentence start only: asked first, since most
        // numbers stand elsewhere and need not be read here.
        let line = self
            .text
            .get(self.line_start(i)..i)?
            .trim_end_matches(SPACES);
        let opens = line.is_empty()
            || line
                .chars()
                .next_back()
                .is_some_and(|c| LIST_MARKER_OPENERS.contains(&c));
        if !opens {
            return None;
        }
        let (value, len) = parse_integer_prefix(rest)?;
        let digits = rest.get(..len)?;
        if digits.chars().count() > 2 || !digits.chars().all(|c| class_of(c).is_some_and(is_arabic))
        {
            return None;
        }
        let mark = self.char_at(i + len)?;
        if !LIST_MARKERS.contains(&mark) {
            return None;
        }
        let after = i + len + mark.len_utf8();
        if matches!(class_of(mark), Some(CharClass::Point(_))) {
            let next = self.char_at(after);
            let digit_follows = next.is_some_and(|c| class_of(c).is_some_and(is_digit));
            if digit_follows {
                let tail = self.rest(after);
                let reads_as_date = date::read_date(tail, &CLASSIFY).is_some()
                    || date::year_at_start(tail).is_some();
                if !reads_as_date {
                    return None;
                }
            }
        }
        let q = plain(Decimal::from_int(i64::from(value)));
        Some(self.push(QuantityKind::Ordinal, q, i..after, i..i + len))
    }

    /// Phone numbers, postcodes and codes.
    pub(super) fn code(&self, i: usize, n: &Numeral, num_end: usize) -> Option<usize> {
        let digits = self.text.get(i..num_end)?;
        let leading_zero = n.digit_count >= 2 && digits.starts_with(ZERO_DIGITS);
        let mobile = n.digit_count == 11 && digits.starts_with(ONE_DIGITS);
        let joined = n.digit_count >= 5
            && self
                .char_before(i)
                .is_some_and(|c| CODE_JOINERS.contains(&c));
        let floor = self.last_end.max(self.line_start(i));
        let cue = n.digit_count >= 3
            && self.text.get(floor..i).is_some_and(|t| {
                CODE_CUE
                    .longest_suffix(t.trim_end_matches(CODE_CUE_GAPS))
                    .is_some()
            });
        if !(leading_zero || mobile || joined || cue) {
            return None;
        }
        // take the joined groups too: 0753-2345678
        let mut end = num_end;
        while let Some(j) = self.char_at(end).filter(|c| CODE_JOINERS.contains(c))
            && self
                .char_at(end + j.len_utf8())
                .is_some_and(|c| c.is_ascii_digit())
        {
            end += j.len_utf8();
            end += self
                .rest(end)
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
        }
        Some(end)
    }

    /// `- 3 -` alone on its line, or a page number after dot leaders.
    pub(super) fn page_number(&self, i: usize, num_end: usize) -> Option<Range<usize>> {
        let end = self.line_end(num_end);
        let after = self.text.get(num_end..end)?.trim();
        let dash = |s: &str| {
            let mut chars = s.chars();
            chars.next().is_some_and(|c| DASHES.contains(&c)) && chars.next().is_none()
        };
        // Either way nothing but a dash may follow on the line: most
        // numbers are turned away here, before the line's start is read.
        if !(after.is_empty() || dash(after)) {
            return None;
        }
        let start = self.line_start(i);
        let before = self.text.get(start..i)?.trim();
        let leaders = before
            .chars()
            .rev()
            .take_while(|c| LEADERS.contains(c))
            .count();
        if leaders >= 2 && after.is_empty() {
            return Some(i..num_end);
        }
        if !(dash(before) && dash(after)) {
            return None;
        }
        let lead = start + self.text.get(start..i)?.find(before)?;
        let tail = num_end + self.text.get(num_end..end)?.find(after)? + after.len();
        Some(lead..tail)
    }

    /// 3-13 岁, 10～20 人, 三至五次: a range of figures, read whole. Two
    /// years (2020-2021) are not a range of figures: each is a year.
    pub(super) fn figure_range(&self, n: &Numeral, after: usize) -> Option<FoundRange> {
        let (_, sep) = FIGURE_RANGE.longest_prefix(self.rest(after))?;
        let second = self.skip_spaces(after + sep);
        let n2 = parse_detailed(self.rest(second))?.ok()?;
        if is_year_numeral(n) && is_year_numeral(&n2) {
            return None;
        }
        let mut end = second + n2.len;
        let unit_at = self.skip_spaces(end);
        let mut unit = None;
        if let Some((UnitEntry::Unit(u, pow), len)) = UNIT_WORDS.longest_prefix(self.rest(unit_at))
        {
            end = unit_at + len;
            unit = Some((u, pow));
        }
        Some(FoundRange {
            high: n2,
            high_at: second,
            end,
            unit,
        })
    }

    /// The words before the number at `i`.
    pub(super) fn before(&self, i: usize, n: &Numeral) -> Before {
        let floor = self.last_end.max(self.line_start(i)).min(i);
        let region = self.text.get(floor..i).unwrap_or_default();
        let mut b = Before {
            start: i,
            ..Before::default()
        };
        let mut t = region.trim_end_matches(SPACES);
        match BEFORE.longest_suffix(t) {
            Some((Effect::Approx(a), len)) => {
                b.approx = Some(a);
                t = t.get(..t.len() - len).unwrap_or_default();
                b.start = floor + t.len();
                t = t.trim_end_matches(SPACES);
            }
            // 数十, 几百; but 人数5000人 is a label and a figure
            Some((Effect::Vague, _)) if !n.has_arabic => {
                b.vague = true;
                return b;
            }
            Some((Effect::Vague, _)) => {}
            Some((Effect::Block, _)) => return b,
            None if n.bare_round && t.len() == region.len() => {
                match BEFORE_ROUND.longest_suffix(t) {
                    Some((Effect::Approx(a), len)) => {
                        b.approx = Some(a);
                        t = t.get(..t.len() - len).unwrap_or_default();
                        b.start = floor + t.len();
                    }
                    Some((Effect::Vague, _)) => {
                        b.vague = true;
                        return b;
                    }
                    _ => {}
                }
            }
            None => {}
        }
        if b.approx.is_none()
            && let Some(a) = self.lead_approx(floor, i)
        {
            // the span stays the number's: the words between are a label
            b.approx = Some(a);
        }
        if let Some((_, len)) = ORDINAL_PREFIX.longest_suffix(t) {
            b.ordinal = true;
            b.start = floor + t.len() - len;
            return b;
        }
        let (link, t2) = match LINKS.longest_suffix(t) {
            Some((link, len)) => (Some(link), t.get(..t.len() - len).unwrap_or_default()),
            None => (None, t),
        };
        if let Some((ch, len)) = CHANGE.longest_suffix(t2) {
            let t3 = t2.get(..t2.len() - len).unwrap_or_default();
            b.start = floor + t3.len();
            // 提高到 20% (a level) and 新增 5000 册 (new items) are figures
            if ch == Change::NewItems || link == Some(Link::Level) {
                return b;
            }
            b.change = Some(ch);
            let t4 = t3.trim_end_matches(SPACES);
            if let Some((_, clen)) = COMPARISON.longest_suffix(t4) {
                b.start = floor + t4.len() - clen;
            }
        }
        b
    }

    /// 2020 年, 2020年度, 二〇二〇年, and a bare 2020 before no unit.
    pub(super) fn year(&self, n: &Numeral, num_end: usize, after: usize) -> Option<usize> {
        if !is_year_numeral(n) {
            return None;
        }
        if let Some((Field::Year | Field::YearOnly, len)) = MARKERS.longest_prefix(self.rest(after))
        {
            return Some(after + len);
        }
        if !n.plain_integer {
            return None;
        }
        let next = self.char_at(num_end);
        if next.is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        match UNIT_WORDS.longest_prefix(self.rest(after)) {
            Some((UnitEntry::Unit(..) | UnitEntry::Data(..), _)) => None,
            _ => Some(num_end),
        }
    }
}
