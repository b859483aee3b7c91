//! Edge label placement on the routed lines.

use super::*;

/// A segment of a routed line.
type Line = ((f32, f32), (f32, f32));

pub(super) fn bbox_of(points: &[(f32, f32)]) -> Rect {
    let mut x0 = f32::INFINITY;
    let mut y0 = f32::INFINITY;
    let mut x1 = f32::NEG_INFINITY;
    let mut y1 = f32::NEG_INFINITY;
    for &(x, y) in points {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    if x0 > x1 {
        return Rect::default();
    }
    Rect::new(x0, y0, x1 - x0, y1 - y0)
}

/// Rectangles already placed (edge labels here, sticky notes on the canvas), in a
/// coarse grid for quick overlap tests. The cells are hashed, not ordered: only "does
/// any rectangle in these cells overlap" is asked.
#[derive(Default)]
pub struct Placed {
    pub(super) cells: rustc_hash::FxHashMap<(i32, i32), Vec<Rect>>,
}

impl Placed {
    pub(super) const CELL: f32 = 256.0;

    /// The rectangles of `rects`, filed.
    pub fn of(rects: &[Rect]) -> Placed {
        let mut p = Placed::default();
        for r in rects {
            p.add(*r);
        }
        p
    }

    pub(super) fn cells_of(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let f = |v: f32| (v / Self::CELL).floor().clamp(-1e6, 1e6) as i32;
        let (x0, x1, y0, y1) = (f(r.x), f(r.right()), f(r.y), f(r.bottom()));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Does any rectangle placed overlap `r`?
    pub fn hits(&self, r: &Rect) -> bool {
        Self::cells_of(r).any(|c| {
            self.cells
                .get(&c)
                .is_some_and(|v| v.iter().any(|o| o.intersects(r)))
        })
    }

    pub fn add(&mut self, r: Rect) {
        for c in Self::cells_of(&r) {
            self.cells.entry(c).or_default().push(r);
        }
    }
}

/// Label height.
pub(super) const LABEL_H: f32 = 16.0;

/// Where a label `w` wide reads best on its line `points`: the first spot on the line
/// (along the longest segments first, from their middles outwards) where it covers no
/// card and no label already placed; `None` when there is none.
pub(super) fn label_point(
    cards: &super::edge::CardGrid,
    placed: &Placed,
    points: &[(f32, f32)],
    w: f32,
) -> Option<(f32, f32)> {
    let fits = |p: (f32, f32)| {
        let r = Rect::new(p.0 - w / 2.0, p.1 - LABEL_H / 2.0, w, LABEL_H);
        !placed.hits(&r) && !cards.any_in(&r)
    };
    let mut segments: Vec<(f32, Line)> = points
        .windows(2)
        .map(|s| {
            (
                (s[1].0 - s[0].0).abs() + (s[1].1 - s[0].1).abs(),
                (s[0], s[1]),
            )
        })
        .collect();
    // Long segments first; horizontal ones before vertical ones of the same length,
    // as labels are wide.
    segments.sort_by(|x, y| {
        let hx = (x.1).0.1 == (x.1).1.1;
        let hy = (y.1).0.1 == (y.1).1.1;
        y.0.total_cmp(&x.0).then(hy.cmp(&hx))
    });
    let mut tries = 0;
    for &(len, (a, b)) in &segments {
        let steps = ((len / 2.0 / 10.0).floor() as usize).min(24);
        for k in 0..=steps {
            for sign in [1.0, -1.0] {
                if k == 0 && sign < 0.0 {
                    continue;
                }
                let t = 0.5 + sign * (k as f32 * 10.0) / len.max(1.0);
                let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                tries += 1;
                if fits(p) {
                    return Some(p);
                }
                if tries > 200 {
                    return None;
                }
            }
        }
    }
    None
}

/// The middle of the longest segment: where a label goes when no spot is free.
pub(super) fn fallback_point(points: &[(f32, f32)]) -> (f32, f32) {
    points
        .windows(2)
        .max_by(|x, y| {
            let l = |s: &[(f32, f32)]| (s[1].0 - s[0].0).abs() + (s[1].1 - s[0].1).abs();
            l(x).total_cmp(&l(y))
        })
        .map(|s| ((s[0].0 + s[1].0) / 2.0, (s[0].1 + s[1].1) / 2.0))
        .or_else(|| points.first().copied())
        .unwrap_or_default()
}
