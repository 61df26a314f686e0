//! The output contract: what a record prints, and nothing that reads a
//! report. Every stage writes into these types; the writers, the schema
//! and the page read them.
//!
//! - [`report`]: the record ([`report::Record`], [`report::LibraryReport`])
//!   and its parts: sections, mentions, metrics, rows, entries, warnings.
//! - [`metric_key`]: the metric keys of the spec and their base units.
//! - [`unit`](mod@unit): the units a figure is printed in.
//! - [`decimal`]: the exact decimal every figure is printed as.
//! - [`format`](mod@format): which reader a record's text came from.
//!
//! No module here imports `tables/` or a stage: the vocabulary depends on
//! the contract, never the other way round.

pub mod decimal;
pub mod format;

pub mod metric_key;
pub mod report;
pub mod unit;
