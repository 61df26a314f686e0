//! House rules the compiler cannot check.
//!
//! Words live in `src/tables/`: a Chinese word or mark written as a literal
//! in a stage's code is a rule no table shows, and the next wording of the
//! same rule would be added beside it instead of as a row. The output
//! contract (`src/contract/`) and the modules that only present a record to
//! people (the page, the workbook, the data dictionary, the commands and
//! their messages) print Chinese labels: that is their job, not a rule.

use std::fs;
use std::path::{Path, PathBuf};

/// Folders and files of `src/` whose Chinese literals are labels for people.
const PRESENTATION: &[&str] = &[
    "tables/",
    "contract/",
    "view/",
    "write/",
    "commands/",
    "cli.rs",
    "main.rs",
    "output.rs",
    "files.rs",
    "dictionary.rs",
    "schema.rs",
    "error.rs",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file of `src/` but the unit tests, sorted: its path under
/// `src/` and its code up to the unit tests at its end (which write
/// reports of their own).
fn library_sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .iter()
        .map(|path| {
            let name = path
                .strip_prefix(&src)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            let code = fs::read_to_string(path).expect("a source file");
            let code = code
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default()
                .to_owned();
            (name, code)
        })
        .filter(|(name, _)| !name.ends_with("tests.rs"))
        .collect()
}

/// Whether a character is Chinese: a Han character, or a full-width or
/// CJK mark.
fn is_chinese(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// The string and character literals of `code` (comments skipped), with
/// the line each starts on.
fn literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\n' => line += 1,
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            'r' if matches!(chars.get(i + 1), Some('"' | '#'))
                && (i == 0 || !chars[i - 1].is_alphanumeric() && chars[i - 1] != '_') =>
            {
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                if chars.get(i + 1 + hashes) == Some(&'"') {
                    let start = i + 2 + hashes;
                    let mut end = start;
                    while end < chars.len()
                        && !(chars[end] == '"'
                            && chars[end + 1..]
                                .iter()
                                .take(hashes)
                                .filter(|&&c| c == '#')
                                .count()
                                == hashes)
                    {
                        end += 1;
                    }
                    let text: String = chars[start..end.min(chars.len())].iter().collect();
                    found.push((line, text.clone()));
                    line += text.matches('\n').count();
                    i = end + 1 + hashes;
                    continue;
                }
            }
            '"' => {
                let mut text = String::new();
                i += 1;
                let at = line;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if chars.get(i) == Some(&'\n') {
                        line += 1;
                    }
                    if let Some(&c) = chars.get(i) {
                        text.push(c);
                    }
                    i += 1;
                }
                found.push((at, text));
            }
            '\'' => {
                if chars.get(i + 1) == Some(&'\\') {
                    let end = (i + 2..chars.len())
                        .find(|&j| chars[j] == '\'')
                        .unwrap_or(i);
                    i = end;
                } else if chars.get(i + 2) == Some(&'\'') {
                    found.push((line, chars[i + 1].to_string()));
                    i += 2;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// An English message that quotes a Chinese example (`vague numeral (a
/// range such as 两三)`) is a message, not a rule word.
fn is_english_message(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .count()
        >= 2
}

#[test]
fn chinese_words_live_in_tables() {
    let mut offences = Vec::new();
    let mut scanned = 0;
    for (name, code) in library_sources() {
        if PRESENTATION.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        scanned += 1;
        for (line, text) in literals(&code) {
            if text.chars().any(is_chinese) && !is_english_message(&text) {
                offences.push(format!("src/{name}:{line}: {text:?}"));
            }
        }
    }
    assert!(scanned > 30, "the stage modules are scanned ({scanned})");
    assert!(
        offences.is_empty(),
        "Chinese literals in stage code (put them in a table under src/tables/):\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_literal_scanner_finds_what_it_should() {
    let code = "let a = '：'; // 注释 '、'\nlet b = \"图书馆\"; let c: &'static str = r#\"年\"#;\n/* '。' */ let d = \"vague numeral (a range such as 两三), no value\";";
    let texts: Vec<String> = literals(code)
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| t.chars().any(is_chinese) && !is_english_message(t))
        .collect();
    assert_eq!(texts, ["：", "图书馆", "年"]);
}

/// The stages from the bottom up: a module may ask modules of its own rank
/// or below, never above, so data flows one way (bytes → text → lines →
/// sections → record). The phrase readers (numeral, date, quantity) know
/// nothing of lines, so every stage from reading on may ask them.
const RANKS: &[(&str, u8)] = &[
    ("contract", 0),
    ("matcher", 1),
    ("tables", 2),
    ("text", 3),
    ("fold", 3),
    ("hygiene", 3),
    ("numeral", 4),
    ("date", 5),
    ("quantity", 6),
    ("title", 6),
    ("phrase", 6),
    ("label", 6),
    ("region", 6),
    ("decode", 7),
    ("error", 7),
    ("read", 7),
    ("heading", 8),
    ("clean", 8),
    ("segment", 9),
    ("stat_table", 10),
    ("metrics", 10),
    ("chronicle", 10),
    ("plan", 10),
    ("identity", 10),
    ("pipeline", 11),
    ("audit", 12),
    ("input", 12),
    ("view", 12),
    ("write", 12),
    ("schema", 12),
    ("dictionary", 12),
];

/// Calls up the layers that are meant, with why.
const UPWARD: &[(&str, &str)] = &[
    // segment asks whether a heading-shaped row is a statistics form's
    // header; the grammar of a header is the table reader's.
    ("segment", "stat_table"),
];

#[test]
fn stages_ask_only_the_stages_below() {
    let rank = |name: &str| RANKS.iter().find(|(m, _)| *m == name).map(|&(_, r)| r);
    let mut offences = Vec::new();
    for (name, code) in library_sources() {
        let module = name
            .split('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".rs");
        let Some(own) = rank(module) else { continue };
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        let mut used: Vec<&str> = code
            .split("crate::")
            .skip(1)
            .filter_map(|rest| {
                let rest = rest.strip_prefix('{').unwrap_or(rest);
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
            })
            .collect();
        for group in code.split("use crate::{").skip(1) {
            let inner = group.split('}').next().unwrap_or_default();
            used.extend(
                inner
                    .split(',')
                    .map(|w| w.trim().split("::").next().unwrap_or_default()),
            );
        }
        for other in used {
            if let Some(theirs) = rank(other)
                && theirs > own
                && !UPWARD.contains(&(module, other))
            {
                offences.push(format!(
                    "src/{name} ({module}, rank {own}) uses {other} (rank {theirs})"
                ));
            }
        }
    }
    offences.sort();
    offences.dedup();
    assert!(
        offences.is_empty(),
        "calls up the layers:\n{}",
        offences.join("\n")
    );
}
