//! The check cache, `.songngu/cache`: what checking each resource found, kept between
//! runs, so that a check after one edit reads and checks only what changed.
//!
//! - A result is stored under a key made of everything it came from: the resource's name
//!   and reference language, whether its announcement is in `source/`, and a hash
//!   (xxh3-128) of the bytes of its file in each locale and of each lock; each file also
//!   names the program build and the configuration (and whether `source/` exists). A
//!   file whose bytes differ never gets an old result.
//! - To know that a file did not change without reading it, its stamp is kept too: size,
//!   modification and change times, inode. The change time moves on every write, even
//!   one that restores the modification time. A stamp is only trusted when the file was
//!   last changed more than two seconds before it was taken, so a write in the same clock
//!   tick as the read cannot go unseen (git's "racily clean" rule). Otherwise, and for any
//!   difference, the files are read and hashed again.
//! - Results are split over 64 shard files (`check-NN`) by resource name, so an edit
//!   rewrites one. Each holds the results first, then each resource's ids and references
//!   (what the locale-wide checks need), which are read only when those checks run again:
//!   a check that finds nothing changed reads a few megabytes for 20,000 announcements.
//!   The locale-wide findings (duplicate ids, unknown references, loops) are kept in
//!   `locale`, with the content key of every resource they were found in.
//! - Safe to delete at any time. A cache that cannot be read, a damaged entry, or one
//!   another build of songngu wrote is ignored and replaced; one that cannot be written is
//!   skipped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::checks::{Definition, IndexedFile, LocaleIndex, Name, Use};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::run::{check_inputs, load_inputs, Counts, Overlay, PartIndex, ResourcePart, ResourceStatus, Words};
use crate::engine::suppress::Allow;
use crate::error::Error;
use crate::project::Project;
use crate::records::drift::{DiffOp, Drift, DriftClass};

/// Changes whenever what is stored changes shape.
const FORMAT: &str = "songngu check cache 7";

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
        // Elsewhere than Unix the stamp has no change time or inode: an edit that puts
        // the old modification time back would not show, so files are always read.
        if cfg!(not(unix)) {
            return false;
        }
        let nanos = |(s, n): (i64, u32)| i128::from(s) * 1_000_000_000 + i128::from(n);
        nanos(self.modified).max(nanos(self.changed)) + 2_000_000_000 < now
    }
}

/// One resource's stored result, as it is written (borrowing what it can): all a check
/// needs of a resource that did not change. Its indexes are stored apart (see [`Header`]),
/// as they are read only when the locale-wide checks run again.
#[derive(Serialize)]
struct EntryOut<'a> {
    /// The stamps of the files it came from: its announcement, its file in each locale,
    /// its lock in each locale (see [`Cache::check`]).
    stamps: &'a [Option<Stamp>],
    /// Whether every stamp was settled when taken (see [`Stamp::settled`]).
    trusted: bool,
    key: u128,
    /// What its indexes say, positions left out ([`semantic`]).
    semantic: u128,
    found: Vec<StoredDiagnostic>,
    /// (locale, resource, is its reference, present, counts, words): `ResourceStatus`
    /// flattens its counts for JSON, which this format cannot store.
    statuses: Vec<(u32, &'a str, bool, bool, Counts, Words)>,
    /// Its `# songngu-allow:` codes, and whether each silenced one of its findings.
    allows: &'a [Allow],
}

/// An [`EntryOut`] as read back.
#[derive(Deserialize)]
struct EntryHead {
    stamps: Vec<Option<Stamp>>,
    trusted: bool,
    key: u128,
    semantic: u128,
    found: Vec<StoredDiagnostic>,
    statuses: Vec<(u32, String, bool, bool, Counts, Words)>,
    allows: Vec<Allow>,
}

/// A drift: its class, the old and new texts, the diff as (operation, text).
type StoredDrift = (DriftClass, String, String, Vec<(crate::records::drift::DiffTag, String)>);

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
    /// The parser's own text of a syntax error.
    parser: Option<String>,
    span: (usize, usize),
    label: Option<String>,
    drift: Option<StoredDrift>,
    help: Option<String>,
    /// (file, line, column, message) of the other place it is about.
    related: Option<(String, usize, usize, String)>,
}

/// One file's part of a locale's index, as fixed-size little-endian records: reading
/// them back is a copy, not a parse, which matters for hundreds of thousands of entries.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct StoredIndex {
    resource: String,
    display: String,
    /// (name, offset): 12 bytes each.
    #[serde(with = "serde_bytes")]
    definitions: Vec<u8>,
    attributes: Vec<(u32, Vec<Name>)>,
    /// (name, attribute name or 0, has attribute, from, part, offset): [`USE_BYTES`] each.
    #[serde(with = "serde_bytes")]
    uses: Vec<u8>,
}

/// The start of each cache file. Then its entries, each a resource's name, a checksum and
/// its [`EntryOut`] (postcard bytes, copied as they are for a resource that did not
/// change); then the indexes of the same resources, each a resource's name, a checksum
/// and its `Vec<(u32, StoredIndex)>` (the same way); last, where the indexes start, as 8
/// bytes little-endian. A check reads the entries, and the indexes of a file only when
/// it needs them, from the same open file (so from the same version of it).
#[derive(Clone, Serialize, Deserialize, PartialEq)]
struct Header {
    format: String,
    /// The songngu version, and the size and time of the program that wrote it: a new
    /// build may check differently.
    version: String,
    /// `checks::name` of a fixed text: another build may hash names differently.
    probe: Name,
    config: u128,
}

/// The cache is split in this many files by resource name, so that a check after one
/// edit writes one small file again, not the whole cache.
const SHARDS: usize = 64;

fn shard_of(resource: &str) -> usize {
    (xxhash_rust::xxh3::xxh3_64(resource.as_bytes()) % SHARDS as u64) as usize
}

/// What one resource's check leaves for the next cache.
pub(crate) enum Stored {
    /// Not cached (a check with `--no-cache`, or of texts not on disk).
    Nothing,
    /// The entry of the cache read, unchanged: its place in the old file. Its indexes
    /// are those of the cache read.
    Same(std::ops::Range<usize>),
    /// A new entry, and its indexes: new ones, or `None` for those of the cache read (its
    /// files were written again with the same bytes).
    New(Vec<u8>, Option<Vec<u8>>),
}

/// The cache of one check run: the files as read, and where each resource's entry is.
pub(crate) struct Cache {
    /// `.songngu/cache`.
    dir: PathBuf,
    /// What the start of every file must say, for this build and configuration.
    header: Header,
    shards: Vec<Shard>,
    /// Where each resource's entry is, by the hash of its name (`xxh3_64`, as
    /// [`shard_of`] takes it). Names that share a hash are left out (checked again).
    entries: HashMap<u64, EntryPlace, nohash_hasher::BuildNoHashHasher<u64>>,
    now: i128,
    folders: Folders,
}

/// One cache file as read: its entries, and the file still open to read its indexes
/// from when they are needed.
#[derive(Default)]
struct Shard {
    /// The file from its start to its indexes (empty when absent, not readable or
    /// foreign).
    entries: Vec<u8>,
    /// Where the first entry starts, after the header.
    first: usize,
    /// How many entries were read from it: when the next cache has fewer (a resource
    /// went), the file is written again.
    used: usize,
    file: Option<std::fs::File>,
    /// Where its indexes are in the file.
    indexes_at: std::ops::Range<u64>,
    /// Its indexes, read on first use.
    indexes: std::sync::OnceLock<Option<ShardIndexes>>,
}

/// A resource's entry in [`Cache::entries`]: its shard, where its name is and where its
/// entry is in the shard's entries.
type EntryPlace = (usize, std::ops::Range<usize>, std::ops::Range<usize>);

/// The indexes of a shard as read: the bytes, and where each resource's are in them.
type ShardIndexes = (Vec<u8>, HashMap<String, std::ops::Range<usize>>);

/// The source folder and each locale's folder, opened once: a file's stamp is then asked
/// for relative to its folder, which spares the system a walk down the whole path for
/// each of tens of thousands of files. Opened once for each thread, as threads that share
/// an open folder contend for it in the system.
struct Folders {
    paths: Vec<PathBuf>,
    #[cfg(target_os = "linux")]
    handles: Vec<Vec<Option<std::os::fd::OwnedFd>>>,
}

/// How many folder handles [`Folders`] keeps open at most (one set at least).
#[cfg(target_os = "linux")]
const MAX_FOLDER_HANDLES: usize = 64;

impl Folders {
    fn open(project: &Project) -> Folders {
        let mut paths = vec![project.source_dir()];
        paths.extend(project.config.locales.iter().map(|l| project.locale_dir(l)));
        // Held for the whole check: a set per thread for every locale would run out of
        // file descriptors (`ulimit -n`, often 1,024) with many cores or many locales, and
        // the files the check reads then fail to open. At most about 64 in all; threads
        // beyond share them.
        #[cfg(target_os = "linux")]
        let sets = rayon::current_num_threads().clamp(1, (MAX_FOLDER_HANDLES / paths.len()).max(1));
        #[cfg(target_os = "linux")]
        let handles = (0..sets)
            .map(|_| {
                paths
                    .iter()
                    .map(|p| {
                        use rustix::fs::{open, Mode, OFlags};
                        open(p, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty()).ok()
                    })
                    .collect()
            })
            .collect();
        Folders {
            paths,
            #[cfg(target_os = "linux")]
            handles,
        }
    }

    fn stamp(&self, folder: usize, name: &str) -> Option<Stamp> {
        #[cfg(target_os = "linux")]
        if let Some(dir) = &self.handles[rayon::current_thread_index().unwrap_or(0) % self.handles.len()][folder] {
            use rustix::fs::{statx, AtFlags, StatxFlags};
            let st = statx(dir, name, AtFlags::empty(), StatxFlags::BASIC_STATS).ok()?;
            return Some(Stamp {
                len: st.stx_size,
                modified: (st.stx_mtime.tv_sec, st.stx_mtime.tv_nsec),
                changed: (st.stx_ctime.tv_sec, st.stx_ctime.tv_nsec),
                inode: st.stx_ino,
            });
        }
        Stamp::of(&self.paths[folder].join(name))
    }
}

fn build_identity() -> String {
    let program = std::env::current_exe().ok().and_then(|p| Stamp::of(&p));
    let (len, modified) = program.map_or((0, (0, 0)), |s| (s.len, s.modified));
    format!("{} {len} {}.{}", env!("CARGO_PKG_VERSION"), modified.0, modified.1)
}

fn header(project: &Project) -> Header {
    Header {
        format: FORMAT.to_string(),
        version: build_identity(),
        probe: crate::checks::name(FORMAT),
        // With whether `source/` exists: a resource without an announcement keeps the stamp
        // "no file" when the whole folder comes or goes, yet `orphaned-resource` judges it
        // differently (see `AnnouncementFile`). Rare enough to start the cache over.
        config: xxhash_rust::xxh3::xxh3_128(
            // The glossary's content too: editing it changes what `glossary` finds.
            format!("{:?} {} {:?}", project.config, project.source_dir().is_dir(), project.glossary).as_bytes(),
        ),
    }
}

/// A resource's name and where its entry is in the bytes read.
type Place<'a> = (&'a str, std::ops::Range<usize>);

/// The entries of `bytes`, a run of (resource, checksum, bytes) records of shard `shard`.
fn read_entries(bytes: &[u8], shard: usize) -> Option<Vec<Place<'_>>> {
    let mut rest = bytes;
    let mut entries = Vec::new();
    while !rest.is_empty() {
        let (resource, after) = postcard::take_from_bytes::<&str>(rest).ok()?;
        let (sum, after) = postcard::take_from_bytes::<u64>(after).ok()?;
        let (entry, after) = postcard::take_from_bytes::<&serde_bytes::Bytes>(after).ok()?;
        rest = after;
        // A damaged entry (its checksum is wrong) or one in another shard's file (a bad
        // copy) is left out: that resource is checked again.
        if sum != xxhash_rust::xxh3::xxh3_64(entry) || shard_of(resource) != shard {
            continue;
        }
        let start = entry.as_ptr() as usize - bytes.as_ptr() as usize;
        entries.push((resource, start..start + entry.len()));
    }
    Some(entries)
}

/// Reads `len` bytes of `file` from `at`.
fn read_at(file: &std::fs::File, at: u64, len: u64) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    #[cfg(unix)]
    std::os::unix::fs::FileExt::read_exact_at(file, &mut bytes, at).ok()?;
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek};
        let mut file = file;
        file.seek(std::io::SeekFrom::Start(at)).ok()?;
        file.read_exact(&mut bytes).ok()?;
    }
    Some(bytes)
}

/// A cache file's entries, with their places, if it is one this build wrote.
fn read_shard(path: &Path, header: &Header) -> Option<Shard> {
    let file = std::fs::File::open(path).ok()?;
    let end = file.metadata().ok()?.len().checked_sub(8)?;
    let indexes_start = u64::from_le_bytes(read_at(&file, end, 8)?.try_into().ok()?);
    if indexes_start > end {
        return None;
    }
    let entries = read_at(&file, 0, indexes_start)?;
    let (found, rest) = postcard::take_from_bytes::<Header>(&entries).ok()?;
    if found != *header {
        return None;
    }
    Some(Shard {
        first: entries.len() - rest.len(),
        entries,
        used: 0,
        file: Some(file),
        indexes_at: indexes_start..end,
        indexes: std::sync::OnceLock::new(),
    })
}

/// A new file in the cache folder, named so that [`remove_stale_temporaries`] finds it if a
/// check is stopped before it takes its place.
fn temporary(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new().prefix(crate::project::TEMP_PREFIX).tempfile_in(dir)
}

/// Removes what stopped checks left in the cache folder: temporary files a minute old
/// (a running check writes its own for a few seconds at most).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let old = entry.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
        if entry.file_name().to_string_lossy().starts_with(crate::project::TEMP_PREFIX)
            && old.is_some_and(|age| age.as_secs() >= 60)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn shard_path(dir: &Path, shard: usize) -> PathBuf {
    dir.join(format!("check-{shard:02}"))
}

impl Cache {
    /// Opens the project's cache; an unreadable or foreign file counts as empty.
    pub(crate) fn open(project: &Project) -> Cache {
        let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128);
        let dir = project.root.join(crate::project::STATE_DIR).join("cache");
        remove_stale_temporaries(&dir);
        let header = header(project);
        // Each file read and its entries found on any thread: (the hash of a resource's
        // name, where the name is, where its entry is).
        use rayon::prelude::*;
        type Found = Vec<(u64, std::ops::Range<usize>, std::ops::Range<usize>)>;
        let read: Vec<(Shard, Found)> = (0..SHARDS)
            .into_par_iter()
            .map(|n| {
                let Some(mut shard) = read_shard(&shard_path(&dir, n), &header) else { return Default::default() };
                let start = shard.first;
                let Some(places) = read_entries(&shard.entries[start..], n) else { return Default::default() };
                let base = shard.entries.as_ptr() as usize;
                let found: Found = places
                    .into_iter()
                    .map(|(resource, range)| {
                        let name = resource.as_ptr() as usize - base;
                        let hash = xxhash_rust::xxh3::xxh3_64(resource.as_bytes());
                        (hash, name..name + resource.len(), start + range.start..start + range.end)
                    })
                    .collect();
                shard.used = found.len();
                (shard, found)
            })
            .collect();
        let mut entries =
            HashMap::with_capacity_and_hasher(read.iter().map(|(_, f)| f.len()).sum(), Default::default());
        let mut clashes = Vec::new();
        let mut shards = Vec::with_capacity(SHARDS);
        for (n, (shard, found)) in read.into_iter().enumerate() {
            for (hash, name, entry) in found {
                if entries.insert(hash, (n, name, entry)).is_some() {
                    clashes.push(hash);
                }
            }
            shards.push(shard);
        }
        for hash in clashes {
            entries.remove(&hash);
        }
        Cache { dir, header, shards, entries, now, folders: Folders::open(project) }
    }

    /// Where a resource's entry is: its shard and the bytes in it.
    fn entry(&self, resource: &str) -> Option<(usize, std::ops::Range<usize>)> {
        let (n, name, entry) = self.entries.get(&xxhash_rust::xxh3::xxh3_64(resource.as_bytes()))?;
        (self.shards[*n].entries.get(name.clone())? == resource.as_bytes()).then(|| (*n, entry.clone()))
    }

    /// Checks one resource, or takes its result from the cache when nothing it came from
    /// changed.
    pub(crate) fn check(
        &self,
        project: &Project,
        resource: &str,
        present: &[bool],
        locks: &[bool],
    ) -> Result<(ResourcePart, Stored), Error> {
        // The stamps of the files it depends on: its announcement (whose `lang` decides
        // the reference), its file in each locale, its lock in each locale. Files the
        // walk did not find are not asked about again.
        let mut stamps = Vec::with_capacity(1 + present.len() + locks.len());
        let mut name = String::with_capacity(resource.len() + 5);
        name.push_str(resource.strip_suffix(".ftl").unwrap_or(resource));
        name.push_str(".md");
        stamps.push(self.folders.stamp(0, &name));
        for (n, &found) in present.iter().enumerate() {
            stamps.push(if found { self.folders.stamp(n + 1, resource) } else { None });
        }
        name.clear();
        name.push_str(resource);
        name.push_str(".lock");
        for (n, &found) in locks.iter().enumerate() {
            stamps.push(if found { self.folders.stamp(n + 1, &name) } else { None });
        }
        let place = self.entry(resource);
        let mut head = place.as_ref().and_then(|(shard, range)| {
            postcard::take_from_bytes::<EntryHead>(&self.shards[*shard].entries[range.clone()]).ok().map(|(h, _)| h)
        });
        if let Some(place) = &place {
            if head.as_ref().is_some_and(|head| head.trusted && head.stamps == stamps) {
                if let Some(part) = head.take().and_then(restore) {
                    return Ok((part, Stored::Same(place.1.clone())));
                }
            }
        }
        let inputs = load_inputs(project, resource, (present, locks), &Overlay::new(), true)?;
        let mut key = xxhash_rust::xxh3::Xxh3::new();
        key.update(resource.as_bytes());
        key.update(&[0]);
        key.update(inputs.reference_locale.as_bytes());
        // Whether its announcement is there: removing one changes no byte of the files
        // (nor, for most, the reference), but adds `orphaned-resource` findings, which an
        // entry stored for the same bytes must not hide; restoring it takes them away.
        key.update(&[0, inputs.announcement as u8]);
        for hash in &inputs.hashes {
            key.update(&hash.map_or([0; 17], |h| {
                let mut b = [1; 17];
                b[1..].copy_from_slice(&h.to_le_bytes());
                b
            }));
        }
        let key = key.digest128();
        let trusted = stamps.iter().flatten().all(|s| s.settled(self.now));
        // The same bytes as when the entry was made: its result and indexes still hold.
        let same_content = head.filter(|h| h.key == key).and_then(restore);
        let (mut part, indexes) = match same_content {
            Some(part) => (part, None),
            None => {
                let mut part = check_inputs(project, resource, inputs);
                part.semantic = semantic(&part.indexes);
                let indexes: Vec<(u32, StoredIndex)> =
                    std::mem::take(&mut part.indexes).into_iter().map(|(l, i)| (l as u32, i.into_stored())).collect();
                let bytes = postcard::to_stdvec(&indexes).ok();
                // Kept as stored: the locale-wide checks read them from there if they run.
                part.indexes = indexes.into_iter().map(|(l, i)| (l as usize, PartIndex::Stored(i))).collect();
                (part, Some(bytes))
            }
        };
        part.key = key;
        let entry = EntryOut {
            stamps: &stamps,
            trusted,
            key,
            semantic: part.semantic,
            found: part.found.iter().map(store_diagnostic).collect(),
            statuses: part
                .statuses
                .iter()
                .map(|(l, s)| (*l as u32, s.resource.as_str(), s.is_reference, s.present, s.counts, s.words))
                .collect(),
            allows: &part.allows,
        };
        let stored = match (postcard::to_stdvec(&entry), indexes) {
            (Ok(entry), None) => Stored::New(entry, None),
            (Ok(entry), Some(Some(indexes))) => Stored::New(entry, Some(indexes)),
            _ => Stored::Nothing,
        };
        Ok((part, stored))
    }

    /// The indexes of a shard as stored, read on first use; `None` when they do not read
    /// back.
    fn shard_indexes(&self, n: usize) -> Option<&ShardIndexes> {
        let shard = self.shards.get(n)?;
        shard
            .indexes
            .get_or_init(|| {
                let at = &shard.indexes_at;
                let bytes = read_at(shard.file.as_ref()?, at.start, at.end - at.start)?;
                let places = read_entries(&bytes, n)?;
                let places = places.into_iter().map(|(resource, range)| (resource.to_string(), range)).collect();
                Some((bytes, places))
            })
            .as_ref()
    }

    /// A resource's indexes as stored in the cache read (postcard bytes).
    fn stored_index_bytes(&self, resource: &str) -> Option<&[u8]> {
        let (bytes, places) = self.shard_indexes(shard_of(resource))?;
        bytes.get(places.get(resource)?.clone())
    }

    /// The indexes of a resource whose result came from the cache, by locale; `None` when
    /// they do not read back.
    pub(crate) fn stored_indexes(&self, resource: &str) -> Option<Vec<(usize, StoredIndex)>> {
        let indexes: Vec<(u32, StoredIndex)> = postcard::from_bytes(self.stored_index_bytes(resource)?).ok()?;
        // A record's name is not under its checksum: a damaged name may be another
        // resource's (one bit turns `c6.ftl` into `a6.ftl`). The indexes name their
        // resource inside the checked bytes.
        if indexes.is_empty() || indexes.iter().any(|(_, i)| i.resource != resource) {
            return None;
        }
        Some(indexes.into_iter().map(|(l, i)| (l as usize, i)).collect())
    }

    /// Starts the next cache.
    pub(crate) fn writer<'r>(&self, project: &Project) -> Writer<'r> {
        Writer { project: project.clone(), shards: (0..SHARDS).map(|_| ShardWriter::default()).collect() }
    }
}

/// Writes the next cache as the check goes, each shard file a stream of entries in
/// resource order, then their indexes (kept in memory until the entries are written). A
/// shard is written only when one of its entries differs from the cache read (after one
/// edit, one small file); until then only the places of its unchanged entries are
/// remembered. Best effort: a cache that cannot be written only makes the next check
/// slower.
pub(crate) struct Writer<'r> {
    project: Project,
    shards: Vec<ShardWriter<'r>>,
}

#[derive(Default)]
struct ShardWriter<'r> {
    file: Option<std::io::BufWriter<tempfile::NamedTempFile>>,
    /// The indexes of the entries written, as they follow them in the file.
    indexes: Vec<u8>,
    /// Unchanged entries not written yet: (resource, place in the old shard).
    same: Vec<(&'r str, std::ops::Range<usize>)>,
    entries: usize,
    failed: bool,
}

impl<'r> Writer<'r> {
    pub(crate) fn push(&mut self, cache: &Cache, resource: &'r str, stored: Stored) {
        let n = shard_of(resource);
        let shard = &mut self.shards[n];
        shard.entries += 1;
        match stored {
            Stored::Same(range) if shard.file.is_none() => shard.same.push((resource, range)),
            Stored::Same(range) => shard.copy(cache, n, resource, range),
            Stored::New(entry, indexes) => {
                shard.start(&self.project, cache, n);
                // Without its indexes an entry is not written: the resource is checked
                // again next time, and stored whole.
                let indexes = match &indexes {
                    Some(indexes) => Some(indexes.as_slice()),
                    None => cache.stored_index_bytes(resource),
                };
                if let Some(indexes) = indexes {
                    shard.write(resource, &entry, indexes);
                }
            }
            Stored::Nothing => shard.failed = true,
        }
    }

    /// Puts each changed shard in place of the old one.
    pub(crate) fn finish(mut self, cache: &Cache) {
        for (n, shard) in self.shards.iter_mut().enumerate() {
            // A resource gone since the last check changes its shard too.
            if shard.file.is_none() && cache.shards[n].used != shard.same.len() {
                if shard.entries == 0 {
                    let _ = std::fs::remove_file(shard_path(&cache.dir, n));
                    continue;
                }
                shard.start(&self.project, cache, n);
            }
            let Some(mut file) = shard.file.take() else { continue };
            if shard.failed {
                continue;
            }
            use std::io::{Seek, Write};
            let Ok(indexes_start) = file.stream_position() else { continue };
            if file.write_all(&shard.indexes).is_err() || file.write_all(&indexes_start.to_le_bytes()).is_err() {
                continue;
            }
            if let Ok(tmp) = file.into_inner() {
                let _ = tmp.persist(shard_path(&cache.dir, n));
            }
        }
    }
}

impl<'r> ShardWriter<'r> {
    fn start(&mut self, project: &Project, cache: &Cache, n: usize) {
        if self.file.is_some() || self.failed {
            return;
        }
        // `.songngu/` with its `.gitignore` first.
        if !matches!(project.state_dir(), Ok(Some(_))) {
            return self.failed = true;
        }
        let _ = std::fs::create_dir_all(&cache.dir);
        let Ok(tmp) = temporary(&cache.dir) else { return self.failed = true };
        let mut file = std::io::BufWriter::with_capacity(1 << 15, tmp);
        if postcard::to_io(&cache.header, &mut file).is_err() {
            return self.failed = true;
        }
        self.file = Some(file);
        for (resource, range) in std::mem::take(&mut self.same) {
            self.copy(cache, n, resource, range);
        }
    }

    /// Writes an entry of the cache read again, with its indexes.
    fn copy(&mut self, cache: &Cache, n: usize, resource: &str, range: std::ops::Range<usize>) {
        let entry = cache.shards[n].entries.get(range);
        match (entry, cache.stored_index_bytes(resource)) {
            (Some(entry), Some(indexes)) => self.write(resource, entry, indexes),
            // Left out: checked again next time.
            (Some(_), None) => {}
            (None, _) => self.failed = true,
        }
    }

    fn write(&mut self, resource: &str, entry: &[u8], indexes: &[u8]) {
        let Some(file) = &mut self.file else { return };
        fn record<'a>(resource: &'a str, bytes: &'a [u8]) -> (&'a str, u64, &'a serde_bytes::Bytes) {
            (resource, xxhash_rust::xxh3::xxh3_64(bytes), serde_bytes::Bytes::new(bytes))
        }
        if postcard::to_io(&record(resource, entry), file).is_err() {
            self.failed = true;
        }
        match postcard::to_extend(&record(resource, indexes), std::mem::take(&mut self.indexes)) {
            Ok(all) => self.indexes = all,
            Err(_) => self.failed = true,
        }
    }
}

fn store_diagnostic(d: &Diagnostic) -> StoredDiagnostic {
    StoredDiagnostic {
        code: d.code.to_string(),
        severity: d.severity,
        locale: d.locale.to_string(),
        file: d.file.to_string(),
        line: d.line,
        column: d.column,
        id: d.id.clone(),
        message: d.message.to_string(),
        parser: d.parser.clone(),
        span: (d.span.start, d.span.end),
        label: d.label.as_deref().map(str::to_string),
        drift: d.drift.as_ref().map(|x| {
            let diff = x.diff.iter().map(|op| (op.op, op.text.clone())).collect();
            (x.class, x.old.clone(), x.new.clone(), diff)
        }),
        help: d.help.clone(),
        related: d.related.as_ref().map(|r| (r.file.clone(), r.line, r.column, r.message.clone())),
    }
}

/// A stored reference: its name (8 bytes), attribute (8) and whether it has one (1), the
/// entry it is in (4), which pattern of that entry (4), and where it is (4).
const USE_BYTES: usize = 29;

pub(crate) fn store_index(index: &LocaleIndex) -> StoredIndex {
    let file = &index.files[0];
    let mut definitions = Vec::with_capacity(index.definitions.len() * 12);
    for d in &index.definitions {
        definitions.extend_from_slice(&d.key.to_le_bytes());
        definitions.extend_from_slice(&d.offset.to_le_bytes());
    }
    let mut uses = Vec::with_capacity(index.uses.len() * USE_BYTES);
    for u in &index.uses {
        uses.extend_from_slice(&u.key.to_le_bytes());
        uses.extend_from_slice(&u.attribute.unwrap_or(0).to_le_bytes());
        uses.push(u.attribute.is_some() as u8);
        uses.extend_from_slice(&u.from.to_le_bytes());
        uses.extend_from_slice(&u.part.to_le_bytes());
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

/// A stored finding as it was; `None` when it does not read back.
fn restore_diagnostic(d: &StoredDiagnostic) -> Option<Diagnostic> {
    Some(Diagnostic {
        code: crate::checks::find(&d.code)?.code,
        severity: d.severity,
        locale: d.locale.as_str().into(),
        file: d.file.as_str().into(),
        line: d.line,
        column: d.column,
        id: d.id.clone(),
        message: d.message.clone().into(),
        parser: d.parser.clone(),
        span: d.span.0..d.span.1,
        label: d.label.clone().map(std::borrow::Cow::Owned),
        drift: match &d.drift {
            None => None,
            Some((class, old, new, diff)) => Some(Box::new(Drift {
                class: *class,
                old: old.clone(),
                new: new.clone(),
                diff: diff
                    .iter()
                    .map(|(op, text)| Some(DiffOp { op: *op, text: text.clone() }))
                    .collect::<Option<_>>()?,
            })),
        },
        help: d.help.clone(),
        related: d.related.as_ref().map(|(file, line, column, message)| {
            Box::new(crate::diagnostic::Related {
                file: file.clone(),
                line: *line,
                column: *column,
                message: message.clone(),
            })
        }),
    })
}

/// A stored entry as a check result, its indexes left in the cache; `None` when it does
/// not read back (then the resource is checked again).
fn restore(entry: EntryHead) -> Option<ResourcePart> {
    let found = entry.found.iter().map(restore_diagnostic).collect::<Option<Vec<_>>>()?;
    let statuses = entry
        .statuses
        .into_iter()
        .map(|(l, resource, is_reference, present, counts, words)| {
            (l as usize, ResourceStatus { resource, is_reference, present, counts, words })
        })
        .collect();
    Some(ResourcePart {
        found,
        statuses,
        indexes: Vec::new(),
        semantic: entry.semantic,
        cached: true,
        key: entry.key,
        allows: entry.allows,
    })
}

/// A stored part of an index as the checks use it; `None` when it does not read back.
pub(crate) fn read_index(stored: &StoredIndex) -> Option<LocaleIndex> {
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"));
    let u64_at = |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
    if !stored.definitions.len().is_multiple_of(12) || !stored.uses.len().is_multiple_of(USE_BYTES) {
        return None;
    }
    let definitions: Vec<Definition> = stored
        .definitions
        .chunks_exact(12)
        .map(|c| Definition { key: u64_at(c, 0), file: 0, offset: u32_at(c, 8) })
        .collect();
    let uses: Vec<Use> = stored
        .uses
        .chunks_exact(USE_BYTES)
        .map(|c| Use {
            key: u64_at(c, 0),
            attribute: (c[16] == 1).then(|| u64_at(c, 8)),
            from: u32_at(c, 17),
            part: u32_at(c, 21),
            offset: u32_at(c, 25),
        })
        .collect();
    if uses.iter().any(|u| u.from as usize >= definitions.len()) {
        return None;
    }
    Some(LocaleIndex {
        locale: String::new(),
        files: vec![IndexedFile { resource: stored.resource.clone(), display: stored.display.clone() }],
        definitions,
        attributes: stored.attributes.clone(),
        uses,
    })
}

/// A hash of what a resource's indexes say, positions left out: the names it defines
/// and their attributes, and each reference (to what, from which entry). The locale-wide
/// findings depend on nothing else but where they are.
pub(crate) fn semantic(indexes: &[(usize, PartIndex)]) -> u128 {
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    for (locale, part) in indexes {
        let PartIndex::Built(index) = part else { continue };
        hash.update(&(*locale as u64).to_le_bytes());
        hash.update(&(index.definitions.len() as u64).to_le_bytes());
        for d in &index.definitions {
            hash.update(&d.key.to_le_bytes());
        }
        for (d, names) in &index.attributes {
            hash.update(&d.to_le_bytes());
            for n in names {
                hash.update(&n.to_le_bytes());
            }
        }
        hash.update(b"uses");
        for u in &index.uses {
            hash.update(&u.key.to_le_bytes());
            hash.update(&u.attribute.map_or([0; 9], |a| {
                let mut b = [1; 9];
                b[1..].copy_from_slice(&a.to_le_bytes());
                b
            }));
            hash.update(&u.from.to_le_bytes());
            hash.update(&u.part.to_le_bytes());
        }
    }
    hash.digest128()
}

/// The locale-wide findings of the last check, and what the whole project said then.
#[derive(Serialize, Deserialize)]
struct LocaleFindings<'a> {
    header: Header,
    digest: u128,
    /// The content key of every resource they were found in, in resource order: what
    /// changed since is compared with these, not with the shards (another check may have
    /// written those).
    #[serde(borrow)]
    keys: Vec<(&'a str, u128)>,
    found: Vec<StoredDiagnostic>,
}

impl Cache {
    fn locale_path(&self) -> PathBuf {
        self.dir.join("locale")
    }

    /// The locale-wide findings kept from the last check, when the project says the same
    /// (`digest`) and none of them is in, or names, a file of a resource checked again.
    pub(crate) fn locale_findings(
        &self,
        project: &Project,
        digest: u128,
        keys: &[(&String, u128)],
    ) -> Option<Vec<Diagnostic>> {
        let bytes = std::fs::read(self.locale_path()).ok()?;
        let (sum, body) = postcard::take_from_bytes::<u64>(&bytes).ok()?;
        if sum != xxhash_rust::xxh3::xxh3_64(body) {
            return None;
        }
        let kept: LocaleFindings = postcard::from_bytes(body).ok()?;
        if kept.header != self.header || kept.digest != digest {
            return None;
        }
        // The resources whose content differs from when the findings were made (or that
        // came or went since). Most often the same resources, in the same order.
        let same_resources = kept.keys.len() == keys.len() && kept.keys.iter().zip(keys).all(|((a, _), (b, _))| a == b);
        let changed: Vec<&str> = if same_resources {
            kept.keys.iter().zip(keys).filter(|((_, a), (_, b))| a != b).map(|((r, _), _)| *r).collect()
        } else {
            let before: HashMap<&str, u128> = kept.keys.iter().copied().collect();
            let now: HashMap<&str, u128> = keys.iter().map(|(r, k)| (r.as_str(), *k)).collect();
            keys.iter()
                .filter(|(r, k)| before.get(r.as_str()) != Some(k))
                .map(|(r, _)| r.as_str())
                .chain(kept.keys.iter().map(|(r, _)| *r).filter(|r| !now.contains_key(r)))
                .collect()
        };
        for resource in changed {
            for locale in &project.config.locales {
                let display = project.display_path(locale, resource);
                // A finding is about its own file and the other place it names, as data.
                let about =
                    |d: &StoredDiagnostic| d.file == display || d.related.as_ref().is_some_and(|r| r.0 == display);
                if kept.found.iter().any(about) {
                    return None;
                }
            }
        }
        let diagnostics: Option<Vec<Diagnostic>> = kept.found.iter().map(restore_diagnostic).collect();
        diagnostics
    }

    /// Keeps the locale-wide findings of this check for the next.
    pub(crate) fn keep_locale_findings(
        &self,
        project: &Project,
        digest: u128,
        keys: &[(&String, u128)],
        found: &[Diagnostic],
    ) {
        let kept = LocaleFindings {
            header: self.header.clone(),
            digest,
            keys: keys.iter().map(|(r, k)| (r.as_str(), *k)).collect(),
            found: found.iter().map(store_diagnostic).collect(),
        };
        let (Ok(body), Ok(Some(_))) = (postcard::to_stdvec(&kept), project.state_dir()) else { return };
        let Ok(mut bytes) = postcard::to_stdvec(&xxhash_rust::xxh3::xxh3_64(&body)) else { return };
        bytes.extend_from_slice(&body);
        let path = self.locale_path();
        let _ = std::fs::create_dir_all(&self.dir);
        if let Ok(mut tmp) = temporary(&self.dir) {
            use std::io::Write;
            if tmp.write_all(&bytes).is_ok() {
                let _ = tmp.persist(&path);
            }
        }
    }
}
