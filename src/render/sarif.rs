//! `--format sarif`: one SARIF 2.1.0 log (OASIS), the format GitHub code scanning and
//! other code-review tools read.
//!
//! The log has one run. Its tool lists one rule per code of the check registry, in
//! registry order, whether or not it was found, so a rule's index never depends on the
//! findings; each rule carries the code's `explain` text as its help. Each diagnostic is
//! one result that points at its rule by id and index, at its file (relative to the
//! project root, `%SRCROOT%`) and at its line and column. Columns count Unicode code
//! points, as [`crate::ftl::file::LineIndex`] does; the run says so (`columnKind`).
//!
//! A diagnostic carries a byte span but not the file's text, so the end of a region
//! cannot be given in code points here: regions have a start only.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::checks::{self, CheckInfo, CHECKS};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::run::CheckReport;

/// The schema named in the log's `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base every artifact URI is relative to: the project root.
const SRCROOT: &str = "%SRCROOT%";

/// The name of the partial fingerprint each result carries (see [`fingerprint_of`]).
pub const FINGERPRINT_KEY: &str = "songngu/finding/v1";

/// Writes the report as one SARIF 2.1.0 log, pretty-printed, with a trailing newline.
pub fn render(report: &CheckReport, out: &mut dyn Write) -> std::io::Result<()> {
    // Into memory first (see render::json).
    out.write_all(&serde_json::to_vec_pretty(&log(report))?)?;
    writeln!(out)
}

/// The SARIF level of a severity: `info` is SARIF's `note`.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A code as a SARIF rule name: `syntax-error` → `SyntaxError`.
pub fn rule_name(code: &str) -> String {
    code.split('-')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    original_uri_base_ids: BTreeMap<&'static str, BaseLocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct BaseLocation {
    description: Text,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 2],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: ResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

#[derive(Serialize)]
struct ResultProperties {
    locale: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new: Option<String>,
    /// For `syntax-error`: the Fluent parser's own text.
    #[serde(skip_serializing_if = "Option::is_none")]
    parser: Option<String>,
}

fn log(report: &CheckReport) -> Log {
    let rules: Vec<Rule> = CHECKS.iter().map(|check| rule(check.info())).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let results = report
        .diagnostics
        .iter()
        .map(|d| {
            let key = fingerprint_key(d);
            let occurrence = seen.entry(key.clone()).or_default();
            *occurrence += 1;
            result(d, fingerprint_of(&key, *occurrence))
        })
        .collect();
    Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "songngu",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                BaseLocation {
                    description: Text {
                        text: "The songngu project folder (the one with songngu.toml, or the one --root names)."
                            .to_string(),
                    },
                },
            )]),
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

fn rule(info: &'static CheckInfo) -> Rule {
    let explained = checks::explain(info);
    Rule {
        id: info.code,
        name: rule_name(info.code),
        short_description: Text { text: info.summary.to_string() },
        full_description: Text { text: what_it_finds(info.doc).unwrap_or_else(|| info.summary.to_string()) },
        help: Help { text: explained.clone(), markdown: explained },
        default_configuration: Configuration { level: level(info.severity) },
        properties: RuleProperties { tags: ["localization", "fluent"] },
    }
}

/// The *What it finds* section of a check's documentation, its wrapped lines joined.
fn what_it_finds(doc: &str) -> Option<String> {
    let (_, rest) = doc.split_once("## What it finds")?;
    let section = rest.split("\n## ").next().unwrap_or_default();
    let text = section.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn result(d: &Diagnostic, fingerprint: String) -> SarifResult {
    let text = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.to_string(),
    };
    SarifResult {
        rule_id: d.code,
        rule_index: CHECKS.iter().position(|c| c.info().code == d.code),
        level: level(d.severity),
        message: Text { text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri_of(&d.file), uri_base_id: SRCROOT },
                // SARIF counts from 1; a diagnostic should too, but a 0 must not make the log invalid.
                region: Region { start_line: d.line.max(1), start_column: d.column.max(1) },
            },
            message: d.label.as_ref().map(|label| Text { text: label.to_string() }),
        }],
        related_locations: d
            .related
            .iter()
            .map(|r| Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: uri_of(&r.file), uri_base_id: SRCROOT },
                    region: Region { start_line: r.line.max(1), start_column: r.column.max(1) },
                },
                message: Some(Text { text: r.message.clone() }),
            })
            .collect(),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
        properties: ResultProperties {
            locale: d.locale.to_string(),
            id: d.id.clone(),
            class: d.drift.as_ref().map(|drift| drift.class.as_str()),
            old: d.drift.as_ref().map(|drift| drift.old.clone()),
            new: d.drift.as_ref().map(|drift| drift.new.clone()),
            parser: d.parser.clone(),
        },
    }
}

/// What identifies a finding across runs: its code, locale, file and entry id, not its
/// line, so a finding keeps its identity when lines above it are added or removed.
fn fingerprint_key(d: &Diagnostic) -> String {
    format!("{}\0{}\0{}\0{}", d.code, d.locale, d.file, d.id.as_deref().unwrap_or(""))
}

/// A stable hash of a finding's key, and its occurrence among the findings with the same
/// key (in report order, which follows the file), as in `hash:2`.
fn fingerprint_of(key: &str, occurrence: usize) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("{hex}:{occurrence}")
}

/// A project-relative path as a relative URI reference: every byte outside the
/// unreserved characters and `/` is percent-encoded (UTF-8), so spaces, `%`, `#`, `?`,
/// `:` and Vietnamese letters in file names stay one valid path.
fn uri_of(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(rule_name("syntax-error"), "SyntaxError");
        assert_eq!(rule_name("missing"), "Missing");
        assert_eq!(rule_name("not-nfc"), "NotNfc");
        assert_eq!(rule_name(""), "");
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri_of("locales/vi/a.ftl"), "locales/vi/a.ftl");
        assert_eq!(uri_of("locales/vi/tin tức%#?:,.ftl"), "locales/vi/tin%20t%E1%BB%A9c%25%23%3F%3A%2C.ftl");
    }

    #[test]
    fn every_check_documents_what_it_finds() {
        for check in CHECKS {
            let info = check.info();
            let text = what_it_finds(info.doc).unwrap_or_default();
            assert!(!text.is_empty() && !text.contains('\n'), "{}: {text:?}", info.code);
        }
    }

    #[test]
    fn fingerprints_are_stable_and_count_repeats() {
        let a = fingerprint_of("k", 1);
        assert_eq!(a, fingerprint_of("k", 1));
        assert_ne!(a, fingerprint_of("k", 2));
        assert!(a.ends_with(":1") && a.len() == 34);
    }
}
