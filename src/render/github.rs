//! `--format github`: one GitHub Actions workflow command per finding, so a `check` step
//! annotates the files it names (in the run's summary and in a pull request's diff),
//! then the plain summary line of the human output.
//!
//! A command is `::error file=F,line=L,col=C,title=T::MESSAGE` (`warning` for warnings,
//! `notice` for infos). Values are escaped as `@actions/core` escapes them, so that no
//! file name or message can end the command early or start another one: in the message
//! `%`, CR and LF become `%25`, `%0D` and `%0A`; in a property `:` and `,` also become
//! `%3A` and `%2C`.

use std::io::Write;

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::run::CheckReport;

/// Writes one workflow command per diagnostic, then `songngu: ` and the human summary line.
pub fn render(report: &CheckReport, out: &mut dyn Write) -> std::io::Result<()> {
    for diagnostic in &report.diagnostics {
        writeln!(out, "{}", command(diagnostic))?;
    }
    let summary = crate::render::human::summary_line(report);
    writeln!(out, "songngu: {}", anstream::adapter::strip_str(&summary))
}

/// The workflow command for one diagnostic.
pub fn command(d: &Diagnostic) -> String {
    let name = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let title = format!("songngu: {} ({})", d.code, d.locale);
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.to_string(),
    };
    format!(
        "::{name} file={},line={},col={},title={}::{}",
        escape_property(&d.file),
        d.line,
        d.column,
        escape_property(&title),
        escape_data(&message)
    )
}

/// Escapes a command's message as `@actions/core` does: `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => escaped.push_str("%25"),
            '\r' => escaped.push_str("%0D"),
            '\n' => escaped.push_str("%0A"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Escapes a command's property value as `@actions/core` does: as a message, plus `:`
/// and `,`, which separate the properties.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(escape_data("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b");
        // `%` first: an existing `%0A` in the text must not turn into a line break.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("Hà Nội"), "Hà Nội");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
        assert_eq!(escape_property("locales/vi/tin tức.ftl"), "locales/vi/tin tức.ftl");
    }

    #[test]
    fn one_command_per_diagnostic_with_help_on_a_second_line() {
        let d = Diagnostic {
            code: "untranslated",
            severity: Severity::Warning,
            locale: "vi".into(),
            file: "locales/vi/a,b:c.ftl".into(),
            line: 3,
            column: 1,
            id: Some("a-p1".into()),
            message: "the text still reads as en, not vi".into(),
            parser: None,
            span: 0..4,
            label: None,
            drift: None,
            help: Some("translate it into vi".into()),
            related: None,
        };
        assert_eq!(
            command(&d),
            "::warning file=locales/vi/a%2Cb%3Ac.ftl,line=3,col=1,title=songngu%3A untranslated (vi)\
             ::the text still reads as en, not vi%0Ahelp: translate it into vi"
        );
        let info = Diagnostic { severity: Severity::Info, help: None, ..d };
        assert!(command(&info).starts_with("::notice file="));
    }
}
