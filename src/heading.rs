//! Numbering markers and heading shapes, shared by `clean` (which must not
//! glue a heading to the paragraph under it), `segment`, `chronicle` and
//! `plan` (which split numbered points).
//!
//! Grammar of a marker at the start of a line (leading white space allowed):
//!
//! ```text
//! chapter  = 第 numeral (章 | 部分 | 篇)           第一章  第3部分
//! han      = han-numeral (、 | ． | .)             一、  十二、  壹、
//! paren    = (（ | "(") numeral (） | ")") 、?     （一）  (3)
//! arabic   = digits (、 | ． | . | ）| ")")         1、  2.  3）
//! circled  = ① … ⑳
//! ```
//!
//! `1.` followed by a digit is ambiguous (`18.16%` is a number, `1.1 月 13
//! 日` is point 1 of a chronicle), so [`split_marker`] refuses it and
//! [`split_marker_loose`] accepts it for callers that check the sequence.

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use crate::matcher::words::WordSet;

use crate::contract::report::SectionKind;

use crate::tables::enumeration::{
    ARABIC_MARKER_ENDS, ARABIC_MARKER_POINTS, CHAPTER_WORDS, HAN_MARKER_ENDS, ORDINAL_PREFIX,
};
use crate::tables::punctuation::{LIST_COMMA, PAREN_CLOSES, PAREN_OPENS};
use crate::tables::sections::{SECTION_TITLES, TITLE_WORDS};

/// The numbering style of a heading or list point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerStyle {
    /// 第一章, 第二部分.
    Chapter,
    /// 一、 二、.
    Han,
    /// （一） （二）.
    ParenHan,
    /// 1、 2. 3）.
    Arabic,
    /// （1） (2).
    ParenArabic,
    /// ① ②.
    Circled,
}

/// A numbering marker: its style and number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// How the number is written.
    pub style: MarkerStyle,
    /// The number (1-based).
    pub number: u32,
}

impl MarkerStyle {
    /// How deep a heading of this style usually sits (1 = chapter).
    pub fn depth(self) -> u8 {
        match self {
            MarkerStyle::Chapter => 1,
            MarkerStyle::Han => 2,
            MarkerStyle::ParenHan => 3,
            MarkerStyle::Arabic => 4,
            MarkerStyle::ParenArabic => 5,
            MarkerStyle::Circled => 6,
        }
    }
}

/// The marker at the start of `line` and the text after it (trimmed).
/// `1.` followed by a digit is not taken as a marker.
pub fn split_marker(line: &str) -> Option<(Marker, &str)> {
    split(line, false)
}

/// Where a numbered list (a plan's points, a chronicle's entries) stands:
/// what the next point's marker may be.
#[derive(Clone, Copy, Debug)]
pub struct Sequence {
    /// The number of the last point.
    pub last: u32,
    /// The style every point is numbered in, once known.
    pub style: Option<MarkerStyle>,
    /// Whether a new list may start again at 1.
    pub may_restart: bool,
}

impl Sequence {
    /// The marker that opens `text`: the one its line was read with
    /// (`marker`), else `1.2021 年…` read as point 1 only when it continues
    /// the sequence, since `1.5万册` is a number.
    pub fn next<'a>(
        &self,
        marker: Option<(Marker, &'a str)>,
        text: &'a str,
    ) -> Option<(Marker, &'a str)> {
        marker.or_else(|| {
            split_marker_loose(text).filter(|(m, _)| {
                self.style.is_none_or(|style| style == m.style)
                    && (m.number == self.last + 1 || (self.may_restart && m.number == 1))
            })
        })
    }
}

/// Like [`split_marker`], but `1.2…` counts as point 1 followed by `2…`.
/// For numbered lists whose caller checks that the points run in sequence.
pub fn split_marker_loose(line: &str) -> Option<(Marker, &str)> {
    split(line, true)
}

fn split(line: &str, loose: bool) -> Option<(Marker, &str)> {
    let s = line.trim_start();
    let (marker, rest) = chapter(s)
        .or_else(|| paren(s))
        .or_else(|| circled(s))
        .or_else(|| han(s))
        .or_else(|| arabic(s, loose))?;
    Some((marker, rest.trim_start()))
}

fn chapter(s: &str) -> Option<(Marker, &str)> {
    let rest = s.strip_prefix(ORDINAL_PREFIX)?;
    let (number, rest) = small_number(rest.trim_start())?;
    let rest = rest.trim_start();
    CHAPTER_WORDS
        .iter()
        .find_map(|word| rest.strip_prefix(word))
        .map(|rest| {
            let style = MarkerStyle::Chapter;
            (Marker { style, number }, rest)
        })
}

fn paren(s: &str) -> Option<(Marker, &str)> {
    let rest = s.strip_prefix(PAREN_OPENS)?;
    let (number, han) = match small_number(rest.trim_start()) {
        Some((n, r)) => (n, r),
        None => return None,
    };
    let is_han = !rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let rest = han.trim_start().strip_prefix(PAREN_CLOSES)?;
    let rest = rest.strip_prefix(LIST_COMMA).unwrap_or(rest);
    let style = if is_han {
        MarkerStyle::ParenHan
    } else {
        MarkerStyle::ParenArabic
    };
    Some((Marker { style, number }, rest))
}

fn circled(s: &str) -> Option<(Marker, &str)> {
    let c = s.chars().next()?;
    let number = match c {
        '①'..='⑳' => c as u32 - '①' as u32 + 1,
        _ => return None,
    };
    let rest = &s[c.len_utf8()..];
    Some((
        Marker {
            style: MarkerStyle::Circled,
            number,
        },
        rest,
    ))
}

fn han(s: &str) -> Option<(Marker, &str)> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (number, rest) = small_number(s)?;
    let rest = rest.strip_prefix(HAN_MARKER_ENDS)?;
    let style = MarkerStyle::Han;
    Some((Marker { style, number }, rest))
}

fn arabic(s: &str, loose: bool) -> Option<(Marker, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let number: u32 = s[..digits].parse().ok()?;
    let rest = &s[digits..];
    let sep = rest.chars().next()?;
    let after = &rest[sep.len_utf8()..];
    match sep {
        c if ARABIC_MARKER_ENDS.contains(&c) => {}
        c if ARABIC_MARKER_POINTS.contains(&c) => {
            let next = after.chars().next();
            // "1.5万" and "18.16%" are numbers; "1.1 月" is point 1 only
            // when the caller checks the sequence.
            if next.is_none_or(|c| c.is_ascii_digit() && !loose) {
                return None;
            }
        }
        _ => return None,
    }
    let style = MarkerStyle::Arabic;
    Some((Marker { style, number }, after))
}

/// A number from 1 to 99 in Arabic digits or Han numerals, at the start.
fn small_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if digits > 2 {
            return None;
        }
        return Some((s[..digits].parse().ok()?, &s[digits..]));
    }
    let mut value = 0u32;
    let mut tens_seen = false;
    let mut consumed = 0;
    for c in s.chars() {
        let Some(digit) = crate::text::han_digit(c) else {
            break;
        };
        if digit == 10 {
            if tens_seen {
                return None;
            }
            tens_seen = true;
            value = value.max(1) * 10;
        } else if tens_seen {
            if !value.is_multiple_of(10) {
                return None;
            }
            value += digit;
        } else {
            if value != 0 {
                return None;
            }
            value = digit;
        }
        consumed += c.len_utf8();
    }
    (consumed > 0 && value > 0).then(|| (value, &s[consumed..]))
}

/// The section kind a title names, by the longest title word it contains;
/// the title already folded (a cleaned line's `folded()`).
pub fn title_kind_folded(folded: &str) -> Option<SectionKind> {
    static WORDS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(SECTION_TITLES.iter().map(|(word, _)| word)));
    WORDS
        .find_all(folded)
        .max_by_key(|m| (m.len(), std::cmp::Reverse(m.row())))
        .map(|m| SECTION_TITLES[m.row()].1)
}

/// True when a line reads as a title of the report itself (年报, 年度报告);
/// the line already folded.
pub fn is_report_title_folded(folded: &str) -> bool {
    TITLE_WORDS.iter().any(|word| folded.contains(word))
}

/// The display widths a heading may have.
const HEADING_WIDTHS: RangeInclusive<usize> = 2..=80;

/// True when `line` has the shape of a heading: short, not a sentence.
pub fn is_heading_shaped(line: &str) -> bool {
    heading_width(line).is_some()
}

/// [`is_heading_shaped`] for a trimmed text whose display width is known
/// (a cleaned line's): most lines are too wide, and are refused at once.
pub fn is_heading_of_width(text: &str, width: usize) -> bool {
    HEADING_WIDTHS.contains(&width) && !crate::text::has_heading_break(text)
}

/// The display width of `line` (trimmed) when it has the shape of a
/// heading, so that a caller who also asks how wide it is measures once.
pub fn heading_width(line: &str) -> Option<usize> {
    let text = line.trim();
    // No character is wider than 4 bytes: a longer line is no heading, and
    // most paragraph lines are refused without measuring them.
    if text.len() > HEADING_WIDTHS.end() * 4 || crate::text::has_heading_break(text) {
        return None;
    }
    Some(crate::text::display_width(text)).filter(|width| HEADING_WIDTHS.contains(width))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold;

    fn marker(line: &str) -> Option<(MarkerStyle, u32, &str)> {
        split_marker(line).map(|(m, rest)| (m.style, m.number, rest))
    }

    #[test]
    fn reads_every_marker_style() {
        use MarkerStyle::*;
        let cases = [
            ("第一章 2020 年大事记", Some((Chapter, 1, "2020 年大事记"))),
            ("第 3 章 经费", Some((Chapter, 3, "经费"))),
            ("一、服务效能", Some((Han, 1, "服务效能"))),
            ("十二、其他", Some((Han, 12, "其他"))),
            ("二十一．总结", Some((Han, 21, "总结"))),
            (
                "（三）切实加大对外媒体宣传。",
                Some((ParenHan, 3, "切实加大对外媒体宣传。")),
            ),
            ("(2)开展", Some((ParenArabic, 2, "开展"))),
            ("1、做好闭关期间", Some((Arabic, 1, "做好闭关期间"))),
            (
                "3.开展节假日系列主题活动。",
                Some((Arabic, 3, "开展节假日系列主题活动。")),
            ),
            ("2）开展", Some((Arabic, 2, "开展"))),
            (" ②其他", Some((Circled, 2, "其他"))),
        ];
        for (line, want) in cases {
            assert_eq!(marker(line), want, "{line}");
        }
    }

    #[test]
    fn refuses_numbers_that_are_not_markers() {
        for line in [
            "18.16%，2020 年",
            "1.5万册",
            "2020 年馆藏量",
            "一是图书馆总分馆建设",
            "十四日",
            "123、",
            "第一名",
            "一",
        ] {
            assert_eq!(marker(line), None, "{line}");
        }
    }

    #[test]
    fn loose_markers_take_points_before_digits() {
        let (m, rest) = split_marker_loose("1.1 月 13 日—1 月 17 日").expect("marker");
        assert_eq!((m.number, rest), (1, "1 月 13 日—1 月 17 日"));
        let (m, rest) = split_marker_loose("10.2020 年 10 月 26 日").expect("marker");
        assert_eq!((m.number, rest), (10, "2020 年 10 月 26 日"));
    }

    #[test]
    fn titles_map_to_kinds_longest_word_first() {
        use SectionKind::*;
        let cases = [
            ("第一章 2020年安居区图书馆工作计划与总结", Some(Summary)),
            ("武隆区图书馆 2021 年度工作计划", Some(Plan)),
            ("2020 年数据分析汇总表", Some(Statistics)),
            ("2020 年大事记", Some(Chronicle)),
            ("第三章 2020 年安居区图书馆机构与人员", Some(Organization)),
            ("第四章 2020 年安居区图书馆经费情况", Some(Funding)),
            ("2021年工作思路", Some(Plan)),
            ("一、服务效能", None),
        ];
        for (title, want) in cases {
            assert_eq!(title_kind_folded(&fold::fold(title)), want, "{title}");
        }
    }

    #[test]
    fn heading_shape_excludes_sentences() {
        assert!(is_heading_shaped("2020 年大事记"));
        assert!(is_heading_shaped("3、拓展服务路径，提升服务效能"));
        assert!(!is_heading_shaped("现将全年来工作总结如下："));
        assert!(!is_heading_shaped("序号\t项目名称"));
        assert!(!is_heading_shaped(
            "2020 年馆藏量 180383 册，其中新增藏量 12797 册。"
        ));
    }
}
