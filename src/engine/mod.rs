//! The engine's answers about each entry, read by every command that reports, records,
//! exports or builds: one [`state::EntryState`] per (locale, resource, id), worked out
//! in one place from the findings of a check run (with `songngu.toml`'s `[severity]`
//! already applied), never again by each command on its own.

pub mod state;
pub mod stated;

pub use state::{EntryState, Verdict, Verdicts};
