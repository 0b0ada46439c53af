//! What `songngu import` prints: per file, the entries merged; every refused unit with
//! its reason; then a summary and what to do next.

use std::collections::BTreeMap;
use std::io::Write;

use crate::interchange::import::ImportReport;

pub fn render(report: &ImportReport, out: &mut dyn Write) -> std::io::Result<()> {
    let would = if report.dry_run { "would merge" } else { "merged" };
    let mut by_file: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for m in &report.merged {
        let id = if m.added { format!("{} (new)", m.id) } else { m.id.clone() };
        by_file.entry(&m.file).or_default().push(id);
    }
    for (file, ids) in &by_file {
        writeln!(out, "{file}: {would} {}", ids.join(", "))?;
    }
    for w in &report.warnings {
        writeln!(out, "  warning [{}] {}: {}", w.code, w.id.as_deref().unwrap_or_default(), w.message)?;
    }
    for r in &report.refused {
        let at = if r.line > 0 { format!(" (line {})", r.line) } else { String::new() };
        writeln!(out, "refused {}{at}: {}", r.id, r.reason)?;
    }
    let format = report.format.map_or("", |f| f.name());
    let mut summary = format!(
        "{format} import: {} entr{} {would} in {} file{}",
        report.merged.len(),
        if report.merged.len() == 1 { "y" } else { "ies" },
        report.written.len(),
        if report.written.len() == 1 { "" } else { "s" }
    );
    summary.push_str(&format!(
        ", {} refused, {} unchanged, {} without a translation",
        report.refused.len(),
        report.unchanged,
        report.empty
    ));
    writeln!(out, "{summary}")?;
    if report.dry_run {
        writeln!(out, "Nothing was written (--dry-run).")?;
    } else if !report.merged.is_empty() {
        writeln!(out, "Nothing is accepted yet: review with `songngu check`, then run `songngu accept`.")?;
    }
    Ok(())
}
