//! The check cache, `.songngu/cache/check`: what checking each resource found, kept between
//! runs, so that a check after one edit reads and checks only what changed.
//!
//! - A result is stored under a key made of everything it came from: the songngu version,
//!   the configuration, the resource's name and reference language, and a hash (xxh3-128)
//!   of the bytes of its file in each locale and of each lock. A file whose bytes differ
//!   never gets an old result.
//! - To know that a file did not change without reading it, its stamp is kept too: size,
//!   modification and change times, inode. The change time moves on every write, even
//!   one that restores the modification time. A stamp is only trusted when the file was
//!   last changed more than two seconds before it was taken, so a write in the same clock
//!   tick as the read cannot go unseen (git's "racily clean" rule). Otherwise, and for any
//!   difference, the files are read and hashed again.
//! - The locale-wide checks (duplicate ids, unknown references, loops) run on every check,
//!   from the stored index of each resource.
//! - Safe to delete at any time. A cache that cannot be read, or that another version of
//!   songngu wrote, is ignored and replaced; one that cannot be written is skipped.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::check::{check_inputs, load_inputs, Counts, Overlay, ResourcePart, ResourceStatus};
use crate::checks::{Definition, IndexedFile, LocaleIndex, Name, Use};
use crate::diagnostic::{Diagnostic, Severity};
use crate::drift::{DiffOp, Drift, DriftClass};
use crate::error::Error;
use crate::project::Project;

/// Changes whenever what is stored changes shape.
const FORMAT: &str = "songngu check cache 1";

/// A file's stamp: what changes whenever its content does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: (i64, u32),
    changed: (i64, u32),
    inode: u64,
}

impl Stamp {
    /// The stamp of a file, `None` when there is none.
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Stamp {
                len: meta.len(),
                modified: (meta.mtime(), meta.mtime_nsec() as u32),
                changed: (meta.ctime(), meta.ctime_nsec() as u32),
                inode: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let since = |t: std::io::Result<SystemTime>| {
                t.ok().and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok()).unwrap_or_default()
            };
            let modified = since(meta.modified());
            Some(Stamp {
                len: meta.len(),
                modified: (modified.as_secs() as i64, modified.subsec_nanos()),
                changed: (modified.as_secs() as i64, modified.subsec_nanos()),
                inode: 0,
            })
        }
    }

    /// Whether the file was last changed more than two seconds before `now` (nanoseconds
    /// since 1970).
    fn settled(&self, now: i128) -> bool {
        let nanos = |(s, n): (i64, u32)| i128::from(s) * 1_000_000_000 + i128::from(n);
        nanos(self.modified).max(nanos(self.changed)) + 2_000_000_000 < now
    }
}

/// One resource's stored result.
#[derive(Serialize, Deserialize)]
pub(crate) struct Entry {
    /// The stamps of the files it came from, in [`members`] order.
    stamps: Vec<Option<Stamp>>,
    /// Whether every stamp was settled when taken (see [`Stamp::settled`]).
    trusted: bool,
    key: u128,
    found: Vec<StoredDiagnostic>,
    /// (locale, resource, is its reference, present, counts): `ResourceStatus` flattens
    /// its counts for JSON, which this format cannot store.
    statuses: Vec<(u32, String, bool, bool, Counts)>,
    indexes: Vec<(u32, StoredIndex)>,
}

/// A drift: its class, the old and new texts, the diff as (operation, text).
type StoredDrift = (DriftClass, String, String, Vec<(String, String)>);

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    code: String,
    severity: Severity,
    locale: String,
    file: String,
    line: usize,
    column: usize,
    id: Option<String>,
    message: String,
    span: (usize, usize),
    label: Option<String>,
    drift: Option<StoredDrift>,
    help: Option<String>,
}

/// One file's part of a locale's index, as fixed-size little-endian records: reading
/// them back is a copy, not a parse, which matters for hundreds of thousands of entries.
#[derive(Serialize, Deserialize)]
struct StoredIndex {
    resource: String,
    display: String,
    /// (name, offset): 12 bytes each.
    #[serde(with = "serde_bytes")]
    definitions: Vec<u8>,
    attributes: Vec<(u32, Vec<Name>)>,
    /// (name, attribute name or 0, has attribute, from, offset): 25 bytes each.
    #[serde(with = "serde_bytes")]
    uses: Vec<u8>,
}

#[derive(Serialize, Deserialize, Default)]
struct Contents {
    format: String,
    /// The songngu version, and the size and time of the program that wrote it: a new
    /// build may check differently.
    version: String,
    /// `checks::name` of a fixed text: another build may hash names differently.
    probe: Name,
    config: u128,
    entries: HashMap<String, Entry>,
}

/// The cache of one check run: what was stored, and what this run found.
pub(crate) struct Cache {
    path: Option<PathBuf>,
    old: Contents,
    now: i128,
}

/// The files a resource's result depends on: its announcement (whose `lang` decides the
/// reference), its file in each locale, its lock in each locale.
fn members(project: &Project, resource: &str) -> Vec<PathBuf> {
    let mut paths = vec![project.announcement_path(resource)];
    for locale in &project.config.locales {
        paths.push(project.file_path(locale, resource));
    }
    for locale in &project.config.locales {
        paths.push(crate::lock::path_for(&project.file_path(locale, resource)));
    }
    paths
}

fn build_identity() -> String {
    let program = std::env::current_exe().ok().and_then(|p| Stamp::of(&p));
    let (len, modified) = program.map_or((0, (0, 0)), |s| (s.len, s.modified));
    format!("{} {len} {}.{}", env!("CARGO_PKG_VERSION"), modified.0, modified.1)
}

fn header(project: &Project) -> Contents {
    Contents {
        format: FORMAT.to_string(),
        version: build_identity(),
        probe: crate::checks::name(FORMAT),
        config: xxhash_rust::xxh3::xxh3_128(format!("{:?}", project.config).as_bytes()),
        entries: HashMap::new(),
    }
}

impl Cache {
    /// Opens the project's cache; an unreadable or foreign one counts as empty.
    pub(crate) fn open(project: &Project) -> Cache {
        let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128);
        let path = project.root.join(crate::project::STATE_DIR).join("cache/check");
        let fresh = header(project);
        let old = std::fs::read(&path)
            .ok()
            .and_then(|bytes| postcard::from_bytes::<Contents>(&bytes).ok())
            .filter(|c| {
                (&c.format, &c.version, c.probe, c.config) == (&fresh.format, &fresh.version, fresh.probe, fresh.config)
            })
            .unwrap_or(fresh);
        Cache { path: Some(path), old, now }
    }

    /// Checks one resource, or takes its result from the cache when nothing it came from
    /// changed. Returns the result and the entry to store for it.
    pub(crate) fn check(
        &self,
        project: &Project,
        resource: &str,
        present: &BTreeMap<&str, BTreeSet<String>>,
    ) -> Result<(ResourcePart, Option<Entry>), Error> {
        let stamps: Vec<Option<Stamp>> = members(project, resource).iter().map(|p| Stamp::of(p)).collect();
        let old = self.old.entries.get(resource);
        if let Some(old) = old.filter(|e| e.trusted && e.stamps == stamps) {
            if let Some(part) = restore(old) {
                return Ok((part, None));
            }
        }
        let inputs = load_inputs(project, resource, present, &Overlay::new())?;
        let mut key = xxhash_rust::xxh3::Xxh3::new();
        key.update(resource.as_bytes());
        key.update(&[0]);
        key.update(inputs.reference_locale.as_bytes());
        for hash in &inputs.hashes {
            key.update(&hash.map_or([0; 17], |h| {
                let mut b = [1; 17];
                b[1..].copy_from_slice(&h.to_le_bytes());
                b
            }));
        }
        let key = key.digest128();
        let trusted = stamps.iter().flatten().all(|s| s.settled(self.now));
        let part = match old.filter(|e| e.key == key).and_then(restore) {
            Some(part) => part,
            None => check_inputs(project, resource, inputs),
        };
        let entry = Entry {
            stamps,
            trusted,
            key,
            found: part.found.iter().map(store_diagnostic).collect(),
            statuses: part
                .statuses
                .iter()
                .map(|(l, s)| (*l as u32, s.resource.clone(), s.is_reference, s.present, s.counts))
                .collect(),
            indexes: part.indexes.iter().map(|(l, i)| (*l as u32, store_index(i))).collect(),
        };
        Ok((part, Some(entry)))
    }

    /// Writes the cache for the resources of this run: `fresh` has the entries that
    /// changed (serialized), the others are kept as they were. Best effort: a cache that
    /// cannot be written only makes the next check slower.
    pub(crate) fn save(self, project: &Project, resources: &[&String], fresh: Vec<Option<Entry>>) {
        let Some(path) = self.path else { return };
        if fresh.iter().all(Option::is_none) && self.old.entries.len() == resources.len() {
            return;
        }
        if !matches!(project.state_dir(), Ok(Some(_))) {
            return;
        }
        let mut contents = header(project);
        let mut old = self.old.entries;
        for (resource, fresh) in resources.iter().zip(fresh) {
            let entry = match fresh {
                Some(entry) => entry,
                None => match old.remove(resource.as_str()) {
                    Some(entry) => entry,
                    None => continue,
                },
            };
            contents.entries.insert(resource.to_string(), entry);
        }
        let Ok(bytes) = postcard::to_stdvec(&contents) else { return };
        let Some(dir) = path.parent() else { return };
        let _ = std::fs::create_dir_all(dir);
        if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir) {
            use std::io::Write;
            if tmp.write_all(&bytes).is_ok() {
                let _ = tmp.persist(&path);
            }
        }
    }
}

fn store_diagnostic(d: &Diagnostic) -> StoredDiagnostic {
    StoredDiagnostic {
        code: d.code.to_string(),
        severity: d.severity,
        locale: d.locale.clone(),
        file: d.file.clone(),
        line: d.line,
        column: d.column,
        id: d.id.clone(),
        message: d.message.clone(),
        span: (d.span.start, d.span.end),
        label: d.label.clone(),
        drift: d.drift.as_ref().map(|x| {
            let diff = x.diff.iter().map(|op| (op.op.to_string(), op.text.clone())).collect();
            (x.class, x.old.clone(), x.new.clone(), diff)
        }),
        help: d.help.clone(),
    }
}

fn store_index(index: &LocaleIndex) -> StoredIndex {
    let file = &index.files[0];
    let mut definitions = Vec::with_capacity(index.definitions.len() * 12);
    for d in &index.definitions {
        definitions.extend_from_slice(&d.key.to_le_bytes());
        definitions.extend_from_slice(&d.offset.to_le_bytes());
    }
    let mut uses = Vec::with_capacity(index.uses.len() * 25);
    for u in &index.uses {
        uses.extend_from_slice(&u.key.to_le_bytes());
        uses.extend_from_slice(&u.attribute.unwrap_or(0).to_le_bytes());
        uses.push(u.attribute.is_some() as u8);
        uses.extend_from_slice(&u.from.to_le_bytes());
        uses.extend_from_slice(&u.offset.to_le_bytes());
    }
    StoredIndex {
        resource: file.resource.clone(),
        display: file.display.clone(),
        definitions,
        attributes: index.attributes.clone(),
        uses,
    }
}

/// A stored entry as a check result; `None` when it does not read back (then the
/// resource is checked again).
fn restore(entry: &Entry) -> Option<ResourcePart> {
    let mut found = Vec::with_capacity(entry.found.len());
    for d in &entry.found {
        found.push(Diagnostic {
            code: crate::checks::find(&d.code)?.code,
            severity: d.severity,
            locale: d.locale.clone(),
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            id: d.id.clone(),
            message: d.message.clone(),
            span: d.span.0..d.span.1,
            label: d.label.clone(),
            drift: match &d.drift {
                None => None,
                Some((class, old, new, diff)) => Some(Drift {
                    class: *class,
                    old: old.clone(),
                    new: new.clone(),
                    diff: diff
                        .iter()
                        .map(|(op, text)| {
                            let op = ["equal", "delete", "insert"].into_iter().find(|o| o == op)?;
                            Some(DiffOp { op, text: text.clone() })
                        })
                        .collect::<Option<_>>()?,
                }),
            },
            help: d.help.clone(),
        });
    }
    let statuses = entry
        .statuses
        .iter()
        .map(|(l, resource, is_reference, present, counts)| {
            let status = ResourceStatus {
                resource: resource.clone(),
                is_reference: *is_reference,
                present: *present,
                counts: *counts,
            };
            (*l as usize, status)
        })
        .collect();
    let mut indexes = Vec::with_capacity(entry.indexes.len());
    for (locale, stored) in &entry.indexes {
        let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"));
        let u64_at = |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
        if stored.definitions.len() % 12 != 0 || stored.uses.len() % 25 != 0 {
            return None;
        }
        let definitions: Vec<Definition> = stored
            .definitions
            .chunks_exact(12)
            .map(|c| Definition { key: u64_at(c, 0), file: 0, offset: u32_at(c, 8) })
            .collect();
        let uses: Vec<Use> = stored
            .uses
            .chunks_exact(25)
            .map(|c| Use {
                key: u64_at(c, 0),
                attribute: (c[16] == 1).then(|| u64_at(c, 8)),
                from: u32_at(c, 17),
                offset: u32_at(c, 21),
            })
            .collect();
        if uses.iter().any(|u| u.from as usize >= definitions.len()) {
            return None;
        }
        indexes.push((
            *locale as usize,
            LocaleIndex {
                locale: String::new(),
                files: vec![IndexedFile { resource: stored.resource.clone(), display: stored.display.clone() }],
                definitions,
                attributes: stored.attributes.clone(),
                uses,
            },
        ));
    }
    Some(ResourcePart { found, statuses, indexes })
}
