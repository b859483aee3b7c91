//! The journey's fields in the inspector, shown when nothing is selected.

use super::{field_name, named_field, parse_num};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::model::fmt_num;
use crate::ui::action::Action;
use crate::ui::frame::{FrameView, Outbox};
use egui::RichText;

/// The journey's own fields (nothing selected): title, owner, variant, description,
/// outcomes, and its counts.
pub(super) fn journey_fields(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
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
