//! Writers: records out as JSON, JSON Lines, CSV or TSV (wide or long),
//! or one of a record's lists as a table ([`tables`]).
//!
//! Each record is serialized whole into memory before a byte of it is
//! written, so an error in the middle of a record never leaves half a
//! record in the output; and records are written as they come, so a batch
//! of any size runs in flat memory.

pub mod csv;
pub mod json;
pub mod tables;
pub mod types;
pub mod xlsx;

use std::io::{self, Write};

pub use self::csv::CsvStyle;
pub use self::tables::Table;
use crate::report::Record;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON array of records, pretty-printed.
    Json,
    /// One compact JSON record per line.
    Jsonl,
    /// One CSV row per report, one column per metric key.
    Csv,
    /// One CSV row per mention (the tidy form).
    CsvLong,
    /// The wide form, tab-separated.
    Tsv,
    /// The long form, tab-separated.
    TsvLong,
    /// An Excel workbook: the wide and long forms, chronicle, plan,
    /// warnings and the data dictionary, one sheet each.
    Xlsx,
}

impl Format {
    /// The format a file name implies by its extension.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            // The wide form: what a spreadsheet user expects of `x.csv`;
            // the long form is asked for by name (`--format csv-long`).
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// Writes a stream of records.
pub trait RecordWriter {
    /// Writes one record, whole.
    fn record(&mut self, record: &Record) -> io::Result<()>;
    /// Closes the stream (the JSON array's `]`) and flushes.
    fn finish(&mut self) -> io::Result<()>;
    /// Passes on what was written so far, whole records only (a
    /// streamed batch flushes when it waits for its next input).
    fn flush(&mut self) -> io::Result<()>;
}

impl Format {
    /// The format as `--format` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::CsvLong => "csv-long",
            Format::Tsv => "tsv",
            Format::TsvLong => "tsv-long",
            Format::Xlsx => "xlsx",
        }
    }

    /// True for the CSV and TSV formats, the ones [`CsvStyle`] applies to.
    pub fn is_csv(self) -> bool {
        matches!(
            self,
            Format::Csv | Format::CsvLong | Format::Tsv | Format::TsvLong
        )
    }

    /// True for the tab-separated formats.
    pub fn is_tsv(self) -> bool {
        matches!(self, Format::Tsv | Format::TsvLong)
    }
}

/// A writer of `format` into `out`; `style` shapes the CSV formats and is
/// ignored by the others.
pub fn writer<'w, W: Write + 'w>(
    format: Format,
    style: CsvStyle,
    out: W,
) -> Box<dyn RecordWriter + 'w> {
    let style = CsvStyle {
        tab: format.is_tsv(),
        ..style
    };
    match format {
        Format::Json => Box::new(json::JsonArray::new(out)),
        Format::Jsonl => Box::new(json::JsonLines::new(out)),
        Format::Csv | Format::Tsv => Box::new(csv::WideCsv::with_style(out, style)),
        Format::CsvLong | Format::TsvLong => Box::new(csv::LongCsv::with_style(out, style)),
        Format::Xlsx => Box::new(xlsx::XlsxWriter::new(out, style.headers)),
    }
}

/// A writer of one of the records' lists as a table, CSV or TSV as
/// `format` says (refused for JSON by the command line).
pub fn table_writer<'w, W: Write + 'w>(
    table: Table,
    format: Format,
    style: CsvStyle,
    out: W,
) -> Box<dyn RecordWriter + 'w> {
    let style = CsvStyle {
        tab: format.is_tsv(),
        ..style
    };
    Box::new(tables::TableCsv::with_style(table, out, style))
}
