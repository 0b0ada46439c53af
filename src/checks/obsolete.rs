//! `obsolete`: an entry of a target resource that the reference no longer has.

use super::{Check, CheckInfo, GroupCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct Obsolete;

static INFO: CheckInfo = CheckInfo {
    code: "obsolete",
    severity: Severity::Warning,
    summary: "a translated entry no longer exists in the reference",
    doc: "\
## What it finds
A message or term in a target locale's resource whose id the reference resource does not
define (any more), or a whole target file with no reference file at that path. Also a
translation record (`x.ftl.lock`) left behind by a file that no longer exists.

## Why it matters
The paragraph was removed or renamed in the source. The old translation is dead weight:
no app asks for it, and if the id was renamed, the new id is missing while its text sits
here under the old one.

## Example
`locales/vi/signing-opens.ftl` has `signing-opens-p13`; the English reference ends at
`signing-opens-p12`.

## How to fix
Delete the entry, or, if the source paragraph was only renamed, move the translation to
the new id. `songngu sync vi --prune` moves every obsolete entry of vi to the end of its
file, commented out, so its words stay at hand. Delete a record whose file is gone (or
bring the file back, and its translations count as accepted again).",
};

/// A translation record whose resource file is gone: `lock` is its path as shown.
pub fn orphan_lock(locale: &str, lock: &str) -> Diagnostic {
    let file = lock.strip_suffix(".lock").unwrap_or(lock);
    let site = super::Site { file: lock.to_string(), line: 1, column: 1, span: 0..0 };
    INFO.at_site(locale, &site, None, format!("this translation record belongs to {file}, which does not exist"))
        .label("no such file")
        .help(format!("delete {lock}, or restore {file}"))
}

impl Check for Obsolete {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_group(&self, cx: &GroupCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        for (locale, target) in cx.targets {
            let Some(target) = target else { continue };
            for entry in &target.entries {
                let key = entry.id;
                if cx.reference.is_some_and(|r| r.contains(key)) {
                    continue;
                }
                // The reference has it, but the parser cannot read it there (a syntax
                // error, reported in the reference): its translation is not obsolete, and
                // `sync --prune` must not set it aside.
                if cx.reference.is_some_and(|r| r.has_unreadable(key)) {
                    continue;
                }
                let (message, help) = match cx.reference {
                    Some(reference) => (
                        format!("`{key}` is not in the reference {}", reference.file.display),
                        format!("`songngu sync {locale} --prune` moves it to the end of the file, commented out"),
                    ),
                    None => {
                        let reference = (cx.display_path)(cx.reference_locale);
                        (
                            format!("`{key}` has no reference: {reference} does not exist"),
                            format!("delete {}, or move it to where its reference is now", target.file.display),
                        )
                    }
                };
                out.push(INFO.at_entry(target.file, entry, message).label("no longer in the reference").help(help));
            }
        }
    }
}
