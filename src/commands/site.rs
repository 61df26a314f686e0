//! `view`'s output: one page per report, to a file, stdout or a site
//! directory with an index.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use libreport::Options;
use libreport::audit::{self, Audited};
use libreport::input::Input;
use libreport::report::Record;
use libreport::view::{self, IndexRow};

use crate::cli::ViewArgs;
use crate::output::{self, Out, message};

use super::batch::{Job, for_each, jobs, read_and};
use super::summary::Summary;
use super::{exit_code, report_failure};

/// Where `view` writes.
enum Site {
    /// One page, to this file or to stdout.
    Page(Option<PathBuf>),
    /// A directory of pages and an index.
    Dir(PathBuf),
}

pub(crate) fn view(args: ViewArgs) -> Result<ExitCode> {
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
    let mut summary = Summary::default();
    match site {
        Site::Page(out) => {
            for_each(&jobs, &args.input, work, |audited| {
                report_failure(&audited.record);
                summary.add(&audited.record);
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
            let mut rows = Vec::with_capacity(jobs.len());
            let mut next = 0usize;
            for_each(&jobs, &args.input, work, |audited| {
                let name = &names[next];
                next += 1;
                report_failure(&audited.record);
                summary.add(&audited.record);
                if let Some(page) = &audited.page {
                    let path = dir.join(name);
                    output::write_in_folder(&path, |w| Ok(w.write_all(page.as_bytes())?))?;
                }
                // Only the row is kept for the whole batch: the mentions,
                // tables, chronicle and plan are dropped once the page is
                // written.
                rows.push(match &audited.record {
                    Record::Report(report) => IndexRow::from_report(report, href(name)),
                    Record::Failed(failed) => IndexRow::failed(&failed.file, &failed.error),
                });
                Ok(())
            })?;
            rows.extend(earlier_pages(&dir, &names));
            let index = view::render_index_rows(&rows);
            output::write_in_folder(&dir.join("index.html"), |w| {
                Ok(w.write_all(index.as_bytes())?)
            })?;
        }
    }
    summary.print(jobs.len(), args.input.quiet);
    Ok(exit_code(summary.failed))
}

/// The rows of the pages already in `dir` that this run did not write
/// (`written`), sorted by name: `view one.txt -o site/` into an existing
/// site keeps the other reports in its index. A page libreport did not
/// write is left out with a note.
fn earlier_pages(dir: &Path, written: &[String]) -> Vec<IndexRow> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".html") && name != "index.html" && !written.contains(name))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let path = dir.join(&name);
            // Only a regular file is read (a FIFO would hang, a link to
            // /dev/zero read forever), and only its head, where the row is.
            let row = libreport::input::read_regular_file(&path, MAX_PAGE_BYTES)
                .ok()
                .and_then(|html| IndexRow::from_page(&String::from_utf8_lossy(&html), href(&name)));
            if row.is_none() {
                message(&format!(
                    "libreport: {}: not a libreport page; left out of the index",
                    path.display()
                ));
            }
            row
        })
        .collect()
}

/// The largest earlier page read back for its index row.
const MAX_PAGE_BYTES: u64 = 256 * 1024 * 1024;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
