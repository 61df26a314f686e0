//! Figures → [`Mention`]s of metric keys, and [`resolve`] to one value per
//! key.
//!
//! In prose, the label that names a figure is the longest wording of
//! `tables::metrics` that ends just before the number (fillers such as 为,
//! 共计 or a parenthesis may stand between), or for counts of places the
//! wording just after it (27 个分馆). A generic wording (粉丝, 发布信息)
//! takes its meaning from the sentence's subject (微信, 微博).
//!
//! A figure is left out when it is not this year's own total: a ratio
//! (人均), last year's or another year's, a target, another body's (全省 in
//! a county report), a part of the figure before it (其中…), or one
//! figure shared by a list (讲座、培训 130 余场次). Doubtful cases are
//! warned about; plain ratios and parts are not.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::clean::{Line, is_table_row};
use crate::decimal::Decimal;
use crate::quantity::{self, Quantity, QuantityKind, QuantityMatch};
use crate::report::{Mention, Origin, SectionKind, StatRow, Warning};
use crate::tables::metric_keys::MetricKey;
use crate::tables::metrics::{
    AFTER_LABELS, EXTRA_UNITS, FILLERS, LIST_CLOSERS, METRIC_LABELS, QUALIFIERS, Qualifier,
    STOCK_KEYS, SUBJECTS, Subject,
};
use crate::unit::Unit;

/// What the extractor knows of the report while reading figures.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The library's name, for telling its own figures from a larger body's.
    pub library: Option<&'a str>,
    /// The report year, for telling this year's figures from others.
    pub year: Option<i32>,
}

/// The administrative level of a library, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Province,
    City,
    Local,
}

impl Context<'_> {
    fn level(&self) -> Level {
        let Some(name) = self.library else {
            return Level::Local;
        };
        let head = name
            .trim_end_matches("图书馆")
            .trim_end_matches("圖書館")
            .trim_end_matches("少年儿童");
        match head.chars().next_back() {
            Some('省') => Level::Province,
            Some('市') => Level::City,
            _ if head.ends_with("首都") || head == "国家" => Level::Province,
            _ => Level::Local,
        }
    }
}

/// A label found for a figure.
struct Label {
    key: MetricKey,
    /// Byte range of the label in the line.
    span: Range<usize>,
    /// True when the label stands after the number.
    after: bool,
}

/// Every metric figure in the prose lines of one section.
pub fn prose_mentions(
    lines: &[Line<'_>],
    section: SectionKind,
    context: &Context<'_>,
    warnings: &mut Vec<Warning>,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for line in lines {
        if is_table_row(&line.text) {
            continue;
        }
        line_mentions(line, section, context, warnings, &mut mentions);
    }
    mentions
}

fn line_mentions(
    line: &Line<'_>,
    section: SectionKind,
    context: &Context<'_>,
    warnings: &mut Vec<Warning>,
    out: &mut Vec<Mention>,
) {
    let text = line.text.as_ref();
    let matches = quantity::scan(text);
    // Mentions of this line with their spans, for the 其中 rule.
    let mut found: Vec<(MetricKey, Range<usize>)> = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        if m.kind != QuantityKind::Figure {
            continue;
        }
        let previous_end = i.checked_sub(1).map_or(0, |p| matches[p].span.end);
        let clause = clause_start(text, m.span.start).max(previous_end);
        let sentence = sentence_start(text, m.span.start);
        let Some(label) = before_label(text, clause, sentence, m).or_else(|| after_label(text, m))
        else {
            continue;
        };
        let phrase = if label.after {
            &text[m.span.start..label.span.end]
        } else {
            &text[clause..m.span.end]
        };
        let phrase = phrase.trim();
        let doubt = |reason: &str| Warning::DoubtfulFigure {
            key: label.key,
            text: phrase.to_owned(),
            line: line.no,
            reason: reason.to_owned(),
        };
        let prefix_end = if label.after { m.span.start } else { label.span.start };
        let prefix = &text[clause.min(prefix_end)..prefix_end];
        match qualifier(prefix, label.key, context) {
            Some(Verdict::Skip) => continue,
            Some(Verdict::Doubt(reason)) => {
                warnings.push(doubt(reason));
                continue;
            }
            None => {}
        }
        if !label.after && shares_a_list(text, clause, &label, &matches[..i]) {
            warnings.push(doubt("one figure for a list of items"));
            continue;
        }
        if is_part_of_previous(text, sentence, m.span.start, label.key, &found) {
            continue;
        }
        let Some(value) = in_base_unit(label.key, &m.quantity) else {
            let unit = m.quantity.unit.map_or("no unit", Unit::symbol);
            warnings.push(doubt(&format!("unit {unit} does not fit the key")));
            continue;
        };
        found.push((label.key, m.span.clone()));
        out.push(Mention {
            key: label.key,
            value,
            unit: label.key.base_unit(),
            approx: m.quantity.approx,
            text: phrase.to_owned(),
            line: line.no,
            section,
            origin: Origin::Prose,
        });
    }
}

const SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '？', '!', '?'];
const CLAUSE_ENDS: &[char] = &['。', '；', ';', '！', '？', '!', '?', '，', ',', '、'];

fn sentence_start(text: &str, at: usize) -> usize {
    text[..at].rfind(SENTENCE_ENDS).map_or(0, |i| i + char_len(text, i))
}

fn clause_start(text: &str, at: usize) -> usize {
    text[..at].rfind(CLAUSE_ENDS).map_or(0, |i| i + char_len(text, i))
}

fn char_len(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(1, char::len_utf8)
}

/// The longest label ending just before the figure, past fillers and a
/// parenthesis.
fn before_label(text: &str, clause: usize, sentence: usize, m: &QuantityMatch) -> Option<Label> {
    let mut end = m.span.start;
    loop {
        let before = text[clause..end].trim_end();
        let trimmed = strip_trailing_filler(before);
        let new_end = clause + trimmed.len();
        if new_end == end {
            break;
        }
        end = new_end;
    }
    let before = &text[clause..end];
    let subjects = subjects_in(&text[sentence..end]);
    let (label, key) = METRIC_LABELS
        .iter()
        .filter(|(label, subject, _)| {
            before.ends_with(label) && subject.is_none_or(|s| subjects.contains(&s))
        })
        .max_by_key(|(label, subject, _)| (label.len(), subject.is_some()))
        .map(|(label, _, key)| (label, key))?;
    Some(Label {
        key: (*key)?,
        span: end - label.len()..end,
        after: false,
    })
}

fn strip_trailing_filler(s: &str) -> &str {
    if let Some(open) = s.rfind(['（', '('])
        && s.ends_with(['）', ')'])
    {
        return &s[..open];
    }
    FILLERS
        .iter()
        .filter(|f| s.ends_with(*f))
        .max_by_key(|f| f.len())
        .map_or(s, |f| &s[..s.len() - f.len()])
}

fn subjects_in(text: &str) -> Vec<Subject> {
    SUBJECTS
        .iter()
        .filter(|(word, _)| text.contains(word))
        .map(|&(_, subject)| subject)
        .collect()
}

/// A label of a count of places right after the figure: 27 个分(直属)馆.
fn after_label(text: &str, m: &QuantityMatch) -> Option<Label> {
    let rest = &text[m.span.end..];
    let end = rest.find(CLAUSE_ENDS).unwrap_or(rest.len());
    // The noun phrase without parentheses, with a map back to `text`.
    let mut plain = String::new();
    let mut offsets = Vec::new();
    let mut depth = 0usize;
    for (i, c) in rest[..end].char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => {
                offsets.push(m.span.end + i);
                plain.push(c);
            }
            _ => {}
        }
    }
    const NEAR: usize = 8;
    let (label, key, at) = METRIC_LABELS
        .iter()
        .filter_map(|(label, subject, key)| {
            let key = (*key)?;
            if subject.is_some() || !AFTER_LABELS.contains(&key) {
                return None;
            }
            let at = plain.find(label)?;
            (plain[..at].chars().count() <= NEAR).then_some((label, key, at))
        })
        .max_by_key(|(label, _, _)| label.len())?;
    let last_char_start = at + label.len() - label.chars().next_back()?.len_utf8();
    let char_index = plain[..last_char_start].chars().count();
    let last = *offsets.get(char_index)?;
    let label_end = last + char_len(text, last);
    Some(Label {
        key,
        span: m.span.end..label_end,
        after: true,
    })
}

enum Verdict {
    /// Not a total of the year: leave out quietly.
    Skip,
    /// Perhaps not the library's own figure of the year: leave out and say why.
    Doubt(&'static str),
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("static regex"));

fn qualifier(prefix: &str, key: MetricKey, context: &Context<'_>) -> Option<Verdict> {
    for (word, qualifier) in QUALIFIERS {
        if !prefix.contains(word) {
            continue;
        }
        let verdict = match qualifier {
            Qualifier::PerCapita => Verdict::Skip,
            Qualifier::LastYear => Verdict::Doubt("a figure about last year"),
            Qualifier::Target => Verdict::Doubt("a target, not an outcome"),
            Qualifier::Nation => Verdict::Doubt("a national figure"),
            Qualifier::Province if context.level() != Level::Province => {
                Verdict::Doubt("a figure for the whole province")
            }
            Qualifier::City if context.level() == Level::Local => {
                Verdict::Doubt("a figure for the whole city")
            }
            Qualifier::NewOnly if STOCK_KEYS.contains(&key) => Verdict::Skip,
            _ => continue,
        };
        return Some(verdict);
    }
    let other_year = YEAR
        .captures_iter(prefix)
        .filter_map(|caps| caps.get(1)?.as_str().parse::<i32>().ok())
        .any(|year| context.year.is_some_and(|y| y != year));
    other_year.then_some(Verdict::Doubt("a figure of another year"))
}

/// 讲座、培训 130 余场次: the figure belongs to the whole list, not to the
/// label just before it. A list closed by 等 (展览、讲座等活动) is a total.
fn shares_a_list(text: &str, clause: usize, label: &Label, earlier: &[QuantityMatch]) -> bool {
    let opened_by_comma = text[..clause].ends_with('、');
    let label_opens_clause = text[clause..label.span.start].trim().is_empty();
    let closes_list = LIST_CLOSERS
        .iter()
        .any(|closer| text[label.span.clone()].starts_with(closer));
    if !opened_by_comma || !label_opens_clause || closes_list {
        return false;
    }
    let item_start = clause_start(text, clause - '、'.len_utf8());
    !earlier
        .iter()
        .any(|m| m.kind == QuantityKind::Figure && m.span.start >= item_start && m.span.end <= clause)
}

/// After 其中 a figure of the same key is a part of the one before.
fn is_part_of_previous(
    text: &str,
    sentence: usize,
    at: usize,
    key: MetricKey,
    found: &[(MetricKey, Range<usize>)],
) -> bool {
    let Some(qizhong) = text[sentence..at].rfind("其中").map(|i| sentence + i) else {
        return false;
    };
    found
        .iter()
        .any(|(k, span)| *k == key && span.start >= sentence && span.end <= qizhong)
}

/// The figure's value in the key's base unit, when its unit fits the key.
fn in_base_unit(key: MetricKey, quantity: &Quantity) -> Option<Decimal> {
    let base = key.base_unit();
    match quantity.unit {
        Some(unit) if unit == base => Some(quantity.value),
        Some(unit) => EXTRA_UNITS
            .iter()
            .any(|(k, units)| *k == key && units.contains(&unit))
            .then_some(quantity.value),
        // A bare number after an explicit label: counts only, never money,
        // area or data, whose unit must be written.
        None => (!matches!(base, Unit::Yuan | Unit::SquareMetre | Unit::Terabyte))
            .then_some(quantity.value),
    }
}

/// The metric figures of statistics-table rows.
pub fn table_mentions(
    rows: &[StatRow],
    lines: &[Line<'_>],
    section: SectionKind,
    context: &Context<'_>,
    warnings: &mut Vec<Warning>,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for row in rows {
        let Some(value) = row.value else {
            continue;
        };
        let subjects = subjects_in(&row.item);
        let Some((_, _, key)) = METRIC_LABELS
            .iter()
            .filter(|(label, subject, _)| {
                row.item.contains(label) && subject.is_none_or(|s| subjects.contains(&s))
            })
            .max_by_key(|(label, subject, _)| (label.len(), subject.is_some()))
        else {
            continue;
        };
        let Some(key) = *key else {
            continue;
        };
        let line_text = lines
            .iter()
            .find(|l| l.no == row.line)
            .map_or(row.item.as_str(), |l| l.text.as_ref());
        let phrase = row_phrase(line_text, row);
        let doubt = |reason: String| Warning::DoubtfulFigure {
            key,
            text: phrase.to_owned(),
            line: row.line,
            reason,
        };
        match qualifier(&row.item, key, context) {
            Some(Verdict::Skip) => continue,
            Some(Verdict::Doubt(reason)) => {
                warnings.push(doubt(reason.to_owned()));
                continue;
            }
            None => {}
        }
        let written = format!("{value}{}", row.unit.as_deref().unwrap_or(""));
        let quantity = match quantity::parse_quantity(&written) {
            Ok(found) if found.kind == QuantityKind::Figure => found.quantity,
            _ => {
                warnings.push(doubt(format!("unit {written:?} is not one libreport knows")));
                continue;
            }
        };
        let Some(value) = in_base_unit(key, &quantity) else {
            warnings.push(doubt(format!(
                "unit {} does not fit the key",
                row.unit.as_deref().unwrap_or("(none)")
            )));
            continue;
        };
        mentions.push(Mention {
            key,
            value,
            unit: key.base_unit(),
            approx: quantity.approx,
            text: phrase.to_owned(),
            line: row.line,
            section,
            origin: Origin::Table,
        });
    }
    mentions
}

/// The part of a row's line from its item to its unit (or value).
fn row_phrase<'l>(line: &'l str, row: &StatRow) -> &'l str {
    let Some(start) = line.find(&row.item) else {
        return line.trim();
    };
    let mut end = start + row.item.len();
    for cell in row.unit.iter() {
        if let Some(i) = line[end..].find(cell.as_str()) {
            end += i + cell.len();
        }
    }
    if row.unit.is_none()
        && let Some(value) = row.value
    {
        let digits = value.to_string();
        if let Some(i) = line[end..].find(&digits) {
            end += i + digits.len();
        }
    }
    line[start..end].trim()
}

/// One value per key: a table figure wins over prose; of several prose
/// figures, the summary's; when still in doubt, none, with a warning.
pub fn resolve(mentions: &[Mention], warnings: &mut Vec<Warning>) -> BTreeMap<MetricKey, Mention> {
    let mut by_key: BTreeMap<MetricKey, Vec<&Mention>> = BTreeMap::new();
    for mention in mentions {
        by_key.entry(mention.key).or_default().push(mention);
    }
    let mut metrics = BTreeMap::new();
    for (key, all) in by_key {
        let tables: Vec<&Mention> = all.iter().copied().filter(|m| m.origin == Origin::Table).collect();
        let pool = if tables.is_empty() {
            let summary: Vec<&Mention> = all
                .iter()
                .copied()
                .filter(|m| m.section == SectionKind::Summary)
                .collect();
            if summary.is_empty() { all.clone() } else { summary }
        } else {
            tables
        };
        let first = pool[0];
        if pool.iter().any(|m| !same_figure(m, first)) {
            warnings.push(Warning::UnsettledValues {
                key,
                values: distinct(&pool),
            });
            continue;
        }
        for other in all.iter().filter(|m| !same_figure(m, first)) {
            warnings.push(Warning::ConflictingValues {
                key,
                kept: (first.value, first.line),
                other: (other.value, other.line),
            });
        }
        metrics.insert(key, first.clone());
    }
    metrics
}

fn same_figure(a: &Mention, b: &Mention) -> bool {
    a.value == b.value
}

fn distinct(mentions: &[&Mention]) -> Vec<(Decimal, u32)> {
    let mut values: Vec<(Decimal, u32)> = Vec::new();
    for m in mentions {
        if !values.iter().any(|(v, _)| *v == m.value) {
            values.push((m.value, m.line));
        }
    }
    values
}
