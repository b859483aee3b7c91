//! The inspector: every field of the selected touchpoint or handoff, editable.
//! Text the user types is kept in drafts; a value is sent to the document only when it
//! parses and passes the model's checks, otherwise the field shows why it was refused.
//! Typing in one field merges into one undo step.

use super::action::Action;
use super::frame::{FrameView, Outbox};
use crate::edit::Edit;
use crate::history::Version;
use crate::i18n::tr;
use crate::model::{
    Better, Channel, DepartmentId, Handoff, HandoffKey, Layer, Metric, Satisfaction, StageId,
    Touchpoint, TouchpointId, fmt_num, validate_handoff_values, validate_touchpoint_values,
};
use egui::{Color32, RichText};

/// (id, display name) pairs for a combo box.
type Names<T> = Vec<(T, String)>;

#[derive(Clone, Debug, PartialEq)]
enum Target {
    Touchpoint(TouchpointId),
    Handoff(HandoffKey),
}

#[derive(Clone, Debug, Default, PartialEq)]
struct MetricDraft {
    name: String,
    value: String,
    unit: String,
    target: String,
}

/// The text in every field of the inspector.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    name: String,
    description: String,
    volume: String,
    handling: String,
    metrics: Vec<MetricDraft>,
    hist: [String; 11],
    mean: String,
    responses: String,
    pains: Vec<String>,
    /// &tr("insp-sat-mean-only") was chosen for a touchpoint without a score: the fields show, empty,
    /// and nothing is stored until a mean is typed (a score is never invented).
    mean_only_pending: bool,
    notes: String,
    label: String,
    wait: String,
    failure: String,
}

#[derive(Default)]
pub struct InspectorState {
    synced: Option<(Version, Target)>,
    /// The revision before the inspector's own last edit (so its result does not
    /// reset the field being typed in).
    own_edit_from: Option<Version>,
    draft: Draft,
    /// Why the last typed value was refused.
    pub error: Option<String>,
}

fn opt_num(v: Option<f64>) -> String {
    v.map(fmt_num).unwrap_or_default()
}

fn draft_of_touchpoint(t: &Touchpoint) -> Draft {
    let mut d = Draft {
        name: t.name.clone(),
        description: t.description.clone(),
        volume: t.volume.map(|v| v.to_string()).unwrap_or_default(),
        handling: opt_num(t.handling_minutes),
        metrics: t
            .metrics
            .iter()
            .map(|m| MetricDraft {
                name: m.name.clone(),
                value: fmt_num(m.value),
                unit: m.unit.clone(),
                target: opt_num(m.target),
            })
            .collect(),
        pains: t.pains.clone(),
        notes: t.notes.clone(),
        ..Draft::default()
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
    d
}

fn draft_of_handoff(h: &Handoff) -> Draft {
    Draft {
        label: h.label.clone(),
        wait: opt_num(h.wait_hours),
        failure: h
            .failure_rate
            .map(|f| fmt_num(f * 100.0))
            .unwrap_or_default(),
        notes: h.notes.clone(),
        ..Draft::default()
    }
}

/// Parse an optional non-negative number; empty text is `None`.
pub fn parse_opt_nonneg(what: &str, text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        Ok(_) => Err(crate::tr!("insp-err-nonneg", what = what, text = t)),
        Err(_) => Err(crate::tr!("insp-err-number", what = what, text = t)),
    }
}

/// Parse a number (any sign).
pub fn parse_num(what: &str, text: &str) -> Result<f64, String> {
    let t = text.trim();
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(crate::tr!("insp-err-number", what = what, text = t)),
    }
}

/// Parse a whole count ≥ 0; empty text is `None`.
pub fn parse_count(what: &str, text: &str) -> Result<Option<u64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u64>()
        .map(Some)
        .map_err(|_| crate::tr!("insp-err-count", what = what, text = t))
}

/// The right-hand panel.
pub fn panel(ui: &mut egui::Ui, v: FrameView<'_>, insp: &mut InspectorState, out: &mut Outbox<'_>) {
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(330.0)
        .size_range(260.0..=560.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.heading(tr("insp-heading"));
            ui.separator();
            // Both ways: a wide row scrolls instead of widening the panel, so selecting
            // a card never resizes the panel and pushes the map.
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width());
                    body(ui, v, insp, out);
                });
        });
}

fn body(ui: &mut egui::Ui, v: FrameView<'_>, insp: &mut InspectorState, out: &mut Outbox<'_>) {
    let target = if let Some(id) = v.selection().single() {
        Target::Touchpoint(id.clone())
    } else if let Some(k) = &v.selection().handoff {
        Target::Handoff(k.clone())
    } else {
        let n = v.selection().touchpoints.len();
        if n > 1 {
            ui.label(crate::tr!("insp-n-selected", count = n));
            ui.label(tr("insp-multi-hint"));
        } else {
            journey_fields(ui, v, out);
        }
        return;
    };
    let rev = v.doc().version();
    let own = insp.own_edit_from.take();
    let in_sync = insp.synced.as_ref() == Some(&(rev, target.clone()));
    let own_result = own.is_some_and(|r| rev.follows(r))
        && insp.synced.as_ref().is_some_and(|(_, t)| *t == target);
    if !in_sync {
        if !own_result {
            let j = v.journey();
            insp.draft = match &target {
                Target::Touchpoint(id) => j
                    .touchpoint(id)
                    .map(draft_of_touchpoint)
                    .unwrap_or_default(),
                Target::Handoff(k) => j.handoff(k).map(draft_of_handoff).unwrap_or_default(),
            };
            insp.error = None;
        }
        insp.synced = Some((rev, target.clone()));
    }
    if let Some(e) = &insp.error {
        ui.label(
            RichText::new(e.as_str())
                .color(Color32::from_rgb(220, 50, 50))
                .strong(),
        );
        ui.add_space(4.0);
    }
    match target {
        Target::Touchpoint(id) => touchpoint_fields(ui, v, insp, out, &id),
        Target::Handoff(k) => handoff_fields(ui, v, insp, out, &k),
    }
}

/// A labelled single-line field; the label names it for screen readers and tests.
fn field(ui: &mut egui::Ui, label: &str, text: &mut String) -> bool {
    let l = ui.label(RichText::new(label).small().strong());
    ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(l.id)
        .changed()
}

/// Like [`named_field`] for text that may be long (metric names, quotes): it wraps
/// onto as many lines as it needs instead of being cut; Enter adds no line break.
fn wrapping_field(ui: &mut egui::Ui, label: &str, text: &mut String, width: f32) -> bool {
    let changed = ui
        .add(
            egui::TextEdit::multiline(text)
                .desired_rows(1)
                .desired_width(width.max(60.0)),
        )
        .accessible_name(label)
        .changed();
    if text.contains(['\n', '\r']) {
        *text = text.replace(['\n', '\r'], " ").trim_end().to_owned();
    }
    changed
}

/// The width a `wrapping_field` must leave in its row for a small "×" button after it:
/// the button, the spacing before it and the text field's own margins (its
/// `desired_width` is the text's width, inside the frame). Without them the button
/// was cut off at the panel's edge.
fn room_for_remove_button(ui: &egui::Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let x = ui
        .ctx()
        .fonts_mut(|f| f.layout_no_wrap("×".to_owned(), font, egui::Color32::WHITE))
        .size()
        .x;
    let margins = 2.0 * 4.0; // egui::TextEdit's default horizontal margin, both sides
    x + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x + margins + 2.0
}

fn named_field(ui: &mut egui::Ui, label: &str, text: &mut String, width: f32) -> bool {
    ui.add(egui::TextEdit::singleline(text).desired_width(width))
        .accessible_name(label)
        .changed()
}

fn journey_fields(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
    let j = v.journey();
    let mut m = j.meta().clone();
    let before = m.clone();
    ui.label(RichText::new(tr("insp-journey")).heading());
    let mut field = None;
    // The panel's width less the label column (inside the grid the available width is
    // only the first cell's, which cut the title short).
    let w = (ui.available_width() - 80.0).max(120.0);
    egui::Grid::new("journey-meta")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (label, text, key) in [
                (tr("insp-title"), &mut m.title, "title"),
                (tr("insp-owner"), &mut m.owner, "owner"),
                (tr("insp-variant"), &mut m.variant, "variant"),
            ] {
                ui.label(&label);
                if named_field(
                    ui,
                    &crate::tr!("insp-journey-field", field = label.to_lowercase()),
                    text,
                    w,
                ) {
                    field = Some(key);
                }
                ui.end_row();
            }
        });
    ui.label(tr("insp-description"));
    if ui
        .add(
            egui::TextEdit::multiline(&mut m.description)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .accessible_name(tr("insp-journey-description"))
        .changed()
    {
        field = Some("description");
    }
    ui.add_space(4.0);
    ui.label(RichText::new(tr("insp-outcomes")).strong());
    let mut remove = None;
    for (i, o) in m.outcomes.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if named_field(ui, &tr("insp-outcome-name"), &mut o.name, 130.0) {
                field = Some("outcomes");
            }
            // The typed text is kept while it does not parse ("1." on the way to "1.5").
            let id = ui.scope_id().with(("outcome-value", i));
            let mut v = ui
                .data(|d| d.get_temp::<(f64, String)>(id))
                .filter(|(was, _)| *was == o.value)
                .map_or_else(|| fmt_num(o.value), |(_, t)| t);
            if named_field(ui, &tr("insp-outcome-value"), &mut v, 60.0) {
                if let Ok(x) = parse_num(&tr("insp-outcome-value"), &v) {
                    o.value = x;
                    field = Some("outcomes");
                }
                let value = o.value;
                ui.data_mut(|d| d.insert_temp(id, (value, v.clone())));
            }
            if named_field(ui, &tr("insp-outcome-unit"), &mut o.unit, 50.0) {
                field = Some("outcomes");
            }
            if ui
                .small_button("×")
                .on_hover_text(tr("insp-remove-outcome"))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        m.outcomes.remove(i);
        field = Some("outcomes");
    }
    if ui.small_button(tr("insp-add-outcome")).clicked() {
        m.outcomes.push(crate::model::Outcome {
            name: tr("insp-new-outcome"),
            value: 0.0,
            unit: String::new(),
        });
        field = Some("outcomes");
    }
    if let Some(key) = field
        && m != before
    {
        out.push(Action::Edit {
            label: crate::tr!("undo-edit-journey", field = field_name(key)),
            edit: Edit::SetMeta(Box::new(m)),
            merge: Some(format!("journey:{key}")),
        });
    }
    let j = v.journey();
    ui.add_space(8.0);
    ui.label(crate::tr!(
        "insp-journey-counts",
        touchpoints = j.touchpoint_count(),
        handoffs = j.handoff_count(),
        stages = j.stages().len(),
        departments = j.departments().len()
    ));
    ui.add_space(8.0);
    ui.label(RichText::new(tr("insp-select-hint")).italics());
}

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

fn touchpoint_fields(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    insp: &mut InspectorState,
    out: &mut Outbox<'_>,
    id: &TouchpointId,
) {
    let Some(orig) = v.journey().touchpoint(id).cloned() else {
        return;
    };
    let j: (Names<StageId>, Names<DepartmentId>) = {
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
    let mut changed: Option<&'static str> = None;
    let mut refused: Option<String> = None;
    let d = &mut insp.draft;

    ui.label(RichText::new(crate::tr!("insp-touchpoint-id", id = t.id.to_string())).small());
    if field(ui, &tr("insp-name"), &mut d.name) {
        t.name = d.name.clone();
        changed = Some("name");
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
        changed = Some("description");
    }
    egui::Grid::new("tp-kind")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label(tr("insp-stage"));
            let stage_name = |s: &Option<crate::model::StageId>| {
                s.as_ref().map_or(tr("dialog-no-stage"), |s| {
                    j.0.iter()
                        .find(|(i, _)| i == s)
                        .map_or(s.0.clone(), |(_, n)| n.clone())
                })
            };
            egui::ComboBox::from_id_salt("stage")
                .selected_text(stage_name(&t.stage))
                .show_ui(ui, |ui| {
                    for (sid, name) in &j.0 {
                        if ui
                            .selectable_label(t.stage.as_ref() == Some(sid), name)
                            .clicked()
                        {
                            t.stage = Some(sid.clone());
                            t.order = None;
                            changed = Some("stage");
                        }
                    }
                });
            ui.end_row();
            ui.label(tr("insp-owner-label"));
            let owner_name = t.owner.as_ref().map_or(tr("dialog-no-owner"), |o| {
                j.1.iter()
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
                        changed = Some("owner");
                    }
                    for (did, name) in &j.1 {
                        if ui
                            .selectable_label(t.owner.as_ref() == Some(did), name)
                            .clicked()
                        {
                            t.owner = Some(did.clone());
                            t.order = None;
                            changed = Some("owner");
                        }
                    }
                });
            ui.end_row();
            ui.label(tr("insp-channel"));
            if enum_combo(ui, "channel", &mut t.channel, &Channel::ALL, Channel::name) {
                changed = Some("channel");
            }
            ui.end_row();
            ui.label(tr("insp-layer"));
            if enum_combo(ui, "layer", &mut t.layer, &Layer::ALL, Layer::name) {
                changed = Some("layer");
            }
            ui.end_row();
            ui.label(tr("insp-volume"));
            if named_field(ui, &tr("insp-volume"), &mut d.volume, 120.0) {
                match parse_count(&tr("insp-volume"), &d.volume) {
                    Ok(v) => {
                        t.volume = v;
                        changed = Some("volume");
                    }
                    Err(e) => refused = Some(e),
                }
            }
            ui.end_row();
            ui.label(tr("insp-handling-min"));
            if named_field(ui, &tr("insp-handling"), &mut d.handling, 120.0) {
                match parse_opt_nonneg(&tr("insp-handling"), &d.handling) {
                    Ok(v) => {
                        t.handling_minutes = v;
                        changed = Some("handling time");
                    }
                    Err(e) => refused = Some(e),
                }
            }
            ui.end_row();
        });

    super::measured::touchpoint_sources(ui, &orig);
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
                    changed = Some("metric");
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
                            changed = Some("metric");
                        }
                        Err(e) => refused = Some(e),
                    }
                }
                ui.label(tr("insp-unit"));
                if named_field(ui, &tr("insp-metric-unit"), &mut md.unit, 44.0) {
                    m.unit = md.unit.clone();
                    changed = Some("metric");
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
                    changed = Some("metric");
                }
                if named_field(ui, &tr("insp-metric-target"), &mut md.target, 56.0) {
                    match md.target.trim() {
                        "" => {
                            m.target = None;
                            changed = Some("metric");
                        }
                        s => match parse_num(&tr("insp-metric-target"), s) {
                            Ok(v) => {
                                m.target = Some(v);
                                changed = Some("metric");
                            }
                            Err(e) => refused = Some(e),
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
        changed = Some("metrics");
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
        changed = Some("metrics");
    }

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
            changed = Some("satisfaction");
        }
    }
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
                        changed = Some("satisfaction");
                    }
                    Ok(_) => refused = Some(tr("insp-err-mean-range")),
                    Err(e) => refused = Some(e),
                }
            }
            ui.label(tr("insp-responses-lower"));
            named_field(ui, &tr("insp-responses"), &mut d.responses, 70.0);
        });
        ui.label(RichText::new(tr("insp-no-score-yet")).small().weak());
    }
    match &mut t.satisfaction {
        Some(Satisfaction::Histogram(h)) => {
            if histogram_editor(ui, h, &mut d.hist, &mut refused) {
                changed = Some("satisfaction");
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
                            changed = Some("satisfaction");
                        }
                        Ok(_) => refused = Some(tr("insp-err-mean-range")),
                        Err(e) => refused = Some(e),
                    }
                }
                ui.label(tr("insp-responses-lower"));
                if named_field(ui, &tr("insp-responses"), &mut d.responses, 70.0) {
                    match parse_count(&tr("insp-responses"), &d.responses) {
                        Ok(v) => {
                            *responses = u32::try_from(v.unwrap_or(0)).unwrap_or(u32::MAX);
                            changed = Some("satisfaction");
                        }
                        Err(e) => refused = Some(e),
                    }
                }
            });
        }
        None => {}
    }

    super::voice::show(ui, &orig);
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
                changed = Some("pain points");
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
        changed = Some("pain points");
    }
    if ui.button(tr("insp-add-pain-point")).clicked() {
        t.pains.push(String::new());
        d.pains.push(String::new());
        changed = Some("pain points");
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
        changed = Some("notes");
    }

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
        out.push(Action::Command(super::action::Command::Delete));
    }

    if let Some(e) = refused {
        insp.error = Some(e);
    } else if let Some(what) = changed
        && t != orig
    {
        super::measured::typed_over_touchpoint(&orig, &mut t);
        queue_tp(v, insp, out, t, what);
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

fn handoff_fields(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    insp: &mut InspectorState,
    out: &mut Outbox<'_>,
    key: &HandoffKey,
) {
    let j = v.journey();
    let Some(orig) = j.handoff(key).cloned() else {
        return;
    };
    let name = |id: &TouchpointId| j.touchpoint(id).map_or(id.0.clone(), |t| t.name.clone());
    let owner = |id: &TouchpointId| j.touchpoint(id).and_then(|t| t.owner.clone());
    let cross = j.crosses_departments(&key.from, &key.to);
    ui.label(RichText::new(tr("insp-handoff")).small());
    ui.label(
        RichText::new(crate::tr!(
            "insp-from-to",
            from = name(&key.from),
            to = name(&key.to)
        ))
        .strong(),
    );
    let from_dept = j.department_label(owner(&key.from).as_ref());
    let to_dept = j.department_label(owner(&key.to).as_ref());
    ui.label(if cross {
        crate::tr!("insp-from-to-crossing", from = from_dept, to = to_dept)
    } else {
        crate::tr!("insp-from-to", from = from_dept, to = to_dept)
    });
    let mut h = orig.clone();
    let mut changed: Option<&str> = None;
    let mut refused = None;
    let d = &mut insp.draft;
    if field(ui, &tr("insp-label"), &mut d.label) {
        h.label = d.label.clone();
        changed = Some("label");
    }
    egui::Grid::new("handoff-grid")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(tr("insp-queue-hours"));
            if named_field(ui, &tr("insp-queue"), &mut d.wait, 100.0) {
                match parse_opt_nonneg(&tr("insp-queue"), &d.wait) {
                    Ok(v) => {
                        h.wait_hours = v;
                        changed = Some("queue time");
                    }
                    Err(e) => refused = Some(e),
                }
            }
            ui.end_row();
            ui.label(tr("insp-failure-pct"));
            if named_field(ui, &tr("insp-failure"), &mut d.failure, 100.0) {
                match parse_opt_nonneg(&tr("insp-failure"), &d.failure) {
                    Ok(Some(v)) if v > 100.0 => refused = Some(tr("insp-err-failure-range")),
                    Ok(v) => {
                        h.failure_rate = v.map(|v| v / 100.0);
                        changed = Some("failure rate");
                    }
                    Err(e) => refused = Some(e),
                }
            }
            ui.end_row();
        });
    super::measured::handoff_sources(ui, &orig);
    ui.label(RichText::new(tr("insp-notes")).small().strong());
    if ui
        .add(
            egui::TextEdit::multiline(&mut d.notes)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .accessible_name(tr("insp-handoff-notes"))
        .changed()
    {
        h.notes = d.notes.clone();
        changed = Some("notes");
    }
    if ui.button(tr("insp-delete-handoff")).clicked() {
        out.push(Action::Command(super::action::Command::Delete));
    }
    if let Some(e) = refused {
        insp.error = Some(e);
    } else if let Some(what) = changed
        && h != orig
    {
        super::measured::typed_over_handoff(&orig, &mut h);
        match validate_handoff_values(&h) {
            Ok(()) => {
                insp.error = None;
                insp.own_edit_from = Some(v.doc().version());
                out.push(Action::Edit {
                    label: crate::tr!("undo-edit-handoff", field = field_name(what)),
                    edit: Edit::UpdateHandoff(h),
                    merge: Some(format!("h:{key}:{what}")),
                });
            }
            Err(e) => insp.error = Some(e.to_string()),
        }
    }
}

/// A combo box choosing one value of a small enum; returns whether it changed.
/// An edited field's name for the undo label ("Edit queue time", "编辑排队时间").
fn field_name(key: &str) -> String {
    let id = format!("field-{}", key.replace(' ', "-"));
    if crate::i18n::has_message(&crate::i18n::Lang::english(), &id) {
        tr(&id)
    } else {
        key.to_owned()
    }
}

fn enum_combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    salt: &str,
    value: &mut T,
    all: &[T],
    label: fn(T) -> String,
) -> bool {
    let mut changed = false;
    egui::ComboBox::from_id_salt(salt)
        .selected_text(label(*value))
        .show_ui(ui, |ui| {
            for &v in all {
                if ui.selectable_label(*value == v, label(v)).clicked() {
                    *value = v;
                    changed = true;
                }
            }
        });
    changed
}
