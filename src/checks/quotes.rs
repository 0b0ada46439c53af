//! `quotes`: straight quotation marks (`"`, `'`) in a file whose other quotation marks
//! are typographic (`“ ”`, `’`).

use super::{Check, CheckInfo, FileCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::Entry;
use crate::ftl::prose::{is_prose, Prose};

pub struct Quotes;

static INFO: CheckInfo = CheckInfo {
    code: "quotes",
    severity: Severity::Warning,
    summary: "straight quotes (`\"`, `'`) in a file whose other quotes are typographic (`“ ”`, `’`)",
    doc: "\
## What it finds
A text with straight double quotes `\"…\"` in a file whose other texts quote with
typographic ones `“…”`, and a straight apostrophe `'` in a file whose other apostrophes
are `’`. Each text is reported once per kind, at its first straight mark. Every file is
looked at, the reference included: a file is a page of one language, and its marks should
be one style.

Only mixing is reported: a file that quotes with straight marks alone is consistent, and
left alone. When a file mixes them, the straight ones are reported whichever are more,
since Vietnamese and English typography both write `“ ”` and `’`, and a straight mark is
a typewriter's stand-in for them.

Not looked at: placeables (`{ \"\\\"\" }` is Fluent syntax), the inside of HTML tags
(`<a href=\"…\">`), attributes that are keys or CSS (`.accesskey`, `.style`), a mark right
after a figure (`27\"`, `5'`: inches, feet, minutes), and `« »`.

## Why it matters
Readers see straight quotes among curly ones as a slip: the text looks pasted from
somewhere else, and a published article looks unedited.

## Example
    # vi
    p3 = Với chủ đề “Chống tội phạm mạng – Chia sẻ trách nhiệm”, …
    p4 = Thứ trưởng cho biết \"tội phạm mạng đã nổi lên thành một thách thức\".

## How to fix
Write `“` and `”` (and `’` for an apostrophe), as the rest of the file does.",
};

/// The two kinds of mark this check compares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    Apostrophe,
}

impl Kind {
    fn of(c: char) -> Option<(Kind, bool)> {
        Some(match c {
            '"' => (Kind::Double, true),
            '“' | '”' | '„' => (Kind::Double, false),
            '\'' => (Kind::Apostrophe, true),
            '’' | '‘' => (Kind::Apostrophe, false),
            _ => return None,
        })
    }
}

/// One entry's straight marks of a kind: how many, and where the first is.
struct Straight {
    entry: usize,
    kind: Kind,
    count: usize,
    first: usize,
}

impl Check for Quotes {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        use crate::ftl::model::marks::{CURLY_QUOTE, STRAIGHT_QUOTE};
        let (file, model) = (cx.model.file, cx.model);
        // Mixing needs both kinds in the file: most files are known to have nothing to
        // report from the marks of their entries alone.
        if !model.any_marks(STRAIGHT_QUOTE) || !model.any_marks(CURLY_QUOTE) {
            return;
        }
        // The straight marks of the text first: most of those the bytes have are syntax.
        let mut straight: Vec<Straight> = Vec::new();
        for (n, entry) in model.entries.iter().enumerate().filter(|&(n, _)| model.marks_at(n) & STRAIGHT_QUOTE != 0) {
            marks(file, entry, &mut |at, c| {
                let Some((kind, true)) = Kind::of(c) else { return };
                // Entries come in order: only this entry's last two (one per kind) can match.
                match straight.iter_mut().rev().take(2).find(|s| s.entry == n && s.kind == kind) {
                    Some(s) => s.count += 1,
                    None => straight.push(Straight { entry: n, kind, count: 1, first: at }),
                }
            });
        }
        if straight.is_empty() {
            return;
        }
        let mut typographic = [0usize; 2];
        for (_, entry) in model.entries.iter().enumerate().filter(|&(n, _)| model.marks_at(n) & CURLY_QUOTE != 0) {
            marks(file, entry, &mut |_, c| {
                if let Some((kind, false)) = Kind::of(c) {
                    typographic[kind as usize] += 1;
                }
            });
        }
        for s in straight {
            let others = typographic[s.kind as usize];
            if others == 0 {
                continue;
            }
            let entry = &model.entries[s.entry];
            let message = match (s.kind, s.count) {
                (Kind::Double, 1) => "a straight quote `\"` in a file that quotes with `“…”`".to_string(),
                (Kind::Double, n) => format!("{n} straight quotes `\"` in a file that quotes with `“…”`"),
                (Kind::Apostrophe, 1) => "a straight apostrophe `'` in a file whose apostrophes are `’`".to_string(),
                (Kind::Apostrophe, n) => format!("{n} straight apostrophes `'` in a file whose apostrophes are `’`"),
            };
            let (label, help) = match s.kind {
                Kind::Double if others == 1 => {
                    ("straight quote", "write “ and ”, as the file's other quotation mark is".to_string())
                }
                Kind::Double => {
                    ("straight quote", format!("write “ and ”, as the file's {others} other quotation marks are"))
                }
                Kind::Apostrophe if others == 1 => {
                    ("straight apostrophe", "write ’, as the file's other apostrophe is".to_string())
                }
                Kind::Apostrophe => {
                    ("straight apostrophe", format!("write ’, as the file's {others} other apostrophes are"))
                }
            };
            out.push(INFO.at(file, s.first..s.first + 1, Some(entry.key()), message).label(label).help(help));
        }
    }
}

/// Every quotation mark or apostrophe of an entry's prose, with its file offset: outside
/// placeables, HTML tags, key and CSS attributes, and not right after a figure.
fn marks(file: &crate::ftl::file::SourceFile, entry: &Entry<'_>, visit: &mut impl FnMut(usize, char)) {
    for (part, pattern) in entry.parts() {
        // Typographic marks all start with the byte E2 in UTF-8.
        if !crate::ftl::prose::any_text(pattern, &mut |t| memchr::memchr3(b'"', b'\'', 0xE2, t.as_bytes()).is_some()) {
            continue;
        }
        let prose = Prose::new(file, pattern);
        if !is_prose(part, &prose.text) {
            continue;
        }
        for text in prose.all() {
            let text_bytes = text.text.as_bytes();
            let tags: Vec<std::ops::Range<usize>> = if memchr::memchr(b'<', text_bytes).is_some() {
                crate::text::markup::tags(&text.text).map(|t| t.range).collect()
            } else {
                Vec::new()
            };
            // The tags are in order, as the marks are: one pass over both.
            let mut tag = 0;
            for at in memchr::memchr3_iter(b'"', b'\'', 0xE2, text_bytes) {
                let Some(c) = text.text[at..].chars().next() else { continue };
                while tags.get(tag).is_some_and(|t| t.end <= at) {
                    tag += 1;
                }
                if Kind::of(c).is_none() || tags.get(tag).is_some_and(|t| t.contains(&at)) {
                    continue;
                }
                if matches!(c, '"' | '\'') && at > 0 && text_bytes[at - 1].is_ascii_digit() {
                    continue;
                }
                visit(text.offset(at), c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    fn found(locale: &str, text: &str) -> Vec<String> {
        let found = crate::checks::testing::file_findings(&super::Quotes, locale, text);
        found.into_iter().map(|d| format!("{} {}", d.id.unwrap(), d.message)).collect()
    }

    #[test]
    fn straight_quotes_among_curly_ones_are_reported() {
        let found = found("vi", "a = Chủ đề “Chống tội phạm mạng”\nb = Ông nói \"hợp tác\" và \"trách nhiệm\"\n");
        assert_eq!(found, ["b 4 straight quotes `\"` in a file that quotes with `“…”`"]);
    }

    #[test]
    fn a_file_of_straight_quotes_alone_is_consistent() {
        assert!(found("en", "a = He said \"yes\"\nb = She said \"no\"\n").is_empty());
        assert!(found("en", "a = He said “yes”\nb = It’s here\n").is_empty());
    }

    #[test]
    fn straight_apostrophes_among_curly_ones_are_reported() {
        assert_eq!(
            found("en", "a = Vietnam’s role\nb = Vietnam's contribution\n"),
            ["b a straight apostrophe `'` in a file whose apostrophes are `’`"]
        );
    }

    #[test]
    fn syntax_markup_code_and_units_are_not_quotes() {
        let text = "a = “Hà Nội”\n\
                    b = { \"\\\"\" } <a href=\"{ $url }\" class='x'>link</a> { -brand(case: \"gen\") }\n\
                    c = x\n    .style = font-family: \"Noto Sans\"\n\
                    d = a 27\" screen\n";
        assert!(found("vi", text).is_empty(), "{:?}", found("vi", text));
    }
}
