//! A `.ftl` file as an editable sequence of top-level items (entries, comments, junk),
//! each kept as the exact text it had, so `ingest` and `sync` can add, replace or remove
//! entries and leave every other byte of a person's file alone.
//!
//! The parser gives each entry's position (its id's offset); an item runs from there to
//! the next item, and the blank lines after it are its gap. Rendering an untouched
//! document gives back the file byte for byte.

use fluent_syntax::ast;

use crate::ftl::file::{Parsed, SourceFile};

/// One top-level item of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The entry's key (`name` or `-term`); `None` for comments and junk.
    pub key: Option<String>,
    /// The comment attached to the entry (the `#` lines right above it), with its line ends.
    pub comment: String,
    /// From the entry's id (or the comment's or junk's first line) to its last non-blank line.
    pub body: String,
    /// The blank lines between this item and the next.
    gap: String,
    /// Added by this edit: gets a blank line around it.
    fresh: bool,
}

impl Item {
    /// A new entry (its text ends with a line end), with an optional comment above it.
    pub fn entry(key: &str, comment: &str, body: &str) -> Item {
        Item {
            key: Some(key.to_string()),
            comment: comment.to_string(),
            body: body.to_string(),
            gap: String::new(),
            fresh: true,
        }
    }

    /// A new comment (its text ends with a line end), kept apart from entries by blank lines.
    pub fn comment(text: &str) -> Item {
        Item { key: None, comment: String::new(), body: text.to_string(), gap: String::new(), fresh: true }
    }

    /// The whole text of the item (comment and body), without the gap after it.
    pub fn text(&self) -> String {
        format!("{}{}", self.comment, self.body)
    }
}

/// A file as items.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Text before the first item (blank lines).
    prefix: String,
    pub items: Vec<Item>,
    /// Text after the last item (its final blank lines).
    trailing: String,
}

impl Doc {
    /// An empty file.
    pub fn empty() -> Doc {
        Doc { prefix: String::new(), items: Vec::new(), trailing: String::new() }
    }

    /// Splits a parsed file into items.
    pub fn new(file: &SourceFile, parsed: &Parsed<'_>) -> Doc {
        let text = file.text.as_str();
        // (start of the item, start of its body, key)
        let mut starts: Vec<(usize, usize, Option<String>)> = Vec::new();
        // Where the previous item's known text ends: an empty comment (`#`, `##` alone)
        // has no text to locate it by, so it is the next `#` line from there.
        let mut known_end = 0;
        for entry in &parsed.resource.body {
            let (anchor, key, attached) = match entry {
                ast::Entry::Message(m) => (file.offset_of(m.id.name), Some(m.id.name.to_string()), m.comment.is_some()),
                ast::Entry::Term(t) => {
                    (file.offset_of(t.id.name).saturating_sub(1), Some(format!("-{}", t.id.name)), t.comment.is_some())
                }
                ast::Entry::Comment(c) | ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => {
                    let anchor = match c.content.first() {
                        Some(s) => file.offset_of(s),
                        None => next_comment_line(text, known_end),
                    };
                    (anchor, None, false)
                }
                ast::Entry::Junk { content } => (file.offset_of(content), None, false),
            };
            known_end = match entry {
                ast::Entry::Comment(c) | ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => {
                    c.content.last().map_or(anchor + 1, |s| file.offset_of(s) + s.len())
                }
                ast::Entry::Junk { content } => file.offset_of(content) + content.len(),
                _ => anchor + 1,
            }
            .min(text.len());
            let body_start = line_start(text, anchor);
            let start = if attached { attached_comment_start(text, body_start) } else { body_start };
            // Positions only ever grow; anything else means the offsets cannot be trusted,
            // and the item is merged into the one before rather than cut wrongly.
            if starts.last().is_none_or(|&(s, b, _)| start > s && start >= b) {
                starts.push((start, body_start, key));
            }
        }
        let mut items = Vec::with_capacity(starts.len());
        let prefix = text[..starts.first().map_or(text.len(), |s| s.0)].to_string();
        for (i, (start, body_start, key)) in starts.iter().enumerate() {
            let next = starts.get(i + 1).map_or(text.len(), |s| s.0);
            let content_end = content_end(text, *start, next);
            items.push(Item {
                key: key.clone(),
                comment: text[*start..*body_start].to_string(),
                body: text[*body_start..content_end].to_string(),
                gap: text[content_end..next].to_string(),
                fresh: false,
            });
        }
        let trailing = items.last_mut().map(|last| std::mem::take(&mut last.gap)).unwrap_or_default();
        let prefix = if items.is_empty() { text.to_string() } else { prefix };
        Doc { prefix, items, trailing }
    }

    /// Position of the first entry with this key.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.items.iter().position(|item| item.key.as_deref() == Some(key))
    }

    /// Where the entry `order[i]` goes so that the file follows `order` (the reference's
    /// keys): right after the nearest earlier key the file has, else right before the
    /// nearest later one, else at the end.
    pub fn insertion_point(&self, order: &[String], i: usize) -> usize {
        match order[..i.min(order.len())].iter().rev().find_map(|k| self.position(k)) {
            Some(previous) => previous + 1,
            None => {
                order.get(i + 1..).unwrap_or_default().iter().find_map(|k| self.position(k)).unwrap_or(self.items.len())
            }
        }
    }

    pub fn insert(&mut self, at: usize, item: Item) {
        self.items.insert(at, item);
    }

    /// Removes an entry's item; a comment a person attached to it stays, on its own.
    pub fn remove_entry(&mut self, at: usize) -> Item {
        let item = &mut self.items[at];
        if item.comment.is_empty() {
            return self.items.remove(at);
        }
        let removed = Item {
            key: item.key.take(),
            comment: String::new(),
            body: std::mem::take(&mut item.body),
            gap: String::new(),
            fresh: false,
        };
        item.body = std::mem::take(&mut item.comment);
        item.fresh = true;
        removed
    }

    /// Puts `item` in the place of the item at `at`, keeping the blank lines of that place.
    pub fn put(&mut self, at: usize, item: Item) {
        let gap = std::mem::take(&mut self.items[at].gap);
        self.items[at] = Item { gap, ..item };
    }

    /// Replaces an entry's text; its attached comment stays.
    pub fn replace_body(&mut self, at: usize, body: String) {
        self.items[at].body = body;
    }

    /// The file's text. An untouched document renders exactly as it was read.
    pub fn render(&self) -> String {
        let mut out = self.prefix.clone();
        for (i, item) in self.items.iter().enumerate() {
            out.push_str(&item.comment);
            out.push_str(&item.body);
            let Some(next) = self.items.get(i + 1) else { break };
            if !out.ends_with('\n') {
                out.push('\n');
            }
            if item.gap.is_empty() && (item.fresh || next.fresh) {
                out.push('\n');
            } else {
                out.push_str(&item.gap);
            }
        }
        if self.items.last().is_some_and(|i| i.fresh) && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&self.trailing);
        out
    }
}

/// `rendered` with CRLF line ends when `original` had CRLF on every line (new entries are
/// written with LF); any other file is left as rendered.
pub fn keep_line_ends(original: &str, rendered: String) -> String {
    let all_crlf = original.contains("\r\n") && !original.replace("\r\n", "").contains('\n');
    if all_crlf {
        rendered.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        rendered
    }
}

/// The start of the first line at or after `from` that begins with `#` (a line that
/// only starts before `from` does not count).
fn next_comment_line(text: &str, from: usize) -> usize {
    let mut at = line_start(text, from);
    if at < from {
        at = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    }
    while at < text.len() && !text[at..].starts_with('#') {
        at = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    }
    at
}

fn line_start(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Where the `#` lines directly above `body_start` begin: the comment Fluent attaches to
/// the entry (single `#` only; `##` and `###` comments never attach).
fn attached_comment_start(text: &str, body_start: usize) -> usize {
    let mut start = body_start;
    while start > 0 {
        let previous = line_start(text, start - 1);
        let line = text[previous..start].trim_end_matches(['\n', '\r']);
        if line == "#" || line.starts_with("# ") {
            start = previous;
        } else {
            break;
        }
    }
    start
}

/// The end of the last non-blank line in `text[start..next]`, its line end included.
fn content_end(text: &str, start: usize, next: usize) -> usize {
    let slice = &text[start..next];
    let trimmed = slice.trim_end();
    let after = start + trimmed.len();
    match text[after..next].find('\n') {
        Some(i) => after + i + 1,
        None => next,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> (SourceFile, Doc) {
        let file = SourceFile::from_bytes("en", "x.ftl", "x.ftl".into(), text.as_bytes().to_vec());
        let parsed = file.parse().unwrap().unwrap();
        let doc = Doc::new(&file, &parsed);
        drop(parsed);
        (file, doc)
    }

    const TEXT: &str = "### Resource comment\n\n# Attached\na = A\n    continued\n\n\n## Group\n\nb = { $x ->\n   *[one] B\n}\nbroken line {\n-t = T\n    .attr = X\n";

    #[test]
    fn an_untouched_file_renders_byte_for_byte() {
        let (_, d) = doc(TEXT);
        assert_eq!(d.render(), TEXT);
        let keys: Vec<_> = d.items.iter().map(|i| i.key.as_deref()).collect();
        assert_eq!(keys, [None, Some("a"), None, Some("b"), None, Some("-t")]);
        assert_eq!(d.items[1].comment, "# Attached\n");
        assert_eq!(d.items[1].body, "a = A\n    continued\n");
        for text in ["", "\n\n", "a = A", "a = A\n\n\n", "# only a comment"] {
            assert_eq!(doc(text).1.render(), text);
        }
        // Empty comments have no text to find them by; they are still items of their own.
        let (_, mut d) = doc("hello = A\nbye = B\n    .title = T\n##");
        assert_eq!(d.items.len(), 3);
        let bye = d.position("bye").unwrap();
        d.replace_body(bye, "bye = C\n".into());
        assert_eq!(d.render(), "hello = A\nbye = C\n##");
        let (_, d) = doc("#\n\na = A\n\n##\n###\nb = B\n#");
        assert_eq!(d.items.iter().filter(|i| i.key.is_none()).count(), 4);
    }

    #[test]
    fn inserts_and_removals_keep_everything_else() {
        let (_, mut d) = doc(TEXT);
        d.insert(2, Item::entry("new", "# TODO\n", "new = N\n"));
        let b = d.position("b").unwrap();
        d.replace_body(b, "b = changed\n".into());
        let a = d.position("a").unwrap();
        let removed = d.remove_entry(a);
        assert_eq!(removed.body, "a = A\n    continued\n");
        d.items.push(Item::entry("z", "", "z = Z\n"));
        assert_eq!(
            d.render(),
            "### Resource comment\n\n# Attached\n\n\n# TODO\nnew = N\n\n## Group\n\nb = changed\nbroken line {\n-t = T\n    .attr = X\n\nz = Z\n"
        );
    }
}
