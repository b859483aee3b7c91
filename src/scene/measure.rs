//! How readable a built scene is (issue 16): what makes a reader lose a handoff line.
//! Graph-drawing studies find crossings and bends the strongest predictors; on a journey
//! map, lines running across cards that are not their ends, labels covering cards or each
//! other and two unrelated handoffs sharing a track are worse still.
//!
//! [`measure`] reads a finished scene (the one every export and the canvas draw) and
//! counts them. Linear in practice: cards, segments and labels are filed in a uniform grid,
//! so only neighbours are compared.

use super::{CardGroup, EdgeGroup, Item, Scene};
use crate::layout::Rect;
use crate::model::HandoffKey;
use std::collections::{BTreeMap, BTreeSet};

/// The readability figures of a scene.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Readability {
    /// Handoffs times cards: a handoff line running across a card that is not one of its
    /// two ends (counted once per handoff and card).
    pub lines_across_cards: usize,
    /// Label pills overlapping a card or another handoff's label.
    pub covered_labels: usize,
    /// Length of line, in px, that two handoffs with no end in common share (collinear
    /// overlap: the reader cannot tell which line continues where).
    pub shared_length: f32,
    /// Crossings between the lines of handoffs with no end in common.
    pub crossings: usize,
    /// Bends per handoff line (rework loops, drawn as curves, count none): the mean and
    /// the most.
    pub bends_mean: f32,
    pub bends_max: usize,
    /// How many handoff lines were measured.
    pub handoffs: usize,
}

type Seg = ((f32, f32), (f32, f32));

/// Grid cell size in px (about a card and its gap).
const CELL: f32 = 240.0;
/// Tolerance in px: touching is not crossing, a line along a card's border is not across it.
const EPS: f32 = 0.5;

struct Grid<T> {
    cells: BTreeMap<(i32, i32), Vec<T>>,
}

impl<T: Copy> Grid<T> {
    fn new() -> Self {
        Grid {
            cells: BTreeMap::new(),
        }
    }

    fn span(r: &Rect) -> (i32, i32, i32, i32) {
        let f = |v: f32| (v / CELL).floor().clamp(-1e6, 1e6) as i32;
        (f(r.x), f(r.y), f(r.right()), f(r.bottom()))
    }

    fn insert(&mut self, r: &Rect, v: T) {
        let (x0, y0, x1, y1) = Self::span(r);
        // A degenerate or huge box still costs at most a bounded number of cells.
        if i64::from(x1 - x0 + 1) * i64::from(y1 - y0 + 1) > 1_000_000 {
            return;
        }
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                self.cells.entry((gx, gy)).or_default().push(v);
            }
        }
    }

    /// Everything filed in a cell that `r` touches (with repeats).
    fn near(&self, r: &Rect, out: &mut Vec<T>) {
        out.clear();
        let (x0, y0, x1, y1) = Self::span(r);
        if i64::from(x1 - x0 + 1) * i64::from(y1 - y0 + 1) > 1_000_000 {
            return;
        }
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                if let Some(v) = self.cells.get(&(gx, gy)) {
                    out.extend_from_slice(v);
                }
            }
        }
    }
}

fn seg_box(s: &Seg) -> Rect {
    let (a, b) = *s;
    Rect::new(
        a.0.min(b.0),
        a.1.min(b.1),
        (a.0 - b.0).abs(),
        (a.1 - b.1).abs(),
    )
}

/// Does the segment pass through the inside of `r` (shrunk by `EPS`)? Liang–Barsky.
fn seg_through_rect(s: &Seg, r: &Rect) -> bool {
    let (x0, y0, x1, y1) = (r.x + EPS, r.y + EPS, r.right() - EPS, r.bottom() - EPS);
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let ((ax, ay), (bx, by)) = *s;
    let (dx, dy) = (bx - ax, by - ay);
    let mut t0 = 0.0f32;
    let mut t1 = 1.0f32;
    for (p, q) in [(-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t1 - t0 > 1e-4
}

fn cross(o: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
}

/// Do the two segments cross at a point inside both (not at an end, not along)?
fn seg_cross(s: &Seg, t: &Seg) -> bool {
    let (a, b) = *s;
    let (c, d) = *t;
    let len = |p: (f32, f32), q: (f32, f32)| ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt();
    let (ls, lt) = (len(a, b), len(c, d));
    if ls < EPS || lt < EPS {
        return false;
    }
    // Signed distances of each end from the other line; strictly on both sides.
    let d1 = cross(c, d, a) / lt;
    let d2 = cross(c, d, b) / lt;
    let d3 = cross(a, b, c) / ls;
    let d4 = cross(a, b, d) / ls;
    ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS))
        && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS))
}

/// Length the two segments share when they lie on one line.
fn seg_overlap(s: &Seg, t: &Seg) -> f32 {
    let (a, b) = *s;
    let (c, d) = *t;
    let l = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    if l < EPS {
        return 0.0;
    }
    let u = ((b.0 - a.0) / l, (b.1 - a.1) / l);
    // Both ends of t within EPS of the line through s.
    let off = |p: (f32, f32)| ((p.0 - a.0) * u.1 - (p.1 - a.1) * u.0).abs();
    if off(c) > EPS || off(d) > EPS {
        return 0.0;
    }
    let along = |p: (f32, f32)| (p.0 - a.0) * u.0 + (p.1 - a.1) * u.1;
    let (tc, td) = (along(c), along(d));
    let (lo, hi) = (tc.min(td).max(0.0), tc.max(td).min(l));
    (hi - lo).max(0.0)
}

fn polyline(e: &EdgeGroup) -> Option<&[(f32, f32)]> {
    e.items.iter().find_map(|i| match i {
        Item::Line { points, .. } if points.len() >= 2 => Some(points.as_slice()),
        _ => None,
    })
}

fn bends(points: &[(f32, f32)]) -> usize {
    points
        .windows(3)
        .filter(|w| {
            let (a, b, c) = (w[0], w[1], w[2]);
            let (u, v) = ((b.0 - a.0, b.1 - a.1), (c.0 - b.0, c.1 - b.1));
            let (lu, lv) = (u.0.hypot(u.1), v.0.hypot(v.1));
            if lu < EPS || lv < EPS {
                return false;
            }
            // More than about 2 degrees.
            ((u.0 * v.1 - u.1 * v.0) / (lu * lv)).abs() > 0.035
        })
        .count()
}

fn share_an_end(a: &HandoffKey, b: &HandoffKey) -> bool {
    a.from == b.from || a.from == b.to || a.to == b.from || a.to == b.to
}

/// Measure a built scene.
pub fn measure(scene: &Scene) -> Readability {
    let mut out = Readability::default();
    let cards: &[CardGroup] = &scene.cards;
    let mut card_grid: Grid<usize> = Grid::new();
    for (i, c) in cards.iter().enumerate() {
        card_grid.insert(&c.rect, i);
    }

    // Every segment of every handoff line: (edge index, segment).
    let mut segs: Vec<(usize, Seg)> = Vec::new();
    let mut total_bends = 0usize;
    for (k, e) in scene.edges.iter().enumerate() {
        let Some(points) = polyline(e) else {
            continue;
        };
        out.handoffs += 1;
        // A rework loop is drawn as a curve on purpose: its points are not bends.
        let b = if e.kind == super::EdgeKind::Rework {
            0
        } else {
            bends(points)
        };
        total_bends += b;
        out.bends_max = out.bends_max.max(b);
        for w in points.windows(2) {
            segs.push((k, (w[0], w[1])));
        }
    }
    if out.handoffs > 0 {
        out.bends_mean = total_bends as f32 / out.handoffs as f32;
    }

    // Lines across cards that are not their ends.
    let mut near = Vec::new();
    let mut across: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (k, s) in &segs {
        let key = &scene.edges[*k].key;
        card_grid.near(&seg_box(s), &mut near);
        for &i in &near {
            let c = &cards[i];
            if c.id == key.from || c.id == key.to || across.contains(&(*k, i)) {
                continue;
            }
            if seg_through_rect(s, &c.rect) {
                across.insert((*k, i));
            }
        }
    }
    out.lines_across_cards = across.len();

    // Crossings and shared track between handoffs with no end in common.
    let mut seg_grid: Grid<usize> = Grid::new();
    for (i, (_, s)) in segs.iter().enumerate() {
        seg_grid.insert(&seg_box(s), i);
    }
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, (k, s)) in segs.iter().enumerate() {
        seg_grid.near(&seg_box(s), &mut near);
        for &j in &near {
            if j <= i || !seen.insert((i, j)) {
                continue;
            }
            let (l, t) = &segs[j];
            if l == k || share_an_end(&scene.edges[*k].key, &scene.edges[*l].key) {
                continue;
            }
            if seg_cross(s, t) {
                out.crossings += 1;
            } else {
                out.shared_length += seg_overlap(s, t);
            }
        }
        seen.retain(|&(a, _)| a >= i);
    }

    // Label pills over cards or over another handoff's pills.
    let mut pills: Vec<(usize, Rect)> = Vec::new();
    for (k, e) in scene.edges.iter().enumerate() {
        for item in &e.labels {
            if let Item::Rect { rect, .. } = item {
                pills.push((k, *rect));
            }
        }
    }
    let mut pill_grid: Grid<usize> = Grid::new();
    for (i, (_, r)) in pills.iter().enumerate() {
        pill_grid.insert(r, i);
    }
    let overlaps = |a: &Rect, b: &Rect| {
        a.x + EPS < b.right()
            && b.x + EPS < a.right()
            && a.y + EPS < b.bottom()
            && b.y + EPS < a.bottom()
    };
    for (i, (k, r)) in pills.iter().enumerate() {
        card_grid.near(r, &mut near);
        let mut covered = near.iter().any(|&c| overlaps(r, &cards[c].rect));
        if !covered {
            pill_grid.near(r, &mut near);
            covered = near
                .iter()
                .any(|&j| j != i && pills[j].0 != *k && overlaps(r, &pills[j].1));
        }
        out.covered_labels += usize::from(covered);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TouchpointId;
    use crate::scene::{Color, EdgeKind};

    fn card(id: &str, x: f32, y: f32) -> CardGroup {
        CardGroup {
            id: TouchpointId::new(id),
            rect: Rect::new(x, y, 100.0, 60.0),
            items: Vec::new(),
        }
    }

    fn edge(from: &str, to: &str, points: Vec<(f32, f32)>, pill: Option<Rect>) -> EdgeGroup {
        let line = Item::Line {
            points,
            color: Color::from(crate::model::Rgb(0, 0, 0)),
            width: 1.0,
            dashed: false,
            arrow_end: true,
        };
        let labels = pill
            .map(|rect| Item::Rect {
                rect,
                fill: None,
                stroke: None,
                stroke_width: 1.0,
                radius: 4.0,
            })
            .into_iter()
            .collect();
        EdgeGroup {
            key: HandoffKey {
                from: TouchpointId::new(from),
                to: TouchpointId::new(to),
            },
            kind: EdgeKind::SameDepartment,
            bbox: Rect::default(),
            items: vec![line],
            labels,
        }
    }

    #[test]
    fn a_line_across_a_third_card_a_crossing_a_shared_track_and_a_covered_label_are_counted() {
        let scene = Scene {
            cards: vec![
                card("a", 0.0, 0.0),
                card("b", 400.0, 0.0),
                card("m", 200.0, 0.0),
            ],
            edges: vec![
                // a -> b straight through m, with one bend at the end.
                edge(
                    "a",
                    "b",
                    vec![(100.0, 30.0), (380.0, 30.0), (380.0, 20.0)],
                    None,
                ),
                // c -> d crosses a -> b (no common end), and runs along e -> f for 50 px.
                edge(
                    "c",
                    "d",
                    vec![(150.0, -100.0), (150.0, 100.0), (250.0, 100.0)],
                    Some(Rect::new(210.0, 10.0, 30.0, 16.0)),
                ),
                edge("e", "f", vec![(200.0, 100.0), (300.0, 100.0)], None),
                // a -> m shares an end with a -> b: neither its crossing nor track counts.
                edge(
                    "a",
                    "m",
                    vec![(50.0, 60.0), (50.0, 120.0), (250.0, 120.0)],
                    None,
                ),
            ],
            ..Scene::default()
        };
        let r = measure(&scene);
        assert_eq!(r.lines_across_cards, 1, "{r:?}");
        assert_eq!(r.crossings, 1, "{r:?}");
        assert!((r.shared_length - 50.0).abs() < 0.01, "{r:?}");
        assert_eq!(r.covered_labels, 1, "the pill sits on card m: {r:?}");
        assert_eq!((r.bends_max, r.handoffs), (1, 4), "{r:?}");
        assert!((r.bends_mean - 0.75).abs() < 1e-6, "{r:?}");
    }

    #[test]
    fn touching_and_running_along_a_border_are_neither_across_nor_crossing() {
        let scene = Scene {
            cards: vec![
                card("a", 0.0, 0.0),
                card("b", 300.0, 0.0),
                card("m", 150.0, 100.0),
            ],
            edges: vec![
                // Along the top border of m, and ending where the next line starts.
                edge("a", "b", vec![(100.0, 100.0), (300.0, 100.0)], None),
                edge("c", "d", vec![(300.0, 100.0), (300.0, 300.0)], None),
            ],
            ..Scene::default()
        };
        let r = measure(&scene);
        assert_eq!(
            (r.lines_across_cards, r.crossings, r.covered_labels),
            (0, 0, 0),
            "{r:?}"
        );
        assert_eq!(r.shared_length, 0.0);
    }
}
