//! The benchmarks' synthetic corpus (`benches/newsroom/corpus.rs`) is what it claims: a
//! small one, ingested, translated and accepted with the real binary, checks clean, and
//! the same seed writes the same bytes.

mod common;

#[path = "../benches/newsroom/corpus.rs"]
mod corpus;

use common::{ok, songngu};

fn make(root: &std::path::Path, count: u64, seed: u64) {
    corpus::write_sources(root, count, seed).unwrap();
    ok(songngu(root, &["ingest"]));
    corpus::write_translations(root, count, seed).unwrap();
    ok(songngu(root, &["accept", "vi", "--all"]));
    ok(songngu(root, &["accept", "en", "--all"]));
}

#[test]
fn a_generated_corpus_checks_clean_and_is_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    make(dir.path(), 40, 7);
    let out = ok(songngu(dir.path(), &["check"]));
    assert_eq!(out, "ok: checked 41 resources in en, vi: no problems found\n");
    // Vietnamese-origin announcements have English as their translation.
    let vi_origin = corpus::announcement(7, corpus::VIETNAMESE_ORIGIN_EVERY - 1);
    assert_eq!(vi_origin.origin, "vi");
    assert!(dir.path().join(format!("locales/en/{}.ftl.lock", vi_origin.slug)).is_file());

    let again = tempfile::tempdir().unwrap();
    make(again.path(), 40, 7);
    for resource in ["shared.ftl", &format!("{}.ftl", corpus::announcement(7, 3).slug)] {
        for locale in ["en", "vi"] {
            let path = format!("locales/{locale}/{resource}");
            assert_eq!(common::read(dir.path(), &path), common::read(again.path(), &path), "{path}");
        }
    }
}
