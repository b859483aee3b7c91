//! `touchpoint mine LOG`: the as-is journey from an event log, and its report;
//! `touchpoint generate-log JOURNEY`: a log with a known truth simulated through a journey.

use crate::evidence::eventlog::{self, LogRead, ReadOptions, Role, build, generate, report};
use crate::report::ReportFormat;
use std::io::Write;
use std::path::{Path, PathBuf};

// Columns (CSV) or attribute keys (XES) named explicitly; found by name otherwise.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ColumnArgs {
    /// The case id column (default: `Case ID`, `case:concept:name`, `ticket`, `order id`, ...).
    #[arg(long, value_name = "NAME")]
    pub case: Option<String>,
    /// The activity column (default: `Activity`, `concept:name`, `event`, `step`, ...).
    #[arg(long, value_name = "NAME")]
    pub activity: Option<String>,
    /// The completion time column (default: `Complete Timestamp`, `time:timestamp`, `timestamp`, `end time`, ...).
    #[arg(long, value_name = "NAME")]
    pub timestamp: Option<String>,
    /// The start time column (default: `Start Timestamp`, `start time`, ...).
    #[arg(long, value_name = "NAME")]
    pub start: Option<String>,
    /// The department column (default: `Department`, `org:group`, `team`, ...).
    #[arg(long, value_name = "NAME")]
    pub department: Option<String>,
    /// The resource column (default: `Resource`, `org:resource`, `agent`, ...).
    #[arg(long, value_name = "NAME")]
    pub resource: Option<String>,
    /// The channel column (default: `Channel`, ...).
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// The layer column (frontstage, backstage, ...; default: `Layer`, ...).
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,
    /// Events held in memory before spilling to temporary files (default 4,000,000).
    #[arg(long, value_name = "EVENTS", hide = true)]
    pub budget: Option<usize>,
}

impl ColumnArgs {
    pub fn options(&self) -> ReadOptions {
        let mut columns = Vec::new();
        for (role, v) in [
            (Role::Case, &self.case),
            (Role::Activity, &self.activity),
            (Role::Timestamp, &self.timestamp),
            (Role::Start, &self.start),
            (Role::Department, &self.department),
            (Role::Resource, &self.resource),
            (Role::Channel, &self.channel),
            (Role::Layer, &self.layer),
        ] {
            if let Some(name) = v {
                columns.push((role, name.clone()));
            }
        }
        ReadOptions {
            columns,
            budget: self.budget.unwrap_or(0),
            ..Default::default()
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct MineArgs {
    /// The event log: CSV (one row per event) or XES (`.xes`, `.xes.gz`).
    #[arg(required_unless_present_any = ["emit_sql", "from_aggregates"])]
    pub log: Option<PathBuf>,
    /// Write the mined journey here (`-` for standard output).
    #[arg(short, long, value_name = "OUT.journey.ron")]
    pub output: Option<PathBuf>,
    /// The report: text, markdown or json.
    #[arg(long, default_value = "text", value_name = "text|markdown|json")]
    pub format: ReportFormat,
    /// Drop handoffs taken by fewer than this share of cases (0 keeps all).
    #[arg(long, default_value_t = 0.01, value_name = "F")]
    pub min_share: f64,
    /// Stages from a CSV of `activity,stage` rows (else 3-6 from the activities' median position).
    #[arg(long, value_name = "FILE")]
    pub stages: Option<PathBuf>,
    /// Exit 1 when any row could not be read.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub columns: ColumnArgs,
    #[command(flatten)]
    pub sql: super::minesql::SqlArgs,
}

/// Read a log, printing its problems to `err`. `None` when nothing usable remains.
pub fn read_log(
    path: &Path,
    cols: &ColumnArgs,
    key_fn: Option<eventlog::KeyFn>,
    err: &mut dyn Write,
) -> Option<LogRead> {
    match eventlog::mine_path(path, &cols.options(), key_fn) {
        Ok(r) => {
            for l in r.problems.lines() {
                let _ = writeln!(err, "{l}");
            }
            Some(r)
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            None
        }
    }
}

/// Save a journey to `output` (`-`: standard output), a summary line to `err`.
pub fn save(
    journey: &crate::model::Journey,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if output == Path::new("-") {
        let _ = out.write_all(crate::io::to_ron_string(journey).as_bytes());
        return 0;
    }
    match crate::io::save(output, journey) {
        Ok(bytes) => {
            let _ = writeln!(
                err,
                "{}",
                crate::tr!(
                    "cli-mine-saved",
                    path = output.display().to_string(),
                    touchpoints = journey.touchpoint_count(),
                    handoffs = journey.handoff_count(),
                    bytes = bytes.len()
                )
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

pub fn cli_mine(args: &MineArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if !(0.0..=1.0).contains(&args.min_share) {
        let _ = writeln!(
            err,
            "--min-share must be between 0 and 1, not {}",
            args.min_share
        );
        return 2;
    }
    let stages = match &args.stages {
        None => None,
        Some(p) => {
            let text = match std::fs::read_to_string(p) {
                Ok(t) => t,
                Err(e) => {
                    let _ = writeln!(err, "{}: could not read: {e}", p.display());
                    return 1;
                }
            };
            match build::read_stages(&p.display().to_string(), &text) {
                Ok(s) => Some(s),
                Err(problems) => {
                    for l in problems {
                        let _ = writeln!(err, "{l}");
                    }
                    return 1;
                }
            }
        }
    };
    if args.sql.emit_sql {
        return super::minesql::cli_emit_sql(args, out, err);
    }
    let read = match (&args.sql.from_aggregates, &args.log) {
        (Some(path), _) => super::minesql::read_aggregates(path, err),
        (None, Some(log)) => read_log(log, &args.columns, None, err),
        (None, None) => None,
    };
    let Some(read) = read else {
        return 1;
    };
    let source = args
        .sql
        .from_aggregates
        .as_ref()
        .or(args.log.as_ref())
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let m = &read.mined;
    let built = build::journey(
        m,
        &build::BuildOptions {
            min_share: args.min_share,
            stages,
            title: None,
        },
    );
    for w in &built.warnings {
        let _ = writeln!(err, "{w}");
    }
    let mut code = 0;
    // With --strict a log with unreadable rows fails the run: the journey mined from
    // the rest is reported but not written.
    let refused = args.strict && !read.problems.is_empty();
    if let Some(o) = args.output.as_ref().filter(|_| !refused) {
        code = save(&built.journey, o, out, err);
        if o == Path::new("-") {
            return code;
        }
    }
    let text = match args.format {
        ReportFormat::Json => {
            let v = report::json(
                m,
                args.min_share,
                &read.problems.lines(),
                read.problems.count(),
            );
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        ReportFormat::Text => report::text(m, args.min_share, false),
        ReportFormat::Markdown => report::text(m, args.min_share, true),
    };
    let _ = out.write_all(text.as_bytes());
    if refused {
        let _ = writeln!(
            err,
            "{}",
            crate::tr!(
                "cli-mine-strict",
                count = read.problems.count(),
                path = source
            )
        );
        code = 1;
    }
    code
}

#[derive(clap::Args, Debug)]
pub struct GenerateLogArgs {
    /// The journey to simulate cases through (a `*.journey.ron`, or `sample:move-address`).
    pub journey: String,
    /// The CSV log to write (`.xes` writes XES).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Number of cases.
    #[arg(long, default_value_t = 1000)]
    pub cases: u64,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Start and complete as two rows with a lifecycle column (else start and end columns).
    #[arg(long)]
    pub lifecycle: bool,
}

pub fn cli_generate_log(args: &GenerateLogArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let journey = if let Some(name) = args.journey.strip_prefix("sample:") {
        let file = if name.ends_with(".journey.ron") {
            name.to_owned()
        } else {
            format!("{name}.journey.ron")
        };
        match crate::samples::load_sample(&file) {
            Some(Ok(j)) => j,
            _ => {
                let _ = writeln!(err, "no sample journey {name:?}");
                return 1;
            }
        }
    } else {
        match crate::io::load_file(Path::new(&args.journey)) {
            Ok(j) => j,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        }
    };
    let opts = generate::GenOptions {
        cases: args.cases,
        seed: args.seed,
        lifecycle: args.lifecycle,
        ..Default::default()
    };
    let xes = LogFormatOf(&args.output).is_xes();
    let result = (|| -> std::io::Result<generate::Truth> {
        let file = std::fs::File::create(&args.output)?;
        if xes {
            let mut csv = Vec::new();
            let truth = generate::write_csv(
                &journey,
                &generate::GenOptions {
                    lifecycle: false,
                    ..opts.clone()
                },
                &mut csv,
            )?;
            generate::csv_to_xes(
                &String::from_utf8_lossy(&csv),
                &mut std::io::BufWriter::new(file),
            )?;
            Ok(truth)
        } else {
            generate::write_csv(&journey, &opts, &mut std::io::BufWriter::new(file))
        }
    })();
    match result {
        Ok(t) => {
            let _ = writeln!(
                out,
                "{}: {} cases, {} events",
                args.output.display(),
                t.cases,
                t.events
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", args.output.display());
            1
        }
    }
}

struct LogFormatOf<'a>(&'a Path);

impl LogFormatOf<'_> {
    fn is_xes(&self) -> bool {
        eventlog::LogFormat::from_path(self.0) == eventlog::LogFormat::Xes
    }
}
