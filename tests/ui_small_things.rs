//! Issue 14, item 10: small things a workshop trips on.

use crate::common;
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use touchpoint::model::*;
use touchpoint::ui::{Action, AppState};

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

fn sample() -> Journey {
    touchpoint::samples::move_address().unwrap()
}

#[test]
fn escape_closes_an_open_menu_and_keeps_the_selection() {
    let mut h = open(fixture());
    h.state_mut()
        .queue(Action::SelectTouchpoints(vec![TouchpointId::new(
            "final-read",
        )]));
    h.run_ok();
    h.get_by_label("File").click();
    h.run_ok();
    assert!(
        h.query_by_label("Open the move-address sample").is_some(),
        "the File menu is open"
    );
    press(&mut h, egui::Key::Escape);
    h.run_ok();
    assert!(
        h.query_by_label("Open the move-address sample").is_none(),
        "Escape closed the menu"
    );
    assert_eq!(selected(&h), ["final-read"], "and did nothing else");
}

#[test]
fn selecting_a_card_or_a_handoff_does_not_resize_the_panels_or_move_the_map() {
    let mut j = sample();
    // A long metric name and a long quote on one card.
    let id = j.touchpoints().next().unwrap().id.clone();
    let mut t = j.touchpoint(&id).unwrap().clone();
    t.metrics.push(Metric {
        name:
            "Share of move requests keyed into the CRM with the new address complete and verified"
                .into(),
        value: 71.0,
        unit: "%".into(),
        target: Some(95.0),
        better: Better::Higher,
    });
    t.pains.push("I told them three times that I was moving on the 14th and still the letter said the 21st, so I called again and waited forty minutes".into());
    j.update_touchpoint(t).unwrap();
    let ids: Vec<TouchpointId> = j.touchpoints().map(|t| t.id.clone()).collect();
    let keys: Vec<HandoffKey> = j.handoffs().into_iter().map(|h| h.key()).collect();
    let mut h = sized(AppState::with_journey(j), 1600.0, 1000.0);
    let canvas = h.state().camera.rect;
    let pan = h.state().camera.pan;
    for id in ids {
        h.state_mut()
            .queue(Action::SelectTouchpoints(vec![id.clone()]));
        h.run_ok();
        h.run_steps(2);
        assert_eq!(h.state().camera.rect, canvas, "selecting {id}");
        assert_eq!(h.state().camera.pan, pan, "selecting {id}");
    }
    for k in keys {
        h.state_mut().queue(Action::SelectHandoff(k.clone()));
        h.run_ok();
        h.run_steps(2);
        assert_eq!(h.state().camera.rect, canvas, "selecting {k:?}");
    }
}

#[test]
fn the_inspector_wraps_long_metric_names_and_quotes() {
    let mut j = fixture();
    let id = TouchpointId::new("final-read");
    let mut t = j.touchpoint(&id).unwrap().clone();
    let long_metric = "Share of final reads taken on the date agreed with the customer in writing";
    let long_quote = "Nobody told me the old supply would stop that morning, and the letter gave a different date from the call";
    t.metrics[0].name = long_metric.into();
    t.pains.push(long_quote.into());
    j.update_touchpoint(t).unwrap();
    let mut h = open(j);
    h.state_mut().queue(Action::SelectTouchpoints(vec![id]));
    h.run_ok();
    h.run_steps(2);
    let panel_right = 1500.0;
    for (label, text) in [("Metric name", long_metric), ("Pain point", long_quote)] {
        let node = h
            .get_all_by_label(label)
            .find(|n| n.value().as_deref() == Some(text))
            .unwrap_or_else(|| panic!("{label} field with the whole text"));
        let r = node.rect();
        assert!(r.right() <= panel_right, "{label}: {r:?}");
        assert!(
            r.height() >= 2.0 * 14.0,
            "{label}: the text wraps onto several lines ({r:?})"
        );
    }
}

#[test]
fn a_card_dropped_on_an_empty_slot_goes_there_and_the_cells_cards_stay() {
    // Cards placed by journey order (no manual order anywhere).
    let mut j = sample();
    let all: Vec<Touchpoint> = j.touchpoints().cloned().collect();
    for mut t in all {
        t.order = None;
        j.update_touchpoint(t).unwrap();
    }
    let mut h = open(j);
    let s = h.state();
    let l = &s.derived.layout;
    let c = l.config.unwrap();
    // Every cell with cards and a free slot beside them, and a card from elsewhere.
    let mut tried = 0;
    let targets: Vec<((usize, usize), Vec<TouchpointId>)> = l
        .cells
        .iter()
        .filter(|(cell, list)| {
            cell.0 > 0 && !list.is_empty() && list.len() < l.columns[cell.0].per_row
        })
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    assert!(!targets.is_empty());
    for (target, before) in targets.into_iter().take(3) {
        let s = h.state();
        let l = &s.derived.layout;
        // A card from an earlier stage: by journey order it would go first.
        let Some(grab) = l
            .order
            .iter()
            .find(|id| l.cell_of[*id].0 < target.0 && l.cell_of[*id].1 != target.1)
            .cloned()
        else {
            continue;
        };
        let (col, lane) = (&l.columns[target.0], &l.lanes[target.1]);
        let k = before.len();
        let (q, r) = (k % col.per_row, k / col.per_row);
        let slot = (
            col.x + c.gap + q as f32 * (c.card_w + c.gap) + c.card_w / 2.0,
            lane.y + c.gap + r as f32 * (c.card_h + c.gap) + c.card_h / 2.0,
        );
        let from = l.cards[&grab];
        let a = s.camera.to_screen(from.x + 30.0, from.y + from.h / 2.0);
        let b = s.camera.to_screen(slot.0, slot.1);
        h.state_mut()
            .queue(Action::SelectTouchpoints(vec![grab.clone()]));
        h.run_ok();
        drag(&mut h, a, b);
        h.run_steps(2);
        let after = h.state().derived.layout.cells[&target].clone();
        let mut want = before.clone();
        want.push(grab.clone());
        assert_eq!(
            after, want,
            "{grab} dropped on the free slot {k} of {target:?}"
        );
        tried += 1;
    }
    assert!(tried >= 1);
}

#[test]
fn the_department_matrix_fits_the_view_at_1600_px() {
    let mut h = sized(AppState::with_journey(sample()), 1600.0, 1000.0);
    let central = h.state().camera.rect;
    h.state_mut()
        .queue_command(touchpoint::ui::Command::ToggleMatrix);
    h.run_ok();
    h.run_steps(2);
    let departments = h.state().journey().departments().len();
    // The column headers and row labels as drawn (their cells share the columns).
    let labels = &h.state().canvas.header_labels;
    assert_eq!(labels.len(), 1 + 2 * departments, "{labels:?}");
    for l in labels {
        assert!(
            l.rect.right() <= central.right() + 0.5 && l.rect.left() >= central.left() - 0.5,
            "{} at {:?} is beyond the view {central:?} (horizontal scrolling)",
            l.text,
            l.rect
        );
    }
    let rightmost = labels.iter().map(|l| l.rect.right()).fold(0.0, f32::max);
    assert!(rightmost > central.center().x, "the matrix uses the width");
    // Headers and row labels: every department, wrapped between words only.
    for l in labels {
        let words: Vec<&str> = l.text.split_whitespace().collect();
        for row in &l.rows {
            for w in row.split_whitespace() {
                assert!(
                    words.contains(&w)
                        || (w.ends_with('…')
                            && words.iter().any(|x| x.starts_with(w.trim_end_matches('…')))),
                    "{:?} broke a word: {:?}",
                    l.text,
                    l.rows
                );
            }
        }
    }
}
