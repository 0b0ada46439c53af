//! What a report shows of a check: some resources only (`check news.ftl`), or no infos
//! (`--quiet`). The check itself always reads the whole project, so what is judged across
//! files (a duplicate id, a reference to a term of another file) stays right; only the
//! report is narrowed: its findings, its counts and so its exit code.

use std::path::{Path, PathBuf};

use crate::diagnostic::Severity;
use crate::engine::run::CheckReport;
use crate::error::Error;
use crate::project::Project;

/// The resources (`news.ftl`, `sub/a.ftl`) that `names` mean, in their order, each once.
/// A name is a file of a locale (`locales/vi/news.ftl`, from the current folder `cwd` or
/// from the project's root), a resource (`news.ftl`), an announcement's slug (`news`) or
/// file (`source/news.md`). A name that is none of these, or whose resource no locale
/// has, is refused with the ways to name one.
pub fn resolve(project: &Project, cwd: &Path, names: &[String]) -> Result<Vec<String>, Error> {
    let mut resources: Vec<String> = Vec::new();
    for name in names {
        let resource = resolve_one(project, cwd, name).ok_or_else(|| {
            Error::Usage(format!(
                "`{name}` is not a file, resource or announcement of this project \
                 (name one as {}, news.ftl or news)",
                project.display_path(&project.config.reference, "news.ftl")
            ))
        })?;
        if !resources.contains(&resource) {
            resources.push(resource);
        }
    }
    Ok(resources)
}

fn resolve_one(project: &Project, cwd: &Path, name: &str) -> Option<String> {
    let exists = |resource: &str| project.config.locales.iter().any(|l| project.file_path(l, resource).is_file());
    // A file on disk, as the shell completes it: from here, then from the root (the
    // paths `check` shows).
    for path in [cwd.join(name), project.root.join(name)] {
        if let Some(resource) = resource_at(project, &path) {
            return exists(&resource).then_some(resource);
        }
    }
    let name = name.replace('\\', "/");
    // A resource is a path inside each locale's folder, never above it.
    if name.split('/').any(|part| part == "..") {
        return None;
    }
    if name.ends_with(".ftl") && exists(&name) {
        return Some(name);
    }
    let slug = format!("{}.ftl", name.strip_suffix(".md").unwrap_or(&name));
    exists(&slug).then_some(slug)
}

/// The resource of a file on disk: `news.ftl` for `…/locales/vi/news.ftl`, or for the
/// announcement `…/source/news.md`; `None` for anything else.
fn resource_at(project: &Project, path: &Path) -> Option<String> {
    let path = path.canonicalize().ok().filter(|p| p.is_file())?;
    let under = |dir: PathBuf| -> Option<String> {
        let rest = path.strip_prefix(dir.canonicalize().ok()?).ok()?;
        let parts: Vec<String> = rest.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        Some(parts.join("/"))
    };
    for locale in &project.config.locales {
        if let Some(resource) = under(project.locale_dir(locale)).filter(|r| r.ends_with(".ftl")) {
            return Some(resource);
        }
    }
    let announcement = under(project.source_dir())?;
    Some(format!("{}.ftl", announcement.strip_suffix(".md")?))
}

impl CheckReport {
    /// Keeps only what is about `resources` (all when empty): the findings in their
    /// files in every locale, and their counts.
    pub fn narrow_to(&mut self, project: &Project, resources: &[String]) {
        if resources.is_empty() {
            return;
        }
        let files: std::collections::HashSet<String> = resources
            .iter()
            .flat_map(|r| project.config.locales.iter().map(move |l| project.display_path(l, r)))
            .collect();
        self.diagnostics.retain(|d| files.contains(&*d.file));
        for (_, statuses) in &mut self.locales {
            statuses.retain(|s| resources.contains(&s.resource));
        }
        self.focus = resources.to_vec();
    }

    /// Leaves out the infos (`--quiet`), counting how many: the summary then counts what
    /// is shown, and says how many were left out.
    pub fn hide_infos(&mut self) {
        let before = self.diagnostics.len();
        self.diagnostics.retain(|d| d.severity != Severity::Info);
        self.hidden_infos += before - self.diagnostics.len();
    }
}
