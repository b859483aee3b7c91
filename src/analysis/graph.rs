//! A dense, read-only view of a journey's graph for the analysis passes, and the
//! journey order.
//!
//! Touchpoints get dense indices `0..n` in id order (the order of
//! [`Journey::touchpoints`]); handoffs get dense indices in `(from, to)` id order.
//! Nothing here leaves the analysis module: results are reported by id.

use crate::model::{
    DepartmentId, DepartmentKind, End, Handoff, Journey, Layer, StageId, Touchpoint, TouchpointId,
};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use std::collections::{BTreeMap, BTreeSet};

/// Which side of the customer/company line a touchpoint's owner is on: the model's
/// [`End`], the company department by its `departments()` index.
pub(crate) type Side = End<usize>;

/// One handoff with dense ends.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge<'a> {
    pub from: usize,
    pub to: usize,
    pub h: &'a Handoff,
}

impl Edge<'_> {
    pub fn wait(&self) -> f64 {
        self.h.wait_hours.unwrap_or(0.0)
    }
}

pub(crate) struct Ctx<'a> {
    pub journey: &'a Journey,
    /// Touchpoints in id order.
    pub tps: Vec<&'a Touchpoint>,
    /// Dense index of each graph node (`usize::MAX` for a free slot).
    pub node_dense: Vec<usize>,
    /// Mean score of each touchpoint (finite), `None` without one.
    pub mean: Vec<Option<f64>>,
    /// Handoffs in (from, to) order.
    pub edges: Vec<Edge<'a>>,
    /// Outgoing edge indices per touchpoint, by target id.
    pub out: Vec<Vec<usize>>,
    /// Incoming edge indices per touchpoint, by source id.
    pub inc: Vec<Vec<usize>>,
    pub side: Vec<Side>,
    /// Owner index into `departments()` (any kind), `None` when unowned.
    pub owner: Vec<Option<usize>>,
    /// Stage index, `None` when the touchpoint has no stage.
    pub stage: Vec<Option<usize>>,
    /// Journey order: dense indices.
    pub order: Vec<usize>,
    /// Position of each touchpoint in `order`.
    pub pos: Vec<usize>,
    /// Stage rank used for ordering (unstaged touchpoints inherit their predecessors').
    pub eff_stage: Vec<usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(journey: &'a Journey) -> Ctx<'a> {
        let graph = journey.graph();
        let mut tps: Vec<&Touchpoint> = Vec::with_capacity(journey.touchpoint_count());
        let mut dense = vec![usize::MAX; graph.node_bound()];
        for (i, (n, tp)) in journey.nodes().enumerate() {
            tps.push(tp);
            if let Some(slot) = dense.get_mut(n.index()) {
                *slot = i;
            }
        }
        let mut edges: Vec<Edge> = graph
            .edge_references()
            .filter_map(|e| {
                let from = *dense.get(e.source().index())?;
                let to = *dense.get(e.target().index())?;
                (from < tps.len() && to < tps.len()).then_some(Edge {
                    from,
                    to,
                    h: e.weight(),
                })
            })
            .collect();
        edges.sort_by_key(|e| (e.from, e.to));
        let n = tps.len();
        let mut out = vec![Vec::new(); n];
        let mut inc = vec![Vec::new(); n];
        for (k, e) in edges.iter().enumerate() {
            out[e.from].push(k);
            inc[e.to].push(k);
        }
        for list in &mut inc {
            list.sort_by_key(|&k| edges[k].from);
        }
        let departments = journey.departments();
        let dept_map: BTreeMap<&DepartmentId, usize> = departments
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.id, i))
            .collect();
        let dept_index = |id: &DepartmentId| dept_map.get(id).copied();
        let stage_map: BTreeMap<&StageId, usize> = journey
            .stages()
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        let owner: Vec<Option<usize>> = tps
            .iter()
            .map(|t| t.owner.as_ref().and_then(dept_index))
            .collect();
        let side = owner
            .iter()
            .map(|o| match o {
                None => Side::Unowned,
                Some(d) => match departments.get(*d).map(|d| d.kind) {
                    Some(DepartmentKind::Customer) => Side::Customer,
                    Some(_) => Side::Company(*d),
                    None => Side::Unowned,
                },
            })
            .collect();
        let stage = tps
            .iter()
            .map(|t| t.stage.as_ref().and_then(|s| stage_map.get(s).copied()))
            .collect();
        let mean = tps
            .iter()
            .map(|t| t.mean_score().filter(|m| m.is_finite()))
            .collect();
        let mut ctx = Ctx {
            journey,
            node_dense: dense,
            mean,
            tps,
            edges,
            out,
            inc,
            side,
            owner,
            stage,
            order: Vec::new(),
            pos: Vec::new(),
            eff_stage: Vec::new(),
        };
        ctx.compute_order();
        ctx
    }

    pub fn n(&self) -> usize {
        self.tps.len()
    }

    pub fn id(&self, i: usize) -> TouchpointId {
        self.tps[i].id.clone()
    }

    /// The dense index of a touchpoint id.
    pub fn dense_of(&self, id: &TouchpointId) -> Option<usize> {
        let n = self.journey.node(id)?;
        self.node_dense
            .get(n.index())
            .copied()
            .filter(|&i| i < self.n())
    }

    pub fn owner_id(&self, i: usize) -> Option<DepartmentId> {
        self.tps[i].owner.clone()
    }

    /// The owner's display name ("(no owner)" when unowned).
    pub fn owner_name(&self, i: usize) -> String {
        match self.owner[i].and_then(|d| self.journey.departments().get(d)) {
            Some(d) => d.name.clone(),
            None => self.journey.department_name(self.tps[i].owner.as_ref()),
        }
    }

    /// Is this handoff going backwards in journey order (a rework edge or a self-loop)?
    pub fn is_back(&self, e: &Edge) -> bool {
        self.pos[e.to] <= self.pos[e.from]
    }

    /// Can the customer see or hear this touchpoint (customer action or frontstage)?
    pub fn visible(&self, i: usize) -> bool {
        matches!(self.tps[i].layer, Layer::CustomerAction | Layer::Frontstage)
            || self.side[i] == Side::Customer
    }

    /// Handling time of a touchpoint in hours.
    pub fn handling_hours(&self, i: usize) -> f64 {
        self.tps[i].handling_minutes.unwrap_or(0.0) / 60.0
    }

    /// Journey order: stage order first, then a topological order of the handoff
    /// graph that breaks cycles at the earliest touchpoint reachable from what is
    /// already ordered, then id. Unstaged touchpoints take the latest stage of
    /// their ordered predecessors (the first stage when they have none).
    fn compute_order(&mut self) {
        let n = self.n();
        let mut eff: Vec<usize> = self.stage.iter().map(|s| s.unwrap_or(0)).collect();
        // A handoff into an earlier stage goes back by definition: it does not order.
        let orders = |k: usize| {
            let e = &self.edges[k];
            e.from != e.to
                && !matches!((self.stage[e.from], self.stage[e.to]), (Some(a), Some(b)) if a > b)
        };
        let mut indeg: Vec<usize> = (0..n)
            .map(|i| self.inc[i].iter().filter(|&&k| orders(k)).count())
            .collect();
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            Unseen,
            Frontier,
            Ready,
            Done,
        }
        let mut state = vec![State::Unseen; n];
        let mut remaining: BTreeSet<(usize, usize)> = (0..n).map(|i| (eff[i], i)).collect();
        let mut ready: BTreeSet<(usize, usize)> = BTreeSet::new();
        let mut frontier: BTreeSet<(usize, usize)> = BTreeSet::new();
        for i in 0..n {
            if indeg[i] == 0 {
                state[i] = State::Ready;
                ready.insert((eff[i], i));
            }
        }
        let mut kahn_rank = vec![0usize; n];
        let mut rank = 0;
        loop {
            let next = ready
                .pop_first()
                .or_else(|| frontier.pop_first())
                .or_else(|| remaining.first().copied());
            let Some((key, i)) = next else { break };
            remaining.remove(&(key, i));
            state[i] = State::Done;
            kahn_rank[i] = rank;
            rank += 1;
            for &k in &self.out[i] {
                let m = self.edges[k].to;
                if state[m] == State::Done || !orders(k) {
                    continue;
                }
                indeg[m] = indeg[m].saturating_sub(1);
                let old = (eff[m], m);
                if self.stage[m].is_none() && eff[i] > eff[m] {
                    eff[m] = eff[i];
                }
                let new = (eff[m], m);
                remaining.remove(&old);
                remaining.insert(new);
                match state[m] {
                    State::Ready => {
                        ready.remove(&old);
                        ready.insert(new);
                    }
                    State::Frontier => {
                        frontier.remove(&old);
                        if indeg[m] == 0 {
                            state[m] = State::Ready;
                            ready.insert(new);
                        } else {
                            frontier.insert(new);
                        }
                    }
                    State::Unseen => {
                        if indeg[m] == 0 {
                            state[m] = State::Ready;
                            ready.insert(new);
                        } else {
                            state[m] = State::Frontier;
                            frontier.insert(new);
                        }
                    }
                    State::Done => {}
                }
            }
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (eff[i], kahn_rank[i]));
        let mut pos = vec![0; n];
        for (p, &i) in order.iter().enumerate() {
            pos[i] = p;
        }
        self.order = order;
        self.pos = pos;
        self.eff_stage = eff;
    }
}
