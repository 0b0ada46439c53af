//! Entries (messages and terms) of a parsed file, with what the checks ask of them:
//! their variables, references, plain text, select expressions and canonical text,
//! each with a byte offset into the file.

use std::collections::BTreeMap;

use fluent_syntax::ast;

use crate::ftl::file::{Parsed, SourceFile};

pub type Pattern<'t> = ast::Pattern<&'t str>;
pub type Attribute<'t> = ast::Attribute<&'t str>;
pub type InlineExpression<'t> = ast::InlineExpression<&'t str>;
pub type Variant<'t> = ast::Variant<&'t str>;

/// How a comment line that silences codes for its entry starts (see
/// [`Entry::allowed_codes`]).
pub const ALLOW: &str = "songngu-allow:";

/// A message or a term.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'t> {
    /// The name as written (`brand-name` for the term `-brand-name`).
    pub name: &'t str,
    pub is_term: bool,
    pub value: Option<&'t Pattern<'t>>,
    pub attributes: &'t [Attribute<'t>],
    /// Byte offset of the name in the file (the dash for a term).
    pub offset: usize,
    /// The id as the project knows it, as written in the file: `name` for messages,
    /// `-name` for terms.
    pub id: &'t str,
    /// The comment Fluent attaches to it: the `#` lines right above it (not `##` or
    /// `###`, and not one a blank line keeps apart). Not content, but it may carry a
    /// `# songngu-allow:` line ([`Entry::allowed_codes`]).
    pub comment: Option<&'t ast::Comment<&'t str>>,
}

impl<'t> Entry<'t> {
    /// The id as the project knows it: `name` for messages, `-name` for terms.
    pub fn key(&self) -> String {
        self.id.to_string()
    }

    /// What the entry's own comment silences: each code named on a
    /// `# songngu-allow: CODE[, CODE…]` line, as written (a slice of the file, so its
    /// place can be shown). Names that are not codes are returned too: the
    /// `unused-suppression` check reports them. Any other line of the comment is free
    /// text (a reason, a note for translators).
    pub fn allowed_codes(&self) -> impl Iterator<Item = &'t str> + 't {
        let lines = self.comment.map_or(&[][..], |c| c.content.as_slice());
        lines
            .iter()
            .filter_map(|line| line.trim_start().strip_prefix(ALLOW))
            .flat_map(|codes| codes.split(','))
            .map(str::trim)
            .filter(|code| !code.is_empty())
    }

    /// How many words its value and attributes have, counted as compare-locales counts
    /// them (so the two agree on the work left): the whitespace-separated pieces of their
    /// text, in every variant; placeables are not words.
    pub fn word_count(&self) -> usize {
        let mut words = 0;
        for (_, pattern) in self.parts() {
            walk(pattern, &mut |node| {
                if let Node::Text(text) = node {
                    words += text.split_whitespace().count();
                }
            });
        }
        words
    }

    /// Length of the id in the file, for underlining it.
    pub fn key_len(&self) -> usize {
        self.name.len() + usize::from(self.is_term)
    }

    /// The value and each attribute, labelled (`value`, `.label`), in file order.
    pub fn parts(&self) -> impl Iterator<Item = (Part<'t>, &'t Pattern<'t>)> + '_ {
        self.value
            .map(|p| (Part::Value, p))
            .into_iter()
            .chain(self.attributes.iter().map(|a| (Part::Attribute(a.id.name), &a.value)))
    }

    /// Whether any part has a placeable (`{ … }`): without one, an entry has no variable,
    /// reference or selector, and the checks of those have nothing to compare.
    pub fn has_placeables(&self) -> bool {
        self.parts().any(|(_, p)| p.elements.iter().any(|e| matches!(e, ast::PatternElement::Placeable { .. })))
    }

    /// The entry's canonical Fluent text: serialized by `fluent_syntax::serializer`,
    /// comments left out, so formatting does not matter and content does.
    pub fn canonical(&self) -> String {
        self.canonical_plain().unwrap_or_else(|| self.canonical_serialized())
    }

    /// [`Entry::canonical`] as `fluent_syntax::serializer` writes it.
    fn canonical_serialized(&self) -> String {
        let id = ast::Identifier { name: self.name };
        let attributes = self.attributes.to_vec();
        let entry = if self.is_term {
            ast::Entry::Term(ast::Term {
                id,
                value: self.value.cloned().unwrap_or(ast::Pattern { elements: vec![] }),
                attributes,
                comment: None,
            })
        } else {
            ast::Entry::Message(ast::Message { id, value: self.value.cloned(), attributes, comment: None })
        };
        fluent_syntax::serializer::serialize(&ast::Resource { body: vec![entry] })
    }
}

impl<'t> Entry<'t> {
    /// [`Entry::canonical`] of an entry whose value and attributes are each one line of
    /// text and simple placeables (`{ $var }`, `{ -term }`, `{ msg.attr }`, a literal),
    /// as most are: written straight out, exactly as the serializer writes them (`id =
    /// text`, then `\n    .name = text` per attribute, then a newline), without first
    /// copying the entry into a resource of its own. `None` for anything else (selects,
    /// calls, several lines, a carriage return), which the serializer writes.
    fn canonical_plain(&self) -> Option<String> {
        fn pattern(out: &mut String, pattern: &Pattern<'_>) -> Option<()> {
            for element in &pattern.elements {
                match element {
                    ast::PatternElement::TextElement { value }
                        if memchr::memchr2(b'\n', b'\r', value.as_bytes()).is_none() =>
                    {
                        out.push_str(value)
                    }
                    ast::PatternElement::Placeable { expression: ast::Expression::Inline(inline) } => {
                        out.push_str("{ ");
                        match inline {
                            ast::InlineExpression::StringLiteral { value } => {
                                out.push('"');
                                out.push_str(value);
                                out.push('"');
                            }
                            ast::InlineExpression::NumberLiteral { value } => out.push_str(value),
                            ast::InlineExpression::VariableReference { id } => {
                                out.push('$');
                                out.push_str(id.name);
                            }
                            ast::InlineExpression::MessageReference { id, attribute }
                            | ast::InlineExpression::TermReference { id, attribute, arguments: None } => {
                                if matches!(inline, ast::InlineExpression::TermReference { .. }) {
                                    out.push('-');
                                }
                                out.push_str(id.name);
                                if let Some(attribute) = attribute {
                                    out.push('.');
                                    out.push_str(attribute.name);
                                }
                            }
                            _ => return None,
                        }
                        out.push_str(" }");
                    }
                    _ => return None,
                }
            }
            Some(())
        }
        let mut out = String::with_capacity(512);
        out.push_str(self.id);
        out.push_str(" =");
        // A term always has a value as the serializer sees it (an empty one if need be).
        match self.value {
            Some(value) => {
                out.push(' ');
                pattern(&mut out, value)?;
            }
            None if self.is_term => out.push(' '),
            None => {}
        }
        for attribute in self.attributes {
            out.push_str("\n    .");
            out.push_str(attribute.id.name);
            out.push_str(" = ");
            pattern(&mut out, &attribute.value)?;
        }
        out.push('\n');
        Some(out)
    }
}

/// Which part of an entry a pattern is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part<'t> {
    Value,
    Attribute(&'t str),
}

impl std::fmt::Display for Part<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Part::Value => f.write_str("value"),
            Part::Attribute(name) => write!(f, ".{name}"),
        }
    }
}

/// A piece of a failed parse: the text the parser skipped.
#[derive(Debug, Clone, Copy)]
pub struct Junk<'t> {
    pub content: &'t str,
    pub offset: usize,
}

impl<'t> Junk<'t> {
    /// The id the junk most likely was meant to define, when it starts like an entry.
    pub fn likely_key(&self) -> Option<&'t str> {
        let text = self.content;
        let body = text.strip_prefix('-').unwrap_or(text);
        let len = body
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .map_or(body.len(), |(i, _)| i);
        let starts_right = body.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        let followed_by_eq = body[len..].trim_start_matches([' ', '\t']).starts_with('=');
        (starts_right && followed_by_eq).then(|| &text[..len + (text.len() - body.len())])
    }
}

/// A parsed file: its entries in order, its junk and its parser errors.
pub struct FileModel<'t> {
    pub file: &'t SourceFile,
    pub entries: Vec<Entry<'t>>,
    pub junk: Vec<Junk<'t>>,
    pub errors: &'t [fluent_syntax::parser::ParserError],
    /// Set when the file could not be parsed at all (unreadable, or the parser crashed).
    pub failure: Option<(usize, String)>,
    /// Position in `entries` by key; the first definition wins, as in Fluent runtimes. A
    /// hash map: every entry of a resource is looked up in the other locales' files.
    by_key: std::collections::HashMap<&'t str, usize, foldhash::fast::RandomState>,
    /// Positions in `entries` of the first definition of each key, in file order.
    firsts: Vec<usize>,
    /// The words the file's texts write in lower case ([`crate::text::names`]), made the
    /// first time a check asks: only a text that may be untranslated needs them.
    lowercase_words: std::sync::OnceLock<crate::text::names::Stems>,
    /// [`FileModel::marks`] of each entry, found the first time a check asks.
    marks: std::cell::OnceCell<Vec<u8>>,
}

/// The kinds of characters the checks of typography, links and markup look for, as
/// [`FileModel::marks`] tells them.
pub mod marks {
    /// `"` or `'`.
    pub const STRAIGHT_QUOTE: u8 = 1;
    /// `“`, `”`, `„`, `‘` or `’`.
    pub const CURLY_QUOTE: u8 = 2;
    /// ` -`.
    pub const HYPHEN: u8 = 4;
    /// `–` or `—`.
    pub const DASH: u8 = 8;
    /// `://`, `@`, `+`.
    pub const LINK: u8 = 16;
    /// `<`, `](`, `**`.
    pub const MARKUP: u8 = 32;
}

/// What parsing one file gave: `None` for an unreadable file.
pub type ParseOutcome<'t> = Option<Result<Parsed<'t>, String>>;

impl<'t> FileModel<'t> {
    pub fn new(file: &'t SourceFile, parsed: &'t ParseOutcome<'t>) -> Self {
        let mut model = FileModel {
            file,
            entries: Vec::new(),
            junk: Vec::new(),
            errors: &[],
            failure: None,
            by_key: Default::default(),
            firsts: Vec::new(),
            lowercase_words: std::sync::OnceLock::new(),
            marks: std::cell::OnceCell::new(),
        };
        match parsed {
            None => {
                let why = file.unreadable.as_ref().expect("unparsed files are unreadable");
                model.failure = Some((why.offset, why.message.clone()));
            }
            Some(Err(message)) => model.failure = Some((0, message.clone())),
            Some(Ok(parsed)) => {
                model.errors = &parsed.errors;
                model.entries.reserve(parsed.resource.body.len());
                for entry in &parsed.resource.body {
                    match entry {
                        ast::Entry::Message(m) => model.entries.push(Entry {
                            name: m.id.name,
                            is_term: false,
                            value: m.value.as_ref(),
                            attributes: &m.attributes,
                            offset: file.offset_of(m.id.name),
                            id: m.id.name,
                            comment: m.comment.as_ref(),
                        }),
                        ast::Entry::Term(t) => {
                            let offset = file.offset_of(t.id.name).saturating_sub(1);
                            model.entries.push(Entry {
                                name: t.id.name,
                                is_term: true,
                                value: Some(&t.value),
                                attributes: &t.attributes,
                                offset,
                                // The parser keeps the dash out of the name; it is just before.
                                id: file.text.get(offset..offset + t.id.name.len() + 1).unwrap_or(t.id.name),
                                comment: t.comment.as_ref(),
                            })
                        }
                        ast::Entry::Junk { content } => {
                            model.junk.push(Junk { content, offset: file.offset_of(content) })
                        }
                        _ => {}
                    }
                }
            }
        }
        model.by_key.reserve(model.entries.len());
        model.firsts.reserve(model.entries.len());
        for (i, entry) in model.entries.iter().enumerate() {
            if let std::collections::hash_map::Entry::Vacant(place) = model.by_key.entry(entry.id) {
                place.insert(i);
                model.firsts.push(i);
            }
        }
        model
    }

    /// The entry with this key (the first, if it is defined twice).
    pub fn get(&self, key: &str) -> Option<&Entry<'t>> {
        self.by_key.get(key).map(|&i| &self.entries[i])
    }

    pub fn contains(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// The ids of the entries the parser could not read (junk that starts like `id =`):
    /// the file has them, broken.
    pub fn unreadable_keys(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.junk.iter().filter_map(|j| j.likely_key())
    }

    /// Whether the file has `key` but the parser cannot read it (a syntax error there).
    pub fn has_unreadable(&self, key: &str) -> bool {
        self.unreadable_keys().any(|k| k == key)
    }

    /// How many keys the file defines (each once).
    pub fn key_count(&self) -> usize {
        self.firsts.len()
    }

    /// The keys of the file's entries, sorted, each once.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let mut keys: Vec<&str> = self.firsts.iter().map(|&i| self.entries[i].id).collect();
        keys.sort_unstable();
        keys.into_iter()
    }

    /// The keys in file order, each once (its first definition, the one runtimes use).
    pub fn keys_in_order(&self) -> Vec<String> {
        self.firsts.iter().map(|&i| self.entries[i].id.to_string()).collect()
    }

    /// Entries by key, sorted, the first definition of each.
    pub fn by_key(&self) -> impl Iterator<Item = (&str, &Entry<'t>)> {
        let mut entries: Vec<(&str, &Entry<'t>)> = self.firsts().collect();
        entries.sort_unstable_by_key(|(key, _)| *key);
        entries.into_iter()
    }

    /// The bytes of the file from the `n`th entry to the next (or to the end): its value,
    /// its attributes, and any comment or junk after it.
    pub fn span(&self, n: usize) -> std::ops::Range<usize> {
        self.entries[n].offset..self.entries.get(n + 1).map_or(self.file.text.len(), |next| next.offset)
    }

    /// Every literal text of every entry that has a character outside plain Latin
    /// ([`crate::text::is_plain_latin`]), with its entry and its offset: what the Unicode
    /// checks look at. An entry whose bytes are all plain Latin, as most are, is passed
    /// over without a walk.
    pub fn texts_not_plain_latin(&self) -> impl Iterator<Item = (&Entry<'t>, usize, &'t str)> + '_ {
        let file = self.file;
        let entries = if file.plain_latin() { &self.entries[..0] } else { &self.entries[..] };
        entries
            .iter()
            .enumerate()
            .filter(move |&(n, _)| !file.plain_latin_in(self.span(n)))
            .flat_map(move |(_, entry)| {
                entry
                    .parts()
                    .flat_map(move |(_, pattern)| text_elements(file, pattern))
                    .map(move |(at, t)| (entry, at, t))
            })
            .filter(move |&(_, at, text)| !file.plain_latin_in(at..at + text.len()))
    }

    /// Whether any text of the file (values, attributes, variants; not comments) writes
    /// `word`, given in lower case, in lower case: what tells a word of the file's
    /// language from a name ([`crate::text::names::read`]).
    pub fn writes_in_lowercase(&self, word: &str) -> bool {
        self.lowercase_words
            .get_or_init(|| {
                let mut words = crate::text::names::Stems::default();
                for entry in &self.entries {
                    for (_, pattern) in entry.parts() {
                        crate::text::names::lowercase_words(&plain_text(pattern), &mut words);
                    }
                }
                words
            })
            .contains(word)
    }

    /// Which of the [`marks`] an entry's bytes have (its value and attributes, and any
    /// comment or junk up to the next entry, so a few more than its text has). Found for
    /// every entry in a few passes over the file, once: the checks that look for them
    /// pass over the entries that have none without walking their patterns.
    pub fn marks(&self, entry: &Entry<'t>) -> u8 {
        let n = self.entries.partition_point(|e| e.offset < entry.offset);
        self.marks_at(n)
    }

    /// [`FileModel::marks`] of the `n`th entry.
    pub fn marks_at(&self, n: usize) -> u8 {
        let all = self.marks.get_or_init(|| {
            let mut found = vec![0u8; self.entries.len()];
            let bytes = self.file.text.as_bytes();
            // Each pass finds its bytes in order: the entry they are in moves forward.
            let mut mark = |at: &mut dyn Iterator<Item = usize>, flags: &dyn Fn(usize) -> u8| {
                let mut n = 0;
                for i in at {
                    while n + 1 < self.entries.len() && self.entries[n + 1].offset <= i {
                        n += 1;
                    }
                    if let Some(f) = found.get_mut(n) {
                        *f |= flags(i);
                    }
                }
            };
            mark(&mut memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes), &|i| match bytes[i] {
                0xE2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
                    (Some(0x80), Some(0x93 | 0x94)) => marks::DASH,
                    (Some(0x80), Some(0x98 | 0x99 | 0x9C | 0x9D | 0x9E)) => marks::CURLY_QUOTE,
                    _ => 0,
                },
                _ => marks::STRAIGHT_QUOTE,
            });
            mark(&mut memchr::memchr3_iter(b'<', b'@', b'+', bytes), &|i| {
                if bytes[i] == b'<' {
                    marks::MARKUP
                } else {
                    marks::LINK
                }
            });
            mark(&mut memchr::memmem::find_iter(bytes, b" -"), &|_| marks::HYPHEN);
            mark(&mut memchr::memmem::find_iter(bytes, b"://"), &|_| marks::LINK);
            mark(&mut memchr::memmem::find_iter(bytes, b"]("), &|_| marks::MARKUP);
            mark(&mut memchr::memmem::find_iter(bytes, b"**"), &|_| marks::MARKUP);
            found
        });
        all.get(n).copied().unwrap_or(0)
    }

    /// Whether any entry's [`FileModel::marks`] has `flag`.
    pub fn any_marks(&self, flag: u8) -> bool {
        (0..self.entries.len()).any(|n| self.marks_at(n) & flag != 0)
    }

    /// The first definition of each key, in file order.
    pub fn firsts(&self) -> impl Iterator<Item = (&str, &Entry<'t>)> {
        self.firsts.iter().map(|&i| (self.entries[i].id, &self.entries[i]))
    }
}

/// A node met while walking a pattern.
pub enum Node<'a, 't> {
    /// Literal text of the pattern.
    Text(&'t str),
    /// An inline expression; `in_selector` when it is (part of) a select expression's
    /// selector.
    Inline { expr: &'a InlineExpression<'t>, in_selector: bool },
    /// A select expression, before its selector and variants are walked.
    Select { selector: &'a InlineExpression<'t>, variants: &'a [Variant<'t>] },
}

/// Walks a pattern depth first, in source order. Nesting depth is bounded by the
/// pre-scan in [`crate::ftl::file`], so the recursion cannot overflow.
pub fn walk<'a, 't>(pattern: &'a Pattern<'t>, visit: &mut impl FnMut(Node<'a, 't>)) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => visit(Node::Text(value)),
            ast::PatternElement::Placeable { expression } => walk_expression(expression, visit),
        }
    }
}

fn walk_expression<'a, 't>(expression: &'a ast::Expression<&'t str>, visit: &mut impl FnMut(Node<'a, 't>)) {
    match expression {
        ast::Expression::Inline(expr) => walk_inline(expr, false, visit),
        ast::Expression::Select { selector, variants } => {
            visit(Node::Select { selector, variants });
            walk_inline(selector, true, visit);
            for variant in variants {
                walk(&variant.value, visit);
            }
        }
    }
}

fn walk_inline<'a, 't>(expr: &'a InlineExpression<'t>, in_selector: bool, visit: &mut impl FnMut(Node<'a, 't>)) {
    visit(Node::Inline { expr, in_selector });
    match expr {
        ast::InlineExpression::FunctionReference { arguments, .. } => walk_arguments(arguments, in_selector, visit),
        ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            walk_arguments(arguments, in_selector, visit)
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, visit),
        _ => {}
    }
}

fn walk_arguments<'a, 't>(
    arguments: &'a ast::CallArguments<&'t str>,
    in_selector: bool,
    visit: &mut impl FnMut(Node<'a, 't>),
) {
    for arg in &arguments.positional {
        walk_inline(arg, in_selector, visit);
    }
    for named in &arguments.named {
        walk_inline(&named.value, in_selector, visit);
    }
}

/// How an entry uses one variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VariableUse {
    /// Offset of the first use (of the `$`).
    pub offset: usize,
    /// Used somewhere outside a selector, so its value shows in the text.
    pub shown: bool,
}

/// The variables of all parts of an entry, by name.
pub fn variables<'t>(file: &SourceFile, entry: &Entry<'t>) -> BTreeMap<&'t str, VariableUse> {
    let mut vars: BTreeMap<&'t str, VariableUse> = BTreeMap::new();
    for (_, pattern) in entry.parts() {
        walk(pattern, &mut |node| {
            if let Node::Inline { expr: ast::InlineExpression::VariableReference { id }, in_selector } = node {
                let offset = file.offset_of(id.name).saturating_sub(1);
                let used = vars.entry(id.name).or_insert(VariableUse { offset, shown: false });
                used.shown |= !in_selector;
            }
        });
    }
    vars
}

/// A reference to another message (`{ other }`, `{ other.attr }`) or term (`{ -brand }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'t> {
    /// `name` for a message, `-name` for a term.
    pub key: String,
    pub attribute: Option<&'t str>,
    pub offset: usize,
    /// Length of the reference as written, for underlining.
    pub len: usize,
    /// The pattern of the entry it is in: loops are between patterns, and an attribute
    /// that uses its own message's value (or a sibling attribute) is none.
    pub part: Part<'t>,
}

/// Every message and term reference of an entry, in source order.
pub fn references<'t>(file: &SourceFile, entry: &Entry<'t>) -> Vec<Reference<'t>> {
    let mut refs = Vec::new();
    for (part, pattern) in entry.parts() {
        walk(pattern, &mut |node| match node {
            Node::Inline { expr: ast::InlineExpression::MessageReference { id, attribute }, .. } => {
                refs.push(Reference {
                    key: id.name.to_string(),
                    attribute: attribute.as_ref().map(|a| a.name),
                    offset: file.offset_of(id.name),
                    len: id.name.len(),
                    part,
                })
            }
            Node::Inline { expr: ast::InlineExpression::TermReference { id, attribute, .. }, .. } => {
                refs.push(Reference {
                    key: format!("-{}", id.name),
                    attribute: attribute.as_ref().map(|a| a.name),
                    offset: file.offset_of(id.name).saturating_sub(1),
                    len: id.name.len() + 1,
                    part,
                })
            }
            _ => {}
        });
    }
    refs
}

/// The literal text of a pattern (all variants), placeables replaced by a space: what a
/// language detector should look at.
pub fn plain_text<'t>(pattern: &Pattern<'t>) -> std::borrow::Cow<'t, str> {
    // Most patterns are one piece of text: that is their plain text as it is.
    if let [ast::PatternElement::TextElement { value }] = pattern.elements.as_slice() {
        return std::borrow::Cow::Borrowed(value);
    }
    let mut text = String::new();
    walk(pattern, &mut |node| match node {
        Node::Text(t) => text.push_str(t),
        Node::Inline { in_selector: false, .. } => text.push(' '),
        _ => {}
    });
    std::borrow::Cow::Owned(text)
}

/// Every literal text element of a pattern with its offset: where Unicode checks look.
fn text_elements<'t>(file: &SourceFile, pattern: &Pattern<'t>) -> Vec<(usize, &'t str)> {
    let mut out = Vec::new();
    walk(pattern, &mut |node| {
        if let Node::Text(t) = node {
            out.push((file.offset_of(t), t));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_entry(text: &str, f: impl FnOnce(&SourceFile, &Entry<'_>)) {
        let file = SourceFile::from_bytes("en", "a.ftl", "a.ftl".into(), text.as_bytes().to_vec());
        let parsed = file.parse();
        let model = FileModel::new(&file, &parsed);
        f(&file, &model.entries[0]);
    }

    #[test]
    fn variables_used_only_in_selectors_are_not_shown() {
        with_entry(
            "a = { $n ->\n    [one] One tab by { $who }\n   *[other] { $n } tabs\n}\nb = { NUMBER($k) ->\n *[other] x\n}\n",
            |file, entry| {
                let vars = variables(file, entry);
                assert!(vars["n"].shown);
                assert!(vars["who"].shown);
            },
        );
        with_entry("b = { NUMBER($k) ->\n *[other] x\n}\n", |file, entry| {
            assert!(!variables(file, entry)["k"].shown);
        });
    }

    #[test]
    fn canonical_text_ignores_layout_and_comments() {
        let mut first = String::new();
        with_entry("# note\na =\n        Hello\n   .title = T\n", |_, e| first = e.canonical());
        with_entry("a = Hello\n    .title = T\n", |_, e| assert_eq!(first, e.canonical()));
    }

    /// The plain-text shortcut writes exactly what the serializer writes, for the
    /// corpora of real Fluent files (when `../shared/corpora` is there) and for the edge
    /// cases below.
    #[test]
    #[allow(clippy::print_stderr)] // a test says what it skipped
    fn canonical_shortcut_equals_the_serializer() {
        let mut texts = vec![
            "a = Hello\n".to_string(),
            "a = Hello\n    .title = T\n    .aria = \n".to_string(),
            "a =\n    .title = only an attribute\n".to_string(),
            "-brand = Firefox\n    .gender = masculine\n".to_string(),
            "a =   spaces   inside  \n".to_string(),
            "a = .dot first\n".to_string(),
            "a = ti\u{1EBF}ng Vi\u{1EC7}t \u{201C}quoted\u{201D}\n".to_string(),
            "a = one\n    two\n".to_string(),
            "a = { $n } tabs\n".to_string(),
            "a = { -brand.gender } { other.title } { \"\\u00A0\" } { 3.50 }{ $n }\n".to_string(),
            "a = { -brand(case: \"gen\") } { NUMBER($n) } {{ $n }}\n".to_string(),
            "a = { $n ->\n   *[other] x\n}\n".to_string(),
            "a = x\r\n".to_string(),
        ];
        let corpora = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
        if corpora.is_dir() {
            let files = crate::fs::walk::files_under(&corpora, ".ftl").unwrap();
            texts.extend(files.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
        } else {
            eprintln!("note: no ../shared/corpora: only the edge cases are compared");
        }
        let (mut plain, mut other) = (0, 0);
        for text in &texts {
            let file = SourceFile::from_bytes("en", "a.ftl", "a.ftl".into(), text.as_bytes().to_vec());
            let parsed = file.parse();
            for entry in &FileModel::new(&file, &parsed).entries {
                match entry.canonical_plain() {
                    Some(quick) => {
                        assert_eq!(quick, entry.canonical_serialized(), "{}", entry.id);
                        plain += 1;
                    }
                    None => other += 1,
                }
            }
        }
        assert!(plain > 3 && other > 1, "{plain} plain, {other} other");
    }

    #[test]
    fn marks_tell_what_each_entry_has() {
        use super::marks::*;
        let text = "a = Chủ đề “x” – y\nb = <b>z</b> at https://example.org\n# say \"hi\" - here\nc = plain\n";
        let file = SourceFile::from_bytes("vi", "a.ftl", "a.ftl".into(), text.as_bytes().to_vec());
        let parsed = file.parse();
        let model = FileModel::new(&file, &parsed);
        assert_eq!(model.marks_at(0), CURLY_QUOTE | DASH);
        // The comment before `c` is counted with `b`, whose bytes run up to `c`.
        assert_eq!(model.marks_at(1), MARKUP | LINK | STRAIGHT_QUOTE | HYPHEN);
        assert_eq!(model.marks(&model.entries[2]), 0);
        assert!(model.any_marks(DASH) && !model.any_marks(0));
    }

    #[test]
    fn references_carry_their_offsets() {
        with_entry("a = { -brand } and { other.title }\n", |file, entry| {
            let refs = references(file, entry);
            assert_eq!(refs[0].key, "-brand");
            assert_eq!(&file.text[refs[0].offset..refs[0].offset + refs[0].len], "-brand");
            assert_eq!(refs[1].attribute, Some("title"));
        });
    }
}
