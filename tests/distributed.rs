//! Past one machine: what a partition of a bigger run needs of
//! `libreport extract` (a `--files-from -` that streams, records alone on
//! stdout, no bar or summary when stdout is no terminal, a clean exit when
//! the reader goes), and the README's GNU parallel and Spark recipes, run
//! as written on this machine (`-S :`, `local[2]`) and compared with one
//! plain `extract` of the same files. The recipes need GNU parallel, and
//! PySpark with Java: those tests are #[ignore]d, and `.ci/run` installs
//! the tools and runs them.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{code, fixtures, json_lines, root, stderr, stdout};

/// How long a test waits for a line or an exit before calling the binary
/// stuck: a guard against hanging forever, far above the real time.
const STUCK: Duration = Duration::from_secs(120);

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_libreport")
}

/// `extract --format jsonl --files-from -`, with stdin, stdout and stderr
/// piped.
fn streaming(extra: &[&str]) -> Child {
    Command::new(binary())
        .args(["extract", "--format", "jsonl", "--files-from", "-"])
        .args(extra)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("libreport starts")
}

/// The lines of `stdout`, read on a thread of their own so that a test
/// can wait for one with a deadline.
fn lines_of(stdout: ChildStdout) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

/// Waits for a child to end, without closing its stdin.
fn wait_for(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        assert!(start.elapsed() < STUCK, "libreport did not end");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn fixture(name: &str) -> String {
    root().join("fixtures").join(name).display().to_string()
}

#[test]
fn files_from_stdin_gives_each_record_before_the_list_ends() {
    let mut child = streaming(&[]);
    let mut list = child.stdin.take().expect("stdin");
    let lines = lines_of(child.stdout.take().expect("stdout"));
    // One path at a time, the list kept open: each record must come
    // before the next path is written.
    for path in [fixture("wulong-2020.txt"), "missing-28.txt".to_owned()] {
        writeln!(list, "{path}").expect("write a path");
        list.flush().expect("flush");
        let line = lines
            .recv_timeout(STUCK)
            .unwrap_or_else(|_| panic!("no record for {path} while the list is open"));
        let record: Value = serde_json::from_str(&line).expect("a JSON record");
        assert_eq!(record["file"], path.as_str(), "{line}");
        assert_eq!(record.get("error").is_some(), path == "missing-28.txt");
    }
    drop(list);
    let status = wait_for(&mut child);
    assert_eq!(status.code(), Some(1), "a listed file failed");
    assert!(
        lines.recv_timeout(STUCK).is_err(),
        "no record after the list"
    );
}

#[test]
fn a_partition_writes_records_alone_on_stdout_and_failures_alone_on_stderr() {
    // No --quiet: stdout and stderr are pipes, as in Spark's pipe.
    let mut names: Vec<String> = fixtures().iter().map(|p| p.display().to_string()).collect();
    names.extend(["missing-a.txt".to_owned(), "missing-b.txt".to_owned()]);
    let output = crate::util::libreport()
        .args(["extract", "--format", "jsonl", "--files-from", "-"])
        .write_stdin(names.join("\n") + "\n")
        .output()
        .expect("runs");
    assert_eq!(code(&output), 1);
    let records = json_lines(&stdout(&output));
    let files: Vec<&str> = records.iter().filter_map(|r| r["file"].as_str()).collect();
    assert_eq!(
        files, names,
        "one record a path, in order, and nothing else"
    );
    assert_eq!(
        stderr(&output),
        "libreport: missing-a.txt: no such file or directory\n\
         libreport: missing-b.txt: no such file or directory\n",
        "stderr holds the failures, no bar and no summary"
    );
}

#[test]
fn standard_input_is_the_list_or_a_report_never_both() {
    let output = crate::util::libreport()
        .args(["extract", "--format", "jsonl", "--files-from", "-"])
        .write_stdin(format!("{}\n-\n", fixture("anju-2020.txt")))
        .output()
        .expect("runs");
    assert_eq!(code(&output), 1);
    let records = json_lines(&stdout(&output));
    assert_eq!(records.len(), 2);
    assert!(records[0].get("error").is_none());
    assert_eq!(records[1]["file"], "-");
    assert!(
        records[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("--files-from list")),
        "{}",
        records[1]
    );
    let output = crate::util::run(&["extract", "--files-from", "-", "-"]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(stderr(&output).contains("standard input cannot be both"));
}

/// Runs `command` under `script`, on a pseudo-terminal: what the terminal
/// shows.
fn on_a_terminal(command: &str) -> String {
    let output = Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .expect("script(1) from util-linux runs");
    assert!(output.status.code().is_some_and(|c| c <= 1), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn no_bar_or_summary_when_stdout_is_no_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.jsonl");
    let run = format!(
        "{} extract --format jsonl {} missing.txt",
        binary(),
        root().join("fixtures").display()
    );
    // On a terminal with --output: the summary line.
    let shown = on_a_terminal(&format!("{run} --output {}", out.display()));
    assert!(
        shown.contains("libreport: missing.txt: no such file"),
        "{shown}"
    );
    assert!(shown.contains(" reports, 1 failed, "), "{shown}");
    let by_output = fs::read(&out).expect("output");
    // stderr on the terminal, stdout into a file: the failure alone.
    let shown = on_a_terminal(&format!("{run} > {}", out.display()));
    assert_eq!(
        shown.trim_end(),
        "libreport: missing.txt: no such file or directory",
        "nothing but the failure on the terminal"
    );
    assert_eq!(fs::read(&out).expect("output"), by_output);
}

#[test]
fn a_closed_pipe_ends_a_streamed_batch_at_once_and_cleanly() {
    let mut child = streaming(&["--quiet"]);
    let mut list = child.stdin.take().expect("stdin");
    let lines = lines_of(child.stdout.take().expect("stdout"));
    writeln!(list, "{}", fixture("wulong-2020.txt")).expect("write a path");
    list.flush().expect("flush");
    lines.recv_timeout(STUCK).expect("the first record");
    // The reader goes (`| head -1`); the list stays open, and the next
    // record has nowhere to go.
    drop(lines);
    std::thread::sleep(Duration::from_millis(100));
    for _ in 0..3 {
        // the list's end may be closed already: libreport is gone
        let _ = writeln!(list, "{}", fixture("anju-2020.txt")).and_then(|()| list.flush());
    }
    let status = wait_for(&mut child);
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut err)
        .expect("stderr");
    assert_eq!(
        status.code(),
        Some(0),
        "a closed pipe is the reader's choice: {err}"
    );
    assert_eq!(err, "", "and no error");
    drop(list);
}

// ---- the README's recipes ----

/// The README's "Past one machine" code block that holds `needle`,
/// unindented.
fn recipe(language: &str, needle: &str) -> String {
    let readme = fs::read_to_string(root().join("README.md")).expect("README.md");
    let section = readme
        .split("**Past one machine.**")
        .nth(1)
        .expect("the README has its Past one machine part");
    let fence = format!("```{language}");
    section
        .split(fence.as_str())
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .map(|block| {
            block
                .lines()
                .skip(1)
                .map(|line| line.strip_prefix("  ").unwrap_or(line))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .find(|block| block.contains(needle))
        .unwrap_or_else(|| panic!("no ```{language} block with {needle} in Past one machine"))
}

/// `text` with `from` replaced, which it must hold.
fn substitute(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "the recipe no longer holds {from:?}:\n{text}"
    );
    text.replace(from, to)
}

/// A corpus of some 2 000 reports: the fixtures, a generated corpus
/// (`tests/make-corpus.py`, 6 MiB) and bad inputs; returns its folder.
fn corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("reports");
    let made = Command::new("python3")
        .arg(root().join("tests/make-corpus.py"))
        .arg(corpus.join("made"))
        .args(["--mb", "6", "--seed", "28"])
        .output()
        .expect("python3 runs tests/make-corpus.py");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let bundled = corpus.join("fixtures");
    fs::create_dir_all(&bundled).expect("mkdir");
    for path in fixtures() {
        let name = path.file_name().expect("a name");
        fs::copy(&path, bundled.join(name)).expect("copy a fixture");
    }
    let bad = corpus.join("bad");
    fs::create_dir_all(&bad).expect("mkdir");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank lines.txt", b"\n \n\t\n"),
        ("image.txt", png),
        ("image.png", png),
        (
            "not a report.txt",
            "今天天气很好，我们去公园散步。\n".as_bytes(),
        ),
        (
            "noise.txt",
            &[0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x81, 0x30, 0x00][..],
        ),
    ] {
        fs::write(bad.join(name), bytes).expect("write a bad input");
    }
    corpus
}

/// The paths of every file below `dir`, as `find DIR -type f` lists them.
fn find_files(dir: &Path) -> Vec<String> {
    let output = Command::new("find")
        .arg(dir)
        .args(["-type", "f"])
        .output()
        .expect("find runs");
    assert!(output.status.success());
    stdout(&output).lines().map(str::to_owned).collect()
}

/// `libreport extract --format jsonl` of `paths`, in one run.
fn one_extract(paths: &[String]) -> Output {
    crate::util::libreport()
        .args(["extract", "--format", "jsonl", "--files-from", "-", "-0"])
        .write_stdin(paths.join("\0"))
        .output()
        .expect("libreport runs")
}

/// `PATH` with the binary's folder first, so that the recipes' bare
/// `libreport` is this build.
fn path_with_binary() -> String {
    let bin = Path::new(binary()).parent().expect("the binary's folder");
    match std::env::var("PATH") {
        Ok(path) => format!("{}:{path}", bin.display()),
        Err(_) => bin.display().to_string(),
    }
}

#[test]
#[ignore = "needs GNU parallel (apt-get install parallel); .ci/run installs it and runs this"]
fn gnu_parallel_recipe_writes_what_one_extract_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus(dir.path());
    let files = find_files(&corpus);
    assert!(files.len() > 2000, "{} files", files.len());
    let command = recipe("sh", "parallel");
    // this machine (`:`) the only host, the corpus for /data/reports
    let command = substitute(&command, "-S host1,host2,:", "-S :");
    let command = substitute(&command, "/data/reports", &corpus.display().to_string());
    let output = Command::new("sh")
        .args(["-c", &command])
        .current_dir(dir.path())
        .env("PATH", path_with_binary())
        .output()
        .expect("sh runs");
    // parallel's status is the number of batches that failed: some files
    // of each do
    assert!(
        output.status.code().is_some_and(|c| (0..=101).contains(&c)),
        "{output:?}"
    );
    let all = fs::read(dir.path().join("all.jsonl")).expect("the recipe writes all.jsonl");
    let single = one_extract(&files);
    assert_eq!(code(&single), 1, "the corpus has bad inputs");
    assert_eq!(json_lines(&stdout(&single)).len(), files.len());
    assert!(
        all == single.stdout,
        "GNU parallel's all.jsonl ({} bytes) differs from one extract ({} bytes)",
        all.len(),
        single.stdout.len()
    );
}

/// The Spark session of the test, then the README's recipe, then its
/// records read back from Parquet into `back.jsonl`; then the recipe again
/// with a flag libreport does not know, which must fail the job.
const SPARK_DRIVER: &str = r#"
import sys
from pyspark.sql import SparkSession

spark = (SparkSession.builder.master("local[2]").appName("libreport readme recipe")
         .config("spark.ui.enabled", "false").getOrCreate())
sc = spark.sparkContext
sc.setLogLevel("ERROR")
recipe = open("recipe.py", encoding="utf-8").read()
exec(recipe)
rows = spark.read.parquet(OUT).toJSON().collect()
with open("back.jsonl", "w", encoding="utf-8") as f:
    f.writelines(row + "\n" for row in rows)
try:
    exec(recipe.replace("--quiet", "--no-such-flag").replace(OUT, OUT + "-2"))
except Exception:
    print("the job with a wrong flag failed")
"#;

#[test]
#[ignore = "needs PySpark and Java (pip install pyspark; apt-get install default-jre-headless); .ci/run installs them and runs this"]
fn spark_recipe_writes_what_one_extract_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus(dir.path());
    let mut paths = find_files(&corpus);
    paths.sort();
    // a missing file and a folder without reports, too
    paths.push(dir.path().join("missing.txt").display().to_string());
    let empty = dir.path().join("no reports here");
    fs::create_dir(&empty).expect("mkdir");
    paths.push(empty.display().to_string());
    fs::write(dir.path().join("paths.txt"), paths.join("\n") + "\n").expect("paths");
    let out = format!("file://{}/records.parquet", dir.path().display());
    let recipe = recipe("python", ".pipe(");
    let recipe = substitute(&recipe, "/usr/local/bin/libreport", binary());
    let recipe = substitute(
        &recipe,
        "hdfs:///reports/paths.txt",
        &format!("file://{}/paths.txt", dir.path().display()),
    );
    let recipe = substitute(&recipe, "hdfs:///reports/records.parquet", &out);
    // partitions of some 130 files, not 10: each costs a task and two
    // processes, and two cores run them
    let recipe = substitute(&recipe, "minPartitions=200", "minPartitions=16");
    fs::write(dir.path().join("recipe.py"), recipe).expect("recipe");
    let driver = format!("OUT = {out:?}\n{SPARK_DRIVER}");
    let output = Command::new("python3")
        .args(["-c", &driver])
        .current_dir(dir.path())
        // no look-up of this machine's name, which a container may lack
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .env("SPARK_LOCAL_HOSTNAME", "localhost")
        .output()
        .expect("python3 runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the Spark job fails: {said}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(said.contains("the job with a wrong flag failed"), "{said}");
    let back = fs::read_to_string(dir.path().join("back.jsonl")).expect("records read back");
    let mut spark: Vec<Value> = json_lines(&back);
    let single = one_extract(&paths);
    assert_eq!(code(&single), 1, "the corpus has bad inputs");
    let want = json_lines(&stdout(&single));
    assert_eq!(want.len(), paths.len());
    assert!(want.iter().filter(|r| r.get("error").is_some()).count() >= 8);
    // Parquet's row order is its files', not the list's.
    spark.sort_by(|a, b| a["file"].as_str().cmp(&b["file"].as_str()));
    let mut want_sorted: Vec<&Value> = want.iter().collect();
    want_sorted.sort_by(|a, b| a["file"].as_str().cmp(&b["file"].as_str()));
    assert_eq!(spark.len(), want_sorted.len(), "one record a path");
    let mut differences = Vec::new();
    for (got, want) in spark.iter().zip(want_sorted) {
        let file = want["file"].as_str().unwrap_or_default();
        differ(file, got, want, &mut differences);
    }
    assert!(
        differences.is_empty(),
        "{} differences between Spark's records and one extract's, the first: {:#?}",
        differences.len(),
        &differences[..differences.len().min(20)]
    );
}

/// Where `got` (Spark's record as its `toJSON` writes it) differs from
/// `want` (libreport's). Spark's schema is the union of every record's
/// fields, so a field a record lacks is null, and `toJSON` leaves nulls
/// out: a null field is the same as none. A number in a column where some
/// other record has a fraction is a double (7 reads back as 7.0).
fn differ(at: &str, got: &Value, want: &Value, out: &mut Vec<String>) {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            let keys: std::collections::BTreeSet<&String> = g
                .iter()
                .chain(w.iter())
                .filter(|(_, v)| !v.is_null())
                .map(|(k, _)| k)
                .collect();
            for key in keys {
                let (g, w) = (g.get(key), w.get(key));
                match (g, w) {
                    (Some(g), Some(w)) => differ(&format!("{at}.{key}"), g, w, out),
                    _ => out.push(format!("{at}.{key}: spark {g:?}, extract {w:?}")),
                }
            }
        }
        (Value::Array(g), Value::Array(w)) if g.len() == w.len() => {
            for (i, (g, w)) in g.iter().zip(w).enumerate() {
                differ(&format!("{at}[{i}]"), g, w, out);
            }
        }
        (Value::Number(g), Value::Number(w)) => {
            let same = match (g.as_i64(), w.as_i64()) {
                (Some(g), Some(w)) => g == w,
                _ => g.as_f64() == w.as_f64(),
            };
            if !same {
                out.push(format!("{at}: spark {g}, extract {w}"));
            }
        }
        _ if got == want => {}
        _ => out.push(format!("{at}: spark {got}, extract {want}")),
    }
}
