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
        // The names of one entry's attributes that the other lacks, quoted; on the names
        // as written (most entries have the same few, or none).
        let not_in = |from: &crate::ftl::model::Entry<'_>, other: &crate::ftl::model::Entry<'_>| -> Vec<String> {
            from.attributes
                .iter()
                .filter(|a| !other.attributes.iter().any(|o| o.id.name == a.id.name))
                .map(|a| format!("`.{}`", a.id.name))
                .collect()
        };
        let lacking = not_in(cx.reference, cx.target);
        let extra = not_in(cx.target, cx.reference);
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
