//! The data dictionary: every metric key with its Chinese name, unit,
//! meaning (Chinese and English), the sections its figures usually stand
//! in and the wordings a report uses for it; and the column headers of the
//! tabular outputs in English or Chinese (`--headers zh`).
//!
//! Input: the contract's keys and the vocabulary tables; output:
//! [`KeyInfo`] rows for `libreport keys`, the schema, the workbook's 说明
//! sheet, and [`header`] for every CSV, TSV and workbook column.

use serde::Serialize;

use crate::contract::metric_key::MetricKey;
use crate::report::SectionKind;
use crate::tables::dictionary::{COLUMN_HEADERS_ZH, METRIC_NOTES};
use crate::tables::metrics::{METRIC_LABELS, Subject};

/// The language of column headers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Headers {
    /// The English keys (`registered_readers`): the default, for pipelines.
    #[default]
    En,
    /// Chinese names with units (`持证读者（人）`), for people.
    Zh,
}

/// One metric key as the data dictionary describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    /// The key (`loan_visits`).
    pub key: &'static str,
    /// Its Chinese name (`外借人次`).
    pub name_zh: &'static str,
    /// The base unit every value is given in (`人次`).
    pub unit: &'static str,
    /// The Chinese column header, `name_zh（unit）`.
    pub header_zh: String,
    /// What it measures, in Chinese.
    pub meaning_zh: &'static str,
    /// What it measures, in English.
    pub meaning: &'static str,
    /// The sections its figures usually stand in, likeliest first.
    pub sections: Vec<&'static str>,
    /// Wordings a report uses for it (those that need a subject say so:
    /// `粉丝（微信）`).
    pub wordings: Vec<String>,
}

/// The Chinese meaning and usual sections of `key`.
fn notes(key: MetricKey) -> (&'static str, &'static [SectionKind]) {
    METRIC_NOTES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(("", &[]), |(_, zh, sections)| (*zh, *sections))
}

fn subject_zh(subject: Subject) -> &'static str {
    match subject {
        Subject::Wechat => "微信",
        Subject::Weibo => "微博",
        Subject::Website => "网站",
        Subject::Digital => "数字资源",
        Subject::OtherMedia => "其他平台",
    }
}

/// The Chinese column header of a metric key: `持证读者（人）`.
pub fn key_header_zh(key: MetricKey) -> String {
    format!("{}（{}）", key.label_zh(), key.base_unit().symbol())
}

/// The dictionary entry of one key.
pub fn key_info(key: MetricKey) -> KeyInfo {
    let (meaning_zh, sections) = notes(key);
    let wordings = METRIC_LABELS
        .iter()
        .filter(|(_, _, k)| *k == Some(key))
        .map(|(word, subject, _)| match subject {
            Some(subject) => format!("{word}（{}）", subject_zh(*subject)),
            None => (*word).to_owned(),
        })
        .collect();
    KeyInfo {
        key: key.as_str(),
        name_zh: key.label_zh(),
        unit: key.base_unit().symbol(),
        header_zh: key_header_zh(key),
        meaning_zh,
        meaning: key.meaning(),
        sections: sections.iter().map(|s| s.as_str()).collect(),
        wordings,
    }
}

/// Every key's entry, in the contract's order.
pub fn entries() -> Vec<KeyInfo> {
    MetricKey::ALL.iter().map(|&k| key_info(k)).collect()
}

/// A column's header in `headers`' language: the English name as given,
/// or its Chinese header (a metric key's `名称（单位）`); a name with no
/// Chinese header stays English.
pub fn header(column: &str, headers: Headers) -> String {
    if headers == Headers::En {
        return column.to_owned();
    }
    if let Some(key) = MetricKey::from_name(column) {
        return key_header_zh(key);
    }
    COLUMN_HEADERS_ZH
        .iter()
        .find(|(en, _)| *en == column)
        .map_or_else(|| column.to_owned(), |(_, zh)| (*zh).to_owned())
}

/// The columns of `keys --format csv`, in order.
pub const CSV_COLUMNS: [&str; 8] = [
    "key",
    "name_zh",
    "unit",
    "header_zh",
    "meaning_zh",
    "meaning",
    "sections",
    "wordings",
];

impl KeyInfo {
    /// The entry as CSV cells, in [`CSV_COLUMNS`]' order; lists are
    /// joined with `;`.
    pub fn cells(&self) -> [String; 8] {
        [
            self.key.to_owned(),
            self.name_zh.to_owned(),
            self.unit.to_owned(),
            self.header_zh.clone(),
            self.meaning_zh.to_owned(),
            self.meaning.to_owned(),
            self.sections.join(";"),
            self.wordings.join(";"),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_chinese_meaning_sections_and_wordings() {
        for key in MetricKey::ALL {
            let info = key_info(*key);
            assert!(
                !info.meaning_zh.is_empty(),
                "{key:?} has no Chinese meaning"
            );
            assert!(!info.sections.is_empty(), "{key:?} has no section");
            assert!(!info.wordings.is_empty(), "{key:?} has no wording");
        }
        let notes: Vec<MetricKey> = METRIC_NOTES.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(notes, MetricKey::ALL, "one note per key, in order");
    }

    #[test]
    fn loan_visits_is_described() {
        let info = key_info(MetricKey::LoanVisits);
        assert_eq!(info.name_zh, "外借人次");
        assert_eq!(info.unit, "人次");
        assert_eq!(info.header_zh, "外借人次（人次）");
        assert!(info.meaning.contains("lending"));
    }

    #[test]
    fn headers_in_chinese_are_unique_and_stable() {
        assert_eq!(header("registered_readers", Headers::Zh), "持证读者（人）");
        assert_eq!(header("collection_total", Headers::Zh), "馆藏总量（册）");
        assert_eq!(header("year", Headers::Zh), "年度");
        assert_eq!(header("year", Headers::En), "year");
        let mut all: Vec<String> = crate::write::csv::columns()
            .iter()
            .map(|c| header(c, Headers::Zh))
            .collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "two columns share a Chinese header");
    }
}
