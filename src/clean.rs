//! Stage 2, text → lines: undo what a Word or PDF export left behind.
//!
//! Drops table-of-contents lines (dot leaders and a page number, kept aside
//! as [`TocEntry`] because segmenting uses them), lines that are only a
//! URL, `[image: …]` placeholders and page-number lines; then rejoins
//! sentences broken across lines. Every [`Line`] keeps the 1-based number
//! of its first physical line, so every figure can be traced.
//!
//! Rejoining needs a look at the whole document first (is it hard-wrapped,
//! and at what width?), so this stage returns a `Vec` rather than a lazy
//! iterator; reports are small and the input size is bounded by the caller.
//!
//! Two ways a line gets broken, two rules:
//! - **Hard-wrapped documents** (most lines end near one width, as a PDF
//!   export leaves them): a line that reaches the wrap width and does not
//!   end a sentence continues on the next line.
//! - **Page breaks** in unwrapped documents: a long line that ends in the
//!   middle of a sentence (on 、，or on a plain character) continues on
//!   the next line, unless that next line starts a new numbered point, a
//!   date entry, a heading or a table row.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::heading;
use crate::tables::sections::{IMAGE_PLACEHOLDERS, TOC_HEADINGS};

/// One logical line of the cleaned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'t> {
    /// 1-based number of the first physical line.
    pub no: u32,
    /// 1-based number of the last physical line (differs when rejoined).
    pub last: u32,
    /// The text, trimmed; owned only when lines were joined or junk removed.
    pub text: Cow<'t, str>,
    /// Whether the text is a table row ([`is_table_row`]): rejoining needs
    /// to know, and so do the extractors after it, so it is decided once.
    pub table: bool,
    /// The text's [`display_width`], measured with `table`: finding the
    /// headings asks it of every line.
    pub width: usize,
}

impl<'t> Line<'t> {
    /// A line of `text`, measured: its `table` and `width` follow from it.
    pub fn new(no: u32, last: u32, text: Cow<'t, str>) -> Line<'t> {
        let Measure { width, table } = measure(&text);
        Line {
            no,
            last,
            text,
            table,
            width,
        }
    }
}

/// An entry of the table of contents (目录).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocEntry {
    /// The title as listed, without dot leaders and page number.
    pub title: String,
    /// The line it was listed on.
    pub line: u32,
}

/// The cleaned text of a report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned<'t> {
    /// Content lines, in order.
    pub lines: Vec<Line<'t>>,
    /// The table of contents, when the report has one.
    pub toc: Vec<TocEntry>,
}

/// What a physical line is.
#[derive(Clone, Debug, PartialEq)]
enum Kind<'t> {
    Blank,
    Junk,
    Toc(TocEntry),
    Content(Cow<'t, str>),
}

/// White space in a pattern: ASCII, full-width and no-break spaces. Written
/// out rather than `\s`, whose Unicode class costs more to compile than a
/// whole report takes to read (a one-file run must start fast).
const WS: &str = r"[\t \u{3000}\u{a0}]";

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let forms = [
        r"[-–—]WS*[0-9]{1,3}WS*[-–—]",                                // - 3 -
        r"第WS*[0-9]{1,3}WS*页(?:WS*[,，]?WS*共WS*[0-9]{1,3}WS*页)?", // 第 3 页 共 12 页
        r"[0-9]{1,3}WS*/WS*[0-9]{1,3}",                               // 3/12
        r"[0-9]{1,3}",                                                // 3
        r"[-–—]?WS*[IVXLivxl]{1,5}WS*[-–—]?",                         // - iv -
        r"Page [0-9]{1,3}(?: of [0-9]{1,3})?",                        // Page 3 of 12
    ];
    let pattern = format!("^(?:{})$", forms.join("|")).replace("WS", WS);
    Regex::new(&pattern).expect("static regex")
});

/// The white space of `WS`: tab, space, full-width space, no-break space.
pub(crate) fn is_ws(c: char) -> bool {
    matches!(c, '\t' | ' ' | '\u{3000}' | '\u{a0}')
}

/// The title of a contents line `标题 ……… 3` (`第 3 页`): the shortest
/// start of the line, ending in a visible character, that the leaders and
/// the page number follow. Hand-written for speed, with the meaning of the
/// regex `^(.*?[^WS])WS*(?:[.．·…。]{3,}|…+|\.{2,})WS*(?:第WS*)?[0-9]{1,3}WS*(?:页)?$`
/// (tested against it).
fn toc_title(line: &str) -> Option<&str> {
    line.char_indices()
        .filter(|&(_, c)| !is_ws(c))
        .map(|(i, c)| i + c.len_utf8())
        .find(|&end| is_leaders_and_page(&line[end..]))
        .map(|end| &line[..end])
}

/// `WS* leaders WS* (第 WS*)? digits{1,3} WS* 页?` and nothing after.
fn is_leaders_and_page(rest: &str) -> bool {
    const LEADERS: &[char] = &['.', '．', '·', '…', '。'];
    let rest = rest.trim_start_matches(is_ws);
    let after = rest.trim_start_matches(LEADERS);
    // The leaders must be the whole run: a leader is no white space, no 第
    // and no digit, so nothing after could take the rest of it.
    let run = &rest[..rest.len() - after.len()];
    let leaders_ok = run.chars().count() >= 3
        || (!run.is_empty() && run.chars().all(|c| c == '…'))
        || (run.len() >= 2 && run.bytes().all(|b| b == b'.'));
    if !leaders_ok {
        return false;
    }
    let mut rest = after.trim_start_matches(is_ws);
    if let Some(after_di) = rest.strip_prefix('第') {
        rest = after_di.trim_start_matches(is_ws);
    }
    let after_digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = rest.len() - after_digits.len();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let rest = after_digits.trim_start_matches(is_ws);
    rest.is_empty() || rest == "页"
}

/// A line that is only a link: `http://`, `https://` or `www.` and
/// printable ASCII after it.
fn is_url_line(line: &str) -> bool {
    let rest = ["http://", "https://", "www."]
        .iter()
        .find_map(|prefix| line.strip_prefix(prefix));
    rest.is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| (b'!'..=b'~').contains(&b)))
}

/// The line without its `[image: …]` placeholders (a word of
/// `IMAGE_PLACEHOLDERS`, in either script, and either colon), if it has any.
fn without_images(line: &str) -> Option<String> {
    // Folding keeps offsets: words are matched in `folded`, cut from `line`.
    let folded = crate::script::fold(line);
    let mut kept = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(open) = line[from..].find('[').map(|i| from + i) {
        let inner = &folded[open + 1..];
        let placeholder = IMAGE_PLACEHOLDERS
            .iter()
            .find_map(|word| inner.strip_prefix(word))
            .and_then(|rest| rest.strip_prefix([':', '：']))
            .and_then(|rest| {
                rest.find(']')
                    .map(|close| line.len() - rest.len() + close + 1)
            });
        match placeholder {
            Some(end) => {
                kept.push_str(&line[copied..open]);
                copied = end;
                from = end;
            }
            None => from = open + 1,
        }
    }
    if copied == 0 {
        return None;
    }
    kept.push_str(&line[copied..]);
    Some(kept)
}

/// A page-number line (- 3 -, 第 3 页 共 12 页, 3/12, iv, Page 3 of 12).
/// Such a line holds only the characters of `PAGE_NUMBER`'s forms, a test
/// that turns most short lines (headings) away at their first character
/// before the regex runs.
fn is_page_number(line: &str) -> bool {
    const PAGE_CHARS: &str = "0123456789-–—/第页共,，IVXLivxlPageof \t\u{3000}\u{a0}";
    line.chars().all(|c| PAGE_CHARS.contains(c)) && PAGE_NUMBER.is_match(line)
}

/// Cleans a decoded report text.
pub fn clean(text: &str) -> Cleaned<'_> {
    let mut toc = Vec::new();
    let mut physical: Vec<(u32, Cow<'_, str>)> = Vec::new();
    let mut in_toc = false;
    // A number alone on its line, dropped as a page number unless the next
    // line is a unit alone: in a table written a cell a line (读者活动 /
    // 94 / 场次), it is a cell.
    let mut bare_number: Option<(u32, &str)> = None;
    for (index, raw) in split_lines(text).enumerate() {
        let no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if let Some((number_no, number)) = bare_number.take()
            && is_unit_line(raw)
        {
            physical.push((number_no, Cow::Borrowed(number)));
        }
        match classify(raw, no, in_toc) {
            Kind::Junk if is_bare_number(raw) => bare_number = Some((no, trim(raw))),
            Kind::Blank | Kind::Junk => {}
            Kind::Toc(entry) => {
                in_toc = true;
                if !entry.title.is_empty() {
                    toc.push(entry);
                }
            }
            Kind::Content(line) => {
                in_toc = false;
                physical.push((no, line));
            }
        }
    }
    Cleaned {
        lines: rejoin(physical),
        toc,
    }
}

/// A line of digits alone.
fn is_bare_number(raw: &str) -> bool {
    let line = trim(raw);
    !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit())
}

/// A line that is a unit alone (场次, 个, 平方米).
fn is_unit_line(raw: &str) -> bool {
    let line = trim(raw);
    line.len() <= MAX_UNIT_BYTES
        && crate::quantity::parse_unit(&crate::script::fold(line)).is_some()
}

/// The longest unit on a line of its own, in bytes (万平方米 is 12).
const MAX_UNIT_BYTES: usize = 18;

/// Splits on `\n`, `\r\n` and lone `\r`, the endings exports leave.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        match memchr::memchr2(b'\n', b'\r', s.as_bytes()) {
            Some(i) => {
                let skip = if s[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&s[i + skip..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

fn classify(raw: &str, no: u32, in_toc: bool) -> Kind<'_> {
    let line = trim(raw);
    if line.is_empty() {
        return Kind::Blank;
    }
    // Cheap tests first: most lines are prose, and each regex below only
    // runs on lines that hold what it needs (a leader, a link, a bracket).
    if line.len() <= 16 {
        // 目录 or 目 录: the heading's characters, white space aside.
        let folded = crate::script::fold(line);
        let is_toc_heading = TOC_HEADINGS.iter().any(|heading| {
            folded
                .chars()
                .filter(|c| !c.is_whitespace())
                .eq(heading.chars())
        });
        if is_toc_heading {
            return Kind::Toc(TocEntry {
                title: String::new(),
                line: no,
            });
        }
    }
    // A contents line ends in its page number (3, 3 页) after the leaders.
    let ends_in_page = line.ends_with(|c: char| c.is_ascii_digit() || c == '页');
    let leaders = ends_in_page && (line.contains("..") || line.contains(['…', '·', '．', '。']));
    if leaders && let Some(title) = toc_title(line) {
        let title = title.trim().to_owned();
        return Kind::Toc(TocEntry { title, line: no });
    }
    // Inside a contents block, "标题<tab>3" without leaders is an entry too.
    if in_toc
        && let Some((title, page)) = line.rsplit_once(char::is_whitespace)
        && page.bytes().all(|b| b.is_ascii_digit())
        && page.len() <= 3
    {
        let title = title.trim().to_owned();
        return Kind::Toc(TocEntry { title, line: no });
    }
    let link = line.starts_with("http") || line.starts_with("www.");
    if (link && is_url_line(line)) || (line.len() <= 40 && is_page_number(line)) {
        return Kind::Junk;
    }
    if line.contains('[')
        && let Some(rest) = without_images(line)
    {
        let rest = trim(&rest);
        return if rest.is_empty() {
            Kind::Junk
        } else {
            Kind::Content(Cow::Owned(rest.to_owned()))
        };
    }
    Kind::Content(Cow::Borrowed(line))
}

/// Trims ASCII and Unicode white space (full-width space, NBSP, BOM).
fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\0')
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
struct Measure {
    /// [`display_width`].
    width: usize,
    /// [`is_table_row`].
    table: bool,
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
fn measure(s: &str) -> Measure {
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

fn char_width(c: char) -> usize {
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

/// The width at which the document is hard-wrapped, if it is: the 90th
/// percentile of line widths, when at least 40% of the lines reach 85% of
/// it and it is a plausible page width.
fn wrap_width(widths: impl Iterator<Item = usize>) -> Option<usize> {
    let mut widths: Vec<usize> = widths.collect();
    if widths.len() < 10 {
        return None;
    }
    widths.sort_unstable();
    let p90 = widths[widths.len() * 9 / 10];
    if !(30..=160).contains(&p90) {
        return None;
    }
    let full = widths.iter().filter(|&&w| w * 100 >= p90 * 85).count();
    (full * 100 >= widths.len() * 40).then_some(p90)
}

/// A physical line with what rejoining asks of it, measured once: its
/// width and whether it is a table row by one pass, whether it looks like
/// a heading only when a rule asks (most lines end a sentence, and no rule
/// asks).
struct Piece<'t> {
    no: u32,
    text: Cow<'t, str>,
    width: usize,
    table: bool,
    heading: OnceCell<bool>,
}

impl Piece<'_> {
    fn heading(&self) -> bool {
        *self
            .heading
            .get_or_init(|| looks_like_heading(&self.text, self.width))
    }
}

fn rejoin(physical: Vec<(u32, Cow<'_, str>)>) -> Vec<Line<'_>> {
    let pieces: Vec<Piece<'_>> = physical
        .into_iter()
        .map(|(no, text)| {
            let Measure { width, table } = measure(&text);
            Piece {
                no,
                width,
                table,
                heading: OnceCell::new(),
                text,
            }
        })
        .collect();
    let wrap = wrap_width(pieces.iter().map(|p| p.width));
    let mut out: Vec<Line<'_>> = Vec::with_capacity(pieces.len());
    let mut previous: Option<Piece<'_>> = None;
    for piece in pieces {
        let joins = match (out.last(), &previous) {
            (Some(line), Some(prev)) => continues(&line.text, prev, &piece, wrap),
            _ => false,
        };
        match out.last_mut() {
            Some(line) if joins => {
                if let Cow::Borrowed(first) = line.text {
                    // Room for a few more pieces: a wrapped paragraph
                    // joins several.
                    let mut joined = String::with_capacity(4 * (first.len() + piece.text.len()));
                    joined.push_str(first);
                    line.text = Cow::Owned(joined);
                }
                line.text.to_mut().push_str(&piece.text);
                line.last = piece.no;
            }
            _ => out.push(Line {
                no: piece.no,
                last: piece.no,
                table: piece.table,
                width: piece.width,
                text: piece.text.clone(),
            }),
        }
        previous = Some(piece);
    }
    // Joined lines are measured whole: joined pieces are no table rows,
    // but their text as a whole might be (a pipe in each).
    for line in out.iter_mut().filter(|line| line.last != line.no) {
        *line = Line::new(line.no, line.last, std::mem::take(&mut line.text));
    }
    out
}

/// Characters that end a sentence or a block: never continued.
const TERMINAL: &[char] = &['。', '！', '？', '!', '?', '；', ';', '：', ':', '…'];
/// Characters after which a sentence must go on.
const CONTINUING: &[char] = &['，', ',', '、', '（', '(', '“', '《', '—', '+', '·'];

/// Does `next` continue the logical line that ends with `text`, whose last
/// physical piece was `prev`?
fn continues(text: &str, prev: &Piece<'_>, next: &Piece<'_>, wrap: Option<usize>) -> bool {
    let Some(last) = text.chars().next_back() else {
        return false;
    };
    if TERMINAL.contains(&last) || prev.table || next.table {
        return false;
    }
    if let Some(width) = wrap
        && prev.width * 100 >= width * 85
    {
        return true;
    }
    if prev.heading() || next.heading() || starts_new_point(&next.text) {
        return false;
    }
    CONTINUING.contains(&last) || prev.width >= 40
}

/// A heading, a title or a contents line: never glued to what follows.
fn looks_like_heading(line: &str, width: usize) -> bool {
    heading::is_heading_of_width(line, width)
        && (width < 40
            || heading::split_marker(line).is_some()
            || heading::title_kind(line).is_some()
            || heading::is_report_title(line))
}

/// Does the line open a new point: a numbered item, a dated entry or a
/// month heading? (Headings are told apart before.)
fn starts_new_point(line: &str) -> bool {
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        let pattern = r"^(?:[0-9]{1,2}WS*[日月号]|[一二三四五六七八九十]{1,3}月|(?:19|20)[0-9]{2}WS*年|[0-9]{1,2}WS*[-—–~～]WS*[0-9]{1,2}WS*日)";
        Regex::new(&pattern.replace("WS", WS)).expect("static regex")
    });
    heading::split_marker(line).is_some() || DATED.is_match(line)
}

/// Lines numbered 1, 2, 3 … as they stand, for the extractors' tests.
#[cfg(test)]
pub(crate) fn numbered_lines(texts: &[&'static str]) -> Vec<Line<'static>> {
    (1u32..)
        .zip(texts)
        .map(|(no, text)| Line::new(no, no, Cow::Borrowed(text)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The regexes the hand-written scans stand for, as oracles.
    fn oracle(pattern: &str) -> Regex {
        Regex::new(&pattern.replace("WS", WS)).expect("regex")
    }

    fn pieces(words: &'static [&'static str]) -> impl Strategy<Value = String> {
        proptest::collection::vec(prop::sample::select(words), 0..16).prop_map(|w| w.concat())
    }

    proptest! {
        #[test]
        fn contents_titles_as_the_regex_reads_them(line in pieces(&[
            "标", "题", ".", "．", "·", "…", "。", " ", "\t", "\u{3000}", "第", "页", "1", "2", "3", "a",
        ])) {
            let toc = oracle(r"^(.*?[^\t \u{3000}\u{a0}])WS*(?:[.．·…。]{3,}|…+|\.{2,})WS*(?:第WS*)?[0-9]{1,3}WS*(?:页)?$");
            let want = toc.captures(&line).and_then(|c| c.get(1)).map(|m| m.as_str());
            prop_assert_eq!(toc_title(&line), want);
        }

        #[test]
        fn image_placeholders_as_the_regex_finds_them(line in pieces(&[
            "[", "]", "image", "img", "图片", "圖片", ":", "：", "a", "图", " ",
        ])) {
            let image = oracle(r"\[(?:image|图片|圖片|img)[:：][^\]]*\]");
            let want = image.is_match(&line).then(|| image.replace_all(&line, "").into_owned());
            prop_assert_eq!(without_images(&line), want);
        }

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
        fn url_lines_as_the_regex_finds_them(line in pieces(&[
            "http://", "https://", "www.", "a", ".", "/", " ", "图", "~", "\u{7f}",
        ])) {
            let url = oracle(r"^(?:https?://|www\.)[!-~]+$");
            prop_assert_eq!(is_url_line(&line), url.is_match(&line));
        }
    }

    fn texts(input: &str) -> Vec<(u32, String)> {
        clean(input)
            .lines
            .into_iter()
            .map(|l| (l.no, l.text.into_owned()))
            .collect()
    }

    #[test]
    fn contents_headings_spaced_or_traditional() {
        for line in ["目录", "目 录", "目　录", " 目 次 ", "目錄"] {
            assert!(matches!(classify(line, 1, false), Kind::Toc(_)), "{line:?}");
        }
        assert!(matches!(classify("目录学", 1, false), Kind::Content(_)));
    }

    #[test]
    fn drops_toc_urls_images_and_page_numbers_keeping_numbers() {
        let input = "年报\n\n目 录\n\n一、工作总结.....\t1\n二、大事记……5\n\nhttp://www.hdlib.net/a.html\n[image: a.png]\n- 3 -\n\n正文第一行。[image: image9.jpg]\n12\n第二行。";
        let cleaned = clean(input);
        let titles: Vec<_> = cleaned
            .toc
            .iter()
            .map(|e| (e.line, e.title.as_str()))
            .collect();
        assert_eq!(titles, [(5, "一、工作总结"), (6, "二、大事记")]);
        assert_eq!(
            texts(input),
            [
                (1, "年报".to_owned()),
                (12, "正文第一行。".to_owned()),
                (14, "第二行。".to_owned())
            ]
        );
    }

    #[test]
    fn a_number_alone_before_its_unit_is_a_cell() {
        let input = "读者活动\n94\n场次\n正文第一行。\n12\n第二行。";
        let numbers: Vec<_> = texts(input).into_iter().map(|(no, _)| no).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 6]);
    }

    #[test]
    fn line_endings_crlf_and_lone_cr_count_alike() {
        let got = texts("甲。\r\n乙。\r丙。\n丁。");
        let numbers: Vec<_> = got.iter().map(|(no, _)| *no).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
    }

    #[test]
    fn page_break_inside_a_sentence_is_rejoined() {
        let input = "（三）切实加大对外媒体宣传。2020 年通过人民日报、\n\n中国新闻网、武隆电视台等主流媒体报道 21 条。\n\n29 日，区图书馆安全检查小组一行对总馆、江南分馆、\n\n世纪广场 24 小时自助图书馆进行节前安全隐患排查。";
        assert_eq!(
            texts(input),
            [
                (1, "（三）切实加大对外媒体宣传。2020 年通过人民日报、中国新闻网、武隆电视台等主流媒体报道 21 条。".to_owned()),
                (5, "29 日，区图书馆安全检查小组一行对总馆、江南分馆、世纪广场 24 小时自助图书馆进行节前安全隐患排查。".to_owned()),
            ]
        );
    }

    #[test]
    fn headings_and_dated_entries_are_not_glued() {
        let input = "武隆区图书馆 2020 年度工作总结\n\n2020 年，在市级各部门的关心指导下完成任务。\n\n一月\n\n14 日至 15 日，参加活动。\n\n1、利用网络平台，开展在线服务\n\n受疫情影响，区图书馆充分利用网络平台。\n 诸城市图书馆\n\n2021年3月16日";
        let got: Vec<_> = texts(input).into_iter().map(|(no, _)| no).collect();
        assert_eq!(got, [1, 3, 5, 7, 9, 11, 12, 14]);
    }

    #[test]
    fn hard_wrapped_document_is_rejoined_at_the_wrap_width() {
        let anju = include_str!("../fixtures/anju-2020.txt");
        let cleaned = clean(anju);
        let find = |no: u32| {
            cleaned
                .lines
                .iter()
                .find(|l| l.no == no)
                .map(|l| (l.last, l.text.as_ref()))
        };
        assert_eq!(
            find(29),
            Some((
                31,
                "在本年度工作取得一定成绩的基础上，进一步优化服务质量、提升业务素质，改变图书馆的传统模式，加强软环境建设。"
            ))
        );
        assert_eq!(
            find(27).map(|(last, _)| last),
            Some(27),
            "a heading stays alone"
        );
        assert_eq!(
            find(188),
            Some((
                190,
                "3.5 月 18 日，安居区图书馆在安居镇头陀寺广场大力开展2020 年“文化科技卫生三下乡活动”。"
            ))
        );
        let stats = find(309)
            .map(|(_, text)| text.to_owned())
            .unwrap_or_default();
        assert!(stats.ends_with("较上年相比提高了18.16%，2020 年馆藏数字资源下载量 15836 次，较上年相比下降了 22.35%，2020 年本馆流通人次 45067 人次，较上年相比减少了 8.85%。"), "{stats}");
        assert_eq!(cleaned.toc.len(), 5);
        assert!(cleaned.lines.iter().all(|l| !l.text.starts_with("http")));
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
}
