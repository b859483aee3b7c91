//! The number rules of a journey, in one place. The loader (`io::convert::validate`,
//! which reports every problem with its value path) and the model's own checks
//! ([`validate_touchpoint_values`](super::validate_touchpoint_values) and
//! [`validate_handoff_values`](super::validate_handoff_values), which every edit and
//! importer goes through) read the same ranges and write the same messages.

use crate::i18n::tr_args;

/// A rule for one number: what it is (the message id of its name, e.g.
/// `io-what-wait-time`) and its range; every value must also be finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberRule {
    pub what: &'static str,
    pub min: f64,
    pub max: f64,
}

impl NumberRule {
    /// What is wrong with `v`, in the current language (`what` names the value), or
    /// `None` when it keeps the rule.
    pub fn problem(&self, v: f64, what: impl FnOnce() -> String) -> Option<String> {
        let id = if !v.is_finite() {
            "io-not-finite"
        } else if v < self.min && self.max == f64::MAX {
            "io-negative"
        } else if v < self.min || v > self.max {
            "io-out-of-range"
        } else {
            return None;
        };
        Some(tr_args(
            id,
            &[
                ("what", what().into()),
                ("min", self.min.to_string().into()),
                ("max", self.max.to_string().into()),
                ("value", v.to_string().into()),
            ],
        ))
    }
}

const fn any(what: &'static str) -> NumberRule {
    NumberRule {
        what,
        min: f64::MIN,
        max: f64::MAX,
    }
}

const fn not_negative(what: &'static str) -> NumberRule {
    NumberRule {
        what,
        min: 0.0,
        max: f64::MAX,
    }
}

/// A journey outcome's value.
pub const OUTCOME_VALUE: NumberRule = any("io-what-outcome-value");
/// A touchpoint's handling time, in minutes.
pub const HANDLING_MINUTES: NumberRule = not_negative("io-what-handling-time");
/// A metric's value and its target.
pub const METRIC_VALUE: NumberRule = any("io-what-metric-value");
pub const METRIC_TARGET: NumberRule = any("io-what-metric-target");
/// A mean satisfaction score (a summary, a trend period), 0-10.
pub const MEAN_SCORE: NumberRule = NumberRule {
    what: "io-what-mean-score",
    min: 0.0,
    max: 10.0,
};
/// A handoff's queue time and its 90th percentile, in hours.
pub const WAIT_HOURS: NumberRule = not_negative("io-what-wait-time");
pub const WAIT_HOURS_P90: NumberRule = not_negative("io-what-wait-time-p90");
/// A handoff's failure rate, a share 0-1.
pub const FAILURE_RATE: NumberRule = NumberRule {
    what: "io-what-failure-rate",
    min: 0.0,
    max: 1.0,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_names_what_is_wrong() {
        let name = || "failure rate".to_owned();
        assert_eq!(FAILURE_RATE.problem(0.5, name), None);
        assert!(FAILURE_RATE.problem(1.5, name).unwrap().contains("1.5"));
        assert!(WAIT_HOURS.problem(-1.0, name).is_some());
        assert!(WAIT_HOURS.problem(f64::NAN, name).is_some());
        assert_eq!(METRIC_VALUE.problem(-1e300, name), None);
        assert!(MEAN_SCORE.problem(10.5, name).is_some());
    }
}

#[cfg(test)]
mod one_place {
    use crate::model::{Handoff, Journey, ModelError, Touchpoint};

    /// Issue #15: validation rules live in one place, so a value the loader refuses
    /// is refused by the model (every edit and importer) with the same words.
    #[test]
    fn the_loader_and_the_model_refuse_the_same_values_alike() {
        for (field, value) in [
            ("wait_hours", "-1.0"),
            ("wait_hours_p90", "-2.5"),
            ("failure_rate", "1.5"),
        ] {
            let text = format!(
                "(format: 1, title: \"t\", touchpoints: [(id: \"a\", name: \"A\"), (id: \"b\", name: \"B\")], handoffs: [(from: \"a\", to: \"b\", {field}: Some({value}))])"
            );
            let loaded = crate::io::load_str("f", &text).unwrap_err();
            let loader = loaded.problems[0].message.clone();
            let mut j = Journey::new("t");
            j.add_touchpoint(Touchpoint::new("a", "A")).unwrap();
            j.add_touchpoint(Touchpoint::new("b", "B")).unwrap();
            let mut h = Handoff::new("a", "b");
            let v: f64 = value.parse().unwrap();
            match field {
                "wait_hours" => h.wait_hours = Some(v),
                "wait_hours_p90" => h.wait_hours_p90 = Some(v),
                _ => h.failure_rate = Some(v),
            }
            match j.add_handoff(h) {
                Err(ModelError::InvalidValue(model)) => assert_eq!(model, loader, "{field}"),
                other => panic!("{field}: {other:?}"),
            }
        }
    }
}
