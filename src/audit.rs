//! The audit page's stage: one file's bytes → its record and, for a
//! report, the HTML page that shows every figure in the line it was read
//! from ([`crate::view`]).
//!
//! The page needs the cleaned lines as well as the record. Rather than
//! thread them out of [`crate::extract`], this module runs the pipeline as
//! `extract` does and reads and cleans the text once more for the page:
//! both are cheap next to rendering, and `extract` stays the one place
//! that decides what a record holds. The line numbers agree because both
//! come from the same decoding and the same [`clean::clean`].

use crate::report::{LibraryReport, Record};
use crate::view::{self, SourceLine};
use crate::{Options, clean, read};

/// One file run for the audit page.
#[derive(Clone, Debug, PartialEq)]
pub struct Audited {
    /// The record, exactly as `extract` prints it.
    pub record: Record,
    /// The page, for a file that yielded a report.
    pub page: Option<String>,
}

/// Extracts the record of one file's bytes and renders its page; the page
/// links back to the batch's index page at `index_href` when given.
pub fn audit(file: &str, bytes: &[u8], options: &Options, index_href: Option<&str>) -> Audited {
    let record = crate::extract(file, bytes, options);
    let page = match (&record, read::read(file, bytes, options)) {
        (Record::Report(report), Ok(read)) => Some(page(report, &read.text, index_href)),
        _ => None,
    };
    Audited { record, page }
}

/// The page of `report`, read from the decoded `text`.
pub fn page(report: &LibraryReport, text: &str, index_href: Option<&str>) -> String {
    let text = crate::hygiene::drop_invisible(text);
    let cleaned = clean::clean(&text);
    let lines: Vec<SourceLine<'_>> = cleaned
        .lines()
        .iter()
        .map(|line| SourceLine {
            no: line.no(),
            text: line.text(),
        })
        .collect();
    view::render_report_in_site(report, &lines, index_href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_gets_a_page_with_its_lines() {
        let text = "重庆市武隆区图书馆 2020 年年报\n\n2020 年大事记\n\n一月\n\n16 日，南滨路 24 小时自助图书馆开馆。\n";
        let audited = audit(
            "w.txt",
            text.as_bytes(),
            &Options::default(),
            Some("index.html"),
        );
        assert!(audited.record.report().is_some());
        let page = audited.page.expect("a page");
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("id=\"L7\""), "lines keep their numbers");
        assert!(page.contains("南滨路 24 小时自助图书馆开馆"));
        assert!(page.contains("<a class=\"back\" href=\"index.html\">"));
    }

    #[test]
    fn a_failed_file_gets_no_page() {
        let audited = audit("x.txt", b"just a README", &Options::default(), None);
        assert!(matches!(audited.record, Record::Failed(_)));
        assert_eq!(audited.page, None);
    }
}
