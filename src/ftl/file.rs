//! A loaded `.ftl` file: its text, a line index to turn byte offsets into line:column,
//! and a guarded parse.
//!
//! `fluent-syntax` 0.12 has no positions in its AST, but every slice it returns borrows
//! from the text, so a slice's address gives its byte offset ([`SourceFile::offset_of`]).
//! It can also crash on hostile input; [`SourceFile::parse`] guards against both known
//! crashes before calling it.

use std::ops::Range;

use fluent_syntax::ast::Resource;
use fluent_syntax::parser::ParserError;

/// Deeper nesting than this is refused before parsing: `fluent-syntax` recurses once per
/// level and overflows the stack somewhere past a thousand levels. Real messages nest two
/// or three deep.
pub const MAX_NESTING: usize = 64;

/// Byte offsets of line starts, so that positions cost a binary search.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column; the column counts Unicode code points, as editors and
    /// SARIF do, so `ữ` is one column, not three bytes.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of a 1-based line, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let mut end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Why a file's text could not be used as Fluent at all.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub offset: usize,
    pub message: String,
}

/// One `.ftl` file of one locale.
#[derive(Debug)]
pub struct SourceFile {
    /// Locale folder the file belongs to. Shared with each finding in the file, as
    /// `display` is.
    pub locale: std::sync::Arc<str>,
    /// The resource path relative to the locale folder (`news/signing.ftl`).
    pub resource: String,
    /// The path shown to people, relative to the project root.
    pub display: std::sync::Arc<str>,
    pub text: String,
    pub lines: LineIndex,
    /// Set when the bytes are not UTF-8 or nesting is too deep: the file is then not
    /// parsed, and a `syntax-error` says why.
    pub unreadable: Option<Unreadable>,
    /// Characters after a broken `\u` escape were replaced by `?` in `text` so the parser
    /// cannot crash on them: fine for checking, but `text` must never be written back.
    pub patched: bool,
    /// The file started with a byte-order mark (not in `text`); writers put it back.
    pub bom: bool,
    /// Where each character of `text` that is not plain Latin starts
    /// ([`crate::text::is_plain_latin`]), in order, or `None` when there are more than
    /// [`NOT_PLAIN_LISTED`]: the Unicode checks have nothing to look for elsewhere.
    pub not_plain_latin: Option<Vec<usize>>,
}

/// The result of parsing: the AST (entries that failed to parse are `Junk`) and the
/// parser's errors.
pub struct Parsed<'t> {
    pub resource: Resource<&'t str>,
    pub errors: Vec<ParserError>,
}

impl SourceFile {
    /// Builds a file from raw bytes. Invalid UTF-8 does not stop the run: the file is
    /// kept with its valid prefix and marked unreadable. A leading byte-order mark is
    /// dropped, as Fluent runtimes do.
    pub fn from_bytes(locale: &str, resource: &str, display: String, bytes: Vec<u8>) -> Self {
        let Decoded { text, mut unreadable, bom, patched } = decode(bytes);
        // The nesting's quick pass finds the lines too.
        let mut starts = vec![0];
        if may_nest_deep(text.as_bytes(), |start| starts.push(start)) && unreadable.is_none() {
            unreadable = walk_nesting(&text);
        }
        let lines = LineIndex { starts };
        let not_plain_latin = not_plain_latin(&text);
        SourceFile {
            locale: locale.into(),
            resource: resource.to_string(),
            display: display.into(),
            text,
            lines,
            unreadable,
            patched,
            bom,
            not_plain_latin,
        }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.text, offset)
    }

    /// Whether every character of the text is plain Latin.
    pub fn plain_latin(&self) -> bool {
        self.not_plain_latin.as_ref().is_some_and(Vec::is_empty)
    }

    /// Whether every character in `range` of the text is plain Latin: a look-up in the
    /// list of the others, or, in a file with too many to list, a test of the range.
    pub fn plain_latin_in(&self, range: Range<usize>) -> bool {
        match &self.not_plain_latin {
            Some(at) => {
                let next = at.partition_point(|&n| n < range.start);
                at.get(next).is_none_or(|&n| n >= range.end)
            }
            None => self.text.get(range).is_some_and(crate::text::is_plain_latin),
        }
    }

    /// Byte offset of a slice that borrows from this file's text.
    pub fn offset_of(&self, slice: &str) -> usize {
        let base = self.text.as_ptr() as usize;
        let at = slice.as_ptr() as usize;
        debug_assert!(at >= base && at <= base + self.text.len(), "slice is not from this file");
        at.saturating_sub(base).min(self.text.len())
    }

    /// Parses the text, or returns `None` for an unreadable file.
    ///
    /// The parse runs under `catch_unwind`, so an unknown crash of the parser becomes a
    /// `syntax-error`, not an abort.
    pub fn parse(&self) -> Option<Result<Parsed<'_>, String>> {
        if self.unreadable.is_some() {
            return None;
        }
        Some(guarded_parse(&self.text))
    }
}

/// A file's bytes as text, the same for every reader of it (see [`SourceFile`]'s fields).
struct Decoded {
    text: String,
    unreadable: Option<Unreadable>,
    bom: bool,
    patched: bool,
}

/// The text of a file's bytes: invalid UTF-8 keeps its valid prefix and says why the rest
/// is unreadable; a leading byte-order mark is dropped (and said to be there).
///
/// `fluent-syntax` 0.12 panics on an incomplete `\u`/`\U` escape directly followed by a
/// multi-byte character (it slices inside that character). Such a character is swapped
/// for ASCII `?` of the same byte length, so every offset stays valid and the parser
/// reports the bad escape itself.
fn decode(bytes: Vec<u8>) -> Decoded {
    // simdutf8 checks the common case (valid text) several times faster than std.
    let decoded = if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: just checked to be UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    };
    let (text, unreadable) = match decoded {
        Ok(text) => (text, None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            let bad = bytes[valid];
            bytes.truncate(valid);
            let text = String::from_utf8(bytes).expect("prefix is valid UTF-8");
            let hint = if valid == 0 && (bad == 0xFF || bad == 0xFE) {
                " (it looks like UTF-16: save it as UTF-8)"
            } else {
                " (save it as UTF-8)"
            };
            let message = format!("this file is not valid UTF-8: byte 0x{bad:02X} here{hint}");
            (text, Some(Unreadable { offset: valid, message }))
        }
    };
    let bom = text.starts_with('\u{feff}');
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let patched = needs_escape_patch(&text);
    let text = if patched { patch_escapes(&text) } else { text };
    Decoded { text, unreadable, bom, patched }
}

/// A file read again only to turn byte offsets into places: the checks across files
/// keep no text, and need no parse or check of it.
pub struct Located {
    pub display: String,
    pub text: String,
    pub lines: LineIndex,
}

impl Located {
    pub fn from_bytes(display: String, bytes: Vec<u8>) -> Self {
        // Decoded as the checked file was, so that places are counted the same way for
        // every finding.
        let text = decode(bytes).text;
        let lines = LineIndex::new(&text);
        Located { display, text, lines }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.text, offset)
    }
}

/// Why a file cannot be rewritten by `ingest`, `sync` or `fmt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unwritable {
    /// Not UTF-8, nested too deep, or the parser gave up: the reason.
    Unreadable(String),
    /// Its text was patched for the parser ([`SourceFile::patched`]): writing it back
    /// would lose characters.
    Patched,
}

impl std::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unwritable::Unreadable(why) => f.write_str(why),
            Unwritable::Patched => {
                f.write_str("a `\\u` escape in a string is followed by a non-ASCII letter: fix the escape first")
            }
        }
    }
}

impl SourceFile {
    /// Parses a file that is about to be rewritten. Unlike [`SourceFile::parse`], a file
    /// whose text had to be patched for the parser is refused: its `text` is not the
    /// person's. Syntax errors are the caller's to judge.
    pub fn parse_to_rewrite(&self) -> Result<Parsed<'_>, Unwritable> {
        if self.patched {
            return Err(Unwritable::Patched);
        }
        match self.parse() {
            Some(Ok(parsed)) => Ok(parsed),
            Some(Err(why)) => Err(Unwritable::Unreadable(why)),
            None => {
                Err(Unwritable::Unreadable(self.unreadable.as_ref().map_or_else(String::new, |u| u.message.clone())))
            }
        }
    }
}

fn guarded_parse(text: &str) -> Result<Parsed<'_>, String> {
    let outcome = std::panic::catch_unwind(|| fluent_syntax::parser::parse(text));
    match outcome {
        Ok(Ok(resource)) => Ok(Parsed { resource, errors: Vec::new() }),
        Ok(Err((resource, errors))) => Ok(Parsed { resource, errors }),
        Err(_) => Err("the Fluent parser could not read this file".to_string()),
    }
}

/// At most this many characters that are not plain Latin are listed for a file
/// ([`SourceFile::not_plain_latin`]): a file in another script has them everywhere.
pub const NOT_PLAIN_LISTED: usize = 4096;

/// [`SourceFile::not_plain_latin`] of a text.
fn not_plain_latin(text: &str) -> Option<Vec<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = crate::text::first_not_plain_latin(text, from) {
        if found.len() == NOT_PLAIN_LISTED {
            return None;
        }
        found.push(at);
        from = at + 1;
    }
    Some(found)
}

/// Finds how deep the parser would recurse, and refuses past [`MAX_NESTING`].
///
/// `fluent-syntax` recurses once per placeable (`{`), per call's arguments (`F(`) and per
/// select expression, and a few thousand levels overflow the stack: an abort no
/// `catch_unwind` can stop. So this follows Fluent's grammar just far enough to count
/// those levels as the parser will: a `"` opens a string literal only inside an
/// expression (in a select's variant text it is a plain character, and braces after it
/// still count), string literals end at their closing quote or the line end, and an
/// entry (a line that starts in the first column) starts again from zero, as the parser
/// does after a broken entry. Written by hand: no crate knows Fluent's nesting rules.
pub(crate) fn nesting_too_deep(text: &str) -> Option<Unreadable> {
    match may_nest_deep(text.as_bytes(), |_| {}) {
        true => walk_nesting(text),
        false => None,
    }
}

/// [`nesting_too_deep`]'s walk, for a text that [`may_nest_deep`].
fn walk_nesting(text: &str) -> Option<Unreadable> {
    #[derive(Clone, Copy, PartialEq)]
    enum Level {
        /// Inside `{ … }` or `F( … )`: an expression, where `"` starts a string literal.
        Expression,
        /// The variants of a select (`{ $n -> … }`): text again, until the closing `}`.
        Variants,
    }
    /// The bytes that matter outside a string literal, and inside one: the rest is
    /// skipped on a table look-up (most of a file is text).
    const fn table(bytes: &[u8]) -> [bool; 256] {
        let mut table = [false; 256];
        let mut i = 0;
        while i < bytes.len() {
            table[bytes[i] as usize] = true;
            i += 1;
        }
        table
    }
    const CODE: [bool; 256] = table(b"\n\"{}()-");
    const STRING: [bool; 256] = table(b"\n\"\\");
    let bytes = text.as_bytes();
    let mut levels: Vec<Level> = Vec::new();
    let mut in_string = false;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        if std::mem::take(&mut line_start) && !in_string {
            let b = bytes[i];
            if !b.is_ascii_whitespace() && b != b'}' && b != b'[' && b != b'*' && b != b'.' {
                // A new entry or comment: the parser starts over here.
                levels.clear();
                if b == b'#' {
                    i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n + 1);
                    line_start = true;
                    continue;
                }
            }
        }
        let wanted = if in_string { &STRING } else { &CODE };
        while i < bytes.len() && !wanted[usize::from(bytes[i])] {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { break };
        line_start = b == b'\n';
        if in_string {
            match b {
                // What follows a backslash is taken as it is, a line end too.
                b'\\' => {
                    i += 1;
                    line_start = bytes.get(i) == Some(&b'\n');
                }
                _ => in_string = false,
            }
            i += 1;
            continue;
        }
        let in_expression = levels.last() == Some(&Level::Expression);
        match b {
            b'"' if in_expression => in_string = true,
            b'{' => levels.push(Level::Expression),
            b'(' if in_expression => levels.push(Level::Expression),
            b'}' | b')' => {
                levels.pop();
            }
            b'-' if in_expression && bytes.get(i + 1) == Some(&b'>') => {
                *levels.last_mut().expect("in an expression") = Level::Variants;
                i += 1;
            }
            _ => {}
        }
        if levels.len() > MAX_NESTING {
            return Some(Unreadable {
                offset: i,
                message: format!("placeables nested more than {MAX_NESTING} deep: this file is not read further"),
            });
        }
        i += 1;
    }
    None
}

/// Whether [`nesting_too_deep`] must walk the text: a quick pass (most files need no
/// walk) that bounds every level by the `{` and `(` since the entry began. Each level
/// opens with one of them, and the walk starts again from zero at a line that starts an
/// entry or comment, so at most [`MAX_NESTING`] of them between two such lines means
/// no level past it. A line counts as a new start only where the walk is sure to take it
/// as one: when the line before does not end in `\`, which alone can carry a string
/// literal over a line end. Counting a brace the walk skips (in a comment, a string) only
/// makes the bound looser.
///
/// Since it meets every line end, it gives `line` the start of every line after the
/// first: a file's [`LineIndex`] costs no pass of its own.
fn may_nest_deep(bytes: &[u8], mut line: impl FnMut(usize)) -> bool {
    let mut since_start = 0;
    let mut deep = false;
    // memchr jumps from one of these bytes to the next: most of a file is none of them.
    for at in memchr::memchr3_iter(b'{', b'(', b'\n', bytes) {
        if bytes[at] != b'\n' {
            since_start += 1;
            deep |= since_start > MAX_NESTING;
            continue;
        }
        line(at + 1);
        if let Some(&next) = bytes.get(at + 1) {
            let starts_entry = !next.is_ascii_whitespace() && !matches!(next, b'}' | b'[' | b'*' | b'.');
            if starts_entry && (at == 0 || bytes[at - 1] != b'\\') {
                since_start = 0;
            }
        }
    }
    deep
}

/// Positions of the first byte of a non-ASCII character that directly follows an
/// incomplete `\u` (4 hex digits) or `\U` (6 hex digits) escape.
fn escape_hazards(text: &str) -> impl Iterator<Item = usize> + '_ {
    // Every file is asked this: memchr finds its few backslashes.
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\\', bytes).filter_map(move |i| {
        let want = match bytes.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 6,
            _ => return None,
        };
        // Escapes mean something only in string literals, which open with `"` on the same
        // line; a `\u` in plain text (`D:\uỷ-ban`) is just text and is left alone.
        let line_start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |n| n + 1);
        memchr::memchr(b'"', &bytes[line_start..i])?;
        let digits = bytes[i + 2..].iter().take(want).take_while(|b| b.is_ascii_hexdigit()).count();
        let next = i + 2 + digits;
        (digits < want && bytes.get(next).is_some_and(|b| !b.is_ascii())).then_some(next)
    })
}

fn needs_escape_patch(text: &str) -> bool {
    escape_hazards(text).next().is_some()
}

fn patch_escapes(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for at in escape_hazards(text) {
        let len = text[at..].chars().next().map_or(1, char::len_utf8);
        bytes[at..at + len].fill(b'?');
    }
    String::from_utf8(bytes).expect("replacing whole characters with ASCII keeps UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::from_bytes("vi", "a.ftl", "locales/vi/a.ftl".into(), text.as_bytes().to_vec())
    }

    /// The lines a checked file finds in its nesting pass are the lines of its text:
    /// with and without a last line end, with `\r\n`, empty lines, a byte-order mark,
    /// deep nesting and a text that is not UTF-8 to the end.
    #[test]
    fn a_checked_file_finds_every_line() {
        let deep = format!("a = {}\nb = c\n", "{".repeat(MAX_NESTING + 2));
        for text in ["", "\n", "a = b", "a = b\n", "a = b\r\n\r\nc = { d }\n  .e = f", "\u{feff}a = b\n\n", &deep] {
            let file = file(text);
            assert_eq!(file.lines.starts, LineIndex::new(&file.text).starts, "{text:?}");
        }
        let broken = SourceFile::from_bytes("vi", "a.ftl", "a.ftl".into(), b"a = b\nc = \xff\nd\n".to_vec());
        assert_eq!(broken.lines.starts, LineIndex::new(&broken.text).starts);
        assert_eq!(file(&deep).unreadable.map(|u| u.offset), nesting_too_deep(&deep).map(|u| u.offset));
        assert!(file(&deep).unreadable.is_some());
    }

    /// What a file knows of where its characters that are not plain Latin are answers
    /// for every part of its text as the test of that part alone does; past the listed
    /// number, the part itself is tested.
    #[test]
    fn a_file_knows_where_its_text_is_plain_latin() {
        let texts = [
            "a = Xin chào\u{200B}\nb = { $n }\u{00AD}x\n".to_string(),
            "Giờ mở cửa: 8 giờ – 17 giờ\u{0301}; tab\there\u{7}".to_string(),
            "日本語のテキスト a\u{2028}b".to_string(),
        ];
        for text in &texts {
            let file = file(text);
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (k, &start) in bounds.iter().enumerate() {
                for &end in &bounds[k..] {
                    let part = &text[start..end];
                    assert_eq!(file.plain_latin_in(start..end), crate::text::is_plain_latin(part), "{part:?}");
                }
            }
            assert_eq!(file.plain_latin(), crate::text::is_plain_latin(text));
        }
        let many = "ж".repeat(NOT_PLAIN_LISTED + 1) + " plain";
        let file = file(&many);
        assert!(file.not_plain_latin.is_none() && !file.plain_latin());
        let plain = many.len() - " plain".len();
        assert!(file.plain_latin_in(plain..many.len()));
        assert!(!file.plain_latin_in(0.."жж".len()));
    }

    /// A file read again for the place of a finding places every offset where the
    /// checked file does: after a byte-order mark, in a file that is not UTF-8 to the
    /// end, and where a character was swapped for the parser (found by a review).
    #[test]
    fn a_file_read_for_places_places_offsets_as_the_checked_file_does() {
        let texts: [&[u8]; 4] = [
            "msg = say \"hi \\uữ\" { -nope }\nb = Hà Nội { -x }\n".as_bytes(),
            "\u{feff}a = Tiếng Việt { -t }\n".as_bytes(),
            b"a = ok { -t }\nb = \xFF\xFE bad\n",
            "a = \"\\U12ệ\" và \"\\u1ữ\" { b }\r\nc = d\r\n".as_bytes(),
        ];
        for bytes in texts {
            let checked = SourceFile::from_bytes("vi", "a.ftl", "a.ftl".into(), bytes.to_vec());
            let again = Located::from_bytes("a.ftl".into(), bytes.to_vec());
            assert_eq!(again.text, checked.text);
            for offset in (0..=checked.text.len()).filter(|&o| checked.text.is_char_boundary(o)) {
                assert_eq!(again.position(offset), checked.position(offset), "{offset} in {:?}", checked.text);
            }
        }
    }

    #[test]
    fn columns_count_code_points() {
        let f = file("a = Hà Nội\nb = x\n");
        let at = f.text.find("Nội").unwrap();
        assert_eq!(f.position(at), (1, 8));
        assert_eq!(f.position(f.text.find("b =").unwrap()), (2, 1));
    }

    #[test]
    fn deep_nesting_is_refused_without_parsing() {
        let f = file(&format!("a = {}\n", "{".repeat(5000)));
        assert!(f.unreadable.is_some());
        assert!(f.parse().is_none());
    }

    #[test]
    fn braces_in_string_literals_do_not_nest() {
        // What ingest writes for a paragraph with a hundred `{` (found by fuzzing).
        let f = file(&format!("a = {}\n", "{ \"{\" }".repeat(100)));
        assert!(f.unreadable.is_none());
        assert_eq!(f.parse().unwrap().unwrap().errors.len(), 0);
        assert!(file(&format!("a = {}\n", "{ \"\\\"{\" }".repeat(100))).unreadable.is_none());
        assert!(file(&format!("a = {}\n", "{ \"x\" {".repeat(100))).unreadable.is_some());
    }

    /// What a review found past the first pre-scan: each would overflow the stack.
    #[test]
    fn every_way_to_nest_deep_is_counted() {
        let deep = "{".repeat(300);
        // A quote in a select's variant text is text: the braces after it still nest.
        assert!(file(&format!("a = {{ $x ->\n    *[o] \"{deep}\n}}\n")).unreadable.is_some());
        // An unclosed brace in an earlier entry does not hide the next entry's nesting.
        assert!(file(&format!("a = {{\n\nb = B\nc = \"{deep}\n")).unreadable.is_some());
        // Calls nest too.
        assert!(file(&format!("a = {{ {} }}\n", "F(".repeat(300))).unreadable.is_some());
        // Real content is not refused: selects, calls, string literals, a hundred text braces.
        let ok =
            "a = { $n ->\n    [one] { NUMBER($n, minimumFractionDigits: 2) } \"quoted\"\n   *[other] { \"{\" }\n}\n";
        assert!(file(ok).unreadable.is_none());
        assert!(file(&"b = { \"{\" }\n".repeat(200)).unreadable.is_none());
    }

    #[test]
    fn the_prescan_stops_what_would_overflow_the_parser() {
        // Run in a thread with a small stack: if the guard let these through, the parser
        // would overflow it and abort the test binary.
        std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(|| {
                for text in [
                    format!("a = {{ {} }}\n", "F(".repeat(20_000)),
                    format!("a = {{ $x ->\n *[o] \"{}\n}}\n", "{".repeat(20_000)),
                    format!("a = {}\n", "{".repeat(20_000)),
                ] {
                    let f = file(&text);
                    assert!(f.unreadable.is_some() && f.parse().is_none());
                }
            })
            .unwrap()
            .join()
            .unwrap();
    }

    #[test]
    fn short_unicode_escape_before_multibyte_text_does_not_panic() {
        let f = file("a = { \"\\U12ữ\" }\nb = ok\n");
        let parsed = f.parse().unwrap().unwrap();
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.resource.body.len(), 2);
    }

    #[test]
    fn backslash_u_in_plain_text_is_not_touched() {
        let f = file("a = Thư mục D:\\uỷ-ban\\tài-liệu\n");
        assert!(!f.patched);
        assert!(f.text.contains("\\uỷ-ban"));
        assert!(file("a = { \"\\uỷ\" }\n").patched);
    }

    #[test]
    fn utf16_is_reported_not_read() {
        let f = SourceFile::from_bytes("vi", "a.ftl", "a.ftl".into(), vec![0xFF, 0xFE, b'a', 0]);
        assert!(f.unreadable.unwrap().message.contains("UTF-16"));
    }

    /// The walk that skips text on a table finds what the plain byte-by-byte walk
    /// (below, as it was first written) finds, at the same offset.
    mod nesting {
        use super::super::*;
        use proptest::prelude::*;

        fn nesting_too_deep_byte_by_byte(text: &str) -> Option<Unreadable> {
            #[derive(Clone, Copy, PartialEq)]
            enum Level {
                /// Inside `{ … }` or `F( … )`: an expression, where `"` starts a string literal.
                Expression,
                /// The variants of a select (`{ $n -> … }`): text again, until the closing `}`.
                Variants,
            }
            let bytes = text.as_bytes();
            // Each level opens with `{` or `(`: a file with few of them cannot nest deep (most
            // files; counting is a quick pass, the walk below is not).
            if bytes.iter().filter(|&&b| b == b'{' || b == b'(').count() <= MAX_NESTING {
                return None;
            }
            let mut levels: Vec<Level> = Vec::new();
            let mut in_string = false;
            let mut escaped = false;
            let mut i = 0;
            while i < bytes.len() {
                let b = bytes[i];
                let line_start = i == 0 || bytes[i - 1] == b'\n';
                if line_start
                    && !in_string
                    && !b.is_ascii_whitespace()
                    && b != b'}'
                    && b != b'['
                    && b != b'*'
                    && b != b'.'
                {
                    // A new entry or comment: the parser starts over here.
                    levels.clear();
                    if b == b'#' {
                        i = bytes[i..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |n| i + n + 1);
                        continue;
                    }
                }
                if in_string {
                    match b {
                        _ if escaped => escaped = false,
                        b'\\' => escaped = true,
                        b'"' | b'\n' => in_string = false,
                        _ => {}
                    }
                    i += 1;
                    continue;
                }
                let in_expression = levels.last() == Some(&Level::Expression);
                match b {
                    b'"' if in_expression => in_string = true,
                    b'{' => levels.push(Level::Expression),
                    b'(' if in_expression => levels.push(Level::Expression),
                    b'}' | b')' => {
                        levels.pop();
                    }
                    b'-' if in_expression && bytes.get(i + 1) == Some(&b'>') => {
                        *levels.last_mut().expect("in an expression") = Level::Variants;
                        i += 1;
                    }
                    _ => {}
                }
                if levels.len() > MAX_NESTING {
                    return Some(Unreadable {
                        offset: i,
                        message: format!(
                            "placeables nested more than {MAX_NESTING} deep: this file is not read further"
                        ),
                    });
                }
                i += 1;
            }
            None
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]
            #[test]
            fn the_quick_walk_finds_what_the_plain_one_does(
                pieces in proptest::collection::vec(proptest::sample::select(vec![
                    "{", "{", "{ ", "}", "(", ")", "\"", "\\", "\n", "\n ", "\n#", "-", "->", ">", "a",
                    "x = ", "[", "*", ".", " ", "F(", "$n", "é", "\\\n",
                ]), 0..400),
                depth in 30..70usize,
            ) {
                let text = "{".repeat(depth) + &pieces.concat();
                let quick = nesting_too_deep(&text).map(|u| u.offset);
                let plain = nesting_too_deep_byte_by_byte(&text).map(|u| u.offset);
                prop_assert_eq!(quick, plain);
            }
        }
    }
}
