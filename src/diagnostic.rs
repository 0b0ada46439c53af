//! The one type every finding is: [`Diagnostic`]. Human, JSON (and later SARIF and
//! GitHub) output all render it; nothing else carries findings.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What `[severity]` in `songngu.toml` may say for a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityOverride {
    Error,
    Warning,
    Info,
    /// The check does not run.
    Off,
}

impl SeverityOverride {
    pub fn severity(self) -> Option<Severity> {
        match self {
            SeverityOverride::Error => Some(Severity::Error),
            SeverityOverride::Warning => Some(Severity::Warning),
            SeverityOverride::Info => Some(Severity::Info),
            SeverityOverride::Off => None,
        }
    }
}

/// One finding, at one place in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable kebab-case code (`missing`, `not-nfc`…); `songngu explain CODE` documents it.
    pub code: &'static str,
    pub severity: Severity,
    /// The locale the finding is about (for `missing`, the locale that lacks the entry).
    pub locale: String,
    /// The file to look at, relative to the project root, with `/` separators.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode code points.
    pub column: usize,
    /// The message or term (`-term`) the finding is about, if any.
    pub id: Option<String>,
    pub message: String,
    /// Byte span in the file that the human renderer underlines.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// A short label for the underlined text.
    #[serde(skip)]
    pub label: Option<String>,
    /// For `drifted`: the class, the old and new reference text and their word diff.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub drift: Option<crate::drift::Drift>,
    /// What to do about it, shown under the snippet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// Sort key: by file, then position, then code, so output is stable across runs.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str) {
        (&self.file, self.line, self.column, self.code, &self.locale)
    }
}
