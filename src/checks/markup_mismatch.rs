//! `markup-mismatch`: HTML tags or Markdown links and emphasis that differ between the
//! reference and the translation.

use std::collections::BTreeMap;

use super::{list, Check, CheckInfo, PairCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::{marks, Pattern};
use crate::ftl::prose::{any_text, Prose, PLACEABLE};
use crate::text::markup::{is_void, markdown_links, markdown_strong, tags};

pub struct MarkupMismatch;

static INFO: CheckInfo = CheckInfo {
    code: "markup-mismatch",
    severity: Severity::Warning,
    summary: "HTML tags or Markdown links and emphasis differ between the reference and the translation",
    doc: "\
## What it finds
A value or attribute whose HTML tags (`<a href=\"…\">`, `<strong>`, `<br/>`, `</a>`…) or
Markdown links (`[text](url)`) and strong emphasis (`**text**`) are not the same, in the
same numbers, as the reference's. Their order may differ, since sentences do.

Tags are compared by name (in any letter case), opening and closing apart, and by their
attributes: every attribute must be there, and its value the same, but for
- the texts readers see, which are translated: `title`, `alt`, `aria-label`,
  `aria-description`, `placeholder`, `label`;
- `href` and `src`, whose links `url-mismatch` compares (it allows a localized one).
`<br>` and `<br/>` are the same tag, and so are `<span/>` and `<span></span>`. In a
select expression, each variant is one of the texts readers see: a tag counts as often as
in the variant that has it most (a Vietnamese translation has one variant where English
has two).

## Why it matters
A lost `</a>` turns the rest of a page into a link; a lost `<strong>` drops the emphasis
the editor wanted; a changed `data-l10n-name` or `class` breaks what the page's code or
style sheet finds by it (Firefox puts the links and images of a message in place by
their `data-l10n-name`).

## Example
    # en
    signing-p1 = The convention was <strong>signed by 72 countries</strong>.
    # vi
    signing-p1 = Công ước đã được 72 quốc gia ký.

## How to fix
Put the same tags, with the same attributes, around the words that correspond; translate
only the text between them and the attributes listed above.",
};

/// Attributes whose values are text for readers, translated with the rest.
const TRANSLATED: [&str; 6] = ["title", "alt", "aria-label", "aria-description", "placeholder", "label"];

/// How a Markdown link and strong emphasis are counted and shown.
const LINK: &str = "[…](…)";
const STRONG: &str = "**…**";

/// Attributes whose values are links: compared by `url-mismatch`.
const LINKS: [&str; 2] = ["href", "src"];

impl Check for MarkupMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_pair(&self, cx: &PairCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        // Most entries have no `<`, `](` or `**` at all, on either side.
        let has = |file: &crate::ftl::model::FileModel<'_>, entry| file.marks(entry) & marks::MARKUP != 0;
        if !has(cx.reference_file, cx.reference) && !has(cx.target_file, cx.target) {
            return;
        }
        let mut lacking: Vec<(String, usize)> = Vec::new();
        let mut extra: Vec<(String, usize)> = Vec::new();
        for (part, reference_pattern) in cx.reference.parts() {
            let Some((_, target_pattern)) = cx.target.parts().find(|(p, _)| *p == part) else { continue };
            let (stated, carried) =
                (prose(cx.reference_file.file, reference_pattern), prose(cx.target_file.file, target_pattern));
            // Most translations keep every tag as the reference writes it: the tags as
            // written, in any order, tell so without reading them.
            if same_as_written(stated.as_ref(), carried.as_ref()) {
                continue;
            }
            let stated = stated.as_ref().map(counted).unwrap_or_default();
            let carried = carried.as_ref().map(counted).unwrap_or_default();
            for (sign, &n) in &stated {
                let m = carried.get(sign).copied().unwrap_or(0);
                if n > m {
                    lacking.push((sign.clone(), n - m));
                }
            }
            for (sign, &m) in &carried {
                let n = stated.get(sign).copied().unwrap_or(0);
                if m > n {
                    extra.push((sign.clone(), m - n));
                }
            }
        }
        if lacking.is_empty() && extra.is_empty() {
            return;
        }
        let shown = |found: &mut Vec<(String, usize)>| -> Vec<String> {
            // A tag's opening before its closing: `<strong>` and `</strong>`.
            found.sort_by(|(a, _), (b, _)| {
                let key =
                    |s: &str| (s.trim_start_matches("</").trim_start_matches('<').to_string(), s.starts_with("</"));
                key(a).cmp(&key(b))
            });
            found
                .iter()
                .map(|(sign, n)| {
                    let what = match sign.as_str() {
                        LINK => format!("a Markdown link `{sign}`"),
                        STRONG => format!("Markdown emphasis `{sign}`"),
                        _ => format!("`{sign}`"),
                    };
                    if *n == 1 {
                        what
                    } else {
                        format!("{n} × {what}")
                    }
                })
                .collect()
        };
        let mut parts = Vec::new();
        if !lacking.is_empty() {
            parts.push(format!("lacks {} of the {} reference", list(&shown(&mut lacking)), cx.reference_locale));
        }
        if !extra.is_empty() {
            parts.push(format!("has {}, which the reference does not", list(&shown(&mut extra))));
        }
        out.push(
            INFO.at_entry(cx.target_file.file, cx.target, format!("the translation {}", parts.join(" and ")))
                .label("markup differs")
                .help("keep the reference's tags and their attributes; translate only the text between them and the `title`, `alt` and `aria-label` attributes"),
        );
    }
}

/// A `<` (of a tag), `]` (of a Markdown link) or `*` (of emphasis), found in one pass.
fn has_markup_bytes(text: &str) -> bool {
    memchr::memchr3(b'<', b']', b'*', text.as_bytes()).is_some()
}

/// The markup of a pattern, each tag or Markdown mark as written out for comparison
/// (its signature), with how many times it is there.
/// The pattern as prose, if it has anything that may be markup.
fn prose<'t>(file: &crate::ftl::file::SourceFile, pattern: &Pattern<'t>) -> Option<Prose<'t>> {
    any_text(pattern, &mut has_markup_bytes).then(|| Prose::new(file, pattern))
}

/// Whether two texts without select expressions have the same tags written the same way,
/// and as many Markdown links and emphases: then their markup is the same.
fn same_as_written(a: Option<&Prose<'_>>, b: Option<&Prose<'_>>) -> bool {
    match (written(a), written(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The tags of a text without select expressions as written, sorted, and how many
/// Markdown links and emphases it has; `None` for a text with select expressions.
fn written<'a>(prose: Option<&'a Prose<'_>>) -> Option<(Vec<&'a str>, usize, usize)> {
    let Some(prose) = prose else { return Some((Vec::new(), 0, 0)) };
    if !prose.selects.is_empty() {
        return None;
    }
    let text: &'a str = &prose.text;
    let mut tags: Vec<&'a str> = tags(text).map(|t| &text[t.range]).collect();
    tags.sort_unstable();
    Some((tags, markdown_links(text).count(), markdown_strong(text).count()))
}

/// The markup of one text and, for each of its select expressions, the most any variant
/// has of each mark.
fn counted(prose: &Prose<'_>) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    let text = &*prose.text;
    if has_markup_bytes(text) {
        for tag in tags(text) {
            let sign = signature(&tag);
            // `<span/>` is `<span></span>`; `<br>` and `<br/>` are both `<br>`.
            if tag.self_closing && !is_void(tag.name) {
                *found.entry(format!("</{}>", tag.name.to_ascii_lowercase())).or_insert(0) += 1;
            }
            *found.entry(sign).or_insert(0) += 1;
        }
        for (sign, n) in [(LINK, markdown_links(text).count()), (STRONG, markdown_strong(text).count())] {
            if n > 0 {
                *found.entry(sign.to_string()).or_insert(0) += n;
            }
        }
    }
    for variants in &prose.selects {
        let mut most: BTreeMap<String, usize> = BTreeMap::new();
        for variant in variants {
            for (sign, n) in counted(variant) {
                let m = most.entry(sign).or_insert(0);
                *m = (*m).max(n);
            }
        }
        for (sign, n) in most {
            *found.entry(sign).or_insert(0) += n;
        }
    }
    found
}

/// A tag as compared: its name in lower case, its attributes sorted, the values of
/// those that are neither translated nor links, a placeable as `{…}`.
fn signature(tag: &crate::text::markup::Tag<'_>) -> String {
    let name = tag.name.to_ascii_lowercase();
    if tag.closing {
        return format!("</{name}>");
    }
    let mut attributes: Vec<String> = tag
        .attributes
        .iter()
        .map(|&(attribute, value)| {
            let attribute = attribute.to_ascii_lowercase();
            let attribute = attribute.replace(PLACEABLE, "{…}");
            match value {
                Some(_) if TRANSLATED.contains(&attribute.as_str()) || LINKS.contains(&attribute.as_str()) => {
                    format!("{attribute}=\"…\"")
                }
                Some(value) => {
                    let value = value.split_whitespace().collect::<Vec<_>>().join(" ").replace(PLACEABLE, "{…}");
                    format!("{attribute}=\"{value}\"")
                }
                None => attribute,
            }
        })
        .collect();
    attributes.sort();
    if attributes.is_empty() {
        format!("<{name}>")
    } else {
        format!("<{name} {}>", attributes.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::pair;

    fn reported(en: &str, vi: &str) -> Vec<String> {
        let found = pair(&MarkupMismatch, ("en", &format!("p = {en}\n")), ("vi", &format!("p = {vi}\n")), None);
        found.into_iter().map(|d| d.message.into_owned()).collect()
    }

    #[test]
    fn a_missing_tag_is_reported() {
        assert_eq!(
            reported("It was <strong>signed by 72 countries</strong>.", "Đã được 72 quốc gia ký."),
            ["the translation lacks `<strong>` and `</strong>` of the en reference"]
        );
        assert_eq!(
            reported("Read <a href=\"{ $url }\">this</a>.", "Đọc <a href=\"{ $url }\">bài này."),
            ["the translation lacks `</a>` of the en reference"]
        );
    }

    #[test]
    fn a_changed_attribute_is_reported_but_not_a_translated_one() {
        assert_eq!(
            reported("<a data-l10n-name=\"link\">Read</a>", "<a data-l10n-name=\"lien-ket\">Đọc</a>"),
            ["the translation lacks `<a data-l10n-name=\"link\">` of the en reference and has `<a data-l10n-name=\"lien-ket\">`, which the reference does not"]
        );
        assert!(reported("<img alt=\"Logo\" src=\"a.png\"/>", "<img src=\"b.png\" alt=\"Biểu trưng\">").is_empty());
    }

    #[test]
    fn an_added_tag_is_reported() {
        assert_eq!(
            reported("Signed.", "<b>Đã ký</b>."),
            ["the translation has `<b>` and `</b>`, which the reference does not"]
        );
    }
    use crate::ftl::file::SourceFile;
    use crate::ftl::model::FileModel;

    fn marks(text: &str) -> Vec<String> {
        let file = SourceFile::from_bytes("en", "a.ftl", "a.ftl".into(), format!("a = {text}\n").into_bytes());
        let parsed = file.parse();
        let model = FileModel::new(&file, &parsed);
        prose(&file, model.entries[0].value.unwrap())
            .as_ref()
            .map(counted)
            .unwrap_or_default()
            .into_iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect()
    }

    #[test]
    fn tags_are_compared_by_name_attributes_and_count() {
        assert_eq!(
            marks("<a href=\"{ $url }\" class=\"x  y\" title=\"Read\">go</a> <STRONG>x</strong><br/><br>"),
            ["1 </a>", "1 </strong>", "1 <a class=\"x y\" href=\"…\" title=\"…\">", "2 <br>", "1 <strong>"]
        );
        assert_eq!(marks("<a { $attrs }>uBlock</a>"), ["1 </a>", "1 <a {…}>"]);
        assert_eq!(marks("<span data-l10n-name=\"query\"/>"), ["1 </span>", "1 <span data-l10n-name=\"query\">"]);
    }

    #[test]
    fn a_select_counts_the_variant_with_the_most() {
        let en = marks("{ $n ->\n    [one] <b>one</b> tab\n   *[other] <b>{ $n }</b> tabs\n}");
        let vi = marks("{ $n ->\n   *[other] <b>{ $n }</b> thẻ\n}");
        assert_eq!(en, vi);
        assert_eq!(en, ["1 </b>", "1 <b>"]);
    }

    #[test]
    fn markdown_links_and_emphasis_count() {
        assert_eq!(marks("Read [the text](https://example.org) **now**"), ["1 **…**", "1 […](…)"]);
    }

    #[test]
    fn text_that_only_looks_like_markup_is_not() {
        assert!(marks("a < b and c > d, 2**3").is_empty());
    }
}
