//! A batch whose `--files-from` list is read while the batch runs: each
//! listed file's record is written as soon as the file is read, not when
//! the list ends. Spark's `pipe` and a queue of paths hold the list open;
//! a list of any length takes flat memory.
//!
//! The list is read on a thread of its own, which hands the jobs to the
//! workers through a bounded channel. It is never joined: when the output
//! is gone (a closed pipe) the batch ends at once, though the list's writer
//! may keep its end open, and the thread ends with the process.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::{Context, Result, bail};

use libreport::input;

use super::batch::{self, Job, Unread, Window};
use crate::cli::InputArgs;
use crate::files::{list_entry, separator};

/// How many jobs the list may be read ahead of the workers.
const AHEAD: usize = 1024;

/// How often a worker waiting for the list looks whether the batch ended.
const POLL: Duration = Duration::from_millis(50);

/// The jobs of the command line's paths, then those of a `--files-from`
/// list as it is read.
pub(crate) struct Listed {
    /// The next job's index, and the jobs in list order.
    jobs: Mutex<(usize, Receiver<Job>)>,
    /// Why the list could not be read to its end.
    failure: Arc<Mutex<Option<anyhow::Error>>>,
    /// The files of listed directories that no reader takes.
    unread: Arc<Mutex<Vec<Unread>>>,
}

impl Listed {
    /// Opens the list (an error here is a usage error: nothing has run)
    /// and starts reading it.
    pub(crate) fn open(args: &InputArgs, list: &Path) -> Result<Listed> {
        let from_stdin = list.as_os_str() == "-";
        if from_stdin && args.paths.iter().any(|path| path.as_os_str() == "-") {
            bail!(
                "standard input cannot be both a report (-) and the list of --files-from -; name one of them by its path"
            );
        }
        let name = if from_stdin {
            "--files-from -: standard input".to_owned()
        } else {
            format!("--files-from {}", input::path_name(list))
        };
        let reader: Box<dyn Read + Send> = if from_stdin {
            Box::new(io::stdin())
        } else {
            Box::new(File::open(list).with_context(|| name.clone())?)
        };
        let mut first = Vec::new();
        let mut unread_first = Vec::new();
        for path in &args.paths {
            batch::expand(path, &args.glob, &mut first, &mut unread_first, true);
        }
        let unread = Arc::new(Mutex::new(unread_first));
        let (sender, receiver) = mpsc::sync_channel(AHEAD);
        let failure = Arc::new(Mutex::new(None));
        let reading = ListReader {
            reader: BufReader::new(reader),
            null: args.null,
            from_stdin,
            globs: args.glob.clone(),
            sender,
            unread: Arc::clone(&unread),
        };
        let failed = Arc::clone(&failure);
        std::thread::Builder::new()
            .name("files-from".to_owned())
            .spawn(move || {
                if let Err(err) = reading.run(first) {
                    let mut failure = failed.lock().unwrap_or_else(PoisonError::into_inner);
                    *failure = Some(anyhow::Error::new(err).context(name));
                }
            })
            .context("cannot start the thread that reads --files-from")?;
        Ok(Listed {
            jobs: Mutex::new((0, receiver)),
            failure,
            unread,
        })
    }

    /// The next job and its index in the batch; `None` at the end of the
    /// list, or once the batch has stopped (`window` closed).
    pub(crate) fn take(&self, window: &Window) -> Option<(usize, Job)> {
        let mut jobs = self.jobs.lock().ok()?;
        let (next, receiver) = &mut *jobs;
        loop {
            match receiver.recv_timeout(POLL) {
                Ok(job) => {
                    let index = *next;
                    *next += 1;
                    return Some((index, job));
                }
                Err(RecvTimeoutError::Timeout) if !window.is_closed() => {}
                Err(_) => return None,
            }
        }
    }

    /// The files of directories that no reader takes, found so far.
    pub(crate) fn unread(&self) -> Vec<Unread> {
        self.unread
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// After the batch: why the list ended early, if it did.
    pub(crate) fn finish(&self) -> Result<()> {
        let mut failure = self.failure.lock().unwrap_or_else(PoisonError::into_inner);
        match failure.take() {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }
}

/// The list's reader, on its own thread.
struct ListReader {
    reader: BufReader<Box<dyn Read + Send>>,
    null: bool,
    from_stdin: bool,
    globs: Vec<String>,
    sender: SyncSender<Job>,
    unread: Arc<Mutex<Vec<Unread>>>,
}

impl ListReader {
    /// Sends `first`, then the jobs of each entry as it is read; stops
    /// early, with no error, when the batch is gone.
    fn run(mut self, first: Vec<Job>) -> io::Result<()> {
        for job in first {
            if self.sender.send(job).is_err() {
                return Ok(());
            }
        }
        let separator = separator(self.null);
        let mut entry = Vec::new();
        let mut jobs = Vec::new();
        loop {
            entry.clear();
            if self.reader.read_until(separator, &mut entry)? == 0 {
                return Ok(());
            }
            let bytes = entry.strip_suffix(&[separator]).unwrap_or(&entry);
            let Some(path) = list_entry(bytes, self.null) else {
                continue;
            };
            if self.from_stdin && path.as_os_str() == "-" {
                // Reading the report would swallow the rest of the list.
                let cause =
                    io::Error::other("standard input is the --files-from list, not a report");
                jobs.push(Job::Failed(
                    "-".to_owned(),
                    libreport::error::Error::Io(cause),
                ));
            } else {
                let mut unread = Vec::new();
                batch::expand(&path, &self.globs, &mut jobs, &mut unread, true);
                if !unread.is_empty() {
                    self.unread
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .extend(unread);
                }
            }
            for job in jobs.drain(..) {
                if self.sender.send(job).is_err() {
                    return Ok(());
                }
            }
        }
    }
}
