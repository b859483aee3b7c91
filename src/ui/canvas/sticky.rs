//! Sticky headers: stage headers stuck to the top and lane labels to the left while
//! panning, wrapped and fitted to their bands.

use super::{Camera, Palette, rgb};
use crate::i18n::tr;
use crate::layout::{Lane, LaneKey, LaneMode, Layout};
use crate::ui::map_labels::{PaintedLabel, fit_words, rows};
use egui::{Align2, FontId, Rect, Stroke, pos2, vec2};

/// Where the header row and the lane label band sit on screen this frame.
struct Bands<'a> {
    painter: &'a egui::Painter,
    cam: &'a Camera,
    pal: &'a Palette,
    /// The canvas rectangle.
    rect: Rect,
    head_h: f32,
    head_y: f32,
    label_w: f32,
    label_x: f32,
    font: FontId,
}

/// Stage headers stick to the top and lane labels to the left while panning.
pub(super) fn paint_sticky_headers(
    painter: &egui::Painter,
    cam: &Camera,
    layout: &Layout,
    lane_mode: LaneMode,
    pal: &Palette,
) -> Vec<PaintedLabel> {
    let mut painted = Vec::new();
    let Some(c) = layout.config else {
        return painted;
    };
    let z = cam.zoom;
    let rect = cam.rect;
    let b = Bands {
        painter,
        cam,
        pal,
        rect,
        head_h: (c.header_h * z).max(26.0),
        head_y: cam.to_screen(0.0, 0.0).y.max(rect.top()),
        label_w: (c.label_w * z).clamp(64.0, c.label_w),
        label_x: cam.to_screen(0.0, 0.0).x.max(rect.left()),
        font: FontId::proportional((15.0 * z).clamp(11.0, 17.0)),
    };
    b.lane_labels(layout, c.label_w, &mut painted);
    b.stage_headers(layout, &mut painted);
    b.corner(lane_mode);
    painted
}

impl Bands<'_> {
    /// The lane label band on the left, one label per visible lane.
    fn lane_labels(&self, layout: &Layout, world_label_w: f32, painted: &mut Vec<PaintedLabel>) {
        let (painter, pal, rect) = (self.painter, self.pal, self.rect);
        let band = Rect::from_min_max(
            pos2(self.label_x, rect.top()),
            pos2(self.label_x + self.label_w, rect.bottom()),
        );
        painter.rect_filled(band, 0.0, pal.header_bg);
        // Zoomed in, the map's own label column (the exports' lane labels, left of the
        // grid) is wider than the band: cover the rest of it so no cut label peeks out.
        let world_right = self.cam.to_screen(world_label_w, 0.0).x.min(rect.right());
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
            if let Some(label) = self.lane_label(lane) {
                painted.push(label);
            }
        }
        painter.line_segment(
            [band.right_top(), band.right_bottom()],
            Stroke::new(1.0, pal.grid),
        );
    }

    /// One lane's colour bar, bottom line and label (when it has room on screen).
    fn lane_label(&self, lane: &Lane) -> Option<PaintedLabel> {
        let (painter, pal, rect, cam) = (self.painter, self.pal, self.rect, self.cam);
        let (label_x, label_w) = (self.label_x, self.label_w);
        let (head_y, head_h) = (self.head_y, self.head_h);
        let top = cam.to_screen(0.0, lane.y).y;
        let bottom = cam.to_screen(0.0, lane.y + lane.h).y;
        if bottom < rect.top() || top > rect.bottom() {
            return None;
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
            return None;
        }
        // Departments by their own names; the lanes the app names, in the language.
        let name = match &lane.key {
            LaneKey::Department(_) => lane.name.clone(),
            LaneKey::Unowned => tr("map-lane-unowned"),
            LaneKey::Layer(l) => l.name(),
        };
        let galley = fit_words(
            painter.ctx(),
            &name,
            label_w - 16.0,
            visible.height() - 8.0,
            self.font.size,
            9.0,
            pal.text,
        );
        let y = (r.top() + 8.0)
            .max(head_y + head_h + 4.0)
            .min(r.bottom() - galley.size().y - 4.0);
        let at = pos2(label_x + 11.0, y);
        let label = PaintedLabel {
            text: name,
            rect: Rect::from_min_size(at, galley.size()).intersect(clip_rect),
            rows: rows(&galley),
        };
        clip.galley(at, galley, pal.text);
        Some(label)
    }

    /// The header row on top: each visible stage's name and card count.
    fn stage_headers(&self, layout: &Layout, painted: &mut Vec<PaintedLabel>) {
        let (painter, pal, rect, cam) = (self.painter, self.pal, self.rect, self.cam);
        let (label_x, label_w) = (self.label_x, self.label_w);
        let (head_y, head_h) = (self.head_y, self.head_h);
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
                self.font.size,
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
    }

    /// The corner where the band and the header row meet: what the lanes are.
    fn corner(&self, lane_mode: LaneMode) {
        let (painter, pal) = (self.painter, self.pal);
        let corner = Rect::from_min_max(
            pos2(self.label_x, self.head_y),
            pos2(self.label_x + self.label_w, self.head_y + self.head_h),
        );
        painter.rect_filled(corner, 0.0, pal.header_bg);
        let lanes_title = match lane_mode {
            LaneMode::Departments => tr("lanes-departments"),
            LaneMode::Layers => tr("lanes-layers"),
        };
        painter.with_clip_rect(corner.intersect(self.rect)).text(
            corner.left_center() + vec2(10.0, 0.0),
            Align2::LEFT_CENTER,
            lanes_title,
            FontId::proportional(12.0),
            pal.weak_text,
        );
    }
}
