//! Reports of an [`Analysis`] and a [`JourneyDiff`]: a terminal text report, a
//! Markdown report for a wiki, JSON for scripts.

use super::escape::md;
use crate::analysis::{Analysis, JourneyDiff, PathStats, Severity};
use crate::i18n::format::{
    count as fmt_count, hours as fmt_hours, one_decimal, ratio as fmt_ratio, score as fmt_score,
    share as fmt_share,
};
use crate::i18n::{Arg, tr, tr_args};
use crate::model::TouchpointId;
use std::fmt::Write as _;

/// Output format of `analyze` and `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReportFormat {
    #[default]
    Text,
    Markdown,
    Json,
}

impl std::str::FromStr for ReportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(ReportFormat::Text),
            "markdown" | "md" => Ok(ReportFormat::Markdown),
            "json" => Ok(ReportFormat::Json),
            _ => Err(format!("`{s}` is not a format (text, markdown, json)")),
        }
    }
}

/// How many gaps the text report lists.
const TEXT_GAPS: usize = 10;
/// How many gaps the Markdown report lists.
const MARKDOWN_GAPS: usize = 25;
/// How many items of a list (watermelons, loops, ...) a report names.
const LIST_ITEMS: usize = 8;

/// A touchpoint's display name from the analysis (its id when it has no name).
fn tp_name<'a>(a: &'a Analysis, id: &'a TouchpointId) -> &'a str {
    a.touchpoint(id)
        .map(|t| t.name.as_str())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(id.as_str())
}

fn names(a: &Analysis, ids: &[TouchpointId]) -> String {
    let mut parts: Vec<&str> = ids
        .iter()
        .take(LIST_ITEMS)
        .map(|id| tp_name(a, id))
        .collect();
    let more;
    if ids.len() > LIST_ITEMS {
        more = tr_args("an-and-more", &[("count", (ids.len() - LIST_ITEMS).into())]);
        parts.push(&more);
    }
    parts.join(&tr("an-list-separator"))
}

/// `id` is `an-path-longest` or `an-path-typical`.
fn path_line(p: &PathStats, id: &str) -> String {
    tr_args(
        id,
        &[
            ("elapsed", fmt_hours(p.elapsed_hours).into()),
            ("touchpoints", p.touchpoints.len().into()),
            ("handoffs", p.handoffs.into()),
            ("cross", p.cross_department_handoffs.into()),
            ("changes", p.department_changes.into()),
            ("handling", fmt_hours(p.handling_hours).into()),
            ("queue", fmt_hours(p.wait_hours).into()),
        ],
    )
}

/// The severity's name in the current language ("high", "高").
fn severity_name(s: Severity) -> String {
    s.label()
}

/// The headline figures as (label, value) rows, shared by text and Markdown.
fn headline_rows(a: &Analysis) -> Vec<(String, String)> {
    let h = &a.headline;
    let mut rows = vec![
        (tr("an-touchpoints"), h.touchpoints.to_string()),
        (
            tr("an-handoffs"),
            tr_args(
                "an-handoffs-value",
                &[
                    ("handoffs", h.handoffs.into()),
                    ("customer", h.customer_interactions.into()),
                    ("internal", h.internal_handoffs.into()),
                ],
            ),
        ),
        (
            tr("an-cross-department"),
            tr_args(
                "an-cross-department-value",
                &[
                    ("cross", h.cross_department_handoffs.into()),
                    ("internal", h.internal_handoffs.into()),
                    (
                        "internal_share",
                        fmt_share(h.internal_cross_department_share).into(),
                    ),
                    ("handoffs", h.handoffs.into()),
                ],
            ),
        ),
        (
            tr("an-departments-involved"),
            h.departments_involved.to_string(),
        ),
        (
            tr("an-handling-time"),
            tr_args(
                "an-handling-time-value",
                &[("hours", fmt_hours(h.handling_hours).into())],
            ),
        ),
    ];
    if let Some(p) = &a.paths.longest {
        rows.push((tr("an-elapsed-time"), path_line(p, "an-path-longest")));
    }
    if let Some(p) = &a.paths.typical {
        rows.push((tr("an-typical-path"), path_line(p, "an-path-typical")));
        let run = &p.longest_silent_run;
        if run.handoffs > 0 {
            rows.push((
                tr("an-silent"),
                tr_args(
                    "an-silent-value",
                    &[
                        ("handoffs", run.handoffs.into()),
                        ("hours", fmt_hours(run.hours).into()),
                    ],
                ),
            ));
        }
    }
    rows.push((
        tr("an-paths"),
        tr_args(
            "an-paths-value",
            &[
                (
                    "count",
                    if a.paths.saturated {
                        tr("an-paths-saturated")
                    } else {
                        fmt_count(a.paths.count)
                    }
                    .into(),
                ),
                ("entries", a.paths.entries.len().into()),
                ("ends", a.paths.ends.len().into()),
            ],
        ),
    ));
    rows.push((
        tr("an-mean-satisfaction"),
        match h.mean_satisfaction {
            Some(m) => {
                let mut args: Vec<(&str, Arg)> = vec![
                    ("mean", fmt_score(m).into()),
                    ("scored", h.scored_touchpoints.into()),
                    ("touchpoints", h.touchpoints.into()),
                    ("responses", fmt_count(h.responses).into()),
                ];
                match h.detractor_share {
                    Some(d) => {
                        args.push(("detractors", fmt_share(d).into()));
                        tr_args("an-mean-satisfaction-detractors", &args)
                    }
                    None => tr_args("an-mean-satisfaction-value", &args),
                }
            }
            None => tr("an-no-scores"),
        },
    ));
    let f = &a.funnel;
    if let (Some(c), Some(base), Some(conv)) = (f.conversion, &f.base, &f.converted) {
        let end = f
            .completion
            .filter(|_| f.steps.last().is_some_and(|s| &s.id != conv))
            .map(|e| tr_args("an-funnel-end", &[("share", fmt_share(e).into())]))
            .unwrap_or_default();
        let text = if base == conv {
            tr_args(
                "an-funnel-holds",
                &[("base", tp_name(a, base).into()), ("end", end.into())],
            )
        } else {
            tr_args(
                "an-funnel-conversion",
                &[
                    ("share", fmt_share(c).into()),
                    ("converted", tp_name(a, conv).into()),
                    ("base", tp_name(a, base).into()),
                    ("end", end.into()),
                ],
            )
        };
        rows.push((tr("an-funnel"), text));
    }
    let sev: Vec<String> = Severity::ALL
        .iter()
        .rev()
        .filter_map(|s| {
            let n = h.gaps_by_severity.get(*s as usize).copied().unwrap_or(0);
            (n > 0).then(|| {
                tr_args(
                    "an-severity-count",
                    &[("count", n.into()), ("severity", severity_name(*s).into())],
                )
            })
        })
        .collect();
    rows.push((
        tr("an-gaps"),
        if sev.is_empty() {
            tr("an-gaps-none")
        } else {
            sev.join(&tr("an-list-separator"))
        },
    ));
    rows
}

/// The name of the matrix's row or column `i`: a department's name, or "(no owner)"
/// in the current language.
pub(crate) fn matrix_name(m: &crate::analysis::HandoffMatrix, i: usize) -> Option<String> {
    match m.departments.get(i) {
        Some(None) => Some(tr("map-lane-unowned")),
        _ => m.names.get(i).cloned(),
    }
}

/// The cells of the matrix worth naming: cross-department ones, worst first.
fn matrix_lines(a: &Analysis) -> Vec<(String, String, usize, f64, Option<f64>)> {
    let m = &a.matrix;
    let mut lines = Vec::new();
    for (r, row) in m.cells.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if r == c || cell.handoffs == 0 {
                continue;
            }
            let (Some(from), Some(to)) = (matrix_name(m, r), matrix_name(m, c)) else {
                continue;
            };
            lines.push((
                from,
                to,
                cell.handoffs,
                cell.wait_hours,
                cell.mean_failure_rate,
            ));
        }
    }
    lines.sort_by(|x, y| {
        y.2.cmp(&x.2)
            .then_with(|| y.3.total_cmp(&x.3))
            .then_with(|| (&x.0, &x.1).cmp(&(&y.0, &y.1)))
    });
    lines
}

/// Rows and columns of the matrix that have any handoff.
fn matrix_axes(a: &Analysis) -> Vec<usize> {
    let m = &a.matrix;
    (0..m.names.len())
        .filter(|&i| {
            m.cells
                .get(i)
                .is_some_and(|row| row.iter().any(|c| c.handoffs > 0))
                || m.cells
                    .iter()
                    .any(|row| row.get(i).is_some_and(|c| c.handoffs > 0))
        })
        .collect()
}

fn cell_count(a: &Analysis, r: usize, c: usize) -> usize {
    a.matrix
        .cells
        .get(r)
        .and_then(|row| row.get(c))
        .map_or(0, |c| c.handoffs)
}

/// Columns a text takes in a terminal: wide (CJK, full-width) characters take two.
pub fn text_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let c = c as u32;
            let wide = matches!(c,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}

/// `text` padded with spaces to `columns` terminal columns.
pub fn pad(text: &str, columns: usize) -> String {
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(text_width(text)),
    ));
    out
}

/// `text` right-aligned in `columns` terminal columns (spaces before it).
pub fn pad_left(text: &str, columns: usize) -> String {
    let mut out: String =
        std::iter::repeat_n(' ', columns.saturating_sub(text_width(text))).collect();
    out.push_str(text);
    out
}

/// The title, with the variant ("as-is") when the title does not already say it.
fn display_title(a: &Analysis) -> String {
    let written = a.variant.trim();
    let variant = crate::scene::variant_name(written);
    if variant.is_empty()
        || a.title.to_lowercase().contains(&written.to_lowercase())
        || a.title.contains(&variant)
    {
        a.title.clone()
    } else {
        tr_args(
            "an-title-variant",
            &[
                ("title", a.title.as_str().into()),
                ("variant", variant.into()),
            ],
        )
    }
}

/// A readable terminal report: headline figures, the handoff matrix, top gaps.
pub fn report_text(a: &Analysis) -> String {
    let mut s = String::new();
    let title = display_title(a);
    let _ = writeln!(s, "{title}");
    let _ = writeln!(s, "{}", "=".repeat(text_width(&title).max(3)));
    let rows = headline_rows(a);
    let width = rows.iter().map(|(l, _)| text_width(l)).max().unwrap_or(0);
    for (label, value) in &rows {
        let _ = writeln!(s, "{}  {value}", pad(label, width));
    }

    text_matrix(&mut s, a);

    text_gaps(&mut s, a);

    let lists = text_lists(a);
    if !lists.is_empty() {
        let _ = writeln!(s);
        let width = lists.iter().map(|(l, _)| text_width(l)).max().unwrap_or(0);
        for (label, value) in &lists {
            let _ = writeln!(s, "{}  {value}", pad(label, width));
        }
    }
    s
}

/// The terminal report's department matrix and its busiest department pairs.
fn text_matrix(s: &mut String, a: &Analysis) {
    let axes = matrix_axes(a);
    if !axes.is_empty() {
        let _ = writeln!(s, "\n{}", tr("an-matrix-title"));
        let label_w = axes
            .iter()
            .filter_map(|&i| matrix_name(&a.matrix, i))
            .map(|n| text_width(&n) + 4)
            .max()
            .unwrap_or(4);
        let _ = write!(s, "{:label_w$}", "");
        for (k, _) in axes.iter().enumerate() {
            let _ = write!(s, " {:>3}", k + 1);
        }
        let _ = writeln!(s);
        for (k, &r) in axes.iter().enumerate() {
            let name = matrix_name(&a.matrix, r).unwrap_or_default();
            let _ = write!(s, "{}", pad(&format!("{:>2} {name}", k + 1), label_w));
            for &c in &axes {
                let n = cell_count(a, r, c);
                if n == 0 {
                    let _ = write!(s, " {:>3}", ".");
                } else {
                    let _ = write!(s, " {n:>3}");
                }
            }
            let _ = writeln!(s);
        }
        let lines = matrix_lines(a);
        if !lines.is_empty() {
            let _ = writeln!(s, "\n{}", tr("an-between-title"));
            for (from, to, n, wait, fail) in lines.iter().take(12) {
                let queue = if *wait > 0.0 {
                    tr_args("an-between-queue", &[("hours", fmt_hours(*wait).into())])
                } else {
                    String::new()
                };
                let failure = fail
                    .map(|f| tr_args("an-between-failure", &[("share", fmt_share(f).into())]))
                    .unwrap_or_default();
                let _ = writeln!(
                    s,
                    "  {}",
                    tr_args(
                        "an-between-line",
                        &[
                            ("from", from.as_str().into()),
                            ("to", to.as_str().into()),
                            ("count", (*n).into()),
                            ("queue", queue.into()),
                            ("failure", failure.into()),
                        ],
                    )
                );
            }
            if lines.len() > 12 {
                let _ = writeln!(
                    s,
                    "  {}",
                    tr_args("an-more-pairs", &[("count", (lines.len() - 12).into())])
                );
            }
        }
    }
}

/// The terminal report's top gaps.
fn text_gaps(s: &mut String, a: &Analysis) {
    if !a.gaps.is_empty() {
        let _ = writeln!(s, "\n{}", tr("an-top-gaps"));
        for g in a.gaps.iter().take(TEXT_GAPS) {
            let sev = severity_name(g.severity).to_uppercase();
            let _ = writeln!(s, "  {}  {}", pad(&sev, 8), g.explanation);
        }
        if a.gaps.len() > TEXT_GAPS {
            let _ = writeln!(
                s,
                "  {}",
                tr_args(
                    "an-more-gaps",
                    &[("count", (a.gaps.len() - TEXT_GAPS).into())]
                )
            );
        }
    }
}

/// The terminal report's closing lists: flagged touchpoints and what is missing, as (label, names).
fn text_lists(a: &Analysis) -> Vec<(String, String)> {
    let mut lists: Vec<(String, String)> = Vec::new();
    let ids = |v: &[TouchpointId]| names(a, v);
    if !a.watermelons.is_empty() {
        let v: Vec<TouchpointId> = a.watermelons.iter().map(|w| w.id.clone()).collect();
        lists.push((tr("an-watermelons"), ids(&v)));
    }
    if !a.split_opinions.is_empty() {
        lists.push((tr("an-split-opinions"), ids(&a.split_opinions)));
    }
    if !a.drops.is_empty() {
        let v: Vec<String> = a
            .drops
            .iter()
            .take(LIST_ITEMS)
            .map(|d| {
                tr_args(
                    "an-drop",
                    &[
                        ("from", tp_name(a, &d.from).into()),
                        ("to", tp_name(a, &d.to).into()),
                        ("before", fmt_score(d.before).into()),
                        ("after", fmt_score(d.after).into()),
                    ],
                )
            })
            .collect();
        lists.push((tr("an-drops"), v.join(&tr("an-list-separator-long"))));
    }
    if !a.hot_spots.is_empty() {
        let v: Vec<TouchpointId> = a.hot_spots.iter().map(|h| h.id.clone()).collect();
        lists.push((tr("an-hot-spots"), ids(&v)));
    }
    if !a.loops.is_empty() {
        let v: Vec<String> = a
            .loops
            .iter()
            .take(LIST_ITEMS)
            .map(|l| names(a, &l.touchpoints))
            .collect();
        lists.push((tr("an-rework-loops"), v.join(" | ")));
    }
    let c = &a.completeness;
    for (label, v) in [
        ("an-no-owner", &c.no_owner),
        ("an-unmeasured", &c.unmeasured),
        ("an-no-score", &c.no_score),
        ("an-no-stage", &c.no_stage),
        ("an-unreachable", &c.unreachable),
        ("an-disconnected", &c.disconnected),
        ("an-dead-ends", &c.dead_ends),
    ] {
        if !v.is_empty() {
            lists.push((tr(label), ids(v)));
        }
    }
    if !c.idle_departments.is_empty() {
        let v: Vec<&str> = c.idle_departments.iter().map(|d| d.as_str()).collect();
        lists.push((tr("an-idle-departments"), v.join(&tr("an-list-separator"))));
    }
    lists
}

/// A Markdown report that pastes into a wiki.
pub fn report_markdown(a: &Analysis) -> String {
    let mut s = String::new();
    let title = display_title(a);
    let _ = writeln!(
        s,
        "# {}\n",
        md(&tr_args("an-md-title", &[("title", title.into())]))
    );
    let _ = writeln!(
        s,
        "| {} | {} |\n| --- | --- |",
        tr("an-md-figure"),
        tr("an-md-value")
    );
    for (label, value) in headline_rows(a) {
        let _ = writeln!(s, "| {} | {} |", md(&label), md(&value));
    }

    md_matrix(&mut s, a);
    md_gaps(&mut s, a);
    md_emotion_curve(&mut s, a);
    md_funnel(&mut s, a);
    md_completeness(&mut s, a);
    s
}

/// The Markdown report's department x department matrix.
fn md_matrix(s: &mut String, a: &Analysis) {
    let axes = matrix_axes(a);
    if !axes.is_empty() {
        let _ = writeln!(
            s,
            "\n## {}\n\n{}\n",
            tr("an-md-matrix"),
            tr("an-md-matrix-about")
        );
        let _ = write!(s, "| {} |", md(&tr("an-md-from-to")));
        for &c in &axes {
            let _ = write!(
                s,
                " {} |",
                md(&matrix_name(&a.matrix, c).unwrap_or_default())
            );
        }
        let _ = write!(s, "\n| --- |");
        for _ in &axes {
            let _ = write!(s, " --- |");
        }
        let _ = writeln!(s);
        for &r in &axes {
            let _ = write!(
                s,
                "| **{}** |",
                md(&matrix_name(&a.matrix, r).unwrap_or_default())
            );
            for &c in &axes {
                match a.matrix.cells.get(r).and_then(|row| row.get(c)) {
                    Some(cell) if cell.handoffs > 0 => {
                        let _ = write!(
                            s,
                            " {} / {} / {} |",
                            cell.handoffs,
                            if cell.wait_hours > 0.0 {
                                fmt_hours(cell.wait_hours)
                            } else {
                                "-".to_owned()
                            },
                            cell.mean_failure_rate.map_or("-".to_owned(), fmt_share)
                        );
                    }
                    _ => {
                        let _ = write!(s, " |");
                    }
                }
            }
            let _ = writeln!(s);
        }
    }
}

/// The Markdown report's ranked gaps.
fn md_gaps(s: &mut String, a: &Analysis) {
    if !a.gaps.is_empty() {
        let _ = writeln!(
            s,
            "\n## {}\n\n| # | {} | {} | {} |\n| --- | --- | --- | --- |",
            tr("an-gaps"),
            tr("an-md-severity"),
            tr("an-md-kind"),
            tr("an-md-gap")
        );
        for (k, g) in a.gaps.iter().take(MARKDOWN_GAPS).enumerate() {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                k + 1,
                severity_name(g.severity),
                md(&g.kind.label()),
                md(&g.explanation)
            );
        }
        if a.gaps.len() > MARKDOWN_GAPS {
            let _ = writeln!(
                s,
                "\n{}",
                tr_args(
                    "an-md-more-gaps",
                    &[("count", (a.gaps.len() - MARKDOWN_GAPS).into())]
                )
            );
        }
    }
}

/// The Markdown report's emotion curve (scored touchpoints, when there are at most 60).
fn md_emotion_curve(s: &mut String, a: &Analysis) {
    let scored: Vec<_> = a
        .emotion_curve
        .iter()
        .filter_map(|p| p.mean.map(|m| (p, m)))
        .collect();
    if !scored.is_empty() && scored.len() <= 60 {
        let _ = writeln!(
            s,
            "\n## {}\n\n| {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- |",
            tr("an-md-emotion-curve"),
            tr("an-md-touchpoint"),
            tr("an-md-mean"),
            tr("an-md-responses"),
            tr("an-md-detractors"),
            tr("an-md-flags")
        );
        for (p, m) in scored {
            let t = a.touchpoint(&p.id);
            let flags: Vec<String> = t
                .map(|t| t.flags.iter().map(|f| f.label()).collect())
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                md(tp_name(a, &p.id)),
                fmt_score(m),
                t.map_or(0, |t| t.responses),
                t.and_then(|t| t.detractor_share)
                    .map_or("-".to_owned(), fmt_share),
                md(&flags.join(", "))
            );
        }
    }
}

/// The Markdown report's funnel (at most 60 steps).
fn md_funnel(s: &mut String, a: &Analysis) {
    if !a.funnel.steps.is_empty() && a.funnel.steps.len() <= 60 {
        let _ = writeln!(
            s,
            "\n## {}\n\n| {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- |",
            tr("an-md-funnel"),
            tr("an-md-touchpoint"),
            tr("an-md-volume"),
            tr("an-md-drop-off"),
            tr("an-md-of-first"),
            tr("an-md-of-base")
        );
        for st in &a.funnel.steps {
            let mark = if a.funnel.base.as_ref() == Some(&st.id) {
                format!(" {}", md(&tr("an-md-base")))
            } else if a.funnel.converted.as_ref() == Some(&st.id) {
                format!(" {}", md(&tr("an-md-converted")))
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                "| {}{mark} | {} | {} | {} | {} |",
                md(tp_name(a, &st.id)),
                fmt_count(st.volume),
                st.drop_off.map_or("-".to_owned(), fmt_share),
                fmt_share(st.from_first),
                st.from_base.map_or("-".to_owned(), fmt_share)
            );
        }
    }
}

/// The Markdown report's completeness section.
fn md_completeness(s: &mut String, a: &Analysis) {
    let c = &a.completeness;
    let _ = writeln!(s, "\n## {}\n", tr("an-md-completeness"));
    let mut any = false;
    for (label, v) in [
        ("an-no-owner", &c.no_owner),
        ("an-md-unmeasured", &c.unmeasured),
        ("an-no-score", &c.no_score),
        ("an-no-stage", &c.no_stage),
        ("an-unreachable", &c.unreachable),
        ("an-disconnected", &c.disconnected),
        ("an-dead-ends", &c.dead_ends),
    ] {
        if !v.is_empty() {
            any = true;
            let _ = writeln!(
                s,
                "- **{}** ({}): {}",
                md(&tr(label)),
                v.len(),
                md(&names(a, v))
            );
        }
    }
    if !c.idle_departments.is_empty() {
        any = true;
        let v: Vec<&str> = c.idle_departments.iter().map(|d| d.as_str()).collect();
        let _ = writeln!(
            s,
            "- **{}**: {}",
            md(&tr("an-idle-departments")),
            md(&v.join(", "))
        );
    }
    if !any {
        let _ = writeln!(s, "{}", tr("an-md-nothing-missing"));
    }
}

/// The analysis as pretty JSON (schema [`crate::analysis::SCHEMA_VERSION`]).
pub fn report_json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")) + "\n"
}

fn ratio_text(r: Option<f64>) -> String {
    r.map_or("-".to_owned(), fmt_ratio)
}

/// A headline figure's name in the current language, by its key (`elapsed_hours`);
/// the diff's own English label for a key without a message.
pub(crate) fn figure_label(key: &str, label: &str) -> String {
    let id = format!("figure-{}", key.replace('_', "-"));
    let text = tr(&id);
    if text == id { label.to_owned() } else { text }
}

fn value_text(key: &str, v: Option<f64>) -> String {
    match v {
        None => "-".to_owned(),
        Some(v) if key.ends_with("hours") => fmt_hours(v),
        Some(v) if key == "mean_satisfaction" => fmt_score(v),
        Some(v) => one_decimal(v),
    }
}

fn diff_lists(d: &JourneyDiff) -> Vec<(String, String)> {
    let join = |v: &[TouchpointId]| {
        v.iter()
            .map(TouchpointId::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rows = Vec::new();
    if !d.touchpoints_removed.is_empty() {
        rows.push((
            tr_args(
                "an-tp-removed",
                &[("count", d.touchpoints_removed.len().into())],
            ),
            join(&d.touchpoints_removed),
        ));
    }
    if !d.touchpoints_added.is_empty() {
        rows.push((
            tr_args(
                "an-tp-added",
                &[("count", d.touchpoints_added.len().into())],
            ),
            join(&d.touchpoints_added),
        ));
    }
    if !d.touchpoints_changed.is_empty() {
        let v: Vec<String> = d
            .touchpoints_changed
            .iter()
            .map(|c| {
                if c.as_is == c.to_be {
                    format!("{} ({})", c.as_is, c.fields.join(", "))
                } else {
                    format!("{} -> {} ({})", c.as_is, c.to_be, c.fields.join(", "))
                }
            })
            .collect();
        rows.push((
            tr_args(
                "an-tp-changed",
                &[("count", d.touchpoints_changed.len().into())],
            ),
            v.join("; "),
        ));
    }
    let hs = |v: &[crate::analysis::HandoffRef]| {
        v.iter()
            .map(|h| format!("{} -> {}", h.from, h.to))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !d.handoffs_removed.is_empty() {
        rows.push((
            tr_args(
                "an-ho-removed",
                &[("count", d.handoffs_removed.len().into())],
            ),
            hs(&d.handoffs_removed),
        ));
    }
    if !d.handoffs_added.is_empty() {
        rows.push((
            tr_args("an-ho-added", &[("count", d.handoffs_added.len().into())]),
            hs(&d.handoffs_added),
        ));
    }
    if !d.handoffs_changed.is_empty() {
        let v: Vec<String> = d
            .handoffs_changed
            .iter()
            .map(|c| {
                format!(
                    "{} -> {} ({})",
                    c.to_be.from,
                    c.to_be.to,
                    c.fields.join(", ")
                )
            })
            .collect();
        rows.push((
            tr_args(
                "an-ho-changed",
                &[("count", d.handoffs_changed.len().into())],
            ),
            v.join("; "),
        ));
    }
    rows
}

/// The diff as a terminal report.
pub fn diff_text(d: &JourneyDiff) -> String {
    let mut s = String::new();
    let title = format!("{} -> {}", d.as_is_title, d.to_be_title);
    let _ = writeln!(s, "{title}\n{}", "=".repeat(text_width(&title).max(3)));
    let labels: Vec<String> = d
        .figures
        .iter()
        .map(|f| figure_label(&f.figure, &f.label))
        .collect();
    let label_w = labels.iter().map(|l| text_width(l)).max().unwrap_or(0);
    let right = |t: &str, w: usize| {
        let mut out = " ".repeat(w.saturating_sub(text_width(t)));
        out.push_str(t);
        out
    };
    let _ = writeln!(
        s,
        "{}  {}  {}  {}",
        pad("", label_w),
        right(&tr("an-diff-as-is"), 12),
        right(&tr("an-diff-to-be"), 12),
        right(&tr("an-diff-ratio"), 8)
    );
    for (f, label) in d.figures.iter().zip(&labels) {
        let _ = writeln!(
            s,
            "{}  {}  {}  {}",
            pad(label, label_w),
            right(&value_text(&f.figure, f.as_is), 12),
            right(&value_text(&f.figure, f.to_be), 12),
            right(&ratio_text(f.ratio), 8)
        );
    }
    let rows = diff_lists(d);
    if !rows.is_empty() {
        let _ = writeln!(s);
        for (label, value) in rows {
            let _ = writeln!(
                s,
                "{}",
                tr_args(
                    "an-diff-row",
                    &[("label", label.into()), ("value", value.into())]
                )
            );
        }
    }
    let _ = writeln!(
        s,
        "{}",
        tr_args(
            "an-tp-unchanged",
            &[("count", d.touchpoints_unchanged.into())]
        )
    );
    s
}

/// The diff as Markdown.
pub fn diff_markdown(d: &JourneyDiff) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {} -> {}\n\n| {} | {} | {} | {} |\n| --- | --- | --- | --- |",
        md(&d.as_is_title),
        md(&d.to_be_title),
        tr("an-md-figure"),
        tr("an-md-as-is"),
        tr("an-md-to-be"),
        tr("an-md-ratio")
    );
    for f in &d.figures {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            md(&figure_label(&f.figure, &f.label)),
            value_text(&f.figure, f.as_is),
            value_text(&f.figure, f.to_be),
            ratio_text(f.ratio)
        );
    }
    let rows = diff_lists(d);
    if !rows.is_empty() {
        let _ = writeln!(s, "\n## {}\n", tr("an-md-changes"));
        for (label, value) in rows {
            let _ = writeln!(s, "- **{}**: {}", md(&label), md(&value));
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        tr_args(
            "an-tp-unchanged",
            &[("count", d.touchpoints_unchanged.into())]
        )
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalysisConfig, analyze};
    use crate::model::{Journey, Touchpoint};

    #[test]
    fn markdown_neutralises_html_and_markdown_in_names() {
        let mut j = Journey::new("<script>alert(1)</script> *move*");
        let _ = j.add_touchpoint(Touchpoint::new("a", "[link](javascript:x) | pipe"));
        let md = report_markdown(&analyze(&j, &AnalysisConfig::default()));
        assert!(!md.contains("<script>"), "{md}");
        assert!(
            md.starts_with("# Gap analysis: &lt;script&gt;alert(1)&lt;/script&gt; \\*move\\*\n"),
            "{md}"
        );
        assert!(!md.contains("[link]("), "{md}");
        assert!(!md.contains(" | pipe"), "{md}");
    }
}
