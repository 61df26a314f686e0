//! The report page: every figure highlighted in its line, the metric
//! table, warnings, the chronicle and the plan.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::{self, Write};

use super::*;
use crate::contract::report::{ChronicleEntry, Mention};

// ---------------------------------------------------------------------------
// Placing mentions in their lines

/// Where one mention stands: the index of its line in `lines` and the byte
/// range of its phrase in that line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) line: usize,
    pub(super) start: usize,
    pub(super) end: usize,
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
pub(super) fn locate(mentions: &[Mention], lines: &[SourceLine<'_>]) -> Vec<Option<Span>> {
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

pub(super) struct ReportPage<'a> {
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
    pub(super) index_href: Option<&'a str>,
    /// How many lines of the text come after `lines` and are not shown.
    pub(super) left_out: usize,
}

impl<'a> ReportPage<'a> {
    pub(super) fn new(report: &'a LibraryReport, lines: &'a [SourceLine<'a>]) -> ReportPage<'a> {
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
            .keys()
            .filter_map(|&key| Some((key, report.kept_mention(key)?)))
            .collect();
        ReportPage {
            report,
            lines,
            spans,
            by_line,
            resolved,
            line_nos: lines.iter().map(|l| l.no).collect(),
            index_href: None,
            left_out: 0,
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

    pub(super) fn write(&self, out: &mut String) -> fmt::Result {
        let r = self.report;
        let name = report_name(r);
        let year = r.year.map(|y| format!("{y} 年")).unwrap_or_default();
        // The page carries its index row, so that a later `view` into the
        // same site can list it again.
        let row = IndexRow::from_report(r, String::new());
        write_head(
            out,
            &format!("{name} {year} 年报 · libreport"),
            &row.meta_tag(),
        )?;
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
        // The library's division, for a reader who maps or joins by it.
        let places: Vec<&str> = [&r.province, &r.prefecture, &r.county]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        if !places.is_empty() {
            write!(
                out,
                "<span class=\"region\" title=\"province / prefecture / county · division_code\">{}",
                Esc(&places.join(" "))
            )?;
            if let Some(code) = &r.division_code {
                write!(out, " · 区划代码 {}", Esc(code))?;
            }
            out.push_str("</span>");
        }
        // What decided the year and the library, so a reader can weigh them.
        let sources = [("年度", r.year_source), ("馆名", r.library_source)];
        for (what, source) in sources.iter().filter_map(|(w, s)| s.map(|s| (w, s))) {
            write!(
                out,
                "<span class=\"evidence\" title=\"{}\">{what}依据：{}</span>",
                source.as_str(),
                source.zh()
            )?;
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
            // The Chinese message, linked to its line where it has one on
            // the page; the kind and the English line under it.
            for warning in warnings {
                write!(out, "<li class=\"w\" data-kind=\"{}\">", warning.kind())?;
                let zh = warning.message_zh();
                match warning.line().filter(|no| self.line_nos.contains(no)) {
                    Some(no) => write!(out, "<a href=\"#L{no}\">{}</a>", Esc(&zh))?,
                    None => write!(out, "{}", Esc(&zh))?,
                }
                write!(
                    out,
                    "<span class=\"en\">{}: {}</span></li>",
                    warning.kind(),
                    Esc(&warning.to_string())
                )?;
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
            "<div class=\"wide\"><table class=\"metrics cards\"><thead><tr>\
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
                "<td class=\"num\" data-label=\"数值\">{}",
                Esc(&value_with_unit(metric.value, metric.unit))
            )?;
            if let Some(wan) = wan_yuan(metric.value, metric.unit) {
                write!(out, "<span class=\"alt\">{}</span>", Esc(&wan))?;
            }
            out.push_str("</td><td data-label=\"约数\">");
            if let Some(a) = metric.approx {
                write!(
                    out,
                    "<span class=\"approx\">{}<span class=\"en\">{}</span></span>",
                    approx_zh(a),
                    a.as_str()
                )?;
            }
            out.push_str("</td><td class=\"src\" data-label=\"原文\">");
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
            out.push_str("</td><td data-label=\"行\">");
            self.write_line_ref(out, metric.line)?;
            let (origin, origin_en) = origin_zh(metric.origin);
            write!(
                out,
                "</td><td data-label=\"来源\">{origin}<span class=\"en\">{origin_en}</span> · {}</td><td class=\"others\" data-label=\"其他提及\">",
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
        // Lines are in order: a search, not a scan per figure (a scan made
        // a page of many table rows quadratic).
        let at = self.lines.partition_point(|l| l.no < no);
        let line = self.lines.get(at).filter(|l| l.no == no)?;
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
        let mut section_starts: BTreeMap<u32, Vec<&crate::contract::report::SectionInfo>> =
            BTreeMap::new();
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
        if self.left_out > 0 {
            // The file's name as a shell word: single-quoted unless plain.
            let file = &self.report.file;
            let plain = file
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-'));
            let word = if plain {
                file.clone()
            } else {
                format!("'{}'", file.replace('\'', "'\\''"))
            };
            writeln!(
                out,
                "<p class=\"left-out\">此后还有 {n} 行原文未在本页显示；全文请运行 <code>libreport text {w}</code> \
                 <span class=\"en\">{n} more lines are not shown on this page; <code>libreport text {w}</code> prints them all</span></p>",
                n = self.left_out,
                w = Esc(&word)
            )?;
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
pub(super) fn report_name(report: &LibraryReport) -> String {
    report
        .library
        .clone()
        .unwrap_or_else(|| format!("（未识别馆名）{}", report.file))
}
