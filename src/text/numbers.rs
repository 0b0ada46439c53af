//! The numbers a text states, read the way English and Vietnamese write them, so that
//! `2,500` (en) and `2.500` (vi), `9:00`, `9h00` and `9 giờ`, `October 25` and `25/10`
//! or `25 tháng 10` count as the same facts.
//!
//! Written by hand: number-parsing crates read one locale's format at a time, and the
//! point here is to match facts across two conventions, times and month names included.

use std::collections::BTreeSet;

/// One fact a text states.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fact {
    /// A number, normalized: `2500`, `1.5`.
    Number(String),
    /// A time of day, 24-hour.
    Time(u32, u32),
}

impl std::fmt::Display for Fact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fact::Number(n) => f.write_str(n),
            Fact::Time(h, m) => write!(f, "{h}:{m:02}"),
        }
    }
}

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `,` or `.` groups thousands in this language.
fn thousands_is_dot(language: &str) -> bool {
    matches!(language, "vi" | "de" | "id" | "es" | "it" | "pt" | "nl" | "tr" | "da")
}

/// The facts a text states, read in `language`'s conventions. With `lenient`, a number
/// whose separators could be read both ways gives both readings (for the translation
/// side, so an English-style figure in a Vietnamese text still matches).
pub fn facts(text: &str, language: &str, lenient: bool) -> BTreeSet<Fact> {
    // Only digits and month names state facts: a text with neither is passed over
    // without looking at its words (a check reads every text of an archive).
    if !may_state_a_fact(text, reads_months(language, lenient)) {
        return BTreeSet::new();
    }
    facts_by_words(text, language, lenient)
}

/// English month names are read in English, and in a translation (which may keep the
/// English date); not in a Vietnamese source, where `dệt may 2019` is "textiles 2019",
/// not May.
fn reads_months(language: &str, lenient: bool) -> bool {
    language == "en" || lenient
}

/// Whether a text has a digit or, when `months` are read, could name a month that is a
/// fact on its own (any but May, which is one only with a day after it): the first three
/// letters of one, in any case, at the start of a word (after anything but an ASCII
/// letter or digit: a word's month is what [`month_of`] finds after its leading
/// punctuation). Most texts have neither, and are not split into words at all.
fn may_state_a_fact(text: &str, months: bool) -> bool {
    // Each byte's class: most bytes are passed over on one look-up.
    const DIGIT: u8 = 1;
    const MONTH: u8 = 2;
    const CLASS: [u8; 256] = {
        let mut class = [0; 256];
        let mut b = b'0';
        while b <= b'9' {
            class[b as usize] = DIGIT;
            b += 1;
        }
        let mut m = 0;
        while m < MONTHS.len() {
            let letter = MONTHS[m].as_bytes()[0];
            class[letter as usize] = MONTH;
            class[letter.to_ascii_uppercase() as usize] = MONTH;
            m += 1;
        }
        class
    };
    const MAY: usize = 4;
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|i| match CLASS[usize::from(bytes[i])] {
        0 => false,
        DIGIT => true,
        _ => {
            months
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                && month_starting(&bytes[i..]).is_some_and(|m| m != MAY)
        }
    })
}

/// The month (0–11) whose name starts with the first three bytes of `bytes`, in any
/// case (`| 0x20` lowers a letter's case, and makes no letter of anything else).
fn month_starting(bytes: &[u8]) -> Option<usize> {
    let three = [bytes.first()? | 0x20, bytes.get(1)? | 0x20, bytes.get(2)? | 0x20];
    MONTHS.iter().position(|m| m.as_bytes()[..3] == three)
}

/// [`facts`], read word by word.
fn facts_by_words(text: &str, language: &str, lenient: bool) -> BTreeSet<Fact> {
    let months = reads_months(language, lenient);
    let mut found = BTreeSet::new();
    let mut words = crate::text::split_whitespace(text).peekable();
    while let Some(word) = words.next() {
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            if let Some(month) = months.then(|| month_of(word)).flatten() {
                let dated = words.peek().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
                if month != 5 || dated {
                    found.insert(Fact::Number(month.to_string()));
                }
            }
            continue;
        }
        for token in numeric_tokens(word) {
            // The common case, a plain figure, without allocations but for the fact.
            if token.len() < 20 && token.bytes().all(|b| b.is_ascii_digit()) {
                let next = words.peek().map(|w| w.trim_matches(|c: char| !alphanumeric(c)));
                let clock = next.is_some_and(is_clock_word);
                if !clock {
                    let n: u64 = token.parse().expect("under 20 digits");
                    found.insert(Fact::Number(n.to_string()));
                    continue;
                }
            }
            let next = words.peek().map(|w| w.trim_matches(|c: char| !alphanumeric(c)).to_lowercase());
            read_token(token, language, lenient, next.as_deref(), &mut found);
        }
    }
    found
}

/// Whether a word (its punctuation trimmed) says that the figure before it is a time of
/// day: `giờ`, `am`, `a.m`, `pm`, `p.m`, in any case. Compared without lowering it into
/// a new string: this runs after nearly every figure of an archive.
fn is_clock_word(word: &str) -> bool {
    if word.len() > 6 {
        return false;
    }
    if word.is_ascii() {
        return ["am", "a.m", "pm", "p.m"].iter().any(|clock| word.eq_ignore_ascii_case(clock));
    }
    word.chars().flat_map(char::to_lowercase).eq("giờ".chars())
}

/// `char::is_alphanumeric`, without its table search for Vietnamese letters.
fn alphanumeric(c: char) -> bool {
    crate::text::is_letter(c) || c.is_numeric()
}

/// The month (1–12) an English month name stands for, full or abbreviated (`Oct.`).
fn month_of(word: &str) -> Option<usize> {
    // Most words do not start with the first letter of a month. Found on the bytes when
    // the word starts in ASCII, as most do: asking a non-ASCII character whether it is
    // alphanumeric is a table search.
    let bytes = word.as_bytes();
    let start = bytes.iter().position(|b| b.is_ascii_alphanumeric() || !b.is_ascii())?;
    let first = match bytes[start] {
        b if b.is_ascii() => {
            // The first three letters must start a month's name: most words are passed
            // over on this alone.
            month_starting(&bytes[start..])?;
            char::from(b)
        }
        _ => word.chars().find(|&c| alphanumeric(c))?,
    };
    if !matches!(first.to_ascii_lowercase(), 'j' | 'f' | 'm' | 'a' | 's' | 'o' | 'n' | 'd') {
        return None;
    }
    let bare = if word.is_ascii() {
        word.trim_matches(|c: char| !c.is_ascii_alphanumeric())
    } else {
        word.trim_matches(|c: char| !alphanumeric(c))
    };
    if !(3..=9).contains(&bare.len()) || !bare.is_ascii() {
        return None;
    }
    let mut lower = [0u8; 9];
    for (to, from) in lower.iter_mut().zip(bare.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    let bare = &lower[..bare.len()];
    // The first three letters name the month; the rest must follow its name.
    let month = month_starting(bare)?;
    let name = MONTHS[month].as_bytes();
    (name.starts_with(bare) && (bare.len() == name.len() || word.ends_with('.'))).then_some(month + 1)
}

/// Runs of digits with their inner separators (`2,500`, `9:00`, `9h30`), split at `/`
/// and other characters: slices of `word`, found byte by byte (all of it is ASCII).
fn numeric_tokens(word: &str) -> impl Iterator<Item = &str> {
    let bytes = word.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == bytes.len() {
            return None;
        }
        let start = i;
        let mut hour = false;
        while i < bytes.len() {
            let c = bytes[i];
            let next_is_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            let inner = matches!(c, b'.' | b',' | b':') && next_is_digit;
            let h = c == b'h' && !hour && (i + 1 == bytes.len() || next_is_digit);
            if c.is_ascii_digit() || inner || h {
                hour |= h;
                i += 1;
            } else {
                break;
            }
        }
        Some(&word[start..i])
    })
}

fn read_token(token: &str, language: &str, lenient: bool, next_word: Option<&str>, found: &mut BTreeSet<Fact>) {
    let int = |s: &str| s.parse::<u64>().ok().map(|n| n.to_string());
    // Times: 9:00, 9h00, 9h, 9 giờ, 9 a.m.
    let time = if let Some((h, m)) = token.split_once(':').or_else(|| token.split_once('h')) {
        match (h.parse::<u32>(), if m.is_empty() { Ok(0) } else { m.parse::<u32>() }) {
            (Ok(h), Ok(m)) if h < 24 && m < 60 => Some((h, m)),
            _ => None,
        }
    } else if let (Some(h), Some("giờ" | "am" | "a.m" | "pm" | "p.m")) = (token.parse::<u32>().ok(), next_word) {
        let pm = matches!(next_word, Some("pm" | "p.m")) && h < 12;
        (h < 24).then_some((if pm { h + 12 } else { h }, 0))
    } else {
        None
    };
    if let Some((h, m)) = time {
        found.insert(Fact::Time(h, m));
        // A time also states its hour, so "9 giờ" matches a bare "9".
        found.insert(Fact::Number(h.to_string()));
        return;
    }
    if token.contains(':') || token.contains('h') {
        for part in token.split([':', 'h']).filter(|p| !p.is_empty()) {
            if let Some(n) = int(part) {
                found.insert(Fact::Number(n));
            }
        }
        return;
    }
    let dot_groups = thousands_is_dot(language);
    let mut readings = vec![normalize(token, dot_groups)];
    if lenient {
        readings.push(normalize(token, !dot_groups));
    }
    for reading in readings.into_iter().flatten() {
        found.insert(Fact::Number(reading));
    }
}

/// Reads a number with `.`/`,` separators; `dot_groups` says `.` groups thousands.
fn normalize(token: &str, dot_groups: bool) -> Option<String> {
    let (group, decimal) = if dot_groups { ('.', ',') } else { (',', '.') };
    let (whole, fraction) = match token.split_once(decimal) {
        Some((w, f)) if !f.contains([group, decimal]) => (w, Some(f)),
        Some(_) => return None,
        None => (token, None),
    };
    let mut parts = whole.split(group);
    let first = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    // Group separators only count when every group after the first has three digits.
    if !rest.is_empty() && (first.is_empty() || first.len() > 3 || rest.iter().any(|p| p.len() != 3)) {
        return None;
    }
    let digits: String = std::iter::once(first).chain(rest).collect();
    let whole = digits.parse::<u64>().ok()?.to_string();
    Some(match fraction.map(|f| f.trim_end_matches('0')) {
        Some(f) if !f.is_empty() => format!("{whole}.{f}"),
        _ => whole,
    })
}

#[cfg(test)]
mod tests {
    /// A text without figures is passed over only when reading its words would find
    /// nothing either.
    #[test]
    fn the_month_pre_check_skips_only_texts_without_facts() {
        use proptest::prelude::*;
        let piece = proptest::sample::select(vec![
            "January", "jan.", "FEBRUARY", "March", "apr.", "May", "may", "June", "jULY", "Aug.", "Sept.", "oct.",
            "October", "november", "Dec.", "dec", "mar", "ma", "y", "ju", "ne", " ", "  ", "\u{a0}", ",", "(", "thá",
            "ng", "a", "Sa", ".", "é", "«", "\u{2014}", "1", "x",
        ]);
        for month in super::MONTHS {
            for text in [month.to_string(), month.to_uppercase(), format!("in {}. ", &month[..3]), format!("({month})")]
            {
                let slow = super::facts_by_words(&text, "en", false);
                assert_eq!(super::facts(&text, "en", false), slow, "{text:?}");
            }
        }
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(2000));
        runner
            .run(&proptest::collection::vec(piece, 0..12), |pieces| {
                let text = pieces.concat();
                for (language, lenient) in [("en", false), ("vi", true), ("vi", false)] {
                    let slow = super::facts_by_words(&text, language, lenient);
                    prop_assert_eq!(super::facts(&text, language, lenient), slow, "{:?}", text);
                }
                Ok(())
            })
            .unwrap();
    }

    use super::*;

    fn numbers(text: &str, language: &str) -> Vec<String> {
        facts(text, language, false).into_iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn a_figure_before_a_clock_word_is_a_time() {
        for text in ["lúc 9 giờ", "lúc 9 GIỜ", "at 9 PM", "at 9 p.m.", "9 Am"] {
            assert!(facts(text, "vi", true).iter().any(|f| matches!(f, Fact::Time(9 | 21, 0))), "{text}");
        }
    }

    #[test]
    fn month_names_are_english_only() {
        assert!(facts("ngành dệt may 2019", "vi", false).iter().all(|f| *f != Fact::Number("5".into())));
        assert!(facts("on May 2, 2019", "en", false).contains(&Fact::Number("5".into())));
        assert!(facts("“October” and Nov. 5", "en", false)
            .is_superset(&[10, 11].map(|n| Fact::Number(n.to_string())).into()));
    }

    #[test]
    fn thousands_and_decimals_follow_the_language() {
        assert_eq!(numbers("2,500 delegates", "en"), ["2500"]);
        assert_eq!(numbers("2.500 đại biểu", "vi"), ["2500"]);
        assert_eq!(numbers("1.5 million", "en"), ["1.5"]);
        assert_eq!(numbers("1,5 triệu", "vi"), ["1.5"]);
    }

    #[test]
    fn times_and_dates_match_across_conventions() {
        let en = facts("at 9:00 on October 25, 2025", "en", false);
        for vi in ["lúc 9 giờ ngày 25/10/2025", "lúc 9h00 ngày 25 tháng 10 năm 2025", "9h ngày 25/10/2025"] {
            let vi = facts(vi, "vi", true);
            assert!(en.is_subset(&vi), "{en:?} vs {vi:?}");
        }
    }

    #[test]
    fn ordinals_and_ranges() {
        assert_eq!(numbers("the 80th anniversary (1945 - 2025)", "en"), ["1945", "2025", "80"]);
        assert_eq!(numbers("24/7", "en"), ["24", "7"]);
    }
}
