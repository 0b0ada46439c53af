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
///
/// On the whole project, of more than [`INFOS_FOLDED_ABOVE`] infos of one code in one
/// file the first [`INFOS_SHOWN`] are shown, the rest said in one line: a first check of
/// a big project has an `unaccepted` info for every entry, thousands of them, and the
/// errors and warnings must not drown in them. A check narrowed to some files shows every
/// finding of those.
pub fn render(report: &CheckReport, root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    render_folded(&report.diagnostics, root, report.focus.is_empty(), out)?;
    writeln!(out, "{}", summary_line(report))
}

/// How many infos of one code in one file a check of the whole project shows, when
/// there are more than [`INFOS_FOLDED_ABOVE`].
pub const INFOS_SHOWN: usize = 3;

/// Up to this many infos of one code in one file are all shown: folding a few saves
/// nothing.
pub const INFOS_FOLDED_ABOVE: usize = 5;

/// Each finding with its snippet and help, a blank line after each.
pub fn render_diagnostics(diagnostics: &[Diagnostic], root: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    render_folded(diagnostics, root, false, out)
}

/// [`render_diagnostics`], with `fold` the infos of one code in one file beyond
/// [`INFOS_SHOWN`] said in one line after the file's findings (they come sorted by file).
fn render_folded(diagnostics: &[Diagnostic], root: &Path, fold: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let renderer = Renderer::styled();
    let mut sources: HashMap<&str, Option<(String, LineIndex)>> = HashMap::new();
    // Infos by (file, code, locale): how many there are, then how many were met.
    let mut infos: HashMap<(&str, &str, &str), (usize, usize)> = HashMap::new();
    if fold {
        for d in diagnostics.iter().filter(|d| d.severity == Severity::Info) {
            infos.entry((&d.file, d.code, &d.locale)).or_default().0 += 1;
        }
    }
    // Of the file being shown: the (code, locale) of infos not shown, and how many.
    let mut folded: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for (n, diagnostic) in diagnostics.iter().enumerate() {
        let shown = match infos.get_mut(&(&*diagnostic.file, diagnostic.code, &*diagnostic.locale)) {
            Some((all, met)) if *all > INFOS_FOLDED_ABOVE && diagnostic.severity == Severity::Info => {
                *met += 1;
                let shown = *met <= INFOS_SHOWN;
                if !shown {
                    *folded.entry((diagnostic.code, &diagnostic.locale)).or_default() += 1;
                }
                shown
            }
            _ => true,
        };
        if shown {
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
        let file_ends = diagnostics.get(n + 1).is_none_or(|next| next.file != diagnostic.file);
        if file_ends {
            for ((code, locale), folded) in std::mem::take(&mut folded) {
                writeln!(out, "{}\n", render_fold(&renderer, code, locale, &diagnostic.file, folded))?;
            }
        }
    }
    Ok(())
}

/// The line that stands for the infos of a code in a file that were not shown.
fn render_fold(renderer: &Renderer, code: &str, locale: &str, file: &str, folded: usize) -> String {
    let title = format!("{folded} more in this file, not shown");
    let help = match code {
        "unaccepted" => format!(
            "`songngu check {file}` shows them all; `songngu accept {locale}` records every finished translation"
        ),
        _ => format!("`songngu check {file}` shows them all; `--quiet` hides infos"),
    };
    let groups = [
        Level::INFO.primary_title(title).id(code).element(annotate_snippets::Origin::path(file)),
        Group::with_title(Level::HELP.secondary_title(help)),
    ];
    renderer.render(&groups)
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
    // `file:line:column` as the renderer would write it, when that is not the file's.
    let mut column_shown = None;
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
            let (shown, span, moved) = visible(shown, start..end);
            let mut annotation = AnnotationKind::Primary.span(span.clone());
            if let Some(label) = &d.label {
                annotation = annotation.label(label);
            }
            if moved {
                // The renderer counts the column on the line as shown, longer than the
                // file's before the finding: the place given is the file's.
                let counted = shown[..span.start].chars().count() + 1;
                column_shown = Some(format!("{}:{}:{counted}", d.file, d.line));
            }
            let snippet = Snippet::source(shown).line_start(d.line).annotation(annotation).path(&*d.file);
            groups.push(title.element(snippet));
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
    let rendered = renderer.render(&groups);
    // In the `-->` line, not in a message that names a place.
    match (column_shown, rendered.find("--> ")) {
        (Some(counted), Some(at)) => {
            let place = format!("{}:{}:{}", d.file, d.line, d.column);
            format!("{}{}", &rendered[..at], rendered[at..].replacen(&counted, &place, 1))
        }
        _ => rendered,
    }
}

/// A quoted line as a reader can see it: each invisible or control character (those
/// `invisible-char` reports: U+200B, U+FEFF, bidi controls, NUL…) written as `<U+200B>`,
/// and the underlined `span` moved to match (a finding about the character underlines
/// its whole name). Also whether the line changed before the span, which moves the
/// column counted on it. A carriage return is shown by the renderer itself (`␍`).
fn visible(line: &str, span: std::ops::Range<usize>) -> (std::borrow::Cow<'_, str>, std::ops::Range<usize>, bool) {
    let hidden = |c: char| {
        crate::checks::invisible_char::invisible_name(c).is_some()
            || (c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
    };
    if !line.chars().any(hidden) {
        return (std::borrow::Cow::Borrowed(line), span, false);
    }
    let mut shown = String::with_capacity(line.len() + 16);
    let (mut start, mut end) = (span.start, span.end);
    for (i, c) in line.char_indices() {
        if i == span.start {
            start = shown.len();
        }
        if i == span.end {
            end = shown.len();
        }
        if hidden(c) {
            shown.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            shown.push(c);
        }
    }
    if span.start >= line.len() {
        start = shown.len();
    }
    if span.end >= line.len() {
        end = shown.len();
    }
    let moved = start != span.start;
    (std::borrow::Cow::Owned(shown), start..end, moved)
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

/// One line for the end of the output: what was checked and what was found (of a
/// report narrowed to some files, what was found in them; with `--quiet`, how many infos
/// are not shown).
pub fn summary_line(report: &CheckReport) -> String {
    let locales: Vec<&str> = report.locales.iter().map(|(l, _)| l.as_str()).collect();
    let what = match report.focus.as_slice() {
        [] => format!("{} resource{}", report.resources_checked, if report.resources_checked == 1 { "" } else { "s" }),
        few if few.len() <= 3 => few.join(", "),
        many => format!("{} of {} resources", many.len(), report.resources_checked),
    };
    let mut scope = format!("checked {what} in {}", locales.join(", "));
    let hidden = match report.hidden_infos {
        0 => String::new(),
        1 => " (1 info not shown)".to_string(),
        n => format!(" ({n} infos not shown)"),
    };
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
        format!("{style}ok{style:#}: {scope}: no problems found{hidden}")
    } else {
        let color = if counts[0].0 > 0 { AnsiColor::Red } else { AnsiColor::Yellow };
        let style = Style::new().fg_color(Some(color.into())).bold();
        scope.push_str(&hidden);
        format!("{style}{}{style:#}: {scope}", found.join(", "))
    }
}
