//! The one home of vocabulary: every word a rule matches lives in a table
//! here, one row per line, so adding a synonym is a one-line change.

pub mod approx;
pub mod budget;
pub mod chrome;
pub mod columns;
pub mod dates;
pub mod dictionary;
pub mod divisions;
pub mod encodings;
pub mod enumeration;
pub mod errors;
pub mod grammar;
pub mod identity;
pub mod library;
pub mod metrics;
pub mod numerals;
pub mod ocr;
pub mod phrases;
pub mod places;
pub mod punctuation;
pub mod script;
pub mod sections;
pub mod units;

#[cfg(test)]
mod tests {
    use super::sections::SECTION_TITLES;
    use crate::contract::metric_key::MetricKey;

    /// The spec's vocabulary, copied from `spec/metrics.tsv`.
    const METRICS_TSV: &str = include_str!("../../tests/data/metrics.tsv");

    #[test]
    fn metric_keys_are_the_spec_vocabulary_in_order() {
        let spec: Vec<(&str, &str)> = METRICS_TSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let mut cells = l.split('\t');
                (cells.next().unwrap_or(""), cells.next().unwrap_or(""))
            })
            .collect();
        let ours: Vec<(&str, &str)> = MetricKey::ALL
            .iter()
            .map(|k| (k.as_str(), k.base_unit().symbol()))
            .collect();
        assert_eq!(ours, spec);
    }

    /// Every word a rule matches, from every table of this crate's own.
    fn vocabulary() -> Vec<&'static str> {
        let mut words: Vec<&str> = Vec::new();
        words.extend(SECTION_TITLES.iter().map(|(w, _)| *w));
        words.extend(super::sections::TITLE_WORDS);
        words.extend(super::sections::TOC_HEADINGS);
        words.extend(super::sections::IMAGE_PLACEHOLDERS);
        words.extend(super::metrics::METRIC_LABELS.iter().map(|(w, _, _)| *w));
        words.extend(super::metrics::SUBJECTS.iter().map(|(w, _)| *w));
        words.extend(super::metrics::QUALIFIERS.iter().map(|(w, _)| *w));
        words.extend(super::metrics::FILLERS);
        words.extend(super::columns::COLUMN_TITLES.iter().map(|(w, _)| *w));
        words.extend(
            super::enumeration::INLINE_ENUMERATORS
                .iter()
                .map(|(w, _)| *w),
        );
        words
    }

    #[test]
    fn vocabulary_is_written_in_simplified_characters() {
        // Text is folded to simplified before matching, so a traditional
        // word in a table could never match.
        for word in vocabulary() {
            assert_eq!(
                crate::fold::fold(word),
                word,
                "write {word:?} in simplified characters"
            );
        }
    }

    #[test]
    fn metric_labels_are_unique_per_subject() {
        let labels = &super::metrics::METRIC_LABELS;
        for (i, (word, subject, _)) in labels.iter().enumerate() {
            let twice = labels[i + 1..]
                .iter()
                .any(|(w, s, _)| w == word && s == subject);
            assert!(!twice, "{word:?} is listed twice for {subject:?}");
        }
    }

    #[test]
    fn every_metric_key_has_a_wording() {
        for key in MetricKey::ALL {
            let named = super::metrics::METRIC_LABELS
                .iter()
                .any(|(_, _, k)| *k == Some(*key));
            assert!(named, "{} has no wording in METRIC_LABELS", key.as_str());
        }
    }

    #[test]
    fn section_titles_have_no_duplicates() {
        let mut words: Vec<&str> = SECTION_TITLES.iter().map(|(w, _)| *w).collect();
        let all = words.len();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), all, "a title word is listed twice");
    }
}
