//! The editing gestures on the app: thin callers of [`crate::editing`] that label the
//! edit, apply it as one undo step and select what it made.

use super::{AppState, Selection};
use crate::edit::Edit;
use crate::editing;
use crate::i18n::tr;
use crate::model::{DepartmentId, Layer, StageId, TouchpointId};
use crate::ui::action::Action;
use crate::ui::{clipboard, panels};

impl AppState {
    /// Where "Add touchpoint" puts a new one: after the selected touchpoint in the next
    /// stage, or in the first stage of the first department.
    pub fn next_create(&self) -> Action {
        let editing::NewCell {
            stage,
            owner,
            layer,
            after,
        } = editing::next_create(self.journey(), self.selection.single());
        Action::BeginCreate {
            stage,
            owner,
            layer,
            after,
        }
    }

    /// Create a touchpoint named `name` in a cell; returns its id when created.
    pub fn create_touchpoint(
        &mut self,
        name: &str,
        stage: Option<StageId>,
        owner: Option<DepartmentId>,
        layer: Option<Layer>,
        after: Option<TouchpointId>,
    ) -> Option<TouchpointId> {
        let cell = editing::NewCell {
            stage,
            owner,
            layer,
            after,
        };
        let (id, edit) = editing::create_touchpoint(self.journey(), name, cell)?;
        let before = self.doc.version();
        self.edit(&tr!("undo-add-touchpoint", name = name.trim()), edit, None);
        if self.doc.version() != before {
            self.selection = Selection {
                touchpoints: [id.clone()].into_iter().collect(),
                handoff: None,
            };
            Some(id)
        } else {
            None
        }
    }

    pub(super) fn delete_selection(&mut self) {
        if let Some(key) = self.selection.handoff.clone() {
            let edit = editing::delete_handoff(self.journey(), &key);
            self.edit(&tr("undo-delete-handoff"), edit, None);
            self.selection.handoff = None;
        }
        if !self.selection.touchpoints.is_empty() {
            let n = self.selection.touchpoints.len();
            let edit = editing::delete_touchpoints(self.journey(), &self.selection.touchpoints);
            self.edit(&tr!("undo-delete-touchpoints", count = n), edit, None);
            self.selection.touchpoints.clear();
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        let target_stage = editing::paste_stage(self.journey(), self.selection.single());
        match clipboard::paste_edit(self.journey(), text, target_stage.as_ref()) {
            Ok((edit, ids)) => {
                let n = ids.len();
                let before = self.doc.version();
                self.edit(&tr!("undo-paste", count = n), edit, None);
                if self.doc.version() != before {
                    self.selection = Selection {
                        touchpoints: ids.into_iter().collect(),
                        handoff: None,
                    };
                }
            }
            Err(e) => self.status = tr!("status-nothing-pasted", error = e.to_string()),
        }
    }

    /// Move the selected touchpoints `dx` stages and `dy` lanes (arrow keys).
    pub fn move_selection(&mut self, dx: i32, dy: i32) {
        let ids: Vec<TouchpointId> = self.selection.touchpoints.iter().cloned().collect();
        if let Some(edit) = self.move_edit(&ids, dx, dy) {
            self.edit(&tr("undo-move-touchpoints"), edit, None);
        }
    }

    /// The edit moving `ids` by whole cells, or `None` when nothing changes.
    pub fn move_edit(&self, ids: &[TouchpointId], dx: i32, dy: i32) -> Option<Edit> {
        editing::move_edit(self.journey(), &self.derived.layout, ids, dx, dy)
    }

    pub(super) fn add_stage(&mut self) {
        let (id, edit) = editing::add_stage(self.journey(), self.selection.single());
        self.edit(&tr("undo-add-stage"), edit, None);
        if self.journey().stage(&id).is_some() {
            // Named in place: the Structure tab opens with the new name selected.
            self.view.left_panel = true;
            self.left_tab = panels::LeftTab::Structure;
            self.name_new = Some(panels::NewName::Stage(id));
        }
    }

    pub(super) fn add_department(&mut self) {
        let (id, edit) = editing::add_department(self.journey());
        self.edit(&tr("undo-add-department"), edit, None);
        if self.journey().department(&id).is_some() {
            self.view.left_panel = true;
            self.left_tab = panels::LeftTab::Structure;
            self.name_new = Some(panels::NewName::Department(id));
        }
    }
}
