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
that no resource of the same locale defines. When `[bundles]` in `songngu.toml` puts the
file in a bundle, the id must be defined in a file of its bundles: the app loads only
those. A file that no bundle names may use what any file of the locale defines.

## Why it matters
At run time the reference cannot be resolved: readers see `{-convention}` or `{???}` in
the middle of the sentence, and the runtime reports an error.

## Example
    signing-opens-title = Lễ mở ký { -hanoi-conventon }

(misspelt; `locales/vi/shared.ftl` defines `-hanoi-convention`).

## How to fix
Correct the id, or define the missing term in the locale's shared resource (and, with
`[bundles]`, make sure that resource is in the file's bundle).",
};

impl Check for UnknownReference {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_locale(&self, cx: &LocaleCx<'_>, out: &mut Vec<Diagnostic>) {
        let index = cx.index;
        let resolver = cx.resolver();
        let mut attributes: nohash_hasher::IntMap<u32, &[Name]> =
            std::collections::HashMap::with_capacity_and_hasher(index.attributes.len(), Default::default());
        for (def, names) in &index.attributes {
            attributes.insert(*def, names);
        }
        for used in &index.uses {
            let file = index.definitions[used.from as usize].file;
            // What the reference gets where it is: the file's own definition, else the
            // first of a file it is loaded with (any file of the locale, unless
            // `[bundles]` names this one).
            let problem = match resolver.resolve(file, used.key) {
                Ok(d) => match used.attribute {
                    Some(attribute) if !attributes.get(&d).is_some_and(|names| names.contains(&attribute)) => {
                        Problem::Attribute
                    }
                    _ => continue,
                },
                Err(None) => Problem::Nowhere,
                Err(Some(d)) => Problem::Outside(d),
            };
            let (Some((site, key)), Some((_, from))) = (cx.site(file, used.offset), cx.definition(used.from)) else {
                continue;
            };
            let kind = if key.starts_with('-') { "term" } else { "message" };
            let message = match problem {
                Problem::Attribute => {
                    let attribute = cx.attribute_after(&site, file).unwrap_or_default();
                    format!("`{key}` has no attribute `.{attribute}`")
                }
                Problem::Nowhere => format!("no resource of {} defines the {kind} `{key}`", index.locale),
                Problem::Outside(d) => {
                    let bundles: Vec<String> = resolver.bundles_of(file).iter().map(|b| format!("`{b}`")).collect();
                    let there = &index.files[index.definitions[d as usize].file as usize].display;
                    let plural = if bundles.len() == 1 { "" } else { "s" };
                    format!(
                        "no resource of this file's bundle{plural} {} defines the {kind} `{key}`; {there} does, but is not loaded with it",
                        super::list(&bundles)
                    )
                }
            };
            out.push(INFO.at_site(&index.locale, &site, Some(from), message).label("unknown"));
        }
    }
}

/// Why a reference does not resolve.
enum Problem {
    /// The entry it gets has no such attribute.
    Attribute,
    /// No file of the locale defines the id.
    Nowhere,
    /// Only files outside the referring file's bundles define it (the first of them).
    Outside(u32),
}
