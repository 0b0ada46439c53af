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
    // Into memory first: serde_json writes piece by piece, and through `dyn Write` each
    // piece is a call of its own (megabytes for a big project).
    let mut text = serde_json::to_vec_pretty(&document)?;
    text.push(b'\n');
    out.write_all(&text)
}
