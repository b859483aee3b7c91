//! Improvement actions: what, owner, due date and status, on a touchpoint or
//! handoff (or the journey); a list filtered by owner and status.

use super::action::{Action, Command};
use super::app::AppState;
use super::frame::{FrameView, Outbox};
use super::notes::{anchor_label, fresh_note_id};
use super::warroom::{PanelTab, WarRoom};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::model::{ActionItem, ActionStatus, Anchor, Journey};
use egui::RichText;
use std::collections::BTreeSet;

/// Filters of the actions list (UI state).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionsState {
    /// Only this owner (exact text); `None` = every owner.
    pub owner: Option<String>,
    /// Only this status; `None` = every status.
    pub status: Option<ActionStatus>,
}

/// The actions that pass the filters, in id order.
pub fn filtered<'a>(
    actions: impl Iterator<Item = &'a ActionItem>,
    filter: &ActionsState,
) -> Vec<&'a ActionItem> {
    actions
        .filter(|a| filter.owner.as_ref().is_none_or(|o| &a.owner == o))
        .filter(|a| filter.status.is_none_or(|s| a.status == s))
        .collect()
}

/// Add an open action on the selected touchpoint or handoff (or the journey).
pub fn add_action(state: &mut AppState) {
    let anchor = if let Some(id) = state.selection.single() {
        Anchor::Touchpoint(id.clone())
    } else if let Some(k) = &state.selection.handoff {
        Anchor::Handoff(k.clone())
    } else {
        Anchor::Journey
    };
    let id = fresh_note_id(state.journey(), "a");
    let owner = state
        .warroom
        .focus
        .as_ref()
        .map(|d| state.journey().department_name(Some(d)))
        .unwrap_or_default();
    let action = ActionItem {
        id,
        what: String::new(),
        owner,
        due: String::new(),
        status: ActionStatus::Open,
        anchor,
    };
    let on = anchor_label(state.journey(), &action.anchor);
    state.edit(
        &crate::tr!("undo-add-action", on = on),
        Edit::AddAction(action),
        None,
    );
    state.warroom.panel = true;
    state.warroom.tab = PanelTab::Actions;
    // A new action must be visible: clear filters that would hide it.
    state.warroom.actions = ActionsState::default();
}

/// Is `due` empty or a plausible `YYYY-MM-DD` date?
pub fn valid_due(due: &str) -> bool {
    let d = due.trim();
    if d.is_empty() {
        return true;
    }
    let parts: Vec<&str> = d.split('-').collect();
    let [y, m, day] = parts.as_slice() else {
        return false;
    };
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!((num(y, 4), num(m, 2), num(day, 2)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

/// A change to an action (typing merges into one undo step per action).
fn update(out: &mut Outbox<'_>, a: ActionItem, label: &str, merge: bool) {
    let merge = merge.then(|| format!("action-{}", a.id));
    out.edit(label, Edit::UpdateAction(a), merge);
}

/// The actions tab of the war-room panel.
pub fn panel(ui: &mut egui::Ui, v: FrameView<'_>, w: &mut WarRoom, out: &mut Outbox<'_>) {
    let owners: BTreeSet<String> = v
        .journey()
        .actions()
        .map(|a| a.owner.clone())
        .filter(|o| !o.trim().is_empty())
        .collect();
    ui.horizontal(|ui| {
        if ui
            .button(tr("actions-add"))
            .on_hover_text(tr("actions-add-tip"))
            .clicked()
        {
            out.command(Command::AddAction);
        }
    });
    filters(ui, &mut w.actions, &owners);
    ui.separator();
    let list: Vec<ActionItem> = filtered(v.journey().actions(), &w.actions)
        .into_iter()
        .cloned()
        .collect();
    let total = v.journey().actions().count();
    ui.label(
        RichText::new(crate::tr!(
            "actions-count",
            shown = list.len(),
            total = total
        ))
        .weak(),
    );
    for a in list {
        action_row(ui, v.journey(), a, out);
        ui.add_space(6.0);
    }
}

/// The owner and status filters of the list.
fn filters(ui: &mut egui::Ui, f: &mut ActionsState, owners: &BTreeSet<String>) {
    ui.horizontal(|ui| {
        ui.label(tr("actions-owner"));
        egui::ComboBox::from_id_salt("actions-owner")
            .selected_text(f.owner.clone().unwrap_or_else(|| tr("actions-all-owners")))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.owner, None, tr("actions-all-owners"));
                for o in owners {
                    ui.selectable_value(&mut f.owner, Some(o.clone()), o);
                }
            });
        ui.label(tr("actions-status"));
        egui::ComboBox::from_id_salt("actions-status")
            .selected_text(f.status.map_or_else(|| tr("actions-all"), status_name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.status, None, tr("actions-all"));
                for s in ActionStatus::ALL {
                    ui.selectable_value(&mut f.status, Some(s), status_name(s));
                }
            });
    });
}

fn action_row(ui: &mut egui::Ui, j: &Journey, a: ActionItem, out: &mut Outbox<'_>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let on = anchor_label(j, &a.anchor);
        if ui
            .link(RichText::new(crate::tr!("note-on", on = on)).small())
            .clicked()
        {
            match &a.anchor {
                Anchor::Touchpoint(t) => out.push(Action::Focus(vec![t.clone()])),
                Anchor::Handoff(k) => out.push(Action::SelectHandoff(k.clone())),
                _ => {}
            }
        }
        let mut what = a.what.clone();
        if ui
            .add(
                egui::TextEdit::multiline(&mut what)
                    .hint_text(tr("actions-what-hint"))
                    .desired_rows(1)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(tr("actions-action"))
            .changed()
        {
            let mut n = a.clone();
            n.what = what;
            update(out, n, &tr("undo-edit-action"), true);
        }
        ui.horizontal(|ui| {
            let mut owner = a.owner.clone();
            if ui
                .add(
                    egui::TextEdit::singleline(&mut owner)
                        .hint_text(tr("actions-owner-hint"))
                        .desired_width(110.0),
                )
                .accessible_name(tr("actions-action-owner"))
                .changed()
            {
                let mut n = a.clone();
                n.owner = owner;
                update(out, n, &tr("undo-edit-action-owner"), true);
            }
            let mut due = a.due.clone();
            let ok = valid_due(&due);
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut due)
                        .hint_text(tr("actions-date-hint"))
                        .desired_width(90.0)
                        .text_color_opt((!ok).then(|| ui.visuals().error_fg_color)),
                )
                .accessible_name(tr("actions-due"));
            if r.changed() {
                let mut n = a.clone();
                n.due = due;
                update(out, n, &tr("undo-edit-action-due"), true);
            }
            let mut status = a.status;
            egui::ComboBox::from_id_salt(("action-status", a.id.as_str()))
                .selected_text(status_name(status))
                .width(90.0)
                .show_ui(ui, |ui| {
                    for s in ActionStatus::ALL {
                        ui.selectable_value(&mut status, s, status_name(s));
                    }
                });
            if status != a.status {
                let mut n = a.clone();
                n.status = status;
                update(out, n, &tr("undo-set-action-status"), false);
            }
            if ui
                .small_button(tr("actions-delete"))
                .on_hover_text(tr("undo-delete-action"))
                .clicked()
            {
                out.edit(
                    tr("undo-delete-action"),
                    Edit::RemoveAction(a.id.clone()),
                    None,
                );
            }
        });
    });
}

/// An action status in the current language ("In progress", "进行中").
fn status_name(s: ActionStatus) -> String {
    tr(match s {
        ActionStatus::Open => "action-status-open",
        ActionStatus::InProgress => "action-status-in-progress",
        ActionStatus::Done => "action-status-done",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteId;

    fn item(id: &str, owner: &str, status: ActionStatus) -> ActionItem {
        ActionItem {
            id: NoteId::new(id),
            what: id.into(),
            owner: owner.into(),
            status,
            ..Default::default()
        }
    }

    #[test]
    fn filters_by_owner_and_status() {
        let all = [
            item("a-1", "Billing", ActionStatus::Open),
            item("a-2", "Billing", ActionStatus::Done),
            item("a-3", "Metering", ActionStatus::Open),
        ];
        let ids = |f: &ActionsState| -> Vec<String> {
            filtered(all.iter(), f)
                .iter()
                .map(|a| a.id.to_string())
                .collect()
        };
        assert_eq!(ids(&ActionsState::default()).len(), 3);
        let billing = ActionsState {
            owner: Some("Billing".into()),
            status: None,
        };
        assert_eq!(ids(&billing), ["a-1", "a-2"]);
        let open_billing = ActionsState {
            status: Some(ActionStatus::Open),
            ..billing
        };
        assert_eq!(ids(&open_billing), ["a-1"]);
    }

    #[test]
    fn due_dates() {
        assert!(valid_due(""));
        assert!(valid_due("2027-03-31"));
        assert!(!valid_due("2027-13-01"));
        assert!(!valid_due("31/03/2027"));
        assert!(!valid_due("2027-3-1"));
    }
}
