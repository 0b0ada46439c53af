//! `syntax-error`: text the Fluent parser cannot read.

use super::{Check, CheckInfo, FileCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct SyntaxError;

static INFO: CheckInfo = CheckInfo {
    code: "syntax-error",
    severity: Severity::Error,
    summary: "the Fluent parser cannot read part of a file",
    doc: "\
## What it finds
Text that is not valid Fluent syntax, at the line and column where the parser stopped,
with the parser's own message. Also files that cannot be read as Fluent at all: bytes
that are not UTF-8 (a file saved as UTF-16 or Windows-1258), or placeables nested so
deep that the file can only be hostile. Lines a `git merge` left (`<<<<<<< HEAD`,
`=======`, `>>>>>>> branch`) are named as merge conflict markers.

## Why it matters
Fluent skips an entry it cannot parse: the message disappears from the bundle and apps
show its id or fall back to another language. Every later check also ignores it.

## Example
    news-title = Hội nghị { $city
    
the placeable is never closed: `Expected a token starting with \"}\"`.

## How to fix
Go to the line and column shown and repair the syntax: close every `{` with `}`, start
attributes with `.name =`, indent continuation lines, write a literal brace as `{ \"{\" }`.
For a merge conflict, keep the right lines of each side and delete the marker lines.
Save files as UTF-8.",
};

impl Check for SyntaxError {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let model = cx.model;
        let file = model.file;
        if let Some((offset, message)) = &model.failure {
            out.push(INFO.at(file, *offset..*offset, None, message.clone()));
            return;
        }
        for error in model.errors {
            let mut at = error.pos.start.min(file.text.len());
            // The parser may only notice the problem after skipping blank lines and the
            // next comment; point at the end of the text it gave up on instead.
            if let Some(slice) = &error.slice {
                let junk_end = slice.start + file.text[slice.start..slice.end.min(file.text.len())].trim_end().len();
                if at > junk_end {
                    at = junk_end;
                }
            }
            let junk = model.junk.iter().find(|j| (j.offset..=j.offset + j.content.len()).contains(&at));
            let id = junk.and_then(|j| j.likely_key()).map(str::to_string);
            let skipped = match &id {
                Some(id) => format!("; `{id}` is skipped until this is fixed"),
                None => String::new(),
            };
            let end = error.pos.end.clamp(at, file.text.len());
            out.push(if conflict_marker_at(&file.text, at) {
                INFO.at(file, at..end, id, format!("a merge conflict marker{skipped}"))
                    .label("merge conflict marker")
                    .help(CONFLICT_HELP)
            } else {
                INFO.at(file, at..end, id, format!("{}{skipped}", error.kind)).label(error.kind.to_string())
            });
        }
    }
}

/// What to do about a line `git merge` wrote.
pub const CONFLICT_HELP: &str =
    "a merge left both versions here: keep the right lines of each side, then delete the marker lines";

/// Whether the line at `offset` is a merge conflict marker (`<<<<<<<`, `|||||||`,
/// `=======`, `>>>>>>>`), as `git merge` leaves in a file it could not merge.
pub fn conflict_marker_at(text: &str, offset: usize) -> bool {
    let start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    ["<<<<<<<", "|||||||", "=======", ">>>>>>>"].iter().any(|m| line.starts_with(m))
}
