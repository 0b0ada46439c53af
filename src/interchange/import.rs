//! `songngu import FILE`: translations from a CAT tool back into the `.ftl` files.
//!
//! Each unit is matched to its entry by resource and id. A unit is merged only when its
//! translation changed, its source text is still the reference's current text (else the
//! translator translated an older text), its XLIFF codes are its source's (none lost,
//! added or edited; see [`super::xliff`]), and its text is valid Fluent. The changed
//! entries are then checked in place, with every check `songngu check` runs: an entry
//! whose new text would add an error (a lost placeable, a wrong variable, a reference to
//! nothing…) is refused with the finding as the reason, and the rest are checked again
//! without it. Only then are the files written, each atomically, each only if its text
//! changes; comments, order and every other entry stay byte for byte. Nothing is
//! accepted: the lock is `accept`'s.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use super::{part_of, pattern_text, split_unit_id, with_pattern, Incoming};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::run::{check_with, CheckOptions, Overlay};
use crate::error::Error;
use crate::ftl::doc::{Doc, Item};
use crate::ftl::file::SourceFile;
use crate::ftl::model::FileModel;
use crate::project::Project;

/// The two formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xliff,
    Po,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Xliff => "XLIFF",
            Format::Po => "PO",
        }
    }
}

/// An entry written by the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The translation file, as shown to people.
    pub file: String,
    pub id: String,
    /// The entry was missing and is new in the file.
    pub added: bool,
}

/// A unit (or a whole entry) left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The unit id (`key` or `key.attribute`), or the entry key.
    pub id: String,
    /// The unit's line in the imported file (0 when not known).
    pub line: usize,
    pub reason: String,
}

/// What an import did (or, with `dry_run`, would do).
#[derive(Debug, Default)]
pub struct ImportReport {
    pub format: Option<Format>,
    pub merged: Vec<Merged>,
    pub refused: Vec<Refused>,
    /// Units whose translation is what the file already has.
    pub unchanged: usize,
    /// Units with no translation yet.
    pub empty: usize,
    /// Files written (or that would be).
    pub written: Vec<String>,
    /// Warnings `check` has on the merged entries (they do not stop a merge).
    pub warnings: Vec<Diagnostic>,
    pub dry_run: bool,
}

/// Whether a finding stops a merge: an error about the text. Codes about the translation
/// record do not: a changed translation of a drifted or new entry is still drifted or
/// unaccepted until someone accepts it.
fn blocks(d: &Diagnostic) -> bool {
    d.severity == Severity::Error && !matches!(d.code, "drifted" | "unaccepted")
}

/// Reads `path` (XLIFF 1.2 or PO from `songngu export`) and merges its translations.
pub fn import(project: &Project, path: &Path, dry_run: bool) -> Result<ImportReport, Error> {
    let writing = if dry_run { None } else { Some(project.write_lock()?) };
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Usage(format!("{}: this file is not UTF-8 text", path.display())))?;
    let format = detect(path, &text)
        .ok_or_else(|| Error::Usage(format!("{}: not an XLIFF or PO file (name it .xlf or .po)", path.display())))?;
    let incoming = match format {
        Format::Xliff => super::xliff::read(&text),
        Format::Po => {
            let resource_of = |shown: &str| resource_of_display(project, shown);
            super::po::read(&text, &resource_of)
        }
    }
    .map_err(|why| Error::Usage(format!("{}: {why}", path.display())))?;
    let mut report = ImportReport { format: Some(format), dry_run, ..Default::default() };
    merge(project, writing.as_ref(), incoming, &mut report)?;
    Ok(report)
}

/// The project locale a file's language tag means: itself, or `vi` for `vi_VN` or
/// `vi-VN` when only one project locale has that language.
fn project_locale(project: &Project, tag: &str) -> Result<String, Error> {
    let locales = &project.config.locales;
    let tag = tag.trim().replace('_', "-");
    if let Some(l) = locales.iter().find(|l| l.eq_ignore_ascii_case(&tag)) {
        return Ok(l.clone());
    }
    let language = crate::text::language(&tag).to_ascii_lowercase();
    let same: Vec<&String> =
        locales.iter().filter(|l| crate::text::language(l).eq_ignore_ascii_case(&language)).collect();
    match same.as_slice() {
        [one] => Ok((*one).clone()),
        _ => Err(Error::Usage(format!(
            "the file has translations into `{}`, which is not a language of this project (it has {})",
            crate::error::one_line(&tag, 40),
            locales.join(", ")
        ))),
    }
}

fn detect(path: &Path, text: &str) -> Option<Format> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("xlf" | "xliff") => Some(Format::Xliff),
        Some("po" | "pot") => Some(Format::Po),
        _ if text.contains("<xliff") => Some(Format::Xliff),
        _ if text.lines().any(|l| l.starts_with("msgid ")) => Some(Format::Po),
        _ => None,
    }
}

/// The resource of a reference file as shown (`locales/en/news.ftl`), if it is one.
fn resource_of_display(project: &Project, shown: &str) -> Option<String> {
    project.config.locales.iter().find_map(|locale| {
        let prefix = project.display_path(locale, "");
        shown.strip_prefix(&prefix).filter(|r| !r.is_empty()).map(str::to_string)
    })
}

/// One target file with the entries the import changes in it.
struct Pending {
    locale: String,
    resource: String,
    display: String,
    /// The file as it is (`None` when the import creates it).
    original: Option<SourceFile>,
    /// The reference's keys in order, to place new entries.
    order: Vec<String>,
    /// New text of each changed entry, and whether it is new in the file.
    entries: BTreeMap<String, (String, bool)>,
    /// Unit ids and their lines, per entry key, for refusals.
    units: BTreeMap<String, Vec<(String, usize)>>,
}

fn merge(
    project: &Project,
    writing: Option<&crate::fs::WriteLock>,
    incoming: Incoming,
    report: &mut ImportReport,
) -> Result<(), Error> {
    for (line, id, reason) in incoming.problems {
        report.refused.push(Refused { id, line, reason });
    }
    let mut groups: BTreeMap<(String, String), Vec<super::IncomingUnit>> = BTreeMap::new();
    for mut unit in incoming.units {
        unit.locale = project_locale(project, &unit.locale)?;
        groups.entry((unit.locale.clone(), unit.resource.clone())).or_default().push(unit);
    }
    let resources = if groups.is_empty() { BTreeSet::new() } else { project.all_resources()? };
    let mut pending = Vec::new();
    for ((locale, resource), mut units) in groups {
        // A unit given twice with different translations: which one is meant is a guess.
        let mut seen: BTreeMap<String, Option<String>> = BTreeMap::new();
        let mut conflicting = BTreeSet::new();
        for u in &units {
            if let Some(target) = seen.insert(u.id.clone(), u.target.clone()) {
                if target != u.target {
                    conflicting.insert(u.id.clone());
                }
            }
        }
        units.retain(|u| {
            let keep = !conflicting.contains(&u.id);
            if !keep {
                let reason = "the file has this unit more than once, with different translations".to_string();
                report.refused.push(Refused { id: u.id.clone(), line: u.line, reason });
            }
            keep
        });
        let mut once = BTreeSet::new();
        units.retain(|u| once.insert(u.id.clone()));
        if let Some(p) = prepare(project, &resources, &locale, &resource, units, report)? {
            pending.push(p);
        }
    }

    // Check the files as they would be, refuse the entries that would add an error, and
    // check again without them, until every remaining change passes.
    let locales: Vec<String> = pending.iter().map(|p| p.locale.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let options = CheckOptions { locales, ..CheckOptions::default() };
    let before =
        if pending.is_empty() { Vec::new() } else { check_with(project, &options, &Overlay::new())?.diagnostics };
    let known: BTreeSet<(&str, &str, &str)> =
        before.iter().filter(|d| blocks(d)).filter_map(|d| Some((d.code, &*d.file, d.id.as_deref()?))).collect();
    let final_check = loop {
        if pending.iter().all(|p| p.entries.is_empty()) {
            break None;
        }
        let mut overlay = Overlay::new();
        for p in &pending {
            overlay.insert((p.locale.clone(), p.resource.clone()), render(p));
        }
        let after = check_with(project, &options, &overlay)?;
        let mut refused_any = false;
        for p in &mut pending {
            let keys: Vec<String> = p.entries.keys().cloned().collect();
            for key in keys {
                let new_error = after.diagnostics.iter().find(|d| {
                    blocks(d)
                        && *d.locale == *p.locale
                        && d.id.as_deref() == Some(key.as_str())
                        && !known.contains(&(d.code, &*d.file, key.as_str()))
                });
                if let Some(first) = new_error {
                    let reason = format!("[{}] {}", first.code, first.message);
                    refuse_entry(p, &key, &reason, report);
                    refused_any = true;
                }
            }
        }
        if !refused_any {
            break Some(after);
        }
    };

    let mut writes = Vec::new();
    for p in &pending {
        if p.entries.is_empty() {
            continue;
        }
        let mut text = render(p);
        if p.original.as_ref().is_some_and(|f| f.bom) {
            text.insert(0, '\u{feff}');
        }
        for (key, (_, added)) in &p.entries {
            report.merged.push(Merged { file: p.display.clone(), id: key.clone(), added: *added });
        }
        if let Some(after) = &final_check {
            report.warnings.extend(
                after
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Warning && *d.file == *p.display)
                    .filter(|d| d.id.as_deref().is_some_and(|id| p.entries.contains_key(id)))
                    .cloned(),
            );
        }
        report.written.push(p.display.clone());
        writes.push((project.file_path(&p.locale, &p.resource), text));
    }
    if let Some(writing) = writing.filter(|_| !report.dry_run) {
        for (path, text) in writes {
            writing.write(&path, text.as_bytes())?;
        }
    }
    Ok(())
}

fn refuse_entry(p: &mut Pending, key: &str, reason: &str, report: &mut ImportReport) {
    p.entries.remove(key);
    for (id, line) in p.units.remove(key).unwrap_or_default() {
        report.refused.push(Refused { id, line, reason: reason.to_string() });
    }
}

/// Matches one resource's units to its entries: the changed entries' new texts, or
/// refusals in the report.
fn prepare(
    project: &Project,
    resources: &BTreeSet<String>,
    locale: &str,
    resource: &str,
    units: Vec<super::IncomingUnit>,
    report: &mut ImportReport,
) -> Result<Option<Pending>, Error> {
    let mut refuse_all = |units: &[super::IncomingUnit], reason: &str| {
        for u in units {
            report.refused.push(Refused { id: u.id.clone(), line: u.line, reason: reason.to_string() });
        }
    };
    if resource.is_empty() {
        refuse_all(&units, "the file does not say which resource it belongs to");
        return Ok(None);
    }
    // Exactly a resource the project has (`./a.ftl` or `A.ftl` would be another file).
    if !resources.contains(resource) {
        refuse_all(&units, &format!("the project has no resource `{resource}`"));
        return Ok(None);
    }
    let reference_locale = project.reference_of(resource)?;
    if reference_locale == locale {
        refuse_all(&units, &format!("`{resource}` is written in {locale}: it is the source, not a translation"));
        return Ok(None);
    }
    let reference_path = project.file_path(&reference_locale, resource);
    if !reference_path.is_file() {
        refuse_all(&units, &format!("the reference file of `{resource}` ({reference_locale}) is gone"));
        return Ok(None);
    }
    let reference_file = project.load_file(&reference_locale, resource)?;
    let reference_outcome = reference_file.parse();
    let reference = FileModel::new(&reference_file, &reference_outcome);
    let display = project.display_path(locale, resource);
    let target_path = project.file_path(locale, resource);
    let original = if target_path.is_file() { Some(project.load_file(locale, resource)?) } else { None };
    if let Some(file) = &original {
        if let Err(why) = file.parse_to_rewrite() {
            refuse_all(&units, &format!("{display} cannot be rewritten safely: {why}"));
            return Ok(None);
        }
    }
    let target_outcome = original.as_ref().and_then(SourceFile::parse);
    let target = original.as_ref().map(|f| FileModel::new(f, &target_outcome));

    // New text per part, by entry.
    let mut changes: BTreeMap<String, BTreeMap<Option<String>, String>> = BTreeMap::new();
    let mut copies: BTreeMap<String, BTreeMap<Option<String>, String>> = BTreeMap::new();
    let mut lines: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for unit in units {
        let (key, attribute) = split_unit_id(&unit.id);
        let refuse = |report: &mut ImportReport, reason: String| {
            report.refused.push(Refused { id: unit.id.clone(), line: unit.line, reason });
        };
        let Some(reference_entry) = reference.get(key) else {
            refuse(report, format!("the reference has no entry `{key}` (removed or renamed since the export?)"));
            continue;
        };
        let Some(reference_pattern) = part_of(reference_entry, attribute) else {
            let part = attribute.map_or("a value".to_string(), |a| format!("an attribute .{a}"));
            refuse(report, format!("`{key}` has no {part} in the reference"));
            continue;
        };
        let source_now = pattern_text(reference_pattern);
        if let Some(source) = &unit.source {
            if normalize(source) != source_now {
                refuse(
                    report,
                    "its source text changed since the file was exported: export again and translate the current text"
                        .into(),
                );
                continue;
            }
        }
        let Some(translation) = unit.target.as_deref().map(normalize).filter(|t| !t.trim().is_empty()) else {
            report.empty += 1;
            continue;
        };
        let current = target.as_ref().and_then(|t| t.get(key)).and_then(|e| part_of(e, attribute)).map(pattern_text);
        if current.as_deref() == Some(translation.as_str()) {
            report.unchanged += 1;
            continue;
        }
        // Edited in the .ftl file since the export? Then the file's text wins when the
        // unit was not touched, and both edits are shown when it was. A copy `sync` made
        // of a missing entry meanwhile is no translation.
        if let Some(base) = &unit.base {
            let sync_copy = current.as_deref() == Some(source_now.as_str()) && *base == super::base_of("");
            if !sync_copy && *base != super::base_of(current.as_deref().unwrap_or_default()) {
                if *base == super::base_of(&translation) {
                    report.unchanged += 1;
                } else {
                    refuse(
                        report,
                        format!("{display} has a different translation since the export: merge the two by hand"),
                    );
                }
                continue;
            }
        }
        // A changed translation whose codes are not its source's (XLIFF): a code emptied
        // by the tool took the source's text, but one lost, added or edited is the
        // translator's to put right.
        if let Some(why) = &unit.code_mismatch {
            refuse(report, why.clone());
            continue;
        }
        if unit.needs_work {
            refuse(report, "it is still marked fuzzy (needs work): clear the mark once the translation is done".into());
            continue;
        }
        if translation.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            refuse(report, "it has a control character (invisible, not text): remove it".into());
            continue;
        }
        let translation: String = translation.nfc().collect();
        let Some(canonical) = with_pattern(&translation, pattern_text) else {
            refuse(
                report,
                "it is not valid Fluent: check its { } braces and the lines that start with [, * or .".into(),
            );
            continue;
        };
        if current.as_deref() == Some(canonical.as_str()) {
            report.unchanged += 1;
            continue;
        }
        // Some tools fill an untranslated target with a copy of the source: a missing
        // entry whose every part is such a copy is not translated yet.
        let copy = current.is_none() && canonical == source_now;
        let parts = if copy { &mut copies } else { &mut changes };
        parts.entry(key.to_string()).or_default().insert(attribute.map(str::to_string), canonical);
        lines.entry(key.to_string()).or_default().push((unit.id.clone(), unit.line));
    }
    for (key, parts) in copies {
        match changes.get_mut(&key) {
            Some(translated) => translated.extend(parts),
            None => {
                report.empty += parts.len();
                lines.remove(&key);
            }
        }
    }

    let mut entries = BTreeMap::new();
    for (key, parts) in changes {
        let existing = target.as_ref().and_then(|t| t.get(&key));
        // The entry's parts in its own order (the reference's for a new entry), changed
        // ones replaced.
        let mut texts: Vec<(Option<String>, String)> = Vec::new();
        let shape = existing.or_else(|| reference.get(&key)).expect("the reference has every key here");
        for (part, pattern) in shape.parts() {
            let name = match part {
                crate::ftl::model::Part::Value => None,
                crate::ftl::model::Part::Attribute(a) => Some(a.to_string()),
            };
            match parts.get(&name) {
                Some(text) => texts.push((name, text.clone())),
                None if existing.is_some() => texts.push((name, pattern_text(pattern))),
                None => {}
            }
        }
        for (name, text) in &parts {
            if !texts.iter().any(|(n, _)| n == name) {
                texts.push((name.clone(), text.clone()));
            }
        }
        let borrowed: Vec<(Option<&str>, &str)> = texts.iter().map(|(n, t)| (n.as_deref(), t.as_str())).collect();
        let body = super::entry_text(&key, &borrowed);
        entries.insert(key, (body, existing.is_none()));
    }
    if entries.is_empty() {
        return Ok(None);
    }
    let order = reference.keys_in_order();
    drop(target);
    Ok(Some(Pending {
        locale: locale.to_string(),
        resource: resource.to_string(),
        display,
        original,
        order,
        entries,
        units: lines,
    }))
}

/// Line ends as `\n`, no trailing line end: how a unit text is compared.
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n").trim_end_matches('\n').to_string()
}

/// The target file's text with the pending entries in place.
fn render(p: &Pending) -> String {
    let parsed = p.original.as_ref().map(|f| (f, f.parse_to_rewrite()));
    let mut doc = match &parsed {
        Some((file, Ok(parsed))) => Doc::new(file, parsed),
        _ => Doc::empty(),
    };
    for (key, (body, added)) in &p.entries {
        if !added {
            if let Some(at) = doc.position(key) {
                doc.replace_body(at, body.clone());
                // The note `sync` put above its copy is done with once it is translated.
                let comment = &mut doc.items[at].comment;
                if comment.lines().next().is_some_and(|l| l.contains(crate::commands::sync::TODO_MARK)) {
                    *comment = comment.split_once('\n').map_or(String::new(), |(_, rest)| rest.to_string());
                }
            }
            continue;
        }
        let i = p.order.iter().position(|k| k == key).unwrap_or(p.order.len());
        let at = doc.insertion_point(&p.order, i);
        doc.insert(at, Item::entry(key, "", body));
    }
    crate::ftl::doc::keep_line_ends(p.original.as_ref().map_or("", |f| f.text.as_str()), doc.render())
}
