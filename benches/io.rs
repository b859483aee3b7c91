//! File format speed and model memory on the generated 10,000-touchpoint journey.
//! Targets: load + validate <= 150 ms, save <= 250 ms, model <= 1.5 KB per touchpoint.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};

/// Counts live heap bytes, to measure the model's memory.
struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn io_benches(c: &mut Criterion) {
    let journey = touchpoint::generate::generate(10_000, 1);
    let text = touchpoint::io::to_ron_string(&journey);
    println!(
        "generated journey: {} touchpoints, {} handoffs, {:.1} MB of RON",
        journey.touchpoint_count(),
        journey.handoff_count(),
        text.len() as f64 / 1e6
    );

    // Memory: live heap bytes held by a freshly loaded journey.
    let before = LIVE.load(Ordering::Relaxed);
    let loaded = touchpoint::io::load_str("big", &text).expect("loads");
    let bytes = LIVE.load(Ordering::Relaxed) - before;
    println!(
        "model memory: {} bytes for {} touchpoints and {} handoffs = {:.0} bytes per touchpoint (heap bytes live after load, counted by a global allocator)",
        bytes,
        loaded.touchpoint_count(),
        loaded.handoff_count(),
        bytes as f64 / loaded.touchpoint_count() as f64
    );
    drop(loaded);

    let mut g = c.benchmark_group("io-10k");
    g.sample_size(10);
    g.bench_function("load+validate 10k", |b| {
        b.iter(|| touchpoint::io::load_str("big", black_box(&text)).expect("loads"))
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.journey.ron");
    g.bench_function(
        "save 10k (serialise, verify by re-parsing, atomic write)",
        |b| b.iter(|| touchpoint::io::save(&path, black_box(&journey)).expect("saves")),
    );
    g.bench_function("serialise 10k", |b| {
        b.iter(|| touchpoint::io::to_ron_string(black_box(&journey)))
    });
    g.finish();
}

criterion_group!(benches, io_benches);
criterion_main!(benches);
