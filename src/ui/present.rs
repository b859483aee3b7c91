//! Presentation mode (F5): full screen, chrome hidden, large type; step through the
//! journey stage by stage with the arrow keys or a clicker (Page Up/Down), the
//! current stage highlighted and the others dimmed, the headline figures always
//! visible in a strip at the top. Esc leaves.

use super::app::AppState;
use super::canvas::{Camera, Palette};
use super::frame::FrameView;
use crate::analysis::{fmt_hours, fmt_score};
use crate::i18n::tr;
use crate::layout::Rect as WRect;
use crate::model::StageId;
use egui::{Color32, RichText, Stroke, StrokeKind, vec2};

/// Presentation state (UI only).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PresentState {
    pub active: bool,
    /// The presented stage (index into the journey's stages); `None` = the whole journey.
    pub stage: Option<usize>,
    /// Was the window full screen before presenting (restore it on leaving)?
    was_full_screen: bool,
    /// Frames during which the camera is still being fitted (the chrome disappears
    /// after the first one, so the canvas size changes once).
    fit_frames: u8,
}

/// The presented stage's id, when presenting one stage.
pub fn current_stage(state: &AppState) -> Option<&StageId> {
    presented_stage(FrameView::of(state))
}

/// [`current_stage`] in a frame's view.
pub fn presented_stage(v: FrameView<'_>) -> Option<&StageId> {
    let p = &v.warroom().present;
    if !p.active {
        return None;
    }
    p.stage
        .and_then(|i| v.journey().stages().get(i))
        .map(|s| &s.id)
}

/// F5: start or stop presenting.
pub fn toggle(ctx: &egui::Context, state: &mut AppState) {
    if state.warroom.present.active {
        leave(ctx, state);
    } else {
        enter(ctx, state);
    }
}

pub fn enter(ctx: &egui::Context, state: &mut AppState) {
    let p = &mut state.warroom.present;
    p.active = true;
    p.stage = None;
    p.was_full_screen = state.view.full_screen;
    p.fit_frames = 3;
    state.canvas.inline = None;
    state.search.open = false;
    if !state.view.full_screen {
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }
    state.status = tr("present-status");
    ctx.request_repaint();
}

pub fn leave(ctx: &egui::Context, state: &mut AppState) {
    let p = &mut state.warroom.present;
    p.active = false;
    p.stage = None;
    if !p.was_full_screen {
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }
    state.camera.request_readable();
    state.status = tr("present-left");
    ctx.request_repaint();
}

/// Fit the presented stage again over the next frames (the window changed size).
pub fn refit(state: &mut AppState) {
    let p = &mut state.warroom.present;
    if p.active {
        p.fit_frames = 30;
    }
}

/// Go to the next (`+1`) or previous (`-1`) stage. Before the first stage comes the
/// whole journey; the last stage stays.
pub fn step(ctx: &egui::Context, state: &mut AppState, delta: i32) {
    let n = state.journey().stages().len();
    let p = &mut state.warroom.present;
    p.stage = match (p.stage, delta.signum()) {
        (None, 1) if n > 0 => Some(0),
        (Some(i), 1) => Some((i + 1).min(n.saturating_sub(1))),
        (Some(0), -1) => None,
        (Some(i), -1) => Some(i - 1),
        (s, _) => s,
    };
    p.fit_frames = 3;
    ctx.request_repaint();
}

/// Presentation keys; consumed so that they do not also move cards or clear the selection.
pub fn read_keys(ctx: &egui::Context, state: &mut AppState) {
    if !state.warroom.present.active {
        return;
    }
    let (next, prev, home, escape) = ctx.input_mut(|i| {
        let mut hit = |keys: &[egui::Key]| {
            let mut any = false;
            for k in keys {
                any |= i.consume_key(egui::Modifiers::NONE, *k);
            }
            any
        };
        (
            hit(&[
                egui::Key::ArrowRight,
                egui::Key::ArrowDown,
                egui::Key::PageDown,
                egui::Key::Space,
            ]),
            hit(&[egui::Key::ArrowLeft, egui::Key::ArrowUp, egui::Key::PageUp]),
            hit(&[egui::Key::Home]),
            hit(&[egui::Key::Escape]),
        )
    });
    if escape {
        leave(ctx, state);
        return;
    }
    if next {
        step(ctx, state, 1);
    }
    if prev {
        step(ctx, state, -1);
    }
    if home {
        state.warroom.present.stage = None;
        state.warroom.present.fit_frames = 3;
    }
}

/// Fit the camera on the presented stage (or the whole journey) for a few frames
/// after a change; the user may pan and zoom afterwards. The app calls it before
/// drawing the strip.
pub fn drive_camera(ctx: &egui::Context, state: &mut AppState) {
    let p = &mut state.warroom.present;
    if p.fit_frames == 0 {
        return;
    }
    p.fit_frames -= 1;
    let presented = p.stage;
    ctx.request_repaint();
    let layout = &state.derived.layout;
    let stage_box = presented
        .and_then(|i| state.journey().stages().get(i))
        .and_then(|stage| stage_box(layout, &stage.id));
    let cam = &mut state.camera;
    let (c_label_w, c_header_h) = layout
        .config
        .map_or((170.0, 48.0), |c| (c.label_w, c.header_h));
    let Some(b) = stage_box else {
        // The whole journey.
        let b = layout.bounds;
        let (w, h) = (b.w.max(1.0), b.h.max(1.0));
        let zoom = ((cam.rect.width() - 40.0) / w)
            .min((cam.rect.height() - 40.0) / h)
            .clamp(super::canvas::MIN_ZOOM, 1.8);
        cam.zoom = zoom;
        let (cx, cy) = b.center();
        cam.pan = cam.rect.size() / 2.0 - vec2(cx, cy) * zoom;
        return;
    };
    // The stage fills the screen: its cards as large as fit, with the sticky lane
    // labels on the left and stage headers on top (they scale with the zoom) kept
    // off the stage frame.
    // The presented stage's cards are drawn in large type (`scene::LARGE_NAME_SIZE`),
    // so names read across the room even when the stage spans most lanes.
    let margin = 12.0;
    let zoom_w = (cam.rect.width() - c_label_w - 2.0 * margin) / b.w.max(1.0);
    let zoom_h = (cam.rect.height() - 2.0 * margin) / (b.h + c_header_h).max(1.0);
    let zoom = zoom_w.min(zoom_h).clamp(super::canvas::MIN_ZOOM, 2.2);
    cam.zoom = zoom;
    let label_w = (c_label_w * zoom).clamp(64.0, c_label_w);
    let head_h = (c_header_h * zoom).max(26.0);
    let free = egui::Rect::from_min_max(cam.rect.min + vec2(label_w, head_h), cam.rect.max);
    let (cx, cy) = b.center();
    cam.pan = free.center() - cam.rect.min - vec2(cx, cy) * zoom;
}

/// The part of the map a presented stage occupies: its column, over the lanes that
/// hold its cards (all lanes when it has none).
pub fn stage_box(layout: &crate::layout::Layout, stage: &StageId) -> Option<WRect> {
    let ci = layout
        .columns
        .iter()
        .position(|c| c.stage.as_ref() == Some(stage))?;
    let col = layout.columns.get(ci)?;
    let mut lanes = layout
        .cells
        .iter()
        .filter(|((c, _), list)| *c == ci && !list.is_empty())
        .filter_map(|((_, li), _)| layout.lanes.get(*li));
    let (top, bottom) = match lanes.next() {
        Some(first) => lanes.fold((first.y, first.y + first.h), |(t, b), l| {
            (t.min(l.y), b.max(l.y + l.h))
        }),
        None => (layout.grid.y, layout.grid.y + layout.grid.h),
    };
    Some(WRect::new(col.x, top, col.w, bottom - top))
}

/// The headline strip at the top while presenting (instead of the menu and toolbar).
pub fn strip(ui: &mut egui::Ui, v: FrameView<'_>) {
    let dark = ui.visuals().dark_mode;
    let (bg, fg, accent) = if dark {
        (
            Color32::from_rgb(8, 10, 14),
            Color32::WHITE,
            Color32::from_rgb(255, 196, 0),
        )
    } else {
        (
            Color32::from_rgb(16, 24, 40),
            Color32::WHITE,
            Color32::from_rgb(255, 196, 0),
        )
    };
    egui::Panel::top("present-strip")
        .frame(
            egui::Frame::NONE
                .fill(bg)
                .inner_margin(egui::Margin::symmetric(18, 10)),
        )
        .show(ui, |ui| {
            let j = v.journey();
            let stages = j.stages();
            let stage_text = match v
                .warroom()
                .present
                .stage
                .and_then(|i| Some((i, stages.get(i)?)))
            {
                Some((i, s)) => crate::tr!(
                    "present-stage",
                    n = i + 1,
                    total = stages.len(),
                    name = &s.name
                ),
                None => crate::tr!("present-whole", count = stages.len()),
            };
            ui.horizontal(|ui| {
                ui.label(RichText::new(j.title()).size(30.0).strong().color(fg));
                let owner = &j.meta().owner;
                if !owner.is_empty() {
                    ui.add_space(16.0);
                    ui.label(
                        RichText::new(crate::tr!("present-owner", owner = owner))
                            .size(20.0)
                            .color(fg),
                    );
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(stage_text).size(26.0).strong().color(accent));
                });
            });
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                for (label, value) in figures(v) {
                    ui.label(RichText::new(value).size(28.0).strong().color(accent));
                    ui.label(RichText::new(label).size(18.0).color(fg));
                    ui.add_space(18.0);
                }
            });
        });
    egui::Panel::bottom("present-keys")
        .frame(
            egui::Frame::NONE
                .fill(bg)
                .inner_margin(egui::Margin::symmetric(18, 6)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(tr("present-keys"))
                        .size(15.0)
                        .color(Color32::from_gray(200)),
                );
                if let Some(d) = v
                    .warroom()
                    .focus
                    .as_ref()
                    .and_then(|d| v.journey().department(d))
                {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(
                            RichText::new(crate::tr!("present-focus", name = &d.name))
                                .size(18.0)
                                .strong()
                                .color(accent),
                        );
                    });
                }
            });
        });
}

/// The headline figures shown in the strip: (label, value).
pub fn figures(v: FrameView<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let j = v.journey();
    let Some(a) = v.warroom().analysis() else {
        return out;
    };
    let h = &a.headline;
    out.push((tr("headline-touchpoints"), h.touchpoints.to_string()));
    out.push((
        tr("headline-cross-department-handoffs"),
        h.cross_department_handoffs.to_string(),
    ));
    out.push((tr("present-end-to-end"), fmt_hours(h.elapsed_hours)));
    out.push((tr("present-staff-handling"), fmt_hours(h.handling_hours)));
    if let Some(m) = h.mean_satisfaction {
        out.push((tr("headline-mean-satisfaction"), fmt_score(m)));
    }
    for o in &j.meta().outcomes {
        let v = crate::model::fmt_num(o.value);
        let value = if o.unit == "%" {
            format!("{v}%")
        } else if o.unit.is_empty() {
            v
        } else {
            format!("{v} {}", o.unit)
        };
        out.push((o.name.clone(), value));
    }
    out
}

/// Outline the presented stage's column on the canvas.
pub fn paint_stage(painter: &egui::Painter, v: FrameView<'_>, cam: &Camera, _pal: &Palette) {
    let Some(stage) = presented_stage(v) else {
        return;
    };
    let Some(b) = stage_box(&v.derived().layout, stage) else {
        return;
    };
    // The stage's name is in the sticky header above and in the strip at the top; the
    // frame carries no label of its own that could cover a card.
    let r = cam.rect_to_screen(&b);
    let accent = Color32::from_rgb(255, 176, 0);
    painter.rect_stroke(r, 6.0, Stroke::new(4.0, accent), StrokeKind::Outside);
}
