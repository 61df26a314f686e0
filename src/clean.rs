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
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::tables::chrome::{PAGE_NUMBER_FORMS, PAGE_WORD};
use crate::tables::dates::DATED_LINE_PATTERN;
use crate::tables::enumeration::ORDINAL_PREFIX;
use crate::tables::punctuation::{COLONS, LEADERS, LINE_CONTINUES, LINE_ENDS, PAGE_NUMBER_CHARS};
use crate::tables::sections::{IMAGE_PLACEHOLDERS, TOC_HEADINGS};
use crate::text::{Measure, is_ws, measure, trim};

mod line;

use line::{Buffer, KNOWN, ROW, Record, Texts};
pub use line::{Cell, Line, Lines, Shape};

/// An entry of the table of contents (目录).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocEntry {
    /// The title as listed, without dot leaders and page number.
    pub title: String,
    /// The line it was listed on.
    pub line: u32,
    /// The title folded (`fold::fold`), from the folded document.
    folded: String,
}

impl TocEntry {
    /// An entry titled `title`, a slice of the line `line` whose folded
    /// text is `folded`.
    fn of(title: &str, line: &str, folded: &str, no: u32) -> TocEntry {
        let title = title.trim();
        let at = offset_in(line, title);
        TocEntry {
            title: title.to_owned(),
            line: no,
            folded: folded.get(at..at + title.len()).unwrap_or(title).to_owned(),
        }
    }

    /// The title folded to simplified characters.
    pub fn folded(&self) -> &str {
        &self.folded
    }
}

/// The cleaned text of a report: its lines, as spans of the document and
/// of the few texts cleaning rewrote or joined, each with what was decided
/// about it ([`Lines`]).
#[derive(Clone, Debug, Default)]
pub struct Cleaned<'t> {
    /// The document as decoded.
    source: &'t str,
    /// The document folded (`fold::fold`), when folding changes it.
    folded_source: Option<String>,
    /// Lines with an image placeholder cut out, one after another.
    rewritten: String,
    folded_rewritten: Option<String>,
    /// Lines joined from physical lines, one after another.
    joined: String,
    folded_joined: Option<String>,
    records: Vec<Record>,
    /// The table of contents, when the report has one.
    pub toc: Vec<TocEntry>,
}

impl Cleaned<'_> {
    /// The content lines, in order.
    pub fn lines(&self) -> Lines<'_> {
        Lines {
            cleaned: self,
            records: &self.records,
        }
    }

    /// The whole document folded to simplified characters.
    pub fn folded_source(&self) -> &str {
        self.folded_source.as_deref().unwrap_or(self.source)
    }

    fn texts(&self) -> Texts<'_> {
        Texts {
            text: [self.source, &self.rewritten, &self.joined],
            folded: [
                self.folded_source(),
                self.folded_rewritten.as_deref().unwrap_or(&self.rewritten),
                self.folded_joined.as_deref().unwrap_or(&self.joined),
            ],
        }
    }
}

/// `text` folded, when folding changes it: the one place cleaning folds,
/// once for each of its buffers (never per line).
fn folded_copy(text: &str) -> Option<String> {
    match crate::fold::fold(text) {
        Cow::Borrowed(_) => None,
        Cow::Owned(folded) => Some(folded),
    }
}

/// The byte offset of `inner`, a slice of `outer`, in `outer`.
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// A span's offset or length as stored: the caller refuses texts of 4 GiB
/// and more (`lib::extract_text`), so this never saturates there.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What a physical line is.
#[derive(Clone, Debug, PartialEq)]
enum Kind<'t> {
    Blank,
    Junk,
    Toc(TocEntry),
    Content(Cow<'t, str>),
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let pattern =
        format!("^(?:{})$", PAGE_NUMBER_FORMS.join("|")).replace("WS", &crate::text::ws_class());
    Regex::new(&pattern).expect("static regex")
});

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
    if let Some(after_di) = rest.strip_prefix(ORDINAL_PREFIX) {
        rest = after_di.trim_start_matches(is_ws);
    }
    let after_digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = rest.len() - after_digits.len();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let rest = after_digits.trim_start_matches(is_ws);
    rest.is_empty() || rest == PAGE_WORD
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
fn without_images(line: &str, folded: &str) -> Option<String> {
    // Folding keeps offsets: words are matched in `folded`, cut from `line`.
    let mut kept = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(open) = line[from..].find('[').map(|i| from + i) {
        let Some(inner) = folded.get(open + 1..) else {
            break;
        };
        let placeholder = IMAGE_PLACEHOLDERS
            .iter()
            .find_map(|word| inner.strip_prefix(word))
            .and_then(|rest| rest.strip_prefix(COLONS))
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
    line.chars().all(|c| PAGE_NUMBER_CHARS.contains(c)) && PAGE_NUMBER.is_match(line)
}

/// The widest cell of an official form written a cell a line, in
/// characters: a longer line ends the form.
const FORM_CELL_CHARS: usize = 30;

/// Cleans a decoded report text.
pub fn clean(text: &str) -> Cleaned<'_> {
    let folded_source = folded_copy(text);
    let folded_all = folded_source.as_deref().unwrap_or(text);
    let mut toc = Vec::new();
    let mut rewritten = String::new();
    // At most one record a physical line: sized once, so that a file of
    // many short lines is never copied into a buffer twice its size.
    // (CRLF ends count once, by the larger of the two counts.)
    let count = |byte: u8| memchr::memchr_iter(byte, text.as_bytes()).count();
    let mut records: Vec<Record> = Vec::with_capacity(count(b'\n').max(count(b'\r')) + 1);
    let mut in_toc = false;
    // A number alone on its line, dropped as a page number unless the next
    // line is a unit alone: in a table written a cell a line (读者活动 /
    // 94 / 场次), it is a cell.
    let mut bare_number: Option<(u32, &str)> = None;
    // Under an official form's 代码 column title, a number alone on its
    // line is a cell (a row code or a value), not a page number; the form
    // ends at the first line too long to be a cell.
    let mut in_form = false;
    // Asked once: a document with no tone-marked letter has no gloss.
    let may_gloss = crate::text::may_hold_glosses(text);
    for (index, raw) in split_lines(text).enumerate() {
        let no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let at = offset_in(text, raw);
        let folded = folded_all.get(at..at + raw.len()).unwrap_or(raw);
        if let Some((number_no, number)) = bare_number.take()
            && crate::quantity::unit_alone(folded)
        {
            records.push(content(
                text,
                Cow::Borrowed(number),
                number_no,
                &mut rewritten,
            ));
        }
        let cell = trim(folded);
        if crate::tables::columns::FORM_CODES.contains(&cell) {
            in_form = true;
        } else if in_form && cell.chars().count() > FORM_CELL_CHARS {
            in_form = false;
        }
        match classify(raw, folded, no, in_toc, may_gloss) {
            Kind::Junk if in_form && is_bare_number(raw) => {
                let mut record = content(text, Cow::Borrowed(trim(raw)), no, &mut rewritten);
                record.flags |= line::FORM_CELL;
                records.push(record);
            }
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
                let mut record = content(text, line, no, &mut rewritten);
                if in_form {
                    record.flags |= line::FORM_CELL;
                }
                records.push(record);
            }
        }
    }
    let mut cleaned = Cleaned {
        source: text,
        folded_rewritten: folded_copy(&rewritten),
        folded_source,
        rewritten,
        joined: String::new(),
        folded_joined: None,
        records,
        toc,
    };
    rejoin(&mut cleaned);
    cleaned
}

/// The record of the content line `line` (numbered `no`): a span of
/// `source`, or of `rewritten` when cleaning changed it, measured.
fn content(source: &str, line: Cow<'_, str>, no: u32, rewritten: &mut String) -> Record {
    let Measure { width, table } = measure(&line);
    let len = line.len();
    let (start, buffer) = match line {
        Cow::Borrowed(line) => (offset_in(source, line), Buffer::Source),
        Cow::Owned(line) => {
            rewritten.push_str(&line);
            (rewritten.len() - line.len(), Buffer::Rewritten)
        }
    };
    Record {
        start: to_u32(start),
        len: to_u32(len),
        no,
        last: no,
        width: to_u32(width),
        flags: if table { ROW } else { 0 },
        buffer,
        ..Record::default()
    }
}

/// A line of digits alone.
fn is_bare_number(raw: &str) -> bool {
    let line = trim(raw);
    !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit())
}

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

/// What the physical line `raw` is; `folded` is the same line folded.
fn classify<'t>(raw: &'t str, folded: &str, no: u32, in_toc: bool, may_gloss: bool) -> Kind<'t> {
    let line = trim(raw);
    let at = offset_in(raw, line);
    let folded = folded.get(at..at + line.len()).unwrap_or(line);
    if line.is_empty() {
        return Kind::Blank;
    }
    // Cheap tests first: most lines are prose, and each regex below only
    // runs on lines that hold what it needs (a leader, a link, a bracket).
    if line.len() <= 16 {
        // 目录 or 目 录: the heading's characters, white space aside.
        let is_toc_heading = TOC_HEADINGS.iter().any(|heading| {
            folded
                .chars()
                .filter(|c| !c.is_whitespace())
                .eq(heading.chars())
        });
        if is_toc_heading {
            return Kind::Toc(TocEntry::of("", line, folded, no));
        }
    }
    // A contents line ends in its page number (3, 3 页) after the leaders.
    let ends_in_page = line.ends_with(|c: char| c.is_ascii_digit()) || line.ends_with(PAGE_WORD);
    let leaders = ends_in_page
        && (line.contains("..") || line.contains(|c: char| c != '.' && LEADERS.contains(&c)));
    if leaders && let Some(title) = toc_title(line) {
        return Kind::Toc(TocEntry::of(title, line, folded, no));
    }
    // Inside a contents block, "标题<tab>3" without leaders is an entry too.
    if in_toc
        && let Some((title, page)) = line.rsplit_once(char::is_whitespace)
        && page.bytes().all(|b| b.is_ascii_digit())
        && page.len() <= 3
    {
        return Kind::Toc(TocEntry::of(title, line, folded, no));
    }
    let link = line.starts_with("http") || line.starts_with("www.");
    if (link && is_url_line(line)) || (line.len() <= 40 && is_page_number(line)) {
        return Kind::Junk;
    }
    let mut cut = None;
    // Every line is asked: memchr's vectorised search, not str's.
    if memchr::memchr(b'[', line.as_bytes()).is_some() {
        cut = without_images(line, folded);
    }
    // A pinyin gloss (圖書(shū)館) is cut as an image is: every later stage
    // reads the words it glosses whole, and the line keeps its number.
    if may_gloss
        && let Some(glossless) = crate::text::without_glosses(cut.as_deref().unwrap_or(line))
    {
        cut = Some(glossless);
    }
    match cut {
        Some(rest) if trim(&rest).is_empty() => Kind::Junk,
        Some(rest) => Kind::Content(Cow::Owned(trim(&rest).to_owned())),
        None => Kind::Content(Cow::Borrowed(line)),
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

/// Joins the physical lines of `cleaned` (its records, one a line so far)
/// into logical lines, in place: a joined line's text goes to the `joined`
/// buffer. Each line's heading facts are worked out at most once, when a
/// rule first asks, or at the end for the lines no rule asked about.
fn rejoin(cleaned: &mut Cleaned<'_>) {
    let wrap = wrap_width(cleaned.records.iter().map(Record::width));
    let texts = Texts {
        text: [cleaned.source, &cleaned.rewritten, ""],
        folded: [
            cleaned.folded_source.as_deref().unwrap_or(cleaned.source),
            cleaned
                .folded_rewritten
                .as_deref()
                .unwrap_or(&cleaned.rewritten),
            "",
        ],
    };
    let records = &mut cleaned.records;
    let joined = &mut cleaned.joined;
    // The joined lines folded, built beside them from the folded pieces
    // (a document with nothing to fold has none to build).
    let mut folded_joined =
        (cleaned.folded_source.is_some() || cleaned.folded_rewritten.is_some()).then(String::new);
    let mut lines = 0;
    let mut previous: Option<Record> = None;
    for i in 0..records.len() {
        let mut piece = records[i];
        let joins = match &mut previous {
            Some(prev) if lines > 0 => {
                let joins = continues(&texts, prev, &mut piece, wrap);
                // Keep what was learnt of a line that stands alone.
                if records[lines - 1].buffer != Buffer::Joined && records[lines - 1].no == prev.no {
                    records[lines - 1] = *prev;
                }
                joins
            }
            _ => false,
        };
        if joins {
            let line = &mut records[lines - 1];
            if line.buffer != Buffer::Joined {
                let (first, folded) = (texts.text(line), texts.folded(line));
                line.start = to_u32(joined.len());
                line.buffer = Buffer::Joined;
                joined.push_str(first);
                if let Some(out) = &mut folded_joined {
                    out.push_str(folded);
                }
            }
            joined.push_str(texts.text(&piece));
            if let Some(out) = &mut folded_joined {
                out.push_str(texts.folded(&piece));
            }
            line.len = to_u32(joined.len()).saturating_sub(line.start);
            line.last = piece.no;
            // The pieces' widths add up to the joined line's.
            line.width = line.width.saturating_add(piece.width);
        } else {
            records[lines] = piece;
            lines += 1;
        }
        previous = Some(piece);
    }
    records.truncate(lines);
    records.shrink_to_fit();
    cleaned.folded_joined = folded_joined;
    let mut records = std::mem::take(&mut cleaned.records);
    let texts = cleaned.texts();
    for record in &mut records {
        // Joined pieces are no table rows (`continues`), but their text as
        // a whole might be: a pipe in each, or cells between full-width
        // spaces that span pieces. Trimmed, no two pieces make a tab or
        // two spaces where they meet. The width was summed as they were
        // joined.
        if record.buffer == Buffer::Joined {
            let text = texts.text(record);
            let table = memchr::memchr_iter(b'|', text.as_bytes()).nth(1).is_some()
                || (text.contains(crate::tables::punctuation::FULL_WIDTH_SPACE)
                    && measure(text).table);
            *record = Record {
                width: record.width,
                flags: if table { ROW } else { 0 },
                ..Record {
                    start: record.start,
                    len: record.len,
                    no: record.no,
                    last: record.last,
                    buffer: record.buffer,
                    ..Record::default()
                }
            };
        }
        if record.flags & KNOWN == 0 {
            record.learn(texts.text(record), texts.folded(record));
        }
    }
    cleaned.records = records;
}

/// Does `next` continue the logical line whose last physical piece was
/// `prev`? Asks the pieces' heading facts only when the cheap rules have
/// not decided.
fn continues(texts: &Texts<'_>, prev: &mut Record, next: &mut Record, wrap: Option<usize>) -> bool {
    let Some(last) = texts.text(prev).chars().next_back() else {
        return false;
    };
    if LINE_ENDS.contains(&last) || prev.flags & ROW != 0 || next.flags & ROW != 0 {
        return false;
    }
    if let Some(width) = wrap
        && prev.width() * 100 >= width * 85
    {
        return true;
    }
    prev.learn(texts.text(prev), texts.folded(prev));
    if prev.looks_like_heading() {
        return false;
    }
    next.learn(texts.text(next), texts.folded(next));
    if next.looks_like_heading() || next.style.is_some() || is_dated(texts.text(next)) {
        return false;
    }
    LINE_CONTINUES.contains(&last) || prev.width() >= 40
}

/// Does the line open a dated entry or a month heading? (With a numbering
/// marker, it opens a new point too; headings are told apart before.)
fn is_dated(line: &str) -> bool {
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        let pattern = DATED_LINE_PATTERN
            .replace("WS", &crate::text::ws_class())
            .replace("HAN", &crate::text::han_digit_class());
        Regex::new(&pattern).expect("static regex")
    });
    DATED.is_match(line)
}

/// Lines numbered 1, 2, 3 … as they stand, for the extractors' tests.
#[cfg(test)]
pub(crate) fn numbered_lines(texts: &[&'static str]) -> Cleaned<'static> {
    numbered_from(1, texts)
}

/// Lines numbered from `first` on, as they stand, for the extractors' tests.
#[cfg(test)]
pub(crate) fn numbered_from(first: u32, texts: &[&'static str]) -> Cleaned<'static> {
    let mut cleaned = Cleaned::default();
    for (no, text) in (first..).zip(texts) {
        let Measure { width, table } = measure(text);
        cleaned.records.push(Record {
            start: to_u32(cleaned.rewritten.len()),
            len: to_u32(text.len()),
            no,
            last: no,
            width: to_u32(width),
            flags: if table { ROW } else { 0 },
            buffer: Buffer::Rewritten,
            ..Record::default()
        });
        cleaned.rewritten.push_str(text);
    }
    cleaned.folded_rewritten = folded_copy(&cleaned.rewritten);
    let mut records = std::mem::take(&mut cleaned.records);
    let texts = cleaned.texts();
    for record in &mut records {
        record.learn(texts.text(record), texts.folded(record));
    }
    cleaned.records = records;
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The regexes the hand-written scans stand for, as oracles.
    fn oracle(pattern: &str) -> Regex {
        Regex::new(&pattern.replace("WS", &crate::text::ws_class())).expect("regex")
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
            prop_assert_eq!(without_images(&line, &crate::fold::fold(&line)), want);
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
            .lines()
            .iter()
            .map(|l| (l.no(), l.text().to_owned()))
            .collect()
    }

    #[test]
    fn contents_headings_spaced_or_traditional() {
        for line in ["目录", "目 录", "目　录", " 目 次 ", "目錄"] {
            assert!(
                matches!(
                    classify(line, &crate::fold::fold(line), 1, false, true),
                    Kind::Toc(_)
                ),
                "{line:?}"
            );
        }
        assert!(matches!(
            classify("目录学", "目录学", 1, false, true),
            Kind::Content(_)
        ));
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
    fn every_line_carries_its_text_folded() {
        // A hard-wrapped report (its lines joined) with traditional forms,
        // and a page with an image placeholder cut out (a rewritten line).
        let anju = include_str!("../fixtures/anju-2020.txt").replace("图书馆", "圖書館");
        let page = "圖書館年報。\n館藏 5 萬冊[image: a.png]\n";
        for text in [anju.as_str(), page] {
            let cleaned = clean(text);
            assert!(cleaned.lines().iter().any(|l| l.last() != l.no()) || text == page);
            for line in cleaned.lines().iter() {
                assert_eq!(line.folded(), crate::fold::fold(line.text()), "{line:?}");
            }
        }
    }

    #[test]
    fn pinyin_glosses_are_cut_from_the_line_which_keeps_its_number() {
        let input = "年報\n圖書(shū)館借閱(yuè)量達(dá)3256871冊(cè)。\n館藏(PDF)版";
        assert_eq!(
            texts(input),
            [
                (1, "年報".to_owned()),
                (2, "圖書館借閱量達3256871冊。".to_owned()),
                (3, "館藏(PDF)版".to_owned())
            ]
        );
        let cleaned = clean(input);
        let line = cleaned.lines().iter().nth(1).expect("line 2");
        assert_eq!(line.folded(), "图书馆借阅量达3256871册。");
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
                .lines()
                .iter()
                .find(|l| l.no() == no)
                .map(|l| (l.last(), l.text()))
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
        assert!(
            cleaned
                .lines()
                .iter()
                .all(|l| !l.text().starts_with("http"))
        );
    }
}
