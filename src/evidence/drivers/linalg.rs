//! The small dense algebra of the analysis (nalgebra): covariances from sums of
//! cross-products, relative weights, regression coefficients.

use nalgebra::{DMatrix, DVector, SymmetricEigen};

/// Eigenvalues below this (on a correlation matrix) mean an exact linear dependency.
pub(super) const SINGULAR: f64 = 1e-10;

/// Mean and covariance from a cross-product matrix `M = sum a a^T` with
/// `a = [1, v_1, ..., v_m]`: returns (n, means, covariance m x m), dividing by n.
pub(super) fn covariance(m: &DMatrix<f64>) -> Option<(f64, DVector<f64>, DMatrix<f64>)> {
    let k = m.nrows();
    let n = *m.get((0, 0))?;
    if k < 2 || n <= 0.0 || !n.is_finite() {
        return None;
    }
    let means = DVector::from_fn(k - 1, |j, _| m[(0, j + 1)] / n);
    let cov = DMatrix::from_fn(k - 1, k - 1, |j, l| {
        m[(j + 1, l + 1)] / n - means[j] * means[l]
    });
    Some((n, means, cov))
}

/// The correlation matrix `R` of the predictors, its square root `R^1/2` and the
/// eigen decomposition behind them.
pub(super) struct Orthogonal {
    /// Standard deviations of the predictors.
    pub sd: DVector<f64>,
    /// `R^1/2`: the correlations between the predictors and their orthogonal
    /// counterparts (Johnson's lambda).
    pub lambda: DMatrix<f64>,
    eigen: SymmetricEigen<f64, nalgebra::Dyn>,
}

impl Orthogonal {
    /// From the predictors' covariance matrix. `None` when a predictor has no
    /// variance or the predictors are linearly dependent.
    pub fn new(cov_xx: &DMatrix<f64>) -> Option<Orthogonal> {
        let p = cov_xx.nrows();
        if p == 0 {
            return None;
        }
        let sd = DVector::from_fn(p, |j, _| cov_xx[(j, j)].max(0.0).sqrt());
        if sd.iter().any(|&s| !s.is_finite() || s <= 1e-12) {
            return None;
        }
        let r = DMatrix::from_fn(p, p, |j, l| cov_xx[(j, l)] / (sd[j] * sd[l]));
        let eigen = SymmetricEigen::try_new(r, 1e-13, 10_000)?;
        if eigen
            .eigenvalues
            .iter()
            .any(|&e| !e.is_finite() || e <= SINGULAR)
        {
            return None;
        }
        let sqrt = eigen.eigenvalues.map(f64::sqrt);
        let v = &eigen.eigenvectors;
        let lambda = v * DMatrix::from_diagonal(&sqrt) * v.transpose();
        Some(Orthogonal { sd, lambda, eigen })
    }

    /// `R^-1 v`.
    pub fn solve(&self, v: &DVector<f64>) -> DVector<f64> {
        let vecs = &self.eigen.eigenvectors;
        let t = vecs.tr_mul(v).component_div(&self.eigen.eigenvalues);
        vecs * t
    }

    /// `R^-1/2 v`.
    pub fn solve_sqrt(&self, v: &DVector<f64>) -> DVector<f64> {
        let vecs = &self.eigen.eigenvectors;
        let t = vecs
            .tr_mul(v)
            .component_div(&self.eigen.eigenvalues.map(f64::sqrt));
        vecs * t
    }

    /// Variance inflation factors: the diagonal of `R^-1`.
    pub fn vif(&self) -> Vec<f64> {
        let p = self.sd.len();
        (0..p)
            .map(|j| {
                let row = self.eigen.eigenvectors.row(j);
                row.iter()
                    .zip(self.eigen.eigenvalues.iter())
                    .map(|(v, e)| v * v / e)
                    .sum()
            })
            .collect()
    }

    /// Johnson's apportioning: each predictor's `sum_k lambda_jk^2 beta_k^2` for
    /// coefficients `beta` on the orthogonal counterparts.
    pub fn apportion(&self, beta_z: &DVector<f64>) -> Vec<f64> {
        let b2 = beta_z.map(|b| b * b);
        let l2 = self.lambda.map(|l| l * l);
        (l2 * b2).iter().copied().collect()
    }
}

/// A linear model estimated from a covariance matrix of `[x_1..x_p, y]`.
pub(super) struct LinearEstimate {
    pub r2: f64,
    /// Relative weights; they add up to `r2`.
    pub weights: Vec<f64>,
    /// Unstandardised coefficients.
    pub coef: Vec<f64>,
    pub vif: Vec<f64>,
}

/// Relative weights and OLS coefficients of `y` (the last variable) on the others.
pub(super) fn linear(cov: &DMatrix<f64>) -> Option<LinearEstimate> {
    let k = cov.nrows();
    if k < 2 {
        return None;
    }
    let p = k - 1;
    let cov_xx = cov.view((0, 0), (p, p)).clone_owned();
    let orth = Orthogonal::new(&cov_xx)?;
    let var_y = cov[(p, p)];
    if !var_y.is_finite() || var_y <= 1e-12 {
        return None;
    }
    let sd_y = var_y.sqrt();
    let r_xy = DVector::from_fn(p, |j, _| cov[(j, p)] / (orth.sd[j] * sd_y));
    let beta_z = orth.solve_sqrt(&r_xy);
    let weights = orth.apportion(&beta_z);
    let r2: f64 = weights.iter().sum();
    let b_std = orth.solve(&r_xy);
    let coef: Vec<f64> = (0..p).map(|j| b_std[j] * sd_y / orth.sd[j]).collect();
    let all_finite = r2.is_finite()
        && weights.iter().all(|w| w.is_finite())
        && coef.iter().all(|c| c.is_finite());
    all_finite.then(|| LinearEstimate {
        r2,
        weights,
        coef,
        vif: orth.vif(),
    })
}

/// Relative weights of a logistic model: `coef` are the unstandardised logistic
/// coefficients of the predictors whose covariance is `cov_xx`.
pub(super) fn logistic_weights(cov_xx: &DMatrix<f64>, coef: &[f64]) -> Option<Vec<f64>> {
    let orth = Orthogonal::new(cov_xx)?;
    let p = orth.sd.len();
    if coef.len() != p {
        return None;
    }
    let b_std = DVector::from_fn(p, |j, _| coef[j] * orth.sd[j]);
    let beta_z = &orth.lambda * b_std;
    let w = orth.apportion(&beta_z);
    w.iter().all(|x| x.is_finite()).then_some(w)
}

/// Shares of a set of non-negative weights (adding up to 1); `None` when they add
/// up to nothing.
pub(super) fn shares(weights: &[f64]) -> Option<Vec<f64>> {
    let total: f64 = weights.iter().sum();
    (total > 1e-15 && total.is_finite()).then(|| weights.iter().map(|w| w / total).collect())
}

/// The `q` quantile (0..=1) of sorted values, interpolated; `None` when empty.
pub(super) fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = q.clamp(0.0, 1.0) * last as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let a = *sorted.get(lo)?;
    let b = *sorted.get(hi)?;
    Some(a + (b - a) * (pos - lo as f64))
}
