//! Finding a content project on disk: `songngu.toml` or, without one, a `locales/` folder
//! (looked up from the working directory upwards, or given by `--root`), its locales, and
//! the resources each holds.

pub mod announcement;
pub mod bundles;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::SeverityOverride;
use crate::error::Error;

pub const CONFIG_FILE: &str = "songngu.toml";

/// The glossary read when `songngu.toml` names none.
pub const GLOSSARY_FILE: &str = "glossary.tbx";

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
    /// The glossary files (TBX, or CSV), relative to the root; `glossary.tbx` at the
    /// root when it is there and this is not set.
    pub glossary: Option<Vec<PathBuf>>,
    /// Files apps load together, by name: globs over resource paths
    /// (`browser = ["browser/**/*.ftl", "toolkit/**/*.ftl"]`). See [`bundles`].
    pub bundles: BTreeMap<String, Vec<String>>,
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
            glossary: None,
            bundles: BTreeMap::new(),
        }
    }
}

/// The folder songngu keeps its own files in, at the project root: the write lock. It
/// holds a `.gitignore` of `*`, so it never shows in `git status`.
pub const STATE_DIR: &str = ".songngu";

/// Written into the name of every temporary file songngu writes, so that one left behind
/// by a killed run is recognised and removed by the next writer.
pub const TEMP_PREFIX: &str = ".songngu-tmp-";

/// A content project: its root folder and its configuration.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    /// Where the configuration came from; `None` when the defaults apply.
    pub config_path: Option<PathBuf>,
    /// The glossary the `glossary` check holds translations to (empty without one).
    pub glossary: std::sync::Arc<crate::interchange::tbx::Glossary>,
}

impl Project {
    /// The project `start` is in: the nearest folder from `start` upwards with a
    /// `songngu.toml`; when no folder above has one, the nearest with a `locales/` folder
    /// (and the defaults apply). The configuration is looked for first, all the way up, so
    /// that an app's own `locales/` folder inside a configured project (`site/locales/`)
    /// is never taken for a project of its own. Neither found: an error, and nothing is
    /// written anywhere (not even `.songngu/`).
    pub fn discover(start: &Path) -> Result<Project, Error> {
        for dir in start.ancestors() {
            let candidate = dir.join(CONFIG_FILE);
            if candidate.is_file() {
                return Project::load(dir, Some(candidate));
            }
        }
        let locales = Config::default().locales_dir;
        match start.ancestors().find(|dir| dir.join(&locales).is_dir()) {
            Some(dir) => Project::load(dir, None),
            None => Err(no_project(start, true)),
        }
    }

    /// Opens the project rooted at `root` (the `--root` option): its `songngu.toml` if it
    /// has one, the defaults when it has a `locales/` folder, an error when it has
    /// neither (a mistyped `--root` must not check an empty folder and report no problems).
    pub fn open(root: &Path) -> Result<Project, Error> {
        if !root.is_dir() {
            return Err(Error::Usage(format!("{}: no such folder (given with --root)", root.display())));
        }
        let candidate = root.join(CONFIG_FILE);
        if candidate.is_file() {
            return Project::load(root, Some(candidate));
        }
        if root.join(Config::default().locales_dir).is_dir() {
            return Project::load(root, None);
        }
        Err(no_project(root, false))
    }

    fn load(root: &Path, config_path: Option<PathBuf>) -> Result<Project, Error> {
        let config = match &config_path {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
                parse_config(path, crate::text::without_bom(&text))?
            }
            None => Config::default(),
        };
        let mut project = Project { root: root.to_path_buf(), config, config_path, glossary: Default::default() };
        project.validate()?;
        project.glossary = std::sync::Arc::new(project.read_glossary()?);
        Ok(project)
    }

    /// The glossary files `glossary = [...]` names, or `glossary.tbx` at the root.
    fn read_glossary(&self) -> Result<crate::interchange::tbx::Glossary, Error> {
        let files = match &self.config.glossary {
            Some(files) => files.clone(),
            None if self.root.join(GLOSSARY_FILE).is_file() => vec![PathBuf::from(GLOSSARY_FILE)],
            None => return Ok(Default::default()),
        };
        for file in &files {
            if !self.root.join(file).is_file() {
                return Err(
                    self.config_error("glossary", format!("the glossary file {} does not exist", file.display()))
                );
            }
        }
        crate::interchange::tbx::Glossary::read(&self.root, &files, self.glossary_languages())
    }

    /// The two languages of a two-column glossary: the reference, and the first other
    /// locale.
    pub fn glossary_languages(&self) -> (&str, &str) {
        let reference = self.config.reference.as_str();
        let other = self.config.locales.iter().find(|l| **l != self.config.reference).map_or(reference, |l| l.as_str());
        (reference, other)
    }

    fn config_error(&self, key: &str, message: String) -> Error {
        self.config_error_in(None, key, message)
    }

    /// An error about `key`, at its line (inside `[table]` when given).
    fn config_error_in(&self, table: Option<&str>, key: &str, message: String) -> Error {
        match &self.config_path {
            Some(path) => {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                let text = crate::text::without_bom(&text);
                let start =
                    table.and_then(|table| text.lines().position(|l| l.trim() == format!("[{table}]"))).unwrap_or(0);
                let line = text
                    .lines()
                    .enumerate()
                    .skip(start)
                    .find(|(_, l)| l.trim_start().trim_start_matches('"').starts_with(key))
                    .map_or(start + 1, |(i, _)| i + 1);
                Error::Config { path: path.clone(), line, column: 1, message }
            }
            None => Error::Usage(message),
        }
    }

    /// `[bundles]` compiled (checked when the project was opened).
    pub fn bundles(&self) -> Result<bundles::Configured, Error> {
        bundles::Configured::new(&self.config.bundles)
            .map_err(|(name, message)| self.config_error_in(Some("bundles"), &name, message))
    }

    /// Which configured bundles each of `resources` (every resource of the project) is in;
    /// an error for a glob that matches none of them.
    pub fn bundle_membership<S: AsRef<str>>(&self, resources: &[S]) -> Result<bundles::Membership, Error> {
        self.bundles()?
            .membership(resources)
            .map_err(|(name, message)| self.config_error_in(Some("bundles"), &name, message))
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
        self.bundles()?;
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
            match crate::fs::write_atomically(&ignore, text) {
                Err(Error::Io { source, .. }) if is_read_only(&source) => return Ok(None),
                other => other?,
            }
        }
        Ok(Some(dir))
    }

    /// The root with its links resolved: where the project's files really are.
    fn resolved_root(&self) -> PathBuf {
        std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone())
    }

    /// Takes the project's write lock, waiting while another songngu run holds it (see
    /// [`Project::is_being_written`] to tell people so first). Every command that writes
    /// content files takes it first; holding it, it also removes the temporary files a
    /// killed run left behind, since no other run can be writing them.
    pub fn write_lock(&self) -> Result<crate::fs::WriteLock, Error> {
        let path = self.lock_path();
        {
            let mut held = crate::fs::write_lock::HELD.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(count) = held.get_mut(&path) {
                *count += 1;
                return Ok(crate::fs::WriteLock { path, root: self.resolved_root(), file: None });
            }
        }
        let file = self.open_lock_file()?;
        if let Some(file) = &file {
            file.lock().map_err(|e| Error::io(&path, e))?;
        }
        *crate::fs::write_lock::HELD.lock().unwrap_or_else(|e| e.into_inner()).entry(path.clone()).or_default() += 1;
        let lock = crate::fs::WriteLock { path, root: self.resolved_root(), file };
        self.remove_stale_temporaries()?;
        Ok(lock)
    }

    /// Whether another process holds the write lock right now.
    pub fn is_being_written(&self) -> bool {
        if crate::fs::write_lock::HELD.lock().unwrap_or_else(|e| e.into_inner()).contains_key(&self.lock_path()) {
            return false;
        }
        let Ok(file) = std::fs::File::open(self.lock_path()) else { return false };
        matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    }

    /// Temporary files of [`crate::fs::write_atomically`] under `locales/` that a killed
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
        let lang = crate::project::announcement::read_lang(&path, &display)?;
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
                path.is_file().then(|| (locale.as_str(), crate::records::lockfile::path_for(&path).is_file()))
            })
            .collect();
        let ingested = |locale: &str| {
            read_head(&self.file_path(locale, resource))
                .is_ok_and(|head| crate::commands::ingest::carries_header(&head))
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
        crate::fs::walk::walk(&dir, &[".ftl", ".ftl.lock"], &mut |_, prefix, name| {
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
    pub fn load_file(&self, locale: &str, resource: &str) -> Result<crate::ftl::file::SourceFile, Error> {
        let path = self.file_path(locale, resource);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        Ok(crate::ftl::file::SourceFile::from_bytes(locale, resource, self.display_path(locale, resource), bytes))
    }
}

/// Why `dir` is not a project (`upwards`: nor any folder above it), as one line that tells
/// a newcomer what makes one; a folder that already has announcements (`source/`) is told
/// how to become one.
fn no_project(dir: &Path, upwards: bool) -> Error {
    let place = if upwards { format!("{} or any folder above it", dir.display()) } else { dir.display().to_string() };
    let next = if dir.join(Config::default().source_dir).is_dir() {
        "to make this folder one, create an empty songngu.toml in it"
    } else if upwards {
        "run songngu inside one, or name one with --root DIR"
    } else {
        "give --root a project folder"
    };
    Error::Usage(format!(
        "no songngu project in {place} (a project is a folder with a songngu.toml or a locales/ folder): {next}"
    ))
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
/// [`crate::commands::ingest::carries_header`]), without reading a whole resource.
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
        Some(span) => crate::ftl::file::LineIndex::new(text).position(text, span.start),
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
