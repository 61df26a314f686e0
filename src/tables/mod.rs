//! The one home of vocabulary: every word a rule matches lives in a table
//! here, one row per line, so adding a synonym is a one-line change.

pub mod approx;
pub mod dates;
pub mod lexicon;
pub mod metric_keys;
pub mod numerals;
pub mod phrases;
pub mod units;
