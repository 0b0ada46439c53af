//! The commands that write to a project: `accept` (translation records), `ingest`
//! (announcements into reference resources), `sync` (what translators lack) and `fmt`.
//! Each writes atomically, under the project's write lock, and only files that change.

pub mod accept;
pub mod fmt;
pub mod ingest;
pub mod sync;
