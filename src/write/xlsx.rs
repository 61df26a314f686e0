//! The Excel workbook (`-o reports.xlsx`, `--format xlsx`), for Excel and
//! WPS: sheets 指标 (the wide form: one row per report, numbers typed,
//! units in the headers), 明细 (the long form: every figure with its
//! phrase and line), 大事记, 计划, 提示 (warnings, the Chinese message
//! first) and 说明 (the data dictionary and how the file was made). Each
//! sheet has a frozen header row, filters and widths fitted to its cells.
//!
//! Each sheet is the CSV writer's output (plain style) laid into cells, so
//! the workbook always says what the CSV says: a number column's cells
//! are numbers ([`super::types`]), the rest text. Text is never a formula
//! in a workbook, so no guard is needed. A workbook is one zip written at
//! the end: the batch's rows are held in memory until then.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::RecordWriter;
use super::csv::{CsvStyle, LONG_COLUMNS, LongCsv, WideCsv, columns};
use super::tables::{Table, TableCsv};
use super::types::{ColumnType, column_type};
use crate::contract::report::Record;
use crate::dictionary::{self, Headers, header};
use crate::text::display_width;

/// A byte buffer shared between a CSV writer and the workbook writer.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One sheet: its name, its English columns, and the CSV writer that
/// fills it.
struct Sheet {
    name: &'static str,
    columns: Vec<&'static str>,
    buffer: Shared,
    writer: Box<dyn RecordWriter>,
}

/// Writes the records as a workbook into `out` when finished.
pub struct XlsxWriter<W: Write> {
    out: W,
    headers: Headers,
    sheets: Vec<Sheet>,
    reports: usize,
    failed: usize,
}

impl<W: Write> XlsxWriter<W> {
    /// A workbook writer into `out`, headers in `headers`' language.
    pub fn new(out: W, headers: Headers) -> Self {
        let style = CsvStyle {
            headers: Headers::En,
            ..CsvStyle::default()
        };
        let sheet =
            |name, columns: Vec<&'static str>, make: &dyn Fn(Shared) -> Box<dyn RecordWriter>| {
                let buffer = Shared::default();
                Sheet {
                    name,
                    columns,
                    writer: make(buffer.clone()),
                    buffer,
                }
            };
        let table = |table: Table| {
            move |buffer: Shared| -> Box<dyn RecordWriter> {
                Box::new(TableCsv::with_style(table, buffer, style))
            }
        };
        let sheets = vec![
            sheet("指标", columns(), &|b| {
                Box::new(WideCsv::with_style(b, style))
            }),
            sheet("明细", LONG_COLUMNS.to_vec(), &|b| {
                Box::new(LongCsv::with_style(b, style))
            }),
            sheet(
                "大事记",
                Table::Chronicle.columns(),
                &table(Table::Chronicle),
            ),
            sheet("计划", Table::Plan.columns(), &table(Table::Plan)),
            sheet("提示", Table::Warnings.columns(), &table(Table::Warnings)),
        ];
        XlsxWriter {
            out,
            headers,
            sheets,
            reports: 0,
            failed: 0,
        }
    }

    fn build(&mut self) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        for sheet in &self.sheets {
            let bytes = sheet.buffer.0.borrow();
            let mut reader = ::csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(bytes.as_slice());
            let types: Vec<ColumnType> = sheet.columns.iter().map(|c| column_type(c)).collect();
            let rows = reader
                .records()
                .filter_map(Result::ok)
                .skip(1)
                .map(|record| record.iter().map(str::to_owned).collect::<Vec<String>>());
            let headers: Vec<String> = sheet
                .columns
                .iter()
                .map(|c| header(c, self.headers))
                .collect();
            let worksheet = workbook.add_worksheet();
            worksheet.set_name(sheet.name)?;
            lay_out(worksheet, &headers, &types, rows, &bold)?;
        }
        // 说明: the data dictionary and how the file was made
        let worksheet = workbook.add_worksheet();
        worksheet.set_name("说明")?;
        let headers: Vec<String> = [
            "键 key", "名称", "单位", "表头", "含义", "meaning", "章节", "说法",
        ]
        .map(str::to_owned)
        .to_vec();
        let types = vec![ColumnType::Text; headers.len()];
        let mut rows: Vec<Vec<String>> = dictionary::entries()
            .iter()
            .map(|info| info.cells().to_vec())
            .collect();
        rows.push(Vec::new());
        rows.push(vec![format!(
            "由 libreport {} 生成：{} 份报告，{} 个文件未能读取（made by libreport from {} reports; {} files failed）。",
            env!("CARGO_PKG_VERSION"),
            self.reports,
            self.failed,
            self.reports,
            self.failed
        )]);
        rows.push(vec![
            "数值均为指标的基本单位（万册已折算为册，万元为元）；每个数值的原文与行号见“明细”。"
                .to_owned(),
        ]);
        rows.push(vec![
            "省、地市、区县、区划代码：图书馆所在的行政区划及其六位代码（文本），据馆名判定，数据来自 modood/Administrative-divisions-of-China（国家统计局统计用区划代码，截止 2022-10-31）；无法确定时留空，并在“提示”中说明。"
                .to_owned(),
        ]);
        lay_out(worksheet, &headers, &types, rows.into_iter(), &bold)?;
        workbook.save_to_buffer()
    }
}

/// Excel's longest cell text.
const MAX_CELL_CHARS: usize = 32_767;

/// Writes a header row and the rows, typed; freezes the header, filters
/// the table and fits the column widths.
fn lay_out(
    worksheet: &mut Worksheet,
    headers: &[String],
    types: &[ColumnType],
    rows: impl Iterator<Item = Vec<String>>,
    bold: &Format,
) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = headers.iter().map(|h| display_width(h)).collect();
    for (col, name) in headers.iter().enumerate() {
        worksheet.write_string_with_format(0, col as u16, name, bold)?;
    }
    let mut last_row = 0u32;
    for (index, row) in rows.enumerate() {
        let Ok(r) = u32::try_from(index + 1) else {
            break;
        };
        last_row = r;
        for (col, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let c = col as u16;
            let number = match types.get(col) {
                Some(ColumnType::Integer | ColumnType::Decimal) => cell.parse::<f64>().ok(),
                _ => None,
            };
            match number {
                Some(n) => {
                    worksheet.write_number(r, c, n)?;
                }
                None => {
                    let text: String = cell.chars().take(MAX_CELL_CHARS).collect();
                    worksheet.write_string(r, c, text)?;
                }
            }
            if let Some(width) = widths.get_mut(col) {
                *width = (*width).max(display_width(cell).min(60));
            }
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    if !headers.is_empty() {
        worksheet.autofilter(0, 0, last_row.max(1), (headers.len() - 1) as u16)?;
    }
    for (col, width) in widths.iter().enumerate() {
        // a little room for the filter button
        worksheet.set_column_width(col as u16, (*width).clamp(6, 60) as f64 + 2.0)?;
    }
    Ok(())
}

impl<W: Write> RecordWriter for XlsxWriter<W> {
    fn record(&mut self, record: &Record) -> io::Result<()> {
        match record {
            Record::Report(_) => self.reports += 1,
            Record::Failed(_) => self.failed += 1,
        }
        for sheet in &mut self.sheets {
            sheet.writer.record(record)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        for sheet in &mut self.sheets {
            sheet.writer.finish()?;
        }
        let bytes = self.build().map_err(io::Error::other)?;
        self.out.write_all(&bytes)?;
        self.out.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        // a workbook is written whole, at the end
        Ok(())
    }
}
