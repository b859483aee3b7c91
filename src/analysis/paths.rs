//! Paths from entries to ends on the journey without its back edges: counts, the
//! critical (longest) path, the typical path, and their figures. Linear in the size
//! of the journey: paths are listed one by one only when there are few.

use super::graph::{Ctx, Side};
use super::handoffs::cross_department;
use super::{AnalysisConfig, PathStats, PathSummary, SilentRun};

/// Forward (non-back) outgoing edges of `i`, as edge indices.
pub(crate) fn forward_out<'c>(ctx: &'c Ctx, i: usize) -> impl Iterator<Item = usize> + 'c {
    ctx.out[i]
        .iter()
        .copied()
        .filter(move |&k| !ctx.is_back(&ctx.edges[k]))
}

fn forward_in<'c>(ctx: &'c Ctx, i: usize) -> impl Iterator<Item = usize> + 'c {
    ctx.inc[i]
        .iter()
        .copied()
        .filter(move |&k| !ctx.is_back(&ctx.edges[k]))
}

/// Entry and end touchpoints (dense, journey order). With handoffs: entries have
/// forward handoffs leaving and none arriving, ends the reverse; touchpoints without
/// any handoff are left out. Without handoffs every touchpoint is both.
pub(crate) fn entries_and_ends(ctx: &Ctx) -> (Vec<usize>, Vec<usize>) {
    if ctx.edges.is_empty() {
        return (ctx.order.clone(), ctx.order.clone());
    }
    let mut entries = Vec::new();
    let mut ends = Vec::new();
    for &i in &ctx.order {
        let has_in = forward_in(ctx, i).next().is_some();
        let has_out = forward_out(ctx, i).next().is_some();
        if has_out && !has_in {
            entries.push(i);
        }
        if has_in && !has_out {
            ends.push(i);
        }
    }
    (entries, ends)
}

pub(crate) fn compute(ctx: &Ctx, config: &AnalysisConfig) -> PathSummary {
    let n = ctx.n();
    let (entries, ends) = entries_and_ends(ctx);
    let mut is_entry = vec![false; n];
    for &i in &entries {
        is_entry[i] = true;
    }
    // Counts and longest elapsed time, in journey order (a topological order of the
    // forward edges).
    let mut count = vec![0u64; n];
    // Counts past u64::MAX saturate; these flags say which ones did.
    let mut saturated = vec![false; n];
    let mut dist = vec![f64::NEG_INFINITY; n];
    let mut pred: Vec<Option<usize>> = vec![None; n];
    for &i in &ctx.order {
        if is_entry[i] {
            count[i] = 1;
            dist[i] = ctx.handling_hours(i);
        }
        if dist[i] == f64::NEG_INFINITY {
            continue;
        }
        for k in forward_out(ctx, i) {
            let e = ctx.edges[k];
            match count[e.to].checked_add(count[i]) {
                Some(c) => count[e.to] = c,
                None => {
                    count[e.to] = u64::MAX;
                    saturated[e.to] = true;
                }
            }
            saturated[e.to] |= saturated[i];
            let d = dist[i] + e.wait() + ctx.handling_hours(e.to);
            if d > dist[e.to] {
                dist[e.to] = d;
                pred[e.to] = Some(i);
            }
        }
    }
    let mut total_saturated = false;
    let mut total = 0u64;
    for &i in &ends {
        total_saturated |= saturated[i];
        total = total.checked_add(count[i]).unwrap_or_else(|| {
            total_saturated = true;
            u64::MAX
        });
    }
    let mut best: Option<usize> = None;
    for &i in &ends {
        if dist[i] > f64::NEG_INFINITY && best.is_none_or(|b| dist[i] > dist[b]) {
            best = Some(i);
        }
    }
    let longest = best.map(|end| {
        let mut nodes = vec![end];
        let mut cur = end;
        while let Some(p) = pred[cur] {
            nodes.push(p);
            cur = p;
        }
        nodes.reverse();
        path_stats(ctx, &nodes)
    });
    let typical = typical_path(ctx, &entries).map(|nodes| path_stats(ctx, &nodes));
    let listed = if !total_saturated && total <= config.max_listed_paths as u64 {
        let mut all = Vec::new();
        for &s in &entries {
            list_paths(ctx, s, &mut all);
        }
        all.iter().map(|p| path_stats(ctx, p)).collect()
    } else {
        Vec::new()
    };
    PathSummary {
        entries: entries.iter().map(|&i| ctx.id(i)).collect(),
        ends: ends.iter().map(|&i| ctx.id(i)).collect(),
        count: total,
        saturated: total_saturated,
        longest,
        typical,
        listed,
    }
}

/// Every forward path from `start` to an end (only called when the count is small;
/// iterative, so a long chain cannot overflow the stack).
fn list_paths(ctx: &Ctx, start: usize, all: &mut Vec<Vec<usize>>) {
    // (touchpoint, forward successors still to visit)
    let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, successors(ctx, start))];
    let mut path = vec![start];
    if stack.last().is_some_and(|(_, s)| s.is_empty()) {
        all.push(path.clone());
    }
    while let Some((_, todo)) = stack.last_mut() {
        match todo.pop() {
            Some(next) => {
                path.push(next);
                let succ = successors(ctx, next);
                if succ.is_empty() {
                    all.push(path.clone());
                    path.pop();
                } else {
                    stack.push((next, succ));
                }
            }
            None => {
                stack.pop();
                path.pop();
            }
        }
    }
}

/// Forward successors in reverse journey order (popped from the back: journey order).
fn successors(ctx: &Ctx, i: usize) -> Vec<usize> {
    let mut v: Vec<usize> = forward_out(ctx, i).map(|k| ctx.edges[k].to).collect();
    v.sort_by_key(|&t| std::cmp::Reverse(ctx.pos[t]));
    v
}

/// The typical path: from the entry with the highest volume, follow the forward
/// handoff to the successor with the highest volume (ties: earlier in journey order).
pub(crate) fn typical_path(ctx: &Ctx, entries: &[usize]) -> Option<Vec<usize>> {
    let volume = |i: usize| ctx.tps[i].volume.unwrap_or(0);
    let start = pick(ctx, entries.iter().copied(), volume)?;
    let mut nodes = vec![start];
    let mut cur = start;
    // Forward edges strictly increase the position: at most n steps.
    while let Some(next) = pick(ctx, forward_out(ctx, cur).map(|k| ctx.edges[k].to), volume) {
        nodes.push(next);
        cur = next;
    }
    Some(nodes)
}

/// The candidate with the highest volume; ties go to the earliest in journey order.
fn pick(
    ctx: &Ctx,
    candidates: impl Iterator<Item = usize>,
    volume: impl Fn(usize) -> u64,
) -> Option<usize> {
    candidates.min_by_key(|&i| (std::cmp::Reverse(volume(i)), ctx.pos[i]))
}

/// The figures of a path given as dense touchpoints (consecutive ones joined by a
/// handoff).
pub(crate) fn path_stats(ctx: &Ctx, nodes: &[usize]) -> PathStats {
    let mut stats = PathStats {
        touchpoints: nodes.iter().map(|&i| ctx.id(i)).collect(),
        ..PathStats::default()
    };
    stats.handling_hours = nodes.iter().map(|&i| ctx.handling_hours(i)).sum();
    let mut last_owner = None;
    for &i in nodes {
        if let Some(o) = ctx.owner[i] {
            if last_owner.is_some_and(|l| l != o) {
                stats.department_changes += 1;
            }
            last_owner = Some(o);
        }
    }
    // Silent runs: consecutive internal handoffs, joined at hidden touchpoints.
    let mut best = SilentRun::default();
    let mut run = SilentRun::default();
    for pair in nodes.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(k) = edge_between(ctx, a, b) else {
            continue;
        };
        let e = ctx.edges[k];
        stats.handoffs += 1;
        stats.wait_hours += e.wait();
        let internal = matches!(
            (ctx.side[a], ctx.side[b]),
            (Side::Company(_), Side::Company(_))
        );
        if internal {
            stats.internal_handoffs += 1;
        }
        if cross_department(ctx, &e) {
            stats.cross_department_handoffs += 1;
        }
        let silent = internal && !(ctx.visible(a) && ctx.visible(b));
        // A run continues only through a touchpoint the customer cannot see.
        if !silent || (run.handoffs > 0 && ctx.visible(a)) {
            if run.handoffs > best.handoffs {
                best = std::mem::take(&mut run);
            }
            run = SilentRun::default();
        }
        if silent {
            if run.handoffs == 0 {
                run.touchpoints.push(ctx.id(a));
            } else {
                run.hours += ctx.handling_hours(a);
            }
            run.handoffs += 1;
            run.hours += e.wait();
            run.touchpoints.push(ctx.id(b));
        }
    }
    if run.handoffs > best.handoffs {
        best = run;
    }
    stats.longest_silent_run = best;
    stats.elapsed_hours = stats.handling_hours + stats.wait_hours;
    stats
}

/// The edge from `a` to `b`, if any.
pub(crate) fn edge_between(ctx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let list = &ctx.out[a];
    list.binary_search_by_key(&b, |&k| ctx.edges[k].to)
        .ok()
        .and_then(|p| list.get(p).copied())
}
