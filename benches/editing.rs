//! Issue #14 item 7: what one edit of a big journey costs. Prints, at 1,000 and 10,000
//! touchpoints, the parts recomputed after an edit (journey clone, analysis, layout,
//! display list), then in the app (egui_kittest, headless): the frame of a keystroke in
//! the inspector and of a dropped card, and how long until the figures and the whole
//! display list are those of the change.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::layout::{LayoutConfig, layout};
use touchpoint::scene::{SceneOptions, build_scene};
use touchpoint::ui::{Action, AppState};

fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

fn harness(n: usize) -> Harness<'static, AppState> {
    let state = AppState::with_journey(touchpoint::generate::generate(n, 7));
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(4)
        .with_accessibility_check(false)
        .build_ui_state(|ui, s: &mut AppState| s.show(ui), state);
    h.step();
    settle(&mut h);
    h
}

/// Steps until the background work is in; returns (ms until the analysis is the
/// current one, ms until everything is).
fn settle(h: &mut Harness<'static, AppState>) -> (f64, f64) {
    let t = Instant::now();
    let mut figures = None;
    loop {
        let s = h.state();
        let v = s.doc.version();
        if figures.is_none() && s.derived.analysis_version() == Some(v) {
            figures = Some(t.elapsed().as_secs_f64() * 1000.0);
        }
        if !s.derived.updating() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
        h.step();
    }
    let all = t.elapsed().as_secs_f64() * 1000.0;
    (figures.unwrap_or(all), all)
}

fn main() {
    for n in [1_000usize, 10_000] {
        let j = touchpoint::generate::generate(n, 7);
        let clone = ms(|| {
            std::hint::black_box(j.clone());
        });
        let mut a = None;
        let analysis = ms(|| a = Some(analyze(&j, &AnalysisConfig::default())));
        let mut l = None;
        let lay = ms(|| l = Some(layout(&j, &LayoutConfig::default())));
        let (a, l) = (a.unwrap(), l.unwrap());
        let scene = ms(|| {
            std::hint::black_box(build_scene(&j, &l, Some(&a), &SceneOptions::default()));
        });
        println!(
            "{n} touchpoints, from scratch: clone {clone:.1} ms, analysis {analysis:.1} ms, layout {lay:.1} ms, display list {scene:.1} ms"
        );

        let mut h = harness(n);
        let id = h.state().journey().touchpoints().nth(5).unwrap().id.clone();
        h.state_mut()
            .queue(Action::SelectTouchpoints(vec![id.clone()]));
        h.step();
        h.step();
        settle(&mut h);
        h.get_by_label("Name").focus();
        h.step();
        let idle = ms(|| h.step());
        let mut keys = Vec::new();
        let mut follow = Vec::new();
        for c in ["a", "b", "c", "d", "e"] {
            h.event(egui::Event::Text(c.into()));
            keys.push(ms(|| h.step()));
            follow.push(settle(&mut h));
        }
        keys.sort_by(f64::total_cmp);
        let worst_fig = follow.iter().map(|f| f.0).fold(0.0, f64::max);
        let worst_all = follow.iter().map(|f| f.1).fold(0.0, f64::max);
        println!(
            "{n} touchpoints, app: idle frame {idle:.1} ms; keystroke frame median {:.1} ms, worst {:.1} ms; figures current after <= {worst_fig:.0} ms, whole map after <= {worst_all:.0} ms",
            keys[keys.len() / 2],
            keys[keys.len() - 1]
        );

        // Drop a card in another column (the edit the canvas queues on a drop).
        let mut drops = Vec::new();
        let mut drop_follow = Vec::new();
        for k in 0..3 {
            let j = h.state().journey();
            let mut t = j.touchpoints().nth(10 + k).unwrap().clone();
            let other = j
                .stages()
                .iter()
                .find(|s| Some(&s.id) != t.stage.as_ref())
                .unwrap()
                .id
                .clone();
            t.stage = Some(other);
            h.state_mut().queue(Action::Edit {
                label: "Move touchpoint".into(),
                edit: touchpoint::edit::Edit::UpdateTouchpoint(Box::new(t)),
                merge: None,
            });
            drops.push(ms(|| h.step()));
            drop_follow.push(settle(&mut h));
        }
        drops.sort_by(f64::total_cmp);
        println!(
            "{n} touchpoints, app: drop frame median {:.1} ms, worst {:.1} ms; figures current after <= {:.0} ms, whole map after <= {:.0} ms",
            drops[1],
            drops[2],
            drop_follow.iter().map(|f| f.0).fold(0.0, f64::max),
            drop_follow.iter().map(|f| f.1).fold(0.0, f64::max),
        );
    }
}
