//! The pipeline: one file's bytes through every stage to its record.
//!
//! `read` turns bytes into text, `clean` into lines, `segment` into
//! sections; `identity` decides the report's year and library once; each
//! section's extractors then fill the [`LibraryReport`], and the metrics'
//! mentions are resolved into one value per key.

use encoding_rs::Encoding;

use crate::contract::report::{
    DoubtReason, FailedFile, LibraryReport, Record, SectionInfo, SectionKind, Warning,
};
use crate::error::{Error, NotAReport};
use crate::tables::library::LIBRARY_WORD;
use crate::{
    chronicle, clean, fold, hygiene, identity, metrics, plan, read, region, segment, stat_table,
    text, title,
};

/// How to read inputs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Decode every input with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
    /// When scans are read by OCR (`--ocr`).
    pub ocr: read::ocr::OcrMode,
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
        error_zh: err.zh(),
    })
}

/// Runs the pipeline, returning the error instead of a failed record. The
/// reader follows the file's extension (`read::format_of_path`).
pub fn extract_report(file: &str, bytes: &[u8], options: &Options) -> Result<LibraryReport, Error> {
    extract_report_then(file, bytes, options, |_| ()).map(|(report, ())| report)
}

/// The record of one file's bytes together with the cleaned lines it was
/// read from (number and text), as the audit page shows them: the page
/// renders from the pipeline's own output, never decoding a second time.
/// The lines are empty for a file that yields no report.
pub fn extract_with_lines(
    file: &str,
    bytes: &[u8],
    options: &Options,
) -> (Record, Vec<(u32, String)>) {
    let (record, lines, _) = extract_with_lines_upto(file, bytes, options, usize::MAX, usize::MAX);
    (record, lines)
}

/// [`extract_with_lines`], keeping the first lines only, at most
/// `max_lines` and `max_bytes` of their text (the audit page shows no
/// more: a page of every line of a huge file would take many times its
/// memory), and how many lines were left out.
pub fn extract_with_lines_upto(
    file: &str,
    bytes: &[u8],
    options: &Options,
    max_lines: usize,
    max_bytes: usize,
) -> (Record, Vec<(u32, String)>, usize) {
    let owned = |cleaned: &clean::Cleaned<'_>| {
        let all = cleaned.lines();
        let mut kept = Vec::new();
        let mut size = 0usize;
        for line in all.iter() {
            size = size.saturating_add(line.text().len() + 1);
            if size > max_bytes || kept.len() >= max_lines {
                break;
            }
            kept.push((line.no(), line.text().to_owned()));
        }
        let left_out = all.len() - kept.len();
        (kept, left_out)
    };
    match extract_report_then(file, bytes, options, owned) {
        Ok((report, (lines, left_out))) => (Record::Report(Box::new(report)), lines, left_out),
        Err(err) => (failed(file, &err), Vec::new(), 0),
    }
}

/// [`extract_report`], handing the cleaned lines to `keep` on the way.
fn extract_report_then<R>(
    file: &str,
    bytes: &[u8],
    options: &Options,
    keep: impl FnOnce(&clean::Cleaned<'_>) -> R,
) -> Result<(LibraryReport, R), Error> {
    let read = read::read(file, bytes, options)?;
    let (mut report, kept) = extract_text_then(&read.text, read.published, keep)?;
    report.file = file.to_owned();
    report.encoding = read.encoding.to_owned();
    report.format = read.format;
    if read.format == read::Format::Ocr {
        let unsure = read.unsure.into_iter().map(|u| Warning::OcrUnsure {
            text: u.text,
            line: u.line,
            confidence: u.confidence,
        });
        report
            .warnings
            .splice(0..0, std::iter::once(Warning::OcrText).chain(unsure));
    }
    if read.damaged {
        report.warnings.insert(0, Warning::DamagedFile);
    }
    if read.replaced > 0 {
        report.warnings.insert(
            0,
            Warning::LossyDecoding {
                replaced: read.replaced,
            },
        );
    }
    Ok((report, kept))
}

/// Runs the stages after decoding; `file` and `encoding` are left empty.
pub fn extract_text(text: &str) -> Result<LibraryReport, Error> {
    extract_text_then(text, read::publication_stamp(text), |_| ()).map(|(report, ())| report)
}

/// [`extract_text`], handing the cleaned lines to `keep` on the way.
/// `published` is the page's publication stamp as its reader saw it.
fn extract_text_then<R>(
    text: &str,
    published: Option<(i32, u32)>,
    keep: impl FnOnce(&clean::Cleaned<'_>) -> R,
) -> Result<(LibraryReport, R), Error> {
    // Invisible characters inside figures are dropped before anything is
    // read (the page of `view` reads the same text).
    let text = &*hygiene::drop_invisible(text);
    // Cleaned lines are spans with 32-bit offsets.
    if u32::try_from(text.len()).is_err() {
        return Err(Error::NotAReport(NotAReport::TooLong));
    }
    let cleaned = clean::clean(text);
    if let Err(err) = check_is_report(text, cleaned.folded_source()) {
        // A mirror page glossed in pinyin without tone marks (圖(tu)書館)
        // names its library once the glosses are cut: read it so (every
        // gloss lies inside a line, so line numbers stay).
        return match text::without_toneless_glosses(text) {
            Some(unglossed) if holds_library_word(&fold::fold(&unglossed)) => {
                extract_text_then(&unglossed, published, keep)
            }
            _ => Err(err),
        };
    }
    let kept = keep(&cleaned);
    let mut outline = segment::segment(&cleaned);
    let mut warnings = Vec::new();
    // The report's identity, decided once: the stages read it from here.
    let identity = identity::decide(&cleaned, &outline, text, published);
    warnings.extend(identity.warnings.iter().cloned());
    let year = identity.year;
    // The name folded comes with it, cut from the folded line: the record
    // prints it, and the stages compare folded words with it.
    let (library, library_simplified) = identity
        .library
        .map(|name| (name.text, name.folded))
        .unzip();
    if let Some(year) = year {
        outline.plans_by_year(year);
    }
    warnings.extend(outline.warnings.iter().cloned());
    let forms = metrics::FormProbe::new(cleaned.folded_source());
    let context = metrics::Context {
        library: library
            .as_deref()
            .zip(library_simplified.as_deref())
            .map(|(text, folded)| clean::Cell { text, folded }),
        year,
        news_of_next_year: year
            .is_some_and(|year| title::news_of_next_year(cleaned.folded_source(), year)),
        one_month: identity.one_month_title,
        forms: Some(&forms),
    };
    let mut report = LibraryReport {
        year,
        year_source: identity.year_source,
        library_source: identity.library_source,
        ..LibraryReport::default()
    };
    for section in &outline.sections {
        report.sections.push(SectionInfo {
            kind: section.kind,
            title: section.title.clone(),
            start_line: section.start_line,
            end_line: section.end_line,
        });
        extract_section(section, &context, &mut report, &mut warnings);
    }
    // A chronicle's figures stand in only for keys no other section gives.
    let elsewhere: Vec<_> = report
        .mentions
        .iter()
        .filter(|m| m.section != SectionKind::Chronicle)
        .map(|m| m.key)
        .collect();
    report
        .mentions
        .retain(|m| m.section != SectionKind::Chronicle || !elsewhere.contains(&m.key));
    // A title naming part of the year ((6月), 上半年) gives no count of
    // the year's: each is left out, with a warning that says so. What the
    // library has (floor area, seats, staff) is not counted over a time.
    if identity.part_of_year.is_some() {
        let (kept, counts): (Vec<_>, Vec<_>) = std::mem::take(&mut report.mentions)
            .into_iter()
            .partition(|m| crate::tables::metrics::STOCK_KEYS.contains(&m.key));
        report.mentions = kept;
        for m in counts {
            warnings.push(Warning::DoubtfulFigure {
                key: m.key,
                text: m.text,
                line: m.line,
                reason: DoubtReason::PartOfYear,
            });
        }
    }
    // Table and prose figures of a section were read in two passes.
    report.mentions.sort_by_key(|m| m.line);
    report.metrics = metrics::resolve(&report.mentions, &mut warnings);
    // The region is read once per record, from the name (and, for a name
    // that fits several divisions, the text).
    if let Some((name, written)) = library_simplified.as_deref().zip(library.as_deref()) {
        let (region, warning) = region::locate(name, written, text, year);
        report.province = region.province;
        report.prefecture = region.prefecture;
        report.county = region.county;
        report.division_code = region.division_code;
        warnings.extend(warning);
    }
    report.library_simplified = library_simplified;
    report.library = library;
    report.warnings = warnings;
    Ok((report, kept))
}

/// Runs the extractors a section's kind calls for.
fn extract_section(
    section: &segment::Section<'_>,
    context: &metrics::Context<'_>,
    report: &mut LibraryReport,
    warnings: &mut Vec<Warning>,
) {
    match section.kind {
        SectionKind::Chronicle => {
            // A chronicle titled with its year (2020 年大事记) says best
            // which year its day-only dates fall in.
            let year = section.title_year().or(context.year);
            let chronicle::Chronicle { entries, notes } = chronicle::parse_chronicle(
                section.lines,
                year,
                context.library.map(|name| name.folded),
                warnings,
            );
            // 十二月 … 全年接待读者38.6万人次: the lines of a chronicle's
            // December that speak of the whole year hold the year's
            // figures, read where no other section gives them (see
            // `extract_text`). Earlier, 全年 plans the year and 截至6月底
            // counts part of it. The note over the chronicle (编者按：…全年
            // 接待读者42.75万人次) sums the year up too.
            let december = entries
                .iter()
                .find(|e| e.date.is_some_and(|d| d.month == 12))
                .map_or(u32::MAX, |e| e.line);
            report.chronicle.extend(entries);
            let year_end = (section.lines.iter().enumerate())
                .filter(|(_, l)| l.no() >= december || notes.contains(&l.no()))
                .filter(|(_, l)| metrics::counts_the_year(l.folded()));
            for (at, _) in year_end {
                let line = section.lines.slice(at..at + 1);
                let found = metrics::prose_mentions(line, section.kind, context, warnings);
                report.mentions.extend(found);
            }
        }
        SectionKind::Plan => report.plan.extend(plan::parse_plan_after(
            section.lines,
            section.inline_title.unwrap_or(0),
        )),
        kind => {
            let key_value_lines = kind == SectionKind::Statistics;
            let rows =
                stat_table::parse_tables(section.lines, context.year, key_value_lines, warnings);
            let from_tables =
                metrics::table_mentions(&rows, section.lines, kind, context, warnings);
            let mut from_prose = metrics::prose_mentions(section.lines, kind, context, warnings);
            // A `名称：值` line read as a row is not read twice. (A set: a
            // section of thousands of such lines made this quadratic.)
            let read: std::collections::HashSet<_> =
                from_tables.iter().map(|t| (t.line, t.key)).collect();
            from_prose.retain(|p| !read.contains(&(p.line, p.key)));
            report.mentions.extend(from_tables);
            report.mentions.extend(from_prose);
            report.statistics.extend(rows);
        }
    }
}

/// Refuses texts that cannot be a library's report, so a README or a log
/// file in a folder of reports fails loudly instead of yielding an empty
/// record.
fn check_is_report(text: &str, folded: &str) -> Result<(), Error> {
    let han = text.chars().filter(|&c| fold::is_han(c)).take(20).count();
    if han < 20 {
        // A few lines of Chinese are too short to be a report; a text of
        // another script holds no Chinese to speak of.
        let letters = text.chars().filter(|c| c.is_alphabetic()).take(40).count();
        return Err(Error::NotAReport(if han * 2 >= letters && han > 0 {
            NotAReport::TooShort
        } else {
            NotAReport::NoChinese
        }));
    }
    // a glossed 圖書(shū)館 names one too (asked only when nothing else did)
    let glossed = || crate::text::without_glosses(folded).is_some_and(|t| holds_library_word(&t));
    if !names_a_library(text, folded) && !glossed() {
        return Err(Error::NotAReport(NotAReport::NoLibrary));
    }
    Ok(())
}

/// Whether 图书馆 (`tables::library::LIBRARY_WORD`, in either script)
/// occurs, with white space allowed between its characters: a hard-wrapped
/// export may break the word across lines. The text as written is tried
/// first, then the document as `clean` folded it (`folded`).
fn names_a_library(text: &str, folded: &str) -> bool {
    holds_library_word(text) || holds_library_word(folded)
}

fn holds_library_word(text: &str) -> bool {
    let mut word = LIBRARY_WORD.chars();
    let Some(first) = word.next() else {
        return false;
    };
    text.match_indices(first).any(|(at, found)| {
        let mut rest = &text[at + found.len()..];
        word.clone().all(
            |c| match rest.trim_start_matches(text::is_ws).strip_prefix(c) {
                Some(after) => {
                    rest = after;
                    true
                }
                None => false,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::metric_key::MetricKey;

    #[test]
    fn short_chinese_is_too_short_not_foreign() {
        let short = check_is_report("某县图书馆年报。馆藏五万册。", "");
        assert!(matches!(
            short,
            Err(Error::NotAReport(NotAReport::TooShort))
        ));
        let foreign = check_is_report("This is an English README about a library.", "");
        assert!(matches!(
            foreign,
            Err(Error::NotAReport(NotAReport::NoChinese))
        ));
    }

    #[test]
    fn a_chronicle_gives_the_year_figures_no_other_section_gives() {
        let value = |report: &LibraryReport, key: MetricKey| {
            report.metrics.get(&key).map(|m| m.value.to_string())
        };
        let chronicle = "青禾县图书馆2020年大事记\n三月\n5日，举办读书会，接待读者300人次。\n六月\n30日，截至6月底累计接待读者5.1万人次。\n十二月\n28日，完成年度统计：全年接待读者12.5万人次，外借图书8.6万册次。\n";
        let report = extract_text(chronicle).expect("a report");
        assert_eq!(value(&report, MetricKey::Visits).as_deref(), Some("125000"));
        assert_eq!(value(&report, MetricKey::Loans).as_deref(), Some("86000"));
        let with_summary = format!(
            "青禾县图书馆2020年年报\n一、工作总结\n全年接待读者12.4万人次。\n二、大事记\n{}",
            chronicle.split_once('\n').map_or("", |(_, rest)| rest)
        );
        let report = extract_text(&with_summary).expect("a report");
        assert_eq!(value(&report, MetricKey::Visits).as_deref(), Some("124000"));
        assert_eq!(value(&report, MetricKey::Loans).as_deref(), Some("86000"));
    }

    #[test]
    fn a_sentence_opening_with_another_library_is_its_figure() {
        let text = "临澜市图书馆2020年年报\n一、工作总结\n全年接待读者12万人次。临河县图书馆新馆建筑面积1.1万平方米。\n临澜市图书馆阅览座位1200个。\n";
        let report = extract_text(text).expect("a report");
        assert!(!report.metrics.contains_key(&MetricKey::FloorAreaM2));
        assert!(report.metrics.contains_key(&MetricKey::Visits));
        assert!(report.metrics.contains_key(&MetricKey::Seats));
        // a time word before the level is no other library's name
        let text = "临澜县图书馆2020年年报\n一、工作总结\n全年接待读者12万人次。年内县图书馆新增图书1.2万册。\n";
        let report = extract_text(text).expect("a report");
        assert!(report.metrics.contains_key(&MetricKey::CollectionNew));
    }

    #[test]
    fn a_glossed_library_word_names_a_library() {
        let text = "某縣圖書(shū)館二〇二三年年度報告，全年借閱(yuè)量達(dá)3256871冊(cè)，辦理讀者證一千張。";
        let report = extract_text(text).expect("a report");
        assert!(report.library.is_some_and(|l| l.contains("圖書館")));
    }

    #[test]
    fn a_library_is_named_even_across_a_wrap() {
        for text in [
            "武隆区图书馆",
            "圖書館",
            "图 书\u{3000}馆",
            "图图书馆",
            "图书书馆 图书馆",
        ] {
            assert!(names_a_library(text, &fold::fold(text)), "{text}");
        }
        for text in ["图书", "书馆", "图书\n馆", "图书室", "", "图x书馆"] {
            assert!(!names_a_library(text, &fold::fold(text)), "{text}");
        }
    }

    #[test]
    fn a_page_glossed_in_toneless_pinyin_is_read_without_its_glosses() {
        let text = "青(qing)禾(he)縣(xian)圖(tu)書館成立於1979年，館舍面積1106平方米，工(gong)作人(ren)員(yuan)9人。2011年總流(liu)通8萬人次，書刊外借2萬冊次。";
        let report = extract_text(text).expect("read with its glosses cut");
        assert_eq!(report.library.as_deref(), Some("青禾縣圖書館"));
        // A few letters in parentheses are no glosses: the text still fails.
        let few = "青禾县(a)文化馆(b)的工作总结，全年开展活动二十场，接待群众三万人次。";
        assert!(extract_text(few).is_err());
    }

    #[test]
    fn a_part_of_the_year_title_leaves_out_its_counts_with_a_warning() {
        let text = "青禾县图书馆2023年上半年工作总结\n\n一、基本情况\n本馆建筑面积8600平方米。上半年，我馆共接待读者14.2万人次，外借图书9.35万册次。\n";
        let report = extract_text(text).expect("a report");
        assert!(report.metrics.contains_key(&MetricKey::FloorAreaM2));
        assert!(!report.metrics.contains_key(&MetricKey::Visits));
        assert!(!report.metrics.contains_key(&MetricKey::Loans));
        assert!(report.warnings.iter().any(|w| matches!(
            w,
            Warning::DoubtfulFigure {
                key: MetricKey::Loans,
                reason: DoubtReason::PartOfYear,
                ..
            }
        )));
    }
}
