//! The check cache (`.songngu/cache`): a result read from it is the result a full check
//! gives, an edit is never missed (even one that keeps the file's size and modification
//! time), and a broken or deleted cache costs only time.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{copy_tree, shipped_project, songngu, stdout};
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
    let dir = shipped_project();
    settle();
    let first = check(dir.path());
    assert_eq!(first.from_cache, 0);
    assert!(first.diagnostics.is_empty());
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
    assert!(report.diagnostics.iter().any(|d| d.code == "unaccepted" && &*d.file == "locales/vi/ceremony-held.ftl"));

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
    let files: Vec<_> =
        std::fs::read_dir(dir.path().join(".songngu/cache")).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(files.len() > 1, "{files:?}");
    let good = outputs(dir.path(), &["--no-cache"]);
    let spoil = |how: usize| {
        for file in &files {
            let bytes = std::fs::read(file).unwrap_or_default();
            let garbage = match how {
                0 => Vec::new(),
                1 => b"not a cache".to_vec(),
                _ => bytes[..bytes.len() / 2].to_vec(),
            };
            std::fs::write(file, garbage).unwrap();
        }
    };
    for how in 0..3 {
        spoil(how);
        assert_eq!(outputs(dir.path(), &[]), good);
        spoil(how);
        let report = check(dir.path());
        assert_eq!((report.from_cache, report.diagnostics.len()), (0, 0));
        assert_eq!(check(dir.path()).from_cache, report.resources_checked);
    }
    std::fs::remove_dir_all(dir.path().join(".songngu")).unwrap();
    assert_eq!(outputs(dir.path(), &[]), good);
}

/// Findings across files (an unknown term, a duplicate id) kept in the cache follow every
/// change that matters to them, and stay while other files change.
#[test]
fn locale_wide_findings_follow_the_files() {
    let dir = cached_project();
    let ids = |report: &songngu::CheckReport, code: &str| -> Vec<(String, usize)> {
        report.diagnostics.iter().filter(|d| d.code == code).map(|d| (d.file.to_string(), d.line)).collect()
    };
    // A misspelt term in one file.
    let file = dir.path().join("locales/vi/signing-outcome.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    let at = text.find("{ -hanoi-convention }").expect("a term reference");
    let misspelt = text.replacen("{ -hanoi-convention }", "{ -nowhere }", 1);
    std::fs::write(&file, &misspelt).unwrap();
    let report = check(dir.path());
    let line = text[..at].lines().count();
    assert_eq!(ids(&report, "unknown-reference"), [("locales/vi/signing-outcome.ftl".to_string(), line)]);

    // Another file edited, its text only: the finding is kept as it was.
    let other = dir.path().join("locales/vi/ceremony-held.ftl");
    let other_text = std::fs::read_to_string(&other).unwrap();
    std::fs::write(&other, other_text.replacen(". ", ".  ", 1)).unwrap();
    assert_eq!(ids(&check(dir.path()), "unknown-reference"), [("locales/vi/signing-outcome.ftl".to_string(), line)]);

    // Lines added above it: it moves with them.
    std::fs::write(&file, format!("# one\n# two\n{misspelt}")).unwrap();
    assert_eq!(
        ids(&check(dir.path()), "unknown-reference"),
        [("locales/vi/signing-outcome.ftl".to_string(), line + 2)]
    );

    // The term defined in another file: the finding is gone.
    let shared = dir.path().join("locales/vi/shared.ftl");
    let mut shared_text = std::fs::read_to_string(&shared).unwrap();
    shared_text.push_str("\n-nowhere = Không nơi nào\n");
    std::fs::write(&shared, &shared_text).unwrap();
    assert!(ids(&check(dir.path()), "unknown-reference").is_empty());

    // A duplicate across files (reported in shared.ftl) names the first definition's line
    // in another file: editing only that other file moves it.
    std::fs::write(&other, format!("{other_text}\n-nowhere = Ở đâu\n")).unwrap();
    let first_line = other_text.lines().count() + 2;
    let duplicate = |report: &songngu::CheckReport| {
        let d = report.diagnostics.iter().find(|d| d.code == "duplicate-id").expect("a duplicate");
        assert_eq!(&*d.file, "locales/vi/shared.ftl");
        d.message.clone()
    };
    // (ceremony-held.ftl uses the terms of shared.ftl: the two are loaded together.)
    let message = duplicate(&check(dir.path()));
    assert!(message.ends_with(&format!("ceremony-held.ftl:{first_line}, which depends on this file")), "{message}");
    std::fs::write(&other, format!("# a comment\n{other_text}\n-nowhere = Ở đâu\n")).unwrap();
    let message = duplicate(&check(dir.path()));
    assert!(message.contains(&format!("ceremony-held.ftl:{}, ", first_line + 1)), "{message}");
}

/// What a review found (each broke the promise that a cached check prints what a full
/// check prints, or that a broken cache costs only time).
#[test]
fn what_the_review_found_stays_fixed() {
    let dir = cached_project();
    let root = dir.path();
    let cache = root.join(".songngu/cache");
    let good = || outputs(root, &["--no-cache"]);

    // A check stopped after writing its shards, before its locale-wide findings: the old
    // findings file must not be taken for the new files.
    let file = root.join("locales/vi/signing-outcome.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("{ -hanoi-convention }", "{ -nowhere }", 1)).unwrap();
    assert_eq!(outputs(root, &[]), good());
    let findings_before = std::fs::read(cache.join("locale")).unwrap();
    std::fs::write(&file, format!("# one\n# two\n{}", text.replacen("{ -hanoi-convention }", "{ -nowhere }", 1)))
        .unwrap();
    assert_eq!(outputs(root, &[]), good());
    std::fs::write(cache.join("locale"), &findings_before).unwrap();
    assert_eq!(outputs(root, &[]), good(), "old locale-wide findings were taken for new files");

    // Entries in another shard's file (two shard files swapped), and a changed byte.
    let mut shards: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("check-"))
        .collect();
    shards.sort();
    assert!(shards.len() >= 2, "{shards:?}");
    let (a, b) = (std::fs::read(&shards[0]).unwrap(), std::fs::read(&shards[1]).unwrap());
    std::fs::write(&shards[0], &b).unwrap();
    std::fs::write(&shards[1], &a).unwrap();
    assert_eq!(outputs(root, &[]), good(), "entries read from the wrong shard");
    for shard in &shards {
        let mut bytes = std::fs::read(shard).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x20;
        std::fs::write(shard, bytes).unwrap();
    }
    assert_eq!(outputs(root, &[]), good(), "a damaged entry was read");

    // What a stopped check left: removed once a minute old, never while it may be in use.
    let stale = cache.join(".songngu-tmp-stopped");
    let fresh = cache.join(".songngu-tmp-running");
    std::fs::write(&stale, b"half a shard").unwrap();
    std::fs::write(&fresh, b"half a shard").unwrap();
    let two_minutes_ago = std::time::SystemTime::now() - Duration::from_secs(120);
    std::fs::File::options().write(true).open(&stale).unwrap().set_modified(two_minutes_ago).unwrap();
    outputs(root, &[]);
    assert!(!stale.exists() && fresh.exists());
}

/// A lock is found with its resource however other names sort around it (`a.ftl.lock`
/// sorts after `a.ftl-b.ftl.lock`, `a.ftl` before `a.ftl-b.ftl`): it was taken for an
/// orphan, and left out of the stamps, so an edit of it kept the old result.
#[test]
fn a_lock_is_found_whatever_names_sort_around_it() {
    let dir = cached_project();
    let root = dir.path();
    for name in ["ceremony-held.ftl-b.ftl", "ceremony-held.ftl.ftl"] {
        for locale in ["en", "vi"] {
            std::fs::copy(
                root.join(format!("locales/{locale}/ceremony-held.ftl")),
                root.join(format!("locales/{locale}/{name}")),
            )
            .unwrap();
        }
        std::fs::copy(root.join("locales/vi/ceremony-held.ftl.lock"), root.join(format!("locales/vi/{name}.lock")))
            .unwrap();
    }
    let good = outputs(root, &["--no-cache"]);
    assert!(!good.0.contains("does not exist"), "{}", good.0);
    assert_eq!(outputs(root, &[]), good);
    settle();
    assert_eq!(outputs(root, &[]), good);
    // The lock loses an entry: a settled cache must not hide it.
    std::fs::remove_file(root.join("locales/vi/ceremony-held.ftl.lock")).unwrap();
    let (h, j) = outputs(root, &["--no-cache"]);
    assert!(h.contains("unaccepted"), "{h}");
    assert_eq!(outputs(root, &[]), (h, j));
}

/// One changed bit in a shard's indexes can turn a record's name into another resource's
/// (of the same shard): those indexes must not be taken for that resource's.
#[test]
fn indexes_under_a_damaged_name_are_not_taken() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::write(root, "songngu.toml", "reference = \"en\"\nlocales = [\"en\", \"vi\"]\n");
    for n in 0..100 {
        for p in ["a", "c"] {
            for locale in ["en", "vi"] {
                common::write(root, &format!("locales/{locale}/{p}{n}.ftl"), &format!("{p}{n}-msg = Hello {p} {n}\n"));
            }
        }
    }
    settle();
    let good = outputs(root, &["--no-cache"]);
    assert_eq!(outputs(root, &[]), good);
    // `a{n}.ftl` and `c{n}.ftl` (one bit apart) in the same shard file.
    let cache = root.join(".songngu/cache");
    let found = (0..100).find_map(|n| {
        let mut shards = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path());
        shards.find_map(|shard| {
            if !shard.file_name().unwrap().to_string_lossy().starts_with("check-") {
                return None;
            }
            let bytes = std::fs::read(&shard).unwrap();
            let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
            (has(&format!("\u{6}a{n}.ftl")) && has(&format!("\u{6}c{n}.ftl"))).then_some((n, shard, bytes))
        })
    });
    let (n, shard, mut bytes) = found.expect("two names one bit apart in one shard");
    let indexes = u64::from_le_bytes(bytes[bytes.len() - 8..].try_into().unwrap()) as usize;
    let name = format!("\u{6}c{n}.ftl");
    let at = indexes + bytes[indexes..].windows(name.len()).position(|w| w == name.as_bytes()).unwrap();
    bytes[at + 1] = b'a';
    std::fs::write(&shard, bytes).unwrap();
    // The locale-wide checks run again, from the stored indexes.
    std::fs::remove_file(cache.join("locale")).unwrap();
    assert_eq!(outputs(root, &[]), good, "another resource's indexes were taken");
    std::fs::remove_file(cache.join("locale")).unwrap();
    assert_eq!(outputs(root, &[]), good);
}

/// Many threads (many cores, or `-j`) do not run the check out of file descriptors: the
/// folder handles kept for the stamps were a set per thread, and the files read after
/// them failed to open (`Too many open files`), or the locale-wide findings went missing.
#[cfg(unix)]
#[test]
fn many_threads_under_a_small_file_limit() {
    let dir = cached_project();
    let root = dir.path();
    let limited = |extra: &[&str]| {
        let mut args = vec!["-j", "400", "check", "--format", "json"];
        args.extend_from_slice(extra);
        let out = std::process::Command::new("sh")
            .args(["-c", "ulimit -n 256 && exec \"$0\" \"$@\""])
            .arg(env!("CARGO_BIN_EXE_songngu"))
            .args(&args)
            .current_dir(root)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        stdout(&out)
    };
    let good = outputs(root, &["--no-cache"]).1;
    assert_eq!(limited(&["--no-cache"]), good);
    // Every file read again, the cache's folder handles open meanwhile.
    std::fs::remove_dir_all(root.join(".songngu")).unwrap();
    assert_eq!(limited(&[]), good);
    assert_eq!(limited(&[]), good);
}

/// An announcement removed from `source/`, or put back, changes no byte of its resource's
/// files, yet the result: `orphaned-resource` comes and goes with it, read from the cache
/// or not. So does the whole `source/` folder (no folder: nothing is orphaned).
#[test]
fn a_removed_or_restored_announcement_is_never_missed() {
    let dir = cached_project();
    let codes = |report: &songngu::CheckReport| -> Vec<(String, String)> {
        report.diagnostics.iter().map(|d| (d.code.to_string(), d.file.to_string())).collect()
    };
    let orphaned = |files: &[&str]| -> Vec<(String, String)> {
        files.iter().map(|f| ("orphaned-resource".to_string(), f.to_string())).collect()
    };
    let announcement = dir.path().join("source/press-conference.md");
    let text = std::fs::read_to_string(&announcement).unwrap();
    std::fs::remove_file(&announcement).unwrap();
    let gone = orphaned(&["locales/en/press-conference.ftl", "locales/vi/press-conference.ftl"]);
    let report = check(dir.path());
    assert_eq!(report.from_cache, report.resources_checked - 1);
    assert_eq!(codes(&report), gone);
    settle();
    check(dir.path());
    let report = check(dir.path());
    assert_eq!(report.from_cache, report.resources_checked);
    assert_eq!(codes(&report), gone);

    std::fs::write(&announcement, &text).unwrap();
    assert_eq!(codes(&check(dir.path())), []);
    settle();
    check(dir.path());

    let source = dir.path().join("source");
    std::fs::rename(&source, dir.path().join("elsewhere")).unwrap();
    assert_eq!(codes(&check(dir.path())), []);
    settle();
    check(dir.path());
    std::fs::create_dir(&source).unwrap();
    let report = check(dir.path());
    assert_eq!(report.diagnostics.iter().filter(|d| d.code == "orphaned-resource").count(), 10, "{:?}", codes(&report));
}

/// `# songngu-allow:` lines live in the files the cache keys by their bytes: adding,
/// changing or removing one is seen at once, for a resource's own findings and for those
/// found across files (kept in the cache as found, silenced only after), and whether a
/// line silences anything follows too.
#[test]
fn an_edited_allow_comment_is_never_missed() {
    let dir = cached_project();
    let file = dir.path().join("locales/vi/signing-outcome.ftl");
    let text = std::fs::read_to_string(&file).unwrap();
    let at = text.find("{ -hanoi-convention }").expect("a term reference");
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let id = text[start..].split(' ').next().unwrap().to_string();
    let misspelt = text.replacen("{ -hanoi-convention }", "{ -nowhere }", 1);
    let with_line = |line: &str| format!("{}# songngu-allow: {line}\n{}", &misspelt[..start], &misspelt[start..]);
    // (The edit also leaves the translation unaccepted, with another reference than the
    // English: those findings are not what is looked at here.)
    let codes = |report: &songngu::CheckReport| -> Vec<(String, String)> {
        let asked = |d: &&songngu::Diagnostic| matches!(d.code, "unknown-reference" | "unused-suppression");
        report
            .diagnostics
            .iter()
            .filter(asked)
            .map(|d| (d.code.to_string(), d.id.clone().unwrap_or_default()))
            .collect()
    };
    let unknown = vec![("unknown-reference".to_string(), id.clone())];
    let unused = vec![("unused-suppression".to_string(), id.clone())];

    std::fs::write(&file, &misspelt).unwrap();
    assert_eq!(codes(&check(dir.path())), unknown);
    std::fs::write(&file, with_line("unknown-reference")).unwrap();
    assert_eq!(codes(&check(dir.path())), []);
    // The same line, now for another code: the finding is back, and the line silences nothing.
    std::fs::write(&file, with_line("number-mismatch")).unwrap();
    let mut both = [unknown.clone(), unused.clone()].concat();
    both.sort();
    let mut found = codes(&check(dir.path()));
    found.sort();
    assert_eq!(found, both);
    std::fs::write(&file, with_line("unknown-reference")).unwrap();
    assert_eq!(codes(&check(dir.path())), []);
    // The line gone: the finding is back, though the cache kept none the last time.
    std::fs::write(&file, &misspelt).unwrap();
    assert_eq!(codes(&check(dir.path())), unknown);
    // The reference fixed: the line left in the translation now silences nothing.
    std::fs::write(&file, with_line("unknown-reference").replacen("{ -nowhere }", "{ -hanoi-convention }", 1)).unwrap();
    assert_eq!(codes(&check(dir.path())), unused);
    // Each time, the cached result was the full one.
    let full =
        check_project(&Project::open(dir.path()).unwrap(), &CheckOptions { no_cache: true, ..Default::default() });
    assert_eq!(codes(&full.unwrap()), unused);
}
