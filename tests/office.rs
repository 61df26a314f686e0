//! Spreadsheets, saved web pages, old Word files and scans (issue 25): bad
//! input of each format ends in a clear error naming the file, in bounded
//! time and memory; what a good file gives is checked against the text
//! fixture in `fixtures.rs`.

use std::fs;
use std::io::{Cursor, Read, Write};

use serde_json::Value;

use crate::util::{code, json_lines, root, run_in, stderr, stdout};

fn fixture(name: &str) -> Vec<u8> {
    fs::read(root().join("fixtures").join(name)).expect("fixture")
}

/// `extract --format jsonl NAME` on bytes written to a temporary folder:
/// the record, stderr and the exit status.
fn extract(name: &str, bytes: &[u8]) -> (Value, String, i32) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(name), bytes).expect("write");
    let output = run_in(dir.path(), &["extract", "--format", "jsonl", name]);
    let mut records = json_lines(&stdout(&output));
    assert_eq!(records.len(), 1, "{}", stderr(&output));
    (records.remove(0), stderr(&output), code(&output))
}

fn assert_fails(name: &str, bytes: &[u8], cause: &str) {
    let (record, err, status) = extract(name, bytes);
    assert_eq!(status, 1, "{name}: {record}");
    let error = record["error"].as_str().unwrap_or_default();
    assert!(
        error.contains(cause),
        "{name}: {error:?} should say {cause:?}"
    );
    assert!(err.contains(&format!("libreport: {name}: ")), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// The parts of a zip, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).expect("part");
            let mut data = Vec::new();
            part.read_to_end(&mut data).expect("inflate");
            (part.name().expect("name").to_string(), data)
        })
        .collect()
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        out.start_file(name.as_str(), options).expect("part");
        out.write_all(data).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

#[test]
fn a_sheet_of_a_million_empty_rows_reads_its_few_cells() {
    let mut parts = unzip(&fixture("qinghe-2021-sheet.xlsx"));
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>"#,
    );
    sheet.push_str(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>青禾县图书馆 2021 年年报</t></is></c></row>"#,
    );
    for r in 2..1_000_000 {
        sheet.push_str(&format!(r#"<row r="{r}"/>"#));
    }
    sheet.push_str(r#"<row r="1048576"><c r="XFD1048576"><v>12.499999999999998</v></c></row></sheetData></worksheet>"#);
    for (name, data) in &mut parts {
        if name == "xl/worksheets/sheet1.xml" {
            *data = sheet.clone().into_bytes();
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("big.xlsx"), rezip(&parts)).expect("write");
    let output = run_in(dir.path(), &["text", "big.xlsx"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    // the sheet's name, its first row, one blank line for the empty rows,
    // and the far cell at its column, its value as the sheet shows it
    // (`text` numbers each line: one tab more)
    assert_eq!(lines.len(), 4, "{} lines", lines.len());
    assert!(
        lines[0].ends_with("\t青禾县图书馆 2021 年年报"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[2].trim(), "3");
    assert!(lines[3].ends_with("\t12.5"), "the far cell");
    assert_eq!(lines[3].matches('\t').count(), 1 + 16383, "column XFD");
}

#[test]
fn a_cut_or_damaged_spreadsheet_is_a_clear_error() {
    let xlsx = fixture("qinghe-2021-sheet.xlsx");
    assert_fails(
        "cut.xlsx",
        &xlsx[..xlsx.len() / 2],
        "not a readable spreadsheet (.xlsx, .xls, .et, .ods)",
    );
    assert_fails(
        "junk.xls",
        b"\xd0\xcf\x11\xe0 not really",
        "not a readable spreadsheet",
    );
    assert_fails("empty.ods", b"", "not a readable spreadsheet");
}

#[test]
fn an_encrypted_spreadsheet_says_it_needs_its_password() {
    // Office keeps an encrypted .xlsx in a compound file, its workbook in
    // an EncryptedPackage stream.
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    file.create_stream("/EncryptionInfo")
        .expect("stream")
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .expect("write");
    file.create_stream("/EncryptedPackage")
        .expect("stream")
        .write_all(&[0u8; 600])
        .expect("write");
    file.flush().expect("flush");
    let bytes = file.into_inner().into_inner();
    assert_fails("locked.xlsx", &bytes, "password-protected");
}

/// A Word 97–2003 document of `text` (a fixture's lines; a line with tabs
/// is a table row), made as Word lays one out: a FIB, the text in three
/// pieces (UTF-16, an 8-bit piece for the first ASCII run of a line, UTF-16),
/// table cells ending in 0x07 and each row in a 0x07 paragraph marked
/// `fTtp` in an FKP page, the piece table and that page's index in the
/// `1Table` stream.
pub fn word97(text: &str) -> Vec<u8> {
    // the characters, and which of them end a row
    let mut chars: Vec<u16> = Vec::new();
    let mut row_ends: Vec<usize> = Vec::new();
    for line in text.lines() {
        if line.contains('\t') {
            for cell in line.split('\t') {
                chars.extend(cell.encode_utf16());
                chars.push(7);
            }
            row_ends.push(chars.len());
            chars.push(7);
        } else {
            chars.extend(line.encode_utf16());
            chars.push(13);
        }
    }
    // an 8-bit piece: the first run of ASCII digits and spaces at a line's start
    let start = (1..chars.len())
        .find(|&i| chars[i - 1] == 13 && chars[i] < 128 && (chars[i] as u8).is_ascii_digit())
        .expect("a line starting with a digit");
    let end = (start..chars.len())
        .find(|&i| chars[i] >= 128)
        .expect("Chinese after it");
    let text_at = 0x800usize;
    let mut word = vec![0u8; text_at];
    // piece 1: UTF-16 [0, start); piece 2: 8-bit [start, end); piece 3: UTF-16 [end, len)
    let utf16 = |word: &mut Vec<u8>, units: &[u16]| {
        for u in units {
            word.extend_from_slice(&u.to_le_bytes());
        }
    };
    let fc1 = word.len();
    utf16(&mut word, &chars[..start]);
    let fc2 = word.len();
    word.extend(chars[start..end].iter().map(|&u| u as u8));
    let fc3 = word.len();
    utf16(&mut word, &chars[end..]);
    let fc_of = |cp: usize| -> usize {
        if cp < start {
            fc1 + 2 * cp
        } else if cp < end {
            fc2 + (cp - start)
        } else {
            fc3 + 2 * (cp - end)
        }
    };
    // one FKP page: runs between the row ends, the row ends marked fTtp
    let text_end = word.len();
    while !word.len().is_multiple_of(512) {
        word.push(0);
    }
    let pn = word.len() / 512;
    let mut page = vec![0u8; 512];
    let mut bounds = vec![text_at];
    let mut ttp = Vec::new();
    for &cp in &row_ends {
        let fc = fc_of(cp);
        if *bounds.last().expect("bound") < fc {
            bounds.push(fc);
            ttp.push(false);
        }
        bounds.push(fc + 2);
        ttp.push(true);
    }
    if *bounds.last().expect("bound") < text_end {
        bounds.push(text_end);
        ttp.push(false);
    }
    let crun = ttp.len();
    for (i, fc) in bounds.iter().enumerate() {
        page[i * 4..i * 4 + 4].copy_from_slice(&(*fc as u32).to_le_bytes());
    }
    let papx_at = 400;
    page[papx_at..papx_at + 6].copy_from_slice(&[3, 0, 0, 0x17, 0x24, 1]);
    for (run, &is_row_end) in ttp.iter().enumerate() {
        page[(crun + 1) * 4 + run * 13] = if is_row_end { (papx_at / 2) as u8 } else { 0 };
    }
    page[511] = crun as u8;
    word.extend_from_slice(&page);
    // the table stream: the FKP index, then the piece table
    let mut table = Vec::new();
    for v in [text_at as u32, text_end as u32, pn as u32] {
        table.extend_from_slice(&v.to_le_bytes());
    }
    let clx_at = table.len();
    let cps = [0, start, end, chars.len()];
    let fcs = [fc1 as u32, ((fc2 * 2) as u32) | 0x4000_0000, fc3 as u32];
    let mut plc = Vec::new();
    for cp in cps {
        plc.extend_from_slice(&(cp as u32).to_le_bytes());
    }
    for fc in fcs {
        plc.extend_from_slice(&[0, 0]);
        plc.extend_from_slice(&fc.to_le_bytes());
        plc.extend_from_slice(&[0, 0]);
    }
    table.push(2);
    table.extend_from_slice(&(plc.len() as u32).to_le_bytes());
    table.extend_from_slice(&plc);
    let clx_len = table.len() - clx_at;
    // the FIB's fields the reader needs
    let put16 =
        |word: &mut Vec<u8>, at: usize, v: u16| word[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |word: &mut Vec<u8>, at: usize, v: u32| word[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut word, 0, 0xA5EC);
    put16(&mut word, 2, 0x00C1);
    put16(&mut word, 0x0A, 0x0200);
    put32(&mut word, 0x4C, chars.len() as u32);
    put32(&mut word, 0x102, 0);
    put32(&mut word, 0x106, 12);
    put32(&mut word, 0x1A2, clx_at as u32);
    put32(&mut word, 0x1A6, clx_len as u32);
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    file.create_stream("/WordDocument")
        .expect("stream")
        .write_all(&word)
        .expect("write");
    file.create_stream("/1Table")
        .expect("stream")
        .write_all(&table)
        .expect("write");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

/// A record without what differs between formats of one report.
fn comparable(record: &Value) -> Value {
    match record {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "file" | "format" | "line" | "start_line" | "end_line"
                    )
                })
                .map(|(k, v)| (k.clone(), comparable(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(comparable).collect()),
        other => other.clone(),
    }
}

#[test]
fn a_word_97_document_and_a_wps_one_give_the_text_fixtures_record() {
    let text = String::from_utf8(fixture("qinghe-2021.txt")).expect("utf-8");
    let doc = word97(&text);
    let (want, _, status) = extract("qinghe-2021.txt", text.as_bytes());
    assert_eq!(status, 0);
    for name in ["qinghe-2021.doc", "qinghe-2021.wps"] {
        let (record, err, status) = extract(name, &doc);
        assert_eq!(status, 0, "{name}: {err}");
        assert_eq!(record["format"], "doc");
        assert_eq!(comparable(&record), comparable(&want), "{name}");
    }
    // the table's rows as tab rows, the last empty cell kept
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("r.doc"), &doc).expect("write");
    let shown = stdout(&run_in(dir.path(), &["text", "r.doc"]));
    assert!(shown.contains("1\t到馆读者\t186420\t人次\t\n"), "{shown}");
}

#[test]
fn a_cut_damaged_or_encrypted_word_97_document_is_a_clear_error() {
    let text = String::from_utf8(fixture("qinghe-2021.txt")).expect("utf-8");
    let doc = word97(&text);
    assert_fails(
        "cut.doc",
        &doc[..doc.len() / 3],
        "not a readable Word 97–2003 or WPS document",
    );
    assert_fails(
        "junk.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 junk",
        "not a readable Word 97–2003",
    );
    // the FIB's encryption flag, set
    let mut file = cfb::CompoundFile::open(Cursor::new(doc.clone())).expect("cfb");
    let mut word = Vec::new();
    file.open_stream("/WordDocument")
        .expect("stream")
        .read_to_end(&mut word)
        .expect("read");
    let mut locked = word.clone();
    locked[0x0B] |= 0x01; // fEncrypted, 0x0100 of the flags
    let mut lying = word;
    // a piece table that claims more text than the stream holds
    lying[0x4C..0x50].copy_from_slice(&400_000_000u32.to_le_bytes());
    for (name, stream, cause) in [
        ("locked.doc", locked, "password-protected"),
        ("lying.doc", lying, "claims more text than a document holds"),
    ] {
        let mut file = cfb::CompoundFile::open(Cursor::new(doc.clone())).expect("cfb");
        file.create_stream("/WordDocument")
            .expect("stream")
            .write_all(&stream)
            .expect("write");
        file.flush().expect("flush");
        assert_fails(name, &file.into_inner().into_inner(), cause);
    }
}

/// The scanned page `tests/data/qinghe-2021-scan.png` (made by
/// `tests/make_scan_fixture.py`: the title and statistics table of
/// `fixtures/qinghe-2021.txt` in Noto Sans CJK, photographed by Chromium)
/// read by Tesseract. OCR is named approximate, so the record may miss a
/// figure, but every figure it holds must be the text fixture's, and the
/// table's six must nearly all be there.
#[test]
#[ignore = "needs Tesseract with its Chinese data (.ci/run installs tesseract-ocr-chi-sim/-chi-tra)"]
fn a_scanned_statistics_table_gives_the_text_fixtures_figures() {
    let png = fs::read(root().join("tests/data/qinghe-2021-scan.png")).expect("scan");
    let (scan, err, status) = extract("qinghe-2021-scan.png", &png);
    assert_eq!(status, 0, "{err}");
    let (text, _, _) = extract("qinghe-2021.txt", &fixture("qinghe-2021.txt"));
    assert_eq!(scan["format"], "ocr");
    assert!(
        scan["warnings"]
            .as_array()
            .expect("warnings")
            .iter()
            .any(|w| w["kind"] == "ocr_text"),
        "{scan}"
    );
    assert_eq!(scan["library"], text["library"]);
    assert_eq!(scan["year"], text["year"]);
    let metrics = scan["metrics"].as_object().expect("metrics");
    for (key, metric) in metrics {
        assert_eq!(
            metric["value"], text["metrics"][key]["value"],
            "{key}: OCR gave a figure the text does not"
        );
    }
    let table = [
        "visits",
        "loans",
        "collection_new",
        "collection_total",
        "events",
        "website_visits",
    ];
    let found = table.iter().filter(|k| metrics.contains_key(**k)).count();
    assert!(found >= 5, "{found} of the table's 6 figures: {scan}");
}
