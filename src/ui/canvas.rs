//! The journey canvas: camera (zoom and pan), painting with culling and level of
//! detail, sticky stage headers and lane labels, hit testing through the layout, and
//! the gestures (select, rubber band, move, connect, reconnect, create, rename).
//! Gestures only queue actions; the document changes at the end of the frame.

use super::action::Action;
use super::app::{AppState, Selection};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::layout::{LaneKey, Layout, Rect as WRect};
use crate::model::{DepartmentId, Handoff, HandoffKey, Layer, StageId, TouchpointId};
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2, pos2, vec2};

pub const MIN_ZOOM: f32 = 0.01;
pub const MAX_ZOOM: f32 = 4.0;
/// Below this on-screen card width, cards are drawn as plain blocks (no text).
pub const LOD_CARD_PX: f32 = 36.0;
/// Most cards given an accessibility node per frame.
const MAX_CARD_NODES: usize = 400;

/// Card names are drawn at this size in world points (`scene::card`).
pub const CARD_NAME_SIZE: f32 = 12.0;

/// The card-name size (screen pixels) the first view of a journey aims for on a
/// window `window_px` physical pixels wide: 11 px on a 1600 px screen, 14 px on
/// 1920 px, at most 16 px.
pub fn readable_name_px(window_px: f32) -> f32 {
    (window_px / 136.0).clamp(11.0, 16.0)
}

#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Fit,
    /// The first view of a journey: fit when the card names stay readable, otherwise
    /// fit the width, otherwise the readable zoom from the start of the journey
    /// (the rest scrolls).
    Readable,
    Centre(WRect),
}

/// World -> screen: `screen = rect.min + pan + world * zoom`.
#[derive(Clone, Debug, PartialEq)]
pub struct Camera {
    pub zoom: f32,
    pub pan: Vec2,
    /// The canvas rectangle of the last frame (screen points).
    pub rect: Rect,
    /// Physical pixels per point and the window width in physical pixels (last frame).
    pub pixels_per_point: f32,
    pub window_px: f32,
    /// The native pixels per point (without the "Larger UI" zoom).
    pub native_ppp: f32,
    pending: Option<Pending>,
    /// The view is still the one set up for the journey (nobody zoomed or panned):
    /// when the window changes size (it is maximised), it is set up again.
    auto: bool,
    /// The window's size (points) in the last frame.
    window: Vec2,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            zoom: 1.0,
            pan: Vec2::ZERO,
            rect: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            pixels_per_point: 1.0,
            window_px: 1600.0,
            native_ppp: 1.0,
            pending: Some(Pending::Readable),
            auto: false,
            window: Vec2::ZERO,
        }
    }
}

impl Camera {
    pub fn to_screen(&self, x: f32, y: f32) -> Pos2 {
        self.rect.min + self.pan + vec2(x, y) * self.zoom
    }

    pub fn rect_to_screen(&self, r: &WRect) -> Rect {
        Rect::from_min_size(self.to_screen(r.x, r.y), vec2(r.w, r.h) * self.zoom)
    }

    pub fn to_world(&self, p: Pos2) -> (f32, f32) {
        let v = (p - self.rect.min - self.pan) / self.zoom;
        (v.x, v.y)
    }

    /// The world rectangle under a screen rectangle.
    pub fn rect_to_world(&self, r: Rect) -> WRect {
        let (x, y) = self.to_world(r.min);
        WRect::new(x, y, r.width() / self.zoom, r.height() / self.zoom)
    }

    /// The part of the world that is on screen.
    pub fn view(&self) -> WRect {
        let (x, y) = self.to_world(self.rect.min);
        WRect::new(
            x,
            y,
            self.rect.width() / self.zoom,
            self.rect.height() / self.zoom,
        )
    }

    pub fn request_fit(&mut self) {
        self.pending = Some(Pending::Fit);
    }

    /// The first view of a journey (after open, new, reload): readable card names.
    pub fn request_readable(&mut self) {
        self.pending = Some(Pending::Readable);
    }

    /// When the view is still the one set up for the journey, set it up again on the
    /// next frame (the canvas is changing size).
    pub fn refresh_auto_view(&mut self) {
        if self.auto {
            self.pending = Some(Pending::Readable);
        }
    }

    /// Is a new view still to be set up on the next frame?
    pub fn pending(&self) -> bool {
        self.pending.is_some()
    }

    /// How tall a card name is on screen now, in physical pixels.
    pub fn card_name_px(&self) -> f32 {
        self.zoom * CARD_NAME_SIZE * self.pixels_per_point
    }

    /// The zoom at which card names are [`readable_name_px`] for this window (with
    /// "Larger UI" they grow with the rest of the interface).
    pub fn readable_zoom(&self) -> f32 {
        readable_name_px(self.window_px) / (CARD_NAME_SIZE * self.native_ppp.max(0.1))
    }

    /// Centre on the cards of `ids` (on the next frame, when the canvas size is known).
    pub fn request_centre<'a>(
        &mut self,
        layout: &Layout,
        ids: impl Iterator<Item = &'a TouchpointId>,
    ) {
        let mut bounds: Option<WRect> = None;
        for id in ids {
            if let Some(r) = layout.cards.get(id) {
                bounds = Some(bounds.map_or(*r, |b| b.union(r)));
            }
        }
        if let Some(b) = bounds {
            self.pending = Some(Pending::Centre(b));
        }
    }

    pub fn zoom_around(&mut self, factor: f32, screen: Pos2) {
        self.auto = false;
        let new_zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let (wx, wy) = self.to_world(screen);
        self.zoom = new_zoom;
        // Keep the world point under `screen` fixed.
        self.pan = screen - self.rect.min - vec2(wx, wy) * self.zoom;
    }

    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom_around(factor, self.rect.center());
    }

    pub fn zoom_to(&mut self, zoom: f32) {
        self.zoom_around(zoom / self.zoom, self.rect.center());
    }

    fn fit(&mut self, b: &WRect) {
        let w = b.w.max(1.0);
        let h = b.h.max(1.0);
        let zoom = ((self.rect.width() - 24.0) / w)
            .min((self.rect.height() - 24.0) / h)
            .clamp(MIN_ZOOM, 1.25);
        self.zoom = zoom;
        self.centre_on(b);
    }

    fn centre_on(&mut self, b: &WRect) {
        let (cx, cy) = b.center();
        self.pan = self.rect.size() / 2.0 - vec2(cx, cy) * self.zoom;
    }

    /// See [`Pending::Readable`].
    fn readable(&mut self, b: &WRect) {
        let (w, h) = (b.w.max(1.0), b.h.max(1.0));
        let fit_w = (self.rect.width() - 24.0) / w;
        let fit = fit_w.min((self.rect.height() - 24.0) / h);
        let readable = self.readable_zoom();
        if fit >= readable {
            self.fit(b);
            return;
        }
        self.zoom = fit_w.max(readable).clamp(MIN_ZOOM, MAX_ZOOM);
        // The start of the journey (stage headers and lane labels) at the top left.
        self.pan = vec2(12.0, 12.0) - vec2(b.x, b.y) * self.zoom;
        if fit_w >= readable {
            // The whole width fits: centre it.
            self.pan.x = self.rect.width() / 2.0 - b.center().0 * self.zoom;
        }
    }

    fn resolve_pending(&mut self, layout: &Layout) {
        match self.pending.take() {
            Some(Pending::Fit) => {
                self.fit(&layout.bounds);
                self.auto = false;
            }
            Some(Pending::Readable) => {
                self.readable(&layout.bounds);
                self.auto = true;
            }
            Some(Pending::Centre(b)) => {
                let view = self.view();
                if b.w > view.w * 0.9 || b.h > view.h * 0.9 {
                    // Too big for this zoom: zoom out to show it all with room around.
                    let padded = WRect::new(b.x - 40.0, b.y - 40.0, b.w + 80.0, b.h + 80.0);
                    self.fit(&padded);
                } else {
                    self.centre_on(&b);
                }
            }
            None => {}
        }
    }
}

/// What the pointer is doing on the canvas.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Drag {
    #[default]
    None,
    Pan,
    /// Rubber band from this world point.
    Band {
        from: (f32, f32),
        add: bool,
    },
    /// Moving the selected cards; `grab` is the card under the pointer at the start.
    Move {
        grab: TouchpointId,
        from: (f32, f32),
    },
    /// Dragging a new handoff out of a card's handle.
    Connect {
        from: TouchpointId,
    },
    /// Dragging one end of a handoff to another card.
    Reconnect {
        key: HandoffKey,
        from_end: bool,
    },
}

/// The text field on a card: renaming one, or naming a new one.
#[derive(Clone, Debug, PartialEq)]
pub struct Inline {
    pub target: InlineTarget,
    pub text: String,
    /// Ask for keyboard focus (until the field has it).
    pub focus: bool,
    /// The field has had focus: losing it now confirms.
    pub had_focus: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InlineTarget {
    Rename(TouchpointId),
    Create {
        stage: Option<StageId>,
        owner: Option<DepartmentId>,
        layer: Option<Layer>,
        after: Option<TouchpointId>,
    },
}

impl Inline {
    pub fn rename(id: TouchpointId, name: String) -> Self {
        Inline {
            target: InlineTarget::Rename(id),
            text: name,
            focus: true,
            had_focus: false,
        }
    }

    pub fn create(
        stage: Option<StageId>,
        owner: Option<DepartmentId>,
        layer: Option<Layer>,
        after: Option<TouchpointId>,
    ) -> Self {
        Inline {
            target: InlineTarget::Create {
                stage,
                owner,
                layer,
                after,
            },
            text: String::new(),
            focus: true,
            had_focus: false,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct CanvasState {
    pub drag: Drag,
    pub inline: Option<Inline>,
    /// How many card accessibility nodes the last frame registered.
    pub card_nodes: usize,
    /// How many cards the last frame painted (culling check).
    pub painted_cards: usize,
    /// Handoff label items painted in the last frame (queue time, failure rate, DROP).
    pub painted_labels: usize,
    /// Handoff label texts painted in the last frame, and the smallest of them in screen
    /// points (0 when none): labels stay readable at every zoom that shows their text.
    pub painted_label_texts: usize,
    pub label_min_px: f32,
    /// Handoffs whose whole route the last frame highlighted (hovered, selected).
    pub highlighted: Vec<HandoffKey>,
    /// Where the minimap was drawn in the last frame (it covers no card).
    pub minimap: Option<Rect>,
    /// Cards the last frame drew as shapes without text (zoomed far out).
    pub block_cards: usize,
    /// The lane and stage labels the last frame painted, with their lines.
    pub header_labels: Vec<super::map_labels::PaintedLabel>,
    /// The handoff under the pointer (its route is highlighted, a tooltip explains it).
    pub hovered_handoff: Option<HandoffKey>,
}

/// Colours of the canvas for the current theme.
pub struct Palette {
    pub bg: Color32,
    pub grid: Color32,
    pub header_bg: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub card_bg: Color32,
    pub card_border: Color32,
    pub select: Color32,
    pub edge: Color32,
    pub cross_edge: Color32,
}

impl Palette {
    pub fn of(ui: &egui::Ui) -> Palette {
        if ui.visuals().dark_mode {
            Palette {
                bg: Color32::from_rgb(26, 28, 32),
                grid: Color32::from_rgb(52, 56, 62),
                header_bg: Color32::from_rgb(40, 43, 49),
                text: Color32::from_gray(240),
                weak_text: Color32::from_gray(175),
                card_bg: Color32::from_rgb(48, 51, 58),
                card_border: Color32::from_rgb(88, 92, 100),
                select: Color32::from_rgb(90, 170, 255),
                edge: Color32::from_gray(160),
                cross_edge: Color32::from_rgb(240, 140, 60),
            }
        } else {
            Palette {
                bg: Color32::from_rgb(250, 250, 251),
                grid: Color32::from_rgb(218, 221, 226),
                header_bg: Color32::from_rgb(236, 238, 242),
                text: Color32::from_gray(15),
                weak_text: Color32::from_gray(80),
                card_bg: Color32::WHITE,
                card_border: Color32::from_rgb(170, 174, 182),
                select: Color32::from_rgb(20, 110, 230),
                edge: Color32::from_gray(110),
                cross_edge: Color32::from_rgb(214, 96, 20),
            }
        }
    }
}

pub fn rgb(c: crate::model::Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// Draw the canvas and handle its gestures.
pub fn show(ui: &mut egui::Ui, state: &mut AppState) {
    let rect = ui.available_rect_before_wrap();
    let pal = Palette::of(ui);
    // Panels stepping aside or coming back move the canvas: the map stays where it
    // is on the screen.
    let moved = rect.min - state.camera.rect.min;
    if moved != Vec2::ZERO && state.camera.rect.width() > 0.0 {
        state.camera.pan -= moved;
    }
    state.camera.rect = rect;
    let ctx = ui.ctx();
    let window = ctx.content_rect().size();
    if state.camera.auto && window != state.camera.window {
        // The window was resized (maximised at the start): set the view up again.
        state.camera.request_readable();
    }
    state.camera.window = window;
    state.camera.pixels_per_point = ctx.pixels_per_point();
    state.camera.native_ppp = ctx.pixels_per_point() / ctx.zoom_factor().max(0.1);
    state.camera.window_px = ctx.content_rect().width() * ctx.pixels_per_point();
    // A big journey's layout arrives from the background: place the view once the layout
    // of this document is there, never on the previous one's (or on none).
    if state.derived.layout_of(&state.doc) {
        state.camera.resolve_pending(&state.derived.layout);
    }

    // Accessibility nodes for cards (found by name in tests and by screen readers).
    // Registered before the canvas so the canvas, on top, receives the pointer.
    register_cards(ui, state);
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr("canvas-name")));

    handle_zoom(ui, state, &response);
    handle_pointer(ui, state, &response);

    let painter = ui.painter_at(rect);
    painter.rect_filled(
        rect,
        0.0,
        super::scene_paint::color(state.derived.scene.background_color),
    );
    paint_world(&painter, state, &pal);
    super::warroom::paint_overlay(&painter, state, &pal);
    paint_drag_feedback(&painter, ui, state, &pal);
    state.canvas.header_labels = paint_sticky_headers(&painter, state, &pal);
    if state.view.minimap && !state.warroom.present.active {
        minimap(ui, state, &pal);
    }
    if state.view.map_only && !state.warroom.present.active {
        map_only_button(ui, state);
    }
    inline_editor(ui, state);
    super::notes::map_editor(ui, state);
    if state.journey().touchpoint_count() == 0 && state.canvas.inline.is_none() {
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            tr("canvas-empty-hint"),
            FontId::proportional(18.0),
            pal.weak_text,
        );
    }
}

/// In map-only mode, the way back: a small button in the top right corner.
fn map_only_button(ui: &mut egui::Ui, state: &mut AppState) {
    let r = Rect::from_min_size(
        state.camera.rect.right_top() + vec2(-150.0, 8.0),
        vec2(142.0, 26.0),
    );
    if ui
        .put(r, egui::Button::new(crate::i18n::tr("canvas-show-panels")))
        .on_hover_text(crate::i18n::tr("canvas-show-panels-tip"))
        .clicked()
    {
        state.queue_command(super::action::Command::MapOnly);
    }
}

fn register_cards(ui: &mut egui::Ui, state: &mut AppState) {
    let cam = &state.camera;
    let mut n = 0;
    if cam.zoom * 200.0 >= 30.0 {
        let j = state.doc.journey();
        for (id, r) in state.derived.layout.visible_cards(&cam.view()) {
            if n >= MAX_CARD_NODES {
                break;
            }
            let Some(t) = j.touchpoint(id) else { continue };
            let screen = cam.rect_to_screen(r).intersect(cam.rect);
            let resp = ui.interact(
                screen,
                egui::Id::unique(("tp-card", id.as_str())),
                Sense::hover(),
            );
            let selected = state.selection.touchpoints.contains(id);
            let name = t.name.clone();
            resp.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
            });
            n += 1;
        }
    }
    state.canvas.card_nodes = n;
}

fn handle_zoom(ui: &egui::Ui, state: &mut AppState, response: &egui::Response) {
    let Some(hover) = response.hover_pos() else {
        return;
    };
    let (scroll, pinch, shift) =
        ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.modifiers.shift));
    if shift {
        state.camera.pan += scroll;
        state.camera.auto = false;
    } else if scroll.y != 0.0 {
        state.camera.zoom_around((scroll.y * 0.0025).exp(), hover);
    }
    if pinch != 1.0 {
        state.camera.zoom_around(pinch, hover);
    }
}

/// Squared distance from `p` to the segment `a`-`b`.
pub fn dist_sq_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a + ab * t - p).length_sq()
}

/// The world-space polyline of each handoff: from the right of its source card to the
/// left of its target (loops go out above and come back).
pub fn edge_points(layout: &Layout, h: &Handoff) -> Option<Vec<(f32, f32)>> {
    let a = layout.cards.get(&h.from)?;
    let b = layout.cards.get(&h.to)?;
    let (ay, by) = (a.y + a.h / 2.0, b.y + b.h / 2.0);
    if b.x > a.right() {
        Some(vec![(a.right(), ay), (b.x, by)])
    } else {
        // A step back (a rework loop) or a step in the same column: go over the top.
        let top = a.y.min(b.y) - 12.0;
        Some(vec![
            (a.x + a.w * 0.7, a.y),
            (a.x + a.w * 0.7, top),
            (b.x + b.w * 0.3, top),
            (b.x + b.w * 0.3, b.y),
        ])
    }
}

fn handoff_at(state: &AppState, p: Pos2) -> Option<HandoffKey> {
    super::scene_paint::edge_at(&state.derived.scene, &state.camera, p, 6.0)
}

/// The connect handle of a card (right edge, middle), in screen points.
fn handle_pos(cam: &Camera, r: &WRect) -> Pos2 {
    cam.to_screen(r.right(), r.y + r.h / 2.0)
}

fn handle_pointer(ui: &egui::Ui, state: &mut AppState, response: &egui::Response) {
    let (press, latest, mods, middle) = ui.input(|i| {
        (
            i.pointer.press_origin(),
            i.pointer.latest_pos(),
            i.modifiers,
            i.pointer.middle_down(),
        )
    });
    let layout = &state.derived.layout;
    let cam = &state.camera;

    if response.drag_started() {
        let origin = press.or(latest).unwrap_or(cam.rect.center());
        let (wx, wy) = cam.to_world(origin);
        let card = layout.card_at(wx, wy).cloned();
        let near_handle = |id: &TouchpointId| {
            layout
                .cards
                .get(id)
                .is_some_and(|r| handle_pos(cam, r).distance(origin) <= 10.0)
        };
        let end_hit = state.selection.handoff.as_ref().and_then(|k| {
            let (first, last) = super::scene_paint::edge_ends(&state.derived.scene, k)?;
            if cam.to_screen(first.0, first.1).distance(origin) <= 10.0 {
                Some((k.clone(), true))
            } else if cam.to_screen(last.0, last.1).distance(origin) <= 10.0 {
                Some((k.clone(), false))
            } else {
                None
            }
        });
        // A handle sits on the card's right edge: check it before the card itself.
        let handle_card = layout
            .visible_cards(&WRect::new(
                wx - 20.0 / cam.zoom,
                wy - 2.0,
                40.0 / cam.zoom,
                4.0,
            ))
            .into_iter()
            .map(|(id, _)| id.clone())
            .find(|id| near_handle(id) && cam.zoom * 200.0 >= 60.0);
        state.canvas.drag = if middle {
            Drag::Pan
        } else if let Some(from) = handle_card {
            // A card's connect handle wins over the end of the selected handoff that
            // may sit on it: pressing a handle always starts a new handoff.
            Drag::Connect { from }
        } else if let Some((key, from_end)) = end_hit {
            Drag::Reconnect { key, from_end }
        } else if let Some(id) = card {
            if !state.selection.touchpoints.contains(&id) {
                state.selection = Selection {
                    touchpoints: [id.clone()].into_iter().collect(),
                    handoff: None,
                };
            }
            Drag::Move {
                grab: id,
                from: (wx, wy),
            }
        } else if mods.shift || mods.command {
            Drag::Band {
                from: (wx, wy),
                add: true,
            }
        } else {
            Drag::Pan
        };
    }

    if response.dragged() && state.canvas.drag == Drag::Pan {
        state.camera.pan += response.drag_delta();
        state.camera.auto = false;
    }

    if response.drag_stopped() {
        let drag = std::mem::take(&mut state.canvas.drag);
        let end = latest.unwrap_or(state.camera.rect.center());
        finish_drag(state, drag, end);
        return;
    }

    if response.clicked() {
        let p = response
            .interact_pointer_pos()
            .or(latest)
            .unwrap_or_default();
        let (wx, wy) = state.camera.to_world(p);
        let card = state.derived.layout.card_at(wx, wy).cloned();
        let toggle = mods.shift || mods.command;
        match card {
            Some(id) => {
                if toggle {
                    state.selection.handoff = None;
                    if !state.selection.touchpoints.remove(&id) {
                        state.selection.touchpoints.insert(id);
                    }
                } else {
                    state.queue(Action::SelectTouchpoints(vec![id]));
                }
            }
            None => match handoff_at(state, p) {
                Some(k) => state.queue(Action::SelectHandoff(k)),
                None => {
                    if !toggle {
                        state.queue(Action::SelectTouchpoints(Vec::new()));
                    }
                }
            },
        }
    }

    if response.double_clicked() {
        let p = response
            .interact_pointer_pos()
            .or(latest)
            .unwrap_or_default();
        let (wx, wy) = state.camera.to_world(p);
        let layout = &state.derived.layout;
        if let Some(id) = layout.card_at(wx, wy) {
            state.queue(Action::BeginRename(id.clone()));
        } else if let Some(cell) = layout.cell_at(wx, wy) {
            let (stage, lane) = layout.cell_target(cell);
            let (owner, layer) = match lane {
                Some(LaneKey::Department(d)) => (Some(d), None),
                Some(LaneKey::Layer(l)) => (None, Some(l)),
                _ => (None, None),
            };
            state.queue(Action::BeginCreate {
                stage,
                owner,
                layer,
                after: None,
            });
        }
    }
}

fn finish_drag(state: &mut AppState, drag: Drag, end: Pos2) {
    let (wx, wy) = state.camera.to_world(end);
    let layout = &state.derived.layout;
    match drag {
        Drag::None | Drag::Pan => {}
        Drag::Band { from, add } => {
            let r = WRect::new(
                from.0.min(wx),
                from.1.min(wy),
                (from.0 - wx).abs(),
                (from.1 - wy).abs(),
            );
            let ids: Vec<TouchpointId> = layout
                .visible_cards(&r)
                .into_iter()
                .map(|(id, _)| id.clone())
                .collect();
            if add {
                state.selection.handoff = None;
                state.selection.touchpoints.extend(ids);
            } else {
                state.queue(Action::SelectTouchpoints(ids));
            }
        }
        Drag::Move { grab, from } => {
            let (Some(&(gc, gl)), Some(target)) =
                (layout.cell_of.get(&grab), layout.cell_at(wx, wy))
            else {
                return;
            };
            let moved = (wx - from.0).abs() + (wy - from.1).abs() > 4.0;
            if !moved {
                return;
            }
            if target == (gc, gl) {
                if let Some(edit) = reorder_edit(state, &grab, target, wx, wy) {
                    state.queue(Action::Edit {
                        label: tr("undo-reorder-touchpoint"),
                        edit,
                        merge: None,
                    });
                }
                return;
            }
            let ids: Vec<TouchpointId> = state.selection.touchpoints.iter().cloned().collect();
            let dx = target.0 as i32 - gc as i32;
            let dy = target.1 as i32 - gl as i32;
            if ids.len() <= 1
                && let Some(edit) = drop_edit(state, &grab, (dx, dy), target, wx, wy)
            {
                // One card: it goes to the slot it was dropped on, and the cards
                // already in that cell stay where they are.
                state.queue(Action::Edit {
                    label: "Move 1 touchpoint(s)".into(),
                    edit,
                    merge: None,
                });
                return;
            }
            if let Some(edit) = state.move_edit(&ids, dx, dy) {
                let n = ids.len();
                state.queue(Action::Edit {
                    label: crate::tr!("undo-move-n", count = n),
                    edit,
                    merge: None,
                });
            }
        }
        Drag::Connect { from } => {
            if let Some(to) = layout.card_at(wx, wy).cloned()
                && to != from
            {
                let h = Handoff {
                    from,
                    to,
                    ..Default::default()
                };
                if state.doc.journey().handoff(&h.key()).is_none() {
                    let key = h.key();
                    state.queue(Action::Edit {
                        label: tr("undo-add-handoff"),
                        edit: Edit::AddHandoff(h),
                        merge: None,
                    });
                    state.queue(Action::SelectHandoff(key));
                }
            }
        }
        Drag::Reconnect { key, from_end } => {
            let Some(card) = layout.card_at(wx, wy).cloned() else {
                return;
            };
            let j = state.doc.journey();
            let Some(old) = j.handoff(&key) else { return };
            let mut new = old.clone();
            if from_end {
                new.from = card;
            } else {
                new.to = card;
            }
            if new.from == new.to || j.handoff(&new.key()).is_some() {
                return;
            }
            let nk = new.key();
            let edit = Edit::Batch(vec![Edit::remove_handoff(j, &key), Edit::AddHandoff(new)]);
            state.queue(Action::Edit {
                label: tr("undo-reconnect-handoff"),
                edit,
                merge: None,
            });
            state.queue(Action::SelectHandoff(nk));
        }
    }
}

/// The slot (row-major index) of a cell under a world point.
fn slot_at(
    layout: &Layout,
    col: &crate::layout::Column,
    lane: &crate::layout::Lane,
    wx: f32,
    wy: f32,
) -> usize {
    let c = layout.config.unwrap_or_default();
    let q = (((wx - col.x - c.gap / 2.0) / (c.card_w + c.gap))
        .floor()
        .max(0.0) as usize)
        .min(col.per_row.saturating_sub(1));
    let r = ((wy - lane.y - c.gap / 2.0) / (c.card_h + c.gap))
        .floor()
        .max(0.0) as usize;
    r * col.per_row + q
}

/// Dropping one card in another cell: it takes the slot under the pointer (an empty
/// slot: the first free one) and the cards already there keep their places, their
/// display order written down so the journey order cannot reshuffle them.
fn drop_edit(
    state: &AppState,
    grab: &TouchpointId,
    (dx, dy): (i32, i32),
    target: (usize, usize),
    wx: f32,
    wy: f32,
) -> Option<Edit> {
    let layout = &state.derived.layout;
    let j = state.doc.journey();
    let Some(Edit::Batch(mut moved)) = state.move_edit(std::slice::from_ref(grab), dx, dy) else {
        return None;
    };
    let col = layout.columns.get(target.0)?;
    let lane = layout.lanes.get(target.1)?;
    let list = layout.cells.get(&target).cloned().unwrap_or_default();
    let slot = slot_at(layout, col, lane, wx, wy).min(list.len());
    let mut order = list;
    order.retain(|id| id != grab);
    order.insert(slot.min(order.len()), grab.clone());
    let mut edits = Vec::new();
    for (i, id) in order.iter().enumerate() {
        let o = i32::try_from(i).ok()?;
        if id == grab {
            for e in &mut moved {
                if let Edit::UpdateTouchpoint(t) = e
                    && &t.id == grab
                {
                    t.order = Some(o);
                }
            }
        } else if let Some(t) = j.touchpoint(id)
            && t.order != Some(o)
        {
            let mut t = t.clone();
            t.order = Some(o);
            edits.push(Edit::UpdateTouchpoint(Box::new(t)));
        }
    }
    moved.extend(edits);
    Some(Edit::Batch(moved))
}

/// Dropping a card inside its own cell: put it at the slot under the pointer and
/// number the cell's cards in that order.
fn reorder_edit(
    state: &AppState,
    grab: &TouchpointId,
    cell: (usize, usize),
    wx: f32,
    wy: f32,
) -> Option<Edit> {
    let layout = &state.derived.layout;
    let list = layout.cells.get(&cell)?;
    let col = layout.columns.get(cell.0)?;
    let lane = layout.lanes.get(cell.1)?;
    let slot = slot_at(layout, col, lane, wx, wy).min(list.len().saturating_sub(1));
    let mut order: Vec<TouchpointId> = list.iter().filter(|id| *id != grab).cloned().collect();
    order.insert(slot.min(order.len()), grab.clone());
    if &order == list {
        return None;
    }
    let j = state.doc.journey();
    let edits: Vec<Edit> = order
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let t = j.touchpoint(id)?;
            let o = i32::try_from(i).ok()?;
            (t.order != Some(o)).then(|| {
                let mut t = t.clone();
                t.order = Some(o);
                Edit::UpdateTouchpoint(Box::new(t))
            })
        })
        .collect();
    Some(Edit::Batch(edits))
}

/// Paint the scene (the display list the exports share) and the selection on top.
fn paint_world(painter: &egui::Painter, state: &mut AppState, pal: &Palette) {
    let cam = &state.camera;
    let layout = &state.derived.layout;
    let scene = &state.derived.scene;
    let stats = super::scene_paint::paint_scene(painter, cam, scene);
    state.canvas.painted_cards = stats.cards;
    state.canvas.painted_labels = stats.labels;
    state.canvas.painted_label_texts = stats.label_texts;
    state.canvas.block_cards = stats.block_cards;
    state.canvas.label_min_px = stats.label_min_px;
    let z = cam.zoom;

    // Selection: an outline around selected cards, the selected handoff's line and ends.
    let view = cam.view();
    for id in state.selection.touchpoints.iter().take(5000) {
        if let Some(r) = layout.cards.get(id)
            && r.intersects(&view)
        {
            let sr = cam.rect_to_screen(r);
            painter.rect_stroke(
                sr.expand(2.0),
                (6.0 * z).clamp(1.0, 8.0),
                Stroke::new(3.0, pal.select),
                StrokeKind::Outside,
            );
        }
    }
    // The selected and the hovered handoff: the whole route, and a tooltip.
    let dragging = state.canvas.drag != Drag::None;
    super::handoff_hover::paint(painter, state, pal.select, dragging);
    let cam = &state.camera;
    let layout = &state.derived.layout;
    let z = cam.zoom;

    // Connect handles on the hovered or selected single card.
    if z * 200.0 >= 60.0 {
        let hover = painter.ctx().input(|i| i.pointer.hover_pos());
        let show_handle = |id: &TouchpointId| {
            if let Some(r) = layout.cards.get(id) {
                let p = handle_pos(cam, r);
                painter.circle(p, 6.0, pal.card_bg, Stroke::new(2.0, pal.select));
            }
        };
        if let Some(h) = hover
            && cam.rect.contains(h)
        {
            let (wx, wy) = cam.to_world(h);
            if let Some(id) = layout.card_at(wx, wy) {
                show_handle(id);
            }
        }
        if let Some(id) = state.selection.single() {
            show_handle(id);
        }
    }
}

/// Red / amber / green for a 0-10 mean score.
pub fn score_color(mean: f64) -> Color32 {
    if mean < 5.0 {
        Color32::from_rgb(200, 40, 40)
    } else if mean < 7.0 {
        Color32::from_rgb(220, 150, 20)
    } else {
        Color32::from_rgb(40, 150, 60)
    }
}

fn paint_drag_feedback(painter: &egui::Painter, ui: &egui::Ui, state: &AppState, pal: &Palette) {
    let Some(p) = ui.input(|i| i.pointer.latest_pos()) else {
        return;
    };
    let cam = &state.camera;
    let layout = &state.derived.layout;
    let (wx, wy) = cam.to_world(p);
    match &state.canvas.drag {
        Drag::Band { from, .. } => {
            let a = cam.to_screen(from.0, from.1);
            let r = Rect::from_two_pos(a, p);
            painter.rect_filled(r, 0.0, pal.select.gamma_multiply(0.12));
            painter.rect_stroke(r, 0.0, Stroke::new(1.0, pal.select), StrokeKind::Inside);
        }
        Drag::Move { grab, from } => {
            // Drop preview: the target cell and ghosts of the dragged cards.
            if let Some(cell) = layout.cell_at(wx, wy)
                && let (Some(col), Some(lane)) =
                    (layout.columns.get(cell.0), layout.lanes.get(cell.1))
            {
                let r = cam.rect_to_screen(&WRect::new(col.x, lane.y, col.w, lane.h));
                painter.rect_stroke(r, 4.0, Stroke::new(2.5, pal.select), StrokeKind::Inside);
            }
            let d = vec2(wx - from.0, wy - from.1) * cam.zoom;
            for id in state
                .selection
                .touchpoints
                .iter()
                .chain(std::iter::once(grab))
                .take(200)
            {
                if let Some(r) = layout.cards.get(id) {
                    let sr = cam.rect_to_screen(r).translate(d);
                    painter.rect_filled(sr, 6.0, pal.select.gamma_multiply(0.25));
                }
            }
        }
        Drag::Connect { from } => {
            if let Some(r) = layout.cards.get(from) {
                painter.line_segment([handle_pos(cam, r), p], Stroke::new(2.5, pal.select));
                painter.circle_filled(p, 5.0, pal.select);
            }
        }
        Drag::Reconnect { .. } => {
            painter.circle_filled(p, 6.0, pal.select);
        }
        Drag::None | Drag::Pan => {}
    }
}

/// Stage headers stick to the top and lane labels to the left while panning.
fn paint_sticky_headers(
    painter: &egui::Painter,
    state: &AppState,
    pal: &Palette,
) -> Vec<super::map_labels::PaintedLabel> {
    use super::map_labels::{PaintedLabel, fit_words, rows};
    let mut painted = Vec::new();
    let cam = &state.camera;
    let layout = &state.derived.layout;
    let Some(c) = layout.config else {
        return painted;
    };
    let z = cam.zoom;
    let rect = cam.rect;
    let head_h = (c.header_h * z).max(26.0);
    let head_y = cam.to_screen(0.0, 0.0).y.max(rect.top());
    let label_w = (c.label_w * z).clamp(64.0, c.label_w);
    let label_x = cam.to_screen(0.0, 0.0).x.max(rect.left());
    let font = FontId::proportional((15.0 * z).clamp(11.0, 17.0));

    // Lane labels.
    let band = Rect::from_min_max(
        pos2(label_x, rect.top()),
        pos2(label_x + label_w, rect.bottom()),
    );
    painter.rect_filled(band, 0.0, pal.header_bg);
    // Zoomed in, the map's own label column (the exports' lane labels, left of the
    // grid) is wider than the band: cover the rest of it so no cut label peeks out.
    let world_right = cam.to_screen(c.label_w, 0.0).x.min(rect.right());
    if world_right > band.right() {
        painter.rect_filled(
            Rect::from_min_max(
                pos2(band.right(), rect.top()),
                pos2(world_right, rect.bottom()),
            ),
            0.0,
            pal.bg,
        );
    }
    for lane in &layout.lanes {
        let top = cam.to_screen(0.0, lane.y).y;
        let bottom = cam.to_screen(0.0, lane.y + lane.h).y;
        if bottom < rect.top() || top > rect.bottom() {
            continue;
        }
        let r = Rect::from_min_max(pos2(label_x, top), pos2(label_x + label_w, bottom));
        painter.rect_filled(
            Rect::from_min_size(r.min, vec2(5.0, r.height())),
            0.0,
            rgb(lane.color),
        );
        painter.line_segment(
            [r.left_bottom(), r.right_bottom()],
            Stroke::new(1.0, pal.grid),
        );
        let clip_rect = r.shrink(2.0).intersect(rect);
        let clip = painter.with_clip_rect(clip_rect);
        // Wrapped at words, fitted to the lane's visible height (no overlap with the
        // next lane's label).
        let visible = Rect::from_min_max(
            pos2(r.left(), r.top().max(head_y + head_h)),
            pos2(r.right(), r.bottom().min(rect.bottom())),
        );
        if visible.height() < 12.0 {
            continue;
        }
        // Departments by their own names; the lanes the app names, in the language.
        let name = match &lane.key {
            crate::layout::LaneKey::Department(_) => lane.name.clone(),
            crate::layout::LaneKey::Unowned => tr("map-lane-unowned"),
            crate::layout::LaneKey::Layer(l) => l.name(),
        };
        let galley = fit_words(
            painter.ctx(),
            &name,
            label_w - 16.0,
            visible.height() - 8.0,
            font.size,
            9.0,
            pal.text,
        );
        let y = (r.top() + 8.0)
            .max(head_y + head_h + 4.0)
            .min(r.bottom() - galley.size().y - 4.0);
        let at = pos2(label_x + 11.0, y);
        painted.push(PaintedLabel {
            text: name,
            rect: Rect::from_min_size(at, galley.size()).intersect(clip_rect),
            rows: rows(&galley),
        });
        clip.galley(at, galley, pal.text);
    }
    painter.line_segment(
        [band.right_top(), band.right_bottom()],
        Stroke::new(1.0, pal.grid),
    );

    // Stage headers.
    let head = Rect::from_min_max(
        pos2(rect.left(), head_y),
        pos2(rect.right(), head_y + head_h),
    );
    painter.rect_filled(head, 0.0, pal.header_bg);
    for col in &layout.columns {
        let left = cam.to_screen(col.x, 0.0).x;
        let right = cam.to_screen(col.x + col.w, 0.0).x;
        if right < label_x + label_w || left > rect.right() {
            continue;
        }
        let r = Rect::from_min_max(
            pos2(left.max(label_x + label_w), head_y),
            pos2(right, head_y + head_h),
        );
        let clip_rect = r.shrink(2.0).intersect(rect);
        let clip = painter.with_clip_rect(clip_rect);
        let count = layout
            .cells
            .iter()
            .filter(|((ci, _), _)| layout.columns.get(*ci).is_some_and(|c2| c2.x == col.x))
            .map(|(_, v)| v.len())
            .sum::<usize>();
        // The visible part of the column, wrapped at words to the header's height.
        let text = format!("{}  ·  {count}", col.name);
        let galley = fit_words(
            painter.ctx(),
            &text,
            (right.min(rect.right()) - r.left() - 16.0).max(24.0),
            head_h - 4.0,
            font.size,
            9.0,
            pal.text,
        );
        let at = pos2(r.left() + 10.0, r.center().y - galley.size().y / 2.0);
        painted.push(PaintedLabel {
            text,
            rect: Rect::from_min_size(at, galley.size()).intersect(clip_rect),
            rows: rows(&galley),
        });
        clip.galley(at, galley, pal.text);
        painter.line_segment(
            [pos2(right, head_y), pos2(right, head_y + head_h)],
            Stroke::new(1.0, pal.grid),
        );
    }
    painter.line_segment(
        [head.left_bottom(), head.right_bottom()],
        Stroke::new(1.0, pal.grid),
    );
    // The corner.
    let corner = Rect::from_min_max(
        pos2(label_x, head_y),
        pos2(label_x + label_w, head_y + head_h),
    );
    painter.rect_filled(corner, 0.0, pal.header_bg);
    let lanes_title = match state.view.lane_mode {
        crate::layout::LaneMode::Departments => tr("lanes-departments"),
        crate::layout::LaneMode::Layers => tr("lanes-layers"),
    };
    painter.with_clip_rect(corner.intersect(rect)).text(
        corner.left_center() + vec2(10.0, 0.0),
        Align2::LEFT_CENTER,
        lanes_title,
        FontId::proportional(12.0),
        pal.weak_text,
    );
    painted
}

/// A small overview in the corner with the visible part outlined; click or drag to go there.
fn minimap(ui: &mut egui::Ui, state: &mut AppState, pal: &Palette) {
    let layout = &state.derived.layout;
    let b = layout.bounds;
    let view = state.camera.view();
    // Only for journeys bigger than the window.
    if b.w <= view.w && b.h <= view.h || b.w <= 0.0 || b.h <= 0.0 {
        state.canvas.minimap = None;
        return;
    }
    // A corner of the map where it covers no card (smaller if need be); none: no
    // minimap this frame.
    let cam = &state.camera;
    let c = layout.config.unwrap_or_default();
    let band = (c.label_w * cam.zoom).clamp(64.0, c.label_w);
    let head = (c.header_h * cam.zoom).max(26.0);
    let origin = cam.to_screen(0.0, 0.0);
    let area = Rect::from_min_max(
        pos2(
            origin.x.max(cam.rect.left()) + band,
            origin.y.max(cam.rect.top()) + head,
        ),
        cam.rect.max,
    );
    let covers_card = |r: &Rect| {
        let (x0, y0) = cam.to_world(r.min);
        let (x1, y1) = cam.to_world(r.max);
        !layout
            .visible_cards(&WRect::new(x0, y0, x1 - x0, y1 - y0))
            .into_iter()
            .all(|(_, card)| !cam.rect_to_screen(card).intersects(r.expand(4.0)))
    };
    let mut found = None;
    'sizes: for max in [vec2(220.0, 140.0), vec2(150.0, 96.0)] {
        let s = (max.x / b.w).min(max.y / b.h);
        let size = vec2(b.w * s, b.h * s);
        let m = vec2(14.0, 14.0);
        for r in [
            Rect::from_min_size(area.right_bottom() - size - m, size),
            Rect::from_min_size(pos2(area.left() + m.x, area.bottom() - size.y - m.y), size),
            Rect::from_min_size(pos2(area.right() - size.x - m.x, area.top() + m.y), size),
        ] {
            if area.contains_rect(r) && !covers_card(&r) {
                found = Some((r, s));
                break 'sizes;
            }
        }
    }
    state.canvas.minimap = found.map(|(r, _)| r);
    let Some((rect, s)) = found else {
        return;
    };
    let resp = ui.interact(rect, egui::Id::unique("minimap"), Sense::click_and_drag());
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, tr("cmd-toggle-minimap"))
    });
    let painter = ui.painter_at(rect.expand(2.0));
    painter.rect_filled(rect, 3.0, pal.header_bg.gamma_multiply(0.95));
    let to_mini = |x: f32, y: f32| rect.min + vec2((x - b.x) * s, (y - b.y) * s);
    for ((ci, li), list) in &layout.cells {
        let (Some(col), Some(lane)) = (layout.columns.get(*ci), layout.lanes.get(*li)) else {
            continue;
        };
        let a = to_mini(col.x, lane.y);
        let c = to_mini(col.x + col.w, lane.y + lane.h);
        let fill = (list.len() as f32 / (col.per_row.max(1) * 2) as f32).clamp(0.2, 1.0);
        painter.rect_filled(
            Rect::from_min_max(a, c).shrink(0.5),
            0.0,
            rgb(lane.color).gamma_multiply(fill),
        );
    }
    let v = Rect::from_min_max(
        to_mini(view.x, view.y),
        to_mini(view.right(), view.bottom()),
    )
    .intersect(rect);
    painter.rect_stroke(v, 0.0, Stroke::new(2.0, pal.select), StrokeKind::Inside);
    painter.rect_stroke(rect, 3.0, Stroke::new(1.0, pal.grid), StrokeKind::Outside);
    if (resp.clicked() || resp.dragged())
        && let Some(p) = resp.interact_pointer_pos()
    {
        let wx = b.x + (p.x - rect.min.x) / s;
        let wy = b.y + (p.y - rect.min.y) / s;
        let cam = &mut state.camera;
        cam.pan = cam.rect.size() / 2.0 - vec2(wx, wy) * cam.zoom;
        cam.auto = false;
    }
}

/// Where the inline editor sits: the card being renamed, or the next free slot of the
/// target cell.
fn inline_rect(state: &AppState, inline: &Inline) -> Option<Rect> {
    let layout = &state.derived.layout;
    let cam = &state.camera;
    match &inline.target {
        InlineTarget::Rename(id) => layout.cards.get(id).map(|r| cam.rect_to_screen(r)),
        InlineTarget::Create {
            stage,
            owner,
            layer,
            ..
        } => {
            let c = layout.config.unwrap_or_default();
            let ci = layout
                .columns
                .iter()
                .position(|col| col.stage.as_ref() == stage.as_ref())?;
            let li = layout.lanes.iter().position(|l| match &l.key {
                LaneKey::Layer(x) => Some(x) == layer.as_ref(),
                LaneKey::Department(d) => Some(d) == owner.as_ref(),
                LaneKey::Unowned => owner.is_none(),
            })?;
            let col = layout.columns.get(ci)?;
            let lane = layout.lanes.get(li)?;
            let k = layout.cells.get(&(ci, li)).map_or(0, Vec::len);
            let r = k / col.per_row.max(1);
            let q = k % col.per_row.max(1);
            let w = WRect::new(
                col.x + c.gap + q as f32 * (c.card_w + c.gap),
                lane.y + c.gap + r as f32 * (c.card_h + c.gap),
                c.card_w,
                c.card_h,
            );
            Some(cam.rect_to_screen(&w))
        }
    }
}

fn inline_editor(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(mut inline) = state.canvas.inline.take() else {
        return;
    };
    let Some(card) = inline_rect(state, &inline) else {
        // The target cell does not exist (e.g. the lane mode changed): give up.
        return;
    };
    let h = 30.0_f32.max(card.height() * 0.4).min(40.0);
    let w = card.width().max(180.0);
    let r = Rect::from_min_size(card.min + vec2(0.0, (card.height() - h) / 2.0), vec2(w, h));
    let hint = match inline.target {
        InlineTarget::Rename(_) => tr("search-hint"),
        InlineTarget::Create { .. } => tr("canvas-new-name"),
    };
    // Read Tab before the text field: losing focus to Tab navigation consumes it.
    let (tab_early, escape_early) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Tab),
            i.key_pressed(egui::Key::Escape),
        )
    });
    let edit = egui::TextEdit::singleline(&mut inline.text)
        .hint_text(hint)
        .font(FontId::proportional(15.0))
        .desired_width(w);
    let resp = ui.put(r, edit);
    if inline.focus {
        resp.request_focus();
    }
    if resp.has_focus() {
        inline.focus = false;
        inline.had_focus = true;
    }
    let (enter, tab, escape) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Tab),
            i.key_pressed(egui::Key::Escape),
        )
    });
    if (escape || escape_early) && inline.had_focus {
        return; // cancelled: nothing changes
    }
    let tab = (tab || tab_early) && inline.had_focus;
    if ((resp.lost_focus() || enter) && inline.had_focus) || tab {
        commit_inline(state, inline, tab);
        return;
    }
    state.canvas.inline = Some(inline);
}

/// Confirm the inline editor: rename, or create (and with Tab, start the next one).
pub fn commit_inline(state: &mut AppState, inline: Inline, then_next: bool) {
    let name = inline.text.trim().to_owned();
    match inline.target {
        InlineTarget::Rename(id) => {
            let Some(t) = state.doc.journey().touchpoint(&id) else {
                return;
            };
            if !name.is_empty() && name != t.name {
                let mut t = t.clone();
                t.name = name;
                state.queue(Action::Edit {
                    label: tr("cmd-rename"),
                    edit: Edit::UpdateTouchpoint(Box::new(t)),
                    merge: None,
                });
            }
        }
        InlineTarget::Create {
            stage,
            owner,
            layer,
            after,
        } => {
            if !name.is_empty() {
                state.queue(Action::CreateTouchpoint {
                    name,
                    stage,
                    owner,
                    layer,
                    after,
                    then_next,
                });
            }
        }
    }
}
