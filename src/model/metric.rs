use serde::{Deserialize, Serialize};

/// Which direction of a metric is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
pub enum Better {
    /// Higher is better (first-visit success, read on agreed date).
    #[default]
    Higher,
    /// Lower is better (handle time, queue time, error rate).
    Lower,
}

/// An operational measure: "handle time 7 min, target <= 8".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub name: String,
    pub value: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default)]
    pub better: Better,
}

impl Metric {
    /// `Some(true)` when the value meets its target, `None` without a target.
    pub fn on_target(&self) -> Option<bool> {
        let target = self.target?;
        Some(match self.better {
            Better::Higher => self.value >= target,
            Better::Lower => self.value <= target,
        })
    }

    /// "7 min (target <= 8)".
    pub fn describe(&self) -> String {
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        match self.target {
            Some(t) => {
                let op = match self.better {
                    Better::Higher => ">=",
                    Better::Lower => "<=",
                };
                format!("{}{unit} (target {op} {})", fmt_num(self.value), fmt_num(t))
            }
            None => format!("{}{unit}", fmt_num(self.value)),
        }
    }
}

/// A number without a useless `.0`: 7 -> "7", 7.25 -> "7.25", 0.1234 -> "0.12".
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_target_follows_direction() {
        let m = Metric {
            name: "Handle time".into(),
            value: 7.0,
            unit: "min".into(),
            target: Some(8.0),
            better: Better::Lower,
        };
        assert_eq!(m.on_target(), Some(true));
        assert_eq!(m.describe(), "7 min (target <= 8)");
        let m2 = Metric {
            better: Better::Higher,
            ..m.clone()
        };
        assert_eq!(m2.on_target(), Some(false));
        let m3 = Metric { target: None, ..m };
        assert_eq!(m3.on_target(), None);
        assert_eq!(fmt_num(7.25), "7.25");
        assert_eq!(fmt_num(0.1234), "0.12");
        assert_eq!(fmt_num(48.0), "48");
    }
}
