//! Script folding: match traditional-script reports with the simplified
//! vocabulary.
//!
//! [`fold`] maps traditional characters to simplified ones (圖書館 →
//! 图书馆). Each pair keeps its UTF-8 length, so an offset found in the
//! folded text is the same offset in the original, and the output can
//! quote the report as written.

use std::borrow::Cow;
use std::cell::Cell;
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
static MAP: LazyLock<HashMap<char, char>> =
    LazyLock::new(|| TRADITIONAL.chars().zip(SIMPLIFIED.chars()).collect());

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

/// How many distinct traditional characters a document may hold for
/// [`fold`] to look for each by name. A simplified report with a stray
/// traditional form (a 學 typed among 学) is common; a traditional report
/// holds hundreds.
const FEW: usize = 4;

/// What [`fold`] knows of the document its texts come from.
#[derive(Clone, Copy)]
enum Known {
    /// No document: scan every text.
    Nothing,
    /// The document's traditional characters, all of them (the first
    /// `len`; none in a simplified document).
    Few { chars: [char; FEW], len: usize },
    /// More than [`FEW`]: scan every text.
    Many,
}

impl Known {
    fn of(document: &str) -> Known {
        let folding = &*FOLDING;
        let mut chars = ['\0'; FEW];
        let mut len = 0;
        let mut at = 0;
        while let Some(rest) = document.get(at..)
            && let Some(found) = first_traditional(folding, rest)
            && let Some(c) = rest.get(found..).and_then(|r| r.chars().next())
        {
            if !chars[..len].contains(&c) {
                let Some(slot) = chars.get_mut(len) else {
                    return Known::Many;
                };
                *slot = c;
                len += 1;
            }
            at += found + c.len_utf8();
        }
        Known::Few { chars, len }
    }

    /// Byte offset of the first traditional character of `text`.
    fn first_in(self, text: &str) -> Option<usize> {
        match self {
            Known::Few { chars, len } => chars
                .get(..len)?
                .iter()
                .filter_map(|&c| find_char(text, c))
                .min(),
            Known::Nothing | Known::Many => first_traditional(&FOLDING, text),
        }
    }
}

/// Byte offset of `c` in `text`: a vectorised search for the last byte of
/// its UTF-8 form (std's `str::find` searches a word at a time).
fn find_char(text: &str, c: char) -> Option<usize> {
    let mut buffer = [0; 4];
    let needle = c.encode_utf8(&mut buffer).as_bytes();
    let (&last, head) = needle.split_last()?;
    let bytes = text.as_bytes();
    memchr::memchr_iter(last, bytes)
        .filter_map(|end| end.checked_sub(head.len()))
        .find(|&start| bytes.get(start..start + needle.len()) == Some(needle))
}

thread_local! {
    /// What the open [`DocumentScope`] found in its document.
    static DOCUMENT: Cell<Known> = const { Cell::new(Known::Nothing) };
}

/// While alive, [`fold`] on this thread knows which traditional characters
/// the document the scope was opened for holds: usually none, sometimes a
/// stray one or two. The stages fold the same lines again and again
/// (headings, labels, dates), and the scan for traditional characters is
/// most of what folding costs, so one scan of the document spares all the
/// others: with none to look for there is nothing to do, and a few are
/// found by a fast search for each.
///
/// Only texts taken from that document (or from the simplified vocabulary)
/// may be folded while the scope lives.
#[must_use = "the scope ends when dropped"]
pub struct DocumentScope {
    previous: Known,
}

impl DocumentScope {
    /// Opens a scope for `document`, scanning it once.
    pub fn new(document: &str) -> DocumentScope {
        DocumentScope {
            previous: DOCUMENT.replace(Known::of(document)),
        }
    }
}

impl Drop for DocumentScope {
    fn drop(&mut self) {
        DOCUMENT.set(self.previous);
    }
}

/// `text` with traditional characters replaced by simplified ones; borrowed
/// (no copy) when it has none, as in most reports.
pub fn fold(text: &str) -> Cow<'_, str> {
    let Some(first) = DOCUMENT.get().first_in(text) else {
        return Cow::Borrowed(text);
    };
    let Some((head, tail)) = text.split_at_checked(first) else {
        return Cow::Borrowed(text);
    };
    let folding = &*FOLDING;
    let map = &*MAP;
    let mut out = String::with_capacity(text.len());
    out.push_str(head);
    for c in tail.chars() {
        // The bitset turns most characters away before the map's hash.
        let folded = if folding.is_traditional(c) {
            map.get(&c).copied().unwrap_or(c)
        } else {
            c
        };
        out.push(folded);
    }
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
    fn a_document_scope_skips_only_what_its_document_lacks() {
        let traditional = "館藏量 180383 冊";
        {
            let _scope = DocumentScope::new("馆藏量 180383 册");
            // A simplified document: folding trusts it and does not scan,
            // so even a (foreign) traditional text comes back untouched.
            assert!(matches!(fold(traditional), Cow::Borrowed(_)));
        }
        // The scope is over: folding scans again.
        assert_eq!(fold(traditional), "馆藏量 180383 册");
        let _scope = DocumentScope::new(traditional);
        assert_eq!(fold(traditional), "馆藏量 180383 册");
    }

    #[test]
    fn a_document_with_a_few_traditional_characters_folds_just_those() {
        // 區 圖 書 館: four, so each is searched for by name.
        let _scope = DocumentScope::new("重庆市武隆區圖書館 2020 年年报，馆藏 180383 册");
        assert!(matches!(DOCUMENT.get(), Known::Few { len: 4, .. }));
        assert_eq!(fold("武隆區圖書館"), "武隆区图书馆");
        assert_eq!(fold("圖"), "图");
        assert!(matches!(fold("馆藏 180383 册"), Cow::Borrowed(_)));
        // 冊 is not in the document, so a text from it cannot hold one:
        // folding trusts that and does not scan for it...
        assert!(matches!(fold("180383 冊"), Cow::Borrowed(_)));
        // ...but folds every character after the first one it finds.
        assert_eq!(fold("館藏 180383 冊"), "馆藏 180383 册");
    }

    #[test]
    fn a_document_with_many_traditional_characters_scans_every_text() {
        let _scope = DocumentScope::new("重慶市武隆區圖書館 2020 年年報");
        assert!(matches!(DOCUMENT.get(), Known::Many));
        assert_eq!(fold("館藏 180383 冊"), "馆藏 180383 册");
    }

    #[test]
    fn a_character_is_found_where_str_find_finds_it() {
        for (text, c) in [
            ("", '學'),
            ("學", '學'),
            ("学學", '學'),
            ("a\u{5b78}", '學'),
            ("𠀋x", '𠀋'),
            ("é", 'é'),
            ("abc", 'c'),
            ("學", '学'),
        ] {
            assert_eq!(find_char(text, c), text.find(c), "{c:?} in {text:?}");
        }
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
