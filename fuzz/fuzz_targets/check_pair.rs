#![no_main]
//! See fuzz/harness.rs: `check_pair`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::check_pair(data));
