//! Stage 1, bytes → text. (Interim UTF-8-only version; replaced by the
//! detecting decoder on merge.)

use std::fmt;

use encoding_rs::{Encoding, UTF_8};

/// Decoded text and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: &'static Encoding,
    /// How many replacement characters decoding inserted.
    pub replaced: usize,
}

impl Decoded {
    /// The encoding's name.
    pub fn encoding_name(&self) -> &'static str {
        self.encoding.name()
    }
}

/// Why bytes are not text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// No bytes.
    Empty,
    /// Only white space.
    Blank,
    /// Binary data.
    Binary {
        /// What it looks like.
        what: &'static str,
    },
    /// An unknown encoding label.
    UnknownEncoding(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("empty file"),
            DecodeError::Blank => f.write_str("file holds only white space"),
            DecodeError::Binary { what } => write!(f, "not text: looks like {what}"),
            DecodeError::UnknownEncoding(label) => write!(f, "unknown encoding {label:?}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes bytes.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let encoding = forced.unwrap_or(UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    let replaced = text.matches('\u{fffd}').count();
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        replaced,
    })
}

/// The encoding for a label.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, DecodeError> {
    Encoding::for_label(label.as_bytes())
        .ok_or_else(|| DecodeError::UnknownEncoding(label.to_owned()))
}
