//! What the command-line tests share: running the real binary in a folder, and writing
//! and reading the files of a test project.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `songngu ARGS` in `dir`, without color.
pub fn songngu(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_songngu")).current_dir(dir).args(args).env("NO_COLOR", "1").output().unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The standard output of a run that must succeed.
pub fn ok(out: Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    stdout(&out)
}

pub fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

/// The corpora folder, or `None` (with a note on stderr) when this checkout has none.
pub fn corpora() -> Option<PathBuf> {
    let dir = std::env::var_os("SONGNGU_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
    if dir.is_dir() {
        Some(dir)
    } else {
        say(&format!("skipped: no corpora at {} (set SONGNGU_CORPORA to run this test)", dir.display()));
        None
    }
}

/// A note the test harness does not capture: a skipped test must say so even when it
/// passes. Written to file descriptor 2 directly, since libtest captures `eprintln!` and
/// `io::stderr()`.
pub fn say(note: &str) {
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::fd::FromRawFd;
        // SAFETY: fd 2 is open for the whole process; ManuallyDrop keeps it open.
        let mut stderr = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(2) });
        let _ = writeln!(stderr, "{note}");
    }
    #[cfg(not(unix))]
    eprintln!("{note}");
}

/// Copies a folder with everything in it.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the project's shipped content (its config, `source/` and `locales/`) in a
/// new temporary folder.
///
/// The copy starts without findings: its `songngu.toml` turns off the two checks that
/// find the shipped texts' known slips of typography ([`without_known_typography`]).
pub fn shipped_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["locales", "source"] {
        copy_tree(&root.join(part), &dir.path().join(part));
    }
    std::fs::copy(root.join("songngu.toml"), dir.path().join("songngu.toml")).unwrap();
    std::fs::copy(root.join("glossary.tbx"), dir.path().join("glossary.tbx")).unwrap();
    without_known_typography(dir.path());
    dir
}

/// What `check` finds in the shipped content (code, file, id): straight quotes among
/// curly ones and spaced hyphens among dashes, as the published articles have them. Real
/// slips, reported and left for the editors: nothing else is found there.
pub const SHIPPED_FINDINGS: &[(&str, &str, &str)] = &[
    ("dash", "locales/en/ceremony-held.ftl", "ceremony-held-p4"),
    ("quotes", "locales/en/press-conference.ftl", "press-conference-p4"),
    ("quotes", "locales/en/press-conference.ftl", "press-conference-p5"),
    ("quotes", "locales/en/press-conference.ftl", "press-conference-p6"),
    ("quotes", "locales/en/press-conference.ftl", "press-conference-p7"),
    ("quotes", "locales/en/press-conference.ftl", "press-conference-p7"),
    ("quotes", "locales/en/press-conference.ftl", "press-conference-p8"),
    ("quotes", "locales/en/press-conference.ftl", "press-conference-p12"),
    ("quotes", "locales/en/press-conference.ftl", "press-conference-p13"),
    ("dash", "locales/en/signing-opens.ftl", "signing-opens-p8"),
    ("quotes", "locales/en/signing-opens.ftl", "signing-opens-p11"),
    ("dash", "locales/en/signing-opens.ftl", "signing-opens-p12"),
    ("dash", "locales/vi/press-conference.ftl", "press-conference-p3"),
    ("quotes", "locales/vi/press-conference.ftl", "press-conference-p4"),
    ("quotes", "locales/vi/press-conference.ftl", "press-conference-p5"),
    ("quotes", "locales/vi/press-conference.ftl", "press-conference-p7"),
    ("quotes", "locales/vi/press-conference.ftl", "press-conference-p12"),
    ("quotes", "locales/vi/press-conference.ftl", "press-conference-p13"),
    ("dash", "locales/vi/signing-outcome.ftl", "signing-outcome-p6"),
    ("dash", "locales/vi/signing-outcome.ftl", "signing-outcome-p8"),
    ("dash", "locales/vi/signing-outcome.ftl", "signing-outcome-p9"),
];

/// Turns `quotes` and `dash` off in a copy of the shipped project, for the tests that
/// need it to start without findings: each of [`SHIPPED_FINDINGS`] is one of theirs.
pub fn without_known_typography(root: &Path) {
    let config = root.join("songngu.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("\n[severity]\nquotes = \"off\"\ndash = \"off\"\n");
    std::fs::write(config, text).unwrap();
}

/// A `songngu.toml` that reads the mozilla.org corpus in place (en reference, vi), or
/// `None` (after saying so) when this checkout has no corpora.
pub fn mozorg_config() -> Option<String> {
    let corpus = corpora()?.join("mozorg");
    Some(format!("reference = \"en\"\nlocales = [\"en\", \"vi\"]\nlocales_dir = {:?}\n", corpus.display().to_string()))
}

/// The Firefox pair as a project: en-US is the reference of vi.
pub const FIREFOX_CONFIG: &str = "reference = \"en-US\"\nlocales = [\"en-US\", \"vi\"]\n";

/// A project whose locale folders are links to corpus folders.
#[cfg(unix)]
pub fn linked_project(config: &str, links: &[(&str, PathBuf)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("locales")).unwrap();
    for (locale, target) in links {
        std::os::unix::fs::symlink(target, dir.path().join("locales").join(locale)).unwrap();
    }
    std::fs::write(dir.path().join("songngu.toml"), config).unwrap();
    dir
}

/// A tool a test needs is missing: the test says what it skips and passes, unless CI
/// requires the tool (`VAR=require`, set by `.ci/run` once it installed it); then it fails.
pub fn skip_unless_required(var: &str, what: &str) {
    assert!(
        std::env::var(var).as_deref() != Ok("require"),
        "{what} is required ({var}=require) but missing; see .ci/run"
    );
    say(&format!("skipped: {what} is missing (`.ci/run` installs it)"));
}

/// Whether `probe` runs successfully; if not, [`skip_unless_required`].
pub fn installed(var: &str, what: &str, probe: &mut std::process::Command) -> bool {
    let works = probe.output().is_ok_and(|o| o.status.success());
    if !works {
        skip_unless_required(var, what);
    }
    works
}
