//! `reference-mismatch`: the translation refers to other messages or terms than the
//! reference.

use std::collections::BTreeSet;

use super::{list, Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::references;

pub struct ReferenceMismatch;

static INFO: CheckInfo = CheckInfo {
    code: "reference-mismatch",
    severity: Severity::Warning,
    summary: "the translation refers to other messages or terms than the reference",
    doc: "\
## What it finds
A translation that references a message or term (`{ -convention }`, `{ other-message }`)
the reference entry does not, or leaves out one it does.

## Why it matters
Terms keep names consistent: the convention, the ministries and the venue are spelled
one way everywhere. A translation that writes a term's text out by hand drifts when the
term changes; one that uses another term may name the wrong organisation.

## Example
    # en
    signing-opens-p1 = The { -convention } opens at the { -venue }.
    # vi
    signing-opens-p1 = { -convention } khai mạc tại Trung tâm Hội nghị Quốc gia.

## How to fix
Use the same terms as the reference, in whatever order the sentence needs.",
};

impl Check for ReferenceMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        if !cx.has_placeables() {
            return;
        }
        let names = |refs: Vec<crate::ftl::model::Reference<'_>>| -> BTreeSet<String> {
            refs.into_iter()
                .map(|r| match r.attribute {
                    // Term attributes are private to each locale (grammatical gender…).
                    Some(attr) if !r.key.starts_with('-') => format!("{}.{attr}", r.key),
                    _ => r.key,
                })
                .collect()
        };
        let reference = names(references(cx.reference_file.file, cx.reference));
        let target = names(references(cx.target_file.file, cx.target));
        if reference == target {
            return;
        }
        let quote = |set: BTreeSet<&String>| -> Vec<String> { set.into_iter().map(|k| format!("`{k}`")).collect() };
        let extra = quote(target.difference(&reference).collect());
        let lacking = quote(reference.difference(&target).collect());
        let mut parts = Vec::new();
        if !lacking.is_empty() {
            parts.push(format!("does not use {}", list(&lacking)));
        }
        if !extra.is_empty() {
            parts.push(format!("uses {}, which the reference does not", list(&extra)));
        }
        out.push(
            INFO.at_entry(cx.target_file.file, cx.target, format!("the translation {}", parts.join(" and ")))
                .label("references differ"),
        );
    }
}
