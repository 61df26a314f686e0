//! Which files a command reads, and reading them within a size limit.
//!
//! Paths are taken in the order given; a directory stands for every report
//! file below it (`*.txt *.html *.htm *.docx *.pdf`, or what `--glob`
//! names: [`crate::read::wanted`]), sorted by path, so a batch's output
//! order is the same on every machine. `-` is standard input. In a directory only
//! regular files are read (a FIFO would hang the batch), each directory
//! once (a symlink loop ends), and a subdirectory that cannot be read
//! fails by its own name while the rest is read. A file the scan does not
//! read is named ([`Expanded::Unread`]), unless it is hidden or an Office
//! lock file ([`is_quietly_passed`]).

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
    /// The name used in records and messages. A name that is not UTF-8
    /// shows its other bytes as `\xNN`, so two such names never read the
    /// same.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path_name(path),
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

/// Reads a file the command expects to be an ordinary one (an expected
/// record beside a report, a page of a site folder): a FIFO or a device
/// there is refused, never opened for long (a FIFO would hang, a link to
/// `/dev/zero` read forever), and no more than `max_bytes` are read.
/// A symlink to a regular file is read.
pub fn read_regular_file(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Opening a FIFO for reading waits for a writer: not with this.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO, socket or device); refused",
        ));
    }
    if meta.len() > max_bytes {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "file is {} bytes, over the limit of {max_bytes} bytes",
                meta.len()
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A path as text: itself when it is UTF-8, else with each byte that is
/// not shown as `\xNN`.
pub fn path_name(path: &Path) -> String {
    if let Some(text) = path.to_str() {
        return text.to_owned();
    }
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// Reads at most `max_bytes`; a stream that goes on past it is refused
/// (a file may grow between `metadata` and `read`, and stdin has no size).
fn read_limited(reader: impl Read, max_bytes: u64, hint: u64) -> Result<Vec<u8>, Error> {
    let capacity = usize::try_from(hint.min(max_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    // One byte past the limit tells a stream that goes on; at u64::MAX
    // there is no past (and `+ 1` would wrap to 0).
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > max_bytes {
        return Err(Error::TooLarge {
            size,
            max: max_bytes,
        });
    }
    Ok(bytes)
}

/// One thing a command-line path stands for, in path order.
#[derive(Debug)]
pub enum Expanded {
    /// An input to read.
    Input(Input),
    /// A path that cannot be used, named by itself (a subdirectory that
    /// cannot be read is named, not the directory given).
    Failed(PathBuf, Error),
    /// A path passed over, with why: a warning, not a failure.
    Skipped(PathBuf, &'static str),
    /// A file in a directory that no reader takes (`.json`, `.zip`, a
    /// name without an extension): named on stderr, counted in the
    /// batch's summary and listed by `--errors`, never passed over in
    /// silence. Hidden files, Office's `~$` lock files and, under
    /// `--glob`, the files the patterns leave out are passed over
    /// quietly instead: the user asked for that.
    Unread(PathBuf),
}

/// Why a directory scan does not read `path`, in the words of the
/// `skipped:` line: the reader table has no row for its extension.
pub fn unread_cause(path: &Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!(
            "no reader for .{} files (read: {})",
            ext.to_lowercase(),
            crate::read::extensions_list()
        ),
        None => format!(
            "no reader for a file without an extension (read: {})",
            crate::read::extensions_list()
        ),
    }
}

/// The kind of file a skipped path is, for the summary's count
/// (`2 .doc, 1 .json`): its extension, lowercased, or `(none)`.
pub fn kind_of(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).map_or_else(
        || "(no extension)".to_owned(),
        |e| format!(".{}", e.to_lowercase()),
    )
}

/// Whether a name found in a directory is passed over without a word:
/// hidden (`.git`, `.DS_Store`, as `ls`, ripgrep and fd hide them) or an
/// Office lock file (`~$2019年报.doc`, a few bytes naming who has the
/// document open, left beside it while Word or WPS runs), or the
/// `NAME.expected.json` that `check --bless` writes beside a report.
pub fn is_quietly_passed(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|name| {
            name.starts_with('.') || name.starts_with("~$") || name.ends_with(".expected.json")
        })
}

/// Expands one command-line path: a file stays itself (whatever its kind:
/// a FIFO or a device the user names is read as given), a directory
/// becomes its report files, recursively, sorted by path: the files one of
/// `globs` matches, or the report extensions when none is given. In a
/// directory, only regular files are read; each directory is read once,
/// however many links lead to it, so a symlink loop ends.
pub fn expand_with(arg: &Path, globs: &[String]) -> Vec<Expanded> {
    if arg.as_os_str() == "-" {
        return vec![Expanded::Input(Input::Stdin)];
    }
    match fs::metadata(arg) {
        Ok(meta) if meta.is_dir() => {
            let mut found = walk(arg, &meta, globs);
            if !found
                .iter()
                .any(|(_, e)| matches!(e, Expanded::Input(_) | Expanded::Failed(..)))
            {
                found.push((
                    arg.to_path_buf(),
                    Expanded::Failed(
                        arg.to_path_buf(),
                        Error::Io(io::Error::other(if globs.is_empty() {
                            format!(
                                "directory holds no report file ({})",
                                crate::read::extensions_list()
                            )
                        } else {
                            "directory holds no file the --glob patterns match".to_owned()
                        })),
                    ),
                ));
            }
            found.sort_by(|(a, _), (b, _)| a.cmp(b));
            found.into_iter().map(|(_, e)| e).collect()
        }
        Ok(_) => vec![Expanded::Input(Input::File(arg.to_path_buf()))],
        Err(err) => vec![Expanded::Failed(arg.to_path_buf(), Error::Io(err))],
    }
}

/// Whether a file found in a directory is a report to read, by its name:
/// a report extension, or one of `globs` when any are given.
pub fn is_report_name(path: &Path, globs: &[String]) -> bool {
    crate::read::wanted(path, globs)
}

/// A directory's identity: the same directory reached by two paths (a
/// symlink) has one.
#[cfg(unix)]
type DirId = (u64, u64);
#[cfg(not(unix))]
type DirId = PathBuf;

#[cfg(unix)]
fn dir_id(_path: &Path, meta: &fs::Metadata) -> Option<DirId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_id(path: &Path, _meta: &fs::Metadata) -> Option<DirId> {
    fs::canonicalize(path).ok()
}

/// Every report file below `top`, with the failures and the skipped paths
/// met on the way, each with the path it sorts by. An explicit stack, not
/// recursion: a deep tree cannot overflow it.
fn walk(top: &Path, meta: &fs::Metadata, globs: &[String]) -> Vec<(PathBuf, Expanded)> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    seen.extend(dir_id(top, meta));
    let mut stack = vec![top.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                out.push((dir.clone(), Expanded::Failed(dir, Error::Io(err))));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    // a directory that fails while listed is named itself;
                    // its listing may not go on
                    out.push((dir.clone(), Expanded::Failed(dir.clone(), Error::Io(err))));
                    break;
                }
            };
            let path = entry.path();
            if is_quietly_passed(&path) {
                continue;
            }
            // A plain file needs no more than its directory entry says (most
            // file systems say it without a stat).
            if entry.file_type().is_ok_and(|kind| kind.is_file()) {
                if is_report_name(&path, globs) {
                    out.push((path.clone(), Expanded::Input(Input::File(path))));
                } else if globs.is_empty() {
                    out.push((path.clone(), Expanded::Unread(path)));
                }
                continue;
            }
            // Symlinks are followed: a link to a report or a folder counts.
            let meta = match fs::metadata(&path) {
                Ok(meta) => meta,
                Err(err) => {
                    // a dangling link or a file gone since: only a report's
                    // name is worth a message
                    if is_report_name(&path, globs) {
                        out.push((path.clone(), Expanded::Failed(path, Error::Io(err))));
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                match dir_id(&path, &meta) {
                    Some(id) if !seen.insert(id) => out.push((
                        path.clone(),
                        Expanded::Skipped(path, "a directory already read (a link loop)"),
                    )),
                    _ => stack.push(path),
                }
            } else if is_report_name(&path, globs) {
                if meta.is_file() {
                    out.push((path.clone(), Expanded::Input(Input::File(path))));
                } else {
                    // a FIFO would hang the batch, a device never ends
                    out.push((path.clone(), Expanded::Skipped(path, "not a regular file")));
                }
            } else if meta.is_file() && globs.is_empty() {
                out.push((path.clone(), Expanded::Unread(path)));
            }
        }
    }
    out
}
