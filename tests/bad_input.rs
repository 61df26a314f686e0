//! Any file a user has: bad input fails alone with a clear message, the
//! batch goes on, nothing is printed half, and nothing panics.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::{code, json_lines, root, run_in, stderr, stdout};

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    fs::read(root().join("fixtures").join(name)).expect("fixture")
}

/// Runs `extract --format jsonl` on `names` in `dir` with one good report
/// before and after, and returns the middle record and stderr.
fn extract_between_good_ones(dir: &Path, name: &str, extra: &[&str]) -> (Value, String, i32) {
    fs::write(dir.join("a-good.txt"), fixture_bytes("wulong-2020.txt")).expect("write");
    fs::write(dir.join("z-good.txt"), fixture_bytes("anju-2020.txt")).expect("write");
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(extra);
    args.extend(["a-good.txt", name, "z-good.txt"]);
    let output = run_in(dir, &args);
    let records = json_lines(&stdout(&output));
    assert_eq!(
        records.len(),
        3,
        "every input has one record: {}",
        stderr(&output)
    );
    assert_eq!(
        records[0]["library"], "重庆市武隆区图书馆",
        "{}",
        records[0]
    );
    assert_eq!(records[2]["library"], "安居区图书馆");
    (records[1].clone(), stderr(&output), code(&output))
}

/// The record is an error record naming the file, stderr says the same
/// cause in one line, and the exit code is 1.
fn assert_fails_with(dir: &Path, name: &str, bytes: &[u8], cause: &str) {
    fs::write(dir.join(name), bytes).expect("write");
    let (record, err, status) = extract_between_good_ones(dir, name, &[]);
    assert_eq!(status, 1, "{name}");
    let object = record.as_object().expect("object");
    assert_eq!(
        object.len(),
        3,
        "an error record has only file, error and error_zh: {record}"
    );
    let zh = record["error_zh"].as_str().expect("error_zh text");
    assert!(
        !zh.is_empty() && !zh.is_ascii() && !zh.starts_with("无法读取：not"),
        "{name}: a Chinese cause: {zh}"
    );
    assert_eq!(record["file"], name);
    let error = record["error"].as_str().expect("error text");
    assert!(
        error.contains(cause),
        "{name}: {error:?} should say {cause:?}"
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines, [format!("libreport: {name}: {error}")], "{name}");
}

#[test]
fn binary_files_are_refused_by_what_they_are() {
    let dir = temp_dir();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    assert_fails_with(dir.path(), "scan.png.txt", png, "PNG");
    assert_fails_with(
        dir.path(),
        "report.docx.txt",
        b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0",
        "not text",
    );
    assert_fails_with(
        dir.path(),
        "report.pdf.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "PDF",
    );
}

#[test]
fn empty_and_blank_files_are_refused() {
    let dir = temp_dir();
    assert_fails_with(dir.path(), "empty.txt", b"", "empty");
    assert_fails_with(
        dir.path(),
        "blank.txt",
        " \r\n\t\u{3000}\n".as_bytes(),
        "white space",
    );
}

#[test]
fn a_text_without_a_report_is_refused() {
    let dir = temp_dir();
    let text =
        "会议通知：请各部门于周五下午三点到三楼会议室开会，讨论下季度的工作安排事项。".repeat(3);
    assert_fails_with(
        dir.path(),
        "notice.txt",
        text.as_bytes(),
        "not a library report",
    );
}

#[test]
fn a_truncated_character_at_the_end_is_a_warning_not_a_failure() {
    let dir = temp_dir();
    let mut bytes = fixture_bytes("yuancheng-2020.txt");
    bytes.extend_from_slice(&"馆".as_bytes()[..2]);
    fs::write(dir.path().join("cut.txt"), &bytes).expect("write");
    let (record, _, status) = extract_between_good_ones(dir.path(), "cut.txt", &[]);
    assert_eq!(status, 0);
    assert_eq!(record["library"], "河源市源城区图书馆");
    let warnings = record["warnings"].to_string();
    assert!(warnings.contains("did not decode"), "{warnings}");
}

#[test]
fn missing_files_and_directories_without_reports() {
    let dir = temp_dir();
    fs::create_dir(dir.path().join("empty-dir")).expect("mkdir");
    let (record, err, status) = extract_between_good_ones(dir.path(), "nowhere.txt", &[]);
    assert_eq!(status, 1);
    assert_eq!(record["error"], "no such file or directory");
    assert!(err.contains("libreport: nowhere.txt: no such file or directory"));
    let (record, _, status) = extract_between_good_ones(dir.path(), "empty-dir", &[]);
    assert_eq!(status, 1);
    assert_eq!(
        record["error"],
        "directory holds no report file (.txt .html .htm .xhtml .xlsx .xls .et .ods .xlsm .doc .wps .dot .docx .pdf .png .jpg .jpeg .tif .tiff .mht .mhtml)"
    );
}

#[test]
fn files_over_the_size_limit_are_refused_unread() {
    let dir = temp_dir();
    // A sparse 1 GiB file: refused from its size, never read into memory.
    let huge = fs::File::create(dir.path().join("huge.txt")).expect("create");
    huge.set_len(1 << 30).expect("sparse file");
    let (record, _, status) = extract_between_good_ones(dir.path(), "huge.txt", &[]);
    assert_eq!(status, 1);
    let error = record["error"].as_str().expect("error");
    assert!(
        error.contains("1073741824 bytes") && error.contains("--max-bytes"),
        "{error}"
    );

    // The good reports are under 13 kB; this one is over 20 kB.
    let long = fixture_bytes("zhucheng-2020.txt").repeat(3);
    fs::write(dir.path().join("long.txt"), long).expect("write");
    let (record, _, status) =
        extract_between_good_ones(dir.path(), "long.txt", &["--max-bytes", "15000"]);
    assert_eq!(status, 1);
    let error = record["error"].as_str().unwrap_or_default();
    assert!(error.contains("over the limit of 15000"), "{record}");
}

#[test]
fn a_single_long_line_is_read_in_linear_time() {
    let dir = temp_dir();
    // ~12 MB on one line: a report whose line breaks were all lost.
    let text = fs::read_to_string(root().join("fixtures/zhucheng-2020.txt")).expect("fixture");
    let one_line = text.replace(['\n', '\r'], "").repeat(350);
    fs::write(dir.path().join("one-line.txt"), one_line).expect("write");
    let (record, err, status) = extract_between_good_ones(dir.path(), "one-line.txt", &[]);
    assert_eq!(status, 0, "{err}");
    assert_eq!(record["library"], "诸城市图书馆");
}

#[test]
fn order_is_kept_with_two_threads() {
    let dir = temp_dir();
    let names = [
        "anju-2020.txt",
        "wulong-2020.txt",
        "yuancheng-2020.txt",
        "zhucheng-2020.txt",
    ];
    let mut args = vec!["extract", "--format", "jsonl", "-j", "2"];
    let mut want = Vec::new();
    for i in 0..40 {
        let name = format!("r{i:03}.txt");
        let source = names[(i * 7) % 4];
        fs::write(dir.path().join(&name), fixture_bytes(source)).expect("write");
        want.push(name);
    }
    let owned: Vec<String> = want.iter().rev().cloned().collect();
    args.extend(owned.iter().map(String::as_str));
    let output = run_in(dir.path(), &args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let files: Vec<String> = json_lines(&stdout(&output))
        .iter()
        .map(|r| r["file"].as_str().expect("file").to_owned())
        .collect();
    assert_eq!(files, owned, "records come in the order given");
}

#[test]
fn output_file_is_replaced_only_when_complete() {
    let dir = temp_dir();
    let out = dir.path().join("out.json");
    fs::write(&out, "previous run\n").expect("write");
    // A failing run (bad --encoding is found before any record) leaves the
    // previous output alone.
    let output = run_in(
        dir.path(),
        &["extract", "--encoding", "klingon", "-o", "out.json", "."],
    );
    assert_eq!(code(&output), 2);
    assert_eq!(fs::read_to_string(&out).expect("read"), "previous run\n");
    // A run killed in the middle leaves it alone too.
    for i in 0..300 {
        fs::write(
            dir.path().join(format!("r{i:03}.txt")),
            fixture_bytes("wulong-2020.txt"),
        )
        .expect("write");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_libreport"))
        .current_dir(dir.path())
        .args(["extract", "-j", "1", "-o", "out.json", "."])
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(30));
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert_eq!(fs::read_to_string(&out).expect("read"), "previous run\n");
    // A complete run replaces it with a whole JSON array.
    let output = run_in(dir.path(), &["extract", "-o", "out.json", "."]);
    assert_eq!(code(&output), 0);
    let records: Vec<Value> =
        serde_json::from_str(&fs::read_to_string(&out).expect("read")).expect("whole JSON");
    assert_eq!(records.len(), 300);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut args = vec![
        "extract".to_owned(),
        "--format".to_owned(),
        "jsonl".to_owned(),
    ];
    args.extend(std::iter::repeat_n("fixtures".to_owned(), 200));
    let mut child = Command::new(env!("CARGO_BIN_EXE_libreport"))
        .current_dir(root())
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line");
    assert!(first.starts_with('{'));
    // The reader is gone (like `| head -1`).
    let status = child.wait().expect("wait");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    assert!(status.success(), "status {status:?}, stderr {err}");
    assert_eq!(err, "", "no error message for a closed pipe");
}

mod never_panics {
    use proptest::prelude::*;

    const WULONG: &str = include_str!("../fixtures/wulong-2020.txt");
    const ANJU: &str = include_str!("../fixtures/anju-2020.txt");

    /// Runs the whole pipeline and checks the record serializes whole.
    fn whole_record(bytes: &[u8]) {
        let record = libreport::extract("p.txt", bytes, &libreport::Options::default());
        let json = serde_json::to_string(&record).expect("serializes");
        let value: serde_json::Value = serde_json::from_str(&json).expect("whole JSON");
        assert!(value.get("file").is_some());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            whole_record(&bytes);
        }

        #[test]
        fn on_reports_with_random_text_spliced_in(
            cuts in proptest::collection::vec((0usize..20_000, ".{0,12}"), 1..8),
            anju in any::<bool>(),
        ) {
            let mut text = if anju { ANJU } else { WULONG }.to_owned();
            for (at, insert) in cuts {
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, &insert);
            }
            whole_record(text.as_bytes());
        }
    }
}
