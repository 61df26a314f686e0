//! Fuzz target: arbitrary bytes through each reader (web page, Word
//! document, PDF) and the pipeline after it must never panic. The first
//! byte picks the reader; seed the corpus with the fixtures
//! (`fixtures/qinghe-2021-*`) behind a byte 0, 1 or 2.
//!
//! Run from the crate root with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz readers -- -max_total_time=600`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let name = match which % 3 {
        0 => "fuzz.html",
        1 => "fuzz.docx",
        _ => "fuzz.pdf",
    };
    let record = libreport::extract(name, bytes, &libreport::Options::default());
    let json = serde_json::to_vec(&record).expect("a record always serializes");
    assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok());
});
