//! Spreadsheets (`.xlsx`, `.xls`, `.et`, `.ods`) through calamine: each
//! sheet that holds anything becomes its name on a line, then its rows,
//! one line each, cells tab-separated, so a statistics sheet goes through
//! the same table reading as a text's table does.
//!
//! Cells are written as the sheet shows them, not as the binary float it
//! stores: a number to Excel's 15 significant digits (`12.5`, never
//! `12.499999999999998`; a whole number without `.0`), a date as a date
//! (`2021-03-12`), a merged cell's value carried across the cells it
//! spans (a header `2021年` over two columns heads both). WPS's `.et` is
//! an `.xls` or `.xlsx` inside, which calamine tells apart by its bytes.
//!
//! Bounds ([`crate::tables::budget`]): a zipped workbook (`.xlsx`, `.ods`)
//! is first inflated entry by entry into nothing, counting what really
//! comes out (a zip's declared sizes may lie), and refused past
//! [`INFLATED_BYTES`] before calamine holds any of it; `.xlsx` sheets are
//! then streamed cell by cell and only cells that hold something are kept,
//! so a sheet that claims a million empty rows costs nothing; past
//! [`SHEET_CELLS`] cells a workbook is refused.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Dimensions, ExcelDateTime, Reader, Sheets};

use super::{Reading, unreadable};
use crate::Options;
use crate::error::{Error, Unreadable, spend};
use crate::tables::budget::{INFLATED_BYTES, MERGE_SPAN, SHEET_CELLS};

/// Whether nameless bytes are a spreadsheet: an `.xlsx` zip (its
/// workbook part is named in the zip's directory) or an OpenDocument
/// spreadsheet, or a compound file with a `Workbook` (`.xls`) stream.
pub fn sniff(bytes: &[u8]) -> bool {
    if super::cfb_has_stream(bytes, "Workbook") || super::cfb_has_stream(bytes, "Book") {
        return true;
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return false;
    }
    memchr::memmem::find(bytes, b"xl/workbook").is_some()
        || memchr::memmem::find(bytes, b"application/vnd.oasis.opendocument.spreadsheet").is_some()
}

/// The cells of one sheet that hold something: (row, column) → text.
type Grid = BTreeMap<(u32, u32), String>;

/// Reads a workbook.
pub fn read(bytes: &[u8], _: &Options) -> Result<Reading, Error> {
    if super::cfb_has_stream(bytes, "EncryptedPackage") {
        return Err(unreadable(Unreadable::SheetEncrypted));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        inflated_size(bytes)?;
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(cause)?;
    let names = book.sheet_names();
    let mut text = String::new();
    let mut budget = 0u64;
    for name in names {
        let mut grid = Grid::new();
        let merged: Vec<Dimensions> = match &mut book {
            Sheets::Xlsx(xlsx) => {
                let mut cells = xlsx.worksheet_cells_reader(&name).map_err(cause)?;
                while let Some(cell) = cells.next_cell().map_err(cause)? {
                    let value = data_ref_text(cell.get_value());
                    if !value.is_empty() {
                        take(&mut budget)?;
                        grid.insert(cell.get_position(), value);
                    }
                }
                drop(cells);
                xlsx.merge_cells_by_sheet_name(&name).unwrap_or_default()
            }
            Sheets::Xls(xls) => {
                let merged = xls.merge_cells_by_sheet_name(&name).unwrap_or_default();
                fill(
                    &mut grid,
                    &xls.worksheet_range(&name).map_err(cause)?,
                    &mut budget,
                )?;
                merged
            }
            other => {
                let range = other.worksheet_range(&name).map_err(cause)?;
                fill(&mut grid, &range, &mut budget)?;
                Vec::new()
            }
        };
        carry_merged(&mut grid, &merged, &mut budget)?;
        if grid.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&one_line(&name));
        text.push('\n');
        write_rows(&grid, &mut text);
    }
    if text.trim().is_empty() {
        return Err(unreadable(Unreadable::SheetEmpty));
    }
    Ok(Reading::utf8(text))
}

/// The error of a workbook calamine cannot open or read.
fn cause(err: impl std::fmt::Display) -> Error {
    let said = err.to_string();
    if said.contains("password") {
        return unreadable(Unreadable::SheetEncrypted);
    }
    unreadable(Unreadable::SheetRefused(said.to_lowercase()))
}

/// What a zipped workbook's entries really inflate to, all together:
/// each is inflated into nothing and counted as it comes, so a zip that
/// claims small sizes and inflates to gigabytes is stopped at
/// [`INFLATED_BYTES`] after that much work, and calamine, which holds its
/// shared strings and styles whole, never sees it.
fn inflated_size(bytes: &[u8]) -> Result<u64, Error> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(cause)?;
    let mut spent = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(cause)?;
        let room = INFLATED_BYTES.max.saturating_sub(spent) + 1;
        let n = std::io::copy(&mut (&mut entry).take(room), &mut std::io::sink()).map_err(cause)?;
        spend(&mut spent, n, INFLATED_BYTES)?;
    }
    Ok(spent)
}

/// Counts one kept cell against the workbook's budget.
fn take(budget: &mut u64) -> Result<(), Error> {
    spend(budget, 1, SHEET_CELLS)
}

/// The cells of an in-memory range (`.xls`, `.ods`) that hold something.
fn fill(grid: &mut Grid, range: &calamine::Range<Data>, budget: &mut u64) -> Result<(), Error> {
    for (row, col, data) in range.used_cells() {
        let value = data_text(data);
        if value.is_empty() {
            continue;
        }
        take(budget)?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let at = (
            r0.saturating_add(u32::try_from(row).unwrap_or(u32::MAX)),
            c0.saturating_add(u32::try_from(col).unwrap_or(u32::MAX)),
        );
        grid.insert(at, value);
    }
    Ok(())
}

/// A merged region's value, written in its top-left cell, copied into
/// every cell it covers that is empty.
fn carry_merged(grid: &mut Grid, merged: &[Dimensions], budget: &mut u64) -> Result<(), Error> {
    let span = u32::try_from(MERGE_SPAN.max).unwrap_or(u32::MAX);
    for region in merged {
        let Some(value) = grid.get(&region.start).cloned() else {
            continue;
        };
        for row in region.start.0..=region.end.0.min(region.start.0.saturating_add(span)) {
            for col in region.start.1..=region.end.1.min(region.start.1.saturating_add(span)) {
                if let std::collections::btree_map::Entry::Vacant(cell) = grid.entry((row, col)) {
                    take(budget)?;
                    cell.insert(value.clone());
                }
            }
        }
    }
    Ok(())
}

/// The rows, one line each; a run of empty rows between two becomes one
/// blank line, and empty cells before a row's last are kept as empty
/// cells so columns stay in place.
fn write_rows(grid: &Grid, text: &mut String) {
    let Some(first_col) = grid.keys().map(|&(_, c)| c).min() else {
        return;
    };
    let mut last_row: Option<u32> = None;
    // the column the next cell's text would start at with no tab before it
    let mut col = first_col;
    for (&(row, c), value) in grid {
        if let Some(last) = last_row
            && last != row
        {
            text.push('\n');
            if row > last + 1 {
                text.push('\n');
            }
            col = first_col;
        }
        last_row = Some(row);
        // empty cells up to this one (bounded: a column index is below 2^14
        // in every format calamine reads)
        for _ in col..c {
            text.push('\t');
        }
        col = c;
        text.push_str(value);
    }
    text.push('\n');
}

/// A cell's text on one line: line breaks inside a cell become spaces,
/// tabs too (a tab would split the cell).
fn one_line(value: &str) -> String {
    let value = value.trim();
    if !value.contains(['\n', '\r', '\t']) {
        return value.to_owned();
    }
    value
        .split(['\n', '\r', '\t'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn data_text(data: &Data) -> String {
    match data {
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number(*x),
        Data::String(s) => one_line(s),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => date(dt),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

fn data_ref_text(data: &DataRef<'_>) -> String {
    match data {
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(x) => number(*x),
        DataRef::String(s) => one_line(s),
        DataRef::SharedString(s) => one_line(s),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(dt) => date(dt),
        DataRef::DateTimeIso(s) => iso_date(s),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// A stored float as the sheet shows it in its General format: to 15
/// significant digits, trailing zeros dropped, no exponent for the sizes
/// reports hold.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    if x == x.trunc() && x.abs() < 1e15 {
        // whole: no `.0`, and `-0` is 0
        return format!("{}", x as i64);
    }
    // 15 significant digits, the precision Excel keeps and shows
    let sci = format!("{x:.14e}");
    let Some((mantissa, exp)) = sci.split_once('e') else {
        return sci;
    };
    let Ok(exp) = exp.parse::<i32>() else {
        return sci;
    };
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if !(-10..=20).contains(&exp) {
        return sci.trim_start_matches('+').to_string();
    }
    let point = exp + 1; // digits before the decimal point
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(digits);
    } else {
        let point = point as usize;
        if digits.len() <= point {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', point - digits.len()));
        } else {
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        }
    }
    out
}

/// A date cell as a date: `2021-03-12`, with the time when it has one.
fn date(dt: &ExcelDateTime) -> String {
    if !dt.is_datetime() {
        return number(dt.as_f64());
    }
    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
    if (h, mi, s) == (0, 0, 0) {
        format!("{y:04}-{mo:02}-{d:02}")
    } else if dt.as_f64() < 1.0 {
        format!("{h:02}:{mi:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
    }
}

/// An OpenDocument date (`2021-03-12T00:00:00`) without a midnight time.
fn iso_date(s: &str) -> String {
    s.strip_suffix("T00:00:00").unwrap_or(s).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_sheet_shows_them() {
        let cases = [
            (12.5, "12.5"),
            (12.499999999999998, "12.5"),
            (0.1 + 0.2, "0.3"),
            (186420.0, "186420"),
            (-3.0, "-3"),
            (2.3, "2.3"),
            (1234.5678, "1234.5678"),
            (0.0001, "0.0001"),
            (52.37, "52.37"),
        ];
        for (x, want) in cases {
            assert_eq!(number(x), want, "{x}");
        }
    }

    #[test]
    fn rows_keep_their_columns_and_merged_headers_carry_across() {
        let mut grid = Grid::new();
        grid.insert((0, 0), "项目".into());
        grid.insert((0, 1), "2021年".into());
        grid.insert((1, 1), "上半年".into());
        grid.insert((1, 2), "全年".into());
        grid.insert((2, 0), "到馆读者".into());
        grid.insert((2, 2), "186420".into());
        grid.insert((900_000, 0), "备注".into());
        let mut budget = 0;
        carry_merged(&mut grid, &[Dimensions::new((0, 1), (0, 2))], &mut budget)
            .expect("within budget");
        let mut text = String::new();
        write_rows(&grid, &mut text);
        assert_eq!(
            text,
            "项目\t2021年\t2021年\n\t上半年\t全年\n到馆读者\t\t186420\n\n备注\n"
        );
    }
}
