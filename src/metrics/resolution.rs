//! Resolution: one figure per metric key from a report's mentions, the
//! most precise of those that agree, and a warning where they disagree.
//! Input: every [`Mention`]; output: the record's `metrics`.

use std::collections::BTreeMap;

use crate::decimal::Decimal;
use crate::report::{Mention, Origin, SectionKind, Warning};
use crate::tables::metric_keys::MetricKey;

/// One value per key: a table figure wins over prose; of several prose
/// figures, the summary's; when still in doubt, none, with a warning.
pub fn resolve(mentions: &[Mention], warnings: &mut Vec<Warning>) -> BTreeMap<MetricKey, Mention> {
    let mut by_key: BTreeMap<MetricKey, Vec<&Mention>> = BTreeMap::new();
    for mention in mentions {
        by_key.entry(mention.key).or_default().push(mention);
    }
    let mut metrics = BTreeMap::new();
    for (key, all) in by_key {
        let tables: Vec<&Mention> = all
            .iter()
            .copied()
            .filter(|m| m.origin == Origin::Table)
            .collect();
        let pool = if tables.is_empty() {
            let summary: Vec<&Mention> = all
                .iter()
                .copied()
                .filter(|m| m.section == SectionKind::Summary)
                .collect();
            if summary.is_empty() {
                all.clone()
            } else {
                summary
            }
        } else {
            tables
        };
        // A rounded figure (约42.6万) agrees with the exact one it rounds
        // (426118): the exact one is kept.
        let first = most_precise(&pool);
        if pool
            .iter()
            .any(|m| !same_figure(m, first) && !rounds(first, m))
        {
            warnings.push(Warning::UnsettledValues {
                key,
                values: distinct(&pool),
            });
            continue;
        }
        for other in all.iter().filter(|m| !same_figure(m, first)) {
            warnings.push(Warning::ConflictingValues {
                key,
                kept: (first.value, first.line),
                other: (other.value, other.line),
            });
        }
        metrics.insert(key, first.clone());
    }
    metrics
}

/// The mention written most precisely (fewest trailing zeros), the first
/// of equals.
fn most_precise<'m>(pool: &[&'m Mention]) -> &'m Mention {
    let mut best = pool[0];
    for &m in &pool[1..] {
        if rounding_step(m.value) < rounding_step(best.value) {
            best = m;
        }
    }
    best
}

/// The power of ten a value is written to: 426000 → 1000, 612.5 → 0.1.
fn rounding_step(value: Decimal) -> f64 {
    let mut mantissa = value.mantissa();
    let mut exponent = -i32::from(value.scale());
    while mantissa != 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        exponent += 1;
    }
    10f64.powi(exponent)
}

/// Whether `rough` is `exact` rounded to `rough`'s own precision (at
/// least to 3 significant digits, so 1万 is not any figure near it).
fn rounds(exact: &Mention, rough: &Mention) -> bool {
    let step = rounding_step(rough.value);
    let (exact, rough) = (exact.value.to_f64(), rough.value.to_f64());
    rough.abs() >= step * 100.0 && (exact - rough).abs() <= step / 2.0 + step * 1e-9
}

fn same_figure(a: &Mention, b: &Mention) -> bool {
    a.value == b.value
}

fn distinct(mentions: &[&Mention]) -> Vec<(Decimal, u32)> {
    // a set of the values seen: many different figures of one key are not
    // each compared with all before them
    let mut seen = std::collections::HashSet::new();
    mentions
        .iter()
        .filter(|m| seen.insert(m.value))
        .map(|m| (m.value, m.line))
        .collect()
}
