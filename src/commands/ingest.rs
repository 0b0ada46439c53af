//! `ingest`: announcements in `source/` become their reference resources, with message ids
//! that stay put across edits.
//!
//! An announcement gives a message for its title (`<slug>-title`), its date
//! (`<slug>-date`), each paragraph (`<slug>-p<N>`) and each heading (`<slug>-h<N>`).
//! Re-ingesting an edited announcement aligns the old paragraphs with the new ones
//! (`similar`): an unchanged or modified paragraph keeps its id, so its translations show
//! as up to date or drifted; an inserted one gets a number never used before in any
//! locale or record; a deleted one's message goes, so its translations show as obsolete.
//! Nothing is renumbered. Entries and comments a person added to the resource stay where
//! they are, and a file is written only when its text changes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use similar::{Algorithm, DiffOp};

use crate::error::Error;
use crate::ftl::doc::{Doc, Item};
use crate::ftl::file::SourceFile;
use crate::ftl::fingerprint;
use crate::ftl::model::FileModel;
use crate::project::announcement::{Announcement, Block, BlockKind};
use crate::project::Project;
use crate::records::lockfile::{self, Lock};

/// How the header `ingest` writes at the top of every reference file it creates starts
/// (``### Written by `songngu ingest` from source/news.md: …``). It marks the file as made
/// from an announcement, in the language the announcement is written in: `sync` never
/// copies it into a translation. `check` reads it when the announcement is gone.
pub const HEADER: &str = "### Written by `songngu ingest` from ";

/// Whether a resource's text carries [`HEADER`] among the comment lines that open it
/// (before its first entry; a person may have put lines of their own above it).
pub fn carries_header(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for line in text.lines() {
        if line.starts_with(HEADER) {
            return true;
        }
        if !(line.trim().is_empty() || line.starts_with('#')) {
            return false;
        }
    }
    false
}

/// Two paragraphs at the same place are taken for one edited paragraph when at least this
/// share of their words is common; below it, one was deleted and another inserted.
pub const SAME_PARAGRAPH: f32 = 0.5;

/// What `ingest` did to one resource.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestedResource {
    /// The announcement, as shown to people (`source/news.md`).
    pub source: String,
    /// The reference resource it went to (`locales/en/news.ftl`).
    pub file: String,
    pub locale: String,
    pub created: bool,
    /// Whether the file was written (its text changed).
    pub written: bool,
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// Ids whose paragraph moved, unchanged, to another place.
    pub moved: Vec<String>,
    /// The announcement's `lang`, as its front matter says it (`None` without one).
    pub lang: Option<String>,
    /// The locale the announcement's text reads as, when it is not `locale`: a Vietnamese
    /// text without `lang = "vi"` (taken as the project's reference), or an English one
    /// with it. The resource was ingested as the announcement says; the editor should fix
    /// `lang` and ingest again. See [`reads_as`].
    pub reads_as: Option<String>,
    /// Set when the announcement's `lang` now names `locale`, while its resource was held
    /// as reference in another locale's file and no translation of it was accepted yet:
    /// the resource moved to `locale`'s folder, with its ids.
    pub switched: Option<Switched>,
}

/// How a resource moved when its announcement's `lang` changed before any translation of
/// it was accepted. Its reference file keeps every id it had (not a new set numbered
/// after the old, which left every translation obsolete), and no file is left holding
/// half one language and half the other: the two files trade places.
/// - The previous reference file (`locales/en/news.ftl`, with the Vietnamese text, its
///   comments and any entries added by hand) becomes the new reference file
///   (`locales/vi/news.ftl`), updated from the announcement as for an edit.
/// - The file that was in its place, a translation nobody accepted (often the copies
///   `sync` made, in the text's own language), becomes the translation in the previous
///   reference's place, with `sync`'s TODO notes pointing the new way. Without one, that
///   place is left empty: `sync` starts the translation from the new reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switched {
    /// The locale that held the resource as its reference until now (`en`).
    pub from: String,
    /// Its file there (`locales/en/news.ftl`), now the new reference file.
    pub previous: String,
    /// The unaccepted translation that was in the new reference's place
    /// (`locales/vi/news.ftl`), now at `previous`; `None` when there was none, and
    /// `previous` was removed.
    pub translation: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    pub resources: Vec<IngestedResource>,
}

/// Ingests the given announcement files, or every `.md` file under `source/` when `files`
/// is empty. Every announcement is read before any file is written, so one broken
/// announcement stops the run with nothing changed.
pub fn ingest(project: &Project, files: &[PathBuf]) -> Result<IngestReport, Error> {
    ingest_with_progress(project, files, &crate::Progress::default())
}

/// [`ingest`], telling `progress` how far it is, announcement by announcement.
pub fn ingest_with_progress(
    project: &Project,
    files: &[PathBuf],
    progress: &crate::Progress,
) -> Result<IngestReport, Error> {
    let writing = project.write_lock()?;
    let sources = if files.is_empty() { all_sources(project)? } else { named_sources(project, files)? };
    let mut planned = Vec::new();
    for (path, resource) in &sources {
        // Named files are shown as they were given; the others under `source/`.
        let display =
            if files.is_empty() { project.display_source(resource) } else { path.to_string_lossy().replace('\\', "/") };
        let announcement = Announcement::read(path, &display)?;
        let locale = project.locale_of_lang(announcement.lang.clone(), path, &display)?;
        planned.push((announcement, resource.clone(), locale, display));
    }
    let mut slugs: BTreeMap<&str, &str> = BTreeMap::new();
    for (announcement, _, _, display) in &planned {
        if let Some(other) = slugs.insert(&announcement.slug, display) {
            return Err(Error::Usage(format!(
                "{other} and {display} would both make the ids `{}-…`: rename one of them",
                announcement.slug
            )));
        }
    }
    let mut terms_by_locale: BTreeMap<String, Terms> = BTreeMap::new();
    let mut report = IngestReport::default();
    let mut writes = Vec::new();
    let total = planned.len();
    for (done, (announcement, resource, locale, display)) in planned.into_iter().enumerate() {
        progress.report(done + 1, total);
        if !terms_by_locale.contains_key(&locale) {
            terms_by_locale.insert(locale.clone(), Terms::of_locale(project, &locale)?);
        }
        let terms = &terms_by_locale[&locale];
        // A change of `lang` moves the resource when nothing stands against it (see
        // [`Switched`]); otherwise, and when the previous reference does not read as this
        // announcement after all, the file in `locale` is updated as always.
        let switched = match previous_reference(project, &resource, &locale)? {
            Some(previous) => ingest_one(project, &announcement, &resource, &locale, terms, Some(previous))?,
            None => None,
        };
        let (outcome, planned_writes) = match switched {
            Some(done) => done,
            None => ingest_one(project, &announcement, &resource, &locale, terms, None)?
                .expect("ingesting in place is never given up"),
        };
        let outcome = IngestedResource {
            source: display,
            lang: announcement.lang.clone(),
            reads_as: reads_as(project, &announcement, &locale),
            ..outcome
        };
        writes.extend(planned_writes);
        report.resources.push(outcome);
    }
    // Each resource's new reference before the file it leaves: a run stopped in between
    // leaves two files with ingest's header, which the next ingest takes for no change
    // of place, and updates in place with the same ids.
    for write in writes {
        match write {
            Write::Text(path, bytes) => writing.write(&path, &bytes)?,
            Write::Remove(path) => std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?,
        }
    }
    Ok(report)
}

/// A file ingest writes or removes.
enum Write {
    Text(PathBuf, Vec<u8>),
    Remove(PathBuf),
}

/// The previous reference file of a resource whose announcement's `lang` now names
/// `locale`: the file another locale holds it in as its reference, read, when the
/// resource may move (see [`Switched`]); `None` when it is where `lang` says, or may not
/// move.
struct Previous {
    file: SourceFile,
    /// Whether the file was only taken for the reference because it is the resource's
    /// only file (it lacks ingest's header): then it might be a translation written by
    /// hand, and it moves only if every entry ingest made in it still reads as the
    /// announcement, so nobody's words are overwritten.
    strict: bool,
}

/// Finds the file that holds a resource as its reference in another locale than
/// `locale`, when it may move there (see [`Switched`]):
/// - no file of the resource has a lock beside it: once a translation was accepted, the
///   change of `lang` is refused as it always was (see `ingest_one`), since moving the
///   files would turn the accepted work into the reference or discard it;
/// - the previous reference is known from the files: the only one that carries ingest's
///   header (which `sync` never copies into a translation), or, with no header anywhere,
///   the resource's only file while `locale` has none.
fn previous_reference(project: &Project, resource: &str, locale: &str) -> Result<Option<Previous>, Error> {
    // (locale, whether its file carries the header) for each file of the resource: only
    // the first lines of each are read, and the one that moves in full.
    let mut files = Vec::new();
    for other in &project.config.locales {
        let path = project.file_path(other, resource);
        if lockfile::path_for(&path).is_file() {
            return Ok(None);
        }
        if path.is_file() {
            let head = crate::project::read_head(&path).map_err(|e| Error::io(&path, e))?;
            files.push((other, carries_header(&head)));
        }
    }
    let mut marked = files.iter().filter(|(_, marked)| *marked);
    let (from, strict) = match (marked.next(), marked.next()) {
        (Some((from, _)), None) => (*from, false),
        (None, _) if files.len() == 1 => (files[0].0, true),
        _ => return Ok(None),
    };
    if from == locale {
        return Ok(None);
    }
    Ok(Some(Previous { file: project.load_file(from, resource)?, strict }))
}

/// `(announcement file, resource)` for every `.md` under `source/`.
fn all_sources(project: &Project) -> Result<Vec<(PathBuf, String)>, Error> {
    let dir = project.source_dir();
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{}: no such folder; announcements go there as Markdown files (see the README)",
            project.config.source_dir.display()
        )));
    }
    let mut found = Vec::new();
    for path in crate::fs::walk::files_under(&dir, ".md")? {
        let resource = resource_of(&dir, &path).expect("the walk stays under source/");
        found.push((path, resource));
    }
    Ok(found)
}

fn named_sources(project: &Project, files: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, Error> {
    let dir = project.source_dir();
    let dir = dir.canonicalize().unwrap_or(dir);
    files
        .iter()
        .map(|file| {
            if !file.is_file() {
                return Err(Error::Usage(format!("{}: no such announcement file", file.display())));
            }
            let absolute = file.canonicalize().map_err(|e| Error::io(file, e))?;
            // Only announcements in `source/` are known to `check` (their `lang` decides
            // which language is the reference), so only those are ingested.
            let resource = resource_of(&dir, &absolute).ok_or_else(|| {
                Error::Usage(format!(
                    "{}: announcements are ingested from {}; move it there first",
                    file.display(),
                    project.config.source_dir.display()
                ))
            })?;
            Ok((file.clone(), resource))
        })
        .collect()
}

/// `source/news/a.md` → `news/a.ftl`.
fn resource_of(source_dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(source_dir).ok()?;
    let parts: Vec<_> =
        rel.with_extension("ftl").components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    Some(parts.join("/"))
}

/// What ingest found and would write for one announcement: the report and the files to
/// write (none when nothing changes). With `previous`, the resource moves from that file
/// to `locale` (see [`Switched`]); `None` when it turns out it may not (the file does not
/// read as this announcement).
fn ingest_one(
    project: &Project,
    announcement: &Announcement,
    resource: &str,
    locale: &str,
    terms: &Terms,
    previous: Option<Previous>,
) -> Result<Option<(IngestedResource, Vec<Write>)>, Error> {
    let slug = &announcement.slug;
    let path = project.file_path(locale, resource);
    let strict = previous.as_ref().is_some_and(|p| p.strict);
    // The file updated: the reference in `locale`, or the previous reference that moves
    // there (read from where it is; it keeps its own locale, so that `next_numbers`
    // reads the file now in `locale`'s place from disk, with every number it used).
    let file = match previous {
        Some(previous) => Some(previous.file),
        None if path.is_file() => Some(project.load_file(locale, resource)?),
        None => None,
    };
    let moving = file.as_ref().is_some_and(|f| *f.locale != *locale);
    let exists = file.is_some();
    let parsed = match &file {
        None => None,
        Some(f) => {
            let parsed = f.parse_to_rewrite().map_err(|why| Error::Usage(format!("{}: {why}", f.display)))?;
            let n = parsed.errors.len();
            if n > 0 {
                return Err(Error::Usage(format!(
                    "{}: {n} syntax error{} to fix first, so ingest does not guess around them (see `songngu check`)",
                    f.display,
                    if n == 1 { "" } else { "s" }
                )));
            }
            Some(Ok(parsed))
        }
    };
    let model = file.as_ref().map(|f| FileModel::new(f, &parsed));
    // A resource written by hand that happens to have the announcement's name (`shared.md`
    // beside the terms in `shared.ftl`): ingesting would mix the announcement into it, and
    // take its terms away from every other announcement.
    if let (Some(model), Some(f)) = (&model, &file) {
        let prefix = format!("{slug}-");
        if model.key_count() > 0 && !model.firsts().any(|(key, _)| key.starts_with(&prefix)) {
            return Err(Error::Usage(format!(
                "{}: {} already holds entries written by hand (none is named `{prefix}…`): rename the announcement",
                project.display_source(resource),
                f.display
            )));
        }
    }
    let mut doc = match file.as_ref().zip(parsed.as_ref()) {
        Some((f, Ok(p))) => Doc::new(f, p),
        _ => Doc::empty(),
    };

    // Entries ingest made earlier, in file order, with their canonical values.
    let managed: Vec<Managed> = model
        .iter()
        .flat_map(|m| &m.entries)
        .filter_map(|entry| {
            let key = entry.key();
            let (kind, _) = managed_id(slug, &key)?;
            Some(Managed { value: fingerprint::body(&entry.canonical()).to_string(), key, kind })
        })
        .collect();

    let language = crate::text::language(locale);
    // (id, value) of every message, in the announcement's order.
    let mut wanted: Vec<(String, Value)> =
        vec![(format!("{slug}-title"), Value::new(terms.pattern(&announcement.title)))];
    if let Some(date) = announcement.date {
        wanted.push((format!("{slug}-date"), Value::new(escape(&date.display(language)))));
    }

    // Align the body.
    let old_body: Vec<&Managed> = managed.iter().filter(|m| m.kind.is_some()).collect();
    let new_values: Vec<Value> = announcement.blocks.iter().map(|b| Value::new(terms.pattern(&b.text))).collect();
    let assigned = align(&old_body, &announcement.blocks, &new_values);
    if moving && !reads_as_announcement(&managed, &old_body, &assigned, slug, &wanted[0].1, strict) {
        return Ok(None);
    }
    let mut next = next_numbers(project, resource, slug, file.as_ref().zip(model.as_ref()))?;
    for ((block, value), assigned) in announcement.blocks.iter().zip(new_values).zip(assigned) {
        let key = match assigned {
            Some(old) => old_body[old].key.clone(),
            None => {
                let n = next.entry(block.kind).or_insert(1);
                let key = format!("{slug}-{}{}", block.kind.letter(), n);
                *n += 1;
                key
            }
        };
        wanted.push((key, value));
    }

    let mut outcome = IngestedResource {
        file: project.display_path(locale, resource),
        locale: locale.to_string(),
        created: !exists,
        ..Default::default()
    };
    let wanted_keys: BTreeSet<&str> = wanted.iter().map(|w| w.0.as_str()).collect();

    // Remove managed entries that are gone.
    for m in &managed {
        if !wanted_keys.contains(m.key.as_str()) {
            if let Some(at) = doc.position(&m.key) {
                doc.remove_entry(at);
                outcome.removed.push(m.key.clone());
            }
        }
    }
    // Update and insert in announcement order.
    let mut previous: Option<String> = None;
    let mut old_values: BTreeMap<&str, &str> = BTreeMap::new();
    for m in &managed {
        // The first definition of an id is the one that counts, as in Fluent runtimes.
        old_values.entry(&m.key).or_insert(&m.value);
    }
    for (key, value) in &wanted {
        let key = key.as_str();
        let body = format!("{key} = {}\n", value.source);
        match doc.position(key) {
            Some(at) => {
                if old_values.get(key) != Some(&value.canonical.as_str()) {
                    let rest = attributes_of(&doc.items[at].body);
                    doc.replace_body(at, format!("{body}{rest}"));
                    outcome.changed.push(key.to_string());
                }
            }
            None => {
                let at = match previous.as_deref().and_then(|p| doc.position(p)) {
                    Some(p) => p + 1,
                    // The first of the announcement goes before every entry it manages.
                    None => wanted.iter().filter_map(|w| doc.position(&w.0)).min().unwrap_or(doc.items.len()),
                };
                doc.insert(at, Item::entry(key, "", &body));
                outcome.added.push(key.to_string());
            }
        }
        previous = Some(key.to_string());
    }
    // Paragraphs that moved move in the file too, through the places the announcement's
    // entries hold; entries added by hand keep theirs.
    let slots: Vec<usize> = wanted.iter().filter_map(|(key, _)| doc.position(key)).collect();
    let mut sorted = slots.clone();
    sorted.sort_unstable();
    if sorted != slots {
        let items: Vec<Item> = slots.iter().map(|&at| doc.items[at].clone()).collect();
        for (at, item) in sorted.iter().zip(items) {
            if doc.items[*at].key != item.key {
                outcome.moved.push(item.key.clone().unwrap_or_default());
            }
            doc.put(*at, item);
        }
    }

    let lock_path = lockfile::path_for(&path);
    if lock_path.is_file() && !(outcome.changed.is_empty() && outcome.removed.is_empty()) {
        return Err(Error::Usage(format!(
            "{}: this file is a translation (it has translation records in {}), and ingest would replace or remove {} of its entries: \
             if {} is now written in {locale}, make its text match the translation, or delete the records to let ingest overwrite it",
            outcome.file,
            lock_path.file_name().unwrap_or_default().to_string_lossy(),
            outcome.changed.len() + outcome.removed.len(),
            project.display_source(resource),
        )));
    }
    let text = doc.render();
    let text = if exists {
        text
    } else {
        format!(
            "{HEADER}{}: edit the announcement there, then ingest again.\n\n{text}",
            project.display_source(resource)
        )
    };
    let before = file.as_ref().map(|f| f.text.as_str());
    let changed = before != Some(text.as_str());
    let text = if file.as_ref().is_some_and(|f| f.bom) { format!("\u{feff}{text}") } else { text };
    let Some(from) = file.as_ref().map(|f| f.locale.to_string()).filter(|_| moving) else {
        outcome.written = changed;
        let writes = if changed { vec![Write::Text(path, text.into_bytes())] } else { Vec::new() };
        return Ok(Some((outcome, writes)));
    };
    // The move (see [`Switched`]): the new reference in `locale`, then, in the place it
    // leaves, the translation that was in `locale` (or nothing).
    let left = project.file_path(&from, resource);
    let translation = match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(&path, e)),
    };
    let mut writes = vec![Write::Text(path, text.into_bytes())];
    outcome.switched = Some(Switched {
        previous: project.display_path(&from, resource),
        translation: translation.is_some().then(|| outcome.file.clone()),
        from: from.clone(),
    });
    writes.push(match translation {
        Some(bytes) => Write::Text(left, retarget_todo_notes(bytes, &from, locale)),
        None => Write::Remove(left),
    });
    outcome.written = true;
    Ok(Some((outcome, writes)))
}

/// Whether the previous reference file of a resource that would move (see [`Switched`])
/// still reads as the announcement: it must be the same text, only its `lang` changed (or
/// edited as an edit would be), never another language's. The entries ingest made in
/// it are paired with the announcement's parts as for an edit (`assigned`, and its title
/// by shared words), so a translation in another language pairs with nothing. Half of the
/// announcement's parts paired is enough for a file carrying ingest's header; a file
/// taken for the reference only because it is the only one (`strict`) must pair every
/// entry, so a translation written by hand never has its words replaced.
fn reads_as_announcement(
    managed: &[Managed],
    old_body: &[&Managed],
    assigned: &[Option<usize>],
    slug: &str,
    title: &Value,
    strict: bool,
) -> bool {
    let title_key = format!("{slug}-title");
    let old_title = managed.iter().find(|m| m.key == title_key);
    let title_read = old_title.is_some_and(|m| {
        similar::TextDiff::from_words(m.value.as_str(), title.canonical.as_str()).ratio() >= SAME_PARAGRAPH
    });
    let paired = assigned.iter().flatten().count();
    let read = paired + usize::from(title_read);
    if strict {
        read > 0 && paired == old_body.len() && (old_title.is_none() || title_read)
    } else {
        // Of the title and every paragraph and heading: `read * 2 >= parts`.
        read > 0 && read * 2 > assigned.len()
    }
}

/// `sync`'s note above each copy names the language to translate from and the one to
/// accept; once a resource moved (see [`Switched`]) they are the other way round.
fn retarget_todo_notes(bytes: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    let mark = crate::commands::sync::TODO_MARK;
    match String::from_utf8(bytes) {
        Ok(text) => text
            .replace(
                &format!("# TODO: translate from {from} {mark}, then run `songngu accept {to}`."),
                &format!("# TODO: translate from {to} {mark}, then run `songngu accept {from}`."),
            )
            .into_bytes(),
        // Not text: moved as it is (`check` says what is wrong with it).
        Err(e) => e.into_bytes(),
    }
}

/// The locale an announcement's text reads as, when the project has it and it is not
/// `locale` (the one its `lang` names, or the project's reference without one): a
/// Vietnamese text ingested without `lang = "vi"`, or an English one with it.
///
/// Only Vietnamese is told from other languages (by its letters: ă â đ ê ô ơ ư and the
/// tone marks), so the answer is the project's Vietnamese locale, or for a text marked
/// Vietnamese that does not read as it, the project's reference (or its first other
/// locale). The text is judged as a whole: each part (the title, each heading and
/// paragraph) of three words or more is taken as Vietnamese when most of its words are,
/// as another language when fewer than one in five are, and the text as what most of
/// those parts are. A Vietnamese name or quote, or a short heading, in an English
/// announcement never makes it Vietnamese; nor do English names in a Vietnamese one make
/// it English.
pub fn reads_as(project: &Project, announcement: &Announcement, locale: &str) -> Option<String> {
    use crate::text::{language, vietnamese_share};
    let locales = &project.config.locales;
    let vietnamese_locale = locales.iter().find(|l| language(l) == "vi")?;
    let parts = std::iter::once(announcement.title.as_str()).chain(announcement.blocks.iter().map(|b| b.text.as_str()));
    let (mut judged, mut vietnamese, mut other) = (0, 0, 0);
    for text in parts {
        let (marked, words) = vietnamese_share(text);
        if words < 3 {
            continue;
        }
        judged += 1;
        if marked * 2 > words {
            vietnamese += 1;
        } else if marked * 5 < words {
            other += 1;
        }
    }
    if language(locale) != "vi" {
        return (vietnamese * 2 > judged).then(|| vietnamese_locale.clone());
    }
    let reference = &project.config.reference;
    let other_locale =
        if language(reference) != "vi" { Some(reference) } else { locales.iter().find(|l| language(l) != "vi") };
    other_locale.filter(|_| other * 2 > judged).cloned()
}

/// An entry ingest manages, found in the resource.
struct Managed {
    key: String,
    /// `None` for the title and the date; the block kind otherwise.
    kind: Option<BlockKind>,
    /// Its value, canonical.
    value: String,
}

/// A value ingest writes: its Fluent source and, to compare it with what the file has,
/// its canonical form.
struct Value {
    source: String,
    canonical: String,
}

impl Value {
    /// The canonical form is how `fluent_syntax` serializes `x = <source>`, so values
    /// compare the same however they are spaced.
    fn new(source: String) -> Value {
        let text = format!("x = {source}\n");
        let file = SourceFile::from_bytes("", "", String::new(), text.into_bytes());
        let parsed = file.parse();
        let model = FileModel::new(&file, &parsed);
        let canonical =
            model.entries.first().map(|e| fingerprint::body(&e.canonical()).to_string()).unwrap_or_default();
        Value { source, canonical }
    }
}

/// `signing-p3` → paragraph 3, `signing-title` → title. Other ids are not ingest's.
pub(crate) fn managed_id(slug: &str, key: &str) -> Option<(Option<BlockKind>, u32)> {
    let rest = key.strip_prefix(slug)?.strip_prefix('-')?;
    if rest == "title" || rest == "date" {
        return Some((None, 0));
    }
    let kind = match rest.chars().next()? {
        'p' => BlockKind::Paragraph,
        'h' => BlockKind::Heading,
        _ => return None,
    };
    let digits = &rest[1..];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
        return None;
    }
    digits.parse().ok().map(|n| (Some(kind), n))
}

/// The next free number for each kind: above every number this resource's ids have used
/// in any locale's file or translation record, so a new paragraph never takes the id
/// (and the old translations) of one that was deleted.
///
/// `own` is the resource's file in its reference locale, already read.
fn next_numbers(
    project: &Project,
    resource: &str,
    slug: &str,
    own: Option<(&SourceFile, &FileModel<'_>)>,
) -> Result<BTreeMap<BlockKind, u32>, Error> {
    fn keys_of(file: &SourceFile, model: &FileModel<'_>, keys: &mut Vec<String>) {
        keys.extend(model.keys().map(str::to_string));
        keys.extend(model.unreadable_keys().map(str::to_string));
        // Entries `sync --prune` commented out (`# news-p4 = …`) keep their number too.
        let commented = file.text.lines().filter_map(|l| l.strip_prefix("# ")?.split_once(" =").map(|(k, _)| k));
        keys.extend(commented.map(str::to_string));
    }
    let mut keys: Vec<String> = Vec::new();
    if let Some((file, model)) = own {
        keys_of(file, model, &mut keys);
    }
    for locale in &project.config.locales {
        let path = project.file_path(locale, resource);
        let is_own = own.is_some_and(|(f, _)| *f.locale == **locale);
        if path.is_file() && !is_own {
            let file = project.load_file(locale, resource)?;
            let parsed = file.parse();
            keys_of(&file, &FileModel::new(&file, &parsed), &mut keys);
        }
        let lock_path = lockfile::path_for(&path);
        if lock_path.is_file() {
            keys.extend(Lock::read(&lock_path)?.entries.into_keys());
        }
    }
    let mut next: BTreeMap<BlockKind, u32> = BTreeMap::new();
    for key in keys {
        if let Some((Some(kind), n)) = managed_id(slug, &key) {
            let slot = next.entry(kind).or_insert(1);
            *slot = (*slot).max(n.saturating_add(1));
        }
    }
    Ok(next)
}

/// For each new block, the old body entry it continues, if any.
fn align(old: &[&Managed], blocks: &[Block], new_values: &[Value]) -> Vec<Option<usize>> {
    let old_keys: Vec<(BlockKind, &str)> =
        old.iter().map(|m| (m.kind.expect("body entries have a kind"), m.value.as_str())).collect();
    let new_keys: Vec<(BlockKind, &str)> =
        blocks.iter().zip(new_values).map(|(b, v)| (b.kind, v.canonical.as_str())).collect();
    let mut assigned = vec![None; blocks.len()];
    let ops = similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    // Runs of deletions and insertions between equal stretches are edited regions.
    let mut regions: Vec<(Vec<usize>, Vec<usize>)> = vec![(Vec::new(), Vec::new())];
    for op in ops {
        let region = regions.last_mut().expect("there is always a current region");
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                for k in 0..len {
                    assigned[new_index + k] = Some(old_index + k);
                }
                regions.push((Vec::new(), Vec::new()));
            }
            DiffOp::Delete { old_index, old_len, .. } => region.0.extend(old_index..old_index + old_len),
            DiffOp::Insert { new_index, new_len, .. } => region.1.extend(new_index..new_index + new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                region.0.extend(old_index..old_index + old_len);
                region.1.extend(new_index..new_index + new_len);
            }
        }
    }
    // A block that moved unchanged keeps its id, wherever it went.
    let mut unused: BTreeMap<(BlockKind, &str), Vec<usize>> = BTreeMap::new();
    for (olds, _) in &regions {
        for &o in olds.iter().rev() {
            unused.entry(old_keys[o]).or_default().push(o);
        }
    }
    let mut moved = BTreeSet::new();
    for (_, news) in &regions {
        for &n in news {
            if let Some(o) = unused.get_mut(&new_keys[n]).and_then(Vec::pop) {
                assigned[n] = Some(o);
                moved.insert(o);
            }
        }
    }
    // What is left in each region was edited, inserted or deleted.
    for (olds, news) in &mut regions {
        olds.retain(|o| !moved.contains(o));
        news.retain(|&n| assigned[n].is_none());
        for (o, n) in pair_edits(olds, news, &old_keys, &new_keys) {
            assigned[n] = Some(o);
        }
    }
    assigned
}

/// Pairs deleted with inserted blocks of one edited region, keeping their order, so that
/// the pairs share as many words as possible; a pair needs the same kind and at least
/// [`SAME_PARAGRAPH`] similarity. A small dynamic program, as in a sequence alignment.
fn pair_edits(
    olds: &[usize],
    news: &[usize],
    old_keys: &[(BlockKind, &str)],
    new_keys: &[(BlockKind, &str)],
) -> Vec<(usize, usize)> {
    let (n, m) = (olds.len(), news.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let score = |i: usize, j: usize| -> Option<f32> {
        let (ok, ot) = old_keys[olds[i]];
        let (nk, nt) = new_keys[news[j]];
        if ok != nk {
            return None;
        }
        let ratio = similar::TextDiff::from_words(ot, nt).ratio();
        (ratio >= SAME_PARAGRAPH).then_some(ratio)
    };
    // A rewrite of a whole long announcement: compare each block with the one at its own
    // place only, rather than every pair.
    if n * m > 10_000 {
        return (0..n.min(m)).filter(|&k| score(k, k).is_some()).map(|k| (olds[k], news[k])).collect();
    }
    // best[i][j]: best total for olds[i..] and news[j..].
    let mut best = vec![vec![0f32; m + 1]; n + 1];
    let mut scores = vec![vec![None; m]; n];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            scores[i][j] = score(i, j);
            let mut b = best[i + 1][j].max(best[i][j + 1]);
            if let Some(s) = scores[i][j] {
                b = b.max(s + best[i + 1][j + 1]);
            }
            best[i][j] = b;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        match scores[i][j] {
            Some(s) if (best[i][j] - (s + best[i + 1][j + 1])).abs() < f32::EPSILON => {
                pairs.push((olds[i], news[j]));
                i += 1;
                j += 1;
            }
            _ if best[i][j] == best[i + 1][j] => i += 1,
            _ => j += 1,
        }
    }
    pairs
}

/// The attribute lines of an entry's text (`    .alt = …`), kept when ingest rewrites
/// its value.
fn attributes_of(body: &str) -> String {
    let mut at = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if offset > 0 && line.trim_start().starts_with('.') && line.starts_with([' ', '\t']) {
            at = Some(offset);
            break;
        }
        offset += line.len();
    }
    at.map(|i| body[i..].to_string()).unwrap_or_default()
}

/// Fluent source for a literal text: `{` and `}` become string literals, as do leading
/// and trailing spaces (which Fluent trims) and line breaks. Formatting the result gives
/// back `text` exactly. Written in the serializer's own style (`{ "{" }`), so `fmt`
/// leaves ingested files as they are.
pub fn escape(text: &str) -> String {
    if text.is_empty() {
        return literal("");
    }
    let escaped = escape_part(text, true, true);
    if placeables(&escaped) > MAX_PLACEABLES {
        // Too many braces for a runtime to format: the whole text as one literal.
        return literal(text);
    }
    escaped
}

/// Fluent runtimes refuse to format a message with more than 100 placeables
/// (`fluent-bundle`'s `TooManyPlaceables`); ingest stays well below.
const MAX_PLACEABLES: usize = 50;

/// How many placeables a pattern written by this module has.
fn placeables(pattern: &str) -> usize {
    pattern.matches("{ ").count()
}

/// A Fluent string literal placeable holding `text`.
fn literal(text: &str) -> String {
    let mut out = String::from("{ \"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c == '\n' || c == '\r' || c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\" }");
    out
}

/// The terms a locale's shared resources define, for turning their names in a text into
/// references: with `-un = United Nations` in `shared.ftl`, "the United Nations
/// Secretariat" becomes `the { -un } Secretariat`, so a name is translated once and
/// written one way everywhere.
#[derive(Debug, Default)]
pub struct Terms {
    /// (value, key), longest value first.
    values: Vec<(String, String)>,
}

impl Terms {
    /// Plain-text terms of the locale's resources that are not announcements themselves.
    pub fn of_locale(project: &Project, locale: &str) -> Result<Terms, Error> {
        let mut values = Vec::new();
        for resource in project.resources_of(locale)? {
            if project.announcement_path(&resource).is_file() {
                continue;
            }
            let file = project.load_file(locale, &resource)?;
            let parsed = file.parse();
            let model = FileModel::new(&file, &parsed);
            for entry in model.entries.iter().filter(|e| e.is_term) {
                if let Some(text) = entry.value.and_then(plain_text) {
                    if !text.trim().is_empty() && text.trim() == text {
                        values.push((text, entry.key()));
                    }
                }
            }
        }
        Ok(Terms::new(values))
    }

    pub fn new(mut values: Vec<(String, String)>) -> Terms {
        values.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.1.cmp(&b.1)));
        values.dedup_by(|a, b| a.0 == b.0);
        Terms { values }
    }

    /// The Fluent pattern for `text`: escaped, with whole-word term values replaced by
    /// references to the terms (the longest match first).
    ///
    /// Written by hand rather than with `aho-corasick`: a match must also sit on word
    /// boundaries, and a rejected long match must let a shorter one through.
    pub fn pattern(&self, text: &str) -> String {
        if self.values.is_empty() {
            return escape(text);
        }
        let mut out = String::new();
        let mut plain_start = 0;
        let mut i = 0;
        let boundary_before = |i: usize| text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        while i < text.len() {
            if boundary_before(i) {
                let found = self.values.iter().find(|(value, _)| {
                    text[i..].starts_with(value.as_str())
                        && text[i + value.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                });
                if let Some((value, key)) = found {
                    out.push_str(&escape_part(&text[plain_start..i], plain_start == 0, false));
                    out.push_str(&format!("{{ {key} }}"));
                    i += value.len();
                    plain_start = i;
                    continue;
                }
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        if plain_start == 0 {
            return escape(text);
        }
        out.push_str(&escape_part(&text[plain_start..], false, true));
        if placeables(&out) > MAX_PLACEABLES {
            return escape(text);
        }
        out
    }
}

/// Escapes a piece of text between term references: leading spaces matter only at the
/// very start of the pattern, trailing ones only at its very end.
fn escape_part(text: &str, at_start: bool, at_end: bool) -> String {
    if text.is_empty() {
        return String::new();
    }
    let lead = if at_start { text.len() - text.trim_start().len() } else { 0 };
    let trail = if at_end { text.len() - text.trim_end().len() } else { 0 };
    if lead + trail >= text.len() {
        return literal(text);
    }
    let mut out = String::new();
    if lead > 0 {
        out.push_str(&literal(&text[..lead]));
    }
    for c in text[lead..text.len() - trail].chars() {
        match c {
            '{' | '}' | '\n' | '\r' => out.push_str(&literal(&c.to_string())),
            c => out.push(c),
        }
    }
    if trail > 0 {
        out.push_str(&literal(&text[text.len() - trail..]));
    }
    out
}

/// The text of a pattern made of text only.
fn plain_text(pattern: &crate::ftl::model::Pattern<'_>) -> Option<String> {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            fluent_syntax::ast::PatternElement::TextElement { value } => out.push_str(value),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_word_term_names_become_references() {
        let terms = Terms::new(vec![
            ("United Nations".into(), "-un".into()),
            ("UN".into(), "-un-short".into()),
            ("United Nations Convention against Cybercrime".into(), "-convention".into()),
        ]);
        assert_eq!(
            terms.pattern("The United Nations Convention against Cybercrime, the United Nations' and UN staff"),
            "The { -convention }, the { -un }' and { -un-short } staff"
        );
        // Not inside words, and the text around stays escaped.
        assert_eq!(terms.pattern("UNODC and {UN}"), "UNODC and { \"{\" }{ -un-short }{ \"}\" }");
        assert_eq!(terms.pattern("  UN "), "{ \"  \" }{ -un-short }{ \" \" }");
    }

    #[test]
    fn edited_paragraphs_pair_by_shared_words() {
        let old =
            [(BlockKind::Paragraph, "60 countries signed the convention"), (BlockKind::Paragraph, "Photos by VNA")];
        let new = [
            (BlockKind::Paragraph, "Something else entirely"),
            (BlockKind::Paragraph, "72 countries signed the convention"),
            (BlockKind::Heading, "Photos by VNA"),
        ];
        assert_eq!(pair_edits(&[0, 1], &[0, 1, 2], &old, &new), [(0, 1)]);
    }

    #[test]
    fn announcements_outside_source_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("drafts/hop-bao.md");
        std::fs::create_dir_all(outside.parent().unwrap()).unwrap();
        std::fs::write(&outside, "+++\ntitle = \"Họp báo\"\nlang = \"vi\"\n+++\n\nChiều 8/10.\n").unwrap();
        std::fs::write(dir.path().join("songngu.toml"), "").unwrap();
        let project = Project::open(dir.path()).unwrap();
        let err = ingest(&project, &[outside]).unwrap_err().to_string();
        assert!(err.ends_with("hop-bao.md: announcements are ingested from source; move it there first"), "{err}");
        assert!(!dir.path().join("locales").exists());
    }
}
