//! What apps load: `build` ([`build`]) writes one folder per locale and a manifest
//! ([`manifest`]); [`runtime`] loads them back for Rust apps, and [`document`] puts an
//! announcement together as readers see it (`songngu render`).

pub mod build;
pub mod document;
pub mod manifest;
pub mod runtime;
