//! The line a person watching a batch on a terminal reads at its end:
//! `N reports, N failed, N with warnings (most common: …)`.

use std::collections::HashMap;
use std::io::{self, IsTerminal};

use libreport::contract::report::Record;

use crate::output::message;

/// Counts of a batch, as its records go by.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// Inputs that yielded a report.
    pub reports: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Reports with at least one warning.
    pub with_warnings: usize,
    /// Per warning kind, how many reports have one.
    kinds: HashMap<&'static str, usize>,
    /// Per kind of file (`.json`), how many files of directories no
    /// reader takes.
    skipped: HashMap<String, usize>,
}

impl Summary {
    /// Counts one record.
    pub fn add(&mut self, record: &Record) {
        let Record::Report(report) = record else {
            self.failed += 1;
            return;
        };
        self.reports += 1;
        if report.warnings.is_empty() {
            return;
        }
        self.with_warnings += 1;
        let mut kinds: Vec<&'static str> = report.warnings.iter().map(|w| w.kind()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            *self.kinds.entry(kind).or_default() += 1;
        }
    }

    /// Counts the files of directories that no reader took.
    pub fn add_skipped(&mut self, unread: &[super::batch::Unread]) {
        for file in unread {
            *self.skipped.entry(file.kind.clone()).or_default() += 1;
        }
    }

    /// How many files no reader took.
    pub fn skipped(&self) -> usize {
        self.skipped.values().sum()
    }

    /// The summary line: `12 reports, 1 failed, 9 with warnings (most
    /// common: doubtful_figure 7, unclassified_section 4, …)`.
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} reports, {} failed, {} with warnings",
            self.reports, self.failed, self.with_warnings
        );
        let mut kinds: Vec<(&str, usize)> = self.kinds.iter().map(|(&k, &n)| (k, n)).collect();
        // most reports first, then by name, so the line is the same each run
        kinds.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        if !kinds.is_empty() {
            let shown: Vec<String> = kinds
                .iter()
                .take(3)
                .map(|(kind, n)| format!("{kind} {n}"))
                .collect();
            let more = if kinds.len() > 3 { ", …" } else { "" };
            line.push_str(&format!(" (most common: {}{more})", shown.join(", ")));
        }
        let skipped = self.skipped();
        if skipped > 0 {
            let mut kinds: Vec<(&str, usize)> =
                self.skipped.iter().map(|(k, &n)| (k.as_str(), n)).collect();
            kinds.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
            let files = if skipped == 1 { "file" } else { "files" };
            line.push_str(&format!(
                "; {skipped} {files} skipped: {}",
                kinds.join(", ")
            ));
        }
        line
    }

    /// Prints the line on stderr after a batch of more than one input,
    /// when a person is watching ([`watched`]).
    pub fn print(&self, inputs: usize, quiet: bool) {
        if inputs + self.skipped() > 1 && watched(quiet) {
            message(&format!("libreport: {}", self.line()));
        }
    }
}

/// True when a person watches the batch: both stderr, where the progress
/// bar and the summary go, and stdout are a terminal, and `--quiet` was
/// not given. Records piped on (Spark's `pipe`, GNU parallel, `> all.jsonl`)
/// are a machine's work, and its stderr gets only the failures' lines;
/// `--output FILE` keeps the bar.
pub(crate) fn watched(quiet: bool) -> bool {
    !quiet && io::stderr().is_terminal() && io::stdout().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use libreport::contract::report::{FailedFile, LibraryReport, Warning};

    fn report(warnings: Vec<Warning>) -> Record {
        Record::Report(Box::new(LibraryReport {
            warnings,
            ..LibraryReport::default()
        }))
    }

    fn unread(name: &str, kind: &str) -> crate::commands::batch::Unread {
        crate::commands::batch::Unread {
            name: name.to_owned(),
            kind: kind.to_owned(),
            cause: "no reader".to_owned(),
        }
    }

    #[test]
    fn the_line_counts_reports_failures_and_warning_kinds() {
        let mut summary = Summary::default();
        summary.add(&report(Vec::new()));
        summary.add(&report(vec![Warning::NoLibrary, Warning::NoLibrary]));
        summary.add(&report(vec![
            Warning::NoLibrary,
            Warning::NoYear {
                candidates: Vec::new(),
            },
        ]));
        summary.add(&Record::Failed(FailedFile {
            file: "x.txt".into(),
            error: "no such file or directory".into(),
            error_zh: "没有这个文件或目录".into(),
        }));
        assert_eq!(
            summary.line(),
            "3 reports, 1 failed, 2 with warnings (most common: no_library 2, no_year 1)"
        );
        summary.add_skipped(&[
            unread("a.doc", ".doc"),
            unread("b.doc", ".doc"),
            unread("README", "(no extension)"),
        ]);
        assert_eq!(
            summary.line(),
            "3 reports, 1 failed, 2 with warnings (most common: no_library 2, no_year 1); \
             3 files skipped: 2 .doc, 1 (no extension)"
        );
        assert_eq!(
            Summary::default().line(),
            "0 reports, 0 failed, 0 with warnings"
        );
    }
}
