//! The `songngu` binary as an editor runs it: on the shipped content, on small projects
//! made for each test, and with the mistakes people make in `songngu.toml` and arguments.

use std::path::Path;
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn songngu(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_songngu"))
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A project in a temporary folder, from `(path, content)` pairs.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// A run that failed before checking: exit 2 and exactly one line on stderr.
fn assert_refused(out: &Output, needle: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    assert!(err.contains(needle), "{err:?} does not mention {needle:?}");
}

#[test]
fn shipped_content_is_clean_with_one_summary_line() {
    let out = songngu(repo(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "ok: checked 6 resources in en, vi: no problems found\n"
    );
}

#[test]
fn shipped_content_is_complete_in_both_languages() {
    let out = songngu(repo(), &["status"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("en (reference): 100% translated"), "{text}");
    let vi = text.lines().find(|l| l.starts_with("vi:")).unwrap();
    let (translated, total) = vi
        .split_once(", ")
        .unwrap()
        .1
        .trim_end_matches(" entries")
        .split_once(" of ")
        .unwrap();
    assert!(vi.starts_with("vi: 100% translated"), "{vi}");
    assert_eq!(translated, total);
    assert!(total.parse::<usize>().unwrap() > 70);
}

#[test]
fn the_project_is_found_from_a_subfolder() {
    let out = songngu(&repo().join("locales/vi"), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("ok: checked 6 resources"));
}

#[test]
fn json_is_the_version_1_document() {
    let dir = project(&[
        (
            "locales/en/a.ftl",
            "a-title = Signing ceremony\na-p1 = Delegates arrive.\n",
        ),
        ("locales/vi/a.ftl", "a-title = Lễ ký kết\n"),
    ]);
    let out = songngu(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["version"], 1);
    let d = &doc["diagnostics"][0];
    assert_eq!(
        (
            d["code"].as_str(),
            d["severity"].as_str(),
            d["locale"].as_str(),
            d["id"].as_str()
        ),
        (Some("missing"), Some("error"), Some("vi"), Some("a-p1"))
    );
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("locales/en/a.ftl"), Some(2), Some(1))
    );
    assert_eq!(doc["summary"]["errors"], 1);
    assert_eq!(doc["summary"]["locales"]["vi"]["missing"], 1);
    assert_eq!(doc["summary"]["locales"]["vi"]["translated"], 1);
}

#[test]
fn deny_warnings_fails_on_warnings_only_when_asked() {
    let dir = project(&[
        ("locales/en/a.ftl", "a-title = Signing ceremony\n"),
        ("locales/vi/a.ftl", "a-title = Lễ ký kết\na-old = Đoạn cũ\n"),
    ]);
    assert_eq!(songngu(dir.path(), &["check"]).status.code(), Some(0));
    assert_eq!(
        songngu(dir.path(), &["check", "--deny", "warnings"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn severity_can_be_raised_or_turned_off_in_the_config() {
    let files = |severity: &'static str| {
        project(&[
            ("songngu.toml", severity),
            ("locales/en/a.ftl", "a-title = Signing ceremony\n"),
            ("locales/vi/a.ftl", "a-title = Lễ ký kết\na-old = Đoạn cũ\n"),
        ])
    };
    let raised = files("[severity]\nobsolete = \"error\"\n");
    assert_eq!(songngu(raised.path(), &["check"]).status.code(), Some(1));
    let off = files("[severity]\nobsolete = \"off\"\n");
    let out = songngu(off.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!stdout(&out).contains("obsolete"), "{}", stdout(&out));
}

#[test]
fn locale_option_limits_the_report() {
    let dir = project(&[
        ("songngu.toml", "locales = [\"en\", \"vi\", \"fr\"]\n"),
        ("locales/en/a.ftl", "a-title = Signing ceremony\n"),
        ("locales/vi/a.ftl", "a-title = Lễ ký kết\n"),
    ]);
    let all = songngu(dir.path(), &["check", "--format", "json"]);
    assert_eq!(all.status.code(), Some(1), "fr has no file");
    let vi = songngu(dir.path(), &["check", "--format", "json", "--locale", "vi"]);
    assert_eq!(vi.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&vi)).unwrap();
    assert_eq!(doc["summary"]["locales"].as_object().unwrap().len(), 1);
    assert_refused(
        &songngu(dir.path(), &["check", "--locale", "de"]),
        "no such locale",
    );
}

#[test]
fn color_follows_the_option() {
    let dir = project(&[
        ("locales/en/a.ftl", "a-title = Signing ceremony\n"),
        ("locales/vi/a.ftl", ""),
    ]);
    let always = songngu(dir.path(), &["check", "--color", "always"]);
    assert!(stdout(&always).contains("\u{1b}["));
    let never = songngu(dir.path(), &["check", "--color", "never"]);
    assert!(!stdout(&never).contains('\u{1b}'));
    // Not a terminal: no color by default.
    let auto = songngu(dir.path(), &["check"]);
    assert!(!stdout(&auto).contains('\u{1b}'));
}

#[test]
fn unknown_config_key_is_refused_with_its_line() {
    let dir = project(&[("songngu.toml", "reference = \"en\"\nrefrence = \"vi\"\n")]);
    assert_refused(
        &songngu(dir.path(), &["check"]),
        "songngu.toml:2:1: unknown field `refrence`",
    );
}

#[test]
fn broken_config_is_refused_in_one_line() {
    let dir = project(&[("songngu.toml", "locales = [\"en\", \"vi\"\n")]);
    assert_refused(&songngu(dir.path(), &["check"]), "songngu.toml:");
    let dir = project(&[("songngu.toml", "reference = \"de\"\n")]);
    assert_refused(
        &songngu(dir.path(), &["status"]),
        "the reference locale `de` is not in `locales`",
    );
    let dir = project(&[("songngu.toml", "locales = [\"en\", \"../../etc\"]\n")]);
    assert_refused(&songngu(dir.path(), &["check"]), "is not a locale name");
    let dir = project(&[("songngu.toml", "[severity]\nuntranslatd = \"error\"\n")]);
    assert_refused(
        &songngu(dir.path(), &["check"]),
        "`untranslatd`, which is not a check",
    );
}

#[test]
fn missing_root_is_refused() {
    assert_refused(
        &songngu(repo(), &["--root", "/no/such/folder", "check"]),
        "no such folder",
    );
}

#[test]
fn explain_prints_each_codes_documentation() {
    for check in songngu::checks::CHECKS {
        let code = check.info().code;
        let out = songngu(repo(), &["explain", code]);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(text.starts_with(code), "{text}");
        assert!(text.contains("## How to fix"), "{code}");
    }
    let list = stdout(&songngu(repo(), &["explain", "--list"]));
    assert_eq!(list.lines().count(), songngu::checks::CHECKS.len());
    assert_refused(
        &songngu(repo(), &["explain", "untranslatd"]),
        "is not a code",
    );
}
