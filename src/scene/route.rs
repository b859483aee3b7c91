//! Edge routing and label placement (issue 16).
//!
//! The grid layout leaves a mesh of free channels: a vertical channel in every gap
//! between card slots (continuous over the whole grid, as every cell of a column uses
//! the same slots) and a horizontal one in every gap between card rows. Every handoff,
//! rework loops included, is routed orthogonally in these channels and never through a
//! card ([`route_all`]):
//!
//! 1. each handoff gets a side of each of its cards, and every side fans its handoffs
//!    out over its own ports, ordered by where the other end lies;
//! 2. a route is the port's stub into the adjacent channel, at most three channel
//!    segments (vertical, horizontal, vertical) and the stub into the other card; a
//!    shortcut through empty slots of a row saves two bends when it is clear;
//! 3. nudging: in each channel, the segments are ordered (by where their ends turn, so
//!    that few cross) and every segment gets its own track, shared only with segments
//!    that do not overlap it; the tracks spread evenly over the channel's width.
//!
//! Labels ([`label_point`]) sit on their own line, at the first spot of its segments
//! that covers neither a card nor a label already placed (a grid index); else the caller
//! falls back to a numbered callout with the figures in a side list.

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

/// The free channels of the grid: x ranges of the vertical ones, y ranges of the
/// horizontal ones, each sorted.
pub(super) struct Mesh {
    vx: Vec<(f32, f32)>,
    hy: Vec<(f32, f32)>,
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
                let x = col.x + c.gap + q as f32 * (c.card_w + c.gap);
                slots.push((x, x + c.card_w));
            }
        }
        let mut rows = Vec::new();
        let step = c.card_h + c.gap;
        for lane in &layout.lanes {
            let n = if step > 0.0 {
                (((lane.h - c.gap) / step).round() as usize).max(1)
            } else {
                1
            };
            for r in 0..n {
                let y = lane.y + c.gap + r as f32 * step;
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
    fn after(list: &[(f32, f32)], at: f32) -> Option<usize> {
        let i = list.partition_point(|c| c.0 < at - 0.5);
        list.get(i).filter(|c| c.0 <= at + 0.5).map(|_| i)
    }

    /// The channel that ends at `at` (the side of a card facing the lower coordinate).
    fn before(list: &[(f32, f32)], at: f32) -> Option<usize> {
        let i = list.partition_point(|c| c.1 <= at + 0.5);
        let i = i.checked_sub(1)?;
        list.get(i).filter(|c| c.1 >= at - 0.5).map(|_| i)
    }

    fn mid(&self, vertical: bool, ch: usize) -> f32 {
        let list = if vertical { &self.vx } else { &self.hy };
        list.get(ch).map_or(0.0, |c| (c.0 + c.1) / 2.0)
    }
}

/// A side of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Left,
    Right,
    Top,
    Bottom,
}

/// A coordinate of a route point: fixed, or the track of a channel segment.
#[derive(Clone, Copy, Debug)]
enum C {
    At(f32),
    Track(usize),
}

/// A piece of a route inside a channel.
struct Seg {
    vertical: bool,
    channel: usize,
    /// Span along the channel (channel tracks approximated by the channel's middle).
    lo: f32,
    hi: f32,
    /// Where the route turns at each end: -1 towards the lower coordinate across the
    /// channel (left of a vertical channel, above a horizontal one), +1 the other way.
    turn_lo: i8,
    turn_hi: i8,
    at: f32,
    /// Segments of one bundle (handoffs sharing a crowded side) share a track.
    bundle: Option<usize>,
}

/// Range "raise to at least" updates and range maximum queries over `n` slots, bottom-up
/// and without recursion: `all[x]` holds what was raised over node x's whole range,
/// `sub[x]` the most raised anywhere inside it.
struct MaxTree {
    n: usize,
    all: Vec<i32>,
    sub: Vec<i32>,
}

impl MaxTree {
    fn new(n: usize) -> MaxTree {
        let n = n.max(1).next_power_of_two();
        MaxTree {
            n,
            all: vec![-1; 2 * n],
            sub: vec![-1; 2 * n],
        }
    }

    /// The highest value raised anywhere in `l..=r`.
    fn query(&self, l: usize, r: usize) -> i32 {
        let get = |v: &Vec<i32>, i: usize| v.get(i).copied().unwrap_or(-1);
        let mut best = -1;
        let (mut lo, mut hi) = (l + self.n, r + self.n + 1);
        let (l0, r0) = (lo, hi - 1);
        while lo < hi {
            if lo & 1 == 1 {
                best = best.max(get(&self.sub, lo));
                lo += 1;
            }
            if hi & 1 == 1 {
                hi -= 1;
                best = best.max(get(&self.sub, hi));
            }
            lo >>= 1;
            hi >>= 1;
        }
        for leaf in [l0, r0] {
            let mut x = leaf >> 1;
            while x >= 1 {
                best = best.max(get(&self.all, x));
                x >>= 1;
            }
        }
        best
    }

    /// Raise every slot of `l..=r` to at least `v`.
    fn raise(&mut self, l: usize, r: usize, v: i32) {
        let (mut lo, mut hi) = (l + self.n, r + self.n + 1);
        let (l0, r0) = (lo, hi - 1);
        let set = |t: &mut MaxTree, x: usize| {
            if let Some(a) = t.all.get_mut(x) {
                *a = (*a).max(v);
            }
            if let Some(s) = t.sub.get_mut(x) {
                *s = (*s).max(v);
            }
        };
        while lo < hi {
            if lo & 1 == 1 {
                set(self, lo);
                lo += 1;
            }
            if hi & 1 == 1 {
                hi -= 1;
                set(self, hi);
            }
            lo >>= 1;
            hi >>= 1;
        }
        for leaf in [l0, r0] {
            let mut x = leaf >> 1;
            while x >= 1 {
                if let Some(s) = self.sub.get_mut(x) {
                    *s = (*s).max(v);
                }
                x >>= 1;
            }
        }
    }
}

/// Preferred distance between two tracks of a channel, and the room kept free at
/// the channel's sides.
const TRACK: f32 = 6.0;
const CHANNEL_MARGIN: f32 = 2.0;

/// Route every handoff `(from, to)` between the cards `layout` placed (see the module
/// comment). Returns one polyline per handoff, in order; an end without a card gives an
/// empty polyline.
pub(super) fn route_all(
    layout: &Layout,
    c: &LayoutConfig,
    ends: &[(&TouchpointId, &TouchpointId)],
) -> Vec<Vec<(f32, f32)>> {
    let mesh = Mesh::new(layout, c);
    // 1. Candidate routes of each handoff (its cards' sides and the channels used).
    let mut cands: Vec<Vec<Cand>> = Vec::with_capacity(ends.len());
    for (from, to) in ends {
        cands.push(match (layout.cards.get(*from), layout.cards.get(*to)) {
            (Some(a), Some(b)) => candidates(layout, &mesh, a, b, from == to),
            _ => Vec::new(),
        });
    }
    // 2. The candidate of each handoff that crosses the fewest others.
    let chosen = choose(layout, &mesh, ends, &cands);
    // 3. Ports: every side fans its handoffs out, ordered by where the other end lies.
    let mut ports: BTreeMap<(&TouchpointId, Side), Vec<PortReq>> = BTreeMap::new();
    for (i, (from, to)) in ends.iter().enumerate() {
        let (Some(a), Some(b), Some(c)) = (
            layout.cards.get(*from),
            layout.cards.get(*to),
            cands.get(i).and_then(|list| list.get(chosen[i])),
        ) else {
            continue;
        };
        let (ac, bc) = (a.center(), b.center());
        let key = |side: Side, other: (f32, f32)| match side {
            Side::Left | Side::Right => (other.1, other.0),
            Side::Top | Side::Bottom => (other.0, other.1),
        };
        let ka = key(c.sides.0, bc);
        ports
            .entry((*from, c.sides.0))
            .or_default()
            .push((ka.0, ka.1, i, false));
        let kb = key(c.sides.1, ac);
        ports
            .entry((*to, c.sides.1))
            .or_default()
            .push((kb.0, kb.1, i, true));
    }
    let mut at: Vec<[f32; 2]> = vec![[0.0; 2]; ends.len()];
    // A side holding more handoffs than can be told apart bundles them (they share
    // that card as an end): one port for those arriving, one for those leaving, and
    // one track per bundle in the channel beside it.
    let mut bundle: Vec<[Option<usize>; 2]> = vec![[None; 2]; ends.len()];
    for (b_no, ((id, side), list)) in ports.iter_mut().enumerate() {
        let Some(r) = layout.cards.get(*id) else {
            continue;
        };
        list.sort_by(|x, y| {
            x.0.total_cmp(&y.0)
                .then(x.1.total_cmp(&y.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(&y.3))
        });
        let n = list.len();
        let (start, len) = match side {
            Side::Left | Side::Right => (r.y, r.h),
            Side::Top | Side::Bottom => (r.x, r.w),
        };
        let step = len / (n + 1) as f32;
        // Left and top ports sit half a step (at most 4 pt) off the right and bottom
        // ones, so stubs from the two cards beside one channel never share a line.
        let shift = match side {
            Side::Left | Side::Top => (step / 2.0).min(4.0),
            Side::Right | Side::Bottom => 0.0,
        };
        let bundled = n > BUNDLE_OVER;
        for (k, &(_, _, i, end)) in list.iter().enumerate() {
            if let Some(slot) = at.get_mut(i) {
                slot[usize::from(end)] = if bundled {
                    start + len * if end { 0.6 } else { 0.4 }
                } else {
                    start + step * (k + 1) as f32 + shift
                };
            }
            if let Some(slot) = bundle.get_mut(i).filter(|_| bundled) {
                slot[usize::from(end)] = Some(2 * b_no + usize::from(end));
            }
        }
    }
    // 4. The chosen routes with symbolic channel tracks.
    let mut segs: Vec<Seg> = Vec::new();
    let mut plans: Vec<Vec<(C, C)>> = Vec::with_capacity(ends.len());
    for (i, (from, to)) in ends.iter().enumerate() {
        let (Some(a), Some(b), Some(cand)) = (
            layout.cards.get(*from),
            layout.cards.get(*to),
            cands.get(i).and_then(|list| list.get(chosen[i])),
        ) else {
            plans.push(Vec::new());
            continue;
        };
        let [pa, mut pb] = at.get(i).copied().unwrap_or_default();
        // Side by side across one channel: level, so the line runs straight.
        let level = match cand.sides {
            (Side::Right, Side::Left) | (Side::Left, Side::Right) => (a.y - b.y).abs() < 0.5,
            (Side::Bottom, Side::Top) | (Side::Top, Side::Bottom) => (a.x - b.x).abs() < 0.5,
            _ => false,
        };
        if level && cand.pts.len() == 4 {
            pb = pa;
        }
        // One segment per channel the route uses.
        let mut ids: Vec<((bool, usize), usize)> = Vec::new();
        let mut sym = |v: P, segs: &mut Vec<Seg>| match v {
            P::At(x) => C::At(x),
            P::PortA => C::At(pa),
            P::PortB => C::At(pb),
            P::Ch(vertical, channel) => {
                if let Some(&(_, id)) = ids.iter().find(|(key, _)| *key == (vertical, channel)) {
                    return C::Track(id);
                }
                segs.push(Seg {
                    vertical,
                    channel,
                    lo: 0.0,
                    hi: 0.0,
                    turn_lo: -1,
                    turn_hi: -1,
                    at: 0.0,
                    bundle: None,
                });
                ids.push(((vertical, channel), segs.len() - 1));
                C::Track(segs.len() - 1)
            }
        };
        let plan = cand
            .pts
            .iter()
            .map(|&(x, y)| {
                let x = sym(x, &mut segs);
                (x, sym(y, &mut segs))
            })
            .collect();
        let [ba, bb] = bundle.get(i).copied().unwrap_or_default();
        for &(x, y) in &cand.pts {
            let port = match (x, y) {
                (P::PortA, _) | (_, P::PortA) => ba,
                (P::PortB, _) | (_, P::PortB) => bb,
                _ => None,
            };
            let ch = match (x, y) {
                (P::Ch(v, c), _) | (_, P::Ch(v, c)) => Some((v, c)),
                _ => None,
            };
            if let (Some(b), Some(key)) = (port, ch)
                && let Some(&(_, id)) = ids.iter().find(|(k, _)| *k == key)
                && let Some(g) = segs.get_mut(id)
            {
                g.bundle = Some(b);
            }
        }
        plans.push(plan);
    }
    // Spans and turns of the segments, from the routes' approximate coordinates.
    let approx = |v: C, vertical: bool, segs: &[Seg]| match v {
        C::At(x) => x,
        C::Track(s) => segs.get(s).map_or(0.0, |g| {
            if g.vertical == vertical {
                mesh.mid(g.vertical, g.channel)
            } else {
                0.0
            }
        }),
    };
    for p in &plans {
        for k in 0..p.len().saturating_sub(1) {
            let (p0, p1) = (p[k], p[k + 1]);
            // A vertical segment: both points share an x track.
            let (sid, vertical) = match (p0, p1) {
                ((C::Track(s), _), (C::Track(t), _)) if s == t => (s, true),
                ((_, C::Track(s)), (_, C::Track(t))) if s == t => (s, false),
                _ => continue,
            };
            let along = |q: (C, C)| if vertical { q.1 } else { q.0 };
            let across = |q: (C, C)| if vertical { q.0 } else { q.1 };
            let (u0, u1) = (
                approx(along(p0), !vertical, &segs),
                approx(along(p1), !vertical, &segs),
            );
            let mid = segs
                .get(sid)
                .map_or(0.0, |g| mesh.mid(g.vertical, g.channel));
            let turn = |q: Option<&(C, C)>| match q {
                Some(&q) => {
                    let v = approx(across(q), vertical, &segs);
                    if v > mid { 1 } else { -1 }
                }
                None => -1,
            };
            let t0 = turn(k.checked_sub(1).and_then(|j| p.get(j)));
            let t1 = turn(p.get(k + 2));
            if let Some(g) = segs.get_mut(sid) {
                if u0 <= u1 {
                    (g.lo, g.hi, g.turn_lo, g.turn_hi) = (u0, u1, t0, t1);
                } else {
                    (g.lo, g.hi, g.turn_lo, g.turn_hi) = (u1, u0, t1, t0);
                }
            }
        }
    }
    // 4. Nudging: tracks per channel.
    let mut by_channel: BTreeMap<(bool, usize), Vec<usize>> = BTreeMap::new();
    for (i, g) in segs.iter().enumerate() {
        by_channel
            .entry((g.vertical, g.channel))
            .or_default()
            .push(i);
    }
    for ((vertical, ch), members) in by_channel {
        // The segments of one bundle move as one unit over their joint span.
        let mut units: Vec<Vec<usize>> = Vec::new();
        let mut unit_of: BTreeMap<usize, usize> = BTreeMap::new();
        for &sid in &members {
            match segs[sid].bundle {
                Some(b) => {
                    let u = *unit_of.entry(b).or_insert_with(|| {
                        units.push(Vec::new());
                        units.len() - 1
                    });
                    units[u].push(sid);
                }
                None => units.push(vec![sid]),
            }
        }
        let reps: Vec<Seg> = units
            .iter()
            .map(|u| {
                let lo = u
                    .iter()
                    .map(|&s| &segs[s])
                    .min_by(|a, b| a.lo.total_cmp(&b.lo));
                let hi = u
                    .iter()
                    .map(|&s| &segs[s])
                    .max_by(|a, b| a.hi.total_cmp(&b.hi));
                Seg {
                    vertical,
                    channel: ch,
                    lo: lo.map_or(0.0, |g| g.lo),
                    hi: hi.map_or(0.0, |g| g.hi),
                    turn_lo: lo.map_or(-1, |g| g.turn_lo),
                    turn_hi: hi.map_or(-1, |g| g.turn_hi),
                    at: 0.0,
                    bundle: None,
                }
            })
            .collect();
        let mut list: Vec<usize> = (0..reps.len()).collect();
        // Order across the channel so that few segments cross: those turning to the
        // low side at both ends first (short ones nearest that side), then those that
        // come in from the low side and leave to the high one (later ones first), then
        // the reverse, then those turning to the high side (long ones first).
        let order_key = |g: &Seg| -> (u8, f32) {
            match (g.turn_lo, g.turn_hi) {
                (-1, -1) => (0, g.hi - g.lo),
                (-1, _) => (1, -(g.lo + g.hi)),
                (_, -1) => (2, g.lo + g.hi),
                _ => (3, -(g.hi - g.lo)),
            }
        };
        list.sort_by(|&x, &y| {
            let (kx, ky) = (order_key(&reps[x]), order_key(&reps[y]));
            kx.0.cmp(&ky.0)
                .then(kx.1.total_cmp(&ky.1))
                .then(units[x][0].cmp(&units[y][0]))
        });
        if list.len() <= ORDER_EXACTLY_UP_TO {
            list = constrained_order(&reps, &list);
        }
        // Each segment goes one track beyond every earlier one it overlaps.
        let mut coords: Vec<f32> = list
            .iter()
            .flat_map(|&s| [reps[s].lo, reps[s].hi])
            .collect();
        coords.sort_by(f32::total_cmp);
        coords.dedup();
        let index = |v: f32| coords.partition_point(|&c| c < v);
        let mut tree = MaxTree::new(coords.len());
        let mut tracks = Vec::with_capacity(list.len());
        let mut most = 0;
        for &s in &list {
            let (l, r) = (index(reps[s].lo), index(reps[s].hi));
            let t = tree.query(l, r) + 1;
            tree.raise(l, r, t);
            most = most.max(t);
            tracks.push(t);
        }
        let range = if vertical {
            mesh.vx.get(ch)
        } else {
            mesh.hy.get(ch)
        };
        let Some(&(lo, hi)) = range else { continue };
        let room = (hi - lo - 2.0 * CHANNEL_MARGIN).max(0.0);
        let spacing = if most > 0 {
            TRACK.min(room / most as f32)
        } else {
            0.0
        };
        let first = (lo + hi) / 2.0 - spacing * most as f32 / 2.0;
        for (&u, &t) in list.iter().zip(&tracks) {
            for &sid in &units[u] {
                if let Some(g) = segs.get_mut(sid) {
                    g.at = first + spacing * t as f32;
                }
            }
        }
    }
    // 5. Resolve and simplify.
    plans
        .iter()
        .map(|p| {
            let v = |c: C| match c {
                C::At(x) => x,
                C::Track(s) => segs.get(s).map_or(0.0, |g| g.at),
            };
            simplify(p.iter().map(|&(x, y)| (v(x), v(y))).collect())
        })
        .collect()
}

/// A card side with more handoffs than this bundles them (see `route_all`).
const BUNDLE_OVER: usize = 12;

/// Channels with at most this many segments are ordered by their constraints.
const ORDER_EXACTLY_UP_TO: usize = 400;

/// Which side of `o` the segment `s` must take so that neither crosses the other's
/// turn (see [`conflict`]): 1 the low side, 2 the high side, 0 either, 3 both (they
/// cross whatever the order).
fn need(s: &Seg, o: &Seg) -> u8 {
    let inside = |v: f32, g: &Seg| v > g.lo + 0.5 && v < g.hi - 0.5;
    let bit = |turn: i8| if turn < 0 { 1u8 } else { 2u8 };
    let mut need = 0u8;
    if inside(s.lo, o) {
        need |= bit(s.turn_lo);
    }
    if inside(s.hi, o) {
        need |= bit(s.turn_hi);
    }
    if inside(o.lo, s) {
        need |= 3 - bit(o.turn_lo);
    }
    if inside(o.hi, s) {
        need |= 3 - bit(o.turn_hi);
    }
    need
}

/// An order across a channel that keeps every satisfiable "this one on that side of
/// that one" of its overlapping segments (a topological order, `list`'s order among
/// the free choices; a cycle is broken at its earliest segment in `list`).
fn constrained_order(segs: &[Seg], list: &[usize]) -> Vec<usize> {
    let n = list.len();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for i in 0..n {
        for j in i + 1..n {
            let (s, o) = (&segs[list[i]], &segs[list[j]]);
            if s.hi < o.lo || o.hi < s.lo {
                continue;
            }
            match need(s, o) {
                1 => {
                    after[i].push(j);
                    indegree[j] += 1;
                }
                2 => {
                    after[j].push(i);
                    indegree[i] += 1;
                }
                _ => {}
            }
        }
    }
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = (0..n)
        .filter(|&i| indegree[i] == 0)
        .map(std::cmp::Reverse)
        .collect();
    let mut done = vec![false; n];
    let mut out = Vec::with_capacity(n);
    let mut next_forced = 0;
    while out.len() < n {
        let i = match ready.pop() {
            Some(std::cmp::Reverse(i)) if !done[i] => i,
            Some(_) => continue,
            None => {
                while next_forced < n && done[next_forced] {
                    next_forced += 1;
                }
                if next_forced >= n {
                    break;
                }
                next_forced
            }
        };
        done[i] = true;
        out.push(list[i]);
        for &j in &after[i] {
            indegree[j] = indegree[j].saturating_sub(1);
            if indegree[j] == 0 && !done[j] {
                ready.push(std::cmp::Reverse(j));
            }
        }
    }
    out
}

/// Drop repeated points and the middle of three points on one line.
fn simplify(points: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::with_capacity(points.len());
    for p in points {
        if out
            .last()
            .is_some_and(|q| (q.0 - p.0).abs() < 0.01 && (q.1 - p.1).abs() < 0.01)
        {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let same_x = (a.0 - b.0).abs() < 0.01 && (b.0 - p.0).abs() < 0.01;
            let same_y = (a.1 - b.1).abs() < 0.01 && (b.1 - p.1).abs() < 0.01;
            if same_x || same_y {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// A coordinate of a candidate route: fixed, some track of a channel (vertical?,
/// index), or the port of the route's start (`PortA`) or end on its card's side.
#[derive(Clone, Copy, Debug, PartialEq)]
enum P {
    At(f32),
    Ch(bool, usize),
    PortA,
    PortB,
}

/// A candidate route: the sides of the two cards and the points.
struct Cand {
    sides: (Side, Side),
    pts: Vec<(P, P)>,
}

/// The candidate routes of a handoff from card `a` to card `b` (the same card for a
/// handoff to itself); the first is the default.
fn candidates(layout: &Layout, mesh: &Mesh, a: &Rect, b: &Rect, itself: bool) -> Vec<Cand> {
    use Side::*;
    let mut sides: Vec<(Side, Side)> = Vec::with_capacity(3);
    if itself {
        sides.extend([(Right, Right), (Left, Left)]);
    } else if b.x >= a.right() + 0.5 {
        sides.push((Right, Left));
    } else if b.right() <= a.x - 0.5 {
        sides.push((Left, Right));
    } else {
        // One above the other: across the row channel between them when they are
        // neighbours, else along the channel on either side.
        if b.y >= a.bottom() {
            let below = Mesh::after(&mesh.hy, a.bottom());
            if below.is_some() && below == Mesh::before(&mesh.hy, b.y) {
                sides.push((Bottom, Top));
            }
        } else if b.bottom() <= a.y {
            let above = Mesh::before(&mesh.hy, a.y);
            if above.is_some() && above == Mesh::after(&mesh.hy, b.bottom()) {
                sides.push((Top, Bottom));
            }
        }
        sides.extend([(Right, Right), (Left, Left)]);
    }
    let side_x = |r: &Rect, s: Side| if s == Left { r.x } else { r.right() };
    let side_y = |r: &Rect, s: Side| if s == Top { r.y } else { r.bottom() };
    let channel = |r: &Rect, s: Side| {
        if s == Left {
            Mesh::before(&mesh.vx, r.x)
        } else {
            Mesh::after(&mesh.vx, r.right())
        }
    };
    let mut out = Vec::new();
    for (sa, sb) in sides {
        let mut push = |pts: Vec<(P, P)>| {
            out.push(Cand {
                sides: (sa, sb),
                pts,
            })
        };
        if matches!(sa, Top | Bottom) {
            let (y0, y1) = (side_y(a, sa), side_y(b, sb));
            let ch = if sa == Bottom {
                Mesh::after(&mesh.hy, a.bottom())
            } else {
                Mesh::before(&mesh.hy, a.y)
            };
            if let Some(ch) = ch {
                let t = P::Ch(false, ch);
                push(vec![
                    (P::PortA, P::At(y0)),
                    (P::PortA, t),
                    (P::PortB, t),
                    (P::PortB, P::At(y1)),
                ]);
            }
            continue;
        }
        let (x0, x1) = (side_x(a, sa), side_x(b, sb));
        let (Some(va), Some(vb)) = (channel(a, sa), channel(b, sb)) else {
            continue;
        };
        let v_route = |v: usize| {
            let t = P::Ch(true, v);
            vec![
                (P::At(x0), P::PortA),
                (t, P::PortA),
                (t, P::PortB),
                (P::At(x1), P::PortB),
            ]
        };
        if va == vb {
            push(v_route(va));
            continue;
        }
        let (cva, cvb) = (mesh.vx[va], mesh.vx[vb]);
        // Shortcuts along a's or b's row through empty slots.
        let (ya, yb) = (a.center().1, b.center().1);
        let near_b = if cvb.0 >= x0 { cvb.0 } else { cvb.1 };
        let near_a = if cva.0 >= x1 { cva.0 } else { cva.1 };
        if clear(layout, x0, ya, near_b, ya) {
            push(v_route(vb));
        }
        if clear(layout, near_a, yb, x1, yb) {
            push(v_route(va));
        }
        // Through a row channel beside b (the one facing a first) or beside a.
        let (b_above, b_below) = (
            Mesh::before(&mesh.hy, b.y),
            Mesh::after(&mesh.hy, b.bottom()),
        );
        let (a_above, a_below) = (
            Mesh::before(&mesh.hy, a.y),
            Mesh::after(&mesh.hy, a.bottom()),
        );
        let hs = if b.y > a.y + 0.5 {
            [b_above, a_below, b_below, a_above]
        } else {
            [b_below, a_above, b_above, a_below]
        };
        let mut seen = Vec::with_capacity(4);
        for h in hs.into_iter().flatten() {
            if seen.contains(&h) {
                continue;
            }
            seen.push(h);
            let (s1, s2, s3) = (P::Ch(true, va), P::Ch(false, h), P::Ch(true, vb));
            push(vec![
                (P::At(x0), P::PortA),
                (s1, P::PortA),
                (s1, s2),
                (s3, s2),
                (s3, P::PortB),
                (P::At(x1), P::PortB),
            ]);
        }
    }
    out
}

/// A port wanted on a card's side: (sort key, second key, handoff, at its end?).
type PortReq = (f32, f32, usize, bool);
/// A candidate's approximate polyline and channel segments.
type Shape = (Vec<(f32, f32)>, Vec<ChSeg>);
/// Something filed for a handoff (index) at one of its versions.
type Owned<T> = (usize, u32, T);
/// A straight piece of line between two points.
type Line = ((f32, f32), (f32, f32));
/// A segment in the crossing grid: (horizontal?, owner, owner's version, the line).
type Filed = (bool, usize, u32, Line);

/// Above this many handoffs, every handoff takes its default route (choosing costs
/// time roughly in proportion to handoffs x the lines near each).
const CHOOSE_UP_TO: usize = 4_000;

/// A channel segment of a candidate, with each track at its channel's middle:
/// (vertical?, channel, lo, hi, turn at lo, turn at hi).
type ChSeg = (bool, usize, f32, f32, i8, i8);

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
fn conflict(s: &ChSeg, o: &ChSeg) -> bool {
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
fn choose(
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

/// Edge labels already placed, in a coarse grid for quick overlap tests.
#[derive(Default)]
pub(super) struct Placed {
    pub(super) cells: BTreeMap<(i32, i32), Vec<Rect>>,
}

impl Placed {
    pub(super) const CELL: f32 = 256.0;

    pub(super) fn cells_of(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let f = |v: f32| (v / Self::CELL).floor().clamp(-1e6, 1e6) as i32;
        let (x0, x1, y0, y1) = (f(r.x), f(r.right()), f(r.y), f(r.bottom()));
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

/// Label height.
pub(super) const LABEL_H: f32 = 16.0;

/// Where a label `w` wide reads best on its line `points`: the first spot on the line
/// (along the longest segments first, from their middles outwards) where it covers no
/// card and no label already placed; `None` when there is none.
pub(super) fn label_point(
    layout: &Layout,
    placed: &Placed,
    points: &[(f32, f32)],
    w: f32,
) -> Option<(f32, f32)> {
    let fits = |p: (f32, f32)| {
        let r = Rect::new(p.0 - w / 2.0, p.1 - LABEL_H / 2.0, w, LABEL_H);
        !placed.hits(&r) && !layout.any_card_in(&r)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The segment tree behind the track assignment agrees with a plain array.
    #[test]
    fn max_tree_matches_a_scan() {
        let mut rng = crate::generate::Rng::new(3);
        for n in [1usize, 2, 3, 7, 16, 33] {
            let mut tree = MaxTree::new(n);
            let mut plain = vec![-1i32; n];
            for step in 0..400 {
                let a = rng.below(n as u64) as usize;
                let b = rng.below(n as u64) as usize;
                let (l, r) = (a.min(b), a.max(b));
                if step % 2 == 0 {
                    let v = rng.below(50) as i32;
                    tree.raise(l, r, v);
                    for x in &mut plain[l..=r] {
                        *x = (*x).max(v);
                    }
                } else {
                    let want = plain[l..=r].iter().copied().max().unwrap_or(-1);
                    assert_eq!(tree.query(l, r), want, "n {n} [{l}, {r}]");
                }
            }
        }
    }

    /// Two segments whose inner ends turn the same way must cross; nested ones with
    /// both ends turning one way need not.
    #[test]
    fn forced_crossings_are_recognised() {
        let s = |lo, hi, tl, th| (true, 0usize, lo, hi, tl, th);
        assert!(conflict(&s(0.0, 10.0, -1, -1), &s(5.0, 15.0, -1, -1)));
        assert!(!conflict(&s(0.0, 10.0, -1, 1), &s(5.0, 15.0, -1, 1)));
        assert!(!conflict(&s(0.0, 20.0, -1, -1), &s(5.0, 15.0, -1, -1)));
        assert!(conflict(&s(0.0, 20.0, -1, -1), &s(5.0, 15.0, -1, 1)));
        assert!(!conflict(&s(0.0, 10.0, -1, -1), &s(20.0, 30.0, 1, 1)));
    }
}
