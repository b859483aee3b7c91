//! Choosing among the candidate routes: the one crossing the fewest other routes.

use super::*;

/// A candidate's approximate polyline and channel segments.
type Shape = (Vec<(f32, f32)>, Vec<ChSeg>);
/// A straight piece of line between two points.
pub(super) type Line = ((f32, f32), (f32, f32));
/// A segment in the crossing grid (whether it is horizontal is the list it is in).
#[derive(Clone, Copy)]
struct Filed {
    owner: u32,
    version: u32,
    line: Line,
}

/// Above this many handoffs, every handoff takes its default route (choosing costs
/// time roughly in proportion to handoffs x the lines near each).
const CHOOSE_UP_TO: usize = 4_000;

/// A channel segment of a candidate, with each track at its channel's middle:
/// (vertical?, channel, lo, hi, turn at lo, turn at hi).
pub(super) type ChSeg = (bool, usize, f32, f32, i8, i8);

/// The polyline of candidate `c` from card `a` to card `b` with each track at its
/// channel's middle and each port at the middle of its side.
pub(super) fn middle_line(mesh: &Mesh, a: &Rect, b: &Rect, c: &Cand) -> Vec<(f32, f32)> {
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
    c.pts.iter().map(|&(x, y)| (v(x), v(y))).collect()
}

/// The [`middle_line`] of a candidate and its channel segments.
fn approx(mesh: &Mesh, a: &Rect, b: &Rect, c: &Cand) -> (Vec<(f32, f32)>, Vec<ChSeg>) {
    let pts = middle_line(mesh, a, b, c);
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

/// Where a horizontal and a vertical segment cross inside both: not at an end, nor
/// within half a point of one (touching is not crossing). `None` for two parallel
/// segments.
pub(super) fn cross_point(s: Line, t: Line) -> Option<(f32, f32)> {
    let horizontal = |l: Line| (l.0.1 - l.1.1).abs() < 0.01;
    let (h, v) = match (horizontal(s), horizontal(t)) {
        (true, false) => (s, t),
        (false, true) => (t, s),
        _ => return None,
    };
    let inside = |v: f32, a: f32, b: f32| v > a.min(b) + 0.5 && v < a.max(b) - 0.5;
    let (x, y) = (v.0.0, h.0.1);
    (inside(x, h.0.0, h.1.0) && inside(y, v.0.1, v.1.1)).then_some((x, y))
}

/// A channel segment along its channel: (lo, hi, turn at lo, turn at hi).
pub(super) type Span = (f32, f32, i8, i8);

/// The [`Span`] of a channel segment.
fn span_of(s: &ChSeg) -> Span {
    (s.2, s.3, s.4, s.5)
}

/// Must two segments of one channel cross, whatever their order across it? Each end
/// of one inside the other's span must lie on the side its route turns to.
pub(super) fn conflict(s: Span, o: Span) -> bool {
    let inside = |v: f32, g: Span| v > g.0 + 0.5 && v < g.1 - 0.5;
    // Sides of `o` that `s` must take: bit 0 the low side, bit 1 the high side.
    let mut need = 0u8;
    let bit = |turn: i8| if turn < 0 { 1u8 } else { 2u8 };
    if inside(s.0, o) {
        need |= bit(s.2);
    }
    if inside(s.1, o) {
        need |= bit(s.3);
    }
    if inside(o.0, s) {
        need |= 3 - bit(o.2);
    }
    if inside(o.1, s) {
        need |= 3 - bit(o.3);
    }
    need == 3
}

/// How many sweeps [`choose`] makes over `handoffs` handoffs: each later one sees every
/// other handoff's choice, and costs more than the first. On the generated journeys
/// (crossings, drawn map): 200 touchpoints (seed 7), 803 after one sweep, 715 after
/// two, 705 after four; 1,000 touchpoints (1,520 handoffs, seeds 1 to 3), 14,307 /
/// 15,090 / 13,625 after one, 14,095 / 14,789 / 13,344 after two (1.3-2% fewer, for
/// two thirds of the choosing time, about 4 ms).
fn sweeps_for(handoffs: usize) -> usize {
    match handoffs {
        0..=500 => 4,
        501..=1_000 => 2,
        _ => 1,
    }
}

/// Which candidate each handoff takes: the one with the fewest crossings with the
/// other handoffs' routes (those sharing no end; across channels, and forced inside a
/// channel), then the fewest bends, then the shortest; in [`sweeps_for`] sweeps, the
/// later ones seeing every other handoff's choice.
pub(super) fn choose(
    layout: &Layout,
    mesh: &Mesh,
    rects: &EndRects,
    cands: &[Vec<Cand>],
) -> Vec<usize> {
    let mut chosen = vec![0usize; cands.len()];
    if cands.len() > CHOOSE_UP_TO {
        return chosen;
    }
    let shapes: Vec<Vec<Shape>> = rects
        .iter()
        .zip(cands)
        .map(|(r, list)| match r {
            Some((a, b)) => list.iter().map(|c| approx(mesh, a, b, c)).collect(),
            None => Vec::new(),
        })
        .collect();
    let mut grid = SegGrid::new(&layout.grid, cands.len());
    let mut channels = ChannelBins::new(mesh, &layout.grid, cands.len());
    let mut version = vec![0u32; cands.len()];
    // The cards of each handoff by where they stand, so "shares an end" is cheap (a
    // handoff without both cards has no route, is never filed, and shares nothing).
    let ends: Vec<Option<(CardKey, CardKey)>> = rects
        .iter()
        .map(|r| r.as_ref().map(|(a, b)| (card_key(a), card_key(b))))
        .collect();
    let share = |i: usize, j: usize| match (ends[i], ends[j]) {
        (Some(a), Some(b)) => a.0 == b.0 || a.0 == b.1 || a.1 == b.0 || a.1 == b.1,
        _ => false,
    };
    let sweeps = sweeps_for(cands.len());
    // The handoffs with one route are filed first, so that the first sweep's choices
    // see them all (then the others, in order).
    let mut visit: Vec<usize> = (0..shapes.len()).collect();
    visit.sort_by_key(|&i| shapes[i].len() > 1);
    for sweep in 0..sweeps {
        if sweep > 0 {
            // Forget the routes replaced in the last sweep.
            channels.retain(|owner, v| version[owner] == v);
            grid.retain(|owner, v| version[owner] == v);
        }
        for &i in &visit {
            let opts = &shapes[i];
            if opts.len() <= 1 && sweep > 0 {
                continue;
            }
            let mut best = (usize::MAX, f32::INFINITY, 0usize);
            if opts.len() > 1 {
                for (k, (pts, chs)) in opts.iter().enumerate() {
                    let live = |j: usize, v: u32| j != i && version[j] == v && !share(i, j);
                    let length: f32 = pts
                        .windows(2)
                        .map(|s| (s[1].0 - s[0].0).abs() + (s[1].1 - s[0].1).abs())
                        .sum();
                    let shape = pts.len() as f32 + length / 1_000.0;
                    // Better than the best so far with at most this many crossings;
                    // counting stops past it.
                    let Some(most) = (if shape < best.1 {
                        Some(best.0)
                    } else {
                        best.0.checked_sub(1)
                    }) else {
                        continue;
                    };
                    let mut crossings = grid.crossings(pts, live, most);
                    for s in chs {
                        if crossings > most {
                            break;
                        }
                        crossings += channels.conflicts(s, live, most - crossings);
                    }
                    if crossings <= most {
                        best = (crossings, shape, k);
                    }
                }
            }
            chosen[i] = best.2;
            version[i] += 1;
            if let Some((pts, chs)) = opts.get(best.2) {
                grid.add(i, version[i], pts);
                for s in chs {
                    channels.add(i, version[i], s);
                }
            }
        }
    }
    chosen
}

/// Cells of a dense index over the map: a square of at least `CELL` points, larger
/// on a map so big that there would be more than `cells_for(n)` of them (memory stays
/// linear in the handoffs whatever the map's extent).
const CELL: f32 = 240.0;

fn cells_for(handoffs: usize) -> f32 {
    (8 * handoffs + 1_024) as f32
}

/// Which cell of `n` from `lo` in steps of `step` holds `v` (the first or last when
/// outside).
fn cell_of(v: f32, lo: f32, step: f32, n: usize) -> usize {
    let k = ((v - lo) / step).max(0.0);
    (k as usize).min(n.saturating_sub(1))
}

/// The channel segments of the chosen routes, filed by channel and by stretch of it,
/// so that a segment is compared only with those overlapping it (a channel runs the
/// whole map and holds many).
struct ChannelBins {
    /// Vertical and horizontal channels in the mesh.
    count: [usize; 2],
    /// Bins per vertical channel and per horizontal one.
    per: [usize; 2],
    /// Where the stretches of the vertical (along y) and horizontal (along x)
    /// channels start.
    lo: [f32; 2],
    step: f32,
    /// Per bin, the segments that start in it.
    starts: Vec<Vec<Binned>>,
    /// Per bin, the segments that run through it from an earlier bin.
    through: Vec<Vec<Binned>>,
}

/// A channel segment in a bin: its channel is the bin's, so only its span is kept
/// (with its owner), small so that a bin scans fast.
#[derive(Clone, Copy)]
struct Binned {
    span: Span,
    owner: u32,
    version: u32,
}

impl ChannelBins {
    fn new(mesh: &Mesh, grid: &Rect, handoffs: usize) -> ChannelBins {
        let count = [mesh.vx.len(), mesh.hy.len()];
        // Bins at least CELL long; longer when there would be too many.
        let room = (grid.h * count[0] as f32 + grid.w * count[1] as f32).max(1.0);
        let step = CELL.max(room / cells_for(handoffs));
        let per = [
            (grid.h / step).ceil().max(1.0) as usize,
            (grid.w / step).ceil().max(1.0) as usize,
        ];
        let n = count[0] * per[0] + count[1] * per[1];
        ChannelBins {
            count,
            per,
            lo: [grid.y, grid.x],
            step,
            starts: vec![Vec::new(); n],
            through: vec![Vec::new(); n],
        }
    }

    /// The bins of `s`'s channel that its span covers (none for a channel not in the
    /// mesh).
    fn span(&self, s: &ChSeg) -> std::ops::Range<usize> {
        let w = usize::from(!s.0);
        if s.1 >= self.count[w] {
            return 0..0;
        }
        let first = if s.0 { 0 } else { self.count[0] * self.per[0] } + s.1 * self.per[w];
        let a = cell_of(s.2, self.lo[w], self.step, self.per[w]);
        let b = cell_of(s.3, self.lo[w], self.step, self.per[w]);
        first + a..first + b + 1
    }

    fn add(&mut self, owner: usize, version: u32, s: &ChSeg) {
        let span = self.span(s);
        let entry = Binned {
            span: span_of(s),
            owner: owner as u32,
            version,
        };
        let first = span.start;
        for k in span {
            let list = if k == first {
                self.starts.get_mut(k)
            } else {
                self.through.get_mut(k)
            };
            if let Some(list) = list {
                list.push(entry);
            }
        }
    }

    /// Keep only what `keep` accepts.
    fn retain(&mut self, keep: impl Fn(usize, u32) -> bool) {
        for list in self.starts.iter_mut().chain(&mut self.through) {
            list.retain(|e| keep(e.owner as usize, e.version));
        }
    }

    /// The filed segments that `live` accepts and that `s` must cross ([`conflict`]),
    /// each counted in the one bin where the two start to overlap: in `s`'s first bin
    /// every segment there, in its later bins only those starting in them (a long
    /// segment is not looked at again in every bin the two share); counting stops past
    /// `most`.
    fn conflicts(&self, s: &ChSeg, live: impl Fn(usize, u32) -> bool, most: usize) -> usize {
        let span = self.span(s);
        let first = span.start;
        let mine = span_of(s);
        let none: &[Binned] = &[];
        let mut n = 0;
        for k in span {
            let starting = self.starts.get(k).map_or(none, Vec::as_slice);
            let running = match self.through.get(k) {
                Some(list) if k == first => list.as_slice(),
                _ => none,
            };
            n += starting
                .iter()
                .chain(running)
                .filter(|o| {
                    o.span.0 <= mine.1
                        && mine.0 <= o.span.1
                        && conflict(mine, o.span)
                        && live(o.owner as usize, o.version)
                })
                .count();
            if n > most {
                break;
            }
        }
        n
    }
}

/// Axis-parallel route segments filed in a dense grid of cells, to count crossings.
struct SegGrid {
    lo: (f32, f32),
    step: f32,
    /// Columns and rows of cells.
    n: (usize, usize),
    /// The segments per cell, row by row: the vertical ones, then the horizontal ones.
    cells: Vec<[Vec<Filed>; 2]>,
}

impl SegGrid {
    fn new(grid: &Rect, handoffs: usize) -> SegGrid {
        let area = (grid.w * grid.h).max(1.0);
        let step = CELL.max((area / cells_for(handoffs)).sqrt());
        let n = (
            (grid.w / step).ceil().max(1.0) as usize,
            (grid.h / step).ceil().max(1.0) as usize,
        );
        SegGrid {
            lo: (grid.x, grid.y),
            step,
            n,
            cells: vec![[Vec::new(), Vec::new()]; n.0 * n.1],
        }
    }

    /// The cell (column, row) holding a point.
    fn at(&self, p: (f32, f32)) -> (usize, usize) {
        (
            cell_of(p.0, self.lo.0, self.step, self.n.0),
            cell_of(p.1, self.lo.1, self.step, self.n.1),
        )
    }

    /// The cells a segment from `a` to `b` passes, as indices into `cells`.
    fn cells_of(&self, a: (f32, f32), b: (f32, f32)) -> impl Iterator<Item = usize> + use<> {
        let (ca, cb) = (self.at(a), self.at(b));
        let (x0, x1) = (ca.0.min(cb.0), ca.0.max(cb.0));
        let (y0, y1) = (ca.1.min(cb.1), ca.1.max(cb.1));
        let w = self.n.0;
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| y * w + x))
    }

    /// Keep only what `keep` accepts.
    fn retain(&mut self, keep: impl Fn(usize, u32) -> bool) {
        for list in self.cells.iter_mut().flatten() {
            list.retain(|e| keep(e.owner as usize, e.version));
        }
    }

    fn add(&mut self, owner: usize, version: u32, pts: &[(f32, f32)]) {
        for s in pts.windows(2) {
            let horizontal = (s[0].1 - s[1].1).abs() < 0.01;
            for c in self.cells_of(s[0], s[1]) {
                if let Some(lists) = self.cells.get_mut(c) {
                    lists[usize::from(horizontal)].push(Filed {
                        owner: owner as u32,
                        version,
                        line: (s[0], s[1]),
                    });
                }
            }
        }
    }

    /// Crossings of `pts` with the filed segments that `live` accepts (each counted in
    /// the one cell that holds its point); counting stops past `most`.
    fn crossings(
        &self,
        pts: &[(f32, f32)],
        live: impl Fn(usize, u32) -> bool,
        most: usize,
    ) -> usize {
        let mut n = 0;
        for s in pts.windows(2) {
            let horizontal = (s[0].1 - s[1].1).abs() < 0.01;
            for c in self.cells_of(s[0], s[1]) {
                let Some(lists) = self.cells.get(c) else {
                    continue;
                };
                for f in &lists[usize::from(!horizontal)] {
                    let Some(at) = cross_point((s[0], s[1]), f.line) else {
                        continue;
                    };
                    if live(f.owner as usize, f.version) && {
                        let (cx, cy) = self.at(at);
                        cy * self.n.0 + cx == c
                    } {
                        n += 1;
                        if n > most {
                            return n;
                        }
                    }
                }
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A random orthogonal polyline (vertical, horizontal, vertical), some of it
    /// outside `grid`.
    fn polyline(rng: &mut crate::generate::Rng) -> Vec<(f32, f32)> {
        let mut v = |hi: u64| rng.below(hi) as f32 * 10.0 - 100.0;
        let (x0, y0, y1, x1, y2) = (v(220), v(170), v(170), v(220), v(170));
        vec![(x0, y0), (x0, y1), (x1, y1), (x1, y2)]
    }

    /// The dense grid counts every crossing once, as comparing every pair does, also
    /// for lines outside the map and on a map with too many cells for its handoffs;
    /// with a limit it stops past it.
    #[test]
    fn the_grid_counts_what_a_scan_of_every_pair_counts() {
        let mut rng = crate::generate::Rng::new(5);
        for (grid, handoffs) in [
            (Rect::new(0.0, 0.0, 2_000.0, 1_500.0), 30),
            (Rect::new(0.0, 0.0, 200_000.0, 150_000.0), 1),
        ] {
            let mut index = SegGrid::new(&grid, handoffs);
            let filed: Vec<Vec<(f32, f32)>> = (0..30).map(|_| polyline(&mut rng)).collect();
            for (owner, pts) in filed.iter().enumerate() {
                index.add(owner, 0, pts);
            }
            let mut any = 0;
            for _ in 0..200 {
                let pts = polyline(&mut rng);
                let scan: usize = filed
                    .iter()
                    .flat_map(|f| f.windows(2))
                    .map(|t| {
                        pts.windows(2)
                            .filter(|s| cross_point((s[0], s[1]), (t[0], t[1])).is_some())
                            .count()
                    })
                    .sum();
                assert_eq!(index.crossings(&pts, |_, _| true, usize::MAX), scan);
                assert_eq!(index.crossings(&pts, |_, _| true, 0) > 0, scan > 0);
                any += scan;
            }
            assert!(any > 100, "the lines cross: {any}");
        }
    }

    /// The channel bins find every forced crossing once, as a scan of the channel does.
    #[test]
    fn the_channel_bins_find_what_a_scan_of_the_channel_finds() {
        let mut rng = crate::generate::Rng::new(9);
        let mesh = Mesh {
            vx: vec![(100.0, 120.0), (400.0, 430.0), (900.0, 920.0)],
            hy: vec![(200.0, 220.0), (700.0, 720.0)],
        };
        let grid = Rect::new(0.0, 0.0, 3_000.0, 2_500.0);
        let mut bins = ChannelBins::new(&mesh, &grid, 40);
        let seg = |rng: &mut crate::generate::Rng| -> ChSeg {
            let vertical = rng.below(2) == 0;
            let ch = rng.below(if vertical { 3 } else { 2 }) as usize;
            let a = rng.below(300) as f32 * 10.0 - 100.0;
            let b = a + rng.below(120) as f32 * 10.0;
            let turn = |rng: &mut crate::generate::Rng| if rng.below(2) == 0 { -1 } else { 1 };
            (vertical, ch, a, b, turn(rng), turn(rng))
        };
        let filed: Vec<ChSeg> = (0..60).map(|_| seg(&mut rng)).collect();
        for (owner, s) in filed.iter().enumerate() {
            bins.add(owner, 0, s);
        }
        let mut any = 0;
        for _ in 0..300 {
            let s = seg(&mut rng);
            let scan = filed
                .iter()
                .filter(|o| o.0 == s.0 && o.1 == s.1 && o.2 <= s.3 && s.2 <= o.3)
                .filter(|o| conflict(span_of(&s), span_of(o)))
                .count();
            assert_eq!(bins.conflicts(&s, |_, _| true, usize::MAX), scan);
            any += scan;
        }
        assert!(any > 50, "the segments conflict: {any}");
    }
}
