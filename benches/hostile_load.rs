//! Hostile input costs linear time: files crafted to be slow (200,000 levels of
//! nesting, a 1 MB id, a 1 MB unknown field name) are refused about as fast as
//! they are read, and the autosaver's share of an edit on the UI thread is small.
//! Targets: each hostile 200 KB-1 MB file refused in <= 20 ms; `Autosaver::changed`
//! on a 1,000-touchpoint journey <= 2 ms.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use touchpoint::io::load_str;

fn hostile(c: &mut Criterion) {
    let deep = 200_000;
    let cases = [
        (
            "parens 200k",
            format!("(title: \"d\", stages: [{}", "(".repeat(deep)),
        ),
        (
            "lists 200k",
            format!("(title: \"d\", stages: {}", "[".repeat(deep)),
        ),
        (
            "Some( 200k",
            format!("(title: \"d\", owner: {}", "Some(".repeat(deep)),
        ),
        (
            "1 MB id",
            format!(
                "(title: \"x\", stages: [(id: \"{}\", name: \"S\")])",
                "x".repeat(1 << 20)
            ),
        ),
        (
            "1 MB field name",
            format!("(title: \"x\", {}: 1)", "x".repeat(1 << 20)),
        ),
    ];
    let mut group = c.benchmark_group("hostile_load");
    group.sample_size(20);
    for (name, src) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(load_str("h", black_box(src)).is_err()))
        });
    }
    group.finish();
}

fn autosave_ui_cost(c: &mut Criterion) {
    let tmp = std::env::temp_dir().join(format!("touchpoint-bench-{}", std::process::id()));
    let store = touchpoint::recovery::RecoveryStore::new(&tmp);
    let Ok(mut saver) = touchpoint::recovery::Autosaver::start(store) else {
        return;
    };
    let key = saver.open_doc();
    let journey = touchpoint::generate::generate(1_000, 1);
    let file = touchpoint::recovery::OpenFile::untitled();
    let mut revision = 0;
    c.bench_function("autosaver changed (UI thread, 1k touchpoints)", |b| {
        b.iter(|| {
            revision += 1;
            saver.changed(key, revision, black_box(&journey), &file);
        })
    });
    let _ = saver.finish();
    let _ = std::fs::remove_dir_all(&tmp);
}

criterion_group!(benches, hostile, autosave_ui_cost);
criterion_main!(benches);
