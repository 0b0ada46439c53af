//! A Fluent file as songngu reads it: its text and line index with a guarded parse
//! ([`file`]), the entries the checks walk ([`model`]), canonical text and fingerprints
//! ([`fingerprint`]), and the item-by-item view that edits keep every other byte with
//! ([`doc`]).

pub mod doc;
pub mod file;
pub mod fingerprint;
pub mod model;
