//! JSON: a pretty-printed array, or JSON Lines.

use std::io::{self, Write};

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
        let pretty = to_pretty(record)?;
        // Indent the record inside the array; JSON strings hold no raw
        // newline, so a '\n' only stands between tokens. memchr finds
        // them many bytes at a time (a byte-by-byte split cost a twentieth
        // of a run).
        self.buffer.extend_from_slice(b"  ");
        let mut line_start = 0;
        for newline in memchr::memchr_iter(b'\n', &pretty) {
            self.buffer.extend_from_slice(&pretty[line_start..=newline]);
            self.buffer.extend_from_slice(b"  ");
            line_start = newline + 1;
        }
        self.buffer.extend_from_slice(&pretty[line_start..]);
        self.out.write_all(&self.buffer)?;
        self.written += 1;
        Ok(())
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
        self.buffer.push(b'\n');
        self.out.write_all(&self.buffer)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A record pretty-printed with two-space indentation.
pub fn to_pretty(record: &Record) -> io::Result<Vec<u8>> {
    Ok(serde_json::to_vec_pretty(record)?)
}
