//! What `songngu accept` prints: each entry it recorded, then one summary line.

use std::io::Write;

use crate::accept::AcceptReport;

pub fn render(report: &AcceptReport, locale: &str, out: &mut dyn Write) -> std::io::Result<()> {
    for entry in &report.recorded {
        writeln!(out, "accepted {} ({}) in {}", entry.id, entry.reason, entry.file)?;
    }
    for (file, id) in &report.dropped {
        writeln!(out, "dropped the record of {id}: it is no longer in {file} or its reference")?;
    }
    let n = report.recorded.len();
    let mut line = if n == 0 && report.dropped.is_empty() {
        format!("nothing to accept in {locale}: every translation is recorded")
    } else {
        format!(
            "accepted {n} entr{} in {locale}; {} lock file{} written",
            if n == 1 { "y" } else { "ies" },
            report.files_written,
            if report.files_written == 1 { "" } else { "s" }
        )
    };
    if report.drifted_left > 0 {
        line.push_str(&format!(
            "; {} drifted entr{} left: read `songngu check`, then name {} or use --drifted",
            report.drifted_left,
            if report.drifted_left == 1 { "y" } else { "ies" },
            if report.drifted_left == 1 { "it" } else { "them" }
        ));
    }
    writeln!(out, "{line}")
}
