//! `export`, `import` and `tmx` as translators use them: a round trip that changes
//! nothing, edits that come back into the right place, edits that are refused with a
//! reason, and files that independent tools (translate-toolkit, gettext's msgfmt) read.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_tree, ok, read, songngu, stdout, write};
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the shipped content, to edit freely.
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("locales"), &dir.path().join("locales"));
    copy_tree(&repo().join("source"), &dir.path().join("source"));
    std::fs::copy(repo().join("songngu.toml"), dir.path().join("songngu.toml")).unwrap();
    dir
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let key = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (key, (std::fs::read(e.path()).unwrap(), e.metadata().unwrap().modified().unwrap()))
        })
        .collect()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn export(dir: &Path, args: &[&str], file: &str) -> PathBuf {
    let path = dir.join(file);
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", path.to_str().unwrap()]);
    ok(songngu(dir, &all));
    path
}

fn translate_toolkit() -> bool {
    common::installed(
        "SONGNGU_CLIENTS",
        "translate-toolkit (pip install -r tests/interchange/requirements.txt)",
        Command::new("python3").args(["-c", "import translate.storage.xliff"]),
    )
}

/// What translate-toolkit reads in each file.
fn read_with_toolkit(paths: &[&Path]) -> Value {
    let script = repo().join("tests/interchange/read.py");
    let out = Command::new("python3").arg(script).args(paths).output().unwrap();
    assert!(out.status.success(), "translate-toolkit failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn msgfmt_accepts(po: &Path) {
    if !common::installed("SONGNGU_CLIENTS", "msgfmt (Debian package gettext)", Command::new("msgfmt").arg("--version"))
    {
        return;
    }
    let out = Command::new("msgfmt").args(["-c", "--statistics", "-o", "/dev/null"]).arg(po).output().unwrap();
    assert!(out.status.success(), "msgfmt -c refused {}: {}", po.display(), String::from_utf8_lossy(&out.stderr));
}

#[test]
fn export_then_import_with_no_edits_changes_no_file() {
    let dir = shipped_copy();
    let before = snapshot(&dir.path().join("locales"));
    for (locale, format, name) in
        [("vi", "xliff", "vi.xlf"), ("vi", "po", "vi.po"), ("en", "xliff", "en.xlf"), ("en", "po", "en.po")]
    {
        let file = export(dir.path(), &["--locale", locale, "--format", format], name);
        let out = ok(songngu(dir.path(), &["import", file.to_str().unwrap()]));
        assert!(out.contains("0 entries merged in 0 files, 0 refused"), "{out}");
    }
    assert_eq!(snapshot(&dir.path().join("locales")), before, "a round trip without edits wrote a file");
}

#[test]
fn every_unit_of_the_shipped_content_is_read_by_translate_toolkit_and_msgfmt() {
    let dir = shipped_copy();
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    let po = export(dir.path(), &["--locale", "vi", "--format", "po"], "vi.po");
    let en_po = export(dir.path(), &["--locale", "en", "--format", "po"], "en.po");
    let tmx = dir.path().join("memory.tmx");
    let said = ok(songngu(dir.path(), &["tmx", "-o", tmx.to_str().unwrap()]));
    // vi translates 58 entries (the 5 resources written in English), en 21 (the
    // announcement written in Vietnamese): 79 units, all accepted, so all in the memory.
    assert!(said.contains("wrote 79 accepted translations"), "{said}");
    msgfmt_accepts(&po);
    msgfmt_accepts(&en_po);
    if !translate_toolkit() {
        return;
    }
    let read = read_with_toolkit(&[&xlf, &po, &tmx]);
    let units = |p: &Path| read[p.to_str().unwrap()]["units"].as_array().unwrap().clone();
    let (x, p, t) = (units(&xlf), units(&po), units(&tmx));
    assert_eq!((x.len(), p.len(), t.len()), (58, 58, 79));
    assert_eq!(read[xlf.to_str().unwrap()]["targetlanguage"], "vi");
    assert!(x.iter().all(|u| u["approved"] == true && u["translated"] == true));
    // The same text in all three, placeables included.
    let title = "Lễ mở ký Công ước { -un-short } về chống tội phạm mạng khai mạc tại Hà Nội hôm nay";
    for list in [&x, &p, &t] {
        assert!(list.iter().any(|u| u["target"] == title), "{title} not read back");
    }
    assert!(p.iter().all(|u| u["context"].as_str().unwrap().contains('-')));
}

#[test]
fn an_edited_translation_comes_back_in_place_and_nothing_else_moves() {
    let dir = shipped_copy();
    let file = dir.path().join("locales/vi/signing-opens.ftl");
    let before = read(dir.path(), "locales/vi/signing-opens.ftl");
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    edit(&xlf, "Hà Nội hôm nay</target>", "Hà Nội sáng nay</target>");
    let out = ok(songngu(dir.path(), &["import", xlf.to_str().unwrap()]));
    assert!(out.contains("locales/vi/signing-opens.ftl: merged signing-opens-title"), "{out}");
    assert!(out.contains("1 entry merged in 1 file, 0 refused, 57 unchanged"), "{out}");
    assert!(out.contains("songngu accept"), "{out}");
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(after, before.replacen("Hà Nội hôm nay", "Hà Nội sáng nay", 1), "only the edited text changed");
    // The change is a translation edited since it was accepted: unaccepted until accepted.
    let check = stdout(&songngu(dir.path(), &["check", "--format", "json"]));
    assert!(check.contains("\"code\": \"unaccepted\""), "{check}");
    // Importing the same file again changes nothing more.
    let again = ok(songngu(dir.path(), &["import", xlf.to_str().unwrap()]));
    assert!(again.contains("0 entries merged"), "{again}");
}

#[test]
fn broken_or_stale_translations_are_refused_with_their_reason_and_the_rest_merged() {
    let dir = shipped_copy();
    let before = snapshot(&dir.path().join("locales"));
    let po = export(dir.path(), &["--locale", "vi", "--format", "po"], "vi.po");
    // A reference to a term nobody defined, a broken placeable, a source that changed since the export,
    // an id the reference does not have, and one good edit.
    edit(
        &po,
        "msgstr \"Lễ mở ký Công ước { -un-short } về chống tội phạm mạng khai mạc tại Hà Nội hôm nay\"",
        "msgstr \"Lễ mở ký Công ước { -un-shorter } về chống tội phạm mạng khai mạc tại Hà Nội hôm nay\"",
    );
    edit(&po, "msgstr \"25/10/2025\"", "msgstr \"{ 25/10/2025\"");
    edit(&po, "msgid \"October 15, 2025\"", "msgid \"October 16, 2025\"");
    edit(&po, "msgctxt \"signing-opens-p3\"", "msgctxt \"signing-opens-p99\"");
    edit(&po, "Hà Nội, sáng 25/10/2025.\"", "Hà Nội, sáng ngày 25/10/2025.\"");
    let out = songngu(dir.path(), &["import", po.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("refused signing-opens-title (line"), "{text}");
    assert!(text.contains("[unknown-reference]"), "{text}");
    assert!(text.contains("refused ceremony-held-date") && text.contains("not valid Fluent"), "{text}");
    assert!(text.contains("refused delegations-confirmed-date") && text.contains("source text changed"), "{text}");
    assert!(text.contains("refused signing-opens-p99") && text.contains("no entry `signing-opens-p99`"), "{text}");
    assert!(text.contains("merged signing-opens-p1"), "{text}");
    assert!(text.contains("1 entry merged in 1 file, 4 refused"), "{text}");
    let after = snapshot(&dir.path().join("locales"));
    let changed: Vec<&String> = after.keys().filter(|k| after[*k].0 != before[*k].0).collect();
    assert_eq!(changed, ["vi/signing-opens.ftl"]);
    let vi = read(dir.path(), "locales/vi/signing-opens.ftl");
    assert!(vi.contains("sáng ngày 25/10/2025.") && vi.contains("Công ước { -un-short } về"), "{vi}");
}

#[test]
fn a_missing_entry_is_exported_empty_and_imported_into_its_place() {
    let dir = shipped_copy();
    let file = dir.path().join("locales/vi/signing-opens.ftl");
    let original = std::fs::read_to_string(&file).unwrap();
    let p2 = original.lines().find(|l| l.starts_with("signing-opens-p2 =")).unwrap().to_string();
    std::fs::write(&file, original.replacen(&format!("{p2}\n\n"), "", 1)).unwrap();
    let po = export(dir.path(), &["--locale", "vi", "--format", "po", "--only", "missing"], "missing.po");
    let text = std::fs::read_to_string(&po).unwrap();
    assert_eq!(text.matches("msgctxt").count(), 1, "{text}");
    assert!(text.contains("msgctxt \"signing-opens-p2\"") && text.ends_with("msgstr \"\"\n"), "{text}");
    msgfmt_accepts(&po);
    // The translator fills in the last msgstr (the first one is the header's).
    let translation = p2.trim_start_matches("signing-opens-p2 = ");
    let at = text.rfind("msgstr \"\"").unwrap();
    std::fs::write(&po, format!("{}msgstr \"{translation}\"\n", &text[..at])).unwrap();
    let out = ok(songngu(dir.path(), &["import", po.to_str().unwrap()]));
    assert!(out.contains("merged signing-opens-p2 (new)"), "{out}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original, "the entry is back where it was");
}

#[test]
fn a_drifted_translation_carries_its_previous_source_in_both_formats() {
    let dir = shipped_copy();
    edit(
        &dir.path().join("locales/en/ceremony-held.ftl"),
        "representatives of 60 countries",
        "representatives of 72 countries",
    );
    let po = export(dir.path(), &["--locale", "vi", "--format", "po", "--only", "drifted"], "drifted.po");
    let text = std::fs::read_to_string(&po).unwrap();
    assert_eq!(text.matches("msgctxt").count(), 1, "{text}");
    assert!(text.contains("#, fuzzy\n#| msgid \"President Cuong and { -un-short } Secretary-General Guterres will deliver opening speeches and then representatives of 60 countries"), "{text}");
    assert!(text.contains("msgid \"President Cuong and { -un-short } Secretary-General Guterres will deliver opening speeches and then representatives of 72 countries"), "{text}");
    msgfmt_accepts(&po);
    let xlf = export(dir.path(), &["--locale", "vi", "--only", "drifted"], "drifted.xlf");
    let xml = std::fs::read_to_string(&xlf).unwrap();
    assert!(xml.contains("<target state=\"needs-review-translation\">"), "{xml}");
    assert!(xml.contains("It was: President Cuong and { -un-short } Secretary-General Guterres will deliver opening speeches and then representatives of 60 countries"), "{xml}");
    assert!(!xml.contains("approved=\"yes\""), "{xml}");

    // The translator updates the figure; the import merges it, and check still asks for
    // a look (it stays drifted until accepted).
    edit(&xlf, "đại diện 60 quốc gia", "đại diện 72 quốc gia");
    let out = ok(songngu(dir.path(), &["import", xlf.to_str().unwrap()]));
    assert!(out.contains("merged ceremony-held-p5"), "{out}");
    assert!(read(dir.path(), "locales/vi/ceremony-held.ftl").contains("đại diện 72 quốc gia"));
    ok(songngu(dir.path(), &["accept", "vi", "ceremony-held-p5"]));
    ok(songngu(dir.path(), &["check"]));
    if translate_toolkit() {
        let read = read_with_toolkit(&[&po, &xlf]);
        let po_unit = &read[po.to_str().unwrap()]["units"][0];
        assert_eq!(po_unit["fuzzy"], true);
        assert_eq!(read[xlf.to_str().unwrap()]["units"][0]["approved"], false);
    }
}

const FLUENT: &str = "\
# A note for translators.
tabs-count = { $count ->
    [one] One tab
   *[other] { $count } tabs
}
dialog = Open { -brand }
    .title = { -brand } settings
    .accesskey = O
-brand = Firefox
only-attrs =
    .label = Label
";

#[test]
fn attributes_select_expressions_and_placeables_survive_the_trip() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "songngu.toml", "");
    write(dir.path(), "locales/en/app.ftl", FLUENT);
    write(dir.path(), "locales/vi/app.ftl", "-brand = Firefox\n");
    let xlf = export(dir.path(), &["--locale", "vi"], "app.xlf");
    let xml = std::fs::read_to_string(&xlf).unwrap();
    let ids: Vec<&str> =
        xml.match_indices("resname=\"").map(|(i, _)| xml[i + 9..].split('"').next().unwrap()).collect();
    assert_eq!(ids, ["tabs-count", "dialog", "dialog.title", "dialog.accesskey", "-brand", "only-attrs.label"]);
    assert!(xml.contains("<source>Open <ph id=\"1\">{ -brand }</ph></source>"), "{xml}");
    // The select expression is one text, Fluent syntax, no codes, with a note.
    let select = "<source>{ $count -&gt;\n    [one] One tab\n   *[other] { $count } tabs\n}</source>";
    assert!(xml.contains(select), "{xml}");
    assert!(xml.contains("translate the text of each [variant]"), "{xml}");
    assert!(xml.contains("<note from=\"developer\">A note for translators.</note>"), "{xml}");

    // Translate everything in the XLIFF, as a CAT tool would fill the targets.
    let translated = xml
        .replace(select, &format!("{select}\n        <target>{{ $count -&gt;\n   *[other] {{ $count }} thẻ\n}}</target>"))
        .replace("<source>Open <ph id=\"1\">{ -brand }</ph></source>", "<source>Open <ph id=\"1\">{ -brand }</ph></source><target>Mở <ph id=\"1\">{ -brand }</ph></target>")
        .replace("<source><ph id=\"1\">{ -brand }</ph> settings</source>", "<source><ph id=\"1\">{ -brand }</ph> settings</source><target>Cài đặt <ph id=\"1\">{ -brand }</ph></target>")
        .replace("<source>O</source>", "<source>O</source><target>M</target>")
        .replace("<source>Label</source>", "<source>Label</source><target>Nhãn</target>");
    std::fs::write(&xlf, translated).unwrap();
    let out = ok(songngu(dir.path(), &["import", xlf.to_str().unwrap()]));
    assert!(
        out.contains("merged tabs-count (new), dialog (new), only-attrs (new)")
            || out.contains("merged dialog (new), only-attrs (new), tabs-count (new)"),
        "{out}"
    );
    assert_eq!(
        read(dir.path(), "locales/vi/app.ftl"),
        "tabs-count =\n    { $count ->\n       *[other] { $count } thẻ\n    }\n\ndialog = Mở { -brand }\n    .title = Cài đặt { -brand }\n    .accesskey = M\n\n-brand = Firefox\n\nonly-attrs =\n    .label = Nhãn\n"
    );
    let check = songngu(dir.path(), &["check", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    // And the way back again changes nothing.
    let again = export(dir.path(), &["--locale", "vi", "--format", "po"], "app.po");
    let out = ok(songngu(dir.path(), &["import", again.to_str().unwrap()]));
    assert!(out.contains("0 entries merged"), "{out}");
    msgfmt_accepts(&again);
}

#[test]
fn bad_files_are_refused_in_one_line() {
    let dir = shipped_copy();
    for (name, text, needle) in [
        ("a.xlf", "<xliff version=\"2.0\"><file/></xliff>", "XLIFF 2.0"),
        ("b.xlf", "<xliff version=\"1.2\"><file original=\"x.ftl\" target-language=\"vi\"><body><trans-unit id=\"a\"><source>&bogus;</source></trans-unit></body></file></xliff>", "unknown entity"),
        ("c.xlf", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xliff version=\"1.2\"/>", "DOCTYPE"),
        ("d.po", "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", "no `Language:`"),
        ("e.po", "msgid \"\"\nmsgstr \"Language: fr\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", "`fr`, which is not a language of this project"),
        ("f.txt", "hello", "not an XLIFF or PO file"),
        ("g.xlf", "<xliff version=\"1.2\"><file", "line 1"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = songngu(dir.path(), &["import", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(needle) && err.lines().count() == 1, "{name}: {err}");
    }
}

/// The mozilla.org corpus (en reference, vi translation; 131 files) through export, the
/// clients, import and tmx, in a copy (the corpus is read in place, never changed).
#[test]
fn the_mozorg_corpus_goes_through_every_format_and_back_unchanged() {
    let Some(corpora) = common::corpora() else { return };
    let corpus = corpora.join("mozorg");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "songngu.toml", "reference = \"en\"\nlocales = [\"en\", \"vi\"]\n");
    copy_tree(&corpus.join("en"), &dir.path().join("locales/en"));
    copy_tree(&corpus.join("vi"), &dir.path().join("locales/vi"));
    // Everything recorded (`--force`: the guard would leave the copies of brand names).
    ok(songngu(dir.path(), &["accept", "vi", "--all", "--force"]));
    let before = snapshot(&dir.path().join("locales"));
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    let po = export(dir.path(), &["--locale", "vi", "--format", "po"], "vi.po");
    let tmx = dir.path().join("vi.tmx");
    let said = ok(songngu(dir.path(), &["tmx", "-o", tmx.to_str().unwrap()]));
    // What the memory says it holds: the real translations (not a copy of a brand name,
    // nor an entry `check` still finds wrong).
    let in_memory: usize = said.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect(&said);
    for file in [&xlf, &po] {
        let out = ok(songngu(dir.path(), &["import", file.to_str().unwrap()]));
        assert!(out.contains("0 entries merged in 0 files, 0 refused"), "{out}");
    }
    assert_eq!(snapshot(&dir.path().join("locales")), before, "a round trip without edits wrote a file");
    msgfmt_accepts(&po);

    // 2,949 messages and 103 terms in en (the corpus README); one unit per value and
    // per attribute (the corpus has no attributes).
    let json: Value = serde_json::from_str(&stdout(&songngu(dir.path(), &["check", "--format", "json"]))).unwrap();
    let vi = &json["summary"]["locales"]["vi"];
    let entries = vi["entries"].as_u64().unwrap() as usize;
    assert_eq!(entries, 2949 + 103);
    let missing = vi["missing"].as_u64().unwrap() as usize;
    let xml = std::fs::read_to_string(&xlf).unwrap();
    assert_eq!(xml.matches("<trans-unit ").count(), entries);
    assert_eq!(xml.matches("<target ").count(), entries - missing);
    if !translate_toolkit() {
        return;
    }
    let read = read_with_toolkit(&[&xlf, &po, &tmx]);
    let count = |p: &Path| read[p.to_str().unwrap()]["units"].as_array().unwrap().len();
    assert_eq!((count(&xlf), count(&po)), (entries, entries));
    // Everything present was accepted above; the memory holds every real translation,
    // as many as it says, and fewer than the pairs (brand names are the same in both).
    assert_eq!(count(&tmx), in_memory);
    assert!(in_memory > 0 && in_memory < entries - missing, "{in_memory} of {}", entries - missing);
}

#[test]
fn a_translation_edited_in_the_ftl_file_since_the_export_is_never_overwritten() {
    for format in ["xliff", "po"] {
        let dir = shipped_copy();
        let vi = dir.path().join("locales/vi/signing-opens.ftl");
        let file = export(dir.path(), &["--locale", "vi", "--format", format], &format!("vi.{format}"));
        // Meanwhile someone edits two translations in the .ftl file; the CAT tool's
        // translator changes one of them too.
        edit(&vi, "Hà Nội hôm nay", &format!("Hà Nội hôm nay ({format})"));
        edit(&vi, "khai mạc lúc 9h00", &format!("khai mạc lúc 9 giờ ({format})"));
        edit(&file, "khai mạc lúc 9h00", "khai mạc vào 9h00");
        let edited = std::fs::read_to_string(&vi).unwrap();
        let out = songngu(dir.path(), &["import", file.to_str().unwrap()]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(text.contains("refused signing-opens-p2") && text.contains("merge the two by hand"), "{text}");
        assert!(text.contains("0 entries merged"), "{text}");
        assert_eq!(std::fs::read_to_string(&vi).unwrap(), edited, "the .ftl edits stay");
    }
}

/// A small project: en `a.ftl` with `hello`, `bye` (with attributes) and `bell`; vi has
/// `hello` only, with CRLF line ends.
fn small_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "songngu.toml", "");
    write(dir.path(), "locales/en/a.ftl", "hello = Hello\nbye = Bye\n    .title = Goodbye\n    .aria-label = Bye\n");
    write(dir.path(), "locales/en/b.ftl", "other = Other\n");
    write(dir.path(), "locales/vi/a.ftl", "hello = Xin chào\r\n");
    write(dir.path(), "locales/vi/b.ftl", "other = Khác\n");
    dir
}

fn import_text(dir: &Path, name: &str, text: &str) -> (Option<i32>, String, String) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let out = songngu(dir, &["import", path.to_str().unwrap()]);
    (out.status.code(), stdout(&out), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn what_a_hostile_review_found_stays_fixed() {
    // An obsolete `#~` message before a live one does not swallow it; the new entry keeps
    // its attribute copied on purpose; CRLF stays CRLF; `vi_VN` is vi.
    let dir = small_project();
    let po = export(dir.path(), &["--locale", "vi", "--format", "po"], "vi.po");
    let text = std::fs::read_to_string(&po).unwrap().replace("Language: vi", "Language: vi_VN");
    let text = text.replacen("\n\n", "\n\n#~ msgctxt \"old\"\n#~ msgid \"Old\"\n#~ msgstr \"Cũ\"\n\n", 1);
    let text = text.replacen("msgid \"Bye\"\nmsgstr \"\"", "msgid \"Bye\"\nmsgstr \"Tạm biệt\"", 1);
    let text = text.replacen("msgid \"Goodbye\"\nmsgstr \"\"", "msgid \"Goodbye\"\nmsgstr \"Chào tạm biệt\"", 1);
    let text = text.replacen("msgid \"Bye\"\nmsgstr \"\"", "msgid \"Bye\"\nmsgstr \"Bye\"", 1);
    let (code, out, err) = import_text(dir.path(), "vi.po", &text);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("merged bye (new)"), "{out}");
    assert_eq!(
        read(dir.path(), "locales/vi/a.ftl"),
        "hello = Xin chào\r\n\r\nbye = Tạm biệt\r\n    .title = Chào tạm biệt\r\n    .aria-label = Bye\r\n"
    );

    // A resource named another way is not the resource; a fuzzy edit is not done; a unit
    // given twice differently is a guess; a truncated file is refused whole.
    let dir = small_project();
    let xliff = |original: &str, units: &str| {
        format!("<xliff version=\"1.2\"><file original=\"{original}\" target-language=\"vi\"><body>{units}</body></file></xliff>")
    };
    let (code, out, _) = import_text(
        dir.path(),
        "x.xlf",
        &xliff("./a.ftl", "<trans-unit id=\"bye\"><target>Chào { $nam }</target></trans-unit>"),
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("the project has no resource `./a.ftl`"), "{out}");
    let twice =
        "<trans-unit id=\"bye\"><target>A</target></trans-unit><trans-unit id=\"bye\"><target>B</target></trans-unit>";
    let (code, out, _) = import_text(dir.path(), "y.xlf", &xliff("a.ftl", twice));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("more than once"), "{out}");
    let (code, _, err) = import_text(dir.path(), "z.xlf", &xliff("a.ftl", twice)[..60]);
    assert_eq!(code, Some(2), "{err}");
    let po = export(dir.path(), &["--locale", "vi", "--format", "po"], "vi.po");
    let fuzzy = std::fs::read_to_string(&po).unwrap().replacen("msgctxt \"hello\"", "#, fuzzy\nmsgctxt \"hello\"", 1);
    let fuzzy = fuzzy.replacen("msgstr \"Xin chào\"", "msgstr \"Chào bạn\"", 1);
    let (code, out, _) = import_text(dir.path(), "fuzzy.po", &fuzzy);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("refused hello") && out.contains("fuzzy"), "{out}");

    // An entry that would clash with one in another file an app loads with it (here one
    // bundle holds both) is refused.
    let dir = small_project();
    write(dir.path(), "songngu.toml", "[bundles]\napp = [\"*.ftl\"]\n");
    write(dir.path(), "locales/vi/a.ftl", "");
    write(dir.path(), "locales/vi/b.ftl", "other = Khác\nhello = Cũ\n");
    let po = export(dir.path(), &["--locale", "vi", "--format", "po", "--only", "missing"], "m.po");
    let text = std::fs::read_to_string(&po).unwrap();
    let text = text.replacen("msgid \"Hello\"\nmsgstr \"\"", "msgid \"Hello\"\nmsgstr \"Xin chào\"", 1);
    let (code, out, _) = import_text(dir.path(), "m.po", &text);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("refused hello") && out.contains("[duplicate-id]"), "{out}");

    // `sync` between export and import: its copy is no translation, and its note goes
    // once the entry is translated.
    let dir = small_project();
    let po = export(dir.path(), &["--locale", "vi", "--format", "po"], "vi.po");
    ok(songngu(dir.path(), &["sync", "vi"]));
    assert!(read(dir.path(), "locales/vi/a.ftl").contains("# TODO: translate"));
    let text = std::fs::read_to_string(&po).unwrap();
    let text = text.replacen("msgid \"Bye\"\nmsgstr \"\"", "msgid \"Bye\"\nmsgstr \"Tạm biệt\"", 1);
    let text = text.replacen("msgid \"Goodbye\"\nmsgstr \"\"", "msgid \"Goodbye\"\nmsgstr \"Chào tạm biệt\"", 1);
    let text = text.replacen("msgid \"Bye\"\nmsgstr \"\"", "msgid \"Bye\"\nmsgstr \"Tạm biệt\"", 1);
    let (code, out, _) = import_text(dir.path(), "vi.po", &text);
    assert_eq!(code, Some(0), "{out}");
    let vi = read(dir.path(), "locales/vi/a.ftl");
    assert!(!vi.contains("TODO") && vi.contains("bye = Tạm biệt\r\n"), "{vi}");

    // A control character has no place in XML: the unit is left out, with a warning.
    let dir = small_project();
    write(dir.path(), "locales/en/b.ftl", "other = Other\nbell = Ding\u{7} dong\n");
    let out = songngu(dir.path(), &["export", "--locale", "vi", "-o", "vi.xlf"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`bell` is left out"));
    assert!(!read(dir.path(), "vi.xlf").contains('\u{7}'));
}

/// The `ceremony-held-p1` unit of the shipped content's vi export: its target has three
/// codes, `{ -convention }`, `{ -hanoi-convention }` and `{ -venue }`.
const P1_TARGET: &str = "Lễ mở ký và Hội nghị cấp cao <ph id=\"1\">{ -convention }</ph> (<ph id=\"2\">{ -hanoi-convention }</ph>) đã long trọng diễn ra tại <ph id=\"3\">{ -venue }</ph> với";

/// The line of the `<trans-unit>` with `id` in an exported file, as import names it.
fn unit_line(file: &Path, id: &str) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines().position(|l| l.contains(&format!("<trans-unit id=\"{id}\""))).unwrap() + 1
}

/// Imports `file`, expecting refusals: the output, with the translation files unchanged.
fn import_refused(dir: &Path, file: &Path) -> String {
    let before = snapshot(&dir.join("locales"));
    let out = songngu(dir, &["import", file.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(snapshot(&dir.join("locales")), before, "a refused unit was written: {text}");
    text
}

#[test]
fn an_empty_ph_takes_its_code_from_the_source() {
    // OmegaT, memoQ and Trados may write a code back empty or self-closing, or as the
    // generic `<x/>`: each stands for the source's code with the same id.
    let dir = shipped_copy();
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    edit(
        &xlf,
        P1_TARGET,
        "Lễ mở ký và Hội nghị cấp cao <ph id=\"1\"/> (<ph id=\"2\"></ph>) đã trọng thể diễn ra tại <x id=\"3\"/> với",
    );
    let out = ok(songngu(dir.path(), &["import", xlf.to_str().unwrap()]));
    assert!(out.contains("locales/vi/ceremony-held.ftl: merged ceremony-held-p1\n"), "{out}");
    assert!(out.contains("1 entry merged in 1 file, 0 refused"), "{out}");
    let vi = read(dir.path(), "locales/vi/ceremony-held.ftl");
    assert!(
        vi.contains("cấp cao { -convention } ({ -hanoi-convention }) đã trọng thể diễn ra tại { -venue } với"),
        "{vi}"
    );
}

#[test]
fn an_altered_code_in_a_target_is_refused() {
    let dir = shipped_copy();
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    edit(&xlf, P1_TARGET, &P1_TARGET.replace("{ -convention }", "{ -conventon }").replace("long trọng", "trọng thể"));
    let line = unit_line(&xlf, "ceremony-held-p1");
    let out = import_refused(dir.path(), &xlf);
    let expected = format!(
        "refused ceremony-held-p1 (line {line}): the target changed code 1 from `{{ -convention }}` to \
         `{{ -conventon }}`; a code cannot be edited: put the source's code back in your CAT tool"
    );
    assert!(out.lines().any(|l| l == expected), "{out}");
    assert!(out.contains("0 entries merged in 0 files, 1 refused"), "{out}");

    // A variable renamed inside its code, which would otherwise be valid Fluent.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "songngu.toml", "");
    write(dir.path(), "locales/en/a.ftl", "delegates = { $count } delegates\n");
    write(dir.path(), "locales/vi/a.ftl", "delegates = { $count } đại biểu\n");
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    edit(&xlf, "<ph id=\"1\">{ $count }</ph> đại biểu", "<ph id=\"1\">{ $cnt }</ph> đại biểu nước ngoài");
    let out = import_refused(dir.path(), &xlf);
    assert!(out.contains("refused delegates (line"), "{out}");
    assert!(out.contains("the target changed code 1 from `{ $count }` to `{ $cnt }`"), "{out}");
}

#[test]
fn a_missing_code_is_refused() {
    let dir = shipped_copy();
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    edit(&xlf, P1_TARGET, &P1_TARGET.replace(" (<ph id=\"2\">{ -hanoi-convention }</ph>)", ""));
    let line = unit_line(&xlf, "ceremony-held-p1");
    let out = import_refused(dir.path(), &xlf);
    let expected = format!(
        "refused ceremony-held-p1 (line {line}): the target lacks code 2 (`{{ -hanoi-convention }}`) of the \
         source; put it back in your CAT tool"
    );
    assert!(out.lines().any(|l| l == expected), "{out}");

    // Each refused unit is refused alone: a good edit in the same file is merged.
    edit(&xlf, "Hà Nội hôm nay</target>", "Hà Nội sáng nay</target>");
    let out = songngu(dir.path(), &["import", xlf.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("merged signing-opens-title") && text.contains("1 entry merged in 1 file, 1 refused"),
        "{text}"
    );
    assert!(read(dir.path(), "locales/vi/ceremony-held.ftl").contains("({ -hanoi-convention }) đã long trọng"));
}

#[test]
fn an_extra_code_is_refused() {
    let dir = shipped_copy();
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    edit(&xlf, P1_TARGET, &format!("{P1_TARGET} <ph id=\"4\">{{ -un }}</ph>"));
    let line = unit_line(&xlf, "ceremony-held-p1");
    let out = import_refused(dir.path(), &xlf);
    let expected = format!(
        "refused ceremony-held-p1 (line {line}): the target has code 4, which the source does not have; \
         remove it in your CAT tool"
    );
    assert!(out.lines().any(|l| l == expected), "{out}");

    // A formatting code a CAT tool added (songngu writes only placeholders) is one too.
    let xlf = export(dir.path(), &["--locale", "vi"], "vi2.xlf");
    edit(
        &xlf,
        P1_TARGET,
        &P1_TARGET.replace("long trọng", "<bpt id=\"4\">&lt;b&gt;</bpt>long trọng<ept id=\"5\">&lt;/b&gt;</ept>"),
    );
    let out = import_refused(dir.path(), &xlf);
    assert!(
        out.contains(&format!(
            "refused ceremony-held-p1 (line {line}): the target has formatting codes 4 and 5, which the source does not have; \
             remove them in your CAT tool"
        )),
        "{out}"
    );
}

#[test]
fn a_code_empty_in_the_source_too_is_refused() {
    // Nothing says which placeable the code stands for: the source is not what songngu wrote.
    let dir = shipped_copy();
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    edit(
        &xlf,
        "High-Level Conference of the <ph id=\"1\">{ -convention }</ph> (",
        "High-Level Conference of the <ph id=\"1\"/> (",
    );
    edit(&xlf, P1_TARGET, &P1_TARGET.replace("<ph id=\"1\">{ -convention }</ph>", "<ph id=\"1\"/>"));
    let out = import_refused(dir.path(), &xlf);
    assert!(
        out.contains(&format!(
            "refused ceremony-held-p1 (line {}): code 1 is empty in the source as well",
            unit_line(&xlf, "ceremony-held-p1")
        )),
        "{out}"
    );
}

#[test]
fn a_code_keeps_the_id_of_the_source_code_it_stands_for_when_the_translation_reorders_them() {
    // The vi translation of signing-opens-p8 names the UN before the convention, the
    // source after: code 2 comes first in the target. A tool that writes every code back
    // empty still gets each placeable in its place.
    let dir = shipped_copy();
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    let target = "Việc Đại hội đồng <ph id=\"2\">{ -un-short }</ph> thông qua <ph id=\"1\">{ -convention }</ph> vào";
    assert!(read(dir.path(), "vi.xlf").contains(target), "the target's ids are not its source's");
    edit(&xlf, target, "Việc Đại hội đồng <ph id=\"2\"/> đã thông qua <ph id=\"1\"/> vào");
    let out = ok(songngu(dir.path(), &["import", xlf.to_str().unwrap()]));
    assert!(out.contains("merged signing-opens-p8\n"), "{out}");
    let vi = read(dir.path(), "locales/vi/signing-opens.ftl");
    assert!(vi.contains("Việc Đại hội đồng { -un-short } đã thông qua { -convention } vào"), "{vi}");
}

#[test]
fn a_unit_with_a_select_expression_has_no_codes_on_either_side() {
    // Only the translation has the select expression: the unit is Fluent syntax whole,
    // so the translator edits it as text and nothing asks for the source's codes.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "songngu.toml", "");
    write(dir.path(), "locales/en/a.ftl", "tabs = { $n } tabs\n");
    write(dir.path(), "locales/vi/a.ftl", "tabs =\n    { $n ->\n       *[other] { $n } thẻ\n    }\n");
    let xlf = export(dir.path(), &["--locale", "vi"], "vi.xlf");
    let xml = read(dir.path(), "vi.xlf");
    assert!(xml.contains("<source>{ $n } tabs</source>") && !xml.contains("<ph"), "{xml}");
    edit(&xlf, "{ $n } thẻ", "{ $n } thẻ mở");
    let out = ok(songngu(dir.path(), &["import", xlf.to_str().unwrap()]));
    assert!(out.contains("merged tabs\n"), "{out}");
    assert!(read(dir.path(), "locales/vi/a.ftl").contains("*[other] { $n } thẻ mở"));
}
