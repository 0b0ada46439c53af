//! `number-mismatch`: a number of the reference that the translation does not state.

use std::collections::BTreeSet;

use fluent_syntax::ast;

use super::plural_category::{categories, is_numeric_selector, is_plural};
use super::{list, Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::{plain_text, walk, Node, Pattern};
use crate::text::language;
use crate::text::numbers::{facts, Fact};

pub struct NumberMismatch;

static INFO: CheckInfo = CheckInfo {
    code: "number-mismatch",
    severity: Severity::Warning,
    summary: "a number, time or date of the reference is not in the translation",
    doc: "\
## What it finds
A number in the reference's text (outside placeables) that the translation does not
state. Numbers are compared by value, in each language's own way of writing them:
- thousands and decimals: `2,500` (en) = `2.500` (vi), `1.5` = `1,5`; a translation
  written with the other convention still matches;
- times: `9:00` = `9 giờ` = `9h00` = `9h`; `9 p.m.` = `21 giờ`;
- dates: English month names count as their number, so `October 25` = `25/10` =
  `25 tháng 10`; leading zeros do not matter (`08/10` = `October 8`);
- ordinals: `80th` = `80`.
Numbers written as words (`two`, `hai`) are not read.

A number is required where the translation can show it. In a plural selector
(`{ $count -> … }`), a variant the target locale never chooses does not count:
Vietnamese has only the CLDR category `other`, so the `1` of an English
`[one] 1 password` is not asked of a Vietnamese translation, while a number in
`*[other]`, in a variant of any other selector, or outside the selector still is. A
variant with an exact number as its key (`[1]`, `[0]`) is chosen in every locale, so
its numbers are required too, except that number itself (`[1] Cancel 1 download`):
the key already states it, and a translation with its own `[1]` variant, or one that
shows `{ $count }`, may write it as a word (`một`).

When the reference changed since the translation was accepted, a figure that came with
that change is left to the `drifted` finding, which shows it in its diff; only figures
the old reference already had are reported here.

## Why it matters
A translation that says 60 where the source says 72, or drops a date, is wrong in the
one place readers trust most.

## Example
    # en
    signing-outcome-p1 = 72 countries signed the convention.
    # vi
    signing-outcome-p1 = 60 quốc gia đã ký công ước.

## How to fix
Make the translation state the same figures, dates and times as the reference.",
};

impl Check for NumberMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let reference_language = language(cx.reference_locale);
        let target_language = language(cx.target_locale);
        let mut lacking: Vec<Fact> = Vec::new();
        for (part, reference_pattern) in cx.reference.parts() {
            let Some((_, target_pattern)) = cx.target.parts().find(|(p, _)| *p == part) else { continue };
            let stated = required(reference_pattern, target_pattern, reference_language, cx.target_locale);
            if stated.is_empty() {
                continue;
            }
            let translated = facts(&plain_text(target_pattern), target_language, true);
            lacking.extend(stated.into_iter().filter(|fact| !translated.contains(fact)));
        }
        // A figure that arrived with a change of the reference is the drift's to report.
        if let Some(record) = cx.record.filter(|r| r.reference != cx.texts().reference_fingerprint) {
            let before = facts(crate::ftl::fingerprint::body(&record.source), reference_language, false);
            lacking.retain(|fact| before.contains(fact));
        }
        if lacking.is_empty() {
            return;
        }
        lacking.sort();
        lacking.dedup();
        let names: Vec<String> = lacking.iter().map(|f| format!("`{f}`")).collect();
        out.push(
            INFO.at_entry(
                cx.target_file.file,
                cx.target,
                format!("the translation does not state {} of the {} reference", list(&names), cx.reference_locale),
            )
            .label("number missing"),
        );
    }
}

/// The facts of a reference pattern that its translation into `target_locale` must state:
/// those of the text the target locale can show (see the doc above).
fn required(reference: &Pattern<'_>, target: &Pattern<'_>, language: &str, target_locale: &str) -> BTreeSet<Fact> {
    // Most patterns have no select expression: their facts are those of their text.
    if !has_select(reference) {
        return facts(&plain_text(reference), language, false);
    }
    let rules = Rules { categories: categories(target_locale), target };
    let mut texts = Vec::new();
    gather(reference, &[], &rules, &mut texts);
    let mut required = BTreeSet::new();
    for (text, exempt) in texts {
        required.extend(facts(&text, language, false).into_iter().filter(|f| !exempt.contains(f)));
    }
    required
}

fn has_select(pattern: &Pattern<'_>) -> bool {
    if pattern.elements.iter().all(|e| matches!(e, ast::PatternElement::TextElement { .. })) {
        return false;
    }
    let mut found = false;
    walk(pattern, &mut |node| found |= matches!(node, Node::Select { .. }));
    found
}

/// What decides which variants of a reference a translation can show.
struct Rules<'a, 't> {
    /// The target locale's plural categories, `None` when CLDR does not know it (then
    /// every variant counts).
    categories: Option<Vec<&'static str>>,
    target: &'a Pattern<'t>,
}

/// Splits a pattern into the texts the target locale can show: the text around select
/// expressions, and each variant it can choose (nested ones on their own), each with the
/// numbers it need not state. Nesting is bounded by the pre-scan in [`crate::ftl::file`].
fn gather(pattern: &Pattern<'_>, exempt: &[Fact], rules: &Rules<'_, '_>, out: &mut Vec<(String, Vec<Fact>)>) {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                gather_expression(expression, exempt, rules, &mut text, out)
            }
        }
    }
    out.push((text, exempt.to_vec()));
}

fn gather_expression(
    expression: &ast::Expression<&str>,
    exempt: &[Fact],
    rules: &Rules<'_, '_>,
    text: &mut String,
    out: &mut Vec<(String, Vec<Fact>)>,
) {
    match expression {
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            gather_expression(expression, exempt, rules, text, out)
        }
        // A placeable's value is not the reference's text (as in `plain_text`).
        ast::Expression::Inline(_) => text.push(' '),
        ast::Expression::Select { selector, variants } => {
            text.push(' ');
            let names: Vec<&str> = variants
                .iter()
                .filter_map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => Some(*name),
                    ast::VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            let plural = is_numeric_selector(selector) && is_plural(&names);
            for variant in variants {
                let mut inner = exempt.to_vec();
                match &variant.key {
                    // The default variant is shown for whatever no key matches, so every
                    // locale can show it.
                    ast::VariantKey::Identifier { name }
                        if plural
                            && !variant.default
                            && rules.categories.as_ref().is_some_and(|c| !c.contains(name)) =>
                    {
                        continue
                    }
                    ast::VariantKey::NumberLiteral { value } if key_is_stated(selector, value, rules) => {
                        inner.extend(facts(value, "en", false))
                    }
                    _ => {}
                }
                gather(&variant.value, &inner, rules, out);
            }
        }
    }
}

/// Whether the translation states the number of an exact-number key `[N]` some way of
/// its own: a variant `[N]` of its own (whose words may say it, `một`), or the selector's
/// variable shown in its text.
fn key_is_stated(selector: &ast::InlineExpression<&str>, key: &str, rules: &Rules<'_, '_>) -> bool {
    let number = facts(key, "en", false);
    let variable = match selector {
        ast::InlineExpression::VariableReference { id } => Some(id.name),
        ast::InlineExpression::FunctionReference { arguments, .. } => match arguments.positional.first() {
            Some(ast::InlineExpression::VariableReference { id }) => Some(id.name),
            _ => None,
        },
        _ => None,
    };
    let mut stated = false;
    walk(rules.target, &mut |node| match node {
        Node::Select { variants, .. } => {
            stated |= variants.iter().any(|v| match &v.key {
                ast::VariantKey::NumberLiteral { value } => facts(value, "en", false) == number,
                ast::VariantKey::Identifier { .. } => false,
            })
        }
        Node::Inline { expr: ast::InlineExpression::VariableReference { id }, in_selector: false } => {
            stated |= variable == Some(id.name)
        }
        _ => {}
    });
    stated
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers the reference text `en` (a message `a = …`) asks of the translation
    /// `vi`, when the translation is into `locale`.
    fn required_of(en: &str, translation: &str, locale: &str) -> Vec<String> {
        fn value(text: &str) -> Pattern<'_> {
            match fluent_syntax::parser::parse(text).expect("valid Fluent").body.remove(0) {
                ast::Entry::Message(m) => m.value.expect("a value"),
                _ => unreachable!("a message"),
            }
        }
        let (reference, target) = (value(en), value(translation));
        required(&reference, &target, "en", locale).into_iter().map(|f| f.to_string()).collect()
    }

    const PASSWORDS: &str =
        "a = { $n ->\n    [one] 1 password was exposed in 2 breaches.\n   *[other] { $n } passwords were exposed.\n}\n";

    #[test]
    fn a_number_only_in_a_one_variant_is_not_required_in_vietnamese() {
        let vi = "a = { $n ->\n   *[other] { $n } mật khẩu đã bị lộ.\n}\n";
        assert!(required_of(PASSWORDS, vi, "vi").is_empty());
        // English has `one`: an English translation of it must state them.
        assert_eq!(required_of(PASSWORDS, vi, "en"), ["1", "2"]);
    }

    #[test]
    fn a_number_in_the_other_variant_is_still_required() {
        let en = "a = { $n ->\n    [one] One tab in 2 windows\n   *[other] { $n } tabs in 2 windows\n}\n";
        assert_eq!(required_of(en, "a = { $n } thẻ\n", "vi"), ["2"]);
        // Outside the selector too.
        let en = "a = On October 25: { $n ->\n    [one] one tab\n   *[other] { $n } tabs\n}\n";
        assert_eq!(required_of(en, "a = x\n", "vi"), ["10", "25"]);
    }

    #[test]
    fn a_number_in_a_selector_that_is_not_plural_is_still_required() {
        // A term attribute is not a number: its `[one]` is a plain key, chosen anywhere.
        let en = "a = { -brand.kind ->\n    [one] 1 app\n   *[other] apps\n}\n";
        assert_eq!(required_of(en, "a = ứng dụng\n", "vi"), ["1"]);
        // Keys that are not all plural categories make no plural selector either.
        let en = "a = { $n ->\n    [one] 1 app\n    [masculine] 3 apps\n   *[other] apps\n}\n";
        assert_eq!(required_of(en, "a = ứng dụng\n", "vi"), ["1", "3"]);
    }

    #[test]
    fn a_default_variant_is_shown_in_every_locale() {
        let en = "a = { $n ->\n   *[one] 1 app\n    [other] { $n } apps\n}\n";
        assert_eq!(required_of(en, "a = ứng dụng\n", "vi"), ["1"]);
    }

    #[test]
    fn an_exact_number_key_is_chosen_in_every_locale() {
        let en = "a = { $n ->\n    [0] No tab in 3 windows\n    [1] Cancel 1 download\n   *[other] { $n } tabs\n}\n";
        // `[0]` is chosen in Vietnamese too: its 3 is required; the 1 of `[1]` is its
        // key, which a translation states with a `[1]` of its own or with `{ $n }`.
        let own_key = "a = { $n ->\n    [1] Hủy một tập tin\n   *[other] { $n } thẻ\n}\n";
        assert_eq!(required_of(en, own_key, "vi"), ["3"]);
        assert_eq!(required_of(en, "a = Hủy { $n } tập tin\n", "vi"), ["3"]);
        // A translation that says neither leaves the number unsaid.
        assert_eq!(required_of(en, "a = Hủy tập tin\n", "vi"), ["1", "3"]);
    }

    #[test]
    fn a_number_of_a_key_under_a_locale_cldr_does_not_know_is_required() {
        assert!(categories("xx-unknown").is_none());
        assert_eq!(required_of(PASSWORDS, "a = x\n", "xx-unknown"), ["1", "2"]);
    }
}
