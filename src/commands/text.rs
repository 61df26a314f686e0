//! `libreport text`: each input's text as its reader made it, numbered.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::batch::{self, Job};
use crate::cli::InputArgs;
use crate::output::{Out, escape_for_terminal, message};

/// Prints each input's text with its line numbers, under its name when
/// there are several; an input that cannot be read is named on stderr and
/// the rest go on.
pub(super) fn text(args: InputArgs) -> Result<ExitCode> {
    let options = batch::options(&args)?;
    let jobs = batch::jobs(&args)?;
    let several = jobs.len() > 1;
    let mut failures = 0usize;
    let mut out = Out::stdout();
    for job in jobs {
        let read = match job {
            Job::Read(input) => {
                let name = input.name();
                input
                    .read(args.max_bytes)
                    .and_then(|bytes| libreport::read::read(&name, &bytes, &options))
                    .map(|text| (name.clone(), text))
                    .map_err(|err| (name, err))
            }
            Job::Failed(name, err) => Err((name, err)),
        };
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
