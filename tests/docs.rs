//! The help a person reads: `--help` examples for every subcommand, shell
//! completions, the man page, and the README (its set-up commands, its
//! subcommands, its metric vocabulary table generated from `MetricKey::ALL`
//! and its warning kinds from `Warning::KINDS`; every console block is run,
//! and the pandas/DuckDB block too where Python has them).
//!
//! After changing the vocabulary, regenerate the README's table with
//! `LIBREPORT_BLESS=1 cargo test --test tests docs` and review the diff.

use std::fs;

use libreport::contract::metric_key::MetricKey;
use libreport::contract::report::Warning;

use crate::util::{code, root, run, stderr, stdout};

/// Every subcommand, as `libreport --help` lists them.
const SUBCOMMANDS: &[&str] = &[
    "extract",
    "view",
    "check",
    "text",
    "sections",
    "quantity",
    "keys",
    "schema",
    "completions",
    "man",
];

#[test]
fn help_lists_exactly_these_subcommands() {
    let help = stdout(&run(&["--help"]));
    let listed: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .expect("a Commands: section")
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A wrapped description continues further in.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    assert_eq!(listed, SUBCOMMANDS);
}

#[test]
fn every_subcommand_help_has_an_example_block() {
    for sub in SUBCOMMANDS {
        let output = run(&[sub, "--help"]);
        assert_eq!(code(&output), 0, "{sub} --help: {}", stderr(&output));
        let help = stdout(&output);
        let examples = help
            .split_once("Example")
            .map(|(_, rest)| rest)
            .unwrap_or_else(|| panic!("{sub} --help has no example block:\n{help}"));
        assert!(
            examples.contains(&format!("libreport {sub}")),
            "{sub}'s examples run {sub}:\n{help}"
        );
    }
}

#[test]
fn extract_help_explains_the_spreadsheet_flags() {
    let help = stdout(&run(&["extract", "--help"]));
    for needle in [
        "--bom",
        "--excel",
        "byte-order mark",
        "CRLF",
        "formula",
        "csv-long",
    ] {
        assert!(help.contains(needle), "extract --help mentions {needle}");
    }
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = run(&["completions", shell]);
        assert_eq!(code(&output), 0, "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        assert!(script.len() > 500, "{shell}: a real script");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completes {sub}");
        }
        // clap_complete's PowerShell script completes options, not values.
        if shell != "powershell" {
            assert!(
                script.contains("csv-long"),
                "{shell} completes --format values"
            );
        }
    }
    assert_eq!(code(&run(&["completions", "tcsh"])), 2, "unknown shell");
}

#[test]
fn man_prints_a_roff_page() {
    let output = run(&["man"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let page = stdout(&output);
    assert!(
        page.starts_with(".TH") || page.starts_with(".ie"),
        "roff: {}",
        &page[..page.len().min(80)]
    );
    assert!(page.contains(".TH libreport 1"));
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "the page lists {sub}");
    }
    let output = run(&["man", "extract"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.contains(".TH libreport-extract 1"));
    assert!(page.contains("\\-\\-excel"), "options are on the page");
    let output = run(&["man", "frobnicate"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("no subcommand"));
}

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).expect("README.md")
}

#[test]
fn readme_says_how_to_install_and_what_it_needs() {
    let readme = readme();
    for needle in [
        "cargo install --locked --path .",
        "~/.cargo/bin",
        "Rust 1.88 or newer",
        "chromium",
        "fonts-noto-cjk",
    ] {
        assert!(readme.contains(needle), "README says {needle}");
    }
    // the version the README names is the one Cargo.toml requires
    let manifest = fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("rust-version = \"1.88\""));
    // nothing points outside the repository
    for outside in ["../shared", "shared folder", "spec/report.md"] {
        assert!(
            !readme.contains(outside),
            "README points outside: {outside}"
        );
    }
}

#[test]
fn readme_shows_every_subcommand() {
    let readme = readme();
    for sub in SUBCOMMANDS {
        assert!(
            readme.contains(&format!("$ libreport {sub}")),
            "README shows `libreport {sub}` run, with its output"
        );
    }
    for needle in [
        "## 简介",
        "快速开始",
        "常见问题",
        "--excel",
        "## Exit status",
    ] {
        assert!(readme.contains(needle), "README has {needle}");
    }
}

const TABLE_START: &str = "<!-- metric-vocabulary: generated by tests/docs.rs -->\n";
const TABLE_END: &str = "<!-- /metric-vocabulary -->\n";

/// The README's vocabulary table, from the `metric_keys!` table.
fn vocabulary_table() -> String {
    let mut table = String::from("| key | unit | 中文 | meaning |\n| --- | --- | --- | --- |\n");
    for key in MetricKey::ALL {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            key.as_str(),
            key.base_unit().symbol(),
            key.label_zh(),
            key.meaning().replace('|', "\\|")
        ));
    }
    table
}

/// The README's warning kinds table, from `Warning::KINDS`.
fn warning_kinds_table() -> String {
    let mut table = String::from("| kind | what |\n| --- | --- |\n");
    for (kind, meaning) in Warning::KINDS {
        table.push_str(&format!("| `{kind}` | {meaning} |\n"));
    }
    table
}

/// Checks the generated table between `start` and `end`, or rewrites it
/// with `LIBREPORT_BLESS` set.
fn check_generated(start: &str, end: &str, want: &str, what: &str) {
    let readme = readme();
    let (before, rest) = readme
        .split_once(start)
        .unwrap_or_else(|| panic!("README has the {what} start marker"));
    let (table, after) = rest
        .split_once(end)
        .unwrap_or_else(|| panic!("README has the {what} end marker"));
    if table == want {
        return;
    }
    if std::env::var_os("LIBREPORT_BLESS").is_some() {
        let updated = format!("{before}{start}{want}{end}{after}");
        fs::write(root().join("README.md"), updated).expect("write README.md");
        return;
    }
    panic!(
        "README.md's {what} is out of date; run \
         LIBREPORT_BLESS=1 cargo test --test tests docs\nwant:\n{want}"
    );
}

#[test]
fn readme_vocabulary_table_is_generated_from_the_keys() {
    check_generated(
        TABLE_START,
        TABLE_END,
        &vocabulary_table(),
        "metric vocabulary",
    );
}

#[test]
fn readme_warning_kinds_are_generated_from_the_kinds() {
    check_generated(
        "<!-- warning-kinds: generated by tests/docs.rs -->\n",
        "<!-- /warning-kinds -->\n",
        &warning_kinds_table(),
        "warning kinds table",
    );
}

/// One `$ libreport …` example of the README and the output lines it shows.
#[derive(Debug)]
struct Example {
    line: usize,
    args: Vec<String>,
    shown: Vec<String>,
}

/// Every `$ libreport …` and `$ ls …` line in the README's code blocks,
/// with the lines shown under it up to the next `$ ` line or the end of
/// the block (`args` starts with `ls` for a listing). Commands with pipes
/// or redirections are left out (their output is not the binary's alone);
/// a console block holds none ([`readme_console_blocks_hold_only_what_is_run`]).
fn readme_examples(readme: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    let mut in_block = false;
    let mut current: Option<Example> = None;
    for (n, line) in readme.lines().enumerate() {
        if line.starts_with("```") {
            in_block = !in_block;
            examples.extend(current.take());
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            examples.extend(current.take());
            let command = command.split(" # ").next().unwrap_or_default();
            let runnable = !command.contains(['|', '>', '<']);
            let mut words = shell_words(command).into_iter();
            match words.next().as_deref() {
                Some("libreport") if runnable => {
                    current = Some(Example {
                        line: n + 1,
                        args: words.collect(),
                        shown: Vec::new(),
                    });
                }
                Some("ls") if runnable => {
                    current = Some(Example {
                        line: n + 1,
                        args: std::iter::once("ls".to_owned()).chain(words).collect(),
                        shown: Vec::new(),
                    });
                }
                _ => {}
            }
        } else if let Some(example) = &mut current {
            example.shown.push(line.to_owned());
        }
    }
    examples
}

/// Splits a command line as a shell would, for the single quotes the
/// README uses ('168.52 万元').
fn shell_words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in command.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// True when an output line is what the README shows: equal, or starting
/// with the text before a trailing `…`.
fn shows(shown: &str, actual: &str) -> bool {
    match shown.strip_suffix('…') {
        Some(prefix) => actual.starts_with(prefix),
        None => actual.trim_end() == shown.trim_end(),
    }
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let examples = readme_examples(&readme());
    assert!(
        examples.len() >= 8,
        "the README's examples are found: {examples:?}"
    );
    // Run where the README's paths exist, without writing into the repo.
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("fixtures")).expect("mkdir");
    for file in fs::read_dir(root().join("fixtures")).expect("fixtures") {
        let path = file.expect("entry").path();
        fs::copy(
            &path,
            dir.path()
                .join("fixtures")
                .join(path.file_name().expect("name")),
        )
        .expect("copy fixture");
    }
    let mut failures = Vec::new();
    for example in &examples {
        let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
        let text = match args.split_first() {
            // `ls DIR`, as ls(1) prints it on a wide terminal: one line
            Some((&"ls", [dir_name])) => {
                let mut names: Vec<String> = fs::read_dir(dir.path().join(dir_name))
                    .map(|entries| {
                        entries
                            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                            .collect()
                    })
                    .unwrap_or_default();
                names.sort();
                names.join("  ")
            }
            _ => {
                let output = crate::util::run_in(dir.path(), &args);
                format!("{}{}", stdout(&output), stderr(&output))
            }
        };
        let mut actual = text.lines();
        for shown in example.shown.iter().filter(|l| l.trim() != "…") {
            if !actual.any(|a| shows(shown, a)) {
                failures.push(format!(
                    "README.md:{}: `libreport {}` does not print (in this order):\n  {shown}",
                    example.line,
                    args.join(" ")
                ));
                break;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the README shows output the binary does not print; paste the real output:\n{}",
        failures.join("\n")
    );
}

/// The `$ ` lines of the README's ```console blocks: every one is run by
/// [`readme_examples_print_what_the_readme_shows`], so none may be of a
/// kind it leaves out.
#[test]
fn readme_console_blocks_hold_only_what_is_run() {
    let readme = readme();
    let mut in_console = false;
    let mut in_block = false;
    let mut stray = Vec::new();
    for (n, line) in readme.lines().enumerate() {
        if let Some(info) = line.strip_prefix("```") {
            in_block = !in_block;
            in_console = in_block && info.trim() == "console";
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ")
            && in_console
        {
            let command = command.split(" # ").next().unwrap_or_default();
            let first = command.split_whitespace().next();
            let runnable =
                matches!(first, Some("libreport" | "ls")) && !command.contains(['|', '>', '<']);
            if !runnable {
                stray.push(format!("README.md:{}: {line}", n + 1));
            }
        }
    }
    assert!(
        stray.is_empty(),
        "console lines the README test cannot run (use a ```sh block for \
         instructions, or a ```python file=… block with its output):\n{}",
        stray.join("\n")
    );
}

/// The README's ```python file=NAME blocks, each with the ```text block
/// that follows it: (line, code, shown output).
fn readme_python(readme: &str) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    let lines: Vec<&str> = readme.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with("```python file=") {
            let start = i + 1;
            let mut end = start;
            while end < lines.len() && !lines[end].starts_with("```") {
                end += 1;
            }
            let code = lines[start..end].join("\n") + "\n";
            let mut text = end + 1;
            while text < lines.len() && lines[text].trim().is_empty() {
                text += 1;
            }
            assert!(
                lines.get(text) == Some(&"```text"),
                "README.md:{}: a python block is followed by its ```text output",
                i + 1
            );
            let mut close = text + 1;
            while close < lines.len() && !lines[close].starts_with("```") {
                close += 1;
            }
            let shown = lines[text + 1..close].join("\n") + "\n";
            found.push((i + 1, code, shown));
            i = close;
        }
        i += 1;
    }
    found
}

#[test]
#[ignore = "needs python3 with pandas and duckdb (pip install pandas duckdb); .ci/run installs them and runs this"]
fn readme_pandas_and_duckdb_block_prints_what_the_readme_shows() {
    let blocks = readme_python(&readme());
    assert!(!blocks.is_empty(), "the README has its python block");
    let dir = tempfile::tempdir().expect("temp dir");
    // the file the README's console line makes before the block, a
    // command that succeeds (a reader may run the two in a script)
    let output = crate::util::run_in(
        dir.path(),
        &[
            "extract",
            &root().join("fixtures").display().to_string(),
            "--format",
            "jsonl",
            "-o",
            "reports.jsonl",
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    // the README's records name fixtures/…, as when run from the clone
    let jsonl = fs::read_to_string(dir.path().join("reports.jsonl")).expect("jsonl");
    let prefix = format!("{}/", root().join("fixtures").display());
    fs::write(
        dir.path().join("reports.jsonl"),
        jsonl.replace(&prefix, "fixtures/"),
    )
    .expect("write");
    for (line, code, shown) in blocks {
        let output = std::process::Command::new("python3")
            .current_dir(dir.path())
            .args(["-c", &code])
            .output()
            .expect("python3 runs");
        assert!(
            output.status.success(),
            "README.md:{line}: python failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let printed = String::from_utf8(output.stdout).expect("UTF-8");
        assert_eq!(
            printed, shown,
            "README.md:{line}: the block prints something else; paste the real output"
        );
    }
}
