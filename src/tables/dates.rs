//! Date vocabulary: the markers after year, month and day numbers, the
//! separators of numeric dates and ranges, and the words that make 4.23 a
//! date rather than a decimal.

use std::sync::LazyLock;

use crate::matcher::lexicon::Lexicon;

/// The part of a date a marker follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// 年: may be followed by a month.
    Year,
    /// 年度: a year phrase that no month follows (2020年度).
    YearOnly,
    /// 月, 月份.
    Month,
    /// 日, 号.
    Day,
}

/// Markers after a date number.
#[rustfmt::skip]
pub static DATE_MARKERS: &[(&str, Field)] = &[
    ("年",   Field::Year),
    ("年度", Field::YearOnly),
    ("月",   Field::Month),
    ("月份", Field::Month),
    ("日",   Field::Day),
    ("号",   Field::Day),
];

/// The day markers that make a day number a date on their own (16 日). 号
/// needs a month before it (5月3号): alone it numbers documents (2 号).
pub static DAY_ONLY_MARKERS: &[&str] = &["日"];

/// Words after a month that narrow it without naming a day (4月下旬): the
/// phrase keeps month precision and the word is part of it.
#[rustfmt::skip]
pub static MONTH_PARTS: &[&str] = &[
    "上旬", "中旬", "下旬", "中下旬", "上中旬", "初", "底", "末", "中",
];

/// Words that number a month, read only before a month marker: 元月 (and
/// 元月份) is January. Elsewhere 元 is the yuan.
pub static MONTH_WORDS: &[(&str, u8)] = &[("元", 1)];

/// Era names written before a year number, and what to add to it: 民国
/// 105 年 (中華民國) is 2016. Vocabulary is simplified: 民國 folds to 民国.
pub static ERA_NAMES: &[(&str, i32)] = &[("民国", 1911)];

/// What a bare 105年 adds in a Taiwan (traditional-script) report, where
/// years are counted from 1912 (民国 1 年).
pub const MINGUO_OFFSET: i32 = 1911;

/// Separators of a time of day (9:00, 17：30): such a number is no figure.
pub static TIME_SEPARATORS: &[char] = &[':', '：'];

/// Separators of all-numeric dates: 2021.03.12, 2021-03-12, 2021/3/12. The
/// same separator must stand between year and month and month and day.
pub static YMD_SEPARATORS: &[char] = &['.', '-', '/', '．', '－', '／'];

/// Separators of a month·day festival date: 4·23, 3·5, 六·一.
pub static MONTH_DAY_DOTS: &[char] = &['·', '•', '・', '‧', '∙'];

/// 4.23 written with a full stop is a date only before one of these words
/// (在4.23来临之际); otherwise it is the decimal 4.23.
#[rustfmt::skip]
pub static DOT_DATE_CUES: &[&str] = &[
    "来临", "世界读书日", "读书日", "前夕", "当天", "期间", "之际", "世界图书",
];

/// Years a bare year phrase may name (`date::scan_years`).
pub const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// Years a full date may carry (a chronicle may cite an older date).
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Date markers.
pub static MARKERS: LazyLock<Lexicon<Field>> =
    LazyLock::new(|| Lexicon::new(DATE_MARKERS.iter().copied()));
/// Month parts.
pub static MONTH_PART: LazyLock<Lexicon<()>> =
    LazyLock::new(|| Lexicon::new(MONTH_PARTS.iter().map(|&w| (w, ()))));
/// Cues after 4.23.
pub static DOT_DATE_CUE: LazyLock<Lexicon<()>> =
    LazyLock::new(|| Lexicon::new(DOT_DATE_CUES.iter().map(|&w| (w, ()))));
/// Range separators (`punctuation::DATE_RANGE_SEPARATORS`).
pub static RANGE: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    Lexicon::new(
        super::punctuation::DATE_RANGE_SEPARATORS
            .iter()
            .map(|&w| (w, ())),
    )
});

/// Labels of a note that opens a chronicle (编者按：本大事记按时间顺序…):
/// before the first month heading or entry, a line starting with one of
/// these and a colon is the editor's, not an event.
#[rustfmt::skip]
pub static CHRONICLE_NOTE_LABELS: &[&str] = &[
    "编者按", "编者的话", "编者注", "编辑说明", "编写说明", "说明", "前言", "导语", "按",
];

/// What may follow the library's name in the signature under a chronicle
/// (白鹭湾市图书馆办公室 / 2023年1月): the office that compiled it.
#[rustfmt::skip]
pub static SIGNATURE_OFFICES: &[&str] = &[
    "办公室", "馆办公室", "馆办", "综合办公室", "行政办公室", "编辑部", "编辑组", "编写组",
    "宣传部", "宣传推广部", "编", "编印", "整理", "供稿",
];

/// The longest clause, in characters, that may stand before an entry's
/// date (受寒潮影响，1月26日起暂停…): a longer one is the event itself, and a
/// date after it is not the entry's.
pub const LEAD_CLAUSE_CHARS: usize = 12;

/// Words after a month that still leave the line its heading (（一）一月
/// 大事记).
#[rustfmt::skip]
pub static MONTH_TITLE_ENDS: &[&str] = &["份大事记", "大事记"];

/// The marks after a number that make it a month or a day (6月15日): such
/// a number is no place of a library's name.
#[rustfmt::skip]
pub static MONTH_DAY_MARKS: &[char] = &['月', '日', '号'];

/// Words that date a chronicle's entry to the last entry's month (同月，
/// 开展…) or day (同日).
#[rustfmt::skip]
pub static SAME_MONTH_WORDS: &[&str] = &["同月", "当月", "是月"];

/// See [`SAME_MONTH_WORDS`].
#[rustfmt::skip]
pub static SAME_DAY_WORDS: &[&str] = &["同日", "当日", "是日", "同天", "当天"];

/// Words that name a day of the week after a date (1月30日星期六,
/// 3月5日（周二）): the lead, then the day's name.
#[rustfmt::skip]
pub static WEEKDAY_LEADS: &[&str] = &["星期", "礼拜", "周"];

/// The days' names after a [`WEEKDAY_LEADS`] word, Monday 1 to Sunday 7.
#[rustfmt::skip]
pub static WEEKDAY_NAMES: &[(char, u8)] = &[
    ('一', 1), ('二', 2), ('三', 3), ('四', 4), ('五', 5), ('六', 6), ('日', 7), ('天', 7),
];

/// The mark after a year (2021年).
pub const YEAR_MARK: char = '年';

/// A line that opens with a date or a month (`WS` white space, `HAN` a
/// Chinese digit): 5日, 3 月, 三月, 2021 年, 4-6日.
pub const DATED_LINE_PATTERN: &str = r"^(?:[0-9]{1,2}WS*[日月号]|HAN{1,3}月|(?:19|20)[0-9]{2}WS*年|[0-9]{1,2}WS*[-—–~～]WS*[0-9]{1,2}WS*日)";

/// The mark after a month (3月).
pub const MONTH_MARK: char = '月';

/// The marks after a day (5日, 5号).
pub static DAY_MARKS: &[char] = &['日', '号'];

/// What may follow a day's digits: its mark or a range to another day
/// (10日, 10-17日, 10至17日).
pub static DAY_MARK_OR_RANGE: &[char] = &['日', '-', '—', '－', '~', '～', '至'];

/// The word after a month that makes it a name of the month (6月份).
pub const MONTH_SUFFIX: char = '份';

/// The characters of 年度 a name may open with when cut after a year
/// (2021年度青禾县图书馆 → 青禾县图书馆).
pub static YEAR_WORD_CHARS: &[char] = &['年', '度'];

/// The era name of Republic-of-China years in traditional script (民國);
/// `ERA_NAMES` holds it folded.
pub const ERA_NAME_TRADITIONAL: &str = "民國";

/// The marks between the parts of a numeric date after its year
/// (2019-03-25, 2019/1/7, 2019.4.23).
pub static NUMERIC_DATE_MARKS: &[char] = &['-', '/', '.', '－'];

/// The mark of 年度 after a year (2021年度).
pub const YEAR_TERM_MARK: char = '度';

/// 年度 (2021年度): the year as a term.
pub const YEAR_TERM: &str = "年度";

/// The ends of a year (年末, 年底).
pub static YEAR_END_MARKS: &[char] = &['末', '底'];

/// The words a page's publication date follows (发布时间：2020-10-28,
/// 發佈時間, 发布日期, 更新时间), as written in either script: every
/// publishing word ends with one, and a date after one is the page's, not
/// an event's.
pub static PUBLISHED_WORDS: &[&str] = &["时间", "時間", "日期"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::lexicon::duplicates;

    #[test]
    fn no_duplicates_and_longest_first() {
        assert!(duplicates(DATE_MARKERS.iter().map(|r| r.0)).is_empty());
        assert!(duplicates(MONTH_PARTS.iter().copied()).is_empty());
        assert!(duplicates(DOT_DATE_CUES.iter().copied()).is_empty());
        assert!(
            duplicates(
                super::super::punctuation::DATE_RANGE_SEPARATORS
                    .iter()
                    .copied()
            )
            .is_empty()
        );
        assert_eq!(MARKERS.longest_prefix("月份，"), Some((Field::Month, 6)));
        assert_eq!(
            MARKERS.longest_prefix("年度工作"),
            Some((Field::YearOnly, 6))
        );
        assert_eq!(RANGE.longest_prefix("——5月"), Some(((), 6)));
        assert_eq!(MONTH_PART.longest_prefix("中下旬"), Some(((), 9)));
    }

    #[test]
    fn separators_are_distinct() {
        for c in YMD_SEPARATORS {
            assert!(!MONTH_DAY_DOTS.contains(c), "{c}");
        }
    }
}
