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

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::contract::report::Warning;
use crate::tables::dates::MINGUO_OFFSET;
use crate::tables::divisions::{
    DIVISIONS_TSV, ETHNIC_MARKS, LIBRARY_WORD, NAME_DESCRIPTORS, NAME_LEADS, PREFECTURE_SUFFIXES,
    PROVINCE_SUFFIXES, TAIWAN_CODE,
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

/// A division's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Province,
    Prefecture,
    County,
}

/// One row of the division table.
#[derive(Debug)]
struct Division {
    level: Level,
    code: u32,
    name: &'static str,
}

/// How a name was matched: short names must be followed by more of the
/// chain or the end of the place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Full,
    Short,
}

/// The division table, indexed by every name a library may use.
struct Index {
    divisions: Vec<Division>,
    by_name: HashMap<String, Vec<(usize, Form)>>,
    province_of: HashMap<u32, usize>,
    prefecture_of: HashMap<u32, usize>,
    longest: usize,
}

/// The index, built on first use (once per process, not per record).
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build)
}

fn build() -> Index {
    let mut index = Index {
        divisions: Vec::new(),
        by_name: HashMap::new(),
        province_of: HashMap::new(),
        prefecture_of: HashMap::new(),
        longest: 0,
    };
    for line in DIVISIONS_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cells = line.split('\t');
        let (Some(level), Some(code), Some(name)) = (cells.next(), cells.next(), cells.next())
        else {
            continue;
        };
        let level = match level {
            "p" => Level::Province,
            "c" => Level::Prefecture,
            "a" => Level::County,
            _ => continue,
        };
        let Ok(code) = code.parse::<u32>() else {
            continue;
        };
        let at = index.divisions.len();
        index.divisions.push(Division { level, code, name });
        let mut names = vec![(name.to_string(), Form::Full)];
        match level {
            Level::Province => {
                index.province_of.insert(code / 10000, at);
                names.extend(short(name, PROVINCE_SUFFIXES).map(|s| (s, Form::Short)));
            }
            Level::Prefecture => {
                // Taiwan's cities share 710000: only coded prefectures are parents.
                if code % 10000 != 0 {
                    index.prefecture_of.insert(code / 100, at);
                }
                if name.ends_with("自治州") {
                    if let Some(cut) = ETHNIC_MARKS.iter().filter_map(|m| name.find(m)).min() {
                        let stem = &name[..cut];
                        if stem.chars().count() >= 2 {
                            names.push((stem.to_string(), Form::Short));
                            names.push((format!("{stem}州"), Form::Full));
                        }
                    }
                } else {
                    names.extend(short(name, PREFECTURE_SUFFIXES).map(|s| (s, Form::Short)));
                }
            }
            Level::County => {
                // 秀山土家族苗族自治县 is also written 秀山县, 鄂托克前旗's
                // neighbours 自治旗 … 旗.
                for (suffix, level_word) in [("自治县", "县"), ("自治旗", "旗")] {
                    if name.ends_with(suffix) {
                        if let Some(cut) = ETHNIC_MARKS.iter().filter_map(|m| name.find(m)).min() {
                            let stem = &name[..cut];
                            if stem.chars().count() >= 2 {
                                names.push((format!("{stem}{level_word}"), Form::Full));
                            }
                        }
                    }
                }
                for former in cells.next().unwrap_or("").split(';') {
                    if !former.is_empty() {
                        names.push((former.to_string(), Form::Full));
                    }
                }
            }
        }
        for (name, form) in names {
            index.longest = index.longest.max(name.chars().count());
            let entry = index.by_name.entry(name).or_default();
            if !entry.iter().any(|&(d, _)| d == at) {
                entry.push((at, form));
            }
        }
    }
    index
}

/// A name less the first of `suffixes` it ends in, when two characters or
/// more are left.
fn short(name: &str, suffixes: &[&str]) -> Option<String> {
    suffixes.iter().find_map(|s| {
        let stem = name.strip_suffix(s)?;
        (stem.chars().count() >= 2).then(|| stem.to_string())
    })
}

/// Whether `inner` may follow `outer` in a name's chain: a lower level,
/// inside it.
fn inside(outer: &Division, inner: &Division) -> bool {
    match (outer.level, inner.level) {
        (Level::Province, Level::Prefecture | Level::County) => {
            outer.code / 10000 == inner.code / 10000
        }
        (Level::Prefecture, Level::County) => {
            outer.code % 10000 != 0 && outer.code / 100 == inner.code / 100
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
        if let Some(stem) = place.strip_suffix('立') {
            if stem.ends_with(['市', '县', '省', '区']) {
                place = stem;
            }
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

/// Reads `chars[at..]` as a chain after `parent`.
fn read(index: &Index, chars: &[char], at: usize, parent: Option<usize>, out: &mut Reading) {
    let rest = chars.len() - at;
    for len in (1..=rest.min(index.longest)).rev() {
        let word: String = chars[at..at + len].iter().collect();
        let Some(found) = index.by_name.get(&word) else {
            continue;
        };
        for &(d, form) in found {
            let division = &index.divisions[d];
            if parent.is_some_and(|p| !inside(&index.divisions[p], division)) {
                continue;
            }
            let end = at + len;
            if end == chars.len() {
                if !out.whole.contains(&d) {
                    out.whole.push(d);
                }
                continue;
            }
            let before = out.whole.len();
            read(index, chars, end, Some(d), out);
            if form == Form::Full
                && out.whole.len() == before
                && out.partial.is_none_or(|(_, taken)| end > taken)
            {
                out.partial = Some((d, end));
            }
        }
    }
}

/// The region of one division.
fn region_of(index: &Index, d: usize) -> Region {
    let division = &index.divisions[d];
    let name = |at: Option<&usize>| at.map(|&at| index.divisions[at].name.to_string());
    let province = name(index.province_of.get(&(division.code / 10000)));
    match division.level {
        Level::Province => Region {
            province,
            division_code: Some(format!("{:06}", division.code)),
            ..Region::default()
        },
        Level::Prefecture => Region {
            province,
            prefecture: Some(division.name.to_string()),
            division_code: Some(format!("{:06}", division.code)),
            ..Region::default()
        },
        Level::County => Region {
            province,
            prefecture: name(index.prefecture_of.get(&(division.code / 100))),
            county: Some(division.name.to_string()),
            division_code: Some(format!("{:06}", division.code)),
        },
    }
}

/// A division's full path, as a warning names a candidate
/// (甘肃省兰州市城关区 620102).
fn path_of(index: &Index, d: usize) -> String {
    let region = region_of(index, d);
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

/// Which of `candidates` the text names in full, with the place above it
/// (兰州市城关区, 兰州城关区, 甘肃省城关区), when exactly one.
fn settled_by_text(index: &Index, candidates: &[usize], text: &str) -> Option<usize> {
    let mut named = candidates.iter().copied().filter(|&d| {
        let division = &index.divisions[d];
        let mut above: Vec<usize> = Vec::new();
        above.extend(index.province_of.get(&(division.code / 10000)));
        if division.level == Level::County {
            above.extend(index.prefecture_of.get(&(division.code / 100)));
        }
        above.iter().filter(|&&a| a != d).any(|&a| {
            index
                .by_name
                .iter()
                .filter(|(_, ds)| ds.iter().any(|&(x, _)| x == a))
                .any(|(name, _)| text.contains(&format!("{name}{}", division.name)))
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
        era > 0 && text.contains(&format!("{era}年"))
    })
}

/// Taiwan, as a province-level region.
fn taiwan(index: &Index) -> Region {
    index
        .province_of
        .get(&(TAIWAN_CODE / 10000))
        .map_or_else(Region::default, |&d| region_of(index, d))
}

/// Reads a whole place.
fn read_place(index: &Index, place: &str) -> Reading {
    let chars: Vec<char> = place.chars().collect();
    let mut reading = Reading::default();
    read(index, &chars, 0, None, &mut reading);
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
    let index = index();
    let unsettled = |candidates: Vec<String>| Warning::UnsettledDivision {
        name: name.to_string(),
        candidates,
    };
    let Some(place) = place_of(name).filter(|p| !p.is_empty()) else {
        return (Region::default(), Some(unsettled(Vec::new())));
    };
    let mut reading = read_place(index, place);
    // A name folded wrongly (乾县 is no 干县): the name as written.
    if reading.whole.is_empty() && written != name {
        if let Some(place) = place_of(written).filter(|p| !p.is_empty()) {
            let other = read_place(index, place);
            if !other.whole.is_empty() {
                reading = other;
            }
        }
    }
    match reading.whole.as_slice() {
        [one] => (region_of(index, *one), None),
        [] if written != name && dates_by_minguo(text, year) => {
            // A name in traditional script that no division table names,
            // in a report dated by the Republic of China's years (112年度
            // is 2023), is Taiwan's: all of it has one code.
            (taiwan(index), None)
        }
        [] => {
            // Only the levels the name settles, and no code: the library's
            // own division is not known.
            let region = reading
                .partial
                .map_or_else(Region::default, |(d, _)| Region {
                    division_code: None,
                    ..region_of(index, d)
                });
            (region, Some(unsettled(Vec::new())))
        }
        several => match settled_by_text(index, several, text) {
            Some(d) => (region_of(index, d), None),
            None => {
                let mut candidates: Vec<String> =
                    several.iter().map(|&d| path_of(index, d)).collect();
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
