//! The one display list of a journey map: shapes, text and colours built from the
//! model, the [`Layout`] and (optionally) the analysis. The app's canvas paints it and
//! the diagram exports (SVG, PNG, PDF) write it, so an export looks like the screen.
//!
//! Pure: no egui, no I/O. World coordinates in points, the same as the layout's.
//! Text positions are the *vertical centre* of the text line (`pos.1`), with a
//! horizontal [`TextAnchor`]. Every text item already fits its `max_width` (it was
//! truncated with '…' using [`text_width`], an approximate, slightly generous
//! estimate for DejaVu Sans and the CJK fallback).
//!
//! A layer of its own between `layout` and its two users, `export` and `ui`; it names
//! neither. Split by concept: [`style`] (the one palette and theme), [`text`]
//! (measuring, wrapping; numbers, durations and dates come from `i18n::format` in the
//! current language, as every word the map prints comes from `i18n`), [`marks`] (badges from the
//! analysis), [`labels`] (label placement on the layout's routes), [`card`], [`edge`],
//! [`chrome`] (backgrounds, emotion curve, title block, legend) and [`focus`]
//! (war-room emphasis). This file holds the display-list types and [`build_scene`].

use crate::analysis::{Analysis, GapKind};
use crate::i18n::format as f;
use crate::i18n::{tr, tr_args};
use crate::layout::{LaneKey, Layout, LayoutConfig, Rect};
use crate::model::{
    Anchor, DepartmentId, Handoff, HandoffKey, Journey, Rgb, Touchpoint, TouchpointId, fmt_num,
};
use std::collections::{BTreeMap, VecDeque};

pub mod bound;
pub mod card;
pub mod chrome;
pub mod drivers_chart;
pub mod edge;
pub mod focus;
pub mod labels;
pub mod logcheck;
pub mod marks;
pub mod measure;
pub mod metrics;
pub mod scenario_overlay;
pub mod style;
#[cfg(test)]
mod tests;
pub mod text;

pub use chrome::{basic_headline, variant_name};
pub use edge::{
    CROSS_DEPARTMENT_WIDTH, CUSTOMER_WIDTH, REWORK_WIDTH, SAME_DEPARTMENT_WIDTH, arrow_head,
};
pub use marks::{Badge, Marks, TrendMark};
pub use measure::{Readability, measure};
pub use metrics::Metrics;
pub use style::{Color, Palette, Theme};
pub use text::{clean_owned, clean_text, fit_text, text_width, wrap_text, wrap_text_in};

pub use card::LARGE_NAME_SIZE;
use card::*;
use chrome::*;
use edge::*;
use labels::*;

/// Horizontal alignment of a text item relative to its `pos`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextAnchor {
    Start,
    Middle,
    End,
}

/// Level of detail of a text item: the canvas may skip [`Detail::Text`] items when
/// zoomed out far; exports draw everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    /// Headers, lane labels, figures: always drawn.
    Always,
    /// Card and edge text.
    Text,
}

/// One drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Rect {
        rect: Rect,
        fill: Option<Color>,
        stroke: Option<Color>,
        stroke_width: f32,
        radius: f32,
    },
    /// A polyline. With `arrow_end`, an arrow head (see [`arrow_head`]) ends at the last point.
    Line {
        points: Vec<(f32, f32)>,
        color: Color,
        width: f32,
        dashed: bool,
        arrow_end: bool,
    },
    Circle {
        center: (f32, f32),
        radius: f32,
        fill: Option<Color>,
        stroke: Option<Color>,
    },
    /// One line of text; `pos.1` is the vertical centre of the line.
    Text {
        pos: (f32, f32),
        text: String,
        size: f32,
        color: Color,
        anchor: TextAnchor,
        bold: bool,
        /// The width the text was fitted into, when it was.
        max_width: Option<f32>,
        detail: Detail,
    },
}

/// The drawing of one handoff.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeGroup {
    pub key: HandoffKey,
    pub kind: EdgeKind,
    /// Everything the group draws, labels included.
    pub bbox: Rect,
    /// The line and its arrow head: painted *under* the cards.
    pub items: Vec<Item>,
    /// Queue-time label and badges: painted *over* the cards, so they stay readable.
    pub labels: Vec<Item>,
}

/// How a handoff is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// Both ends owned by the same department.
    SameDepartment,
    /// Crosses a boundary with the customer (or an unowned touchpoint) on one side.
    CustomerFacing,
    /// Between two different departments of the company: where journeys break.
    CrossDepartment,
    /// Goes back to an earlier point of the journey.
    Rework,
}

/// The drawing of one touchpoint card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardGroup {
    pub id: TouchpointId,
    pub rect: Rect,
    pub items: Vec<Item>,
}

/// Everything to paint, in paint order: background, edge lines (`edges[..].items`),
/// cards, edge labels (`edges[..].labels`), overlay.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// The journey title (one clean line).
    pub title: String,
    pub bounds: Rect,
    pub background_color: Color,
    pub background: Vec<Item>,
    /// Sorted by handoff key.
    pub edges: Vec<EdgeGroup>,
    /// Sorted by touchpoint id.
    pub cards: Vec<CardGroup>,
    pub overlay: Vec<Item>,
}

impl Scene {
    /// Every item in paint order.
    pub fn items(&self) -> impl Iterator<Item = &Item> + '_ {
        self.background
            .iter()
            .chain(self.edges.iter().flat_map(|e| e.items.iter()))
            .chain(self.cards.iter().flat_map(|c| c.items.iter()))
            .chain(self.edges.iter().flat_map(|e| e.labels.iter()))
            .chain(self.overlay.iter())
    }

    pub fn card(&self, id: &TouchpointId) -> Option<&CardGroup> {
        self.cards
            .binary_search_by(|c| c.id.cmp(id))
            .ok()
            .and_then(|i| self.cards.get(i))
    }

    pub fn edge(&self, key: &HandoffKey) -> Option<&EdgeGroup> {
        self.edges
            .binary_search_by(|e| e.key.cmp(key))
            .ok()
            .and_then(|i| self.edges.get(i))
    }

    /// The part of the scene that `view` shows, with `view` as its bounds: the cards,
    /// handoffs and items whose extent meets it, unchanged (a page of a big map).
    pub fn window(&self, view: Rect) -> Scene {
        let grid = Grid {
            origin: (view.x, view.y),
            cell: (view.w.max(f32::MIN_POSITIVE), view.h.max(f32::MIN_POSITIVE)),
            cols: 1,
            rows: 1,
        };
        match self.tile_parts(&grid).first() {
            Some(parts) => self.window_of(view, parts),
            None => self.window_of(view, &WindowParts::default()),
        }
    }

    /// What each cell of `grid` shows (row by row): every item's extent is measured
    /// once and filed under the cells it meets, so cutting a map into pages costs
    /// the size of the map, not pages x map.
    pub fn tile_parts(&self, grid: &Grid) -> Vec<WindowParts> {
        let n = grid.cols.saturating_mul(grid.rows);
        let mut parts = vec![WindowParts::default(); n];
        let span = |lo: f32, hi: f32, origin: f32, step: f32, count: usize| {
            let a = ((lo - origin) / step).floor();
            let b = ((hi - origin) / step).floor();
            if !(a.is_finite() && b.is_finite()) || b < 0.0 || a >= count as f32 {
                return None;
            }
            Some((
                a.max(0.0) as usize,
                (b as usize).min(count.saturating_sub(1)),
            ))
        };
        let mut file = |b: Option<Rect>, push: &mut dyn FnMut(&mut WindowParts)| {
            let Some(b) = b else { return };
            let (Some(c), Some(r)) = (
                span(b.x, b.right(), grid.origin.0, grid.cell.0, grid.cols),
                span(b.y, b.bottom(), grid.origin.1, grid.cell.1, grid.rows),
            ) else {
                return;
            };
            for row in r.0..=r.1 {
                for col in c.0..=c.1 {
                    if let Some(p) = parts.get_mut(row * grid.cols + col) {
                        push(p);
                    }
                }
            }
        };
        let union = |first: Option<Rect>, items: &[Item]| {
            items
                .iter()
                .filter_map(Item::bbox)
                .fold(first, |acc, b| Some(acc.map_or(b, |a| a.union(&b))))
        };
        for (i, item) in self.background.iter().enumerate() {
            file(item.bbox(), &mut |p| p.background.push(i));
        }
        for (i, e) in self.edges.iter().enumerate() {
            file(union(Some(e.bbox), &e.items), &mut |p| p.edges.push(i));
        }
        for (i, c) in self.cards.iter().enumerate() {
            file(union(Some(c.rect), &c.items), &mut |p| p.cards.push(i));
        }
        for (i, item) in self.overlay.iter().enumerate() {
            file(item.bbox(), &mut |p| p.overlay.push(i));
        }
        parts
    }

    /// The scene of one window from its [`WindowParts`].
    pub fn window_of(&self, view: Rect, parts: &WindowParts) -> Scene {
        fn pick<T: Clone>(list: &[T], idx: &[usize]) -> Vec<T> {
            idx.iter().filter_map(|&i| list.get(i).cloned()).collect()
        }
        Scene {
            title: self.title.clone(),
            bounds: view,
            background_color: self.background_color,
            background: pick(&self.background, &parts.background),
            edges: pick(&self.edges, &parts.edges),
            cards: pick(&self.cards, &parts.cards),
            overlay: pick(&self.overlay, &parts.overlay),
        }
    }
}

/// A grid of equal windows over a scene (pages), `cols` x `rows` cells of `cell`
/// size from `origin`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    pub origin: (f32, f32),
    pub cell: (f32, f32),
    pub cols: usize,
    pub rows: usize,
}

/// Indices into a scene's lists of what one window shows (in paint order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WindowParts {
    pub background: Vec<usize>,
    pub edges: Vec<usize>,
    pub cards: Vec<usize>,
    pub overlay: Vec<usize>,
}

impl Item {
    /// The extent of the item (lines with their width, text by its estimated width);
    /// `None` for a line without points.
    pub fn bbox(&self) -> Option<Rect> {
        match self {
            Item::Rect {
                rect, stroke_width, ..
            } => Some(Rect::new(
                rect.x - stroke_width,
                rect.y - stroke_width,
                rect.w + 2.0 * stroke_width,
                rect.h + 2.0 * stroke_width,
            )),
            Item::Line { points, width, .. } => {
                if points.is_empty() {
                    return None;
                }
                let b = labels::bbox_of(points);
                // Room for the arrow head too.
                let m = width + 5.0 + width * 2.0;
                Some(Rect::new(b.x - m, b.y - m, b.w + 2.0 * m, b.h + 2.0 * m))
            }
            Item::Circle { center, radius, .. } => Some(Rect::new(
                center.0 - radius - 1.0,
                center.1 - radius - 1.0,
                2.0 * radius + 2.0,
                2.0 * radius + 2.0,
            )),
            Item::Text {
                pos,
                text,
                size,
                bold,
                max_width,
                anchor,
                ..
            } => {
                let w = text_width(text, *size, *bold).max(max_width.unwrap_or(0.0)) + size;
                let x = match anchor {
                    TextAnchor::Start => pos.0 - size / 2.0,
                    TextAnchor::Middle => pos.0 - w / 2.0,
                    TextAnchor::End => pos.0 - w + size / 2.0,
                };
                Some(Rect::new(x, pos.1 - size, w, 2.0 * size))
            }
        }
    }
}

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneOptions {
    pub theme: Theme,
    /// Gap badges on cards and handoffs (needs marks).
    pub show_gaps: bool,
    /// Sticky-note counts on cards.
    pub show_notes: bool,
    /// The title block above the map (title, headline figures, date).
    pub title: bool,
    /// The legend below the map.
    pub legend: bool,
    /// The date printed in the title block (exports pass today's date).
    pub date: Option<String>,
    /// War-room department focus: this department's cards and the handoffs into or
    /// out of it stay, the rest dims (see `scene::focus`).
    pub focus_department: Option<DepartmentId>,
    /// War-room presentation: this stage's cards (in large type, to be read across
    /// the room) and handoffs stay, the rest dims.
    pub focus_stage: Option<crate::model::StageId>,
    /// The map held against an event log: hidden handoffs dashed, unseen ones faded,
    /// unmapped activities under the map (see `scene::logcheck`).
    pub log_check: Option<std::sync::Arc<logcheck::LogOverlay>>,
}

impl Default for SceneOptions {
    fn default() -> Self {
        SceneOptions {
            theme: Theme::Light,
            show_gaps: true,
            show_notes: true,
            title: true,
            legend: true,
            date: None,
            focus_department: None,
            focus_stage: None,
            log_check: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Text measuring

use metrics::MARGIN;

fn text(
    pos: (f32, f32),
    text: String,
    size: f32,
    color: Color,
    anchor: TextAnchor,
    bold: bool,
    detail: Detail,
) -> Item {
    Item::Text {
        pos,
        text,
        size,
        color,
        anchor,
        bold,
        max_width: None,
        detail,
    }
}

/// A text item fitted to `max_width`.
#[allow(clippy::too_many_arguments)]
fn fitted(
    pos: (f32, f32),
    raw: &str,
    size: f32,
    color: Color,
    anchor: TextAnchor,
    bold: bool,
    max_width: f32,
    detail: Detail,
) -> Item {
    Item::Text {
        pos,
        text: fit_text(raw, size, bold, max_width),
        size,
        color,
        anchor,
        bold,
        max_width: Some(max_width),
        detail,
    }
}

fn rect(
    r: Rect,
    fill: Option<Color>,
    stroke: Option<Color>,
    stroke_width: f32,
    radius: f32,
) -> Item {
    Item::Rect {
        rect: r,
        fill,
        stroke,
        stroke_width,
        radius,
    }
}

fn line(points: Vec<(f32, f32)>, color: Color, width: f32) -> Item {
    Item::Line {
        points,
        color,
        width,
        dashed: false,
        arrow_end: false,
    }
}

/// Build the scene of a journey laid out by `layout`, with the gap badges and headline
/// figures of `analysis` when given.
pub fn build_scene(
    journey: &Journey,
    layout: &Layout,
    analysis: Option<&Analysis>,
    options: &SceneOptions,
) -> Scene {
    let marks = analysis.map(Marks::from_analysis);
    build_scene_with_marks(journey, layout, marks.as_ref(), options)
}

/// A map walked in key order alongside keys asked for in ascending order (handoffs,
/// touchpoint ids): a lookup costs about one comparison instead of a search.
struct InOrder<'a, K: 'a, V: 'a, I: Iterator<Item = (&'a K, &'a V)>> {
    it: std::iter::Peekable<I>,
}

impl<'a, K: 'a, V: 'a, I: Iterator<Item = (&'a K, &'a V)>> InOrder<'a, K, V, I> {
    fn new(it: I) -> Self {
        InOrder { it: it.peekable() }
    }

    /// The value of the key sought, if the map holds it; keys below it are passed.
    /// `probe(k)` says how the map's key `k` stands to the key sought.
    fn seek_by(&mut self, probe: impl Fn(&K) -> std::cmp::Ordering) -> Option<&'a V> {
        while let Some((k, _)) = self.it.peek() {
            match probe(k) {
                std::cmp::Ordering::Less => {
                    self.it.next();
                }
                std::cmp::Ordering::Equal => return self.it.next().map(|(_, v)| v),
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
    }
}

impl<'a, V: 'a, I: Iterator<Item = (&'a HandoffKey, &'a V)>> InOrder<'a, HandoffKey, V, I> {
    /// The value of `h`'s key.
    fn seek(&mut self, h: &Handoff) -> Option<&'a V> {
        self.seek_by(|k| (&k.from, &k.to).cmp(&(&h.from, &h.to)))
    }
}

impl<'a, V: 'a, I: Iterator<Item = (&'a TouchpointId, &'a V)>> InOrder<'a, TouchpointId, V, I> {
    /// The value of touchpoint `id`.
    fn seek_id(&mut self, id: &TouchpointId) -> Option<&'a V> {
        self.seek_by(|k| k.cmp(id))
    }
}

/// The touchpoints of `journey` by id, for an [`InOrder`] walk.
fn touchpoints_by_id(journey: &Journey) -> impl Iterator<Item = (&TouchpointId, &Touchpoint)> {
    journey.touchpoints().map(|t| (&t.id, t))
}

/// [`build_scene`] with the marks given directly (tests, callers without an analysis).
pub fn build_scene_with_marks(
    journey: &Journey,
    layout: &Layout,
    analysis: Option<&Marks>,
    options: &SceneOptions,
) -> Scene {
    let p = options.theme.palette();
    let config = layout.config.unwrap_or_default();
    let m = Metrics::of(&config);
    let mut scene = Scene {
        title: clean_text(journey.title()),
        bounds: layout.bounds,
        background_color: p.background,
        ..Default::default()
    };
    // Rework is the analysis' loops: a handoff that closes a cycle (not any handoff
    // drawn backwards).
    let computed;
    let rework = match analysis {
        Some(m) => &m.rework,
        None => {
            computed = crate::analysis::rework_handoffs(journey);
            &computed
        }
    };

    background(&mut scene.background, journey, layout, &config, &p);
    emotion_curve(&mut scene.background, journey, layout, &p);

    let marks = if options.show_gaps { analysis } else { None };
    // The cards do not depend on the handoffs' drawing: on a big map they are built on
    // a second thread meanwhile (in this thread's language), about a third of the
    // scene's time at 10,000 touchpoints.
    let beside_lang = (layout.cards.len() >= CARDS_BESIDE_FROM).then(crate::i18n::current);
    let (edges, callouts, cards) = std::thread::scope(|s| {
        let beside = beside_lang.as_ref().and_then(|lang| {
            std::thread::Builder::new()
                .name("scene cards".into())
                .spawn_scoped(s, || {
                    crate::i18n::with_lang(lang, || {
                        cards(journey, layout, marks, options, (&p, &m))
                    })
                })
                .ok()
        });
        let (edges, callouts) = edges(journey, layout, rework, marks, (&p, &m));
        // In line when the map is small, or when no thread could be started.
        let cards = match beside {
            Some(t) => t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            None => cards(journey, layout, marks, options, (&p, &m)),
        };
        (edges, callouts, cards)
    });
    scene.edges = edges;
    scene.cards = cards;

    let mut bounds = layout.bounds;
    if options.title {
        let headline = match analysis {
            Some(m) if !m.headline.is_empty() => m.headline.clone(),
            _ => basic_headline(journey),
        };
        let tb = title_block(
            &mut scene.background,
            journey,
            &headline,
            options.date.as_deref(),
            layout.bounds.w,
            &p,
        );
        bounds = bounds.union(&tb);
    }
    for e in &scene.edges {
        bounds = bounds.union(&e.bbox);
    }
    let mut map_bottom = layout.bounds.bottom();
    if let Some(c) = &options.log_check
        && let Some(b) = logcheck::draw(&mut scene, layout, c, &p)
    {
        bounds = bounds.union(&b);
        map_bottom = map_bottom.max(b.bottom());
    }
    if options.legend {
        let mut lb = legend(
            &mut scene.overlay,
            map_bottom + 20.0,
            bounds.w.max(640.0),
            options.show_gaps && analysis.is_some(),
            &p,
        );
        if logcheck::has_measured(journey) {
            lb = lb.union(&logcheck::measured_legend(
                &mut scene.overlay,
                0.0,
                lb.bottom(),
                &p,
            ));
        }
        if let Some(c) = &options.log_check {
            lb = lb.union(&logcheck::legend(
                &mut scene.overlay,
                0.0,
                lb.bottom(),
                c,
                &p,
            ));
        }
        lb = marks::trend_legend(&mut scene.overlay, journey, lb, &p);
        bounds = bounds.union(&lb);
    }
    if !callouts.is_empty() {
        let cb = callout_list(&mut scene.overlay, &callouts, bounds, &p);
        bounds = bounds.union(&cb);
    }
    focus::dim_unfocused(&mut scene, journey, options);
    scene.bounds = Rect::new(
        bounds.x - MARGIN,
        bounds.y - MARGIN,
        bounds.w + 2.0 * MARGIN,
        bounds.h + 2.0 * MARGIN,
    );
    scene
}

/// From this many cards on, the cards are built beside the handoffs, on a second thread.
const CARDS_BESIDE_FROM: usize = 2_000;

/// The drawing of every routed handoff, in key order, and the callouts of the labels
/// that found no room on their line.
fn edges(
    journey: &Journey,
    layout: &Layout,
    rework: &std::collections::BTreeSet<HandoffKey>,
    marks: Option<&Marks>,
    (p, m): (&Palette, &Metrics),
) -> (Vec<EdgeGroup>, Vec<Callout>) {
    // The handoffs come in key order, as the routes, the rework set and the badges
    // are kept: each is walked alongside instead of searched.
    let handoffs = journey.handoffs_with_ends();
    let mut routes = InOrder::new(layout.routes.iter());
    let mut reworks = InOrder::new(rework.iter().map(|k| (k, &())));
    let mut badge_lists = marks.map(|m| InOrder::new(m.handoffs.iter()));
    let mut placed = Placed::default();
    let card_grid = CardGrid::new(layout);
    let mut callouts = Vec::new();
    let mut out = Vec::with_capacity(handoffs.len());
    for &(h, from, to) in &handoffs {
        let Some(points) = routes.seek(h).filter(|p| !p.is_empty()) else {
            continue;
        };
        let points = points.clone();
        let kind = if reworks.seek(h).is_some() {
            EdgeKind::Rework
        } else {
            edge_kind_of(crate::model::HandoffClass::of(
                journey.end_of_touchpoint(from),
                journey.end_of_touchpoint(to),
            ))
        };
        let badges = badge_lists
            .as_mut()
            .and_then(|b| b.seek(h))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let input = EdgeInput {
            h,
            key: h.key(),
            kind,
            points,
            names: (from.name.as_str(), to.name.as_str()),
        };
        out.push(edge_group(
            &card_grid,
            &mut placed,
            &mut callouts,
            input,
            badges,
            p,
            m,
        ));
    }
    (out, callouts)
}

/// The card of every touchpoint `layout` placed, with its badges (`marks`) and note count.
fn cards(
    journey: &Journey,
    layout: &Layout,
    marks: Option<&Marks>,
    options: &SceneOptions,
    (p, m): (&Palette, &Metrics),
) -> Vec<CardGroup> {
    let mut out = Vec::with_capacity(layout.cards.len());
    let note_counts = if options.show_notes {
        note_counts(journey)
    } else {
        BTreeMap::new()
    };
    // The cards, the touchpoints, the badges and the note counts are all kept in id
    // order: walked alongside instead of searched.
    let mut touchpoints = InOrder::new(touchpoints_by_id(journey));
    let mut badge_lists = marks.map(|m| InOrder::new(m.touchpoints.iter()));
    let mut notes_of = InOrder::new(note_counts.iter());
    for (id, r) in &layout.cards {
        let Some(t) = touchpoints.seek_id(id) else {
            continue;
        };
        let badges = badge_lists
            .as_mut()
            .and_then(|b| b.seek_id(id))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let notes = notes_of.seek_id(id).copied().unwrap_or(0);
        out.push(card_group(
            journey,
            t,
            *r,
            badges,
            notes,
            p,
            m,
            large_type(options, t),
        ));
    }
    out
}

/// Rebuild the card of one touchpoint in place (its text, colours, badges) after a change
/// that leaves it where `layout` put it, without rebuilding the rest of the scene. Returns
/// `false` when that cannot be exact (no such card, or a focus dims part of the scene):
/// the caller then rebuilds the whole scene.
pub fn patch_card(
    scene: &mut Scene,
    journey: &Journey,
    layout: &Layout,
    marks: Option<&Marks>,
    options: &SceneOptions,
    id: &TouchpointId,
) -> bool {
    if options.focus_department.is_some() || options.focus_stage.is_some() {
        return false;
    }
    let (Some(t), Some(r)) = (journey.touchpoint(id), layout.cards.get(id)) else {
        return false;
    };
    let Ok(i) = scene.cards.binary_search_by(|c| c.id.cmp(id)) else {
        return false;
    };
    let p = options.theme.palette();
    let m = Metrics::of(&layout.config.unwrap_or_default());
    let badges = marks
        .filter(|_| options.show_gaps)
        .and_then(|m| m.touchpoints.get(id))
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let notes = if options.show_notes {
        journey
            .notes()
            .filter(|n| matches!(&n.anchor, Anchor::Touchpoint(a) if a == id))
            .count()
    } else {
        0
    };
    if let Some(slot) = scene.cards.get_mut(i) {
        *slot = card_group(
            journey,
            t,
            *r,
            badges,
            notes,
            &p,
            &m,
            large_type(options, t),
        );
    }
    true
}

/// Is `t` drawn in large type (a card of the presented stage)?
fn large_type(options: &SceneOptions, t: &Touchpoint) -> bool {
    options.focus_stage.is_some() && t.stage == options.focus_stage
}

fn note_counts(journey: &Journey) -> BTreeMap<TouchpointId, usize> {
    let mut out = BTreeMap::new();
    for n in journey.notes() {
        if let Anchor::Touchpoint(id) = &n.anchor {
            *out.entry(id.clone()).or_insert(0) += 1;
        }
    }
    out
}
