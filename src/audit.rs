//! The audit page's stage: one file's bytes → its record and, for a
//! report, the HTML page that shows every figure in the line it was read
//! from ([`crate::view`]).
//!
//! The page shows the cleaned lines the record was read from, as the
//! pipeline made them ([`crate::extract_with_lines`]): nothing is decoded
//! or cleaned a second time, so the line numbers agree by construction.

use crate::Options;
use crate::report::{LibraryReport, Record};
use crate::view::{self, SourceLine};

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
    let (record, lines) = crate::extract_with_lines(file, bytes, options);
    let page = match &record {
        Record::Report(report) => Some(page(report, &lines, index_href)),
        Record::Failed(_) => None,
    };
    Audited { record, page }
}

/// The page of `report`, from the numbered cleaned `lines` it was read from.
pub fn page(report: &LibraryReport, lines: &[(u32, String)], index_href: Option<&str>) -> String {
    let lines: Vec<SourceLine<'_>> = lines
        .iter()
        .map(|(no, text)| SourceLine { no: *no, text })
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
