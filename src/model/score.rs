use serde::{Deserialize, Serialize};

/// Satisfaction on a 0-10 scale: a histogram of responses (preferred), or only a
/// mean and a response count when that is all that is known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Satisfaction {
    /// `counts[s]` = number of responses that scored `s` (0..=10).
    Histogram([u32; 11]),
    /// Only a summary is known.
    Summary { mean: f64, responses: u32 },
}

impl Satisfaction {
    pub fn responses(&self) -> u64 {
        match self {
            Satisfaction::Histogram(h) => h.iter().map(|&c| u64::from(c)).sum(),
            Satisfaction::Summary { responses, .. } => u64::from(*responses),
        }
    }

    /// Mean score, `None` when there are no responses.
    pub fn mean(&self) -> Option<f64> {
        match self {
            Satisfaction::Histogram(h) => {
                let n = self.responses();
                if n == 0 {
                    return None;
                }
                let sum: f64 = h
                    .iter()
                    .enumerate()
                    .map(|(s, &c)| s as f64 * f64::from(c))
                    .sum();
                Some(sum / n as f64)
            }
            Satisfaction::Summary { mean, .. } => Some(*mean),
        }
    }

    pub fn histogram(&self) -> Option<&[u32; 11]> {
        match self {
            Satisfaction::Histogram(h) => Some(h),
            Satisfaction::Summary { .. } => None,
        }
    }
}
