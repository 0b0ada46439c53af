//! `songngu render`: an announcement as a reader sees it, in one language, from a build.
//!
//! The messages of `<slug>.ftl` are read in their source order and laid out by their ids:
//! `<slug>-title`, `<slug>-date`, `<slug>-hN` (headings), `<slug>-pN` (paragraphs).
//! Entries with other ids (added by hand, for an app) are not part of the article.
//! Every text comes through the runtime API, with its fallback, so the page shows what an
//! app would show.

use crate::bundle::runtime::{Catalog, RuntimeError};
use crate::project::announcement::BlockKind;

/// One announcement, localized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The locale asked for (the first of the chain).
    pub locale: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub blocks: Vec<(BlockKind, String)>,
    /// Parts shown in another language, with that language: served by a later locale of
    /// the chain, or filled in (or replaced) from the reference by the build.
    pub fallbacks: Vec<(String, String)>,
    /// Parts that did not resolve cleanly: (id, error).
    pub errors: Vec<(String, String)>,
}

/// Lays out announcement `slug` for a reader of `locale` (a BCP 47 tag; `vi-VN` finds `vi`).
pub fn document(catalog: &Catalog, slug: &str, locale: &str) -> Result<Document, RuntimeError> {
    let resource = format!("{slug}.ftl");
    if !catalog.resources().contains(&resource.as_str()) {
        let slugs: Vec<&str> = catalog.resources().into_iter().filter_map(|r| r.strip_suffix(".ftl")).collect();
        return Err(RuntimeError::UnknownAnnouncement { slug: slug.to_string(), known: slugs.join(", ") });
    }
    let localizer = catalog.localizer(&[locale], &[&resource])?;
    let asked = localizer.locales().next().unwrap_or(locale).to_string();
    let mut doc = Document {
        locale: asked.clone(),
        title: None,
        date: None,
        blocks: Vec::new(),
        fallbacks: Vec::new(),
        errors: Vec::new(),
    };
    let prefix = format!("{slug}-");
    for id in catalog.message_order(&resource)? {
        let Some(part) = id.strip_prefix(&prefix) else { continue };
        let kind = match part {
            "title" | "date" => None,
            _ if is_numbered(part, 'h') => Some(BlockKind::Heading),
            _ if is_numbered(part, 'p') => Some(BlockKind::Paragraph),
            _ => continue,
        };
        let formatted = match localizer.format(&id, None) {
            Ok(f) => f,
            Err(e) => {
                doc.errors.push((id.clone(), e.to_string()));
                continue;
            }
        };
        if formatted.locale != asked {
            doc.fallbacks.push((id.clone(), formatted.locale.clone()));
        } else if let Some(reference) = catalog.served_from_reference(&asked, &id) {
            doc.fallbacks.push((id.clone(), reference));
        }
        doc.errors.extend(formatted.errors.iter().map(|e| (id.clone(), e.clone())));
        match (part, kind) {
            ("title", _) => doc.title = Some(formatted.text),
            ("date", _) => doc.date = Some(formatted.text),
            (_, Some(kind)) => doc.blocks.push((kind, formatted.text)),
            _ => {}
        }
    }
    if doc.title.is_none() && doc.blocks.is_empty() {
        return Err(RuntimeError::NotAnAnnouncement(slug.to_string()));
    }
    Ok(doc)
}

/// `p12` for letter `p`.
fn is_numbered(part: &str, letter: char) -> bool {
    part.strip_prefix(letter).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl Document {
    /// Markdown: the title as `#`, the date in italics, headings as `##`, paragraphs as
    /// they are (their text came from Markdown and stays Markdown).
    pub fn to_markdown(&self) -> String {
        let mut parts = Vec::new();
        if let Some(title) = &self.title {
            parts.push(format!("# {title}"));
        }
        if let Some(date) = &self.date {
            parts.push(format!("_{date}_"));
        }
        for (kind, text) in &self.blocks {
            parts.push(match kind {
                BlockKind::Heading => format!("## {text}"),
                BlockKind::Paragraph => text.clone(),
            });
        }
        let mut out = parts.join("\n\n");
        out.push('\n');
        out
    }

    /// A standalone HTML page, every text escaped.
    pub fn to_html(&self) -> String {
        let esc = |text: &str| quick_xml::escape::escape(text).into_owned();
        let mut out = String::from("<!DOCTYPE html>\n");
        out.push_str(&format!("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", esc(&self.locale)));
        if let Some(title) = &self.title {
            out.push_str(&format!("<title>{}</title>\n", esc(title)));
        }
        out.push_str("</head>\n<body>\n<article>\n");
        if let Some(title) = &self.title {
            out.push_str(&format!("<h1>{}</h1>\n", esc(title)));
        }
        if let Some(date) = &self.date {
            out.push_str(&format!("<p class=\"date\">{}</p>\n", esc(date)));
        }
        for (kind, text) in &self.blocks {
            let tag = match kind {
                BlockKind::Heading => "h2",
                BlockKind::Paragraph => "p",
            };
            out.push_str(&format!("<{tag}>{}</{tag}>\n", esc(text)));
        }
        out.push_str("</article>\n</body>\n</html>\n");
        out
    }
}
