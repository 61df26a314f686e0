//! Fuzz target: arbitrary bytes through the pipeline must never panic.
//!
//! For now only the decode stage runs; the whole-pipeline call replaces it
//! once the later stages exist. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline -- -max_total_time=60`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = libreport::decode::decode(data, None) {
        assert!(!decoded.text.contains('\0'));
    }
});
