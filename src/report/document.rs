//! Markdown and HTML reports: title, headline figures, the journey map, the ranked
//! gaps, the department x department handoff matrix, one summary per department
//! (what it owns, what it hands off, where its customers suffer) and, given a to-be
//! journey, the as-is vs to-be comparison.
//!
//! Both formats are rendered from one list of [`Block`]s, so they say the same
//! things. The HTML is one self-contained, well-formed XHTML-compatible file with a
//! restrictive Content-Security-Policy; every user text is escaped in both formats.

use super::analyze::figure_label;
use super::escape::{md, md_line, xml as escape};
use crate::analysis::{Analysis, GapKind, JourneyDiff};
use crate::i18n::format::{
    count as fmt_count, hours as fmt_hours, score as fmt_score, share as fmt_share,
};
use crate::i18n::{Arg, tr, tr_args};
use crate::model::{Anchor, DepartmentId, Journey, TouchpointId, fmt_num};
use crate::scene::clean_text;
use std::fmt::Write as _;

/// Gaps listed one by one; the rest are counted.
pub const MAX_GAPS: usize = 40;
/// Touchpoints named per list in a department summary.
const MAX_NAMES: usize = 12;

/// What goes into a report besides the journey and its analysis.
#[derive(Clone, Debug, Default)]
pub struct ReportOptions<'a> {
    /// The date printed under the title (`YYYY-MM-DD`); the CLI passes today.
    pub date: Option<String>,
    /// Markdown: the file name of the map's SVG written next to the report.
    pub svg_name: String,
    /// The to-be journey and the diff against it, for the comparison section.
    pub compare: Option<Comparison<'a>>,
    /// Markdown: the file name of the key-driver chart's SVG written next to the report.
    pub chart_name: String,
    /// HTML: the key-driver chart's SVG, inlined.
    pub chart_svg: Option<String>,
}

/// An as-is vs to-be comparison.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    pub to_be: &'a Journey,
    pub diff: &'a JourneyDiff,
    /// Markdown: file name of the to-be map's SVG (empty: no to-be map).
    pub svg_name: String,
}

/// What a table holds, for its presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableKind {
    Plain,
    /// The ranked gaps: each row is about a place on the map (the PDF report links
    /// it to the map page).
    Gaps,
    /// The department x department matrix: many columns, headers printed upright.
    Matrix,
}

/// One part of a report (also typeset into the PDF report by `report_pdf`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Block {
    Title(String),
    Heading(String),
    SubHeading(String),
    Para(String),
    /// (label, text) items; the label is bold.
    List(Vec<(String, String)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Cell>>,
        kind: TableKind,
    },
    /// The as-is map (0) or the to-be map (1).
    Diagram(usize),
    /// The key-driver chart (issue 19), drawn in the text.
    Chart(Box<crate::scene::Scene>),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cell {
    pub(crate) text: String,
    /// A CSS class for HTML (severity colours, numbers).
    pub(crate) class: &'static str,
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        class: "",
    }
}

fn num_cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        class: "num",
    }
}

fn tp_name(journey: &Journey, id: &TouchpointId) -> String {
    journey
        .touchpoint(id)
        .map(|t| clean_text(&t.name))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.0.clone())
}

fn dept_name(journey: &Journey, id: Option<&DepartmentId>) -> String {
    match id {
        None => tr("map-lane-unowned"),
        Some(_) => clean_text(&journey.department_name(id)),
    }
}

fn names_list(journey: &Journey, ids: &[&TouchpointId]) -> String {
    let mut out: Vec<String> = ids
        .iter()
        .take(MAX_NAMES)
        .map(|id| tp_name(journey, id))
        .collect();
    if ids.len() > MAX_NAMES {
        out.push(tr_args(
            "doc-and-more",
            &[("count", (ids.len() - MAX_NAMES).into())],
        ));
    }
    out.join(", ")
}

fn headline_rows(a: &Analysis) -> Vec<Vec<Cell>> {
    let h = &a.headline;
    let mut rows = vec![
        vec![
            cell(tr("doc-touchpoints")),
            num_cell(h.touchpoints.to_string()),
        ],
        vec![
            cell(tr("doc-handoffs")),
            num_cell(tr_args(
                "doc-handoffs-value",
                &[
                    ("handoffs", h.handoffs.into()),
                    ("customer", h.customer_interactions.into()),
                    ("internal", h.internal_handoffs.into()),
                ],
            )),
        ],
        vec![
            cell(tr("doc-cross-department")),
            num_cell(tr_args(
                "doc-cross-department-value",
                &[
                    ("cross", h.cross_department_handoffs.into()),
                    ("internal", h.internal_handoffs.into()),
                    ("share", fmt_share(h.internal_cross_department_share).into()),
                ],
            )),
        ],
        vec![
            cell(tr("doc-departments-involved")),
            num_cell(h.departments_involved.to_string()),
        ],
        vec![
            cell(tr("doc-elapsed")),
            num_cell(tr_args(
                "doc-elapsed-value",
                &[
                    ("hours", fmt_hours(h.elapsed_hours).into()),
                    ("handoffs", h.longest_path_handoffs.into()),
                ],
            )),
        ],
        vec![
            cell(tr("doc-elapsed-typical")),
            num_cell(fmt_hours(h.typical_elapsed_hours)),
        ],
        vec![
            cell(tr("doc-handling")),
            num_cell(fmt_hours(h.handling_hours)),
        ],
        vec![cell(tr("doc-queue")), num_cell(fmt_hours(h.wait_hours))],
    ];
    if let Some(m) = h.mean_satisfaction {
        let mut args: Vec<(&str, Arg)> = vec![
            ("mean", fmt_score(m).into()),
            ("scored", h.scored_touchpoints.into()),
            ("responses", fmt_count(h.responses).into()),
        ];
        let text = match h.detractor_share {
            Some(d) => {
                args.push(("detractors", fmt_share(d).into()));
                tr_args("doc-mean-value-detractors", &args)
            }
            None => tr_args("doc-mean-value", &args),
        };
        rows.push(vec![cell(tr("doc-mean")), num_cell(text)]);
    }
    for (label, n) in [
        ("doc-watermelons", h.watermelons),
        ("doc-split-opinions", h.split_opinions),
        ("doc-drops", h.drops),
        ("doc-hot-spots", h.hot_spots),
        ("doc-rework-loops", h.rework_loops),
    ] {
        rows.push(vec![cell(tr(label)), num_cell(n.to_string())]);
    }
    let sev = h.gaps_by_severity;
    rows.push(vec![
        cell(tr("doc-gaps")),
        num_cell(tr_args(
            "doc-gaps-value",
            &[
                ("critical", sev[4].into()),
                ("high", sev[3].into()),
                ("medium", sev[2].into()),
                ("low", sev[1].into()),
                ("info", sev[0].into()),
            ],
        )),
    ]);
    rows
}

fn gap_where(journey: &Journey, g: &crate::analysis::Gap) -> String {
    let mut parts: Vec<String> = g
        .handoffs
        .iter()
        .take(3)
        .map(|h| {
            format!(
                "{} -> {}",
                tp_name(journey, &h.from),
                tp_name(journey, &h.to)
            )
        })
        .collect();
    if parts.is_empty() {
        let ids: Vec<&TouchpointId> = g.touchpoints.iter().collect();
        if !ids.is_empty() {
            parts.push(names_list(journey, &ids));
        }
    } else if g.handoffs.len() > 3 {
        parts.push(tr_args(
            "doc-and-more",
            &[("count", (g.handoffs.len() - 3).into())],
        ));
    }
    let owners: Vec<String> = g
        .owners
        .iter()
        .map(|o| dept_name(journey, o.as_ref()))
        .collect();
    let mut out = parts.join("; ");
    if !owners.is_empty() {
        // A handoff's owners read from -> to; a loop's are just listed.
        let sep = if g.kind != GapKind::ReworkLoop && g.handoffs.len() == 1 && owners.len() == 2 {
            " -> "
        } else {
            ", "
        };
        let _ = write!(out, " ({})", owners.join(sep));
    }
    out
}

fn severity_class(s: crate::analysis::Severity) -> &'static str {
    match s {
        crate::analysis::Severity::Critical => "sev critical",
        crate::analysis::Severity::High => "sev high",
        crate::analysis::Severity::Medium => "sev medium",
        crate::analysis::Severity::Low => "sev low",
        crate::analysis::Severity::Info => "sev info",
    }
}

fn gaps_table(journey: &Journey, a: &Analysis) -> Vec<Block> {
    if a.gaps.is_empty() {
        return vec![Block::Para(tr("doc-no-gaps"))];
    }
    let rows = a
        .gaps
        .iter()
        .take(MAX_GAPS)
        .enumerate()
        .map(|(i, g)| {
            vec![
                num_cell((i + 1).to_string()),
                Cell {
                    text: g.severity.label(),
                    class: severity_class(g.severity),
                },
                cell(g.kind.label()),
                cell(gap_where(journey, g)),
                cell(clean_text(&g.explanation)),
            ]
        })
        .collect();
    let mut out = vec![Block::Table {
        head: vec![
            "#".to_owned(),
            tr("doc-col-severity"),
            tr("doc-col-gap"),
            tr("doc-col-where"),
            tr("doc-col-why"),
        ],
        rows,
        kind: TableKind::Gaps,
    }];
    if a.gaps.len() > MAX_GAPS {
        out.push(Block::Para(tr_args(
            "doc-more-gaps",
            &[("count", (a.gaps.len() - MAX_GAPS).into())],
        )));
    }
    out
}

fn matrix_table(a: &Analysis) -> Vec<Block> {
    let m = &a.matrix;
    // Departments with at least one handoff in or out.
    let used: Vec<usize> = (0..m.departments.len())
        .filter(|&i| {
            m.cells
                .get(i)
                .is_some_and(|row| row.iter().any(|c| c.handoffs > 0))
                || m.cells
                    .iter()
                    .any(|row| row.get(i).is_some_and(|c| c.handoffs > 0))
        })
        .collect();
    if used.is_empty() {
        return vec![Block::Para(tr("doc-no-handoffs"))];
    }
    let name = |i: usize| clean_text(&super::analyze::matrix_name(m, i).unwrap_or_default());
    let mut head = vec![tr("doc-from-to")];
    head.extend(used.iter().map(|&i| name(i)));
    let rows = used
        .iter()
        .map(|&r| {
            let mut row = vec![Cell {
                text: name(r),
                class: "rowhead",
            }];
            for &c in &used {
                let text = match m.cells.get(r).and_then(|row| row.get(c)) {
                    Some(cell) if cell.handoffs > 0 && cell.wait_hours > 0.0 => {
                        format!("{} ({})", cell.handoffs, fmt_hours(cell.wait_hours))
                    }
                    Some(cell) if cell.handoffs > 0 => cell.handoffs.to_string(),
                    _ => String::new(),
                };
                let class = if r == c || text.is_empty() {
                    "num"
                } else {
                    "num cross"
                };
                row.push(Cell { text, class });
            }
            row
        })
        .collect();
    vec![
        Block::Para(tr("doc-matrix-about")),
        Block::Table {
            head,
            rows,
            kind: TableKind::Matrix,
        },
    ]
}

fn department_sections(journey: &Journey, a: &Analysis) -> Vec<Block> {
    let mut out = Vec::new();
    let mut owners: Vec<Option<DepartmentId>> = journey
        .departments()
        .iter()
        .map(|d| Some(d.id.clone()))
        .collect();
    if a.touchpoints.iter().any(|t| t.owner.is_none()) {
        owners.push(None);
    }
    for owner in owners {
        let name = dept_name(journey, owner.as_ref());
        let owned: Vec<&crate::analysis::TouchpointStats> =
            a.touchpoints.iter().filter(|t| t.owner == owner).collect();
        let mut items: Vec<(String, String)> = Vec::new();
        if owned.is_empty() {
            items.push((tr("doc-owns"), tr("doc-owns-nothing")));
            out.push(Block::SubHeading(name));
            out.push(Block::List(items));
            continue;
        }
        let mut by_order = owned.clone();
        by_order.sort_by_key(|t| t.order);
        let ids: Vec<&TouchpointId> = by_order.iter().map(|t| &t.id).collect();
        items.push((
            tr("doc-owns"),
            tr_args(
                "doc-owns-value",
                &[
                    ("count", owned.len().into()),
                    ("names", names_list(journey, &ids).into()),
                ],
            ),
        ));
        // Hands off / receives: cross-department handoffs only.
        let mut out_to: std::collections::BTreeMap<String, (usize, f64)> = Default::default();
        let mut in_from: std::collections::BTreeMap<String, (usize, f64)> = Default::default();
        for h in &a.handoffs {
            if h.from_owner == h.to_owner {
                continue;
            }
            let wait = h.wait_hours.unwrap_or(0.0);
            if h.from_owner == owner {
                let e = out_to
                    .entry(dept_name(journey, h.to_owner.as_ref()))
                    .or_default();
                e.0 += 1;
                e.1 += wait;
            }
            if h.to_owner == owner {
                let e = in_from
                    .entry(dept_name(journey, h.from_owner.as_ref()))
                    .or_default();
                e.0 += 1;
                e.1 += wait;
            }
        }
        let describe = |m: &std::collections::BTreeMap<String, (usize, f64)>| {
            m.iter()
                .map(|(d, (n, w))| {
                    if *w > 0.0 {
                        tr_args(
                            "doc-department-queue",
                            &[
                                ("department", d.into()),
                                ("count", (*n).into()),
                                ("hours", fmt_hours(*w).into()),
                            ],
                        )
                    } else {
                        tr_args(
                            "doc-department-count",
                            &[("department", d.into()), ("count", (*n).into())],
                        )
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let n_out: usize = out_to.values().map(|v| v.0).sum();
        let n_in: usize = in_from.values().map(|v| v.0).sum();
        items.push((
            tr("doc-hands-off"),
            if n_out == 0 {
                tr("doc-hands-off-nothing")
            } else {
                tr_args(
                    "doc-hands-off-value",
                    &[
                        ("count", n_out.into()),
                        ("departments", describe(&out_to).into()),
                    ],
                )
            },
        ));
        items.push((
            tr("doc-receives"),
            if n_in == 0 {
                tr("doc-receives-nothing")
            } else {
                tr_args(
                    "doc-receives-value",
                    &[
                        ("count", n_in.into()),
                        ("departments", describe(&in_from).into()),
                    ],
                )
            },
        ));
        // Where customers suffer: low scores and flagged touchpoints, worst first.
        let mut suffer: Vec<(&crate::analysis::TouchpointStats, Vec<String>)> = owned
            .iter()
            .filter_map(|t| {
                let flags: Vec<String> = t
                    .flags
                    .iter()
                    .filter(|f| {
                        matches!(
                            f,
                            GapKind::Watermelon
                                | GapKind::SplitOpinion
                                | GapKind::HotSpot
                                | GapKind::GettingWorse
                                | GapKind::SatisfactionDrop
                                | GapKind::ReworkLoop
                        )
                    })
                    .map(|f| f.label())
                    .collect();
                let low = t.mean.is_some_and(|m| m < 6.0);
                (low || !flags.is_empty()).then_some((*t, flags))
            })
            .collect();
        suffer.sort_by(|x, y| {
            x.0.mean
                .unwrap_or(10.0)
                .total_cmp(&y.0.mean.unwrap_or(10.0))
                .then_with(|| x.0.id.cmp(&y.0.id))
        });
        items.push((
            tr("doc-suffer"),
            if suffer.is_empty() {
                tr("doc-suffer-nothing")
            } else {
                suffer
                    .iter()
                    .take(MAX_NAMES)
                    .map(|(t, flags)| {
                        let mut s = tp_name(journey, &t.id);
                        let mut why: Vec<String> = Vec::new();
                        if let Some(m) = t.mean {
                            why.push(tr_args("doc-mean-of", &[("mean", fmt_score(m).into())]));
                        }
                        why.extend(flags.iter().cloned());
                        if !why.is_empty() {
                            let _ = write!(s, " ({})", why.join(", "));
                        }
                        s
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        ));
        let gaps = a.gaps.iter().filter(|g| g.owners.contains(&owner)).count();
        let serious = a
            .gaps
            .iter()
            .filter(|g| g.owners.contains(&owner) && g.severity >= crate::analysis::Severity::High)
            .count();
        items.push((
            tr("doc-gaps-involved"),
            tr_args(
                "doc-gaps-involved-value",
                &[("count", gaps.into()), ("serious", serious.into())],
            ),
        ));
        out.push(Block::SubHeading(name));
        out.push(Block::List(items));
    }
    out
}

/// Per touchpoint with survey evidence, in journey order: where its score came from, its
/// trend, and the themes of its comments with counts and quotes.
fn voice_sections(journey: &Journey, a: &Analysis) -> Vec<Block> {
    let mut out = Vec::new();
    for id in &a.journey_order {
        let Some(tp) = journey.touchpoint(id) else {
            continue;
        };
        if tp.themes.is_empty() && tp.trend.is_empty() {
            continue;
        }
        out.push(Block::SubHeading(tp_name(journey, id)));
        let mut about = Vec::new();
        if tp.satisfaction_source.kind.is_measured() {
            about.push((
                tr("doc-score-from"),
                clean_text(&tp.satisfaction_source.describe()),
            ));
        }
        if !tp.trend.is_empty() {
            let points: Vec<String> = tp
                .trend
                .iter()
                .map(|p| {
                    format!(
                        "{} {} ({})",
                        clean_text(&p.period),
                        fmt_score(p.mean),
                        p.responses
                    )
                })
                .collect();
            let points = points.join(", ");
            let trend = if crate::analysis::worsening(&tp.trend).is_some() {
                tr_args("doc-trend-worse", &[("points", points.into())])
            } else {
                points
            };
            about.push((tr("doc-trend"), trend));
        }
        if !about.is_empty() {
            out.push(Block::List(about));
        }
        if !tp.themes.is_empty() {
            let rows = tp
                .themes
                .iter()
                .map(|th| {
                    let share = |n: u64| {
                        if th.count == 0 {
                            "0%".to_owned()
                        } else {
                            format!("{:.0}%", n as f64 / th.count as f64 * 100.0)
                        }
                    };
                    vec![
                        cell(clean_text(&th.terms.join(" / "))),
                        num_cell(th.count.to_string()),
                        num_cell(share(th.detractors)),
                        num_cell(share(th.promoters)),
                        cell(
                            th.quotes
                                .iter()
                                .map(|q| format!("\u{201c}{}\u{201d}", clean_text(q)))
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                    ]
                })
                .collect();
            out.push(Block::Table {
                head: vec![
                    tr("doc-col-theme"),
                    tr("doc-col-comments"),
                    tr("doc-col-detractors"),
                    tr("doc-col-promoters"),
                    tr("doc-col-quotes"),
                ],
                rows,
                kind: TableKind::Plain,
            });
        }
    }
    out
}

fn figure_value(key: &str, v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(v) if key.ends_with("hours") => fmt_hours(v),
        Some(v) if key == "mean_satisfaction" => fmt_score(v),
        Some(v) => fmt_num(v),
    }
}

fn comparison_blocks(journey: &Journey, c: &Comparison<'_>) -> Vec<Block> {
    let d = c.diff;
    let rows = d
        .figures
        .iter()
        .map(|f| {
            let change = match (f.as_is, f.to_be, f.ratio) {
                (Some(a), Some(b), _) if f.figure == "mean_satisfaction" => {
                    let delta = b - a;
                    format!(
                        "{}{}",
                        if delta >= 0.0 { "+" } else { "" },
                        fmt_score(delta)
                    )
                }
                (_, _, Some(r)) if r >= 1.0 => {
                    tr_args("doc-times-less", &[("ratio", fmt_ratio(r).into())])
                }
                (_, _, Some(r)) if r > 0.0 => {
                    tr_args("doc-times-more", &[("ratio", fmt_ratio(1.0 / r).into())])
                }
                _ => "-".into(),
            };
            vec![
                cell(clean_text(&figure_label(&f.figure, &f.label))),
                num_cell(figure_value(&f.figure, f.as_is)),
                num_cell(figure_value(&f.figure, f.to_be)),
                num_cell(change),
            ]
        })
        .collect();
    let mut out = vec![
        Block::Para(tr_args(
            "doc-compare-titles",
            &[
                ("as_is", clean_text(&d.as_is_title).into()),
                ("to_be", clean_text(&d.to_be_title).into()),
            ],
        )),
        Block::Table {
            head: vec![
                tr("doc-col-figure"),
                tr("doc-col-as-is"),
                tr("doc-col-to-be"),
                tr("doc-col-change"),
            ],
            rows,
            kind: TableKind::Plain,
        },
    ];
    let removed: Vec<&TouchpointId> = d.touchpoints_removed.iter().collect();
    let added: Vec<&TouchpointId> = d.touchpoints_added.iter().collect();
    let mut items = Vec::new();
    if !removed.is_empty() {
        items.push((
            tr_args("an-tp-removed", &[("count", removed.len().into())]),
            names_list(journey, &removed),
        ));
    }
    if !added.is_empty() {
        items.push((
            tr_args("an-tp-added", &[("count", added.len().into())]),
            names_list(c.to_be, &added),
        ));
    }
    items.push((
        tr("doc-tp-changed"),
        tr_args(
            "doc-tp-changed-value",
            &[
                ("changed", d.touchpoints_changed.len().into()),
                ("unchanged", d.touchpoints_unchanged.into()),
            ],
        ),
    ));
    items.push((
        tr("doc-handoffs"),
        tr_args(
            "doc-handoffs-changes",
            &[
                ("removed", d.handoffs_removed.len().into()),
                ("added", d.handoffs_added.len().into()),
                ("changed", d.handoffs_changed.len().into()),
            ],
        ),
    ));
    out.push(Block::List(items));
    out.push(Block::SubHeading(tr("doc-to-be-map")));
    out.push(Block::Diagram(1));
    out
}

fn fmt_ratio(r: f64) -> String {
    if r >= 10.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// Where a note or an action is attached, in words.
fn anchor_text(journey: &Journey, anchor: &Anchor) -> String {
    match anchor {
        Anchor::Journey => tr("doc-whole-journey"),
        Anchor::Touchpoint(t) => tp_name(journey, t),
        Anchor::Handoff(k) => format!(
            "{} -> {}",
            tp_name(journey, &k.from),
            tp_name(journey, &k.to)
        ),
        Anchor::Cell(s, d) => format!(
            "{} / {}",
            journey
                .stage(s)
                .map_or_else(|| clean_text(&s.0), |x| clean_text(&x.name)),
            dept_name(journey, Some(d))
        ),
    }
}

/// The war room's sticky notes and improvement actions.
fn workshop_blocks(journey: &Journey) -> Vec<Block> {
    let notes: Vec<Vec<Cell>> = journey
        .notes()
        .map(|n| {
            vec![
                cell(clean_text(&n.text)),
                cell(clean_text(&n.author)),
                cell(anchor_text(journey, &n.anchor)),
            ]
        })
        .collect();
    let actions: Vec<Vec<Cell>> = journey
        .actions()
        .map(|x| {
            vec![
                cell(clean_text(&x.what)),
                cell(clean_text(&x.owner)),
                cell(clean_text(&x.due)),
                cell(tr(&format!("doc-status-{:?}", x.status))),
                cell(anchor_text(journey, &x.anchor)),
            ]
        })
        .collect();
    if notes.is_empty() && actions.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Block::Heading(tr("doc-workshop"))];
    if !notes.is_empty() {
        out.push(Block::SubHeading(tr_args(
            "doc-notes",
            &[("count", notes.len().into())],
        )));
        out.push(Block::Table {
            head: vec![tr("doc-col-note"), tr("doc-col-author"), tr("doc-col-on")],
            rows: notes,
            kind: TableKind::Plain,
        });
    }
    if !actions.is_empty() {
        out.push(Block::SubHeading(tr_args(
            "doc-actions",
            &[("count", actions.len().into())],
        )));
        out.push(Block::Table {
            head: vec![
                tr("doc-col-action"),
                tr("doc-col-owner"),
                tr("doc-col-due"),
                tr("doc-col-status"),
                tr("doc-col-on"),
            ],
            rows: actions,
            kind: TableKind::Plain,
        });
    }
    out
}

pub(crate) fn blocks(journey: &Journey, a: &Analysis, options: &ReportOptions<'_>) -> Vec<Block> {
    let meta = journey.meta();
    let mut title = clean_text(&meta.title);
    if title.is_empty() {
        title = tr("map-untitled");
    }
    let written = clean_text(&meta.variant);
    let variant = crate::scene::variant_name(&written);
    if !variant.is_empty()
        && !title.to_lowercase().contains(&written.to_lowercase())
        && !title.contains(&variant)
    {
        title = tr_args(
            "an-title-variant",
            &[
                ("title", title.as_str().into()),
                ("variant", variant.into()),
            ],
        );
    }
    let mut out = vec![Block::Title(title)];
    let description = clean_text(&meta.description);
    if !description.is_empty() {
        out.push(Block::Para(description));
    }
    let mut about = Vec::new();
    let owner = clean_text(&meta.owner);
    about.push((
        tr("doc-journey-owner"),
        if owner.is_empty() {
            tr("doc-journey-owner-nobody")
        } else {
            owner
        },
    ));
    for o in &meta.outcomes {
        let unit = clean_text(&o.unit);
        let sep = if unit.is_empty() || unit == "%" {
            ""
        } else {
            " "
        };
        about.push((
            clean_text(&o.name),
            format!("{}{sep}{unit}", fmt_num(o.value)),
        ));
    }
    if let Some(d) = &options.date {
        about.push((
            tr("doc-exported"),
            crate::i18n::format::date_text(&clean_text(d)),
        ));
    }
    out.push(Block::List(about));
    out.push(Block::Heading(tr("doc-headline")));
    out.push(Block::Table {
        head: vec![tr("doc-col-figure"), tr("doc-col-value")],
        rows: headline_rows(a),
        kind: TableKind::Plain,
    });
    out.push(Block::Heading(tr("doc-journey-map")));
    out.push(Block::Diagram(0));
    out.push(Block::Heading(tr("doc-gaps-worst-first")));
    out.extend(gaps_table(journey, a));
    out.push(Block::Heading(tr("doc-matrix")));
    out.extend(matrix_table(a));
    out.push(Block::Heading(tr("doc-departments")));
    out.extend(department_sections(journey, a));
    let voice = voice_sections(journey, a);
    if !voice.is_empty() {
        out.push(Block::Heading(tr("doc-voice")));
        out.extend(voice);
    }
    out.extend(workshop_blocks(journey));
    out.extend(super::drivers::blocks(journey, a));
    if let Some(c) = &options.compare {
        out.push(Block::Heading(tr("doc-as-is-vs-to-be")));
        out.extend(comparison_blocks(journey, c));
    }
    out
}

// ---------------------------------------------------------------------------
// Markdown

/// Percent-encode a relative file name for a Markdown link.
fn url_path(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The Markdown report. The map is linked as `options.svg_name` (write the SVG next
/// to the report).
pub fn report_markdown(journey: &Journey, a: &Analysis, options: &ReportOptions<'_>) -> String {
    let mut s = String::new();
    for b in blocks(journey, a, options) {
        match b {
            Block::Title(t) => {
                let _ = writeln!(s, "# {}\n", md(&t));
            }
            Block::Heading(t) => {
                let _ = writeln!(s, "## {}\n", md(&t));
            }
            Block::SubHeading(t) => {
                let _ = writeln!(s, "### {}\n", md(&t));
            }
            Block::Para(t) => {
                let _ = writeln!(s, "{}\n", md_line(&t));
            }
            Block::List(items) => {
                for (label, text) in items {
                    let _ = writeln!(s, "- **{}**: {}", md(&label), md(&text));
                }
                s.push('\n');
            }
            Block::Table { head, rows, .. } => {
                s.push('|');
                for h in &head {
                    let _ = write!(s, " {} |", md(h));
                }
                s.push_str("\n|");
                for _ in &head {
                    s.push_str(" --- |");
                }
                s.push('\n');
                for row in rows {
                    s.push('|');
                    for c in row {
                        let _ = write!(s, " {} |", md(&c.text));
                    }
                    s.push('\n');
                }
                s.push('\n');
            }
            Block::Chart(_) => {
                if !options.chart_name.is_empty() {
                    let _ = writeln!(
                        s,
                        "![{}]({})\n",
                        md(&tr("kd-doc-heading")),
                        url_path(&options.chart_name)
                    );
                }
            }
            Block::Diagram(i) => {
                let name = if i == 0 {
                    options.svg_name.as_str()
                } else {
                    options.compare.as_ref().map_or("", |c| c.svg_name.as_str())
                };
                if !name.is_empty() {
                    let _ = writeln!(
                        s,
                        "![{}]({})\n",
                        md(&if i == 0 {
                            tr("doc-journey-map")
                        } else {
                            tr("doc-to-be-map")
                        }),
                        url_path(name)
                    );
                }
            }
        }
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

// ---------------------------------------------------------------------------
// HTML

/// The Content-Security-Policy of the HTML report: nothing loads, nothing runs.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE: &str = "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
body{font-family:'DejaVu Sans','Droid Sans Fallback',system-ui,sans-serif;\
color:#1f2328;background:#fff;margin:2rem auto;max-width:1280px;padding:0 1rem;line-height:1.45}\
h1{font-size:1.7rem;margin-bottom:.3rem}h2{margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}\
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem;max-width:100%}\
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}\
th{background:#f3f4f6}td.num{text-align:right}td.cross{background:#fff1e6}\
td.rowhead{font-weight:bold;background:#f6f8fa}\
td.sev{font-weight:bold;text-transform:uppercase;font-size:.8rem;white-space:nowrap}\
td.critical{background:#b42318;color:#fff}td.high{background:#e5533d;color:#fff}\
td.medium{background:#f5b83d}td.low{background:#fbe7a1}td.info{background:#e8ecf0}\
ul{padding-left:1.2rem}\
table.matrix th:not(:first-child){writing-mode:vertical-rl;transform:rotate(180deg);\
vertical-align:bottom;text-align:left;white-space:nowrap;max-height:11rem;overflow:hidden}\
table.matrix td,table.matrix th{overflow-wrap:anywhere}\
.map{border:1px solid #d0d7de;margin:.4rem 0 1rem}\
.map svg{display:block;width:100%;height:auto}\
.full{position:absolute;opacity:0;width:1px;height:1px}\
.full+label{display:inline-block;cursor:pointer;font-size:.85rem;color:#0969da;margin-top:.4rem}\
.full:focus-visible+label{outline:2px solid #0969da}\
.full:checked+label+.map{overflow:auto;max-height:90vh}\
.full:checked+label+.map svg{width:auto;max-width:none}\
@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}\
h2,h3{break-after:avoid}tr,li,p{break-inside:avoid}thead{display:table-header-group}\
table{width:100%}.full,.full+label{display:none}\
section.mappage{page:map;break-before:page;break-after:page;break-inside:avoid}\
section.mappage h2{margin-top:0}\
.map{border:0;margin:0}.map svg{width:100%;height:auto;max-height:165mm}}\
@page{size:A4;margin:16mm 12mm 16mm 12mm}\
@page map{size:A4 landscape;margin:10mm 10mm 12mm 10mm}";

/// `text` as the inside of a CSS string ("…"): quotes, backslashes and markup
/// characters as CSS escapes, control characters as spaces (spaces are kept: the
/// parts of "Page N of M" keep theirs).
fn css_string(text: &str) -> String {
    let mut t = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(t, "\\{:x} ", u32::from(c));
            }
            c if c.is_control() => t.push(' '),
            c => t.push(c),
        }
    }
    t
}

/// The words of the page: the map switch's two labels, and the running header and
/// page numbers of the printed report (CSS `@page` margin boxes) with the title.
fn print_style(title: &str) -> String {
    let t = css_string(&clean_text(title));
    let mut s = format!(
        ".full+label::before{{content:'\\2922  ' \"{}\"}}\
.full:checked+label::before{{content:'\\2921  ' \"{}\"}}",
        css_string(&tr("doc-map-full-size")),
        css_string(&tr("doc-map-fit"))
    );
    let (before, between, after) = page_words();
    for page in ["", " map"] {
        let _ = write!(
            s,
            "@page{page}{{@top-left{{content:\"{t}\";font:8pt 'DejaVu Sans','Droid Sans Fallback',sans-serif;color:#57606a}}\
@bottom-right{{content:\"{before}\" counter(page) \"{between}\" counter(pages) \"{after}\";font:8pt 'DejaVu Sans','Droid Sans Fallback',sans-serif;color:#57606a}}}}"
        );
    }
    s
}

/// "Page N of M" split around its two numbers, each part a CSS string's inside.
fn page_words() -> (String, String, String) {
    const N: &str = "\u{1}";
    const M: &str = "\u{2}";
    let text = tr_args("doc-page-of", &[("page", N.into()), ("pages", M.into())]);
    let (before, rest) = text.split_once(N).unwrap_or((text.as_str(), ""));
    let (between, after) = rest.split_once(M).unwrap_or((rest, ""));
    (css_string(before), css_string(between), css_string(after))
}

/// The HTML report: one self-contained XHTML-compatible file with `svg` (and the
/// to-be map's `to_be_svg`) inlined.
pub fn report_html(
    journey: &Journey,
    a: &Analysis,
    svg: &str,
    to_be_svg: Option<&str>,
    options: &ReportOptions<'_>,
) -> String {
    let blocks = blocks(journey, a, options);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut s = String::with_capacity(svg.len() + 32_000);
    let lang = crate::i18n::current();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{}\">\n<head>\n",
        lang.tag()
    );
    s.push_str("<meta charset=\"utf-8\"/>\n");
    let _ = writeln!(
        s,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"/>"
    );
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let _ = writeln!(s, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        s,
        "<style>{STYLE}{}</style>\n</head>\n<body>",
        print_style(&title)
    );
    let mut open_map_section = false;
    let mut blocks = blocks.into_iter().peekable();
    while let Some(b) = blocks.next() {
        match b {
            // A map and its heading print on a landscape page of their own.
            Block::Heading(t) | Block::SubHeading(t)
                if matches!(blocks.peek(), Some(Block::Diagram(_))) =>
            {
                open_map_section = true;
                let _ = writeln!(s, "<section class=\"mappage\">\n<h2>{}</h2>", escape(&t));
            }
            Block::Title(t) => {
                let _ = writeln!(s, "<h1>{}</h1>", escape(&t));
            }
            Block::Heading(t) => {
                let _ = writeln!(s, "<h2>{}</h2>", escape(&t));
            }
            Block::SubHeading(t) => {
                let _ = writeln!(s, "<h3>{}</h3>", escape(&t));
            }
            Block::Para(t) => {
                let _ = writeln!(s, "<p>{}</p>", escape(&t));
            }
            Block::List(items) => {
                s.push_str("<ul>\n");
                for (label, text) in items {
                    let _ = writeln!(
                        s,
                        "<li><strong>{}</strong>: {}</li>",
                        escape(&label),
                        escape(&text)
                    );
                }
                s.push_str("</ul>\n");
            }
            Block::Table { head, rows, kind } => {
                s.push_str(match kind {
                    TableKind::Matrix => "<table class=\"matrix\">\n<thead><tr>",
                    TableKind::Gaps => "<table class=\"gaps\">\n<thead><tr>",
                    TableKind::Plain => "<table>\n<thead><tr>",
                });
                for h in &head {
                    let _ = write!(s, "<th>{}</th>", escape(h));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    s.push_str("<tr>");
                    for c in row {
                        if c.class.is_empty() {
                            let _ = write!(s, "<td>{}</td>", escape(&c.text));
                        } else {
                            let _ = write!(s, "<td class=\"{}\">{}</td>", c.class, escape(&c.text));
                        }
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
            }
            Block::Chart(_) => {
                if let Some(doc) = &options.chart_svg {
                    s.push_str("<div class=\"map chart\" style=\"max-width:760px\">\n");
                    s.push_str(strip_xml_declaration(doc));
                    s.push_str("</div>\n");
                }
            }
            Block::Diagram(i) => {
                let doc = if i == 0 { Some(svg) } else { to_be_svg };
                if let Some(doc) = doc {
                    let _ = write!(
                        s,
                        "<input type=\"checkbox\" class=\"full\" id=\"full-map-{i}\"/>\
                         <label for=\"full-map-{i}\"></label>\n<div class=\"map\">\n"
                    );
                    s.push_str(strip_xml_declaration(doc));
                    s.push_str("</div>\n");
                }
                if std::mem::take(&mut open_map_section) {
                    s.push_str("</section>\n");
                }
            }
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn strip_xml_declaration(svg: &str) -> &str {
    match svg.strip_prefix("<?xml") {
        Some(rest) => rest
            .find("?>")
            .and_then(|i| rest.get(i + 2..))
            .map_or(svg, str::trim_start),
        None => svg,
    }
}
