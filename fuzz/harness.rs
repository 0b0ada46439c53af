//! What each fuzz target does with one input, shared by `fuzz/fuzz_targets/*.rs` (run by
//! cargo-fuzz on nightly) and `tests/fuzz_regressions.rs` (run by `cargo test` on every
//! input a fuzzer ever crashed on, kept in `tests/fuzz-regressions/<target>/`).
//!
//! Every target drives the library the way the command does, on a real project folder in
//! a temporary directory, and asserts what a user is promised: no panic, and every error
//! that stops a run is one line. Multi-part inputs (a reference file, a translation, a
//! lock) are split on [`SEPARATOR`].

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use songngu::{check_project, CheckOptions, Error, Project};

/// Between the parts of one input.
pub const SEPARATOR: &[u8] = b"\n=====\n";

/// What a fuzz target does with one input.
pub type Target = fn(&[u8]);

/// The targets, by name: the folder names under `fuzz/fuzz_targets/`, `fuzz/corpus/` and
/// `tests/fuzz-regressions/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("check_pair", check_pair),
    ("ingest", ingest),
    ("import_xliff", import_xliff),
    ("import_po", import_po),
    ("lock", lock),
    ("config", config),
];

/// Splits an input into at most `n` parts.
pub fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    while out.len() + 1 < n {
        match rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
            Some(at) => {
                out.push(&rest[..at]);
                rest = &rest[at + SEPARATOR.len()..];
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

/// A fresh, empty project folder: `songngu.toml` with en (reference) and vi.
fn fresh_project() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("songngu.toml"), "reference = \"en\"\nlocales = [\"en\", \"vi\"]\n").unwrap();
    std::fs::create_dir_all(dir.path().join("locales/en")).unwrap();
    std::fs::create_dir_all(dir.path().join("locales/vi")).unwrap();
    std::fs::create_dir_all(dir.path().join("source")).unwrap();
    let project = Project::open(dir.path()).expect("the fuzz project opens");
    (dir, project)
}

/// The promise about errors that stop a run: one line, naming what is wrong.
fn one_line(result: Result<impl Sized, Error>) {
    if let Err(error) = result {
        let text = error.to_string();
        assert!(!text.trim().is_empty(), "an empty error");
        assert!(!text.contains('\n'), "an error of more than one line: {text:?}");
    }
}

/// Everything a `check` run shows, in every output format.
fn check_and_render(project: &Project) {
    match check_project(project, &CheckOptions::default()) {
        Ok(report) => {
            let mut sink = Vec::new();
            songngu::render::human::render(&report, &project.root, &mut sink).unwrap();
            songngu::render::json::render(&report, &mut sink).unwrap();
            songngu::render::sarif::render(&report, &mut sink).unwrap();
            songngu::render::github::render(&report, &mut sink).unwrap();
            songngu::render::status::render(&report, &mut sink).unwrap();
        }
        Err(e) => one_line(Err::<(), _>(e)),
    }
}

/// Loading and checking a resource pair: `reference ===== translation ===== lock`, as
/// `locales/en/a.ftl`, `locales/vi/a.ftl` and its lock; then `check` in every format,
/// an in-memory `build`, `export`, `tmx` and the HTML report of that pair.
pub fn check_pair(data: &[u8]) {
    let (dir, project) = fresh_project();
    let p = parts(data, 3);
    std::fs::write(dir.path().join("locales/en/a.ftl"), p[0]).unwrap();
    if let Some(vi) = p.get(1) {
        std::fs::write(dir.path().join("locales/vi/a.ftl"), vi).unwrap();
    }
    if let Some(lock) = p.get(2) {
        std::fs::write(dir.path().join("locales/vi/a.ftl.lock"), lock).unwrap();
    }
    check_and_render(&project);
    let options = songngu::bundle::build::BuildOptions { allow_errors: true, ..Default::default() };
    one_line(songngu::bundle::build::build(&project, &options));
    one_line(songngu::interchange::collect(&project, "vi", &[]).map(|mut export| {
        export.drop_units_xml_cannot_carry();
        (songngu::interchange::xliff::write(&export), songngu::interchange::po::write(&export))
    }));
    one_line(songngu::interchange::tmx::memory(&project));
    one_line(songngu::render::html::html(&project));
}

/// Ingesting an announcement: `announcement ===== existing reference resource`, as
/// `source/a.md` and `locales/en/a.ftl`; then ingest again (nothing may change) and
/// check.
pub fn ingest(data: &[u8]) {
    let (dir, project) = fresh_project();
    let p = parts(data, 2);
    std::fs::write(dir.path().join("source/a.md"), p[0]).unwrap();
    if let Some(existing) = p.get(1) {
        std::fs::write(dir.path().join("locales/en/a.ftl"), existing).unwrap();
    }
    match songngu::commands::ingest::ingest(&project, &[]) {
        Ok(_) => {
            let again =
                songngu::commands::ingest::ingest(&project, &[]).expect("a second ingest of the same text runs");
            for resource in &again.resources {
                assert!(!resource.written, "a second ingest rewrote {}", resource.file);
            }
            check_and_render(&project);
        }
        Err(e) => one_line(Err::<(), _>(e)),
    }
}

/// The checkout: the fuzz crate is `fuzz/` inside it, the test crate the checkout itself.
pub fn checkout() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [here, here.parent().unwrap_or(here)]
        .into_iter()
        .find(|dir| dir.join("fuzz/harness.rs").is_file())
        .expect("the checkout")
        .to_path_buf()
}

/// A copy of `fuzz/project` in a temporary folder: a small project (two resources, a
/// term, attributes, variables, a select, a lock, a drift), so that each run is quick.
fn small_project() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = checkout().join("fuzz/project");
    for entry in walkdir::WalkDir::new(&from).sort_by_file_name().into_iter().filter_map(Result::ok) {
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let project = Project::open(dir.path()).expect("fuzz/project opens");
    (dir, project)
}

/// Every file of a project, so a test can see that a dry run changed nothing.
fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

fn import_file(data: &[u8], name: &str) {
    let (dir, project) = small_project();
    let before = snapshot(dir.path());
    let incoming = tempfile::tempdir().unwrap();
    let path = incoming.path().join(name);
    std::fs::write(&path, data).unwrap();
    one_line(songngu::interchange::import::import(&project, &path, true));
    assert!(snapshot(dir.path()) == before, "a dry run changed a file");
    // The real thing: whatever it writes must still load and check.
    if songngu::interchange::import::import(&project, &path, false).is_ok() {
        check_and_render(&project);
    }
}

/// Importing XLIFF: the input is the `.xlf` file.
pub fn import_xliff(data: &[u8]) {
    import_file(data, "vi.xlf");
}

/// Importing PO: the input is the `.po` file.
pub fn import_po(data: &[u8]) {
    import_file(data, "vi.po");
}

/// Reading a lock: the input is the lock of `locales/vi/a.ftl` in `fuzz/project`; then
/// check, and accept, which reads and rewrites it.
pub fn lock(data: &[u8]) {
    let (dir, project) = small_project();
    std::fs::write(dir.path().join("locales/vi/a.ftl.lock"), data).unwrap();
    check_and_render(&project);
    let options = songngu::commands::accept::AcceptOptions { locale: "vi".into(), all: true, ..Default::default() };
    one_line(songngu::commands::accept::accept(&project, &options));
}

/// Reading a config: the input is `songngu.toml` of `fuzz/project`; then check and build
/// in memory.
pub fn config(data: &[u8]) {
    let (dir, _) = small_project();
    let root = dir.path();
    std::fs::write(root.join("songngu.toml"), data).unwrap();
    match Project::open(root) {
        // A project may read its content from anywhere (`locales_dir = "/srv/corpus"`);
        // a fuzzer that names `/` would only time out walking the disk.
        Ok(project) if outside(&project.config.locales_dir) || outside(&project.config.source_dir) => {}
        Ok(project) => {
            check_and_render(&project);
            let options = songngu::bundle::build::BuildOptions { allow_errors: true, ..Default::default() };
            one_line(songngu::bundle::build::build(&project, &options));
        }
        Err(e) => one_line(Err::<(), _>(e)),
    }
}

fn outside(dir: &Path) -> bool {
    dir.components().any(|c| !matches!(c, std::path::Component::Normal(_) | std::path::Component::CurDir))
}
