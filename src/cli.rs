//! The command line, as clap derive types; the doc comments are the help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use libreport::write::{CsvStyle, OutputFormat, Table};

/// Turn Chinese public-library annual reports (年报) into typed, checkable
/// data: every figure with the line it came from.
#[derive(Debug, Parser)]
#[command(name = "libreport", version, about, propagate_version = true)]
#[command(after_help = "Examples:
  libreport extract reports/*.txt > reports.json
  libreport extract reports/ --format csv --excel --output reports.csv
  libreport extract reports/ --format csv-long > mentions.csv
  libreport view fixtures/ -o site/            # audit pages + index.html
  libreport check fixtures/
  libreport sections fixtures/wulong-2020.txt
  libreport text report.pdf                    # the text a reader made, numbered
  find reports -name '*.pdf' -print0 | libreport extract --files-from - -0
  libreport schema > record.schema.json

Exit status: 0 all inputs good, 1 some inputs failed, 2 usage error.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract one record per report (JSON, JSON Lines, or CSV wide or long).
    #[command(after_help = "Examples:
  libreport extract fixtures/                            # JSON array on stdout
  libreport extract a.txt b.txt --format jsonl           # one record per line
  libreport extract reports/ -o reports.csv              # format from the extension
  libreport extract reports/ -o reports.csv --excel      # for Excel / WPS on Windows
  libreport extract reports/ --format csv-long > long.csv  # one row per figure
  cat report.txt | libreport extract -                   # standard input

CSV for spreadsheets: --bom starts the file with a UTF-8 byte-order mark,
without which Excel and WPS on Chinese Windows read it as GBK and garble
it. --excel is --bom plus CRLF line ends plus a ' before any text cell
that starts with = + - @ (so a report's text never runs as a formula);
number cells are left as numbers. --output x.csv means the wide form;
the long form is asked for by name (--format csv-long) and has no row
for a file that failed.

A file that cannot be read or is not a report becomes a record
{\"file\": …, \"error\": …}, a line `libreport: FILE: cause` on stderr,
and exit status 1 at the end; the other files are still processed.")]
    Extract(ExtractArgs),
    /// Write an HTML page per report to check every figure against its
    /// sentence, and an index comparing the reports.
    #[command(after_help = "Examples:
  libreport view fixtures/wulong-2020.txt -o wulong.html   # one page
  libreport view fixtures/ -o site/                         # site/index.html + one page per report
  libreport view a.txt b.txt -o site/

With one report file, -o names the page (stdout without -o). With several
inputs or a directory, -o names a directory (created if missing): one
NAME.html per report and index.html with the key figures side by side;
so does -o with one file when it is an existing directory or ends in /.
Pages are self-contained (no network, no external files) and written
atomically. A failed input is named on stderr and in the index, the other
pages are still written, and the exit status is 1.")]
    View(ViewArgs),
    /// Check that reports parse: library, year and sections found, and the
    /// record equal to NAME.expected.json where one lies beside the report
    /// NAME.txt (or .html, .docx, .pdf).
    #[command(after_help = "Examples:
  libreport check fixtures/                          # exit 1 on any problem
  libreport check --bless fixtures/                  # rewrite the expected files
  libreport check --strict -f github fixtures/       # GitHub Actions annotations
  libreport check --strict -f gitlab fixtures/ > gl-code-quality-report.json
  libreport check -f junit fixtures/ > check.xml     # JUnit XML

Problems go to stderr, one per line; the last line says `N passed, N
failed, N new`. A new report (no expected file yet) passes unless
--strict.")]
    Check(CheckArgs),
    /// Print the text a file's reader makes, with the line numbers that
    /// records and audit pages cite.
    #[command(after_help = "Examples:
  libreport text report.html              # the page's text, numbered
  libreport text report.pdf | less
  libreport text a.docx b.pdf             # a ==> FILE <== line before each

Each line is its number, a tab and the line, as `cat -n` writes them.
Lines of a site's chrome (menus, breadcrumbs, footers) in a .txt file
are printed empty, so the numbers stay those of the file.")]
    Text(InputArgs),
    /// Print how each report was segmented: kind, line range, title.
    #[command(after_help = "Example:
  libreport sections fixtures/wulong-2020.txt")]
    Sections(InputArgs),
    /// Read the figures of running text as libreport does: one JSON object
    /// per figure.
    #[command(after_help = "Examples:
  libreport quantity '5.6万册' '130余场次' '较上年下降了 22.35%'
  libreport quantity '全年接待读者39.60万余人次，举办讲座3–5场'
  libreport quantity '于4月1日至5月31日举办' '105年度圖書館年報'
  printf '168.52 万元\\n近 200 多名\\n' | libreport quantity

Each object: input, start and end (character offsets into the input),
text (the phrase as written), value (in the base unit: 万元 → 元, GB → TB),
unit, approx (more_than, about, nearly, less_than) and kind (figure,
change, range, date, year, ordinal, name_part). A range has low and high
and no value; a date has date (2021-03-12, 2021-03, --04-01 with no year)
and date_end for a span. A traditional-script phrase counts 民國 years
(105年 = 2016). A phrase with no figure prints {\"input\", \"error\": \"no
figure\"} (or why its amount is vague) and the exit status is 1.")]
    Quantity(QuantityArgs),
    /// Print the data dictionary: every metric key with its Chinese name,
    /// unit, meaning, usual sections and the wordings reports use for it.
    #[command(after_help = "Examples:
  libreport keys                       # one line per key
  libreport keys loan_visits           # what is loan_visits? (all it says)
  libreport keys 持证读者              # a key found by its Chinese name
  libreport keys -f csv > keys.csv     # for a spreadsheet
  libreport keys -f json | jq '.[0]'

The same descriptions are on every metric of `libreport schema`, and
`--headers zh` prints the header_zh column as the CSV's headers.")]
    Keys(KeysArgs),
    /// Print the JSON Schema (draft 2020-12) of one output record.
    #[command(after_help = "Examples:
  libreport schema > record.schema.json
  libreport schema | jq '.\"$defs\".Mention'

A record is a report or {\"file\": …, \"error\": …}; both are in the schema.")]
    Schema,
    /// Print a shell completion script.
    #[command(after_help = "Examples:
  libreport completions bash > ~/.local/share/bash-completion/completions/libreport
  libreport completions zsh > ~/.zfunc/_libreport
  libreport completions fish > ~/.config/fish/completions/libreport.fish
  libreport completions powershell >> $PROFILE")]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff) for libreport or one of its subcommands.
    #[command(after_help = "Examples:
  libreport man > libreport.1 && man ./libreport.1
  libreport man extract | man -l -")]
    Man {
        /// A subcommand whose page to print instead of the main page.
        #[arg(value_name = "SUBCOMMAND")]
        subcommand: Option<String>,
    },
}

/// Inputs and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Report files (.txt, .html/.htm, .docx, .pdf), directories (every
    /// such file below, sorted) or - for stdin.
    #[arg(required_unless_present = "files_from", value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read more paths from FILE (- for stdin), one a line: for lists too
    /// long for a command line (`find … -print0 | libreport COMMAND
    /// --files-from - -0`).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    /// With --files-from: the paths are separated by NUL bytes, not lines
    /// (as `find -print0` writes them).
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,

    /// In directories, take the files whose name matches PATTERN (* ? [a-z],
    /// as in a shell) instead of *.txt *.html *.htm *.docx *.pdf; repeat
    /// for more. Quote it so the shell does not expand it.
    #[arg(long, value_name = "PATTERN")]
    pub glob: Vec<String>,

    /// Decode every input with this encoding (utf-8, gb18030, gbk or cp936,
    /// gb2312, big5, big5-hkscs, utf-16, utf-16le, utf-16be …) instead of
    /// detecting it.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Refuse files larger than this: bytes, or with a suffix K, M or G
    /// (KiB, MiB, GiB: 64K, 10M, 1G).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// Process this many files at once; 0 means all cores [default: all
    /// cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<u16>,

    /// Hide the progress bar (shown on a terminal for batches of more than
    /// a few files).
    #[arg(short, long)]
    pub quiet: bool,

    /// Read scans by OCR (Tesseract, when installed): auto = images and
    /// PDFs without a text layer, always = every PDF's pages too, never.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub ocr: OcrArg,
}

/// `--ocr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OcrArg {
    /// Only where a file has no text.
    Auto,
    /// Also PDFs with a text layer.
    Always,
    /// Never.
    Never,
}

impl From<OcrArg> for libreport::read::ocr::OcrMode {
    fn from(arg: OcrArg) -> Self {
        match arg {
            OcrArg::Auto => Self::Auto,
            OcrArg::Always => Self::Always,
            OcrArg::Never => Self::Never,
        }
    }
}

/// `libreport extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format [default: from --output's extension (.json, .jsonl,
    /// .csv = wide csv, .tsv = wide tsv, .xlsx), else json; an --output
    /// with another extension needs --format].
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write to FILE (atomically: a temporary file renamed at the end)
    /// instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write the records of files that failed to FILE (format from its
    /// extension, else that of the output) instead of among the reports:
    /// the data keeps only reports, so `year` stays an integer column.
    /// Failures are still named on stderr and make the exit status 1.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,

    /// Write one of the records' lists as a table instead of one row per
    /// report: chronicle, plan, statistics (the table's rows as written),
    /// metrics (the kept value per key) or warnings (kind, line, key,
    /// message_zh, message). CSV, or TSV with --format tsv or an .tsv
    /// output.
    #[arg(long, value_enum, value_name = "TABLE")]
    pub table: Option<TableArg>,

    /// CSV only: start with a UTF-8 byte-order mark, so Excel and WPS on
    /// Chinese Windows open the file without garbled text.
    #[arg(long)]
    pub bom: bool,

    /// CSV only: for Excel and WPS — a BOM, CRLF line ends, and a ' before
    /// any text cell starting with = + - or @ so it can never run as a
    /// formula (numbers stay numbers).
    #[arg(long)]
    pub excel: bool,

    /// CSV, TSV and the workbook: the header row in English keys (en,
    /// the default, stable for pipelines) or in Chinese with units (zh:
    /// 到馆/流通人次（人次）, 馆藏总量（册）; `libreport keys` lists them).
    /// [default: en; zh for a workbook]
    #[arg(long, value_enum, value_name = "LANG")]
    pub headers: Option<HeadersArg>,
}

impl ExtractArgs {
    /// The CSV layout the flags ask for.
    pub fn csv_style(&self) -> CsvStyle {
        let style = if self.excel {
            CsvStyle::EXCEL
        } else {
            CsvStyle {
                bom: self.bom,
                ..CsvStyle::default()
            }
        };
        CsvStyle {
            headers: self.headers.unwrap_or_default().into(),
            ..style
        }
    }
}

/// `libreport view`.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// The page to write (one report file), or the directory to write the
    /// pages and index.html into (several inputs or a directory).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// `libreport check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,

    /// Rewrite NAME.expected.json beside each report NAME.txt (.html …)
    /// with the current record, and list each file rewritten.
    #[arg(long)]
    pub bless: bool,

    /// How to print the results on stdout: text (problems on stderr, a
    /// summary line), github (annotations for GitHub Actions), gitlab (a
    /// GitLab code-quality report), junit (JUnit XML, one test case per
    /// report) or json (one object per report).
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: CheckFormat,

    /// Fail on a report with no expected file yet (a new report), as on
    /// any other problem: for CI, where every report must be checked.
    #[arg(long)]
    pub strict: bool,
}

/// `check --format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Problems on stderr, `N passed, N failed, N new` on stdout.
    Text,
    /// JUnit XML on stdout.
    Junit,
    /// One JSON object per report on stdout (JSON Lines).
    Json,
    /// GitHub Actions workflow commands on stdout: `::error
    /// file=…,line=…::…` per problem, shown on the pull request.
    Github,
    /// A GitLab code-quality report (JSON) on stdout, shown on the merge
    /// request.
    Gitlab,
}

/// `--table` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    /// One row per chronicle event: date, end, text, line.
    Chronicle,
    /// One row per plan point: n, text, line.
    Plan,
    /// One row per statistics-table row: item, value, unit, note, line.
    Statistics,
    /// One row per kept metric: key, value, unit, approx, origin, section,
    /// line, text.
    Metrics,
    /// One row per warning: kind, line, key, message_zh, message.
    Warnings,
}

impl From<TableArg> for Table {
    fn from(arg: TableArg) -> Table {
        match arg {
            TableArg::Chronicle => Table::Chronicle,
            TableArg::Plan => Table::Plan,
            TableArg::Statistics => Table::Statistics,
            TableArg::Metrics => Table::Metrics,
            TableArg::Warnings => Table::Warnings,
        }
    }
}

/// `libreport keys`.
#[derive(Debug, Args)]
pub struct KeysArgs {
    /// Keys to describe (by key, Chinese name or a wording: loan_visits,
    /// 外借人次); without any, every key.
    #[arg(value_name = "KEY")]
    pub keys: Vec<String>,

    /// table (aligned text; one block per key when keys are named), csv
    /// or json.
    #[arg(short, long, value_enum, default_value = "table")]
    pub format: KeysFormat,
}

/// `keys --format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KeysFormat {
    /// Aligned text for a terminal.
    Table,
    /// CSV: key, name_zh, unit, header_zh, meaning_zh, meaning, sections,
    /// wordings (lists joined with ;).
    Csv,
    /// A JSON array of objects with the same fields (lists as arrays).
    Json,
}

/// `--headers` values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum HeadersArg {
    /// English keys (registered_readers): stable names for pipelines.
    #[default]
    En,
    /// Chinese names with units (持证读者（人）, 馆藏总量（册）), as
    /// `libreport keys` lists them.
    Zh,
}

impl From<HeadersArg> for libreport::dictionary::Headers {
    fn from(arg: HeadersArg) -> Self {
        match arg {
            HeadersArg::En => libreport::dictionary::Headers::En,
            HeadersArg::Zh => libreport::dictionary::Headers::Zh,
        }
    }
}

/// `libreport quantity`.
#[derive(Debug, Args)]
pub struct QuantityArgs {
    /// Phrases of running text to read; without any, one phrase per line
    /// of stdin.
    #[arg(value_name = "PHRASE")]
    pub phrases: Vec<String>,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A JSON array of records, pretty-printed.
    Json,
    /// JSON Lines: one compact record per line (DuckDB read_json_auto,
    /// pandas read_json(lines=True)).
    Jsonl,
    /// CSV, wide: one row per report, one column per metric key.
    Csv,
    /// CSV, long (tidy): one row per figure — file, library,
    /// library_simplified, year, key,
    /// value, unit, approx, origin, section, line, text, and kept (true for
    /// the figure the record's metrics took for its key).
    CsvLong,
    /// The wide CSV, tab-separated (same columns).
    Tsv,
    /// The long CSV, tab-separated (same columns).
    TsvLong,
    /// An Excel workbook (also from an .xlsx --output): sheets 指标, 明细,
    /// 大事记, 计划, 提示, 说明; Chinese headers unless --headers en.
    Xlsx,
}

impl From<FormatArg> for OutputFormat {
    fn from(arg: FormatArg) -> OutputFormat {
        match arg {
            FormatArg::Json => OutputFormat::Json,
            FormatArg::Jsonl => OutputFormat::Jsonl,
            FormatArg::Csv => OutputFormat::Csv,
            FormatArg::CsvLong => OutputFormat::CsvLong,
            FormatArg::Tsv => OutputFormat::Tsv,
            FormatArg::TsvLong => OutputFormat::TsvLong,
            FormatArg::Xlsx => OutputFormat::Xlsx,
        }
    }
}

/// A size as `--max-bytes` takes it: `65536`, `64K`, `10M`, `1G` (powers of
/// 1024; `KB`, `KiB` and lowercase are read the same).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, suffix) = trimmed.split_at(digits);
    let power = match suffix.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 1,
        "m" | "mb" | "mib" => 2,
        "g" | "gb" | "gib" => 3,
        _ => {
            return Err(format!(
                "{text:?}: a size is a number of bytes, or one with K, M or G after it (64K, 10M, 1G)"
            ));
        }
    };
    let too_large = || format!("{text:?}: too large; the most is {} bytes", u64::MAX);
    let number: u64 = match number.parse() {
        Ok(number) => number,
        // Digits that overflow are a size too large, not a missing number.
        Err(_) if !number.is_empty() => return Err(too_large()),
        Err(_) => {
            return Err(format!(
                "{text:?}: a size starts with a number (64K, 10M, 1G)"
            ));
        }
    };
    number.checked_mul(1024u64.pow(power)).ok_or_else(too_large)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("65536"), Ok(65536));
        // the default as --help shows it is the library's
        assert_eq!(parse_size("64M"), Ok(libreport::input::DEFAULT_MAX_BYTES));
        assert_eq!(parse_size("64K"), Ok(64 * 1024));
        assert_eq!(parse_size("10M"), Ok(10 * 1024 * 1024));
        assert_eq!(parse_size("1G"), Ok(1024 * 1024 * 1024));
        assert_eq!(parse_size("1gib"), Ok(1024 * 1024 * 1024));
        assert_eq!(parse_size("2kb"), Ok(2048));
        for bad in ["", "K", "1T", "1.5M", "-1", "99999999999999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
        for huge in [
            "18446744073709551616",
            "99999999999999999999G",
            "17179869184G",
        ] {
            let err = parse_size(huge).expect_err(huge);
            assert!(err.contains("too large"), "{err}");
        }
        assert!(
            parse_size("K")
                .expect_err("K")
                .contains("starts with a number")
        );
    }
}
