//! Import speed: a 10,000-row touchpoints CSV (target: <= 200 ms), and the CSV and
//! Mermaid exports of the same journey; and the importers at their 200,000-row limit
//! with distinct names and with one name repeated on every row (issue #21: repeated
//! names used to be quadratic, about 50 minutes at the limit). Prints the median per run.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

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
    limit(c);
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

/// 200,000 rows (the limit): CSV and Mermaid, distinct and repeated names.
fn limit(c: &mut Criterion) {
    const N: usize = 200_000;
    let csv_text = |repeated: bool| {
        let mut t = String::from("name,stage,owner,satisfaction\n");
        for i in 0..N {
            let name = if repeated {
                "Call back".to_owned()
            } else {
                format!("Step {i}")
            };
            t.push_str(&format!("{name},Stage {},Team {},7\n", i % 20, i % 10));
        }
        t
    };
    let mmd_text = |repeated: bool| {
        let mut t = String::from("journey\n  title Limit\n");
        for i in 0..N {
            if i % 10_000 == 0 {
                t.push_str(&format!("  section Stage {}\n", i / 10_000));
            }
            let name = if repeated {
                "Call back".to_owned()
            } else {
                format!("Step {i}")
            };
            t.push_str(&format!("    {name}: 3: Team {}\n", i % 10));
        }
        t
    };
    let mut group = c.benchmark_group("import_limit");
    group.sample_size(10);
    for (label, text, format) in [
        ("csv_200k_distinct", csv_text(false), ImportFormat::Csv),
        ("csv_200k_repeated", csv_text(true), ImportFormat::Csv),
        (
            "mermaid_200k_distinct",
            mmd_text(false),
            ImportFormat::Mermaid,
        ),
        (
            "mermaid_200k_repeated",
            mmd_text(true),
            ImportFormat::Mermaid,
        ),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| {
                let r = import_str("limit", black_box(&text), format);
                assert_eq!(r.map(|r| r.journey.touchpoint_count()).ok(), Some(N));
            })
        });
    }
    group.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
