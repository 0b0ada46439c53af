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

/// What a translation gets wrong of its reference's changed facts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unstated {
    /// Facts the reference gained that the translation does not state (`72`).
    pub lacking: Vec<String>,
    /// Figures the reference dropped that the translation still states (`60`, `110`).
    pub kept: Vec<String>,
}

impl Unstated {
    pub fn is_empty(&self) -> bool {
        self.lacking.is_empty() && self.kept.is_empty()
    }
}

impl std::fmt::Display for Unstated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let quoted = |list: &[String]| list.iter().map(|x| format!("`{x}`")).collect::<Vec<_>>().join(", ");
        let mut parts = Vec::new();
        if !self.lacking.is_empty() {
            parts.push(format!("its reference now states {} and the translation does not", quoted(&self.lacking)));
        }
        if !self.kept.is_empty() {
            parts.push(format!(
                "the translation still states {}, which its reference no longer does",
                quoted(&self.kept)
            ));
        }
        f.write_str(&parts.join("; "))
    }
}

/// What the translation (the target entry's canonical text) gets wrong of the facts its
/// reference changed (from `old` to `new`, canonical texts of the reference entry):
/// figures, dates and times read in each language's conventions (so `2,500` is stated by
/// `2.500` in Vietnamese, and an English `ten` by `10`), a figure the reference dropped
/// that the translation still states, links and placeables as written, and names with
/// their diacritics and spacing set aside (so `Hanoi` is stated by `Hà Nội`).
pub fn unstated_facts(
    (old, new): (&str, &str),
    translation: &str,
    reference_locale: &str,
    target_locale: &str,
) -> Unstated {
    let (old, new, translation) = (body(old), body(new), body(translation));
    let (reference_language, target_language) = (language(reference_locale), language(target_locale));
    let mut unstated = Unstated::default();

    // Figures: as `number-mismatch` reads them, and English number words.
    let figures = |text: &str, language: &str, lenient: bool| {
        let mut found = numbers::facts(text, language, lenient);
        if language == "en" {
            for word in crate::text::split_whitespace(text) {
                let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
                if let Some(figure) = crate::records::drift::number_word(bare) {
                    found.insert(Fact::Number(figure.to_string()));
                }
            }
        }
        found
    };
    let shown = |fact: Fact| match fact {
        Fact::Number(n) => n,
        time => time.to_string(),
    };
    let before = figures(old, reference_language, false);
    let after = figures(new, reference_language, false);
    let stated = figures(translation, target_language, true);
    for fact in after.difference(&before) {
        if !stated.contains(fact) {
            unstated.lacking.push(shown(fact.clone()));
        }
    }
    // A figure the reference dropped (`about 110 countries` → `many countries`), or
    // replaced by one the translation happens to state elsewhere (`in 2019` → `in 2024`
    // beside a `24/12/2024`): still stated, the translation is stale.
    for fact in before.difference(&after) {
        if stated.contains(fact) {
            unstated.kept.push(shown(fact.clone()));
        }
    }

    // Links and placeables, as written.
    let mut earlier = crate::records::drift::facts(old);
    let written = crate::records::drift::facts(translation);
    for fact in crate::records::drift::facts(new) {
        if let Some(at) = earlier.iter().position(|f| *f == fact) {
            earlier.remove(at);
            continue;
        }
        let is_link = fact.contains("://") || fact.starts_with("www.");
        let is_placeable = fact.starts_with(['{', '$', '-']);
        if (is_link || is_placeable) && !written.contains(&fact) && !unstated.lacking.contains(&fact) {
            unstated.lacking.push(fact);
        }
    }

    // Names: a run of capitalised words the reference gained is stated when any of its
    // longer words is in the translation, diacritics and spacing set aside. A title
    // around a name is translated (`Deputy Secretary-General Amina Mohammed` →
    // `Phó Tổng Thư ký Amina Mohammed`), a city's name may be too (`Ho Chi Minh City` →
    // `TP. Hồ Chí Minh`): the name itself is what must be there.
    let old_names: Vec<String> = names(old).into_iter().flatten().collect();
    let folded = fold(translation);
    for run in names(new) {
        if run.iter().all(|word| old_names.contains(word)) {
            continue;
        }
        let stated = run.iter().any(|word| {
            let word = fold(word);
            word.chars().count() >= 3 && folded.contains(&word)
        });
        if !stated {
            let name = run.join(" ");
            if !unstated.lacking.contains(&name) {
                unstated.lacking.push(name);
            }
        }
    }
    unstated
}

/// The runs of capitalised words of a text that do not start a sentence (`Da Nang`,
/// `Amina Mohammed`), in order: what names look like in English and in Vietnamese.
fn names(text: &str) -> Vec<Vec<String>> {
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut sentence_start = true;
    for token in crate::text::split_whitespace(text) {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        let is_name = !sentence_start
            && !token.starts_with(['{', '$', '-'])
            && bare.chars().next().is_some_and(char::is_uppercase)
            && !bare.chars().any(|c| c.is_ascii_digit());
        if is_name {
            run.push(bare.to_string());
        }
        // A run ends at a word that is not a name, or at punctuation after this one.
        if (!is_name || token.ends_with([',', '.', ';', ':', '!', '?', ')'])) && !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        if !bare.is_empty() || token.contains(['.', '!', '?', ':']) {
            sentence_start = token.ends_with(['.', '!', '?', ':']);
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
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

    fn lacking(old: &str, new: &str, vi: &str) -> Vec<String> {
        unstated_facts((old, new), vi, "en", "vi").lacking
    }

    #[test]
    fn a_translation_that_kept_the_old_figure_does_not_state_the_new_one() {
        let vi = "p = Lễ mở ký sẽ quy tụ đại diện của 60 quốc gia tại Hà Nội.";
        let found = unstated_facts((OLD, NEW), vi, "en", "vi");
        assert_eq!(found.lacking, ["72"]);
        assert_eq!(found.kept, ["60"]);
        assert_eq!(
            found.to_string(),
            "its reference now states `72` and the translation does not; the translation still states `60`, which its reference no longer does"
        );
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
        assert_eq!(lacking(old, new, stale), ["2500", "Da Nang"]);
    }

    #[test]
    fn a_figure_stated_elsewhere_does_not_hide_a_stale_one() {
        let old = "p = Adopted on 24/12/2024, the text was first drafted in 2019.";
        let new = "p = Adopted on 24/12/2024, the text was first drafted in 2024.";
        let vi = "p = Được thông qua ngày 24/12/2024, văn bản được soạn thảo lần đầu năm 2019.";
        assert_eq!(unstated_facts((old, new), vi, "en", "vi").kept, ["2019"]);
    }

    #[test]
    fn a_dropped_figure_still_stated_is_stale() {
        let old = "p = Leaders of about 110 countries took part.";
        let new = "p = Leaders of many countries took part.";
        let vi = "p = Lãnh đạo của khoảng 110 quốc gia đã tham dự.";
        assert_eq!(unstated_facts((old, new), vi, "en", "vi").kept, ["110"]);
    }

    #[test]
    fn number_words_are_figures() {
        let old = "p = The convention has nine chapters.";
        let new = "p = The convention has ten chapters.";
        assert_eq!(lacking(old, new, "p = Công ước gồm 9 chương."), ["10"]);
        assert!(unstated_facts((old, new), "p = Công ước gồm 10 chương.", "en", "vi").lacking.is_empty());
    }

    #[test]
    fn a_translated_title_around_a_name_states_the_name() {
        let old = "p = The Secretary-General will speak.";
        let new = "p = The Secretary-General and Deputy Secretary-General Amina Mohammed will speak.";
        let vi = "p = Tổng Thư ký và Phó Tổng Thư ký Amina Mohammed sẽ phát biểu.";
        assert!(unstated_facts((old, new), vi, "en", "vi").is_empty());
        let old = "p = Delegates will meet in Hanoi.";
        let new = "p = Delegates will meet in Ho Chi Minh City.";
        assert!(unstated_facts((old, new), "p = Các đại biểu sẽ gặp nhau tại TP. Hồ Chí Minh.", "en", "vi").is_empty());
    }
}
