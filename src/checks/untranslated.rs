//! `untranslated`: a target entry that is a copy of the reference, or still reads as the
//! reference language.

use super::{Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::plain_text;
use crate::text::language;
use crate::text::names::read;
use crate::text::{has_no_vietnamese_word, has_translatable_words, vietnamese_share};

pub struct Untranslated;

static INFO: CheckInfo = CheckInfo {
    code: "untranslated",
    severity: Severity::Warning,
    summary: "an entry is a copy of the reference or still in the reference language",
    doc: "\
## What it finds
A target entry whose value or attribute is
- an exact copy of the reference that has words to translate: a sentence (two or more
  words in lower case, however many names it has), a label or headline with more
  words of the language than names, or any copy that `songngu sync` added while its
  note (\"a copy, added by `songngu sync`\") is still above it. A copy with nothing to
  translate is fine: only placeables such as `{ -brand-name }` or `{ $count }`, CSS
  like `width: 30em`, or names, brands and codes (`Mozilla Firefox`, `Bosnia and
  Herzegovina`, `US Letter`, `Wi-Fi`, `64-bit`, `yourname@example.com`), which are the
  same in both languages;
- still in the reference language: for Vietnamese, a text with none of ă â đ ê ô ơ ư
  and no tone mark and with three or more English words: words its reference file
  writes, and English function words (`the`, `was`, `with`) in any text. Names and
  codes do not count, nor Vietnamese words that happen to have no mark (`Theo trang
  web`, `in trang`); for
  English translated from Vietnamese, a text of three or more words, most of them
  Vietnamese.

Names are told from words without a word list. Codes: all capitals (`HTTPS`), a
capital inside (`ChatGPT`, `Wi-Fi`), a digit, a file or web address. A capitalised
word is a word of the language when it is a month or a weekday, when the reference
file writes it in lower case somewhere (`Session`, if another message says \"this
session\"; a headline's words are in its article), or when it starts a sentence that
goes on in lower case; otherwise it is a name (`Andorra`, `Firefox`). Joining words
(`and`, `of`, `the`) count for neither. So a title-case label whose words its file
never writes in lower case (`Closed Captions` alone in a file) reads as a name and is
not reported: a missed warning costs less than a false one.

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
        // Names, brands and codes are the same in both languages: only the words of the
        // reference's language count ([`crate::text::names`]).
        let reading = |text: &str| read(text, &|word| cx.reference_file.writes_in_lowercase(word));
        // A copy `sync` put there still carries its note: nobody has looked at it yet,
        // names or not (`-hanoi-convention = Hanoi Convention` is `Công ước Hà Nội`).
        let marked_by_sync = cx
            .target
            .comment
            .is_some_and(|c| c.content.iter().any(|line| line.contains(crate::commands::sync::TODO_MARK)));
        for (part, target_pattern) in cx.target.parts() {
            let reference_pattern = cx.reference.parts().find(|(p, _)| *p == part).map(|(_, p)| p);
            let text = plain_text(target_pattern);
            let copied = reference_pattern == Some(target_pattern);
            let still_reference = !copied
                && target_language != reference_language
                && match target_language {
                    "vi" => {
                        has_no_vietnamese_word(&text) && {
                            let reading = reading(&text);
                            reading.words + reading.function_words >= 3
                        }
                    }
                    _ if reference_language == "vi" => {
                        let (vietnamese, total) = vietnamese_share(&text);
                        total >= 3 && vietnamese * 2 > total
                    }
                    _ => false,
                };
            // A copy made of names and codes (`Mozilla Firefox`, `Bosnia and Herzegovina`,
            // `US Letter`) is right as it is. A sentence is not, however many names it
            // has: it has words in lower case (a name has none but `and`, `of`…); nor is a
            // label or headline with more words of the language than names. Asked last:
            // most translations are neither a copy nor still in the reference language,
            // and are known to be fine without it.
            let untranslated = (copied || still_reference)
                && has_translatable_words(&text)
                && (still_reference || marked_by_sync || {
                    let reading = reading(&text);
                    reading.lowercase >= 2 || reading.words > reading.names
                });
            if untranslated {
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
