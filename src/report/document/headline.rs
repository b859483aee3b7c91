//! The headline figures table: size, times, satisfaction and the gaps by severity.

use super::{Cell, cell, num_cell};
use crate::analysis::Analysis;
use crate::i18n::format::{
    count as fmt_count, hours as fmt_hours, score as fmt_score, share as fmt_share,
};
use crate::i18n::{Arg, tr, tr_args};

pub(super) fn headline_rows(a: &Analysis) -> Vec<Vec<Cell>> {
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
