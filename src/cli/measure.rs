//! `touchpoint measure JOURNEY LOG`: hold a drawn journey against an event log.

use super::mine::{ColumnArgs, read_log, save};
use crate::evidence::eventlog::measure;
use crate::report::ReportFormat;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct MeasureArgs {
    /// The drawn `*.journey.ron`.
    pub journey: PathBuf,
    /// The event log (CSV or XES).
    pub log: PathBuf,
    /// Match activities to touchpoints by a CSV of `activity,touchpoint id` rows (else by id or name).
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// Write a copy of the journey with the measured volumes and times (`-` for standard output).
    #[arg(short, long, value_name = "OUT.journey.ron")]
    pub output: Option<PathBuf>,
    /// The report: text, markdown or json.
    #[arg(long, default_value = "text", value_name = "text|markdown|json")]
    pub format: ReportFormat,
    /// Ignore directly-follows pairs taken by fewer than this share of cases (default 0: none).
    #[arg(long, default_value_t = 0.0, value_name = "F")]
    pub min_share: f64,
    /// Exit 1 when any row could not be read.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub columns: ColumnArgs,
}

/// Exit 1 when hidden or unseen handoffs exist (or nothing could be read), else 0.
pub fn cli_measure(args: &MeasureArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let journey = match crate::io::load_file(&args.journey) {
        Ok(j) => j,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let map = match &args.map {
        None => None,
        Some(p) => {
            let text = match std::fs::read_to_string(p) {
                Ok(t) => t,
                Err(e) => {
                    let _ = writeln!(err, "{}: could not read: {e}", p.display());
                    return 1;
                }
            };
            match measure::read_map(&p.display().to_string(), &text, &journey) {
                Ok(m) => Some(m),
                Err(problems) => {
                    for l in problems {
                        let _ = writeln!(err, "{l}");
                    }
                    return 1;
                }
            }
        }
    };
    let key_fn = measure::key_fn(&journey, map.as_deref());
    let Some(read) = read_log(&args.log, &args.columns, Some(key_fn), err) else {
        return 1;
    };
    let m = &read.mined;
    let me = measure::measure(&journey, m, args.min_share);
    let mut code = u8::from(me.has_gaps());
    if let Some(o) = &args.output {
        if save(&me.measured, o, out, err) != 0 {
            return 1;
        }
        if o == std::path::Path::new("-") {
            return code;
        }
    }
    let text = match args.format {
        ReportFormat::Json => {
            serde_json::to_string_pretty(&measure::json(&me, &journey, m)).unwrap_or_default()
                + "\n"
        }
        ReportFormat::Text => measure::text(&me, &journey, m, false),
        ReportFormat::Markdown => measure::text(&me, &journey, m, true),
    };
    let _ = out.write_all(text.as_bytes());
    if args.strict && !read.problems.is_empty() {
        code = 1;
    }
    code
}
