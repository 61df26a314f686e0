//! `check`: each report parses, and its record equals the expected file
//! beside it (the golden diff).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use libreport::report::Record;

use crate::cli::{CheckArgs, CheckFormat};
use crate::output::{Out, message};

use super::batch::{for_each_record, jobs_and_unread};
use super::exit_code;

/// The expected-record file beside a report: `NAME.expected.json`.
fn expected_path(report: &Path) -> PathBuf {
    report.with_extension("expected.json")
}

/// What `check` found for one report.
#[derive(Debug, Default, serde::Serialize)]
struct Outcome {
    /// The report file.
    file: String,
    /// `passed`, `failed` or `new` (no expected file yet, nothing wrong).
    status: &'static str,
    /// What is wrong, one line each: a missing field, or a field of the
    /// record that differs from the expected file (named by its path).
    problems: Vec<String>,
    /// The expected file `--bless` wrote, when its content changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    blessed: Option<String>,
}

pub(crate) fn check(args: CheckArgs) -> Result<ExitCode> {
    // A fixtures folder holds the expected files beside the reports:
    // check passes over what it does not read without a word.
    let (jobs, _) = jobs_and_unread(&args.input, false)?;
    let mut outcomes = Vec::new();
    let mut out = Out::stdout();
    for_each_record(&jobs, &args.input, |record| {
        let outcome = check_record(&record, args.bless).unwrap_or_else(|err| Outcome {
            file: record.file().to_owned(),
            status: "failed",
            problems: vec![format!("{err:#}")],
            blessed: None,
        });
        if args.format == CheckFormat::Text {
            for problem in &outcome.problems {
                message(&format!("libreport: {}: {problem}", outcome.file));
            }
            if outcome.status == "new" && !args.bless {
                message(&format!(
                    "libreport: {}: new: no {} yet (check --bless writes it)",
                    outcome.file,
                    expected_path(Path::new(&outcome.file)).display()
                ));
            }
            if let Some(blessed) = &outcome.blessed {
                writeln!(out, "wrote {blessed}")?;
            }
        }
        if args.format == CheckFormat::Json {
            serde_json::to_writer(&mut out, &outcome)?;
            writeln!(out)?;
        }
        outcomes.push(Outcome {
            problems: if args.format == CheckFormat::Junit {
                outcome.problems
            } else {
                Vec::new()
            },
            ..outcome
        });
        Ok(())
    })?;
    let count = |status| outcomes.iter().filter(|o| o.status == status).count();
    let (passed, failed, new) = (count("passed"), count("failed"), count("new"));
    let blessed = outcomes.iter().filter(|o| o.blessed.is_some()).count();
    let mut summary = format!("{passed} passed, {failed} failed, {new} new");
    if args.bless {
        summary.push_str(&format!("; {blessed} expected files written"));
    }
    match args.format {
        CheckFormat::Text => writeln!(out, "{summary}")?,
        CheckFormat::Junit => {
            out.write_all(junit(&outcomes).as_bytes())?;
            message(&format!("libreport: {summary}"));
        }
        CheckFormat::Json => message(&format!("libreport: {summary}")),
    }
    out.finish()?;
    Ok(exit_code(failed))
}

/// The outcomes as a JUnit XML report: one test case per report, its
/// problems as the failure's text; a new report is a skipped case, so a CI
/// system shows it without failing the run.
fn junit(outcomes: &[Outcome]) -> String {
    // XML 1.0 has no place for most control characters: they become U+FFFD.
    let esc = |text: &str| {
        text.chars()
            .map(|c| {
                if c < ' ' && !matches!(c, '\t' | '\n' | '\r') {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let failed = outcomes.iter().filter(|o| o.status == "failed").count();
    let skipped = outcomes.iter().filter(|o| o.status == "new").count();
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <testsuites name=\"libreport check\" tests=\"{n}\" failures=\"{failed}\" skipped=\"{skipped}\">\n\
         <testsuite name=\"libreport check\" tests=\"{n}\" failures=\"{failed}\" skipped=\"{skipped}\">\n",
        n = outcomes.len()
    );
    for outcome in outcomes {
        let name = esc(&outcome.file);
        match outcome.status {
            "failed" => {
                let first = outcome.problems.first().map_or("", String::as_str);
                xml.push_str(&format!(
                    "<testcase classname=\"libreport.check\" name=\"{name}\">\
                     <failure message=\"{}\">{}</failure></testcase>\n",
                    esc(first),
                    esc(&outcome.problems.join("\n"))
                ));
            }
            "new" => xml.push_str(&format!(
                "<testcase classname=\"libreport.check\" name=\"{name}\">\
                 <skipped message=\"no expected file yet (check --bless writes it)\"/></testcase>\n"
            )),
            _ => xml.push_str(&format!(
                "<testcase classname=\"libreport.check\" name=\"{name}\"/>\n"
            )),
        }
    }
    xml.push_str("</testsuite>\n</testsuites>\n");
    xml
}

/// Checks one record: its fields, then against its expected file (or
/// writes that file, with `bless`).
fn check_record(record: &Record, bless: bool) -> Result<Outcome> {
    let mut outcome = Outcome {
        file: record.file().to_owned(),
        status: "passed",
        ..Outcome::default()
    };
    let report = match record {
        Record::Failed(failed) => {
            outcome.status = "failed";
            outcome.problems.push(failed.error.clone());
            return Ok(outcome);
        }
        Record::Report(report) => report,
    };
    let problems = &mut outcome.problems;
    if report.library.is_none() {
        problems.push("no library name found".to_owned());
    }
    if report.year.is_none() {
        problems.push("no report year found".to_owned());
    }
    if report.sections.is_empty() {
        problems.push("no section found".to_owned());
    }
    if report.file != "-" {
        let expected_file = expected_path(Path::new(&report.file));
        if bless {
            let existed = expected_file.exists();
            if bless_file(record, &expected_file)? {
                outcome.blessed = Some(expected_file.display().to_string());
            }
            if !existed && problems.is_empty() {
                outcome.status = "new";
            }
        } else if expected_file.exists() {
            problems.extend(differences(record, &expected_file)?);
        } else if problems.is_empty() {
            outcome.status = "new";
        }
    }
    if !outcome.problems.is_empty() {
        outcome.status = "failed";
    }
    Ok(outcome)
}

/// Writes the record as `expected_file`; true when the file's content
/// changed (or it is new).
fn bless_file(record: &Record, expected_file: &Path) -> Result<bool> {
    let mut text = serde_json::to_string_pretty(&comparable(record)?)?;
    text.push('\n');
    if fs::read(expected_file).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    fs::write(expected_file, text).with_context(|| format!("{}", expected_file.display()))?;
    Ok(true)
}

/// Where the record differs from its expected file, one line per field
/// (at most twenty, then a count).
fn differences(record: &Record, expected_file: &Path) -> Result<Vec<String>> {
    let actual = comparable(record)?;
    let text = fs::read_to_string(expected_file)
        .with_context(|| format!("{}", expected_file.display()))?;
    let expected: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(err) => bail!("{}: not JSON: {err}", expected_file.display()),
    };
    let mut differences = Vec::new();
    diff("", &expected, &actual, &mut differences);
    const SHOWN: usize = 20;
    let more = differences.len().saturating_sub(SHOWN);
    let mut problems: Vec<String> = differences
        .into_iter()
        .take(SHOWN)
        .map(|d| format!("differs from {}: {d}", expected_file.display()))
        .collect();
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
