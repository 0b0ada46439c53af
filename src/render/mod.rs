//! Renderers: each turns a [`crate::CheckReport`] into one output format, written to any
//! `io::Write`. They read the same diagnostics; none of them decides anything.

pub mod accept;
pub mod build;
pub mod fmt;
pub mod github;
pub mod html;
pub mod human;
pub mod import;
pub mod ingest;
pub mod json;
pub mod sarif;
pub mod status;
pub mod summary;
pub mod sync;
