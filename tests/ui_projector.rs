//! Issue 14, item 4: readable on a projector. The move-address sample at 1600x1000 and
//! 1920x1080: card names large enough on the first view, the whole window to the map
//! and back, presentation zoomed to a stage, "Larger UI (projector)", zoomed-out cards
//! and word-boundary label wrapping.

use crate::common;
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use touchpoint::ui::{AppState, Command};

fn sized(state: AppState, w: f32, h: f32) -> Harness<'static, AppState> {
    let mut h = Harness::builder()
        .with_size([w, h])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(12)
        .with_accessibility_check(false)
        .build_ui_state(|ui, state: &mut AppState| state.show(ui), state);
    h.run_ok();
    h
}

fn sample() -> AppState {
    AppState::with_journey(touchpoint::samples::move_address().unwrap())
}

#[test]
fn the_first_view_of_the_sample_has_readable_card_names() {
    for (w, hh, min_px) in [(1600.0, 1000.0, 11.0), (1920.0, 1080.0, 14.0)] {
        let h = sized(sample(), w, hh);
        let s = h.state();
        let px = s.camera.card_name_px();
        assert!(px >= min_px, "{w}x{hh}: card names {px:.1} px");
        // The start of the journey is on screen: the first stage's header and the
        // first lane's label, and the first cards.
        let labels: Vec<&str> = s
            .canvas
            .header_labels
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert!(
            labels.iter().any(|t| t.starts_with("Notify the move")),
            "{labels:?}"
        );
        assert!(labels.contains(&"Customer"), "{labels:?}");
        assert!(h.query_by_label("Customer reports the move").is_some());
        // The handoff labels on it are readable too.
        assert!(s.canvas.painted_label_texts > 0);
        assert!(s.canvas.label_min_px >= 11.0, "{}", s.canvas.label_min_px);
    }
}

#[test]
fn one_key_and_a_toolbar_button_give_the_whole_window_to_the_map() {
    let mut h = sized(sample(), 1600.0, 1000.0);
    let with_panels = h.state().camera.rect;
    assert!(with_panels.width() < 1300.0, "{with_panels:?}");
    let before = h.state().camera.card_name_px();
    press(&mut h, egui::Key::F9);
    h.run_ok();
    // The whole window (the test harness keeps an 8 point margin around it).
    let full = h.state().camera.rect;
    assert!(full.width() >= 1580.0 && full.height() >= 980.0, "{full:?}");
    assert!(h.query_by_label("Inspector").is_none());
    assert!(
        h.query_by_label("File").is_none(),
        "the menu steps aside too"
    );
    // The first view is set up again for the larger map: as large, from its start.
    assert!(h.state().camera.card_name_px() >= before);
    let lane = h
        .state()
        .canvas
        .header_labels
        .iter()
        .find(|l| l.text == "Customer")
        .map(|l| l.rect)
        .expect("the first lane's label");
    assert!(lane.left() < full.left() + 40.0, "{lane:?}");
    // And back: the key, or the button on the map.
    h.get_by_label("Show panels (F9)").click();
    h.run_ok();
    assert_eq!(h.state().camera.rect, with_panels);
    h.get_by_label("Map only").click();
    h.run_ok();
    assert!(h.state().view.map_only);
    press(&mut h, egui::Key::F9);
    assert!(!h.state().view.map_only);
    assert_eq!(h.state().camera.rect, with_panels);
    // A view the user chose (zoomed, panned) stays where it is on the screen.
    h.state_mut().camera.zoom_to(1.3);
    h.run_ok();
    let world = h.state().camera.to_world(egui::pos2(700.0, 500.0));
    let zoom = h.state().camera.zoom;
    press(&mut h, egui::Key::F9);
    h.run_steps(2);
    assert_eq!(h.state().camera.zoom, zoom);
    let again = h.state().camera.to_world(egui::pos2(700.0, 500.0));
    assert!((again.0 - world.0).abs() < 0.5 && (again.1 - world.1).abs() < 0.5);
}

#[test]
fn presentation_zooms_to_the_stage_without_cutting_its_frame() {
    let mut h = sized(sample(), 1920.0, 1080.0);
    h.state_mut().queue_command(Command::Present);
    h.run_ok();
    let stages = h.state().journey().stages().len();
    let mut sizes = Vec::new();
    for i in 0..stages {
        press(&mut h, egui::Key::ArrowRight);
        h.run_steps(4);
        let s = h.state();
        assert_eq!(s.warroom.present.stage, Some(i));
        let stage = &s.journey().stages()[i].id;
        let frame = touchpoint::ui::present::stage_box(&s.derived.layout, stage).unwrap();
        let r = s.camera.rect_to_screen(&frame);
        let cam = s.camera.rect;
        // The whole frame (its 4 px outline outside) is on screen, below the sticky
        // stage headers and right of the lane labels.
        let c = s.derived.layout.config.unwrap();
        let head = (c.header_h * s.camera.zoom).max(26.0);
        let band = (c.label_w * s.camera.zoom).clamp(64.0, c.label_w);
        assert!(
            r.left() - 4.0 >= cam.left() + band - 0.5
                && r.right() + 4.0 <= cam.right() + 0.5
                && r.top() - 4.0 >= cam.top() + head - 0.5
                && r.bottom() + 4.0 <= cam.bottom() + 0.5,
            "stage {i}: frame {r:?} in {cam:?}"
        );
        // It fills the screen in one direction at least.
        assert!(
            r.width() >= 0.8 * (cam.width() - band) || r.height() >= 0.8 * (cam.height() - head),
            "stage {i}: {r:?} in {cam:?}"
        );
        // The size the presented stage's card names are painted at: the largest name
        // text of each of its cards in the scene on screen, times the zoom.
        let mut smallest = f32::MAX;
        let mut cards = 0;
        for card in &s.derived.scene.cards {
            let in_stage = s
                .journey()
                .touchpoint(&card.id)
                .is_some_and(|t| t.stage.as_ref() == Some(stage));
            if !in_stage {
                continue;
            }
            cards += 1;
            let name = card
                .items
                .iter()
                .filter_map(|i| match i {
                    touchpoint::scene::Item::Text {
                        size, bold: true, ..
                    } => Some(*size),
                    _ => None,
                })
                .fold(0.0_f32, f32::max);
            smallest = smallest.min(name * s.camera.zoom * s.camera.pixels_per_point);
        }
        assert!(cards > 0, "stage {i} has cards in the scene");
        sizes.push(smallest);
    }
    eprintln!("card names per presented stage (px): {sizes:?}");
    // Every presented stage of the sample: card names 18 px or more on 1920x1080.
    assert!(sizes.iter().all(|&px| px >= 18.0), "{sizes:?}");
    // Leaving the stage (Home: the whole journey) returns the cards to their usual type.
    press(&mut h, egui::Key::Home);
    h.run_steps(4);
    let s = h.state();
    assert!(
        s.derived.scene.cards.iter().all(|c| c.items.iter().all(|i| !matches!(
            i,
            touchpoint::scene::Item::Text { size, .. } if *size >= touchpoint::scene::LARGE_NAME_SIZE
        ))),
        "no large type outside a presented stage"
    );
}

#[test]
fn larger_ui_makes_the_map_larger_and_hides_no_toolbar_button() {
    let mut h = sized(sample(), 1600.0, 1000.0);
    let before = h.state().camera.card_name_px();
    for _ in 0..3 {
        h.state_mut().queue_command(Command::UiScaleUp);
        h.run_ok();
    }
    h.run_steps(3);
    assert!(h.state().settings.ui_scale >= 1.75);
    let after = h.state().camera.card_name_px();
    assert!(after > before * 1.4, "{before} -> {after} px");
    // Every toolbar button is on screen, or in the More menu.
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
    let tools = [
        "New",
        "Open",
        "Save",
        "Undo",
        "Redo",
        "+ Touchpoint",
        "+ Stage",
        "+ Department",
        "Fit",
        "Gap overlay",
        "Layers",
        "Matrix",
        "Map only",
        "Find",
        "Commands",
    ];
    let ppp = h.ctx.pixels_per_point();
    let mut hidden = Vec::new();
    for t in tools {
        match h.query_by_label(t) {
            Some(n) => {
                let r = n.rect();
                let r = egui::Rect::from_min_max(
                    (r.min.to_vec2() * ppp).to_pos2(),
                    (r.max.to_vec2() * ppp).to_pos2(),
                );
                assert!(window.contains_rect(r), "{t} at {r:?} is cut off");
            }
            None => hidden.push(t),
        }
    }
    assert!(!hidden.is_empty(), "at 175% not all fit on one row");
    h.get_by_label("More…").click();
    h.run_ok();
    for t in &hidden {
        assert!(h.query_by_label(t).is_some(), "{t} is in the More menu");
    }
    // Lane labels never overlap one another.
    let lanes: Vec<_> = h
        .state()
        .canvas
        .header_labels
        .iter()
        .filter(|l| !l.text.contains('·'))
        .collect();
    assert!(lanes.len() >= 3);
    for (i, a) in lanes.iter().enumerate() {
        for b in lanes.iter().skip(i + 1) {
            assert!(
                !a.rect.intersects(b.rect.shrink(0.5)),
                "{} and {} overlap",
                a.text,
                b.text
            );
        }
    }
}

#[test]
fn zoomed_far_out_cards_stay_shapes_and_labels_wrap_between_words() {
    let mut h = sized(sample(), 1600.0, 1000.0);
    for _ in 0..14 {
        h.state_mut().queue_command(Command::ZoomOut);
    }
    h.run_ok();
    h.run_steps(2);
    let s = h.state();
    assert!(s.camera.zoom < 0.15);
    assert_eq!(s.canvas.block_cards, s.canvas.painted_cards);
    assert_eq!(s.canvas.painted_cards, 19, "every card drawn, none blank");
    // At every zoom, lane and stage labels break lines only between words.
    let words_of = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    for zoom in [0.2, 0.35, 0.5, 0.8, 1.0, 1.5] {
        h.state_mut().camera.zoom_to(zoom);
        h.run_steps(2);
        let labels = &h.state().canvas.header_labels;
        assert!(!labels.is_empty());
        for l in labels {
            let words = words_of(&l.text);
            for row in &l.rows {
                for w in row.split_whitespace() {
                    assert!(
                        words.iter().any(|x| x == w)
                            || (w.ends_with('…')
                                && words.iter().any(|x| x.starts_with(w.trim_end_matches('…')))),
                        "zoom {zoom}: {:?} broke a word into {:?}",
                        l.text,
                        l.rows
                    );
                }
            }
        }
    }
}

#[test]
fn the_minimap_never_covers_a_card() {
    for (w, hh) in [(1600.0, 1000.0), (1920.0, 1080.0), (1200.0, 800.0)] {
        let mut h = sized(sample(), w, hh);
        for zoom in [0.5, 0.7, 1.0, 1.4] {
            h.state_mut().camera.zoom_to(zoom);
            h.run_steps(2);
            let s = h.state();
            if let Some(m) = s.canvas.minimap {
                for r in s.derived.layout.cards.values() {
                    let sr = s.camera.rect_to_screen(r);
                    assert!(
                        !sr.intersects(m),
                        "{w}x{hh} zoom {zoom}: minimap {m:?} on {sr:?}"
                    );
                }
            }
        }
    }
}
