//! `value-mismatch`: a message has a value on one side only.

use super::{Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct ValueMismatch;

static INFO: CheckInfo = CheckInfo {
    code: "value-mismatch",
    severity: Severity::Error,
    summary: "a message has a value in the reference but not in the translation, or the reverse",
    doc: "\
## What it finds
A message whose reference has a value (text after `=`) and whose translation has only
attributes (error), or the reverse (warning).

## Why it matters
Apps that format the message itself get nothing in that locale, or an error.

## Example
    # en
    share = Share this article
        .title = Share
    # vi
    share =
        .title = Chia sẻ

## How to fix
Give the translation a value exactly when the reference has one.",
};

impl Check for ValueMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let file = cx.target_file.file;
        match (cx.reference.value.is_some(), cx.target.value.is_some()) {
            (true, false) => out.push(
                INFO.at_entry(file, cx.target, "the reference has a value and the translation does not")
                    .label("no value"),
            ),
            (false, true) => out.push(
                INFO.at_entry(file, cx.target, "the translation has a value and the reference does not")
                    .severity(Severity::Warning)
                    .label("extra value"),
            ),
            _ => {}
        }
    }
}
