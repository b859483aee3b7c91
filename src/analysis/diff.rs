//! Diff of two journeys (as-is vs to-be): touchpoints and handoffs added, removed
//! and changed, and the headline figures side by side with ratios.
//!
//! Touchpoints are matched by id; the ones left over on both sides are then matched
//! by name (case and spacing ignored) when that name is unique on each side, so a
//! renamed id still matches. Handoffs are matched through the touchpoint matching.

use super::{AnalysisConfig, HandoffRef, Headline, SCHEMA_VERSION, analyze};
use crate::model::{Handoff, Journey, Touchpoint, TouchpointId};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A touchpoint present in both journeys whose content or id differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TouchpointChange {
    pub as_is: TouchpointId,
    pub to_be: TouchpointId,
    /// Matched by name because the id changed.
    pub matched_by_name: bool,
    /// What changed: `id`, `name`, `stage`, `owner`, `channel`, `layer`, `metrics`,
    /// `satisfaction`, `volume`, `handling_minutes`, `description`, `pains`, `notes`.
    pub fields: Vec<String>,
}

/// A handoff present in both journeys whose values differ.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HandoffChange {
    pub as_is: HandoffRef,
    pub to_be: HandoffRef,
    /// What changed: `wait_hours`, `failure_rate`, `label`, `notes`.
    pub fields: Vec<String>,
}

/// One headline figure before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureComparison {
    /// Stable key: `touchpoints`, `handoffs`, `internal_handoffs`,
    /// `cross_department_handoffs`, `handling_hours`, `elapsed_hours`,
    /// `mean_satisfaction`.
    pub figure: String,
    pub label: String,
    pub as_is: Option<f64>,
    pub to_be: Option<f64>,
    /// `as_is / to_be` ("4x as efficient" = 4); `None` when either is missing or
    /// `to_be` is 0.
    pub ratio: Option<f64>,
}

/// Everything that differs between two journeys.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JourneyDiff {
    pub schema: u32,
    pub as_is_title: String,
    pub to_be_title: String,
    pub touchpoints_added: Vec<TouchpointId>,
    pub touchpoints_removed: Vec<TouchpointId>,
    pub touchpoints_changed: Vec<TouchpointChange>,
    pub touchpoints_unchanged: usize,
    pub handoffs_added: Vec<HandoffRef>,
    pub handoffs_removed: Vec<HandoffRef>,
    pub handoffs_changed: Vec<HandoffChange>,
    pub figures: Vec<FigureComparison>,
    pub as_is: Headline,
    pub to_be: Headline,
}

impl JourneyDiff {
    /// A figure by its key (`elapsed_hours`, ...).
    pub fn figure(&self, key: &str) -> Option<&FigureComparison> {
        self.figures.iter().find(|f| f.figure == key)
    }
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn changed_fields(a: &Touchpoint, b: &Touchpoint) -> Vec<String> {
    let mut f = Vec::new();
    let mut check = |name: &str, differs: bool| {
        if differs {
            f.push(name.to_owned());
        }
    };
    check("id", a.id != b.id);
    check("name", a.name != b.name);
    check("stage", a.stage != b.stage);
    check("owner", a.owner != b.owner);
    check("channel", a.channel != b.channel);
    check("layer", a.layer != b.layer);
    check("metrics", a.metrics != b.metrics);
    check("satisfaction", a.satisfaction != b.satisfaction);
    check("volume", a.volume != b.volume);
    check("handling_minutes", a.handling_minutes != b.handling_minutes);
    check("description", a.description != b.description);
    check("pains", a.pains != b.pains);
    check("notes", a.notes != b.notes);
    f
}

fn handoff_fields(a: &Handoff, b: &Handoff) -> Vec<String> {
    let mut f = Vec::new();
    if a.wait_hours != b.wait_hours {
        f.push("wait_hours".to_owned());
    }
    if a.failure_rate != b.failure_rate {
        f.push("failure_rate".to_owned());
    }
    if a.label != b.label {
        f.push("label".to_owned());
    }
    if a.notes != b.notes {
        f.push("notes".to_owned());
    }
    f
}

/// Touchpoint matching as-is id -> (to-be id, matched by name).
fn match_touchpoints(a: &Journey, b: &Journey) -> BTreeMap<TouchpointId, (TouchpointId, bool)> {
    let mut matched = BTreeMap::new();
    for tp in a.touchpoints() {
        if b.contains_touchpoint(&tp.id) {
            matched.insert(tp.id.clone(), (tp.id.clone(), false));
        }
    }
    let taken: BTreeSet<&TouchpointId> = matched.values().map(|(id, _)| id).collect();
    let by_name = |j: &Journey, skip: &dyn Fn(&TouchpointId) -> bool| {
        let mut names: BTreeMap<String, Vec<TouchpointId>> = BTreeMap::new();
        for tp in j.touchpoints().filter(|t| !skip(&t.id)) {
            let key = normalise(&tp.name);
            if !key.is_empty() {
                names.entry(key).or_default().push(tp.id.clone());
            }
        }
        names
    };
    let left = by_name(a, &|id| matched.contains_key(id));
    let right = by_name(b, &|id| taken.contains(id));
    let mut extra = Vec::new();
    for (name, ids) in &left {
        if let (Some(r), [only_left]) = (right.get(name), ids.as_slice())
            && let [only_right] = r.as_slice()
        {
            extra.push((only_left.clone(), only_right.clone()));
        }
    }
    for (l, r) in extra {
        matched.insert(l, (r, true));
    }
    matched
}

fn figure(key: &str, label: &str, a: Option<f64>, b: Option<f64>) -> FigureComparison {
    let ratio = match (a, b) {
        (Some(x), Some(y)) if y != 0.0 && (x / y).is_finite() => Some(x / y),
        _ => None,
    };
    FigureComparison {
        figure: key.to_owned(),
        label: label.to_owned(),
        as_is: a,
        to_be: b,
        ratio,
    }
}

/// Compare an as-is journey with a to-be journey.
pub fn diff(as_is: &Journey, to_be: &Journey, config: &AnalysisConfig) -> JourneyDiff {
    let matched = match_touchpoints(as_is, to_be);
    let to_be_matched: BTreeSet<&TouchpointId> = matched.values().map(|(id, _)| id).collect();
    let touchpoints_removed: Vec<TouchpointId> = as_is
        .touchpoints()
        .filter(|t| !matched.contains_key(&t.id))
        .map(|t| t.id.clone())
        .collect();
    let touchpoints_added: Vec<TouchpointId> = to_be
        .touchpoints()
        .filter(|t| !to_be_matched.contains(&t.id))
        .map(|t| t.id.clone())
        .collect();
    let mut touchpoints_changed = Vec::new();
    let mut touchpoints_unchanged = 0;
    for (old, (new, by_name)) in &matched {
        let (Some(a), Some(b)) = (as_is.touchpoint(old), to_be.touchpoint(new)) else {
            continue;
        };
        let fields = changed_fields(a, b);
        if fields.is_empty() {
            touchpoints_unchanged += 1;
        } else {
            touchpoints_changed.push(TouchpointChange {
                as_is: old.clone(),
                to_be: new.clone(),
                matched_by_name: *by_name,
                fields,
            });
        }
    }
    let mut handoffs_removed = Vec::new();
    let mut handoffs_changed = Vec::new();
    let mut seen_new = BTreeSet::new();
    for h in as_is.handoffs() {
        let mapped = matched
            .get(&h.from)
            .zip(matched.get(&h.to))
            .map(|((f, _), (t, _))| crate::model::HandoffKey {
                from: f.clone(),
                to: t.clone(),
            });
        match mapped.as_ref().and_then(|k| to_be.handoff(k)) {
            Some(nh) => {
                seen_new.insert(nh.key());
                let fields = handoff_fields(h, nh);
                let renamed = nh.from != h.from || nh.to != h.to;
                if !fields.is_empty() || renamed {
                    handoffs_changed.push(HandoffChange {
                        as_is: HandoffRef::from(&h.key()),
                        to_be: HandoffRef::from(&nh.key()),
                        fields,
                    });
                }
            }
            None => handoffs_removed.push(HandoffRef::from(&h.key())),
        }
    }
    let handoffs_added = to_be
        .handoffs()
        .into_iter()
        .filter(|h| !seen_new.contains(&h.key()))
        .map(|h| HandoffRef::from(&h.key()))
        .collect();
    let a = analyze(as_is, config).headline;
    let b = analyze(to_be, config).headline;
    let count = |v: usize| Some(v as f64);
    let figures = vec![
        figure(
            "touchpoints",
            "Touchpoints",
            count(a.touchpoints),
            count(b.touchpoints),
        ),
        figure("handoffs", "Handoffs", count(a.handoffs), count(b.handoffs)),
        figure(
            "internal_handoffs",
            "Internal handoffs",
            count(a.internal_handoffs),
            count(b.internal_handoffs),
        ),
        figure(
            "cross_department_handoffs",
            "Cross-department handoffs",
            count(a.cross_department_handoffs),
            count(b.cross_department_handoffs),
        ),
        figure(
            "handling_hours",
            "Handling time",
            Some(a.handling_hours),
            Some(b.handling_hours),
        ),
        figure(
            "elapsed_hours",
            "Elapsed time (longest path)",
            Some(a.elapsed_hours),
            Some(b.elapsed_hours),
        ),
        figure(
            "mean_satisfaction",
            "Mean satisfaction",
            a.mean_satisfaction,
            b.mean_satisfaction,
        ),
    ];
    JourneyDiff {
        schema: SCHEMA_VERSION,
        as_is_title: as_is.title().to_owned(),
        to_be_title: to_be.title().to_owned(),
        touchpoints_added,
        touchpoints_removed,
        touchpoints_changed,
        touchpoints_unchanged,
        handoffs_added,
        handoffs_removed,
        handoffs_changed,
        figures,
        as_is: a,
        to_be: b,
    }
}
