//! Approximation words (issue 3; to be written).
