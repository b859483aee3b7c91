//! Issue #14, items 3 and 8: typing goes where the cursor is, in every mode (no
//! single-key shortcut while a text field has the keyboard; new notes hide no card
//! and dim with the rest); a journey can be made from nothing in the app.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use touchpoint::layout::LaneMode;
use touchpoint::model::{Anchor, Journey, NoteId, TouchpointId};
use touchpoint::ui::{Action, AppState, notes};

fn harness(state: AppState) -> Harness<'static, AppState> {
    harness_sized(state, 1000.0)
}

fn harness_sized(state: AppState, height: f32) -> Harness<'static, AppState> {
    let mut h = Harness::builder()
        .with_size([1600.0, height])
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

/// Type like a keyboard does: a key press and its text for each character,
/// one frame per character, starting in the very next frame.
fn type_keys(h: &mut Harness<'static, AppState>, text: &str) {
    for c in text.chars() {
        let key = match c {
            ' ' => Some(Key::Space),
            c => Key::from_name(&c.to_ascii_uppercase().to_string()),
        };
        if let Some(key) = key {
            h.event(egui::Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
        h.event(egui::Event::Text(c.to_string()));
        if let Some(key) = key {
            h.event(egui::Event::Key {
                key,
                physical_key: None,
                pressed: false,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run_ok();
}

fn new_note_text(h: &Harness<'static, AppState>, before: &[NoteId]) -> String {
    let j = h.state().journey();
    let new: Vec<_> = j.notes().filter(|n| !before.contains(&n.id)).collect();
    assert_eq!(new.len(), 1, "exactly one note was added");
    new[0].text.clone()
}

fn note_ids(h: &Harness<'static, AppState>) -> Vec<NoteId> {
    h.state().journey().notes().map(|n| n.id.clone()).collect()
}

#[test]
fn in_presentation_the_letters_typed_after_n_go_into_the_note() {
    let mut h = harness(AppState::with_journey(as_is()));
    h.key_press(Key::F5);
    h.run_ok();
    assert!(h.state().warroom.present.active);
    h.state_mut()
        .queue(Action::SelectTouchpoints(vec![TouchpointId::new(
            "final-read",
        )]));
    h.run_ok();
    let notes_before = note_ids(&h);
    let (mode, gaps, stage) = {
        let s = h.state();
        (s.view.lane_mode, s.view.gaps, s.warroom.present.stage)
    };
    h.key_press(Key::N);
    h.step();
    // L toggles layers, T the timer, G the gaps, F fits, M the matrix, N adds a
    // note, space steps to the next stage: none of them may fire while writing.
    type_keys(&mut h, "let me fix this gnat");
    assert_eq!(new_note_text(&h, &notes_before), "let me fix this gnat");
    let s = h.state();
    assert_eq!(s.view.lane_mode, mode, "L did not toggle the layers");
    assert_eq!(s.view.gaps, gaps, "G did not toggle the gaps");
    assert!(!s.view.matrix, "M did not open the matrix");
    assert!(!s.warroom.timer.visible, "T did not start the timer");
    assert_eq!(
        s.warroom.present.stage, stage,
        "space did not change the stage"
    );
    assert!(s.warroom.present.active, "still presenting");
    // Escape ends the note, not the presentation; then the keys work again.
    h.key_press(Key::Escape);
    h.run_ok();
    assert!(
        h.state().warroom.present.active,
        "Escape only closed the note"
    );
    assert_eq!(new_note_text(&h, &notes_before), "let me fix this gnat");
    h.key_press(Key::L);
    h.run_ok();
    assert_ne!(
        h.state().view.lane_mode,
        mode,
        "L works again after the note"
    );
}

#[test]
fn in_the_editor_the_letters_typed_right_after_n_go_into_the_note() {
    let mut h = harness(AppState::with_journey(as_is()));
    h.state_mut()
        .queue(Action::SelectTouchpoints(vec![TouchpointId::new(
            "final-read",
        )]));
    h.run_ok();
    let notes_before = note_ids(&h);
    let mode = h.state().view.lane_mode;
    h.key_press(Key::N);
    h.step();
    type_keys(&mut h, "long wait");
    assert_eq!(new_note_text(&h, &notes_before), "long wait");
    assert_eq!(
        h.state().view.lane_mode,
        mode,
        "L did not toggle the layers"
    );
    assert!(!h.state().view.gaps || h.state().view.gaps, "");
}

#[test]
fn no_single_key_shortcut_fires_while_a_text_field_has_focus() {
    let mut h = harness(AppState::with_journey(as_is()));
    let (mode, gaps) = (h.state().view.lane_mode, h.state().view.gaps);
    // The author field of the war-room panel.
    h.state_mut().warroom.panel = true;
    h.run_ok();
    h.get_by_label("Author").click();
    h.run_ok();
    let notes_before = h.state().journey().notes().count();
    type_keys(&mut h, "nelgmt");
    let s = h.state();
    assert_eq!(s.warroom.notes.author, "nelgmt");
    assert_eq!(s.journey().notes().count(), notes_before, "N made no note");
    assert_eq!(s.view.lane_mode, mode);
    assert_eq!(s.view.gaps, gaps);
    assert!(!s.view.matrix);
    assert!(!s.warroom.timer.visible);
}

#[test]
fn new_notes_hide_no_card_and_dim_with_the_rest() {
    let mut h = harness(AppState::with_journey(as_is()));
    for id in ["final-read", "identity-check", "report-move", "final-bill"] {
        notes::add_note_at(h.state_mut(), Anchor::Touchpoint(TouchpointId::new(id)));
        notes::add_note_at(h.state_mut(), Anchor::Touchpoint(TouchpointId::new(id)));
        h.run_ok();
    }
    h.state_mut().view.lane_mode = LaneMode::Departments;
    h.run_ok();
    let s = h.state();
    let rects = notes::note_rects(s);
    assert_eq!(rects.len(), s.journey().notes().count());
    for (id, n) in &rects {
        for (tp, c) in &s.derived.layout.cards {
            // The card with room for its badges around it.
            let grown =
                touchpoint::layout::Rect::new(c.x - 6.0, c.y - 10.0, c.w + 12.0, c.h + 16.0);
            assert!(
                !n.intersects(&grown),
                "note {id} at {n:?} covers card {tp} at {c:?}"
            );
        }
    }
    // Presenting one stage dims the notes of the other stages.
    h.key_press(Key::F5);
    h.run_ok();
    h.key_press(Key::ArrowRight);
    h.run_ok();
    let s = h.state();
    let stage = touchpoint::ui::present::current_stage(s)
        .cloned()
        .expect("a stage");
    for n in s.journey().notes() {
        if let Anchor::Touchpoint(t) = &n.anchor {
            let in_stage =
                s.journey().touchpoint(t).and_then(|t| t.stage.clone()) == Some(stage.clone());
            assert_eq!(notes::note_dimmed(s, n), !in_stage, "note {} on {t}", n.id);
        }
    }
}

// ----- item 8: a journey made from nothing --------------------------------------------

#[test]
fn a_new_journey_starts_neutral() {
    let mut h = harness(AppState::with_journey(as_is()));
    h.get_by_label("File").click();
    h.run_ok();
    h.get_by_label_contains("New journey").click();
    h.run_ok();
    let j = h.state().journey();
    assert_eq!(j.touchpoint_count(), 0);
    for s in j.stages() {
        assert!(
            !["Notify", "Stop old", "Start new", "First bill"].contains(&s.name.as_str()),
            "the move-address stage {:?} is not in a new journey",
            s.name
        );
    }
}

#[test]
fn a_new_stage_and_department_are_named_in_place() {
    let mut h = harness(AppState::with_journey(Journey::neutral("Blank")));
    let mode = h.state().view.lane_mode;
    h.get_by_label("+ Stage").click();
    h.step();
    type_keys(&mut h, "Delivery");
    let names: Vec<String> = h
        .state()
        .journey()
        .stages()
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(
        names.last().map(String::as_str),
        Some("Delivery"),
        "{names:?}"
    );
    assert_eq!(
        h.state().view.lane_mode,
        mode,
        "L did not toggle the layers"
    );
    h.get_by_label("+ Department").click();
    h.step();
    type_keys(&mut h, "Logistics");
    let names: Vec<String> = h
        .state()
        .journey()
        .departments()
        .iter()
        .map(|d| d.name.clone())
        .collect();
    assert_eq!(
        names.last().map(String::as_str),
        Some("Logistics"),
        "{names:?}"
    );
    assert_eq!(h.state().view.lane_mode, mode);
    assert!(!h.state().view.gaps || h.state().view.gaps);
}

fn replace_text(h: &mut Harness<'static, AppState>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run_ok();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run_ok();
    h.event(egui::Event::Text(text.into()));
    h.run_ok();
}

#[test]
fn the_journey_meta_is_edited_in_the_inspector_when_nothing_is_selected() {
    let mut h = harness(AppState::with_journey(Journey::neutral("Blank")));
    replace_text(&mut h, "Journey title", "Open a business account");
    replace_text(&mut h, "Journey owner", "Head of SME banking");
    replace_text(&mut h, "Journey variant", "as-is");
    replace_text(
        &mut h,
        "Journey description",
        "From first contact to a working account",
    );
    h.get_by_label("+ Outcome").click();
    h.run_ok();
    replace_text(&mut h, "Outcome name", "Accounts opened in 5 days");
    replace_text(&mut h, "Outcome value", "62.5");
    replace_text(&mut h, "Outcome unit", "%");
    let m = h.state().journey().meta().clone();
    assert_eq!(m.title, "Open a business account");
    assert_eq!(m.owner, "Head of SME banking");
    assert_eq!(m.variant, "as-is");
    assert_eq!(m.description, "From first contact to a working account");
    assert_eq!(m.outcomes.len(), 1);
    assert_eq!(m.outcomes[0].name, "Accounts opened in 5 days");
    assert_eq!(m.outcomes[0].value, 62.5);
    assert_eq!(m.outcomes[0].unit, "%");
}

#[test]
fn choosing_mean_only_invents_no_score() {
    use touchpoint::analysis::{AnalysisConfig, GapKind, analyze};
    use touchpoint::model::Satisfaction;
    let mut j = as_is();
    // A touchpoint with a metric target but no score yet.
    let id = j
        .touchpoints()
        .find(|t| t.metrics.iter().any(|m| m.target.is_some()))
        .map(|t| t.id.clone())
        .expect("a measured touchpoint");
    let name = j.touchpoint(&id).unwrap().name.clone();
    let mut t = j.touchpoint(&id).unwrap().clone();
    t.satisfaction = None;
    j.update_touchpoint(t).unwrap();
    let mut h = harness(AppState::with_journey(j));
    h.get_by_label(&name).click();
    h.run_ok();
    h.get_by_label("mean only").click();
    h.run_ok();
    let t = h.state().journey().touchpoint(&id).unwrap().clone();
    assert_eq!(t.satisfaction, None, "no mean of 5 with 0 responses");
    let a = analyze(h.state().journey(), &AnalysisConfig::default());
    assert!(
        !a.gaps
            .iter()
            .any(|g| g.kind == GapKind::Watermelon && g.touchpoints.contains(&id)),
        "an empty score raises no watermelon"
    );
    // The fields are there, empty; typing a mean stores it, with the typed responses.
    h.get_by_label("Responses").focus();
    h.run_ok();
    type_keys(&mut h, "40");
    assert_eq!(
        h.state().journey().touchpoint(&id).unwrap().satisfaction,
        None
    );
    h.get_by_label("Mean score").focus();
    h.run_ok();
    type_keys(&mut h, "3");
    assert_eq!(
        h.state().journey().touchpoint(&id).unwrap().satisfaction,
        Some(Satisfaction::Summary {
            mean: 3.0,
            responses: 40
        })
    );
}

/// While a note is typed in presentation, its editor on the map covers no card's name
/// or badges (it grows from the note's free spot towards free space).
#[test]
fn the_note_being_typed_in_presentation_hides_no_card() {
    let mut h = harness_sized(AppState::with_journey(as_is()), 1080.0);
    h.key_press(Key::F5);
    h.run_ok();
    for (stage, card) in [(1, "final-read"), (2, "credit-check"), (3, "direct-debit")] {
        while h.state().warroom.present.stage != Some(stage) {
            h.key_press(Key::ArrowRight);
            h.run_ok();
        }
        h.run_steps(4);
        h.state_mut()
            .queue(Action::SelectTouchpoints(vec![TouchpointId::new(card)]));
        h.run_ok();
        h.key_press(Key::N);
        h.step();
        type_keys(&mut h, "we never hear back");
        let s = h.state();
        let id = s
            .warroom
            .notes
            .editing
            .clone()
            .expect("a note is being typed");
        let editor = notes::editor_rect(s, &id);
        for (tp, c) in &s.derived.layout.cards {
            let r = s.camera.rect_to_screen(c);
            // The card with room for its badges above it.
            let grown = egui::Rect::from_min_max(r.min - egui::vec2(0.0, 8.0), r.max);
            assert!(
                !editor.intersects(grown) || !s.camera.rect.intersects(r),
                "stage {stage}: the note editor {editor:?} covers card {tp} at {r:?}"
            );
        }
        h.key_press(Key::Escape);
        h.run_ok();
        assert!(h.state().warroom.present.active);
    }
}
