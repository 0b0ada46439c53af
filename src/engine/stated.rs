//! Whether a translation states the facts its reference gained since it was accepted: a
//! facts drift (60 → 72 delegations) is done only when the translation says 72.
//!
//! `accept` refuses a facts-drifted entry whose translation does not state the new facts,
//! and `build` serves the reference instead of such a translation: an edit of another word
//! does not make "60" right.

use unicode_normalization::UnicodeNormalization;

use crate::ftl::fingerprint::body;
use crate::text::language;
use crate::text::numbers::{self, Fact};

/// The facts the reference gained (from `old` to `new`, canonical texts of the reference
/// entry) that `translation` (the target entry's canonical text) does not state, as shown
/// to a translator: figures, dates and times read in each language's conventions (so
/// `2,500` is stated by `2.500` in Vietnamese), links and placeables as written, names
/// with their diacritics and spacing set aside (so `Hanoi` is stated by `Hà Nội`).
pub fn unstated_facts(
    (old, new): (&str, &str),
    translation: &str,
    reference_locale: &str,
    target_locale: &str,
) -> Vec<String> {
    let (old, new, translation) = (body(old), body(new), body(translation));
    let (reference_language, target_language) = (language(reference_locale), language(target_locale));
    let mut lacking = Vec::new();

    let before = numbers::facts(old, reference_language, false);
    let stated = numbers::facts(translation, target_language, true);
    for fact in numbers::facts(new, reference_language, false) {
        if !before.contains(&fact) && !stated.contains(&fact) {
            lacking.push(match fact {
                Fact::Number(n) => n,
                time => time.to_string(),
            });
        }
    }

    // Links, placeables and names: whatever `drift::facts` counts as a fact that is not a
    // figure (figures are read above, in each language's conventions).
    let mut before = crate::records::drift::facts(old);
    let written = crate::records::drift::facts(translation);
    let folded = fold(translation);
    for fact in crate::records::drift::facts(new) {
        if let Some(at) = before.iter().position(|f| *f == fact) {
            before.remove(at);
            continue;
        }
        if fact.chars().any(|c| c.is_ascii_digit()) && !fact.contains("://") {
            continue;
        }
        let is_name = fact.chars().next().is_some_and(char::is_alphabetic) && !fact.contains("://");
        let stated = if is_name { folded.contains(&fold(&fact)) } else { written.contains(&fact) };
        if !stated && !lacking.contains(&fact) {
            lacking.push(fact);
        }
    }
    lacking
}

/// A text with letter case, diacritics, `đ` and everything but letters and digits set
/// aside: `Hà Nội` and `Hanoi` fold alike, as do `Đà Nẵng` and `Da Nang`.
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::unstated_facts;

    const OLD: &str = "p = The ceremony will bring together 60 countries in Hanoi.";
    const NEW: &str = "p = The ceremony will bring together 72 countries in Hanoi.";

    #[test]
    fn a_translation_that_kept_the_old_figure_does_not_state_the_new_one() {
        let vi = "p = Lễ mở ký sẽ quy tụ đại diện của 60 quốc gia tại Hà Nội.";
        assert_eq!(unstated_facts((OLD, NEW), vi, "en", "vi"), ["72"]);
    }

    #[test]
    fn a_translation_with_the_new_figure_states_it() {
        let vi = "p = Lễ mở ký sẽ quy tụ đại diện của 72 quốc gia tại Hà Nội.";
        assert!(unstated_facts((OLD, NEW), vi, "en", "vi").is_empty());
    }

    #[test]
    fn figures_and_names_are_read_in_each_language() {
        let old = "p = About 2,400 delegates will meet in Hanoi.";
        let new = "p = About 2,500 delegates will meet in Da Nang.";
        let vi = "p = Khoảng 2.500 đại biểu sẽ gặp nhau tại Đà Nẵng.";
        assert!(unstated_facts((old, new), vi, "en", "vi").is_empty());
        let stale = "p = Khoảng 2.400 đại biểu sẽ gặp nhau tại Hà Nội.";
        let lacking = unstated_facts((old, new), stale, "en", "vi");
        assert_eq!(lacking.first().map(String::as_str), Some("2500"), "{lacking:?}");
        assert!(lacking.iter().any(|f| f == "Nang"), "{lacking:?}");
    }
}
