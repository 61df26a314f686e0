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
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut offences = Vec::new();
    let mut scanned = 0;
    for path in &files {
        let name = path
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if PRESENTATION.iter().any(|p| name.starts_with(p)) || name.ends_with("tests.rs") {
            continue;
        }
        let code = fs::read_to_string(path).expect("a source file");
        // the unit tests at the end of a file write reports of their own
        let code = code
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or(&code);
        scanned += 1;
        for (line, text) in literals(code) {
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
