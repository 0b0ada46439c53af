//! The same build read by three Fluent runtimes: songngu's own (Rust `fluent-bundle`),
//! `@fluent/bundle` (JavaScript) and `fluent.runtime` (Python). Every message and attribute
//! of every locale must come out the same, from the same locale, without errors or junk.
//!
//! `tests/conformance/format.mjs` and `format.py` print what their runtime formats;
//! `.ci/run` installs both runtimes. Without them (a fresh clone, no `npm ci`), these tests
//! say what they skipped; with `SONGNGU_CONFORMANCE=require` (set by `.ci/run`) a missing
//! runtime is a failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{ok, read, songngu, write};
use serde_json::{json, Value};
use songngu::bundle::runtime::Catalog;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What the Rust runtime formats, in the scripts' JSON shape: for each locale of the
/// manifest, the chain [locale, default]; each message id of the chain; its value and each
/// attribute, from the first locale that has it.
fn rust_results(dist: &Path) -> Value {
    let catalog = Catalog::open(dist).unwrap();
    let default = catalog.manifest().default_locale.clone();
    let mut results = Vec::new();
    for locale in catalog.locales() {
        let mut chain = vec![locale.to_string()];
        if locale != default {
            chain.push(default.clone());
        }
        let localizer = catalog.localizer_for_chain(&chain, &[]).unwrap();
        for id in localizer.message_ids() {
            let (from, attributes) = localizer.find(id).unwrap();
            let mut attributes = attributes.to_vec();
            attributes.sort();
            let mut push = |attribute: Option<&str>, f: songngu::bundle::runtime::Formatted| {
                assert_eq!(f.locale, from);
                results.push(json!({"locale": locale, "id": id, "attribute": attribute, "from": from,
                    "text": f.text, "errors": f.errors}));
            };
            match localizer.format(id, None) {
                Ok(f) => push(None, f),
                Err(songngu::bundle::runtime::RuntimeError::NoValue { .. }) => {}
                Err(e) => panic!("{locale} {id}: {e}"),
            }
            for attribute in &attributes {
                push(Some(attribute), localizer.format_attribute(id, attribute, None).unwrap());
            }
        }
    }
    Value::Array(results)
}

/// The output of each script whose runtime is installed: (name, JSON).
fn script_results(dist: &Path) -> Vec<(&'static str, Value)> {
    let dir = repo().join("tests/conformance");
    let mut out = Vec::new();
    let node_ok = dir.join("node_modules/@fluent/bundle/package.json").is_file()
        && common::installed(
            "SONGNGU_CONFORMANCE",
            "JavaScript (@fluent/bundle)",
            Command::new("node").arg("--version"),
        );
    let python_ok = common::installed(
        "SONGNGU_CONFORMANCE",
        "Python (fluent.runtime)",
        Command::new("python3").args(["-c", "import fluent.runtime, fluent.syntax"]),
    );
    if !node_ok && std::env::var("SONGNGU_CONFORMANCE").as_deref() == Ok("require") {
        panic!("@fluent/bundle is required but tests/conformance/node_modules is missing: run `npm ci --prefix tests/conformance`");
    }
    let mut run = |name: &'static str, mut command: Command| {
        let output = command.arg(dist).output().unwrap();
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        out.push((name, serde_json::from_slice::<Value>(&output.stdout).unwrap()));
    };
    if node_ok {
        let mut command = Command::new("node");
        command.arg(dir.join("format.mjs"));
        run("javascript", command);
    }
    if python_ok {
        let mut command = Command::new("python3");
        command.arg(dir.join("format.py"));
        run("python", command);
    }
    out
}

/// The message and attribute texts of one locale's result for `id`.
fn result<'v>(results: &'v Value, locale: &str, id: &str) -> &'v Value {
    results
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["locale"] == locale && r["id"] == id && r["attribute"].is_null())
        .unwrap_or_else(|| panic!("no result for {locale} {id}"))
}

/// Every script's junk count is zero and its entry count is the manifest's.
fn assert_files_clean(name: &str, out: &Value, dist: &Path) {
    let manifest: Value = serde_json::from_str(&read(dist, "manifest.json")).unwrap();
    let mut files = 0;
    for (locale, built) in manifest["locales"].as_object().unwrap() {
        for (resource, entry) in built["resources"].as_object().unwrap() {
            let file = &out["files"][format!("{locale}/{resource}")];
            assert_eq!(file["junk"], 0, "{name}: junk in {locale}/{resource}");
            assert_eq!(file["entries"], entry["entries"], "{name}: entries of {locale}/{resource}");
            assert_eq!(file["errors"], json!([]), "{name}: {locale}/{resource}");
            files += 1;
        }
    }
    assert!(files > 0);
}

#[test]
fn three_runtimes_agree_on_every_message_of_the_shipped_content() {
    let tmp = tempfile::tempdir().unwrap();
    let dist = tmp.path().join("dist");
    ok(songngu(&repo(), &["build", "--out", dist.to_str().unwrap()]));
    let rust = rust_results(&dist);
    let rows = rust.as_array().unwrap();
    // 69 messages (title, date, headings, paragraphs of five announcements) in each of en, vi.
    assert_eq!(rows.len(), 138, "messages formatted by Rust");
    for row in rows {
        assert_eq!(row["errors"], json!([]), "{row}");
        assert_eq!(row["from"], row["locale"], "nothing falls back in the shipped content: {row}");
        let text = row["text"].as_str().unwrap();
        assert!(!text.is_empty() && !text.contains('{') && !text.contains('\u{2068}'), "{row}");
    }
    for (name, out) in script_results(&dist) {
        assert_files_clean(name, &out, &dist);
        assert_eq!(out["results"], rust, "{name} formats differently from Rust");
    }
}

#[test]
fn a_message_vi_lacks_falls_back_to_en_in_all_three_runtimes_and_the_manifest_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("project");
    write(&project, "songngu.toml", &read(&repo(), "songngu.toml"));
    for dir in ["source", "locales/en", "locales/vi"] {
        for entry in std::fs::read_dir(repo().join(dir)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            write(&project, &format!("{dir}/{name}"), &read(&repo(), &format!("{dir}/{name}")));
        }
    }
    // The translator's vi file loses one paragraph.
    let id = "signing-opens-p2";
    let vi = read(&project, "locales/vi/signing-opens.ftl");
    let start = vi.find(&format!("\n{id} =")).unwrap() + 1;
    let end = start + vi[start..].find("\n\n").unwrap() + 2;
    write(&project, "locales/vi/signing-opens.ftl", &format!("{}{}", &vi[..start], &vi[end..]));
    let en_text = {
        let out = ok(songngu(&project, &["format", "--locale", "en", id]));
        out.trim_end().to_string()
    };
    assert!(en_text.starts_with("The Signing Ceremony"), "{en_text}");

    // Default build: the vi bundle serves the en text, and the manifest lists it as filled.
    let filled = tmp.path().join("filled");
    let out = ok(songngu(&project, &["build", "--out", filled.to_str().unwrap()]));
    assert!(out.contains("vi     6 resources, 81 entries (1 filled from the reference: not translated yet)"), "{out}");
    let manifest: Value = serde_json::from_str(&read(&filled, "manifest.json")).unwrap();
    let entry = &manifest["locales"]["vi"]["resources"]["signing-opens.ftl"];
    assert_eq!(entry["filled"], json!([id]));
    assert_eq!(entry["completeness"]["filled"], 1);
    assert!(read(&filled, "vi/signing-opens.ftl").contains(&format!("\n{id} = The Signing Ceremony")));
    let rust = rust_results(&filled);
    assert_eq!(result(&rust, "vi", id)["text"], en_text.as_str());
    assert_eq!(result(&rust, "vi", id)["from"], "vi");
    for (name, out) in script_results(&filled) {
        assert_eq!(out["results"], rust, "{name}");
    }

    // `--missing omit`: vi does not have it, and each runtime falls back to en by itself.
    let omitted = tmp.path().join("omitted");
    ok(songngu(&project, &["build", "--missing", "omit", "--out", omitted.to_str().unwrap()]));
    let manifest: Value = serde_json::from_str(&read(&omitted, "manifest.json")).unwrap();
    let entry = &manifest["locales"]["vi"]["resources"]["signing-opens.ftl"];
    assert_eq!(entry["omitted"], json!([id]));
    assert_eq!(entry["filled"], json!([]));
    assert!(!read(&omitted, "vi/signing-opens.ftl").contains(&format!("\n{id} =")));
    let rust = rust_results(&omitted);
    assert_eq!(result(&rust, "vi", id)["from"], "en");
    assert_eq!(result(&rust, "vi", id)["text"], en_text.as_str());
    let scripts = script_results(&omitted);
    for (name, out) in &scripts {
        assert_eq!(result(&out["results"], "vi", id)["from"], "en", "{name}");
        assert_eq!(out["results"], rust, "{name}");
    }

    // The preview commands show the same fallback, and say so.
    let out = songngu(&project, &["format", "--locale", "vi-VN", id, "--from", omitted.to_str().unwrap()]);
    assert_eq!(common::stdout(&out).trim_end(), en_text);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("`{id}` is not in vi; shown from en")));
}
