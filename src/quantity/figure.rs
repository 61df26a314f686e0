//! A figure read at a numeral by the [`Scanner`]: its unit, power of ten,
//! approximation words and kind, and whether it stands inside a quoted
//! name (“21 天阅读挑战”).

use super::*;

impl Scanner<'_> {
    /// Everything after the checks above: ordinals, names, vague and bare
    /// numbers, changes and figures.
    // Out of line: inlined into `at_numeral`, the grown figure path cost
    // the phrase benchmark instruction-cache misses (callgrind, issue 27).
    #[inline(never)]
    pub(super) fn figure(
        &mut self,
        i: usize,
        n: Numeral,
        number: Range<usize>,
        before: Before,
        is_percent: bool,
    ) -> usize {
        let num_end = number.end;
        let mut pos = num_end;
        let mut scale: i32 = 0;
        let mut approx_after = None;
        // 10W+: a Latin letter for 万, only before the + of web counts
        let rest = self.rest(num_end);
        let latin = if rest.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
            LATIN_MULTIPLIERS
                .iter()
                .find(|(w, _)| rest.starts_with(w))
                .map(|&(w, p)| (w.trim_end_matches(['+', '＋']).len(), p))
        } else {
            None
        };
        if let Some((len, p)) = latin {
            scale += i32::from(p);
            pos += len;
        }
        let after = if latin.is_some() {
            pos
        } else {
            self.skip_spaces(num_end)
        };
        // 130余场次, 十余万册
        match AFTER_NUMBER.longest_prefix(self.rest(after)) {
            Some((Effect::Approx(a), len)) => {
                approx_after = Some(a);
                pos = after + len;
                if let Some(c) = self.char_at(pos)
                    && let Some(CharClass::Multiplier(p)) = class_of(c)
                    && p >= SECTION_POWER
                {
                    scale += i32::from(p);
                    pos += c.len_utf8();
                }
            }
            Some((Effect::Vague, len)) => {
                self.note(QuantityError::Vague);
                self.last_end = after + len;
                return after + len;
            }
            _ => {}
        }
        let mut unit = None;
        let mut unit_pow = None;
        // 三个半月 = 3.5 个月; 两年半 = 2.5 年
        let mut half = false;
        let half_ge = if is_percent || latin.is_some() {
            None
        } else {
            let at = self.skip_spaces(pos);
            self.rest(at).strip_prefix(HALF_GE).and_then(|tail| {
                HALF_AFTER_GE
                    .iter()
                    .find(|(w, _)| tail.starts_with(w))
                    .map(|&(w, u)| (u, at + HALF_GE.len() + w.len()))
            })
        };
        if is_percent {
            unit = Some(Unit::Percent);
        } else if let Some((u, end)) = half_ge {
            unit = Some(u);
            half = true;
            pos = end;
        } else {
            let unit_at = self.skip_spaces(pos);
            let found = match UNIT_WORDS.longest_prefix(self.rest(unit_at)) {
                Some((UnitEntry::Unit(u, pow), len)) => Some((u, pow, len)),
                Some((UnitEntry::Data(u, pow), len)) if self.speaks_of_data(i) => {
                    Some((u, pow, len))
                }
                _ => None,
            };
            if let Some((u, pow, len)) = found
                && !(self
                    .rest(unit_at)
                    .starts_with(|c: char| c.is_ascii_alphabetic())
                    && self
                        .char_at(unit_at + len)
                        .is_some_and(|c| c.is_ascii_alphanumeric()))
            {
                unit = Some(u);
                unit_pow = Some(pow);
                scale += pow;
                pos = unit_at + len;
            }
        }
        if let Some(u) = unit
            && !half
            && HALF_AFTER_UNITS.contains(&u)
            && let Some(tail) = self.rest(pos).strip_prefix(HALF)
            && !tail.starts_with(HALF_BLOCKED_AFTER)
        {
            half = true;
            pos += HALF.len();
        }
        let unit_end = pos;
        if unit.is_some()
            && !is_percent
            && !half
            && let Some(end) = self.after_unit(
                i,
                &n,
                number.clone(),
                before,
                latin.is_none() && approx_after.is_none(),
                (unit, unit_pow, scale),
                unit_end,
            )
        {
            return end;
        }
        if approx_after.is_none() {
            let at = self.skip_spaces(pos);
            match AFTER_UNIT.longest_prefix(self.rest(at)) {
                Some((Effect::Approx(a), len)) => {
                    approx_after = Some(a);
                    pos = at + len;
                }
                Some((Effect::Vague, len)) => {
                    self.note(QuantityError::Vague);
                    self.last_end = at + len;
                    return at + len;
                }
                _ => {}
            }
        }
        let approx = before.approx.or(approx_after);
        let q = |value| Quantity {
            value,
            unit,
            approx,
        };

        // ordinals
        if before.ordinal {
            if !n.has_arabic {
                // an ordinal noun before a unit of the same writing: 第三卷
                match ORDINAL_NOUN.longest_prefix(self.rest(after)) {
                    Some((_, len)) => {
                        return self.push(
                            QuantityKind::Ordinal,
                            plain(n.value),
                            before.start..after + len,
                            number,
                        );
                    }
                    // 第一 alone is a word
                    None if unit.is_none() => {
                        self.last_end = num_end;
                        return num_end;
                    }
                    None => {}
                }
            }
            let end = if unit.is_some() { unit_end } else { num_end };
            let ordinal = Quantity {
                value: n.value,
                unit,
                approx: None,
            };
            return self.push(QuantityKind::Ordinal, ordinal, before.start..end, number);
        }
        if unit.is_none()
            && approx.is_none()
            && let Some((_, len)) = ORDINAL_SUFFIX.longest_prefix(self.rest(after))
        {
            return self.push(
                QuantityKind::Ordinal,
                plain(n.value),
                i..after + len,
                number,
            );
        }
        // names
        if unit.is_none()
            && let Some((_, len)) = NAME_SUFFIX.longest_prefix(self.rest(after))
        {
            return self.push(
                QuantityKind::NamePart,
                plain(n.value),
                i..after + len,
                number,
            );
        }
        if let Some(u) = unit
            && NAME_QUANTITIES
                .iter()
                .any(|&(v, nu)| nu == u && n.value == Decimal::from_int(v))
            && self
                .char_at(unit_end)
                .is_some_and(|c| c.is_alphabetic() && !c.is_ascii())
        {
            let q = Quantity {
                value: n.value,
                unit,
                approx: None,
            };
            return self.push(QuantityKind::NamePart, q, i..unit_end, number);
        }
        if unit.is_none()
            && latin.is_none()
            && self
                .char_at(num_end)
                .is_some_and(|c| c.is_ascii_alphabetic())
        {
            let letters = self
                .rest(num_end)
                .bytes()
                .take_while(|&b| continues_identifier(b))
                .count();
            return self.push(
                QuantityKind::NamePart,
                plain(n.value),
                i..num_end + letters,
                number,
            );
        }
        // no figure
        // 藏书百本: a bare 百 that counts, where the clause ends
        if n.bare_round
            && approx.is_none()
            && !is_percent
            && !(unit.is_some_and(|u| BARE_ROUND_UNITS.contains(&u)) && self.clause_ends(pos))
        {
            self.last_end = num_end;
            return num_end;
        }
        let chinese_only = !n.has_arabic;
        if chinese_only
            && !self.whole
            && unit.is_none()
            && approx.is_none()
            && !is_percent
            && before.change.is_none()
            && !self.big_amount(&n, num_end, pos)
        {
            self.last_end = num_end;
            return num_end;
        }
        let whole = if half {
            n.value
                .checked_add(Decimal::new(5, 1).unwrap_or(Decimal::ZERO))
        } else {
            Some(n.value)
        };
        let Some(mut value) = whole.and_then(|v| v.checked_mul_pow10(scale)) else {
            self.overflows.push(i..pos);
            self.note(QuantityError::Numeral(NumeralError::Overflow));
            self.last_end = pos;
            return pos;
        };
        let start = before.start.min(i);
        if let Some(change) = before.change {
            if change == Change::Down {
                let Some(negative) = value.checked_neg() else {
                    self.last_end = pos;
                    return pos;
                };
                value = negative;
            }
            return self.push(QuantityKind::Change, q(value), start..pos, number);
        }
        let kind = if self.in_quoted_name(start, pos) {
            QuantityKind::NamePart
        } else {
            QuantityKind::Figure
        };
        self.push(kind, q(value), start..pos, number)
    }

    /// What a unit ending at `at` may be followed by: a rate's
    /// denominator (no figure), a range's second end, a flattened form's
    /// value. `Some(end)` when one of them was read. Kept out of line: the
    /// shapes are rare, and inlined into the hot figure path they cost
    /// instruction-cache misses worth 10% of the phrase benchmark.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn after_unit(
        &mut self,
        i: usize,
        n: &Numeral,
        number: Range<usize>,
        before: Before,
        plain: bool,
        (unit, unit_pow, scale): (Option<Unit>, Option<i32>, i32),
        at: usize,
    ) -> Option<usize> {
        // 2 册/人, 15 元/人: a rate, no figure
        if let Some(end) = self.rate(at) {
            self.last_end = end;
            return Some(end);
        }
        if !plain {
            return None;
        }
        // 20岁~40岁, 2册到3册: a range with a unit at each end
        if let Some(first) = unit.zip(unit_pow)
            && let Some(found) = self.range_after_unit(at, first)
        {
            return Some(self.range(i, n, number, before, found));
        }
        // 其他收入59千元87: a form's item, code, unit and value run together
        self.form_cell(i, n, &before, at, (unit, scale))
    }

    /// Whether the clause ends at `at` (no Han character, Latin letter or
    /// digit follows).
    #[inline(never)]
    fn clause_ends(&self, at: usize) -> bool {
        self.char_at(at)
            .is_none_or(|c| !crate::script::is_han(c) && !c.is_ascii_alphanumeric())
    }

    /// 造价三亿。: a Chinese numeral ending in 万 or 亿 at a clause end is
    /// an amount, where 十万火急 goes on as an idiom.
    #[inline(never)]
    fn big_amount(&self, n: &Numeral, num_end: usize, pos: usize) -> bool {
        !n.bare_round
            && self.clause_ends(pos)
            && self.char_before(num_end).is_some_and(
                |c| matches!(class_of(c), Some(CharClass::Multiplier(p)) if p >= SECTION_POWER),
            )
    }

    /// The end of a rate's denominator after a unit ending at `at` (册/人,
    /// 元/年), if one follows.
    #[inline(never)]
    pub(super) fn rate(&self, at: usize) -> Option<usize> {
        let rest = self.rest(at);
        let slash = rest.chars().next().filter(|c| RATE_SLASHES.contains(c))?;
        let after = at + slash.len_utf8();
        let tail = self.rest(after);
        if let Some((UnitEntry::Unit(..), len)) = UNIT_WORDS.longest_prefix(tail) {
            return Some(after + len);
        }
        RATE_DENOMINATORS
            .iter()
            .find(|w| tail.starts_with(*w))
            .map(|w| after + w.len())
    }

    /// After a figure's unit ending at `at`: a range separator, a second
    /// number and the same unit again (20岁~40岁, 二十一岁至三十岁).
    pub(super) fn range_after_unit(&self, at: usize, first: (Unit, i32)) -> Option<FoundRange> {
        let sep_at = self.skip_spaces(at);
        let (_, sep) = FIGURE_RANGE.longest_prefix(self.rest(sep_at))?;
        let second = self.skip_spaces(sep_at + sep);
        let n2 = parse_detailed(self.rest(second))?.ok()?;
        let unit_at = self.skip_spaces(second + n2.len);
        let (UnitEntry::Unit(u2, pow2), len) = UNIT_WORDS.longest_prefix(self.rest(unit_at))?
        else {
            return None;
        };
        (first == (u2, pow2)).then_some(FoundRange {
            high: n2,
            high_at: second,
            end: unit_at + len,
            unit: Some((u2, pow2)),
        })
    }

    /// 其他收入59千元87: in a form flattened to one line, an item, a code
    /// of at most three digits glued to it, the unit and the value; the
    /// value (87 千元) is the figure. Pushes it and returns its end.
    pub(super) fn form_cell(
        &mut self,
        i: usize,
        code: &Numeral,
        before: &Before,
        at: usize,
        (unit, scale): (Option<Unit>, i32),
    ) -> Option<usize> {
        if !(code.plain_integer && code.digit_count <= 3)
            || before.approx.is_some()
            || before.change.is_some()
            || before.ordinal
            || !self.rest(at).starts_with(|c: char| c.is_ascii_digit())
            || !self.char_before(i).is_some_and(crate::script::is_han)
        {
            return None;
        }
        let value = parse_detailed(self.rest(at))?.ok()?;
        if value.has_chinese {
            return None;
        }
        let end = at + value.len;
        let ends = self
            .char_at(end)
            .is_none_or(|c| crate::text::is_ws(c) || FORM_CELL_ENDS.contains(&c));
        if !ends {
            return None;
        }
        let q = Quantity {
            value: value.value.checked_mul_pow10(scale)?,
            unit,
            approx: None,
        };
        Some(self.push(QuantityKind::Figure, q, i..end, at..end))
    }

    /// A unit at `at` with a number glued after it (01千元3560): what
    /// follows the code of a form flattened to one line.
    #[inline(never)]
    pub(super) fn unit_and_value_glued(&self, at: usize) -> bool {
        match UNIT_WORDS.longest_prefix(self.rest(at)) {
            Some((UnitEntry::Unit(..), len)) => self
                .rest(at + len)
                .starts_with(|c: char| c.is_ascii_digit()),
            _ => false,
        }
    }

    /// True when the line before `i` names data (数字资源, 存储): a `T`
    /// after the number there is a terabyte.
    pub(super) fn speaks_of_data(&self, i: usize) -> bool {
        let before = self.text.get(self.line_start(i)..i).unwrap_or_default();
        DATA_CUES.iter().any(|cue| before.contains(cue))
    }

    /// True inside a short, closed quotation that holds more than this
    /// phrase (“21 天阅读挑战书活动”).
    pub(super) fn in_quoted_name(&self, start: usize, end: usize) -> bool {
        let Some(&open) = self.open_quotes.last() else {
            return false;
        };
        let line_end = self.line_end(end);
        let tail = self.text.get(end..line_end).unwrap_or_default();
        // the next quotation mark must close (else the marks are unbalanced)
        // A name is short: the marks are looked for within its length only,
        // so a long line with an open quotation is not read to its end
        // from every figure.
        let next = tail
            .char_indices()
            .take(MAX_QUOTED_NAME_CHARS + 1)
            .find_map(|(at, c)| quote(c).map(|open| (at, open)));
        let Some((close, false)) = next else {
            return false;
        };
        let open_len = self.char_at(open).map_or(0, char::len_utf8);
        let inside_before = self.text.get(open + open_len..start).unwrap_or_default();
        let inside_after = tail.get(..close).unwrap_or_default();
        let span = self.text.get(start..end).unwrap_or_default();
        let count = |s: &str| s.chars().take(MAX_QUOTED_NAME_CHARS + 1).count();
        let chars = count(inside_before) + count(span) + count(inside_after);
        chars <= MAX_QUOTED_NAME_CHARS
            && !(inside_before.trim().is_empty() && inside_after.trim().is_empty())
    }
}
