//! Writing a file so that readers see either the old or the new bytes, never a mix.

use std::path::Path;

use crate::error::Error;

/// Replaces a file's content so that readers see either the old or the new bytes, never
/// a mix: write a temporary file beside it, flush it to disk, rename it over. A missing
/// folder is created.
///
/// For a file the user named (`export -o`, `tmx -o`, `report --html`): it may be anywhere.
/// A project's own files are written with [`WriteLock::write`], which also refuses a link
/// out of the project.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_within(None, path, bytes)
}

/// [`write_atomically`], refusing a symbolic link that leads outside `root`.
pub(crate) fn write_within(root: Option<&Path>, path: &Path, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    // A symbolic link is written through, not replaced by a file of its own; but while a
    // project is being written, never to a file outside it (a cloned repository must not
    // make `sync` append to `~/.ssh/authorized_keys`).
    let real;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            real = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
            if root.is_some_and(|root| !real.starts_with(root)) {
                return Err(Error::Usage(format!(
                    "{}: a symbolic link to {}, outside the project: songngu does not write there",
                    path.display(),
                    real.display()
                )));
            }
            real.as_path()
        }
        _ => path,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    // The replaced file keeps its permissions; a new one gets the usual 0666 less the
    // umask, not the 0600 of a temporary file.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => default_permissions(),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(crate::project::TEMP_PREFIX);
    if let Some(p) = permissions {
        builder.permissions(p);
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Exactly the old mode, whatever the umask.
        tmp.as_file().set_permissions(meta.permissions()).map_err(|e| Error::io(path, e))?;
    }
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}
