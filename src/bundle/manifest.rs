//! `manifest.json`: what `songngu build` wrote, for apps and for the runtime API.
//!
//! One document per build: the default locale, the policy the build followed, and per
//! locale each resource with its sha256, entry count, dependencies and completeness. Keys
//! are sorted and there is no timestamp, so two builds of the same input are identical.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The format version this build writes and the runtime reads.
pub const VERSION: u32 = 1;

/// The file name inside a build directory.
pub const FILE_NAME: &str = "manifest.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// The project's reference locale: the last step of every fallback chain.
    pub default_locale: String,
    pub policy: Policy,
    /// Per locale (every locale of the project), its built resources.
    pub locales: BTreeMap<String, LocaleManifest>,
}

/// What the build did with entries a target locale lacks or has stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub missing: MissingPolicy,
    pub drifted: DriftedPolicy,
}

/// `--missing`: what a target locale gets for an entry it does not have.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MissingPolicy {
    /// The reference's entry, so an app never shows a raw id (the default).
    #[default]
    Fill,
    /// Nothing: the app's own fallback decides.
    Omit,
}

/// `--drifted`: what a target locale serves for a translation whose reference changed a
/// fact (a number, date, URL or name) since it was accepted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DriftedPolicy {
    /// The reference's current text: a correct figure in the source language rather than
    /// a wrong one in the reader's (the default).
    #[default]
    Reference,
    /// The stale translation.
    Keep,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocaleManifest {
    /// By resource path (`press-conference.ftl`), the file at `<locale>/<path>`.
    pub resources: BTreeMap<String, ResourceManifest>,
}

/// One built file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceManifest {
    /// sha256 of the file's bytes, in hex.
    pub sha256: String,
    /// Messages and terms in the file.
    pub entries: usize,
    /// The locale the resource was written in (its source language).
    pub reference: String,
    /// Other resources of the same locale that define terms or messages this one uses:
    /// load them with it.
    pub dependencies: Vec<String>,
    pub completeness: Completeness,
    /// Ids the locale does not have, served from the reference.
    pub filled: Vec<String>,
    /// Ids whose translation is stale on a fact, served from the reference instead.
    pub replaced: Vec<String>,
    /// Ids the locale does not have and that were left out (`--missing omit`).
    pub omitted: Vec<String>,
    /// Ids whose text in this locale would fail at run time (`--allow-errors`): not
    /// served as written.
    pub left_out: Vec<String>,
}

/// How complete a resource is in a locale, counted over the reference's entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completeness {
    /// Present and translated (for the reference locale: every entry).
    pub translated: usize,
    /// Served from the reference because the locale lacks them.
    pub filled: usize,
    /// Translations whose reference changed since they were accepted (kept or replaced).
    pub drifted: usize,
    /// Present but still a copy of the reference.
    pub untranslated: usize,
    /// Present, never accepted (or edited since).
    pub unaccepted: usize,
}

impl Manifest {
    /// The manifest as written: pretty JSON, keys sorted, one trailing line end.
    pub fn to_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a manifest always serializes");
        text.push('\n');
        text
    }
}
