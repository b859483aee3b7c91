//! Handoff facts under the pointer: hovering an arrow highlights its whole route (every
//! segment and the arrow head, end to end) and shows a tooltip with from, to, their
//! departments, queue time, failure rate and label. The selected handoff gets the same
//! route highlight. Painted from the scene, so canvas and exports agree on the route.

use super::canvas::{Camera, CanvasState};
use super::frame::FrameView;
use crate::i18n::tr;
use crate::model::{HandoffKey, Journey};
use crate::scene::{Item, Scene};
use egui::{Color32, Pos2, Stroke};

/// The handoff under `pointer` (not over a card), if any.
pub fn under_pointer(v: FrameView<'_>, cam: &Camera, pointer: Option<Pos2>) -> Option<HandoffKey> {
    let p = pointer?;
    if !cam.rect.contains(p) {
        return None;
    }
    let (wx, wy) = cam.to_world(p);
    if v.derived().layout.card_at(wx, wy).is_some() {
        return None;
    }
    super::scene_paint::edge_at(&v.derived().scene, cam, p, 6.0)
}

/// Draw the whole route of `key` over the map in `color`.
pub fn paint_route(
    painter: &egui::Painter,
    cam: &Camera,
    scene: &Scene,
    key: &HandoffKey,
    color: Color32,
) {
    let Some(e) = scene.edge(key) else {
        return;
    };
    for it in &e.items {
        if let Item::Line { points, .. } = it {
            let pts: Vec<Pos2> = points.iter().map(|&(x, y)| cam.to_screen(x, y)).collect();
            painter.add(egui::Shape::line(pts, Stroke::new(5.0, color)));
        }
    }
    if let Some((a, b)) = super::scene_paint::edge_ends(scene, key) {
        for p in [a, b] {
            painter.circle(
                cam.to_screen(p.0, p.1),
                5.0,
                color,
                Stroke::new(1.5, Color32::WHITE),
            );
        }
    }
}

/// The tooltip's lines for a handoff: from, to, departments, queue, failure rate, label.
pub fn facts(journey: &Journey, key: &HandoffKey) -> Vec<String> {
    let Some(h) = journey.handoff(key) else {
        return Vec::new();
    };
    let name = |id: &crate::model::TouchpointId| {
        journey
            .touchpoint(id)
            .map_or_else(|| id.0.clone(), |t| t.name.clone())
    };
    let dept = |id: &crate::model::TouchpointId| {
        journey
            .touchpoint(id)
            .and_then(|t| t.owner.as_ref())
            .and_then(|d| journey.department(d))
            .map_or_else(|| tr("gap-no-owner-name"), |d| d.name.clone())
    };
    let mut lines = vec![
        crate::tr!("hover-from", name = name(&h.from), owner = dept(&h.from)),
        crate::tr!("hover-to", name = name(&h.to), owner = dept(&h.to)),
        crate::tr!(
            "hover-queue",
            value = h
                .wait_hours
                .map_or_else(|| tr("hover-not-recorded"), crate::analysis::fmt_hours)
        ),
        crate::tr!(
            "hover-failure",
            value = h.failure_rate.map_or_else(
                || tr("hover-not-recorded"),
                |r| format!("{:.0}%", r * 100.0)
            )
        ),
    ];
    if !h.label.is_empty() {
        lines.push(crate::tr!("hover-label", label = &h.label));
    }
    lines
}

/// Highlight the hovered and the selected handoff's route; tooltip on the hovered one.
pub fn paint(
    painter: &egui::Painter,
    v: FrameView<'_>,
    cam: &Camera,
    canvas: &mut CanvasState,
    select: Color32,
    dragging: bool,
) {
    let pointer = painter.ctx().input(|i| i.pointer.hover_pos());
    let hovered = if dragging {
        None
    } else {
        under_pointer(v, cam, pointer)
    };
    let scene = &v.derived().scene;
    let selected = v.selection().handoff.as_ref();
    let mut highlighted = Vec::new();
    if let Some(k) = selected {
        paint_route(painter, cam, scene, k, select.gamma_multiply(0.7));
        highlighted.push(k.clone());
    }
    if let Some(k) = &hovered
        && selected != Some(k)
    {
        paint_route(painter, cam, scene, k, select.gamma_multiply(0.45));
        highlighted.push(k.clone());
    }
    canvas.highlighted = highlighted;
    if let Some(k) = &hovered {
        let lines = facts(v.journey(), k);
        if !lines.is_empty() {
            egui::Tooltip::always_open(
                painter.ctx().clone(),
                painter.layer_id(),
                egui::Id::unique("touchpoint-handoff-tooltip"),
                egui::PopupAnchor::Pointer,
            )
            .show(|ui| {
                for l in lines {
                    ui.label(l);
                }
            });
        }
    }
    canvas.hovered_handoff = hovered;
}
