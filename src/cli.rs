//! The command line, as clap derive definitions. Help text is written for editors and
//! translators, not for programmers.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "songngu",
    version,
    about = "Keep English and Vietnamese announcements in step: find what is missing, untranslated or broken in every language",
    long_about = None,
    after_help = "Start with `songngu check` in your project folder. `songngu explain CODE` tells what a finding means and how to fix it."
)]
pub struct Cli {
    /// The project folder (the one with songngu.toml). Default: found from the current folder upwards.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// When to color the output. `auto` colors a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// How many files to work on at once. Default: one per processor core.
    #[arg(long, short = 'j', global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every language against the reference: missing, untranslated, broken text
    ///
    /// Exits with 0 when nothing is wrong enough to stop a publication, 1 when there is
    /// at least one error (or warning, with --deny warnings), 2 when the check could not run.
    ///
    /// When a file has more than 5 infos of one kind (a translation not accepted yet…),
    /// the first 3 are shown and the rest counted in one line; name the file to see them
    /// all, or leave infos out with --quiet.
    ///
    /// An entry can silence a finding about itself with a comment line right above it,
    /// `# songngu-allow: CODE[, CODE…]`: in the reference file for every language, in a
    /// translation for that language only (`songngu explain unused-suppression`).
    Check {
        /// Only report on these files: a file (`locales/vi/news.ftl`), a resource
        /// (`news.ftl`) or an announcement (`news`). Every file is still read, so what is
        /// checked across files stays right. Default: the whole project.
        #[arg(value_name = "PATH|SLUG")]
        files: Vec<String>,

        /// Only report on this language (repeat for several). Default: all of them.
        #[arg(long = "locale", value_name = "LOCALE")]
        locales: Vec<String>,

        /// Output format: `human` for people, `json` for tools and scripts, `sarif` for code
        /// scanning (SARIF 2.1.0), `github` for annotations in a GitHub Actions run.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,

        /// `--deny warnings`: also fail (exit 1) on warnings.
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<Deny>,

        /// Read and check every file again, without the results kept from earlier checks
        /// in .songngu/cache (which is safe to delete at any time).
        #[arg(long)]
        no_cache: bool,

        /// Show only errors and warnings: infos are left out (the last line says how many).
        #[arg(long, short)]
        quiet: bool,

        /// Instead of every finding, the work left: for each language, each file with
        /// entries missing, untranslated or drifted, and how many words of the reference
        /// they have. Human output only.
        #[arg(long)]
        summary: bool,
    },
    /// Show how complete each language is, per resource
    Status {
        /// Only show this language (repeat for several).
        #[arg(long = "locale", value_name = "LOCALE")]
        locales: Vec<String>,
    },
    /// Record translations as done, so later changes of the source show as drift
    ///
    /// Without ids: every new translation and every translation edited since it was
    /// accepted. It never records what `check` says is not done: an entry still a copy of
    /// the source or still in its language, an entry with an error, or one whose source
    /// changed since (that needs a look first); it lists what it left and why.
    ///
    /// With ids: exactly those entries, drifted or not. One with an error, or whose source
    /// now states a figure, date or name the translation does not, is refused (exit 1).
    /// Naming an entry that is a copy of its source records it as an intentional copy (a
    /// name, a brand, a code): `check` no longer calls it untranslated until either side
    /// changes.
    Accept {
        /// The language whose translations to record (for example `vi`).
        locale: String,
        /// Record exactly these entries (an untranslated one as an intentional copy).
        ids: Vec<String>,
        /// Also record every entry whose source changed since it was accepted.
        #[arg(long)]
        drifted: bool,
        /// Also record entries whose source changed only in punctuation, spacing or case.
        #[arg(long)]
        cosmetic: bool,
        /// Record every translated entry, drifted ones included (the guard still applies).
        #[arg(long)]
        all: bool,
        /// Record entries the guard would leave: error-level findings, untranslated copies,
        /// changed figures the translation does not state.
        #[arg(long)]
        force: bool,
        /// Show what would be recorded, in file order; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Turn announcements from the source folder into their reference resources
    ///
    /// Each announcement gives a message for its title, its date, each heading and each
    /// paragraph. Ids stay the same when an announcement is edited: a changed paragraph
    /// keeps its id (its translations then show as drifted), a new one gets a new id, a
    /// removed one's message goes. Comments and entries added to the resource by hand stay.
    Ingest {
        /// Announcement files (Markdown with front matter). Default: every one in the source folder.
        files: Vec<PathBuf>,
    },
    /// Add what a language lacks to its files, as copies for translators to translate
    ///
    /// Every entry of the reference that the language does not have is added in the
    /// reference's order, as a copy of the reference with a TODO comment above it; `check`
    /// reports it untranslated until it is translated. Nothing already there changes. A
    /// file that cannot be read as Fluent is left alone, and the run exits with 1.
    Sync {
        /// The language to fill in (for example `vi`).
        locale: String,
        /// Also move entries the reference no longer has to the end of the file, as comments.
        #[arg(long)]
        prune: bool,
    },
    /// Write every file the same way: spacing, indentation, Unicode NFC; comments kept
    ///
    /// A file with syntax errors is left alone (fix it first: `songngu check` shows where).
    /// Files whose text would not change are not touched.
    Fmt {
        /// Write nothing; list the files that need formatting and exit with 1 if there are any.
        #[arg(long)]
        check: bool,
        /// Files or folders to format. Default: every file in the locales folder.
        paths: Vec<PathBuf>,
    },
    /// Build what apps load: every language's resources and a manifest.json
    ///
    /// Each language gets every resource, checked the way an app's Fluent runtime will use
    /// it. Entries a language lacks are filled in from the reference, so readers never see
    /// a raw id; a translation whose source changed a figure, date or name since it was
    /// accepted is served from the reference until it is updated. Anything that would
    /// break at run time (unparsable text, an id defined twice, a reference to nothing, an
    /// unknown variable) stops the build with exit code 1 and nothing written. The output
    /// folder is replaced in one step, so an app never reads half a build.
    Build {
        /// Where to write. Default: `out_dir` of songngu.toml (`dist`).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Entries a language does not have: `fill` serves the reference's text, `omit`
        /// leaves them out for the app to fall back on.
        #[arg(long, value_enum, default_value_t = MissingArg::Fill)]
        missing: MissingArg,
        /// Translations whose source changed a fact (a number, date, URL or name) since they
        /// were accepted: `reference` serves the source's current text, `keep` the stale translation.
        #[arg(long, value_enum, default_value_t = DriftedArg::Reference)]
        drifted: DriftedArg,
        /// Build even with entries that would break at run time, leaving them out (and
        /// filling them in from the reference).
        #[arg(long)]
        allow_errors: bool,
    },
    /// Show an announcement as readers of one language will see it
    ///
    /// The title, date, headings and paragraphs, from the current files built in memory
    /// (or from a build folder with --from), with the same fallback an app gets: a text the
    /// language lacks comes from the reference, and a note on stderr says which.
    Render {
        /// The announcement: its file name in the source folder without `.md`.
        slug: String,
        /// The reader's language (for example `vi`, or `vi-VN`).
        #[arg(long, value_name = "LOCALE")]
        locale: String,
        /// `md` (Markdown) or `html` (a standalone page).
        #[arg(long, value_enum, default_value_t = DocFormat::Md)]
        format: DocFormat,
        /// Read this build folder instead of building the current files.
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
    },
    /// Show one message as an app will format it, in one language
    Format {
        /// The message id, or `id.attribute` for an attribute.
        id: String,
        /// The reader's language (for example `vi`, or `vi-VN`).
        #[arg(long, value_name = "LOCALE")]
        locale: String,
        /// A value the app passes, as NAME=VALUE (repeat for several); numbers stay numbers.
        #[arg(long = "arg", value_name = "NAME=VALUE")]
        args: Vec<String>,
        /// Read this build folder instead of building the current files.
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
    },
    /// Write a language's entries to a file for a translation tool (XLIFF 1.2 or PO)
    ///
    /// Each entry (and each attribute of it) is one unit: the reference text as source,
    /// the current translation as target. Accepted translations are marked approved;
    /// drifted ones carry the previous source text. Translate in OmegaT, memoQ, Trados,
    /// Weblate, Poedit…, then bring the file back with `songngu import`.
    Export {
        /// The language to translate into (for example `vi`).
        #[arg(long, value_name = "LOCALE")]
        locale: String,
        /// `xliff` (XLIFF 1.2, read by most translation tools) or `po` (gettext).
        #[arg(long, value_enum, default_value_t = ExportFormat::Xliff)]
        format: ExportFormat,
        /// Only entries in these states, comma-separated. Default: every entry.
        #[arg(long, value_enum, value_delimiter = ',', value_name = "STATES")]
        only: Vec<OnlyArg>,
        /// Write to this file instead of the standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Bring translations back from an XLIFF or PO file made by `songngu export`
    ///
    /// Only entries whose translation changed are written, in place: comments, order and
    /// every other entry stay as they are. A translation is merged only if it passes the
    /// checks (its placeables, variables and syntax intact); what is refused is listed
    /// with the reason. Importing records nothing: run `songngu accept` once reviewed.
    Import {
        /// The .xlf/.xliff or .po file.
        file: PathBuf,
        /// Show what would be merged and refused, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a translation memory (TMX 1.4b) of every accepted English–Vietnamese pair
    Tmx {
        /// Write to this file instead of the standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write out the project's glossary, its Fluent terms included
    ///
    /// The names the `glossary` check holds translations to (from `glossary.tbx`, or the
    /// files `glossary = [...]` in songngu.toml names), then every term of the project's
    /// Fluent files (`-un`, `-convention`…) with its value in each language: one file to
    /// give a CAT tool's termbase or a new translator.
    Glossary {
        /// `tbx` (TBX-Basic, read by most translation tools) or `csv` (source,target,note).
        #[arg(long, value_enum, default_value_t = GlossaryFormat::Tbx)]
        format: GlossaryFormat,
        /// Write to this file instead of the standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a progress report as one self-contained web page
    ///
    /// Progress per language, a table per resource, every drifted entry with its old→new
    /// source diff beside the current translation, and each announcement side by side in
    /// every language. The page loads nothing from elsewhere: mail it or publish it as is.
    Report {
        /// The page to write (for example `report.html`).
        #[arg(long, value_name = "FILE")]
        html: PathBuf,
    },
    /// Explain a finding's code: what it means, why it matters, how to fix it
    Explain {
        /// The code, as shown in brackets in `check` output (for example `untranslated`).
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every code with a one-line summary.
        #[arg(long)]
        list: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Xliff,
    Po,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GlossaryFormat {
    Tbx,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnlyArg {
    Missing,
    Untranslated,
    Drifted,
    Unaccepted,
    Accepted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MissingArg {
    Fill,
    Omit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DriftedArg {
    Reference,
    Keep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Md,
    Html,
}
