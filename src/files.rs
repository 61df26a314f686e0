//! Where a batch's paths come from besides the command line
//! (`--files-from`), and `libreport text`.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use libreport::Options;
use libreport::input::{self, Expanded};

use crate::cli::InputArgs;
use crate::output::{Out, escape_for_terminal, message};

/// The command line's paths, then those `--files-from` lists, in order.
pub fn paths(args: &InputArgs) -> Result<Vec<PathBuf>> {
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        let bytes = if list.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("--files-from -: standard input")?;
            bytes
        } else {
            fs::read(list).with_context(|| format!("--files-from {}", list.display()))?
        };
        paths.extend(split_list(&bytes, args.null));
    }
    Ok(paths)
}

/// The paths of a list: one a line (a `\r` before the `\n` dropped, blank
/// lines skipped), or NUL-separated with `null`, where names may hold any
/// byte but NUL.
pub fn split_list(bytes: &[u8], null: bool) -> Vec<PathBuf> {
    bytes
        .split(|&b| b == separator(null))
        .filter_map(|entry| list_entry(entry, null))
        .collect()
}

/// The byte that ends a list's entries.
pub fn separator(null: bool) -> u8 {
    if null { b'\0' } else { b'\n' }
}

/// One entry of a list (its separator stripped) as a path; `None` for a
/// blank line.
pub fn list_entry(entry: &[u8], null: bool) -> Option<PathBuf> {
    let entry = if null {
        entry
    } else {
        entry.strip_suffix(b"\r").unwrap_or(entry)
    };
    (!entry.is_empty()).then(|| PathBuf::from(os_string(entry)))
}

#[cfg(unix)]
fn os_string(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(bytes).to_owned()
}

#[cfg(not(unix))]
fn os_string(bytes: &[u8]) -> OsString {
    OsString::from(String::from_utf8_lossy(bytes).into_owned())
}

/// `libreport text`: each input's text as its reader made it, numbered.
pub fn text(args: InputArgs) -> Result<ExitCode> {
    let encoding = match &args.encoding {
        Some(label) => Some(libreport::decode::encoding_for_label(label)?),
        None => None,
    };
    let options = Options {
        encoding,
        ocr: args.ocr.into(),
    };
    let mut inputs = Vec::new();
    let mut failures = 0usize;
    for path in paths(&args)? {
        for found in input::expand_with(&path, &args.glob) {
            match found {
                Expanded::Input(input) => inputs.push(Ok(input)),
                Expanded::Failed(path, err) => inputs.push(Err((input::path_name(&path), err))),
                Expanded::Skipped(path, why) => {
                    message(&format!(
                        "libreport: {}: skipped: {why}",
                        input::path_name(&path)
                    ));
                }
                Expanded::Unread(path) => {
                    message(&format!(
                        "libreport: {}: skipped: {}",
                        input::path_name(&path),
                        input::unread_cause(&path)
                    ));
                }
            }
        }
    }
    let several = inputs.len() > 1;
    let mut out = Out::stdout();
    for input in inputs {
        let read = input.and_then(|input| {
            let name = input.name();
            input
                .read(args.max_bytes)
                .and_then(|bytes| libreport::read::read(&name, &bytes, &options))
                .map(|text| (name.clone(), text))
                .map_err(|err| (name, err))
        });
        match read {
            Ok((name, text)) => {
                if several {
                    // A name may hold ESC and other controls: shown, not obeyed.
                    writeln!(out, "==> {} <==", escape_for_terminal(&name))?;
                }
                for (i, line) in text.text.lines().enumerate() {
                    writeln!(out, "{:>6}\t{line}", i + 1)?;
                }
            }
            Err((name, err)) => {
                out.flush()?;
                message(&format!("libreport: {name}: {err}"));
                failures += 1;
            }
        }
    }
    out.finish()?;
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_by_line_or_by_nul() {
        assert_eq!(
            split_list(b"a.txt\r\n\nb c.pdf\n", false),
            [PathBuf::from("a.txt"), PathBuf::from("b c.pdf")]
        );
        assert_eq!(
            split_list(b"a\nb.txt\0c.html\0", true),
            [PathBuf::from("a\nb.txt"), PathBuf::from("c.html")]
        );
        assert!(split_list(b"", true).is_empty());
    }
}
