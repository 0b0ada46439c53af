//! Speed at newsroom scale, as ratios against peers measured in the same run.
//!
//! `cargo bench --bench newsroom -- [--count N] [--seed S] [--runs R] [--dir DIR]`
//! (or `benches/run.sh`, which installs compare-locales first):
//! 1. the Firefox pair (`../shared/corpora/firefox`, en-US → vi): `songngu check` against
//!    compare-locales 9, when both are there;
//! 2. a synthetic archive of N announcements (default 20,000) in English and Vietnamese:
//!    `ingest`, `accept --all`, `check` with a cold cache on 1 and 2 threads, `check` after
//!    one edited file, `build`, each against the floor for reading every byte:
//!    `cat` of every file under `locales/` piped into `sha256sum`.
//!
//! Every figure is the whole process, wall-clock, the median of R runs (default 3), with
//! its peak resident memory; it prints a table of ratios. The Firefox pair is measured in
//! at least 5 rounds, each one run of compare-locales then three of songngu (the median
//! of each), and the check with a cache 3 runs a round: a check of tens of milliseconds
//! moves too much from run to run for three runs to say much.

#[path = "corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Options {
    count: u64,
    seed: u64,
    runs: usize,
    dir: PathBuf,
}

fn options() -> Options {
    let mut o = Options {
        count: 20_000,
        seed: 2025,
        runs: 3,
        dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/newsroom"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| fail(&format!("{arg} needs a value")));
        match arg.as_str() {
            "--count" => o.count = value().parse().unwrap_or_else(|_| fail("--count: a number")),
            "--seed" => o.seed = value().parse().unwrap_or_else(|_| fail("--seed: a number")),
            "--runs" => o.runs = value().parse().unwrap_or_else(|_| fail("--runs: a number")),
            "--dir" => o.dir = PathBuf::from(value()),
            // What `cargo bench` passes to every bench binary.
            "--bench" => {}
            other => fail(&format!("unknown argument {other}")),
        }
    }
    o
}

fn fail(why: &str) -> ! {
    eprintln!("newsroom bench: {why}");
    std::process::exit(2)
}

/// One run of a whole process: wall-clock time and peak resident memory.
#[derive(Clone, Copy)]
struct Run {
    time: Duration,
    rss_kb: u64,
}

/// Runs `command` to its end (its output thrown away) and measures it. `ok` lists the exit
/// codes that count as success.
fn run(command: &mut Command, ok: &[i32]) -> Run {
    command.stdout(Stdio::null()).stderr(Stdio::piped());
    let start = Instant::now();
    #[allow(clippy::zombie_processes, reason = "waited for with wait4 below")]
    let child = command.spawn().unwrap_or_else(|e| fail(&format!("{command:?}: {e}")));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // wait4 rather than Child::wait: it also reports the child's own peak memory.
    // SAFETY: pid is our child, status and usage point to live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let time = start.elapsed();
    if waited != pid {
        fail(&format!("{command:?}: wait4 failed"));
    }
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    if !ok.contains(&code) {
        let mut stderr = String::new();
        if let Some(mut e) = child.stderr {
            use std::io::Read;
            let _ = e.read_to_string(&mut stderr);
        }
        fail(&format!("{command:?} exited {code}: {}", stderr.trim()));
    }
    Run { time, rss_kb: usage.ru_maxrss as u64 }
}

/// The median of `runs` runs, `before` called ahead of each.
fn median(runs: usize, mut before: impl FnMut(), mut one: impl FnMut() -> Run) -> Run {
    let all: Vec<Run> = (0..runs.max(1))
        .map(|_| {
            before();
            one()
        })
        .collect();
    middle(all)
}

/// The median time of `runs`, with the highest peak memory of any of them.
fn middle(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|r| r.time);
    let mid = runs[runs.len() / 2];
    Run { time: mid.time, rss_kb: runs.iter().map(|r| r.rss_kb).max().unwrap_or(0) }
}

fn songngu(root: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_songngu"));
    c.arg("--root").arg(root).args(args).env("NO_COLOR", "1");
    c
}

fn shell(dir: &Path, script: &str) -> Command {
    let mut c = Command::new("sh");
    c.current_dir(dir).args(["-c", script]);
    c
}

fn bytes_under(dir: &Path) -> (u64, u64) {
    let (mut files, mut bytes) = (0, 0);
    for entry in walk(dir) {
        files += 1;
        bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
    }
    (files, bytes)
}

fn walk(dir: &Path) -> Vec<std::fs::DirEntry> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(entry.path());
            } else {
                out.push(entry);
            }
        }
    }
    out
}

struct Row {
    what: String,
    run: Run,
    /// (peer name, peer's run): the ratio printed is this run's time over the peer's.
    against: Option<(String, Run)>,
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn print_table(rows: &[Row]) {
    println!();
    println!("| measured | time | peak memory | against | its time | ratio |");
    println!("| --- | ---: | ---: | --- | ---: | ---: |");
    for row in rows {
        let (peer, peer_time, ratio) = match &row.against {
            Some((name, peer)) => {
                let r = row.run.time.as_secs_f64() / peer.time.as_secs_f64();
                let ratio = if r < 1.0 { format!("{r:.2}× ({:.1}× faster)", 1.0 / r) } else { format!("{r:.2}×") };
                (name.clone(), ms(peer.time), ratio)
            }
            None => (String::new(), String::new(), String::new()),
        };
        // A `|` inside a cell would end it in Markdown.
        let (what, peer) = (row.what.replace('|', "\\|"), peer.replace('|', "\\|"));
        println!(
            "| {what} | {} | {:.1} MB | {peer} | {peer_time} | {ratio} |",
            ms(row.run.time),
            row.run.rss_kb as f64 / 1024.0
        );
    }
}

fn firefox(o: &Options, rows: &mut Vec<Row>) {
    let firefox = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/firefox");
    if !firefox.is_dir() {
        eprintln!("note: no ../shared/corpora/firefox: the compare-locales comparison is skipped");
        return;
    }
    let work = o.dir.with_file_name("newsroom-firefox");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("project/locales")).unwrap();
    std::fs::write(work.join("project/songngu.toml"), "reference = \"en-US\"\nlocales = [\"en-US\", \"vi\"]\n")
        .unwrap();
    for locale in ["en-US", "vi"] {
        std::os::unix::fs::symlink(firefox.join(locale), work.join("project/locales").join(locale)).unwrap();
    }
    let project = work.join("project");
    let first_check = || run(&mut songngu(&project, &["check", "--format", "json", "--no-cache"]), &[0, 1]);
    // A check of a few tens of milliseconds moves by a third from one run to the next on
    // a shared machine: it is run many times, each time next to the peer it is measured
    // against (below), and the median taken.
    let rounds = o.runs.max(5);
    let installed = Command::new("python3")
        .args(["-c", "import compare_locales"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        eprintln!("note: compare-locales is not installed (pip install 'compare-locales>=9,<10'): no ratio");
        let check = median(3 * rounds, || {}, first_check);
        rows.push(Row { what: "Firefox en-US → vi: check (no cache)".into(), run: check, against: None });
        return;
    }
    std::fs::write(
        work.join("l10n.toml"),
        format!(
            "basepath = \".\"\nlocales = [\"vi\"]\n[env]\n    l = \"{{l10n_base}}/{{locale}}/\"\n    ref = \"{}/\"\n[[paths]]\n    reference = \"{{ref}}**\"\n    l10n = \"{{l}}**\"\n",
            firefox.join("en-US").display()
        ),
    )
    .unwrap();
    let compare_locales = || {
        run(
            Command::new("python3")
                    .args([
                        "-c",
                        "import sys; from compare_locales.commands import CompareLocales; sys.argv[0] = 'compare-locales'; sys.exit(CompareLocales.call())",
                    ])
                    .arg("--json")
                    .arg(work.join("out.json"))
                    .arg("--return-zero")
                    .arg(work.join("l10n.toml"))
                    .arg(&firefox)
                    .arg("vi"),
                &[0],
            )
    };
    // Interleaved: each round runs compare-locales once and songngu three times, so that
    // both are measured on the machine as it is at that moment (its speed drifts over a
    // minute), and neither only while the other has just warmed or cooled it.
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        theirs.push(compare_locales());
        ours.extend((0..3).map(|_| first_check()));
    }
    let (check, theirs) = (middle(ours), middle(theirs));
    rows.push(Row {
        what: "Firefox en-US → vi: check (no cache)".into(),
        run: check,
        against: Some(("compare-locales 9".into(), theirs)),
    });
    // Again, as a translator's second check runs: with the cache of the first (its files
    // settled, so the cache is trusted).
    run(&mut songngu(&project, &["check", "--format", "json"]), &[0, 1]);
    std::thread::sleep(Duration::from_millis(2100));
    run(&mut songngu(&project, &["check", "--format", "json"]), &[0, 1]);
    let cached = median(3 * rounds, || {}, || run(&mut songngu(&project, &["check", "--format", "json"]), &[0, 1]));
    rows.push(Row {
        what: "Firefox en-US → vi: check again (cache)".into(),
        run: cached,
        against: Some(("compare-locales 9".into(), theirs)),
    });
}

fn newsroom(o: &Options, rows: &mut Vec<Row>) {
    let root = &o.dir;
    let _ = std::fs::remove_dir_all(root);
    eprintln!("writing {} announcements under {} (seed {})…", o.count, root.display(), o.seed);
    corpus::write_sources(root, o.count, o.seed).unwrap();
    let ingest = run(&mut songngu(root, &["ingest"]), &[0]);
    corpus::write_translations(root, o.count, o.seed).unwrap();
    let accept = run(&mut songngu(root, &["accept", "vi", "--all"]), &[0]);
    run(&mut songngu(root, &["accept", "en", "--all"]), &[0]);
    let (files, bytes) = bytes_under(&root.join("locales"));
    let (sources, source_bytes) = bytes_under(&root.join("source"));
    eprintln!(
        "{files} files, {:.1} MB under locales/ (resources and locks); {sources} announcements, {:.1} MB under source/",
        bytes as f64 / 1e6,
        source_bytes as f64 / 1e6
    );
    let size = format!("{} announcements, {:.0} MB", o.count, bytes as f64 / 1e6);

    // The floor: every byte check must read, read and fingerprinted by standard tools.
    let floor = median(
        o.runs,
        || {},
        || run(&mut shell(root, "find locales -type f -print0 | xargs -0 cat | sha256sum >/dev/null"), &[0]),
    );
    let cache = root.join(".songngu/cache");
    let clear = || {
        let _ = std::fs::remove_dir_all(&cache);
    };
    let cold2 = median(o.runs, clear, || run(&mut songngu(root, &["check", "--jobs", "2"]), &[0]));
    let cold1 = median(o.runs, clear, || run(&mut songngu(root, &["check", "--jobs", "1"]), &[0]));
    let uncached = median(o.runs, || {}, || run(&mut songngu(root, &["check", "--no-cache"]), &[0]));
    run(&mut songngu(root, &["check"]), &[0]);
    let warm = median(o.runs, || {}, || run(&mut songngu(root, &["check"]), &[0]));
    // One file edited between runs: a word added to a Vietnamese paragraph.
    let edited = corpus::announcement(o.seed, o.count / 2);
    let target = if edited.origin == "vi" { "en" } else { "vi" };
    let file = root.join(format!("locales/{target}/{}.ftl", edited.slug));
    let mut round = 0;
    let one_edit = median(
        o.runs,
        || {
            round += 1;
            let text = std::fs::read_to_string(&file).unwrap();
            let text = text.replacen(".\n", &format!(" Thêm {round}.\n"), 1);
            std::fs::write(&file, text).unwrap();
        },
        || run(&mut songngu(root, &["check"]), &[0]),
    );
    let build = median(o.runs, || {}, || run(&mut songngu(root, &["build"]), &[0]));

    let floor = ("cat | sha256sum", floor);
    let cold = ("check, cold", cold2);
    for (what, run, (peer, peer_run)) in [
        ("check, cold (cache written), 2 threads", cold2, floor),
        ("check --no-cache, 2 threads", uncached, floor),
        ("check, cold, 2 threads", cold2, ("the same on 1 thread", cold1)),
        ("check, nothing changed", warm, floor),
        ("check after one edit", one_edit, cold),
        ("ingest (all new)", ingest, cold),
        ("accept vi --all (all new)", accept, cold),
        ("build", build, cold),
    ] {
        rows.push(Row { what: format!("{size}: {what}"), run, against: Some((peer.to_string(), peer_run)) });
    }
}

fn main() {
    let o = options();
    let mut rows = Vec::new();
    firefox(&o, &mut rows);
    newsroom(&o, &mut rows);
    print_table(&rows);
}
