//! `duplicate-id`: the same message or term defined twice in one locale.

use super::{Check, CheckInfo, FileCx, LocaleCx, Name};
use crate::diagnostic::{Diagnostic, Severity};

pub struct DuplicateId;

static INFO: CheckInfo = CheckInfo {
    code: "duplicate-id",
    severity: Severity::Error,
    summary: "a message or term is defined twice in one locale",
    doc: "\
## What it finds
An id defined a second time, in the same file or in another resource of the same
locale. Messages (`title`) and terms (`-title`) are separate: those two do not clash.

## Why it matters
Only one definition can win. Which one depends on the runtime and on the order files are
loaded, so the app may show a text nobody reviewed, and edits to the other copy do
nothing.

## Example
    signing-title = Lễ mở ký Công ước Hà Nội
    signing-title = Lễ mở ký

## How to fix
Keep one definition. If both texts are needed, give one of them a new id and use it in
the app.",
};

impl Check for DuplicateId {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let file = cx.model.file;
        // By name (an integer), confirmed by the text; two ids of one name (never seen, but
        // possible) are told apart by a search of the entries before.
        let entries = &cx.model.entries;
        let mut first: nohash_hasher::IntMap<super::Name, usize> =
            nohash_hasher::IntMap::with_capacity_and_hasher(entries.len(), Default::default());
        for (n, entry) in entries.iter().enumerate() {
            let key = entry.id;
            let hash = super::name(key);
            let earlier = match first.get(&hash) {
                Some(&f) if entries[f].id == key => Some(entries[f].offset),
                Some(_) => entries[..n].iter().find(|e| e.id == key).map(|e| e.offset),
                None => {
                    first.insert(hash, n);
                    None
                }
            };
            if let Some(offset) = earlier {
                let (line, _) = file.position(offset);
                out.push(
                    INFO.at_entry(file, entry, format!("`{key}` is already defined on line {line} of this file"))
                        .label("defined again here"),
                );
            }
        }
    }

    fn check_locale(&self, cx: &LocaleCx<'_>, out: &mut Vec<Diagnostic>) {
        // By name first (integers), then the few candidates by their text.
        let mut first: nohash_hasher::IntMap<Name, u32> =
            std::collections::HashMap::with_capacity_and_hasher(cx.index.definitions.len(), Default::default());
        let mut candidates = Vec::new();
        for (i, def) in cx.index.definitions.iter().enumerate() {
            match first.get(&def.key) {
                // Repeats inside one file are reported by `check_file`.
                Some(&f) if cx.index.definitions[f as usize].file != def.file => candidates.push((f, i as u32)),
                Some(_) => {}
                None => {
                    first.insert(def.key, i as u32);
                }
            }
        }
        for (earlier, again) in candidates {
            let (Some((site, key)), Some((first_site, first_key))) = (cx.definition(again), cx.definition(earlier))
            else {
                continue;
            };
            if key != first_key {
                continue;
            }
            let mut found = INFO
                .at_site(
                    &cx.index.locale,
                    &site,
                    Some(key.clone()),
                    format!("`{key}` is already defined in {}:{}", first_site.file, first_site.line),
                )
                .label("defined again here");
            found.related = Some(Box::new(crate::diagnostic::Related {
                file: first_site.file.clone(),
                line: first_site.line,
                column: first_site.column,
                message: format!("`{key}` is first defined here"),
            }));
            out.push(found);
        }
    }
}
