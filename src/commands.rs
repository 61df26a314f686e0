//! What each subcommand does: reading inputs in parallel, writing records
//! in input order, reporting failures per file.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::Value;

use libreport::audit::{self, Audited};
use libreport::input::{self, Expanded, Input};
use libreport::report::Record;
use libreport::view::{self, IndexEntry};
use libreport::write::{self, Format};
use libreport::{Options, failed};

use crate::cli::{CheckArgs, Cli, Command, ExtractArgs, InputArgs, QuantityArgs, ViewArgs};
use crate::output::{self, Out, escape_for_terminal, message};

/// Runs a parsed command line; the exit code says whether every input was
/// good (0) or some failed (1).
pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Extract(args) => extract(args),
        Command::View(args) => view(args),
        Command::Check(args) => check(args),
        Command::Sections(args) => sections(args),
        Command::Text(args) => crate::files::text(args),
        Command::Quantity(args) => quantity(args),
        Command::Schema => schema(),
        Command::Completions { shell } => completions(shell),
        Command::Man { subcommand } => man(subcommand.as_deref()),
    }
}

/// One input of a batch: a file to read, or a path that already failed.
enum Job {
    Read(Input),
    Failed(String, libreport::error::Error),
}

/// The jobs of the command line's paths and `--files-from` list.
fn jobs(args: &InputArgs) -> Result<Vec<Job>> {
    let mut jobs = Vec::new();
    // Each listed path is dropped once expanded: a list of a million
    // files is held once, as jobs.
    for path in crate::files::paths(args)? {
        for found in input::expand_with(&path, &args.glob) {
            match found {
                Expanded::Input(input) => jobs.push(Job::Read(input)),
                Expanded::Failed(path, err) => jobs.push(Job::Failed(input::path_name(&path), err)),
                Expanded::Skipped(path, why) => {
                    message(&format!(
                        "libreport: {}: skipped: {why}",
                        input::path_name(&path)
                    ));
                }
            }
        }
    }
    Ok(jobs)
}

fn options(args: &InputArgs) -> Result<Options> {
    let encoding = match &args.encoding {
        Some(label) => Some(libreport::decode::encoding_for_label(label)?),
        None => None,
    };
    Ok(Options { encoding })
}

fn process(job: &Job, options: &Options, max_bytes: u64) -> Record {
    read_and(job, max_bytes, |name, bytes| {
        libreport::extract(name, bytes, options)
    })
    .unwrap_or_else(|record| record)
}

/// Reads a job's bytes and runs `work` on them; the failed record when the
/// input cannot be read.
fn read_and<T>(
    job: &Job,
    max_bytes: u64,
    work: impl FnOnce(&str, &[u8]) -> T,
) -> Result<T, Record> {
    match job {
        Job::Read(input) => {
            let name = input.name();
            match input.read(max_bytes) {
                Ok(bytes) => Ok(work(&name, &bytes)),
                Err(err) => Err(failed(&name, &err)),
            }
        }
        Job::Failed(name, err) => Err(failed(name, err)),
    }
}

/// Processes jobs in parallel and hands records to `emit` in input order.
fn for_each_record(
    jobs: &[Job],
    args: &InputArgs,
    mut emit: impl FnMut(Record) -> io::Result<()>,
) -> Result<()> {
    for_each(jobs, args, process, |record| Ok(emit(record)?))
}

/// Runs `work` on jobs in parallel and hands the results to `emit` in
/// input order, on this thread.
///
/// Each worker takes the next job as soon as it is free: no chunk waits
/// for its slowest report while a core idles. A window bounds how far the
/// workers may run ahead of the writer: jobs in hand plus results waiting
/// for an earlier one are at most eight per worker, whatever the batch
/// size, so memory stays flat. The job the writer waits for is always in
/// hand, so the window never stalls the batch.
fn for_each<T: Send>(
    jobs: &[Job],
    args: &InputArgs,
    work: impl Fn(&Job, &Options, u64) -> T + Sync,
    mut emit: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    let options = options(args)?;
    // One report needs no threads: starting them would be most of its time.
    if let [job] = jobs {
        return emit(work(job, &options, args.max_bytes));
    }
    let threads = args
        .threads
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, jobs.len().max(1));
    let progress = progress_bar(jobs.len(), args.quiet);
    let window = Window::new(threads.saturating_mul(8));
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, T)>();
    let (work, options, progress, window, next) = (&work, &options, &progress, &window, &next);
    std::thread::scope(|scope| {
        let worker = || {
            let sender = sender.clone();
            move || {
                // A panicking worker would leave a gap the writer waits on
                // forever: close the window so that the others stop too,
                // and the scope passes the panic on.
                let _guard = CloseOnPanic(window);
                while window.acquire() {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(index) else {
                        break;
                    };
                    let result = work(job, options, args.max_bytes);
                    progress.inc(1);
                    // The writer stopped (a closed pipe, a full disk).
                    if sender.send((index, result)).is_err() {
                        break;
                    }
                }
            }
        };
        let started = (0..threads).try_for_each(|_| {
            std::thread::Builder::new()
                .spawn_scoped(scope, worker())
                .map(drop)
        });
        // Only the workers hold senders now: the results end with them.
        drop(sender);
        let written = started
            .context("cannot start worker threads")
            .and_then(|()| {
                let mut waiting = BTreeMap::new();
                let mut emitted = 0;
                for (index, result) in &receiver {
                    waiting.insert(index, result);
                    while let Some(result) = waiting.remove(&emitted) {
                        // messages go above the bar, never onto its line
                        progress.suspend(|| emit(result))?;
                        emitted += 1;
                        window.release();
                    }
                }
                Ok(())
            });
        if written.is_err() {
            // Wake and stop the workers, so that the scope can end.
            window.close();
        }
        written
    })?;
    progress.finish_and_clear();
    Ok(())
}

/// How many more jobs the workers may take: a counting semaphore, closed
/// when the writer gives up.
struct Window {
    state: Mutex<WindowState>,
    changed: Condvar,
}

struct WindowState {
    free: usize,
    closed: bool,
}

impl Window {
    fn new(size: usize) -> Window {
        Window {
            state: Mutex::new(WindowState {
                free: size,
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Waits for room for one more job; false once the window is closed.
    fn acquire(&self) -> bool {
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        while state.free == 0 && !state.closed {
            state = match self.changed.wait(state) {
                Ok(state) => state,
                Err(_) => return false,
            };
        }
        if state.closed {
            return false;
        }
        state.free -= 1;
        true
    }

    /// Gives back the room of a result written out.
    fn release(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.free += 1;
            self.changed.notify_one();
        }
    }

    /// Stops every worker, waiting or not.
    fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.closed = true;
            self.changed.notify_all();
        }
    }
}

/// Closes a [`Window`] when dropped by a panicking thread.
struct CloseOnPanic<'w>(&'w Window);

impl Drop for CloseOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.close();
        }
    }
}

/// A progress bar on stderr, only for a person watching a batch.
fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    const FEW: usize = 8;
    if quiet || len <= FEW || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let len = u64::try_from(len).unwrap_or(u64::MAX);
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} reports  {per_sec}  eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

fn report_failure(record: &Record) -> bool {
    if let Record::Failed(failed) = record {
        message(&format!("libreport: {}: {}", failed.file, failed.error));
        true
    } else {
        false
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let for_spreadsheet = args.bom || args.excel;
    let format = args
        .format
        .map(Format::from)
        .or_else(|| args.output.as_deref().and_then(Format::from_extension))
        .unwrap_or(if for_spreadsheet {
            Format::Csv
        } else {
            Format::Json
        });
    if for_spreadsheet && !format.is_csv() {
        // A BOM breaks most JSON readers; refuse rather than surprise.
        let flag = if args.excel { "--excel" } else { "--bom" };
        bail!(
            "{flag} is for CSV output (--format csv or csv-long), not {}",
            format.name()
        );
    }
    let style = args.csv_style();
    let jobs = jobs(&args.input)?;
    let mut failures = 0usize;
    let mut run = |out: &mut dyn Write| -> Result<()> {
        let mut writer = write::writer(format, style, out);
        for_each_record(&jobs, &args.input, |record| {
            failures += usize::from(report_failure(&record));
            writer.record(&record)
        })?;
        writer.finish()?;
        Ok(())
    };
    match &args.output {
        Some(path) => output::write_file(path, |file| run(file))?,
        None => {
            let mut out = Out::stdout();
            run(&mut out)?;
            out.finish()?;
        }
    }
    Ok(exit_code(failures))
}

fn exit_code(failures: usize) -> ExitCode {
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Where `view` writes.
enum Site {
    /// One page, to this file or to stdout.
    Page(Option<PathBuf>),
    /// A directory of pages and an index.
    Dir(PathBuf),
}

fn view(args: ViewArgs) -> Result<ExitCode> {
    let paths = &args.input.paths;
    let one_file = paths.len() == 1 && !paths[0].is_dir() && args.input.files_from.is_none();
    let site = match &args.output {
        Some(out) if one_file && !names_a_directory(out) => Site::Page(Some(out.clone())),
        Some(out) => Site::Dir(out.clone()),
        None if one_file => Site::Page(None),
        None => {
            bail!("several inputs make several pages: name a directory with -o DIR");
        }
    };
    let jobs = jobs(&args.input)?;
    let index_href = matches!(site, Site::Dir(_)).then_some("index.html");
    let work = |job: &Job, options: &Options, max_bytes: u64| {
        read_and(job, max_bytes, |name, bytes| {
            audit::audit(name, bytes, options, index_href)
        })
        .unwrap_or_else(|record| Audited { record, page: None })
    };
    let mut failures = 0usize;
    match site {
        Site::Page(out) => {
            for_each(&jobs, &args.input, work, |audited| {
                failures += usize::from(report_failure(&audited.record));
                let Some(page) = audited.page else {
                    return Ok(());
                };
                match &out {
                    Some(path) => output::write_file(path, |w| Ok(w.write_all(page.as_bytes())?)),
                    None => {
                        let mut out = Out::stdout();
                        out.write_all(page.as_bytes())?;
                        Ok(out.finish()?)
                    }
                }
            })?;
        }
        Site::Dir(dir) => {
            fs::create_dir_all(&dir).with_context(|| format!("{}", dir.display()))?;
            let names = page_names(&jobs);
            let mut records = Vec::with_capacity(jobs.len());
            let mut next = 0usize;
            for_each(&jobs, &args.input, work, |audited| {
                let name = &names[next];
                next += 1;
                failures += usize::from(report_failure(&audited.record));
                if let Some(page) = &audited.page {
                    let path = dir.join(name);
                    output::write_file(&path, |w| Ok(w.write_all(page.as_bytes())?))?;
                }
                records.push((for_the_index(audited.record), href(name)));
                Ok(())
            })?;
            let entries: Vec<IndexEntry<'_>> = records
                .iter()
                .map(|(record, href)| match record {
                    Record::Report(report) => IndexEntry::Report {
                        report,
                        href: href.clone(),
                    },
                    Record::Failed(failed) => IndexEntry::Failed {
                        file: &failed.file,
                        error: &failed.error,
                    },
                })
                .collect();
            let index = view::render_index(&entries);
            output::write_file(&dir.join("index.html"), |w| {
                Ok(w.write_all(index.as_bytes())?)
            })?;
        }
    }
    Ok(exit_code(failures))
}

/// What the index needs of a record, kept for the whole batch: the file,
/// library, year, key figures and warnings; the mentions, tables, chronicle
/// and plan, most of a record, are dropped once its page is written.
fn for_the_index(mut record: Record) -> Record {
    if let Record::Report(report) = &mut record {
        report.sections = Vec::new();
        report.mentions = Vec::new();
        report.statistics = Vec::new();
        report.chronicle = Vec::new();
        report.plan = Vec::new();
    }
    record
}

/// True when `path` is an existing directory or is written as one (`out/`).
fn names_a_directory(path: &Path) -> bool {
    path.is_dir() || path.as_os_str().to_string_lossy().ends_with(['/', '\\'])
}

/// The longest stem a page name keeps, in bytes: with `-NN.html` after it
/// the name stays well within the 255 bytes file systems allow.
const MAX_STEM: usize = 200;

/// `text` cut to at most `max` bytes, at a character boundary.
fn at_most(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// One page name per job, `STEM.html`, unique in the batch (`STEM-2.html`
/// for a second `STEM`, compared without case, as some file systems do),
/// never `index.html`.
fn page_names(jobs: &[Job]) -> Vec<String> {
    let mut taken = std::collections::HashSet::from(["index".to_owned()]);
    jobs.iter()
        .map(|job| {
            let stem = match job {
                Job::Read(Input::File(path)) => path.file_stem(),
                Job::Read(Input::Stdin) => None,
                Job::Failed(name, _) => Path::new(name).file_stem(),
            }
            .map_or_else(|| "stdin".to_owned(), |s| s.to_string_lossy().into_owned());
            let stem = at_most(stem, MAX_STEM);
            let mut name = stem.clone();
            let mut n = 1;
            while !taken.insert(name.to_lowercase()) {
                n += 1;
                name = format!("{stem}-{n}");
            }
            format!("{name}.html")
        })
        .collect()
}

/// A file name as a relative link: every byte outside a safe set (ASCII
/// letters, digits, `-._~`, and letters and digits of other scripts, kept
/// readable) is percent-encoded, so no character of a name (`\`, `/`,
/// `?`, `#`, `:`) can act as a URL separator.
fn href(name: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let safe = c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | '_' | '~')
            || (!c.is_ascii() && c.is_alphanumeric());
        if safe {
            out.push(c);
        } else {
            let mut bytes = [0u8; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Writes a whole text to stdout. Generators write into memory first, so
/// a reader that stops early (`| head`) is a plain broken pipe, which
/// `main` takes as success, never a panic or a wrapped error.
fn print_all(bytes: &[u8]) -> Result<ExitCode> {
    let mut out = Out::stdout();
    out.write_all(bytes)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn schema() -> Result<ExitCode> {
    let mut text = serde_json::to_vec_pretty(&libreport::schema::record_schema())?;
    text.push(b'\n');
    print_all(&text)
}

fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "libreport", &mut script);
    print_all(&script)
}

fn man(subcommand: Option<&str>) -> Result<ExitCode> {
    use clap::CommandFactory;
    let mut command = Cli::command();
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                bail!("no subcommand {name:?}; one of: {}", names.join(", "));
            };
            // Built, a subcommand's display name is `libreport-extract`,
            // the page's title, as man(1) looks it up.
            sub.clone()
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff)?;
    print_all(&roff)
}

fn sections(args: InputArgs) -> Result<ExitCode> {
    let jobs = jobs(&args)?;
    let mut out = Out::stdout();
    let mut failures = 0usize;
    for_each_record(&jobs, &args, |record| {
        if report_failure(&record) {
            failures += 1;
            return Ok(());
        }
        let Some(report) = record.report() else {
            return Ok(());
        };
        let library = report.library.as_deref().unwrap_or("(library not found)");
        let year = report
            .year
            .map_or_else(|| "(year not found)".to_owned(), |y| y.to_string());
        // report text and file names, shown as text on a terminal
        let (file, library) = (
            escape_for_terminal(&report.file),
            escape_for_terminal(library),
        );
        writeln!(out, "{file}  {library}  {year}")?;
        for section in &report.sections {
            let lines = format!("{}–{}", section.start_line, section.end_line);
            writeln!(
                out,
                "  {:<13}{lines:<10}{}",
                section.kind.as_str(),
                escape_for_terminal(&section.title)
            )?;
        }
        if report.sections.is_empty() {
            writeln!(out, "  (no sections)")?;
        }
        Ok(())
    })?;
    out.finish()?;
    Ok(exit_code(failures))
}

/// Reads each phrase as the extractor would and prints one JSON object per
/// figure found in it; exit 1 when some phrase has none.
fn quantity(args: QuantityArgs) -> Result<ExitCode> {
    let mut out = Out::stdout();
    let mut failures = 0usize;
    let mut print = |phrase: &str| -> Result<()> {
        // Invisible characters are dropped before reading (180​383册).
        let visible = libreport::hygiene::drop_invisible(phrase);
        for reading in libreport::phrase::read_phrase(&visible) {
            failures += usize::from(matches!(
                reading.outcome,
                libreport::phrase::Outcome::Failed { .. }
            ));
            serde_json::to_writer(&mut out, &reading)?;
            writeln!(out)?;
        }
        Ok(())
    };
    if args.phrases.is_empty() {
        for line in io::stdin().lock().lines() {
            let line = line.context("standard input")?;
            if !line.trim().is_empty() {
                print(line.trim())?;
            }
        }
    } else {
        for phrase in &args.phrases {
            print(phrase)?;
        }
    }
    out.finish()?;
    Ok(exit_code(failures))
}

/// The expected-record file beside a report: `NAME.expected.json`.
fn expected_path(report: &Path) -> PathBuf {
    report.with_extension("expected.json")
}

fn check(args: CheckArgs) -> Result<ExitCode> {
    let jobs = jobs(&args.input)?;
    let (mut passed, mut failed) = (0usize, 0usize);
    for_each_record(&jobs, &args.input, |record| {
        let problems = match check_record(&record, args.bless) {
            Ok(problems) => problems,
            Err(err) => vec![format!("{err:#}")],
        };
        if problems.is_empty() {
            passed += 1;
        } else {
            failed += 1;
            for problem in &problems {
                message(&format!("libreport: {}: {problem}", record.file()));
            }
        }
        Ok(())
    })?;
    let mut out = Out::stdout();
    writeln!(out, "{passed} passed, {failed} failed")?;
    out.finish()?;
    Ok(exit_code(failed))
}

/// What is wrong with one record; empty when it passes.
fn check_record(record: &Record, bless: bool) -> Result<Vec<String>> {
    let report = match record {
        Record::Failed(failed) => return Ok(vec![failed.error.clone()]),
        Record::Report(report) => report,
    };
    let mut problems = Vec::new();
    if report.library.is_none() {
        problems.push("no library name found".to_owned());
    }
    if report.year.is_none() {
        problems.push("no report year found".to_owned());
    }
    if report.sections.is_empty() {
        problems.push("no section found".to_owned());
    }
    if report.file == "-" {
        return Ok(problems);
    }
    let expected_file = expected_path(Path::new(&report.file));
    let actual = comparable(record)?;
    if bless {
        let mut text = serde_json::to_string_pretty(&actual)?;
        text.push('\n');
        fs::write(&expected_file, text).with_context(|| format!("{}", expected_file.display()))?;
        return Ok(problems);
    }
    if !expected_file.exists() {
        return Ok(problems);
    }
    let text = fs::read_to_string(&expected_file)
        .with_context(|| format!("{}", expected_file.display()))?;
    let expected: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(err) => bail!("{}: not JSON: {err}", expected_file.display()),
    };
    let mut differences = Vec::new();
    diff("", &expected, &actual, &mut differences);
    const SHOWN: usize = 20;
    let more = differences.len().saturating_sub(SHOWN);
    problems.extend(
        differences
            .into_iter()
            .take(SHOWN)
            .map(|d| format!("differs from {}: {d}", expected_file.display())),
    );
    if more > 0 {
        problems.push(format!("… and {more} more differences"));
    }
    Ok(problems)
}

/// The record as stored in an expected file: the `file` field holds only
/// the file name, so the comparison does not depend on where it runs from.
fn comparable(record: &Record) -> Result<Value> {
    let mut value = serde_json::to_value(record)?;
    if let Some(file) = value.get_mut("file") {
        let name = Path::new(record.file()).file_name().map_or_else(
            || record.file().to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        *file = Value::String(name);
    }
    Ok(value)
}

/// Lists where two JSON values differ, by field path.
fn diff(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => {
            for (key, want_value) in want {
                let sub = join_path(path, key);
                match got.get(key) {
                    Some(got_value) => diff(&sub, want_value, got_value, out),
                    None => out.push(format!("{sub}: missing (expected {})", short(want_value))),
                }
            }
            for (key, got_value) in got {
                if !want.contains_key(key) {
                    let sub = join_path(path, key);
                    out.push(format!("{sub}: unexpected {}", short(got_value)));
                }
            }
        }
        (Value::Array(want), Value::Array(got)) => {
            for (i, (w, g)) in want.iter().zip(got).enumerate() {
                diff(&format!("{path}[{i}]"), w, g, out);
            }
            if want.len() != got.len() {
                out.push(format!(
                    "{path}: expected {} items, got {}",
                    want.len(),
                    got.len()
                ));
            }
        }
        _ if expected != actual => out.push(format!(
            "{}: expected {}, got {}",
            if path.is_empty() { "record" } else { path },
            short(expected),
            short(actual)
        )),
        _ => {}
    }
}

fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A value in one line, cut to a readable length.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{cut}…")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn batch(n: usize, threads: u16) -> (Vec<Job>, InputArgs) {
        let jobs = (0..n)
            .map(|i| Job::Read(Input::File(PathBuf::from(format!("{i}.txt")))))
            .collect();
        let args = InputArgs {
            paths: Vec::new(),
            encoding: None,
            max_bytes: 1,
            threads: Some(threads),
            quiet: true,
            files_from: None,
            null: false,
            glob: Vec::new(),
        };
        (jobs, args)
    }

    fn index_of(job: &Job) -> usize {
        match job {
            Job::Read(Input::File(path)) => path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .and_then(|stem| stem.parse().ok())
                .unwrap_or(usize::MAX),
            _ => usize::MAX,
        }
    }

    #[test]
    fn batches_come_out_in_order_however_long_each_takes() {
        let (jobs, args) = batch(200, 3);
        let mut seen = Vec::new();
        for_each(
            &jobs,
            &args,
            |job, _, _| {
                let i = index_of(job);
                // Every seventh job is slow, so later ones finish first.
                if i.is_multiple_of(7) {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i
            },
            |i| {
                seen.push(i);
                Ok(())
            },
        )
        .expect("the batch runs");
        assert_eq!(seen, (0..200).collect::<Vec<_>>());
    }

    #[test]
    fn a_writer_error_stops_the_batch() {
        let (jobs, args) = batch(500, 2);
        let done = AtomicUsize::new(0);
        let mut written = 0;
        let result = for_each(
            &jobs,
            &args,
            |job, _, _| {
                done.fetch_add(1, Ordering::Relaxed);
                index_of(job)
            },
            |_| {
                written += 1;
                if written == 10 {
                    bail!("disk full");
                }
                Ok(())
            },
        );
        assert!(result.is_err());
        // The workers stopped within a window of the failure.
        assert!(done.load(Ordering::Relaxed) <= 10 + 2 * 8, "{done:?}");
    }

    #[test]
    fn a_panicking_job_ends_the_batch_instead_of_hanging_it() {
        let (jobs, args) = batch(100, 2);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for_each(
                &jobs,
                &args,
                |job, _, _| {
                    let i = index_of(job);
                    assert!(i != 5, "job 5 fails");
                    i
                },
                |_| Ok(()),
            )
        }));
        assert!(outcome.is_err(), "the panic is passed on");
    }

    #[test]
    fn page_names_are_unique_and_never_the_index() {
        let job = |p: &str| Job::Read(Input::File(PathBuf::from(p)));
        let jobs = [
            job("a/report.txt"),
            job("b/Report.txt"),
            job("c/index.txt"),
            Job::Read(Input::Stdin),
            job("d/年报 #1.txt"),
        ];
        let names = page_names(&jobs);
        assert_eq!(
            names,
            [
                "report.html",
                "Report-2.html",
                "index-2.html",
                "stdin.html",
                "年报 #1.html"
            ]
        );
        assert_eq!(href(&names[4]), "年报%20%231.html");
        assert_eq!(href("..\\..\\evil.html"), "..%5C..%5Cevil.html");
        assert_eq!(
            href("a/b?c:d%e\u{202e}.html"),
            "a%2Fb%3Fc%3Ad%25e%E2%80%AE.html"
        );
    }

    #[test]
    fn diff_names_the_changed_fields() {
        let want = json!({"year": 2020, "sections": [{"kind": "summary"}], "metrics": {"visits": {"value": 1}}});
        let got =
            json!({"year": 2021, "sections": [{"kind": "plan"}, {"kind": "other"}], "metrics": {}});
        let mut out = Vec::new();
        diff("", &want, &got, &mut out);
        assert_eq!(
            out,
            [
                "metrics.visits: missing (expected {\"value\":1})",
                "sections[0].kind: expected \"summary\", got \"plan\"",
                "sections: expected 1 items, got 2",
                "year: expected 2020, got 2021",
            ]
        );
    }
}
