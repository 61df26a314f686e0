//! JSON string escaping, eight bytes at a time.
//!
//! A report's strings are mostly Chinese: three-byte characters whose
//! bytes are all 0x80 or above and never need an escape. serde_json looks
//! every byte up in a table and branches on it, which made escaping the
//! largest single cost of `extract` (about 6% of its instructions on a
//! generated batch). Here one test on a 64-bit word clears eight plain
//! bytes at once, and only a word that may hold a byte to escape is looked
//! at byte by byte. `cargo bench --bench stages json` compares the two.
//!
//! The output is serde_json's, byte for byte, with one addition: U+2028
//! and U+2029 are written `\u2028` and `\u2029`, since some readers
//! (JavaScript's, editors, line splitters) take them for line ends and
//! would cut a JSON Lines record in two.

use std::fmt;

/// Appends `text` to `out` as a JSON string, quotes included.
pub(crate) fn write_str(out: &mut Vec<u8>, text: &str) {
    out.reserve(text.len() + 2);
    out.push(b'"');
    // Most strings are short (units, keys, codes): those with nothing to
    // escape are copied here, without the word loop's call.
    let bytes = text.as_bytes();
    if bytes.len() < 8 && !bytes.iter().any(|&byte| FLAGGED[usize::from(byte)]) {
        out.extend_from_slice(bytes);
    } else {
        write_contents(out, text);
    }
    out.push(b'"');
}

/// Appends a struct field's name as a JSON string. Field names are
/// written in this crate's source (serde's derive, `Warning`'s
/// `Serialize`) and are plain snake_case, which needs no escape; a test
/// holds every name of the record's schema to that.
pub(crate) fn write_field_name(out: &mut Vec<u8>, name: &'static str) {
    debug_assert!(
        !name.bytes().any(|byte| FLAGGED[usize::from(byte)]),
        "field name {name:?} needs escaping"
    );
    out.reserve(name.len() + 2);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// Appends `text` escaped, without quotes: one piece of a string.
pub(crate) fn write_contents(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // `copied` is the first byte not yet in `out`; `at` the next to test.
    let (mut copied, mut at) = (0, 0);
    while let Some(found) = next_flagged(bytes, at) {
        let Some((escape, width)) = escape_at(bytes, found) else {
            // 0xE2 leading “ ” … —, or a word test's false alarm
            at = found + 1;
            continue;
        };
        out.extend_from_slice(&bytes[copied..found]);
        match escape {
            Escape::Short(letter) => out.extend_from_slice(&[b'\\', letter]),
            Escape::Unicode(code) => {
                out.extend_from_slice(b"\\u");
                out.extend_from_slice(&hex4(code));
            }
        }
        at = found + width;
        copied = at;
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// The first byte at or after `from` that may need an escape (a control
/// byte, `"`, `\`, or 0xE2); it may be a false alarm, which `escape_at`
/// settles, but no byte that needs one is passed over.
#[inline]
fn next_flagged(bytes: &[u8], mut from: usize) -> Option<usize> {
    let len = bytes.len();
    if len < 8 {
        let rest = bytes.get(from..)?;
        return rest
            .iter()
            .position(|&byte| FLAGGED[usize::from(byte)])
            .map(|offset| from + offset);
    }
    while let Some(word) = word_at(bytes, from) {
        let flags = flags(word);
        if flags != 0 {
            return Some(from + (flags.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    if from >= len {
        return None;
    }
    // The last word, overlapping bytes already passed; those are shifted
    // out (a byte's flag is only ever raised by itself or a byte below it,
    // so what is left is only a false alarm at worst).
    let last = len - 8;
    let flags = flags(word_at(bytes, last)?) >> (8 * (from - last));
    (flags != 0).then(|| from + (flags.trailing_zeros() / 8) as usize)
}

fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let word = bytes.get(at..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*word))
}

/// A `fmt::Write` that escapes what is written into it: a `Display` value
/// is written as a JSON string's contents with no copy of its own.
pub(crate) struct EscapingWriter<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for EscapingWriter<'_> {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        write_contents(self.0, piece);
        Ok(())
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of `word`, and perhaps of bytes above
/// one (a borrow); the lowest bit set is always a zero byte.
const fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// The high bit of each byte of `word` that `escape_at` must look at (a
/// control byte below 0x20, `"`, `\`, or 0xE2, the lead byte of U+2028
/// and U+2029 and also of “ ” … —), with the false alarms of
/// `zero_bytes` above a true one.
const fn flags(word: u64) -> u64 {
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    control
        | zero_bytes(word ^ (ONES * b'"' as u64))
        | zero_bytes(word ^ (ONES * b'\\' as u64))
        | zero_bytes(word ^ (ONES * 0xE2))
}

/// The bytes `flags` raises, for text shorter than a word.
static FLAGGED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[0xE2] = true;
    table
};

enum Escape {
    /// `\"`, `\\`, `\n` and the other two-character escapes.
    Short(u8),
    /// `\u` and four lowercase hex digits.
    Unicode(u16),
}

/// The escape of the character at `at`, and how many bytes it replaces;
/// `None` for a byte written as it is.
fn escape_at(bytes: &[u8], at: usize) -> Option<(Escape, usize)> {
    let byte = *bytes.get(at)?;
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x09 => b't',
        0x0A => b'n',
        0x0C => b'f',
        0x0D => b'r',
        0x00..=0x1F => return Some((Escape::Unicode(u16::from(byte)), 1)),
        0xE2 => {
            return match bytes.get(at + 1..at + 3) {
                Some([0x80, 0xA8]) => Some((Escape::Unicode(0x2028), 3)),
                Some([0x80, 0xA9]) => Some((Escape::Unicode(0x2029), 3)),
                _ => None,
            };
        }
        _ => return None,
    };
    Some((Escape::Short(short), 1))
}

/// Four lowercase hex digits, as serde_json writes them.
fn hex4(code: u16) -> [u8; 4] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    [12, 8, 4, 0].map(|shift| DIGITS[usize::from((code >> shift) & 0xF)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// serde_json's string, with U+2028/U+2029 escaped as the writers
    /// always have.
    fn serde_json_str(text: &str) -> String {
        serde_json::to_string(text)
            .expect("a string")
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
    }

    fn ours(text: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, text);
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn every_ascii_byte_is_escaped_as_serde_json_escapes_it() {
        for byte in 0u8..=0x7F {
            let text = char::from(byte).to_string();
            // alone, and at every place of a word and across words
            for at in 0..17 {
                let padded = format!("{}{text}{}", "读".repeat(at / 3), "x".repeat(at % 3));
                assert_eq!(
                    ours(&padded),
                    serde_json_str(&padded),
                    "byte {byte:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn line_separators_are_escaped_and_other_e2_characters_are_not() {
        assert_eq!(
            ours("甲\u{2028}乙\u{2029}“丙”…—"),
            "\"甲\\u2028乙\\u2029“丙”…—\""
        );
        // a lone 0xE2 lead at the very end of a word or the text
        assert_eq!(ours("1234567“"), "\"1234567“\"");
        assert_eq!(ours("\u{2028}"), "\"\\u2028\"");
    }

    #[test]
    fn pieces_written_through_display_escape_as_one_string() {
        use std::fmt::Write as _;
        let mut out = Vec::new();
        let (name, figure) = ("馆", 12);
        write!(EscapingWriter(&mut out), "{name}\"{figure}\t").expect("written");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), "馆\\\"12\\t");
    }

    #[test]
    fn every_field_name_of_the_record_needs_no_escape() {
        fn names(schema: &serde_json::Value, out: &mut Vec<String>) {
            match schema {
                serde_json::Value::Object(map) => {
                    if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                        out.extend(properties.keys().cloned());
                    }
                    map.values().for_each(|value| names(value, out));
                }
                serde_json::Value::Array(values) => values.iter().for_each(|v| names(v, out)),
                _ => {}
            }
        }
        let schema = serde_json::to_value(crate::schema::record_schema()).expect("schema");
        let mut found = Vec::new();
        names(&schema, &mut found);
        assert!(found.len() > 50, "{} names", found.len());
        for name in found {
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{name}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_text_is_escaped_as_serde_json_escapes_it(text in any::<String>()) {
            prop_assert_eq!(ours(&text), serde_json_str(&text));
        }

        #[test]
        fn report_like_text_is_escaped_as_serde_json_escapes_it(
            text in "[图书馆年报“”…—\u{2028}\u{2029}\"\\\\\t\n\r\u{1}a-z0-9 ]{0,64}"
        ) {
            prop_assert_eq!(ours(&text), serde_json_str(&text));
        }
    }
}
