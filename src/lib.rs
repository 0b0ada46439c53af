//! songngu ("song ngữ", bilingual) keeps parallel English and Vietnamese texts as Project
//! Fluent resources, finds what is missing, untranslated, broken or stale in each locale,
//! and reports it as data.
//!
//! The library never prints: every command returns values (diagnostics, tables) and the
//! renderers in [`render`] write them to any `io::Write`. `src/main.rs` only turns
//! arguments into library calls and picks the exit code.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod accept;
pub mod announcement;
pub mod build;
mod cache;
pub mod check;
pub mod checks;
pub mod diagnostic;
pub mod document;
pub mod drift;
pub mod engine;
pub mod error;
pub mod fingerprint;
pub mod fmt;
pub mod ingest;
pub mod interchange;
pub mod layout;
pub mod lock;
pub mod manifest;
pub mod model;
pub mod numbers;
pub mod project;
pub mod render;
pub mod report;
pub mod runtime;
pub mod source;
pub mod sync;
pub mod text;

pub use check::{check_project, CheckOptions, CheckReport, Progress};
pub use diagnostic::{Diagnostic, Severity};
pub use error::Error;
pub use project::Project;

/// The README's Rust examples, compiled and run by `cargo test`.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
