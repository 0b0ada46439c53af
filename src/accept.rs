//! `songngu accept`: record translations as done, so that later changes of their
//! reference show as drift.

use std::collections::BTreeSet;

use crate::drift::{classify, DriftClass};
use crate::error::Error;
use crate::fingerprint;
use crate::lock::{self, Lock, TranslationRecord};
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
    if !project.config.locales.iter().any(|l| l == locale) {
        return Err(Error::Usage(format!(
            "`{locale}` is not a locale of this project (it has {})",
            project.config.locales.join(", ")
        )));
    }
    let mut report = AcceptReport::default();
    let mut named_found = BTreeSet::new();
    let mut writes: Vec<(std::path::PathBuf, Lock)> = Vec::new();

    for resource in project.resources_of(locale)? {
        let reference_locale = project.reference_of(&resource);
        if reference_locale == locale {
            continue;
        }
        let target_path = project.file_path(locale, &resource);
        let reference_path = project.file_path(reference_locale, &resource);
        let lock_path = lock::path_for(&target_path);
        let mut lock = Lock::read(&lock_path)?;
        let before = lock.clone();
        let load = |loc: &str, path: &std::path::Path| -> Result<SourceFile, Error> {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            Ok(SourceFile::from_bytes(loc, &resource, project.display_path(loc, &resource), bytes))
        };
        let target_file = load(locale, &target_path)?;
        let reference_file =
            if reference_path.is_file() { Some(load(reference_locale, &reference_path)?) } else { None };
        let target_parsed = target_file.parse();
        let target = FileModel::new(&target_file, &target_parsed);
        let reference_parsed = reference_file.as_ref().and_then(SourceFile::parse);
        let reference = reference_file.as_ref().map(|f| FileModel::new(f, &reference_parsed));
        let reference_index = reference.as_ref().map(|r| r.index()).unwrap_or_default();
        let target_index = target.index();

        // Drop records of entries that are gone from either side.
        let gone: Vec<String> = lock
            .entries
            .keys()
            .filter(|k| !target_index.contains_key(*k) || !reference_index.contains_key(*k))
            .cloned()
            .collect();
        for key in gone {
            lock.entries.remove(&key);
            report.dropped.push((target_file.display.clone(), key));
        }

        for (key, entry) in &target_index {
            let Some(reference_entry) = reference_index.get(key) else {
                continue;
            };
            let named = options.ids.iter().any(|id| id == key);
            if named {
                named_found.insert(key.clone());
            }
            let reference_canonical = reference_entry.canonical();
            let record = TranslationRecord {
                reference: fingerprint::of_text(&reference_canonical),
                translation: fingerprint::of_entry(entry),
                source: reference_canonical.clone(),
            };
            let reason = match lock.entries.get(key) {
                None => AcceptReason::New,
                Some(old) if old.reference != record.reference => AcceptReason::Drifted(classify(
                    fingerprint::body(&old.source),
                    fingerprint::body(&reference_canonical),
                )),
                Some(old) if old.translation != record.translation => AcceptReason::Edited,
                Some(_) => continue,
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
            lock.entries.insert(key.clone(), record);
            report.recorded.push(AcceptedEntry { file: target_file.display.clone(), id: key.clone(), reason });
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
