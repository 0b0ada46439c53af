//! `check --summary`: instead of every finding, the work left in each locale, file by
//! file (as compare-locales' summary does): how many entries are missing, untranslated
//! or drifted, and how many words of the reference they have. Then the one closing line
//! of `check`, with every finding counted.

use std::io::Write;

use crate::engine::run::{CheckReport, ResourceStatus};

pub fn render(report: &CheckReport, out: &mut dyn Write) -> std::io::Result<()> {
    let mut first = true;
    for (locale, resources) in &report.locales {
        // A locale is the reference of the resources written in it: nothing to translate.
        let targets: Vec<&ResourceStatus> = resources.iter().filter(|r| !r.is_reference).collect();
        if targets.is_empty() {
            continue;
        }
        if !first {
            writeln!(out)?;
        }
        first = false;
        let to_do = |r: &&&ResourceStatus| r.counts.missing + r.counts.untranslated + r.counts.drifted > 0;
        let rows: Vec<&&ResourceStatus> = targets.iter().filter(to_do).collect();
        let files = plural(targets.len(), "file");
        if rows.is_empty() {
            writeln!(out, "{locale}: nothing to do in {files}: every entry is translated and current")?;
            continue;
        }
        // A locale's reference resources count no entry to do and no word.
        let (counts, words) = (report.totals(locale), report.total_words(locale));
        let (missing, untranslated, drifted) = (counts.missing, counts.untranslated, counts.drifted);
        writeln!(
            out,
            "{locale}: {} of {files} to do: {missing} missing ({}), {untranslated} untranslated ({}), {drifted} drifted ({})",
            rows.len(),
            plural(words.missing, "word"),
            plural(words.untranslated, "word"),
            plural(words.drifted, "word"),
        )?;
        let name = |r: &ResourceStatus| {
            if r.present {
                r.resource.clone()
            } else {
                format!("{} (no file)", r.resource)
            }
        };
        let width = rows.iter().map(|r| name(r).chars().count()).max().unwrap_or(0).max("resource".len());
        writeln!(
            out,
            "  {:<width$}  {:>7}  {:>12}  {:>7}  {:>5}",
            "resource", "missing", "untranslated", "drifted", "words"
        )?;
        for r in rows {
            let c = &r.counts;
            let words = r.words.missing + r.words.untranslated + r.words.drifted;
            writeln!(
                out,
                "  {:<width$}  {:>7}  {:>12}  {:>7}  {:>5}",
                name(r),
                c.missing,
                c.untranslated,
                c.drifted,
                words
            )?;
        }
    }
    if !first {
        writeln!(out)?;
    }
    writeln!(out, "{}", super::human::summary_line(report))
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
