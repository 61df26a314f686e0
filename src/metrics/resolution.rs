//! Resolution: one figure per metric key from a report's mentions, the
//! most precise of those that agree, and a warning where they disagree.
//! Input: every [`Mention`]; output: the record's `metrics`.

use std::collections::BTreeMap;

use crate::contract::decimal::Decimal;
use crate::contract::metric_key::MetricKey;
use crate::contract::report::{Mention, Origin, SectionKind, Warning};

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
        if pool.iter().any(|m| !agrees(first, m)) {
            warnings.push(Warning::UnsettledValues {
                key,
                values: distinct(&pool),
            });
            continue;
        }
        // Only figures that disagree beyond the rounding or approximation
        // the text shows are worth a warning (52.37万册 in prose is the
        // table's 523,718).
        for other in all.iter().filter(|m| !agrees(first, m)) {
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

/// Whether `other` says what `exact` says: the same figure, the figure
/// rounded, or a figure with an approximation word that `exact` fits
/// (16万余 for 163,412, 近16万 for 158,000, 约16万 for 163,412).
fn agrees(exact: &Mention, other: &Mention) -> bool {
    use crate::contract::report::Approx;
    if same_figure(exact, other) || rounds(exact, other) {
        return true;
    }
    let (exact, rough) = (exact.value.to_f64(), other.value.to_f64());
    if rough <= 0.0 {
        return false;
    }
    // An approximate figure is read to its second digit at least: 48萬餘
    // is 480000 to the 万 (its value alone would say to the 十万).
    let second_digit = 10f64.powi(rough.log10().floor() as i32 - 1);
    let step = rounding_step(other.value).min(second_digit);
    match other.approx {
        Some(Approx::MoreThan) => exact >= rough && exact < rough + step,
        Some(Approx::Nearly | Approx::LessThan) => exact <= rough && exact > rough - step,
        Some(Approx::About) => (exact - rough).abs() <= step,
        None => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::report::{Approx, Origin, SectionKind};

    fn mention(value: &str, approx: Option<Approx>, origin: Origin, line: u32) -> Mention {
        Mention {
            key: MetricKey::CollectionTotal,
            value: value.parse().expect("decimal"),
            unit: crate::contract::unit::Unit::Volume,
            approx,
            text: String::new(),
            line,
            section: SectionKind::Summary,
            origin,
        }
    }

    #[test]
    fn a_rounded_or_approximate_figure_is_the_exact_one() {
        for (rough, approx) in [
            ("523700", None),
            ("520000", Some(Approx::MoreThan)),
            ("530000", Some(Approx::Nearly)),
            ("520000", Some(Approx::About)),
        ] {
            let mentions = [
                mention("523718", None, Origin::Table, 40),
                mention(rough, approx, Origin::Prose, 3),
            ];
            let mut warnings = Vec::new();
            let metrics = resolve(&mentions, &mut warnings);
            assert_eq!(metrics[&MetricKey::CollectionTotal].line, 40);
            assert!(warnings.is_empty(), "{rough} {approx:?}: {warnings:?}");
        }
    }

    #[test]
    fn figures_that_disagree_beyond_their_rounding_are_warned() {
        for (rough, approx) in [
            ("540000", None),
            ("530000", Some(Approx::MoreThan)),
            ("520000", Some(Approx::Nearly)),
            ("10000", Some(Approx::MoreThan)),
        ] {
            let mentions = [
                mention("523718", None, Origin::Table, 40),
                mention(rough, approx, Origin::Prose, 3),
            ];
            let mut warnings = Vec::new();
            resolve(&mentions, &mut warnings);
            assert_eq!(warnings.len(), 1, "{rough} {approx:?}");
        }
    }
}
