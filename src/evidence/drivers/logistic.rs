//! Logistic regression by Newton's method (iteratively reweighted least squares)
//! with step halving, on the centred design `[1, x - mean]`.

use nalgebra::{DMatrix, DMatrixView, DVector};

/// Why the logistic model could not be fitted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum LogitFailure {
    /// The Hessian is singular (the predictors repeat each other for this outcome).
    Singular,
    /// The coefficients run off to infinity: some combination of scores predicts the
    /// outcome perfectly (separation).
    Separation,
}

pub(super) struct LogitFit {
    pub beta: DVector<f64>,
    /// Linear predictor per row.
    pub eta: DVector<f64>,
    pub loglik: f64,
}

pub(super) fn sigmoid(t: f64) -> f64 {
    if t >= 0.0 {
        1.0 / (1.0 + (-t).exp())
    } else {
        let e = t.exp();
        e / (1.0 + e)
    }
}

/// `ln(1 + e^t)` without overflow.
fn softplus(t: f64) -> f64 {
    if t > 30.0 {
        t
    } else if t < -30.0 {
        t.exp()
    } else {
        t.exp().ln_1p()
    }
}

fn loglik(eta: &DVector<f64>, o: &DVector<f64>) -> f64 {
    eta.iter()
        .zip(o.iter())
        .map(|(&e, &y)| y * e - softplus(e))
        .sum()
}

/// Gradient and Hessian of the log-likelihood at `eta`, over the rows of `x`.
pub(super) fn grad_hess(
    x: &DMatrixView<f64>,
    eta: &[f64],
    o: &[f64],
) -> (DVector<f64>, DMatrix<f64>) {
    let n = x.nrows();
    let mut resid = DVector::zeros(n);
    let mut xw = x.clone_owned();
    let mut w = DVector::zeros(n);
    for i in 0..n {
        let mu = sigmoid(eta[i]);
        resid[i] = o[i] - mu;
        w[i] = mu * (1.0 - mu);
    }
    for mut col in xw.column_iter_mut() {
        col.component_mul_assign(&w);
    }
    (x.tr_mul(&resid), xw.tr_mul(x))
}

/// Fit `P(o = 1) = sigmoid(x beta)`; `x` includes the intercept column.
pub(super) fn fit(
    x: &DMatrixView<f64>,
    o: &DVector<f64>,
    sd: &[f64],
) -> Result<LogitFit, LogitFailure> {
    let n = x.nrows();
    let k = x.ncols();
    let rate = o.sum() / n.max(1) as f64;
    let mut beta = DVector::zeros(k);
    if k > 0 {
        beta[0] = (rate / (1.0 - rate)).ln();
    }
    let mut eta = x * &beta;
    let mut ll = loglik(&eta, o);
    let mut converged = false;
    for _ in 0..100 {
        let (g, h) = grad_hess(x, eta.as_slice(), o.as_slice());
        let step = h.cholesky().ok_or(LogitFailure::Singular)?.solve(&g);
        let mut t = 1.0;
        let (new_beta, new_eta, new_ll) = loop {
            let cand = &beta + &step * t;
            let cand_eta = x * &cand;
            let cand_ll = loglik(&cand_eta, o);
            if cand_ll >= ll - 1e-9 * ll.abs().max(1.0) || t < 1e-6 {
                break (cand, cand_eta, cand_ll);
            }
            t *= 0.5;
        };
        let moved = (&new_beta - &beta).amax();
        beta = new_beta;
        eta = new_eta;
        ll = new_ll;
        if !beta.iter().all(|b| b.is_finite()) {
            return Err(LogitFailure::Separation);
        }
        // Standardised coefficients this large mean the likelihood has no maximum.
        let runaway = beta
            .iter()
            .skip(1)
            .zip(sd)
            .any(|(b, s)| (b * s).abs() > 25.0);
        if runaway {
            return Err(LogitFailure::Separation);
        }
        if moved < 1e-9 * (1.0 + beta.amax()) {
            converged = true;
            break;
        }
    }
    if !converged || !ll.is_finite() {
        return Err(LogitFailure::Separation);
    }
    Ok(LogitFit {
        beta,
        eta,
        loglik: ll,
    })
}

/// The log-likelihood of the intercept-only model.
pub(super) fn null_loglik(n: f64, rate: f64) -> f64 {
    if rate <= 0.0 || rate >= 1.0 {
        return 0.0;
    }
    n * (rate * rate.ln() + (1.0 - rate) * (1.0 - rate).ln())
}
