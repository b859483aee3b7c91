//! The touchpoint's fields in the inspector, one function per section, and the
//! score histogram editor.

use super::{
    Draft, InspectorState, MetricDraft, Names, enum_combo, field, field_name, named_field,
    parse_count, parse_num, parse_opt_nonneg, room_for_remove_button, wrapping_field,
};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::model::{
    Better, Channel, DepartmentId, Layer, Metric, Satisfaction, StageId, Touchpoint, TouchpointId,
    fmt_num, validate_touchpoint_values,
};
use crate::ui::action::Action;
use crate::ui::frame::{FrameView, Outbox};
use egui::{Color32, RichText};

/// Queue the edit of `t` when its values pass the model's checks; else show why.
fn queue_tp(
    v: FrameView<'_>,
    insp: &mut InspectorState,
    out: &mut Outbox<'_>,
    t: Touchpoint,
    field: &str,
) {
    match validate_touchpoint_values(&t) {
        Ok(()) => {
            insp.error = None;
            insp.own_edit_from = Some(v.doc().version());
            let id = t.id.0.clone();
            out.push(Action::Edit {
                label: crate::tr!("undo-edit-field", field = field_name(field)),
                edit: Edit::UpdateTouchpoint(Box::new(t)),
                merge: Some(format!("tp:{id}:{field}")),
            });
        }
        Err(e) => insp.error = Some(e.to_string()),
    }
}

/// Every field of the touchpoint `id`, section by section; a change is queued as one
/// edit (typing merges), a value that does not parse shows why.
pub(super) fn touchpoint_fields(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    insp: &mut InspectorState,
    out: &mut Outbox<'_>,
    id: &TouchpointId,
) {
    let Some(orig) = v.journey().touchpoint(id).cloned() else {
        return;
    };
    let names: (Names<StageId>, Names<DepartmentId>) = {
        let j = v.journey();
        (
            j.stages()
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect(),
            j.departments()
                .iter()
                .map(|d| (d.id.clone(), d.name.clone()))
                .collect(),
        )
    };
    let mut t = orig.clone();
    let mut ty = Typed::default();
    let d = &mut insp.draft;
    name_and_description(ui, &mut t, d, &mut ty);
    kind_grid(ui, &names, &mut t, d, &mut ty);
    crate::ui::measured::touchpoint_sources(ui, &orig);
    metrics(ui, &mut t, d, &mut ty);
    satisfaction(ui, &mut t, d, &mut ty);
    crate::ui::voice::show(ui, &orig);
    pains_and_notes(ui, &mut t, d, &mut ty);
    ui.add_space(10.0);
    let j = v.journey();
    let incoming = j.incoming(id).len();
    let outgoing = j.outgoing(id).len();
    ui.label(
        RichText::new(crate::tr!(
            "insp-handoffs-in-out",
            incoming = incoming,
            outgoing = outgoing
        ))
        .small(),
    );
    if ui.button(tr("insp-delete-touchpoint")).clicked() {
        out.push(Action::Command(crate::ui::action::Command::Delete));
    }

    if let Some(e) = ty.refused {
        insp.error = Some(e);
    } else if let Some(what) = ty.changed
        && t != orig
    {
        crate::ui::measured::typed_over_touchpoint(&orig, &mut t);
        queue_tp(v, insp, out, t, what);
    }
}

/// What one frame's typing did to the touchpoint: the field changed (for the undo
/// label and merge key), or why a typed value was refused.
#[derive(Default)]
struct Typed {
    changed: Option<&'static str>,
    refused: Option<String>,
}

/// The id, the name and the description.
fn name_and_description(ui: &mut egui::Ui, t: &mut Touchpoint, d: &mut Draft, ty: &mut Typed) {
    ui.label(RichText::new(crate::tr!("insp-touchpoint-id", id = t.id.to_string())).small());
    if field(ui, &tr("insp-name"), &mut d.name) {
        t.name = d.name.clone();
        ty.changed = Some("name");
    }
    ui.label(RichText::new(tr("insp-description")).small().strong());
    if ui
        .add(
            egui::TextEdit::multiline(&mut d.description)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .accessible_name(tr("insp-description"))
        .changed()
    {
        t.description = d.description.clone();
        ty.changed = Some("description");
    }
}

/// Stage, owner, channel, layer, volume and handling time.
fn kind_grid(
    ui: &mut egui::Ui,
    names: &(Names<StageId>, Names<DepartmentId>),
    t: &mut Touchpoint,
    d: &mut Draft,
    ty: &mut Typed,
) {
    egui::Grid::new("tp-kind")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label(tr("insp-stage"));
            let stage_name = |s: &Option<crate::model::StageId>| {
                s.as_ref().map_or(tr("dialog-no-stage"), |s| {
                    names
                        .0
                        .iter()
                        .find(|(i, _)| i == s)
                        .map_or(s.0.clone(), |(_, n)| n.clone())
                })
            };
            egui::ComboBox::from_id_salt("stage")
                .selected_text(stage_name(&t.stage))
                .show_ui(ui, |ui| {
                    for (sid, name) in &names.0 {
                        if ui
                            .selectable_label(t.stage.as_ref() == Some(sid), name)
                            .clicked()
                        {
                            t.stage = Some(sid.clone());
                            t.order = None;
                            ty.changed = Some("stage");
                        }
                    }
                });
            ui.end_row();
            ui.label(tr("insp-owner-label"));
            let owner_name = t.owner.as_ref().map_or(tr("dialog-no-owner"), |o| {
                names
                    .1
                    .iter()
                    .find(|(i, _)| i == o)
                    .map_or(o.0.clone(), |(_, n)| n.clone())
            });
            egui::ComboBox::from_id_salt("owner")
                .selected_text(owner_name)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(t.owner.is_none(), tr("dialog-no-owner"))
                        .clicked()
                    {
                        t.owner = None;
                        ty.changed = Some("owner");
                    }
                    for (did, name) in &names.1 {
                        if ui
                            .selectable_label(t.owner.as_ref() == Some(did), name)
                            .clicked()
                        {
                            t.owner = Some(did.clone());
                            t.order = None;
                            ty.changed = Some("owner");
                        }
                    }
                });
            ui.end_row();
            ui.label(tr("insp-channel"));
            if enum_combo(ui, "channel", &mut t.channel, &Channel::ALL, Channel::name) {
                ty.changed = Some("channel");
            }
            ui.end_row();
            ui.label(tr("insp-layer"));
            if enum_combo(ui, "layer", &mut t.layer, &Layer::ALL, Layer::name) {
                ty.changed = Some("layer");
            }
            ui.end_row();
            ui.label(tr("insp-volume"));
            if named_field(ui, &tr("insp-volume"), &mut d.volume, 120.0) {
                match parse_count(&tr("insp-volume"), &d.volume) {
                    Ok(v) => {
                        t.volume = v;
                        ty.changed = Some("volume");
                    }
                    Err(e) => ty.refused = Some(e),
                }
            }
            ui.end_row();
            ui.label(tr("insp-handling-min"));
            if named_field(ui, &tr("insp-handling"), &mut d.handling, 120.0) {
                match parse_opt_nonneg(&tr("insp-handling"), &d.handling) {
                    Ok(v) => {
                        t.handling_minutes = v;
                        ty.changed = Some("handling time");
                    }
                    Err(e) => ty.refused = Some(e),
                }
            }
            ui.end_row();
        });
}

/// The metrics: name, value, unit, target and whether it is met; add and remove.
fn metrics(ui: &mut egui::Ui, t: &mut Touchpoint, d: &mut Draft, ty: &mut Typed) {
    // Metrics.
    ui.add_space(6.0);
    ui.label(RichText::new(tr("insp-metrics")).strong());
    let mut remove_metric = None;
    for (i, md) in d.metrics.iter_mut().enumerate() {
        let Some(m) = t.metrics.get_mut(i) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                let w = ui.available_width() - room_for_remove_button(ui);
                if wrapping_field(ui, &tr("insp-metric-name"), &mut md.name, w) {
                    m.name = md.name.clone();
                    ty.changed = Some("metric");
                }
                if ui
                    .small_button("×")
                    .on_hover_text(tr("insp-remove-metric"))
                    .clicked()
                {
                    remove_metric = Some(i);
                }
            });
            ui.horizontal(|ui| {
                ui.label(tr("insp-value"));
                if named_field(ui, &tr("insp-metric-value"), &mut md.value, 56.0) {
                    match parse_num(&tr("insp-metric-value"), &md.value) {
                        Ok(v) => {
                            m.value = v;
                            ty.changed = Some("metric");
                        }
                        Err(e) => ty.refused = Some(e),
                    }
                }
                ui.label(tr("insp-unit"));
                if named_field(ui, &tr("insp-metric-unit"), &mut md.unit, 44.0) {
                    m.unit = md.unit.clone();
                    ty.changed = Some("metric");
                }
            });
            ui.horizontal(|ui| {
                ui.label(tr("insp-target"));
                let before = m.better;
                egui::ComboBox::from_id_salt(("better", i))
                    .width(44.0)
                    .selected_text(match m.better {
                        Better::Higher => ">=",
                        Better::Lower => "<=",
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut m.better,
                            Better::Higher,
                            tr("insp-higher-better"),
                        );
                        ui.selectable_value(&mut m.better, Better::Lower, tr("insp-lower-better"));
                    });
                if m.better != before {
                    ty.changed = Some("metric");
                }
                if named_field(ui, &tr("insp-metric-target"), &mut md.target, 56.0) {
                    match md.target.trim() {
                        "" => {
                            m.target = None;
                            ty.changed = Some("metric");
                        }
                        s => match parse_num(&tr("insp-metric-target"), s) {
                            Ok(v) => {
                                m.target = Some(v);
                                ty.changed = Some("metric");
                            }
                            Err(e) => ty.refused = Some(e),
                        },
                    }
                }
                if let Some(on) = m.on_target() {
                    let (txt, c) = if on {
                        (tr("insp-on-target"), Color32::from_rgb(40, 150, 60))
                    } else {
                        (tr("insp-off-target"), Color32::from_rgb(200, 40, 40))
                    };
                    ui.label(RichText::new(txt).color(c).small());
                }
            });
        });
    }
    if let Some(i) = remove_metric {
        t.metrics.remove(i);
        d.metrics.remove(i);
        ty.changed = Some("metrics");
    }
    if ui.button(tr("insp-add-metric")).clicked() {
        t.metrics.push(Metric {
            name: tr("insp-new-metric"),
            value: 0.0,
            unit: String::new(),
            target: None,
            better: Better::Higher,
        });
        d.metrics.push(MetricDraft {
            name: tr("insp-new-metric"),
            value: "0".into(),
            ..MetricDraft::default()
        });
        ty.changed = Some("metrics");
    }
}

/// Satisfaction: none, a histogram or a mean with a response count.
fn satisfaction(ui: &mut egui::Ui, t: &mut Touchpoint, d: &mut Draft, ty: &mut Typed) {
    satisfaction_mode(ui, t, d, ty);
    pending_mean(ui, t, d, ty);
    satisfaction_values(ui, t, d, ty);
}

/// The kind of score (radio buttons); a mean is kept, never invented.
fn satisfaction_mode(ui: &mut egui::Ui, t: &mut Touchpoint, d: &mut Draft, ty: &mut Typed) {
    // Satisfaction.
    ui.add_space(6.0);
    ui.label(RichText::new(tr("insp-satisfaction")).strong());
    let mode = match &t.satisfaction {
        None if d.mean_only_pending => 2,
        None => 0,
        Some(Satisfaction::Histogram(_)) => 1,
        Some(Satisfaction::Summary { .. }) => 2,
    };
    let mut new_mode = mode;
    ui.horizontal(|ui| {
        ui.radio_value(&mut new_mode, 0, tr("insp-sat-none"));
        ui.radio_value(&mut new_mode, 1, tr("insp-sat-histogram"));
        ui.radio_value(&mut new_mode, 2, tr("insp-sat-mean-only"));
    });
    if new_mode != mode {
        let before = t.satisfaction.clone();
        d.mean_only_pending = false;
        t.satisfaction = match new_mode {
            1 => Some(Satisfaction::Histogram([0; 11])),
            // Keep a mean that exists; never invent one.
            2 => match t.mean_score() {
                Some(mean) => Some(Satisfaction::Summary {
                    mean,
                    responses: u32::try_from(
                        t.satisfaction.as_ref().map_or(0, Satisfaction::responses),
                    )
                    .unwrap_or(u32::MAX),
                }),
                None => {
                    d.mean_only_pending = true;
                    d.mean.clear();
                    d.responses.clear();
                    None
                }
            },
            _ => None,
        };
        match &t.satisfaction {
            Some(Satisfaction::Histogram(h)) => {
                for (s, c) in d.hist.iter_mut().zip(h) {
                    *s = c.to_string();
                }
            }
            Some(Satisfaction::Summary { mean, responses }) => {
                d.mean = fmt_num(*mean);
                d.responses = responses.to_string();
            }
            None => {}
        }
        if t.satisfaction != before {
            ty.changed = Some("satisfaction");
        }
    }
}

/// "Mean only" chosen for a touchpoint without a score: nothing is stored until a mean is typed.
fn pending_mean(ui: &mut egui::Ui, t: &mut Touchpoint, d: &mut Draft, ty: &mut Typed) {
    if t.satisfaction.is_none() && d.mean_only_pending {
        ui.horizontal(|ui| {
            ui.label(tr("insp-mean"));
            if named_field(ui, &tr("insp-mean-score"), &mut d.mean, 60.0)
                && !d.mean.trim().is_empty()
            {
                match parse_num(&tr("insp-mean-score"), &d.mean) {
                    Ok(v) if (0.0..=10.0).contains(&v) => {
                        let responses = parse_count(&tr("insp-responses"), &d.responses)
                            .ok()
                            .flatten()
                            .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX));
                        t.satisfaction = Some(Satisfaction::Summary { mean: v, responses });
                        ty.changed = Some("satisfaction");
                    }
                    Ok(_) => ty.refused = Some(tr("insp-err-mean-range")),
                    Err(e) => ty.refused = Some(e),
                }
            }
            ui.label(tr("insp-responses-lower"));
            named_field(ui, &tr("insp-responses"), &mut d.responses, 70.0);
        });
        ui.label(RichText::new(tr("insp-no-score-yet")).small().weak());
    }
}

/// The histogram editor, or the mean and response count.
fn satisfaction_values(ui: &mut egui::Ui, t: &mut Touchpoint, d: &mut Draft, ty: &mut Typed) {
    match &mut t.satisfaction {
        Some(Satisfaction::Histogram(h)) => {
            if histogram_editor(ui, h, &mut d.hist, &mut ty.refused) {
                ty.changed = Some("satisfaction");
            }
            let s = Satisfaction::Histogram(*h);
            if let Some(m) = s.mean() {
                ui.label(crate::tr!(
                    "insp-mean-from",
                    mean = format!("{m:.1}"),
                    count = s.responses()
                ));
            }
        }
        Some(Satisfaction::Summary { mean, responses }) => {
            ui.horizontal(|ui| {
                ui.label(tr("insp-mean"));
                if named_field(ui, &tr("insp-mean-score"), &mut d.mean, 60.0) {
                    match parse_num(&tr("insp-mean-score"), &d.mean) {
                        Ok(v) if (0.0..=10.0).contains(&v) => {
                            *mean = v;
                            ty.changed = Some("satisfaction");
                        }
                        Ok(_) => ty.refused = Some(tr("insp-err-mean-range")),
                        Err(e) => ty.refused = Some(e),
                    }
                }
                ui.label(tr("insp-responses-lower"));
                if named_field(ui, &tr("insp-responses"), &mut d.responses, 70.0) {
                    match parse_count(&tr("insp-responses"), &d.responses) {
                        Ok(v) => {
                            *responses = u32::try_from(v.unwrap_or(0)).unwrap_or(u32::MAX);
                            ty.changed = Some("satisfaction");
                        }
                        Err(e) => ty.refused = Some(e),
                    }
                }
            });
        }
        None => {}
    }
}

/// Pain points (add, edit, remove) and notes.
fn pains_and_notes(ui: &mut egui::Ui, t: &mut Touchpoint, d: &mut Draft, ty: &mut Typed) {
    // Pain points and evidence.
    ui.add_space(6.0);
    ui.label(RichText::new(tr("insp-pain-points")).strong());
    let mut remove_pain = None;
    for (i, p) in d.pains.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let w = ui.available_width() - room_for_remove_button(ui);
            if wrapping_field(ui, &tr("insp-pain-point"), p, w) {
                if let Some(slot) = t.pains.get_mut(i) {
                    slot.clone_from(p);
                }
                ty.changed = Some("pain points");
            }
            if ui
                .small_button("×")
                .on_hover_text(tr("insp-remove"))
                .clicked()
            {
                remove_pain = Some(i);
            }
        });
    }
    if let Some(i) = remove_pain {
        if i < t.pains.len() {
            t.pains.remove(i);
        }
        d.pains.remove(i);
        ty.changed = Some("pain points");
    }
    if ui.button(tr("insp-add-pain-point")).clicked() {
        t.pains.push(String::new());
        d.pains.push(String::new());
        ty.changed = Some("pain points");
    }
    ui.add_space(6.0);
    ui.label(RichText::new(tr("insp-notes")).small().strong());
    if ui
        .add(
            egui::TextEdit::multiline(&mut d.notes)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .accessible_name(tr("insp-notes"))
        .changed()
    {
        t.notes = d.notes.clone();
        ty.changed = Some("notes");
    }
}

/// Eleven count fields and a bar chart; click or drag a bar to set its count.
fn histogram_editor(
    ui: &mut egui::Ui,
    h: &mut [u32; 11],
    text: &mut [String; 11],
    refused: &mut Option<String>,
) -> bool {
    let mut changed = false;
    let max = h.iter().copied().max().unwrap_or(0).max(5) as f32 * 1.25;
    let (rect, resp) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(300.0), 90.0),
        egui::Sense::click_and_drag(),
    );
    let resp = resp.accessible_name(tr("insp-score-histogram"));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, ui.visuals().extreme_bg_color);
    let bw = rect.width() / 11.0;
    for (s, &c) in h.iter().enumerate() {
        let x = rect.left() + s as f32 * bw;
        let bh = (c as f32 / max) * (rect.height() - 16.0);
        let bar = egui::Rect::from_min_max(
            egui::pos2(x + 2.0, rect.bottom() - 14.0 - bh),
            egui::pos2(x + bw - 2.0, rect.bottom() - 14.0),
        );
        let color = if s <= 6 {
            Color32::from_rgb(200, 60, 50)
        } else if s <= 8 {
            Color32::from_rgb(220, 160, 30)
        } else {
            Color32::from_rgb(50, 150, 70)
        };
        painter.rect_filled(bar, 1.0, color);
        painter.text(
            egui::pos2(x + bw / 2.0, rect.bottom() - 1.0),
            egui::Align2::CENTER_BOTTOM,
            s.to_string(),
            egui::FontId::proportional(10.0),
            ui.visuals().text_color(),
        );
    }
    if (resp.clicked() || resp.dragged())
        && let Some(p) = resp.interact_pointer_pos()
    {
        let s = (((p.x - rect.left()) / bw).floor().max(0.0) as usize).min(10);
        let v = ((rect.bottom() - 14.0 - p.y) / (rect.height() - 16.0) * max)
            .round()
            .max(0.0) as u32;
        if let (Some(slot), Some(txt)) = (h.get_mut(s), text.get_mut(s))
            && *slot != v
        {
            *slot = v;
            *txt = v.to_string();
            changed = true;
        }
    }
    egui::Grid::new("hist-counts")
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for (s, txt) in text.iter_mut().enumerate() {
                if s == 6 {
                    ui.end_row();
                }
                ui.vertical(|ui| {
                    ui.label(RichText::new(s.to_string()).small());
                    let r = ui
                        .add(egui::TextEdit::singleline(txt).desired_width(34.0))
                        .accessible_name(crate::tr!("insp-responses-scoring", score = s));
                    if r.changed() {
                        match parse_count(&crate::tr!("insp-responses-scoring", score = s), txt) {
                            Ok(v) => match u32::try_from(v.unwrap_or(0)) {
                                Ok(v) => {
                                    if let Some(slot) = h.get_mut(s) {
                                        *slot = v;
                                        changed = true;
                                    }
                                }
                                Err(_) => *refused = Some(tr("insp-err-too-large")),
                            },
                            Err(e) => *refused = Some(e),
                        }
                    }
                });
            }
        });
    changed
}
