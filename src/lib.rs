//! libreport turns Chinese public-library annual reports (年报) into typed,
//! checkable data.
//!
//! Data flows one way through stages, each a module with one job:
//!
//! ```text
//! bytes ─decode→ text ─clean→ lines ─segment→ sections ─extract→ LibraryReport ─write→ JSON / CSV
//!                                                 │
//!                   numeral · quantity · date · metrics · table · chronicle · plan
//! ```
//!
//! Every figure keeps the line it came from, so a person can check it.
//!
//! Beside the stages: [`text`] answers what a character is (its lists are
//! rows of `tables::punctuation`), [`matcher`] finds the words of
//! [`tables`] in text, and [`contract`] holds what a record prints. A
//! cleaned line ([`clean::Line`]) carries what was decided about it once
//! (its folded text, width, shape and numbering), and every stage after
//! `clean` reads that.
//!
//! ```
//! let text = "重庆市武隆区图书馆 2020 年年报\n\n2020 年大事记\n\n一月\n\n16 日，南滨路 24 小时自助图书馆开馆。\n";
//! let record = libreport::extract("wulong.txt", text.as_bytes(), &libreport::Options::default());
//! let report = record.report().expect("a report");
//! assert_eq!(report.library.as_deref(), Some("重庆市武隆区图书馆"));
//! assert_eq!(report.year, Some(2020));
//! ```

#![warn(missing_docs)]

pub mod audit;
mod chronicle;
pub mod clean;
pub mod contract;
pub mod date;
pub mod decode;
pub mod dictionary;
pub mod error;
pub mod fold;
pub mod heading;
pub mod hygiene;
mod identity;
pub mod input;
mod label;
mod matcher;
mod metrics;
pub mod numeral;
pub mod phrase;
mod pipeline;
mod plan;
pub mod quantity;
pub mod read;
pub mod schema;
pub mod segment;
mod stat_table;
mod tables;
pub mod text;
mod title;
pub mod view;
pub mod write;

pub use contract::report::{LibraryReport, Record};
pub use pipeline::{
    Options, extract, extract_report, extract_text, extract_with_lines, extract_with_lines_upto,
    failed,
};
