//! songngu ("song ngữ", bilingual) keeps parallel English and Vietnamese texts as Project
//! Fluent resources, finds what is missing, untranslated, broken or stale in each locale,
//! and reports it as data.
//!
//! The library never prints: every command returns values (diagnostics, tables) and the
//! renderers in [`render`] write them to any `io::Write`. `src/main.rs` only turns
//! arguments into library calls and picks the exit code.
#![warn(clippy::print_stdout, clippy::print_stderr)]

// The pipeline, in the order data flows through it:
pub mod bundle; // build, manifest, the runtime API
pub mod checks; // one file per check, and the registry
pub mod commands; // the commands that write: accept, ingest, sync, fmt
pub mod diagnostic;
pub mod engine; // a snapshot of the project in, findings and one state per entry out
pub mod error;
pub mod fs; // atomic writes, the write lock, walking folders
pub mod ftl; // a loaded .ftl file, its model, canonical text, byte-keeping edits
pub mod interchange; // XLIFF, PO, TMX
pub mod project; // a project on disk: config, locales, announcements in `source/`
pub mod records; // translation records (the `.ftl.lock` files) and drift
pub mod render; // human, JSON, SARIF, GitHub, status, the HTML report
pub mod text; // words, languages, Vietnamese letters, numbers and dates

pub use diagnostic::{Diagnostic, Severity};
pub use engine::run::{check_project, CheckOptions, CheckReport, Progress};
pub use error::Error;
pub use project::Project;

/// The README's Rust examples, compiled and run by `cargo test`.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
