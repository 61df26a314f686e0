//! JSON: a pretty-printed array, or JSON Lines.

use std::io::{self, Write};

use serde::Serialize;

use super::RecordWriter;
use crate::report::Record;

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
        let formatter = NestedPretty {
            depth: 1,
            has_value: false,
        };
        record.serialize(&mut serde_json::Serializer::with_formatter(
            &mut self.buffer,
            formatter,
        ))?;
        escape_line_separators(&mut self.buffer);
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
        serde_json::to_writer(&mut self.buffer, record)?;
        escape_line_separators(&mut self.buffer);
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

/// U+2028 and U+2029 written as `\u2028` and `\u2029`: valid JSON
/// either way, but some readers (JavaScript's, editors, line splitters)
/// take them for line ends, which would cut a JSON Lines record in two.
/// They can only stand inside strings, where the escape means the same.
fn escape_line_separators(json: &mut Vec<u8>) {
    const LEAD: &[u8] = b"\xe2\x80";
    let is_separator = |json: &[u8], at: usize| matches!(json.get(at + 2), Some(0xa8 | 0xa9));
    let finder = memchr::memmem::Finder::new(LEAD);
    let Some(first) = finder.find_iter(json).find(|&at| is_separator(json, at)) else {
        return;
    };
    let mut out = Vec::with_capacity(json.len() + 16);
    out.extend_from_slice(&json[..first]);
    let mut at = first;
    while at < json.len() {
        if json[at..].starts_with(LEAD) && is_separator(json, at) {
            out.extend_from_slice(if json[at + 2] == 0xa8 {
                b"\\u2028"
            } else {
                b"\\u2029"
            });
            at += 3;
        } else {
            out.push(json[at]);
            at += 1;
        }
    }
    *json = out;
}

/// One level of indentation.
const INDENT: &[u8] = b"  ";

/// serde_json's pretty printer (two spaces a level), starting `depth`
/// levels in: a record is printed straight into its place in the array,
/// with no copy to indent it.
struct NestedPretty {
    depth: usize,
    has_value: bool,
}

impl NestedPretty {
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(mark)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(mark)
    }

    fn next_line<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }

    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        (0..self.depth).try_for_each(|_| out.write_all(INDENT))
    }
}

impl serde_json::ser::Formatter for NestedPretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next_line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next_line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

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
            Record::Failed(crate::report::FailedFile {
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
        let record = Record::Failed(crate::report::FailedFile {
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
