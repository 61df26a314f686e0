//! Writers: records out as JSON, JSON Lines or CSV.
//!
//! Each record is serialized whole into memory before a byte of it is
//! written, so an error in the middle of a record never leaves half a
//! record in the output; and records are written as they come, so a batch
//! of any size runs in flat memory.

pub mod csv;
pub mod json;

use std::io::{self, Write};

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
}

impl Format {
    /// The format a file name implies by its extension.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
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
}

/// A writer of `format` into `out`.
pub fn writer<'w, W: Write + 'w>(format: Format, out: W) -> Box<dyn RecordWriter + 'w> {
    match format {
        Format::Json => Box::new(json::JsonArray::new(out)),
        Format::Jsonl => Box::new(json::JsonLines::new(out)),
        Format::Csv => Box::new(csv::WideCsv::new(out)),
    }
}
