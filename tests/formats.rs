//! Web pages, Word documents and PDFs: what each reader makes of good
//! files, and bad ones ending in a clear error naming the file, with
//! memory bounded and nothing panicking (issue 15, point 6).

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{code, json_lines, pdf_of_objects, root, run, run_in, stderr, stdout};

fn fixture(name: &str) -> Vec<u8> {
    fs::read(root().join("fixtures").join(name)).expect("fixture")
}

/// `extract --format jsonl FILE` in `dir` on bytes written there: the
/// record, stderr and the exit code.
fn extract(dir: &Path, name: &str, bytes: &[u8], extra: &[&str]) -> (Value, String, i32) {
    fs::write(dir.join(name), bytes).expect("write");
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(extra);
    args.push(name);
    let output = run_in(dir, &args);
    let mut records = json_lines(&stdout(&output));
    assert_eq!(records.len(), 1, "{}", stderr(&output));
    (records.remove(0), stderr(&output), code(&output))
}

/// The file fails alone: an error record naming it, the same cause on
/// stderr after the file's name, exit status 1.
fn assert_fails(name: &str, bytes: &[u8], cause: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (record, err, status) = extract(dir.path(), name, bytes, &[]);
    assert_eq!(status, 1, "{name}: {record}");
    assert_eq!(record["file"], name);
    let error = record["error"].as_str().unwrap_or_default();
    assert!(
        error.contains(cause),
        "{name}: {error:?} should say {cause:?}"
    );
    assert!(
        err.contains(&format!("libreport: {name}: {error}")),
        "{name}: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

// ---- Word: a truncated or corrupt zip, and a zip bomb ----

#[test]
fn a_truncated_docx_is_a_clear_error() {
    let docx = fixture("qinghe-2021-word.docx");
    assert_fails(
        "cut.docx",
        &docx[..docx.len() / 2],
        "not a readable Word document (.docx): the zip is damaged or cut short",
    );
}

#[test]
fn a_corrupt_docx_is_a_clear_error() {
    let mut docx = fixture("qinghe-2021-word.docx");
    // Scramble the compressed bytes of the parts, keep the zip's frame.
    let at = docx.len() / 3;
    for b in &mut docx[at..at + 400] {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    assert_fails("scrambled.docx", &docx, "not a readable Word document");
    let zip_without_document = stored_zip("word/other.xml", b"<x/>");
    assert_fails(
        "other.docx",
        &zip_without_document,
        "the zip holds no word/document.xml",
    );
}

#[test]
fn a_zip_bomb_is_refused_without_inflating_it() {
    // 70 MiB of 'a' in a 0.5 MB deflate stream, its size told truly ...
    let size = 70 * 1024 * 1024;
    let bomb = zip_of("word/document.xml", &deflated_run(size), size as u32);
    assert!(bomb.len() < 1024 * 1024);
    assert_fails("bomb.docx", &bomb, "inflates past 64 MiB (a zip bomb?)");
    // ... and told as 1 000 bytes: the stream is cut where the zip said it
    // ends, or at the limit, never read whole.
    let liar = zip_of("word/document.xml", &deflated_run(size), 1000);
    assert_fails("liar.docx", &liar, "not a readable Word document");
}

/// A deflate stream (fixed Huffman codes) of `size` bytes of `a`: one
/// literal, then copies of 258 bytes at distance 1, 13 bits each.
fn deflated_run(size: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u32,
        n: u32,
    }
    impl Bits {
        /// `count` bits of `value`, least significant first.
        fn put(&mut self, value: u32, count: u32) {
            for i in 0..count {
                self.acc |= ((value >> i) & 1) << self.n;
                self.n += 1;
                if self.n == 8 {
                    self.out.push(self.acc as u8);
                    self.acc = 0;
                    self.n = 0;
                }
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            for i in (0..len).rev() {
                self.put((code >> i) & 1, 1);
            }
        }
    }
    let mut bits = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed codes
    bits.code(0x30 + u32::from(b'a'), 8);
    let mut left = size - 1;
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length 258
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0x30 + u32::from(b'a'), 8);
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    bits.out
}

/// A zip of one deflated part, claiming `size` bytes inflated.
fn zip_of(name: &str, deflated: &[u8], size: u32) -> Vec<u8> {
    zip_entry(name, deflated, 8, 0, size)
}

/// A zip of one stored part.
fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    zip_entry(name, data, 0, crc32(data), data.len() as u32)
}

fn zip_entry(name: &str, data: &[u8], method: u16, crc: u32, size: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let le16 = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_le_bytes());
    let le32 = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    le32(&mut out, 0x0403_4b50);
    for v in [20, 0, method, 0, 0x5421] {
        le16(&mut out, v);
    }
    for v in [crc, data.len() as u32, size] {
        le32(&mut out, v);
    }
    le16(&mut out, name.len() as u16);
    le16(&mut out, 0);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(data);
    let central = out.len() as u32;
    le32(&mut out, 0x0201_4b50);
    for v in [20, 20, 0, method, 0, 0x5421] {
        le16(&mut out, v);
    }
    for v in [crc, data.len() as u32, size] {
        le32(&mut out, v);
    }
    for v in [name.len() as u16, 0, 0, 0, 0] {
        le16(&mut out, v);
    }
    le32(&mut out, 0);
    le32(&mut out, 0);
    out.extend_from_slice(name.as_bytes());
    let central_len = out.len() as u32 - central;
    le32(&mut out, 0x0605_4b50);
    for v in [0, 0, 1, 1] {
        le16(&mut out, v);
    }
    le32(&mut out, central_len);
    le32(&mut out, central);
    le16(&mut out, 0);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

// ---- Web pages: 50 MB ----

#[test]
fn a_fifty_megabyte_page_is_read_or_refused_in_bounds() {
    // A saved page with a picture inlined as a data: URL, the common way a
    // page grows this large.
    let page = String::from_utf8(fixture("qinghe-2021-web.html")).expect("utf-8");
    let picture = format!(
        "<img alt=\"\" src=\"data:image/png;base64,{}\">",
        "QUJD".repeat(50 * 1024 * 1024 / 4)
    );
    let big = page.replacen(
        "<div class=\"article\">",
        &format!("<div class=\"article\">{picture}"),
        1,
    );
    assert!(big.len() > 50 * 1024 * 1024);
    let dir = tempfile::tempdir().expect("temp dir");
    let (record, err, status) = extract(dir.path(), "big.html", big.as_bytes(), &[]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(record["library"], "青禾县图书馆");
    assert_eq!(record["format"], "html");
    // Under a lower limit the page is refused before it is read.
    let (record, err, status) = extract(
        dir.path(),
        "big.html",
        big.as_bytes(),
        &["--max-bytes", "10000000"],
    );
    assert_eq!(status, 1);
    let error = record["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("over the limit of 10000000 bytes"),
        "{error}"
    );
    assert!(err.contains("libreport: big.html: file is"), "{err}");
}

// ---- PDF: broken cross-references, scans, encryption ----

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

#[test]
fn a_scanned_pdf_says_to_run_ocr() {
    let content = stream("", b"q 595 0 0 842 0 0 cm /Im1 Do Q");
    let image = stream(
        "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
        &[0, 255, 255, 0],
    );
    let scan = pdf_of_objects(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            &content,
            &image,
        ],
        "",
        None,
    );
    // with OCR off (or Tesseract not installed, which the message then
    // names as well) the file says what it is and what to do
    let dir = tempfile::tempdir().expect("temp dir");
    let (record, err, status) = extract(dir.path(), "scan.pdf", &scan, &["--ocr", "never"]);
    assert_eq!(status, 1, "{record}");
    let error = record["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("PDF has no text layer (a scanned image); run OCR first"),
        "{error}"
    );
    assert!(err.contains("libreport: scan.pdf: "), "{err}");
}

#[test]
fn an_encrypted_pdf_says_so() {
    let content = stream("", b"BT /F1 12 Tf 72 700 Td (secret) Tj ET");
    let locked = pdf_of_objects(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            &content,
            b"<< /Filter /Standard /V 1 /R 2 /O <0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF> /U <FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210> /P -44 >>",
        ],
        "/Encrypt 5 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]",
        None,
    );
    assert_fails("locked.pdf", &locked, "PDF is encrypted");
}

#[test]
fn a_pdf_with_a_broken_xref_is_repaired_or_refused() {
    let good = fixture("qinghe-2021-pdf.pdf");
    // The cross-reference table points nowhere: lopdf rebuilds it from
    // the objects, and the report reads as before.
    let text = String::from_utf8_lossy(&good);
    let at = text.rfind("startxref\n").expect("startxref") + "startxref\n".len();
    let mut broken = good[..at].to_vec();
    broken.extend_from_slice(b"999999\n%%EOF\n");
    let dir = tempfile::tempdir().expect("temp dir");
    let (record, err, status) = extract(dir.path(), "xref.pdf", &broken, &[]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(record["library"], "青禾县图书馆");
    assert_eq!(record["statistics"].as_array().map(Vec::len), Some(6));
    // Offsets that point into the middle of other objects, and a file cut
    // before its table: clear errors or a repaired read, never a panic.
    let mut shifted = good.clone();
    let table = text.find("xref\n0 ").expect("xref table");
    for b in &mut shifted[table + 30..table + 200] {
        if b.is_ascii_digit() {
            *b = b'7';
        }
    }
    let (record, err, _) = extract(dir.path(), "shifted.pdf", &shifted, &[]);
    assert!(!err.contains("panicked"), "{err}");
    assert!(record.get("library").is_some() || record.get("error").is_some());
    let cut = &good[..good.len() * 2 / 3];
    let (record, err, _) = extract(dir.path(), "cut.pdf", cut, &[]);
    assert!(!err.contains("panicked"), "{err}");
    assert!(record.get("library").is_some() || record.get("error").is_some());
    let garbage = pdf_of_objects(&[b"<< /Type /Catalog /Pages 9 0 R >>"], "", None);
    assert_fails("nopages.pdf", &garbage, "not a readable PDF");
}

// ---- The commands around the readers ----

#[test]
fn text_prints_the_lines_records_cite() {
    let output = run(&["text", "fixtures/qinghe-2021-pdf.pdf"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("     1\t青禾县图书馆 2021 年年报\n"),
        "{text}"
    );
    assert!(text.contains("\t1\t到馆读者\t186420\t人次\n"), "{text}");
    assert!(
        !text.contains("第 2 页") && !text.contains("年度报告"),
        "{text}"
    );
    // The record's lines are those numbers.
    let output = run(&[
        "extract",
        "--format",
        "jsonl",
        "fixtures/qinghe-2021-pdf.pdf",
    ]);
    let record = &json_lines(&stdout(&output))[0];
    let visits = &record["metrics"]["visits"];
    let line = visits["line"].as_u64().expect("a line");
    let shown = text
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{line}\t")))
        .expect("the line is printed");
    assert!(shown.contains("186420"), "{shown}");
}

#[test]
fn chrome_pasted_into_a_text_file_is_blanked_in_place() {
    let report = String::from_utf8(fixture("qinghe-2021.txt")).expect("utf-8");
    let pasted = format!(
        "欢迎访问青禾县图书馆网站！\n首页 | 本馆概况 | 数据统计 | 登录 | 加入收藏\n当前位置：首页 > 馆务公开 > 年报\n\
         发布时间：2022-03-01　来源：青禾县图书馆　点击：1032\n{report}\n版权所有：青禾县图书馆\n备案号：示ICP备00000000号-1\n"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let (record, err, status) = extract(dir.path(), "pasted.txt", pasted.as_bytes(), &[]);
    assert_eq!(status, 0, "{err}");
    let (plain, _, _) = extract(dir.path(), "plain.txt", report.as_bytes(), &[]);
    assert_eq!(record["library"], plain["library"]);
    assert_eq!(
        record["sections"].as_array().map(Vec::len),
        plain["sections"].as_array().map(Vec::len)
    );
    assert_eq!(
        record["metrics"].as_object().map(|m| m.len()),
        plain["metrics"].as_object().map(|m| m.len())
    );
    // Four lines of chrome before the report: its lines are four further on.
    assert_eq!(
        record["metrics"]["visits"]["line"].as_u64(),
        plain["metrics"]["visits"]["line"].as_u64().map(|l| l + 4)
    );
    let output = run_in(dir.path(), &["text", "pasted.txt"]);
    assert!(
        stdout(&output).starts_with("     1\t\n     2\t\n     3\t\n     4\t\n     5\t青禾县图书馆")
    );
}

#[test]
fn files_from_a_list_or_stdin_with_nul_separators() {
    let dir = tempfile::tempdir().expect("temp dir");
    let list = dir.path().join("list.txt");
    let root = root();
    let files = ["qinghe-2021-web.html", "qinghe-2021-word.docx"];
    let lines: Vec<String> = files
        .iter()
        .map(|f| root.join("fixtures").join(f).display().to_string())
        .collect();
    fs::write(&list, lines.join("\n") + "\n").expect("write list");
    let output = run(&[
        "extract",
        "--format",
        "jsonl",
        "--files-from",
        list.to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let formats: Vec<Value> = json_lines(&stdout(&output))
        .iter()
        .map(|r| r["format"].clone())
        .collect();
    assert_eq!(formats, ["html", "docx"]);
    let mut cmd = crate::util::libreport();
    cmd.args(["extract", "--format", "jsonl", "--files-from", "-", "-0"]);
    cmd.write_stdin(lines.join("\0") + "\0");
    let output = cmd.output().expect("runs");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(json_lines(&stdout(&output)).len(), 2);
    // -0 means nothing without a list.
    assert_eq!(code(&run(&["extract", "-0", "fixtures"])), 2);
}

#[test]
fn glob_chooses_the_files_of_a_directory_scan() {
    let output = run(&[
        "extract",
        "--format",
        "jsonl",
        "--glob",
        "qinghe-2021-*.[dhp]*",
        "--glob",
        "qinghe-2021.t?t",
        "fixtures",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let records = json_lines(&stdout(&output));
    let formats: Vec<&str> = records
        .iter()
        .map(|r| r["format"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(formats, ["pdf", "html", "docx", "text"]);
    let output = run(&["extract", "--glob", "*.doc", "fixtures"]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("no file the --glob patterns match"));
}

#[test]
fn the_audit_page_shows_the_lines_the_reader_made() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("word.html");
    let output = run(&[
        "view",
        "fixtures/qinghe-2021-word.docx",
        "-o",
        page.to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = fs::read_to_string(&page).expect("page written");
    // Line 4 of the document's text is its first numbered heading, the
    // number written out from Word's list numbering.
    let at = html.find("id=\"L4\"").expect("line 4 shown");
    assert!(
        html[at..].contains("一、服务效能"),
        "{}",
        &html[at..at + 300]
    );
}

#[test]
fn standard_input_is_read_by_what_its_bytes_are() {
    for (name, format) in [
        ("qinghe-2021-pdf.pdf", "pdf"),
        ("qinghe-2021-word.docx", "docx"),
        ("qinghe-2021-web.html", "html"),
        ("qinghe-2021.txt", "text"),
    ] {
        let mut cmd = crate::util::libreport();
        cmd.args(["extract", "--format", "jsonl", "-"]);
        cmd.write_stdin(fixture(name));
        let output = cmd.output().expect("runs");
        assert_eq!(code(&output), 0, "{name}: {}", stderr(&output));
        let record = &json_lines(&stdout(&output))[0];
        assert_eq!(record["format"], format, "{name}");
        assert_eq!(record["library"], "青禾县图书馆", "{name}");
    }
}

#[test]
fn text_names_a_file_it_cannot_read_and_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("cut.docx"), b"PK\x03\x04 cut").expect("write");
    let good = root().join("fixtures/qinghe-2021.txt");
    let output = run_in(
        dir.path(),
        &["text", "cut.docx", good.to_str().expect("utf-8")],
    );
    assert_eq!(code(&output), 1);
    let err = stderr(&output);
    assert!(
        err.starts_with("libreport: cut.docx: not a readable Word document"),
        "{err}"
    );
    let text = stdout(&output);
    assert!(
        text.contains("qinghe-2021.txt <==\n     1\t青禾县图书馆 2021 年年报\n"),
        "{text}"
    );
}

/// A small deterministic generator for the damaged files below.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn damaged_copies_of_each_format_read_or_fail_without_panicking() {
    use libreport::read::{Format, read_as};
    // A damaged PDF that has lost its text would go to OCR where Tesseract
    // is installed (minutes for 150 copies): the readers are tested here,
    // OCR in tests/office.rs.
    let options = libreport::Options {
        ocr: libreport::read::ocr::OcrMode::Never,
        ..libreport::Options::default()
    };
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for (name, format) in [
        ("qinghe-2021-pdf.pdf", Format::Pdf),
        ("qinghe-2021-word.docx", Format::Docx),
        ("qinghe-2021-web.html", Format::Html),
    ] {
        let original = fixture(name);
        let (mut read, mut failed) = (0, 0);
        for round in 0..150 {
            let mut bytes = original.clone();
            match round % 3 {
                // Cut short anywhere.
                0 => bytes.truncate((rng.next() % original.len() as u64) as usize),
                // A few bytes overwritten.
                1 => {
                    for _ in 0..1 + rng.next() % 8 {
                        let at = (rng.next() % bytes.len() as u64) as usize;
                        bytes[at] = rng.next() as u8;
                    }
                }
                // A run of bytes dropped from the middle.
                _ => {
                    let at = (rng.next() % bytes.len() as u64) as usize;
                    let len = (rng.next() % 64) as usize;
                    bytes.drain(at..(at + len).min(bytes.len()));
                }
            }
            match read_as(format, &bytes, &options) {
                Ok(_) => read += 1,
                Err(err) => {
                    failed += 1;
                    // The PDF reader turns a panic of lopdf into this
                    // error: it must not have been needed here.
                    let err = err.to_string();
                    assert!(
                        !err.contains("gave up on it"),
                        "{name} round {round}: {err}"
                    );
                }
            }
        }
        // Damage of every kind was met, and some copies still read.
        assert!(
            read > 0 && failed > 0,
            "{name}: {read} read, {failed} failed"
        );
    }
}

#[test]
fn a_pdf_whose_fonts_cannot_be_decoded_says_so_not_scan() {
    // Text shown in a font the page does not define: drawn, but not text
    // anyone can read back.
    let content = stream("", b"BT /F9 12 Tf 72 700 Td <0102030405> Tj ET");
    let pdf_bytes = pdf_of_objects(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            &content,
        ],
        "",
        None,
    );
    assert_fails(
        "glyphs.pdf",
        &pdf_bytes,
        "PDF's text cannot be decoded (its fonts map no glyph to a character)",
    );
}

#[test]
fn text_inside_a_form_xobject_is_read() {
    // Some producers draw a page's whole text as one form XObject.
    let page = stream("", b"q /Fm1 Do Q");
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >>",
        b"BT /F1 12 Tf 72 700 Td (Annual report 2021) Tj 0 -20 Td (Visits 186420) Tj ET",
    );
    let pdf_bytes = pdf_of_objects(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>",
            &page,
            &form,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ],
        "",
        None,
    );
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("form.pdf"), pdf_bytes).expect("write");
    let output = run_in(dir.path(), &["text", "form.pdf"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "     1\tAnnual report 2021\n     2\tVisits 186420\n"
    );
}
