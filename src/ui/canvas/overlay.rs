//! Painted over the scene: the selection (outlines, connect handles, the hovered and
//! selected handoff) and the feedback of a drag in progress.

use super::gestures::{Drag, handle_pos};
use super::{Camera, CanvasState, Palette};
use crate::layout::Rect as WRect;
use crate::model::TouchpointId;
use crate::ui::frame::FrameView;
use egui::{Rect, Stroke, StrokeKind, vec2};

/// Paint the scene (the display list the exports share) and the selection on top.
pub(super) fn paint_world(
    painter: &egui::Painter,
    v: FrameView<'_>,
    cam: &Camera,
    canvas: &mut CanvasState,
    pal: &Palette,
) {
    let layout = &v.derived().layout;
    let scene = &v.derived().scene;
    let stats = crate::ui::scene_paint::paint_scene(painter, cam, scene);
    canvas.painted_cards = stats.cards;
    canvas.painted_labels = stats.labels;
    canvas.painted_label_texts = stats.label_texts;
    canvas.block_cards = stats.block_cards;
    canvas.label_min_px = stats.label_min_px;
    let z = cam.zoom;

    // Selection: an outline around selected cards, the selected handoff's line and ends.
    let view = cam.view();
    for id in v.selection().touchpoints.iter().take(5000) {
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
    let dragging = canvas.drag != Drag::None;
    crate::ui::handoff_hover::paint(painter, v, cam, canvas, pal.select, dragging);

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
        if let Some(id) = v.selection().single() {
            show_handle(id);
        }
    }
}

pub(super) fn paint_drag_feedback(
    painter: &egui::Painter,
    ui: &egui::Ui,
    v: FrameView<'_>,
    cam: &Camera,
    canvas: &CanvasState,
    pal: &Palette,
) {
    let Some(p) = ui.input(|i| i.pointer.latest_pos()) else {
        return;
    };
    let layout = &v.derived().layout;
    let (wx, wy) = cam.to_world(p);
    match &canvas.drag {
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
            for id in v
                .selection()
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
