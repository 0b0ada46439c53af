//! A Fluent file as songngu reads it: its text and line index with a guarded parse
//! ([`file`]), the entries the checks walk ([`model`]), canonical text and fingerprints
//! ([`fingerprint`]), the item-by-item view that edits keep every other byte with
//! ([`doc`]), and a pattern read as prose, as the checks of words, quotes, dashes, links
//! and markup read it ([`prose`]).

pub mod doc;
pub mod file;
pub mod fingerprint;
pub mod model;
pub mod prose;
