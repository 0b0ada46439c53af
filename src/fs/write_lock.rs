//! The project's write lock, passed as a token: whoever holds a [`WriteLock`] may write
//! the project's files, through it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Proof that this process may write the project's files: an exclusive lock on
/// `.songngu/lock`, held until dropped. Two songngu runs that write the same project (two
/// `accept`s, an `import` during a `sync`) take turns instead of losing each other's
/// records. The system releases the lock when the process ends, even when it is killed.
#[derive(Debug)]
pub struct WriteLock {
    pub(crate) path: PathBuf,
    /// The project's root, resolved: what its files' symbolic links may lead into.
    pub(crate) root: PathBuf,
    /// `None` for a lock this process already held (see [`Project::write_lock`]).
    pub(crate) file: Option<std::fs::File>,
}

/// The lock files this process holds, with how many [`WriteLock`]s share each: a writer
/// that calls another writer must not wait for itself.
pub(crate) static HELD: std::sync::Mutex<BTreeMap<PathBuf, usize>> = std::sync::Mutex::new(BTreeMap::new());

impl WriteLock {
    /// Writes one of the project's files atomically ([`super::atomic::write_atomically`]);
    /// a symbolic link is written through only when it leads into the project.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        super::atomic::write_within(Some(&self.root), path, bytes)
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = held.get_mut(&self.path) {
            *count -= 1;
            if *count == 0 {
                held.remove(&self.path);
            }
        }
        // Closing the file releases the lock.
        drop(self.file.take());
    }
}
