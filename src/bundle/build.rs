//! `songngu build`: the bundles apps load, one folder per locale, and `manifest.json`.
//!
//! For every locale and resource the build decides what to serve, entry by entry:
//! - the locale's own entry when it has a usable one;
//! - the reference's entry for an entry the locale lacks (`--missing fill`, the default);
//! - the reference's entry for a translation whose reference changed a fact since it
//!   was accepted and that does not state the new facts (`--drifted reference`, the
//!   default);
//! - never a message its reference no longer has (a retracted paragraph).
//!
//! It then checks what it would serve the way a Fluent runtime will use it: every message
//! and term reference resolves in the locale, no translation uses a variable its reference
//! does not pass, no id is defined twice, no text is unparsable. Any such finding fails
//! the build; with `--allow-errors` the entry is left out instead (and filled from the
//! reference when it can be), and that repeats until what is served is whole.
//!
//! Entries are copied byte for byte from the files translators wrote (comments left
//! out), so what apps read is exactly what `check` read. Output is written to a
//! temporary folder beside the target and swapped in at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::bundle::manifest::{
    Completeness, DriftedPolicy, LocaleManifest, Manifest, MissingPolicy, Policy, ResourceManifest,
};
use crate::checks::LocaleIndex;
use crate::checks::{self, FileCx};
use crate::diagnostic::Diagnostic;
use crate::engine::run::{check_project, CheckOptions, CheckReport, Counts};
use crate::error::Error;
use crate::ftl::doc::Doc;
use crate::ftl::file::SourceFile;
use crate::ftl::model::{references, variables, Entry, FileModel, ParseOutcome, Part, Reference};
use crate::project::bundles::{Membership, Resolver};
use crate::project::Project;
use crate::records::drift::DriftClass;
use crate::records::lockfile::{self, Lock, RecordState};

/// How to build.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    pub missing: MissingPolicy,
    pub drifted: DriftedPolicy,
    /// Build even when some entries would fail at run time, leaving them out.
    pub allow_errors: bool,
}

/// A build in memory: the files to write and what was found on the way.
#[derive(Debug, Clone)]
pub struct Build {
    pub manifest: Manifest,
    /// The text of each built file, by locale and resource path.
    pub files: BTreeMap<(String, String), String>,
    /// What would fail at run time (sorted). Without `allow_errors` a build with findings
    /// has no files and must not be written.
    pub findings: Vec<Diagnostic>,
}

impl Build {
    /// True when the findings stop the build (they were not allowed).
    pub fn failed(&self) -> bool {
        !self.findings.is_empty() && self.files.is_empty()
    }

    /// The manifest as it is written.
    pub fn manifest_text(&self) -> String {
        self.manifest.to_text()
    }
}

/// Where an entry to serve comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// The locale's own file.
    Own,
    /// The reference, because the locale lacks the entry.
    Filled,
    /// The reference, because the translation is stale on a fact.
    Replaced,
    /// A term of the reference copied under a new name, for the entries above to use.
    Copied,
}

/// One entry a locale will serve in one resource.
#[derive(Debug, Clone)]
struct Served {
    /// The id it is served under.
    key: String,
    /// Its id in the file it comes from (differs for copied terms).
    source_key: String,
    /// Index of the file it is copied from.
    file: usize,
    origin: Origin,
    /// For text from another locale: that locale. Its term references are then renamed to
    /// that locale's copies (`-convention` → `-convention__en`), so an English sentence
    /// served to `vi` names things in English, exactly as a runtime's fallback would show it.
    terms_from: Option<String>,
}

impl Served {
    fn own(key: String, file: usize) -> Served {
        Served { source_key: key.clone(), key, file, origin: Origin::Own, terms_from: None }
    }

    fn from_reference(key: String, file: usize, origin: Origin, locale: &str) -> Served {
        Served { source_key: key.clone(), key, file, origin, terms_from: Some(locale.to_string()) }
    }

    /// The id a reference made in this entry resolves to where it is served.
    fn resolves(&self, key: &str) -> String {
        match &self.terms_from {
            Some(locale) if key.starts_with('-') => copy_name(key, locale),
            _ => key.to_string(),
        }
    }
}

/// The name of a term copied from `locale` (`-convention__en`): still a valid Fluent
/// identifier, and private to the bundle like every term.
fn copy_name(term: &str, locale: &str) -> String {
    format!("{term}__{locale}")
}

/// Where an entry was found broken: (locale, file index, key).
type Rejected = BTreeSet<(String, usize, String)>;

/// Everything read for a build, shared by its steps.
struct Input<'p, 't> {
    project: &'p Project,
    resources: Vec<String>,
    /// Reference locale of each resource.
    reference_of: BTreeMap<String, String>,
    /// Index into `models` by (locale, resource).
    at: BTreeMap<(String, String), usize>,
    models: Vec<FileModel<'t>>,
    /// Translations stale on a fact, untouched since: (locale, resource, key).
    stale_facts: BTreeSet<(String, String, String)>,
}

impl<'t> Input<'_, 't> {
    fn file(&self, locale: &str, resource: &str) -> Option<usize> {
        self.at.get(&(locale.to_string(), resource.to_string())).copied()
    }

    /// The first definition of each id in a file, in file order.
    fn first_entries(&self, file: usize) -> impl Iterator<Item = &Entry<'t>> + '_ {
        let model = &self.models[file];
        model.entries.iter().filter(move |e| model.get(&e.key()).is_some_and(|first| first.offset == e.offset))
    }

    fn entry(&self, file: usize, key: &str) -> Option<&Entry<'t>> {
        self.models[file].get(key)
    }
}

/// What one locale serves: per resource its entries, plus what was not served.
#[derive(Default)]
struct Plan {
    served: BTreeMap<String, Vec<Served>>,
    omitted: BTreeMap<String, Vec<String>>,
    /// Reference entries that would break in this locale, so are not filled in.
    left_out: BTreeMap<String, Vec<String>>,
}

/// Builds the project in memory. Nothing is written; see [`write`].
pub fn build(project: &Project, options: &BuildOptions) -> Result<Build, Error> {
    build_with(project, options, None)
}

/// [`build`], taking the completeness counts from a `check` of the same files when the
/// caller already ran one (the report does), instead of checking every file again.
pub fn build_with(project: &Project, options: &BuildOptions, checked: Option<&CheckReport>) -> Result<Build, Error> {
    let config = &project.config;
    let resources: Vec<String> = project.all_resources()?.into_iter().collect();
    let mut reference_of = BTreeMap::new();
    let mut files: Vec<SourceFile> = Vec::new();
    let mut at = BTreeMap::new();
    for resource in &resources {
        reference_of.insert(resource.clone(), project.reference_of(resource)?);
        for locale in &config.locales {
            if project.file_path(locale, resource).is_file() {
                at.insert((locale.clone(), resource.clone()), files.len());
                files.push(project.load_file(locale, resource)?);
            }
        }
    }
    let parsed: Vec<ParseOutcome<'_>> = files.iter().map(SourceFile::parse).collect();
    let models: Vec<FileModel<'_>> = files.iter().zip(&parsed).map(|(f, p)| FileModel::new(f, p)).collect();
    let bodies: Vec<BTreeMap<String, String>> = files.iter().zip(&parsed).map(|(f, p)| entry_texts(f, p)).collect();

    let mut input = Input { project, resources, reference_of, at, models, stale_facts: BTreeSet::new() };
    if options.drifted == DriftedPolicy::Reference {
        input.stale_facts = stale_facts(&input)?;
    }

    // Findings about single files: text the parser skipped, ids defined twice in a file.
    let mut findings = Vec::new();
    for model in &input.models {
        let cx = FileCx { locale: &model.file.locale, model, is_reference: false };
        checks::check_file_for(&["syntax-error", "duplicate-id"], &cx, &mut findings);
    }
    // Which files each locale's apps load together, for duplicates and for what a
    // reference gets ([`crate::project::bundles`]), as `check` judges them.
    let configured = project.bundle_membership(&input.resources)?;
    let loadings: Vec<Loading> = config.locales.iter().map(|l| Loading::new(&input, l, options, &configured)).collect();
    let loading: BTreeMap<&str, (&Loading, Resolver<'_>)> = config
        .locales
        .iter()
        .zip(&loadings)
        .map(|(l, x)| (l.as_str(), (x, Resolver::new(&x.index, &x.membership))))
        .collect();
    let mut rejected = duplicates_across_resources(&input, &loading, &mut findings);

    // Assemble, check what would be served, leave out what is broken, until stable.
    let mut plans;
    loop {
        plans = BTreeMap::new();
        for locale in &config.locales {
            plans.insert(locale.clone(), assemble(&input, locale, options, &rejected, &loading[locale.as_str()]));
        }
        let found = validate(&input, &plans, &configured);
        // Each round leaves out at least one more entry of a finite set, so this ends; the
        // check on progress makes sure of it.
        let before = rejected.len();
        // Every finding of an entry left out this round, not only its first: the same
        // findings, and as many, as `check` reports for it.
        let newly: BTreeSet<(String, usize, String)> =
            found.iter().map(|(l, f, k, _)| (l.clone(), *f, k.clone())).filter(|key| !rejected.contains(key)).collect();
        for (locale, file, key, diagnostic) in found {
            if newly.contains(&(locale.clone(), file, key.clone())) {
                findings.push(diagnostic);
            }
            rejected.insert((locale, file, key));
        }
        if rejected.len() == before {
            break;
        }
    }
    crate::diagnostic::sort(&mut findings);
    findings.dedup();

    let policy = Policy { missing: options.missing, drifted: options.drifted };
    let mut manifest = Manifest {
        version: crate::bundle::manifest::VERSION,
        default_locale: config.reference.clone(),
        policy,
        locales: BTreeMap::new(),
    };
    if !findings.is_empty() && !options.allow_errors {
        return Ok(Build { manifest, files: BTreeMap::new(), findings });
    }

    let own_check;
    let report = match checked {
        Some(report) => report,
        None => {
            own_check = check_project(project, &CheckOptions::default())?;
            &own_check
        }
    };
    let counts_of = |locale: &str, resource: &str| -> Counts {
        report
            .locales
            .iter()
            .find(|(l, _)| l == locale)
            .and_then(|(_, rs)| rs.iter().find(|r| r.resource == resource))
            .map(|r| r.counts)
            .unwrap_or_default()
    };

    let mut out = BTreeMap::new();
    for (locale, plan) in &plans {
        let mut built = LocaleManifest::default();
        // Which resources serve each id, for dependencies.
        let serving = Serving::new(
            plan.served.iter().flat_map(|(resource, served)| served.iter().map(move |s| (resource.as_str(), s, ()))),
            &configured,
            &input.resources,
        );
        for resource in &input.resources {
            let served = plan.served.get(resource).map(Vec::as_slice).unwrap_or_default();
            // A resource the locale has no file for and gets nothing of (another
            // locale's own resource) is not built for it.
            if served.is_empty() && input.file(locale, resource).is_none() && !plan.omitted.contains_key(resource) {
                continue;
            }
            let source = input.file(locale, resource).map_or_else(
                || format!("{} (not translated yet)", project.display_path(locale, resource)),
                |f| input.models[f].file.display.to_string(),
            );
            let mut text = format!("### Built by `songngu build` from {source}: edit that file, not this one.\n");
            let mut dependencies = BTreeSet::new();
            for s in served {
                text.push('\n');
                text.push_str(&served_text(&input, &bodies[s.file][&s.source_key], s));
                let model = &input.models[s.file];
                let entry = model.get(&s.source_key).expect("served entries exist");
                for r in references(model.file, entry) {
                    if let Some((other, ())) = serving.resolve(resource, &s.resolves(&r.key)) {
                        if other != resource {
                            dependencies.insert(other.to_string());
                        }
                    }
                }
            }
            let ids = |origin: Origin| -> Vec<String> {
                served.iter().filter(|s| s.origin == origin).map(|s| s.key.clone()).collect()
            };
            let left_out: BTreeSet<String> = input
                .file(locale, resource)
                .map(|f| {
                    let junk = input.models[f].junk.iter().filter_map(|j| j.likely_key().map(str::to_string));
                    let broken =
                        rejected.iter().filter(|(l, rf, _)| l == locale && *rf == f).map(|(_, _, k)| k.clone());
                    junk.chain(broken).collect()
                })
                .unwrap_or_default();
            let left_out: BTreeSet<String> =
                left_out.into_iter().chain(plan.left_out.get(resource).into_iter().flatten().cloned()).collect();
            let counts = counts_of(locale, resource);
            let filled = ids(Origin::Filled);
            let completeness = Completeness {
                translated: counts.translated,
                filled: filled.len(),
                drifted: counts.drifted,
                untranslated: counts.untranslated,
                unaccepted: counts.unaccepted,
            };
            built.resources.insert(
                resource.clone(),
                ResourceManifest {
                    sha256: crate::ftl::fingerprint::of_text(&text),
                    entries: served.len(),
                    reference: input.reference_of[resource].clone(),
                    dependencies: dependencies.into_iter().collect(),
                    completeness,
                    filled,
                    replaced: ids(Origin::Replaced),
                    omitted: plan.omitted.get(resource).cloned().unwrap_or_default(),
                    left_out: left_out.into_iter().collect(),
                },
            );
            out.insert((locale.clone(), resource.clone()), text);
        }
        manifest.locales.insert(locale.clone(), built);
    }
    Ok(Build { manifest, files: out, findings })
}

/// The text of a served entry: as written, with its term references (and, for a copied
/// term, its own id) renamed when it comes from another locale. The renames are spliced in
/// at the parser's offsets; nothing else of the text changes.
fn served_text(input: &Input<'_, '_>, body: &str, s: &Served) -> String {
    let Some(from) = &s.terms_from else { return body.to_string() };
    let model = &input.models[s.file];
    let Some(entry) = model.get(&s.source_key) else { return body.to_string() };
    let suffix = format!("__{from}");
    let mut at: Vec<usize> = references(model.file, entry)
        .iter()
        .filter(|r| r.key.starts_with('-'))
        .map(|r| r.offset + r.len - entry.offset)
        .collect();
    if s.origin == Origin::Copied {
        at.push(entry.key_len());
    }
    at.sort_unstable();
    let mut text = body.to_string();
    for &i in at.iter().rev() {
        if i <= text.len() && text.is_char_boundary(i) {
            text.insert_str(i, &suffix);
        }
    }
    text
}

/// Each entry's text as written (from its id to its last line, comments left out), by key;
/// the first definition of a key wins, as in Fluent runtimes.
fn entry_texts(file: &SourceFile, parsed: &ParseOutcome<'_>) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    let Some(Ok(parsed)) = parsed else { return texts };
    for item in Doc::new(file, parsed).items {
        if let Some(key) = item.key {
            let mut body = item.body;
            if !body.ends_with('\n') {
                body.push('\n');
            }
            texts.entry(key).or_insert(body);
        }
    }
    texts
}

/// Translations whose reference changed a fact since they were accepted and that do not
/// state the new facts: with `--drifted reference` they are served from the reference.
/// An edit of another word does not make "60" right where the source now says 72; a
/// translation revised to state the new facts is kept (and stays `drifted` in `check`
/// until it is accepted).
fn stale_facts(input: &Input<'_, '_>) -> Result<BTreeSet<(String, String, String)>, Error> {
    let mut stale = BTreeSet::new();
    for ((locale, resource), &file) in &input.at {
        let reference_locale = &input.reference_of[resource];
        let Some(reference) = input.file(reference_locale, resource).filter(|_| locale != reference_locale) else {
            continue;
        };
        let lock = Lock::read(&lockfile::path_for(&input.project.file_path(locale, resource)))?;
        for (key, record) in &lock.entries {
            let (Some(target), Some(source)) = (input.entry(file, key), input.entry(reference, key)) else {
                continue;
            };
            let source_canonical = source.canonical();
            let state = RecordState::of(
                Some(record),
                &crate::ftl::fingerprint::of_text(&source_canonical),
                &crate::ftl::fingerprint::of_entry(target),
            );
            let class = crate::records::drift::classify(
                crate::ftl::fingerprint::body(&record.source),
                crate::ftl::fingerprint::body(&source_canonical),
            );
            if !matches!(state, RecordState::Drifted { .. }) || class != DriftClass::Facts {
                continue;
            }
            let unstated = crate::engine::stated::unstated_facts(
                (&record.source, &source_canonical),
                &target.canonical(),
                reference_locale,
                locale,
            );
            if !unstated.is_empty() {
                stale.insert((locale.clone(), resource.clone(), key.clone()));
            }
        }
    }
    Ok(stale)
}

/// Which resources of one locale an app loads together ([`crate::project::bundles`]), as
/// `check` judges it: over the locale's own files and, for a resource it has no file of,
/// the reference's file that is served in its place.
struct Loading {
    index: LocaleIndex,
    membership: Membership,
    /// Each resource's file in `index`.
    number: BTreeMap<String, u32>,
}

impl Loading {
    fn new(input: &Input<'_, '_>, locale: &str, options: &BuildOptions, configured: &Membership) -> Loading {
        let mut index = LocaleIndex { locale: locale.to_string(), ..LocaleIndex::default() };
        let mut number = BTreeMap::new();
        let mut rows = Vec::new();
        for (r, resource) in input.resources.iter().enumerate() {
            let filled = || match options.missing {
                MissingPolicy::Fill => input.file(&input.reference_of[resource], resource),
                MissingPolicy::Omit => None,
            };
            let Some(file) = input.file(locale, resource).or_else(filled) else { continue };
            number.insert(resource.clone(), index.files.len() as u32);
            index.extend(crate::engine::run::gather(&input.models[file]));
            rows.push(Some(r));
        }
        let membership = configured.select(rows.into_iter());
        Loading { index, membership, number }
    }

    /// Why an app loads resources `a` and `b` together, if it does, said as the end of a
    /// sentence about `b`.
    fn together(&self, resolver: &Resolver<'_>, a: &str, b: &str) -> Option<String> {
        let (&a, &b) = (self.number.get(a)?, self.number.get(b)?);
        let why = resolver.together(a, b)?;
        Some(resolver.why_together(why, b, a))
    }
}

/// An id defined in two resources of one locale that an app loads together: the first
/// resource (in path order) keeps it, the later definition is a finding and is not
/// served. Resources no app loads together each serve their own.
fn duplicates_across_resources(
    input: &Input<'_, '_>,
    loading: &BTreeMap<&str, (&Loading, Resolver<'_>)>,
    findings: &mut Vec<Diagnostic>,
) -> Rejected {
    let info = checks::find("duplicate-id").expect("duplicate-id is a check");
    let mut rejected = Rejected::new();
    for locale in &input.project.config.locales {
        let (loads, resolver) = &loading[locale.as_str()];
        // Key → (resource, file, offset) of each definition kept so far, in path order.
        let mut kept: BTreeMap<String, Vec<(&str, usize, usize)>> = BTreeMap::new();
        for resource in &input.resources {
            let Some(file) = input.file(locale, resource) else { continue };
            for entry in input.first_entries(file) {
                let key = entry.key();
                let reserved = input
                    .project
                    .config
                    .locales
                    .iter()
                    .find(|l| key.starts_with('-') && key.ends_with(&format!("__{l}")));
                if let Some(l) = reserved {
                    findings.push(
                        info.at_entry(
                            input.models[file].file,
                            entry,
                            format!("`{key}` ends in `__{l}`, which `songngu build` keeps for its copies of {l} terms; rename it"),
                        )
                        .label("reserved name"),
                    );
                    rejected.insert((locale.clone(), file, key));
                    continue;
                }
                let earlier = kept.get(&key).into_iter().flatten().find_map(|&(other, earlier, offset)| {
                    Some((earlier, offset, loads.together(resolver, other, resource)?))
                });
                match earlier {
                    Some((earlier, offset, together)) => {
                        let earlier = input.models[earlier].file;
                        let (line, _) = earlier.position(offset);
                        findings.push(
                            info.at_entry(
                                input.models[file].file,
                                entry,
                                format!("`{key}` is already defined in {}:{line}{together}", earlier.display),
                            )
                            .label("defined again here"),
                        );
                        rejected.insert((locale.clone(), file, key));
                    }
                    None => kept.entry(key).or_default().push((resource, file, entry.offset)),
                }
            }
        }
    }
    rejected
}

/// Decides what one locale serves, resource by resource, given the entries found broken.
fn assemble(
    input: &Input<'_, '_>,
    locale: &str,
    options: &BuildOptions,
    rejected: &Rejected,
    (loads, resolver): &(&Loading, Resolver<'_>),
) -> Plan {
    let is_rejected = |l: &str, file: usize, key: &str| rejected.contains(&(l.to_string(), file, key.to_string()));
    // Ids each resource's own file serves (first definitions, not broken), gathered once:
    // looking them up for every resource was quadratic. Two resources no app loads
    // together may each serve the same id.
    let mut owned_by: std::collections::HashMap<&str, BTreeSet<String>> = std::collections::HashMap::new();
    // The resources that serve each id, in path order (with what is filled in below).
    let mut claimed: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for resource in &input.resources {
        let Some(file) = input.file(locale, resource) else { continue };
        for entry in input.first_entries(file) {
            let key = entry.key();
            if !is_rejected(locale, file, &key) {
                claimed.entry(key.clone()).or_default().push(resource);
                owned_by.entry(resource).or_default().insert(key);
            }
        }
    }
    let mut plan = Plan::default();
    for resource in &input.resources {
        let reference_locale = input.reference_of[resource].as_str();
        let own = input.file(locale, resource);
        let owned: BTreeSet<String> = owned_by.remove(resource.as_str()).unwrap_or_default();
        let mut served: Vec<Served> = Vec::new();
        let mut keys: BTreeSet<String> = BTreeSet::new();
        let reference = input.file(reference_locale, resource).filter(|_| locale != reference_locale);
        if let Some(reference) = reference {
            for entry in input.first_entries(reference) {
                let key = entry.key();
                if is_rejected(reference_locale, reference, &key) {
                    continue;
                }
                // The reference's entry may work in its own language and not in this one
                // (it uses something this language lacks): then it is not served here.
                let usable = !is_rejected(locale, reference, &key);
                let s = match own.filter(|_| owned.contains(&key)) {
                    Some(own) => {
                        let stale = input.stale_facts.contains(&(locale.to_string(), resource.clone(), key.clone()));
                        if stale && usable {
                            Served::from_reference(key.clone(), reference, Origin::Replaced, reference_locale)
                        } else {
                            Served::own(key.clone(), own)
                        }
                    }
                    // Served by another resource the app loads with this one: the
                    // translator moved it there.
                    None if claimed.get(&key).is_some_and(|others| {
                        others.iter().any(|other| loads.together(resolver, other, resource).is_some())
                    }) =>
                    {
                        continue
                    }
                    None if !usable => {
                        plan.left_out.entry(resource.clone()).or_default().push(key);
                        continue;
                    }
                    None if options.missing == MissingPolicy::Fill => {
                        claimed.entry(key.clone()).or_default().push(resource);
                        Served::from_reference(key.clone(), reference, Origin::Filled, reference_locale)
                    }
                    None => {
                        plan.omitted.entry(resource.clone()).or_default().push(key);
                        continue;
                    }
                };
                keys.insert(key);
                served.push(s);
            }
        }
        if let Some(own) = own {
            for entry in input.first_entries(own) {
                let key = entry.key();
                // A message its reference no longer has (a retracted paragraph) is never
                // served: apps would show it although the source took it back. A term of
                // the locale's own (a private term) is kept for the messages that use it.
                let gone_from_reference = locale != reference_locale
                    && !key.starts_with('-')
                    && input.file(reference_locale, resource).is_none_or(|r| input.entry(r, &key).is_none());
                if gone_from_reference {
                    continue;
                }
                if owned.contains(&key) && !keys.contains(&key) {
                    keys.insert(key.clone());
                    served.push(Served::own(key, own));
                }
            }
        }
        plan.served.insert(resource.clone(), served);
    }
    copy_terms(input, locale, rejected, &mut plan);
    plan
}

/// Adds, once per locale, a copy of each term that entries served from another locale use
/// (directly or through other terms), in the resource that defines the term in that
/// locale: so what uses it depends on the same resources as in the locale it comes from,
/// and a copy never ties together two resources no app loads together (it did, when
/// copies went into the first resource that needed them).
fn copy_terms(input: &Input<'_, '_>, locale: &str, rejected: &Rejected, plan: &mut Plan) {
    let mut definitions: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut copied: BTreeSet<String> = BTreeSet::new();
    let mut copies: Vec<(String, Served)> = Vec::new();
    for served in plan.served.values() {
        for s in served.iter() {
            let Some(from) = &s.terms_from else { continue };
            let defined = definitions.entry(from.clone()).or_insert_with(|| definitions_of(input, from, rejected));
            let mut todo: Vec<(usize, String)> = vec![(s.file, s.source_key.clone())];
            while let Some((file, key)) = todo.pop() {
                let model = &input.models[file];
                let Some(entry) = model.get(&key) else { continue };
                for r in references(model.file, entry) {
                    let name = copy_name(&r.key, from);
                    if !r.key.starts_with('-') || copied.contains(&name) {
                        continue;
                    }
                    // The file's own term, else the first file of that locale with it.
                    let own = model.get(&r.key).map(|_| file);
                    let Some(term_file) = own.or_else(|| defined.get(&r.key).copied()) else { continue };
                    if rejected.contains(&(locale.to_string(), term_file, r.key.clone())) {
                        continue;
                    }
                    copied.insert(name.clone());
                    todo.push((term_file, r.key.clone()));
                    let copy = Served {
                        key: name,
                        source_key: r.key.clone(),
                        file: term_file,
                        origin: Origin::Copied,
                        terms_from: Some(from.clone()),
                    };
                    copies.push((input.models[term_file].file.resource.clone(), copy));
                }
            }
        }
    }
    for (resource, copy) in copies {
        plan.served.entry(resource).or_default().push(copy);
    }
}

/// Where a locale's own files define each id (the first resource, broken ones skipped).
fn definitions_of(input: &Input<'_, '_>, locale: &str, rejected: &Rejected) -> BTreeMap<String, usize> {
    let mut defined = BTreeMap::new();
    for resource in &input.resources {
        if let Some(file) = input.file(locale, resource) {
            for entry in input.first_entries(file) {
                let key = entry.key();
                if !rejected.contains(&(locale.to_string(), file, key.clone())) {
                    defined.entry(key).or_insert(file);
                }
            }
        }
    }
    defined
}

/// Checks what each locale would serve as a runtime will use it; returns the entries that
/// would fail, each with its finding.
fn validate(
    input: &Input<'_, '_>,
    plans: &BTreeMap<String, Plan>,
    configured: &Membership,
) -> Vec<(String, usize, String, Diagnostic)> {
    let unknown = checks::find("unknown-reference").expect("unknown-reference is a check");
    let variable = checks::find("variable-mismatch").expect("variable-mismatch is a check");
    let attribute = checks::find("attribute-mismatch").expect("attribute-mismatch is a check");
    let value = checks::find("value-mismatch").expect("value-mismatch is a check");
    let mut found = Vec::new();
    for (locale, plan) in plans {
        // Each served entry with its references, walked once for every check below.
        let walked: Vec<(&str, &Served, &FileModel<'_>, &Entry<'_>, Vec<Reference<'_>>)> = plan
            .served
            .iter()
            .flat_map(|(resource, served)| served.iter().map(move |s| (resource.as_str(), s)))
            .filter_map(|(resource, s)| {
                let model = &input.models[s.file];
                let entry = model.get(&s.source_key)?;
                Some((resource, s, model, entry, references(model.file, entry)))
            })
            .collect();
        // What a reference from each resource gets: its own entry, else the first of a
        // resource it is loaded with, by its place in `walked`.
        let serving = Serving::new(
            walked.iter().enumerate().map(|(n, (resource, s, _, _, _))| (*resource, *s, n)),
            configured,
            &input.resources,
        );
        // Loops among what is served, pattern by pattern: each is a served entry and, for
        // an attribute, its name; `{ a.b }` leads to `a`'s attribute `b`, `{ a }` to its
        // value.
        let mut edges: Vec<(&Served, &Reference<'_>)> = Vec::new();
        let mut patterns = Vec::new();
        for (n, (resource, s, _, _, refs)) in walked.iter().enumerate() {
            for r in refs {
                if let Some((_, to)) = serving.resolve(resource, &s.resolves(&r.key)) {
                    edges.push((*s, r));
                    patterns.push(((n, part_name(r.part)), (to, r.attribute)));
                }
            }
        }
        found.extend(served_twice(&walked, &serving, &patterns).into_iter().map(|(n, diagnostic)| {
            let (_, s, _, _, _) = walked[n];
            (locale.clone(), s.file, s.source_key.clone(), diagnostic.for_locale(locale.as_str()))
        }));
        for way in checks::cyclic_reference::loops(&patterns) {
            let (s, r) = edges[way.edges[0]];
            // Each step named as the reference that takes it is written.
            let names = way.names(|e| {
                let (_, r) = edges[e];
                Some(r.attribute.map_or_else(|| r.key.clone(), |a| format!("{}.{a}", r.key)))
            });
            let Some(names) = names else { continue };
            let file = input.models[s.file].file;
            let diagnostic = checks::cyclic_reference::INFO
                .at(file, r.offset..r.offset + r.len, Some(s.key.clone()), checks::cyclic_reference::describe(&names))
                .label("loop")
                .for_locale(locale.as_str());
            found.push((locale.clone(), s.file, s.source_key.clone(), diagnostic));
        }
        for (resource, s, model, entry, refs) in &walked {
            let reference_locale = input.reference_of[*resource].as_str();
            let mut problems = Vec::new();
            for r in refs {
                let kind = if r.key.starts_with('-') { "term" } else { "message" };
                let got = serving.resolve(resource, &s.resolves(&r.key)).map(|(_, n)| walked[n].3);
                let problem = match (got, r.attribute) {
                    (None, _) => match serving.outside(resource, &s.resolves(&r.key)) {
                        Some((there, bundles)) => format!(
                            "no resource of {locale} in this file's bundles (`{}`) serves the {kind} `{}`; {there} does, but is not loaded with it",
                            bundles.join("`, `"),
                            r.key
                        ),
                        None => format!("no resource of {locale} defines the {kind} `{}`", r.key),
                    },
                    (Some(d), Some(attr)) if !d.attributes.iter().any(|a| a.id.name == attr) => {
                        // The check's own words (`unknown-reference`), as for every finding here.
                        format!("`{}` has no attribute `.{attr}`", r.key)
                    }
                    (Some(d), None) if !d.is_term && d.value.is_none() => {
                        format!("`{}` has no value in {locale}, only attributes", r.key)
                    }
                    _ => continue,
                };
                problems.push(
                    unknown.at(model.file, r.offset..r.offset + r.len, Some(s.key.clone()), problem).label("unknown"),
                );
            }
            if s.origin == Origin::Own && locale != reference_locale {
                let reference = input.file(reference_locale, resource).and_then(|f| Some((f, input.entry(f, &s.key)?)));
                if let Some((rf, reference)) = reference {
                    // An app asks for what the reference has: a value, each attribute.
                    if reference.value.is_some() && entry.value.is_none() {
                        problems.push(
                            value
                                .at_entry(model.file, entry, "the reference has a value and the translation does not")
                                .label("no value"),
                        );
                    }
                    let lacking: Vec<String> = reference
                        .attributes
                        .iter()
                        .filter(|a| !entry.attributes.iter().any(|b| b.id.name == a.id.name))
                        .map(|a| format!("`.{}`", a.id.name))
                        .collect();
                    if !lacking.is_empty() {
                        problems.push(
                            attribute
                                .at_entry(
                                    model.file,
                                    entry,
                                    format!("the translation lacks {}", checks::list(&lacking)),
                                )
                                .label("attribute missing"),
                        );
                    }
                    let known = variables(input.models[rf].file, reference);
                    for (name, used) in variables(model.file, entry) {
                        if !known.contains_key(name) {
                            problems.push(
                                variable
                                    .at(
                                        model.file,
                                        used.offset..used.offset + name.len() + 1,
                                        Some(s.key.clone()),
                                        format!("`${name}` is not a variable of the {reference_locale} reference"),
                                    )
                                    .label("unknown variable"),
                            );
                        }
                    }
                }
            }
            for problem in problems {
                let problem = match s.origin {
                    Origin::Own => problem,
                    _ => problem.for_locale(locale.as_str()).help(format!(
                        "{locale} is served this entry from {reference_locale}; define what it uses in {locale}"
                    )),
                };
                found.push((locale.clone(), s.file, s.source_key.clone(), problem));
            }
        }
    }
    found
}

/// Where a locale serves each id, and which of those a reference from a resource gets: the
/// resource's own, else the first (in path order) that it is loaded with, as `check`
/// resolves references ([`crate::project::bundles`]): any resource, unless `[bundles]`
/// names the referring one.
struct Serving<'s, T> {
    by_key: BTreeMap<&'s str, Vec<(&'s str, T)>>,
    configured: &'s Membership,
    resources: &'s [String],
}

impl<'s, T: Copy> Serving<'s, T> {
    fn new(
        served: impl Iterator<Item = (&'s str, &'s Served, T)>,
        configured: &'s Membership,
        resources: &'s [String],
    ) -> Self {
        let mut by_key: BTreeMap<&str, Vec<(&str, T)>> = BTreeMap::new();
        for (resource, s, item) in served {
            by_key.entry(s.key.as_str()).or_default().push((resource, item));
        }
        Serving { by_key, configured, resources }
    }

    fn number(&self, resource: &str) -> Option<u32> {
        self.resources.binary_search_by(|r| r.as_str().cmp(resource)).ok().map(|n| n as u32)
    }

    /// The resource, and its item, that a reference to `key` from `resource` gets.
    fn resolve(&self, resource: &str, key: &str) -> Option<(&'s str, T)> {
        let list = self.by_key.get(key)?;
        if let Some(&own) = list.iter().find(|(r, _)| *r == resource) {
            return Some(own);
        }
        let here = self.number(resource).filter(|&n| self.configured.any(n));
        match here {
            None => list.first().copied(),
            Some(here) => list
                .iter()
                .find(|(r, _)| self.number(r).is_some_and(|there| self.configured.shared(here, there).is_some()))
                .copied(),
        }
    }
}

impl<T> Serving<'_, T> {
    /// For an id served only outside the bundles `[bundles]` puts `resource` in: the first
    /// resource that serves it, and the names of those bundles.
    fn outside(&self, resource: &str, key: &str) -> Option<(&str, Vec<&str>)> {
        let (there, _) = self.by_key.get(key)?.first()?;
        let here = self.resources.binary_search_by(|r| r.as_str().cmp(resource)).ok()?;
        Some((there, self.configured.names_of(here as u32)))
    }
}

/// A served pattern: an entry (by its place in what is served) and, for an attribute, its
/// name.
type Pattern<'t> = (usize, Option<&'t str>);

/// An id served by two resources that an app loads together, as served: one depends on
/// the other, or a third on both (the manifest's dependencies, which a runtime follows).
/// `duplicates_across_resources` keeps that from happening with what translators wrote;
/// this makes sure that nothing the build adds (a filled entry using another resource)
/// ties two such resources together. Each finding is about a later entry (by its place in
/// `walked`), which is then left out.
fn served_twice(
    walked: &[(&str, &Served, &FileModel<'_>, &Entry<'_>, Vec<Reference<'_>>)],
    serving: &Serving<'_, usize>,
    patterns: &[(Pattern<'_>, Pattern<'_>)],
) -> Vec<(usize, Diagnostic)> {
    let twice: Vec<&Vec<(&str, usize)>> = serving.by_key.values().filter(|list| list.len() > 1).collect();
    if twice.is_empty() {
        return Vec::new();
    }
    // Resource by resource, the resources that depend on it directly.
    let mut number: BTreeMap<&str, usize> = BTreeMap::new();
    for (resource, ..) in walked {
        let next = number.len();
        number.entry(resource).or_insert(next);
    }
    let mut users: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); number.len()];
    for &((from, _), (to, _)) in patterns {
        let (a, b) = (number[walked[from].0], number[walked[to].0]);
        if a != b {
            users[b].insert(a);
        }
    }
    let loading = |resource: usize| {
        let mut seen = vec![false; users.len()];
        let mut todo = vec![resource];
        seen[resource] = true;
        while let Some(r) = todo.pop() {
            for &user in &users[r] {
                if !std::mem::replace(&mut seen[user], true) {
                    todo.push(user);
                }
            }
        }
        seen
    };
    let duplicate = checks::find("duplicate-id").expect("duplicate-id is a check");
    let mut found = Vec::new();
    for list in twice {
        for (k, &(resource, n)) in list.iter().enumerate().skip(1) {
            let loads_this = loading(number[resource]);
            let earlier = list[..k].iter().find(|(other, _)| {
                let loads_other = loading(number[other]);
                loads_this.iter().zip(&loads_other).any(|(a, b)| *a && *b)
            });
            if let Some((other, _)) = earlier {
                let (_, s, model, entry, _) = &walked[n];
                let message = format!(
                    "`{}` is served by both {other} and {resource}, which are loaded together (one depends on the other, or another resource on both)",
                    s.key
                );
                found.push((n, duplicate.at_entry(model.file, entry, message).label("served twice")));
            }
        }
    }
    found
}

/// The attribute a part of an entry is, `None` for its value.
fn part_name(part: Part<'_>) -> Option<&str> {
    match part {
        Part::Value => None,
        Part::Attribute(name) => Some(name),
    }
}

/// Checks where a build may go and returns that folder as the system sees it (`..` and
/// symbolic links resolved, so `dist/../locales/x` or a link into the project is judged by
/// where it really points, and a link named as `--out` keeps pointing at the new build).
/// Refuses the project's own folders, and a folder that holds anything but an earlier
/// build, so a wrong `--out` cannot delete anyone's files.
pub fn check_out_dir(project: &Project, out: &Path) -> Result<PathBuf, Error> {
    let refuse = |why: &str| Err(Error::Usage(format!("{}: {why}", out.display())));
    let full = resolve(out).or_else(|why| refuse(&why))?;
    let root = resolve(&project.root).unwrap_or_else(|_| project.root.clone());
    if root.starts_with(&full) {
        return refuse("this folder holds the project itself; build into another one (default: dist)");
    }
    for (dir, what) in [(project.locales_dir(), "the translations"), (project.source_dir(), "the announcements")] {
        let dir = resolve(&dir).unwrap_or(dir);
        if full.starts_with(&dir) || dir.starts_with(&full) {
            return refuse(&format!("this folder holds or is inside {what}; build into another one (default: dist)"));
        }
    }
    match std::fs::metadata(&full) {
        Err(_) => Ok(full),
        Ok(meta) if !meta.is_dir() => refuse("exists and is not a folder"),
        Ok(_) => {
            let mut entries = std::fs::read_dir(&full).map_err(|e| Error::io(out, e))?;
            if entries.next().is_none() {
                return Ok(full);
            }
            let manifest = std::fs::read_to_string(full.join(crate::bundle::manifest::FILE_NAME))
                .ok()
                .and_then(|text| serde_json::from_str::<Manifest>(&text).ok());
            let Some(manifest) = manifest else {
                return refuse("this folder is not empty and holds no songngu build (no readable manifest.json); build into another folder, or empty it first");
            };
            // Everything in it must belong to that build: it is all replaced. The files it
            // lists, and the folders they are in (looked up, not searched: an archive's
            // build has tens of thousands of files).
            let mut files = std::collections::HashSet::new();
            let mut folders = std::collections::HashSet::new();
            for (locale, built) in &manifest.locales {
                folders.insert(locale.clone());
                for resource in built.resources.keys() {
                    let path = format!("{locale}/{resource}");
                    let mut folder = path.as_str();
                    while let Some((parent, _)) = folder.rsplit_once('/') {
                        folders.insert(parent.to_string());
                        folder = parent;
                    }
                    files.insert(path);
                }
            }
            for entry in walkdir::WalkDir::new(&full).min_depth(1).follow_links(false) {
                let entry = entry.map_err(|e| Error::io(&full, e.into()))?;
                let rel = entry.path().strip_prefix(&full).expect("walk stays under its root");
                let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                let listed = rel == crate::bundle::manifest::FILE_NAME
                    || files.contains(&rel)
                    || (entry.file_type().is_dir() && folders.contains(&rel));
                if !listed {
                    return refuse(&format!(
                        "`{rel}` is not part of the build this folder holds, and a build replaces the whole folder; move it away or build into another folder"
                    ));
                }
            }
            Ok(full)
        }
    }
}

/// The absolute path with `..` and symbolic links resolved as far as the path exists; the
/// rest is added as written. Refuses a path that runs through a file.
fn resolve(path: &Path) -> Result<PathBuf, String> {
    use std::path::Component;
    let absolute = std::path::absolute(path).map_err(|e| e.to_string())?;
    let components: Vec<Component<'_>> = absolute.components().collect();
    for k in (0..=components.len()).rev() {
        let prefix: PathBuf = components[..k].iter().collect();
        if k > 0 && std::fs::symlink_metadata(&prefix).is_err() {
            continue;
        }
        let mut base = std::fs::canonicalize(&prefix).unwrap_or(prefix);
        let rest = &components[k..];
        if !rest.is_empty() && !base.is_dir() {
            return Err(format!("{} is a file, not a folder", base.display()));
        }
        for c in rest {
            match c {
                Component::ParentDir => {
                    base.pop();
                }
                Component::Normal(name) => base.push(name),
                _ => {}
            }
        }
        return Ok(base);
    }
    Ok(absolute)
}

/// Writes a build to `out`: every file into a new folder beside it, then that folder
/// takes `out`'s place in one step (on Linux an atomic exchange; elsewhere two renames, so
/// `out` is briefly absent but never half-written). An earlier build there is removed.
pub fn write(build: &Build, out: &Path, project: &Project) -> Result<(), Error> {
    let _writing = project.write_lock()?;
    let out = &check_out_dir(project, out)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dist".into());
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.songngu-build-");
    // A build killed before its swap left its folder; under the write lock no other build
    // of this project is writing one.
    for entry in std::fs::read_dir(&parent).map_err(|e| Error::io(&parent, e))?.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) && entry.path().is_dir() {
            std::fs::remove_dir_all(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The usual 0777 less the umask, not a temporary folder's 0700: apps run as
        // other users read this folder.
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let staging = builder.tempdir_in(&parent).map_err(|e| Error::io(&parent, e))?;
    for ((locale, resource), text) in &build.files {
        let path = staging.path().join(locale).join(resource);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    }
    let manifest = staging.path().join(crate::bundle::manifest::FILE_NAME);
    std::fs::write(&manifest, build.manifest_text()).map_err(|e| Error::io(&manifest, e))?;

    if std::fs::symlink_metadata(out).is_err() {
        std::fs::rename(staging.path(), out).map_err(|e| Error::io(out, e))?;
        let _ = staging.keep();
        return Ok(());
    }
    // `staging` now names the earlier build; dropping it removes that.
    swap(staging.path(), out).map_err(|e| Error::io(out, e))?;
    Ok(())
}

/// Exchanges two folders at once where the system can (Linux `renameat2`).
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // Some file systems cannot exchange; fall back to two renames.
        Err(_) => swap_by_renames(a, b),
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> std::io::Result<()> {
    swap_by_renames(a, b)
}

/// `b` moves aside, `a` takes its place, the old `b` goes where `a` was.
fn swap_by_renames(a: &Path, b: &Path) -> std::io::Result<()> {
    let aside = a.with_extension("old");
    std::fs::rename(b, &aside)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e);
    }
    std::fs::rename(&aside, a)
}
