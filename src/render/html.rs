//! `songngu report --html FILE`: one static page for editors and translators.
//!
//! The page shows, for the project as it is on disk now:
//! - per language that translates something, a progress bar with the same figures as the
//!   `summary` of `songngu check --format json` (and `songngu status`);
//! - a table of every resource in every language (entries, translated, missing,
//!   untranslated, drifted by class, unaccepted, obsolete), the original language marked;
//! - every drifted translation: the word diff of its source since it was accepted
//!   (`<del>`/`<ins>`, so it survives without color) beside the translation as it is now;
//! - what is left to translate, language by language, with the source text;
//! - the other findings of `check`;
//! - each announcement side by side in every language, part by part, built in memory from
//!   the current files as `songngu render` does, with the parts shown in another language
//!   marked.
//!
//! The page is self-contained: inline CSS, no script, nothing loaded from elsewhere, and a
//! Content-Security-Policy that forbids loading anything should a text ever slip through.
//! Every text that comes from the project (texts, ids, file names, diff words) is escaped.
//!
//! **Reproducible**: the page carries no date and no absolute path, and everything in it
//! is sorted, so two reports of the same files are byte for byte identical and a report
//! can be kept under version control or compared with `diff`. It names the project by its
//! folder's name.

use std::collections::{BTreeMap, BTreeSet};

use crate::bundle::build::BuildOptions;
use crate::bundle::runtime::Catalog;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::run::{check_project, CheckOptions, CheckReport, Counts, ResourceStatus};
use crate::error::Error;
use crate::ftl::model::FileModel;
use crate::project::announcement::BlockKind;
use crate::project::Project;
use crate::records::drift::DiffTag;
use crate::records::drift::{Drift, DriftClass};
use crate::records::lockfile::{self, Lock};

/// The Content-Security-Policy of the page: nothing may be loaded, only inline styles
/// apply.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Builds the report page of `project`. Nothing is written or printed: the caller writes
/// the returned page where it wants.
///
/// Fails like `songngu check` does (an unreadable lock, a broken `songngu.toml`…). Parts
/// of announcements that cannot be shown are marked on the page instead.
pub fn html(project: &Project) -> Result<String, Error> {
    let report = check_project(project, &CheckOptions::default())?;
    let details = gather(project, &report)?;
    let options = BuildOptions { allow_errors: true, ..Default::default() };
    let build = crate::bundle::build::build_with(project, &options, Some(&report))?;
    let left_out = build.findings.len();
    let catalog = Catalog::from_build(build);
    let readings = readings(project, &catalog);
    Ok(page(project, &report, &details, &readings, left_out))
}

/// HTML-escapes a text for an element or a quoted attribute value: `&`, `<`, `>`, `"`
/// and `'`.
pub fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// A fragment identifier made of `prefix`, a number that keeps it unique and the
/// letters, digits and dashes of `name`.
fn anchor(prefix: &str, index: usize, name: &str) -> String {
    let clean: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    format!("{prefix}-{index}-{}", clean.trim_matches('-'))
}

/// The share translated, one decimal, never rounded up to 100% nor down to 0% when that
/// would not be true.
fn percent_label(counts: &Counts) -> String {
    let mut text = format!("{:.1}", counts.percent());
    if counts.translated < counts.entries && text == "100.0" {
        text = "99.9".into();
    } else if counts.translated > 0 && text == "0.0" {
        text = "0.1".into();
    }
    format!("{text}%")
}

/// A language's name for people, with its code: `Vietnamese (vi)`.
fn language_name(locale: &str) -> String {
    let name = match crate::text::language(locale) {
        "en" => "English",
        "vi" => "Vietnamese",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "zh" => "Chinese",
        "ja" => "Japanese",
        "ko" => "Korean",
        "th" => "Thai",
        "km" => "Khmer",
        "lo" => "Lao",
        "ru" => "Russian",
        _ => return locale.to_string(),
    };
    format!("{name} ({locale})")
}

/// The name alone, for short labels: `Vietnamese`.
fn short_name(locale: &str) -> String {
    let name = language_name(locale);
    match name.split_once(" (") {
        Some((name, _)) => name.to_string(),
        None => name,
    }
}

/// `1 entry`, `2 entries`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A help text or message of a finding, as a sentence: its first letter capitalized and
/// its `code` spans in `<code>`.
fn help_html(help: &str) -> String {
    // Only a plain word is capitalized: never a path or an id (`locales/vi/a.ftl is…`).
    let first_word = help.split_whitespace().next().unwrap_or_default();
    let plain = first_word.trim_end_matches([',', ':']).chars().all(char::is_alphabetic);
    let mut chars = help.chars();
    let help: String = match chars.next() {
        Some(first) if plain => first.to_uppercase().chain(chars).collect(),
        _ => help.to_string(),
    };
    let mut out = String::new();
    for (i, part) in help.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{}</code>", escape(part)));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// What the page shows, gathered from the files.

/// A drifted translation, with its current text.
struct DriftItem<'r> {
    locale: String,
    /// The language of the original, whose change the diff shows.
    original: String,
    id: String,
    file: String,
    line: usize,
    drift: &'r Drift,
    help: Option<&'r str>,
    /// The translation as it is now (its Fluent text, without `id =`).
    translation: Option<String>,
    /// The translation was edited after it was accepted (perhaps already revised).
    edited: bool,
}

/// What is left to translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Todo {
    /// The language has no file for the resource.
    NoFile,
    Missing,
    Untranslated,
}

/// One entry (or whole file) left to translate in one language.
struct TodoItem {
    state: Todo,
    resource: String,
    id: String,
    /// Where the source text is: the original's file and line.
    source_file: String,
    line: usize,
    /// The source text to translate (Fluent text without `id =`), or for a whole file
    /// its number of entries.
    text: String,
}

/// Everything the page needs from the files beyond the check report.
#[derive(Default)]
struct Details<'r> {
    drifts: Vec<DriftItem<'r>>,
    /// By locale, in project order.
    todo: BTreeMap<String, Vec<TodoItem>>,
}

/// The Fluent text of an entry without its `id =`.
fn body_of(entry: &crate::ftl::model::Entry<'_>) -> String {
    crate::ftl::fingerprint::body(&entry.canonical()).to_string()
}

fn gather<'r>(project: &Project, report: &'r CheckReport) -> Result<Details<'r>, Error> {
    let mut details = Details::default();
    // Every resource with its original language, from the statuses of the report.
    let mut resources: BTreeMap<&str, Option<&str>> = BTreeMap::new();
    for (locale, statuses) in &report.locales {
        for status in statuses {
            let original = resources.entry(status.resource.as_str()).or_default();
            if status.is_reference {
                *original = Some(locale.as_str());
            }
        }
    }
    let by_file = |code: &str, locale: &str, file: &str| -> Vec<&'r Diagnostic> {
        report.diagnostics.iter().filter(|d| d.code == code && *d.locale == *locale && *d.file == *file).collect()
    };
    for (resource, original) in resources {
        let Some(original) = original else { continue };
        let present = |locale: &str| {
            report
                .locales
                .iter()
                .find(|(l, _)| l == locale)
                .and_then(|(_, s)| s.iter().find(|s| s.resource == resource))
                .is_some_and(|s| s.present)
        };
        let reference_file = if present(original) { Some(project.load_file(original, resource)?) } else { None };
        let reference_parsed = reference_file.as_ref().map(|f| f.parse());
        let reference = match (&reference_file, &reference_parsed) {
            (Some(file), Some(parsed)) => Some(FileModel::new(file, parsed)),
            _ => None,
        };
        for (locale, _) in &report.locales {
            if locale == original {
                continue;
            }
            let todo = details.todo.entry(locale.clone()).or_default();
            if !present(locale) {
                if let Some(reference) = &reference {
                    let entries = reference.keys().count();
                    if entries > 0 {
                        todo.push(TodoItem {
                            state: Todo::NoFile,
                            resource: resource.to_string(),
                            id: String::new(),
                            source_file: reference.file.display.to_string(),
                            line: 1,
                            text: plural(entries, "entry", "entries"),
                        });
                    }
                }
                continue;
            }
            let file = project.load_file(locale, resource)?;
            let parsed = file.parse();
            let target = FileModel::new(&file, &parsed);
            if let Some(reference) = &reference {
                let untranslated: BTreeSet<&str> = by_file("untranslated", locale, &file.display)
                    .into_iter()
                    .filter_map(|d| d.id.as_deref())
                    .collect();
                let mut seen = BTreeSet::new();
                for entry in &reference.entries {
                    let key = entry.key();
                    let state = if !target.contains(&key) {
                        Todo::Missing
                    } else if untranslated.contains(key.as_str()) {
                        Todo::Untranslated
                    } else {
                        continue;
                    };
                    if !seen.insert(key.clone()) {
                        continue;
                    }
                    todo.push(TodoItem {
                        state,
                        resource: resource.to_string(),
                        source_file: reference.file.display.to_string(),
                        line: reference.file.position(entry.offset).0,
                        text: body_of(entry),
                        id: key,
                    });
                }
            }
            let drifted = by_file("drifted", locale, &file.display);
            if drifted.is_empty() {
                continue;
            }
            let lock = Lock::read(&lockfile::path_for(&project.file_path(locale, resource)))?;
            for d in drifted {
                let (Some(id), Some(drift)) = (&d.id, &d.drift) else { continue };
                let entry = target.get(id);
                let edited = match (entry, lock.entries.get(id)) {
                    (Some(entry), Some(record)) => record.translation != crate::ftl::fingerprint::of_entry(entry),
                    _ => false,
                };
                details.drifts.push(DriftItem {
                    locale: locale.clone(),
                    original: original.to_string(),
                    id: id.clone(),
                    file: d.file.to_string(),
                    line: d.line,
                    drift,
                    help: d.help.as_deref(),
                    translation: entry.map(body_of),
                    edited,
                });
            }
        }
    }
    // The costliest first: facts, then wording, then cosmetic; then by file and line.
    details
        .drifts
        .sort_by(|a, b| (b.drift.class, &a.file, a.line, &a.locale).cmp(&(a.drift.class, &b.file, b.line, &b.locale)));
    for items in details.todo.values_mut() {
        items.sort_by(|a, b| (&a.resource, a.line, a.state, &a.id).cmp(&(&b.resource, b.line, b.state, &b.id)));
    }
    Ok(details)
}

// ---------------------------------------------------------------------------------------
// The announcements side by side.

/// What a part of an announcement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartKind {
    Title,
    Date,
    Block(BlockKind),
}

/// Why a text is shown in another language than its column's.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    /// In the column's language.
    Own,
    /// The language lacks it; the build filled in the original.
    Filled(String),
    /// The translation is stale on a fact; the build serves the original instead.
    Replaced(String),
    /// The language's own text would break in an app (`songngu build` lists why); the
    /// build left it out and serves this language instead.
    LeftOut(String),
    /// Not served in the column's language at all; the runtime fell back to this one.
    Fallback(String),
}

/// One language's text of one part.
struct Cell {
    /// The text, or why there is none.
    text: Result<String, String>,
    /// The language the text is in.
    lang: String,
    shown: Shown,
    /// Problems met while formatting it (an argument not passed…).
    errors: Vec<String>,
}

/// One part (title, date, heading or paragraph) in every language.
struct Row {
    id: String,
    /// `title`, `date`, `h1`, `p3`.
    part: String,
    kind: PartKind,
    cells: Vec<Cell>,
}

/// One announcement in every language.
struct Reading {
    resource: String,
    /// The language it was written in.
    original: String,
    /// The languages of the columns, in project order.
    locales: Vec<String>,
    rows: Vec<Row>,
    /// Why it could not be laid out, when it could not.
    problem: Option<String>,
}

/// The part an id names in announcement `slug`: `slug-title`, `slug-date`, `slug-hN`,
/// `slug-pN`.
fn part_of<'i>(slug: &str, id: &'i str) -> Option<(&'i str, PartKind)> {
    let part = id.strip_prefix(slug)?.strip_prefix('-')?;
    let numbered = |letter: char| {
        part.strip_prefix(letter).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let kind = match part {
        "title" => PartKind::Title,
        "date" => PartKind::Date,
        _ if numbered('h') => PartKind::Block(BlockKind::Heading),
        _ if numbered('p') => PartKind::Block(BlockKind::Paragraph),
        _ => return None,
    };
    Some((part, kind))
}

/// Every announcement of the in-memory build, part by part in every language, aligned by
/// message id: a part that cannot be shown in one language leaves a marked gap instead
/// of shifting the rest. Laid out as `songngu render` does ([`crate::bundle::document`]).
fn readings(project: &Project, catalog: &Catalog) -> Vec<Reading> {
    let built = catalog.locales();
    let locales: Vec<String> = project.config.locales.iter().filter(|l| built.contains(&l.as_str())).cloned().collect();
    let manifest = catalog.manifest();
    let mut out = Vec::new();
    for resource in catalog.resources() {
        let Some(slug) = resource.strip_suffix(".ftl") else { continue };
        let original = manifest
            .locales
            .values()
            .find_map(|l| l.resources.get(resource).map(|r| r.reference.clone()))
            .unwrap_or_else(|| manifest.default_locale.clone());
        let mut reading = Reading {
            resource: resource.to_string(),
            original,
            locales: locales.clone(),
            rows: Vec::new(),
            problem: None,
        };
        let ids = match catalog.message_order(resource) {
            Ok(ids) => ids,
            Err(e) => {
                reading.problem = Some(e.to_string());
                out.push(reading);
                continue;
            }
        };
        let parts: Vec<(String, &str, PartKind)> =
            ids.iter().filter_map(|id| part_of(slug, id).map(|(part, kind)| (id.clone(), part, kind))).collect();
        if parts.is_empty() {
            // Terms or app strings, not an announcement.
            continue;
        }
        reading.rows = parts
            .iter()
            .map(|(id, part, kind)| Row { id: id.clone(), part: part.to_string(), kind: *kind, cells: Vec::new() })
            .collect();
        for locale in &locales {
            let localizer = match catalog.localizer(&[locale], &[resource]) {
                Ok(l) => l,
                Err(e) => {
                    for row in &mut reading.rows {
                        row.cells.push(Cell {
                            text: Err(e.to_string()),
                            lang: locale.clone(),
                            shown: Shown::Own,
                            errors: Vec::new(),
                        });
                    }
                    continue;
                }
            };
            let asked = localizer.locales().next().unwrap_or(locale).to_string();
            let served = manifest.locales.get(&asked).and_then(|l| l.resources.get(resource));
            for row in &mut reading.rows {
                let cell = match localizer.format(&row.id, None) {
                    Ok(formatted) => {
                        let reference = || served.map_or_else(String::new, |s| s.reference.clone());
                        let left_out = served.is_some_and(|s| s.left_out.contains(&row.id));
                        let shown = if formatted.locale != asked {
                            if left_out {
                                Shown::LeftOut(formatted.locale.clone())
                            } else {
                                Shown::Fallback(formatted.locale.clone())
                            }
                        } else if left_out {
                            Shown::LeftOut(reference())
                        } else if served.is_some_and(|s| s.filled.contains(&row.id)) {
                            Shown::Filled(reference())
                        } else if served.is_some_and(|s| s.replaced.contains(&row.id)) {
                            Shown::Replaced(reference())
                        } else {
                            Shown::Own
                        };
                        let lang = match &shown {
                            Shown::Own => asked.clone(),
                            Shown::Filled(l) | Shown::Replaced(l) | Shown::LeftOut(l) | Shown::Fallback(l) => l.clone(),
                        };
                        Cell { text: Ok(formatted.text), lang, shown, errors: formatted.errors }
                    }
                    Err(e) => {
                        Cell { text: Err(e.to_string()), lang: asked.clone(), shown: Shown::Own, errors: Vec::new() }
                    }
                };
                row.cells.push(cell);
            }
        }
        out.push(reading);
    }
    out
}

// ---------------------------------------------------------------------------------------
// The page.

const CSS: &str = r#"
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:#1f2328;background:#ffffff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;font-size:16px;line-height:1.55}
code,.mono{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:.88em}
header.top{background:#f6f8fa;border-bottom:1px solid #d1d9e0}
.wrap{max-width:1240px;margin:0 auto;padding:0 28px}
header.top .wrap{padding-top:22px;padding-bottom:18px}
.kicker{margin:0;color:#59636e;font-size:.8rem;letter-spacing:.06em;text-transform:uppercase}
h1{margin:.2rem 0 .4rem;font-size:1.75rem;line-height:1.25}
h2{margin:2.6rem 0 .4rem;font-size:1.35rem;line-height:1.3;padding-bottom:.35rem;border-bottom:1px solid #d1d9e0}
h3{margin:0 0 .5rem;font-size:1.08rem;line-height:1.35}
p{margin:.35rem 0}
.lede{color:#59636e;margin:.4rem 0 0}
.muted{color:#59636e}
.small{font-size:.85rem}
nav.toc{margin-top:.8rem;font-size:.92rem;display:flex;flex-wrap:wrap;gap:.2rem 1.1rem}
nav.toc a{color:#0b57a3;text-decoration:none;white-space:nowrap}
nav.toc a:hover{text-decoration:underline}
.findings b{font-weight:650}
.sev-error{color:#b42318}.sev-warning{color:#8a5a00}.sev-info{color:#59636e}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(340px,100%),1fr));gap:16px;margin-top:1rem}
.card{border:1px solid #d1d9e0;border-radius:8px;padding:16px 18px;background:#ffffff}
.bar{height:14px;background:#e4e9ee;border-radius:3px;overflow:hidden;margin:.55rem 0 .4rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fill{height:100%;background:#1f8a5b;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.figure{font-size:1.05rem;font-weight:600;margin:.2rem 0}
ul.counts{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;font-size:.92rem}
ul.counts .n{font-weight:650}
ul.counts .bad .n{color:#b42318}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{padding:.42rem .6rem;border-bottom:1px solid #e4e9ee;text-align:left;vertical-align:top}
thead th{font-size:.8rem;color:#59636e;font-weight:600;border-bottom:2px solid #d1d9e0;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.first td{border-top:1px solid #d1d9e0}
td.res{font-weight:600;white-space:nowrap}
td.lang{white-space:nowrap}
.zero{color:#8c959f}
.hot{color:#b42318;font-weight:650}
.tag{display:inline-block;font-size:.72rem;font-weight:600;line-height:1.4;padding:0 .45rem;border-radius:999px;border:1px solid #d1d9e0;color:#59636e;background:#f6f8fa;white-space:nowrap;vertical-align:.08em}
.tag.original{border-color:#9ec5f0;color:#0b57a3;background:#eef5fd}
.tag.facts{border-color:#b42318;color:#ffffff;background:#b42318}
.tag.wording{border-color:#d4a72c;color:#5c4400;background:#fff4c7}
.tag.cosmetic{color:#59636e}
.tag.loc{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace}
.drift{border:1px solid #d1d9e0;border-left:5px solid #8c959f;border-radius:8px;padding:14px 18px;margin:1rem 0;break-inside:avoid}
.drift.facts{border-left-color:#b42318;background:#fffafa}
.drift.wording{border-left-color:#d4a72c}
.drift .head{display:flex;flex-wrap:wrap;align-items:center;gap:.45rem .7rem}
.drift .head code{font-size:.95rem;font-weight:600}
.where{color:#59636e;font-size:.85rem}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:18px;margin-top:.7rem}
.cols h4{margin:0 0 .3rem;font-size:.8rem;font-weight:600;color:#59636e}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;padding:.6rem .75rem;background:#f6f8fa;border-radius:6px;line-height:1.6}
del{background:#ffd3cf;color:#8e1b10;text-decoration:line-through;text-decoration-thickness:1px;padding:0 1px;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
del+ins{margin-left:.2em}
ins{background:#c3efcf;color:#0c5a26;text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:2px;padding:0 1px;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.note{font-size:.88rem;color:#59636e;margin-top:.6rem}
.empty{color:#59636e;font-style:italic}
table.todo td.src{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.5}
table.todo td.id{white-space:nowrap}
.reading{margin:2rem 0 2.6rem;padding-top:1.2rem;border-top:3px solid #1f2328}
ol.index{margin:.6rem 0 0;padding-left:1.4rem;font-size:.95rem}
ol.index a{color:#0b57a3;text-decoration:none}
ol.index a:hover{text-decoration:underline}
.reading .meta{margin:.1rem 0 .6rem}
table.parallel{table-layout:fixed;font-size:.97rem}
table.parallel col.part{width:4.2rem}
table.parallel thead th{font-size:.85rem;color:#1f2328;background:#f6f8fa}
table.parallel th.part{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.75rem;font-weight:500;color:#8c959f;white-space:nowrap;padding-top:.55rem}
table.parallel td{line-height:1.62;white-space:pre-line;overflow-wrap:anywhere;padding:.55rem .8rem}
table.parallel tr.k-title td{font-size:1.12rem;font-weight:650;line-height:1.4}
table.parallel tr.k-date td{color:#59636e;font-style:italic}
table.parallel tr.k-heading td{font-weight:650}
table.parallel td.fallback{background:#fffbeb}
.badge{display:block;width:max-content;max-width:100%;margin:0 0 .3rem;padding:.05rem .5rem;border-radius:4px;background:#fff1c2;color:#5c4400;border:1px solid #e9c46a;font-size:.75rem;font-weight:600;font-style:normal;line-height:1.5;white-space:normal}
.badge.error{background:#ffebe9;color:#8e1b10;border-color:#f5a3a0}
footer{margin-top:3rem;padding:1rem 0 2rem;border-top:1px solid #d1d9e0;color:#59636e;font-size:.85rem}
@media (max-width:760px){
.wrap{padding:0 14px}
.cols{grid-template-columns:1fr}
table.parallel,table.parallel tbody,table.parallel tr,table.parallel td,table.parallel th{display:block;width:auto}
table.parallel thead{display:none}
table.parallel tr{border-bottom:1px solid #d1d9e0;padding:.3rem 0}
table.parallel td{border:0}
}
@media print{
body{font-size:10.5pt}
.wrap{max-width:none;padding:0}
header.top{background:none}
nav.toc{display:none}
.card,.drift,tr{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:inherit;text-decoration:none}
}
"#;

/// Where each section starts, for the contents line.
const PROGRESS: &str = "progress";
const RESOURCES: &str = "resources";
const DRIFTED: &str = "drifted";
const TODO: &str = "to-translate";
const FINDINGS: &str = "other-findings";
const READING: &str = "side-by-side";

/// Codes the sections above already show in full.
const SHOWN_ELSEWHERE: [&str; 4] = ["missing", "untranslated", "drifted", "unaccepted"];

fn page(
    project: &Project,
    report: &CheckReport,
    details: &Details<'_>,
    readings: &[Reading],
    left_out: usize,
) -> String {
    let name = project_name(project);
    let others: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| !SHOWN_ELSEWHERE.contains(&d.code)).collect();
    let todo_count: usize = details.todo.values().map(Vec::len).sum();
    let announcements = readings.iter().filter(|r| !r.rows.is_empty() || r.problem.is_some()).count();

    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        escape(CONTENT_SECURITY_POLICY)
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"generator\" content=\"songngu\">\n");
    out.push_str(&format!("<title>Translation report: {}</title>\n", escape(&name)));
    out.push_str(&format!("<style>{CSS}</style>\n</head>\n<body>\n"));

    // Header.
    out.push_str("<header class=\"top\"><div class=\"wrap\">\n");
    out.push_str("<p class=\"kicker\">songngu translation report</p>\n");
    out.push_str(&format!("<h1>{}</h1>\n", escape(&name)));
    let languages: Vec<String> = project.config.locales.iter().map(|l| language_name(l)).collect();
    out.push_str(&format!(
        "<p class=\"lede\">{} in {}, {}. ",
        plural(report.resources_checked, "resource", "resources"),
        plural(languages.len(), "language", "languages"),
        escape(&languages.join(", "))
    ));
    let counts = [
        (report.count(Severity::Error), "error", "errors", "sev-error"),
        (report.count(Severity::Warning), "warning", "warnings", "sev-warning"),
        (report.count(Severity::Info), "note", "notes", "sev-info"),
    ];
    if counts.iter().all(|c| c.0 == 0) {
        out.push_str("<span class=\"findings\"><b>No problems found</b> by <code>songngu check</code>.</span></p>\n");
    } else {
        let parts: Vec<String> = counts
            .iter()
            .map(|(n, one, many, class)| {
                let class = if *n == 0 { "muted" } else { class };
                format!("<b class=\"{class}\">{}</b>", plural(*n, one, many))
            })
            .collect();
        out.push_str(&format!(
            "<span class=\"findings\"><code>songngu check</code> finds {}.</span></p>\n",
            parts.join(", ")
        ));
    }
    out.push_str(
        "<p class=\"lede small\">Made from the files as they are now. The page has no date on purpose: two reports \
         of the same files are identical, so a changed report means changed files.</p>\n",
    );
    out.push_str("<nav class=\"toc\" aria-label=\"Contents\">");
    for (id, label) in [
        (PROGRESS, "Progress".to_string()),
        (RESOURCES, "Resources".to_string()),
        (DRIFTED, format!("Changed since translated ({})", details.drifts.len())),
        (TODO, format!("Left to translate ({todo_count})")),
        (FINDINGS, format!("Other findings ({})", others.len())),
        (READING, format!("Side by side ({announcements})")),
    ] {
        out.push_str(&format!("<a href=\"#{id}\">{}</a>", escape(&label)));
    }
    out.push_str("</nav>\n</div></header>\n<main class=\"wrap\">\n");

    progress_section(&mut out, report);
    resources_section(&mut out, project, report);
    drift_section(&mut out, details);
    todo_section(&mut out, project, details);
    findings_section(&mut out, &others);
    reading_section(&mut out, project, readings, left_out);

    out.push_str(&format!(
        "<footer>Made by songngu {} with <code>songngu report --html</code>. Run <code>songngu check</code> for \
         every finding with its place in the file, and <code>songngu explain CODE</code> for what a code means.\
         </footer>\n",
        escape(env!("CARGO_PKG_VERSION"))
    ));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The project's folder name (the page shows no absolute path).
fn project_name(project: &Project) -> String {
    let root = std::fs::canonicalize(&project.root).unwrap_or_else(|_| project.root.clone());
    root.file_name().map_or_else(|| "songngu project".to_string(), |n| n.to_string_lossy().into_owned())
}

/// Locales that translate at least one resource (not only the original of everything).
fn translating(report: &CheckReport) -> impl Iterator<Item = (&String, &Vec<ResourceStatus>)> {
    report.locales.iter().filter(|(_, statuses)| statuses.iter().any(|s| !s.is_reference)).map(|(l, s)| (l, s))
}

fn progress_section(out: &mut String, report: &CheckReport) {
    out.push_str(&format!("<section id=\"{PROGRESS}\">\n<h2>Progress</h2>\n"));
    out.push_str(
        "<p class=\"muted small\">Each language is counted over every entry its readers see, including the texts \
         that were written in it. An entry counts as translated when it is there, is not a copy of the original \
         and its original has not changed since the translation was accepted.</p>\n",
    );
    out.push_str("<div class=\"cards\">\n");
    let mut any = false;
    for (locale, statuses) in translating(report) {
        any = true;
        let total = report.totals(locale);
        let own: usize = statuses.iter().filter(|s| s.is_reference).map(|s| s.counts.entries).sum();
        let name = language_name(locale);
        out.push_str(&format!(
            "<section class=\"card\" id=\"progress-{}\" data-locale=\"{}\">\n<h3>{}</h3>\n",
            escape(&anchor_name(locale)),
            escape(locale),
            escape(&name)
        ));
        out.push_str(&format!(
            "<div class=\"bar\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" \
             aria-valuenow=\"{:.1}\" aria-label=\"{}: share translated\"><div class=\"fill\" style=\"width:{:.3}%\">\
             </div></div>\n",
            total.percent(),
            escape(&name),
            total.percent()
        ));
        out.push_str(&format!(
            "<p class=\"figure\">{} of {} translated ({})</p>\n",
            total.translated,
            total.entries,
            percent_label(&total)
        ));
        let item = |n: usize, what: &str| {
            let class = if n > 0 { " class=\"bad\"" } else { "" };
            format!("<li{class}><span class=\"n\">{n}</span> {what}</li>")
        };
        out.push_str("<ul class=\"counts\">");
        out.push_str(&item(total.missing, "missing"));
        out.push_str(&item(total.untranslated, "untranslated"));
        out.push_str(&item(total.drifted, "drifted"));
        out.push_str(&format!(
            "<li><span class=\"n\">{}</span> unaccepted</li><li><span class=\"n\">{}</span> obsolete</li></ul>\n",
            total.unaccepted, total.obsolete
        ));
        if total.drifted > 0 {
            out.push_str(&format!(
                "<p class=\"note\">Drifted by kind of change: facts {}, wording {}, cosmetic {}.</p>\n",
                total.drift.facts, total.drift.wording, total.drift.cosmetic
            ));
        }
        if own > 0 {
            out.push_str(&format!(
                "<p class=\"note\">Includes {} written in {} (the original).</p>\n",
                plural(own, "entry", "entries"),
                escape(&short_name(locale))
            ));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</div>\n");
    if !any {
        out.push_str("<p class=\"empty\">No language translates anything yet: every resource exists only in its original language.</p>\n");
    }
    for (locale, _) in report.locales.iter().filter(|(_, s)| !s.is_empty() && s.iter().all(|s| s.is_reference)) {
        out.push_str(&format!(
            "<p class=\"note\">{} is the original language of every resource: it has nothing to translate.</p>\n",
            escape(&language_name(locale))
        ));
    }
    out.push_str("</section>\n");
}

/// A locale code as a fragment identifier.
fn anchor_name(locale: &str) -> String {
    locale.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect()
}

fn resources_section(out: &mut String, project: &Project, report: &CheckReport) {
    out.push_str(&format!("<section id=\"{RESOURCES}\">\n<h2>Resources</h2>\n"));
    out.push_str(
        "<p class=\"muted small\">Every resource in every language. <span class=\"tag original\">original</span> \
         marks the language a resource was written in; the others are compared with it. Drifted entries are \
         split into facts (a number, date, name or link changed), wording and cosmetic changes.</p>\n",
    );
    let mut resources: Vec<&str> =
        report.locales.iter().flat_map(|(_, s)| s.iter().map(|s| s.resource.as_str())).collect();
    resources.sort_unstable();
    resources.dedup();
    out.push_str("<div class=\"scroll\"><table class=\"resources\">\n<thead><tr><th>Resource</th><th>Language</th>");
    for head in [
        "Entries",
        "Translated",
        "Missing",
        "Untranslated",
        "Drifted: facts / wording / cosmetic",
        "Unaccepted",
        "Obsolete",
    ] {
        out.push_str(&format!("<th class=\"num\">{head}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let num = |n: usize, hot: bool| {
        let class = if n == 0 {
            "num zero"
        } else if hot {
            "num hot"
        } else {
            "num"
        };
        format!("<td class=\"{class}\">{n}</td>")
    };
    for resource in resources {
        let rows: Vec<(&String, &ResourceStatus)> = report
            .locales
            .iter()
            .filter_map(|(l, s)| s.iter().find(|s| s.resource == resource).map(|s| (l, s)))
            .collect();
        for (i, (locale, status)) in rows.iter().enumerate() {
            out.push_str(if i == 0 { "<tr class=\"first\">" } else { "<tr>" });
            if i == 0 {
                out.push_str(&format!("<td class=\"res\" rowspan=\"{}\">{}</td>", rows.len(), escape(resource)));
            }
            let path = project.display_path(locale, resource);
            out.push_str(&format!(
                "<td class=\"lang\" title=\"{}\"><span class=\"tag loc\">{}</span>{}</td>",
                escape(&path),
                escape(locale),
                if status.is_reference { " <span class=\"tag original\">original</span>" } else { "" }
            ));
            let c = &status.counts;
            if status.is_reference {
                out.push_str(&num(c.entries, false));
                out.push_str("<td class=\"num muted\" colspan=\"6\">the original text</td>");
            } else if !status.present {
                out.push_str(&num(c.entries, false));
                out.push_str(&format!(
                    "<td class=\"num hot\">no file yet</td>{}<td class=\"num zero\">–</td><td class=\"num zero\">–</td>\
                     <td class=\"num zero\">–</td><td class=\"num zero\">–</td>",
                    num(c.missing, true)
                ));
            } else {
                out.push_str(&num(c.entries, false));
                out.push_str(&format!(
                    "<td class=\"num\">{} <span class=\"muted\">({})</span></td>",
                    c.translated,
                    percent_label(c)
                ));
                out.push_str(&num(c.missing, true));
                out.push_str(&num(c.untranslated, true));
                let drift_class = if c.drifted == 0 { "num zero" } else { "num" };
                let facts = if c.drift.facts > 0 {
                    format!("<span class=\"hot\">{}</span>", c.drift.facts)
                } else {
                    c.drift.facts.to_string()
                };
                out.push_str(&format!(
                    "<td class=\"{drift_class}\">{} <span class=\"muted\">({facts} / {} / {})</span></td>",
                    c.drifted, c.drift.wording, c.drift.cosmetic
                ));
                out.push_str(&num(c.unaccepted, false));
                out.push_str(&num(c.obsolete, false));
            }
            out.push_str("</tr>\n");
        }
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

/// The word diff as HTML: deleted words in `<del>`, inserted words in `<ins>`.
fn diff_html(drift: &Drift) -> String {
    let mut out = String::new();
    for op in &drift.diff {
        let text = escape(&op.text);
        match op.op {
            DiffTag::Delete => out.push_str(&format!("<del>{text}</del>")),
            DiffTag::Insert => out.push_str(&format!("<ins>{text}</ins>")),
            _ => out.push_str(&text),
        }
    }
    out
}

fn class_explanation(class: DriftClass) -> &'static str {
    match class {
        DriftClass::Facts => {
            "A number, date, name or link changed: until the translation is updated, its readers are told \
             something that is no longer true. The costliest kind of change."
        }
        DriftClass::Wording => "Words changed, but no number, date, name or link.",
        DriftClass::Cosmetic => {
            "Only punctuation, spacing or letter case changed; the translation may need no change at all."
        }
    }
}

fn drift_section(out: &mut String, details: &Details<'_>) {
    out.push_str(&format!("<section id=\"{DRIFTED}\">\n<h2>Changed since translated</h2>\n"));
    if details.drifts.is_empty() {
        out.push_str(
            "<p class=\"empty\">No original text changed after its translation was accepted.</p>\n</section>\n",
        );
        return;
    }
    out.push_str(
        "<p class=\"muted small\">These originals were edited after their translation was accepted (they are \
         <em>drifted</em>). Left: the original as it was then and as it is now, <del>deleted words</del> struck \
         out and <ins>inserted words</ins> underlined. Right: the translation as it is now. Update the \
         translation to say the same as the new original, then accept it.</p>\n",
    );
    for (i, item) in details.drifts.iter().enumerate() {
        let class = item.drift.class.as_str();
        out.push_str(&format!(
            "<article class=\"drift {class}\" id=\"{}\">\n<div class=\"head\"><code>{}</code><span class=\"tag loc\">{}\
             </span><span class=\"tag {class}\">{class}</span><span class=\"where mono\">{}:{}</span>",
            escape(&anchor("drift", i + 1, &item.id)),
            escape(&item.id),
            escape(&item.locale),
            escape(&item.file),
            item.line
        ));
        if item.edited {
            out.push_str("<span class=\"tag\">translation edited since</span>");
        }
        out.push_str("</div>\n");
        out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(class_explanation(item.drift.class))));
        out.push_str("<div class=\"cols\">\n");
        out.push_str(&format!(
            "<div><h4>The {} original: what changed since the translation was accepted</h4><p class=\"text diff\" lang=\"{}\">{}</p></div>\n",
            escape(&short_name(&item.original)),
            escape(&item.original),
            diff_html(item.drift)
        ));
        let language = short_name(&item.locale);
        let heading = if item.edited {
            format!("The {language} translation now (edited after it was accepted: perhaps already revised)")
        } else {
            format!("The {language} translation now (as accepted, for the old original)")
        };
        match &item.translation {
            Some(text) => out.push_str(&format!(
                "<div><h4>{}</h4><p class=\"text\" lang=\"{}\">{}</p></div>\n",
                escape(&heading),
                escape(&item.locale),
                escape(text)
            )),
            None => {
                out.push_str("<div><h4>The translation now</h4><p class=\"empty\">(not found in the file)</p></div>\n")
            }
        }
        out.push_str("</div>\n");
        if let Some(help) = item.help {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", help_html(help)));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}

fn todo_section(out: &mut String, project: &Project, details: &Details<'_>) {
    out.push_str(&format!("<section id=\"{TODO}\">\n<h2>Left to translate</h2>\n"));
    let total: usize = details.todo.values().map(Vec::len).sum();
    if total == 0 {
        out.push_str("<p class=\"empty\">Nothing: every entry is in every language.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<p class=\"muted small\">Entries a language does not have (<em>missing</em>) or still has as a copy of \
         the original (<em>untranslated</em>), with the original text to translate. <code>songngu sync LANGUAGE</code> \
         adds the missing ones to the files as copies to translate.</p>\n",
    );
    for locale in &project.config.locales {
        let Some(items) = details.todo.get(locale).filter(|i| !i.is_empty()) else { continue };
        out.push_str(&format!(
            "<h3 id=\"todo-{}\">{}: {}</h3>\n",
            escape(&anchor_name(locale)),
            escape(&language_name(locale)),
            plural(items.len(), "item", "items")
        ));
        out.push_str(
            "<div class=\"scroll\"><table class=\"todo\"><thead><tr><th>Entry</th><th>State</th><th>Original text</th>\
             <th>Where the original is</th></tr></thead>\n<tbody>\n",
        );
        for item in items {
            let (state, id, text) = match item.state {
                Todo::NoFile => (
                    "no file yet".to_string(),
                    format!("<code>{}</code>", escape(&item.resource)),
                    format!("the whole resource ({})", escape(&item.text)),
                ),
                Todo::Missing => {
                    ("missing".to_string(), format!("<code>{}</code>", escape(&item.id)), escape(&item.text))
                }
                Todo::Untranslated => {
                    ("untranslated".to_string(), format!("<code>{}</code>", escape(&item.id)), escape(&item.text))
                }
            };
            out.push_str(&format!(
                "<tr><td class=\"id\">{id}</td><td><span class=\"tag\">{state}</span></td><td class=\"src\">{text}</td>\
                 <td class=\"where mono\">{}:{}</td></tr>\n",
                escape(&item.source_file),
                item.line
            ));
        }
        out.push_str("</tbody></table></div>\n");
    }
    out.push_str("</section>\n");
}

fn findings_section(out: &mut String, others: &[&Diagnostic]) {
    out.push_str(&format!("<section id=\"{FINDINGS}\">\n<h2>Other findings</h2>\n"));
    if others.is_empty() {
        out.push_str("<p class=\"empty\">None: no broken syntax, mismatched figures, variables or references, and no stray characters.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<p class=\"muted small\">What <code>songngu check</code> finds besides missing, untranslated, drifted and \
         unaccepted entries. <code>songngu explain CODE</code> tells what a code means and how to fix it.</p>\n",
    );
    out.push_str(
        "<div class=\"scroll\"><table class=\"findings-table\"><thead><tr><th>Severity</th><th>Code</th>\
         <th>Language</th><th>Where</th><th>Entry</th><th>What</th></tr></thead>\n<tbody>\n",
    );
    for d in others {
        let severity = d.severity.as_str();
        let severity_label = if d.severity == Severity::Info { "note" } else { severity };
        out.push_str(&format!(
            "<tr><td class=\"sev-{severity}\">{severity_label}</td><td><code>{}</code></td><td><span class=\"tag loc\">\
             {}</span></td><td class=\"where mono\">{}:{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(d.code),
            escape(&d.locale),
            escape(&d.file),
            d.line,
            d.id.as_deref().map_or_else(String::new, |id| format!("<code>{}</code>", escape(id))),
            help_html(&d.message)
        ));
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn reading_section(out: &mut String, project: &Project, readings: &[Reading], left_out: usize) {
    out.push_str(&format!("<section id=\"{READING}\">\n<h2>Side by side</h2>\n"));
    out.push_str(
        "<p class=\"muted small\">Each announcement as its readers see it in every language, part by part, from \
         the files as they are now (as <code>songngu render</code> shows it). A part shown in another language \
         than its column's is marked: apps show it that way too until it is translated.</p>\n",
    );
    if left_out > 0 {
        out.push_str(&format!(
            "<p class=\"note\"><span class=\"badge error\">{} would break in an app</span> Those entries are left \
             out here and shown from the original where possible; <code>songngu build</code> lists them.</p>\n",
            plural(left_out, "problem", "problems")
        ));
    }
    let shown: Vec<&Reading> = readings.iter().filter(|r| !r.rows.is_empty() || r.problem.is_some()).collect();
    if shown.is_empty() {
        out.push_str("<p class=\"empty\">No announcements yet.</p>\n");
    }
    let heading = |reading: &Reading| -> String {
        let slug = reading.resource.strip_suffix(".ftl").unwrap_or(&reading.resource);
        let original_col = reading.locales.iter().position(|l| *l == reading.original);
        let title = reading
            .rows
            .iter()
            .find(|r| r.kind == PartKind::Title)
            .and_then(|r| original_col.and_then(|c| r.cells.get(c)))
            .and_then(|c| c.text.as_ref().ok());
        match title {
            Some(title) => format!("<span lang=\"{}\">{}</span>", escape(&reading.original), escape(title)),
            None => format!("<code>{}</code>", escape(slug)),
        }
    };
    if shown.len() > 1 {
        out.push_str("<ol class=\"index\">\n");
        for (i, reading) in shown.iter().enumerate() {
            let slug = reading.resource.strip_suffix(".ftl").unwrap_or(&reading.resource);
            out.push_str(&format!(
                "<li><a href=\"#{}\">{}</a></li>\n",
                escape(&anchor("read", i + 1, slug)),
                heading(reading)
            ));
        }
        out.push_str("</ol>\n");
    }
    for (i, reading) in shown.iter().enumerate() {
        let slug = reading.resource.strip_suffix(".ftl").unwrap_or(&reading.resource);
        out.push_str(&format!(
            "<section class=\"reading\" id=\"{}\">\n<h3>{}</h3>\n",
            escape(&anchor("read", i + 1, slug)),
            heading(reading)
        ));
        let fallbacks = reading.rows.iter().flat_map(|r| &r.cells).filter(|c| c.shown != Shown::Own).count();
        let mut meta = format!(
            "<code>{}</code> · written in {} · {}",
            escape(&if project.announcement_path(&reading.resource).is_file() {
                project.display_source(&reading.resource)
            } else {
                project.display_path(&reading.original, &reading.resource)
            }),
            escape(&short_name(&reading.original)),
            plural(reading.rows.len(), "part", "parts")
        );
        if fallbacks > 0 {
            meta.push_str(&format!(" · {} shown in another language", plural(fallbacks, "text", "texts")));
        }
        out.push_str(&format!("<p class=\"meta muted small\">{meta}</p>\n"));
        if let Some(problem) = &reading.problem {
            out.push_str(&format!(
                "<p><span class=\"badge error\">cannot be shown</span> {}</p>\n</section>\n",
                escape(problem)
            ));
            continue;
        }
        out.push_str("<div class=\"scroll\"><table class=\"parallel\">\n<colgroup><col class=\"part\">");
        for _ in &reading.locales {
            out.push_str("<col>");
        }
        out.push_str("</colgroup>\n<thead><tr><th scope=\"col\" class=\"part\">Part</th>");
        for locale in &reading.locales {
            let role = if *locale == reading.original {
                " <span class=\"tag original\">original</span>"
            } else {
                " <span class=\"tag\">translation</span>"
            };
            out.push_str(&format!("<th scope=\"col\">{}{role}</th>", escape(&language_name(locale))));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &reading.rows {
            let kind = match row.kind {
                PartKind::Title => "k-title",
                PartKind::Date => "k-date",
                PartKind::Block(BlockKind::Heading) => "k-heading",
                PartKind::Block(BlockKind::Paragraph) => "k-paragraph",
            };
            out.push_str(&format!(
                "<tr class=\"{kind}\"><th scope=\"row\" class=\"part\" title=\"{}\">{}</th>",
                escape(&row.id),
                escape(&row.part)
            ));
            for (locale, cell) in reading.locales.iter().zip(&row.cells) {
                out.push_str(&cell_html(locale, cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n</section>\n");
    }
    out.push_str("</section>\n");
}

/// One language's text of one part, with a badge when it is shown in another language or
/// could not be shown.
fn cell_html(column: &str, cell: &Cell) -> String {
    let badge = match &cell.shown {
        Shown::Own => String::new(),
        Shown::Filled(from) => format!("shown in {}: not translated yet", short_name(from)),
        Shown::Replaced(from) => {
            format!("shown in {}: the translation is out of date (a figure or name changed)", short_name(from))
        }
        Shown::LeftOut(from) => format!(
            "shown in {}: the {} text would break in an app (songngu build says why)",
            short_name(from),
            short_name(column)
        ),
        Shown::Fallback(from) => format!("shown in {}: not available in {}", short_name(from), short_name(column)),
    };
    let class = if cell.shown == Shown::Own { "" } else { " class=\"fallback\"" };
    let mut html = format!("<td lang=\"{}\"{class}>", escape(&cell.lang));
    if !badge.is_empty() {
        html.push_str(&format!("<span class=\"badge\" lang=\"en\">{}</span>", escape(&badge)));
    }
    match &cell.text {
        Ok(text) => html.push_str(&escape(text)),
        Err(why) => {
            html.push_str(&format!("<span class=\"badge error\" lang=\"en\">cannot be shown: {}</span>", escape(why)))
        }
    }
    for error in &cell.errors {
        html.push_str(&format!("<span class=\"badge error\" lang=\"en\">{}</span>", escape(error)));
    }
    html.push_str("</td>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_text_and_attribute_values() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("Hà Nội – 72"), "Hà Nội – 72");
    }

    #[test]
    fn anchors_keep_only_safe_characters() {
        assert_eq!(anchor("read", 3, "news/a\"><b>.ftl"), "read-3-news-a---b--ftl");
        assert_eq!(anchor("drift", 1, "signing-p3"), "drift-1-signing-p3");
    }

    #[test]
    fn percentages_never_overstate_or_understate() {
        let counts = |translated, entries| Counts { translated, entries, ..Counts::default() };
        assert_eq!(percent_label(&counts(74, 79)), "93.7%");
        assert_eq!(percent_label(&counts(9999, 10000)), "99.9%");
        assert_eq!(percent_label(&counts(1, 10000)), "0.1%");
        assert_eq!(percent_label(&counts(0, 0)), "100.0%");
    }

    #[test]
    fn parts_of_an_announcement() {
        assert_eq!(part_of("a", "a-title"), Some(("title", PartKind::Title)));
        assert_eq!(part_of("a", "a-p12"), Some(("p12", PartKind::Block(BlockKind::Paragraph))));
        assert_eq!(part_of("a", "a-h1"), Some(("h1", PartKind::Block(BlockKind::Heading))));
        assert_eq!(part_of("a", "a-photo-credit"), None);
        assert_eq!(part_of("a", "ab-title"), None);
    }

    #[test]
    fn help_code_spans_become_code() {
        assert_eq!(help_html("run `songngu accept vi <x>` now"), "Run <code>songngu accept vi &lt;x&gt;</code> now");
        assert_eq!(help_html("`a-p1` is missing"), "<code>a-p1</code> is missing");
        assert_eq!(help_html("locales/vi/a.ftl is missing"), "locales/vi/a.ftl is missing");
    }

    #[test]
    fn the_shipped_content_reports_without_scripts() {
        let project = Project::open(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        let page = html(&project).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(!page.contains("<script"));
        assert!(page.contains("Lễ mở ký Công ước LHQ về chống tội phạm mạng long trọng khai mạc tại Hà Nội"));
        assert_eq!(page, html(&project).unwrap());
    }
}
