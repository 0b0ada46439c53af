//! Walking a folder for files by name, links followed and loops refused.

use std::path::{Path, PathBuf};

use crate::error::Error;

/// Every file under the folder `dir` whose name ends with `suffix`, in name order. Hidden
/// files and folders (`.git`, an editor's `.#news.ftl` lock link) are not looked at.
/// Symbolic links are followed; a link loop, or a link to nothing named like a wanted
/// file, stops the run with an error naming it, rather than hanging the walk or hiding
/// the file.
pub fn files_under(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    walk(dir, &[suffix], &mut |folder, _, name| found.push(folder.join(name)))?;
    found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(found)
}

/// What a folder holds, as a walk tells it apart: a link is looked at where it is met.
enum Kind {
    File,
    Folder,
    Link,
    Other,
}

/// A folder's identity, to know a link that leads back into a folder being walked.
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = PathBuf;

/// The identity of the folder at `path`, of which `meta` is what the system says.
fn folder_id(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<FolderId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Ok((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        std::fs::canonicalize(path)
    }
}

/// The walk behind [`files_under`] and [`Project::resources_and_locks`]: every file under
/// the folder `dir` whose name ends with one of `suffixes` is told to `found` as (the
/// folder it is in, that folder relative to `dir` as `a/b/` with `/`, its name), in no
/// particular order. Hidden files and folders are not looked at. Each folder is read once,
/// with the kind of each entry as the folder listing gives it (no question to the system
/// per file), and closed before the folders in it are read. Symbolic links are followed:
/// a link to a folder is walked (with every link under it) as a walk of its own, which
/// stops with an error at a link that leads back to a folder of that walk. A failure on
/// something whose name is not wanted (a folder that cannot be read, a link to nothing
/// named `notes.txt`) is passed over.
///
/// Written by hand rather than with walkdir, which makes a path for every entry and a
/// sorted walk compares them: in a locale folder of 40,000 files that cost more than the
/// system's reading of the folder.
pub(crate) fn walk(
    dir: &Path,
    suffixes: &[&str],
    found: &mut dyn FnMut(&Path, &str, &std::ffi::OsStr),
) -> Result<(), Error> {
    let hidden = |name: &std::ffi::OsStr| name.as_encoded_bytes().starts_with(b".");
    let wanted = |name: &std::ffi::OsStr| suffixes.iter().any(|s| name.as_encoded_bytes().ends_with(s.as_bytes()));
    let passed_over = |path: &Path| path.file_name().is_some_and(|name| hidden(name) || !wanted(name));
    /// A folder still to read: its path, its relative name, whether it is in a followed
    /// link, and then the folder it is in (in `ancestors`).
    struct Pending {
        path: PathBuf,
        prefix: String,
        following: bool,
        parent: Option<usize>,
    }
    // The folders of followed links read so far: (identity, path, the folder it is in).
    let mut ancestors: Vec<(FolderId, PathBuf, Option<usize>)> = Vec::new();
    let mut pending = vec![Pending { path: dir.to_path_buf(), prefix: String::new(), following: false, parent: None }];
    let mut folders = Vec::new();
    while let Some(folder) = pending.pop() {
        let this = if folder.following {
            match std::fs::metadata(&folder.path).and_then(|meta| folder_id(&folder.path, &meta)) {
                Ok(id) => ancestors.push((id, folder.path.clone(), folder.parent)),
                Err(_) if passed_over(&folder.path) => continue,
                Err(e) => return Err(walk_failure(&folder.path, e)),
            }
            Some(ancestors.len() - 1)
        } else {
            None
        };
        folders.clear();
        let listed = read_folder(&folder.path, &mut |name, kind| {
            if hidden(name) {
                return Ok(());
            }
            let kind = match kind {
                Ok(kind) => kind,
                Err(_) if !wanted(name) => return Ok(()),
                Err(e) => return Err(walk_failure(&folder.path.join(name), e)),
            };
            match kind {
                Kind::File if wanted(name) => found(&folder.path, &folder.prefix, name),
                Kind::Folder => folders.push((name.to_os_string(), folder.following)),
                Kind::Link => {
                    let path = folder.path.join(name);
                    match std::fs::metadata(&path) {
                        Ok(meta) if meta.is_dir() => {
                            let id = folder.following.then(|| folder_id(&path, &meta).ok()).flatten();
                            if let Some(id) = id {
                                let mut up = this;
                                while let Some(n) = up {
                                    let (ancestor, ancestor_path, parent) = &ancestors[n];
                                    if *ancestor == id {
                                        return Err(Error::Usage(format!(
                                            "{}: a symbolic link loop (it leads back to {}): remove the link",
                                            path.display(),
                                            ancestor_path.display()
                                        )));
                                    }
                                    up = *parent;
                                }
                            }
                            folders.push((name.to_os_string(), true));
                        }
                        Ok(meta) if meta.is_file() && wanted(name) => found(&folder.path, &folder.prefix, name),
                        Ok(_) => {}
                        Err(e) if wanted(name) => return Err(walk_failure(&path, e)),
                        Err(_) => {}
                    }
                }
                Kind::File | Kind::Other => {}
            }
            Ok(())
        });
        match listed {
            Ok(()) => {}
            Err(Listing::Stopped(e)) => return Err(e),
            Err(Listing::Failed(_)) if passed_over(&folder.path) => {}
            Err(Listing::Failed(e)) => return Err(walk_failure(&folder.path, e)),
        }
        for (name, following) in folders.drain(..).rev() {
            pending.push(Pending {
                path: folder.path.join(&name),
                prefix: format!("{}{}/", folder.prefix, name.to_string_lossy()),
                following,
                // A followed link starts a walk of its own when met outside one.
                parent: this,
            });
        }
    }
    Ok(())
}

/// What [`read_folder`] tells of each entry: its name and kind (or why its kind is not
/// known); an error stops the listing.
type EachEntry<'a> = dyn FnMut(&std::ffi::OsStr, std::io::Result<Kind>) -> Result<(), Error> + 'a;

/// Why [`read_folder`] stopped: the folder could not be read, or the walk stopped it.
enum Listing {
    Failed(std::io::Error),
    Stopped(Error),
}

/// Tells `each` the name and kind of every entry of a folder (`.` and `..` too, which are
/// hidden), straight from the folder's listing, without a `String` or a path per entry;
/// the kind is asked of the system only when the listing does not say it.
#[cfg(target_os = "linux")]
fn read_folder(dir: &Path, each: &mut EachEntry<'_>) -> Result<(), Listing> {
    use rustix::fs::{open, FileType, Mode, OFlags, RawDir};
    use std::os::unix::ffi::OsStrExt;
    let fd = open(dir, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())
        .map_err(|e| Listing::Failed(e.into()))?;
    // Room for hundreds of entries per call; a name is at most 255 bytes.
    let mut buf = Vec::with_capacity(1 << 16);
    let mut entries = RawDir::new(&fd, buf.spare_capacity_mut());
    while let Some(entry) = entries.next() {
        let entry = entry.map_err(|e| Listing::Failed(e.into()))?;
        let name = std::ffi::OsStr::from_bytes(entry.file_name().to_bytes());
        let kind = match entry.file_type() {
            FileType::RegularFile => Ok(Kind::File),
            FileType::Directory => Ok(Kind::Folder),
            FileType::Symlink => Ok(Kind::Link),
            FileType::Unknown if !name.as_bytes().starts_with(b".") => {
                std::fs::symlink_metadata(dir.join(name)).map(|meta| kind_of(meta.file_type()))
            }
            _ => Ok(Kind::Other),
        };
        each(name, kind).map_err(Listing::Stopped)?;
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn read_folder(dir: &Path, each: &mut EachEntry<'_>) -> Result<(), Listing> {
    for entry in std::fs::read_dir(dir).map_err(Listing::Failed)? {
        let entry = entry.map_err(Listing::Failed)?;
        each(&entry.file_name(), entry.file_type().map(kind_of)).map_err(Listing::Stopped)?;
    }
    Ok(())
}

fn kind_of(kind: std::fs::FileType) -> Kind {
    if kind.is_file() {
        Kind::File
    } else if kind.is_dir() {
        Kind::Folder
    } else if kind.is_symlink() {
        Kind::Link
    } else {
        Kind::Other
    }
}

/// A failed step of a folder walk at `path` as one line naming it.
fn walk_failure(path: &Path, io: std::io::Error) -> Error {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match io.kind() {
        std::io::ErrorKind::NotFound if is_link => Error::Usage(format!(
            "{}: a symbolic link that leads nowhere ({io}): remove the link or fix its target",
            path.display()
        )),
        _ if is_link => Error::Usage(format!(
            "{}: a symbolic link to something that cannot be read ({io}): fix its target or its permissions",
            path.display()
        )),
        _ => Error::io(path, io),
    }
}
