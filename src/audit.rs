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

/// The most text a page shows, in bytes of its lines: a long report's text
/// is about 1 MiB. Past it (or past [`MAX_PAGE_LINES`]) the page says how many lines it leaves out and
/// how to see them (`libreport text FILE`), so that a page, and the memory
/// it takes to write it, stays in proportion to a report and not to
/// whatever a file holds.
pub const MAX_PAGE_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// The most lines a page shows: a long report has a few thousand; each
/// line takes about a hundred bytes of markup besides its text.
pub const MAX_PAGE_LINES: usize = 50_000;

/// Extracts the record of one file's bytes and renders its page; the page
/// links back to the batch's index page at `index_href` when given.
pub fn audit(file: &str, bytes: &[u8], options: &Options, index_href: Option<&str>) -> Audited {
    let (record, lines, left_out) =
        crate::extract_with_lines_upto(file, bytes, options, MAX_PAGE_LINES, MAX_PAGE_TEXT_BYTES);
    let page = match &record {
        Record::Report(report) => {
            let lines: Vec<SourceLine<'_>> = lines
                .iter()
                .map(|(no, text)| SourceLine { no: *no, text })
                .collect();
            Some(view::render_report_part(
                report, &lines, index_href, left_out,
            ))
        }
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
        assert!(!page.contains("class=\"left-out\""));
    }

    #[test]
    fn a_huge_text_is_shown_in_part() {
        let mut text = String::from("青禾县图书馆2021年年报\n一、工作总结\n");
        let line = "全年开展各项读者服务工作。\n";
        while text.len() <= MAX_PAGE_TEXT_BYTES + 1000 {
            text.push_str(line);
        }
        let audited = audit("big.txt", text.as_bytes(), &Options::default(), None);
        let page = audited.page.expect("a page");
        let shown = page.matches("<div class=\"ln\"").count();
        let all = text.lines().count();
        assert!(shown < all, "{shown} of {all}");
        assert!(
            page.contains(&format!("{} 行", all - shown)),
            "the note counts them"
        );
        assert!(page.contains("libreport text big.txt"));
        assert!(page.len() < 4 * MAX_PAGE_TEXT_BYTES, "{}", page.len());
    }

    #[test]
    fn a_failed_file_gets_no_page() {
        let audited = audit("x.txt", b"just a README", &Options::default(), None);
        assert!(matches!(audited.record, Record::Failed(_)));
        assert_eq!(audited.page, None);
    }
}
