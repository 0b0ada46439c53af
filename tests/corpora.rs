//! The checks on real public Fluent material from `../shared/corpora/` (Firefox, the
//! Fluent spec's fixtures). The corpora are read in place, never copied into the repo; a
//! checkout without them skips these tests and says so.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_tree, corpora, linked_project, say, FIREFOX_CONFIG};
use serde_json::Value;

/// Runs `songngu --root ROOT check --format json` and returns exit code and document.
fn check_json(root: &Path) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_songngu"))
        .arg("--root")
        .arg(root)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().expect("songngu was killed");
    assert!(code == 0 || code == 1, "exit {code}: {}", String::from_utf8_lossy(&out.stderr));
    (code, serde_json::from_slice(&out.stdout).unwrap())
}

fn with_code<'a>(doc: &'a Value, code: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    doc["diagnostics"].as_array().unwrap().iter().filter(move |d| d["code"] == code)
}

/// compare-locales' count of missing entries for `locale` and of their words, or `None`
/// when it is not installed (`.ci/run` installs it).
fn compare_locales_missing(reference: &Path, l10n_base: &Path, locale: &str) -> Option<(u64, u64)> {
    let work = tempfile::tempdir().unwrap();
    let toml = format!(
        "basepath = \".\"\nlocales = [\"{locale}\"]\n[env]\n    l = \"{{l10n_base}}/{{locale}}/\"\n    ref = \"{}/\"\n[[paths]]\n    reference = \"{{ref}}**\"\n    l10n = \"{{l}}**\"\n",
        reference.display()
    );
    std::fs::write(work.path().join("l10n.toml"), toml).unwrap();
    let json = work.path().join("out.json");
    // Run through Python rather than the `compare-locales` script, which pip may have put
    // outside PATH.
    let installed = Command::new("python3").args(["-c", "import compare_locales"]).output().ok()?;
    if !installed.status.success() {
        return None;
    }
    let status = Command::new("python3")
        .args([
            "-c",
            "import sys; from compare_locales.commands import CompareLocales; sys.argv[0] = 'compare-locales'; sys.exit(CompareLocales.call())",
        ])
        .arg("--json")
        .arg(&json)
        .arg("--return-zero")
        .arg(work.path().join("l10n.toml"))
        .arg(l10n_base)
        .arg(locale)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let doc: Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    let summary = &doc[0]["summary"][locale];
    Some((summary["missing"].as_u64().unwrap_or(0), summary["missing_w"].as_u64().unwrap_or(0)))
}

#[cfg(unix)]
#[test]
fn firefox_vi_against_its_own_baseline() {
    let Some(corpora) = corpora() else { return };
    let firefox = corpora.join("firefox");
    let project =
        linked_project(FIREFOX_CONFIG, &[("en-US", firefox.join("en-US-140esr")), ("vi", firefox.join("vi"))]);
    let (_, doc) = check_json(project.path());

    // Missing entries and their words: the same counts as compare-locales 9 on the same
    // pair (the words as `check --summary` gives them).
    let missing = with_code(&doc, "missing").count() as u64;
    assert_eq!(doc["summary"]["locales"]["vi"]["missing"].as_u64(), Some(missing));
    let out = Command::new(env!("CARGO_BIN_EXE_songngu"))
        .arg("--root")
        .arg(project.path())
        .args(["check", "--summary", "--color", "never"])
        .output()
        .unwrap();
    let summary = String::from_utf8(out.stdout).unwrap();
    let words: u64 = summary
        .lines()
        .find_map(|l| l.strip_prefix("vi: ")?.split(" missing (").nth(1)?.split(' ').next()?.parse().ok())
        .unwrap_or_else(|| panic!("no words of missing entries in {summary}"));
    match compare_locales_missing(&firefox.join("en-US-140esr"), &firefox, "vi") {
        Some((theirs, their_words)) => {
            say(&format!(
                "compare-locales 9 counts {theirs} missing entries ({their_words} words) in vi, songngu {missing} ({words})"
            ));
            assert_eq!(missing, theirs, "compare-locales counts {theirs} missing, songngu {missing}");
            assert_eq!(words, their_words, "compare-locales counts {their_words} missing words, songngu {words}");
        }
        None => {
            say("compare-locales is not installed: comparing with the corpus README's count (91) and the 580 words compare-locales 9 counts for them");
            assert_eq!((missing, words), (91, 580));
        }
    }

    // The corpus README: 49 lines in 29 vi files are not NFC, among them aboutLogins.ftl:70.
    let nfc: Vec<&Value> = with_code(&doc, "not-nfc").collect();
    let files: BTreeSet<&str> = nfc.iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!((nfc.len(), files.len()), (49, 29));
    assert!(nfc.iter().any(|d| d["file"] == "locales/vi/browser/browser/aboutLogins.ftl" && d["line"] == 70));

    // …and two U+200B at preferences.ftl:768.
    let zero_width: Vec<&Value> =
        with_code(&doc, "invisible-char").filter(|d| d["message"].as_str().unwrap().contains("U+200B")).collect();
    assert_eq!(zero_width.len(), 2);
    for d in zero_width {
        assert_eq!(d["file"], "locales/vi/browser/browser/preferences/preferences.ftl");
        assert_eq!(d["line"], 768);
    }
}

/// Loops and duplicates as a runtime meets them, on the current Firefox en-US and vi and on
/// mozilla.org. Before patterns and bundles, `check` reported 17 loops on Firefox (each
/// an attribute using its own message's value or a sibling attribute, which every
/// runtime resolves) and 70 duplicate ids on Firefox and 10 on mozilla.org, each between
/// two files no app loads together (`newtab.ftl` and `preferences.ftl`). None is left.
/// `build` stops only on what is broken at run time: `newtab.ftl` refers to
/// `-newtab-wallpaper-feature-highlight-header`, a term nobody defines (a message of that
/// name exists), in en-US and in vi. Built with those left out, every resource of each
/// locale loads in the runtime with its dependencies, no id defined twice in any of them.
#[cfg(unix)]
#[test]
fn firefox_and_mozorg_have_no_false_loops_or_duplicates_and_build_what_runs() {
    let Some(corpora) = corpora() else { return };
    let firefox = corpora.join("firefox");
    let project = linked_project(FIREFOX_CONFIG, &[("en-US", firefox.join("en-US")), ("vi", firefox.join("vi"))]);
    let mozorg = tempfile::tempdir().unwrap();
    std::fs::write(mozorg.path().join("songngu.toml"), common::mozorg_config().unwrap()).unwrap();
    for root in [project.path(), mozorg.path()] {
        let (_, doc) = check_json(root);
        for code in ["cyclic-reference", "duplicate-id"] {
            let found: Vec<&Value> = with_code(&doc, code).collect();
            assert!(found.is_empty(), "{code}: {found:#?}");
        }
    }
    let (_, doc) = check_json(project.path());
    let unknown: BTreeSet<(&str, &str)> = with_code(&doc, "unknown-reference")
        .map(|d| (d["locale"].as_str().unwrap(), d["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        unknown,
        BTreeSet::from([("en-US", "feature-highlight-wallpaper"), ("vi", "feature-highlight-wallpaper")])
    );

    let build = |root: &Path, args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_songngu")).arg("--root").arg(root).arg("build").args(args).output().unwrap()
    };
    let refused = build(project.path(), &[]);
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stdout);
    let problems: Vec<&str> = said.lines().filter(|l| l.starts_with("error[")).collect();
    // The same four findings as `check`: both references of the entry, in both locales.
    assert_eq!(
        problems,
        [
            "error[unknown-reference]: no resource of en-US defines the term `-newtab-wallpaper-feature-highlight-header`",
            "error[unknown-reference]: no resource of en-US defines the term `-newtab-wallpaper-feature-highlight-content`",
            "error[unknown-reference]: no resource of vi defines the term `-newtab-wallpaper-feature-highlight-header`",
            "error[unknown-reference]: no resource of vi defines the term `-newtab-wallpaper-feature-highlight-content`",
        ],
        "{said}"
    );
    for root in [project.path(), mozorg.path()] {
        let built = build(root, &["--allow-errors"]);
        assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stdout));
        let catalog = songngu::bundle::runtime::Catalog::open(root.join("dist")).unwrap();
        for locale in catalog.locales() {
            for resource in catalog.resources() {
                if let Err(e) = catalog.localizer_for_chain(&[locale.to_string()], &[resource]) {
                    panic!("{locale} {resource}: {e}");
                }
            }
        }
    }
}

/// Every fixture of the Fluent spec and of fluent-rs goes through `check` without a
/// crash. For fluent-rs's fixtures (the same parser), each piece of Junk in the expected
/// AST gets exactly one `syntax-error`, at a line inside that Junk.
#[test]
fn fluent_spec_fixtures() {
    let Some(corpora) = corpora() else { return };
    let base = corpora.join("fluent-spec-fixtures");
    let sets = [
        ("fluent-rs", base.join("fluent-rs/fluent-syntax/tests/fixtures"), true),
        ("spec", base.join("projectfluent-fluent/test/fixtures"), false),
    ];
    let mut files_checked = 0;
    for (name, dir, exact) in sets {
        let project = tempfile::tempdir().unwrap();
        let en = project.path().join("locales/en");
        std::fs::create_dir_all(&en).unwrap();
        std::fs::write(project.path().join("songngu.toml"), "reference = \"en\"\nlocales = [\"en\"]\n").unwrap();
        let mut fixtures = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "ftl") {
                let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
                std::fs::copy(&path, en.join(format!("{stem}.ftl"))).unwrap();
                fixtures.push((stem, path));
            }
        }
        assert!(fixtures.len() > 30, "{name}: only {} fixtures", fixtures.len());
        let (_, doc) = check_json(project.path());
        for (stem, path) in &fixtures {
            files_checked += 1;
            let file = format!("locales/en/{stem}.ftl");
            let errors: Vec<&Value> = with_code(&doc, "syntax-error").filter(|d| d["file"] == file.as_str()).collect();
            for d in &errors {
                assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
            }
            let expected: Value = serde_json::from_slice(&std::fs::read(path.with_extension("json")).unwrap()).unwrap();
            let junk: Vec<&str> = expected["body"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["type"] == "Junk")
                .map(|e| e["content"].as_str().unwrap())
                .collect();
            if !exact {
                assert_eq!(
                    errors.is_empty(),
                    junk.is_empty(),
                    "{name}/{stem}: junk {} vs errors {}",
                    junk.len(),
                    errors.len()
                );
                continue;
            }
            assert_eq!(errors.len(), junk.len(), "{name}/{stem}");
            let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
            for d in &errors {
                let line = d["line"].as_u64().unwrap() as usize;
                let inside = junk.iter().any(|content| {
                    text.match_indices(content).any(|(at, _)| {
                        let first = text[..at].matches('\n').count() + 1;
                        let last = first + content.trim_end_matches('\n').matches('\n').count();
                        (first..=last + 1).contains(&line)
                    })
                });
                assert!(inside, "{name}/{stem}: error at line {line} is outside every Junk");
            }
        }
    }
    assert!(files_checked >= 70);
}

/// Current en-US against vi: the names, brands and region names Vietnamese keeps as they
/// are are not untranslated, and a figure only in an English `[one]` variant is not asked
/// of Vietnamese. Before names were told from English words, 320 entries were
/// untranslated (nearly all region names, brands and codes) and 5 had a number missing
/// (4 of them the `1` of a `[one]` or `[1]` variant).
#[cfg(unix)]
#[test]
fn firefox_names_are_not_english_and_figures_follow_the_variants_vi_can_show() {
    let Some(corpora) = corpora() else { return };
    let firefox = corpora.join("firefox");
    let project = linked_project(FIREFOX_CONFIG, &[("en-US", firefox.join("en-US")), ("vi", firefox.join("vi"))]);
    let (_, doc) = check_json(project.path());
    let ids = |code| with_code(&doc, code).map(|d| d["id"].as_str().unwrap().to_string()).collect::<BTreeSet<_>>();

    // The one figure left is a real catch: ASN1 written as ANSI.
    assert_eq!(ids("number-mismatch"), BTreeSet::from(["sec-error-failed-to-encode-data".to_string()]));

    let untranslated = ids("untranslated");
    say(&format!("Firefox current en-US -> vi: {} untranslated", untranslated.len()));
    for name in [
        "-brand-full-name",
        "-vendor-short-name",
        "migration-source-name-chrome",
        "migration-source-name-edge",
        "region-name-ad",
        "region-name-pg",
        "printui-paper-letter",
        "connection-proxy-https",
    ] {
        assert!(!untranslated.contains(name), "{name} is a name, not English");
    }
    // English sentences and words left in the Vietnamese files are still found.
    for english in ["ssl-error-missing-extended-master-secret", "webrtc-item-camera", "storage-expires-session"] {
        assert!(untranslated.contains(english), "{english} is English");
    }
    assert_eq!(untranslated.len(), 19);
}

/// Real drift: vi was translated against Firefox ESR 140's en-US. Accept it all against
/// that baseline (`--force`: the guard would leave the copies and the entries with
/// error-level findings, as the first run shows), then let the current en-US replace the
/// reference: exactly the entries whose English changed since (the corpus README counts
/// 44) show as drifted.
#[cfg(unix)]
#[test]
fn firefox_drift_from_esr_140_to_current() {
    let Some(corpora) = corpora() else { return };
    let firefox = corpora.join("firefox");
    let project = linked_project(FIREFOX_CONFIG, &[("en-US", firefox.join("en-US-140esr"))]);
    // The lock files are written beside the translations, so vi is a copy.
    copy_tree(&firefox.join("vi"), &project.path().join("locales/vi"));
    let accept = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_songngu")).arg("--root").arg(project.path()).args(args).output().unwrap()
    };
    let guarded = accept(&["accept", "vi", "--all", "--dry-run"]);
    assert!(guarded.status.success(), "{}", String::from_utf8_lossy(&guarded.stderr));
    let said = String::from_utf8_lossy(&guarded.stdout);
    assert!(said.contains("`check` calls it untranslated"), "{said}");
    assert!(said.contains("entries left as not done"), "{said}");
    let accept = accept(&["accept", "vi", "--all", "--force"]);
    assert!(accept.status.success(), "{}", String::from_utf8_lossy(&accept.stderr));
    let (_, before) = check_json(project.path());
    assert_eq!(with_code(&before, "drifted").count(), 0);
    assert_eq!(with_code(&before, "unaccepted").count(), 0);

    let link = project.path().join("locales/en-US");
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(firefox.join("en-US"), &link).unwrap();
    let (code, after) = check_json(project.path());
    let drifted: Vec<&Value> = with_code(&after, "drifted").collect();
    say(&format!(
        "Firefox ESR 140 -> current en-US: {} drifted, {} missing",
        drifted.len(),
        after["summary"]["locales"]["vi"]["missing"]
    ));
    assert_eq!(drifted.len(), 44);
    assert!(drifted
        .iter()
        .any(|d| d["file"] == "locales/vi/browser/browser/menubar.ftl" && d["id"] == "menu-profiles-manage-profiles"));
    for d in &drifted {
        assert_ne!(d["old"], d["new"], "{d}");
        assert!(d["diff"].as_array().unwrap().iter().any(|op| op["op"] != "equal"));
    }
    let counts = &after["summary"]["locales"]["vi"];
    assert_eq!(counts["drifted"], 44);
    assert_eq!(counts["missing"], 4563, "the corpus README's count of entries vi lacks against current en-US");
    assert_eq!(code, 1);
}

/// What a file says, whatever its formatting: each entry's canonical text and each
/// comment, in order, in NFC.
fn content(text: &str) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    use unicode_normalization::UnicodeNormalization;
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .map(|entry| {
            let shown = match entry {
                Entry::Comment(c) => format!("# {}", c.content.join("\n")),
                Entry::GroupComment(c) => format!("## {}", c.content.join("\n")),
                Entry::ResourceComment(c) => format!("### {}", c.content.join("\n")),
                other => {
                    fluent_syntax::serializer::serialize(&fluent_syntax::ast::Resource { body: vec![other.clone()] })
                }
            };
            shown.nfc().collect()
        })
        .collect()
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, found);
        } else if path.extension().is_some_and(|x| x == "ftl") {
            found.push(path);
        }
    }
}

/// `fmt` over every corpus file: the same entries and comments before and after, files
/// with syntax errors untouched, and a second run finds nothing left to do.
#[test]
fn fmt_keeps_every_entry_and_comment_of_the_corpora() {
    let Some(corpora) = corpora() else { return };
    let work = tempfile::tempdir().unwrap();
    copy_tree(&corpora, work.path());
    // Files to format are formatted in a project: an empty songngu.toml makes the copy one.
    std::fs::write(work.path().join("songngu.toml"), "").unwrap();
    let fmt = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_songngu"))
            .arg("--root")
            .arg(work.path())
            .arg("fmt")
            .args(args)
            .arg(work.path())
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, first) = fmt(&[]);
    assert_eq!(code, Some(0), "{first}");

    let mut files = Vec::new();
    files_under(&corpora, &mut files);
    let (mut formatted, mut left) = (0, 0);
    for original in &files {
        let after_path = work.path().join(original.strip_prefix(&corpora).unwrap());
        let before = std::fs::read(original).unwrap();
        let after = std::fs::read(&after_path).unwrap();
        let Ok(before_text) = String::from_utf8(before.clone()) else {
            assert_eq!(before, after);
            continue;
        };
        let shown = after_path.strip_prefix(work.path()).unwrap().display().to_string();
        if first.contains(&format!("left {shown} as it is")) {
            assert_eq!(before, after, "{shown} was left alone, yet changed");
            left += 1;
            continue;
        }
        let after_text = String::from_utf8(after).unwrap();
        assert_eq!(content(&before_text), content(&after_text), "{shown} lost or changed content");
        formatted += usize::from(before_text != after_text);
    }
    let (code, second) = fmt(&["--check"]);
    assert_eq!(code, Some(0), "a second run still finds work: {second}");
    assert!(
        second.ends_with(&format!("{} files checked: all formatted; {left} files left as they are\n", files.len())),
        "{second}"
    );
    say(&format!(
        "fmt on the corpora: {} files, {formatted} reformatted, {left} left alone (syntax errors)",
        files.len()
    ));
    assert!(formatted > 100 && left < files.len() / 4, "{formatted} formatted, {left} left");
}
