//! `orphaned-resource`: a resource `ingest` made from an announcement that is no longer
//! in `source/`.

use super::{Check, CheckInfo, GroupCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ftl::model::FileModel;

pub struct OrphanedResource;

static INFO: CheckInfo = CheckInfo {
    code: "orphaned-resource",
    severity: Severity::Warning,
    summary: "a resource ingested from an announcement that is no longer in source/",
    doc: "\
## What it finds
A resource that `songngu ingest` made from an announcement in `source/` (for example
`locales/vi/press-conference.ftl` from `source/press-conference.md`), while that
announcement is not there any more: deleted, renamed, or moved to another folder. It is
reported once in each language's file of the resource, at its first line.

A resource counts as made from an announcement when its file in the language it was
written in starts with ingest's note (`### Written by `songngu ingest` from …`), or has
ingest's ids: `<name>-title` together with `<name>-date`, `<name>-p1`… or `<name>-h1`….
Resources written by hand, such as the shared terms in `shared.ftl`, never had an
announcement and are never reported; nor is anything in a project without a `source/`
folder.

## Why it matters
The announcement is where its text is edited and where its language is written
(`lang`). Without it, nobody can update the resource through `ingest`, and the texts
are still published by `build` although the newsroom may have meant to withdraw them.
The language each file is in is still known from the files themselves (the translation
records beside the translations), so the other checks keep comparing in the same
direction.

## Example
`source/press-conference.md` was deleted, but `locales/vi/press-conference.ftl`,
`locales/en/press-conference.ftl` and `locales/en/press-conference.ftl.lock` are still
there.

## How to fix
If the announcement is still wanted, restore it in `source/` (from version control, for
example `git restore source/press-conference.md`) under the same name. If it was renamed,
rename its resource files and their `.ftl.lock` files the same way. If it was withdrawn,
remove its file in every language and the `.ftl.lock` files beside them.",
};

impl Check for OrphanedResource {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_group(&self, cx: &GroupCx<'_, '_>, out: &mut Vec<Diagnostic>) {
        let (Some(announcement), Some(reference)) = (cx.gone_announcement, cx.reference) else {
            return;
        };
        if !made_by_ingest(reference, cx.resource) {
            return;
        }
        let files: Vec<&FileModel<'_>> =
            std::iter::once(reference).chain(cx.targets.iter().filter_map(|(_, file)| *file)).collect();
        let shown: Vec<String> = files.iter().map(|f| f.file.display.to_string()).collect();
        let gone = match announcement.rsplit_once('/') {
            Some((folder, _)) => format!("which is no longer in {folder}/"),
            // `source_dir = "."`: announcements at the root.
            None => String::from("which is no longer there"),
        };
        let help = format!(
            "restore {announcement} if the announcement is still wanted; to drop it, remove {}, with any .ftl.lock beside them",
            super::list(&shown)
        );
        for file in files {
            let message = if std::ptr::eq(file, reference) {
                format!("ingested from {announcement}, {gone}")
            } else {
                format!("translates {}, ingested from {announcement}, {gone}", reference.file.display)
            };
            out.push(INFO.at(file.file, 0..0, None, message).label("orphaned").help(help.clone()));
        }
    }
}

/// Whether the reference file of `resource` was made by `ingest`. Two signs, either is
/// enough:
/// - ingest's header, written when ingest creates the file. Reliable, but a person may
///   delete it, and files made before ingest wrote it (the shipped announcements) lack it.
/// - ingest's ids: `<slug>-title`, which every announcement has (its title is required),
///   with at least one more id of ingest's shape (`<slug>-date`, `-p<N>`, `-h<N>`). The
///   title alone is not enough: resources written by hand name a title that way too
///   (Firefox's `aboutDialog.ftl` has `aboutDialog-title`, and nothing like `-p1`).
///
/// Comparing the text with the lost announcement is impossible, and the check cache
/// keeps nothing of it: the files are all there is.
fn made_by_ingest(reference: &FileModel<'_>, resource: &str) -> bool {
    if crate::commands::ingest::carries_header(&reference.file.text) {
        return true;
    }
    let stem = resource.strip_suffix(".ftl").unwrap_or(resource);
    let slug = stem.rsplit('/').next().unwrap_or(stem);
    let title = format!("{slug}-title");
    reference.contains(&title)
        && reference.keys().any(|key| key != title && crate::commands::ingest::managed_id(slug, key).is_some())
}
