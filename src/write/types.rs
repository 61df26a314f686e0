//! The type of every column the CSV and TSV writers print, so a reader
//! can be told them instead of guessing: pandas makes an integer column
//! with gaps a float (`1685200.0`) and DuckDB reads an all-empty column as
//! text. The README's `dtype` and `read_csv(columns=…)` lines are
//! generated from here ([`pandas_dtype`], [`duckdb_columns`]).
//!
//! A count (every key whose unit is not TB, 平方米 or 元) is an integer
//! column and never prints a decimal point: a count read as a fraction
//! (none should be) is left empty there, and JSON keeps it as read.

use crate::contract::metric_key::MetricKey;
use crate::unit::Unit;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// Text (empty for none).
    Text,
    /// A whole number, no decimal point (empty for none).
    Integer,
    /// A decimal number (empty for none).
    Decimal,
    /// `true` or `false`.
    Boolean,
}

impl ColumnType {
    /// The pandas dtype that reads it (nullable: a gap stays a gap).
    pub fn pandas(self) -> &'static str {
        match self {
            ColumnType::Text => "string",
            ColumnType::Integer => "Int64",
            ColumnType::Decimal => "Float64",
            ColumnType::Boolean => "boolean",
        }
    }

    /// The DuckDB type that reads it.
    pub fn duckdb(self) -> &'static str {
        match self {
            ColumnType::Text => "VARCHAR",
            ColumnType::Integer => "BIGINT",
            ColumnType::Decimal => "DOUBLE",
            ColumnType::Boolean => "BOOLEAN",
        }
    }
}

/// The type of a metric key's values: money, area and data sizes are
/// decimals, counts are integers.
pub fn key_type(key: MetricKey) -> ColumnType {
    match key.base_unit() {
        Unit::Terabyte | Unit::SquareMetre | Unit::Yuan => ColumnType::Decimal,
        _ => ColumnType::Integer,
    }
}

/// The type of a column that is not a metric key, by its name.
pub fn column_type(column: &str) -> ColumnType {
    if let Some(key) = MetricKey::from_name(column) {
        return key_type(key);
    }
    match column {
        "year" | "line" | "n" | "warnings" => ColumnType::Integer,
        "value" => ColumnType::Decimal,
        "kept" => ColumnType::Boolean,
        _ => ColumnType::Text,
    }
}

/// `columns` as a pandas `dtype` dict literal: `{"file": "string", …}`.
pub fn pandas_dtype(columns: &[&str]) -> String {
    let cells: Vec<String> = columns
        .iter()
        .map(|c| format!("\"{c}\": \"{}\"", column_type(c).pandas()))
        .collect();
    format!("{{{}}}", cells.join(", "))
}

/// `columns` as a DuckDB `read_csv(columns=…)` struct: `{'file':
/// 'VARCHAR', …}`.
pub fn duckdb_columns(columns: &[&str]) -> String {
    let cells: Vec<String> = columns
        .iter()
        .map(|c| format!("'{c}': '{}'", column_type(c).duckdb()))
        .collect();
    format!("{{{}}}", cells.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_integers_money_area_and_data_decimals() {
        assert_eq!(column_type("visits"), ColumnType::Integer);
        assert_eq!(column_type("budget_yuan"), ColumnType::Decimal);
        assert_eq!(column_type("digital_resources_tb"), ColumnType::Decimal);
        assert_eq!(column_type("floor_area_m2"), ColumnType::Decimal);
        assert_eq!(column_type("year"), ColumnType::Integer);
        assert_eq!(column_type("kept"), ColumnType::Boolean);
        assert_eq!(column_type("library"), ColumnType::Text);
        assert_eq!(
            pandas_dtype(&["file", "year"]),
            r#"{"file": "string", "year": "Int64"}"#
        );
        assert_eq!(
            duckdb_columns(&["file", "year"]),
            "{'file': 'VARCHAR', 'year': 'BIGINT'}"
        );
    }
}
