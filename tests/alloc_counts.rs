//! Issue 16: what made loading and drawing a big map fast stays, checked by counting
//! the heap allocations of one thread (robust on a shared machine, unlike a clock).
//! The times are printed by `cargo bench --bench export -- pipeline`.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::layout::{LayoutConfig, layout};
use touchpoint::scene::{SceneOptions, build_scene};

/// Counts the allocations (and growths) made by each thread (this test binary only).
struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    // `try_with`: a thread being torn down has no counter; its allocations are not ours.
    let _ = ALLOCS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The allocations this thread makes in `f`, and its result.
fn counted<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCS.with(Cell::get);
    let out = f();
    (ALLOCS.with(Cell::get) - before, out)
}

const N: usize = 1_000;

/// Loading: validation builds a problem's path only for a problem (it built one per
/// field: 44 allocations a touchpoint before, 27 after).
#[test]
fn loading_allocates_little_per_touchpoint() {
    let text = touchpoint::io::to_ron_string(&touchpoint::generate::generate(N, 1));
    // Warm the language catalog and caches outside the count.
    touchpoint::io::load_str("g.journey.ron", &text).unwrap();
    let (allocs, j) = counted(|| touchpoint::io::load_str("g.journey.ron", &text).unwrap());
    assert_eq!(j.touchpoints().count(), N);
    let per = allocs as f64 / N as f64;
    eprintln!("{per:.1} allocations a touchpoint");
    assert!(per < 32.0, "{per:.1} allocations a touchpoint to load");
}

/// Drawing: wrapping and cleaning card text without a string per candidate line
/// (66 allocations a touchpoint before, 46 after).
#[test]
fn building_the_scene_allocates_little_per_touchpoint() {
    let j = touchpoint::generate::generate(N, 1);
    let l = layout(&j, &LayoutConfig::default());
    let a = analyze(&j, &AnalysisConfig::default());
    let options = SceneOptions::default();
    build_scene(&j, &l, Some(&a), &options);
    let (allocs, scene) = counted(|| build_scene(&j, &l, Some(&a), &options));
    assert_eq!(scene.cards.len(), N);
    let per = allocs as f64 / N as f64;
    eprintln!("{per:.1} allocations a touchpoint");
    assert!(
        per < 52.0,
        "{per:.1} allocations a touchpoint to build the scene"
    );
}
