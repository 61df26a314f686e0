//! Characters that change a figure without being seen: zero-width
//! characters and soft hyphens, and a no-break space between digits
//! (`180​383册` would read as 180). They are dropped before anything is
//! read, so a figure and its label read whole.
//!
//! A zero-width character or a soft hyphen is invisible wherever it stands,
//! so it goes everywhere; a no-break space is a space, except between two
//! digits, where it only groups them (`180 383`).

use std::borrow::Cow;

/// Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen.
const INVISIBLE: &[char] = &[
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}',
];

/// No-break spaces that group digits: U+00A0 and the narrow U+202F.
const DIGIT_SPACES: &[char] = &['\u{a0}', '\u{202f}'];

/// `text` without the characters above; borrowed when it holds none.
/// Most text holds none, so the search looks at bytes: each starts with
/// byte C2 or E2 (rare in Chinese text), but for the BOM, searched apart.
pub fn drop_invisible(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let first = memchr::memchr2_iter(0xC2, 0xE2, bytes)
        .find(|&i| drops_at(text, i))
        .into_iter()
        .chain(memchr::memmem::find(bytes, "\u{feff}".as_bytes()))
        .min();
    let Some(first) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut prev = text[..first].chars().next_back();
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        let drop = INVISIBLE.contains(&c)
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

/// Whether the character at byte `i` (a C2 or E2 lead byte) is dropped.
fn drops_at(text: &str, i: usize) -> bool {
    let Some(rest) = text.as_bytes().get(i..) else {
        return false;
    };
    match rest {
        // soft hyphen; zero-width space, non-joiner, joiner; word joiner
        [0xC2, 0xAD, ..] | [0xE2, 0x80, 0x8B..=0x8D, ..] | [0xE2, 0x81, 0xA0, ..] => true,
        // no-break spaces, between digits only
        [0xC2, 0xA0, ..] | [0xE2, 0x80, 0xAF, ..] => {
            let len = if rest[0] == 0xC2 { 2 } else { 3 };
            let before = text.get(..i).and_then(|t| t.chars().next_back());
            let after = text.get(i + len..).and_then(|t| t.chars().next());
            before.is_some_and(is_digit) && after.is_some_and(is_digit)
        }
        _ => false,
    }
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
            "",
        ] {
            assert!(
                matches!(drop_invisible(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
    }
}
