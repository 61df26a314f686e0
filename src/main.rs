//! The `libreport` binary: parse the command line, run, map the outcome to
//! an exit code (0 all good, 1 some inputs failed, 2 usage error).

mod cli;
mod commands;
mod files;
mod output;

use std::io;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // clap exits with status 2 on a usage error and 0 for --help.
    let cli = cli::Cli::parse();
    match commands::run(cli.command) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        // the output failed (a full disk): the inputs were fine, the run
        // was not
        Err(err) if output::output_error(&err).is_some() => {
            if let Some(output) = output::output_error(&err) {
                output::message(&format!("libreport: {output}"));
            }
            ExitCode::FAILURE
        }
        Err(err) => {
            output::message(&format!("libreport: {err:#}"));
            ExitCode::from(2)
        }
    }
}

/// `libreport extract dir | head` closes our stdout early: that is the
/// reader's choice, not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
