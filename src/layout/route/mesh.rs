//! The free channels between the grid's card slots, where routes run.

use super::*;

/// The free channels of the grid: x ranges of the vertical ones, y ranges of the
/// horizontal ones, each sorted.
pub(super) struct Mesh {
    pub(super) vx: Vec<(f32, f32)>,
    pub(super) hy: Vec<(f32, f32)>,
}

/// The gaps between consecutive `slots` (sorted ranges), and before the first and
/// after the last within `[lo, hi]`.
fn gaps(slots: &[(f32, f32)], lo: f32, hi: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::with_capacity(slots.len() + 1);
    let mut at = lo;
    for &(a, b) in slots {
        if a > at + 0.5 {
            out.push((at, a));
        }
        at = at.max(b);
    }
    if hi > at + 0.5 {
        out.push((at, hi));
    }
    out
}

impl Mesh {
    pub(super) fn new(layout: &Layout, c: &LayoutConfig) -> Mesh {
        let mut slots = Vec::new();
        for col in &layout.columns {
            for q in 0..col.per_row {
                let x = col.slot_x(q, c.card_w);
                slots.push((x, x + c.card_w));
            }
        }
        let mut rows = Vec::new();
        for lane in &layout.lanes {
            let step = c.card_h + lane.pad;
            let n = if step > 0.0 {
                (((lane.h - lane.pad) / step).round() as usize).max(1)
            } else {
                1
            };
            for r in 0..n {
                let y = lane.row_y(r, c.card_h);
                rows.push((y, y + c.card_h));
            }
        }
        let g = layout.grid;
        Mesh {
            vx: gaps(&slots, g.x, g.right()),
            hy: gaps(&rows, g.y, g.bottom()),
        }
    }

    /// The channel that starts at `at` (the side of a card facing the higher
    /// coordinate), or `None`.
    pub(super) fn after(list: &[(f32, f32)], at: f32) -> Option<usize> {
        let i = list.partition_point(|c| c.0 < at - 0.5);
        list.get(i).filter(|c| c.0 <= at + 0.5).map(|_| i)
    }

    /// The channel that ends at `at` (the side of a card facing the lower coordinate).
    pub(super) fn before(list: &[(f32, f32)], at: f32) -> Option<usize> {
        let i = list.partition_point(|c| c.1 <= at + 0.5);
        let i = i.checked_sub(1)?;
        list.get(i).filter(|c| c.1 >= at - 0.5).map(|_| i)
    }

    pub(super) fn mid(&self, vertical: bool, ch: usize) -> f32 {
        let list = if vertical { &self.vx } else { &self.hy };
        list.get(ch).map_or(0.0, |c| (c.0 + c.1) / 2.0)
    }
}
