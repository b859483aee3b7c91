//! Issue #5: the journey canvas, driven through egui_kittest.

use crate::common;
use common::*;
use egui_kittest::kittest::Queryable;
use touchpoint::ui::AppState;
use touchpoint::ui::dialogs::Dialog;

#[test]
fn cards_and_panels_are_found_by_label() {
    let h = open(fixture());
    for name in [
        "Final meter read",
        "Customer reports the move",
        "First accurate bill",
    ] {
        h.get_by_label(name);
    }
    assert_eq!(h.state().canvas.card_nodes, 7);
    h.get_by_label("Journey canvas");
    h.get_by_label("Inspector");
}

#[test]
fn the_bundled_sample_opens_with_every_touchpoint_on_the_canvas() {
    let journey = touchpoint::samples::move_address().expect("the sample loads");
    let names: Vec<String> = journey.touchpoints().map(|t| t.name.clone()).collect();
    let h = open(journey);
    for name in &names {
        assert!(
            !h.get_all_by_label(name).collect::<Vec<_>>().is_empty(),
            "card {name}"
        );
    }
}

#[test]
fn clicking_a_card_selects_it_and_the_inspector_shows_its_fields() {
    let mut h = open(fixture());
    h.get_by_label("Final meter read").click();
    h.run_ok();
    assert_eq!(selected(&h), ["final-read"]);
    // The inspector's Name field holds the name; metrics are listed.
    assert_eq!(
        h.get_by_label("Name").value().as_deref(),
        Some("Final meter read")
    );
    assert_eq!(
        h.get_by_label("Metric name").value().as_deref(),
        Some("Read on agreed date")
    );
    // Shift-click adds, Escape clears.
    h.get_by_label("First accurate bill")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run_ok();
    assert_eq!(selected(&h), ["final-read", "first-bill"]);
    press(&mut h, egui::Key::Escape);
    assert!(selected(&h).is_empty());
}

#[test]
fn the_gap_overlay_toggles_from_the_toolbar_and_the_keyboard() {
    let mut h = open(fixture());
    assert!(h.state().view.gaps, "on by default");
    h.get_by_label("Gap overlay").click();
    h.run_ok();
    assert!(!h.state().view.gaps);
    press(&mut h, egui::Key::G);
    assert!(h.state().view.gaps);
}

#[test]
fn search_finds_a_touchpoint_and_jumps_to_it() {
    let mut h = open(fixture());
    press_mod(&mut h, egui::Modifiers::COMMAND, egui::Key::F);
    assert!(h.state().search.open);
    type_text(&mut h, "meter");
    h.get_by_label("1 match(es)");
    press(&mut h, egui::Key::Enter);
    assert_eq!(selected(&h), ["final-read"]);
    assert!(!h.state().search.open);
    // The card is on screen after the jump.
    let cam = &h.state().camera;
    let r = h.state().derived.layout.cards[&touchpoint::model::TouchpointId::new("final-read")];
    assert!(cam.rect.contains(cam.to_screen(r.center().0, r.center().1)));
}

#[test]
fn a_malformed_file_shows_a_readable_error_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.journey.ron");
    std::fs::write(
        &path,
        "(\n    format: 1,\n    title: \"x\",\n    stages: [(id: \"a\" name: \"A\")],\n)\n",
    )
    .unwrap();
    let mut h = open(fixture());
    let before = h.state().journey().clone();
    assert!(h.state_mut().open_path(&path).is_err());
    h.run_ok();
    match &h.state().dialog {
        Some(Dialog::LoadError { lines, .. }) => {
            assert!(lines[0].contains("broken.journey.ron:4:"), "{lines:?}");
        }
        other => panic!("expected a load error dialog, got {other:?}"),
    }
    h.get_by_label("Could not open the journey");
    assert_eq!(
        h.state().journey(),
        &before,
        "the open journey is untouched"
    );
    h.get_by_label("OK").click();
    h.run_ok();
    assert!(h.state().dialog.is_none());
}

#[test]
fn derived_data_is_recomputed_per_change_not_per_frame() {
    let mut h = open(fixture());
    let n = h.state().derived.computations;
    h.run_steps(10);
    assert_eq!(h.state().derived.computations, n);
    h.get_by_label("Final meter read").click();
    h.run_ok();
    press(&mut h, egui::Key::ArrowRight); // move to the next stage: one edit
    // One analysis, one layout and one scene for the one edit.
    assert_eq!(h.state().derived.computations, n + 3);
}

#[test]
fn the_app_is_idle_when_nothing_happens() {
    let mut h = open(fixture());
    h.run_ok();
    // `run` returns after one frame when no repaint is requested.
    assert_eq!(h.try_run().unwrap(), 1);
}

#[test]
fn zoom_and_fit_shortcuts_change_the_camera() {
    let mut h = open(fixture());
    let fitted = h.state().camera.zoom;
    press_mod(&mut h, egui::Modifiers::COMMAND, egui::Key::Equals);
    assert!((h.state().camera.zoom - fitted * 1.25).abs() < 1e-4);
    press_mod(&mut h, egui::Modifiers::COMMAND, egui::Key::Num0);
    assert!((h.state().camera.zoom - 1.0).abs() < 1e-4);
    press(&mut h, egui::Key::F);
    assert!((h.state().camera.zoom - fitted).abs() < 1e-4);
}

#[test]
fn lane_mode_switches_to_blueprint_layers() {
    let mut h = open(fixture());
    press(&mut h, egui::Key::L);
    let lanes: Vec<String> = h
        .state()
        .derived
        .layout
        .lanes
        .iter()
        .map(|l| l.name.clone())
        .collect();
    assert_eq!(
        lanes,
        [
            "Customer action",
            "Frontstage",
            "Backstage",
            "Support process"
        ]
    );
}

#[test]
fn title_shows_journey_file_and_dirty_marker() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("move.journey.ron");
    let mut state = AppState::with_journey(fixture());
    state.save_to_path(&path).unwrap();
    assert_eq!(
        state.title(),
        "Move address (fixture) — move.journey.ron — Touchpoint"
    );
    state.move_selection(1, 0); // nothing selected: no change
    assert!(!state.doc.is_dirty());
    let mut h = harness(state);
    h.get_by_label("Final meter read").click();
    h.run_ok();
    press(&mut h, egui::Key::ArrowRight);
    assert!(h.state().title().starts_with("● Move address (fixture)"));
}
