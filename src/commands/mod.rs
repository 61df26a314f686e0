//! What each subcommand does. The batch machinery (worker pool, ordered
//! output) is in [`batch`], `view`'s site in [`site`], `check`'s golden diff
//! in [`check`]; atomic output files are `crate::output`'s.

mod batch;
mod check;
mod ci;
mod keys;
mod site;
mod stream;
mod summary;
mod text;

use std::io::{self, BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use libreport::contract::report::Record;
use libreport::write::{self, OutputFormat, Table};

use crate::cli::{Cli, Command, ExtractArgs, InputArgs, QuantityArgs};
use crate::output::{self, Out, escape_for_terminal, message};

use batch::{Jobs, Step, for_each_record, for_each_step, jobs};
use summary::Summary;

/// Runs a parsed command line; the exit code says whether every input was
/// good (0) or some failed (1).
pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Extract(args) => extract(args),
        Command::View(args) => site::view(args),
        Command::Check(args) => check::check(args),
        Command::Sections(args) => sections(args),
        Command::Text(args) => text::text(args),
        Command::Quantity(args) => quantity(args),
        Command::Keys(args) => keys::keys(args),
        Command::Schema => schema(),
        Command::Completions { shell } => completions(shell),
        Command::Man { subcommand } => man(subcommand.as_deref()),
    }
}

pub(crate) fn report_failure(record: &Record) -> bool {
    if let Record::Failed(failed) = record {
        // the failure in the language of the user's locale
        let cause = if output::chinese_locale() {
            &failed.error_zh
        } else {
            &failed.error
        };
        message(&format!("libreport: {}: {cause}", failed.file));
        true
    } else {
        false
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let for_spreadsheet = args.bom || args.excel;
    let table = args.table.map(Table::from);
    let fallback = if for_spreadsheet || table.is_some() {
        OutputFormat::Csv
    } else {
        OutputFormat::Json
    };
    let format = match args.format {
        Some(format) => OutputFormat::from(format),
        None => format_of(args.output.as_deref(), "--output")?.unwrap_or(fallback),
    };
    if for_spreadsheet && !format.is_csv() {
        // A BOM breaks most JSON readers; refuse rather than surprise.
        let flag = if args.excel { "--excel" } else { "--bom" };
        bail!(
            "{flag} is for CSV output (--format csv or csv-long), not {}",
            format.name()
        );
    }
    if args.headers == Some(crate::cli::HeadersArg::Zh)
        && !format.is_csv()
        && format != OutputFormat::Xlsx
    {
        bail!(
            "--headers zh is for CSV, TSV and the workbook, not {}: JSON keys stay English",
            format.name()
        );
    }
    if let Some(table) = table
        && !format.is_csv()
    {
        bail!(
            "--table {} writes CSV or TSV (--format csv or tsv), not {}",
            table.name(),
            format.name()
        );
    }
    // Failed files' records, when kept apart: in the format the errors
    // file's extension names, else the output's (a table has no rows for
    // them: its errors file is the wide form).
    let errors_format = match &args.errors {
        Some(path) => Some(format_of(Some(path), "--errors")?.unwrap_or(
            match (table, format.is_tsv()) {
                (None, _) => format,
                (Some(_), false) => OutputFormat::Csv,
                (Some(_), true) => OutputFormat::Tsv,
            },
        )),
        None => None,
    };
    let mut style = args.csv_style();
    if format == OutputFormat::Xlsx && args.headers.is_none() {
        // a workbook is for people: Chinese headers unless asked otherwise
        style.headers = libreport::dictionary::Headers::Zh;
    }
    let jobs = Jobs::open(&args.input)?;
    let streamed = jobs.streamed();
    let mut summary = Summary::default();
    let mut run = |out: &mut dyn Write, errors: Option<&mut dyn Write>| -> Result<()> {
        let mut writer = match table {
            Some(table) => write::table_writer(table, format, style, out),
            None => write::writer(format, style, out),
        };
        let mut errors = match (errors, errors_format) {
            (Some(errors), Some(format)) => Some(write::writer(format, style, errors)),
            _ => None,
        };
        for_each_step(&jobs, &args.input, |step| {
            let record = match step {
                Step::Done(record) => record,
                // A streamed batch's records reach their reader while the
                // list is still being read.
                Step::Waiting if streamed => {
                    writer.flush()?;
                    if let Some(errors) = &mut errors {
                        errors.flush()?;
                    }
                    return Ok(());
                }
                Step::Waiting => return Ok(()),
            };
            report_failure(&record);
            summary.add(&record);
            match (&mut errors, &record) {
                (Some(errors), Record::Failed(_)) => errors.record(&record)?,
                _ => writer.record(&record)?,
            }
            Ok(())
        })?;
        // The files no reader took end the errors file, after the
        // failures: named there as they were on stderr.
        let unread = jobs.unread();
        summary.add_skipped(&unread);
        if let Some(errors) = &mut errors {
            for file in unread {
                errors.record(&libreport::failed(
                    &file.name,
                    &libreport::error::Error::Skipped(file.cause),
                ))?;
            }
        }
        writer.finish()?;
        if let Some(errors) = &mut errors {
            errors.finish()?;
        }
        Ok(())
    };
    let mut to_output = |errors: Option<&mut dyn Write>| -> Result<()> {
        match &args.output {
            Some(path) => output::write_file(path, |file| run(file, errors)),
            None => {
                let mut out = Out::stdout();
                run(&mut out, errors)?;
                Ok(out.finish()?)
            }
        }
    };
    match &args.errors {
        Some(path) => output::write_file(path, |errors| to_output(Some(errors)))?,
        None => to_output(None)?,
    }
    summary.print(summary.reports + summary.failed, args.input.quiet);
    Ok(exit_code(summary.failed))
}

/// The format an output path's extension names; `None` without a path,
/// or for a path that is no data file (a device or a FIFO such as
/// `/dev/null`). Any other path needs a known extension: nothing is
/// written as JSON under a name that says otherwise.
fn format_of(path: Option<&Path>, flag: &str) -> Result<Option<OutputFormat>> {
    let Some(path) = path else {
        return Ok(None);
    };
    if let Some(format) = OutputFormat::from_extension(path) {
        return Ok(Some(format));
    }
    let is_stream = std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    if is_stream {
        return Ok(None);
    }
    bail!(
        "{flag} {}: cannot tell the format from the name; use .json, .jsonl, .csv, .tsv or .xlsx, or name one with --format",
        libreport::input::path_name(path)
    );
}

pub(crate) fn exit_code(failures: usize) -> ExitCode {
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Writes a whole text to stdout. Generators write into memory first, so
/// a reader that stops early (`| head`) is a plain broken pipe, which
/// `main` takes as success, never a panic or a wrapped error.
fn print_all(bytes: &[u8]) -> Result<ExitCode> {
    let mut out = Out::stdout();
    out.write_all(bytes)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn schema() -> Result<ExitCode> {
    let mut text = serde_json::to_vec_pretty(&libreport::schema::record_schema())?;
    text.push(b'\n');
    print_all(&text)
}

fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "libreport", &mut script);
    print_all(&script)
}

fn man(subcommand: Option<&str>) -> Result<ExitCode> {
    use clap::CommandFactory;
    let mut command = Cli::command();
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                bail!("no subcommand {name:?}; one of: {}", names.join(", "));
            };
            // Built, a subcommand's display name is `libreport-extract`,
            // the page's title, as man(1) looks it up.
            sub.clone()
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff)?;
    print_all(&roff)
}

fn sections(args: InputArgs) -> Result<ExitCode> {
    let jobs = jobs(&args)?;
    let mut out = Out::stdout();
    let mut failures = 0usize;
    for_each_record(&jobs, &args, |record| {
        if report_failure(&record) {
            failures += 1;
            return Ok(());
        }
        let Some(report) = record.report() else {
            return Ok(());
        };
        let library = report.library.as_deref().unwrap_or("(library not found)");
        let year = report
            .year
            .map_or_else(|| "(year not found)".to_owned(), |y| y.to_string());
        // report text and file names, shown as text on a terminal
        let (file, library) = (
            escape_for_terminal(&report.file),
            escape_for_terminal(library),
        );
        writeln!(out, "{file}  {library}  {year}")?;
        for section in &report.sections {
            let lines = format!("{}–{}", section.start_line, section.end_line);
            writeln!(
                out,
                "  {:<13}{lines:<10}{}",
                section.kind.as_str(),
                escape_for_terminal(&section.title)
            )?;
        }
        if report.sections.is_empty() {
            writeln!(out, "  (no sections)")?;
        }
        Ok(())
    })?;
    out.finish()?;
    Ok(exit_code(failures))
}

/// Reads each phrase as the extractor would and prints one JSON object per
/// figure found in it; exit 1 when some phrase has none.
fn quantity(args: QuantityArgs) -> Result<ExitCode> {
    let mut out = Out::stdout();
    let mut failures = 0usize;
    let mut print = |phrase: &str| -> Result<()> {
        // Invisible characters are dropped before reading (180​383册).
        let visible = libreport::hygiene::drop_invisible(phrase);
        for reading in libreport::phrase::read_phrase(&visible) {
            failures += usize::from(matches!(
                reading.outcome,
                libreport::phrase::Outcome::Failed { .. }
            ));
            serde_json::to_writer(&mut out, &reading)?;
            writeln!(out)?;
        }
        Ok(())
    };
    if args.phrases.is_empty() {
        for line in io::stdin().lock().lines() {
            let line = line.context("standard input")?;
            if !line.trim().is_empty() {
                print(line.trim())?;
            }
        }
    } else {
        for phrase in &args.phrases {
            print(phrase)?;
        }
    }
    out.finish()?;
    Ok(exit_code(failures))
}
