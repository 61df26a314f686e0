//! An official statistics form flattened to one cell per line, its blank
//! cells dropped (项目 / 代码 / 单位 / 指标, often twice side by side): a
//! fixed number of lines no longer makes a row, so the form is read as a
//! stream. An item opens a row; the code after it is the form's row code;
//! a unit may follow; the first figure after the code is the value. An
//! item with no figure before the next item had a blank value cell.

use super::{Layout, MULTIPLIERS, WrittenUnit, parse_value, table_row};
use crate::clean::{Cell, Line, Lines};
use crate::report::StatRow;
use crate::tables::units::{UNIT_WORDS, UnitEntry};

/// The widest cell a form's line holds, in characters: a longer line is
/// the text after the form.
const MAX_CELL_CHARS: usize = 30;

/// The most digits a form's row code has (一、从业人员 11, 本年支出合计 61).
const MAX_CODE_DIGITS: usize = 3;

/// A row being read: its item, and its code and unit once seen.
struct Pending<'l> {
    item: Cell<'l>,
    line: u32,
    code: Option<Cell<'l>>,
    unit: Option<Cell<'l>>,
}

/// The rows of a flattened form whose titles end before `lines`, and how
/// many lines it took, with the caption's unit (单位：千元) if any.
pub(super) fn read(
    lines: Lines<'_>,
    caption: Option<&WrittenUnit>,
) -> Option<(usize, Vec<StatRow>)> {
    // The cells a row is rebuilt as: item, code, unit, value.
    let rebuilt = Layout {
        item: Some(0),
        value: Some(3),
        unit: Some(2),
        note: None,
        width: 4,
        pair: None,
        value_unit: caption.cloned(),
    };
    let mut rows = Vec::new();
    let mut pending: Option<Pending<'_>> = None;
    let mut taken = 0;
    for (i, line) in lines.iter().enumerate() {
        let cell = line.whole().trim();
        if cell.text.is_empty() {
            taken = i + 1;
            continue;
        }
        if line.is_row() || cell.text.chars().count() > MAX_CELL_CHARS {
            break;
        }
        if let Some(row) = pending.as_mut() {
            if row.code.is_none() && is_code(cell.text) {
                row.code = Some(cell);
                taken = i + 1;
                continue;
            }
            if row.code.is_some() && row.unit.is_none() && is_unit(cell.folded) {
                row.unit = Some(cell);
                taken = i + 1;
                continue;
            }
            if row.code.is_some() && parse_value(cell.folded).is_some() {
                let empty = Cell::folded("");
                let cells = [
                    row.item,
                    row.code.unwrap_or(empty),
                    row.unit.unwrap_or(empty),
                    cell,
                ];
                rows.extend(table_row(&cells, &rebuilt, row.line));
                pending = None;
                taken = i + 1;
                continue;
            }
        }
        if is_item(&line) {
            pending = Some(Pending {
                item: cell,
                line: line.no(),
                code: None,
                unit: None,
            });
            taken = i + 1;
        } else if parse_value(cell.folded).is_none() {
            break;
        }
    }
    (!rows.is_empty()).then_some((taken, rows))
}

/// A form's row code: a small number alone.
fn is_code(text: &str) -> bool {
    (1..=MAX_CODE_DIGITS).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// A unit cell: a unit libreport knows, perhaps scaled (千元) or two
/// together (册、件), and nothing else.
fn is_unit(folded: &str) -> bool {
    let rest = folded.trim_start_matches(MULTIPLIERS);
    let whole_unit = |part: &str| matches!(UNIT_WORDS.longest_prefix(part), Some((UnitEntry::Unit(..), len)) if len == part.len());
    !rest.is_empty() && rest.split(['、', '/']).all(whole_unit)
}

/// An item: words, not a figure or a unit.
fn is_item(line: &Line<'_>) -> bool {
    let folded = line.folded().trim();
    folded.chars().any(crate::script::is_han) && !is_unit(folded) && parse_value(folded).is_none()
}

#[cfg(test)]
mod tests {
    /// A statistics form flattened a cell a line, blank cells dropped,
    /// through the whole pipeline: its numbers stay, its items open no
    /// section, and a part (在支出合计中：…) is not the whole.
    #[test]
    fn a_flattened_form_through_the_pipeline() {
        let text = [
            "青禾市图书馆2018年年报",
            "项     目",
            "代码",
            "单位",
            "指标",
            "项     目",
            "代码",
            "单位",
            "指标",
            "1",
            "1",
            "一、从业人员",
            "11",
            "52",
            "购书专项经费",
            "55",
            "千元",
            "1,200",
            "二、藏量",
            "16",
            "册、件",
            "512300",
            "十七、本年支出合计",
            "61",
            "千元",
            "12840",
            "在支出合计中：工资福利支出",
            "65",
            "千元",
            "5120",
            "五、本年新增藏量",
            "32",
            "册、件",
            "40210",
        ]
        .join("\n\n");
        let report = crate::extract_text(&text).expect("a report");
        let value = |key: &str| {
            report
                .metrics
                .iter()
                .find(|(k, _)| k.as_str() == key)
                .map(|(_, m)| m.value.to_string())
        };
        assert_eq!(value("staff_total").as_deref(), Some("52"));
        assert_eq!(value("collection_total").as_deref(), Some("512300"));
        assert_eq!(value("collection_new").as_deref(), Some("40210"));
        assert_eq!(value("expenditure_yuan").as_deref(), Some("12840000"));
        assert!(
            report
                .sections
                .iter()
                .all(|s| s.kind != crate::report::SectionKind::Funding),
            "a form's item opens no section: {:?}",
            report.sections
        );
    }
}
