//! gettext PO, for Poedit, Weblate, Lokalize and the gettext tools.
//!
//! `msgctxt` is the unit id, `msgid` the reference text, `msgstr` the translation (empty
//! for a missing entry). The reference file and line are the `#:` comment; when the same
//! id is in two resources of one export, `msgctxt` is `resource:id` so that every
//! message stays unique. A drifted translation is `#, fuzzy` with the previous source as
//! `#| msgid`, as `msgmerge` writes it; an untranslated copy is `#, fuzzy` too.
//!
//! Written and read here rather than with a PO crate: the one maintained Rust crate for
//! PO (polib 0.3) has no previous-msgid (`#|`) lines, which are how gettext shows drift,
//! and panics on malformed lines such as a bare `msgid`; the import must refuse bad
//! input with a message instead. The format itself is a few line kinds and C escapes.

use std::collections::BTreeMap;

use super::{Export, Incoming, IncomingUnit, UnitState};

/// The PO document of an export.
pub fn write(export: &Export) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# Translations into {locale}, written by `songngu export`.\n\
         # Translate the msgstr lines, then bring the file back with `songngu import FILE`.\n\
         # Only changed translations are merged; each is checked first.\n",
        locale = export.locale
    ));
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    let header = [
        "Project-Id-Version: songngu export".to_string(),
        "Report-Msgid-Bugs-To: ".to_string(),
        "PO-Revision-Date: ".to_string(),
        "Last-Translator: ".to_string(),
        "Language-Team: ".to_string(),
        format!("Language: {}", export.locale),
        "MIME-Version: 1.0".to_string(),
        "Content-Type: text/plain; charset=UTF-8".to_string(),
        "Content-Transfer-Encoding: 8bit".to_string(),
        format!("X-Generator: songngu {}", env!("CARGO_PKG_VERSION")),
    ];
    for line in header {
        out.push_str(&format!("\"{}\\n\"\n", escape(&line)));
    }
    // Ids found in more than one resource get the resource in their context.
    let mut resources_of: BTreeMap<&str, usize> = BTreeMap::new();
    for file in &export.files {
        let mut ids: Vec<&str> = file.units.iter().map(|u| u.key.as_str()).collect();
        ids.dedup();
        for id in ids {
            *resources_of.entry(id).or_default() += 1;
        }
    }
    for file in &export.files {
        for unit in &file.units {
            out.push('\n');
            if let Some(note) = &unit.note {
                for line in note.lines() {
                    out.push_str(&format!("#. {line}\n"));
                }
            }
            if file.source_locale != export.reference {
                out.push_str(&format!("#. Written in {}: translate from that language.\n", file.source_locale));
            }
            if unit.select {
                out.push_str("#. Fluent syntax: translate the text of each [variant]; keep the lines with { -> }, [ ] and * as they are.\n");
            } else if unit.source.contains('{') {
                out.push_str("#. Keep each { … } as it is: the app puts a name, number or text there.\n");
            }
            out.push_str(&format!("#. songngu-base: {}\n", unit.base()));
            out.push_str(&format!("#: {}:{}\n", file.source_display, unit.line));
            let target = unit.target.as_deref().unwrap_or_default();
            let fuzzy = !target.is_empty() && matches!(unit.state, UnitState::Drifted | UnitState::Untranslated);
            if fuzzy {
                out.push_str("#, fuzzy\n");
            }
            if let Some(previous) = unit.previous.as_deref().filter(|p| !p.is_empty()) {
                push_string(&mut out, "#| msgid", previous);
            }
            let context = if resources_of.get(unit.key.as_str()).copied().unwrap_or(0) > 1 {
                format!("{}:{}", file.resource, unit.id())
            } else {
                unit.id()
            };
            push_string(&mut out, "msgctxt", &context);
            push_string(&mut out, "msgid", &unit.source);
            push_string(&mut out, "msgstr", target);
        }
    }
    out
}

/// `keyword "text"`, or for a text with line ends, `keyword ""` then one quoted line
/// each, as gettext writes them.
fn push_string(out: &mut String, keyword: &str, text: &str) {
    let prefix = keyword.strip_suffix("msgid").filter(|p| p.starts_with('#')).unwrap_or("");
    if !text.contains('\n') {
        out.push_str(&format!("{keyword} \"{}\"\n", escape(text)));
        return;
    }
    out.push_str(&format!("{keyword} \"\"\n"));
    for piece in text.split_inclusive('\n') {
        out.push_str(&format!("{prefix}\"{}\"\n", escape(piece)));
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Reads the units of a PO file. `resource_of` maps a `#:` reference file (as shown,
/// `locales/en/news.ftl`) to its resource. The error is one line for the user.
pub fn read(text: &str, resource_of: &dyn Fn(&str) -> Option<String>) -> Result<Incoming, String> {
    let mut incoming = Incoming::default();
    let mut language = String::new();
    let mut message = Message::default();
    let mut messages: Vec<Message> = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim_end_matches('\r').trim();
        let fail = |why: &str| format!("line {number}: {}", crate::error::one_line(why, 200));
        if line.is_empty() {
            // A blank line ends a message.
            if message.has_body() {
                messages.push(std::mem::take(&mut message));
            }
            message.last = None;
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            if message.has_body() {
                messages.push(std::mem::take(&mut message));
            }
            // `#~` lines are obsolete messages, kept by gettext for reuse: never imported.
            if let Some(base) = rest.strip_prefix(". songngu-base:") {
                let base = base.trim();
                let valid = base.len() == 16 && base.bytes().all(|b| b.is_ascii_hexdigit());
                message.base = valid.then(|| base.to_string());
            } else if let Some(flags) = rest.strip_prefix(',') {
                message.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            } else if let Some(reference) = rest.strip_prefix(':') {
                message.references.extend(reference.split_whitespace().map(str::to_string));
            }
            continue;
        }
        let (field, value, continued) = if line.starts_with('"') {
            let field = message.last.ok_or_else(|| fail("a quoted string that continues nothing"))?;
            (field, line, true)
        } else {
            let (keyword, rest) =
                line.split_once([' ', '\t']).ok_or_else(|| fail("expected a keyword and a string"))?;
            let field = match keyword {
                "msgctxt" => Field::Context,
                "msgid" => Field::Id,
                "msgid_plural" => Field::Plural,
                "msgstr" => Field::Str,
                k if k.starts_with("msgstr[") => Field::Plural,
                other => return Err(fail(&format!("`{other}` is not a PO keyword"))),
            };
            let starts_new = match field {
                Field::Context => message.has_body(),
                Field::Id => message.id.is_some(),
                _ => false,
            };
            if starts_new {
                messages.push(std::mem::take(&mut message));
            }
            if message.line == 0 {
                message.line = number;
            }
            (field, rest.trim(), false)
        };
        let value = unquote(value).map_err(|why| fail(&why))?;
        let slot = match field {
            Field::Context => &mut message.context,
            Field::Id => &mut message.id,
            Field::Str => &mut message.str,
            Field::Plural => {
                message.plural = true;
                &mut message.plural_text
            }
        };
        if slot.is_some() && !continued && field != Field::Plural {
            return Err(fail("this message already has that keyword (two msgstr lines?)"));
        }
        slot.get_or_insert_with(String::new).push_str(&value);
        message.last = Some(field);
    }
    if message.has_body() {
        messages.push(message);
    }

    for message in messages {
        let Some(id) = message.id else { continue };
        if id.is_empty() && message.context.is_none() {
            let header = message.str.unwrap_or_default();
            language = header
                .lines()
                .find_map(|l| l.strip_prefix("Language:"))
                .map(|l| l.trim().to_string())
                .unwrap_or_default();
            continue;
        }
        let context = message.context.unwrap_or_default();
        let (resource, unit_id) = match context.rsplit_once(':') {
            Some((resource, unit_id)) => (resource.to_string(), unit_id.to_string()),
            None => {
                let from_reference = message.references.iter().find_map(|r| {
                    let file =
                        r.rsplit_once(':').filter(|(_, n)| n.parse::<usize>().is_ok()).map_or(r.as_str(), |(f, _)| f);
                    resource_of(file)
                });
                (from_reference.unwrap_or_default(), context.clone())
            }
        };
        if unit_id.is_empty() {
            incoming.problems.push((message.line, id.clone(), "it has no msgctxt (the entry id)".into()));
            continue;
        }
        if message.plural {
            incoming.problems.push((message.line, unit_id, "it has plural forms; songngu writes none".into()));
            continue;
        }
        incoming.units.push(IncomingUnit {
            resource,
            locale: String::new(),
            id: unit_id,
            source: Some(id),
            target: message.str,
            base: message.base,
            needs_work: message.fuzzy,
            // PO has no codes: its text carries the placeables, and `check` judges them.
            code_mismatch: None,
            line: message.line,
        });
    }
    if language.is_empty() {
        return Err("the PO header has no `Language:` (which language are these translations in?)".into());
    }
    for unit in &mut incoming.units {
        unit.locale = language.clone();
    }
    Ok(incoming)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Context,
    Id,
    Str,
    Plural,
}

#[derive(Debug, Default)]
struct Message {
    context: Option<String>,
    id: Option<String>,
    str: Option<String>,
    plural: bool,
    plural_text: Option<String>,
    references: Vec<String>,
    base: Option<String>,
    fuzzy: bool,
    last: Option<Field>,
    line: usize,
}

impl Message {
    fn has_body(&self) -> bool {
        self.id.is_some() || self.context.is_some() || self.str.is_some()
    }
}

/// The text of a `"…"` string with its C escapes resolved.
fn unquote(quoted: &str) -> Result<String, String> {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .filter(|_| quoted.len() >= 2)
        .ok_or_else(|| "expected a string in double quotes".to_string())?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('a') => out.push('\u{7}'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('v') => out.push('\u{b}'),
                Some(other) => return Err(format!("unknown escape `\\{other}`")),
                None => return Err("a string ends with a lone backslash".into()),
            },
            '"' => return Err("a double quote inside a string must be written \\\"".into()),
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_through_escapes() {
        for text in ["plain", "a \"quote\" and \\ back", "tab\tand\nline", "Tiếng Việt { $n }"] {
            assert_eq!(unquote(&format!("\"{}\"", escape(text))).unwrap(), text);
        }
        assert!(unquote("\"bad \\q\"").is_err());
        assert!(unquote("\"").is_err());
        assert!(unquote("no quotes").is_err());
    }

    #[test]
    fn obsolete_messages_are_skipped_and_flags_read() {
        let text =
            "msgid \"\"\nmsgstr \"Language: vi\\n\"\n\n#~ msgctxt \"old\"\n#~ msgid \"Old\"\n#~ msgstr \"Cũ\"\n\n\
                    #. songngu-base: 0123456789abcdef\n#, fuzzy, c-format\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"Á\"\n\n\
                    #. songngu-base:\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"\"\n";
        let incoming = read(text, &|_| Some("x.ftl".into())).unwrap();
        let ids: Vec<&str> = incoming.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(incoming.units[0].needs_work && !incoming.units[1].needs_work);
        assert_eq!(incoming.units[0].base.as_deref(), Some("0123456789abcdef"));
        assert_eq!(incoming.units[1].base, None, "a wrapped or empty base is no base");
    }

    #[test]
    fn malformed_lines_are_errors_not_panics() {
        let none = |_: &str| None;
        let twice = "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\nmsgstr \"z\"";
        for text in ["msgid", "msgid \"", "\"orphan\"", "msgstr[0", "bogus \"x\"", "msgid \"a\"b\"", twice] {
            let with_header = format!("msgid \"\"\nmsgstr \"Language: vi\\n\"\n\n{text}\n");
            assert!(read(&with_header, &none).is_err(), "{text:?} should be refused");
        }
    }
}
