//! `unused-suppression`: a `# songngu-allow:` line that silences nothing, or names a
//! code that does not exist. The silencing itself is the engine's
//! ([`crate::engine::suppress`]); this check reads the lines for names that are no code,
//! and writes the finding for a code the engine found silenced nothing.

use super::{Check, CheckInfo, FileCx, Site, CHECKS};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::suppress::Allow;

pub struct UnusedSuppression;

static INFO: CheckInfo = CheckInfo {
    code: "unused-suppression",
    severity: Severity::Info,
    summary: "a `# songngu-allow:` line that silences nothing, or names no code (a warning)",
    doc: "\
## What it finds
An entry's comment can silence findings about that entry:

    # songngu-allow: untranslated, number-mismatch
    brand-slogan = Make it yours

In the reference file, the line silences those codes for the entry in every locale; in a
translation, in that locale only. Silenced findings count nowhere: not in `status`, the
summary, the states or the exit code, exactly as `[severity] CODE = \"off\"` in
songngu.toml would, for this one entry. The line must be in the comment Fluent attaches
to the entry: `#` lines right above it, with no blank line between (not `##` or `###`).
Other lines of the comment can say why.

This check reports a code on such a line that silences nothing (info): the text was
fixed since, or the line is on the wrong entry or in the wrong file. A name on the line
that is no code at all is a warning: it silences nothing, and was most likely misspelt.

## Why it matters
A silencing line that no longer silences anything hides the next real problem of its
code on that entry, long after anyone remembers why it was written.

## Example
    # songngu-allow: untranslatd
    brand-slogan = Make it yours

(`untranslatd` is no code; `untranslated` was meant).

## How to fix
Remove the code from the line, or the whole line if it names nothing else; correct a
misspelt code (`songngu explain --list` lists them all). A code set to `off` in
`[severity]` still runs far enough to tell whether a line silences it.",
};

impl Check for UnusedSuppression {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let file = cx.model.file;
        for entry in cx.model.entries.iter().filter(|e| e.comment.is_some()) {
            for name in entry.allowed_codes().filter(|c| super::find(c).is_none()) {
                let at = file.offset_of(name);
                let codes: Vec<&str> = CHECKS.iter().map(|c| c.info().code).collect();
                let help = match closest(name, &codes) {
                    Some(code) => format!("did you mean `{code}`? The codes are: {}", codes.join(", ")),
                    None => format!("the codes are: {}", codes.join(", ")),
                };
                out.push(
                    INFO.at(
                        file,
                        at..at + name.len(),
                        Some(entry.key()),
                        format!("`{name}` is not a code: it silences nothing"),
                    )
                    .severity(Severity::Warning)
                    .label("not a code")
                    .help(help),
                );
            }
        }
    }
}

/// The finding for a code of a `# songngu-allow:` line that silenced nothing.
pub(crate) fn unused(allow: &Allow) -> Diagnostic {
    let site =
        Site { file: allow.file.clone(), line: allow.line, column: allow.column, span: allow.span.0..allow.span.1 };
    let (code, id) = (&allow.code, &allow.id);
    let message = if allow.in_reference {
        format!("nothing to silence: no locale reports `{code}` on `{id}`")
    } else {
        format!("nothing to silence: {} reports no `{code}` on `{id}`", allow.locale)
    };
    INFO.at_site(&allow.locale, &site, Some(id.clone()), message)
        .label("silences nothing")
        .help(format!("remove `{code}` from this line (or the whole line, if it names nothing else)"))
}

/// The code closest to a misspelt one, if one is close enough to be what was meant: at
/// most two edits away (a third of the length, for short names).
fn closest<'c>(name: &str, codes: &[&'c str]) -> Option<&'c str> {
    let limit = (name.chars().count() / 3).clamp(1, 2);
    codes.iter().map(|c| (edits(name, c), *c)).filter(|(n, _)| *n <= limit).min().map(|(_, c)| c)
}

/// The Levenshtein distance of two short names, in characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_code_finds_the_one_meant() {
        let codes = ["untranslated", "unaccepted", "not-nfc", "missing"];
        assert_eq!(closest("untranslatd", &codes), Some("untranslated"));
        assert_eq!(closest("Untranslated", &codes), Some("untranslated"));
        assert_eq!(closest("not_nfc", &codes), Some("not-nfc"));
        assert_eq!(closest("brand", &codes), None);
        assert_eq!(edits("", "abc"), 3);
    }
}
