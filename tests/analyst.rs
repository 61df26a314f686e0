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
    let n = libreport::tables::metric_keys::MetricKey::ALL.len();
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
