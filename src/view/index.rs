//! The batch index: each report's key figures side by side, linked to the
//! highlighted figure on its page.
//!
//! The index is drawn from [`IndexRow`]s, not from whole records: a row
//! holds what the index shows of one report (name, year, warnings count,
//! one cell per metric). Each report page carries its own row in a
//! `<meta name="libreport-index">` tag, so `view` into an existing site
//! rebuilds the index from every page there ([`IndexRow::from_page`]),
//! those of earlier runs included.

use std::collections::BTreeMap;
use std::fmt::{self, Write};

use serde::{Deserialize, Serialize};

use super::page::report_name;
use super::*;

/// The `name` of the meta tag that carries a page's [`IndexRow`].
const META: &str = "libreport-index";

/// One report's row of the index page, or an input that failed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexRow {
    /// Where the report's page is, relative to the index (not stored in
    /// the page: a page does not know the name it is saved under).
    #[serde(skip)]
    pub href: String,
    /// The input as given.
    pub file: String,
    /// The library's name as written, else the file's.
    pub name: String,
    /// The report year.
    pub year: Option<i32>,
    /// How many warnings the record has.
    pub warnings: usize,
    /// Why the input yielded no report; a failed row has no page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// One cell per metric key the record has.
    pub cells: BTreeMap<String, IndexCell>,
}

/// One figure of the index: the record's resolved value for a key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexCell {
    /// The value in the key's base unit, as the record prints it.
    pub value: String,
    /// `more_than`, `about`, `nearly` or `less_than`.
    pub approx: Option<String>,
    /// The phrase it was read from.
    pub text: String,
    /// Its line.
    pub line: u32,
    /// The index of its mention: the page's `#m{i}` highlight.
    pub mention: Option<usize>,
}

impl IndexRow {
    /// The row of a report whose page is at `href`.
    pub fn from_report(report: &LibraryReport, href: String) -> IndexRow {
        let cells = report
            .metrics
            .iter()
            .map(|(&key, m)| {
                let cell = IndexCell {
                    value: m.value.to_string(),
                    approx: m.approx.map(|a| a.as_str().to_owned()),
                    text: m.text.clone(),
                    line: m.line,
                    mention: report.kept_mention(key),
                };
                (key.as_str().to_owned(), cell)
            })
            .collect();
        IndexRow {
            href,
            file: report.file.clone(),
            name: report_name(report),
            year: report.year,
            warnings: report.warnings.len(),
            error: None,
            cells,
        }
    }

    /// The row of an input that yielded no report.
    pub fn failed(file: &str, error: &str) -> IndexRow {
        IndexRow {
            file: file.to_owned(),
            error: Some(error.to_owned()),
            ..IndexRow::default()
        }
    }

    /// The row a report page carries, read back from its HTML; `None` for
    /// a page libreport did not write (or wrote before pages carried one).
    pub fn from_page(html: &str, href: String) -> Option<IndexRow> {
        let start = format!("<meta name=\"{META}\" content=\"");
        let at = html.find(&start)? + start.len();
        let end = at + html.get(at..)?.find('"')?;
        let json = unescape(&html[at..end]);
        let mut row: IndexRow = serde_json::from_str(&json).ok()?;
        row.href = href;
        row.error = None;
        Some(row)
    }

    /// The meta tag that carries this row in a page's head.
    pub(super) fn meta_tag(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("<meta name=\"{META}\" content=\"{}\">\n", Esc(&json))
    }

    fn cell(&self, key: MetricKey) -> Option<&IndexCell> {
        self.cells.get(key.as_str())
    }
}

/// The text [`Esc`] escaped, as it was.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

pub(super) fn write_index(out: &mut String, rows: &[IndexRow]) -> fmt::Result {
    write_head(out, "年报汇总 · libreport", "")?;
    let reports: Vec<&IndexRow> = rows.iter().filter(|r| r.error.is_none()).collect();
    let failed = rows.len() - reports.len();
    write!(
        out,
        "<header class=\"top\"><div class=\"who\"><h1>年报汇总<span class=\"en\">annual reports</span></h1></div>\
         <nav class=\"counts\"><a href=\"#reports\">报告 {}<span class=\"en\">reports</span></a>",
        reports.len()
    )?;
    if failed > 0 {
        write!(
            out,
            "<a href=\"#reports\" class=\"alert\">失败 {failed}<span class=\"en\">failed</span></a>"
        )?;
    }
    out.push_str(
        "<a href=\"#all-metrics\">全部指标<span class=\"en\">all metrics</span></a></nav></header>\n<main>\n",
    );
    out.push_str(
        "<section id=\"reports\"><h2>主要指标 <span class=\"en\">key figures</span></h2>\
         <p class=\"legend\">点击馆名查看逐条核对页，点击数字查看原文出处 \
         <span class=\"en\">open a library for its audit page, a figure for its sentence</span> \
         · — 未读出 <span class=\"en\">not found</span> · 点击表头排序 <span class=\"en\">click a heading to sort</span></p>\
         <p class=\"filter\"><label>筛选 <span class=\"en\">filter</span> \
         <input type=\"search\" id=\"filter\" data-table=\"key-figures\" placeholder=\"馆名、文件名或年份\"></label></p>\
         <div class=\"wide\"><table class=\"index cards\" id=\"key-figures\"><thead><tr>\
         <th class=\"sort\" data-key=\"library\">图书馆 <span class=\"en\">library</span></th>\
         <th class=\"num sort\" data-key=\"year\">年份 <span class=\"en\">year</span></th>\
         <th class=\"num sort\" data-key=\"warnings\">提示 <span class=\"en\">warnings</span></th>",
    );
    for &key in INDEX_METRICS {
        write_metric_th(out, key)?;
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        if let Some(error) = &row.error {
            writeln!(
                out,
                "<tr class=\"failed\"><th scope=\"row\">✗ 未能读取 <span class=\"en\">failed</span>\
                 <span class=\"file\">{}</span></th><td class=\"error\" colspan=\"{}\">{}</td></tr>",
                Esc(&row.file),
                INDEX_METRICS.len() + 2,
                Esc(error)
            )?;
            continue;
        }
        let year = row.year.map(|y| y.to_string());
        let warn = if row.warnings == 0 { "" } else { " alert" };
        write!(
            out,
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a><span class=\"file\">{}</span></th>\
             <td class=\"num\" data-label=\"年份\" data-v=\"{}\">{}</td>\
             <td class=\"num{warn}\" data-label=\"提示\" data-v=\"{}\"><a href=\"{}#warnings\">{}</a></td>",
            Esc(&row.href),
            Esc(&row.name),
            Esc(&row.file),
            year.as_deref().unwrap_or(""),
            year.as_deref().unwrap_or("—"),
            row.warnings,
            Esc(&row.href),
            row.warnings,
        )?;
        for &key in INDEX_METRICS {
            write_index_cell(out, row, key, key.label_zh())?;
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div></section>\n");

    // Every key any report has, one row per key, one column per report.
    let keys: Vec<MetricKey> = MetricKey::ALL
        .iter()
        .copied()
        .filter(|k| reports.iter().any(|r| r.cell(*k).is_some()))
        .collect();
    out.push_str(
        "<section id=\"all-metrics\"><h2>全部指标 <span class=\"en\">all metrics</span></h2>",
    );
    if keys.is_empty() {
        out.push_str("<p class=\"empty\">没有读出指标 <span class=\"en\">no metrics</span></p>");
    } else {
        out.push_str("<div class=\"wide\"><table class=\"index all cards\"><thead><tr><th>指标 <span class=\"en\">metric</span></th>");
        for row in &reports {
            write!(
                out,
                "<th class=\"num\"><a href=\"{}\">{}</a>",
                Esc(&row.href),
                Esc(&row.name)
            )?;
            if let Some(year) = row.year {
                write!(out, "<span class=\"en\">{year}</span>")?;
            }
            out.push_str("</th>");
        }
        out.push_str("</tr></thead><tbody>\n");
        for key in keys {
            out.push_str("<tr>");
            write!(
                out,
                "<th scope=\"row\" title=\"{}\">{}<span class=\"en\">{} · {}</span></th>",
                Esc(key.meaning()),
                key.label_zh(),
                key.as_str(),
                Esc(key.base_unit().symbol())
            )?;
            for row in &reports {
                let label = match row.year {
                    Some(year) => format!("{} {year}", row.name),
                    None => row.name.clone(),
                };
                write_index_cell(out, row, key, &label)?;
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>");
    }
    out.push_str("</section>\n</main>\n");
    write_foot(out)
}

fn write_metric_th(out: &mut String, key: MetricKey) -> fmt::Result {
    write!(
        out,
        "<th class=\"num sort\" data-key=\"{}\" title=\"{}\">{}<span class=\"en\">{} · {}</span></th>",
        key.as_str(),
        Esc(key.meaning()),
        key.label_zh(),
        key.as_str(),
        Esc(key.base_unit().symbol())
    )
}

/// One figure in an index table: `约 12,000`, linked to its highlight on
/// the report's page, its source as a tooltip; `label` names the cell when
/// the table is shown as cards.
fn write_index_cell(out: &mut String, row: &IndexRow, key: MetricKey, label: &str) -> fmt::Result {
    let cell = row.cell(key);
    let value = cell.and_then(|c| c.value.parse::<Decimal>().ok());
    let (Some(cell), Some(value)) = (cell, value) else {
        return write!(
            out,
            "<td class=\"num none\" data-label=\"{}\">—</td>",
            Esc(label)
        );
    };
    let unit = key.base_unit();
    let approx = cell.approx.as_deref().and_then(approx_of);
    let (before, after) = approx.map_or(("", ""), approx_words);
    let mut title = format!(
        "{} {}\n{}",
        key.label_zh(),
        key.as_str(),
        value_with_unit(value, unit)
    );
    if let Some(a) = approx {
        let _ = write!(title, " ({})", a.as_str());
    }
    let _ = write!(title, "\n第 {} 行: {}", cell.line, cell.text);
    write!(
        out,
        "<td class=\"num\" data-label=\"{}\" data-v=\"{}\" title=\"{}\">",
        Esc(label),
        value,
        Esc(&title),
    )?;
    let figure = format!("{before}{}{after}", group_digits(value));
    match cell.mention {
        Some(i) => write!(out, "<a href=\"{}#m{i}\">{figure}</a>", Esc(&row.href))?,
        None => out.write_str(&figure)?,
    }
    if let Some(wan) = wan_yuan(value, unit) {
        write!(out, "<span class=\"alt\">{}</span>", Esc(&wan))?;
    }
    out.write_str("</td>")
}

/// The approximation its printed name stands for.
fn approx_of(name: &str) -> Option<Approx> {
    [
        Approx::MoreThan,
        Approx::About,
        Approx::Nearly,
        Approx::LessThan,
    ]
    .into_iter()
    .find(|a| a.as_str() == name)
}
