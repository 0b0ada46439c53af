//! Names, brands and codes: the words of a text that stay the same in every language
//! (`Mozilla Firefox`, `Bosnia and Herzegovina`, `HTTPS`, `Wi-Fi`, `64-bit`), told from
//! the words of its language (`Default User`, `the ceremony`), so that a Vietnamese text
//! made of names is not taken for English left untranslated.
//!
//! There is no word list: a capitalised word is a word of the language when the
//! reference file writes it in lower case somewhere (`Session`, because another message
//! says "this session"), and a name when it never does (`Andorra`, `Firefox`). Words are
//! compared by a crude stem (`Opens` meets `opened`, `Countries` meets `country`). A
//! newsroom's headline in title case is read as English through its article, whose
//! paragraphs write the same words in lower case; a file of region names or brands never
//! does. The file is the reference's own, so a finding depends on nothing outside the
//! resource it is in (the check cache keys results by resource).

/// The stems a file writes in lower case, hashed with foldhash (SipHash cost more than
/// the rest of the reading).
pub type Stems = foldhash::HashSet<Box<str>>;

use super::{is_letter, split_whitespace};

/// What a text is made of, for the question "is it still in the reference language?".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Words of the reference language.
    pub words: usize,
    /// Of those, the ones written in lower case: a name has none but joining words
    /// (`and`, `of`), a sentence has several however many names it has.
    pub lowercase: usize,
    /// Names, brands and codes: the same in every language.
    pub names: usize,
    /// English function words (`the`, `was`, `with`) that did not count as words above:
    /// the glue of an English sentence, whatever its other words, and spelled by no
    /// Vietnamese syllable (unlike `in`, `to`, `do`, `an`, which are also Vietnamese).
    pub function_words: usize,
}

/// English function words that no Vietnamese syllable without marks spells: what tells
/// an English sentence in a Vietnamese file from Vietnamese typed without its marks
/// (`in trang`, `cho`, `to`, `than` are Vietnamese words too, and are left out).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "for", "with", "was", "were", "is", "are", "that", "this", "these", "those", "from", "by",
    "has", "have", "had", "will", "would", "been", "which", "who", "what", "when", "where", "their", "there", "they",
    "it", "its", "or", "not", "but", "into", "about", "our", "your", "you", "we", "she", "his", "her", "at", "on",
    "as", "if",
];

/// What one whitespace-separated token of a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// No word in it (punctuation, a number alone, a single letter such as an access key).
    Nothing,
    /// A code, or a name written as one: all capitals (`US`, `HTTPS`), a capital inside
    /// (`ChatGPT`, `iOS`), a digit (`64-bit`, `MP3`), an identifier, a file or web name
    /// (`passwords.csv`, `yourname@example.com`), the tail of a placeable (`{ $n }-bit`),
    /// a unit (`ms`, `px`: no vowel) or a placeholder (`yyyy`).
    Code,
    /// A word that joins names in every language's names (`and` in `Bosnia and
    /// Herzegovina`, `of`, `the`, `de`), in any case: neither a name nor evidence of a
    /// language on its own.
    Joining(&'a str),
    /// A word in lower case (`ceremony`).
    Lower(&'a str),
    /// A word with a capital first letter and no other (`Session`, `Andorra`).
    Capitalised(&'a str),
    /// A month or a weekday, in any case: a word of the language, never a name.
    Calendar,
}

/// Words that join the parts of a name: `Trinidad and Tobago`, `Isle of Man`, `The
/// Guardian`, `Firefox for Android`, `Bassas da India`. Short function words also in
/// every English sentence, where the other words decide.
const JOINING: &[&str] = &[
    "and", "or", "of", "the", "for", "on", "in", "at", "to", "an", "de", "da", "do", "du", "des", "del", "di", "la",
    "le", "les", "von", "van", "der", "den", "y", "et",
];

/// Weekdays: with the months ([`crate::text::numbers`]), English words that are written
/// with a capital, and translated (`October 26` is `26/10` in Vietnamese).
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn is_calendar_word(lowered: &str) -> bool {
    super::numbers::MONTHS.contains(&lowered) || WEEKDAYS.contains(&lowered)
}

fn is_function_word(word: &str) -> bool {
    ENGLISH_FUNCTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn is_vowel(c: char) -> bool {
    // Any letter outside ASCII but the micro sign counts as one (every Vietnamese vowel
    // with its marks, `ư`, `ỹ`): only ASCII consonants and `µ` make a unit (`ms`, `µs`).
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y') || (!c.is_ascii() && c != 'µ')
}

/// Characters a token is taken out of: brackets, quotes and sentence punctuation.
fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '¿' | '¡' | '*' | '„')
}

fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | '.' | ',' | ';' | ':' | '!' | '?' | '…' | '*')
}

/// The token without its brackets, quotes and punctuation, and whether it ends a sentence.
fn core(token: &str) -> (&str, bool) {
    let start = token.trim_start_matches(is_opening);
    let core = start.trim_end_matches(is_closing);
    let ends_sentence = start[core.len()..].contains(['.', '!', '?', '…']);
    (core, ends_sentence)
}

fn token(core: &str) -> Token<'_> {
    let mut letters = core.chars().filter(|&c| is_letter(c));
    let (Some(first), Some(_)) = (letters.next(), letters.next()) else {
        return Token::Nothing;
    };
    // Glued to what came before it (a placeable: `{ $bits }-bit`, `{ $name }.pem`), or a
    // file, identifier, address or path.
    if core.starts_with(['-', '.'])
        || core.chars().any(|c| {
            c.is_ascii_digit() || matches!(c, '.' | '_' | '/' | '\\' | '@' | ':' | '+' | '=' | '#' | '&' | '~' | '|')
        })
    {
        return Token::Code;
    }
    // Joining and calendar words are short ASCII words: lowered on the stack, not in a
    // new string for every word of every text.
    let mut buf = [0u8; 12];
    if core.len() <= buf.len() && core.is_ascii() {
        for (b, c) in buf.iter_mut().zip(core.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        let lowered = std::str::from_utf8(&buf[..core.len()]).expect("ASCII");
        if JOINING.contains(&lowered) {
            return Token::Joining(core);
        }
        if is_calendar_word(lowered) {
            return Token::Calendar;
        }
    }
    let mut previous = ' ';
    let mut capitals = 0;
    for c in core.chars() {
        if c.is_uppercase() {
            // A capital after a small letter (`ChatGPT`, `iPhone`, `WebRTC`) or after a
            // hyphen (`Wi-Fi`, `Max-Age`, `Guinea-Bissau`): written as names are.
            if previous.is_lowercase() || previous == '-' {
                return Token::Code;
            }
            capitals += 1;
        }
        previous = c;
    }
    let letter_count = core.chars().filter(|&c| is_letter(c)).count();
    if capitals == letter_count {
        return Token::Code;
    }
    let vowels = core.chars().any(is_vowel);
    let one_letter_repeated = core.chars().all(|c| c == first);
    if (!vowels && letter_count <= 4) || one_letter_repeated {
        return Token::Code;
    }
    if first.is_uppercase() {
        Token::Capitalised(core)
    } else if capitals == 0 {
        Token::Lower(core)
    } else {
        // Only a capital that follows another one is left (`eBAY`): a name.
        Token::Code
    }
}

/// `text` with its markup tags (`<a href="…">`, `</span>`) blanked out: they are not
/// words of any language.
fn without_tags(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('<') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let opens_tag = tag[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match tag.find('>').filter(|_| opens_tag) {
            Some(end) => {
                out.push(' ');
                rest = &tag[end + 1..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A crude English stem, the same for the forms of a word that a file and a label write
/// (`open`, `opens`, `opened`, `opening`; `country`, `countries`; `close`, `closed`), so
/// that a word the file writes in one form is known in another. Other languages' words
/// pass through mostly as they are: a stem only needs to be the same on both sides.
pub fn stem(word: &str) -> String {
    let mut stem = word.to_lowercase();
    let long_enough = |rest: &str| rest.chars().count() >= 3;
    if let Some(rest) = stem.strip_suffix("ies").filter(|r| long_enough(r)) {
        stem = format!("{rest}y");
    } else if let Some(rest) = ["ing", "ed", "s"].iter().find_map(|suffix| {
        stem.strip_suffix(suffix).filter(|r| long_enough(r) && !(*suffix == "s" && r.ends_with('s')))
    }) {
        stem.truncate(rest.len());
    }
    if let Some(rest) = stem.strip_suffix('e').filter(|r| long_enough(r)) {
        stem.truncate(rest.len());
    }
    stem
}

/// Adds the stems ([`stem`]) of the words `text` writes in lower case (`ceremony`,
/// `sans-serif`) to `words`: what [`read`] asks about a capitalised word.
pub fn lowercase_words(text: &str, words: &mut Stems) {
    let text = without_tags(text);
    for raw in split_whitespace(&text) {
        if let Token::Lower(word) = token(core(raw).0) {
            let stem = stem(word);
            if !words.contains(stem.as_str()) {
                words.insert(stem.into());
            }
        }
    }
}

/// Reads `text` word by word. `written_lowercase` answers whether the reference writes a
/// word (given as its [`stem`]) in lower case somewhere ([`lowercase_words`]):
/// - a word in lower case is a word of the language when the reference writes it (a
///   Vietnamese word without marks, `trang`, is not English for being unmarked);
/// - a capitalised word is one too when the reference writes it in lower case
///   (`Session`), or when it starts a sentence that goes on in lower case (`Delegates
///   arrive…`); any other is a name (`Andorra`, `Firefox`, `Herzegovina`);
/// - months and weekdays are words; codes are names; joining words (`and`, `of`) count
///   for neither.
pub fn read(text: &str, written_lowercase: &dyn Fn(&str) -> bool) -> Reading {
    let known = |word: &str| written_lowercase(&stem(word));
    let text = without_tags(text);
    let tokens: Vec<(Token<'_>, bool)> = split_whitespace(&text)
        .map(|raw| {
            let (core, ends_sentence) = core(raw);
            (token(core), ends_sentence)
        })
        .collect();
    let mut reading = Reading::default();
    let mut starts_sentence = true;
    for (i, &(token, ends_sentence)) in tokens.iter().enumerate() {
        match token {
            Token::Nothing => {}
            Token::Code => reading.names += 1,
            Token::Calendar => reading.words += 1,
            Token::Joining(word) => reading.function_words += usize::from(is_function_word(word)),
            Token::Lower(word) => {
                if known(word) {
                    reading.words += 1;
                    reading.lowercase += 1;
                } else if is_function_word(word) {
                    reading.function_words += 1;
                }
            }
            Token::Capitalised(word) => {
                // The next word that is not a joining one: `Delegates at the ceremony`.
                let next = tokens[i + 1..].iter().find(|(t, _)| !matches!(t, Token::Joining(_)));
                let sentence_goes_on =
                    starts_sentence && !ends_sentence && matches!(next, Some((Token::Lower(next), _)) if known(next));
                if sentence_goes_on || known(word) {
                    reading.words += 1;
                } else if is_function_word(word) {
                    reading.function_words += 1;
                } else {
                    reading.names += 1;
                }
            }
        }
        if token != Token::Nothing || ends_sentence {
            starts_sentence = ends_sentence;
        }
    }
    reading
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` against the lower-case words of `reference`.
    fn reading(text: &str, reference: &str) -> (usize, usize) {
        let mut words = Stems::default();
        lowercase_words(reference, &mut words);
        let r = read(text, &|w| words.contains(w));
        (r.words, r.names)
    }

    #[test]
    fn stems_meet_across_forms() {
        for (a, b) in [
            ("opens", "opened"),
            ("Countries", "country"),
            ("signing", "signed"),
            ("closes", "close"),
            ("classes", "class"),
            ("boxes", "box"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("sign"), stem("song"));
    }

    #[test]
    fn names_and_brands_are_not_english_words() {
        let file = "Open a new window. Your session ends when the browser closes. We monitor the edge of the page.";
        for name in [
            "Mozilla Firefox",
            "Firefox Nightly",
            "Google Chrome",
            "Andorra",
            "Bosnia and Herzegovina",
            "Trinidad and Tobago",
            "Papua New Guinea",
            "Guinea-Bissau",
            "The Guardian",
            "Le Chat Mistral",
        ] {
            let (words, names) = reading(name, file);
            assert!(words < names || words == 0, "{name}: {words} words, {names} names");
        }
        // A capitalised word the reference writes in lower case is a word.
        assert_eq!(reading("Session", file), (1, 0));
        assert_eq!(reading("Microsoft Edge", file), (1, 1));
        assert_eq!(reading("Firefox Monitor", file), (1, 1));
    }

    #[test]
    fn dates_are_words() {
        assert_eq!(reading("October 26, 2025", ""), (1, 0));
        assert_eq!(reading("Sunday", ""), (1, 0));
    }

    #[test]
    fn codes_are_names() {
        for code in [
            "US",
            "HTTPS",
            "Wi-Fi",
            "ChatGPT",
            "iOS",
            "64-bit",
            "passwords.csv",
            "yourname@example.com",
            "ms",
            "µs",
            "yyyy",
            "CmdOrCtrl+F",
            "MOZ_GLEAN_ANDROID",
        ] {
            assert_eq!(reading(code, "wi-fi is on"), (0, 1), "{code}");
        }
        assert_eq!(reading("( -bit)", ""), (0, 1));
        assert_eq!(reading("<a href=\"x\">Firefox</a>", "href"), (0, 1));
    }

    #[test]
    fn a_sentence_is_words() {
        let file = "Delegates arrive today at the signing ceremony.";
        assert_eq!(reading("Delegates arrive in Hanoi today.", file), (3, 1));
        assert_eq!(reading("Delegates at the ceremony", file), (2, 0));
        // A title-case headline reads as English through its article's words.
        let article = "The convention was signed by delegations from 72 countries at a ceremony.";
        assert_eq!(reading("Delegations Attend Signing Ceremony of the Convention", article), (4, 1));
    }

    #[test]
    fn a_sentence_full_of_names_still_has_its_words() {
        let text = "State President Luong Cuong said that Vietnam is ready to work with the United Nations, Interpol and ASEAN partners.";
        let mut words = Stems::default();
        lowercase_words(text, &mut words);
        let r = read(text, &|w| words.contains(w));
        assert!(r.names > r.words && r.lowercase >= 6, "{r:?}");
    }

    #[test]
    fn english_glue_is_english_whatever_the_file_says() {
        let text = "The weather in Hanoi was sunny and warm for the visiting delegations.";
        let r = read(text, &|_| false);
        assert_eq!((r.words, r.function_words, r.names), (0, 5, 1), "{r:?}");
        // Vietnamese typed without its marks has none of them.
        assert_eq!(read("in trang, to cho an do than", &|_| false).function_words, 0);
    }

    #[test]
    fn unmarked_vietnamese_words_are_not_english() {
        let file = "Pages by site. Print this web page, or print it later.";
        assert_eq!(reading("Theo trang web", file), (1, 1));
        assert_eq!(reading("in, in trang, print", file), (1, 0));
    }
}
