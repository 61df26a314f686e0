//! The batch index: each report's key figures side by side, linked to its
//! page.

use std::fmt::{self, Write};

use super::page::report_name;
use super::*;
use crate::report::Mention;

// ---------------------------------------------------------------------------
// The index page

pub(super) fn write_index(out: &mut String, entries: &[IndexEntry<'_>]) -> fmt::Result {
    write_head(out, "年报汇总 · libreport")?;
    let reports: Vec<(&LibraryReport, &str)> =
        entries.iter().filter_map(IndexEntry::report).collect();
    let failed = entries.len() - reports.len();
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
         <p class=\"legend\">点击馆名查看逐条核对页 <span class=\"en\">open a library for its audit page</span> \
         · — 未读出 <span class=\"en\">not found</span></p>\
         <div class=\"wide\"><table class=\"index\"><thead><tr>\
         <th>图书馆 <span class=\"en\">library</span></th><th class=\"num\">年份 <span class=\"en\">year</span></th>",
    );
    for &key in INDEX_METRICS {
        write_metric_th(out, key)?;
    }
    out.push_str(
        "<th class=\"num\">提示 <span class=\"en\">warnings</span></th></tr></thead><tbody>\n",
    );
    for entry in entries {
        let (r, href) = match entry {
            IndexEntry::Report { report, href } => (*report, href),
            IndexEntry::Failed { file, error } => {
                writeln!(
                    out,
                    "<tr class=\"failed\"><th scope=\"row\">✗ 未能读取 <span class=\"en\">failed</span>\
                     <span class=\"file\">{}</span></th><td class=\"error\" colspan=\"{}\">{}</td></tr>",
                    Esc(file),
                    INDEX_METRICS.len() + 2,
                    Esc(error)
                )?;
                continue;
            }
        };
        write!(
            out,
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a><span class=\"file\">{}</span></th><td class=\"num\">{}</td>",
            Esc(href),
            Esc(&report_name(r)),
            Esc(&r.file),
            r.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into()),
        )?;
        for &key in INDEX_METRICS {
            write_index_cell(out, r.metrics.get(&key))?;
        }
        let warn = if r.warnings.is_empty() { "" } else { " alert" };
        writeln!(
            out,
            "<td class=\"num{warn}\">{}</td></tr>",
            r.warnings.len()
        )?;
    }
    out.push_str("</tbody></table></div></section>\n");

    // Every key any report has, one row per key, one column per report.
    let keys: Vec<MetricKey> = MetricKey::ALL
        .iter()
        .copied()
        .filter(|k| reports.iter().any(|(r, _)| r.metrics.contains_key(k)))
        .collect();
    out.push_str(
        "<section id=\"all-metrics\"><h2>全部指标 <span class=\"en\">all metrics</span></h2>",
    );
    if keys.is_empty() {
        out.push_str("<p class=\"empty\">没有读出指标 <span class=\"en\">no metrics</span></p>");
    } else {
        out.push_str("<div class=\"wide\"><table class=\"index all\"><thead><tr><th>指标 <span class=\"en\">metric</span></th>");
        for &(r, href) in &reports {
            write!(
                out,
                "<th class=\"num\"><a href=\"{}\">{}</a>",
                Esc(href),
                Esc(&report_name(r))
            )?;
            if let Some(year) = r.year {
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
            for (r, _) in &reports {
                write_index_cell(out, r.metrics.get(&key))?;
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
        "<th class=\"num\" title=\"{}\">{}<span class=\"en\">{} · {}</span></th>",
        Esc(key.meaning()),
        key.label_zh(),
        key.as_str(),
        Esc(key.base_unit().symbol())
    )
}

/// One figure in an index table: `约 12,000`, with its source as a tooltip.
fn write_index_cell(out: &mut String, metric: Option<&Mention>) -> fmt::Result {
    let Some(m) = metric else {
        return out.write_str("<td class=\"num none\">—</td>");
    };
    let (before, after) = m.approx.map_or(("", ""), approx_words);
    let mut title = format!(
        "{} {}\n{}",
        m.key.label_zh(),
        m.key.as_str(),
        value_with_unit(m.value, m.unit)
    );
    if let Some(a) = m.approx {
        let _ = write!(title, " ({})", a.as_str());
    }
    let _ = write!(title, "\n第 {} 行: {}", m.line, m.text);
    write!(
        out,
        "<td class=\"num\" title=\"{}\">{}{}{}",
        Esc(&title),
        before,
        group_digits(m.value),
        after
    )?;
    if let Some(wan) = wan_yuan(m.value, m.unit) {
        write!(out, "<span class=\"alt\">{}</span>", Esc(&wan))?;
    }
    out.write_str("</td>")
}
