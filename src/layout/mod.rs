//! Grid layout: stage columns x department (or layer) lanes, cards ordered inside
//! each cell. Pure: world coordinates in points, no egui. The canvas, the
//! diagram exports and hit testing all use the same [`Layout`].

mod arrange;
pub mod route;

use crate::model::{DepartmentId, HandoffKey, Journey, Layer, Rgb, StageId, TouchpointId};
use std::collections::BTreeMap;

/// An axis-aligned rectangle in world coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Rect { x, y, w, h }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn center(&self) -> (f32, f32) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x <= o.right() && o.x <= self.right() && self.y <= o.bottom() && o.y <= self.bottom()
    }
    /// The smallest rectangle holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        let x = self.x.min(o.x);
        let y = self.y.min(o.y);
        Rect::new(
            x,
            y,
            self.right().max(o.right()) - x,
            self.bottom().max(o.bottom()) - y,
        )
    }
}

/// What the horizontal lanes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum LaneMode {
    /// One lane per department (the swimlanes), plus "(no owner)" when needed.
    #[default]
    Departments,
    /// The four service-blueprint layers, with the line of visibility.
    Layers,
}

/// What a lane stands for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LaneKey {
    Department(DepartmentId),
    /// Touchpoints without an owner.
    Unowned,
    Layer(Layer),
}

/// Sizes in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutConfig {
    pub card_w: f32,
    pub card_h: f32,
    pub gap: f32,
    /// Height of the stage header row (above the grid).
    pub header_h: f32,
    /// Width of the lane label column (left of the grid).
    pub label_w: f32,
    /// Height of the emotion-curve band (between headers and grid); 0 for none.
    pub curve_h: f32,
    pub mode: LaneMode,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig {
            card_w: 200.0,
            card_h: 92.0,
            gap: 18.0,
            header_h: 48.0,
            label_w: 170.0,
            curve_h: 110.0,
            mode: LaneMode::Departments,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// `None` for the "(no stage)" column.
    pub stage: Option<StageId>,
    pub name: String,
    pub x: f32,
    pub w: f32,
    /// Cards per row inside this column's cells.
    pub per_row: usize,
    /// The room left of, between and right of its card slots: the config's `gap`,
    /// wider where the handoff channels there need more tracks ([`layout`]).
    pub pad: f32,
}

impl Column {
    /// The left edge of card slot `q` (from the left) for cards `card_w` wide.
    pub fn slot_x(&self, q: usize, card_w: f32) -> f32 {
        self.x + self.pad + q as f32 * (card_w + self.pad)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    pub name: String,
    pub color: Rgb,
    pub y: f32,
    pub h: f32,
    /// The room above, between and below its card rows (as [`Column::pad`]).
    pub pad: f32,
}

impl Lane {
    /// The top edge of card row `r` (from the top) for cards `card_h` high.
    pub fn row_y(&self, r: usize, card_h: f32) -> f32 {
        self.y + self.pad + r as f32 * (card_h + self.pad)
    }
}

/// Positions of everything on the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub config: Option<LayoutConfig>,
    pub columns: Vec<Column>,
    pub lanes: Vec<Lane>,
    /// Card rectangle of each touchpoint.
    pub cards: BTreeMap<TouchpointId, Rect>,
    /// (column, lane) of each touchpoint.
    pub cell_of: BTreeMap<TouchpointId, (usize, usize)>,
    /// Touchpoints of each (column, lane) cell, in display order.
    pub cells: BTreeMap<(usize, usize), Vec<TouchpointId>>,
    /// The grid area (below headers and curve, right of the labels).
    pub grid: Rect,
    /// The emotion-curve band.
    pub curve: Rect,
    /// Everything, headers and labels included.
    pub bounds: Rect,
    /// The order of touchpoints along the journey.
    pub order: Vec<TouchpointId>,
    /// y of the line of visibility (layer mode only).
    pub visibility_line: Option<f32>,
    /// The route of every handoff whose ends have cards: an orthogonal polyline in the
    /// channels between the cards ([`route::route_all`]). The map, the canvas's hit
    /// testing and highlight, and the sticky notes on handoffs all use these.
    pub routes: BTreeMap<HandoffKey, Vec<(f32, f32)>>,
}

/// The order touchpoints occur along the journey (the analysis' order, so the
/// cards, the emotion curve and the reports agree): by stage, then along the
/// handoffs ignoring rework loops, then by id.
pub fn journey_order(journey: &Journey) -> Vec<TouchpointId> {
    crate::analysis::journey_order(journey)
}

/// Lay out a journey.
pub fn layout(journey: &Journey, config: &LayoutConfig) -> Layout {
    laid_out(journey, config, journey_order(journey))
}

/// [`layout`] with the journey order already known: the analysis' `journey_order` of
/// this journey (the exports have it; computing it again is a tenth of the layout's
/// time outside routing). An order of another length, or naming a touchpoint the
/// journey lacks, is not this journey's: the order is then computed again.
pub fn layout_in_order(
    journey: &Journey,
    config: &LayoutConfig,
    order: Vec<TouchpointId>,
) -> Layout {
    let order = if order.len() == journey.touchpoint_count()
        && order.iter().all(|id| journey.contains_touchpoint(id))
    {
        order
    } else {
        journey_order(journey)
    };
    laid_out(journey, config, order)
}

/// [`layout`] in the journey order `order`.
fn laid_out(journey: &Journey, config: &LayoutConfig, order: Vec<TouchpointId>) -> Layout {
    let c = *config;
    let handoffs = journey.handoffs();
    let ends: Vec<(&TouchpointId, &TouchpointId)> =
        handoffs.iter().map(|h| (&h.from, &h.to)).collect();
    let (mut l, rows_in_lane) = arranged(journey, &c, order, &ends);
    let mut routing = route::route_chosen(&l, &c, &ends, route::How::Best);
    // A channel whose handoffs need more tracks than it has room for widens: the
    // columns or lanes beside it get wider pads, and the routes move with the cards
    // into the wider channels (the same routes as routing again with the same choices,
    // up to the order of tracks across a channel).
    if arrange::widen_pads(&mut l, &routing) {
        arrange::place(&mut l, &c, &rows_in_lane);
        routing = routing.rerouted(&l, &c, &ends);
    }
    l.routes = handoffs
        .iter()
        .zip(routing.into_routes())
        .filter(|(_, points)| !points.is_empty())
        .map(|(h, points)| (h.key(), points))
        .collect();
    l
}

/// The cards of `journey` placed and their cells ordered (in the journey order
/// `order`, for its handoffs `ends`), before any routing; with the number of card
/// rows in each lane.
fn arranged(
    journey: &Journey,
    c: &LayoutConfig,
    order: Vec<TouchpointId>,
    ends: &[(&TouchpointId, &TouchpointId)],
) -> (Layout, Vec<usize>) {
    let c = *c;
    let rank = positions(&order);
    // Columns: stages in order, plus "(no stage)" when needed.
    let col_keys = column_keys(journey);
    // Lanes.
    let lane_keys = lane_keys(journey, c.mode);
    // Fill cells.
    let (cells, cell_of) = fill_cells(journey, c.mode, (col_keys.len(), lane_keys.len()), &rank);
    // Cards per row in each column: enough that the fullest cell is wider than high.
    let (per_row, rows_in_lane) = cell_sizes(&cells, col_keys.len(), lane_keys.len());
    let columns = col_keys
        .into_iter()
        .enumerate()
        .map(|(i, (stage, name))| Column {
            stage,
            name,
            x: 0.0,
            w: 0.0,
            per_row: per_row.get(i).copied().unwrap_or(1),
            pad: c.gap,
        })
        .collect();
    let lanes = lane_keys
        .into_iter()
        .map(|(key, name, color)| Lane {
            key,
            name,
            color,
            y: 0.0,
            h: 0.0,
            pad: c.gap,
        })
        .collect();
    let mut l = Layout {
        config: Some(c),
        columns,
        lanes,
        cards: BTreeMap::new(),
        cell_of,
        cells,
        grid: Rect::default(),
        curve: Rect::default(),
        bounds: Rect::default(),
        order,
        visibility_line: None,
        routes: BTreeMap::new(),
    };
    arrange::place(&mut l, &c, &rows_in_lane);
    arrange::sweep_cells(&mut l, journey, &c, ends, &rows_in_lane);
    if ends.len() <= arrange::ORDER_CELLS_UP_TO {
        arrange::order_cells(&mut l, journey, &c, ends, &rows_in_lane);
    }
    (l, rows_in_lane)
}

/// The columns' stages and names: the stages in order, plus "(no stage)" when a
/// touchpoint has none (or an unknown one).
fn column_keys(journey: &Journey) -> Vec<(Option<StageId>, String)> {
    let mut col_keys: Vec<(Option<StageId>, String)> = journey
        .stages()
        .iter()
        .map(|s| (Some(s.id.clone()), s.name.clone()))
        .collect();
    if journey
        .touchpoints()
        .any(|t| t.stage.as_ref().is_none_or(|s| journey.stage(s).is_none()))
    {
        col_keys.push((None, "(no stage)".into()));
    }
    col_keys
}

/// The lanes' keys, names and colours: the departments (plus "(no owner)" when a
/// touchpoint has none) or the layers.
fn lane_keys(journey: &Journey, mode: LaneMode) -> Vec<(LaneKey, String, Rgb)> {
    let mut lane_keys: Vec<(LaneKey, String, Rgb)> = Vec::new();
    match mode {
        LaneMode::Departments => {
            for d in journey.departments() {
                lane_keys.push((LaneKey::Department(d.id.clone()), d.name.clone(), d.color));
            }
            if journey.touchpoints().any(|t| {
                t.owner
                    .as_ref()
                    .is_none_or(|d| journey.department(d).is_none())
            }) {
                lane_keys.push((LaneKey::Unowned, "(no owner)".into(), Rgb(0x99, 0x99, 0x99)));
            }
        }
        LaneMode::Layers => {
            for (i, l) in Layer::ALL.iter().enumerate() {
                lane_keys.push((LaneKey::Layer(*l), l.label().into(), Rgb::palette(i + 3)));
            }
        }
    }
    lane_keys
}

/// The position of each id in `ids`, in a hash: the layout's hot paths look up
/// thousands of cards by id on a big map, and a lookup in an ordered map by id
/// compares a dozen strings (issue 16). An id listed twice has its last position.
fn positions<'a>(
    ids: impl IntoIterator<Item = &'a TouchpointId>,
) -> rustc_hash::FxHashMap<&'a str, usize> {
    ids.into_iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect()
}

/// The touchpoints of each (column, lane) cell, in order, and the cell of each touchpoint.
type Cells = (
    BTreeMap<(usize, usize), Vec<TouchpointId>>,
    BTreeMap<TouchpointId, (usize, usize)>,
);

/// Put every touchpoint in its cell (`n_cols` columns, `n_lanes` lanes; `rank` the
/// journey order); inside a cell, manual order first, then journey
/// order (which follows the handoffs, so consecutive steps sit side by side and
/// crossings stay low), then id.
fn fill_cells(
    journey: &Journey,
    mode: LaneMode,
    (n_cols, n_lanes): (usize, usize),
    rank: &rustc_hash::FxHashMap<&str, usize>,
) -> Cells {
    let col_index = |t: &crate::model::Touchpoint| -> usize {
        t.stage
            .as_ref()
            .and_then(|s| journey.stage_index(s))
            .unwrap_or(n_cols.saturating_sub(1))
    };
    let lane_index = |t: &crate::model::Touchpoint| -> usize {
        match mode {
            LaneMode::Departments => t
                .owner
                .as_ref()
                .and_then(|d| journey.department_index(d))
                .unwrap_or(n_lanes.saturating_sub(1)),
            LaneMode::Layers => Layer::ALL.iter().position(|l| *l == t.layer).unwrap_or(0),
        }
    };
    // Each cell's touchpoints with their sort key (manual order, journey order, id),
    // found once per touchpoint rather than at every comparison.
    type Keyed<'j> = Vec<(i32, usize, &'j TouchpointId)>;
    let mut keyed: BTreeMap<(usize, usize), Keyed> = BTreeMap::new();
    // The touchpoints come in id order, so the map of their cells is built in one pass.
    let mut cell_of = Vec::with_capacity(journey.touchpoint_count());
    for t in journey.touchpoints() {
        let cell = (col_index(t), lane_index(t));
        let manual = t.order.unwrap_or(i32::MAX);
        let journey_rank = rank.get(t.id.as_str()).copied().unwrap_or(usize::MAX);
        keyed
            .entry(cell)
            .or_default()
            .push((manual, journey_rank, &t.id));
        cell_of.push((t.id.clone(), cell));
    }
    let cells = keyed
        .into_iter()
        .map(|(cell, mut list)| {
            list.sort();
            (
                cell,
                list.into_iter().map(|(_, _, id)| id.clone()).collect(),
            )
        })
        .collect();
    (cells, cell_of.into_iter().collect())
}

/// How many times wider than square (in cards) the fullest cell of a column is: fewer
/// card rows in a lane leave fewer handoffs weaving between them (a generated
/// 200-touchpoint journey crosses 719 times instead of 867, and its map is 6,426 x
/// 2,498 pt instead of 4,362 x 3,869).
const WIDER: f32 = 1.6;

/// Cards per row in each column (`WIDER` x the square root of its fullest cell's cards,
/// at most as many as it holds, 12 at most) and rows in each lane (enough for its
/// fullest cell).
fn cell_sizes(
    cells: &BTreeMap<(usize, usize), Vec<TouchpointId>>,
    n_cols: usize,
    n_lanes: usize,
) -> (Vec<usize>, Vec<usize>) {
    let mut max_in_col = vec![0usize; n_cols];
    for (&(ci, _), list) in cells {
        if let Some(m) = max_in_col.get_mut(ci) {
            *m = (*m).max(list.len());
        }
    }
    let per_row: Vec<usize> = max_in_col
        .iter()
        .map(|&n| {
            (((n as f32).sqrt() * WIDER).ceil() as usize)
                .min(n)
                .clamp(1, 12)
        })
        .collect();
    let mut rows_in_lane = vec![1usize; n_lanes];
    for (&(ci, li), list) in cells {
        let pr = per_row.get(ci).copied().unwrap_or(1);
        if let Some(r) = rows_in_lane.get_mut(li) {
            *r = (*r).max(list.len().div_ceil(pr));
        }
    }
    (per_row, rows_in_lane)
}

/// The rectangle of slot `k` (row-major) of the cell at `col` x `lane`: where the
/// `k`-th card of that cell sits. [`Layout::slot_at`] is its inverse.
fn slot_rect(c: &LayoutConfig, col: &Column, lane: &Lane, k: usize) -> Rect {
    let per_row = col.per_row.max(1);
    let (r, q) = (k / per_row, k % per_row);
    Rect::new(
        col.slot_x(q, c.card_w),
        lane.row_y(r, c.card_h),
        c.card_w,
        c.card_h,
    )
}

impl Layout {
    /// The rectangle of slot `k` (row-major) of a (column, lane) cell, occupied or not:
    /// where the `k`-th card of the cell sits (a new card goes to slot `len`).
    pub fn slot_rect(&self, (ci, li): (usize, usize), k: usize) -> Option<Rect> {
        let c = self.config.unwrap_or_default();
        Some(slot_rect(&c, self.columns.get(ci)?, self.lanes.get(li)?, k))
    }

    /// The slot (row-major index) of a (column, lane) cell under a world point: the
    /// inverse of [`Layout::slot_rect`] (points in the gaps go to the nearer slot).
    pub fn slot_at(&self, (ci, li): (usize, usize), x: f32, y: f32) -> Option<usize> {
        let c = self.config.unwrap_or_default();
        let (col, lane) = (self.columns.get(ci)?, self.lanes.get(li)?);
        let per_row = col.per_row.max(1);
        let q = (((x - col.x - col.pad / 2.0) / (c.card_w + col.pad))
            .floor()
            .max(0.0) as usize)
            .min(per_row - 1);
        let r = ((y - lane.y - lane.pad / 2.0) / (c.card_h + lane.pad))
            .floor()
            .max(0.0) as usize;
        Some(r * per_row + q)
    }

    /// The (column, lane) cell of a stage and an owner (department mode) or layer
    /// (layer mode): where a card with these would go.
    pub fn cell_for(
        &self,
        stage: Option<&StageId>,
        owner: Option<&DepartmentId>,
        layer: Option<&Layer>,
    ) -> Option<(usize, usize)> {
        let ci = self
            .columns
            .iter()
            .position(|col| col.stage.as_ref() == stage)?;
        let li = self.lanes.iter().position(|l| match &l.key {
            LaneKey::Layer(x) => Some(x) == layer,
            LaneKey::Department(d) => Some(d) == owner,
            LaneKey::Unowned => owner.is_none(),
        })?;
        Some((ci, li))
    }

    /// The card under a world point.
    pub fn card_at(&self, x: f32, y: f32) -> Option<&TouchpointId> {
        let cell = self.cell_at(x, y)?;
        let probe = Rect::new(x, y, 0.0, 0.0);
        self.cell_cards_near(cell, &probe)
            .find(|(_, r)| r.contains(x, y))
            .map(|(id, _)| id)
    }

    /// The (column, lane) cell under a world point.
    pub fn cell_at(&self, x: f32, y: f32) -> Option<(usize, usize)> {
        let ci = self
            .columns
            .iter()
            .position(|c| x >= c.x && x < c.x + c.w)?;
        let li = self.lanes.iter().position(|l| y >= l.y && y < l.y + l.h)?;
        Some((ci, li))
    }

    /// Touchpoints whose cards intersect `view` (world coordinates): only the cells
    /// that overlap are visited, and inside a cell only the rows and slots the view
    /// covers, so this is cheap for a small view of a big map (or of a big cell).
    pub fn visible_cards(&self, view: &Rect) -> Vec<(&TouchpointId, &Rect)> {
        let cols: Vec<usize> = (0..self.columns.len())
            .filter(|&i| {
                let c = &self.columns[i];
                c.x <= view.right() && view.x <= c.x + c.w
            })
            .collect();
        let lanes: Vec<usize> = (0..self.lanes.len())
            .filter(|&i| {
                let l = &self.lanes[i];
                l.y <= view.bottom() && view.y <= l.y + l.h
            })
            .collect();
        let mut out = Vec::new();
        for &ci in &cols {
            for &li in &lanes {
                out.extend(
                    self.cell_cards_near((ci, li), view)
                        .filter(|(_, r)| r.intersects(view)),
                );
            }
        }
        out
    }

    /// Is any card within `view` (the same test as [`Layout::visible_cards`], stopping
    /// at the first)?
    pub fn any_card_in(&self, view: &Rect) -> bool {
        let cols = self
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.x <= view.right() && view.x <= c.x + c.w);
        for (ci, _) in cols {
            for (li, l) in self.lanes.iter().enumerate() {
                if l.y <= view.bottom()
                    && view.y <= l.y + l.h
                    && self
                        .cell_cards_near((ci, li), view)
                        .any(|(_, r)| r.intersects(view))
                {
                    return true;
                }
            }
        }
        false
    }

    /// The cards of a cell that may intersect `view`, in display order: the slots
    /// of the rows and columns whose rectangles meet the view's (a point wider, for
    /// rounding), found from the grid arithmetic of [`layout`], not by scanning the
    /// cell. Callers still test each rectangle. A layout without its config scans.
    fn cell_cards_near<'a>(
        &'a self,
        cell: (usize, usize),
        view: &Rect,
    ) -> impl Iterator<Item = (&'a TouchpointId, &'a Rect)> + 'a {
        let list: &[TouchpointId] = self.cells.get(&cell).map_or(&[], Vec::as_slice);
        let n = list.len();
        let geometry = match (
            self.config,
            self.columns.get(cell.0),
            self.lanes.get(cell.1),
        ) {
            (Some(c), Some(col), Some(lane)) if col.per_row > 0 => Some((c, col, lane)),
            _ => None,
        };
        let (rows, slots, per_row) = match geometry {
            Some((c, col, lane)) => {
                // Slot i spans [origin + i * step, origin + i * step + size]: it meets
                // [lo, hi] when (lo - origin - size) / step <= i <= (hi - origin) / step.
                let span = |lo: f32, hi: f32, origin: f32, size: f32, step: f32, count: usize| {
                    // A point of slack: f32 rounding at 100,000 pt is near 0.01.
                    let hair = 1.0;
                    let first = ((lo - origin - size - hair) / step).ceil();
                    let last = ((hi - origin + hair) / step).floor();
                    let clamp = |v: f32| v.clamp(0.0, count as f32) as usize;
                    // NaN clamps to 0: an empty range.
                    (clamp(first), clamp(last + 1.0))
                };
                let pr = col.per_row;
                let all_rows = n.div_ceil(pr);
                let rows = span(
                    view.y,
                    view.bottom(),
                    lane.y + lane.pad,
                    c.card_h,
                    c.card_h + lane.pad,
                    all_rows,
                );
                let slots = span(
                    view.x,
                    view.right(),
                    col.x + col.pad,
                    c.card_w,
                    c.card_w + col.pad,
                    pr,
                );
                (rows, slots, pr)
            }
            None => ((0, n), (0, 1), 1),
        };
        (rows.0..rows.1)
            .flat_map(move |r| (slots.0..slots.1).map(move |q| r * per_row + q))
            .filter_map(move |k| {
                let id = list.get(k)?;
                Some((id, self.cards.get(id)?))
            })
    }

    /// The stage and department of a cell (what a new touchpoint dropped there gets).
    pub fn cell_target(&self, cell: (usize, usize)) -> (Option<StageId>, Option<LaneKey>) {
        (
            self.columns.get(cell.0).and_then(|c| c.stage.clone()),
            self.lanes.get(cell.1).map(|l| l.key.clone()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// Widening moves the first routing with the cards (`Routing::rerouted`) instead of
    /// routing again: the routes are those of routing again with the same choices
    /// (the same ports, bends and channels), up to the order of tracks across a channel.
    #[test]
    fn widening_moves_the_routes_with_their_cards() {
        let c = LayoutConfig::default();
        for (n, seed) in [(200, 7), (1000, 1)] {
            let j = crate::generate::generate(n, seed);
            let hs = j.handoffs();
            let ends: Vec<(&TouchpointId, &TouchpointId)> =
                hs.iter().map(|h| (&h.from, &h.to)).collect();
            let (mut l, rows) = arranged(&j, &c, journey_order(&j), &ends);
            let first = route::route_chosen(&l, &c, &ends, route::How::Best);
            assert!(
                arrange::widen_pads(&mut l, &first),
                "{n}: the channels widen"
            );
            arrange::place(&mut l, &c, &rows);
            let again =
                route::route_chosen(&l, &c, &ends, route::How::Same(&first.chosen)).into_routes();
            let moved = first.rerouted(&l, &c, &ends).into_routes();
            let near =
                |p: (f32, f32), q: (f32, f32)| (p.0 - q.0).abs() < 0.01 && (p.1 - q.1).abs() < 0.01;
            let (mut points, mut same) = (0, 0);
            for (i, (a, m)) in again.iter().zip(&moved).enumerate() {
                assert_eq!(a.len(), m.len(), "{n}: handoff {i}: {a:?} / {m:?}");
                if let (Some(&a0), Some(&m0), Some(&a1), Some(&m1)) =
                    (a.first(), m.first(), a.last(), m.last())
                {
                    assert!(
                        near(a0, m0) && near(a1, m1),
                        "{n}: handoff {i}: {a:?} / {m:?}"
                    );
                }
                points += a.len();
                same += a.iter().zip(m).filter(|(p, q)| near(**p, **q)).count();
            }
            let (ca, _) = route::crossings_and_bends(&ends, &again);
            let (cm, _) = route::crossings_and_bends(&ends, &moved);
            println!(
                "{n}: {same} of {points} points the same; crossings {ca} routed again, {cm} moved"
            );
            assert!(cm <= ca, "{n}: {cm} crossings moved, {ca} routed again");
        }
    }

    fn small() -> Journey {
        let mut j = Journey::new("t");
        j.insert_stage(0, Stage::new("a", "A")).unwrap();
        j.insert_stage(1, Stage::new("b", "B")).unwrap();
        j.insert_department(0, Department::new("x", "X", Rgb(1, 2, 3)))
            .unwrap();
        j.insert_department(1, Department::new("y", "Y", Rgb(1, 2, 3)))
            .unwrap();
        for (id, s, d) in [
            ("t1", "a", "x"),
            ("t2", "a", "x"),
            ("t3", "b", "y"),
            ("t4", "b", "x"),
        ] {
            let mut t = Touchpoint::new(id, id);
            t.stage = Some(StageId::new(s));
            t.owner = Some(DepartmentId::new(d));
            j.add_touchpoint(t).unwrap();
        }
        let mut t = Touchpoint::new("t0", "unowned");
        t.stage = Some(StageId::new("b"));
        j.add_touchpoint(t).unwrap();
        j.add_handoff(Handoff::new("t2", "t1")).unwrap();
        j.add_handoff(Handoff::new("t1", "t3")).unwrap();
        j.add_handoff(Handoff::new("t3", "t4")).unwrap();
        j.add_handoff(Handoff::new("t4", "t2")).unwrap(); // loop back to stage a
        j
    }

    /// The exports lay out in the analysis' order; an order that cannot be this
    /// journey's is computed again, and a wrong but plausible one is used as given.
    #[test]
    fn a_layout_in_the_analysis_order_is_the_layout() {
        let j = small();
        let c = LayoutConfig::default();
        let a = crate::analysis::analyze(&j, &Default::default());
        assert_eq!(
            layout_in_order(&j, &c, a.journey_order.clone()),
            layout(&j, &c)
        );
        let other = crate::generate::generate(5, 1);
        for wrong in [
            Vec::new(),
            journey_order(&other),
            a.journey_order[1..].to_vec(),
        ] {
            assert_eq!(layout_in_order(&j, &c, wrong), layout(&j, &c));
        }
        let mut reversed = a.journey_order.clone();
        reversed.reverse();
        let l = layout_in_order(&j, &c, reversed.clone());
        assert_eq!(l.order, reversed);
        assert_ne!(l, layout(&j, &c));
    }

    #[test]
    fn order_follows_stages_and_handoffs() {
        let j = small();
        let order: Vec<String> = journey_order(&j).into_iter().map(|t| t.0).collect();
        assert_eq!(order, ["t2", "t1", "t0", "t3", "t4"]);
    }

    #[test]
    fn cards_do_not_overlap_and_sit_in_their_cells() {
        let j = small();
        let l = layout(&j, &LayoutConfig::default());
        assert_eq!(l.columns.len(), 2);
        assert_eq!(l.lanes.len(), 3, "two departments and (no owner)");
        assert_eq!(l.lanes[2].key, LaneKey::Unowned);
        let rects: Vec<Rect> = l.cards.values().copied().collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(
                    !(a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom())
                );
            }
        }
        for (id, &(ci, li)) in &l.cell_of {
            let r = l.cards[id];
            let col = &l.columns[ci];
            let lane = &l.lanes[li];
            assert!(
                r.x >= col.x && r.right() <= col.x + col.w,
                "{id} in its column"
            );
            assert!(
                r.y >= lane.y && r.bottom() <= lane.y + lane.h,
                "{id} in its lane"
            );
        }
        // t2 comes before t1 in their shared cell (journey order).
        assert_eq!(
            l.cells[&(0, 0)],
            vec![TouchpointId::new("t2"), TouchpointId::new("t1")]
        );
        let (cx, cy) = l.cards[&TouchpointId::new("t3")].center();
        assert_eq!(l.card_at(cx, cy), Some(&TouchpointId::new("t3")));
        let visible = l.visible_cards(&Rect::new(
            0.0,
            0.0,
            l.columns[0].x + l.columns[0].w - 1.0,
            10_000.0,
        ));
        assert_eq!(visible.len(), 2);
    }

    #[test]
    fn layer_mode_has_four_lanes_and_a_visibility_line() {
        let l = layout(
            &small(),
            &LayoutConfig {
                mode: LaneMode::Layers,
                ..Default::default()
            },
        );
        assert_eq!(l.lanes.len(), 4);
        assert_eq!(l.visibility_line, Some(l.lanes[2].y));
    }

    /// A cell of 3,000 cards (some with a manual order): the grid arithmetic of
    /// `visible_cards` and `card_at` finds exactly what a scan of every card finds.
    #[test]
    fn visible_cards_in_a_big_cell_match_a_scan() {
        let mut j = Journey::new("big cell");
        j.insert_stage(0, Stage::new("a", "A")).unwrap();
        j.insert_stage(1, Stage::new("b", "B")).unwrap();
        j.insert_department(0, Department::new("x", "X", Rgb(1, 2, 3)))
            .unwrap();
        for i in 0..3_000i32 {
            let mut t = Touchpoint::new(format!("t{i:05}").as_str(), "card");
            t.stage = Some(StageId::new(if i % 7 == 0 { "b" } else { "a" }));
            t.owner = (i % 11 != 0).then(|| DepartmentId::new("x"));
            t.order = (i % 13 == 0).then_some(-i);
            j.add_touchpoint(t).unwrap();
        }
        let l = layout(&j, &LayoutConfig::default());
        let mut rng = crate::generate::Rng::new(7);
        let b = l.bounds;
        for k in 0..800 {
            // Points, thin vertical and horizontal lines (route segments), areas.
            let (w, h) = match k % 4 {
                0 => (0.0, 0.0),
                1 => (0.0, rng.unit() as f32 * 3_000.0),
                2 => (rng.unit() as f32 * 3_000.0, 0.0),
                _ => (rng.unit() as f32 * 900.0, rng.unit() as f32 * 700.0),
            };
            let view = Rect::new(
                b.x - 300.0 + rng.unit() as f32 * (b.w + 600.0),
                b.y - 300.0 + rng.unit() as f32 * (b.h + 600.0),
                w,
                h,
            );
            let mut fast: Vec<&TouchpointId> = l
                .visible_cards(&view)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let mut scan: Vec<&TouchpointId> = l
                .cards
                .iter()
                .filter(|(_, r)| r.intersects(&view))
                .map(|(id, _)| id)
                .collect();
            fast.sort();
            scan.sort();
            assert_eq!(fast, scan, "view {view:?}");
            assert_eq!(l.any_card_in(&view), !scan.is_empty(), "view {view:?}");
            let under = l.cards.iter().find(|(_, r)| r.contains(view.x, view.y));
            assert_eq!(l.card_at(view.x, view.y), under.map(|(id, _)| id));
        }
        // Lines along card edges touch those cards (intersects is inclusive).
        for r in l.cards.values().step_by(97) {
            for view in [
                Rect::new(r.right(), r.y - 500.0, 0.0, 1_000.0),
                Rect::new(r.x, r.y - 500.0, 0.0, 1_000.0),
                Rect::new(r.x - 500.0, r.bottom(), 1_000.0, 0.0),
                Rect::new(r.x - 500.0, r.y, 1_000.0, 0.0),
            ] {
                let scan = l.cards.values().filter(|c| c.intersects(&view)).count();
                assert_eq!(l.visible_cards(&view).len(), scan, "view {view:?}");
                assert!(l.any_card_in(&view));
            }
        }
        // The whole map: every card.
        assert_eq!(l.visible_cards(&b).len(), 3_000);
    }
    /// Issue #15: the layout owns the slot arithmetic and its inverse.
    #[test]
    fn slot_at_is_the_inverse_of_slot_rect_and_cards_sit_in_their_slots() {
        let j = crate::generate::generate(200, 7);
        let l = layout(&j, &LayoutConfig::default());
        let mut checked = 0;
        for (&cell, list) in &l.cells {
            for (k, id) in list.iter().enumerate() {
                let r = l.slot_rect(cell, k).unwrap();
                assert_eq!(r, l.cards[id], "{id:?}");
                let (x, y) = r.center();
                assert_eq!(l.slot_at(cell, x, y), Some(k));
                // Corners too (inside the card).
                assert_eq!(l.slot_at(cell, r.x + 1.0, r.y + 1.0), Some(k));
                assert_eq!(l.slot_at(cell, r.right() - 1.0, r.bottom() - 1.0), Some(k));
                checked += 1;
            }
            let col = &l.columns[cell.0];
            let key = &l.lanes[cell.1].key;
            let (owner, layer) = match key {
                LaneKey::Department(d) => (Some(d), None),
                LaneKey::Layer(x) => (None, Some(x)),
                LaneKey::Unowned => (None, None),
            };
            assert_eq!(l.cell_for(col.stage.as_ref(), owner, layer), Some(cell));
        }
        assert_eq!(checked, j.touchpoint_count());
    }
}
