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
