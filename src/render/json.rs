//! `--format json`: the version-1 document of DESIGN.md.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::check::{CheckReport, Counts};
use crate::diagnostic::{Diagnostic, Severity};

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
/// Each one is written on its own by a pretty printer set to the depth it has in the
/// document. A few hundred at a time, so the whole text is never in memory; each batch
/// goes to `out` in one write (through `dyn Write`, serde_json's many small pieces would
/// each be a call).
fn write_pretty(document: &Document<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    use rayon::prelude::*;
    write!(out, "{{\n  \"version\": {},\n  \"diagnostics\": [", document.version)?;
    const BATCH: usize = 128;
    let threads = rayon::current_num_threads().max(1);
    for (round, diagnostics) in document.diagnostics.chunks(BATCH * threads).enumerate() {
        let parts: Vec<Vec<u8>> = diagnostics
            .par_chunks(BATCH)
            .enumerate()
            .map(|(n, chunk)| {
                let mut part = Vec::with_capacity(chunk.len() * 512);
                for (k, diagnostic) in chunk.iter().enumerate() {
                    // A comma before every finding but the first.
                    let first = round == 0 && n == 0 && k == 0;
                    part.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    diagnostic.serialize(&mut nested(&mut part, 2)?)?;
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

    fn finding(n: usize, drift: bool) -> Diagnostic {
        Diagnostic {
            code: "drifted",
            severity: Severity::Warning,
            locale: "vi".into(),
            file: format!("locales/vi/f{n}.ftl"),
            line: n,
            column: 3,
            id: Some(format!("id-{n}")),
            message: "a \"quoted\" text\nover two lines, ti\u{1EBF}ng Vi\u{1EC7}t".into(),
            span: 0..1,
            label: None,
            drift: drift.then(|| crate::drift::Drift::new("Opens 9 May", "Opens 10 May")),
            help: n.is_multiple_of(2).then(|| "accept it".to_string()),
        }
    }

    /// The parallel writer writes what serde_json's own pretty printer writes, for no
    /// finding, one, and more than one chunk of them.
    #[test]
    fn parallel_json_is_serde_json_pretty() {
        for count in [0, 1, 2, 700, 3000] {
            let diagnostics: Vec<Diagnostic> = (0..count).map(|n| finding(n, n % 3 == 0)).collect();
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
