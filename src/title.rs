//! Reading a library's name and a year out of one line, for `identity`,
//! which weighs them as evidence of the report's identity: the library's full
//! name as written and the year the report covers.
//!
//! The title lines are the front matter before the first section; the
//! section headings come next (武隆区图书馆 2020 年度工作总结), and the body
//! last. The covered year is the title's, not the signing date's (a 2020
//! report is signed in 2021).

use std::sync::LazyLock;

use crate::date;
use crate::tables::dates::{ERA_NAMES, MONTH_DAY_MARKS, YEAR_MARK, YEAR_WORD_CHARS};
use crate::tables::enumeration::ORDINAL_PREFIX;
use crate::tables::identity::{
    LONG_PLACE_UNITS, NAME_LEADS, OTHER_BODY_AFTER, PART_MARK_ENDS, PLACE_CHARS,
};
use crate::tables::library::{
    ADMIN_UNITS, LIBRARY_KINDS, LIBRARY_WORD, NAME_STOPS, PLACE_PLACEHOLDERS, UNITLESS_LIBRARIES,
    WHOLE_OF,
};

/// A library's name as written, and folded: cut from the folded line
/// where the name is cut from the line (folding keeps offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryName {
    /// As written.
    pub text: String,
    /// Folded to simplified characters.
    pub folded: String,
    /// Read from a place alone at a title line's start (丰都图书馆2022年
    /// 年报), with no unit to show where the place starts: weaker than a
    /// name with one (丰都县图书馆).
    pub guessed_place: bool,
}

/// The first library name in one line, without a leading year. (The
/// first, since in a long line later matches run on from prose: 活动诸城市图书馆.)
///
/// A name is 图书馆 after an administrative unit (省, 市, 区 …), perhaps
/// with 少年儿童 or 立 between, and the run of Han characters before the
/// unit (at most 16); or one of the libraries named without a unit
/// (大连图书馆). Requiring the unit keeps "…工作及图书馆" out, and a unit
/// with no place before it (县图书馆) names no library. In a title line
/// (`title_line`), a short proper name may stand between the unit and
/// 图书馆 (某市沙湾区沫若图书馆), and a place alone may open the line
/// (大连图书馆2014年阅读报告).
pub fn library_in(line: &str, folded: &str, title_line: bool) -> Option<LibraryName> {
    // Most lines name no library: turned away before anything is copied.
    static WORD: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(LIBRARY_WORD.as_bytes()));
    WORD.find(folded.as_bytes())?;
    let word = LIBRARY_WORD;
    let mut found = folded.match_indices(word).map(|(at, _)| at);
    let first = found.next()?;
    // Most names stand at the first library word, and what stands after
    // it cannot change what is blanked before it (no year or date runs
    // over 图书馆): only the line up to it is blanked first.
    let first_end = first + word.len();
    let head = blanked(line.get(..first_end)?, folded.get(..first_end)?)?;
    if let Some(name) = name_at(&head, line, folded, first, title_line) {
        return Some(name);
    }
    found.clone().next()?;
    let text = blanked(line, folded)?;
    found.find_map(|at| name_at(&text, line, folded, at, title_line))
}

/// `folded` with the years of `line` and its dates' digits blanked out
/// (same offsets): neither is a place.
fn blanked(line: &str, folded: &str) -> Option<String> {
    // Matched in simplified characters with years blanked out; both keep
    // byte offsets, so the name is then cut from the line as written.
    let mut blanked = folded.to_owned().into_bytes();
    for (_, range) in date::scan_year_phrases(line) {
        if let Some(year) = blanked.get_mut(range) {
            year.fill(b' ');
        }
    }
    // 1984年6月15日成立…市少儿图书馆: a month or a day is no place either.
    let mut digits_from = None;
    for (i, c) in line.char_indices() {
        if c.is_ascii_digit() {
            digits_from.get_or_insert(i);
            continue;
        }
        if let Some(from) = digits_from.take()
            && MONTH_DAY_MARKS.contains(&c)
            && let Some(date) = blanked.get_mut(from..i + c.len_utf8())
        {
            date.fill(b' ');
        }
    }
    String::from_utf8(blanked).ok()
}

/// The name ending with the library word at `at` of `blanked` (the line
/// blanked at least up to that word), cut from `line` and `folded`.
fn name_at(
    blanked: &str,
    line: &str,
    folded: &str,
    at: usize,
    title_line: bool,
) -> Option<LibraryName> {
    let end = at + LIBRARY_WORD.len();
    // 某省公共图书馆联盟: another body, named after the library word.
    let after = folded.get(end..)?;
    if OTHER_BODY_AFTER.iter().any(|w| after.starts_with(w)) {
        return None;
    }
    let text = blanked.get(..end)?;
    let start = name_start(text, at, end, title_line)?;
    let name = &text[start..end];
    let trimmed = name.trim_start_matches(YEAR_WORD_CHARS);
    let start = end - trimmed.len();
    let name = line.get(start..end)?;
    let folded_name = folded.get(start..end).unwrap_or(name);
    let guessed_place = !holds_unit(folded_name)
        && !UNITLESS_LIBRARIES
            .iter()
            .any(|n| ends_with_word(folded_name, n));
    (name.chars().count() >= 4).then(|| LibraryName {
        text: name.to_owned(),
        folded: folded_name.to_owned(),
        guessed_place,
    })
}

fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c)
}

/// The longest of `words` that `head` ends with.
fn longest_suffix<'w>(head: &str, words: &[&'w str]) -> Option<&'w str> {
    words
        .iter()
        .filter(|w| ends_with_word(head, w))
        .max_by_key(|w| w.len())
        .copied()
}

/// `head.ends_with(word)`, most words turned away by a byte or two before
/// the compare: a table's words seldom share their last byte with the
/// text (places and units), and names that all end in 图书馆 seldom share
/// their first two (大连图书馆, 湖南图书馆).
fn ends_with_word(head: &str, word: &str) -> bool {
    let (head, word) = (head.as_bytes(), word.as_bytes());
    let Some(start) = head.len().checked_sub(word.len()) else {
        return false;
    };
    word.is_empty()
        || head.last() == word.last()
            && head.get(start) == word.first()
            && head.get(start + 1) == word.get(1)
            && head[start..] == *word
}

/// Whether a name holds an administrative unit (省, 市, 自治县 …): a
/// unit of one character is looked for as a character, and only a longer
/// unit that holds none of them (街道) as a word.
fn holds_unit(name: &str) -> bool {
    static UNITS: LazyLock<(Vec<char>, Vec<&'static str>)> = LazyLock::new(|| {
        let single: Vec<char> = ADMIN_UNITS
            .iter()
            .filter(|u| u.chars().count() == 1)
            .filter_map(|u| u.chars().next())
            .collect();
        let longer = ADMIN_UNITS
            .iter()
            .filter(|u| u.chars().count() > 1 && !u.contains(single.as_slice()))
            .copied()
            .collect();
        (single, longer)
    });
    let (single, longer) = &*UNITS;
    name.contains(single.as_slice()) || longer.iter().any(|u| name.contains(u))
}

/// How many bytes of Han characters `place` ends with, running back at
/// most `most` characters and stopping at a word that joins or places a
/// name in a sentence (本馆与全县公共图书馆).
fn han_run(place: &str, most: usize) -> usize {
    place
        .chars()
        .rev()
        .take_while(|&c| (is_han(c) && !NAME_STOPS.contains(&c)) || PLACE_PLACEHOLDERS.contains(&c))
        .take(most)
        .map(char::len_utf8)
        .sum()
}

/// The longest proper name (in bytes) a title line may set between a unit
/// and 图书馆 (沫若 of 沙湾区沫若图书馆): two to four characters.
const PROPER_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// How many characters a place alone may have when it opens a title line
/// (大连, 黑龙江省): a longer run is a sentence.
const LINE_PLACE_CHARS: std::ops::RangeInclusive<usize> = 2..=6;

/// Where the name ending in the library word at `at..end` starts.
fn name_start(text: &str, at: usize, end: usize, title_line: bool) -> Option<usize> {
    if let Some(named) = UNITLESS_LIBRARIES
        .iter()
        .filter(|n| ends_with_word(&text[..end], n))
        .max_by_key(|n| n.len())
    {
        return Some(end - named.len());
    }
    let mut head = &text[..at];
    if let Some(kind) = longest_suffix(head, LIBRARY_KINDS) {
        head = &head[..head.len() - kind.len()];
    }
    let unit = match longest_suffix(head, ADMIN_UNITS) {
        Some(unit) => unit,
        None if title_line => return title_line_start(head, end, text),
        None => return None,
    };
    let unit_start = head.len() - unit.len();
    let start = place_start(text, unit_start, unit)?;
    trimmed_start(text, start, end, unit_start)
}

/// The most characters a name runs back over from its last unit.
const NAME_RUN_CHARS: usize = 16;

/// Where the places of a name start, read back from its last unit at
/// `unit_start` as places and units in turn (重庆 市 武隆 区): each place
/// at most [`PLACE_CHARS`] characters (more before the units of
/// autonomous areas). The place nearest the library word too long, the
/// line names no library there (不断提高本地区图书馆); a farther one too
/// long, the name starts after it (…室广州市增城区 → 增城区). A place that
/// opens with a verb (迁安市走进市图书馆) ends the name there.
fn place_start(text: &str, unit_start: usize, unit: &str) -> Option<usize> {
    let raw_start = unit_start - han_run(&text[..unit_start], NAME_RUN_CHARS);
    let run_start = unit_start - without_leads(&text[raw_start..unit_start]).len();
    let (mut end, mut unit) = (unit_start, unit);
    let mut nearest = true;
    loop {
        let most = LONG_PLACE_UNITS
            .iter()
            .find(|(u, _)| *u == unit)
            .map_or(PLACE_CHARS, |&(_, n)| n);
        let mut pos = end;
        let mut chars = 0;
        let next_unit = loop {
            if pos == run_start {
                break None;
            }
            if chars > 0
                && let Some(u) = longest_suffix(&text[run_start..pos], ADMIN_UNITS)
            {
                break Some(u);
            }
            if chars == most {
                return (!nearest).then_some(end + unit.len());
            }
            let c = text[..pos].chars().next_back()?;
            pos -= c.len_utf8();
            chars += 1;
        };
        let place = &text[pos..end];
        if chars == 0 || NAME_LEADS.iter().any(|w| place.starts_with(w)) {
            return (!nearest).then_some(end + unit.len());
        }
        match next_unit {
            Some(u) => {
                end = pos - u.len();
                unit = u;
                nearest = false;
            }
            None => return Some(pos),
        }
    }
}

/// [`name_start`] in a title line where no unit stands right before the
/// library word: a proper name after a unit (沙湾区沫若图书馆), or a
/// place alone at the line's start (大连图书馆2014年阅读报告).
fn title_line_start(head: &str, end: usize, text: &str) -> Option<usize> {
    let proper = head.chars().rev().take_while(|&c| is_han(c)).count();
    for chars in PROPER_NAME_CHARS {
        if chars > proper {
            break;
        }
        let cut: usize = head.chars().rev().take(chars).map(char::len_utf8).sum();
        let before = &head[..head.len() - cut];
        if let Some(unit) = longest_suffix(before, ADMIN_UNITS) {
            let unit_start = before.len() - unit.len();
            let start = place_start(text, unit_start, unit)?;
            return trimmed_start(text, start, end, unit_start);
        }
    }
    let run = han_run(head, *LINE_PLACE_CHARS.end() + 1);
    let start = head.len() - run;
    let place = head[start..].trim_start_matches(YEAR_WORD_CHARS);
    let start = head.len() - place.len();
    let opens_line = head[..start].trim().is_empty();
    let names_report = crate::tables::identity::TITLE_LINE_WORDS
        .iter()
        .any(|w| place.contains(w));
    (opens_line && !names_report && LINE_PLACE_CHARS.contains(&place.chars().count()))
        .then_some(start)
        .and_then(|start| trimmed_start(text, start, end, head.len()))
}

/// The start of a name read back to `start`, less what sets it in a
/// sentence (time words, leading verbs, a part marker); `None` when no
/// place is left before `place_end` (县图书馆) or it is every library of a
/// place (全县公共图书馆).
fn trimmed_start(text: &str, start: usize, end: usize, place_end: usize) -> Option<usize> {
    let rest = without_leads(&text[start..end]);
    let start = end - rest.len();
    (start < place_end && !rest.starts_with(WHOLE_OF)).then_some(start)
}

/// `name` less what sets it in a sentence at its front: time words
/// (去年), leading verbs (走进), a part marker (第一部分), as many as stand
/// there.
fn without_leads(name: &str) -> &str {
    let mut rest = name;
    loop {
        let before = rest.len();
        rest = crate::tables::library::strip_time_words(rest);
        if let Some(lead) = NAME_LEADS
            .iter()
            .filter(|w| rest.starts_with(**w))
            .max_by_key(|w| w.len())
        {
            rest = &rest[lead.len()..];
        }
        rest = after_part_marker(rest);
        if rest.len() == before {
            return rest;
        }
    }
}

/// `name` after a part marker at its front (第一部分, 第三章), else `name`.
fn after_part_marker(name: &str) -> &str {
    use crate::tables::numerals::starts_numeral;
    let Some(rest) = name.strip_prefix(ORDINAL_PREFIX) else {
        return name;
    };
    let digits: usize = rest
        .chars()
        .take_while(|&c| starts_numeral(c))
        .map(char::len_utf8)
        .sum();
    let rest = &rest[digits..];
    match PART_MARK_ENDS.iter().find(|w| rest.starts_with(**w)) {
        Some(mark) if digits > 0 => &rest[mark.len()..],
        _ => name,
    }
}

/// A Republic-of-China year written without its era (112年度), as the
/// Gregorian year: two or three digits before 年 at the start of a line.
pub fn era_year_alone(line: &str) -> Option<i32> {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(2..=3).contains(&digits) || !line[digits..].starts_with(YEAR_MARK) {
        return None;
    }
    let era: i32 = line[..digits].parse().ok()?;
    (1..=200).contains(&era).then_some(era + 1911)
}

/// The first year named in a line (2020 年, 二〇二〇年, 民國110年 = 2021),
/// given with its folded text.
pub fn first_year(line: &str, folded: &str) -> Option<i32> {
    if ERA_NAMES.iter().any(|(name, _)| folded.contains(name)) {
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
            .is_some_and(|c| c == YEAR_MARK || crate::tables::dates::YMD_SEPARATORS.contains(&c))
            && after.next().is_some_and(|c| c.is_ascii_digit())
    }) && NEWS_MARKERS.iter().any(|word| head.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_suffix_and_unit_tests_agree_with_the_plain_ones() {
        let heads = [
            "重庆市武隆区",
            "大连图书馆",
            "区",
            "",
            "某某街道",
            "甲乙",
            "ab市",
        ];
        for head in heads {
            for word in ADMIN_UNITS
                .iter()
                .chain(UNITLESS_LIBRARIES)
                .chain(LIBRARY_KINDS)
            {
                assert_eq!(
                    ends_with_word(head, word),
                    head.ends_with(word),
                    "{head} {word}"
                );
            }
            let plain = ADMIN_UNITS.iter().any(|u| head.contains(u));
            assert_eq!(holds_unit(head), plain, "{head}");
        }
    }

    proptest::proptest! {
        #[test]
        fn ends_with_word_is_ends_with(head in "[市区县图书馆大连a ]{0,8}", word in "[市区县图书馆大连a]{0,4}") {
            proptest::prop_assert_eq!(ends_with_word(&head, &word), head.ends_with(&word));
        }
    }

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
}
