//! `fmt`: one way of writing every file. Each entry as `fluent_syntax`'s serializer writes
//! it, one blank line between entries, text and comments in Unicode NFC.
//!
//! Nothing may be lost: a file with syntax errors is left alone (its broken text is for a
//! person to fix), and the formatted text is parsed again and must give exactly the same
//! entries and comments, or the file is left alone too. A file is written only when its
//! text changes, atomically.

use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use unicode_normalization::{is_nfc, UnicodeNormalization};

use crate::error::Error;
use crate::ftl::file::SourceFile;
use crate::project::Project;

#[derive(Debug, Clone, Default)]
pub struct FmtOptions {
    /// Only report what would change; write nothing.
    pub check: bool,
    /// Files or folders to format; the project's locales folder when empty.
    pub paths: Vec<PathBuf>,
}

/// Why a file was left as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// Not UTF-8, nested too deep, or the parser gave up.
    Unreadable(String),
    /// Has syntax errors: formatting would rewrite around text nobody can read yet.
    SyntaxErrors(usize),
    /// The formatted text would not parse back to the same content.
    NotSafe,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skipped::Unreadable(why) => write!(f, "{why}"),
            Skipped::SyntaxErrors(n) => {
                write!(f, "{n} syntax error{} to fix first (see `songngu check`)", if *n == 1 { "" } else { "s" })
            }
            Skipped::NotSafe => f.write_str(
                "its indented multi-line text cannot be rewritten without changing it (a limit of the Fluent serializer)",
            ),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct FmtReport {
    /// Files whose text changed (or would, with `--check`).
    pub changed: Vec<String>,
    pub skipped: Vec<(String, Skipped)>,
    pub files: usize,
}

/// The formatted text of a file, or why it must be left alone.
pub fn format_text(text: &str) -> Result<String, Skipped> {
    // CRLF line ends become `\n`: inside a multi-line value `\r\n` would otherwise stay
    // in the text, and the written file would not read back the same. A lone CR is text
    // to Fluent, so a file that has one keeps its bytes.
    let crlf_only = text.matches('\r').count() == text.matches("\r\n").count();
    let text = &if crlf_only { text.replace("\r\n", "\n") } else { text.to_string() };
    let file = SourceFile::from_bytes("", "", String::new(), text.as_bytes().to_vec());
    let parsed = file.parse_to_rewrite().map_err(|why| Skipped::Unreadable(why.to_string()))?;
    if !parsed.errors.is_empty() {
        return Err(Skipped::SyntaxErrors(parsed.errors.len()));
    }
    // An owned tree, so text can be normalized in place. The borrowed parse above already
    // went through the guards, so this parse of the same text cannot crash.
    let owned = std::panic::catch_unwind(|| fluent_syntax::parser::parse(file.text.clone()))
        .map_err(|_| Skipped::Unreadable("the Fluent parser could not read this file".into()))?;
    let mut resource = owned.map_err(|(_, errors)| Skipped::SyntaxErrors(errors.len()))?;
    if !is_nfc(&file.text) {
        for entry in &mut resource.body {
            normalize_entry(entry);
        }
    }
    let out = serialize(&resource);
    // The promise: same entries, same comments.
    match fluent_syntax::parser::parse(out.clone()) {
        Ok(again) if again == resource => Ok(out),
        _ => Err(Skipped::NotSafe),
    }
}

/// Each entry serialized on its own, with one blank line between entries.
fn serialize(resource: &ast::Resource<String>) -> String {
    let mut out = String::new();
    for entry in &resource.body {
        if !out.is_empty() {
            out.push('\n');
        }
        let one = ast::Resource { body: vec![entry.clone()] };
        // Free comments come with a blank line of their own; every entry gets one here.
        out.push_str(fluent_syntax::serializer::serialize(&one).trim_end_matches('\n'));
        out.push('\n');
    }
    out
}

/// Formats the project's files (or `options.paths`).
pub fn fmt(project: &Project, options: &FmtOptions) -> Result<FmtReport, Error> {
    let writing = if options.check { None } else { Some(project.write_lock()?) };
    let files = if options.paths.is_empty() {
        let dir = project.locales_dir();
        if !dir.is_dir() {
            return Err(Error::Usage(format!("{}: no such folder", project.config.locales_dir.display())));
        }
        ftl_files(&dir)?
    } else {
        let mut files = Vec::new();
        for path in &options.paths {
            if path.is_dir() {
                files.extend(ftl_files(path)?);
            } else if path.is_file() {
                files.push(path.clone());
            } else {
                return Err(Error::Usage(format!("{}: no such file or folder", path.display())));
            }
        }
        files
    };
    let mut report = FmtReport { files: files.len(), ..Default::default() };
    for path in files {
        let shown = path.strip_prefix(&project.root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let Ok(text) = String::from_utf8(bytes) else {
            report.skipped.push((shown, Skipped::Unreadable("this file is not valid UTF-8".into())));
            continue;
        };
        match format_text(&text) {
            Ok(formatted) if formatted == text => {}
            Ok(formatted) => {
                if !options.check {
                    writing.as_ref().expect("written only without --check").write(&path, formatted.as_bytes())?;
                }
                report.changed.push(shown);
            }
            Err(why) => report.skipped.push((shown, why)),
        }
    }
    Ok(report)
}

/// Every `.ftl` file under `dir`, sorted.
fn ftl_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    crate::fs::walk::files_under(dir, ".ftl")
}

fn nfc(text: &mut String) {
    if !is_nfc(text) {
        *text = text.nfc().collect();
    }
}

fn normalize_comment(comment: &mut ast::Comment<String>) {
    comment.content.iter_mut().for_each(nfc);
}

fn normalize_entry(entry: &mut ast::Entry<String>) {
    match entry {
        ast::Entry::Message(m) => {
            if let Some(value) = &mut m.value {
                normalize_pattern(value);
            }
            m.attributes.iter_mut().for_each(|a| normalize_pattern(&mut a.value));
            if let Some(c) = &mut m.comment {
                normalize_comment(c);
            }
        }
        ast::Entry::Term(t) => {
            normalize_pattern(&mut t.value);
            t.attributes.iter_mut().for_each(|a| normalize_pattern(&mut a.value));
            if let Some(c) = &mut t.comment {
                normalize_comment(c);
            }
        }
        ast::Entry::Comment(c) | ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => normalize_comment(c),
        ast::Entry::Junk { .. } => {}
    }
}

fn normalize_pattern(pattern: &mut ast::Pattern<String>) {
    for element in &mut pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => nfc(value),
            ast::PatternElement::Placeable { expression } => normalize_expression(expression),
        }
    }
}

fn normalize_expression(expression: &mut ast::Expression<String>) {
    match expression {
        ast::Expression::Inline(inline) => normalize_inline(inline),
        ast::Expression::Select { selector, variants } => {
            normalize_inline(selector);
            variants.iter_mut().for_each(|v| normalize_pattern(&mut v.value));
        }
    }
}

fn normalize_inline(inline: &mut ast::InlineExpression<String>) {
    match inline {
        ast::InlineExpression::StringLiteral { value } => nfc(value),
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            arguments.positional.iter_mut().for_each(normalize_inline);
            arguments.named.iter_mut().for_each(|n| normalize_inline(&mut n.value));
        }
        ast::InlineExpression::Placeable { expression } => normalize_expression(expression),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_spacing_and_normalizes_text_keeping_comments() {
        let text = "### Resource\n# attached\nhello=Xin  chao\u{0300}\n\n\n\n## Group\nbye =\n    multi\n    line\n-t = { \"e\u{0301}\" }\n";
        let formatted = format_text(text).unwrap();
        assert_eq!(
            formatted,
            "### Resource\n\n# attached\nhello = Xin  chaò\n\n## Group\n\nbye =\n    multi\n    line\n\n-t = { \"é\" }\n"
        );
        assert_eq!(format_text(&formatted).unwrap(), formatted);
    }

    #[test]
    fn broken_files_are_left_alone() {
        assert_eq!(format_text("a = {\n"), Err(Skipped::SyntaxErrors(1)));
        assert!(matches!(format_text(&format!("a = {}\n", "{".repeat(100))), Err(Skipped::Unreadable(_))));
    }
}
