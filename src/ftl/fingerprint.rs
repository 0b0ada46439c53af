//! Fingerprints of entries: `sha256` of the canonical text, so reformatting a file
//! (indentation, blank lines, comments) changes no fingerprint and any change of content
//! does.

use sha2::{Digest, Sha256};

use crate::ftl::model::Entry;

/// The hex sha256 of a canonical text.
pub fn of_text(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = [0u8; 64];
    for (pair, byte) in hex.chunks_exact_mut(2).zip(digest) {
        pair[0] = DIGITS[usize::from(byte >> 4)];
        pair[1] = DIGITS[usize::from(byte & 0xF)];
    }
    std::str::from_utf8(&hex).expect("hex digits are ASCII").to_owned()
}

/// An entry's fingerprint.
pub fn of_entry(entry: &Entry<'_>) -> String {
    of_text(&entry.canonical())
}

/// The canonical text without its `id =` prefix: what people compare when it changes.
pub fn body(canonical: &str) -> &str {
    match canonical.split_once('=') {
        Some((_, rest)) => rest.trim(),
        None => canonical.trim(),
    }
}
