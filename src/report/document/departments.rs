//! One summary per department: what it owns, hands off and receives, where its
//! customers suffer and the gaps it is involved in.

use super::{Block, MAX_NAMES, dept_name, names_list, tp_name};
use crate::analysis::{Analysis, GapKind, TouchpointStats};
use crate::i18n::format::{hours as fmt_hours, score as fmt_score};
use crate::i18n::{tr, tr_args};
use crate::model::{DepartmentId, Journey, TouchpointId};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Cross-department handoffs per other department: (count, queue hours).
type Tally = BTreeMap<String, (usize, f64)>;

pub(super) fn department_sections(journey: &Journey, a: &Analysis) -> Vec<Block> {
    let mut out = Vec::new();
    for owner in owners(journey, a) {
        let name = dept_name(journey, owner.as_ref());
        let owned: Vec<&TouchpointStats> =
            a.touchpoints.iter().filter(|t| t.owner == owner).collect();
        let mut items: Vec<(String, String)> = Vec::new();
        if owned.is_empty() {
            items.push((tr("doc-owns"), tr("doc-owns-nothing")));
            out.push(Block::SubHeading(name));
            out.push(Block::List(items));
            continue;
        }
        items.push(owns_item(journey, &owned));
        items.extend(handoff_items(journey, a, owner.as_ref()));
        items.push(suffer_item(journey, &owned));
        items.push(gaps_item(a, &owner));
        out.push(Block::SubHeading(name));
        out.push(Block::List(items));
    }
    out
}

/// The departments in order, then "unowned" when a touchpoint has no owner.
fn owners(journey: &Journey, a: &Analysis) -> Vec<Option<DepartmentId>> {
    let mut owners: Vec<Option<DepartmentId>> = journey
        .departments()
        .iter()
        .map(|d| Some(d.id.clone()))
        .collect();
    if a.touchpoints.iter().any(|t| t.owner.is_none()) {
        owners.push(None);
    }
    owners
}

/// "Owns": how many touchpoints, named in journey order.
fn owns_item(journey: &Journey, owned: &[&TouchpointStats]) -> (String, String) {
    let mut by_order = owned.to_vec();
    by_order.sort_by_key(|t| t.order);
    let ids: Vec<&TouchpointId> = by_order.iter().map(|t| &t.id).collect();
    (
        tr("doc-owns"),
        tr_args(
            "doc-owns-value",
            &[
                ("count", owned.len().into()),
                ("names", names_list(journey, &ids).into()),
            ],
        ),
    )
}

/// "Hands off" and "receives": cross-department handoffs only.
fn handoff_items(
    journey: &Journey,
    a: &Analysis,
    owner: Option<&DepartmentId>,
) -> [(String, String); 2] {
    let (out_to, in_from) = tally_handoffs(journey, a, owner);
    let n_out: usize = out_to.values().map(|v| v.0).sum();
    let n_in: usize = in_from.values().map(|v| v.0).sum();
    [
        (
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
        ),
        (
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
        ),
    ]
}

/// The department's cross-department handoffs out (to) and in (from), per other department.
fn tally_handoffs(journey: &Journey, a: &Analysis, owner: Option<&DepartmentId>) -> (Tally, Tally) {
    let mut out_to = Tally::default();
    let mut in_from = Tally::default();
    for h in &a.handoffs {
        if h.from_owner == h.to_owner {
            continue;
        }
        let wait = h.wait_hours.unwrap_or(0.0);
        if h.from_owner.as_ref() == owner {
            let e = out_to
                .entry(dept_name(journey, h.to_owner.as_ref()))
                .or_default();
            e.0 += 1;
            e.1 += wait;
        }
        if h.to_owner.as_ref() == owner {
            let e = in_from
                .entry(dept_name(journey, h.from_owner.as_ref()))
                .or_default();
            e.0 += 1;
            e.1 += wait;
        }
    }
    (out_to, in_from)
}

/// "Sales: 3 (12 h queue), Ops: 1".
fn describe(m: &Tally) -> String {
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
}

/// Where customers suffer: low scores and flagged touchpoints, worst first.
fn suffer_item(journey: &Journey, owned: &[&TouchpointStats]) -> (String, String) {
    let mut suffer: Vec<(&TouchpointStats, Vec<String>)> = owned
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
    (
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
    )
}

/// "Gaps involved": how many gaps name the department as an owner, and how many are serious.
fn gaps_item(a: &Analysis, owner: &Option<DepartmentId>) -> (String, String) {
    let gaps = a.gaps.iter().filter(|g| g.owners.contains(owner)).count();
    let serious = a
        .gaps
        .iter()
        .filter(|g| g.owners.contains(owner) && g.severity >= crate::analysis::Severity::High)
        .count();
    (
        tr("doc-gaps-involved"),
        tr_args(
            "doc-gaps-involved-value",
            &[("count", gaps.into()), ("serious", serious.into())],
        ),
    )
}
