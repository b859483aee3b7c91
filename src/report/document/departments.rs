//! One summary per department: what it owns, hands off and receives, where its
//! customers suffer and the gaps it is involved in.

use super::{Block, MAX_NAMES, dept_name, names_list, tp_name};
use crate::analysis::{Analysis, GapKind};
use crate::i18n::format::{hours as fmt_hours, score as fmt_score};
use crate::i18n::{tr, tr_args};
use crate::model::{DepartmentId, Journey, TouchpointId};
use std::fmt::Write as _;

pub(super) fn department_sections(journey: &Journey, a: &Analysis) -> Vec<Block> {
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
