//! `touchpoint drivers JOURNEY RESPONSES`: key-driver analysis of respondent answers.

use super::analyze::load;
use crate::analysis::fmt_count;
use crate::evidence::drivers::{
    DriverConfig, DriverReport, Drivers, Missing, ModelReport, NoteLevel, Quadrant, Respondents,
    ScoreColumn,
};
use crate::evidence::respondents::{ReadRespondents, RespondentColumns, read_respondents};
use crate::evidence::table::TableReader;
use crate::i18n::format as f;
use crate::i18n::tr;
use crate::model::{Journey, JourneyMeta, KeyDrivers};
use crate::report::ReportFormat;
use crate::report::analyze::{pad, pad_left};
use clap::Args;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Problems of the respondents file printed one by one; the rest are counted.
const MAX_PROBLEMS_SHOWN: usize = 20;

#[derive(Args, Debug, Clone)]
pub struct DriversArgs {
    /// The `*.journey.ron` file (its touchpoints name the score columns).
    pub journey: PathBuf,
    /// Respondent answers (CSV or .xlsx): one row per customer, a score column per
    /// touchpoint (header = touchpoint id or name), an overall column, optionally an
    /// outcome (yes/no, 1/0, true/false) and a segment column.
    pub responses: PathBuf,
    #[command(flatten)]
    pub columns: ColumnArgs,
    /// Output: a terminal report, Markdown, or JSON for scripts.
    #[arg(long, default_value = "text", value_name = "text|markdown|json")]
    pub format: ReportFormat,
    /// Write the results into the journey file: high-importance, low-score
    /// touchpoints become "key driver" gaps in `touchpoint analyze`.
    #[arg(long)]
    pub save: bool,
    /// Also draw the importance x performance chart (overall model, else the
    /// outcome's) to this file: `.svg`, `.png` or `.pdf`.
    #[arg(long, value_name = "OUT.svg|png|pdf")]
    pub chart: Option<PathBuf>,
}

// Options shared by `drivers` and `whatif`.
#[derive(Args, Debug, Clone, Default)]
pub struct ColumnArgs {
    /// The overall column (header, 1-based number or letter); found by its header
    /// (overall, satisfaction, nps, ltr, recommend...) when omitted.
    #[arg(long, value_name = "COL")]
    pub overall: Option<String>,
    /// The binary outcome column (renewed, churned, converted...).
    #[arg(long, value_name = "COL")]
    pub outcome: Option<String>,
    /// A segment column: the analysis is repeated for each segment.
    #[arg(long, value_name = "COL")]
    pub segment: Option<String>,
    /// The worksheet of an .xlsx file (the first when omitted).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Bootstrap resamples for the intervals.
    #[arg(long, default_value_t = 200)]
    pub resamples: usize,
    /// Bootstrap seed (same seed, same intervals).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Blank touchpoint answers: filled with the touchpoint's mean, or respondents
    /// with a blank left out.
    #[arg(
        long,
        default_value = "mean-impute",
        value_name = "mean-impute|listwise"
    )]
    pub missing: String,
}

impl ColumnArgs {
    pub(crate) fn config(&self) -> Result<DriverConfig, String> {
        let missing = match self.missing.trim().to_ascii_lowercase().as_str() {
            "mean-impute" | "impute" | "mean" => Missing::MeanImpute,
            "listwise" | "complete" => Missing::Listwise,
            other => {
                return Err(tr!("cli-drv-bad-missing", value = other));
            }
        };
        if self.resamples > 10_000 {
            return Err(tr!("cli-drv-too-many-resamples", count = self.resamples));
        }
        Ok(DriverConfig {
            resamples: self.resamples,
            seed: self.seed,
            missing,
            ..DriverConfig::default()
        })
    }
}

/// Read the respondents file, printing its problems to `err`.
pub(crate) fn read(
    path: &Path,
    journey: &Journey,
    cols: &ColumnArgs,
    err: &mut dyn Write,
) -> Option<ReadRespondents> {
    let reader = match TableReader::open(path, cols.sheet.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return None;
        }
    };
    let columns = RespondentColumns {
        overall: cols.overall.clone(),
        outcome: cols.outcome.clone(),
        segment: cols.segment.clone(),
    };
    match read_respondents(reader, journey, &columns) {
        Ok(r) => {
            for p in r.problems.iter().take(MAX_PROBLEMS_SHOWN) {
                let _ = writeln!(err, "{p}");
            }
            if r.problems.len() > MAX_PROBLEMS_SHOWN {
                let _ = writeln!(
                    err,
                    "{}",
                    tr!(
                        "cli-drv-more-problems",
                        path = path.display().to_string(),
                        count = r.problems.len() - MAX_PROBLEMS_SHOWN
                    )
                );
            }
            Some(r)
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            None
        }
    }
}

/// The respondents of one segment.
fn subset(data: &Respondents, rows: &[usize]) -> Respondents {
    let pick = |v: &[Option<f64>]| rows.iter().map(|&r| v.get(r).copied().flatten()).collect();
    Respondents {
        touchpoints: data
            .touchpoints
            .iter()
            .map(|c| ScoreColumn {
                touchpoint: c.touchpoint.clone(),
                name: c.name.clone(),
                scores: pick(&c.scores),
            })
            .collect(),
        overall_name: data.overall_name.clone(),
        overall: pick(&data.overall),
        outcome_name: data.outcome_name.clone(),
        outcome: data
            .outcome
            .as_ref()
            .map(|o| rows.iter().map(|&r| o.get(r).copied().flatten()).collect()),
    }
}

#[derive(Serialize)]
struct SegmentReport {
    segment: String,
    #[serde(flatten)]
    report: DriverReport,
}

#[derive(Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    report: &'a DriverReport,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    segments: Vec<SegmentReport>,
}

/// The short name of a quadrant in a table ("act", "优先改进").
fn quadrant_word(q: Quadrant) -> String {
    tr(match q {
        Quadrant::Act => "drv-quadrant-act",
        Quadrant::Maintain => "drv-quadrant-maintain",
        Quadrant::Monitor => "drv-quadrant-monitor",
        Quadrant::Secondary => "drv-quadrant-secondary",
    })
}

fn model_text(m: &ModelReport, outcome: bool, md: bool, s: &mut String) {
    use std::fmt::Write as _;
    let respondents = fmt_count(m.respondents as u64);
    let title = if outcome {
        tr!(
            "drv-outcome",
            column = m.column.as_str(),
            rate = f::share(m.rate.unwrap_or(0.0)),
            r2 = format!("{:.2}", m.r2),
            respondents = respondents
        )
    } else {
        tr!(
            "drv-overall",
            column = m.column.as_str(),
            mean = f::score(m.mean.unwrap_or(0.0)),
            r2 = format!("{:.2}", m.r2),
            respondents = respondents
        )
    };
    let effect = tr(if outcome {
        "drv-col-odds-ratio"
    } else {
        "drv-col-coefficient"
    });
    let head = [
        tr("drv-col-rank"),
        tr("drv-col-touchpoint"),
        tr("drv-col-importance"),
        tr("drv-col-interval"),
        effect,
        tr("drv-col-mean"),
        tr("drv-col-quadrant"),
    ];
    if md {
        let _ = writeln!(s, "## {title}\n");
        let _ = writeln!(
            s,
            "| {} |\n| ---: | --- | ---: | --- | ---: | ---: | --- |",
            head.join(" | ")
        );
    } else {
        let _ = writeln!(s, "{title}");
        let _ = writeln!(
            s,
            "  {}  {} {}  {} {} {}  {}",
            pad_left(&head[0], 4),
            pad(&head[1], 32),
            pad_left(&head[2], 10),
            pad(&head[3], 11),
            pad_left(&head[4], 11),
            pad_left(&head[5], 5),
            head[6]
        );
    }
    for d in &m.drivers {
        let eff = match d.odds_ratio {
            Some(or) => format!("{or:.2}"),
            None => format!("{:+.2}", d.coefficient),
        };
        let interval = format!("{}-{}", f::share(d.ci_low), f::share(d.ci_high));
        let quadrant = quadrant_word(d.quadrant);
        if md {
            let _ = writeln!(
                s,
                "| {} | {} (`{}`) | {} | {} | {} | {} | {} |",
                d.rank,
                crate::report::escape::md(&d.name),
                d.touchpoint,
                f::share(d.importance),
                interval,
                eff,
                f::score(d.mean),
                quadrant
            );
        } else {
            let _ = writeln!(
                s,
                "  {:>4}  {} {}  {} {:>11} {:>5}  {}",
                d.rank,
                pad(&d.touchpoint, 32),
                pad_left(&f::share(d.importance), 10),
                pad(&interval, 11),
                eff,
                f::score(d.mean),
                quadrant
            );
        }
    }
    let act: Vec<&str> = m.act_first().map(|d| d.touchpoint.as_str()).collect();
    if !act.is_empty() {
        let _ = writeln!(
            s,
            "{}{}",
            if md { "\n" } else { "  " },
            tr!("drv-act-first", touchpoints = act.join(", "))
        );
    }
    for e in &m.excluded {
        let _ = writeln!(
            s,
            "{}{}",
            if md { "- " } else { "  " },
            tr!(
                "drv-left-out",
                touchpoint = e.touchpoint.as_str(),
                reason = e.reason.as_str()
            )
        );
    }
    let _ = writeln!(s);
}

fn report_text(r: &DriverReport, md: bool, s: &mut String) {
    use std::fmt::Write as _;
    if let Some(m) = &r.overall {
        model_text(m, false, md, s);
    }
    if let Some(m) = &r.outcome {
        model_text(m, true, md, s);
    }
    for n in &r.notes {
        let id = match n.level {
            NoteLevel::Cannot => "drv-note-cannot",
            NoteLevel::Warning => "drv-note-warning",
            NoteLevel::Info => "drv-note-info",
        };
        let _ = writeln!(
            s,
            "{}{}",
            if md { "- " } else { "" },
            tr!(id, text = n.text.as_str())
        );
    }
}

/// Key-driver results for the journey file, from the overall model (or the
/// outcome's when there is no overall model).
pub(crate) fn key_drivers(r: &DriverReport, source: &Path) -> Option<KeyDrivers> {
    let name = source
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    r.key_drivers(&name)
}

/// `touchpoint drivers`: 0 success, 1 an input cannot be read, the journey cannot be
/// written, or the data cannot support any model (the notes say why), 2 usage error.
pub fn cli_drivers(args: &DriversArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let config = match args.columns.config() {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    if let Some(path) = &args.chart
        && crate::export::drivers_chart::chart_format(path).is_none()
    {
        let _ = writeln!(
            err,
            "{}",
            tr!("kd-chart-extension", path = path.display().to_string())
        );
        return 2;
    }
    let Some(journey) = load(&args.journey, err) else {
        return 1;
    };
    let Some(read) = read(&args.responses, &journey, &args.columns, err) else {
        return 1;
    };
    let drivers = match Drivers::fit(&read.data, &config) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", args.responses.display());
            return 1;
        }
    };
    let mut segments = Vec::new();
    if let Some(segs) = &read.segments {
        let mut names: Vec<&String> = segs.iter().flatten().collect();
        names.sort();
        names.dedup();
        for name in names {
            let rows: Vec<usize> = (0..segs.len())
                .filter(|&i| segs.get(i).and_then(|s| s.as_ref()) == Some(name))
                .collect();
            if let Ok(d) = Drivers::fit(&subset(&read.data, &rows), &config) {
                segments.push(SegmentReport {
                    segment: name.clone(),
                    report: d.report,
                });
            }
        }
    }
    let report = &drivers.report;
    let text = match args.format {
        ReportFormat::Json => {
            let o = Output { report, segments };
            let mut t = serde_json::to_string_pretty(&o).unwrap_or_default();
            t.push('\n');
            t
        }
        ReportFormat::Text | ReportFormat::Markdown => {
            let md = args.format == ReportFormat::Markdown;
            let mut s = String::new();
            let file = args.responses.display().to_string();
            let respondents = fmt_count(report.respondents as u64);
            if md {
                s.push_str(&format!(
                    "# {}\n\n{}\n\n",
                    tr!(
                        "drv-title-md",
                        title = crate::report::escape::md(journey.title())
                    ),
                    tr!(
                        "drv-respondents-md",
                        respondents = respondents.as_str(),
                        file = file.as_str()
                    )
                ));
            } else {
                s.push_str(&tr!(
                    "drv-title",
                    title = journey.title(),
                    respondents = respondents.as_str(),
                    file = file.as_str()
                ));
                s.push_str("\n\n");
            }
            report_text(report, md, &mut s);
            for seg in &segments {
                s.push_str(&format!(
                    "\n{}{}\n\n",
                    if md { "## " } else { "" },
                    tr!(
                        "drv-segment",
                        segment = seg.segment.as_str(),
                        respondents = fmt_count(seg.report.respondents as u64)
                    )
                ));
                report_text(&seg.report, md, &mut s);
            }
            s
        }
    };
    let _ = out.write_all(text.as_bytes());
    if let Some(path) = &args.chart {
        let Some(scene) = crate::export::drivers_chart::report_chart(
            &journey,
            report,
            crate::scene::Theme::Light,
        ) else {
            let _ = writeln!(err, "{}", tr("kd-chart-nothing"));
            return 1;
        };
        if let Err(e) = crate::export::drivers_chart::write_chart(&scene, path) {
            let _ = writeln!(err, "{e}");
            return 1;
        }
        let _ = writeln!(
            err,
            "{}",
            tr!("kd-chart-written", path = path.display().to_string())
        );
    }
    if args.save {
        let Some(kd) = key_drivers(report, &args.responses) else {
            let _ = writeln!(err, "{}", tr("cli-drv-nothing-to-save"));
            return 1;
        };
        let mut j = journey;
        let meta = JourneyMeta {
            drivers: Some(kd),
            ..j.meta().clone()
        };
        if let Err(e) = j.set_meta(meta) {
            let _ = writeln!(err, "{e}");
            return 1;
        }
        if let Err(e) = crate::io::save(&args.journey, &j) {
            let _ = writeln!(err, "{}: {e}", args.journey.display());
            return 1;
        }
        let _ = writeln!(
            err,
            "{}",
            tr!("cli-drv-saved", path = args.journey.display().to_string())
        );
    }
    if report.overall.is_none() && report.outcome.is_none() {
        return 1;
    }
    0
}
