//! The journey canvas: camera (zoom and pan), painting with culling and level of
//! detail, sticky stage headers and lane labels, hit testing through the layout, and
//! the gestures (select, rubber band, move, connect, reconnect, create, rename).
//! Gestures only queue actions; the document changes at the end of the frame.
//! mod.rs: `show` and the canvas's state; camera.rs, gestures.rs, overlay.rs (selection
//! and drag feedback), sticky.rs (headers), minimap.rs, inline.rs (the name editor).

mod camera;
mod gestures;
mod inline;
mod minimap;
mod overlay;
mod sticky;

pub use camera::{CARD_NAME_SIZE, Camera, LOD_CARD_PX, MAX_ZOOM, MIN_ZOOM, readable_name_px};
pub use gestures::{Drag, dist_sq_to_segment};
pub use inline::{Inline, InlineTarget, commit_inline};

use super::frame::{FrameView, Outbox};
use crate::i18n::tr;
use crate::model::HandoffKey;
use egui::{Align2, Color32, FontId, Rect, Sense, vec2};

/// Most cards given an accessibility node per frame.
const MAX_CARD_NODES: usize = 400;

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
    /// The map's one palette ([`crate::scene::Theme::palette`], light or dark as the
    /// interface), so the canvas's headers, cards and lines match the scene and the
    /// exports; only the selection colour is the canvas's own.
    pub fn of(ui: &egui::Ui) -> Palette {
        use crate::scene::Theme;
        let dark = ui.visuals().dark_mode;
        let p = if dark { Theme::Dark } else { Theme::Light }.palette();
        let c = super::scene_paint::color;
        Palette {
            bg: c(p.background),
            grid: c(p.grid),
            header_bg: c(p.header),
            text: c(p.text),
            weak_text: c(p.muted),
            card_bg: c(p.surface),
            card_border: c(p.card_stroke),
            select: if dark {
                Color32::from_rgb(90, 170, 255)
            } else {
                Color32::from_rgb(20, 110, 230)
            },
            edge: c(p.edge),
            cross_edge: c(p.cross),
        }
    }
}

/// A department's colour (the model's [`crate::model::Rgb`]) as the scene converts it.
pub fn rgb(c: crate::model::Rgb) -> Color32 {
    super::scene_paint::color(c.into())
}

/// Draw the canvas and handle its gestures. The camera and the canvas state are the
/// canvas's own; everything else it asks for is queued in `out` (selection, edits,
/// the inline editor's result: [`Action::CommitInline`](super::action::Action)).
pub fn show(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    cam: &mut Camera,
    canvas: &mut CanvasState,
    out: &mut Outbox<'_>,
) {
    let rect = ui.available_rect_before_wrap();
    let pal = Palette::of(ui);
    cam.follow_window(ui.ctx(), rect);
    // A big journey's layout arrives from the background: place the view once the layout
    // of this document is there, never on the previous one's (or on none).
    let derived = v.derived();
    if derived.layout_of(v.doc()) {
        cam.resolve_pending(&derived.layout);
    }

    // Accessibility nodes for cards (found by name in tests and by screen readers).
    // Registered before the canvas so the canvas, on top, receives the pointer.
    register_cards(ui, v, cam, canvas);
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr("canvas-name")));

    camera::handle_zoom(ui, cam, &response);
    gestures::handle_pointer(ui, v, cam, canvas, &response, out);

    let painter = ui.painter_at(rect);
    painter.rect_filled(
        rect,
        0.0,
        super::scene_paint::color(derived.scene.background_color),
    );
    overlay::paint_world(&painter, v, cam, canvas, &pal);
    super::warroom::paint_overlay(&painter, v, cam, &pal);
    overlay::paint_drag_feedback(&painter, ui, v, cam, canvas, &pal);
    canvas.header_labels =
        sticky::paint_sticky_headers(&painter, cam, &derived.layout, v.view().lane_mode, &pal);
    let presenting = v.warroom().present.active;
    if v.view().minimap && !presenting {
        minimap::minimap(ui, &derived.layout, cam, canvas, &pal);
    }
    if v.view().map_only && !presenting {
        map_only_button(ui, cam, out);
    }
    inline::inline_editor(ui, v, cam, canvas, out);
    if v.journey().touchpoint_count() == 0 && canvas.inline.is_none() {
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
fn map_only_button(ui: &mut egui::Ui, cam: &Camera, out: &mut Outbox<'_>) {
    let r = Rect::from_min_size(cam.rect.right_top() + vec2(-150.0, 8.0), vec2(142.0, 26.0));
    if ui
        .put(r, egui::Button::new(crate::i18n::tr("canvas-show-panels")))
        .on_hover_text(crate::i18n::tr("canvas-show-panels-tip"))
        .clicked()
    {
        out.command(super::action::Command::MapOnly);
    }
}

fn register_cards(ui: &mut egui::Ui, v: FrameView<'_>, cam: &Camera, canvas: &mut CanvasState) {
    let mut n = 0;
    if cam.zoom * 200.0 >= 30.0 {
        let j = v.journey();
        for (id, r) in v.derived().layout.visible_cards(&cam.view()) {
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
            let selected = v.selection().touchpoints.contains(id);
            let name = t.name.clone();
            resp.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
            });
            n += 1;
        }
    }
    canvas.card_nodes = n;
}
