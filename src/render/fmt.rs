//! What `songngu fmt` prints: each file it formatted (or would), each it left alone.

use std::io::Write;

use crate::commands::fmt::FmtReport;

pub fn render(report: &FmtReport, check: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let verb = if check { "would format" } else { "formatted" };
    for file in &report.changed {
        writeln!(out, "{verb} {file}")?;
    }
    for (file, why) in &report.skipped {
        writeln!(out, "left {file} as it is: {why}")?;
    }
    let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
    let mut line = match (report.changed.len(), check) {
        (0, _) => format!("{} checked: all formatted", files(report.files)),
        (n, true) => {
            format!(
                "{} of {} need{} formatting: run `songngu fmt`",
                files(n),
                report.files,
                if n == 1 { "s" } else { "" }
            )
        }
        (n, false) => format!("{} of {} formatted", files(n), report.files),
    };
    if !report.skipped.is_empty() {
        line.push_str(&format!(
            "; {} left as {}",
            files(report.skipped.len()),
            if report.skipped.len() == 1 { "it is" } else { "they are" }
        ));
    }
    writeln!(out, "{line}")
}
