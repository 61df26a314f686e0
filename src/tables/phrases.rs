//! The words around a number that decide what kind of figure it is: change
//! words (提高/下降), ordinal markers (第, 楼, 号), name markers (十四五,
//! 24 小时自助图书馆, 周年), quotes, phone-number cues and list markers.
//!
//! `quantity::scan` classifies every number with these tables; see
//! `quantity::QuantityKind` for the kinds.

use std::sync::LazyLock;

use crate::matcher::lexicon::Lexicon;
use crate::unit::Unit;

/// The direction of a change word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// 提高, 增长: the value is a positive change.
    Up,
    /// 下降, 减少: the value is a negative change.
    Down,
    /// 新增: looks like a change word but counts new items (a figure).
    NotAChange,
}

/// Change words directly before a number (with [`CHANGE_LINKS`] between).
#[rustfmt::skip]
pub static CHANGE_WORDS: &[(&str, Change)] = &[
    ("提高",   Change::Up),
    ("提升",   Change::Up),
    ("增长",   Change::Up),
    ("上升",   Change::Up),
    ("增加",   Change::Up),
    ("增多",   Change::Up),
    ("上涨",   Change::Up),
    ("增幅",   Change::Up),
    ("净增",   Change::Up),
    ("成长",   Change::Up),      // Taiwan usage: 較去年成長 12%
    ("增",     Change::Up),
    ("升",     Change::Up),
    ("下降",   Change::Down),
    ("减少",   Change::Down),
    ("降低",   Change::Down),
    ("下滑",   Change::Down),
    ("回落",   Change::Down),
    ("衰退",   Change::Down),
    ("降幅",   Change::Down),
    ("减",     Change::Down),
    ("降",     Change::Down),
    ("新增",   Change::NotAChange),
];

/// What a word between a change word and its number does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Link {
    /// 增长了 5%: still the change.
    Same,
    /// 提高到 20%: the new level, so a plain figure.
    Level,
}

/// Words between a change word and the number.
#[rustfmt::skip]
pub static CHANGE_LINKS: &[(&str, Link)] = &[
    ("了",   Link::Same),
    ("为",   Link::Same),
    ("达",   Link::Same),
    ("了约", Link::Same),
    ("到",   Link::Level),
    ("至",   Link::Level),
    ("到了", Link::Level),
    ("达到", Link::Level),
];

/// Comparisons before a change word; part of the change phrase.
#[rustfmt::skip]
pub static COMPARISONS: &[&str] = &[
    "较上年相比", "与上年相比", "和上年相比", "较上年同期", "比上年同期",
    "较去年同期", "比去年同期", "较上年", "比上年", "较去年", "比去年",
    "同比", "环比",
];

/// What makes a number an ordinal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrdinalMark {
    /// A prefix: 第 25 个.
    Prefix,
    /// A suffix: 7 楼, 2 号, 十九届.
    Suffix,
}

/// Ordinal markers: 第 before the number, 楼/号/届 after it.
#[rustfmt::skip]
pub static ORDINAL_MARKS: &[(&str, OrdinalMark)] = &[
    ("第",   OrdinalMark::Prefix),
    ("楼",   OrdinalMark::Suffix),
    ("号",   OrdinalMark::Suffix),
    ("届",   OrdinalMark::Suffix),
    ("层",   OrdinalMark::Suffix),
    ("号楼", OrdinalMark::Suffix),
    ("栋",   OrdinalMark::Suffix),
    ("版",   OrdinalMark::Suffix),
    ("年级", OrdinalMark::Suffix),
];

/// Nouns that may follow 第 + a Chinese numeral (besides units): 第三章.
/// 第一 alone is a word (服务第一) and yields nothing.
#[rustfmt::skip]
pub static ORDINAL_NOUNS: &[&str] = &[
    "章", "节", "届", "批", "季度", "款", "卷", "页", "课", "轮", "阶段", "周",
    "组", "片区", "单元", "层", "楼", "号", "版", "辑", "集", "代", "类", "站",
    "位", "步", "点", "部分", "中心", "小学", "中学",
];

/// Whole written names that contain a number and are no figure: the name and
/// the number it is written with.
#[rustfmt::skip]
pub static NAME_WORDS: &[(&str, i64)] = &[
    ("十四五", 14),
    ("十三五", 13),
    ("十二五", 12),
    ("十五五", 15),
    ("十八大", 18),
    ("十九大", 19),
    ("二十大", 20),
    ("5G",     5),
    ("4G",     4),
    ("3D",     3),
    ("4K",     4),
    // 7×24小时自助图书馆: a service named by its hours
    ("7×24",   24),
    ("7*24",   24),
    ("7x24",   24),
    ("7X24",   24),
    ("7＊24",  24),
    ("７×２４", 24),
];

/// What may follow the value of a form flattened to one line (其他收入59
/// 千元87): the end of a cell or a clause.
pub static FORM_CELL_ENDS: &[char] = &['，', '。', '；', '、', ',', ';', '|', '｜'];

/// Words right after a number that make it part of a name: 建党 100 周年.
#[rustfmt::skip]
pub static NAME_SUFFIXES: &[&str] = &["周年", "强", "后"]; // 90后: a generation

/// A figure with this value and unit, followed by more of a name (a Han
/// character rather than punctuation), is part of a name: 24 小时自助图书馆,
/// 24 小时服务网络. "开放 24 小时。" stays a figure.
#[rustfmt::skip]
pub static NAME_QUANTITIES: &[(i64, Unit)] = &[
    (24, Unit::Hour),
];

/// Quotation marks: a figure inside a quoted name or title (“21 天阅读挑战”,
/// 《……》) is part of that name. `true` opens, `false` closes.
#[rustfmt::skip]
pub static QUOTES: &[(char, bool)] = &[
    ('“', true), ('”', false),
    ('‘', true), ('’', false),
    ('《', true), ('》', false),
    ('〈', true), ('〉', false),
    ('「', true), ('」', false),
    ('『', true), ('』', false),
];

/// Words before a run of digits that make it a phone, postcode or account
/// number (NamePart), not a figure.
#[rustfmt::skip]
pub static CODE_CUES: &[&str] = &[
    "电话", "热线", "传真", "手机", "座机", "联系方式", "邮编", "邮政编码", "QQ",
    "QQ群", "微信号", "账号", "帐号", "编号", "代码", "证号",
];

/// Characters between a code cue and the digits (电话：0536-…).
pub static CODE_CUE_GAPS: &[char] = &[' ', '\u{3000}', ':', '：', '(', '（', ')', '）'];

/// Characters just before digits that mark a phone-number fragment:
/// (0536)6221234, 0753-2345678.
pub static CODE_JOINERS: &[char] = &['-', ')', '）', '－'];

/// Punctuation after a 1–2 digit number at the start of a line that makes it
/// a list number (1. 2、 3）) or a table row number (1⇥文献馆藏量), an ordinal.
pub static LIST_MARKERS: &[char] = &['.', '．', '、', ')', '）', '\t'];

/// Characters after which a list number may start (besides a line start).
pub static LIST_MARKER_OPENERS: &[char] = &['。', '；', ';', '\n', '（', '('];

/// Longest quotation (in characters) taken for a name: a figure inside a
/// longer quotation is more likely quoted speech, or an unbalanced mark.
pub const MAX_QUOTED_NAME_CHARS: usize = 40;

/// Punctuation allowed after a phrase given to `quantity::parse_quantity`.
#[rustfmt::skip]
pub static TRAILING_PUNCTUATION: &[char] = &[
    '。', '，', '、', '；', '：', '！', '？', ',', '.', ';', ':', '!', '?',
];

/// Brackets around a unit in a table header: 经费（万元）.
pub static UNIT_BRACKETS: &[(char, char)] = &[('（', '）'), ('(', ')'), ('[', ']'), ('【', '】')];

/// Change words, longest first from the end.
pub static CHANGE: LazyLock<Lexicon<Change>> =
    LazyLock::new(|| Lexicon::new(CHANGE_WORDS.iter().copied()));
/// Links between a change word and its number.
pub static LINKS: LazyLock<Lexicon<Link>> =
    LazyLock::new(|| Lexicon::new(CHANGE_LINKS.iter().copied()));
/// Comparison phrases.
pub static COMPARISON: LazyLock<Lexicon<()>> =
    LazyLock::new(|| Lexicon::new(COMPARISONS.iter().map(|&w| (w, ()))));
/// Ordinal prefixes (第).
pub static ORDINAL_PREFIX: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    Lexicon::new(
        ORDINAL_MARKS
            .iter()
            .filter(|r| r.1 == OrdinalMark::Prefix)
            .map(|r| (r.0, ())),
    )
});
/// Ordinal suffixes (楼, 号, 届).
pub static ORDINAL_SUFFIX: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    Lexicon::new(
        ORDINAL_MARKS
            .iter()
            .filter(|r| r.1 == OrdinalMark::Suffix)
            .map(|r| (r.0, ())),
    )
});
/// Ordinal nouns after 第 + Chinese numeral.
pub static ORDINAL_NOUN: LazyLock<Lexicon<()>> =
    LazyLock::new(|| Lexicon::new(ORDINAL_NOUNS.iter().map(|&w| (w, ()))));
/// Names written with a number.
pub static NAMES: LazyLock<Lexicon<i64>> =
    LazyLock::new(|| Lexicon::new(NAME_WORDS.iter().copied()));
/// Name suffixes.
pub static NAME_SUFFIX: LazyLock<Lexicon<()>> =
    LazyLock::new(|| Lexicon::new(NAME_SUFFIXES.iter().map(|&w| (w, ()))));
/// Code cues.
pub static CODE_CUE: LazyLock<Lexicon<()>> =
    LazyLock::new(|| Lexicon::new(CODE_CUES.iter().map(|&w| (w, ()))));
/// Range separators between figures (`punctuation::FIGURE_RANGE_SEPARATORS`).
pub static FIGURE_RANGE: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    Lexicon::new(
        super::punctuation::FIGURE_RANGE_SEPARATORS
            .iter()
            .map(|&w| (w, ())),
    )
});

/// Whether `c` opens (`Some(true)`) or closes (`Some(false)`) a quotation.
pub fn quote(c: char) -> Option<bool> {
    QUOTES.iter().find(|q| q.0 == c).map(|q| q.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::lexicon::duplicates;

    #[test]
    fn no_duplicates() {
        assert!(duplicates(CHANGE_WORDS.iter().map(|r| r.0)).is_empty());
        assert!(duplicates(CHANGE_LINKS.iter().map(|r| r.0)).is_empty());
        assert!(duplicates(COMPARISONS.iter().copied()).is_empty());
        assert!(duplicates(ORDINAL_MARKS.iter().map(|r| r.0)).is_empty());
        assert!(duplicates(ORDINAL_NOUNS.iter().copied()).is_empty());
        assert!(duplicates(NAME_WORDS.iter().map(|r| r.0)).is_empty());
        assert!(duplicates(NAME_SUFFIXES.iter().copied()).is_empty());
        assert!(duplicates(CODE_CUES.iter().copied()).is_empty());
        assert!(
            duplicates(
                super::super::punctuation::FIGURE_RANGE_SEPARATORS
                    .iter()
                    .copied()
            )
            .is_empty()
        );
        let mut quotes: Vec<char> = QUOTES.iter().map(|q| q.0).collect();
        quotes.sort_unstable();
        quotes.dedup();
        assert_eq!(quotes.len(), QUOTES.len());
    }

    #[test]
    fn change_words_have_a_direction_and_longest_wins() {
        assert_eq!(
            CHANGE.longest_suffix("较上年相比下降"),
            Some((Change::Down, 6))
        );
        assert_eq!(CHANGE.longest_suffix("新增"), Some((Change::NotAChange, 6)));
        assert_eq!(CHANGE.longest_suffix("净增"), Some((Change::Up, 6)));
        assert_eq!(LINKS.longest_suffix("提高到了"), Some((Link::Level, 6)));
        for word in ["提高", "增长", "上升", "增加"] {
            assert_eq!(CHANGE.exact(word), Some(Change::Up), "{word}");
        }
        for word in ["下降", "减少", "降低"] {
            assert_eq!(CHANGE.exact(word), Some(Change::Down), "{word}");
        }
    }

    #[test]
    fn quotes_pair_up() {
        let opens = QUOTES.iter().filter(|q| q.1).count();
        assert_eq!(opens * 2, QUOTES.len());
        assert_eq!(quote('《'), Some(true));
        assert_eq!(quote('a'), None);
    }
}
