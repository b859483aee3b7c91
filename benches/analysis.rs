//! Gap analysis speed on generated journeys. Target: the full analysis of the
//! generated 10,000-touchpoint journey (about 15,000 handoffs) in <= 50 ms.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Instant;
use touchpoint::analysis::{AnalysisConfig, analyze, diff, journey_order};

/// CPU time of this thread in seconds (Linux `/proc`), to report a figure that a
/// busy machine does not inflate; `None` elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn analysis_benches(c: &mut Criterion) {
    let config = AnalysisConfig::default();
    let mut g = c.benchmark_group("analysis");
    g.sample_size(20);
    for n in [1_000usize, 10_000] {
        let journey = touchpoint::generate::generate(n, 1);
        // One timed run with its figures, so the output says what was analysed.
        let start = Instant::now();
        let a = analyze(&journey, &config);
        let once = start.elapsed();
        println!(
            "generated {n}: {} touchpoints, {} handoffs; one analysis {:.1} ms; {} gaps ({} high or worse), {} rework loops, {} paths, elapsed {:.0} h on the longest path ({} handoffs)",
            a.headline.touchpoints,
            a.headline.handoffs,
            once.as_secs_f64() * 1e3,
            a.gaps.len(),
            a.gaps_at_least(touchpoint::analysis::Severity::High)
                .count(),
            a.loops.len(),
            a.paths.count,
            a.headline.elapsed_hours,
            a.headline.longest_path_handoffs,
        );
        // CPU time per analysis over a batch (clock ticks are 10 ms).
        let runs = if n >= 10_000 { 40 } else { 200 };
        if let Some(c0) = thread_cpu_seconds() {
            let w0 = Instant::now();
            for _ in 0..runs {
                black_box(analyze(black_box(&journey), &config));
            }
            if let Some(c1) = thread_cpu_seconds() {
                println!(
                    "generated {n}: full analysis {:.1} ms CPU per run ({:.1} ms wall) over {runs} runs",
                    (c1 - c0) * 1e3 / runs as f64,
                    w0.elapsed().as_secs_f64() * 1e3 / runs as f64
                );
            }
        }
        g.bench_function(format!("analyze {n}"), |b| {
            b.iter(|| analyze(black_box(&journey), &config))
        });
        g.bench_function(format!("journey_order {n}"), |b| {
            b.iter(|| journey_order(black_box(&journey)))
        });
        if n == 10_000 {
            let other = touchpoint::generate::generate(n, 2);
            g.bench_function("diff 10k vs 10k", |b| {
                b.iter(|| diff(black_box(&journey), black_box(&other), &config))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, analysis_benches);
criterion_main!(benches);
