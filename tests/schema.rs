//! `libreport schema` against the real output: every record the binary
//! prints must validate against the schema it prints, and a broken record
//! must not, so the schema and the serializers cannot drift apart.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use libreport::contract::decimal::Decimal;
use libreport::contract::metric_key::MetricKey;
use libreport::contract::report::{
    Approx, ChronicleEntry, Evidence, FailedFile, LibraryReport, Mention, Origin, PartialDate,
    PlanItem, Record, SectionInfo, SectionKind, StatRow, Warning,
};

use crate::util::{code, json_lines, run, stderr, stdout};

/// The schema as the binary prints it, checked against the JSON Schema
/// meta-schema, compiled.
fn validator() -> jsonschema::Validator {
    let output = run(&["schema"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let schema: Value = serde_json::from_str(&stdout(&output)).expect("schema is JSON");
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "draft 2020-12"
    );
    if let Err(err) = jsonschema::meta::validate(&schema) {
        panic!("the schema is not a valid JSON Schema: {err}");
    }
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn errors(validator: &jsonschema::Validator, record: &Value) -> Vec<String> {
    validator
        .iter_errors(record)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, record: &Value) {
    let errors = errors(validator, record);
    assert!(
        errors.is_empty(),
        "{} does not match the schema:\n{}",
        record["file"],
        errors.join("\n")
    );
}

#[test]
fn every_record_the_binary_prints_matches_the_schema() {
    let validator = validator();
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.txt");
    let readme = dir.path().join("readme.txt");
    std::fs::write(&readme, "Not a report at all.\n").expect("write");
    let output = run(&[
        "extract",
        "--format",
        "jsonl",
        "fixtures",
        missing.to_str().expect("UTF-8"),
        readme.to_str().expect("UTF-8"),
    ]);
    assert_eq!(code(&output), 1, "two inputs fail");
    let records = json_lines(&stdout(&output));
    assert_eq!(records.len(), crate::util::fixtures().len() + 2);
    assert_eq!(
        records.iter().filter(|r| r.get("error").is_some()).count(),
        2,
        "failed-file records are checked too"
    );
    for record in &records {
        assert_valid(&validator, record);
    }
    // The JSON array form holds the same records.
    let array = run(&["extract", "fixtures"]);
    let array: Vec<Value> = serde_json::from_str(&stdout(&array)).expect("JSON array");
    for record in &array {
        assert_valid(&validator, record);
    }
}

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

/// A report with every list filled, as the extractors will fill them.
fn full_report() -> Value {
    let mention = |key: MetricKey, value: &str, line, origin| Mention {
        key,
        value: d(value),
        unit: key.base_unit(),
        approx: None,
        text: format!("{} {value}", key.label_zh()),
        line,
        section: SectionKind::Summary,
        origin,
    };
    let mut mentions = vec![
        mention(MetricKey::CollectionTotal, "180383", 34, Origin::Prose),
        mention(MetricKey::CollectionTotal, "180383", 47, Origin::Table),
        mention(MetricKey::BudgetYuan, "1685200", 40, Origin::Prose),
        mention(MetricKey::DigitalResourcesTb, "0.00389", 41, Origin::Prose),
        mention(MetricKey::Visits, "-3.5", 42, Origin::Prose),
    ];
    mentions[2].approx = Some(Approx::MoreThan);
    let metrics: BTreeMap<MetricKey, Mention> =
        mentions[1..].iter().map(|m| (m.key, m.clone())).collect();
    let day = |month, day| PartialDate {
        year: 2020,
        month,
        day,
    };
    let report = LibraryReport {
        file: "a.txt".into(),
        encoding: "GB18030".into(),
        format: libreport::read::Format::Html,
        library: Some("重庆市武隆区图书馆".into()),
        library_simplified: Some("重庆市武隆区图书馆".into()),
        year: Some(2020),
        year_source: Some(Evidence::Title),
        library_source: Some(Evidence::Front),
        province: Some("重庆市".into()),
        prefecture: None,
        county: Some("武隆区".into()),
        division_code: Some("500156".into()),
        sections: vec![SectionInfo {
            kind: SectionKind::Chronicle,
            title: "2020 年大事记".into(),
            start_line: 65,
            end_line: 187,
        }],
        metrics,
        mentions,
        statistics: vec![
            StatRow {
                item: "文献馆藏量".into(),
                folded_item: "文献馆藏量".into(),
                value: Some(d("180383")),
                unit: Some("册".into()),
                scale: None,
                note: None,
                line: 47,
            },
            StatRow {
                item: "备注".into(),
                folded_item: "备注".into(),
                value: None,
                unit: None,
                scale: None,
                note: Some("含电子图书".into()),
                line: 48,
            },
        ],
        chronicle: vec![
            ChronicleEntry {
                date: Some(day(1, Some(14))),
                end: Some(day(1, Some(15))),
                text: "参加活动".into(),
                line: 68,
            },
            ChronicleEntry {
                date: Some(day(12, None)),
                end: None,
                text: "本月".into(),
                line: 180,
            },
            ChronicleEntry {
                date: None,
                end: None,
                text: "日期不明".into(),
                line: 186,
            },
        ],
        plan: vec![PlanItem {
            text: "争创国家级一级馆".into(),
            line: 193,
        }],
        warnings: vec![
            Warning::NoLibrary,
            Warning::ConflictingValues {
                key: MetricKey::Events,
                kept: (d("56"), 52),
                other: (d("103"), 20),
            },
        ],
    };
    serde_json::to_value(Record::Report(Box::new(report))).expect("serializes")
}

#[test]
fn a_record_with_every_list_filled_matches_the_schema() {
    let validator = validator();
    let record = full_report();
    assert_eq!(record["metrics"]["collection_total"]["value"], 180383);
    assert_eq!(record["chronicle"][1]["date"], "2020-12");
    assert_valid(&validator, &record);
    let failed = serde_json::to_value(Record::Failed(FailedFile {
        file: "x.txt".into(),
        error: "no such file or directory".into(),
        error_zh: "没有这个文件或目录".into(),
    }))
    .expect("serializes");
    assert_valid(&validator, &failed);
}

#[test]
fn a_broken_record_is_rejected() {
    let validator = validator();
    let good = full_report();
    type Break = fn(&mut Value);
    let breaks: &[(&str, Break)] = &[
        ("year as a string", |r| r["year"] = json!("2020")),
        ("sections missing", |r| {
            r.as_object_mut().expect("object").remove("sections");
        }),
        ("an unknown metric key", |r| {
            let m = r["metrics"]["collection_total"].clone();
            r["metrics"]["books_total"] = m;
        }),
        ("a value as a string", |r| {
            r["mentions"][0]["value"] = json!("180383")
        }),
        ("an unknown unit", |r| {
            r["mentions"][0]["unit"] = json!("斤")
        }),
        ("an unknown approx word", |r| {
            r["mentions"][2]["approx"] = json!("roughly")
        }),
        ("an unknown section kind", |r| {
            r["sections"][0]["kind"] = json!("preface")
        }),
        ("a date not in ISO form", |r| {
            r["chronicle"][0]["date"] = json!("2020/01/14")
        }),
        ("a month 13", |r| {
            r["chronicle"][1]["date"] = json!("2020-13")
        }),
        ("a warning as an object", |r| {
            r["warnings"][0] = json!({"kind": "no_library"})
        }),
        ("a negative line", |r| r["plan"][0]["line"] = json!(-1)),
        ("a failed record with data", |r| {
            *r = json!({"file": "x.txt", "error": "oops", "year": 2020})
        }),
        ("a failed record without error", |r| {
            *r = json!({"file": "x.txt"})
        }),
    ];
    for (what, break_it) in breaks {
        let mut record = good.clone();
        break_it(&mut record);
        assert_ne!(record, good, "{what}: the break changed nothing");
        assert!(
            !validator.is_valid(&record),
            "{what}: the schema accepts a broken record"
        );
    }
}
