//! Properties that must hold for any text, not just the examples we thought of.

use fluent_bundle::{FluentBundle, FluentResource};
use proptest::prelude::*;
use songngu::commands::ingest::{escape, Terms};

/// Formats message `m` of `source` with fluent-bundle, isolation marks off.
fn format(source: &str) -> Result<String, String> {
    let resource = FluentResource::try_new(source.to_string()).map_err(|(_, e)| format!("{e:?} in {source:?}"))?;
    let mut bundle = FluentBundle::new(vec!["en".parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).map_err(|e| format!("{e:?}"))?;
    let message = bundle.get_message("m").ok_or_else(|| format!("no message in {source:?}"))?;
    let pattern = message.value().ok_or("no value")?;
    let mut errors = vec![];
    let out = bundle.format_pattern(pattern, None, &mut errors).into_owned();
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(format!("{errors:?}"))
    }
}

/// Text with what Fluent treats specially: braces, brackets, stars, dots, quotes,
/// backslashes, leading and trailing spaces, Vietnamese letters, tabs, line breaks.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        "*",
        ".",
        "\"",
        "\\",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "#",
        "-",
        "=",
        "$",
        "->",
        "Hà Nội",
        "ữ",
        "Liên hợp quốc",
        "United Nations",
        "a",
        "1,500",
        "\u{a0}",
        "\u{200b}",
        "\u{0}",
        "{ -un }",
        "\\u0041",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn an_escaped_paragraph_formats_back_to_itself(text in tricky_text()) {
        prop_assert_eq!(format(&format!("m = {}\n", escape(&text))), Ok(text));
    }

    #[test]
    fn any_string_survives_escaping(text in any::<String>()) {
        prop_assert_eq!(format(&format!("m = {}\n", escape(&text))), Ok(text));
    }

    #[test]
    fn term_names_become_references_that_format_back(text in tricky_text()) {
        let terms = Terms::new(vec![
            ("United Nations".into(), "-un".into()),
            ("Hà Nội".into(), "-hanoi".into()),
        ]);
        let source = format!("-un = United Nations\n-hanoi = Hà Nội\nm = {}\n", terms.pattern(&text));
        prop_assert_eq!(format(&source), Ok(text));
    }
}

#[test]
fn a_very_long_paragraph_survives_escaping() {
    let sentence = "Hơn 2.500 đại biểu từ 119 quốc gia { tham dự } [lễ] *ký* \"Công ước\" tại Hà Nội. ";
    let paragraph = sentence.repeat(2_000);
    assert!(paragraph.len() > 150_000);
    assert_eq!(format(&format!("m = {}\n", escape(&paragraph))), Ok(paragraph));
}

#[test]
fn a_paragraph_with_hundreds_of_names_still_formats() {
    let terms = Terms::new(vec![("United Nations".into(), "-un".into())]);
    let paragraph = "United Nations, { and } ".repeat(200);
    let source = format!("-un = United Nations\nm = {}\n", terms.pattern(paragraph.trim_end()));
    assert_eq!(format(&source), Ok(paragraph.trim_end().to_string()));
}
