//! The time a report covers when it is less than its year: a title of
//! part of the year ((6月), 上半年, 1-6月) or a title or headline of one
//! month (日照图书馆7月共接待读者…, 某馆(6月)数据统计). Decided once, with
//! the report's year and library, and read by the pipeline: such a
//! report's counts are not the year's.

use crate::tables::dates::{MONTH_MARK, MONTH_SUFFIX};
use crate::tables::library::HALL;
use crate::tables::metrics::{MONTH_TITLE_NOT_WHOLE, MONTH_TITLE_STOPS, WHOLE_YEAR_TITLE_WORDS};
use crate::tables::punctuation::{
    CLAUSE_ENDS, HAN_DIGITS, MONTH_RANGE_MARKS, PAREN_CLOSES, PAREN_OPENS,
};

/// The part of the year a title line names, as written: a half or a
/// quarter (上半年, 第三季度), a month alone ((6月), 6月份) or a run of
/// months that stops before the year's last quarter (1-6月). A run to
/// November or December is the year's (截止11月份 counts as the year).
pub(super) fn part_of_year(text: &str, folded: &str) -> Option<String> {
    use crate::tables::identity::{LAST_PART_MONTH, MONTH_RUN_JOINS, PART_OF_YEAR_WORDS};
    if let Some(word) = PART_OF_YEAR_WORDS.iter().find(|w| folded.contains(**w)) {
        return Some((*word).to_owned());
    }
    let month = |s: &str| -> Option<(u32, usize)> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let n: u32 = s.get(..digits)?.parse().ok()?;
        (1..=12).contains(&n).then_some((n, digits))
    };
    for (at, _) in text.match_indices(MONTH_MARK) {
        let before = &text[..at];
        let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let Some((to, _)) = month(&before[at - digits..]) else {
            continue;
        };
        let start = at - digits;
        let after = &text[at + MONTH_MARK.len_utf8()..];
        let lead = before[..start].trim_end_matches(MONTH_MARK);
        let run_from = MONTH_RUN_JOINS.iter().find_map(|j| {
            let rest = lead.strip_suffix(j)?;
            let d = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
            month(&rest[rest.len() - d..]).map(|(from, _)| (from, rest.len() - d))
        });
        if let Some((from, from_at)) = run_from {
            if from < to && to <= LAST_PART_MONTH {
                return Some(text[from_at..at + MONTH_MARK.len_utf8()].to_owned());
            }
            continue;
        }
        let bracketed = lead.ends_with(PAREN_OPENS) && after.starts_with(PAREN_CLOSES);
        if bracketed || after.starts_with(MONTH_SUFFIX) {
            return Some(text[start..at + MONTH_MARK.len_utf8()].to_owned());
        }
    }
    None
}

/// Marks that open an item of a list of links.
const LIST_MARKS: &[char] = &['-', '•', '·', '*', '●', '▪', '◆', '>', '»'];

/// The most characters of a title line: a longer first line is body text.
const MAX_TITLE_CHARS: usize = 48;

/// Whether the report's first line, `folded` (simplified), is a title or
/// headline of one month (日照图书馆7月共接待读者38.5万人次, 某区图书馆
/// (6月)数据统计, 某馆九月活动预告): a library's title naming a month, with
/// no day (5月14日 is a news item's date), no range of months (1-11月) and
/// no word of the whole year (全年, 年度).
pub fn is_one_month_title(folded: &str) -> bool {
    let title = folded.trim();
    // A list item (- 某馆九月活动预告) is a site's menu of other pages.
    // Cheap tests first: most first lines name no month.
    if title.is_empty()
        || title.len() > MAX_TITLE_CHARS * 4
        || !title.contains(MONTH_MARK)
        || !title.contains(HALL)
        || title.starts_with(LIST_MARKS)
        || title.chars().count() > MAX_TITLE_CHARS
        || title.contains(CLAUSE_ENDS)
        || WHOLE_YEAR_TITLE_WORDS.iter().any(|w| title.contains(w))
    {
        return false;
    }
    title.match_indices(MONTH_MARK).any(|(at, _)| {
        let head = &title[..at];
        let after = &title[at + MONTH_MARK.len_utf8()..];
        let digits: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || HAN_DIGITS.contains(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let month = digits.parse::<u32>().ok().or_else(|| {
            crate::numeral::parse_full(&digits)
                .ok()
                .and_then(|n| n.to_string().parse().ok())
        });
        let before = head[..head.len() - digits.len()].trim_end();
        month.is_some_and(|m| (1..=12).contains(&m))
            && !before.ends_with(MONTH_RANGE_MARKS)
            && !before.ends_with(MONTH_MARK)
            && !MONTH_TITLE_STOPS.iter().any(|w| after.starts_with(w))
            && !MONTH_TITLE_NOT_WHOLE.iter().any(|w| after.starts_with(w))
    })
}

#[cfg(test)]
mod tests {
    use super::is_one_month_title;

    #[test]
    fn a_title_of_one_month() {
        assert!(is_one_month_title("青溪县图书馆8月共接待读者2.1万人次"));
        assert!(is_one_month_title("2022年青溪县图书馆(3月)数据统计"));
        assert!(is_one_month_title("青溪区图书馆十月活动预告"));
        assert!(is_one_month_title("青溪县图书馆3月份工作简报"));
    }

    #[test]
    fn no_title_of_one_month() {
        // a day is a news item's date; a range, the year so far
        assert!(!is_one_month_title("5月14日青溪县图书馆举办读书分享会"));
        assert!(!is_one_month_title("青溪县图书馆1-11月接待读者统计"));
        assert!(!is_one_month_title("青溪县图书馆1月至11月工作情况"));
        // a site's menu of other pages
        assert!(!is_one_month_title("- 青溪区图书馆十月活动预告"));
        // the whole year; a chronicle's month heading; body text
        assert!(!is_one_month_title("青溪县图书馆2022年度工作总结（12月）"));
        assert!(!is_one_month_title("一月"));
        assert!(!is_one_month_title("3月，青溪县图书馆举办了讲座。"));
        assert!(!is_one_month_title("青溪县图书馆2022年工作总结"));
    }
}
