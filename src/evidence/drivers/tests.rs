//! Known-truth tests: respondents generated from a known model; the analysis must
//! find the model again. Degenerate data must give sentences, never a panic or NaN.

use super::*;
use crate::generate::Rng;
use nalgebra::{DMatrix, DVector};

fn normal(rng: &mut Rng) -> f64 {
    let u1 = rng.unit().max(1e-300);
    let u2 = rng.unit();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// Integer scores 0-10 of `p` touchpoints that move together through a common factor.
fn scores(rng: &mut Rng, p: usize) -> Vec<f64> {
    let f = normal(rng);
    (0..p)
        .map(|j| {
            (5.5 + 0.3 * j as f64 + 1.2 * f + 1.6 * normal(rng))
                .round()
                .clamp(0.0, 10.0)
        })
        .collect()
}

const W: [f64; 5] = [0.40, 0.25, 0.15, 0.08, 0.02];
const INTERCEPT: f64 = 0.5;
const NOISE: f64 = 0.6;
const LOGIT: [f64; 5] = [0.60, 0.35, 0.15, 0.05, 0.0];
const LOGIT_0: f64 = -6.2;

fn linear_truth(x: &[f64]) -> f64 {
    INTERCEPT + x.iter().zip(W).map(|(a, w)| a * w).sum::<f64>()
}

fn logit_truth(x: &[f64]) -> f64 {
    LOGIT_0 + x.iter().zip(LOGIT).map(|(a, w)| a * w).sum::<f64>()
}

fn sigmoid(t: f64) -> f64 {
    1.0 / (1.0 + (-t).exp())
}

/// Respondents from the known models.
fn generate(n: usize, seed: u64) -> (Respondents, Vec<Vec<f64>>) {
    let mut rng = Rng::new(seed);
    let p = W.len();
    let mut cols = vec![Vec::with_capacity(n); p];
    let mut overall = Vec::with_capacity(n);
    let mut outcome = Vec::with_capacity(n);
    let mut rows = Vec::with_capacity(n);
    for _ in 0..n {
        let x = scores(&mut rng, p);
        let y = (linear_truth(&x) + NOISE * normal(&mut rng)).clamp(0.0, 10.0);
        let o = rng.unit() < sigmoid(logit_truth(&x));
        for (c, v) in cols.iter_mut().zip(&x) {
            c.push(Some(*v));
        }
        overall.push(Some(y));
        outcome.push(Some(o));
        rows.push(x);
    }
    let data = Respondents {
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
    };
    (data, rows)
}

/// The population relative weights (shares) of a model with coefficients `w` on
/// predictors with covariance `cov` (estimated from a very large independent draw).
fn true_shares(w: &[f64], logistic: bool) -> Vec<f64> {
    let mut rng = Rng::new(99);
    let p = w.len();
    let n = 400_000;
    let mut sum = vec![0.0; p];
    let mut cross = DMatrix::<f64>::zeros(p, p);
    for _ in 0..n {
        let x = scores(&mut rng, p);
        for j in 0..p {
            sum[j] += x[j];
            for l in 0..p {
                cross[(j, l)] += x[j] * x[l];
            }
        }
    }
    let cov = DMatrix::from_fn(p, p, |j, l| {
        cross[(j, l)] / n as f64 - sum[j] * sum[l] / (n as f64 * n as f64)
    });
    let weights = if logistic {
        linalg::logistic_weights(&cov, w).unwrap()
    } else {
        let wv = DVector::from_column_slice(w);
        let cxy = &cov * &wv;
        let vy = (wv.transpose() * &cov * &wv)[(0, 0)] + NOISE * NOISE;
        let mut full = DMatrix::zeros(p + 1, p + 1);
        full.view_mut((0, 0), (p, p)).copy_from(&cov);
        for j in 0..p {
            full[(j, p)] = cxy[j];
            full[(p, j)] = cxy[j];
        }
        full[(p, p)] = vy;
        linalg::linear(&full).unwrap().weights
    };
    linalg::shares(&weights).unwrap()
}

fn row<'a>(m: &'a ModelReport, id: &str) -> &'a DriverRow {
    m.drivers.iter().find(|d| d.touchpoint == id).unwrap()
}

#[test]
fn overall_model_recovers_ranking_weights_and_intervals() {
    let (data, _) = generate(3000, 7);
    let d = Drivers::fit(&data, &DriverConfig::default()).unwrap();
    let m = d.report.overall.as_ref().unwrap();
    assert_eq!(m.respondents, 3000);
    assert_eq!(m.resamples_used, 200);
    let order: Vec<&str> = m.drivers.iter().map(|r| r.touchpoint.as_str()).collect();
    assert_eq!(order, ["t0", "t1", "t2", "t3", "t4"], "{m:#?}");
    let total: f64 = m.drivers.iter().map(|r| r.importance).sum();
    assert!((total - 1.0).abs() < 1e-9, "importances add up to {total}");
    let truth = true_shares(&W, false);
    for (j, w) in W.iter().enumerate() {
        let r = row(m, &format!("t{j}"));
        assert!(
            r.coefficient_low <= *w && *w <= r.coefficient_high,
            "t{j}: true weight {w} outside [{}, {}]",
            r.coefficient_low,
            r.coefficient_high
        );
        assert!(
            r.ci_low <= truth[j] && truth[j] <= r.ci_high,
            "t{j}: true importance {} outside [{}, {}]",
            truth[j],
            r.ci_low,
            r.ci_high
        );
        assert!(
            r.coefficient_high - r.coefficient_low < 0.1,
            "t{j}: interval too wide"
        );
        assert!(r.vif > 1.0 && r.vif < 5.0);
    }
    assert!(m.r2 > 0.8 && m.r2 < 1.0, "R^2 {}", m.r2);
    // The best driver scores low enough to be in the "act" quadrant? t0 has the
    // lowest mean (5.5) and the highest importance.
    assert_eq!(row(m, "t0").quadrant, Quadrant::Act);
    assert_eq!(row(m, "t4").quadrant, Quadrant::Secondary);
}

#[test]
fn outcome_model_recovers_ranking_odds_and_intervals() {
    let (data, _) = generate(4000, 11);
    let d = Drivers::fit(&data, &DriverConfig::default()).unwrap();
    let m = d.report.outcome.as_ref().unwrap();
    let rate = m.rate.unwrap();
    assert!(rate > 0.2 && rate < 0.8, "rate {rate}");
    let order: Vec<&str> = m
        .drivers
        .iter()
        .take(3)
        .map(|r| r.touchpoint.as_str())
        .collect();
    assert_eq!(order, ["t0", "t1", "t2"], "{m:#?}");
    let total: f64 = m.drivers.iter().map(|r| r.importance).sum();
    assert!((total - 1.0).abs() < 1e-9);
    let truth = true_shares(&LOGIT, true);
    for (j, b) in LOGIT.iter().enumerate() {
        let r = row(m, &format!("t{j}"));
        assert!(
            r.coefficient_low <= *b && *b <= r.coefficient_high,
            "t{j}: true log-odds {b} outside [{}, {}]",
            r.coefficient_low,
            r.coefficient_high
        );
        assert!(
            r.ci_low <= truth[j] + 1e-9 && truth[j] <= r.ci_high + 1e-9,
            "t{j}: true importance {} outside [{}, {}]",
            truth[j],
            r.ci_low,
            r.ci_high
        );
        let or = r.odds_ratio.unwrap();
        assert!((or - r.coefficient.exp()).abs() < 1e-12);
    }
    assert!(m.r2 > 0.05 && m.r2 < 1.0);
}

#[test]
fn plus_two_on_the_top_driver_predicts_the_true_lift() {
    let (data, rows) = generate(3000, 13);
    let d = Drivers::fit(&data, &DriverConfig::default()).unwrap();
    let top = d.report.overall.as_ref().unwrap().drivers[0]
        .touchpoint
        .clone();
    assert_eq!(top, "t0");
    let shift = [ScoreShift::Add {
        touchpoint: top,
        points: 2.0,
    }];
    let p = d.predict(&shift);
    // The true model's lift on the same respondents.
    let n = rows.len() as f64;
    let true_lift: f64 = rows
        .iter()
        .map(|x| W[0] * ((x[0] + 2.0).min(10.0) - x[0]))
        .sum::<f64>()
        / n;
    let o = p.overall.unwrap();
    let lift = o.after - o.before;
    assert!(
        (lift - true_lift).abs() <= 0.1 * true_lift,
        "overall lift {lift} vs true {true_lift}"
    );
    assert!(o.low <= o.after && o.after <= o.high && o.high - o.low < 0.2);
    let true_rate_lift: f64 = rows
        .iter()
        .map(|x| {
            let mut up = x.clone();
            up[0] = (up[0] + 2.0).min(10.0);
            sigmoid(logit_truth(&up)) - sigmoid(logit_truth(x))
        })
        .sum::<f64>()
        / n;
    let r = p.outcome.unwrap();
    let rate_lift = r.after - r.before;
    assert!(
        (rate_lift - true_rate_lift).abs() <= 0.1 * true_rate_lift,
        "outcome lift {rate_lift} vs true {true_rate_lift}"
    );
    assert!(r.low < r.after && r.after < r.high);
    // Nothing changes, nothing moves.
    let none = d.predict(&[]);
    let o = none.overall.unwrap();
    assert!((o.after - o.before).abs() < 1e-12);
}

#[test]
fn set_mean_reaches_the_target_mean() {
    let (data, _) = generate(500, 3);
    let d = Drivers::fit(&data, &DriverConfig::default()).unwrap();
    let m = d.report.overall.as_ref().unwrap();
    let t1 = row(m, "t1");
    let target = 8.0;
    let p = d.predict(&[ScoreShift::SetMean {
        touchpoint: "t1".into(),
        mean: target,
    }]);
    let o = p.overall.unwrap();
    let expected = t1.coefficient * (target - t1.mean);
    assert!(
        ((o.after - o.before) - expected).abs() < 1e-6,
        "{o:?} {expected}"
    );
    let q = d.predict(&[ScoreShift::Add {
        touchpoint: "nowhere".into(),
        points: 2.0,
    }]);
    assert_eq!(q.notes.len(), 1);
    assert!(q.notes[0].contains("`nowhere`"));
}

#[test]
fn same_seed_same_intervals_other_seed_other_intervals() {
    let (data, _) = generate(1500, 5);
    let a = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    let b = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    assert_eq!(a, b);
    let c = Drivers::fit(
        &data,
        &DriverConfig {
            seed: 2,
            ..DriverConfig::default()
        },
    )
    .unwrap()
    .report;
    assert_ne!(
        a.overall.as_ref().unwrap().drivers[0].ci_low,
        c.overall.as_ref().unwrap().drivers[0].ci_low
    );
    // The point estimate does not depend on the seed (up to rounding: the seeded
    // shuffle changes the order of the sums).
    let (ia, ic) = (
        a.overall.as_ref().unwrap().drivers[0].importance,
        c.overall.as_ref().unwrap().drivers[0].importance,
    );
    assert!((ia - ic).abs() < 1e-12);
}

/// No NaN or infinity anywhere: serde_json writes them as `null`.
fn assert_no_nan(report: &DriverReport) {
    fn walk(v: &serde_json::Value, path: &str) {
        match v {
            serde_json::Value::Null => {
                assert!(path == "/overall" || path == "/outcome", "null at {path}")
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}/{i}"));
                }
            }
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    walk(x, &format!("{path}/{k}"));
                }
            }
            _ => {}
        }
    }
    walk(&serde_json::to_value(report).unwrap(), "");
}

fn cannot(report: &DriverReport) -> Vec<&str> {
    report
        .notes
        .iter()
        .filter(|n| n.level == NoteLevel::Cannot)
        .map(|n| n.text.as_str())
        .collect()
}

#[test]
fn one_respondent_says_so() {
    let (mut data, _) = generate(1, 1);
    data.outcome = None;
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    assert!(r.overall.is_none());
    let c = cannot(&r);
    assert!(
        c.iter()
            .any(|t| t.contains("1 respondent for 5 touchpoints")),
        "{c:?}"
    );
    assert_no_nan(&r);
}

#[test]
fn no_respondents_at_all() {
    let (mut data, _) = generate(0, 1);
    data.outcome = Some(Vec::new());
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    assert!(r.overall.is_none() && r.outcome.is_none());
    assert!(!cannot(&r).is_empty());
    assert_no_nan(&r);
}

#[test]
fn a_constant_column_is_left_out_with_a_reason() {
    let (mut data, _) = generate(400, 2);
    for v in &mut data.touchpoints[2].scores {
        *v = Some(7.0);
    }
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    let m = r.overall.as_ref().unwrap();
    assert_eq!(m.drivers.len(), 4);
    assert!(
        m.excluded
            .iter()
            .any(|e| e.touchpoint == "t2" && e.reason.contains("every answer is 7"))
    );
    let total: f64 = m.drivers.iter().map(|r| r.importance).sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert_no_nan(&r);
}

#[test]
fn perfectly_collinear_columns_are_named() {
    let (mut data, _) = generate(400, 4);
    data.touchpoints[3].scores = data.touchpoints[1].scores.clone();
    // An exact combination: t4 = (t0 + t2) / 2.
    data.touchpoints[4].scores = data.touchpoints[0]
        .scores
        .iter()
        .zip(&data.touchpoints[2].scores)
        .map(|(a, b)| Some((a.unwrap() + b.unwrap()) / 2.0))
        .collect();
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    let m = r.overall.as_ref().unwrap();
    assert_eq!(m.drivers.len(), 3, "{:?}", m.excluded);
    let t3 = m.excluded.iter().find(|e| e.touchpoint == "t3").unwrap();
    assert!(
        t3.reason.contains("`t1`") && t3.reason.contains("collinear"),
        "{}",
        t3.reason
    );
    let t4 = m.excluded.iter().find(|e| e.touchpoint == "t4").unwrap();
    assert!(
        t4.reason.contains("`t0`") && t4.reason.contains("`t2`"),
        "{}",
        t4.reason
    );
    assert_no_nan(&r);
}

#[test]
fn near_collinear_columns_get_a_vif_warning() {
    let (mut data, _) = generate(600, 8);
    let mut rng = Rng::new(3);
    data.touchpoints[3].scores = data.touchpoints[1]
        .scores
        .iter()
        .map(|v| {
            v.map(|x| {
                if rng.unit() < 0.05 {
                    (x + 1.0).min(10.0)
                } else {
                    x
                }
            })
        })
        .collect();
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    assert!(
        r.notes.iter().any(|n| n.level == NoteLevel::Warning
            && n.text.contains("collinearity")
            && n.text.contains("`t3`")),
        "{:?}",
        r.notes
    );
    assert_no_nan(&r);
}

#[test]
fn all_outcomes_equal_and_overall_constant() {
    let (mut data, _) = generate(300, 6);
    data.outcome = Some(vec![Some(true); 300]);
    data.overall = vec![Some(8.0); 300];
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    assert!(r.overall.is_none() && r.outcome.is_none());
    let c = cannot(&r);
    assert!(c.iter().any(|t| t.contains("same outcome (yes)")), "{c:?}");
    assert!(c.iter().any(|t| t.contains("same answer")), "{c:?}");
    assert_no_nan(&r);
}

#[test]
fn perfect_separation_is_explained() {
    let (mut data, rows) = generate(300, 9);
    data.outcome = Some(rows.iter().map(|x| Some(x[0] >= 6.0)).collect());
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    assert!(r.outcome.is_none());
    assert!(
        cannot(&r).iter().any(|t| t.contains("separation")),
        "{:?}",
        r.notes
    );
    assert!(r.overall.is_some());
    assert_no_nan(&r);
}

#[test]
fn too_few_respondents_per_touchpoint_is_a_warning() {
    let (data, _) = generate(30, 12);
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    assert!(
        r.notes.iter().any(|n| n.level == NoteLevel::Warning
            && n.text.contains("30 respondents for 5 touchpoints")),
        "{:?}",
        r.notes
    );
    assert_no_nan(&r);
}

#[test]
fn blanks_are_filled_or_dropped_and_counted() {
    let (mut data, _) = generate(1000, 10);
    let mut rng = Rng::new(4);
    for c in &mut data.touchpoints {
        for v in &mut c.scores {
            if rng.unit() < 0.1 {
                *v = None;
            }
        }
    }
    data.overall[0] = None;
    let r = Drivers::fit(&data, &DriverConfig::default())
        .unwrap()
        .report;
    let m = r.overall.as_ref().unwrap();
    assert_eq!(m.respondents, 999);
    assert!((m.imputed_share - 0.1).abs() < 0.02, "{}", m.imputed_share);
    assert!(
        m.drivers
            .iter()
            .all(|d| d.answered < 999 && d.answered > 850)
    );
    assert_eq!(m.drivers[0].touchpoint, "t0");
    let l = Drivers::fit(
        &data,
        &DriverConfig {
            missing: Missing::Listwise,
            ..DriverConfig::default()
        },
    )
    .unwrap()
    .report;
    let ml = l.overall.as_ref().unwrap();
    assert!(
        ml.respondents < 700 && ml.respondents > 500,
        "{}",
        ml.respondents
    );
    assert_eq!(ml.imputed_share, 0.0);
    assert_no_nan(&l);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let (mut data, _) = generate(10, 1);
    data.touchpoints[0].scores.pop();
    assert!(matches!(
        Drivers::fit(&data, &DriverConfig::default()),
        Err(DriverError::Length { .. })
    ));
    let (mut data, _) = generate(10, 1);
    data.touchpoints[1].scores[3] = Some(11.0);
    let e = Drivers::fit(&data, &DriverConfig::default()).err().unwrap();
    assert_eq!(
        e.to_string(),
        "`t1`, respondent 4: 11 is not a score on the 0-10 scale"
    );
    let (mut data, _) = generate(10, 1);
    data.touchpoints.clear();
    assert_eq!(
        Drivers::fit(&data, &DriverConfig::default()).err(),
        Some(DriverError::NoTouchpoints)
    );
}

#[test]
fn big_samples_use_groups_and_stay_close_to_the_truth() {
    let (data, _) = generate(20_000, 21);
    let d = Drivers::fit(
        &data,
        &DriverConfig {
            resamples: 50,
            ..DriverConfig::default()
        },
    )
    .unwrap();
    let m = d.report.overall.as_ref().unwrap();
    for (j, w) in W.iter().enumerate() {
        let r = row(m, &format!("t{j}"));
        assert!(
            (r.coefficient - w).abs() < 0.02,
            "t{j}: {} vs {w}",
            r.coefficient
        );
        assert!(r.coefficient_low <= *w && *w <= r.coefficient_high, "t{j}");
    }
}
