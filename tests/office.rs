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
