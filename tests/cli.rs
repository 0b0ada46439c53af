//! The `songngu` binary as an editor runs it: on the shipped content, on small projects
//! made for each test, and with the mistakes people make in `songngu.toml` and arguments.

mod common;

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
fn shipped_content_has_no_error_and_only_its_known_findings() {
    let out = songngu(repo(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("\n21 warnings: checked 6 resources in en, vi\n"), "{}", stdout(&out));
    let json = songngu(repo(), &["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let found: Vec<(&str, &str, &str)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["file"].as_str().unwrap(), d["id"].as_str().unwrap()))
        .collect();
    assert_eq!(found, common::SHIPPED_FINDINGS);
}

#[test]
fn shipped_content_is_otherwise_clean_with_one_summary_line() {
    let dir = shipped_copy();
    let out = songngu(dir.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "ok: checked 6 resources in en, vi: no problems found\n");
}

#[test]
fn shipped_content_is_complete_in_both_languages() {
    let out = songngu(repo(), &["status"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for locale in ["en", "vi"] {
        let line = text.lines().find(|l| l.starts_with(&format!("{locale}:"))).unwrap();
        let (translated, total) =
            line.split_once(", ").unwrap().1.trim_end_matches(" entries").split_once(" of ").unwrap();
        assert!(line.starts_with(&format!("{locale}: 100% translated")), "{line}");
        assert_eq!(translated, total);
        assert!(total.parse::<usize>().unwrap() > 70);
    }
    // Announcement 001 was written in Vietnamese: vi is its reference, en its translation.
    let row = |locale: &str| {
        let block = text.split("\n\n").find(|b| b.starts_with(&format!("{locale}:"))).unwrap();
        block.lines().find(|l| l.trim_start().starts_with("press-conference.ftl")).unwrap().to_string()
    };
    assert!(row("vi").contains("reference"), "{text}");
    assert!(row("en").contains("100%"), "{text}");
}

#[test]
fn the_project_is_found_from_a_subfolder() {
    let out = songngu(&repo().join("locales/vi"), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).lines().last().unwrap().ends_with(": checked 6 resources in en, vi"), "{}", stdout(&out));
}

#[test]
fn json_is_the_version_1_document() {
    let dir = project(&[
        ("locales/en/a.ftl", "a-title = Signing ceremony\na-p1 = Delegates arrive.\n"),
        ("locales/vi/a.ftl", "a-title = Lễ ký kết\n"),
    ]);
    let out = songngu(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["version"], 1);
    let d = &doc["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["severity"].as_str(), d["locale"].as_str(), d["id"].as_str()),
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
    assert_eq!(songngu(dir.path(), &["check", "--deny", "warnings"]).status.code(), Some(1));
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
    assert_refused(&songngu(dir.path(), &["check", "--locale", "de"]), "no such locale");
}

#[test]
fn color_follows_the_option() {
    let dir = project(&[("locales/en/a.ftl", "a-title = Signing ceremony\n"), ("locales/vi/a.ftl", "")]);
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
    assert_refused(&songngu(dir.path(), &["check"]), "songngu.toml:2:1: unknown field `refrence`");
}

#[test]
fn broken_config_is_refused_in_one_line() {
    let dir = project(&[("songngu.toml", "locales = [\"en\", \"vi\"\n")]);
    assert_refused(&songngu(dir.path(), &["check"]), "songngu.toml:");
    let dir = project(&[("songngu.toml", "reference = \"de\"\n")]);
    assert_refused(&songngu(dir.path(), &["status"]), "the reference locale `de` is not in `locales`");
    let dir = project(&[("songngu.toml", "locales = [\"en\", \"../../etc\"]\n")]);
    assert_refused(&songngu(dir.path(), &["check"]), "is not a locale name");
    let dir = project(&[("songngu.toml", "[severity]\nuntranslatd = \"error\"\n")]);
    assert_refused(&songngu(dir.path(), &["check"]), "`untranslatd`, which is not a check");
}

/// `[bundles]`: a glob that cannot be read, a bundle with none, and a glob that matches no
/// resource of any locale (a typo would otherwise leave its files out of the bundle
/// without a word) stop the run at their line.
#[test]
fn a_bundle_glob_that_matches_nothing_is_refused_at_its_line() {
    let files = |config: &'static str| {
        project(&[("songngu.toml", config), ("locales/en/news/a.ftl", "a = A\n"), ("locales/vi/news/a.ftl", "a = Á\n")])
    };
    let config = "reference = \"en\"\n\n[bundles]\nsite = [\"news/*.ftl\"]\napp = [\"app/*.ftl\"]\n";
    for command in [&["check"][..], &["build"]] {
        assert_refused(
            &songngu(files(config).path(), command),
            "songngu.toml:5:1: [bundles] `app`: `app/*.ftl` matches no resource of any locale",
        );
    }
    let config = "[bundles]\nsite = [\"news/[a.ftl\"]\n";
    assert_refused(
        &songngu(files(config).path(), &["status"]),
        "songngu.toml:2:1: [bundles] `site`: `news/[a.ftl` is not a glob",
    );
    let config = "[bundles]\nsite = []\n";
    assert_refused(&songngu(files(config).path(), &["check"]), "songngu.toml:2:1: [bundles] `site` lists no files");
    // Matched, it is a bundle.
    let config = "[bundles]\nsite = [\"news/*.ftl\"]\n";
    assert_eq!(songngu(files(config).path(), &["check"]).status.code(), Some(0));
}

#[test]
fn missing_root_is_refused() {
    assert_refused(&songngu(repo(), &["--root", "/no/such/folder", "check"]), "no such folder");
}

/// Every command but `explain`, with the arguments it needs to get as far as the project.
const EVERY_COMMAND: &[&[&str]] = &[
    &["check"],
    &["check", "--format", "json"],
    &["status"],
    &["accept", "vi", "--all"],
    &["ingest"],
    &["sync", "vi"],
    &["fmt"],
    &["fmt", "--check"],
    &["build"],
    &["render", "news", "--locale", "vi"],
    &["format", "news-title", "--locale", "vi"],
    &["export", "--locale", "vi", "-o", "vi.xlf"],
    &["import", "vi.po"],
    &["tmx", "-o", "memory.tmx"],
    &["report", "--html", "report.html"],
];

/// Everything under `dir` (hidden files too), relative to it.
fn everything_in(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = walk(dir).iter().map(|p| p.strip_prefix(dir).unwrap().display().to_string()).collect();
    found.sort();
    found
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        }
        found.push(path);
    }
    found
}

#[test]
fn a_folder_without_a_project_is_refused_and_nothing_written() {
    // A folder with files that are no project: notes, and a `locales` that is a file.
    let dir = project(&[("notes/todo.md", "call the translator\n"), ("locales", "not a folder\n")]);
    let before = everything_in(dir.path());
    let upwards = "or any folder above it (a project is a folder with a songngu.toml or a locales/ folder): \
                   run songngu inside one, or name one with --root DIR";
    let given = format!(
        "no songngu project in {} (a project is a folder with a songngu.toml or a locales/ folder): \
         give --root a project folder",
        dir.path().display()
    );
    for args in EVERY_COMMAND {
        for from in [dir.path(), &dir.path().join("notes")] {
            let out = songngu(from, args);
            assert_refused(&out, "error: no songngu project in ");
            assert!(stderr(&out).trim_end().ends_with(upwards), "{args:?}: {}", stderr(&out));
            assert!(stdout(&out).is_empty(), "{args:?}: {}", stdout(&out));
        }
        let with_root = [&["--root", dir.path().to_str().unwrap()][..], args].concat();
        let out = songngu(repo(), &with_root);
        assert_refused(&out, &given);
        assert!(stdout(&out).is_empty(), "{args:?}: {}", stdout(&out));
    }
    assert_eq!(everything_in(dir.path()), before, "a refused run wrote into the folder");

    // `explain` needs no project.
    let out = songngu(dir.path(), &["explain", "drifted"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("drifted"));
    assert_eq!(everything_in(dir.path()), before);
}

#[test]
fn a_project_without_a_config_is_found_from_a_subfolder_by_its_locales() {
    let dir =
        project(&[("locales/en/a.ftl", "a-title = Signing ceremony\n"), ("locales/vi/a.ftl", "a-title = Lễ ký\n")]);
    let out = songngu(&dir.path().join("locales/vi"), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The root is the folder of `locales/`, not the working folder: paths are shown from it.
    let text = stdout(&out);
    assert!(text.contains(" --> locales/vi/a.ftl:1:1\n"), "{text}");
    assert!(text.ends_with("1 info: checked 1 resource in en, vi\n"), "{text}");
}

#[test]
fn a_bom_at_the_start_of_songngu_toml_is_accepted() {
    let dir = project(&[
        ("songngu.toml", "\u{feff}reference = \"en\"\nlocales = [\"en\", \"vi\"]\n"),
        ("locales/en/a.ftl", "a-title = Signing ceremony\n"),
    ]);
    let out = songngu(dir.path(), &["check", "--locale", "en", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "ok: checked 1 resource in en: no problems found\n");
    // A mistake is still shown at its line and column, the mark not counted.
    let dir = project(&[("songngu.toml", "\u{feff}refrence = \"vi\"\n")]);
    assert_refused(&songngu(dir.path(), &["check"]), "songngu.toml:1:1: unknown field `refrence`");
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
    assert_refused(&songngu(repo(), &["explain", "untranslatd"]), "is not a code");
}

/// A copy of the shipped content in a temporary folder, to edit freely.
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["locales/en", "locales/vi", "source"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(repo().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    std::fs::copy(repo().join("songngu.toml"), dir.path().join("songngu.toml")).unwrap();
    common::without_known_typography(dir.path());
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_changed_figure_is_drift_of_class_facts_until_accepted() {
    let dir = shipped_copy();
    let en = dir.path().join("locales/en/ceremony-held.ftl");
    let lock = dir.path().join("locales/vi/ceremony-held.ftl.lock");
    let lock_before = std::fs::read(&lock).unwrap();
    edit(&en, "representatives of 60 countries", "representatives of 72 countries");

    let human = songngu(dir.path(), &["check", "--color", "never"]);
    assert_eq!(human.status.code(), Some(1));
    let text = stdout(&human);
    assert!(text.contains("error[drifted]: the en reference changed (facts)"), "{text}");
    assert!(text.contains("representatives of [-60-]{+72+} countries"), "{text}");
    assert!(text.contains("songngu accept vi ceremony-held-p5"), "{text}");

    let json = songngu(dir.path(), &["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let drift = &doc["diagnostics"][0];
    assert_eq!((drift["code"].as_str(), drift["class"].as_str()), (Some("drifted"), Some("facts")));
    assert_eq!(drift["id"], "ceremony-held-p5");
    assert!(drift["old"].as_str().unwrap().contains("60 countries"));
    assert!(drift["new"].as_str().unwrap().contains("72 countries"));
    assert_eq!(doc["summary"]["locales"]["vi"]["drift"]["facts"], 1);
    // check never writes the lock.
    assert_eq!(std::fs::read(&lock).unwrap(), lock_before);

    // Plain `accept` leaves drift alone; naming the id is refused while the translation
    // still says 60, and records it once it says 72.
    let plain = songngu(dir.path(), &["accept", "vi"]);
    assert!(
        stdout(&plain).contains("left ceremony-held-p5 in locales/vi/ceremony-held.ftl: its reference changed (facts)"),
        "{}",
        stdout(&plain)
    );
    assert_eq!(std::fs::read(&lock).unwrap(), lock_before);
    let stale = songngu(dir.path(), &["accept", "vi", "ceremony-held-p5"]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(stdout(&stale).contains("refused ceremony-held-p5"), "{}", stdout(&stale));
    assert!(stdout(&stale).contains("now states `72` and the translation does not"), "{}", stdout(&stale));
    assert_eq!(std::fs::read(&lock).unwrap(), lock_before);
    edit(&dir.path().join("locales/vi/ceremony-held.ftl"), "đại diện 60 quốc gia", "đại diện 72 quốc gia");
    let named = songngu(dir.path(), &["accept", "vi", "ceremony-held-p5"]);
    assert_eq!(named.status.code(), Some(0));
    assert!(stdout(&named).contains("accepted ceremony-held-p5 (drifted, facts)"), "{}", stdout(&named));
    assert_eq!(songngu(dir.path(), &["check"]).status.code(), Some(0));
    // A second identical run changes nothing.
    let lock_after = std::fs::read(&lock).unwrap();
    let again = songngu(dir.path(), &["accept", "vi", "ceremony-held-p5"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(std::fs::read(&lock).unwrap(), lock_after);
}

#[test]
fn a_punctuation_change_is_cosmetic_and_passes() {
    let dir = shipped_copy();
    let en = dir.path().join("locales/en/ceremony-held.ftl");
    edit(&en, "representatives of 60 countries", "representatives of 60 countries,");
    let out = songngu(dir.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("info[drifted]: the en reference changed (cosmetic)"));
    let accept = songngu(dir.path(), &["accept", "vi", "--cosmetic"]);
    assert!(stdout(&accept).contains("(drifted, cosmetic)"), "{}", stdout(&accept));
    assert_eq!(
        stdout(&songngu(dir.path(), &["check", "--color", "never"])),
        "ok: checked 6 resources in en, vi: no problems found\n"
    );
}

/// A small accepted project whose English `a` is then `edited`: the `drifted` finding's
/// JSON, and the note of the human output.
fn drift_after(accepted: &str, edited: &str) -> (serde_json::Value, String) {
    let dir = project(&[
        ("locales/en/a.ftl", &format!("-convention = the Convention\n{accepted}")),
        ("locales/vi/a.ftl", "-convention = Công ước\na = Lễ ký { -convention } có 455 đại biểu.\n"),
    ]);
    assert_eq!(songngu(dir.path(), &["accept", "vi", "--all"]).status.code(), Some(0));
    std::fs::write(dir.path().join("locales/en/a.ftl"), format!("-convention = the Convention\n{edited}")).unwrap();
    let json = stdout(&songngu(dir.path(), &["check", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let human = stdout(&songngu(dir.path(), &["check", "--color", "never"]));
    let note = human.lines().filter(|l| l.starts_with("note: ")).collect::<Vec<_>>().join("\n");
    let drift = doc["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "drifted").cloned();
    (drift.unwrap_or_default(), note)
}

#[test]
fn a_diff_never_splits_a_placeable() {
    let (drift, note) = drift_after(
        "a = The signing of { -convention }, with 455 delegates.\n",
        "a = The signing of { -convention }.\n",
    );
    assert_eq!(
        drift["diff"],
        serde_json::json!([
            {"op": "equal", "text": "The signing of { -convention }"},
            {"op": "delete", "text": ", with 455 delegates."},
            {"op": "insert", "text": "."},
        ])
    );
    assert_eq!(note, "note: the reference changed: The signing of { -convention }[-, with 455 delegates.-]{+.+}");
}

#[test]
fn a_value_moved_to_a_continuation_line_shows_no_change() {
    let accepted = "a = The signing of { -convention }, with 455 delegates.\n";
    // The same value on a continuation line: the canonical text, and so the fingerprint,
    // is the same: no drift at all.
    let (drift, note) = drift_after(accepted, "a =\n    The signing of { -convention }, with 455 delegates.\n");
    assert!(drift.is_null() && note.is_empty(), "{drift} {note}");
    // Broken over two lines, the value has a line break where it had a space: a cosmetic
    // drift, whose diff marks nothing.
    let moved = "a =\n    The signing of { -convention },\n    with 455 delegates.\n";
    let (drift, note) = drift_after(accepted, moved);
    assert_eq!(drift["class"], "cosmetic");
    assert_eq!(
        drift["diff"],
        serde_json::json!([{"op": "equal", "text": "The signing of { -convention },\n    with 455 delegates."}])
    );
    assert_eq!(
        note,
        "note: the reference changed only in its spacing or line breaks: \
         The signing of { -convention }, with 455 delegates."
    );
}

#[test]
fn reformatting_a_file_changes_no_fingerprint() {
    let dir = shipped_copy();
    let vi = dir.path().join("locales/vi/signing-opens.ftl");
    let text = std::fs::read_to_string(&vi).unwrap();
    // Blank lines between entries, a comment, and values moved to an indented next line.
    let reformatted: String = text
        .lines()
        .map(|line| match line.split_once(" = ") {
            Some((id, value)) if !line.starts_with('#') => {
                format!("\n# note\n{id} =\n        {value}\n")
            }
            _ => format!("{line}\n"),
        })
        .collect();
    assert_ne!(reformatted, text);
    std::fs::write(&vi, reformatted).unwrap();
    let out = songngu(dir.path(), &["check", "--color", "never"]);
    assert_eq!(stdout(&out), "ok: checked 6 resources in en, vi: no problems found\n");
    let accept = songngu(dir.path(), &["accept", "vi"]);
    assert!(stdout(&accept).starts_with("nothing to accept in vi"), "{}", stdout(&accept));
}

#[test]
fn a_broken_lock_is_refused_not_rewritten() {
    let dir = shipped_copy();
    let lock = dir.path().join("locales/vi/signing-opens.ftl.lock");
    let text = std::fs::read_to_string(&lock).unwrap();
    let broken = text.replacen("reference = \"", "reference = ", 1);
    std::fs::write(&lock, &broken).unwrap();
    assert_refused(&songngu(dir.path(), &["check"]), "signing-opens.ftl.lock:");
    assert_refused(&songngu(dir.path(), &["accept", "vi", "--all"]), "cannot be read");
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), broken);
    std::fs::write(&lock, "version = 9\n").unwrap();
    assert_refused(&songngu(dir.path(), &["check"]), "version 9");
}

#[test]
fn accepting_an_unknown_id_records_nothing() {
    let dir = shipped_copy();
    assert_refused(&songngu(dir.path(), &["accept", "vi", "no-such-id"]), "no file of vi has `no-such-id`");
    assert_refused(&songngu(dir.path(), &["accept", "fr"]), "not a locale of this project");
}

#[test]
fn accept_drops_records_of_entries_that_are_gone() {
    let dir = shipped_copy();
    let vi = dir.path().join("locales/vi/signing-opens.ftl");
    let text = std::fs::read_to_string(&vi).unwrap();
    let kept: String =
        text.lines().filter(|l| !l.starts_with("signing-opens-p12 ")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&vi, kept).unwrap();
    let out = songngu(dir.path(), &["accept", "vi"]);
    assert!(stdout(&out).contains("dropped the record of signing-opens-p12"), "{}", stdout(&out));
    let lock = std::fs::read_to_string(dir.path().join("locales/vi/signing-opens.ftl.lock")).unwrap();
    assert!(!lock.contains("[entries.signing-opens-p12]"));
    assert!(lock.contains("[entries.signing-opens-p11]"));
}

#[test]
fn shipped_content_is_formatted_and_up_to_date_with_its_sources() {
    let out = songngu(repo(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "12 files checked: all formatted\n");
    // Ingesting the shipped announcements would change nothing (checked on a copy).
    let dir = shipped_copy();
    let out = songngu(dir.path(), &["ingest"]);
    assert_eq!(stdout(&out), "ingested 5 announcements: every resource is up to date\n");
}

#[test]
fn fmt_rewrites_only_what_needs_it_and_leaves_broken_files_alone() {
    let messy = "# Người dịch: Lan\nhello=Xin chào\n-brand   =   Songngu\n";
    let broken = "hello = { oops\n";
    let tidy = "hello = Xin chào\n";
    let dir =
        project(&[("locales/vi/messy.ftl", messy), ("locales/vi/broken.ftl", broken), ("locales/en/tidy.ftl", tidy)]);
    let check = songngu(dir.path(), &["fmt", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        stdout(&check),
        "would format locales/vi/messy.ftl\n\
         left locales/vi/broken.ftl as it is: 1 syntax error to fix first (see `songngu check`)\n\
         1 file of 3 needs formatting: run `songngu fmt`; 1 file left as it is\n"
    );
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap();
    assert_eq!(read("locales/vi/messy.ftl"), messy, "--check wrote a file");
    let tidy_time = std::fs::metadata(dir.path().join("locales/en/tidy.ftl")).unwrap().modified().unwrap();
    assert_eq!(songngu(dir.path(), &["fmt"]).status.code(), Some(0));
    assert_eq!(read("locales/vi/messy.ftl"), "# Người dịch: Lan\nhello = Xin chào\n\n-brand = Songngu\n");
    assert_eq!(read("locales/vi/broken.ftl"), broken);
    let after = std::fs::metadata(dir.path().join("locales/en/tidy.ftl")).unwrap().modified().unwrap();
    assert_eq!(after, tidy_time, "an already formatted file was rewritten");
}

#[test]
fn fmt_turns_crlf_into_lf_even_in_multiline_values() {
    let dir = project(&[("locales/vi/a.ftl", "b =\r\n    dòng một\r\n    dòng hai\r\n")]);
    assert_eq!(songngu(dir.path(), &["fmt"]).status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("locales/vi/a.ftl")).unwrap();
    assert_eq!(text, "b =\n    dòng một\n    dòng hai\n");
}

/// A progress bar on a terminal (after a second; at once here), and not a byte of it
/// when standard error is a pipe or a file.
#[cfg(unix)]
#[test]
fn a_progress_bar_only_on_a_terminal() {
    let dir = shipped_copy();
    let piped = Command::new(env!("CARGO_BIN_EXE_songngu"))
        .current_dir(dir.path())
        .args(["check", "--no-cache"])
        .env("SONGNGU_PROGRESS_AFTER_MS", "0")
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0));
    assert!(piped.stderr.is_empty(), "{}", String::from_utf8_lossy(&piped.stderr));

    // `script` (util-linux) runs the command on a pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        common::say("skipped: no `script` command to run songngu on a terminal");
        return;
    }
    let command = format!("{} check --no-cache -j1", env!("CARGO_BIN_EXE_songngu"));
    let on_terminal = Command::new("script")
        .current_dir(dir.path())
        .args(["-qec", &command, "/dev/null"])
        .env("SONGNGU_PROGRESS_AFTER_MS", "0")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&on_terminal.stdout);
    assert_eq!(on_terminal.status.code(), Some(0), "{shown}");
    assert!(shown.contains("checking") && shown.contains("/6 resources"), "{shown:?}");
    assert!(shown.contains("ok: checked 6 resources"), "{shown:?}");

    // `accept` and `ingest` show theirs too.
    for (args, what) in [("accept vi --all", "accepting"), ("ingest", "ingesting")] {
        let command = format!("{} {args}", env!("CARGO_BIN_EXE_songngu"));
        let on_terminal = Command::new("script")
            .current_dir(dir.path())
            .args(["-qec", &command, "/dev/null"])
            .env("SONGNGU_PROGRESS_AFTER_MS", "0")
            .output()
            .unwrap();
        let shown = String::from_utf8_lossy(&on_terminal.stdout);
        assert!(shown.contains(what) && shown.contains(" resources"), "{args}: {shown:?}");
    }
}

/// `(code, locale, file, line)` of each finding of `check --format json`.
fn findings(dir: &Path) -> Vec<(String, String, String, u64)> {
    let out = songngu(dir, &["check", "--format", "json"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("code"), s("locale"), s("file"), d["line"].as_u64().unwrap())
        })
        .collect()
}

/// The shipped announcement 001 was written in Vietnamese (`lang = "vi"`); with its
/// Markdown gone, its files still say so (the lock beside the English), so English never
/// becomes its reference and the accepted Vietnamese never shows as unaccepted. Checked
/// through the cache too: a removed and a restored announcement each change the result.
#[test]
fn a_removed_announcement_keeps_its_direction() {
    let dir = shipped_copy();
    let announcement = dir.path().join("source/press-conference.md");
    let text = std::fs::read_to_string(&announcement).unwrap();
    assert_eq!(findings(dir.path()), []);
    std::fs::remove_file(&announcement).unwrap();
    for _ in 0..2 {
        let found = findings(dir.path());
        let about: Vec<&(String, String, String, u64)> = found.iter().filter(|f| f.0 != "orphaned-resource").collect();
        assert_eq!(about, Vec::<&(String, String, String, u64)>::new(), "{found:?}");
        let status = stdout(&songngu(dir.path(), &["status"]));
        let vi = status.split("\n\n").find(|b| b.starts_with("vi")).unwrap();
        let row = vi.lines().find(|l| l.trim_start().starts_with("press-conference.ftl")).unwrap();
        assert!(row.contains("reference"), "{status}");
    }
    std::fs::write(&announcement, text).unwrap();
    assert_eq!(findings(dir.path()), []);
}

#[test]
fn a_removed_announcement_is_reported_orphaned_in_every_locale() {
    let dir = shipped_copy();
    std::fs::remove_file(dir.path().join("source/press-conference.md")).unwrap();
    std::fs::remove_file(dir.path().join("source/signing-opens.md")).unwrap();
    let mut orphaned: Vec<(String, String, u64)> = findings(dir.path())
        .into_iter()
        .filter(|f| f.0 == "orphaned-resource")
        .map(|(_, locale, file, line)| (locale, file, line))
        .collect();
    orphaned.sort();
    let expected = |locale: &str, file: &str| (locale.to_string(), file.to_string(), 1);
    assert_eq!(
        orphaned,
        [
            expected("en", "locales/en/press-conference.ftl"),
            expected("en", "locales/en/signing-opens.ftl"),
            expected("vi", "locales/vi/press-conference.ftl"),
            expected("vi", "locales/vi/signing-opens.ftl"),
        ]
    );
    // A warning: it does not fail a check, and it says what to do.
    let out = songngu(dir.path(), &["check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains(
            "warning[orphaned-resource]: ingested from source/press-conference.md, which is no longer in source/\n \
             --> locales/vi/press-conference.ftl:1:1\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "help: restore source/press-conference.md if the announcement is still wanted; to drop it, remove \
             locales/vi/press-conference.ftl and locales/en/press-conference.ftl, with any .ftl.lock beside them\n"
        ),
        "{text}"
    );
    assert!(text.ends_with("4 warnings: checked 6 resources in en, vi\n"), "{text}");
}

/// Only what `ingest` made can lose its announcement: shared terms, and a resource
/// written by hand whose ids merely look like an announcement's title, are never
/// flagged; nor is anything in a project with no `source/` folder at all.
#[test]
fn a_hand_written_resource_is_never_orphaned() {
    let dir = shipped_copy();
    for (locale, text) in
        [("en", "menu-title = Menu\nmenu-open = Open\n"), ("vi", "menu-title = Danh mục\nmenu-open = Mở\n")]
    {
        std::fs::write(dir.path().join(format!("locales/{locale}/menu.ftl")), text).unwrap();
    }
    let orphaned = |dir: &Path| findings(dir).into_iter().filter(|f| f.0 == "orphaned-resource").count();
    assert_eq!(orphaned(dir.path()), 0);

    // Without `source/`, no resource had an announcement to lose.
    std::fs::remove_dir_all(dir.path().join("source")).unwrap();
    assert_eq!(orphaned(dir.path()), 0);
    // …and with an empty one, every ingested resource is reported, the hand-written ones still not.
    std::fs::create_dir(dir.path().join("source")).unwrap();
    let files: std::collections::BTreeSet<String> = findings(dir.path())
        .into_iter()
        .filter(|f| f.0 == "orphaned-resource")
        .map(|f| f.2.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        [
            "ceremony-held.ftl",
            "delegations-confirmed.ftl",
            "press-conference.ftl",
            "signing-opens.ftl",
            "signing-outcome.ftl"
        ]
    );
}

/// `songngu check ARGS --format json` in `dir`: exit code and document.
fn check_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "--format", "json", "--no-cache"];
    all.extend_from_slice(args);
    let out = songngu(dir, &all);
    let doc = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    (out.status.code().unwrap(), doc)
}

/// (code, locale, id) of every finding of a JSON document.
fn codes(doc: &serde_json::Value) -> Vec<(String, String, String)> {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (text(&d["code"]), text(&d["locale"]), text(&d["id"])))
        .collect()
}

/// A campaign motto copied unchanged into two translations: `untranslated` in both. (A
/// name would not be: names are not words of a language.)
fn copied_venue(reference_comment: &str, vi_comment: &str) -> tempfile::TempDir {
    let en = format!(
        "{reference_comment}news-venue = Stronger together against cybercrime\nnews-p1 = The ceremony opens.\n"
    );
    let vi = format!("{vi_comment}news-venue = Stronger together against cybercrime\nnews-p1 = Lễ khai mạc.\n");
    project(&[
        ("songngu.toml", "reference = \"en\"\nlocales = [\"en\", \"vi\", \"fr\"]\n[severity]\nunaccepted = \"off\"\n"),
        ("locales/en/news.ftl", &en),
        ("locales/vi/news.ftl", &vi),
        (
            "locales/fr/news.ftl",
            "news-venue = Stronger together against cybercrime\nnews-p1 = La cérémonie commence.\n",
        ),
    ])
}

#[test]
fn an_allow_comment_in_the_reference_silences_every_locale() {
    let (code, doc) = check_json(copied_venue("", "").path(), &["--deny", "warnings"]);
    assert_eq!(code, 1);
    let untranslated: Vec<_> = codes(&doc).into_iter().filter(|c| c.0 == "untranslated").collect();
    assert_eq!(untranslated.len(), 2, "{untranslated:?}");

    let dir = copied_venue(
        "# The campaign's motto, printed in English in every language.\n# songngu-allow: untranslated\n",
        "",
    );
    let (code, doc) = check_json(dir.path(), &["--deny", "warnings"]);
    assert_eq!(codes(&doc), [], "{doc}");
    assert_eq!(code, 0);
    // Counted nowhere: the states, the summary and `status` agree.
    for locale in ["vi", "fr"] {
        let counts = &doc["summary"]["locales"][locale];
        assert_eq!((counts["untranslated"].as_u64(), counts["translated"].as_u64()), (Some(0), Some(2)), "{doc}");
    }
    let status = stdout(&songngu(dir.path(), &["status"]));
    assert!(status.contains("vi: 100% translated, 2 of 2 entries"), "{status}");
    assert!(status.contains("fr: 100% translated, 2 of 2 entries"), "{status}");
}

#[test]
fn an_allow_comment_in_a_translation_silences_that_locale_only() {
    let dir = copied_venue("", "# songngu-allow: untranslated\n");
    let (code, doc) = check_json(dir.path(), &[]);
    assert_eq!(codes(&doc), [("untranslated".into(), "fr".into(), "news-venue".into())], "{doc}");
    assert_eq!(code, 0);
    assert_eq!(doc["summary"]["locales"]["vi"]["untranslated"], 0);
    assert_eq!(doc["summary"]["locales"]["fr"]["untranslated"], 1);
}

/// Duplicates and unknown references are found across a locale's files, after each file
/// is checked: an entry's comment silences them too, and only for its entry.
#[test]
fn an_allow_comment_silences_findings_across_files() {
    let dir = project(&[
        // One bundle: the duplicate across a.ftl and b.ftl is one an app meets.
        ("songngu.toml", "reference = \"en\"\nlocales = [\"en\", \"vi\"]\n[severity]\nunaccepted = \"off\"\n[bundles]\napp = [\"*.ftl\"]\n"),
        ("locales/en/a.ftl", "# songngu-allow: duplicate-id\n-brand = Songngu\n# songngu-allow: unknown-reference\nsee = See { -later }\nother = Also { -later }\n"),
        ("locales/en/b.ftl", "-brand = Songngu\n"),
        ("locales/vi/a.ftl", "-brand = Songngu\nsee = Xem { -later }\nother = Cũng { -later }\n"),
        ("locales/vi/b.ftl", "-brand = Songngu\n"),
    ]);
    let (_, doc) = check_json(dir.path(), &[]);
    let found = codes(&doc);
    let of =
        |code: &str| found.iter().filter(|c| c.0 == code).map(|c| (c.1.as_str(), c.2.as_str())).collect::<Vec<_>>();
    // The duplicate is reported at its second definition, b.ftl: a's comment is not its.
    assert_eq!(of("duplicate-id"), [("en", "-brand"), ("vi", "-brand")], "{doc}");
    assert_eq!(of("unknown-reference"), [("en", "other"), ("vi", "other")], "{doc}");
    assert_eq!(of("unused-suppression"), [("en", "-brand")], "{doc}");
}

#[test]
fn an_allow_that_silences_nothing_is_reported() {
    let dir = project(&[
        ("locales/en/news.ftl", "# songngu-allow: not-nfc, untranslatd\nnews-p1 = The ceremony opens.\n"),
        ("locales/vi/news.ftl", "# songngu-allow: number-mismatch\nnews-p1 = Lễ khai mạc.\n"),
    ]);
    let (code, doc) = check_json(dir.path(), &["--deny", "warnings"]);
    assert_eq!(code, 1, "an unknown code is a warning");
    let found: Vec<_> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "unused-suppression")
        .map(|d| (d["severity"].as_str().unwrap(), d["locale"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("info", "en", "nothing to silence: no locale reports `not-nfc` on `news-p1`"),
            ("warning", "en", "`untranslatd` is not a code: it silences nothing"),
            ("info", "vi", "nothing to silence: vi reports no `number-mismatch` on `news-p1`"),
        ]
    );
    let human = stdout(&songngu(dir.path(), &["check", "--color", "never", "--no-cache"]));
    assert!(human.contains("help: did you mean `untranslated`? The codes are: syntax-error, duplicate-id,"), "{human}");
    // Like every code, it can be turned off.
    std::fs::write(dir.path().join("songngu.toml"), "[severity]\nunused-suppression = \"off\"\n").unwrap();
    let (_, doc) = check_json(dir.path(), &[]);
    assert!(codes(&doc).iter().all(|c| c.0 != "unused-suppression"), "{doc}");
}

/// Two announcements and a shared file of terms, with a duplicate and a missing entry.
fn focus_project() -> tempfile::TempDir {
    project(&[
        // One bundle: news.ftl's own `-city` is a duplicate of common.ftl's that an app meets.
        ("songngu.toml", "[bundles]\nsite = [\"*.ftl\"]\n"),
        ("locales/en/common.ftl", "-city = Hanoi\n"),
        ("locales/en/news.ftl", "news-p1 = Welcome to { -city }\nnews-p2 = The ceremony opens at nine.\n"),
        ("locales/en/other.ftl", "other-p1 = Another text here\n"),
        ("locales/vi/common.ftl", "-city = Hà Nội\n"),
        ("locales/vi/news.ftl", "news-p1 = Chào mừng đến { -city }\n-city = Hà Nội\n"),
        ("locales/vi/other.ftl", "other-p1 = Một văn bản khác\n"),
        ("source/news.md", "+++\ntitle = \"News\"\n+++\n\nText.\n"),
    ])
}

#[test]
fn check_narrowed_to_a_file_still_sees_the_whole_project() {
    let dir = focus_project();
    let (code, doc) = check_json(dir.path(), &["news"]);
    let found = codes(&doc);
    // The term comes from common.ftl: no unknown reference. The duplicate of common.ftl's
    // term is found, in news.ftl; nothing of other.ftl is shown.
    assert!(found.iter().all(|c| c.0 != "unknown-reference"), "{doc}");
    assert!(found.contains(&("duplicate-id".into(), "vi".into(), "-city".into())), "{doc}");
    assert!(found.contains(&("missing".into(), "vi".into(), "news-p2".into())), "{doc}");
    assert!(doc["diagnostics"].as_array().unwrap().iter().all(|d| d["file"].as_str().unwrap().ends_with("/news.ftl")));
    assert_eq!(code, 1);
    assert_eq!(doc["summary"]["locales"]["vi"]["entries"], 2, "only news.ftl is counted");

    // The same, named as a path from a locale's folder, as a resource, or as the announcement.
    let human = |dir: &Path, args: &[&str]| {
        let mut all = vec!["check", "--color", "never", "--no-cache"];
        all.extend_from_slice(args);
        stdout(&songngu(dir, &all))
    };
    let narrowed = human(dir.path(), &["news.ftl"]);
    assert!(narrowed.ends_with(": checked news.ftl in en, vi\n"), "{narrowed}");
    assert_eq!(human(&dir.path().join("locales/vi"), &["news.ftl"]), narrowed);
    assert_eq!(human(&dir.path().join("locales/vi"), &["../en/news.ftl"]), narrowed);
    assert_eq!(human(&dir.path().join("source"), &["locales/vi/news.ftl"]), narrowed);
    assert_eq!(human(dir.path(), &["source/news.md"]), narrowed);

    // other.ftl alone has nothing wrong: exit 0, though the project has errors.
    let out = songngu(dir.path(), &["check", "other.ftl", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("1 info: checked other.ftl in en, vi\n"), "{}", stdout(&out));

    assert_refused(&songngu(dir.path(), &["check", "nws"]), "`nws` is not a file, resource or announcement");
}

#[test]
fn quiet_hides_infos() {
    let dir = focus_project();
    let out = songngu(dir.path(), &["check", "--quiet", "--color", "never"]);
    let text = stdout(&out);
    assert!(!text.contains("info["), "{text}");
    assert!(text.contains("error[duplicate-id]"), "{text}");
    assert!(text.ends_with("2 errors, 1 warning: checked 3 resources in en, vi (3 infos not shown)\n"), "{text}");
    assert_eq!(out.status.code(), Some(1));
    let (_, doc) = check_json(dir.path(), &["-q"]);
    assert_eq!((doc["summary"]["errors"].as_u64(), doc["summary"]["infos"].as_u64()), (Some(2), Some(0)), "{doc}");
}

#[test]
fn summary_counts_words_per_file() {
    let dir = focus_project();
    std::fs::write(dir.path().join("locales/vi/other.ftl"), "other-p1 = Another text here\n").unwrap();
    let out = songngu(dir.path(), &["check", "--summary", "--color", "never"]);
    assert_eq!(
        stdout(&out),
        "vi: 2 of 3 files to do: 1 missing (5 words), 1 untranslated (3 words), 0 drifted (0 words)\n\
         \x20 resource   missing  untranslated  drifted  words\n\
         \x20 news.ftl         1             0        0      5\n\
         \x20 other.ftl        0             1        0      3\n\
         \n\
         2 errors, 2 warnings, 2 infos: checked 3 resources in en, vi\n"
    );
    assert_eq!(out.status.code(), Some(1), "the exit code is check's");
    assert_refused(&songngu(dir.path(), &["check", "--summary", "--format", "json"]), "--summary");
}

#[test]
fn an_invisible_character_is_shown_in_the_quoted_line() {
    let dir = project(&[
        ("locales/en/news.ftl", "news-title = Signing in Hanoi\n"),
        ("locales/vi/news.ftl", "news-title = Lễ ký\u{200B} tại Ha\u{300} Nội\n"),
    ]);
    let text = stdout(&songngu(dir.path(), &["check", "--color", "never", "--no-cache"]));
    // Each finding underlines what it is about, and its place is the file's: the
    // decomposed `à` is at column 26 of the file, though shown 7 characters further on.
    assert!(
        text.contains(
            " --> locales/vi/news.ftl:1:19\n  |\n1 | news-title = Lễ ký<U+200B> tại Ha\u{300} Nội\n  |                   ^^^^^^^^ invisible character\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            " --> locales/vi/news.ftl:1:26\n  |\n1 | news-title = Lễ ký<U+200B> tại Ha\u{300} Nội\n  |                                 ^ not NFC\n"
        ),
        "{text}"
    );
}

#[test]
fn many_infos_of_a_kind_in_a_file_are_folded_into_one_line() {
    let en: String = (1..=9).map(|n| format!("p{n} = Paragraph number {n} here\n")).collect();
    let vi: String = (1..=9).map(|n| format!("p{n} = Đoạn văn số {n} ở đây\n")).collect();
    let dir = project(&[("locales/en/news.ftl", &en), ("locales/vi/news.ftl", &vi)]);
    let text = stdout(&songngu(dir.path(), &["check", "--color", "never"]));
    assert_eq!(text.matches("info[unaccepted]: not accepted yet").count(), 3, "{text}");
    assert!(
        text.contains(
            "info[unaccepted]: 6 more in this file, not shown\n--> locales/vi/news.ftl\n |\nhelp: `songngu check locales/vi/news.ftl` shows them all; `songngu accept vi` records every finished translation\n"
        ),
        "{text}"
    );
    assert!(text.ends_with("9 infos: checked 1 resource in en, vi\n"), "{text}");
    // Named, a file shows every finding.
    let named = stdout(&songngu(dir.path(), &["check", "locales/vi/news.ftl", "--color", "never"]));
    assert_eq!(named.matches("info[unaccepted]: not accepted yet").count(), 9, "{named}");
}

#[test]
fn hints_name_the_command_that_fixes() {
    let dir = project(&[
        ("locales/en/news.ftl", "news-p1 = One\nnews-p2 = Two\n"),
        ("locales/vi/news.ftl", "news-p1 = Một\nnews-p9 = Chín\n"),
    ]);
    let text = stdout(&songngu(dir.path(), &["check", "--color", "never"]));
    assert!(text.contains("help: `songngu sync vi` adds it, as a marked copy to translate"), "{text}");
    assert!(text.contains("help: `songngu sync vi --prune` moves it to the end of the file, commented out"), "{text}");
    let explain = stdout(&songngu(dir.path(), &["explain", "not-nfc"]));
    assert!(explain.contains("Run `songngu fmt`"), "{explain}");
    let explain = stdout(&songngu(dir.path(), &["explain", "untranslated"]));
    assert!(explain.contains("# songngu-allow: untranslated"), "{explain}");
}
