//! The real binary's output formats for spreadsheets and data frames:
//! `--bom`, `--excel`, `--format csv-long`, and JSON Lines as data-frame
//! readers take it.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{code, json_lines, run, run_in, stderr, stdout};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A small report whose file name a spreadsheet would run as a formula.
const REPORT: &str = "重庆市武隆区图书馆 2020 年年报\n\n一、服务效能\n\n\
2020 年，本馆全年接待读者，开展阅读推广活动，服务广大群众，图书馆工作取得新的成绩。\n";

fn rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("a CSV row"))
        .collect()
}

fn column(header: &csv::StringRecord, name: &str) -> usize {
    header
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn bom_starts_csv_with_the_utf8_byte_order_mark() {
    let output = run(&["extract", "--format", "csv", "--bom", "fixtures"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.starts_with(BOM), "starts with EF BB BF");
    assert_eq!(
        output.stdout.windows(3).filter(|w| *w == BOM).count(),
        1,
        "one BOM only"
    );
    assert!(
        !output.stdout.windows(2).any(|w| w == b"\r\n"),
        "--bom alone keeps LF"
    );
    let rows = rows(&output.stdout);
    assert_eq!(
        &rows[0][0], "file",
        "the BOM is not part of the first header"
    );
    let wulong = rows
        .iter()
        .find(|row| row[0].ends_with("wulong-2020.txt"))
        .expect("a row for wulong-2020.txt");
    assert_eq!(&wulong[2], "重庆市武隆区图书馆", "UTF-8 text after the BOM");

    let long = run(&["extract", "--format", "csv-long", "--bom", "fixtures"]);
    assert_eq!(code(&long), 0, "{}", stderr(&long));
    assert!(long.stdout.starts_with(BOM));
}

#[test]
fn bom_and_excel_are_refused_for_json() {
    for flag in ["--bom", "--excel"] {
        let output = run(&["extract", "--format", "json", flag, "fixtures"]);
        assert_eq!(code(&output), 2, "{flag}");
        assert!(
            stderr(&output).contains("is for CSV output"),
            "{}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
    // Without a format, --excel means CSV.
    let output = run(&["extract", "--excel", "fixtures/anju-2020.txt"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"\xEF\xBB\xBFfile,encoding,"));
}

#[test]
fn excel_guards_formula_text_and_leaves_numbers_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["=1+2.txt", "@cmd.txt", "-x.txt"] {
        fs::write(dir.path().join(name), REPORT).expect("write report");
    }
    // The record still parses: the name is only a file name.
    let jsonl = run_in(dir.path(), &["extract", "--format", "jsonl", "."]);
    assert_eq!(code(&jsonl), 0, "{}", stderr(&jsonl));
    let records = json_lines(&stdout(&jsonl));
    assert_eq!(records.len(), 3);
    assert!(records.iter().all(|r| r["library"] == "重庆市武隆区图书馆"));

    let output = run_in(dir.path(), &["extract", "--excel", "--format", "csv", "."]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let bytes = &output.stdout;
    assert!(bytes.starts_with(BOM), "BOM");
    let text = std::str::from_utf8(&bytes[BOM.len()..]).expect("UTF-8");
    assert_eq!(text.matches('\n').count(), 4, "header + 3 rows");
    assert_eq!(
        text.matches("\r\n").count(),
        text.matches('\n').count(),
        "every line ends in CRLF"
    );
    let dir_rows = rows(bytes);
    let (file, year) = (column(&dir_rows[0], "file"), column(&dir_rows[0], "year"));
    let files: Vec<&str> = dir_rows[1..].iter().map(|r| &r[file]).collect();
    assert!(
        files.iter().all(|f| f.starts_with("./")),
        "paths as given: {files:?}"
    );
    assert!(dir_rows[1..].iter().all(|r| &r[year] == "2020"));
    assert!(
        text.contains(",2020,"),
        "a number cell is written bare, unquoted: {text}"
    );

    // Named directly, the file names are the cells, and they start with the
    // characters a spreadsheet reads as a formula.
    let output = run_in(
        dir.path(),
        &["extract", "--excel", "--", "=1+2.txt", "@cmd.txt", "-x.txt"],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let named = rows(&output.stdout);
    let files: Vec<&str> = named[1..].iter().map(|r| &r[file]).collect();
    assert_eq!(files, ["'=1+2.txt", "'@cmd.txt", "'-x.txt"]);
    assert!(named[1..].iter().all(|r| &r[year] == "2020"));

    // Without --excel the text is left as it is.
    let plain = run_in(dir.path(), &["extract", "--format", "csv", "=1+2.txt"]);
    assert_eq!(&rows(&plain.stdout)[1][file], "=1+2.txt");

    // The long form guards its text cells too.
    let long = run_in(
        dir.path(),
        &["extract", "--excel", "-f", "csv-long", "=1+2.txt"],
    );
    assert_eq!(code(&long), 0, "{}", stderr(&long));
    assert!(long.stdout.starts_with(BOM));
    assert!(long.stdout.ends_with(b"\r\n"));
}

#[test]
fn csv_long_has_one_row_per_mention_of_the_json_record() {
    let long = run(&["extract", "--format", "csv-long", "fixtures"]);
    assert_eq!(code(&long), 0, "{}", stderr(&long));
    let rows = rows(&long.stdout);
    assert_eq!(
        rows[0].iter().collect::<Vec<_>>(),
        [
            "file",
            "library",
            "library_simplified",
            "year",
            "key",
            "value",
            "unit",
            "approx",
            "origin",
            "section",
            "line",
            "text",
            "kept"
        ]
    );
    let jsonl = run(&["extract", "--format", "jsonl", "fixtures"]);
    let records = json_lines(&stdout(&jsonl));
    let mut want = Vec::new();
    for record in &records {
        let metrics = &record["metrics"];
        for m in record["mentions"].as_array().expect("mentions") {
            let kept = metrics
                .get(m["key"].as_str().expect("key"))
                .is_some_and(|k| k["line"] == m["line"] && k["text"] == m["text"]);
            want.push(vec![
                record["file"].as_str().expect("file").to_owned(),
                record["library"].as_str().unwrap_or_default().to_owned(),
                record["library_simplified"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                record["year"].to_string(),
                m["key"].as_str().expect("key").to_owned(),
                m["value"].to_string(),
                m["unit"].as_str().expect("unit").to_owned(),
                m["approx"].as_str().unwrap_or_default().to_owned(),
                m["origin"].as_str().expect("origin").to_owned(),
                m["section"].as_str().expect("section").to_owned(),
                m["line"].to_string(),
                m["text"].as_str().expect("text").to_owned(),
                kept.to_string(),
            ]);
        }
    }
    let got: Vec<Vec<String>> = rows[1..]
        .iter()
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(got.len(), want.len(), "one row per mention");
    assert_eq!(got, want, "each row is its mention, in record order");
}

#[test]
fn csv_long_has_no_row_for_a_failed_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.txt");
    let missing = missing.to_str().expect("UTF-8 path");
    let output = run(&[
        "extract",
        "--format",
        "csv-long",
        missing,
        "fixtures/wulong-2020.txt",
    ]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains(&format!("libreport: {missing}: ")));
    let rows = rows(&output.stdout);
    assert_eq!(&rows[0][0], "file");
    assert!(rows[1..].iter().all(|r| &r[0] != missing));
}

#[test]
fn csv_output_file_stays_wide() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("reports.csv");
    let out_str = out.to_str().expect("UTF-8");
    let output = run(&["extract", "fixtures", "--excel", "-o", out_str]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let bytes = fs::read(&out).expect("written");
    assert!(
        bytes.starts_with(
            "\u{FEFF}file,encoding,library,library_simplified,year,province,prefecture,county,division_code,sections,"
                .as_bytes()
        )
    );
}

#[test]
fn numbers_are_written_plainly() {
    let output = run(&["extract", "--format", "csv", "fixtures"]);
    let text = stdout(&output);
    for cell in text.split([',', '\n']) {
        let looks_numeric = cell.chars().next().is_some_and(|c| c.is_ascii_digit());
        if looks_numeric && cell.chars().all(|c| c.is_ascii_digit() || c == '.') {
            assert!(!cell.ends_with(".0"), "no trailing .0: {cell}");
        }
        assert!(
            !(looks_numeric && cell.contains(['e', 'E']) && cell.parse::<f64>().is_ok()),
            "no exponent: {cell}"
        );
    }
}

/// Fails the test, naming what to install, when python3 lacks `module`.
fn require_python_module(module: &str) {
    let found = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "needs python3 with {module}: pip install {module} (.ci/run installs it)"
    );
}

fn python(dir: &Path, script: &str) -> String {
    let output = std::process::Command::new("python3")
        .current_dir(dir)
        .args(["-c", script])
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
#[ignore = "needs python3 with duckdb and pandas (pip install duckdb pandas); .ci/run installs them and runs this"]
fn jsonl_reads_into_duckdb_and_pandas() {
    require_python_module("duckdb");
    require_python_module("pandas");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("reports.jsonl");
    let output = run(&["extract", "fixtures", "-o", out.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let libraries: Vec<String> = json_lines(&fs::read_to_string(&out).expect("jsonl"))
        .iter()
        .map(|r: &Value| r["library"].as_str().unwrap_or_default().to_owned())
        .collect();
    {
        let got = python(
            dir.path(),
            "import duckdb\n\
             for (lib,) in duckdb.sql(\"select library from read_json_auto('reports.jsonl')\").fetchall(): print(lib)",
        );
        assert_eq!(got.lines().collect::<Vec<_>>(), libraries);
    }
    {
        let got = python(
            dir.path(),
            "import pandas\n\
             for lib in pandas.read_json('reports.jsonl', lines=True)['library']: print(lib)",
        );
        assert_eq!(got.lines().collect::<Vec<_>>(), libraries);
    }
}
