//! Issue #14 item 7: editing a big journey stays fluid. Beyond `SYNC_LIMIT` touchpoints
//! or `SYNC_HANDOFFS` handoffs the analysis, layout and display list are computed in the
//! background: the frame of a
//! keystroke or a drop computes none of them, the typed name shows on its card in that
//! frame, the panels say "updating" until the figures of the change are in, and then
//! everything is exactly what a computation from scratch gives.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::model::TouchpointId;
use touchpoint::scene::Item;
use touchpoint::ui::{AppState, derived::SYNC_HANDOFFS, derived::SYNC_LIMIT};

fn harness(state: AppState) -> Harness<'static, AppState> {
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(4)
        .with_accessibility_check(false)
        .build_ui_state(|ui, state: &mut AppState| state.show(ui), state);
    h.step();
    h
}

/// Step until the background work is in (or fail after a generous time).
fn settle(h: &mut Harness<'static, AppState>) {
    let start = Instant::now();
    while h.state().derived.updating() {
        assert!(start.elapsed() < Duration::from_secs(120), "never settled");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.step();
}

fn card_texts(h: &Harness<'static, AppState>, id: &TouchpointId) -> String {
    let card = h.state().derived.scene.card(id).expect("a card");
    card.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_keystroke_on_a_big_journey_computes_nothing_in_its_frame_and_the_figures_follow() {
    let n = 1_200;
    assert!(n > SYNC_LIMIT);
    a_keystroke_computes_nothing_in_its_frame(touchpoint::generate::generate(n, 11));
}

/// A journey of few touchpoints but many handoffs is laid out in the background too:
/// its layout would take over frames (the search for its cells' order and the routes
/// tried on the finished lines; 22 ms in a release build for this one).
#[test]
fn a_keystroke_on_a_small_journey_with_many_handoffs_computes_nothing_in_its_frame() {
    let journey = touchpoint::generate::generate(50, 2);
    assert!(journey.touchpoint_count() <= SYNC_LIMIT);
    assert!(journey.handoff_count() > SYNC_HANDOFFS);
    a_keystroke_computes_nothing_in_its_frame(journey);
}

fn a_keystroke_computes_nothing_in_its_frame(journey: touchpoint::model::Journey) {
    let n = journey.touchpoint_count();
    let mut h = harness(AppState::with_journey(journey));
    settle(&mut h);
    assert!(h.state().derived.analysis.is_some());
    assert_eq!(h.state().derived.scene.cards.len(), n);
    // The first view waited for the layout: the start of the journey is on screen
    // (not an empty view placed on the layout that was not there yet).
    let s = h.state();
    let b = s.derived.layout.bounds;
    let corner = s.camera.to_screen(b.x + 1.0, b.y + 1.0);
    assert!(
        s.camera.rect.contains(corner),
        "{corner:?} outside {:?}",
        s.camera.rect
    );
    assert!(
        corner.x < s.camera.rect.left() + 40.0,
        "the map starts at the left of the canvas: {corner:?} in {:?}",
        s.camera.rect
    );

    // Select a touchpoint and type into its name in the inspector.
    let id = h.state().journey().touchpoints().nth(5).unwrap().id.clone();
    h.state_mut()
        .queue(touchpoint::ui::Action::SelectTouchpoints(vec![id.clone()]));
    h.step();
    settle(&mut h);
    h.get_by_label("Name").focus();
    h.step();
    let before = h.state().derived.computations;
    let version_before = h.state().doc.version();
    h.event(egui::Event::Text("Z".into()));
    h.step();
    let name = h.state().journey().touchpoint(&id).unwrap().name.clone();
    assert!(name.ends_with('Z'), "{name}");
    assert_ne!(h.state().doc.version(), version_before);
    // Nothing recomputed in that frame, yet the card already shows the typed name.
    assert_eq!(
        h.state().derived.computations,
        before,
        "no analysis, layout or scene in the keystroke's frame"
    );
    assert!(
        card_texts(&h, &id).contains('Z'),
        "the card shows the new name at once: {}",
        card_texts(&h, &id)
    );
    // The panels do not pass the old figures off as current: the next frame says so
    // (unless the background work of 1,200 touchpoints is already in, which it is not
    // in a few milliseconds).
    assert!(h.state().derived.updating());
    h.step();
    if h.state().derived.updating() {
        assert!(h.get_all_by_label_contains("updating").count() >= 1);
    }

    settle(&mut h);
    let s = h.state();
    assert!(!s.derived.updating());
    assert!(h.query_by_label_contains("updating").is_none());
    // Exactly what a computation from scratch gives.
    let fresh = analyze(s.journey(), &AnalysisConfig::default());
    assert_eq!(s.derived.analysis.as_deref(), Some(&fresh));
    let layout =
        touchpoint::layout::layout(s.journey(), &touchpoint::layout::LayoutConfig::default());
    assert_eq!(s.derived.layout, layout);
}

#[test]
fn the_background_copy_follows_undo_and_a_second_journey() {
    let mut h = harness(AppState::with_journey(touchpoint::generate::generate(
        700, 3,
    )));
    settle(&mut h);
    let id = h.state().journey().touchpoints().next().unwrap().id.clone();
    h.state_mut()
        .queue(touchpoint::ui::Action::SelectTouchpoints(vec![id.clone()]));
    h.step();
    h.step();
    h.get_by_label("Name").focus();
    h.step();
    h.event(egui::Event::Text("Q".into()));
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.step();
    settle(&mut h);
    let s = h.state();
    assert!(!s.journey().touchpoint(&id).unwrap().name.ends_with('Q'));
    assert_eq!(
        s.derived.analysis.as_deref(),
        Some(&analyze(s.journey(), &AnalysisConfig::default()))
    );
    // Another big journey: nothing of the first one survives.
    let other = touchpoint::generate::generate(900, 4);
    let expected = analyze(&other, &AnalysisConfig::default());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.journey.ron");
    std::fs::write(&path, touchpoint::io::to_ron_string(&other)).unwrap();
    h.state_mut().open_path(&path).unwrap();
    h.step();
    settle(&mut h);
    assert_eq!(h.state().derived.analysis.as_deref(), Some(&expected));
    assert_eq!(h.state().derived.scene.cards.len(), 900);
}

#[test]
fn dropping_a_card_on_a_big_journey_computes_nothing_in_its_frame() {
    let mut h = harness(AppState::with_journey(touchpoint::generate::generate(
        800, 5,
    )));
    settle(&mut h);
    let j = h.state().journey();
    let mut t = j.touchpoints().nth(3).unwrap().clone();
    let other_stage = j
        .stages()
        .iter()
        .find(|s| Some(&s.id) != t.stage.as_ref())
        .unwrap()
        .id
        .clone();
    t.stage = Some(other_stage.clone());
    let id = t.id.clone();
    let before = h.state().derived.computations;
    // What the canvas queues when a dragged card is dropped in another column.
    h.state_mut().queue(touchpoint::ui::Action::Edit {
        label: "Move touchpoint".into(),
        edit: touchpoint::edit::Edit::UpdateTouchpoint(Box::new(t)),
        merge: None,
    });
    h.step();
    assert_eq!(
        h.state().journey().touchpoint(&id).unwrap().stage,
        Some(other_stage)
    );
    assert_eq!(h.state().derived.computations, before);
    assert!(h.state().derived.updating());
    settle(&mut h);
    let s = h.state();
    let (col, _) = s.derived.layout.cell_of[&id];
    let stage_index = s
        .journey()
        .stages()
        .iter()
        .position(|st| Some(&st.id) == s.journey().touchpoint(&id).unwrap().stage.as_ref())
        .unwrap();
    assert_eq!(
        col, stage_index,
        "the card is in its new column once the layout is in"
    );
}
