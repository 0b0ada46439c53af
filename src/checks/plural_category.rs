//! `plural-category`: plural variants that do not match the locale's CLDR categories.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory as Category, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use super::{list, Check, CheckInfo, FileCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::{walk, Node};

pub struct PluralCategory;

static INFO: CheckInfo = CheckInfo {
    code: "plural-category",
    severity: Severity::Warning,
    summary: "plural variants that the locale's CLDR plural rules never choose, or lack",
    doc: "\
## What it finds
In a select expression on a number (`{ $count -> … }`), variant keys that are CLDR
plural categories (zero, one, two, few, many, other):
- a category the locale does not have, which is never chosen: Vietnamese has only
  `other`, so `[one]` in a Vietnamese file is dead text;
- a category the locale has that the expression lacks: English needs `[one]` beside
  `*[other]`, or \"1 delegations\" is shown.
The categories come from the CLDR data of `intl_pluralrules`, not from a hand list.

## Why it matters
A translator who copies the English `[one]` variant believes it is used; it is not. A
missing category makes the default variant speak for numbers it was not written for.

## Example
    delegations = { $count ->
        [one] một đoàn
       *[other] { $count } đoàn
    }

## How to fix
Keep exactly the categories of the locale. For Vietnamese, one `*[other]` variant;
exact numbers such as `[0]` or `[1]` are always allowed.",
};

pub(super) const NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Check for PluralCategory {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let Some(categories) = categories(cx.locale) else {
            return;
        };
        let file = cx.model.file;
        for entry in &cx.model.entries {
            for (_, pattern) in entry.parts() {
                walk(pattern, &mut |node| {
                    let Node::Select { selector, variants } = node else {
                        return;
                    };
                    if !is_numeric_selector(selector) {
                        return;
                    }
                    let keys: Vec<(&str, usize)> = variants
                        .iter()
                        .filter_map(|v| match &v.key {
                            ast::VariantKey::Identifier { name } => Some((*name, file.offset_of(name))),
                            ast::VariantKey::NumberLiteral { .. } => None,
                        })
                        .collect();
                    if !is_plural(&keys.iter().map(|(k, _)| *k).collect::<Vec<_>>()) {
                        return;
                    }
                    for (key, offset) in &keys {
                        if !categories.contains(key) {
                            out.push(
                                INFO.at(
                                    file,
                                    *offset..offset + key.len(),
                                    Some(entry.key()),
                                    format!(
                                        "`[{key}]` is never chosen in {}: its plural categories are {}",
                                        cx.locale,
                                        list(&categories.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>())
                                    ),
                                )
                                .label("never chosen"),
                            );
                        }
                    }
                    let lacking: Vec<String> = categories
                        .iter()
                        .filter(|c| !keys.iter().any(|(k, _)| k == *c))
                        .map(|c| format!("`[{c}]`"))
                        .collect();
                    if !lacking.is_empty() {
                        let (_, offset) = keys[0];
                        out.push(
                            INFO.at(
                                file,
                                offset..offset + keys[0].0.len(),
                                Some(entry.key()),
                                format!("this plural selector lacks {} for {}", list(&lacking), cx.locale),
                            )
                            .label("incomplete plural"),
                        );
                    }
                });
            }
        }
    }
}

pub(super) fn is_numeric_selector(selector: &ast::InlineExpression<&str>) -> bool {
    match selector {
        ast::InlineExpression::VariableReference { .. } | ast::InlineExpression::NumberLiteral { .. } => true,
        ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
        _ => false,
    }
}

/// Whether a numeric selector with these identifier keys (numeric keys left out) is a
/// plural selector: only selectors whose keys are all plural categories are;
/// `[masculine]` or a lone `*[other]` say nothing.
pub(super) fn is_plural(keys: &[&str]) -> bool {
    !keys.is_empty() && keys.iter().all(|k| NAMES.contains(k)) && !keys.iter().all(|k| *k == "other")
}

/// The CLDR cardinal categories of a locale, or `None` when CLDR has no rules for it.
///
/// `intl_pluralrules` can select a category for a number but cannot list a locale's
/// categories, so they are found by selecting over a sample that reaches every category
/// CLDR defines: integers 0–200, a few large ones, and decimals with one and two digits.
pub fn categories(locale: &str) -> Option<Vec<&'static str>> {
    // Asked for every file; found out once per locale (it tries a few hundred numbers).
    static KNOWN: std::sync::Mutex<BTreeMap<String, Option<Vec<&'static str>>>> =
        std::sync::Mutex::new(BTreeMap::new());
    let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    known.entry(locale.to_string()).or_insert_with(|| categories_of(locale)).clone()
}

fn categories_of(locale: &str) -> Option<Vec<&'static str>> {
    let langid: LanguageIdentifier = locale.parse().ok()?;
    let rules = PluralRules::create(langid, PluralRuleType::CARDINAL).ok()?;
    let mut found = BTreeSet::new();
    let mut add = |n: &str| {
        if let Ok(category) = rules.select(n) {
            found.insert(category_name(category));
        }
    };
    for i in 0..=200u32 {
        add(&i.to_string());
    }
    for n in ["1000", "10000", "100000", "1000000", "1000000.0", "10000000"] {
        add(n);
    }
    for whole in 0..=12u32 {
        for tenth in 0..=9u32 {
            add(&format!("{whole}.{tenth}"));
            add(&format!("{whole}.{tenth}1"));
        }
    }
    let order = |c: &&str| NAMES.iter().position(|n| n == c);
    let mut list: Vec<&'static str> = found.into_iter().collect();
    list.sort_by_key(order);
    Some(list)
}

fn category_name(category: Category) -> &'static str {
    match category {
        Category::ZERO => "zero",
        Category::ONE => "one",
        Category::TWO => "two",
        Category::FEW => "few",
        Category::MANY => "many",
        Category::OTHER => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_come_from_cldr() {
        assert_eq!(categories("vi").unwrap(), ["other"]);
        assert_eq!(categories("en").unwrap(), ["one", "other"]);
        assert_eq!(categories("pl").unwrap(), ["one", "few", "many", "other"]);
        assert_eq!(categories("ar").unwrap(), NAMES);
    }
}
