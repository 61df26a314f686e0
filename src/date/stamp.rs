//! A page's publication stamp: the date it was published under
//! (发布时间：2016-10-19, 2020/12/13 05:30), told from an event's date by
//! the publishing word before it or the time of day after it.

use std::sync::LazyLock;

use memchr::memmem;

use super::DateContext;
use crate::contract::report::PartialDate;
use crate::tables::dates::{PUBLISHED_WORDS, YMD_SEPARATORS};
use crate::tables::punctuation::{COLONS, FULL_WIDTH_SPACE};

/// The year and month of a page's publication stamp in `head`, as
/// written: a date after a publishing word (发布时间：2016-10-19), or a
/// date followed by a time of day (2020/12/13 05:30).
pub fn publication_stamp(head: &str) -> Option<(i32, u32)> {
    after_published_word(head).or_else(|| before_time_of_day(head))
}

/// The first date right after a publishing word.
fn after_published_word(head: &str) -> Option<(i32, u32)> {
    static WORDS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
        PUBLISHED_WORDS
            .iter()
            .map(|word| memmem::Finder::new(word.as_bytes()))
            .collect()
    });
    WORDS
        .iter()
        .flat_map(|word| {
            word.find_iter(head.as_bytes())
                .map(move |at| at + word.needle().len())
        })
        .filter_map(|end| {
            let rest = head.get(end..)?.trim_start_matches(|c: char| {
                c == ' ' || c == FULL_WIDTH_SPACE || COLONS.contains(&c)
            });
            let (date, _) = dated(rest)?;
            Some((end, date.year, u32::from(date.month)))
        })
        .min_by_key(|&(end, ..)| end)
        .map(|(_, year, month)| (year, month))
}

/// The first date followed by a time of day (2020/12/13 05:30): read back
/// from each colon, which few lines hold.
fn before_time_of_day(head: &str) -> Option<(i32, u32)> {
    memchr::memchr_iter(b':', head.as_bytes()).find_map(|colon| {
        let before = head.get(..colon)?;
        let hours = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let before = before[..before.len() - hours].strip_suffix(' ')?;
        let before = before.trim_end_matches(' ');
        let token_len = before
            .bytes()
            .rev()
            .take_while(|&b| b.is_ascii_digit() || YMD_SEPARATORS.contains(&char::from(b)))
            .count();
        let token = &before[before.len() - token_len..];
        // the whole run of digits and separators is one date with its day
        let (date, len) = dated(token)?;
        (len == token.len()
            && date.day.is_some()
            && (1..=2).contains(&hours)
            && has_time_of_day(&head[colon - hours..]))
        .then_some((date.year, u32::from(date.month)))
    })
}

/// The date `date::parse_prefix` reads at the start of `text` when its
/// year is written out in four digits (a stamp's date never leaves it to
/// the context), and the bytes it takes.
fn dated(text: &str) -> Option<(PartialDate, usize)> {
    if text.bytes().take_while(u8::is_ascii_digit).count() != 4 {
        return None;
    }
    // No context year is needed: the date writes its own.
    let context = DateContext {
        year: 0,
        month: None,
    };
    let (span, len) = super::parse_prefix(text, &context)?;
    Some((span.start, len))
}

/// A time of day at the start of `text` (05:30, 14:20:24).
fn has_time_of_day(text: &str) -> bool {
    let hours = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&hours)
        && text[hours..].starts_with(':')
        && text[hours + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count()
            == 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_after_a_publishing_word_or_before_a_time_of_day() {
        assert_eq!(
            publication_stamp("首页\n某县图书馆获评\n发布时间：2016-10-19 16:48 阅读"),
            Some((2016, 10))
        );
        assert_eq!(publication_stamp("日期: 2021年4月22日"), Some((2021, 4)));
        assert_eq!(
            publication_stamp("来源：某网 2020/12/13 05:30"),
            Some((2020, 12))
        );
        // an event's date is no stamp
        assert_eq!(
            publication_stamp("2019年3月5日，某县图书馆举办讲座。"),
            None
        );
        assert_eq!(publication_stamp("阅读量12020-05-06 10:30"), None);
    }
}
