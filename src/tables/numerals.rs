//! Numeral vocabulary: digits, multipliers, decimal points and group
//! separators, in every script the reports use (Arabic, fullwidth, Chinese,
//! financial 大写, traditional).
//!
//! `numeral` reads these through [`class_of`], a lookup built once from the
//! rows below; no digit or multiplier is spelled anywhere else.

use std::sync::LazyLock;

use crate::matcher::lexicon::CharMap;

/// A digit and its value. Arabic and fullwidth digits are listed too, so
/// that one lookup classifies every numeral character.
#[rustfmt::skip]
pub static DIGITS: &[(char, u8, Script)] = &[
    ('0', 0, Script::Arabic), ('1', 1, Script::Arabic), ('2', 2, Script::Arabic),
    ('3', 3, Script::Arabic), ('4', 4, Script::Arabic), ('5', 5, Script::Arabic),
    ('6', 6, Script::Arabic), ('7', 7, Script::Arabic), ('8', 8, Script::Arabic),
    ('9', 9, Script::Arabic),
    ('０', 0, Script::Arabic), ('１', 1, Script::Arabic), ('２', 2, Script::Arabic),
    ('３', 3, Script::Arabic), ('４', 4, Script::Arabic), ('５', 5, Script::Arabic),
    ('６', 6, Script::Arabic), ('７', 7, Script::Arabic), ('８', 8, Script::Arabic),
    ('９', 9, Script::Arabic),
    ('零', 0, Script::Chinese),
    ('〇', 0, Script::Chinese),
    ('○', 0, Script::Chinese),  // U+25CB, often typed for 〇 in 二○二○
    ('一', 1, Script::Chinese),
    ('壹', 1, Script::Chinese),
    ('二', 2, Script::Chinese),
    ('两', 2, Script::Chinese),
    ('兩', 2, Script::Chinese),
    ('贰', 2, Script::Chinese),
    ('貳', 2, Script::Chinese),
    ('三', 3, Script::Chinese),
    ('叁', 3, Script::Chinese),
    ('參', 3, Script::Chinese),
    ('四', 4, Script::Chinese),
    ('肆', 4, Script::Chinese),
    ('五', 5, Script::Chinese),
    ('伍', 5, Script::Chinese),
    ('六', 6, Script::Chinese),
    ('陆', 6, Script::Chinese),
    ('陸', 6, Script::Chinese),
    ('七', 7, Script::Chinese),
    ('柒', 7, Script::Chinese),
    ('八', 8, Script::Chinese),
    ('捌', 8, Script::Chinese),
    ('九', 9, Script::Chinese),
    ('玖', 9, Script::Chinese),
];

/// Digits that never start a digit-string reading (二〇二一): 两 is only
/// ever a count, so 两三 is a vague "two or three", not 23.
pub static COUNT_ONLY_DIGITS: &[char] = &['两', '兩'];

/// Multipliers and their power of ten. 十百千 multiply within a section;
/// 万 and 亿 close a section and multiply everything before them.
#[rustfmt::skip]
pub static MULTIPLIERS: &[(char, u8)] = &[
    ('十', 1), ('拾', 1),
    ('百', 2), ('佰', 2),
    ('千', 3), ('仟', 3),
    ('万', 4), ('萬', 4),
    ('亿', 8), ('億', 8),
];

/// Old short forms of a tens number, with their digit: 廿 = 二十, 卅 =
/// 三十, 卌 = 四十 (廿八天 = 28 天).
#[rustfmt::skip]
pub static TENS: &[(char, u8)] = &[('廿', 2), ('卅', 3), ('卌', 4)];

/// The power of ten from which a multiplier closes a section (万, 亿).
pub const SECTION_POWER: u8 = 4;

/// Decimal points: between Arabic digits, or 点 in a Chinese numeral.
#[rustfmt::skip]
pub static DECIMAL_POINTS: &[(char, Script)] = &[
    ('.',  Script::Arabic),
    ('．', Script::Arabic),
    ('点', Script::Chinese),
    ('點', Script::Chinese),
];

/// Thousands separators, with the digits they may stand between: an ASCII
/// comma between ASCII digits (1,234,567), a fullwidth comma only between
/// fullwidth digits (１，２３４), because between ASCII digits `，` is far
/// more often a clause break (共 12，其中…) than a separator.
#[rustfmt::skip]
pub static GROUP_SEPARATORS: &[(char, DigitWidth)] = &[
    (',',  DigitWidth::Ascii),
    ('，', DigitWidth::Fullwidth),
];

/// Whitespace allowed once between an Arabic number and 万/亿 (168.52 万).
pub use super::punctuation::SPACES as MULTIPLIER_SPACES;

/// Latin letters that stand for a multiplier after Arabic digits in web
/// counts, only as written here (阅读量10W+ is 100000, more_than; 100W
/// alone may be watts). The letter is the multiplier, the + an
/// approximation word (`tables::approx`).
pub static LATIN_MULTIPLIERS: &[(&str, u8)] = &[("W+", 4), ("w+", 4), ("W＋", 4), ("w＋", 4)];

/// Percent written before the number: 百分之十八点一六.
pub static PERCENT_PREFIXES: &[&str] = &["百分之"];

/// Which digits a character is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// 0–9 and fullwidth ０–９.
    Arabic,
    /// 〇一二… and the financial forms.
    Chinese,
}

/// ASCII or fullwidth Arabic digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DigitWidth {
    /// 0–9.
    Ascii,
    /// ０–９.
    Fullwidth,
}

/// What a numeral character is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharClass {
    /// A digit: value, script and (for Arabic) width.
    Digit(u8, Script, DigitWidth),
    /// A multiplier and its power of ten.
    Multiplier(u8),
    /// A tens number in one character ([`TENS`]), with its digit.
    Tens(u8),
    /// A decimal point in the given script.
    Point(Script),
    /// A thousands separator between digits of the given width.
    Group(DigitWidth),
}

/// Every non-ASCII numeral character in a [`CharMap`] (ASCII takes a fast
/// path in [`CharClasses::get`]).
pub struct CharClasses {
    map: CharMap<CharClass>,
}

impl CharClasses {
    fn build() -> CharClasses {
        let mut rows = Vec::new();
        for &(c, value, script) in DIGITS {
            let width = if c.is_ascii() {
                DigitWidth::Ascii
            } else {
                DigitWidth::Fullwidth
            };
            rows.push((c, CharClass::Digit(value, script, width)));
        }
        for &(c, power) in MULTIPLIERS {
            rows.push((c, CharClass::Multiplier(power)));
        }
        for &(c, digit) in TENS {
            rows.push((c, CharClass::Tens(digit)));
        }
        for &(c, script) in DECIMAL_POINTS {
            rows.push((c, CharClass::Point(script)));
        }
        for &(c, width) in GROUP_SEPARATORS {
            rows.push((c, CharClass::Group(width)));
        }
        rows.retain(|(c, _)| !c.is_ascii());
        CharClasses {
            map: CharMap::new(rows),
        }
    }

    /// The class of `c`.
    #[inline]
    pub fn get(&self, c: char) -> Option<CharClass> {
        if c.is_ascii() {
            return match c {
                '0'..='9' => Some(CharClass::Digit(
                    c as u8 - b'0',
                    Script::Arabic,
                    DigitWidth::Ascii,
                )),
                '.' => Some(CharClass::Point(Script::Arabic)),
                ',' => Some(CharClass::Group(DigitWidth::Ascii)),
                _ => None,
            };
        }
        self.map.get(c)
    }
}

static CLASSES: LazyLock<CharClasses> = LazyLock::new(CharClasses::build);

/// The classifier, for loops that look up many characters (fetch it once).
#[inline]
pub fn char_classes() -> &'static CharClasses {
    &CLASSES
}

/// The class of a numeral character; ASCII takes a fast path.
#[inline]
pub fn class_of(c: char) -> Option<CharClass> {
    CLASSES.get(c)
}

/// True for a character that can begin a numeral: a digit or a multiplier.
#[inline]
pub fn starts_numeral(c: char) -> bool {
    matches!(
        class_of(c),
        Some(CharClass::Digit(..) | CharClass::Multiplier(_) | CharClass::Tens(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_has_one_class() {
        let mut seen = std::collections::HashSet::new();
        let chars = DIGITS
            .iter()
            .map(|d| d.0)
            .chain(MULTIPLIERS.iter().map(|m| m.0))
            .chain(TENS.iter().map(|t| t.0))
            .chain(DECIMAL_POINTS.iter().map(|p| p.0))
            .chain(GROUP_SEPARATORS.iter().map(|g| g.0));
        for c in chars {
            assert!(seen.insert(c), "{c} is listed twice");
        }
    }

    #[test]
    fn ascii_fast_path_agrees_with_the_tables() {
        for &(c, value, script) in DIGITS.iter().filter(|d| d.0.is_ascii()) {
            assert_eq!(
                class_of(c),
                Some(CharClass::Digit(value, script, DigitWidth::Ascii))
            );
        }
        for &(c, script) in DECIMAL_POINTS.iter().filter(|d| d.0.is_ascii()) {
            assert_eq!(class_of(c), Some(CharClass::Point(script)));
        }
        for &(c, width) in GROUP_SEPARATORS.iter().filter(|d| d.0.is_ascii()) {
            assert_eq!(class_of(c), Some(CharClass::Group(width)));
        }
        assert_eq!(class_of('a'), None);
    }

    #[test]
    fn digits_cover_zero_to_nine_in_each_script() {
        for script in [Script::Arabic, Script::Chinese] {
            for v in 0..=9 {
                assert!(
                    DIGITS.iter().any(|d| d.1 == v && d.2 == script),
                    "{v} missing in {script:?}"
                );
            }
        }
        assert!(MULTIPLIERS.iter().all(|m| m.1 >= 1));
        assert!(COUNT_ONLY_DIGITS.iter().all(|c| starts_numeral(*c)));
    }
}
