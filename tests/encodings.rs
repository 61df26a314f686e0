//! Integration tests: encodings.
