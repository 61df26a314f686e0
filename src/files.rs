//! Where a batch's paths come from besides the command line
//! (`--files-from`).

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cli::InputArgs;

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
