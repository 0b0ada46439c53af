//! Running every check over a project: resource by resource (one resource's files in
//! memory at a time), then locale by locale over the small index gathered on the way.

use std::collections::BTreeMap;

use serde::Serialize;

use rayon::prelude::*;

use crate::checks::{name, Definition, FileCx, GroupCx, IndexedFile, LocaleCx, LocaleIndex, PairCx, Use, CHECKS};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::cache::{Cache, Stored, StoredIndex};
use crate::engine::EntryState;
use crate::error::Error;
use crate::ftl::file::SourceFile;
use crate::ftl::model::{references, FileModel, ParseOutcome, Part};
use crate::project::{AnnouncementFile, Project};
use crate::records::drift::DriftClass;
use crate::records::lockfile::{self, Lock};

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Only report on these locales (all when empty). The reference is always read.
    pub locales: Vec<String>,
    /// Check every file again, neither reading nor writing the cache (`.songngu/cache`).
    pub no_cache: bool,
    /// Told how far the check is, from any thread.
    pub progress: Progress,
}

/// A function told `(resources done, resources in all)` as a long run goes on, for a
/// progress bar; the library itself never prints.
#[derive(Clone, Default)]
pub struct Progress(Option<std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>>);

impl Progress {
    pub fn new(report: impl Fn(usize, usize) + Send + Sync + 'static) -> Progress {
        Progress(Some(std::sync::Arc::new(report)))
    }

    pub fn report(&self, done: usize, total: usize) {
        if let Some(report) = &self.0 {
            report(done, total);
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Progress(on)" } else { "Progress(off)" })
    }
}

/// Counts for one locale and resource (or a whole locale).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Counts {
    /// Entries of the reference resource: what a complete translation has.
    pub entries: usize,
    /// Present, and not flagged untranslated.
    pub translated: usize,
    pub missing: usize,
    pub untranslated: usize,
    pub obsolete: usize,
    /// Entries whose reference changed since their translation was accepted.
    pub drifted: usize,
    /// Of those, by class.
    pub drift: DriftCounts,
    /// Present but not accepted yet (or edited since).
    pub unaccepted: usize,
}

/// Drifted entries by class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DriftCounts {
    pub cosmetic: usize,
    pub wording: usize,
    pub facts: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.entries += other.entries;
        self.translated += other.translated;
        self.missing += other.missing;
        self.untranslated += other.untranslated;
        self.obsolete += other.obsolete;
        self.drifted += other.drifted;
        self.drift.cosmetic += other.drift.cosmetic;
        self.drift.wording += other.drift.wording;
        self.drift.facts += other.drift.facts;
        self.unaccepted += other.unaccepted;
    }

    /// Share of entries translated, 0–100 (100 for an empty resource).
    pub fn percent(&self) -> f64 {
        if self.entries == 0 {
            100.0
        } else {
            100.0 * self.translated as f64 / self.entries as f64
        }
    }
}

/// The counts of one resource in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ResourceStatus {
    pub resource: String,
    /// True when this locale is the resource's reference (its source language).
    pub is_reference: bool,
    /// True when the locale has a file for it.
    pub present: bool,
    #[serde(flatten)]
    pub counts: Counts,
    /// How many words of the reference its missing, untranslated and drifted entries
    /// have: the size of the work left.
    #[serde(skip)]
    pub words: Words,
}

/// Words of the reference entries in each state that asks for work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Words {
    pub missing: usize,
    pub untranslated: usize,
    pub drifted: usize,
}

impl Words {
    fn add(&mut self, other: &Words) {
        self.missing += other.missing;
        self.untranslated += other.untranslated;
        self.drifted += other.drifted;
    }
}

/// Everything a check run found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub diagnostics: Vec<Diagnostic>,
    /// Per locale (in project order), its resources.
    pub locales: Vec<(String, Vec<ResourceStatus>)>,
    pub resources_checked: usize,
    /// Of those, how many results came from the cache (`.songngu/cache`) unread.
    pub from_cache: usize,
    /// The resources the report was narrowed to ([`CheckReport::narrow_to`]); empty for
    /// the whole project.
    pub focus: Vec<String>,
    /// How many infos were left out ([`CheckReport::hide_infos`]).
    pub hidden_infos: usize,
}

impl CheckReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// The words of the reference left to translate in a locale, over its resources.
    pub fn total_words(&self, locale: &str) -> Words {
        let mut total = Words::default();
        if let Some((_, resources)) = self.locales.iter().find(|(l, _)| l == locale) {
            for r in resources {
                total.add(&r.words);
            }
        }
        total
    }

    /// Totals of a locale over its resources.
    pub fn totals(&self, locale: &str) -> Counts {
        let mut total = Counts::default();
        if let Some((_, resources)) = self.locales.iter().find(|(l, _)| l == locale) {
            for r in resources {
                total.add(&r.counts);
            }
        }
        total
    }

    /// The exit status a CI job should get: 1 when an error (or, with `deny_warnings`, a
    /// warning) was found.
    pub fn failed(&self, deny_warnings: bool) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning))
    }
}

/// Runs every check on the project.
pub fn check_project(project: &Project, options: &CheckOptions) -> Result<CheckReport, Error> {
    check_with(project, options, &Overlay::new())
}

/// A check reporting on one locale only (the reference is read, as always): what
/// `accept` and `export` read each entry's state from.
pub fn check_locale(project: &Project, locale: &str) -> Result<CheckReport, Error> {
    check_project(project, &CheckOptions { locales: vec![locale.to_string()], ..Default::default() })
}

/// Texts that stand in for files on disk, by `(locale, resource)`: what `import` checks
/// before it writes anything.
pub type Overlay = BTreeMap<(String, String), String>;

/// Runs every check on the project as it would be with the `overlay` texts written.
pub fn check_with(project: &Project, options: &CheckOptions, overlay: &Overlay) -> Result<CheckReport, Error> {
    let config = &project.config;
    for locale in &options.locales {
        if !config.locales.contains(locale) {
            return Err(Error::Usage(format!(
                "--locale {locale}: the project has no such locale (it has {})",
                config.locales.join(", ")
            )));
        }
    }
    // Each locale's folder walked on a thread of its own, while the cache is read.
    let (walked, cache) = rayon::join(
        || config.locales.par_iter().map(|locale| project.resources_and_locks(locale)).collect::<Result<Vec<_>, _>>(),
        || (overlay.is_empty() && !options.no_cache).then(|| Cache::open(project)),
    );
    let mut walked = walked?;
    for (locale, (resources, _)) in config.locales.iter().zip(&mut walked) {
        let before = resources.len();
        resources.extend(overlay.keys().filter(|(l, _)| l == locale).map(|(_, r)| r.clone()));
        if resources.len() > before {
            resources.sort_unstable();
            resources.dedup();
        }
    }
    // Every resource of any locale, in name order: each locale's list is sorted, so the
    // sort is a merge.
    let mut resources: Vec<&String> = walked.iter().flat_map(|(resources, _)| resources).collect();
    resources.sort();
    resources.dedup();
    let (on_disk, orphans) = OnDisk::of(&resources, &walked);
    // Which `[bundles]` each resource is in (nothing to match without any); a glob that
    // matches no resource stops the run here, before anything is reported.
    let bundles = project.bundle_membership(&resources)?;

    let mut report = CheckReport::default();
    let mut statuses: BTreeMap<&str, Vec<ResourceStatus>> = BTreeMap::new();

    // Resources are checked in parallel, each with its files in memory only while it is
    // checked; the results are put together in order, so the output does not depend on
    // the number of threads.
    let mut writer = cache.as_ref().map(|c| c.writer(project));
    // Each resource's part of the locale indexes, in resource order, compact (a few bytes
    // per entry) until the locale-wide checks need them: as stored by this run, or left in
    // the cache read; and what they all say, for the locale-wide findings the cache keeps.
    let mut index_parts = Vec::new();
    let small = resources.len() <= SIDE_BY_SIDE;
    let keep_built = cache.is_none() && small;
    let mut digest = xxhash_rust::xxh3::Xxh3::new();
    let mut keys: Vec<(&String, u128)> = Vec::new();
    let done = std::sync::atomic::AtomicUsize::new(0);
    // A chunk at a time: in parallel within it, then put together in order. Only the small
    // index and the findings stay in memory; each resource's files are dropped as soon as
    // it is checked, and its cache entry goes to disk with its chunk.
    const CHUNK: usize = 256;
    // Each resource's findings, put together once at the end (not moved again each time
    // one list outgrows its place).
    let mut found: Vec<Vec<Diagnostic>> = Vec::with_capacity(resources.len());
    // Every `# songngu-allow:` code of the project (few), for the locale-wide findings.
    let mut allows = Vec::new();
    for (c, chunk) in resources.chunks(CHUNK).enumerate() {
        #[allow(clippy::type_complexity)]
        let parts: Vec<Result<(ResourcePart, Stored, Vec<(usize, PartIndex)>), Error>> = chunk
            .par_iter()
            .enumerate()
            .map(|(k, resource)| {
                let r = c * CHUNK + k;
                let part = match &cache {
                    Some(cache) => cache.check(project, resource, on_disk.files(r), on_disk.locks(r)),
                    None => load_inputs(project, resource, (on_disk.files(r), on_disk.locks(r)), overlay, false)
                        .map(|inputs| (check_inputs(project, resource, inputs), Stored::Nothing)),
                };
                let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                options.progress.report(done, resources.len());
                // Its indexes made compact here, on every core, not in the loop below; kept
                // as they are when nothing is stored and a whole index is small.
                part.map(|(mut part, stored)| {
                    // Its findings put in order here, on every core: at the end only the
                    // few found across files are sorted again (`sort_lists`).
                    crate::diagnostic::sort(&mut part.found);
                    let mut indexes = std::mem::take(&mut part.indexes);
                    if !keep_built {
                        indexes =
                            indexes.into_iter().map(|(l, index)| (l, PartIndex::Stored(index.into_stored()))).collect();
                    }
                    (part, stored, indexes)
                })
            })
            .collect();
        for (k, (resource, part)) in chunk.iter().zip(parts).enumerate() {
            let (part, stored, indexes) = part?;
            keys.push((resource, part.key));
            report.from_cache += usize::from(matches!(stored, Stored::Same(_)));
            if let (Some(writer), Some(cache)) = (&mut writer, &cache) {
                writer.push(cache, resource, stored);
            }
            for (locale, status) in part.statuses {
                statuses.entry(&config.locales[locale]).or_default().push(status);
            }
            if cache.is_some() {
                digest.update(resource.as_bytes());
                digest.update(&part.semantic.to_le_bytes());
            }
            index_parts.push((c * CHUNK + k, resource, indexes, part.cached));
            found.push(part.found);
            allows.extend(part.allows);
            report.resources_checked += 1;
        }
    }
    if let (Some(writer), Some(cache)) = (writer, &cache) {
        writer.finish(cache);
    }
    // The findings about more than one file or about no resource: orphan locks, and the
    // checks across each locale's files.
    let mut across = Vec::new();
    for (n, lock) in orphans {
        let locale = &config.locales[n];
        across.push(crate::checks::obsolete::orphan_lock(locale, &project.display_path(locale, lock)));
    }
    // The locale-wide findings: as the cache kept them when no resource's definitions or
    // references changed (and none of them is in a file that changed), otherwise found
    // again over every locale's whole index.
    let digest = digest.digest128();
    let kept = cache.as_ref().and_then(|c| c.locale_findings(project, digest, &keys));
    if let Some(kept) = kept {
        across.extend(kept);
    } else {
        // A resource checked again when its stored index does not read back.
        let rechecked = |r: usize, resource: &str| -> Result<Vec<(usize, LocaleIndex)>, Error> {
            let inputs = load_inputs(project, resource, (on_disk.files(r), on_disk.locks(r)), overlay, false)?;
            let indexes = check_inputs(project, resource, inputs).indexes;
            Ok(indexes.into_iter().filter_map(|(l, part)| Some((l, part.built()?))).collect())
        };
        // Each cache entry read once, its parts sorted by locale, still compact; then each
        // locale's index whole, for the checks across its files.
        let mut by_locale: Vec<Vec<(usize, &String, PartIndex)>> = config.locales.iter().map(|_| Vec::new()).collect();
        for (r, resource, indexes, cached) in index_parts {
            let indexes = match cached {
                true => cache
                    .as_ref()
                    .and_then(|c| c.stored_indexes(resource))
                    .map(|list| list.into_iter().map(|(l, part)| (l, PartIndex::Stored(part))).collect::<Vec<_>>()),
                false => Some(indexes),
            };
            match indexes {
                Some(list) => list.into_iter().for_each(|(l, part)| by_locale[l].push((r, resource, part))),
                None => rechecked(r, resource)?
                    .into_iter()
                    .for_each(|(l, part)| by_locale[l].push((r, resource, PartIndex::Built(part)))),
            }
        }
        let per_locale = |(n, parts): (usize, Vec<(usize, &String, PartIndex)>)| -> Result<Vec<Diagnostic>, Error> {
            let mut index = LocaleIndex { locale: config.locales[n].clone(), ..Default::default() };
            for (r, resource, part) in parts {
                match part {
                    PartIndex::Built(part) => index.extend(part),
                    PartIndex::Stored(part) => match crate::engine::cache::read_index(&part) {
                        Some(part) => index.extend(part),
                        None => {
                            let parts = rechecked(r, resource)?.into_iter();
                            parts.filter(|(l, _)| *l == n).for_each(|(_, p)| index.extend(p))
                        }
                    },
                }
            }
            let index = &index;
            let load = |file: &IndexedFile| {
                let bytes = match overlay.get(&(index.locale.clone(), file.resource.clone())) {
                    Some(text) => text.clone().into_bytes(),
                    None => std::fs::read(project.file_path(&index.locale, &file.resource)).ok()?,
                };
                Some(crate::ftl::file::Located::from_bytes(file.display.clone(), bytes))
            };
            // The bundles of the locale's files, out of every resource's.
            let bundles = bundles.select(index.files.iter().map(|f| resources.binary_search(&&f.resource).ok()));
            let cx = LocaleCx::new(index, &load, &bundles);
            let mut found = Vec::new();
            for check in CHECKS {
                check.check_locale(&cx, &mut found);
            }
            Ok(found)
        };
        // The locales side by side, each with its whole index, while a second index
        // costs little; in turn for a large archive, where one is tens of megabytes.
        let found: Vec<Vec<Diagnostic>> = if small {
            // Every result kept, then the first error in the locales' order: the same
            // error as one locale after another would stop on.
            let found: Vec<Result<_, _>> = by_locale.into_par_iter().enumerate().map(per_locale).collect();
            found.into_iter().collect::<Result<_, _>>()?
        } else {
            by_locale.into_iter().enumerate().map(per_locale).collect::<Result<_, _>>()?
        };
        let found: Vec<Diagnostic> = found.into_iter().flatten().collect();
        if let Some(cache) = &cache {
            cache.keep_locale_findings(project, digest, &keys, &found);
        }
        across.extend(found);
    }
    drop(cache);

    // The locale-wide findings are kept in the cache as found, silenced only here: a
    // line added or removed later changes what is silenced, not what is found.
    crate::engine::suppress::silence_across(project, &mut across, &mut allows);
    across.extend(crate::engine::suppress::unused(&allows));
    apply_overrides(project, &mut across);
    crate::diagnostic::sort(&mut across);
    found.push(across);
    report.diagnostics = crate::diagnostic::sort_lists(found);
    if !options.locales.is_empty() {
        report.diagnostics.retain(|d| options.locales.iter().any(|l| **l == *d.locale));
    }
    report.locales = config
        .locales
        .iter()
        .filter(|l| options.locales.is_empty() || options.locales.contains(l))
        .map(|l| (l.clone(), statuses.remove(l.as_str()).unwrap_or_default()))
        .collect();
    Ok(report)
}

/// Up to this many resources, the indexes for the checks across files are kept as built
/// (not made compact) when no cache is written, and the locales are checked across
/// their files side by side: a few megabytes in all. A large archive's index is tens of
/// megabytes a locale.
const SIDE_BY_SIDE: usize = 2_000;

/// Which files the walk found, for each resource (by its place in the sorted list of
/// every resource) in each locale (in the project's order): its file and its lock. Found
/// by merging sorted lists: looking tens of thousands of names up in hash sets cost more
/// than a check that finds nothing changed.
pub(crate) struct OnDisk {
    locales: usize,
    files: Vec<bool>,
    locks: Vec<bool>,
}

impl OnDisk {
    /// From every resource, in order, and each locale's resources (in order) and locks
    /// (`x.ftl.lock`, in any order); with the locks whose resource is not in their
    /// locale, by locale number.
    fn of<'w>(all: &[&String], walked: &'w [(Vec<String>, Vec<String>)]) -> (OnDisk, Vec<(usize, &'w str)>) {
        let locales = walked.len();
        let mut on_disk =
            OnDisk { locales, files: vec![false; all.len() * locales], locks: vec![false; all.len() * locales] };
        let mut orphans = Vec::new();
        for (n, (resources, locks)) in walked.iter().enumerate() {
            let mut k = 0;
            for resource in resources {
                while all[k] < resource {
                    k += 1;
                }
                on_disk.files[k * locales + n] = true;
            }
            // In the order of their resources' names, which the merge walks: not the order
            // of the locks' own names (`a.ftl.lock` sorts after `a.ftl-b.ftl.lock` and
            // `a.ftl.ftl.lock`, while `a.ftl` sorts before `a.ftl-b.ftl` and `a.ftl.ftl`).
            let mut locks: Vec<(&str, &str)> =
                locks.iter().map(|lock| (lock.strip_suffix(".lock").unwrap_or(lock), lock.as_str())).collect();
            locks.sort_unstable();
            let (mut k, mut here) = (0, 0);
            for (resource, lock) in locks {
                while k < all.len() && all[k].as_str() < resource {
                    k += 1;
                }
                if k < all.len() && all[k].as_str() == resource {
                    on_disk.locks[k * locales + n] = true;
                }
                while here < resources.len() && resources[here].as_str() < resource {
                    here += 1;
                }
                if resources.get(here).is_none_or(|r| r != resource) {
                    orphans.push((n, lock));
                }
            }
        }
        (on_disk, orphans)
    }

    /// Whether resource `r` has a file in each locale.
    pub(crate) fn files(&self, r: usize) -> &[bool] {
        &self.files[r * self.locales..(r + 1) * self.locales]
    }

    /// Whether resource `r` has a lock in each locale.
    pub(crate) fn locks(&self, r: usize) -> &[bool] {
        &self.locks[r * self.locales..(r + 1) * self.locales]
    }
}

/// What checking one resource found: its diagnostics, its status in each locale and its
/// part of each locale's index (by locale number in the project's order).
pub(crate) struct ResourcePart {
    pub found: Vec<Diagnostic>,
    pub statuses: Vec<(usize, ResourceStatus)>,
    pub indexes: Vec<(usize, PartIndex)>,
    /// A hash of what its indexes say, positions left out ([`crate::engine::cache::semantic`]);
    /// 0 when no cache is read or written, which alone needs it.
    pub semantic: u128,
    /// For a result taken from the cache: its indexes are left there, read only if the
    /// locale-wide checks must run again.
    pub cached: bool,
    /// The cache's key of its inputs (0 without a cache).
    pub key: u128,
    /// The codes its entries' comments silence (`# songngu-allow:`), each marked with
    /// whether it silenced one of its findings; the locale-wide findings are silenced
    /// with them at the end of the run.
    pub allows: Vec<crate::engine::suppress::Allow>,
}

/// A resource's part of a locale's index: built by checking it, or as the cache keeps it
/// (read only when the locale-wide checks must run again).
pub(crate) enum PartIndex {
    Built(LocaleIndex),
    Stored(StoredIndex),
}

impl PartIndex {
    /// In its compact form.
    pub fn into_stored(self) -> StoredIndex {
        match self {
            PartIndex::Built(index) => crate::engine::cache::store_index(&index),
            PartIndex::Stored(stored) => stored,
        }
    }

    /// As built by a check, `None` for a stored one.
    fn built(self) -> Option<LocaleIndex> {
        match self {
            PartIndex::Built(index) => Some(index),
            PartIndex::Stored(_) => None,
        }
    }
}

/// What checking one resource reads: the language it was written in, its file in each
/// locale that has one, and the lock of each of its translations.
pub(crate) struct Inputs {
    pub reference_locale: String,
    /// Whether its announcement is in `source/` (for `orphaned-resource`).
    pub announcement: AnnouncementFile,
    pub files: Vec<SourceFile>,
    /// By target locale, for the targets that have a file.
    pub locks: Vec<(String, Lock)>,
    /// A hash (xxh3-128) of each file's bytes, `None` for no file: the resource file in
    /// each locale, then the lock in each locale, in the project's locale order. What the
    /// check cache keys results by; empty when it was not asked for (no cache).
    pub hashes: Vec<Option<u128>>,
}

/// Reads what checking `resource` needs, each file once; `present` and `locked` say
/// whether it has a file, and a lock, in each locale (as the walk found them). With
/// `hashed`, each file's bytes are hashed for the cache.
pub(crate) fn load_inputs(
    project: &Project,
    resource: &str,
    (present, locked): (&[bool], &[bool]),
    overlay: &Overlay,
    hashed: bool,
) -> Result<Inputs, Error> {
    let config = &project.config;
    let announcement = project.announcement_file(resource);
    // With an announcement its `lang` decides; without one, the files read below do
    // (`reference_from_disk`), from what the walk and this read already know: the only
    // new question to the system is whether `source/` exists, and only then.
    let from_announcement = match announcement {
        AnnouncementFile::Present => Some(project.reference_of_announcement(resource)?),
        _ => None,
    };
    let hash = |bytes: &[u8]| xxhash_rust::xxh3::xxh3_128(bytes);
    let mut files = Vec::new();
    let mut hashes = if hashed { vec![None; 2 * config.locales.len()] } else { Vec::new() };
    for (n, locale) in config.locales.iter().enumerate() {
        let display = project.display_path(locale, resource);
        let bytes = if let Some(text) = overlay.get(&(locale.clone(), resource.to_string())) {
            text.clone().into_bytes()
        } else if present[n] {
            let path = project.file_path(locale, resource);
            std::fs::read(&path).map_err(|e| Error::io(&path, e))?
        } else {
            continue;
        };
        if hashed {
            hashes[n] = Some(hash(&bytes));
        }
        files.push(SourceFile::from_bytes(locale, resource, display, bytes));
    }
    let reference_locale = match from_announcement {
        Some(locale) => locale,
        None => {
            let number = |locale: &str| config.locales.iter().position(|l| l == locale).expect("a project locale");
            let on_disk: Vec<(&str, bool)> =
                files.iter().map(|f| (&*f.locale, locked.get(number(&f.locale)).copied().unwrap_or(false))).collect();
            let ingested = |locale: &str| {
                files.iter().any(|f| &*f.locale == locale && crate::commands::ingest::carries_header(&f.text))
            };
            crate::project::reference_from_disk(&config.reference, &on_disk, ingested).to_string()
        }
    };
    let mut locks = Vec::new();
    for file in files.iter().filter(|f| *f.locale != *reference_locale) {
        let n = config.locales.iter().position(|l| **l == *file.locale).expect("a project locale");
        let path = lockfile::path_for(&project.file_path(&file.locale, resource));
        let bytes = Lock::read_bytes(&path)?;
        if hashed {
            hashes[config.locales.len() + n] = bytes.as_deref().map(hash);
        }
        locks.push((file.locale.to_string(), Lock::from_bytes(&path, bytes)?));
    }
    Ok(Inputs { reference_locale, announcement, files, locks, hashes })
}

/// Every check of one resource across its locales.
pub(crate) fn check_inputs(project: &Project, resource: &str, inputs: Inputs) -> ResourcePart {
    let config = &project.config;
    let Inputs { reference_locale, announcement, files, locks, .. } = inputs;
    let reference_locale = reference_locale.as_str();
    let parsed: Vec<ParseOutcome<'_>> = files.iter().map(SourceFile::parse).collect();
    let models: Vec<FileModel<'_>> = files.iter().zip(&parsed).map(|(f, p)| FileModel::new(f, p)).collect();
    let model_of = |locale: &str| models.iter().find(|m| *m.file.locale == *locale);
    let locale_number = |locale: &str| config.locales.iter().position(|l| l == locale).expect("a project locale");

    // Room for a finding per entry, which a project nobody has accepted yet has: not
    // moved again and again as the list grows. Shrunk to what was found at the end.
    let mut found = Vec::with_capacity(models.iter().map(|m| m.entries.len()).sum());
    let mut indexes = Vec::new();
    for model in &models {
        let locale = &*model.file.locale;
        let cx = FileCx { locale, model, is_reference: locale == reference_locale };
        for check in CHECKS {
            check.check_file(&cx, &mut found);
        }
        indexes.push((locale_number(locale), PartIndex::Built(gather(model))));
    }

    let reference = model_of(reference_locale);
    let targets: Vec<(&str, Option<&FileModel<'_>>)> =
        config.locales.iter().filter(|l| l.as_str() != reference_locale).map(|l| (l.as_str(), model_of(l))).collect();
    let display_path = |locale: &str| project.display_path(locale, resource);
    let gone = (announcement == AnnouncementFile::Gone).then(|| project.display_source(resource));
    let group = GroupCx {
        resource,
        reference_locale,
        reference,
        targets: &targets,
        display_path: &display_path,
        gone_announcement: gone.as_deref(),
    };
    for check in CHECKS {
        check.check_group(&group, &mut found);
    }
    if let Some(reference) = reference {
        for (target_locale, target) in &targets {
            let Some(target) = target else { continue };
            let empty = Lock::default();
            let lock = locks.iter().find(|(l, _)| l == target_locale).map_or(&empty, |(_, lock)| lock);
            // In file order: the findings are put in order at the end.
            for (key, target_entry) in target.firsts() {
                let Some(reference_entry) = reference.get(key) else {
                    continue;
                };
                let cx = PairCx::new(
                    lock.entries.get(key),
                    (reference_locale, target_locale),
                    (reference, target),
                    (reference_entry, target_entry),
                )
                .with_glossary(&project.glossary);
                for check in CHECKS {
                    check.check_pair(&cx, &mut found);
                }
            }
        }
    }

    // What the entries' own comments silence (`# songngu-allow:`), then `[severity]`,
    // both here, before anything is counted: a silenced code, or one set to `off`, did
    // not run as far as the counts, the states and the exit code can tell.
    let mut allows = crate::engine::suppress::gather(resource, reference_locale, &models);
    crate::engine::suppress::silence(&mut found, &mut allows);
    apply_overrides(project, &mut found);
    one_finding_per_state(&mut found);

    // Status of this resource in each locale: each entry's one state, counted.
    let mut statuses = Vec::new();
    let reference_count = reference.map_or(0, FileModel::key_count);
    for locale in &config.locales {
        let model = model_of(locale);
        let is_reference = locale == reference_locale;
        let (counts, words) = if is_reference {
            let keys = model.map_or(0, FileModel::key_count);
            (Counts { entries: keys, translated: keys, ..Counts::default() }, Words::default())
        } else {
            count_states(&found, locale, reference, model, reference_count)
        };
        statuses.push((
            locale_number(locale),
            ResourceStatus { resource: resource.to_string(), is_reference, present: model.is_some(), counts, words },
        ));
    }
    // Down to what was found: the room made for a finding per entry would otherwise stay
    // taken until the end of the run, for every resource (a whole archive's worth).
    found.shrink_to_fit();
    // What its indexes say, for the cache's key of the locale-wide findings: the cache's
    // to work out (`cache::semantic`), and nobody's without one.
    ResourcePart { found, statuses, indexes, semantic: 0, cached: false, key: 0, allows }
}

/// The counts of one target locale's file of a resource: each entry's one
/// [`EntryState`], from the resource's findings (`[severity]` applied); and the words of
/// the reference entries that are left to translate.
fn count_states(
    found: &[Diagnostic],
    locale: &str,
    reference: Option<&FileModel<'_>>,
    model: Option<&FileModel<'_>>,
    reference_count: usize,
) -> (Counts, Words) {
    // The findings that name a state, by id, sorted: an entry with several (untranslated
    // and unaccepted) gets the one state they give together. Found by sorting, not
    // hashing: a project nobody has accepted has one such finding per entry.
    let mut named: Vec<(&str, EntryState)> = found
        .iter()
        .filter(|d| matches!(d.code, "untranslated" | "drifted" | "unaccepted") && *d.locale == *locale)
        .filter_map(|d| Some((d.id.as_deref()?, EntryState::of([d], true, true))))
        .collect();
    named.sort_unstable();
    let mut counts = Counts { entries: reference_count, ..Counts::default() };
    let mut words = Words::default();
    // Words are counted only for the entries left to do: most are done.
    let words_of = |id: &str| reference.and_then(|r| r.get(id)).map_or(0, |e| e.word_count());
    let mut last = None;
    for (id, state) in named {
        // Sorted by id, then state: the first of an id is the one that wins.
        if last == Some(id) {
            continue;
        }
        last = Some(id);
        match state {
            EntryState::Untranslated => {
                counts.untranslated += 1;
                words.untranslated += words_of(id);
            }
            EntryState::Drifted(class) => {
                counts.drifted += 1;
                words.drifted += words_of(id);
                match class {
                    DriftClass::Cosmetic => counts.drift.cosmetic += 1,
                    DriftClass::Wording => counts.drift.wording += 1,
                    DriftClass::Facts => counts.drift.facts += 1,
                }
            }
            EntryState::Unaccepted => counts.unaccepted += 1,
            EntryState::Missing | EntryState::Obsolete | EntryState::Ok => {}
        }
    }
    // Missing and obsolete are facts of the two files, whatever `[severity]` says.
    if let Some(reference) = reference {
        for (key, entry) in reference.firsts() {
            if !model.is_some_and(|m| m.contains(key)) {
                counts.missing += 1;
                words.missing += entry.word_count();
            }
        }
    }
    if let Some(model) = model {
        // Not one the reference has but cannot read (a syntax error there): see `obsolete`.
        counts.obsolete = model
            .firsts()
            .filter(|(key, _)| !reference.is_some_and(|r| r.contains(key) || r.has_unreadable(key)))
            .count();
    }
    counts.translated = reference_count.saturating_sub(counts.missing + counts.untranslated + counts.drifted);
    (counts, words)
}

/// What a file defines and what it refers to, for the locale-wide checks.
pub(crate) fn gather(model: &FileModel<'_>) -> LocaleIndex {
    let file = model.file;
    let mut index = LocaleIndex {
        locale: file.locale.to_string(),
        files: vec![IndexedFile { resource: file.resource.clone(), display: file.display.to_string() }],
        ..LocaleIndex::default()
    };
    for entry in &model.entries {
        let from = index.definitions.len() as u32;
        index.definitions.push(Definition { key: name(entry.id), file: 0, offset: entry.offset as u32 });
        if !entry.attributes.is_empty() {
            index.attributes.push((from, entry.attributes.iter().map(|a| name(a.id.name)).collect()));
        }
        for reference in references(file, entry) {
            let part = match reference.part {
                Part::Value => 0,
                // The first attribute of that name, as runtimes look it up.
                Part::Attribute(attribute) => {
                    entry.attributes.iter().position(|a| a.id.name == attribute).map_or(0, |n| n as u32 + 1)
                }
            };
            index.uses.push(Use {
                key: name(&reference.key),
                attribute: reference.attribute.map(name),
                from,
                part,
                offset: reference.offset as u32,
            });
        }
    }
    index
}

/// One state per entry, in the findings too: an entry `untranslated` reports is not also
/// "not accepted yet" (whose hint would tell a translator to accept the English copy).
fn one_finding_per_state(found: &mut Vec<Diagnostic>) {
    let mut copies: Vec<(std::sync::Arc<str>, String)> = found
        .iter()
        .filter(|d| d.code == "untranslated")
        .filter_map(|d| Some((d.locale.clone(), d.id.clone()?)))
        .collect();
    if copies.is_empty() {
        return;
    }
    copies.sort_unstable();
    found.retain(|d| {
        d.code != "unaccepted"
            || d.id.as_deref().is_none_or(|id| {
                copies.binary_search_by(|(l, i)| (l.as_ref(), i.as_str()).cmp(&(d.locale.as_ref(), id))).is_err()
            })
    });
}

/// `[severity]` in `songngu.toml`: a new severity for a code, or `off` to drop it.
fn apply_overrides(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    let overrides = &project.config.severity;
    if overrides.is_empty() {
        return;
    }
    diagnostics.retain_mut(|d| match overrides.get(d.code) {
        Some(o) => match o.severity() {
            Some(severity) => {
                d.severity = severity;
                true
            }
            None => false,
        },
        None => true,
    });
}

#[cfg(test)]
mod tests {
    use super::OnDisk;

    /// A lock is matched with its resource however the names of other resources sort
    /// around it: `a.ftl` sorts before `a.ftl-b.ftl`, but `a.ftl.lock` after
    /// `a.ftl-b.ftl.lock`.
    #[test]
    fn locks_are_matched_in_their_resources_order() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let resources = names(&["a.ftl", "a.ftl (1).ftl", "a.ftl-b.ftl", "a.ftl.ftl", "b.ftl"]);
        let locks = names(&["a.ftl.ftl.lock", "a.ftl-b.ftl.lock", "a.ftl (1).ftl.lock", "a.ftl.lock", "c.ftl.lock"]);
        let walked = vec![(resources.clone(), Vec::new()), (resources.clone(), locks)];
        let all: Vec<&String> = resources.iter().collect();
        let (on_disk, orphans) = OnDisk::of(&all, &walked);
        assert_eq!(orphans, [(1, "c.ftl.lock")]);
        for (r, resource) in resources.iter().enumerate() {
            assert_eq!(on_disk.files(r), [true, true], "{resource}");
            assert_eq!(on_disk.locks(r), [false, resource != "b.ftl"], "{resource}");
        }
    }
}
