//! Key-driver analysis speed. Targets: 100,000 respondents x 30 touchpoints, both
//! models (overall score and binary outcome) with 200 bootstrap resamples, in <= 3 s;
//! a scenario re-evaluation in <= 50 ms. The respondents are generated here.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Instant;
use touchpoint::evidence::drivers::{DriverConfig, Drivers, Respondents, ScoreColumn, ScoreShift};
use touchpoint::generate::Rng;

fn normal(rng: &mut Rng) -> f64 {
    let u1 = rng.unit().max(1e-300);
    let u2 = rng.unit();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// `n` respondents, `p` touchpoints: correlated integer scores, a linear overall
/// score, a logistic outcome, 5% blanks.
fn respondents(n: usize, p: usize) -> Respondents {
    let mut rng = Rng::new(42);
    let weights: Vec<f64> = (0..p).map(|j| 0.3 / (1.0 + j as f64)).collect();
    let mut cols = vec![Vec::with_capacity(n); p];
    let mut overall = Vec::with_capacity(n);
    let mut outcome = Vec::with_capacity(n);
    for _ in 0..n {
        let f = normal(&mut rng);
        let mut y = 1.0;
        let mut eta = -3.0;
        for (j, col) in cols.iter_mut().enumerate() {
            let x = (6.0 + 1.2 * f + 1.5 * normal(&mut rng))
                .round()
                .clamp(0.0, 10.0);
            y += weights[j] * x;
            eta += weights[j] * x * 0.5;
            col.push(if rng.unit() < 0.05 { None } else { Some(x) });
        }
        overall.push(Some((y + 0.8 * normal(&mut rng)).clamp(0.0, 10.0)));
        outcome.push(Some(rng.unit() < 1.0 / (1.0 + (-eta).exp())));
    }
    Respondents {
        touchpoints: cols
            .into_iter()
            .enumerate()
            .map(|(j, scores)| ScoreColumn {
                touchpoint: format!("t{j}"),
                name: format!("Touchpoint {j}"),
                scores,
            })
            .collect(),
        overall_name: "overall".into(),
        overall,
        outcome_name: "renewed".into(),
        outcome: Some(outcome),
    }
}

fn driver_benches(c: &mut Criterion) {
    let data = respondents(100_000, 30);
    let config = DriverConfig::default();
    let start = Instant::now();
    let Ok(drivers) = Drivers::fit(&data, &config) else {
        panic!("the generated respondents must fit");
    };
    let fit_time = start.elapsed();
    let shifts = [
        ScoreShift::Add {
            touchpoint: "t0".into(),
            points: 2.0,
        },
        ScoreShift::SetMean {
            touchpoint: "t3".into(),
            mean: 8.0,
        },
    ];
    let start = Instant::now();
    let p = drivers.predict(&shifts);
    let predict_time = start.elapsed();
    println!(
        "100,000 respondents x 30 touchpoints, {} resamples: fit {:.2} s (both models); scenario {:.1} ms; overall {:.2} -> {:.2}, outcome {:.3} -> {:.3}",
        config.resamples,
        fit_time.as_secs_f64(),
        predict_time.as_secs_f64() * 1e3,
        p.overall.as_ref().map_or(0.0, |o| o.before),
        p.overall.as_ref().map_or(0.0, |o| o.after),
        p.outcome.as_ref().map_or(0.0, |o| o.before),
        p.outcome.as_ref().map_or(0.0, |o| o.after),
    );
    let mut g = c.benchmark_group("drivers");
    g.sample_size(10);
    g.bench_function("fit 100k x 30, 200 resamples", |b| {
        b.iter(|| Drivers::fit(black_box(&data), &config))
    });
    g.bench_function("scenario 100k x 30", |b| {
        b.iter(|| drivers.predict(black_box(&shifts)))
    });
    g.finish();
}

criterion_group!(benches, driver_benches);
criterion_main!(benches);
