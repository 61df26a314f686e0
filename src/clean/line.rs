//! The line model: what cleaning decided about each logical line, kept
//! compact, and the views the stages read it through.
//!
//! Input: the buffers `clean` filled (the document, the texts it rewrote,
//! the texts it joined, and their folded copies) and one [`Record`] per
//! line. Output: [`Lines`], a cheap view, and [`Line`], one line's text,
//! folded text and shape, decided once.
//!
//! A record is 28 bytes and holds spans, not strings: a report of many
//! tiny lines takes a small multiple of its size (issue 16, D7), where a
//! `String` or a `Cow` per line took three times as much again.

use super::Cleaned;
use crate::contract::report::SectionKind;
use crate::heading::{self, Marker, MarkerStyle};
use crate::tables::dates::{MONTH_MARK, MONTH_TITLE_ENDS};
use crate::tables::enumeration::BULLETS;
use crate::tables::library::{LIBRARY_WORD, SIGNATURE_ENDS};
use crate::tables::punctuation::PLAN_POINT_MARKS;

/// Which buffer a record's span is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Buffer {
    /// The document as decoded (most lines).
    #[default]
    Source = 0,
    /// Lines `clean` rewrote (an image placeholder cut out).
    Rewritten = 1,
    /// Lines `clean` joined from several physical lines.
    Joined = 2,
}

/// In [`Record::flags`]: the line is a table row (`text::is_table_row`).
pub(super) const ROW: u8 = 1;
/// In [`Record::flags`]: the heading facts below were worked out.
pub(super) const KNOWN: u8 = 2;
/// In [`Record::flags`]: heading-shaped (`heading::is_heading_of_width`).
pub(super) const HEADING: u8 = 4;
/// In [`Record::flags`]: names the report itself (`heading::is_report_title`).
pub(super) const REPORT_TITLE: u8 = 8;
/// In [`Record::flags`]: a cell of an official form written a cell a line
/// (after its 代码 column title): never a heading, whatever its marker
/// (一、从业人员) or words (购书专项经费).
pub(super) const FORM_CELL: u8 = 16;

/// Where [`Record::rest`] cannot say where the text after the marker
/// starts (it is further in than a `u16` reaches), it is found again.
const REST_UNKNOWN: u16 = u16::MAX;

/// What cleaning decided about one line, by spans into the buffers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Record {
    pub(super) start: u32,
    pub(super) len: u32,
    /// 1-based number of the first physical line.
    pub(super) no: u32,
    /// 1-based number of the last physical line (differs when joined).
    pub(super) last: u32,
    /// Display width (`text::display_width`), saturating.
    pub(super) width: u32,
    /// Byte offset of the text after the numbering marker.
    pub(super) rest: u16,
    pub(super) style: Option<MarkerStyle>,
    pub(super) number: u8,
    pub(super) kind: Option<SectionKind>,
    pub(super) flags: u8,
    pub(super) buffer: Buffer,
}

impl Record {
    /// Works out the heading facts of the line whose text and folded text
    /// are given, once: its marker, whether it is heading-shaped, the
    /// section kind it names and whether it names the report. (Whether
    /// it is a month heading or a signature is worked out when a stage
    /// asks, [`Line::month_heading`]: deciding it here for every line
    /// cost 4.6% more instructions, for the few lines of a chronicle or a
    /// plan.)
    pub(super) fn learn(&mut self, text: &str, folded: &str) {
        if self.flags & KNOWN != 0 {
            return;
        }
        self.flags |= KNOWN;
        if self.flags & FORM_CELL != 0 {
            return;
        }
        if let Some((marker, rest)) = heading::split_marker(text) {
            self.style = Some(marker.style);
            self.number = u8::try_from(marker.number).unwrap_or(u8::MAX);
            self.rest = u16::try_from(text.len() - rest.len()).unwrap_or(REST_UNKNOWN);
        }
        if heading::is_heading_of_width(text, self.width()) {
            self.flags |= HEADING;
            self.kind = heading::title_kind_folded(folded);
            if heading::is_report_title_folded(folded) {
                self.flags |= REPORT_TITLE;
            }
        }
    }

    pub(super) fn width(&self) -> usize {
        self.width as usize
    }

    /// `looks_like_heading` of rejoining: a heading, a title or a contents
    /// line, never glued to what follows.
    pub(super) fn looks_like_heading(&self) -> bool {
        self.flags & HEADING != 0
            && (self.width < 40
                || self.style.is_some()
                || self.kind.is_some()
                || self.flags & REPORT_TITLE != 0)
    }
}

/// The month a month heading names (一月, 3月：, ▲二〇二一年五月): the
/// whole line after any bullet is one month (`date::parse_month_heading`,
/// asked of the folded text).
fn month_heading(text: &str, folded: &str) -> Option<u8> {
    // Every month heading writes 月: most lines are turned away by one
    // scan before a date is read.
    if !folded.contains(MONTH_MARK) {
        return None;
    }
    let after_bullet = text.trim_start_matches(BULLETS).trim_start();
    // Folding keeps offsets: the folded text is cut where `text` is.
    let folded = folded
        .get(text.len() - after_bullet.len()..)
        .unwrap_or(after_bullet);
    crate::date::parse_month_heading(folded).or_else(|| {
        // （一）一月大事记: a month's heading in a chronicle of headed months.
        let title = MONTH_TITLE_ENDS
            .iter()
            .find_map(|end| folded.trim_end().strip_suffix(end))?;
        let title = heading::split_marker(title).map_or(title, |(_, rest)| rest);
        crate::date::parse_month_heading(title)
    })
}

/// A signature line closing a section: the library's name or a date alone
/// (桃江县图书馆 / 2020年1月10日). A stage that numbers points still asks
/// whether the line is one (二、建成两个分馆 is never a signature).
fn is_signature(text: &str) -> bool {
    // 24 characters are at most 96 bytes: most lines are turned away by
    // their length before their characters are counted.
    let short =
        text.len() <= 24 * 4 && text.chars().count() <= 24 && !text.contains(PLAN_POINT_MARKS);
    short
        && (text.ends_with(LIBRARY_WORD)
            || SIGNATURE_ENDS.iter().any(|end| text.ends_with(end))
            || is_date_line(text))
}

/// A line that is one date and nothing else (2020年1月10日).
fn is_date_line(text: &str) -> bool {
    let context = crate::date::DateContext {
        year: 2000,
        month: None,
    };
    crate::date::parse_prefix(text, &context).is_some_and(|(_, len)| text[len..].trim().is_empty())
}

/// The buffers lines are spans of: texts and their folded copies, by
/// [`Buffer`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Texts<'c> {
    pub(super) text: [&'c str; 3],
    pub(super) folded: [&'c str; 3],
}

impl<'c> Texts<'c> {
    pub(super) fn span(buffer: &'c str, record: &Record) -> &'c str {
        let start = record.start as usize;
        buffer
            .get(start..start + record.len as usize)
            .unwrap_or_default()
    }

    pub(super) fn text(&self, record: &Record) -> &'c str {
        Self::span(self.text[record.buffer as usize], record)
    }

    pub(super) fn folded(&self, record: &Record) -> &'c str {
        Self::span(self.folded[record.buffer as usize], record)
    }
}

/// A run of cleaned lines: the whole report, or a section. Cheap to copy
/// (two references).
#[derive(Clone, Copy)]
pub struct Lines<'c> {
    pub(super) cleaned: &'c Cleaned<'c>,
    pub(super) records: &'c [Record],
}

impl std::fmt::Debug for Lines<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'c> Lines<'c> {
    /// How many lines.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The line at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<Line<'c>> {
        self.records.get(index).map(|record| self.line(record))
    }

    /// The first line.
    pub fn first(&self) -> Option<Line<'c>> {
        self.get(0)
    }

    /// The lines in `range` (clamped to the lines there are).
    pub fn slice(&self, range: std::ops::Range<usize>) -> Lines<'c> {
        let end = range.end.min(self.records.len());
        let start = range.start.min(end);
        Lines {
            cleaned: self.cleaned,
            records: &self.records[start..end],
        }
    }

    /// The lines from `start` on.
    pub fn from(&self, start: usize) -> Lines<'c> {
        self.slice(start..self.records.len())
    }

    /// The lines, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Line<'c>> + ExactSizeIterator + 'c {
        let cleaned = self.cleaned;
        self.records
            .iter()
            .map(move |record| Line { cleaned, record })
    }

    /// The index of the first line for which `before` is false, the lines
    /// being ordered by it (as `slice::partition_point`).
    pub fn partition_point(&self, mut before: impl FnMut(Line<'_>) -> bool) -> usize {
        let cleaned = self.cleaned;
        self.records
            .partition_point(|record| before(Line { cleaned, record }))
    }

    fn line(&self, record: &'c Record) -> Line<'c> {
        Line {
            cleaned: self.cleaned,
            record,
        }
    }
}

/// One logical line of the cleaned text, and what was decided about it.
#[derive(Clone, Copy)]
pub struct Line<'c> {
    cleaned: &'c Cleaned<'c>,
    record: &'c Record,
}

impl std::fmt::Debug for Line<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Line")
            .field("no", &self.no())
            .field("last", &self.last())
            .field("text", &self.text())
            .finish()
    }
}

/// What a line is, as the line model decides it: `clean` decides rows and
/// headings for every line; a month heading or a signature is worked out
/// when a stage asks, for its own lines. A line may be more than one
/// of these (2022年1月 is a month heading and a date alone); the first
/// listed is its shape, and [`Line::month_heading`] and
/// [`Line::is_signature`] ask for one fact each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A month heading (一月, 3月：, 二〇二一年五月), after any bullet.
    MonthHeading {
        /// The month, 1–12.
        month: u8,
    },
    /// A signature: the library's name or a date alone (桃江县图书馆,
    /// 2020年1月10日).
    Signature,
    /// Running text.
    Prose,
    /// A table row (`text::is_table_row`): cells by [`Line::cells`].
    Row,
    /// A short line that is no sentence (`heading::is_heading_of_width`):
    /// a heading, a title line, a month heading or a signature may be one.
    Heading {
        /// The section kind its words name, if any.
        kind: Option<SectionKind>,
        /// Whether it names the report itself (年报, 年度报告).
        report_title: bool,
    },
}

impl<'c> Line<'c> {
    /// The text, trimmed.
    pub fn text(&self) -> &'c str {
        let cleaned = self.cleaned;
        let buffer = match self.record.buffer {
            Buffer::Source => cleaned.source,
            Buffer::Rewritten => &cleaned.rewritten,
            Buffer::Joined => &cleaned.joined,
        };
        Texts::span(buffer, self.record)
    }

    /// The text folded to simplified characters (`fold::fold`), once per
    /// document: the same byte offsets as [`Line::text`].
    pub fn folded(&self) -> &'c str {
        let cleaned = self.cleaned;
        let folded = match self.record.buffer {
            Buffer::Source => cleaned.folded_source.as_deref(),
            Buffer::Rewritten => cleaned.folded_rewritten.as_deref(),
            Buffer::Joined => cleaned.folded_joined.as_deref(),
        };
        match folded {
            Some(folded) => Texts::span(folded, self.record),
            None => self.text(),
        }
    }

    /// 1-based number of the first physical line.
    pub fn no(&self) -> u32 {
        self.record.no
    }

    /// 1-based number of the last physical line (differs when rejoined).
    pub fn last(&self) -> u32 {
        self.record.last
    }

    /// The display width (`text::display_width`).
    pub fn width(&self) -> usize {
        self.record.width()
    }

    /// Whether the line is a table row.
    pub fn is_row(&self) -> bool {
        self.record.flags & ROW != 0
    }

    /// Whether the line is heading-shaped: short, and no sentence.
    pub fn is_heading_shaped(&self) -> bool {
        self.record.flags & HEADING != 0
    }

    /// The section kind a heading-shaped line's words name.
    pub fn kind(&self) -> Option<SectionKind> {
        self.record.kind
    }

    /// The month a month heading names (一月, 3月：, ▲二〇二一年五月).
    pub fn month_heading(&self) -> Option<u8> {
        month_heading(self.text(), self.folded())
    }

    /// Whether the line is a signature: the library's name or a date
    /// alone (桃江县图书馆 / 2020年1月10日).
    pub fn is_signature(&self) -> bool {
        is_signature(self.text())
    }

    /// Whether a heading-shaped line names the report itself.
    pub fn is_report_title(&self) -> bool {
        self.record.flags & REPORT_TITLE != 0
    }

    /// The line's shape: the first of [`Shape`]'s variants it is. A row
    /// may be heading-shaped too (two cells set apart by spaces); it is a
    /// row here, and [`Line::is_heading_shaped`] still says so.
    pub fn shape(&self) -> Shape {
        if let Some(month) = self.month_heading() {
            Shape::MonthHeading { month }
        } else if self.is_signature() {
            Shape::Signature
        } else if self.is_row() {
            Shape::Row
        } else if self.is_heading_shaped() {
            Shape::Heading {
                kind: self.kind(),
                report_title: self.is_report_title(),
            }
        } else {
            Shape::Prose
        }
    }

    /// The numbering marker at the start (`heading::split_marker`) and the
    /// text after it.
    pub fn marker(&self) -> Option<(Marker, &'c str)> {
        let style = self.record.style?;
        let marker = Marker {
            style,
            number: u32::from(self.record.number),
        };
        let text = self.text();
        if self.record.rest == REST_UNKNOWN {
            return heading::split_marker(text);
        }
        let rest = text.get(usize::from(self.record.rest)..)?;
        Some((marker, rest))
    }

    /// The text and the folded text together, as one [`Cell`].
    pub fn whole(&self) -> Cell<'c> {
        Cell {
            text: self.text(),
            folded: self.folded(),
        }
    }

    /// The cells of a table row (`text::split_cells`), each with its
    /// folded text: a cell is read (its figure, its unit) from the folded
    /// text the line already has, never folded again.
    pub fn cells(&self) -> Vec<Cell<'c>> {
        let whole = self.whole();
        crate::text::split_cells(whole.text)
            .into_iter()
            .map(|cell| whole.part(cell))
            .collect()
    }
}

/// A stretch of a line's text and the same stretch of its folded text.
/// Folding keeps byte offsets, so the one is cut where the other is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell<'c> {
    /// As written.
    pub text: &'c str,
    /// Folded to simplified characters (`fold::fold`).
    pub folded: &'c str,
}

impl<'c> Cell<'c> {
    /// A text already folded (a column title compacted from folded
    /// cells): its own folded text.
    pub fn folded(text: &'c str) -> Self {
        Cell { text, folded: text }
    }

    /// The cell of `part`, a slice of `self.text`, with its folded text.
    pub fn part(&self, part: &'c str) -> Self {
        let start = (part.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let folded = self.folded.get(start..start + part.len()).unwrap_or(part);
        Cell { text: part, folded }
    }

    /// The part of the cell whose folded text is `part`, a slice of
    /// [`Cell::folded`], with the text it was folded from.
    pub fn part_folded(&self, part: &'c str) -> Self {
        let start = (part.as_ptr() as usize).saturating_sub(self.folded.as_ptr() as usize);
        let text = self.text.get(start..start + part.len()).unwrap_or(part);
        Cell { text, folded: part }
    }

    /// The cell without the white space around it (folding keeps white
    /// space, so both are trimmed alike).
    pub fn trim(&self) -> Self {
        self.part(self.text.trim())
    }
}
