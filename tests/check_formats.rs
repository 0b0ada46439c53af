//! `songngu check --format sarif` and `--format github`, run as CI runs them: the real
//! binary on small projects written for each test and on the shipped content.
//!
//! Each finding is compared with what `--format json` says about it, so these tests check
//! that the two formats carry the same findings, not just their own shape. SARIF logs are
//! also validated against the official SARIF 2.1.0 schema (`tests/sarif/`) with Python's
//! `jsonschema`; without it that part says what it skipped, unless `SONGNGU_CLIENTS=require`
//! (set by `.ci/run`) makes it a failure.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{songngu, stdout, write};
use serde_json::Value;
use songngu::checks::{explain, CHECKS};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A project in a temporary folder, from `(path, content)` pairs.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

/// `songngu check --format FORMAT [EXTRA…]` in `dir`: exit code and standard output. A
/// check that ran never writes to stderr.
fn check(dir: &Path, format: &str, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check", "--format", format];
    args.extend_from_slice(extra);
    let out = songngu(dir, &args);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap(), stdout(&out))
}

fn json_diagnostics(dir: &Path) -> Vec<Value> {
    let (_, text) = check(dir, "json", &[]);
    let document: Value = serde_json::from_str(&text).unwrap();
    document["diagnostics"].as_array().unwrap().clone()
}

fn sarif(dir: &Path) -> (i32, String, Value) {
    let (status, text) = check(dir, "sarif", &[]);
    let log = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
    (status, text, log)
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

/// The SARIF level a songngu severity must become.
fn sarif_level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        "info" => "note",
        other => panic!("unknown severity {other}"),
    }
}

/// Decodes `%XX` escapes (the SARIF artifact URI of a file).
fn percent_decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&uri[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Runs `tests/sarif/validate.py` on SARIF logs: whether they are valid against the
/// official schema and what it printed, or `None` (after saying so) when Python or
/// `jsonschema` is missing and CI does not require them.
fn run_validator(logs: &[(&str, &str)]) -> Option<(bool, String)> {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, text) in logs {
        let path = dir.path().join(format!("{name}.sarif"));
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    let script = repo().join("tests/sarif/validate.py");
    let skip = |why: String| {
        common::skip_unless_required("SONGNGU_CLIENTS", &format!("SARIF schema validation ({why})"));
        None
    };
    match Command::new("python3").arg(&script).args(&paths).output() {
        Err(e) => skip(format!("python3 cannot run ({e})")),
        Ok(out) if out.status.code() == Some(77) => skip(String::from_utf8_lossy(&out.stderr).trim().to_string()),
        Ok(out) => Some((
            out.status.success(),
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
        )),
    }
}

/// Asserts that SARIF logs are valid against the official 2.1.0 schema (when it can run).
fn validate_sarif(logs: &[(&str, &str)]) {
    if let Some((valid, printed)) = run_validator(logs) {
        assert!(valid, "SARIF not valid against the 2.1.0 schema:\n{printed}");
    }
}

/// A project with one finding of each severity and a Vietnamese line with an invisible
/// character after multi-byte letters.
fn mixed_project() -> tempfile::TempDir {
    project(&[
        ("locales/en/a.ftl", "a-title = Signing ceremony\na-p1 = Delegates arrive.\na-p2 = Hello friend\n"),
        ("locales/vi/a.ftl", "a-title = Lễ ký kết\na-p2 = Xin chào\u{200B}bạn\na-old = Đoạn cũ\n"),
    ])
}

#[test]
fn sarif_declares_one_rule_per_registered_code_in_registry_order() {
    let dir = mixed_project();
    let (_, _, log) = sarif(dir.path());
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    let run = &log["runs"][0];
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "songngu");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver.get("informationUri").is_none(), "songngu has no web page to point at");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), CHECKS.len());
    for (rule, check) in rules.iter().zip(CHECKS) {
        let info = check.info();
        assert_eq!(rule["id"], info.code);
        let name = rule["name"].as_str().unwrap();
        assert_eq!(name.to_lowercase(), info.code.replace('-', ""), "{name}");
        assert!(name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains('-'), "{name}");
        assert_eq!(rule["shortDescription"]["text"], info.summary);
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert_eq!(rule["help"]["text"], explain(info).as_str());
        assert_eq!(rule["help"]["markdown"], explain(info).as_str());
        assert_eq!(rule["defaultConfiguration"]["level"], sarif_level(info.severity.as_str()));
    }
    assert_eq!(rules[0]["name"], "SyntaxError");
}

#[test]
fn sarif_results_are_the_json_diagnostics() {
    let dir = mixed_project();
    let (status, text, log) = sarif(dir.path());
    let diagnostics = json_diagnostics(dir.path());
    let results = results(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(results.len(), diagnostics.len());
    let codes: BTreeSet<&str> = diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, BTreeSet::from(["invisible-char", "missing", "obsolete", "unaccepted"]));
    let levels: BTreeSet<&str> = results.iter().map(|r| r["level"].as_str().unwrap()).collect();
    assert_eq!(levels, BTreeSet::from(["error", "warning", "note"]));
    for (result, d) in results.iter().zip(&diagnostics) {
        assert_eq!(result["ruleId"], d["code"]);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "ruleIndex points at another rule");
        assert_eq!(result["level"], sarif_level(d["severity"].as_str().unwrap()));
        let text = result["message"]["text"].as_str().unwrap();
        match d["help"].as_str() {
            Some(help) => assert_eq!(text, format!("{}\nhelp: {help}", d["message"].as_str().unwrap())),
            None => assert_eq!(text, d["message"].as_str().unwrap()),
        }
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], d["file"]);
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(location["region"]["startLine"], d["line"]);
        assert_eq!(location["region"]["startColumn"], d["column"]);
        assert_eq!(result["properties"]["locale"], d["locale"]);
        assert_eq!(result["properties"]["id"], d["id"]);
    }
    assert!(log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"].is_object());
    assert_eq!(status, 1, "an error-level finding fails the run, as in every format");
    validate_sarif(&[("mixed", &text)]);
}

#[test]
fn sarif_columns_count_code_points_not_bytes() {
    let dir = mixed_project();
    let (_, _, log) = sarif(dir.path());
    let line = "a-p2 = Xin chào\u{200B}bạn";
    let at = line.find('\u{200B}').unwrap();
    let expected = line[..at].chars().count() + 1;
    assert_ne!(expected, at + 1, "the line must have multi-byte text before the character");
    let found: Vec<&Value> = results(&log).iter().filter(|r| r["ruleId"] == "invisible-char").collect();
    assert_eq!(found.len(), 1);
    let region = &found[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(2), Some(expected as u64)));
    // Only the start is known in code points: no end is made up from the byte span.
    assert!(region.get("endColumn").is_none() && region.get("charLength").is_none());
}

#[test]
fn sarif_carries_the_drift_class_and_texts() {
    let dir = project(&[
        ("locales/en/news.ftl", "news-p1 = The ceremony brings together 60 countries in Hanoi.\n"),
        ("locales/vi/news.ftl", "news-p1 = Lễ ký kết quy tụ 60 quốc gia tại Hà Nội.\n"),
    ]);
    let accepted = songngu(dir.path(), &["accept", "vi", "--all"]);
    assert_eq!(accepted.status.code(), Some(0), "{}", String::from_utf8_lossy(&accepted.stderr));
    write(dir.path(), "locales/en/news.ftl", "news-p1 = The ceremony brings together 72 countries in Hanoi.\n");
    let (status, text, log) = sarif(dir.path());
    let drifted: Vec<&Value> = results(&log).iter().filter(|r| r["ruleId"] == "drifted").collect();
    assert_eq!(drifted.len(), 1, "{text}");
    let properties = &drifted[0]["properties"];
    assert_eq!(properties["class"], "facts");
    assert_eq!(drifted[0]["level"], "error");
    assert!(properties["old"].as_str().unwrap().contains("60 countries"), "{properties}");
    assert!(properties["new"].as_str().unwrap().contains("72 countries"), "{properties}");
    assert_eq!(properties["id"], "news-p1");
    assert_eq!(status, 1);
    validate_sarif(&[("drifted", &text)]);
}

#[test]
fn sarif_fingerprints_follow_a_finding_when_lines_move() {
    let en = "a-title = Signing ceremony\na-p1 = Delegates arrive.\na-p2 = Hello friend\n";
    let vi = "a-title = Lễ ký kết\na-p2 = Xin\u{200B}chào\u{200B}bạn\n";
    let dir = project(&[("locales/en/a.ftl", en), ("locales/vi/a.ftl", vi)]);
    let fingerprints = |log: &Value| -> Vec<(String, String, u64)> {
        let mut all: Vec<_> = results(log)
            .iter()
            .map(|r| {
                let fingerprint = r["partialFingerprints"].as_object().unwrap().values().next().unwrap();
                let line = r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap();
                (fingerprint.as_str().unwrap().to_string(), r["ruleId"].as_str().unwrap().to_string(), line)
            })
            .collect();
        all.sort();
        all
    };
    let before = fingerprints(&sarif(dir.path()).2);
    let unique: BTreeSet<&String> = before.iter().map(|(f, _, _)| f).collect();
    assert_eq!(unique.len(), before.len(), "two findings share a fingerprint: {before:?}");
    assert_eq!(before.iter().filter(|(_, rule, _)| rule == "invisible-char").count(), 2);

    // Comments above every entry: each finding moves down two lines, and keeps its fingerprint.
    write(dir.path(), "locales/en/a.ftl", &format!("# Announcement a\n\n{en}"));
    write(dir.path(), "locales/vi/a.ftl", &format!("# Thông báo a\n\n{vi}"));
    let after = fingerprints(&sarif(dir.path()).2);
    assert_eq!(after.len(), before.len());
    for ((f1, rule1, line1), (f2, rule2, line2)) in before.iter().zip(&after) {
        assert_eq!((f1, rule1), (f2, rule2));
        assert_eq!(line1 + 2, *line2, "{rule1} did not move");
    }
}

// Windows refuses file names with `"`, `\`, `:` or `?`.
#[cfg(unix)]
#[test]
fn sarif_keeps_special_characters_of_file_names_and_messages() {
    let name = "tin \"nóng\",50%:a\\b#?.ftl";
    let en = format!("locales/en/{name}");
    let vi = format!("locales/vi/{name}");
    let dir = project(&[(&en, "x-title = Title\nx-p1 = Text\n"), (&vi, "x-title = Tiêu đề\n")]);
    let (_, text, log) = sarif(dir.path());
    let diagnostics = json_diagnostics(dir.path());
    let missing = results(&log).iter().find(|r| r["ruleId"] == "missing").unwrap();
    let json_missing = diagnostics.iter().find(|d| d["code"] == "missing").unwrap();
    let help = json_missing["help"].as_str().unwrap();
    assert_eq!(missing["message"]["text"], format!("{}\nhelp: {help}", json_missing["message"].as_str().unwrap()));
    assert!(missing["message"]["text"].as_str().unwrap().contains(&vi));
    let uri = missing["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
    assert!(uri.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)), "{uri}");
    assert_eq!(percent_decode(uri), en);
    validate_sarif(&[("special", &text)]);
}

#[test]
fn sarif_of_the_shipped_content_is_valid_with_its_known_findings() {
    let (status, text, log) = sarif(&repo());
    assert_eq!(status, 0);
    let found = results(&log);
    assert_eq!(found.len(), common::SHIPPED_FINDINGS.len(), "{text}");
    assert!(found.iter().all(|r| r["level"] == "warning"), "{text}");
    assert_eq!(log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().len(), CHECKS.len());
    validate_sarif(&[("shipped", &text)]);
}

#[test]
fn github_prints_one_command_per_finding_then_the_summary() {
    let dir = mixed_project();
    let (status, text) = check(dir.path(), "github", &[]);
    assert_eq!(
        text,
        "::error file=locales/en/a.ftl,line=2,col=1,title=songngu%3A missing (vi)::`a-p1` is missing from locales/vi/a.ftl%0Ahelp: `songngu sync vi` adds it, as a marked copy to translate\n\
         ::notice file=locales/vi/a.ftl,line=1,col=1,title=songngu%3A unaccepted (vi)::not accepted yet%0Ahelp: when it is done: songngu accept vi a-title\n\
         ::notice file=locales/vi/a.ftl,line=2,col=1,title=songngu%3A unaccepted (vi)::not accepted yet%0Ahelp: when it is done: songngu accept vi a-p2\n\
         ::warning file=locales/vi/a.ftl,line=2,col=16,title=songngu%3A invisible-char (vi)::invisible U+200B ZERO WIDTH SPACE inside the text\n\
         ::warning file=locales/vi/a.ftl,line=3,col=1,title=songngu%3A obsolete (vi)::`a-old` is not in the reference locales/en/a.ftl%0Ahelp: `songngu sync vi --prune` moves it to the end of the file, commented out\n\
         songngu: 1 error, 2 warnings, 2 infos: checked 1 resource in en, vi\n"
    );
    assert_eq!(status, 1);
}

/// Reverses the escaping of a workflow command, as the Actions runner does.
fn unescape(value: &str) -> String {
    value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
}

/// `::NAME k=v,k=v::DATA` → name, properties, data (still escaped).
fn parse_command(line: &str) -> (&str, Vec<(&str, &str)>, &str) {
    let rest = line.strip_prefix("::").unwrap();
    let (head, data) = rest.split_once("::").unwrap();
    let (name, properties) = head.split_once(' ').unwrap();
    let properties = properties.split(',').map(|p| p.split_once('=').unwrap()).collect();
    (name, properties, data)
}

#[cfg(unix)]
#[test]
fn github_escapes_file_names_and_messages_as_actions_core_does() {
    for name in ["tin,tức:50%.ftl", "two\nlines\r.ftl"] {
        let en = format!("locales/en/{name}");
        let vi = format!("locales/vi/{name}");
        let dir = project(&[(&en, "x-title = Title\nx-p1 = Text\n"), (&vi, "x-title = Tiêu đề\n")]);
        let (status, text) = check(dir.path(), "github", &[]);
        let diagnostics = json_diagnostics(dir.path());
        let lines: Vec<&str> = text.lines().collect();
        // No line break of a name or message reaches the log: one line per finding, plus the summary.
        assert_eq!(lines.len(), diagnostics.len() + 1, "{text:?}");
        for (line, d) in lines.iter().zip(&diagnostics) {
            let (command, properties, data) = parse_command(line);
            let expected = match d["severity"].as_str().unwrap() {
                "error" => "error",
                "warning" => "warning",
                _ => "notice",
            };
            assert_eq!(command, expected);
            let keys: Vec<&str> = properties.iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, ["file", "line", "col", "title"], "{line}");
            assert_eq!(unescape(properties[0].1), d["file"].as_str().unwrap());
            assert_eq!(properties[1].1, d["line"].to_string());
            assert_eq!(properties[2].1, d["column"].to_string());
            assert_eq!(unescape(properties[3].1), format!("songngu: {} ({})", d["code"].as_str().unwrap(), "vi"));
            let message = d["message"].as_str().unwrap();
            match d["help"].as_str() {
                Some(help) => assert_eq!(unescape(data), format!("{message}\nhelp: {help}")),
                None => assert_eq!(unescape(data), message),
            }
            for property in &properties {
                assert!(!property.1.contains([':', ',', '\n', '\r']), "{line}");
            }
            assert!(!data.contains(['\n', '\r']));
        }
        let missing = lines.iter().find(|l| l.starts_with("::error")).unwrap();
        if name.starts_with("tin") {
            assert_eq!(
                *missing,
                "::error file=locales/en/tin%2Ctức%3A50%25.ftl,line=2,col=1,title=songngu%3A missing (vi)\
                 ::`x-p1` is missing from locales/vi/tin,tức:50%25.ftl%0Ahelp: `songngu sync vi` adds it, as a marked copy to translate"
            );
        } else {
            assert!(missing.starts_with("::error file=locales/en/two%0Alines%0D.ftl,line=2,"), "{missing}");
        }
        assert_eq!(status, 1);
    }
}

#[test]
fn github_summary_is_the_human_summary() {
    let mixed = mixed_project();
    for dir in [mixed.path().to_path_buf(), repo()] {
        let (_, github) = check(&dir, "github", &[]);
        let (_, human) = check(&dir, "human", &["--color", "never"]);
        let last = |text: &str| text.lines().last().unwrap().to_string();
        assert_eq!(last(&github), format!("songngu: {}", last(&human)));
        assert!(!github.contains('\u{1b}'), "no color codes in workflow output");
    }
    let clean = common::shipped_project();
    let (status, github) = check(clean.path(), "github", &[]);
    assert_eq!(status, 0);
    assert!(github.starts_with("songngu: ok: ") && github.lines().count() == 1, "{github}");
}

#[test]
fn every_format_gives_the_same_exit_code() {
    let warnings_only = project(&[
        ("locales/en/a.ftl", "a-title = Signing ceremony\n"),
        ("locales/vi/a.ftl", "a-title = Lễ ký kết\na-old = Đoạn cũ\n"),
    ]);
    let errors = mixed_project();
    let clean = common::shipped_project();
    let shipped = repo();
    for (dir, plain, denied) in
        [(warnings_only.path(), 0, 1), (errors.path(), 1, 1), (clean.path(), 0, 0), (shipped.as_path(), 0, 1)]
    {
        for format in ["human", "json", "sarif", "github"] {
            assert_eq!(check(dir, format, &[]).0, plain, "{format} in {}", dir.display());
            assert_eq!(check(dir, format, &["--deny", "warnings"]).0, denied, "{format} --deny warnings");
        }
    }
}

#[test]
fn the_schema_validation_rejects_what_is_not_sarif() {
    let dir = mixed_project();
    let (_, _, mut log) = sarif(dir.path());
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0.into();
    let broken = serde_json::to_string(&log).unwrap();
    if let Some((valid, printed)) = run_validator(&[("broken", &broken)]) {
        assert!(!valid, "a broken log passed");
        assert!(printed.contains("'fatal' is not one of") && printed.contains("startColumn"), "{printed}");
    }
}

#[test]
fn sarif_of_every_fixture_case_is_valid_and_has_the_json_findings() {
    let root = repo().join("tests/fixtures");
    let mut logs = Vec::new();
    for code in std::fs::read_dir(&root).unwrap() {
        for case in std::fs::read_dir(code.unwrap().path()).unwrap() {
            let case = case.unwrap().path();
            let (status, text, log) = sarif(&case);
            assert_eq!(status, check(&case, "json", &[]).0, "{}: exit code", case.display());
            let diagnostics = json_diagnostics(&case);
            let found: Vec<(&Value, &Value)> = results(&log).iter().map(|r| (&r["ruleId"], &r["level"])).collect();
            let expected: Vec<(&Value, Value)> =
                diagnostics.iter().map(|d| (&d["code"], sarif_level(d["severity"].as_str().unwrap()).into())).collect();
            let expected: Vec<(&Value, &Value)> = expected.iter().map(|(c, l)| (*c, l)).collect();
            assert_eq!(found, expected, "{}", case.display());
            let name = case.strip_prefix(&root).unwrap().to_string_lossy().replace('/', "__");
            logs.push((name, text));
        }
    }
    assert!(logs.len() >= CHECKS.len());
    let logs: Vec<(&str, &str)> = logs.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    validate_sarif(&logs);
}

#[test]
fn sarif_and_github_of_the_mozorg_corpus_have_every_finding() {
    let Some(config) = common::mozorg_config() else { return };
    let dir = project(&[("songngu.toml", &config)]);
    let json = json_diagnostics(dir.path());
    assert!(json.len() > 500, "the corpus has hundreds of findings, got {}", json.len());
    let (status, text, log) = sarif(dir.path());
    assert_eq!(status, 1);
    assert_eq!(results(&log).len(), json.len());
    validate_sarif(&[("mozorg", &text)]);
    let (status, github) = check(dir.path(), "github", &[]);
    assert_eq!(status, 1);
    let commands = github.lines().filter(|l| l.starts_with("::")).count();
    assert_eq!(commands, json.len());
    assert!(github.lines().last().unwrap().starts_with("songngu: "));
}
