//! `touchpoint whatif JOURNEY [RESPONSES]`: what-if scenarios.

use super::analyze::load;
use super::drivers::{ColumnArgs, read};
use crate::analysis::{AnalysisConfig, analyze};
use crate::evidence::drivers::Drivers;
use crate::evidence::whatif::{ChangeKind, ScenarioResult, evaluate, figure_rows, parse_change};
use crate::i18n::tr;
use crate::model::{JourneyMeta, Scenario};
use crate::report::ReportFormat;
use crate::report::analyze::{pad, pad_left};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args, Debug, Clone)]
pub struct WhatifArgs {
    /// The `*.journey.ron` file.
    pub journey: PathBuf,
    /// Respondent answers (CSV or .xlsx), needed for score changes (see `drivers`).
    pub responses: Option<PathBuf>,
    /// A score change: TOUCHPOINT+2, TOUCHPOINT-1 (every respondent's score moves,
    /// within 0-10) or TOUCHPOINT=8 (the mean becomes 8).
    #[arg(long = "set", value_name = "CHANGE")]
    pub set: Vec<String>,
    /// Cut a handoff's queue time: FROM:TO=50%.
    #[arg(long = "cut-wait", value_name = "FROM:TO=PCT%")]
    pub cut_wait: Vec<String>,
    /// Remove a handoff: TO is done within FROM (the two touchpoints merge).
    #[arg(long = "remove-handoff", value_name = "FROM:TO")]
    pub remove_handoff: Vec<String>,
    /// Merge touchpoint FROM into INTO.
    #[arg(long = "merge", value_name = "INTO:FROM")]
    pub merge: Vec<String>,
    /// Set a touchpoint's staff handling time: TOUCHPOINT=MINUTES.
    #[arg(long = "handling", value_name = "TOUCHPOINT=MIN")]
    pub handling: Vec<String>,
    /// Run a scenario saved in the journey (repeatable). Without changes or
    /// --scenario, every saved scenario runs.
    #[arg(long = "scenario", value_name = "NAME")]
    pub scenario: Vec<String>,
    /// Save the changes given on the command line as a scenario with this name in
    /// the journey file (replacing one of the same name).
    #[arg(long, value_name = "NAME")]
    pub save: Option<String>,
    #[command(flatten)]
    pub columns: ColumnArgs,
    /// Output: a terminal report, Markdown, or JSON for scripts.
    #[arg(long, default_value = "text", value_name = "text|markdown|json")]
    pub format: ReportFormat,
}

fn changes(args: &WhatifArgs) -> Result<Vec<crate::model::ScenarioChange>, String> {
    let mut out = Vec::new();
    for (kind, list, flag) in [
        (ChangeKind::Set, &args.set, "--set"),
        (ChangeKind::CutWait, &args.cut_wait, "--cut-wait"),
        (
            ChangeKind::RemoveHandoff,
            &args.remove_handoff,
            "--remove-handoff",
        ),
        (ChangeKind::Merge, &args.merge, "--merge"),
        (ChangeKind::Handling, &args.handling, "--handling"),
    ] {
        for text in list {
            out.push(parse_change(kind, text).map_err(|e| format!("{flag}: {e}"))?);
        }
    }
    Ok(out)
}

fn result_text(r: &ScenarioResult, md: bool) -> String {
    let rows = figure_rows(r);
    let (before, after, times) = (tr("wif-before"), tr("wif-after"), tr("wif-ratio"));
    let mut s = String::new();
    if md {
        s.push_str(&format!(
            "## {}\n\n{}\n\n| {} | {before} | {after} | {times} |\n| --- | ---: | ---: | ---: |\n",
            tr!("wif-scenario-md", name = crate::report::escape::md(&r.name)),
            crate::report::escape::md(&r.changes.join(&crate::i18n::format::list_separator())),
            tr("wif-figure"),
        ));
        for (k, b, a, x) in rows {
            s.push_str(&format!("| {k} | {b} | {a} | {x} |\n"));
        }
        for n in &r.notes {
            s.push_str(&format!(
                "\n- {}",
                tr!("wif-note", text = crate::report::escape::md(n))
            ));
        }
        s.push('\n');
    } else {
        s.push_str(&tr!(
            "wif-scenario",
            name = r.name.as_str(),
            changes = r.changes.join(&crate::i18n::format::list_separator())
        ));
        s.push('\n');
        s.push_str(&format!(
            "  {} {} {} {}\n",
            pad("", 30),
            pad_left(&before, 12),
            pad_left(&after, 28),
            pad_left(&times, 7)
        ));
        for (k, b, a, x) in rows {
            s.push_str(&format!(
                "  {} {} {} {}\n",
                pad(&k, 30),
                pad_left(&b, 12),
                pad_left(&a, 28),
                pad_left(&x, 7)
            ));
        }
        for n in &r.notes {
            s.push_str(&format!("  {}\n", tr!("wif-note", text = n.as_str())));
        }
    }
    s
}

/// `touchpoint whatif`: 0 success, 1 an input cannot be read or the journey cannot
/// be written, 2 usage error.
pub fn cli_whatif(args: &WhatifArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let given = match changes(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let config = match args.columns.config() {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let Some(mut journey) = load(&args.journey, err) else {
        return 1;
    };
    if args.save.is_some() && given.is_empty() {
        let _ = writeln!(err, "{}", tr("cli-wif-save-needs-changes"));
        return 2;
    }
    let mut scenarios: Vec<Scenario> = Vec::new();
    if !given.is_empty() {
        scenarios.push(Scenario {
            name: args.save.clone().unwrap_or_else(|| tr("wif-command-line")),
            changes: given,
        });
    }
    for name in &args.scenario {
        match journey.meta().scenarios.iter().find(|s| &s.name == name) {
            Some(s) => scenarios.push(s.clone()),
            None => {
                let known: Vec<&str> = journey
                    .meta()
                    .scenarios
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect();
                let _ = writeln!(
                    err,
                    "{}",
                    tr!(
                        "cli-wif-no-scenario",
                        path = args.journey.display().to_string(),
                        name = name.as_str(),
                        saved = if known.is_empty() {
                            tr("cli-wif-none")
                        } else {
                            known.join(", ")
                        }
                    )
                );
                return 2;
            }
        }
    }
    if scenarios.is_empty() {
        scenarios = journey.meta().scenarios.clone();
    }
    if scenarios.is_empty() {
        let _ = writeln!(
            err,
            "{}",
            tr!("cli-wif-nothing", path = args.journey.display().to_string())
        );
        return 2;
    }
    let drivers = match &args.responses {
        None => None,
        Some(path) => {
            let Some(read) = read(path, &journey, &args.columns, err) else {
                return 1;
            };
            match Drivers::fit(&read.data, &config) {
                Ok(d) => {
                    for n in &d.report.notes {
                        let _ = writeln!(err, "{}: {}", path.display(), n.text);
                    }
                    Some(d)
                }
                Err(e) => {
                    let _ = writeln!(err, "{}: {e}", path.display());
                    return 1;
                }
            }
        }
    };
    let before = analyze(&journey, &AnalysisConfig::default()).headline;
    let results: Vec<ScenarioResult> = scenarios
        .iter()
        .map(|s| evaluate(&journey, &before, drivers.as_ref(), s))
        .collect();
    let text = match args.format {
        ReportFormat::Json => {
            let mut t = match results.as_slice() {
                [one] => serde_json::to_string_pretty(one),
                many => serde_json::to_string_pretty(&serde_json::json!({ "scenarios": many })),
            }
            .unwrap_or_default();
            t.push('\n');
            t
        }
        ReportFormat::Text | ReportFormat::Markdown => {
            let md = args.format == ReportFormat::Markdown;
            results
                .iter()
                .map(|r| result_text(r, md))
                .collect::<Vec<_>>()
                .join("\n")
        }
    };
    let _ = out.write_all(text.as_bytes());
    if let (Some(name), Some(sc)) = (&args.save, scenarios.first()) {
        let mut meta: JourneyMeta = journey.meta().clone();
        meta.scenarios.retain(|s| &s.name != name);
        meta.scenarios.push(sc.clone());
        if let Err(e) = journey.set_meta(meta) {
            let _ = writeln!(err, "{e}");
            return 1;
        }
        if let Err(e) = crate::io::save(&args.journey, &journey) {
            let _ = writeln!(err, "{}: {e}", args.journey.display());
            return 1;
        }
        let _ = writeln!(
            err,
            "{}",
            tr!(
                "cli-wif-saved",
                name = name.as_str(),
                path = args.journey.display().to_string()
            )
        );
    }
    0
}
