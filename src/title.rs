//! The report's identity, read from its title lines: the library's full
//! name as written and the year the report covers.
//!
//! The title lines are the front matter before the first section; the
//! section headings come next (武隆区图书馆 2020 年度工作总结), and the body
//! last. The covered year is the title's, not the signing date's (a 2020
//! report is signed in 2021).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::numeral;
use crate::script;

use crate::segment::Outline;

/// A public library's name: a place ending in an administrative unit
/// (省, 市, 区, 县 …), perhaps 少年儿童 or 市立, then 图书馆; or one of the
/// national libraries. Requiring the unit keeps "…工作及图书馆" out.
static LIBRARY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let units = ADMIN_UNITS.join("|");
    let kinds = LIBRARY_KINDS.join("|");
    let words = LIBRARY_WORDS.join("|");
    let national = NATIONAL_LIBRARIES.join("|");
    Regex::new(&format!(
        r"[\u{{3400}}-\u{{9FFF}}\u{{F900}}-\u{{FAFF}}]{{0,16}}?(?:{units})(?:{kinds})?(?:{words})|{national}"
    ))
    .expect("static regex")
});

/// Administrative units a library's place name ends with.
#[rustfmt::skip]
static ADMIN_UNITS: &[&str] = &[
    "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道",
    "區", "縣", "鎮", "鄉",
];

/// Words between the place and 图书馆: 少年儿童图书馆, 市立图书馆.
#[rustfmt::skip]
static LIBRARY_KINDS: &[&str] = &[
    "少年儿童", "少儿", "立", "公共", "第一", "第二",
];

/// The word that ends a library's name.
#[rustfmt::skip]
static LIBRARY_WORDS: &[&str] = &["图书馆"];

/// Libraries whose names hold no place.
#[rustfmt::skip]
static NATIONAL_LIBRARIES: &[&str] = &["中国国家图书馆", "国家图书馆", "首都图书馆"];

/// A year written as four digits or four Han digits, followed by 年.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2}|[一二〇零○][〇零○一二三四五六七八九]{3})[\t \u{3000}\u{a0}]*年")
        .expect("static regex")
});

/// The library's full name: the longest name found in the title lines,
/// else in the section headings, else in the first lines of the body.
pub fn library(outline: &Outline<'_, '_>) -> Option<String> {
    let front = outline.front.iter().map(|l| l.text.as_ref());
    let headings = outline.sections.iter().map(|s| s.title.as_str());
    let body = outline
        .sections
        .iter()
        .flat_map(|s| s.lines.iter())
        .take(5)
        .map(|l| l.text.as_ref());
    [
        front.collect::<Vec<_>>(),
        headings.collect(),
        body.collect(),
    ]
    .iter()
    .find_map(|lines| {
        lines
            .iter()
            .filter_map(|l| library_in(l))
            .max_by_key(|n| n.chars().count())
    })
}

/// The first library name in one line, without a leading year. (The
/// first, since in a long line later matches run on from prose: 活动诸城市图书馆.)
fn library_in(line: &str) -> Option<String> {
    // Match on simplified characters with years blanked out; both keep
    // byte offsets, so the name is then cut from the line as written.
    let folded = script::fold(line);
    let without_years = YEAR.replace_all(&folded, |caps: &regex::Captures<'_>| {
        " ".repeat(caps.get(0).map_or(0, |m| m.len()))
    });
    LIBRARY_NAME
        .find_iter(&without_years)
        .map(|m| {
            let name = m.as_str();
            let trimmed = name.trim_start_matches(['年', '度']);
            &line[m.end() - trimmed.len()..m.end()]
        })
        .find(|name| name.chars().count() >= 4)
        .map(str::to_owned)
}

/// The year the report covers, and whether it was only guessed from the
/// year the text names most.
pub fn year(outline: &Outline<'_, '_>, text: &str) -> Option<(i32, bool)> {
    let front = outline.front.iter().map(|l| l.text.as_ref());
    if let Some(year) = front.filter_map(first_year).next() {
        return Some((year, false));
    }
    let titled = outline
        .sections
        .iter()
        .filter(|s| s.kind != crate::report::SectionKind::Plan)
        .filter_map(|s| first_year(&s.title))
        .next();
    if let Some(year) = titled {
        return Some((year, false));
    }
    most_frequent_year(text).map(|year| (year, true))
}

/// The first year named in a line (2020 年, 二〇二〇年).
pub fn first_year(line: &str) -> Option<i32> {
    YEAR.captures_iter(line)
        .filter_map(|caps| parse_year(caps.get(1)?.as_str()))
        .next()
}

fn parse_year(digits: &str) -> Option<i32> {
    let value = numeral::parse_full(digits).ok()?.to_i64()?;
    let year = i32::try_from(value).ok()?;
    (1949..=2100).contains(&year).then_some(year)
}

fn most_frequent_year(text: &str) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for caps in YEAR.captures_iter(text) {
        if let Some(year) = caps.get(1).and_then(|m| parse_year(m.as_str())) {
            *counts.entry(year).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, count)| (count, -year))
        .map(|(year, _)| year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::segment::segment;

    fn identity(text: &str) -> (Option<String>, Option<(i32, bool)>) {
        let cleaned = clean(text);
        let outline = segment(&cleaned);
        (library(&outline), year(&outline, text))
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
        let (_, year) = identity("年报\n\n2019 年开展活动。2019 年馆藏增加。2020 年计划。");
        assert_eq!(year, Some((2019, true)));
    }
}
