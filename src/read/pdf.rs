//! PDFs → the report's lines, from the text layer.
//!
//! lopdf parses the file (and repairs a broken cross-reference table where
//! it can); we walk each page's content stream ourselves, because the
//! lines of a report must come out as lines: a text move to another height
//! starts a new line, a wide jump along the same line starts a new table
//! cell (a tab, as the table reader expects). Widths are estimated from the
//! font size (a Chinese character is one em, others half), which is enough
//! to tell a cell gap from the next word.
//!
//! Running headers and footers go: a line at the top or bottom of pages
//! that repeats (digits aside) on other pages, or that is a page number
//! (`PAGE_NUMBER_SHAPES`).
//!
//! A PDF without any text is a scan, and says so; an encrypted PDF that
//! does not open with the empty password says so; so does a file cut short
//! (a download that did not finish), which is not a scan, and one that
//! still gives text is read with a warning.
//!
//! The work is bounded per document (`crate::tables::budget`): bytes
//! inflated, operators walked, forms drawn and font codes mapped, each
//! font and form parsed once however many pages and draws use it.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Document, Encoding, LoadOptions, Object};

use super::unreadable;
use crate::error::{CutShort, Error, Unreadable, spend};
use crate::tables::budget::{
    INFLATED_BYTES, Limit, PDF_CMAP_CODES, PDF_FORM_DRAWS, PDF_OPERATORS, PDF_STREAM_BYTES,
    PDF_STREAM_TOKENS, PDF_TOKENS,
};
use crate::tables::chrome::PAGE_NUMBER_SHAPES;

/// How many lines at each end of a page may be its header or footer.
const EDGE_LINES: usize = 2;

/// Whether nameless bytes are a PDF: its header.
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// The text layer of a PDF, page by page, headers and footers dropped.
pub fn read(bytes: &[u8]) -> Result<String, Error> {
    read_checked(bytes).map(|(text, _)| text)
}

/// [`read`], and whether the file is damaged or cut short though text was
/// recovered from it (a warning for the record).
pub fn read_checked(bytes: &[u8]) -> Result<(String, Option<Damage>), Error> {
    // lopdf is not ours to audit for every malformed file: a panic in it
    // is this file's failure, not the batch's.
    std::panic::catch_unwind(|| read_pages(bytes))
        .unwrap_or_else(|_| Err(unreadable(Unreadable::PdfDamaged)))
}

/// How a PDF that still gave text is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The file ends before its end marker (`%%EOF`): a download cut short.
    Truncated,
}

/// Whether the file ends as a PDF does, with `%%EOF` in its last kilobyte
/// (a producer may put a few bytes after it).
fn is_truncated(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    memchr::memmem::rfind(tail, b"%%EOF").is_none()
}

/// The error for a file that is cut short and gave no text.
fn cut_short(left: CutShort) -> Error {
    unreadable(Unreadable::PdfCutShort(left))
}

fn read_pages(bytes: &[u8]) -> Result<(String, Option<Damage>), Error> {
    let truncated = is_truncated(bytes);
    let options = LoadOptions::with_max_decompressed_size(PDF_STREAM_BYTES.max as usize);
    let doc = Document::load_mem_with_options(bytes, options).map_err(|err| match err {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => encrypted(),
        _ if truncated => cut_short(CutShort::Unopened),
        err => unreadable(Unreadable::PdfRefused(err.to_string())),
    })?;
    if doc.trailer.get(b"Encrypt").is_ok() && !doc.was_encrypted() {
        return Err(encrypted());
    }
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(if truncated {
            cut_short(CutShort::NoPage)
        } else {
            unreadable(Unreadable::PdfNoPages)
        });
    }
    let mut reading = Reading::new(&doc, bytes.len());
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut undecoded = 0usize;
    for (number, id) in page_ids {
        let (lines, missed) = match reading.page_lines(id) {
            Ok(page) => page,
            Err(PageError::Budget(err)) => return Err(err),
            Err(PageError::Pdf(err)) => {
                return Err(unreadable(Unreadable::PdfPage {
                    number,
                    detail: err.to_string(),
                }));
            }
        };
        pages.push(lines);
        undecoded += missed;
    }
    if pages
        .iter()
        .flatten()
        .all(|(line, _)| line.trim().is_empty())
    {
        // Text drawn in fonts that say nothing of the characters they
        // draw is not a scan: OCR would help, but so would a new export.
        // A file cut short has lost what it had: OCR would not help.
        if truncated {
            return Err(cut_short(CutShort::NoText));
        }
        return Err(unreadable(if undecoded > 0 {
            Unreadable::PdfUndecodable
        } else {
            Unreadable::PdfNoTextLayer
        }));
    }
    drop_small_edges(&mut pages);
    let mut pages: Vec<Vec<String>> = pages
        .into_iter()
        .map(|lines| lines.into_iter().map(|(line, _)| line).collect())
        .collect();
    drop_running_lines(&mut pages);
    let mut text = String::new();
    for line in pages.iter().flatten() {
        text.push_str(line);
        text.push('\n');
    }
    Ok((text, truncated.then_some(Damage::Truncated)))
}

fn encrypted() -> Error {
    unreadable(Unreadable::PdfEncrypted)
}

/// How deep form XObjects may be drawn inside one another.
const MAX_FORM_DEPTH: usize = 4;

/// Where the text is, as the content stream moves it.
#[derive(Default)]
struct Pen {
    /// The font set by `Tf`, by its resource name.
    font: Vec<u8>,
    size: f32,
    leading: f32,
    /// The text line matrix: horizontal scale, vertical scale, origin.
    scale: (f32, f32),
    origin: (f32, f32),
    /// The current line, its height, where its text ends (estimated) and
    /// the size of its first text.
    line: String,
    y: f32,
    end_x: f32,
    line_size: f32,
    lines: Vec<(String, f32)>,
    /// Strings shown in a font we cannot decode.
    undecoded: usize,
}

impl Pen {
    fn em(&self) -> f32 {
        (self.size * self.scale.0).abs().max(1.0)
    }

    /// The text moves to `origin`: a new line when its height changes, a
    /// cell break (tab) or a space when it jumps along the same line.
    fn move_to(&mut self, x: f32, y: f32) {
        self.origin = (x, y);
        if self.line.is_empty() {
            self.y = y;
            self.end_x = x;
            return;
        }
        let em = self.em();
        if (y - self.y).abs() > em * 0.5 {
            self.break_line();
            self.y = y;
        } else {
            let gap = x - self.end_x;
            if gap > em * 1.5 {
                self.line.push('\t');
            } else if gap > em * 0.2 && self.line.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                self.line.push(' ');
            }
        }
        self.end_x = x;
    }

    fn show(&mut self, text: &str) {
        let em = self.em();
        if self.line.is_empty() {
            self.y = self.origin.1;
            self.end_x = self.origin.0;
            self.line_size = em;
        }
        for c in text.chars() {
            self.end_x += if c.is_ascii() { em * 0.5 } else { em };
        }
        self.line.push_str(text);
    }

    fn break_line(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            self.lines.push((line.to_owned(), self.line_size));
        }
        self.line.clear();
    }
}

fn number(object: Option<&Object>) -> f32 {
    object.and_then(|o| o.as_float().ok()).unwrap_or(0.0)
}

/// Fonts by name, with their encodings (parsed once per document).
type Encodings<'d> = BTreeMap<Vec<u8>, Rc<Encoding<'d>>>;

/// Why a page could not be read: the PDF is broken there, or the
/// document is over its budget (which stops the file).
enum PageError {
    Pdf(lopdf::Error),
    Budget(Error),
}

impl From<Error> for PageError {
    fn from(err: Error) -> PageError {
        PageError::Budget(err)
    }
}

/// What reading a document has cost so far, against its budget
/// (`crate::tables::budget`).
#[derive(Default)]
struct Spent {
    inflated: u64,
    tokens: u64,
    operators: u64,
    draws: u64,
    cmap_codes: u64,
    text: u64,
}

/// One document being read: its fonts and forms, each parsed once however
/// many pages and draws use them, and what it has cost.
struct Reading<'d> {
    doc: &'d Document,
    /// Encodings by the address of their font dictionary (`None`: the
    /// font gives none).
    fonts: HashMap<usize, Option<Rc<Encoding<'d>>>>,
    /// Forms' operators by the address of their stream.
    forms: HashMap<usize, Option<Rc<Content>>>,
    spent: Spent,
    /// The most text the file may give ([`super::text_limit`]).
    max_text: Limit,
}

impl<'d> Reading<'d> {
    fn new(doc: &'d Document, file_bytes: usize) -> Reading<'d> {
        Reading {
            doc,
            fonts: HashMap::new(),
            forms: HashMap::new(),
            spent: Spent::default(),
            max_text: super::text_limit(file_bytes),
        }
    }

    /// The most the next stream may inflate to: its own limit or what is
    /// left of the document's.
    fn stream_allowance(&self) -> usize {
        let left = INFLATED_BYTES.max.saturating_sub(self.spent.inflated);
        left.min(PDF_STREAM_BYTES.max) as usize
    }

    /// The limit a stream over its allowance broke.
    fn inflate_limit(&self) -> Limit {
        if INFLATED_BYTES.max.saturating_sub(self.spent.inflated) < PDF_STREAM_BYTES.max {
            INFLATED_BYTES
        } else {
            PDF_STREAM_BYTES
        }
    }

    fn inflated(&mut self, bytes: usize) -> Result<(), Error> {
        spend(&mut self.spent.inflated, bytes as u64, INFLATED_BYTES)
    }

    /// Parses a content stream once its tokens are counted against the
    /// stream's and the document's budget.
    fn decode(&mut self, content: &[u8]) -> Result<lopdf::Result<Content>, Error> {
        let tokens = tokens(content);
        if tokens > PDF_STREAM_TOKENS.max {
            return Err(Error::TooComplex(PDF_STREAM_TOKENS));
        }
        spend(&mut self.spent.tokens, tokens, PDF_TOKENS)?;
        Ok(Content::decode(content))
    }

    /// The encoding of a font, parsed the first time it is asked for.
    fn encoding(&mut self, font: &'d lopdf::Dictionary) -> Result<Option<Rc<Encoding<'d>>>, Error> {
        let key = std::ptr::from_ref(font) as usize;
        if let Some(known) = self.fonts.get(&key) {
            return Ok(known.clone());
        }
        // lopdf expands every code of a ToUnicode range into a table:
        // count them before it does.
        if let Ok(map) = font
            .get_deref(b"ToUnicode", self.doc)
            .and_then(Object::as_stream)
        {
            match map.get_plain_content_with_limit(self.stream_allowance()) {
                Ok(content) => {
                    self.inflated(content.len())?;
                    spend(
                        &mut self.spent.cmap_codes,
                        cmap_codes(&content),
                        PDF_CMAP_CODES,
                    )?;
                }
                Err(lopdf::Error::Decompress(_)) => {
                    return Err(Error::TooComplex(self.inflate_limit()));
                }
                Err(_) => {}
            }
        }
        let encoding = match font.get_font_encoding_with_limit(self.doc, self.stream_allowance()) {
            Ok(encoding) => Some(Rc::new(encoding)),
            Err(lopdf::Error::Decompress(_)) => {
                return Err(Error::TooComplex(self.inflate_limit()));
            }
            Err(_) => None,
        };
        self.fonts.insert(key, encoding.clone());
        Ok(encoding)
    }

    /// The fonts of a resource dictionary, by name, with their encodings.
    fn fonts(&mut self, resources: &'d lopdf::Dictionary) -> Result<Encodings<'d>, Error> {
        let doc = self.doc;
        let dict = resources
            .get(b"Font")
            .and_then(|font| doc.dereference(font))
            .and_then(|(_, font)| font.as_dict());
        let Ok(dict) = dict else {
            return Ok(BTreeMap::new());
        };
        let mut fonts = BTreeMap::new();
        for (name, font) in dict.iter() {
            let Some(font) = doc.dereference(font).ok().and_then(|f| f.1.as_dict().ok()) else {
                continue;
            };
            if let Some(encoding) = self.encoding(font)? {
                fonts.insert(name.clone(), encoding);
            }
        }
        Ok(fonts)
    }

    /// The lines of one page, with their type size, and how many strings
    /// on it could not be decoded.
    #[allow(clippy::type_complexity)]
    fn page_lines(
        &mut self,
        id: lopdf::ObjectId,
    ) -> Result<(Vec<(String, f32)>, usize), PageError> {
        let doc = self.doc;
        let mut encodings = BTreeMap::new();
        for (name, font) in doc.get_page_fonts(id).unwrap_or_default() {
            if let Some(encoding) = self.encoding(font)? {
                encodings.insert(name, encoding);
            }
        }
        let content = match doc.get_page_content_with_limit(id, self.stream_allowance()) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(_)) => {
                return Err(Error::TooComplex(self.inflate_limit()).into());
            }
            Err(err) => return Err(PageError::Pdf(err)),
        };
        self.inflated(content.len())?;
        let content = self.decode(&content)?.map_err(PageError::Pdf)?;
        let mut pen = Pen {
            size: 10.0,
            scale: (1.0, 1.0),
            ..Pen::default()
        };
        let resources = page_resources(doc, id);
        self.walk(&content.operations, &encodings, &resources, &mut pen, 0)?;
        pen.break_line();
        let text: usize = pen.lines.iter().map(|(line, _)| line.len() + 1).sum();
        spend(&mut self.spent.text, text as u64, self.max_text)?;
        Ok((pen.lines, pen.undecoded))
    }

    /// Follows one content stream's text operators; a form XObject drawn
    /// with `Do` is followed in turn, with its own fonts (some producers
    /// put a page's whole text in one).
    fn walk(
        &mut self,
        operations: &[lopdf::content::Operation],
        encodings: &Encodings<'d>,
        resources: &[&'d lopdf::Dictionary],
        pen: &mut Pen,
        depth: usize,
    ) -> Result<(), Error> {
        spend(
            &mut self.spent.operators,
            operations.len() as u64,
            PDF_OPERATORS,
        )?;
        for op in operations {
            let args = &op.operands;
            match op.operator.as_str() {
                "BT" => {
                    pen.scale = (1.0, 1.0);
                    pen.origin = (0.0, 0.0);
                }
                "Tf" => {
                    pen.font = args
                        .first()
                        .and_then(|name| name.as_name().ok())
                        .map(<[u8]>::to_vec)
                        .unwrap_or_default();
                    pen.size = number(args.get(1));
                }
                "TL" => pen.leading = number(args.first()),
                "Td" | "TD" => {
                    let (tx, ty) = (number(args.first()), number(args.get(1)));
                    if op.operator == "TD" {
                        pen.leading = -ty;
                    }
                    let (x, y) = (
                        pen.origin.0 + tx * pen.scale.0,
                        pen.origin.1 + ty * pen.scale.1,
                    );
                    pen.move_to(x, y);
                }
                "Tm" => {
                    let (a, b, c, d) = (
                        number(args.first()),
                        number(args.get(1)),
                        number(args.get(2)),
                        number(args.get(3)),
                    );
                    pen.scale = (a.hypot(b), c.hypot(d));
                    pen.move_to(number(args.get(4)), number(args.get(5)));
                }
                "T*" => next_line(pen),
                "'" | "\"" => {
                    next_line(pen);
                    if let Some(string) = args.last() {
                        show(pen, encodings, std::slice::from_ref(string));
                    }
                }
                "Tj" | "TJ" => show(pen, encodings, args),
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = args.first().and_then(|n| n.as_name().ok()) {
                        self.draw_form(name, resources, pen, depth)?;
                    }
                }
                _ => {}
            }
            // A line that grows without a break (one string shown over and
            // over) is text too: it counts before the page ends.
            if pen.line.len() as u64 > self.max_text.max {
                return Err(Error::TooComplex(self.max_text));
            }
        }
        Ok(())
    }

    /// Follows the form XObject `name` of `resources`, if it is one.
    fn draw_form(
        &mut self,
        name: &[u8],
        resources: &[&'d lopdf::Dictionary],
        pen: &mut Pen,
        depth: usize,
    ) -> Result<(), Error> {
        let doc = self.doc;
        let form = resources.iter().find_map(|dict| {
            let xobjects = doc
                .dereference(dict.get(b"XObject").ok()?)
                .ok()?
                .1
                .as_dict()
                .ok()?;
            let stream = doc
                .dereference(xobjects.get(name).ok()?)
                .ok()?
                .1
                .as_stream()
                .ok()?;
            let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok()?;
            (subtype == b"Form").then_some(stream)
        });
        let Some(form) = form else {
            return Ok(());
        };
        spend(&mut self.spent.draws, 1, PDF_FORM_DRAWS)?;
        let key = std::ptr::from_ref(form) as usize;
        let content = match self.forms.get(&key) {
            Some(content) => content.clone(),
            None => {
                let content = match form.decompressed_content_with_limit(self.stream_allowance()) {
                    Ok(bytes) => {
                        self.inflated(bytes.len())?;
                        self.decode(&bytes)?.ok().map(Rc::new)
                    }
                    Err(lopdf::Error::Decompress(_)) => {
                        return Err(Error::TooComplex(self.inflate_limit()));
                    }
                    Err(_) => None,
                };
                self.forms.insert(key, content.clone());
                content
            }
        };
        let Some(content) = content else {
            return Ok(());
        };
        let own = form
            .dict
            .get(b"Resources")
            .and_then(|r| doc.dereference(r))
            .and_then(|(_, r)| r.as_dict())
            .ok();
        // A form without resources of its own uses its page's.
        let inner: Vec<&lopdf::Dictionary> =
            own.into_iter().chain(resources.iter().copied()).collect();
        let encodings = match own {
            Some(own) => self.fonts(own)?,
            None => {
                let mut all = BTreeMap::new();
                for r in inner.iter().rev() {
                    all.extend(self.fonts(r)?);
                }
                all
            }
        };
        self.walk(&content.operations, &encodings, &inner, pen, depth + 1)
    }
}

/// How many tokens (operators, operands, parts of arrays) a content
/// stream holds at most: the runs of bytes between white space, which a
/// string with spaces in it counts more than once.
fn tokens(content: &[u8]) -> u64 {
    let mut count = 0u64;
    let mut in_token = false;
    for &b in content {
        let space = matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0');
        if !space && !in_token {
            count += 1;
        }
        in_token = !space;
    }
    count
}

/// How many character codes a `ToUnicode` CMap maps: each `bfchar` entry
/// one, each `bfrange` entry all the codes from its low to its high end.
fn cmap_codes(cmap: &[u8]) -> u64 {
    let mut total = 0u64;
    let mut rest = cmap;
    while let Some(at) = memchr::memmem::find(rest, b"begin") {
        rest = &rest[at + 5..];
        let range = rest.starts_with(b"bfrange");
        if !range && !rest.starts_with(b"bfchar") {
            continue;
        }
        let end = memchr::memmem::find(rest, b"end").unwrap_or(rest.len());
        let block = &rest[..end];
        rest = &rest[end..];
        // The hex strings of the block, outside arrays (an array is the
        // target of one range).
        let mut codes: Vec<u64> = Vec::new();
        let mut depth = 0usize;
        let mut i = 0;
        while i < block.len() {
            match block[i] {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'<' => {
                    let close = memchr::memchr(b'>', &block[i..]).map_or(block.len(), |c| i + c);
                    if depth == 0 {
                        let value = block[i + 1..close]
                            .iter()
                            .filter_map(|&b| char::from(b).to_digit(16))
                            .fold(0u64, |v, d| {
                                v.saturating_mul(16).saturating_add(u64::from(d))
                            });
                        codes.push(value);
                    }
                    i = close;
                }
                _ => {}
            }
            i += 1;
        }
        if range {
            // <lo> <hi> <target>, or <lo> <hi> [targets]: the array was
            // skipped, so a triple may be a pair.
            let mut n = 0;
            while n + 1 < codes.len() {
                let (lo, hi) = (codes[n], codes[n + 1]);
                total = total.saturating_add(hi.saturating_sub(lo).saturating_add(1));
                n += 3;
            }
        } else {
            total = total.saturating_add(codes.len() as u64 / 2);
        }
    }
    total
}

/// The resource dictionaries of a page, nearest first.
fn page_resources(doc: &Document, id: lopdf::ObjectId) -> Vec<&lopdf::Dictionary> {
    let Ok((direct, ids)) = doc.get_page_resources(id) else {
        return Vec::new();
    };
    direct
        .into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

fn next_line(pen: &mut Pen) {
    let (x, y) = (pen.origin.0, pen.origin.1 - pen.leading * pen.scale.1);
    if pen.line.is_empty() {
        pen.origin = (x, y);
    } else {
        pen.move_to(x, y);
    }
}

/// Shows strings (and, in a `TJ` array, moves by the numbers between them:
/// thousandths of an em, negative to the right).
fn show(pen: &mut Pen, encodings: &Encodings<'_>, operands: &[Object]) {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => {
                let mut text = String::new();
                if let Some(encoding) = encodings.get(&pen.font)
                    && encoding.write_to_string(bytes, &mut text).is_ok()
                {
                    pen.show(&text);
                } else if !bytes.is_empty() {
                    pen.undecoded += 1;
                }
            }
            Object::Array(items) => show(pen, encodings, items),
            Object::Integer(_) | Object::Real(_) => {
                let shift = -number(Some(operand)) / 1000.0 * pen.em();
                if shift > pen.em() * 1.5 && !pen.line.is_empty() {
                    pen.line.push('\t');
                } else if shift > pen.em() * 0.2
                    && pen.line.ends_with(|c: char| c.is_ascii_alphanumeric())
                {
                    pen.line.push(' ');
                }
                pen.end_x += shift;
            }
            _ => {}
        }
    }
}

/// The longest a header or footer line in small type is, in characters:
/// longer small lines at a page's foot are footnotes, which stay.
const SMALL_EDGE_CHARS: usize = 40;

/// Drops the first and last line of each page when set in smaller type
/// than the body (a running title on a one-page report has no other page
/// to repeat on, but its size gives it away).
fn drop_small_edges(pages: &mut [Vec<(String, f32)>]) {
    // The body's size: the size most characters are set in.
    let mut sizes: HashMap<u32, usize> = HashMap::new();
    for (line, size) in pages.iter().flatten() {
        *sizes.entry((size * 2.0).round() as u32).or_default() += line.chars().count();
    }
    let Some(body) = sizes
        .into_iter()
        .max_by_key(|&(size, chars)| (chars, size))
        .map(|(size, _)| size as f32 / 2.0)
    else {
        return;
    };
    let small = |(line, size): &(String, f32)| {
        *size < body * 0.9 && line.chars().count() <= SMALL_EDGE_CHARS
    };
    for lines in pages.iter_mut() {
        if lines.last().is_some_and(small) {
            lines.pop();
        }
        if lines.first().is_some_and(small) {
            lines.remove(0);
        }
    }
}

/// A line's shape for comparing headers: digits as `#`, no white space.
fn shape(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .replace("##", "#")
        .replace("##", "#")
        .replace("##", "#")
}

/// Drops the lines at the top and bottom of pages that repeat on other
/// pages (a running title, 第 N 页) or are page numbers.
fn drop_running_lines(pages: &mut [Vec<String>]) {
    let edge = |lines: &Vec<String>| -> Vec<usize> {
        let n = lines.len();
        (0..n.min(EDGE_LINES))
            .chain(n.saturating_sub(EDGE_LINES)..n)
            .collect()
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        let mut shapes: Vec<String> = edge(lines).iter().map(|&i| shape(&lines[i])).collect();
        shapes.sort();
        shapes.dedup();
        for s in shapes {
            *seen.entry(s).or_default() += 1;
        }
    }
    let several = pages.len() >= 2;
    let repeated = |s: &str| several && seen.get(s).copied().unwrap_or(0) >= 2;
    for lines in pages.iter_mut() {
        // A running title may also be the report's title on the first
        // page, just below it: one line of a shape goes at each end.
        let mut dropped: Vec<(bool, String)> = Vec::new();
        let top_end = lines.len().min(EDGE_LINES);
        let mut drop: Vec<usize> = edge(lines)
            .into_iter()
            .filter(|&i| {
                // 阅览座位 / 420 / 个: a cell of a table written a cell a
                // line, however like a page number it looks.
                if lines
                    .get(i + 1)
                    .is_some_and(|next| crate::quantity::unit_alone(&super::fold_raw(next)))
                {
                    return false;
                }
                let s = shape(&lines[i]);
                let key = (i < top_end, s);
                let running = repeated(&key.1) || PAGE_NUMBER_SHAPES.contains(&key.1.as_str());
                if running && !dropped.contains(&key) {
                    dropped.push(key);
                    true
                } else {
                    false
                }
            })
            .collect();
        drop.sort_unstable();
        drop.dedup();
        for i in drop.into_iter().rev() {
            lines.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn running_headers_and_page_numbers_go() {
        let mut pages = vec![
            page(&[
                "青禾县图书馆年度报告",
                "青禾县图书馆 2021 年年报",
                "正文一",
                "第 1 页",
            ]),
            page(&["青禾县图书馆年度报告", "正文二", "正文三", "- 2 -"]),
            page(&["青禾县图书馆年度报告", "正文四", "第 3 页"]),
        ];
        drop_running_lines(&mut pages);
        assert_eq!(
            pages,
            [
                page(&["青禾县图书馆 2021 年年报", "正文一"]),
                page(&["正文二", "正文三"]),
                page(&["正文四"]),
            ]
        );
        // One page: nothing repeats, only page numbers go.
        let mut one = vec![page(&["青禾县图书馆年度报告", "正文", "12"])];
        drop_running_lines(&mut one);
        assert_eq!(one, [page(&["青禾县图书馆年度报告", "正文"])]);
    }

    #[test]
    fn a_running_title_that_is_also_the_title_goes_once() {
        let mut pages = vec![
            page(&[
                "青禾县图书馆 2021 年年报",
                "青禾县图书馆 2021 年年报",
                "正文一",
            ]),
            page(&["青禾县图书馆 2021 年年报", "正文二"]),
        ];
        drop_running_lines(&mut pages);
        assert_eq!(
            pages,
            [
                page(&["青禾县图书馆 2021 年年报", "正文一"]),
                page(&["正文二"])
            ]
        );
    }

    #[test]
    fn small_type_at_a_page_edge_is_a_header_or_footer() {
        let body = "正文".repeat(20);
        let mut pages = vec![vec![
            ("青禾县图书馆年度报告".to_owned(), 9.0),
            ("青禾县图书馆 2021 年年报".to_owned(), 16.0),
            (body.clone(), 10.5),
            (body.clone(), 10.5),
            ("内部资料".to_owned(), 9.0),
        ]];
        drop_small_edges(&mut pages);
        let kept: Vec<&str> = pages[0].iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(kept, ["青禾县图书馆 2021 年年报", &body, &body]);
        // A long footnote in small type stays.
        let note = format!("注：{}", "数据".repeat(30));
        let mut pages = vec![vec![(body.clone(), 10.5), (note.clone(), 8.0)]];
        drop_small_edges(&mut pages);
        assert_eq!(pages[0].len(), 2);
    }

    #[test]
    fn bad_pdfs_are_named_errors() {
        // Without its end marker the file was cut short: no OCR advice.
        let err = read(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog").expect_err("cut short");
        assert!(err.to_string().starts_with("PDF is cut short"), "{err}");
        let err = read(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog\n%%EOF\n").expect_err("damaged");
        assert!(err.to_string().starts_with("not a readable PDF"), "{err}");
    }

    #[test]
    fn font_maps_count_every_code_of_their_ranges() {
        let cmap = b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
            2 beginbfchar\n<0001> <0041>\n<0002> <0042>\nendbfchar\n\
            2 beginbfrange\n<0010> <001F> <0061>\n<0100> <0101> [<0041> <0042>]\nendbfrange\n";
        assert_eq!(cmap_codes(cmap), 2 + 16 + 2);
        let full = b"1 beginbfrange\n<00000000> <FFFFFFFF> <0041>\nendbfrange\n";
        assert_eq!(cmap_codes(full), 1 << 32);
    }

    #[test]
    fn tokens_are_runs_between_white_space() {
        assert_eq!(tokens(b""), 0);
        assert_eq!(tokens(b"BT /F1 12 Tf\n(ab) Tj ET"), 7);
        assert_eq!(tokens(b"Q\nQ\nQ\n"), 3);
    }
}
