//! The real binary: exit codes, error messages, formats, batches.

use std::fs;

use serde_json::Value;

use crate::util::{code, json_lines, root, run, run_in, stderr, stdout};

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn extract_prints_a_json_array_of_whole_records() {
    let output = run(&[
        "extract",
        "fixtures/wulong-2020.txt",
        "fixtures/zhucheng-2020.txt",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let records: Vec<Value> = serde_json::from_str(&stdout(&output)).expect("a JSON array");
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["library"], "重庆市武隆区图书馆");
    assert_eq!(records[0]["encoding"], "UTF-8");
    assert_eq!(records[1]["library"], "诸城市图书馆");
    assert_eq!(records[1]["year"], 2020);
}

#[test]
fn no_path_is_a_usage_error() {
    let output = run(&["extract"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("<PATH>"), "{}", stderr(&output));
    assert_eq!(code(&run(&["frobnicate"])), 2);
    assert_eq!(code(&run(&["extract", "--format", "xml", "fixtures"])), 2);
}

#[test]
fn help_and_version_exit_zero_with_examples() {
    let output = run(&["--help"]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).contains("Examples:"));
    for sub in ["extract", "check", "sections", "quantity"] {
        let output = run(&[sub, "--help"]);
        assert_eq!(code(&output), 0);
        assert!(
            stdout(&output).contains("Example"),
            "{sub} --help has examples"
        );
    }
    let output = run(&["--version"]);
    assert_eq!(
        stdout(&output).trim(),
        format!("libreport {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_bad_file_fails_alone_and_the_batch_goes_on() {
    let dir = temp_dir();
    let missing = dir.path().join("missing.txt");
    let missing = missing.to_str().expect("utf-8 path");
    let output = run(&[
        "extract",
        "--format",
        "jsonl",
        "fixtures/wulong-2020.txt",
        missing,
        "fixtures/anju-2020.txt",
    ]);
    assert_eq!(code(&output), 1);
    let err = stderr(&output);
    assert!(
        err.contains(&format!("libreport: {missing}: no such file or directory")),
        "{err}"
    );
    let records = json_lines(&stdout(&output));
    assert_eq!(records.len(), 3, "every input has a record, in order");
    assert_eq!(records[0]["library"], "重庆市武隆区图书馆");
    assert_eq!(
        records[1],
        serde_json::json!({"file": missing, "error": "no such file or directory", "error_zh": "没有这个文件或目录"})
    );
    assert_eq!(records[2]["library"], "安居区图书馆");
}

#[test]
fn a_text_that_is_no_report_is_an_error_record() {
    let dir = temp_dir();
    fs::write(
        dir.path().join("readme.txt"),
        "This is just a README file.\n",
    )
    .expect("write");
    let output = run_in(dir.path(), &["extract", "--format", "jsonl", "readme.txt"]);
    assert_eq!(code(&output), 1);
    let records = json_lines(&stdout(&output));
    assert_eq!(records[0]["file"], "readme.txt");
    assert!(
        records[0]["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("not a library report")),
        "{records:?}"
    );
    assert!(stderr(&output).starts_with("libreport: readme.txt: not a library report"));
}

#[test]
fn stdin_is_read_for_a_dash() {
    let text = fs::read(root().join("fixtures/yuancheng-2020.txt")).expect("fixture");
    let output = crate::util::libreport()
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let records = json_lines(&stdout(&output));
    assert_eq!(records[0]["file"], "-");
    assert_eq!(records[0]["library"], "河源市源城区图书馆");
}

#[test]
fn csv_has_one_row_per_report_and_one_column_per_metric_key() {
    let output = run(&["extract", "--format", "csv", "fixtures"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let spec =
        fs::read_to_string(root().join("tests/data/metrics.tsv")).expect("metric vocabulary");
    let keys: Vec<&str> = spec
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut want = vec![
        "file",
        "encoding",
        "library",
        "library_simplified",
        "year",
        "province",
        "prefecture",
        "county",
        "division_code",
        "sections",
    ];
    want.extend(&keys);
    want.extend(["approx", "warnings", "error", "error_zh"]);
    assert_eq!(header, want);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), crate::util::fixtures().len());
    let wulong = rows
        .iter()
        .find(|row| row[0].ends_with("wulong-2020.txt"))
        .expect("a row for wulong-2020.txt");
    assert_eq!(&wulong[2], "重庆市武隆区图书馆");
    let region: Vec<&str> = (5..9).map(|i| &wulong[i]).collect();
    assert_eq!(region, ["重庆市", "", "武隆区", "500156"]);
    assert_eq!(&wulong[9], "summary;statistics;chronicle;plan");
}

#[test]
fn output_file_format_follows_its_extension() {
    let dir = temp_dir();
    let out = dir.path().join("reports.jsonl");
    let out_str = out.to_str().expect("utf-8");
    let output = run(&["extract", "fixtures", "--output", out_str]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let text = fs::read_to_string(&out).expect("output written");
    assert_eq!(json_lines(&text).len(), crate::util::fixtures().len());
    let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn sections_prints_the_outline() {
    let output = run(&["sections", "fixtures/wulong-2020.txt"]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output),
        "fixtures/wulong-2020.txt  重庆市武隆区图书馆  2020
  summary      14–42     武隆区图书馆 2020 年度工作总结
  statistics   44–63     2020 年数据分析汇总表
  chronicle    65–187    2020 年大事记
  plan         189–205   武隆区图书馆 2021 年度工作计划
"
    );
}

#[test]
fn check_fails_naming_the_field_that_differs() {
    let dir = temp_dir();
    fs::copy(
        root().join("fixtures/wulong-2020.txt"),
        dir.path().join("wulong-2020.txt"),
    )
    .expect("copy");
    let expected = fs::read_to_string(root().join("fixtures/wulong-2020.expected.json"))
        .expect("expected file");
    let altered = expected.replacen("\"year\": 2020", "\"year\": 2019", 1);
    assert_ne!(altered, expected);
    fs::write(dir.path().join("wulong-2020.expected.json"), altered).expect("write");
    let output = run_in(dir.path(), &["check", "."]);
    assert_eq!(code(&output), 1);
    let err = stderr(&output);
    assert!(
        err.contains("year: expected 2019, got 2020"),
        "the field is named: {err}"
    );
    assert_eq!(stdout(&output).trim(), "0 passed, 1 failed, 0 new");

    let output = run_in(dir.path(), &["check", "--bless", "."]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let output = run_in(dir.path(), &["check", "."]);
    assert_eq!(code(&output), 0, "blessed: {}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "1 passed, 0 failed, 0 new");
}

#[test]
fn check_reports_missing_library_and_year() {
    let dir = temp_dir();
    fs::write(
        dir.path().join("bare.txt"),
        "本馆全年开展活动，读者满意。图书馆工作人员努力工作，服务群众，开展阅读推广。\n",
    )
    .expect("write");
    let output = run_in(dir.path(), &["check", "bare.txt"]);
    assert_eq!(code(&output), 1);
    let err = stderr(&output);
    assert!(err.contains("bare.txt: no library name found"), "{err}");
    assert!(err.contains("bare.txt: no report year found"), "{err}");
    assert_eq!(stdout(&output).trim(), "0 passed, 1 failed, 0 new");
}

#[test]
fn a_directory_without_reports_is_an_error() {
    let dir = temp_dir();
    let path = dir.path().to_str().expect("utf-8");
    let output = run(&["extract", path]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("directory holds no report file (.txt .html .htm .xhtml .xlsx"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn quantity_reads_phrases_from_arguments_and_stdin() {
    let output = run(&["quantity", "5.6万册", "168.52 万元", "5.6萬冊", "大量"]);
    assert_eq!(code(&output), 1, "one phrase has no figure");
    let lines = json_lines(&stdout(&output));
    assert_eq!(
        lines[0],
        serde_json::json!({"input": "5.6万册", "start": 0, "end": 5, "text": "5.6万册",
            "value": 56000, "unit": "册", "approx": null, "kind": "figure"})
    );
    assert_eq!(lines[1]["value"], 1685200);
    assert_eq!(lines[1]["unit"], "元");
    assert_eq!(lines[2]["input"], "5.6萬冊");
    assert_eq!(lines[2]["value"], 56000);
    assert!(lines[3]["error"].is_string(), "{}", lines[3]);

    let output = crate::util::libreport()
        .arg("quantity")
        .write_stdin("130余场次\n\n较上年下降了 22.35%\n")
        .output()
        .expect("runs");
    assert_eq!(code(&output), 0);
    let lines = json_lines(&stdout(&output));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["approx"], "more_than");
    assert_eq!(lines[1]["kind"], "change");
    assert_eq!(lines[1]["value"], -22.35);
}

#[test]
fn quantity_reads_every_figure_of_running_text() {
    let output = run(&[
        "quantity",
        "全年接待读者39.60万余人次，举办讲座3–5场",
        "于4月1日至5月31日举办",
        "本馆简介",
    ]);
    assert_eq!(code(&output), 1, "the last phrase has no figure");
    let lines = json_lines(&stdout(&output));
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(
        lines[0],
        serde_json::json!({"input": "全年接待读者39.60万余人次，举办讲座3–5场", "start": 6, "end": 15,
            "text": "39.60万余人次", "value": 396000, "unit": "人次", "approx": "more_than",
            "kind": "figure"})
    );
    assert_eq!(lines[1]["kind"], "range");
    assert_eq!(lines[1]["value"], serde_json::Value::Null);
    assert_eq!(
        (&lines[1]["low"], &lines[1]["high"]),
        (&3.into(), &5.into())
    );
    assert_eq!(lines[1]["text"], "3–5场");
    assert_eq!(lines[2]["kind"], "date");
    assert_eq!(lines[2]["date"], "--04-01");
    assert_eq!(lines[2]["date_end"], "--05-31");
    assert_eq!(
        lines[3],
        serde_json::json!({"input": "本馆简介", "error": "no figure"})
    );
}
