//! The minimap: a small overview in a corner that covers no card; click or drag to go.

use super::{Camera, CanvasState, Palette, rgb};
use crate::i18n::tr;
use crate::layout::{Layout, Rect as WRect};
use egui::{Rect, Sense, Stroke, StrokeKind, pos2, vec2};

/// A small overview in the corner with the visible part outlined; click or drag to go there.
pub(super) fn minimap(
    ui: &mut egui::Ui,
    layout: &Layout,
    cam: &mut Camera,
    canvas: &mut CanvasState,
    pal: &Palette,
) {
    let b = layout.bounds;
    let view = cam.view();
    // Only for journeys bigger than the window.
    if b.w <= view.w && b.h <= view.h || b.w <= 0.0 || b.h <= 0.0 {
        canvas.minimap = None;
        return;
    }
    let found = place(layout, cam);
    canvas.minimap = found.map(|(r, _)| r);
    let Some((rect, s)) = found else {
        return;
    };
    let resp = ui.interact(rect, egui::Id::unique("minimap"), Sense::click_and_drag());
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, tr("cmd-toggle-minimap"))
    });
    paint(ui, layout, cam, rect, s, pal);
    if (resp.clicked() || resp.dragged())
        && let Some(p) = resp.interact_pointer_pos()
    {
        let wx = b.x + (p.x - rect.min.x) / s;
        let wy = b.y + (p.y - rect.min.y) / s;
        cam.pan = cam.rect.size() / 2.0 - vec2(wx, wy) * cam.zoom;
        cam.auto = false;
    }
}

/// A corner of the map where the minimap covers no card (smaller if need be), with
/// its scale; none: no minimap this frame.
fn place(layout: &Layout, cam: &Camera) -> Option<(Rect, f32)> {
    let b = layout.bounds;
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
    found
}

/// The lanes' cells in their colours and the visible part outlined.
fn paint(ui: &egui::Ui, layout: &Layout, cam: &Camera, rect: Rect, s: f32, pal: &Palette) {
    let b = layout.bounds;
    let view = cam.view();
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
}
