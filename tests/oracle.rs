//! A differential oracle: two Fluent runtimes that songngu does not use, `@fluent/bundle`
//! (JavaScript) and `fluent.runtime` (Python), load real projects' source `.ftl` files
//! bundle by bundle, as songngu defines bundles (each resource with what it depends on,
//! and each `[bundles]` bundle: `songngu::project::bundles::loaded_together`), format every
//! message and term with no arguments, and say what goes wrong: text their parser cannot
//! read, a second definition of an id a bundle already has, an unknown reference, a loop.
//! songngu's `check` is held to what they say:
//!
//! - **precision**: every runtime-breaking finding (`syntax-error`, `duplicate-id`,
//!   `unknown-reference`, `cyclic-reference`, at error level) is confirmed by an error of
//!   the same kind at the same entry (file and id; a syntax error by a parse error in the
//!   file covering its line), in each runtime. Below 100% the test fails.
//! - **recall**: of the errors each runtime gives (but a missing argument: none are
//!   passed), how many songngu finds: a warning or error of any code at that entry, or at
//!   the entry it inherits the error from (a message that uses a broken term shows the
//!   term's error; it is counted once, at the term). Printed, with the misses; not a
//!   failure.
//!
//! On the shipped content, every fixture project of `tests/fixtures/` (broken on purpose),
//! and with `../shared/corpora/` the Firefox (current en-US, vi) and mozilla.org (en, vi)
//! corpora. The runtime side is `tests/conformance/oracle.mjs` and `oracle.py`: one job
//! (every bundle of a corpus) on stdin, one JSON answer. Without the runtimes the test says
//! what it skips, unless `SONGNGU_CONFORMANCE=require` (set by `.ci/run`).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{linked_project, say, FIREFOX_CONFIG};
use serde_json::{json, Value};
use songngu::project::bundles::loaded_together;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The findings that mean an app's runtime would fail on the text, with the kinds of
/// runtime error that confirm each.
const BREAKING: &[(&str, &[&str])] = &[
    ("syntax-error", &["junk", "unreadable"]),
    ("duplicate-id", &["override"]),
    ("unknown-reference", &["unknown", "no-value"]),
    ("cyclic-reference", &["cyclic"]),
];

/// A file of a corpus: which project, locale and path as songngu shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Shown {
    project: usize,
    locale: String,
    file: String,
}

/// An entry of a corpus: its file and its id.
type At = (Shown, String);

/// One runtime error where a runtime gives it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct RuntimeError {
    at: At,
    kind: String,
    error: String,
}

/// A finding of `check`, as much of it as is compared.
#[derive(Debug, Clone)]
struct Finding {
    at: Shown,
    id: Option<String>,
    line: u64,
    code: String,
    severity: String,
    message: String,
}

/// One or more projects checked together (the fixtures are many small ones).
struct Corpus {
    name: String,
    roots: Vec<PathBuf>,
    /// Temporary projects (links to the corpora), removed at the end.
    _keep: Vec<tempfile::TempDir>,
}

fn corpora_to_check() -> Vec<Corpus> {
    let mut out = vec![Corpus { name: "shipped content".into(), roots: vec![repo()], _keep: Vec::new() }];
    let mut fixtures = Vec::new();
    for code in std::fs::read_dir(repo().join("tests/fixtures")).unwrap() {
        for case in std::fs::read_dir(code.unwrap().path()).unwrap() {
            fixtures.push(case.unwrap().path());
        }
    }
    fixtures.sort();
    out.push(Corpus { name: "fixtures".into(), roots: fixtures, _keep: Vec::new() });
    if let Some(corpora) = common::corpora() {
        let firefox = corpora.join("firefox");
        let project = linked_project(FIREFOX_CONFIG, &[("en-US", firefox.join("en-US")), ("vi", firefox.join("vi"))]);
        out.push(Corpus { name: "firefox".into(), roots: vec![project.path().to_path_buf()], _keep: vec![project] });
        let mozorg = tempfile::tempdir().unwrap();
        std::fs::write(mozorg.path().join("songngu.toml"), common::mozorg_config().unwrap()).unwrap();
        out.push(Corpus { name: "mozorg".into(), roots: vec![mozorg.path().to_path_buf()], _keep: vec![mozorg] });
    }
    out
}

/// The runtimes that are installed: (name, command that reads a job on stdin).
fn runtimes() -> Vec<(&'static str, Command)> {
    let dir = repo().join("tests/conformance");
    let mut out = Vec::new();
    let node = if dir.join("node_modules/@fluent/bundle/package.json").is_file() {
        common::installed("SONGNGU_CONFORMANCE", "JavaScript (@fluent/bundle)", Command::new("node").arg("--version"))
    } else {
        common::skip_unless_required(
            "SONGNGU_CONFORMANCE",
            "@fluent/bundle (tests/conformance/node_modules: `npm ci --prefix tests/conformance`)",
        );
        false
    };
    if node {
        let mut command = Command::new("node");
        command.arg(dir.join("oracle.mjs"));
        out.push(("@fluent/bundle", command));
    }
    let python = common::installed(
        "SONGNGU_CONFORMANCE",
        "Python (fluent.runtime)",
        Command::new("python3").args(["-c", "import fluent.runtime, fluent.syntax"]),
    );
    if python {
        let mut command = Command::new("python3");
        command.arg(dir.join("oracle.py"));
        out.push(("fluent.runtime", command));
    }
    out
}

/// Runs a runtime's script on a job and reads its answer.
fn run(name: &str, command: &mut Command, job: &Value) -> Value {
    use std::io::Write;
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let text = serde_json::to_vec(job).unwrap();
    // Written on a thread of its own: the script may answer before it has read it all.
    let writer = std::thread::spawn(move || stdin.write_all(&text));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `songngu check --format json --no-cache` on a project: its findings.
fn check(project: usize, root: &Path) -> Vec<Finding> {
    let out = Command::new(env!("CARGO_BIN_EXE_songngu"))
        .arg("--root")
        .arg(root)
        .args(["check", "--format", "json", "--no-cache"])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}: {}", root.display(), String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |d: &Value, key: &str| d[key].as_str().unwrap_or_default().to_string();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Finding {
            at: Shown { project, locale: text(d, "locale"), file: text(d, "file") },
            id: d["id"].as_str().map(str::to_string),
            line: d["line"].as_u64().unwrap_or(0),
            code: text(d, "code"),
            severity: text(d, "severity"),
            message: text(d, "message"),
        })
        .collect()
}

/// Text a runtime's parser could not read.
struct Problem {
    kind: String,
    line: u64,
    /// The last line; `None`: the whole file is lost.
    end: Option<u64>,
    error: String,
}

impl Problem {
    fn covers(&self, line: u64) -> bool {
        self.line <= line && self.end.is_none_or(|end| line <= end)
    }
}

/// An entry's errors in one bundle, (kind, text) each, and the entries it refers to there.
#[derive(Default)]
struct Errored {
    errors: Vec<(String, String)>,
    refs: Vec<At>,
}

/// One bundle's errors by entry.
type Bundle = BTreeMap<At, Errored>;

/// What one runtime said about a corpus, read into the test's terms.
struct Said {
    parse: BTreeMap<Shown, Vec<Problem>>,
    bundles: Vec<Bundle>,
}

fn read_said(answer: &Value, shown: &BTreeMap<String, Shown>) -> Said {
    let file = |v: &Value| shown[v.as_str().expect("a file path")].clone();
    let mut parse = BTreeMap::new();
    for (path, problems) in answer["files"].as_object().unwrap() {
        let list: Vec<_> = problems
            .as_array()
            .unwrap()
            .iter()
            .map(|p| Problem {
                kind: p["kind"].as_str().unwrap().to_string(),
                line: p["line"].as_u64().unwrap(),
                end: p["end"].as_u64(),
                error: p["error"].as_str().unwrap().to_string(),
            })
            .collect();
        parse.insert(shown[path.as_str()].clone(), list);
    }
    let bundles = answer["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|errors| {
            let mut by_entry = Bundle::new();
            for e in errors.as_array().unwrap() {
                let at = (file(&e["file"]), e["id"].as_str().unwrap().to_string());
                let refs =
                    e["refs"].as_array().unwrap().iter().map(|r| (file(&r[0]), r[1].as_str().unwrap().to_string()));
                let slot = by_entry.entry(at).or_default();
                slot.errors.push((e["kind"].as_str().unwrap().to_string(), e["error"].as_str().unwrap().to_string()));
                slot.refs = refs.collect();
            }
            by_entry
        })
        .collect();
    Said { parse, bundles }
}

/// The entries reachable from `from` through entries that have `error` in one bundle,
/// `from` included.
fn reach<'b>(bundle: &'b Bundle, from: &'b At, error: &(String, String)) -> BTreeSet<&'b At> {
    let mut seen = BTreeSet::from([from]);
    let mut todo = vec![from];
    while let Some(at) = todo.pop() {
        for next in bundle.get(at).map(|e| e.refs.as_slice()).unwrap_or_default() {
            let has = bundle.get(next).is_some_and(|e| e.errors.contains(error));
            if has && seen.insert(next) {
                todo.push(next);
            }
        }
    }
    seen
}

/// Precision and recall of one corpus, one locale, one runtime.
#[derive(Default)]
struct Figures {
    confirmed: usize,
    unconfirmed: Vec<String>,
    found: usize,
    missed: Vec<String>,
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!("{:.0}%", 100.0 * part as f64 / whole as f64)
    }
}

/// Holds `check`'s findings on a corpus to what one runtime said; figures per locale.
fn compare(said: &Said, findings: &[Finding], locales: &BTreeSet<String>) -> BTreeMap<String, Figures> {
    let mut figures: BTreeMap<String, Figures> = locales.iter().map(|l| (l.clone(), Figures::default())).collect();
    // Every runtime error at each entry, over all bundles.
    let mut errors_at: BTreeMap<&At, BTreeSet<&str>> = BTreeMap::new();
    for bundle in &said.bundles {
        for (at, e) in bundle {
            errors_at.entry(at).or_default().extend(e.errors.iter().map(|(kind, _)| kind.as_str()));
        }
    }
    let describe = |f: &Finding| {
        format!(
            "{} {}:{} {}: {} ({})",
            f.code,
            f.at.file,
            f.line,
            f.id.as_deref().unwrap_or("-"),
            f.message,
            f.severity
        )
    };
    // Precision.
    for f in findings {
        let Some((_, kinds)) = BREAKING.iter().find(|(code, _)| *code == f.code) else { continue };
        if f.severity != "error" {
            continue;
        }
        let confirmed = match (f.code.as_str(), &f.id) {
            ("syntax-error", _) => said
                .parse
                .get(&f.at)
                .into_iter()
                .flatten()
                .any(|p| kinds.contains(&p.kind.as_str()) && p.covers(f.line)),
            (_, Some(id)) => errors_at
                .get(&(f.at.clone(), id.clone()))
                .is_some_and(|found| found.iter().any(|kind| kinds.contains(kind))),
            (_, None) => false,
        };
        let figures = figures.entry(f.at.locale.clone()).or_default();
        if confirmed {
            figures.confirmed += 1;
        } else {
            figures.unconfirmed.push(describe(f));
        }
    }
    // Recall: songngu's warnings and errors (infos are about the work, not the text) by
    // entry and by file.
    let mut flagged: BTreeSet<(&Shown, &str)> = BTreeSet::new();
    let mut lines: BTreeMap<&Shown, Vec<u64>> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.severity != "info") {
        if let Some(id) = &f.id {
            flagged.insert((&f.at, id));
        }
        lines.entry(&f.at).or_default().push(f.line);
    }
    for (file, problems) in &said.parse {
        for p in problems {
            let found = lines.get(file).into_iter().flatten().any(|&l| p.covers(l));
            let figures = figures.entry(file.locale.clone()).or_default();
            if found {
                figures.found += 1;
            } else {
                figures.missed.push(format!("{} {}:{}: {}", p.kind, file.file, p.line, p.error));
            }
        }
    }
    // Each error once (a resource's entries are formatted in every bundle that loads it),
    // where it arises: not at an entry that only uses another entry with the same error
    // (unless that one leads back to it: a loop's every text has it).
    let mut outcome: BTreeMap<RuntimeError, bool> = BTreeMap::new();
    for bundle in &said.bundles {
        for (at, errored) in bundle {
            for error in &errored.errors {
                let inherited = errored.refs.iter().any(|next| {
                    next != at
                        && bundle.get(next).is_some_and(|e| e.errors.contains(error))
                        && !reach(bundle, next, error).contains(at)
                });
                if inherited {
                    continue;
                }
                let found = reach(bundle, at, error).iter().any(|(file, id)| flagged.contains(&(file, id.as_str())));
                let key = RuntimeError { at: at.clone(), kind: error.0.clone(), error: error.1.clone() };
                *outcome.entry(key).or_default() |= found;
            }
        }
    }
    for (e, found) in outcome {
        let figures = figures.entry(e.at.0.locale.clone()).or_default();
        if found {
            figures.found += 1;
        } else {
            figures.missed.push(format!("{} {} {}: {}", e.kind, e.at.0.file, e.at.1, e.error));
        }
    }
    figures
}

/// At most this many misses are listed per corpus, locale and runtime (with a count by
/// kind for all of them).
const LISTED: usize = 12;

/// A corpus as the runtimes are given it: the job (every bundle of every project), where
/// each file is shown, and `check`'s findings.
struct Prepared {
    job: Value,
    shown: BTreeMap<String, Shown>,
    findings: Vec<Finding>,
}

fn prepare(roots: &[PathBuf]) -> Prepared {
    let mut bundles = Vec::new();
    let mut shown: BTreeMap<String, Shown> = BTreeMap::new();
    let mut findings = Vec::new();
    for (n, root) in roots.iter().enumerate() {
        let project = songngu::Project::open(root).unwrap();
        for together in loaded_together(&project).unwrap() {
            let mut files = Vec::new();
            for resource in &together.resources {
                let path = project.file_path(&together.locale, resource).to_string_lossy().into_owned();
                let file = project.display_path(&together.locale, resource);
                shown.insert(path.clone(), Shown { project: n, locale: together.locale.clone(), file });
                files.push(path);
            }
            bundles.push(json!({"locale": together.locale, "files": files}));
        }
        findings.extend(check(n, root));
    }
    Prepared { job: json!({ "bundles": bundles }), shown, findings }
}

#[test]
fn runtime_breaking_findings_are_confirmed_by_both_runtimes() {
    let mut runtimes = runtimes();
    if runtimes.is_empty() {
        return;
    }
    let mut failures = Vec::new();
    for corpus in corpora_to_check() {
        let Prepared { job, shown, findings } = prepare(&corpus.roots);
        let locales: BTreeSet<String> = shown.values().map(|s| s.locale.clone()).collect();
        say(&format!(
            "oracle {}: {} bundles of {} files, {} findings of `check`",
            corpus.name,
            job["bundles"].as_array().map_or(0, Vec::len),
            shown.len(),
            findings.len()
        ));
        for (runtime, command) in &mut runtimes {
            let said = read_said(&run(runtime, command, &job), &shown);
            for (locale, f) in compare(&said, &findings, &locales) {
                let total = f.confirmed + f.unconfirmed.len();
                let errors = f.found + f.missed.len();
                say(&format!(
                    "oracle {} {locale}, {runtime}: precision {}/{total} ({}), recall {}/{errors} ({})",
                    corpus.name,
                    f.confirmed,
                    percent(f.confirmed, total),
                    f.found,
                    percent(f.found, errors)
                ));
                for u in &f.unconfirmed {
                    say(&format!("  unconfirmed: {u}"));
                }
                // The misses by kind, a few of each.
                let mut kinds: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
                for m in &f.missed {
                    kinds.entry(m.split(' ').next().unwrap_or_default()).or_default().push(m);
                }
                for (kind, missed) in kinds {
                    say(&format!("  missed {} {kind}:", missed.len()));
                    for m in missed.iter().take(LISTED) {
                        say(&format!("    {m}"));
                    }
                    if missed.len() > LISTED {
                        say(&format!("    … and {} more", missed.len() - LISTED));
                    }
                }
                failures.extend(f.unconfirmed.iter().map(|u| format!("{} {locale}, {runtime}: {u}", corpus.name)));
            }
        }
    }
    assert!(failures.is_empty(), "findings no runtime error confirms:\n{}", failures.join("\n"));
}

/// The oracle itself: a finding is confirmed only by an error of its kind at its entry.
/// Made-up findings about text that runs (two files no app loads together defining the
/// same id, a line that parses, a known reference) stay unconfirmed; songngu's own finding
/// of a real loop is confirmed; and every error the runtimes give is found.
#[test]
fn the_oracle_confirms_only_errors_a_runtime_gives_at_that_entry() {
    let mut runtimes = runtimes();
    if runtimes.is_empty() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    common::write(dir.path(), "songngu.toml", "reference = \"en\"\nlocales = [\"en\"]\n");
    common::write(
        dir.path(),
        "locales/en/news.ftl",
        "news-title = { news-headline }\nnews-headline = { news-title }\nnews-ok = { -brand }\n",
    );
    common::write(dir.path(), "locales/en/shared.ftl", "-brand = Hanoi\n");
    common::write(dir.path(), "locales/en/other.ftl", "news-ok = Elsewhere\n");
    let Prepared { job, shown, mut findings } = prepare(&[dir.path().to_path_buf()]);
    let codes: Vec<(&str, Option<&str>)> = findings.iter().map(|f| (f.code.as_str(), f.id.as_deref())).collect();
    assert_eq!(
        codes.iter().filter(|(c, _)| *c == "cyclic-reference").collect::<Vec<_>>(),
        [&("cyclic-reference", Some("news-title")), &("cyclic-reference", Some("news-headline"))]
    );
    let made_up = |code: &str, file: &str, line: u64, id: Option<&str>| Finding {
        at: Shown { project: 0, locale: "en".into(), file: file.into() },
        id: id.map(str::to_string),
        line,
        code: code.into(),
        severity: "error".into(),
        message: "made up".into(),
    };
    findings.push(made_up("duplicate-id", "locales/en/other.ftl", 1, Some("news-ok")));
    findings.push(made_up("unknown-reference", "locales/en/news.ftl", 3, Some("news-ok")));
    findings.push(made_up("syntax-error", "locales/en/news.ftl", 3, None));
    findings.push(made_up("cyclic-reference", "locales/en/shared.ftl", 1, Some("-brand")));
    let locales = BTreeSet::from(["en".to_string()]);
    for (runtime, command) in &mut runtimes {
        let said = read_said(&run(runtime, command, &job), &shown);
        let f = &compare(&said, &findings, &locales)["en"];
        assert_eq!(f.confirmed, 2, "{runtime}: {:?}", f.unconfirmed);
        assert_eq!(f.unconfirmed.len(), 4, "{runtime}: {:?}", f.unconfirmed);
        assert!(f.unconfirmed.iter().all(|u| u.contains("made up")), "{runtime}: {:?}", f.unconfirmed);
        // The loop is one error at each of its two texts; both found.
        assert_eq!((f.found, f.missed.len()), (2, 0), "{runtime}: {:?}", f.missed);
    }
}
