//! Approximation words and vague words.
//!
//! A row says what a word does and where it stands relative to the number:
//! 约 5 万 (before), 百余场 (after the number, before the unit), 3 万人左右
//! (after the unit). Besides real approximations the table holds:
//!
//! - **vague** words: 数十, 几百, 十几 have no figure, so the phrase yields no
//!   value at all rather than a guess;
//! - **blockers**: longer words that contain an approximation word but are
//!   not one (最近 contains 近; 多功能 starts with 多). Matching is longest
//!   first, so a blocker shadows the word inside it.

use std::sync::LazyLock;

use crate::matcher::lexicon::Lexicon;
use crate::report::Approx;

/// Where an approximation word stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// Before the number: 约 5 万, 近 200, 超过 100.
    Before,
    /// Before a bare 百/千/万/亿 only: 上千人, 上万册.
    BeforeRound,
    /// Right after the number, before 万/亿 or the unit: 130余场次, 十余万册.
    AfterNumber,
    /// After the unit (or after the number when there is none): 3 万人左右.
    AfterUnit,
    /// Before the number with perhaps a few words between, in one clause
    /// (约占全馆藏书的 30%): at most [`MAX_LEAD_CHARS`] characters back.
    Lead,
}

/// What an approximation word does to the phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// The figure is approximate in this way.
    Approx(Approx),
    /// There is no figure (数十, 十几): the phrase yields no value.
    Vague,
    /// Not an approximation word after all (最近 5 年, 3 多功能厅).
    Block,
}

use Approx::{About, LessThan, MoreThan, Nearly};
use Effect::{Block, Vague};
use Position::{AfterNumber, AfterUnit, Before, BeforeRound, Lead};

/// Approximation words: word, effect, position. More-than words include
/// 过 and 破 (过千人, 破500人次); less-than words 不超过 (longer than 超过,
/// so it wins).
#[rustfmt::skip]
pub static APPROX_WORDS: &[(&str, Effect, Position)] = &[
    // about
    ("约",       Effect::Approx(About),    Before),
    ("大约",     Effect::Approx(About),    Before),
    ("约为",     Effect::Approx(About),    Before),
    ("约有",     Effect::Approx(About),    Before),
    ("约计",     Effect::Approx(About),    Before),
    ("大概",     Effect::Approx(About),    Before),
    ("约占",     Effect::Approx(About),    Lead),      // 約佔 folds to 约占
    ("左右",     Effect::Approx(About),    AfterUnit),
    ("上下",     Effect::Approx(About),    AfterUnit),
    // nearly
    ("近",       Effect::Approx(Nearly),   Before),
    ("将近",     Effect::Approx(Nearly),   Before),
    ("接近",     Effect::Approx(Nearly),   Before),
    ("近乎",     Effect::Approx(Nearly),   Before),
    // more than
    ("逾",       Effect::Approx(MoreThan), Before),
    ("超",       Effect::Approx(MoreThan), Before),
    ("超过",     Effect::Approx(MoreThan), Before),
    ("超出",     Effect::Approx(MoreThan), Before),
    ("过",       Effect::Approx(MoreThan), Before),    // 过千人, 浏览量过 10 万
    ("破",       Effect::Approx(MoreThan), Before),    // 破500人次
    ("突破",     Effect::Approx(MoreThan), Before),
    ("不少于",   Effect::Approx(MoreThan), Before),    // at least: 不少于300人
    ("不低于",   Effect::Approx(MoreThan), Before),
    ("至少",     Effect::Approx(MoreThan), Before),
    ("多于",     Effect::Approx(MoreThan), Before),
    ("高于",     Effect::Approx(MoreThan), Before),
    ("余",       Effect::Approx(MoreThan), AfterNumber),
    ("多",       Effect::Approx(MoreThan), AfterNumber),
    ("+",        Effect::Approx(MoreThan), AfterNumber), // 5000+人, 10W+
    ("＋",       Effect::Approx(MoreThan), AfterNumber),
    ("以上",     Effect::Approx(MoreThan), AfterUnit),
    ("有余",     Effect::Approx(MoreThan), AfterUnit),
    // less than
    ("不足",     Effect::Approx(LessThan), Before),
    ("不到",     Effect::Approx(LessThan), Before),
    ("不满",     Effect::Approx(LessThan), Before),
    ("不超过",   Effect::Approx(LessThan), Before),
    ("不超",     Effect::Approx(LessThan), Before),
    ("不多于",   Effect::Approx(LessThan), Before),
    ("不高于",   Effect::Approx(LessThan), Before),
    ("少于",     Effect::Approx(LessThan), Before),
    ("低于",     Effect::Approx(LessThan), Before),
    ("以下",     Effect::Approx(LessThan), AfterUnit),
    ("以内",     Effect::Approx(LessThan), AfterUnit),
    // no figure at all
    ("数",       Vague,                    BeforeRound),
    ("几",       Vague,                    Before),
    ("好几",     Vague,                    Before),
    ("成千上",   Vague,                    Before),
    ("上",       Vague,                    BeforeRound), // 上千人: more than a thousand, how many is not said
    ("几",       Vague,                    AfterNumber),
    // not approximation words
    ("最近",     Block,                    Before),
    ("附近",     Block,                    Before),
    ("临近",     Block,                    Before),
    // 过 after a verb marks the past (举办过 3 次), and these hold 过 or 破
    ("通过",     Block,                    Before),
    ("经过",     Block,                    Before),
    ("不过",     Block,                    Before),
    ("度过",     Block,                    Before),
    ("越过",     Block,                    Before),
    ("错过",     Block,                    Before),
    ("举办过",   Block,                    Before),
    ("开展过",   Block,                    Before),
    ("参加过",   Block,                    Before),
    ("获得过",   Block,                    Before),
    ("组织过",   Block,                    Before),
    ("接待过",   Block,                    Before),
    ("打破",     Block,                    Before),
    ("破损",     Block,                    Before),
    ("多功能",   Block,                    AfterNumber),
    ("多媒体",   Block,                    AfterNumber),
    ("多元化",   Block,                    AfterNumber),  // but 1000多元 is 1000 元, more_than
    ("多元文化", Block,                    AfterNumber),
    ("多样",     Block,                    AfterNumber),
    ("多措",     Block,                    AfterNumber),
    ("余额",     Block,                    AfterNumber),
];

/// Words that are no figure at all; `parse_quantity` answers "vague" for
/// them instead of "not a quantity".
#[rustfmt::skip]
pub static VAGUE_WORDS: &[&str] = &[
    "若干", "大量", "许多", "众多", "不少", "少量", "部分", "无数", "成千上万",
    "数十", "数百", "数千", "数万", "几十", "几百", "几千", "几万", "上百上千",
    "一批", // "a batch of", not a count of batches (两批 is 2 批)
];

fn lexicon(position: Position) -> Lexicon<Effect> {
    Lexicon::new(
        APPROX_WORDS
            .iter()
            .filter(|row| row.2 == position)
            .map(|&(w, e, _)| (w, e)),
    )
}

/// How far back (in characters) a [`Position::Lead`] word may stand.
pub const MAX_LEAD_CHARS: usize = 12;

/// Words that may stand a few words before a number, as (word, effect).
pub static LEAD: LazyLock<Vec<(&'static str, Effect)>> = LazyLock::new(|| {
    APPROX_WORDS
        .iter()
        .filter(|row| row.2 == Lead)
        .map(|&(w, e, _)| (w, e))
        .collect()
});

/// Words before a number.
pub static BEFORE: LazyLock<Lexicon<Effect>> = LazyLock::new(|| lexicon(Before));
/// Words before a bare round number (上千).
pub static BEFORE_ROUND: LazyLock<Lexicon<Effect>> = LazyLock::new(|| lexicon(BeforeRound));
/// Words right after a number.
pub static AFTER_NUMBER: LazyLock<Lexicon<Effect>> = LazyLock::new(|| lexicon(AfterNumber));
/// Words after the unit.
pub static AFTER_UNIT: LazyLock<Lexicon<Effect>> = LazyLock::new(|| lexicon(AfterUnit));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::lexicon::duplicates;

    #[test]
    fn no_word_has_two_meanings_in_one_position() {
        for position in [Before, BeforeRound, AfterNumber, AfterUnit, Lead] {
            let words = APPROX_WORDS.iter().filter(|r| r.2 == position).map(|r| r.0);
            assert_eq!(duplicates(words), Vec::<&str>::new(), "{position:?}");
        }
        assert_eq!(duplicates(VAGUE_WORDS.iter().copied()), Vec::<&str>::new());
    }

    #[test]
    fn the_spec_words_are_all_here() {
        let spec = [
            ("余", MoreThan),
            ("多", MoreThan),
            ("逾", MoreThan),
            ("超过", MoreThan),
            ("以上", MoreThan),
            ("约", About),
            ("左右", About),
            ("大约", About),
            ("近", Nearly),
            ("将近", Nearly),
            ("接近", Nearly),
            ("不足", LessThan),
            ("不到", LessThan),
            ("不超过", LessThan),
            ("过", MoreThan),
            ("破", MoreThan),
            ("超", MoreThan),
            ("约占", About),
        ];
        for (word, approx) in spec {
            assert!(
                APPROX_WORDS
                    .iter()
                    .any(|r| r.0 == word && r.1 == Effect::Approx(approx)),
                "{word}"
            );
        }
    }

    #[test]
    fn blockers_shadow_the_word_inside_them() {
        assert_eq!(BEFORE.longest_suffix("最近"), Some((Block, "最近".len())));
        assert_eq!(
            BEFORE.longest_suffix("将近"),
            Some((Effect::Approx(Nearly), "将近".len()))
        );
        assert_eq!(AFTER_NUMBER.longest_prefix("多功能厅"), Some((Block, 9)));
        for &(word, effect, _) in APPROX_WORDS.iter().filter(|r| r.1 == Block) {
            assert!(
                APPROX_WORDS
                    .iter()
                    .any(|r| r.1 != effect && r.0 != word && word.contains(r.0)),
                "blocker {word} shadows nothing"
            );
        }
    }
}
