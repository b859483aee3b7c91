//! Issue #9: war-room mode, driven through egui_kittest: presenting stage by stage,
//! department focus, sticky notes saved in the file, actions, the as-is/to-be
//! comparison of the move-address samples, the portfolio.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use touchpoint::model::{
    ActionStatus, Anchor, DepartmentId, Journey, NoteId, StageId, TouchpointId,
};
use touchpoint::ui::{AppState, compare, warroom};

fn harness(state: AppState) -> Harness<'static, AppState> {
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(12)
        .with_accessibility_check(false)
        .allow_missing_glyphs()
        .build_ui_state(|ui, state: &mut AppState| state.show(ui), state);
    h.run_ok();
    h
}

fn as_is() -> Journey {
    touchpoint::samples::move_address().expect("the as-is sample loads")
}

fn to_be() -> Journey {
    touchpoint::samples::load_sample("move-address-to-be.journey.ron")
        .expect("bundled")
        .expect("the to-be sample loads")
}

fn press(h: &mut Harness<'static, AppState>, key: egui::Key) {
    h.key_press(key);
    h.run_ok();
}

/// The display list's focus as the app sets it this frame (presented stage, focused
/// department): what the canvas and the notes dim.
fn focus_options(state: &AppState) -> touchpoint::scene::SceneOptions {
    let (department, stage) = state.derived.focus.clone();
    touchpoint::scene::SceneOptions {
        focus_department: department,
        focus_stage: stage,
        ..Default::default()
    }
}

fn in_focus(state: &AppState, id: &TouchpointId) -> bool {
    touchpoint::scene::focus::in_focus(state.journey(), &focus_options(state), id)
}

fn dimmed(h: &Harness<'static, AppState>, id: &str) -> bool {
    let state = h.state();
    let id = TouchpointId::new(id);
    assert!(
        state.journey().touchpoint(&id).is_some(),
        "touchpoint exists"
    );
    let focus = state.derived.focus.clone();
    (focus.0.is_some() || focus.1.is_some()) && !in_focus(state, &id)
}

#[test]
fn presenting_steps_through_the_stages_and_esc_leaves() {
    let mut h = harness(AppState::with_journey(as_is()));
    let before = h.state().doc.revision();
    h.get_by_label("File");
    press(&mut h, egui::Key::F5);
    assert!(h.state().warroom.present.active);
    assert_eq!(h.state().warroom.present.stage, None);
    // Chrome hidden, headline strip shown.
    assert!(h.query_by_label("File").is_none(), "menu bar hidden");
    h.get_by_label("Move address (as-is)");
    h.get_by_label("cross-department handoffs");
    h.get_by_label("The whole journey · 4 stages");
    assert!(!dimmed(&h, "final-read"), "nothing dimmed on the overview");

    press(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().warroom.present.stage, Some(0));
    h.get_by_label("Stage 1 of 4: Notify the move");
    let stage_of = |h: &Harness<'static, AppState>, id: &str| {
        h.state()
            .journey()
            .touchpoint(&TouchpointId::new(id))
            .and_then(|t| t.stage.clone())
    };
    let first = h.state().journey().stages()[0].id.clone();
    let second = h.state().journey().stages()[1].id.clone();
    let ids: Vec<String> = h
        .state()
        .journey()
        .touchpoints()
        .map(|t| t.id.to_string())
        .collect();
    for id in &ids {
        assert_eq!(
            dimmed(&h, id),
            stage_of(&h, id) != Some(first.clone()),
            "stage 1: {id}"
        );
    }

    press(&mut h, egui::Key::PageDown);
    assert_eq!(h.state().warroom.present.stage, Some(1));
    h.get_by_label("Stage 2 of 4: Stop at old address");
    let in_second = ids
        .iter()
        .filter(|id| stage_of(&h, id) == Some(second.clone()))
        .count();
    let lit = ids.iter().filter(|id| !dimmed(&h, id)).count();
    assert_eq!(lit, in_second);
    assert!(lit > 0 && lit < ids.len());

    // The clicker's last stage stays on the last stage.
    for _ in 0..6 {
        press(&mut h, egui::Key::PageDown);
    }
    assert_eq!(h.state().warroom.present.stage, Some(3));
    press(&mut h, egui::Key::PageUp);
    assert_eq!(h.state().warroom.present.stage, Some(2));

    press(&mut h, egui::Key::Escape);
    assert!(!h.state().warroom.present.active);
    h.get_by_label("File");
    assert!(!dimmed(&h, "final-read"));
    // The arrow keys stepped stages; they did not move any card.
    assert_eq!(h.state().doc.revision(), before);
}

#[test]
fn department_focus_highlights_its_cards_and_shows_its_card() {
    let mut h = harness(AppState::with_journey(as_is()));
    let departments: Vec<DepartmentId> = h
        .state()
        .journey()
        .departments()
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let billing = departments
        .iter()
        .position(|d| d.as_str() == "billing")
        .expect("billing lane");
    assert!(billing < 9);
    let key = [
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
        egui::Key::Num5,
        egui::Key::Num6,
        egui::Key::Num7,
        egui::Key::Num8,
        egui::Key::Num9,
    ][billing];
    press(&mut h, key);
    assert_eq!(
        h.state().warroom.focus.as_ref().map(DepartmentId::as_str),
        Some("billing")
    );
    let owners: Vec<(String, Option<String>)> = h
        .state()
        .journey()
        .touchpoints()
        .map(|t| (t.id.to_string(), t.owner.as_ref().map(|o| o.to_string())))
        .collect();
    let mut lit = Vec::new();
    for (id, owner) in &owners {
        let is_billing = owner.as_deref() == Some("billing");
        assert_eq!(dimmed(&h, id), !is_billing, "{id}");
        if is_billing {
            lit.push(id.clone());
        }
    }
    assert!(lit.len() >= 3, "billing owns {lit:?}");
    // Handoffs into or out of Billing stand out; the others dim.
    let state = h.state();
    for handoff in state.journey().handoffs() {
        let touches = [&handoff.from, &handoff.to].iter().any(|id| {
            state
                .journey()
                .touchpoint(id)
                .and_then(|t| t.owner.as_ref())
                .is_some_and(|o| o.as_str() == "billing")
        });
        let lit = in_focus(state, &handoff.from) || in_focus(state, &handoff.to);
        assert_eq!(!lit, !touches, "{:?}", handoff.key());
    }
    // The side card: what Billing owns, receives, hands off, and its boundary gaps.
    h.get_by_label("Department focus: Billing");
    h.get_by_label_contains("Owns ");
    h.get_by_label_contains("Receives ");
    h.get_by_label_contains("Hands off ");
    h.get_by_label_contains("Gaps at its boundaries: ");

    press(&mut h, egui::Key::Num0);
    assert!(h.state().warroom.focus.is_none());
    assert!(owners.iter().all(|(id, _)| !dimmed(&h, id)));
    assert!(h.query_by_label("Department focus: Billing").is_none());
}

#[test]
fn adding_a_note_to_a_card_and_saving_it_in_the_file() {
    let mut h = harness(AppState::with_journey(as_is()));
    let notes_before = h.state().journey().notes().count();
    h.state_mut()
        .queue(touchpoint::ui::Action::SelectTouchpoints(vec![
            TouchpointId::new("final-read"),
        ]));
    h.run_ok();
    press(&mut h, egui::Key::N);
    let state = h.state();
    assert_eq!(state.journey().notes().count(), notes_before + 1);
    assert!(state.warroom.panel, "the notes panel opens");
    let note = state
        .journey()
        .notes()
        .find(|n| n.text.is_empty())
        .expect("the new, empty note")
        .clone();
    assert_eq!(
        note.anchor,
        Anchor::Touchpoint(TouchpointId::new("final-read"))
    );
    // The keyboard is in the new note: type what was said.
    h.get_all_by_label("Note text")
        .find(|n| n.value().as_deref() == Some(""))
        .expect("the empty note's text field")
        .type_text("Nobody told me the old supply would stop");
    h.run_ok();
    let typed = h
        .state()
        .journey()
        .note(&note.id)
        .expect("still there")
        .text
        .clone();
    assert_eq!(typed, "Nobody told me the old supply would stop");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.journey.ron");
    h.state_mut().save_to_path(&path).expect("saved");
    let back = touchpoint::io::load_file(&path).expect("loads");
    let saved = back.note(&note.id).expect("the note is in the file");
    assert_eq!(saved.text, "Nobody told me the old supply would stop");
    assert_eq!(saved.anchor, note.anchor);
    assert_eq!(back.notes().count(), notes_before + 1);
}

#[test]
fn a_note_becomes_an_action_and_the_actions_list_filters() {
    let mut j = as_is();
    let note = j.notes().next().expect("the sample has notes").clone();
    let actions_before = j.actions().count();
    let mut h = harness(AppState::with_journey(j.clone()));
    touchpoint::ui::notes::to_action(h.state_mut(), &note);
    h.run_ok();
    let state = h.state();
    assert!(state.journey().note(&note.id).is_none());
    assert_eq!(state.journey().actions().count(), actions_before + 1);
    let made = state
        .journey()
        .actions()
        .find(|a| a.what == note.text.trim())
        .expect("the action");
    assert_eq!(made.anchor, note.anchor);
    assert_eq!(made.status, ActionStatus::Open);
    // One undo step brings the note back.
    h.state_mut().queue_command(touchpoint::ui::Command::Undo);
    h.run_ok();
    assert!(h.state().journey().note(&note.id).is_some());

    // Filters: only done actions, then only one owner.
    j = h.state().journey().clone();
    let f = touchpoint::ui::actions_panel::ActionsState {
        owner: None,
        status: Some(ActionStatus::Done),
    };
    let done = touchpoint::ui::actions_panel::filtered(j.actions(), &f);
    assert!(done.iter().all(|a| a.status == ActionStatus::Done));
    assert_eq!(
        done.len(),
        j.actions()
            .filter(|a| a.status == ActionStatus::Done)
            .count()
    );
    h.state_mut().warroom.panel = true;
    h.state_mut().warroom.tab = warroom::PanelTab::Actions;
    h.run_ok();
    h.get_by_label_contains(&format!("of {} action(s)", j.actions().count()));
}

#[test]
fn comparing_the_move_address_samples_shows_four_times_as_efficient() {
    let mut h = harness(AppState::with_journey(as_is()));
    compare::open_journey(h.state_mut(), to_be(), None);
    h.run_ok();
    let state = h.state();
    assert!(state.warroom.compare.is_open());
    let d = state.warroom.compare.diff().expect("diff computed");
    let e = compare::efficiency(d).expect("both times known");
    assert!(e >= 4.0, "only {e:.2}x");
    let tp = d.figure("touchpoints").expect("figure");
    assert_eq!(tp.as_is, Some(19.0));
    assert!(tp.to_be.unwrap() < 19.0);
    assert!(!d.handoffs_removed.is_empty());
    // On screen: the headline, the figures side by side, removed handoffs.
    h.get_by_label(&format!("{e:.1}× as efficient"));
    let labels: Vec<String> = [
        "cross_department_handoffs",
        "elapsed_hours",
        "handling_hours",
    ]
    .iter()
    .map(|k| d.figure(k).expect("figure").label.clone())
    .collect();
    for label in &labels {
        h.get_by_label(label);
    }
    h.get_by_label_contains("handoff(s) removed");
    assert!(
        h.query_by_label("Journey canvas").is_none(),
        "the view replaces the canvas"
    );
    // Closing returns to the canvas.
    h.get_by_label("Close").click();
    h.run_ok();
    assert!(!h.state().warroom.compare.is_open());
    h.get_by_label("Journey canvas");
}

#[test]
fn the_open_to_be_is_compared_against_the_as_is_either_way() {
    // The to-be open, the as-is loaded as the other side: the roles follow the variants.
    let mut h = harness(AppState::with_journey(to_be()));
    compare::open_journey(h.state_mut(), as_is(), None);
    h.run_ok();
    let d = h.state().warroom.compare.diff().expect("diff");
    assert_eq!(d.figure("touchpoints").and_then(|f| f.as_is), Some(19.0));
    assert!(compare::efficiency(d).unwrap() >= 4.0);
}

#[test]
fn save_as_to_be_keeps_the_as_is_for_the_comparison() {
    let mut h = harness(AppState::with_journey(as_is()));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("move-to-be.journey.ron");
    compare::save_as_to_be_to(h.state_mut(), &path);
    h.run_ok();
    let state = h.state();
    assert_eq!(state.journey().meta().variant, "to-be");
    assert_eq!(state.journey().title(), "Move address (to-be)");
    assert_eq!(state.path.as_deref(), Some(path.as_path()));
    let saved = touchpoint::io::load_file(&path).unwrap();
    assert_eq!(saved.meta().variant, "to-be");
    // Nothing changed yet: every figure is the same on both sides.
    let d = state.warroom.compare.diff().expect("comparison ready");
    assert_eq!(d.figure("touchpoints").unwrap().ratio, Some(1.0));
    assert!(d.handoffs_removed.is_empty());
}

#[test]
fn the_portfolio_lists_a_folder_of_journeys_with_owners() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in touchpoint::samples::SAMPLES {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    std::fs::write(dir.path().join("broken.journey.ron"), "(").unwrap();
    let mut h = harness(AppState::with_journey(as_is()));
    touchpoint::ui::portfolio::load(h.state_mut(), dir.path());
    h.run_ok();
    assert_eq!(h.state().warroom.portfolio.entries.len(), 6);
    h.get_by_label("Journey portfolio");
    h.get_by_role_and_label(egui::accesskit::Role::Link, "Move address (as-is)");
    h.get_by_label_contains("cannot be read");
    let fibre_owner = touchpoint::samples::load_sample("fibre-installation.journey.ron")
        .unwrap()
        .unwrap()
        .meta()
        .owner
        .clone();
    assert!(!fibre_owner.is_empty());
    h.get_by_label(&fibre_owner);
}

#[test]
fn the_timer_is_idle_when_hidden_and_ticks_once_a_second_when_shown() {
    let mut h = harness(AppState::with_journey(as_is()));
    assert!(!h.state().warroom.timer.visible);
    // Hidden: once the frame settles, nothing asks for another one.
    h.run_ok();
    assert!(!h.ctx.has_requested_repaint(), "idle app repaints");
    press(&mut h, egui::Key::T);
    assert!(h.state().warroom.timer.visible);
    assert!(h.state().warroom.timer.running());
    h.get_by_label("Pause");
    // Shown and running: a repaint is scheduled (for the next second), not a loop.
    h.step();
    assert!(h.ctx.has_requested_repaint());
    assert!(
        !h.ctx.requested_repaint_last_pass(),
        "no immediate repaint loop"
    );
    h.get_by_label("Pause").click();
    h.run_ok();
    assert!(!h.state().warroom.timer.running());
    press(&mut h, egui::Key::T);
    assert!(!h.state().warroom.timer.visible);
    h.run_ok();
    assert!(!h.ctx.has_requested_repaint());
}

#[test]
fn stale_focus_and_notes_on_a_removed_stage_do_not_panic() {
    let mut h = harness(AppState::with_journey(as_is()));
    h.state_mut().warroom.focus = Some(DepartmentId::new("no-such-department"));
    h.run_ok();
    assert!(h.state().warroom.focus.is_none());
    // A note pinned to a cell, drawn and listed.
    let stage = StageId::new("notify");
    let anchor = Anchor::Cell(stage, DepartmentId::new("billing"));
    touchpoint::ui::notes::add_note_at(h.state_mut(), anchor.clone());
    h.run_ok();
    let n = h
        .state()
        .journey()
        .notes()
        .find(|n| n.anchor == anchor)
        .map(|n| n.id.clone());
    assert!(n.is_some());
    assert!(
        h.state()
            .journey()
            .note(&n.unwrap_or(NoteId::new("x")))
            .is_some()
    );
}

#[test]
fn a_note_on_a_touchpoint_becomes_its_pain_point() {
    let j = as_is();
    let note = j
        .notes()
        .find(|n| matches!(n.anchor, Anchor::Touchpoint(_)) && !n.text.trim().is_empty())
        .expect("the sample has a note on a touchpoint")
        .clone();
    let Anchor::Touchpoint(tp) = note.anchor.clone() else {
        unreachable!()
    };
    let pains_before = j.touchpoint(&tp).unwrap().pains.len();
    let mut h = harness(AppState::with_journey(j));
    touchpoint::ui::notes::to_pain_point(h.state_mut(), &note);
    h.run_ok();
    let j = h.state().journey();
    assert!(j.note(&note.id).is_none(), "the note is used up");
    let pains = &j.touchpoint(&tp).unwrap().pains;
    assert_eq!(pains.len(), pains_before + 1);
    let last = pains.last().unwrap();
    assert!(last.starts_with(note.text.trim()), "{last}");
    if !note.author.trim().is_empty() {
        assert!(last.ends_with(&format!("({})", note.author.trim())));
    }
}
