//! The library's administrative division: province, prefecture, county
//! and the six-digit division code, read from the library's name and,
//! only where the name leaves it open, from the text.
//!
//! The name is read as a chain of division names from the left, each
//! inside the one before (重庆市 → 武隆区; 湖南省 → 沅澧县 may skip the
//! prefecture; 诸城市 alone), and the chain must take the whole place part
//! of the name (what stands before 图书馆, less 少年儿童 and the like).
//! Counties are matched by their full names (and former names the
//! dataset's history gives); provinces and prefectures also by their short
//! names (湖南图书馆, 杭州图书馆), which must be followed by the end of the
//! place or by another division.
//!
//! Wrong is worse than missing:
//!
//! - several divisions fit (城关区 is in 兰州 and in 拉萨): the text may
//!   settle it by naming exactly one of them in full (兰州市城关区);
//!   otherwise no division is given, and a warning names the candidates;
//! - the name's place is unknown below a level it names (云南省滇岭市): the
//!   levels it names are given, without a code, and a warning says so;
//! - the name names no known place (国家图书馆, 少年儿童图书馆): nothing is
//!   given, and a warning says so.
//!
//! The code is the division the library belongs to: a provincial
//! library's is its province's (430000), a city library's its
//! prefecture's (430100), a county library's its county's. Taiwan's, Hong
//! Kong's and Macau's is GB/T 2260's one code for each (710000, 810000,
//! 820000). A municipality's or a directly administered county has no
//! prefecture (重庆市武隆区: 重庆市 / – / 武隆区).
//!
//! The divisions and every name a library may use for one are two static
//! tables generated from a maintained dataset (`tables::divisions`,
//! sorted): nothing is built at run time, and a lookup is a binary search
//! on a window of names that shrinks as the word grows. It runs once per
//! record.

use crate::contract::report::Warning;
use crate::tables::dates::{MINGUO_OFFSET, YEAR_MARK};
use crate::tables::divisions::{DIVISION_NAMES, DIVISIONS, FIRST_CHARS, NAME_TEXT};
use crate::tables::library::LIBRARY_WORD;
use crate::tables::places::{
    NAME_DESCRIPTORS, NAME_LEADS, SET_UP_BY, SETTING_UP_LEVELS, TAIWAN_CODE,
};

/// A library's place, as the record prints it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Region {
    /// The province-level division (湖南省, 重庆市, 台湾省).
    pub province: Option<String>,
    /// The prefecture-level division (长沙市); none for a municipality's
    /// districts and a province's directly administered counties.
    pub prefecture: Option<String>,
    /// The county-level division (武隆区, 诸城市).
    pub county: Option<String>,
    /// The six-digit code of the library's own division.
    pub division_code: Option<String>,
}

/// A division's level, in the order of `DIVISIONS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Province,
    Prefecture,
    County,
}

/// One row of the division table, by its index in `DIVISIONS`.
#[derive(Clone, Copy, Debug)]
struct Division {
    level: Level,
    code: u32,
    name: &'static str,
}

fn division(d: usize) -> Division {
    let (code, level, start, len) = DIVISIONS[d];
    Division {
        level: division_level(level),
        code,
        name: text_at(start, len),
    }
}

/// A name of the tables: a byte range of `NAME_TEXT`.
fn text_at(start: u32, len: u8) -> &'static str {
    let start = start as usize;
    NAME_TEXT
        .get(start..start + usize::from(len))
        .unwrap_or_default()
}

/// One row of `DIVISION_NAMES`: (start, length, division, full).
type NameRow = (u32, u8, u16, bool);

/// The name of a `DIVISION_NAMES` row.
fn name_of(row: &NameRow) -> &'static str {
    text_at(row.0, row.1)
}

/// The division with `code` at `level`: a binary search of the table,
/// which is sorted by code, then level.
fn find(code: u32, level: Level) -> Option<usize> {
    let key = (code, level);
    let at = DIVISIONS.partition_point(|&(c, l, _, _)| (c, division_level(l)) < key);
    DIVISIONS
        .get(at)
        .filter(|&&(c, l, _, _)| (c, division_level(l)) == key)
        .map(|_| at)
}

fn division_level(level: u8) -> Level {
    match level {
        b'p' => Level::Province,
        b'c' => Level::Prefecture,
        _ => Level::County,
    }
}

/// The province a code lies in.
fn province_of(code: u32) -> Option<usize> {
    find(code / 10000 * 10000, Level::Province)
}

/// The prefecture a county's code lies in; none for a municipality's
/// districts and directly administered counties (their prefecture rows
/// are groupings the table leaves out).
fn prefecture_of(code: u32) -> Option<usize> {
    let prefecture = code / 100 * 100;
    if prefecture.is_multiple_of(10000) {
        return None;
    }
    find(prefecture, Level::Prefecture)
}

/// The names that start with `word`, within `window` (the names that
/// start with a shorter start of it): a binary search on a window that
/// shrinks as the word grows.
fn starting_with<'n>(window: &'n [NameRow], word: &str) -> &'n [NameRow] {
    let window = &window[window.partition_point(|row| name_of(row) < word)..];
    &window[..window.partition_point(|row| name_of(row).starts_with(word))]
}

/// The names that start with the first character of `rest`, found by
/// the character alone ([`FIRST_CHARS`]).
fn first_window(rest: &str) -> &'static [NameRow] {
    let Some(first) = rest.chars().next() else {
        return &[];
    };
    let at = FIRST_CHARS.partition_point(|&(c, _)| c < first);
    match FIRST_CHARS.get(at) {
        Some(&(c, start)) if c == first => {
            let end = FIRST_CHARS
                .get(at + 1)
                .map_or(DIVISION_NAMES.len(), |&(_, next)| usize::from(next));
            DIVISION_NAMES
                .get(usize::from(start)..end)
                .unwrap_or_default()
        }
        _ => &[],
    }
}

/// Whether `inner` may follow `outer` in a name's chain: a lower level,
/// inside it.
fn inside(outer: &Division, inner: &Division) -> bool {
    match (outer.level, inner.level) {
        (Level::Province, Level::Prefecture | Level::County) => {
            outer.code / 10000 == inner.code / 10000
        }
        (Level::Prefecture, Level::County) => {
            !outer.code.is_multiple_of(10000) && outer.code / 100 == inner.code / 100
        }
        _ => false,
    }
}

/// The place part of a library's (simplified) name: 重庆市武隆区少年儿童
/// 图书馆 → 重庆市武隆区; `None` for a name that does not end in 图书馆.
fn place_of(name: &str) -> Option<&str> {
    let mut place = name.trim().strip_suffix(LIBRARY_WORD)?;
    loop {
        let before = place.len();
        for word in NAME_DESCRIPTORS {
            place = place.strip_suffix(word).unwrap_or(place);
        }
        // 市立, 县立 …: keep the level word, drop 立.
        if let Some(stem) = place.strip_suffix(SET_UP_BY)
            && stem.ends_with(SETTING_UP_LEVELS)
        {
            place = stem;
        }
        if place.len() == before {
            break;
        }
    }
    for lead in NAME_LEADS {
        place = place.strip_prefix(lead).unwrap_or(place);
    }
    Some(place)
}

/// What reading a place found.
#[derive(Default)]
struct Reading {
    /// The last division of each chain that takes the whole place.
    whole: Vec<usize>,
    /// The longest chain of full names that takes a start of the place
    /// and no more (云南省 of 云南省滇岭市), and how much it took.
    partial: Option<(usize, usize)>,
}

/// Reads `place[at..]` as a chain after `parent`.
fn read(place: &str, at: usize, parent: Option<Division>, out: &mut Reading) {
    let ends = place[at..]
        .char_indices()
        .skip(1)
        .map(|(i, _)| at + i)
        .chain(std::iter::once(place.len()));
    let mut window = first_window(&place[at..]);
    for end in ends {
        let word = &place[at..end];
        window = starting_with(window, word);
        if window.is_empty() {
            break;
        }
        for &(_, _, d, full) in window.iter().take_while(|row| name_of(row) == word) {
            let d = usize::from(d);
            let this = division(d);
            if parent.is_some_and(|p| !inside(&p, &this)) {
                continue;
            }
            if end == place.len() {
                if !out.whole.contains(&d) {
                    out.whole.push(d);
                }
                continue;
            }
            let before = out.whole.len();
            read(place, end, Some(this), out);
            if full && out.whole.len() == before && out.partial.is_none_or(|(_, taken)| end > taken)
            {
                out.partial = Some((d, end));
            }
        }
    }
}

/// The region of one division.
fn region_of(d: usize) -> Region {
    let this = division(d);
    let name = |at: Option<usize>| at.map(|at| division(at).name.to_string());
    let province = name(province_of(this.code));
    let code = Some(format!("{:06}", this.code));
    match this.level {
        Level::Province => Region {
            province,
            division_code: code,
            ..Region::default()
        },
        Level::Prefecture => Region {
            province,
            prefecture: Some(this.name.to_string()),
            division_code: code,
            ..Region::default()
        },
        Level::County => Region {
            province,
            prefecture: name(prefecture_of(this.code)),
            county: Some(this.name.to_string()),
            division_code: code,
        },
    }
}

/// A division's full path, as a warning names a candidate
/// (甘肃省兰州市城关区 620102).
fn path_of(d: usize) -> String {
    let region = region_of(d);
    let mut path: String = [region.province, region.prefecture, region.county]
        .into_iter()
        .flatten()
        .collect();
    if let Some(code) = region.division_code {
        path.push(' ');
        path.push_str(&code);
    }
    path
}

/// Which of `candidates` the text names in full, with a place above it
/// (兰州市城关区, 兰州城关区, 甘肃省城关区), when exactly one: at each
/// place the text names a candidate, the words just before it are looked
/// up.
fn settled_by_text(candidates: &[usize], text: &str) -> Option<usize> {
    /// How many characters a name above may have (内蒙古自治区 has 6).
    const ABOVE_CHARS: usize = 12;
    /// How many bytes of the text's head are read: a report names its
    /// place in full in its title or first lines, if anywhere.
    const HEAD: usize = 4096;
    /// How many of the candidate's names there are looked at.
    const TIMES: usize = 8;
    let mut end = HEAD.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut named = candidates.iter().copied().filter(|&d| {
        let this = division(d);
        let above = [
            province_of(this.code),
            (this.level == Level::County)
                .then(|| prefecture_of(this.code))
                .flatten(),
        ];
        // Every name of a place above starts as its full name does (兰州,
        // 兰州市; 恩施州, 恩施土家族苗族自治州): only words that start so
        // are looked up.
        let firsts: Vec<char> = above
            .iter()
            .flatten()
            .filter_map(|&a| division(a).name.chars().next())
            .collect();
        head.match_indices(this.name).take(TIMES).any(|(at, _)| {
            let before = &head[..at];
            before
                .char_indices()
                .rev()
                .take(ABOVE_CHARS)
                .filter(|&(_, c)| firsts.contains(&c))
                .any(|(start, _)| {
                    let word = &before[start..];
                    starting_with(first_window(word), word)
                        .iter()
                        .take_while(|row| name_of(row) == word)
                        .any(|&(_, _, a, _)| {
                            let a = usize::from(a);
                            a != d && above.contains(&Some(a))
                        })
                })
        })
    });
    let first = named.next()?;
    named.next().is_none().then_some(first)
}

/// Whether the text dates itself by the Republic of China's years: it
/// names the report's year as one (2023 as 112年). The word 民國 alone is
/// not enough: a mainland report may name it for its history.
fn dates_by_minguo(text: &str, year: Option<i32>) -> bool {
    year.is_some_and(|year| {
        let era = year - MINGUO_OFFSET;
        era > 0 && text.contains(&format!("{era}{YEAR_MARK}"))
    })
}

/// Taiwan, as a province-level region.
fn taiwan() -> Region {
    find(TAIWAN_CODE, Level::Province).map_or_else(Region::default, region_of)
}

/// Reads a whole place.
fn read_place(place: &str) -> Reading {
    let mut reading = Reading::default();
    read(place, 0, None, &mut reading);
    reading
}

/// The region of a library named `name` (folded to simplified script;
/// `written` is the name as the report writes it, read when the folded
/// one names no division), from the name and, where it names several
/// divisions, from `text`; a warning when the name does not settle the
/// division.
pub fn locate(
    name: &str,
    written: &str,
    text: &str,
    year: Option<i32>,
) -> (Region, Option<Warning>) {
    let unsettled = |candidates: Vec<String>| Warning::UnsettledDivision {
        name: name.to_string(),
        candidates,
    };
    let Some(place) = place_of(name).filter(|p| !p.is_empty()) else {
        return (Region::default(), Some(unsettled(Vec::new())));
    };
    let mut reading = read_place(place);
    // A name folded wrongly (乾县 is no 干县): the name as written.
    if reading.whole.is_empty()
        && written != name
        && let Some(place) = place_of(written).filter(|p| !p.is_empty())
    {
        let other = read_place(place);
        if !other.whole.is_empty() {
            reading = other;
        }
    }
    match reading.whole.as_slice() {
        [one] => (region_of(*one), None),
        [] if written != name && dates_by_minguo(text, year) => {
            // A name in traditional script that no division table names,
            // in a report dated by the Republic of China's years (112年度
            // is 2023), is Taiwan's: all of it has one code.
            (taiwan(), None)
        }
        [] => {
            // Only the levels the name settles, and no code: the library's
            // own division is not known.
            let region = reading
                .partial
                .map_or_else(Region::default, |(d, _)| Region {
                    division_code: None,
                    ..region_of(d)
                });
            (region, Some(unsettled(Vec::new())))
        }
        several => match settled_by_text(several, text) {
            Some(d) => (region_of(d), None),
            None => {
                let mut candidates: Vec<String> = several.iter().map(|&d| path_of(d)).collect();
                candidates.sort();
                (Region::default(), Some(unsettled(candidates)))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(name: &str) -> Option<String> {
        locate(name, name, "", None).0.division_code
    }

    #[test]
    fn the_tables_are_sorted_for_binary_search() {
        assert!(
            DIVISION_NAMES
                .windows(2)
                .all(|w| name_of(&w[0]) <= name_of(&w[1])),
            "DIVISION_NAMES by name"
        );
        // every range is a name (a range off a character's edge reads as "")
        assert!(DIVISION_NAMES.iter().all(|row| !name_of(row).is_empty()));
        assert!((0..DIVISIONS.len()).all(|d| !division(d).name.is_empty()));
        assert!(
            DIVISIONS
                .windows(2)
                .all(|w| (w[0].0, division_level(w[0].1)) <= (w[1].0, division_level(w[1].1))),
            "DIVISIONS by code and level"
        );
        assert!(
            DIVISION_NAMES
                .iter()
                .all(|&(_, _, d, _)| usize::from(d) < DIVISIONS.len())
        );
        // every name is in the window of its first character
        for row in DIVISION_NAMES {
            let name = name_of(row);
            assert!(
                first_window(name).iter().any(|r| r == row),
                "{name} is in its window"
            );
        }
    }

    #[test]
    fn the_issue_examples() {
        let (region, warning) = locate("重庆市武隆区图书馆", "重庆市武隆区图书馆", "", None);
        assert_eq!(warning, None);
        assert_eq!(region.province.as_deref(), Some("重庆市"));
        assert_eq!(region.prefecture, None);
        assert_eq!(region.county.as_deref(), Some("武隆区"));
        assert_eq!(region.division_code.as_deref(), Some("500156"));
        assert_eq!(code("武隆区图书馆").as_deref(), Some("500156"));
        assert_eq!(code("湖南图书馆").as_deref(), Some("430000"));
        assert_eq!(code("长沙市图书馆").as_deref(), Some("430100"));
        let (region, warning) = locate("城关区图书馆", "城关区图书馆", "", None);
        assert_eq!(region, Region::default());
        let Some(Warning::UnsettledDivision { candidates, .. }) = warning else {
            panic!("a warning: {warning:?}");
        };
        assert!(candidates.contains(&"甘肃省兰州市城关区 620102".to_string()));
    }

    #[test]
    fn the_text_settles_only_by_naming_one_candidate_in_full() {
        let text = "兰州市城关区图书馆2020年工作总结";
        assert_eq!(
            locate("城关区图书馆", "城关区图书馆", text, None)
                .0
                .division_code
                .as_deref(),
            Some("620102")
        );
        // naming both, or only the short place, settles nothing
        assert_eq!(code("城关区图书馆"), None);
        let both = "兰州市城关区 拉萨市城关区";
        assert_eq!(
            locate("城关区图书馆", "城关区图书馆", both, None)
                .0
                .division_code,
            None
        );
    }

    #[test]
    fn a_short_name_must_be_followed_by_a_division_or_the_end() {
        // 青州 is a county-level city in 山东; 青州湾市 is not it.
        let (region, warning) =
            locate("青州湾市少年儿童图书馆", "青州湾市少年儿童图书馆", "", None);
        assert_eq!(region, Region::default());
        assert!(warning.is_some());
    }

    #[test]
    fn partial_names_keep_the_levels_they_name_without_a_code() {
        let (region, warning) = locate("云南省滇岭市图书馆", "云南省滇岭市图书馆", "", None);
        assert_eq!(region.province.as_deref(), Some("云南省"));
        assert_eq!(region.division_code, None);
        assert!(warning.is_some());
    }

    #[test]
    fn an_unknown_traditional_name_dated_by_minguo_is_taiwan() {
        let text = "新港市立圖書館\n112年度服務成果報告";
        let (region, warning) = locate("新港市立图书馆", "新港市立圖書館", text, Some(2023));
        assert_eq!(region.province.as_deref(), Some("台湾省"));
        assert_eq!(region.division_code.as_deref(), Some("710000"));
        assert_eq!(warning, None);
        // not in simplified script, not without the era
        assert!(
            locate("新港市立图书馆", "新港市立图书馆", text, Some(2023))
                .1
                .is_some()
        );
        assert!(
            locate("新港市立图书馆", "新港市立圖書館", "2023年", Some(2023))
                .1
                .is_some()
        );
    }

    #[test]
    fn names_without_a_place_get_nothing() {
        for name in ["少年儿童图书馆", "国家图书馆", "康乐及文化事务署"] {
            let (region, warning) = locate(name, name, "", None);
            assert_eq!(region, Region::default(), "{name}");
            assert!(warning.is_some(), "{name}");
        }
    }
}
