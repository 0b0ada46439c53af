//! `songngu sync` as a translator uses it: what the reference has and the language lacks
//! arrives as marked copies in the reference's order; nothing already there moves.

mod common;

use common::{ok, read, songngu, write};

const REFERENCE: &str = "### Signing outcome.

news-title = 72 countries sign the { -hanoi-convention }

news-date = October 26, 2025

# The figure comes from the UN press office.
news-p1 = 72 countries signed on the first day.

news-p2 = The ceremony closed on October 26.

-hanoi-convention = Hanoi Convention
";

/// A translator's file: their own comments, odd spacing, an entry the reference dropped.
const TRANSLATION: &str = "### Kết quả lễ ký.
# Người dịch: Lan

news-title    =    72 quốc gia ký { -hanoi-convention }


news-old = Đoạn đã bỏ
    còn dòng hai

news-p2 = Buổi lễ bế mạc ngày 26/10.
";

#[test]
fn missing_entries_arrive_as_marked_copies_in_reference_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "locales/en/news.ftl", REFERENCE);
    write(root, "locales/vi/news.ftl", TRANSLATION);

    let out = ok(songngu(root, &["sync", "vi"]));
    assert_eq!(
        out,
        "updated locales/vi/news.ftl
  added    news-date, news-p1, -hanoi-convention (copies of en: translate them)
  obsolete news-old (not in en; --prune moves them out)
vi: 3 entries added in 1 file; 1 entry obsolete left in place; translate the copies, then `songngu accept vi`
"
    );
    let todo = "# TODO: translate from en (a copy, added by `songngu sync`), then run `songngu accept vi`.\n";
    let synced = read(root, "locales/vi/news.ftl");
    assert_eq!(
        synced,
        format!(
            "### Kết quả lễ ký.
# Người dịch: Lan

news-title    =    72 quốc gia ký {{ -hanoi-convention }}


{todo}news-date = October 26, 2025

{todo}# The figure comes from the UN press office.
news-p1 = 72 countries signed on the first day.

news-old = Đoạn đã bỏ
    còn dòng hai

news-p2 = Buổi lễ bế mạc ngày 26/10.

{todo}-hanoi-convention = Hanoi Convention
"
        )
    );

    // The copies are untranslated (or, where nothing needs translating, just unaccepted).
    let json = String::from_utf8(songngu(root, &["check", "--format", "json", "--locale", "vi"]).stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut found: Vec<(&str, &str)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] != "unaccepted")
        .map(|d| (d["code"].as_str().unwrap(), d["id"].as_str().unwrap()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("obsolete", "news-old"),
            ("untranslated", "-hanoi-convention"),
            ("untranslated", "news-date"),
            ("untranslated", "news-p1")
        ]
    );

    // A second run has nothing to add and leaves the file alone.
    let before = std::fs::metadata(root.join("locales/vi/news.ftl")).unwrap().modified().unwrap();
    let again = ok(songngu(root, &["sync", "vi"]));
    assert!(again.ends_with("vi: 0 entries added in 0 files; 1 entry obsolete left in place\n"), "{again}");
    assert_eq!(std::fs::metadata(root.join("locales/vi/news.ftl")).unwrap().modified().unwrap(), before);

    // --prune moves the obsolete entry out, commented, and touches nothing else.
    let out = ok(songngu(root, &["sync", "vi", "--prune"]));
    assert!(out.contains("  pruned   news-old (moved to the end of the file, commented out)\n"), "{out}");
    let pruned = read(root, "locales/vi/news.ftl");
    assert_eq!(
        pruned,
        synced.replace("news-old = Đoạn đã bỏ\n    còn dòng hai\n\n", "")
            + "\n## Obsolete: no longer in the reference; moved here by `songngu sync --prune`.\n\
               ## Reuse their words in a translation, or delete them.\n\n\
               # news-old = Đoạn đã bỏ\n#     còn dòng hai\n"
    );
    let json = String::from_utf8(songngu(root, &["check", "--format", "json", "--locale", "vi"]).stdout).unwrap();
    assert!(!json.contains("\"code\": \"obsolete\""), "{json}");
}

#[test]
fn a_new_announcement_gets_a_new_file_and_the_reference_language_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "source/hop-bao.md", "+++\ntitle = \"Họp báo\"\nlang = \"vi\"\n+++\n\nChiều 8/10, họp báo.\n");
    write(root, "locales/en/news.ftl", REFERENCE);
    ok(songngu(root, &["ingest"]));
    // vi is the reference of hop-bao: `sync vi` creates news.ftl only, `sync en` hop-bao.ftl.
    let out = ok(songngu(root, &["sync", "vi"]));
    assert!(out.starts_with("created locales/vi/news.ftl\n"), "{out}");
    assert!(!root.join("locales/en/hop-bao.ftl").exists());
    let out = ok(songngu(root, &["sync", "en"]));
    assert!(
        out.starts_with("created locales/en/hop-bao.ftl\n  added    hop-bao-title, hop-bao-p1 (copies of vi"),
        "{out}"
    );
}

#[test]
fn broken_text_where_an_entry_would_go_is_left_for_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "locales/en/news.ftl", REFERENCE);
    let broken = "news-p1 = 72 quốc gia { đã ký\n";
    write(root, "locales/vi/news.ftl", broken);
    let out = ok(songngu(root, &["sync", "vi"]));
    assert!(out.contains("  skipped  news-p1 (this file has broken text there"), "{out}");
    assert!(read(root, "locales/vi/news.ftl").starts_with(broken));
    let out = songngu(root, &["sync", "xx"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "error: `xx` is not a locale of this project (it has en, vi)\n");
}

#[test]
fn prune_keeps_what_current_translations_still_use() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "locales/en/news.ftl", "-un = United Nations\nnews-p1 = Hello { -un }\n");
    write(
        root,
        "locales/vi/news.ftl",
        "-un = Liên hợp quốc\n-chu = chữ\nnews-p1 = Xin chào { -chu } { -un }\nold = Cũ\n",
    );
    let out = ok(songngu(root, &["sync", "vi", "--prune"]));
    assert!(out.contains("  pruned   old "), "{out}");
    assert!(out.contains("  kept     -chu (obsolete, but current entries still use them)"), "{out}");
    let text = read(root, "locales/vi/news.ftl");
    assert!(text.starts_with("-un = Liên hợp quốc\n-chu = chữ\nnews-p1 = Xin chào { -chu } { -un }\n"), "{text}");
    assert!(text.ends_with("# old = Cũ\n"), "{text}");
}

#[cfg(unix)]
#[test]
fn rewritten_files_keep_their_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "locales/en/news.ftl", REFERENCE);
    write(root, "locales/vi/news.ftl", TRANSLATION);
    let path = root.join("locales/vi/news.ftl");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    ok(songngu(root, &["sync", "vi"]));
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o664);
}
