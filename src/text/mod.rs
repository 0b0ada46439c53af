//! Small facts about text that several checks share: words, Vietnamese letters, CSS-like
//! values, and the HTML tags and Markdown links inside a text ([`markup`]).
//!
//! The language test is written by hand on purpose: general language detectors (whatlang,
//! lingua) need dozens of words to be reliable and cost far more per call, while the
//! question here is narrow: does a supposedly Vietnamese string carry any of the letters
//! and tone marks that every Vietnamese sentence has?

pub mod markup;
pub mod names;
pub mod numbers;

/// Bytes tested eight at a time, each in its own lane of a u64 (SWAR, as in Hacker's
/// Delight 6-1): the high bit of each lane of a result answers for that byte, and no
/// carry crosses from one lane to the next.
pub(crate) mod lanes {
    pub const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    pub const LOW: u64 = !HIGH;

    /// `byte` in every lane.
    pub const fn splat(byte: u8) -> u64 {
        u64::from_ne_bytes([byte; 8])
    }

    /// Set where the lane is not zero.
    #[inline(always)]
    pub fn nonzero(w: u64) -> u64 {
        ((w & LOW) + LOW) | w
    }

    /// Set where the lane is `byte`.
    #[inline(always)]
    pub fn equal(w: u64, byte: u8) -> u64 {
        !nonzero(w ^ splat(byte))
    }

    /// Set where the lane is `min` (1 to 0x80) or more.
    #[inline(always)]
    pub fn at_least(w: u64, min: u8) -> u64 {
        ((w & LOW) + splat(0x80 - min)) | w
    }

    /// Not zero when any lane is below `n` (1 to 0x80), on fewer steps than
    /// `!at_least`: exact for the eight bytes at once, but not lane by lane (a borrow
    /// may set a lane past the first one found).
    #[inline(always)]
    pub fn below(w: u64, n: u8) -> u64 {
        w.wrapping_sub(splat(n)) & !w & HIGH
    }
}

/// `text` without the byte-order mark an editor may have saved at its start (Windows
/// Notepad puts one in front of UTF-8): a file songngu reads is accepted with one. Only one
/// is taken off, where the file is read; a second one is content.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Whether every character is one that Vietnamese and English text is made of and that
/// no Unicode check has anything to say about: printable ASCII, tab and line feed,
/// Latin-1 (but the soft hyphen), Latin Extended-A and -B, the precomposed Vietnamese
/// letters, and typographic dashes, quotes and the ellipsis (U+2010–U+2027). Such text
/// is in NFC and has no invisible or control character, so those checks pass it over;
/// a test keeps this true against their own answers.
pub fn is_plain_latin(text: &str) -> bool {
    first_not_plain_latin(text, 0).is_none()
}

/// Where the first character from byte `from` on that is not plain Latin (see
/// [`is_plain_latin`]) starts, if any. Asked again from the byte after, it finds the
/// next: a file lists them all in one pass.
pub fn first_not_plain_latin(text: &str, from: usize) -> Option<usize> {
    // On the UTF-8 bytes (valid: it is a `str`), since every file is asked this, eight at
    // a time ([`lanes`]). Eight bytes pass when each is printable ASCII, a tab or a line
    // end; a continuation byte; the lead byte of U+00C0–U+01FF (C3–C8); E1 followed by
    // B8–BB (U+1E00–U+1EFF, the Vietnamese letters with their tones); or the leads of
    // the few other ranges with the bytes that make them plain. The bytes after each are
    // read with it (eight from one and two bytes further on), so a character across two
    // steps is no harder than one inside a step. Anything else, and the last few bytes,
    // are looked at one byte at a time.
    use lanes::{at_least, equal, splat, HIGH, LOW};
    let ascii = |w: u64| {
        let printable = at_least(w, 0x20) & !equal(w, 0x7F);
        !w & (printable | equal(w, b'\t') | equal(w, b'\n'))
    };
    // The rest is asked only when a byte is not ASCII; `next` and `after` hold the byte
    // after each lane's, and the one after that.
    let fine = |w: u64, ascii: u64, next: u64, after: u64| {
        // Bit 6 of each lane, moved up to its bit 7.
        let bit6 = w << 1;
        let continuation = w & !bit6;
        let low6 = w & splat(0x3F);
        let c3_to_c8 = w & bit6 & at_least(low6, 3) & !at_least(low6, 9);
        let vietnamese = equal(w, 0xE1) & equal(next & splat(0xFC), 0xB8);
        // C2 A0–BF but the soft hyphen (U+00A0–U+00BF: the no-break space, «, », ©…).
        let latin1 = equal(w, 0xC2) & equal(next & splat(0xE0), 0xA0) & !equal(next, 0xAD);
        // E2 80 90–A7 (U+2010–U+2027: dashes, quotes, the ellipsis).
        let in_range = after & at_least(after & LOW, 0x10) & !at_least(after & LOW, 0x28);
        let punctuation = equal(w, 0xE2) & equal(next, 0x80) & in_range;
        (ascii | continuation | c3_to_c8 | vietnamese | latin1 | punctuation) & HIGH == HIGH
    };
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        if let Some(ten) = b.get(i..i + 10) {
            let word = |k: usize| u64::from_le_bytes(ten[k..k + 8].try_into().expect("eight bytes"));
            let w = word(0);
            // Printable ASCII alone, as most of most text is, on fewer steps first.
            if (at_least(w, 0x20) & !at_least(w, 0x7F)) & HIGH == HIGH {
                i += 8;
                continue;
            }
            let ascii = ascii(w);
            if ascii & HIGH == HIGH || fine(w, ascii, word(1), word(2)) {
                i += 8;
                continue;
            }
        }
        // Else these eight bytes one by one. A character may run past them: its lead
        // byte looks ahead, and its other bytes are fine on their own.
        let end = (i + 8).min(b.len());
        while i < end {
            if !plain_latin_byte(b, i) {
                return Some(i);
            }
            i += 1;
        }
    }
    None
}

/// The byte at `i` of [`is_plain_latin`]'s text, with the bytes after it when it leads a
/// character that they decide.
#[inline(always)]
fn plain_latin_byte(b: &[u8], i: usize) -> bool {
    // Each byte has a class: fine as it is (printable ASCII, tab, line feed, the lead
    // byte of U+00C0–U+01FF, any continuation byte), never fine, or a lead byte whose
    // next bytes decide: U+00A0–U+00BF is C2 A0–BF, U+0200–U+024F is C9 80–8F,
    // U+1E00–U+1EFF is E1 B8–BB xx, U+2010–U+2027 is E2 80 90–A7. Mostly the first: one
    // well-predicted test per byte, which matters for Vietnamese, where the kinds of
    // bytes alternate.
    const FINE: u8 = 0;
    const NEVER: u8 = 1;
    const CLASS: [u8; 256] = {
        let mut class = [NEVER; 256];
        let mut b = 0;
        while b < 256 {
            class[b] = match b as u8 {
                b' '..=b'~' | b'\t' | b'\n' | 0x80..=0xBF | 0xC3..=0xC8 => FINE,
                lead @ (0xC2 | 0xC9 | 0xE1 | 0xE2) => lead,
                _ => NEVER,
            };
            b += 1;
        }
        class
    };
    match CLASS[usize::from(b[i])] {
        FINE => true,
        NEVER => false,
        0xC2 => b[i + 1] >= 0xA0 && b[i + 1] != 0xAD,
        0xC9 => b[i + 1] <= 0x8F,
        0xE1 => (0xB8..=0xBB).contains(&b[i + 1]),
        _ => b[i + 1] == 0x80 && (0x90..=0xA7).contains(&b[i + 2]),
    }
}

/// `str::split_whitespace`, found on the bytes: the same words, split at the same
/// (Unicode) spaces. The standard one decodes every character to ask whether it is a
/// space; here the bytes of the few non-ASCII spaces (U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) are compared as they are,
/// which matters to the figure check: it reads every word of an archive. A test holds
/// the two to the same answers for every character.
pub fn split_whitespace(text: &str) -> impl Iterator<Item = &str> + Clone {
    /// Per byte: 0 inside a word, 1 an ASCII space, 2 the first byte of what may be a
    /// non-ASCII space.
    const CLASS: [u8; 256] = {
        let mut class = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            class[b] = match b as u8 {
                b'\t'..=b'\r' | b' ' => 1,
                0xC2 | 0xE1 | 0xE2 | 0xE3 => 2,
                _ => 0,
            };
            b += 1;
        }
        class
    };
    let bytes = text.as_bytes();
    // The length of the space at `i`, 0 when there is none.
    let space = move |i: usize| -> usize {
        match CLASS[usize::from(bytes[i])] {
            0 => 0,
            1 => 1,
            _ => match bytes[i] {
                0xC2 => 2 * usize::from(matches!(bytes[i + 1], 0x85 | 0xA0)),
                0xE1 => 3 * usize::from(bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80),
                0xE2 => {
                    let space = match bytes[i + 1] {
                        0x80 => matches!(bytes[i + 2], 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
                        0x81 => bytes[i + 2] == 0x9F,
                        _ => false,
                    };
                    3 * usize::from(space)
                }
                _ => 3 * usize::from(bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80),
            },
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            if i >= bytes.len() {
                return None;
            }
            match space(i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        loop {
            // Most bytes are inside a word: skipped on the table alone.
            while i < bytes.len() && CLASS[usize::from(bytes[i])] == 0 {
                i += 1;
            }
            if i >= bytes.len() || space(i) > 0 {
                break;
            }
            i += 1;
        }
        Some(&text[start..i])
    })
}

/// The language subtag of a locale: `vi` for `vi-VN`.
pub fn language(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

/// Words: runs of letters, with their combining marks (decomposed text), apostrophes
/// and inner hyphens (`Tuy-ni-di` is one word).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        !(is_letter(c)
            || c == '\''
            || c == '’'
            || c == '-'
            || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c)))
    })
    .map(|w| w.trim_matches('-'))
    .filter(|w| w.chars().any(is_letter))
}

/// `char::is_alphabetic`, answered without a table look-up for ASCII and for the Latin
/// blocks Vietnamese is written in (every other character asks the table): the language
/// and number checks look at every character of every text.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        // Latin-1 letters (not × and ÷), Latin Extended-A and -B.
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        // Latin Extended Additional: every precomposed Vietnamese letter with its tone.
        '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Words of two letters or more: what the language test counts.
fn counted_words(text: &str) -> impl Iterator<Item = &str> {
    words(text).filter(|w| w.chars().filter(|c| is_letter(*c)).nth(1).is_some())
}

/// Does this character belong only to Vietnamese among Latin-script languages we meet:
/// ă â đ ê ô ơ ư or a tone mark (acute, grave, hook above, tilde, dot below)?
pub fn is_vietnamese_letter(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if matches!(c, 'đ' | 'Đ' | '\u{1EA0}'..='\u{1EF9}') {
        // Ạ to ỹ: the Vietnamese letters with tone marks, all of them.
        return true;
    }
    use unicode_normalization::char::decompose_canonical;
    let mut marked = false;
    decompose_canonical(c, |part| {
        // breve, circumflex, horn, and the five tone marks
        marked |= matches!(
            part,
            '\u{0306}' | '\u{0302}' | '\u{031B}' | '\u{0300}' | '\u{0301}' | '\u{0309}' | '\u{0303}' | '\u{0323}'
        );
    });
    marked
}

/// Vietnamese words as a share of all words (0.0 when there are none).
pub fn vietnamese_share(text: &str) -> (usize, usize) {
    let mut total = 0;
    let mut vietnamese = 0;
    for word in counted_words(text) {
        total += 1;
        if word.chars().any(is_vietnamese_letter) {
            vietnamese += 1;
        }
    }
    (vietnamese, total)
}

/// At least three words and not one of them Vietnamese: a supposedly Vietnamese text
/// still in another language. Stops at the first Vietnamese word, which in a translated
/// text is one of the first few.
pub fn has_no_vietnamese_word(text: &str) -> bool {
    let mut total = 0;
    for word in counted_words(text) {
        if word.chars().any(is_vietnamese_letter) {
            return false;
        }
        total += 1;
    }
    total >= 3
}

/// True when a value has something a translator would translate: a word of two letters
/// or more with a lowercase letter (all-capital tokens such as `URL`, `SHA` or `VK_F5`
/// are codes and acronyms), and it is not a CSS declaration list (`width: 32em;`).
pub fn has_translatable_words(text: &str) -> bool {
    if is_css_like(text) {
        return false;
    }
    words(text).any(|w| w.chars().filter(|&c| is_letter(c)).count() >= 2 && w.chars().any(char::is_lowercase))
}

/// `property: value;` lists such as Firefox's `.style = width: 32em; min-height: 4em`.
pub fn is_css_like(text: &str) -> bool {
    // Every declaration has a `:`; most texts have none, and are known in one pass.
    if !text.contains(':') {
        return false;
    }
    let mut declarations = text.split(';').map(str::trim).filter(|d| !d.is_empty()).peekable();
    declarations.peek().is_some()
        && declarations.all(|d| match d.split_once(':') {
            Some((property, value)) => {
                let property = property.trim();
                !property.is_empty()
                    && property.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !value.trim().is_empty()
                    && !value.contains("  ")
                    && value.split_whitespace().count() <= 4
            }
            None => false,
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn split_whitespace_splits_where_the_standard_one_does() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for text in [format!("a{c}b"), format!("{c}"), format!("{c}{c}x {c}")] {
                assert!(super::split_whitespace(&text).eq(text.split_whitespace()), "U+{:04X}", c as u32);
            }
        }
        let text = "  Ngày 25/10,\u{00A0}lúc 9\u{202F}giờ\u{3000}— tiếng Việt\t\n";
        assert!(super::split_whitespace(text).eq(text.split_whitespace()));
    }

    use super::*;

    #[test]
    fn plain_latin_is_exactly_its_ranges() {
        let by_char = |c: char| matches!(c, ' '..='~' | '\t' | '\n' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}');
        for c in (0..0x11000).filter_map(char::from_u32) {
            assert_eq!(is_plain_latin(&format!("a{c}b")), by_char(c), "{c:?} U+{:04X}", c as u32);
        }
        // At each place of an eight-byte step, among printable ASCII.
        for c in (0..0x3000).filter_map(char::from_u32) {
            for before in 0..9 {
                let text = format!("{}{c}{}", "x".repeat(before), "~ 0aZ}!y".repeat(2));
                assert_eq!(is_plain_latin(&text), by_char(c), "{c:?} after {before}");
            }
        }
    }

    #[test]
    fn the_quick_letter_test_agrees_with_the_table() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn vietnamese_letters() {
        for c in "ăâđêôơưáàảãạếỹ".chars() {
            assert!(is_vietnamese_letter(c), "{c}");
        }
        for c in "aeoyçüßø".chars() {
            assert!(!is_vietnamese_letter(c), "{c}");
        }
    }

    #[test]
    fn decomposed_text_is_still_vietnamese() {
        assert!(!has_no_vietnamese_word("Loa\u{323}i bo\u{309} đi"));
        assert!(has_no_vietnamese_word("Remove it now"));
        assert!(!has_no_vietnamese_word("Remove it"));
        assert_eq!(vietnamese_share("Loa\u{323}i bo\u{309} đi"), (3, 3));
        assert_eq!(vietnamese_share("{ $x }px x { $y }px"), (0, 2));
        assert_eq!(vietnamese_share("Tuy-ni-di"), (0, 1));
    }

    #[test]
    fn css_is_not_translatable() {
        assert!(!has_translatable_words("width: 32em; min-height: 4em;"));
        assert!(!has_translatable_words("  "));
        assert!(has_translatable_words("Note: read this first"));
        assert!(has_translatable_words("Open the file"));
        assert!(!has_translatable_words("SHA-256"));
        assert!(!has_translatable_words("VK_F5"));
    }
}
