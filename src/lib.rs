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

#![warn(missing_docs)]

pub mod date;
pub mod decimal;
pub mod decode;
pub mod numeral;
pub mod quantity;
pub mod report;
pub mod tables;
pub mod unit;
pub mod view;
