//! `duplicate-id`: the same message or term defined twice in one locale.

use super::{Check, CheckInfo, FileCx, LocaleCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct DuplicateId;

static INFO: CheckInfo = CheckInfo {
    code: "duplicate-id",
    severity: Severity::Error,
    summary: "a message or term is defined twice in files an app loads together",
    doc: "\
## What it finds
An id defined a second time: in the same file, or in another file of the same locale
that an app loads with it. Files are loaded together when one uses what the other
defines (directly or through other files: a page and the shared file of its terms), when
a third file uses both, or when `[bundles]` in `songngu.toml` puts them in one bundle.
Two files that no app loads together (two separate pages) may use the same id: that is
not reported. Messages (`title`) and terms (`-title`) are separate: those two do not
clash.

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
        // The ids more than one file defines (by name, integers), then for each later file
        // the first earlier one it is loaded with: files no app loads together may use
        // the same id (Firefox's `newtab.ftl` and `preferences.ftl` do).
        let resolver = cx.resolver();
        let definitions = &cx.index.definitions;
        let mut candidates = Vec::new();
        for (_, list) in resolver.spread() {
            for (k, &again) in list.iter().enumerate().skip(1) {
                let file = definitions[again as usize].file;
                let earlier = list[..k].iter().find_map(|&earlier| {
                    let why = resolver.together(definitions[earlier as usize].file, file)?;
                    Some((earlier, why))
                });
                if let Some((earlier, why)) = earlier {
                    candidates.push((earlier, again, why));
                }
            }
        }
        // In the order of the files, whatever the order of the map.
        candidates.sort_unstable_by_key(|&(_, again, _)| again);
        for (earlier, again, why) in candidates {
            let (Some((site, key)), Some((first_site, first_key))) = (cx.definition(again), cx.definition(earlier))
            else {
                continue;
            };
            // Two ids of one name (never seen, but possible) are told apart here.
            if key != first_key {
                continue;
            }
            // Why an app loads both files, so that the clash is real.
            let together =
                resolver.why_together(why, definitions[again as usize].file, definitions[earlier as usize].file);
            let mut found = INFO
                .at_site(
                    &cx.index.locale,
                    &site,
                    Some(key.clone()),
                    format!("`{key}` is already defined in {}:{}{together}", first_site.file, first_site.line),
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
