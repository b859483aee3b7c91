//! Key-driver analysis: which touchpoints drive overall satisfaction and a binary
//! outcome (renewed, churned, converted), from respondent-level answers.
//!
//! # Method
//! - **Overall score**: ordinary least squares of the overall score on the touchpoint
//!   scores (unstandardised coefficients: points of overall per point of touchpoint)
//!   and **relative weights** (Johnson 2000): the predictors are replaced by their
//!   closest orthogonal counterparts `Z = X R^-1/2`, the outcome is regressed on `Z`,
//!   and each touchpoint gets `sum_k lambda_jk^2 beta_k^2` of R^2, where
//!   `lambda = R^1/2`. The weights add up to R^2 exactly; the importance of a
//!   touchpoint is its share (the shares add up to 1).
//! - **Binary outcome**: logistic regression (Newton / IRLS with step halving), odds
//!   ratios per point of score, and relative weights for logistic regression
//!   (Tonidandel & LeBreton 2010): the logistic coefficients on `Z` are `R^1/2 b_std`
//!   and are apportioned the same way. The fit is summarised by McFadden's
//!   pseudo-R^2.
//! - **Missing answers**: by default a blank touchpoint score is filled with that
//!   touchpoint's mean among the respondents of the model who answered it (mean
//!   imputation; a respondent needs the overall answer, or the outcome, and at least
//!   one touchpoint answer). `Missing::Listwise` keeps only complete respondents. The
//!   number of respondents used and the share of filled answers are reported.
//! - **Confidence intervals**: percentile bootstrap, seeded and deterministic. Up to
//!   1,000 respondents, respondents are resampled. Above that, the respondents are
//!   shuffled (seeded) into 1,000 random groups and groups are resampled: every
//!   statistic here is a smooth function of sums over respondents, so resampling
//!   random groups gives the same variance to first order at a fraction of the
//!   cost. The logistic model is re-estimated in each resample by one Newton step
//!   from the full-data estimate (the one-step bootstrap of Moulton & Zeger 1991).
//! - **Honesty**: touchpoints nobody answered, without variance, or that are an
//!   exact linear combination of others are left out with a sentence saying why;
//!   variance inflation factors above `vif_warning` are flagged; fewer than
//!   `min_per_touchpoint` respondents per touchpoint, or no variance in the overall
//!   score or the outcome, produce a plain sentence instead of numbers that look
//!   precise. No NaN ever reaches the output.

mod fit;
mod linalg;
mod logistic;
mod predict;
mod sample;
#[cfg(test)]
mod tests;

pub use fit::Drivers;
pub use predict::{Prediction, ScorePrediction, ScoreShift};

use serde::Serialize;

/// One touchpoint's answers: a score on the 0-10 scale per respondent, `None` when
/// the respondent left it blank.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ScoreColumn {
    /// The touchpoint id in the journey.
    pub touchpoint: String,
    /// The touchpoint's name (for people).
    pub name: String,
    pub scores: Vec<Option<f64>>,
}

/// Respondent-level answers, one entry per respondent in every column.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Respondents {
    pub touchpoints: Vec<ScoreColumn>,
    /// The header of the overall column ("overall", "NPS").
    pub overall_name: String,
    /// Overall satisfaction or likelihood to recommend, 0-10.
    pub overall: Vec<Option<f64>>,
    /// The header of the outcome column ("renewed"); empty without one.
    pub outcome_name: String,
    /// The binary outcome per respondent (`true` = yes, 1, renewed...).
    pub outcome: Option<Vec<Option<bool>>>,
}

impl Respondents {
    /// Number of respondents (rows).
    pub fn len(&self) -> usize {
        self.overall.len()
    }

    pub fn is_empty(&self) -> bool {
        self.overall.is_empty()
    }
}

/// How blank touchpoint answers are handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Missing {
    /// Fill a blank with the touchpoint's mean among the model's respondents.
    #[default]
    MeanImpute,
    /// Keep only respondents who answered every touchpoint.
    Listwise,
}

impl Missing {
    pub fn key(self) -> &'static str {
        match self {
            Missing::MeanImpute => "mean-impute",
            Missing::Listwise => "listwise",
        }
    }
}

/// Settings of the analysis. `Default` gives the documented values.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DriverConfig {
    /// Bootstrap resamples for the intervals (0 = no intervals).
    pub resamples: usize,
    /// Seed of the bootstrap (same seed, same intervals).
    pub seed: u64,
    /// Confidence level of the intervals, e.g. 0.95.
    pub confidence: f64,
    pub missing: Missing,
    /// Fewer respondents than this per touchpoint gives a warning.
    pub min_per_touchpoint: usize,
    /// A variance inflation factor above this gives a collinearity warning.
    pub vif_warning: f64,
}

impl Default for DriverConfig {
    fn default() -> Self {
        DriverConfig {
            resamples: 200,
            seed: 1,
            confidence: 0.95,
            missing: Missing::MeanImpute,
            min_per_touchpoint: 10,
            vif_warning: 5.0,
        }
    }
}

/// Why the answers cannot be analysed at all.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DriverError {
    #[error("column `{column}` has {got} answers but there are {expected} respondents")]
    Length {
        column: String,
        got: usize,
        expected: usize,
    },
    #[error("`{column}`, respondent {row}: {value} is not a score on the 0-10 scale")]
    OutOfRange {
        column: String,
        row: usize,
        value: f64,
    },
    #[error("there are no touchpoint columns to analyse")]
    NoTouchpoints,
    #[error("{0} touchpoint columns is more than the {max} this analysis accepts", max = MAX_TOUCHPOINTS)]
    TooManyTouchpoints(usize),
}

/// Most touchpoint columns in one analysis.
pub const MAX_TOUCHPOINTS: usize = 500;

/// How much a sentence matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteLevel {
    Info,
    Warning,
    /// The data cannot support a conclusion.
    Cannot,
}

/// A plain sentence about what the data can and cannot say.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub level: NoteLevel,
    pub text: String,
}

impl Note {
    pub(crate) fn new(level: NoteLevel, text: impl Into<String>) -> Self {
        Note {
            level,
            text: text.into(),
        }
    }
}

/// Where a touchpoint sits on the importance x performance chart. The axes cross at
/// the average importance (1 / number of touchpoints) and the average mean score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quadrant {
    /// High importance, low score: act here first (a "key driver" gap).
    Act,
    /// High importance, high score: keep it up.
    Maintain,
    /// Low importance, low score: watch.
    Monitor,
    /// Low importance, high score.
    Secondary,
}

impl Quadrant {
    pub fn of(importance: f64, mean: f64, avg_importance: f64, avg_mean: f64) -> Quadrant {
        match (importance >= avg_importance, mean < avg_mean) {
            (true, true) => Quadrant::Act,
            (true, false) => Quadrant::Maintain,
            (false, true) => Quadrant::Monitor,
            (false, false) => Quadrant::Secondary,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Quadrant::Act => "act: high importance, low score",
            Quadrant::Maintain => "maintain: high importance, high score",
            Quadrant::Monitor => "monitor: low importance, low score",
            Quadrant::Secondary => "secondary: low importance, high score",
        }
    }
}

/// One touchpoint in one model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DriverRow {
    pub touchpoint: String,
    pub name: String,
    /// 1 = most important.
    pub rank: usize,
    /// Share of the explained variance (relative weight / R^2); the shares of a
    /// model add up to 1.
    pub importance: f64,
    /// Regression coefficient: points of overall per point of this touchpoint
    /// (overall model), or change in log-odds per point (outcome model).
    pub coefficient: f64,
    /// Bootstrap interval of `importance`.
    pub ci_low: f64,
    pub ci_high: f64,
    /// Bootstrap interval of `coefficient`.
    pub coefficient_low: f64,
    pub coefficient_high: f64,
    /// `exp(coefficient)`: the outcome's odds per point of score (outcome model only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub odds_ratio: Option<f64>,
    /// Mean score among the respondents who answered (performance).
    pub mean: f64,
    /// Respondents of this model who answered this touchpoint.
    pub answered: usize,
    /// Variance inflation factor (1 = independent of the other touchpoints).
    pub vif: f64,
    pub quadrant: Quadrant,
}

/// A touchpoint left out of a model, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excluded {
    pub touchpoint: String,
    pub name: String,
    pub reason: String,
}

/// One fitted model (overall score or outcome).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelReport {
    /// The column this model explains.
    pub column: String,
    /// Respondents used by this model.
    pub respondents: usize,
    /// R^2 (overall) or McFadden's pseudo-R^2 (outcome).
    pub r2: f64,
    /// Mean overall score (overall model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    /// Share of respondents with outcome "yes" (outcome model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
    /// Share of the touchpoint answers that were blank and filled in.
    pub imputed_share: f64,
    /// Bootstrap resamples that produced an estimate (out of the requested).
    pub resamples_used: usize,
    /// Ranked, most important first.
    pub drivers: Vec<DriverRow>,
    pub excluded: Vec<Excluded>,
}

impl ModelReport {
    /// The touchpoints in the "act" quadrant (high importance, low score), ranked.
    pub fn act_first(&self) -> impl Iterator<Item = &DriverRow> + '_ {
        self.drivers.iter().filter(|d| d.quadrant == Quadrant::Act)
    }
}

/// Everything the analysis found. Serialises to the documented JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DriverReport {
    /// Respondents (rows) in the data.
    pub respondents: usize,
    pub missing: Missing,
    pub resamples: usize,
    pub seed: u64,
    pub confidence: f64,
    /// `None` (JSON `null`) when the data cannot support a model: see `notes`.
    pub overall: Option<ModelReport>,
    pub outcome: Option<ModelReport>,
    /// Plain sentences: what was left out, collinearity, what cannot be concluded.
    pub notes: Vec<Note>,
}

impl DriverReport {
    /// Key-driver results for the journey file, from the overall model (or the
    /// outcome's when there is no overall model); `source` is the answers' file name.
    pub fn key_drivers(&self, source: &str) -> Option<crate::model::KeyDrivers> {
        let m = self.overall.as_ref().or(self.outcome.as_ref())?;
        Some(crate::model::KeyDrivers {
            source: source.to_owned(),
            column: m.column.clone(),
            respondents: m.respondents as u64,
            r2: if m.r2.is_finite() {
                m.r2.clamp(0.0, 1.0)
            } else {
                0.0
            },
            touchpoints: m
                .drivers
                .iter()
                .filter(|d| {
                    d.importance.is_finite() && d.mean.is_finite() && d.coefficient.is_finite()
                })
                .map(|d| crate::model::DriverResult {
                    touchpoint: crate::model::TouchpointId::new(d.touchpoint.as_str()),
                    importance: d.importance.clamp(0.0, 1.0),
                    mean: d.mean.clamp(0.0, 10.0),
                    coefficient: d.coefficient,
                })
                .collect(),
        })
    }
}
