//! The handoff's fields in the inspector.

use super::{InspectorState, field, field_name, named_field, parse_opt_nonneg};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::model::{HandoffKey, TouchpointId, validate_handoff_values};
use crate::ui::action::Action;
use crate::ui::frame::{FrameView, Outbox};
use egui::RichText;

/// The selected handoff: its ends, label, queue time, failure rate and notes.
pub(super) fn handoff_fields(
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
    crate::ui::measured::handoff_sources(ui, &orig);
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
        out.push(Action::Command(crate::ui::action::Command::Delete));
    }
    if let Some(e) = refused {
        insp.error = Some(e);
    } else if let Some(what) = changed
        && h != orig
    {
        crate::ui::measured::typed_over_handoff(&orig, &mut h);
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
