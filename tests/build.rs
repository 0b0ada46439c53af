//! `songngu build` as a release step uses it: what apps get, what stops a build, the
//! policy for missing and stale translations, and a safe, reproducible output folder.

mod common;

use std::path::{Path, PathBuf};

use common::{ok, read, songngu, stdout, write};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn manifest(dist: &Path) -> Value {
    serde_json::from_str(&read(dist, "manifest.json")).unwrap()
}

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn the_shipped_content_builds_the_same_bytes_twice_and_the_manifest_matches_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let out = ok(songngu(&repo(), &["build", "--out", a.to_str().unwrap()]));
    assert!(out.ends_with("  en     6 resources, 79 entries\n  vi     6 resources, 79 entries\n"), "{out}");
    ok(songngu(&repo(), &["build", "--out", b.to_str().unwrap()]));
    let first = tree(&a);
    assert_eq!(first, tree(&b), "two builds of the same input differ");
    assert_eq!(first.len(), 13, "6 resources in each of 2 locales, and the manifest");

    let m = manifest(&a);
    for (locale, built) in m["locales"].as_object().unwrap() {
        for (resource, entry) in built["resources"].as_object().unwrap() {
            let bytes = std::fs::read(a.join(locale).join(resource)).unwrap();
            let sha: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(entry["sha256"], sha.as_str(), "{locale}/{resource}");
            let expected =
                if resource == "shared.ftl" { Value::Array(vec![]) } else { serde_json::json!(["shared.ftl"]) };
            assert_eq!(entry["dependencies"], expected, "{locale}/{resource}");
        }
    }
    // The Vietnamese-origin announcement is the reference in vi and a translation in en.
    assert_eq!(m["locales"]["en"]["resources"]["press-conference.ftl"]["reference"], "vi");
    assert_eq!(m["default_locale"], "en");
    insta::assert_json_snapshot!("shipped_manifest_vi", m["locales"]["vi"]);

    // A rebuild replaces the folder: nothing of the old build survives, no staging is left.
    write(&a, "vi/shared.ftl", "-un = changed after the build\n");
    ok(songngu(&repo(), &["build", "--out", a.to_str().unwrap()]));
    assert_eq!(tree(&a), first);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "{leftovers:?}");
}

const EN_NEWS: &str = "news-title = Hello from { -brand }

news-count = { $count } delegations arrived

news-p1 = Plain text.

-brand = Songngu
";

#[test]
fn what_would_break_at_run_time_stops_the_build_by_name_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "locales/en/news.ftl", EN_NEWS);
    write(
        root,
        "locales/vi/news.ftl",
        "news-title = Xin chào từ { -brnd }

news-count = { $cout } đoàn đã đến

news-p1 = Văn bản }

-brand = Songngu
",
    );
    write(root, "locales/vi/extra.ftl", "-brand = Songngu hai\n");
    // The app loads both files together: their two `-brand` clash. (Files no app loads
    // together may each define it.)
    write(root, "songngu.toml", "reference = \"en\"\nlocales = [\"en\", \"vi\"]\n\n[bundles]\napp = [\"*.ftl\"]\n");
    let out = songngu(root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for expected in [
        "error[unknown-reference]: no resource of vi defines the term `-brnd`",
        "error[variable-mismatch]: `$cout` is not a variable of the en reference",
        "error[syntax-error]",
        "error[duplicate-id]: `-brand` is already defined in locales/vi/extra.ftl:1, and both files are in the bundle `app`",
        "build failed: 4 problems would break the app at run time; nothing was written.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!root.join("dist").exists());

    // --allow-errors: the broken entries are left out and filled from en, with en's terms.
    let text = ok(songngu(root, &["build", "--allow-errors"]));
    assert!(
        text.contains(
            "vi     2 resources, 5 entries (3 filled from the reference: not translated yet; 4 broken, left out)"
        ),
        "{text}"
    );
    let m = manifest(&root.join("dist"));
    let news = &m["locales"]["vi"]["resources"]["news.ftl"];
    assert_eq!(news["left_out"], serde_json::json!(["-brand", "news-count", "news-p1", "news-title"]));
    assert_eq!(news["filled"], serde_json::json!(["news-title", "news-count", "news-p1"]));
    let built = read(&root.join("dist"), "vi/news.ftl");
    assert!(built.contains("news-title = Hello from { -brand__en }\n"), "{built}");
    assert!(built.contains("-brand__en = Songngu\n"), "{built}");
    assert!(!built.contains("Xin chào"), "{built}");
    // `-brand` is defined twice in vi: extra.ftl comes first and keeps it.
    assert!(read(&root.join("dist"), "vi/extra.ftl").contains("-brand = Songngu hai\n"));
    assert!(!built.contains("-brand = "), "{built}");
    // en has no extra.ftl, and gets none.
    assert!(!root.join("dist/en/extra.ftl").exists());
    assert!(text.contains("en     1 resource, 4 entries\n"), "{text}");
}

/// As in Firefox: the new tab page and the settings page both define `home-title`, and no
/// app loads the two together. Each is built with its own, a translation lacking it in one
/// is filled in there from the reference, and a runtime loading either gets its own text.
#[test]
fn a_duplicate_across_files_no_app_loads_together_is_built_into_each() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "locales/en/brand.ftl", "-brand = Firefox\n");
    write(root, "locales/en/newtab.ftl", "home-title = Homepage\nnewtab-search = Search with { -brand }\n");
    write(root, "locales/en/preferences.ftl", "home-title = Homepage and new windows\npane = { -brand } settings\n");
    write(root, "locales/vi/brand.ftl", "-brand = Firefox\n");
    write(root, "locales/vi/newtab.ftl", "home-title = Trang chủ\nnewtab-search = Tìm với { -brand }\n");
    write(root, "locales/vi/preferences.ftl", "pane = Cài đặt { -brand }\n");
    ok(songngu(root, &["build"]));
    let dist = root.join("dist");
    assert!(read(&dist, "vi/newtab.ftl").contains("home-title = Trang chủ\n"));
    assert!(read(&dist, "vi/preferences.ftl").contains("home-title = Homepage and new windows\n"));
    let m = manifest(&dist);
    let resources = &m["locales"]["vi"]["resources"];
    assert_eq!(resources["preferences.ftl"]["filled"], serde_json::json!(["home-title"]));
    assert_eq!(resources["preferences.ftl"]["dependencies"], serde_json::json!(["brand.ftl"]));
    assert_eq!(resources["newtab.ftl"]["dependencies"], serde_json::json!(["brand.ftl"]));

    let catalog = songngu::bundle::runtime::Catalog::open(&dist).unwrap();
    let title =
        |resources: &[&str]| catalog.localizer(&["vi"], resources).unwrap().format("home-title", None).unwrap().text;
    assert_eq!(title(&["newtab.ftl"]), "Trang chủ");
    assert_eq!(title(&["preferences.ftl"]), "Homepage and new windows");
    // Every resource at once: the first in path order.
    assert_eq!(title(&[]), "Trang chủ");

    // Once one file uses the other, they are loaded together and the clash stops the build.
    write(root, "locales/vi/preferences.ftl", "home-title = Trang chủ và cửa sổ mới\npane = { newtab-search }\n");
    let text = stdout(&songngu(root, &["build"]));
    assert!(
        text.contains("error[duplicate-id]: `home-title` is already defined in locales/vi/newtab.ftl:1, a file this one depends on"),
        "{text}"
    );
}

/// vi's own `a.ftl` and `b.ftl` are not loaded together, so each may define `k`; but the
/// entry filled in from en makes `a.ftl` use `b.ftl`. What is served is checked as served:
/// the later `k` is the build's finding, and left out.
#[test]
fn a_duplicate_that_a_filled_entry_brings_together_is_found_in_what_is_served() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "locales/en/a.ftl", "k = A\na-link = see { b-x }\n");
    write(root, "locales/en/b.ftl", "k = B\nb-x = X\n");
    write(root, "locales/vi/a.ftl", "k = Á\n");
    write(root, "locales/vi/b.ftl", "k = Bê\nb-x = Xê\n");
    let text = stdout(&songngu(root, &["build"]));
    assert!(
        text.contains("error[duplicate-id]: `k` is served by both a.ftl and b.ftl, which are loaded together"),
        "{text}"
    );
    ok(songngu(root, &["build", "--allow-errors"]));
    let dist = root.join("dist");
    assert!(read(&dist, "vi/a.ftl").contains("a-link = see { b-x }\n"));
    assert!(!read(&dist, "vi/b.ftl").contains("k = "));
    let catalog = songngu::bundle::runtime::Catalog::open(&dist).unwrap();
    assert_eq!(catalog.localizer(&["vi"], &["a.ftl"]).unwrap().format("k", None).unwrap().text, "Á");
}

/// en had 60, vi translated and accepted it; then en changed the figure to 72.
fn drifted_project(root: &Path) {
    write(root, "locales/en/news.ftl", "news-p1 = 60 countries signed.\n\nnews-p2 = The ceremony was held.\n");
    write(root, "locales/vi/news.ftl", "news-p1 = 60 quốc gia đã ký.\n\nnews-p2 = Buổi lễ đã diễn ra.\n");
    ok(songngu(root, &["accept", "vi"]));
    write(root, "locales/en/news.ftl", "news-p1 = 72 countries signed.\n\nnews-p2 = The ceremony took place.\n");
}

#[test]
fn a_translation_stale_on_a_fact_is_served_from_the_reference_unless_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    drifted_project(root);

    let text = ok(songngu(root, &["build"]));
    assert!(text.contains("1 served from the reference: a fact changed since translation"), "{text}");
    let dist = root.join("dist");
    let news = &manifest(&dist)["locales"]["vi"]["resources"]["news.ftl"];
    assert_eq!(news["replaced"], serde_json::json!(["news-p1"]));
    assert_eq!(news["completeness"]["drifted"], 2);
    let built = read(&dist, "vi/news.ftl");
    assert!(built.contains("news-p1 = 72 countries signed.\n"), "{built}");
    // A wording change keeps the translation: the reader still gets Vietnamese.
    assert!(built.contains("news-p2 = Buổi lễ đã diễn ra.\n"), "{built}");

    ok(songngu(root, &["build", "--drifted", "keep"]));
    let built = read(&dist, "vi/news.ftl");
    assert!(built.contains("news-p1 = 60 quốc gia đã ký.\n"), "{built}");
    assert_eq!(manifest(&dist)["locales"]["vi"]["resources"]["news.ftl"]["replaced"], serde_json::json!([]));

    // Once the translator has touched the text, it is theirs to accept: kept.
    write(root, "locales/vi/news.ftl", "news-p1 = 72 quốc gia đã ký.\n\nnews-p2 = Buổi lễ đã diễn ra.\n");
    ok(songngu(root, &["build"]));
    assert!(read(&dist, "vi/news.ftl").contains("news-p1 = 72 quốc gia đã ký.\n"));
}

#[test]
fn build_refuses_folders_that_are_not_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "locales/en/news.ftl", EN_NEWS);
    write(root, "notes/todo.txt", "my notes\n");
    for (out, why) in [
        ("notes", "is not empty and holds no songngu build"),
        ("locales", "holds or is inside the translations"),
        ("locales/vi", "holds or is inside the translations"),
        (".", "holds the project itself"),
    ] {
        let run = songngu(root, &["build", "--out", out]);
        assert_eq!(run.status.code(), Some(2), "--out {out}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(why) && stderr.lines().count() == 1, "--out {out}: {stderr}");
    }
    assert_eq!(read(root, "notes/todo.txt"), "my notes\n");
    assert_eq!(read(root, "locales/en/news.ftl"), EN_NEWS);
    // An empty folder is fine.
    std::fs::create_dir(root.join("empty")).unwrap();
    ok(songngu(root, &["build", "--out", "empty"]));
    assert!(root.join("empty/en/news.ftl").is_file());
}

#[test]
fn render_shows_each_announcement_as_the_complete_vietnamese_article() {
    let slugs = ["press-conference", "delegations-confirmed", "signing-opens", "ceremony-held", "signing-outcome"];
    for slug in slugs {
        let out = songngu(&repo(), &["render", slug, "--locale", "vi"]);
        assert_eq!(out.status.code(), Some(0), "{slug}");
        assert!(out.stderr.is_empty(), "{slug}: nothing falls back: {}", String::from_utf8_lossy(&out.stderr));
        let md = stdout(&out);
        let source = read(&repo(), &format!("source/{slug}.md"));
        let announcement = songngu::project::announcement::Announcement::parse(slug, &source, slug).unwrap();
        // Title, date, then one block per block of the source, in order.
        let parts: Vec<&str> = md.trim_end().split("\n\n").collect();
        assert_eq!(parts.len(), 2 + announcement.blocks.len(), "{slug}");
        assert!(parts[0].starts_with("# ") && parts[1].starts_with("_") && parts[1].contains("/2025"), "{slug}");
        for (part, block) in parts[2..].iter().zip(&announcement.blocks) {
            assert_eq!(
                part.starts_with("## "),
                block.kind == songngu::project::announcement::BlockKind::Heading,
                "{slug}: {part}"
            );
            // Vietnamese throughout: no paragraph is English left over.
            let (vi, letters) = songngu::text::vietnamese_share(part);
            assert!(vi * 20 >= letters, "{slug}: not Vietnamese: {part}");
        }
        if announcement.lang.as_deref() == Some("vi") {
            // Written in Vietnamese: the article is its source text, word for word.
            assert_eq!(parts[0], format!("# {}", announcement.title));
            for (part, block) in parts[2..].iter().zip(&announcement.blocks) {
                assert_eq!(part.trim_start_matches("## "), block.text);
            }
        }
    }
    insta::assert_snapshot!(
        "render_signing_opens_vi_md",
        ok(songngu(&repo(), &["render", "signing-opens", "--locale", "vi-VN"]))
    );
    insta::assert_snapshot!(
        "render_ceremony_held_vi_html",
        ok(songngu(&repo(), &["render", "ceremony-held", "--locale", "vi", "--format", "html"]))
    );
}

#[test]
fn format_previews_one_message_with_arguments() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "locales/en/news.ftl", EN_NEWS);
    write(root, "locales/vi/news.ftl", "news-count = { $count } đoàn đã đến\n\nnews-title = .\n    .alt = Ảnh\n");
    assert_eq!(ok(songngu(root, &["format", "--locale", "vi", "news-count", "--arg", "count=93"])), "93 đoàn đã đến\n");
    assert_eq!(ok(songngu(root, &["format", "--locale", "vi-VN", "news-title.alt"])), "Ảnh\n");
    // Without the argument the text still shows, the problem is named, exit 1.
    let out = songngu(root, &["format", "--locale", "vi", "news-count"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "{$count} đoàn đã đến\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: "), "{out:?}");
    for (args, message) in [
        (vec!["format", "--locale", "vi", "nope"], "no locale of vi, en has the message `nope`"),
        (vec!["format", "--locale", "vi", "news-count", "--arg", "count"], "write it as NAME=VALUE"),
        (vec!["render", "nope", "--locale", "vi"], "this build has no announcement `nope` (it has news)"),
    ] {
        let out = songngu(root, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message) && stderr.lines().count() == 1, "{args:?}: {stderr}");
    }
}

/// Found by a review that tried to break `build`: each case once hung, damaged a project,
/// deleted files or shipped something a runtime cannot use.
#[test]
fn what_a_hostile_review_found_stays_fixed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    // vi dropped an attribute another message uses: this looped forever.
    write(root, "locales/en/a.ftl", "a = A { b.tip }\n\nb = B\n    .tip = Tip\n");
    write(root, "locales/vi/a.ftl", "a = Á { b.tip }\n\nb = Bê\n");
    let out = songngu(root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[attribute-mismatch]: the translation lacks `.tip`"), "{}", stdout(&out));
    ok(songngu(root, &["build", "--allow-errors"]));
    assert!(read(&root.join("dist"), "vi/a.ftl").contains("b = B\n    .tip = Tip\n"));

    // Loops of references would fail in every runtime; a name of songngu's term copies is taken.
    write(root, "locales/en/c.ftl", "c-one = One { c-two }\n\nc-two = Two { c-one }\n\n-t = T { -t }\n");
    write(root, "locales/vi/c.ftl", "-t__en = trap\n");
    let text = stdout(&songngu(root, &["build"]));
    assert!(
        text.contains("error[cyclic-reference]: `c-one` leads back to itself: `c-one` → `c-two` → `c-one`"),
        "{text}"
    );
    assert!(text.contains("error[cyclic-reference]: `-t` refers to itself"), "{text}");
    assert!(text.contains("`-t__en` ends in `__en`, which `songngu build` keeps for its copies of en terms"), "{text}");
    std::fs::remove_file(root.join("locales/en/c.ftl")).unwrap();
    std::fs::remove_file(root.join("locales/vi/c.ftl")).unwrap();
    write(root, "locales/vi/a.ftl", "a = Á { b.tip }\n\nb = Bê\n    .tip = Mẹo\n");

    // Output folders are judged by where they really are.
    std::os::unix::fs::symlink(root.join("locales"), root.join("L")).unwrap();
    for out in ["dist/../locales/en/build", "L/new"] {
        let run = songngu(root, &["build", "--out", out]);
        assert_eq!(run.status.code(), Some(2), "--out {out}");
    }
    assert!(!root.join("locales/en/build").exists() && !root.join("locales/new").exists());
    // A folder with a build and someone's file in it is not replaced.
    write(root, "dist/notes.txt", "precious\n");
    let run = songngu(root, &["build"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("`notes.txt` is not part of the build this folder holds"));
    assert_eq!(read(root, "dist/notes.txt"), "precious\n");
    // A link named as --out still points at the (new) build.
    std::fs::remove_file(root.join("dist/notes.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("dist"), root.join("current")).unwrap();
    ok(songngu(root, &["build", "--out", "current"]));
    assert!(std::fs::symlink_metadata(root.join("current")).unwrap().file_type().is_symlink());
    assert!(read(root, "dist/vi/a.ftl").contains("Mẹo"));

    // Previews: a language the build does not have is an error, not English in disguise;
    // only numbers written as they print are passed as numbers.
    let run = songngu(root, &["format", "--locale", "vn", "a"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr)
        .contains("--locale vn: no language of this build matches it (it has en, vi)"));
    let args =
        songngu::bundle::runtime::parse_args(&["phone=0912345678".into(), "n=93".into(), "p=1.50".into()]).unwrap();
    assert_eq!(
        format!("{:?}", args.get("phone")),
        format!("{:?}", Some(&songngu::bundle::runtime::FluentValue::from("0912345678")))
    );
    assert_eq!(format!("{:?}", args.get("n")), format!("{:?}", Some(&songngu::bundle::runtime::FluentValue::from(93))));
    assert_eq!(
        format!("{:?}", args.get("p")),
        format!("{:?}", Some(&songngu::bundle::runtime::FluentValue::from("1.50")))
    );
}
