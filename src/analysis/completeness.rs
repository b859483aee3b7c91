//! Completeness: what the map does not say yet (no owner, no metric, no score, no
//! stage), and touchpoints the handoffs do not connect properly.

use super::Completeness;
use super::gaps::Dense;
use super::graph::{Ctx, Side};

/// The touchpoints the journey starts from: no handoff arrives and one leaves. When
/// every touchpoint has an incoming handoff (a journey that is one big loop), the
/// first touchpoint in journey order that has an outgoing handoff.
pub(crate) fn starts(ctx: &Ctx) -> Vec<usize> {
    let mut starts: Vec<usize> = ctx
        .order
        .iter()
        .copied()
        .filter(|&i| ctx.inc[i].is_empty() && !ctx.out[i].is_empty())
        .collect();
    if starts.is_empty()
        && let Some(&i) = ctx.order.iter().find(|&&i| !ctx.out[i].is_empty())
    {
        starts.push(i);
    }
    starts
}

pub(crate) fn compute(ctx: &Ctx, d: &mut Dense) -> Completeness {
    let n = ctx.n();
    let mut c = Completeness::default();
    // Reachability over every handoff, back edges included.
    let mut reached = vec![false; n];
    let mut queue = starts(ctx);
    for &i in &queue {
        reached[i] = true;
    }
    while let Some(i) = queue.pop() {
        for &k in &ctx.out[i] {
            let t = ctx.edges[k].to;
            if !reached[t] {
                reached[t] = true;
                queue.push(t);
            }
        }
    }
    let last_stage = (0..n).filter_map(|i| ctx.stage[i]).max();
    for &i in &ctx.order {
        let tp = ctx.tps[i];
        let linked = !ctx.inc[i].is_empty() || !ctx.out[i].is_empty();
        if tp.owner.is_none() {
            c.no_owner.push(tp.id.clone());
            d.no_owner.push(i);
        }
        if ctx.side[i] != Side::Customer && !tp.metrics.iter().any(|m| m.target.is_some()) {
            c.unmeasured.push(tp.id.clone());
            d.unmeasured.push(i);
        }
        if ctx.mean[i].is_none() {
            c.no_score.push(tp.id.clone());
            d.no_score.push(i);
        }
        if tp.stage.is_none() {
            c.no_stage.push(tp.id.clone());
            d.no_stage.push(i);
        }
        if !linked && n > 1 {
            c.disconnected.push(tp.id.clone());
            d.disconnected.push(i);
        }
        if linked && !reached[i] {
            c.unreachable.push(tp.id.clone());
            d.unreachable.push(i);
        }
        if !ctx.inc[i].is_empty()
            && ctx.out[i].is_empty()
            && !ctx.visible(i)
            && last_stage.is_some_and(|last| ctx.eff_stage[i] < last)
        {
            c.dead_ends.push(tp.id.clone());
            d.dead_ends.push(i);
        }
    }
    let mut owns = vec![false; ctx.journey.departments().len()];
    for o in ctx.owner.iter().flatten() {
        if let Some(slot) = owns.get_mut(*o) {
            *slot = true;
        }
    }
    c.idle_departments = ctx
        .journey
        .departments()
        .iter()
        .zip(&owns)
        .filter(|(_, owns)| !**owns)
        .map(|(d, _)| d.id.clone())
        .collect();
    c
}
