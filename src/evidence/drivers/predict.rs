//! Predictions of the fitted models under changed touchpoint scores.

use super::fit::{Drivers, LinearModel, LogisticModel};
use super::linalg::quantile;
use super::logistic::sigmoid;
use super::sample::Sample;
use nalgebra::DVector;
use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal};

/// A change to one touchpoint's scores.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreShift {
    /// Every respondent's score moves by `points` (clamped to 0-10).
    Add { touchpoint: String, points: f64 },
    /// The touchpoint's mean becomes `mean`: every score moves by the same amount,
    /// found so that the mean after clamping to 0-10 is `mean`.
    SetMean { touchpoint: String, mean: f64 },
}

impl ScoreShift {
    pub fn touchpoint(&self) -> &str {
        match self {
            ScoreShift::Add { touchpoint, .. } | ScoreShift::SetMean { touchpoint, .. } => {
                touchpoint
            }
        }
    }
}

/// A predicted figure before and after, with the interval of the after value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Prediction {
    pub before: f64,
    pub after: f64,
    pub low: f64,
    pub high: f64,
}

/// What the models predict for a set of score changes.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct ScorePrediction {
    /// Mean overall score.
    pub overall: Option<Prediction>,
    /// Outcome rate (0-1).
    pub outcome: Option<Prediction>,
    /// Changes the models could not use, in plain words.
    pub notes: Vec<String>,
}

/// The new values of one predictor column (uncentred, 0-10) after the shifts that
/// name it; `None` when no shift names it.
fn shifted(sample: &Sample, c: usize, id: &str, shifts: &[ScoreShift]) -> Option<Vec<f64>> {
    let mine: Vec<&ScoreShift> = shifts.iter().filter(|s| s.touchpoint() == id).collect();
    if mine.is_empty() {
        return None;
    }
    let mean = *sample.x_mean.get(c)?;
    let col = sample.a.column(c + 1);
    let mut values: Vec<f64> = col.iter().map(|v| (v + mean).clamp(0.0, 10.0)).collect();
    for s in mine {
        match *s {
            ScoreShift::Add { points, .. } => {
                for v in &mut values {
                    *v = (*v + points).clamp(0.0, 10.0);
                }
            }
            ScoreShift::SetMean { mean: target, .. } => {
                let target = target.clamp(0.0, 10.0);
                let mean_after = |d: f64| {
                    values.iter().map(|v| (v + d).clamp(0.0, 10.0)).sum::<f64>()
                        / values.len().max(1) as f64
                };
                let (mut lo, mut hi) = (-10.0, 10.0);
                for _ in 0..60 {
                    let mid = 0.5 * (lo + hi);
                    if mean_after(mid) < target {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                let d = 0.5 * (lo + hi);
                for v in &mut values {
                    *v = (*v + d).clamp(0.0, 10.0);
                }
            }
        }
    }
    Some(values)
}

/// Per changed predictor: (column, change per row).
fn deltas(sample: &Sample, ids: &[String], shifts: &[ScoreShift]) -> Vec<(usize, Vec<f64>)> {
    ids.iter()
        .enumerate()
        .filter_map(|(c, id)| {
            let after = shifted(sample, c, id, shifts)?;
            let mean = sample.x_mean.get(c).copied().unwrap_or(0.0);
            let d = sample
                .a
                .column(c + 1)
                .iter()
                .zip(after)
                .map(|(v, a)| a - (v + mean))
                .collect();
            Some((c, d))
        })
        .collect()
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

fn z(confidence: f64) -> f64 {
    let p = 0.5 + confidence.clamp(0.0, 0.999_999) / 2.0;
    Normal::standard().inverse_cdf(p)
}

impl LinearModel {
    fn predict(&self, shifts: &[ScoreShift], confidence: f64) -> Prediction {
        let d: Vec<(usize, f64)> = deltas(&self.sample, &self.ids, shifts)
            .into_iter()
            .map(|(c, d)| (c, mean(&d)))
            .collect();
        let lift = |coef: &[f64]| -> f64 {
            d.iter()
                .map(|&(c, m)| coef.get(c).copied().unwrap_or(0.0) * m)
                .sum()
        };
        let before = self.sample.y_mean;
        let after = before + lift(&self.coef);
        let mut boot: Vec<f64> = self
            .replicates
            .iter()
            .map(|r| lift(r))
            .filter(|v| v.is_finite())
            .collect();
        boot.sort_by(f64::total_cmp);
        let alpha = (1.0 - confidence).clamp(0.0, 1.0) / 2.0;
        let (low, high) = match (quantile(&boot, alpha), quantile(&boot, 1.0 - alpha)) {
            (Some(l), Some(h)) => (before + l, before + h),
            _ => (after, after),
        };
        Prediction {
            before,
            after,
            low: low.min(after),
            high: high.max(after),
        }
    }
}

impl LogisticModel {
    fn predict(&self, shifts: &[ScoreShift], confidence: f64) -> Prediction {
        let n = self.sample.n();
        let d = deltas(&self.sample, &self.ids, shifts);
        let mut eta_after = self.eta.clone();
        for (c, dc) in &d {
            let b = self.beta.get(c + 1).copied().unwrap_or(0.0);
            for (e, v) in eta_after.iter_mut().zip(dc) {
                *e += b * v;
            }
        }
        let before = self.eta.iter().map(|&e| sigmoid(e)).sum::<f64>() / n.max(1) as f64;
        let after = eta_after.iter().map(|&e| sigmoid(e)).sum::<f64>() / n.max(1) as f64;
        // Delta method: gradient of the predicted rate with respect to beta.
        let slope = DVector::from_iterator(
            n,
            eta_after.iter().map(|&e| {
                let s = sigmoid(e);
                s * (1.0 - s) / n.max(1) as f64
            }),
        );
        let kb = self.beta.len();
        let x = self.sample.a.view((0, 0), (n, kb));
        let mut grad = x.tr_mul(&slope);
        for (c, dc) in &d {
            if let Some(g) = grad.get_mut(c + 1) {
                *g += dc.iter().zip(slope.iter()).map(|(a, b)| a * b).sum::<f64>();
            }
        }
        let var = (grad.transpose() * &self.cov * &grad)[(0, 0)];
        let half = if var.is_finite() && var > 0.0 {
            z(confidence) * var.sqrt()
        } else {
            0.0
        };
        Prediction {
            before,
            after,
            low: (after - half).clamp(0.0, 1.0),
            high: (after + half).clamp(0.0, 1.0),
        }
    }
}

impl Drivers {
    /// Predict the mean overall score and the outcome rate when touchpoint scores
    /// change. Changes to touchpoints a model does not include are listed in
    /// `notes` and have no effect on it.
    pub fn predict(&self, shifts: &[ScoreShift]) -> ScorePrediction {
        let confidence = self.report.confidence;
        let mut notes = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for s in shifts {
            let id = s.touchpoint();
            let in_overall = self
                .overall
                .as_ref()
                .is_some_and(|m| m.ids.iter().any(|i| i == id));
            let in_outcome = self
                .outcome
                .as_ref()
                .is_some_and(|m| m.ids.iter().any(|i| i == id));
            if !in_overall && !in_outcome && seen.insert(id.to_owned()) {
                notes.push(crate::tr!("drv-not-in-model", id = id));
            }
        }
        ScorePrediction {
            overall: self.overall.as_ref().map(|m| m.predict(shifts, confidence)),
            outcome: self.outcome.as_ref().map(|m| m.predict(shifts, confidence)),
            notes,
        }
    }

    /// Touchpoint ids the models include.
    pub fn touchpoints(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for m in self
            .overall
            .iter()
            .map(|m| &m.ids)
            .chain(self.outcome.iter().map(|m| &m.ids))
        {
            for id in m {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        ids
    }
}
