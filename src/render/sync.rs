//! What `songngu sync` prints: per file, the entries it added or moved, then a summary.

use std::io::Write;

use crate::commands::sync::{SyncOptions, SyncReport};

fn entries(n: usize) -> String {
    format!("{n} entr{}", if n == 1 { "y" } else { "ies" })
}

pub fn render(report: &SyncReport, options: &SyncOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let locale = &options.locale;
    let (mut added, mut pruned, mut obsolete, mut written) = (0, 0, 0, 0);
    for f in &report.files {
        if f.written {
            written += 1;
            writeln!(out, "{} {}", if f.created { "created" } else { "updated" }, f.file)?;
        } else {
            writeln!(out, "{}", f.file)?;
        }
        let reference = &f.reference_locale;
        let lines = [
            ("added", &f.added, format!("copies of {reference}: translate them")),
            ("pruned", &f.pruned, "moved to the end of the file, commented out".to_string()),
            ("obsolete", &f.obsolete, format!("not in {reference}; --prune moves them out")),
            ("kept", &f.still_used, "obsolete, but current entries still use them".to_string()),
            ("skipped", &f.broken, "this file has broken text there: fix it first, see `songngu check`".to_string()),
        ];
        for (what, ids, why) in lines {
            if !ids.is_empty() {
                writeln!(out, "  {what:<8} {} ({why})", ids.join(", "))?;
            }
        }
        added += f.added.len();
        pruned += f.pruned.len();
        obsolete += f.obsolete.len();
    }
    for file in &report.unreadable {
        writeln!(out, "{file}: left alone, it cannot be read as Fluent (see `songngu check`)")?;
    }
    if written == 0 && obsolete == 0 {
        return writeln!(out, "{locale} has every entry of its references: nothing to add");
    }
    let mut line = format!("{locale}: {} added", entries(added));
    if options.prune {
        line.push_str(&format!(", {pruned} pruned"));
    }
    line.push_str(&format!(" in {written} file{}", if written == 1 { "" } else { "s" }));
    if obsolete > 0 {
        line.push_str(&format!("; {} obsolete left in place", entries(obsolete)));
    }
    if added > 0 {
        line.push_str(&format!("; translate the copies, then `songngu accept {locale}`"));
    }
    writeln!(out, "{line}")
}
