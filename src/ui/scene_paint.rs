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

/// Below this zoom, handoff labels are drawn as their coloured pills without text
/// (so far out the map shows its shape; zoom in or hover an arrow for the facts).
pub const LABEL_TEXT_MIN_ZOOM: f32 = 0.25;

/// Handoff label text is never drawn smaller than this on screen: when the map's own
/// label size would be smaller, the label is drawn at this size in a short form
/// ("48h·12%"), and labels that would then overlap another are left out.
pub const LABEL_MIN_PX: f32 = 11.0;

pub fn color(c: Color) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r, c.g, c.b, c.a)
}

/// What the last paint did (for tests and the benchmark).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PaintStats {
    pub cards: usize,
    pub edges: usize,
    pub items: usize,
    /// Handoff label items drawn (queue time, failure rate, DROP and other badges).
    pub labels: usize,
    /// Handoff label texts drawn (pills with their words).
    pub label_texts: usize,
    /// The smallest handoff label text drawn, in screen points (0 = none drawn).
    pub label_min_px: f32,
    /// Cards drawn as shapes without text (zoomed far out).
    pub block_cards: usize,
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
            // Level of detail: the card as a recognisable shape: its outline, the
            // department stripe and the score badge in their colours (the first
            // three shapes a card draws), no text.
            let mut shapes = 0;
            for it in c
                .items
                .iter()
                .filter(|it| matches!(it, Item::Rect { .. }))
                .take(3)
            {
                paint_item(painter, cam, it);
                shapes += 1;
            }
            if shapes == 0 {
                painter.rect_filled(cam.rect_to_screen(&c.rect), 0.0, Color32::GRAY);
            }
            stats.items += 1;
            stats.block_cards += 1;
            continue;
        }
        for it in &c.items {
            item(it, &mut stats);
        }
    }
    // Handoff labels (queue time, failure rate, DROP...) over the cards, as the exports
    // draw them. Level of detail: where the map's label text would be too small to
    // read, the labels are drawn at a readable size in a short form, those that would
    // overlap another left out (DROP and cross-department first); zoomed far out only
    // the coloured pills stay, as shapes.
    let small_labels = cam.zoom < LABEL_TEXT_MIN_ZOOM;
    let world_px = label_size(scene) * cam.zoom;
    let mut placed: Vec<egui::Rect> = Vec::new();
    let mut order: Vec<&crate::scene::EdgeGroup> = scene
        .edges
        .iter()
        .filter(|e| !e.labels.is_empty() && e.bbox.intersects(&view))
        .collect();
    if !small_labels && world_px < LABEL_MIN_PX {
        order.sort_by_key(|e| std::cmp::Reverse(label_priority(e)));
    }
    for e in order {
        if small_labels || world_px >= LABEL_MIN_PX {
            for it in &e.labels {
                if small_labels && matches!(it, Item::Text { .. }) {
                    continue;
                }
                if item_bbox(it).is_none_or(|b| b.intersects(&view)) && paint_item(painter, cam, it)
                {
                    stats.items += 1;
                    stats.labels += 1;
                    if let Item::Text { size, .. } = it {
                        stats.label_texts += 1;
                        let px = size * cam.zoom;
                        if stats.label_min_px == 0.0 || px < stats.label_min_px {
                            stats.label_min_px = px;
                        }
                    }
                }
            }
        } else if paint_readable_labels(painter, cam, e, &mut placed) {
            stats.items += 2;
            stats.labels += 2;
            stats.label_texts += 1;
            if stats.label_min_px == 0.0 || LABEL_MIN_PX < stats.label_min_px {
                stats.label_min_px = LABEL_MIN_PX;
            }
        }
    }
    for it in &scene.overlay {
        item(it, &mut stats);
    }
    stats
}

/// The map's handoff label text size (world points), as the scene draws it.
fn label_size(scene: &Scene) -> f32 {
    scene
        .edges
        .iter()
        .flat_map(|e| e.labels.iter())
        .find_map(|it| match it {
            Item::Text { size, .. } => Some(*size),
            _ => None,
        })
        .unwrap_or(9.5)
}

/// Which labels win a place when they cannot all be drawn: badges (DROP...) first,
/// then labels drawn in a colour (cross-department, rework), then the rest.
fn label_priority(e: &crate::scene::EdgeGroup) -> u8 {
    let badge = e.labels.iter().any(|it| {
        matches!(
            it,
            Item::Rect {
                stroke: None,
                fill: Some(_),
                ..
            }
        )
    });
    let emphasis = matches!(
        e.kind,
        crate::scene::EdgeKind::CrossDepartment | crate::scene::EdgeKind::Rework
    );
    u8::from(badge) * 2 + u8::from(emphasis)
}

/// The short form of a label for small sizes: "48 h, 12% fail" -> "48h·12%".
pub fn short_label(text: &str) -> String {
    text.replace(" fail", "")
        .replace(", ", "·")
        .replace(" days", "d")
        .replace(" day", "d")
        .replace(" hours", "h")
        .replace(" h", "h")
        .replace(" d", "d")
        .replace(" min", "m")
}

/// Draw one handoff's label pills at [`LABEL_MIN_PX`] around the point where the map
/// puts them, unless they would overlap a label already drawn. Returns whether drawn.
fn paint_readable_labels(
    painter: &egui::Painter,
    cam: &Camera,
    e: &crate::scene::EdgeGroup,
    placed: &mut Vec<egui::Rect>,
) -> bool {
    // (fill, stroke, ink, text) of each pill, and their world centre.
    let mut pills = Vec::new();
    let mut bounds: Option<WRect> = None;
    let mut it = e.labels.iter().peekable();
    while let Some(item) = it.next() {
        let Item::Rect {
            rect, fill, stroke, ..
        } = item
        else {
            continue;
        };
        bounds = Some(bounds.map_or(*rect, |b| b.union(rect)));
        if let Some(Item::Text {
            text, color: ink, ..
        }) = it.peek()
        {
            pills.push((*fill, *stroke, *ink, short_label(text)));
            it.next();
        }
    }
    let Some(b) = bounds else { return false };
    if pills.is_empty() {
        return false;
    }
    let font = FontId::proportional(LABEL_MIN_PX);
    let galleys: Vec<_> = pills
        .iter()
        .map(|(_, _, ink, t)| painter.layout_no_wrap(t.clone(), font.clone(), color(*ink)))
        .collect();
    let pad = 4.0;
    let h = LABEL_MIN_PX + 5.0;
    let total: f32 = galleys.iter().map(|g| g.size().x + 2.0 * pad).sum::<f32>()
        + 3.0 * (galleys.len() - 1) as f32;
    let (cx, cy) = b.center();
    let c = cam.to_screen(cx, cy);
    let all = egui::Rect::from_center_size(c, egui::vec2(total, h));
    if !all.intersects(cam.rect) || placed.iter().any(|p| p.expand(2.0).intersects(all)) {
        return false;
    }
    placed.push(all);
    let mut x = all.left();
    for ((fill, stroke, _, _), g) in pills.iter().zip(galleys) {
        let w = g.size().x + 2.0 * pad;
        let r = egui::Rect::from_min_size(egui::pos2(x, all.top()), egui::vec2(w, h));
        painter.rect_filled(r, 4.0, fill.map_or(Color32::WHITE, color));
        if let Some(s) = stroke {
            painter.rect_stroke(r, 4.0, Stroke::new(1.0, color(*s)), StrokeKind::Inside);
        }
        painter.galley(
            egui::pos2(r.left() + pad, r.center().y - g.size().y / 2.0),
            g,
            Color32::WHITE,
        );
        x += w + 3.0;
    }
    true
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
