//! The reading order of touchpoints in text exports: stage by stage (touchpoints
//! without a stage first), and inside a stage in the order of the handoffs (a
//! topological order; a rework loop is broken at its smallest touchpoint), ties by
//! department lane, manual order, then id. Deterministic: no hash-map order anywhere.

use crate::model::{Journey, Touchpoint, TouchpointId};
use std::collections::{BTreeMap, BTreeSet};

type Key<'a> = (usize, usize, i64, &'a str);

/// Touchpoints in reading order.
pub fn reading_order(journey: &Journey) -> Vec<&Touchpoint> {
    let key = |t: &Touchpoint| -> (usize, usize, i64) {
        let stage = t
            .stage
            .as_ref()
            .and_then(|s| journey.stage_index(s))
            .map_or(0, |i| i + 1);
        let lane = t
            .owner
            .as_ref()
            .and_then(|d| journey.department_index(d))
            .unwrap_or(usize::MAX);
        (stage, lane, t.order.map_or(i64::MAX, i64::from))
    };
    let tps: BTreeMap<&TouchpointId, &Touchpoint> =
        journey.touchpoints().map(|t| (&t.id, t)).collect();
    let keys: BTreeMap<&TouchpointId, Key<'_>> = tps
        .iter()
        .map(|(id, t)| {
            let (s, l, o) = key(t);
            (*id, (s, l, o, id.as_str()))
        })
        .collect();
    // Kahn's algorithm with a sorted ready set.
    let mut indegree: BTreeMap<&TouchpointId, usize> = tps.keys().map(|id| (*id, 0)).collect();
    for h in journey.handoffs() {
        if h.from != h.to
            && let Some(d) = indegree.get_mut(&h.to)
        {
            *d += 1;
        }
    }
    let mut ready: BTreeSet<Key<'_>> = BTreeSet::new();
    let mut waiting: BTreeSet<Key<'_>> = BTreeSet::new();
    for (id, d) in &indegree {
        if let Some(k) = keys.get(id) {
            if *d == 0 {
                ready.insert(*k);
            } else {
                waiting.insert(*k);
            }
        }
    }
    let mut rank: BTreeMap<&str, usize> = BTreeMap::new();
    while rank.len() < tps.len() {
        // A cycle (rework loop) leaves nothing ready: take the smallest waiting one.
        let next = match ready.pop_first() {
            Some(k) => k,
            None => match waiting.pop_first() {
                Some(k) => k,
                None => break,
            },
        };
        let id = TouchpointId::new(next.3);
        rank.insert(next.3, rank.len());
        for h in journey.outgoing(&id) {
            if h.from == h.to || rank.contains_key(h.to.as_str()) {
                continue;
            }
            if let Some(d) = indegree.get_mut(&h.to) {
                *d = d.saturating_sub(1);
                if *d == 0
                    && let Some(k) = keys.get(&h.to)
                    && waiting.remove(k)
                {
                    ready.insert(*k);
                }
            }
        }
    }
    let mut out: Vec<&Touchpoint> = tps.values().copied().collect();
    out.sort_by_key(|t| {
        let (stage, _, _) = key(t);
        (
            stage,
            rank.get(t.id.as_str()).copied().unwrap_or(usize::MAX),
        )
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Handoff, Stage};

    fn ids(j: &Journey) -> Vec<String> {
        reading_order(j).iter().map(|t| t.id.0.clone()).collect()
    }

    #[test]
    fn follows_handoffs_inside_stages_and_breaks_loops() {
        let mut j = Journey::new("t");
        j.insert_stage(0, Stage::new("s1", "One")).unwrap();
        j.insert_stage(1, Stage::new("s2", "Two")).unwrap();
        for (id, stage) in [("z", "s1"), ("a", "s1"), ("m", "s2"), ("b", "s2")] {
            let mut t = Touchpoint::new(id, id);
            t.stage = Some(crate::model::StageId::new(stage));
            j.add_touchpoint(t).unwrap();
        }
        j.add_touchpoint(Touchpoint::new("free", "No stage"))
            .unwrap();
        // z -> a -> m -> b, and a rework loop b -> a.
        for (f, t) in [("z", "a"), ("a", "m"), ("m", "b"), ("b", "a")] {
            j.add_handoff(Handoff::new(f, t)).unwrap();
        }
        assert_eq!(ids(&j), ["free", "z", "a", "m", "b"]);
    }
}
