//! `check`: each report parses, and its record equals the expected file
//! beside it (the golden diff).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use libreport::report::Record;

use crate::cli::CheckArgs;
use crate::output::{Out, message};

use super::batch::{for_each_record, jobs};
use super::exit_code;

/// The expected-record file beside a report: `NAME.expected.json`.
fn expected_path(report: &Path) -> PathBuf {
    report.with_extension("expected.json")
}

pub(crate) fn check(args: CheckArgs) -> Result<ExitCode> {
    let jobs = jobs(&args.input)?;
    let (mut passed, mut failed) = (0usize, 0usize);
    for_each_record(&jobs, &args.input, |record| {
        let problems = match check_record(&record, args.bless) {
            Ok(problems) => problems,
            Err(err) => vec![format!("{err:#}")],
        };
        if problems.is_empty() {
            passed += 1;
        } else {
            failed += 1;
            for problem in &problems {
                message(&format!("libreport: {}: {problem}", record.file()));
            }
        }
        Ok(())
    })?;
    let mut out = Out::stdout();
    writeln!(out, "{passed} passed, {failed} failed")?;
    out.finish()?;
    Ok(exit_code(failed))
}

/// What is wrong with one record; empty when it passes.
fn check_record(record: &Record, bless: bool) -> Result<Vec<String>> {
    let report = match record {
        Record::Failed(failed) => return Ok(vec![failed.error.clone()]),
        Record::Report(report) => report,
    };
    let mut problems = Vec::new();
    if report.library.is_none() {
        problems.push("no library name found".to_owned());
    }
    if report.year.is_none() {
        problems.push("no report year found".to_owned());
    }
    if report.sections.is_empty() {
        problems.push("no section found".to_owned());
    }
    if report.file == "-" {
        return Ok(problems);
    }
    let expected_file = expected_path(Path::new(&report.file));
    let actual = comparable(record)?;
    if bless {
        let mut text = serde_json::to_string_pretty(&actual)?;
        text.push('\n');
        fs::write(&expected_file, text).with_context(|| format!("{}", expected_file.display()))?;
        return Ok(problems);
    }
    if !expected_file.exists() {
        return Ok(problems);
    }
    let text = fs::read_to_string(&expected_file)
        .with_context(|| format!("{}", expected_file.display()))?;
    let expected: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(err) => bail!("{}: not JSON: {err}", expected_file.display()),
    };
    let mut differences = Vec::new();
    diff("", &expected, &actual, &mut differences);
    const SHOWN: usize = 20;
    let more = differences.len().saturating_sub(SHOWN);
    problems.extend(
        differences
            .into_iter()
            .take(SHOWN)
            .map(|d| format!("differs from {}: {d}", expected_file.display())),
    );
    if more > 0 {
        problems.push(format!("… and {more} more differences"));
    }
    Ok(problems)
}

/// The record as stored in an expected file: the `file` field holds only
/// the file name, so the comparison does not depend on where it runs from.
fn comparable(record: &Record) -> Result<Value> {
    let mut value = serde_json::to_value(record)?;
    if let Some(file) = value.get_mut("file") {
        let name = Path::new(record.file()).file_name().map_or_else(
            || record.file().to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        *file = Value::String(name);
    }
    Ok(value)
}

/// Lists where two JSON values differ, by field path.
fn diff(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => {
            for (key, want_value) in want {
                let sub = join_path(path, key);
                match got.get(key) {
                    Some(got_value) => diff(&sub, want_value, got_value, out),
                    None => out.push(format!("{sub}: missing (expected {})", short(want_value))),
                }
            }
            for (key, got_value) in got {
                if !want.contains_key(key) {
                    let sub = join_path(path, key);
                    out.push(format!("{sub}: unexpected {}", short(got_value)));
                }
            }
        }
        (Value::Array(want), Value::Array(got)) => {
            for (i, (w, g)) in want.iter().zip(got).enumerate() {
                diff(&format!("{path}[{i}]"), w, g, out);
            }
            if want.len() != got.len() {
                out.push(format!(
                    "{path}: expected {} items, got {}",
                    want.len(),
                    got.len()
                ));
            }
        }
        _ if expected != actual => out.push(format!(
            "{}: expected {}, got {}",
            if path.is_empty() { "record" } else { path },
            short(expected),
            short(actual)
        )),
        _ => {}
    }
}

fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A value in one line, cut to a readable length.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{cut}…")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_names_the_changed_fields() {
        let want = json!({"year": 2020, "sections": [{"kind": "summary"}], "metrics": {"visits": {"value": 1}}});
        let got =
            json!({"year": 2021, "sections": [{"kind": "plan"}, {"kind": "other"}], "metrics": {}});
        let mut out = Vec::new();
        diff("", &want, &got, &mut out);
        assert_eq!(
            out,
            [
                "metrics.visits: missing (expected {\"value\":1})",
                "sections[0].kind: expected \"summary\", got \"plan\"",
                "sections: expected 1 items, got 2",
                "year: expected 2020, got 2021",
            ]
        );
    }
}
