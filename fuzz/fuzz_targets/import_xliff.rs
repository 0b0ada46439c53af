#![no_main]
//! See fuzz/harness.rs: `import_xliff`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::import_xliff(data));
