//! Unit vocabulary: written unit → base unit and power of ten (issue 3; to be written).
