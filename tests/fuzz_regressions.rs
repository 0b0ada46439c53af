//! Every input a fuzzer crashed on, replayed through the same harness the fuzz targets run
//! (fuzz/harness.rs): `tests/fuzz-regressions/<target>/<input>`. A new crash goes in the
//! target's folder with a name that says what it found; see fuzz/README.md.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

#[test]
fn every_input_a_fuzzer_crashed_on_now_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut replayed = 0;
    for (target, run) in harness::TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut inputs: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        inputs.sort();
        for input in inputs {
            let data = std::fs::read(&input).unwrap();
            let outcome = std::panic::catch_unwind(|| run(&data));
            assert!(outcome.is_ok(), "{target} crashes again on {}", input.display());
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no regression inputs under {}", root.display());
}

/// The harness itself, on the shipped content and small edge cases, so a change of the
/// library that breaks a fuzz target shows up here and not after an hour of fuzzing.
#[test]
fn every_fuzz_target_runs_on_plain_inputs() {
    let root = harness::checkout();
    let en = std::fs::read(root.join("locales/en/signing-opens.ftl")).unwrap();
    let vi = std::fs::read(root.join("locales/vi/signing-opens.ftl")).unwrap();
    let lock = std::fs::read(root.join("locales/vi/signing-opens.ftl.lock")).unwrap();
    let small_lock = std::fs::read(root.join("fuzz/project/locales/vi/a.ftl.lock")).unwrap();
    let sep = harness::SEPARATOR;
    let pair = [en.as_slice(), sep, vi.as_slice(), sep, lock.as_slice()].concat();
    let md = std::fs::read(root.join("source/signing-opens.md")).unwrap();
    let config = std::fs::read(root.join("songngu.toml")).unwrap();
    let xliff = br#"<?xml version="1.0"?><xliff version="1.2"><file original="a.ftl" source-language="en" target-language="vi" datatype="plaintext"><body/></file></xliff>"#;
    let cases: &[(&str, &[&[u8]])] = &[
        ("check_pair", &[&pair, b"", b"a = {", &[0xFF, 0xFE, b'a']]),
        ("ingest", &[&md, b"", b"+++\n"]),
        ("import_xliff", &[xliff, b"", b"<"]),
        ("import_po", &[b"msgid \"\"\nmsgstr \"Language: vi\\n\"\n", b""]),
        ("lock", &[&small_lock, &lock, b"", b"version = 2\n"]),
        ("config", &[&config, b"", b"locales = [\"../../etc\"]\n"]),
    ];
    for (target, inputs) in cases {
        let run = harness::TARGETS.iter().find(|(name, _)| name == target).unwrap().1;
        for input in *inputs {
            run(input);
        }
    }
    assert_eq!(cases.len(), harness::TARGETS.len());
}
