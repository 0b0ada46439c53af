//! The file system: atomic writes ([`atomic`]), the project's write lock, a token that
//! writes the project's files ([`write_lock`]), and walking folders ([`walk`]).

pub mod atomic;
pub mod walk;
pub mod write_lock;

pub use atomic::write_atomically;
pub use write_lock::WriteLock;
