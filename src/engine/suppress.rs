//! `# songngu-allow: CODE[, CODE…]` in an entry's own comment: those codes are silenced
//! for that entry, in every locale when the comment is in the reference file, in that
//! locale only when it is in a translation. A silenced finding is dropped where
//! `[severity]` is applied, before anything counts it, so it is gone from the states,
//! `status`, the summaries and the exit code alike: `off`, for one entry.
//!
//! A resource's own findings are silenced as it is checked ([`silence`]); the findings
//! across a locale's files (duplicates, unknown references, loops), once they are all
//! known, by the file they are in ([`silence_across`]). A code that silenced nothing in
//! either is then reported (`unused-suppression`, [`unused`]).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::ftl::model::FileModel;
use crate::project::Project;

/// One code named by an entry's `# songngu-allow:` line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Allow {
    pub resource: String,
    /// The locale of the file the line is in.
    pub locale: String,
    /// Whether that file is the resource's reference: then every locale is silenced.
    pub in_reference: bool,
    /// The file as shown, and where the code is written in it.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub span: (usize, usize),
    /// The entry whose comment it is.
    pub id: String,
    pub code: String,
    /// Whether it silenced a finding.
    pub used: bool,
}

/// Every known code named by an entry's `# songngu-allow:` line in a resource's files
/// (a name that is no code silences nothing: the `unused-suppression` check warns of it).
/// Empty for nearly every resource.
pub(crate) fn gather(resource: &str, reference_locale: &str, models: &[FileModel<'_>]) -> Vec<Allow> {
    let mut allows = Vec::new();
    for model in models {
        let file = model.file;
        for entry in model.entries.iter().filter(|e| e.comment.is_some()) {
            for code in entry.allowed_codes().filter(|c| crate::checks::find(c).is_some()) {
                let at = file.offset_of(code);
                let (line, column) = file.position(at);
                allows.push(Allow {
                    resource: resource.to_string(),
                    locale: file.locale.to_string(),
                    in_reference: *file.locale == *reference_locale,
                    file: file.display.to_string(),
                    line,
                    column,
                    span: (at, at + code.len()),
                    id: entry.id.to_string(),
                    code: code.to_string(),
                    used: false,
                });
            }
        }
    }
    allows
}

/// Drops the findings of one resource that its entries' comments silence, and marks
/// the lines that silenced something.
pub(crate) fn silence(found: &mut Vec<Diagnostic>, allows: &mut [Allow]) {
    if allows.is_empty() {
        return;
    }
    let by_id = by_id(allows);
    found.retain(|d| !silenced(d, &by_id, allows, |_| true));
}

/// Drops the findings across a locale's files that the comments of their entries
/// silence: a finding is in a file of one resource, whose `allows` (of any resource:
/// the few the project has) apply to it as to the resource's own findings.
pub(crate) fn silence_across(project: &Project, found: &mut Vec<Diagnostic>, allows: &mut [Allow]) {
    if allows.is_empty() || found.is_empty() {
        return;
    }
    // The files (as shown) of every resource that has a line, in every locale.
    let mut resource_of: HashMap<String, &str> = HashMap::new();
    let resources: Vec<String> = allows.iter().map(|a| a.resource.clone()).collect();
    for resource in &resources {
        for locale in &project.config.locales {
            resource_of.insert(project.display_path(locale, resource), resource);
        }
    }
    let by_id = by_id(allows);
    found.retain(|d| match resource_of.get(&*d.file) {
        Some(resource) => !silenced(d, &by_id, allows, |a| a.resource == *resource),
        None => true,
    });
}

/// The lines by the id of their entry.
fn by_id(allows: &[Allow]) -> HashMap<String, Vec<usize>> {
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    for (n, allow) in allows.iter().enumerate() {
        by_id.entry(allow.id.clone()).or_default().push(n);
    }
    by_id
}

/// Whether a line silences `d` (and, if so, marks every line that does as used):
/// one of its entry, for its code, in the reference or in `d`'s locale.
fn silenced(
    d: &Diagnostic,
    by_id: &HashMap<String, Vec<usize>>,
    allows: &mut [Allow],
    same_resource: impl Fn(&Allow) -> bool,
) -> bool {
    let Some(lines) = d.id.as_deref().and_then(|id| by_id.get(id)) else { return false };
    let mut silenced = false;
    for &n in lines {
        let allow = &mut allows[n];
        if allow.code == d.code && (allow.in_reference || *allow.locale == *d.locale) && same_resource(allow) {
            allow.used = true;
            silenced = true;
        }
    }
    silenced
}

/// An `unused-suppression` finding for each code that silenced nothing.
pub(crate) fn unused(allows: &[Allow]) -> Vec<Diagnostic> {
    allows.iter().filter(|a| !a.used).map(crate::checks::unused_suppression::unused).collect()
}
