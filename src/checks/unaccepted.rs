//! `unaccepted`: a translation nobody has marked as done yet.

use super::{Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::records::lockfile::RecordState;

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
        let edited = match cx.record_state() {
            RecordState::Unrecorded => false,
            RecordState::Edited => true,
            RecordState::Current | RecordState::Drifted { .. } => return,
        };
        let message = if edited { "edited since it was accepted" } else { "not accepted yet" };
        // Put together with `concat`, not `format!`: there is one of these for every entry
        // of a project nobody has accepted yet.
        let help = ["when it is done: songngu accept ", cx.target_locale, " ", cx.target.id].concat();
        out.push(INFO.at_entry(cx.target_file.file, cx.target, message).label("unaccepted").help(help));
    }
}
