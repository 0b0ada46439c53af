//! `songngu accept`: record translations as done, so that later changes of their
//! reference show as drift.

use std::collections::BTreeSet;

use crate::drift::{classify, DriftClass};
use crate::error::Error;
use crate::fingerprint;
use crate::lock::{self, Lock, RecordState, TranslationRecord};
use crate::model::FileModel;
use crate::project::Project;
use crate::source::SourceFile;

/// Which entries to record.
#[derive(Debug, Clone, Default)]
pub struct AcceptOptions {
    pub locale: String,
    /// Record exactly these ids (drifted ones included).
    pub ids: Vec<String>,
    /// Also record every drifted entry.
    pub drifted: bool,
    /// Also record drifted entries whose reference changed only cosmetically.
    pub cosmetic: bool,
    /// Record every translated entry, whatever its state.
    pub all: bool,
    /// Told how far the run is, resource by resource.
    pub progress: crate::Progress,
}

/// Why an entry was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptReason {
    /// It had no record.
    New,
    /// Its translation was edited since it was recorded.
    Edited,
    /// Its reference changed since it was recorded.
    Drifted(DriftClass),
}

impl std::fmt::Display for AcceptReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AcceptReason::New => f.write_str("new"),
            AcceptReason::Edited => f.write_str("edited"),
            AcceptReason::Drifted(class) => write!(f, "drifted, {}", class.as_str()),
        }
    }
}

/// One recorded (or dropped) entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedEntry {
    /// The translation file, relative to the project root.
    pub file: String,
    pub id: String,
    pub reason: AcceptReason,
}

/// What `accept` did.
#[derive(Debug, Default)]
pub struct AcceptReport {
    pub recorded: Vec<AcceptedEntry>,
    /// Records removed because their entry is gone: `(file, id)`.
    pub dropped: Vec<(String, String)>,
    /// Drifted entries left alone (name them, or use `--drifted`).
    pub drifted_left: usize,
    pub files_written: usize,
}

/// Records translations of `options.locale` in the lock files. Nothing is written when an
/// id named in `options.ids` does not exist; each lock is written atomically and only
/// when it changes.
pub fn accept(project: &Project, options: &AcceptOptions) -> Result<AcceptReport, Error> {
    let locale = options.locale.as_str();
    project.require_locale(locale)?;
    let _writing = project.write_lock()?;
    let mut report = AcceptReport::default();
    let mut named_found = BTreeSet::new();
    let mut writes: Vec<(std::path::PathBuf, Lock)> = Vec::new();

    let resources = project.resources_of(locale)?;
    let total = resources.len();
    for (done, resource) in resources.into_iter().enumerate() {
        options.progress.report(done + 1, total);
        let reference_locale = project.reference_of(&resource)?;
        let reference_locale = reference_locale.as_str();
        if reference_locale == locale {
            continue;
        }
        let lock_path = lock::path_for(&project.file_path(locale, &resource));
        let mut lock = Lock::read(&lock_path)?;
        let before = lock.clone();
        let target_file = project.load_file(locale, &resource)?;
        let reference_file = if project.file_path(reference_locale, &resource).is_file() {
            Some(project.load_file(reference_locale, &resource)?)
        } else {
            None
        };
        let target_parsed = target_file.parse();
        let target = FileModel::new(&target_file, &target_parsed);
        let reference_parsed = reference_file.as_ref().and_then(SourceFile::parse);
        let reference = reference_file.as_ref().map(|f| FileModel::new(f, &reference_parsed));
        let in_reference = |key: &str| reference.as_ref().is_some_and(|r| r.contains(key));

        // Drop records of entries that are gone from either side.
        let gone: Vec<String> =
            lock.entries.keys().filter(|k| !target.contains(k) || !in_reference(k)).cloned().collect();
        for key in gone {
            lock.entries.remove(&key);
            report.dropped.push((target_file.display.to_string(), key));
        }

        for (key, entry) in target.by_key() {
            let Some(reference_entry) = reference.as_ref().and_then(|r| r.get(key)) else { continue };
            let named = options.ids.iter().any(|id| id == key);
            if named {
                named_found.insert(key.to_string());
            }
            let reference_canonical = reference_entry.canonical();
            let record = TranslationRecord {
                reference: fingerprint::of_text(&reference_canonical),
                translation: fingerprint::of_entry(entry),
                source: reference_canonical,
            };
            let old = lock.entries.get(key);
            let reason = match RecordState::of(old, &record.reference, &record.translation) {
                RecordState::Unrecorded => AcceptReason::New,
                RecordState::Edited => AcceptReason::Edited,
                RecordState::Drifted { .. } => AcceptReason::Drifted(classify(
                    fingerprint::body(&old.expect("a drifted entry has a record").source),
                    fingerprint::body(&record.source),
                )),
                RecordState::Current => continue,
            };
            let wanted = options.all
                || named
                || match reason {
                    AcceptReason::Drifted(class) => {
                        options.drifted || (options.cosmetic && class == DriftClass::Cosmetic)
                    }
                    // Naming ids narrows the run to those entries.
                    _ => options.ids.is_empty(),
                };
            if !wanted {
                if matches!(reason, AcceptReason::Drifted(_)) {
                    report.drifted_left += 1;
                }
                continue;
            }
            lock.entries.insert(key.to_string(), record);
            report.recorded.push(AcceptedEntry { file: target_file.display.to_string(), id: key.to_string(), reason });
        }
        if lock != before || (lock.entries.is_empty() && lock_path.exists()) {
            writes.push((lock_path, lock));
        }
    }

    let unknown: Vec<&String> = options.ids.iter().filter(|id| !named_found.contains(*id)).collect();
    if !unknown.is_empty() {
        let list: Vec<String> = unknown.iter().map(|id| format!("`{id}`")).collect();
        return Err(Error::Usage(format!(
            "{} {} not translated in {locale} (nothing was recorded)",
            list.join(", "),
            if list.len() == 1 { "is" } else { "are" }
        )));
    }
    for (path, lock) in writes {
        if lock.write(&path)? {
            report.files_written += 1;
        }
    }
    Ok(report)
}
