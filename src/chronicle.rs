//! Chronicle section → [`ChronicleEntry`]s, one per event.
//!
//! Two layouts are common: month headings (一月, 十二月) followed by
//! day-only entries (14 日至 15 日，…), and numbered entries with full
//! dates (1.1 月 13 日—1 月 17 日…). An entry's date comes from the date
//! engine with the report year and the current month as context; its text
//! is what follows the date. A line without a date under a month heading
//! is an event of that month (month precision); without a month heading it
//! continues the entry before it.

use crate::clean::Lines;
use crate::date::{self, DateContext};
use crate::heading;
use crate::report::{ChronicleEntry, Warning};
use crate::tables::dates::{
    CHRONICLE_NOTE_LABELS, LEAD_CLAUSE_CHARS, SIGNATURE_OFFICES, YMD_SEPARATORS,
};
use crate::tables::enumeration::BULLETS;
use crate::tables::punctuation::{DAY_RANGE_SEPARATORS, ENTRY_LEADS};
use crate::text::is_ws;

/// What a chronicle section holds: its events, and the lines of the note
/// that opens it (编者按：…), whose whole-year figures are the year's.
#[derive(Debug, Default)]
pub struct Chronicle {
    /// One entry per event, in the order written.
    pub entries: Vec<ChronicleEntry>,
    /// The line numbers of the opening note, which is no event.
    pub notes: Vec<u32>,
}

/// The entries of a chronicle section. `year` is the year the chronicle
/// covers (from its title or the report); `library` the report's library,
/// whose name on a line (perhaps with its office: 某馆办公室) signs the
/// chronicle off and ends it.
pub fn parse_chronicle(
    lines: Lines<'_>,
    year: Option<i32>,
    library: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Chronicle {
    let mut chronicle = Chronicle::default();
    let entries = &mut chronicle.entries;
    let mut month_heading: Option<u8> = None;
    let mut month_from_entries: Option<u8> = None;
    let mut last_number = 0;
    // A chronicle in traditional script counts its years in the 民國 era
    // (112年1月15日); asked once, and only of an undated line.
    let mut traditional: Option<bool> = None;
    for line in lines.iter() {
        let whole = line.text();
        let whole_folded = line.folded();
        // A bullet (▲6日) only marks the entry.
        let mut text = whole.trim_start_matches(BULLETS).trim_start();
        // Folding keeps offsets: the folded text is cut where `text` is.
        let mut folded = whole_folded.get(whole.len() - text.len()..).unwrap_or(text);
        // The line model's month heading (`Shape::MonthHeading`), asked
        // alone: the rest of the shape is not needed here.
        if let Some(month) = line.month_heading() {
            month_heading = Some(month);
            continue;
        }
        // 十一月 11月9日，…: the heading and the month's first entry on one line.
        if let Some((month, at)) = heading_before_entry(folded, year) {
            month_heading = Some(month);
            text = text.get(at..).unwrap_or(text);
            folded = folded.get(at..).unwrap_or(text);
        }
        // The marker clean read is the line's; after a bullet it is read here.
        let marker = if text.len() == whole.len() {
            line.marker()
        } else {
            heading::split_marker(text)
        };
        let (numbered, rest) = match split_entry_number(marker, text, last_number) {
            Some((number, rest)) => {
                last_number = number;
                (true, rest)
            }
            None => (false, text),
        };
        let folded_rest = folded.get(text.len() - rest.len()..).unwrap_or(rest);
        let context = year.map(|year| DateContext {
            year,
            month: month_heading.or(month_from_entries),
        });
        // 同月，开展…: the month (or 同日, the day) of the entry before.
        let last_date = entries.last().and_then(|e: &ChronicleEntry| e.date);
        if let Some(date) = last_date.and_then(|last| same_as_last(folded_rest, last)) {
            entries.push(ChronicleEntry {
                date: Some(date),
                end: None,
                text: entry_text(rest).to_owned(),
                line: line.no(),
            });
            continue;
        }
        // Folding keeps offsets, so `consumed` holds in `rest`.
        let found = context.and_then(|context| {
            date::parse_prefix(folded_rest, &context)
                .or_else(|| {
                    let traditional = *traditional
                        .get_or_insert_with(|| lines.iter().any(|l| l.folded() != l.text()));
                    traditional
                        .then(|| date::parse_minguo_prefix(folded_rest, &context))
                        .flatten()
                })
                .map(|(span, consumed)| (span, entry_text(&rest[consumed..])))
                .or_else(|| {
                    // 113日 under 一月: a source that lost its 月 (1月13日).
                    let (fixed, at) = with_lost_month_mark(folded_rest, month_heading)?;
                    date::parse_prefix(&fixed, &context)
                        .filter(|&(_, consumed)| consumed > at)
                        .map(|(span, consumed)| {
                            let consumed = consumed - MONTH_MARK.len();
                            (span, entry_text(rest.get(consumed..).unwrap_or(rest)))
                        })
                })
                .or_else(|| {
                    // 受寒潮影响，1月26日起暂停…: the date after a short
                    // opening clause is the entry's; the clause stays in
                    // the text, which the date is part of.
                    (!numbered)
                        .then(|| date_after_lead_clause(folded_rest, &context, month_heading))
                        .flatten()
                        .map(|span| (span, entry_text(rest)))
                })
        });
        match found {
            Some((span, entry)) => {
                if month_heading.is_none() {
                    month_from_entries = Some(span.start.month);
                }
                entries.push(ChronicleEntry {
                    date: Some(span.start),
                    end: span.end,
                    text: entry.to_owned(),
                    line: line.no(),
                });
            }
            // 新罗区图书馆 / 2022年1月 closing the last month: a signature,
            // and the end of the chronicle.
            None if !numbered && signs_off(folded_rest, library) => break,
            // 编者按：本大事记按时间顺序记录…: the editor's, before any event.
            None if entries.is_empty() && month_heading.is_none() && is_note(folded_rest) => {
                chronicle.notes.push(line.no());
            }
            None if month_heading.is_some()
                || numbered
                || entries.is_empty()
                || starts_like_full_date(folded_rest) =>
            {
                let date =
                    year.zip(month_heading)
                        .map(|(year, month)| crate::report::PartialDate {
                            year,
                            month,
                            day: None,
                        });
                if date.is_none() || looks_dated(rest) {
                    warnings.push(Warning::UnreadableDate {
                        text: first_chars(rest, 20),
                        line: line.no(),
                    });
                }
                entries.push(ChronicleEntry {
                    date,
                    end: None,
                    text: entry_text(rest).to_owned(),
                    line: line.no(),
                });
            }
            None => {
                if let Some(previous) = entries.last_mut() {
                    previous.text.push_str(rest);
                }
            }
        }
    }
    chronicle
}

/// A month heading written before the month's first entry on its line
/// (十一月 11月9日，…): the month, and where the entry starts. Only when
/// the entry's own date falls in that month, so that 5月 完成… (an entry
/// dated by its month) stays an entry.
fn heading_before_entry(folded: &str, year: Option<i32>) -> Option<(u8, usize)> {
    let gap = folded.find(is_ws)?;
    let month = date::parse_month_heading(folded.get(..gap)?)?;
    let at = gap + folded.get(gap..)?.len() - folded.get(gap..)?.trim_start_matches(is_ws).len();
    let context = DateContext {
        year: year?,
        month: Some(month),
    };
    let (span, _) = date::parse_prefix(folded.get(at..)?, &context)?;
    (span.start.month == month).then_some((month, at))
}

/// The date right after a short opening clause (受寒潮影响，1月26日起…),
/// when it falls in the month of the heading above it, if any. A clause
/// with a figure of its own, or a longer one, is the event, and a date
/// further in is not the entry's.
fn date_after_lead_clause(
    folded: &str,
    context: &DateContext,
    month_heading: Option<u8>,
) -> Option<date::DateSpan> {
    let (at, comma) = folded
        .char_indices()
        .take(LEAD_CLAUSE_CHARS + 1)
        .find(|&(_, c)| LEAD_CLAUSE_ENDS.contains(&c))?;
    let clause = folded.get(..at)?;
    if clause.trim().is_empty() || clause.chars().any(|c| c.is_numeric()) {
        return None;
    }
    let (span, _) = date::parse_prefix(folded.get(at + comma.len_utf8()..)?, context)?;
    month_heading
        .is_none_or(|month| span.start.month == month)
        .then_some(span)
}

/// What ends the opening clause before an entry's date.
const LEAD_CLAUSE_ENDS: &[char] = &['，', ','];

/// Whether a line opens with an editor's note label and a colon (编者按：).
fn is_note(folded: &str) -> bool {
    let text = folded.trim_start();
    CHRONICLE_NOTE_LABELS.iter().any(|label| {
        text.strip_prefix(label)
            .is_some_and(|rest| rest.trim_start().starts_with(['：', ':']))
    })
}

/// Whether a line starts with a year and a month in figures (112.03.04,
/// 112年1月) the engine could not read: still the start of an entry, not
/// the text of the one before.
fn starts_like_full_date(folded: &str) -> bool {
    /// One to four ASCII digits, and what follows them.
    fn number(s: &str) -> Option<&str> {
        let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
        (1..=4).contains(&(s.len() - rest.len())).then_some(rest)
    }
    let Some(rest) = number(folded.trim_start()) else {
        return false;
    };
    let Some(sep) = rest.chars().next() else {
        return false;
    };
    (sep == '年' || YMD_SEPARATORS.contains(&sep))
        && rest
            .get(sep.len_utf8()..)
            .and_then(number)
            .is_some_and(|after| after.starts_with(['月']) || after.starts_with(sep))
}

/// Whether a line is the library's name (新罗区图书馆 for 龙岩市新罗区
/// 图书馆), perhaps with the office that compiled the chronicle (白鹭湾市
/// 图书馆办公室): the signature under a chronicle, not an event. Both folded.
fn signs_off(folded: &str, library: Option<&str>) -> bool {
    let Some(library) = library else {
        return false;
    };
    let text = without_closing_date(folded.trim());
    let name = SIGNATURE_OFFICES
        .iter()
        .filter_map(|office| text.strip_suffix(office))
        .chain([text])
        .find(|name| name.chars().count() >= 3 && library.ends_with(name));
    name.is_some()
}

/// A signature without the date written after it on its line (某馆办公室
/// 2023年1月): the text before the last white space when a date is all
/// that follows it.
fn without_closing_date(text: &str) -> &str {
    let Some((name, tail)) = text.rsplit_once(is_ws) else {
        return text;
    };
    // Any year does: the date is only recognised, never kept.
    let context = DateContext {
        year: 2000,
        month: None,
    };
    let tail = tail.trim();
    match date::parse_prefix(tail, &context) {
        Some((_, len)) if len == tail.len() => name.trim_end(),
        _ => text,
    }
}

/// The entry number of `1.1 月 13 日…` (point 1), when it runs in sequence.
fn split_entry_number<'a>(
    marker: Option<(heading::Marker, &'a str)>,
    text: &'a str,
    last_number: u32,
) -> Option<(u32, &'a str)> {
    let (marker, rest) = marker.or_else(|| {
        heading::split_marker_loose(text).filter(|(m, _)| m.number == last_number + 1)
    })?;
    Some((marker.number, rest))
}

/// A line that starts like a date the engine refused (9 月 27-31 日: there
/// is no 31 September), so the entry got only its month.
///
/// A scan with the meaning of the regex
/// `^[0-9]{1,2}WS*(?:[-—–~～至到]WS*[0-9]{1,2}WS*)?[日号]` (tested against it),
/// since it runs on every undated entry.
fn looks_dated(text: &str) -> bool {
    /// One or two digits, then white space; None when the digits are not.
    fn day(s: &str) -> Option<&str> {
        let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
        (1..=2)
            .contains(&(s.len() - rest.len()))
            .then(|| rest.trim_start_matches(is_ws))
    }
    let Some(rest) = day(text) else {
        return false;
    };
    let rest = rest
        .strip_prefix(DAY_RANGE_SEPARATORS)
        .and_then(|after| day(after.trim_start_matches(is_ws)))
        .unwrap_or(rest);
    rest.starts_with(['日', '号'])
}

fn entry_text(rest: &str) -> &str {
    rest.trim_start_matches(|c: char| c.is_whitespace() || ENTRY_LEADS.contains(&c))
        .trim_end()
}

fn first_chars(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

/// The date an entry that opens with 同月 or 同日 takes from the entry
/// before it: its month, or its day.
fn same_as_last(
    folded: &str,
    last: crate::report::PartialDate,
) -> Option<crate::report::PartialDate> {
    use crate::tables::dates::{SAME_DAY_WORDS, SAME_MONTH_WORDS};
    let text = folded.trim_start();
    if SAME_DAY_WORDS.iter().any(|w| text.starts_with(w)) {
        return Some(last);
    }
    SAME_MONTH_WORDS
        .iter()
        .any(|w| text.starts_with(w))
        .then_some(crate::report::PartialDate { day: None, ..last })
}

/// The month mark a source may lose (1月13日 printed as 113日).
const MONTH_MARK: &str = "月";

/// `text` with the month mark put back where a source lost it: under the
/// month heading `month`, a day of three or four digits that starts with
/// the month and ends with a day (113日 under 一月 is 1月13日; 210-17日
/// under 二月 is 2月10-17日). A number that is a day itself (29日) is left
/// as it is. Returns the mended text and where the mark went.
fn with_lost_month_mark(text: &str, month: Option<u8>) -> Option<(String, usize)> {
    let month = month?.to_string();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let number: u32 = text.get(..digits)?.parse().ok()?;
    let after = text[digits..].chars().next()?;
    let day: u32 = text.get(month.len()..digits)?.parse().ok()?;
    let mended = number > 31
        && text.starts_with(&month)
        && (1..=31).contains(&day)
        && matches!(after, '日' | '-' | '—' | '－' | '~' | '～' | '至');
    mended.then(|| {
        let at = month.len();
        (format!("{}{MONTH_MARK}{}", &text[..at], &text[at..]), at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::report::SectionKind;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn dated_starts_as_the_regex_finds_them(
            line in proptest::collection::vec(
                prop::sample::select(vec!["1", "2", "3", " ", "\u{3000}", "-", "～", "至", "日", "号", "月", "a"]),
                0..10,
            )
        ) {
            let line: String = line.concat();
            let day_like = regex_lite::Regex::new(
                r"^[0-9]{1,2}[\t \u{3000}\u{a0}]*(?:[-—–~～至到][\t \u{3000}\u{a0}]*[0-9]{1,2}[\t \u{3000}\u{a0}]*)?[日号]",
            )
            .expect("regex");
            prop_assert_eq!(looks_dated(&line), day_like.is_match(&line));
        }
    }
    use crate::segment::segment;

    fn chronicle(text: &str) -> Vec<(Option<String>, Option<String>, String, u32)> {
        let cleaned = clean(text);
        let outline = segment(&cleaned);
        let section = outline
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Chronicle)
            .expect("a chronicle");
        let mut warnings = Vec::new();
        parse_chronicle(
            section.lines,
            Some(2020),
            Some("青禾县图书馆"),
            &mut warnings,
        )
        .entries
        .into_iter()
        .map(|e| {
            (
                e.date.map(|d| d.to_string()),
                e.end.map(|d| d.to_string()),
                e.text,
                e.line,
            )
        })
        .collect()
    }

    fn entry(
        date: &str,
        end: Option<&str>,
        text: &str,
        line: u32,
    ) -> (Option<String>, Option<String>, String, u32) {
        (
            Some(date.to_owned()),
            end.map(str::to_owned),
            text.to_owned(),
            line,
        )
    }

    #[test]
    fn month_headings_with_day_entries() {
        let text = "某县图书馆2020年年报\n2020 年大事记\n一月\n14 日至 15 日，参加活动。\n16 日，自助图书馆开馆。\n三月\n在“3·5”学雷锋日期间，开展志愿服务。\n27-31 日，送图书进基层。\n七月\n7 月 20 日至 8 月 14 日在仙女山开设课堂。";
        assert_eq!(
            chronicle(text),
            [
                entry("2020-01-14", Some("2020-01-15"), "参加活动。", 4),
                entry("2020-01-16", None, "自助图书馆开馆。", 5),
                entry("2020-03", None, "在“3·5”学雷锋日期间，开展志愿服务。", 7),
                entry("2020-03-27", Some("2020-03-31"), "送图书进基层。", 8),
                entry("2020-07-20", Some("2020-08-14"), "在仙女山开设课堂。", 10),
            ]
        );
    }

    #[test]
    fn the_same_month_or_day_as_the_entry_before() {
        let text = "青禾县图书馆2020年大事记\n一月\n3月5日副县长一行到馆调研\n同月，开展学雷锋志愿服务活动。\n同日，召开座谈会。";
        assert_eq!(
            chronicle(text),
            [
                entry("2020-03-05", None, "副县长一行到馆调研", 3),
                entry("2020-03", None, "同月，开展学雷锋志愿服务活动。", 4),
                entry("2020-03", None, "同日，召开座谈会。", 5),
            ]
        );
    }

    #[test]
    fn a_day_that_lost_its_month_mark_under_a_month_heading() {
        let text = "青禾市图书馆2020年大事记\n一月\n113日，检查安全生产工作。\n二月\n29日，来馆慰问。\n210-17日，春节期间坚持开馆。";
        assert_eq!(
            chronicle(text),
            [
                entry("2020-01-13", None, "检查安全生产工作。", 3),
                entry("2020-02-29", None, "来馆慰问。", 5),
                entry("2020-02-10", Some("2020-02-17"), "春节期间坚持开馆。", 6),
            ]
        );
    }

    #[test]
    fn a_bullet_before_the_day_only_marks_the_entry() {
        let text = "青禾县图书馆2020年年报\n2020 年大事记\n三月\n▲6日，召开工作会议。\n● 26日至28日，举办书展。";
        assert_eq!(
            chronicle(text),
            [
                entry("2020-03-06", None, "召开工作会议。", 4),
                entry("2020-03-26", Some("2020-03-28"), "举办书展。", 5),
            ]
        );
    }

    #[test]
    fn the_library_signing_off_is_no_event() {
        let text = "青禾县图书馆2020年年报\n2020 年大事记\n十二月\n8 日，开展年终盘点。\n新建城东分馆\n青禾县图书馆\n2021年1月";
        assert_eq!(
            chronicle(text),
            [
                entry("2020-12-08", None, "开展年终盘点。", 4),
                entry("2020-12", None, "新建城东分馆", 5),
            ]
        );
    }

    #[test]
    fn numbered_entries_with_full_dates_and_continuations() {
        let text = "某区图书馆2020年年报\n第二章 2020 年大事记\n1.1 月 13 日—1 月 17 日开展了诵读活动。\n2.5 月，开展科普宣传周活动。\n3.7 月 22 日，地志办捐赠丛书 300 余册。\n此次赠书弥补了缺口。\n4.2020 年 10 月 26 日，招标采购设备。";
        assert_eq!(
            chronicle(text),
            [
                entry("2020-01-13", Some("2020-01-17"), "开展了诵读活动。", 3),
                entry("2020-05", None, "开展科普宣传周活动。", 4),
                entry(
                    "2020-07-22",
                    None,
                    "地志办捐赠丛书 300 余册。此次赠书弥补了缺口。",
                    5
                ),
                entry("2020-10-26", None, "招标采购设备。", 7),
            ]
        );
    }

    #[test]
    fn a_short_clause_before_the_date_and_a_heading_on_the_entry_line() {
        let text = "青禾县图书馆2020年年报\n2020 年大事记\n一月\n因设备检修，1月8日起暂停自助借还服务。\n10日，召开职工大会，会上通报了1月20日的安排。\n为迎接春节并做好节日期间的读者服务工作，1月22日举办迎新春活动。\n三月 3月5日，开展学雷锋志愿服务。";
        assert_eq!(
            chronicle(text),
            [
                entry(
                    "2020-01-08",
                    None,
                    "因设备检修，1月8日起暂停自助借还服务。",
                    4
                ),
                entry(
                    "2020-01-10",
                    None,
                    "召开职工大会，会上通报了1月20日的安排。",
                    5
                ),
                // a long opening clause is the event: its date stays the month's
                entry(
                    "2020-01",
                    None,
                    "为迎接春节并做好节日期间的读者服务工作，1月22日举办迎新春活动。",
                    6
                ),
                entry("2020-03-05", None, "开展学雷锋志愿服务。", 7),
            ]
        );
    }

    #[test]
    fn an_editors_note_and_an_office_signature_are_no_events() {
        let text = "青禾县图书馆2020年年报\n2020 年大事记\n编者按：本大事记由馆办公室整理，全年接待读者12万人次。\n五月\n6日，举办读书会。\n青禾县图书馆办公室\n2021年1月\n附：统计表";
        let cleaned = clean(text);
        let outline = segment(&cleaned);
        let section = outline
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Chronicle)
            .expect("a chronicle");
        let parsed = parse_chronicle(
            section.lines,
            Some(2020),
            Some("青禾县图书馆"),
            &mut Vec::new(),
        );
        assert_eq!(parsed.notes, [3]);
        assert_eq!(parsed.entries.len(), 1, "{:?}", parsed.entries);
        assert_eq!(parsed.entries[0].line, 5);
        let text = "青禾县图书馆2020年年报\n2020 年大事记\n五月\n6日，举办读书会。\n青禾县图书馆宣传推广部 2021年1月5日\n7日，另一行。";
        assert_eq!(
            chronicle(text),
            [entry("2020-05-06", None, "举办读书会。", 4)]
        );
    }

    #[test]
    fn minguo_years_in_a_traditional_chronicle() {
        let text = "青禾縣立圖書館\n中華民國109年年報\n壹、109年大事紀\n109年1月15日，總館重新開館。\n109.03.04，簽訂館際合作協議。\n109/13/40，日期有誤。\n109年7月10日至8月25日，暑期閱讀營舉行。\n100年來，本館不斷發展。";
        let got = chronicle(text);
        assert_eq!(got[0], entry("2020-01-15", None, "總館重新開館。", 4));
        assert_eq!(got[1], entry("2020-03-04", None, "簽訂館際合作協議。", 5));
        // an unreadable date still starts its own entry
        assert_eq!((got[2].0.as_deref(), got[2].3), (None, 6));
        let (date, end, text, line) = &got[3];
        assert_eq!(
            (date.as_deref(), end.as_deref(), *line),
            (Some("2020-07-10"), Some("2020-08-25"), 7)
        );
        // 100 years is no 民國 date of a 2020 chronicle: it continues the entry
        assert_eq!(got.len(), 4);
        assert_eq!(text, "暑期閱讀營舉行。100年來，本館不斷發展。");
    }

    #[test]
    fn months_headed_as_chronicles_of_their_own() {
        let got = chronicle(
            "青禾县图书馆2020年工作总结\n\n三、2020年大事记\n\n（一）一月大事记\n8日，召开年度工作会。\n（二）三月大事记\n12日，举办植树节读书活动。\n",
        );
        let dates: Vec<_> = got.iter().map(|(date, ..)| date.as_deref()).collect();
        assert_eq!(dates, [Some("2020-01-08"), Some("2020-03-12")], "{got:?}");
    }
}
