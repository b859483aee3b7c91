//! File DTO -> Journey: the model built from a validated file.

use super::PathProblem;
use crate::io::dto::*;
use crate::model::*;

fn source_from(s: Option<Box<SourceDto>>) -> Source {
    s.map(|s| *s)
        .map(|s| Source {
            kind: s.kind,
            file: s.file,
            period: s.period.map(|p| Period {
                from: p.from,
                to: p.to,
            }),
            count: s.count,
        })
        .unwrap_or_default()
}

pub(super) fn change_from(ch: &ChangeDto) -> ScenarioChange {
    let tp = |s: &str| TouchpointId::new(s);
    let key = |f: &str, t: &str| HandoffKey {
        from: tp(f),
        to: tp(t),
    };
    match ch {
        ChangeDto::AddScore { touchpoint, points } => ScenarioChange::AddScore {
            touchpoint: tp(touchpoint),
            points: *points,
        },
        ChangeDto::SetScore { touchpoint, mean } => ScenarioChange::SetScore {
            touchpoint: tp(touchpoint),
            mean: *mean,
        },
        ChangeDto::CutWait { from, to, percent } => ScenarioChange::CutWait {
            handoff: key(from, to),
            percent: *percent,
        },
        ChangeDto::RemoveHandoff { from, to } => ScenarioChange::RemoveHandoff(key(from, to)),
        ChangeDto::Merge { into, from } => ScenarioChange::Merge {
            into: tp(into),
            from: tp(from),
        },
        ChangeDto::SetHandling {
            touchpoint,
            minutes,
        } => ScenarioChange::SetHandling {
            touchpoint: tp(touchpoint),
            minutes: *minutes,
        },
    }
}

pub(super) fn drivers_from(d: &KeyDriversDto) -> KeyDrivers {
    KeyDrivers {
        source: d.source.clone(),
        column: d.column.clone(),
        respondents: d.respondents,
        r2: d.r2,
        touchpoints: d
            .touchpoints
            .iter()
            .map(|t| DriverResult {
                touchpoint: TouchpointId::new(t.touchpoint.as_str()),
                importance: t.importance,
                mean: t.mean,
                coefficient: t.coefficient,
            })
            .collect(),
    }
}

fn anchor_from(a: &AnchorDto) -> Anchor {
    match a {
        AnchorDto::Journey => Anchor::Journey,
        AnchorDto::Touchpoint(t) => Anchor::Touchpoint(TouchpointId::new(t.as_str())),
        AnchorDto::Handoff(f, t) => Anchor::Handoff(HandoffKey {
            from: TouchpointId::new(f.as_str()),
            to: TouchpointId::new(t.as_str()),
        }),
        AnchorDto::Cell(s, d) => {
            Anchor::Cell(StageId::new(s.as_str()), DepartmentId::new(d.as_str()))
        }
    }
}

/// Build a journey from a validated DTO. Problems the model still refuses are
/// returned with their path (validation should have caught them all).
pub fn journey_from_dto(dto: FileDto) -> Result<Journey, Vec<PathProblem>> {
    let mut j = Journey::new(dto.title);
    let mut problems = Vec::new();
    // The path is only written out for a problem (not for every touchpoint and handoff).
    let mut note = |path: &dyn Fn() -> String, r: Result<(), ModelError>| {
        if let Err(e) = r {
            problems.push(PathProblem {
                path: path(),
                message: e.to_string(),
            });
        }
    };
    note(
        &|| "title".into(),
        j.set_meta(JourneyMeta {
            title: j.title().to_owned(),
            description: dto.description,
            owner: dto.owner,
            variant: dto.variant,
            outcomes: outcomes_from(dto.outcomes),
            scenarios: scenarios_from(&dto.scenarios),
            drivers: dto.drivers.as_ref().map(drivers_from),
        })
        .map(|_| ()),
    );
    for (i, s) in dto.stages.into_iter().enumerate() {
        let n = j.stages().len();
        note(
            &|| format!("stages[{i}]"),
            j.insert_stage(
                n,
                Stage {
                    id: StageId::new(s.id),
                    name: s.name,
                    description: s.description,
                },
            ),
        );
    }
    for (i, d) in dto.departments.into_iter().enumerate() {
        let n = j.departments().len();
        let color = Rgb::parse(&d.color).unwrap_or_else(|| Rgb::palette(i));
        note(
            &|| format!("departments[{i}]"),
            j.insert_department(
                n,
                Department {
                    id: DepartmentId::new(d.id),
                    name: d.name,
                    color,
                    kind: d.kind,
                },
            ),
        );
    }
    for (i, t) in dto.touchpoints.into_iter().enumerate() {
        let tp = touchpoint_from(t);
        note(&|| format!("touchpoints[{i}]"), j.add_touchpoint(tp));
    }
    for (i, h) in dto.handoffs.into_iter().enumerate() {
        let h = Handoff {
            from: TouchpointId::new(h.from),
            to: TouchpointId::new(h.to),
            label: h.label,
            wait_hours: h.wait_hours,
            wait_hours_p90: h.wait_hours_p90,
            wait_source: Box::new(source_from(h.wait_source)),
            volume: h.volume,
            volume_source: Box::new(source_from(h.volume_source)),
            failure_rate: h.failure_rate,
            notes: h.notes,
        };
        note(&|| format!("handoffs[{i}]"), j.add_handoff(h));
    }
    for (i, n) in dto.notes.into_iter().enumerate() {
        let color = Rgb::parse(&n.color).unwrap_or(Rgb(0xff, 0xe0, 0x82));
        let sticky = StickyNote {
            id: NoteId::new(n.id),
            text: n.text,
            author: n.author,
            color,
            anchor: anchor_from(&n.on),
        };
        note(&|| format!("notes[{i}]"), j.add_note(sticky));
    }
    for (i, a) in dto.actions.into_iter().enumerate() {
        let action = ActionItem {
            id: NoteId::new(a.id),
            what: a.what,
            owner: a.owner,
            due: a.due,
            status: a.status,
            anchor: anchor_from(&a.on),
        };
        note(&|| format!("actions[{i}]"), j.add_action(action));
    }
    if problems.is_empty() {
        Ok(j)
    } else {
        Err(problems)
    }
}

/// The journey's outcomes.
fn outcomes_from(outcomes: Vec<OutcomeDto>) -> Vec<Outcome> {
    outcomes
        .into_iter()
        .map(|o| Outcome {
            name: o.name,
            value: o.value,
            unit: o.unit,
        })
        .collect()
}

/// The saved what-if scenarios.
fn scenarios_from(scenarios: &[ScenarioDto]) -> Vec<Scenario> {
    scenarios
        .iter()
        .map(|sc| Scenario {
            name: sc.name.clone(),
            changes: sc.changes.iter().map(change_from).collect(),
        })
        .collect()
}

/// One touchpoint of the file.
fn touchpoint_from(t: TouchpointDto) -> Touchpoint {
    let satisfaction = t.scores.and_then(|s| match (s.histogram, s.mean) {
        (Some(h), _) => {
            let mut counts = [0u32; 11];
            for (slot, n) in counts.iter_mut().zip(h) {
                *slot = u32::try_from(n).unwrap_or(0);
            }
            Some(Satisfaction::Histogram(counts))
        }
        (None, Some(mean)) => Some(Satisfaction::Summary {
            mean,
            responses: s.responses.and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
        }),
        (None, None) => None,
    });
    Touchpoint {
        id: TouchpointId::new(t.id),
        name: t.name,
        description: t.description,
        stage: t.stage.map(StageId::new),
        owner: t.owner.map(DepartmentId::new),
        channel: t.channel,
        layer: t.layer,
        metrics: t
            .metrics
            .into_iter()
            .map(|m| Metric {
                name: m.name,
                value: m.value,
                unit: m.unit,
                target: m.target,
                better: m.better,
            })
            .collect(),
        satisfaction,
        volume: t.volume,
        satisfaction_source: source_from(t.scores_source),
        volume_source: source_from(t.volume_source),
        handling_minutes: t.handling_minutes,
        handling_source: source_from(t.handling_source),
        pains: t.pains,
        themes: t
            .themes
            .into_iter()
            .map(|th| CommentTheme {
                terms: th.terms,
                count: th.count,
                detractors: th.detractors,
                promoters: th.promoters,
                quotes: th.quotes,
            })
            .collect(),
        trend: t
            .trend
            .into_iter()
            .map(|p| TrendPoint {
                period: p.period,
                mean: p.mean,
                responses: p.responses,
            })
            .collect(),
        notes: t.notes,
        order: t.order,
    }
}
