//! Paint the export [`Scene`] (the same display list the SVG/PNG/PDF exports write)
//! through an egui painter with the camera's world -> screen transform. Culls card and
//! edge groups by their bounding boxes against the view; drops `Detail::Text` items
//! when the text would be smaller than [`MIN_TEXT_PX`] on screen, and draws cards
//! smaller than [`super::canvas::LOD_CARD_PX`] as plain blocks.

use super::canvas::{Camera, LOD_CARD_PX};
use crate::layout::Rect as WRect;
use crate::scene::{Color, Detail, Item, Scene, TextAnchor, arrow_head};
use egui::{Align2, Color32, FontId, Pos2, Shape, Stroke, StrokeKind};

/// Smallest on-screen text size drawn for card and edge text.
pub const MIN_TEXT_PX: f32 = 5.0;

/// Below this zoom, handoff labels are drawn as their coloured pills without text.
pub const LABEL_TEXT_MIN_ZOOM: f32 = 0.45;

pub fn color(c: Color) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r, c.g, c.b, c.a)
}

/// What the last paint did (for tests and the benchmark).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PaintStats {
    pub cards: usize,
    pub edges: usize,
    pub items: usize,
    /// Handoff label items drawn (queue time, failure rate, DROP and other badges).
    pub labels: usize,
}

fn item_bbox(item: &Item) -> Option<WRect> {
    match item {
        Item::Rect { rect, .. } => Some(*rect),
        Item::Line { points, width, .. } => {
            let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for &(x, y) in points {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            (x0 <= x1).then(|| {
                WRect::new(
                    x0 - width,
                    y0 - width,
                    x1 - x0 + 2.0 * width,
                    y1 - y0 + 2.0 * width,
                )
            })
        }
        Item::Circle { center, radius, .. } => Some(WRect::new(
            center.0 - radius,
            center.1 - radius,
            2.0 * radius,
            2.0 * radius,
        )),
        // Text extent is unknown here: keep it when its anchor is near the view.
        Item::Text {
            pos,
            size,
            max_width,
            ..
        } => {
            let w = max_width.unwrap_or(size * 40.0);
            Some(WRect::new(pos.0 - w, pos.1 - size, 2.0 * w, 2.0 * size))
        }
    }
}

/// Paint one item. Returns whether something was drawn.
pub fn paint_item(painter: &egui::Painter, cam: &Camera, item: &Item) -> bool {
    let z = cam.zoom;
    match item {
        Item::Rect {
            rect,
            fill,
            stroke,
            stroke_width,
            radius,
        } => {
            let r = cam.rect_to_screen(rect);
            let rad = radius * z;
            if let Some(f) = fill {
                painter.rect_filled(r, rad, color(*f));
            }
            if let Some(s) = stroke {
                painter.rect_stroke(
                    r,
                    rad,
                    Stroke::new((stroke_width * z).max(0.6), color(*s)),
                    StrokeKind::Inside,
                );
            }
        }
        Item::Line {
            points,
            color: c,
            width,
            dashed,
            arrow_end,
        } => {
            let pts: Vec<Pos2> = points.iter().map(|&(x, y)| cam.to_screen(x, y)).collect();
            let stroke = Stroke::new((width * z).max(0.8), color(*c));
            if *dashed {
                let dash = (6.0 * z).max(2.0);
                painter.extend(Shape::dashed_line(&pts, stroke, dash, dash * 0.8));
            } else {
                painter.add(Shape::line(pts, stroke));
            }
            if *arrow_end && let Some(head) = arrow_head(points, 5.0 + width * 2.0) {
                let tri: Vec<Pos2> = head.iter().map(|&(x, y)| cam.to_screen(x, y)).collect();
                painter.add(Shape::convex_polygon(tri, color(*c), Stroke::NONE));
            }
        }
        Item::Circle {
            center,
            radius,
            fill,
            stroke,
        } => {
            let p = cam.to_screen(center.0, center.1);
            let r = radius * z;
            let st = stroke.map_or(Stroke::NONE, |s| Stroke::new(1.0, color(s)));
            painter.circle(p, r, fill.map_or(Color32::TRANSPARENT, color), st);
        }
        Item::Text {
            pos,
            text,
            size,
            color: c,
            anchor,
            detail,
            ..
        } => {
            let px = size * z;
            let min = match detail {
                Detail::Text => MIN_TEXT_PX,
                Detail::Always => 3.0,
            };
            if px < min {
                return false;
            }
            let align = match anchor {
                TextAnchor::Start => Align2::LEFT_CENTER,
                TextAnchor::Middle => Align2::CENTER_CENTER,
                TextAnchor::End => Align2::RIGHT_CENTER,
            };
            painter.text(
                cam.to_screen(pos.0, pos.1),
                align,
                text,
                FontId::proportional(px),
                color(*c),
            );
        }
    }
    true
}

/// Paint the parts of `scene` that intersect the view.
pub fn paint_scene(painter: &egui::Painter, cam: &Camera, scene: &Scene) -> PaintStats {
    let view = cam.view();
    let mut stats = PaintStats::default();
    let item = |it: &Item, stats: &mut PaintStats| {
        if item_bbox(it).is_none_or(|b| b.intersects(&view)) && paint_item(painter, cam, it) {
            stats.items += 1;
        }
    };
    for it in &scene.background {
        item(it, &mut stats);
    }
    for e in &scene.edges {
        if !e.bbox.intersects(&view) {
            continue;
        }
        stats.edges += 1;
        for it in &e.items {
            item(it, &mut stats);
        }
    }
    let blocks = cam.zoom * cards_width(scene) < LOD_CARD_PX;
    for c in &scene.cards {
        if !c.rect.intersects(&view) {
            continue;
        }
        stats.cards += 1;
        if blocks {
            // Level of detail: the card's own fill as one block.
            let fill = c.items.iter().find_map(|it| match it {
                Item::Rect { fill: Some(f), .. } => Some(*f),
                _ => None,
            });
            painter.rect_filled(
                cam.rect_to_screen(&c.rect),
                0.0,
                fill.map_or(Color32::GRAY, color),
            );
            stats.items += 1;
            continue;
        }
        for it in &c.items {
            item(it, &mut stats);
        }
    }
    // Handoff labels (queue time, failure rate, DROP...) over the cards, as the exports
    // draw them. Level of detail: zoomed out, their text is left out and the coloured
    // pills stay as shapes.
    let small_labels = cam.zoom < LABEL_TEXT_MIN_ZOOM;
    for e in &scene.edges {
        if !e.bbox.intersects(&view) {
            continue;
        }
        for it in &e.labels {
            if small_labels && matches!(it, Item::Text { .. }) {
                continue;
            }
            if item_bbox(it).is_none_or(|b| b.intersects(&view)) && paint_item(painter, cam, it) {
                stats.items += 1;
                stats.labels += 1;
            }
        }
    }
    for it in &scene.overlay {
        item(it, &mut stats);
    }
    stats
}

fn cards_width(scene: &Scene) -> f32 {
    scene.cards.first().map_or(200.0, |c| c.rect.w)
}

/// The handoff whose drawn line passes within `tolerance` screen points of `p`.
pub fn edge_at(
    scene: &Scene,
    cam: &Camera,
    p: Pos2,
    tolerance: f32,
) -> Option<crate::model::HandoffKey> {
    let view = cam.view();
    let mut best: Option<(f32, &crate::model::HandoffKey)> = None;
    for e in &scene.edges {
        if !e.bbox.intersects(&view) {
            continue;
        }
        for it in &e.items {
            let Item::Line { points, .. } = it else {
                continue;
            };
            for w in points.windows(2) {
                let a = cam.to_screen(w[0].0, w[0].1);
                let b = cam.to_screen(w[1].0, w[1].1);
                let d = super::canvas::dist_sq_to_segment(p, a, b);
                if d <= tolerance * tolerance && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, &e.key));
                }
            }
        }
    }
    best.map(|(_, k)| k.clone())
}

/// The first and last point of a handoff's main line (its two ends), in world coordinates.
pub fn edge_ends(
    scene: &Scene,
    key: &crate::model::HandoffKey,
) -> Option<((f32, f32), (f32, f32))> {
    let e = scene.edge(key)?;
    e.items.iter().find_map(|it| match it {
        Item::Line { points, .. } if points.len() >= 2 => Some((*points.first()?, *points.last()?)),
        _ => None,
    })
}
