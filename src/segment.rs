//! Stage 3, lines → sections: find the headings and give each section a
//! kind.
//!
//! A heading is a short line that is not a sentence and either names a
//! section kind (a word of `tables::sections::SECTION_TITLES`) or repeats an
//! entry of the table of contents. Reports nest headings (第一章 › 一、 ›
//! （一）), and only the top level makes sections:
//!
//! - when the report has chapters (第一章), only chapters and lines that
//!   repeat a contents entry are section headings;
//! - otherwise unnumbered title lines (2020 年大事记) are headings, and so
//!   are numbered ones of the shallowest numbering style among them.
//!
//! A report with no heading at all is one summary section. Text between
//! the title lines and the first heading is a summary too.

use crate::clean::{Cleaned, Line, Lines, TocEntry};
use crate::heading::{self, MarkerStyle};
use crate::report::{SectionKind, Warning};
use crate::tables::columns::FORM_CODES;
use crate::tables::punctuation::INLINE_TITLE_ENDS;
use crate::tables::sections::{APPENDIX_MARKS, PLAN_AND_SUMMARY};
use crate::text;

/// A section of the report: its kind, heading and lines.
#[derive(Clone, Debug)]
pub struct Section<'s> {
    /// What the section is.
    pub kind: SectionKind,
    /// The heading as written, or the report title for an untitled section.
    pub title: String,
    /// The title folded to simplified characters.
    pub folded_title: &'s str,
    /// First line, 1-based (the heading's line when there is one).
    pub start_line: u32,
    /// Last physical line, inclusive.
    pub end_line: u32,
    /// The section's lines after the heading; with the heading's line
    /// first when the text goes on after the title there.
    pub lines: Lines<'s>,
    /// The title's length in bytes when the section's text goes on after
    /// it on the heading's line, the first of `lines` (八、2024年工作打算。
    /// 2024年，我馆将…).
    pub inline_title: Option<usize>,
}

/// The report's outline: title lines, then sections.
#[derive(Clone, Debug)]
pub struct Outline<'s> {
    /// The lines before the first section: title, library, date.
    pub front: Lines<'s>,
    /// The sections in order.
    pub sections: Vec<Section<'s>>,
    /// Headings that name no known kind.
    pub warnings: Vec<Warning>,
}

struct Candidate {
    index: usize,
    kind: Option<SectionKind>,
    style: Option<MarkerStyle>,
    in_toc: bool,
    /// The line is a statistics form's header row, not a title: it is the
    /// first line of its section's text too.
    table: bool,
    /// The title's length in bytes when the section's text goes on after
    /// it on its line (八、2024年工作打算。2024年，我馆将…): the line is
    /// the first of the section's text too.
    inline_title: Option<usize>,
}

/// Segments a cleaned report.
pub fn segment<'s>(cleaned: &'s Cleaned<'_>) -> Outline<'s> {
    let lines = cleaned.lines();
    let headings = find_headings(lines, &cleaned.toc);
    let body_start = front_matter_len(lines);
    let mut sections = Vec::new();
    let mut warnings = Vec::new();

    let first_heading = headings.first().map_or(lines.len(), |c| c.index);
    let front_end = body_start.min(first_heading);
    if front_end < first_heading {
        // Text before the first heading (or a report without headings).
        sections.push(untitled_summary(lines, front_end, first_heading));
    }
    for (n, candidate) in headings.iter().enumerate() {
        let end = headings.get(n + 1).map_or(lines.len(), |next| next.index);
        let Some(heading) = lines.get(candidate.index) else {
            continue;
        };
        let kind = candidate.kind.unwrap_or(SectionKind::Other);
        if candidate.kind.is_none() {
            warnings.push(Warning::UnclassifiedSection {
                title: heading.text().to_owned(),
                line: heading.no(),
            });
        }
        let (title, folded_title) = match candidate.inline_title {
            Some(len) => (
                text::head(heading.text(), len),
                text::head(heading.folded(), len),
            ),
            None => (heading.text(), heading.folded()),
        };
        let body_from_heading = candidate.table || candidate.inline_title.is_some();
        sections.push(Section {
            kind,
            title: title.to_owned(),
            folded_title,
            start_line: heading.no(),
            end_line: last_of(lines, end),
            lines: lines.slice(candidate.index + usize::from(!body_from_heading)..end),
            inline_title: candidate.inline_title,
        });
    }
    Outline {
        front: lines.slice(0..front_end),
        sections,
        warnings,
    }
}

/// The last physical line of the lines before `end`.
fn last_of(lines: Lines<'_>, end: usize) -> u32 {
    end.checked_sub(1)
        .and_then(|i| lines.get(i))
        .map_or(0, |l| l.last())
}

fn untitled_summary(lines: Lines<'_>, start: usize, end: usize) -> Section<'_> {
    let front = lines.slice(0..start);
    // Front lines are heading-shaped, so cleaning has asked whether they
    // name the report.
    let title = front
        .iter()
        .find(Line::is_report_title)
        .or_else(|| front.first());
    Section {
        kind: SectionKind::Summary,
        title: title.map_or_else(String::new, |l| l.text().to_owned()),
        folded_title: title.map_or("", |l| l.folded()),
        start_line: lines.get(start).map_or(0, |l| l.no()),
        end_line: last_of(lines, end),
        lines: lines.slice(start..end),
        inline_title: None,
    }
}

/// The most distinct contents entries a heading is compared with: a report
/// lists tens; more (reports run together, a crafted file) would make
/// every heading-shaped line cost the length of the list.
const MAX_LISTED: usize = 200;

fn find_headings(lines: Lines<'_>, toc: &[TocEntry]) -> Vec<Candidate> {
    // An entry listed twice counts once (a comparison asks whether any
    // entry matches), and the list is cut at MAX_LISTED.
    let mut seen = std::collections::HashSet::new();
    let listed: Vec<Title> = toc
        .iter()
        .map(|entry| Title::of(&entry.title, entry.folded()))
        .filter(|t| seen.insert((t.chars.clone(), t.kind, t.style.map(|s| s as u8))))
        .take(MAX_LISTED)
        .collect();
    let candidates: Vec<Candidate> = lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| candidate(index, &line, &listed))
        .collect();
    let has_chapters = candidates
        .iter()
        .any(|c| c.style == Some(MarkerStyle::Chapter));
    let shallowest = candidates
        .iter()
        .filter_map(|c| c.style.map(MarkerStyle::depth))
        .min();
    let (top, nested): (Vec<Candidate>, Vec<Candidate>) = candidates.into_iter().partition(|c| {
        c.in_toc
            || match c.style {
                Some(style) => Some(style.depth()) == shallowest,
                None => !has_chapters,
            }
    });
    let mut candidates = top;
    if !has_chapters {
        add_numbered_siblings(lines, &mut candidates);
    }
    add_nested_sections(lines, nested, &mut candidates);
    drop_unnumbered_contents(lines, &mut candidates);
    add_statistics_forms(lines, &mut candidates);
    candidates
}

/// An official statistics form (项目 | 代码 | 单位 | 2023年 | 2022年) is
/// statistics even where no heading of its own stands over it: outside a
/// statistics or funding section, its header row opens a statistics
/// section.
fn add_statistics_forms(lines: Lines<'_>, candidates: &mut Vec<Candidate>) {
    let mut added = Vec::new();
    let mut next = 0;
    let mut kind = None;
    for (index, line) in lines.iter().enumerate() {
        while candidates.get(next).is_some_and(|c| c.index <= index) {
            kind = candidates.get(next).and_then(|c| c.kind);
            next += 1;
        }
        if matches!(kind, Some(SectionKind::Statistics | SectionKind::Funding))
            || !line.is_row()
            || !FORM_CODES.iter().any(|code| line.folded().contains(code))
            || !crate::table::is_statistics_form_header(&line.cells())
        {
            continue;
        }
        kind = Some(SectionKind::Statistics);
        added.push(Candidate {
            index,
            kind,
            style: None,
            in_toc: false,
            table: true,
            inline_title: None,
        });
    }
    if !added.is_empty() {
        candidates.extend(added);
        candidates.sort_by_key(|c| c.index);
        candidates.dedup_by_key(|c| c.index);
    }
}

/// A table of contents without page numbers (目录 › 第一部分 部门概况 ›
/// 第二部分 …) reads as a run of headings with nothing under them, each
/// repeated later over its text: that run is the contents, not sections.
fn drop_unnumbered_contents(lines: Lines<'_>, candidates: &mut Vec<Candidate>) {
    // Most reports have no three headings in a row: nothing to read.
    let has_run = candidates
        .windows(MIN_CONTENTS_ENTRIES)
        .any(|w| w.windows(2).all(|pair| pair[1].index == pair[0].index + 1));
    if !has_run {
        return;
    }
    let titles: Vec<String> = candidates
        .iter()
        .map(|c| {
            lines
                .get(c.index)
                .map(|line| {
                    line.folded()
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    // Where each title is last a heading: one pass, so that a file of many
    // headings stays linear.
    let mut last_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, title) in titles.iter().enumerate() {
        last_at.insert(title.as_str(), i);
    }
    let repeats_from = |i: usize, from: usize| {
        last_at
            .get(titles[i].as_str())
            .is_some_and(|&at| at >= from)
    };
    let mut contents = Vec::new();
    let mut start = 0;
    while start < candidates.len() {
        // A run of headings each right after the one before.
        let mut end = start + 1;
        while end < candidates.len() && candidates[end].index == candidates[end - 1].index + 1 {
            end += 1;
        }
        // The run's last heading may open the first section (its lines
        // follow it); the ones before it are listed again further on.
        let entries = end - start;
        if (MIN_CONTENTS_ENTRIES..=MAX_CONTENTS_ENTRIES).contains(&entries)
            && (start..end - 1).all(|i| repeats_from(i, end - 1))
        {
            let cut = if repeats_from(end - 1, end) {
                end
            } else {
                end - 1
            };
            contents.extend(start..cut);
        }
        start = end;
    }
    let mut n = 0;
    candidates.retain(|_| {
        let keep = contents.binary_search(&n).is_err();
        n += 1;
        keep
    });
}

/// The most headings a contents without page numbers lists.
const MAX_CONTENTS_ENTRIES: usize = 60;

/// The fewest headings in a row that make an unnumbered contents.
const MIN_CONTENTS_ENTRIES: usize = 3;

/// Subheadings that open sections of their own inside a top-level one:
///
/// - under a heading that names no kind (第一部分 部门概况), a subheading
///   that names one (二、机构设置及人员情况);
/// - under a chapter titled both plan and summary (第一章 工作计划与总结),
///   its plan (一、2021 年工作计划 › （一）…). Elsewhere a nested 工作计划
///   may be the summary's own account of the plan it carried out.
///
/// The next subheading of the same numbering (二、工作总结, 三、…) gives the
/// rest back to the kind it names, or to the top-level section's.
fn add_nested_sections(lines: Lines<'_>, nested: Vec<Candidate>, candidates: &mut Vec<Candidate>) {
    let mut added = Vec::new();
    // In line order, so that each subheading finds its parent and the next
    // top-level heading by binary search: a file of many nested headings
    // stays n log n (a scan per subheading made it quadratic).
    candidates.sort_by_key(|c| c.index);
    for sub in nested {
        let (Some(kind), Some(style)) = (sub.kind, sub.style) else {
            continue;
        };
        let before = candidates.partition_point(|c| c.index < sub.index);
        let Some(parent) = before.checked_sub(1).and_then(|at| candidates.get(at)) else {
            continue;
        };
        let opens = match parent.kind {
            None | Some(SectionKind::Other) => true,
            Some(parent_kind) => {
                kind == SectionKind::Plan
                    && parent_kind != SectionKind::Plan
                    && lines.get(parent.index).is_some_and(holds_plan_and_summary)
            }
        };
        if !opens {
            continue;
        }
        let after = candidates.partition_point(|c| c.index <= sub.index);
        let next_top = candidates.get(after).map_or(lines.len(), |c| c.index);
        // (A title-shaped line's kind was read by clean.)
        let resume = (sub.index + 1..next_top)
            .filter_map(|index| lines.get(index).map(|line| (index, line)))
            .find(|(_, line)| {
                line.marker()
                    .is_some_and(|(marker, _)| marker.style == style && is_title_shaped(line))
            });
        if let Some((index, line)) = resume {
            added.push(Candidate {
                index,
                kind: line.kind().or(parent.kind),
                style: Some(style),
                in_toc: false,
                table: false,
                inline_title: None,
            });
        }
        added.push(sub);
    }
    candidates.extend(added);
    candidates.sort_by_key(|c| c.index);
    candidates.dedup_by_key(|c| c.index);
}

/// When the top-level headings are numbered (一、工作总结 二、大事记), a
/// heading-shaped line that continues their sequence (四、其他事项) opens a
/// section too, even though its title names no kind. A point that restarts
/// the count (一、 inside a plan) is nested, not a sibling.
fn add_numbered_siblings(lines: Lines<'_>, candidates: &mut Vec<Candidate>) {
    let Some(style) = candidates.iter().find_map(|c| c.style) else {
        return;
    };
    let mut added = Vec::new();
    let mut last_number = 0;
    let mut next_candidate = candidates.iter().peekable();
    for (index, line) in lines.iter().enumerate() {
        if next_candidate.peek().is_some_and(|c| c.index == index) {
            if let Some((marker, _)) = line.marker() {
                last_number = marker.number;
            }
            next_candidate.next();
            continue;
        }
        let Some((marker, _)) = line.marker() else {
            continue;
        };
        if marker.style == style
            && last_number > 0
            && marker.number == last_number + 1
            && line.is_heading_shaped()
        {
            last_number = marker.number;
            added.push(Candidate {
                index,
                kind: line.kind(),
                style: Some(style),
                in_toc: false,
                table: false,
                inline_title: None,
            });
        }
    }
    candidates.extend(added);
    candidates.sort_by_key(|c| c.index);
}

/// Whether a heading titles a plan and a summary together (工作计划与总结).
fn holds_plan_and_summary(line: Line<'_>) -> bool {
    let title = line.folded();
    PLAN_AND_SUMMARY.iter().any(|words| title.contains(words))
}

/// The widest a section heading or a title line may be.
const MAX_TITLE_WIDTH: usize = 60;

/// A line shaped like a section heading or a title: heading-shaped and no
/// wider than [`MAX_TITLE_WIDTH`].
fn is_title_shaped(line: &Line<'_>) -> bool {
    line.width() <= MAX_TITLE_WIDTH && line.is_heading_shaped()
}

fn candidate(index: usize, line: &Line<'_>, listed: &[Title]) -> Option<Candidate> {
    let text = line.text();
    // 附：2018年主要业务数据 opens an appendix of a known kind, also after a
    // marker (三、附：2022年主要业务数据一览).
    let unmarked = line.marker().map_or(text, |(_, rest)| rest);
    if let Some(title) = APPENDIX_MARKS
        .iter()
        .find_map(|mark| unmarked.strip_prefix(mark))
        .filter(|title| heading::is_heading_shaped(title))
    {
        // Folding keeps offsets: the title's folded text ends the line's.
        let folded = line
            .folded()
            .get(text.len() - title.len()..)
            .unwrap_or(title);
        return heading::title_kind_folded(folded).map(|kind| Candidate {
            index,
            kind: Some(kind),
            style: None,
            in_toc: false,
            table: false,
            inline_title: None,
        });
    }
    if !is_title_shaped(line)
        && let Some(found) = inline_heading(index, line)
    {
        return Some(found);
    }
    // A row of three cells or more (17  购书经费  万元  1,268.50) is a
    // table's, however it is numbered.
    if !is_title_shaped(line)
        || line.is_report_title()
        || (line.is_row() && line.cells().len() >= 3)
    {
        return None;
    }
    let marker = line.marker();
    let style = marker.map(|(m, _)| m.style);
    let kind = line.kind();
    // The title is compared only with entries it could match by kind and
    // style (most lines match none): building it is most of the work.
    let mut comparable = listed
        .iter()
        .filter(|entry| entry.admits(kind, style))
        .peekable();
    let in_toc = comparable.peek().is_some() && {
        let title = Title::new(marker.map_or(text, |(_, rest)| rest), kind, style);
        comparable.any(|entry| same_title(entry, &title))
    };
    let chapter = style == Some(MarkerStyle::Chapter);
    (kind.is_some() || in_toc || chapter).then_some(Candidate {
        index,
        kind,
        style,
        in_toc,
        table: false,
        inline_title: None,
    })
}

/// The most characters of a title its section's text follows on its line.
const MAX_INLINE_TITLE: usize = 16;

/// A numbered title that names a kind, with its section's text after it on
/// the line (八、2024年工作打算。2024年，我馆将…; 五、经费使用：全年…).
fn inline_heading(index: usize, line: &Line<'_>) -> Option<Candidate> {
    let (marker, rest) = line.marker()?;
    // Top-level numbering only (八、, 第三章): a point of a list (（一）, 1.)
    // that names a kind is a paragraph of its section.
    if !matches!(marker.style, MarkerStyle::Han | MarkerStyle::Chapter) {
        return None;
    }
    let text = line.text();
    // The title is short: only its stretch of the line is searched.
    let at = text::head(rest, MAX_INLINE_TITLE * 4 + 4).find(INLINE_TITLE_ENDS)?;
    let title = &rest[..at];
    if title.chars().count() > MAX_INLINE_TITLE || !heading::is_heading_shaped(title) {
        return None;
    }
    let start = text.len() - rest.len();
    // Folding keeps offsets: the title's folded text is cut where it is.
    let folded = line.folded().get(start..start + at)?;
    let kind = heading::title_kind_folded(folded)?;
    let mark_len = rest[at..].chars().next().map_or(0, char::len_utf8);
    Some(Candidate {
        index,
        kind: Some(kind),
        style: Some(marker.style),
        in_toc: false,
        table: false,
        inline_title: Some(start + at + mark_len),
    })
}

/// A title as compared with the table of contents: its characters without
/// numbering and white space, its kind and its numbering style.
struct Title {
    chars: Vec<char>,
    kind: Option<SectionKind>,
    style: Option<MarkerStyle>,
}

impl Title {
    fn of(text: &str, folded: &str) -> Title {
        let marker = heading::split_marker(text);
        Title::new(
            marker.map_or(text, |(_, rest)| rest),
            heading::title_kind_folded(folded),
            marker.map(|(m, _)| m.style),
        )
    }

    /// Whether a line of this kind and numbering style may be this
    /// (listed) title: the same kind, and no other numbering style (a line
    /// numbered in another style is a subheading).
    fn admits(&self, kind: Option<SectionKind>, style: Option<MarkerStyle>) -> bool {
        self.kind == kind && (style.is_none() || style == self.style)
    }

    /// A title from its text after the numbering, its kind and its style.
    fn new(rest: &str, kind: Option<SectionKind>, style: Option<MarkerStyle>) -> Title {
        Title {
            chars: rest.chars().filter(|c| !c.is_whitespace()).collect(),
            kind,
            style,
        }
    }
}

/// Compares titles without numbering and white space; a heading may drop
/// or reword a little of its contents entry (数据统计分析汇总表 vs
/// 数据分析汇总表), so near matches of the same kind count; a line numbered
/// in another style than the entry is a subheading, not the entry.
fn same_title(listed: &Title, line: &Title) -> bool {
    let (a, b) = (listed.chars.len(), line.chars.len());
    if a == 0
        || b == 0
        || !listed.admits(line.kind, line.style)
        // The common part is at most the shorter title.
        || a.min(b) * 10 < a.max(b) * 8
    {
        return false;
    }
    lcs_len(&listed.chars, &line.chars) * 10 >= a.max(b) * 8
}

/// Length of the longest common subsequence; titles are short.
fn lcs_len(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &ca in a {
        let mut diagonal = 0;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// How many leading lines are title matter (report title, library name,
/// date): short heading-shaped lines before the first sentence.
fn front_matter_len(lines: Lines<'_>) -> usize {
    lines
        .iter()
        .take(8)
        .take_while(is_title_shaped)
        .take_while(|l| l.kind().is_none() && l.marker().is_none())
        .count()
        .min(lines.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn outline(text: &str) -> Vec<(SectionKind, u32, u32, String)> {
        let cleaned = clean(text);
        segment(&cleaned)
            .sections
            .into_iter()
            .map(|s| (s.kind, s.start_line, s.end_line, s.title))
            .collect()
    }

    #[test]
    fn wulong_sections_follow_the_contents() {
        use SectionKind::*;
        let got = outline(include_str!("../fixtures/wulong-2020.txt"));
        let kinds: Vec<_> = got.iter().map(|s| (s.0, s.1, s.2)).collect();
        assert_eq!(
            kinds,
            [
                (Summary, 14, 42),
                (Statistics, 44, 63),
                (Chronicle, 65, 187),
                (Plan, 189, 205)
            ]
        );
    }

    #[test]
    fn anju_chapters_hide_their_subheadings_but_the_plan() {
        use SectionKind::*;
        let got = outline(include_str!("../fixtures/anju-2020.txt"));
        let kinds: Vec<_> = got.iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(
            kinds,
            [
                (Summary, 23),
                (Plan, 25),
                (Summary, 68),
                (Chronicle, 176),
                (Organization, 233),
                (Funding, 278),
                (Statistics, 304)
            ]
        );
        assert_eq!(got[0].3, "第一章 2020 年安居区图书馆工作计划与总结");
    }

    #[test]
    fn a_part_of_no_kind_gives_its_known_subheadings_sections() {
        use SectionKind::*;
        let text = "青禾县图书馆2020年年报\n第一部分 部门概况\n一、主要职能\n提供借阅服务。\n二、机构设置及人员情况\n在职人员20人。\n三、其他事项\n无。\n第二部分 部门决算情况说明\n本年支出合计300万元。";
        let got: Vec<_> = outline(text).into_iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(
            got,
            [(Other, 2), (Organization, 5), (Other, 7), (Funding, 9)]
        );
    }

    #[test]
    fn contents_without_page_numbers_are_no_sections() {
        use SectionKind::*;
        let text = "青禾县图书馆2020年年报\n目录\n第一部分 工作总结\n第二部分 大事记\n第三部分 经费情况\n第一部分 工作总结\n全年接待读者12万人次。\n第二部分 大事记\n3月5日，开馆。\n第三部分 经费情况\n全年支出300万元。";
        let got: Vec<_> = outline(text).into_iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(
            got,
            [(Summary, 3), (Summary, 6), (Chronicle, 8), (Funding, 10)]
        );
    }

    #[test]
    fn an_appendix_of_figures_after_the_plan_is_statistics() {
        use SectionKind::*;
        let text = "青禾县图书馆2020年年报\n一、工作总结\n全年接待读者12万人次。\n二、2021年工作计划\n办好读书节。\n附：2020年主要业务数据\n1. 到馆人次：12.3万";
        let got: Vec<_> = outline(text).into_iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(got, [(Summary, 2), (Plan, 4), (Statistics, 6)]);
    }

    #[test]
    fn a_chapter_of_plan_and_summary_gives_its_plan_a_section() {
        use SectionKind::*;
        let text = "某某县图书馆2021年年报\n第一章 工作计划与总结\n一、2022年工作计划\n（一）办好读书节。\n（二）建成分馆。\n二、2021年工作总结\n今年开展活动 12 场。\n第二章 大事记\n3月5日，开馆。";
        let got: Vec<_> = outline(text).into_iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(got, [(Summary, 2), (Plan, 3), (Summary, 6), (Chronicle, 8)]);
    }

    #[test]
    fn report_without_headings_is_one_summary() {
        let got = outline(include_str!("../fixtures/yuancheng-2020.txt"));
        assert_eq!(
            got,
            [(
                SectionKind::Summary,
                7,
                65,
                "源城区图书馆 2020 年年报".to_owned()
            )]
        );
        // 一、重点工作 is the year's main work, a summary heading; the next
        // point of its numbering (二、取得成绩) opens a section too.
        let got = outline(include_str!("../fixtures/zhucheng-2020.txt"));
        let got: Vec<_> = got.iter().map(|s| (s.0, s.1, s.2)).collect();
        assert_eq!(
            got,
            [
                (SectionKind::Summary, 3, 3),
                (SectionKind::Summary, 5, 17),
                (SectionKind::Other, 18, 23)
            ]
        );
    }

    #[test]
    fn a_numbered_title_with_its_text_on_its_line() {
        use SectionKind::*;
        let text = "某某县图书馆2023年工作总结\n一、加强阵地服务。全年接待读者12万人次。\n二、2024年工作打算。2024年，我馆将重点做好以下工作：一是推进总分馆建设；二是办好读书月。\n";
        let got: Vec<_> = outline(text).into_iter().map(|s| (s.0, s.1, s.3)).collect();
        assert_eq!(
            got,
            [
                (Summary, 1, "某某县图书馆2023年工作总结".to_owned()),
                (Plan, 3, "二、2024年工作打算。".to_owned())
            ]
        );
        let cleaned = clean(text);
        let outline = segment(&cleaned);
        let plan = &outline.sections[1];
        let items: Vec<_> =
            crate::plan::parse_plan_after(plan.lines, plan.inline_title.unwrap_or(0))
                .into_iter()
                .map(|item| item.text)
                .collect();
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(items[0].contains("推进总分馆建设"), "{items:?}");
    }

    #[test]
    fn numbered_top_level_headings_without_chapters() {
        use SectionKind::*;
        let text = "某某县图书馆2021年年报\n一、工作总结\n今年开展活动 12 场。\n（一）工作计划\n子标题下的内容。\n二、大事记\n3月5日，开馆。\n三、2022年工作思路\n继续努力。\n四、其他事项\n无。";
        let got: Vec<_> = outline(text).into_iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(got, [(Summary, 2), (Chronicle, 6), (Plan, 8), (Other, 10)]);
    }

    #[test]
    fn near_titles_match_contents_entries() {
        let same = |a: &str, b: &str| {
            same_title(
                &Title::of(a, &crate::script::fold(a)),
                &Title::of(b, &crate::script::fold(b)),
            )
        };
        assert!(same(
            "二、2020 年数据统计分析汇总表",
            "2020 年数据分析汇总表"
        ));
        assert!(!same("三、2020 年大事记", "2020 年数据分析汇总表"));
        assert!(!same("第一章 2020年工作计划与总结", "二、2020 年工作总结"));
    }
}
