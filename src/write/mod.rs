//! Writers: records out as JSON, JSON Lines, CSV or TSV (wide or long),
//! or one of a record's lists as a table ([`tables`]).
//!
//! Each record is serialized whole into memory before a byte of it is
//! written, so an error in the middle of a record never leaves half a
//! record in the output; and records are written as they come, so a batch
//! of any size runs in flat memory.

pub mod csv;
pub mod json;
mod json_escape;
mod json_text;
pub mod tables;
pub mod types;
pub mod xlsx;

use std::io::{self, Write};

pub use self::csv::CsvStyle;
pub use self::tables::Table;
use crate::contract::report::Record;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
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

impl OutputFormat {
    /// The format a file name implies by its extension.
    pub fn from_extension(path: &std::path::Path) -> Option<OutputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(OutputFormat::Json),
            "jsonl" | "ndjson" => Some(OutputFormat::Jsonl),
            // The wide form: what a spreadsheet user expects of `x.csv`;
            // the long form is asked for by name (`--format csv-long`).
            "csv" => Some(OutputFormat::Csv),
            "tsv" | "tab" => Some(OutputFormat::Tsv),
            "xlsx" => Some(OutputFormat::Xlsx),
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

impl OutputFormat {
    /// The format as `--format` spells it.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Csv => "csv",
            OutputFormat::CsvLong => "csv-long",
            OutputFormat::Tsv => "tsv",
            OutputFormat::TsvLong => "tsv-long",
            OutputFormat::Xlsx => "xlsx",
        }
    }

    /// True for the CSV and TSV formats, the ones [`CsvStyle`] applies to.
    pub fn is_csv(self) -> bool {
        matches!(
            self,
            OutputFormat::Csv | OutputFormat::CsvLong | OutputFormat::Tsv | OutputFormat::TsvLong
        )
    }

    /// True for the tab-separated formats.
    pub fn is_tsv(self) -> bool {
        matches!(self, OutputFormat::Tsv | OutputFormat::TsvLong)
    }
}

/// A writer of `format` into `out`; `style` shapes the CSV formats and is
/// ignored by the others.
pub fn writer<'w, W: Write + 'w>(
    format: OutputFormat,
    style: CsvStyle,
    out: W,
) -> Box<dyn RecordWriter + 'w> {
    let style = CsvStyle {
        tab: format.is_tsv(),
        ..style
    };
    match format {
        OutputFormat::Json => Box::new(json::JsonArray::new(out)),
        OutputFormat::Jsonl => Box::new(json::JsonLines::new(out)),
        OutputFormat::Csv | OutputFormat::Tsv => Box::new(csv::WideCsv::with_style(out, style)),
        OutputFormat::CsvLong | OutputFormat::TsvLong => {
            Box::new(csv::LongCsv::with_style(out, style))
        }
        OutputFormat::Xlsx => Box::new(xlsx::XlsxWriter::new(out, style.headers)),
    }
}

/// A writer of one of the records' lists as a table, CSV or TSV as
/// `format` says (refused for JSON by the command line).
pub fn table_writer<'w, W: Write + 'w>(
    table: Table,
    format: OutputFormat,
    style: CsvStyle,
    out: W,
) -> Box<dyn RecordWriter + 'w> {
    let style = CsvStyle {
        tab: format.is_tsv(),
        ..style
    };
    Box::new(tables::TableCsv::with_style(table, out, style))
}
