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

/// An English failure message (`Error`'s `Display`, or a reader's) in
/// Chinese: the longest start in `tables::errors::ERROR_PHRASES` that it
/// begins with, then the rest as written; a message no row starts is
/// `无法读取：` and the English.
pub fn message_zh(english: &str) -> String {
    use crate::tables::errors::{ERROR_PHRASES, LOOKS_LIKE};
    let Some((en, zh)) = ERROR_PHRASES
        .iter()
        .filter(|(en, _)| english.starts_with(en))
        .max_by_key(|(en, _)| en.len())
    else {
        return format!("无法读取：{english}");
    };
    let rest = &english[en.len()..];
    if *en == "not text: looks like " {
        let what = LOOKS_LIKE
            .iter()
            .find(|(what, _)| *what == rest)
            .map_or(rest, |(_, zh)| zh);
        return format!("{zh}{what}");
    }
    if *en == "unknown or unsupported encoding " {
        let label = rest.split(" (try").next().unwrap_or(rest);
        return format!("{zh}{label}（可试 utf-8、gb18030、gbk、big5、utf-16le 或 utf-16be）");
    }
    if *en == "file is " {
        // `file is N bytes, over the limit of M bytes (…)`: the figures
        let figures: Vec<&str> = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        if let [size, max, ..] = figures.as_slice() {
            return format!("文件有 {size} 字节，超过 {max} 字节的上限（可用 --max-bytes 放宽）");
        }
    }
    let rest = rest.trim_start_matches(['(', ' ']).trim_end_matches(')');
    if rest.is_empty() || en.ends_with(' ') || en.ends_with('：') {
        format!("{zh}{rest}")
    } else {
        format!("{zh}（{rest}）")
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

impl Error {
    /// The message in Chinese, for `error_zh` and a Chinese locale's
    /// stderr.
    pub fn zh(&self) -> String {
        message_zh(&self.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::DecodeError;

    #[test]
    fn every_failure_has_a_chinese_message() {
        let zh = |err: Error| err.zh();
        assert_eq!(zh(Error::Decode(DecodeError::Empty)), "空文件");
        assert_eq!(
            zh(Error::Decode(DecodeError::Binary {
                what: "a PNG image"
            })),
            "不是文本，看来是PNG 图片"
        );
        assert_eq!(
            zh(Error::Io(io::Error::from(io::ErrorKind::NotFound))),
            "没有这个文件或目录"
        );
        assert_eq!(
            zh(Error::TooLarge { size: 100, max: 10 }),
            "文件有 100 字节，超过 10 字节的上限（可用 --max-bytes 放宽）"
        );
        assert_eq!(
            zh(Error::NotAReport("the text never names a library (图书馆)")),
            "不是图书馆年报：文中没有出现“图书馆”"
        );
        assert_eq!(
            zh(Error::Decode(DecodeError::UnknownEncoding(
                "klingon".into()
            ))),
            "不认识或不支持的编码 \"klingon\"（可试 utf-8、gb18030、gbk、big5、utf-16le 或 utf-16be）"
        );
        assert_eq!(
            message_zh("not a readable PDF: page 3: bad xref"),
            "无法读取的 PDF：page 3: bad xref"
        );
        assert_eq!(message_zh("something new"), "无法读取：something new");
    }

    #[test]
    fn every_binary_kind_has_a_chinese_name() {
        use crate::tables::errors::LOOKS_LIKE;
        // every `what` the decoder names, as its source writes them
        let source = include_str!("decode.rs");
        for what in source
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                s.starts_with("a ")
                    || s.starts_with("an ")
                    || s.starts_with("binary data")
                    || *s == "zero-filled data"
            })
            .filter(|s| s.chars().count() < 60 && !s.contains('{'))
        {
            if source.contains(&format!("what: \"{what}\""))
                || source.contains(&format!("\"{what}\")"))
            {
                assert!(
                    LOOKS_LIKE.iter().any(|(en, _)| *en == what),
                    "no Chinese for {what:?}"
                );
            }
        }
    }
}
