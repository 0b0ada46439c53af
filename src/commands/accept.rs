//! `songngu accept`: record translations as done, so that later changes of their
//! reference show as drift.

use std::collections::BTreeSet;

use crate::engine::stated::unstated_facts;
use crate::engine::{EntryState, Verdicts};
use crate::error::Error;
use crate::ftl::file::SourceFile;
use crate::ftl::fingerprint;
use crate::ftl::model::FileModel;
use crate::project::Project;
use crate::records::drift::{classify, DriftClass};
use crate::records::lockfile::{self, Lock, RecordState, TranslationRecord};

/// Which entries to record.
#[derive(Debug, Clone, Default)]
pub struct AcceptOptions {
    pub locale: String,
    /// Record exactly these ids (drifted ones included). A named entry that `check` calls
    /// untranslated is recorded as an intentional copy.
    pub ids: Vec<String>,
    /// Also record every drifted entry.
    pub drifted: bool,
    /// Also record drifted entries whose reference changed only cosmetically.
    pub cosmetic: bool,
    /// Record every translated entry, drifted ones included (still guarded).
    pub all: bool,
    /// Record what the guards would leave: entries with error-level findings, untranslated
    /// copies, facts drifts whose translation does not state the new facts.
    pub force: bool,
    /// Say what would be recorded; write nothing.
    pub dry_run: bool,
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
    /// It was recorded already; naming it made it an intentional copy.
    Copy,
}

impl std::fmt::Display for AcceptReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AcceptReason::New => f.write_str("new"),
            AcceptReason::Edited => f.write_str("edited"),
            AcceptReason::Drifted(class) => write!(f, "drifted, {}", class.as_str()),
            AcceptReason::Copy => f.write_str("accepted before"),
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
    /// Recorded as an intentional copy of its reference.
    pub copy: bool,
}

/// Why the guard did not record an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// It has error-level findings: their codes and the first one's message.
    Errors { codes: Vec<&'static str>, first: String },
    /// `check` calls it untranslated (a copy, or still in the reference language).
    Untranslated,
    /// Its reference changed since it was accepted (plain `accept` never records a drift).
    Drifted(DriftClass),
    /// A facts drift whose translation does not state the new facts (or still states
    /// dropped ones).
    Unstated(crate::engine::stated::Unstated),
    /// `number-mismatch`: the translation does not state a figure of its reference (its
    /// message). Left by a plain run; naming the entry records it.
    Figures(String),
    /// Named, but the parser cannot read it (a syntax error on this line).
    Unreadable(usize),
    /// Named, but its reference no longer has it: there is nothing to translate.
    Obsolete,
}

impl std::fmt::Display for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Held::Errors { codes, first } => {
                let codes: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
                write!(f, "it has {} (error): {first}", codes.join(", "))
            }
            Held::Untranslated => f.write_str("`check` calls it untranslated"),
            Held::Drifted(class) => write!(f, "its reference changed ({}) since it was accepted", class.as_str()),
            Held::Unstated(unstated) => write!(f, "{unstated}"),
            Held::Figures(message) => f.write_str(message),
            Held::Unreadable(line) => write!(f, "it cannot be read (a syntax error on line {line})"),
            Held::Obsolete => f.write_str("its reference no longer has it (it is obsolete)"),
        }
    }
}

/// An entry the guard left unrecorded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldEntry {
    pub file: String,
    pub id: String,
    pub why: Held,
}

/// What `accept` did.
#[derive(Debug, Default)]
pub struct AcceptReport {
    /// In file order, resource by resource.
    pub recorded: Vec<AcceptedEntry>,
    /// Records removed because their entry is gone: `(file, id)`.
    pub dropped: Vec<(String, String)>,
    /// Entries left unrecorded by a plain `accept` (or `--all`), with the reason.
    pub left: Vec<HeldEntry>,
    /// Entries named on the command line and refused: the run fails (exit 1).
    pub refused: Vec<HeldEntry>,
    pub files_written: usize,
    /// Nothing was written (`--dry-run`).
    pub dry_run: bool,
}

/// Records translations of `options.locale` in the lock files. Nothing is written when an
/// id named in `options.ids` does not exist; each lock is written atomically and only
/// when it changes.
///
/// The guard reads each entry's state from a check of the locale (the same findings
/// `check` shows, `[severity]` applied): without `force` it never records an entry with
/// an error-level finding, an untranslated one (unless named: then it is an intentional
/// copy), or a facts drift whose translation does not state the new facts; a plain run
/// records no drift at all.
pub fn accept(project: &Project, options: &AcceptOptions) -> Result<AcceptReport, Error> {
    let locale = options.locale.as_str();
    project.require_locale(locale)?;
    let writing = project.write_lock()?;
    let mut checked = crate::engine::run::check_locale(project, locale)?;
    // "Not accepted yet" is what accept is about to change, not a reason to hold an entry:
    // let go of them (one per entry in a project nobody has accepted) before reading files.
    checked.diagnostics.retain(|d| d.code != "unaccepted");
    checked.diagnostics.shrink_to_fit();
    let verdicts = Verdicts::new(&checked.diagnostics);
    let mut report = AcceptReport { dry_run: options.dry_run, ..AcceptReport::default() };
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
        let lock_path = lockfile::path_for(&project.file_path(locale, &resource));
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
        let display = target_file.display.to_string();

        // Drop records of entries that are gone from either side.
        let gone: Vec<String> =
            lock.entries.keys().filter(|k| !target.contains(k) || !in_reference(k)).cloned().collect();
        for key in gone {
            lock.entries.remove(&key);
            report.dropped.push((display.clone(), key));
        }

        // A named id the parser could not read: refused with its line, not "not translated".
        for junk in &target.junk {
            if let Some(key) = junk.likely_key().filter(|k| options.ids.iter().any(|id| id == k)) {
                if named_found.insert(key.to_string()) && !target.contains(key) {
                    let (line, _) = target_file.position(junk.offset);
                    report.refused.push(HeldEntry {
                        file: display.clone(),
                        id: key.to_string(),
                        why: Held::Unreadable(line),
                    });
                }
            }
        }

        // In file order: what a translator reads top to bottom.
        for (key, entry) in target.firsts() {
            let Some(reference_entry) = reference.as_ref().and_then(|r| r.get(key)) else {
                if options.ids.iter().any(|id| id == key) && named_found.insert(key.to_string()) {
                    report.refused.push(HeldEntry { file: display.clone(), id: key.to_string(), why: Held::Obsolete });
                }
                continue;
            };
            let named = options.ids.iter().any(|id| id == key);
            if named {
                named_found.insert(key.to_string());
            }
            if !options.ids.is_empty() && !named && !options.all && !options.drifted && !options.cosmetic {
                // Naming ids narrows the run to those entries.
                continue;
            }
            let reference_canonical = reference_entry.canonical();
            let translation_canonical = entry.canonical();
            let mut record = TranslationRecord {
                reference: fingerprint::of_text(&reference_canonical),
                translation: fingerprint::of_text(&translation_canonical),
                copy: false,
                source: reference_canonical,
            };
            let old = lock.entries.get(key);
            let verdict = verdicts.of(locale, &display, key);
            let untranslated = verdict.state == EntryState::Untranslated;
            let reason = match RecordState::of(old, &record.reference, &record.translation) {
                RecordState::Unrecorded => AcceptReason::New,
                RecordState::Edited => AcceptReason::Edited,
                RecordState::Drifted { .. } => AcceptReason::Drifted(classify(
                    fingerprint::body(&old.expect("a drifted entry has a record").source),
                    fingerprint::body(&record.source),
                )),
                // Recorded and unchanged; naming a copy makes it an intentional one.
                RecordState::Current if named && untranslated && !old.is_some_and(|r| r.copy) => AcceptReason::Copy,
                RecordState::Current => continue,
            };
            // The drift as `check` reports it (not at all when `drifted` is off).
            let drift = verdict.state_drift();
            let wanted = options.all
                || named
                || match drift {
                    Some(class) => options.drifted || (options.cosmetic && class == DriftClass::Cosmetic),
                    None => options.ids.is_empty() && !matches!(reason, AcceptReason::Drifted(_)),
                };
            let held = if !wanted {
                drift
                    .or(match reason {
                        AcceptReason::Drifted(class) => Some(class),
                        _ => None,
                    })
                    .map(Held::Drifted)
            } else if options.force {
                None
            } else if !verdict.errors.is_empty() {
                let mut codes: Vec<&'static str> = verdict.errors.iter().map(|d| d.code).collect();
                codes.dedup();
                Some(Held::Errors { codes, first: verdict.errors[0].message.to_string() })
            } else if untranslated && !named {
                Some(Held::Untranslated)
            } else if let Some(figures) =
                verdict.findings.iter().find(|d| d.code == "number-mismatch").filter(|_| !named)
            {
                Some(Held::Figures(figures.message.to_string()))
            } else if drift == Some(DriftClass::Facts) {
                let old_source = old.map_or("", |r| r.source.as_str());
                let lacking =
                    unstated_facts((old_source, &record.source), &translation_canonical, reference_locale, locale);
                (!lacking.is_empty()).then_some(Held::Unstated(lacking))
            } else {
                None
            };
            if let Some(why) = held {
                let held = HeldEntry { file: display.clone(), id: key.to_string(), why };
                if named {
                    report.refused.push(held);
                } else {
                    report.left.push(held);
                }
                continue;
            }
            record.copy = untranslated && named;
            lock.entries.insert(key.to_string(), record);
            report.recorded.push(AcceptedEntry {
                file: display.clone(),
                id: key.to_string(),
                reason,
                copy: untranslated && named,
            });
        }
        if lock != before || (lock.entries.is_empty() && lock_path.exists()) {
            writes.push((lock_path, lock));
        }
    }

    let unknown: Vec<&String> = options.ids.iter().filter(|id| !named_found.contains(*id)).collect();
    if !unknown.is_empty() {
        let list: Vec<String> = unknown.iter().map(|id| format!("`{id}`")).collect();
        return Err(Error::Usage(format!(
            "no file of {locale} has {} (nothing was recorded): `songngu status --locale {locale}` lists its files",
            list.join(", "),
        )));
    }
    if options.dry_run {
        return Ok(report);
    }
    for (path, lock) in writes {
        if lock.write(&writing, &path)? {
            report.files_written += 1;
        }
    }
    Ok(report)
}
