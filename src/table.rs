//! Statistics tables → [`StatRow`]s, as written.
//!
//! A table starts at a header row (序号 项目名称 数量 单位 备注) whose cells
//! are separated by tabs, runs of spaces, full-width spaces or `|` pipes;
//! the header tells which column holds the item, the value, the unit and
//! the note. In a multi-year table (项目 | 2021年 | 2020年 | 增长率) the
//! value is the report year's column. Rows go on until a line that is not
//! a row. In a statistics section, `指标：数值 单位` lines are rows too.

use std::sync::LazyLock;

use regex_lite::Regex;

use crate::clean::{Cell, Line, Lines};
use crate::decimal::Decimal;
use crate::numeral;
use crate::report::{StatRow, Warning};
use crate::tables::columns::{CAPTION_WORDS, COLUMN_TITLES, Column, FORM_CODES};
use crate::tables::punctuation::{CELL_BREAKS, PAREN_CLOSES, PAREN_OPENS, UNIT_ENDS};
use crate::tables::units::{UNIT_WORDS, UnitEntry};
use crate::text::split_cells;
use crate::unit::Unit;

mod form_stream;

/// A unit as written, and as read from its folded text: base unit and
/// power of ten (`万元` is yuan × 10⁴), when libreport knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct WrittenUnit {
    text: String,
    scale: Option<(Unit, i32)>,
}

impl WrittenUnit {
    /// The unit of `cell`, read from its folded text.
    fn of(cell: Cell<'_>) -> Self {
        WrittenUnit {
            text: cell.text.to_owned(),
            scale: crate::quantity::parse_unit(cell.folded),
        }
    }

    /// A unit already read (a bracket's or a caption's, which are units
    /// because they read as one).
    fn read(text: &str, scale: (Unit, i32)) -> Self {
        WrittenUnit {
            text: text.to_owned(),
            scale: Some(scale),
        }
    }
}

/// Which column holds what.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Layout {
    item: Option<usize>,
    value: Option<usize>,
    unit: Option<usize>,
    note: Option<usize>,
    width: usize,
    /// The second item and value columns of a table set in two pairs
    /// (收入 | 决算数 | 支出 | 决算数): each row holds two items.
    pair: Option<(usize, usize)>,
    /// The unit the value column's heading (金额（万元）) or the table's
    /// caption (单位：万元) gives, for rows without a unit of their own.
    value_unit: Option<WrittenUnit>,
}

/// The rows of the tables in `lines`. `key_value_lines` also takes
/// `指标：数值` lines (in a statistics section).
pub fn parse_tables(
    lines: Lines<'_>,
    year: Option<i32>,
    key_value_lines: bool,
    warnings: &mut Vec<Warning>,
) -> Vec<StatRow> {
    let mut rows = Vec::new();
    let mut layout: Option<Layout> = None;
    // The cells of a header row over figures set side by side (a wide
    // table: 馆藏总量（万册） 新增藏量（万册） … over 128.56 6.12 …).
    let mut wide: Option<Vec<Cell<'_>>> = None;
    // The unit of the last caption (单位：元), for the table under it.
    let mut caption: Option<WrittenUnit> = None;
    let mut skip_to = 0;
    // A line of a lone `|`: a pipe row's empty first cell, cut off from
    // the rest of its row by an export (`|` / `| 其中：盲文图书 | 册 | 709 |`).
    let mut empty_first_cell = false;
    for (i, line) in lines.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        let text = line.text();
        if layout.is_some() && is_pipe_fragment(text) {
            empty_first_cell = true;
            continue;
        }
        let cut_cell = std::mem::take(&mut empty_first_cell);
        if let Some((unit, scale)) = caption_unit(line.whole()) {
            caption = Some(WrittenUnit::read(unit, scale));
        }
        // A caption (表4  读者活动) ends the table above it.
        if is_caption(text) {
            layout = None;
            wide = None;
            if let Some((_, unit, scale)) = split_bracketed_unit(line.whole()) {
                caption = Some(WrittenUnit::read(unit.text, scale));
            }
            continue;
        }
        if line.is_row() {
            let mut cells = line.cells();
            if cut_cell {
                cells.insert(0, Cell::folded(""));
            }
            if let Some(mut found) = header_layout(&cells, year, line.no(), warnings) {
                if found.value_unit.is_none() {
                    found.value_unit = caption.clone();
                }
                layout = Some(found);
                wide = None;
                continue;
            }
            if let Some(layout) = &layout {
                let left = table_row(&cells, layout, line.no());
                let right = pair_row(&cells, layout, line.no());
                if left.is_some() || right.is_some() {
                    rows.extend(left.into_iter().chain(right));
                    continue;
                }
            }
            if layout.is_none() {
                if let Some(header) = &wide
                    && let Some(found) =
                        wide_rows(header, &cells, year, caption.as_ref(), line.no())
                {
                    rows.extend(found);
                    continue;
                }
                wide = is_wide_header(&cells).then_some(cells);
                continue;
            }
        } else {
            layout = None;
            wide = None;
            if let Some((consumed, found)) =
                vertical_table(lines.from(i), year, caption.as_ref(), warnings)
            {
                rows.extend(found);
                skip_to = i + consumed;
                continue;
            }
        }
        if key_value_lines && let Some(row) = key_value_row(line.whole(), line.no()) {
            rows.push(row);
        }
    }
    rows
}

/// Whether a line is nothing but a pipe table's cell border (`|`).
fn is_pipe_fragment(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .chars()
            .all(|c| c == '|' || c == '｜' || c.is_whitespace())
}

/// The heading of a cell as compared with column titles: its folded text
/// without white space.
fn compact(folded: &str) -> String {
    folded.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A table written one cell per line: a run of column titles (项目 / 数量 /
/// 单位), then rows of as many lines each, as long as each reads as a row
/// with a figure. The lines it takes and its rows.
fn vertical_table(
    lines: Lines<'_>,
    year: Option<i32>,
    caption: Option<&WrittenUnit>,
    warnings: &mut Vec<Warning>,
) -> Option<(usize, Vec<StatRow>)> {
    let titled = |line: &Line<'_>| {
        // A column title is a word or two (项目, 计量单位, 2021年（万册）):
        // most lines are turned away by their width alone.
        if line.width() > MAX_TITLE_WIDTH {
            return false;
        }
        let title = compact(line.folded());
        // A title spaced out to the column's width (项     目) is one cell.
        if line.is_row() && !COLUMN_TITLES.iter().any(|(t, _)| *t == title) {
            return false;
        }
        let title = split_bracketed_unit(Cell::folded(&title))
            .map_or(title.as_str(), |(t, _, _)| t.text)
            .to_owned();
        COLUMN_TITLES.iter().any(|(t, _)| *t == title) || year_heading(&title).is_some()
    };
    let width = lines.iter().take(8).take_while(|l| titled(l)).count();
    if width < 2 {
        return None;
    }
    let header: Vec<Cell<'_>> = lines.slice(0..width).iter().map(|l| l.whole()).collect();
    // A form (项目 / 代码 / 单位 / 指标) whose blank cells were dropped.
    let is_form = header
        .iter()
        .any(|c| FORM_CODES.contains(&compact(c.folded).as_str()));
    if is_form {
        return form_stream::read(lines.from(width), caption)
            .map(|(taken, rows)| (width + taken, rows));
    }
    let first = lines.first().map_or(0, |l| l.no());
    let mut layout = header_layout(&header, year, first, warnings)?;
    if layout.value_unit.is_none() {
        layout.value_unit = caption.cloned();
    }
    let mut rows = Vec::new();
    let mut at = width;
    while at + width <= lines.len() {
        let group = lines.slice(at..at + width);
        let cells: Vec<Cell<'_>> = group.iter().map(|l| l.whole()).collect();
        let is_cell =
            |cell: &Cell<'_>| cell.text.chars().count() <= 30 && !cell.text.contains(CELL_BREAKS);
        if group.iter().any(|l| l.is_row()) || !cells.iter().all(is_cell) {
            break;
        }
        let first = group.first().map_or(0, |l| l.no());
        let Some(row) = table_row(&cells, &layout, first).filter(|r| r.value.is_some()) else {
            break;
        };
        rows.push(row);
        at += width;
    }
    (!rows.is_empty()).then_some((at, rows))
}

/// Whether a header row is an official statistics form's: an item, a
/// row code (代码), a unit and a value column.
pub(crate) fn is_statistics_form_header(cells: &[Cell<'_>]) -> bool {
    // Most rows have no code column: one look at the cells first.
    if cells.len() < 4
        || !cells
            .iter()
            .any(|c| FORM_CODES.contains(&compact(c.folded).as_str()))
    {
        return false;
    }
    let mut warnings = Vec::new();
    header_layout(cells, None, 0, &mut warnings).is_some_and(|l| l.unit.is_some())
}

/// A table's caption: 表4, 表 2-1, 附表1, 表一, followed by its title.
pub(crate) fn is_caption(text: &str) -> bool {
    let text = text.trim_start();
    let rest = CAPTION_WORDS
        .iter()
        .find_map(|word| text.strip_prefix(word))
        .map(str::trim_start);
    rest.is_some_and(|r| {
        r.starts_with(|c: char| {
            c.is_ascii_digit() || c == '（' || c == '(' || crate::text::han_digit(c).is_some()
        })
    })
}

/// The first cell of a row (its text and folded text) that reads as
/// `value`.
pub fn cell_of_value(line: Cell<'_>, value: Decimal) -> Option<&str> {
    split_cells(line.text)
        .into_iter()
        .find(|&cell| parse_value(line.part(cell).folded) == Some(value))
}

/// The widest a column title stands on a line of its own.
const MAX_TITLE_WIDTH: usize = 16;

/// A header row of a wide table: two or more cells, none a figure.
fn is_wide_header(cells: &[Cell<'_>]) -> bool {
    cells.len() >= 2
        && cells.iter().all(|c| {
            !c.text.is_empty()
                && parse_value(c.folded).is_none()
                && year_heading(&compact(c.folded)).is_none()
        })
}

/// The rows a wide table's data row gives: one per column, the header cell
/// its item. A first cell that names a year (2021年) must be the report
/// year's; any other must be a figure too.
fn wide_rows(
    header: &[Cell<'_>],
    cells: &[Cell<'_>],
    year: Option<i32>,
    caption: Option<&WrittenUnit>,
    line: u32,
) -> Option<Vec<StatRow>> {
    if cells.len() != header.len() {
        return None;
    }
    let mut columns = 0..cells.len();
    if let Some(row_year) = year_heading(&compact(cells[0].folded)) {
        if year.is_some_and(|y| y != row_year) {
            return Some(Vec::new());
        }
        columns.start = 1;
    }
    let values: Vec<Option<Decimal>> = columns
        .clone()
        .map(|i| parse_value(cells[i].folded))
        .collect();
    if values.iter().any(Option::is_none) {
        return None;
    }
    Some(
        columns
            .zip(values)
            .map(|(i, value)| {
                let unit = split_bracketed_unit(header[i])
                    .map(|(_, unit, scale)| WrittenUnit::read(unit.text, scale))
                    .or_else(|| caption.cloned());
                StatRow {
                    item: header[i].text.to_owned(),
                    folded_item: header[i].folded.to_owned(),
                    value,
                    scale: unit.as_ref().and_then(|u| u.scale),
                    unit: unit.map(|u| u.text),
                    note: None,
                    line,
                }
            })
            .collect(),
    )
}

/// The layout a header row announces, if `cells` is a header row.
fn header_layout(
    cells: &[Cell<'_>],
    year: Option<i32>,
    line: u32,
    warnings: &mut Vec<Warning>,
) -> Option<Layout> {
    let mut layout = Layout {
        width: cells.len(),
        ..Layout::default()
    };
    let mut year_columns = Vec::new();
    // Every column by what its title says, for the choices made after the
    // loop: the library's own column, a second item and value pair.
    let mut kinds: Vec<Option<Column>> = Vec::with_capacity(cells.len());
    let mut titled = 0;
    let mut units: Vec<Option<WrittenUnit>> = Vec::with_capacity(cells.len());
    for (i, cell) in cells.iter().enumerate() {
        let compact = compact(cell.folded);
        let (compact, unit) = match split_bracketed_unit(Cell::folded(&compact)) {
            Some((title, unit, scale)) => (title.text, Some(WrittenUnit::read(unit.text, scale))),
            None => (compact.as_str(), None),
        };
        units.push(unit);
        if let Some(column_year) = year_heading(compact) {
            year_columns.push((i, column_year));
            titled += 1;
            kinds.push(None);
            continue;
        }
        let column = COLUMN_TITLES
            .iter()
            .find(|(title, _)| *title == compact)
            .map(|&(_, column)| column);
        kinds.push(column);
        let Some(column) = column else {
            continue;
        };
        titled += 1;
        let slot = match column {
            Column::Item => &mut layout.item,
            Column::Value => &mut layout.value,
            Column::Unit => &mut layout.unit,
            Column::Note => &mut layout.note,
            Column::Serial | Column::Ignored | Column::Own | Column::Total => continue,
        };
        slot.get_or_insert(i);
    }
    if titled < 2 || layout.item.is_none() {
        return None;
    }
    let first_of = |wanted: Column| kinds.iter().position(|k| *k == Some(wanted));
    // 总馆 | 分馆 | 合计: the library's own column is its figure, the total
    // beside it a larger body's; a total alone is the figure.
    if let Some(own) = first_of(Column::Own) {
        layout.value = Some(own);
    } else if layout.value.is_none() {
        layout.value = first_of(Column::Total);
    }
    layout.pair = second_pair(&kinds, &layout);
    if layout.value.is_none() {
        let chosen = year_columns
            .iter()
            .find(|(_, y)| Some(*y) == year)
            .or_else(|| year_columns.first());
        if let Some(&(i, column_year)) = chosen {
            layout.value = Some(i);
            if Some(column_year) != year {
                warnings.push(Warning::OtherYearColumn {
                    taken: column_year,
                    line,
                });
            }
        }
    }
    // The value column's unit, else one the item column's heading gives
    // the whole table (项目（万元）).
    let unit_of = |column: Option<usize>| column.and_then(|i| units.get(i).cloned().flatten());
    layout.value_unit = unit_of(layout.value).or_else(|| unit_of(layout.item));
    layout.value.is_some().then_some(layout)
}

/// The second item and value columns of a header set in two pairs
/// (项目 | 决算数 | 项目 | 决算数): an item column after the value column,
/// then a value column, and nothing else titled beside them.
fn second_pair(kinds: &[Option<Column>], layout: &Layout) -> Option<(usize, usize)> {
    let (item, value) = (layout.item?, layout.value?);
    if kinds.len() != 4 || (item, value) != (0, 1) {
        return None;
    }
    let second = (kinds[2] == Some(Column::Item)
        && matches!(kinds[3], Some(Column::Value | Column::Total)))
    .then_some((2, 3))?;
    (kinds[1] == kinds[3]).then_some(second)
}

/// `文献总藏量（册）` → (`文献总藏量`, `册`, the unit as read): a heading
/// or item whose last bracket holds a unit libreport knows (read from the
/// folded text).
pub fn split_bracketed_unit(cell: Cell<'_>) -> Option<(Cell<'_>, Cell<'_>, (Unit, i32))> {
    let text = cell.text.trim_end();
    let (open, close) = PAREN_OPENS
        .iter()
        .copied()
        .zip(PAREN_CLOSES.iter().copied())
        .find(|(_, close)| text.ends_with(*close))?;
    let start = text.rfind(open)?;
    let inner = cell.part(text[start + open.len_utf8()..text.len() - close.len_utf8()].trim());
    let scale = crate::quantity::parse_unit(inner.folded)?;
    Some((cell.part(text[..start].trim_end()), inner, scale))
}

/// The unit a caption gives a table: `单位：万元`, `（金额单位：元）`, also
/// after the name of the unit that filled the form in (编制单位：某馆
/// 单位：万元), and the unit as read from the folded text.
fn caption_unit(line: Cell<'_>) -> Option<(&str, (Unit, i32))> {
    let text = line.text;
    text.match_indices("单位").find_map(|(at, word)| {
        let rest = text[at + word.len()..].trim_start();
        let rest = rest.strip_prefix(['：', ':'])?.trim_start();
        let end = rest
            .find(|c: char| c.is_whitespace() || UNIT_ENDS.contains(&c))
            .unwrap_or(rest.len());
        let unit = &rest[..end];
        crate::quantity::parse_unit(line.part(unit).folded).map(|scale| (unit, scale))
    })
}

/// `2021年`, `2021 年度`, `2021` as a column heading; also a year of the
/// 民国 era (`112年`, `民国112年`, folded), which Taiwan's reports head
/// their columns with: 112年 is 2023.
fn year_heading(cell: &str) -> Option<i32> {
    let (era, cell) = match cell.strip_prefix(MINGUO) {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let stripped = cell
        .strip_suffix("年度")
        .or_else(|| cell.strip_suffix('年'));
    let digits = stripped.unwrap_or(cell);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    // An era year is two or three digits and must say it is a year (年 or
    // 民国): a bare 112 is a figure.
    let year = if (2..=3).contains(&digits.len()) && (era || stripped.is_some()) {
        year.checked_add(MINGUO_EPOCH)?
    } else if era {
        return None;
    } else {
        year
    };
    (1949..=2100).contains(&year).then_some(year)
}

/// The era name of 民国 years, folded.
const MINGUO: &str = "民国";

/// 民国 1 is 1912.
const MINGUO_EPOCH: i32 = 1911;

/// The right-hand row of a table set in two pairs (收入 | 决算数 | 支出 |
/// 决算数). Only a row with all its cells: one that lost an empty cell
/// (spaces, not tabs) no longer says which pair its cells belong to.
fn pair_row(cells: &[Cell<'_>], layout: &Layout, line: u32) -> Option<StatRow> {
    let (item, value) = layout.pair?;
    if cells.len() != layout.width || parse_value(cells.get(item)?.folded).is_some() {
        return None;
    }
    let right = Layout {
        item: Some(item),
        value: Some(value),
        unit: None,
        note: None,
        pair: None,
        ..layout.clone()
    };
    table_row(cells, &right, line)
}

fn table_row(cells: &[Cell<'_>], layout: &Layout, line: u32) -> Option<StatRow> {
    let cell = |i: Option<usize>| {
        i.and_then(|i| cells.get(i))
            .map(Cell::trim)
            .filter(|c| !c.text.is_empty())
    };
    // A row with fewer cells than the header lost its empty trailing cells
    // (unit, note); the leading ones are still in place.
    let item = cell(layout.item)?;
    let value_text = cell(layout.value);
    // 24.35万册 in a value column: the figure with its unit attached.
    let (value, attached) = match value_text.map(|c| (c, parse_value(c.folded))) {
        Some((_, Some(value))) => (Some(value), None),
        Some((c, None)) => match split_attached_unit(c) {
            Some((value, unit)) => (Some(value), Some(unit)),
            None => (None, None),
        },
        None => (None, None),
    };
    // The value's own unit first, then a unit cell, then the item's
    // bracket, then the heading's or the caption's unit.
    let unit = attached
        .or_else(|| cell(layout.unit).map(WrittenUnit::of))
        .or_else(|| item_unit(item))
        .or_else(|| layout.value_unit.clone());
    Some(StatRow {
        item: item.text.to_owned(),
        folded_item: item.folded.to_owned(),
        value,
        scale: unit.as_ref().and_then(|u| u.scale),
        unit: unit.map(|u| u.text),
        note: cell(layout.note).map(|c| c.text.to_owned()),
        line,
    })
}

/// The unit an item's last bracket gives: one libreport knows (总藏量（册）)
/// or a multiplier before a unit it knows (总藏量(万册、套), 有效借书证(万个)),
/// which is a unit however it goes on. An unknown unit is kept as written,
/// for the figure to be left out with a warning rather than read unscaled.
fn item_unit(item: Cell<'_>) -> Option<WrittenUnit> {
    if let Some((_, unit, scale)) = split_bracketed_unit(item) {
        return Some(WrittenUnit::read(unit.text, scale));
    }
    let rest = item.folded.trim_end().strip_suffix(PAREN_CLOSES)?;
    let inner = rest[rest.rfind(PAREN_OPENS)?..]
        .trim_start_matches(PAREN_OPENS)
        .trim();
    let after = inner.strip_prefix(MULTIPLIERS)?;
    // 分馆（万达店） is a name: the multiplier must be followed by a unit.
    let unit = UNIT_WORDS.longest_prefix(after);
    matches!(unit, Some((UnitEntry::Unit(..), _))).then(|| WrittenUnit::of(item.part_folded(inner)))
}

/// The characters that open a scaled unit (万册, 千元, 亿元, 百万).
const MULTIPLIERS: &[char] = &['万', '千', '亿', '百'];

/// `24.35万册` → (24.35, `万册`): a value cell whose figure has its unit
/// attached; the unit is the longest known one ending the cell.
fn split_attached_unit(cell: Cell<'_>) -> Option<(Decimal, WrittenUnit)> {
    // Most cells that are not a figure are words (见附件, —): only one that
    // opens with a digit is tried at every place.
    let folded = cell.folded;
    let first = folded.chars().next()?;
    if !first.is_ascii_digit() && !('０'..='９').contains(&first) {
        return None;
    }
    folded
        .char_indices()
        .skip(1)
        .filter(|&(at, _)| crate::quantity::parse_unit(&folded[at..]).is_some())
        .find_map(|(at, _)| {
            let value = parse_value(&folded[..at])?;
            Some((value, WrittenUnit::of(cell.part_folded(&folded[at..]))))
        })
}

/// `区图书馆进馆人次：47000 人` as a row; only short lines with one figure.
fn key_value_row(whole: Cell<'_>, line: u32) -> Option<StatRow> {
    static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^([^：:，,。；;]{2,30})[：:][\t \u{3000}\u{a0}]*([0-9][0-9,.]*)[\t \u{3000}\u{a0}]*([^\t \u{3000}\u{a0}0-9，,。；;]{0,4})[。；;]?$",
        )
        .expect("static regex")
    });
    // A colon and a digit first: most lines have neither.
    let whole = whole.trim();
    let text = whole.text;
    if !text.contains(['：', ':']) || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let caps = KEY_VALUE.captures(text)?;
    let item = whole.part(caps.get(1)?.as_str().trim());
    let number = caps.get(2)?;
    let mut value = parse_value(whole.part(number.as_str()).folded)?;
    let mut unit = caps
        .get(3)
        .map(|m| whole.part(m.as_str()))
        .filter(|u| !u.text.is_empty());
    // 到馆人次：52.3万: a multiplier alone is part of the number.
    if let Some(end) = caps.get(3).map(|m| m.end())
        && let Some(figure) = whole.folded.get(number.start()..end).and_then(parse_value)
    {
        value = figure;
        unit = None;
    }
    let unit = unit.map(WrittenUnit::of);
    Some(StatRow {
        item: item.text.to_owned(),
        folded_item: item.folded.to_owned(),
        value: Some(value),
        scale: unit.as_ref().and_then(|u| u.scale),
        unit: unit.map(|u| u.text),
        note: None,
        line,
    })
}

/// The number in a value cell's folded text, read by the numeral engine
/// (1,234 and ５.６万 too); a cell that is not one number has none.
fn parse_value(folded: &str) -> Option<Decimal> {
    numeral::parse_full(folded.trim()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn cells_split_as_the_separator_regex_splits(
            line in proptest::collection::vec(
                prop::sample::select(vec!["a", "图", "1", "\t", " ", "\u{3000}", "\u{a0}", "|"]),
                0..24,
            )
        ) {
            let line: String = line.concat();
            let separator = Regex::new(
                r"\t+|[\t \u{3000}\u{a0}]*\|[\t \u{3000}\u{a0}]*|[ \u{3000}\u{a0}]{2,}|\u{3000}",
            )
            .expect("regex");
            let trimmed = line.trim().trim_matches('|');
            let want: Vec<&str> = separator.split(trimmed).map(str::trim).collect();
            prop_assert_eq!(split_cells(&line), want);
        }
    }

    use crate::clean::numbered_lines as lines;

    type Row = (String, Option<String>, Option<String>, Option<String>, u32);

    fn rows(texts: &[&'static str], year: Option<i32>) -> Vec<Row> {
        let mut warnings = Vec::new();
        parse_tables(lines(texts).lines(), year, true, &mut warnings)
            .into_iter()
            .map(|r| {
                (
                    r.item,
                    r.value.map(|v| v.to_string()),
                    r.unit,
                    r.note,
                    r.line,
                )
            })
            .collect()
    }

    fn row(item: &str, value: &str, unit: Option<&str>, note: Option<&str>, line: u32) -> Row {
        (
            item.to_owned(),
            Some(value.to_owned()),
            unit.map(str::to_owned),
            note.map(str::to_owned),
            line,
        )
    }

    #[test]
    fn tab_separated_table_with_serials() {
        let got = rows(
            &[
                "序号\t项目名称\t数量\t单位\t备注",
                "1\t文献馆藏量\t180383\t册\t",
                "5\t实际持证读者数\t12334\t个\t含少儿",
                "2020 年大事记",
            ],
            Some(2020),
        );
        assert_eq!(
            got,
            [
                row("文献馆藏量", "180383", Some("册"), None, 2),
                row("实际持证读者数", "12334", Some("个"), Some("含少儿"), 3),
            ]
        );
    }

    #[test]
    fn a_multiplier_alone_after_a_value_is_part_of_it() {
        let got = key_value_row(Cell::folded("1. 到馆人次：52.3万"), 9).map(|r| (r.value, r.unit));
        assert_eq!(got, Some((Some(Decimal::from_int(523_000)), None)));
        let got =
            key_value_row(Cell::folded("2. 文献外借：38.6万册次"), 9).map(|r| (r.value, r.unit));
        assert_eq!(got, Some((parse_value("38.6"), Some("万册次".to_owned()))));
    }

    #[test]
    fn this_year_and_last_year_columns_by_name() {
        let got = rows(
            &[
                "|序号|指标名称|计量单位|本年|上年|增减（%）|",
                "|1|到馆人次|人次|317,400|402,116|-21.1|",
            ],
            Some(2020),
        );
        assert_eq!(got, [row("到馆人次", "317400", Some("人次"), None, 2)]);
    }

    #[test]
    fn the_unit_after_the_form_filler_is_the_table_unit() {
        let got = rows(
            &[
                "编制单位：青禾县图书馆　　　　　　单位：万元",
                "项目\t决算数",
                "文献购置费\t128.50",
            ],
            Some(2020),
        );
        assert_eq!(got, [row("文献购置费", "128.5", Some("万元"), None, 3)]);
    }

    #[test]
    fn a_flattened_form_with_blank_cells_dropped() {
        let got = rows(
            &[
                "项     目",
                "代码",
                "单位",
                "指标",
                "项     目",
                "代码",
                "单位",
                "指标",
                "",
                "1",
                "1",
                "一、从业人员",
                "11",
                "49",
                "在财政补贴收入中：基建拨款",
                "54",
                "千元",
                "1085",
                "其中：正高级职称",
                "13",
                "0",
                "2、上级补助收入",
                "56",
                "千元",
                "二、藏量",
                "16",
                "册、件",
                "600965",
            ],
            Some(2018),
        );
        assert_eq!(
            got,
            [
                row("一、从业人员", "49", None, None, 12),
                row("在财政补贴收入中：基建拨款", "1085", Some("千元"), None, 15),
                row("其中：正高级职称", "0", None, None, 19),
                row("二、藏量", "600965", Some("册、件"), None, 25),
            ]
        );
    }

    #[test]
    fn a_pipe_rows_empty_first_cell_cut_onto_its_own_line() {
        let got = rows(
            &[
                "| 序号 | 项目 | 单位 | 数量 |",
                "| 1 | 藏量 | 册、件 | 1,607,816 |",
                "|",
                "| 其中：盲文图书 | 册 | 709 |",
                "| 2 | 本年新增藏量 | 册、件 | 21,541 |",
            ],
            Some(2021),
        );
        assert_eq!(
            got,
            [
                row("藏量", "1607816", Some("册、件"), None, 2),
                row("其中：盲文图书", "709", Some("册"), None, 4),
                row("本年新增藏量", "21541", Some("册、件"), None, 5),
            ]
        );
    }

    #[test]
    fn pipes_spaces_and_full_width_spaces() {
        for header in [
            "| 指标 | 数值 | 单位 |",
            "指标    数值    单位",
            "指标\u{3000}数值\u{3000}单位",
        ] {
            let body = header
                .replace("指标", "到馆人次")
                .replace("数值", "1,234")
                .replace("单位", "人次");
            let body: &'static str = Box::leak(body.into_boxed_str());
            let header: &'static str = Box::leak(header.to_owned().into_boxed_str());
            assert_eq!(
                rows(&[header, body], Some(2020)),
                [row("到馆人次", "1234", Some("人次"), None, 2)],
                "{header}"
            );
        }
    }

    #[test]
    fn multi_year_tables_take_the_report_year() {
        let got = rows(
            &[
                "项目 | 2021年 | 2020年 | 增长率",
                "外借册次 | 60000 | 55818 | 7.5%",
            ],
            Some(2020),
        );
        assert_eq!(got, [row("外借册次", "55818", None, None, 2)]);
    }

    #[test]
    fn value_cells_are_read_by_the_numeral_engine() {
        let got = rows(
            &[
                "项目\t数量\t单位",
                "总藏量\t5.6万\t册",
                "经费\t１２，３４５\t元",
                "备注\t见附件\t",
            ],
            Some(2020),
        );
        let values: Vec<Option<String>> = got.into_iter().map(|r| r.1).collect();
        assert_eq!(
            values,
            [Some("56000".to_owned()), Some("12345".to_owned()), None]
        );
    }

    #[test]
    fn key_value_lines_in_a_statistics_section() {
        let got = rows(
            &["文献总藏量：180383 册", "读者满意度很高，工作顺利。"],
            Some(2020),
        );
        assert_eq!(got, [row("文献总藏量", "180383", Some("册"), None, 1)]);
    }

    #[test]
    fn year_headings_western_and_minguo() {
        assert_eq!(year_heading("2023年"), Some(2023));
        assert_eq!(year_heading("2023"), Some(2023));
        assert_eq!(year_heading("112年"), Some(2023));
        assert_eq!(year_heading("112年度"), Some(2023));
        assert_eq!(year_heading("民国111年"), Some(2022));
        // a bare two- or three-digit number is a figure, not a year
        assert_eq!(year_heading("112"), None);
        assert_eq!(year_heading("5年"), None);
        assert_eq!(year_heading("民国2023年"), None);
    }

    #[test]
    fn units_attached_to_a_value_or_scaled_in_an_item() {
        let attached = |text: &'static str| {
            split_attached_unit(Cell::folded(text)).map(|(value, unit)| (value, unit.text))
        };
        assert_eq!(
            attached("24.35万册"),
            Some((parse_value("24.35").expect("number"), "万册".to_owned()))
        );
        assert_eq!(
            attached("2364张"),
            Some((Decimal::from_int(2364), "张".to_owned()))
        );
        assert_eq!(attached("≥3000"), None);
        assert_eq!(attached("见附件"), None);
        let unit = |item: &'static str| item_unit(Cell::folded(item)).map(|u| u.text);
        assert_eq!(unit("总藏量(万册、件)").as_deref(), Some("万册、件"));
        assert_eq!(unit("总藏量(万册、盒)").as_deref(), Some("万册、盒"));
        assert_eq!(unit("分馆（万达店）"), None);
        assert_eq!(unit("总藏量"), None);
    }
}
