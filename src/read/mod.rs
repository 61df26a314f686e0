//! Stage 0, read: a file's bytes → the text of its report, by the reader
//! its type calls for.
//!
//! Every reader has one interface ([`ReadFn`]): bytes in, [`Reading`] out
//! (the text with table rows as tab-separated cells, which the pipeline
//! reads whatever the format). [`FORMATS`] is the format table: which
//! extensions and first bytes name which reader. A new format is one file
//! under `src/read/` and one row there (and its name in the contract's
//! [`Format`]).
//!
//! Files are told apart by their extension; standard input, which has
//! none, by its first bytes. Line numbers in a record are lines of the
//! text returned here, which `libreport text FILE` prints.

pub mod chrome;
pub mod doc;
pub mod docx;
pub mod html;
pub mod mht;
pub mod ocr;
pub mod pdf;
pub mod sheet;

use std::path::Path;

use crate::error::{Error, Unreadable};
use crate::tables::budget;
use crate::{Options, decode};

/// Which reader a record's text came from: part of the contract.
pub use crate::contract::format::Format;

/// What a reader makes of a file's bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// The text: lines, table rows as tab-separated cells.
    pub text: String,
    /// The encoding the text was decoded from, as the record names it.
    pub encoding: &'static str,
    /// How many byte sequences did not decode.
    pub replaced: usize,
    /// Whether the text came from OCR (the record's format is then `ocr`).
    pub ocr: bool,
    /// The file is damaged or cut short, and the text is what could be
    /// recovered from it (a PDF without its end).
    pub damaged: bool,
    /// Figures OCR was unsure of, left out of the text (a warning each).
    pub unsure: Vec<ocr::Unsure>,
    /// The page's publication stamp (year, month), read before a site's
    /// lines are blanked (发布时间：2016-10-19 is a site's line, and the
    /// report's identity weighs it).
    pub published: Option<(i32, u32)>,
}

impl Reading {
    /// Text that came out of a container whose strings are Unicode.
    pub fn utf8(text: String) -> Reading {
        Reading {
            text,
            encoding: "UTF-8",
            replaced: 0,
            ocr: false,
            damaged: false,
            unsure: Vec::new(),
            published: None,
        }
    }
}

/// The one interface of every reader.
pub type ReadFn = fn(&[u8], &Options) -> Result<Reading, Error>;

/// One row of the format table.
pub struct FormatRow {
    /// The reader's name in records.
    pub format: Format,
    /// The extensions it reads, lowercase, without the dot; a directory
    /// scan takes them.
    pub extensions: &'static [&'static str],
    /// Whether bytes without a name (standard input) are of this format.
    pub sniff: fn(&[u8]) -> bool,
    /// The reader.
    pub read: ReadFn,
}

/// The format table: the first row whose extension matches reads a file;
/// standard input goes to the first row whose `sniff` says yes, else to
/// text. Rows that sniff a container (a zip) come before the row that
/// takes any zip.
#[rustfmt::skip]
pub static FORMATS: &[FormatRow] = &[
    FormatRow { format: Format::Text, extensions: &["txt"],                 sniff: never,         read: read_text },
    FormatRow { format: Format::Html, extensions: &["html", "htm", "xhtml"], sniff: html::sniff,   read: read_html },
    FormatRow { format: Format::Sheet, extensions: &["xlsx", "xls", "et", "ods", "xlsm"], sniff: sheet::sniff, read: sheet::read },
    FormatRow { format: Format::Doc,   extensions: &["doc", "wps", "dot"], sniff: doc::sniff, read: doc::read },
    FormatRow { format: Format::Docx, extensions: &["docx"],                sniff: docx::sniff,   read: read_docx },
    FormatRow { format: Format::Pdf,  extensions: &["pdf"],                 sniff: pdf::sniff,    read: read_pdf },
    FormatRow { format: Format::Ocr,   extensions: &["png", "jpg", "jpeg", "tif", "tiff"], sniff: ocr::sniff, read: ocr::read },
    FormatRow { format: Format::Mht,  extensions: &["mht", "mhtml"],        sniff: mht::sniff,    read: mht::read },
];

fn never(_: &[u8]) -> bool {
    false
}

fn read_text(bytes: &[u8], options: &Options) -> Result<Reading, Error> {
    let decoded = decode::decode(bytes, options.encoding)?;
    let encoding = decoded.encoding_name();
    let published = publication_stamp(&decoded.text);
    let text = match chrome::blank_chrome(&decoded.text) {
        std::borrow::Cow::Borrowed(_) => decoded.text,
        std::borrow::Cow::Owned(text) => text,
    };
    Ok(Reading {
        text,
        encoding,
        replaced: decoded.replaced,
        published,
        ..Reading::default()
    })
}

fn read_html(bytes: &[u8], options: &Options) -> Result<Reading, Error> {
    let page = html::read(bytes, options.encoding)?;
    Ok(Reading {
        text: page.text,
        encoding: page.encoding,
        replaced: page.replaced,
        published: page.published,
        ..Reading::default()
    })
}

fn read_docx(bytes: &[u8], _: &Options) -> Result<Reading, Error> {
    docx::read(bytes).map(Reading::utf8)
}

/// A PDF's text layer; by OCR where it has none (or with `--ocr always`).
fn read_pdf(bytes: &[u8], options: &Options) -> Result<Reading, Error> {
    if options.ocr == ocr::OcrMode::Always {
        return ocr::read_pdf(bytes);
    }
    match pdf::read_checked(bytes) {
        Err(err)
            if options.ocr == ocr::OcrMode::Auto
                && matches!(&err, Error::Unreadable(why) if why.is_scan()) =>
        {
            ocr::read_pdf(bytes)
                .map_err(|ocr_err| unreadable(Unreadable::PdfOcrFailed(Box::new(ocr_err))))
        }
        read => read.map(|(text, damage)| Reading {
            damaged: damage.is_some(),
            ..Reading::utf8(text)
        }),
    }
}

/// Whether bytes are a compound file (OLE2: `.doc`, `.xls`, `.wps`, an
/// encrypted `.docx` or `.xlsx`) holding a stream of this name.
pub(crate) fn cfb_has_stream(bytes: &[u8], name: &str) -> bool {
    if !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return false;
    }
    cfb::CompoundFile::open(std::io::Cursor::new(bytes))
        .is_ok_and(|file| file.exists(format!("/{name}")))
}

/// The row of a format.
fn row(format: Format) -> Option<&'static FormatRow> {
    FORMATS.iter().find(|row| row.format == format)
}

/// The format a file's extension names; [`Format::Text`] for any other.
pub fn format_of_path(path: &Path) -> Format {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return Format::Text;
    };
    FORMATS
        .iter()
        .find(|row| row.extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
        .map_or(Format::Text, |row| row.format)
}

/// The format of bytes that came without a name (standard input).
pub fn sniff(bytes: &[u8]) -> Format {
    FORMATS
        .iter()
        .find(|row| (row.sniff)(bytes))
        .map_or(Format::Text, |row| row.format)
}

/// Whether a directory scan takes a file with this extension.
fn is_report_extension(ext: &str) -> bool {
    FORMATS
        .iter()
        .any(|row| row.extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// The extensions a scan reads, as messages list them: `.txt .html …`.
pub fn extensions_list() -> String {
    let listed: Vec<String> = FORMATS
        .iter()
        .flat_map(|row| row.extensions.iter())
        .map(|e| format!(".{e}"))
        .collect();
    listed.join(" ")
}

/// Whether a directory scan takes a file: an extension of the format
/// table, or, when `globs` are given, a file name that one of them
/// matches.
pub fn wanted(path: &Path, globs: &[String]) -> bool {
    if globs.is_empty() {
        return path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(is_report_extension);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    globs.iter().any(|glob| glob_matches(glob, &name))
}

/// Shell-style matching of a file name: `*` any run, `?` one character,
/// `[abc]` / `[a-z]` / `[!abc]` one of a set; everything else as is.
pub fn glob_matches(glob: &str, name: &str) -> bool {
    let glob: Vec<char> = glob.chars().collect();
    let name: Vec<char> = name.chars().collect();
    // Iterative matching with one back-track point for the last `*`:
    // linear in practice and never exponential.
    let (mut g, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match glob.get(g) {
            Some('*') => {
                star = Some((g, n));
                g += 1;
                continue;
            }
            Some('?') => {
                g += 1;
                n += 1;
                continue;
            }
            Some('[') => {
                if let Some((matched, next)) = class_matches(&glob, g, name[n])
                    && matched
                {
                    g = next;
                    n += 1;
                    continue;
                }
            }
            Some(&c) if c == name[n] => {
                g += 1;
                n += 1;
                continue;
            }
            _ => {}
        }
        match star {
            Some((sg, sn)) => {
                g = sg + 1;
                n = sn + 1;
                star = Some((sg, sn + 1));
            }
            None => return false,
        }
    }
    glob[g..].iter().all(|&c| c == '*')
}

/// Whether `c` is in the class starting at `glob[at] == '['`, and where
/// the glob goes on after it; `None` for an unclosed `[`.
fn class_matches(glob: &[char], at: usize, c: char) -> Option<(bool, usize)> {
    let mut i = at + 1;
    let negated = matches!(glob.get(i), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut found = false;
    let mut first = true;
    loop {
        let &lo = glob.get(i)?;
        if lo == ']' && !first {
            return Some((found != negated, i + 1));
        }
        first = false;
        if glob.get(i + 1) == Some(&'-') && glob.get(i + 2).is_some_and(|&hi| hi != ']') {
            let hi = glob[i + 2];
            found |= (lo..=hi).contains(&c);
            i += 3;
        } else {
            found |= lo == c;
            i += 1;
        }
    }
}

/// The text of one file's report, and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The text; records' line numbers are its lines.
    pub text: String,
    /// The encoding the text was decoded from, as the record names it.
    pub encoding: &'static str,
    /// How many byte sequences did not decode (text and web pages).
    pub replaced: usize,
    /// The reader used.
    pub format: Format,
    /// The file is damaged or cut short, and the text is what could be
    /// recovered from it (a PDF without its end).
    pub damaged: bool,
    /// Figures OCR was unsure of, left out of the text.
    pub unsure: Vec<ocr::Unsure>,
    /// The page's publication stamp (year, month), read before a site's
    /// lines were blanked.
    pub published: Option<(i32, u32)>,
}

/// Reads one file's bytes with the reader its name (or, for standard
/// input, `-`, its bytes) calls for. Never panics, whatever the bytes.
pub fn read(file: &str, bytes: &[u8], options: &Options) -> Result<Text, Error> {
    let format = if file == "-" {
        sniff(bytes)
    } else {
        format_of_path(Path::new(file))
    };
    read_as(format, bytes, options)
}

/// Reads bytes with the reader of `format`.
pub fn read_as(format: Format, bytes: &[u8], options: &Options) -> Result<Text, Error> {
    let read = row(format).map_or(read_text as ReadFn, |row| row.read);
    let reading = read(bytes, options)?;
    // The output budget holds for every reader: one that writes more
    // than the file's size allows is repeating something without end.
    let limit = text_limit(bytes.len());
    if reading.text.len() as u64 > limit.max {
        return Err(Error::TooComplex(limit));
    }
    Ok(Text {
        text: reading.text,
        encoding: reading.encoding,
        replaced: reading.replaced,
        format: if reading.ocr { Format::Ocr } else { format },
        damaged: reading.damaged,
        unsure: reading.unsure,
        published: reading.published,
    })
}

/// The most text a file of `input_bytes` may give, in bytes of UTF-8
/// ([`budget::OUTPUT_CHARS_PER_BYTE`] a byte, plus a constant allowance):
/// a reader that writes more is repeating something without end.
pub(crate) fn text_limit(input_bytes: usize) -> budget::Limit {
    budget::Limit {
        max: budget::OUTPUT_CHARS_BASE.saturating_add(
            budget::OUTPUT_CHARS_PER_BYTE
                .max
                .saturating_mul(input_bytes as u64),
        ),
        what: "bytes of text for the file's size",
        ..budget::OUTPUT_CHARS_PER_BYTE
    }
}

/// A reader's raw text folded to simplified characters (`fold::fold`):
/// the one fold of the readers, which ask of a raw line (a web page's
/// chrome, a unit alone under a PDF page's figure) before `clean` has
/// folded the document.
pub(crate) fn fold_raw(text: &str) -> std::borrow::Cow<'_, str> {
    crate::fold::fold(text)
}

/// How far into a page its publication stamp stands, in bytes.
const STAMP_HEAD: usize = 1200;

/// The publication stamp in the head of a page's text
/// (`date::publication_stamp`), read before a site's lines are blanked.
pub fn publication_stamp(text: &str) -> Option<(i32, u32)> {
    crate::date::publication_stamp(crate::text::head(text, STAMP_HEAD))
}

/// The failure of a Word document, PDF or web page that yields no text.
pub(crate) fn unreadable(cause: Unreadable) -> Error {
    Error::Unreadable(cause)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension_and_stdin_its_bytes() {
        assert_eq!(format_of_path(Path::new("a/年报.HTM")), Format::Html);
        assert_eq!(format_of_path(Path::new("a.docx")), Format::Docx);
        assert_eq!(format_of_path(Path::new("a.pdf.txt")), Format::Text);
        assert_eq!(format_of_path(Path::new("README")), Format::Text);
        assert_eq!(sniff(b"%PDF-1.4\n"), Format::Pdf);
        assert_eq!(sniff(b"PK\x03\x04...."), Format::Docx);
        assert_eq!(
            sniff(b"\xef\xbb\xbf\n  <!DOCTYPE HTML><html>"),
            Format::Html
        );
        assert_eq!(sniff("青禾县图书馆".as_bytes()), Format::Text);
    }

    #[test]
    fn every_format_has_one_row_and_no_extension_is_taken_twice() {
        let mut seen = std::collections::HashSet::new();
        for row in FORMATS {
            for ext in row.extensions {
                assert_eq!(*ext, ext.to_ascii_lowercase(), "{ext}");
                assert!(seen.insert(*ext), "{ext} in two rows");
                let name = format!("a.{}", ext.to_ascii_uppercase());
                assert_eq!(format_of_path(Path::new(&name)), row.format, "{name}");
            }
        }
        for format in FORMATS.iter().map(|row| row.format) {
            assert_eq!(FORMATS.iter().filter(|r| r.format == format).count(), 1);
        }
    }

    #[test]
    fn directory_scans_take_report_files_or_the_globs() {
        let none: Vec<String> = Vec::new();
        for name in [
            "a.txt", "b.HTML", "c.htm", "d.docx", "e.pdf", "f.doc", "g.ET", "h.mht",
        ] {
            assert!(wanted(Path::new(name), &none), "{name}");
        }
        for name in ["a.zip", "b.json", "README", "c.txt.bak"] {
            assert!(!wanted(Path::new(name), &none), "{name}");
        }
        let globs = vec!["*-2021.pdf".to_owned(), "*.md".to_owned()];
        assert!(wanted(Path::new("x/qinghe-2021.pdf"), &globs));
        assert!(wanted(Path::new("README.md"), &globs));
        assert!(!wanted(Path::new("qinghe-2021.txt"), &globs));
    }

    #[test]
    fn globs_match_like_a_shell() {
        let cases = [
            ("*", "anything", true),
            ("*.txt", "年报.txt", true),
            ("*.txt", "a.txt.bak", false),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("*a*b*c", "xaybzc", true),
            ("*a*b*c", "xaybz", false),
            ("[ab]*", "bee", true),
            ("[!ab]*", "bee", false),
            ("report-[0-9][0-9].pdf", "report-07.pdf", true),
            ("report-[0-9].pdf", "report-x.pdf", false),
            ("[", "[", false),
            ("", "", true),
        ];
        for (glob, name, want) in cases {
            assert_eq!(glob_matches(glob, name), want, "{glob} {name}");
        }
    }
}
