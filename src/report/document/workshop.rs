//! The war room's sticky notes and improvement actions.

use super::{Block, Cell, TableKind, cell, dept_name, tp_name};
use crate::i18n::{tr, tr_args};
use crate::model::{Anchor, Journey};
use crate::scene::clean_text;

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
pub(super) fn workshop_blocks(journey: &Journey) -> Vec<Block> {
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
