//! `songngu ingest` as an editor uses it: announcements in, reference resources out, ids
//! stable across edits, a person's additions kept, files untouched when nothing changed.

mod common;

use common::{ok, read, songngu, stdout, write};

/// A new, empty project: a temporary folder with an empty `songngu.toml` (the defaults),
/// as the refusal of a folder that is no project tells a newcomer to make one.
fn new_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "songngu.toml", "");
    dir
}

/// `(id, value)` of each message line of a resource, in file order.
fn messages(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && l.contains(" = "))
        .map(|l| {
            let (id, value) = l.split_once(" = ").unwrap();
            (id.to_string(), value.to_string())
        })
        .collect()
}

const ANNOUNCEMENT: &str = "+++
title = \"72 countries sign the Hanoi Convention\"
date = 2025-10-26
lang = \"en\"
+++

The signing ceremony took place in Hanoi on October 25 and 26, 2025.

More than 2,500 delegates from 119 countries and territories attended.

On the first day, 60 countries signed the Convention.

## Next steps

The Convention enters into force after the 40th ratification.

The next meeting is planned for 2026.
";

const VIETNAMESE: &str = "press-title = 72 quốc gia ký Công ước Hà Nội

press-date = 26/10/2025

press-p1 = Lễ mở ký diễn ra tại Hà Nội trong hai ngày 25 và 26/10/2025.

press-p2 = Hơn 2.500 đại biểu từ 119 quốc gia và vùng lãnh thổ đã tham dự.

press-p3 = Trong ngày đầu tiên, 60 quốc gia đã ký Công ước.

press-h1 = Các bước tiếp theo

press-p4 = Công ước có hiệu lực sau văn kiện phê chuẩn thứ 40.

press-p5 = Cuộc họp tiếp theo dự kiến diễn ra vào năm 2026.
";

#[test]
fn re_ingesting_an_edited_announcement_keeps_every_id() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/press.md", ANNOUNCEMENT);

    let first = ok(songngu(root, &["ingest"]));
    assert!(first.starts_with("created locales/en/press.ftl from source/press.md\n"), "{first}");
    let before = messages(&read(root, "locales/en/press.ftl"));
    let ids: Vec<&str> = before.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["press-title", "press-date", "press-p1", "press-p2", "press-p3", "press-h1", "press-p4", "press-p5"]
    );
    assert_eq!(before[1].1, "October 26, 2025");

    // A translator translates everything and accepts it.
    write(root, "locales/vi/press.ftl", VIETNAMESE);
    ok(songngu(root, &["accept", "vi"]));
    assert_eq!(ok(songngu(root, &["check"])), "ok: checked 1 resource in en, vi: no problems found\n");

    // The editor adds a paragraph at the top, changes a figure in the third, deletes the last.
    let edited = ANNOUNCEMENT
        .replace("The signing ceremony took", "Vietnam hosted the ceremony.\n\nThe signing ceremony took")
        .replace("60 countries signed", "72 countries signed")
        .replace("\nThe next meeting is planned for 2026.\n", "");
    write(root, "source/press.md", &edited);
    let second = ok(songngu(root, &["ingest"]));
    assert_eq!(
        second,
        "updated locales/en/press.ftl from source/press.md\n  added    press-p6\n  changed  press-p3\n  removed  press-p5\n\
         ingested 1 announcement: 1 resource written; run `songngu check` to see what translators now have to do\n"
    );
    let after = messages(&read(root, "locales/en/press.ftl"));
    let ids: Vec<&str> = after.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["press-title", "press-date", "press-p6", "press-p1", "press-p2", "press-p3", "press-h1", "press-p4"]
    );
    for (id, value) in &after {
        match id.as_str() {
            "press-p6" => assert_eq!(value, "Vietnam hosted the ceremony."),
            "press-p3" => assert_eq!(value, "On the first day, 72 countries signed the Convention."),
            _ => assert!(before.contains(&(id.clone(), value.clone())), "{id} changed: {value}"),
        }
    }

    // In vi: exactly one missing, one drifted (with the figure as a facts change), one obsolete.
    let json = stdout(&songngu(root, &["check", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut found: Vec<(String, String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["locale"] == "vi" && d["severity"] != "info")
        .map(|d| {
            (
                d["code"].as_str().unwrap().into(),
                d["id"].as_str().unwrap().into(),
                d["class"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("drifted".into(), "press-p3".into(), "facts".into()),
            ("missing".into(), "press-p6".into(), String::new()),
            ("obsolete".into(), "press-p5".into(), String::new()),
        ]
    );

    // Ingesting again changes nothing and writes nothing.
    let modified = std::fs::metadata(root.join("locales/en/press.ftl")).unwrap().modified().unwrap();
    assert_eq!(ok(songngu(root, &["ingest"])), "ingested 1 announcement: every resource is up to date\n");
    assert_eq!(std::fs::metadata(root.join("locales/en/press.ftl")).unwrap().modified().unwrap(), modified);
}

#[test]
fn a_new_paragraph_never_takes_the_id_of_a_deleted_one() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/press.md", ANNOUNCEMENT);
    ok(songngu(root, &["ingest"]));
    write(root, "locales/vi/press.ftl", VIETNAMESE);
    // p5 deleted: its vi translation stays (obsolete) until someone prunes it.
    write(root, "source/press.md", &ANNOUNCEMENT.replace("\nThe next meeting is planned for 2026.\n", ""));
    ok(songngu(root, &["ingest"]));
    // A different paragraph appended later is p6, not p5 again.
    write(root, "source/press.md", &ANNOUNCEMENT.replace("The next meeting is planned for 2026.", "Photos: VNA."));
    let out = ok(songngu(root, &["ingest"]));
    assert!(out.contains("added    press-p6\n"), "{out}");
}

#[test]
fn what_a_person_added_to_the_resource_stays_in_place() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/press.md", ANNOUNCEMENT);
    ok(songngu(root, &["ingest"]));
    let text = read(root, "locales/en/press.ftl");
    let by_hand = text
        .replace("press-p2 = ", "# Figures from the organisers, 26 October.\npress-p2 = ")
        .replace("press-h1 = ", "press-photo-credit = Photo: VNA\n\n## Second half\n\npress-h1 = ");
    write(root, "locales/en/press.ftl", &by_hand);
    write(root, "source/press.md", &ANNOUNCEMENT.replace("More than 2,500", "Over 2,500"));
    let out = ok(songngu(root, &["ingest"]));
    assert!(out.contains("changed  press-p2\n"), "{out}");
    let after = read(root, "locales/en/press.ftl");
    assert_eq!(after, by_hand.replace("More than 2,500", "Over 2,500"));
}

#[test]
fn vietnamese_announcements_make_vietnamese_the_reference() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/hop-bao.md", "+++\ntitle = \"Họp báo về Công ước Hà Nội\"\ndate = 2025-10-08\nlang = \"vi\"\n+++\n\nChiều 8/10, Bộ Ngoại giao tổ chức họp báo.\n");
    let out = ok(songngu(root, &["ingest"]));
    assert!(out.starts_with("created locales/vi/hop-bao.ftl"), "{out}");
    assert!(read(root, "locales/vi/hop-bao.ftl").contains("hop-bao-date = 08/10/2025\n"));
    // English is the translation: missing until written, and the Vietnamese is not flagged.
    let out = songngu(root, &["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let codes: Vec<(&str, &str)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["locale"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, [("missing-resource", "en")]);
}

#[test]
fn text_that_looks_like_fluent_syntax_is_escaped() {
    let dir = new_project();
    let root = dir.path();
    write(
        root,
        "source/odd.md",
        "+++\ntitle = \"Braces { and } \\\"quoted\\\"\"\n+++\n\n[Updated] *bold* .dot { $var } \\\\ ends\n\n## #1 choice\n",
    );
    ok(songngu(root, &["ingest"]));
    let text = read(root, "locales/en/odd.ftl");
    assert!(text.contains("odd-title = Braces { \"{\" } and { \"}\" } \"quoted\"\n"), "{text}");
    assert!(text.contains("odd-p1 = [Updated] *bold* .dot { \"{\" } $var { \"}\" } \\\\ ends\n"), "{text}");
    assert!(text.contains("odd-h1 = #1 choice\n"), "{text}");
    assert_eq!(ok(songngu(root, &["check", "--locale", "en"])), "ok: checked 1 resource in en: no problems found\n");
}

#[test]
fn a_broken_announcement_stops_the_run_before_anything_is_written() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/a.md", ANNOUNCEMENT);
    write(root, "source/b.md", "+++\ntitle = \"B\"\nlang = \"fr\"\n+++\n\nText.\n");
    let out = songngu(root, &["ingest"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "error: source/b.md:3:1: `lang = \"fr\"` is not a locale of this project (it has en, vi)\n");
    assert!(!root.join("locales").exists());
}

#[test]
fn a_reference_with_syntax_errors_is_not_rewritten() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/press.md", ANNOUNCEMENT);
    let broken = "press-title = 72 countries { sign\n";
    write(root, "locales/en/press.ftl", broken);
    let out = songngu(root, &["ingest"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: locales/en/press.ftl: 1 syntax error to fix first, so ingest does not guess around them (see `songngu check`)\n"
    );
    assert_eq!(read(root, "locales/en/press.ftl"), broken);
}

#[test]
fn a_paragraph_that_moves_unchanged_keeps_its_id() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/press.md", ANNOUNCEMENT);
    ok(songngu(root, &["ingest"]));
    let swapped = ANNOUNCEMENT.replace(
        "More than 2,500 delegates from 119 countries and territories attended.\n\nOn the first day, 60 countries signed the Convention.",
        "On the first day, 60 countries signed the Convention.\n\nMore than 2,500 delegates from 119 countries and territories attended.",
    );
    write(root, "source/press.md", &swapped);
    let out = ok(songngu(root, &["ingest"]));
    assert!(!out.contains("added") && !out.contains("removed"), "{out}");
    let ids: Vec<String> = messages(&read(root, "locales/en/press.ftl")).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        ["press-title", "press-date", "press-p1", "press-p3", "press-p2", "press-h1", "press-p4", "press-p5"]
    );
}

#[test]
fn switching_lang_never_overwrites_an_accepted_translation() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/press.md", ANNOUNCEMENT);
    ok(songngu(root, &["ingest"]));
    write(root, "locales/vi/press.ftl", VIETNAMESE);
    ok(songngu(root, &["accept", "vi"]));
    // The announcement now claims to be written in Vietnamese, but its text is English.
    write(root, "source/press.md", &ANNOUNCEMENT.replace("lang = \"en\"", "lang = \"vi\""));
    let out = songngu(root, &["ingest"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: locales/vi/press.ftl: this file is a translation"), "{err}");
    assert_eq!(read(root, "locales/vi/press.ftl"), VIETNAMESE);
}

#[test]
fn two_announcements_cannot_share_a_slug() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/press.md", ANNOUNCEMENT);
    write(root, "source/archive/press.md", ANNOUNCEMENT);
    let out = songngu(root, &["ingest"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: source/archive/press.md and source/press.md would both make the ids `press-…`: rename one of them\n"
    );
}

#[test]
fn a_backslash_u_in_plain_text_is_kept_through_ingest_sync_and_fmt() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/path.md", "+++\ntitle = \"Files\"\n+++\n\nThư mục D:\\uỷ-ban\\tài-liệu.\n");
    ok(songngu(root, &["ingest"]));
    ok(songngu(root, &["sync", "vi"]));
    ok(songngu(root, &["fmt"]));
    for file in ["locales/en/path.ftl", "locales/vi/path.ftl"] {
        assert!(read(root, file).contains("path-p1 = Thư mục D:\\uỷ-ban\\tài-liệu.\n"), "{file}");
    }
}

/// Every file under `root`, relative to it, sorted: to see that a refused run wrote nothing.
fn files_in(root: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            found.push(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
            if path.is_dir() {
                pending.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_bom_at_the_start_of_an_announcement_is_accepted() {
    // Notepad saves UTF-8 with a byte-order mark. press-conference.md says `lang = "vi"`:
    // its `lang` is what `check` and `status` read on their own, without the body.
    let dir = common::shipped_project();
    let root = dir.path();
    let with_bom = |path: &str| write(root, path, &format!("\u{feff}{}", read(root, path)));
    with_bom("source/press-conference.md");
    with_bom("source/ceremony-held.md");
    // A `.ftl` with one is read as before.
    with_bom("locales/vi/ceremony-held.ftl");
    assert_eq!(ok(songngu(root, &["ingest"])), "ingested 5 announcements: every resource is up to date\n");
    assert_eq!(ok(songngu(root, &["check"])), "ok: checked 6 resources in en, vi: no problems found\n");
    let status = ok(songngu(root, &["status", "--locale", "vi"]));
    let row = status.lines().find(|l| l.trim_start().starts_with("press-conference.ftl")).unwrap();
    assert!(row.contains("reference"), "{status}");

    // A new announcement with one is ingested under its `lang`; the mark is not content and
    // does not reach the resource.
    let dir = new_project();
    let root = dir.path();
    write(root, "source/hop-bao.md", "\u{feff}+++\ntitle = \"Họp báo\"\nlang = \"vi\"\n+++\n\nChiều 8/10, họp báo.\n");
    let out = ok(songngu(root, &["ingest"]));
    assert!(out.starts_with("created locales/vi/hop-bao.ftl"), "{out}");
    let resource = read(root, "locales/vi/hop-bao.ftl");
    assert!(resource.contains("\nhop-bao-title = Họp báo\n") && !resource.contains('\u{feff}'), "{resource}");
    let out = songngu(root, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["diagnostics"][0]["code"], "missing-resource");
    assert_eq!(doc["diagnostics"][0]["locale"], "en");
}

#[test]
fn a_folder_with_only_announcements_is_told_how_to_become_a_project() {
    // DESIGN: without a songngu.toml or a locales/ folder, every command exits 2 and writes
    // nothing, `ingest` too: an editor's first `source/` is not taken for a project until
    // they say so.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "source/press.md", ANNOUNCEMENT);
    let out = songngu(root, &["ingest"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: no songngu project in ")
            && err.ends_with(
                " or any folder above it (a project is a folder with a songngu.toml or a locales/ folder): \
                 to make this folder one, create an empty songngu.toml in it\n"
            ),
        "{err}"
    );
    assert_eq!(files_in(root), ["source", "source/press.md"]);

    write(root, "songngu.toml", "");
    assert!(ok(songngu(root, &["ingest"])).starts_with("created locales/en/press.ftl from source/press.md\n"));
}

/// The standard error of a run that must succeed.
fn warnings(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(out), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stderr.clone()).unwrap()
}

const HOP_BAO: &str = "+++
title = \"Họp báo về Lễ mở ký Công ước Hà Nội\"
date = 2025-10-08
+++

Chiều 8/10, tại Hà Nội, Bộ Ngoại giao phối hợp với Bộ Công an tổ chức họp báo về Lễ mở ký Công ước.

## Văn kiện pháp lý quan trọng

Việt Nam sẽ đăng cai tổ chức Lễ mở ký tại Hà Nội trong hai ngày 25 và 26/10/2025.
";

/// The text is judged as a whole, so a Vietnamese name or quote in an English
/// announcement is not mistaken for Vietnamese, and the shipped announcements give no
/// warning at all.
#[test]
fn a_vietnamese_text_without_lang_gets_a_warning() {
    let dir = new_project();
    let root = dir.path();
    write(root, "source/hop-bao.md", HOP_BAO);
    assert_eq!(
        warnings(&songngu(root, &["ingest"])),
        "warning: source/hop-bao.md reads as Vietnamese but has no lang = \"vi\": add it to the front matter and ingest again\n"
    );
    // Said again on every ingest until it is fixed.
    assert!(warnings(&songngu(root, &["ingest"])).contains("reads as Vietnamese"));
    write(root, "source/hop-bao.md", &HOP_BAO.replace("date = 2025-10-08\n", "date = 2025-10-08\nlang = \"en\"\n"));
    assert_eq!(
        warnings(&songngu(root, &["ingest", "source/hop-bao.md"])),
        "warning: source/hop-bao.md reads as Vietnamese but has lang = \"en\": set lang = \"vi\" and ingest again\n"
    );

    // English marked as Vietnamese.
    let dir = new_project();
    let root = dir.path();
    write(root, "source/press.md", &ANNOUNCEMENT.replace("lang = \"en\"", "lang = \"vi\""));
    assert_eq!(
        warnings(&songngu(root, &["ingest"])),
        "warning: source/press.md reads as English but has lang = \"vi\": set lang = \"en\" (or remove it: en is the \
         project's reference) and ingest again\n"
    );

    // English with a Vietnamese quote and names: no warning.
    let dir = new_project();
    let root = dir.path();
    let quoted = ANNOUNCEMENT.replace(
        "On the first day",
        "Deputy Minister Đặng Hoàng Giang called it “một văn kiện pháp lý quan trọng mang tầm vóc toàn cầu”.\n\nOn the first day",
    );
    write(root, "source/press.md", &quoted);
    assert_eq!(warnings(&songngu(root, &["ingest"])), "");

    let shipped = common::shipped_project();
    assert_eq!(warnings(&songngu(shipped.path(), &["ingest"])), "");
}

/// A Vietnamese announcement ingested without `lang` went to `locales/en/`; once the
/// editor adds `lang = "vi"`, and nobody accepted a translation yet, the resource moves
/// to `locales/vi/` whole, with the same ids (not a new set numbered after the old), and
/// nothing is left half in one language and half in the other.
#[test]
fn changing_lang_before_any_accept_keeps_the_ids() {
    let with_lang = HOP_BAO.replace("date = 2025-10-08\n", "date = 2025-10-08\nlang = \"vi\"\n");
    let ids = |text: &str| messages(text).into_iter().map(|(id, _)| id).collect::<Vec<_>>();

    // Nothing translated yet: the resource moves, and English waits for `sync en`.
    let dir = new_project();
    let root = dir.path();
    write(root, "source/hop-bao.md", HOP_BAO);
    ok(songngu(root, &["ingest"]));
    let before = read(root, "locales/en/hop-bao.ftl");
    assert_eq!(ids(&before), ["hop-bao-title", "hop-bao-date", "hop-bao-p1", "hop-bao-h1", "hop-bao-p2"]);
    write(root, "source/hop-bao.md", &with_lang);
    let out = songngu(root, &["ingest"]);
    assert_eq!(warnings(&out), "");
    assert_eq!(
        stdout(&out),
        "moved locales/en/hop-bao.ftl to locales/vi/hop-bao.ftl: source/hop-bao.md is now written in vi, and no \
         translation of it was accepted yet, so every id stays\n  changed  hop-bao-date\n  \
         no en translation yet: run `songngu sync en` to start one\n\
         ingested 1 announcement: 1 resource written; run `songngu check` to see what translators now have to do\n"
    );
    let after = read(root, "locales/vi/hop-bao.ftl");
    assert_eq!(after, before.replace("October 8, 2025", "08/10/2025"));
    assert!(!root.join("locales/en/hop-bao.ftl").exists());
    let json = stdout(&songngu(root, &["check", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<(&str, &str)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["file"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, [("missing-resource", "locales/vi/hop-bao.ftl")]);
    // Ingesting again changes nothing.
    assert_eq!(ok(songngu(root, &["ingest"])), "ingested 1 announcement: every resource is up to date\n");

    // Copies made for a translator (`sync vi`) before the fix: they become the English
    // side, their TODO notes pointing the right way, and the reference has none.
    let dir = new_project();
    let root = dir.path();
    write(root, "source/hop-bao.md", HOP_BAO);
    ok(songngu(root, &["ingest"]));
    ok(songngu(root, &["sync", "vi"]));
    let copies = read(root, "locales/vi/hop-bao.ftl");
    write(root, "source/hop-bao.md", &with_lang);
    let out = ok(songngu(root, &["ingest"]));
    assert!(
        out.contains("  en       locales/en/hop-bao.ftl now holds what locales/vi/hop-bao.ftl held (not accepted)\n"),
        "{out}"
    );
    let reference = read(root, "locales/vi/hop-bao.ftl");
    assert!(!reference.contains("TODO"), "{reference}");
    assert_eq!(ids(&reference), ["hop-bao-title", "hop-bao-date", "hop-bao-p1", "hop-bao-h1", "hop-bao-p2"]);
    let translation = read(root, "locales/en/hop-bao.ftl");
    assert_eq!(
        translation,
        copies.replace(
            "# TODO: translate from en (a copy, added by `songngu sync`), then run `songngu accept vi`.",
            "# TODO: translate from vi (a copy, added by `songngu sync`), then run `songngu accept en`."
        )
    );
    let json = stdout(&songngu(root, &["check", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    for d in doc["diagnostics"].as_array().unwrap() {
        assert_eq!(d["locale"], "en", "{d}");
        assert!(["untranslated", "unaccepted"].contains(&d["code"].as_str().unwrap()), "{d}");
    }

    // A translation written by hand before its announcement was ever ingested is not
    // taken for a reference to move: its words do not read as the announcement.
    let dir = new_project();
    let root = dir.path();
    let english = "hop-bao-title = Press conference on the Hanoi Convention signing ceremony\n\n\
                   hop-bao-p1 = On the afternoon of October 8, the Ministry of Foreign Affairs held a press conference.\n";
    write(root, "locales/en/hop-bao.ftl", english);
    write(root, "source/hop-bao.md", &with_lang);
    let out = ok(songngu(root, &["ingest"]));
    assert!(out.starts_with("created locales/vi/hop-bao.ftl from source/hop-bao.md\n"), "{out}");
    assert_eq!(read(root, "locales/en/hop-bao.ftl"), english);

    // Once a translation was accepted, the switch is refused as before (see
    // `switching_lang_never_overwrites_an_accepted_translation`): nothing moves.
    let dir = new_project();
    let root = dir.path();
    write(root, "source/hop-bao.md", HOP_BAO);
    ok(songngu(root, &["ingest"]));
    ok(songngu(root, &["sync", "vi"]));
    // (Naming a copy records it as an intentional one.)
    ok(songngu(root, &["accept", "vi", "hop-bao-title"]));
    write(root, "source/hop-bao.md", &with_lang);
    let out = songngu(root, &["ingest"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(root.join("locales/en/hop-bao.ftl").exists());
}
