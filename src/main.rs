//! The `songngu` command: arguments in, library calls, rendered output, exit code out.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, ColorWhen, Command, DocFormat, DriftedArg, ExportFormat, Format, MissingArg, OnlyArg};
use songngu::{check_project, checks, render, CheckOptions, Error, Project};

/// `eprintln!` that never panics: with stderr closed (`2>&-`, a pipe whose reader left) a
/// message is lost, but the exit code still tells.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    // A panic is a bug in songngu, never the user's fault: it ends with one line asking
    // for a report and exit 2, never Rust's multi-line message and exit 101. The hook
    // only remembers the message; it is printed once the panic has unwound to here, so a
    // panic that the library catches and turns into a diagnostic (a parser crash on
    // hostile input, see `source::guarded_parse`) prints nothing.
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let one_line = what.split_whitespace().collect::<Vec<_>>().join(" ");
        *PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some(format!("{one_line}{place}"));
    }));
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => code,
        Ok(Err(error)) => {
            say!("error: {error}");
            ExitCode::from(2)
        }
        Err(_) => {
            let what = PANIC.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
            say!(
                "error: songngu stopped on an internal error ({what}); this is a bug in songngu, not in your files: \
                 please report it with the command you ran and this line"
            );
            ExitCode::from(2)
        }
    }
}

/// The message of the last panic, kept by the panic hook for `main` to print.
static PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// A closed pipe (`songngu status | head`) is not an error worth a message.
fn io(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    Error::Usage(format!("cannot write the output: {e}"))
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let choice = match cli.color {
        // JSON, SARIF and GitHub annotations carry no colors: written as they are, not
        // scanned for escape sequences to strip (megabytes for a big project).
        _ if matches!(&cli.command, Command::Check { format, .. } if *format != Format::Human) => {
            anstream::ColorChoice::AlwaysAnsi
        }
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    // Buffered: a check with a million findings is a million small writes otherwise.
    let mut out = std::io::BufWriter::new(anstream::AutoStream::new(std::io::stdout().lock(), choice));
    let code = command(cli, &mut out)?;
    out.flush().map_err(io)?;
    Ok(code)
}

fn command(cli: Cli, mut out: &mut dyn Write) -> Result<ExitCode, Error> {
    if let Command::Explain { code, list } = &cli.command {
        if *list {
            for check in checks::CHECKS {
                let info = check.info();
                writeln!(out, "{:<20} {:<8} {}", info.code, info.severity.as_str(), info.summary).map_err(io)?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        let code = code.as_deref().unwrap_or_default();
        let info = checks::find(code)
            .ok_or_else(|| Error::Usage(format!("`{code}` is not a code; `songngu explain --list` lists them")))?;
        write!(out, "{}", checks::explain(info)).map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }

    // Lets the tests prove that a panic ends as promised (tests/hostile.rs): no command
    // panics on purpose, so this is the only way to make one.
    if std::env::var_os("SONGNGU_TEST_PANIC").is_some() {
        panic!("SONGNGU_TEST_PANIC is set");
    }
    if let Some(jobs) = cli.jobs {
        // Only fails when a pool already exists, which nothing here makes before.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(usize::from(jobs)).build_global();
    }
    let project = match &cli.root {
        Some(root) => Project::open(root)?,
        None => {
            let here =
                std::env::current_dir().map_err(|e| Error::Usage(format!("cannot read the current folder: {e}")))?;
            Project::discover(&here)?
        }
    };
    let writes = match &cli.command {
        Command::Accept { dry_run: false, .. }
        | Command::Ingest { .. }
        | Command::Sync { .. }
        | Command::Build { .. } => true,
        Command::Fmt { check, .. } => !check,
        Command::Import { dry_run, .. } => !dry_run,
        _ => false,
    };
    if writes && project.is_being_written() {
        say!("note: waiting for another songngu run in this project to finish writing");
    }
    match cli.command {
        Command::Check { files, locales, format, deny, no_cache, quiet, summary } => {
            if summary && format != Format::Human {
                return Err(Error::Usage(
                    "--summary is a table to read, for human output only: leave out --format (the JSON's `summary` has the counts per language)".into(),
                ));
            }
            let here = std::env::current_dir().unwrap_or_else(|_| project.root.clone());
            let focus = songngu::engine::focus::resolve(&project, &here, &files)?;
            let bar = ProgressBar::new("checking");
            let mut report = check_project(&project, &CheckOptions { locales, no_cache, progress: bar.progress() })?;
            drop(bar);
            report.narrow_to(&project, &focus);
            if quiet {
                report.hide_infos();
            }
            match format {
                Format::Human if summary => render::summary::render(&report, &mut out),
                Format::Human => render::human::render(&report, &project.root, &mut out),
                Format::Json => render::json::render(&report, &mut out),
                Format::Sarif => render::sarif::render(&report, &mut out),
                Format::Github => render::github::render(&report, &mut out),
            }
            .map_err(io)?;
            let failed = report.failed(deny.is_some());
            // The process ends next: freeing tens of thousands of findings one by one would
            // only delay it.
            std::mem::forget(report);
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Status { locales } => {
            let bar = ProgressBar::new("checking");
            let report =
                check_project(&project, &CheckOptions { locales, progress: bar.progress(), ..Default::default() })?;
            drop(bar);
            render::status::render(&report, &mut out).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Accept { locale, ids, drifted, cosmetic, all, force, dry_run } => {
            let bar = ProgressBar::new("accepting");
            let options = songngu::commands::accept::AcceptOptions {
                locale,
                ids,
                drifted,
                cosmetic,
                all,
                force,
                dry_run,
                progress: bar.progress(),
            };
            let report = songngu::commands::accept::accept(&project, &options)?;
            drop(bar);
            render::accept::render(&report, &options.locale, &mut out).map_err(io)?;
            // A named entry that was refused is work not done.
            Ok(if report.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Ingest { files } => {
            let bar = ProgressBar::new("ingesting");
            let report = songngu::commands::ingest::ingest_with_progress(&project, &files, &bar.progress())?;
            drop(bar);
            for warning in render::ingest::warnings(&report, &project.config.reference) {
                say!("{warning}");
            }
            render::ingest::render(&report, &mut out).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Sync { locale, prune } => {
            let options = songngu::commands::sync::SyncOptions { locale, prune };
            let report = songngu::commands::sync::sync(&project, &options)?;
            render::sync::render(&report, &options, &mut out).map_err(io)?;
            // A file that could not be read was not synced: the job is not done.
            Ok(if report.unreadable.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Fmt { check, paths } => {
            let report = songngu::commands::fmt::fmt(&project, &songngu::commands::fmt::FmtOptions { check, paths })?;
            render::fmt::render(&report, check, &mut out).map_err(io)?;
            Ok(if check && !report.changed.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Build { out: out_dir, missing, drifted, allow_errors } => {
            use songngu::bundle::manifest::{DriftedPolicy, MissingPolicy};
            let options = songngu::bundle::build::BuildOptions {
                missing: match missing {
                    MissingArg::Fill => MissingPolicy::Fill,
                    MissingArg::Omit => MissingPolicy::Omit,
                },
                drifted: match drifted {
                    DriftedArg::Reference => DriftedPolicy::Reference,
                    DriftedArg::Keep => DriftedPolicy::Keep,
                },
                allow_errors,
            };
            // Held from the first read, so a build never publishes half of an `ingest`.
            let _writing = project.write_lock()?;
            let out_dir = out_dir.unwrap_or_else(|| project.root.join(&project.config.out_dir));
            songngu::bundle::build::check_out_dir(&project, &out_dir)?;
            let build = songngu::bundle::build::build(&project, &options)?;
            if !build.failed() {
                songngu::bundle::build::write(&build, &out_dir, &project)?;
            }
            render::build::render(&build, &out_dir, &project.root, &mut out).map_err(io)?;
            Ok(if build.failed() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Render { slug, locale, format, from } => {
            let catalog = preview_catalog(&project, from.as_deref(), &locale)?;
            let doc = songngu::bundle::document::document(&catalog, &slug, &locale)?;
            for (id, served) in &doc.fallbacks {
                if catalog.is_replaced(&doc.locale, id) {
                    say!("note: `{id}`: its {} translation states facts its {served} source has changed since; shown from {served} until it is updated", doc.locale);
                } else {
                    say!("note: `{id}` is not in {}; shown from {served}", doc.locale);
                }
            }
            for (id, error) in &doc.errors {
                say!("warning: `{id}`: {error}");
            }
            let text = match format {
                DocFormat::Md => doc.to_markdown(),
                DocFormat::Html => doc.to_html(),
            };
            write!(out, "{text}").map_err(io)?;
            Ok(if doc.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Format { id, locale, args, from } => {
            let catalog = preview_catalog(&project, from.as_deref(), &locale)?;
            let args = songngu::bundle::runtime::parse_args(&args).map_err(Error::Usage)?;
            let localizer = catalog.localizer(&[&locale], &[])?;
            let formatted = match id.split_once('.') {
                Some((id, attribute)) => localizer.format_attribute(id, attribute, Some(&args))?,
                None => localizer.format(&id, Some(&args))?,
            };
            let asked = localizer.locales().next().unwrap_or(&locale).to_string();
            let message = id.split('.').next().unwrap_or(&id);
            if formatted.locale != asked {
                say!("note: `{message}` is not in {asked}; shown from {}", formatted.locale);
            } else if let Some(reference) = catalog.served_from_reference(&asked, message) {
                if catalog.is_replaced(&asked, message) {
                    say!("note: `{message}`: its {asked} translation states facts its {reference} source has changed since; shown from {reference} until it is updated");
                } else {
                    say!("note: `{message}` is not translated in {asked} yet; shown from {reference}");
                }
            }
            for error in &formatted.errors {
                say!("warning: {error}");
            }
            writeln!(out, "{}", formatted.text).map_err(io)?;
            Ok(if formatted.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Export { locale, format, only, output } => {
            use songngu::interchange::{self, UnitState};
            let only: Vec<UnitState> = only
                .iter()
                .map(|o| match o {
                    OnlyArg::Missing => UnitState::Missing,
                    OnlyArg::Untranslated => UnitState::Untranslated,
                    OnlyArg::Drifted => UnitState::Drifted,
                    OnlyArg::Unaccepted => UnitState::Unaccepted,
                    OnlyArg::Accepted => UnitState::Accepted,
                })
                .collect();
            let mut export = interchange::collect(&project, &locale, &only)?;
            if format == ExportFormat::Xliff {
                export.drop_units_xml_cannot_carry();
            }
            for (file, why) in &export.skipped {
                say!("warning: {file} is left out: {why}");
            }
            let text = match format {
                ExportFormat::Xliff => interchange::xliff::write(&export),
                ExportFormat::Po => interchange::po::write(&export),
            };
            let files = export.files.len();
            let summary = format!(
                "{} unit{} from {files} file{}",
                export.unit_count(),
                if export.unit_count() == 1 { "" } else { "s" },
                if files == 1 { "" } else { "s" }
            );
            if export.unit_count() == 0 {
                // XLIFF needs at least one <file>: an empty export is a message, not a file.
                let states = if only.is_empty() { "" } else { " in the states asked for" };
                say!("nothing to export: {locale} has no entries to translate{states}; no file written");
                return Ok(ExitCode::SUCCESS);
            }
            match output {
                Some(path) => {
                    songngu::fs::write_atomically(&path, text.as_bytes())?;
                    writeln!(out, "wrote {summary} to {}", path.display()).map_err(io)?;
                }
                None => {
                    write!(out, "{text}").map_err(io)?;
                    say!("exported {summary}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { file, dry_run } => {
            let report = songngu::interchange::import::import(&project, &file, dry_run)?;
            render::import::render(&report, &mut out).map_err(io)?;
            Ok(if report.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Tmx { output } => {
            let memory = songngu::interchange::tmx::memory(&project)?;
            for (unit, why) in &memory.skipped {
                say!("warning: {unit} is left out: {why}");
            }
            match output {
                Some(path) => {
                    songngu::fs::write_atomically(&path, memory.text.as_bytes())?;
                    writeln!(out, "wrote {} accepted translations to {}", memory.units, path.display()).map_err(io)?;
                }
                None => write!(out, "{}", memory.text).map_err(io)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Glossary { format, output } => {
            use songngu::interchange::tbx;
            let concepts = tbx::with_fluent_terms(&project)?;
            let (reference, other) = project.glossary_languages();
            let text = match format {
                cli::GlossaryFormat::Tbx => tbx::write_tbx(&concepts, reference),
                cli::GlossaryFormat::Csv => tbx::write_csv(&concepts, (reference, other)),
            };
            match output {
                Some(path) => {
                    songngu::fs::write_atomically(&path, text.as_bytes())?;
                    writeln!(out, "wrote {} names to {}", concepts.len(), path.display()).map_err(io)?;
                }
                None => write!(out, "{text}").map_err(io)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { html } => {
            let page = songngu::render::html::html(&project)?;
            songngu::fs::write_atomically(&html, page.as_bytes())?;
            writeln!(out, "wrote {}", html.display()).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { .. } => unreachable!("handled above"),
    }
}

/// What `render` and `format` read: a build folder, or the current files built in memory
/// (broken entries left out, with a note, so a preview always shows something).
fn preview_catalog(
    project: &Project,
    from: Option<&std::path::Path>,
    locale: &str,
) -> Result<songngu::bundle::runtime::Catalog, Error> {
    use songngu::bundle::runtime::Catalog;
    let catalog = match from {
        Some(dir) => Catalog::open(dir)?,
        None => build_in_memory(project)?,
    };
    if catalog.matching(&[locale]).is_empty() {
        return Err(Error::Usage(format!(
            "--locale {locale}: no language of this build matches it (it has {})",
            catalog.locales().join(", ")
        )));
    }
    Ok(catalog)
}

fn build_in_memory(project: &Project) -> Result<songngu::bundle::runtime::Catalog, Error> {
    use songngu::bundle::runtime::Catalog;
    let options = songngu::bundle::build::BuildOptions { allow_errors: true, ..Default::default() };
    let build = songngu::bundle::build::build(project, &options)?;
    if !build.findings.is_empty() {
        say!(
            "note: {} problem(s) would break at run time and are left out of this preview; `songngu build` lists them",
            build.findings.len()
        );
    }
    Ok(Catalog::from_build(build))
}

/// A progress bar on standard error for runs that take over a second, when it is a
/// terminal; nothing at all otherwise (a CI log or a pipe gets no control characters).
struct ProgressBar {
    bar: Option<indicatif::ProgressBar>,
}

impl ProgressBar {
    fn new(what: &'static str) -> ProgressBar {
        use std::io::IsTerminal;
        if !std::io::stderr().is_terminal() {
            return ProgressBar { bar: None };
        }
        let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::hidden());
        let style = indicatif::ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} resources, {eta} left")
            .expect("a valid template");
        bar.set_style(style);
        bar.set_message(what);
        ProgressBar { bar: Some(bar) }
    }

    /// What the library reports progress to.
    fn progress(&self) -> songngu::Progress {
        let Some(bar) = self.bar.clone() else { return songngu::Progress::default() };
        let started = std::time::Instant::now();
        // After a second; the tests show it at once (tests/cli.rs).
        let after = std::env::var("SONGNGU_PROGRESS_AFTER_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
        let after = std::time::Duration::from_millis(after);
        let shown = std::sync::atomic::AtomicBool::new(false);
        songngu::Progress::new(move |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if started.elapsed() >= after && !shown.swap(true, std::sync::atomic::Ordering::Relaxed) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        })
    }
}

impl Drop for ProgressBar {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
