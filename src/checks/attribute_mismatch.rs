//! `attribute-mismatch`: a message's attributes differ between reference and translation.

use super::{list, Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct AttributeMismatch;

static INFO: CheckInfo = CheckInfo {
    code: "attribute-mismatch",
    severity: Severity::Error,
    summary: "a message's attributes differ from the reference's",
    doc: "\
## What it finds
A message of the translation that lacks an attribute of the reference (`.title`,
`.alt`, `.aria-label`: error), or has one the reference does not (warning). Terms are
not compared: their attributes are private to each language.

## Why it matters
Apps ask for attributes by name. A missing `.alt` leaves an image without its text for
blind readers of that locale; an extra one is never shown.

## Example
    # en
    photo = { -vna } photo
        .alt = Delegates at the signing ceremony
    # vi
    photo = Ảnh { -vna }

## How to fix
Give the translation exactly the attributes of the reference, with the same names.",
};

impl Check for AttributeMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        if cx.target.is_term {
            return;
        }
        let names = |e: &crate::model::Entry<'_>| -> Vec<String> {
            e.attributes.iter().map(|a| a.id.name.to_string()).collect()
        };
        let reference = names(cx.reference);
        let target = names(cx.target);
        let lacking: Vec<String> =
            reference.iter().filter(|a| !target.contains(a)).map(|a| format!("`.{a}`")).collect();
        let extra: Vec<String> = target.iter().filter(|a| !reference.contains(a)).map(|a| format!("`.{a}`")).collect();
        let file = cx.target_file.file;
        if !lacking.is_empty() {
            out.push(
                INFO.at_entry(file, cx.target, format!("the translation lacks {}", list(&lacking)))
                    .label("attribute missing"),
            );
        }
        if !extra.is_empty() {
            out.push(
                INFO.at_entry(file, cx.target, format!("{} is not in the reference", list(&extra)))
                    .severity(Severity::Warning)
                    .label("extra attribute"),
            );
        }
    }
}
