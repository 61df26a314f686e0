//! libreport turns Chinese public-library annual reports (年报) into typed,
//! checkable data.
//!
//! The front door is [`extract`]: one file's bytes in, one [`Record`] out
//! (a [`LibraryReport`], or a failed file that says why). The stages run
//! in one direction:
//!
//! ```text
//! bytes ─read→ text ─clean→ lines ─segment→ sections ─extract→ LibraryReport ─write→ JSON / CSV
//!                                   identity: the year and the library, decided once
//!                         metrics · stat_table · chronicle · plan
//! ```
//!
//! Every figure keeps the line it came from, so a person can check it.
//!
//! # The stages
//!
//! From the bottom up (`tests/house.rs` checks that no module asks one
//! above it):
//!
//! - [`contract`]: what a record prints; `tables` (private): every word a
//!   rule matches, one row each; [`text`], [`fold`], [`hygiene`]: what a
//!   character is.
//! - The phrase readers [`numeral`], [`date`], [`quantity`] (and `title`,
//!   [`phrase`]): a phrase in, a value out; they know nothing of lines.
//! - [`decode`] and [`read`]: bytes to text, one reader per format.
//! - [`clean`] and [`heading`]: text to lines, each line's facts decided
//!   once ([`clean::Line`]: folded text, width, shape, numbering).
//! - [`segment`]: lines to sections, each section's kind settled there.
//! - The extractors (private): `identity` (the report's year and library,
//!   from ranked evidence), `metrics`, `stat_table`, `chronicle`, `plan`.
//! - `pipeline` (private) runs them; [`write`](mod@write), [`view`], [`audit`](mod@audit),
//!   [`schema`] and [`dictionary`] present the record.
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
pub mod region;
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
