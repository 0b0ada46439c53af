//! `not-nfc`: text that is not in Unicode Normalization Form C.

use std::collections::BTreeSet;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, UnicodeNormalization};

use super::{Check, CheckInfo, FileCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct NotNfc;

static INFO: CheckInfo = CheckInfo {
    code: "not-nfc",
    severity: Severity::Warning,
    summary: "text is not in Unicode NFC (decomposed diacritics)",
    doc: "\
## What it finds
Text whose characters are decomposed: a Vietnamese `ệ` stored as `e` + combining
circumflex + combining dot below instead of the one character `ệ`. Reported once per
line, at the first such character. Text copied from macOS, some PDF files and some input
methods arrives this way.

## Why it matters
It looks identical but is not the same text: searching for `Hà Nội` does not find it,
spell-checkers flag it, some fonts draw the marks misplaced, and two versions of one
sentence compare as different.

## Example
`Hà Nội` typed as `Ha` U+0300 ` Nội`.

## How to fix
Run `songngu fmt`: it rewrites every file in NFC, in its standard layout, comments kept
(`songngu fmt FILE` for one file; a file with syntax errors is left alone). Or retype the
word, or use your editor's \"Normalize to NFC\".",
};

impl Check for NotNfc {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let file = cx.model.file;
        let mut lines_reported = BTreeSet::new();
        for (entry, offset, text) in cx.model.texts_not_plain_latin() {
            if is_nfc(text) {
                continue;
            }
            let mut line_start = 0;
            for segment in text.split_inclusive('\n') {
                if let Some(cluster) = first_unnormalized(segment) {
                    let at = offset + line_start + cluster.start;
                    let (line, _) = file.position(at);
                    if lines_reported.insert(line) {
                        let written = &segment[cluster.clone()];
                        out.push(
                            INFO.at(
                                file,
                                at..at + written.len(),
                                Some(entry.key()),
                                format!(
                                    "`{}` is written decomposed ({}); NFC has {}",
                                    written.nfc().collect::<String>(),
                                    code_points(written),
                                    code_points(&written.nfc().collect::<String>())
                                ),
                            )
                            .label("not NFC")
                            .help("`songngu fmt` writes the file in NFC"),
                        );
                    }
                }
                line_start += segment.len();
            }
        }
    }
}

/// The byte range of the first cluster (a starter and its combining marks) that is not
/// NFC.
fn first_unnormalized(text: &str) -> Option<std::ops::Range<usize>> {
    if is_nfc(text) {
        return None;
    }
    let mut start = 0;
    for (i, c) in text.char_indices().skip(1) {
        if canonical_combining_class(c) == 0 {
            if !is_nfc(&text[start..i]) {
                return Some(start..i);
            }
            start = i;
        }
    }
    Some(start..text.len())
}

fn code_points(text: &str) -> String {
    text.chars().map(|c| format!("U+{:04X}", c as u32)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_decomposed_cluster() {
        let text = "Hà Nội: Ha\u{300}";
        assert_eq!(first_unnormalized(text), Some(12..text.len()));
        assert_eq!(first_unnormalized("Hà Nội"), None);
    }
}
