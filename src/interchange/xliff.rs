//! XLIFF 1.2, the file OmegaT, memoQ, Trados, Weblate and Crowdin all read.
//!
//! One `<file>` per resource (`original` is the resource path), one `<trans-unit>` per
//! unit (`id` and `resname` are the unit id). `approved="yes"` marks accepted
//! translations; the target's `state` says what is left to do (`needs-translation`,
//! `needs-review-translation` for drifted ones, `translated`). A drifted unit has a note
//! with its previous source text. Placeables are `<ph>` codes (see [`super`]), a target's
//! numbered as its source's.
//!
//! On the way back a target's codes are read against its source's: each takes its text
//! from the source's code with the same id, and a unit whose target lost, added or
//! edited one is refused (see `resolve`).
//!
//! The writer builds the text directly (every text through quick-xml's escape); the
//! reader is quick-xml's pull parser, which never loads external entities.

use std::collections::{BTreeMap, BTreeSet};

use quick_xml::escape::{escape, partial_escape};
use quick_xml::events::Event;
use quick_xml::Reader;

use super::{with_codes, with_codes_of, Export, Incoming, IncomingUnit, UnitState};

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// songngu's own attributes (XLIFF 1.2 allows attributes of other namespaces): the
/// `songngu:base` fingerprint of each exported translation.
pub const OWN_NAMESPACE: &str = "urn:songngu:export:1";

/// The XLIFF document of an export.
pub fn write(export: &Export) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\" xmlns:songngu=\"{OWN_NAMESPACE}\">\n"));
    for file in &export.files {
        out.push_str(&format!(
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\">\n",
            escape(&file.resource),
            escape(&file.source_locale),
            escape(&export.locale)
        ));
        out.push_str("    <header>\n");
        out.push_str(&format!(
            "      <tool tool-id=\"songngu\" tool-name=\"songngu\" tool-version=\"{}\"/>\n",
            env!("CARGO_PKG_VERSION")
        ));
        out.push_str(&format!(
            "      <note from=\"songngu\">From {}. Bring this file back with `songngu import`.</note>\n",
            escape(&file.source_display)
        ));
        out.push_str("    </header>\n    <body>\n");
        for unit in &file.units {
            let id = escape(unit.id()).into_owned();
            let approved = if unit.accepted { " approved=\"yes\"" } else { "" };
            out.push_str(&format!(
                "      <trans-unit id=\"{id}\" resname=\"{id}\" xml:space=\"preserve\"{approved} songngu:base=\"{}\">\n",
                unit.base()
            ));
            // A unit with a select expression is Fluent syntax on both sides, with no codes
            // (see [`super`]); otherwise the target's codes are numbered as its source's.
            let (source, target) = if unit.select {
                (
                    partial_escape(&unit.source).into_owned(),
                    unit.target.as_deref().map(|t| partial_escape(t).into_owned()),
                )
            } else {
                (with_codes(&unit.source, "id"), unit.target.as_deref().map(|t| with_codes_of(t, &unit.source, "id")))
            };
            out.push_str(&format!("        <source>{source}</source>\n"));
            if let Some(target) = &target {
                let state = match unit.state {
                    UnitState::Missing | UnitState::Untranslated => "needs-translation",
                    UnitState::Drifted => "needs-review-translation",
                    UnitState::Unaccepted | UnitState::Accepted => "translated",
                };
                out.push_str(&format!("        <target state=\"{state}\">{target}</target>\n"));
            }
            if let Some(previous) = &unit.previous {
                out.push_str(&format!(
                    "        <note from=\"songngu\" annotates=\"source\">The source changed since this translation was accepted. It was: {}</note>\n",
                    partial_escape(previous)
                ));
            }
            if unit.select {
                out.push_str("        <note from=\"songngu\">Fluent syntax: translate the text of each [variant]; keep the lines with { -> }, [ ] and * as they are.</note>\n");
            }
            if let Some(note) = &unit.note {
                out.push_str(&format!("        <note from=\"developer\">{}</note>\n", partial_escape(note)));
            }
            out.push_str("      </trans-unit>\n");
        }
        out.push_str("    </body>\n  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// Reads the units of an XLIFF 1.2 document. The error is one line for the user.
pub fn read(text: &str) -> Result<Incoming, String> {
    let lines = crate::ftl::file::LineIndex::new(text);
    let line_at = |position: u64| lines.position(text, (position as usize).min(text.len())).0;
    let fail =
        |position: u64, message: &str| format!("line {}: {}", line_at(position), crate::error::one_line(message, 200));
    let mut reader = Reader::from_str(text);
    let mut incoming = Incoming::default();
    // The current <file>: (resource, target language).
    let mut file: Option<(String, String)> = None;
    let mut unit: Option<IncomingUnit> = None;
    let mut unit_depth = 0usize;
    // The <source> or <target> being read (true for target) and its depth, read into
    // `pieces`; `in_code` is the depth of the inline code being read inside it, if any.
    // The unit's two parts are kept as pieces until its end, where the target's codes are
    // matched to the source's (see [`resolve`]).
    let mut collecting: Option<(bool, usize)> = None;
    let mut in_code: Option<usize> = None;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut source: Option<Vec<Piece>> = None;
    let mut target: Option<Vec<Piece>> = None;
    let mut depth = 0usize;
    let mut seen_root = false;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| fail(reader.error_position(), &e.to_string()))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if collecting.is_some() {
                    // An inline code opens (its content is its text until it closes);
                    // any other element inside the text (`<g>`, `<mrk>`) adds its text.
                    if in_code.is_none() {
                        if let Some(code) = code_of(&e).map_err(|m| fail(position, &m))? {
                            pieces.push(code);
                            in_code = Some(depth);
                        }
                    }
                    continue;
                }
                let attrs = attributes(&e).map_err(|m| fail(position, &m))?;
                let get = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
                match e.local_name().as_ref() {
                    b"xliff" => {
                        seen_root = true;
                        if let Some(v) = get("version").filter(|v| v != "1.2") {
                            return Err(format!(
                                "this is XLIFF {v}; songngu reads XLIFF 1.2 (what `songngu export` writes)"
                            ));
                        }
                    }
                    b"file" => {
                        let original = get("original")
                            .ok_or_else(|| fail(position, "a <file> without original=\"…\" (its resource)"))?;
                        let target = get("target-language")
                            .ok_or_else(|| fail(position, "a <file> without target-language=\"…\""))?;
                        file = Some((original, target));
                    }
                    b"trans-unit" => {
                        let Some((resource, locale)) = file.clone() else {
                            return Err(fail(position, "a <trans-unit> outside a <file>"));
                        };
                        let id = get("resname")
                            .or_else(|| get("id"))
                            .ok_or_else(|| fail(position, "a <trans-unit> without an id"))?;
                        source = None;
                        target = None;
                        unit = Some(IncomingUnit {
                            resource,
                            locale,
                            id,
                            source: None,
                            target: None,
                            base: get_base(&attrs),
                            needs_work: false,
                            code_mismatch: None,
                            line: line_at(position),
                        });
                        unit_depth = depth;
                    }
                    b"source" | b"target" if unit.is_some() && depth == unit_depth + 1 => {
                        collecting = Some((e.local_name().as_ref() == b"target", depth));
                        pieces.clear();
                    }
                    _ => {}
                }
            }
            // `<target/>`: an empty translation.
            Event::Empty(e)
                if collecting.is_none()
                    && e.local_name().as_ref() == b"target"
                    && depth == unit_depth
                    && unit.is_some() =>
            {
                target = Some(Vec::new());
            }
            // A self-closing inline code (`<ph id="1"/>`, `<x id="1"/>`): no content.
            Event::Empty(e) if collecting.is_some() && in_code.is_none() => {
                if let Some(code) = code_of(&e).map_err(|m| fail(position, &m))? {
                    pieces.push(code);
                }
            }
            Event::Text(t) if collecting.is_some() => {
                push_text(
                    &mut pieces,
                    in_code.is_some(),
                    &t.xml10_content().map_err(|e| fail(position, &e.to_string()))?,
                );
            }
            Event::CData(t) if collecting.is_some() => {
                push_text(
                    &mut pieces,
                    in_code.is_some(),
                    &t.xml10_content().map_err(|e| fail(position, &e.to_string()))?,
                );
            }
            Event::GeneralRef(r) if collecting.is_some() => {
                let name = r.decode().map_err(|e| fail(position, &e.to_string()))?;
                match r.resolve_char_ref() {
                    Ok(Some(c)) => push_text(&mut pieces, in_code.is_some(), c.encode_utf8(&mut [0; 4])),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(resolved) => push_text(&mut pieces, in_code.is_some(), resolved),
                        None => return Err(fail(position, &format!("unknown entity `&{name};`"))),
                    },
                    Err(e) => return Err(fail(position, &e.to_string())),
                }
            }
            Event::End(e) => {
                match collecting {
                    Some(_) if in_code == Some(depth) => in_code = None,
                    Some((is_target, at_depth)) if depth == at_depth => {
                        if unit.is_some() {
                            let value = std::mem::take(&mut pieces);
                            if is_target {
                                target = Some(value);
                            } else {
                                source = Some(value);
                            }
                        }
                        collecting = None;
                    }
                    Some(_) => {}
                    None => match e.local_name().as_ref() {
                        b"trans-unit" if depth == unit_depth => {
                            if let Some(mut u) = unit.take() {
                                // A unit whose codes do not match is refused alone, like
                                // any unit that cannot be read as songngu's.
                                match resolve(source.take(), target.take()) {
                                    Ok(resolved) => {
                                        (u.source, u.target, u.code_mismatch) = resolved;
                                        incoming.units.push(u);
                                    }
                                    Err(why) => incoming.problems.push((u.line, u.id, why)),
                                }
                            }
                        }
                        b"file" => file = None,
                        _ => {}
                    },
                }
                depth = depth.saturating_sub(1);
            }
            Event::DocType(_) => {
                return Err(fail(position, "the file declares a DOCTYPE; XLIFF from `songngu export` has none"))
            }
            Event::Eof if depth > 0 || unit.is_some() => {
                return Err("the file ends in the middle of an element: is it complete?".into())
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err("this is not an XLIFF file (it has no <xliff> element)".into());
    }
    Ok(incoming)
}

/// A piece of a `<source>` or `<target>` as read: text, or an inline code.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Code(Code),
}

/// An inline code of XLIFF 1.2.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Code {
    /// A placeholder (`<ph>`, or the generic `<x/>`, always empty) stands for a whole
    /// placeable: what `songngu export` writes. The other codes (`<bpt>`, `<ept>`, `<it>`,
    /// `<bx/>`, `<ex/>`) mark formatting, which a Fluent text has none of.
    placeholder: bool,
    id: Option<String>,
    /// The text inside the code: for a `<ph>` from `songngu export`, the placeable's
    /// Fluent syntax; empty when the element is.
    content: String,
}

/// The inline code `e` opens, if it is one.
fn code_of(e: &quick_xml::events::BytesStart<'_>) -> Result<Option<Piece>, String> {
    let placeholder = match e.local_name().as_ref() {
        b"ph" | b"x" => true,
        b"bpt" | b"ept" | b"it" | b"bx" | b"ex" => false,
        _ => return Ok(None),
    };
    let id = attributes(e)?.into_iter().find(|(k, _)| k == "id").map(|(_, v)| v);
    Ok(Some(Piece::Code(Code { placeholder, id, content: String::new() })))
}

/// Adds text to the code being read (`in_code`: the last piece), or to the text.
fn push_text(pieces: &mut Vec<Piece>, in_code: bool, text: &str) {
    match pieces.last_mut() {
        Some(Piece::Code(code)) if in_code => code.content.push_str(text),
        Some(Piece::Text(last)) => last.push_str(text),
        _ => pieces.push(Piece::Text(text.to_string())),
    }
}

/// What [`resolve`] makes of a unit: its source and target texts, and the target's code
/// mismatch.
type Resolved = (Option<String>, Option<String>, Option<String>);

/// A unit's source and target texts from their pieces, each code as its Fluent text, and
/// what is wrong with the target's codes, if anything.
///
/// The source's codes are what `songngu export` wrote; `import` compares the source with
/// the reference. The target's are not trusted: CAT tools write codes back empty or
/// self-closing (OmegaT, memoQ, Trados), and a translator may have typed into one. So
/// each placeholder of the target takes the code of the source's with the same id, and
/// a target that changed what a code holds, lacks a code of the source, or has one the
/// source does not is a mismatch: `import` refuses the unit if its translation changed
/// (an unchanged one is what the `.ftl` file has, whatever its codes). Codes with the
/// same text stand for the same placeable, so a translation that uses one of them, or
/// uses a code twice, is fine.
///
/// The error: a target that cannot be read at all, refused whatever it says.
fn resolve(source: Option<Vec<Piece>>, target: Option<Vec<Piece>>) -> Result<Resolved, String> {
    let flat = |pieces: &[Piece]| -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.as_str(),
                Piece::Code(c) => c.content.as_str(),
            })
            .collect()
    };
    let source_text = source.as_deref().map(flat);
    let Some(target) = target else { return Ok((source_text, None, None)) };
    // No codes and no text: no translation yet, whatever the source has.
    if target.iter().all(|p| matches!(p, Piece::Text(t) if t.trim().is_empty())) {
        return Ok((source_text, Some(flat(&target)), None));
    }
    // The source's placeholders by id, and their ids in order (maps: a hostile file may
    // have many); `None` for an id given to two different codes.
    let mut codes: BTreeMap<&str, Option<&str>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for piece in source.iter().flatten() {
        if let Piece::Code(Code { placeholder: true, id: Some(id), content }) = piece {
            match codes.get_mut(id.as_str()) {
                Some(known) if *known != Some(content.as_str()) => *known = None,
                Some(_) => {}
                None => {
                    codes.insert(id, Some(content));
                    order.push(id);
                }
            }
        }
    }
    let mut text = String::new();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let mut altered: Vec<String> = Vec::new();
    let mut extra: Vec<(bool, Option<&str>)> = Vec::new();
    for piece in &target {
        let code = match piece {
            Piece::Text(t) => {
                text.push_str(t);
                continue;
            }
            Piece::Code(code) => code,
        };
        let known = code.id.as_deref().filter(|_| code.placeholder).and_then(|id| codes.get_key_value(id));
        let Some((&id, &content)) = known else {
            if code.placeholder && code.id.is_none() {
                return Err("a code in the target has no number, so which code of the source it stands for is \
                            unknown; put the source's codes back in your CAT tool"
                    .into());
            }
            extra.push((code.placeholder, code.id.as_deref()));
            text.push_str(&code.content);
            continue;
        };
        let Some(content) = content.filter(|c| !c.is_empty()) else {
            let why = match content {
                None => format!("the source has two different codes numbered {}, so which one it", shown(id)),
                Some(_) => format!("code {} is empty in the source as well, so what it", shown(id)),
            };
            return Err(format!("{why} stands for is unknown; export the file again and keep its source as it is"));
        };
        // Spacing inside a code is not an edit of it (`{ -un-short  }`): the source's code
        // is taken.
        if !code.content.is_empty() && !code.content.split_whitespace().eq(content.split_whitespace()) {
            altered.push(format!("code {} from `{}` to `{}`", shown(id), shown(content), shown(&code.content)));
            text.push_str(&code.content);
        } else {
            text.push_str(content);
        }
        used.insert(content);
    }
    // A code is missing when no code of the target holds its text.
    let mut missing: Vec<(&str, &str)> = Vec::new();
    for id in order {
        let content = codes.get(id).copied().flatten().unwrap_or_default();
        // Each missing text once, under its first id.
        if used.insert(content) {
            missing.push((id, content));
        }
    }

    let mut facts: Vec<String> = Vec::new();
    let mut advice = "";
    if !altered.is_empty() {
        facts.push(format!("the target changed {}", and_list(&altered)));
        advice = if altered.len() == 1 {
            "a code cannot be edited: put the source's code back in your CAT tool"
        } else {
            "a code cannot be edited: put the source's codes back in your CAT tool"
        };
    }
    if !missing.is_empty() {
        let each: Vec<String> = missing
            .iter()
            .map(|(id, content)| match content {
                &"" => shown(id),
                c => format!("{} (`{}`)", shown(id), shown(c)),
            })
            .collect();
        let noun = if missing.len() == 1 { "code" } else { "codes" };
        facts.push(format!("the target lacks {noun} {} of the source", and_list(&each)));
        advice = if missing.len() == 1 { "put it back in your CAT tool" } else { "put them back in your CAT tool" };
    }
    if !extra.is_empty() {
        let mut groups = Vec::new();
        for (placeholder, noun) in [(true, "code"), (false, "formatting code")] {
            let ids: Vec<Option<&str>> = extra.iter().filter(|(p, _)| *p == placeholder).map(|(_, id)| *id).collect();
            let numbered: Vec<String> = ids.iter().flatten().map(|id| shown(id)).collect();
            match (ids.len(), numbered.len()) {
                (0, _) => {}
                (1, 1) => groups.push(format!("{noun} {}", numbered[0])),
                (n, m) if n == m => groups.push(format!("{noun}s {}", and_list(&numbered))),
                (1, _) => groups.push(format!("a {noun}")),
                _ => groups.push(format!("{noun}s")),
            }
        }
        facts.push(format!("the target has {}, which the source does not have", and_list(&groups)));
        advice = if extra.len() == 1 { "remove it in your CAT tool" } else { "remove them in your CAT tool" };
    }
    let mismatch = match facts.len() {
        0 => None,
        1 => Some(format!("{}; {advice}", facts[0])),
        _ => Some(format!("{}; make the target's codes those of the source in your CAT tool", facts.join("; "))),
    };
    Ok((source_text, Some(text), mismatch))
}

/// A code or its id as quoted in a message: one line, not too long.
fn shown(text: &str) -> String {
    crate::error::one_line(text, 60)
}

/// `a`, `a and b`, `a, b and c`; past five items, `a, b, c, d, e and 7 more`, so a
/// message stays one readable line.
fn and_list(items: &[String]) -> String {
    const SHOWN: usize = 5;
    if items.len() > SHOWN + 1 {
        return format!("{} and {} more", items[..SHOWN].join(", "), items.len() - SHOWN);
    }
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// songngu's fingerprint of the exported translation: the `base` attribute in a namespace
/// other than `xml` (tools may rename the `songngu` prefix), when it looks like one.
fn get_base(attrs: &[(String, String)]) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k.rsplit_once(':').is_some_and(|(prefix, local)| local == "base" && prefix != "xml"))
        .map(|(_, v)| v.clone())
        .filter(|v| v.len() == 16 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The attributes of an element, by qualified name (`id`, `xml:space`), values unescaped.
fn attributes(e: &quick_xml::events::BytesStart<'_>) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for attribute in e.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
        let value =
            attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| e.to_string())?.into_owned();
        out.push((key, value));
    }
    Ok(out)
}
