//! Human output: rustc-style snippets (annotate-snippets) and one closing summary line.
//! Styles are always emitted; the binary strips them when color is off (NO_COLOR,
//! `--color never`, or output that is not a terminal).

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::run::CheckReport;
use crate::ftl::file::LineIndex;
use crate::records::drift::DiffTag;

/// Renders every diagnostic, then the summary line. Files are read again from `root` to
/// show their lines; a file that cannot be read is rendered without a snippet.
pub fn render(report: &CheckReport, root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    render_diagnostics(&report.diagnostics, root, out)?;
    writeln!(out, "{}", summary_line(report))
}

/// Each finding with its snippet and help, a blank line after each.
pub fn render_diagnostics(diagnostics: &[Diagnostic], root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    let renderer = Renderer::styled();
    let mut sources: HashMap<&str, Option<(String, LineIndex)>> = HashMap::new();
    for diagnostic in diagnostics {
        let source = sources.entry(&diagnostic.file).or_insert_with(|| {
            let text = std::fs::read(root.join(&*diagnostic.file)).ok()?;
            let text = String::from_utf8_lossy(&text).into_owned();
            // Spans count from after a byte-order mark, as the checks read the file.
            let text = match text.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_string(),
                None => text,
            };
            let lines = LineIndex::new(&text);
            Some((text, lines))
        });
        let rendered = render_one(&renderer, diagnostic, source.as_ref());
        writeln!(out, "{rendered}\n")?;
    }
    Ok(())
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn render_one(renderer: &Renderer, d: &Diagnostic, source: Option<&(String, LineIndex)>) -> String {
    let title = level(d.severity).primary_title(&*d.message).id(d.code);
    let mut groups = Vec::new();
    match source {
        Some((text, lines)) if d.line >= 1 && d.span.end <= text.len() && is_showable(text, lines, d.line) => {
            let line = lines.line_range(text, d.line.min(lines.line_count()));
            let shown = &text[line.clone()];
            let mut start = d.span.start.clamp(line.start, line.end) - line.start;
            let mut end = d.span.end.clamp(line.start + start, line.end) - line.start;
            // The span was measured on the text the parser read, which may differ from the
            // file inside a broken escape (see `SourceFile::patched`): keep it on characters.
            while !shown.is_char_boundary(start) {
                start -= 1;
            }
            while !shown.is_char_boundary(end) {
                end += 1;
            }
            let mut annotation = AnnotationKind::Primary.span(start..end);
            if let Some(label) = &d.label {
                annotation = annotation.label(label);
            }
            groups.push(
                title.element(Snippet::source(&text[line]).line_start(d.line).path(&*d.file).annotation(annotation)),
            );
        }
        _ => {
            let mut origin = annotate_snippets::Origin::path(&*d.file).line(d.line);
            if d.column > 0 {
                origin = origin.char_column(d.column);
            }
            groups.push(title.element(origin))
        }
    }
    if let Some(drift) = &d.drift {
        // A diff with nothing marked: the words are the same, only laid out anew (the
        // value broke onto more lines). Said in words, or the note would look unchanged.
        let layout_only = drift.old != drift.new && drift.diff.iter().all(|op| op.op == DiffTag::Equal);
        let how = if layout_only { "changed only in its spacing or line breaks" } else { "changed" };
        groups.push(Group::with_title(
            Level::NOTE.secondary_title(format!("the reference {how}: {}", diff_text(&drift.diff))),
        ));
    }
    if let Some(help) = &d.help {
        groups.push(Group::with_title(Level::HELP.secondary_title(help.as_str())));
    }
    renderer.render(&groups)
}

/// A word diff as one line: `[-deleted-]` struck out in red, `{+inserted+}` underlined
/// in green. The brackets keep it readable without color.
fn diff_text(diff: &[crate::records::drift::DiffOp]) -> String {
    let deleted = Style::new().fg_color(Some(AnsiColor::Red.into())).strikethrough();
    let inserted = Style::new().fg_color(Some(AnsiColor::Green.into())).underline();
    let mut line = String::new();
    for (i, op) in diff.iter().enumerate() {
        let text = shorten(&on_one_line(&op.text));
        match op.op {
            DiffTag::Delete => line.push_str(&format!("{deleted}[-{text}-]{deleted:#}")),
            DiffTag::Insert => line.push_str(&format!("{inserted}{{+{text}+}}{inserted:#}")),
            // Nothing changed but the layout: the text itself is what there is to show.
            _ if diff.len() == 1 => line.push_str(&text),
            _ => line.push_str(&elide_middle(&text, i == 0, i + 1 == diff.len())),
        }
    }
    line
}

/// Text of a value that spans lines, on one: a line break and the indentation of the
/// continuation line after it are one space.
fn on_one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(' ');
            out.push_str(line.trim_start_matches(' '));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A changed run of text as shown in a note: at most a few hundred characters, its middle
/// elided (a hostile lock's `source` may be megabytes long).
fn shorten(text: &str) -> String {
    const KEEP: usize = 150;
    let count = text.chars().count();
    if count <= 2 * KEEP + 20 {
        return text.to_string();
    }
    let head: String = text.chars().take(KEEP).collect();
    let tail: String = text.chars().skip(count - KEEP).collect();
    format!("{head} … ({} characters) … {tail}", count - 2 * KEEP)
}

/// Unchanged text around a change, shortened to a few words of context on each side.
fn elide_middle(text: &str, first: bool, last: bool) -> String {
    const CONTEXT: usize = 6;
    // Words, a placeable (`{ -hanoi-convention }`) counting as one: never cut in two.
    let mut words: Vec<String> = Vec::new();
    let mut depth = 0i32;
    for word in text.split(' ') {
        match words.last_mut() {
            Some(open) if depth > 0 => {
                open.push(' ');
                open.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        depth = (depth + word.matches('{').count() as i32 - word.matches('}').count() as i32).max(0);
    }
    let keep_head = if first { 0 } else { CONTEXT };
    let keep_tail = if last { 0 } else { CONTEXT };
    if words.len() <= keep_head + keep_tail + 2 {
        return text.to_string();
    }
    let head = words[..keep_head].join(" ");
    let tail = words[words.len() - keep_tail..].join(" ");
    match (head.is_empty(), tail.is_empty()) {
        (true, _) => format!("… {tail}"),
        (_, true) => format!("{head} …"),
        _ => format!("{head} … {tail}"),
    }
}

/// Lines longer than this are not quoted: only their first hundred or so characters would
/// be shown anyway, and a 50 MB line would cost seconds to lay out.
const LONGEST_QUOTED_LINE: usize = 4096;

/// A line worth quoting: not binary garbage from a file that is not UTF-8, and not so long
/// that quoting it costs more than it shows.
fn is_showable(text: &str, lines: &LineIndex, line: usize) -> bool {
    let line = &text[lines.line_range(text, line.min(lines.line_count()))];
    line.len() <= LONGEST_QUOTED_LINE && !line.contains(['\0', char::REPLACEMENT_CHARACTER])
}

/// One line for the end of the output: what was checked and what was found.
pub fn summary_line(report: &CheckReport) -> String {
    let locales: Vec<&str> = report.locales.iter().map(|(l, _)| l.as_str()).collect();
    let scope = format!(
        "checked {} resource{} in {}",
        report.resources_checked,
        if report.resources_checked == 1 { "" } else { "s" },
        locales.join(", ")
    );
    let counts = [
        (report.count(Severity::Error), "error"),
        (report.count(Severity::Warning), "warning"),
        (report.count(Severity::Info), "info"),
    ];
    let found: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}{}", if *n == 1 { "" } else { "s" }))
        .collect();
    if found.is_empty() {
        let style = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
        format!("{style}ok{style:#}: {scope}: no problems found")
    } else {
        let color = if counts[0].0 > 0 { AnsiColor::Red } else { AnsiColor::Yellow };
        let style = Style::new().fg_color(Some(color.into())).bold();
        format!("{style}{}{style:#}: {scope}", found.join(", "))
    }
}
