//! Every check's fixture cases: `tests/fixtures/<code>/<case>/` is a small project. The
//! real binary checks it; its human and JSON output are snapshots. A case must report its
//! folder's code at least once, unless the case is named `ok-…`, in which case it must
//! report nothing at all. Each case is a test of its own (`cargo test --test fixtures
//! -- drifted/figure-changed`), so one failing snapshot does not hide the others.

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Arguments, Failed, Trial};

fn cases() -> Vec<(String, String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases = Vec::new();
    for code in std::fs::read_dir(&root).unwrap() {
        let code = code.unwrap().path();
        for case in std::fs::read_dir(&code).unwrap() {
            let case = case.unwrap().path();
            let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
            cases.push((name(&code), name(&case), case));
        }
    }
    cases.sort();
    cases
}

fn songngu(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_songngu"))
        .arg("--root")
        .arg(dir)
        .args(args)
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

/// Every check has at least one fixture case.
fn every_code_has_a_fixture() -> Result<(), Failed> {
    let covered: Vec<String> = cases().into_iter().map(|(code, _, _)| code).collect();
    for check in songngu::checks::CHECKS {
        let code = check.info().code;
        if !covered.iter().any(|c| c == code) {
            return Err(format!("no fixture for {code}").into());
        }
    }
    Ok(())
}

/// One case: the real binary's human and JSON output, as snapshots.
fn case(code: &str, case: &str, dir: &Path) {
    // The fixtures are checked where they are, in the source tree: no cache there
    // (tests/cache.rs checks that a cached result is the same).
    let (status, human) = songngu(dir, &["check", "--color", "never", "--no-cache"]);
    let (json_status, json) = songngu(dir, &["check", "--format", "json", "--no-cache"]);
    assert_eq!(status, json_status, "{code}/{case}: exit codes differ between formats");
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    let diagnostics = document["diagnostics"].as_array().unwrap();
    if case.starts_with("ok-") {
        assert!(diagnostics.is_empty(), "{code}/{case} should be clean:\n{human}");
        assert_eq!(status, 0);
    } else {
        assert!(diagnostics.iter().any(|d| d["code"] == code), "{code}/{case} does not report {code}:\n{human}");
        let has_error = diagnostics.iter().any(|d| d["severity"] == "error");
        assert_eq!(status, i32::from(has_error), "{code}/{case}: exit code");
    }
    insta::assert_snapshot!(format!("{code}__{case}__human"), format!("exit: {status}\n{human}"));
    insta::assert_snapshot!(format!("{code}__{case}__json"), json);
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let mut trials = vec![Trial::test("every_code_has_a_fixture", every_code_has_a_fixture)];
    for (code, name, dir) in cases() {
        let label = format!("{code}/{name}");
        trials.push(Trial::test(label, move || {
            // A failed assertion or snapshot panics; it fails this case only.
            std::panic::catch_unwind(|| case(&code, &name, &dir)).map_err(|panic| {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Failed::from(why)
            })
        }));
    }
    libtest_mimic::run(&args, trials).exit_code()
}
