//! Nudging: every channel segment gets its own track across its channel.

use super::*;

/// A piece of a route inside a channel.
pub(super) struct Seg {
    pub(super) vertical: bool,
    pub(super) channel: usize,
    /// Span along the channel (channel tracks approximated by the channel's middle).
    pub(super) lo: f32,
    pub(super) hi: f32,
    /// Where the route turns at each end: -1 towards the lower coordinate across the
    /// channel (left of a vertical channel, above a horizontal one), +1 the other way.
    pub(super) turn_lo: i8,
    pub(super) turn_hi: i8,
    pub(super) at: f32,
    /// Its track across the channel (0 the lowest), set by [`assign_tracks`].
    pub(super) track: i32,
    /// Segments of one bundle (handoffs sharing a crowded side) share a track.
    pub(super) bundle: Option<usize>,
}

/// Range "raise to at least" updates and range maximum queries over `n` slots, bottom-up
/// and without recursion: `all[x]` holds what was raised over node x's whole range,
/// `sub[x]` the most raised anywhere inside it.
pub(super) struct MaxTree {
    n: usize,
    all: Vec<i32>,
    sub: Vec<i32>,
}

impl MaxTree {
    pub(super) fn new(n: usize) -> MaxTree {
        let n = n.max(1).next_power_of_two();
        MaxTree {
            n,
            all: vec![-1; 2 * n],
            sub: vec![-1; 2 * n],
        }
    }

    /// The highest value raised anywhere in `l..=r`.
    pub(super) fn query(&self, l: usize, r: usize) -> i32 {
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
    pub(super) fn raise(&mut self, l: usize, r: usize, v: i32) {
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

/// Channels with at most this many segments are ordered by their constraints.
const ORDER_EXACTLY_UP_TO: usize = 400;

/// Which side of `o` the segment `s` must take so that neither crosses the other's
/// turn (see [`conflict`](super::choose::conflict)): 1 the low side, 2 the high side, 0 either, 3 both (they
/// cross whatever the order).
pub(super) fn need(s: &Seg, o: &Seg) -> u8 {
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

/// The "this one on that side of that one" constraints among the segments `list` of
/// a channel, by position in `list`: each segment's list of those that must come after
/// it, and how many must come before each. Only overlapping segments constrain each
/// other: the positions by where their spans start, each compared only with those
/// starting before it ends (the order in which constraints are found does not matter
/// to [`constrained_order`], which takes the smallest ready position first).
pub(super) fn constraints(segs: &[Seg], list: &[usize]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let n = list.len();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    let mut by_start: Vec<usize> = (0..n).collect();
    by_start.sort_by(|&a, &b| segs[list[a]].lo.total_cmp(&segs[list[b]].lo));
    for (k, &a) in by_start.iter().enumerate() {
        let end = segs[list[a]].hi;
        for &b in &by_start[k + 1..] {
            if segs[list[b]].lo > end {
                break;
            }
            let (i, j) = (a.min(b), a.max(b));
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
    (after, indegree)
}

/// An order across a channel that keeps every satisfiable "this one on that side of
/// that one" of its overlapping segments (a topological order, `list`'s order among
/// the free choices; a cycle is broken at its earliest segment in `list`).
fn constrained_order(segs: &[Seg], list: &[usize]) -> Vec<usize> {
    let n = list.len();
    let (after, mut indegree) = constraints(segs, list);
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

/// Nudging: in every channel, each segment gets its own track (see the module comment
/// of `route`), stored in its `at`.
/// Returns the highest track used in each channel (vertical?, index).
pub(super) fn assign_tracks(mesh: &Mesh, segs: &mut [Seg]) -> super::MostTracks {
    let mut by_channel: BTreeMap<(bool, usize), Vec<usize>> = BTreeMap::new();
    for (i, g) in segs.iter().enumerate() {
        by_channel
            .entry((g.vertical, g.channel))
            .or_default()
            .push(i);
    }
    let mut most = BTreeMap::new();
    for ((vertical, ch), members) in by_channel {
        let m = nudge_channel(mesh, segs, vertical, ch, &members);
        most.insert((vertical, ch), m);
    }
    most
}

/// The width a channel needs for tracks `0..=most` a full track apart, with its
/// margins.
pub(super) fn width_for(most: i32) -> f32 {
    most.max(0) as f32 * TRACK + 2.0 * CHANNEL_MARGIN
}

/// The tracks of the segments `members` of one channel; returns the highest track.
fn nudge_channel(
    mesh: &Mesh,
    segs: &mut [Seg],
    vertical: bool,
    ch: usize,
    members: &[usize],
) -> i32 {
    // The segments of one bundle move as one unit over their joint span.
    let units = bundle_units(segs, members);
    let reps: Vec<Seg> = units
        .iter()
        .map(|u| unit_span(segs, u, vertical, ch))
        .collect();
    let list = order_across(&reps, &units);
    // Each segment goes one track beyond every earlier one it overlaps.
    let (tracks, most) = stack(&reps, &list);
    for (&u, &t) in list.iter().zip(&tracks) {
        for &sid in &units[u] {
            if let Some(g) = segs.get_mut(sid) {
                g.track = t;
                if let Some(at) = track_at(mesh, vertical, ch, most, t) {
                    g.at = at;
                }
            }
        }
    }
    most
}

/// Where track `t` of the channel (vertical?, `ch`) of `mesh` lies when its highest
/// track is `most`: the tracks a full track apart (closer when the channel is too
/// narrow), centred in the channel. `None` for a channel `mesh` lacks.
pub(super) fn track_at(mesh: &Mesh, vertical: bool, ch: usize, most: i32, t: i32) -> Option<f32> {
    let list = if vertical { &mesh.vx } else { &mesh.hy };
    let &(lo, hi) = list.get(ch)?;
    let room = (hi - lo - 2.0 * CHANNEL_MARGIN).max(0.0);
    let spacing = if most > 0 {
        TRACK.min(room / most as f32)
    } else {
        0.0
    };
    let first = (lo + hi) / 2.0 - spacing * most as f32 / 2.0;
    Some(first + spacing * t as f32)
}

/// The units of a channel's segments `members`: the segments of one bundle together,
/// every other segment alone.
fn bundle_units(segs: &[Seg], members: &[usize]) -> Vec<Vec<usize>> {
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut unit_of: BTreeMap<usize, usize> = BTreeMap::new();
    for &sid in members {
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
    units
}

/// A segment standing for the unit `u`: its joint span, with the turns at its ends.
fn unit_span(segs: &[Seg], u: &[usize], vertical: bool, channel: usize) -> Seg {
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
        channel,
        lo: lo.map_or(0.0, |g| g.lo),
        hi: hi.map_or(0.0, |g| g.hi),
        turn_lo: lo.map_or(-1, |g| g.turn_lo),
        turn_hi: hi.map_or(-1, |g| g.turn_hi),
        at: 0.0,
        track: 0,
        bundle: None,
    }
}

/// The order of the units (`reps` their spans) across their channel.
fn order_across(reps: &[Seg], units: &[Vec<usize>]) -> Vec<usize> {
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
        list = constrained_order(reps, &list);
    }
    list
}

/// The track of each unit of `list` (in that order), one beyond every earlier one it
/// overlaps, and the highest track.
fn stack(reps: &[Seg], list: &[usize]) -> (Vec<i32>, i32) {
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
    for &s in list {
        let (l, r) = (index(reps[s].lo), index(reps[s].hi));
        let t = tree.query(l, r) + 1;
        tree.raise(l, r, t);
        most = most.max(t);
        tracks.push(t);
    }
    (tracks, most)
}
