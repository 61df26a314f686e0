//! The command line, as clap derive types; the doc comments are the help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use libreport::write::Format;

/// Turn Chinese public-library annual reports (年报) into typed, checkable
/// data: every figure with the line it came from.
#[derive(Debug, Parser)]
#[command(name = "libreport", version, about, propagate_version = true)]
#[command(after_help = "Examples:
  libreport extract reports/*.txt > reports.json
  libreport extract reports/ --format csv --output reports.csv
  libreport check fixtures/
  libreport sections fixtures/wulong-2020.txt
  libreport quantity '168.52 万元' '130余场次'

Exit status: 0 all inputs good, 1 some inputs failed, 2 usage error.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract one record per report (JSON array, JSON Lines or CSV).
    #[command(after_help = "Examples:
  libreport extract fixtures/                       # JSON array on stdout
  libreport extract a.txt b.txt --format jsonl      # one record per line
  libreport extract reports/ -o reports.csv         # format from the extension
  cat report.txt | libreport extract -              # standard input

A file that cannot be read or is not a report becomes a record
{\"file\": …, \"error\": …}, a line `libreport: FILE: cause` on stderr,
and exit status 1 at the end; the other files are still processed.")]
    Extract(ExtractArgs),
    /// Check that reports parse: library, year and sections found, and the
    /// record equal to NAME.expected.json where one lies beside NAME.txt.
    #[command(after_help = "Examples:
  libreport check fixtures/            # in CI: exit 1 on any problem
  libreport check --bless fixtures/    # rewrite the expected files

Problems go to stderr, one per line; the last line says `N passed, N failed`.")]
    Check(CheckArgs),
    /// Print how each report was segmented: kind, line range, title.
    #[command(after_help = "Example:
  libreport sections fixtures/wulong-2020.txt")]
    Sections(InputArgs),
    /// Read figures as libreport does: one JSON object per phrase.
    #[command(after_help = "Examples:
  libreport quantity '5.6万册' '130余场次' '较上年下降了 22.35%'
  printf '168.52 万元\\n近 200 多名\\n' | libreport quantity")]
    Quantity(QuantityArgs),
}

/// Inputs and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Report files, directories (every *.txt below, sorted) or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Decode every input with this encoding (utf-8, gb18030, gbk, big5,
    /// utf-16le, utf-16be …) instead of detecting it.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = libreport::input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,

    /// Process this many files at once [default: all cores].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// Hide the progress bar (shown on a terminal for batches of more than
    /// a few files).
    #[arg(short, long)]
    pub quiet: bool,
}

/// `libreport extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format [default: from --output's extension, else json].
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write to FILE (atomically: a temporary file renamed at the end)
    /// instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `libreport check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Rewrite NAME.expected.json beside each NAME.txt with the current
    /// record.
    #[arg(long)]
    pub bless: bool,
}

/// `libreport quantity`.
#[derive(Debug, Args)]
pub struct QuantityArgs {
    /// Phrases to read; without any, one phrase per line of stdin.
    #[arg(value_name = "PHRASE")]
    pub phrases: Vec<String>,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A JSON array of records, pretty-printed.
    Json,
    /// JSON Lines: one compact record per line.
    Jsonl,
    /// CSV: one row per report, one column per metric key.
    Csv,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Csv => Format::Csv,
        }
    }
}
