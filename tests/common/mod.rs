//! Shared helpers for the egui_kittest UI tests.
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use touchpoint::model::*;
use touchpoint::ui::AppState;
use touchpoint::ui::dialogs::FixedDialogs;

/// A small move-address journey with the names the domain uses.
pub fn fixture() -> Journey {
    let mut j = Journey::starter("Move address (fixture)");
    for (i, (id, name, color)) in [
        ("contact-centre", "Contact centre", Rgb(0x4e, 0x79, 0xa7)),
        ("billing", "Billing", Rgb(0xf2, 0x8e, 0x2b)),
        ("field-ops", "Field operations", Rgb(0x59, 0xa1, 0x4f)),
    ]
    .into_iter()
    .enumerate()
    {
        j.insert_department(i + 1, Department::new(id, name, color))
            .unwrap();
    }
    let tps = [
        (
            "report-move",
            "Customer reports the move",
            "notify",
            "customer",
            Layer::CustomerAction,
        ),
        (
            "identity-check",
            "Identity and account check",
            "notify",
            "contact-centre",
            Layer::Frontstage,
        ),
        (
            "order-to-billing",
            "Move order passed to Billing",
            "notify",
            "billing",
            Layer::Backstage,
        ),
        (
            "final-read",
            "Final meter read",
            "stop-old",
            "field-ops",
            Layer::Frontstage,
        ),
        (
            "final-bill",
            "Final bill for the old address",
            "stop-old",
            "billing",
            Layer::Backstage,
        ),
        (
            "first-bill",
            "First accurate bill",
            "first-bill",
            "billing",
            Layer::Frontstage,
        ),
        (
            "customer-calls",
            "Customer calls to ask what is happening",
            "start-new",
            "customer",
            Layer::CustomerAction,
        ),
    ];
    for (id, name, stage, owner, layer) in tps {
        let mut t = Touchpoint::new(id, name);
        t.stage = Some(StageId::new(stage));
        t.owner = Some(DepartmentId::new(owner));
        t.layer = layer;
        j.add_touchpoint(t).unwrap();
    }
    let mut fr = j
        .touchpoint(&TouchpointId::new("final-read"))
        .unwrap()
        .clone();
    fr.satisfaction = Some(Satisfaction::Histogram([
        3, 1, 2, 4, 6, 9, 12, 15, 20, 18, 10,
    ]));
    fr.metrics.push(Metric {
        name: "Read on agreed date".into(),
        value: 81.0,
        unit: "%".into(),
        target: Some(95.0),
        better: Better::Higher,
    });
    j.update_touchpoint(fr).unwrap();
    for (a, b, wait) in [
        ("report-move", "identity-check", None),
        ("identity-check", "order-to-billing", Some(24.0)),
        ("order-to-billing", "final-read", Some(48.0)),
        ("final-read", "final-bill", Some(12.0)),
        ("final-bill", "customer-calls", None),
        ("customer-calls", "identity-check", None),
        ("final-bill", "first-bill", Some(72.0)),
    ] {
        let mut h = Handoff::new(a, b);
        h.wait_hours = wait;
        j.add_handoff(h).unwrap();
    }
    j
}

pub fn harness(state: AppState) -> Harness<'static, AppState> {
    let mut h = Harness::builder()
        .with_size([1500.0, 950.0])
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(12)
        .with_accessibility_check(false)
        .build_ui_state(|ui, state: &mut AppState| state.show(ui), state);
    h.run_ok();
    h
}

/// A harness on `journey` with the whole journey on screen (Fit, as a user presses F):
/// the first view of a wide journey shows readable card names and scrolls instead.
pub fn open(journey: Journey) -> Harness<'static, AppState> {
    let mut h = harness(AppState::with_journey(journey));
    h.state_mut().queue_command(touchpoint::ui::Command::Fit);
    h.run_ok();
    h.run_steps(2);
    h
}

/// Centre of the node with this label.
pub fn center_of(h: &Harness<'_, AppState>, label: &str) -> egui::Pos2 {
    h.get_by_label(label).rect().center()
}

/// A real double click at `pos` (two press/release pairs within the double-click delay).
pub fn double_click(h: &mut Harness<'_, AppState>, pos: egui::Pos2) {
    // Let earlier clicks age past the double-click delay.
    h.run_steps(30);
    h.hover_at(pos);
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
    }
    h.run_ok();
}

/// Drag with the primary button from `a` to `b` in a few moves.
pub fn drag(h: &mut Harness<'_, AppState>, a: egui::Pos2, b: egui::Pos2) {
    h.hover_at(a);
    h.drag_at(a);
    h.run_ok();
    for k in 1..=4 {
        h.hover_at(a.lerp(b, k as f32 / 4.0));
        h.run_ok();
    }
    h.drop_at(b);
    h.run_ok();
}

/// Type text into whatever has keyboard focus, then run.
pub fn type_text(h: &mut Harness<'_, AppState>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run_ok();
}

pub fn press(h: &mut Harness<'_, AppState>, key: egui::Key) {
    h.key_press(key);
    h.run_ok();
}

pub fn press_mod(h: &mut Harness<'_, AppState>, m: egui::Modifiers, key: egui::Key) {
    h.key_press_modifiers(m, key);
    h.run_ok();
}

pub fn selected(h: &Harness<'_, AppState>) -> Vec<String> {
    h.state()
        .selection
        .touchpoints
        .iter()
        .map(|t| t.0.clone())
        .collect()
}

/// Step the app (its workers run meanwhile) until `done` holds; fail after `secs` seconds.
pub fn wait_until(h: &mut Harness<'_, AppState>, secs: u64, done: impl Fn(&AppState) -> bool) {
    let t = Instant::now();
    while !done(h.state()) {
        assert!(t.elapsed() < Duration::from_secs(secs), "timed out");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run_ok();
}

/// `state` with pickers that answer `open` and `save`.
pub fn with_dialogs(state: AppState, open: Option<PathBuf>, save: Option<PathBuf>) -> AppState {
    let mut state = state;
    state.file_dialogs = Box::new(FixedDialogs { open, save });
    state
}

/// File > Import > `item`: the submenu opens when its entry is hovered (or clicked).
pub fn file_import(h: &mut Harness<'_, AppState>, item: &str) {
    h.get_by_label("File").click();
    h.run_ok();
    h.get_by_label("Import").hover();
    h.run_ok();
    if h.query_by_label(item).is_none() {
        h.get_by_label("Import").click();
        h.run_ok();
    }
    h.get_by_label(item).click();
    h.run_ok();
}
