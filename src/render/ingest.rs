//! What `songngu ingest` prints: per announcement, the ids it added, changed and removed.

use std::io::Write;

use crate::commands::ingest::IngestReport;

pub fn render(report: &IngestReport, out: &mut dyn Write) -> std::io::Result<()> {
    let mut written = 0;
    for r in &report.resources {
        if !r.written {
            continue;
        }
        written += 1;
        let verb = if r.created { "created" } else { "updated" };
        writeln!(out, "{verb} {} from {}", r.file, r.source)?;
        for (what, ids) in [("added", &r.added), ("changed", &r.changed), ("removed", &r.removed), ("moved", &r.moved)]
        {
            if !ids.is_empty() {
                writeln!(out, "  {what:<8} {}", ids.join(", "))?;
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
