//! Translation records: what the reference said when each translation was accepted (the
//! `.ftl.lock` files, [`lockfile`]), and how a reference changed since ([`drift`]).

pub mod drift;
pub mod lockfile;
