//! `variable-mismatch`: the translation uses other `$variables` than the reference.

use super::{list, Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::variables;

pub struct VariableMismatch;

static INFO: CheckInfo = CheckInfo {
    code: "variable-mismatch",
    severity: Severity::Error,
    summary: "the translation uses variables the reference does not pass, or drops one",
    doc: "\
## What it finds
- A `$variable` in the translation that the reference does not use (error): the app
  never passes it, so readers see `{$variable}` or an error in its place.
- A `$variable` the reference shows and the translation drops (warning): a figure, a
  name or a date is lost from the sentence. A variable the reference only uses to choose
  a plural form (`{ $count -> … }`) may be dropped: Vietnamese has no plural forms.

## Why it matters
Variables carry the facts the app fills in at run time; a misspelt or invented one
breaks the sentence for every reader of that locale.

## Example
    # en
    delegates = { $count } delegates from { $country }
    # vi
    delegates = { $count } đại biểu

## How to fix
Use exactly the variable names of the reference (they are code, never translated) and
keep every variable whose value appears in the text.",
};

impl Check for VariableMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        if !cx.has_placeables() {
            return;
        }
        let file = cx.target_file.file;
        let reference = variables(cx.reference_file.file, cx.reference);
        let target = variables(file, cx.target);
        for (name, used) in &target {
            if !reference.contains_key(name) {
                out.push(
                    INFO.at(
                        file,
                        used.offset..used.offset + name.len() + 1,
                        Some(cx.target.key()),
                        format!("`${name}` is not a variable of the {} reference", cx.reference_locale),
                    )
                    .label("unknown variable")
                    .help(if reference.is_empty() {
                        "the reference uses no variables".to_string()
                    } else {
                        let names: Vec<String> = reference.keys().map(|n| format!("`${n}`")).collect();
                        format!("the reference uses {}", list(&names))
                    }),
                );
            }
        }
        let dropped: Vec<String> = reference
            .iter()
            .filter(|(name, used)| used.shown && !target.contains_key(*name))
            .map(|(name, _)| format!("`${name}`"))
            .collect();
        if !dropped.is_empty() {
            out.push(
                INFO.at_entry(
                    file,
                    cx.target,
                    format!("the translation drops {} of the {} reference", list(&dropped), cx.reference_locale),
                )
                .severity(Severity::Warning)
                .label("variable dropped"),
            );
        }
    }
}
