//! Which files a command reads, and reading them within a size limit.
//!
//! Paths are taken in the order given; a directory stands for every report
//! file below it (`*.txt *.html *.htm *.docx *.pdf`, or what `--glob`
//! names: [`crate::read::wanted`]), sorted by path, so a batch's output
//! order is the same on every machine. `-` is standard input.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The default limit on a file's size: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One input of a batch.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// A file path.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// The name used in records and messages.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "-".to_owned(),
        }
    }

    /// Reads the whole input, refusing more than `max_bytes` before reading
    /// it into memory.
    pub fn read(&self, max_bytes: u64) -> Result<Vec<u8>, Error> {
        match self {
            Input::File(path) => {
                let file = File::open(path)?;
                let meta = file.metadata()?;
                if meta.is_dir() {
                    return Err(Error::Io(io::Error::new(
                        io::ErrorKind::IsADirectory,
                        "is a directory",
                    )));
                }
                if meta.len() > max_bytes {
                    return Err(Error::TooLarge {
                        size: meta.len(),
                        max: max_bytes,
                    });
                }
                read_limited(file, max_bytes, meta.len())
            }
            Input::Stdin => read_limited(io::stdin().lock(), max_bytes, 0),
        }
    }
}

/// Reads at most `max_bytes`; a stream that goes on past it is refused
/// (a file may grow between `metadata` and `read`, and stdin has no size).
fn read_limited(reader: impl Read, max_bytes: u64, hint: u64) -> Result<Vec<u8>, Error> {
    let capacity = usize::try_from(hint.min(max_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader.take(max_bytes + 1).read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    if size > max_bytes {
        return Err(Error::TooLarge {
            size,
            max: max_bytes,
        });
    }
    Ok(bytes)
}

/// What a command-line path stands for.
#[derive(Debug)]
pub enum Expanded {
    /// Inputs to read.
    Inputs(Vec<Input>),
    /// The path cannot be used; the cause names it.
    Failed(Error),
}

/// Expands one command-line path into inputs: a file stays itself, a
/// directory becomes its report files (recursively, sorted).
pub fn expand(arg: &Path) -> Expanded {
    expand_with(arg, &[])
}

/// [`expand`], a directory scan taking the files one of `globs` matches
/// instead of the report extensions when any are given.
pub fn expand_with(arg: &Path, globs: &[String]) -> Expanded {
    if arg.as_os_str() == "-" {
        return Expanded::Inputs(vec![Input::Stdin]);
    }
    match fs::metadata(arg) {
        Ok(meta) if meta.is_dir() => {
            let mut files = Vec::new();
            match collect_txt(arg, globs, &mut files) {
                Ok(()) if files.is_empty() => {
                    Expanded::Failed(Error::Io(io::Error::other(if globs.is_empty() {
                        "directory holds no report file (.txt .html .htm .docx .pdf)"
                    } else {
                        "directory holds no file the --glob patterns match"
                    })))
                }
                Ok(()) => {
                    files.sort();
                    Expanded::Inputs(files.into_iter().map(Input::File).collect())
                }
                Err(err) => Expanded::Failed(Error::Io(err)),
            }
        }
        Ok(_) => Expanded::Inputs(vec![Input::File(arg.to_path_buf())]),
        Err(err) => Expanded::Failed(Error::Io(err)),
    }
}

fn collect_txt(dir: &Path, globs: &[String], out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() || (kind.is_symlink() && path.is_dir()) {
            collect_txt(&path, globs, out)?;
        } else if crate::read::wanted(&path, globs) {
            out.push(path);
        }
    }
    Ok(())
}
