//! The runtime API for Rust apps: open what `songngu build` wrote, pick the reader's
//! languages, format messages.
//!
//! ```text
//! Catalog::open("dist") ──negotiate "vi-VN", "en-GB"──▶ [vi, en] ──localizer(resources)──▶ Localizer
//! Localizer::format("press-conference-title", args) ──▶ Formatted { text, locale, errors }
//! ```
//! - Languages are negotiated with `fluent-langneg` (filtering): `vi-VN` finds `vi`,
//!   `en-GB` finds `en`; the build's default locale always ends the chain.
//! - Only the resources asked for are loaded, with the resources they depend on (from the
//!   manifest), in each locale of the chain.
//! - A message is taken from the first locale of the chain that has it (fallback message
//!   by message).
//! - Every file is checked against the manifest's sha256 before it is parsed, and parsed
//!   behind the same guards as `check`: a damaged build is an error value, not a crash.
//!   Nothing here prints or panics.
//!
//! Placeables are not wrapped in Unicode isolation marks unless asked
//! ([`Localizer::set_isolating`]): both languages of a songngu project run left to right,
//! and the marks get in the way of string comparison, search and copy-and-paste.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::{FluentArgs, FluentValue};

use crate::bundle::manifest::{Manifest, FILE_NAME, VERSION};

/// Why the runtime could not do what was asked. Each renders as one line.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a songngu build manifest ({why})")]
    Manifest { path: PathBuf, why: String },
    #[error("{locale}/{resource}: {why}; build again")]
    Damaged { locale: String, resource: String, why: String },
    #[error("this build has no resource `{0}`")]
    UnknownResource(String),
    #[error("this build has no announcement `{slug}` (it has {known})")]
    UnknownAnnouncement { slug: String, known: String },
    #[error("`{0}` has no title, headings or paragraphs: it is not an announcement")]
    NotAnAnnouncement(String),
    #[error("no locale of {tried} has the message `{id}`")]
    NotFound { id: String, tried: String },
    #[error("`{id}` ({locale}) has no attribute `.{attribute}`")]
    NoAttribute { id: String, attribute: String, locale: String },
    #[error("`{id}` ({locale}) has no value, only attributes")]
    NoValue { id: String, locale: String },
}

/// Where a catalog's files are.
#[derive(Debug, Clone)]
enum Files {
    Dir(PathBuf),
    Memory(BTreeMap<(String, String), String>),
}

/// A built directory (or an in-memory build), ready to make localizers.
#[derive(Debug, Clone)]
pub struct Catalog {
    manifest: Manifest,
    files: Files,
}

/// A formatted message or attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    pub text: String,
    /// The locale it came from: the first of the chain that has the message.
    pub locale: String,
    /// What went wrong while resolving it (an argument not passed, say). The text is still
    /// usable: Fluent shows the broken part as `{$name}`.
    pub errors: Vec<String>,
}

impl Catalog {
    /// Opens a folder written by `songngu build`; reads only its manifest.
    pub fn open(dir: impl AsRef<Path>) -> Result<Catalog, RuntimeError> {
        let dir = dir.as_ref();
        let path = dir.join(FILE_NAME);
        let text = std::fs::read_to_string(&path).map_err(|source| RuntimeError::Io { path: path.clone(), source })?;
        let manifest: Manifest = serde_json::from_str(&text)
            .map_err(|e| RuntimeError::Manifest { path: path.clone(), why: e.to_string() })?;
        if manifest.version != VERSION {
            return Err(RuntimeError::Manifest {
                path,
                why: format!("format version {}, this songngu reads version {VERSION}", manifest.version),
            });
        }
        Ok(Catalog { manifest, files: Files::Dir(dir.to_path_buf()) })
    }

    /// A catalog over a build that was not written ([`crate::bundle::build::build`]), for previews.
    pub fn from_build(build: crate::bundle::build::Build) -> Catalog {
        Catalog { manifest: build.manifest, files: Files::Memory(build.files) }
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The locales of the build, sorted.
    pub fn locales(&self) -> Vec<&str> {
        self.manifest.locales.keys().map(String::as_str).collect()
    }

    /// Every resource path of the build, in any locale, sorted.
    pub fn resources(&self) -> Vec<&str> {
        let all: BTreeSet<&str> =
            self.manifest.locales.values().flat_map(|l| l.resources.keys()).map(String::as_str).collect();
        all.into_iter().collect()
    }

    /// The fallback chain for a reader's languages (BCP 47 tags, best first): the build's
    /// locales that match, best first, then the default locale. Tags that cannot be read
    /// are skipped.
    pub fn negotiate(&self, requested: &[&str]) -> Vec<String> {
        let mut chain = self.matching(requested);
        let default = &self.manifest.default_locale;
        if !chain.contains(default) && self.manifest.locales.contains_key(default) {
            chain.push(default.clone());
        }
        chain
    }

    /// The build's locales that match a reader's languages, best first, without the
    /// default locale added: empty when none does (`zz`, or a typo such as `vn`).
    pub fn matching(&self, requested: &[&str]) -> Vec<String> {
        let requested = fluent_langneg::convert_vec_str_to_langids_lossy(requested);
        let available: Vec<(LanguageIdentifier, &String)> =
            self.manifest.locales.keys().filter_map(|l| Some((l.parse().ok()?, l))).collect();
        let ids: Vec<LanguageIdentifier> = available.iter().map(|(id, _)| id.clone()).collect();
        negotiate_languages(&requested, &ids, None, NegotiationStrategy::Filtering)
            .into_iter()
            .filter_map(|id| available.iter().find(|(a, _)| a == id).map(|(_, name)| (*name).clone()))
            .collect()
    }

    /// A localizer for a reader's languages (see [`Catalog::negotiate`]) that loads only
    /// `resources` (paths as in the manifest, `press-conference.ftl`) and what they depend
    /// on. An empty `resources` loads every resource; an id that two of them define (two
    /// pages no app loads together) is then the first one's, in path order.
    pub fn localizer(&self, requested: &[&str], resources: &[&str]) -> Result<Localizer, RuntimeError> {
        let chain = self.negotiate(requested);
        self.localizer_for_chain(&chain, resources)
    }

    /// Like [`Catalog::localizer`], with the fallback chain given as is (locales of the
    /// build, best first).
    pub fn localizer_for_chain(&self, chain: &[String], resources: &[&str]) -> Result<Localizer, RuntimeError> {
        let all = self.resources();
        for r in resources {
            if !all.contains(r) {
                return Err(RuntimeError::UnknownResource(r.to_string()));
            }
        }
        let wanted: Vec<&str> = if resources.is_empty() { all } else { resources.to_vec() };
        let mut locales = Vec::new();
        for locale in chain {
            let Some(built) = self.manifest.locales.get(locale) else { continue };
            let langid: LanguageIdentifier = locale.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            // NUMBER() and DATETIME(), as every Fluent runtime has them.
            let _ = bundle.add_builtins();
            let mut ids = BTreeMap::new();
            // The resources asked for and, transitively, their dependencies.
            let mut load: BTreeSet<&str> = BTreeSet::new();
            let mut todo: Vec<&str> = wanted.clone();
            while let Some(r) = todo.pop() {
                if let Some(entry) = built.resources.get(r) {
                    if load.insert(r) {
                        todo.extend(entry.dependencies.iter().map(String::as_str));
                    }
                }
            }
            for resource in load {
                let parsed = self.load(locale, resource)?;
                for entry in parsed.entries() {
                    if let ast::Entry::Message(m) = entry {
                        let attributes: Vec<String> = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
                        ids.entry(m.id.name.to_string()).or_insert(attributes);
                    }
                }
                let added = bundle.add_resource(parsed);
                // Every resource at once is more than any app loads: two resources that no
                // app loads together may define the same id (a build refuses that only
                // inside one bundle), and then the first in path order is the one shown.
                let overriding =
                    |e: &fluent_bundle::FluentError| matches!(e, fluent_bundle::FluentError::Overriding { .. });
                match added {
                    Err(errors) if !(resources.is_empty() && errors.iter().all(overriding)) => {
                        return Err(RuntimeError::Damaged {
                            locale: locale.clone(),
                            resource: resource.to_string(),
                            why: errors.first().map_or_else(String::new, ToString::to_string),
                        })
                    }
                    _ => {}
                }
            }
            locales.push(Loaded { locale: locale.clone(), bundle, ids });
        }
        Ok(Localizer { locales })
    }

    /// When `locale`'s bundle serves message `id` from the reference (the build filled it
    /// in or replaced a stale translation), the reference locale.
    pub fn served_from_reference(&self, locale: &str, id: &str) -> Option<String> {
        let built = self.manifest.locales.get(locale)?;
        built
            .resources
            .values()
            .find(|r| r.filled.iter().chain(&r.replaced).any(|f| f == id))
            .map(|r| r.reference.clone())
    }

    /// Whether the build served `id` from the reference because the translation `locale`
    /// has states facts its reference has since changed (`replaced` in the manifest).
    pub fn is_replaced(&self, locale: &str, id: &str) -> bool {
        self.manifest
            .locales
            .get(locale)
            .is_some_and(|built| built.resources.values().any(|r| r.replaced.iter().any(|f| f == id)))
    }

    /// The message ids of a resource in the order its source file has them (the file of
    /// its reference locale).
    pub fn message_order(&self, resource: &str) -> Result<Vec<String>, RuntimeError> {
        let locale = self
            .manifest
            .locales
            .iter()
            .find_map(|(_, m)| m.resources.get(resource).map(|r| r.reference.clone()))
            .ok_or_else(|| RuntimeError::UnknownResource(resource.to_string()))?;
        let locale = if self.manifest.locales.get(&locale).is_some_and(|m| m.resources.contains_key(resource)) {
            locale
        } else {
            self.manifest.default_locale.clone()
        };
        let parsed = self.load(&locale, resource)?;
        Ok(parsed
            .entries()
            .filter_map(|e| match e {
                ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect())
    }

    /// Reads, verifies and parses one built file.
    fn load(&self, locale: &str, resource: &str) -> Result<Arc<FluentResource>, RuntimeError> {
        let damaged =
            |why: String| RuntimeError::Damaged { locale: locale.to_string(), resource: resource.to_string(), why };
        let expected = self
            .manifest
            .locales
            .get(locale)
            .and_then(|l| l.resources.get(resource))
            .ok_or_else(|| RuntimeError::UnknownResource(resource.to_string()))?;
        let text = match &self.files {
            Files::Memory(files) => files
                .get(&(locale.to_string(), resource.to_string()))
                .cloned()
                .ok_or_else(|| damaged("missing from the build".into()))?,
            Files::Dir(dir) => {
                // Paths come from the manifest: refuse any that would leave the folder.
                let bad_part = |part: &str| part.is_empty() || part == "." || part == ".." || part.contains('\\');
                if resource.split('/').any(bad_part)
                    || locale.parse::<LanguageIdentifier>().is_err()
                    || bad_part(locale)
                {
                    return Err(damaged("the manifest names a path outside the build".into()));
                }
                let path = dir.join(locale).join(resource);
                let bytes = std::fs::read(&path).map_err(|source| RuntimeError::Io { path: path.clone(), source })?;
                String::from_utf8(bytes).map_err(|_| damaged("not UTF-8".into()))?
            }
        };
        if crate::ftl::fingerprint::of_text(&text) != expected.sha256 {
            return Err(damaged("its content does not match manifest.json (changed after the build?)".into()));
        }
        if let Some(why) = crate::ftl::file::nesting_too_deep(&text) {
            return Err(damaged(why.message));
        }
        match catch_unwind(|| FluentResource::try_new(text)) {
            Ok(Ok(resource)) => Ok(Arc::new(resource)),
            Ok(Err((_, errors))) => Err(damaged(format!(
                "text that does not parse as Fluent ({})",
                errors.first().map_or_else(String::new, |e| e.kind.to_string())
            ))),
            Err(_) => Err(damaged("the Fluent parser could not read it".into())),
        }
    }
}

struct Loaded {
    locale: String,
    bundle: FluentBundle<Arc<FluentResource>>,
    /// Message ids with their attribute names.
    ids: BTreeMap<String, Vec<String>>,
}

/// Formats messages for one reader: the bundles of a fallback chain, best first.
pub struct Localizer {
    locales: Vec<Loaded>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").field("locales", &self.locales().collect::<Vec<_>>()).finish()
    }
}

impl Localizer {
    /// The fallback chain, best first.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.locales.iter().map(|l| l.locale.as_str())
    }

    /// Wrap placeables in Unicode isolation marks (U+2068…U+2069), as Fluent does by
    /// default for right-to-left scripts. Off unless set.
    pub fn set_isolating(&mut self, on: bool) {
        for l in &mut self.locales {
            l.bundle.set_use_isolating(on);
        }
    }

    /// Every message id of the loaded resources, in any locale of the chain, sorted.
    pub fn message_ids(&self) -> Vec<&str> {
        let ids: BTreeSet<&str> = self.locales.iter().flat_map(|l| l.ids.keys()).map(String::as_str).collect();
        ids.into_iter().collect()
    }

    /// The locale a message comes from (the first of the chain that has it) and its
    /// attribute names there.
    pub fn find(&self, id: &str) -> Option<(&str, &[String])> {
        self.locales.iter().find_map(|l| l.ids.get(id).map(|a| (l.locale.as_str(), a.as_slice())))
    }

    /// Formats a message's value.
    pub fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Result<Formatted, RuntimeError> {
        self.format_part(id, None, args)
    }

    /// Formats one attribute of a message (`.label`, given as `label`).
    pub fn format_attribute(
        &self,
        id: &str,
        attribute: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<Formatted, RuntimeError> {
        self.format_part(id, Some(attribute), args)
    }

    fn format_part(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<Formatted, RuntimeError> {
        let Some(loaded) = self.locales.iter().find(|l| l.ids.contains_key(id)) else {
            return Err(RuntimeError::NotFound {
                id: id.to_string(),
                tried: self.locales().collect::<Vec<_>>().join(", "),
            });
        };
        let locale = loaded.locale.clone();
        let message = loaded
            .bundle
            .get_message(id)
            .ok_or_else(|| RuntimeError::NotFound { id: id.to_string(), tried: locale.clone() })?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name).map(|a| a.value()).ok_or_else(|| RuntimeError::NoAttribute {
                id: id.to_string(),
                attribute: name.to_string(),
                locale: locale.clone(),
            })?,
            None => {
                message.value().ok_or_else(|| RuntimeError::NoValue { id: id.to_string(), locale: locale.clone() })?
            }
        };
        let mut errors = Vec::new();
        let text =
            catch_unwind(AssertUnwindSafe(|| loaded.bundle.format_pattern(pattern, args, &mut errors).into_owned()))
                .unwrap_or_else(|_| {
                    errors.clear();
                    format!("{{{id}}}")
                });
        Ok(Formatted { text, locale, errors: errors.iter().map(ToString::to_string).collect() })
    }
}

/// `NAME=VALUE` pairs from the command line as Fluent arguments: a value that reads as a
/// number is passed as a number (so plural forms and `NUMBER()` work), anything else as text.
pub fn parse_args(pairs: &[String]) -> Result<FluentArgs<'static>, String> {
    let mut args = FluentArgs::new();
    for pair in pairs {
        let Some((name, value)) = pair.split_once('=') else {
            return Err(format!("--arg {pair}: write it as NAME=VALUE (for example --arg count=3)"));
        };
        let name = name.trim().trim_start_matches('$');
        if name.is_empty() {
            return Err(format!("--arg {pair}: the name is empty"));
        }
        // Only a number written the way it prints (`93`, `-2`, `2.5`) is passed as one:
        // `0912345678`, `+84` or `1.50` stay text, as written.
        match value.parse::<f64>() {
            Ok(number) if number.is_finite() && number.to_string() == value => args.set(name.to_string(), number),
            _ => args.set(name.to_string(), value.to_string()),
        }
    }
    Ok(args)
}
