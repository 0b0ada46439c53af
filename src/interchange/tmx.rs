//! TMX 1.4b: every accepted translation with its source, the parallel corpus translation
//! memories import (OmegaT, memoQ, Trados, Okapi).
//!
//! One `<tu>` per unit, with the source language's `<tuv>` first (`srclang` on the unit:
//! an announcement written in Vietnamese has Vietnamese as its source). Placeables are
//! `<ph>` codes, as in XLIFF, so the memory matches what `export` gives a CAT tool.

use quick_xml::escape::{escape, partial_escape};

use super::{collect, with_codes, UnitState};
use crate::error::Error;
use crate::project::Project;

/// A translation memory and what it holds.
#[derive(Debug, Clone)]
pub struct Memory {
    /// The TMX document.
    pub text: String,
    /// Translation units written.
    pub units: usize,
    /// Units left out, and why (see [`super::Export::drop_units_xml_cannot_carry`]).
    pub skipped: Vec<(String, String)>,
}

/// The memory of a project: for each language other than the reference, every accepted
/// unit.
pub fn memory(project: &Project) -> Result<Memory, Error> {
    let reference = &project.config.reference;
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"songngu\" creationtoolversion=\"{}\" datatype=\"plaintext\" segtype=\"paragraph\" adminlang=\"{}\" srclang=\"*all*\" o-tmf=\"songngu\"/>\n  <body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(reference.as_str())
    ));
    let mut count = 0;
    let mut skipped = Vec::new();
    for locale in &project.config.locales {
        let mut export = collect(project, locale, &[])?;
        export.drop_units_xml_cannot_carry();
        skipped.append(&mut export.skipped);
        for file in &export.files {
            // Accepted real translations only: an intentional copy is not one, and an
            // accepted entry that `check` now calls untranslated, drifted or edited is
            // not what the memory should offer.
            for unit in
                file.units.iter().filter(|u| u.accepted && u.state == UnitState::Accepted && !u.copy && !u.errors)
            {
                let Some(target) = &unit.target else { continue };
                // The same text on both sides (`OLA`, a link, a year) teaches a memory
                // nothing.
                if target.split_whitespace().eq(unit.source.split_whitespace()) {
                    continue;
                }
                count += 1;
                out.push_str(&format!(
                    "    <tu tuid=\"{}:{}\" srclang=\"{}\">\n",
                    escape(file.resource.as_str()),
                    escape(unit.id()),
                    escape(file.source_locale.as_str())
                ));
                out.push_str(&format!(
                    "      <prop type=\"x-resource\">{}</prop>\n",
                    partial_escape(file.resource.as_str())
                ));
                out.push_str(&format!("      <prop type=\"x-id\">{}</prop>\n", partial_escape(unit.id())));
                for (lang, text) in [(&file.source_locale, &unit.source), (locale, target)] {
                    out.push_str(&format!(
                        "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n",
                        escape(lang.as_str()),
                        with_codes(text, "x")
                    ));
                }
                out.push_str("    </tu>\n");
            }
        }
    }
    out.push_str("  </body>\n</tmx>\n");
    Ok(Memory { text: out, units: count, skipped })
}
