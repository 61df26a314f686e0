//! Number + unit + approximation word → Quantity in a base unit (issue 3; to be written).
