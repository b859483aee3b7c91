//! Fitting both models, the bootstrap, and the report.

use super::linalg::{self, covariance, quantile, shares};
use super::logistic::{self, LogitFailure};
use super::sample::{Sample, prepare};
use super::{
    DriverConfig, DriverError, DriverReport, DriverRow, MAX_TOUCHPOINTS, ModelReport, Note,
    NoteLevel, Quadrant, Respondents,
};
use crate::generate::Rng;
use crate::i18n::tr;
use nalgebra::{DMatrix, DVector};

/// Bootstrap groups above this many respondents (see the module documentation).
const MAX_UNITS: usize = 1000;

/// A fitted key-driver analysis: the report, and what scenarios need to predict.
pub struct Drivers {
    pub report: DriverReport,
    pub(super) overall: Option<LinearModel>,
    pub(super) outcome: Option<LogisticModel>,
}

pub(super) struct LinearModel {
    pub sample: Sample,
    /// Touchpoint ids of the predictors.
    pub ids: Vec<String>,
    pub coef: Vec<f64>,
    /// Coefficients of each bootstrap resample.
    pub replicates: Vec<Vec<f64>>,
}

pub(super) struct LogisticModel {
    pub sample: Sample,
    pub ids: Vec<String>,
    /// `[intercept, coefficients...]` on the centred predictors.
    pub beta: DVector<f64>,
    pub eta: DVector<f64>,
    /// Bootstrap covariance of `beta`.
    pub cov: DMatrix<f64>,
}

fn logit_shares(cov_xx: &DMatrix<f64>, coef: &[f64]) -> Option<Vec<f64>> {
    linalg::logistic_weights(cov_xx, coef).and_then(|w| shares(&w))
}

/// Contiguous row ranges of the bootstrap units.
fn units(n: usize) -> Vec<(usize, usize)> {
    let g = n.min(MAX_UNITS);
    (0..g)
        .map(|u| {
            let start = u * n / g;
            (start, (u + 1) * n / g - start)
        })
        .collect()
}

/// How many times each unit is drawn in one resample.
fn draw(rng: &mut Rng, g: usize) -> Vec<f64> {
    let mut counts = vec![0.0; g];
    for _ in 0..g {
        if let Some(c) = counts.get_mut(rng.below(g as u64) as usize) {
            *c += 1.0;
        }
    }
    counts
}

/// `sum_u counts[u] * parts[u]`, where `parts` holds `counts.len()` blocks of `size`.
fn weighted(parts: &[f64], counts: &[f64], size: usize) -> Vec<f64> {
    let mut out = vec![0.0; size];
    for (block, &c) in parts.chunks_exact(size).zip(counts) {
        if c != 0.0 {
            for (o, v) in out.iter_mut().zip(block) {
                *o += c * v;
            }
        }
    }
    out
}

/// Cross-product sums `a_u^T a_u` of every unit, one after another.
fn unit_moments(a: &DMatrix<f64>, units: &[(usize, usize)]) -> Vec<f64> {
    let k = a.ncols();
    let mut out = Vec::with_capacity(units.len() * k * k);
    for &(start, len) in units {
        let v = a.rows(start, len);
        out.extend_from_slice(v.tr_mul(&v).as_slice());
    }
    out
}

fn interval(mut values: Vec<f64>, confidence: f64, fallback: f64) -> (f64, f64) {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    let alpha = (1.0 - confidence).clamp(0.0, 1.0) / 2.0;
    match (quantile(&values, alpha), quantile(&values, 1.0 - alpha)) {
        (Some(lo), Some(hi)) => (lo, hi),
        _ => (fallback, fallback),
    }
}

fn check(data: &Respondents) -> Result<(), DriverError> {
    let n = data.overall.len();
    if data.touchpoints.is_empty() {
        return Err(DriverError::NoTouchpoints);
    }
    if data.touchpoints.len() > MAX_TOUCHPOINTS {
        return Err(DriverError::TooManyTouchpoints(data.touchpoints.len()));
    }
    let in_range = |column: &str, values: &[Option<f64>]| -> Result<(), DriverError> {
        if values.len() != n {
            return Err(DriverError::Length {
                column: column.to_owned(),
                got: values.len(),
                expected: n,
            });
        }
        for (row, v) in values.iter().enumerate() {
            if let Some(v) = *v
                && !(0.0..=10.0).contains(&v)
            {
                return Err(DriverError::OutOfRange {
                    column: column.to_owned(),
                    row: row + 1,
                    value: v,
                });
            }
        }
        Ok(())
    };
    in_range(&data.overall_name, &data.overall)?;
    for c in &data.touchpoints {
        in_range(&c.touchpoint, &c.scores)?;
    }
    if let Some(o) = &data.outcome
        && o.len() != n
    {
        return Err(DriverError::Length {
            column: data.outcome_name.clone(),
            got: o.len(),
            expected: n,
        });
    }
    Ok(())
}

/// The column in backquotes, or the message `fallback` ("the overall score").
fn label_or(name: &str, fallback: &str) -> String {
    if name.trim().is_empty() {
        tr(fallback)
    } else {
        format!("`{}`", name.trim())
    }
}

/// Warnings common to both models: respondents per touchpoint, collinearity.
fn sample_notes(
    label: &str,
    n: usize,
    rows: &[DriverRow],
    cfg: &DriverConfig,
    notes: &mut Vec<Note>,
) {
    let p = rows.len();
    if p > 0 && n < cfg.min_per_touchpoint * p {
        notes.push(Note::new(
            NoteLevel::Warning,
            tr!(
                "drv-n-few",
                label = label,
                n = n,
                p = p,
                min = cfg.min_per_touchpoint
            ),
        ));
    }
    let mut high: Vec<&DriverRow> = rows.iter().filter(|r| r.vif > cfg.vif_warning).collect();
    high.sort_by(|a, b| b.vif.total_cmp(&a.vif));
    if !high.is_empty() {
        let list: Vec<String> = high
            .iter()
            .map(|r| format!("`{}` ({:.1})", r.touchpoint, r.vif))
            .collect();
        notes.push(Note::new(
            NoteLevel::Warning,
            tr!(
                "drv-collinear",
                label = label,
                list = list.join(", "),
                vif = cfg.vif_warning.to_string()
            ),
        ));
    }
}

fn set_quadrants(rows: &mut [DriverRow]) {
    let p = rows.len();
    if p == 0 {
        return;
    }
    let avg_importance = 1.0 / p as f64;
    let avg_mean = rows.iter().map(|r| r.mean).sum::<f64>() / p as f64;
    for r in rows.iter_mut() {
        r.quadrant = Quadrant::of(r.importance, r.mean, avg_importance, avg_mean);
    }
    rows.sort_by(|a, b| {
        b.importance
            .total_cmp(&a.importance)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
}

fn enough(label: &str, sample: &Sample, notes: &mut Vec<Note>) -> bool {
    let (n, p) = (sample.n(), sample.p());
    if n < p + 2 {
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!("drv-too-few", label = label, n = n, p = p, need = p + 2),
        ));
        return false;
    }
    true
}

fn fit_overall(
    data: &Respondents,
    cfg: &DriverConfig,
    notes: &mut Vec<Note>,
) -> Option<(ModelReport, LinearModel)> {
    let label = label_or(&data.overall_name, "drv-label-overall");
    let mut rng = Rng::new(cfg.seed ^ 0x6f76_6572_616c_6c00);
    let prepared = prepare(data, &data.overall, &label, cfg, &mut rng);
    notes.extend(prepared.notes);
    let excluded = prepared.excluded;
    let sample = prepared.sample?;
    if !enough(&label, &sample, notes) {
        return None;
    }
    let (n, p) = (sample.n(), sample.p());
    let k = p + 2;
    let groups = units(n);
    let parts = unit_moments(&sample.a, &groups);
    let total = weighted(&parts, &vec![1.0; groups.len()], k * k);
    let est = DMatrix::from_vec(k, k, total);
    let (_, _, cov) = covariance(&est)?;
    if cov[(p, p)] <= 1e-12 {
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!("drv-same-answer", label = label.as_str()),
        ));
        return None;
    }
    let Some(fit) = linalg::linear(&cov) else {
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!("drv-inseparable", label = label.as_str()),
        ));
        return None;
    };
    let Some(share) = shares(&fit.weights).filter(|_| fit.r2 > 1e-9) else {
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!("drv-explain-none-r2", label = label.as_str()),
        ));
        return None;
    };

    // Bootstrap.
    let mut boot_share: Vec<Vec<f64>> = vec![Vec::new(); p];
    let mut boot_coef: Vec<Vec<f64>> = vec![Vec::new(); p];
    let mut replicates = Vec::with_capacity(cfg.resamples);
    for _ in 0..cfg.resamples {
        let counts = draw(&mut rng, groups.len());
        let m = DMatrix::from_vec(k, k, weighted(&parts, &counts, k * k));
        let Some(est) = covariance(&m).and_then(|(_, _, c)| linalg::linear(&c)) else {
            continue;
        };
        let Some(s) = shares(&est.weights) else {
            continue;
        };
        for j in 0..p {
            boot_share[j].push(s[j]);
            boot_coef[j].push(est.coef[j]);
        }
        replicates.push(est.coef);
    }
    let mut rows: Vec<DriverRow> = (0..p)
        .map(|j| {
            let col = &data.touchpoints[sample.cols[j]];
            let (ci_low, ci_high) =
                interval(std::mem::take(&mut boot_share[j]), cfg.confidence, share[j]);
            let (coefficient_low, coefficient_high) = interval(
                std::mem::take(&mut boot_coef[j]),
                cfg.confidence,
                fit.coef[j],
            );
            DriverRow {
                touchpoint: col.touchpoint.clone(),
                name: col.name.clone(),
                rank: 0,
                importance: share[j],
                coefficient: fit.coef[j],
                ci_low,
                ci_high,
                coefficient_low,
                coefficient_high,
                odds_ratio: None,
                mean: sample.answered_mean[j],
                answered: sample.answered[j],
                vif: fit.vif[j],
                quadrant: Quadrant::Secondary,
            }
        })
        .collect();
    set_quadrants(&mut rows);
    sample_notes(&label, n, &rows, cfg, notes);
    let report = ModelReport {
        column: data.overall_name.clone(),
        respondents: n,
        r2: fit.r2,
        mean: Some(sample.y_mean),
        rate: None,
        imputed_share: sample.imputed_share,
        resamples_used: replicates.len(),
        drivers: rows,
        excluded,
    };
    let ids = sample
        .cols
        .iter()
        .map(|&c| data.touchpoints[c].touchpoint.clone())
        .collect();
    Some((
        report,
        LinearModel {
            sample,
            ids,
            coef: fit.coef,
            replicates,
        },
    ))
}

fn fit_outcome(
    data: &Respondents,
    cfg: &DriverConfig,
    notes: &mut Vec<Note>,
) -> Option<(ModelReport, LogisticModel)> {
    let label = label_or(&data.outcome_name, "drv-label-outcome");
    let y = outcome_values(data, &label, notes)?;
    let mut rng = Rng::new(cfg.seed ^ 0x6f75_7463_6f6d_6500);
    let prepared = prepare(data, &y, &label, cfg, &mut rng);
    notes.extend(prepared.notes);
    let excluded = prepared.excluded;
    let sample = prepared.sample?;
    if !enough(&label, &sample, notes) {
        return None;
    }
    let (n, p) = (sample.n(), sample.p());
    let k = p + 2;
    let rate = sample.y_mean;
    if rate <= 0.0 || rate >= 1.0 {
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!("drv-same-outcome-used", label = label.as_str()),
        ));
        return None;
    }
    let groups = units(n);
    let parts = unit_moments(&sample.a, &groups);
    let total = DMatrix::from_vec(k, k, weighted(&parts, &vec![1.0; groups.len()], k * k));
    let cxx = cov_xx(&total, p)?;
    let sd: Vec<f64> = (0..p).map(|j| cxx[(j, j)].max(0.0).sqrt()).collect();
    let o = DVector::from_fn(n, |i, _| sample.a[(i, k - 1)] + rate);
    let x = sample.a.view((0, 0), (n, p + 1));
    let fit = match logistic::fit(&x, &o, &sd) {
        Ok(f) => f,
        Err(LogitFailure::Singular) => {
            notes.push(Note::new(
                NoteLevel::Cannot,
                tr!("drv-inseparable-outcome", label = label.as_str()),
            ));
            return None;
        }
        Err(LogitFailure::Separation) => {
            notes.push(Note::new(
                NoteLevel::Cannot,
                tr!("drv-separation", label = label.as_str()),
            ));
            return None;
        }
    };
    let coef: Vec<f64> = fit.beta.iter().skip(1).copied().collect();
    let Some(share) = logit_shares(&cxx, &coef) else {
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!("drv-explain-none", label = label.as_str()),
        ));
        return None;
    };
    let null = logistic::null_loglik(n as f64, rate);
    let r2 = if null < 0.0 {
        (1.0 - fit.loglik / null).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let mut boot = logit_bootstrap(&sample, &fit, &o, (&groups, &parts), cfg, &mut rng);
    let cov = beta_covariance(&boot.betas, p + 1);
    let vif = linalg::Orthogonal::new(&cxx).map_or_else(|| vec![f64::MAX; p], |o| o.vif());
    let mut rows: Vec<DriverRow> = (0..p)
        .map(|j| {
            let col = &data.touchpoints[sample.cols[j]];
            let (ci_low, ci_high) =
                interval(std::mem::take(&mut boot.share[j]), cfg.confidence, share[j]);
            let (coefficient_low, coefficient_high) =
                interval(std::mem::take(&mut boot.coef[j]), cfg.confidence, coef[j]);
            DriverRow {
                touchpoint: col.touchpoint.clone(),
                name: col.name.clone(),
                rank: 0,
                importance: share[j],
                coefficient: coef[j],
                ci_low,
                ci_high,
                coefficient_low,
                coefficient_high,
                odds_ratio: Some(coef[j].exp()).filter(|v| v.is_finite()),
                mean: sample.answered_mean[j],
                answered: sample.answered[j],
                vif: vif[j],
                quadrant: Quadrant::Secondary,
            }
        })
        .collect();
    set_quadrants(&mut rows);
    sample_notes(&label, n, &rows, cfg, notes);
    let report = ModelReport {
        column: data.outcome_name.clone(),
        respondents: n,
        r2,
        mean: None,
        rate: Some(rate),
        imputed_share: sample.imputed_share,
        resamples_used: boot.betas.len(),
        drivers: rows,
        excluded,
    };
    let ids = sample
        .cols
        .iter()
        .map(|&c| data.touchpoints[c].touchpoint.clone())
        .collect();
    Some((
        report,
        LogisticModel {
            sample,
            ids,
            beta: fit.beta,
            eta: fit.eta,
            cov,
        },
    ))
}

/// The outcome as 0/1 per respondent (`None` unanswered); `None` (noted) without an
/// outcome or when every answer is the same.
fn outcome_values(
    data: &Respondents,
    label: &str,
    notes: &mut Vec<Note>,
) -> Option<Vec<Option<f64>>> {
    let outcome = data.outcome.as_ref()?;
    let y: Vec<Option<f64>> = outcome
        .iter()
        .map(|o| o.map(|b| if b { 1.0 } else { 0.0 }))
        .collect();
    let answers = y.iter().flatten().count();
    let yes = y.iter().flatten().filter(|&&v| v > 0.5).count();
    if answers > 0 && (yes == 0 || yes == answers) {
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!(
                "drv-same-outcome-all",
                label = label,
                answers = answers,
                value = tr(if yes == 0 { "drv-no" } else { "drv-yes" })
            ),
        ));
        return None;
    }
    Some(y)
}

/// The covariance of the `p` predictors from the moments `m`.
fn cov_xx(m: &DMatrix<f64>, p: usize) -> Option<DMatrix<f64>> {
    covariance(m).map(|(_, _, c)| c.view((0, 0), (p, p)).clone_owned())
}

/// What the bootstrap of the logistic model gives: per predictor the importance and
/// coefficient of every resample used, and the coefficients of each.
struct LogitBoot {
    share: Vec<Vec<f64>>,
    coef: Vec<Vec<f64>>,
    betas: Vec<DVector<f64>>,
}

/// One-step bootstrap of the logistic `fit` (outcome `o`): per-unit gradient and
/// Hessian at the estimate (`groups` the units, `parts` their moments), one Newton step
/// per resample.
fn logit_bootstrap(
    sample: &Sample,
    fit: &logistic::LogitFit,
    o: &DVector<f64>,
    (groups, parts): (&[(usize, usize)], &[f64]),
    cfg: &DriverConfig,
    rng: &mut Rng,
) -> LogitBoot {
    let p = sample.p();
    let k = p + 2;
    let kb = p + 1;
    let mut g_parts = Vec::with_capacity(groups.len() * kb);
    let mut h_parts = Vec::with_capacity(groups.len() * kb * kb);
    for &(start, len) in groups {
        let xv = sample.a.view((start, 0), (len, kb));
        let (g, h) = logistic::grad_hess(
            &xv,
            &fit.eta.as_slice()[start..start + len],
            &o.as_slice()[start..start + len],
        );
        g_parts.extend_from_slice(g.as_slice());
        h_parts.extend_from_slice(h.as_slice());
    }
    let mut boot = LogitBoot {
        share: vec![Vec::new(); p],
        coef: vec![Vec::new(); p],
        betas: Vec::with_capacity(cfg.resamples),
    };
    for _ in 0..cfg.resamples {
        let counts = draw(rng, groups.len());
        let m = DMatrix::from_vec(k, k, weighted(parts, &counts, k * k));
        let g = DVector::from_vec(weighted(&g_parts, &counts, kb));
        let h = DMatrix::from_vec(kb, kb, weighted(&h_parts, &counts, kb * kb));
        let Some(step) = h.cholesky().map(|c| c.solve(&g)) else {
            continue;
        };
        let b = &fit.beta + step;
        if !b.iter().all(|v| v.is_finite()) {
            continue;
        }
        let c: Vec<f64> = b.iter().skip(1).copied().collect();
        let Some(s) = cov_xx(&m, p).and_then(|cx| logit_shares(&cx, &c)) else {
            continue;
        };
        for j in 0..p {
            boot.share[j].push(s[j]);
            boot.coef[j].push(c[j]);
        }
        boot.betas.push(b);
    }
    boot
}

/// The covariance of the resampled coefficients (`kb` each; zero below two).
fn beta_covariance(betas: &[DVector<f64>], kb: usize) -> DMatrix<f64> {
    let mut cov = DMatrix::zeros(kb, kb);
    if betas.len() > 1 {
        let mean = betas.iter().fold(DVector::zeros(kb), |acc, b| acc + b) / betas.len() as f64;
        for b in betas {
            let d = b - &mean;
            cov += &d * d.transpose();
        }
        cov /= (betas.len() - 1) as f64;
    }
    cov
}

impl Drivers {
    /// Analyse respondent-level answers. Degenerate data (one respondent, a
    /// constant column, collinear columns, one outcome for everybody) is not an
    /// error: the model concerned is `None` and `report.notes` says why.
    pub fn fit(data: &Respondents, cfg: &DriverConfig) -> Result<Drivers, DriverError> {
        check(data)?;
        let mut notes = Vec::new();
        if data.is_empty() {
            notes.push(Note::new(NoteLevel::Cannot, "there are no respondents"));
        }
        let overall = fit_overall(data, cfg, &mut notes);
        let outcome = fit_outcome(data, cfg, &mut notes);
        let (overall_report, overall) = overall.map_or((None, None), |(r, m)| (Some(r), Some(m)));
        let (outcome_report, outcome) = outcome.map_or((None, None), |(r, m)| (Some(r), Some(m)));
        Ok(Drivers {
            report: DriverReport {
                respondents: data.len(),
                missing: cfg.missing,
                resamples: cfg.resamples,
                seed: cfg.seed,
                confidence: cfg.confidence,
                overall: overall_report,
                outcome: outcome_report,
                notes,
            },
            overall,
            outcome,
        })
    }
}
