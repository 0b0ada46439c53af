//! What `songngu accept` prints: each entry it recorded, what its guard left and why, then
//! one summary line.

use std::io::Write;

use crate::commands::accept::{AcceptReport, Held, HeldEntry};

/// Entries left for one reason shown one by one up to this many; the rest are counted
/// (`songngu check` lists them all).
const SHOWN: usize = 10;

pub fn render(report: &AcceptReport, locale: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let verb = if report.dry_run { "would accept" } else { "accepted" };
    for entry in &report.recorded {
        let copy = if entry.copy { ", an intentional copy of its reference" } else { "" };
        writeln!(out, "{verb} {} ({}{copy}) in {}", entry.id, entry.reason, entry.file)?;
    }
    for (file, id) in &report.dropped {
        let verb = if report.dry_run { "would drop" } else { "dropped" };
        writeln!(out, "{verb} the record of {id}: it is no longer in {file} or its reference")?;
    }
    // Grouped by reason, each group in file order.
    for kind in 0..4 {
        let group: Vec<&HeldEntry> = report.left.iter().filter(|h| kind_of(&h.why) == kind).collect();
        for held in group.iter().take(SHOWN) {
            writeln!(out, "left {} in {}: {}; {}", held.id, held.file, held.why, hint(&held.why, locale, &held.id))?;
        }
        if group.len() > SHOWN {
            writeln!(
                out,
                "left {} more for the same reason: `songngu check --locale {locale}` lists them",
                group.len() - SHOWN
            )?;
        }
    }
    for held in &report.refused {
        writeln!(out, "refused {} in {}: {}; {}", held.id, held.file, held.why, hint(&held.why, locale, &held.id))?;
    }

    let n = report.recorded.len();
    let mut line = if n == 0 && report.dropped.is_empty() && report.left.is_empty() && report.refused.is_empty() {
        format!("nothing to accept in {locale}: every translation is recorded")
    } else if report.dry_run {
        format!("would accept {n} entr{} in {locale}; nothing was written (--dry-run)", plural(n))
    } else {
        format!(
            "accepted {n} entr{} in {locale}; {} lock file{} written",
            plural(n),
            report.files_written,
            if report.files_written == 1 { "" } else { "s" }
        )
    };
    if !report.left.is_empty() {
        let left = report.left.len();
        line.push_str(&format!("; {left} entr{} left as not done", plural(left)));
    }
    if !report.refused.is_empty() {
        let refused = report.refused.len();
        line.push_str(&format!(
            "; {refused} named entr{} refused (`--force` records {} anyway)",
            plural(refused),
            if refused == 1 { "it" } else { "them" }
        ));
    }
    writeln!(out, "{line}")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "y"
    } else {
        "ies"
    }
}

fn kind_of(why: &Held) -> u8 {
    match why {
        Held::Errors { .. } => 0,
        Held::Unstated(_) | Held::Figures(_) => 1,
        Held::Unreadable(_) | Held::Obsolete => 0,
        Held::Drifted(_) => 2,
        Held::Untranslated => 3,
    }
}

/// What to do next, for a translator.
fn hint(why: &Held, locale: &str, id: &str) -> String {
    match why {
        Held::Errors { .. } => format!("fix it (`songngu check --locale {locale}` shows where), then accept it"),
        Held::Untranslated => {
            format!("translate it, or, if the same text is right in {locale}, keep it: `songngu accept {locale} {id}`")
        }
        Held::Drifted(_) => format!(
            "read its diff in `songngu check --locale {locale}`, update it, then `songngu accept {locale} {id}`"
        ),
        Held::Unstated(_) => format!("update the translation, then `songngu accept {locale} {id}`"),
        Held::Figures(_) => format!(
            "check its figures against the reference; if they are right, name it: `songngu accept {locale} {id}`"
        ),
        Held::Unreadable(_) => format!("fix it (`songngu check --locale {locale}` explains), then accept it"),
        Held::Obsolete => format!("delete it, or `songngu sync {locale} --prune` to set obsolete entries aside"),
    }
}
