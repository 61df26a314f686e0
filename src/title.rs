//! The report's identity, read from its title lines: the library's full
//! name as written and the year the report covers.
//!
//! The title lines are the front matter before the first section; the
//! section headings come next (武隆区图书馆 2020 年度工作总结), and the body
//! last. The covered year is the title's, not the signing date's (a 2020
//! report is signed in 2021).

use std::collections::HashMap;

use crate::date;
use crate::tables::library::{
    ADMIN_UNITS, LIBRARY_KINDS, LIBRARY_WORD, NAME_STOPS, NATIONAL_LIBRARIES,
};

use crate::segment::Outline;

/// A library's name as written, and folded: cut from the folded line
/// where the name is cut from the line (folding keeps offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryName {
    /// As written.
    pub text: String,
    /// Folded to simplified characters.
    pub folded: String,
}

/// The library's full name: the longest name found in the title lines,
/// else in the section headings, else in the first lines of the body.
pub fn library(outline: &Outline<'_>) -> Option<LibraryName> {
    let front = outline.front.iter().map(|l| (l.text(), l.folded()));
    let headings = outline
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.folded_title));
    let body = outline
        .sections
        .iter()
        .flat_map(|s| s.lines.iter())
        .take(5)
        .map(|l| (l.text(), l.folded()));
    [
        front.collect::<Vec<_>>(),
        headings.collect(),
        body.collect(),
    ]
    .iter()
    .find_map(|lines| {
        lines
            .iter()
            .filter_map(|&(line, folded)| library_in(line, folded))
            .max_by_key(|n| n.text.chars().count())
    })
}

/// The first library name in one line, without a leading year. (The
/// first, since in a long line later matches run on from prose: 活动诸城市图书馆.)
///
/// A name is 图书馆 after an administrative unit (省, 市, 区 …), perhaps
/// with 少年儿童 or 立 between, and the run of Han characters before the
/// unit (at most 16); or one of the national libraries. Requiring the unit
/// keeps "…工作及图书馆" out.
fn library_in(line: &str, folded: &str) -> Option<LibraryName> {
    // Matched in simplified characters with years blanked out; both keep
    // byte offsets, so the name is then cut from the line as written.
    let mut blanked = folded.to_owned().into_bytes();
    for (_, range) in date::scan_year_phrases(line) {
        if let Some(year) = blanked.get_mut(range) {
            year.fill(b' ');
        }
    }
    let text = String::from_utf8(blanked).ok()?;
    let word = LIBRARY_WORD;
    text.match_indices(word).find_map(|(at, _)| {
        let end = at + word.len();
        let start = name_start(&text, at, end)?;
        let name = &text[start..end];
        let trimmed = name.trim_start_matches(['年', '度']);
        let start = end - trimmed.len();
        let name = &line[start..end];
        (name.chars().count() >= 4).then(|| LibraryName {
            text: name.to_owned(),
            folded: folded.get(start..end).unwrap_or(name).to_owned(),
        })
    })
}

/// Where the name ending in the library word at `at..end` starts.
fn name_start(text: &str, at: usize, end: usize) -> Option<usize> {
    if let Some(national) = NATIONAL_LIBRARIES
        .iter()
        .find(|n| text[..end].ends_with(*n))
    {
        return Some(end - national.len());
    }
    let longest_suffix = |head: &str, words: &[&str]| {
        words
            .iter()
            .filter(|w| head.ends_with(*w))
            .map(|w| w.len())
            .max()
    };
    let mut head = &text[..at];
    if let Some(kind) = longest_suffix(head, LIBRARY_KINDS) {
        head = &head[..head.len() - kind];
    }
    let unit = longest_suffix(head, ADMIN_UNITS)?;
    let place = &head[..head.len() - unit];
    let is_han =
        |c: char| ('\u{3400}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c);
    // A name runs back over Han characters, but not over a word that joins
    // or places it in a sentence (本馆与全县公共图书馆).
    let run: usize = place
        .chars()
        .rev()
        .take_while(|&c| is_han(c) && !NAME_STOPS.contains(&c))
        .take(16)
        .map(char::len_utf8)
        .sum();
    let start = place.len() - run;
    // 去年澜州市图书馆: the time word dates the sentence, it names nothing.
    let start = end - crate::tables::library::strip_time_words(&text[start..end]).len();
    // 全县公共图书馆 is every library of the county, not one library.
    (!text[start..].starts_with('全')).then_some(start)
}

/// The year the report covers, and whether it was only guessed from the
/// year the text names most.
pub fn year(outline: &Outline<'_>, text: &str) -> Option<(i32, bool)> {
    let mut front = outline.front.iter();
    if let Some(year) = front.find_map(|l| first_year(l.text(), l.folded())) {
        return Some((year, false));
    }
    let titled = outline
        .sections
        .iter()
        .filter(|s| s.kind != crate::report::SectionKind::Plan)
        .filter_map(|s| first_year(&s.title, s.folded_title))
        .next();
    if let Some(year) = titled {
        return Some((year, false));
    }
    // 112年度服務成果報告 … 中華民國113年2月: a report dated in the
    // Republic's era names its own year without the era too.
    if text.contains(MINGUO) || text.contains(MINGUO_TRADITIONAL) {
        let front = outline.front.iter().map(|l| l.text());
        if let Some(year) = front.filter_map(era_year_alone).next() {
            return Some((year, false));
        }
    }
    most_frequent_year(text).map(|year| (year, true))
}

/// A Republic-of-China year written without its era (112年度), as the
/// Gregorian year: two or three digits before 年 at the start of a line.
fn era_year_alone(line: &str) -> Option<i32> {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(2..=3).contains(&digits) || !line[digits..].starts_with('年') {
        return None;
    }
    let era: i32 = line[..digits].parse().ok()?;
    (1..=200).contains(&era).then_some(era + 1911)
}

/// The first year named in a line (2020 年, 二〇二〇年, 民國110年 = 2021),
/// given with its folded text.
pub fn first_year(line: &str, folded: &str) -> Option<i32> {
    if folded.contains(MINGUO) {
        let era_year = crate::quantity::scan(folded)
            .into_iter()
            .find(|m| m.kind == crate::quantity::QuantityKind::Year)
            .and_then(|m| m.quantity.value.to_i64())
            .and_then(|year| i32::try_from(year).ok());
        if era_year.is_some() {
            return era_year;
        }
    }
    date::scan_year_phrases(line).next().map(|(year, _)| year)
}

/// The era name of Republic-of-China years (民國110年), folded.
const MINGUO: &str = "民国";

/// [`MINGUO`] as written in traditional script.
const MINGUO_TRADITIONAL: &str = "民國";

fn most_frequent_year(text: &str) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for (year, _) in date::scan_year_phrases(text) {
        *counts.entry(year).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(year, count)| (count, -year))
        .map(|(year, _)| year)
}

/// How far into the text a news article's dateline and byline stand.
const NEWS_HEAD: usize = 1200;

/// Whether the text is a news article dated the year after `year` (澜州日
/// 报 2024-01-16 … 本报讯): its 去年 and 今年 are the report's year and the
/// year after. `folded` is the source text folded to simplified script.
pub fn news_of_next_year(folded: &str, year: i32) -> bool {
    use crate::tables::metrics::NEWS_MARKERS;
    let head = crate::text::head(folded, NEWS_HEAD);
    let Some(next) = year.checked_add(1).map(|y| y.to_string()) else {
        return false;
    };
    // The dateline first: most reports name no date of the year after.
    head.match_indices(&next).any(|(at, _)| {
        let mut after = head[at + next.len()..].chars();
        after
            .next()
            .is_some_and(|c| c == '年' || crate::tables::dates::YMD_SEPARATORS.contains(&c))
            && after.next().is_some_and(|c| c.is_ascii_digit())
    }) && NEWS_MARKERS.iter().any(|word| head.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_article_dated_the_year_after() {
        let news = "澜州新闻网 > 文化\n去年市图书馆接待读者超121万人次\n2024-01-16 08:35 来源：澜州日报\n本报讯 …";
        assert!(news_of_next_year(news, 2023));
        assert!(!news_of_next_year(news, 2024), "dated the same year");
        let summary = "某县图书馆2023年工作总结\n发布时间：2024-01-05\n2023年，我馆…";
        assert!(
            !news_of_next_year(summary, 2023),
            "no news marker: a summary"
        );
        let no_date = "本报讯 记者从市图书馆获悉，2024年计划新建分馆";
        assert!(
            !news_of_next_year(no_date, 2023),
            "a plan's year is no dateline"
        );
    }
    use crate::clean::clean;
    use crate::segment::segment;

    fn identity(text: &str) -> (Option<String>, Option<(i32, bool)>) {
        let cleaned = clean(text);
        let outline = segment(&cleaned);
        (library(&outline).map(|n| n.text), year(&outline, text))
    }

    #[test]
    fn reads_the_four_seed_reports() {
        let cases = [
            (
                include_str!("../fixtures/wulong-2020.txt"),
                "重庆市武隆区图书馆",
            ),
            (include_str!("../fixtures/anju-2020.txt"), "安居区图书馆"),
            (
                include_str!("../fixtures/yuancheng-2020.txt"),
                "河源市源城区图书馆",
            ),
            (
                include_str!("../fixtures/zhucheng-2020.txt"),
                "诸城市图书馆",
            ),
        ];
        for (text, name) in cases {
            assert_eq!(identity(text), (Some(name.to_owned()), Some((2020, false))));
        }
    }

    #[test]
    fn han_digit_years_and_guesses() {
        let (name, year) = identity("二〇二一年某某县图书馆年报\n\n正文。");
        assert_eq!(name.as_deref(), Some("某某县图书馆"));
        assert_eq!(year, Some((2021, false)));
        let (name, year) = identity("某某縣立圖書館\n民國110年年報\n\n正文。");
        assert_eq!(name.as_deref(), Some("某某縣立圖書館"));
        assert_eq!(year, Some((2021, false)));
        let (_, year) = identity("某某市立圖書館\n112年度服務成果報告\n\n正文。\n中華民國113年2月");
        assert_eq!(year, Some((2023, false)));
        let (_, year) = identity("年报\n\n2019 年开展活动。2019 年馆藏增加。2020 年计划。");
        assert_eq!(year, Some((2019, true)));
    }

    #[test]
    fn a_time_word_before_the_name_is_not_part_of_it() {
        let (name, _) = identity("去年青禾市图书馆接待读者超80万人次\n\n正文。");
        assert_eq!(name.as_deref(), Some("青禾市图书馆"));
        let (name, _) = identity("今年上半年青禾县少儿图书馆新增藏书\n\n正文。");
        assert_eq!(name.as_deref(), Some("青禾县少儿图书馆"));
        let (name, _) = identity("年内县图书馆新增图书\n\n正文。");
        assert_ne!(name.as_deref(), Some("年内县图书馆"));
    }
}
