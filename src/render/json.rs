//! `--format json`: the version-1 document of DESIGN.md.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::run::{CheckReport, Counts};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
    locales: BTreeMap<String, Counts>,
}

pub fn render(report: &CheckReport, out: &mut dyn Write) -> std::io::Result<()> {
    let document = Document {
        version: 1,
        diagnostics: &report.diagnostics,
        summary: Summary {
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
            locales: report.locales.iter().map(|(l, _)| (l.clone(), report.totals(l))).collect(),
        },
    };
    write_pretty(&document, out)
}

/// Writes `serde_json::to_vec_pretty(document)` and a newline, byte for byte, with the
/// diagnostics written on every core: tens of thousands of findings are megabytes of JSON.
/// Each one is written on its own ([`write_diagnostic`]), a thousand per core at a time,
/// so the whole text is never in memory; each batch goes to `out` in one write (through
/// `dyn Write`, many small pieces would each be a call).
fn write_pretty(document: &Document<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    use rayon::prelude::*;
    write!(out, "{{\n  \"version\": {},\n  \"diagnostics\": [", document.version)?;
    const BATCH: usize = 1024;
    let threads = rayon::current_num_threads().max(1);
    for (round, diagnostics) in document.diagnostics.chunks(BATCH * threads).enumerate() {
        let parts: Vec<Vec<u8>> = diagnostics
            .par_chunks(BATCH)
            .enumerate()
            .map(|(n, chunk)| {
                let mut part = Vec::with_capacity(chunk.len() * 512);
                let mut last_file = None;
                for (k, diagnostic) in chunk.iter().enumerate() {
                    // A comma before every finding but the first.
                    let first = round == 0 && n == 0 && k == 0;
                    part.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    write_diagnostic(diagnostic, &mut part, &mut last_file);
                }
                Ok(part)
            })
            .collect::<std::io::Result<_>>()?;
        for part in parts {
            out.write_all(&part)?;
        }
    }
    if !document.diagnostics.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n  \"summary\": ")?;
    let mut summary = Vec::new();
    document.summary.serialize(&mut nested(&mut summary, 1)?)?;
    summary.extend_from_slice(b"\n}\n");
    out.write_all(&summary)
}

/// One finding as serde_json's pretty printer writes it two levels down in the document
/// (a test holds the two to the same bytes). Written out here because findings are most
/// of a large report: serde_json goes through a formatter call per piece and looks at
/// every byte of every string on its own; this writer copies runs of plain text whole.
///
/// `last_file` is the file of the finding written before into `out`, and where its
/// quoted name is: findings come grouped by file, and most have the very name (the same
/// shared text) of the one before, which is copied, not looked at again.
fn write_diagnostic<'a>(d: &'a Diagnostic, out: &mut Vec<u8>, last_file: &mut Option<(&'a str, Range<usize>)>) {
    // A field's name with what comes before and after it, put together when compiled:
    // one copy per field.
    macro_rules! field {
        ($out:expr, $name:literal) => {
            $out.extend_from_slice(concat!(",\n      \"", $name, "\": ").as_bytes())
        };
    }
    let number = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    // Codes, severities and drift classes are plain kebab-case words: quoted as they are.
    let word = |out: &mut Vec<u8>, word: &str| {
        debug_assert!(word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        out.push(b'"');
        out.extend_from_slice(word.as_bytes());
        out.push(b'"');
    };
    out.extend_from_slice(b"{\n      \"code\": ");
    word(out, d.code);
    field!(out, "severity");
    word(out, d.severity.as_str());
    field!(out, "locale");
    string(out, &d.locale);
    field!(out, "file");
    match last_file {
        Some((file, written)) if std::ptr::eq(*file, &*d.file) => out.extend_from_within(written.clone()),
        _ => {
            let start = out.len();
            string(out, &d.file);
            *last_file = Some((&d.file, start..out.len()));
        }
    }
    field!(out, "line");
    number(out, d.line);
    field!(out, "column");
    number(out, d.column);
    field!(out, "id");
    match &d.id {
        Some(id) => string(out, id),
        None => out.extend_from_slice(b"null"),
    }
    field!(out, "message");
    string(out, &d.message);
    if let Some(parser) = &d.parser {
        field!(out, "parser");
        string(out, parser);
    }
    if let Some(drift) = &d.drift {
        field!(out, "class");
        word(out, drift.class.as_str());
        field!(out, "old");
        string(out, &drift.old);
        field!(out, "new");
        string(out, &drift.new);
        field!(out, "diff");
        if drift.diff.is_empty() {
            out.extend_from_slice(b"[]");
        } else {
            for (n, op) in drift.diff.iter().enumerate() {
                out.extend_from_slice(if n == 0 { b"[" } else { b"," });
                out.extend_from_slice(b"\n        {\n          \"op\": ");
                word(out, op.op.as_str());
                out.extend_from_slice(b",\n          \"text\": ");
                string(out, &op.text);
                out.extend_from_slice(b"\n        }");
            }
            out.extend_from_slice(b"\n      ]");
        }
    }
    if let Some(help) = &d.help {
        field!(out, "help");
        string(out, help);
    }
    if let Some(related) = &d.related {
        field!(out, "related");
        out.extend_from_slice(b"{\n        \"file\": ");
        string(out, &related.file);
        out.extend_from_slice(b",\n        \"line\": ");
        number(out, related.line);
        out.extend_from_slice(b",\n        \"column\": ");
        number(out, related.column);
        out.extend_from_slice(b",\n        \"message\": ");
        string(out, &related.message);
        out.extend_from_slice(b"\n      }");
    }
    out.extend_from_slice(b"\n    }");
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, control characters as
/// `\n`-style escapes or `\u00xx`, everything else as it is.
fn string(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // Whether any of eight bytes needs an escape: one below a space, a `"` or a `\`.
    use crate::text::lanes::{below, splat};
    let needs_escape = |w: u64| (below(w, 0x20) | below(w ^ splat(b'"'), 1) | below(w ^ splat(b'\\'), 1)) != 0;
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (word, step) = match bytes.get(i..i + 8) {
            Some(eight) => (u64::from_le_bytes(eight.try_into().expect("eight bytes")), 8),
            // The last few bytes padded with a letter to make eight.
            None => {
                let mut word = [b'x'; 8];
                word[..bytes.len() - i].copy_from_slice(&bytes[i..]);
                (u64::from_le_bytes(word), bytes.len() - i)
            }
        };
        if !needs_escape(word) {
            i += step;
            continue;
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[start..i - 1]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]),
        }
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// A pretty printer for a value `depth` levels down in a document: it is taken that deep
/// by opening as many arrays (written nowhere) first.
fn nested(
    out: &mut Vec<u8>,
    depth: usize,
) -> std::io::Result<serde_json::Serializer<&mut Vec<u8>, serde_json::ser::PrettyFormatter<'static>>> {
    use serde_json::ser::Formatter;
    let mut formatter = serde_json::ser::PrettyFormatter::new();
    for _ in 0..depth {
        formatter.begin_array(&mut std::io::sink())?;
    }
    Ok(serde_json::Serializer::with_formatter(out, formatter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    /// Finding `n`, about `file`.
    fn finding(n: usize, drift: bool, file: std::sync::Arc<str>) -> Diagnostic {
        Diagnostic {
            code: "drifted",
            severity: Severity::Warning,
            locale: "vi".into(),
            file,
            line: n,
            column: 3,
            id: (n % 7 != 4).then(|| format!("id-{n}")),
            message: if n % 5 == 1 {
                "controls \u{0}\u{1}\u{8}\u{c}\r\t\u{1f}\u{7f} and a back\\slash".into()
            } else {
                "a \"quoted\" text\nover two lines, ti\u{1EBF}ng Vi\u{1EC7}t".into()
            },
            parser: (n % 3 == 2).then(|| "Expected a token starting with \"}\"".to_string()),
            span: 0..1,
            label: None,
            drift: drift.then(|| {
                Box::new(match n % 4 {
                    0 => crate::records::drift::Drift {
                        diff: Vec::new(),
                        ..crate::records::drift::Drift::new("Opens 9 May", "Opens 9 May")
                    },
                    _ => crate::records::drift::Drift::new("Opens 9 May", "Opens 10 \"May\""),
                })
            }),
            help: n.is_multiple_of(2).then(|| "accept it".to_string()),
            related: None,
        }
    }

    /// A string is escaped as serde_json escapes it, whatever the place of the character
    /// in the eight-byte steps the writer takes.
    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        for c in (0..0x100).filter_map(char::from_u32).chain(['\u{2028}', 'ệ', '\u{10FFFF}']) {
            for before in 0..17 {
                for after in [0, 1, 9] {
                    let text = format!("{}{c}{}", "x".repeat(before), "ữ".repeat(after));
                    let mut got = Vec::new();
                    string(&mut got, &text);
                    assert_eq!(String::from_utf8(got).unwrap(), serde_json::to_string(&text).unwrap());
                }
            }
        }
    }

    /// The parallel writer writes what serde_json's own pretty printer writes, for no
    /// finding, one, and more than one chunk of them; files named by one shared text in
    /// runs (written once, then copied), by texts of their own, and alike but not shared.
    #[test]
    fn parallel_json_is_serde_json_pretty() {
        let shared: Vec<std::sync::Arc<str>> =
            ["locales/vi/a.ftl", "locales/vi/\"quoted\".ftl", "locales\\vi\\b.ftl", "locales/vi/ữ.ftl"]
                .map(std::sync::Arc::from)
                .to_vec();
        let file = |n: usize| match n % 13 {
            0 => format!("locales/vi/f{n}.ftl").into(),
            1 => std::sync::Arc::from(&*shared[(n / 4) % shared.len()]),
            _ => shared[(n / 4) % shared.len()].clone(),
        };
        for count in [0, 1, 2, 700, 3000] {
            let diagnostics: Vec<Diagnostic> = (0..count).map(|n| finding(n, n % 3 == 0, file(n))).collect();
            let summary = |locales: BTreeMap<String, Counts>| Summary { errors: 1, warnings: count, infos: 0, locales };
            let mut locales = BTreeMap::new();
            locales.insert("vi".to_string(), Counts { entries: 3, missing: 1, ..Counts::default() });
            for locales in [BTreeMap::new(), locales] {
                let document = Document { version: 1, diagnostics: &diagnostics, summary: summary(locales) };
                let mut expected = serde_json::to_vec_pretty(&document).unwrap();
                expected.push(b'\n');
                let mut got = Vec::new();
                write_pretty(&document, &mut got).unwrap();
                assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(expected).unwrap(), "{count}");
            }
        }
    }
}
