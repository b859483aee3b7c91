//! Rework loops: cycles of handoffs (strongly connected components found with
//! petgraph's `tarjan_scc`, and self-loops), such as "the customer calls to ask
//! what is happening" feeding back into the process.

use super::gaps::Dense;
use super::graph::{Ctx, Side};
use super::{HandoffRef, ReworkLoop};
use std::collections::BTreeSet;

pub(crate) fn compute(ctx: &Ctx, out: &mut Dense) -> Vec<ReworkLoop> {
    let graph = ctx.journey.graph();
    let dense = &ctx.node_dense;
    let mut comp = vec![usize::MAX; ctx.n()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for scc in petgraph::algo::tarjan_scc(graph) {
        let members: Vec<usize> = scc
            .iter()
            .filter_map(|n| dense.get(n.index()).copied())
            .filter(|&i| i < ctx.n())
            .collect();
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
