//! The year a news item covers, from its publication stamp: the date a
//! page is published under (发布时间：2016-10-19, 2020/12/13 05:30), read
//! by `date::publication_stamp` (by the reader, before a site's lines are
//! blanked, or from the text's head).
//!
//! The weakest evidence of a year before none, and taken only when the
//! text agrees: an item published in the year's first months (January to
//! April) is about the year before when that is the one year it names
//! (year-end reports, awards, statistics); one published later is about its
//! own year when it names no other. A page that names another year, or a
//! Republic-of-China year, is left to the other evidence or to `None`.

use super::{NamedYear, era_year_phrases};
use crate::tables::identity::EARLY_MONTHS_END;

/// The year a text covers by its publication stamp `(year, month)` (see
/// the module), given the years its head names (`candidates`, as
/// `named_years` counts them, comparisons aside) and those its first
/// sentences name (`named`); `head` is the text's head as written.
pub(super) fn year_by_stamp(
    (year, month): (i32, u32),
    head: &str,
    candidates: &[i32],
    named: &[NamedYear],
) -> Option<i32> {
    if !era_year_phrases(head).is_empty() {
        return None;
    }
    // The rules below ask for one year named at most: the three most
    // named (`candidates`) hold two or more whenever the head does.
    let mut years: Vec<i32> = candidates
        .iter()
        .copied()
        .chain(named.iter().map(|n| n.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    if month <= EARLY_MONTHS_END {
        let before = year.checked_sub(1)?;
        (years == [before]).then_some(before)
    } else {
        years.iter().all(|&named| named == year).then_some(year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;
    use crate::identity::named_years;

    fn year_of(text: &str) -> Option<i32> {
        let stamp = date::publication_stamp(&crate::fold::fold(text))?;
        year_by_stamp(stamp, text, &named_years(text), &[])
    }

    #[test]
    fn an_early_item_is_about_the_one_year_before_it_names() {
        let text = "发布时间：2021-03-02\n某县图书馆召开2020年度阅读之星表彰会。";
        assert_eq!(year_of(text), Some(2020));
        // naming its own year too, or no year, it says nothing
        let both = "发布时间：2021-03-02\n某县图书馆总结2020年工作，部署2021年工作。";
        assert_eq!(year_of(both), None);
        assert_eq!(year_of("发布时间：2021-03-02\n某县图书馆举办讲座。"), None);
    }

    #[test]
    fn a_later_item_is_about_its_own_year_unless_it_names_another() {
        assert_eq!(
            year_of("发布时间：2016-10-19\n某县图书馆配送图书。"),
            Some(2016)
        );
        assert_eq!(
            year_of("发布时间：2016-10-19\n某县图书馆2016年配送图书。"),
            Some(2016)
        );
        // a past year named: perhaps a page about then, reposted
        assert_eq!(
            year_of("发布时间：2016-10-19\n2012年，某县图书馆新馆落成。"),
            None
        );
        // a compared year is no year named
        assert_eq!(
            year_of("发布时间：2016-10-19\n某县图书馆借阅量较2015年增长。"),
            Some(2016)
        );
        // a Republic-of-China year: left to the era's evidence
        assert_eq!(
            year_of("發佈時間：2016-06-21\n某市立圖書館104年借閱冊數"),
            None
        );
    }
}
