//! `glossary`: a name the project's glossary fixes, rendered another way.

use super::{Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::plain_text;
use crate::interchange::tbx::{words, Concept, Status};
use crate::text::language;

pub struct Glossary;

static INFO: CheckInfo = CheckInfo {
    code: "glossary",
    severity: Severity::Warning,
    summary: "a name of the project's glossary is rendered otherwise in the translation",
    doc: "\
## What it finds
A term of the project's glossary (`glossary.tbx` at the project root, or the files named
by `glossary = [...]` in `songngu.toml`: TBX, or CSV `source,target,note`) that appears
in the reference, while the translation has none of the renderings the glossary allows.
A term is looked for in the reference by its preferred form; in the translation any
preferred or admitted rendering will do. A rendering the glossary marks deprecated (or
forbidden) is an error; a term marked
\"do not translate\" must appear unchanged. Words are matched whole, whatever their case
and however their diacritics were typed (NFC).

## Why it matters
An official body named two ways across articles (\"Đại hội đồng LHQ\" here, \"Đại hội
đồng Liên hợp quốc\" there) reads as two bodies, and a non-standard name for a UN office
is an error a reader notices.

## Example
The glossary gives \"United Nations General Assembly\" as \"Đại hội đồng Liên hợp quốc\",
with \"Đại hội đồng LHQ\" deprecated; the translation writes \"Đại hội đồng LHQ\".

## How to fix
Use the glossary's rendering. If the glossary is wrong or lacks a rendering you need,
fix the glossary (`songngu glossary` shows it, Fluent terms included).",
};

impl Check for Glossary {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let glossary = cx.glossary;
        if glossary.is_empty() {
            return;
        }
        let (reference_language, target_language) = (language(cx.reference_locale), language(cx.target_locale));
        for (part, reference_pattern) in cx.reference.parts() {
            let Some((_, target_pattern)) = cx.target.parts().find(|(p, _)| *p == part) else { continue };
            let reference_words = words(&plain_text(reference_pattern));
            if reference_words.is_empty() {
                continue;
            }
            let target_text = plain_text(target_pattern);
            let target_words = words(&target_text);
            for concept in &glossary.concepts {
                // Found in the reference by its preferred terms: an admitted one is a fine
                // rendering, but often too general to stand for the concept (`President`).
                let Some(source) = in_language(concept, reference_language)
                    .filter(|t| t.status == Status::Preferred)
                    .find(|t| contains(&reference_words, &t.words))
                else {
                    continue;
                };
                let finding = |message: String, label: &'static str| {
                    INFO.at_entry(cx.target_file.file, cx.target, message).label(label)
                };
                if concept.do_not_translate {
                    if !contains(&target_words, &source.words) {
                        out.push(
                            finding(
                                format!(
                                    "`{}` is not to be translated, and the translation does not have it",
                                    source.text
                                ),
                                "glossary",
                            )
                            .help(format!("write `{}` as it is", source.text)),
                        );
                    }
                    continue;
                }
                let renderings: Vec<&crate::interchange::tbx::Term> =
                    in_language(concept, target_language).filter(|t| t.status != Status::Deprecated).collect();
                // A forbidden rendering inside an allowed one (`Chủ tịch` in `Chủ tịch
                // nước`) is the allowed one.
                let forbidden = in_language(concept, target_language)
                    .filter(|t| t.status == Status::Deprecated)
                    .find(|t| outside(&target_words, &t.words, &renderings));
                let allowed = || renderings.iter().map(|r| format!("`{}`", r.text)).collect::<Vec<_>>().join(" or ");
                if let Some(forbidden) = forbidden {
                    let mut d = finding(
                        format!("`{}` is a deprecated rendering of `{}` in the glossary", forbidden.text, source.text),
                        "deprecated",
                    )
                    .severity(Severity::Error);
                    if !renderings.is_empty() {
                        d = d.help(format!("write {}", allowed()));
                    }
                    out.push(d);
                } else if !renderings.is_empty() && !renderings.iter().any(|r| contains(&target_words, &r.words)) {
                    out.push(
                        finding(
                            format!("the reference names `{}`; the glossary renders it {}", source.text, allowed()),
                            "glossary",
                        )
                        .help(format!("write {}, or fix the glossary if it lacks a rendering", allowed())),
                    );
                }
            }
        }
    }
}

/// The concept's terms in a language (`en` matches `en-US` too).
fn in_language<'c>(concept: &'c Concept, language: &'c str) -> impl Iterator<Item = &'c crate::interchange::tbx::Term> {
    concept.terms.iter().filter(move |t| crate::text::language(&t.lang) == language)
}

/// Whether `words` holds `phrase` somewhere that none of the `allowed` renderings covers.
fn outside(words: &[String], phrase: &[String], allowed: &[&crate::interchange::tbx::Term]) -> bool {
    let at = |phrase: &[String]| -> Vec<usize> {
        if phrase.is_empty() || phrase.len() > words.len() {
            return Vec::new();
        }
        (0..=words.len() - phrase.len()).filter(|&i| words[i..i + phrase.len()] == *phrase).collect()
    };
    let covered: Vec<(usize, usize)> =
        allowed.iter().flat_map(|a| at(&a.words).into_iter().map(|i| (i, i + a.words.len()))).collect();
    at(phrase).into_iter().any(|i| !covered.iter().any(|&(from, to)| from <= i && i + phrase.len() <= to))
}

/// Whether `words` holds `phrase` as consecutive whole words.
fn contains(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase)
}

#[cfg(test)]
mod tests {
    use super::{contains, words};

    #[test]
    fn phrases_match_whole_words_whatever_their_case_and_form() {
        let text = words("Đại hội đồng Liên Hợp Quốc đã thông qua");
        assert!(contains(&text, &words("Liên hợp quốc")));
        // Decomposed diacritics (NFD) match their NFC form.
        assert!(contains(&text, &words("Lie\u{302}n ho\u{31b}\u{323}p quo\u{302}\u{301}c")));
        assert!(!contains(&words("the UNODC office"), &words("UN")));
        assert!(!contains(&text, &[]));
    }
}
