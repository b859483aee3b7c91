//! The respondents and touchpoints one model uses: blanks filled (or incomplete
//! respondents dropped), touchpoints without answers, without variance or that
//! repeat others left out, rows in a seeded random order.

use super::{DriverConfig, Excluded, Missing, Note, NoteLevel, Respondents};
use crate::generate::Rng;
use crate::i18n::tr;
use nalgebra::{DMatrix, DVector};

/// The data of one model.
pub(super) struct Sample {
    /// Indices into `Respondents::touchpoints` of the predictors, in column order.
    pub cols: Vec<usize>,
    /// `n x (p + 2)`: `[1, x_1 - mean_1, ..., x_p - mean_p, y - mean_y]`, one row per
    /// respondent used, in a seeded random order (bootstrap groups are contiguous).
    pub a: DMatrix<f64>,
    /// Means of the predictors after filling blanks.
    pub x_mean: Vec<f64>,
    pub y_mean: f64,
    /// Mean score among the respondents who answered (performance), per predictor.
    pub answered_mean: Vec<f64>,
    /// Respondents who answered, per predictor.
    pub answered: Vec<usize>,
    /// Share of the predictor answers that were blank and filled in.
    pub imputed_share: f64,
}

impl Sample {
    pub fn n(&self) -> usize {
        self.a.nrows()
    }

    pub fn p(&self) -> usize {
        self.cols.len()
    }
}

pub(super) struct Prepared {
    pub sample: Option<Sample>,
    pub excluded: Vec<Excluded>,
    pub notes: Vec<Note>,
}

struct ColStats {
    count: usize,
    mean: f64,
    min: f64,
    max: f64,
}

fn col_stats(scores: &[Option<f64>], rows: &[usize]) -> ColStats {
    let mut s = ColStats {
        count: 0,
        mean: 0.0,
        min: f64::INFINITY,
        max: f64::NEG_INFINITY,
    };
    let mut sum = 0.0;
    for &r in rows {
        if let Some(Some(v)) = scores.get(r) {
            s.count += 1;
            sum += v;
            s.min = s.min.min(*v);
            s.max = s.max.max(*v);
        }
    }
    if s.count > 0 {
        s.mean = sum / s.count as f64;
    }
    s
}

fn fmt_score(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// Prepare the data of the model explaining `y` (called `label` in sentences).
pub(super) fn prepare(
    data: &Respondents,
    y: &[Option<f64>],
    label: &str,
    cfg: &DriverConfig,
    rng: &mut Rng,
) -> Prepared {
    let mut excluded = Vec::new();
    let mut notes = Vec::new();
    let rows_y: Vec<usize> = (0..y.len()).filter(|&i| y[i].is_some()).collect();
    if rows_y.len() < 3 {
        let (n, p) = (rows_y.len(), data.touchpoints.len());
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!("drv-too-few", label = label, n = n, p = p, need = p + 2),
        ));
        return Prepared {
            sample: None,
            excluded,
            notes,
        };
    }
    // Touchpoints nobody answered, or everybody answered alike.
    let candidates = varying(data, &rows_y, label, &mut excluded);
    // Respondents.
    let mut rows = respondents(data, &rows_y, &candidates, cfg, label, &mut notes);
    // Variance can vanish once respondents are dropped.
    let (mut kept, mut stats) = still_varying(data, &candidates, &rows, label, &mut excluded);
    if kept.is_empty() || rows.is_empty() {
        notes.push(Note::new(
            NoteLevel::Cannot,
            tr!("drv-none-vary", label = label),
        ));
        return Prepared {
            sample: None,
            excluded,
            notes,
        };
    }
    // A seeded random order: bootstrap groups are then contiguous rows.
    for i in (1..rows.len()).rev() {
        let k = rng.below(i as u64 + 1) as usize;
        rows.swap(i, k);
    }
    let y_mean = rows.iter().filter_map(|&r| y[r]).sum::<f64>() / rows.len() as f64;
    let build = |cols: &[usize], stats: &[ColStats]| -> DMatrix<f64> {
        design_matrix(data, y, &rows, y_mean, cols, stats)
    };
    let mut a = build(&kept, &stats);
    // Exact linear dependencies: keep a touchpoint only when it adds something.
    let moments = a.tr_mul(&a);
    let Some((_, _, cov)) = super::linalg::covariance(&moments) else {
        return Prepared {
            sample: None,
            excluded,
            notes,
        };
    };
    let independent = independent_columns(data, &kept, &cov, &mut excluded);
    if independent.len() < kept.len() {
        let cols: Vec<usize> = independent.iter().map(|&u| kept[u]).collect();
        let st: Vec<ColStats> = independent
            .iter()
            .map(|&u| ColStats {
                count: stats[u].count,
                mean: stats[u].mean,
                min: stats[u].min,
                max: stats[u].max,
            })
            .collect();
        a = build(&cols, &st);
        kept = cols;
        stats = st;
    }
    let n = rows.len();
    let p = kept.len();
    let answered_total: usize = stats.iter().map(|s| s.count).sum();
    let imputed_share = if n * p == 0 {
        0.0
    } else {
        1.0 - answered_total as f64 / (n * p) as f64
    };
    if cfg.missing == Missing::MeanImpute && imputed_share > 0.0 {
        imputation_notes(imputed_share, label, &mut notes);
    }
    Prepared {
        sample: Some(Sample {
            cols: kept,
            a,
            x_mean: stats.iter().map(|s| s.mean).collect(),
            y_mean,
            answered_mean: stats.iter().map(|s| s.mean).collect(),
            answered: stats.iter().map(|s| s.count).collect(),
            imputed_share,
        }),
        excluded,
        notes,
    }
}

/// Leave touchpoint `j` out of the model, saying why.
fn exclude(data: &Respondents, excluded: &mut Vec<Excluded>, j: usize, reason: String) {
    if let Some(c) = data.touchpoints.get(j) {
        excluded.push(Excluded {
            touchpoint: c.touchpoint.clone(),
            name: c.name.clone(),
            reason,
        });
    }
}

/// The touchpoints whose scores vary among the respondents `rows_y` (who gave `label`);
/// those nobody answered or everybody answered alike are excluded.
fn varying(
    data: &Respondents,
    rows_y: &[usize],
    label: &str,
    excluded: &mut Vec<Excluded>,
) -> Vec<usize> {
    let mut candidates = Vec::new();
    for (j, col) in data.touchpoints.iter().enumerate() {
        let s = col_stats(&col.scores, rows_y);
        if s.count == 0 {
            exclude(data, excluded, j, tr!("drv-excl-unscored", label = label));
        } else if s.max - s.min < 1e-12 {
            exclude(
                data,
                excluded,
                j,
                tr!("drv-excl-constant", score = fmt_score(s.min), label = label),
            );
        } else {
            candidates.push(j);
        }
    }
    candidates
}

/// The respondents used: of those who gave `label` (`rows_y`), those who answered any
/// of the `candidates` (blanks filled in) or all of them (listwise, noted when some
/// are dropped).
fn respondents(
    data: &Respondents,
    rows_y: &[usize],
    candidates: &[usize],
    cfg: &DriverConfig,
    label: &str,
    notes: &mut Vec<Note>,
) -> Vec<usize> {
    let answered = |r: usize, j: usize| {
        data.touchpoints
            .get(j)
            .and_then(|c| c.scores.get(r))
            .is_some_and(|v| v.is_some())
    };
    let rows: Vec<usize> = match cfg.missing {
        Missing::MeanImpute => rows_y
            .iter()
            .copied()
            .filter(|&r| candidates.iter().any(|&j| answered(r, j)))
            .collect(),
        Missing::Listwise => rows_y
            .iter()
            .copied()
            .filter(|&r| candidates.iter().all(|&j| answered(r, j)))
            .collect(),
    };
    if cfg.missing == Missing::Listwise && rows.len() < rows_y.len() {
        notes.push(Note::new(
            NoteLevel::Info,
            tr!(
                "drv-listwise",
                label = label,
                dropped = rows_y.len() - rows.len(),
                total = rows_y.len()
            ),
        ));
    }
    rows
}

/// The `candidates` that still vary among the respondents `rows`, with their figures
/// there; the others are excluded.
fn still_varying(
    data: &Respondents,
    candidates: &[usize],
    rows: &[usize],
    label: &str,
    excluded: &mut Vec<Excluded>,
) -> (Vec<usize>, Vec<ColStats>) {
    let mut stats = Vec::new();
    let mut kept = Vec::new();
    for &j in candidates {
        let s = col_stats(&data.touchpoints[j].scores, rows);
        if s.count > 0 && s.max - s.min >= 1e-12 {
            kept.push(j);
            stats.push(s);
        } else {
            exclude(
                data,
                excluded,
                j,
                tr!("drv-excl-no-variance-used", label = label),
            );
        }
    }
    (kept, stats)
}

/// The model's matrix (see [`Sample::a`]) over the respondents `rows` and the
/// touchpoints `cols` (`stats` their figures; a blank is filled with the mean).
fn design_matrix(
    data: &Respondents,
    y: &[Option<f64>],
    rows: &[usize],
    y_mean: f64,
    cols: &[usize],
    stats: &[ColStats],
) -> DMatrix<f64> {
    let k = cols.len() + 2;
    let mut a = DMatrix::zeros(rows.len(), k);
    for (i, &r) in rows.iter().enumerate() {
        a[(i, 0)] = 1.0;
        a[(i, k - 1)] = y[r].unwrap_or(y_mean) - y_mean;
    }
    for (c, (&j, s)) in cols.iter().zip(stats).enumerate() {
        let scores = &data.touchpoints[j].scores;
        let mut col = a.column_mut(c + 1);
        for (i, &r) in rows.iter().enumerate() {
            let v = scores.get(r).copied().flatten().unwrap_or(s.mean);
            col[i] = v - s.mean;
        }
    }
    a
}

/// The columns of `kept` (by index) that the earlier ones do not explain exactly, from
/// their covariance `cov`; each left out is excluded, naming up to three it repeats.
fn independent_columns(
    data: &Respondents,
    kept: &[usize],
    cov: &DMatrix<f64>,
    excluded: &mut Vec<Excluded>,
) -> Vec<usize> {
    let p_all = kept.len();
    let sd: Vec<f64> = (0..p_all).map(|j| cov[(j, j)].max(0.0).sqrt()).collect();
    let corr = |j: usize, l: usize| cov[(j, l)] / (sd[j] * sd[l]);
    let mut independent: Vec<usize> = Vec::new();
    for j in 0..p_all {
        if sd[j] <= 1e-12 {
            exclude(data, excluded, kept[j], tr("drv-excl-no-variance"));
            continue;
        }
        let residual = if independent.is_empty() {
            1.0
        } else {
            let m = independent.len();
            let r_kk = DMatrix::from_fn(m, m, |u, v| corr(independent[u], independent[v]));
            let r_kj = DVector::from_fn(m, |u, _| corr(independent[u], j));
            match r_kk.cholesky() {
                Some(ch) => 1.0 - r_kj.dot(&ch.solve(&r_kj)),
                None => 0.0,
            }
        };
        if residual > 1e-9 {
            independent.push(j);
        } else {
            let mut related: Vec<(f64, usize)> = independent
                .iter()
                .map(|&u| (corr(u, j).abs(), u))
                .filter(|(r, _)| *r > 1e-6)
                .collect();
            related.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let names: Vec<String> = related
                .iter()
                .take(3)
                .map(|&(_, u)| format!("`{}`", data.touchpoints[kept[u]].touchpoint))
                .collect();
            exclude(
                data,
                excluded,
                kept[j],
                tr!(
                    "drv-excl-collinear",
                    others = if names.is_empty() {
                        tr("drv-other-touchpoints")
                    } else {
                        names.join(", ")
                    }
                ),
            );
        }
    }
    independent
}

/// Notes saying what share of the answers were blank and filled in (a warning past half).
fn imputation_notes(imputed_share: f64, label: &str, notes: &mut Vec<Note>) {
    notes.push(Note::new(
        NoteLevel::Info,
        tr!(
            "drv-imputed",
            label = label,
            share = format!("{:.0}%", (imputed_share * 100.0).max(0.5).round())
        ),
    ));
    if imputed_share > 0.5 {
        notes.push(Note::new(
            NoteLevel::Warning,
            tr!("drv-imputed-most", label = label),
        ));
    }
}
