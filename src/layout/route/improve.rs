//! Improving the chosen routes of a small map on the finished lines: `choose` counts
//! crossings between candidates drawn along their channels' middles, before ports fan
//! out and tracks spread; here each other candidate of a handoff that still crosses
//! another is tried on the whole routing (ports and tracks laid), and kept when the
//! map gets fewer crossings, or as many with fewer bends.

use super::*;
use std::borrow::Cow;

/// Maps with at most this many handoffs are improved (each try lays every route).
pub(super) const IMPROVE_UP_TO: usize = 80;
/// At most this many tries in all (each lays every route, so fewer on a bigger map),
/// over at most `ROUNDS` passes over the handoffs.
const TRIES: usize = 250;
const WORK: usize = 4_000;
const ROUNDS: usize = 2;
/// At most this many candidates of one handoff are laid in a pass (see `promising`).
const PER_HANDOFF: usize = 3;

/// Improve `chosen` (see the module comment).
pub(super) fn improve(
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
    let mut lines = Lines::new(finished_lines(mesh, rects, cands, chosen));
    let mut best = score_numbered(&numbers, &lines);
    let most_tries = TRIES.min(WORK / ends.len().max(1));
    let mut tries = 0;
    for _ in 0..ROUNDS {
        let mut better = false;
        for i in 0..ends.len() {
            let own = lines.routes.get(i).map_or(0, |r| {
                crossings_with(&numbers, &lines, i, r, lines.boxes[i])
            });
            if own == 0 {
                continue;
            }
            for k in promising(mesh, rects, cands, &numbers, &lines, i, own) {
                if k == chosen[i] {
                    continue;
                }
                if tries >= most_tries {
                    return;
                }
                tries += 1;
                let old = chosen[i];
                chosen[i] = k;
                let tried = Lines::new(finished_lines(mesh, rects, cands, chosen));
                let s = score_numbered(&numbers, &tried);
                if s < best {
                    (best, lines, better) = (s, tried, true);
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
/// handoffs' finished `lines` fewer times than its route now does (`own`); fewest
/// first, at most `PER_HANDOFF`.
fn promising(
    mesh: &Mesh,
    rects: &[Option<(Rect, Rect)>],
    cands: &[Vec<Cand>],
    numbers: &[(usize, usize)],
    lines: &Lines,
    i: usize,
    own: usize,
) -> Vec<usize> {
    let (Some(Some((a, b))), Some(list)) = (rects.get(i), cands.get(i)) else {
        return Vec::new();
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, cand) in list.iter().enumerate() {
        let line = choose::middle_line(mesh, a, b, cand);
        let n = crossings_with(numbers, lines, i, &line, bbox(&line));
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

/// The routes of every handoff (laid here, or borrowed) with their bounding boxes.
struct Lines<'a> {
    routes: Cow<'a, [Vec<(f32, f32)>]>,
    boxes: Vec<Bbox>,
}

impl<'a> Lines<'a> {
    fn new(routes: impl Into<Cow<'a, [Vec<(f32, f32)>]>>) -> Lines<'a> {
        let routes = routes.into();
        let boxes = routes.iter().map(|r| bbox(r)).collect();
        Lines { routes, boxes }
    }
}

/// (Crossings between handoffs with no end in common, bends) of `routes`.
pub(super) fn score(
    ends: &[(&TouchpointId, &TouchpointId)],
    routes: &[Vec<(f32, f32)>],
) -> (usize, usize) {
    score_numbered(&end_numbers(ends), &Lines::new(routes))
}

/// [`score`] with the ends numbered ([`end_numbers`]).
fn score_numbered(ends: &[(usize, usize)], lines: &Lines) -> (usize, usize) {
    let n = lines.routes.len();
    let crossings = (0..n)
        .map(|i| {
            (i + 1..n)
                .map(|j| pair_crossings(ends, lines, i, &lines.routes[i], lines.boxes[i], j))
                .sum::<usize>()
        })
        .sum();
    let bends = lines.routes.iter().map(|r| r.len().saturating_sub(2)).sum();
    (crossings, bends)
}

/// Crossings of `line` (with bounding box `bx`), standing for handoff `i`'s route,
/// with the other handoffs' `lines` that share no end with it.
fn crossings_with(
    ends: &[(usize, usize)],
    lines: &Lines,
    i: usize,
    line: &[(f32, f32)],
    bx: Bbox,
) -> usize {
    (0..lines.routes.len())
        .filter(|&j| j != i)
        .map(|j| pair_crossings(ends, lines, i, line, bx, j))
        .sum()
}

/// How often `line` (bounding box `bp`), standing for handoff `i`'s route, crosses
/// handoff `j`'s route in `lines` (0 when the two share an end).
fn pair_crossings(
    ends: &[(usize, usize)],
    lines: &Lines,
    i: usize,
    p: &[(f32, f32)],
    bp: Bbox,
    j: usize,
) -> usize {
    let (Some(&(a0, a1)), Some(&(b0, b1))) = (ends.get(i), ends.get(j)) else {
        return 0;
    };
    if a0 == b0 || a0 == b1 || a1 == b0 || a1 == b1 {
        return 0;
    }
    let (Some(q), Some(bq)) = (lines.routes.get(j), lines.boxes.get(j)) else {
        return 0;
    };
    if bp.2 < bq.0 || bq.2 < bp.0 || bp.3 < bq.1 || bq.3 < bp.1 {
        return 0;
    }
    let mut n = 0;
    for s in p.windows(2) {
        for t in q.windows(2) {
            if choose::cross_point((s[0], s[1]), (t[0], t[1])).is_some() {
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cross(s: choose::Line, t: choose::Line) -> bool {
        choose::cross_point(s, t).is_some()
    }

    #[test]
    fn a_plus_crosses_and_a_tee_or_a_corner_does_not() {
        let h = ((0.0, 10.0), (20.0, 10.0));
        assert!(cross(h, ((10.0, 0.0), (10.0, 20.0))));
        assert!(cross(((10.0, 20.0), (10.0, 0.0)), h));
        // A tee: the vertical ends on the horizontal.
        assert!(!cross(h, ((10.0, 10.0), (10.0, 20.0))));
        // A corner and two parallels.
        assert!(!cross(h, ((0.0, 10.0), (0.0, 20.0))));
        assert!(!cross(h, ((0.0, 12.0), (20.0, 12.0))));
    }
}
