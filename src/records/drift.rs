//! Drift: how a reference text changed since its translation was accepted, as a word
//! diff and a class that says how much it matters.

use serde::Serialize;

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

/// What a piece of a word diff is: text both sides have, text only the old one had, or
/// text only the new one has. Written as `equal`, `delete` and `insert` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffTag {
    Equal,
    Delete,
    Insert,
}

impl DiffTag {
    pub fn as_str(self) -> &'static str {
        match self {
            DiffTag::Equal => "equal",
            DiffTag::Delete => "delete",
            DiffTag::Insert => "insert",
        }
    }
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub op: DiffTag,
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

/// The word-level diff of two reference texts (bodies of canonical Fluent text),
/// neighbouring pieces of one kind merged. A placeable (`{ -convention }`, a whole select)
/// is one token, never split; a run of spaces and line breaks is one token, and any such
/// run equals any other, so a value that moved onto a continuation line, or whose lines
/// broke elsewhere, shows no change there. `equal` pieces are the new text's, so the
/// `equal` and `insert` pieces make `new` again; `delete` pieces are the old text's.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let (old, new) = (tokens(old), tokens(new));
    let old_keys: Vec<Key<'_>> = old.iter().map(|t| Key::of(t)).collect();
    let new_keys: Vec<Key<'_>> = new.iter().map(|t| Key::of(t)).collect();
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut push = |op: DiffTag, pieces: &[&str]| {
        if pieces.is_empty() {
            return;
        }
        let text = match ops.last_mut() {
            Some(last) if last.op == op => &mut last.text,
            _ => {
                ops.push(DiffOp { op, text: String::new() });
                &mut ops.last_mut().expect("just pushed").text
            }
        };
        pieces.iter().for_each(|piece| text.push_str(piece));
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old_keys, &new_keys) {
        let (tag, in_old, in_new) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => push(DiffTag::Equal, &new[in_new]),
            similar::DiffTag::Delete => push(DiffTag::Delete, &old[in_old]),
            similar::DiffTag::Insert => push(DiffTag::Insert, &new[in_new]),
            similar::DiffTag::Replace => {
                push(DiffTag::Delete, &old[in_old]);
                push(DiffTag::Insert, &new[in_new]);
            }
        }
    }
    ops
}

/// What a token is compared by: a word exactly, a placeable with each run of layout
/// whitespace in it as one space (a select's variants written on more lines are the same
/// select), and every run of layout whitespace alike.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key<'t> {
    Layout,
    Word(&'t str),
    Placeable(String),
}

impl<'t> Key<'t> {
    fn of(token: &'t str) -> Key<'t> {
        if token.chars().all(is_layout) {
            Key::Layout
        } else if token.starts_with('{') {
            Key::Placeable(token.split(is_layout).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        } else {
            Key::Word(token)
        }
    }
}

/// The whitespace Fluent lays text out with: spaces, tabs (in a hand-written lock) and
/// line breaks. Other whitespace (a no-break space) is the text's own and compared as is.
fn is_layout(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// A reference text cut into tokens that concatenate back to it: whole placeables, runs
/// of whitespace, and words (everything else up to the next whitespace or placeable, so
/// `countries,` is one word as in `similar`'s own word split).
///
/// Written by hand because no crate cuts Fluent text this way: `similar`'s word split
/// and unicode-segmentation know nothing of braces and split `{ -convention }` in three,
/// and fluent-syntax parses into an AST without source positions, so it cannot say where
/// a placeable is in the text. The input is canonical serializer output, or whatever a
/// lock's `source` holds: an unclosed `{` makes the rest of the text one token.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let len = if first == '{' {
            placeable_len(rest)
        } else if first.is_whitespace() {
            rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len())
        } else {
            rest.find(|c: char| c.is_whitespace() || c == '{').unwrap_or(rest.len())
        };
        out.push(&rest[..len]);
        rest = &rest[len..];
    }
    out
}

/// The length in bytes of the placeable `text` starts with (at its `{`), through its
/// closing `}`; all of `text` when it is not closed. Fluent's grammar gives three places
/// to be in: an expression (where `"` opens a string literal, `{` a nested placeable and
/// `]` ends a select's variant key), a string literal (`\` escapes the next character)
/// and a variant's text (where `"` and `]` are plain text, `{` opens a placeable, and a
/// line that starts with `[`, `*[` or `}` ends it: a variant's text cannot go on with one).
fn placeable_len(text: &str) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum In {
        Expression,
        String,
        Variant,
    }
    let mut stack: Vec<In> = Vec::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match (stack.last().copied(), c) {
            (None, _) => stack.push(In::Expression), // the opening `{`
            (Some(In::String), '\\') => {
                chars.next();
            }
            // A string literal cannot hold a line break: one ends it.
            (Some(In::String), '"' | '\n') => {
                stack.pop();
            }
            (Some(In::String), _) => {}
            (Some(In::Expression | In::Variant), '{') => stack.push(In::Expression),
            (Some(In::Expression), '"') => stack.push(In::String),
            (Some(In::Expression), ']') => stack.push(In::Variant),
            (Some(In::Variant), '\n') => {
                let next = text[at + 1..].trim_start_matches([' ', '\t', '\r']);
                if next.starts_with(['[', '*', '}']) {
                    stack.pop();
                }
            }
            (Some(in_), '}') => {
                // In a variant's text a `}` cannot be text: it closes the select.
                if in_ == In::Variant {
                    stack.pop();
                }
                stack.pop();
                if stack.is_empty() {
                    return at + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
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

/// English numbers written as words, as the figures they are: `nine chapters` → `ten
/// chapters` is a change of fact. Not `one`, which is as often a pronoun ("one of the").
pub const NUMBER_WORDS: [(&str, &str); 19] = [
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
];

/// The figure an English number word stands for (`ten` → `10`).
pub fn number_word(word: &str) -> Option<&'static str> {
    let word = word.to_ascii_lowercase();
    NUMBER_WORDS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// The facts of a text, sorted: numbers (digits only, so `2,500` and `2500` agree; an
/// English number word as its figure), URLs, placeables and names (capitalised words that
/// do not start a sentence).
pub fn facts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut sentence_start = true;
    for token in crate::text::split_whitespace(text) {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.contains("://") || token.starts_with("www.") {
            found.push(token.trim_end_matches(['.', ',', ')', ';']).to_string());
        } else if token.starts_with("{") || token.starts_with('$') || token.starts_with('-') && token.len() > 1 {
            found.push(token.to_string());
        } else if let Some(figure) = number_word(bare) {
            found.push(figure.to_string());
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

    /// The pieces of a diff that are not `equal`.
    fn changes(ops: &[DiffOp]) -> Vec<(&str, &str)> {
        ops.iter().filter(|o| o.op != DiffTag::Equal).map(|o| (o.op.as_str(), o.text.as_str())).collect()
    }

    #[test]
    fn tokens_keep_placeables_whole() {
        assert_eq!(
            tokens("about { -convention }, with 455"),
            ["about", " ", "{ -convention }", ",", " ", "with", " ", "455"]
        );
        assert_eq!(tokens("a{ $n }b{ $m }"), ["a", "{ $n }", "b", "{ $m }"]);
        // String literals may hold braces, quotes and backslashes.
        assert_eq!(tokens(r#"{ "}" } x"#), [r#"{ "}" }"#, " ", "x"]);
        assert_eq!(tokens(r#"{ "\"}" }{ "\\" }"#), [r#"{ "\"}" }"#, r#"{ "\\" }"#]);
        assert_eq!(tokens(r#"{ { "{" } }."#), [r#"{ { "{" } }"#, "."]);
        // A select is one token, with its variants' text (where `"` and `]` are text)
        // and the placeables in them.
        let select = "{ $n ->\n        [one] a 5\" screen] { $n }\n       *[other] { \"}\" } \"quoted\n    }";
        assert_eq!(tokens(&format!("Size: {select} now")), ["Size:", " ", select, " ", "now"]);
        // An unclosed placeable (a hand-edited lock) is the rest of the text.
        assert_eq!(tokens("a { $n b c"), ["a", " ", "{ $n b c"]);
        assert_eq!(tokens("a } b\u{a0}c"), ["a", " ", "}", " ", "b", "\u{a0}", "c"]);
        assert!(tokens("").is_empty());
    }

    #[test]
    fn a_diff_never_splits_a_placeable() {
        let old = "Hanoi hosts the signing of { -convention }, with 455 delegates.";
        let ops = word_diff(old, "Hanoi hosts the signing of { -convention }.");
        assert_eq!(changes(&ops), [("delete", ", with 455 delegates."), ("insert", ".")]);
        assert_eq!(ops[0], DiffOp { op: DiffTag::Equal, text: "Hanoi hosts the signing of { -convention }".into() });
        // A changed placeable is deleted and inserted whole.
        let ops = word_diff("{ $n } delegates", "{ $count } delegates");
        assert_eq!(changes(&ops), [("delete", "{ $n }"), ("insert", "{ $count }")]);
        let ops = word_diff(r#"Opens { "}" } today"#, r#"Opens { "{" } today"#);
        assert_eq!(changes(&ops), [("delete", r#"{ "}" }"#), ("insert", r#"{ "{" }"#)]);
    }

    #[test]
    fn a_value_moved_to_a_continuation_line_shows_no_change() {
        // The canonical text breaks a value onto continuation lines once it has a line
        // break: its lines laid out anew is no change to read.
        let old = "Long text here about { -convention }, with 455 delegates.";
        let new = "Long text here about { -convention },\n    with 455 delegates.";
        assert_eq!(word_diff(old, new), [DiffOp { op: DiffTag::Equal, text: new.into() }]);
        let select = |layout: &str| format!("{{ $n ->\n    [one] one{layout}delegate\n   *[other] many\n}}");
        assert!(changes(&word_diff(&select(" "), &select("\n        "))).is_empty());
        // A word changed next to a new line break shows the word only.
        let ops = word_diff("from 60 countries", "from\n    72 countries");
        assert_eq!(changes(&ops), [("delete", "60"), ("insert", "72")]);
        // Whitespace that is the text's own (a no-break space) still counts.
        let ops = word_diff("9 May", "9\u{a0}May");
        assert_eq!(changes(&ops), [("delete", " "), ("insert", "\u{a0}")]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Whatever a lock holds: the tokens are the text, cut, and the diff's `equal` and
        /// `insert` pieces make the new text.
        #[test]
        fn tokens_concatenate_back_to_the_input(
            old in fluent_like(),
            new in fluent_like(),
        ) {
            proptest::prop_assert_eq!(tokens(&old).concat(), old.clone());
            let rebuilt: String =
                word_diff(&old, &new).iter().filter(|o| o.op != DiffTag::Delete).map(|o| o.text.as_str()).collect();
            proptest::prop_assert_eq!(rebuilt, new);
        }

        /// Well-formed placeables between words are each one token.
        #[test]
        fn placeables_between_words_are_one_token_each(
            parts in proptest::collection::vec((0..PLACEABLES.len(), "[a-zà-ỹ.,]{1,6}"), 0..8),
        ) {
            let text: String = parts.iter().map(|(p, w)| format!("{} {w} ", PLACEABLES[*p])).collect();
            let cut = tokens(&text);
            for (p, _) in &parts {
                proptest::prop_assert!(cut.contains(&PLACEABLES[*p]), "{:?} in {:?}", PLACEABLES[*p], cut);
            }
        }
    }

    const PLACEABLES: &[&str] = &[
        "{ -convention }",
        "{ $n }",
        r#"{ "}" }"#,
        r#"{ "\"}" }"#,
        r#"{ "\\" }"#,
        "{ -brand(case: \"gen\") }",
        "{ $n ->\n        [one] { $n } \"day]\n       *[other] days\n    }",
    ];

    /// Text with the characters that matter to the tokenizer, in any order.
    fn fluent_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("{"),
            Just("}"),
            Just("\""),
            Just("\\"),
            Just("["),
            Just("*["),
            Just("]"),
            Just("\n    "),
            Just(" "),
            Just("\u{a0}"),
            Just("->"),
            Just("Hà Nội"),
            Just("60"),
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
    }

    #[test]
    fn diff_marks_changed_words() {
        let ops = word_diff("from 60 countries", "from 72 countries");
        let changed: Vec<(&str, &str)> =
            ops.iter().filter(|o| o.op != DiffTag::Equal).map(|o| (o.op.as_str(), o.text.as_str())).collect();
        assert_eq!(changed, [("delete", "60"), ("insert", "72")]);
    }
}
