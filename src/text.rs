//! Characters: what kind a character is, and what a line's characters
//! make of it. The one place code asks whether a character is white space,
//! a sentence mark or a leader, how wide a text is, and whether a line is a
//! table row; the lists themselves are rows of `tables::punctuation`.
//!
//! Input: a `&str` (a line, a cell, a phrase). Output: answers about it
//! (a width, a flag, an offset).
//!
//! Byte-level scans live here and only here, each with the list it stands
//! for and a test that it agrees with that list: `LEAD` (the width and
//! table-row test of every physical line), [`has_heading_break`] (asked of
//! every heading-shaped line) and [`last_marks`] (asked for every figure).
//! Each was kept because callgrind on the benchmark sample showed it pays.

use crate::tables::punctuation::{CLAUSE_ENDS, HAN_DIGITS, SENTENCE_ENDS, WHITE_SPACE};

/// Whether `c` is white space inside a line (`punctuation::WHITE_SPACE`).
pub fn is_ws(c: char) -> bool {
    WHITE_SPACE.contains(&c)
}

/// `tables::punctuation::WHITE_SPACE` as a regex class, for patterns. Written out rather than
/// `\s`, whose Unicode class costs more to compile than a whole report
/// takes to read (a one-file run must start fast).
pub fn ws_class() -> String {
    let mut class = String::from("[");
    class.extend(WHITE_SPACE);
    class.push(']');
    class
}

/// `tables::punctuation::HAN_DIGITS` as a regex class.
pub fn han_digit_class() -> String {
    let mut class = String::from("[");
    class.extend(HAN_DIGITS);
    class.push(']');
    class
}

/// Trims ASCII and Unicode white space (full-width space, NBSP), the BOM
/// and NUL from both ends: what is left of a physical line.
pub fn trim(s: &str) -> &str {
    // Most lines begin and end with a character that is no space, told by
    // its bytes (a CJK character's lead is 0xE4–0xE9) before any is
    // decoded; the others are trimmed character by character.
    if !may_trim_start(s.as_bytes()) && !may_trim_end(s.as_bytes()) {
        return s;
    }
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\0')
}

/// Whether the first character may be trimmed: an ASCII control or space,
/// or a character whose lead byte some white space or the BOM shares
/// (C2: NBSP; E1: U+1680; E2: U+2000–U+205F; E3: U+3000; EF: U+FEFF).
fn may_trim_start(bytes: &[u8]) -> bool {
    bytes
        .first()
        .is_some_and(|&b| b <= b' ' || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF))
}

/// Whether the last character may be trimmed: as [`may_trim_start`], by
/// the last character's lead byte, and any character not ending in a
/// plain ASCII byte or a three-byte CJK ideograph is asked in full.
fn may_trim_end(bytes: &[u8]) -> bool {
    match bytes {
        [] => false,
        [.., last] if last.is_ascii() => *last <= b' ',
        [.., lead, _, _] if (0xE4..=0xE9).contains(lead) => false,
        _ => true,
    }
}

/// The display width of a text: CJK and full-width characters count 2.
pub fn display_width(s: &str) -> usize {
    measure(s).width
}

/// Tab-, pipe- or wide-space-separated cells: a tab, two pipes, two spaces
/// in a row, or three cells between full-width spaces.
pub fn is_table_row(line: &str) -> bool {
    measure(line).table
}

/// What rejoining measures of every physical line, in one pass.
pub struct Measure {
    /// [`display_width`].
    pub width: usize,
    /// [`is_table_row`].
    pub table: bool,
}

/// In [`LEAD`]: the character's byte length (high nibble) and width (low
/// nibble); 0 when the character must be decoded for its width.
const LENGTH_AND_WIDTH: u8 = 0x3F;
/// In [`LEAD`]: a byte that may separate table cells (tab, pipe, space, and
/// E3, the lead of the full-width space).
const CELL_BREAK: u8 = 0x80;

/// By lead byte: ASCII and two-byte characters are narrow, U+3000–U+9FFF
/// (lead 0xE3–0xE9: CJK ideographs and punctuation) wide, and the other
/// leads need the character decoded (U+FF00–U+FF3F, EF BC: full-width
/// ，：（）, are wide and told apart without).
static LEAD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b {
            0x00..=0x7F => 0x11,
            0xC0..=0xDF => 0x21,
            0xE3..=0xE9 => 0x32,
            _ => 0,
        };
        if matches!(b, 0x09 | 0x7C | 0x20 | 0xE3) {
            table[b] |= CELL_BREAK;
        }
        b += 1;
    }
    table
};

/// The width of a line and whether it is a table row, by one walk over
/// its characters' lead bytes.
pub fn measure(s: &str) -> Measure {
    let bytes = s.as_bytes();
    let mut width = 0;
    let (mut tab, mut pipes, mut double_space, mut wide_space) = (false, 0, false, false);
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        let entry = LEAD[usize::from(lead)];
        if entry & CELL_BREAK != 0 {
            match lead {
                b'\t' => tab = true,
                b'|' => pipes += 1,
                b' ' => double_space |= bytes.get(i + 1) == Some(&b' '),
                _ => wide_space |= bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80]),
            }
        }
        let entry = entry & LENGTH_AND_WIDTH;
        if entry != 0 {
            width += usize::from(entry & 0x0F);
            i += usize::from(entry >> 4);
        } else if lead == 0xEF && bytes.get(i + 1) == Some(&0xBC) {
            width += 2;
            i += 3;
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => {
                    width += char_width(c);
                    i += c.len_utf8();
                }
                None => i += 1,
            }
        }
    }
    let table = tab
        || pipes >= 2
        || double_space
        || (wide_space
            && s.split('\u{3000}')
                .filter(|cell| !cell.trim().is_empty())
                .count()
                >= 3);
    Measure { width, table }
}

/// The display width of one character.
pub fn char_width(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 2,
        0x2018..=0x201F | 0x2014 | 0x2026 => 2,
        _ => 1,
    }
}

/// Splits a row into trimmed cells. Cells are separated by a run of tabs,
/// a pipe with the white space around it, two or more spaces (ASCII,
/// full-width or no-break) or one full-width space; a hand-written scan
/// with the leftmost-first meaning of the regex
/// `\t+|WS*\|WS*|[ \u{3000}\u{a0}]{2,}|\u{3000}` (tested against it),
/// since every table row goes through it.
pub fn split_cells(line: &str) -> Vec<&str> {
    let line = line.trim().trim_matches('|');
    let mut cells = Vec::new();
    let mut cell_start = 0;
    let mut at = 0;
    while at < line.len() {
        match separator_at(line, at) {
            Some(end) => {
                cells.push(line[cell_start..at].trim());
                cell_start = end;
                at = end;
            }
            None => at += line[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    cells.push(line[cell_start..].trim());
    cells
}

/// The end of the separator starting at `at`, if one does (a separator is
/// never empty).
fn separator_at(line: &str, at: usize) -> Option<usize> {
    let is_space = |c: char| crate::tables::punctuation::SPACES.contains(&c);
    let rest = &line[at..];
    let first = rest.chars().next()?;
    if first == '\t' {
        return Some(at + rest.len() - rest.trim_start_matches('\t').len());
    }
    let after_ws = rest.trim_start_matches(is_ws);
    if let Some(after_pipe) = after_ws.strip_prefix('|') {
        let end = after_pipe.trim_start_matches(is_ws);
        return Some(at + rest.len() - end.len());
    }
    let after_spaces = rest.trim_start_matches(is_space);
    let spaces = rest[..rest.len() - after_spaces.len()].chars().count();
    if spaces >= 2 {
        return Some(at + rest.len() - after_spaces.len());
    }
    (first == '\u{3000}').then_some(at + first.len_utf8())
}

/// Does the text hold a mark that makes a short line a sentence rather than
/// a heading (`punctuation::HEADING_BREAKS`)? A byte scan, asked of every
/// heading-shaped line: the ASCII marks by `memchr`, 。 (`E3 80 82`) by a
/// prebuilt searcher, and ！：；？ as `EF BC xx` (tested against the list).
pub fn has_heading_break(text: &str) -> bool {
    // Built once: `memmem::find` would build a searcher per call.
    static FULL_STOP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| {
            memchr::memmem::Finder::new(crate::tables::punctuation::FULL_STOP)
        });
    let bytes = text.as_bytes();
    memchr::memchr3(b';', b':', b'\t', bytes).is_some()
        || FULL_STOP.find(bytes).is_some()
        || memchr::memchr_iter(0xEF, bytes).any(|i| {
            bytes.get(i + 1) == Some(&0xBC)
                && matches!(bytes.get(i + 2), Some(0x81 | 0x9A | 0x9B | 0x9F))
        })
}

/// Which bytes end a character of `CLAUSE_ENDS`: a scan backwards decodes
/// a character only where one of them stands.
const MARK_LAST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < CLAUSE_ENDS.len() {
        let mut buffer = [0u8; 4];
        let bytes = CLAUSE_ENDS[k].encode_utf8(&mut buffer).as_bytes();
        table[bytes[bytes.len() - 1] as usize] = true;
        k += 1;
    }
    table
};

/// Just after the last clause mark (`CLAUSE_ENDS`) and the last sentence
/// mark (`SENTENCE_ENDS`) between `from` and `at` (character boundaries),
/// in one backward byte scan that stops at the sentence mark. Asked for
/// every figure of a line, so it reads bytes and decodes a character only
/// where one of the marks may end (`MARK_LAST_BYTES`).
pub fn last_marks(text: &str, from: usize, at: usize) -> (Option<usize>, Option<usize>) {
    let Some(bytes) = text.as_bytes().get(..at) else {
        return (None, None);
    };
    let mut clause = None;
    for i in (from..bytes.len()).rev() {
        if !MARK_LAST_BYTES[usize::from(bytes[i])] {
            continue;
        }
        // the character ending here, if one does (not a byte inside one)
        let Some(mark) = text.get(..=i).and_then(|t| t.chars().next_back()) else {
            continue;
        };
        if SENTENCE_ENDS.contains(&mark) {
            return (clause.or(Some(i + 1)), Some(i + 1));
        }
        if CLAUSE_ENDS.contains(&mark) {
            clause = clause.or(Some(i + 1));
        }
    }
    (clause, None)
}

/// Just after the last of `CLAUSE_ENDS` before `at`, or 0: a backward
/// search that stops at the first mark it meets.
pub fn clause_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind(CLAUSE_ENDS))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        })
}

/// The value (1–10) of a Han digit of `punctuation::HAN_DIGITS`, the
/// formal digits or their variants (两, 貳 …). Asked of the first
/// character of every line (`heading::split_marker`), so the lists are
/// compiled into a `CharMap` once.
pub fn han_digit(c: char) -> Option<u32> {
    use crate::matcher::lexicon::CharMap;
    use crate::tables::punctuation::{DIGIT_VARIANTS, FORMAL_DIGITS};
    static DIGITS: std::sync::LazyLock<CharMap<u32>> = std::sync::LazyLock::new(|| {
        let tens = |digits: &'static [char]| digits.iter().copied().zip(1..);
        CharMap::new(
            tens(HAN_DIGITS)
                .chain(tens(FORMAL_DIGITS))
                .chain(DIGIT_VARIANTS.iter().copied()),
        )
    });
    DIGITS.get(c)
}

/// The first `limit` bytes of `text`, or a little fewer, ending at a
/// character boundary: a bound on how much of a stretch a scan reads.
pub fn head(text: &str, limit: usize) -> &str {
    let mut end = limit.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The last `limit` bytes of `text`, or a little fewer, starting at a
/// character boundary.
pub fn tail(text: &str, limit: usize) -> &str {
    let mut start = text.len().saturating_sub(limit);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The pinyin glosses of `text`: a parenthesis of Latin letters with a
/// tone mark right after a Han character (借閱(yuè)量, 圖書(shū)館), as
/// byte ranges, parentheses included. Empty, without a scan, for a text
/// with no parenthesis (nearly every line).
pub fn gloss_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    use crate::tables::script::{GLOSS_PARENS, MAX_GLOSS_CHARS, PINYIN_TONE_LETTERS};
    let mut spans = Vec::new();
    if !may_hold_glosses(text) {
        return spans;
    }
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        let after_han = prev.is_some_and(crate::fold::is_han);
        prev = Some(c);
        let Some(&(_, close)) = GLOSS_PARENS.iter().find(|p| p.0 == c) else {
            continue;
        };
        if !after_han {
            continue;
        }
        let inner_start = at + c.len_utf8();
        let mut toned = false;
        let mut end = None;
        for (k, (i, g)) in text[inner_start..].char_indices().enumerate() {
            if g == close && k > 0 {
                end = Some(inner_start + i + g.len_utf8());
                break;
            }
            if k >= MAX_GLOSS_CHARS {
                break;
            }
            if PINYIN_TONE_LETTERS.contains(&g) {
                toned = true;
            } else if !(g.is_ascii_lowercase() || g == ' ' || g == '\'') {
                break;
            }
        }
        if let (true, Some(end)) = (toned, end) {
            spans.push(at..end);
            // the Han character before the next gloss is the one after this
            prev = None;
            while chars.offset() < end {
                if let Some((_, g)) = chars.next() {
                    prev = Some(g);
                }
            }
        }
    }
    spans
}

/// `text` with its toneless pinyin glosses cut out, when it has many: a
/// parenthesis of one to six lowercase Latin letters right after a Han
/// character (武山(shan)縣(xian)圖(tu)書館), as mirror pages gloss every
/// few characters. Asked only of a text that names no library as
/// written: a few such parentheses elsewhere may be list marks or words.
pub fn without_toneless_glosses(text: &str) -> Option<String> {
    use crate::tables::script::{GLOSS_PARENS, MAX_TONELESS_GLOSS_CHARS, MIN_TONELESS_GLOSSES};
    let mut spans = Vec::new();
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        let after_han = prev.is_some_and(crate::fold::is_han);
        prev = Some(c);
        let Some(&(_, close)) = GLOSS_PARENS.iter().find(|p| p.0 == c) else {
            continue;
        };
        let inner = &text[at + c.len_utf8()..];
        let letters = inner.bytes().take_while(u8::is_ascii_lowercase).count();
        if after_han
            && (1..=MAX_TONELESS_GLOSS_CHARS).contains(&letters)
            && inner[letters..].starts_with(close)
        {
            spans.push(at..at + c.len_utf8() + letters + close.len_utf8());
        }
    }
    if spans.len() < MIN_TONELESS_GLOSSES {
        return None;
    }
    Some(without_spans(text, spans))
}

/// `text` without the byte ranges `spans` (in order, not overlapping).
fn without_spans(text: &str, spans: impl IntoIterator<Item = std::ops::Range<usize>>) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut copied = 0;
    for span in spans {
        kept.push_str(text.get(copied..span.start).unwrap_or_default());
        copied = span.end;
    }
    kept.push_str(text.get(copied..).unwrap_or_default());
    kept
}

/// Whether `text` may hold a pinyin gloss: whether it has a byte that
/// leads a tone-marked letter's UTF-8 (C3 á, C4 ā, C5 ō, C7 ǎ), which no
/// Chinese character, no punctuation of the reports and no ASCII has. One
/// SIMD pass: asked of a whole document once, so that a report with no
/// such letter (nearly all) has no line scanned for glosses.
pub fn may_hold_glosses(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(0xC3, 0xC4, 0xC7, bytes).is_some() || memchr::memchr(0xC5, bytes).is_some()
}

/// `text` with its pinyin glosses ([`gloss_spans`]) cut out, when it has
/// any: 借閱(yuè)量 reads 借閱量 to every later stage.
pub fn without_glosses(text: &str) -> Option<String> {
    let spans = gloss_spans(text);
    if spans.is_empty() {
        return None;
    }
    Some(without_spans(text, spans))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::punctuation::HEADING_BREAKS;
    use proptest::prelude::*;

    fn pieces(words: &'static [&'static str]) -> impl Strategy<Value = String> {
        proptest::collection::vec(prop::sample::select(words), 0..16).prop_map(|w| w.concat())
    }

    #[test]
    fn the_quick_trim_agrees_with_the_plain_one() {
        fn plain(s: &str) -> &str {
            s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\0')
        }
        let edges = [
            "", " ", "\t", "\0", "\u{feff}", "\u{3000}", "\u{a0}", "\u{2003}", "\u{1680}",
            "\u{205f}", "\u{85}", "x", "图", "，", "é", "𠀀", "\u{7f}", "\u{1c}",
        ];
        for a in edges {
            for b in edges {
                let line = format!("{a}{b}青禾{a}{b}");
                assert_eq!(trim(&line), plain(&line), "{line:?}");
                let bare = format!("{a}{b}");
                assert_eq!(trim(&bare), plain(&bare), "{bare:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn table_rows_as_a_search_for_their_separators_finds_them(line in pieces(&[
            "a", "图", "|", " ", "\t", "\u{3000}", "，", "1", "\u{3001}", "\u{3002}", "\u{3100}",
        ])) {
            // The separators found one by one, as before `measure`.
            let pipes = line.matches('|').count();
            let by_search = line.contains('\t')
                || pipes >= 2
                || line.contains("  ")
                || line.split('\u{3000}').filter(|cell| !cell.trim().is_empty()).count() >= 3;
            prop_assert_eq!(is_table_row(&line), by_search);
        }

        #[test]
        fn widths_by_bytes_agree_with_the_character_table(line in pieces(&[
            "a", "é", "图", "。", "，", "（", "ｱ", "“", "—", "①", "𠀀", "\u{ff00}", "\u{ff60}", "\u{3000}",
        ])) {
            let by_char: usize = line.chars().map(char_width).sum();
            prop_assert_eq!(display_width(&line), by_char);
        }

        #[test]
        fn heading_breaks_by_bytes_agree_with_the_list(line in pieces(&[
            "甲", "。", "！", "？", "；", "：", ";", ":", "\t", "!", "?", "，", "、", "（", "｡", "ｱ", "\u{ff00}", "a",
        ])) {
            prop_assert_eq!(has_heading_break(&line), line.contains(HEADING_BREAKS));
        }

        #[test]
        fn marks_by_bytes_agree_with_the_lists(line in pieces(&[
            "甲", "。", "；", ";", "！", "？", "!", "?", "，", ",", "、", "“", "（", "a", "1", " ", "ｱ",
        ])) {
            let at = line.len();
            let after = |marks: &[char]| line.rfind(marks).map(|i| i + line[i..].chars().next().map_or(1, char::len_utf8));
            prop_assert_eq!(last_marks(&line, 0, at), (after(CLAUSE_ENDS), after(SENTENCE_ENDS)));
            prop_assert_eq!(clause_start(&line, at), after(CLAUSE_ENDS).unwrap_or(0));
        }
    }

    #[test]
    fn table_rows_by_their_separators() {
        for row in [
            "1\t文献馆藏量\t180383",
            "| 指标 | 数值 |",
            "指标    数值",
            "指标\u{3000}数值\u{3000}单位",
        ] {
            assert!(is_table_row(row), "{row:?}");
        }
        for prose in [
            "2020 年馆藏量 180383 册。",
            "a|b",
            "\u{3000}\u{3000}首行缩进的段落",
            "指标\u{3000}数值",
        ] {
            assert!(!is_table_row(prose), "{prose:?}");
        }
    }

    #[test]
    fn widths_count_cjk_double() {
        assert_eq!(display_width("ab"), 2);
        assert_eq!(display_width("图书馆"), 6);
        assert_eq!(display_width("１２"), 4);
        // The byte-wise fast path agrees with the character table.
        for text in [
            "2020 年馆藏量 180383 册，“一卡通”——é…",
            "한국어 𠀀 ㎡ ① Ⅳ",
            "\u{3000}\u{303f}\u{9fff}\u{a000}",
            "（全省）：１２，ＡＢｚ｡ｱ\u{ff00}\u{ff60}\u{ffe0}\u{feff}",
        ] {
            let by_char: usize = text.chars().map(char_width).sum();
            assert_eq!(display_width(text), by_char, "{text}");
        }
    }

    #[test]
    fn heading_breaks_by_bytes() {
        for text in [
            "甲。",
            "甲；乙",
            "甲！",
            "甲？",
            "甲：",
            "a:b",
            "a;b",
            "a\tb",
        ] {
            assert!(has_heading_break(text), "{text}");
        }
        for text in [
            "一、服务效能",
            "3、拓展服务路径，提升服务效能",
            "（一）标题",
            "“引号”",
            "甲!",
        ] {
            assert!(!has_heading_break(text), "{text}");
        }
    }

    #[test]
    fn han_digits_one_to_ten() {
        assert_eq!(han_digit('一'), Some(1));
        assert_eq!(han_digit('十'), Some(10));
        assert_eq!(han_digit('两'), Some(2));
        assert_eq!(han_digit('拾'), Some(10));
        assert_eq!(han_digit('參'), Some(3));
        assert_eq!(han_digit('〇'), None);
    }

    #[test]
    fn pinyin_glosses_are_found_after_han_characters_only() {
        let cut = |s: &str| without_glosses(s).unwrap_or_else(|| s.to_owned());
        assert_eq!(cut("借閱(yuè)量達(dá)3256871冊(cè)"), "借閱量達3256871冊");
        assert_eq!(cut("圖書(shū)館"), "圖書館");
        assert_eq!(cut("5.2萬(wàn)平(píng)方米"), "5.2萬平方米");
        assert_eq!(cut("圖書館（tú shū guǎn）"), "圖書館");
        assert_eq!(cut("女(nǚ)"), "女");
        for &c in crate::tables::script::PINYIN_TONE_LETTERS {
            assert!(may_hold_glosses(&format!("馆({c})")), "{c}");
        }
        assert!(!may_hold_glosses("圖書館（一）2020年，“读书”…。"));
        // no tone mark, not after a Han character, or not Latin: kept
        for kept in [
            "馆藏(PDF)",
            "资源(shu)",
            "3(shū)",
            "(shū)馆",
            "馆(书)",
            "馆()",
            "馆(shū",
            "館(shū 3)",
        ] {
            assert_eq!(without_glosses(kept), None, "{kept}");
        }
    }
}
