//! Finding a content project on disk: `songngu.toml` (looked up from the working
//! directory upwards, or given by `--root`), its locales, and the resources each holds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::SeverityOverride;
use crate::error::Error;

pub const CONFIG_FILE: &str = "songngu.toml";

/// The keys of `songngu.toml`, all optional. Unknown keys are refused so that a typo
/// (`refrence = "vi"`) never silently checks the wrong thing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The locale announcements are written in unless a resource says otherwise.
    pub reference: String,
    /// Every locale of the project, the reference included.
    pub locales: Vec<String>,
    pub locales_dir: PathBuf,
    pub source_dir: PathBuf,
    pub out_dir: PathBuf,
    /// Per-code severity: `untranslated = "error"`, or `"off"` to silence a check.
    pub severity: BTreeMap<String, SeverityOverride>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            reference: "en".into(),
            locales: vec!["en".into(), "vi".into()],
            locales_dir: "locales".into(),
            source_dir: "source".into(),
            out_dir: "dist".into(),
            severity: BTreeMap::new(),
        }
    }
}

/// The folder songngu keeps its own files in, at the project root: the write lock. It
/// holds a `.gitignore` of `*`, so it never shows in `git status`.
pub const STATE_DIR: &str = ".songngu";

/// Written into the name of every temporary file songngu writes, so that one left behind
/// by a killed run is recognised and removed by the next writer.
pub const TEMP_PREFIX: &str = ".songngu-tmp-";

/// Proof that this process may write the project's files: an exclusive lock on
/// `.songngu/lock`, held until dropped. Two songngu runs that write the same project (two
/// `accept`s, an `import` during a `sync`) take turns instead of losing each other's
/// records. The system releases the lock when the process ends, even when it is killed.
#[derive(Debug)]
pub struct WriteLock {
    path: PathBuf,
    /// `None` for a lock this process already held (see [`Project::write_lock`]).
    file: Option<std::fs::File>,
}

/// The lock files this process holds, with how many [`WriteLock`]s share each: a writer
/// that calls another writer must not wait for itself.
static HELD: std::sync::Mutex<BTreeMap<PathBuf, usize>> = std::sync::Mutex::new(BTreeMap::new());

/// Whether `path` (resolved) lies outside every project this process holds the write lock
/// of; `false` when it holds none (an `export -o` may write wherever it is told).
pub(crate) fn outside_the_projects_being_written(path: &Path) -> bool {
    let held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    let roots: Vec<PathBuf> = held
        .keys()
        .filter_map(|lock| lock.parent()?.parent())
        .map(|root| std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()))
        .collect();
    !roots.is_empty() && !roots.iter().any(|root| path.starts_with(root))
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = held.get_mut(&self.path) {
            *count -= 1;
            if *count == 0 {
                held.remove(&self.path);
            }
        }
        // Closing the file releases the lock.
        drop(self.file.take());
    }
}

/// A content project: its root folder and its configuration.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    /// Where the configuration came from; `None` when the defaults apply.
    pub config_path: Option<PathBuf>,
}

impl Project {
    /// Looks for `songngu.toml` in `start` and each folder above it. Without one, the
    /// defaults apply with `start` as the root.
    pub fn discover(start: &Path) -> Result<Project, Error> {
        for dir in start.ancestors() {
            let candidate = dir.join(CONFIG_FILE);
            if candidate.is_file() {
                return Project::load(dir, Some(candidate));
            }
        }
        Project::load(start, None)
    }

    /// Opens the project rooted at `root` (the `--root` option): its `songngu.toml` if it
    /// has one, the defaults otherwise.
    pub fn open(root: &Path) -> Result<Project, Error> {
        if !root.is_dir() {
            return Err(Error::Usage(format!("{}: no such folder (given with --root)", root.display())));
        }
        let candidate = root.join(CONFIG_FILE);
        let config_path = candidate.is_file().then_some(candidate);
        Project::load(root, config_path)
    }

    fn load(root: &Path, config_path: Option<PathBuf>) -> Result<Project, Error> {
        let config = match &config_path {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
                parse_config(path, &text)?
            }
            None => Config::default(),
        };
        let project = Project { root: root.to_path_buf(), config, config_path };
        project.validate()?;
        Ok(project)
    }

    fn config_error(&self, key: &str, message: String) -> Error {
        match &self.config_path {
            Some(path) => {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                let line = text.lines().position(|l| l.trim_start().starts_with(key)).map_or(1, |i| i + 1);
                Error::Config { path: path.clone(), line, column: 1, message }
            }
            None => Error::Usage(message),
        }
    }

    fn validate(&self) -> Result<(), Error> {
        let config = &self.config;
        let mut seen = BTreeSet::new();
        for locale in &config.locales {
            if !is_locale_name(locale) {
                return Err(self.config_error(
                    "locales",
                    format!("`{locale}` is not a locale name (write it like `en`, `vi` or `en-US`)"),
                ));
            }
            if !seen.insert(locale) {
                return Err(self.config_error("locales", format!("`{locale}` is listed twice")));
            }
        }
        if !config.locales.contains(&config.reference) {
            return Err(self.config_error(
                "reference",
                format!(
                    "the reference locale `{}` is not in `locales` ({})",
                    config.reference,
                    config.locales.join(", ")
                ),
            ));
        }
        for code in config.severity.keys() {
            if crate::checks::find(code).is_none() {
                return Err(self.config_error(
                    code,
                    format!("[severity] names `{code}`, which is not a check (see `songngu explain --list`)"),
                ));
            }
        }
        Ok(())
    }

    fn lock_path(&self) -> PathBuf {
        self.root.join(STATE_DIR).join("lock")
    }

    /// The lock file, created on first use; `None` when the project folder cannot be
    /// written at all (a read-only checkout that `build --out` elsewhere reads): nothing
    /// else can write its files either, so there is nothing to take turns on.
    fn open_lock_file(&self) -> Result<Option<std::fs::File>, Error> {
        let path = self.lock_path();
        // flock needs no write access: an existing lock opens read-only.
        if let Ok(file) = std::fs::File::open(&path) {
            return Ok(Some(file));
        }
        if self.state_dir()?.is_none() {
            return Ok(None);
        }
        match std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path) {
            Ok(file) => Ok(Some(file)),
            Err(e) if is_read_only(&e) => Ok(None),
            Err(e) => Err(Error::io(&path, e)),
        }
    }

    /// songngu's own folder in the project (`.songngu/`: the write lock, the check cache),
    /// created on first use with a `.gitignore` that keeps it out of commits; `None` when
    /// the project folder cannot be written.
    pub(crate) fn state_dir(&self) -> Result<Option<PathBuf>, Error> {
        let dir = self.root.join(STATE_DIR);
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return if is_read_only(&e) { Ok(None) } else { Err(Error::io(&dir, e)) };
        }
        let ignore = dir.join(".gitignore");
        if !ignore.is_file() {
            let text = b"# songngu's own files (the write lock, the check cache): never commit them.\n*\n";
            match crate::lock::write_atomically(&ignore, text) {
                Err(Error::Io { source, .. }) if is_read_only(&source) => return Ok(None),
                other => other?,
            }
        }
        Ok(Some(dir))
    }

    /// Takes the project's write lock, waiting while another songngu run holds it (see
    /// [`Project::is_being_written`] to tell people so first). Every command that writes
    /// content files takes it first; holding it, it also removes the temporary files a
    /// killed run left behind, since no other run can be writing them.
    pub fn write_lock(&self) -> Result<WriteLock, Error> {
        let path = self.lock_path();
        {
            let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(count) = held.get_mut(&path) {
                *count += 1;
                return Ok(WriteLock { path, file: None });
            }
        }
        let file = self.open_lock_file()?;
        if let Some(file) = &file {
            file.lock().map_err(|e| Error::io(&path, e))?;
        }
        *HELD.lock().unwrap_or_else(|e| e.into_inner()).entry(path.clone()).or_default() += 1;
        let lock = WriteLock { path, file };
        self.remove_stale_temporaries()?;
        Ok(lock)
    }

    /// Whether another process holds the write lock right now.
    pub fn is_being_written(&self) -> bool {
        if HELD.lock().unwrap_or_else(|e| e.into_inner()).contains_key(&self.lock_path()) {
            return false;
        }
        let Ok(file) = std::fs::File::open(self.lock_path()) else { return false };
        matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    }

    /// Temporary files of [`crate::lock::write_atomically`] under `locales/` that a killed
    /// run left behind. Only called under the write lock; and only files a minute old, as a
    /// writer that takes no lock (`export -o` into `locales/`) or another project sharing
    /// the folder may have one open for the few milliseconds a write takes.
    fn remove_stale_temporaries(&self) -> Result<(), Error> {
        let dir = self.locales_dir();
        if !dir.is_dir() {
            return Ok(());
        }
        for entry in walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok) {
            let old = |m: std::fs::Metadata| m.modified().ok()?.elapsed().ok();
            let stale = entry.metadata().ok().and_then(old).is_some_and(|age| age.as_secs() >= 60);
            if entry.file_type().is_file() && entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) && stale {
                std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            }
        }
        Ok(())
    }

    pub fn locales_dir(&self) -> PathBuf {
        self.root.join(&self.config.locales_dir)
    }

    pub fn locale_dir(&self, locale: &str) -> PathBuf {
        self.locales_dir().join(locale)
    }

    /// The reference locale of one resource: the `lang` of its announcement in `source/`
    /// when it has one (the project's `reference` when it says none); without an
    /// announcement, what its files say ([`Project::reference_on_disk`]).
    pub fn reference_of(&self, resource: &str) -> Result<String, Error> {
        if !self.announcement_path(resource).is_file() {
            return Ok(self.reference_on_disk(resource));
        }
        self.reference_of_announcement(resource)
    }

    /// The locale the `lang` of a resource's announcement (which is there) names.
    pub(crate) fn reference_of_announcement(&self, resource: &str) -> Result<String, Error> {
        let path = self.announcement_path(resource);
        let display = self.display_source(resource);
        let lang = crate::announcement::read_lang(&path, &display)?;
        self.locale_of_lang(lang, &path, &display)
    }

    /// The reference locale of a resource that has no announcement (shared terms, a
    /// resource written by hand, or one whose announcement was removed from `source/`):
    /// what its files on disk say, the project's `reference` when they say nothing (see
    /// `reference_from_disk`). A few file stats, and the first lines of a file only
    /// when the locks do not tell.
    pub fn reference_on_disk(&self, resource: &str) -> String {
        let files: Vec<(&str, bool)> = self
            .config
            .locales
            .iter()
            .filter_map(|locale| {
                let path = self.file_path(locale, resource);
                path.is_file().then(|| (locale.as_str(), crate::lock::path_for(&path).is_file()))
            })
            .collect();
        let ingested = |locale: &str| {
            read_head(&self.file_path(locale, resource)).is_ok_and(|head| crate::ingest::carries_header(&head))
        };
        reference_from_disk(&self.config.reference, &files, ingested).to_string()
    }

    /// Whether a resource's announcement is in `source/`.
    pub fn announcement_file(&self, resource: &str) -> AnnouncementFile {
        if self.announcement_path(resource).is_file() {
            AnnouncementFile::Present
        } else if self.source_dir().is_dir() {
            AnnouncementFile::Gone
        } else {
            AnnouncementFile::NoSourceFolder
        }
    }

    /// The locale an announcement's `lang` names (the project's reference without one),
    /// refused with its line when the project has no such locale.
    pub fn locale_of_lang(&self, lang: Option<String>, path: &Path, display: &str) -> Result<String, Error> {
        match lang {
            None => Ok(self.config.reference.clone()),
            Some(lang) if self.config.locales.contains(&lang) => Ok(lang),
            Some(lang) => {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                let line = text.lines().position(|l| l.trim_start().starts_with("lang")).map_or(1, |i| i + 1);
                Err(Error::Config {
                    path: display.into(),
                    line,
                    column: 1,
                    message: format!(
                        "`lang = {lang:?}` is not a locale of this project (it has {})",
                        self.config.locales.join(", ")
                    ),
                })
            }
        }
    }

    pub fn source_dir(&self) -> PathBuf {
        self.root.join(&self.config.source_dir)
    }

    /// The announcement a resource is ingested from: `source/news/a.md` for `news/a.ftl`.
    pub fn announcement_path(&self, resource: &str) -> PathBuf {
        let stem = resource.strip_suffix(".ftl").unwrap_or(resource);
        self.source_dir().join(format!("{stem}.md"))
    }

    /// The announcement path as shown to people, relative to the root, with `/`.
    pub fn display_source(&self, resource: &str) -> String {
        let stem = resource.strip_suffix(".ftl").unwrap_or(resource);
        shown_under(&self.config.source_dir, &format!("{stem}.md"))
    }

    /// Refuses a locale the project does not have.
    pub fn require_locale(&self, locale: &str) -> Result<(), Error> {
        if self.config.locales.iter().any(|l| l == locale) {
            return Ok(());
        }
        Err(Error::Usage(format!(
            "`{locale}` is not a locale of this project (it has {})",
            self.config.locales.join(", ")
        )))
    }

    /// Every resource of any locale, sorted.
    pub fn all_resources(&self) -> Result<std::collections::BTreeSet<String>, Error> {
        let mut all = std::collections::BTreeSet::new();
        for locale in &self.config.locales {
            all.extend(self.resources_of(locale)?);
        }
        Ok(all)
    }

    /// The `.ftl` resources of a locale, as `/`-separated paths relative to its folder,
    /// sorted. A locale without a folder has none. Symbolic links are followed (a resource
    /// shared by two projects may be a link); a link loop or a link to nothing stops the
    /// run with an error naming it, rather than hanging the walk or hiding the file.
    pub fn resources_of(&self, locale: &str) -> Result<Vec<String>, Error> {
        Ok(self.resources_and_locks(locale)?.0)
    }

    /// The resources of a locale (as [`Project::resources_of`]) and its translation
    /// records (`x.ftl.lock`, by the same kind of name, in no particular order), from one
    /// walk of its folder.
    pub fn resources_and_locks(&self, locale: &str) -> Result<(Vec<String>, Vec<String>), Error> {
        let dir = self.locale_dir(locale);
        if !dir.is_dir() {
            return Ok((Vec::new(), Vec::new()));
        }
        let (mut resources, mut locks) = (Vec::new(), Vec::new());
        // Tens of thousands of names in a big project: each made a `String` once, never a path.
        walk(&dir, &[".ftl", ".ftl.lock"], &mut |_, prefix, name| {
            let name = match name.to_str() {
                Some(name) if prefix.is_empty() => name.to_string(),
                _ => format!("{prefix}{}", name.to_string_lossy()),
            };
            if name.ends_with(".lock") {
                locks.push(name);
            } else {
                resources.push(name);
            }
        })?;
        resources.sort_unstable();
        Ok((resources, locks))
    }

    /// The path of a resource file in a locale, relative to the project root, with `/`:
    /// the form every diagnostic names files in.
    pub fn display_path(&self, locale: &str, resource: &str) -> String {
        shown_under(&self.config.locales_dir, &format!("{locale}/{resource}"))
    }

    pub fn file_path(&self, locale: &str, resource: &str) -> PathBuf {
        self.locale_dir(locale).join(resource)
    }

    /// Reads a resource file of a locale.
    pub fn load_file(&self, locale: &str, resource: &str) -> Result<crate::source::SourceFile, Error> {
        let path = self.file_path(locale, resource);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        Ok(crate::source::SourceFile::from_bytes(locale, resource, self.display_path(locale, resource), bytes))
    }
}

/// Where a resource's announcement stands: what decides its reference locale, and
/// whether `orphaned-resource` has anything to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnouncementFile {
    /// `source/<slug>.md` is there: its `lang` decides.
    Present,
    /// The project has a `source/` folder, but not this file: either the resource never
    /// had an announcement (shared terms) or its announcement was removed.
    Gone,
    /// The project has no `source/` folder at all: nothing was ingested here, or
    /// everything was; no resource is told apart by its announcement.
    NoSourceFolder,
}

/// The reference locale of a resource without an announcement, from its files on disk:
/// `files` are the locales that have a file of it, each with whether a lock is beside
/// it; `ingested` tells whether a locale's file carries `ingest`'s header.
///
/// Without this, removing the announcement of a text written in Vietnamese would
/// silently turn English into its reference and its accepted Vietnamese into unaccepted
/// translations. The signs, in the order they are trusted:
/// 1. A lock is written by `accept` beside a *translation*, never beside a reference: when
///    some files have one and exactly one file has none, that one is the reference.
/// 2. `ingest` writes its header (``### Written by `songngu ingest` from …``) into the
///    reference file it creates, and `sync` never copies it into a translation: when
///    exactly one file without a lock carries it, that one is the reference.
/// 3. Otherwise the project's `reference`, as before: with no lock and no header (nothing
///    accepted, files written by hand) the files do not tell.
pub(crate) fn reference_from_disk<'a>(
    default: &'a str,
    files: &[(&'a str, bool)],
    ingested: impl Fn(&str) -> bool,
) -> &'a str {
    let unlocked: Vec<&str> = files.iter().filter(|(_, locked)| !locked).map(|(locale, _)| *locale).collect();
    if unlocked.len() == 1 && files.len() > 1 {
        return unlocked[0];
    }
    let mut marked = unlocked.into_iter().filter(|locale| ingested(locale));
    match (marked.next(), marked.next()) {
        (Some(locale), None) => locale,
        _ => default,
    }
}

/// The first few kilobytes of a file, as text: what a header comment needs (see
/// [`crate::ingest::carries_header`]), without reading a whole resource.
pub(crate) fn read_head(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(path)?.take(4096).read_to_end(&mut head)?;
    Ok(String::from_utf8_lossy(&head).into_owned())
}

/// Whether an error says the project cannot be written here (a read-only checkout).
fn is_read_only(e: &std::io::Error) -> bool {
    matches!(e.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem)
}

/// Every file under the folder `dir` whose name ends with `suffix`, in name order. Hidden
/// files and folders (`.git`, an editor's `.#news.ftl` lock link) are not looked at.
/// Symbolic links are followed; a link loop, or a link to nothing named like a wanted
/// file, stops the run with an error naming it, rather than hanging the walk or hiding
/// the file.
pub(crate) fn files_under(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    walk(dir, &[suffix], &mut |folder, _, name| found.push(folder.join(name)))?;
    found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(found)
}

/// What a folder holds, as a walk tells it apart: a link is looked at where it is met.
enum Kind {
    File,
    Folder,
    Link,
    Other,
}

/// A folder's identity, to know a link that leads back into a folder being walked.
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = PathBuf;

/// The identity of the folder at `path`, of which `meta` is what the system says.
fn folder_id(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<FolderId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Ok((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        std::fs::canonicalize(path)
    }
}

/// The walk behind [`files_under`] and [`Project::resources_and_locks`]: every file under
/// the folder `dir` whose name ends with one of `suffixes` is told to `found` as (the
/// folder it is in, that folder relative to `dir` as `a/b/` with `/`, its name), in no
/// particular order. Hidden files and folders are not looked at. Each folder is read once,
/// with the kind of each entry as the folder listing gives it (no question to the system
/// per file), and closed before the folders in it are read. Symbolic links are followed:
/// a link to a folder is walked (with every link under it) as a walk of its own, which
/// stops with an error at a link that leads back to a folder of that walk. A failure on
/// something whose name is not wanted (a folder that cannot be read, a link to nothing
/// named `notes.txt`) is passed over.
///
/// Written by hand rather than with walkdir, which makes a path for every entry and a
/// sorted walk compares them: in a locale folder of 40,000 files that cost more than the
/// system's reading of the folder.
fn walk(dir: &Path, suffixes: &[&str], found: &mut dyn FnMut(&Path, &str, &std::ffi::OsStr)) -> Result<(), Error> {
    let hidden = |name: &std::ffi::OsStr| name.as_encoded_bytes().starts_with(b".");
    let wanted = |name: &std::ffi::OsStr| suffixes.iter().any(|s| name.as_encoded_bytes().ends_with(s.as_bytes()));
    let passed_over = |path: &Path| path.file_name().is_some_and(|name| hidden(name) || !wanted(name));
    /// A folder still to read: its path, its relative name, whether it is in a followed
    /// link, and then the folder it is in (in `ancestors`).
    struct Pending {
        path: PathBuf,
        prefix: String,
        following: bool,
        parent: Option<usize>,
    }
    // The folders of followed links read so far: (identity, path, the folder it is in).
    let mut ancestors: Vec<(FolderId, PathBuf, Option<usize>)> = Vec::new();
    let mut pending = vec![Pending { path: dir.to_path_buf(), prefix: String::new(), following: false, parent: None }];
    let mut folders = Vec::new();
    while let Some(folder) = pending.pop() {
        let this = if folder.following {
            match std::fs::metadata(&folder.path).and_then(|meta| folder_id(&folder.path, &meta)) {
                Ok(id) => ancestors.push((id, folder.path.clone(), folder.parent)),
                Err(_) if passed_over(&folder.path) => continue,
                Err(e) => return Err(walk_failure(&folder.path, e)),
            }
            Some(ancestors.len() - 1)
        } else {
            None
        };
        folders.clear();
        let listed = read_folder(&folder.path, &mut |name, kind| {
            if hidden(name) {
                return Ok(());
            }
            let kind = match kind {
                Ok(kind) => kind,
                Err(_) if !wanted(name) => return Ok(()),
                Err(e) => return Err(walk_failure(&folder.path.join(name), e)),
            };
            match kind {
                Kind::File if wanted(name) => found(&folder.path, &folder.prefix, name),
                Kind::Folder => folders.push((name.to_os_string(), folder.following)),
                Kind::Link => {
                    let path = folder.path.join(name);
                    match std::fs::metadata(&path) {
                        Ok(meta) if meta.is_dir() => {
                            let id = folder.following.then(|| folder_id(&path, &meta).ok()).flatten();
                            if let Some(id) = id {
                                let mut up = this;
                                while let Some(n) = up {
                                    let (ancestor, ancestor_path, parent) = &ancestors[n];
                                    if *ancestor == id {
                                        return Err(Error::Usage(format!(
                                            "{}: a symbolic link loop (it leads back to {}): remove the link",
                                            path.display(),
                                            ancestor_path.display()
                                        )));
                                    }
                                    up = *parent;
                                }
                            }
                            folders.push((name.to_os_string(), true));
                        }
                        Ok(meta) if meta.is_file() && wanted(name) => found(&folder.path, &folder.prefix, name),
                        Ok(_) => {}
                        Err(e) if wanted(name) => return Err(walk_failure(&path, e)),
                        Err(_) => {}
                    }
                }
                Kind::File | Kind::Other => {}
            }
            Ok(())
        });
        match listed {
            Ok(()) => {}
            Err(Listing::Stopped(e)) => return Err(e),
            Err(Listing::Failed(_)) if passed_over(&folder.path) => {}
            Err(Listing::Failed(e)) => return Err(walk_failure(&folder.path, e)),
        }
        for (name, following) in folders.drain(..).rev() {
            pending.push(Pending {
                path: folder.path.join(&name),
                prefix: format!("{}{}/", folder.prefix, name.to_string_lossy()),
                following,
                // A followed link starts a walk of its own when met outside one.
                parent: this,
            });
        }
    }
    Ok(())
}

/// What [`read_folder`] tells of each entry: its name and kind (or why its kind is not
/// known); an error stops the listing.
type EachEntry<'a> = dyn FnMut(&std::ffi::OsStr, std::io::Result<Kind>) -> Result<(), Error> + 'a;

/// Why [`read_folder`] stopped: the folder could not be read, or the walk stopped it.
enum Listing {
    Failed(std::io::Error),
    Stopped(Error),
}

/// Tells `each` the name and kind of every entry of a folder (`.` and `..` too, which are
/// hidden), straight from the folder's listing, without a `String` or a path per entry;
/// the kind is asked of the system only when the listing does not say it.
#[cfg(target_os = "linux")]
fn read_folder(dir: &Path, each: &mut EachEntry<'_>) -> Result<(), Listing> {
    use rustix::fs::{open, FileType, Mode, OFlags, RawDir};
    use std::os::unix::ffi::OsStrExt;
    let fd = open(dir, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())
        .map_err(|e| Listing::Failed(e.into()))?;
    // Room for hundreds of entries per call; a name is at most 255 bytes.
    let mut buf = Vec::with_capacity(1 << 16);
    let mut entries = RawDir::new(&fd, buf.spare_capacity_mut());
    while let Some(entry) = entries.next() {
        let entry = entry.map_err(|e| Listing::Failed(e.into()))?;
        let name = std::ffi::OsStr::from_bytes(entry.file_name().to_bytes());
        let kind = match entry.file_type() {
            FileType::RegularFile => Ok(Kind::File),
            FileType::Directory => Ok(Kind::Folder),
            FileType::Symlink => Ok(Kind::Link),
            FileType::Unknown if !name.as_bytes().starts_with(b".") => {
                std::fs::symlink_metadata(dir.join(name)).map(|meta| kind_of(meta.file_type()))
            }
            _ => Ok(Kind::Other),
        };
        each(name, kind).map_err(Listing::Stopped)?;
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn read_folder(dir: &Path, each: &mut EachEntry<'_>) -> Result<(), Listing> {
    for entry in std::fs::read_dir(dir).map_err(Listing::Failed)? {
        let entry = entry.map_err(Listing::Failed)?;
        each(&entry.file_name(), entry.file_type().map(kind_of)).map_err(Listing::Stopped)?;
    }
    Ok(())
}

fn kind_of(kind: std::fs::FileType) -> Kind {
    if kind.is_file() {
        Kind::File
    } else if kind.is_dir() {
        Kind::Folder
    } else if kind.is_symlink() {
        Kind::Link
    } else {
        Kind::Other
    }
}

/// A failed step of a folder walk at `path` as one line naming it.
fn walk_failure(path: &Path, io: std::io::Error) -> Error {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match io.kind() {
        std::io::ErrorKind::NotFound if is_link => Error::Usage(format!(
            "{}: a symbolic link that leads nowhere ({io}): remove the link or fix its target",
            path.display()
        )),
        _ if is_link => Error::Usage(format!(
            "{}: a symbolic link to something that cannot be read ({io}): fix its target or its permissions",
            path.display()
        )),
        _ => Error::io(path, io),
    }
}

/// `dir/rest` with `/` separators, as paths are shown to people; `rest` alone when `dir`
/// is the root itself.
fn shown_under(dir: &Path, rest: &str) -> String {
    let dir = dir.to_string_lossy().replace('\\', "/");
    let dir = dir.trim_end_matches('/');
    if dir.is_empty() || dir == "." {
        rest.to_string()
    } else {
        format!("{dir}/{rest}")
    }
}

/// A locale must be a valid BCP 47 language identifier; that also rules out names such
/// as `../../etc` that would point outside `locales/`.
fn is_locale_name(name: &str) -> bool {
    name.parse::<LanguageIdentifier>().is_ok() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Where in `text` a TOML error is, as 1-based line and column.
pub(crate) fn toml_error_position(text: &str, error: &toml::de::Error) -> (usize, usize) {
    match error.span() {
        Some(span) => crate::source::LineIndex::new(text).position(text, span.start),
        None => (1, 1),
    }
}

fn parse_config(path: &Path, text: &str) -> Result<Config, Error> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = toml_error_position(text, &e);
        // TOML messages can span lines; the error is one line.
        let message = crate::error::one_line(e.message(), 200);
        Error::Config { path: path.to_path_buf(), line, column, message }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_refused_at_its_line() {
        let err = parse_config(Path::new("songngu.toml"), "reference = \"en\"\nrefrence = \"vi\"\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("songngu.toml:2:1: unknown field `refrence`"), "{text}");
    }

    #[test]
    fn the_files_tell_the_reference_only_when_they_agree() {
        let none = |_: &str| false;
        // The one file without a lock beside it.
        assert_eq!(reference_from_disk("en", &[("en", true), ("vi", false)], none), "vi");
        assert_eq!(reference_from_disk("en", &[("en", false), ("vi", true)], none), "en");
        // No lock: the one file with ingest's header, among those without a lock.
        assert_eq!(reference_from_disk("en", &[("en", false), ("vi", false)], |l| l == "vi"), "vi");
        let both = |_: &str| true;
        assert_eq!(reference_from_disk("en", &[("en", false), ("vi", false)], both), "en");
        assert_eq!(reference_from_disk("en", &[("en", true), ("vi", false), ("fr", false)], |l| l == "fr"), "fr");
        // Nothing to tell by: the project's reference, as before.
        assert_eq!(reference_from_disk("en", &[("en", false), ("vi", false)], none), "en");
        assert_eq!(reference_from_disk("en", &[("vi", false)], none), "en");
        assert_eq!(reference_from_disk("en", &[("en", true), ("vi", true)], none), "en");
    }

    #[test]
    fn locale_names_cannot_escape_the_locales_folder() {
        assert!(is_locale_name("vi"));
        assert!(is_locale_name("en-US"));
        assert!(!is_locale_name("../../etc"));
        assert!(!is_locale_name("vi/"));
    }
}
