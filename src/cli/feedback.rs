//! `touchpoint feedback`: survey answers and comments onto a journey's touchpoints.

use crate::evidence::feedback::{
    F_CHANNEL, F_COMMENT, F_DATE, F_RESPONDENT, F_SCORE, F_SEGMENT, F_TOUCHPOINT, Mode, Options,
    PeriodKind, parse_rules, read_feedback,
};
use crate::evidence::report;
use crate::evidence::scale::Scale;
use crate::evidence::table::{ColumnRef, TableReader};
use crate::report::ReportFormat;
use std::io::Write;
use std::path::{Path, PathBuf};

fn parse_scale(s: &str) -> Result<Scale, String> {
    Scale::parse(s).ok_or_else(|| format!("`{s}` is not a scale (0-10, 1-5, 1-7, stars)"))
}

fn parse_period(s: &str) -> Result<PeriodKind, String> {
    PeriodKind::parse(s).ok_or_else(|| format!("`{s}` is not a period (week, month, quarter)"))
}

// `touchpoint feedback JOURNEY FILE... [-o OUT] [--format text|markdown|json] [--scale S]
// [--merge|--replace] [--period week|month|quarter] [--rules FILE] [--strict]`
#[derive(clap::Args, Debug, Clone)]
pub struct FeedbackArgs {
    /// The journey (`*.journey.ron`) whose touchpoints the answers are about.
    pub journey: PathBuf,
    /// Answer tables, one row per answer: CSV (comma, semicolon or tab) or Excel `.xlsx`.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Write the journey with the measured scores, themes and trends here (`-` for standard
    /// output, the report then goes to standard error). Without it only the report is printed.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The report: text for a terminal, Markdown, or JSON for scripts.
    #[arg(long, default_value = "text", value_name = "text|markdown|json")]
    pub format: ReportFormat,
    /// The answers' scale, mapped linearly onto 0-10; detected from the values when omitted.
    #[arg(long, value_name = "0-10|1-5|1-7|stars", value_parser = parse_scale)]
    pub scale: Option<Scale>,
    /// Add the answers to each touchpoint's typed histogram.
    #[arg(long, conflicts_with = "replace")]
    pub merge: bool,
    /// Replace each touchpoint's score by the answers' (the default).
    #[arg(long)]
    pub replace: bool,
    /// The trend's periods.
    #[arg(long, default_value = "month", value_name = "week|month|quarter", value_parser = parse_period)]
    pub period: PeriodKind,
    /// Rules for rows without a touchpoint: lines `keyword, keyword -> touchpoint` or
    /// `channel: Phone -> touchpoint` (first match wins).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// The Excel worksheet to read (the first when omitted).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Fail (exit 1, write nothing) when any row could not be used.
    #[arg(long)]
    pub strict: bool,
    /// The touchpoint column (its header, its number from 1, or its letter).
    #[arg(long, value_name = "COLUMN")]
    pub touchpoint_column: Option<String>,
    /// The score column.
    #[arg(long, value_name = "COLUMN")]
    pub score_column: Option<String>,
    /// The comment column.
    #[arg(long, value_name = "COLUMN")]
    pub comment_column: Option<String>,
    /// The date column.
    #[arg(long, value_name = "COLUMN")]
    pub date_column: Option<String>,
    /// The channel column (used by `channel:` rules).
    #[arg(long, value_name = "COLUMN")]
    pub channel_column: Option<String>,
    /// The segment column.
    #[arg(long, value_name = "COLUMN")]
    pub segment_column: Option<String>,
    /// The respondent column.
    #[arg(long, value_name = "COLUMN")]
    pub respondent_column: Option<String>,
}

/// Run `touchpoint feedback`. Exit codes: 0 read (problems are in the report), 1 nothing
/// usable / `--strict` with problems / cannot read or write, 2 usage.
pub fn cli_feedback(args: &FeedbackArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut journey = match crate::io::load_file(&args.journey) {
        Ok(j) => j,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let mut options = Options {
        scale: args.scale,
        period: args.period,
        ..Options::default()
    };
    for (field, col) in [
        (F_TOUCHPOINT, &args.touchpoint_column),
        (F_SCORE, &args.score_column),
        (F_COMMENT, &args.comment_column),
        (F_DATE, &args.date_column),
        (F_CHANNEL, &args.channel_column),
        (F_SEGMENT, &args.segment_column),
        (F_RESPONDENT, &args.respondent_column),
    ] {
        if let Some(c) = col {
            options.columns.push((field, ColumnRef(c.clone())));
        }
    }
    let mut rule_problems = Vec::new();
    if let Some(path) = &args.rules {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let (rules, problems) = parse_rules(&path.display().to_string(), &text, &journey);
                options.rules = rules;
                rule_problems = problems;
            }
            Err(e) => {
                let _ = writeln!(err, "{}: cannot read: {e}", path.display());
                return 1;
            }
        }
    }
    let mut readers = Vec::new();
    for path in &args.files {
        match TableReader::open(path, args.sheet.as_deref()) {
            Ok(r) => readers.push(r),
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        }
    }
    let mut feedback = read_feedback(&journey, readers, &options);
    feedback.problems.splice(0..0, rule_problems);
    let rendered = match args.format {
        ReportFormat::Text => report::text(&feedback),
        ReportFormat::Markdown => report::markdown(&feedback),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report::json(&feedback)).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    {
        let sink: &mut dyn Write = if to_stdout { &mut *err } else { &mut *out };
        let _ = sink.write_all(rendered.as_bytes());
    }
    let usable = feedback.responses() > 0 || feedback.touchpoints.iter().any(|t| t.comments > 0);
    if !usable {
        let _ = writeln!(err, "{}", crate::i18n::tr("cli-fb-nothing-usable"));
        return 1;
    }
    let problems = feedback.problems.len() + feedback.more_problems + feedback.unmatched.len();
    if args.strict && problems > 0 {
        let _ = writeln!(err, "{}", crate::tr!("cli-fb-strict", count = problems));
        return 1;
    }
    let Some(output) = &args.output else {
        return 0;
    };
    let mode = if args.merge {
        Mode::Merge
    } else {
        Mode::Replace
    };
    feedback.apply(&mut journey, mode);
    if to_stdout {
        return crate::io::write_journey(&journey, output, out, err);
    }
    // The report is on standard output: the "written" line goes to standard error.
    let mut note = Vec::new();
    let code = crate::io::write_journey(&journey, output, &mut note, err);
    let _ = err.write_all(&note);
    code
}
