//! `songngu status`: a table per locale of how complete each resource is.

use std::io::Write;

use crate::check::CheckReport;

pub fn render(report: &CheckReport, out: &mut dyn Write) -> std::io::Result<()> {
    for (i, (locale, resources)) in report.locales.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let total = report.totals(locale);
        let is_reference_everywhere = resources.iter().all(|r| r.is_reference);
        let role = if is_reference_everywhere {
            " (reference)"
        } else {
            ""
        };
        writeln!(
            out,
            "{locale}{role}: {:.0}% translated, {} of {} entries",
            total.percent(),
            total.translated,
            total.entries
        )?;
        let width = resources
            .iter()
            .map(|r| r.resource.len())
            .max()
            .unwrap_or(8)
            .max(8);
        writeln!(
            out,
            "  {:<width$}  {:>7}  {:>10}  {:>7}  {:>12}  {:>8}",
            "resource", "entries", "translated", "missing", "untranslated", "obsolete"
        )?;
        for r in resources {
            let translated = if r.is_reference {
                "reference".to_string()
            } else if !r.present {
                "no file".to_string()
            } else {
                format!("{:.0}%", r.counts.percent())
            };
            writeln!(
                out,
                "  {:<width$}  {:>7}  {:>10}  {:>7}  {:>12}  {:>8}",
                r.resource,
                r.counts.entries,
                translated,
                r.counts.missing,
                r.counts.untranslated,
                r.counts.obsolete
            )?;
        }
    }
    Ok(())
}
