//! Word 97–2003 (`.doc`) and WPS Writer (`.wps`) documents: a compound
//! file (the `cfb` crate) whose `WordDocument` stream holds the text and
//! whose table stream (`0Table` or `1Table`) holds the piece table that
//! says where each run of text lies ([MS-DOC] 2.4.1).
//!
//! The File Information Block (FIB) at the start of `WordDocument` gives
//! the main text's length (`ccpText`), the piece table (`fcClx`) and the
//! paragraph properties (`fcPlcfBtePapx`). Each piece is UTF-16LE or, when
//! compressed, 8-bit (code page 1252: Chinese is always in UTF-16 pieces).
//! Paragraph marks become line ends; in a table each cell ends in 0x07 and
//! a row ends in a paragraph of its own marked `fTtp` in its properties, so
//! a row becomes one line of tab-separated cells. Field codes (`PAGE`,
//! `HYPERLINK …`) are left out and their results kept. Automatic list
//! numbers are not written out (they live in the list tables, not the
//! text): a heading numbered by Word reads without its 一、.
//!
//! Every offset and length comes from the file, so each is checked against
//! the stream before it is used, within [`crate::tables::budget`].

use std::io::{Cursor, Read};

use super::{Reading, unreadable};
use crate::Options;
use crate::error::{Error, Unreadable};
use crate::tables::budget::{DOC_PIECES, DOC_TEXT_CHARS};

/// The compound file's signature.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether nameless bytes are a Word or WPS document: a compound file
/// with a `WordDocument` stream.
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(&CFB_MAGIC) && super::cfb_has_stream(bytes, "WordDocument")
}

fn damaged(why: &str) -> Error {
    unreadable(Unreadable::DocDamaged(why.to_owned()))
}

/// Reads a document's main text.
pub fn read(bytes: &[u8], _: &Options) -> Result<Reading, Error> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|_| damaged("the compound file is damaged or cut short"))?;
    if file.exists("/EncryptedPackage") {
        return Err(encrypted());
    }
    if !file.exists("/WordDocument") {
        if file.exists("/CONTENTS") {
            return Err(unreadable(Unreadable::WorksDocument));
        }
        return Err(damaged("the file holds no WordDocument stream"));
    }
    let word = stream(&mut file, "/WordDocument")?;
    let fib = Fib::parse(&word)?;
    if fib.encrypted {
        return Err(encrypted());
    }
    let table_name = if fib.table_one { "/1Table" } else { "/0Table" };
    let table = stream(&mut file, table_name)?;
    let pieces = pieces(&table, &fib)?;
    let row_ends = row_end_ranges(&word, &table, &fib);
    let text = main_text(&word, &pieces, fib.ccp_text, &row_ends)?;
    if text.trim().is_empty() {
        return Err(unreadable(Unreadable::DocNoText));
    }
    Ok(Reading::utf8(text))
}

fn encrypted() -> Error {
    unreadable(Unreadable::DocEncrypted)
}

fn stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, Error> {
    let mut data = Vec::new();
    file.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut data))
        .map_err(|_| damaged(&format!("its {} stream cannot be read", &name[1..])))?;
    Ok(data)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// What the reader needs of the FIB.
struct Fib {
    encrypted: bool,
    table_one: bool,
    ccp_text: usize,
    fc_clx: usize,
    lcb_clx: usize,
    fc_papx: usize,
    lcb_papx: usize,
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, Error> {
        let short = || damaged("its header (FIB) is cut short");
        if u16_at(word, 0) != Some(0xA5EC) {
            return Err(damaged("its header (FIB) is not Word's"));
        }
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        if n_fib < 101 {
            return Err(unreadable(Unreadable::DocTooOld));
        }
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        let at = |off| u32_at(word, off).map(|v| v as usize).ok_or_else(short);
        Ok(Fib {
            encrypted: flags & 0x0100 != 0,
            table_one: flags & 0x0200 != 0,
            ccp_text: at(0x4C)?,
            fc_papx: at(0x102)?,
            lcb_papx: at(0x106)?,
            fc_clx: at(0x1A2)?,
            lcb_clx: at(0x1A6)?,
        })
    }
}

/// One piece: the characters `cp..cp_end` lie at byte `fc` of
/// `WordDocument`, 8-bit when `compressed`.
#[derive(Debug)]
struct Piece {
    cp: usize,
    cp_end: usize,
    fc: usize,
    compressed: bool,
}

/// The piece table: the `Pcdt` of the Clx, past any `Prc`s.
fn pieces(table: &[u8], fib: &Fib) -> Result<Vec<Piece>, Error> {
    let clx = fib
        .fc_clx
        .checked_add(fib.lcb_clx)
        .and_then(|end| table.get(fib.fc_clx..end))
        .ok_or_else(|| damaged("its piece table lies outside the table stream"))?;
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        let size = u16_at(clx, at + 1).ok_or_else(|| damaged("its piece table is cut short"))?;
        at += 3 + size as usize;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(damaged("its piece table is not where the header says"));
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(|| damaged("its piece table is cut short"))? as usize;
    let plc = clx
        .get(at + 5..)
        .and_then(|rest| rest.get(..lcb))
        .ok_or_else(|| damaged("its piece table claims more bytes than it has"))?;
    if lcb < 4 || !(lcb - 4).is_multiple_of(12) {
        return Err(damaged("its piece table has a size no piece table has"));
    }
    let n = (lcb - 4) / 12;
    if n as u64 > DOC_PIECES.max {
        return Err(damaged(
            "its piece table claims more pieces than a document has",
        ));
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp = u32_at(plc, i * 4).unwrap_or(0) as usize;
        let cp_end = u32_at(plc, (i + 1) * 4).unwrap_or(0) as usize;
        let fc_raw = u32_at(plc, (n + 1) * 4 + i * 8 + 2).unwrap_or(0);
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = (fc_raw & 0x3FFF_FFFF) as usize;
        if cp_end < cp {
            return Err(damaged("its pieces run backwards"));
        }
        out.push(Piece {
            cp,
            cp_end,
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// The byte ranges of `WordDocument` whose paragraphs end a table row
/// (`sprmPFTtp` or `sprmPFInnerTtp` set in their properties). Empty when
/// the properties cannot be read: cell marks then all read as cells.
fn row_end_ranges(word: &[u8], table: &[u8], fib: &Fib) -> Vec<(usize, usize)> {
    let Some(plc) = fib
        .fc_papx
        .checked_add(fib.lcb_papx)
        .and_then(|end| table.get(fib.fc_papx..end))
    else {
        return Vec::new();
    };
    if plc.len() < 4 {
        return Vec::new();
    }
    let n = (plc.len() - 4) / 8;
    let mut out = Vec::new();
    for i in 0..n {
        let Some(pn) = u32_at(plc, (n + 1) * 4 + i * 4) else {
            break;
        };
        let page_at = (pn & 0x3F_FFFF) as usize * 512;
        let Some(page) = word.get(page_at..page_at + 512) else {
            continue;
        };
        let crun = page[511] as usize;
        for run in 0..crun {
            let (Some(start), Some(end)) = (u32_at(page, run * 4), u32_at(page, run * 4 + 4))
            else {
                break;
            };
            let bx = (crun + 1) * 4 + run * 13;
            let Some(&offset) = page.get(bx) else { break };
            if offset != 0 && papx_is_row_end(page, offset as usize * 2) {
                out.push((start as usize, end as usize));
            }
        }
    }
    out
}

/// Whether the PAPX at `at` of an FKP page sets a row-end property.
fn papx_is_row_end(page: &[u8], at: usize) -> bool {
    let Some(&cb) = page.get(at) else {
        return false;
    };
    let (start, len) = if cb == 0 {
        let Some(&cb2) = page.get(at + 1) else {
            return false;
        };
        (at + 2, cb2 as usize * 2)
    } else {
        (at + 1, cb as usize * 2 - 1)
    };
    let Some(grpprl) = page.get(start..(start + len).min(page.len())) else {
        return false;
    };
    // istd, then the sprms
    let mut i = 2;
    while let Some(sprm) = u16_at(grpprl, i) {
        i += 2;
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match (sprm, grpprl.get(i)) {
                (0xD608, _) => u16_at(grpprl, i).map_or(usize::MAX, |n| n as usize + 1),
                (_, Some(&n)) => n as usize + 1,
                (_, None) => return false,
            },
        };
        if (sprm == 0x2417 || sprm == 0x244C) && grpprl.get(i) == Some(&1) {
            return true;
        }
        i = i.saturating_add(size);
    }
    false
}

/// The main text, `ccp_text` characters, through the pieces.
fn main_text(
    word: &[u8],
    pieces: &[Piece],
    ccp_text: usize,
    row_ends: &[(usize, usize)],
) -> Result<String, Error> {
    if ccp_text as u64 > DOC_TEXT_CHARS.max {
        return Err(damaged("its header claims more text than a document holds"));
    }
    let mut text = String::with_capacity(ccp_text.min(word.len()));
    // field nesting: true while inside a field's code (before its 0x14)
    let mut fields: Vec<bool> = Vec::new();
    for piece in pieces {
        if piece.cp >= ccp_text {
            break;
        }
        let count = piece.cp_end.min(ccp_text) - piece.cp;
        let width = if piece.compressed { 1 } else { 2 };
        let bytes = count
            .checked_mul(width)
            .and_then(|len| piece.fc.checked_add(len))
            .and_then(|end| word.get(piece.fc..end))
            .ok_or_else(|| damaged("a piece of its text lies outside the document stream"))?;
        let units: Vec<(usize, u16)> = if piece.compressed {
            bytes
                .iter()
                .enumerate()
                .map(|(k, &b)| (piece.fc + k, cp1252(b)))
                .collect()
        } else {
            bytes
                .chunks_exact(2)
                .enumerate()
                .map(|(k, c)| (piece.fc + 2 * k, u16::from_le_bytes([c[0], c[1]])))
                .collect()
        };
        for ch in char::decode_utf16(units.iter().map(|&(_, u)| u)).zip(units.iter()) {
            let (decoded, &(fc, _)) = ch;
            let c = decoded.unwrap_or('\u{FFFD}');
            match c {
                '\u{13}' => fields.push(true),
                '\u{14}' => {
                    if let Some(code) = fields.last_mut() {
                        *code = false;
                    }
                }
                '\u{15}' => {
                    fields.pop();
                }
                _ if fields.last() == Some(&true) => {}
                '\r' | '\u{0B}' | '\u{0C}' => text.push('\n'),
                '\u{07}' => {
                    if row_ends.iter().any(|&(s, e)| (s..e).contains(&fc)) {
                        if text.ends_with('\t') {
                            text.pop();
                        }
                        text.push('\n');
                    } else {
                        text.push('\t');
                    }
                }
                '\u{1E}' => text.push('-'),
                '\t' => text.push('\t'),
                c if (c as u32) < 0x20 => {}
                c => text.push(c),
            }
        }
    }
    Ok(text)
}

/// A byte of an 8-bit piece: code page 1252, whose 0x80–0x9F differ from
/// Latin-1.
fn cp1252(b: u8) -> u16 {
    if (0x80..0xA0).contains(&b) {
        let mut out = [0u16; 2];
        let (_, _, written, _) = encoding_rs::WINDOWS_1252
            .new_decoder_without_bom_handling()
            .decode_to_utf16(&[b], &mut out, true);
        if written == 1 {
            return out[0];
        }
    }
    u16::from(b)
}
