//! `untranslated`: a target entry that is a copy of the reference, or still reads as the
//! reference language.

use super::{Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::plain_text;
use crate::text::language;
use crate::text::{has_no_vietnamese_word, has_translatable_words, vietnamese_share};

pub struct Untranslated;

static INFO: CheckInfo = CheckInfo {
    code: "untranslated",
    severity: Severity::Warning,
    summary: "an entry is a copy of the reference or still in the reference language",
    doc: "\
## What it finds
A target entry whose value or attribute is
- an exact copy of the reference (values with no words to translate are fine: only
  placeables such as `{ -brand-name }` or `{ $count }`, or CSS like `width: 30em`), or
- still in the reference language: for Vietnamese, a text of three or more words with
  none of ă â đ ê ô ơ ư and no tone mark; for English translated from Vietnamese, a text
  of three or more words, most of them Vietnamese.

## Why it matters
A copied English paragraph in a Vietnamese announcement passes every syntax check and
ships to readers untranslated. These usually come from a placeholder copy (`sync`) that
nobody went back to.

## Example
    signing-opens-p2 = The ceremony will bring together representatives…

in `locales/vi/signing-opens.ftl`.

## How to fix
Translate the text. If the copy is right (a proper name, a brand, a code), accept it by
name, `songngu accept vi ID`: it is recorded as an intentional copy, and this check is
quiet about it until the reference or the translation changes.

An entry that is the same in every language (a brand, a product name, a unit) can say so
once, in the comment right above it in the reference file:

    # songngu-allow: untranslated
    -brand-name = Songngu

That silences `untranslated` for it in every locale, now and after any later change (in
a translation's file, for that locale only). `songngu explain unused-suppression` tells
more.",
};

impl Check for Untranslated {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        // Accepted by name as an intentional copy, and neither side changed since.
        if cx.record.is_some_and(|r| r.copy) && cx.record_state() == crate::records::lockfile::RecordState::Current {
            return;
        }
        let target_language = language(cx.target_locale);
        let reference_language = language(cx.reference_locale);
        for (part, target_pattern) in cx.target.parts() {
            let reference_pattern = cx.reference.parts().find(|(p, _)| *p == part).map(|(_, p)| p);
            let text = plain_text(target_pattern);
            let copied = reference_pattern == Some(target_pattern);
            let still_reference = !copied
                && target_language != reference_language
                && match target_language {
                    "vi" => has_no_vietnamese_word(&text),
                    _ if reference_language == "vi" => {
                        let (vietnamese, total) = vietnamese_share(&text);
                        total >= 3 && vietnamese * 2 > total
                    }
                    _ => false,
                };
            // Asked last: most translations are neither a copy nor still in the reference
            // language, and are known to be fine without it.
            if (copied || still_reference) && has_translatable_words(&text) {
                let what =
                    if part == crate::ftl::model::Part::Value { String::from("the text") } else { format!("`{part}`") };
                let message = if copied {
                    format!("{what} is a copy of the {} reference", cx.reference_locale)
                } else {
                    format!("{what} still reads as {}, not {}", cx.reference_locale, cx.target_locale)
                };
                out.push(
                    INFO.at_entry(cx.target_file.file, cx.target, message)
                        .label("untranslated")
                        .help(format!("translate it into {}", cx.target_locale)),
                );
                return;
            }
        }
    }
}
