//! Department focus: one department's part of the journey, for the head of that
//! department in the war room. What it owns, what it receives from other
//! departments, what it hands off to them, and the gaps at its boundaries.
//!
//! A **boundary handoff** of department D is a handoff with exactly one end owned by
//! D (the other end is owned by another department, or by nobody). A **boundary
//! gap** is a gap of the [`Analysis`] on one of those handoffs; an **own gap** is a
//! gap on a touchpoint D owns (watermelon, split opinion, hot spot, no metric, ...)
//! or a rework loop passing through D.

use super::{Analysis, Gap, GapKind};
use crate::model::{DepartmentId, HandoffKey, Journey, TouchpointId};
use serde::Serialize;
use std::collections::BTreeSet;

/// One handoff across the department's boundary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BoundaryHandoff {
    pub from: TouchpointId,
    pub to: TouchpointId,
    /// The department on the other side (`None`: an unowned touchpoint).
    pub other: Option<DepartmentId>,
    /// Its display name ("(no owner)" when unowned).
    pub other_name: String,
    pub wait_hours: Option<f64>,
    pub failure_rate: Option<f64>,
    /// The gap kinds the analysis flagged on this handoff.
    pub flags: Vec<GapKind>,
}

impl BoundaryHandoff {
    pub fn key(&self) -> HandoffKey {
        HandoffKey {
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// One department's part of the journey.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DepartmentFocus {
    pub department: DepartmentId,
    pub name: String,
    /// Touchpoints it owns, in journey order.
    pub owns: Vec<TouchpointId>,
    /// Handoffs into it from another department (or an unowned touchpoint), in
    /// journey order of their target.
    pub receives: Vec<BoundaryHandoff>,
    /// Handoffs out of it to another department, in journey order of their source.
    pub hands_off: Vec<BoundaryHandoff>,
    /// Handoffs between two of its own touchpoints.
    pub internal_handoffs: usize,
    /// Staff handling time of its touchpoints, in hours.
    pub handling_hours: f64,
    /// Queue time of the handoffs it receives, in hours.
    pub wait_hours_in: f64,
    /// Mean of its scored touchpoints' mean scores.
    pub mean_satisfaction: Option<f64>,
    /// Gaps on its boundary handoffs, in the analysis' ranking.
    pub boundary_gaps: Vec<Gap>,
    /// Gaps on its own touchpoints (and loops through it), in the analysis' ranking.
    pub own_gaps: Vec<Gap>,
}

impl DepartmentFocus {
    /// Is this handoff into or out of the department (or inside it)?
    pub fn touches(&self, journey: &Journey, key: &HandoffKey) -> bool {
        let owned = |id: &TouchpointId| {
            journey
                .touchpoint(id)
                .is_some_and(|t| t.owner.as_ref() == Some(&self.department))
        };
        owned(&key.from) || owned(&key.to)
    }
}

/// The touchpoints a department owns and the handoffs with at least one end in it:
/// what department focus highlights on the map. `None` highlights everything.
pub fn focus_sets(
    journey: &Journey,
    department: &DepartmentId,
) -> (BTreeSet<TouchpointId>, BTreeSet<HandoffKey>) {
    let owns: BTreeSet<TouchpointId> = journey
        .touchpoints()
        .filter(|t| t.owner.as_ref() == Some(department))
        .map(|t| t.id.clone())
        .collect();
    let handoffs = journey
        .handoffs()
        .into_iter()
        .filter(|h| owns.contains(&h.from) || owns.contains(&h.to))
        .map(|h| h.key())
        .collect();
    (owns, handoffs)
}

/// The focus summary of `department`, or `None` when the journey has no such department.
pub fn department_focus(
    journey: &Journey,
    analysis: &Analysis,
    department: &DepartmentId,
) -> Option<DepartmentFocus> {
    let dept = journey.department(department)?;
    let position = |id: &TouchpointId| {
        analysis
            .journey_order
            .iter()
            .position(|o| o == id)
            .unwrap_or(usize::MAX)
    };
    let owner_of = |id: &TouchpointId| journey.touchpoint(id).and_then(|t| t.owner.clone());
    let (owned, _) = focus_sets(journey, department);
    let mut owns: Vec<TouchpointId> = owned.iter().cloned().collect();
    owns.sort_by_key(|id| (position(id), id.clone()));

    let mut receives = Vec::new();
    let mut hands_off = Vec::new();
    let mut internal_handoffs = 0;
    let mut wait_hours_in = 0.0;
    for h in journey.handoffs() {
        let (a, b) = (owned.contains(&h.from), owned.contains(&h.to));
        let boundary = |other: Option<DepartmentId>| BoundaryHandoff {
            from: h.from.clone(),
            to: h.to.clone(),
            other_name: journey.department_label(other.as_ref()),
            other,
            wait_hours: h.wait_hours,
            failure_rate: h.failure_rate,
            flags: analysis.handoff_flags(&h.key()).to_vec(),
        };
        match (a, b) {
            (true, true) => internal_handoffs += 1,
            (false, true) => {
                wait_hours_in += h.wait_hours.unwrap_or(0.0);
                receives.push(boundary(owner_of(&h.from)));
            }
            (true, false) => hands_off.push(boundary(owner_of(&h.to))),
            (false, false) => {}
        }
    }
    receives.sort_by_key(|b| (position(&b.to), position(&b.from), b.key()));
    hands_off.sort_by_key(|b| (position(&b.from), position(&b.to), b.key()));

    let boundary_keys: BTreeSet<HandoffKey> = receives
        .iter()
        .chain(&hands_off)
        .map(BoundaryHandoff::key)
        .collect();
    let mut boundary_gaps = Vec::new();
    let mut own_gaps = Vec::new();
    for g in &analysis.gaps {
        if g.handoffs.iter().any(|r| boundary_keys.contains(&r.key())) {
            boundary_gaps.push(g.clone());
        } else if g.touchpoints.iter().any(|t| owned.contains(t))
            || (g.kind == GapKind::IdleDepartment && g.owners.contains(&Some(dept.id.clone())))
        {
            own_gaps.push(g.clone());
        }
    }

    let scores: Vec<f64> = owns
        .iter()
        .filter_map(|id| journey.touchpoint(id).and_then(|t| t.mean_score()))
        .collect();
    let mean_satisfaction =
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    let handling_hours = owns
        .iter()
        .filter_map(|id| journey.touchpoint(id).and_then(|t| t.handling_minutes))
        .sum::<f64>()
        / 60.0;

    Some(DepartmentFocus {
        department: dept.id.clone(),
        name: dept.name.clone(),
        owns,
        receives,
        hands_off,
        internal_handoffs,
        handling_hours,
        wait_hours_in,
        mean_satisfaction,
        boundary_gaps,
        own_gaps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalysisConfig, analyze};
    use crate::model::{Department, Handoff, Rgb, Stage, StageId, Touchpoint};

    fn journey() -> Journey {
        let mut j = Journey::new("focus");
        j.insert_stage(0, Stage::new("s", "S")).unwrap();
        for (i, d) in ["contact", "billing", "field"].iter().enumerate() {
            j.insert_department(i, Department::new(*d, d.to_uppercase(), Rgb::palette(i)))
                .unwrap();
        }
        for (id, owner, minutes) in [
            ("a", Some("contact"), 6.0),
            ("b", Some("billing"), 30.0),
            ("c", Some("billing"), 30.0),
            ("d", Some("field"), 60.0),
            ("e", None, 0.0),
        ] {
            let mut t = Touchpoint::new(id, id.to_uppercase());
            t.stage = Some(StageId::new("s"));
            t.owner = owner.map(DepartmentId::new);
            t.handling_minutes = Some(minutes);
            j.add_touchpoint(t).unwrap();
        }
        for (a, b, w) in [
            ("a", "b", 48.0),
            ("b", "c", 1.0),
            ("c", "d", 30.0),
            ("d", "e", 0.0),
        ] {
            let mut h = Handoff::new(a, b);
            h.wait_hours = Some(w);
            h.failure_rate = Some(0.2);
            j.add_handoff(h).unwrap();
        }
        j
    }

    #[test]
    fn billing_owns_receives_and_hands_off() {
        let j = journey();
        let a = analyze(&j, &AnalysisConfig::default());
        let f = department_focus(&j, &a, &DepartmentId::new("billing")).unwrap();
        assert_eq!(f.name, "BILLING");
        assert_eq!(f.owns, [TouchpointId::new("b"), TouchpointId::new("c")]);
        assert_eq!(f.receives.len(), 1);
        assert_eq!(f.receives[0].from.as_str(), "a");
        assert_eq!(f.receives[0].other_name, "CONTACT");
        assert_eq!(f.hands_off.len(), 1);
        assert_eq!(f.hands_off[0].to.as_str(), "d");
        assert_eq!(f.internal_handoffs, 1);
        assert!((f.handling_hours - 1.0).abs() < 1e-9);
        assert!((f.wait_hours_in - 48.0).abs() < 1e-9);
        // The 48-hour, 20%-loss handoff from the contact centre is a boundary gap.
        assert!(f.boundary_gaps.iter().any(|g| {
            g.kind == GapKind::CrossDepartmentHandoff
                && g.handoffs
                    .iter()
                    .any(|h| h.from.as_str() == "a" && h.to.as_str() == "b")
        }));
        assert!(
            f.receives[0]
                .flags
                .contains(&GapKind::CrossDepartmentHandoff)
        );
        let (tps, hs) = focus_sets(&j, &DepartmentId::new("billing"));
        assert_eq!(tps.len(), 2);
        assert_eq!(hs.len(), 3);
    }

    #[test]
    fn an_unowned_neighbour_and_an_unknown_department() {
        let j = journey();
        let a = analyze(&j, &AnalysisConfig::default());
        let f = department_focus(&j, &a, &DepartmentId::new("field")).unwrap();
        assert_eq!(f.hands_off.len(), 1);
        assert_eq!(f.hands_off[0].other, None);
        assert_eq!(f.hands_off[0].other_name, "(no owner)");
        assert!(department_focus(&j, &a, &DepartmentId::new("nobody")).is_none());
    }

    #[test]
    fn move_address_billing_sees_its_boundaries() {
        let j = crate::samples::move_address().unwrap();
        let a = analyze(&j, &AnalysisConfig::default());
        let f = department_focus(&j, &a, &DepartmentId::new("billing")).unwrap();
        assert!(f.owns.len() >= 3, "billing owns {:?}", f.owns);
        assert!(!f.receives.is_empty());
        assert!(!f.hands_off.is_empty());
        assert!(!f.boundary_gaps.is_empty());
        // Every listed boundary handoff really crosses the boundary.
        for b in f.receives.iter().chain(&f.hands_off) {
            assert_ne!(b.other.as_ref(), Some(&f.department));
        }
    }
}
