//! What `songngu ingest` prints: per announcement, the ids it added, changed and removed;
//! and, for standard error, a warning per announcement whose text does not read as the
//! language its `lang` says.

use std::io::Write;

use crate::commands::ingest::IngestReport;

pub fn render(report: &IngestReport, out: &mut dyn Write) -> std::io::Result<()> {
    let mut written = 0;
    for r in &report.resources {
        if !r.written {
            continue;
        }
        written += 1;
        match &r.switched {
            Some(switched) => writeln!(
                out,
                "moved {} to {}: {} is now written in {}, and no translation of it was accepted yet, so every id stays",
                switched.previous, r.file, r.source, r.locale
            )?,
            None => writeln!(out, "{} {} from {}", if r.created { "created" } else { "updated" }, r.file, r.source)?,
        }
        for (what, ids) in [("added", &r.added), ("changed", &r.changed), ("removed", &r.removed), ("moved", &r.moved)]
        {
            if !ids.is_empty() {
                writeln!(out, "  {what:<8} {}", ids.join(", "))?;
            }
        }
        if let Some(switched) = &r.switched {
            let from = &switched.from;
            match &switched.translation {
                Some(translation) => {
                    writeln!(out, "  {from:<8} {} now holds what {translation} held (not accepted)", switched.previous)?
                }
                None => writeln!(out, "  no {from} translation yet: run `songngu sync {from}` to start one")?,
            }
        }
    }
    let n = report.resources.len();
    let announcements = if n == 1 { "announcement" } else { "announcements" };
    if written == 0 {
        writeln!(out, "ingested {n} {announcements}: every resource is up to date")
    } else {
        writeln!(
            out,
            "ingested {n} {announcements}: {written} resource{} written; run `songngu check` to see what translators now have to do",
            if written == 1 { "" } else { "s" }
        )
    }
}

/// One `warning: …` line for each announcement whose text reads as another language
/// than its `lang` says, naming the file and what to set: its resource went to the
/// wrong language's folder.
pub fn warnings(report: &IngestReport, reference: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for r in &report.resources {
        let Some(reads_as) = &r.reads_as else { continue };
        let language = language_name(reads_as);
        let line = match &r.lang {
            None => format!(
                "warning: {} reads as {language} but has no lang = \"{reads_as}\": add it to the front matter and ingest again",
                r.source
            ),
            Some(lang) if reads_as == reference => format!(
                "warning: {} reads as {language} but has lang = \"{lang}\": set lang = \"{reads_as}\" (or remove it: \
                 {reads_as} is the project's reference) and ingest again",
                r.source
            ),
            Some(lang) => format!(
                "warning: {} reads as {language} but has lang = \"{lang}\": set lang = \"{reads_as}\" and ingest again",
                r.source
            ),
        };
        lines.push(line);
    }
    lines
}

/// A locale's language as people name it, for the two the project is made for.
fn language_name(locale: &str) -> &str {
    match crate::text::language(locale) {
        "en" => "English",
        "vi" => "Vietnamese",
        _ => locale,
    }
}
