//! Edge routing and label placement: orthogonal routes between cards that avoid the
//! cards in between, rework loops, and labels placed where they do not overlap.

use super::*;

/// Is the straight segment from (x0, y0) to (x1, y1) clear of every card (the ends,
/// which touch the cards they connect, excluded)?
pub(super) fn clear(layout: &Layout, x0: f32, y0: f32, x1: f32, y1: f32) -> bool {
    let (lx, hx) = (x0.min(x1), x0.max(x1));
    let (ly, hy) = (y0.min(y1), y0.max(y1));
    let shrink = |lo: f32, hi: f32| {
        if hi - lo > 2.0 {
            (lo + 1.0, hi - 1.0)
        } else {
            (lo, hi)
        }
    };
    let (lx, hx) = shrink(lx, hx);
    let (ly, hy) = shrink(ly, hy);
    !layout.any_card_in(&Rect::new(lx, ly, hx - lx, hy - ly))
}

/// Small offsets that keep handoffs sharing a channel apart.
pub(super) fn spread(k: usize) -> f32 {
    [0.0, 3.0, -3.0, 6.0, -6.0][k % 5]
}

/// The orthogonal route of a forward handoff from card `a` to card `b`: straight when
/// nothing is in the way, else with one bend in the free channel beside a card (half
/// a gap wide), else through the channels above or below `b`'s row. `out_off` and
/// `in_off` shift the channel lines of edges that leave `a` / enter `b` together.
pub(super) fn route(
    layout: &Layout,
    a: &Rect,
    b: &Rect,
    gap: f32,
    out_off: f32,
    in_off: f32,
) -> Vec<(f32, f32)> {
    let (acx, acy) = a.center();
    let (bcx, bcy) = b.center();
    let h = gap / 2.0;
    if b.x >= a.right() + 0.5 || b.right() <= a.x - 0.5 {
        // Leaving sideways: dir = 1 to the right, -1 to the left.
        let dir = if b.x >= a.right() + 0.5 { 1.0 } else { -1.0 };
        let sx = if dir > 0.0 { a.right() } else { a.x };
        let ex = if dir > 0.0 { b.x } else { b.right() };
        if (acy - bcy).abs() < 0.5 && clear(layout, sx, acy, ex, acy) {
            return vec![(sx, acy), (ex, bcy)];
        }
        // Bend in the channel beside b: along a's row, then down b's channel.
        let mx = ex - dir * h + in_off;
        if clear(layout, sx, acy, mx, acy) {
            return vec![(sx, acy), (mx, acy), (mx, bcy), (ex, bcy)];
        }
        // Bend in the channel beside a: down a's channel, then along b's row.
        let mx = sx + dir * h + out_off;
        if clear(layout, mx, bcy, ex, bcy) {
            return vec![(sx, acy), (mx, acy), (mx, bcy), (ex, bcy)];
        }
        let ch = if bcy < acy - 0.5 {
            b.bottom() + h
        } else {
            b.y - h
        } + in_off;
        return vec![
            (sx, acy),
            (sx + dir * h + out_off, acy),
            (sx + dir * h + out_off, ch),
            (ex - dir * h + in_off, ch),
            (ex - dir * h + in_off, bcy),
            (ex, bcy),
        ];
    }
    if b.y >= a.bottom() || b.bottom() <= a.y {
        // Same sub-column, above or below.
        let down = b.y >= a.bottom();
        let (sy, ey) = if down {
            (a.bottom(), b.y)
        } else {
            (a.y, b.bottom())
        };
        if (acx - bcx).abs() < 0.5 && clear(layout, acx, sy, bcx, ey) {
            return vec![(acx, sy), (bcx, ey)];
        }
        // Around through the channel on the right.
        let mx = a.right().max(b.right()) + h + out_off;
        return vec![(a.right(), acy), (mx, acy), (mx, bcy), (b.right(), bcy)];
    }
    // Overlapping cards (a handoff to itself): a small loop on the top right.
    let x = a.right() - 20.0;
    vec![
        (x, a.y),
        (x, a.y - h),
        (a.right() + h, a.y - h),
        (a.right() + h, a.y + 14.0),
        (a.right(), a.y + 14.0),
    ]
}

/// A rework loop: a dashed arc from the top of `a` back to the top of `b`.
pub(super) fn loop_route(a: &Rect, b: &Rect) -> Vec<(f32, f32)> {
    let start = (a.x + a.w * 0.35, a.y);
    let end = (b.x + b.w * 0.65, b.y);
    let dx = (end.0 - start.0).abs();
    let lift = (30.0 + dx * 0.15).min(140.0);
    let top = start.1.min(end.1) - lift;
    let c1 = (start.0, top);
    let c2 = (end.0, top);
    let n = 16;
    (0..=n)
        .map(|i| {
            let t = i as f32 / n as f32;
            let u = 1.0 - t;
            let x = u * u * u * start.0
                + 3.0 * u * u * t * c1.0
                + 3.0 * u * t * t * c2.0
                + t * t * t * end.0;
            let y = u * u * u * start.1
                + 3.0 * u * u * t * c1.1
                + 3.0 * u * t * t * c2.1
                + t * t * t * end.1;
            (x, y)
        })
        .collect()
}

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

/// (length, start, end) of a route segment.
pub(super) type Segment = (f32, (f32, f32), (f32, f32));

/// Edge labels already placed, in a coarse grid for quick overlap tests.
#[derive(Default)]
pub(super) struct Placed {
    pub(super) cells: BTreeMap<(i32, i32), Vec<Rect>>,
}

impl Placed {
    pub(super) const CELL: f32 = 256.0;

    pub(super) fn cells_of(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let x0 = (r.x / Self::CELL).floor() as i32;
        let x1 = (r.right() / Self::CELL).floor() as i32;
        let y0 = (r.y / Self::CELL).floor() as i32;
        let y1 = (r.bottom() / Self::CELL).floor() as i32;
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    pub(super) fn hits(&self, r: &Rect) -> bool {
        Self::cells_of(r).any(|c| {
            self.cells
                .get(&c)
                .is_some_and(|v| v.iter().any(|o| o.intersects(r)))
        })
    }

    pub(super) fn add(&mut self, r: Rect) {
        for c in Self::cells_of(&r) {
            self.cells.entry(c).or_default().push(r);
        }
    }
}

/// Where a label of `w` x 16 reads best: on the route, at the first of a few spots
/// (middles of the longest segments first) where it covers no card and no other
/// label; else just below the cards it connects; else in the middle of the longest
/// horizontal segment.
pub(super) fn label_point(
    layout: &Layout,
    placed: &Placed,
    points: &[(f32, f32)],
    w: f32,
    below: f32,
) -> (f32, f32) {
    let fits = |p: (f32, f32)| {
        let r = Rect::new(p.0 - w / 2.0, p.1 - 8.0, w, 16.0);
        !placed.hits(&r) && clear(layout, r.x, r.y, r.right(), r.bottom())
    };
    let mut segments: Vec<Segment> = points
        .windows(2)
        .map(|s| {
            (
                ((s[1].0 - s[0].0).abs() + (s[1].1 - s[0].1).abs()),
                s[0],
                s[1],
            )
        })
        .collect();
    segments.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut candidates = Vec::with_capacity(12);
    for &(_, a, b) in segments.iter().take(3) {
        for t in [0.5, 0.3, 0.7] {
            candidates.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        }
    }
    let mid = |a: (f32, f32), b: (f32, f32)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    if let Some(&(_, a, b)) = segments.first() {
        let x = mid(a, b).0;
        for dx in [0.0, -(w / 2.0 + 6.0), w / 2.0 + 6.0] {
            candidates.push((x + dx, below));
        }
    }
    candidates
        .into_iter()
        .find(|&p| fits(p))
        .or_else(|| {
            segments
                .iter()
                .find(|(_, a, b)| (a.1 - b.1).abs() < 0.5)
                .or(segments.first())
                .map(|&(_, a, b)| mid(a, b))
        })
        .unwrap_or_default()
}
