//! CSV for spreadsheets and data frames, in two shapes.
//!
//! - **Wide** ([`WideCsv`], `--format csv`): one row per report. Columns:
//!   `file, encoding, library, library_simplified, year, province,
//!   prefecture, county, division_code, sections`, one
//!   column per metric key (the resolved value in the key's base unit, empty
//!   where unknown), `approx` (`key=word` for each value that is not
//!   exact), `warnings` (their count), and `error` and `error_zh` for
//!   files that yielded no report. Lists (mentions, chronicle,
//!   plan) are left to JSON.
//! - **Long** ([`LongCsv`], `--format csv-long`): the tidy form, one row per
//!   mention: `file, library, library_simplified, year, key, value, unit,
//!   approx, origin, section, line, text, kept`; `kept` is `true` for the mention the
//!   record's `metrics` took for its key. A file that yielded no report has
//!   no row (its error goes to stderr, as for every format), and neither
//!   has a report without mentions.
//!
//! Numbers are written plainly, as [`Decimal`](crate::contract::decimal::Decimal)
//! prints them: `56000`, `0.1396`, never `5.6e4` or `56000.0`.
//!
//! [`CsvStyle`] adapts the bytes to the program that opens them: a UTF-8
//! byte-order mark (Excel and WPS on Chinese Windows read a CSV without
//! one as GBK and garble it), CRLF line ends, and a `'` before any text
//! cell a spreadsheet would run as a formula (CSV injection: a report is
//! untrusted text). Number cells are never prefixed: `-3.5` stays a number.

use std::borrow::Cow;
use std::io::{self, Write};

use super::RecordWriter;
use super::types::{ColumnType, key_type};
use crate::contract::metric_key::MetricKey;
use crate::contract::report::{LibraryReport, Record};
use crate::dictionary::{Headers, header};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How the CSV bytes are laid out for the program that opens them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CsvStyle {
    /// Start the file with a UTF-8 byte-order mark.
    pub bom: bool,
    /// End lines with CRLF instead of LF.
    pub crlf: bool,
    /// Put `'` before a text cell that starts with `=`, `+`, `-`, `@`, tab
    /// or carriage return, so a spreadsheet shows it instead of running it.
    pub guard_formulas: bool,
    /// Separate cells with tabs (TSV) instead of commas. A tab, carriage
    /// return or line feed in a text cell becomes a space, so every row
    /// splits on tabs into the header's number of fields (`awk -F'\t'`);
    /// a cell with a quote is still quoted as in CSV.
    pub tab: bool,
    /// The language of the header row.
    pub headers: Headers,
}

impl CsvStyle {
    /// For Excel and WPS: BOM, CRLF and formula guard.
    pub const EXCEL: CsvStyle = CsvStyle {
        bom: true,
        crlf: true,
        guard_formulas: true,
        tab: false,
        headers: Headers::En,
    };

    /// The header row of `columns` in this style's language.
    pub fn header_row(&self, columns: &[&str]) -> Vec<String> {
        columns.iter().map(|c| header(c, self.headers)).collect()
    }

    /// A text cell as written: with a leading `'` when the guard is on and
    /// a spreadsheet would take the cell for a formula.
    pub fn text<'s>(&self, cell: &'s str) -> Cow<'s, str> {
        let cell: Cow<'s, str> = if self.tab && cell.contains(['\t', '\n', '\r']) {
            Cow::Owned(cell.replace(['\t', '\n', '\r'], " "))
        } else {
            Cow::Borrowed(cell)
        };
        if self.guard_formulas && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            Cow::Owned(format!("'{cell}"))
        } else {
            cell
        }
    }

    pub(super) fn writer<W: Write>(&self, out: W) -> csv::Writer<Prefixed<W>> {
        let terminator = if self.crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        csv::WriterBuilder::new()
            .terminator(terminator)
            .delimiter(if self.tab { b'\t' } else { b',' })
            .from_writer(Prefixed {
                out,
                prefix: if self.bom { BOM } else { b"" },
            })
    }
}

/// A writer that puts `prefix` before the first byte written through it.
pub(super) struct Prefixed<W> {
    out: W,
    prefix: &'static [u8],
}

impl<W: Write> Write for Prefixed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.prefix.is_empty() {
            self.out.write_all(self.prefix)?;
            self.prefix = b"";
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The wide CSV writer: one row per report.
pub struct WideCsv<W: Write> {
    out: csv::Writer<Prefixed<W>>,
    style: CsvStyle,
    header_written: bool,
    row: Vec<String>,
}

impl<W: Write> WideCsv<W> {
    /// A CSV writer into `out`, plain (no BOM, LF, no guard).
    pub fn new(out: W) -> Self {
        Self::with_style(out, CsvStyle::default())
    }

    /// A CSV writer into `out` in `style`.
    pub fn with_style(out: W, style: CsvStyle) -> Self {
        WideCsv {
            out: style.writer(out),
            style,
            header_written: false,
            row: Vec::new(),
        }
    }

    fn header(&mut self) -> io::Result<()> {
        self.out.write_record(self.style.header_row(&columns()))?;
        self.header_written = true;
        Ok(())
    }

    fn push_text(&mut self, cell: &str) {
        self.row.push(self.style.text(cell).into_owned());
    }
}

/// The wide form's column headers, in order.
pub fn columns() -> Vec<&'static str> {
    let fixed = [
        "file",
        "encoding",
        "library",
        "library_simplified",
        "year",
        "province",
        "prefecture",
        "county",
        "division_code",
        "sections",
    ];
    fixed
        .into_iter()
        .chain(MetricKey::ALL.iter().map(|k| k.as_str()))
        .chain(["approx", "warnings", "error", "error_zh"])
        .collect()
}

/// The wide form's `approx` cell: `key=word` for each metric whose figure
/// is not exact (`visits=more_than;events=about`), empty when all are.
fn approx_cell(report: &LibraryReport) -> String {
    let words: Vec<String> = report
        .metrics
        .iter()
        .filter_map(|(key, m)| Some(format!("{}={}", key.as_str(), m.approx?.as_str())))
        .collect();
    words.join(";")
}

impl<W: Write> RecordWriter for WideCsv<W> {
    fn record(&mut self, record: &Record) -> io::Result<()> {
        if !self.header_written {
            self.header()?;
        }
        self.row.clear();
        self.push_text(record.file());
        match record {
            Record::Report(report) => {
                self.push_text(&report.encoding);
                self.push_text(report.library.as_deref().unwrap_or_default());
                self.push_text(report.library_simplified.as_deref().unwrap_or_default());
                self.row
                    .push(report.year.map(|y| y.to_string()).unwrap_or_default());
                for place in [
                    &report.province,
                    &report.prefecture,
                    &report.county,
                    &report.division_code,
                ] {
                    self.push_text(place.as_deref().unwrap_or_default());
                }
                let kinds: Vec<&str> = report.sections.iter().map(|s| s.kind.as_str()).collect();
                self.push_text(&kinds.join(";"));
                for key in MetricKey::ALL {
                    // an integer column never prints a decimal point
                    let integer = key_type(*key) == ColumnType::Integer;
                    let cell = report
                        .metrics
                        .get(key)
                        .filter(|m| !integer || m.value.is_integer())
                        .map(|m| m.value.to_string());
                    self.row.push(cell.unwrap_or_default());
                }
                let approx = approx_cell(report);
                self.push_text(&approx);
                self.row.push(report.warnings.len().to_string());
                self.row.push(String::new());
                self.row.push(String::new());
            }
            Record::Failed(failed) => {
                self.row.extend(std::iter::repeat_n(
                    String::new(),
                    11 + MetricKey::ALL.len(),
                ));
                self.push_text(&failed.error);
                self.push_text(&failed.error_zh);
            }
        }
        self.out.write_record(&self.row)?;
        // Flush per record: a row is never split across a later failure.
        self.out.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header()?;
        }
        self.out.flush()
    }
}

/// The long form's column headers, in order.
pub const LONG_COLUMNS: [&str; 13] = [
    "file",
    "library",
    "library_simplified",
    "year",
    "key",
    "value",
    "unit",
    "approx",
    "origin",
    "section",
    "line",
    "text",
    "kept",
];

/// The long (tidy) CSV writer: one row per mention.
pub struct LongCsv<W: Write> {
    out: csv::Writer<Prefixed<W>>,
    style: CsvStyle,
    header_written: bool,
}

impl<W: Write> LongCsv<W> {
    /// A long CSV writer into `out` in `style`.
    pub fn with_style(out: W, style: CsvStyle) -> Self {
        LongCsv {
            out: style.writer(out),
            style,
            header_written: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        self.out
            .write_record(self.style.header_row(&LONG_COLUMNS))?;
        self.header_written = true;
        Ok(())
    }
}

impl<W: Write> RecordWriter for LongCsv<W> {
    fn record(&mut self, record: &Record) -> io::Result<()> {
        if !self.header_written {
            self.header()?;
        }
        let Record::Report(report) = record else {
            return Ok(());
        };
        let style = self.style;
        let file = style.text(&report.file);
        let library = style.text(report.library.as_deref().unwrap_or_default());
        let simplified = style.text(report.library_simplified.as_deref().unwrap_or_default());
        let year = report.year.map(|y| y.to_string()).unwrap_or_default();
        for (index, mention) in report.mentions.iter().enumerate() {
            let value = mention.value.to_string();
            let line = mention.line.to_string();
            let row: [&str; 13] = [
                &file,
                &library,
                &simplified,
                &year,
                mention.key.as_str(),
                &value,
                &style.text(mention.unit.symbol()),
                mention.approx.map_or("", |a| a.as_str()),
                mention.origin.as_str(),
                mention.section.as_str(),
                &line,
                &style.text(&mention.text),
                if report.is_kept(index) {
                    "true"
                } else {
                    "false"
                },
            ];
            self.out.write_record(row)?;
        }
        // Flush per record: a report's rows are never split across a
        // later failure.
        self.out.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header()?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::report::{Approx, FailedFile, Origin};

    use crate::contract::report::test_support::mention;

    fn report() -> Record {
        let mut mentions = vec![
            mention(
                MetricKey::CollectionTotal,
                "180383",
                "馆藏量 180383 册",
                34,
                Origin::Prose,
            ),
            mention(
                MetricKey::CollectionTotal,
                "180383",
                "180383",
                47,
                Origin::Table,
            ),
            mention(
                MetricKey::BudgetYuan,
                "1685200",
                "=经费 168.52 万元",
                40,
                Origin::Prose,
            ),
            mention(
                MetricKey::FloorAreaM2,
                "-3.5",
                "减少 3.5 平方米",
                41,
                Origin::Prose,
            ),
        ];
        mentions[2].approx = Some(Approx::About);
        let mut report = LibraryReport {
            file: "@reports/a.txt".into(),
            encoding: "UTF-8".into(),
            library: Some("=HYPERLINK(\"x\")图书馆".into()),
            year: Some(2020),
            mentions,
            ..LibraryReport::default()
        };
        for i in [1, 2, 3] {
            let m = report.mentions[i].clone();
            report.metrics.insert(m.key, m);
        }
        Record::Report(Box::new(report))
    }

    fn failed() -> Record {
        Record::Failed(FailedFile {
            file: "bad.txt".into(),
            error: "-not a library report".into(),
            error_zh: "-不是图书馆年报".into(),
        })
    }

    fn write_all(mut writer: impl RecordWriter, records: &[Record]) {
        for record in records {
            writer.record(record).expect("write");
        }
        writer.finish().expect("finish");
    }

    fn wide(style: CsvStyle, records: &[Record]) -> Vec<u8> {
        let mut out = Vec::new();
        write_all(WideCsv::with_style(&mut out, style), records);
        out
    }

    fn long(style: CsvStyle, records: &[Record]) -> Vec<u8> {
        let mut out = Vec::new();
        write_all(LongCsv::with_style(&mut out, style), records);
        out
    }

    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes)
            .records()
            .map(|r| r.expect("row").iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn plain_csv_has_no_bom_lf_ends_and_text_as_is() {
        let out = wide(CsvStyle::default(), &[report()]);
        assert!(!out.starts_with(BOM));
        assert!(!out.windows(2).any(|w| w == b"\r\n"));
        let rows = rows(&out);
        assert_eq!(rows[1][0], "@reports/a.txt");
        assert_eq!(rows[1][2], "=HYPERLINK(\"x\")图书馆");
    }

    #[test]
    fn excel_style_guards_text_not_numbers() {
        let out = wide(CsvStyle::EXCEL, &[report(), failed()]);
        assert!(out.starts_with(BOM));
        let text = std::str::from_utf8(&out[BOM.len()..]).expect("utf-8");
        assert!(text.lines().count() >= 3);
        assert!(
            text.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
            "CRLF everywhere: {text:?}"
        );
        assert_eq!(out.matches_count(BOM), 1, "one BOM, at the start");
        let rows = rows(&out);
        let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
        assert_eq!(rows[1][col("file")], "'@reports/a.txt");
        assert_eq!(rows[1][col("library")], "'=HYPERLINK(\"x\")图书馆");
        assert_eq!(
            rows[1][col("floor_area_m2")],
            "-3.5",
            "a number is no formula"
        );
        assert_eq!(rows[1][col("budget_yuan")], "1685200");
        assert_eq!(rows[1][col("year")], "2020");
        assert_eq!(rows[2][col("error")], "'-not a library report");
        assert!(text.contains(",-3.5,"), "numbers unquoted: {text}");
    }

    #[test]
    fn long_csv_has_one_row_per_mention_and_marks_the_kept_one() {
        let out = long(CsvStyle::default(), &[report(), failed()]);
        let rows = rows(&out);
        assert_eq!(rows[0], LONG_COLUMNS);
        assert_eq!(
            rows.len(),
            1 + 4,
            "header + one row per mention; none for the failed file"
        );
        assert_eq!(
            rows[1],
            [
                "@reports/a.txt",
                "=HYPERLINK(\"x\")图书馆",
                "",
                "2020",
                "collection_total",
                "180383",
                "册",
                "",
                "prose",
                "summary",
                "34",
                "馆藏量 180383 册",
                "false",
            ]
        );
        assert_eq!(rows[2][10], "47");
        assert_eq!(rows[2][12], "true", "the table figure is the kept one");
        assert_eq!(rows[3][5], "1685200");
        assert_eq!(rows[3][7], "about");
        assert_eq!(rows[4][5], "-3.5");
    }

    #[test]
    fn long_csv_in_excel_style_guards_text_cells() {
        let out = long(CsvStyle::EXCEL, &[report()]);
        assert!(out.starts_with(BOM));
        let rows = rows(&out);
        assert_eq!(rows[1][0], "'@reports/a.txt");
        assert_eq!(rows[1][1], "'=HYPERLINK(\"x\")图书馆");
        assert_eq!(rows[3][11], "'=经费 168.52 万元");
        assert_eq!(rows[4][5], "-3.5");
    }

    #[test]
    fn empty_batches_still_have_a_header() {
        assert_eq!(rows(&long(CsvStyle::EXCEL, &[])), [LONG_COLUMNS]);
        assert_eq!(rows(&wide(CsvStyle::default(), &[])), [columns()]);
    }

    #[test]
    fn integer_columns_never_print_a_decimal_point() {
        let Record::Report(mut one) = report() else {
            unreachable!("report() is a report")
        };
        let odd = mention(MetricKey::Visits, "12.5", "12.5 人次", 9, Origin::Prose);
        one.metrics.insert(odd.key, odd);
        let rows = rows(&wide(CsvStyle::default(), &[Record::Report(one)]));
        let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
        assert_eq!(rows[1][col("visits")], "", "a fractional count is left out");
        assert_eq!(
            rows[1][col("floor_area_m2")],
            "-3.5",
            "a decimal column keeps it"
        );
        for (i, name) in rows[0].iter().enumerate() {
            if super::super::types::column_type(name) == ColumnType::Integer {
                assert!(!rows[1][i].contains('.'), "{name}: {}", rows[1][i]);
            }
        }
    }

    #[test]
    fn tsv_cells_hold_no_tab_or_line_end() {
        let tsv = CsvStyle {
            tab: true,
            ..CsvStyle::default()
        };
        let Record::Report(mut one) = report() else {
            unreachable!("report() is a report")
        };
        one.library = Some("a\tb\nc\r\nd".into());
        one.mentions[0].text = "文献馆藏量\t180383\t册".into();
        let records = [Record::Report(one)];
        for out in [wide(tsv, &records), long(tsv, &records)] {
            let text = String::from_utf8(out).expect("utf-8");
            let fields: Vec<usize> = text.lines().map(|l| l.split('\t').count()).collect();
            assert!(fields.iter().all(|&n| n == fields[0]), "{text}");
            assert!(text.contains("\ta b c  d\t"), "{text}");
        }
        // CSV keeps the cell as it is, quoted
        let csv = String::from_utf8(wide(CsvStyle::default(), &records)).expect("utf-8");
        assert!(csv.contains("\"a\tb\nc\r\nd\""), "{csv}");
    }

    #[test]
    fn chinese_headers_name_each_column_with_its_unit() {
        let zh = CsvStyle {
            headers: Headers::Zh,
            ..CsvStyle::default()
        };
        let header = &rows(&wide(zh, &[report()]))[0];
        assert_eq!(header.len(), columns().len());
        assert_eq!(header[0], "文件");
        assert!(header.iter().any(|h| h == "馆藏总量（册）"));
        assert!(header.iter().any(|h| h == "持证读者（人）"));
        assert_eq!(rows(&long(zh, &[]))[0][4], "指标键");
    }

    trait MatchesCount {
        fn matches_count(&self, needle: &[u8]) -> usize;
    }

    impl MatchesCount for Vec<u8> {
        fn matches_count(&self, needle: &[u8]) -> usize {
            self.windows(needle.len()).filter(|w| *w == needle).count()
        }
    }
}
