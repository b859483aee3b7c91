//! The inspector: every field of the selected touchpoint or handoff, editable.
//! Text the user types is kept in drafts; a value is sent to the document only when it
//! parses and passes the model's checks, otherwise the field shows why it was refused.
//! Typing in one field merges into one undo step.

use super::frame::{FrameView, Outbox};
use crate::history::Version;
use crate::i18n::tr;
use crate::model::{Handoff, HandoffKey, Satisfaction, Touchpoint, TouchpointId, fmt_num};
use egui::{Color32, RichText};
use handoff::handoff_fields;
use journey::journey_fields;
use touchpoint::touchpoint_fields;

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

/// An edited field's name for the undo label ("Edit queue time", "编辑排队时间").
fn field_name(key: &str) -> String {
    let id = format!("field-{}", key.replace(' ', "-"));
    if crate::i18n::has_message(&crate::i18n::Lang::english(), &id) {
        tr(&id)
    } else {
        key.to_owned()
    }
}

/// A combo box choosing one value of a small enum; returns whether it changed.
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

mod handoff;
mod journey;
mod touchpoint;
