//! `syntax-error`: text the Fluent parser cannot read.

use super::{Check, CheckInfo, FileCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct SyntaxError;

static INFO: CheckInfo = CheckInfo {
    code: "syntax-error",
    severity: Severity::Error,
    summary: "the Fluent parser cannot read part of a file",
    doc: "\
## What it finds
Text that is not valid Fluent syntax, at the place of the mistake, told as what was
written and how to repair it; the JSON output keeps the parser's own words in
`parser`. The common mistakes are named:
- a tab indenting a line (Fluent indents with spaces), or a no-break space;
- a line of text not indented, so it is read as a new entry and lost from the one
  above;
- an entry, attribute or term with nothing after `=`; a term with attributes only;
- `:` instead of `=`, an id with a space or an accented letter, a line without `=`;
- a `{` never closed, a `}` that closes nothing, a select expression without `->` or
  its closing `}`;
- a variant key that is not one ASCII word or a number (`[một]`, `[one two]`), no
  default variant (`*[other]`) or two, a line of text starting with `[`, `*` or `.`;
- a string literal not closed, an unknown escape (`\\q`), a bad `\\u` code; function
  names not in capitals, arguments out of order or twice, an empty `{ }`.
Also files that cannot be read as Fluent at all: bytes that are not UTF-8 (a file
saved as UTF-16 or Windows-1258), or placeables nested so deep that the file can only
be hostile. Lines a `git merge` left (`<<<<<<< HEAD`, `=======`, `>>>>>>> branch`) are
named as merge conflict markers.

## Why it matters
Fluent skips an entry it cannot parse: the message disappears from the bundle and apps
show its id or fall back to another language. Every later check also ignores it.

## Example
    news-title = Hội nghị { $city
    news-p1 = Lễ ký khai mạc lúc 9 giờ
    tại Trung tâm Hội nghị Quốc gia.

\"this `{` is never closed\" at the `{` of the first line; \"this line is not
indented, so it is not part of `news-p1`\" at the third.

## How to fix
Do what the help line says: indent continuation lines with four spaces (never a tab),
close every `{` with `}`, start attributes with `.name =`, keep variant keys and the
`*` of the default variant as the reference has them, write a literal brace as
`{ \"{\" }`. For a merge conflict, keep the right lines of each side and delete the
marker lines. Save files as UTF-8.",
};

impl Check for SyntaxError {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_file(&self, cx: &FileCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let model = cx.model;
        let file = model.file;
        if let Some((offset, message)) = &model.failure {
            out.push(INFO.at(file, *offset..*offset, None, message.clone()));
            return;
        }
        for error in model.errors {
            let mut at = error.pos.start.min(file.text.len());
            // The parser may only notice the problem after skipping blank lines and the
            // next comment; point at the end of the text it gave up on instead.
            if let Some(slice) = &error.slice {
                let junk_end = slice.start + file.text[slice.start..slice.end.min(file.text.len())].trim_end().len();
                if at > junk_end {
                    at = junk_end;
                }
            }
            // The last that holds it: one piece of junk may end where the next starts.
            let junk = model.junk.iter().rev().find(|j| (j.offset..=j.offset + j.content.len()).contains(&at));
            let id = junk.and_then(|j| j.likely_key()).map(str::to_string);
            let skipped = match &id {
                Some(id) => format!("; `{id}` is skipped until this is fixed"),
                None => String::new(),
            };
            let end = error.pos.end.clamp(at, file.text.len());
            out.push(if conflict_marker_at(&file.text, at) {
                INFO.at(file, at..end, id, format!("a merge conflict marker{skipped}"))
                    .label("merge conflict marker")
                    .help(CONFLICT_HELP)
                    .parser(error.kind.to_string())
            } else {
                let why = explain(&file.text, error, at..end);
                INFO.at(file, why.at, id, format!("{}{skipped}", why.message))
                    .label(why.label)
                    .help(why.help)
                    .parser(error.kind.to_string())
            });
        }
    }
}

/// What to do about a line `git merge` wrote.
pub const CONFLICT_HELP: &str =
    "a merge left both versions here: keep the right lines of each side, then delete the marker lines";

/// Whether the line at `offset` is a merge conflict marker (`<<<<<<<`, `|||||||`,
/// `=======`, `>>>>>>>`), as `git merge` leaves in a file it could not merge.
pub fn conflict_marker_at(text: &str, offset: usize) -> bool {
    let start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    ["<<<<<<<", "|||||||", "=======", ">>>>>>>"].iter().any(|m| line.starts_with(m))
}

/// A parser error told as what the person did and how to fix it.
#[derive(Debug)]
struct Explained {
    /// Where to point: the tab, the line, the `{` left open…
    at: std::ops::Range<usize>,
    message: String,
    label: &'static str,
    help: String,
}

/// The line that holds byte `at`: its start and its text, without the line end.
fn line_at(text: &str, at: usize) -> (usize, &str) {
    let at = floor_boundary(text, at.min(text.len()));
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (start, text[start..end].trim_end_matches('\r'))
}

/// The line after the one that holds `at`.
fn line_after(text: &str, at: usize) -> Option<(usize, &str)> {
    let (start, line) = line_at(text, at);
    let next = start + line.len();
    let next = next + text[next..].find('\n')? + 1;
    (next < text.len()).then(|| line_at(text, next))
}

/// The line before the one that starts at `line_start`.
fn line_before(text: &str, line_start: usize) -> Option<(usize, &str)> {
    (line_start > 0).then(|| line_at(text, line_start - 1))
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The id a line at the margin defines (`news-p1` of `news-p1 = …`), if it is one.
fn id_of_line(line: &str) -> Option<&str> {
    let body = line.strip_prefix('-').unwrap_or(line);
    let len = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(body.len());
    let starts_right = body.starts_with(|c: char| c.is_ascii_alphabetic());
    (starts_right && body[len..].trim_start_matches(' ').starts_with('='))
        .then(|| &line[..len + line.len() - body.len()])
}

/// The entry a line would belong to if it were indented: the id of the entry that the
/// lines just above it (no blank line between) are part of.
fn entry_above(text: &str, line_start: usize) -> Option<&str> {
    let mut start = line_start;
    while let Some((previous, line)) = line_before(text, start) {
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        if !line.starts_with(' ') {
            return id_of_line(line);
        }
        start = previous;
    }
    None
}

/// How an unusual space character is named in a message.
fn space_name(c: char) -> String {
    match c {
        '\u{A0}' => "a no-break space (U+00A0)".to_string(),
        '\u{3000}' => "an ideographic space (U+3000)".to_string(),
        _ => format!("the space character U+{:04X}", c as u32),
    }
}

const TAB_HELP: &str = "replace the tab with four spaces";
const SPACE_HELP: &str = "replace it with four plain spaces";
const CONTINUE_HELP: &str = "indent it with four spaces: every line of a text after the first starts with spaces";

/// What the parser's error means, found from the text around it: the common mistakes (a
/// tab, a line not indented, an empty value, a `{` left open…) by name, the rest by kind.
fn explain(text: &str, error: &fluent_syntax::parser::ParserError, at: std::ops::Range<usize>) -> Explained {
    use fluent_syntax::parser::ErrorKind as Kind;
    let pos = floor_boundary(text, error.pos.start.min(text.len()));
    let (line_start, line) = line_at(text, pos);
    let here = |message: String, label: &'static str, help: &str| Explained {
        at: at.clone(),
        message,
        label,
        help: help.to_string(),
    };
    let char_at = |i: usize| text.get(i..).and_then(|t| t.chars().next());
    match &error.kind {
        Kind::ExpectedMessageField { entry_id } | Kind::ExpectedTermField { entry_id } => {
            let term = matches!(error.kind, Kind::ExpectedTermField { .. });
            let id = if term { format!("-{entry_id}") } else { entry_id.clone() };
            let next = line_after(text, pos).filter(|(_, l)| !l.trim().is_empty());
            match next.map(|(start, l)| (start, l.chars().next())) {
                Some((start, Some('\t'))) => Explained {
                    at: start..start + 1,
                    message: format!("a tab indents the line after `{id} =`; Fluent needs spaces"),
                    label: "tab",
                    help: TAB_HELP.to_string(),
                },
                Some((start, Some(c))) if c.is_whitespace() && c != ' ' => Explained {
                    at: start..start + c.len_utf8(),
                    message: format!(
                        "{} indents the line after `{id} =`; Fluent needs plain spaces",
                        space_name(c)
                    ),
                    label: "not a plain space",
                    help: SPACE_HELP.to_string(),
                },
                Some((start, Some(' ')))
                    if next.is_some_and(|(_, l)| {
                        l.trim_start().starts_with(['[', '*', '.'])
                            && !(term && l.trim_start().starts_with('.'))
                            && id_of_line(l.trim_start().trim_start_matches('.')).is_none()
                    }) =>
                {
                    let line = next.map_or("", |(_, l)| l);
                    let indent = line.len() - line.trim_start().len();
                    let c = line[indent..].chars().next().unwrap_or('[');
                    Explained {
                        at: start + indent..start + indent + 1,
                        message: format!(
                            "the text of `{id}` starts with `{c}`, which Fluent reads as {}",
                            if c == '.' { "an attribute (`.title = …`)" } else { "a variant of a select expression" }
                        ),
                        label: "cannot start a text",
                        help: format!("write the character as `{{ \"{c}\" }}`"),
                    }
                }
                _ => {
                    let attributes_only = next.is_some_and(|(_, l)| l.trim_start().starts_with('.') && l.starts_with(' '));
                    let at = line_start..line_start + line.len().max(1);
                    if term && attributes_only {
                        Explained {
                            at,
                            message: format!("the term `{id}` has attributes but no value; a term needs one"),
                            label: "no value",
                            help: format!("write its text after `=`: `{id} = …`"),
                        }
                    } else {
                        Explained {
                            at,
                            message: format!("`{id}` has no value: nothing follows `=`"),
                            label: "no value",
                            help: format!(
                                "write its text after `=` (`{id} = …`){}; an empty text is written `{id} = {{ \"\" }}`",
                                if term { "" } else { ", or give it an attribute on the next line (`    .title = …`)" }
                            ),
                        }
                    }
                }
            }
        }
        Kind::ExpectedCharRange { range } => {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            let first = line[indent..].chars().next();
            let tab = line[..indent].find('\t').map(|i| line_start + i);
            if let Some(tab) = tab.filter(|_| pos <= line_start + indent) {
                let lost = match entry_above(text, line_start) {
                    Some(entry) => format!(", so it is not part of `{entry}`"),
                    None => String::new(),
                };
                return Explained {
                    at: tab..tab + 1,
                    message: format!("a tab indents this line{lost}; Fluent needs spaces"),
                    label: "tab",
                    help: TAB_HELP.to_string(),
                };
            }
            if indent > 0 && pos <= line_start + indent {
                let rest = &line[indent..];
                let at = line_start + indent..line_start + indent + 1;
                match first {
                    Some('.') => {
                        let name_len = rest[1..]
                            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                            .unwrap_or(rest.len() - 1);
                        let name = &rest[1..1 + name_len];
                        let after = rest[1 + name_len..].trim_start_matches(' ');
                        let starts_right = name.starts_with(|c: char| c.is_ascii_alphabetic());
                        return if starts_right && after.strip_prefix('=').is_some_and(|v| v.trim().is_empty()) {
                            Explained {
                                at,
                                message: format!("the attribute `.{name}` has no value: nothing follows `=`"),
                                label: "no value",
                                help: "write its text after `=`, or delete the line".to_string(),
                            }
                        } else if starts_right && !after.contains('=') {
                            Explained {
                                at,
                                message: format!("the attribute `.{name}` needs `=` before its text"),
                                label: "no `=`",
                                help: format!("write `.{name} = …`"),
                            }
                        } else if starts_right {
                            Explained {
                                at,
                                message: format!(
                                    "`.{name}` starts an attribute, but what follows is not `= text`: an attribute is `.name = text`, its name in ASCII letters, digits, `-` and `_`"
                                ),
                                label: "not an attribute",
                                help: "write it as `.name = text`; if this line is text, do not start it with `.`"
                                    .to_string(),
                            }
                        } else {
                            Explained {
                                at,
                                message: "this line starts with `.`, which Fluent reads as an attribute (`.title = …`)"
                                    .to_string(),
                                label: "read as an attribute",
                                help: "join it to the line above, or write the dot as `{ \".\" }`".to_string(),
                            }
                        };
                    }
                    Some(c @ ('[' | '*')) => {
                        return Explained {
                            at,
                            message: format!(
                                "this line starts with `{c}`, which Fluent reads as a variant of a select expression (`[one] …`)"
                            ),
                            label: "read as a variant",
                            help: format!("join it to the line above, or write the character as `{{ \"{c}\" }}`"),
                        };
                    }
                    _ => {}
                }
            }
            let before = text[..pos].chars().next_back();
            match before {
                Some('$') => {
                    return here(
                        "a variable's name starts with an ASCII letter, right after `$`".to_string(),
                        "not a variable name",
                        "write the variable as the reference has it, `{ $name }`",
                    )
                }
                Some('[') => return variant_key(text, line_start, line, pos),
                Some('-') if text[..pos].trim_end_matches('-').trim_end().ends_with('{') => {
                    return here(
                        "a term's name (or a negative number) follows `-`: an ASCII letter or a digit must come next".to_string(),
                        "not a term name",
                        "write the term as the reference has it, `{ -brand }`",
                    )
                }
                _ => {}
            }
            if range.contains('\n') && text[line_start..pos].contains("->") {
                return here(
                    "the variants of a select expression start on the line after `->`".to_string(),
                    "variants expected",
                    "put each variant on a line of its own after `->` (`    [one] …`, `   *[other] …`), then `}`",
                );
            }
            if indent == 0 && pos == line_start && first == Some('}') {
                return here(
                    "this `}` closes nothing: there is no `{` before it".to_string(),
                    "nothing to close",
                    "delete it, or indent it if it closes a select expression above",
                );
            }
            if indent == 0 && pos == line_start {
                if let Some(entry) = entry_above(text, line_start) {
                    return Explained {
                        at: line_start..line_start + 1,
                        message: format!(
                            "this line is not indented, so it is not part of `{entry}`: Fluent reads it as a new entry"
                        ),
                        label: "not indented",
                        help: CONTINUE_HELP.to_string(),
                    };
                }
                let c = first.unwrap_or(' ');
                return here(
                    format!("an id starts with an ASCII letter, not `{c}`"),
                    "not an id",
                    "rename it: ids are made of ASCII letters, digits, `-` and `_`, and start with a letter (a term's with `-` and a letter)",
                );
            }
            let (wanted, help) = match range.as_str() {
                "a-zA-Z" => ("an ASCII letter".to_string(), GENERIC_HELP),
                "0-9" => ("a digit".to_string(), "a number is written with digits on both sides of its `.`: `1.5`, `-2`"),
                other if other.contains('\n') => ("a line end".to_string(), GENERIC_HELP),
                other => (format!("one of `{other}`"), GENERIC_HELP),
            };
            here(format!("Fluent expected {wanted} here"), "unexpected", help)
        }
        Kind::ExpectedToken('=') => {
            let indented = line.starts_with(' ');
            if indented {
                let name = line.trim_start();
                let name = &name[..name.find(' ').unwrap_or(name.len())];
                return here(
                    format!("`{name}` needs `=` before its text"),
                    "no `=`",
                    &format!("write `{name} = …`"),
                );
            }
            let id = &line[..(pos - line_start).min(line.len())];
            let id = id.trim_end();
            let later_eq = line[(pos - line_start).min(line.len())..].contains('=');
            if !later_eq {
                if let Some(entry) = entry_above(text, line_start) {
                    return Explained {
                        at: line_start..line_start + 1,
                        message: format!(
                            "this line is not indented, so it is not part of `{entry}`: Fluent reads it as a new entry"
                        ),
                        label: "not indented",
                        help: CONTINUE_HELP.to_string(),
                    };
                }
            }
            match char_at(pos) {
                Some(c) if c.is_whitespace() && later_eq => here(
                    format!(
                        "{} stands between `{id}` and `=`: Fluent allows only plain spaces there",
                        if c == '\t' { "a tab".to_string() } else { space_name(c) }
                    ),
                    "not a plain space",
                    &format!("write `{id} = …` with plain spaces"),
                ),
                Some(':') => here(
                    format!("`{id}:`: Fluent puts `=` between an id and its text"),
                    "`:` instead of `=`",
                    &format!("write `{id} = …`"),
                ),
                Some(c) if later_eq => here(
                    format!("`{c}` cannot be part of an id: ids are made of ASCII letters, digits, `-` and `_`"),
                    "not allowed in an id",
                    "rename it without spaces or accented letters (`tieu-de`, not `tiêu đề`)",
                ),
                _ => here(
                    "this line has no `=`: a line that starts at the margin is a new entry, `id = text`".to_string(),
                    "no `=`",
                    "if the line goes on with the text above, indent it with four spaces; otherwise write `id = text`",
                ),
            }
        }
        // A `}` (or the `->` of a selector) later on the line: the placeable is closed, and
        // what stopped the parser is the character it met inside (`{ 1x }`, `{ $var() }`).
        Kind::ExpectedToken('}')
            if text.get(pos..line_start + line.len()).is_some_and(|rest| rest.contains('}') || rest.contains("->"))
                && char_at(pos).is_some_and(|c| c != '\n') =>
        {
            let c = char_at(pos).unwrap_or('?');
            Explained {
                at: pos..pos + c.len_utf8(),
                message: format!(
                    "`{c}` cannot come here inside `{{ … }}`: a placeable holds one variable, term, message, number, text in quotes or function call"
                ),
                label: "unexpected",
                help: "write the placeable as the reference has it (`{ $name }`, `{ -brand }`, `{ NUMBER($n) }`); only functions, in capitals, take `( )`"
                    .to_string(),
            }
        }
        Kind::ExpectedToken('}') => match open_brace(text, error.slice.as_ref().map_or(line_start, |s| s.start), pos) {
            Some(open) => {
                let inside = &text[open..pos];
                let (message, label, help) = if inside.contains("->") {
                    (
                        "the select expression opened here is not closed".to_string(),
                        "not closed",
                        "put `}` on a line of its own after its last variant",
                    )
                } else if inside.contains('\n')
                    && (inside.lines().skip(1).chain([line]).any(|l| l.trim_start().starts_with(['[', '*'])))
                {
                    (
                        "a select expression needs `->` after what it chooses on".to_string(),
                        "no `->`",
                        "write `{ $count ->` on the first line, then the variants, then `}`",
                    )
                } else {
                    (
                        "this `{` is never closed: a placeable ends with `}`".to_string(),
                        "never closed",
                        "close it with `}` (`{ $name }`); to show a brace as text, write `{ \"{\" }`",
                    )
                };
                Explained { at: open..open + 1, message, label, help: help.to_string() }
            }
            None => here(
                "Fluent expected `}` here to close a placeable".to_string(),
                "no `}`",
                "close the placeable with `}`",
            ),
        },
        Kind::ExpectedToken(']') => variant_key(text, line_start, line, pos),
        Kind::ExpectedToken(' ') if line.starts_with('#') => here(
            "a comment's `#` is followed by a space: `# note`".to_string(),
            "space expected",
            "put a space after the `#` (or the `##`, `###`)",
        ),
        Kind::ExpectedToken('"') => unclosed_string(text, line_start, pos),
        Kind::ExpectedToken(c) => {
            let wanted = match c {
                ' ' => "a space".to_string(),
                '\n' => "a line end".to_string(),
                c => format!("`{c}`"),
            };
            here(format!("Fluent expected {wanted} here"), "unexpected", GENERIC_HELP)
        }
        Kind::MissingDefaultVariant => here(
            "none of the variants is the default: a select expression needs one marked with `*`".to_string(),
            "no default variant",
            "mark the variant for every other case with `*`, usually `*[other]`",
        ),
        Kind::MultipleDefaultVariants => here(
            "two variants are marked as the default with `*`; a select expression has exactly one".to_string(),
            "second default",
            "keep `*` on one of them only, usually `*[other]`",
        ),
        Kind::UnterminatedStringLiteral => unclosed_string(text, line_start, pos),
        Kind::UnknownEscapeSequence(_) => {
            let escape: String = text[pos..].chars().take(2).collect();
            here(
                format!("`{escape}` is not an escape: in `{{ \"…\" }}` only `\\\"`, `\\\\`, `\\uXXXX` and `\\UXXXXXX` are"),
                "unknown escape",
                "write the character itself in the text, or its code as `\\u00E9`",
            )
        }
        Kind::InvalidUnicodeEscapeSequence(code) => here(
            format!("`{}` is not a Unicode escape: `\\u` takes four hexadecimal digits (`\\u00A0`), `\\U` six (`\\U01F600`)", code.trim_end_matches('"')),
            "bad escape",
            "write the code with its hexadecimal digits, or the character itself",
        ),
        Kind::UnbalancedClosingBrace => here(
            "this `}` closes nothing: there is no `{` before it".to_string(),
            "nothing to close",
            "delete it; to show a brace as text, write `{ \"}\" }`",
        ),
        Kind::ExpectedInlineExpression => here(
            "this placeable has nothing in it that Fluent can show".to_string(),
            "empty placeable",
            "put a variable (`{ $name }`), a term (`{ -brand }`), a message (`{ other-id }`) or a text (`{ \"{\" }`) inside, or remove the braces",
        ),
        Kind::ExpectedSimpleExpressionAsSelector
        | Kind::MessageReferenceAsSelector
        | Kind::MessageAttributeAsSelector
        | Kind::TermReferenceAsSelector => here(
            "a select expression cannot choose on this: only on a variable, a term's attribute, a number or text, or a function".to_string(),
            "cannot choose on this",
            "choose on a variable (`{ $count -> …`) or a term's attribute (`{ -brand.gender -> …`), as the reference does",
        ),
        Kind::TermAttributeAsPlaceable => here(
            "a term's attribute (`{ -brand.gender }`) cannot be shown in the text: it is only for choosing variants".to_string(),
            "not shown",
            "show the term itself, `{ -brand }`, or choose on the attribute: `{ -brand.gender -> … }`",
        ),
        Kind::ForbiddenCallee => here(
            "only functions can be called, and their names are written in capitals".to_string(),
            "not a function",
            "write the function's name in capitals, as the reference does (`NUMBER($count)`, `DATETIME($date)`)",
        ),
        Kind::PositionalArgumentFollowsNamed => here(
            "a value without a name comes after a named one in this function call".to_string(),
            "out of order",
            "put the values without names first: `NUMBER($count, minimumFractionDigits: 2)`",
        ),
        Kind::DuplicatedNamedArgument(name) => here(
            format!("the argument `{name}` is given twice in this function call"),
            "given twice",
            "keep one of them",
        ),
        Kind::ExpectedLiteral => here(
            "a named argument takes a number or a text in quotes".to_string(),
            "not a literal",
            "write it as `style: \"percent\"` or `minimumFractionDigits: 2`",
        ),
        Kind::MissingValue => here("Fluent expected a value here".to_string(), "no value", GENERIC_HELP),
    }
}

/// `[key]` that is not a variant key: the key from its `[` to its `]` (or the line end).
fn variant_key(text: &str, line_start: usize, line: &str, pos: usize) -> Explained {
    let open = text[line_start..pos].rfind('[').map_or(pos, |i| line_start + i);
    // `pos` may be the line end itself (`\r\n`): the line's text ends no sooner than it.
    let line_end = (line_start + line.len()).max(open);
    let end = text[open..line_end].find(']').map_or(line_end, |i| open + i + 1);
    let key = text[open..end].trim_end_matches(']').trim_start_matches('[');
    Explained {
        at: open..open + 1,
        message: format!(
            "`[{key}]` is not a variant key: a key is one word in ASCII letters (`[one]`, `[other]`, `[masculine]`) or a number (`[0]`)"
        ),
        label: "not a variant key",
        help: "keep the key as it is in the reference; the words go in the variant's text, after `]`".to_string(),
    }
}

/// A string literal that its line ends before closing: point at its opening `"`.
fn unclosed_string(text: &str, line_start: usize, pos: usize) -> Explained {
    // The last `"` before the end of the line: the one nothing closes.
    let open = text[line_start..pos.max(line_start)].rfind('"').map_or(pos, |i| line_start + i);
    Explained {
        at: open..open + 1,
        message: "this `\"` starts a string literal that the line ends before closing".to_string(),
        label: "not closed",
        help: "add the closing `\"`: a string literal is on one line, `{ \"text\" }`".to_string(),
    }
}

/// For anything not named above: what always helps.
const GENERIC_HELP: &str =
    "compare the line with the same entry in the reference: the words may change, the `{ }`, `=`, `[ ]` and `*` may not";

/// The `{` still open at `pos`, counting from `from` (the start of the text the parser
/// gave up on), text in quotes inside placeables left out.
fn open_brace(text: &str, from: usize, pos: usize) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.get(from.min(pos)..pos)?.char_indices() {
        let i = from + i;
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' | '\n' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => open.push(i),
            '}' => {
                open.pop();
            }
            '"' if !open.is_empty() => in_string = true,
            _ => {}
        }
    }
    open.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first error of `text` explained: (line, column, message, help), with the
    /// position computed as the check computes it.
    fn first(text: &str) -> (usize, usize, String, String) {
        let Err((_, errors)) = fluent_syntax::parser::parse(text) else { panic!("{text:?} parses") };
        let error = &errors[0];
        let at = error.pos.start.min(text.len());
        let why = explain(text, error, at..error.pos.end.clamp(at, text.len()));
        let line = text[..why.at.start].matches('\n').count() + 1;
        let column = text[..why.at.start].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column, why.message, why.help)
    }

    #[track_caller]
    fn says(text: &str, (line, column): (usize, usize), message: &str, help: &str) {
        let got = first(text);
        assert_eq!((got.0, got.1), (line, column), "{text:?}: {got:?}");
        assert!(got.2.contains(message), "{text:?}: {got:?}");
        assert!(got.3.contains(help), "{text:?}: {got:?}");
    }

    #[test]
    fn a_tab_indent_is_explained() {
        says("a = Hi\n\t.title = T\nb = B\n", (2, 1), "a tab indents this line", "four spaces");
        says("a = Hello\n\tworld\n", (2, 1), "a tab indents this line", "four spaces");
        // The first line after `a =`: the parser only says `a` has no value.
        says("a =\n\tHello\nb = B\n", (2, 1), "a tab indents the line after `a =`", "four spaces");
        says("a =\n\u{A0}\u{A0}Hello\n", (2, 1), "a no-break space (U+00A0) indents", "plain spaces");
    }

    #[test]
    fn an_unindented_continuation_line_is_explained() {
        says("a = Hello\nworld and more\nb = B\n", (2, 1), "not part of `a`", "indent it");
        says("a = Xin chào\nthế giới\n", (2, 1), "not part of `a`", "indent it");
        says("a =\n    Hello\nthere: again\n", (3, 1), "not part of `a`", "indent it");
        says("a = Hi\n2025 was a year\n", (2, 1), "not part of `a`", "indent it");
        // After a blank line it is no continuation: a line without `=`.
        says("a = Hi\n\nHello world\n", (3, 7), "this line has no `=`", "id = text");
    }

    #[test]
    fn an_empty_value_is_explained() {
        says("a =\nb = B\n", (1, 1), "`a` has no value: nothing follows `=`", "write its text after `=`");
        says("a = \n", (1, 1), "`a` has no value", "{ \"\" }");
        says("-t =\nb = B\n", (1, 1), "`-t` has no value", "`-t = …`");
        says("-t =\n    .gender = x\n", (1, 1), "the term `-t` has attributes but no value", "`-t = …`");
        says("a = Hi\n    .title =\nb = B\n", (2, 5), "the attribute `.title` has no value", "delete the line");
    }

    #[test]
    fn a_missing_equals_sign_is_explained() {
        says("a: Hello\n", (1, 2), "`a:`: Fluent puts `=`", "`a = …`");
        says("tiêu-đề = Hello\n", (1, 3), "`ê` cannot be part of an id", "rename it");
        says("1a = Hello\n", (1, 1), "an id starts with an ASCII letter, not `1`", "rename it");
        says("a = Hi\n    .title Text\n", (2, 5), "the attribute `.title` needs `=` before its text", "`.title = …`");
        says(
            "a = Hi\n    .ti tle = Text\n",
            (2, 5),
            "`.ti` starts an attribute, but what follows is not `= text`",
            "`.name = text`",
        );
    }

    #[test]
    fn an_unclosed_brace_is_explained() {
        says("a = Lễ ký tại { -city\nb = B\n", (1, 15), "this `{` is never closed", "close it with `}`");
        says(
            "a = { $n ->\n    [one] x\n   *[other] y\nb = B\n",
            (1, 5),
            "select expression opened here is not closed",
            "after its last variant",
        );
        says("a = { $n\n   *[other] y\n}\n", (1, 5), "needs `->`", "{ $count ->");
        says("a = { \"}\" and { $x\n", (1, 5), "never closed", "`}`");
        says("a = Hello } world\n", (1, 11), "closes nothing", "{ \"}\" }");
        // Closed later on the line: the character met inside is the mistake.
        says("a = {1x}\n", (1, 7), "`x` cannot come here inside", "the reference");
        says("a = { $variable() }\n", (1, 16), "`(` cannot come here inside", "in capitals");
        says("a = { $variable() ->\n *[x] y\n}\n", (1, 16), "`(` cannot come here inside", "in capitals");
    }

    #[test]
    fn select_expression_mistakes_are_explained() {
        says(
            "a = { $n ->\n    [one two] x\n   *[other] y\n}\n",
            (2, 5),
            "`[one two]` is not a variant key",
            "keep the key",
        );
        says("a = { $n ->\n    [một] x\n   *[other] y\n}\n", (2, 5), "`[một]` is not a variant key", "keep the key");
        says("a = { $n ->\n    [one] x\n    [other] y\n}\n", (4, 1), "none of the variants is the default", "*[other]");
        says(
            "a = { $n ->\n   *[one] x\n   *[other] y\n}\n",
            (3, 5),
            "two variants are marked as the default",
            "keep `*`",
        );
        says("a = Hello\n    [link] x\n", (2, 5), "starts with `[`", "{ \"[\" }");
        says("a = Hello\n    * item\n", (2, 5), "starts with `*`", "{ \"*\" }");
        says("a = Hello\n    .5 percent\n", (2, 5), "starts with `.`", "{ \".\" }");
        says("a = { -t ->\n *[x] y\n}\n", (1, 10), "cannot choose on this", "variable");
    }

    #[test]
    fn literals_and_calls_are_explained() {
        says("a = { \"abc }\nb = B\n", (1, 7), "starts a string literal", "closing `\"`");
        says("a = { \"\\q\" }\n", (1, 8), "`\\q` is not an escape", "\\u00E9");
        says("a = { \"\\u00ZZ\" }\n", (1, 12), "`00Z` is not a Unicode escape", "hexadecimal");
        says("a = { number($n) }\n", (1, 17), "names are written in capitals", "NUMBER($count)");
        says("a = { NUMBER(x: 1, $n) }\n", (1, 22), "comes after a named one", "first");
        says("a = { NUMBER($n, x: 1, x: 2) }\n", (1, 25), "`x` is given twice", "keep one");
        says("a = { }\n", (1, 7), "nothing in it", "remove the braces");
        says("a = { -t.attr }\n", (1, 15), "cannot be shown in the text", "{ -brand }");
    }

    #[test]
    fn the_spec_fixtures_mistakes_are_explained() {
        says("#error\n", (1, 2), "a comment's `#` is followed by a space", "put a space");
        says("a = { $sel -> }\n", (1, 15), "variants of a select expression start on the line after `->`", "then `}`");
        says("key02\t= Value 02\n", (1, 6), "a tab stands between `key02` and `=`", "plain spaces");
        says("bracket-newline =\n    [Value]\n", (2, 5), "starts with `[`", "{ \"[\" }");
        says("a = {$}\n", (1, 7), "a variable's name starts with an ASCII letter", "{ $name }");
        says("a = {-}\n", (1, 7), "a term's name (or a negative number) follows `-`", "{ -brand }");
        says("a = { -é }\n", (1, 8), "a term's name (or a negative number) follows `-`", "{ -brand }");
        says("a = { $s ->\n   *[😂] V\n}\n", (2, 5), "`[😂]` is not a variant key", "keep the key");
        says("# c\n}\n", (2, 1), "this `}` closes nothing", "delete it");
        says("a = {1.}\n", (1, 8), "Fluent expected a digit here", "`1.5`");
        says("a = { \"x\" } and { \"abc\nb = B\n", (1, 19), "starts a string literal", "closing");
    }

    #[test]
    fn explaining_never_panics_on_odd_text() {
        // Every prefix of broken files, cut anywhere (multi-byte letters, CR LF, the end
        // of the text right after the error), with LF and with CR LF line ends.
        let broken = [
            "tiêu-đề = Xin chào { $n ->\r\n\t[một] x\r\n  *[other] “y”\r\nthế giới\n-t =\n    .a =\n{ \"\\u00ZZ",
            "a = { $n ->\n    [one two] x\n    [một\n   *[other] { \"ab\n}\n#x\nb = {1x} { $v() } }\n",
            "a = Hello\n\tworld\nb =\n\u{A0}x\nc: y\nd\t= z\ne = { -é } {$} { -t.a } { number($n) }\n   .5\n",
            "a = { NUMBER(x: 1, $n) } { NUMBER($n, x: 1, x: 2) } { } { \"\\q\" } {-}\n}\nf = { $s -> }\n",
        ];
        let crlf: Vec<String> = broken.iter().map(|t| t.replace('\n', "\r\n")).collect();
        for broken in broken.iter().copied().chain(crlf.iter().map(String::as_str)) {
            for (end, _) in broken.char_indices() {
                let text = &broken[..end];
                if let Err((_, errors)) = fluent_syntax::parser::parse(text) {
                    for error in &errors {
                        let at = error.pos.start.min(text.len());
                        let why = explain(text, error, at..error.pos.end.clamp(at, text.len()));
                        assert!(why.at.start <= text.len() && !why.message.is_empty(), "{text:?}");
                    }
                }
            }
        }
    }
}
