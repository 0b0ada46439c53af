//! `songngu status`: a table per locale of how complete each resource is.

use std::io::Write;

use crate::engine::run::CheckReport;

pub fn render(report: &CheckReport, out: &mut dyn Write) -> std::io::Result<()> {
    for (i, (locale, resources)) in report.locales.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let total = report.totals(locale);
        let role = if resources.iter().all(|r| r.is_reference) { " (reference)" } else { "" };
        writeln!(
            out,
            "{locale}{role}: {:.0}% translated, {} of {} entries",
            total.percent(),
            total.translated,
            total.entries
        )?;
        if total.drifted > 0 {
            writeln!(
                out,
                "  {} drifted since accepted: {} facts, {} wording, {} cosmetic",
                total.drifted, total.drift.facts, total.drift.wording, total.drift.cosmetic
            )?;
        }
        let width = resources.iter().map(|r| r.resource.len()).max().unwrap_or(8).max(8);
        let row = |out: &mut dyn Write, cells: [&str; 8]| {
            writeln!(
                out,
                "  {:<width$}  {:>7}  {:>10}  {:>7}  {:>12}  {:>8}  {:>15}  {:>10}",
                cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]
            )
        };
        row(
            out,
            [
                "resource",
                "entries",
                "translated",
                "missing",
                "untranslated",
                "obsolete",
                "drifted (f/w/c)",
                "unaccepted",
            ],
        )?;
        for r in resources {
            let c = &r.counts;
            let translated = if r.is_reference {
                "reference".to_string()
            } else if !r.present {
                "no file".to_string()
            } else {
                format!("{:.0}%", c.percent())
            };
            let drifted = format!("{} ({}/{}/{})", c.drifted, c.drift.facts, c.drift.wording, c.drift.cosmetic);
            let numbers = [c.entries, c.missing, c.untranslated, c.obsolete, c.unaccepted].map(|n| n.to_string());
            row(
                out,
                [&r.resource, &numbers[0], &translated, &numbers[1], &numbers[2], &numbers[3], &drifted, &numbers[4]],
            )?;
        }
    }
    Ok(())
}
