//! `number-mismatch`: a number of the reference that the translation does not state.

use super::{list, Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::plain_text;
use crate::text::language;
use crate::text::numbers::{facts, Fact};

pub struct NumberMismatch;

static INFO: CheckInfo = CheckInfo {
    code: "number-mismatch",
    severity: Severity::Warning,
    summary: "a number, time or date of the reference is not in the translation",
    doc: "\
## What it finds
A number in the reference's text (outside placeables) that the translation does not
state. Numbers are compared by value, in each language's own way of writing them:
- thousands and decimals: `2,500` (en) = `2.500` (vi), `1.5` = `1,5`; a translation
  written with the other convention still matches;
- times: `9:00` = `9 giờ` = `9h00` = `9h`; `9 p.m.` = `21 giờ`;
- dates: English month names count as their number, so `October 25` = `25/10` =
  `25 tháng 10`; leading zeros do not matter (`08/10` = `October 8`);
- ordinals: `80th` = `80`.
Numbers written as words (`two`, `hai`) are not read.

When the reference changed since the translation was accepted, a figure that came with
that change is left to the `drifted` finding, which shows it in its diff; only figures
the old reference already had are reported here.

## Why it matters
A translation that says 60 where the source says 72, or drops a date, is wrong in the
one place readers trust most.

## Example
    # en
    signing-outcome-p1 = 72 countries signed the convention.
    # vi
    signing-outcome-p1 = 60 quốc gia đã ký công ước.

## How to fix
Make the translation state the same figures, dates and times as the reference.",
};

impl Check for NumberMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let reference_language = language(cx.reference_locale);
        let target_language = language(cx.target_locale);
        let mut lacking: Vec<Fact> = Vec::new();
        for (part, reference_pattern) in cx.reference.parts() {
            let Some((_, target_pattern)) = cx.target.parts().find(|(p, _)| *p == part) else { continue };
            let stated = facts(&plain_text(reference_pattern), reference_language, false);
            if stated.is_empty() {
                continue;
            }
            let translated = facts(&plain_text(target_pattern), target_language, true);
            lacking.extend(stated.into_iter().filter(|fact| !translated.contains(fact)));
        }
        // A figure that arrived with a change of the reference is the drift's to report.
        if let Some(record) = cx.record.filter(|r| r.reference != cx.texts().reference_fingerprint) {
            let before = facts(crate::ftl::fingerprint::body(&record.source), reference_language, false);
            lacking.retain(|fact| before.contains(fact));
        }
        if lacking.is_empty() {
            return;
        }
        lacking.sort();
        lacking.dedup();
        let names: Vec<String> = lacking.iter().map(|f| format!("`{f}`")).collect();
        out.push(
            INFO.at_entry(
                cx.target_file.file,
                cx.target,
                format!("the translation does not state {} of the {} reference", list(&names), cx.reference_locale),
            )
            .label("number missing"),
        );
    }
}
