//! Warnings: what the extractor noticed but could not settle, in a form a
//! program can group (`kind`, `line`, `key`) and a librarian can read
//! (`message_zh`).

use std::fmt;

use schemars::JsonSchema;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::contract::decimal::Decimal;
use crate::contract::metric_key::MetricKey;

use super::DoubtReason;

/// Something the extractor noticed but could not settle.
///
/// Serialized as `{"kind", "line", "key", "message", "message_zh"}`:
/// `kind` is a stable snake_case code ([`Warning::KINDS`]), `message` the
/// English line, `message_zh` the same for a Chinese reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Bytes that did not decode were replaced with U+FFFD.
    LossyDecoding {
        /// How many replacement characters were inserted.
        replaced: usize,
    },
    /// The file is damaged or cut short (a PDF without its end); its text
    /// is what could be recovered, and some may be missing.
    DamagedFile,
    /// The text was read from a scan by OCR (Tesseract): its figures need
    /// checking against the image.
    OcrText,
    /// OCR was unsure of a word inside a figure (Tesseract's confidence
    /// under `read::ocr::MIN_CONFIDENCE`): the whole figure is left out of
    /// the text rather than read with a digit that may be wrong.
    OcrUnsure {
        /// The figure as OCR read it.
        text: String,
        /// Its line.
        line: u32,
        /// The lowest confidence of its words, in percent.
        confidence: u8,
    },
    /// No library name was found in the title lines, headings or first
    /// sentences (a page that says only 县图书馆 names none).
    NoLibrary,
    /// No evidence settled the report's year: none of the title, the
    /// front lines, the headings, the first sentences, a dateline or an
    /// era year names it. The year is left out.
    NoYear {
        /// The years the text names, most named first (at most three).
        candidates: Vec<i32>,
    },
    /// The title covers several years (馆志（2009年——2018年）): the last
    /// was taken, the year its figures describe.
    YearRange {
        /// The first year of the range.
        from: i32,
        /// The last, taken as the report's year.
        to: i32,
    },
    /// A heading whose title names no known section kind.
    UnclassifiedSection {
        /// The heading as written.
        title: String,
        /// Its line.
        line: u32,
    },
    /// Two different figures for one key; the kept one is in `metrics`.
    ConflictingValues {
        /// The metric.
        key: MetricKey,
        /// The kept figure and its line.
        kept: (Decimal, u32),
        /// The other figure and its line.
        other: (Decimal, u32),
    },
    /// Different figures for one key and nothing to choose between them;
    /// the key is left out of `metrics`.
    UnsettledValues {
        /// The metric.
        key: MetricKey,
        /// Each distinct figure with the first line it stands on.
        values: Vec<(Decimal, u32)>,
    },
    /// A figure was left out because it may not be this year's own.
    DoubtfulFigure {
        /// The metric it would have been.
        key: MetricKey,
        /// The phrase.
        text: String,
        /// Its line.
        line: u32,
        /// Why it was left out.
        reason: DoubtReason,
    },
    /// A multi-year statistics table has no column for the report year.
    OtherYearColumn {
        /// The year whose column was read instead.
        taken: i32,
        /// The header row's line.
        line: u32,
    },
    /// A date phrase that could not be read.
    UnreadableDate {
        /// The phrase.
        text: String,
        /// Its line.
        line: u32,
    },
    /// The library's name does not settle its administrative division:
    /// it names no place the division table knows (or none below the
    /// levels given), or several divisions fit and the text names none of
    /// them in full. The division code is left out.
    UnsettledDivision {
        /// The library's name (simplified).
        name: String,
        /// The divisions that fit, as `省市县 code`; empty when none does.
        candidates: Vec<String>,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::LossyDecoding { replaced } => write!(
                f,
                "{replaced} byte sequence(s) did not decode and were replaced with U+FFFD"
            ),
            Warning::DamagedFile => f.write_str(
                "the file is damaged or cut short; the text was recovered from what is there and some may be missing",
            ),
            Warning::OcrText => f.write_str(
                "the text was read from a scan by OCR (Tesseract): check its figures against the image",
            ),
            Warning::OcrUnsure {
                text,
                line,
                confidence,
            } => write!(
                f,
                "line {line}: OCR was unsure of the figure \"{text}\" (confidence {confidence}%); it is left out"
            ),
            Warning::NoLibrary => f.write_str("no library name found in the title lines"),
            Warning::NoYear { candidates } if candidates.is_empty() => {
                f.write_str("no report year found")
            }
            Warning::NoYear { candidates } => write!(
                f,
                "no report year in the title, headings or first sentences; the text names {}",
                years_list(candidates, ", ")
            ),
            Warning::YearRange { from, to } => write!(
                f,
                "the title covers {from}–{to}; took {to}, the year its figures describe"
            ),
            Warning::UnclassifiedSection { title, line } => {
                write!(f, "line {line}: section \"{title}\" is of no known kind")
            }
            Warning::ConflictingValues { key, kept, other } => write!(
                f,
                "{key}: kept {} (line {}), other figure {} (line {})",
                kept.0,
                kept.1,
                other.0,
                other.1,
                key = key.as_str()
            ),
            Warning::UnsettledValues { key, values } => {
                write!(f, "{}: left out, the report gives", key.as_str())?;
                for (n, (value, line)) in values.iter().enumerate() {
                    let sep = if n == 0 { "" } else { "," };
                    write!(f, "{sep} {value} (line {line})")?;
                }
                Ok(())
            }
            Warning::DoubtfulFigure {
                key,
                text,
                line,
                reason,
            } => write!(
                f,
                "line {line}: left out \"{text}\" as {key}: {reason}",
                key = key.as_str()
            ),
            Warning::OtherYearColumn { taken, line } => write!(
                f,
                "line {line}: the statistics table has no column for the report year; read the {taken} column"
            ),
            Warning::UnreadableDate { text, line } => {
                write!(f, "line {line}: could not read a date in \"{text}\"")
            }
            Warning::UnsettledDivision { name, candidates } if candidates.is_empty() => write!(
                f,
                "{name}: the division table knows no place (or none below the levels given) in the name; division_code left out"
            ),
            Warning::UnsettledDivision { name, candidates } => write!(
                f,
                "{name}: the name fits {} and the text names none in full; division_code left out",
                candidates.join(", ")
            ),
        }
    }
}

impl Warning {
    /// Every kind, with what it means: the stable codes of `kind`, in the
    /// README and the JSON Schema.
    pub const KINDS: &[(&str, &str)] = &[
        (
            "lossy_decoding",
            "bytes that did not decode were replaced with U+FFFD",
        ),
        (
            "damaged_file",
            "the file is damaged or cut short; its text was recovered and some may be missing",
        ),
        (
            "ocr_text",
            "the text was read from a scan by OCR; its figures need checking",
        ),
        (
            "ocr_unsure",
            "OCR was unsure of a figure's characters; the figure is left out",
        ),
        ("no_library", "no library name found in the title lines"),
        (
            "no_year",
            "no evidence settled the report's year; the years the text names are listed",
        ),
        (
            "year_range",
            "the title covers several years; the last was taken",
        ),
        (
            "unclassified_section",
            "a heading whose title names no known section kind",
        ),
        (
            "conflicting_values",
            "two different figures for one key; the kept one is in metrics",
        ),
        (
            "unsettled_values",
            "different figures for one key and nothing to choose between them; the key is left out",
        ),
        (
            "doubtful_figure",
            "a figure left out because it may not be this year's own",
        ),
        (
            "other_year_column",
            "a multi-year statistics table has no column for the report year",
        ),
        ("unreadable_date", "a date phrase that could not be read"),
        (
            "unsettled_division",
            "the library's name does not settle its administrative division; the candidates are listed and division_code is left out",
        ),
    ];

    /// The stable snake_case code of the warning's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Warning::LossyDecoding { .. } => "lossy_decoding",
            Warning::DamagedFile => "damaged_file",
            Warning::OcrText => "ocr_text",
            Warning::OcrUnsure { .. } => "ocr_unsure",
            Warning::NoLibrary => "no_library",
            Warning::NoYear { .. } => "no_year",
            Warning::YearRange { .. } => "year_range",
            Warning::UnclassifiedSection { .. } => "unclassified_section",
            Warning::ConflictingValues { .. } => "conflicting_values",
            Warning::UnsettledValues { .. } => "unsettled_values",
            Warning::DoubtfulFigure { .. } => "doubtful_figure",
            Warning::OtherYearColumn { .. } => "other_year_column",
            Warning::UnreadableDate { .. } => "unreadable_date",
            Warning::UnsettledDivision { .. } => "unsettled_division",
        }
    }

    /// The line the warning is about, where there is one: for two
    /// figures, the line of the one not kept (or of the first).
    pub fn line(&self) -> Option<u32> {
        match self {
            Warning::LossyDecoding { .. }
            | Warning::DamagedFile
            | Warning::OcrText
            | Warning::NoLibrary
            | Warning::NoYear { .. }
            | Warning::YearRange { .. }
            | Warning::UnsettledDivision { .. } => None,
            Warning::UnclassifiedSection { line, .. }
            | Warning::DoubtfulFigure { line, .. }
            | Warning::OtherYearColumn { line, .. }
            | Warning::UnreadableDate { line, .. }
            | Warning::OcrUnsure { line, .. } => Some(*line),
            Warning::ConflictingValues { other, .. } => Some(other.1),
            Warning::UnsettledValues { values, .. } => values.first().map(|&(_, line)| line),
        }
    }

    /// The metric the warning is about, where there is one.
    pub fn key(&self) -> Option<MetricKey> {
        match self {
            Warning::ConflictingValues { key, .. }
            | Warning::UnsettledValues { key, .. }
            | Warning::DoubtfulFigure { key, .. } => Some(*key),
            _ => None,
        }
    }

    /// The message in Chinese, for the audit page: plain words, no codes.
    pub fn message_zh(&self) -> String {
        Zh(self).to_string()
    }
}

/// A warning's Chinese message, written straight into a formatter: a
/// record is serialized without a string built per warning.
struct Zh<'w>(&'w Warning);

impl fmt::Display for Zh<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Warning::LossyDecoding { replaced } => {
                write!(f, "有 {replaced} 处字节无法解码，已替换为 �（U+FFFD）")
            }
            Warning::DamagedFile => f.write_str(
                "文件已损坏或不完整（下载未完成？）；文字是从现存部分读出的，可能有缺失",
            ),
            Warning::OcrText => {
                f.write_str("正文由文字识别（OCR）从扫描图像得来，数字须对照原件核对")
            }
            Warning::OcrUnsure {
                text,
                line,
                confidence,
            } => write!(
                f,
                "第 {line} 行：文字识别对数字“{text}”没有把握（置信度 {confidence}%），未采用"
            ),
            Warning::NoLibrary => f.write_str("标题行中没有找到图书馆名称"),
            Warning::NoYear { candidates } if candidates.is_empty() => {
                f.write_str("没有找到报告所属年度")
            }
            Warning::NoYear { candidates } => write!(
                f,
                "标题、章节标题和首句都没有写明报告年度，未取年度；正文提到 {} 年",
                years_list(candidates, "、")
            ),
            Warning::YearRange { from, to } => write!(
                f,
                "标题涵盖 {from}—{to} 年，取最后一年 {to} 年（数字所描述的年度）"
            ),
            Warning::UnclassifiedSection { title, line } => {
                write!(f, "第 {line} 行：章节“{title}”不属于已知的任何类别")
            }
            Warning::ConflictingValues { key, kept, other } => write!(
                f,
                "{}：同一指标有两个不同数值，采用第 {} 行的 {}，第 {} 行另有 {}",
                key.label_zh(),
                kept.1,
                kept.0,
                other.1,
                other.0
            ),
            Warning::UnsettledValues { key, values } => {
                write!(f, "{}：原文给出不同数值（", key.label_zh())?;
                for (n, (value, line)) in values.iter().enumerate() {
                    let sep = if n == 0 { "" } else { "、" };
                    write!(f, "{sep}第 {line} 行 {value}")?;
                }
                f.write_str("），无法判断哪个正确，未采用")
            }
            Warning::DoubtfulFigure {
                key,
                text,
                line,
                reason,
            } => {
                write!(
                    f,
                    "第 {line} 行：“{text}”未作为“{}”采用，因为{}",
                    key.label_zh(),
                    reason.zh()
                )
            }
            Warning::OtherYearColumn { taken, line } => write!(
                f,
                "第 {line} 行：统计表没有报告年度的数据列，读取的是 {taken} 年的一列"
            ),
            Warning::UnreadableDate { text, line } => {
                write!(f, "第 {line} 行：无法读出“{text}”中的日期")
            }
            Warning::UnsettledDivision { name, candidates } if candidates.is_empty() => write!(
                f,
                "馆名“{name}”中的地名（或已填层级以下的地名）不在行政区划表中，未填区划代码"
            ),
            Warning::UnsettledDivision { name, candidates } => {
                // The codes are digits; the message has no Latin letters.
                write!(
                    f,
                    "馆名“{name}”可能是{}，正文未写明是哪一个，未填区划代码",
                    candidates.join("、")
                )
            }
        }
    }
}

/// Serializes a value by its `Display`, as one string.
struct Displayed<T>(T);

impl<T: fmt::Display> Serialize for Displayed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The message is written into a buffer kept per thread, then
        // escaped in one pass: `collect_str` escapes every piece a
        // `Display` writes apart, at a call's cost each, and a warning's
        // message is many pieces.
        thread_local! {
            static MESSAGE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        MESSAGE.with(|buffer| {
            let mut buffer = buffer.borrow_mut();
            buffer.clear();
            fmt::Write::write_fmt(&mut *buffer, format_args!("{}", self.0))
                .map_err(serde::ser::Error::custom)?;
            serializer.serialize_str(&buffer)
        })
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Warning", 5)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("line", &self.line())?;
        s.serialize_field("key", &self.key())?;
        s.serialize_field("message", &Displayed(self))?;
        s.serialize_field("message_zh", &Displayed(Zh(self)))?;
        s.end()
    }
}

impl JsonSchema for Warning {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Warning".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let kinds: Vec<&str> = Warning::KINDS.iter().map(|&(kind, _)| kind).collect();
        let key = generator.subschema_for::<Option<MetricKey>>();
        schemars::json_schema!({
            "description": "What the extractor noticed but could not settle.",
            "type": "object",
            "properties": {
                "kind": {
                    "description": "A stable snake_case code for what was noticed.",
                    "type": "string",
                    "enum": kinds,
                },
                "line": {
                    "description": "The line it is about, 1-based; null when it is about the whole report.",
                    "type": ["integer", "null"],
                    "minimum": 1,
                },
                "key": key,
                "message": {
                    "description": "One line of English.",
                    "type": "string",
                },
                "message_zh": {
                    "description": "The same in Chinese, for a librarian.",
                    "type": "string",
                },
            },
            "required": ["kind", "line", "key", "message", "message_zh"],
            "additionalProperties": false,
        })
    }
}

/// Years joined by `sep` (2019, 2018).
fn years_list(years: &[i32], sep: &str) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Warning> {
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        vec![
            Warning::LossyDecoding { replaced: 2 },
            Warning::DamagedFile,
            Warning::OcrText,
            Warning::OcrUnsure {
                text: "186 42O".into(),
                line: 26,
                confidence: 41,
            },
            Warning::NoLibrary,
            Warning::NoYear {
                candidates: vec![2020, 2019],
            },
            Warning::YearRange {
                from: 2009,
                to: 2018,
            },
            Warning::UnclassifiedSection {
                title: "五、其他".into(),
                line: 9,
            },
            Warning::ConflictingValues {
                key: MetricKey::Events,
                kept: (d("56"), 52),
                other: (d("103"), 20),
            },
            Warning::UnsettledValues {
                key: MetricKey::Loans,
                values: vec![(d("1"), 3), (d("2"), 4)],
            },
            Warning::DoubtfulFigure {
                key: MetricKey::Visits,
                text: "去年接待 5 万人次".into(),
                line: 7,
                reason: DoubtReason::LastYear,
            },
            Warning::OtherYearColumn {
                taken: 2019,
                line: 30,
            },
            Warning::UnreadableDate {
                text: "某月".into(),
                line: 80,
            },
            Warning::UnsettledDivision {
                name: "城关区图书馆".into(),
                candidates: vec!["甘肃省兰州市城关区 620102".into()],
            },
        ]
    }

    #[test]
    fn every_kind_is_listed_once_and_serialized_whole() {
        let warnings = all();
        let kinds: Vec<&str> = warnings.iter().map(Warning::kind).collect();
        let listed: Vec<&str> = Warning::KINDS.iter().map(|&(k, _)| k).collect();
        assert_eq!(kinds, listed, "KINDS lists every kind, in order");
        let of_kind = |kind: &str| {
            let warning = warnings.iter().find(|w| w.kind() == kind).expect("kind");
            serde_json::to_value(warning).expect("json")
        };
        let value = of_kind("conflicting_values");
        assert_eq!(
            value,
            serde_json::json!({
                "kind": "conflicting_values",
                "line": 20,
                "key": "events",
                "message": "events: kept 56 (line 52), other figure 103 (line 20)",
                "message_zh": "读者活动场次：同一指标有两个不同数值，采用第 52 行的 56，第 20 行另有 103",
            })
        );
        let none = of_kind("no_library");
        assert_eq!(none["line"], serde_json::Value::Null);
        assert_eq!(none["key"], serde_json::Value::Null);
    }

    #[test]
    fn chinese_messages_hold_no_english_jargon() {
        for warning in all() {
            let zh = warning.message_zh();
            assert!(
                !zh.chars().any(|c| c.is_ascii_lowercase()),
                "{}: {zh}",
                warning.kind()
            );
        }
    }
}
