//! Writes are atomic: `accept`, `ingest`, `sync`, `build` and `import` are killed with
//! SIGKILL at many moments of their run, and every file they touch is then found either
//! as it was or as a full run writes it, never truncated or half-written; running the
//! command again finishes the job and leaves nothing behind. And two `accept` runs at once
//! take turns on the project's write lock, so neither loses the other's records.
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{copy_tree, say, shipped_project, write};

/// How many announcements the test project has besides the shipped five: enough that
/// every command runs for a while, so kills land in the middle of its writes.
const COPIES: usize = 24;
const TRIALS: usize = 16;

type Tree = BTreeMap<PathBuf, Vec<u8>>;

/// Every file under `dir`, by relative path.
fn tree(dir: &Path) -> Tree {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// What songngu may leave behind when it is killed, and removes on its next write: its
/// write lock, a temporary file, a build folder that was never swapped in.
fn is_songngu_scratch(path: &Path) -> bool {
    path.starts_with(".songngu")
        || path.components().any(|c| {
            let c = c.as_os_str().to_string_lossy();
            c.starts_with(".songngu-tmp-") || c.starts_with(".dist.songngu-build-")
        })
}

fn songngu(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_songngu"));
    command.current_dir(dir).args(args).env("NO_COLOR", "1");
    command
}

fn run_ok(dir: &Path, args: &[&str]) {
    let out = songngu(dir, args).output().unwrap();
    assert!(
        out.status.success(),
        "songngu {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The shipped content and `COPIES` more announcements, ingested, translated (the
/// Vietnamese is the English with a marker, enough for these tests) and accepted.
/// (Its translations are the English texts with Hanoi written the Vietnamese way: copies
/// that the guarded `accept` would leave, recorded anyway with `--force`; this file is
/// about writes, not about the guard.)
fn base_project() -> tempfile::TempDir {
    let dir = shipped_project();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let announcement = std::fs::read_to_string(root.join("source/signing-opens.md")).unwrap();
    for k in 0..COPIES {
        write(dir.path(), &format!("source/copy{k}.md"), &announcement.replace("Hanoi", &format!("Hanoi {k}")));
    }
    run_ok(dir.path(), &["ingest"]);
    for k in 0..COPIES {
        let en = common::read(dir.path(), &format!("locales/en/copy{k}.ftl"));
        write(dir.path(), &format!("locales/vi/copy{k}.ftl"), &en.replace("Hanoi", "Hà Nội"));
    }
    run_ok(dir.path(), &["accept", "vi", "--all", "--force"]);
    dir
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Kills `args` at `TRIALS` moments spread over its run on copies of `before`, and checks
/// each state it leaves. Returns how many kills landed in the middle of its writes.
fn kill_at_random_moments(name: &str, before: &Path, args: &[&str], seed: u64) -> usize {
    // What a full run writes.
    let full = tempfile::tempdir().unwrap();
    copy_tree(before, full.path());
    let started = Instant::now();
    run_ok(full.path(), args);
    let duration = started.elapsed();
    let old = tree(before);
    let new: Tree = tree(full.path()).into_iter().filter(|(p, _)| !is_songngu_scratch(p)).collect();
    assert_ne!(old, new, "{name}: the full run changed nothing, so this test would prove nothing");

    let mut rng = Rng(seed);
    let mut in_the_middle = 0;
    // Most of a run is reading and checking; the writes come at the end. The first kills
    // are spread over the whole run, the later ones between the latest that found nothing
    // written and the earliest that found everything written, closing in on the writes.
    let (mut nothing_yet, mut all_done) = (Duration::ZERO, duration.mul_f64(1.2));
    // On a busy machine the moments of writing are hard to hit (the run is quick, the
    // writes quicker, a kill's timing less sure): up to six times as many tries until one
    // kill lands in the middle of the writes.
    let mut trial = 0;
    while trial < TRIALS || (in_the_middle == 0 && trial < 6 * TRIALS) {
        trial += 1;
        let work = tempfile::tempdir().unwrap();
        copy_tree(before, work.path());
        let delay = if trial <= 4 {
            duration.mul_f64(rng.unit() * 1.2)
        } else {
            nothing_yet + (all_done.saturating_sub(nothing_yet)).mul_f64(rng.unit())
        };
        let mut child = songngu(work.path(), args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();

        let now = tree(work.path());
        let context = format!("{name}, trial {trial} (seed {seed}), killed after {delay:?} of a {duration:?} run");
        let mut changed = 0;
        let mut unchanged = 0;
        for (path, bytes) in &now {
            if is_songngu_scratch(path) {
                continue;
            }
            let was = old.get(path);
            let will = new.get(path);
            assert!(
                Some(bytes) == was || Some(bytes) == will,
                "{context}: {} is neither as it was nor as a full run writes it ({} bytes; was {:?}, full run {:?})",
                path.display(),
                bytes.len(),
                was.map(Vec::len),
                will.map(Vec::len)
            );
            if was != will {
                if Some(bytes) == will {
                    changed += 1;
                } else {
                    unchanged += 1;
                }
            }
        }
        for path in old.keys().filter(|p| new.contains_key(*p)) {
            // A file both before and after the run is never missing in between (a build
            // swaps folders, but `dist` is never without its manifest).
            assert!(now.contains_key(path), "{context}: {} is missing", path.display());
        }
        // A build is swapped in whole: its files are all old or all new.
        let dist: Vec<_> = now.keys().filter(|p| p.starts_with("dist")).collect();
        if !dist.is_empty() {
            let all_new = dist.iter().all(|p| now.get(*p) == new.get(*p));
            let all_old = dist.iter().all(|p| now.get(*p) == old.get(*p));
            assert!(all_new || all_old, "{context}: dist/ mixes two builds");
        }
        let scratch = now.keys().any(|p| is_songngu_scratch(p) && !p.starts_with(".songngu"));
        let created = new.keys().filter(|p| !old.contains_key(*p) && now.contains_key(*p)).count();
        if (changed + created > 0 && unchanged > 0) || scratch {
            in_the_middle += 1;
        } else if changed + created == 0 {
            nothing_yet = nothing_yet.max(delay);
        } else {
            all_done = all_done.min(delay);
        }

        // Running it again (a few minutes later: what is left is older than any write in
        // progress) finishes the job and cleans up.
        let minutes_ago = std::time::SystemTime::now() - Duration::from_secs(180);
        for path in now.keys().filter(|p| is_songngu_scratch(p)) {
            let file = std::fs::File::options().write(true).open(work.path().join(path)).unwrap();
            file.set_modified(minutes_ago).unwrap();
        }
        run_ok(work.path(), args);
        let after: Tree = tree(work.path()).into_iter().filter(|(p, _)| !p.starts_with(".songngu")).collect();
        let leftovers: Vec<_> = after.keys().filter(|p| is_songngu_scratch(p)).collect();
        assert!(leftovers.is_empty(), "{context}: a second run left {leftovers:?}");
        assert!(after == new, "{context}: a second run did not reach what a full run writes");
    }
    say(&format!("{name}: {trial} kills, {in_the_middle} in the middle of its writes; full run {duration:?}"));
    in_the_middle
}

#[test]
fn accept_killed_at_any_moment_leaves_whole_files() {
    let base = base_project();
    // Nothing accepted yet: accept --all writes every lock.
    for path in tree(base.path()).keys().filter(|p| p.to_string_lossy().ends_with(".lock")) {
        std::fs::remove_file(base.path().join(path)).unwrap();
    }
    assert!(kill_at_random_moments("accept", base.path(), &["accept", "vi", "--all", "--force"], 0x5eed_0001) > 0);
}

#[test]
fn ingest_killed_at_any_moment_leaves_whole_files() {
    let base = base_project();
    for k in 0..COPIES {
        let path = format!("source/copy{k}.md");
        let text = common::read(base.path(), &path);
        write(base.path(), &path, &format!("{text}\nA paragraph added later, number {k}.\n"));
    }
    assert!(kill_at_random_moments("ingest", base.path(), &["ingest"], 0x5eed_0002) > 0);
}

#[test]
fn sync_killed_at_any_moment_leaves_whole_files() {
    let base = base_project();
    for k in 0..COPIES {
        let path = format!("locales/vi/copy{k}.ftl");
        let text = common::read(base.path(), &path);
        let kept: Vec<&str> = text.lines().take(text.lines().count() / 2).collect();
        write(base.path(), &path, &(kept.join("\n") + "\n"));
    }
    assert!(kill_at_random_moments("sync", base.path(), &["sync", "vi"], 0x5eed_0003) > 0);
}

#[test]
fn build_killed_at_any_moment_leaves_a_whole_build() {
    let base = base_project();
    run_ok(base.path(), &["build"]);
    for k in 0..COPIES {
        let path = format!("locales/vi/copy{k}.ftl");
        let text = common::read(base.path(), &path);
        write(base.path(), &path, &text.replace("Hà Nội", "Thủ đô Hà Nội"));
    }
    run_ok(base.path(), &["accept", "vi", "--all", "--force"]);
    assert!(kill_at_random_moments("build", base.path(), &["build"], 0x5eed_0004) > 0);
}

#[test]
fn import_killed_at_any_moment_leaves_whole_files() {
    let base = base_project();
    let out = songngu(base.path(), &["export", "--locale", "vi", "--format", "po"]).output().unwrap();
    assert!(out.status.success());
    let po = String::from_utf8(out.stdout).unwrap();
    // Every single-line translation gets a word more; the untranslated copies (marked
    // fuzzy) are taken as they are.
    let edited: String = po
        .lines()
        .filter(|l| *l != "#, fuzzy")
        .map(|l| {
            if l.starts_with("msgstr \"") && l.len() > 10 {
                format!("{}, nay\"", &l[..l.len() - 1])
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    write(base.path(), "vi.po", &(edited + "\n"));
    assert!(kill_at_random_moments("import", base.path(), &["import", "vi.po"], 0x5eed_0005) > 0);
}

/// Eight `accept` runs at once, each recording its own entries of the same file, three
/// times over: every record is there at the end.
#[test]
fn concurrent_accepts_take_turns_and_lose_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<String> = (0..64).map(|i| format!("news-p{i}")).collect();
    let en: String = ids.iter().map(|id| format!("{id} = Paragraph {id} of the news.\n")).collect();
    let vi: String = ids.iter().map(|id| format!("{id} = Đoạn {id} của bản tin.\n")).collect();
    write(dir.path(), "songngu.toml", "reference = \"en\"\nlocales = [\"en\", \"vi\"]\n");
    write(dir.path(), "locales/en/news.ftl", &en);
    write(dir.path(), "locales/vi/news.ftl", &vi);
    for round in 0..3 {
        let _ = std::fs::remove_file(dir.path().join("locales/vi/news.ftl.lock"));
        let children: Vec<_> = ids
            .chunks(8)
            .map(|chunk| {
                let mut args = vec!["accept", "vi"];
                args.extend(chunk.iter().map(String::as_str));
                songngu(dir.path(), &args)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let deadline = Instant::now() + Duration::from_secs(120);
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
            assert!(Instant::now() < deadline, "round {round}: the accepts did not finish");
        }
        let lock = common::read(dir.path(), "locales/vi/news.ftl.lock");
        let missing: Vec<_> = ids.iter().filter(|id| !lock.contains(&format!("[entries.{id}]"))).collect();
        assert!(missing.is_empty(), "round {round}: records lost: {missing:?}");
    }
}
