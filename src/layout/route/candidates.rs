//! The candidate routes of a handoff: the sides of its cards and the channels used.

use super::*;

/// A coordinate of a candidate route: fixed, some track of a channel (vertical?,
/// index), or the port of the route's start (`PortA`) or end on its card's side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum P {
    At(f32),
    Ch(bool, usize),
    PortA,
    PortB,
}

/// A candidate route: the sides of the two cards and the points.
pub(super) struct Cand {
    pub(super) sides: (Side, Side),
    pub(super) pts: Vec<(P, P)>,
}

/// The candidate routes of a handoff from card `a` to card `b` (the same card for a
/// handoff to itself); the first is the default. Cards side by side are joined
/// across the channel between them, and with `around` also around either card's far
/// side. Cards in different columns are joined through a row channel beside either
/// card, and with `every_row` through any row channel of the grid.
pub(super) fn candidates(
    layout: &Layout,
    mesh: &Mesh,
    a: &Rect,
    b: &Rect,
    itself: bool,
    around: bool,
    every_row: bool,
) -> Vec<Cand> {
    use Side::*;
    let mut sides: Vec<(Side, Side)> = Vec::with_capacity(3);
    if itself {
        sides.extend([(Right, Right), (Left, Left)]);
    } else if b.x >= a.right() + 0.5 {
        // Side by side: straight across, or around either card's far side (which
        // keeps a line out of a crowded channel and off another's track).
        sides.push((Right, Left));
        if around {
            sides.extend([(Right, Right), (Left, Left)]);
        }
    } else if b.right() <= a.x - 0.5 {
        sides.push((Left, Right));
        if around {
            sides.extend([(Left, Left), (Right, Right)]);
        }
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
        // Through a row channel beside b (the one facing a first) or beside a, then
        // (with `every_row`) through the others, top to bottom.
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
        let mut seen = Vec::with_capacity(if every_row { mesh.hy.len() } else { 4 });
        let others = (0..mesh.hy.len()).filter(|_| every_row).map(Some);
        for h in hs.into_iter().chain(others).flatten() {
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
