//! Every change a user can make to a journey, as data. `apply` performs an edit and
//! returns its exact inverse; a failed edit changes nothing. This is the only way
//! the application changes a document (see [`crate::history`]).

use crate::model::{
    ActionItem, Anchor, Department, DepartmentId, Handoff, HandoffKey, Journey, JourneyMeta,
    ModelError, NoteId, Stage, StageId, StickyNote, Touchpoint, TouchpointId,
};
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq)]
#[must_use = "an edit does nothing until it is applied"]
pub enum Edit {
    SetMeta(Box<JourneyMeta>),
    InsertStage {
        index: usize,
        stage: Stage,
    },
    RemoveStage(StageId),
    UpdateStage(Stage),
    MoveStage {
        from: usize,
        to: usize,
    },
    InsertDepartment {
        index: usize,
        department: Department,
    },
    RemoveDepartment(DepartmentId),
    UpdateDepartment(Department),
    MoveDepartment {
        from: usize,
        to: usize,
    },
    AddTouchpoint(Box<Touchpoint>),
    RemoveTouchpoint(TouchpointId),
    /// Replace the touchpoint with the same id (moves, renames, any field).
    UpdateTouchpoint(Box<Touchpoint>),
    AddHandoff(Handoff),
    RemoveHandoff(HandoffKey),
    UpdateHandoff(Handoff),
    AddNote(StickyNote),
    RemoveNote(NoteId),
    UpdateNote(StickyNote),
    AddAction(ActionItem),
    RemoveAction(NoteId),
    UpdateAction(ActionItem),
    /// Several edits applied in order, all or nothing.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Apply to `journey`. On success returns the inverse edit; on error the journey is unchanged.
    pub fn apply(self, journey: &mut Journey) -> Result<Edit, ModelError> {
        Ok(match self {
            Edit::SetMeta(meta) => Edit::SetMeta(Box::new(journey.set_meta(*meta)?)),
            Edit::InsertStage { index, stage } => {
                let id = stage.id.clone();
                journey.insert_stage(index, stage)?;
                Edit::RemoveStage(id)
            }
            Edit::RemoveStage(id) => {
                let (index, stage) = journey.remove_stage(&id)?;
                Edit::InsertStage { index, stage }
            }
            Edit::UpdateStage(stage) => Edit::UpdateStage(journey.update_stage(stage)?),
            Edit::MoveStage { from, to } => {
                journey.move_stage(from, to)?;
                Edit::MoveStage { from: to, to: from }
            }
            Edit::InsertDepartment { index, department } => {
                let id = department.id.clone();
                journey.insert_department(index, department)?;
                Edit::RemoveDepartment(id)
            }
            Edit::RemoveDepartment(id) => {
                let (index, department) = journey.remove_department(&id)?;
                Edit::InsertDepartment { index, department }
            }
            Edit::UpdateDepartment(d) => Edit::UpdateDepartment(journey.update_department(d)?),
            Edit::MoveDepartment { from, to } => {
                journey.move_department(from, to)?;
                Edit::MoveDepartment { from: to, to: from }
            }
            Edit::AddTouchpoint(tp) => {
                let id = tp.id.clone();
                journey.add_touchpoint(*tp)?;
                Edit::RemoveTouchpoint(id)
            }
            Edit::RemoveTouchpoint(id) => {
                Edit::AddTouchpoint(Box::new(journey.remove_touchpoint(&id)?))
            }
            Edit::UpdateTouchpoint(tp) => {
                Edit::UpdateTouchpoint(Box::new(journey.update_touchpoint(*tp)?))
            }
            Edit::AddHandoff(h) => {
                let key = h.key();
                journey.add_handoff(h)?;
                Edit::RemoveHandoff(key)
            }
            Edit::RemoveHandoff(key) => Edit::AddHandoff(journey.remove_handoff(&key)?),
            Edit::UpdateHandoff(h) => Edit::UpdateHandoff(journey.update_handoff(h)?),
            Edit::AddNote(n) => {
                let id = n.id.clone();
                journey.add_note(n)?;
                Edit::RemoveNote(id)
            }
            Edit::RemoveNote(id) => Edit::AddNote(journey.remove_note(&id)?),
            Edit::UpdateNote(n) => Edit::UpdateNote(journey.update_note(n)?),
            Edit::AddAction(a) => {
                let id = a.id.clone();
                journey.add_action(a)?;
                Edit::RemoveAction(id)
            }
            Edit::RemoveAction(id) => Edit::AddAction(journey.remove_action(&id)?),
            Edit::UpdateAction(a) => Edit::UpdateAction(journey.update_action(a)?),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(journey) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            // Roll back what was applied, newest first. Inverses of
                            // edits that just succeeded cannot fail.
                            for inv in inverses.into_iter().rev() {
                                let _ = inv.apply(journey);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
        })
    }

    /// Is this an empty batch (nothing to do)?
    pub fn is_noop(&self) -> bool {
        matches!(self, Edit::Batch(v) if v.iter().all(Edit::is_noop))
    }

    /// Remove touchpoints together with their handoffs and the notes and actions
    /// attached to them or to those handoffs.
    pub fn remove_touchpoints(journey: &Journey, ids: &BTreeSet<TouchpointId>) -> Edit {
        let mut edits = Vec::new();
        for n in journey.notes() {
            if ids.iter().any(|id| n.anchor.mentions(id)) {
                edits.push(Edit::RemoveNote(n.id.clone()));
            }
        }
        for a in journey.actions() {
            if ids.iter().any(|id| a.anchor.mentions(id)) {
                edits.push(Edit::RemoveAction(a.id.clone()));
            }
        }
        let mut handoffs = BTreeSet::new();
        for id in ids {
            for h in journey.outgoing(id).into_iter().chain(journey.incoming(id)) {
                handoffs.insert(h.key());
            }
        }
        edits.extend(handoffs.into_iter().map(Edit::RemoveHandoff));
        edits.extend(
            ids.iter()
                .filter(|id| journey.contains_touchpoint(id))
                .cloned()
                .map(Edit::RemoveTouchpoint),
        );
        Edit::Batch(edits)
    }

    /// Remove a handoff together with the notes and actions attached to it.
    pub fn remove_handoff(journey: &Journey, key: &HandoffKey) -> Edit {
        let anchored = |a: &Anchor| matches!(a, Anchor::Handoff(k) if k == key);
        let mut edits: Vec<Edit> = journey
            .notes()
            .filter(|n| anchored(&n.anchor))
            .map(|n| Edit::RemoveNote(n.id.clone()))
            .collect();
        edits.extend(
            journey
                .actions()
                .filter(|a| anchored(&a.anchor))
                .map(|a| Edit::RemoveAction(a.id.clone())),
        );
        edits.push(Edit::RemoveHandoff(key.clone()));
        Edit::Batch(edits)
    }

    /// Remove a stage; its touchpoints move to `move_to` (or lose their stage),
    /// notes pinned to its cells are unpinned to the journey.
    pub fn remove_stage(journey: &Journey, id: &StageId, move_to: Option<&StageId>) -> Edit {
        let mut edits: Vec<Edit> = journey
            .touchpoints()
            .filter(|t| t.stage.as_ref() == Some(id))
            .map(|t| {
                let mut t = t.clone();
                t.stage = move_to.cloned();
                Edit::UpdateTouchpoint(Box::new(t))
            })
            .collect();
        edits.extend(unpin_cells(
            journey,
            |a| matches!(a, Anchor::Cell(s, _) if s == id),
        ));
        edits.push(Edit::RemoveStage(id.clone()));
        Edit::Batch(edits)
    }

    /// Remove a department; its touchpoints move to `move_to` (or become unowned).
    pub fn remove_department(
        journey: &Journey,
        id: &DepartmentId,
        move_to: Option<&DepartmentId>,
    ) -> Edit {
        let mut edits: Vec<Edit> = journey
            .touchpoints()
            .filter(|t| t.owner.as_ref() == Some(id))
            .map(|t| {
                let mut t = t.clone();
                t.owner = move_to.cloned();
                Edit::UpdateTouchpoint(Box::new(t))
            })
            .collect();
        edits.extend(unpin_cells(
            journey,
            |a| matches!(a, Anchor::Cell(_, d) if d == id),
        ));
        edits.push(Edit::RemoveDepartment(id.clone()));
        Edit::Batch(edits)
    }
}

fn unpin_cells(journey: &Journey, pinned: impl Fn(&Anchor) -> bool) -> Vec<Edit> {
    let mut edits = Vec::new();
    for n in journey.notes().filter(|n| pinned(&n.anchor)) {
        let mut n = n.clone();
        n.anchor = Anchor::Journey;
        edits.push(Edit::UpdateNote(n));
    }
    for a in journey.actions().filter(|a| pinned(&a.anchor)) {
        let mut a = a.clone();
        a.anchor = Anchor::Journey;
        edits.push(Edit::UpdateAction(a));
    }
    edits
}
