//! Announcements as editors write them in `source/`: TOML front matter between `+++`
//! lines, then paragraphs separated by blank lines, a `## ` line being a heading.
//!
//! Only this small subset of Markdown has a meaning here, so it is read by hand: a
//! Markdown parser (pulldown-cmark) would turn `*`, `_`, `[…](…)` and backslashes into
//! formatting, while an announcement's text must reach the Fluent message exactly as the
//! editor typed it.

use std::path::Path;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;

/// The front matter of an announcement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    date: Option<toml::value::Datetime>,
    lang: Option<String>,
    /// Data for other tools (a site generator's tags, an author), ignored here.
    #[serde(default)]
    #[allow(dead_code)]
    extra: Option<toml::Table>,
}

/// What a block of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BlockKind {
    Paragraph,
    Heading,
}

impl BlockKind {
    /// The letter of its message ids: `p` in `signing-p3`, `h` in `signing-h1`.
    pub fn letter(self) -> char {
        match self {
            BlockKind::Paragraph => 'p',
            BlockKind::Heading => 'h',
        }
    }
}

/// One paragraph or heading, as plain text (NFC, lines joined by one space).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// 1-based line of the block in the source file.
    pub line: usize,
}

/// A parsed announcement.
#[derive(Debug, Clone)]
pub struct Announcement {
    /// The file stem: the resource name and the prefix of every message id.
    pub slug: String,
    pub title: String,
    /// `YYYY-MM-DD`, when the front matter has a date.
    pub date: Option<Date>,
    /// The language it is written in, when the front matter says.
    pub lang: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date as an announcement in `language` prints it: "October 8, 2025" in English,
    /// "08/10/2025" in Vietnamese (as Vietnamese newspapers write datelines), ISO
    /// `2025-10-08` otherwise. Two fixed patterns do not justify a CLDR date library.
    pub fn display(&self, language: &str) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let Date { year, month, day } = *self;
        match language {
            "en" => format!("{} {day}, {year}", MONTHS[usize::from(month) - 1]),
            "vi" => format!("{day:02}/{month:02}/{year}"),
            _ => format!("{year:04}-{month:02}-{day:02}"),
        }
    }
}

/// Whether `slug` can prefix Fluent message ids (`[a-zA-Z][a-zA-Z0-9_-]*`).
pub fn is_valid_slug(slug: &str) -> bool {
    let mut chars = slug.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Reads only the `lang` of an announcement's front matter (cheap enough to call for
/// every resource of a check).
pub fn read_lang(path: &Path, display: &str) -> Result<Option<String>, Error> {
    // `check` asks this of every announcement: the front matter is at the top, so the
    // first few kilobytes usually hold all of it, and the body is not read.
    use std::io::Read;
    let mut head = Vec::with_capacity(8192);
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    file.take(8192).read_to_end(&mut head).map_err(|e| Error::io(path, e))?;
    let whole_lines = head.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if let Ok(text) = std::str::from_utf8(&head[..whole_lines]) {
        if let Ok((front, _, _)) = split_front_matter(crate::text::without_bom(text), display) {
            return Ok(parse_front(front.0, front.1, display)?.lang);
        }
    }
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let (front, _, _) = split_front_matter(crate::text::without_bom(&text), display)?;
    Ok(parse_front(front.0, front.1, display)?.lang)
}

impl Announcement {
    /// Reads an announcement file. `display` is the path shown in errors.
    pub fn read(path: &Path, display: &str) -> Result<Announcement, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::Usage(format!(
                "{display}: this file is not valid UTF-8 (byte {}): save it as UTF-8",
                e.utf8_error().valid_up_to()
            ))
        })?;
        let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        Announcement::parse(&slug, &text, display)
    }

    /// Parses the text of an announcement whose file stem is `slug`.
    pub fn parse(slug: &str, text: &str, display: &str) -> Result<Announcement, Error> {
        if !is_valid_slug(slug) {
            return Err(Error::Usage(format!(
                "{display}: `{slug}` cannot name messages: rename the file with ASCII letters a–z, digits, dashes or underscores, starting with a letter (`ha-noi.md`, not `hà-nội.md`)"
            )));
        }
        // The text of a file, as `read` or a caller read it: a byte-order mark a Windows
        // editor saved at its start is not content.
        let text = crate::text::without_bom(text);
        let ((front, front_line), body, body_line) = split_front_matter(text, display)?;
        let front = parse_front(front, front_line, display)?;
        if front.title.trim().is_empty() {
            return Err(Error::Config {
                path: display.into(),
                line: front_line + front_line_of(text, "title"),
                column: 1,
                message: "the title is empty: every announcement needs one".into(),
            });
        }
        let date = match front.date {
            None => None,
            Some(dt) => match (dt.date, dt.time) {
                (Some(d), None) if (1..=12).contains(&d.month) => {
                    Some(Date { year: d.year, month: d.month, day: d.day })
                }
                _ => {
                    return Err(Error::Config {
                        path: display.into(),
                        line: front_line + front_line_of(text, "date"),
                        column: 1,
                        message: format!("`date = {dt}` must be a plain date such as 2025-10-15"),
                    })
                }
            },
        };
        Ok(Announcement {
            slug: slug.to_string(),
            title: normalize(front.title.trim()),
            date,
            lang: front.lang,
            blocks: blocks(body, body_line),
        })
    }
}

/// Splits `+++ … +++` from the body: ((front matter, its first line), body, body's first line).
fn split_front_matter<'a>(text: &'a str, display: &str) -> Result<((&'a str, usize), &'a str, usize), Error> {
    let missing = || Error::Config {
        path: display.into(),
        line: 1,
        column: 1,
        message: "an announcement starts with front matter between `+++` lines (title, date, lang)".into(),
    };
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or_else(missing)?;
    if first.trim_end() != "+++" {
        return Err(missing());
    }
    let start = first.len();
    let mut at = start;
    for (line, l) in (2..).zip(lines) {
        if l.trim_end() == "+++" {
            return Ok(((&text[start..at], 2), &text[at + l.len()..], line + 1));
        }
        at += l.len();
    }
    Err(Error::Config {
        path: display.into(),
        line: 1,
        column: 1,
        message: "the front matter is not closed: add a `+++` line after it".into(),
    })
}

fn parse_front(front: &str, first_line: usize, display: &str) -> Result<FrontMatter, Error> {
    toml::from_str(front).map_err(|e| {
        let (line, column) = crate::project::toml_error_position(front, &e);
        Error::Config {
            path: display.into(),
            line: line + first_line - 1,
            column,
            message: format!("{} (the front matter knows title, date, lang and [extra])", e.message().trim()),
        }
    })
}

/// 0-based line of `key = …` inside the front matter.
fn front_line_of(text: &str, key: &str) -> usize {
    text.lines().skip(1).position(|l| l.trim_start().starts_with(key)).unwrap_or(0)
}

fn normalize(text: &str) -> String {
    text.nfc().collect()
}

/// The body's paragraphs and headings. Lines of a paragraph are joined with one space
/// (a line break inside a Markdown paragraph is a space); a `#` heading is always one
/// line, even without a blank line around it.
fn blocks(body: &str, first_line: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let flush = |current: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(block) = current.take() {
            out.push(block);
        }
    };
    for (i, raw) in body.lines().enumerate() {
        let line = first_line + i;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        if let Some(heading) = heading_text(trimmed) {
            flush(&mut current, &mut out);
            out.push(Block { kind: BlockKind::Heading, text: normalize(heading), line });
            continue;
        }
        match &mut current {
            Some(block) => {
                block.text.push(' ');
                block.text.push_str(&normalize(trimmed));
            }
            None => current = Some(Block { kind: BlockKind::Paragraph, text: normalize(trimmed), line }),
        }
    }
    flush(&mut current, &mut out);
    out
}

/// `## Heading` → `Heading` (any level from `#` to `######`).
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && (rest.starts_with(' ') || rest.starts_with('\t')))
        .then(|| rest.trim())
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_headings_and_joined_paragraphs() {
        let text = "+++\ntitle = \"A title\"\ndate = 2025-10-15\nlang = \"vi\"\n+++\n\nFirst line\nsecond line.\n## A heading\nNext.\n\n\nLast.\n";
        let a = Announcement::parse("news", text, "source/news.md").unwrap();
        assert_eq!(a.title, "A title");
        assert_eq!(a.date.unwrap().display("en"), "October 15, 2025");
        assert_eq!(a.date.unwrap().display("vi"), "15/10/2025");
        assert_eq!(a.lang.as_deref(), Some("vi"));
        let got: Vec<_> = a.blocks.iter().map(|b| (b.kind, b.text.as_str(), b.line)).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Paragraph, "First line second line.", 7),
                (BlockKind::Heading, "A heading", 9),
                (BlockKind::Paragraph, "Next.", 10),
                (BlockKind::Paragraph, "Last.", 13),
            ]
        );
    }

    #[test]
    fn front_matter_mistakes_name_their_line() {
        let err = Announcement::parse("news", "+++\ntitle = \"x\"\nlnag = \"vi\"\n+++\nText\n", "s.md").unwrap_err();
        assert!(err.to_string().starts_with("s.md:3:1: unknown field `lnag`"), "{err}");
        let err = Announcement::parse("news", "Text\n", "s.md").unwrap_err();
        assert!(err.to_string().contains("starts with front matter"), "{err}");
        let err = Announcement::parse("2025 news", "+++\ntitle = \"x\"\n+++\n", "s.md").unwrap_err();
        assert!(err.to_string().contains("cannot name messages"), "{err}");
    }
}
