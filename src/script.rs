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

/// Which characters are traditional forms: what every document's scan
/// needs, built without the map (most documents never need the map).
struct Folding {
    /// One bit per code point in FIRST..=LAST: is it a traditional form?
    bits: Vec<u64>,
    /// The traditional forms beyond U+FFFF, sorted.
    supplementary: Vec<char>,
}

static FOLDING: LazyLock<Folding> = LazyLock::new(|| {
    let mut bits = vec![0u64; ((LAST - FIRST) / 64 + 1) as usize];
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
        match lead {
            0xE3..=0xE9 if i + 2 < bytes.len() => {
                // The code point less FIRST, from the three bytes.
                let index = (usize::from(lead - 0xE3) << 12)
                    | (usize::from(bytes[i + 1] & 0x3F) << 6)
                    | usize::from(bytes[i + 2] & 0x3F);
                if folding.bits[index / 64] & (1 << (index % 64)) != 0 {
                    return Some(i);
                }
                i += 3;
            }
            0xF0..=0xF4 => {
                let c = text[i..].chars().next()?;
                if folding.supplementary.binary_search(&c).is_ok() {
                    return Some(i);
                }
                i += c.len_utf8();
            }
            _ => i += 1,
        }
    }
    None
}

thread_local! {
    /// Set inside a [`DocumentScope`] whose document has no traditional
    /// character: every text folded there is a part of it, so none has one.
    static SIMPLIFIED_DOCUMENT: Cell<bool> = const { Cell::new(false) };
}

/// While alive, [`fold`] on this thread skips its scan when the document
/// the scope was opened for holds no traditional character. The stages
/// fold the same lines again and again (headings, labels, dates), and the
/// scan is most of what folding a simplified text costs, so one scan of
/// the document spares all the others.
///
/// Only texts taken from that document (or from the simplified vocabulary)
/// may be folded while the scope lives.
#[must_use = "the scope ends when dropped"]
pub struct DocumentScope {
    previous: bool,
}

impl DocumentScope {
    /// Opens a scope for `document`, scanning it once.
    pub fn new(document: &str) -> DocumentScope {
        let simplified = first_traditional(&FOLDING, document).is_none();
        DocumentScope {
            previous: SIMPLIFIED_DOCUMENT.replace(simplified),
        }
    }
}

impl Drop for DocumentScope {
    fn drop(&mut self) {
        SIMPLIFIED_DOCUMENT.set(self.previous);
    }
}

/// `text` with traditional characters replaced by simplified ones; borrowed
/// (no copy) when it has none, as in most reports.
pub fn fold(text: &str) -> Cow<'_, str> {
    if SIMPLIFIED_DOCUMENT.get() {
        return Cow::Borrowed(text);
    }
    let folding = &*FOLDING;
    let map = &*MAP;
    let Some(first) = first_traditional(folding, text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        let folded = map.get(&c).copied().unwrap_or(c);
        out.push(folded);
    }
    Cow::Owned(out)
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
    fn the_table_pairs_keep_utf8_lengths() {
        assert_eq!(TRADITIONAL.chars().count(), SIMPLIFIED.chars().count());
        for (t, s) in TRADITIONAL.chars().zip(SIMPLIFIED.chars()) {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t} → {s}");
            assert_ne!(t, s);
        }
    }
}
