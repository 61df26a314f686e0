//! The metric phrase corpora, run through the whole pipeline: each phrase
//! is the one sentence of a small report, and the record's metrics are
//! compared with the row.
//!
//! - `metrics.tsv`: `phrase ⇥ key ⇥ value`: the phrase gives `key` this
//!   value (in the key's base unit), in a county library's 2021 report.
//! - `metrics-negative.tsv`: `phrase ⇥ level ⇥ why`: the phrase gives no
//!   metric at all in a report of a library of that level.
//! - `metrics-gaps.tsv`: rows of the two corpora that libreport does not
//!   read right yet, by phrase. They are checked too: a gap that starts
//!   passing fails the test, so the list only shrinks.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use libreport::contract::report::Record;

fn corpus(name: &str) -> Vec<(usize, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::to_owned).collect()))
        .collect()
}

/// The library a corpus row's level stands for.
fn library(level: &str) -> &'static str {
    match level {
        "provincial" | "national" => "某某省图书馆",
        "city" | "county-level city" => "某某市图书馆",
        "district" => "某某区图书馆",
        "children's" => "某某市少年儿童图书馆",
        _ => "某某县图书馆",
    }
}

/// The metrics (key, value) of a one-sentence report.
fn read(library: &str, phrase: &str) -> Vec<(String, String)> {
    // A phrase that opens with its library's name (青溪县图书馆全年…) is
    // that library's report.
    let library = phrase
        .find("图书馆")
        .filter(|&at| at <= 30)
        .map_or(library, |at| &phrase[..at + "图书馆".len()]);
    let text =
        format!("{library}2021年工作总结\n\n现将本馆本年度主要工作情况报告如下。\n{phrase}。\n");
    match libreport::extract(
        "corpus.txt",
        text.as_bytes(),
        &libreport::Options::default(),
    ) {
        Record::Report(report) => report
            .metrics
            .values()
            .map(|m| (m.key.as_str().to_owned(), m.value.to_string()))
            .collect(),
        Record::Failed(failed) => vec![("error".to_owned(), failed.error)],
    }
}

/// Whether `got` reads as the number `want`.
fn same_number(got: &str, want: &str) -> bool {
    match (got.parse::<f64>(), want.parse::<f64>()) {
        (Ok(a), Ok(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
        _ => false,
    }
}

#[test]
fn metric_phrases() {
    let gaps: BTreeSet<String> = corpus("metrics-gaps.tsv")
        .into_iter()
        .map(|(_, fields)| fields[0].clone())
        .collect();
    let mut failures = String::new();
    let mut checked = 0;
    let mut passing_gaps = Vec::new();
    let mut keys = BTreeSet::new();
    for (line, fields) in corpus("metrics.tsv") {
        let [phrase, key, value] = fields.as_slice() else {
            panic!("metrics.tsv line {line}: want 3 columns: {fields:?}");
        };
        keys.insert(key.clone());
        checked += 1;
        let got = read(library("county"), phrase);
        let ok = got.iter().any(|(k, v)| k == key && same_number(v, value));
        match (ok, gaps.contains(phrase)) {
            (true, true) => passing_gaps.push(phrase.clone()),
            (false, false) => {
                let _ = writeln!(
                    failures,
                    "  metrics.tsv:{line}: {phrase} → {got:?}, want {key} {value}"
                );
            }
            _ => {}
        }
    }
    for (line, fields) in corpus("metrics-negative.tsv") {
        let [phrase, level, ..] = fields.as_slice() else {
            panic!("metrics-negative.tsv line {line}: want 3 columns: {fields:?}");
        };
        checked += 1;
        let got = read(library(level), phrase);
        match (got.is_empty(), gaps.contains(phrase)) {
            (true, true) => passing_gaps.push(phrase.clone()),
            (false, false) => {
                let _ = writeln!(
                    failures,
                    "  metrics-negative.tsv:{line}: {phrase} ({level}) → {got:?}, want none"
                );
            }
            _ => {}
        }
    }
    let all: BTreeSet<String> = libreport::contract::metric_key::MetricKey::ALL
        .iter()
        .map(|k| k.as_str().to_owned())
        .collect();
    assert_eq!(keys, all, "the corpus covers every key");
    assert!(failures.is_empty(), "metric corpus failures:\n{failures}");
    assert!(checked >= 500, "{checked} rows");
    assert!(
        passing_gaps.is_empty(),
        "these rows of metrics-gaps.tsv pass now; delete them there:\n{}",
        passing_gaps.join("\n")
    );
}
