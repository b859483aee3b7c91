//! Rework loops: cycles of handoffs (strongly connected components found with an
//! iterative Tarjan, and self-loops), such as "the customer calls to ask what is
//! happening" feeding back into the process.
//!
//! petgraph's `tarjan_scc` recurses once per touchpoint on a path: a 100,000-touchpoint
//! chain (a valid file) overflowed the stack. Files control the depth, so the walk here
//! keeps its own stack.

use super::gaps::Dense;
use super::graph::{Ctx, Side};
use super::{HandoffRef, ReworkLoop};
use std::collections::BTreeSet;

pub(crate) fn compute(ctx: &Ctx, out: &mut Dense) -> Vec<ReworkLoop> {
    let mut comp = vec![usize::MAX; ctx.n()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for members in strongly_connected(ctx) {
        let cyclic = members.len() > 1
            || members
                .first()
                .is_some_and(|&i| ctx.out[i].iter().any(|&k| ctx.edges[k].to == i));
        if cyclic {
            groups.push(members);
        }
    }
    for members in &mut groups {
        members.sort_by_key(|&i| ctx.pos[i]);
    }
    groups.sort_by_key(|m| m.first().map(|&i| ctx.pos[i]));
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            comp[i] = g;
        }
    }
    out.loops = groups.clone();
    let loops: Vec<ReworkLoop> = groups
        .into_iter()
        .enumerate()
        .map(|(g, members)| {
            let mut back = Vec::new();
            for &i in &members {
                for &k in &ctx.out[i] {
                    let e = ctx.edges[k];
                    if comp[e.to] == g && ctx.is_back(&e) {
                        back.push(HandoffRef {
                            from: ctx.id(e.from),
                            to: ctx.id(e.to),
                        });
                    }
                }
            }
            back.sort();
            let mut seen = BTreeSet::new();
            let owners = members
                .iter()
                .filter_map(|&i| ctx.tps[i].owner.clone())
                .filter(|o| seen.insert(o.clone()))
                .collect();
            ReworkLoop {
                touchpoints: members.iter().map(|&i| ctx.id(i)).collect(),
                back_handoffs: back,
                owners,
                involves_customer: members.iter().any(|&i| ctx.side[i] == Side::Customer),
            }
        })
        .collect();
    loops
}

/// The handoffs that close a rework loop (the loops' `back_handoffs`): what the map
/// draws as rework. For callers without an [`Analysis`](super::Analysis); with one, the
/// same set is `analysis.loops[..].back_handoffs`.
pub fn rework_handoffs(journey: &crate::model::Journey) -> BTreeSet<crate::model::HandoffKey> {
    let ctx = Ctx::new(journey);
    compute(&ctx, &mut Dense::default())
        .into_iter()
        .flat_map(|l| l.back_handoffs)
        .map(|h| h.key())
        .collect()
}

/// Strongly connected components of the handoff graph (dense indices), by Tarjan's
/// algorithm with an explicit stack: memory and time linear, no recursion.
pub(crate) fn strongly_connected(ctx: &Ctx) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = ctx.n();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    // (touchpoint, next position in its out list)
    let mut call: Vec<(usize, usize)> = Vec::new();
    let mut next = 0usize;
    let mut out = Vec::new();
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        call.push((root, 0));
        while let Some(&mut (v, ref mut pos)) = call.last_mut() {
            if let Some(&k) = ctx.out[v].get(*pos) {
                *pos += 1;
                let w = ctx.edges[k].to;
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(members);
            }
        }
    }
    out
}
