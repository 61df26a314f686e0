//! libreport turns Chinese public-library annual reports (年报) into typed,
//! checkable data.
//!
//! Data flows one way through stages, each a module with one job:
//!
//! ```text
//! bytes ─decode→ text ─clean→ lines ─segment→ sections ─extract→ LibraryReport ─write→ JSON / CSV
//!                                                 │
//!                   numeral · quantity · date · metrics · table · chronicle · plan
//! ```
//!
//! Every figure keeps the line it came from, so a person can check it.
//!
//! ```
//! let text = "重庆市武隆区图书馆 2020 年年报\n\n2020 年大事记\n\n一月\n\n16 日，南滨路 24 小时自助图书馆开馆。\n";
//! let record = libreport::extract("wulong.txt", text.as_bytes(), &libreport::Options::default());
//! let report = record.report().expect("a report");
//! assert_eq!(report.library.as_deref(), Some("重庆市武隆区图书馆"));
//! assert_eq!(report.year, Some(2020));
//! ```

#![warn(missing_docs)]

pub mod audit;
pub mod clean;
pub mod date;
pub mod decimal;
pub mod decode;
pub mod error;
pub mod heading;
pub mod input;
pub mod numeral;
pub mod plan;
pub mod quantity;
pub mod report;
pub mod schema;
pub mod segment;
pub mod table;
pub mod tables;
pub mod title;
pub mod unit;
pub mod view;
pub mod write;

use encoding_rs::Encoding;

use crate::error::Error;
use crate::report::{FailedFile, LibraryReport, Record, SectionInfo, Warning};

/// How to read inputs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Decode every input with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
}

/// Runs the whole pipeline on one file's bytes. Never panics on any input:
/// a file that yields no report becomes a [`Record::Failed`].
pub fn extract(file: &str, bytes: &[u8], options: &Options) -> Record {
    match extract_report(file, bytes, options) {
        Ok(report) => Record::Report(Box::new(report)),
        Err(err) => failed(file, &err),
    }
}

/// The record for a file that failed before or while it was parsed.
pub fn failed(file: &str, err: &Error) -> Record {
    Record::Failed(FailedFile {
        file: file.to_owned(),
        error: err.to_string(),
    })
}

/// Runs the pipeline, returning the error instead of a failed record.
pub fn extract_report(file: &str, bytes: &[u8], options: &Options) -> Result<LibraryReport, Error> {
    let decoded = decode::decode(bytes, options.encoding)?;
    let mut report = extract_text(&decoded.text)?;
    report.file = file.to_owned();
    report.encoding = decoded.encoding_name().to_owned();
    if decoded.replaced > 0 {
        report.warnings.insert(
            0,
            Warning::LossyDecoding {
                replaced: decoded.replaced,
            },
        );
    }
    Ok(report)
}

/// Runs the stages after decoding; `file` and `encoding` are left empty.
pub fn extract_text(text: &str) -> Result<LibraryReport, Error> {
    check_is_report(text)?;
    let cleaned = clean::clean(text);
    let outline = segment::segment(&cleaned);
    let mut warnings = Vec::new();
    let library = title::library(&outline);
    if library.is_none() {
        warnings.push(Warning::NoLibrary);
    }
    let year = match title::year(&outline, text) {
        Some((year, false)) => Some(year),
        Some((year, true)) => {
            warnings.push(Warning::NoYear {
                guessed: Some(year),
            });
            Some(year)
        }
        None => {
            warnings.push(Warning::NoYear { guessed: None });
            None
        }
    };
    warnings.extend(outline.warnings.iter().cloned());
    let sections = outline
        .sections
        .iter()
        .map(|s| SectionInfo {
            kind: s.kind,
            title: s.title.clone(),
            start_line: s.start_line,
            end_line: s.end_line,
        })
        .collect();
    Ok(LibraryReport {
        library,
        year,
        sections,
        warnings,
        ..LibraryReport::default()
    })
}

/// Refuses texts that cannot be a library's report, so a README or a log
/// file in a folder of reports fails loudly instead of yielding an empty
/// record.
fn check_is_report(text: &str) -> Result<(), Error> {
    let han = text
        .chars()
        .filter(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        .take(20)
        .count();
    if han < 20 {
        return Err(Error::NotAReport("the text holds (almost) no Chinese"));
    }
    let names_library = text.contains("图书馆") || text.contains("圖書館");
    if !names_library {
        return Err(Error::NotAReport("the text never names a library (图书馆)"));
    }
    Ok(())
}
