//! Nothing wrong is called done or published: the guarded `accept`, one state per entry
//! read alike by `check`, `status`, `export` and `tmx`, and what `build` serves. Each
//! test is a failure a new user met, reproduced on a copy of the shipped project through
//! the real binary.

mod common;

use common::{ok, read, shipped_project, songngu, stdout, write};
use std::path::Path;

/// Adds a paragraph to an announcement, ingests it and syncs vi: vi gets an English copy.
fn new_paragraph(dir: &Path, text: &str) {
    let path = "source/signing-opens.md";
    let announcement = read(dir, path);
    write(dir, path, &format!("{}\n\n{text}\n", announcement.trim_end()));
    ok(songngu(dir, &["ingest"]));
    ok(songngu(dir, &["sync", "vi"]));
}

fn replace(dir: &Path, path: &str, from: &str, to: &str) {
    let text = read(dir, path);
    assert!(text.contains(from), "{from:?} not in {path}");
    write(dir, path, &text.replacen(from, to, 1));
}

const LOCK: &str = "locales/vi/signing-opens.ftl.lock";
const NEW: &str = "The ceremony will gather many delegations in the capital this week.";

#[test]
fn a_plain_accept_after_sync_leaves_the_untranslated_copies() {
    let dir = shipped_project();
    new_paragraph(dir.path(), NEW);
    let lock_before = read(dir.path(), LOCK);
    let said = ok(songngu(dir.path(), &["accept", "vi"]));
    assert!(
        said.contains("left signing-opens-p13 in locales/vi/signing-opens.ftl: `check` calls it untranslated"),
        "{said}"
    );
    assert!(said.contains("accepted 0 entries in vi"), "{said}");
    assert_eq!(read(dir.path(), LOCK), lock_before);
    // The memory holds no English–English pair.
    let tmx = ok(songngu(dir.path(), &["tmx"]));
    assert!(!tmx.contains("signing-opens-p13"), "{tmx}");
}

#[test]
fn naming_a_copy_records_an_intentional_copy_until_either_side_changes() {
    let dir = shipped_project();
    new_paragraph(dir.path(), NEW);
    let said = ok(songngu(dir.path(), &["accept", "vi", "signing-opens-p13"]));
    assert!(said.contains("accepted signing-opens-p13 (new, an intentional copy of its reference)"), "{said}");
    assert!(read(dir.path(), LOCK).contains("copy = true"));
    let check = ok(songngu(dir.path(), &["check", "--color", "never"]));
    assert!(!check.contains("untranslated"), "{check}");
    // An intentional copy is not a translation: the memory leaves it out.
    assert!(!ok(songngu(dir.path(), &["tmx"])).contains("signing-opens-p13"));
    // The reference changes: the copy is a copy of the old text, flagged again.
    replace(dir.path(), "locales/en/signing-opens.ftl", NEW, "The ceremony will gather many delegations this week.");
    replace(dir.path(), "locales/vi/signing-opens.ftl", NEW, "The ceremony will gather many delegations this week.");
    let check = stdout(&songngu(dir.path(), &["check", "--color", "never"]));
    assert!(check.contains("warning[untranslated]"), "{check}");
}

#[test]
fn accept_never_records_an_entry_with_an_unknown_term() {
    let dir = shipped_project();
    new_paragraph(dir.path(), NEW);
    replace(
        dir.path(),
        "locales/vi/signing-opens.ftl",
        &format!("signing-opens-p13 = {NEW}"),
        "signing-opens-p13 = Lễ mở ký sẽ quy tụ nhiều đoàn đại biểu của { -conventon } tại thủ đô trong tuần này.",
    );
    let lock_before = read(dir.path(), LOCK);
    let plain = ok(songngu(dir.path(), &["accept", "vi"]));
    assert!(plain.contains("left signing-opens-p13"), "{plain}");
    assert!(plain.contains("`unknown-reference` (error)"), "{plain}");
    let named = songngu(dir.path(), &["accept", "vi", "signing-opens-p13"]);
    assert_eq!(named.status.code(), Some(1), "{}", stdout(&named));
    assert!(stdout(&named).contains("refused signing-opens-p13"), "{}", stdout(&named));
    assert!(stdout(&named).contains("no resource of vi defines the term `-conventon`"), "{}", stdout(&named));
    assert_eq!(read(dir.path(), LOCK), lock_before);
    // `--force` is the translator's word against the guard.
    ok(songngu(dir.path(), &["accept", "vi", "signing-opens-p13", "--force"]));
    assert!(read(dir.path(), LOCK).contains("[entries.signing-opens-p13]"));
}

/// The source says 72 where the accepted translation says 60; the translator edits
/// another word. Accepting by name is refused, and `build` serves the source's 72.
#[test]
fn an_edited_translation_that_keeps_the_old_figure_is_refused_and_not_served() {
    let dir = shipped_project();
    replace(
        dir.path(),
        "source/ceremony-held.md",
        "representatives of 60 countries",
        "representatives of 72 countries",
    );
    ok(songngu(dir.path(), &["ingest"]));
    let vi = "locales/vi/ceremony-held.ftl";
    replace(dir.path(), vi, "ceremony-held-p5 = Chủ tịch nước Lương Cường", "ceremony-held-p5 = Chủ tịch Lương Cường");
    let lock = "locales/vi/ceremony-held.ftl.lock";
    let lock_before = read(dir.path(), lock);

    let check = stdout(&songngu(dir.path(), &["check", "--color", "never"]));
    assert!(check.contains("its reference now states `72` and the translation does not"), "{check}");
    assert!(!check.contains("revised?"), "{check}");
    let named = songngu(dir.path(), &["accept", "vi", "ceremony-held-p5"]);
    assert_eq!(named.status.code(), Some(1));
    assert!(stdout(&named).contains("its reference now states `72` and the translation does not"));
    assert_eq!(read(dir.path(), lock), lock_before);

    ok(songngu(dir.path(), &["build"]));
    let served = read(dir.path(), "dist/vi/ceremony-held.ftl");
    let p5 = served.lines().find(|l| l.starts_with("ceremony-held-p5 =")).unwrap();
    assert!(p5.contains("representatives of 72 countries"), "{p5}");
    let rendered = ok(songngu(dir.path(), &["render", "ceremony-held", "--locale", "vi"]));
    assert!(!rendered.contains("60 quốc gia sẽ"), "{rendered}");

    // Once it says 72, it is accepted and served.
    replace(dir.path(), vi, "đại diện 60 quốc gia", "đại diện 72 quốc gia");
    ok(songngu(dir.path(), &["accept", "vi", "ceremony-held-p5"]));
    ok(songngu(dir.path(), &["build"]));
    assert!(read(dir.path(), "dist/vi/ceremony-held.ftl").contains("đại diện 72 quốc gia"));
}

#[test]
fn a_retracted_paragraph_is_not_published() {
    let dir = shipped_project();
    let path = "source/ceremony-held.md";
    let announcement = read(dir.path(), path);
    let kept: Vec<&str> = announcement.split("\n\n").filter(|p| !p.contains("Office for Legal Affairs")).collect();
    write(dir.path(), path, &kept.join("\n\n"));
    ok(songngu(dir.path(), &["ingest"]));
    ok(songngu(dir.path(), &["build", "--allow-errors"]));
    for locale in ["en", "vi"] {
        let served = read(dir.path(), &format!("dist/{locale}/ceremony-held.ftl"));
        assert!(!served.contains("ceremony-held-p5 ="), "{locale}: {served}");
    }
    // It stays in the translator's file, reported obsolete, until they delete it.
    let check = stdout(&songngu(dir.path(), &["check", "--color", "never"]));
    assert!(check.contains("warning[obsolete]"), "{check}");
}

/// `[severity] untranslated = "off"`: one setting, one reading.
#[test]
fn a_check_set_off_is_counted_nowhere() {
    let dir = shipped_project();
    new_paragraph(dir.path(), NEW);
    let config = read(dir.path(), "songngu.toml");
    // Into the copy's `[severity]` table, if it has one already.
    let config = match config.split_once("\n[severity]\n") {
        Some((before, after)) => format!("{before}\n[severity]\nuntranslated = \"off\"\n{after}"),
        None => format!("{config}\n[severity]\nuntranslated = \"off\"\n"),
    };
    write(dir.path(), "songngu.toml", &config);
    let json: serde_json::Value =
        serde_json::from_str(&ok(songngu(dir.path(), &["check", "--format", "json"]))).unwrap();
    let vi = &json["summary"]["locales"]["vi"];
    assert_eq!(vi["untranslated"], 0, "{vi}");
    assert_eq!(vi["translated"], vi["entries"], "{vi}");
    let status = ok(songngu(dir.path(), &["status", "--locale", "vi"]));
    assert!(status.starts_with("vi: 100% translated"), "{status}");
    let export = songngu(dir.path(), &["export", "--locale", "vi", "--only", "untranslated"]);
    assert!(!stdout(&export).contains("signing-opens-p13"), "{}", stdout(&export));
}

#[test]
fn accept_dry_run_lists_in_file_order_and_writes_nothing() {
    let dir = shipped_project();
    // Two new translations, the later one in the file first in name order.
    let vi = "locales/vi/delegations-confirmed.ftl";
    let text = read(dir.path(), vi);
    write(
        dir.path(),
        vi,
        &text.replacen("delegations-confirmed-title = ", "delegations-confirmed-title = Tin: ", 1).replacen(
            "delegations-confirmed-date = ",
            "delegations-confirmed-date = Ngày ",
            1,
        ),
    );
    let lock = "locales/vi/delegations-confirmed.ftl.lock";
    let before = read(dir.path(), lock);
    let said = ok(songngu(dir.path(), &["accept", "vi", "--dry-run"]));
    let title = said.find("would accept delegations-confirmed-title").expect(&said);
    let date = said.find("would accept delegations-confirmed-date").expect(&said);
    assert!(title < date, "{said}");
    assert!(said.contains("nothing was written (--dry-run)"), "{said}");
    assert_eq!(read(dir.path(), lock), before);
}

/// The paragraph already has a 2024 elsewhere: the new 2024 of the source does not make
/// the translation's stale 2019 right.
#[test]
fn a_figure_stated_elsewhere_does_not_hide_a_stale_one() {
    let dir = shipped_project();
    replace(dir.path(), "source/ceremony-held.md", "United Nations in 2019", "United Nations in 2024");
    ok(songngu(dir.path(), &["ingest"]));
    let named = songngu(dir.path(), &["accept", "vi", "ceremony-held-p6"]);
    assert_eq!(named.status.code(), Some(1), "{}", stdout(&named));
    assert!(stdout(&named).contains("the translation still states `2019`, which its reference no longer does"));
    ok(songngu(dir.path(), &["build"]));
    let served = read(dir.path(), "dist/vi/ceremony-held.ftl");
    let p6 = served.lines().find(|l| l.starts_with("ceremony-held-p6 =")).unwrap();
    assert!(!p6.contains("năm 2019"), "{p6}");
}

#[test]
fn a_dropped_figure_the_translation_still_states_is_refused() {
    let dir = shipped_project();
    replace(dir.path(), "source/ceremony-held.md", "about 110 countries", "many countries");
    ok(songngu(dir.path(), &["ingest"]));
    let named = songngu(dir.path(), &["accept", "vi", "ceremony-held-p3"]);
    assert_eq!(named.status.code(), Some(1), "{}", stdout(&named));
    assert!(stdout(&named).contains("still states `110`"), "{}", stdout(&named));
}

#[test]
fn an_untranslated_copy_is_not_also_called_unaccepted() {
    let dir = shipped_project();
    new_paragraph(dir.path(), NEW);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&songngu(dir.path(), &["check", "--format", "json"]))).unwrap();
    let about_p13: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == "signing-opens-p13" && d["locale"] == "vi")
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(about_p13, ["untranslated"]);
    assert_eq!(json["summary"]["infos"], 0, "{}", json["summary"]);
}

#[test]
fn naming_a_broken_or_obsolete_entry_says_why() {
    let dir = shipped_project();
    let vi = "locales/vi/signing-opens.ftl";
    let text = read(dir.path(), vi);
    let broken = text.replacen("signing-opens-p2 = ", "signing-opens-p2 = { ", 1) + "signing-opens-p99 = Đoạn đã bỏ.\n";
    write(dir.path(), vi, &broken);
    let named = songngu(dir.path(), &["accept", "vi", "signing-opens-p2"]);
    assert_eq!(named.status.code(), Some(1), "{}", stdout(&named));
    assert!(stdout(&named).contains(
        "refused signing-opens-p2 in locales/vi/signing-opens.ftl: it cannot be read (a syntax error on line"
    ));
    let named = songngu(dir.path(), &["accept", "vi", "signing-opens-p99"]);
    assert_eq!(named.status.code(), Some(1));
    assert!(stdout(&named).contains("its reference no longer has it (it is obsolete)"), "{}", stdout(&named));
    let unknown = songngu(dir.path(), &["accept", "vi", "signing-opens-p999"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn a_plain_accept_leaves_a_translation_whose_figures_differ() {
    let dir = shipped_project();
    new_paragraph(dir.path(), "The ceremony will gather 72 delegations this week.");
    replace(
        dir.path(),
        "locales/vi/signing-opens.ftl",
        "signing-opens-p13 = The ceremony will gather 72 delegations this week.",
        "signing-opens-p13 = Lễ mở ký sẽ quy tụ 60 đoàn đại biểu trong tuần này.",
    );
    let plain = ok(songngu(dir.path(), &["accept", "vi"]));
    assert!(plain.contains("left signing-opens-p13"), "{plain}");
    assert!(plain.contains("does not state `72`"), "{plain}");
    // Named, the translator's word is taken.
    ok(songngu(dir.path(), &["accept", "vi", "signing-opens-p13"]));
}

#[test]
fn the_memory_leaves_out_same_text_pairs_and_forced_errors() {
    let dir = shipped_project();
    new_paragraph(dir.path(), "OLA");
    new_paragraph(dir.path(), "The convention opens for signature.");
    let vi = "locales/vi/signing-opens.ftl";
    replace(
        dir.path(),
        vi,
        "signing-opens-p14 = The convention opens for signature.",
        "signing-opens-p14 = { -conventon } được mở ký.",
    );
    ok(songngu(dir.path(), &["accept", "vi", "--force"]));
    let tmx = ok(songngu(dir.path(), &["tmx"]));
    assert!(!tmx.contains("signing-opens-p13"), "{tmx}");
    assert!(!tmx.contains("signing-opens-p14"), "{tmx}");
}

#[test]
fn an_announcement_named_like_a_hand_written_resource_is_refused() {
    let dir = shipped_project();
    write(dir.path(), "source/shared.md", "+++\ntitle = \"Clashes with shared\"\n+++\n\nText here now.\n");
    let before = read(dir.path(), "locales/en/shared.ftl");
    let out = songngu(dir.path(), &["ingest"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("locales/en/shared.ftl already holds entries written by hand"), "{err}");
    assert_eq!(read(dir.path(), "locales/en/shared.ftl"), before);
}

/// `build` refuses what `check` calls broken in the check's own words, every finding of an
/// entry (not only its first), as many as `check` reports.
#[test]
fn build_reports_an_entry_it_refuses_as_check_does() {
    let dir = shipped_project();
    new_paragraph(dir.path(), NEW);
    replace(
        dir.path(),
        "locales/vi/signing-opens.ftl",
        &format!("signing-opens-p13 = {NEW}"),
        "signing-opens-p13 = Lễ mở ký quy tụ { $count } đoàn của { -conventon } tại thủ đô.",
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&songngu(dir.path(), &["check", "--format", "json"]))).unwrap();
    let mut from_check: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == "signing-opens-p13" && d["severity"] == "error")
        .map(|d| format!("error[{}]: {}", d["code"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    from_check.sort();
    assert_eq!(from_check.len(), 2, "{from_check:?}");
    let build = songngu(dir.path(), &["build"]);
    assert_eq!(build.status.code(), Some(1));
    let said = stdout(&build);
    for line in &from_check {
        assert!(said.contains(line.as_str()), "{line} not in:\n{said}");
    }
}

/// A reference entry the parser cannot read is a syntax error in the reference, not a
/// reason to call its good translation obsolete (nor for `sync --prune` to set it aside).
#[test]
fn a_broken_reference_entry_does_not_make_its_translation_obsolete() {
    let dir = shipped_project();
    replace(dir.path(), "locales/en/signing-opens.ftl", "signing-opens-p2 = ", "signing-opens-p2 = { ");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&songngu(dir.path(), &["check", "--format", "json"]))).unwrap();
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == "signing-opens-p2" || d["code"] == "syntax-error")
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"syntax-error"), "{codes:?}");
    assert!(!codes.contains(&"obsolete"), "{codes:?}");
    assert_eq!(json["summary"]["locales"]["vi"]["obsolete"], 0, "{}", json["summary"]);
    let before = read(dir.path(), "locales/vi/signing-opens.ftl");
    let _ = songngu(dir.path(), &["sync", "vi", "--prune"]);
    assert!(read(dir.path(), "locales/vi/signing-opens.ftl")
        .contains(before.lines().find(|l| l.starts_with("signing-opens-p2 =")).unwrap()));
}
