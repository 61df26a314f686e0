//! Whole-file failures: a file that cannot be read, decoded, or is not a
//! report. Everything less than that is a `Warning` inside the record.

use std::fmt;
use std::io;

/// Why a file yields no report.
#[derive(Debug)]
pub enum Error {
    /// The file could not be read.
    Io(io::Error),
    /// The file is larger than the limit (`--max-bytes`).
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        max: u64,
    },
    /// The bytes are not text in a known encoding.
    Decode(crate::decode::DecodeError),
    /// The text holds no library report.
    NotAReport(&'static str),
    /// A web page, Word document or PDF yields no text; says why and what
    /// to do (`PDF has no text layer (a scanned image); run OCR first`).
    Unreadable(String),
    /// The file is over one of its budget's limits
    /// ([`crate::tables::budget`]): `too complex: more than 100000 form
    /// draws`.
    TooComplex(crate::tables::budget::Limit),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(err) => write!(f, "{}", io_cause(err)),
            Error::TooLarge { size, max } => write!(
                f,
                "file is {size} bytes, over the limit of {max} bytes (raise it with --max-bytes)"
            ),
            Error::Decode(err) => write!(f, "{err}"),
            Error::NotAReport(why) => write!(f, "not a library report: {why}"),
            Error::Unreadable(why) => f.write_str(why),
            Error::TooComplex(limit) => {
                write!(f, "too complex: more than {} {}", limit.max, limit.what)
            }
        }
    }
}

/// The cause of an I/O error in lowercase words, without the OS error code
/// noise where a plain phrase says it better.
fn io_cause(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => {
            let text = err.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io(err) => Some(err),
            Error::Decode(err) => Some(err),
            _ => None,
        }
    }
}

impl From<io::Error> for Error {
    fn from(err: io::Error) -> Error {
        Error::Io(err)
    }
}

impl From<crate::decode::DecodeError> for Error {
    fn from(err: crate::decode::DecodeError) -> Error {
        Error::Decode(err)
    }
}

/// Adds `n` to a document's `spent` count of `limit`'s kind, or fails with
/// [`Error::TooComplex`] once the count passes the limit.
pub fn spend(spent: &mut u64, n: u64, limit: crate::tables::budget::Limit) -> Result<(), Error> {
    *spent = spent.saturating_add(n);
    if *spent > limit.max {
        Err(Error::TooComplex(limit))
    } else {
        Ok(())
    }
}
