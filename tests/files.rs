//! The file system as it is (issue 16): symlink loops, FIFOs and
//! unreadable folders in a directory walk; `-o` onto devices, FIFOs,
//! read-only files, symlinks and long names; interrupted runs.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::util::{code, json_lines, root, run_in, stderr, stdout};

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn copy_fixture(name: &str, to: &Path) {
    fs::copy(root().join("fixtures").join(name), to).expect("copy fixture");
}

fn files_of(output: &std::process::Output) -> Vec<String> {
    json_lines(&stdout(output))
        .iter()
        .map(|record| record["file"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn symlink_loops_give_each_report_once_and_end() {
    let dir = temp_dir();
    let top = dir.path().join("reports");
    fs::create_dir_all(top.join("b")).expect("mkdir");
    copy_fixture("anju-2020.txt", &top.join("anju.txt"));
    copy_fixture("wulong-2020.txt", &top.join("b/wulong.txt"));
    // two loops: one to the folder itself, one from a subfolder to its parent
    std::os::unix::fs::symlink(".", top.join("self")).expect("symlink");
    std::os::unix::fs::symlink("..", top.join("b/up")).expect("symlink");
    let output = run_in(dir.path(), &["extract", "--format", "jsonl", "reports"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        files_of(&output),
        ["reports/anju.txt", "reports/b/wulong.txt"]
    );
    let err = stderr(&output);
    assert!(
        err.contains("reports/self: skipped: a directory already read"),
        "{err}"
    );
    assert!(err.contains("reports/b/up: skipped"), "{err}");
}

#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_warning() {
    let dir = temp_dir();
    copy_fixture("anju-2020.txt", &dir.path().join("a.txt"));
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let output = run_in(dir.path(), &["extract", "--format", "jsonl", "."]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(files_of(&output), ["./a.txt"]);
    assert!(
        stderr(&output).contains("./pipe.txt: skipped: not a regular file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unreadable_subfolder_fails_by_its_own_name_and_the_rest_is_read() {
    let dir = temp_dir();
    let top = dir.path().join("reports");
    let locked = top.join("locked");
    fs::create_dir_all(&locked).expect("mkdir");
    copy_fixture("anju-2020.txt", &top.join("a.txt"));
    copy_fixture("wulong-2020.txt", &locked.join("w.txt"));
    copy_fixture("zhucheng-2020.txt", &top.join("z.txt"));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    let output = as_nobody_if_root(dir.path(), &["extract", "--format", "jsonl", "reports"]);
    let Some(output) = output else {
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod");
        return;
    };
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(code(&output), 1);
    assert_eq!(
        files_of(&output),
        ["reports/a.txt", "reports/locked", "reports/z.txt"]
    );
    assert!(
        stderr(&output).contains("libreport: reports/locked: permission denied"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_fifo_the_user_names_is_read() {
    let dir = temp_dir();
    let fifo = dir.path().join("in.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let report = fs::read(root().join("fixtures/anju-2020.txt")).expect("fixture");
    let writer = std::thread::spawn(move || fs::write(&fifo, report));
    let output = run_in(dir.path(), &["extract", "--format", "jsonl", "in.txt"]);
    writer.join().expect("writer").expect("written");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(files_of(&output), ["in.txt"]);
}

#[test]
fn the_largest_max_bytes_does_not_wrap() {
    let dir = temp_dir();
    copy_fixture("anju-2020.txt", &dir.path().join("a.txt"));
    let output = run_in(
        dir.path(),
        &[
            "extract",
            "--format",
            "jsonl",
            "--max-bytes",
            "18446744073709551615",
            "a.txt",
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(json_lines(&stdout(&output))[0]["library"], "安居区图书馆");
}

/// Runs the binary in `dir`; as root (who reads any folder), as nobody
/// through setpriv, with `dir` opened to all. None when that cannot be done.
fn as_nobody_if_root(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    let probe = dir.join(".probe");
    fs::create_dir(&probe).ok()?;
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).ok()?;
    let root_reads_anything = fs::read_dir(&probe).is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o755)).ok()?;
    fs::remove_dir(&probe).ok()?;
    if !root_reads_anything {
        return Some(run_in(dir, args));
    }
    // open the way down to `dir` for nobody
    let mut up = Some(dir);
    while let Some(d) = up {
        if d.starts_with(std::env::temp_dir()) && d != std::env::temp_dir() {
            fs::set_permissions(d, fs::Permissions::from_mode(0o755)).ok()?;
        }
        up = d.parent();
    }
    let output = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(assert_cmd::cargo::cargo_bin("libreport"))
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    // setpriv missing or refused: nothing to test here
    (!stderr(&output).contains("setpriv")).then_some(output)
}
