//! The reports' key-driver and scenario sections: the drivers saved with the journey
//! (the importance x performance chart and the ranked table) and every saved
//! scenario's figures before and after, with ratios.

use super::document::{Block, Cell, TableKind};
use crate::analysis::Analysis;
use crate::evidence::drivers::Quadrant;
use crate::evidence::whatif::{evaluate, figure_rows, saved_lift};
use crate::i18n::format as f;
use crate::i18n::{tr, tr_args};
use crate::model::{DriverResult, Journey};
use crate::scene::Theme;
use crate::scene::clean_text;
use crate::scene::drivers_chart::{build_chart, points_from};

fn cell(text: impl Into<String>, num: bool) -> Cell {
    Cell {
        text: text.into(),
        class: if num { "num" } else { "" },
    }
}

fn quadrant_word(q: Quadrant) -> String {
    tr(match q {
        Quadrant::Act => "drv-quadrant-act",
        Quadrant::Maintain => "drv-quadrant-maintain",
        Quadrant::Monitor => "drv-quadrant-monitor",
        Quadrant::Secondary => "drv-quadrant-secondary",
    })
}

fn name_of(journey: &Journey, d: &DriverResult) -> String {
    journey
        .touchpoint(&d.touchpoint)
        .map(|t| clean_text(&t.name))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| d.touchpoint.to_string())
}

/// The key drivers saved with the journey: a summary, the chart, the ranked table.
fn driver_blocks(journey: &Journey) -> Vec<Block> {
    let Some(kd) = &journey.meta().drivers else {
        return Vec::new();
    };
    let mut rows: Vec<&DriverResult> = kd
        .touchpoints
        .iter()
        .filter(|d| journey.contains_touchpoint(&d.touchpoint))
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    rows.sort_by(|a, b| {
        b.importance
            .total_cmp(&a.importance)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    let p = rows.len() as f64;
    let avg_mean = rows.iter().map(|d| d.mean).sum::<f64>() / p;
    let mut out = vec![
        Block::Heading(tr("kd-doc-heading")),
        Block::Para(tr_args(
            "kd-doc-summary",
            &[
                ("file", clean_text(&kd.source).into()),
                ("column", clean_text(&kd.column).into()),
                ("respondents", f::count(kd.respondents).into()),
                ("r2", format!("{:.2}", kd.r2).into()),
            ],
        )),
        Block::Chart(Box::new(build_chart(
            journey.title(),
            &points_from(journey, kd),
            Theme::Light,
        ))),
    ];
    let mut act = Vec::new();
    let table = rows
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let q = Quadrant::of(d.importance, d.mean, 1.0 / p, avg_mean);
            if q == Quadrant::Act {
                act.push(name_of(journey, d));
            }
            vec![
                cell((i + 1).to_string(), true),
                cell(name_of(journey, d), false),
                cell(f::share(d.importance), true),
                cell(format!("{:+.2}", d.coefficient), true),
                cell(f::score(d.mean), true),
                cell(quadrant_word(q), false),
            ]
        })
        .collect();
    out.push(Block::Table {
        head: vec![
            tr("drv-col-rank"),
            tr("drv-col-touchpoint"),
            tr("drv-col-importance"),
            tr("drv-col-coefficient"),
            tr("drv-col-mean"),
            tr("drv-col-quadrant"),
        ],
        rows: table,
        kind: TableKind::Plain,
    });
    if !act.is_empty() {
        out.push(Block::Para(tr_args(
            "kd-doc-act-first",
            &[("touchpoints", act.join(&f::list_separator()).into())],
        )));
    }
    out
}

/// Every saved scenario: its changes and its figures before and after.
fn scenario_blocks(journey: &Journey, a: &Analysis) -> Vec<Block> {
    let scenarios = &journey.meta().scenarios;
    if scenarios.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Block::Heading(tr("kd-doc-scenarios"))];
    for sc in scenarios {
        let r = evaluate(journey, &a.headline, None, sc);
        out.push(Block::SubHeading(clean_text(&sc.name)));
        let changes = if r.changes.is_empty() {
            tr("kd-doc-no-changes")
        } else {
            r.changes.join(&f::list_separator())
        };
        out.push(Block::Para(changes));
        let mut rows: Vec<Vec<Cell>> = figure_rows(&r)
            .into_iter()
            .enumerate()
            // Without the answers the models' rows are empty: the saved lift instead.
            .filter(|(i, (_, b, a, _))| *i > 1 || b != "-" || a != "-")
            .map(|(_, (k, b, a, x))| {
                vec![cell(k, false), cell(b, true), cell(a, true), cell(x, true)]
            })
            .collect();
        if let Some(lift) = journey
            .meta()
            .drivers
            .as_ref()
            .and_then(|kd| saved_lift(kd, &sc.changes))
        {
            rows.insert(
                0,
                vec![
                    cell(tr("kd-saved-lift-row"), false),
                    cell("", true),
                    cell(format!("{lift:+.2}"), true),
                    cell("", true),
                ],
            );
        }
        out.push(Block::Table {
            head: vec![
                tr("wif-figure"),
                tr("wif-before"),
                tr("wif-after"),
                tr("wif-ratio"),
            ],
            rows,
            kind: TableKind::Plain,
        });
        if !r.notes.is_empty() {
            out.push(Block::List(
                r.notes
                    .iter()
                    .map(|n| (tr("kd-doc-note"), clean_text(n)))
                    .collect(),
            ));
        }
    }
    out
}

/// The key-driver and scenario sections (empty when the journey has neither).
pub(crate) fn blocks(journey: &Journey, a: &Analysis) -> Vec<Block> {
    let mut out = driver_blocks(journey);
    out.extend(scenario_blocks(journey, a));
    out
}
