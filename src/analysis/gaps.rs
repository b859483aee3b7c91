//! The ranked list of gaps and the per-touchpoint / per-handoff flags.
//!
//! Severity rules:
//! - cross-department handoff: one point each for queue time >= `slow_handoff_hours`,
//!   failure rate >= `lossy_handoff_rate` and a drop >= `drop_points`; two points
//!   each at 3x the queue time, 2.5x the failure rate, 2x the drop. 1 point = low,
//!   2 = medium, 3-4 = high, 5-6 = critical;
//! - watermelon: high; rework loop: high when the customer takes part, else medium;
//! - split opinion: medium; hot spot: medium (ranked by impact);
//! - getting worse (the survey trend's mean falls by 1 point or more from the first period
//!   to the last, 30+ answers in each): medium, high at 2 points;
//! - satisfaction drop inside one department: high at twice `drop_points`, else medium;
//! - silent wait: medium, high at twice `silent_run_handoffs`;
//! - no owner: high when the customer sees the touchpoint, else medium;
//! - unmeasured: medium when the touchpoint hands work to another department, else low;
//! - unreachable, dead end: medium; disconnected: low;
//! - department owns nothing: info;
//! - key driver: high when its importance is at least twice the average, else medium;
//! - no score and no stage are completeness, not breaks: they flag the touchpoint
//!   and are listed in `completeness`, but are not ranked gaps.

use super::fmt::{fmt_count, fmt_hours, fmt_score, fmt_share};
use super::graph::{Ctx, Side};
use super::handoffs::cross_department;
use super::{Analysis, AnalysisConfig, Gap, GapKind, HandoffRef, PathStats, Severity};
use crate::i18n::tr;
use crate::model::TouchpointId;

struct Builder<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// [`AnalysisConfig::explain`].
    explain: bool,
    gaps: Vec<Gap>,
    /// Tie-break of each gap: its first two touchpoints (dense, i.e. id order).
    keys: Vec<(usize, usize)>,
    tp_flags: Vec<Vec<GapKind>>,
    edge_flags: Vec<Vec<GapKind>>,
}

/// Dense touchpoint indices parallel to the id lists of the analysis (same order),
/// so the gaps are built without looking ids up.
#[derive(Default)]
pub(crate) struct Dense {
    pub watermelons: Vec<usize>,
    pub split_opinions: Vec<usize>,
    pub hot_spots: Vec<usize>,
    pub loops: Vec<Vec<usize>>,
    pub no_owner: Vec<usize>,
    pub unmeasured: Vec<usize>,
    pub no_score: Vec<usize>,
    pub no_stage: Vec<usize>,
    pub unreachable: Vec<usize>,
    pub disconnected: Vec<usize>,
    pub dead_ends: Vec<usize>,
}

impl Builder<'_, '_> {
    fn name(&self, i: usize) -> &str {
        let tp = self.ctx.tps[i];
        if tp.name.trim().is_empty() {
            tp.id.as_str()
        } else {
            &tp.name
        }
    }

    /// "Billing", or "no owner".
    fn owner(&self, i: usize) -> String {
        match self.ctx.owner[i] {
            Some(_) => self.ctx.owner_name(i),
            None => tr("gap-no-owner-name"),
        }
    }

    /// A gap's explanation, from `words` when the analysis explains its gaps, else
    /// empty ([`AnalysisConfig::explain`]).
    fn words(&self, words: impl FnOnce() -> String) -> String {
        if self.explain { words() } else { String::new() }
    }

    fn push(&mut self, gap: Gap, key: (usize, usize)) {
        self.gaps.push(gap);
        self.keys.push(key);
    }

    fn flag(&mut self, i: usize, kind: GapKind) {
        if let Some(f) = self.tp_flags.get_mut(i) {
            f.push(kind);
        }
    }

    fn dense(&self, id: &TouchpointId) -> Option<usize> {
        self.ctx.dense_of(id)
    }

    fn touchpoint_gap(
        &mut self,
        i: usize,
        kind: GapKind,
        severity: Severity,
        weight: f64,
        explanation: String,
    ) {
        self.flag(i, kind);
        self.push(
            Gap {
                kind,
                severity,
                touchpoints: vec![self.ctx.id(i)],
                handoffs: Vec::new(),
                owners: vec![self.ctx.owner_id(i)],
                explanation,
                weight,
            },
            (i, usize::MAX),
        );
    }
}

fn severity_from_points(points: u32) -> Option<Severity> {
    match points {
        0 => None,
        1 => Some(Severity::Low),
        2 => Some(Severity::Medium),
        3 | 4 => Some(Severity::High),
        _ => Some(Severity::Critical),
    }
}

pub(crate) fn fill(ctx: &Ctx, config: &AnalysisConfig, analysis: &mut Analysis, d: &Dense) {
    let mut b = Builder {
        ctx,
        explain: config.explain,
        gaps: Vec::new(),
        keys: Vec::new(),
        tp_flags: vec![Vec::new(); ctx.n()],
        edge_flags: vec![Vec::new(); ctx.edges.len()],
    };
    handoff_gaps(&mut b, config);
    touchpoint_gaps(&mut b, analysis, d);
    worsening_gaps(&mut b);
    loop_gaps(&mut b, analysis, d);
    let mut silent_seen = Vec::new();
    for path in [&analysis.paths.longest, &analysis.paths.typical]
        .into_iter()
        .flatten()
    {
        silent_gap(&mut b, config, path, &mut silent_seen);
    }
    completeness_gaps(&mut b, analysis, d);
    key_driver_gaps(&mut b, analysis);

    // Rank by severity, weight, kind, then touchpoints in id order (then creation
    // order); sort indices so the gaps themselves move once.
    let mut rank: Vec<usize> = (0..b.gaps.len()).collect();
    rank.sort_by(|&x, &y| {
        let (gx, gy) = (&b.gaps[x], &b.gaps[y]);
        gy.severity
            .cmp(&gx.severity)
            .then_with(|| gy.weight.total_cmp(&gx.weight))
            .then_with(|| gx.kind.cmp(&gy.kind))
            .then_with(|| b.keys[x].cmp(&b.keys[y]))
            .then_with(|| x.cmp(&y))
    });
    let mut slots: Vec<Option<Gap>> = b.gaps.into_iter().map(Some).collect();
    let gaps: Vec<Gap> = rank
        .into_iter()
        .filter_map(|k| slots.get_mut(k).and_then(Option::take))
        .collect();
    let h = &mut analysis.headline;
    for g in &gaps {
        if let Some(slot) = h.gaps_by_severity.get_mut(g.severity as usize) {
            *slot += 1;
        }
    }
    h.watermelons = analysis.watermelons.len();
    h.split_opinions = analysis.split_opinions.len();
    h.drops = analysis.drops.len();
    h.hot_spots = analysis.hot_spots.len();
    h.rework_loops = analysis.loops.len();
    if let Some(p) = &analysis.paths.longest {
        h.elapsed_hours = p.elapsed_hours;
        h.longest_path_handoffs = p.handoffs;
    }
    if let Some(p) = &analysis.paths.typical {
        h.typical_elapsed_hours = p.elapsed_hours;
    }
    analysis.gaps = gaps;
    for (stats, mut flags) in analysis.touchpoints.iter_mut().zip(b.tp_flags) {
        flags.sort();
        flags.dedup();
        stats.flags = flags;
    }
    for (stats, mut flags) in analysis.handoffs.iter_mut().zip(b.edge_flags) {
        flags.sort();
        flags.dedup();
        stats.flags = flags;
    }
}

fn handoff_gaps(b: &mut Builder, config: &AnalysisConfig) {
    let ctx = b.ctx;
    for (k, e) in ctx.edges.iter().enumerate() {
        let (before, after) = (ctx.mean[e.from], ctx.mean[e.to]);
        let drop = match (before, after) {
            (Some(x), Some(y)) if x - y >= config.drop_points => Some((x, y, x - y)),
            _ => None,
        };
        if drop.is_some() {
            b.edge_flags[k].push(GapKind::SatisfactionDrop);
            b.flag(e.to, GapKind::SatisfactionDrop);
        }
        let wait = e.h.wait_hours.unwrap_or(0.0);
        let fail = e.h.failure_rate.unwrap_or(0.0);
        // Built only for the handoffs that are gaps.
        let handoff = || {
            vec![HandoffRef {
                from: ctx.id(e.from),
                to: ctx.id(e.to),
            }]
        };
        let owners = || vec![ctx.owner_id(e.from), ctx.owner_id(e.to)];
        if cross_department(ctx, e) {
            let slow = wait >= config.slow_handoff_hours && wait > 0.0;
            let lossy = fail >= config.lossy_handoff_rate && fail > 0.0;
            let mut points = 0;
            if slow {
                points += if wait >= 3.0 * config.slow_handoff_hours {
                    2
                } else {
                    1
                };
            }
            if lossy {
                points += if fail >= 2.5 * config.lossy_handoff_rate {
                    2
                } else {
                    1
                };
            }
            if let Some((_, _, d)) = drop {
                points += if d >= 2.0 * config.drop_points { 2 } else { 1 };
            }
            if let Some(severity) = severity_from_points(points) {
                b.edge_flags[k].push(GapKind::CrossDepartmentHandoff);
                let explanation = b.words(|| {
                    let mut parts = Vec::new();
                    if slow {
                        parts.push(tr!("gap-part-queue", time = fmt_hours(wait)));
                    }
                    if lossy {
                        parts.push(tr!("gap-part-loss", share = fmt_share(fail)));
                    }
                    if let Some((x, y, _)) = drop {
                        parts.push(tr!(
                            "gap-part-drop",
                            before = fmt_score(x),
                            after = fmt_score(y)
                        ));
                    }
                    tr!(
                        "gap-cross-department",
                        from_owner = ctx.owner_name(e.from),
                        to_owner = ctx.owner_name(e.to),
                        what = parts.join(&tr("gap-list-sep")),
                        from = b.name(e.from),
                        to = b.name(e.to)
                    )
                });
                b.push(
                    Gap {
                        kind: GapKind::CrossDepartmentHandoff,
                        severity,
                        touchpoints: vec![ctx.id(e.from), ctx.id(e.to)],
                        handoffs: handoff(),
                        owners: owners(),
                        explanation,
                        weight: wait + 100.0 * fail + 10.0 * drop.map_or(0.0, |d| d.2),
                    },
                    (e.from, e.to),
                );
            }
        } else if let Some((x, y, d)) = drop {
            let explanation = b.words(|| {
                tr!(
                    "gap-satisfaction-drop",
                    from = b.name(e.from),
                    to = b.name(e.to),
                    before = fmt_score(x),
                    after = fmt_score(y),
                    owner = b.owner(e.to)
                )
            });
            b.push(
                Gap {
                    kind: GapKind::SatisfactionDrop,
                    severity: if d >= 2.0 * config.drop_points {
                        Severity::High
                    } else {
                        Severity::Medium
                    },
                    touchpoints: vec![ctx.id(e.from), ctx.id(e.to)],
                    handoffs: handoff(),
                    owners: owners(),
                    explanation,
                    weight: d,
                },
                (e.from, e.to),
            );
        }
    }
}

/// Key drivers from the results saved with the journey.
fn key_driver_gaps(b: &mut Builder, analysis: &mut Analysis) {
    let Some(kd) = b.ctx.journey.meta().drivers.as_ref() else {
        return;
    };
    let k = kd.touchpoints.len();
    if k == 0 {
        return;
    }
    let avg_importance = 1.0 / k as f64;
    let avg_mean = kd.touchpoints.iter().map(|t| t.mean).sum::<f64>() / k as f64;
    let what = if kd.column.trim().is_empty() {
        tr("gap-overall-satisfaction")
    } else {
        tr!("gap-quoted", text = kd.column.trim())
    };
    let mut count = 0;
    for t in &kd.touchpoints {
        if t.importance < avg_importance || t.mean >= avg_mean {
            continue;
        }
        let Some(i) = b.dense(&t.touchpoint) else {
            continue;
        };
        count += 1;
        let severity = if t.importance >= 2.0 * avg_importance {
            Severity::High
        } else {
            Severity::Medium
        };
        let explanation = b.words(|| {
            tr!(
                "gap-key-driver",
                name = b.name(i),
                owner = b.owner(i),
                share = fmt_share(t.importance),
                what = what.as_str(),
                respondents = fmt_count(kd.respondents),
                mean = fmt_score(t.mean),
                average = fmt_score(avg_mean)
            )
        });
        b.touchpoint_gap(
            i,
            GapKind::KeyDriver,
            severity,
            t.importance * (10.0 - t.mean),
            explanation,
        );
    }
    analysis.headline.key_drivers = count;
}

fn touchpoint_gaps(b: &mut Builder, analysis: &Analysis, d: &Dense) {
    for (w, &i) in analysis.watermelons.iter().zip(&d.watermelons) {
        let volume = b.ctx.tps[i].volume.unwrap_or(1).max(1) as f64;
        let mean = w.mean.unwrap_or(5.0);
        let explanation = b.words(|| {
            let mut said = Vec::new();
            if let Some(m) = w.mean {
                said.push(tr!("gap-part-satisfaction", score = fmt_score(m)));
            }
            if let Some(d) = w.detractor_share {
                said.push(tr!("gap-part-detractors", share = fmt_share(d)));
            }
            tr!(
                "gap-watermelon",
                name = b.name(i),
                owner = b.owner(i),
                metrics = w.metrics.join("; "),
                said = said.join(&tr("gap-list-sep"))
            )
        });
        b.touchpoint_gap(
            i,
            GapKind::Watermelon,
            Severity::High,
            volume * (10.0 - mean) / 10.0,
            explanation,
        );
    }
    for &i in &d.split_opinions {
        let Some(h) = b.ctx.tps[i]
            .satisfaction
            .as_ref()
            .and_then(crate::model::Satisfaction::histogram)
        else {
            continue;
        };
        let n: u64 = h.iter().map(|&c| u64::from(c)).sum();
        let low: u64 = h.iter().take(4).map(|&c| u64::from(c)).sum();
        let high: u64 = h.iter().skip(7).map(|&c| u64::from(c)).sum();
        let share = |x: u64| if n == 0 { 0.0 } else { x as f64 / n as f64 };
        let mean = b.ctx.mean[i].unwrap_or(0.0);
        let explanation = b.words(|| {
            tr!(
                "gap-split-opinion",
                name = b.name(i),
                owner = b.owner(i),
                low = fmt_share(share(low)),
                high = fmt_share(share(high)),
                mean = fmt_score(mean)
            )
        });
        b.touchpoint_gap(
            i,
            GapKind::SplitOpinion,
            Severity::Medium,
            n as f64,
            explanation,
        );
    }
    for (hs, &i) in analysis.hot_spots.iter().zip(&d.hot_spots) {
        let explanation = b.words(|| {
            tr!(
                "gap-hot-spot",
                name = b.name(i),
                owner = b.owner(i),
                mean = fmt_score(hs.mean),
                volume = fmt_count(hs.volume),
                dissatisfied = fmt_count(hs.impact.round() as u64)
            )
        });
        b.touchpoint_gap(
            i,
            GapKind::HotSpot,
            Severity::Medium,
            hs.impact,
            explanation,
        );
    }
}

fn worsening_gaps(b: &mut Builder) {
    let ctx = b.ctx;
    for (i, tp) in ctx.tps.iter().enumerate() {
        let Some((first, last)) = super::worsening(&tp.trend) else {
            continue;
        };
        let fall = first.mean - last.mean;
        let explanation = b.words(|| {
            tr!(
                "gap-getting-worse",
                name = b.name(i),
                owner = b.owner(i),
                first = fmt_score(first.mean),
                first_period = first.period.to_string(),
                last = fmt_score(last.mean),
                last_period = last.period.to_string(),
                first_answers = fmt_count(first.responses),
                last_answers = fmt_count(last.responses)
            )
        });
        b.touchpoint_gap(
            i,
            GapKind::GettingWorse,
            if fall >= 2.0 {
                Severity::High
            } else {
                Severity::Medium
            },
            fall,
            explanation,
        );
    }
}

fn loop_gaps(b: &mut Builder, analysis: &Analysis, d: &Dense) {
    let ctx = b.ctx;
    for (l, members) in analysis.loops.iter().zip(&d.loops) {
        for &i in members {
            b.flag(i, GapKind::ReworkLoop);
        }
        for &i in members {
            for &k in &ctx.out[i] {
                if members
                    .binary_search_by_key(&ctx.pos[ctx.edges[k].to], |&m| ctx.pos[m])
                    .is_ok()
                {
                    b.edge_flags[k].push(GapKind::ReworkLoop);
                }
            }
        }
        let explanation = b.words(|| {
            let mut names: Vec<String> = members
                .iter()
                .take(6)
                .map(|&i| b.name(i).to_owned())
                .collect();
            if members.len() > 6 {
                names.push(tr!("gap-loop-more", count = members.len()));
            }
            let owners: Vec<String> = l
                .owners
                .iter()
                .map(|o| ctx.journey.department_name(Some(o)))
                .collect();
            let back = l
                .back_handoffs
                .first()
                .and_then(|h| Some((b.dense(&h.from)?, b.dense(&h.to)?)))
                .map(|(f, t)| tr!("gap-loop-back", from = b.name(f), to = b.name(t)))
                .unwrap_or_default();
            tr!(
                "gap-rework-loop",
                names = names.join(" -> "),
                owners = owners.join(&tr("gap-list-sep")),
                back = back
            )
        });
        let loop_key = (
            members.first().copied().unwrap_or(usize::MAX),
            members.get(1).copied().unwrap_or(usize::MAX),
        );
        b.push(
            Gap {
                kind: GapKind::ReworkLoop,
                severity: if l.involves_customer {
                    Severity::High
                } else {
                    Severity::Medium
                },
                touchpoints: l.touchpoints.clone(),
                handoffs: l.back_handoffs.clone(),
                owners: l.owners.iter().cloned().map(Some).collect(),
                explanation,
                weight: members.len() as f64,
            },
            loop_key,
        );
    }
}

fn silent_gap(
    b: &mut Builder,
    config: &AnalysisConfig,
    path: &PathStats,
    seen: &mut Vec<Vec<TouchpointId>>,
) {
    let run = &path.longest_silent_run;
    if run.handoffs < config.silent_run_handoffs.max(1) || seen.contains(&run.touchpoints) {
        return;
    }
    seen.push(run.touchpoints.clone());
    let members: Vec<usize> = run
        .touchpoints
        .iter()
        .filter_map(|id| b.dense(id))
        .collect();
    // The hidden touchpoints in between are where the customer waits.
    let inner = members
        .get(1..members.len().saturating_sub(1))
        .unwrap_or(&[]);
    for &i in inner {
        b.flag(i, GapKind::SilentWait);
    }
    let (Some(&first), Some(&last)) = (members.first(), members.last()) else {
        return;
    };
    let run_key = (first, members.get(1).copied().unwrap_or(usize::MAX));
    let mut owners: Vec<Option<crate::model::DepartmentId>> = Vec::new();
    for &i in &members {
        let o = b.ctx.owner_id(i);
        if !owners.contains(&o) {
            owners.push(o);
        }
    }
    let explanation = b.words(|| {
        tr!(
            "gap-silent-wait",
            count = run.handoffs,
            time = fmt_hours(run.hours),
            from = b.name(first),
            to = b.name(last)
        )
    });
    b.push(
        Gap {
            kind: GapKind::SilentWait,
            severity: if run.handoffs >= 2 * config.silent_run_handoffs.max(1) {
                Severity::High
            } else {
                Severity::Medium
            },
            touchpoints: run.touchpoints.clone(),
            handoffs: Vec::new(),
            owners,
            explanation,
            weight: run.hours,
        },
        run_key,
    );
}

fn completeness_gaps(b: &mut Builder, analysis: &Analysis, d: &Dense) {
    let c = &analysis.completeness;
    let ctx = b.ctx;
    for &i in &d.no_owner {
        let visible = ctx.visible(i);
        let explanation = b.words(|| {
            if visible {
                tr!("gap-no-owner-visible", name = b.name(i))
            } else {
                tr!("gap-no-owner", name = b.name(i))
            }
        });
        let severity = if visible {
            Severity::High
        } else {
            Severity::Medium
        };
        let weight = ctx.tps[i].volume.unwrap_or(0) as f64;
        b.touchpoint_gap(i, GapKind::NoOwner, severity, weight, explanation);
    }
    for &i in &d.unmeasured {
        let hands_over = ctx.out[i].iter().any(|&k| {
            let e = &ctx.edges[k];
            cross_department(ctx, e) && matches!(ctx.side[e.to], Side::Company(_))
        });
        let explanation = b.words(|| {
            let who = b.owner(i);
            if hands_over {
                tr!(
                    "gap-unmeasured-hands-over",
                    name = b.name(i),
                    owner = who.as_str()
                )
            } else {
                tr!("gap-unmeasured", name = b.name(i), owner = who.as_str())
            }
        });
        let severity = if hands_over {
            Severity::Medium
        } else {
            Severity::Low
        };
        b.touchpoint_gap(i, GapKind::Unmeasured, severity, 0.0, explanation);
    }
    // Missing scores and stages are completeness, not breaks: flagged, not ranked.
    for &i in &d.no_score {
        b.flag(i, GapKind::NoScore);
    }
    for &i in &d.no_stage {
        b.flag(i, GapKind::NoStage);
    }
    for &i in &d.unreachable {
        let explanation = b.words(|| tr!("gap-unreachable", name = b.name(i)));
        b.touchpoint_gap(i, GapKind::Unreachable, Severity::Medium, 0.0, explanation);
    }
    for &i in &d.disconnected {
        let explanation = b.words(|| tr!("gap-disconnected", name = b.name(i)));
        b.touchpoint_gap(i, GapKind::Disconnected, Severity::Low, 0.0, explanation);
    }
    for &i in &d.dead_ends {
        let explanation = b.words(|| tr!("gap-dead-end", name = b.name(i)));
        b.touchpoint_gap(i, GapKind::DeadEnd, Severity::Medium, 0.0, explanation);
    }
    for d in &c.idle_departments {
        b.push(
            Gap {
                kind: GapKind::IdleDepartment,
                severity: Severity::Info,
                touchpoints: Vec::new(),
                handoffs: Vec::new(),
                owners: vec![Some(d.clone())],
                explanation: b.words(|| {
                    tr!(
                        "gap-idle-department",
                        name = ctx.journey.department_name(Some(d))
                    )
                }),
                weight: 0.0,
            },
            (usize::MAX, usize::MAX),
        );
    }
}
