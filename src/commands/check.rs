//! `check`: each report parses, and its record equals the expected file
//! beside it (the golden diff).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use serde_json::Value;

use libreport::contract::report::Record;

use crate::cli::{CheckArgs, CheckFormat};
use crate::output::{self, Out, message};

use super::batch::{for_each, jobs_and_unread, process};
use super::{ci, exit_code};

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
    /// The report's line each problem is about, where one is (a metric's
    /// line, a section's first line), in `problems`' order.
    #[serde(skip)]
    lines: Vec<Option<u32>>,
    /// Seconds spent reading and extracting the report.
    #[serde(skip)]
    seconds: f64,
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
    let timed = |job: &_, options: &_, max_bytes| {
        let start = std::time::Instant::now();
        let record = process(job, options, max_bytes);
        (record, start.elapsed().as_secs_f64())
    };
    for_each(&jobs, &args.input, timed, |(record, seconds)| {
        let mut outcome = check_record(&record, args.bless).unwrap_or_else(|err| Outcome {
            file: record.file().to_owned(),
            status: "failed",
            problems: vec![format!("{err:#}")],
            ..Outcome::default()
        });
        outcome.seconds = seconds;
        if args.strict && outcome.status == "new" && !args.bless {
            // --strict: a report nobody has looked at yet fails the run
            outcome.status = "failed";
            outcome.problems.push(format!(
                "new report: no {} yet (check --bless writes it)",
                expected_path(Path::new(&outcome.file)).display()
            ));
        }
        outcome.lines.resize(outcome.problems.len(), None);
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
        match args.format {
            CheckFormat::Json => {
                serde_json::to_writer(&mut out, &outcome)?;
                writeln!(out)?;
            }
            CheckFormat::Github => out.write_all(ci::github(&outcome_view(&outcome)).as_bytes())?,
            _ => {}
        }
        let keep = matches!(args.format, CheckFormat::Junit | CheckFormat::Gitlab);
        outcomes.push(Outcome {
            problems: if keep { outcome.problems } else { Vec::new() },
            lines: if keep { outcome.lines } else { Vec::new() },
            ..outcome
        });
        Ok(())
    })?;
    let count = |status| outcomes.iter().filter(|o| o.status == status).count();
    let (passed, failed, new) = (count("passed"), count("failed"), count("new"));
    let blessed = outcomes.iter().filter(|o| o.blessed.is_some()).count();
    let mut summary = format!("{passed} passed, {failed} failed, {new} new");
    if args.bless {
        let files = if blessed == 1 { "file" } else { "files" };
        summary.push_str(&format!("; {blessed} expected {files} written"));
    }
    match args.format {
        CheckFormat::Text => writeln!(out, "{summary}")?,
        CheckFormat::Junit => {
            let views: Vec<ci::Outcome<'_>> = outcomes.iter().map(outcome_view).collect();
            out.write_all(ci::junit(&views).as_bytes())?;
            message(&format!("libreport: {summary}"));
        }
        CheckFormat::Gitlab => {
            let views: Vec<ci::Outcome<'_>> = outcomes.iter().map(outcome_view).collect();
            out.write_all(ci::gitlab(&views).as_bytes())?;
            message(&format!("libreport: {summary}"));
        }
        CheckFormat::Json | CheckFormat::Github => message(&format!("libreport: {summary}")),
    }
    out.finish()?;
    Ok(exit_code(failed))
}

/// An outcome as the CI formats read it.
fn outcome_view(outcome: &Outcome) -> ci::Outcome<'_> {
    ci::Outcome {
        file: &outcome.file,
        status: outcome.status,
        problems: outcome
            .problems
            .iter()
            .zip(outcome.lines.iter().chain(std::iter::repeat(&None)))
            .map(|(p, l)| (p.as_str(), *l))
            .collect(),
        seconds: outcome.seconds,
    }
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
            let found = differences(record, &expected_file)?;
            outcome.lines.resize(problems.len(), None);
            let actual = comparable(record)?;
            outcome
                .lines
                .extend(found.iter().map(|(path, _)| line_of(&actual, path)));
            problems.extend(found.into_iter().map(|(_, problem)| problem));
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
    if read_expected(expected_file).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    // Only a regular file (or none) is replaced, never through a symlink
    // or into a FIFO: a planted link would have --bless write elsewhere.
    output::write_in_folder(expected_file, |w| Ok(w.write_all(text.as_bytes())?))?;
    Ok(true)
}

/// The most an expected file may hold: a record of a long report is a few
/// hundred KiB.
const MAX_EXPECTED_BYTES: u64 = 64 * 1024 * 1024;

/// An expected file's bytes: a regular file (or a link to one) only.
fn read_expected(path: &Path) -> std::io::Result<Vec<u8>> {
    libreport::input::read_regular_file(path, MAX_EXPECTED_BYTES)
}

/// The line of the report a field path of its record is about: the
/// `line` (or `start_line`) of the nearest object on the path that has
/// one (`metrics.visits.value` → the visits figure's line).
fn line_of(record: &Value, path: &str) -> Option<u32> {
    let mut at = record;
    let mut line = None;
    for part in path.split('.') {
        let (name, indexes) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            at = at.get(name)?;
        }
        for index in indexes.split('[').filter(|s| !s.is_empty()) {
            at = at.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
        let here = at.get("line").or_else(|| at.get("start_line"));
        if let Some(n) = here
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
        {
            line = Some(n);
        }
    }
    line
}

/// Where the record differs from its expected file, one line per field
/// (at most twenty, then a count), each with the field's path.
fn differences(record: &Record, expected_file: &Path) -> Result<Vec<(String, String)>> {
    let actual = comparable(record)?;
    let text = match read_expected(expected_file) {
        Ok(text) => text,
        Err(err) => {
            return Ok(vec![(
                String::new(),
                format!(
                    "cannot read {}: {}",
                    expected_file.display(),
                    libreport::error::Error::Io(err)
                ),
            )]);
        }
    };
    let expected: Value = match serde_json::from_slice(&text) {
        Ok(value) => value,
        Err(err) => bail!("{}: not JSON: {err}", expected_file.display()),
    };
    let mut differences = Vec::new();
    diff("", &expected, &actual, &mut differences);
    const SHOWN: usize = 20;
    let more = differences.len().saturating_sub(SHOWN);
    let mut problems: Vec<(String, String)> = differences
        .into_iter()
        .take(SHOWN)
        .map(|d| {
            let path = d.split(": ").next().unwrap_or_default().to_owned();
            (
                path,
                format!("differs from {}: {d}", expected_file.display()),
            )
        })
        .collect();
    if more > 0 {
        problems.push((String::new(), format!("… and {more} more differences")));
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
