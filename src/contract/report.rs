//! The output contract: [`LibraryReport`] and the types of its fields.
//!
//! Field names follow `spec/report.md` and never change; fields may be
//! added. Everything here is owned and `Serialize`, so a record can be
//! written whole by any writer. Enums shared by several stages (section
//! kinds, approximation, origin) live here because they are part of the
//! contract.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Serialize, Serializer};

mod doubt;
mod warning;
pub use doubt::DoubtReason;
pub use warning::Warning;

use crate::contract::decimal::Decimal;
use crate::contract::metric_key::MetricKey;
use crate::contract::unit::Unit;

/// One output record: a parsed report, or the file that failed.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Record {
    /// A file read and parsed as a report.
    Report(Box<LibraryReport>),
    /// A file that could not be read or is not a report.
    Failed(FailedFile),
}

impl Record {
    /// The input this record is about.
    pub fn file(&self) -> &str {
        match self {
            Record::Report(report) => &report.file,
            Record::Failed(failed) => &failed.file,
        }
    }

    /// The report, when the file was parsed.
    pub fn report(&self) -> Option<&LibraryReport> {
        match self {
            Record::Report(report) => Some(report),
            Record::Failed(_) => None,
        }
    }
}

/// A file that yields no report: `{"file": …, "error": …}` and nothing else.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FailedFile {
    /// The input path as given.
    pub file: String,
    /// Why the file yields no report, in one lowercase line.
    pub error: String,
    /// The same in Chinese.
    pub error_zh: String,
}

/// Everything extracted from one annual report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct LibraryReport {
    /// The input path as given (`-` for standard input).
    pub file: String,
    /// The encoding the bytes were decoded from (`"UTF-8"`, `"GB18030"` …;
    /// `"UTF-8"` for Word documents, whose XML is, and for PDFs, whose text
    /// comes out of the fonts' Unicode maps).
    pub encoding: String,
    /// Which reader the text came from: `text`, `html`, `docx` or `pdf`.
    /// Line numbers are lines of that reader's text (`libreport text FILE`).
    pub format: crate::contract::format::Format,
    /// The library's full name as the report writes it.
    pub library: Option<String>,
    /// The name folded to simplified script (重慶市武隆區圖書館 →
    /// 重庆市武隆区图书馆), for grouping a library's reports whatever
    /// script each is written in; equal to `library` for a simplified name.
    pub library_simplified: Option<String>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// What decided the year (`title`, `front`, `heading`,
    /// `first_sentence`, `dateline`, `era`, `published`, `calendar`); `null` with the year.
    pub year_source: Option<Evidence>,
    /// What decided the library (`title`, `front`, `heading`,
    /// `first_sentence`); `null` with the library.
    pub library_source: Option<Evidence>,
    /// The library's province-level division (湖南省, 重庆市, 台湾省), from
    /// its name; `null` when the name does not settle it (a
    /// `unsettled_division` warning says why).
    pub province: Option<String>,
    /// The prefecture-level division (长沙市); `null` for a provincial
    /// library, a municipality's district or county and a county a
    /// province administers directly (仙桃市), and when unsettled.
    pub prefecture: Option<String>,
    /// The county-level division (武隆区, 诸城市); `null` for a provincial
    /// or city library, and when unsettled.
    pub county: Option<String>,
    /// The six-digit administrative division code of the library's own
    /// division (430000 for a provincial library, 430100 for a city's,
    /// 500156 for 武隆区's; 710000, 810000 and 820000 for Taiwan, Hong Kong
    /// and Macau), a string that keeps its digits; `null` whenever the
    /// name does not settle the division, never a guess.
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub division_code: Option<String>,
    /// The report's sections, in order.
    pub sections: Vec<SectionInfo>,
    /// One resolved value per metric key.
    pub metrics: BTreeMap<MetricKey, Mention>,
    /// Every figure read for a metric key, in text order.
    pub mentions: Vec<Mention>,
    /// The rows of the statistics table, as written.
    pub statistics: Vec<StatRow>,
    /// The chronicle of the year, one entry per event.
    pub chronicle: Vec<ChronicleEntry>,
    /// Next year's plan, one item per point.
    pub plan: Vec<PlanItem>,
    /// What the extractor noticed but could not settle.
    pub warnings: Vec<Warning>,
}

impl LibraryReport {
    /// The index in `mentions` of the mention `metrics` took for `key`:
    /// the first with the kept figure's key, line, phrase and value. The
    /// one rule for "kept", read by the long CSV, the page and the index
    /// (`metrics` holds copies of mentions, so a copy is matched back).
    pub fn kept_mention(&self, key: MetricKey) -> Option<usize> {
        let kept = self.metrics.get(&key)?;
        self.mentions.iter().position(|m| {
            m.key == key && m.line == kept.line && m.text == kept.text && m.value == kept.value
        })
    }

    /// Whether `mentions[index]` is the mention `metrics` took for its key
    /// ([`LibraryReport::kept_mention`]).
    pub fn is_kept(&self, index: usize) -> bool {
        self.mentions
            .get(index)
            .is_some_and(|m| self.kept_mention(m.key) == Some(index))
    }
}

/// The evidence that decided a report's year or library, strongest
/// first (the `identity` module says what each is).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// A title line near the top (某馆2019年工作年报), or a line that is a
    /// library's name alone.
    Title,
    /// The lines before the first section.
    Front,
    /// A section heading naming the year's work (二、2019年工作总结).
    Heading,
    /// The first sentence naming the library and a year together.
    FirstSentence,
    /// A news item's dateline with 去年 or 今年.
    Dateline,
    /// The report's own Republic-of-China year (112年度).
    Era,
    /// A news item's publication stamp (发布时间：2016-10-19), when the
    /// years the text names agree with it.
    Published,
    /// The one year the text names that every weekday of a chronicle's
    /// entries fits (1月30日星期六).
    Calendar,
}

impl Evidence {
    /// The evidence in Chinese, for the page.
    pub fn zh(self) -> &'static str {
        match self {
            Evidence::Title => "标题",
            Evidence::Front => "题头",
            Evidence::Heading => "章节标题",
            Evidence::FirstSentence => "首句",
            Evidence::Dateline => "发布日期",
            Evidence::Era => "民国纪年",
            Evidence::Published => "发布时间",
            Evidence::Calendar => "星期",
        }
    }

    /// The stable snake_case code, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Title => "title",
            Evidence::Front => "front",
            Evidence::Heading => "heading",
            Evidence::FirstSentence => "first_sentence",
            Evidence::Dateline => "dateline",
            Evidence::Era => "era",
            Evidence::Published => "published",
            Evidence::Calendar => "calendar",
        }
    }
}

/// The kind of a report section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Work summary (工作总结).
    Summary,
    /// Statistics table or chapter (数据统计).
    Statistics,
    /// Chronicle of the year (大事记).
    Chronicle,
    /// Next year's plan (工作计划, 工作思路).
    Plan,
    /// Organisation and staff (机构与人员).
    Organization,
    /// Funding (经费).
    Funding,
    /// A section whose title names none of the above.
    Other,
}

impl SectionKind {
    /// The kind as printed (`"summary"`).
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Summary => "summary",
            SectionKind::Statistics => "statistics",
            SectionKind::Chronicle => "chronicle",
            SectionKind::Plan => "plan",
            SectionKind::Organization => "organization",
            SectionKind::Funding => "funding",
            SectionKind::Other => "other",
        }
    }
}

impl fmt::Display for SectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A section as listed in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SectionInfo {
    /// What the section is.
    pub kind: SectionKind,
    /// The heading as written (numbering kept), or the report title for a
    /// report without headings.
    pub title: String,
    /// First line, 1-based, in the decoded text.
    pub start_line: u32,
    /// Last line, inclusive.
    pub end_line: u32,
}

/// How exact a figure is, from words such as 余, 约, 近, 不足.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// 余, 多, 逾, 超过, 以上: the true figure is higher.
    MoreThan,
    /// 约, 左右, 大约: roughly this figure.
    About,
    /// 近, 将近, 接近: a little below this figure.
    Nearly,
    /// 不足, 不到: below this figure.
    LessThan,
}

impl Approx {
    /// The word as printed (`"more_than"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::MoreThan => "more_than",
            Approx::About => "about",
            Approx::Nearly => "nearly",
            Approx::LessThan => "less_than",
        }
    }
}

/// Where a figure was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A row of the statistics table.
    Table,
    /// Running text.
    Prose,
}

impl Origin {
    /// The origin as printed (`"table"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Table => "table",
            Origin::Prose => "prose",
        }
    }
}

/// One figure read for a metric key, with the phrase and line it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Mention {
    /// The metric this figure is a value of.
    pub key: MetricKey,
    /// The value in the key's base unit.
    pub value: Decimal,
    /// The key's base unit.
    pub unit: Unit,
    /// `null` for an exact figure.
    pub approx: Option<Approx>,
    /// The phrase the figure was read from.
    pub text: String,
    /// The line of that phrase, 1-based.
    pub line: u32,
    /// The kind of section the phrase stands in.
    pub section: SectionKind,
    /// Table or prose.
    pub origin: Origin,
}

/// A row of the statistics table, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StatRow {
    /// The item (项目名称).
    pub item: String,
    /// The item folded to simplified characters, cut from the folded line
    /// where `item` is cut from the line, for reading it without folding
    /// again; not printed.
    #[serde(skip)]
    #[schemars(skip)]
    pub folded_item: String,
    /// The figure, when the row has one that reads as a number.
    pub value: Option<Decimal>,
    /// The unit column as written.
    pub unit: Option<String>,
    /// The unit as read (`quantity::parse_unit`): base unit and power of
    /// ten, when `unit` is one libreport knows. Read once, where the row is
    /// read; not printed.
    #[serde(skip)]
    #[schemars(skip)]
    pub scale: Option<(Unit, i32)>,
    /// The note column (备注), when not empty.
    pub note: Option<String>,
    /// The row's line, 1-based.
    pub line: u32,
}

/// A calendar date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, when given.
    pub day: Option<u8>,
}

impl fmt::Display for PartialDate {
    /// ISO 8601: `2020-04-14`, or `2020-05` when the day is not known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(day) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, day),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An ISO 8601 date (2020-04-14), or a month (2020-05) when the day is not known.",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$",
        })
    }
}

/// One event of the chronicle (大事记).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ChronicleEntry {
    /// The day (or month) of the event; `null` when no date could be read.
    pub date: Option<PartialDate>,
    /// The last day of a multi-day event.
    pub end: Option<PartialDate>,
    /// The event, without its date prefix.
    pub text: String,
    /// The entry's first line, 1-based.
    pub line: u32,
}

/// One point of next year's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PlanItem {
    /// The point, without its numbering.
    pub text: String,
    /// Its line, 1-based.
    pub line: u32,
}

/// Hand-built records for the crate's unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{Mention, Origin, SectionKind};
    use crate::contract::decimal::Decimal;
    use crate::contract::metric_key::MetricKey;

    /// A decimal from its text.
    pub fn d(s: &str) -> Decimal {
        s.parse().expect("test literal")
    }

    /// An exact mention in the summary, in the key's base unit.
    pub fn mention(key: MetricKey, value: &str, text: &str, line: u32, origin: Origin) -> Mention {
        Mention {
            key,
            value: d(value),
            unit: key.base_unit(),
            approx: None,
            text: text.into(),
            line,
            section: SectionKind::Summary,
            origin,
        }
    }
}
