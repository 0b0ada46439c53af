//! Every check, one file each, and the one list that registers them.
//!
//! A check looks at one level of the project and reports [`Diagnostic`]s:
//! - a file (`check_file`): syntax, Unicode, plural categories;
//! - a pair of entries with the same id in the reference and a target (`check_pair`);
//! - a resource across its locales (`check_group`): missing and obsolete entries;
//! - a locale across its resources (`check_locale`): duplicate ids, unknown references.
//!
//! Each check's `DOC` text is what `songngu explain CODE` prints, so the documentation
//! lives next to the code it describes.

use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::file::SourceFile;
use crate::ftl::model::{Entry, FileModel};

mod attribute_mismatch;
pub mod cyclic_reference;
mod dash;
mod doubled_word;
mod drifted;
mod duplicate_id;
mod glossary;
pub(crate) mod invisible_char;
mod markup_mismatch;
mod missing;
mod missing_resource;
mod not_nfc;
mod number_mismatch;
pub(crate) mod obsolete;
mod orphaned_resource;
mod plural_category;
mod quotes;
mod reference_mismatch;
mod syntax_error;
mod unaccepted;
mod unknown_reference;
mod untranslated;
pub(crate) mod unused_suppression;
mod url_mismatch;
mod value_mismatch;
mod variable_mismatch;

/// The registry: adding a check is one new file and one line here.
pub static CHECKS: &[&dyn Check] = &[
    &syntax_error::SyntaxError,
    &duplicate_id::DuplicateId,
    &missing_resource::MissingResource,
    &orphaned_resource::OrphanedResource,
    &missing::Missing,
    &obsolete::Obsolete,
    &untranslated::Untranslated,
    &unaccepted::Unaccepted,
    &drifted::Drifted,
    &variable_mismatch::VariableMismatch,
    &reference_mismatch::ReferenceMismatch,
    &unknown_reference::UnknownReference,
    &cyclic_reference::CyclicReference,
    &attribute_mismatch::AttributeMismatch,
    &value_mismatch::ValueMismatch,
    &plural_category::PluralCategory,
    &not_nfc::NotNfc,
    &invisible_char::InvisibleChar,
    &number_mismatch::NumberMismatch,
    &glossary::Glossary,
    &unused_suppression::UnusedSuppression,
    &doubled_word::DoubledWord,
    &quotes::Quotes,
    &dash::Dash,
    &url_mismatch::UrlMismatch,
    &markup_mismatch::MarkupMismatch,
];

/// What a check is, for `explain` and for configuration.
#[derive(Debug)]
pub struct CheckInfo {
    /// Stable kebab-case code.
    pub code: &'static str,
    /// The severity its findings get unless the check says otherwise per finding, or
    /// `[severity]` in `songngu.toml` overrides it.
    pub severity: Severity,
    /// One line: what it finds.
    pub summary: &'static str,
    /// Markdown-ish text with the sections *What it finds*, *Why it matters*, *Example*
    /// and *How to fix*.
    pub doc: &'static str,
}

/// Looks a check up by code.
pub fn find(code: &str) -> Option<&'static CheckInfo> {
    CHECKS.iter().map(|c| c.info()).find(|info| info.code == code)
}

/// Runs the file-level part of the named checks only (`build` asks for the findings that
/// break a bundle at run time, whatever `[severity]` says).
pub fn check_file_for(codes: &[&str], cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
    for check in CHECKS.iter().filter(|c| codes.contains(&c.info().code)) {
        check.check_file(cx, out);
    }
}

/// The text `songngu explain CODE` prints for a check.
pub fn explain(info: &CheckInfo) -> String {
    format!("{} ({} by default): {}\n\n{}\n", info.code, info.severity.as_str(), info.summary, info.doc)
}

/// One file of one locale.
pub struct FileCx<'a, 't> {
    pub locale: &'a str,
    pub model: &'a FileModel<'t>,
    /// Whether this locale is the file's reference (the language it was written in).
    pub is_reference: bool,
}

/// An entry present in both the reference and a target resource.
pub struct PairCx<'a, 't> {
    /// What the lock says about this translation, if it was ever accepted.
    pub record: Option<&'a crate::records::lockfile::TranslationRecord>,
    pub reference_locale: &'a str,
    pub target_locale: &'a str,
    pub reference_file: &'a FileModel<'t>,
    pub target_file: &'a FileModel<'t>,
    pub reference: &'a Entry<'t>,
    pub target: &'a Entry<'t>,
    /// The project's glossary (empty when it has none).
    pub glossary: &'a crate::interchange::tbx::Glossary,
    /// Made the first time a check asks: only a pair with a record has anything to
    /// compare them with, and a project nobody has accepted yet has none.
    texts: std::cell::OnceCell<PairTexts>,
}

/// No glossary.
static NO_GLOSSARY: crate::interchange::tbx::Glossary =
    crate::interchange::tbx::Glossary { concepts: Vec::new(), files: Vec::new() };

/// The canonical texts of a pair's entries and their fingerprints (see
/// [`crate::ftl::fingerprint`]).
pub struct PairTexts {
    pub reference_canonical: String,
    pub reference_fingerprint: String,
    pub target_fingerprint: String,
}

impl<'a, 't> PairCx<'a, 't> {
    pub fn new(
        record: Option<&'a crate::records::lockfile::TranslationRecord>,
        (reference_locale, target_locale): (&'a str, &'a str),
        (reference_file, target_file): (&'a FileModel<'t>, &'a FileModel<'t>),
        (reference, target): (&'a Entry<'t>, &'a Entry<'t>),
    ) -> Self {
        let texts = std::cell::OnceCell::new();
        let glossary = &NO_GLOSSARY;
        PairCx {
            record,
            reference_locale,
            target_locale,
            reference_file,
            target_file,
            reference,
            target,
            glossary,
            texts,
        }
    }

    /// With the project's glossary, for the `glossary` check.
    pub fn with_glossary(mut self, glossary: &'a crate::interchange::tbx::Glossary) -> Self {
        self.glossary = glossary;
        self
    }

    pub fn texts(&self) -> &PairTexts {
        self.texts.get_or_init(|| {
            let reference_canonical = self.reference.canonical();
            PairTexts {
                reference_fingerprint: crate::ftl::fingerprint::of_text(&reference_canonical),
                target_fingerprint: crate::ftl::fingerprint::of_text(&self.target.canonical()),
                reference_canonical,
            }
        })
    }

    /// Whether either entry has a placeable: most pairs are plain text on both sides, and
    /// have no variables or references to compare.
    pub fn has_placeables(&self) -> bool {
        self.reference.has_placeables() || self.target.has_placeables()
    }

    /// How the translation stands against its record.
    pub fn record_state(&self) -> crate::records::lockfile::RecordState {
        match self.record {
            None => crate::records::lockfile::RecordState::Unrecorded,
            Some(_) => {
                let texts = self.texts();
                crate::records::lockfile::RecordState::of(
                    self.record,
                    &texts.reference_fingerprint,
                    &texts.target_fingerprint,
                )
            }
        }
    }
}

/// One resource across locales.
pub struct GroupCx<'a, 't> {
    pub resource: &'a str,
    pub reference_locale: &'a str,
    /// The reference file, absent when only targets have this resource.
    pub reference: Option<&'a FileModel<'t>>,
    /// Each target locale with its file, if it has one.
    pub targets: &'a [(&'a str, Option<&'a FileModel<'t>>)],
    /// Where the target file of a locale is (or would be), for messages.
    pub display_path: &'a dyn Fn(&str) -> String,
    /// The announcement the resource would be ingested from (`source/news.md`, as shown),
    /// when the project has a `source/` folder and that file is not in it.
    pub gone_announcement: Option<&'a str>,
}

/// Where an id is defined, or used, within one locale.
#[derive(Debug, Clone)]
pub struct Site {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub span: std::ops::Range<usize>,
}

/// A message, term or attribute name by a 64-bit hash of it. The locale-wide index keeps a
/// few integers per entry, not strings and positions: one locale of a newsroom's archive
/// has hundreds of thousands of entries, and the index must not grow with the text. A
/// finding's names and positions are read back from its file ([`LocaleCx::site`]), and
/// two names are only taken for the same after their texts are compared. A name is a hash
/// already: maps keyed by names do not hash it again (`nohash_hasher`).
pub type Name = u64;

/// The [`Name`] of a string: its xxh3 hash, the same in every run and every build (a
/// tenth of the time SipHash takes on an id).
pub fn name(text: &str) -> Name {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// A file of the locale, as the index knows it.
#[derive(Debug, Clone)]
pub struct IndexedFile {
    pub resource: String,
    pub display: String,
}

/// A definition of a message or term: where its id starts.
#[derive(Debug, Clone, Copy)]
pub struct Definition {
    pub key: Name,
    /// Index into [`LocaleIndex::files`].
    pub file: u32,
    pub offset: u32,
}

/// A reference from one entry to another.
#[derive(Debug, Clone, Copy)]
pub struct Use {
    pub key: Name,
    /// The attribute named (`{ -term.gender }`), if any.
    pub attribute: Option<Name>,
    /// The entry that contains the reference: an index into [`LocaleIndex::definitions`].
    pub from: u32,
    /// The pattern of `from` that holds it: 0 its value, `n` its `n`th attribute as
    /// written (the names are in [`LocaleIndex::attributes`]). Loops are between
    /// patterns, not entries: `.title = { about }` inside `about` is none.
    pub part: u32,
    /// Where the referenced id starts (its `-` for a term), in the file of `from`.
    pub offset: u32,
}

/// Every definition and reference of one locale, gathered file by file.
#[derive(Debug, Default)]
pub struct LocaleIndex {
    pub locale: String,
    pub files: Vec<IndexedFile>,
    pub definitions: Vec<Definition>,
    /// The attribute names of the definitions that have attributes, by definition index.
    pub attributes: Vec<(u32, Vec<Name>)>,
    pub uses: Vec<Use>,
}

impl LocaleIndex {
    /// Appends another part of the index (gathered from other files).
    pub fn extend(&mut self, part: LocaleIndex) {
        let (files, definitions) = (self.files.len() as u32, self.definitions.len() as u32);
        self.files.extend(part.files);
        self.definitions.extend(part.definitions.into_iter().map(|d| Definition { file: d.file + files, ..d }));
        self.attributes.extend(part.attributes.into_iter().map(|(d, a)| (d + definitions, a)));
        self.uses.extend(part.uses.into_iter().map(|u| Use { from: u.from + definitions, ..u }));
    }
}

pub struct LocaleCx<'a> {
    pub index: &'a LocaleIndex,
    /// Reads a file of the index again (its text is not kept), `None` when it is gone.
    pub load: &'a dyn Fn(&IndexedFile) -> Option<crate::ftl::file::Located>,
    pub loaded: std::cell::RefCell<std::collections::HashMap<u32, Option<std::rc::Rc<crate::ftl::file::Located>>>>,
    /// The `[bundles]` each file of the index is in.
    pub bundles: &'a crate::project::bundles::Membership,
    resolver: std::cell::OnceCell<crate::project::bundles::Resolver<'a>>,
}

impl<'a> LocaleCx<'a> {
    pub fn new(
        index: &'a LocaleIndex,
        load: &'a dyn Fn(&IndexedFile) -> Option<crate::ftl::file::Located>,
        bundles: &'a crate::project::bundles::Membership,
    ) -> LocaleCx<'a> {
        LocaleCx { index, load, loaded: Default::default(), bundles, resolver: Default::default() }
    }

    /// Which definition each reference gets, and which files are loaded together: made
    /// once, for the checks that ask.
    pub fn resolver(&self) -> &crate::project::bundles::Resolver<'a> {
        self.resolver.get_or_init(|| crate::project::bundles::Resolver::new(self.index, self.bundles))
    }
}

impl LocaleCx<'_> {
    /// Where the id at `offset` of a file of the index is, and the id itself (a term's
    /// with its `-`).
    pub fn site(&self, file: u32, offset: u32) -> Option<(Site, String)> {
        let source = self
            .loaded
            .borrow_mut()
            .entry(file)
            .or_insert_with(|| (self.load)(&self.index.files[file as usize]).map(std::rc::Rc::new))
            .clone()?;
        let offset = offset as usize;
        let rest = source.text.get(offset..)?;
        let len = rest
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_alphanumeric() || c == '_' || (c == '-' && (i > 0 || rest.starts_with('-')))))
            .map_or(rest.len(), |(i, _)| i);
        let (line, column) = source.position(offset);
        let site = Site { file: source.display.clone(), line, column, span: offset..offset + len };
        Some((site, rest[..len].to_string()))
    }

    /// The id a definition defines, with its site.
    pub fn definition(&self, index: u32) -> Option<(Site, String)> {
        let d = self.index.definitions[index as usize];
        self.site(d.file, d.offset)
    }

    /// The attribute named after the id at `offset` (`gender` in `-term.gender`).
    pub fn attribute_after(&self, site: &Site, file: u32) -> Option<String> {
        let loaded = self.loaded.borrow();
        let source = loaded.get(&file)?.as_ref()?;
        let rest = source.text.get(site.span.end..)?.strip_prefix('.')?;
        let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
        Some(rest[..len].to_string())
    }
}

pub trait Check: Sync {
    fn info(&self) -> &'static CheckInfo;
    fn check_file(&self, _cx: &FileCx<'_, '_>, _out: &mut Vec<Diagnostic>) {}
    fn check_pair(&self, _cx: &PairCx<'_, '_>, _out: &mut Vec<Diagnostic>) {}
    fn check_group(&self, _cx: &GroupCx<'_, '_>, _out: &mut Vec<Diagnostic>) {}
    fn check_locale(&self, _cx: &LocaleCx<'_>, _out: &mut Vec<Diagnostic>) {}
}

impl CheckInfo {
    /// A finding of this check at a byte span of a file, with the check's default
    /// severity.
    pub fn at(
        &'static self,
        file: &SourceFile,
        span: std::ops::Range<usize>,
        id: Option<String>,
        message: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Diagnostic {
        let (line, column) = file.position(span.start);
        Diagnostic {
            code: self.code,
            severity: self.severity,
            locale: file.locale.clone(),
            file: file.display.clone(),
            line,
            column,
            id,
            message: message.into(),
            parser: None,
            span,
            label: None,
            drift: None,
            help: None,
            related: None,
        }
    }

    /// A finding at a [`Site`] gathered earlier.
    pub fn at_site(
        &'static self,
        locale: &str,
        site: &Site,
        id: Option<String>,
        message: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Diagnostic {
        Diagnostic {
            code: self.code,
            severity: self.severity,
            locale: locale.into(),
            file: site.file.as_str().into(),
            line: site.line,
            column: site.column,
            id,
            message: message.into(),
            parser: None,
            span: site.span.clone(),
            label: None,
            drift: None,
            help: None,
            related: None,
        }
    }

    /// A finding about an entry, underlining its id.
    pub fn at_entry(
        &'static self,
        file: &SourceFile,
        entry: &Entry<'_>,
        message: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Diagnostic {
        self.at(file, entry.offset..entry.offset + entry.key_len(), Some(entry.key()), message)
    }
}

impl Diagnostic {
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Keeps the Fluent parser's own text beside a message written for a person.
    pub fn parser(mut self, text: impl Into<String>) -> Self {
        self.parser = Some(text.into());
        self
    }

    pub fn label(mut self, label: impl Into<std::borrow::Cow<'static, str>>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Reports the finding for another locale than the file's (`missing` points at the
    /// reference file but is about the target locale).
    pub fn for_locale(mut self, locale: impl Into<std::sync::Arc<str>>) -> Self {
        self.locale = locale.into();
        self
    }
}

/// `a`, `a and b`, `a, b and c`: lists in messages read as prose.
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// What a check says about one pair or one file, for the checks' own tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::records::lockfile::TranslationRecord;

    fn file(locale: &str, text: &str) -> SourceFile {
        SourceFile::from_bytes(locale, "news.ftl", format!("locales/{locale}/news.ftl"), text.as_bytes().to_vec())
    }

    /// The findings of `check` on the first entry of each text, `record` being the lock's
    /// record of the pair if any.
    pub fn pair(
        check: &dyn Check,
        (reference_locale, reference_text): (&str, &str),
        (target_locale, target_text): (&str, &str),
        record: Option<&TranslationRecord>,
    ) -> Vec<Diagnostic> {
        let (reference_file, target_file) = (file(reference_locale, reference_text), file(target_locale, target_text));
        let (reference_parsed, target_parsed) = (reference_file.parse(), target_file.parse());
        let reference = FileModel::new(&reference_file, &reference_parsed);
        let target = FileModel::new(&target_file, &target_parsed);
        let cx = PairCx::new(
            record,
            (reference_locale, target_locale),
            (&reference, &target),
            (&reference.entries[0], &target.entries[0]),
        );
        let mut out = Vec::new();
        check.check_pair(&cx, &mut out);
        out
    }

    /// The record `accept` would write for the pair as it was: `old_reference` then,
    /// `target` as it was accepted.
    pub fn record(old_reference: &str, target: &str) -> TranslationRecord {
        let (reference_file, target_file) = (file("en", old_reference), file("vi", target));
        let (reference_parsed, target_parsed) = (reference_file.parse(), target_file.parse());
        let reference = FileModel::new(&reference_file, &reference_parsed);
        let target = FileModel::new(&target_file, &target_parsed);
        let source = reference.entries[0].canonical();
        TranslationRecord {
            reference: crate::ftl::fingerprint::of_text(&source),
            translation: crate::ftl::fingerprint::of_entry(&target.entries[0]),
            copy: false,
            source,
        }
    }

    /// The findings of `check` on a file of `locale`.
    pub fn file_findings(check: &dyn Check, locale: &str, text: &str) -> Vec<Diagnostic> {
        let source = file(locale, text);
        let parsed = source.parse();
        let model = FileModel::new(&source, &parsed);
        let mut out = Vec::new();
        check.check_file(&FileCx { locale, model: &model, is_reference: false }, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of a few megabytes made of nothing but what these checks look for is read
    /// in one pass: nothing of it is compared with all the rest.
    #[test]
    fn the_newsroom_checks_read_a_huge_text_in_one_pass() {
        let piece = "<b>“x” \"y\" it’s it's</b> a - b – c <a href=\"{ $u }\">d</a> https://e.org/a/x@y.org +84 24 3825 1234 của của **z** [l](m) ";
        let text = format!("p = {}\n", piece.repeat(20_000));
        let started = std::time::Instant::now();
        for check in CHECKS
            .iter()
            .filter(|c| ["doubled-word", "quotes", "dash", "url-mismatch", "markup-mismatch"].contains(&c.info().code))
        {
            let _ = testing::file_findings(*check, "vi", &text);
            let _ = testing::pair(*check, ("en", &text), ("vi", &text), None);
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(60), "{:?}", started.elapsed());
    }

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::BTreeSet::new();
        for check in CHECKS {
            let info = check.info();
            assert!(seen.insert(info.code), "{} registered twice", info.code);
            assert!(info.code.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            for section in ["What it finds", "Why it matters", "How to fix"] {
                assert!(info.doc.contains(section), "{} lacks {section}", info.code);
            }
        }
    }
}
