//! Handoffs: how one is classified ([`EdgeKind`]), its line widths, its label, arrow
//! head and badges ([`EdgeGroup`]).

use super::*;
use crate::model::HandoffClass;

/// The three points of an arrow head whose tip is at the end of `points`.
pub fn arrow_head(points: &[(f32, f32)], size: f32) -> Option<[(f32, f32); 3]> {
    let n = points.len();
    if n < 2 {
        return None;
    }
    let tip = points[n - 1];
    // The last point that differs from the tip gives the direction.
    let from = points[..n - 1]
        .iter()
        .rev()
        .find(|p| (p.0 - tip.0).abs() + (p.1 - tip.1).abs() > 0.01)?;
    let (dx, dy) = (tip.0 - from.0, tip.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    let (ux, uy) = (dx / len, dy / len);
    let back = (tip.0 - ux * size, tip.1 - uy * size);
    let half = size * 0.5;
    Some([
        tip,
        (back.0 - uy * half, back.1 + ux * half),
        (back.0 + uy * half, back.1 - ux * half),
    ])
}

// ---------------------------------------------------------------------------
// Building

/// The kind of a handoff that does not close a rework loop: the model's one
/// classification ([`HandoffClass`]); the customer and unowned ends look alike.
pub(super) fn edge_kind_no_loop(journey: &Journey, h: &Handoff) -> EdgeKind {
    match journey.handoff_class(&h.from, &h.to) {
        HandoffClass::SameDepartment => EdgeKind::SameDepartment,
        HandoffClass::CrossDepartment => EdgeKind::CrossDepartment,
        HandoffClass::CustomerInteraction | HandoffClass::Unowned => EdgeKind::CustomerFacing,
    }
}

/// The figures a handoff's label shows: a queue time and a failure rate above zero.
pub(super) fn label_figures(
    wait_hours: Option<f64>,
    failure_rate: Option<f64>,
) -> (Option<f64>, Option<f64>) {
    (
        wait_hours.filter(|w| *w > 0.0),
        failure_rate.filter(|r| *r > 0.0 && r.is_finite()),
    )
}

pub(super) fn edge_label(h: &Handoff) -> String {
    let mut parts = Vec::new();
    let (wait, failure) = label_figures(h.wait_hours, h.failure_rate);
    if let Some(w) = wait {
        parts.push(f::hours(w));
    }
    if let Some(r) = failure {
        parts.push(f::fill("map-edge-fail", &fmt_num((r * 100.0).round())));
    }
    parts.join(&f::word("map-edge-separator"))
}

/// Line widths: a cross-department handoff is twice as thick as one inside a department.
pub const SAME_DEPARTMENT_WIDTH: f32 = 1.2;
pub const CUSTOMER_WIDTH: f32 = 1.6;
pub const CROSS_DEPARTMENT_WIDTH: f32 = 2.6;
pub const REWORK_WIDTH: f32 = 2.0;

pub(super) struct EdgeInput<'a> {
    pub(super) h: &'a Handoff,
    pub(super) kind: EdgeKind,
    /// The route (see `layout::route::route_all`).
    pub(super) points: Vec<(f32, f32)>,
    /// The names of both ends (for the side list when not even a number fits).
    pub(super) names: (&'a str, &'a str),
}

/// A label that found no free spot on its line: its number stands on the line and
/// its figures in the side list below the map.
pub(super) struct Callout {
    pub(super) number: usize,
    pub(super) text: String,
    pub(super) color: Color,
}

pub(super) fn edge_group(
    layout: &Layout,
    placed: &mut Placed,
    callouts: &mut Vec<Callout>,
    e: EdgeInput<'_>,
    badges: &[Badge],
    p: &Palette,
    m: &Metrics,
) -> EdgeGroup {
    let EdgeInput {
        h,
        kind,
        points,
        names,
    } = e;
    let (color, width, dashed) = match kind {
        EdgeKind::Rework => (p.rework, REWORK_WIDTH, true),
        EdgeKind::SameDepartment => (p.edge, SAME_DEPARTMENT_WIDTH, false),
        EdgeKind::CustomerFacing => (p.customer_edge, CUSTOMER_WIDTH, false),
        EdgeKind::CrossDepartment => (p.cross, CROSS_DEPARTMENT_WIDTH, false),
    };
    // Head room for the arrow head.
    let bb = bbox_of(&points);
    let mut bbox = Rect::new(
        bb.x - m.head_room,
        bb.y - m.head_room,
        bb.w + 2.0 * m.head_room,
        bb.h + 2.0 * m.head_room,
    );

    let mut label = clean_text(&edge_label(h));
    if kind == EdgeKind::Rework && label.is_empty() {
        label = f::word("map-edge-rework");
    }
    // (text, colour, outlined): the queue-time label is outlined, badges are filled.
    let mut pills: Vec<(String, Color, bool)> = Vec::new();
    if !label.is_empty() {
        let emphasis = matches!(kind, EdgeKind::CrossDepartment | EdgeKind::Rework);
        pills.push((label, if emphasis { color } else { p.muted }, true));
    }
    for badge in badges.iter().take(2) {
        pills.push((badge.label(), badge.color(p), false));
    }
    // A queue time measured from a log: the first pill carries the "measured" mark,
    // as a measured volume does on its card.
    let mut dot = !pills.is_empty()
        && h.wait_source.kind.is_measured()
        && label_figures(h.wait_hours, h.failure_rate).0.is_some();
    let size = m.label_size;
    let pill_width = |t: &str| (text_width(t, size, true) + m.label_pad).max(LABEL_H);
    let widths = |pills: &[(String, Color, bool)], dot: bool| {
        pills.iter().map(|(t, _, _)| pill_width(t)).sum::<f32>()
            + m.label_gap * pills.len().saturating_sub(1) as f32
            + if dot { m.label_dot_w } else { 0.0 }
    };
    let mut total_w = widths(&pills, dot);
    let mut at = None;
    if !pills.is_empty() {
        at = label_point(layout, placed, &points, total_w);
        if at.is_none() {
            // No free spot for the figures: a numbered callout on the line, the
            // figures in the side list.
            let number = callouts.len() + 1;
            let text = pills
                .iter()
                .map(|(t, _, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(" · ");
            callouts.push(Callout {
                number,
                text,
                color,
            });
            pills = vec![(number.to_string(), color, true)];
            dot = false;
            total_w = widths(&pills, dot);
            at = label_point(layout, placed, &points, total_w);
            if at.is_none() {
                // Not even the number has room: the side list names both ends.
                pills.clear();
                if let Some(c) = callouts.last_mut() {
                    // Words, not an arrow: the app's fonts have no U+2192.
                    c.text = tr_args(
                        "map-callout-ends",
                        &[
                            ("from", names.0.into()),
                            ("to", names.1.into()),
                            ("figures", c.text.as_str().into()),
                        ],
                    );
                }
            }
        }
    }
    let at = at.unwrap_or_else(|| fallback_point(&points));
    let items = vec![Item::Line {
        points,
        color,
        width,
        dashed,
        arrow_end: true,
    }];
    let mut labels = Vec::new();
    let mut x = at.0 - total_w / 2.0;
    for (i, (t, col, outlined)) in pills.into_iter().enumerate() {
        let marked = dot && i == 0;
        let w = pill_width(&t) + if marked { m.label_dot_w } else { 0.0 };
        let r = Rect::new(x, at.1 - LABEL_H / 2.0, w, LABEL_H);
        let (fill, stroke, ink) = if outlined {
            let ink = if col == p.muted { p.text } else { col };
            (p.surface, Some(col), ink)
        } else {
            (col, None, p.text_on(col))
        };
        labels.push(rect(r, Some(fill), stroke, m.stroke_w, m.label_radius));
        if marked {
            super::logcheck::measured_dot(&mut labels, x + m.label_dot_x + m.measured_x, at.1, p);
        }
        let text_x = if marked {
            x + (w + m.label_dot_w) / 2.0
        } else {
            x + w / 2.0
        };
        labels.push(text(
            (text_x, at.1),
            t,
            size,
            ink,
            TextAnchor::Middle,
            true,
            Detail::Text,
        ));
        bbox = bbox.union(&r);
        placed.add(r);
        x += w + m.label_gap;
    }
    EdgeGroup {
        key: h.key(),
        kind,
        bbox,
        items,
        labels,
    }
}
