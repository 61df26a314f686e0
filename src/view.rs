//! The audit page (issue 7; to be written).
