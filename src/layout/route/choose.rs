//! Choosing among the candidate routes: the one crossing the fewest other routes.

use super::*;

/// A candidate's approximate polyline and channel segments.
type Shape = (Vec<(f32, f32)>, Vec<ChSeg>);
/// Something filed for a handoff (index) at one of its versions.
type Owned<T> = (usize, u32, T);
/// A straight piece of line between two points.
pub(super) type Line = ((f32, f32), (f32, f32));
/// A segment in the crossing grid: (horizontal?, owner, owner's version, the line).
type Filed = (bool, usize, u32, Line);

/// Above this many handoffs, every handoff takes its default route (choosing costs
/// time roughly in proportion to handoffs x the lines near each).
const CHOOSE_UP_TO: usize = 4_000;

/// A channel segment of a candidate, with each track at its channel's middle:
/// (vertical?, channel, lo, hi, turn at lo, turn at hi).
pub(super) type ChSeg = (bool, usize, f32, f32, i8, i8);

/// The polyline of a candidate with each track at its channel's middle and each port
/// at the middle of its side, and its channel segments.
fn approx(mesh: &Mesh, a: &Rect, b: &Rect, c: &Cand) -> (Vec<(f32, f32)>, Vec<ChSeg>) {
    let port = |r: &Rect, s: Side| match s {
        Side::Left | Side::Right => r.center().1,
        Side::Top | Side::Bottom => r.center().0,
    };
    let v = |p: P| match p {
        P::At(x) => x,
        P::Ch(vertical, ch) => mesh.mid(vertical, ch),
        P::PortA => port(a, c.sides.0),
        P::PortB => port(b, c.sides.1),
    };
    let pts: Vec<(f32, f32)> = c.pts.iter().map(|&(x, y)| (v(x), v(y))).collect();
    let mut chs = Vec::new();
    for k in 0..c.pts.len().saturating_sub(1) {
        let (p0, p1) = (c.pts[k], c.pts[k + 1]);
        let (vertical, ch) = match (p0, p1) {
            ((P::Ch(true, s), _), (P::Ch(true, t), _)) if s == t => (true, s),
            ((_, P::Ch(false, s)), (_, P::Ch(false, t))) if s == t => (false, s),
            _ => continue,
        };
        let along = |q: (f32, f32)| if vertical { q.1 } else { q.0 };
        let across = |q: (f32, f32)| if vertical { q.0 } else { q.1 };
        let mid = mesh.mid(vertical, ch);
        let turn = |j: Option<usize>| match j.and_then(|j| pts.get(j)) {
            Some(&q) if across(q) > mid => 1,
            _ => -1,
        };
        let (u0, u1) = (along(pts[k]), along(pts[k + 1]));
        let (t0, t1) = (turn(k.checked_sub(1)), turn(Some(k + 2)));
        chs.push(if u0 <= u1 {
            (vertical, ch, u0, u1, t0, t1)
        } else {
            (vertical, ch, u1, u0, t1, t0)
        });
    }
    (pts, chs)
}

/// Must two segments of one channel cross, whatever their order across it? Each end
/// of one inside the other's span must lie on the side its route turns to.
pub(super) fn conflict(s: &ChSeg, o: &ChSeg) -> bool {
    let inside = |v: f32, g: &ChSeg| v > g.2 + 0.5 && v < g.3 - 0.5;
    // Sides of `o` that `s` must take: bit 0 the low side, bit 1 the high side.
    let mut need = 0u8;
    let bit = |turn: i8| if turn < 0 { 1u8 } else { 2u8 };
    if inside(s.2, o) {
        need |= bit(s.4);
    }
    if inside(s.3, o) {
        need |= bit(s.5);
    }
    if inside(o.2, s) {
        need |= 3 - bit(o.4);
    }
    if inside(o.3, s) {
        need |= 3 - bit(o.5);
    }
    need == 3
}

/// Which candidate each handoff takes: the one with the fewest crossings with the
/// other handoffs' routes (those sharing no end; across channels, and forced inside a
/// channel), then the fewest bends, then the shortest; four sweeps (two for
/// big journeys), the later ones seeing every other handoff's choice.
pub(super) fn choose(
    layout: &Layout,
    mesh: &Mesh,
    ends: &[(&TouchpointId, &TouchpointId)],
    cands: &[Vec<Cand>],
) -> Vec<usize> {
    let mut chosen = vec![0usize; cands.len()];
    if cands.len() > CHOOSE_UP_TO {
        return chosen;
    }
    let shapes: Vec<Vec<Shape>> = ends
        .iter()
        .zip(cands)
        .map(
            |((from, to), list)| match (layout.cards.get(*from), layout.cards.get(*to)) {
                (Some(a), Some(b)) => list.iter().map(|c| approx(mesh, a, b, c)).collect(),
                _ => Vec::new(),
            },
        )
        .collect();
    let mut grid = SegGrid::default();
    let mut channels: BTreeMap<(bool, usize), Vec<Owned<ChSeg>>> = BTreeMap::new();
    let mut version = vec![0u32; cands.len()];
    // The cards of each handoff as numbers, so "shares an end" is cheap.
    let mut card_no: BTreeMap<&TouchpointId, u32> = BTreeMap::new();
    let ends_no: Vec<(u32, u32)> = ends
        .iter()
        .map(|(a, b)| {
            let n = card_no.len() as u32;
            let a = *card_no.entry(*a).or_insert(n);
            let n = card_no.len() as u32;
            (a, *card_no.entry(*b).or_insert(n))
        })
        .collect();
    let share = |i: usize, j: usize| {
        let (a, b) = (ends_no[i], ends_no[j]);
        a.0 == b.0 || a.0 == b.1 || a.1 == b.0 || a.1 == b.1
    };
    let sweeps = if cands.len() > 500 { 2 } else { 4 };
    for sweep in 0..sweeps {
        if sweep > 0 {
            // Forget the routes replaced in the last sweep.
            for list in channels.values_mut() {
                list.retain(|e| version[e.0] == e.1);
            }
            grid.retain(|owner, v| version[owner] == v);
        }
        for (i, opts) in shapes.iter().enumerate() {
            if opts.len() <= 1 && sweep > 0 {
                continue;
            }
            let mut best = (usize::MAX, f32::INFINITY, 0usize);
            if opts.len() > 1 {
                for (k, (pts, chs)) in opts.iter().enumerate() {
                    let live = |j: usize, v: u32| j != i && version[j] == v && !share(i, j);
                    let mut crossings = grid.crossings(pts, live);
                    for s in chs {
                        if let Some(list) = channels.get(&(s.0, s.1)) {
                            crossings += list
                                .iter()
                                .filter(|(j, v, o)| {
                                    o.2 <= s.3 && s.2 <= o.3 && conflict(s, o) && live(*j, *v)
                                })
                                .count();
                        }
                    }
                    let length: f32 = pts
                        .windows(2)
                        .map(|s| (s[1].0 - s[0].0).abs() + (s[1].1 - s[0].1).abs())
                        .sum();
                    let cost = (crossings, pts.len() as f32 + length / 1_000.0, k);
                    if cost.0 < best.0 || (cost.0 == best.0 && cost.1 < best.1) {
                        best = cost;
                    }
                }
            }
            chosen[i] = best.2;
            version[i] += 1;
            if let Some((pts, chs)) = opts.get(best.2) {
                grid.add(i, version[i], pts);
                for s in chs {
                    channels
                        .entry((s.0, s.1))
                        .or_default()
                        .push((i, version[i], *s));
                }
            }
        }
    }
    chosen
}

/// Axis-parallel route segments filed in a uniform grid, to count crossings.
#[derive(Default)]
struct SegGrid {
    /// (horizontal?, owner, owner's version, segment)
    cells: BTreeMap<(i32, i32), Vec<Filed>>,
}

impl SegGrid {
    const CELL: f32 = 240.0;

    fn cells_of(a: (f32, f32), b: (f32, f32)) -> impl Iterator<Item = (i32, i32)> {
        let f = |v: f32| (v / Self::CELL).floor().clamp(-1e6, 1e6) as i32;
        let (x0, x1) = (f(a.0.min(b.0)), f(a.0.max(b.0)));
        let (y0, y1) = (f(a.1.min(b.1)), f(a.1.max(b.1)));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Keep only what `keep` accepts.
    fn retain(&mut self, keep: impl Fn(usize, u32) -> bool) {
        for list in self.cells.values_mut() {
            list.retain(|e| keep(e.1, e.2));
        }
    }

    fn add(&mut self, owner: usize, version: u32, pts: &[(f32, f32)]) {
        for s in pts.windows(2) {
            let horizontal = (s[0].1 - s[1].1).abs() < 0.01;
            for c in Self::cells_of(s[0], s[1]) {
                self.cells
                    .entry(c)
                    .or_default()
                    .push((horizontal, owner, version, (s[0], s[1])));
            }
        }
    }

    /// Crossings of `pts` with the filed segments that `live` accepts; each crossing
    /// is counted in the one cell that holds its point.
    fn crossings(&self, pts: &[(f32, f32)], live: impl Fn(usize, u32) -> bool) -> usize {
        let mut n = 0;
        let f = |v: f32| (v / Self::CELL).floor().clamp(-1e6, 1e6) as i32;
        for s in pts.windows(2) {
            let horizontal = (s[0].1 - s[1].1).abs() < 0.01;
            for c in Self::cells_of(s[0], s[1]) {
                let Some(list) = self.cells.get(&c) else {
                    continue;
                };
                for &(h, owner, v, (p, q)) in list {
                    if h == horizontal {
                        continue;
                    }
                    // (hs, vs): the horizontal and the vertical of the pair.
                    let (hs, vs) = if horizontal {
                        ((s[0], s[1]), (p, q))
                    } else {
                        ((p, q), (s[0], s[1]))
                    };
                    let (x, y) = (vs.0.0, hs.0.1);
                    let inside = |v: f32, a: f32, b: f32| v > a.min(b) + 0.5 && v < a.max(b) - 0.5;
                    if inside(x, hs.0.0, hs.1.0)
                        && inside(y, vs.0.1, vs.1.1)
                        && (f(x), f(y)) == c
                        && live(owner, v)
                    {
                        n += 1;
                    }
                }
            }
        }
        n
    }
}
