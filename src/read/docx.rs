//! Word documents (`.docx`) → the report's lines.
//!
//! A `.docx` is a zip of XML parts; the text is in `word/document.xml`,
//! read with `zip` and `quick-xml`. Each paragraph (`<w:p>`) becomes a
//! line; a table row (`<w:tr>`) becomes one line of tab-separated cells
//! (a cell's paragraphs joined with a space), as the table reader
//! expects. Automatic list numbering (`<w:numPr>`, directly or through
//! the paragraph's style) is written out as the text Word shows, 一、,
//! （一）, 1., from `word/numbering.xml`: the segmenter finds sections by
//! it.
//!
//! Bad files end in an error that says what is wrong: not a zip, a zip
//! cut short, no `word/document.xml`, a part that inflates past
//! [`MAX_PART_BYTES`] (a zip bomb), broken XML.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::unreadable;
use crate::error::{Error, Unreadable, spend};
use crate::tables::budget::{INFLATED_BYTES, LIST_LABEL_CHARS, Limit, MARKUP_NODES};
use crate::tables::enumeration::{HEAVENLY_STEMS, LIST_DIGITS, LIST_TEN};

/// The most a part may inflate to: a long report's `document.xml` is a few
/// MiB; a zip bomb's is gigabytes.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Whether nameless bytes are a Word document: any zip that an earlier
/// row of the format table (a spreadsheet) did not claim.
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The text of a Word document.
pub fn read(bytes: &[u8]) -> Result<String, Error> {
    if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        return Err(unreadable(Unreadable::DocxIsOldDoc));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| unreadable(Unreadable::DocxZipDamaged(err.to_string())))?;
    let mut spent = Spent::default();
    if archive.index_for_name(DOCUMENT).is_none() {
        return Err(unreadable(Unreadable::DocxNoDocument));
    }
    let numbering = match part(&mut archive, "word/numbering.xml", &mut spent)? {
        Some(xml) => Numbering::parse(&xml, &mut spent)?,
        None => Numbering::default(),
    };
    let styles = match part(&mut archive, "word/styles.xml", &mut spent)? {
        Some(xml) => style_numbering(&xml, &mut spent)?,
        None => HashMap::new(),
    };
    spent.max_text = super::text_limit(bytes.len());
    let text = streamed_document(&mut archive, numbering, &styles, &mut spent)?;
    if text.trim().is_empty() {
        return Err(unreadable(Unreadable::DocxNoText));
    }
    Ok(text)
}

/// What reading a document has cost, against its budget
/// ([`crate::tables::budget`]).
struct Spent {
    inflated: u64,
    nodes: u64,
    /// The most text the document may give ([`super::text_limit`]).
    max_text: Limit,
}

impl Default for Spent {
    fn default() -> Spent {
        Spent {
            inflated: 0,
            nodes: 0,
            max_text: super::text_limit(0),
        }
    }
}

impl Spent {
    /// Counts one element of any part.
    fn node(&mut self) -> Result<(), Error> {
        spend(&mut self.nodes, 1, MARKUP_NODES)
    }
}

/// One part of the zip, inflated within [`MAX_PART_BYTES`]; `None` when
/// the zip has no such part.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    spent: &mut Spent,
) -> Result<Option<Vec<u8>>, Error> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(err) => {
            return Err(xml_error(name, err));
        }
    };
    if file.size() > MAX_PART_BYTES {
        return Err(too_big(name));
    }
    let mut bytes = Vec::new();
    // The declared size may lie: the limit holds for what really inflates.
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| damaged_part(name, err))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(too_big(name));
    }
    spend(&mut spent.inflated, bytes.len() as u64, INFLATED_BYTES)?;
    Ok(Some(bytes))
}

/// The part that holds the text.
const DOCUMENT: &str = "word/document.xml";

/// The text of `word/document.xml`, read as it inflates: the part is
/// never held whole (a 147 KB file inflates to 50 MB of XML), only the
/// XML parser's buffer of one event and the text so far; what inflates
/// past [`MAX_PART_BYTES`] or the document's [`INFLATED_BYTES`] stops it.
fn streamed_document(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    numbering: Numbering,
    styles: &HashMap<String, (String, u8)>,
    spent: &mut Spent,
) -> Result<String, Error> {
    let file = archive
        .by_name(DOCUMENT)
        .map_err(|err| xml_error(DOCUMENT, err))?;
    if file.size() > MAX_PART_BYTES {
        return Err(too_big(DOCUMENT));
    }
    let room = MAX_PART_BYTES.min(INFLATED_BYTES.max.saturating_sub(spent.inflated));
    let mut counted = Counted {
        inner: file,
        read: 0,
        limit: room,
    };
    let text = document_text(
        std::io::BufReader::new(&mut counted),
        numbering,
        styles,
        spent,
    );
    // The declared size may lie: the limit holds for what really inflates.
    if counted.read > counted.limit {
        return Err(if counted.limit < MAX_PART_BYTES {
            Error::TooComplex(INFLATED_BYTES)
        } else {
            too_big(DOCUMENT)
        });
    }
    spend(&mut spent.inflated, counted.read, INFLATED_BYTES)?;
    text
}

/// A reader that counts what it gives and fails past `limit`.
struct Counted<R> {
    inner: R,
    read: u64,
    limit: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(std::io::Error::other("inflates past its limit"));
        }
        Ok(n)
    }
}

fn too_big(name: &str) -> Error {
    unreadable(Unreadable::DocxRefused {
        part: name.to_owned(),
        limit_mib: MAX_PART_BYTES >> 20,
    })
}

fn xml_error(part: &str, err: impl std::fmt::Display) -> Error {
    unreadable(Unreadable::DocxPart {
        part: part.to_owned(),
        detail: err.to_string(),
    })
}

fn damaged_part(part: &str, err: impl std::fmt::Display) -> Error {
    unreadable(Unreadable::DocxPartDamaged {
        part: part.to_owned(),
        detail: err.to_string(),
    })
}

/// A `w:val`-like attribute by local name.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == name).then(|| a.value.into_owned()))
}

/// A level of a list: how its number is written.
#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    suffix: String,
}

/// `word/numbering.xml`: the levels of each list, and the counters.
#[derive(Debug, Default)]
struct Numbering {
    /// Abstract list id → levels by `ilvl`.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// `numId` → abstract list id and start overrides by level.
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
    /// Counters of each `numId`, by level.
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    fn parse(xml: &[u8], spent: &mut Spent) -> Result<Numbering, Error> {
        let mut numbering = Numbering::default();
        let mut reader = Reader::from_reader(xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut num: Option<String> = None;
        let mut override_level: Option<u8> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|err| xml_error("word/numbering.xml", err))?;
            if let Event::Start(_) | Event::Empty(_) = &event {
                spent.node()?;
            }
            match &event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = attr(e, "abstractNumId"),
                    "lvl" => {
                        let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                format: "decimal".to_owned(),
                                suffix: "tab".to_owned(),
                                ..Level::default()
                            },
                        ));
                    }
                    "start" => {
                        let value = attr(e, "val").and_then(|v| v.parse().ok());
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), value) {
                            lvl.start = v;
                        }
                    }
                    "numFmt" => {
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), attr(e, "val")) {
                            lvl.format = v;
                        }
                    }
                    "lvlText" => {
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), attr(e, "val")) {
                            lvl.text = v;
                        }
                    }
                    "suff" => {
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), attr(e, "val")) {
                            lvl.suffix = v;
                        }
                    }
                    "num" => {
                        num = attr(e, "numId");
                    }
                    "abstractNumId" => {
                        if let (Some(id), Some(v)) = (&num, attr(e, "val")) {
                            numbering.nums.insert(id.clone(), (v, HashMap::new()));
                        }
                    }
                    "lvlOverride" => {
                        override_level = attr(e, "ilvl").and_then(|v| v.parse().ok());
                    }
                    "startOverride" => {
                        let value = attr(e, "val").and_then(|v| v.parse().ok());
                        if let (Some(id), Some(l), Some(v)) = (&num, override_level, value)
                            && let Some((_, overrides)) = numbering.nums.get_mut(id)
                        {
                            overrides.insert(l, v);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
            match &event {
                Event::End(e) if e.local_name().as_ref() == "lvl" => {
                    if let (Some(id), Some((ilvl, lvl))) = (&abstract_id, level.take()) {
                        numbering
                            .abstracts
                            .entry(id.clone())
                            .or_default()
                            .insert(ilvl, lvl);
                    }
                }
                Event::End(e) if e.local_name().as_ref() == "num" => num = None,
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(numbering)
    }

    /// The label of the next paragraph of list `num_id` at level `ilvl`,
    /// counting it: 一、, （二）, 3. A label longer than
    /// [`LIST_LABEL_CHARS`] (a letter list starting at four billion, a
    /// level text of a megabyte) stops the document.
    fn next_label(&mut self, num_id: &str, ilvl: u8) -> Result<Option<String>, Error> {
        let ilvl = ilvl.min(8);
        let Some((abstract_id, overrides)) = self.nums.get(num_id) else {
            return Ok(None);
        };
        let Some(levels) = self.abstracts.get(abstract_id) else {
            return Ok(None);
        };
        let start = |l: u8| {
            overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(&l).map(|lvl| lvl.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(num_id.to_owned()).or_insert_with(|| {
            let mut c = [0; 9];
            for (l, slot) in c.iter_mut().enumerate() {
                *slot = start(l as u8).saturating_sub(1);
            }
            c
        });
        let i = usize::from(ilvl);
        counters[i] = counters[i].saturating_add(1);
        // A deeper list starts again under each new item above it.
        for (l, slot) in counters.iter_mut().enumerate().skip(i + 1) {
            *slot = start(l as u8).saturating_sub(1);
        }
        let Some(level) = levels.get(&ilvl) else {
            return Ok(None);
        };
        let too_long = || Error::TooComplex(LIST_LABEL_CHARS);
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(n @ 1..=9)) => {
                    chars.next();
                    let l = (n - 1) as u8;
                    let format = levels.get(&l).map_or("decimal", |lvl| lvl.format.as_str());
                    let number =
                        format_number(counters[usize::from(l)], format).ok_or_else(too_long)?;
                    label.push_str(&number);
                }
                _ => label.push(c),
            }
            if label.len() as u64 > LIST_LABEL_CHARS.max {
                return Err(too_long());
            }
        }
        if level.format == "bullet" || level.format == "none" && label.trim().is_empty() {
            return Ok(None);
        }
        if level.suffix == "space" {
            label.push(' ');
        }
        Ok(Some(label))
    }
}

/// A list number in a Word number format; `None` when it would be longer
/// than [`LIST_LABEL_CHARS`] (letters and Roman numerals grow with the
/// number: AAAA…, MMMM…).
fn format_number(n: u32, format: &str) -> Option<String> {
    let long = |chars: u32| u64::from(chars) > LIST_LABEL_CHARS.max;
    Some(match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographDigital"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n).unwrap_or_else(|| n.to_string()),
        "ideographTraditional" => HEAVENLY_STEMS
            .chars()
            .nth((n as usize).wrapping_sub(1))
            .map_or_else(|| n.to_string(), String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            char::from_u32(0x2460 + n.wrapping_sub(1))
                .filter(|_| (1..=20).contains(&n))
                .map_or_else(|| n.to_string(), String::from)
        }
        "upperLetter" | "lowerLetter" => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            if n == 0 {
                return Some("0".to_owned());
            }
            let letter = char::from(base + ((n - 1) % 26) as u8);
            let times = (n - 1) / 26 + 1;
            if long(times) {
                return None;
            }
            letter.to_string().repeat(times as usize)
        }
        "upperRoman" | "lowerRoman" => {
            if long(n / 1000) {
                return None;
            }
            let roman = roman(n);
            if format == "lowerRoman" {
                roman.to_lowercase()
            } else {
                roman
            }
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    })
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; `None` past 99.
fn chinese(n: u32) -> Option<String> {
    let digit = |d: u32| LIST_DIGITS[d as usize];
    let mut out = String::new();
    match n {
        0..=9 => out.push(digit(n)),
        10..=99 => {
            if n >= 20 {
                out.push(digit(n / 10));
            }
            out.push(LIST_TEN);
            if !n.is_multiple_of(10) {
                out.push(digit(n % 10));
            }
        }
        _ => return None,
    }
    Some(out)
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value && out.len() < 32 {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// Paragraph styles that number their paragraphs (`styleId` → numId,
/// ilvl), from `word/styles.xml`.
fn style_numbering(xml: &[u8], spent: &mut Spent) -> Result<HashMap<String, (String, u8)>, Error> {
    let mut styles = HashMap::new();
    let mut reader = Reader::from_reader(xml);
    let mut style: Option<String> = None;
    let (mut num_id, mut ilvl) = (None, 0u8);
    loop {
        let event = reader
            .read_event()
            .map_err(|err| xml_error("word/styles.xml", err))?;
        if let Event::Start(_) | Event::Empty(_) = &event {
            spent.node()?;
        }
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => {
                    style = attr(&e, "styleId");
                    num_id = None;
                    ilvl = 0;
                }
                "numId" if style.is_some() => num_id = attr(&e, "val"),
                "ilvl" if style.is_some() => {
                    ilvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0)
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let (Some(id), Some(num)) = (style.take(), num_id.take()) {
                    styles.insert(id, (num, ilvl));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

/// The text of `word/document.xml`, read from `xml` an event at a time.
fn document_text(
    xml: impl std::io::BufRead,
    mut numbering: Numbering,
    styles: &HashMap<String, (String, u8)>,
    spent: &mut Spent,
) -> Result<String, Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::new();
    // The paragraph being read, its list number, and where we are.
    let mut para = String::new();
    let (mut num_id, mut ilvl, mut style): (Option<String>, u8, Option<String>) = (None, 0, None);
    let mut in_text = false;
    let mut in_ppr = false;
    let mut table_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    // Deleted text (tracked changes) is not part of the document.
    let mut deleted = 0usize;
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|err| match err {
            quick_xml::Error::Io(err) => damaged_part(DOCUMENT, err),
            err => xml_error(DOCUMENT, err),
        })?;
        if let Event::Start(_) | Event::Empty(_) = &event {
            spent.node()?;
        }
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "p" => {
                    // A paragraph inside a paragraph (a text box): what the
                    // outer one holds so far is a line of its own.
                    if !para.trim().is_empty() && table_depth == 0 {
                        out.push_str(para.trim_end());
                        out.push('\n');
                    }
                    para.clear();
                    num_id = None;
                    ilvl = 0;
                    style = None;
                }
                "pPr" => in_ppr = true,
                "pStyle" if in_ppr => style = attr(&e, "val"),
                "numId" if in_ppr => num_id = attr(&e, "val"),
                "ilvl" if in_ppr => {
                    ilvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0)
                }
                "t" => in_text = true,
                "del" => deleted += 1,
                "tab" if !in_ppr && deleted == 0 => {
                    // A tab inside a table cell would split the cell.
                    para.push(if table_depth > 0 { ' ' } else { '\t' });
                }
                "br" | "cr" if deleted == 0 => para.push('\n'),
                "tbl" => table_depth += 1,
                "tr" if table_depth == 1 => row.clear(),
                "tc" if table_depth == 1 => cell.clear(),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "pPr" => in_ppr = false,
                "t" => in_text = false,
                "del" => deleted = deleted.saturating_sub(1),
                "p" => {
                    let numbered = num_id
                        .clone()
                        .map(|id| (id, ilvl))
                        .or_else(|| style.as_ref().and_then(|s| styles.get(s)).cloned());
                    let label = numbered
                        .filter(|(id, _)| id != "0")
                        .map(|(id, l)| numbering.next_label(&id, l))
                        .transpose()?
                        .flatten()
                        .unwrap_or_default();
                    let text = format!("{label}{para}");
                    if table_depth > 0 {
                        let text = text.replace(['\n', '\t'], " ");
                        let text = text.trim();
                        if !text.is_empty() {
                            if !cell.is_empty() {
                                cell.push(' ');
                            }
                            cell.push_str(text);
                        }
                    } else {
                        out.push_str(text.trim_end());
                        out.push('\n');
                    }
                    para.clear();
                    if (out.len() + cell.len()) as u64 > spent.max_text.max {
                        return Err(Error::TooComplex(spent.max_text));
                    }
                }
                "tc" if table_depth == 1 => row.push(std::mem::take(&mut cell)),
                "tr" if table_depth == 1 => {
                    out.push_str(&row.join("\t"));
                    out.push('\n');
                    row.clear();
                }
                "tbl" => table_depth = table_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_text && deleted == 0 => para.push_str(&t.xml10_content()),
            Event::CData(t) if in_text && deleted == 0 => {
                para.push_str(&t);
            }
            Event::GeneralRef(r) if in_text && deleted == 0 => match r.resolve_char_ref() {
                Ok(Some(c)) => para.push(c),
                _ => {
                    para.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_are_written_as_word_shows_them() {
        assert_eq!(format_number(1, "chineseCounting").as_deref(), Some("一"));
        assert_eq!(
            format_number(10, "chineseCountingThousand").as_deref(),
            Some("十")
        );
        assert_eq!(
            format_number(23, "chineseCounting").as_deref(),
            Some("二十三")
        );
        assert_eq!(
            format_number(3, "ideographTraditional").as_deref(),
            Some("丙")
        );
        assert_eq!(
            format_number(2, "decimalEnclosedCircle").as_deref(),
            Some("②")
        );
        assert_eq!(format_number(28, "upperLetter").as_deref(), Some("BB"));
        assert_eq!(format_number(14, "lowerRoman").as_deref(), Some("xiv"));
        assert_eq!(format_number(7, "decimal").as_deref(), Some("7"));
        // Letters and Roman numerals grow with the number: past the
        // budget's label length they are refused, not written.
        assert_eq!(format_number(4_000_000_000, "upperLetter"), None);
        assert_eq!(format_number(4_000_000_000, "lowerRoman"), None);
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>"#;

    fn para(ilvl: u8, text: &str) -> String {
        format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    }

    #[test]
    fn paragraphs_lists_and_tables_become_lines() {
        let body = [
            "<w:document xmlns:w=\"w\"><w:body>".to_owned(),
            "<w:p><w:r><w:t>青禾县图书馆 &amp; 年报</w:t></w:r></w:p>".to_owned(),
            para(0, "服务效能"),
            para(1, "免费开放"),
            para(2, "到馆"),
            para(2, "外借"),
            para(1, "阅读推广"),
            para(0, "资源保障"),
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p><w:p><w:r><w:t>名称</w:t></w:r></w:p></w:tc></w:tr>".to_owned(),
            "<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>".to_owned(),
            "<w:p><w:r><w:t>框外</w:t><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>".to_owned(),
            "<w:p><w:r><w:t xml:space=\"preserve\">甲</w:t><w:tab/><w:t>乙</w:t><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:r></w:p>".to_owned(),
            "</w:body></w:document>".to_owned(),
        ]
        .concat();
        let mut spent = Spent {
            max_text: super::super::text_limit(body.len()),
            ..Spent::default()
        };
        let numbering = Numbering::parse(NUMBERING.as_bytes(), &mut spent).expect("numbering");
        let text =
            document_text(body.as_bytes(), numbering, &HashMap::new(), &mut spent).expect("text");
        assert_eq!(
            text,
            "青禾县图书馆 & 年报\n一、服务效能\n（一）免费开放\n1.到馆\n2.外借\n（二）阅读推广\n二、资源保障\n序号\t项目 名称\n1\t\n框外\n框内\n\n甲\t乙\n"
        );
    }

    #[test]
    fn bad_zips_are_named_errors() {
        let err = read(b"PK\x03\x04 cut short").expect_err("not a zip");
        assert!(err.to_string().contains("damaged or cut short"), "{err}");
        let err = read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1").expect_err("ole");
        assert!(err.to_string().contains(".doc"), "{err}");
    }
}
