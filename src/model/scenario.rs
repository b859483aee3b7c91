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
            ScenarioChange::AddScore { points, .. } => {
                ("model-what-score-change", points, -10.0, 10.0)
            }
            ScenarioChange::SetScore { mean, .. } => ("model-what-target-mean", mean, 0.0, 10.0),
            ScenarioChange::CutWait { percent, .. } => ("model-what-wait-cut", percent, 0.0, 100.0),
            ScenarioChange::SetHandling { minutes, .. } => {
                ("model-what-handling", minutes, 0.0, f64::MAX)
            }
            ScenarioChange::RemoveHandoff(_) | ScenarioChange::Merge { .. } => return Ok(()),
        };
        if !v.is_finite() || v < min || v > max {
            let id = if max == f64::MAX {
                "model-at-least"
            } else {
                "io-out-of-range"
            };
            return Err(crate::i18n::tr_args(
                id,
                &[
                    ("what", crate::i18n::tr(what).into()),
                    ("min", min.to_string().into()),
                    ("max", max.to_string().into()),
                    ("value", v.to_string().into()),
                ],
            ));
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
            return Err(crate::i18n::tr_args(
                "model-r2-range",
                &[("value", self.r2.to_string().into())],
            ));
        }
        for d in &self.touchpoints {
            if !d.importance.is_finite() || !(0.0..=1.0).contains(&d.importance) {
                return Err(driver_problem("model-importance-range", d, d.importance));
            }
            if !d.mean.is_finite() || !(0.0..=10.0).contains(&d.mean) {
                return Err(driver_problem("model-driver-mean-range", d, d.mean));
            }
            if !d.coefficient.is_finite() {
                return Err(driver_problem("model-coefficient-finite", d, d.coefficient));
            }
        }
        Ok(())
    }
}

/// A driver result's bad number, in the current language.
fn driver_problem(id: &str, d: &DriverResult, value: f64) -> String {
    crate::i18n::tr_args(
        id,
        &[
            ("id", d.touchpoint.to_string().into()),
            ("value", value.to_string().into()),
        ],
    )
}
