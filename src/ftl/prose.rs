//! A pattern read as prose, the way the newsroom checks (doubled words, quotes, dashes,
//! links, markup) read it: its literal text in order, each placeable one
//! [`PLACEABLE`] character, and each select expression's variants apart, since a reader
//! sees one of them and never two side by side.
//!
//! Placeables are never text here: `{ $name }` and `{ -brand }` are filled in at run
//! time, and a string literal `{ "…" }` is Fluent syntax (most often an escape), not a
//! quotation mark or a dash someone typed.

use std::borrow::Cow;

use fluent_syntax::ast;

use crate::ftl::file::SourceFile;
use crate::ftl::model::{Part, Pattern};

/// What a placeable is in [`Prose::text`]: U+FFFC OBJECT REPLACEMENT CHARACTER, which
/// is neither a letter, a space nor punctuation, so no word, quote or link runs across it.
pub const PLACEABLE: char = '\u{FFFC}';

/// One pattern (or one variant of a select expression) as prose.
#[derive(Debug)]
pub struct Prose<'t> {
    /// The literal text, placeables as [`PLACEABLE`]. Borrowed from the file when the
    /// pattern is one piece of text, as most are.
    pub text: Cow<'t, str>,
    /// Where each text element starts in `text` and in the file, in order.
    pieces: Vec<(usize, usize)>,
    /// The variants of each select expression met, each read on its own.
    pub selects: Vec<Vec<Prose<'t>>>,
}

impl<'t> Prose<'t> {
    pub fn new(file: &SourceFile, pattern: &Pattern<'t>) -> Self {
        // The common case, one text element, without copying it.
        if let [ast::PatternElement::TextElement { value }] = pattern.elements.as_slice() {
            return Prose { text: Cow::Borrowed(value), pieces: vec![(0, file.offset_of(value))], selects: Vec::new() };
        }
        let mut prose = Prose { text: Cow::Owned(String::new()), pieces: Vec::new(), selects: Vec::new() };
        let mut text = String::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    prose.pieces.push((text.len(), file.offset_of(value)));
                    text.push_str(value);
                }
                ast::PatternElement::Placeable { expression } => {
                    text.push(PLACEABLE);
                    prose.gather_selects(file, expression);
                }
            }
        }
        prose.text = Cow::Owned(text);
        prose
    }

    /// The select expressions inside a placeable (`{ $n -> … }`, or one inside `{ { … } }`).
    /// Nesting is bounded by the pre-scan of [`crate::ftl::file`].
    fn gather_selects(&mut self, file: &SourceFile, expression: &ast::Expression<&'t str>) {
        match expression {
            ast::Expression::Select { variants, .. } => {
                self.selects.push(variants.iter().map(|v| Prose::new(file, &v.value)).collect())
            }
            ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
                self.gather_selects(file, expression)
            }
            ast::Expression::Inline(_) => {}
        }
    }

    /// The file offset of byte `at` of [`Prose::text`] (a literal character's; a
    /// placeable's is the end of the text before it).
    pub fn offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|&(start, _)| start <= at).saturating_sub(1);
        match self.pieces.get(i) {
            Some(&(start, offset)) => offset + at.saturating_sub(start),
            None => 0,
        }
    }

    /// This text and every variant's, depth first: each is read on its own.
    pub fn all(&self) -> Vec<&Prose<'t>> {
        let mut out = vec![self];
        let mut i = 0;
        while i < out.len() {
            let prose = out[i];
            out.extend(prose.selects.iter().flatten());
            i += 1;
        }
        out
    }
}

/// Whether any literal text of the pattern (any variant's) passes `test`: the cheap
/// question a check asks before reading a pattern as prose.
pub fn any_text(pattern: &Pattern<'_>, test: &mut impl FnMut(&str) -> bool) -> bool {
    pattern.elements.iter().any(|element| match element {
        ast::PatternElement::TextElement { value } => test(value),
        ast::PatternElement::Placeable { expression } => any_text_in(expression, test),
    })
}

fn any_text_in(expression: &ast::Expression<&str>, test: &mut impl FnMut(&str) -> bool) -> bool {
    match expression {
        ast::Expression::Select { variants, .. } => variants.iter().any(|v| any_text(&v.value, test)),
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => any_text_in(expression, test),
        ast::Expression::Inline(_) => false,
    }
}

/// Whether a part of an entry is prose a reader sees: not an attribute that is a key or
/// an access key (`.accesskey = S`), nor CSS (`.style = width: 32em`).
pub fn is_prose(part: Part<'_>, text: &str) -> bool {
    if let Part::Attribute(name) = part {
        let name = name.to_ascii_lowercase();
        if name == "style" || name.ends_with("accesskey") || matches!(name.as_str(), "key" | "keycode" | "commandkey") {
            return false;
        }
    }
    !crate::text::is_css_like(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ftl::model::FileModel;

    fn with_pattern(text: &str, f: impl FnOnce(&SourceFile, &Prose<'_>)) {
        let file = SourceFile::from_bytes("en", "a.ftl", "a.ftl".into(), text.as_bytes().to_vec());
        let parsed = file.parse();
        let model = FileModel::new(&file, &parsed);
        let prose = Prose::new(&file, model.entries[0].value.unwrap());
        f(&file, &prose);
    }

    #[test]
    fn placeables_are_one_character_and_variants_are_apart() {
        with_pattern("a = Hi { $name }, { $n ->\n    [one] one tab\n   *[other] { $n } tabs\n} left\n", |_, prose| {
            assert_eq!(prose.text, "Hi \u{FFFC}, \u{FFFC} left");
            let variants: Vec<&str> = prose.selects[0].iter().map(|p| &*p.text).collect();
            assert_eq!(variants, ["one tab", "\u{FFFC} tabs"]);
            assert_eq!(prose.all().len(), 3);
        });
    }

    #[test]
    fn offsets_point_into_the_file() {
        let source = "a =\n    First line\n    second { $x } line\n";
        with_pattern(source, |file, prose| {
            let at = prose.text.find("second").unwrap();
            assert_eq!(&file.text[prose.offset(at)..prose.offset(at) + 6], "second");
            let at = prose.text.find("line\n").unwrap();
            assert_eq!(&file.text[prose.offset(at)..prose.offset(at) + 4], "line");
            let at = prose.text.rfind("line").unwrap();
            assert_eq!(&file.text[prose.offset(at)..prose.offset(at) + 4], "line");
        });
    }

    #[test]
    fn string_literals_are_not_text() {
        with_pattern("a = { \"\\\"\" }quoted{ \"-\" }\n", |_, prose| {
            assert_eq!(prose.text, "\u{FFFC}quoted\u{FFFC}");
        });
    }

    #[test]
    fn keys_and_css_are_not_prose() {
        assert!(!is_prose(Part::Attribute("accesskey"), "S"));
        assert!(!is_prose(Part::Attribute("style"), "anything"));
        assert!(!is_prose(Part::Attribute("label"), "width: 32em; min-height: 4em"));
        assert!(is_prose(Part::Attribute("label"), "Save the file"));
        assert!(is_prose(Part::Value, "Note: read \"this\""));
    }
}
