use super::handoff::{End, Handoff, HandoffClass, HandoffKey};
use super::ids::{DepartmentId, NoteId, StageId, TouchpointId, is_valid_id};
use super::parts::{
    ActionItem, Anchor, Department, DepartmentKind, Outcome, Rgb, Stage, StickyNote,
};
use super::scenario::{KeyDrivers, Scenario};
use super::touchpoint::Touchpoint;
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use std::collections::BTreeMap;

/// Everything about a journey that is not a stage, department, touchpoint or handoff.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct JourneyMeta {
    pub title: String,
    pub description: String,
    /// The accountable journey owner (an executive, a "journey manager"); empty when none.
    pub owner: String,
    /// Which version of the journey this is, e.g. "as-is" or "to-be"; empty when not said.
    pub variant: String,
    pub outcomes: Vec<Outcome>,
    /// What-if scenarios, by name (unique).
    pub scenarios: Vec<Scenario>,
    /// The last key-driver analysis saved with the journey.
    pub drivers: Option<KeyDrivers>,
}

/// Why a change to a journey was refused. Shown to people (the status bar, load
/// errors): displayed in the current language; the texts it carries were made in it.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    InvalidId(String),
    DuplicateId(String),
    UnknownTouchpoint(String),
    UnknownStage(String),
    UnknownDepartment(String),
    UnknownHandoff(String),
    DuplicateHandoff(String),
    UnknownNote(String),
    /// What is in use, and why (both already in the current language).
    InUse(String, String),
    OutOfRange(usize),
    /// A whole message, already in the current language.
    InvalidValue(String),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::tr_args;
        let text = match self {
            ModelError::InvalidId(id) => tr_args("model-invalid-id", &[("id", id.into())]),
            ModelError::DuplicateId(id) => tr_args("model-duplicate-id", &[("id", id.into())]),
            ModelError::UnknownTouchpoint(id) => {
                tr_args("model-unknown-touchpoint", &[("id", id.into())])
            }
            ModelError::UnknownStage(id) => tr_args("model-unknown-stage", &[("id", id.into())]),
            ModelError::UnknownDepartment(id) => {
                tr_args("model-unknown-department", &[("id", id.into())])
            }
            ModelError::UnknownHandoff(key) => {
                tr_args("model-unknown-handoff", &[("key", key.into())])
            }
            ModelError::DuplicateHandoff(key) => {
                tr_args("model-duplicate-handoff", &[("key", key.into())])
            }
            ModelError::UnknownNote(id) => tr_args("model-unknown-note", &[("id", id.into())]),
            ModelError::InUse(what, why) => tr_args(
                "model-in-use",
                &[("what", what.into()), ("why", why.into())],
            ),
            ModelError::OutOfRange(i) => {
                tr_args("model-out-of-range", &[("index", i.to_string().into())])
            }
            ModelError::InvalidValue(text) => text.clone(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ModelError {}

/// A message of the model in the current language, with one `id` variable.
fn named(msg: &str, id: &dyn std::fmt::Display) -> String {
    crate::i18n::tr_args(msg, &[("id", id.to_string().into())])
}

/// A customer journey: ordered stages, departments, and a graph of touchpoints
/// (nodes) and handoffs (edges) with durable string ids.
///
/// The petgraph graph is private: its indices are internal handles that never
/// leave this type (files, clipboards and undo history use ids).
#[derive(Clone, Debug, Default)]
pub struct Journey {
    meta: JourneyMeta,
    stages: Vec<Stage>,
    departments: Vec<Department>,
    graph: StableDiGraph<Touchpoint, Handoff>,
    index: BTreeMap<TouchpointId, NodeIndex>,
    notes: BTreeMap<NoteId, StickyNote>,
    actions: BTreeMap<NoteId, ActionItem>,
}

impl PartialEq for Journey {
    fn eq(&self, other: &Self) -> bool {
        self.meta == other.meta
            && self.stages == other.stages
            && self.departments == other.departments
            && self.touchpoints().eq(other.touchpoints())
            && self.handoffs() == other.handoffs()
            && self.notes == other.notes
            && self.actions == other.actions
    }
}

/// Check an optional number against one of the [`rules`](super::rules).
fn check(
    rule: &super::rules::NumberRule,
    v: Option<f64>,
    what: impl FnOnce() -> String,
) -> Result<(), ModelError> {
    match v.and_then(|v| rule.problem(v, what)) {
        Some(problem) => Err(ModelError::InvalidValue(problem)),
        None => Ok(()),
    }
}

/// The name of a value for [`check`]: `what_named("model-what-outcome", name)`.
fn what_named(msg: &'static str, name: &str) -> impl FnOnce() -> String {
    move || crate::i18n::tr_args(msg, &[("name", name.into())])
}

/// Check the values of a touchpoint that do not depend on the rest of the journey.
pub fn validate_touchpoint_values(tp: &Touchpoint) -> Result<(), ModelError> {
    use super::rules::{HANDLING_MINUTES, MEAN_SCORE, METRIC_TARGET, METRIC_VALUE};
    if !is_valid_id(tp.id.as_str()) {
        return Err(ModelError::InvalidId(tp.id.0.clone()));
    }
    check(&HANDLING_MINUTES, tp.handling_minutes, || {
        crate::i18n::tr(HANDLING_MINUTES.what)
    })?;
    for m in &tp.metrics {
        check(
            &METRIC_VALUE,
            Some(m.value),
            what_named("model-what-metric-value", &m.name),
        )?;
        check(
            &METRIC_TARGET,
            m.target,
            what_named("model-what-metric-target", &m.name),
        )?;
    }
    if let Some(super::score::Satisfaction::Summary { mean, .. }) = &tp.satisfaction {
        check(&MEAN_SCORE, Some(*mean), || {
            crate::i18n::tr("model-what-satisfaction-mean")
        })?;
    }
    Ok(())
}

/// Check the values of a handoff that do not depend on the rest of the journey.
pub fn validate_handoff_values(h: &Handoff) -> Result<(), ModelError> {
    use super::rules::{FAILURE_RATE, WAIT_HOURS, WAIT_HOURS_P90};
    for (rule, v) in [
        (&WAIT_HOURS, h.wait_hours),
        (&WAIT_HOURS_P90, h.wait_hours_p90),
        (&FAILURE_RATE, h.failure_rate),
    ] {
        check(rule, v, || crate::i18n::tr(rule.what))?;
    }
    Ok(())
}

impl Journey {
    pub fn new(title: impl Into<String>) -> Self {
        Journey {
            meta: JourneyMeta {
                title: title.into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    // ----- reading -------------------------------------------------------------------------

    pub fn meta(&self) -> &JourneyMeta {
        &self.meta
    }

    pub fn title(&self) -> &str {
        &self.meta.title
    }

    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }

    pub fn departments(&self) -> &[Department] {
        &self.departments
    }

    pub fn stage(&self, id: &StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    pub fn stage_index(&self, id: &StageId) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    pub fn department(&self, id: &DepartmentId) -> Option<&Department> {
        self.departments.iter().find(|d| &d.id == id)
    }

    pub fn department_index(&self, id: &DepartmentId) -> Option<usize> {
        self.departments.iter().position(|d| &d.id == id)
    }

    /// Display name of a department id, or the id itself when unknown, or "(no owner)"
    /// (stable: tables and files use it; people read [`Journey::department_label`]).
    pub fn department_name(&self, id: Option<&DepartmentId>) -> String {
        match id {
            None => "(no owner)".to_owned(),
            Some(id) => self
                .department(id)
                .map_or_else(|| id.0.clone(), |d| d.name.clone()),
        }
    }

    /// [`Journey::department_name`] for people: "(no owner)" in the current language.
    pub fn department_label(&self, id: Option<&DepartmentId>) -> String {
        match id {
            None => crate::i18n::tr("map-lane-unowned"),
            Some(_) => self.department_name(id),
        }
    }

    /// Is this department the customer?
    pub fn is_customer(&self, id: Option<&DepartmentId>) -> bool {
        id.and_then(|id| self.department(id))
            .is_some_and(|d| d.kind == DepartmentKind::Customer)
    }

    /// The side of the company a touchpoint is on (its owner's kind).
    pub fn end_of(&self, id: &TouchpointId) -> End<&DepartmentId> {
        match self.touchpoint(id) {
            Some(t) => self.end_of_touchpoint(t),
            None => End::Unowned,
        }
    }

    /// [`Journey::end_of`] a touchpoint already at hand.
    pub fn end_of_touchpoint(&self, t: &Touchpoint) -> End<&DepartmentId> {
        match t.owner.as_ref().and_then(|d| self.department(d)) {
            None => End::Unowned,
            Some(d) if d.kind == DepartmentKind::Customer => End::Customer,
            Some(d) => End::Company(&d.id),
        }
    }

    /// The class of the handoff from `from` to `to` ([`HandoffClass::of`] its ends).
    pub fn handoff_class(&self, from: &TouchpointId, to: &TouchpointId) -> HandoffClass {
        HandoffClass::of(self.end_of(from), self.end_of(to))
    }

    /// Does the handoff from `from` to `to` cross a department boundary? Both ends are
    /// owned by company departments (internal or partner) and those differ; a handoff
    /// with the customer at one end is a customer interaction, never cross-department
    /// (see [`HandoffClass`]).
    pub fn crosses_departments(&self, from: &TouchpointId, to: &TouchpointId) -> bool {
        self.handoff_class(from, to) == HandoffClass::CrossDepartment
    }

    pub fn touchpoint_count(&self) -> usize {
        self.index.len()
    }

    pub fn handoff_count(&self) -> usize {
        self.graph.edge_count()
    }

    pub fn touchpoint(&self, id: &TouchpointId) -> Option<&Touchpoint> {
        self.index.get(id).and_then(|&n| self.graph.node_weight(n))
    }

    pub fn contains_touchpoint(&self, id: &TouchpointId) -> bool {
        self.index.contains_key(id)
    }

    /// All touchpoints, ordered by id.
    pub fn touchpoints(&self) -> impl Iterator<Item = &Touchpoint> + '_ {
        self.index
            .values()
            .filter_map(|&n| self.graph.node_weight(n))
    }

    /// All handoffs, ordered by (from, to).
    pub fn handoffs(&self) -> Vec<&Handoff> {
        let mut out: Vec<&Handoff> = self.graph.edge_weights().collect();
        out.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
        out
    }

    /// [`Journey::handoffs`] with the touchpoints at their ends (no lookup by id), in
    /// the same order.
    pub fn handoffs_with_ends(&self) -> Vec<(&Handoff, &Touchpoint, &Touchpoint)> {
        use petgraph::visit::{EdgeRef, IntoEdgeReferences};
        let mut out: Vec<(&Handoff, &Touchpoint, &Touchpoint)> = (&self.graph)
            .edge_references()
            .filter_map(|e| {
                let a = self.graph.node_weight(e.source())?;
                let b = self.graph.node_weight(e.target())?;
                Some((e.weight(), a, b))
            })
            .collect();
        out.sort_by(|a, b| (&a.0.from, &a.0.to).cmp(&(&b.0.from, &b.0.to)));
        out
    }

    pub fn handoff(&self, key: &HandoffKey) -> Option<&Handoff> {
        self.edge(key).and_then(|e| self.graph.edge_weight(e))
    }

    /// Handoffs leaving `id`, ordered by target id.
    pub fn outgoing(&self, id: &TouchpointId) -> Vec<&Handoff> {
        self.adjacent(id, Direction::Outgoing)
    }

    /// Handoffs arriving at `id`, ordered by source id.
    pub fn incoming(&self, id: &TouchpointId) -> Vec<&Handoff> {
        self.adjacent(id, Direction::Incoming)
    }

    fn adjacent(&self, id: &TouchpointId, dir: Direction) -> Vec<&Handoff> {
        let Some(&n) = self.index.get(id) else {
            return Vec::new();
        };
        let mut out: Vec<&Handoff> = self
            .graph
            .edges_directed(n, dir)
            .map(|e| e.weight())
            .collect();
        out.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
        out
    }

    pub fn notes(&self) -> impl Iterator<Item = &StickyNote> + '_ {
        self.notes.values()
    }

    pub fn note(&self, id: &NoteId) -> Option<&StickyNote> {
        self.notes.get(id)
    }

    pub fn actions(&self) -> impl Iterator<Item = &ActionItem> + '_ {
        self.actions.values()
    }

    pub fn action(&self, id: &NoteId) -> Option<&ActionItem> {
        self.actions.get(id)
    }

    /// Is a note or action id taken?
    pub fn contains_note_id(&self, id: &str) -> bool {
        let id = NoteId::new(id);
        self.notes.contains_key(&id) || self.actions.contains_key(&id)
    }

    /// The internal petgraph graph, for analysis algorithms inside this crate.
    pub(crate) fn graph(&self) -> &StableDiGraph<Touchpoint, Handoff> {
        &self.graph
    }

    /// The graph node of a touchpoint (an internal handle; valid until the next edit).
    pub(crate) fn node(&self, id: &TouchpointId) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// Every touchpoint with its graph node, ordered by id (internal handles; valid
    /// until the next edit).
    pub(crate) fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Touchpoint)> + '_ {
        self.index
            .values()
            .filter_map(|&n| self.graph.node_weight(n).map(|t| (n, t)))
    }

    fn edge(&self, key: &HandoffKey) -> Option<EdgeIndex> {
        let a = *self.index.get(&key.from)?;
        let b = *self.index.get(&key.to)?;
        self.graph.find_edge(a, b)
    }

    // ----- changing ------------------------------------------------------------------------
    // Every method checks first and changes nothing when it returns an error.
    // The application changes a journey only through `crate::edit::Edit`.

    /// Scenarios are kept sorted by name and driver results by touchpoint id (the
    /// canonical order of the file), whatever order they come in.
    pub fn set_meta(&mut self, mut meta: JourneyMeta) -> Result<JourneyMeta, ModelError> {
        meta.scenarios.sort_by(|a, b| a.name.cmp(&b.name));
        if let Some(d) = &mut meta.drivers {
            d.touchpoints
                .sort_by(|a, b| a.touchpoint.cmp(&b.touchpoint));
        }
        for o in &meta.outcomes {
            check(
                &super::rules::OUTCOME_VALUE,
                Some(o.value),
                what_named("model-what-outcome", &o.name),
            )?;
        }
        let mut names = std::collections::BTreeSet::new();
        for sc in &meta.scenarios {
            if sc.name.trim().is_empty() {
                return Err(ModelError::InvalidValue(crate::i18n::tr(
                    "io-scenario-needs-name",
                )));
            }
            if !names.insert(sc.name.as_str()) {
                return Err(ModelError::InvalidValue(crate::i18n::tr_args(
                    "model-two-scenarios",
                    &[("name", (&sc.name).into())],
                )));
            }
            for ch in &sc.changes {
                ch.check().map_err(|e| {
                    ModelError::InvalidValue(crate::i18n::tr_args(
                        "model-in-scenario",
                        &[("name", (&sc.name).into()), ("error", e.into())],
                    ))
                })?;
            }
        }
        if let Some(d) = &meta.drivers {
            d.check().map_err(ModelError::InvalidValue)?;
        }
        Ok(std::mem::replace(&mut self.meta, meta))
    }

    pub fn insert_stage(&mut self, index: usize, stage: Stage) -> Result<(), ModelError> {
        if !is_valid_id(stage.id.as_str()) {
            return Err(ModelError::InvalidId(stage.id.0));
        }
        if self.stage(&stage.id).is_some() {
            return Err(ModelError::DuplicateId(stage.id.0));
        }
        if index > self.stages.len() {
            return Err(ModelError::OutOfRange(index));
        }
        self.stages.insert(index, stage);
        Ok(())
    }

    /// Remove an empty stage; returns it with its former position.
    pub fn remove_stage(&mut self, id: &StageId) -> Result<(usize, Stage), ModelError> {
        let i = self
            .stage_index(id)
            .ok_or_else(|| ModelError::UnknownStage(id.0.clone()))?;
        if let Some(tp) = self.touchpoints().find(|t| t.stage.as_ref() == Some(id)) {
            return Err(ModelError::InUse(
                named("model-stage-named", id),
                named("model-why-touchpoint-in-it", &tp.id),
            ));
        }
        if self
            .anchors()
            .any(|a| matches!(a, Anchor::Cell(s, _) if s == id))
        {
            return Err(ModelError::InUse(
                named("model-stage-named", id),
                crate::i18n::tr("model-why-note-pinned"),
            ));
        }
        Ok((i, self.stages.remove(i)))
    }

    pub fn update_stage(&mut self, stage: Stage) -> Result<Stage, ModelError> {
        let i = self
            .stage_index(&stage.id)
            .ok_or_else(|| ModelError::UnknownStage(stage.id.0.clone()))?;
        Ok(std::mem::replace(&mut self.stages[i], stage))
    }

    pub fn move_stage(&mut self, from: usize, to: usize) -> Result<(), ModelError> {
        move_in_vec(&mut self.stages, from, to)
    }

    pub fn insert_department(&mut self, index: usize, dept: Department) -> Result<(), ModelError> {
        if !is_valid_id(dept.id.as_str()) {
            return Err(ModelError::InvalidId(dept.id.0));
        }
        if self.department(&dept.id).is_some() {
            return Err(ModelError::DuplicateId(dept.id.0));
        }
        if index > self.departments.len() {
            return Err(ModelError::OutOfRange(index));
        }
        self.departments.insert(index, dept);
        Ok(())
    }

    /// Remove a department that owns nothing; returns it with its former position.
    pub fn remove_department(
        &mut self,
        id: &DepartmentId,
    ) -> Result<(usize, Department), ModelError> {
        let i = self
            .department_index(id)
            .ok_or_else(|| ModelError::UnknownDepartment(id.0.clone()))?;
        if let Some(tp) = self.touchpoints().find(|t| t.owner.as_ref() == Some(id)) {
            return Err(ModelError::InUse(
                named("model-department-named", id),
                named("model-why-owns-touchpoint", &tp.id),
            ));
        }
        if self
            .anchors()
            .any(|a| matches!(a, Anchor::Cell(_, d) if d == id))
        {
            return Err(ModelError::InUse(
                named("model-department-named", id),
                crate::i18n::tr("model-why-note-pinned"),
            ));
        }
        Ok((i, self.departments.remove(i)))
    }

    pub fn update_department(&mut self, dept: Department) -> Result<Department, ModelError> {
        let i = self
            .department_index(&dept.id)
            .ok_or_else(|| ModelError::UnknownDepartment(dept.id.0.clone()))?;
        Ok(std::mem::replace(&mut self.departments[i], dept))
    }

    pub fn move_department(&mut self, from: usize, to: usize) -> Result<(), ModelError> {
        move_in_vec(&mut self.departments, from, to)
    }

    fn check_touchpoint_refs(&self, tp: &Touchpoint) -> Result<(), ModelError> {
        validate_touchpoint_values(tp)?;
        if let Some(s) = &tp.stage
            && self.stage(s).is_none()
        {
            return Err(ModelError::UnknownStage(s.0.clone()));
        }
        if let Some(d) = &tp.owner
            && self.department(d).is_none()
        {
            return Err(ModelError::UnknownDepartment(d.0.clone()));
        }
        Ok(())
    }

    pub fn add_touchpoint(&mut self, tp: Touchpoint) -> Result<(), ModelError> {
        if self.index.contains_key(&tp.id) {
            return Err(ModelError::DuplicateId(tp.id.0));
        }
        self.check_touchpoint_refs(&tp)?;
        let id = tp.id.clone();
        let n = self.graph.add_node(tp);
        self.index.insert(id, n);
        Ok(())
    }

    /// Replace the touchpoint with the same id; returns the old one.
    pub fn update_touchpoint(&mut self, tp: Touchpoint) -> Result<Touchpoint, ModelError> {
        let n = *self
            .index
            .get(&tp.id)
            .ok_or_else(|| ModelError::UnknownTouchpoint(tp.id.0.clone()))?;
        self.check_touchpoint_refs(&tp)?;
        let slot = self
            .graph
            .node_weight_mut(n)
            .ok_or_else(|| ModelError::UnknownTouchpoint(tp.id.0.clone()))?;
        Ok(std::mem::replace(slot, tp))
    }

    /// Remove a touchpoint that has no handoffs and no notes or actions attached.
    pub fn remove_touchpoint(&mut self, id: &TouchpointId) -> Result<Touchpoint, ModelError> {
        let n = *self
            .index
            .get(id)
            .ok_or_else(|| ModelError::UnknownTouchpoint(id.0.clone()))?;
        if self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .next()
            .is_some()
            || self
                .graph
                .edges_directed(n, Direction::Incoming)
                .next()
                .is_some()
        {
            return Err(ModelError::InUse(
                named("model-touchpoint-named", id),
                crate::i18n::tr("model-why-has-handoffs"),
            ));
        }
        if self.anchors().any(|a| a.mentions(id)) {
            return Err(ModelError::InUse(
                named("model-touchpoint-named", id),
                crate::i18n::tr("model-why-note-attached"),
            ));
        }
        self.index.remove(id);
        self.graph
            .remove_node(n)
            .ok_or_else(|| ModelError::UnknownTouchpoint(id.0.clone()))
    }

    pub fn add_handoff(&mut self, h: Handoff) -> Result<(), ModelError> {
        validate_handoff_values(&h)?;
        let a = *self
            .index
            .get(&h.from)
            .ok_or_else(|| ModelError::UnknownTouchpoint(h.from.0.clone()))?;
        let b = *self
            .index
            .get(&h.to)
            .ok_or_else(|| ModelError::UnknownTouchpoint(h.to.0.clone()))?;
        if self.graph.find_edge(a, b).is_some() {
            return Err(ModelError::DuplicateHandoff(h.key().to_string()));
        }
        self.graph.add_edge(a, b, h);
        Ok(())
    }

    pub fn update_handoff(&mut self, h: Handoff) -> Result<Handoff, ModelError> {
        validate_handoff_values(&h)?;
        let e = self
            .edge(&h.key())
            .ok_or_else(|| ModelError::UnknownHandoff(h.key().to_string()))?;
        let slot = self
            .graph
            .edge_weight_mut(e)
            .ok_or_else(|| ModelError::UnknownHandoff(h.key().to_string()))?;
        Ok(std::mem::replace(slot, h))
    }

    /// Remove a handoff that has no notes or actions attached.
    pub fn remove_handoff(&mut self, key: &HandoffKey) -> Result<Handoff, ModelError> {
        let e = self
            .edge(key)
            .ok_or_else(|| ModelError::UnknownHandoff(key.to_string()))?;
        if self
            .anchors()
            .any(|a| matches!(a, Anchor::Handoff(k) if k == key))
        {
            return Err(ModelError::InUse(
                named("model-handoff-named", key),
                crate::i18n::tr("model-why-note-attached"),
            ));
        }
        self.graph
            .remove_edge(e)
            .ok_or_else(|| ModelError::UnknownHandoff(key.to_string()))
    }

    fn anchors(&self) -> impl Iterator<Item = &Anchor> + '_ {
        self.notes
            .values()
            .map(|n| &n.anchor)
            .chain(self.actions.values().map(|a| &a.anchor))
    }

    fn check_anchor(&self, anchor: &Anchor) -> Result<(), ModelError> {
        match anchor {
            Anchor::Journey => Ok(()),
            Anchor::Touchpoint(t) => {
                if self.contains_touchpoint(t) {
                    Ok(())
                } else {
                    Err(ModelError::UnknownTouchpoint(t.0.clone()))
                }
            }
            Anchor::Handoff(k) => {
                if self.handoff(k).is_some() {
                    Ok(())
                } else {
                    Err(ModelError::UnknownHandoff(k.to_string()))
                }
            }
            Anchor::Cell(s, d) => {
                if self.stage(s).is_none() {
                    Err(ModelError::UnknownStage(s.0.clone()))
                } else if self.department(d).is_none() {
                    Err(ModelError::UnknownDepartment(d.0.clone()))
                } else {
                    Ok(())
                }
            }
        }
    }

    fn check_new_note_id(&self, id: &NoteId) -> Result<(), ModelError> {
        if !is_valid_id(id.as_str()) {
            return Err(ModelError::InvalidId(id.0.clone()));
        }
        if self.contains_note_id(id.as_str()) {
            return Err(ModelError::DuplicateId(id.0.clone()));
        }
        Ok(())
    }

    pub fn add_note(&mut self, note: StickyNote) -> Result<(), ModelError> {
        self.check_new_note_id(&note.id)?;
        self.check_anchor(&note.anchor)?;
        self.notes.insert(note.id.clone(), note);
        Ok(())
    }

    pub fn update_note(&mut self, note: StickyNote) -> Result<StickyNote, ModelError> {
        if !self.notes.contains_key(&note.id) {
            return Err(ModelError::UnknownNote(note.id.0));
        }
        self.check_anchor(&note.anchor)?;
        self.notes
            .insert(note.id.clone(), note.clone())
            .ok_or(ModelError::UnknownNote(note.id.0))
    }

    pub fn remove_note(&mut self, id: &NoteId) -> Result<StickyNote, ModelError> {
        self.notes
            .remove(id)
            .ok_or_else(|| ModelError::UnknownNote(id.0.clone()))
    }

    pub fn add_action(&mut self, action: ActionItem) -> Result<(), ModelError> {
        self.check_new_note_id(&action.id)?;
        self.check_anchor(&action.anchor)?;
        self.actions.insert(action.id.clone(), action);
        Ok(())
    }

    pub fn update_action(&mut self, action: ActionItem) -> Result<ActionItem, ModelError> {
        if !self.actions.contains_key(&action.id) {
            return Err(ModelError::UnknownNote(action.id.0));
        }
        self.check_anchor(&action.anchor)?;
        self.actions
            .insert(action.id.clone(), action.clone())
            .ok_or(ModelError::UnknownNote(action.id.0))
    }

    pub fn remove_action(&mut self, id: &NoteId) -> Result<ActionItem, ModelError> {
        self.actions
            .remove(id)
            .ok_or_else(|| ModelError::UnknownNote(id.0.clone()))
    }
}

impl Anchor {
    /// Does this anchor refer to touchpoint `id` (directly or through a handoff)?
    pub fn mentions(&self, id: &TouchpointId) -> bool {
        match self {
            Anchor::Touchpoint(t) => t == id,
            Anchor::Handoff(k) => &k.from == id || &k.to == id,
            Anchor::Journey | Anchor::Cell(..) => false,
        }
    }
}

fn move_in_vec<T>(v: &mut Vec<T>, from: usize, to: usize) -> Result<(), ModelError> {
    if from >= v.len() {
        return Err(ModelError::OutOfRange(from));
    }
    if to >= v.len() {
        return Err(ModelError::OutOfRange(to));
    }
    let item = v.remove(from);
    v.insert(to, item);
    Ok(())
}

impl Journey {
    /// A new journey ready to capture: the four stages of a typical service journey
    /// and a Customer lane (customer actions always have a lane).
    /// A neutral empty journey for File > New: the customer lane and three stages
    /// named "Stage 1".."Stage 3" (to be renamed), no domain-specific names.
    pub fn neutral(title: &str) -> Journey {
        let mut j = Journey::new(title);
        for i in 0..3 {
            let _ = j.insert_stage(
                i,
                Stage::new(format!("stage-{}", i + 1), format!("Stage {}", i + 1)),
            );
        }
        let mut customer = Department::new("customer", "Customer", Rgb(0x6b, 0x6b, 0x6b));
        customer.kind = DepartmentKind::Customer;
        let _ = j.insert_department(0, customer);
        j
    }

    pub fn starter(title: &str) -> Journey {
        let mut j = Journey::new(title);
        for (i, (id, name)) in [
            ("notify", "Notify"),
            ("stop-old", "Stop old"),
            ("start-new", "Start new"),
            ("first-bill", "First bill"),
        ]
        .into_iter()
        .enumerate()
        {
            let _ = j.insert_stage(i, Stage::new(id, name));
        }
        let mut customer = Department::new("customer", "Customer", Rgb(0x6b, 0x6b, 0x6b));
        customer.kind = DepartmentKind::Customer;
        let _ = j.insert_department(0, customer);
        j
    }
}

#[cfg(test)]
mod tests {
    /// The handoffs with their ends come in the order of `handoffs`, each with the
    /// touchpoints its ids name and the class `handoff_class` gives.
    #[test]
    fn handoffs_with_ends_match_the_lookups() {
        for (name, _) in crate::samples::SAMPLES {
            let j = crate::samples::load_sample(name).unwrap().unwrap();
            let plain = j.handoffs();
            let with = j.handoffs_with_ends();
            assert_eq!(plain.len(), with.len(), "{name}");
            assert!(!with.is_empty(), "{name}");
            for (h, (g, a, b)) in plain.iter().zip(&with) {
                assert_eq!(h.key(), g.key());
                assert_eq!(a.id, h.from);
                assert_eq!(b.id, h.to);
                assert_eq!(
                    super::HandoffClass::of(j.end_of_touchpoint(a), j.end_of_touchpoint(b)),
                    j.handoff_class(&h.from, &h.to)
                );
            }
        }
    }
}
