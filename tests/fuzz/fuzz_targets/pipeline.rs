//! Fuzz target: arbitrary bytes through the whole pipeline (decode, clean,
//! segment, every extractor, JSON) must never panic, and a record is always
//! whole JSON.
//!
//! Run from the crate root with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz pipeline -- -max_total_time=600`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let record = libreport::extract("fuzz.txt", data, &libreport::Options::default());
    let json = serde_json::to_vec(&record).expect("a record always serializes");
    assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok());
});
