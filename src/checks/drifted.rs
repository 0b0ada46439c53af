//! `drifted`: the reference changed since its translation was accepted.

use super::{Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::fingerprint;
use crate::records::drift::Drift;
use crate::records::lockfile::RecordState;

pub struct Drifted;

static INFO: CheckInfo = CheckInfo {
    code: "drifted",
    severity: Severity::Warning,
    summary: "the reference text changed after its translation was accepted",
    doc: "\
## What it finds
A translation that was accepted when the reference said one thing, and the reference now
says something else. The finding shows the reference's old → new text as a word diff
(deleted words struck out, inserted words marked; a placeable such as `{ -convention }`
is one word, and a value only broken onto other lines marks nothing) and a class:
- `facts` (error): a number, date, URL or name was added, removed or changed;
- `wording` (warning): other words changed;
- `cosmetic` (info): only whitespace, punctuation or letter case changed.
Reformatting a file (indentation, blank lines, comments) is never drift.

## Why it matters
The translation still reads well, so nobody notices that it now says \"60 countries\"
where the source says \"72\". For news, a stale figure is the costliest mistake.

## Example
    signing-opens-p3: reference changed (facts): … from [-60-]{+72+} countries …

## How to fix
Read the diff, update the translation to say the same as the new reference, then run
`songngu accept vi ID`. If only punctuation changed and the translation needs nothing,
`songngu accept vi --cosmetic` records all such entries at once.",
};

impl Check for Drifted {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let (Some(record), RecordState::Drifted { translation_edited: revised }) = (cx.record, cx.record_state())
        else {
            return;
        };
        let drift = Drift::new(fingerprint::body(&record.source), fingerprint::body(&cx.texts().reference_canonical));
        let class = drift.class;
        // The new facts the translation does not state yet: `accept` refuses it until it does.
        let lacking = if class == crate::records::drift::DriftClass::Facts {
            crate::engine::stated::unstated_facts(
                (&record.source, &cx.texts().reference_canonical),
                &cx.target.canonical(),
                cx.reference_locale,
                cx.target_locale,
            )
        } else {
            Default::default()
        };
        let accept = format!("songngu accept {} {}", cx.target_locale, cx.target.key());
        let mut diagnostic = INFO
            .at_entry(
                cx.target_file.file,
                cx.target,
                format!(
                    "the {} reference changed ({}) since this translation was accepted",
                    cx.reference_locale,
                    class.as_str()
                ),
            )
            .severity(class.severity())
            .label(format!("drifted: {}", class.as_str()))
            .help(if !lacking.is_empty() {
                format!("{lacking}: update the translation, then `{accept}`")
            } else if revised {
                format!("the translation was edited since: revised? `{accept}`")
            } else if class == crate::records::drift::DriftClass::Cosmetic {
                format!(
                    "if the translation needs no change: `{accept}` (or `songngu accept {} --cosmetic` for all such entries)",
                    cx.target_locale
                )
            } else {
                format!("update the translation, then `{accept}`")
            });
        diagnostic.drift = Some(Box::new(drift));
        out.push(diagnostic);
    }
}
