//! `--format sarif` (placeholder, being written).
use std::io::Write;

use crate::check::CheckReport;

pub fn render(_report: &CheckReport, _out: &mut dyn Write) -> std::io::Result<()> {
    todo!("SARIF output")
}
