//! `dash`: a spaced hyphen (` - `) written as a dash in a file whose other dashes are
//! real ones (`–`, `—`).

use super::{Check, CheckInfo, FileCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::prose::{any_text, is_prose, Prose};

pub struct Dash;

static INFO: CheckInfo = CheckInfo {
    code: "dash",
    severity: Severity::Warning,
    summary: "a spaced hyphen ` - ` used as a dash in a file whose other dashes are `–` or `—`",
    doc: "\
## What it finds
A hyphen with a space on each side (` - `, or ` -- `) between words, where a dash is
meant, in a file that writes its other dashes as the dash characters: the en dash `–` or
the em dash `—`. Each text is reported once, at its first spaced hyphen. Every file is
looked at, the reference included.

A file that writes every dash as a spaced hyphen is consistent, and left alone. Hyphens
inside words (`Tuy-ni-di`, `High-Level`), at the start of a line (a list), inside HTML
tags, in placeables and in attributes that are keys or CSS are not dashes.
The choice between `–` and `—` is a house style, and not looked at.

## Why it matters
A hyphen is a joining mark; a dash separates. Among real dashes a spaced hyphen looks
like a typing slip, and a line may break before it, leaving a stray `-` at the start of
the next line.

## Example
    # vi
    p2 = Với chủ đề “Chống tội phạm mạng – Chia sẻ trách nhiệm – Hướng tới tương lai”, …
    p8 = 72 quốc gia đã ký Công ước - con số kỷ lục - thể hiện sự đồng thuận …

## How to fix
Write the dash the file uses elsewhere: ` – ` (an en dash between spaces) or `—` (an em
dash). A range of figures or dates takes an en dash too (`1945–2025`).",
};

impl Check for Dash {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        use crate::ftl::model::marks::{DASH, HYPHEN};
        let (file, model) = (cx.model.file, cx.model);
        // Both a dash and a spaced hyphen in the file, or nothing to say.
        if !model.any_marks(HYPHEN) || !model.any_marks(DASH) {
            return;
        }
        // The texts of the entries with `flag`, read as prose.
        let texts = |flag: u8, visit: &mut dyn FnMut(usize, &Prose<'_>)| {
            for (n, entry) in model.entries.iter().enumerate().filter(|&(n, _)| model.marks_at(n) & flag != 0) {
                for (part, pattern) in entry.parts() {
                    // A hyphen, or a dash (whose UTF-8 starts with E2).
                    if !any_text(pattern, &mut |t: &str| memchr::memchr2(b'-', 0xE2, t.as_bytes()).is_some()) {
                        continue;
                    }
                    let prose = Prose::new(file, pattern);
                    if !is_prose(part, &prose.text) {
                        continue;
                    }
                    for text in prose.all() {
                        visit(n, text);
                    }
                }
            }
        };
        // The spaced hyphens first, as (entry, where its first is, how long it is): most
        // of what the bytes have are in comments and other syntax.
        let mut hyphens: Vec<(usize, usize, usize)> = Vec::new();
        texts(HYPHEN, &mut |n, text| {
            if let Some((at, len)) = spaced_hyphens(&text.text).next() {
                if hyphens.last().is_none_or(|h| h.0 != n) {
                    hyphens.push((n, text.offset(at), len));
                }
            }
        });
        if hyphens.is_empty() {
            return;
        }
        let (mut en, mut em) = (0usize, 0usize);
        texts(DASH, &mut |_, text| {
            en += text.text.matches('–').count();
            em += text.text.matches('—').count();
        });
        if en + em == 0 {
            return;
        }
        let (dash, write) =
            if em > en { ("—", "`—` (an em dash)") } else { ("–", "` – ` (an en dash between spaces)") };
        for (n, at, len) in hyphens {
            let written = if len == 1 { "` - `" } else { "` -- `" };
            out.push(
                INFO.at(
                    file,
                    at..at + len,
                    Some(model.entries[n].key()),
                    format!("a spaced hyphen {written} used as a dash, in a file that writes dashes as `{dash}`"),
                )
                .label("hyphen as a dash")
                .help(format!("write {write}, as the rest of the file does")),
            );
        }
    }
}

/// Where each spaced hyphen of a text is (` - ` or ` -- `, between two things that are
/// not spaces, outside HTML tags), with its length.
fn spaced_hyphens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let tags: Vec<std::ops::Range<usize>> = if memchr::memchr(b'<', b).is_some() {
        crate::text::markup::tags(text).map(|t| t.range).collect()
    } else {
        Vec::new()
    };
    let (mut skip_to, mut tag) = (0, 0);
    memchr::memmem::find_iter(b, b" -").filter_map(move |space| {
        let at = space + 1;
        if at < skip_to {
            return None;
        }
        let len = if b.get(at + 1) == Some(&b'-') { 2 } else { 1 };
        skip_to = at + len;
        // A space after, then something; and before the space something on the same line.
        let after_space = b.get(at + len) == Some(&b' ');
        let then_text = b.get(at + len + 1).is_some_and(|c| !c.is_ascii_whitespace());
        let before = space.checked_sub(1).map(|i| b[i]);
        let text_before = before.is_some_and(|c| !c.is_ascii_whitespace());
        // The tags are in order, as the hyphens are: one pass over both.
        while tags.get(tag).is_some_and(|t| t.end <= at) {
            tag += 1;
        }
        let in_tag = tags.get(tag).is_some_and(|t| t.contains(&at));
        (after_space && then_text && text_before && !in_tag).then_some((at, len))
    })
}

#[cfg(test)]
mod tests {
    fn found(text: &str) -> Vec<String> {
        let found = crate::checks::testing::file_findings(&super::Dash, "vi", text);
        found.into_iter().map(|d| format!("{} {}:{} {}", d.id.unwrap(), d.line, d.column, d.message)).collect()
    }

    #[test]
    fn a_spaced_hyphen_among_dashes_is_reported() {
        let found = found("a = Chống tội phạm mạng – Chia sẻ trách nhiệm\nb = 72 quốc gia - con số kỷ lục - đã ký\n");
        assert_eq!(found, ["b 2:17 a spaced hyphen ` - ` used as a dash, in a file that writes dashes as `–`"]);
    }

    #[test]
    fn a_file_of_spaced_hyphens_alone_is_consistent() {
        assert!(found("a = Việt Nam - Liên hợp quốc\nb = một - hai\n").is_empty());
    }

    #[test]
    fn hyphens_that_are_not_dashes_are_not_reported() {
        let text = "a = Tuy-ni-di – Hà Nội, 25–26/10\n\
                    b =\n    Danh sách:\n    - một\n    - hai\n\
                    c = <a title=\"x - y\">z</a> { \" - \" } -5 độ, x -y\n\
                    d = k\n    .style = margin: 0 - 1px\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn a_double_hyphen_is_a_dash_too() {
        assert_eq!(found("a = x — y\nb = x -- y\n").len(), 1);
    }
}
