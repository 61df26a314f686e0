//! A batch: the jobs of the command line, run on a pool of workers, the
//! results handed back in input order with flat memory.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Condvar, Mutex};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use libreport::contract::report::Record;
use libreport::input::{self, Expanded, Input};
use libreport::{Options, failed};

use super::stream::Listed;
use super::summary::watched;
use crate::cli::InputArgs;
use crate::output::message;

/// One input of a batch: a file to read, or a path that already failed.
pub(crate) enum Job {
    Read(Input),
    Failed(String, libreport::error::Error),
}

/// A file of a directory that no reader takes: named on stderr as it is
/// found, counted in the summary, listed by `--errors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unread {
    /// The file's name as records give names.
    pub name: String,
    /// Its kind for the summary's count: `.json`, `(no extension)`.
    pub kind: String,
    /// Why it is not read, as the `skipped:` line says it.
    pub cause: String,
}

/// The jobs of the command line's paths and `--files-from` list; the
/// files no reader takes are named on stderr and dropped.
pub(crate) fn jobs(args: &InputArgs) -> Result<Vec<Job>> {
    Ok(jobs_and_unread(args, true)?.0)
}

/// [`jobs`], with the files no reader takes handed back; `say` names
/// each on stderr (`check` passes over its own `.expected.json` files
/// without a word).
pub(crate) fn jobs_and_unread(args: &InputArgs, say: bool) -> Result<(Vec<Job>, Vec<Unread>)> {
    let mut jobs = Vec::new();
    let mut unread = Vec::new();
    // Each listed path is dropped once expanded: a list of a million
    // files is held once, as jobs.
    for path in crate::files::paths(args)? {
        expand(&path, &args.glob, &mut jobs, &mut unread, say);
    }
    Ok((jobs, unread))
}

/// The jobs of one path (a directory's files), pushed onto `jobs`, and
/// the files no reader takes onto `unread`; what is skipped is said on
/// stderr (the unread files when `say`).
pub(crate) fn expand(
    path: &Path,
    globs: &[String],
    jobs: &mut Vec<Job>,
    unread: &mut Vec<Unread>,
    say: bool,
) {
    for found in input::expand_with(path, globs) {
        match found {
            Expanded::Input(input) => jobs.push(Job::Read(input)),
            Expanded::Failed(path, err) => jobs.push(Job::Failed(input::path_name(&path), err)),
            Expanded::Skipped(path, why) => {
                message(&format!(
                    "libreport: {}: skipped: {why}",
                    input::path_name(&path)
                ));
            }
            Expanded::Unread(path) => {
                let file = Unread {
                    name: input::path_name(&path),
                    kind: input::kind_of(&path),
                    cause: input::unread_cause(&path),
                };
                if say {
                    message(&format!(
                        "libreport: {}: skipped: {}",
                        file.name, file.cause
                    ));
                }
                unread.push(file);
            }
        }
    }
}

/// A batch's jobs: all known before the first is read, or a
/// `--files-from` list read as the batch goes ([`Listed`]).
pub(crate) enum Jobs {
    Known(Vec<Job>, Vec<Unread>),
    Listed(Listed),
}

impl Jobs {
    /// The command line's jobs; a `--files-from` list is read while they
    /// run.
    pub(crate) fn open(args: &InputArgs) -> Result<Jobs> {
        Ok(match &args.files_from {
            Some(list) => Jobs::Listed(Listed::open(args, list)?),
            None => {
                let (jobs, unread) = jobs_and_unread(args, true)?;
                Jobs::Known(jobs, unread)
            }
        })
    }

    /// The files of directories that no reader takes, found so far (all
    /// of them once the batch has run).
    pub(crate) fn unread(&self) -> Vec<Unread> {
        match self {
            Jobs::Known(_, unread) => unread.clone(),
            Jobs::Listed(listed) => listed.unread(),
        }
    }

    /// True when the jobs come as a list is read: the output is then
    /// flushed whenever the writer waits, so that a record never waits
    /// for the next file.
    pub(crate) fn streamed(&self) -> bool {
        matches!(self, Jobs::Listed(_))
    }
}

/// What the writer of a batch is handed.
pub(crate) enum Step<T> {
    /// The next result, in input order.
    Done(T),
    /// The next result is not ready: a moment to flush what was written.
    Waiting,
}

/// Processes a batch's jobs and hands [`Step`]s to `emit`: the records in
/// input order, and a [`Step::Waiting`] whenever the next is not ready.
pub(crate) fn for_each_step(
    jobs: &Jobs,
    args: &InputArgs,
    mut emit: impl FnMut(Step<Record>) -> Result<()>,
) -> Result<()> {
    match jobs {
        Jobs::Known(jobs, _) => for_each(jobs, args, process, |record| emit(Step::Done(record))),
        Jobs::Listed(listed) => {
            let options = options(args)?;
            pool(
                None,
                args,
                &options,
                |window| listed.take(window),
                process,
                emit,
            )?;
            listed.finish()
        }
    }
}

pub(crate) fn options(args: &InputArgs) -> Result<Options> {
    let encoding = match &args.encoding {
        Some(label) => Some(libreport::decode::encoding_for_label(label)?),
        None => None,
    };
    Ok(Options {
        encoding,
        ocr: args.ocr.into(),
    })
}

pub(crate) fn process(job: &Job, options: &Options, max_bytes: u64) -> Record {
    read_and(job, max_bytes, |name, bytes| {
        libreport::extract(name, bytes, options)
    })
    .unwrap_or_else(|record| record)
}

/// Reads a job's bytes and runs `work` on them; the failed record when the
/// input cannot be read.
pub(crate) fn read_and<T>(
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
pub(crate) fn for_each_record(
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
pub(crate) fn for_each<T: Send>(
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
    let next = AtomicUsize::new(0);
    let take = |_: &Window| {
        let index = next.fetch_add(1, Ordering::Relaxed);
        jobs.get(index).map(|job| (index, job))
    };
    pool(
        Some(jobs.len()),
        args,
        &options,
        take,
        work,
        |step| match step {
            Step::Done(result) => emit(result),
            Step::Waiting => Ok(()),
        },
    )
}

/// The worker pool of [`for_each`] and [`for_each_step`]: `take` gives
/// the next job and its index (`None` at the end), `len` is the number of
/// jobs when it is known.
fn pool<J: Borrow<Job>, T: Send>(
    len: Option<usize>,
    args: &InputArgs,
    options: &Options,
    take: impl Fn(&Window) -> Option<(usize, J)> + Sync,
    work: impl Fn(&Job, &Options, u64) -> T + Sync,
    mut emit: impl FnMut(Step<T>) -> Result<()>,
) -> Result<()> {
    let threads = args
        .threads
        .map(usize::from)
        // -j 0 means every core, as ripgrep and qsv take it
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, len.unwrap_or(usize::MAX).max(1));
    let progress = progress_bar(len, args.quiet);
    let window = Window::new(threads.saturating_mul(8));
    let (sender, receiver) = mpsc::channel::<(usize, T)>();
    let (work, take, progress, window) = (&work, &take, &progress, &window);
    // A worker reads a file as the main thread would: with the main
    // thread's stack, which the readers' bounds are set against
    // (`tables::budget::HTML_TAG_ATTRIBUTES`), not a spawned thread's 2 MiB.
    const WORKER_STACK: usize = 8 * 1024 * 1024;
    std::thread::scope(|scope| {
        let worker = || {
            let sender = sender.clone();
            move || {
                // A panicking worker would leave a gap the writer waits on
                // forever: close the window so that the others stop too,
                // and the scope passes the panic on.
                let _guard = CloseOnPanic(window);
                while window.acquire() {
                    let Some((index, job)) = take(window) else {
                        break;
                    };
                    let result = work(job.borrow(), options, args.max_bytes);
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
                .stack_size(WORKER_STACK)
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
                loop {
                    let (index, result) = match receiver.try_recv() {
                        Ok(next) => next,
                        Err(TryRecvError::Disconnected) => break,
                        Err(TryRecvError::Empty) => {
                            emit(Step::Waiting)?;
                            match receiver.recv() {
                                Ok(next) => next,
                                Err(_) => break,
                            }
                        }
                    };
                    waiting.insert(index, result);
                    while let Some(result) = waiting.remove(&emitted) {
                        // messages go above the bar, never onto its line
                        progress.suspend(|| emit(Step::Done(result)))?;
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
pub(crate) struct Window {
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

    /// True once the batch has stopped.
    pub(crate) fn is_closed(&self) -> bool {
        self.state.lock().map_or(true, |state| state.closed)
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

/// A progress bar on stderr, only for a person watching a batch (see
/// [`watched`]); a count of reports when their number is not known.
fn progress_bar(len: Option<usize>, quiet: bool) -> ProgressBar {
    const FEW: usize = 8;
    if !watched(quiet) || len.is_some_and(|len| len <= FEW) {
        return ProgressBar::hidden();
    }
    let len = len.map(|len| u64::try_from(len).unwrap_or(u64::MAX));
    let bar = ProgressBar::with_draw_target(len, ProgressDrawTarget::stderr());
    let template = match len {
        Some(_) => "{bar:40} {pos}/{len} reports  {rate}  eta {eta}",
        None => "{pos} reports  {rate}",
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        // indicatif's own {per_sec} prints 3,064.9233/s
        bar.set_style(style.with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&rate(state.per_sec()));
            },
        ));
    }
    bar
}

/// Reports per second as a person reads them: whole and grouped by
/// thousands (`3,065/s`), one decimal below ten (`2.5/s`).
fn rate(per_sec: f64) -> String {
    if !per_sec.is_finite() || per_sec <= 0.0 {
        return "0/s".to_owned();
    }
    if per_sec < 9.95 {
        return format!("{per_sec:.1}/s");
    }
    let digits = format!("{:.0}", per_sec);
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped}/s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::bail;
    use std::path::PathBuf;

    #[test]
    fn the_progress_rate_is_rounded_and_grouped() {
        assert_eq!(rate(3064.9233), "3,065/s");
        assert_eq!(rate(1_234_567.4), "1,234,567/s");
        assert_eq!(rate(999.6), "1,000/s");
        assert_eq!(rate(42.2), "42/s");
        assert_eq!(rate(2.46), "2.5/s");
        assert_eq!(rate(0.0), "0/s");
        assert_eq!(rate(f64::NAN), "0/s");
    }

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
            ocr: crate::cli::OcrArg::Auto,
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
}
