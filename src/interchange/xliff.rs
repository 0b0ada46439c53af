//! XLIFF 1.2, the file OmegaT, memoQ, Trados, Weblate and Crowdin all read.
//!
//! One `<file>` per resource (`original` is the resource path), one `<trans-unit>` per
//! unit (`id` and `resname` are the unit id). `approved="yes"` marks accepted
//! translations; the target's `state` says what is left to do (`needs-translation`,
//! `needs-review-translation` for drifted ones, `translated`). A drifted unit has a note
//! with its previous source text. Placeables are `<ph>` codes (see [`super`]).
//!
//! The writer builds the text directly (every text through quick-xml's escape); the
//! reader is quick-xml's pull parser, which never loads external entities.

use quick_xml::escape::{escape, partial_escape};
use quick_xml::events::Event;
use quick_xml::Reader;

use super::{with_codes, Export, Incoming, IncomingUnit, UnitState};

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
            out.push_str(&format!("        <source>{}</source>\n", with_codes(&unit.source, "id")));
            if let Some(target) = &unit.target {
                let state = match unit.state {
                    UnitState::Missing | UnitState::Untranslated => "needs-translation",
                    UnitState::Drifted => "needs-review-translation",
                    UnitState::Unaccepted | UnitState::Accepted => "translated",
                };
                out.push_str(&format!("        <target state=\"{state}\">{}</target>\n", with_codes(target, "id")));
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
    // The <source> or <target> being read (true for target) and its depth: its text,
    // inline codes included (a <ph> holds a placeable's Fluent syntax), is the unit text.
    let mut collecting: Option<(bool, usize)> = None;
    let mut buffer = String::new();
    let mut depth = 0usize;
    let mut seen_root = false;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| fail(reader.error_position(), &e.to_string()))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if collecting.is_some() {
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
                        unit = Some(IncomingUnit {
                            resource,
                            locale,
                            id,
                            source: None,
                            target: None,
                            base: get_base(&attrs),
                            needs_work: false,
                            line: line_at(position),
                        });
                        unit_depth = depth;
                    }
                    b"source" | b"target" if unit.is_some() && depth == unit_depth + 1 => {
                        collecting = Some((e.local_name().as_ref() == b"target", depth));
                        buffer.clear();
                    }
                    _ => {}
                }
            }
            // `<target/>`: an empty translation. Inline codes without content add no text.
            Event::Empty(e) if collecting.is_none() && e.local_name().as_ref() == b"target" && depth == unit_depth => {
                if let Some(u) = unit.as_mut() {
                    u.target = Some(String::new());
                }
            }
            Event::Text(t) if collecting.is_some() => {
                buffer.push_str(&t.xml10_content().map_err(|e| fail(position, &e.to_string()))?);
            }
            Event::CData(t) if collecting.is_some() => {
                buffer.push_str(&t.xml10_content().map_err(|e| fail(position, &e.to_string()))?);
            }
            Event::GeneralRef(r) if collecting.is_some() => {
                let name = r.decode().map_err(|e| fail(position, &e.to_string()))?;
                match r.resolve_char_ref() {
                    Ok(Some(c)) => buffer.push(c),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(resolved) => buffer.push_str(resolved),
                        None => return Err(fail(position, &format!("unknown entity `&{name};`"))),
                    },
                    Err(e) => return Err(fail(position, &e.to_string())),
                }
            }
            Event::End(e) => {
                match collecting {
                    Some((is_target, at_depth)) if depth == at_depth => {
                        if let Some(u) = unit.as_mut() {
                            let value = std::mem::take(&mut buffer);
                            if is_target {
                                u.target = Some(value);
                            } else {
                                u.source = Some(value);
                            }
                        }
                        collecting = None;
                    }
                    Some(_) => {}
                    None => match e.local_name().as_ref() {
                        b"trans-unit" if depth == unit_depth => {
                            if let Some(u) = unit.take() {
                                incoming.units.push(u);
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
