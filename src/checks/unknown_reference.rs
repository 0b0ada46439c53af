//! `unknown-reference`: a reference to a message or term that the locale does not define.

use std::collections::BTreeMap;

use super::{Check, CheckInfo, LocaleCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct UnknownReference;

static INFO: CheckInfo = CheckInfo {
    code: "unknown-reference",
    severity: Severity::Error,
    summary: "a reference to a message or term that no resource of the locale defines",
    doc: "\
## What it finds
A `{ message }`, `{ message.attribute }` or `{ -term }` reference to an id (or attribute)
that no resource of the same locale defines.

## Why it matters
At run time the reference cannot be resolved: readers see `{-convention}` or `{???}` in
the middle of the sentence, and the runtime reports an error.

## Example
    signing-opens-title = Lễ mở ký { -hanoi-conventon }

(misspelt; `locales/vi/shared.ftl` defines `-hanoi-convention`).

## How to fix
Correct the id, or define the missing term in the locale's shared resource.",
};

impl Check for UnknownReference {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_locale(&self, cx: &LocaleCx<'_>, out: &mut Vec<Diagnostic>) {
        let mut defined: BTreeMap<&str, &[String]> = BTreeMap::new();
        for def in &cx.index.definitions {
            defined.entry(def.key.as_str()).or_insert(&def.attributes);
        }
        for used in &cx.index.uses {
            let message = match (defined.get(used.key.as_str()), &used.attribute) {
                (None, _) => {
                    let kind = if used.key.starts_with('-') { "term" } else { "message" };
                    format!("no resource of {} defines the {kind} `{}`", cx.index.locale, used.key)
                }
                (Some(attributes), Some(attr)) if !attributes.contains(attr) => {
                    format!("`{}` has no attribute `.{attr}`", used.key)
                }
                _ => continue,
            };
            out.push(INFO.at_site(&cx.index.locale, &used.site, Some(used.from.clone()), message).label("unknown"));
        }
    }
}
