//! `invisible-char`: zero-width, soft-hyphen and bidi control characters inside text, and
//! control characters (NUL, a lone carriage return…), which are errors.

use super::{Check, CheckInfo, FileCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct InvisibleChar;

static INFO: CheckInfo = CheckInfo {
    code: "invisible-char",
    severity: Severity::Warning,
    summary: "an invisible character (zero-width space, BOM, soft hyphen, bidi control, NUL) inside text",
    doc: "\
## What it finds
Characters that show nothing but change the text, inside a value or attribute:
U+200B zero width space, U+FEFF byte order mark, U+00AD soft hyphen, U+2060 word joiner,
U+180E, U+061C and U+200E/U+200F marks, and the bidi controls U+202A–U+202E and
U+2066–U+2069. Each is reported at its own line and column. (Zero width joiners, used in
emoji, are allowed; a character written as an escape such as `{ \"\\u200B\" }` is
deliberate and not reported.)

Control characters are reported as errors: NUL and the other C0 controls but tab, DEL and
the C1 controls U+0080–U+009F, and a carriage return that does not end a line (a file
saved with old Mac line endings, where every line runs into the next one).

## Why it matters
A U+200B inside `Hà Nội` splits the word for search, spell-checking and line breaking;
bidi controls can reorder what readers see. Nobody can see them in review. A control
character is never text: XML (XLIFF, TMX, HTML) cannot carry it, and many programs cut
the text at a NUL.

## Example
`Công ước Hà\u{200B}Nội` copied from a web page.

## How to fix
Delete the character (most editors can show invisible characters), or write it as an
escape if it is really wanted. For a lone carriage return, save the file with LF (or
CRLF) line endings.",
};

impl Check for InvisibleChar {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let file = cx.model.file;
        for (entry, offset, text) in cx.model.texts_not_plain_latin() {
            for (i, c) in text.char_indices() {
                let at = offset + i;
                let finding = |what: &str, name: &str| {
                    let message = format!("{what} U+{:04X} {name} inside the text", c as u32);
                    INFO.at(file, at..at + c.len_utf8(), Some(entry.key()), message)
                };
                if let Some(name) = control_name(c, &text[i..]) {
                    out.push(
                        finding("control character", name).severity(Severity::Error).label("control character").help(
                            if c == '\r' {
                                "this file has old Mac line endings (CR alone): save it with LF or CRLF line endings"
                            } else {
                                "delete it: a control character is never part of a text"
                            },
                        ),
                    );
                } else if let Some(name) = invisible_name(c) {
                    out.push(finding("invisible", name).label("invisible character"));
                }
            }
        }
    }
}

/// The name of a control character this check reports as an error, or `None`. `rest` is
/// the text from `c` on: a carriage return is reported only when no line feed follows.
pub fn control_name(c: char, rest: &str) -> Option<&'static str> {
    Some(match c {
        '\0' => "NULL",
        '\r' if !rest[1..].starts_with('\n') => "CARRIAGE RETURN not followed by a line feed",
        '\u{7F}' => "DELETE",
        '\t' | '\n' | '\r' => return None,
        c if c.is_control() => "(a control character)",
        _ => return None,
    })
}

/// The Unicode name of a character this check reports, or `None`.
pub fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (BOM)",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{2060}' => "WORD JOINER",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{2061}'..='\u{2064}' => "INVISIBLE OPERATOR",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc_quick, IsNormalized};

    /// What `text::is_plain_latin` lets the Unicode checks skip has nothing to report.
    #[test]
    fn plain_latin_text_has_nothing_to_report() {
        let mut plain = 0;
        for c in (0..0x3000).filter_map(char::from_u32) {
            if !crate::text::is_plain_latin(&c.to_string()) {
                continue;
            }
            plain += 1;
            let rest = format!("{c}x");
            assert_eq!(control_name(c, &rest), None, "{c:?}");
            assert_eq!(invisible_name(c), None, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        assert!(plain > 700, "{plain}");
        assert!(!crate::text::is_plain_latin("a\u{0300}"));
        assert!(!crate::text::is_plain_latin("a\u{200B}b"));
    }
}
