//! Unit tests of the editing gestures' edits.

use super::*;
use crate::layout::{LayoutConfig, layout};

/// Three stages, a Customer lane and an internal "ops" lane; "a" (customer, stage 1)
/// hands off to "b" (ops, stage 2).
fn journey() -> Journey {
    let mut j = Journey::neutral("t");
    j.insert_department(1, Department::new("ops", "Ops", Rgb(1, 2, 3)))
        .unwrap();
    let mut a = Touchpoint::new("a", "A");
    a.stage = Some(StageId::new("stage-1"));
    a.owner = Some(DepartmentId::new("customer"));
    a.layer = Layer::CustomerAction;
    j.add_touchpoint(a).unwrap();
    let mut b = Touchpoint::new("b", "B");
    b.stage = Some(StageId::new("stage-2"));
    b.owner = Some(DepartmentId::new("ops"));
    j.add_touchpoint(b).unwrap();
    j.add_handoff(Handoff::new("a", "b")).unwrap();
    j
}

fn tp(id: &str) -> TouchpointId {
    TouchpointId::new(id)
}

#[test]
fn next_create_follows_the_selected_touchpoint_into_the_next_stage() {
    let j = journey();
    let cell = next_create(&j, Some(&tp("a")));
    assert_eq!(cell.stage, Some(StageId::new("stage-2")));
    assert_eq!(cell.owner, Some(DepartmentId::new("customer")));
    assert_eq!(cell.layer, Some(Layer::CustomerAction));
    assert_eq!(cell.after, Some(tp("a")));
    let first = next_create(&j, None);
    assert_eq!(first.stage, Some(StageId::new("stage-1")));
    assert_eq!(first.owner, Some(DepartmentId::new("customer")));
    assert_eq!((first.layer, first.after), (None, None));
}

#[test]
fn create_in_a_cell_with_a_handoff_from_after() {
    let mut j = journey();
    let cell = NewCell {
        stage: Some(StageId::new("stage-3")),
        owner: Some(DepartmentId::new("ops")),
        layer: None,
        after: Some(tp("b")),
    };
    let (id, edit) = create_touchpoint(&j, "  Send letter ", cell).unwrap();
    assert_eq!(id, tp("send-letter"));
    let _ = edit.apply(&mut j).unwrap();
    let t = j.touchpoint(&id).unwrap();
    assert_eq!(t.name, "Send letter");
    assert_eq!(t.stage, Some(StageId::new("stage-3")));
    assert_eq!(t.owner, Some(DepartmentId::new("ops")));
    assert_eq!(t.layer, Layer::Frontstage);
    assert!(j.handoff(&Handoff::new("b", "send-letter").key()).is_some());
    // The same name again gets a fresh id; a customer cell makes a web customer action.
    let cell = NewCell {
        owner: Some(DepartmentId::new("customer")),
        ..NewCell::default()
    };
    let (again, edit) = create_touchpoint(&j, "Send letter", cell).unwrap();
    assert_ne!(again, id);
    let _ = edit.apply(&mut j).unwrap();
    let t = j.touchpoint(&again).unwrap();
    assert_eq!((t.layer, t.channel), (Layer::CustomerAction, Channel::Web));
}

#[test]
fn an_empty_name_is_refused() {
    let j = journey();
    assert!(create_touchpoint(&j, "", NewCell::default()).is_none());
    assert!(create_touchpoint(&j, "   ", NewCell::default()).is_none());
}

#[test]
fn move_by_cells_clamps_and_changes_owner_stage_and_layer() {
    let mut j = journey();
    let mut b = j.touchpoint(&tp("b")).unwrap().clone();
    b.order = Some(3);
    j.update_touchpoint(b).unwrap();
    let l = layout(&j, &LayoutConfig::default());
    // One stage right and one lane up: stage 3, the customer lane, no manual order.
    let edit = move_edit(&j, &l, &[tp("b")], 1, -1).unwrap();
    let _ = edit.apply(&mut j).unwrap();
    let b = j.touchpoint(&tp("b")).unwrap();
    assert_eq!(b.stage, Some(StageId::new("stage-3")));
    assert_eq!(b.owner, Some(DepartmentId::new("customer")));
    assert_eq!(b.order, None);
    // Far past the edges: clamped to the last stage and the first lane, so nothing moves.
    let l = layout(&j, &LayoutConfig::default());
    assert!(move_edit(&j, &l, &[tp("b")], 10, -10).is_none());
    // In layer lanes a move changes the layer.
    let config = LayoutConfig {
        mode: crate::layout::LaneMode::Layers,
        ..LayoutConfig::default()
    };
    let l = layout(&j, &config);
    let edit = move_edit(&j, &l, &[tp("a")], 0, 1).unwrap();
    let _ = edit.apply(&mut j).unwrap();
    assert_ne!(j.touchpoint(&tp("a")).unwrap().layer, Layer::CustomerAction);
    // Unknown ids move nothing.
    assert!(move_edit(&j, &l, &[tp("nope")], 1, 0).is_none());
}

#[test]
fn delete_a_selection() {
    let mut j = journey();
    let key = Handoff::new("a", "b").key();
    let _ = delete_handoff(&j, &key).apply(&mut j).unwrap();
    assert!(j.handoff(&key).is_none());
    assert_eq!(j.touchpoint_count(), 2);
    let mut j = journey();
    let ids: BTreeSet<TouchpointId> = [tp("a")].into_iter().collect();
    let _ = delete_touchpoints(&j, &ids).apply(&mut j).unwrap();
    assert!(j.touchpoint(&tp("a")).is_none());
    assert!(j.handoff(&key).is_none());
    assert!(j.touchpoint(&tp("b")).is_some());
}

#[test]
fn paste_lands_in_the_selected_touchpoints_stage() {
    let j = journey();
    assert_eq!(
        paste_stage(&j, Some(&tp("b"))),
        Some(StageId::new("stage-2"))
    );
    assert_eq!(paste_stage(&j, None), None);
}

#[test]
fn add_stage_after_the_selected_touchpoints_stage() {
    let mut j = journey();
    let (id, edit) = add_stage(&j, Some(&tp("a")));
    let _ = edit.apply(&mut j).unwrap();
    assert_eq!(j.stage_index(&id), Some(1));
    assert_eq!(j.stages().len(), 4);
    // Without a selection it goes at the end, with a fresh id.
    let (last, edit) = add_stage(&j, None);
    assert_ne!(last, id);
    let _ = edit.apply(&mut j).unwrap();
    assert_eq!(j.stage_index(&last), Some(4));
}

#[test]
fn add_department_at_the_end() {
    let mut j = journey();
    let (id, edit) = add_department(&j);
    assert_eq!(id, DepartmentId::new("department-3"));
    let _ = edit.apply(&mut j).unwrap();
    let d = j.departments().last().unwrap();
    assert_eq!((&d.id, d.kind), (&id, DepartmentKind::Internal));
    let (again, _) = add_department(&j);
    assert_ne!(again, id);
}

/// Three cards in the ops lane of stage 2, for the drag-and-drop edits.
fn crowded() -> (Journey, crate::layout::Layout) {
    let mut j = journey();
    for id in ["c", "d"] {
        let mut t = Touchpoint::new(id, id);
        t.stage = Some(StageId::new("stage-2"));
        t.owner = Some(DepartmentId::new("ops"));
        j.add_touchpoint(t).unwrap();
    }
    let l = layout(&j, &LayoutConfig::default());
    (j, l)
}

#[test]
fn dropping_a_card_on_a_slot_of_its_own_cell_reorders_the_cell() {
    let (mut j, l) = crowded();
    let cell = l.cell_of[&tp("b")];
    let list = l.cells[&cell].clone();
    assert_eq!(list.len(), 3);
    // Drop the last card on the first slot.
    let last = list[2].clone();
    let first_slot = l.slot_rect(cell, 0).unwrap();
    let (x, y) = first_slot.center();
    let edit = reorder_edit(&j, &l, &last, cell, (x, y)).unwrap();
    let _ = edit.apply(&mut j).unwrap();
    let again = layout(&j, &LayoutConfig::default());
    assert_eq!(again.cells[&cell][0], last);
    assert_eq!(again.cells[&cell].len(), 3);
    // Dropping it where it already is changes nothing.
    let (x, y) = again.cards[&last].center();
    assert!(reorder_edit(&j, &again, &last, cell, (x, y)).is_none());
}

#[test]
fn dropping_a_card_in_another_cell_takes_the_slot_under_the_pointer() {
    let (mut j, l) = crowded();
    let from = l.cell_of[&tp("a")];
    let to = l.cell_of[&tp("b")];
    let (dx, dy) = (to.0 as i32 - from.0 as i32, to.1 as i32 - from.1 as i32);
    let (x, y) = l.slot_rect(to, 1).unwrap().center();
    let edit = drop_edit(&j, &l, &tp("a"), (dx, dy), to, (x, y)).unwrap();
    let _ = edit.apply(&mut j).unwrap();
    let again = layout(&j, &LayoutConfig::default());
    assert_eq!(again.cell_of[&tp("a")], to);
    assert_eq!(again.cells[&to][1], tp("a"));
    assert_eq!(
        j.touchpoint(&tp("a")).unwrap().owner,
        Some(DepartmentId::new("ops"))
    );
}
