//! Issue 17, "ready for people": flags as people type them, output that
//! never surprises, analysts' columns and tables, `check` for CI, and the
//! batch summary on a terminal. Each test runs the real binary.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{code, json_lines, root, run, run_in, stderr, stdout};

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn json(output: &std::process::Output) -> Vec<Value> {
    assert_eq!(code(output), 0, "{}", stderr(output));
    serde_json::from_str(&stdout(output)).expect("a JSON array")
}

/// CSV (or TSV) text as rows of cells.
fn rows(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect()
}

/// CSV rows with each cell's tabs and line ends made spaces, as TSV
/// writes them.
fn as_tsv_cells(rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    rows.into_iter()
        .map(|row| {
            row.into_iter()
                .map(|cell| cell.replace(['\t', '\n', '\r'], " "))
                .collect()
        })
        .collect()
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name}: {:?}", rows[0]))
}

#[test]
fn j_zero_means_every_core_and_gives_the_same_records() {
    let one = run(&["extract", "-j", "1", "fixtures/"]);
    let all = run(&["extract", "-j", "0", "fixtures/"]);
    assert_eq!(code(&all), 0, "{}", stderr(&all));
    assert_eq!(stdout(&one), stdout(&all));
}

#[test]
fn max_bytes_takes_k_m_and_g() {
    let dir = temp_dir();
    let big = dir.path().join("big.txt");
    let mut text = fs::read_to_string(root().join("fixtures/wulong-2020.txt")).expect("fixture");
    while text.len() <= 64 * 1024 {
        text.push_str("图书馆全年开展阅读推广活动。\n");
    }
    fs::write(&big, &text).expect("write");
    let big = big.to_str().expect("UTF-8");
    let refused = run(&["extract", "--max-bytes", "64K", big]);
    assert_eq!(code(&refused), 1);
    assert!(stderr(&refused).contains("big.txt"), "{}", stderr(&refused));
    for size in ["10M", "1G", "70000"] {
        let output = run(&["extract", "--max-bytes", size, big]);
        assert_eq!(code(&output), 0, "{size}: {}", stderr(&output));
    }
    let bad = run(&["extract", "--max-bytes", "1T", big]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("64K, 10M, 1G"), "{}", stderr(&bad));
}

#[test]
fn encoding_aliases_people_type_are_understood() {
    let dir = temp_dir();
    let text = fs::read_to_string(root().join("fixtures/wulong-2020.txt")).expect("fixture");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    fs::write(dir.path().join("gbk.txt"), &gbk).expect("write");
    let mut utf16: Vec<u8> = Vec::new();
    for unit in text.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    fs::write(dir.path().join("utf16.txt"), &utf16).expect("write");
    let library = |file: &str, encoding: &str| {
        let output = run_in(dir.path(), &["extract", "--encoding", encoding, file]);
        json(&output)[0]["library"].clone()
    };
    for alias in ["cp936", "CP936", "gbk", "gb2312", "windows-936"] {
        assert_eq!(library("gbk.txt", alias), "重庆市武隆区图书馆", "{alias}");
    }
    assert_eq!(library("utf16.txt", "utf-16"), "重庆市武隆区图书馆");
    // the Big5 fixture, read as Big5-HKSCS (a superset)
    let output = run(&[
        "extract",
        "--encoding",
        "big5-hkscs",
        "fixtures/wulong-traditional-2020.txt",
    ]);
    assert_eq!(json(&output)[0]["library"], "重慶市武隆區圖書館");
    let unknown = run(&["extract", "--encoding", "cp99999", "fixtures/anju-2020.txt"]);
    assert_eq!(code(&unknown), 2);
}

#[test]
fn tsv_is_the_wide_csv_with_tabs() {
    let dir = temp_dir();
    let out = dir.path().join("reports.tsv");
    let output = run(&["extract", "fixtures/", "-o", out.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let tsv = fs::read_to_string(&out).expect("written");
    let csv = stdout(&run(&["extract", "fixtures/", "--format", "csv"]));
    assert_eq!(
        rows(&tsv, b'\t'),
        as_tsv_cells(rows(&csv, b',')),
        "same columns and cells, but for tabs and line ends"
    );
    assert!(
        tsv.lines()
            .next()
            .expect("header")
            .contains("file\tencoding\t")
    );
    let long = stdout(&run(&["extract", "fixtures/", "--format", "tsv-long"]));
    let long_csv = stdout(&run(&["extract", "fixtures/", "--format", "csv-long"]));
    assert_eq!(rows(&long, b'\t'), as_tsv_cells(rows(&long_csv, b',')));
}

#[test]
fn an_output_name_of_no_known_format_is_refused() {
    let dir = temp_dir();
    for name in ["reports.ods", "reports"] {
        let output = run_in(
            dir.path(),
            &["extract", &fixture("anju-2020.txt"), "-o", name],
        );
        assert_eq!(code(&output), 2, "{name}");
        assert!(
            stderr(&output).contains("cannot tell the format"),
            "{}",
            stderr(&output)
        );
        assert!(!dir.path().join(name).exists(), "nothing written as {name}");
    }
    // named, the format is the user's choice
    let output = run_in(
        dir.path(),
        &[
            "extract",
            &fixture("anju-2020.txt"),
            "-o",
            "reports",
            "-f",
            "jsonl",
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

fn fixture(name: &str) -> String {
    root().join("fixtures").join(name).display().to_string()
}

#[test]
fn errors_file_keeps_failed_files_out_of_the_data() {
    let dir = temp_dir();
    let output = run_in(
        dir.path(),
        &[
            "extract",
            &fixture("anju-2020.txt"),
            "missing.txt",
            &fixture("wulong-2020.txt"),
            "-o",
            "reports.jsonl",
            "--errors",
            "failed.jsonl",
        ],
    );
    assert_eq!(code(&output), 1, "a failure still sets the status");
    assert!(stderr(&output).contains("libreport: missing.txt: no such file"));
    let read = |name: &str| json_lines(&fs::read_to_string(dir.path().join(name)).expect(name));
    let reports = read("reports.jsonl");
    assert_eq!(reports.len(), 2);
    assert!(
        reports.iter().all(|r| r["year"].is_i64()),
        "year stays an integer"
    );
    let failed = read("failed.jsonl");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["file"], "missing.txt");
    assert!(failed[0]["error"].is_string());
    // a CSV errors file with a JSON output: each file has its own format
    let output = run_in(
        dir.path(),
        &[
            "extract",
            "missing.txt",
            "-o",
            "r.json",
            "--errors",
            "e.csv",
        ],
    );
    assert_eq!(code(&output), 1);
    assert_eq!(
        fs::read_to_string(dir.path().join("r.json")).expect("r"),
        "[]\n"
    );
    let errors = rows(
        &fs::read_to_string(dir.path().join("e.csv")).expect("e"),
        b',',
    );
    assert_eq!(errors[1][column(&errors, "file")], "missing.txt");
}

#[test]
fn tables_give_the_chronicle_plan_statistics_and_metrics_as_csv() {
    let record = json(&run(&["extract", "fixtures/wulong-2020.txt"])).remove(0);
    for (table, list) in [
        ("chronicle", &record["chronicle"]),
        ("plan", &record["plan"]),
        ("statistics", &record["statistics"]),
    ] {
        let output = run(&["extract", "fixtures/wulong-2020.txt", "--table", table]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let rows = rows(&stdout(&output), b',');
        let items = list.as_array().expect("a list");
        assert_eq!(rows.len(), 1 + items.len(), "{table}: one row per item");
        assert_eq!(
            rows[0][..4],
            ["file", "library", "library_simplified", "year"]
        );
        let text = if table == "statistics" {
            "item"
        } else {
            "text"
        };
        let at = column(&rows, text);
        for (row, item) in rows[1..].iter().zip(items) {
            assert_eq!(row[at], item[text].as_str().expect("text"), "{table}");
            assert_eq!(row[column(&rows, "line")], item["line"].to_string());
        }
    }
    let output = run(&[
        "extract",
        "fixtures/wulong-2020.txt",
        "--table",
        "metrics",
        "-f",
        "tsv",
    ]);
    let rows = rows(&stdout(&output), b'\t');
    let metrics = record["metrics"].as_object().expect("metrics");
    assert_eq!(rows.len(), 1 + metrics.len());
    for row in &rows[1..] {
        let metric = &metrics[&row[column(&rows, "key")]];
        assert_eq!(row[column(&rows, "value")], metric["value"].to_string());
    }
    let refused = run(&[
        "extract",
        "fixtures/wulong-2020.txt",
        "--table",
        "plan",
        "-f",
        "json",
    ]);
    assert_eq!(code(&refused), 2);
}

#[test]
fn wide_csv_shows_approximation_warnings_and_the_simplified_name() {
    let records = json(&run(&["extract", "fixtures/"]));
    let output = run(&["extract", "fixtures/", "--format", "csv"]);
    let rows = rows(&stdout(&output), b',');
    assert_eq!(rows.len(), 1 + records.len());
    let mut approximate = 0;
    for (row, record) in rows[1..].iter().zip(&records) {
        assert_eq!(
            row[column(&rows, "warnings")],
            record["warnings"]
                .as_array()
                .expect("warnings")
                .len()
                .to_string()
        );
        assert_eq!(
            row[column(&rows, "library_simplified")],
            record["library_simplified"].as_str().unwrap_or_default()
        );
        let mut want: Vec<String> = Vec::new();
        for (key, metric) in record["metrics"].as_object().expect("metrics") {
            if let Some(approx) = metric["approx"].as_str() {
                want.push(format!("{key}={approx}"));
            }
        }
        approximate += want.len();
        let mut got: Vec<String> = row[column(&rows, "approx")]
            .split(';')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        got.sort();
        assert_eq!(got, want);
    }
    assert!(approximate > 0, "some fixture figure is approximate");
    // the traditional twin groups with its simplified report
    let twin = records
        .iter()
        .find(|r| r["file"] == "fixtures/wulong-traditional-2020.txt")
        .expect("the twin");
    assert_eq!(twin["library"], "重慶市武隆區圖書館");
    assert_eq!(twin["library_simplified"], "重庆市武隆区图书馆");
}

#[test]
fn warnings_are_structured_with_chinese_messages() {
    let record = json(&run(&["extract", "fixtures/wulong-2020.txt"])).remove(0);
    let warnings = record["warnings"].as_array().expect("warnings");
    assert!(!warnings.is_empty());
    let schema: Value = serde_json::from_str(&stdout(&run(&["schema"]))).expect("schema");
    let kinds = schema["$defs"]["Warning"]["properties"]["kind"]["enum"]
        .as_array()
        .expect("the schema lists the kinds")
        .clone();
    for warning in warnings {
        let fields: Vec<&str> = warning
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(fields, ["key", "kind", "line", "message", "message_zh"]);
        assert!(kinds.contains(&warning["kind"]), "{warning}");
        let zh = warning["message_zh"].as_str().expect("Chinese");
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    }
    // the README lists every kind
    let readme = fs::read_to_string(root().join("README.md")).expect("README");
    for kind in &kinds {
        let kind = kind.as_str().expect("a name");
        assert!(readme.contains(&format!("`{kind}`")), "README lists {kind}");
    }
}

#[test]
fn check_lists_new_reports_and_what_bless_wrote() {
    let dir = temp_dir();
    for name in [
        "anju-2020.txt",
        "anju-2020.expected.json",
        "zhucheng-2020.txt",
    ] {
        fs::copy(root().join("fixtures").join(name), dir.path().join(name)).expect("copy");
    }
    let output = run_in(dir.path(), &["check", "."]);
    assert_eq!(code(&output), 0, "a new report is no failure");
    assert_eq!(stdout(&output), "1 passed, 0 failed, 1 new\n");
    assert!(
        stderr(&output).contains("zhucheng-2020.txt: new: no ./zhucheng-2020.expected.json yet"),
        "{}",
        stderr(&output)
    );
    let output = run_in(dir.path(), &["check", "--bless", "."]);
    assert_eq!(
        stdout(&output),
        "wrote ./zhucheng-2020.expected.json\n1 passed, 0 failed, 1 new; 1 expected file written\n",
        "only the file whose content changed is listed"
    );
    assert!(dir.path().join("zhucheng-2020.expected.json").is_file());
}

#[test]
fn check_speaks_junit_and_json_naming_the_field_that_changed() {
    let dir = temp_dir();
    for name in ["anju-2020.txt", "anju-2020.expected.json"] {
        fs::copy(root().join("fixtures").join(name), dir.path().join(name)).expect("copy");
    }
    let expected = dir.path().join("anju-2020.expected.json");
    let text = fs::read_to_string(&expected).expect("expected");
    fs::write(
        &expected,
        text.replacen("\"year\": 2020", "\"year\": 2019", 1),
    )
    .expect("write");
    let output = run_in(dir.path(), &["check", ".", "--format", "junit"]);
    assert_eq!(code(&output), 1);
    let xml = stdout(&output);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    assert!(xml.contains("tests=\"1\" failures=\"1\""), "{xml}");
    assert!(
        xml.contains("<testcase classname=\"libreport.check\" name=\"./anju-2020.txt\" file=\"./anju-2020.txt\" time=\"")
            && xml.contains("\"><failure message=\"differs from ./anju-2020.expected.json: year: expected 2019, got 2020\">"),
        "{xml}"
    );
    let output = run_in(dir.path(), &["check", ".", "--format", "json"]);
    let lines = json_lines(&stdout(&output));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["status"], "failed");
    assert_eq!(
        lines[0]["problems"][0],
        "differs from ./anju-2020.expected.json: year: expected 2019, got 2020"
    );
}

/// Runs `command` under `script`, so that its stderr is a terminal.
fn on_a_terminal(dir: &Path, command: &str) -> String {
    let output = std::process::Command::new("script")
        .current_dir(dir)
        .args(["-qec", command, "/dev/null"])
        .output()
        .expect("script(1) from util-linux runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_batch_on_a_terminal_ends_with_a_summary_line() {
    let dir = temp_dir();
    let bin = assert_cmd::cargo::cargo_bin("libreport");
    let fixtures = root().join("fixtures");
    let command = format!(
        "{} extract --quiet {} missing.txt -o out.json",
        bin.display(),
        fixtures.display()
    );
    // --quiet hides it, like the progress bar
    assert!(!on_a_terminal(dir.path(), &command).contains("with warnings"));
    let seen = on_a_terminal(dir.path(), &command.replace(" --quiet", ""));
    let records: Vec<Value> =
        serde_json::from_str(&fs::read_to_string(dir.path().join("out.json")).expect("out"))
            .expect("JSON");
    let reports = records.iter().filter(|r| r.get("error").is_none()).count();
    let warned = records
        .iter()
        .filter(|r| r["warnings"].as_array().is_some_and(|w| !w.is_empty()))
        .count();
    let want =
        format!("libreport: {reports} reports, 1 failed, {warned} with warnings (most common: ");
    assert!(seen.contains(&want), "{want}\n{seen}");
    // not on a pipe
    let output = run_in(
        dir.path(),
        &["extract", &fixtures.display().to_string(), "-o", "x.json"],
    );
    assert!(!stderr(&output).contains("with warnings"));
}
