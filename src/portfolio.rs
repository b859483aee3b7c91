//! The journey portfolio: every `*.journey.ron` of a folder with its accountable
//! owner and headline figures, so the executive who owns the key journeys can review
//! them weekly. Pure apart from reading the folder; a broken file is listed with its
//! error, never skipped silently and never fatal.

use crate::analysis::{AnalysisConfig, analyze, fmt_hours, fmt_score};
use crate::i18n::{tr, tr_args};
use crate::model::Journey;
use crate::scene::variant_name;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Most files a folder scan reads (the rest are ignored and reported).
pub const MAX_FILES: usize = 500;

/// A journey-level outcome as listed in the portfolio.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutcomeFigure {
    pub name: String,
    pub value: f64,
    pub unit: String,
}

/// The headline of one journey in the portfolio.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JourneySummary {
    pub title: String,
    /// The accountable journey owner; empty when none is named.
    pub owner: String,
    /// "as-is", "to-be" or empty.
    pub variant: String,
    pub touchpoints: usize,
    pub handoffs: usize,
    pub cross_department_handoffs: usize,
    pub departments_involved: usize,
    /// End-to-end elapsed time along the longest path, in hours.
    pub elapsed_hours: f64,
    pub handling_hours: f64,
    pub mean_satisfaction: Option<f64>,
    /// Gaps rated high or critical.
    pub serious_gaps: usize,
    pub open_actions: usize,
    pub notes: usize,
    pub outcomes: Vec<OutcomeFigure>,
}

impl JourneySummary {
    pub fn of(journey: &Journey) -> JourneySummary {
        let a = analyze(journey, &AnalysisConfig::default());
        let h = &a.headline;
        let meta = journey.meta();
        JourneySummary {
            title: meta.title.clone(),
            owner: meta.owner.clone(),
            variant: meta.variant.clone(),
            touchpoints: h.touchpoints,
            handoffs: h.handoffs,
            cross_department_handoffs: h.cross_department_handoffs,
            departments_involved: h.departments_involved,
            elapsed_hours: h.elapsed_hours,
            handling_hours: h.handling_hours,
            mean_satisfaction: h.mean_satisfaction,
            serious_gaps: a.gaps_at_least(crate::analysis::Severity::High).count(),
            open_actions: journey
                .actions()
                .filter(|x| x.status != crate::model::ActionStatus::Done)
                .count(),
            notes: journey.notes().count(),
            outcomes: meta
                .outcomes
                .iter()
                .map(|o| OutcomeFigure {
                    name: o.name.clone(),
                    value: o.value,
                    unit: o.unit.clone(),
                })
                .collect(),
        }
    }

    /// "40 % did not renew after moving; ..." (empty when there are none).
    pub fn outcomes_line(&self) -> String {
        self.outcomes
            .iter()
            .map(|o| {
                let v = crate::model::fmt_num(o.value);
                if o.unit.is_empty() {
                    format!("{}: {v}", o.name)
                } else if o.unit == "%" {
                    format!("{}: {v}%", o.name)
                } else {
                    format!("{}: {v} {}", o.name, o.unit)
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// One file of the folder: its summary, or why it could not be read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PortfolioEntry {
    /// The file name inside the folder.
    pub file: String,
    #[serde(skip)]
    pub path: PathBuf,
    #[serde(flatten)]
    pub result: EntryResult,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum EntryResult {
    Journey(Box<JourneySummary>),
    Error { error: String },
}

impl PortfolioEntry {
    pub fn summary(&self) -> Option<&JourneySummary> {
        match &self.result {
            EntryResult::Journey(s) => Some(s),
            EntryResult::Error { .. } => None,
        }
    }

    pub fn error(&self) -> Option<&str> {
        match &self.result {
            EntryResult::Journey(_) => None,
            EntryResult::Error { error } => Some(error),
        }
    }
}

/// Read every `*.journey.ron` of `dir` (not its subfolders), sorted by file name.
/// A file that does not load is listed with its first error. An unreadable folder
/// is an error.
pub fn scan(dir: &Path) -> std::io::Result<Vec<PortfolioEntry>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(".journey.ron"))
        })
        .collect();
    files.sort();
    files.truncate(MAX_FILES);
    Ok(files
        .into_iter()
        .map(|path| {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let result = match crate::io::load_file(&path) {
                Ok(j) => EntryResult::Journey(Box::new(JourneySummary::of(&j))),
                Err(e) => EntryResult::Error {
                    error: e
                        .lines()
                        .into_iter()
                        .next()
                        .unwrap_or_else(|| crate::i18n::tr("pf-could-not-read")),
                },
            };
            PortfolioEntry { file, path, result }
        })
        .collect())
}

fn score(s: Option<f64>) -> String {
    s.map_or_else(|| "-".to_owned(), fmt_score)
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() { "-" } else { s }
}

/// A terminal table of the portfolio.
pub fn portfolio_text(entries: &[PortfolioEntry]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr_args("pf-files", &[("count", entries.len().into())])
    );
    for e in entries {
        match &e.result {
            EntryResult::Journey(s) => {
                let variant = variant_name(&s.variant);
                let _ = writeln!(
                    out,
                    "\n{} [{}]  ({})\n  {}\n  {}",
                    s.title,
                    or_dash(&variant),
                    e.file,
                    tr_args("pf-owner", &[("owner", or_dash(&s.owner).into())]),
                    tr_args(
                        "pf-figures",
                        &[
                            ("touchpoints", s.touchpoints.into()),
                            ("cross", s.cross_department_handoffs.into()),
                            ("elapsed", fmt_hours(s.elapsed_hours).into()),
                            ("satisfaction", score(s.mean_satisfaction).into()),
                            ("gaps", s.serious_gaps.into()),
                            ("actions", s.open_actions.into()),
                        ],
                    ),
                );
                let outcomes = s.outcomes_line();
                if !outcomes.is_empty() {
                    let _ = writeln!(
                        out,
                        "  {}",
                        tr_args("pf-outcomes", &[("outcomes", outcomes.into())])
                    );
                }
            }
            EntryResult::Error { error } => {
                let _ = writeln!(
                    out,
                    "\n{}",
                    tr_args(
                        "pf-unreadable",
                        &[
                            ("file", e.file.as_str().into()),
                            ("error", error.as_str().into())
                        ],
                    )
                );
            }
        }
    }
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// A Markdown table of the portfolio.
pub fn portfolio_markdown(entries: &[PortfolioEntry]) -> String {
    let mut out = format!("# {}\n\n", tr("pf-md-title"));
    let head = [
        "pf-md-journey",
        "pf-md-owner",
        "pf-md-variant",
        "pf-md-touchpoints",
        "pf-md-cross",
        "pf-md-elapsed",
        "pf-md-satisfaction",
        "pf-md-gaps",
        "pf-md-actions",
        "pf-md-outcomes",
    ];
    out.push('|');
    for h in head {
        let _ = write!(out, " {} |", cell(&tr(h)));
    }
    out.push('\n');
    out.push_str("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for e in entries {
        match &e.result {
            EntryResult::Journey(s) => {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                    cell(&s.title),
                    cell(or_dash(&s.owner)),
                    cell(or_dash(&variant_name(&s.variant))),
                    s.touchpoints,
                    s.cross_department_handoffs,
                    fmt_hours(s.elapsed_hours),
                    score(s.mean_satisfaction),
                    s.serious_gaps,
                    s.open_actions,
                    cell(or_dash(&s.outcomes_line())),
                );
            }
            EntryResult::Error { error } => {
                let _ = writeln!(
                    out,
                    "| {} | {} | | | | | | | | |",
                    cell(&e.file),
                    cell(&tr_args(
                        "pf-md-unreadable",
                        &[("error", error.as_str().into())]
                    ))
                );
            }
        }
    }
    out
}

/// JSON of the portfolio (an array; each element has `file` and either the
/// summary fields or `error`).
pub fn portfolio_json(entries: &[PortfolioEntry]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in crate::samples::SAMPLES {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        std::fs::write(dir.path().join("broken.journey.ron"), "(format: 1, title: ").unwrap();
        std::fs::write(dir.path().join("readme.txt"), "not a journey").unwrap();
        dir
    }

    #[test]
    fn scan_lists_every_journey_and_the_broken_file() {
        let dir = folder();
        let entries = scan(dir.path()).unwrap();
        let files: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(
            files,
            [
                "broken.journey.ron",
                "ecommerce.journey.ron",
                "fibre-installation.journey.ron",
                "fixed-line-installation.journey.ron",
                "move-address-to-be.journey.ron",
                "move-address.journey.ron",
            ]
        );
        let broken = &entries[0];
        assert!(broken.summary().is_none());
        assert!(broken.error().unwrap().contains("broken.journey.ron"));
        let mv = entries[5].summary().unwrap();
        assert_eq!(mv.touchpoints, 19);
        assert_eq!(mv.variant, "as-is");
        assert!(mv.outcomes_line().contains("40"));
        let to_be = entries[4].summary().unwrap();
        assert_eq!(to_be.variant, "to-be");
        assert!(mv.elapsed_hours >= 4.0 * to_be.elapsed_hours);
        // The fibre journey names its journey manager.
        assert!(!entries[2].summary().unwrap().owner.is_empty());
    }

    #[test]
    fn reports_in_three_formats() {
        let dir = folder();
        let entries = scan(dir.path()).unwrap();
        let text = portfolio_text(&entries);
        assert!(text.starts_with("6 journey file(s)"));
        assert!(text.contains("Move address (as-is) [as-is]"));
        assert!(text.contains("broken.journey.ron: cannot be read"));
        let md = portfolio_markdown(&entries);
        assert_eq!(md.lines().filter(|l| l.starts_with("| ")).count(), 8);
        let json: serde_json::Value = serde_json::from_str(&portfolio_json(&entries)).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 6);
        assert_eq!(json[5]["touchpoints"], 19);
        assert!(json[0]["error"].is_string());
    }

    #[test]
    fn an_empty_folder_is_an_empty_portfolio() {
        let dir = tempfile::tempdir().unwrap();
        assert!(scan(dir.path()).unwrap().is_empty());
        assert!(portfolio_text(&[]).starts_with("0 journey file(s)"));
    }
}
