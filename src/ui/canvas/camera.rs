//! The camera: world <-> screen, zoom and pan, the first view of a journey (fit,
//! readable), centring on cards, and wheel/pinch zoom.

use crate::layout::{Layout, Rect as WRect};
use crate::model::TouchpointId;
use egui::{Pos2, Rect, Vec2, vec2};

pub const MIN_ZOOM: f32 = 0.01;
pub const MAX_ZOOM: f32 = 4.0;
/// Below this on-screen card width, cards are drawn as plain blocks (no text).
pub const LOD_CARD_PX: f32 = 36.0;

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
    pub(super) auto: bool,
    /// The window's size (points) in the last frame.
    pub(super) window: Vec2,
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

    /// The canvas is drawn in `rect` this frame: keep the map where it is on the screen
    /// when panels step aside or come back, note the window and pixel sizes, and set
    /// an untouched view up again when the window was resized (maximised at the start).
    pub(super) fn follow_window(&mut self, ctx: &egui::Context, rect: Rect) {
        let moved = rect.min - self.rect.min;
        if moved != Vec2::ZERO && self.rect.width() > 0.0 {
            self.pan -= moved;
        }
        self.rect = rect;
        let window = ctx.content_rect().size();
        if self.auto && window != self.window {
            self.request_readable();
        }
        self.window = window;
        self.pixels_per_point = ctx.pixels_per_point();
        self.native_ppp = ctx.pixels_per_point() / ctx.zoom_factor().max(0.1);
        self.window_px = ctx.content_rect().width() * ctx.pixels_per_point();
    }

    pub(super) fn resolve_pending(&mut self, layout: &Layout) {
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

pub(super) fn handle_zoom(ui: &egui::Ui, cam: &mut Camera, response: &egui::Response) {
    let Some(hover) = response.hover_pos() else {
        return;
    };
    let (scroll, pinch, shift) =
        ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.modifiers.shift));
    if shift {
        cam.pan += scroll;
        cam.auto = false;
    } else if scroll.y != 0.0 {
        cam.zoom_around((scroll.y * 0.0025).exp(), hover);
    }
    if pinch != 1.0 {
        cam.zoom_around(pinch, hover);
    }
}
