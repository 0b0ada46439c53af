//! The runtime API as an app uses it: open a build, negotiate the reader's languages,
//! load only what a page needs, format with arguments, fall back message by message, and
//! get errors as values, never a panic, from a damaged build.

mod common;

use std::path::Path;

use common::{ok, read, songngu, write};
use songngu::bundle::runtime::{Catalog, FluentArgs, RuntimeError};

/// A small project with two resources (one using the shared terms), built into `dist`.
fn built(root: &Path) -> std::path::PathBuf {
    write(root, "locales/en/shared.ftl", "-brand = Hanoi Convention\n");
    write(
        root,
        "locales/en/news.ftl",
        "news-title = Signing of the { -brand }\n\nnews-count = { $count ->\n    [one] { $count } country\n   *[other] { $count } countries\n} signed\n\nnews-photo =\n    .alt = Delegates at the { -brand }\n\nnews-only-en = Only in English\n",
    );
    write(root, "locales/en/other.ftl", "other-title = Another page\n");
    write(root, "locales/vi/shared.ftl", "-brand = Công ước Hà Nội\n");
    write(
        root,
        "locales/vi/news.ftl",
        "news-title = Lễ ký { -brand }\n\nnews-count = { $count } quốc gia đã ký\n\nnews-photo =\n    .alt = Các đại biểu tại { -brand }\n",
    );
    write(root, "locales/vi/other.ftl", "other-title = Một trang khác\n");
    let dist = root.join("dist");
    ok(songngu(root, &["build", "--missing", "omit", "--out", dist.to_str().unwrap()]));
    dist
}

#[test]
fn languages_are_negotiated_with_the_default_last() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(built(tmp.path())).unwrap();
    assert_eq!(catalog.locales(), ["en", "vi"]);
    assert_eq!(catalog.negotiate(&["vi-VN"]), ["vi", "en"]);
    assert_eq!(catalog.negotiate(&["en-GB"]), ["en"]);
    assert_eq!(catalog.negotiate(&["fr-FR", "vi"]), ["vi", "en"]);
    assert_eq!(catalog.negotiate(&["zz", "!!", ""]), ["en"]);
}

#[test]
fn a_localizer_loads_the_resources_asked_for_with_their_dependencies_and_falls_back_per_message() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(built(tmp.path())).unwrap();
    let l10n = catalog.localizer(&["vi-VN"], &["news.ftl"]).unwrap();
    assert_eq!(l10n.locales().collect::<Vec<_>>(), ["vi", "en"]);
    // news.ftl and the shared terms it depends on, not other.ftl.
    assert_eq!(l10n.message_ids(), ["news-count", "news-only-en", "news-photo", "news-title"]);

    let title = l10n.format("news-title", None).unwrap();
    assert_eq!((title.text.as_str(), title.locale.as_str()), ("Lễ ký Công ước Hà Nội", "vi"));
    let mut args = FluentArgs::new();
    args.set("count", 72);
    assert_eq!(l10n.format("news-count", Some(&args)).unwrap().text, "72 quốc gia đã ký");
    assert_eq!(l10n.format_attribute("news-photo", "alt", None).unwrap().text, "Các đại biểu tại Công ước Hà Nội");
    // vi lacks it: the English message, with English terms.
    let fallback = l10n.format("news-only-en", None).unwrap();
    assert_eq!((fallback.text.as_str(), fallback.locale.as_str()), ("Only in English", "en"));

    // English plural forms work; a missing argument is reported, not fatal.
    let en = catalog.localizer(&["en-GB"], &["news.ftl"]).unwrap();
    args.set("count", 1);
    assert_eq!(en.format("news-count", Some(&args)).unwrap().text, "1 country signed");
    let missing = en.format("news-count", None).unwrap();
    assert_eq!(missing.text, "{$count} countries signed");
    assert_eq!(missing.errors.len(), 2, "{:?}", missing.errors);

    // Errors are values.
    assert!(matches!(l10n.format("other-title", None), Err(RuntimeError::NotFound { .. })));
    assert!(matches!(l10n.format("news-photo", None), Err(RuntimeError::NoValue { .. })));
    assert!(matches!(l10n.format_attribute("news-title", "alt", None), Err(RuntimeError::NoAttribute { .. })));
    assert!(matches!(catalog.localizer(&["vi"], &["nope.ftl"]), Err(RuntimeError::UnknownResource(_))));
    assert_eq!(
        l10n.format("other-title", None).unwrap_err().to_string(),
        "no locale of vi, en has the message `other-title`"
    );
}

#[test]
fn a_damaged_build_gives_errors_not_panics() {
    let tmp = tempfile::tempdir().unwrap();
    let dist = built(tmp.path());

    // A file changed after the build.
    write(&dist, "vi/news.ftl", &read(&dist, "vi/news.ftl").replace("72", "27").replace("Lễ ký", "Lễ kí"));
    let catalog = Catalog::open(&dist).unwrap();
    let error = catalog.localizer(&["vi"], &["news.ftl"]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "vi/news.ftl: its content does not match manifest.json (changed after the build?); build again"
    );
    // Other resources still load.
    assert_eq!(
        catalog.localizer(&["vi"], &["other.ftl"]).unwrap().format("other-title", None).unwrap().text,
        "Một trang khác"
    );

    // A file that is gone, a manifest that is not one, a folder that is not a build.
    std::fs::remove_file(dist.join("vi/other.ftl")).unwrap();
    assert!(matches!(catalog.localizer(&["vi"], &["other.ftl"]), Err(RuntimeError::Io { .. })));
    write(&dist, "manifest.json", "{\"version\": 1}");
    assert!(matches!(Catalog::open(&dist), Err(RuntimeError::Manifest { .. })));
    write(&dist, "manifest.json", &read(tmp.path(), "locales/en/news.ftl"));
    assert!(matches!(Catalog::open(&dist), Err(RuntimeError::Manifest { .. })));
    assert!(matches!(Catalog::open(tmp.path().join("nowhere")), Err(RuntimeError::Io { .. })));

    // A manifest that points outside its folder is refused. (`build` will not replace a
    // folder whose manifest it cannot read: it might not be a build at all.)
    std::fs::remove_dir_all(&dist).unwrap();
    let dist = built(tmp.path());
    let text = read(&dist, "manifest.json").replace("\"other.ftl\"", "\"../../locales/vi/other.ftl\"");
    write(&dist, "manifest.json", &text);
    let catalog = Catalog::open(&dist).unwrap();
    assert!(matches!(catalog.localizer(&["vi"], &[]), Err(RuntimeError::Damaged { .. })));
}
