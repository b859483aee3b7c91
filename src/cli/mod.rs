//! The command line. `touchpoint` with no subcommand (or with a FILE) opens the app.

mod analyze;
mod drivers;
mod export;
mod feedback;
mod fmt;
mod generate;
mod import;
mod measure;
mod mine;
mod minesql;
mod portfolio;
pub mod recover;
mod validate;
mod values;
mod whatif;

pub use analyze::{cli_analyze, cli_diff};
pub use drivers::{ColumnArgs, DriversArgs, cli_drivers};
pub use export::{ExportArgs, cli_export};
pub use feedback::{FeedbackArgs, cli_feedback};
pub use import::{ImportArgs, cli_import};
pub use portfolio::cli_portfolio;
pub use recover::RecoverArgs;
pub use whatif::{WhatifArgs, cli_whatif};

use crate::i18n::{self, Lang, tr_args};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "touchpoint",
    version,
    about = "Customer-journey mapping across departments: see where the journey breaks between them.",
    long_about = "Touchpoint puts a customer journey on one canvas: touchpoints in stage columns and \
                  department swimlanes, handoffs as edges, owners, metrics and satisfaction scores, and \
                  computes the cross-department gaps.\n\nWith no subcommand it opens the app (on FILE, or \
                  on the bundled move-address journey).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A `*.journey.ron` file to open in the app.
    pub file: Option<PathBuf>,
    /// Language of the human output (reports, maps, messages): `en` or `zh-CN`
    /// (`zh`, `zh_CN.UTF-8` also work). Default: LC_ALL, LC_MESSAGES or LANG, else English.
    /// JSON, CSV headers and exit codes never change with the language.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `defer`: a subcommand's arguments are built only when it runs (or its help is
/// asked for), not the arguments of all twenty on every start (issue 16: about a
/// tenth of a millisecond per subcommand of start-up). Names and descriptions stay
/// on the variants, so the top-level help is the same. An argument struct's own
/// description would replace its variant's when it is built, so those structs carry
/// plain comments, not doc comments (a test holds every subcommand's help to it).
#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum Command {
    /// Open FILE in the app (the same as `touchpoint FILE`).
    Open { file: Option<PathBuf> },
    /// Check journey files: a one-line summary each, or every problem as FILE:LINE:COLUMN: message.
    Validate {
        /// Journey files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite journey files in canonical form (stable order, 4-space indent, `\n` newlines).
    Fmt {
        /// Only check: exit 1 when a file is not canonical, change nothing.
        #[arg(long)]
        check: bool,
        /// Rewrite files that hold comments (`//`, `/* */`), dropping them: the canonical
        /// form cannot keep comments, so without this such files are left as they are.
        #[arg(long)]
        drop_comments: bool,
        /// Rewrite read-only files too (their permission bits are kept).
        #[arg(long)]
        force: bool,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a large synthetic journey for benchmarks and stress tests.
    Generate {
        /// How many touchpoints.
        #[arg(long, default_value_t = 10_000)]
        touchpoints: usize,
        /// Random seed (same seed, same journey).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (`-` for standard output).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Compute the cross-department gaps of a journey: headline figures, handoff matrix, ranked gaps.
    Analyze {
        /// The `*.journey.ron` file.
        file: PathBuf,
        /// Output: a terminal report, Markdown for a wiki, or JSON (schema 1) for scripts.
        #[arg(long, default_value = "text", value_name = "text|markdown|json")]
        format: crate::report::ReportFormat,
        /// Exit 1 when there are gaps at or above this severity (info, low, medium, high, critical).
        #[arg(long, value_name = "SEVERITY")]
        fail_on: Option<crate::analysis::Severity>,
        /// Report a satisfaction drop when the mean falls by at least N points across a handoff (default 2).
        #[arg(long, value_name = "N")]
        drop: Option<f64>,
    },
    /// Compare an as-is journey with a to-be journey: changes and headline figures side by side.
    Diff {
        as_is: PathBuf,
        to_be: PathBuf,
        #[arg(long, default_value = "text", value_name = "text|markdown|json")]
        format: crate::report::ReportFormat,
    },
    /// List every `*.journey.ron` of a folder with its owner and headline figures (journey portfolio).
    Portfolio {
        /// The folder to scan (not its subfolders).
        dir: PathBuf,
        #[arg(long, default_value = "text", value_name = "text|markdown|json")]
        format: crate::report::ReportFormat,
    },
    /// Open the app comparing an as-is journey with a to-be journey side by side.
    Compare { as_is: PathBuf, to_be: PathBuf },
    /// Open the app straight in presentation mode (war room): full screen, stage by stage.
    Present {
        /// The journey (the bundled move-address journey when omitted).
        file: Option<PathBuf>,
    },
    /// Start a new journey file with the four move-address stages and a Customer lane.
    New {
        /// Output file.
        file: PathBuf,
        /// Title of the journey.
        #[arg(long, default_value = "New journey")]
        title: String,
    },
    /// Import a CSV table or a Mermaid `journey` diagram as a journey file.
    Import(ImportArgs),
    /// Key-driver analysis: which touchpoints drive overall satisfaction and a
    /// binary outcome (renewed, churned), from respondent-level answers, with
    /// bootstrap intervals, importance x performance quadrants and honest notes.
    Drivers(DriversArgs),
    /// What-if scenarios: score changes through the fitted driver models, structural
    /// changes (cut waits, remove handoffs, merge touchpoints, handling time) through
    /// the journey analysis, before and after with ratios.
    Whatif(WhatifArgs),
    /// Put survey answers and comments (CSV or .xlsx, one row per answer) on a journey's
    /// touchpoints: histograms, means, NPS, comment themes with quotes, trends per period.
    Feedback(FeedbackArgs),
    /// Export a journey: the map as svg, png or pdf; a report as md or html (with --compare
    /// TO_BE for as-is vs to-be); csv (tables), mermaid (a `journey` diagram), dot (Graphviz).
    Export(ExportArgs),
    /// List journeys recovered after a crash, restore one to a file, or discard it.
    ///
    /// Touchpoint autosaves unsaved changes every few seconds to recovery files in its data
    /// folder (or $TOUCHPOINT_DATA_DIR); after a crash they are listed here and offered when
    /// the app starts again.
    Recover {
        /// The recovered journey (an id from the list).
        id: Option<String>,
        /// List the recovered journeys (what `touchpoint recover` does without ID).
        #[arg(long, conflicts_with_all = ["id", "output", "discard"])]
        list: bool,
        /// Write the recovered journey to this file (`-` for standard output).
        #[arg(short, long, requires = "id")]
        output: Option<PathBuf>,
        /// Replace OUTPUT if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// Keep the recovery file after restoring it.
        #[arg(long, requires = "output")]
        keep: bool,
        /// Delete the recovered journey without restoring it.
        #[arg(long, requires = "id", conflicts_with = "output")]
        discard: bool,
    },
    /// Mine the as-is journey from an event log (CSV or XES): touchpoints, handoffs with their
    /// counts and queue times, and a report of paths, elapsed times and where cases end.
    Mine(mine::MineArgs),
    /// Hold a drawn journey against an event log: unmapped activities, hidden and unseen
    /// handoffs, figures more than 20% off. Exit 1 when hidden or unseen handoffs exist.
    Measure(measure::MeasureArgs),
    /// Simulate cases through a journey and write them as an event log (CSV, or XES for `.xes`).
    GenerateLog(mine::GenerateLogArgs),
    /// Test hook: load JOURNEY, make EDITS renames, autosave, then wait to be killed.
    #[command(hide = true)]
    AutosaveTest {
        #[arg(long)]
        journey: PathBuf,
        #[arg(long, default_value_t = 1)]
        edits: usize,
    },
    /// Test hook: make one unsaved edit and panic (debug builds only).
    #[cfg(debug_assertions)]
    #[command(hide = true)]
    PanicTest {
        #[arg(long)]
        journey: Option<PathBuf>,
    },
}

/// The language of the command line's human output: `--lang` when given, else the
/// environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. An unknown `--lang` is
/// an error naming the languages there are.
pub fn choose_lang(flag: Option<&str>) -> Result<Lang, String> {
    match flag {
        Some(text) => Lang::parse(text).ok_or_else(|| {
            let tags: Vec<&str> = i18n::available().iter().map(Lang::tag).collect();
            tr_args(
                "cli-unknown-lang",
                &[("lang", text.into()), ("available", tags.join(", ").into())],
            )
        }),
        None => Ok(i18n::from_env().unwrap_or_default()),
    }
}

/// Set this thread's language for a command line (see [`choose_lang`]); on an unknown
/// `--lang` write why to `err` and return the usage exit code (2).
pub fn set_lang(flag: Option<&str>, err: &mut dyn Write) -> Result<(), ExitCode> {
    match choose_lang(flag) {
        Ok(lang) => {
            i18n::set_current(&lang);
            Ok(())
        }
        Err(message) => {
            let _ = writeln!(err, "touchpoint: {message}");
            Err(ExitCode::from(2))
        }
    }
}

/// Does the command write machine output (JSON)? That is written in English whatever
/// the language, so scripts read the same keys and values everywhere.
fn machine_output(command: &Command) -> bool {
    use crate::report::ReportFormat::Json;
    matches!(
        command,
        Command::Analyze { format: Json, .. }
            | Command::Diff { format: Json, .. }
            | Command::Portfolio { format: Json, .. }
    ) || match command {
        Command::Drivers(a) => a.format == Json,
        Command::Whatif(a) => a.format == Json,
        Command::Feedback(a) => a.format == Json,
        Command::Mine(a) => a.format == Json,
        Command::Measure(a) => a.format == Json,
        _ => false,
    }
}

/// Is the command's human output translated? The others still write English
/// sentences, so they run in English rather than mix English words with translated
/// numbers and units.
fn translated(command: &Command) -> bool {
    matches!(
        command,
        Command::Validate { .. }
            | Command::Analyze { .. }
            | Command::Diff { .. }
            | Command::Export(_)
            | Command::Portfolio { .. }
            | Command::Open { .. }
            | Command::Compare { .. }
            | Command::Present { .. }
            | Command::Drivers(_)
            | Command::Whatif(_)
            | Command::Feedback(_)
            | Command::Mine(_)
            | Command::Measure(_)
            | Command::Import(_)
            | Command::Fmt { .. }
            | Command::Recover { .. }
            | Command::New { .. }
            | Command::Generate { .. }
    )
}

/// Run a subcommand; `None` means "open the app". Human output is in this thread's
/// language ([`set_lang`]) for the commands translated so far (validate, analyze, diff,
/// export, portfolio, drivers, whatif, feedback, mine, measure, import, fmt, recover, new,
/// generate), in English for the others; JSON is always in English.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    if machine_output(&command) || !translated(&command) {
        return i18n::with_lang(&Lang::english(), || dispatch(command, out, err));
    }
    dispatch(command, out, err)
}

fn dispatch(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let code = match command {
        Command::Open { .. } | Command::Compare { .. } | Command::Present { .. } => 0,
        Command::Portfolio { dir, format } => cli_portfolio(&dir, format, out, err),
        Command::Validate { files } => validate::validate(&files, out, err),
        Command::Fmt {
            check,
            drop_comments,
            force,
            files,
        } => fmt::fmt(
            fmt::FmtOptions {
                check,
                drop_comments,
                force,
            },
            &files,
            out,
            err,
        ),
        Command::Generate {
            touchpoints,
            seed,
            output,
        } => generate::generate(touchpoints, seed, &output, out, err),
        Command::New { file, title } => generate::new_journey(&file, &title, out, err),
        Command::Import(args) => cli_import(&args, out, err),
        Command::Drivers(args) => cli_drivers(&args, out, err),
        Command::Whatif(args) => cli_whatif(&args, out, err),
        Command::Mine(args) => mine::cli_mine(&args, out, err),
        Command::Measure(args) => measure::cli_measure(&args, out, err),
        Command::GenerateLog(args) => mine::cli_generate_log(&args, out, err),
        Command::Export(args) => cli_export(&args, out, err),
        Command::Feedback(args) => cli_feedback(&args, out, err),
        Command::Analyze {
            file,
            format,
            fail_on,
            drop,
        } => cli_analyze(&file, format, fail_on, drop, out, err),
        Command::Diff {
            as_is,
            to_be,
            format,
        } => cli_diff(&as_is, &to_be, format, out, err),
        Command::Recover {
            id,
            list: _,
            output,
            force,
            keep,
            discard,
        } => recover::recover(
            &RecoverArgs {
                id,
                output,
                force,
                keep,
                discard,
            },
            out,
            err,
        ),
        Command::AutosaveTest { journey, edits } => {
            recover::autosave_test(&journey, edits, out, err)
        }
        #[cfg(debug_assertions)]
        Command::PanicTest { journey } => recover::panic_test(journey.as_deref(), err),
    };
    ExitCode::from(code)
}

pub(crate) fn file_label(path: &Path) -> String {
    path.display().to_string()
}
