//! CSV: one row per report, for spreadsheets.
//!
//! Columns: `file, encoding, library, year, sections`, one column per
//! metric key (the resolved value in the key's base unit, empty where
//! unknown), and `error` for files that yielded no report. Lists
//! (mentions, chronicle, plan) are left to JSON.

use std::io::{self, Write};

use super::RecordWriter;
use crate::report::Record;
use crate::tables::metric_keys::MetricKey;

/// The wide CSV writer.
pub struct WideCsv<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
    row: Vec<String>,
}

impl<W: Write> WideCsv<W> {
    /// A CSV writer into `out`.
    pub fn new(out: W) -> Self {
        WideCsv {
            out: csv::Writer::from_writer(out),
            header_written: false,
            row: Vec::new(),
        }
    }

    fn header(&mut self) -> io::Result<()> {
        self.out.write_record(columns())?;
        self.header_written = true;
        Ok(())
    }
}

/// The column headers, in order.
pub fn columns() -> Vec<&'static str> {
    let fixed = ["file", "encoding", "library", "year", "sections"];
    fixed
        .into_iter()
        .chain(MetricKey::ALL.iter().map(|k| k.as_str()))
        .chain(["error"])
        .collect()
}

impl<W: Write> RecordWriter for WideCsv<W> {
    fn record(&mut self, record: &Record) -> io::Result<()> {
        if !self.header_written {
            self.header()?;
        }
        self.row.clear();
        self.row.push(record.file().to_owned());
        match record {
            Record::Report(report) => {
                self.row.push(report.encoding.clone());
                self.row.push(report.library.clone().unwrap_or_default());
                self.row
                    .push(report.year.map(|y| y.to_string()).unwrap_or_default());
                let kinds: Vec<&str> = report.sections.iter().map(|s| s.kind.as_str()).collect();
                self.row.push(kinds.join(";"));
                for key in MetricKey::ALL {
                    let cell = report.metrics.get(key).map(|m| m.value.to_string());
                    self.row.push(cell.unwrap_or_default());
                }
                self.row.push(String::new());
            }
            Record::Failed(failed) => {
                self.row
                    .extend(std::iter::repeat_n(String::new(), 4 + MetricKey::ALL.len()));
                self.row.push(failed.error.clone());
            }
        }
        self.out.write_record(&self.row)?;
        // Flush per record: a row is never split across a later failure.
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header()?;
        }
        self.out.flush()
    }
}
