//! Drift: how a reference text changed since its translation was accepted, as a word
//! diff and a class that says how much it matters.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::diagnostic::Severity;

/// How much a change of the reference matters to its translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DriftClass {
    /// Only whitespace, punctuation or letter case changed.
    Cosmetic,
    /// Words changed, but no number, date, URL or name.
    Wording,
    /// A number, date, URL or name was added, removed or changed.
    Facts,
}

impl DriftClass {
    pub fn as_str(self) -> &'static str {
        match self {
            DriftClass::Cosmetic => "cosmetic",
            DriftClass::Wording => "wording",
            DriftClass::Facts => "facts",
        }
    }

    /// For news, a changed figure is the costliest drift.
    pub fn severity(self) -> Severity {
        match self {
            DriftClass::Cosmetic => Severity::Info,
            DriftClass::Wording => Severity::Warning,
            DriftClass::Facts => Severity::Error,
        }
    }
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub op: &'static str,
    pub text: String,
}

/// What a drifted entry carries into its diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Drift {
    pub class: DriftClass,
    pub old: String,
    pub new: String,
    pub diff: Vec<DiffOp>,
}

impl Drift {
    pub fn new(old: &str, new: &str) -> Drift {
        Drift { class: classify(old, new), old: old.to_string(), new: new.to_string(), diff: word_diff(old, new) }
    }
}

/// The word-level diff of two texts, neighbouring pieces of one kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let diff = TextDiff::from_words(old, new);
    let mut ops: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => ops.push(DiffOp { op, text: change.value().to_string() }),
        }
    }
    ops
}

/// Classifies a change of reference text.
pub fn classify(old: &str, new: &str) -> DriftClass {
    if cosmetic_form(old) == cosmetic_form(new) {
        DriftClass::Cosmetic
    } else if facts(old) != facts(new) {
        DriftClass::Facts
    } else {
        DriftClass::Wording
    }
}

/// The text with whitespace and punctuation removed and letters lowercased.
fn cosmetic_form(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The facts of a text, sorted: numbers (digits only, so `2,500` and `2500` agree), URLs,
/// placeables and names (capitalised words that do not start a sentence).
pub fn facts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut sentence_start = true;
    for token in crate::text::split_whitespace(text) {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.contains("://") || token.starts_with("www.") {
            found.push(token.trim_end_matches(['.', ',', ')', ';']).to_string());
        } else if token.starts_with("{") || token.starts_with('$') || token.starts_with('-') && token.len() > 1 {
            found.push(token.to_string());
        } else if bare.chars().any(|c| c.is_ascii_digit()) {
            found.push(bare.chars().filter(char::is_ascii_alphanumeric).collect());
        } else if !sentence_start && bare.chars().next().is_some_and(char::is_uppercase) {
            found.push(bare.to_string());
        }
        if !bare.is_empty() || token.contains(['.', '!', '?', ':']) {
            sentence_start = token.ends_with(['.', '!', '?', ':']);
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let old = "The ceremony will bring together 60 countries in Hanoi.";
        assert_eq!(classify(old, "The ceremony will bring together 60 countries in Hanoi"), DriftClass::Cosmetic);
        assert_eq!(classify(old, "The ceremony will gather 60 countries in Hanoi."), DriftClass::Wording);
        assert_eq!(classify(old, "The ceremony will bring together 72 countries in Hanoi."), DriftClass::Facts);
        assert_eq!(classify(old, "The ceremony will bring together 60 countries in Da Nang."), DriftClass::Facts);
        assert_eq!(classify("2,500 delegates", "2500 delegates"), DriftClass::Cosmetic);
    }

    #[test]
    fn diff_marks_changed_words() {
        let ops = word_diff("from 60 countries", "from 72 countries");
        let changed: Vec<(&str, &str)> =
            ops.iter().filter(|o| o.op != "equal").map(|o| (o.op, o.text.as_str())).collect();
        assert_eq!(changed, [("delete", "60"), ("insert", "72")]);
    }
}
