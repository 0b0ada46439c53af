//! What `songngu build` prints: the findings that would break an app, then per locale
//! what was built and what the policy served from the reference.

use std::io::Write;
use std::path::Path;

use crate::bundle::build::Build;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn render(build: &Build, out_dir: &Path, root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    super::human::render_diagnostics(&build.findings, root, out)?;
    if build.failed() {
        return writeln!(
            out,
            "build failed: {} would break the app at run time; nothing was written. Fix {} (see above), or build with --allow-errors to leave the broken entries out.",
            plural(build.findings.len(), "problem", "problems"),
            if build.findings.len() == 1 { "it" } else { "them" },
        );
    }
    // The folder as the user would type it: relative to the current folder when inside it.
    let here = std::env::current_dir().ok();
    let shown = here.as_deref().and_then(|h| out_dir.strip_prefix(h).ok()).unwrap_or(out_dir);
    writeln!(out, "built {} ({}):", shown.display(), crate::bundle::manifest::FILE_NAME)?;
    let default = &build.manifest.default_locale;
    for (locale, built) in &build.manifest.locales {
        let resources = built.resources.values();
        let entries: usize = resources.clone().map(|r| r.entries).sum();
        let count =
            |f: fn(&crate::bundle::manifest::ResourceManifest) -> usize| -> usize { resources.clone().map(f).sum() };
        let filled = count(|r| r.filled.len());
        let replaced = count(|r| r.replaced.len());
        let omitted = count(|r| r.omitted.len());
        let left_out = count(|r| r.left_out.len());
        let mut notes = Vec::new();
        if filled > 0 {
            notes.push(format!("{filled} filled from the reference: not translated yet"));
        }
        if replaced > 0 {
            notes.push(format!("{replaced} served from the reference: a fact changed since translation"));
        }
        if omitted > 0 {
            notes.push(format!("{omitted} missing, left to the app's fallback to {default}"));
        }
        if left_out > 0 {
            notes.push(format!("{left_out} broken, left out"));
        }
        let notes = if notes.is_empty() { String::new() } else { format!(" ({})", notes.join("; ")) };
        writeln!(
            out,
            "  {locale:<6} {}, {}{notes}",
            plural(built.resources.len(), "resource", "resources"),
            plural(entries, "entry", "entries")
        )?;
    }
    Ok(())
}
