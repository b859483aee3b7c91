//! Edge routing (issue 16): the layout owns the handoff routes ([`Layout::routes`]);
//! the scene, the canvas and the notes all use them.
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
//! Labels are placed on these lines by the scene (`scene::labels`).

mod candidates;
mod choose;
mod improve;
mod mesh;
mod nudge;
#[cfg(test)]
mod tests;

use super::*;
use candidates::{Cand, P, candidates};
use choose::choose;
use mesh::Mesh;
use nudge::{Seg, assign_tracks};

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

/// A route with symbolic tracks: its points, each coordinate fixed or a track.
type Plan = Vec<(C, C)>;

/// The routes of the handoffs, with what they asked of the layout. The polylines are
/// resolved only when asked for ([`Routing::into_routes`]): a layout whose channels
/// widen for their tracks moves these routes onto the wider grid first
/// ([`Routing::rerouted`]).
pub struct Routing {
    /// Each handoff's route with symbolic tracks, and the channel segments they name
    /// (with their tracks assigned).
    plans: Vec<Plan>,
    segs: Vec<Seg>,
    /// The channels routed in, and the highest track of each.
    mesh: Mesh,
    most: MostTracks,
    /// The candidate chosen for each handoff (see [`route_chosen`]).
    pub chosen: Vec<usize>,
    /// Every vertical channel as (left, right, the width its tracks need).
    pub need_x: Vec<(f32, f32, f32)>,
    /// Every horizontal channel as (top, bottom, the height its tracks need).
    pub need_y: Vec<(f32, f32, f32)>,
}

impl Routing {
    /// One polyline per handoff, in order; empty for a handoff without both cards.
    pub fn into_routes(self) -> Vec<Vec<(f32, f32)>> {
        resolve(&self.plans, &self.segs)
    }

    /// These routes on the same cards after their columns and lanes widened
    /// (`layout` placed again with wider pads; `ends` the handoffs routed): the same
    /// as routing them again with [`How::Same`] choices, without doing so. Widening only
    /// moves cards apart and widens channels, so every choice, port order and track
    /// order across a channel still holds: each fixed coordinate (on a card) moves
    /// with its card and each track spreads over its wider channel. A grid whose
    /// channels are not the same ones is routed again.
    pub fn rerouted(
        mut self,
        layout: &Layout,
        c: &LayoutConfig,
        ends: &[(&TouchpointId, &TouchpointId)],
    ) -> Routing {
        let mesh = Mesh::new(layout, c);
        if mesh.vx.len() != self.mesh.vx.len() || mesh.hy.len() != self.mesh.hy.len() {
            return route_chosen(layout, c, ends, How::Same(&self.chosen));
        }
        let x = |v: f32| remap(&self.mesh.vx, &mesh.vx, v);
        let y = |v: f32| remap(&self.mesh.hy, &mesh.hy, v);
        for plan in &mut self.plans {
            for (px, py) in plan.iter_mut() {
                if let C::At(v) = px {
                    *v = x(*v);
                }
                if let C::At(v) = py {
                    *v = y(*v);
                }
            }
        }
        for g in &mut self.segs {
            (g.lo, g.hi) = if g.vertical {
                (y(g.lo), y(g.hi))
            } else {
                (x(g.lo), x(g.hi))
            };
            let most = self
                .most
                .get(&(g.vertical, g.channel))
                .copied()
                .unwrap_or(0);
            if let Some(at) = nudge::track_at(&mesh, g.vertical, g.channel, most, g.track) {
                g.at = at;
            }
        }
        self.need_x = needs(&mesh.vx, true, &self.most);
        self.need_y = needs(&mesh.hy, false, &self.most);
        self.mesh = mesh;
        self
    }
}

/// Where the coordinate `v` of a grid whose channels (along one axis) were `old` lies
/// once they are `new` (the same channels, moved and widened): on a card it moves
/// with the card (as the channel before it ends), inside a channel it keeps its share
/// of the channel's width.
fn remap(old: &[(f32, f32)], new: &[(f32, f32)], v: f32) -> f32 {
    let j = old.partition_point(|g| g.0 <= v);
    let Some(k) = j.checked_sub(1) else {
        // Before the first channel: with it.
        return match (old.first(), new.first()) {
            (Some(o), Some(n)) => v - o.0 + n.0,
            _ => v,
        };
    };
    let (Some(&(o0, o1)), Some(&(n0, n1))) = (old.get(k), new.get(k)) else {
        return v;
    };
    if v >= o1 {
        // On the card after channel k (or at its side).
        if v == o1 { n1 } else { v - o1 + n1 }
    } else if o1 > o0 {
        n0 + (v - o0) * (n1 - n0) / (o1 - o0)
    } else {
        n0
    }
}

/// Every channel of `list` (vertical?) as (low side, high side, the width the tracks
/// `most` holds need).
fn needs(list: &[(f32, f32)], vertical: bool, most: &MostTracks) -> Vec<(f32, f32, f32)> {
    list.iter()
        .enumerate()
        .map(|(ch, &(lo, hi))| {
            let m = most.get(&(vertical, ch)).copied().unwrap_or(0);
            (lo, hi, nudge::width_for(m))
        })
        .collect()
}

/// Route every handoff `(from, to)` between the cards `layout` placed (see the module
/// comment). Returns one polyline per handoff, in order; an end without a card gives an
/// empty polyline.
pub fn route_all(
    layout: &Layout,
    c: &LayoutConfig,
    ends: &[(&TouchpointId, &TouchpointId)],
) -> Vec<Vec<(f32, f32)>> {
    route_chosen(layout, c, ends, How::Best).into_routes()
}

/// How [`route_chosen`] picks each handoff's route.
#[derive(Clone, Copy, Debug)]
pub enum How<'a> {
    /// The candidate crossing the fewest others on the channels' middles.
    Quick,
    /// `Quick`, then on a small map other candidates tried on the finished lines.
    Best,
    /// These choices (from routing the same cards placed with narrower channels);
    /// `Best` unless there is one per handoff.
    Same(&'a [usize]),
}

/// [`route_all`], choosing each handoff's route as `how` says, and telling the room
/// each channel's tracks need.
pub fn route_chosen(
    layout: &Layout,
    c: &LayoutConfig,
    ends: &[(&TouchpointId, &TouchpointId)],
    how: How,
) -> Routing {
    let mesh = Mesh::new(layout, c);
    // 1. Candidate routes of each handoff (its cards' sides and the channels used).
    // Detours around a card's far side only on maps small enough to afford them
    // (they triple the choices of most handoffs).
    let around = ends.len() <= AROUND_UP_TO;
    // Routes through every row channel (not only those beside the two cards) when the
    // routes will be tried on the finished lines: choosing alone does worse with them.
    let every_row = !matches!(how, How::Quick) && ends.len() <= EVERY_ROW_UP_TO;
    let rects = end_rects(layout, ends);
    let mut cands: Vec<Vec<Cand>> = Vec::with_capacity(ends.len());
    for ((from, to), r) in ends.iter().zip(&rects) {
        cands.push(match r {
            Some((a, b)) => candidates(layout, &mesh, a, b, from == to, around, every_row),
            None => Vec::new(),
        });
    }
    // 2. The candidate of each handoff that crosses the fewest others.
    let same = |g: &[usize]| {
        g.len() == ends.len() && g.iter().zip(&cands).all(|(&k, list)| k < list.len().max(1))
    };
    let chosen = match how {
        How::Same(g) if same(g) => g.to_vec(),
        How::Quick => choose(layout, &mesh, &rects, &cands),
        How::Best | How::Same(_) => {
            let mut chosen = choose(layout, &mesh, &rects, &cands);
            improve::improve(&mesh, ends, &rects, &cands, &mut chosen);
            chosen
        }
    };
    let (plans, segs, most) = finish(&mesh, &rects, &cands, &chosen);
    Routing {
        need_x: needs(&mesh.vx, true, &most),
        need_y: needs(&mesh.hy, false, &most),
        plans,
        segs,
        mesh,
        most,
        chosen,
    }
}

/// (Crossings between handoffs with no end in common, bends) of `routes` (one per
/// handoff of `ends`), as `scene::measure` counts them on the drawn map.
pub fn crossings_and_bends(
    ends: &[(&TouchpointId, &TouchpointId)],
    routes: &[Vec<(f32, f32)>],
) -> (usize, usize) {
    improve::score(ends, routes)
}

/// The highest track used in each channel, by (vertical?, channel index).
pub(super) type MostTracks = BTreeMap<(bool, usize), i32>;

/// The cards at both ends of each handoff (`None` when one has no card), looked up once.
pub(super) type EndRects = Vec<Option<(Rect, Rect)>>;

fn end_rects(layout: &Layout, ends: &[(&TouchpointId, &TouchpointId)]) -> EndRects {
    // The cards by id in a hash: a lookup in the ordered map compares a dozen ids, and
    // a big map has thousands of ends to look up.
    let cards: rustc_hash::FxHashMap<&str, Rect> = layout
        .cards
        .iter()
        .map(|(id, r)| (id.as_str(), *r))
        .collect();
    ends.iter()
        .map(|(from, to)| Some((*cards.get(from.as_str())?, *cards.get(to.as_str())?)))
        .collect()
}

/// A card told apart from the others by where it stands (no two cards share a
/// corner): cheaper to compare than its id.
type CardKey = (u32, u32);

fn card_key(r: &Rect) -> CardKey {
    (r.x.to_bits(), r.y.to_bits())
}

/// The routes of the `chosen` candidates between the cards `rects`: ports, channel
/// segments, tracks (the routes with symbolic tracks and the segments they name, for
/// [`resolve`]); and the highest track of each channel (vertical?, index).
fn finish(
    mesh: &Mesh,
    rects: &[Option<(Rect, Rect)>],
    cands: &[Vec<Cand>],
    chosen: &[usize],
) -> (Vec<Plan>, Vec<Seg>, MostTracks) {
    // 3. Ports: every side fans its handoffs out, ordered by where the other end lies.
    let ports = port_requests(rects, cands, chosen);
    let (at, bundle) = port_positions(ports, rects.len());
    // 4. The chosen routes with symbolic channel tracks.
    let (mut segs, plans) = plan_routes(rects, cands, chosen, &at, &bundle);
    span_segments(mesh, &plans, &mut segs);
    // 5. Nudging: tracks per channel.
    let most = assign_tracks(mesh, &mut segs);
    // 6. Resolving and simplifying waits for `Routing::into_routes`.
    (plans, segs, most)
}

/// The ports each card side must hold: one per handoff of the chosen routes that ends
/// there, keyed by where the other end lies; with the card.
fn port_requests(
    rects: &[Option<(Rect, Rect)>],
    cands: &[Vec<Cand>],
    chosen: &[usize],
) -> BTreeMap<(CardKey, Side), (Rect, Vec<PortReq>)> {
    let mut ports: BTreeMap<(CardKey, Side), (Rect, Vec<PortReq>)> = BTreeMap::new();
    for (i, r) in rects.iter().enumerate() {
        let (Some((a, b)), Some(c)) = (
            r.as_ref(),
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
            .entry((card_key(a), c.sides.0))
            .or_insert_with(|| (*a, Vec::new()))
            .1
            .push((ka.0, ka.1, i, false));
        let kb = key(c.sides.1, ac);
        ports
            .entry((card_key(b), c.sides.1))
            .or_insert_with(|| (*b, Vec::new()))
            .1
            .push((kb.0, kb.1, i, true));
    }
    ports
}

/// Where each of the `n` handoffs leaves and enters its cards (along the side), and the
/// bundle each end belongs to, if any.
fn port_positions(
    mut ports: BTreeMap<(CardKey, Side), (Rect, Vec<PortReq>)>,
    n_handoffs: usize,
) -> (Vec<[f32; 2]>, Vec<[Option<usize>; 2]>) {
    let mut at: Vec<[f32; 2]> = vec![[0.0; 2]; n_handoffs];
    // A side holding more handoffs than can be told apart bundles them (they share
    // that card as an end): one port for those arriving, one for those leaving, and
    // one track per bundle in the channel beside it.
    let mut bundle: Vec<[Option<usize>; 2]> = vec![[None; 2]; n_handoffs];
    for (b_no, ((_, side), (r, list))) in ports.iter_mut().enumerate() {
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
    (at, bundle)
}

/// The chosen route of every handoff with symbolic channel tracks (empty for a handoff
/// without both cards), and the channel segments they use.
fn plan_routes(
    rects: &[Option<(Rect, Rect)>],
    cands: &[Vec<Cand>],
    chosen: &[usize],
    at: &[[f32; 2]],
    bundle: &[[Option<usize>; 2]],
) -> (Vec<Seg>, Vec<Plan>) {
    let mut segs: Vec<Seg> = Vec::new();
    let mut plans: Vec<Plan> = Vec::with_capacity(rects.len());
    for (i, r) in rects.iter().enumerate() {
        let (Some((a, b)), Some(cand)) = (
            r.as_ref(),
            cands.get(i).and_then(|list| list.get(chosen[i])),
        ) else {
            plans.push(Vec::new());
            continue;
        };
        let ports = at.get(i).copied().unwrap_or_default();
        let bundles = bundle.get(i).copied().unwrap_or_default();
        plans.push(plan_route(a, b, cand, ports, bundles, &mut segs));
    }
    (segs, plans)
}

/// The route `cand` from card `a` to card `b` with its ports at `[pa, pb]`: one new
/// segment in `segs` per channel it uses (in the bundle of its port there, if any).
fn plan_route(
    a: &Rect,
    b: &Rect,
    cand: &Cand,
    [pa, mut pb]: [f32; 2],
    [ba, bb]: [Option<usize>; 2],
    segs: &mut Vec<Seg>,
) -> Plan {
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
                track: 0,
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
            let x = sym(x, segs);
            (x, sym(y, segs))
        })
        .collect();
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
    plan
}

/// Spans and turns of the segments, from the routes' approximate coordinates.
fn span_segments(mesh: &Mesh, plans: &[Plan], segs: &mut [Seg]) {
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
    for p in plans {
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
                approx(along(p0), !vertical, segs),
                approx(along(p1), !vertical, segs),
            );
            let mid = segs
                .get(sid)
                .map_or(0.0, |g| mesh.mid(g.vertical, g.channel));
            let turn = |q: Option<&(C, C)>| match q {
                Some(&q) => {
                    let v = approx(across(q), vertical, segs);
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
}

/// [`finish`]ed and [`resolve`]d: the polylines of the `chosen` candidates.
fn finished_lines(
    mesh: &Mesh,
    rects: &[Option<(Rect, Rect)>],
    cands: &[Vec<Cand>],
    chosen: &[usize],
) -> Vec<Vec<(f32, f32)>> {
    let (plans, segs, _) = finish(mesh, rects, cands, chosen);
    resolve(&plans, &segs)
}

/// The planned routes with every track resolved to its coordinate, simplified.
fn resolve(plans: &[Plan], segs: &[Seg]) -> Vec<Vec<(f32, f32)>> {
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

/// Maps with at most this many handoffs get detours around cards' far sides among
/// the candidate routes of cards side by side.
const AROUND_UP_TO: usize = 500;

/// Maps with at most this many handoffs get routes through every row channel among
/// the candidates of cards in different columns (see `route_chosen`); as many as are
/// improved on the finished lines.
const EVERY_ROW_UP_TO: usize = improve::IMPROVE_UP_TO;

/// A card side with more handoffs than this bundles them (see `route_all`).
const BUNDLE_OVER: usize = 12;

/// A port wanted on a card's side: (sort key, second key, handoff, at its end?).
type PortReq = (f32, f32, usize, bool);

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
