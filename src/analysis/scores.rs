//! Satisfaction figures: per-touchpoint statistics, split opinions, drops across
//! handoffs, the emotion curve, watermelons, hot spots and the funnel.

use super::gaps::Dense;
use super::graph::{Ctx, Side};
use super::handoffs::cross_department;
use super::paths::{entries_and_ends, typical_path};
use super::{
    AnalysisConfig, CurvePoint, Funnel, FunnelStep, Headline, HotSpot, ScoreDrop, TouchpointStats,
    Watermelon,
};
use crate::model::{Satisfaction, Touchpoint};

pub(crate) struct ScorePart {
    pub touchpoints: Vec<TouchpointStats>,
    pub curve: Vec<CurvePoint>,
    pub split_opinions: Vec<crate::model::TouchpointId>,
    pub drops: Vec<ScoreDrop>,
    pub watermelons: Vec<Watermelon>,
    pub hot_spots: Vec<HotSpot>,
    pub funnel: Funnel,
}

/// Shares of a histogram: (detractors 0-6, promoters 9-10), `None` without responses.
pub fn detractors_promoters(h: &[u32; 11]) -> Option<(f64, f64)> {
    let n: u64 = h.iter().map(|&c| u64::from(c)).sum();
    if n == 0 {
        return None;
    }
    let sum = |r: std::ops::RangeInclusive<usize>| -> u64 {
        h.get(r)
            .map_or(0, |s| s.iter().map(|&c| u64::from(c)).sum())
    };
    Some((sum(0..=6) as f64 / n as f64, sum(9..=10) as f64 / n as f64))
}

/// The split-opinion rule: at least 25% of responses score 0-3, at least 25% score
/// 7-10, and fewer than 30% score 4-6, with at least `min_responses` responses.
pub fn is_split(h: &[u32; 11], min_responses: u64) -> bool {
    let n: u64 = h.iter().map(|&c| u64::from(c)).sum();
    if n == 0 || n < min_responses {
        return false;
    }
    let sum = |r: std::ops::RangeInclusive<usize>| -> u64 {
        h.get(r)
            .map_or(0, |s| s.iter().map(|&c| u64::from(c)).sum())
    };
    let (low, mid, high) = (sum(0..=3), sum(4..=6), sum(7..=10));
    // Integer arithmetic: low/n >= 1/4, high/n >= 1/4, mid/n < 3/10.
    4 * low >= n && 4 * high >= n && 10 * mid < 3 * n
}

fn responses(tp: &Touchpoint) -> u64 {
    tp.satisfaction.as_ref().map_or(0, Satisfaction::responses)
}

pub(crate) fn compute(
    ctx: &Ctx,
    config: &AnalysisConfig,
    headline: &mut Headline,
    dense: &mut Dense,
) -> ScorePart {
    let mut touchpoints = Vec::with_capacity(ctx.n());
    let mut split_opinions = Vec::new();
    let mut watermelons = Vec::new();
    let mut hot_spots = Vec::new();
    let (mut sum_means, mut scored) = (0.0, 0usize);
    let (mut detractors, mut hist_responses) = (0u64, 0u64);
    for (i, tp) in ctx.tps.iter().enumerate() {
        let m = ctx.mean[i];
        let hist = tp.satisfaction.as_ref().and_then(Satisfaction::histogram);
        let shares = hist.and_then(detractors_promoters);
        let split = hist.is_some_and(|h| is_split(h, config.split_min_responses));
        if let Some(h) = hist {
            let n: u64 = h.iter().map(|&c| u64::from(c)).sum();
            hist_responses += n;
            detractors += h.iter().take(7).map(|&c| u64::from(c)).sum::<u64>();
        }
        if let Some(m) = m {
            sum_means += m;
            scored += 1;
        }
        headline.responses += responses(tp);
        let targeted: Vec<_> = tp.metrics.iter().filter(|x| x.target.is_some()).collect();
        let on_target = targeted
            .iter()
            .filter(|x| x.on_target() == Some(true))
            .count();
        if split {
            split_opinions.push(tp.id.clone());
            dense.split_opinions.push(i);
        }
        let poor = m.is_some_and(|m| m <= config.watermelon_max_mean)
            || shares.is_some_and(|(d, _)| d >= config.watermelon_min_detractors);
        if !targeted.is_empty() && on_target == targeted.len() && poor {
            dense.watermelons.push(i);
            watermelons.push(Watermelon {
                id: tp.id.clone(),
                mean: m,
                detractor_share: shares.map(|s| s.0),
                metrics: targeted
                    .iter()
                    .map(|x| format!("{}: {}", x.name, x.describe()))
                    .collect(),
            });
        }
        if let (Some(m), Some(v)) = (m, tp.volume)
            && m <= config.hot_spot_max_mean
            && v > 0
        {
            hot_spots.push((
                HotSpot {
                    id: tp.id.clone(),
                    mean: m,
                    volume: v,
                    impact: v as f64 * (10.0 - m).max(0.0) / 10.0,
                },
                i,
            ));
        }
        touchpoints.push(TouchpointStats {
            id: tp.id.clone(),
            name: tp.name.clone(),
            owner: tp.owner.clone(),
            stage: tp.stage.clone(),
            order: ctx.pos[i],
            mean: m,
            responses: responses(tp),
            detractor_share: shares.map(|s| s.0),
            promoter_share: shares.map(|s| s.1),
            split_opinion: split,
            metrics_with_target: targeted.len(),
            metrics_on_target: on_target,
            volume: tp.volume,
            handling_minutes: tp.handling_minutes,
            flags: Vec::new(),
        });
    }
    headline.scored_touchpoints = scored;
    headline.mean_satisfaction = (scored > 0).then(|| sum_means / scored as f64);
    headline.detractor_share =
        (hist_responses > 0).then(|| detractors as f64 / hist_responses as f64);
    // Largest impact first; ties in id order (dense order).
    hot_spots.sort_by(|(a, i), (b, j)| b.impact.total_cmp(&a.impact).then_with(|| i.cmp(j)));
    dense.hot_spots = hot_spots.iter().map(|(_, i)| *i).collect();
    let hot_spots: Vec<HotSpot> = hot_spots.into_iter().map(|(h, _)| h).collect();

    let mut drops = Vec::new();
    for e in &ctx.edges {
        if let (Some(before), Some(after)) = (ctx.mean[e.from], ctx.mean[e.to])
            && before - after >= config.drop_points
        {
            drops.push(ScoreDrop {
                from: ctx.id(e.from),
                to: ctx.id(e.to),
                before,
                after,
                points: before - after,
                cross_department: cross_department(ctx, e),
            });
        }
    }
    drops.sort_by(|a, b| {
        b.points
            .total_cmp(&a.points)
            .then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });

    let curve = ctx
        .order
        .iter()
        .map(|&i| CurvePoint {
            id: ctx.id(i),
            mean: ctx.mean[i],
        })
        .collect();

    ScorePart {
        touchpoints,
        curve,
        split_opinions,
        drops,
        watermelons,
        hot_spots,
        funnel: funnel(ctx, config.funnel_hold_share),
    }
}

/// Volumes along the typical path (see [`Funnel`] for the base and conversion rules).
fn funnel(ctx: &Ctx, hold_share: f64) -> Funnel {
    let (entries, _) = entries_and_ends(ctx);
    let Some(path) = typical_path(ctx, &entries) else {
        return Funnel::default();
    };
    let path: Vec<usize> = path
        .into_iter()
        .filter(|&i| ctx.tps[i].volume.is_some())
        .collect();
    let base = path
        .iter()
        .position(|&i| {
            ctx.side[i] == Side::Customer || ctx.tps[i].layer == crate::model::Layer::CustomerAction
        })
        .unwrap_or(0);
    let volume = |k: usize| path.get(k).and_then(|&i| ctx.tps[i].volume).unwrap_or(0);
    let base_v = volume(base);
    let mut steps: Vec<FunnelStep> = Vec::new();
    let mut first = None;
    let mut prev: Option<u64> = None;
    let mut biggest: Option<(f64, usize)> = None;
    for (k, &i) in path.iter().enumerate() {
        let Some(v) = ctx.tps[i].volume else { continue };
        let first_v = *first.get_or_insert(v);
        let drop_off = prev.and_then(|p| (p > 0).then(|| 1.0 - v as f64 / p as f64));
        if let Some(d) = drop_off
            && biggest.is_none_or(|(b, _)| d > b)
        {
            biggest = Some((d, i));
        }
        steps.push(FunnelStep {
            id: ctx.id(i),
            volume: v,
            drop_off,
            from_first: if first_v > 0 {
                v as f64 / first_v as f64
            } else {
                0.0
            },
            from_base: (k >= base && base_v > 0).then(|| v as f64 / base_v as f64),
        });
        prev = Some(v);
    }
    if path.is_empty() {
        return Funnel::default();
    }
    let last = path.len() - 1;
    let converted = (base..last)
        .find(|&k| volume(k) > 0 && volume(k + 1) as f64 >= hold_share * volume(k) as f64)
        .unwrap_or(last);
    let share = |k: usize| (base_v > 0).then(|| volume(k) as f64 / base_v as f64);
    Funnel {
        base: path.get(base).map(|&i| ctx.id(i)),
        converted: path.get(converted).map(|&i| ctx.id(i)),
        conversion: share(converted),
        completion: share(last),
        biggest_drop: biggest.map(|(_, i)| ctx.id(i)),
        steps,
    }
}
