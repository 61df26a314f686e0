//! Whole-file failures: a file that cannot be read, decoded, or is not a
//! report. Everything less than that is a `Warning` inside the record.

use std::fmt;
use std::io;

mod unreadable;

pub use unreadable::{CutShort, Unreadable};

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
    NotAReport(NotAReport),
    /// A web page, Word document or PDF yields no text; says why and what
    /// to do (`PDF has no text layer (a scanned image); run OCR first`).
    Unreadable(Unreadable),
    /// The file is over one of its budget's limits
    /// (`crate::tables::budget`): `too complex: more than 100000 form
    /// draws`.
    TooComplex(crate::tables::budget::Limit),
    /// A file in a directory that no reader takes; why
    /// (`input::unread_cause`: `no reader for .json files (read: …)`).
    Skipped(String),
}

/// Why a text is not a library's annual report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAReport {
    /// Under 20 Chinese characters, but mostly Chinese.
    TooShort,
    /// (Almost) no Chinese.
    NoChinese,
    /// 图书馆 occurs nowhere.
    NoLibrary,
    /// The text is 4 GiB or more (cleaned lines hold 32-bit offsets).
    TooLong,
}

impl NotAReport {
    /// Why, in English (after `not a library report: `).
    pub fn english(self) -> &'static str {
        match self {
            NotAReport::TooShort => {
                "the text is too short to be a report (under 20 Chinese characters)"
            }
            NotAReport::NoChinese => "the text holds (almost) no Chinese",
            NotAReport::NoLibrary => "the text never names a library (图书馆)",
            NotAReport::TooLong => "the text is 4 GiB or more",
        }
    }

    /// The whole message in Chinese.
    pub fn zh(self) -> &'static str {
        use crate::tables::errors as zh;
        match self {
            NotAReport::TooShort => zh::NOT_A_REPORT_TOO_SHORT,
            NotAReport::NoChinese => zh::NOT_A_REPORT_NO_CHINESE,
            NotAReport::NoLibrary => zh::NOT_A_REPORT_NO_LIBRARY,
            NotAReport::TooLong => zh::NOT_A_REPORT_TOO_LONG,
        }
    }
}

/// A decoding failure in Chinese.
fn decode_zh(err: &crate::decode::DecodeError) -> String {
    use crate::decode::DecodeError;
    use crate::tables::errors::{BINARY, BLANK, EMPTY, LOOKS_LIKE, UNKNOWN_ENCODING};
    match err {
        DecodeError::Empty => EMPTY.to_owned(),
        DecodeError::Blank => BLANK.to_owned(),
        DecodeError::Binary { what } => {
            let what = LOOKS_LIKE
                .iter()
                .find(|(en, _)| en == what)
                .map_or(*what, |(_, zh)| zh);
            format!("{BINARY}{what}")
        }
        DecodeError::UnknownEncoding(label) => {
            // the label as the English quotes it, up to the English hint
            let quoted = format!("{label:?}");
            let quoted = quoted.split(" (try").next().unwrap_or(&quoted);
            UNKNOWN_ENCODING.replace("{label}", quoted)
        }
    }
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
            Error::NotAReport(why) => write!(f, "not a library report: {}", why.english()),
            Error::Unreadable(why) => write!(f, "{why}"),
            Error::TooComplex(limit) => {
                write!(f, "too complex: more than {} {}", limit.max, limit.what)
            }
            Error::Skipped(cause) => write!(f, "skipped: {cause}"),
        }
    }
}

/// A row's Chinese followed by the detail that comes after its English
/// (a part name, a library's own message), kept as written: the detail
/// loses leading spaces and brackets around the whole of it, and is put in
/// Chinese brackets when `bracket` (the English row ends in a word, not a
/// space or colon).
pub(crate) fn with_detail_zh(head: &str, rest: &str, bracket: bool) -> String {
    // Only brackets around the whole detail go: one inside it (`… (a zip
    // bomb?)`) is the detail's own and keeps both ends.
    let rest = rest.trim_start_matches(' ');
    let rest = rest
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .unwrap_or(rest);
    if rest.is_empty() || !bracket {
        format!("{head}{rest}")
    } else {
        format!("{head}（{rest}）")
    }
}

/// An I/O error's words ([`io_cause`]) in Chinese: the operating system's
/// text is the one failure that arrives as words from outside, so its
/// common causes are found by the words they start with
/// (`tables::errors::IO_CAUSES`); any other is `无法读取：` and the text.
fn io_zh(english: &str) -> String {
    use crate::tables::errors::{IO_CAUSES, UNTRANSLATED};
    match IO_CAUSES.iter().find(|(en, _)| english.starts_with(en)) {
        Some((en, zh)) => with_detail_zh(zh, &english[en.len()..], true),
        None => format!("{UNTRANSLATED}{english}"),
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
        use crate::tables::errors as zh;
        match self {
            Error::Io(err) => io_zh(&io_cause(err)),
            Error::TooLarge { size, max } => zh::TOO_LARGE
                .replace("{size}", &size.to_string())
                .replace("{max}", &max.to_string()),
            Error::Decode(err) => decode_zh(err),
            Error::NotAReport(why) => why.zh().to_owned(),
            Error::Unreadable(why) => why.zh(),
            Error::TooComplex(limit) => zh::TOO_COMPLEX
                .replace("{max}", &limit.max.to_string())
                .replace("{what}", limit.what),
            Error::Skipped(cause) => with_detail_zh(zh::SKIPPED, cause, false),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::DecodeError;

    #[test]
    fn every_failure_has_a_chinese_message() {
        let zh = |err: Error| err.zh();
        assert_eq!(zh(Error::Decode(DecodeError::Empty)), "空文件");
        assert_eq!(zh(Error::Decode(DecodeError::Blank)), "文件只有空白");
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
            zh(Error::Io(io::Error::from(io::ErrorKind::PermissionDenied))),
            "没有读取权限"
        );
        assert_eq!(
            zh(Error::Io(io::Error::other("Disk on fire"))),
            "无法读取：disk on fire"
        );
        assert_eq!(
            zh(Error::TooLarge { size: 100, max: 10 }),
            "文件有 100 字节，超过 10 字节的上限（可用 --max-bytes 放宽）"
        );
        assert_eq!(
            zh(Error::NotAReport(NotAReport::NoLibrary)),
            "不是图书馆年报：文中没有出现“图书馆”"
        );
        assert_eq!(
            zh(Error::Decode(DecodeError::UnknownEncoding(
                "klingon".into()
            ))),
            "不认识或不支持的编码 \"klingon\"（可试 utf-8、gb18030、gbk、big5、utf-16le 或 utf-16be）"
        );
        assert_eq!(
            zh(Error::Skipped(
                "no reader for .json files (read: .txt)".into()
            )),
            "已跳过（没有读取这类文件的程序）：no reader for .json files (read: .txt)"
        );
        let limit = crate::tables::budget::PDF_TOKENS;
        assert_eq!(
            zh(Error::TooComplex(limit)),
            format!("文件过于复杂：超过 {} {}", limit.max, limit.what)
        );
    }

    #[test]
    fn a_cause_keeps_its_detail_after_its_chinese() {
        let zh = |why: Unreadable| Error::Unreadable(why).zh();
        assert_eq!(
            zh(Unreadable::PdfPage {
                number: 3,
                detail: "bad xref".into()
            }),
            "无法读取的 PDF：page 3: bad xref"
        );
        assert_eq!(
            zh(Unreadable::DocxZipDamaged("invalid Zip archive".into())),
            "无法读取的 Word 文档（.docx）：压缩包损坏或不完整（invalid Zip archive）"
        );
        assert_eq!(
            zh(Unreadable::PdfOcrFailed(Box::new(Error::Unreadable(
                Unreadable::OcrFoundNoText
            )))),
            "PDF 没有文字层（是扫描图片），请先做 OCR（扫描件，OCR（Tesseract）没有识别出文字）"
        );
        assert_eq!(
            zh(Unreadable::DocTooOld),
            "是 Word 6 或 Word 95 文档，不能读取：请另存为 .docx"
        );
        // a bracket inside the detail keeps both its ends
        assert_eq!(
            zh(Unreadable::DocxRefused {
                part: "word/document.xml".into(),
                limit_mib: 64
            }),
            "拒绝读取的 Word 文档（疑似压缩炸弹）：word/document.xml inflates past 64 MiB (a zip bomb?)"
        );
        assert_eq!(
            zh(Unreadable::OcrMissing {
                tool: "tesseract".into(),
                install: "apt install tesseract-ocr"
            }),
            "扫描件：其中的文字需要 OCR，但没有安装 tesseract（apt install tesseract-ocr）"
        );
    }

    /// One failure of every kind the readers report, with detail where
    /// the cause carries some.
    fn every_cause() -> Vec<Unreadable> {
        use Unreadable::*;
        let s = |t: &str| t.to_owned();
        vec![
            PdfDamaged,
            PdfCutShort(CutShort::Unopened),
            PdfCutShort(CutShort::NoPage),
            PdfCutShort(CutShort::NoText),
            PdfRefused(s("invalid file header")),
            PdfPage {
                number: 2,
                detail: s("bad xref"),
            },
            PdfNoPages,
            PdfUndecodable,
            PdfNoTextLayer,
            PdfOcrFailed(Box::new(Error::Unreadable(OcrFoundNoText))),
            PdfEncrypted,
            DocxIsOldDoc,
            DocxZipDamaged(s("invalid Zip archive")),
            DocxNoDocument,
            DocxNoText,
            DocxPart {
                part: s("word/styles.xml"),
                detail: s("ill-formed document"),
            },
            DocxPartDamaged {
                part: s("word/document.xml"),
                detail: s("corrupt deflate stream"),
            },
            DocxRefused {
                part: s("word/document.xml"),
                limit_mib: 64,
            },
            DocDamaged(s("its pieces run backwards")),
            WorksDocument,
            DocTooOld,
            DocEncrypted,
            DocNoText,
            MhtNoBoundary,
            MhtNoPage,
            WebPageNoText,
            SheetEncrypted,
            SheetEmpty,
            SheetRefused(s("invalid zip header")),
            ImageOcrOff,
            ImageTooLarge {
                width: 40000,
                height: 40000,
                limit_millions: 400,
            },
            NotAnImage,
            OcrFoundNoText,
            OcrMissing {
                tool: s("tesseract"),
                install: "apt install tesseract-ocr",
            },
            OcrNotStarted {
                tool: s("tesseract"),
                detail: s("exec format error"),
            },
            OcrTimedOut {
                tool: s("pdftoppm"),
                seconds: 60,
            },
            OcrNoChinese {
                tool: s("tesseract"),
                install: "apt install tesseract-ocr-chi-sim",
                said: s("Failed loading language 'chi_sim'"),
            },
            OcrFailed {
                tool: s("tesseract"),
                said: s("Error in pixReadMem"),
            },
        ]
    }

    #[test]
    fn every_cause_says_itself_in_english_and_in_chinese() {
        use crate::tables::errors::UNTRANSLATED;
        for why in every_cause() {
            let english = why.to_string();
            let zh = why.zh();
            assert!(!english.is_empty() && !zh.is_empty(), "{why:?}");
            assert!(
                english.is_ascii() || english.contains('–') || english.contains('×'),
                "English is English: {english}"
            );
            if let Some(rest) = zh.strip_prefix(UNTRANSLATED) {
                // no Chinese row yet: the English follows, whole
                assert_eq!(rest, english);
                continue;
            }
            // a Chinese row: Chinese first, and the English never whole
            assert!(!zh.starts_with(|c: char| c.is_ascii_lowercase()), "{zh}");
            assert!(zh.chars().any(|c| c > '\u{2E80}'), "{zh}");
            assert!(!zh.contains(&english), "{zh}");
        }
    }

    #[test]
    fn the_chinese_rows_use_no_english_but_names_and_flags() {
        use crate::tables::errors as zh;
        // format and tool names, units and flags a Chinese reader types
        let allowed = [
            "docx",
            "doc",
            "Word",
            "word",
            "document",
            "xml",
            "PDF",
            "OCR",
            "Unicode",
            "GiB",
            "utf",
            "gb",
            "gbk",
            "big",
            "le",
            "be",
            "max",
            "bytes",
            "label",
            "size",
            "gzip",
            "bzip",
            "xz",
            "zstd",
            "z",
            "WebP",
            "SQLite",
            "Microsoft",
            "Works",
            "mht",
            "xlsx",
            "xls",
            "et",
            "ods",
            "png",
            "jpg",
            "tif",
            "Tesseract",
            "ocr",
            "never",
            "tool",
            "install",
            "detail",
            "seconds",
            "said",
            "width",
            "height",
            "limit",
            "left",
            "what",
            "wps",
        ];
        let rows = [
            zh::UNTRANSLATED,
            zh::EMPTY,
            zh::BLANK,
            zh::BINARY,
            zh::UNKNOWN_ENCODING,
            zh::NOT_A_REPORT_TOO_SHORT,
            zh::NOT_A_REPORT_NO_CHINESE,
            zh::NOT_A_REPORT_NO_LIBRARY,
            zh::NOT_A_REPORT_TOO_LONG,
            zh::TOO_LARGE,
            zh::SKIPPED,
            zh::DOCX_IS_OLD_DOC,
            zh::DOCX_ZIP_DAMAGED,
            zh::DOCX_NO_DOCUMENT,
            zh::DOCX_NO_TEXT,
            zh::DOCX_REFUSED_PART,
            zh::DOCX_BOMB,
            zh::WEB_PAGE_NO_TEXT,
            zh::PDF_DAMAGED,
            zh::PDF_NO_PAGES,
            zh::PDF_REFUSED,
            zh::PDF_NO_TEXT_LAYER,
            zh::PDF_UNDECODABLE,
            zh::PDF_ENCRYPTED,
            zh::PDF_CUT_SHORT,
            zh::PDF_CUT_SHORT_NO_PAGE,
            zh::PDF_CUT_SHORT_NO_TEXT,
            zh::DOC_DAMAGED,
            zh::WORKS_DOCUMENT,
            zh::DOC_TOO_OLD,
            zh::DOC_ENCRYPTED,
            zh::MHT_NO_BOUNDARY,
            zh::MHT_NO_PAGE,
            zh::SHEET_ENCRYPTED,
            zh::SHEET_EMPTY,
            zh::SHEET_REFUSED,
            zh::IMAGE_OCR_OFF,
            zh::IMAGE_TOO_LARGE,
            zh::NOT_AN_IMAGE,
            zh::OCR_FOUND_NO_TEXT,
            zh::OCR_MISSING,
            zh::OCR_NOT_STARTED,
            zh::OCR_TIMED_OUT,
            zh::OCR_NO_CHINESE,
            zh::OCR_FAILED,
            zh::TOO_COMPLEX,
        ]
        .into_iter()
        .chain(zh::IO_CAUSES.iter().map(|(_, zh)| *zh))
        .chain(zh::LOOKS_LIKE.iter().map(|(_, zh)| *zh));
        for row in rows {
            assert!(row.chars().any(|c| c > '\u{2E80}'), "{row}");
            for word in row
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
            {
                assert!(
                    allowed.contains(&word) || word.chars().all(|c| c.is_ascii_uppercase()),
                    "{word:?} in {row}"
                );
            }
        }
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
