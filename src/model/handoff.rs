use super::ids::TouchpointId;

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
