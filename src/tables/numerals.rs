//! Numeral vocabulary: digits and multipliers (issue 3; to be written).
