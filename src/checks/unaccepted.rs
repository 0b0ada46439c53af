//! `unaccepted`: a translation nobody has marked as done yet.

use super::{Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct Unaccepted;

static INFO: CheckInfo = CheckInfo {
    code: "unaccepted",
    severity: Severity::Info,
    summary: "a translation that has not been accepted (recorded as done) yet",
    doc: "\
## What it finds
A translated entry with no translation record, or whose text was edited after it was
accepted while the reference stayed the same. The record (the `.ftl.lock` file beside
the translation) remembers what the reference said when the translation was accepted;
without it, songngu cannot tell you later when the source changes.

## Why it matters
Only accepted translations are watched for drift. An unaccepted one may be a draft.

## Example
A translator adds `signing-opens-p13` to `locales/vi/signing-opens.ftl` and has not run
`songngu accept vi` yet.

## How to fix
When the translation is done, run `songngu accept vi` (all new and edited entries) or
`songngu accept vi ID` (one entry).",
};

impl Check for Unaccepted {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let edited = match cx.record {
            None => false,
            Some(record) => {
                let reference_same = record.reference == cx.reference_fingerprint;
                let translation_changed = record.translation != cx.target_fingerprint;
                if !(reference_same && translation_changed) {
                    return;
                }
                true
            }
        };
        let message = if edited { "edited since it was accepted".to_string() } else { "not accepted yet".to_string() };
        out.push(INFO.at_entry(cx.target_file.file, cx.target, message).label("unaccepted").help(format!(
            "when it is done: songngu accept {} {}",
            cx.target_locale,
            cx.target.key()
        )));
    }
}
