//! Golden tests: the real binary on every `fixtures/NAME.txt` must print
//! the record kept in `fixtures/NAME.expected.json`.
//!
//! After a deliberate change, re-bless with `LIBREPORT_BLESS=1 cargo test
//! fixtures` (or `cargo run -- check --bless fixtures/`) and review the diff.

use std::path::Path;

use serde_json::Value;

use crate::util::{code, fixtures, json_lines, run, stderr, stdout};

#[test]
fn every_fixture_matches_its_expected_record() {
    if std::env::var_os("LIBREPORT_BLESS").is_some() {
        let output = run(&["check", "--bless", "fixtures"]);
        assert_eq!(code(&output), 0, "bless failed: {}", stderr(&output));
    }
    let files = fixtures();
    assert!(files.len() >= 4, "the four seed reports are fixtures");
    let output = run(&["extract", "--format", "jsonl", "fixtures"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let records = json_lines(&stdout(&output));
    assert_eq!(records.len(), files.len());
    let mut failures = Vec::new();
    for (file, mut record) in files.iter().zip(records) {
        let name = file.file_name().and_then(|n| n.to_str()).expect("name");
        record["file"] = Value::String(name.to_owned());
        let expected_file = file.with_extension("expected.json");
        let expected = read_json(&expected_file);
        if record != expected {
            failures.push(format!(
                "{name}: record differs from {}:\n{}",
                expected_file.display(),
                line_diff(&expected, &record)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(re-bless with LIBREPORT_BLESS=1 cargo test fixtures after review)",
        failures.join("\n")
    );
}

#[test]
fn check_passes_on_the_bundled_fixtures() {
    let output = run(&["check", "fixtures"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim(),
        format!("{} passed, 0 failed, 0 new", fixtures().len())
    );
}

/// Keys of a record that hold line numbers.
const LINE_KEYS: &[&str] = &["line", "start_line", "end_line"];

/// A record without what differs between formats of one report: `file`,
/// `format` and line numbers.
fn without_file_format_and_lines(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(key, _)| {
                    !matches!(key.as_str(), "file" | "format") && !LINE_KEYS.contains(&key.as_str())
                })
                .map(|(key, v)| (key.clone(), without_file_format_and_lines(v)))
                .collect(),
        ),
        Value::Array(items) => {
            Value::Array(items.iter().map(without_file_format_and_lines).collect())
        }
        other => other.clone(),
    }
}

#[test]
fn one_report_as_text_web_page_word_and_pdf_gives_one_record() {
    let files = [
        "fixtures/qinghe-2021.txt",
        "fixtures/qinghe-2021-web.html",
        "fixtures/qinghe-2021-word.docx",
        "fixtures/qinghe-2021-pdf.pdf",
        "fixtures/qinghe-2021-mht.mht",
        "fixtures/qinghe-2021-sheet.xlsx",
    ];
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(files);
    let output = run(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let records = json_lines(&stdout(&output));
    let formats: Vec<&str> = records
        .iter()
        .map(|r| r["format"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(formats, ["text", "html", "docx", "pdf", "mht", "sheet"]);
    let text = &records[0];
    assert!(
        text["metrics"].as_object().is_some_and(|m| m.len() >= 5),
        "{text}"
    );
    assert_eq!(text["statistics"].as_array().map(Vec::len), Some(6));
    let want = without_file_format_and_lines(text);
    for (file, record) in files.iter().zip(&records).skip(1) {
        let got = without_file_format_and_lines(record);
        assert!(
            got == want,
            "{file} differs from its text version:\n{}",
            line_diff(&want, &got)
        );
    }
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("{}: {err} (bless to create it)", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The lines of the pretty JSON that differ, with line numbers.
fn line_diff(expected: &Value, actual: &Value) -> String {
    let want = serde_json::to_string_pretty(expected).unwrap_or_default();
    let got = serde_json::to_string_pretty(actual).unwrap_or_default();
    let want: Vec<&str> = want.lines().collect();
    let got: Vec<&str> = got.lines().collect();
    let mut out = Vec::new();
    for i in 0..want.len().max(got.len()) {
        let (w, g) = (want.get(i), got.get(i));
        if w != g {
            out.push(format!(
                "  {:>5} - {}\n  {:>5} + {}",
                i + 1,
                w.unwrap_or(&""),
                "",
                g.unwrap_or(&"")
            ));
            if out.len() >= 15 {
                out.push("  …".to_owned());
                break;
            }
        }
    }
    out.join("\n")
}
