//! `doubled-word`: the same word twice in a row in a translation (`của của`, `the the`),
//! where the reference has no such repetition.

use fluent_syntax::ast;
use unicode_normalization::UnicodeNormalization;

use super::{Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::{plain_text, Pattern};
use crate::ftl::prose::is_prose;
use crate::text::{is_plain_latin, language};

pub struct DoubledWord;

static INFO: CheckInfo = CheckInfo {
    code: "doubled-word",
    severity: Severity::Warning,
    summary: "the same word twice in a row in a translation (`của của`, `the the`)",
    doc: "\
## What it finds
A word written twice in a row, with only spaces or a line break between, in a
translation whose reference has no such repetition. Letter case does not matter (`The
the`), nor how the letters are encoded (NFC or decomposed). Placeables, punctuation and
markup between the two words break the repetition (`các { -un } các` is fine), and so
does the end of a select expression's variant.

What counts as a doubled word depends on the translation's language:
- Vietnamese: only the function words, which never repeat on purpose: `của`, `các`,
  `những`, `và`, `với`, `được`, `đã`, `đang`, `sẽ`, `bị`, `cho`, `để`, `trên`, `dưới`,
  `về`, `đến`, `rằng`, `nếu`, `thì`, `mà`, `vì`, `bởi`, `khi`, `hoặc`, `nhưng`,
  `cũng`, `vẫn`, `đều`, `này`, `mọi`, `hãy`, `nên`. Every other syllable may rightly
  come twice: Vietnamese has many reduplicative words (`từ từ`, `dần dần`, `luôn
  luôn`, `mãi mãi`, `xa xa`, `chung chung`, `song song`), and a word ends where the
  next begins with the same syllable (`đề xuất | xuất hiện`, `bảo mật | mật khẩu`,
  `chứng chỉ | chỉ có`).
- English: any word but those that may rightly repeat (`that that`, `had had`, `is
  is`, `do do`, `bye bye`, `no no`, `so so`, `ha ha`), and two capitalized words,
  which are most often a name (`Bora Bora`, `Lô Lô`).
- Other languages are not checked: which repetitions are right is a matter of each
  language's grammar (`die die` is correct German).

Figures are not words here: two equal numbers side by side (`10 10`) are as often two
figures of a table or a score as a slip, and `number-mismatch` compares figures.

## Why it matters
A doubled word is the most common slip of editing a sentence in place, and the one a
reader notices first in a published article.

## Example
    # en
    signing-p2 = The signing ceremony of the convention.
    # vi
    signing-p2 = Lễ mở ký của của Công ước.

## How to fix
Delete one of the two words. If the repetition is meant (a name, a quoted slip), keep
it: this is a warning, and `accept` records the translation as it is.",
};

/// Vietnamese function words: a closed class that never reduplicates and does not end
/// one compound word and begin the next, so the same one twice is a slip. Left out on
/// purpose: `là` (`là là` is a word), `từ` (`từ từ`), `hay` (`hay hay`), `song`
/// (`song song`), `chỉ` (`chứng chỉ chỉ có`), `trong`, `một`, `có`, `không`, `ở`,
/// `tại` (`hiện tại tại Hà Nội`), `theo`, `cùng`, `đó`, `rất`, `nhất`, `con`, which
/// can all rightly stand twice.
const VIETNAMESE_FUNCTION_WORDS: &[&str] = &[
    "của", "các", "những", "và", "với", "được", "đã", "đang", "sẽ", "bị", "cho", "để", "trên", "dưới", "về", "đến",
    "rằng", "nếu", "thì", "mà", "vì", "bởi", "khi", "hoặc", "nhưng", "cũng", "vẫn", "đều", "này", "mọi", "hãy", "nên",
];

/// English words that may rightly repeat: `he said that that was wrong`, `she had had
/// enough`, `what it is is a start`, `what they do do`, and a few interjections.
const ENGLISH_REPEATABLE: &[&str] = &["that", "had", "is", "do", "bye", "no", "so", "ha", "hey", "well", "very"];

impl Check for DoubledWord {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let language = language(cx.target_locale);
        if language != "vi" && language != "en" {
            return;
        }
        let file = cx.target_file.file;
        // The reference's own repetitions, found the first time a candidate needs them.
        let mut in_reference: Option<std::collections::HashSet<String>> = None;
        for (part, pattern) in cx.target.parts() {
            doubled_in(pattern, &mut |first, second| {
                let folded = fold(first);
                if !counts(language, first, second, &folded) || !is_prose(part, &plain_text(pattern)) {
                    return;
                }
                if in_reference.get_or_insert_with(|| repeated_in(cx)).contains(&folded) {
                    return;
                }
                // The second word is the one to delete. Both are slices of the file.
                let at = file.offset_of(second);
                out.push(
                    INFO.at(file, at..at + second.len(), Some(cx.target.key()), format!("`{first}` twice in a row"))
                        .label("doubled word")
                        .help(format!(
                            "delete one `{first}`; the {} reference has no such repetition",
                            cx.reference_locale
                        )),
                );
            });
        }
    }
}

/// Every word of a pattern that repeats the word just before it, with only spaces or line
/// breaks between, as (the first, the second): slices of the pattern's text. A placeable
/// ends a repetition, and each variant of a select expression is read on its own.
fn doubled_in<'t>(pattern: &Pattern<'t>, visit: &mut impl FnMut(&'t str, &'t str)) {
    let mut scan = Scan { last: None, blank: true, spaced: false };
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => scan.text(value, visit),
            ast::PatternElement::Placeable { expression } => {
                doubled_in_placeable(expression, visit);
                scan.last = None;
            }
        }
    }
}

/// The words of a pattern's texts, one after the other, as [`crate::text::words`] finds
/// them (runs of letters, combining marks, apostrophes and inner hyphens that have a
/// letter), read from the bytes in one pass: every word of every translation passes here,
/// and the general `words` takes several passes per word (a test holds the two to the
/// same answers). Only non-ASCII characters are decoded.
struct Scan<'t> {
    /// The last word.
    last: Option<&'t str>,
    /// Only whitespace came after it since.
    blank: bool,
    /// Some whitespace came after it.
    spaced: bool,
}

impl<'t> Scan<'t> {
    fn text(&mut self, value: &'t str, visit: &mut impl FnMut(&'t str, &'t str)) {
        let bytes = value.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Spaces and ASCII punctuation, as most of what is between words is, at once.
            match BYTES[usize::from(bytes[i])] {
                SPACE => {
                    self.spaced = true;
                    i += 1;
                    continue;
                }
                OTHER => {
                    self.blank = false;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let (class, len) = class_at(value, i);
            match class {
                SPACE => self.spaced = true,
                OTHER => self.blank = false,
                _ => {
                    // A run of word characters: most of its bytes are known alone (ASCII
                    // letters, `'`, `-`, two-byte Latin letters and marks, the Vietnamese
                    // letters U+1E00–U+1EFF), the rest asked one character at a time.
                    let start = i;
                    i += len;
                    while let Some(&b) = bytes.get(i) {
                        if WORD_BYTE[usize::from(b)] {
                            i += 1;
                        } else if b == 0xC3 && !matches!(bytes.get(i + 1), Some(0x97 | 0xB7)) {
                            i += 2;
                        } else if b == 0xE1 && bytes.get(i + 1).is_some_and(|n| (0xB8..=0xBB).contains(n)) {
                            i += 3;
                        } else {
                            let (class, len) = class_at(value, i);
                            if class != LETTER && class != JOINER {
                                break;
                            }
                            i += len;
                        }
                    }
                    let run = &value[start..i];
                    // A letter first, as almost always; else looked for.
                    let letter = bytes[start].is_ascii_alphabetic() || run.chars().any(crate::text::is_letter);
                    self.word(run, letter, visit);
                    continue;
                }
            }
            i += len;
        }
    }

    /// A run of word characters, read: the word is the run without its outer hyphens, if
    /// it has a letter.
    #[inline]
    fn word(&mut self, run: &'t str, letter: bool, visit: &mut impl FnMut(&'t str, &'t str)) {
        if !letter {
            self.blank = false;
            return;
        }
        // Without its outer hyphens (ASCII, so trimmed as bytes); a letter is left.
        let b = run.as_bytes();
        let (mut start, mut end) = (0, b.len());
        while b[start] == b'-' {
            start += 1;
        }
        while b[end - 1] == b'-' {
            end -= 1;
        }
        let word = &run[start..end];
        if start > 0 {
            self.blank = false;
        }
        if let Some(before) = self.last {
            // Most neighbours differ in their first letters, both ASCII (as in `same_word`).
            let (x, y) = (before.as_bytes()[0], word.as_bytes()[0]);
            let differ = x.is_ascii() && y.is_ascii() && !x.eq_ignore_ascii_case(&y);
            if self.blank && self.spaced && !differ && same_word(before, word) {
                visit(before, word);
            }
        }
        self.last = Some(word);
        self.spaced = false;
        self.blank = end == b.len();
    }
}

const OTHER: u8 = 0;
const SPACE: u8 = 1;
const LETTER: u8 = 2;
/// Part of a word but not a letter: `'`, `-`, `’`, a combining mark.
const JOINER: u8 = 3;
const CONTINUATION: u8 = 4;
/// C3: U+00C0–U+00FF, letters but × and ÷.
const LATIN1: u8 = 5;
/// E1: U+1E00–U+1EFF (letters) when followed by B8–BB, else to decode.
const E1: u8 = 6;
const DECODE: u8 = 7;
/// The first byte of a two-byte letter, or of a two-byte combining mark.
const LETTER2: u8 = 8;
const JOINER2: u8 = 9;

/// The class of each byte, as the first byte of a character.
static BYTES: [u8; 256] = {
    let mut class = [DECODE; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'\'' | b'-' => JOINER,
            b'\t'..=b'\r' | b' ' => SPACE,
            0..=0x7F => OTHER,
            0x80..=0xBF => CONTINUATION,
            0xC3 => LATIN1,
            // U+0100–U+023F: Latin Extended-A and most of -B, all letters.
            0xC4..=0xC8 => LETTER2,
            // U+0300–U+036F: combining marks of decomposed text.
            0xCC | 0xCD => JOINER2,
            0xE1 => E1,
            _ => DECODE,
        };
        b += 1;
    }
    class
};

/// The class of the character at byte `i` of `value`, and its length.
#[inline]
fn class_at(value: &str, i: usize) -> (u8, usize) {
    let bytes = value.as_bytes();
    match BYTES[usize::from(bytes[i])] {
        // × and ÷ among the Latin-1 letters.
        LATIN1 => match bytes.get(i + 1) {
            Some(0x97 | 0xB7) => (OTHER, 2),
            _ => (LETTER, 2),
        },
        // U+1E00–U+1EFF, every precomposed Vietnamese letter with its tone.
        E1 if bytes.get(i + 1).is_some_and(|n| (0xB8..=0xBB).contains(n)) => (LETTER, 3),
        DECODE | E1 | CONTINUATION => {
            let c = value.get(i..).and_then(|rest| rest.chars().next()).unwrap_or('\u{FFFD}');
            (decoded_class(c), c.len_utf8())
        }
        LETTER2 => (LETTER, 2),
        JOINER2 => (JOINER, 2),
        class => (class, 1),
    }
}

/// The bytes that are part of a word wherever they are in one: ASCII letters, `'`, `-`,
/// the first byte of a two-byte letter (U+0100–U+023F) or mark (U+0300–U+036F), and a
/// continuation byte (inside a run, only ever one of the character just read).
static WORD_BYTE: [bool; 256] = {
    let mut word = [false; 256];
    let mut b = 0;
    while b < 256 {
        word[b] = matches!(b as u8, b'a'..=b'z' | b'A'..=b'Z' | b'\'' | b'-' | 0x80..=0xBF | 0xC4..=0xC8 | 0xCC | 0xCD);
        b += 1;
    }
    word
};

/// The class of a character the byte table leaves to decode.
fn decoded_class(c: char) -> u8 {
    if crate::text::is_letter(c) {
        LETTER
    } else if c == '’' || unicode_normalization::char::is_combining_mark(c) {
        JOINER
    } else if c.is_whitespace() {
        SPACE
    } else {
        OTHER
    }
}

fn doubled_in_placeable<'t>(expression: &ast::Expression<&'t str>, visit: &mut impl FnMut(&'t str, &'t str)) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            for variant in variants {
                doubled_in(&variant.value, visit);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            doubled_in_placeable(expression, visit)
        }
        ast::Expression::Inline(_) => {}
    }
}

/// Whether a doubled word (`first` then `second`, `folded` by [`fold`]) is reported in
/// `language`.
fn counts(language: &str, first: &str, second: &str, folded: &str) -> bool {
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    match language {
        "vi" => VIETNAMESE_FUNCTION_WORDS.contains(&folded),
        // Two capitalized words are most often a name.
        _ => !(ENGLISH_REPEATABLE.contains(&folded) || capitalized(first) && capitalized(second)),
    }
}

/// `a` and `b` are the same word, whatever their case or normalization. Most pairs
/// differ in their first letter, which is known without decoding them: canonical
/// (de)composition keeps a letter's base, so two words starting with different ASCII
/// letters are different words.
fn same_word(a: &str, b: &str) -> bool {
    // As long as both have ASCII at the same place they are compared byte by byte: two
    // different ASCII letters stay different whatever follows them, since composing a
    // letter with its marks keeps its base. Most pairs differ in their first letters.
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < x.len() && i < y.len() && x[i].is_ascii() && y[i].is_ascii() {
        if !x[i].eq_ignore_ascii_case(&y[i]) {
            return false;
        }
        i += 1;
    }
    if i == x.len() && i == y.len() {
        return true;
    }
    if i == x.len() || i == y.len() {
        // One is the other's beginning, all ASCII: only marks after it could make them
        // one word (`ca` and `ca\u{301}`: not the same either).
        if x[i..].is_ascii() && y[i..].is_ascii() {
            return false;
        }
    } else if precomposed_differ(&a[i..], &b[i..]) {
        return false;
    }
    // Plain Latin text is in NFC already (see `text::is_plain_latin`): only case is left
    // to compare.
    if is_plain_latin(a) && is_plain_latin(b) {
        return a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase));
    }
    a.nfc().flat_map(char::to_lowercase).eq(b.nfc().flat_map(char::to_lowercase))
}

/// Whether two texts (the rest of two words, after the same beginning) start with two
/// different letters that normalization and case cannot make one: each a precomposed
/// Latin letter in lower case (U+00DF–U+00FF, or the lower case of U+0100–U+017F and
/// U+1EA0–U+1EF9, which alternate upper and lower), or ASCII, and neither followed by a
/// combining mark. The usual way two Vietnamese words differ, known without tables.
fn precomposed_differ(a: &str, b: &str) -> bool {
    let lower = |text: &str| -> Option<char> {
        let mut chars = text.chars();
        let c = chars.next()?;
        let known = match c {
            'a'..='z' | '\u{DF}'..='\u{FF}' => c != '\u{F7}',
            '\u{100}'..='\u{17F}' | '\u{1EA0}'..='\u{1EF9}' => {
                // Odd is lower case, but for U+0138–U+0148 and U+0179–U+017E, where even is.
                let odd = c as u32 % 2 == 1;
                match c {
                    '\u{138}'..='\u{148}' | '\u{179}'..='\u{17E}' => !odd,
                    _ => odd,
                }
            }
            _ => false,
        };
        let followed_by_mark = chars.next().is_some_and(unicode_normalization::char::is_combining_mark);
        (known && !followed_by_mark).then_some(c)
    };
    match (lower(a), lower(b)) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    }
}

/// A word as it is compared with the lists and the reference: NFC, lower case, a
/// typographic apostrophe written as `'`.
fn fold(word: &str) -> String {
    word.nfc().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }).collect()
}

/// The words the reference entry itself repeats, folded.
fn repeated_in(cx: &PairCx<'_, '_>) -> std::collections::HashSet<String> {
    let mut found = std::collections::HashSet::new();
    for (_, pattern) in cx.reference.parts() {
        doubled_in(pattern, &mut |first, _| {
            found.insert(fold(first));
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::pair;

    fn reported(reference: (&str, &str), target: (&str, &str)) -> Vec<String> {
        pair(&DoubledWord, reference, target, None)
            .into_iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn a_doubled_word_the_reference_lacks_is_reported() {
        let en = ("en", "p = The signing ceremony of the convention.\n");
        assert_eq!(reported(en, ("vi", "p = Lễ mở ký của của Công ước.\n")), ["1:18 `của` twice in a row"]);
        let vi = ("vi", "p = Hội nghị diễn ra tại Hà Nội.\n");
        assert_eq!(reported(vi, ("en", "p = The conference took place in in Hanoi.\n")), ["1:34 `in` twice in a row"]);
    }

    #[test]
    fn a_doubled_word_the_reference_has_is_not_reported() {
        let reference = ("en-US", "p = Type “the the” to see the warning.\n");
        assert!(reported(reference, ("en-GB", "p = Type “the the” to see the warning.\n")).is_empty());
    }

    #[test]
    fn other_languages_are_not_checked() {
        let reference = ("en", "p = Children who attend the school.\n");
        assert!(reported(reference, ("de", "p = Kinder, die die Schule besuchen.\n")).is_empty());
    }

    #[test]
    fn attributes_are_checked_but_not_keys() {
        let en = ("en", "p = Save\n    .title = Save the file\n    .accesskey = S\n");
        let vi = ("vi", "p = Lưu\n    .title = Lưu và và đóng tệp\n    .accesskey = S\n");
        assert_eq!(reported(en, vi), ["2:21 `và` twice in a row"]);
    }

    /// The doubled words of `text` (one line of a message's value, or several) that
    /// `language` reports, folded.
    fn found(language: &str, text: &str) -> Vec<String> {
        let source = format!("p = {}\n", text.replace('\n', "\n    "));
        let file = crate::ftl::file::SourceFile::from_bytes(language, "a.ftl", "a.ftl".into(), source.into_bytes());
        let parsed = file.parse();
        let model = crate::ftl::model::FileModel::new(&file, &parsed);
        let mut out = Vec::new();
        doubled_in(model.entries[0].value.unwrap(), &mut |first, second| {
            if counts(language, first, second, &fold(first)) {
                out.push(fold(first));
            }
        });
        out
    }

    #[test]
    fn doubled_words_are_found_across_a_line_break() {
        assert_eq!(found("vi", "Lễ mở ký của của Công ước"), ["của"]);
        assert_eq!(found("vi", "Chỉ các các liên kết"), ["các"]);
        assert_eq!(found("en", "The the ceremony was held at the the centre"), ["the", "the"]);
        assert_eq!(found("en", "and\nand then"), ["and"]);
    }

    #[test]
    fn vietnamese_reduplication_is_not_a_doubled_word() {
        for text in [
            "từ từ",
            "dần dần",
            "luôn luôn",
            "mãi mãi",
            "xa xa",
            "nhanh nhanh",
            "chung chung",
            "song song",
            "bay là là",
            "đề xuất xuất hiện",
            "chứng nhận nhận được",
            "Chứng chỉ chỉ có giá trị",
            "bảo mật mật khẩu",
            "mở rộng rộng rãi",
            "đáng kể kể từ",
            "hiện tại tại Hà Nội",
            "Tiếng Lô Lô",
        ] {
            assert!(found("vi", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_repetition_english_allows_is_not_reported() {
        for text in ["He said that that was wrong", "She had had enough", "Bora Bora", "bye bye", "10 10 20"] {
            assert!(found("en", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn punctuation_placeables_and_markup_break_a_repetition() {
        for text in [
            "các, các",
            "các { $x } các",
            "của</b> của",
            "của-của",
            "the. The",
            "{ $n ->\n [one] các\n *[other] các\n} các",
        ] {
            assert!(found("vi", text).is_empty() && found("en", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn case_and_normalization_do_not_hide_a_repetition() {
        // `của` decomposed: u + combining hook above.
        assert_eq!(found("vi", "cu\u{309}a Của"), ["của"]);
        assert_eq!(found("vi", "CÁC các"), ["các"]);
    }

    /// What [`Scan`] finds, the slow way: [`crate::text::words`], and the text between
    /// two words.
    fn slow(text: &str) -> Vec<(usize, usize)> {
        let base = text.as_ptr() as usize;
        let words: Vec<&str> = crate::text::words(text).collect();
        let mut found = Vec::new();
        for pair in words.windows(2) {
            let (a, b) = (pair[0].as_ptr() as usize - base, pair[1].as_ptr() as usize - base);
            let between = &text[a + pair[0].len()..b];
            if !between.is_empty() && between.chars().all(char::is_whitespace) && same_word(pair[0], pair[1]) {
                found.push((a, b));
            }
        }
        found
    }

    fn quick(text: &str) -> Vec<(usize, usize)> {
        let base = text.as_ptr() as usize;
        let mut found = Vec::new();
        Scan { last: None, blank: true, spaced: false }
            .text(text, &mut |a, b| found.push((a.as_ptr() as usize - base, b.as_ptr() as usize - base)));
        found
    }

    /// The one-pass scan finds the same repetitions as the words of `text::words`, for
    /// every text of the corpora (when `../shared/corpora` is there) and the cases below.
    #[test]
    fn the_quick_scan_finds_what_the_words_find() {
        let mut texts: Vec<String> = [
            "các các",
            "của-của của",
            "của -của của",
            "các- các",
            "- các - các",
            "' các ' các",
            "x'' x''",
            "it's it's",
            "Lo\u{0300}i lo\u{300}i",
            "10 10 a a",
            "a\u{00A0}a",
            "a\u{2009}a",
            "a\u{200B}a",
            "“các” “các”",
            "các\u{FFFC}các",
            "của’ của’",
            "-- --",
            "a-",
            "-a",
            "ả ả ả",
            "\u{301}a \u{301}a",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let corpora = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
        if corpora.is_dir() {
            let files = crate::fs::walk::files_under(&corpora, ".ftl").unwrap();
            texts.extend(files.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
        }
        for text in &texts {
            assert_eq!(quick(text), slow(text), "{:?}", &text[..text.len().min(200)]);
        }
    }

    /// Every letter `precomposed_differ` takes for a lower-case letter in NFC is one: its
    /// own lower case, and its own NFC.
    #[test]
    fn the_letters_taken_for_lower_case_are() {
        let mut known = 0;
        for c in (0..0x2000).filter_map(char::from_u32) {
            let alone = c.to_string();
            if precomposed_differ(&alone, "\u{1EF9}") || precomposed_differ(&alone, "a") {
                known += 1;
                assert!(c.to_lowercase().eq(std::iter::once(c)), "{c:?} U+{:04X}", c as u32);
                assert!(alone.nfc().eq(std::iter::once(c)), "{c:?}");
            }
        }
        // a–z, ß–ÿ, the lower half of Latin Extended-A and of the Vietnamese letters.
        assert!(known > 150, "{known}");
    }

    #[test]
    fn the_quick_comparison_agrees_with_the_slow_one() {
        let words = [
            "của",
            "cu\u{309}a",
            "CỦA",
            "các",
            "cac",
            "ca\u{301}c",
            "CA\u{301}C",
            "the",
            "The",
            "a",
            "á",
            "a\u{301}",
            "ê",
            "Ê",
            "đ",
            "Đ",
            "İ",
            "i\u{307}",
            "K",
            "\u{212A}",
            "k",
            "ab",
            "a\u{301}b",
            "áb",
            "ABC",
            "abc",
            "ab\u{301}c",
            "ĸ",
            "ŉ",
            "ạ",
            "Ạ",
            "ậ",
            "ạ\u{302}",
            "ſ",
            "s",
            "ÿ",
            "Ÿ",
            "ß",
            "ẞ",
            "ź",
            "Ź",
            "ňa",
            "Ňa",
            "cư",
            "cu\u{31B}",
            "Cư",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_word(a, b), same_word(b, a), "{a} {b}");
                let slow = a.nfc().flat_map(char::to_lowercase).eq(b.nfc().flat_map(char::to_lowercase));
                assert_eq!(same_word(a, b), slow, "{a} {b}");
            }
        }
    }
}
