use super::ids::TouchpointId;
use super::source::Source;

/// A transition from one touchpoint to the next: an edge. It is identified by its
/// two ends (at most one handoff per ordered pair). Whether it crosses a department
/// boundary is derived from the owners of its ends, never stored.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Handoff {
    pub from: TouchpointId,
    pub to: TouchpointId,
    pub label: String,
    /// Queue ("stacking") time before the next step starts, in hours.
    pub wait_hours: Option<f64>,
    /// The 90th percentile of the queue time, in hours (measured from a log).
    pub wait_hours_p90: Option<f64>,
    /// Where `wait_hours` (and its p90) came from (typed by default). Boxed, as is
    /// `volume_source`, so that a handoff (and an `Edit` holding one) stays small.
    pub wait_source: Box<Source>,
    /// Cases (or transitions) taking this handoff (per period).
    pub volume: Option<u64>,
    /// Where `volume` came from (typed by default).
    pub volume_source: Box<Source>,
    /// Share of cases that fail or lose information across this handoff, 0..=1.
    pub failure_rate: Option<f64>,
    pub notes: String,
}

impl Handoff {
    pub fn new(from: impl Into<String>, to: impl Into<String>) -> Self {
        Handoff {
            from: TouchpointId::new(from),
            to: TouchpointId::new(to),
            ..Default::default()
        }
    }

    pub fn key(&self) -> HandoffKey {
        HandoffKey {
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// The durable identity of a handoff.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HandoffKey {
    pub from: TouchpointId,
    pub to: TouchpointId,
}

impl std::fmt::Display for HandoffKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} -> {}", self.from, self.to)
    }
}
