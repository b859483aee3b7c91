//! Frame CPU time of the app (canvas, panels, inspector) headless with egui_kittest:
//! 1,000 and 10,000 touchpoints, at working zoom (100%) and fitted, and during a drag
//! on 10,000 touchpoints. Targets: 1k <= 4 ms at any zoom; 10k <= 2 ms at working zoom,
//! <= 10 ms fitted. Prints ms/frame for each case.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use std::hint::black_box;
use std::time::Instant;
use touchpoint::ui::{AppState, Command};

fn harness(n: usize) -> Harness<'static, AppState> {
    let journey = touchpoint::generate::generate(n, 7);
    let state = AppState::with_journey(journey);
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(100)
        .with_accessibility_check(false)
        .build_ui_state(|ui, s: &mut AppState| s.show(ui), state);
    h.run_ok();
    h
}

fn zoom_100(h: &mut Harness<'_, AppState>) {
    h.state_mut().queue_command(Command::ZoomReset);
    h.run_ok();
}

/// Average ms per frame over `frames` frames.
fn ms_per_frame(h: &mut Harness<'_, AppState>, frames: usize) -> f64 {
    let t = Instant::now();
    for _ in 0..frames {
        h.step();
    }
    t.elapsed().as_secs_f64() * 1000.0 / frames as f64
}

fn bench(c: &mut Criterion) {
    for n in [1_000usize, 10_000] {
        let mut h = harness(n);
        let fitted = ms_per_frame(&mut h, 30);
        let painted = h.state().canvas.painted_cards;
        println!("canvas {n} touchpoints, fitted: {fitted:.2} ms/frame ({painted} cards painted)");
        c.bench_function(&format!("frame_{n}_fitted"), |b| {
            b.iter(|| black_box(&mut h).step())
        });
        zoom_100(&mut h);
        let working = ms_per_frame(&mut h, 30);
        let painted = h.state().canvas.painted_cards;
        println!(
            "canvas {n} touchpoints, 100% zoom: {working:.2} ms/frame ({painted} cards painted)"
        );
        c.bench_function(&format!("frame_{n}_zoom100"), |b| {
            b.iter(|| black_box(&mut h).step())
        });
    }

    // A drag on 10,000 touchpoints: press on a card, move, frame after frame.
    let mut h = harness(10_000);
    zoom_100(&mut h);
    let s = h.state();
    let view = s.camera.view();
    let (id, r) = s
        .derived
        .layout
        .visible_cards(&view)
        .into_iter()
        .map(|(id, r)| (id.clone(), *r))
        .next()
        .expect("a card on screen");
    let _ = id;
    let start = s.camera.to_screen(r.x + r.w / 2.0, r.y + r.h / 2.0);
    h.hover_at(start);
    h.drag_at(start);
    h.step();
    let mut k = 0.0f32;
    let t = Instant::now();
    let frames = 30;
    for _ in 0..frames {
        k += 3.0;
        h.hover_at(start + egui::vec2(k, k * 0.5));
        h.step();
    }
    let ms = t.elapsed().as_secs_f64() * 1000.0 / frames as f64;
    println!("drag on 10000 touchpoints: {ms:.2} ms/frame");
    c.bench_function("frame_10000_dragging", |b| {
        b.iter(|| {
            k = (k + 3.0) % 300.0;
            h.hover_at(start + egui::vec2(k, k * 0.5));
            h.step();
        })
    });
}

criterion_group! {
    name = canvas;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(canvas);
