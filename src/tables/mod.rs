//! The one home of vocabulary: every word a rule matches lives in a table
//! here, one row per line, so adding a synonym is a one-line change.

pub mod approx;
pub mod columns;
pub mod dates;
pub mod enumeration;
pub mod lexicon;
pub mod metric_keys;
pub mod metrics;
pub mod numerals;
pub mod phrases;
pub mod sections;
pub mod units;

#[cfg(test)]
mod tests {
    use super::metric_keys::MetricKey;
    use super::sections::SECTION_TITLES;

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

    #[test]
    fn section_titles_have_no_duplicates() {
        let mut words: Vec<&str> = SECTION_TITLES.iter().map(|(w, _)| *w).collect();
        let all = words.len();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), all, "a title word is listed twice");
    }
}
