//! Every text fixture turned into a web page (inside a site's chrome), a
//! Word document and a PDF, here in the test, the way a library would
//! publish it: each must give the text's library, year, sections and
//! figures. (`tests/make_fixtures.py` does the same for any report, with
//! Word list numbering and PDF running headers besides.)

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::Value;

use crate::util::{code, fixtures, json_lines, run_in, stderr, stdout};

/// The lines of a text fixture, decoded as the pipeline decodes them.
fn report_lines(bytes: &[u8]) -> Vec<String> {
    let decoded = libreport::decode::decode(bytes, None).expect("a fixture decodes");
    decoded
        .text
        .lines()
        .map(|l| l.trim_end_matches('\r').to_owned())
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Paragraphs as `<p>`, runs of tab-separated lines as a `<table>`.
fn web_page(lines: &[String]) -> String {
    let mut body = String::new();
    let mut rows: Vec<&str> = Vec::new();
    let flush = |rows: &mut Vec<&str>, body: &mut String| {
        if rows.is_empty() {
            return;
        }
        body.push_str("<table border=\"1\">\n");
        for row in rows.drain(..) {
            body.push_str("<tr>");
            for cell in row.split('\t') {
                body.push_str(&format!("<td>{}</td>", escape(cell)));
            }
            body.push_str("</tr>\n");
        }
        body.push_str("</table>\n");
    };
    for line in lines {
        if line.contains('\t') {
            rows.push(line);
            continue;
        }
        flush(&mut rows, &mut body);
        if !line.trim().is_empty() {
            body.push_str(&format!("<p>{}</p>\n", escape(line)));
        }
    }
    flush(&mut rows, &mut body);
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年报</title></head><body>\n\
         <div class=\"top\">欢迎访问本馆网站</div>\n\
         <div id=\"nav\"><a href=\"/\">首页</a> | <a href=\"/a\">本馆概况</a></div>\n\
         <div>当前位置：<a href=\"/\">首页</a> &gt; 年报</div>\n\
         <div class=\"content\">\n{body}</div>\n\
         <div class=\"footer\">版权所有 本馆 备案号：示ICP备00000000号</div>\n</body></html>\n"
    )
}

/// Paragraphs as `<w:p>`, tab-separated lines as `<w:tbl>` rows.
fn word_document(lines: &[String]) -> Vec<u8> {
    let run = |text: &str| {
        format!(
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(text)
        )
    };
    let mut body = String::new();
    let mut rows: Vec<&str> = Vec::new();
    let flush = |rows: &mut Vec<&str>, body: &mut String| {
        if rows.is_empty() {
            return;
        }
        body.push_str("<w:tbl>");
        for row in rows.drain(..) {
            body.push_str("<w:tr>");
            for cell in row.split('\t') {
                let text = if cell.is_empty() {
                    String::new()
                } else {
                    run(cell)
                };
                body.push_str(&format!("<w:tc><w:p>{text}</w:p></w:tc>"));
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    };
    for line in lines {
        if line.contains('\t') {
            rows.push(line);
            continue;
        }
        flush(&mut rows, &mut body);
        body.push_str(&format!("<w:p>{}</w:p>", run(line)));
    }
    flush(&mut rows, &mut body);
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options)
        .expect("zip entry");
    zip.write_all(document.as_bytes()).expect("zip write");
    zip.finish().expect("zip").into_inner()
}

/// A PDF of the lines in a Type0 font (Identity-H codes, a ToUnicode map),
/// 40 lines a page, table cells at column positions.
fn pdf(lines: &[String]) -> Vec<u8> {
    let lines: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    let hex = |text: &str| -> String {
        let codes: String = text
            .chars()
            .filter(|&c| (c as u32) <= 0xFFFF)
            .map(|c| format!("{:04X}", c as u32))
            .collect();
        format!("<{codes}>")
    };
    let mut used: Vec<u32> = lines
        .iter()
        .flat_map(|l| l.chars())
        .map(|c| c as u32)
        .filter(|&c| c <= 0xFFFF && c != 9)
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Test-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    for chunk in used.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for c in chunk {
            cmap.push_str(&format!("<{c:04X}> <{c:04X}>\n"));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    let pages: Vec<&[&String]> = lines.chunks(40).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        Vec::new(), // the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [32 126 500] >>".to_vec(),
        stream(cmap.as_bytes()),
    ];
    let mut kids = Vec::new();
    for page in pages {
        let mut content = String::new();
        let mut y = 800;
        for line in page {
            content.push_str("BT /F1 10 Tf\n");
            let mut x = 60.0f32;
            for cell in line.split('\t') {
                if !cell.is_empty() {
                    content.push_str(&format!("1 0 0 1 {x} {y} Tm {} Tj\n", hex(cell)));
                }
                let width: f32 = cell
                    .chars()
                    .map(|c| if c.is_ascii() { 5.0 } else { 10.0 })
                    .sum();
                x += (width + 20.0).max(40.0);
            }
            content.push_str("ET\n");
            y -= 18;
        }
        let page_id = objects.len() + 1;
        kids.push(format!("{page_id} 0 R"));
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                page_id + 1
            )
            .into_bytes(),
        );
        objects.push(stream(content.as_bytes()));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        kids.len()
    )
    .into_bytes();
    let objects: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    crate::util::pdf_of_objects(&objects, "", None)
}

fn stream(data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// What must not change with the format: library, year, the sections'
/// kinds and titles, and every resolved figure.
fn essentials(record: &Value) -> Value {
    let sections: Vec<Value> = record["sections"]
        .as_array()
        .map(|s| {
            s.iter()
                .map(|s| {
                    // A page folds runs of white space, as browsers show it.
                    let title = s["title"].as_str().unwrap_or_default();
                    let title: Vec<&str> = title.split_whitespace().collect();
                    serde_json::json!([s["kind"], title.join(" ")])
                })
                .collect()
        })
        .unwrap_or_default();
    let metrics: BTreeMap<String, Value> = record["metrics"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        serde_json::json!([v["value"], v["unit"], v["approx"]]),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    serde_json::json!({
        "library": record["library"],
        "year": record["year"],
        "sections": sections,
        "metrics": metrics,
    })
}

/// A report whose table is aligned with runs of spaces (a PDF export): a
/// page of paragraphs folds the spaces, as browsers do, so the table is
/// gone there by design, not by a reader's fault.
fn space_aligned(file: &std::path::Path) -> bool {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .filter(|l| l.trim().contains("   "))
        .count()
        >= 3
}

#[test]
fn every_text_fixture_reads_the_same_as_a_page_a_document_and_a_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut names = Vec::new();
    for file in fixtures()
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "txt"))
        .filter(|f| !space_aligned(f))
    {
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("stem")
            .to_owned();
        let lines = report_lines(&std::fs::read(file).expect("fixture"));
        std::fs::copy(file, dir.path().join(format!("{stem}.txt"))).expect("copy");
        std::fs::write(dir.path().join(format!("{stem}.html")), web_page(&lines)).expect("write");
        std::fs::write(
            dir.path().join(format!("{stem}.docx")),
            word_document(&lines),
        )
        .expect("write");
        std::fs::write(dir.path().join(format!("{stem}.pdf")), pdf(&lines)).expect("write");
        names.push(stem);
    }
    assert!(names.len() >= 5, "{names:?}");
    let groups = names.len();
    let mut args = vec!["extract", "--format", "jsonl"];
    let files: Vec<String> = names
        .iter()
        .flat_map(|s| ["txt", "html", "docx", "pdf"].map(|ext| format!("{s}.{ext}")))
        .collect();
    args.extend(files.iter().map(String::as_str));
    let output = run_in(dir.path(), &args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let records = json_lines(&stdout(&output));
    assert_eq!(records.len(), files.len());
    let mut failures = Vec::new();
    let mut with_figures = 0;
    for group in records.chunks(4) {
        let want = essentials(&group[0]);
        // A page that is only a chronicle has no figures to compare.
        with_figures += usize::from(want["metrics"].as_object().is_some_and(|m| !m.is_empty()));
        for record in &group[1..] {
            let got = essentials(record);
            if got != want {
                failures.push(format!(
                    "{} differs from {}:\n  want {want}\n  got  {got}",
                    record["file"], group[0]["file"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        with_figures * 10 >= groups * 9,
        "{with_figures} of {groups} fixtures have figures to compare"
    );
}
