//! Import speed: a 10,000-row touchpoints CSV (target: <= 200 ms), and the CSV and
//! Mermaid exports of the same journey. Prints the median per run.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use touchpoint::export::{csv, mermaid};
use touchpoint::import::{ImportFormat, import_str};

fn benches(c: &mut Criterion) {
    let journey = touchpoint::generate::generate(10_000, 7);
    let table = csv::touchpoints_csv(&journey);
    let mmd = mermaid::to_mermaid(&journey);
    println!(
        "input: {} touchpoints, {} handoffs; CSV {} bytes, Mermaid {} bytes",
        journey.touchpoint_count(),
        journey.handoff_count(),
        table.len(),
        mmd.len()
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("csv_10k_rows", |b| {
        b.iter(|| import_str("bench.csv", black_box(&table), ImportFormat::Csv))
    });
    group.bench_function("mermaid_10k_tasks", |b| {
        b.iter(|| import_str("bench.mmd", black_box(&mmd), ImportFormat::Mermaid))
    });
    group.finish();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("csv_touchpoints_10k", |b| {
        b.iter(|| csv::touchpoints_csv(black_box(&journey)))
    });
    group.bench_function("mermaid_10k", |b| {
        b.iter(|| mermaid::to_mermaid(black_box(&journey)))
    });
    group.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
