//! The as-is vs to-be comparison: the figures side by side and what changed.

use super::{Block, Comparison, TableKind, cell, names_list, num_cell};
use crate::i18n::format::{hours as fmt_hours, score as fmt_score};
use crate::i18n::{tr, tr_args};
use crate::model::{Journey, TouchpointId, fmt_num};
use crate::report::analyze::figure_label;
use crate::scene::clean_text;

fn figure_value(key: &str, v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(v) if key.ends_with("hours") => fmt_hours(v),
        Some(v) if key == "mean_satisfaction" => fmt_score(v),
        Some(v) => fmt_num(v),
    }
}

pub(super) fn comparison_blocks(journey: &Journey, c: &Comparison<'_>) -> Vec<Block> {
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
