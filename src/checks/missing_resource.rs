//! `missing-resource`: a reference resource with no file at all in a target locale.

use super::{Check, CheckInfo, GroupCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct MissingResource;

static INFO: CheckInfo = CheckInfo {
    code: "missing-resource",
    severity: Severity::Error,
    summary: "a whole resource has no file in a target locale",
    doc: "\
## What it finds
A `.ftl` file of the reference locale (an announcement, or the shared terms) that has no
counterpart at the same path in a target locale. The finding points at the reference
file; every entry in it counts as missing in that locale.

## Why it matters
Readers of that locale see none of the announcement: apps fall back to the reference
language for every line, or show raw ids.

## Example
`locales/en/signing-opens.ftl` exists, `locales/vi/signing-opens.ftl` does not.

## How to fix
Run `songngu sync vi` (for vi): it creates the file with a marked copy of every entry
of the reference, which you then translate. Or create it by hand at the same path.",
};

impl Check for MissingResource {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_group(&self, cx: &GroupCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let Some(reference) = cx.reference else {
            return;
        };
        for (locale, target) in cx.targets {
            if target.is_none() {
                let count = reference.entries.len();
                out.push(
                    INFO.at(
                        reference.file,
                        0..0,
                        None,
                        format!(
                            "{} does not exist: all {count} entries of this resource are missing in {locale}",
                            (cx.display_path)(locale)
                        ),
                    )
                    .for_locale(*locale)
                    .help(format!(
                        "run `songngu sync {locale}` to create {} with copies to translate",
                        (cx.display_path)(locale)
                    )),
                );
            }
        }
    }
}
