//! The ranked gaps table: severity, kind, where on the map and why.

use super::{Block, Cell, MAX_GAPS, TableKind, cell, dept_name, names_list, num_cell, tp_name};
use crate::analysis::{Analysis, GapKind};
use crate::i18n::{tr, tr_args};
use crate::model::{Journey, TouchpointId};
use crate::scene::clean_text;
use std::fmt::Write as _;

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

pub(super) fn gaps_table(journey: &Journey, a: &Analysis) -> Vec<Block> {
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
