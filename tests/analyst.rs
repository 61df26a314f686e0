//! What an analyst and a CI job reach for (issue 26): the data
//! dictionary (`keys`), Chinese headers, TSV that splits on tabs, typed
//! columns, warnings and errors as data, and `check` in the CI's formats.

use crate::util::{code, run, stderr, stdout};

#[test]
fn keys_answers_what_a_key_is() {
    let output = run(&["keys", "loan_visits"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("loan_visits\n"), "{text}");
    for needle in [
        "外借人次",
        "人次",
        "外借人次（人次）",
        "lending transactions",
        "借阅人次",
    ] {
        assert!(
            text.contains(needle),
            "keys loan_visits says {needle}:\n{text}"
        );
    }
    // the same entry by its Chinese name
    assert_eq!(stdout(&run(&["keys", "外借人次"])), text);
    let output = run(&["keys", "no_such_key"]);
    assert_eq!(code(&output), 2, "an unknown key is a usage error");
    assert!(stderr(&output).contains("no_such_key"));
}

#[test]
fn keys_as_a_table_csv_and_json_list_every_key() {
    let n = libreport::contract::metric_key::MetricKey::ALL.len();
    let table = stdout(&run(&["keys"]));
    assert_eq!(table.lines().count(), 1 + n, "{table}");
    assert!(
        table
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("collection_total "))
    );

    let csv = run(&["keys", "-f", "csv"]);
    assert_eq!(code(&csv), 0);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let headers = reader.headers().expect("header").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        libreport::dictionary::CSV_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), n);
    assert_eq!(&rows[0][0], "collection_total");
    assert_eq!(&rows[0][3], "馆藏总量（册）");

    let json: serde_json::Value =
        serde_json::from_slice(&run(&["keys", "--format", "json"]).stdout).expect("JSON");
    let entries = json.as_array().expect("an array");
    assert_eq!(entries.len(), n);
    let visits = entries
        .iter()
        .find(|e| e["key"] == "visits")
        .expect("visits");
    assert_eq!(visits["unit"], "人次");
    assert!(visits["wordings"].as_array().is_some_and(|w| !w.is_empty()));
    assert!(visits["sections"].as_array().is_some_and(|s| !s.is_empty()));
}

#[test]
fn schema_describes_every_metric_as_keys_does() {
    let schema: serde_json::Value = serde_json::from_slice(&run(&["schema"]).stdout).expect("JSON");
    let metrics = &schema["$defs"]["LibraryReport"]["properties"]["metrics"]["properties"];
    let loan_visits = &metrics["loan_visits"];
    assert_eq!(loan_visits["title"], "外借人次（人次）");
    let description = loan_visits["description"].as_str().expect("a description");
    assert!(description.contains("lending transactions counted by person"));
    assert!(description.contains("按人计"));
}

#[test]
fn chinese_headers_for_csv_tsv_and_tables_english_by_default() {
    let en = stdout(&run(&["extract", "fixtures/wulong-2020.txt", "-f", "csv"]));
    assert!(en.starts_with("file,encoding,library,"), "{en}");
    let zh = run(&[
        "extract",
        "fixtures/wulong-2020.txt",
        "-f",
        "csv",
        "--headers",
        "zh",
    ]);
    assert_eq!(code(&zh), 0, "{}", stderr(&zh));
    let zh = stdout(&zh);
    let header = zh.lines().next().expect("a header");
    assert!(header.starts_with("文件,编码,图书馆,"), "{header}");
    for column in [
        "馆藏总量（册）",
        "到馆/流通人次（人次）",
        "持证读者（人）",
        "年度经费（元）",
    ] {
        assert!(
            header.split(',').any(|h| h == column),
            "{column} in {header}"
        );
    }
    assert!(!header.is_ascii());
    // the rows are the same
    assert_eq!(
        en.lines().skip(1).collect::<Vec<_>>(),
        zh.lines().skip(1).collect::<Vec<_>>()
    );
    let tsv = stdout(&run(&[
        "extract",
        "fixtures/wulong-2020.txt",
        "--table",
        "metrics",
        "-f",
        "tsv",
        "--headers",
        "zh",
    ]));
    assert!(
        tsv.starts_with("文件\t图书馆\t图书馆（简体）\t年度\t指标键\t数值\t单位"),
        "{tsv}"
    );
    let json = run(&["extract", "fixtures/wulong-2020.txt", "--headers", "zh"]);
    assert_eq!(code(&json), 2, "JSON keys stay English");
}

/// Field counts of each line of `text` split by awk on tabs.
fn awk_fields(text: &str) -> Vec<usize> {
    use std::io::Write;
    let mut awk = std::process::Command::new("awk")
        .args(["-F", "\t", "{print NF}"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("awk runs");
    awk.stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write to awk");
    let output = awk.wait_with_output().expect("awk ends");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| l.parse().expect("a count"))
        .collect()
}

#[test]
fn every_tsv_row_splits_into_the_headers_fields_with_awk() {
    // the fixtures' table rows hold tabs in their text (文献馆藏量⇥180383⇥册)
    let mut forms: Vec<Vec<&str>> = vec![vec!["-f", "tsv"], vec!["-f", "tsv-long"]];
    for table in ["chronicle", "plan", "statistics", "metrics", "warnings"] {
        forms.push(vec!["-f", "tsv", "--table", table]);
    }
    for form in forms {
        let mut args = vec!["extract", "fixtures/"];
        args.extend(&form);
        let output = run(&args);
        let text = stdout(&output);
        let fields = awk_fields(&text);
        assert!(fields.len() > 2, "{form:?}: rows");
        assert!(
            fields.iter().all(|&n| n == fields[0]),
            "{form:?}: every row has the header's {} fields: {fields:?}",
            fields[0]
        );
        assert!(text.contains("\t"), "{form:?}");
    }
}

/// The README's pandas and DuckDB lines for the wide CSV, from the
/// column types the writers print.
fn csv_types_block() -> String {
    use libreport::write::types::{duckdb_columns, pandas_dtype};
    let columns = libreport::write::csv::columns();
    format!(
        "```python\n\
         import duckdb\n\
         import pandas as pd\n\
         \n\
         dtype = {}\n\
         df = pd.read_csv(\"reports.csv\", dtype=dtype, keep_default_na=False, na_values=[\"\"])\n\
         \n\
         columns = {}\n\
         rel = duckdb.sql(f\"select * from read_csv('reports.csv', header=true, columns={{columns}})\")\n\
         ```\n",
        pandas_dtype(&columns),
        duckdb_columns(&columns)
    )
}

const TYPES_START: &str = "<!-- csv-types: generated by tests/analyst.rs -->\n";
const TYPES_END: &str = "<!-- /csv-types -->\n";

#[test]
fn readme_csv_types_are_generated_from_the_column_types() {
    let readme = std::fs::read_to_string(crate::util::root().join("README.md")).expect("README");
    let want = csv_types_block();
    let (before, rest) = readme.split_once(TYPES_START).expect("the start marker");
    let (block, after) = rest.split_once(TYPES_END).expect("the end marker");
    if block == want {
        return;
    }
    if std::env::var_os("LIBREPORT_BLESS").is_some() {
        let updated = format!("{before}{TYPES_START}{want}{TYPES_END}{after}");
        std::fs::write(crate::util::root().join("README.md"), updated).expect("write");
        return;
    }
    panic!(
        "README.md's CSV types are out of date; run LIBREPORT_BLESS=1 cargo test --test tests analyst\nwant:\n{want}"
    );
}

#[test]
fn integer_columns_of_the_fixtures_print_no_decimal_point() {
    use libreport::write::types::{ColumnType, column_type};
    let output = run(&["extract", "fixtures/", "-f", "csv"]);
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().expect("header").clone();
    let mut integers = 0;
    for row in reader.records() {
        let row = row.expect("row");
        for (name, cell) in headers.iter().zip(row.iter()) {
            if column_type(name) == ColumnType::Integer && !cell.is_empty() {
                integers += 1;
                assert!(cell.parse::<i64>().is_ok(), "{name}: {cell:?}");
            }
        }
    }
    assert!(
        integers > 100,
        "the fixtures have integer cells: {integers}"
    );
}

#[test]
#[ignore = "needs python3 with pandas and duckdb (pip install pandas duckdb); .ci/run installs them and runs this"]
fn readme_csv_types_read_the_wide_csv_as_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixtures = crate::util::root().join("fixtures").display().to_string();
    let output = crate::util::run_in(dir.path(), &["extract", &fixtures, "-o", "reports.csv"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let block = csv_types_block();
    let code_lines: Vec<&str> = block.lines().filter(|l| !l.starts_with("```")).collect();
    let script = format!(
        "{}\n\
         for name, want in dtype.items():\n\
         \x20   assert str(df[name].dtype) == want, (name, str(df[name].dtype), want)\n\
         got = dict(zip(rel.columns, [str(t) for t in rel.types]))\n\
         for name, want in columns.items():\n\
         \x20   assert got[name] == want, (name, got[name], want)\n\
         assert len(df) == len(rel.fetchall()) > 40\n\
         print('ok', len(df), df['visits'].dtype, got['visits'])\n",
        code_lines.join("\n")
    );
    let output = std::process::Command::new("python3")
        .current_dir(dir.path())
        .args(["-c", &script])
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        printed.starts_with("ok ") && printed.contains("Int64 BIGINT"),
        "{printed}"
    );
}

#[test]
fn failed_records_and_stderr_speak_chinese_under_a_chinese_locale() {
    let run_with = |lang: &str| {
        crate::util::libreport()
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .args(["extract", "missing.txt", "Cargo.toml", "-f", "jsonl"])
            .output()
            .expect("runs")
    };
    let zh = run_with("zh_CN.UTF-8");
    assert_eq!(code(&zh), 1);
    assert_eq!(
        stderr(&zh).lines().take(2).collect::<Vec<_>>(),
        [
            "libreport: missing.txt: 没有这个文件或目录",
            "libreport: Cargo.toml: 不是图书馆年报：文本（几乎）没有中文",
        ]
    );
    let en = run_with("en_US.UTF-8");
    assert!(
        stderr(&en).starts_with("libreport: missing.txt: no such file or directory\n"),
        "{}",
        stderr(&en)
    );
    // the records carry both, whatever the locale
    assert_eq!(stdout(&zh), stdout(&en));
    let records = crate::util::json_lines(&stdout(&en));
    assert_eq!(records[0]["error"], "no such file or directory");
    assert_eq!(records[0]["error_zh"], "没有这个文件或目录");
    // and the wide CSV has both columns
    let csv = stdout(&run(&["extract", "missing.txt", "-f", "csv"]));
    let last = csv.lines().nth(1).expect("a row");
    assert!(
        last.ends_with(",no such file or directory,没有这个文件或目录"),
        "{last}"
    );
}

#[test]
fn warnings_as_a_table_put_the_chinese_message_first() {
    let output = run(&["extract", "fixtures/anju-2020.txt", "--table", "warnings"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().expect("header").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "file",
            "library",
            "library_simplified",
            "year",
            "kind",
            "line",
            "key",
            "message_zh",
            "message"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["extract", "fixtures/anju-2020.txt"]).stdout).expect("JSON");
    let warnings = json[0]["warnings"].as_array().expect("warnings");
    assert_eq!(rows.len(), warnings.len());
    assert!(!rows.is_empty());
    for (row, warning) in rows.iter().zip(warnings) {
        assert_eq!(&row[4], warning["kind"].as_str().expect("kind"));
        assert_eq!(&row[7], warning["message_zh"].as_str().expect("zh"));
        assert_eq!(&row[8], warning["message"].as_str().expect("en"));
    }
}

/// A copy of two fixtures in a temporary directory: wulong-2020 with its
/// expected file changed (the collection total), anju-2020 without one.
fn changed_fixtures() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixtures = crate::util::root().join("fixtures");
    for name in ["wulong-2020.txt", "anju-2020.txt"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).expect("copy");
    }
    let expected =
        std::fs::read_to_string(fixtures.join("wulong-2020.expected.json")).expect("expected file");
    assert!(expected.contains("\"value\": 180383"));
    std::fs::write(
        dir.path().join("wulong-2020.expected.json"),
        expected.replace("\"value\": 180383", "\"value\": 180384"),
    )
    .expect("write");
    dir
}

#[test]
fn check_strict_github_annotates_a_changed_fixture_and_fails() {
    let dir = changed_fixtures();
    let output = crate::util::run_in(
        dir.path(),
        &["check", "--strict", "--format", "github", "."],
    );
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(
        text.lines().any(|l| l.starts_with("::error file=./wulong-2020.txt,line=47,title=libreport check::differs from ./wulong-2020.expected.json: metrics.collection_total.value: expected 180384, got 180383")),
        "{text}"
    );
    assert!(
        text.lines().any(
            |l| l.starts_with("::error file=./anju-2020.txt,title=libreport check::new report")
        ),
        "--strict fails a new report: {text}"
    );
    assert_eq!(stderr(&output), "libreport: 0 passed, 2 failed, 0 new\n");
    // without --strict a new report is a notice and passes
    std::fs::remove_file(dir.path().join("wulong-2020.txt")).expect("remove");
    let output = crate::util::run_in(dir.path(), &["check", "-f", "github", "."]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).starts_with("::notice file=./anju-2020.txt,"));
    let output = crate::util::run_in(dir.path(), &["check", "--strict", "."]);
    assert_eq!(code(&output), 1, "--strict: a new report fails in text too");
    assert!(
        stderr(&output).contains("anju-2020.txt: new report: no"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_junit_and_gitlab_name_file_line_and_time() {
    let dir = changed_fixtures();
    let output = crate::util::run_in(dir.path(), &["check", "-f", "junit", "."]);
    assert_eq!(code(&output), 1);
    let xml = stdout(&output);
    let case = xml
        .lines()
        .find(|l| l.contains("name=\"./wulong-2020.txt\""))
        .expect("a case for the changed report");
    assert!(case.contains("file=\"./wulong-2020.txt\""), "{case}");
    assert!(case.contains(" line=\""), "{case}");
    assert!(case.contains(" time=\""), "{case}");
    assert!(case.contains("<failure"), "{case}");

    let output = crate::util::run_in(dir.path(), &["check", "--strict", "-f", "gitlab", "."]);
    assert_eq!(code(&output), 1);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let findings = report.as_array().expect("an array");
    let total = findings
        .iter()
        .find(|f| {
            f["description"]
                .as_str()
                .is_some_and(|d| d.contains("metrics.collection_total.value"))
        })
        .expect("the changed figure");
    assert_eq!(total["location"]["path"], "./wulong-2020.txt");
    assert_eq!(total["location"]["lines"]["begin"], 47);
    assert_eq!(total["severity"], "major");
    assert!(total["fingerprint"].as_str().is_some_and(|f| f.len() == 16));
    for finding in findings {
        for field in [
            "description",
            "check_name",
            "fingerprint",
            "severity",
            "location",
        ] {
            assert!(finding.get(field).is_some(), "{field}: {finding}");
        }
    }
}

#[test]
fn short_f_is_taken_wherever_format_is() {
    for args in [
        &["extract", "fixtures/wulong-2020.txt", "-f", "jsonl"][..],
        &["check", "fixtures/wulong-2020.txt", "-f", "junit"][..],
        &["keys", "-f", "json"][..],
    ] {
        let output = run(args);
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn the_workbook_reads_back_as_the_csv_says() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("reports.xlsx");
    let output = run(&["extract", "fixtures/", "-o", path.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("an xlsx calamine reads");
    assert_eq!(
        workbook.sheet_names(),
        ["指标", "明细", "大事记", "计划", "提示", "说明"]
    );
    let cell_text = |cell: &Data| match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    };
    // each sheet against the CSV form it lays out (Chinese headers)
    for (sheet, args) in [
        ("指标", &["-f", "csv"][..]),
        ("明细", &["-f", "csv-long"][..]),
        ("大事记", &["--table", "chronicle"][..]),
        ("计划", &["--table", "plan"][..]),
        ("提示", &["--table", "warnings"][..]),
    ] {
        let mut command = vec!["extract", "fixtures/", "--headers", "zh"];
        command.extend(args);
        let csv = run(&command);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.stdout.as_slice());
        let want: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        let range = workbook.worksheet_range(sheet).expect(sheet);
        let got: Vec<&[Data]> = range.rows().collect();
        assert_eq!(got.len(), want.len(), "{sheet}: rows");
        let mut numbers = 0;
        for (r, (row, csv_row)) in got.iter().zip(&want).enumerate() {
            for (c, want_cell) in csv_row.iter().enumerate() {
                let cell = row.get(c).unwrap_or(&Data::Empty);
                match cell {
                    Data::Float(f) => {
                        numbers += 1;
                        let want_number: f64 = want_cell.parse().unwrap_or_else(|_| {
                            panic!("{sheet} {r}:{c}: a number where the CSV has {want_cell:?}")
                        });
                        assert_eq!(*f, want_number, "{sheet} {r}:{c}");
                    }
                    _ => assert_eq!(cell_text(cell), want_cell, "{sheet} {r}:{c}"),
                }
            }
        }
        if sheet == "指标" || sheet == "明细" {
            assert!(
                numbers > 100,
                "{sheet}: numbers are typed as numbers ({numbers})"
            );
        }
        // every header is Chinese
        if sheet == "指标" {
            assert!(
                got[0].iter().all(|h| !cell_text(h).is_ascii()),
                "{:?}",
                got[0]
            );
        }
    }
    // the division code is text in the workbook: its digits are kept
    let sheet = workbook.worksheet_range("指标").expect("指标");
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let column = rows[0]
        .iter()
        .position(|h| cell_text(h) == "区划代码")
        .expect("a 区划代码 column");
    let codes: Vec<&Data> = rows[1..].iter().filter_map(|row| row.get(column)).collect();
    assert!(codes.contains(&&Data::String("500156".into())), "{codes:?}");
    assert!(
        codes
            .iter()
            .all(|c| matches!(c, Data::String(_) | Data::Empty)),
        "{codes:?}"
    );
    let notes = workbook.worksheet_range("说明").expect("说明");
    let keys: Vec<String> = notes
        .rows()
        .skip(1)
        .filter_map(|row| row.first().map(cell_text))
        .collect();
    assert!(
        keys.iter().any(|k| k == "loan_visits"),
        "the data dictionary"
    );
    assert!(
        keys.iter().any(|k| k.starts_with("由 libreport")),
        "how it was made"
    );
    // each sheet: a frozen header row, filters, set widths
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).expect("open")).expect("a zip");
    for n in 1..=6 {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name(&format!("xl/worksheets/sheet{n}.xml"))
                .expect("sheet"),
            &mut xml,
        )
        .expect("read");
        assert!(
            xml.contains("state=\"frozen\"") && xml.contains("ySplit=\"1\""),
            "sheet{n}: frozen"
        );
        assert!(xml.contains("<autoFilter "), "sheet{n}: filters");
        assert!(xml.contains("customWidth=\"1\""), "sheet{n}: widths");
    }
}
