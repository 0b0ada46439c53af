//! `sync LOCALE`: give translators every entry they still have to translate, in place.
//!
//! Each entry of a resource's reference that the locale lacks is added to the locale's
//! file as a copy of the reference, with a comment above it, right after the entry that
//! precedes it in the reference, so the file follows the reference's order. `check` then
//! reports the copy as untranslated until someone translates it. `--prune` moves entries
//! the reference no longer has to the end of the file, commented out, so their words can
//! still be reused. Everything else in the file stays byte for byte, and a file is written
//! only when its text changes.

use std::collections::BTreeSet;

use crate::error::Error;
use crate::ftl::doc::{Doc, Item};
use crate::ftl::file::SourceFile;
use crate::ftl::model::FileModel;
use crate::project::Project;

/// What the comment `sync` puts above each copy says; `import` removes that comment once
/// the copy is translated.
pub const TODO_MARK: &str = "(a copy, added by `songngu sync`)";

/// The first line of the block `--prune` moves obsolete entries into.
pub const OBSOLETE_HEADER: &str = "## Obsolete: no longer in the reference; moved here by `songngu sync --prune`.";

#[derive(Debug, Clone)]
pub struct SyncOptions {
    pub locale: String,
    pub prune: bool,
}

/// What `sync` did to one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncedFile {
    pub file: String,
    pub reference_locale: String,
    pub created: bool,
    pub written: bool,
    pub added: Vec<String>,
    pub pruned: Vec<String>,
    /// Obsolete entries left in place (without `--prune`).
    pub obsolete: Vec<String>,
    /// Entries not added because the file has broken text where they would be: the ids.
    pub broken: Vec<String>,
    /// Obsolete entries `--prune` kept because current entries still refer to them.
    pub still_used: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SyncReport {
    pub files: Vec<SyncedFile>,
    /// Files that could not be read as Fluent and were left alone.
    pub unreadable: Vec<String>,
}

pub fn sync(project: &Project, options: &SyncOptions) -> Result<SyncReport, Error> {
    let locale = options.locale.as_str();
    project.require_locale(locale)?;
    let writing = project.write_lock()?;
    let resources = project.all_resources()?;
    // Each resource's file in this locale and, where this locale translates it, its
    // reference: read once, for the prune rule and for the sync itself.
    let mut pairs: Vec<(String, Option<SourceFile>, Option<SourceFile>)> = Vec::new();
    for resource in resources {
        let reference_locale = project.reference_of(&resource)?;
        let reference = if reference_locale != locale && project.file_path(&reference_locale, &resource).is_file() {
            Some(project.load_file(&reference_locale, &resource)?)
        } else {
            None
        };
        let target = if project.file_path(locale, &resource).is_file() {
            Some(project.load_file(locale, &resource)?)
        } else {
            None
        };
        pairs.push((resource, reference, target));
    }
    let used = if options.prune { used_keys(&pairs) } else { BTreeSet::new() };
    let mut report = SyncReport::default();
    let mut writes = Vec::new();
    for (resource, reference_file, target_file) in &pairs {
        let Some(reference_file) = reference_file else { continue };
        let path = project.file_path(locale, resource);
        match sync_file(reference_file, target_file.as_ref(), options, &used) {
            Ok(Some((mut synced, text))) => {
                synced.file = project.display_path(locale, resource);
                if synced.written {
                    writes.push((path, text));
                }
                report.files.push(synced);
            }
            Ok(None) => {}
            Err(display) => report.unreadable.push(display),
        }
    }
    for (path, text) in writes {
        writing.write(&path, text.as_bytes())?;
    }
    Ok(report)
}

/// Syncs one target file with its reference: the outcome and the new text, `None` when
/// there is nothing to report, `Err(file)` when a file cannot be read as Fluent.
fn sync_file(
    reference_file: &SourceFile,
    target_file: Option<&SourceFile>,
    options: &SyncOptions,
    used: &BTreeSet<String>,
) -> Result<Option<(SyncedFile, String)>, String> {
    let reference_parsed = reference_file.parse_to_rewrite().map_err(|_| reference_file.display.to_string())?;
    let target_parsed = match target_file {
        None => None,
        Some(f) => Some(f.parse_to_rewrite().map_err(|_| f.display.to_string())?),
    };
    let reference_doc = Doc::new(reference_file, &reference_parsed);
    let reference_outcome = Some(Ok(reference_parsed));
    let reference = FileModel::new(reference_file, &reference_outcome);

    let mut doc = match target_file.zip(target_parsed.as_ref()) {
        Some((file, parsed)) => Doc::new(file, parsed),
        None => Doc::empty(),
    };
    let target_outcome = target_parsed.map(Ok);
    let target = target_file.map(|f| FileModel::new(f, &target_outcome));
    let broken: BTreeSet<&str> = target.as_ref().map(|t| t.unreadable_keys().collect()).unwrap_or_default();

    let mut synced = SyncedFile {
        reference_locale: reference_file.locale.to_string(),
        created: target_file.is_none(),
        ..Default::default()
    };
    let locale = &options.locale;
    let marker =
        format!("# TODO: translate from {} {TODO_MARK}, then run `songngu accept {locale}`.\n", reference_file.locale);
    let order = reference.keys_in_order();
    for (i, key) in order.iter().enumerate() {
        if doc.position(key).is_some() {
            continue;
        }
        if broken.contains(key.as_str()) {
            synced.broken.push(key.clone());
            continue;
        }
        let Some(source) = reference_doc.position(key).map(|at| &reference_doc.items[at]) else { continue };
        let at = doc.insertion_point(&order, i);
        let mut body = source.body.clone();
        if !body.ends_with('\n') {
            body.push('\n');
        }
        doc.insert(at, Item::entry(key, &format!("{marker}{}", source.comment), &body));
        synced.added.push(key.clone());
    }

    // An entry the reference has but the parser cannot read there (a syntax error in the
    // reference) is not obsolete: its translation stays where it is.
    let unreadable: BTreeSet<&str> = reference.unreadable_keys().collect();
    let (obsolete, kept): (Vec<String>, Vec<String>) = target
        .as_ref()
        .map(|t| {
            t.keys()
                .filter(|k| !reference.contains(k) && !unreadable.contains(k))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .partition(|k| !used.contains(k));
    // Entries still used by current ones stay, even when pruning: removing them would
    // break the translations that refer to them.
    synced.still_used = if options.prune { kept.clone() } else { Vec::new() };
    let obsolete = if options.prune { obsolete } else { obsolete.into_iter().chain(kept).collect() };
    if options.prune && !obsolete.is_empty() {
        let has_block = doc.items.iter().any(|item| item.body.starts_with(OBSOLETE_HEADER));
        if !has_block {
            let header = format!("{OBSOLETE_HEADER}\n## Reuse their words in a translation, or delete them.\n");
            doc.items.push(Item::comment(&header));
        }
        for key in &obsolete {
            while let Some(at) = doc.position(key) {
                let item = doc.items.remove(at);
                doc.items.push(Item::comment(&commented(&item.text())));
            }
            synced.pruned.push(key.clone());
        }
    } else {
        synced.obsolete = obsolete;
    }

    let mut text = crate::ftl::doc::keep_line_ends(target_file.map_or("", |f| f.text.as_str()), doc.render());
    synced.written = target_file.map(|f| f.text.as_str()) != Some(text.as_str());
    if target_file.is_some_and(|f| f.bom) {
        text.insert(0, '\u{feff}');
    }
    let nothing =
        !synced.written && synced.obsolete.is_empty() && synced.broken.is_empty() && synced.still_used.is_empty();
    Ok((!nothing).then_some((synced, text)))
}

/// An entry's text as Fluent comment lines.
fn commented(text: &str) -> String {
    text.lines().map(|line| if line.is_empty() { "#\n".to_string() } else { format!("# {line}\n") }).collect()
}

/// The keys that the locale's current entries (those their reference still has, or all
/// of a file the locale itself is the reference of) refer to.
fn used_keys(pairs: &[(String, Option<SourceFile>, Option<SourceFile>)]) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (_, reference_file, target_file) in pairs {
        let Some(file) = target_file else { continue };
        let reference_parsed = reference_file.as_ref().and_then(SourceFile::parse);
        let reference = reference_file.as_ref().map(|f| FileModel::new(f, &reference_parsed));
        let parsed = file.parse();
        let model = FileModel::new(file, &parsed);
        for entry in &model.entries {
            if reference.as_ref().is_none_or(|r| r.contains(&entry.key())) {
                used.extend(crate::ftl::model::references(file, entry).into_iter().map(|r| r.key));
            }
        }
    }
    used
}
