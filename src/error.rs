//! The errors that stop a run (exit code 2). Findings about the content are not errors:
//! they are [`crate::Diagnostic`]s.

use std::path::PathBuf;

/// Why a command could not run at all. Each variant renders as one line that names the
/// file at fault, so a translator knows where to look without reading code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}:{line}:{column}: {message}")]
    Config { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}:{line}:{column}: {message} (the translation record cannot be read: fix it, or delete it and accept again)")]
    Lock { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
}

/// `text` as one line of at most `max` characters: what an error quotes (an XML parser's
/// message, a TOML one) may hold newlines and whole paragraphs of the file.
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let mut line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((cut, _)) = line.char_indices().nth(max) {
        line.truncate(cut);
        line.push('…');
    }
    line
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}

impl From<crate::bundle::runtime::RuntimeError> for Error {
    fn from(error: crate::bundle::runtime::RuntimeError) -> Self {
        Error::Usage(error.to_string())
    }
}
