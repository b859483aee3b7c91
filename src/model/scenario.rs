//! What-if scenarios and key-driver results saved with a journey.

use super::handoff::HandoffKey;
use super::ids::TouchpointId;

/// One change a scenario makes.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioChange {
    /// Every respondent scores the touchpoint `points` higher (or lower), 0-10.
    AddScore {
        touchpoint: TouchpointId,
        points: f64,
    },
    /// The touchpoint's mean score becomes `mean`.
    SetScore { touchpoint: TouchpointId, mean: f64 },
    /// The handoff's queue time falls by `percent` (0-100).
    CutWait { handoff: HandoffKey, percent: f64 },
    /// The handoff goes away: the step after it is done within the step before it
    /// (the two touchpoints merge into `from`).
    RemoveHandoff(HandoffKey),
    /// `from` is merged into `into`: its handoffs move to `into`, its handling time
    /// is added to `into`'s.
    Merge {
        into: TouchpointId,
        from: TouchpointId,
    },
    /// The touchpoint's staff handling time becomes `minutes`.
    SetHandling {
        touchpoint: TouchpointId,
        minutes: f64,
    },
}

impl ScenarioChange {
    /// The touchpoints the change names.
    pub fn touchpoints(&self) -> Vec<&TouchpointId> {
        match self {
            ScenarioChange::AddScore { touchpoint, .. }
            | ScenarioChange::SetScore { touchpoint, .. }
            | ScenarioChange::SetHandling { touchpoint, .. } => vec![touchpoint],
            ScenarioChange::CutWait { handoff, .. } | ScenarioChange::RemoveHandoff(handoff) => {
                vec![&handoff.from, &handoff.to]
            }
            ScenarioChange::Merge { into, from } => vec![into, from],
        }
    }

    /// Does the change act on scores (through the fitted models) rather than on the
    /// journey's structure?
    pub fn is_score(&self) -> bool {
        matches!(
            self,
            ScenarioChange::AddScore { .. } | ScenarioChange::SetScore { .. }
        )
    }

    /// Check the numbers.
    pub fn check(&self) -> Result<(), String> {
        let (what, v, min, max) = match *self {
            ScenarioChange::AddScore { points, .. } => ("a score change", points, -10.0, 10.0),
            ScenarioChange::SetScore { mean, .. } => ("a target mean score", mean, 0.0, 10.0),
            ScenarioChange::CutWait { percent, .. } => ("a queue-time cut", percent, 0.0, 100.0),
            ScenarioChange::SetHandling { minutes, .. } => {
                ("a handling time", minutes, 0.0, f64::MAX)
            }
            ScenarioChange::RemoveHandoff(_) | ScenarioChange::Merge { .. } => return Ok(()),
        };
        if !v.is_finite() || v < min || v > max {
            return Err(if max == f64::MAX {
                format!("{what} must be a number of at least {min}, not {v}")
            } else {
                format!("{what} must be between {min} and {max}, not {v}")
            });
        }
        Ok(())
    }
}

/// A named what-if scenario: a set of changes to evaluate together.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scenario {
    pub name: String,
    pub changes: Vec<ScenarioChange>,
}

/// One touchpoint's result of a key-driver analysis.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DriverResult {
    pub touchpoint: TouchpointId,
    /// Share of the explained variance of the overall score (0-1).
    pub importance: f64,
    /// Mean score of the respondents (0-10).
    pub mean: f64,
    /// Points of overall per point of this touchpoint.
    pub coefficient: f64,
}

/// Key-driver results saved with the journey (`touchpoint drivers --save`): the
/// analysis turns the high-importance, low-score touchpoints into "key driver" gaps.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct KeyDrivers {
    /// Where the answers came from (a file name).
    pub source: String,
    /// What was explained (the overall column's header).
    pub column: String,
    pub respondents: u64,
    pub r2: f64,
    pub touchpoints: Vec<DriverResult>,
}

impl KeyDrivers {
    /// Check the numbers.
    pub fn check(&self) -> Result<(), String> {
        if !self.r2.is_finite() || !(0.0..=1.0).contains(&self.r2) {
            return Err(format!("R^2 must be between 0 and 1, not {}", self.r2));
        }
        for d in &self.touchpoints {
            if !d.importance.is_finite() || !(0.0..=1.0).contains(&d.importance) {
                return Err(format!(
                    "the importance of `{}` must be between 0 and 1, not {}",
                    d.touchpoint, d.importance
                ));
            }
            if !d.mean.is_finite() || !(0.0..=10.0).contains(&d.mean) {
                return Err(format!(
                    "the mean of `{}` must be between 0 and 10, not {}",
                    d.touchpoint, d.mean
                ));
            }
            if !d.coefficient.is_finite() {
                return Err(format!(
                    "the coefficient of `{}` must be a finite number",
                    d.touchpoint
                ));
            }
        }
        Ok(())
    }
}
