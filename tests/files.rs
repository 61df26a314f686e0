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

/// The fixture used for output tests.
fn fixture_path() -> String {
    root().join("fixtures/anju-2020.txt").display().to_string()
}

/// Files of `dir` whose names hold `.tmp`: temporary files left behind.
fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.contains(".tmp"))
        .collect()
}

#[test]
fn output_onto_a_device_writes_to_it_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = temp_dir();
    let output = run_in(dir.path(), &["extract", &fixture_path(), "-o", "/dev/null"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let null = fs::metadata("/dev/null").expect("/dev/null");
    assert!(
        null.file_type().is_char_device(),
        "/dev/null is still a device"
    );
    let output = run_in(dir.path(), &["extract", &fixture_path(), "-o", "/dev/full"]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        stderr(&output),
        "libreport: /dev/full: No space left on device\n"
    );
    assert!(
        fs::metadata("/dev/full")
            .expect("/dev/full")
            .file_type()
            .is_char_device()
    );
}

#[test]
fn output_onto_a_fifo_streams_into_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = temp_dir();
    let fifo = dir.path().join("out.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(&fifo))
    };
    let output = run_in(dir.path(), &["extract", &fixture_path(), "-o", "out.json"]);
    let read = reader.join().expect("reader").expect("read");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let records: serde_json::Value = serde_json::from_slice(&read).expect("JSON");
    assert_eq!(records[0]["library"], "安居区图书馆");
    assert!(fs::metadata(&fifo).expect("fifo").file_type().is_fifo());
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn output_keeps_the_mode_follows_links_and_refuses_read_only_files() {
    let dir = temp_dir();
    let at = |name: &str| dir.path().join(name);
    fs::write(at("kept.json"), "old").expect("write");
    fs::set_permissions(at("kept.json"), fs::Permissions::from_mode(0o640)).expect("chmod");
    let output = run_in(dir.path(), &["extract", &fixture_path(), "-o", "kept.json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let mode = fs::metadata(at("kept.json"))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
    assert!(
        fs::read_to_string(at("kept.json"))
            .expect("read")
            .contains("安居区图书馆")
    );

    fs::write(at("real.json"), "old").expect("write");
    std::os::unix::fs::symlink("real.json", at("link.json")).expect("symlink");
    let output = run_in(dir.path(), &["extract", &fixture_path(), "-o", "link.json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(at("link.json"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(at("real.json"))
            .expect("read")
            .contains("安居区图书馆")
    );

    fs::write(at("ro.json"), "old").expect("write");
    fs::set_permissions(at("ro.json"), fs::Permissions::from_mode(0o444)).expect("chmod");
    let output = run_in(dir.path(), &["extract", &fixture_path(), "-o", "ro.json"]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        stderr(&output),
        "libreport: ro.json: the file is read-only; not replaced\n"
    );
    assert_eq!(fs::read_to_string(at("ro.json")).expect("read"), "old");
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn errors_name_the_users_path_not_a_temporary_file() {
    let dir = temp_dir();
    let output = run_in(
        dir.path(),
        &["extract", &fixture_path(), "-o", "missing/out.json"],
    );
    assert_eq!(code(&output), 1);
    assert_eq!(
        stderr(&output),
        "libreport: missing/out.json: No such file or directory\n"
    );
}

#[test]
fn long_names_work_for_output_and_for_pages() {
    let dir = temp_dir();
    let long = "长".repeat(80); // 240 bytes
    let out = format!("{long}.json"); // 245 bytes, a valid name
    let output = run_in(dir.path(), &["extract", &fixture_path(), "-o", &out]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(dir.path().join(&out).is_file());

    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).expect("mkdir");
    let name = format!("{}.txt", "a".repeat(246)); // 250 bytes
    copy_fixture("anju-2020.txt", &inputs.join(&name));
    // 255 bytes: its page name is cut, not refused by the file system
    let longest = format!("{}.txt", "b".repeat(251));
    copy_fixture("zhucheng-2020.txt", &inputs.join(&longest));
    copy_fixture("wulong-2020.txt", &inputs.join("w.txt"));
    let output = run_in(dir.path(), &["view", "in", "-o", "site/"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        dir.path()
            .join("site")
            .join(format!("{}.html", "a".repeat(200)))
            .is_file()
    );
    assert!(
        dir.path()
            .join("site")
            .join(format!("{}.html", "b".repeat(200)))
            .is_file()
    );
    assert!(dir.path().join("site/index.html").is_file());
    assert!(temp_files(&dir.path().join("site")).is_empty());
}

#[test]
fn sigint_and_sigterm_remove_the_temporary_file() {
    use std::process::Stdio;
    for signal in ["-TERM", "-INT"] {
        let dir = temp_dir();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("libreport"))
            .args(["extract", "-", "-o", "out.json"])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // The temporary file exists while the run waits for its input.
        let started = std::time::Instant::now();
        while temp_files(dir.path()).is_empty() {
            assert!(
                started.elapsed().as_secs() < 20,
                "no temporary file appeared"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let killed = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let status = child.wait().expect("wait");
        assert!(!status.success(), "{signal}: ended by the signal");
        assert!(
            temp_files(dir.path()).is_empty(),
            "{signal}: {:?}",
            temp_files(dir.path())
        );
        assert!(!dir.path().join("out.json").exists());
    }
}

/// Every subcommand, with arguments that print something.
const SUBCOMMANDS: &[&[&str]] = &[
    &["extract", "fixtures/anju-2020.txt"],
    &["view", "fixtures/anju-2020.txt"],
    &["check", "fixtures/"],
    &["sections", "fixtures/"],
    &["quantity", "5.6万册"],
    &["schema"],
    &["completions", "bash"],
    &["man"],
];

#[test]
fn every_subcommand_reports_a_full_disk_by_name_with_exit_1() {
    use std::process::Stdio;
    for args in SUBCOMMANDS {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("libreport"))
            .args(*args)
            .current_dir(root())
            .stdout(Stdio::from(full))
            .output()
            .expect("runs");
        assert_eq!(code(&output), 1, "{args:?}: {}", stderr(&output));
        assert_eq!(
            stderr(&output),
            "libreport: standard output: No space left on device\n",
            "{args:?}"
        );
    }
}

#[test]
fn every_subcommand_ends_quietly_on_a_closed_pipe() {
    use std::process::Stdio;
    for args in SUBCOMMANDS {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("libreport"))
            .args(*args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // the reader goes away before a byte is read
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("wait");
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{args:?}");
    }
}

#[test]
fn names_reach_the_terminal_escaped_and_distinct() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir();
    // two names that are not UTF-8, and a name that would forge a line
    for name in [
        &b"bad-\xff.txt"[..],
        b"bad-\xfe.txt",
        b"evil\nlibreport: forged.txt",
    ] {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        fs::write(path, "not a report").expect("write");
    }
    let output = run_in(dir.path(), &["extract", "--format", "jsonl", "."]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        files_of(&output),
        [
            "./bad-\\xfe.txt",
            "./bad-\\xff.txt",
            "./evil\nlibreport: forged.txt"
        ]
    );
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(
        err.contains("libreport: ./evil\\nlibreport: forged.txt: not a library report"),
        "{err}"
    );
    assert!(
        !err.lines()
            .any(|line| line.starts_with("libreport: forged")),
        "{err}"
    );
}

#[test]
fn sections_show_control_characters_as_text() {
    let dir = temp_dir();
    let text = fs::read_to_string(root().join("tests/corpus/adversarial/odd-escapes.txt"))
        .expect("corpus file");
    fs::write(dir.path().join("r.txt"), text).expect("write");
    let output = run_in(dir.path(), &["sections", "r.txt"]);
    let out = stdout(&output);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("\\x1b[31m读者服务"), "{out:?}");
}

#[test]
fn index_links_cannot_leave_the_site_and_pages_forbid_forms() {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).expect("mkdir");
    copy_fixture("anju-2020.txt", &inputs.join("..\\..\\evil.txt"));
    copy_fixture("wulong-2020.txt", &inputs.join("w.txt"));
    // Named, not found in a scan: a scan passes over hidden names (issue 25).
    let output = run_in(
        dir.path(),
        &["view", "in/..\\..\\evil.txt", "in/w.txt", "-o", "site/"],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let index = fs::read_to_string(dir.path().join("site/index.html")).expect("index");
    assert!(index.contains("href=\"..%5C..%5Cevil.html\""), "{index}");
    assert!(!index.contains("href=\"..\\"), "{index}");
    assert!(dir.path().join("site/..\\..\\evil.html").is_file());
    for page in ["index.html", "w.html"] {
        let html = fs::read_to_string(dir.path().join("site").join(page)).expect("page");
        assert!(
            html.contains("form-action 'none'; base-uri 'none'"),
            "{page}"
        );
    }
}

#[test]
fn a_later_run_removes_what_a_killed_run_left() {
    use std::process::Stdio;
    let dir = temp_dir();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("libreport"))
        .args(["extract", "-", "-o", "out.json"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let started = std::time::Instant::now();
    while temp_files(dir.path()).is_empty() {
        assert!(
            started.elapsed().as_secs() < 20,
            "no temporary file appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");
    assert_eq!(temp_files(dir.path()).len(), 1, "SIGKILL cannot be caught");
    // a file of the same shape that is not ours stays
    fs::write(dir.path().join("notes.tmp"), "mine").expect("write");
    let output = run_in(dir.path(), &["extract", &fixture_path(), "-o", "out.json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(temp_files(dir.path()), ["notes.tmp"]);
}

// See: issue 25. No file of a folder is passed over in silence.
#[test]
fn files_no_reader_takes_are_named_counted_and_listed_by_errors() {
    let dir = temp_dir();
    let top = dir.path().join("drive");
    fs::create_dir_all(top.join(".git")).expect("mkdir");
    copy_fixture("anju-2020.txt", &top.join("anju.txt"));
    for name in [
        "notes.md",
        "backup.zip",
        "README",
        ".DS_Store",
        "~$年报.docx",
    ] {
        fs::write(top.join(name), "x").expect("write");
    }
    fs::write(top.join(".git/HEAD"), "ref").expect("write");
    let output = run_in(
        dir.path(),
        &[
            "extract",
            "--format",
            "jsonl",
            "--errors",
            "skipped.jsonl",
            "drive",
        ],
    );
    // Skipping is not failing: the report was read, exit 0.
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(files_of(&output), ["drive/anju.txt"]);
    let err = stderr(&output);
    for name in ["drive/README", "drive/backup.zip", "drive/notes.md"] {
        assert!(
            err.contains(&format!("libreport: {name}: skipped: no reader for")),
            "{err}"
        );
    }
    assert!(
        err.contains("drive/notes.md: skipped: no reader for .md files (read: .txt"),
        "{err}"
    );
    // hidden files, hidden folders and Office lock files: not a word
    for quiet in [".DS_Store", ".git", "~$"] {
        assert!(!err.contains(quiet), "{err}");
    }
    let listed = fs::read_to_string(dir.path().join("skipped.jsonl")).expect("errors file");
    let listed: Vec<String> = json_lines(&listed)
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["file"].as_str().unwrap_or(""),
                r["error"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(
        listed[0].starts_with("drive/README skipped: no reader for a file without an extension")
    );
    assert!(listed[1].starts_with("drive/backup.zip skipped: no reader for .zip files"));
    assert!(listed[2].starts_with("drive/notes.md skipped: no reader for .md files"));
    // Under --glob the user chose: the rest is passed over quietly.
    let output = run_in(dir.path(), &["extract", "--glob", "*.txt", "drive"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(!stderr(&output).contains("skipped"), "{}", stderr(&output));
}
