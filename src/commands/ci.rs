//! `check`'s results in the formats CI systems read: GitHub Actions
//! workflow commands (`::error file=…,line=…::…`, shown on the pull
//! request's diff), GitLab's code-quality report (shown on the merge
//! request) and JUnit XML (one test case per report, with its file, line
//! and time).

use std::fmt::Write as _;

/// One report's result, as the formats read it.
pub(crate) struct Outcome<'a> {
    /// The report file.
    pub file: &'a str,
    /// `passed`, `failed` or `new`.
    pub status: &'static str,
    /// Each problem with the report's line it is about, if one.
    pub problems: Vec<(&'a str, Option<u32>)>,
    /// Seconds spent reading and extracting the report.
    pub seconds: f64,
}

/// GitHub workflow-command data: `%`, CR and LF escaped.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A GitHub workflow-command property value: also `:` and `,`.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The outcome as GitHub Actions annotations: an `::error` per problem
/// of a failed report, a `::notice` for a new one; nothing for a pass.
pub(crate) fn github(outcome: &Outcome<'_>) -> String {
    let file = github_property(outcome.file);
    let mut text = String::new();
    match outcome.status {
        "failed" => {
            for (problem, line) in &outcome.problems {
                let line = line.map_or_else(String::new, |l| format!(",line={l}"));
                let _ = writeln!(
                    text,
                    "::error file={file}{line},title=libreport check::{}",
                    github_data(problem)
                );
            }
        }
        "new" => {
            let _ = writeln!(
                text,
                "::notice file={file},title=libreport check::new report: no expected file yet (check --bless writes it)"
            );
        }
        _ => {}
    }
    text
}

/// A stable fingerprint (FNV-1a, 64 bits, in hex) of a problem, as
/// GitLab wants one per finding to follow it across runs.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The outcomes as a GitLab code-quality report: a JSON array with one
/// finding per problem (`major` for a failure, `info` for a new report).
pub(crate) fn gitlab(outcomes: &[Outcome<'_>]) -> String {
    let mut findings = Vec::new();
    for outcome in outcomes {
        let problems: Vec<(&str, Option<u32>)> = match outcome.status {
            "failed" => outcome.problems.clone(),
            "new" => vec![(
                "new report: no expected file yet (check --bless writes it)",
                None,
            )],
            _ => Vec::new(),
        };
        let severity = if outcome.status == "failed" {
            "major"
        } else {
            "info"
        };
        for (problem, line) in problems {
            findings.push(serde_json::json!({
                "description": problem,
                "check_name": "libreport-check",
                "fingerprint": fingerprint(&[outcome.file, problem]),
                "severity": severity,
                "location": {"path": outcome.file, "lines": {"begin": line.unwrap_or(1)}},
            }));
        }
    }
    let mut text = serde_json::to_string_pretty(&findings).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

/// XML text: `&`, `<`, `>`, `"` escaped; the control characters XML 1.0
/// has no place for become U+FFFD.
fn xml(text: &str) -> String {
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
}

/// The outcomes as a JUnit XML report: one test case per report with its
/// `file`, the `line` of its first problem and its `time`; its problems
/// as the failure's text; a new report is a skipped case, so a CI system
/// shows it without failing the run.
pub(crate) fn junit(outcomes: &[Outcome<'_>]) -> String {
    let failed = outcomes.iter().filter(|o| o.status == "failed").count();
    let skipped = outcomes.iter().filter(|o| o.status == "new").count();
    let time: f64 = outcomes.iter().map(|o| o.seconds).sum();
    let mut text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <testsuites name=\"libreport check\" tests=\"{n}\" failures=\"{failed}\" skipped=\"{skipped}\" time=\"{time:.3}\">\n\
         <testsuite name=\"libreport check\" tests=\"{n}\" failures=\"{failed}\" skipped=\"{skipped}\" time=\"{time:.3}\">\n",
        n = outcomes.len()
    );
    for outcome in outcomes {
        let name = xml(outcome.file);
        let line = outcome
            .problems
            .iter()
            .find_map(|(_, line)| *line)
            .map_or_else(String::new, |l| format!(" line=\"{l}\""));
        let head = format!(
            "<testcase classname=\"libreport.check\" name=\"{name}\" file=\"{name}\"{line} time=\"{:.3}\"",
            outcome.seconds
        );
        match outcome.status {
            "failed" => {
                let first = outcome.problems.first().map_or("", |(p, _)| p);
                let all: Vec<&str> = outcome.problems.iter().map(|(p, _)| *p).collect();
                let _ = writeln!(
                    text,
                    "{head}><failure message=\"{}\">{}</failure></testcase>",
                    xml(first),
                    xml(&all.join("\n"))
                );
            }
            "new" => {
                let _ = writeln!(
                    text,
                    "{head}><skipped message=\"no expected file yet (check --bless writes it)\"/></testcase>"
                );
            }
            _ => {
                let _ = writeln!(text, "{head}/>");
            }
        }
    }
    text.push_str("</testsuite>\n</testsuites>\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed() -> Outcome<'static> {
        Outcome {
            file: "r,1:x.txt",
            status: "failed",
            problems: vec![
                ("year: expected 2020, got 2021\n50%", Some(7)),
                ("no section found", None),
            ],
            seconds: 0.25,
        }
    }

    #[test]
    fn github_annotations_escape_their_properties_and_data() {
        assert_eq!(
            github(&failed()),
            "::error file=r%2C1%3Ax.txt,line=7,title=libreport check::year: expected 2020, got 2021%0A50%25\n\
             ::error file=r%2C1%3Ax.txt,title=libreport check::no section found\n"
        );
        let passed = Outcome {
            status: "passed",
            problems: Vec::new(),
            ..failed()
        };
        assert_eq!(github(&passed), "");
    }

    #[test]
    fn gitlab_findings_have_path_line_and_stable_fingerprints() {
        let report: serde_json::Value = serde_json::from_str(&gitlab(&[failed()])).expect("JSON");
        let findings = report.as_array().expect("array");
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0]["location"]["path"], "r,1:x.txt");
        assert_eq!(findings[0]["location"]["lines"]["begin"], 7);
        assert_eq!(findings[0]["severity"], "major");
        assert_ne!(findings[0]["fingerprint"], findings[1]["fingerprint"]);
        assert_eq!(gitlab(&[failed()]), gitlab(&[failed()]), "stable");
    }

    #[test]
    fn junit_cases_carry_file_line_and_time() {
        let xml = junit(&[failed()]);
        assert!(
            xml.contains(
                "name=\"r,1:x.txt\" file=\"r,1:x.txt\" line=\"7\" time=\"0.250\"><failure"
            ),
            "{xml}"
        );
    }
}
