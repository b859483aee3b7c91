//! Diagram export speed on generated journeys (`generate(n, 1)`).
//! Targets: scene 10,000 touchpoints well under 100 ms; SVG 1,000 <= 30 ms and
//! 10,000 <= 200 ms; PNG 1,000 <= 1 s and 10,000 <= 5 s (raster capped at 16,384 px a
//! side and 40 megapixels); the 10,000 PDF completes (time and peak memory printed).

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group};
use mimalloc::MiMalloc as System;
use std::alloc::{GlobalAlloc, Layout as AllocLayout};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::export::pdf::{PdfOptions, render_pdf};
use touchpoint::export::raster::render_png;
use touchpoint::export::svg::write_svg;
use touchpoint::layout::{LayoutConfig, layout};
use touchpoint::model::Journey;
use touchpoint::scene::{Scene, SceneOptions, build_scene, measure};

/// Over the binary's allocator (mimalloc, as `src/main.rs` sets it, so the stages
/// are timed as the command line runs them), tracks live and peak heap bytes, to
/// report the PDF's peak memory, and counts allocations (the pipeline report's
/// "allocs" column).
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
/// Counting is on only for the pipeline's counted run, so that the timed runs pay
/// nothing for it (three atomic updates per allocation cost a tenth of the 10k scene).
static COUNT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: AllocLayout) -> *mut u8 {
        if !COUNT.load(Ordering::Relaxed) {
            return unsafe { System.alloc(layout) };
        }
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: AllocLayout) {
        if !COUNT.load(Ordering::Relaxed) {
            return unsafe { System.dealloc(ptr, layout) };
        }
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: AllocLayout, new_size: usize) -> *mut u8 {
        if !COUNT.load(Ordering::Relaxed) {
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        if new_size >= layout.size() {
            let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn scene_of(j: &Journey) -> Scene {
    let l = layout(j, &LayoutConfig::default());
    let a = analyze(j, &AnalysisConfig::default());
    build_scene(j, &l, Some(&a), &SceneOptions::default())
}

fn export_benches(c: &mut Criterion) {
    for n in [1_000usize, 10_000] {
        let j = touchpoint::generate::generate(n, 1);
        let l = layout(&j, &LayoutConfig::default());
        let a = analyze(&j, &AnalysisConfig::default());
        let scene = build_scene(&j, &l, Some(&a), &SceneOptions::default());
        let items = scene.items().count();
        let svg = write_svg(&scene);
        println!(
            "{n} touchpoints: {} handoffs, map {:.0} x {:.0} pt, {items} scene items, SVG {:.1} MB",
            j.handoff_count(),
            scene.bounds.w,
            scene.bounds.h,
            svg.len() as f64 / 1e6
        );
        // Issue 16: how readable the routes are, beside the time they take ("scene build").
        println!("{n} touchpoints: {:?}", measure(&scene));
        c.bench_function(&format!("scene build {n}"), |b| {
            b.iter(|| build_scene(black_box(&j), &l, Some(&a), &SceneOptions::default()))
        });
        c.bench_function(&format!("svg write {n}"), |b| {
            b.iter(|| write_svg(black_box(&scene)))
        });
    }
    let j = touchpoint::generate::generate(1_000, 1);
    let scene = scene_of(&j);
    let mut g = c.benchmark_group("png");
    g.sample_size(10);
    g.bench_function("png 1000", |b| {
        b.iter(|| render_png(black_box(&scene), 1.0).map(|p| p.bytes.len()))
    });
    g.finish();
}

criterion_group!(benches, export_benches);

/// The big ones once each: too slow for criterion's repeated samples on shared CI.
fn single_shots() {
    let j = touchpoint::generate::generate(10_000, 1);
    let scene = scene_of(&j);
    let t = Instant::now();
    match render_png(&scene, 1.0) {
        Ok(png) => println!(
            "png 10000 (one run): {:.2} s, {} x {} px at scale {:.3}, {:.1} MB",
            t.elapsed().as_secs_f64(),
            png.width,
            png.height,
            png.scale,
            png.bytes.len() as f64 / 1e6
        ),
        Err(e) => println!("png 10000 failed: {e}"),
    }
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let t = Instant::now();
    match render_pdf(&scene, &PdfOptions::default()) {
        Ok(pdf) => println!(
            "pdf 10000 (one run): {:.2} s, {} pages, {:.1} MB, peak heap {:.0} MB above the scene",
            t.elapsed().as_secs_f64(),
            pdf.pages,
            pdf.bytes.len() as f64 / 1e6,
            (PEAK.load(Ordering::Relaxed).saturating_sub(base)) as f64 / 1e6
        ),
        Err(e) => println!("pdf 10000 failed: {e}"),
    }
}

/// One stage of the pipeline: the best of `runs` runs (ms), timed without counting,
/// and of one more, counted: its allocations, its peak heap above what was live
/// before it, and what it leaves live (its result).
fn stage<T>(name: &str, n: usize, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut best = f64::INFINITY;
    COUNT.store(false, Ordering::Relaxed);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let v = black_box(f());
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        drop(v);
    }
    COUNT.store(true, Ordering::Relaxed);
    let a0 = ALLOCS.load(Ordering::Relaxed);
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = black_box(f());
    let allocs = ALLOCS.load(Ordering::Relaxed) - a0;
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base) as f64 / 1e6;
    let kept = LIVE.load(Ordering::Relaxed).saturating_sub(base) as f64 / 1e6;
    println!(
        "pipeline {n:>6} {name:<22} {best:>9.2} ms {allocs:>10} allocs {peak:>7.1} MB peak {kept:>7.1} MB kept"
    );
    out
}

/// Where the time of `touchpoint export FILE --format svg` goes, stage by stage, on the
/// generated 1,000 and 10,000 journeys (issue 16). Quick alone:
/// `cargo bench --bench export -- pipeline`.
fn pipeline() {
    use touchpoint::export::diagram::refuse_before_loading;
    use touchpoint::export::{ExportFormat, ExportOptions};
    let dir = tempfile::tempdir().unwrap();
    for (n, runs) in [(1_000usize, 15usize), (10_000, 7)] {
        let path = dir.path().join(format!("g{n}.journey.ron"));
        let j = touchpoint::generate::generate(n, 1);
        std::fs::write(&path, touchpoint::io::to_ron_string(&j)).unwrap();
        let out = dir.path().join(format!("g{n}.svg"));
        let png = ExportOptions::new(ExportFormat::Png);
        let t = Instant::now();
        let bytes = stage("read file", n, runs, || {
            touchpoint::io::read_file(&path).unwrap()
        });
        stage("census (png/pdf only)", n, runs, || {
            refuse_before_loading(&bytes, &png).is_ok()
        });
        let j = stage("parse+load", n, runs, || {
            touchpoint::io::load_bytes("g.journey.ron", &bytes).unwrap()
        });
        let a = stage("analyze", n, runs, || {
            analyze(&j, &AnalysisConfig::default())
        });
        let c = LayoutConfig::default();
        let l = stage("layout (with routing)", n, runs, || layout(&j, &c));
        let handoffs = j.handoffs();
        let ends: Vec<_> = handoffs.iter().map(|h| (&h.from, &h.to)).collect();
        stage("  of which route_all", n, runs, || {
            touchpoint::layout::route::route_all(&l, &c, &ends)
        });
        let scene = stage("build_scene", n, runs, || {
            build_scene(&j, &l, Some(&a), &SceneOptions::default())
        });
        let svg = stage("write_svg", n, runs, || write_svg(&scene));
        stage("write the file", n, runs, || {
            let files = [(out.as_path(), svg.as_bytes())];
            let o = touchpoint::io::WriteOptions::default();
            touchpoint::io::save_all_atomic(&touchpoint::io::RealFs, &files, o).unwrap()
        });
        println!(
            "pipeline {n:>6} all stages {runs} times: {:.0} ms; SVG {:.1} MB",
            t.elapsed().as_secs_f64() * 1e3,
            svg.len() as f64 / 1e6
        );
    }
}

fn main() {
    pipeline();
    if std::env::args().any(|a| a == "pipeline") {
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
    single_shots();
}
