//! What the command-line tests share: running the real binary in a folder, and writing
//! and reading the files of a test project.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `songngu ARGS` in `dir`, without color.
pub fn songngu(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_songngu")).current_dir(dir).args(args).env("NO_COLOR", "1").output().unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The standard output of a run that must succeed.
pub fn ok(out: Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    stdout(&out)
}

pub fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}
