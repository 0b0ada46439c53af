//! The translation record ("the lock"): for each target locale and resource, what the
//! reference said when each translation was accepted.
//!
//! One TOML file per target resource, beside it: `locales/vi/news.ftl` is recorded in
//! `locales/vi/news.ftl.lock`. Entries are sorted by id and written the same way every
//! time, so the file reads well in a review and merges line by line. `check` never writes
//! it; only `accept` does, atomically, and only when its content changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The format version this build reads and writes.
pub const VERSION: u32 = 1;

/// What was true when one translation was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationRecord {
    /// sha256 of the reference entry's canonical text.
    pub reference: String,
    /// sha256 of the translation's canonical text.
    pub translation: String,
    /// The translation is meant to be the same text as its reference (a name, a code):
    /// recorded by naming it, `songngu accept vi ID`. `untranslated` does not flag it
    /// until either side changes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub copy: bool,
    /// The reference's canonical text, so a later change can be shown as a diff.
    pub source: String,
}

/// Where a translation stands against its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordState {
    /// Never accepted.
    Unrecorded,
    /// Accepted, and neither side changed since.
    Current,
    /// The translation was edited since it was accepted; the reference did not change.
    Edited,
    /// The reference changed since the translation was accepted.
    Drifted {
        /// The translation was edited too (perhaps already revised).
        translation_edited: bool,
    },
}

impl RecordState {
    /// Compares a record with the current fingerprints of the reference and the
    /// translation.
    pub fn of(record: Option<&TranslationRecord>, reference: &str, translation: &str) -> RecordState {
        match record {
            None => RecordState::Unrecorded,
            Some(r) if r.reference != reference => {
                RecordState::Drifted { translation_edited: r.translation != translation }
            }
            Some(r) if r.translation != translation => RecordState::Edited,
            Some(_) => RecordState::Current,
        }
    }
}

/// One lock file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub version: u32,
    #[serde(default)]
    pub entries: BTreeMap<String, TranslationRecord>,
}

/// Where the lock of a target resource file lives.
pub fn path_for(resource_file: &Path) -> PathBuf {
    let mut name = resource_file.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl Lock {
    /// Reads a lock; a missing file is an empty lock. A lock that cannot be read exactly
    /// is refused (exit 2) rather than guessed at or rewritten.
    pub fn read(path: &Path) -> Result<Lock, Error> {
        Lock::from_bytes(path, Lock::read_bytes(path)?)
    }

    /// The bytes of a lock file, `None` when there is none.
    pub fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, Error> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// Reads a lock from the bytes of its file (`None`: no file, an empty lock).
    pub fn from_bytes(path: &Path, bytes: Option<Vec<u8>>) -> Result<Lock, Error> {
        let Some(bytes) = bytes else { return Ok(Lock::default()) };
        // simdutf8: a check reads every lock, and most of a lock is text.
        let text = simdutf8::basic::from_utf8(&bytes).map_err(|_| Error::Lock {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "not UTF-8 text".into(),
        })?;
        Lock::parse(path, text)
    }

    fn parse(path: &Path, text: &str) -> Result<Lock, Error> {
        if let Some(at) = text.lines().position(|l| l.starts_with("<<<<<<<") || l.starts_with(">>>>>>>")) {
            return Err(Error::Lock {
                path: path.to_path_buf(),
                line: at + 1,
                column: 1,
                message: "a merge left conflict markers here: keep both sides' records (or take either side)"
                    .to_string(),
            });
        }
        if let Some(lock) = Lock::parse_written(text) {
            return Ok(lock);
        }
        // The version first: a newer format may have fields this one does not know.
        #[derive(Deserialize)]
        struct Version {
            version: Option<u32>,
        }
        if let Ok(Version { version: Some(version) }) = toml::from_str::<Version>(text) {
            if version != VERSION {
                return Err(Error::Lock {
                    path: path.to_path_buf(),
                    line: 1,
                    column: 1,
                    message: format!(
                        "lock format version {version} is not {VERSION}, the version this songngu reads (a newer songngu wrote it?)"
                    ),
                });
            }
        }
        let lock: Lock = toml::from_str(text).map_err(|e| {
            let (line, column) = crate::project::toml_error_position(text, &e);
            // TOML messages can span lines; the error is one line.
            let message = crate::error::one_line(e.message(), 200);
            Error::Lock { path: path.to_path_buf(), line, column, message }
        })?;
        Ok(lock)
    }

    /// Reads a lock laid out exactly as [`Lock::to_text`] writes it, without a TOML parser:
    /// a check reads every lock of the project, and a general TOML parser spends most of
    /// its time on the recorded source texts, which this only has to find the end of.
    /// Anything else (a hand edit, another layout, an escape in a text) returns `None`, and
    /// the caller reads the file with the TOML parser, which also says what is wrong.
    fn parse_written(text: &str) -> Option<Lock> {
        if text.contains('\r') {
            return None;
        }
        let mut rest = text;
        // The header comment, then `version = 1`.
        while rest.starts_with('#') {
            rest = &rest[rest.find('\n')? + 1..];
        }
        rest = rest.strip_prefix("version = 1\n")?;
        let mut lock = Lock { version: VERSION, entries: BTreeMap::new() };
        while !rest.is_empty() {
            rest = rest.strip_prefix("\n[entries.")?;
            let end = rest.find("]\n")?;
            let key = &rest[..end];
            // A bare TOML key; others are quoted, and left to the TOML parser.
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
                return None;
            }
            rest = &rest[end + 2..];
            let hex = |rest: &mut &str, field: &str| -> Option<String> {
                let r = rest.strip_prefix(field)?.strip_prefix(" = \"")?;
                let value = r.get(..64)?;
                let r = r[64..].strip_prefix("\"\n")?;
                if !value.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                *rest = r;
                Some(value.to_string())
            };
            let reference = hex(&mut rest, "reference")?;
            let translation = hex(&mut rest, "translation")?;
            let copy = match rest.strip_prefix("copy = true\n") {
                Some(r) => {
                    rest = r;
                    true
                }
                None => false,
            };
            rest = rest.strip_prefix("source = \"\"\"\n")?;
            let end = rest.find("\"\"\"\n")?;
            let source = &rest[..end];
            // An escape or a quote next to the closing quotes needs the TOML parser.
            if source.contains('\\') || source.ends_with('"') {
                return None;
            }
            rest = &rest[end + 4..];
            let record = TranslationRecord { reference, translation, copy, source: source.to_string() };
            if lock.entries.insert(key.to_string(), record).is_some() {
                return None;
            }
        }
        Some(lock)
    }

    /// The file's text: a header comment, then the entries sorted by id.
    pub fn to_text(&self) -> String {
        let body = toml::to_string(&Lock { version: VERSION, entries: self.entries.clone() })
            .expect("a lock always serializes");
        format!("# Translation record written by `songngu accept`: what the reference said when each\n# translation was accepted. Do not edit by hand; delete it to start over.\n{body}")
    }

    /// Writes the lock atomically (a temporary file in the same folder, then a rename),
    /// and only when its text changes; an empty lock removes the file. Returns whether
    /// anything changed on disk.
    pub fn write(&self, writing: &crate::fs::WriteLock, path: &Path) -> Result<bool, Error> {
        if self.entries.is_empty() {
            return match std::fs::remove_file(path) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
                Err(e) => Err(Error::io(path, e)),
            };
        }
        let text = self.to_text();
        if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(false);
        }
        writing.write(path, text.as_bytes())?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(n: u8) -> TranslationRecord {
        TranslationRecord {
            reference: format!("{n:064x}"),
            translation: format!("{:064x}", n + 1),
            // Every third one an intentional copy.
            copy: n % 3 == 2,
            source: format!("text {n}\n    with \"quotes\""),
        }
    }

    #[test]
    fn round_trips_and_sorts() {
        let mut lock = Lock::default();
        lock.entries.insert("b".into(), record(2));
        lock.entries.insert("a".into(), record(1));
        let text = lock.to_text();
        assert!(text.find("[entries.a]").unwrap() < text.find("[entries.b]").unwrap(), "{text}");
        let back = Lock::parse(Path::new("x.lock"), &text).unwrap();
        assert_eq!(back.entries, lock.entries);
    }

    /// What the TOML parser reads from a lock's text.
    fn by_toml(text: &str) -> Lock {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn the_quick_reader_reads_what_accept_writes() {
        let mut lock = Lock::default();
        for (key, source) in [
            ("a", "a = Chủ tịch nước Lương Cường\n"),
            ("b-p2", "b-p2 = with \"quotes\", { -term } and { $var }\n    on two lines\n"),
            ("c_3", "c_3 =\n    .title = Hà Nội\n"),
        ] {
            let n = lock.entries.len() as u8;
            lock.entries.insert(key.into(), TranslationRecord { source: source.into(), ..record(n) });
        }
        let text = lock.to_text();
        let quick = Lock::parse_written(&text).expect("the layout accept writes");
        assert_eq!(quick, by_toml(&text));
        // Anything else goes to the TOML parser, which reads it the same.
        for other in
            [text.replace("version = 1\n", "version = 1\n# a note\n"), text.replace("[entries.a]", "[entries.\"a\"]")]
        {
            assert_eq!(Lock::parse_written(&other), None, "{other}");
            assert_eq!(Lock::parse(Path::new("x.lock"), &other).unwrap().entries, lock.entries);
        }
        assert_eq!(Lock::parse_written(&text.replace('\n', "\r\n")), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Whatever the texts, the quick reader reads what the TOML parser reads, or
        /// leaves the file to it.
        #[test]
        fn the_quick_reader_agrees_with_toml(
            texts in proptest::collection::vec(("[a-z][a-z0-9_-]{0,12}", ".*\n?", proptest::bool::ANY), 1..5)
        ) {
            let mut lock = Lock::default();
            for (i, (key, source, newline)) in texts.into_iter().enumerate() {
                let source = if newline { format!("{source}\n") } else { source };
                lock.entries.insert(key, TranslationRecord { source, ..record(i as u8) });
            }
            let text = lock.to_text();
            if let Some(quick) = Lock::parse_written(&text) {
                proptest::prop_assert_eq!(quick, by_toml(&text));
            }
            proptest::prop_assert_eq!(Lock::parse(Path::new("x.lock"), &text).unwrap().entries, lock.entries);
        }
    }

    #[test]
    fn broken_locks_are_refused_with_a_position() {
        let err = Lock::parse(Path::new("x.lock"), "version = 1\n[entries.a]\nreference = \"\n").unwrap_err();
        assert!(err.to_string().starts_with("x.lock:3:"), "{err}");
        let err = Lock::parse(Path::new("x.lock"), "version = 2\n").unwrap_err();
        assert!(err.to_string().contains("version 2"), "{err}");
    }
}
