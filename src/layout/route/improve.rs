//! Improving the chosen routes of a small map on the finished lines: `choose` counts
//! crossings between candidates drawn along their channels' middles, before ports fan
//! out and tracks spread; here each other candidate of a handoff that still crosses
//! another is tried on the whole routing (ports and tracks laid), and kept when the
//! map gets fewer crossings, or as many with fewer bends.

use super::*;

/// Maps with at most this many handoffs are improved (each try lays every route).
const IMPROVE_UP_TO: usize = 80;
/// At most this many tries in all (each lays every route, so fewer on a bigger map),
/// over at most `ROUNDS` passes over the handoffs.
const TRIES: usize = 250;
const WORK: usize = 4_000;
const ROUNDS: usize = 2;
/// At most this many candidates of one handoff are laid in a pass (see `promising`).
const PER_HANDOFF: usize = 3;

/// Tolerance in points: touching is not crossing.
const EPS: f32 = 0.5;

/// Improve `chosen` (see the module comment).
pub(super) fn improve(
    layout: &Layout,
    mesh: &Mesh,
    ends: &[(&TouchpointId, &TouchpointId)],
    rects: &[Option<(Rect, Rect)>],
    cands: &[Vec<Cand>],
    chosen: &mut [usize],
) {
    if ends.len() > IMPROVE_UP_TO || chosen.len() != ends.len() {
        return;
    }
    let numbers = end_numbers(ends);
    let mut routes = finish(mesh, rects, cands, chosen).0;
    let mut best = score_numbered(&numbers, &routes);
    let most_tries = TRIES.min(WORK / ends.len().max(1));
    let mut tries = 0;
    for _ in 0..ROUNDS {
        let mut better = false;
        for i in 0..ends.len() {
            let own = crossings_of(i, &numbers, &routes);
            if own == 0 {
                continue;
            }
            for k in promising(layout, mesh, ends, cands, &numbers, &routes, i, own) {
                if k == chosen[i] {
                    continue;
                }
                if tries >= most_tries {
                    return;
                }
                tries += 1;
                let old = chosen[i];
                chosen[i] = k;
                let tried = finish(mesh, rects, cands, chosen).0;
                let s = score_numbered(&numbers, &tried);
                if s < best {
                    (best, routes, better) = (s, tried, true);
                    break;
                } else {
                    chosen[i] = old;
                }
            }
        }
        if !better {
            break;
        }
    }
}

/// The candidates of handoff `i` worth laying: those whose line, drawn along its
/// channels' middles from the middles of its cards' sides, crosses the other
/// handoffs' finished `routes` fewer times than its route now does (`own`); fewest
/// first, at most `PER_HANDOFF`.
#[allow(clippy::too_many_arguments)]
fn promising(
    layout: &Layout,
    mesh: &Mesh,
    ends: &[(&TouchpointId, &TouchpointId)],
    cands: &[Vec<Cand>],
    numbers: &[(usize, usize)],
    routes: &[Vec<(f32, f32)>],
    i: usize,
    own: usize,
) -> Vec<usize> {
    let (Some(&(from, to)), Some(list)) = (ends.get(i), cands.get(i)) else {
        return Vec::new();
    };
    let (Some(a), Some(b)) = (layout.cards.get(from), layout.cards.get(to)) else {
        return Vec::new();
    };
    let boxes: Vec<Bbox> = routes.iter().map(|r| bbox(r)).collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut lines = routes.to_vec();
    let mut line_boxes = boxes.clone();
    for (k, cand) in list.iter().enumerate() {
        let line = choose::middle_line(mesh, a, b, cand);
        line_boxes[i] = bbox(&line);
        lines[i] = line;
        let n: usize = (0..routes.len())
            .filter(|&j| j != i)
            .map(|j| pair_crossings(numbers, &lines, &line_boxes, i, j))
            .sum();
        if n < own {
            out.push((n, k));
        }
    }
    out.sort();
    out.into_iter().take(PER_HANDOFF).map(|(_, k)| k).collect()
}

/// The ends of every handoff as small numbers (the same card, the same number).
pub(super) fn end_numbers(ends: &[(&TouchpointId, &TouchpointId)]) -> Vec<(usize, usize)> {
    let mut ids: Vec<&TouchpointId> = ends.iter().flat_map(|&(a, b)| [a, b]).collect();
    ids.sort();
    ids.dedup();
    let number = |id: &TouchpointId| ids.binary_search(&id).unwrap_or(usize::MAX);
    ends.iter().map(|&(a, b)| (number(a), number(b))).collect()
}

/// A route's bounding box: (min x, min y, max x, max y).
type Bbox = (f32, f32, f32, f32);

fn bbox(route: &[(f32, f32)]) -> Bbox {
    route.iter().fold(
        (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
        |(x0, y0, x1, y1), &(x, y)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
    )
}

/// (Crossings between handoffs with no end in common, bends) of `routes`.
pub(super) fn score(
    ends: &[(&TouchpointId, &TouchpointId)],
    routes: &[Vec<(f32, f32)>],
) -> (usize, usize) {
    score_numbered(&end_numbers(ends), routes)
}

/// [`score`] with the ends numbered ([`end_numbers`]).
fn score_numbered(ends: &[(usize, usize)], routes: &[Vec<(f32, f32)>]) -> (usize, usize) {
    let boxes: Vec<Bbox> = routes.iter().map(|r| bbox(r)).collect();
    let mut crossings = 0;
    for i in 0..routes.len() {
        for j in i + 1..routes.len() {
            crossings += pair_crossings(ends, routes, &boxes, i, j);
        }
    }
    let bends = routes.iter().map(|r| r.len().saturating_sub(2)).sum();
    (crossings, bends)
}

/// Crossings of handoff `i`'s route with the others (no end in common).
fn crossings_of(i: usize, ends: &[(usize, usize)], routes: &[Vec<(f32, f32)>]) -> usize {
    let boxes: Vec<Bbox> = routes.iter().map(|r| bbox(r)).collect();
    (0..routes.len())
        .filter(|&j| j != i)
        .map(|j| pair_crossings(ends, routes, &boxes, i, j))
        .sum()
}

/// How often the routes of handoffs `i` and `j` cross (0 when they share an end).
fn pair_crossings(
    ends: &[(usize, usize)],
    routes: &[Vec<(f32, f32)>],
    boxes: &[Bbox],
    i: usize,
    j: usize,
) -> usize {
    let (Some(&(a0, a1)), Some(&(b0, b1))) = (ends.get(i), ends.get(j)) else {
        return 0;
    };
    if a0 == b0 || a0 == b1 || a1 == b0 || a1 == b1 {
        return 0;
    }
    let (Some(p), Some(q), Some(bp), Some(bq)) =
        (routes.get(i), routes.get(j), boxes.get(i), boxes.get(j))
    else {
        return 0;
    };
    if bp.2 < bq.0 || bq.2 < bp.0 || bp.3 < bq.1 || bq.3 < bp.1 {
        return 0;
    }
    let mut n = 0;
    for s in p.windows(2) {
        for t in q.windows(2) {
            if orthogonal_cross((s[0], s[1]), (t[0], t[1])) {
                n += 1;
            }
        }
    }
    n
}

/// Do a horizontal and a vertical segment cross inside both (not at an end)?
fn orthogonal_cross(s: choose::Line, t: choose::Line) -> bool {
    let horizontal = |l: choose::Line| (l.0.1 - l.1.1).abs() < 0.01;
    let (h, v) = match (horizontal(s), horizontal(t)) {
        (true, false) => (s, t),
        (false, true) => (t, s),
        _ => return false,
    };
    let (x0, x1) = (h.0.0.min(h.1.0), h.0.0.max(h.1.0));
    let (y0, y1) = (v.0.1.min(v.1.1), v.0.1.max(v.1.1));
    let (x, y) = (v.0.0, h.0.1);
    x > x0 + EPS && x < x1 - EPS && y > y0 + EPS && y < y1 - EPS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plus_crosses_and_a_tee_or_a_corner_does_not() {
        let h = ((0.0, 10.0), (20.0, 10.0));
        assert!(orthogonal_cross(h, ((10.0, 0.0), (10.0, 20.0))));
        assert!(orthogonal_cross(((10.0, 20.0), (10.0, 0.0)), h));
        // A tee: the vertical ends on the horizontal.
        assert!(!orthogonal_cross(h, ((10.0, 10.0), (10.0, 20.0))));
        // A corner and two parallels.
        assert!(!orthogonal_cross(h, ((0.0, 10.0), (0.0, 20.0))));
        assert!(!orthogonal_cross(h, ((0.0, 12.0), (20.0, 12.0))));
    }
}
