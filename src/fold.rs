//! Script folding: match traditional-script reports with the simplified
//! vocabulary.
//!
//! [`fold`] maps traditional characters to simplified ones (圖書館 →
//! 图书馆). Each pair keeps its UTF-8 length, so an offset found in the
//! folded text is the same offset in the original, and the output can
//! quote the report as written.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::tables::script::{SIMPLIFIED, TRADITIONAL};

/// The range of code points the bitset covers: every character whose UTF-8
/// lead byte is E3–E9, so that a character is tested without a range check.
/// It holds the CJK ideographs and extension A, where nearly all
/// traditional forms are; the rest are beyond U+FFFF.
const FIRST: u32 = 0x3000;
const LAST: u32 = 0x9FFF;

/// Words of the bitset: one bit per code point in FIRST..=LAST.
const WORDS: usize = ((LAST - FIRST) / 64 + 1) as usize;

/// Which characters are traditional forms: what every document's scan
/// needs, built without the map (most documents never need the map).
struct Folding {
    /// One bit per code point in FIRST..=LAST: is it a traditional form?
    /// A fixed-size array, so that indexing it needs no bounds check.
    bits: Box<[u64; WORDS]>,
    /// The traditional forms beyond U+FFFF, sorted.
    supplementary: Vec<char>,
}

impl Folding {
    fn is_traditional(&self, c: char) -> bool {
        let code = c as u32;
        if (FIRST..=LAST).contains(&code) {
            self.has_bit((code - FIRST) as usize)
        } else {
            self.supplementary.binary_search(&c).is_ok()
        }
    }

    /// The bitset's answer for the code point `FIRST + index`.
    fn has_bit(&self, index: usize) -> bool {
        self.bits[index / 64] & (1 << (index % 64)) != 0
    }
}

static FOLDING: LazyLock<Folding> = LazyLock::new(|| {
    let mut bits = Box::new([0u64; WORDS]);
    let mut supplementary = Vec::new();
    for c in TRADITIONAL.chars() {
        let code = c as u32;
        if (FIRST..=LAST).contains(&code) {
            let index = code - FIRST;
            bits[(index / 64) as usize] |= 1 << (index % 64);
        } else {
            // Every other traditional form is in the supplementary planes.
            debug_assert!(code >= 0x10000);
            supplementary.push(c);
        }
    }
    supplementary.sort_unstable();
    Folding {
        bits,
        supplementary,
    }
});

/// Traditional → simplified, for the texts that have something to fold.
static MAP: LazyLock<Map> = LazyLock::new(|| {
    let mut dense = vec!['\0'; WORDS * 64].into_boxed_slice();
    let mut beyond = HashMap::new();
    for (t, s) in TRADITIONAL.chars().zip(SIMPLIFIED.chars()) {
        match (t as u32)
            .checked_sub(FIRST)
            .and_then(|i| dense.get_mut(i as usize))
        {
            Some(slot) if t as u32 <= LAST => *slot = s,
            _ => {
                beyond.insert(t, s);
            }
        }
    }
    Map { dense, beyond }
});

/// Traditional → simplified: by index for FIRST..=LAST, where nearly all
/// traditional forms are and a traditional document looks up one
/// character in three, and by hash beyond.
struct Map {
    /// The simplified form of `FIRST + index`, or NUL.
    dense: Box<[char]>,
    beyond: HashMap<char, char>,
}

impl Map {
    fn get(&self, c: char) -> Option<char> {
        match (c as u32).checked_sub(FIRST) {
            Some(index) if c as u32 <= LAST => self
                .dense
                .get(index as usize)
                .copied()
                .filter(|&s| s != '\0'),
            _ => self.beyond.get(&c).copied(),
        }
    }
}

/// Byte offset of the first traditional character, scanning bytes: only
/// lead bytes of U+3000–U+9FFF (0xE3–0xE9) and of the supplementary planes
/// (0xF0–0xF4) can start one, so ASCII, punctuation and continuation bytes
/// are passed over without decoding.
fn first_traditional(folding: &Folding, text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0xE3 {
            i += 1;
        } else if lead <= 0xE9 {
            let [_, b1, b2, ..] = bytes[i..] else {
                return None;
            };
            // The code point less FIRST, from the three bytes: below
            // 7 << 12, so below WORDS * 64.
            let index = (usize::from(lead - 0xE3) << 12)
                | (usize::from(b1 & 0x3F) << 6)
                | usize::from(b2 & 0x3F);
            if folding.has_bit(index) {
                return Some(i);
            }
            i += 3;
        } else if lead >= 0xF0 {
            let c = text.get(i..)?.chars().next()?;
            if folding.is_traditional(c) {
                return Some(i);
            }
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
    None
}

/// `text` with traditional characters replaced by simplified ones; borrowed
/// (no copy) when it has none, as in most reports.
pub fn fold(text: &str) -> Cow<'_, str> {
    let folding = &*FOLDING;
    let Some(mut at) = first_traditional(folding, text) else {
        return Cow::Borrowed(text);
    };
    let map = &*MAP;
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    // Runs without a traditional character are copied whole, found by the
    // byte scan: a whole document is folded once, and even a traditional
    // one is mostly punctuation, digits and characters both scripts share.
    while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
        out.push_str(text.get(copied..at).unwrap_or_default());
        out.push(map.get(c).unwrap_or(c));
        copied = at + c.len_utf8();
        match text
            .get(copied..)
            .and_then(|rest| first_traditional(folding, rest))
        {
            Some(next) => at = copied + next,
            None => break,
        }
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// Whether `c` is a CJK unified ideograph (a Han character of the basic
/// block, where every character of a report's words stands).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_and_keeps_offsets() {
        let text =
            "重慶市武隆區圖書館 2020 年年報，館藏量 180383 冊，大事記、工作計劃、數據統計彙總表";
        let folded = fold(text);
        assert_eq!(
            folded,
            "重庆市武隆区图书馆 2020 年年报，馆藏量 180383 册，大事记、工作计划、数据统计汇总表"
        );
        assert_eq!(folded.len(), text.len());
        let at = folded.find("馆藏量").expect("found");
        assert_eq!(&text[at..at + "館藏量".len()], "館藏量");
    }

    #[test]
    fn every_traditional_form_is_found_wherever_it_stands() {
        for (t, s) in TRADITIONAL.chars().zip(SIMPLIFIED.chars()) {
            let text = format!("a，{t}。");
            assert_eq!(fold(&text), format!("a，{s}。"), "{t}");
        }
    }

    #[test]
    fn simplified_text_is_borrowed() {
        assert!(matches!(
            fold("武隆区图书馆 2020 年度工作总结"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(fold(""), Cow::Borrowed(_)));
    }

    #[test]
    fn the_scan_agrees_with_a_character_test() {
        let folding = &*FOLDING;
        for text in [
            "",
            "a",
            "学",
            "學",
            "ab學c",
            "𠀋",
            "\u{e3}",
            "é學",
            "學\u{9fff}",
        ] {
            let by_char = text
                .char_indices()
                .find(|&(_, c)| folding.is_traditional(c));
            assert_eq!(
                first_traditional(folding, text),
                by_char.map(|(i, _)| i),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_table_pairs_keep_utf8_lengths() {
        assert_eq!(TRADITIONAL.chars().count(), SIMPLIFIED.chars().count());
        for (t, s) in TRADITIONAL.chars().zip(SIMPLIFIED.chars()) {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t} → {s}");
            assert_ne!(t, s);
        }
    }
}
