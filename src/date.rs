//! Date phrases → PartialDate and ranges (issue 3; to be written).
