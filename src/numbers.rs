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

const MONTHS: [&str; 12] = [
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
    let mut found = BTreeSet::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        // Most words have no digit and are no month name: they are passed over without
        // an allocation (a check reads every word of a newsroom's archive).
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            // English month names only in English: in Vietnamese `dệt may 2019` is
            // "textiles 2019", not May.
            if let Some(month) = month_of(word).filter(|_| language == "en") {
                if month != 5 || words.get(i + 1).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())) {
                    found.insert(Fact::Number(month.to_string()));
                }
            }
            continue;
        }
        let next = words.get(i + 1).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
        for token in numeric_tokens(word) {
            read_token(&token, language, lenient, next.as_deref(), &mut found);
        }
    }
    found
}

/// The month (1–12) an English month name stands for, full or abbreviated (`Oct.`).
fn month_of(word: &str) -> Option<usize> {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    if !(3..=9).contains(&bare.len()) || !bare.is_ascii() {
        return None;
    }
    let mut lower = [0u8; 9];
    for (to, from) in lower.iter_mut().zip(bare.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    let bare = &lower[..bare.len()];
    MONTHS
        .iter()
        .position(|m| m.as_bytes().starts_with(bare) && (bare.len() == m.len() || word.ends_with('.')))
        .map(|m| m + 1)
}

/// Runs of digits with their inner separators (`2,500`, `9:00`, `9h30`), split at `/`
/// and other characters.
fn numeric_tokens(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut token = String::new();
        while i < chars.len() {
            let c = chars[i];
            let inner = matches!(c, '.' | ',' | ':') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            let hour = c == 'h' && !token.contains('h') && chars.get(i + 1).is_none_or(|n| n.is_ascii_digit());
            if c.is_ascii_digit() || inner || hour {
                token.push(c);
                i += 1;
            } else {
                break;
            }
        }
        tokens.push(token);
    }
    tokens
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
    use super::*;

    fn numbers(text: &str, language: &str) -> Vec<String> {
        facts(text, language, false).into_iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn month_names_are_english_only() {
        assert!(facts("ngành dệt may 2019", "vi", false).iter().all(|f| *f != Fact::Number("5".into())));
        assert!(facts("on May 2, 2019", "en", false).contains(&Fact::Number("5".into())));
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
