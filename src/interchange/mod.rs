//! The files translation tools and translation memories read: XLIFF 1.2 and PO for CAT
//! tools (`export`, then `import`), TMX 1.4b for translation memories (`tmx`).
//!
//! # How Fluent travels as units
//! Every entry gives one unit for its value and one per attribute; a unit's id is the
//! entry id, or `id.attribute`. A unit's text is the Fluent syntax of that pattern, as
//! `songngu fmt` would write it, with the indentation of its continuation lines taken
//! off: plain text stays plain text, and anything else stays exactly what it is in the
//! `.ftl` file, so nothing is lost on the way back.
//! - A placeable (`{ $count }`, `{ -brand }`, `{ "{" }`) is protected: in XLIFF and TMX it
//!   is an inline `<ph>` code holding its Fluent syntax, which CAT tools show as a tag the
//!   translator moves but cannot edit. A target's code has the id of the source's code it
//!   stands for, and on the way back takes its text from it (see [`xliff`]). PO has no
//!   such codes: the text carries the placeable as written, and a translator note says to
//!   keep it.
//! - A unit whose source or translation has a select expression
//!   (`{ $n -> [one] … *[other] … }`) is kept whole as Fluent syntax, without `<ph>` codes
//!   on either side, so the translator can translate the text of each variant; a note
//!   says so.
//! - The source of a unit is the reference's current text; the target is the current
//!   translation (none for a missing entry). A drifted unit carries the source text as it
//!   was when the translation was accepted: a note in XLIFF, `#| msgid` in PO.
//!
//! `import` reads the units back, rebuilds each changed entry from its units and checks it
//! before anything is written: see [`import`].

use std::collections::BTreeMap;

use fluent_syntax::ast;

use crate::checks::PairCx;
use crate::engine::EntryState;
use crate::error::Error;
use crate::ftl::file::SourceFile;
use crate::ftl::fingerprint;
use crate::ftl::model::{FileModel, Pattern};
use crate::project::Project;
use crate::records::lockfile::{self, Lock, RecordState};

pub mod import;
pub mod po;
pub mod tbx;
pub mod tmx;
pub mod xliff;

/// Where a unit's entry stands in the target language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitState {
    /// The target language does not have the entry.
    Missing,
    /// Present, but a copy of the reference or still in the reference language.
    Untranslated,
    /// The reference changed since the translation was accepted.
    Drifted,
    /// Translated, not accepted yet (or edited since it was).
    Unaccepted,
    /// Accepted, and neither side changed since.
    Accepted,
}

impl UnitState {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitState::Missing => "missing",
            UnitState::Untranslated => "untranslated",
            UnitState::Drifted => "drifted",
            UnitState::Unaccepted => "unaccepted",
            UnitState::Accepted => "accepted",
        }
    }
}

/// One piece of text to translate: an entry's value, or one of its attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The entry id (`name`, or `-name` for a term).
    pub key: String,
    /// The attribute, or `None` for the value.
    pub attribute: Option<String>,
    /// The reference's current text (Fluent syntax, see the module docs).
    pub source: String,
    /// The current translation; `None` when the entry is missing.
    pub target: Option<String>,
    /// For a drifted entry: the source text when the translation was accepted.
    pub previous: Option<String>,
    pub state: UnitState,
    /// The source or the translation has a select expression, kept whole as Fluent
    /// syntax (see the module docs).
    pub select: bool,
    /// Accepted and unchanged since, whatever else `check` says of it (an accepted copy
    /// such as a brand name is still flagged untranslated).
    pub accepted: bool,
    /// Accepted by name as an intentional copy of its reference (a name, a code): not a
    /// translation, so not in the translation memory.
    pub copy: bool,
    /// `check` has error-level findings about the entry (an unknown term, a variable
    /// the reference does not pass): not a translation to learn from.
    pub errors: bool,
    /// The comment above the reference entry, for the translator.
    pub note: Option<String>,
    /// Line of the entry in the reference file.
    pub line: usize,
}

impl Unit {
    /// The unit's id: `key` or `key.attribute`.
    pub fn id(&self) -> String {
        unit_id(&self.key, self.attribute.as_deref())
    }

    /// A short fingerprint of the translation as exported (empty text when missing):
    /// `import` compares it with the file's current text to notice a translation edited
    /// in the `.ftl` file while the exported copy was being translated.
    pub fn base(&self) -> String {
        base_of(self.target.as_deref().unwrap_or_default())
    }
}

/// The first 16 hex digits of the sha256 of a unit text.
pub fn base_of(text: &str) -> String {
    fingerprint::of_text(text)[..16].to_string()
}

/// `key` or `key.attribute`.
pub fn unit_id(key: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(a) => format!("{key}.{a}"),
        None => key.to_string(),
    }
}

/// Splits a unit id into entry key and attribute. Entry ids cannot contain `.`, so the
/// first dot separates them.
pub fn split_unit_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((key, attribute)) => (key, Some(attribute)),
        None => (id, None),
    }
}

/// One resource's units.
#[derive(Debug, Clone)]
pub struct ExportFile {
    /// The resource path (relative to `locales/<locale>/`).
    pub resource: String,
    /// The language the resource is written in.
    pub source_locale: String,
    /// The reference file, as shown to people (`locales/en/news.ftl`).
    pub source_display: String,
    pub units: Vec<Unit>,
}

/// What `export` writes: every resource the locale translates, with its units.
#[derive(Debug, Clone)]
pub struct Export {
    pub locale: String,
    /// The project's reference language (most resources' source language).
    pub reference: String,
    pub files: Vec<ExportFile>,
    /// Reference files that could not be read as Fluent, left out: `(file, why)`.
    pub skipped: Vec<(String, String)>,
}

impl Export {
    pub fn unit_count(&self) -> usize {
        self.files.iter().map(|f| f.units.len()).sum()
    }

    /// Leaves out the units XML cannot carry (XLIFF, TMX): a text with a control
    /// character other than tab and line ends has no representation in XML 1.0 at all.
    /// Each is named in `skipped`.
    pub fn drop_units_xml_cannot_carry(&mut self) {
        for file in &mut self.files {
            let skipped = &mut self.skipped;
            file.units.retain(|unit| {
                let fits = [Some(&unit.source), unit.target.as_ref(), unit.previous.as_ref(), unit.note.as_ref()]
                    .into_iter()
                    .flatten()
                    .all(|text| xml_can_carry(text));
                if !fits {
                    skipped.push((
                        format!("{} `{}`", file.source_display, unit.id()),
                        "it has a control character, which XML cannot hold (remove it from the text)".to_string(),
                    ));
                }
                fits
            });
        }
        self.files.retain(|f| !f.units.is_empty());
    }
}

/// True when every character of `text` is allowed in XML 1.0.
pub fn xml_can_carry(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
}

/// Collects the units of `locale`: every entry of every resource it translates, in the
/// reference's order, keeping only the states in `only` (all when empty).
pub fn collect(project: &Project, locale: &str, only: &[UnitState]) -> Result<Export, Error> {
    project.require_locale(locale)?;
    // Each entry's state as `check` gives it (`[severity]` applied: with `untranslated =
    // "off"`, no entry is judged a copy here either).
    let checked = crate::engine::run::check_locale(project, locale)?;
    let verdicts = crate::engine::Verdicts::new(&checked.diagnostics);

    let mut export = Export {
        locale: locale.to_string(),
        reference: project.config.reference.clone(),
        files: Vec::new(),
        skipped: Vec::new(),
    };
    for resource in project.all_resources()? {
        let reference_locale = project.reference_of(&resource)?;
        if reference_locale == locale || !project.file_path(&reference_locale, &resource).is_file() {
            continue;
        }
        let reference_file = project.load_file(&reference_locale, &resource)?;
        let reference_parsed = match reference_file.parse_to_rewrite() {
            Ok(parsed) => parsed,
            Err(why) => {
                export.skipped.push((reference_file.display.to_string(), why.to_string()));
                continue;
            }
        };
        let reference_doc = crate::ftl::doc::Doc::new(&reference_file, &reference_parsed);
        let reference_outcome = Some(Ok(reference_parsed));
        let reference = FileModel::new(&reference_file, &reference_outcome);

        let target_path = project.file_path(locale, &resource);
        let target_file = if target_path.is_file() { Some(project.load_file(locale, &resource)?) } else { None };
        let target_outcome = target_file.as_ref().and_then(SourceFile::parse);
        let target = target_file.as_ref().map(|f| FileModel::new(f, &target_outcome));
        let lock = Lock::read(&lockfile::path_for(&target_path))?;

        let mut file = ExportFile {
            resource: resource.clone(),
            source_locale: reference_locale.clone(),
            source_display: reference_file.display.to_string(),
            units: Vec::new(),
        };
        for key in reference.keys_in_order() {
            let Some(entry) = reference.get(&key) else { continue };
            let target_entry = target.as_ref().and_then(|t| t.get(&key));
            let record = lock.entries.get(&key);
            let record_state = target_entry.zip(target.as_ref()).map(|(t, target_file)| {
                PairCx::new(record, (&reference_locale, locale), (&reference, target_file), (entry, t)).record_state()
            });
            let accepted = record_state == Some(RecordState::Current);
            let state = match (target_entry, target_file.as_ref()) {
                (Some(_), Some(file)) => match verdicts.of(locale, &file.display, &key).state {
                    EntryState::Untranslated => UnitState::Untranslated,
                    EntryState::Drifted(_) => UnitState::Drifted,
                    EntryState::Unaccepted => UnitState::Unaccepted,
                    // Nothing to report; accepted only if it was (`unaccepted = "off"`
                    // hides the finding, not the fact that nobody accepted it).
                    _ if accepted => UnitState::Accepted,
                    _ => UnitState::Unaccepted,
                },
                _ => UnitState::Missing,
            };
            let copy = accepted && record.is_some_and(|r| r.copy);
            let errors = match (target_entry, target_file.as_ref()) {
                (Some(_), Some(file)) => !verdicts.of(locale, &file.display, &key).errors.is_empty(),
                _ => false,
            };
            if !only.is_empty() && !only.contains(&state) {
                continue;
            }
            let previous =
                if state == UnitState::Drifted { record.and_then(|r| parts_of_canonical(&r.source)) } else { None };
            let note = reference_doc
                .position(&key)
                .map(|at| comment_text(&reference_doc.items[at].comment))
                .filter(|c| !c.is_empty());
            let (line, _) = reference_file.position(entry.offset);
            for (part, pattern) in entry.parts() {
                let attribute = match part {
                    crate::ftl::model::Part::Value => None,
                    crate::ftl::model::Part::Attribute(name) => Some(name.to_string()),
                };
                let target_pattern = target_entry.and_then(|t| part_of(t, attribute.as_deref()));
                // An attribute the reference did not have before has an empty previous text.
                let previous = previous.as_ref().map(|parts| parts.get(&attribute).cloned().unwrap_or_default());
                file.units.push(Unit {
                    key: key.clone(),
                    attribute,
                    source: pattern_text(pattern),
                    target: target_pattern.map(pattern_text),
                    previous,
                    state,
                    select: has_select(pattern) || target_pattern.is_some_and(has_select),
                    accepted,
                    copy,
                    errors,
                    note: note.clone(),
                    line,
                });
            }
        }
        if !file.units.is_empty() {
            export.files.push(file);
        }
    }
    Ok(export)
}

/// The pattern of an entry's value (`None`) or attribute.
pub fn part_of<'t>(entry: &crate::ftl::model::Entry<'t>, attribute: Option<&str>) -> Option<&'t Pattern<'t>> {
    match attribute {
        None => entry.value,
        Some(name) => entry.attributes.iter().find(|a| a.id.name == name).map(|a| &a.value),
    }
}

/// The text of each part of an entry given as canonical Fluent text (a lock's `source`):
/// `None` for the value, `Some(name)` for an attribute. `None` when it does not parse.
fn parts_of_canonical(canonical: &str) -> Option<BTreeMap<Option<String>, String>> {
    // A lock's text is as hostile as any file: the same guards as every other parse.
    let file = crate::ftl::file::SourceFile::from_bytes("", "", String::new(), canonical.as_bytes().to_vec());
    let parsed = file.parse()?.ok()?;
    if !parsed.errors.is_empty() {
        return None;
    }
    let resource = parsed.resource;
    let (value, attributes) = match resource.body.first()? {
        ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return None,
    };
    let mut parts = BTreeMap::new();
    if let Some(value) = value {
        parts.insert(None, pattern_text(value));
    }
    for attribute in attributes {
        parts.insert(Some(attribute.id.name.to_string()), pattern_text(&attribute.value));
    }
    Some(parts)
}

/// The `#` comment lines above an entry, as plain text.
fn comment_text(comment: &str) -> String {
    comment
        .lines()
        .map(|line| line.strip_prefix('#').unwrap_or(line))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A pattern as unit text: its Fluent syntax as the serializer writes it, continuation
/// lines unindented (see the module docs).
pub fn pattern_text(pattern: &ast::Pattern<&str>) -> String {
    let message = ast::Entry::Message(ast::Message {
        id: ast::Identifier { name: "x" },
        value: Some(pattern.clone()),
        attributes: Vec::new(),
        comment: None,
    });
    let serialized = fluent_syntax::serializer::serialize(&ast::Resource { body: vec![message] });
    let rest = serialized.strip_prefix("x =").unwrap_or(&serialized);
    let rest = rest.strip_suffix('\n').unwrap_or(rest);
    let (first, continuation) = match rest.strip_prefix('\n') {
        Some(block) => ("", block),
        None => match rest.split_once('\n') {
            Some((first, more)) => (first.strip_prefix(' ').unwrap_or(first), more),
            None => (rest.strip_prefix(' ').unwrap_or(rest), ""),
        },
    };
    let mut lines: Vec<&str> = Vec::new();
    if !first.is_empty() || continuation.is_empty() {
        lines.push(first);
    }
    if !continuation.is_empty() {
        lines.extend(continuation.split('\n').map(|line| line.strip_prefix("    ").unwrap_or(line)));
    }
    lines.join("\n")
}

/// The unit text split at its placeables, for the formats with inline codes: `(false,
/// text)` and `(true, placeable)` runs. A pattern with a select expression is one text
/// run (it is translated as Fluent syntax), and so is a text that is not valid Fluent.
pub fn runs(text: &str) -> Vec<(bool, String)> {
    let whole = || vec![(false, text.to_string())];
    let split = with_pattern(text, |pattern| {
        if has_select(pattern) {
            return None;
        }
        let mut runs: Vec<(bool, String)> = Vec::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => match runs.last_mut() {
                    Some((false, last)) => last.push_str(value),
                    _ => runs.push((false, value.to_string())),
                },
                ast::PatternElement::Placeable { .. } => {
                    let single = ast::Pattern { elements: vec![element.clone()] };
                    runs.push((true, pattern_text(&single)));
                }
            }
        }
        // The runs must give back the text exactly; when they do not (a layout the
        // serializer writes differently inside a longer pattern), the text goes unsplit.
        let joined: String = runs.iter().map(|(_, t)| t.as_str()).collect();
        (joined == text).then_some(runs)
    });
    split.flatten().unwrap_or_else(whole)
}

/// A unit text as XML content with its placeables as `<ph>` codes, numbered by
/// `attribute` (`id` in XLIFF, `x` in TMX), each holding the placeable's Fluent syntax.
pub fn with_codes(text: &str, attribute: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    for (placeable, run) in runs(text) {
        if placeable {
            n += 1;
            out.push_str(&format!("<ph {attribute}=\"{n}\">{}</ph>", quick_xml::escape::partial_escape(run.as_str())));
        } else {
            out.push_str(&quick_xml::escape::partial_escape(run.as_str()));
        }
    }
    out
}

/// A translation as XML content with the codes of its source, as [`with_codes`] numbers
/// them: each placeable the source has is a `<ph>` with the id of the source's code that
/// holds the same text (an unused one first), so an id means the same code on both
/// sides, as XLIFF tools and `import` read them, whatever order the translation puts
/// them in. A placeable the source does not have stays text: no code of the source
/// stands for it.
pub fn with_codes_of(text: &str, source: &str, attribute: &str) -> String {
    // Each placeable text of the source: its ids, and how many of them the translation
    // has taken so far (once all are taken, it reuses the first).
    let mut codes: BTreeMap<String, (Vec<usize>, usize)> = BTreeMap::new();
    for (n, (_, code)) in runs(source).into_iter().filter(|(placeable, _)| *placeable).enumerate() {
        codes.entry(code).or_default().0.push(n + 1);
    }
    let mut out = String::new();
    for (placeable, run) in runs(text) {
        let id = codes.get_mut(&run).filter(|_| placeable).and_then(|(ids, taken)| {
            *taken += 1;
            ids.get(*taken - 1).or(ids.first()).copied()
        });
        let run = quick_xml::escape::partial_escape(run.as_str());
        match id {
            Some(id) => out.push_str(&format!("<ph {attribute}=\"{id}\">{run}</ph>")),
            None => out.push_str(&run),
        }
    }
    out
}

fn has_select(pattern: &ast::Pattern<&str>) -> bool {
    pattern
        .elements
        .iter()
        .any(|e| matches!(e, ast::PatternElement::Placeable { expression: ast::Expression::Select { .. } }))
}

/// Parses a unit text as a value and hands its pattern to `f`; `None` when the text is
/// not exactly one valid pattern.
pub fn with_pattern<R>(text: &str, f: impl FnOnce(&ast::Pattern<&str>) -> R) -> Option<R> {
    let file = SourceFile::from_bytes("", "", String::new(), entry_text("x", &[(None, text)]).into_bytes());
    // The guarded parse of a file: nesting and escapes the parser would crash on are
    // refused, never parsed.
    let parsed = file.parse_to_rewrite().ok()?;
    if !parsed.errors.is_empty() {
        return None;
    }
    match parsed.resource.body.as_slice() {
        [ast::Entry::Message(ast::Message { value: Some(pattern), attributes, .. })] if attributes.is_empty() => {
            Some(f(pattern))
        }
        _ => None,
    }
}

/// An entry's Fluent text from its parts' unit texts: `key = value` and
/// `    .attribute = text` lines, continuation lines indented, ending with a line end.
pub fn entry_text(key: &str, parts: &[(Option<&str>, &str)]) -> String {
    let mut out = String::new();
    out.push_str(key);
    out.push_str(" =");
    for (attribute, text) in parts {
        let indent = match attribute {
            None => "    ",
            Some(name) => {
                out.push_str(&format!("\n    .{name} ="));
                "        "
            }
        };
        let mut lines = text.split('\n');
        let first = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.collect();
        if rest.is_empty() {
            if !first.is_empty() {
                out.push(' ');
                out.push_str(first);
            }
        } else {
            for line in std::iter::once(first).chain(rest) {
                out.push('\n');
                if !line.is_empty() {
                    out.push_str(indent);
                    out.push_str(line);
                }
            }
        }
    }
    out.push('\n');
    out
}

/// The units of a file coming back from a translation tool.
#[derive(Debug, Clone, Default)]
pub struct Incoming {
    pub units: Vec<IncomingUnit>,
    /// Units that cannot be read as songngu's: `(line, id, why)`.
    pub problems: Vec<(usize, String, String)>,
}

/// One unit read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingUnit {
    /// The resource the unit belongs to (empty when the file did not say).
    pub resource: String,
    /// The language of the translation.
    pub locale: String,
    /// `key` or `key.attribute`.
    pub id: String,
    pub source: Option<String>,
    pub target: Option<String>,
    /// [`Unit::base`] as exported, when the file kept it.
    pub base: Option<String>,
    /// Marked as not done in the file (`#, fuzzy` in PO).
    pub needs_work: bool,
    /// Why the target's inline codes do not match its source's (XLIFF), one line for the
    /// translator: a unit whose translation changed is refused with it.
    pub code_mismatch: Option<String>,
    /// Where the unit starts in the file, for messages.
    pub line: usize,
}
