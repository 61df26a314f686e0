//! Characters that change a figure without being seen: zero-width
//! characters, soft hyphens, the marks that steer bidirectional text (LRM,
//! RLM, ALM, the embeddings and isolates), the combining grapheme joiner,
//! variation selectors, and a no-break or thin space between digits
//! (`180​383册` would read as 180). They are dropped before anything is
//! read, so a figure and its label read whole.
//!
//! A zero-width or format character is invisible wherever it stands, so it
//! goes everywhere; a grouping space (no-break, narrow no-break, figure,
//! thin, hair) is a space, except between two digits, where it only groups
//! them (`180 383`). Wider spaces, an apostrophe or a full-width comma
//! between digits are seen, and may part two figures: `metrics` leaves
//! such a figure out with a warning rather than read a part of it.

use std::borrow::Cow;

/// Whether `c` goes wherever it stands: zero-width space, non-joiner,
/// joiner, word joiner, BOM, soft hyphen; LRM, RLM, ALM, the bidi
/// embeddings, overrides and isolates; the combining grapheme joiner; the
/// variation selectors.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{ad}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061c}'
            | '\u{034f}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{e0100}'..='\u{e01ef}'
    )
}

/// Spaces that group digits: no-break U+00A0, narrow no-break U+202F,
/// figure U+2007, thin U+2009, hair U+200A.
const DIGIT_SPACES: &[char] = &['\u{a0}', '\u{202f}', '\u{2007}', '\u{2009}', '\u{200a}'];

/// `text` without the characters above; borrowed when it holds none.
/// Most text holds none, so the search looks at bytes: each starts with
/// byte C2 or E2, with EF B8 or EF BB BF, or with the rarer CD, D8 or F3.
pub fn drop_invisible(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Full-width punctuation (EF BC …) is everywhere in Chinese text: the
    // two EF sequences are searched for whole rather than by their lead.
    let first = [
        memchr::memchr2_iter(0xC2, 0xE2, bytes).find(|&i| drops_at(text, i)),
        memchr::memmem::find(bytes, "\u{feff}".as_bytes()),
        memchr::memmem::find_iter(bytes, b"\xEF\xB8").find(|&i| drops_at(text, i)),
        memchr::memchr3_iter(0xCD, 0xD8, 0xF3, bytes).find(|&i| drops_at(text, i)),
    ]
    .into_iter()
    .flatten()
    .min();
    let Some(first) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut prev = text[..first].chars().next_back();
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        let drop = is_invisible(c)
            || (DIGIT_SPACES.contains(&c)
                && prev.is_some_and(is_digit)
                && chars.peek().is_some_and(|&next| is_digit(next)));
        if !drop {
            out.push(c);
            prev = Some(c);
        }
    }
    Cow::Owned(out)
}

/// Whether the character at byte `i` (one of the lead bytes above) is
/// dropped.
fn drops_at(text: &str, i: usize) -> bool {
    // Most hits are full-width punctuation (EF BC …) and quotes (E2 80 9C):
    // their bytes say no before any character is decoded.
    let maybe = match text.as_bytes().get(i..) {
        Some([0xEF, second, ..]) => matches!(second, 0xB8 | 0xBB),
        Some([0xE2, 0x80, third, ..]) => matches!(third, 0x80..=0x8F | 0xAA..=0xAF),
        Some([0xE2, 0x81, third, ..]) => matches!(third, 0xA0 | 0xA6..=0xA9),
        Some([0xE2, ..]) => false,
        Some(_) => true,
        None => false,
    };
    if !maybe {
        return false;
    }
    let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    if is_invisible(c) {
        return true;
    }
    if DIGIT_SPACES.contains(&c) {
        let before = text.get(..i).and_then(|t| t.chars().next_back());
        let after = text.get(i + c.len_utf8()..).and_then(|t| t.chars().next());
        return before.is_some_and(is_digit) && after.is_some_and(is_digit);
    }
    false
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_go_and_digit_groups_join() {
        for (text, want) in [
            ("180\u{200b}383册", "180383册"),
            ("180\u{200c}383册", "180383册"),
            ("180\u{ad}383册", "180383册"),
            ("180\u{a0}383册", "180383册"),
            ("１８０\u{202f}３８３", "１８０３８３"),
            ("馆\u{200d}藏总量", "馆藏总量"),
            ("\u{feff}年报", "年报"),
            // Thin, figure and hair spaces group digits too.
            ("180\u{2009}383册", "180383册"),
            ("180\u{2007}383册", "180383册"),
            ("180\u{200a}383册", "180383册"),
            // Bidi marks, embeddings and isolates, ALM, CGJ, variation
            // selectors: format characters, gone wherever they stand.
            ("180\u{200e}383册", "180383册"),
            ("180\u{200f}383册", "180383册"),
            ("180\u{202a}383\u{202c}册", "180383册"),
            ("\u{2066}180\u{2069}383册", "180383册"),
            ("180\u{61c}383册", "180383册"),
            ("180\u{34f}383册", "180383册"),
            ("180\u{fe0f}383册", "180383册"),
            ("180\u{e0100}383册", "180383册"),
        ] {
            assert_eq!(drop_invisible(text), want, "{text:?}");
        }
    }

    #[test]
    fn other_text_is_borrowed_as_it_is() {
        for text in [
            "馆藏 180 383 册",
            "“引号”—破折号…",
            "a\u{a0}b",
            "共\u{a0}12册",
            "共\u{2009}12册，“全年”１２册。",
            "",
        ] {
            assert!(
                matches!(drop_invisible(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
    }
}
