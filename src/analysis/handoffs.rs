//! Handoff classification, the department x department matrix and the handoff
//! part of the headline figures.

use super::graph::{Ctx, Edge};
use super::{HandoffKind, HandoffMatrix, HandoffStats, Headline, MatrixCell};
use crate::model::HandoffClass;

pub(crate) struct HandoffPart {
    pub headline: Headline,
    pub matrix: HandoffMatrix,
    pub handoffs: Vec<HandoffStats>,
}

/// The class of a handoff: the model's one classification ([`HandoffClass::of`]) of
/// its ends, which the figures, the gaps, the reports and the drawing all use.
pub(crate) fn class(ctx: &Ctx, e: &Edge) -> HandoffClass {
    HandoffClass::of(ctx.side[e.from], ctx.side[e.to])
}

/// The kind of a handoff (see the module docs for the rules).
pub(crate) fn kind(ctx: &Ctx, e: &Edge) -> HandoffKind {
    match class(ctx, e) {
        HandoffClass::CustomerInteraction => HandoffKind::CustomerInteraction,
        HandoffClass::SameDepartment | HandoffClass::CrossDepartment => HandoffKind::Internal,
        HandoffClass::Unowned => HandoffKind::Unowned,
    }
}

/// A cross-department handoff ([`HandoffClass::CrossDepartment`]): both ends owned by
/// company departments (internal or partner), and those differ.
pub(crate) fn cross_department(ctx: &Ctx, e: &Edge) -> bool {
    class(ctx, e) == HandoffClass::CrossDepartment
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

pub(crate) fn compute(ctx: &Ctx) -> HandoffPart {
    let departments = ctx.journey.departments();
    let n_dept = departments.len();
    let has_unowned = ctx
        .edges
        .iter()
        .any(|e| ctx.owner[e.from].is_none() || ctx.owner[e.to].is_none());
    let axis = n_dept + usize::from(has_unowned);
    let mut cells = vec![vec![MatrixCell::default(); axis]; axis];
    let mut failure_sum = vec![vec![(0.0f64, 0usize); axis]; axis];
    let mut headline = Headline {
        touchpoints: ctx.n(),
        handoffs: ctx.edges.len(),
        ..Headline::default()
    };
    let mut handoffs = Vec::with_capacity(ctx.edges.len());
    for e in &ctx.edges {
        let k = kind(ctx, e);
        let cross = cross_department(ctx, e);
        match k {
            HandoffKind::CustomerInteraction => headline.customer_interactions += 1,
            HandoffKind::Internal => {
                headline.internal_handoffs += 1;
                if cross {
                    headline.internal_cross_department_handoffs += 1;
                }
            }
            HandoffKind::Unowned => {}
        }
        if cross {
            headline.cross_department_handoffs += 1;
        }
        headline.wait_hours += e.wait();
        let r = ctx.owner[e.from].unwrap_or(n_dept);
        let c = ctx.owner[e.to].unwrap_or(n_dept);
        if let Some(cell) = cells.get_mut(r).and_then(|row| row.get_mut(c)) {
            cell.handoffs += 1;
            cell.wait_hours += e.wait();
        }
        if let (Some(f), Some(acc)) = (
            e.h.failure_rate,
            failure_sum.get_mut(r).and_then(|row| row.get_mut(c)),
        ) {
            acc.0 += f;
            acc.1 += 1;
        }
        handoffs.push(HandoffStats {
            from: ctx.id(e.from),
            to: ctx.id(e.to),
            from_owner: ctx.owner_id(e.from),
            to_owner: ctx.owner_id(e.to),
            kind: k,
            cross_department: cross,
            back_edge: ctx.is_back(e),
            wait_hours: e.h.wait_hours,
            failure_rate: e.h.failure_rate,
            score_before: ctx.mean[e.from],
            score_after: ctx.mean[e.to],
            flags: Vec::new(),
        });
    }
    for (row, sums) in cells.iter_mut().zip(&failure_sum) {
        for (cell, &(sum, count)) in row.iter_mut().zip(sums) {
            if count > 0 {
                cell.mean_failure_rate = Some(sum / count as f64);
            }
        }
    }
    headline.cross_department_share = share(headline.cross_department_handoffs, headline.handoffs);
    headline.internal_cross_department_share = share(
        headline.internal_cross_department_handoffs,
        headline.internal_handoffs,
    );
    headline.handling_hours = (0..ctx.n()).map(|i| ctx.handling_hours(i)).sum();
    let mut involved = vec![false; n_dept];
    for o in ctx.owner.iter().flatten() {
        if let Some(slot) = involved.get_mut(*o) {
            *slot = true;
        }
    }
    headline.departments_involved = involved.iter().filter(|&&b| b).count();
    let mut axis_ids: Vec<Option<crate::model::DepartmentId>> =
        departments.iter().map(|d| Some(d.id.clone())).collect();
    let mut names: Vec<String> = departments.iter().map(|d| d.name.clone()).collect();
    if has_unowned {
        axis_ids.push(None);
        names.push(ctx.journey.department_name(None));
    }
    HandoffPart {
        headline,
        matrix: HandoffMatrix {
            departments: axis_ids,
            names,
            cells,
        },
        handoffs,
    }
}
