//! JSON: a pretty-printed array, or JSON Lines. Records are serialized
//! by [`JsonText`], serde_json's output with a faster string escape.

use std::io::{self, Write};

use serde::Serialize;

use super::RecordWriter;
use super::json_text::JsonText;
use crate::contract::report::Record;

/// A JSON array, opened before the first record and closed by `finish`.
pub struct JsonArray<W: Write> {
    out: W,
    written: usize,
    buffer: Vec<u8>,
}

impl<W: Write> JsonArray<W> {
    /// An array writer into `out`.
    pub fn new(out: W) -> Self {
        JsonArray {
            out,
            written: 0,
            buffer: Vec::new(),
        }
    }
}

impl<W: Write> RecordWriter for JsonArray<W> {
    fn record(&mut self, record: &Record) -> io::Result<()> {
        self.buffer.clear();
        self.buffer
            .extend_from_slice(if self.written == 0 { b"[\n" } else { b",\n" });
        // The record is written one level in, as an element of the array.
        self.buffer.extend_from_slice(INDENT);
        record.serialize(&mut JsonText::pretty(&mut self.buffer, 1))?;
        self.out.write_all(&self.buffer)?;
        self.written += 1;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
        self.out.write_all(end)?;
        self.out.flush()
    }
}

/// One compact record per line.
pub struct JsonLines<W: Write> {
    out: W,
    buffer: Vec<u8>,
}

impl<W: Write> JsonLines<W> {
    /// A JSON Lines writer into `out`.
    pub fn new(out: W) -> Self {
        JsonLines {
            out,
            buffer: Vec::new(),
        }
    }
}

impl<W: Write> RecordWriter for JsonLines<W> {
    fn record(&mut self, record: &Record) -> io::Result<()> {
        self.buffer.clear();
        record.serialize(&mut JsonText::compact(&mut self.buffer))?;
        self.buffer.push(b'\n');
        self.out.write_all(&self.buffer)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One level of indentation.
const INDENT: &[u8] = b"  ";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_array_prints_as_serde_json_pretty_prints_it() {
        let text = "青禾县图书馆2020年年报\n一、工作总结\n全年接待读者12.4万人次，外借图书8.6万册次。\n二、大事记\n3月5日，开馆。\n";
        let mut report = crate::extract_text(text).expect("a report");
        report.file = "青禾.txt".to_owned();
        let records = vec![
            Record::Report(Box::new(report)),
            Record::Failed(crate::contract::report::FailedFile {
                file: "坏.txt".to_owned(),
                error: "not a report".to_owned(),
                error_zh: "不是年报".to_owned(),
            }),
        ];
        let mut out = Vec::new();
        let mut writer = JsonArray::new(&mut out);
        for record in &records {
            writer.record(record).expect("written");
        }
        writer.finish().expect("finished");
        let want = serde_json::to_string_pretty(&records).expect("printed") + "\n";
        assert_eq!(String::from_utf8(out).expect("UTF-8"), want);
    }

    #[test]
    fn line_separators_are_escaped_and_mean_the_same() {
        let record = Record::Failed(crate::contract::report::FailedFile {
            file: "a\u{2028}b\u{2029}“c”.txt".to_owned(),
            error: "x".to_owned(),
            error_zh: "x".to_owned(),
        });
        let mut out = Vec::new();
        let mut writer = JsonLines::new(&mut out);
        writer.record(&record).expect("written");
        let line = String::from_utf8(out).expect("UTF-8");
        assert!(line.contains("a\\u2028b\\u2029“c”.txt"), "{line}");
        assert!(!line.contains('\u{2028}') && !line.contains('\u{2029}'));
        assert_eq!(line.lines().count(), 1);
        let back: serde_json::Value = serde_json::from_str(&line).expect("JSON");
        assert_eq!(back["file"], "a\u{2028}b\u{2029}“c”.txt");
    }
}
