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
    edge_kind_of(journey.handoff_class(&h.from, &h.to))
}

/// The kind a handoff of this class is drawn as (unless it is rework).
pub(super) fn edge_kind_of(class: HandoffClass) -> EdgeKind {
    match class {
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
    let (wait, failure) = label_figures(h.wait_hours, h.failure_rate);
    let wait = wait.map(f::hours);
    let failure = failure.map(|r| f::fill("map-edge-fail", &fmt_num((r * 100.0).round())));
    match (wait, failure) {
        (Some(mut w), Some(r)) => {
            w.push_str(&f::word("map-edge-separator"));
            w.push_str(&r);
            w
        }
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => String::new(),
    }
}

/// Line widths: a cross-department handoff is twice as thick as one inside a department.
pub const SAME_DEPARTMENT_WIDTH: f32 = 1.2;
pub const CUSTOMER_WIDTH: f32 = 1.6;
pub const CROSS_DEPARTMENT_WIDTH: f32 = 2.6;
pub const REWORK_WIDTH: f32 = 2.0;

pub(super) struct EdgeInput<'a> {
    pub(super) h: &'a Handoff,
    pub(super) key: HandoffKey,
    pub(super) kind: EdgeKind,
    /// The route (see `layout::route::route_all`).
    pub(super) points: Vec<(f32, f32)>,
    /// The names of both ends (for the side list when not even a number fits).
    pub(super) names: (&'a str, &'a str),
}

/// The card rectangles of a layout filed in a grid of 256-point cells (larger on a map
/// past a quarter million of them),
/// built once per scene: "does this label cover a card?" asked for every try of every
/// handoff label looks at a few rectangles, not at the layout's cells and their
/// id-keyed card map (issue 16: that was a third of building a big scene). The same
/// answer as `Layout::any_card_in` (every card lies in its cell; the test is the same
/// inclusive [`Rect::intersects`]).
pub(super) struct CardGrid {
    origin: (f32, f32),
    cell: f32,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<Rect>>,
}

impl CardGrid {
    const MAX_CELLS: f32 = 262_144.0;

    pub(super) fn new(layout: &Layout) -> CardGrid {
        let b = layout.bounds;
        let area = b.w.max(0.0) * b.h.max(0.0);
        let mut cell = 256.0_f32;
        if area.is_finite() && area / (cell * cell) > Self::MAX_CELLS {
            cell = (area / Self::MAX_CELLS).sqrt().ceil();
        }
        let count = |len: f32| {
            let n = (len / cell).ceil();
            if n.is_finite() && n >= 1.0 {
                (n as usize).min(4096)
            } else {
                1
            }
        };
        let origin = if b.x.is_finite() && b.y.is_finite() {
            (b.x, b.y)
        } else {
            (0.0, 0.0)
        };
        let mut grid = CardGrid {
            origin,
            cell,
            cols: count(b.w),
            rows: count(b.h),
            cells: Vec::new(),
        };
        grid.cells = vec![Vec::new(); grid.cols * grid.rows];
        for r in layout.cards.values() {
            let (c, w) = grid.span(r);
            for row in w.0..=w.1 {
                for col in c.0..=c.1 {
                    if let Some(cell) = grid.cells.get_mut(row * grid.cols + col) {
                        cell.push(*r);
                    }
                }
            }
        }
        grid
    }

    /// The cells (columns, rows) a rectangle meets, clamped to the grid: a rectangle
    /// outside it is filed under (and looked for in) the border cells.
    fn span(&self, r: &Rect) -> ((usize, usize), (usize, usize)) {
        let at = |v: f32, origin: f32, count: usize| {
            let i = ((v - origin) / self.cell).floor();
            // NaN and below zero clamp to the first cell, past the end to the last.
            if i >= 0.0 {
                (i as usize).min(count - 1)
            } else {
                0
            }
        };
        (
            (
                at(r.x, self.origin.0, self.cols),
                at(r.right(), self.origin.0, self.cols),
            ),
            (
                at(r.y, self.origin.1, self.rows),
                at(r.bottom(), self.origin.1, self.rows),
            ),
        )
    }

    /// Whether a card's rectangle meets `view`.
    pub(super) fn any_in(&self, view: &Rect) -> bool {
        let (c, w) = self.span(view);
        (w.0..=w.1).any(|row| {
            (c.0..=c.1).any(|col| {
                self.cells
                    .get(row * self.cols + col)
                    .is_some_and(|cell| cell.iter().any(|r| r.intersects(view)))
            })
        })
    }
}

/// A label that found no free spot on its line: its number stands on the line and
/// its figures in the side list below the map.
pub(super) struct Callout {
    pub(super) number: usize,
    pub(super) text: String,
    pub(super) color: Color,
}

pub(super) fn edge_group(
    cards: &CardGrid,
    placed: &mut Placed,
    callouts: &mut Vec<Callout>,
    e: EdgeInput<'_>,
    badges: &[Badge],
    p: &Palette,
    m: &Metrics,
) -> EdgeGroup {
    let EdgeInput {
        h,
        key,
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

    let mut label = clean_owned(edge_label(h));
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
        at = label_point(cards, placed, &points, total_w);
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
            at = label_point(cards, placed, &points, total_w);
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
        key,
        kind,
        bbox,
        items,
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutConfig, layout};

    /// The label placement's card grid answers as the layout does, for label-sized
    /// rectangles swept over the whole map of a generated journey (and past its edges).
    #[test]
    fn the_card_grid_answers_as_the_layout() {
        let j = crate::generate::generate(300, 7);
        let l = layout(&j, &LayoutConfig::default());
        let grid = CardGrid::new(&l);
        let b = l.bounds;
        let (mut hits, mut misses) = (0, 0);
        let mut y = b.y - 40.0;
        while y < b.bottom() + 40.0 {
            let mut x = b.x - 60.0;
            while x < b.right() + 60.0 {
                for (w, h) in [(40.0, LABEL_H), (130.0, LABEL_H), (3.0, 3.0)] {
                    let r = Rect::new(x, y, w, h);
                    let want = l.any_card_in(&r);
                    assert_eq!(grid.any_in(&r), want, "{r:?}");
                    if want { hits += 1 } else { misses += 1 }
                }
                x += 37.0;
            }
            y += 11.0;
        }
        assert!(hits > 1000 && misses > 1000, "{hits} {misses}");
    }
}
