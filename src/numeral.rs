//! Chinese and Arabic numerals → exact Decimal (issue 3; to be written).
