//! Figures of statistics-table rows → [`Mention`]s: each row's item names
//! its key (a listed wording, or one composed of parts), its unit or the
//! table's says in what, and the qualifiers of prose weigh its item too.

use super::*;
use crate::tables::metrics::PART_LEADS;
use crate::tables::punctuation::COLONS;

/// The metric figures of statistics-table rows.
pub fn table_mentions(
    rows: &[StatRow],
    lines: Lines<'_>,
    section: SectionKind,
    context: &Context<'_>,
    warnings: &mut Vec<Warning>,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for row in rows {
        let Some(value) = row.value else {
            continue;
        };
        let item = row.folded_item.as_str();
        // The unit as the table gives it (unit cell, item bracket, heading
        // or caption), read once: base unit and power of ten.
        let written = row.unit.as_deref().map(|u| (u, row.scale));
        if let Some((unit, None)) = written {
            let line_text = lines
                .iter()
                .find(|l| l.no() == row.line)
                .map_or_else(|| item_cell(row), |l| l.whole());
            if let Some(Some(key)) = label_in_item(item) {
                warnings.push(Warning::DoubtfulFigure {
                    key,
                    text: row_phrase(line_text, row).to_owned(),
                    line: row.line,
                    reason: DoubtReason::UnknownUnit {
                        written: format!("{value}{unit}"),
                    },
                });
            }
            continue;
        }
        let parsed = written.and_then(|(_, parsed)| parsed);
        let label = crate::stat_table::split_bracketed_unit(Cell::folded(item))
            .map_or(item, |(l, _, _)| l.text);
        let label = label.trim_start_matches(|c: char| !crate::fold::is_han(c));
        let label = part_after_lead(label);
        let composed = label::composed_label(label, 0, label.len(), parsed.map(|(u, _)| u));
        // An item made wholly of parts reads by them (新增馆藏图书); any
        // other by the longest listed wording in it.
        // 二、藏量, 支出总计: an item that is one of `ITEM_LABELS` once its
        // serial is set aside.
        let whole = crate::heading::split_marker(label).map_or(label, |(_, rest)| rest);
        let listed = ITEM_LABELS.iter().find(|(word, _)| *word == whole);
        let key = match (listed, composed) {
            (Some(&(_, Some(key))), _) => key,
            (Some((_, None)), _) => continue,
            (None, Some(composed)) if composed.start == 0 => composed.key,
            _ => match label_in_item(label) {
                Some(Some(key)) => key,
                _ => continue,
            },
        };
        // Lines come in order: a binary search, not a walk from the first
        // for every row of a long table.
        let at = lines.partition_point(|l| l.no() < row.line);
        let line_text = lines
            .get(at)
            .filter(|l| l.no() == row.line)
            .or_else(|| lines.iter().find(|l| l.no() == row.line))
            .map_or_else(|| item_cell(row), |l| l.whole());
        let phrase = row_phrase(line_text, row);
        let doubt = |reason: DoubtReason| Warning::DoubtfulFigure {
            key,
            text: phrase.to_owned(),
            line: row.line,
            reason,
        };
        match qualifier(item, item, key, context) {
            Some(Verdict::Skip) => continue,
            Some(Verdict::Doubt(reason)) => {
                warnings.push(doubt(reason));
                continue;
            }
            None => {}
        }
        let scaled = match parsed {
            Some((_, power)) => value.checked_mul_pow10(power),
            None => Some(value),
        };
        let Some(scaled) = scaled else {
            warnings.push(doubt(DoubtReason::FigureOutOfRange));
            continue;
        };
        let quantity = Quantity {
            value: scaled,
            unit: parsed.map(|(unit, _)| unit),
            approx: None,
        };
        let Some(value) = in_base_unit(key, &quantity, item) else {
            warnings.push(doubt(DoubtReason::UnitMisfit {
                unit: row.unit.as_deref().unwrap_or("(none)").to_owned(),
            }));
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

/// The part a row counts when its item opens with the whole it is part
/// of (在支出合计中：工资福利支出, 其中：盲文图书): the words after the colon.
fn part_after_lead(label: &str) -> &str {
    let Some(colon) = label.find(COLONS) else {
        return label;
    };
    let lead = &label[..colon];
    let is_lead = PART_LEADS
        .iter()
        .any(|(start, end)| lead.starts_with(start) && lead.ends_with(end));
    let after = &label[colon..];
    let after = after.strip_prefix(COLONS).unwrap_or(after).trim_start();
    if is_lead && !after.is_empty() {
        after
    } else {
        label
    }
}

/// A row's item with its folded text, standing in for a line not found.
fn item_cell(row: &StatRow) -> Cell<'_> {
    Cell {
        text: &row.item,
        folded: &row.folded_item,
    }
}

/// The part of a row's line from its item to its unit (or value).
fn row_phrase<'l>(whole: Cell<'l>, row: &StatRow) -> &'l str {
    let line = whole.text;
    let Some(start) = line.find(&row.item) else {
        // A wide table's row holds figures only, its items in the header:
        // the phrase is the figure's own cell.
        return row
            .value
            .and_then(|value| crate::stat_table::cell_of_value(whole, value))
            .unwrap_or_else(|| line.trim());
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
