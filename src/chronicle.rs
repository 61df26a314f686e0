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
use crate::tables::enumeration::BULLETS;
use crate::tables::punctuation::{DAY_RANGE_SEPARATORS, ENTRY_LEADS};
use crate::text::is_ws;

/// The entries of a chronicle section. `year` is the year the chronicle
/// covers (from its title or the report); `library` the report's library,
/// folded, whose name alone on a line signs the chronicle off.
pub fn parse_chronicle(
    lines: Lines<'_>,
    year: Option<i32>,
    library: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Vec<ChronicleEntry> {
    let mut entries: Vec<ChronicleEntry> = Vec::new();
    let mut month_heading: Option<u8> = None;
    let mut month_from_entries: Option<u8> = None;
    let mut last_number = 0;
    for line in lines.iter() {
        // A bullet (▲6日) only marks the entry.
        let whole = line.text();
        let text = whole.trim_start_matches(BULLETS).trim_start();
        // Folding keeps offsets: the folded text is cut where `text` is.
        let folded = line
            .folded()
            .get(whole.len() - text.len()..)
            .unwrap_or(text);
        // The line model's month heading (`Shape::MonthHeading`), asked
        // alone: the rest of the shape is not needed here.
        if let Some(month) = line.month_heading() {
            month_heading = Some(month);
            continue;
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
        let found = year.and_then(|year| {
            let context = DateContext {
                year,
                month: month_heading.or(month_from_entries),
            };
            // Folding keeps offsets, so `consumed` holds in `rest`.
            date::parse_prefix(folded_rest, &context)
        });
        match found {
            Some((span, consumed)) => {
                if month_heading.is_none() {
                    month_from_entries = Some(span.start.month);
                }
                entries.push(ChronicleEntry {
                    date: Some(span.start),
                    end: span.end,
                    text: entry_text(&rest[consumed..]).to_owned(),
                    line: line.no(),
                });
            }
            // 新罗区图书馆 / 2022年1月 closing the last month: a signature.
            None if !numbered && signs_off(folded_rest, library) => {}
            None if month_heading.is_some() || numbered || entries.is_empty() => {
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
    entries
}

/// Whether a line is the library's name alone (新罗区图书馆 for 龙岩市新罗区
/// 图书馆): the signature under a chronicle, not an event. Both folded.
fn signs_off(folded: &str, library: Option<&str>) -> bool {
    let text = folded.trim();
    let Some(library) = library else {
        return false;
    };
    text.chars().count() >= 3 && library.ends_with(text)
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
}
