//! Helpers shared by the integration tests: run the real binary, read the
//! fixtures.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The crate's root directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled fixture reports (`fixtures/*.txt`, and the web page, Word
/// document and PDF made from one of them), sorted.
pub fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures"))
        .expect("fixtures directory")
        .map(|entry| entry.expect("fixture entry").path())
        .filter(|p| libreport::read::wanted(p, &[]))
        .collect();
    files.sort();
    files
}

/// The binary under test, run from the crate root.
pub fn libreport() -> Command {
    let mut cmd = Command::cargo_bin("libreport").expect("binary built");
    cmd.current_dir(root());
    cmd
}

/// Runs the binary with `args` and returns its output, whatever the status.
pub fn run(args: &[&str]) -> Output {
    libreport().args(args).output().expect("binary runs")
}

/// Runs the binary with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = libreport();
    cmd.current_dir(dir);
    cmd.args(args).output().expect("binary runs")
}

/// Standard output as UTF-8.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error as UTF-8.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// The exit code.
pub fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

/// Parses JSON Lines output into values.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

/// A PDF of the given objects (numbered from 1), with a correct
/// cross-reference table unless `xref_at` says where to claim it is.
pub fn pdf_of_objects(objects: &[&[u8]], trailer: &str, xref_at: Option<usize>) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer} >>\nstartxref\n{}\n%%EOF\n",
            objects.len() + 1,
            xref_at.unwrap_or(xref)
        )
        .as_bytes(),
    );
    out
}
