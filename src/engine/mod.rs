//! The engine: the project's files, records and configuration in; findings, and one
//! state per entry, out. [`run`] checks resource by resource (on every core), then each
//! locale across its files; [`cache`] keeps each resource's results between runs.
//!
//! The engine's answers about each entry, read by every command that reports, records,
//! exports or builds: one [`state::EntryState`] per (locale, resource, id), worked out
//! in one place from the findings of a check run (with `songngu.toml`'s `[severity]`
//! already applied), never again by each command on its own.

pub(crate) mod cache;
pub mod focus;
pub mod run;
pub mod state;
pub mod stated;
pub(crate) mod suppress;

pub use state::{EntryState, Verdict, Verdicts};
