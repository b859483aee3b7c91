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

/// The side of the company one end of a handoff is on; `D` names the department (an id,
/// or a dense index in the analysis).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End<D> {
    /// Owned by a department of kind Customer.
    Customer,
    /// Owned by a company department (internal or partner).
    Company(D),
    /// No owner (or an owner that is not a department of the journey).
    Unowned,
}

/// The one classification of a handoff by its ends, used by the figures, the gaps, the
/// reports, the canvas and the exports alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HandoffClass {
    /// Both ends in the same company department.
    SameDepartment,
    /// Both ends in company departments (internal or partner), and those differ: where
    /// journeys break.
    CrossDepartment,
    /// The customer is at one end (never cross-department).
    CustomerInteraction,
    /// An end has no owner (and the other is not the customer).
    Unowned,
}

impl HandoffClass {
    pub fn of<D: PartialEq>(from: End<D>, to: End<D>) -> HandoffClass {
        match (from, to) {
            (End::Customer, _) | (_, End::Customer) => HandoffClass::CustomerInteraction,
            (End::Company(a), End::Company(b)) if a == b => HandoffClass::SameDepartment,
            (End::Company(_), End::Company(_)) => HandoffClass::CrossDepartment,
            _ => HandoffClass::Unowned,
        }
    }
}

#[cfg(test)]
mod class_tests {
    use super::{End, HandoffClass};

    #[test]
    fn a_handoff_is_classified_by_its_ends() {
        use End::{Company, Customer, Unowned};
        let c = HandoffClass::of::<u8>;
        assert_eq!(c(Company(1), Company(1)), HandoffClass::SameDepartment);
        assert_eq!(c(Company(1), Company(2)), HandoffClass::CrossDepartment);
        assert_eq!(c(Customer, Customer), HandoffClass::CustomerInteraction);
        assert_eq!(c(Customer, Company(1)), HandoffClass::CustomerInteraction);
        assert_eq!(c(Unowned, Customer), HandoffClass::CustomerInteraction);
        assert_eq!(c(Company(1), Unowned), HandoffClass::Unowned);
        assert_eq!(c(Unowned, Unowned), HandoffClass::Unowned);
    }
}
