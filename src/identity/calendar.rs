//! A chronicle's year from its calendar: entries dated by day with the day
//! of the week (1月30日星期六，…) fit only some years, and when one year the
//! text names fits every such entry, that is the chronicle's year.
//!
//! Weakest of the evidence: read only for a report with a chronicle that no
//! other evidence dated. A day of the week is the calendar's, so it cannot
//! be a compared or a founding year; but its year must be one the text
//! names, since a weekday repeats every few years.

use crate::clean::Lines;
use crate::date::{self, DateContext};
use crate::tables::dates::{WEEKDAY_LEADS, WEEKDAY_NAMES};
use crate::tables::punctuation::PAREN_OPENS;

/// The one year of `candidates` in which every entry of `lines` that
/// opens with a day and names its weekday falls on that weekday; `None`
/// when no entry names one, or no candidate or more than one fits.
pub(super) fn year_by_weekdays(lines: Lines<'_>, candidates: &[i32]) -> Option<i32> {
    // Any leap year: the day is only read (29 February must be readable).
    let probe = DateContext {
        year: 2000,
        month: None,
    };
    let days: Vec<(u8, u8, u8)> = lines
        .iter()
        .filter_map(|line| {
            let folded = line.marker().map_or(line.folded(), |(_, rest)| {
                line.folded()
                    .get(line.text().len() - rest.len()..)
                    .unwrap_or(rest)
            });
            let (span, used) = date::parse_prefix(folded.trim_start(), &probe)?;
            let day = span.start.day?;
            let after = folded.trim_start().get(used..)?;
            Some((span.start.month, day, weekday_named(after)?))
        })
        .collect();
    if days.is_empty() {
        return None;
    }
    let mut fitting = candidates.iter().filter(|&&year| {
        days.iter()
            .all(|&(month, day, named)| weekday(year, month, day) == Some(named))
    });
    let year = *fitting.next()?;
    fitting.next().is_none().then_some(year)
}

/// The day of the week named right after a date (星期六, （周二）), Monday
/// 1 to Sunday 7.
fn weekday_named(after: &str) -> Option<u8> {
    let after = after.trim_start();
    let after = after.strip_prefix(PAREN_OPENS).unwrap_or(after);
    let rest = WEEKDAY_LEADS
        .iter()
        .find_map(|lead| after.strip_prefix(lead))?;
    let name = rest.chars().next()?;
    WEEKDAY_NAMES
        .iter()
        .find(|(c, _)| *c == name)
        .map(|&(_, n)| n)
}

/// The day of the week of a date, Monday 1 to Sunday 7 (Sakamoto's
/// method); `None` for a day the month does not have.
fn weekday(year: i32, month: u8, day: u8) -> Option<u8> {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    let y = if month < 3 { year - 1 } else { year };
    let offset = OFFSETS.get(usize::from(month) - 1)?;
    // 0 is Sunday.
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + offset + i32::from(day)).rem_euclid(7);
    u8::try_from(if sunday_first == 0 { 7 } else { sunday_first }).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    #[test]
    fn days_of_the_week() {
        // 2016-01-30 was a Saturday, 2000-02-29 a Tuesday, 2024-12-31 a Tuesday.
        assert_eq!(weekday(2016, 1, 30), Some(6));
        assert_eq!(weekday(2000, 2, 29), Some(2));
        assert_eq!(weekday(2024, 12, 31), Some(2));
        assert_eq!(weekday(2023, 6, 4), Some(7));
        assert_eq!(weekday(2023, 2, 29), None);
    }

    #[test]
    fn the_one_named_year_every_weekday_fits() {
        let text = "一月\n1月30日星期六上午，开展手抄报比赛。\n2月18日（周四）举办跳蚤市场活动。\n3月16日完成搬迁。";
        let cleaned = clean(text);
        let lines = cleaned.lines();
        assert_eq!(year_by_weekdays(lines, &[2015, 2016, 2017]), Some(2016));
        // no candidate fits, or the text names none that does
        assert_eq!(year_by_weekdays(lines, &[2015, 2017]), None);
        // 2010 fits too (30 January and 18 February 2010 were a Saturday and a Thursday)
        assert_eq!(year_by_weekdays(lines, &[2010, 2016]), None);
        // without a weekday there is nothing to read
        let cleaned = clean("1月30日，开展手抄报比赛。\n2月18日举办跳蚤市场活动。");
        assert_eq!(year_by_weekdays(cleaned.lines(), &[2016]), None);
    }
}
