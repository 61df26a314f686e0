//! One of a record's lists as a table (`--table`): the chronicle, the plan,
//! the statistics table's rows, or the resolved metrics, one row per item
//! with the report's `file, library, library_simplified, year` in front, so
//! the tables of a batch stack and join on `file`.
//!
//! The cells follow the CSV writers' rules ([`CsvStyle`]): plain numbers,
//! the formula guard on text cells, a BOM and CRLF for Excel. A file that
//! failed has no row (its error is on stderr and in the exit status), and
//! neither has a report whose list is empty.

use std::io::{self, Write};

use super::RecordWriter;
use super::csv::{CsvStyle, Prefixed};
use crate::report::{LibraryReport, Record};

/// Which list `--table` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// `chronicle`: one row per event.
    Chronicle,
    /// `plan`: one row per point of next year's plan.
    Plan,
    /// `statistics`: one row per row of the statistics table, as written.
    Statistics,
    /// `metrics`: one row per resolved metric (the value the record keeps).
    Metrics,
    /// `warnings`: one row per warning, the Chinese message first.
    Warnings,
}

/// The columns every table starts with.
const REPORT_COLUMNS: [&str; 4] = ["file", "library", "library_simplified", "year"];

impl Table {
    /// The table as `--table` names it.
    pub fn name(self) -> &'static str {
        match self {
            Table::Chronicle => "chronicle",
            Table::Plan => "plan",
            Table::Statistics => "statistics",
            Table::Metrics => "metrics",
            Table::Warnings => "warnings",
        }
    }

    /// The columns after the report's own.
    fn item_columns(self) -> &'static [&'static str] {
        match self {
            Table::Chronicle => &["date", "end", "text", "line"],
            Table::Plan => &["n", "text", "line"],
            Table::Statistics => &["item", "value", "unit", "note", "line"],
            Table::Metrics => &[
                "key", "value", "unit", "approx", "origin", "section", "line", "text",
            ],
            Table::Warnings => &["kind", "line", "key", "message_zh", "message"],
        }
    }

    /// Every column, in order.
    pub fn columns(self) -> Vec<&'static str> {
        REPORT_COLUMNS
            .iter()
            .chain(self.item_columns())
            .copied()
            .collect()
    }

    /// The item cells of each row of `report`'s list; `text` marks the
    /// cells that are report text (guarded against formulas).
    fn rows(self, report: &LibraryReport) -> Vec<Vec<Cell>> {
        let opt = |v: Option<String>| v.unwrap_or_default();
        match self {
            Table::Chronicle => report
                .chronicle
                .iter()
                .map(|e| {
                    vec![
                        Cell::Plain(opt(e.date.map(|d| d.to_string()))),
                        Cell::Plain(opt(e.end.map(|d| d.to_string()))),
                        Cell::Text(e.text.clone()),
                        Cell::Plain(e.line.to_string()),
                    ]
                })
                .collect(),
            Table::Plan => report
                .plan
                .iter()
                .enumerate()
                .map(|(n, item)| {
                    vec![
                        Cell::Plain((n + 1).to_string()),
                        Cell::Text(item.text.clone()),
                        Cell::Plain(item.line.to_string()),
                    ]
                })
                .collect(),
            Table::Statistics => report
                .statistics
                .iter()
                .map(|row| {
                    vec![
                        Cell::Text(row.item.clone()),
                        Cell::Plain(opt(row.value.map(|v| v.to_string()))),
                        Cell::Text(opt(row.unit.clone())),
                        Cell::Text(opt(row.note.clone())),
                        Cell::Plain(row.line.to_string()),
                    ]
                })
                .collect(),
            Table::Metrics => report
                .metrics
                .iter()
                .map(|(key, m)| {
                    vec![
                        Cell::Plain(key.as_str().to_owned()),
                        Cell::Plain(m.value.to_string()),
                        Cell::Text(m.unit.symbol().to_owned()),
                        Cell::Plain(opt(m.approx.map(|a| a.as_str().to_owned()))),
                        Cell::Plain(m.origin.as_str().to_owned()),
                        Cell::Plain(m.section.as_str().to_owned()),
                        Cell::Plain(m.line.to_string()),
                        Cell::Text(m.text.clone()),
                    ]
                })
                .collect(),
            Table::Warnings => report
                .warnings
                .iter()
                .map(|w| {
                    vec![
                        Cell::Plain(w.kind().to_owned()),
                        Cell::Plain(opt(w.line().map(|l| l.to_string()))),
                        Cell::Plain(opt(w.key().map(|k| k.as_str().to_owned()))),
                        Cell::Text(w.message_zh()),
                        Cell::Text(w.to_string()),
                    ]
                })
                .collect(),
        }
    }
}

/// A cell: report text (guarded) or a value libreport wrote (not).
enum Cell {
    Text(String),
    Plain(String),
}

/// Writes one of the records' lists as CSV or TSV.
pub struct TableCsv<W: Write> {
    table: Table,
    out: csv::Writer<Prefixed<W>>,
    style: CsvStyle,
    header_written: bool,
}

impl<W: Write> TableCsv<W> {
    /// A writer of `table` into `out` in `style`.
    pub fn with_style(table: Table, out: W, style: CsvStyle) -> Self {
        TableCsv {
            table,
            out: style.writer(out),
            style,
            header_written: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        self.out
            .write_record(self.style.header_row(&self.table.columns()))?;
        self.header_written = true;
        Ok(())
    }
}

impl<W: Write> RecordWriter for TableCsv<W> {
    fn record(&mut self, record: &Record) -> io::Result<()> {
        if !self.header_written {
            self.header()?;
        }
        let Record::Report(report) = record else {
            return Ok(());
        };
        let style = self.style;
        let year = report.year.map(|y| y.to_string()).unwrap_or_default();
        let front = [
            style.text(&report.file).into_owned(),
            style
                .text(report.library.as_deref().unwrap_or_default())
                .into_owned(),
            style
                .text(report.library_simplified.as_deref().unwrap_or_default())
                .into_owned(),
            year,
        ];
        for cells in self.table.rows(report) {
            let row = front
                .iter()
                .cloned()
                .chain(cells.into_iter().map(|cell| match cell {
                    Cell::Text(text) => style.text(&text).into_owned(),
                    Cell::Plain(text) => text,
                }));
            self.out.write_record(row)?;
        }
        // Flush per record: a report's rows are never split across a
        // later failure.
        self.out.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header()?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ChronicleEntry, PartialDate, PlanItem, StatRow};

    fn report() -> Record {
        let date = |month, day| PartialDate {
            year: 2020,
            month,
            day,
        };
        Record::Report(Box::new(LibraryReport {
            file: "a.txt".into(),
            library: Some("重慶市圖書館".into()),
            library_simplified: Some("重庆市图书馆".into()),
            year: Some(2020),
            chronicle: vec![ChronicleEntry {
                date: Some(date(1, Some(14))),
                end: Some(date(1, Some(15))),
                text: "=举办书展".into(),
                line: 70,
            }],
            plan: vec![
                PlanItem {
                    text: "推进总分馆建设".into(),
                    line: 190,
                },
                PlanItem {
                    text: "办好读书月".into(),
                    line: 191,
                },
            ],
            statistics: vec![StatRow {
                item: "文献馆藏量".into(),
                folded_item: "文献馆藏量".into(),
                value: Some("-180383".parse().expect("decimal")),
                unit: Some("册".into()),
                scale: None,
                note: None,
                line: 47,
            }],
            ..LibraryReport::default()
        }))
    }

    fn write(table: Table, style: CsvStyle) -> String {
        let mut out = Vec::new();
        {
            let mut writer = TableCsv::with_style(table, &mut out, style);
            writer.record(&report()).expect("write");
            writer.finish().expect("finish");
        }
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn each_table_has_the_report_columns_then_its_own() {
        assert_eq!(
            write(Table::Chronicle, CsvStyle::default()),
            "file,library,library_simplified,year,date,end,text,line\n\
             a.txt,重慶市圖書館,重庆市图书馆,2020,2020-01-14,2020-01-15,=举办书展,70\n"
        );
        assert_eq!(
            write(Table::Plan, CsvStyle::default()),
            "file,library,library_simplified,year,n,text,line\n\
             a.txt,重慶市圖書館,重庆市图书馆,2020,1,推进总分馆建设,190\n\
             a.txt,重慶市圖書館,重庆市图书馆,2020,2,办好读书月,191\n"
        );
        let tsv = CsvStyle {
            tab: true,
            ..CsvStyle::default()
        };
        assert_eq!(
            write(Table::Statistics, tsv),
            "file\tlibrary\tlibrary_simplified\tyear\titem\tvalue\tunit\tnote\tline\n\
             a.txt\t重慶市圖書館\t重庆市图书馆\t2020\t文献馆藏量\t-180383\t册\t\t47\n"
        );
        assert_eq!(
            write(Table::Metrics, CsvStyle::default()),
            "file,library,library_simplified,year,key,value,unit,approx,origin,section,line,text\n"
        );
    }

    #[test]
    fn the_excel_guard_applies_to_text_cells_only() {
        let out = write(Table::Chronicle, CsvStyle::EXCEL);
        assert!(out.contains(",'=举办书展,70\r\n"), "{out}");
        let out = write(Table::Statistics, CsvStyle::EXCEL);
        assert!(out.contains(",-180383,"), "a number is no formula: {out}");
    }
}
