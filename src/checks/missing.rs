//! `missing`: an entry of the reference that a target resource lacks.

use super::{Check, CheckInfo, GroupCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct Missing;

static INFO: CheckInfo = CheckInfo {
    code: "missing",
    severity: Severity::Error,
    summary: "an entry of the reference is not in the target resource",
    doc: "\
## What it finds
A message or term that the reference resource defines and the same resource of a
target locale does not. The finding points at the entry in the reference file, so you
can see what to translate; its locale is the one that lacks it.

## Why it matters
Readers of that locale get the paragraph in the reference language, or nothing, in the
middle of an otherwise translated announcement.

## Example
`locales/en/signing-opens.ftl` has `signing-opens-p7`; `locales/vi/signing-opens.ftl`
stops at `signing-opens-p6`.

## How to fix
Add the entry to the target file with the same id and translate it: `songngu sync vi`
adds every missing entry of vi for you, as a marked copy of the reference in the right
place. An entry that failed to parse is reported as a `syntax-error` instead of missing.",
};

impl Check for Missing {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_group(&self, cx: &GroupCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let Some(reference) = cx.reference else {
            return;
        };
        for (locale, target) in cx.targets {
            // An unreadable file is one `syntax-error`, not one `missing` per entry.
            let Some(target) = target.filter(|t| t.failure.is_none()) else {
                continue;
            };
            let broken: Vec<&str> = target.unreadable_keys().collect();
            // Each key once, at its first definition.
            for (key, entry) in reference.firsts() {
                if target.contains(key) || broken.contains(&key) {
                    continue;
                }
                // `concat`, not `format!`: a new locale has one of these for every entry.
                let message = ["`", key, "` is missing from ", &target.file.display].concat();
                out.push(
                    INFO.at_entry(reference.file, entry, message)
                        .for_locale(target.file.locale.clone())
                        .label(["not translated in ", locale].concat())
                        .help(["`songngu sync ", locale, "` adds it, as a marked copy to translate"].concat()),
                );
            }
        }
    }
}
