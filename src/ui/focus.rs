//! Department focus: pick one department (number keys 1-9, 0 for none, or the
//! dropdown in its card); its touchpoints and every handoff into or out of it stand
//! out while the rest dims, and a side card shows what it owns, receives, hands
//! off, and the gaps at its boundaries. Also the journey-owner row of the war-room panel.

use super::action::Action;
use super::app::AppState;
use super::frame::{FrameView, Outbox};
use super::warroom::{WarRoom, WarRoomAction};
use crate::analysis::focus::{BoundaryHandoff, department_focus};
use crate::analysis::{fmt_hours, fmt_score, fmt_share};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::model::{DepartmentId, Journey, TouchpointId};
use egui::RichText;

/// Focus `department` (or none).
pub fn set(state: &mut AppState, department: Option<DepartmentId>) {
    state.status = match department
        .as_ref()
        .and_then(|d| state.journey().department(d))
    {
        Some(d) => crate::tr!("focus-on", name = &d.name),
        None => tr("focus-off"),
    };
    state.warroom.focus = department;
    super::warroom::refresh(state);
}

/// Workshop > Department focus: the next department, then none.
pub fn cycle(state: &mut AppState) {
    let deps: Vec<DepartmentId> = state
        .journey()
        .departments()
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let next = match &state.warroom.focus {
        None => deps.first().cloned(),
        Some(cur) => deps
            .iter()
            .position(|d| d == cur)
            .and_then(|i| deps.get(i + 1))
            .cloned(),
    };
    set(state, next);
}

/// Number keys: 1-9 focus the n-th department (lane order), 0 clears.
pub fn read_keys(ctx: &egui::Context, state: &mut AppState) {
    const KEYS: [egui::Key; 10] = [
        egui::Key::Num0,
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
        egui::Key::Num5,
        egui::Key::Num6,
        egui::Key::Num7,
        egui::Key::Num8,
        egui::Key::Num9,
    ];
    let pressed = ctx.input_mut(|i| {
        KEYS.iter()
            .position(|k| i.consume_key(egui::Modifiers::NONE, *k))
    });
    match pressed {
        Some(0) => set(state, None),
        Some(n) => {
            let d = state
                .journey()
                .departments()
                .get(n - 1)
                .map(|d| d.id.clone());
            if d.is_some() {
                set(state, d);
            }
        }
        None => {}
    }
}

fn tp_name(j: &Journey, id: &TouchpointId) -> String {
    j.touchpoint(id)
        .map_or_else(|| id.to_string(), |t| t.name.clone())
}

fn boundary_row(
    ui: &mut egui::Ui,
    j: &Journey,
    b: &BoundaryHandoff,
    into: bool,
    out: &mut Outbox<'_>,
) {
    let (from, to) = (tp_name(j, &b.from), tp_name(j, &b.to));
    let mut text = if into {
        format!("{} <- {}: {from}", to, b.other_name)
    } else {
        format!("{from} -> {}: {to}", b.other_name)
    };
    if let Some(w) = b.wait_hours {
        text.push_str(&crate::tr!("focus-waits", time = fmt_hours(w)));
    }
    if let Some(f) = b.failure_rate {
        text.push_str(&crate::tr!("focus-fail", share = fmt_share(f)));
    }
    let flagged = !b.flags.is_empty();
    let rich = if flagged {
        RichText::new(format!("! {text}")).color(ui.visuals().warn_fg_color)
    } else {
        RichText::new(text)
    };
    if ui.link(rich).clicked() {
        out.push(Action::SelectHandoff(b.key()));
    }
}

/// The department focus side card (a window on the right of the canvas).
pub fn card(ctx: &egui::Context, v: FrameView<'_>, w: &WarRoom, out: &mut Outbox<'_>) {
    let Some(dept) = w.focus.clone() else {
        return;
    };
    let j = v.journey();
    let Some(summary) = w.analysis().and_then(|a| department_focus(j, a, &dept)) else {
        return;
    };
    let mut open = true;
    let presenting = w.present.active;
    let size = if presenting { 17.0 } else { 13.5 };
    egui::Window::new(crate::tr!("focus-window", name = &summary.name))
        .id(egui::Id::unique("department-focus-card"))
        .open(&mut open)
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-16.0, 96.0))
        .default_width(if presenting { 440.0 } else { 340.0 })
        .resizable(false)
        .collapsible(true)
        .show(ctx, |ui| {
            ui.style_mut().override_font_id = Some(egui::FontId::proportional(size));
            department_picker(ui, v, w.focus.as_ref(), out);
            ui.separator();
            ui.label(crate::tr!(
                "focus-summary",
                handling = fmt_hours(summary.handling_hours),
                waits = fmt_hours(summary.wait_hours_in),
                satisfaction = summary.mean_satisfaction.map_or_else(String::new, |m| {
                    crate::tr!("focus-satisfaction", score = fmt_score(m))
                })
            ));
            egui::ScrollArea::vertical()
                .max_height(520.0)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(crate::tr!("focus-owns", count = summary.owns.len()))
                            .strong(),
                    );
                    for id in &summary.owns {
                        if ui.link(tp_name(j, id)).clicked() {
                            out.push(Action::Focus(vec![id.clone()]));
                        }
                    }
                    ui.add_space(4.0);
                    ui.label(
                        RichText::new(crate::tr!("focus-receives", count = summary.receives.len()))
                            .strong(),
                    );
                    for b in &summary.receives {
                        boundary_row(ui, j, b, true, out);
                    }
                    ui.add_space(4.0);
                    ui.label(
                        RichText::new(crate::tr!(
                            "focus-hands-off",
                            count = summary.hands_off.len()
                        ))
                        .strong(),
                    );
                    for b in &summary.hands_off {
                        boundary_row(ui, j, b, false, out);
                    }
                    ui.add_space(4.0);
                    ui.label(
                        RichText::new(crate::tr!(
                            "focus-boundary-gaps",
                            count = summary.boundary_gaps.len()
                        ))
                        .strong(),
                    );
                    for g in &summary.boundary_gaps {
                        ui.label(format!("[{}] {}", g.severity.label(), g.explanation));
                    }
                    if !summary.own_gaps.is_empty() {
                        ui.add_space(4.0);
                        ui.label(
                            RichText::new(crate::tr!(
                                "focus-inside",
                                count = summary.own_gaps.len()
                            ))
                            .strong(),
                        );
                        for g in &summary.own_gaps {
                            ui.label(format!("[{}] {}", g.severity.label(), g.explanation));
                        }
                    }
                });
        });
    if !open {
        out.push(Action::WarRoom(WarRoomAction::Focus(None)));
    }
}

/// A dropdown of the departments ("All departments" clears the focus).
pub fn department_picker(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    focus: Option<&DepartmentId>,
    out: &mut Outbox<'_>,
) {
    let current = focus
        .and_then(|d| v.journey().department(d))
        .map_or_else(|| tr("focus-all"), |d| d.name.clone());
    let mut chosen: Option<Option<DepartmentId>> = None;
    egui::ComboBox::from_id_salt("focus-department")
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(focus.is_none(), tr("focus-all"))
                .clicked()
            {
                chosen = Some(None);
            }
            for (i, d) in v.journey().departments().iter().enumerate() {
                let label = if i < 9 {
                    format!("{}  ({})", d.name, i + 1)
                } else {
                    d.name.clone()
                };
                let on = focus == Some(&d.id);
                if ui.selectable_label(on, label).clicked() {
                    chosen = Some(Some(d.id.clone()));
                }
            }
        })
        .response
        .on_hover_text(tr("focus-tip"));
    if let Some(c) = chosen {
        out.push(Action::WarRoom(WarRoomAction::Focus(c)));
    }
}

/// The journey owner (the accountable executive or journey manager) and the
/// department focus picker, at the top of the war-room panel.
pub fn owner_row(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    focus: Option<&DepartmentId>,
    out: &mut Outbox<'_>,
) {
    let meta = v.journey().meta().clone();
    let mut owner = meta.owner.clone();
    ui.horizontal(|ui| {
        let l = ui.label(tr("focus-journey-owner"));
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut owner)
                    .hint_text(tr("focus-owner-hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        if r.changed() {
            let mut m = meta.clone();
            m.owner = owner.clone();
            out.edit(
                tr("undo-set-journey-owner"),
                Edit::SetMeta(Box::new(m)),
                Some("journey-owner".into()),
            );
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr("focus-label"));
        department_picker(ui, v, focus, out);
        if !meta.variant.is_empty() {
            ui.label(RichText::new(crate::tr!("focus-variant", variant = &meta.variant)).weak());
        }
    });
}
