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
//! attributes, links are anchors); the script only adds a click card.
//!
//! Every string from the report is untrusted and goes through [`Esc`]. Each
//! figure is a `<mark class="fig" id="m{i}">`, `i` being its index in
//! `report.mentions`; the metric table links to the mark it was resolved
//! from (`#m{i}`) and each mark links back to its metric row
//! (`#metric-{key}`). A mention whose phrase is not in its line is listed
//! in a "not located" note, whose entry carries the `m{i}` id instead. Lines
//! keep the report's own numbers (`#L{no}`), so a reader can open the .txt
//! at the same line.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::{self, Write};

use crate::decimal::Decimal;
use crate::report::{
    Approx, ChronicleEntry, LibraryReport, Mention, Origin, PartialDate, SectionKind,
};
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

impl<'a> IndexEntry<'a> {
    /// The report and its page, unless the input failed.
    fn report(&self) -> Option<(&'a LibraryReport, &str)> {
        match self {
            IndexEntry::Report { report, href } => Some((report, href)),
            IndexEntry::Failed { .. } => None,
        }
    }
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
    let mut page = ReportPage::new(report, lines);
    page.index_href = index_href;
    let mut out = String::with_capacity(16 * 1024 + lines.len() * 160);
    // `fmt::Write` for `String` never fails, so there is no error to pass on.
    let _ = page.write(&mut out);
    out
}

/// The index page for several reports.
pub fn render_index(entries: &[IndexEntry<'_>]) -> String {
    let mut out = String::with_capacity(8 * 1024 + entries.len() * 1024);
    // `fmt::Write` for `String` never fails, so there is no error to pass on.
    let _ = write_index(&mut out, entries);
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
// Placing mentions in their lines

/// Where one mention stands: the index of its line in `lines` and the byte
/// range of its phrase in that line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    line: usize,
    start: usize,
    end: usize,
}

/// Every start of `needle` in `hay`, overlapping ones included.
fn occurrences<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + hay.get(from..)?.find(needle)?;
        // Step one character, so `11` is found twice in `111`.
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

/// Places each mention at its own occurrence in its line: left to right in
/// mention order, else at the first free occurrence; never overlapping.
/// `None` for a mention whose line or phrase is missing.
fn locate(mentions: &[Mention], lines: &[SourceLine<'_>]) -> Vec<Option<Span>> {
    let mut line_index: HashMap<u32, usize> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        line_index.entry(line.no).or_insert(i);
    }
    // Per line, the spans taken (start → end, never overlapping), and the
    // end of the last: an occurrence past it is free without a look, so
    // the figures of a long line are placed in one pass over it.
    let mut taken: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); lines.len()];
    let mut cursor = vec![0usize; lines.len()];
    let mut spans = Vec::with_capacity(mentions.len());
    for mention in mentions {
        let needle = mention.text.as_str();
        let span = line_index
            .get(&mention.line)
            .copied()
            .filter(|_| !needle.is_empty())
            .and_then(|line| {
                let hay = lines[line].text;
                let free = |start: usize| {
                    let end = start + needle.len();
                    // the taken span starting last before `end` must end
                    // by `start`
                    taken[line]
                        .range(..end)
                        .next_back()
                        .is_none_or(|(_, &b)| b <= start)
                };
                let from = cursor[line];
                let start = hay
                    .get(from..)
                    .and_then(|rest| occurrences(rest, needle).next())
                    .map(|s| from + s)
                    .or_else(|| occurrences(hay, needle).find(|&s| free(s)))?;
                Some(Span {
                    line,
                    start,
                    end: start + needle.len(),
                })
            });
        if let Some(span) = span {
            taken[span.line].insert(span.start, span.end);
            cursor[span.line] = cursor[span.line].max(span.end);
        }
        spans.push(span);
    }
    spans
}

// ---------------------------------------------------------------------------
// The report page

struct ReportPage<'a> {
    report: &'a LibraryReport,
    lines: &'a [SourceLine<'a>],
    /// Per mention index: where it is highlighted.
    spans: Vec<Option<Span>>,
    /// Per line index: (start, end, mention index), left to right.
    by_line: Vec<Vec<(usize, usize, usize)>>,
    /// Per metric key: the index of the mention it was resolved from.
    resolved: HashMap<MetricKey, usize>,
    /// The line numbers present, for links to `#L{no}`.
    line_nos: HashSet<u32>,
    /// The batch's index page, for a link back.
    index_href: Option<&'a str>,
}

impl<'a> ReportPage<'a> {
    fn new(report: &'a LibraryReport, lines: &'a [SourceLine<'a>]) -> ReportPage<'a> {
        let spans = locate(&report.mentions, lines);
        let mut by_line = vec![Vec::new(); lines.len()];
        for (i, span) in spans.iter().enumerate() {
            if let Some(span) = span {
                by_line[span.line].push((span.start, span.end, i));
            }
        }
        for spans in &mut by_line {
            spans.sort_unstable();
        }
        let resolved = report
            .metrics
            .iter()
            .filter_map(|(&key, metric)| {
                let i = report
                    .mentions
                    .iter()
                    .position(|m| m.key == key && m.line == metric.line && m.text == metric.text)?;
                Some((key, i))
            })
            .collect();
        ReportPage {
            report,
            lines,
            spans,
            by_line,
            resolved,
            line_nos: lines.iter().map(|l| l.no).collect(),
            index_href: None,
        }
    }

    fn not_located(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.report
            .mentions
            .iter()
            .enumerate()
            .filter(|&(i, _)| self.spans[i].is_none())
    }

    fn is_resolved(&self, i: usize) -> bool {
        let key = self.report.mentions[i].key;
        self.resolved.get(&key) == Some(&i)
    }

    fn write(&self, out: &mut String) -> fmt::Result {
        let r = self.report;
        let name = report_name(r);
        let year = r.year.map(|y| format!("{y} 年")).unwrap_or_default();
        write_head(out, &format!("{name} {year} 年报 · libreport"))?;
        let not_located = self.not_located().count();

        out.push_str("<header class=\"top\"><div class=\"who\">");
        if let Some(href) = self.index_href {
            write!(
                out,
                "<a class=\"back\" href=\"{}\">← 汇总<span class=\"en\">index</span></a>",
                Esc(href)
            )?;
        }
        write!(out, "<h1>{}</h1>", Esc(&name))?;
        if let Some(year) = r.year {
            write!(out, "<span class=\"year\">{year} 年度</span>")?;
        }
        write!(out, "<span class=\"file\">{}</span>", Esc(&r.file))?;
        out.push_str("</div><nav class=\"counts\">");
        let warn_class = if r.warnings.is_empty() && not_located == 0 {
            ""
        } else {
            " class=\"alert\""
        };
        write!(
            out,
            "<a href=\"#warnings\"{warn_class}>提示 {}<span class=\"en\">warnings</span></a>",
            r.warnings.len() + not_located
        )?;
        write!(
            out,
            "<a href=\"#metrics\">指标 {}<span class=\"en\">metrics</span></a>",
            r.metrics.len()
        )?;
        write!(
            out,
            "<a href=\"#text\">数字 {}<span class=\"en\">figures</span></a>",
            r.mentions.len()
        )?;
        write!(
            out,
            "<a href=\"#chronicle\">大事记 {}<span class=\"en\">chronicle</span></a>",
            r.chronicle.len()
        )?;
        write!(
            out,
            "<a href=\"#plan\">计划 {}<span class=\"en\">plan</span></a>",
            r.plan.len()
        )?;
        out.push_str("</nav></header>\n<main>\n");

        self.write_warnings(out)?;
        self.write_metrics(out)?;
        self.write_text(out)?;
        self.write_chronicle(out)?;
        self.write_plan(out)?;

        out.push_str("</main>\n");
        out.push_str(CARD);
        write_foot(out)
    }

    fn write_warnings(&self, out: &mut String) -> fmt::Result {
        let warnings = &self.report.warnings;
        let missing: Vec<_> = self.not_located().collect();
        if warnings.is_empty() && missing.is_empty() {
            // "Every figure is located" says nothing when there is none.
            let note = if self.report.mentions.is_empty() {
                "✓ 没有提示 <span class=\"en\">no warnings</span>"
            } else {
                "✓ 没有提示，所有数字均已在原文中定位 \
                 <span class=\"en\">no warnings; every figure is located in the text</span>"
            };
            writeln!(
                out,
                "<section id=\"warnings\" class=\"box ok\"><p>{note}</p></section>"
            )?;
            return Ok(());
        }
        out.push_str("<section id=\"warnings\" class=\"box warn\">");
        if !warnings.is_empty() {
            write!(
                out,
                "<h2>⚠ 提示 <span class=\"en\">warnings</span> <span class=\"n\">{}</span></h2><ul>",
                warnings.len()
            )?;
            for warning in warnings {
                write!(out, "<li>{}</li>", Esc(&warning.to_string()))?;
            }
            out.push_str("</ul>");
        }
        if !missing.is_empty() {
            write!(
                out,
                "<h2>未能在原文中定位的数字 <span class=\"en\">figures not located in the text</span> \
                 <span class=\"n\">{}</span></h2><ul>",
                missing.len()
            )?;
            for (i, m) in missing {
                write!(
                    out,
                    "<li id=\"m{i}\" class=\"nl\">{} <span class=\"en\">{}</span>: “{}” = {} · ",
                    m.key.label_zh(),
                    m.key.as_str(),
                    Esc(&m.text),
                    Esc(&value_with_unit(m.value, m.unit)),
                )?;
                self.write_line_ref(out, m.line)?;
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</section>\n");
        Ok(())
    }

    /// `第 34 行`, linked to the line when it is on the page.
    fn write_line_ref(&self, out: &mut String, no: u32) -> fmt::Result {
        if self.line_nos.contains(&no) {
            write!(out, "<a class=\"lnref\" href=\"#L{no}\">第 {no} 行</a>")
        } else {
            write!(out, "<span class=\"lnref\">第 {no} 行</span>")
        }
    }

    fn write_metrics(&self, out: &mut String) -> fmt::Result {
        let r = self.report;
        write!(
            out,
            "<section id=\"metrics\"><h2>指标 <span class=\"en\">metrics</span> <span class=\"n\">{}</span></h2>",
            r.metrics.len()
        )?;
        if r.metrics.is_empty() {
            out.push_str("<p class=\"empty\">没有读出指标 <span class=\"en\">no metrics</span></p></section>\n");
            return Ok(());
        }
        out.push_str(
            "<div class=\"wide\"><table class=\"metrics\"><thead><tr>\
             <th>指标 <span class=\"en\">metric</span></th>\
             <th class=\"num\">数值 <span class=\"en\">value</span></th>\
             <th>约数 <span class=\"en\">approx</span></th>\
             <th>原文 <span class=\"en\">source phrase</span></th>\
             <th>行 <span class=\"en\">line</span></th>\
             <th>来源 <span class=\"en\">origin</span></th>\
             <th>其他提及 <span class=\"en\">other mentions</span></th>\
             </tr></thead><tbody>\n",
        );
        for (&key, metric) in &r.metrics {
            let resolved = self.resolved.get(&key).copied();
            write!(
                out,
                "<tr id=\"metric-{key}\"><th scope=\"row\" title=\"{meaning}\">{zh}<span class=\"en\">{key}</span></th>",
                key = key.as_str(),
                zh = key.label_zh(),
                meaning = Esc(key.meaning()),
            )?;
            write!(
                out,
                "<td class=\"num\">{}",
                Esc(&value_with_unit(metric.value, metric.unit))
            )?;
            if let Some(wan) = wan_yuan(metric.value, metric.unit) {
                write!(out, "<span class=\"alt\">{}</span>", Esc(&wan))?;
            }
            out.push_str("</td><td>");
            if let Some(a) = metric.approx {
                write!(
                    out,
                    "<span class=\"approx\">{}<span class=\"en\">{}</span></span>",
                    approx_zh(a),
                    a.as_str()
                )?;
            }
            out.push_str("</td><td class=\"src\">");
            match resolved.filter(|&i| self.spans[i].is_some()) {
                Some(i) => write!(out, "<a href=\"#m{i}\">“{}”</a>", Esc(&metric.text))?,
                None => write!(
                    out,
                    "“{}” <span class=\"nl\">未定位 <span class=\"en\">not located</span></span>",
                    Esc(&metric.text)
                )?,
            }
            // A table figure alone ("180383") says little; show its row.
            if metric.origin == Origin::Table
                && let Some(row) = self.table_row(metric.line)
            {
                write!(out, "<span class=\"ctx\">{}</span>", Esc(&row))?;
            }
            out.push_str("</td><td>");
            self.write_line_ref(out, metric.line)?;
            let (origin, origin_en) = origin_zh(metric.origin);
            write!(
                out,
                "</td><td>{origin}<span class=\"en\">{origin_en}</span> · {}</td><td class=\"others\">",
                section_zh(metric.section)
            )?;
            let others = r
                .mentions
                .iter()
                .enumerate()
                .filter(|&(i, m)| m.key == key && Some(i) != resolved);
            for (i, m) in others {
                let differs = if m.value != metric.value {
                    " differs"
                } else {
                    ""
                };
                let (before, after) = m.approx.map_or(("", ""), approx_words);
                let label = format!("{before}{}{after}", group_digits(m.value));
                let at = format!("{}行", m.line);
                let title = format!("第 {} 行: {}", m.line, m.text);
                if self.spans[i].is_some() {
                    write!(
                        out,
                        "<a class=\"other{differs}\" href=\"#m{i}\" title=\"{}\">{}<small>{at}</small></a> ",
                        Esc(&title),
                        Esc(&label)
                    )?;
                } else {
                    write!(
                        out,
                        "<span class=\"other{differs}\" title=\"{}\">{}<small>{at}</small></span> ",
                        Esc(&title),
                        Esc(&label)
                    )?;
                }
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody></table></div></section>\n");
        Ok(())
    }

    /// The cells of a statistics-table line, joined for reading: `文献馆藏量 │ 180383 │ 册`.
    fn table_row(&self, no: u32) -> Option<String> {
        let line = self.lines.iter().find(|l| l.no == no)?;
        let cells: Vec<&str> = line
            .text
            .split(['\t', '|', '｜'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        (cells.len() > 1).then(|| cells.join(" │ "))
    }

    fn write_text(&self, out: &mut String) -> fmt::Result {
        out.push_str(
            "<section id=\"text\"><h2>原文 <span class=\"en\">report text</span></h2>\
             <p class=\"legend\"><mark class=\"key-resolved\">采用值</mark> <span class=\"en\">value kept for the metric</span> \
             <mark class=\"key-other\">其他提及</mark> <span class=\"en\">other mention</span> \
             <mark class=\"key-table\">表格</mark> <span class=\"en\">from the statistics table</span> \
             · 左侧为原文件行号 <span class=\"en\">gutter: line numbers of the .txt</span></p>\n",
        );
        if self.lines.is_empty() {
            out.push_str("<p class=\"empty\">没有原文 <span class=\"en\">no text lines</span></p>");
        }
        let mut section_starts: BTreeMap<u32, Vec<&crate::report::SectionInfo>> = BTreeMap::new();
        for section in &self.report.sections {
            section_starts
                .entry(section.start_line)
                .or_default()
                .push(section);
        }
        out.push_str("<div class=\"text\">\n");
        for (li, line) in self.lines.iter().enumerate() {
            // A section heading is shown before its first line; one whose
            // start falls on a line not given is shown before the next line.
            let due: Vec<u32> = section_starts.range(..=line.no).map(|(&k, _)| k).collect();
            for start in due {
                for section in section_starts.remove(&start).unwrap_or_default() {
                    writeln!(
                        out,
                        "<div class=\"sec\">{}<span class=\"en\">{}</span> · {}</div>",
                        section_zh(section.kind),
                        section.kind.as_str(),
                        Esc(&section.title)
                    )?;
                }
            }
            self.write_line(out, li, line)?;
        }
        out.push_str("</div></section>\n");
        Ok(())
    }

    fn write_line(&self, out: &mut String, li: usize, line: &SourceLine<'_>) -> fmt::Result {
        let no = line.no;
        write!(
            out,
            "<div class=\"ln\" id=\"L{no}\"><a class=\"no\" href=\"#L{no}\">{no}</a><span class=\"tx\">"
        )?;
        let mut at = 0;
        for &(start, end, i) in &self.by_line[li] {
            write!(out, "{}", Esc(&line.text[at..start]))?;
            self.write_mark(out, i, &line.text[start..end])?;
            at = end;
        }
        writeln!(out, "{}</span></div>", Esc(&line.text[at..]))
    }

    fn write_mark(&self, out: &mut String, i: usize, text: &str) -> fmt::Result {
        let m = &self.report.mentions[i];
        let key = m.key.as_str();
        let resolved = self.is_resolved(i);
        let (origin, origin_en) = origin_zh(m.origin);
        let mut title = format!(
            "{} {key}\n{}",
            m.key.label_zh(),
            value_with_unit(m.value, m.unit)
        );
        if let Some(wan) = wan_yuan(m.value, m.unit) {
            let _ = write!(title, "（{wan}）");
        }
        match m.approx {
            Some(a) => {
                let _ = write!(title, "\n约数 approx: {} {}", approx_zh(a), a.as_str());
            }
            None => title.push_str("\n确数 exact"),
        }
        let _ = write!(
            title,
            "\n第 {} 行 line {} · {origin} {origin_en} · {}",
            m.line,
            m.line,
            section_zh(m.section)
        );
        if resolved {
            title.push_str("\n✓ 采用值 kept for the metric");
        } else if let Some(&kept) = self.resolved.get(&m.key) {
            let kept = &self.report.mentions[kept];
            let _ = write!(
                title,
                "\n采用值为第 {} 行的 {} (kept: line {})",
                kept.line,
                value_with_unit(kept.value, kept.unit),
                kept.line
            );
        }
        write!(
            out,
            "<mark class=\"fig\" id=\"m{i}\" data-key=\"{key}\" data-value=\"{}\" data-unit=\"{}\" \
             data-approx=\"{}\" data-line=\"{}\" data-origin=\"{origin_en}\" data-section=\"{}\"{} title=\"{}\">",
            m.value,
            Esc(m.unit.symbol()),
            approx_attr(m.approx),
            m.line,
            m.section.as_str(),
            if resolved { " data-resolved=\"\"" } else { "" },
            Esc(&title),
        )?;
        if self.report.metrics.contains_key(&m.key) {
            write!(out, "<a href=\"#metric-{key}\">{}</a></mark>", Esc(text))
        } else {
            write!(out, "{}</mark>", Esc(text))
        }
    }

    fn write_chronicle(&self, out: &mut String) -> fmt::Result {
        let chronicle = &self.report.chronicle;
        write!(
            out,
            "<section id=\"chronicle\"><h2>大事记 <span class=\"en\">chronicle</span> <span class=\"n\">{}</span></h2>",
            chronicle.len()
        )?;
        if chronicle.is_empty() {
            out.push_str("<p class=\"empty\">没有大事记 <span class=\"en\">no chronicle</span></p></section>\n");
            return Ok(());
        }
        let mut months: BTreeMap<(i32, u8), Vec<&ChronicleEntry>> = BTreeMap::new();
        let mut undated = Vec::new();
        for entry in chronicle {
            match entry.date {
                Some(date) => months
                    .entry((date.year, date.month))
                    .or_default()
                    .push(entry),
                None => undated.push(entry),
            }
        }
        for ((year, month), entries) in &months {
            write!(
                out,
                "<div class=\"month\"><h3>{year}年{month}月 <span class=\"en\">{year:04}-{month:02}</span></h3><ol class=\"timeline\">"
            )?;
            for entry in entries {
                self.write_entry(out, entry)?;
            }
            out.push_str("</ol></div>\n");
        }
        if !undated.is_empty() {
            out.push_str(
                "<div class=\"month\"><h3>日期不明 <span class=\"en\">undated</span></h3><ol class=\"timeline\">",
            );
            for entry in undated {
                self.write_entry(out, entry)?;
            }
            out.push_str("</ol></div>\n");
        }
        out.push_str("</section>\n");
        Ok(())
    }

    fn write_entry(&self, out: &mut String, entry: &ChronicleEntry) -> fmt::Result {
        out.push_str("<li>");
        match entry.date {
            Some(date) => {
                let iso = match entry.end {
                    Some(end) => format!("{date}/{end}"),
                    None => date.to_string(),
                };
                write!(
                    out,
                    "<time class=\"date\" datetime=\"{iso}\">{}</time>",
                    date_range_zh(date, entry.end)
                )?;
            }
            None => out.push_str("<span class=\"date\">—</span>"),
        }
        write!(out, "<span class=\"ev\">{} ", Esc(&entry.text))?;
        self.write_line_ref(out, entry.line)?;
        out.push_str("</span></li>");
        Ok(())
    }

    fn write_plan(&self, out: &mut String) -> fmt::Result {
        let plan = &self.report.plan;
        write!(
            out,
            "<section id=\"plan\"><h2>工作计划 <span class=\"en\">plan</span> <span class=\"n\">{}</span></h2>",
            plan.len()
        )?;
        if plan.is_empty() {
            out.push_str(
                "<p class=\"empty\">没有计划 <span class=\"en\">no plan</span></p></section>\n",
            );
            return Ok(());
        }
        out.push_str("<ol class=\"plan\">");
        for item in plan {
            write!(out, "<li><span class=\"ev\">{}</span> ", Esc(&item.text))?;
            self.write_line_ref(out, item.line)?;
            out.push_str("</li>");
        }
        out.push_str("</ol></section>\n");
        Ok(())
    }
}

/// The library's name, else the file's.
fn report_name(report: &LibraryReport) -> String {
    report
        .library
        .clone()
        .unwrap_or_else(|| format!("（未识别馆名）{}", report.file))
}

// ---------------------------------------------------------------------------
// The index page

fn write_index(out: &mut String, entries: &[IndexEntry<'_>]) -> fmt::Result {
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

// ---------------------------------------------------------------------------
// Shared page parts

fn write_head(out: &mut String, title: &str) -> fmt::Result {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'\">\n\
         <meta name=\"generator\" content=\"libreport {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
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
        SCRIPT
    )
}

/// The click card's empty shell; the script fills it with `textContent`.
const CARD: &str = "<div id=\"card\" class=\"card\" role=\"dialog\" hidden><div class=\"card-body\"></div>\
<a class=\"card-link\" href=\"#metrics\">→ 指标表 <span class=\"en\">metric row</span></a></div>\n";

const STYLE: &str = r#"
:root{--ink:#1f2933;--muted:#6b7680;--rule:#e4e7eb;--paper:#fff;--soft:#f7f8fa;--fig:#ffe27a;--fig-soft:#fff6cf;--tab:#d9ecff;--tab-line:#5b9bd5;--accent:#1d5fa6;--warn:#fff4e0;--warn-line:#e8a33d;--ok:#eef8f0;--ok-line:#7cbf8a}
*{box-sizing:border-box}
html{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--paper);line-height:1.75;font-size:16px}
body{margin:0}
a{color:var(--accent)}
.en{font-size:.74em;color:var(--muted);font-weight:normal;margin-left:.3em;letter-spacing:0}
header.top{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.97);border-bottom:1px solid var(--rule);padding:.45rem 1.5rem;display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.2rem 1.5rem}
header.top .who{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .9rem}
header.top h1{font-size:1.3rem;margin:0;font-weight:700}
header.top a.back{font-size:.9rem;color:var(--muted);text-decoration:none;white-space:nowrap}
header.top a.back:hover{color:var(--ink)}
header.top .year{font-size:1.05rem;font-weight:600}
.file{color:var(--muted);font-size:.78rem;font-family:ui-monospace,monospace;font-weight:normal;display:block}
header.top .file{display:inline}
nav.counts{display:flex;flex-wrap:wrap;gap:.3rem}
nav.counts a{text-decoration:none;color:var(--ink);border:1px solid var(--rule);border-radius:999px;padding:.05rem .7rem;font-size:.9rem;background:var(--soft)}
nav.counts a:hover{border-color:var(--accent)}
nav.counts a.alert{background:var(--warn);border-color:var(--warn-line)}
main{max-width:76rem;margin:0 auto;padding:.5rem 1.5rem 4rem}
section{margin:1.6rem 0}
h2{font-size:1.12rem;margin:0 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}
h2 .n{display:inline-block;font-size:.75rem;background:var(--ink);color:#fff;border-radius:999px;padding:0 .5rem;margin-left:.4rem;vertical-align:middle;line-height:1.5}
.box{border:1px solid;border-left-width:6px;border-radius:4px;padding:.6rem 1rem}
.box h2{border:0;font-size:1rem;margin:.2rem 0}
.box ul{margin:.2rem 0 .4rem;padding-left:1.3rem}
.box p{margin:0}
.warn{background:var(--warn);border-color:var(--warn-line)}
.ok{background:var(--ok);border-color:var(--ok-line)}
.empty{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid var(--rule);padding:.3rem .55rem;text-align:left;vertical-align:top}
thead th{background:var(--soft);font-weight:600;border-bottom:1px solid #c9ced4;white-space:nowrap}
thead th .en{display:block;margin:0}
tbody th{font-weight:600;white-space:nowrap}
tbody th .en{font-family:ui-monospace,monospace;font-size:.7rem}
.ctx{display:block;font-size:.75rem;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.others small{color:var(--muted);font-weight:normal;margin-left:.15em;font-size:.75em}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.alt{display:block;font-size:.75rem;color:var(--muted)}
.approx{background:#efe6ff;border-radius:3px;padding:0 .3rem;white-space:nowrap}
table.metrics{min-width:54rem}
td.src{max-width:24rem}
td.src a{color:var(--ink);text-decoration:none;border-bottom:2px solid var(--fig)}
td.src a:hover{background:var(--fig-soft)}
.others a,.others span{font-size:.85rem;margin-right:.35rem;white-space:nowrap}
.others .differs{color:#b3261e;font-weight:600}
.nl{color:#b3261e}
tr:target{background:#fff8d8}
tr:target th{box-shadow:inset 4px 0 var(--accent)}
:target{scroll-margin-top:5.5rem}
.lnref{color:var(--muted);font-size:.8rem;white-space:nowrap;text-decoration:none}
a.lnref:hover{text-decoration:underline}
.legend{font-size:.85rem;color:var(--muted);margin:0 0 .6rem}
.legend mark{padding:0 .3rem;border-radius:2px;color:var(--ink)}
.key-resolved{background:var(--fig);border-bottom:2px solid #d4a800}
.key-other{background:var(--fig-soft);border-bottom:2px dotted #d4a800}
.key-table{background:var(--tab);border-bottom:2px solid var(--tab-line)}
.text{border:1px solid var(--rule);border-radius:4px;background:var(--paper)}
.ln{display:grid;grid-template-columns:3.6rem minmax(0,1fr)}
.ln:hover{background:var(--soft)}
.ln:target{background:#fff8d8}
.ln .no{color:#9aa3ab;text-align:right;padding:.1rem .7rem 0 0;border-right:1px solid var(--rule);text-decoration:none;font-size:.78rem;font-variant-numeric:tabular-nums;user-select:none;background:var(--soft)}
.ln .tx{white-space:pre-wrap;overflow-wrap:anywhere;padding:.1rem .8rem;tab-size:6;min-height:1.75em}
.sec{margin:0;padding:.5rem .8rem .2rem 4.4rem;font-size:.82rem;font-weight:700;color:var(--accent);border-top:1px solid var(--rule);background:#f2f6fb}
.sec:first-child{border-top:0}
mark.fig{background:var(--fig-soft);color:inherit;border-bottom:2px dotted #d4a800;border-radius:2px;padding:0 .08em;cursor:pointer}
mark.fig[data-resolved]{background:var(--fig);border-bottom-style:solid}
mark.fig[data-origin="table"]{background:var(--tab);border-bottom-color:var(--tab-line)}
mark.fig a{color:inherit;text-decoration:none}
mark.fig:target,mark.fig.on{outline:2px solid var(--accent);outline-offset:1px}
.month h3{font-size:.98rem;margin:1rem 0 .3rem}
ol.timeline{list-style:none;margin:0 0 0 .45rem;padding:0 0 0 1.2rem;border-left:2px solid var(--rule)}
ol.timeline li{position:relative;margin:.25rem 0;display:grid;grid-template-columns:8.5em minmax(0,1fr);column-gap:.6rem}
ol.timeline li::before{content:"";position:absolute;left:-1.62rem;top:.62em;width:.6rem;height:.6rem;border-radius:50%;background:var(--accent);border:2px solid var(--paper)}
.date{font-weight:600;font-variant-numeric:tabular-nums;white-space:nowrap}
.ev{overflow-wrap:anywhere}
ol.plan{padding-left:1.8rem}
ol.plan li{margin:.35rem 0}
.wide{overflow-x:auto}
table.index td,table.index th{white-space:nowrap}
table.index tbody tr:nth-child(even){background:#fbfbfc}
td.none{color:#b8bfc6}
td.alert{background:var(--warn)}
tr.failed th,tr.failed td.error{background:var(--warn);color:#b3261e}
tr.failed td.error{font-family:ui-monospace,monospace;font-size:.85rem;white-space:normal}
.card{position:absolute;z-index:9;max-width:22rem;background:#fff;border:1px solid #c9ced4;border-radius:6px;box-shadow:0 6px 20px rgba(0,0,0,.14);padding:.55rem .8rem;font-size:.88rem}
.card-body{white-space:pre-line;margin-bottom:.3rem}
.card-body::first-line{font-weight:700}
footer{max-width:76rem;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--rule)}
@media print{
header.top{position:static;border-bottom:2px solid var(--ink)}
.card,footer,a.back{display:none}
nav.counts a{background:none;border:0;padding:0 .4rem 0 0}
main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
mark.fig,.ln .no,.box,thead th,.sec{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.text{border:0}
tr,li,.ln{break-inside:avoid}
h2,h3,.sec{break-after:avoid}
}
"#;

/// Niceties only: a click card for figures. Uses `textContent`, never HTML.
const SCRIPT: &str = r#"
(function(){
var doc=document,card=doc.getElementById('card'),on=null;
doc.documentElement.classList.add('js');
if(!card)return;
var body=card.querySelector('.card-body'),link=card.querySelector('.card-link');
function hide(){card.hidden=true;if(on){on.classList.remove('on');on=null;}}
function show(m){
hide();on=m;m.classList.add('on');
body.textContent=m.getAttribute('title')||'';
var row=doc.getElementById('metric-'+m.getAttribute('data-key'));
link.hidden=!row;link.setAttribute('href',row?'#'+row.id:'#metrics');
card.hidden=false;
var r=m.getBoundingClientRect(),w=card.offsetWidth,vw=doc.documentElement.clientWidth;
card.style.top=(window.scrollY+r.bottom+6)+'px';
card.style.left=(window.scrollX+Math.max(8,Math.min(r.left,vw-w-8)))+'px';
}
doc.addEventListener('click',function(e){
var m=e.target.closest&&e.target.closest('mark.fig');
if(m){e.preventDefault();if(m===on){hide();}else{show(m);}return;}
if(!card.contains(e.target))hide();
if(e.target===link)hide();
});
doc.addEventListener('keydown',function(e){
if(e.key==='Escape')hide();
if(e.key==='Enter'&&e.target.closest&&e.target.closest('mark.fig')){e.preventDefault();show(e.target.closest('mark.fig'));}
});
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{PlanItem, SectionInfo, Warning};

    use crate::report::test_support::{d, mention};

    const LINE_34: &str =
        "2020 年馆藏量 180383 册，其中新增藏量 12797 册，网站访问量 126841 人次。";
    const LINE_47: &str = "1\t文献馆藏量\t180383\t册\t";

    /// Four mentions on two lines (two keys twice), one metric per key, a
    /// chronicle with a range, a plan, a warning, and a hostile line.
    fn sample() -> (LibraryReport, Vec<SourceLine<'static>>) {
        let mut collection_new = mention(
            MetricKey::CollectionNew,
            "12797",
            "新增藏量 12797 册",
            34,
            Origin::Prose,
        );
        collection_new.approx = Some(Approx::MoreThan);
        let mentions = vec![
            mention(
                MetricKey::CollectionTotal,
                "180383",
                "馆藏量 180383 册",
                34,
                Origin::Prose,
            ),
            collection_new,
            mention(
                MetricKey::WebsiteVisits,
                "126841",
                "网站访问量 126841 人次",
                34,
                Origin::Prose,
            ),
            mention(
                MetricKey::CollectionTotal,
                "180383",
                "180383",
                47,
                Origin::Table,
            ),
        ];
        let mut metrics = BTreeMap::new();
        metrics.insert(MetricKey::CollectionTotal, mentions[3].clone());
        metrics.insert(MetricKey::CollectionNew, mentions[1].clone());
        metrics.insert(MetricKey::WebsiteVisits, mentions[2].clone());
        let report = LibraryReport {
            file: "fixtures/wulong-2020.txt".into(),
            encoding: "UTF-8".into(),
            format: crate::read::Format::Text,
            library: Some("重庆市武隆区图书馆".into()),
            year: Some(2020),
            sections: vec![SectionInfo {
                kind: SectionKind::Summary,
                title: "武隆区图书馆 2020 年度工作总结".into(),
                start_line: 14,
                end_line: 42,
            }],
            metrics,
            mentions,
            statistics: Vec::new(),
            chronicle: vec![ChronicleEntry {
                date: Some(PartialDate {
                    year: 2020,
                    month: 1,
                    day: Some(14),
                }),
                end: Some(PartialDate {
                    year: 2020,
                    month: 1,
                    day: Some(15),
                }),
                text: "武隆区图书馆参加了“梦想驿站”活动。".into(),
                line: 69,
            }],
            plan: vec![PlanItem {
                text: "积极做好第七次公共图书馆评估定级工作".into(),
                line: 193,
            }],
            warnings: vec![Warning::UnclassifiedSection {
                title: "附<b>录".into(),
                line: 90,
            }],
        };
        let lines = vec![
            SourceLine {
                no: 14,
                text: "武隆区图书馆 2020 年度工作总结",
            },
            SourceLine {
                no: 20,
                text: "<script>alert(1)</script> & “引号”",
            },
            SourceLine {
                no: 34,
                text: LINE_34,
            },
            SourceLine {
                no: 47,
                text: LINE_47,
            },
            SourceLine {
                no: 69,
                text: "14 日至 15 日，武隆区图书馆参加了“梦想驿站”活动。",
            },
        ];
        (report, lines)
    }

    fn ids(html: &str, prefix: &str) -> Vec<String> {
        html.match_indices(prefix)
            .map(|(at, _)| {
                let rest = &html[at + prefix.len()..];
                rest[..rest.find('"').expect("closing quote")].to_string()
            })
            .collect()
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape("馆藏量 180383 册"), "馆藏量 180383 册");
        assert_eq!(escape(""), "");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("尾<"), "尾&lt;");
    }

    #[test]
    fn one_mark_per_mention_and_metric_links_resolve() {
        let (report, lines) = sample();
        let html = render_report(&report, &lines);
        assert_eq!(
            html.matches("<mark class=\"fig\"").count(),
            report.mentions.len()
        );
        let marks = ids(&html, "<mark class=\"fig\" id=\"");
        assert_eq!(marks, ["m0", "m1", "m2", "m3"]);
        let links = ids(&html, "href=\"#m");
        assert!(links.len() >= report.metrics.len(), "{links:?}");
        for link in links {
            assert!(
                html.contains(&format!("id=\"m{link}\"")),
                "dangling #m{link}"
            );
        }
        for key in report.metrics.keys() {
            assert!(html.contains(&format!("<tr id=\"metric-{}\"", key.as_str())));
            assert!(html.contains(&format!("href=\"#metric-{}\"", key.as_str())));
        }
        // The collection_total row links to the table mention it was resolved from.
        assert!(html.contains("<a href=\"#m3\">“180383”</a>"));
        assert!(html.contains("data-resolved"));
        assert!(html.contains("data-origin=\"table\""));
    }

    #[test]
    fn loads_nothing_from_outside() {
        let (report, lines) = sample();
        for html in [
            render_report(&report, &lines),
            render_index(&[IndexEntry::Report {
                report: &report,
                href: "wulong-2020.html".into(),
            }]),
        ] {
            assert!(!html.contains("http://"));
            assert!(!html.contains("https://"));
            assert!(!html.contains(" src="));
            assert!(!html.contains("@import"));
            assert!(!html.contains("url("));
            assert_eq!(html.matches("<script").count(), 1);
        }
    }

    #[test]
    fn report_text_is_escaped() {
        let (report, lines) = sample();
        let html = render_report(&report, &lines);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”"));
        assert!(!html.contains("<script>alert(1)"));
        assert_eq!(html.matches("<script").count(), 1);
        // The warning text appears, escaped.
        assert!(html.contains("line 90: section &quot;附&lt;b&gt;录&quot; is of no known kind"));
        assert!(html.contains("id=\"warnings\" class=\"box warn\""));
    }

    #[test]
    fn shows_chronicle_by_month_and_plan() {
        let (report, lines) = sample();
        let html = render_report(&report, &lines);
        assert!(html.contains("2020年1月"));
        assert!(html.contains("<span class=\"en\">2020-01</span>"));
        assert!(html.contains("datetime=\"2020-01-14/2020-01-15\">1月14日—15日</time>"));
        assert!(html.contains("积极做好第七次公共图书馆评估定级工作"));
        assert!(html.contains("href=\"#L193\"") || html.contains("第 193 行"));
        assert!(html.contains("<div class=\"ln\" id=\"L34\"><a class=\"no\" href=\"#L34\">34</a>"));
        assert!(html.contains("工作总结<span class=\"en\">summary</span>"));
    }

    #[test]
    fn mentions_on_one_line_take_their_own_occurrence() {
        let line = [SourceLine {
            no: 1,
            text: "借阅 12 册，还书 12 册，12",
        }];
        let ms = [
            mention(MetricKey::Loans, "12", "12 册", 1, Origin::Prose),
            mention(MetricKey::Loans, "12", "12 册", 1, Origin::Prose),
            mention(MetricKey::Events, "12", "12", 1, Origin::Prose),
            mention(MetricKey::Events, "12", "12", 1, Origin::Prose),
        ];
        let spans = locate(&ms, &line);
        let starts: Vec<_> = spans.iter().map(|s| s.map(|s| s.start)).collect();
        let text = line[0].text;
        let last = text.rfind("12").expect("literal");
        // The fourth has nowhere left: "12" inside "12 册" is taken twice over.
        assert_eq!(
            starts,
            [
                Some(text.find("12 册").expect("literal")),
                Some(text.rfind("12 册").expect("literal")),
                Some(last),
                None
            ]
        );
    }

    #[test]
    fn missing_phrases_are_listed_not_dropped() {
        let (mut report, lines) = sample();
        report.mentions.push(mention(
            MetricKey::Events,
            "103",
            "活动 103 场",
            34,
            Origin::Prose,
        ));
        report.mentions.push(mention(
            MetricKey::Loans,
            "234991",
            "外借 234991 册次",
            999,
            Origin::Prose,
        ));
        report
            .mentions
            .push(mention(MetricKey::Visits, "1", "", 34, Origin::Prose));
        let html = render_report(&report, &lines);
        assert_eq!(html.matches("<mark class=\"fig\"").count(), 4);
        assert!(html.contains("figures not located in the text"));
        for i in 4..7 {
            assert!(html.contains(&format!("<li id=\"m{i}\" class=\"nl\">")));
        }
        assert!(html.contains("数字 7<span class=\"en\">figures</span>"));
        assert!(html.contains("<span class=\"lnref\">第 999 行</span>"));
    }

    #[test]
    fn ranges_read_as_chinese_dates() {
        let date = |month, day| PartialDate {
            year: 2020,
            month,
            day,
        };
        assert_eq!(date_range_zh(date(1, Some(16)), None), "1月16日");
        assert_eq!(
            date_range_zh(date(1, Some(14)), Some(date(1, Some(15)))),
            "1月14日—15日"
        );
        assert_eq!(
            date_range_zh(date(7, Some(20)), Some(date(8, Some(14)))),
            "7月20日—8月14日"
        );
        assert_eq!(date_range_zh(date(5, None), Some(date(6, None))), "5月—6月");
        let next = PartialDate {
            year: 2021,
            month: 1,
            day: Some(2),
        };
        assert_eq!(
            date_range_zh(date(12, Some(30)), Some(next)),
            "12月30日—2021年1月2日"
        );
    }

    #[test]
    fn numbers_group_and_money_reads_in_wan() {
        assert_eq!(group_digits(d("180383")), "180,383");
        assert_eq!(group_digits(d("-1234567.891")), "-1,234,567.891");
        assert_eq!(group_digits(d("999")), "999");
        assert_eq!(group_digits(d("0.1396")), "0.1396");
        assert_eq!(
            wan_yuan(d("1685200"), Unit::Yuan).as_deref(),
            Some("168.52 万元")
        );
        assert_eq!(wan_yuan(d("9999"), Unit::Yuan), None);
        assert_eq!(wan_yuan(d("1685200"), Unit::Volume), None);
        assert_eq!(value_with_unit(d("98.5"), Unit::Percent), "98.5%");
    }

    #[test]
    fn no_figures_claims_no_figure_located() {
        let empty = LibraryReport {
            file: "a.txt".into(),
            library: Some("安居区图书馆".into()),
            ..LibraryReport::default()
        };
        let html = render_report(&empty, &[]);
        assert!(html.contains("✓ 没有提示 <span class=\"en\">no warnings</span>"));
        assert!(!html.contains("every figure is located"));
        assert!(!html.contains("class=\"back\""));
        let html = render_report_in_site(&empty, &[], Some("index.html"));
        assert!(html.contains("<a class=\"back\" href=\"index.html\">← 汇总"));
    }

    #[test]
    fn index_lists_each_report_with_its_link() {
        let (report, _) = sample();
        let other = LibraryReport {
            file: "x.txt".into(),
            ..LibraryReport::default()
        };
        let html = render_index(&[
            IndexEntry::Report {
                report: &report,
                href: "wulong-2020.html".into(),
            },
            IndexEntry::Report {
                report: &other,
                href: "x\".html".into(),
            },
            IndexEntry::Failed {
                file: "<bad>.txt",
                error: "not a library report: the text never names a library (图书馆)",
            },
        ]);
        assert!(html.contains("<a href=\"wulong-2020.html\">重庆市武隆区图书馆</a>"));
        assert!(html.contains("<span class=\"file\">&lt;bad&gt;.txt</span>"));
        assert!(html.contains("never names a library (图书馆)</td>"));
        assert!(html.contains(">报告 2<"), "two reports");
        assert!(html.contains(">失败 1<"), "one failure, counted apart");
        assert!(html.contains("<a href=\"x&quot;.html\">（未识别馆名）x.txt</a>"));
        assert!(html.contains(">180,383</td>"));
        assert!(html.contains(">12,797余</td>"));
        assert!(html.contains("collection_total"));
        assert!(html.contains("budget_yuan"));
        // website_visits is not a main column but is in the all-metrics table.
        assert!(html.contains("website_visits"));
    }
}
