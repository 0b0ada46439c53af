//! The project's glossary as a user meets it: the shipped `glossary.tbx`, `songngu
//! glossary` in both formats, a CSV glossary named in songngu.toml, and broken glossaries
//! refused with one line.

mod common;

use common::{ok, read, shipped_project, songngu, stdout, write};

#[test]
fn the_glossary_command_writes_the_glossary_and_the_fluent_terms() {
    let dir = shipped_project();
    let tbx = ok(songngu(dir.path(), &["glossary"]));
    assert!(tbx.starts_with("<?xml"), "{tbx}");
    // The glossary's own names, then the Fluent terms of shared.ftl.
    assert!(tbx.contains("<term>Ministry of Public Security</term>"), "{tbx}");
    assert!(tbx.contains("<descrip type=\"definition\">Fluent term { -convention }</descrip>"), "{tbx}");
    assert!(tbx.contains("<term>Công ước của Liên hợp quốc về chống tội phạm mạng</term>"), "{tbx}");
    let csv = ok(songngu(dir.path(), &["glossary", "--format", "csv"]));
    assert!(csv.starts_with("en,vi,note\n"), "{csv}");
    assert!(csv.contains("Hanoi Convention,Công ước Hà Nội,Fluent term { -hanoi-convention }"), "{csv}");
    // What it writes reads back as the project's glossary.
    write(dir.path(), "names.csv", &csv);
    let config = read(dir.path(), "songngu.toml");
    write(dir.path(), "songngu.toml", &format!("glossary = [\"names.csv\"]\n{config}"));
    ok(songngu(dir.path(), &["check"]));
}

#[test]
fn a_deprecated_rendering_in_a_csv_glossary_is_an_error() {
    let dir = shipped_project();
    write(dir.path(), "names.csv", "en,vi,note\nNational Convention Centre,Trung tâm Hội nghị Quốc gia,\nState President|President,Chủ tịch nước,\nState President,Chủ tịch,deprecated\n");
    let config = read(dir.path(), "songngu.toml");
    write(dir.path(), "songngu.toml", &format!("glossary = [\"names.csv\"]\n{config}"));
    // `Chủ tịch nước` holds `Chủ tịch`: the allowed rendering is not taken for the
    // forbidden one.
    ok(songngu(dir.path(), &["check"]));
    let vi = "locales/vi/delegations-confirmed.ftl";
    let text = read(dir.path(), vi);
    write(
        dir.path(),
        vi,
        &text.replacen("delegations-confirmed-p2 = Chủ tịch nước", "delegations-confirmed-p2 = Chủ tịch", 1),
    );
    let check = songngu(dir.path(), &["check", "--color", "never"]);
    assert_eq!(check.status.code(), Some(1));
    let said = stdout(&check);
    assert!(said.contains("error[glossary]: `Chủ tịch` is a deprecated rendering of `State President`"), "{said}");
}

#[test]
fn a_broken_glossary_is_refused_with_one_line() {
    let dir = shipped_project();
    write(
        dir.path(),
        "glossary.tbx",
        "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>x</term></tig></langSet>",
    );
    let out = songngu(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("glossary.tbx: not well-formed XML"), "{err}");

    let config = read(dir.path(), "songngu.toml");
    write(dir.path(), "songngu.toml", &format!("glossary = [\"terms.tbx\"]\n{config}"));
    let out = songngu(dir.path(), &["status"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("the glossary file terms.tbx does not exist"), "{err}");
}

#[test]
fn editing_the_glossary_is_seen_by_a_cached_check() {
    let dir = shipped_project();
    ok(songngu(dir.path(), &["check"]));
    ok(songngu(dir.path(), &["check"]));
    let glossary = read(dir.path(), "glossary.tbx");
    write(dir.path(), "glossary.tbx", &glossary.replace("<term>Bộ Công an</term>", "<term>Bộ Công an nhân dân</term>"));
    let said = stdout(&songngu(dir.path(), &["check", "--color", "never"]));
    assert!(said.contains("warning[glossary]: the reference names `Ministry of Public Security`"), "{said}");
}
