//! The audit page (issue 7): a [`LibraryReport`] and the cleaned lines it was
//! read from → one self-contained HTML page, so a person can check every
//! figure against the sentence it came from.
//!
//! Stage: after extraction, beside `write`. Input: the report and its
//! [`SourceLine`]s; output: an HTML `String` ([`render_report`]). For a batch,
//! [`render_index`] writes a page that lists each report's key figures side by
//! side and links to its page.
//!
//! The page loads nothing: styles and a small script are inline, the font is
//! the reader's system CJK font, and a Content-Security-Policy forbids every
//! fetch, so it opens the same way from a laptop, a mail attachment or a USB
//! stick. Everything works without JavaScript (hover tooltips are `title`
//! attributes, links are anchors); the script (`assets/script.js`, inline,
//! allowed by its hash in the CSP) adds a click card and, on the index, sorting and
//! filtering. Styles are `assets/style.css`: below 600 px, tables marked
//! `cards` are stacked as labelled cards.
//!
//! Modules: `page` (one report), `index` (the batch, from
//! [`IndexRow`]s each page also carries), and the shared helpers here.
//!
//! Every string from the report is untrusted and goes through [`Esc`]. Each
//! figure is a `<mark class="fig" id="m{i}">`, `i` being its index in
//! `report.mentions`; the metric table links to the mark it was resolved
//! from (`#m{i}`) and each mark links back to its metric row
//! (`#metric-{key}`). A mention whose phrase is not in its line is listed
//! in a "not located" note, whose entry carries the `m{i}` id instead. Lines
//! keep the report's own numbers (`#L{no}`), so a reader can open the .txt
//! at the same line.

mod index;
mod page;

pub use index::{IndexCell, IndexRow};
#[cfg(test)]
mod tests;

use std::fmt::{self, Write};

use crate::decimal::Decimal;
use crate::report::{Approx, LibraryReport, Origin, PartialDate, SectionKind};
use crate::tables::metric_keys::MetricKey;
use crate::unit::Unit;

/// One line of the cleaned report text, with its original 1-based line number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceLine<'a> {
    /// The line number in the decoded text, as the report's other fields give it.
    pub no: u32,
    /// The line's text.
    pub text: &'a str,
}

/// One row of the index page: a report and its page, or an input that
/// yielded no report.
#[derive(Clone, Debug, PartialEq)]
pub enum IndexEntry<'a> {
    /// A report with a page.
    Report {
        /// The report the row shows.
        report: &'a LibraryReport,
        /// Where the report's own page is, relative to the index page.
        href: String,
    },
    /// An input that failed; listed with its error so none goes missing.
    Failed {
        /// The input as given.
        file: &'a str,
        /// Why it yielded no report.
        error: &'a str,
    },
}

/// The metrics the index page compares, in column order.
pub const INDEX_METRICS: &[MetricKey] = &[
    MetricKey::CollectionTotal,
    MetricKey::CollectionNew,
    MetricKey::Visits,
    MetricKey::Loans,
    MetricKey::RegisteredReaders,
    MetricKey::Events,
    MetricKey::BudgetYuan,
];

/// The page for one report.
///
/// Every mention is highlighted at its phrase in its line; a mention whose
/// phrase is not in its line (or would overlap another) is listed in a
/// "not located" note instead, never dropped and never a panic.
pub fn render_report(report: &LibraryReport, lines: &[SourceLine<'_>]) -> String {
    render_report_in_site(report, lines, None)
}

/// The page for one report, with a link back to the batch's index page at
/// `index_href` (relative to this page) when there is one.
pub fn render_report_in_site(
    report: &LibraryReport,
    lines: &[SourceLine<'_>],
    index_href: Option<&str>,
) -> String {
    render_report_part(report, lines, index_href, 0)
}

/// [`render_report_in_site`] for a report whose `lines` are its first
/// ones only: the page notes the `left_out` lines after them and how to
/// print them.
pub fn render_report_part(
    report: &LibraryReport,
    lines: &[SourceLine<'_>],
    index_href: Option<&str>,
    left_out: usize,
) -> String {
    let mut page = page::ReportPage::new(report, lines);
    page.index_href = index_href;
    page.left_out = left_out;
    let mut out = String::with_capacity(16 * 1024 + lines.len() * 160);
    // `fmt::Write` for `String` never fails, so there is no error to pass on.
    let _ = page.write(&mut out);
    out
}

/// The index page for several reports.
pub fn render_index(entries: &[IndexEntry<'_>]) -> String {
    let rows: Vec<IndexRow> = entries
        .iter()
        .map(|entry| match entry {
            IndexEntry::Report { report, href } => IndexRow::from_report(report, href.clone()),
            IndexEntry::Failed { file, error } => IndexRow::failed(file, error),
        })
        .collect();
    render_index_rows(&rows)
}

/// The index page of these rows, in this order.
pub fn render_index_rows(rows: &[IndexRow]) -> String {
    let mut out = String::with_capacity(8 * 1024 + rows.len() * 1024);
    // `fmt::Write` for `String` never fails, so there is no error to pass on.
    let _ = index::write_index(&mut out, rows);
    out
}

// ---------------------------------------------------------------------------
// Escaping

/// Text escaped for HTML element content and quoted attribute values alike.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// `s` escaped for HTML text and attributes.
#[cfg(test)]
fn escape(s: &str) -> String {
    Esc(s).to_string()
}

// ---------------------------------------------------------------------------
// Labels. The Chinese names are for the page only; the keys stay the
// contract. Metric names live in `tables::metric_keys` (`label_zh`).

fn section_zh(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Summary => "工作总结",
        SectionKind::Statistics => "数据统计",
        SectionKind::Chronicle => "大事记",
        SectionKind::Plan => "工作计划",
        SectionKind::Organization => "机构与人员",
        SectionKind::Funding => "经费",
        SectionKind::Other => "其他",
    }
}

fn origin_zh(origin: Origin) -> (&'static str, &'static str) {
    match origin {
        Origin::Table => ("表格", "table"),
        Origin::Prose => ("正文", "prose"),
    }
}

/// The approximation as a report writes it: (word before, word after).
fn approx_words(approx: Approx) -> (&'static str, &'static str) {
    match approx {
        Approx::MoreThan => ("", "余"),
        Approx::About => ("约", ""),
        Approx::Nearly => ("近", ""),
        Approx::LessThan => ("不足", ""),
    }
}

fn approx_zh(approx: Approx) -> &'static str {
    match approx {
        Approx::MoreThan => "余/以上",
        Approx::About => "约",
        Approx::Nearly => "近",
        Approx::LessThan => "不足",
    }
}

fn approx_attr(approx: Option<Approx>) -> &'static str {
    approx.map_or("", Approx::as_str)
}

// ---------------------------------------------------------------------------
// Numbers and dates

/// `180383` → `180,383`; decimals are kept as they are (`0.1396`).
fn group_digits(value: Decimal) -> String {
    let text = value.to_string();
    let (sign, body) = match text.strip_prefix('-') {
        Some(body) => ("-", body),
        None => ("", text.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The value with its unit, as a person reads it: `180,383 册`, `98.5%`.
fn value_with_unit(value: Decimal, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", group_digits(value)),
        _ => format!("{} {}", group_digits(value), unit.symbol()),
    }
}

/// Money is read in 万元: `1,685,200 元` is also `168.52 万元`.
fn wan_yuan(value: Decimal, unit: Unit) -> Option<String> {
    if unit != Unit::Yuan || value.to_i64().is_some_and(|v| v.abs() < 10_000) {
        return None;
    }
    let wan = value.checked_mul_pow10(-4)?;
    (wan.to_f64().abs() >= 1.0).then(|| format!("{} 万元", group_digits(wan)))
}

/// `1月14日`, or `5月` when the day is not known.
fn month_day(date: PartialDate) -> String {
    match date.day {
        Some(day) => format!("{}月{}日", date.month, day),
        None => format!("{}月", date.month),
    }
}

/// A chronicle date as a Chinese reader writes it: `1月14日—15日`,
/// `7月20日—8月14日`, `12月30日—2021年1月2日`.
fn date_range_zh(start: PartialDate, end: Option<PartialDate>) -> String {
    let mut out = month_day(start);
    if let Some(end) = end {
        out.push('—');
        if end.year != start.year {
            let _ = write!(out, "{}年{}", end.year, month_day(end));
        } else if end.month != start.month || end.day.is_none() || start.day.is_none() {
            out.push_str(&month_day(end));
        } else if let Some(day) = end.day {
            let _ = write!(out, "{day}日");
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Shared page parts

/// The page's head; `extra` goes at its end (the page's index row).
fn write_head(out: &mut String, title: &str, extra: &str) -> fmt::Result {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '{}'; form-action 'none'; base-uri 'none'\">\n\
         <meta name=\"generator\" content=\"libreport {}\">\n{extra}<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        *SCRIPT_HASH,
        env!("CARGO_PKG_VERSION"),
        Esc(title),
        STYLE
    )
}

fn write_foot(out: &mut String) -> fmt::Result {
    write!(
        out,
        "<footer>libreport {} · 此页面离线可用，不加载任何外部资源 <span class=\"en\">self-contained, loads nothing</span></footer>\n\
         <script>{}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        SCRIPT_BODY
    )
}

/// Niceties only: a click card for figures; uses `textContent`, never
/// HTML. The script element's text, exactly as the page carries it: the
/// CSP's hash is of these bytes.
const SCRIPT_BODY: &str = concat!("\n", include_str!("assets/script.js"));

/// The CSP source that allows the page's one script and no other
/// (`sha256-…`): escaping stays the first barrier, this the second.
static SCRIPT_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    use sha2::Digest;
    format!(
        "sha256-{}",
        base64(&sha2::Sha256::digest(SCRIPT_BODY.as_bytes()))
    )
});

/// Standard base64 with padding, for the CSP hash.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The page's styles (no fetch: inline, allowed by the CSP).
const STYLE: &str = include_str!("assets/style.css");

/// The click card's empty shell; the script fills it with `textContent`.
const CARD: &str = "<div id=\"card\" class=\"card\" role=\"dialog\" hidden><div class=\"card-body\"></div>\
<a class=\"card-link\" href=\"#metrics\">→ 指标表 <span class=\"en\">metric row</span></a></div>\n";
