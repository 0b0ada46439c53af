//! `url-mismatch`: a link, e-mail address or phone number of the reference that the
//! translation does not carry unchanged, or one the translation adds.

use std::ops::Range;

use super::{list, Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::{marks, Pattern};
use crate::ftl::prose::{any_text, Prose, PLACEABLE};
use crate::text::language;

pub struct UrlMismatch;

static INFO: CheckInfo = CheckInfo {
    code: "url-mismatch",
    severity: Severity::Error,
    summary: "a link, e-mail address or phone number differs between the reference and the translation",
    doc: "\
## What it finds
A web address (`https://…`), an e-mail address or an international phone number (`+84 24
3825 1234`) in the reference that the translation does not have, unchanged, in the same
value or attribute, and one the translation has that the reference does not. Links in
HTML (`<a href=\"https://…\">`) and Markdown count; placeables (`{ $url }`) are filled in
at run time and are not links.

Compared as readers and browsers see them:
- a locale in a link is the same link localized: `/en-US/` and `/vi/` in the path,
  `en.wikipedia.org` and `vi.wikipedia.org`, `?lang=en` and `?lang=vi`, when the code is
  one of the two languages compared;
- letter case of the scheme and the host, and a final `/`, do not matter; everything
  else does;
- e-mail addresses are compared without regard to letter case;
- phone numbers by their digits (`+84 24 3825 1234` = `+84-24-3825-1234`). Only numbers
  written with their country code (`+`) are read as phone numbers: others look like any
  other figure, and `number-mismatch` compares those.
Web addresses are those written with their scheme (`https://`); a bare `mozilla.org` is
a name in the text.

When the reference changed since the translation was accepted, a link that came or went
with that change is left to the `drifted` finding, which shows it in its diff.

## Why it matters
A link is where readers go to read the original, register, or check a fact; an address
or a number is how they reach someone. One changed character sends them elsewhere or
nowhere, and no reader of the translation can tell. It is an error: the translation must
not be published so.

## Example
    # en
    signing-p9 = Register at https://example.org/en/register or write to press@example.org.
    # vi
    signing-p9 = Đăng ký tại https://example.org/vi/registr hoặc viết cho báo chí.

## How to fix
Copy links, addresses and numbers from the reference as they are. A link may change its
locale (`/en/` → `/vi/`) to point at the translated page; nothing else. A project whose
translations rightly link elsewhere (a page that exists only in Vietnamese) can make the
code a warning: `[severity] url-mismatch = \"warning\"` in `songngu.toml`.",
};

impl Check for UrlMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        // Most entries have no `://`, `@` or `+` at all, on either side.
        let has = |file: &crate::ftl::model::FileModel<'_>, entry| file.marks(entry) & marks::LINK != 0;
        if !has(cx.reference_file, cx.reference) && !has(cx.target_file, cx.target) {
            return;
        }
        let languages = [language(cx.reference_locale), language(cx.target_locale)];
        let mut lacking: Vec<(String, String)> = Vec::new();
        let mut extra: Vec<(String, String)> = Vec::new();
        for (part, reference_pattern) in cx.reference.parts() {
            let Some((_, target_pattern)) = cx.target.parts().find(|(p, _)| *p == part) else { continue };
            let stated = links(cx.reference_file.file, reference_pattern, languages);
            let carried = links(cx.target_file.file, target_pattern, languages);
            lacking.extend(stated.in_order().into_iter().filter(|(key, _)| !carried.has(key)));
            extra.extend(carried.in_order().into_iter().filter(|(key, _)| !stated.has(key)));
        }
        if lacking.is_empty() && extra.is_empty() {
            return;
        }
        // What came or went with a change of the reference is the drift's to report.
        if let Some(record) = cx.record.filter(|r| r.reference != cx.texts().reference_fingerprint) {
            let before = links_of_canonical(&record.source, languages);
            lacking.retain(|(key, _)| before.has(key));
            extra.retain(|(key, _)| !before.has(key));
        }
        if lacking.is_empty() && extra.is_empty() {
            return;
        }
        let quote = |found: &[(String, String)]| -> Vec<String> {
            let mut shown: Vec<String> = found.iter().map(|(_, shown)| format!("`{shown}`")).collect();
            shown.dedup();
            shown
        };
        let mut parts = Vec::new();
        if !lacking.is_empty() {
            parts.push(format!("does not carry {} of the {} reference", list(&quote(&lacking)), cx.reference_locale));
        }
        if !extra.is_empty() {
            parts.push(format!("has {}, which the reference does not", list(&quote(&extra))));
        }
        out.push(
            INFO.at_entry(cx.target_file.file, cx.target, format!("the translation {}", parts.join(" and ")))
                .label("link differs")
                .help("copy links, e-mail addresses and phone numbers from the reference unchanged; only a locale in a link (`/en/` → `/vi/`) may change"),
        );
    }
}

/// Links as they are found, each once: by the key they are compared by, with the order
/// of the first and how the text writes it.
#[derive(Default)]
struct Links(std::collections::HashMap<String, (usize, String)>);

impl Links {
    fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    fn add(&mut self, key: String, shown: &str) {
        let next = self.0.len();
        self.0.entry(key).or_insert_with(|| (next, shown.to_string()));
    }

    /// (key, as written), in the order they were found.
    fn in_order(&self) -> Vec<(String, String)> {
        let mut links: Vec<(&String, &(usize, String))> = self.0.iter().collect();
        links.sort_by_key(|(_, (n, _))| *n);
        links.into_iter().map(|(key, (_, shown))| (key.clone(), shown.clone())).collect()
    }
}

/// A `:` (of `://`), an `@` or a `+`, found in one pass.
fn may_have(text: &str) -> bool {
    memchr::memchr3(b':', b'@', b'+', text.as_bytes()).is_some()
}

/// The links of a pattern (all variants).
fn links(file: &crate::ftl::file::SourceFile, pattern: &Pattern<'_>, languages: [&str; 2]) -> Links {
    let mut found = Links::default();
    if !any_text(pattern, &mut may_have) {
        return found;
    }
    let prose = Prose::new(file, pattern);
    for text in prose.all() {
        // A placeable ends a link: `https://example.org/{ $path }` is that much of one.
        for piece in text.text.split(PLACEABLE) {
            scan(piece, languages, &mut found);
        }
    }
    found
}

/// The links of an entry's canonical text (a record's reference, as it was), every part.
fn links_of_canonical(canonical: &str, languages: [&str; 2]) -> Links {
    let file = crate::ftl::file::SourceFile::from_bytes("", "", String::new(), canonical.as_bytes().to_vec());
    let parsed = file.parse();
    let model = crate::ftl::model::FileModel::new(&file, &parsed);
    let mut found = Links::default();
    for entry in &model.entries {
        for (_, pattern) in entry.parts() {
            for (key, shown) in links(&file, pattern, languages).in_order() {
                found.add(key, &shown);
            }
        }
    }
    found
}

/// Adds the links, e-mail addresses and phone numbers of a text to `found`.
fn scan(text: &str, languages: [&str; 2], found: &mut Links) {
    let bytes = text.as_bytes();
    // (where, key, as written), put in the order of the text at the end.
    let mut here: Vec<(Range<usize>, String)> = Vec::new();
    if memchr::memchr(b'@', bytes).is_some() || memchr::memmem::find(bytes, b"://").is_some() {
        // linkify knows where a link ends among the punctuation around it (a final `.`,
        // the `)` of a parenthesis, the `"` of an HTML attribute), which a pattern of
        // our own would get wrong.
        let mut finder = linkify::LinkFinder::new();
        finder.kinds(&[linkify::LinkKind::Url, linkify::LinkKind::Email]);
        for link in finder.links(text) {
            let shown = link.as_str();
            let key = match link.kind() {
                linkify::LinkKind::Email => {
                    let address = shown.strip_prefix("mailto:").unwrap_or(shown);
                    format!("mailto:{}", address.to_lowercase())
                }
                _ => normalize_url(shown, languages),
            };
            here.push((link.start()..link.end(), key));
        }
    }
    if memchr::memchr(b'+', bytes).is_some() {
        // The digits of a link are the link's (`https://example.org/+84…`). Links and
        // numbers are both in the order of the text: one pass over both.
        let links = here.len();
        let mut link = 0;
        for (range, digits) in phones(text) {
            while link < links && here[link].0.end <= range.start {
                link += 1;
            }
            if link == links || here[link].0.start >= range.end {
                here.push((range, format!("tel:+{digits}")));
            }
        }
    }
    here.sort_by_key(|(range, _)| range.start);
    for (range, key) in here {
        found.add(key, &text[range]);
    }
}

/// A URL as it is compared: scheme and host in lower case, no final `/`, and every
/// locale code of the two languages (a path segment, the first label of the host, a
/// query value) written `{locale}`, so a link localized for the translation is the same.
fn normalize_url(url: &str, languages: [&str; 2]) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    let mut out = String::with_capacity(url.len() + 8);
    out.push_str(&scheme.to_ascii_lowercase());
    out.push_str("://");
    let host = host.to_ascii_lowercase();
    match host.split_once('.') {
        Some((first, rest)) if is_locale(first, languages) => {
            out.push_str("{locale}.");
            out.push_str(rest);
        }
        _ => out.push_str(&host),
    }
    let path = path.strip_suffix('/').unwrap_or(path);
    let mut start = 0;
    for (i, c) in path.char_indices().chain(std::iter::once((path.len(), '/'))) {
        if matches!(c, '/' | '?' | '&' | '=' | '#') {
            let token = &path[start..i];
            out.push_str(if is_locale(token, languages) { "{locale}" } else { token });
            if i < path.len() {
                out.push(c);
            }
            start = i + c.len_utf8();
        }
    }
    out
}

/// Whether a piece of a URL is a locale code of one of the languages compared: `en`,
/// `en-US`, `vi`, `vi_VN`.
fn is_locale(token: &str, languages: [&str; 2]) -> bool {
    let mut subtags = token.split(['-', '_']);
    let first = subtags.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && languages.iter().any(|l| l.eq_ignore_ascii_case(first))
        && subtags.all(|s| (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// International phone numbers: a `+`, then 8 to 15 digits (as E.164 allows) in groups
/// apart by single spaces, hyphens, dots or parentheses. With their digits.
///
/// By hand: no well-kept crate finds phone numbers in running text without a country's
/// numbering plan (`phonenumber` parses a number given alone). A `+` and the digit count
/// are what tell a phone number from a figure; `+2.500.000` (groups of three apart by
/// dots) is a figure.
fn phones(text: &str) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
    let b = text.as_bytes();
    memchr::memchr_iter(b'+', b).filter_map(move |plus| {
        let before_ok = plus == 0 || !(b[plus - 1].is_ascii_alphanumeric() || b[plus - 1] == b'+');
        if !before_ok || !b.get(plus + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let (mut digits, mut groups, mut group, mut separators) = (String::new(), Vec::new(), 0usize, Vec::new());
        let mut end = plus + 1;
        let mut i = plus + 1;
        while let Some(&c) = b.get(i) {
            if c.is_ascii_digit() {
                digits.push(char::from(c));
                group += 1;
                end = i + 1;
            } else if matches!(c, b' ' | b'-' | b'.' | b'(' | b')') && !matches!(b[i - 1], b' ' | b'-' | b'.') {
                if group > 0 {
                    groups.push(group);
                    separators.push(c);
                }
                group = 0;
            } else {
                break;
            }
            i += 1;
        }
        if group > 0 {
            groups.push(group);
        }
        let figure = separators.iter().all(|&s| s == b'.') && groups.len() > 1 && groups[1..].iter().all(|&g| g == 3);
        ((8..=15).contains(&digits.len()) && !figure).then_some((plus..end, digits))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{pair, record};

    const EN: &str = "p = Register at https://example.org/en-US/register or write to press@example.org.\n";

    #[test]
    fn a_changed_link_is_an_error() {
        let found = pair(
            &UrlMismatch,
            ("en", EN),
            ("vi", "p = Đăng ký tại https://example.org/vi/registr hoặc viết cho press@example.org.\n"),
            None,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            found[0].message,
            "the translation does not carry `https://example.org/en-US/register` of the en reference and has `https://example.org/vi/registr`, which the reference does not"
        );
    }

    #[test]
    fn a_localized_link_is_not_a_change() {
        let vi = "p = Đăng ký tại https://example.org/vi/register/ hoặc viết cho Press@Example.org.\n";
        assert!(pair(&UrlMismatch, ("en", EN), ("vi", vi), None).is_empty());
    }

    #[test]
    fn a_dropped_address_or_phone_is_reported() {
        let en = "p = Call +84 24 3825 1234 or write to press@example.org.\n";
        let found = pair(&UrlMismatch, ("en", en), ("vi", "p = Gọi +84 24 3825 1243.\n"), None);
        assert_eq!(
            found[0].message,
            "the translation does not carry `+84 24 3825 1234` and `press@example.org` of the en reference and has `+84 24 3825 1243`, which the reference does not"
        );
    }

    #[test]
    fn placeables_are_not_links() {
        let en = "p = Read <a href=\"{ $url }\">it</a> at { $site }.\n";
        let vi = "p = Đọc <a href=\"{ $url }\">tại đây</a> trên { $site }.\n";
        assert!(pair(&UrlMismatch, ("en", en), ("vi", vi), None).is_empty());
    }

    #[test]
    fn a_link_that_came_with_a_reference_change_is_left_to_the_drift() {
        let vi = "p = Đăng ký tại https://example.org/vi/register.\n";
        let before = record("p = Register at https://example.org/en-US/register.\n", vi);
        // The reference added an address since: the drift shows it.
        assert!(pair(&UrlMismatch, ("en", EN), ("vi", vi), Some(&before)).is_empty());
        // A link the reference already had, and the translation changed, is still reported.
        let changed = "p = Đăng ký tại https://example.org/vi/registr.\n";
        let before = record("p = Register at https://example.org/en-US/register.\n", changed);
        assert_eq!(pair(&UrlMismatch, ("en", EN), ("vi", changed), Some(&before)).len(), 1);
    }

    fn keys(text: &str) -> Vec<String> {
        let mut found = Links::default();
        scan(text, ["en", "vi"], &mut found);
        found.in_order().into_iter().map(|(key, _)| key).collect()
    }

    #[test]
    fn links_addresses_and_phones_are_found() {
        assert_eq!(
            keys("See https://Example.org/a/b/, write to Press@Example.org or call +84 24 3825 1234."),
            ["https://example.org/a/b", "mailto:press@example.org", "tel:+842438251234"]
        );
        assert_eq!(
            keys("<a href=\"https://example.org/x\">x</a> (https://example.org/y)."),
            ["https://example.org/x", "https://example.org/y"]
        );
        assert_eq!(keys("mailto:a@b.org"), ["mailto:a@b.org"]);
    }

    #[test]
    fn localized_links_compare_equal() {
        for (a, b) in [
            ("https://www.mozilla.org/en-US/firefox/", "https://www.mozilla.org/vi/firefox/"),
            ("https://en.wikipedia.org/wiki/Hanoi", "https://vi.wikipedia.org/wiki/Hanoi"),
            ("https://example.org/page?lang=en&x=1", "https://example.org/page?lang=vi&x=1"),
            ("https://support.mozilla.org/en_US/kb", "https://support.mozilla.org/vi-VN/kb"),
        ] {
            assert_eq!(normalize_url(a, ["en", "vi"]), normalize_url(b, ["en", "vi"]), "{a} {b}");
        }
    }

    #[test]
    fn changed_links_compare_unequal() {
        for (a, b) in [
            ("https://example.org/register", "https://example.org/registr"),
            ("https://example.org/en/a", "https://example.org/fr/a"),
            ("http://example.org", "https://example.org"),
            ("https://example.org/a#top", "https://example.org/a"),
        ] {
            assert_ne!(normalize_url(a, ["en", "vi"]), normalize_url(b, ["en", "vi"]), "{a} {b}");
        }
    }

    #[test]
    fn figures_are_not_phone_numbers() {
        for text in ["+2.500.000 đồng", "C++ 2024", "tăng +15%", "+1 000", "a+84 24 3825 1234"] {
            assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
        }
        assert_eq!(keys("(+84) 24-3825-1234"), ["tel:+842438251234"]);
    }

    #[test]
    fn no_input_makes_it_panic() {
        for text in
            ["+", "+1", "@", "://", "https://", "a@", "+84 ", "https://ả.vn/ố?ư=ê", "+8 4 2 4 3 8 2 5 1 2 3 4 5 6 7 8"]
        {
            let _ = keys(text);
        }
    }
}
