//! Journey -> file DTO, in canonical order.

use crate::io::dto::*;
use crate::model::*;

/// `None` for a typed figure with nothing else known, so such files keep their bytes.
pub fn source_dto(s: &Source) -> Option<Box<SourceDto>> {
    (!s.is_typed())
        .then(|| SourceDto {
            kind: s.kind,
            file: s.file.clone(),
            period: s.period.as_ref().map(|p| PeriodDto {
                from: p.from.clone(),
                to: p.to.clone(),
            }),
            count: s.count,
        })
        .map(Box::new)
}

fn change_to(ch: &ScenarioChange) -> ChangeDto {
    match ch {
        ScenarioChange::AddScore { touchpoint, points } => ChangeDto::AddScore {
            touchpoint: touchpoint.0.clone(),
            points: *points,
        },
        ScenarioChange::SetScore { touchpoint, mean } => ChangeDto::SetScore {
            touchpoint: touchpoint.0.clone(),
            mean: *mean,
        },
        ScenarioChange::CutWait { handoff, percent } => ChangeDto::CutWait {
            from: handoff.from.0.clone(),
            to: handoff.to.0.clone(),
            percent: *percent,
        },
        ScenarioChange::RemoveHandoff(k) => ChangeDto::RemoveHandoff {
            from: k.from.0.clone(),
            to: k.to.0.clone(),
        },
        ScenarioChange::Merge { into, from } => ChangeDto::Merge {
            into: into.0.clone(),
            from: from.0.clone(),
        },
        ScenarioChange::SetHandling {
            touchpoint,
            minutes,
        } => ChangeDto::SetHandling {
            touchpoint: touchpoint.0.clone(),
            minutes: *minutes,
        },
    }
}

fn drivers_to(d: &KeyDrivers) -> KeyDriversDto {
    let mut touchpoints: Vec<DriverDto> = d
        .touchpoints
        .iter()
        .map(|t| DriverDto {
            touchpoint: t.touchpoint.0.clone(),
            importance: t.importance,
            mean: t.mean,
            coefficient: t.coefficient,
        })
        .collect();
    touchpoints.sort_by(|a, b| a.touchpoint.cmp(&b.touchpoint));
    KeyDriversDto {
        source: d.source.clone(),
        column: d.column.clone(),
        respondents: d.respondents,
        r2: d.r2,
        touchpoints,
    }
}

fn anchor_to(a: &Anchor) -> AnchorDto {
    match a {
        Anchor::Journey => AnchorDto::Journey,
        Anchor::Touchpoint(t) => AnchorDto::Touchpoint(t.0.clone()),
        Anchor::Handoff(k) => AnchorDto::Handoff(k.from.0.clone(), k.to.0.clone()),
        Anchor::Cell(s, d) => AnchorDto::Cell(s.0.clone(), d.0.clone()),
    }
}

/// The DTO of a journey, in canonical order: stages and departments in journey
/// order, everything else sorted by id.
pub fn dto_from_journey(j: &Journey) -> FileDto {
    let meta = j.meta();
    FileDto {
        format: CURRENT_FORMAT,
        title: meta.title.clone(),
        description: meta.description.clone(),
        owner: meta.owner.clone(),
        variant: meta.variant.clone(),
        outcomes: meta
            .outcomes
            .iter()
            .map(|o| OutcomeDto {
                name: o.name.clone(),
                value: o.value,
                unit: o.unit.clone(),
            })
            .collect(),
        stages: j
            .stages()
            .iter()
            .map(|s| StageDto {
                id: s.id.0.clone(),
                name: s.name.clone(),
                description: s.description.clone(),
            })
            .collect(),
        departments: j
            .departments()
            .iter()
            .map(|d| DepartmentDto {
                id: d.id.0.clone(),
                name: d.name.clone(),
                color: d.color.to_hex(),
                kind: d.kind,
            })
            .collect(),
        touchpoints: j.touchpoints().map(touchpoint_dto).collect(),
        handoffs: j.handoffs().into_iter().map(handoff_dto).collect(),
        notes: j
            .notes()
            .map(|n| NoteDto {
                id: n.id.0.clone(),
                text: n.text.clone(),
                author: n.author.clone(),
                color: n.color.to_hex(),
                on: anchor_to(&n.anchor),
            })
            .collect(),
        actions: j
            .actions()
            .map(|a| ActionDto {
                id: a.id.0.clone(),
                what: a.what.clone(),
                owner: a.owner.clone(),
                due: a.due.clone(),
                status: a.status,
                on: anchor_to(&a.anchor),
            })
            .collect(),
        scenarios: {
            let mut v: Vec<ScenarioDto> = meta
                .scenarios
                .iter()
                .map(|sc| ScenarioDto {
                    name: sc.name.clone(),
                    changes: sc.changes.iter().map(change_to).collect(),
                })
                .collect();
            v.sort_by(|a, b| a.name.cmp(&b.name));
            v
        },
        drivers: meta.drivers.as_ref().map(drivers_to),
    }
}

pub fn touchpoint_dto(t: &Touchpoint) -> TouchpointDto {
    TouchpointDto {
        id: t.id.0.clone(),
        name: t.name.clone(),
        description: t.description.clone(),
        stage: t.stage.as_ref().map(|s| s.0.clone()),
        owner: t.owner.as_ref().map(|d| d.0.clone()),
        channel: t.channel,
        layer: t.layer,
        metrics: t
            .metrics
            .iter()
            .map(|m| MetricDto {
                name: m.name.clone(),
                value: m.value,
                unit: m.unit.clone(),
                target: m.target,
                better: m.better,
            })
            .collect(),
        scores: t.satisfaction.as_ref().map(|s| match s {
            Satisfaction::Histogram(h) => ScoresDto {
                histogram: Some(h.iter().map(|&n| i64::from(n)).collect()),
                mean: None,
                responses: None,
            },
            Satisfaction::Summary { mean, responses } => ScoresDto {
                histogram: None,
                mean: Some(*mean),
                responses: Some(i64::from(*responses)),
            },
        }),
        volume: t.volume,
        scores_source: source_dto(&t.satisfaction_source),
        volume_source: source_dto(&t.volume_source),
        handling_minutes: t.handling_minutes,
        handling_source: source_dto(&t.handling_source),
        pains: t.pains.clone(),
        themes: t
            .themes
            .iter()
            .map(|th| ThemeDto {
                terms: th.terms.clone(),
                count: th.count,
                detractors: th.detractors,
                promoters: th.promoters,
                quotes: th.quotes.clone(),
            })
            .collect(),
        trend: t
            .trend
            .iter()
            .map(|p| TrendDto {
                period: p.period.clone(),
                mean: p.mean,
                responses: p.responses,
            })
            .collect(),
        notes: t.notes.clone(),
        order: t.order,
    }
}

pub fn handoff_dto(h: &Handoff) -> HandoffDto {
    HandoffDto {
        from: h.from.0.clone(),
        to: h.to.0.clone(),
        label: h.label.clone(),
        wait_hours: h.wait_hours,
        wait_hours_p90: h.wait_hours_p90,
        wait_source: source_dto(&h.wait_source),
        volume: h.volume,
        volume_source: source_dto(&h.volume_source),
        failure_rate: h.failure_rate,
        notes: h.notes.clone(),
    }
}
