//! The edits of the app's editing gestures, built without egui: add a touchpoint in a
//! cell, move touchpoints by whole cells, drop a card on a slot (another cell, or its own
//! cell to reorder), delete a selection, add a stage or a
//! department, and where a paste lands. Pure functions: the journey (with its layout
//! and the selected ids where they matter) in, an [`Edit`] (and the new ids) out; the
//! app labels the edit, applies it as one undo step and selects what it made.

use crate::edit::Edit;
use crate::layout::{LaneKey, Layout};
use crate::model::{
    Channel, Department, DepartmentId, DepartmentKind, Handoff, HandoffKey, Journey, Layer, Rgb,
    Stage, StageId, Touchpoint, TouchpointId, fresh_id, slugify,
};
use std::collections::BTreeSet;

/// The cell a new touchpoint goes to, and the touchpoint it follows (a handoff from it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewCell {
    pub stage: Option<StageId>,
    pub owner: Option<DepartmentId>,
    pub layer: Option<Layer>,
    pub after: Option<TouchpointId>,
}

/// Where "Add touchpoint" puts a new one: after the `selected` touchpoint in the next
/// stage, or in the first stage of the first department.
pub fn next_create(j: &Journey, selected: Option<&TouchpointId>) -> NewCell {
    if let Some(t) = selected.and_then(|id| j.touchpoint(id)) {
        let next_stage = t
            .stage
            .as_ref()
            .and_then(|s| j.stage_index(s))
            .map(|i| (i + 1).min(j.stages().len().saturating_sub(1)))
            .and_then(|i| j.stages().get(i))
            .map(|s| s.id.clone())
            .or_else(|| t.stage.clone());
        return NewCell {
            stage: next_stage,
            owner: t.owner.clone(),
            layer: Some(t.layer),
            after: Some(t.id.clone()),
        };
    }
    NewCell {
        stage: j.stages().first().map(|s| s.id.clone()),
        owner: j.departments().first().map(|d| d.id.clone()),
        layer: None,
        after: None,
    }
}

/// The edit creating a touchpoint named `name` (trimmed) in `cell`, with a handoff from
/// `cell.after` when that touchpoint exists, and the new touchpoint's id. `None` for an
/// empty name.
pub fn create_touchpoint(j: &Journey, name: &str, cell: NewCell) -> Option<(TouchpointId, Edit)> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let NewCell {
        stage,
        owner,
        layer,
        after,
    } = cell;
    let id = fresh_id(&slugify(name, "tp"), |s| {
        j.contains_touchpoint(&TouchpointId::new(s))
    });
    let mut t = Touchpoint::new(id.clone(), name);
    t.stage = stage;
    t.layer = layer.unwrap_or(if j.is_customer(owner.as_ref()) {
        Layer::CustomerAction
    } else {
        Layer::Frontstage
    });
    if j.is_customer(owner.as_ref()) && layer.is_none() {
        t.channel = Channel::Web;
    }
    t.owner = owner;
    let id = TouchpointId::new(id);
    let mut edits = vec![Edit::AddTouchpoint(Box::new(t))];
    if let Some(a) = after.filter(|a| j.contains_touchpoint(a)) {
        edits.push(Edit::AddHandoff(Handoff {
            from: a,
            to: id.clone(),
            ..Default::default()
        }));
    }
    Some((id, Edit::Batch(edits)))
}

/// The edit deleting a handoff with the notes and actions attached to it.
pub fn delete_handoff(j: &Journey, key: &HandoffKey) -> Edit {
    Edit::remove_handoff(j, key)
}

/// The edit deleting touchpoints with their handoffs, notes and actions.
pub fn delete_touchpoints(j: &Journey, ids: &BTreeSet<TouchpointId>) -> Edit {
    Edit::remove_touchpoints(j, ids)
}

/// The stage a paste lands in when its own stage is not in the journey: the stage of
/// the single `selected` touchpoint.
pub fn paste_stage(j: &Journey, selected: Option<&TouchpointId>) -> Option<StageId> {
    selected
        .and_then(|id| j.touchpoint(id))
        .and_then(|t| t.stage.clone())
}

/// The edit moving `ids` by whole cells of `layout` (`dx` stages, `dy` lanes, clamped
/// to the grid): the stage, owner or layer of the target cell, and no manual order
/// once a card changes cell. `None` when nothing changes.
pub fn move_edit(
    j: &Journey,
    layout: &Layout,
    ids: &[TouchpointId],
    dx: i32,
    dy: i32,
) -> Option<Edit> {
    let mut edits = Vec::new();
    for id in ids {
        let (Some(t), Some(&(ci, li))) = (j.touchpoint(id), layout.cell_of.get(id)) else {
            continue;
        };
        let nc = (ci as i64 + i64::from(dx)).clamp(0, layout.columns.len() as i64 - 1);
        let nl = (li as i64 + i64::from(dy)).clamp(0, layout.lanes.len() as i64 - 1);
        let (Ok(nc), Ok(nl)) = (usize::try_from(nc), usize::try_from(nl)) else {
            continue;
        };
        let mut t = t.clone();
        if let Some(col) = layout.columns.get(nc) {
            t.stage = col.stage.clone().or(t.stage);
        }
        match layout.lanes.get(nl).map(|l| &l.key) {
            Some(LaneKey::Department(d)) => t.owner = Some(d.clone()),
            Some(LaneKey::Unowned) => t.owner = None,
            Some(LaneKey::Layer(l)) => t.layer = *l,
            None => {}
        }
        if (nc, nl) != (ci, li) {
            t.order = None;
        }
        if Some(&t) != j.touchpoint(id) {
            edits.push(Edit::UpdateTouchpoint(Box::new(t)));
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Dropping one card in another cell: it takes the slot under the pointer (an empty
/// slot: the first free one) and the cards already there keep their places, their
/// display order written down so the journey order cannot reshuffle them.
pub fn drop_edit(
    j: &Journey,
    layout: &Layout,
    grab: &TouchpointId,
    (dx, dy): (i32, i32),
    target: (usize, usize),
    (wx, wy): (f32, f32),
) -> Option<Edit> {
    let Some(Edit::Batch(mut moved)) = move_edit(j, layout, std::slice::from_ref(grab), dx, dy)
    else {
        return None;
    };
    let list = layout.cells.get(&target).cloned().unwrap_or_default();
    let slot = layout.slot_at(target, wx, wy)?.min(list.len());
    let mut order = list;
    order.retain(|id| id != grab);
    order.insert(slot.min(order.len()), grab.clone());
    let mut edits = Vec::new();
    for (i, id) in order.iter().enumerate() {
        let o = i32::try_from(i).ok()?;
        if id == grab {
            for e in &mut moved {
                if let Edit::UpdateTouchpoint(t) = e
                    && &t.id == grab
                {
                    t.order = Some(o);
                }
            }
        } else if let Some(t) = j.touchpoint(id)
            && t.order != Some(o)
        {
            let mut t = t.clone();
            t.order = Some(o);
            edits.push(Edit::UpdateTouchpoint(Box::new(t)));
        }
    }
    moved.extend(edits);
    Some(Edit::Batch(moved))
}

/// Dropping a card inside its own cell: put it at the slot under the pointer and
/// number the cell's cards in that order.
pub fn reorder_edit(
    j: &Journey,
    layout: &Layout,
    grab: &TouchpointId,
    cell: (usize, usize),
    (wx, wy): (f32, f32),
) -> Option<Edit> {
    let list = layout.cells.get(&cell)?;
    let slot = layout
        .slot_at(cell, wx, wy)?
        .min(list.len().saturating_sub(1));
    let mut order: Vec<TouchpointId> = list.iter().filter(|id| *id != grab).cloned().collect();
    order.insert(slot.min(order.len()), grab.clone());
    if &order == list {
        return None;
    }
    let edits: Vec<Edit> = order
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let t = j.touchpoint(id)?;
            let o = i32::try_from(i).ok()?;
            (t.order != Some(o)).then(|| {
                let mut t = t.clone();
                t.order = Some(o);
                Edit::UpdateTouchpoint(Box::new(t))
            })
        })
        .collect();
    Some(Edit::Batch(edits))
}

/// The edit adding a stage ("Stage n", a fresh id) after the stage of the `selected`
/// touchpoint, or at the end; and the new stage's id.
pub fn add_stage(j: &Journey, selected: Option<&TouchpointId>) -> (StageId, Edit) {
    let n = j.stages().len() + 1;
    let id = fresh_id(&format!("stage-{n}"), |s| {
        j.stage(&StageId::new(s)).is_some()
    });
    let index = selected
        .and_then(|id| j.touchpoint(id))
        .and_then(|t| t.stage.as_ref())
        .and_then(|s| j.stage_index(s))
        .map_or(j.stages().len(), |i| i + 1);
    let stage = Stage::new(id.clone(), crate::tr!("new-stage-name", n = n));
    (StageId::new(id), Edit::InsertStage { index, stage })
}

/// The edit adding an internal department (a fresh id, the next palette colour) at the
/// end, and its id.
pub fn add_department(j: &Journey) -> (DepartmentId, Edit) {
    let n = j.departments().len();
    let id = fresh_id(&format!("department-{}", n + 1), |s| {
        j.department(&DepartmentId::new(s)).is_some()
    });
    let id = DepartmentId::new(id);
    let department = Department {
        id: id.clone(),
        name: crate::tr!("new-department-name", n = n + 1),
        color: Rgb::palette(n),
        kind: DepartmentKind::Internal,
    };
    (
        id,
        Edit::InsertDepartment {
            index: n,
            department,
        },
    )
}

#[cfg(test)]
mod tests;
