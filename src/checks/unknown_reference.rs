//! `unknown-reference`: a reference to a message or term that the locale does not define.

use super::{Check, CheckInfo, LocaleCx, Name};
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
        let index = cx.index;
        let mut attributes: nohash_hasher::IntMap<u32, &[Name]> =
            std::collections::HashMap::with_capacity_and_hasher(index.attributes.len(), Default::default());
        for (def, names) in &index.attributes {
            attributes.insert(*def, names);
        }
        let mut defined: nohash_hasher::IntMap<Name, &[Name]> =
            std::collections::HashMap::with_capacity_and_hasher(index.definitions.len(), Default::default());
        for (i, def) in index.definitions.iter().enumerate() {
            defined.entry(def.key).or_insert_with(|| attributes.get(&(i as u32)).copied().unwrap_or(&[]));
        }
        for used in &index.uses {
            let unknown_attribute = match (defined.get(&used.key), used.attribute) {
                (None, _) => false,
                (Some(names), Some(attribute)) if !names.contains(&attribute) => true,
                _ => continue,
            };
            let file = index.definitions[used.from as usize].file;
            let (Some((site, key)), Some((_, from))) = (cx.site(file, used.offset), cx.definition(used.from)) else {
                continue;
            };
            let message = if unknown_attribute {
                let attribute = cx.attribute_after(&site, file).unwrap_or_default();
                format!("`{key}` has no attribute `.{attribute}`")
            } else {
                let kind = if key.starts_with('-') { "term" } else { "message" };
                format!("no resource of {} defines the {kind} `{key}`", index.locale)
            };
            out.push(INFO.at_site(&index.locale, &site, Some(from), message).label("unknown"));
        }
    }
}
