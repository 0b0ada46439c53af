//! HTML tags and Markdown links inside a text, as Fluent messages carry them
//! (`<a href="{ $url }">`, `<strong>`, `<br/>`, `[the convention](https://…)`).
//!
//! Written by hand rather than with an HTML parser (html5ever, scraper): a message is a
//! fragment with placeables inside its tags (`<a { $attrs }>`), often with a tag opened
//! in one message and nothing else of a document around it, and what the checks need is
//! narrow: where each tag is, its name and attributes. A parser would build a document,
//! repair the fragment (closing what it thinks is open) and drop what it does not
//! understand, which is exactly what a comparison of two fragments must see.

use std::ops::Range;

use crate::ftl::prose::PLACEABLE;

/// [`PLACEABLE`] in UTF-8, compared byte by byte: the scanner steps through bytes, and a
/// `str` cannot be sliced inside a character.
const PLACEABLE_BYTES: &[u8] = "\u{FFFC}".as_bytes();

/// One HTML tag as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    /// From its `<` to its `>`, included.
    pub range: Range<usize>,
    /// As written (`A`, `strong`, `data-x`).
    pub name: &'a str,
    /// `</a>`.
    pub closing: bool,
    /// `<br/>`, `<img … />`.
    pub self_closing: bool,
    /// Names and values as written (without their quotes); a placeable among the
    /// attributes (`<a { $attrs }>`) is one attribute named [`PLACEABLE`].
    pub attributes: Vec<(&'a str, Option<&'a str>)>,
}

/// The tags of a text, in order. Something that only looks like the start of one (`a <
/// b`, `<3`, `<name@example.com>`, a quote that never closes) is text.
pub fn tags(text: &str) -> impl Iterator<Item = Tag<'_>> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = memchr::memchr(b'<', &text.as_bytes()[from..]).map(|i| from + i) {
            from = i + 1;
            if let Some(tag) = tag_at(text, i) {
                from = tag.range.end;
                return Some(tag);
            }
        }
        from = text.len();
        None
    })
}

/// The tag whose `<` is at `start`, if one is there.
fn tag_at(text: &str, start: usize) -> Option<Tag<'_>> {
    let b = text.as_bytes();
    let mut i = start + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':')) {
        i += 1;
    }
    let name = &text[name_start..i];
    // The name must end where a tag's name ends: `<b>`, `<a href`, `<br/>`.
    if !matches!(b.get(i)?, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r') && !b[i..].starts_with(PLACEABLE_BYTES) {
        return None;
    }
    let mut attributes = Vec::new();
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match b.get(i)? {
            b'>' => {
                return Some(Tag { range: start..i + 1, name, closing, self_closing: false, attributes });
            }
            b'/' if b.get(i + 1) == Some(&b'>') => {
                return Some(Tag { range: start..i + 2, name, closing, self_closing: true, attributes });
            }
            // Another tag starts before this one ended: this was text.
            b'<' | b'"' | b'\'' | b'=' | b'/' => return None,
            _ if b[i..].starts_with(PLACEABLE_BYTES) => {
                attributes.push((&text[i..i + PLACEABLE.len_utf8()], None));
                i += PLACEABLE.len_utf8();
            }
            _ => {
                let name_start = i;
                while b.get(i).is_some_and(|&c| {
                    !c.is_ascii_whitespace() && !matches!(c, b'"' | b'\'' | b'>' | b'/' | b'=' | b'<')
                }) && !b[i..].starts_with(PLACEABLE_BYTES)
                {
                    i += 1;
                }
                let attribute = &text[name_start..i];
                let mut j = i;
                while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                if b.get(j) != Some(&b'=') {
                    attributes.push((attribute, None));
                    continue;
                }
                j += 1;
                while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                let value = match *b.get(j)? {
                    quote @ (b'"' | b'\'') => {
                        let end = j + 1 + memchr::memchr(quote, &b[j + 1..])?;
                        let value = &text[j + 1..end];
                        if value.contains('<') {
                            return None;
                        }
                        i = end + 1;
                        value
                    }
                    _ => {
                        let end = b[j..]
                            .iter()
                            .position(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'<')
                            .map_or(b.len(), |n| j + n);
                        // `<a href=x/>`: the slash closes the tag.
                        let end = if text[j..end].ends_with('/') && b.get(end) == Some(&b'>') { end - 1 } else { end };
                        i = end;
                        &text[j..end]
                    }
                };
                attributes.push((attribute, Some(value)));
            }
        }
    }
}

/// Elements that never have content, so `<br>` and `<br/>` are the same tag.
pub fn is_void(name: &str) -> bool {
    const VOID: [&str; 14] =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Markdown links `[text](target)`: where each is.
pub fn markdown_links(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(open) = memchr::memchr(b'[', &b[from..]).map(|i| from + i) {
            from = open + 1;
            // The text: no bracket or line end inside, then `](`, then the target.
            let Some(close) =
                b[open + 1..].iter().position(|&c| matches!(c, b']' | b'[' | b'\n')).map(|n| open + 1 + n)
            else {
                continue;
            };
            if b[close] != b']' || b.get(close + 1) != Some(&b'(') {
                continue;
            }
            let Some(end) =
                b[close + 2..].iter().position(|&c| matches!(c, b')' | b'(' | b'\n' | b' ')).map(|n| close + 2 + n)
            else {
                continue;
            };
            if b[end] != b')' || end == close + 2 {
                continue;
            }
            from = end + 1;
            return Some(open..end + 1);
        }
        from = b.len();
        None
    })
}

/// Markdown strong emphasis `**text**`: where each pair of `**` is.
pub fn markdown_strong(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let open = from + text.get(from..)?.find("**")?;
        let close = open + 2 + text[open + 2..].find("**")?;
        // `****` or `** **` is no emphasis.
        if text[open + 2..close].trim().is_empty() {
            from = close + 2;
            return Some(open..open);
        }
        from = close + 2;
        Some(open..close + 2)
    })
    .filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        tags(text)
            .map(|t| format!("{}{}{}", if t.closing { "/" } else { "" }, t.name, if t.self_closing { "/" } else { "" }))
            .collect()
    }

    #[test]
    fn tags_are_found_with_their_attributes() {
        let text = "Go <a href=\"{}\" class='x y' data-l10n-name =\"link\" hidden>here</a><br/> or <img src=x/>";
        assert_eq!(names(text), ["a", "/a", "br/", "img/"]);
        let a = tags(text).next().unwrap();
        assert_eq!(
            a.attributes,
            [("href", Some("{}")), ("class", Some("x y")), ("data-l10n-name", Some("link")), ("hidden", None)]
        );
        assert_eq!(&text[a.range.clone()], "<a href=\"{}\" class='x y' data-l10n-name =\"link\" hidden>");
        assert_eq!(tags("<img src=x/>").next().unwrap().attributes, [("src", Some("x"))]);
    }

    #[test]
    fn a_placeable_among_attributes_is_one_attribute() {
        let text = "<a \u{FFFC}>uBlock</a> <a href=\"\u{FFFC}\">x</a>";
        let found: Vec<Tag<'_>> = tags(text).collect();
        assert_eq!(found[0].attributes, [("\u{FFFC}", None)]);
        assert_eq!(found[2].attributes, [("href", Some("\u{FFFC}"))]);
    }

    #[test]
    fn what_only_looks_like_a_tag_is_text() {
        for text in
            ["a < b", "<3 you", "<name@example.com>", "<a href=\"never closed>", "x <", "<b", "<a <b>", "<1>", "<>"]
        {
            let found: Vec<String> = names(text);
            assert!(found.is_empty() || text == "<a <b>", "{text}: {found:?}");
        }
        assert_eq!(names("<a <b>"), ["b"]);
    }

    #[test]
    fn no_input_makes_the_scanner_panic() {
        for text in [
            "<",
            "</",
            "<a",
            "<a ",
            "<a x",
            "<a x=",
            "<a x=\"",
            "<a x='y",
            "<a/",
            "<a \u{FFFC}",
            "<ả>",
            "<a ả=ố>",
            "<a x=ả/",
        ] {
            let _ = tags(text).count();
            let _ = markdown_links(text).count();
            let _ = markdown_strong(text).count();
        }
    }

    #[test]
    fn markdown_links_and_emphasis() {
        let text = "See [the convention](https://example.org/a) and [not a link] (x), **bold**, ****.";
        let links: Vec<&str> = markdown_links(text).map(|r| &text[r]).collect();
        assert_eq!(links, ["[the convention](https://example.org/a)"]);
        let strong: Vec<&str> = markdown_strong(text).map(|r| &text[r]).collect();
        assert_eq!(strong, ["**bold**"]);
    }
}
