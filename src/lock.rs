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
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| Error::Lock {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: "not UTF-8 text".into(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Lock::default()),
            Err(e) => return Err(Error::io(path, e)),
        };
        Lock::parse(path, &text)
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

    /// The file's text: a header comment, then the entries sorted by id.
    pub fn to_text(&self) -> String {
        let body = toml::to_string(&Lock { version: VERSION, entries: self.entries.clone() })
            .expect("a lock always serializes");
        format!("# Translation record written by `songngu accept`: what the reference said when each\n# translation was accepted. Do not edit by hand; delete it to start over.\n{body}")
    }

    /// Writes the lock atomically (a temporary file in the same folder, then a rename),
    /// and only when its text changes; an empty lock removes the file. Returns whether
    /// anything changed on disk.
    pub fn write(&self, path: &Path) -> Result<bool, Error> {
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
        write_atomically(path, text.as_bytes())?;
        Ok(true)
    }
}

/// Replaces a file's content so that readers see either the old or the new bytes, never
/// a mix: write a temporary file beside it, flush it to disk, rename it over. A missing
/// folder is created.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    // A symbolic link is written through, not replaced by a file of its own; but while a
    // project is being written, never to a file outside it (a cloned repository must not
    // make `sync` append to `~/.ssh/authorized_keys`).
    let real;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            real = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
            if crate::project::outside_the_projects_being_written(&real) {
                return Err(Error::Usage(format!(
                    "{}: a symbolic link to {}, outside the project: songngu does not write there",
                    path.display(),
                    real.display()
                )));
            }
            real.as_path()
        }
        _ => path,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    // The replaced file keeps its permissions; a new one gets the usual 0666 less the
    // umask, not the 0600 of a temporary file.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => default_permissions(),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(crate::project::TEMP_PREFIX);
    if let Some(p) = permissions {
        builder.permissions(p);
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Exactly the old mode, whatever the umask.
        tmp.as_file().set_permissions(meta.permissions()).map_err(|e| Error::io(path, e))?;
    }
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(n: u8) -> TranslationRecord {
        TranslationRecord {
            reference: format!("{n:064x}"),
            translation: format!("{:064x}", n + 1),
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

    #[test]
    fn broken_locks_are_refused_with_a_position() {
        let err = Lock::parse(Path::new("x.lock"), "version = 1\n[entries.a]\nreference = \"\n").unwrap_err();
        assert!(err.to_string().starts_with("x.lock:3:"), "{err}");
        let err = Lock::parse(Path::new("x.lock"), "version = 2\n").unwrap_err();
        assert!(err.to_string().contains("version 2"), "{err}");
    }
}
