//! The check cache (`.songngu/cache`): a result read from it is the result a full check
//! gives, an edit is never missed (even one that keeps the file's size and modification
//! time), and a broken or deleted cache costs only time.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{copy_tree, songngu, stdout};
use songngu::{check_project, CheckOptions, Project};

/// Files written less than two seconds before a check are read again however their stamp
/// looks; waiting lets the tests reach the path where the cache is trusted unread.
fn settle() {
    std::thread::sleep(Duration::from_millis(2_600));
}

fn check(root: &Path) -> songngu::CheckReport {
    check_project(&Project::open(root).unwrap(), &CheckOptions::default()).unwrap()
}

/// The outputs a user sees, in both formats.
fn outputs(root: &Path, extra: &[&str]) -> (String, String) {
    let run = |format: &str| {
        let mut args = vec!["check", "--format", format];
        args.extend_from_slice(extra);
        stdout(&songngu(root, &args))
    };
    (run("human"), run("json"))
}

/// Every fixture of every check: the findings read back from the cache, positions,
/// labels, drift diffs and help included, are exactly those of a full check.
#[test]
fn a_cached_result_is_the_full_result() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let work = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    for check in std::fs::read_dir(&fixtures).unwrap() {
        for case in std::fs::read_dir(check.unwrap().path()).unwrap() {
            let case = case.unwrap().path();
            if case.join("songngu.toml").is_file() || case.join("locales").is_dir() {
                let to = work.path().join(format!("{}-{}", cases.len(), case.file_name().unwrap().to_string_lossy()));
                copy_tree(&case, &to);
                let _ = std::fs::remove_dir_all(to.join(".songngu"));
                cases.push(to);
            }
        }
    }
    assert!(cases.len() > 30, "only {} fixture cases found", cases.len());
    settle();
    let mut found = 0;
    for case in &cases {
        let full = outputs(case, &["--no-cache"]);
        assert!(!case.join(".songngu/cache").exists(), "--no-cache wrote a cache in {}", case.display());
        let filling = outputs(case, &[]);
        let cached = outputs(case, &[]);
        assert_eq!(full, filling, "{}", case.display());
        assert_eq!(full, cached, "{}", case.display());
        // (The library in this test program keeps a cache of its own: another program
        // may check differently.)
        check(case);
        let report = check(case);
        assert_eq!(report.from_cache, report.resources_checked, "{}: not all from the cache", case.display());
        found += report.diagnostics.len();
    }
    assert!(found > 50, "the fixtures gave only {found} findings");
}

/// A project of a few announcements, settled, with its cache filled.
fn cached_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["locales", "source"] {
        copy_tree(&root.join(part), &dir.path().join(part));
    }
    std::fs::copy(root.join("songngu.toml"), dir.path().join("songngu.toml")).unwrap();
    settle();
    let first = check(dir.path());
    assert_eq!(first.from_cache, 0);
    assert_eq!(check(dir.path()).from_cache, first.resources_checked);
    dir
}

#[test]
fn an_edit_is_never_missed() {
    let dir = cached_project();
    let file = dir.path().join("locales/vi/signing-opens.ftl");
    let before = std::fs::metadata(&file).unwrap();
    // The same number of bytes, and the old modification time put back: only the change
    // time (and the content) tell.
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("signing-opens-p1 =", "signing-opens-q1 =", 1);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&file, &edited).unwrap();
    std::fs::File::options().write(true).open(&file).unwrap().set_modified(before.modified().unwrap()).unwrap();
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), before.modified().unwrap());

    let report = check(dir.path());
    assert_eq!(report.from_cache, report.resources_checked - 1);
    let ids = |code: &str| -> Vec<String> {
        report.diagnostics.iter().filter(|d| d.code == code).filter_map(|d| d.id.clone()).collect()
    };
    assert_eq!(ids("missing"), ["signing-opens-p1"]);
    assert_eq!(ids("obsolete"), ["signing-opens-q1"]);

    // Put back as it was: the stored result for those bytes is found again.
    std::fs::write(&file, &text).unwrap();
    assert!(check(dir.path()).diagnostics.is_empty());
}

#[test]
fn a_lock_or_an_announcement_changes_the_result_too() {
    let dir = cached_project();
    std::fs::remove_file(dir.path().join("locales/vi/ceremony-held.ftl.lock")).unwrap();
    let report = check(dir.path());
    assert!(report.diagnostics.iter().any(|d| d.code == "unaccepted" && d.file == "locales/vi/ceremony-held.ftl"));

    // An announcement now written in Vietnamese first: English becomes its translation.
    let dir = cached_project();
    let source = dir.path().join("source/ceremony-held.md");
    let text = std::fs::read_to_string(&source).unwrap().replace("lang = \"en\"", "lang = \"vi\"");
    std::fs::write(&source, text).unwrap();
    let report = check(dir.path());
    let en = &report.locales.iter().find(|(l, _)| l == "en").unwrap().1;
    assert!(!en.iter().find(|s| s.resource == "ceremony-held.ftl").unwrap().is_reference);
}

#[test]
fn a_broken_cache_costs_only_time() {
    let dir = cached_project();
    let cache = dir.path().join(".songngu/cache/check");
    let good = outputs(dir.path(), &["--no-cache"]);
    for garbage in [&b""[..], b"not a cache", &std::fs::read(&cache).unwrap()[..100]] {
        std::fs::write(&cache, garbage).unwrap();
        assert_eq!(outputs(dir.path(), &[]), good);
        std::fs::write(&cache, garbage).unwrap();
        let report = check(dir.path());
        assert_eq!((report.from_cache, report.diagnostics.len()), (0, 0));
        assert_eq!(check(dir.path()).from_cache, report.resources_checked);
    }
    std::fs::remove_dir_all(dir.path().join(".songngu")).unwrap();
    assert_eq!(outputs(dir.path(), &[]), good);
}
