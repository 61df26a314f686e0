//! Where a command's output goes: one writer for standard output and for
//! `-o` files, safe replacement of an output file, and messages on stderr.
//!
//! Every write error is an [`OutputError`] naming the user's path (never a
//! temporary file), so `main` can tell it from a usage error: a closed pipe
//! ends the run quietly, anything else (a full disk) is
//! `libreport: PATH: No space left on device` and exit 1.

use std::ffi::OsStr;
use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A failed write to the output, named as the user named it.
#[derive(Debug)]
pub struct OutputError {
    /// The user's path, or `standard output`.
    pub target: String,
    /// What failed.
    pub source: io::Error,
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The system's words without the error number: "No space left on
        // device".
        let text = self.source.to_string();
        let cause = text.split(" (os error").next().unwrap_or(&text);
        write!(f, "{}: {cause}", self.target)
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// `err` as an I/O error of the same kind that names `target`.
fn named(target: &str, err: io::Error) -> io::Error {
    // already named (a nested writer)
    if err
        .get_ref()
        .is_some_and(|inner| inner.downcast_ref::<OutputError>().is_some())
    {
        return err;
    }
    io::Error::new(
        err.kind(),
        OutputError {
            target: target.to_owned(),
            source: err,
        },
    )
}

/// The output error in an error's chain, if it is one.
pub fn output_error(err: &anyhow::Error) -> Option<&OutputError> {
    err.chain().find_map(|cause| {
        cause.downcast_ref::<OutputError>().or_else(|| {
            cause
                .downcast_ref::<io::Error>()
                .and_then(|e| e.get_ref())
                .and_then(|inner| inner.downcast_ref::<OutputError>())
        })
    })
}

/// A buffered writer whose errors name its target.
pub struct Out<'w> {
    target: String,
    inner: BufWriter<Box<dyn Write + 'w>>,
}

impl<'w> Out<'w> {
    /// Standard output.
    pub fn stdout() -> Out<'static> {
        Out::new("standard output".to_owned(), Box::new(io::stdout().lock()))
    }

    fn new(target: String, inner: Box<dyn Write + 'w>) -> Out<'w> {
        Out {
            target,
            inner: BufWriter::with_capacity(64 * 1024, inner),
        }
    }

    /// Flushes everything; the error names the target.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush()
    }
}

impl Write for Out<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner
            .write(buf)
            .map_err(|err| named(&self.target, err))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner
            .write_all(buf)
            .map_err(|err| named(&self.target, err))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|err| named(&self.target, err))
    }
}

/// Writes an output file at `path` with `fill`.
///
/// Writes a file inside a folder libreport fills (a `view` site's pages and
/// index, `check --bless`'s expected files): as [`write_file`], but only a
/// regular file or a new one is written. A symlink there is refused, not
/// followed (one planted in the folder would have the write land outside
/// it), and so is a FIFO or a device.
pub fn write_in_folder(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let target = libreport::input::path_name(path);
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(anyhow::Error::new(named(
            &target,
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "is a symlink; not written through (remove it to write the file)",
            ),
        ))),
        Ok(meta) if !meta.is_file() && !meta.is_dir() => Err(anyhow::Error::new(named(
            &target,
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "is not a regular file (a FIFO, socket or device); not written",
            ),
        ))),
        _ => write_file(path, fill),
    }
}

/// A regular file (or a new one) is written to a temporary file beside it,
/// created with O_EXCL under a random short name (so a long target name
/// still works, and a planted file or link is never written through), that
/// takes the old file's mode and is renamed over the target only when all
/// was written: an interrupted run never leaves half an output, and
/// SIGINT or SIGTERM remove the temporary file. A symlink is followed: the
/// file it points to is replaced, the link stays. A read-only file is
/// refused. Anything else (a device, a FIFO, `/dev/stdout`) is written
/// straight to, with no temporary file and no rename.
pub fn write_file(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let target = libreport::input::path_name(path);
    let fail = |err: io::Error| anyhow::Error::new(named(&target, err));
    if is_stdout(path) {
        let mut out = Out::stdout();
        out.target = target.clone();
        fill(&mut out)?;
        return Ok(out.finish()?);
    }
    let meta = match fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(fail(err)),
    };
    match &meta {
        Some(meta) if meta.is_dir() => {
            return Err(fail(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            )));
        }
        Some(meta) if !meta.is_file() => {
            // a device or a FIFO: written as it is, never replaced
            let file = OpenOptions::new().write(true).open(path).map_err(fail)?;
            let mut out = Out::new(target.clone(), Box::new(file));
            fill(&mut out)?;
            return Ok(out.finish()?);
        }
        Some(meta) if meta.permissions().readonly() => {
            return Err(fail(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only; not replaced",
            )));
        }
        _ => {}
    }
    // Through a symlink, the file it names is replaced.
    let real = match &meta {
        Some(_) => fs::canonicalize(path).map_err(fail)?,
        None => path.to_path_buf(),
    };
    let dir = match real.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    sweep_once(&dir);
    let prefix = temp_prefix(std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX).rand_bytes(10);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta
            .as_ref()
            .map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let tmp = builder.tempfile_in(&dir).map_err(fail)?;
    let _cleanup = signals::Registered::new(tmp.path());
    if let Some(meta) = &meta {
        // exactly the old mode, whatever the umask
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(fail)?;
    }
    let file = tmp.as_file().try_clone().map_err(fail)?;
    let mut out = Out::new(target.clone(), Box::new(file));
    fill(&mut out)?;
    out.finish()?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(&real).map_err(|err| fail(err.error))?;
    Ok(())
}

/// A temporary file's name: `.libreport-PID-RANDOM.tmp`, short whatever
/// the target's name, and telling which run made it.
fn temp_prefix(pid: u32) -> String {
    format!(".libreport-{pid}-")
}

const TEMP_SUFFIX: &str = ".tmp";

/// Removes the temporary files that runs killed outright (SIGKILL, a
/// crash) left in `dir`: ours by name, regular files, made by a process
/// that no longer runs. Once per directory and run: a site of many pages
/// is not listed once per page.
fn sweep_once(dir: &Path) {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static SWEPT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let Ok(mut swept) = SWEPT.lock() else {
        return;
    };
    if !swept
        .get_or_insert_with(HashSet::new)
        .insert(dir.to_path_buf())
    {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(left_by) else {
            continue;
        };
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if regular && pid != std::process::id() && !is_running(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name, if it is one of ours.
fn left_by(name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix(".libreport-")?
        .strip_suffix(TEMP_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    (random.len() == 10 && random.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Whether a process runs with this id (or may: when unsure, yes, and its
/// file stays).
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    // SAFETY: kill with signal 0 sends nothing; it only checks the process.
    let alive = unsafe { libc::kill(pid, 0) } == 0;
    alive || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

/// `/dev/stdout` and its aliases: this process's own standard output.
fn is_stdout(path: &Path) -> bool {
    ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|alias| path.as_os_str() == OsStr::new(alias))
}

/// Writes one line to stderr, escaped for a terminal; a failing stderr is
/// not worth a panic.
pub fn message(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}", escape_for_terminal(line));
}

/// Whether messages should be in Chinese: the locale that names the
/// language of messages (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, the
/// first one set and not empty, as POSIX orders them) is a Chinese one
/// (`zh_CN.UTF-8`, `zh_TW`, `zh`).
pub fn chinese_locale() -> bool {
    locale_is_chinese(|name| std::env::var(name).ok())
}

fn locale_is_chinese(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .is_some_and(|value| value.starts_with("zh"))
}

/// `text` with the characters a terminal would act on (control
/// characters, escape sequences, a newline that forges a line, bidi
/// overrides) written as `\n`, `\x1b`, `\u{202e}`: shown, never obeyed.
pub fn escape_for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    let acts =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !text.contains(acts) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x100 && acts(c) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if acts(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Removing the temporary output files when SIGINT or SIGTERM ends the
/// run. The handler may only do what is safe in a signal handler: unlink
/// the paths registered (kept as C strings in fixed slots), restore the
/// default action and raise the signal again, so the run still ends as
/// the signal says.
#[cfg(unix)]
mod signals {
    use std::ffi::{CString, c_char, c_int};
    use std::path::Path;
    use std::sync::Once;
    use std::sync::atomic::{AtomicPtr, Ordering};

    const SLOTS: usize = 8;
    static PATHS: [AtomicPtr<c_char>; SLOTS] =
        [const { AtomicPtr::new(std::ptr::null_mut()) }; SLOTS];
    static INSTALL: Once = Once::new();

    extern "C" fn on_signal(signal: c_int) {
        for slot in &PATHS {
            let path = slot.load(Ordering::SeqCst);
            if !path.is_null() {
                // SAFETY: a registered pointer stays valid until it is
                // taken out of its slot; unlink is async-signal-safe.
                unsafe {
                    libc::unlink(path);
                }
            }
        }
        // SAFETY: signal and raise are async-signal-safe.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    fn install() {
        INSTALL.call_once(|| {
            for signal in [libc::SIGINT, libc::SIGTERM] {
                // SAFETY: the handler only calls async-signal-safe functions.
                unsafe {
                    let handler = on_signal as extern "C" fn(c_int) as libc::sighandler_t;
                    // a signal the parent ignores (nohup, a background
                    // job's SIGINT) stays ignored
                    if libc::signal(signal, handler) == libc::SIG_IGN {
                        libc::signal(signal, libc::SIG_IGN);
                    }
                }
            }
        });
    }

    /// A temporary file the signal handler removes, while this lives.
    pub struct Registered {
        slot: Option<usize>,
    }

    impl Registered {
        pub fn new(path: &Path) -> Registered {
            use std::os::unix::ffi::OsStrExt;
            install();
            let Ok(c_path) = CString::new(path.as_os_str().as_bytes()) else {
                return Registered { slot: None };
            };
            let raw = c_path.into_raw();
            for (i, slot) in PATHS.iter().enumerate() {
                if slot
                    .compare_exchange(
                        std::ptr::null_mut(),
                        raw,
                        Ordering::SeqCst,
                        Ordering::SeqCst,
                    )
                    .is_ok()
                {
                    return Registered { slot: Some(i) };
                }
            }
            // every slot taken: this file is removed on a normal end only
            // SAFETY: `raw` came from `into_raw` just above and was not shared.
            drop(unsafe { CString::from_raw(raw) });
            Registered { slot: None }
        }
    }

    impl Drop for Registered {
        fn drop(&mut self) {
            if let Some(i) = self.slot {
                let raw = PATHS[i].swap(std::ptr::null_mut(), Ordering::SeqCst);
                if !raw.is_null() {
                    // SAFETY: `raw` came from `into_raw` in `new`, and the
                    // slot no longer holds it.
                    drop(unsafe { CString::from_raw(raw) });
                }
            }
        }
    }
}

#[cfg(not(unix))]
mod signals {
    /// Without Unix signals, the temporary file goes on a normal end only.
    pub struct Registered;

    impl Registered {
        pub fn new(_path: &std::path::Path) -> Registered {
            Registered
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escaping_shows_what_a_terminal_would_obey() {
        assert_eq!(escape_for_terminal("年报.txt"), "年报.txt");
        assert_eq!(
            escape_for_terminal("a\nlibreport: forged\x1b[31m\u{202e}"),
            "a\\nlibreport: forged\\x1b[31m\\u{202e}"
        );
        assert_eq!(escape_for_terminal("\u{85}\u{7f}"), "\\x85\\x7f");
    }

    #[test]
    fn only_our_temporary_names_are_read_as_left_behind() {
        assert_eq!(left_by(".libreport-4242-aB3dE5fG7h.tmp"), Some(4242));
        assert_eq!(
            left_by(&format!("{}aB3dE5fG7h.tmp", temp_prefix(7))),
            Some(7)
        );
        for name in [
            ".libreport-4242-short.tmp",
            ".libreport-x-aB3dE5fG7h.tmp",
            "libreport-4242-aB3dE5fG7h.tmp",
            ".libreport-4242-aB3dE5fG7h.json",
            "out.json",
        ] {
            assert_eq!(left_by(name), None, "{name}");
        }
    }

    #[test]
    fn output_errors_name_the_target_in_plain_words() {
        let err = named("out.json", io::Error::from_raw_os_error(28));
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        let err = anyhow::Error::new(err);
        let found = output_error(&err).map(ToString::to_string);
        assert_eq!(found.as_deref(), Some("out.json: No space left on device"));
    }

    #[test]
    fn the_first_locale_variable_set_decides_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert!(locale_is_chinese(env(&[("LANG", "zh_CN.UTF-8")])));
        assert!(locale_is_chinese(env(&[
            ("LC_ALL", "zh_TW.UTF-8"),
            ("LANG", "C")
        ])));
        assert!(!locale_is_chinese(env(&[
            ("LC_ALL", "C.UTF-8"),
            ("LANG", "zh_CN.UTF-8")
        ])));
        assert!(locale_is_chinese(env(&[
            ("LC_ALL", ""),
            ("LANG", "zh_CN.UTF-8")
        ])));
        assert!(!locale_is_chinese(env(&[("LANG", "en_US.UTF-8")])));
        assert!(!locale_is_chinese(env(&[])));
    }
}
