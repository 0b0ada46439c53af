//! `songngu report --html`: the page written by the real binary, read as text and opened
//! in a real headless Chromium.
//!
//! Every test works on a copy of the shipped content with one drifted entry (a figure
//! changed in an English original: `facts`) and one missing entry (a Vietnamese paragraph
//! deleted). The figures the page shows are compared with those of
//! `songngu check --format json`, never with numbers written here.
//!
//! The browser tests need `chromium`; without it they print `skipped: no chromium …` and
//! pass, unless `SONGNGU_CLIENTS=require` (set by `.ci/run` once it installed Chromium).
//! Every Chromium run is killed after [`CHROMIUM_TIMEOUT`]. The screenshots are kept in
//! `target/report-screenshot.png` (the top of the page) and `target/report-full.png` (the
//! whole page, with the announcements side by side) for people to look at.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{copy_tree, ok, read, songngu, write};
use serde_json::Value;

/// The entry whose English original gets a new figure (60 → 72 countries).
const DRIFTED_ID: &str = "ceremony-held-p5";
const OLD_FIGURE: &str = "60";
const NEW_FIGURE: &str = "72";
/// The entry deleted from the Vietnamese file.
const MISSING_ID: &str = "signing-opens-p5";

/// The longest a Chromium run may take before it is killed and the test fails.
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(60);

/// Colors the page's CSS uses, checked in the screenshots.
const BAR_FILL: [u8; 3] = [0x1f, 0x8a, 0x5b];
const BAR_TRACK: [u8; 3] = [0xe4, 0xe9, 0xee];
const DELETED_BACKGROUND: [u8; 3] = [0xff, 0xd3, 0xcf];
const INSERTED_BACKGROUND: [u8; 3] = [0xc3, 0xef, 0xcf];
const FALLBACK_BACKGROUND: [u8; 3] = [0xff, 0xfb, 0xeb];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the shipped content (`songngu.toml`, `source/`, `locales/`).
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("songngu.toml"), dir.path().join("songngu.toml")).unwrap();
    copy_tree(&repo().join("source"), &dir.path().join("source"));
    copy_tree(&repo().join("locales"), &dir.path().join("locales"));
    dir
}

/// Replaces the one occurrence of `from` in a file.
fn replace_once(dir: &Path, path: &str, from: &str, to: &str) {
    let text = read(dir, path);
    assert_eq!(text.matches(from).count(), 1, "{path} should contain {from:?} once");
    write(dir, path, &text.replacen(from, to, 1));
}

/// The shipped content with one `facts` drift in vi and one entry missing from vi.
fn drifted_and_missing() -> tempfile::TempDir {
    let dir = shipped_copy();
    let path = dir.path();
    replace_once(
        path,
        "locales/en/ceremony-held.ftl",
        &format!("representatives of {OLD_FIGURE} countries"),
        &format!("representatives of {NEW_FIGURE} countries"),
    );
    let vi = read(path, "locales/vi/signing-opens.ftl");
    let kept: Vec<&str> = vi.lines().filter(|l| !l.starts_with(&format!("{MISSING_ID} ="))).collect();
    assert_eq!(kept.len() + 1, vi.lines().count(), "{MISSING_ID} should be one line of the vi file");
    write(path, "locales/vi/signing-opens.ftl", &(kept.join("\n") + "\n"));
    dir
}

/// Runs `songngu report --html NAME` in `dir` and returns the page.
fn report(dir: &Path, name: &str) -> String {
    let out = ok(songngu(dir, &["report", "--html", name]));
    assert!(out.contains(name), "{out}");
    read(dir, name)
}

/// `summary` of `songngu check --format json`.
fn json_summary(dir: &Path) -> Value {
    let out = songngu(dir, &["check", "--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["summary"].clone()
}

/// The part of `page` from the element that has `id="ID"` to the end of that element
/// (`</tag>` of the same depth).
fn element<'p>(page: &'p str, id: &str) -> &'p str {
    let marker = format!("id=\"{id}\"");
    let at = page.find(&marker).unwrap_or_else(|| panic!("no element with {marker}"));
    let start = page[..at].rfind('<').unwrap();
    let tag: String = page[start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut depth = 0;
    let mut i = start;
    loop {
        let next_open = page[i + 1..].find(&open).map(|n| n + i + 1);
        let next_close = page[i..].find(&close).map(|n| n + i).unwrap();
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o;
            }
            _ if depth > 0 => {
                depth -= 1;
                i = next_close + close.len();
            }
            _ => return &page[start..next_close + close.len()],
        }
    }
}

/// The text of an HTML fragment as a reader sees it: tags removed, the entities the page
/// uses decoded, white space collapsed.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let words: Vec<&str> = text.split_whitespace().collect();
    // Punctuation right after an element (`(97.5%)`) reads without the space a tag left.
    words.join(" ").replace(" )", ")").replace("( ", "(")
}

/// HTML escaping as the page does it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// The title of an announcement as `songngu render` prints it in a language.
fn rendered_title(dir: &Path, slug: &str, locale: &str) -> String {
    let out = songngu(dir, &["render", slug, "--locale", locale]);
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap_or_default();
    first.strip_prefix("# ").unwrap_or_else(|| panic!("{slug} ({locale}) renders no title: {text}")).to_string()
}

fn slugs(dir: &Path) -> Vec<String> {
    let mut slugs: Vec<String> = std::fs::read_dir(dir.join("source"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_string_lossy().strip_suffix(".md").map(str::to_string))
        .collect();
    slugs.sort();
    slugs
}

/// What must never be in the page: scripts, anything loaded from elsewhere.
fn assert_self_contained(page: &str) {
    let lower = page.to_lowercase();
    for needle in
        ["<script", "<link", "<img", "<iframe", "<object", "<embed", " src=", "url(", "@import", "http://", "https://"]
    {
        assert!(!lower.contains(needle), "the page contains {needle:?}");
    }
    assert!(
        page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &apos;none&apos;; style-src &apos;unsafe-inline&apos;"),
        "no Content-Security-Policy"
    );
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("<title>Translation report: "));
}

#[test]
fn the_page_shows_progress_drift_missing_entries_and_every_announcement() {
    let dir = drifted_and_missing();
    let path = dir.path();
    let page = report(path, "out.html");
    assert_self_contained(&page);

    // The drifted entry, with the exact figure deleted and inserted.
    let drifts = element(&page, "drifted");
    let card = element(drifts, &format!("drift-1-{DRIFTED_ID}"));
    assert!(card.starts_with("<article class=\"drift facts\""), "{card}");
    assert!(card.contains(&format!("<code>{DRIFTED_ID}</code>")), "{card}");
    assert!(card.contains(&format!("<del>{OLD_FIGURE}</del><ins>{NEW_FIGURE}</ins>")), "{card}");
    assert!(card.contains("locales/vi/ceremony-held.ftl:"), "{card}");
    // Beside it, the current (stale) Vietnamese translation, still with the old figure.
    let vi = read(path, "locales/vi/ceremony-held.ftl");
    let translation = vi.lines().find_map(|l| l.strip_prefix(&format!("{DRIFTED_ID} = "))).unwrap();
    assert!(translation.contains(&format!("{OLD_FIGURE} quốc gia")));
    assert!(card.contains(&format!("<p class=\"text\" lang=\"vi\">{}</p>", escaped(translation))), "{card}");

    // The missing entry, with its English original.
    let todo = element(&page, "to-translate");
    let row = todo.lines().find(|l| l.contains(&format!("<code>{MISSING_ID}</code>"))).expect("missing entry listed");
    assert!(row.contains("missing"), "{row}");
    let en = read(path, "locales/en/signing-opens.ftl");
    let original = en.lines().find_map(|l| l.strip_prefix(&format!("{MISSING_ID} = "))).unwrap();
    assert!(row.contains(&escaped(original)), "{row}");

    // Progress: the figures of `check --format json`, for every locale that translates.
    let summary = json_summary(path);
    let locales = summary["locales"].as_object().unwrap();
    assert_eq!(locales["vi"]["missing"], 1);
    assert_eq!(locales["vi"]["drift"]["facts"], 1);
    for (locale, counts) in locales {
        let n = |key: &str| counts[key].as_u64().unwrap();
        let card = element(&page, &format!("progress-{locale}"));
        let text = text_of(card);
        let percent = 100.0 * n("translated") as f64 / n("entries") as f64;
        let figure = format!("{} of {} translated ({percent:.1}%)", n("translated"), n("entries"));
        assert!(text.contains(&figure), "{locale}: {figure:?} not in {text:?}");
        for key in ["missing", "untranslated", "drifted", "unaccepted", "obsolete"] {
            assert!(text.contains(&format!("{} {key}", n(key))), "{locale}: no `{} {key}` in {text:?}", n(key));
        }
        assert!(card.contains(&format!("<div class=\"fill\" style=\"width:{percent:.3}%\">")), "{card}");
    }
    // The resource table marks the original language and counts the drift by class.
    let table = element(&page, "resources");
    let entries =
        read(path, "locales/en/ceremony-held.ftl").lines().filter(|l| l.starts_with("ceremony-held-")).count();
    let expected = format!(
        "ceremony-held.ftl en original {entries} the original text vi {entries} {} ({:.1}%) 0 0 1 (1 / 0 / 0)",
        entries - 1,
        100.0 * (entries - 1) as f64 / entries as f64
    );
    let ceremony =
        text_of(&table[table.find("ceremony-held.ftl").unwrap()..table.find("delegations-confirmed").unwrap()]);
    assert!(ceremony.starts_with(&expected), "{ceremony:?} does not start with {expected:?}");
    let press = &table[table.find("press-conference.ftl").unwrap()..table.find("shared.ftl").unwrap()];
    assert!(text_of(press).contains("vi original 21 the original text"), "{press}");

    // Side by side: every announcement's title in both languages, as `render` shows them.
    let reading = element(&page, "side-by-side");
    for slug in slugs(path) {
        for locale in ["en", "vi"] {
            let title = rendered_title(path, &slug, locale);
            assert!(reading.contains(&escaped(&title)), "{slug}: the {locale} title {title:?} is not side by side");
        }
    }
    // The missing paragraph and the stale figure are shown in English, marked.
    assert!(reading.contains("shown in English: not translated yet"));
    assert!(reading.contains("shown in English: the translation is out of date"));

    // Reproducible: a second run writes the same bytes.
    let again = report(path, "again.html");
    assert!(page == again, "two reports of the same files differ");
}

#[test]
fn the_shipped_content_is_reported_complete() {
    let dir = shipped_copy();
    let page = report(dir.path(), "report.html");
    assert_self_contained(&page);
    assert!(page.contains("No original text changed after its translation was accepted."));
    assert!(page.contains("Nothing: every entry is in every language."));
    for locale in ["en", "vi"] {
        let text = text_of(element(&page, &format!("progress-{locale}")));
        assert!(text.contains("of 79 translated (100.0%)"), "{text}");
    }
}

/// Text a translator might paste that would run as a script if it were not escaped.
const PAYLOAD: &str = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";

#[test]
fn text_from_the_project_is_escaped_in_the_page_and_in_a_real_browser() {
    let dir = drifted_and_missing();
    let path = dir.path();
    let vi = read(path, "locales/vi/ceremony-held.ftl");
    let line = vi.lines().find(|l| l.starts_with("ceremony-held-p2 = ")).unwrap().to_string();
    replace_once(path, "locales/vi/ceremony-held.ftl", &line, &format!("ceremony-held-p2 = Chú thích {PAYLOAD}"));
    // A file name made to break out of an attribute.
    let evil = "evil\"onmouseover=\"alert(1)<b>.ftl";
    write(path, &format!("locales/en/{evil}"), "evil-note = Photo credit: <i>VNA</i>\n");

    let page = report(path, "out.html");
    // `markup-mismatch` names the payload's tags in its finding, as text.
    let named = escaped("<img onerror=\"alert(1)\" src=\"…\">");
    assert!(page.contains(&named), "the finding about the payload is not in the page");
    assert_self_contained(&page.replace(&escaped(PAYLOAD), "").replace(&named, ""));
    assert!(page.contains(&format!("Chú thích {}", escaped(PAYLOAD))), "the payload is not in the page, escaped");
    assert!(page.contains(&escaped(evil)));
    assert!(!page.contains(PAYLOAD));
    assert!(!page.contains("onmouseover=\"alert"));

    let Some(chromium) = chromium() else { return };
    let out = run_chromium(&chromium, &["--dump-dom".to_string()], &path.join("out.html"));
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(dom.contains("</html>"), "chromium printed no page: {}", out.stderr);
    // The text is there, as text.
    assert!(
        dom.contains("Chú thích &lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "the payload is not text in the DOM"
    );
    let lower = dom.to_lowercase();
    assert!(!lower.contains("<script"), "a script element made it into the DOM");
    assert!(!lower.contains("<img"), "an img element made it into the DOM");
    // In text the file name reads `evil"onmouseover=…`; only an attribute has a space before.
    assert!(dom.contains("evil\"onmouseover=\"alert(1)&lt;b&gt;.ftl"), "the file name is not text in the DOM");
    assert!(!dom.contains(" onmouseover="), "an attribute made it into the DOM");
    assert!(!lower.contains("<b>"), "a b element made it into the DOM");
    let title = &dom[dom.find("<title>").unwrap() + 7..dom.find("</title>").unwrap()];
    assert!(title.starts_with("Translation report: "), "{title}");
    assert!(!title.contains("pwned"));
}

#[test]
fn screenshots_show_the_bars_and_the_diff_colors() {
    let dir = drifted_and_missing();
    let path = dir.path();
    report(path, "out.html");
    let summary = json_summary(path);
    let Some(chromium) = chromium() else { return };
    let target = repo().join("target");
    std::fs::create_dir_all(&target).unwrap();

    // The top of the page: progress, resources, the drifted entry.
    let top = target.join("report-screenshot.png");
    let image = screenshot(&chromium, &path.join("out.html"), &top, 1280, 2400);
    assert_eq!((image.width, image.height), (1280, 2400));
    let colors: HashSet<[u8; 3]> = image.pixels().collect();
    assert!(colors.len() > 200, "the page looks blank: {} colors", colors.len());
    // One bar per translating locale; each filled as far as its share translated.
    let bars = bars(&image);
    let locales = summary["locales"].as_object().unwrap();
    assert_eq!(bars.len(), locales.len(), "bars (fill, track) found: {bars:?}");
    for (locale, counts) in locales {
        let expected = 100.0 * counts["translated"].as_f64().unwrap() / counts["entries"].as_f64().unwrap();
        assert!(
            bars.iter().any(|&(fill, track)| (100.0 * fill as f64 / (fill + track) as f64 - expected).abs() < 1.0),
            "{locale}: no bar filled to {expected:.1}%: {bars:?}"
        );
    }
    for (name, color) in [("deleted words", DELETED_BACKGROUND), ("inserted words", INSERTED_BACKGROUND)] {
        let count = image.count(color);
        assert!(count > 100, "{name}: {count} pixels of {color:02x?}");
    }

    // The whole page, announcements side by side; parts shown in English are marked.
    let full = target.join("report-full.png");
    let image = screenshot(&chromium, &path.join("out.html"), &full, 1280, 15000);
    assert_eq!((image.width, image.height), (1280, 15000));
    assert!(image.count(FALLBACK_BACKGROUND) > 1000, "no part marked as shown in another language");
    let lowest = (0..image.height).rev().find(|&y| (0..image.width).any(|x| image.at(x, y) != [255, 255, 255]));
    assert!(lowest.is_some_and(|y| y > 8000), "the side-by-side view is missing: the page ends at {lowest:?}");
}

// ---------------------------------------------------------------------------------------
// Chromium.

/// Where Chromium is, or `None` (the caller skips) unless `SONGNGU_CLIENTS=require`.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        common::skip_unless_required("SONGNGU_CLIENTS", "chromium (on PATH)");
    }
    found
}

struct Run {
    stdout: Vec<u8>,
    stderr: String,
}

/// Opens `page` in headless Chromium with `args`, a fresh profile and no network
/// chatter; kills it (and what it started) after [`CHROMIUM_TIMEOUT`].
fn run_chromium(chromium: &Path, args: &[String], page: &Path) -> Run {
    use std::os::unix::process::CommandExt;
    let work = tempfile::tempdir().unwrap();
    let stdout_path = work.path().join("stdout");
    let stderr_path = work.path().join("stderr");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--force-color-profile=srgb",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", work.path().join("profile").display()))
        .args(args)
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_path).unwrap())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .process_group(0)
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > CHROMIUM_TIMEOUT {
            // Its own process group: the browser and every helper process it started.
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {} s; killed", CHROMIUM_TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    assert!(status.success(), "chromium failed ({status}): {stderr}");
    Run { stdout: std::fs::read(&stdout_path).unwrap(), stderr }
}

/// `file://` and the absolute path, its unusual bytes percent-encoded.
fn file_url(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap();
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// A decoded screenshot, 8-bit RGB.
struct Image {
    width: usize,
    height: usize,
    rgb: Vec<u8>,
}

impl Image {
    fn at(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.width + x) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    fn pixels(&self) -> impl Iterator<Item = [u8; 3]> + '_ {
        self.rgb.chunks_exact(3).map(|p| [p[0], p[1], p[2]])
    }

    fn count(&self, color: [u8; 3]) -> usize {
        self.pixels().filter(|&p| p == color).count()
    }
}

/// Takes a `width`×`height` screenshot of `page` into `png`, and decodes it.
fn screenshot(chromium: &Path, page: &Path, png: &Path, width: u32, height: u32) -> Image {
    let _ = std::fs::remove_file(png);
    let args = [
        format!("--screenshot={}", png.display()),
        format!("--window-size={width},{height}"),
        "--hide-scrollbars".to_string(),
    ];
    run_chromium(chromium, &args, page);
    decode(png)
}

fn decode(path: &Path) -> Image {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected PNG color type {other:?}"),
    };
    let mut rgb = Vec::with_capacity(info.width as usize * info.height as usize * 3);
    for row in buffer[..info.line_size * info.height as usize].chunks_exact(info.line_size) {
        for pixel in row[..info.width as usize * channels].chunks_exact(channels) {
            rgb.extend_from_slice(&pixel[..3]);
        }
    }
    Image { width: info.width as usize, height: info.height as usize, rgb }
}

/// The progress bars of a screenshot, as (filled, unfilled) widths in pixels: runs of
/// the fill color at least 100 pixels long, followed by the track color, measured on the
/// widest row of each bar.
fn bars(image: &Image) -> Vec<(usize, usize)> {
    let mut bars: Vec<(usize, usize, usize, usize)> = Vec::new(); // (x, last row, fill, track)
    for y in 0..image.height {
        let mut x = 0;
        while x < image.width {
            if image.at(x, y) != BAR_FILL {
                x += 1;
                continue;
            }
            let start = x;
            while x < image.width && image.at(x, y) == BAR_FILL {
                x += 1;
            }
            let fill = x - start;
            let mut track = 0;
            while x < image.width && image.at(x, y) == BAR_TRACK {
                x += 1;
                track += 1;
            }
            if fill < 100 {
                continue;
            }
            match bars.iter_mut().find(|b| b.0.abs_diff(start) <= 3 && b.1 + 1 == y) {
                Some(bar) => {
                    bar.1 = y;
                    if fill + track > bar.2 + bar.3 {
                        (bar.2, bar.3) = (fill, track);
                    }
                }
                None => bars.push((start, y, fill, track)),
            }
        }
    }
    bars.into_iter().map(|(_, _, fill, track)| (fill, track)).collect()
}

/// The mozilla.org corpus (131 resources, hundreds of findings) gives a page that is
/// still self-contained and that a real browser opens.
#[test]
fn the_mozorg_corpus_is_reported_and_opens_in_a_browser() {
    let Some(config) = common::mozorg_config() else { return };
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "songngu.toml", &config);
    let page = report(dir.path(), "mozorg.html");
    assert_self_contained(&page);
    let summary = json_summary(dir.path());
    let vi = &summary["locales"]["vi"];
    let line = format!("{} of {} translated", vi["translated"], vi["entries"]);
    assert!(page.contains(&line), "no {line:?} in the page");
    let Some(chromium) = chromium() else { return };
    let out = run_chromium(&chromium, &["--dump-dom".to_string()], &dir.path().join("mozorg.html"));
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.contains("</html>") && dom.contains(&line), "chromium did not show the page: {}", out.stderr);
}
