//! Issue #6: editing on the canvas, driven through egui_kittest.

use crate::common;
use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use touchpoint::model::*;
use touchpoint::ui::AppState;
use touchpoint::ui::dialogs::{Dialog, FixedDialogs};

/// A screen point inside an empty part of cell (stage `ci`, lane `li`): its bottom-right corner.
fn empty_spot(h: &Harness<'_, AppState>, ci: usize, li: usize) -> egui::Pos2 {
    let s = h.state();
    let l = &s.derived.layout;
    let (c, lane) = (&l.columns[ci], &l.lanes[li]);
    s.camera.to_screen(c.x + c.w - 6.0, lane.y + lane.h - 6.0)
}

fn card_center(h: &Harness<'_, AppState>, id: &str) -> egui::Pos2 {
    let s = h.state();
    let r = s.derived.layout.cards[&TouchpointId::new(id)];
    s.camera.to_screen(r.x + r.w / 2.0, r.y + r.h / 2.0)
}

fn card_handle(h: &Harness<'_, AppState>, id: &str) -> egui::Pos2 {
    let s = h.state();
    let r = s.derived.layout.cards[&TouchpointId::new(id)];
    s.camera.to_screen(r.x + r.w, r.y + r.h / 2.0)
}

/// Replace the text of the field labelled `label` (the last one when several).
fn set_field(h: &mut Harness<'_, AppState>, label: &str, text: &str) {
    h.get_all_by_label(label).last().expect("field").focus();
    h.run_ok();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_ok();
    type_text(h, text);
}

fn lane_of(h: &Harness<'_, AppState>, name: &str) -> usize {
    h.state()
        .derived
        .layout
        .lanes
        .iter()
        .position(|l| l.name == name)
        .expect("lane")
}

/// Create a touchpoint by double-clicking an empty cell and typing its name.
fn create(h: &mut Harness<'_, AppState>, stage: usize, lane: &str, name: &str) {
    let li = lane_of(h, lane);
    let p = empty_spot(h, stage, li);
    double_click(h, p);
    assert!(
        h.state().canvas.inline.is_some(),
        "naming {name} at {p:?}: canvas {:?} zoom {} minimap {:?}",
        h.state().camera.rect,
        h.state().camera.zoom,
        h.state().canvas.minimap
    );
    type_text(h, name);
    press(h, Key::Enter);
}

fn connect(h: &mut Harness<'_, AppState>, from: &str, to: &str) {
    let a = card_handle(h, from);
    let b = card_center(h, to);
    drag(h, a, b);
}

#[test]
fn build_the_first_five_move_touchpoints_through_the_ui_then_save_reopen_undo_redo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("move.journey.ron");
    let empty = Journey::starter("New journey");
    let mut state = AppState::with_journey(empty.clone());
    state.file_dialogs = Box::new(FixedDialogs {
        open: None,
        save: Some(path.clone()),
    });
    let mut h = harness(state);

    // Departments: add three and name them in the Structure tab.
    h.get_by_label("Structure").click();
    h.run_ok();
    for (i, name) in ["Contact centre", "Billing", "Credit & collections"]
        .iter()
        .enumerate()
    {
        h.get_by_label("+ Department").click();
        h.run_ok();
        set_field(&mut h, &format!("Department {} name", i + 2), name);
    }
    // The whole journey on screen: leave the name field (it has the keyboard), then F.
    press(&mut h, Key::Escape);
    press(&mut h, Key::F);
    let names: Vec<&str> = h
        .state()
        .journey()
        .departments()
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Customer",
            "Contact centre",
            "Billing",
            "Credit & collections"
        ]
    );

    // Touchpoints: double-click a cell, type the name, Enter.
    create(&mut h, 0, "Customer", "Customer reports the move");
    create(&mut h, 0, "Contact centre", "Identity and account check");
    // Tab creates the next step connected by a handoff (in the next stage)...
    create_then_tab(&mut h);
    // ... then move it back to the Notify stage with the arrow key, one undo step.
    press(&mut h, Key::ArrowLeft);
    create(&mut h, 0, "Billing", "Move order passed to Billing");
    create(
        &mut h,
        2,
        "Credit & collections",
        "Credit check for the new address",
    );
    press(&mut h, Key::F);
    assert_eq!(h.state().journey().touchpoint_count(), 5);

    // Owner through the inspector is covered elsewhere; here owners come from the cells.
    let j = h.state().journey();
    let owner = |id: &str| {
        j.touchpoint(&TouchpointId::new(id))
            .unwrap()
            .owner
            .clone()
            .map(|d| d.0)
    };
    assert_eq!(
        owner("customer-reports-the-move").as_deref(),
        Some("customer")
    );
    assert_eq!(
        owner("move-order-keyed-into-crm").as_deref(),
        Some("department-2")
    );

    // Handoffs by dragging from a card's handle onto the next card.
    connect(
        &mut h,
        "customer-reports-the-move",
        "identity-and-account-check",
    );
    connect(
        &mut h,
        "move-order-keyed-into-crm",
        "move-order-passed-to-billing",
    );
    connect(
        &mut h,
        "move-order-passed-to-billing",
        "credit-check-for-the-new-address",
    );
    assert_eq!(
        h.state().journey().handoff_count(),
        4,
        "three dragged, one from Tab"
    );

    // A metric and a histogram on "Move order passed to Billing", in the inspector.
    h.get_by_label("Move order passed to Billing").click();
    h.run_ok();
    h.get_by_label("+ Add metric").click();
    h.run_ok();
    set_field(&mut h, "Metric name", "Move orders complete on arrival");
    set_field(&mut h, "Metric value", "82");
    set_field(&mut h, "Metric unit", "%");
    set_field(&mut h, "Metric target", "98");
    h.get_by_label("histogram").click();
    h.run_ok();
    for (score, count) in [(1, "5"), (2, "9"), (8, "20"), (9, "12")] {
        set_field(&mut h, &format!("Responses scoring {score}"), count);
    }
    let t = h
        .state()
        .journey()
        .touchpoint(&TouchpointId::new("move-order-passed-to-billing"))
        .unwrap()
        .clone();
    assert_eq!(t.metrics.len(), 1);
    assert_eq!(t.metrics[0].name, "Move orders complete on arrival");
    assert_eq!(
        (t.metrics[0].value, t.metrics[0].target),
        (82.0, Some(98.0))
    );
    assert_eq!(t.metrics[0].on_target(), Some(false));
    assert_eq!(
        t.satisfaction,
        Some(Satisfaction::Histogram([0, 5, 9, 0, 0, 0, 0, 0, 20, 12, 0]))
    );

    // Save (Ctrl+S asks where: the fixed dialog answers), reopen, compare.
    press(&mut h, Key::Escape);
    press_mod(&mut h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().doc.is_dirty());
    let saved = std::fs::read_to_string(&path).unwrap();
    let built = h.state().journey().clone();
    let mut other = AppState::with_journey(Journey::default());
    other.open_path(&path).unwrap();
    assert_eq!(other.journey(), &built);
    assert!(
        h.state()
            .title()
            .starts_with("New journey — move.journey.ron")
    );

    // Undo everything back to the empty journey, then redo to the same file, byte for byte.
    let steps = undo_all(&mut h);
    assert!(steps >= 20, "{steps} undo steps");
    assert_eq!(h.state().journey(), &empty);
    for _ in 0..steps {
        press_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    }
    assert!(!h.state().doc.can_redo());
    assert_eq!(touchpoint::io::to_ron_string(h.state().journey()), saved);
    assert!(!h.state().doc.is_dirty(), "back at the saved state");
}

fn create_then_tab(h: &mut Harness<'_, AppState>) {
    // Select "Identity and account check", add the next step with the toolbar, then Tab.
    let li = lane_of(h, "Contact centre");
    let p = empty_spot(h, 0, li);
    double_click(h, p);
    type_text(h, "Move order keyed into CRM");
    press(h, Key::Tab);
    // Tab confirmed it and opened the next one; Escape cancels the empty next one.
    assert!(h.state().canvas.inline.is_some(), "next one open");
    press(h, Key::Escape);
    assert!(h.state().canvas.inline.is_none());
    // The Tab chain starts from the created card; connect identity -> keyed by hand later.
    let j = h.state().journey();
    assert!(j.contains_touchpoint(&TouchpointId::new("move-order-keyed-into-crm")));
    h.get_by_label("Move order keyed into CRM").click();
    h.run_ok();
    assert_eq!(selected(h), ["move-order-keyed-into-crm"]);
    // Tab again from the selected card: the toolbar command does the same for mouse users.
    h.get_by_label("+ Touchpoint").click();
    h.run_ok();
    type_text(h, "Throwaway");
    press(h, Key::Escape);
    assert!(
        !h.state()
            .journey()
            .contains_touchpoint(&TouchpointId::new("throwaway"))
    );
    // Connect identity -> keyed into CRM: the Tab handoff.
    connect(h, "identity-and-account-check", "move-order-keyed-into-crm");
    // Move "keyed into CRM" to the next stage and back in the test body.
    h.get_by_label("Move order keyed into CRM").click();
    h.run_ok();
    press(h, Key::ArrowRight);
}

fn undo_all(h: &mut Harness<'_, AppState>) -> usize {
    let mut n = 0;
    while h.state().doc.can_undo() && n < 200 {
        press_mod(h, Modifiers::COMMAND, Key::Z);
        n += 1;
    }
    n
}

#[test]
fn copy_paste_gives_fresh_ids_and_keeps_internal_handoffs() {
    let mut h = open(fixture());
    h.get_by_label("Final meter read").click();
    h.run_ok();
    h.get_by_label("Final bill for the old address")
        .click_modifiers(Modifiers::SHIFT);
    h.run_ok();
    h.event(egui::Event::Copy);
    h.run_ok();
    let text = h.state().clipboard.clone().expect("copied");
    assert!(text.contains("\"Final meter read\""));
    h.event(egui::Event::Paste(text.clone()));
    h.run_ok();
    assert_eq!(h.state().status, "Paste 2 touchpoint(s)");
    assert_eq!(selected(&h), ["final-bill-2", "final-read-2"]);
    let j = h.state().journey();
    assert_eq!(j.touchpoint_count(), 9);
    assert!(
        j.handoff(&Handoff::new("final-read-2", "final-bill-2").key())
            .is_some()
    );
    assert_eq!(
        j.outgoing(&TouchpointId::new("final-bill-2")).len(),
        0,
        "only internal handoffs"
    );
    // Ctrl+D duplicates the selection again with yet fresher ids.
    press_mod(&mut h, Modifiers::COMMAND, Key::D);
    assert_eq!(selected(&h), ["final-bill-3", "final-read-3"]);
    // Paste into another journey (another app) works with the same text.
    let mut other = open(Journey::starter("Other"));
    other.event(egui::Event::Paste(text));
    other.run_ok();
    assert_eq!(other.state().journey().touchpoint_count(), 2);
    assert_eq!(other.state().journey().handoff_count(), 1);
    // One paste is one undo step.
    press_mod(&mut other, Modifiers::COMMAND, Key::Z);
    assert_eq!(other.state().journey().touchpoint_count(), 0);
}

#[test]
fn deleting_a_stage_with_touchpoints_asks_where_they_go() {
    let mut h = open(fixture());
    h.get_by_label("Structure").click();
    h.run_ok();
    h.get_by_label("Delete stage Stop old").click();
    h.run_ok();
    assert!(matches!(h.state().dialog, Some(Dialog::RemoveStage { .. })));
    h.get_by_label("Delete stage").click();
    h.run_ok();
    let j = h.state().journey();
    assert!(j.stage(&StageId::new("stop-old")).is_none());
    let stage = |id: &str| {
        j.touchpoint(&TouchpointId::new(id))
            .unwrap()
            .stage
            .clone()
            .map(|s| s.0)
    };
    assert_eq!(
        stage("final-read").as_deref(),
        Some("notify"),
        "moved to the stage before"
    );
    assert_eq!(stage("final-bill").as_deref(), Some("notify"));
    assert_eq!(j.touchpoint_count(), 7);
    // An empty stage goes at once; one undo brings it back.
    h.get_by_label("Delete stage First bill").click();
    h.run_ok();
    assert!(h.state().dialog.is_some(), "First bill has a touchpoint");
    h.get_by_label("Cancel").click();
    h.run_ok();
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        h.state()
            .journey()
            .stage(&StageId::new("stop-old"))
            .is_some()
    );
    // The Customer lane cannot be deleted.
    h.get_by_label("Delete department Customer").click();
    h.run_ok();
    assert!(h.state().dialog.is_none());
    assert!(
        h.state()
            .journey()
            .department(&DepartmentId::new("customer"))
            .is_some()
    );
}

#[test]
fn invalid_input_is_refused_with_a_message_and_never_enters_the_document() {
    let mut h = open(fixture());
    h.get_by_label("Final meter read").click();
    h.run_ok();
    let rev = h.state().doc.revision();
    set_field(&mut h, "Volume", "-5");
    h.get_by_label_contains("Volume must be a whole number");
    set_field(&mut h, "Handling time", "ten");
    h.get_by_label_contains("Handling time must be a number");
    set_field(&mut h, "Responses scoring 3", "-1");
    h.get_by_label_contains("whole number");
    assert_eq!(
        h.state().doc.revision(),
        rev,
        "nothing entered the document"
    );
    // A valid value goes in, as one undo step however many keys were typed.
    set_field(&mut h, "Volume", "12400");
    let t = h
        .state()
        .journey()
        .touchpoint(&TouchpointId::new("final-read"))
        .unwrap();
    assert_eq!(t.volume, Some(12400));
    assert!(h.state().inspector.error.is_none());
    press(&mut h, Key::Escape);
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    let t = h
        .state()
        .journey()
        .touchpoint(&TouchpointId::new("final-read"))
        .unwrap();
    assert_eq!(t.volume, None);
}

#[test]
fn drag_a_card_to_another_cell_is_one_undo_step() {
    let mut h = open(fixture());
    let from = card_center(&h, "final-read");
    let li = lane_of(&h, "Billing");
    let to = empty_spot(&h, 2, li);
    drag(&mut h, from, to);
    let t = h
        .state()
        .journey()
        .touchpoint(&TouchpointId::new("final-read"))
        .unwrap()
        .clone();
    assert_eq!(t.stage.map(|s| s.0).as_deref(), Some("start-new"));
    assert_eq!(t.owner.map(|d| d.0).as_deref(), Some("billing"));
    assert_eq!(h.state().doc.undo_label(), Some("Move 1 touchpoint(s)"));
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    let t = h
        .state()
        .journey()
        .touchpoint(&TouchpointId::new("final-read"))
        .unwrap();
    assert_eq!(t.stage.as_ref().map(|s| s.0.as_str()), Some("stop-old"));
}

#[test]
fn rubber_band_select_all_and_delete() {
    let mut h = open(fixture());
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    assert_eq!(selected(&h).len(), 7);
    press(&mut h, Key::Escape);
    // Shift+drag over the Notify column selects its three cards.
    let s = h.state();
    let c = &s.derived.layout.columns[0];
    let g = s.derived.layout.grid;
    let a = s.camera.to_screen(c.x + 2.0, g.y + 2.0);
    let b = s.camera.to_screen(c.x + c.w - 2.0, g.bottom() - 2.0);
    h.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    h.hover_at(a);
    h.event(egui::Event::PointerButton {
        pos: a,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::SHIFT,
    });
    h.run_ok();
    for k in 1..=4 {
        h.hover_at(a.lerp(b, k as f32 / 4.0));
        h.run_ok();
    }
    h.event(egui::Event::PointerButton {
        pos: b,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::SHIFT,
    });
    h.run_ok();
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run_ok();
    assert_eq!(
        selected(&h),
        ["identity-check", "order-to-billing", "report-move"]
    );
    press(&mut h, Key::Delete);
    let j = h.state().journey();
    assert_eq!(j.touchpoint_count(), 4);
    assert!(
        j.handoffs()
            .iter()
            .all(|x| x.from.0 != "identity-check" && x.to.0 != "identity-check")
    );
    assert_eq!(h.state().doc.undo_label(), Some("Delete 3 touchpoint(s)"));
}

#[test]
fn rename_inline_with_f2_and_select_a_handoff_by_clicking_its_arrow() {
    let mut h = open(fixture());
    h.get_by_label("Final meter read").click();
    h.run_ok();
    press(&mut h, Key::F2);
    assert!(h.state().canvas.inline.is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Final meter read at the old address");
    press(&mut h, Key::Enter);
    let t = h
        .state()
        .journey()
        .touchpoint(&TouchpointId::new("final-read"))
        .unwrap();
    assert_eq!(t.name, "Final meter read at the old address");
    // The arrow final-read -> final-bill: click half way along it.
    let s = h.state();
    let hf = Handoff::new("final-read", "final-bill");
    let pts = s
        .derived
        .scene
        .edge(&hf.key())
        .and_then(|e| {
            e.items.iter().find_map(|it| match it {
                touchpoint::scene::Item::Line { points, .. } => Some(points.clone()),
                _ => None,
            })
        })
        .expect("the handoff is drawn");
    let i = (pts.len() - 1) / 2;
    let (a, b) = (pts[i], pts[i + 1]);
    let mid = s.camera.to_screen((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    h.hover_at(mid);
    h.event(egui::Event::PointerButton {
        pos: mid,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: mid,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_ok();
    assert_eq!(h.state().selection.handoff, Some(hf.key()));
    set_field(&mut h, "Queue time", "30");
    assert_eq!(
        h.state().journey().handoff(&hf.key()).unwrap().wait_hours,
        Some(30.0)
    );
    set_field(&mut h, "Failure rate", "150");
    h.get_by_label_contains("between 0 and 100");
    h.get_by_label("Delete handoff").click();
    h.run_ok();
    assert!(h.state().journey().handoff(&hf.key()).is_none());
}

#[test]
fn the_palette_lists_every_command_and_runs_one() {
    let mut h = open(fixture());
    press_mod(&mut h, Modifiers::COMMAND, Key::K);
    assert!(h.state().palette.open);
    type_text(&mut h, "matrix");
    press(&mut h, Key::Enter);
    assert!(h.state().view.matrix);
    h.get_by_label("Field operations to Billing: 1 handoff");
    // Every command is in the palette list with no query.
    assert_eq!(
        touchpoint::ui::palette::matches("").len(),
        touchpoint::ui::Command::ALL.len()
    );
}

#[test]
fn unsaved_changes_guard_new_with_save_discard_cancel() {
    let mut h = open(fixture());
    h.get_by_label("Final meter read").click();
    h.run_ok();
    press(&mut h, Key::Delete);
    assert!(h.state().doc.is_dirty());
    press_mod(&mut h, Modifiers::COMMAND, Key::N);
    assert!(matches!(h.state().dialog, Some(Dialog::Unsaved(_))));
    h.get_by_label("Cancel").click();
    h.run_ok();
    assert_eq!(
        h.state().journey().touchpoint_count(),
        6,
        "nothing happened"
    );
    press_mod(&mut h, Modifiers::COMMAND, Key::N);
    // Save with no file and a cancelled save dialog: nothing is lost, nothing happens.
    h.get_all_by_label("Save").last().unwrap().click();
    h.run_ok();
    assert_eq!(h.state().journey().touchpoint_count(), 6);
    assert!(h.state().doc.is_dirty());
    press_mod(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Discard").click();
    h.run_ok();
    assert_eq!(h.state().journey().touchpoint_count(), 0);
    assert_eq!(h.state().journey().title(), "New journey");
}
