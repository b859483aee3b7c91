//! Arranging the grid: where columns, lanes and cards go for the pads the handoff
//! channels need ([`place`], [`widen_pads`]), the order of the cards inside each cell by
//! where their handoffs lead ([`sweep_cells`]), and on small maps the order of the cards
//! inside each small cell that crosses least ([`order_cells`]).

use super::*;

/// Maps with at most this many handoffs get their cells' card order searched
/// ([`order_cells`]).
pub(super) const ORDER_CELLS_UP_TO: usize = 80;
/// Cells with at most this many cards are searched, at most `ORDER_TRIES` orders in all
/// (each routes the whole map, so fewer on a bigger map: `ORDER_WORK` / handoffs).
const ORDER_CELL_UP_TO: usize = 4;
const ORDER_TRIES: usize = 40;
const ORDER_WORK: usize = 1000;

/// On a small map, order the cards of each small cell so that the handoffs cross
/// least (then bend least): every order of a cell is routed and the best kept, one
/// cell after another in the grid's order. A cell holding a card with a manual
/// order keeps the order it has.
pub(super) fn order_cells(
    l: &mut Layout,
    journey: &Journey,
    c: &LayoutConfig,
    ends: &[(&TouchpointId, &TouchpointId)],
    rows_in_lane: &[usize],
) {
    let score = |l: &Layout| quick_score(l, c, ends);
    let movable = movable_cells(l, journey, 2..=ORDER_CELL_UP_TO);
    if movable.is_empty() {
        return;
    }
    let mut best = score(l);
    let most_tries = ORDER_TRIES.min(ORDER_WORK / ends.len().max(1));
    let mut tries = 0;
    for cell in movable {
        let Some(start) = l.cells.get(&cell).cloned() else {
            continue;
        };
        let mut kept = start.clone();
        let mut perm: Vec<usize> = (0..start.len()).collect();
        while next_permutation(&mut perm) && tries < most_tries && best.0 > 0 {
            tries += 1;
            let order: Vec<TouchpointId> = perm.iter().map(|&k| start[k].clone()).collect();
            l.cells.insert(cell, order.clone());
            place(l, c, rows_in_lane);
            let s = score(l);
            if s < best {
                (best, kept) = (s, order);
            }
        }
        l.cells.insert(cell, kept);
        place(l, c, rows_in_lane);
    }
}

/// (Crossings, bends) of the handoffs `ends` routed quickly on `l` as it stands.
fn quick_score(
    l: &Layout,
    c: &LayoutConfig,
    ends: &[(&TouchpointId, &TouchpointId)],
) -> (usize, usize) {
    let r = route::route_chosen(l, c, ends, route::How::Quick);
    route::crossings_and_bends(ends, &r.into_routes())
}

/// The cells holding `sizes` cards, none of them with a manual order.
fn movable_cells(
    l: &Layout,
    journey: &Journey,
    sizes: std::ops::RangeInclusive<usize>,
) -> Vec<(usize, usize)> {
    l.cells
        .iter()
        .filter(|(_, list)| {
            sizes.contains(&list.len())
                && list
                    .iter()
                    .all(|id| journey.touchpoint(id).is_some_and(|t| t.order.is_none()))
        })
        .map(|(&cell, _)| cell)
        .collect()
}

/// Barycentre sweeps over the cells, alternately left to right and right to left.
const SWEEPS: usize = 4;
/// Maps with at most this many handoffs keep the swept order only when it crosses
/// less (routing the map twice); on bigger ones, where routing twice costs more, only
/// when its handoffs reach less far in all.
const SWEEP_CHECKED_UP_TO: usize = 500;

/// Order the cards of every cell (without a manual order) by where their handoffs
/// lead: each card's barycentre is the mean centre of the cards it hands off to or
/// from; a cell's cards go to its rows by the barycentres' y, and inside a row by
/// their x. Sweeps over the cells, alternately from the left and from the right, each
/// cell seeing the cards already moved. The sweep whose handoffs reach least in all
/// (card centre to card centre) is kept if they reach less than in the journey order
/// (which a chain of steps in one cell already has at its shortest), and on a map of up
/// to `SWEEP_CHECKED_UP_TO` handoffs only if they also cross less.
pub(super) fn sweep_cells(
    l: &mut Layout,
    journey: &Journey,
    c: &LayoutConfig,
    ends: &[(&TouchpointId, &TouchpointId)],
    rows_in_lane: &[usize],
) {
    let movable = movable_cells(l, journey, 2..=usize::MAX);
    if movable.is_empty() {
        return;
    }
    // Cards as numbers, their neighbours and centres.
    let ids: Vec<&TouchpointId> = l.cards.keys().collect();
    let numbers = positions(ids.iter().copied());
    let number = |id: &TouchpointId| numbers.get(id.as_str()).copied();
    let mut near: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(ends.len());
    for &(a, b) in ends {
        if let (Some(a), Some(b)) = (number(a), number(b))
            && a != b
        {
            near[a].push(b);
            near[b].push(a);
            pairs.push((a, b));
        }
    }
    // How far the handoffs reach in all, card centre to card centre.
    let reach = |at: &[(f32, f32)]| -> f64 {
        pairs
            .iter()
            .map(|&(a, b)| f64::from((at[a].0 - at[b].0).abs() + (at[a].1 - at[b].1).abs()))
            .sum()
    };
    let mut at: Vec<(f32, f32)> = l.cards.values().map(|r| r.center()).collect();
    let mut cells: Vec<((usize, usize), Vec<usize>)> = movable
        .iter()
        .filter_map(|cell| {
            let list = l.cells.get(cell)?;
            Some((*cell, list.iter().filter_map(&number).collect()))
        })
        .collect();
    let mut shortest = (reach(&at), None);
    for sweep in 0..SWEEPS {
        let order: Vec<usize> = if sweep % 2 == 0 {
            (0..cells.len()).collect()
        } else {
            (0..cells.len()).rev().collect()
        };
        for ci in order {
            let (cell, list) = &mut cells[ci];
            let per_row = l.columns.get(cell.0).map_or(1, |col| col.per_row.max(1));
            let centre = |k: usize| {
                let n = &near[k];
                if n.is_empty() {
                    return at[k];
                }
                let (sx, sy) = n
                    .iter()
                    .fold((0.0, 0.0), |(sx, sy), &m| (sx + at[m].0, sy + at[m].1));
                (sx / n.len() as f32, sy / n.len() as f32)
            };
            let mut keyed: Vec<((f32, f32), usize)> =
                list.iter().map(|&k| (centre(k), k)).collect();
            keyed.sort_by(|p, q| p.0.1.total_cmp(&q.0.1).then(p.1.cmp(&q.1)));
            for row in keyed.chunks_mut(per_row) {
                row.sort_by(|p, q| p.0.0.total_cmp(&q.0.0).then(p.1.cmp(&q.1)));
            }
            *list = keyed.into_iter().map(|(_, k)| k).collect();
            for (slot, &k) in list.iter().enumerate() {
                if let Some(r) = l.slot_rect(*cell, slot) {
                    at[k] = r.center();
                }
            }
        }
        let now = reach(&at);
        if now < shortest.0 {
            shortest = (now, Some(cells.clone()));
        }
    }
    // The sweep whose handoffs reach least, if it beats the journey order.
    let Some(cells) = shortest.1 else {
        return;
    };
    let swept: Vec<((usize, usize), Vec<TouchpointId>)> = cells
        .iter()
        .map(|(cell, list)| (*cell, list.iter().map(|&k| ids[k].clone()).collect()))
        .collect();
    if ends.len() > SWEEP_CHECKED_UP_TO {
        l.cells.extend(swept);
        place(l, c, rows_in_lane);
        return;
    }
    // Small enough to route twice: keep the swept order only if it crosses less.
    let before = quick_score(l, c, ends);
    let old: Vec<((usize, usize), Vec<TouchpointId>)> = swept
        .into_iter()
        .filter_map(|(cell, list)| Some((cell, l.cells.insert(cell, list)?)))
        .collect();
    place(l, c, rows_in_lane);
    if quick_score(l, c, ends) >= before {
        l.cells.extend(old);
        place(l, c, rows_in_lane);
    }
}

/// The next permutation of `v` in lexicographic order; false (and `v` unchanged)
/// after the last.
fn next_permutation(v: &mut [usize]) -> bool {
    let Some(i) = (1..v.len()).rev().find(|&i| v[i - 1] < v[i]) else {
        return false;
    };
    let Some(j) = (i..v.len()).rev().find(|&j| v[j] > v[i - 1]) else {
        return false;
    };
    v.swap(i - 1, j);
    v[i..].reverse();
    true
}

/// Set the columns' x and width, the lanes' y and height (`rows_in_lane` rows each),
/// the grid, the curve band, the bounds and every card's rectangle from the config
/// and the columns' and lanes' pads.
pub(super) fn place(l: &mut Layout, c: &LayoutConfig, rows_in_lane: &[usize]) {
    let grid_x = c.label_w;
    let grid_y = c.header_h + c.curve_h;
    let mut x = grid_x;
    for col in &mut l.columns {
        col.x = x;
        col.w = col.per_row as f32 * (c.card_w + col.pad) + col.pad;
        x += col.w;
    }
    let mut y = grid_y;
    for (i, lane) in l.lanes.iter_mut().enumerate() {
        let rows = rows_in_lane.get(i).copied().unwrap_or(1);
        lane.y = y;
        lane.h = rows as f32 * (c.card_h + lane.pad) + lane.pad;
        y += lane.h;
    }
    l.grid = Rect::new(grid_x, grid_y, x - grid_x, y - grid_y);
    // Every card's rectangle by its touchpoint's place in id order (the order of
    // `cell_of` and of `cards`), so that the cards are set in that order without
    // looking each one up in the map. The cells hold exactly the touchpoints of
    // `cell_of` (`fill_cells` makes both; arranging only reorders inside a cell).
    let rank = positions(l.cell_of.keys());
    let mut rects: Vec<Option<Rect>> = vec![None; rank.len()];
    for (&(ci, li), list) in &l.cells {
        let (Some(col), Some(lane)) = (l.columns.get(ci), l.lanes.get(li)) else {
            continue;
        };
        for (k, id) in list.iter().enumerate() {
            if let Some(slot) = rank.get(id.as_str()).and_then(|&r| rects.get_mut(r)) {
                *slot = Some(slot_rect(c, col, lane, k));
            }
        }
    }
    let placed = l
        .cell_of
        .keys()
        .zip(&rects)
        .filter_map(|(id, r)| Some((id, (*r)?)));
    // The same cards as before (every placing after the first): moved in place.
    if l.cards.keys().eq(placed.clone().map(|(id, _)| id)) {
        for (card, (_, rect)) in l.cards.values_mut().zip(placed) {
            *card = rect;
        }
    } else {
        l.cards = placed.map(|(id, rect)| (id.clone(), rect)).collect();
    }
    l.visibility_line = match c.mode {
        LaneMode::Layers => l.lanes.get(2).map(|lane| lane.y),
        LaneMode::Departments => None,
    };
    l.curve = Rect::new(grid_x, c.header_h, l.grid.w, c.curve_h);
    l.bounds = Rect::new(0.0, 0.0, x.max(grid_x), y.max(grid_y));
}

/// Widen the pads of the columns and lanes beside every channel whose tracks need
/// more room than it has (`routing`'s needs): a channel inside a column or lane widens
/// its pad, one between two of them half each. Whether anything changed.
pub(super) fn widen_pads(l: &mut Layout, routing: &route::Routing) -> bool {
    fn widen(pads: &mut [f32], spans: &[(f32, f32)], needs: &[(f32, f32, f32)]) -> bool {
        // The band (index into `spans`) strictly containing a coordinate.
        let band = |v: f32| {
            spans
                .iter()
                .position(|&(a, b)| v > a + 0.25 && v < b - 0.25)
        };
        let mut extra = vec![0.0f32; pads.len()];
        for &(lo, hi, need) in needs {
            let more = (need - (hi - lo)).ceil();
            if more <= 0.0 {
                continue;
            }
            match (band(lo), band(hi)) {
                (Some(a), Some(b)) if a == b => extra[a] = extra[a].max(more),
                (Some(a), Some(b)) => {
                    extra[a] = extra[a].max((more / 2.0).ceil());
                    extra[b] = extra[b].max((more / 2.0).ceil());
                }
                (Some(a), None) | (None, Some(a)) => extra[a] = extra[a].max(more),
                (None, None) => {}
            }
        }
        let mut changed = false;
        for (pad, more) in pads.iter_mut().zip(extra) {
            if more > 0.0 {
                *pad += more;
                changed = true;
            }
        }
        changed
    }
    let spans: Vec<(f32, f32)> = l.columns.iter().map(|c| (c.x, c.x + c.w)).collect();
    let mut pads: Vec<f32> = l.columns.iter().map(|c| c.pad).collect();
    let wider_x = widen(&mut pads, &spans, &routing.need_x);
    for (col, pad) in l.columns.iter_mut().zip(pads) {
        col.pad = pad;
    }
    let spans: Vec<(f32, f32)> = l.lanes.iter().map(|r| (r.y, r.y + r.h)).collect();
    let mut pads: Vec<f32> = l.lanes.iter().map(|r| r.pad).collect();
    let wider_y = widen(&mut pads, &spans, &routing.need_y);
    for (lane, pad) in l.lanes.iter_mut().zip(pads) {
        lane.pad = pad;
    }
    wider_x || wider_y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crossings(j: &Journey, l: &Layout) -> (usize, usize) {
        let hs = j.handoffs();
        let ends: Vec<(&TouchpointId, &TouchpointId)> =
            hs.iter().map(|h| (&h.from, &h.to)).collect();
        let routes: Vec<Vec<(f32, f32)>> = hs
            .iter()
            .map(|h| l.routes.get(&h.key()).cloned().unwrap_or_default())
            .collect();
        route::crossings_and_bends(&ends, &routes)
    }

    #[test]
    fn permutations_come_in_order_and_end() {
        let mut v = vec![0, 1, 2];
        let mut seen = vec![v.clone()];
        while next_permutation(&mut v) {
            seen.push(v.clone());
        }
        assert_eq!(seen.len(), 6);
        assert_eq!(seen[1], vec![0, 2, 1]);
        assert_eq!(v, vec![2, 1, 0], "unchanged after the last");
        assert!(!next_permutation(&mut []));
    }

    /// On small generated journeys (no manual order) the cells' order is swept and
    /// searched, and the maps cross less than with the journey order (53, 38 and 55
    /// crossings without either; 46, 29 and 45 with the search alone).
    #[test]
    fn the_cells_order_cuts_crossings_on_small_maps() {
        let c = LayoutConfig::default();
        for (n, seed, most) in [(50, 1, 24), (40, 3, 20), (50, 2, 31)] {
            let j = crate::generate::generate(n, seed);
            let l = layout(&j, &c);
            let (x, _) = crossings(&j, &l);
            assert!(x <= most, "generated {n}/{seed}: {x} crossings");
            // Every card still in its own cell's slots, cells a permutation.
            for (cell, list) in &l.cells {
                for (k, id) in list.iter().enumerate() {
                    assert_eq!(l.slot_rect(*cell, k), l.cards.get(id).copied());
                    assert_eq!(l.cell_of.get(id), Some(cell));
                }
            }
        }
    }

    /// On a map too big for the search and for checking the sweeps by routing, the
    /// sweeps alone halve the crossings (31,783 in the journey order). 14,120 while the
    /// routes were chosen in two sweeps over its 1,520 handoffs; 14,307 with one (see
    /// `route::choose::sweeps_for`).
    #[test]
    fn sweeps_cut_crossings_on_big_maps() {
        let j = crate::generate::generate(1000, 1);
        let hs = j.handoffs();
        assert!(hs.len() > SWEEP_CHECKED_UP_TO);
        let l = layout(&j, &LayoutConfig::default());
        let (x, _) = crossings(&j, &l);
        assert!(x <= 14_307, "{x} crossings");
        for (cell, list) in &l.cells {
            for (k, id) in list.iter().enumerate() {
                assert_eq!(l.slot_rect(*cell, k), l.cards.get(id).copied());
                assert_eq!(l.cell_of.get(id), Some(cell));
            }
        }
    }

    /// A chain of 1,000 steps in one cell is at its shortest in the journey order (row
    /// after row): the sweeps, which would scatter it (490 crossings), leave it.
    #[test]
    fn a_chain_in_one_cell_keeps_its_order() {
        let mut src = String::from(
            "(title: \"One cell\", stages: [(id: \"s\", name: \"S\")], departments: [(id: \"d\", name: \"D\")], touchpoints: [",
        );
        for i in 0..1_000 {
            src.push_str(&format!(
                "(id: \"t{i:04}\", name: \"Step {i}\", stage: \"s\", owner: \"d\"),"
            ));
        }
        src.push_str("], handoffs: [");
        for i in 1..1_000 {
            src.push_str(&format!("(from: \"t{:04}\", to: \"t{i:04}\"),", i - 1));
        }
        src.push_str("])");
        let j = crate::io::load_str("cell.journey.ron", &src).unwrap();
        let ids: Vec<TouchpointId> = j.touchpoints().map(|t| t.id.clone()).collect();
        let l = layout(&j, &LayoutConfig::default());
        assert_eq!(l.cells.values().next(), Some(&ids));
        assert_eq!(crossings(&j, &l).0, 0);
    }

    /// A cell whose cards have a manual order keeps it, where the search would have
    /// reordered it.
    #[test]
    fn a_manual_order_is_kept() {
        let c = LayoutConfig::default();
        let j = crate::generate::generate(50, 1);
        let mut ids: Vec<TouchpointId> = j.touchpoints().map(|t| t.id.clone()).collect();
        ids.sort();
        let rank = |id: &TouchpointId| ids.iter().position(|x| x == id);
        let sorted = |l: &Layout| {
            l.cells
                .values()
                .all(|list| list.windows(2).all(|w| rank(&w[0]) < rank(&w[1])))
        };
        assert!(!sorted(&layout(&j, &c)), "some cell is out of id order");
        let mut manual = j.clone();
        for id in &ids {
            let mut t = manual.touchpoint(id).cloned().unwrap();
            t.order = rank(id).map(|r| r as i32);
            manual.update_touchpoint(t).unwrap();
        }
        assert!(sorted(&layout(&manual, &c)), "manual orders kept");
    }

    /// A channel whose handoffs need more tracks than its width widens the pads beside
    /// it, so tracks stay a full track apart: no two handoffs share a line.
    #[test]
    fn crowded_channels_widen() {
        let j = crate::generate::generate(200, 7);
        let l = layout(&j, &LayoutConfig::default());
        let c = LayoutConfig::default();
        assert!(l.columns.iter().any(|col| col.pad > c.gap));
        assert!(l.lanes.iter().any(|lane| lane.pad > c.gap));
        assert!(l.columns.iter().all(|col| col.pad >= c.gap));
        // Widening moved the cards with their pads.
        for (cell, list) in &l.cells {
            for (k, id) in list.iter().enumerate() {
                assert_eq!(l.slot_rect(*cell, k), l.cards.get(id).copied());
            }
        }
    }
}
