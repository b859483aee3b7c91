//! What-if scenarios: score changes run through the fitted key-driver models
//! (predicted overall mean and outcome rate, with intervals), structural changes run
//! through the journey analysis on a changed copy of the journey (elapsed time,
//! handling time, handoffs and cross-department handoffs before and after).
//!
//! Structural changes, in the order given:
//! - **cut wait** `FROM:TO=50%`: the handoff's queue time falls by that share;
//! - **remove handoff** `FROM:TO`: the step after the handoff is done within the step
//!   before it: `TO` merges into `FROM` (below), so the handoff, its queue and its
//!   failures disappear;
//! - **merge** `INTO:FROM`: `FROM`'s handoffs move to `INTO` (a handoff that would
//!   duplicate one `INTO` already has, or loop onto `INTO`, is dropped), `FROM`'s
//!   handling minutes are added to `INTO`'s, and `FROM` disappears;
//! - **handling** `TOUCHPOINT=MINUTES`: the staff handling time becomes that.
//!
//! A change naming a touchpoint or handoff the journey does not have is skipped with
//! a note (saved scenarios may outlive a touchpoint).

use super::drivers::{Drivers, ScoreShift};
use crate::analysis::{AnalysisConfig, Headline, analyze};
use crate::i18n::tr;
use crate::model::{Handoff, HandoffKey, Journey, Scenario, ScenarioChange, TouchpointId};
use serde::Serialize;

/// A scenario's figures before and after.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct ScenarioResult {
    pub name: String,
    /// The changes, in words.
    pub changes: Vec<String>,
    /// Predicted mean overall score (needs respondents); `null` without a model.
    pub overall_before: Option<f64>,
    pub overall_after: Option<f64>,
    /// Interval of `overall_after` (bootstrap percentiles).
    pub overall_low: Option<f64>,
    pub overall_high: Option<f64>,
    /// Predicted outcome rate, 0-1 (needs respondents with an outcome).
    pub outcome_before: Option<f64>,
    pub outcome_after: Option<f64>,
    /// Interval of `outcome_after` (delta method on the bootstrap covariance).
    pub outcome_low: Option<f64>,
    pub outcome_high: Option<f64>,
    /// End-to-end elapsed time along the critical path, hours.
    pub elapsed_hours_before: f64,
    pub elapsed_hours_after: f64,
    /// Along the typical path.
    pub typical_elapsed_hours_before: f64,
    pub typical_elapsed_hours_after: f64,
    /// Staff handling time of every touchpoint, summed, hours.
    pub handling_hours_before: f64,
    pub handling_hours_after: f64,
    pub touchpoints_before: usize,
    pub touchpoints_after: usize,
    pub handoffs_before: usize,
    pub handoffs_after: usize,
    pub cross_department_handoffs_before: usize,
    pub cross_department_handoffs_after: usize,
    /// `before / after` ("4x as efficient"); `null` when after is 0.
    pub elapsed_ratio: Option<f64>,
    pub handling_ratio: Option<f64>,
    /// Changes that could not be applied, and why.
    pub notes: Vec<String>,
}

/// A change in words.
pub fn describe(change: &ScenarioChange) -> String {
    match change {
        ScenarioChange::AddScore { touchpoint, points } => tr!(
            "wif-add-score",
            touchpoint = touchpoint.as_str(),
            points = format!("{points:+}")
        ),
        ScenarioChange::SetScore { touchpoint, mean } => tr!(
            "wif-set-score",
            touchpoint = touchpoint.as_str(),
            mean = mean.to_string()
        ),
        ScenarioChange::CutWait { handoff, percent } => tr!(
            "wif-cut-wait",
            from = handoff.from.as_str(),
            to = handoff.to.as_str(),
            percent = percent.to_string()
        ),
        ScenarioChange::RemoveHandoff(k) => tr!(
            "wif-remove-handoff",
            from = k.from.as_str(),
            to = k.to.as_str()
        ),
        ScenarioChange::Merge { into, from } => {
            tr!("wif-merge", from = from.as_str(), into = into.as_str())
        }
        ScenarioChange::SetHandling {
            touchpoint,
            minutes,
        } => tr!(
            "wif-set-handling",
            touchpoint = touchpoint.as_str(),
            minutes = minutes.to_string()
        ),
    }
}

fn merge(j: &mut Journey, into: &TouchpointId, from: &TouchpointId) -> Result<(), String> {
    if into == from {
        return Err(tr!("wif-merge-itself", touchpoint = into.as_str()));
    }
    let (Some(a), Some(b)) = (j.touchpoint(into), j.touchpoint(from)) else {
        let missing = if j.contains_touchpoint(into) {
            from
        } else {
            into
        };
        return Err(tr!("wif-not-in-journey", touchpoint = missing.as_str()));
    };
    let mut merged = a.clone();
    merged.handling_minutes = match (a.handling_minutes, b.handling_minutes) {
        (None, None) => None,
        (x, y) => Some(x.unwrap_or(0.0) + y.unwrap_or(0.0)),
    };
    let incoming: Vec<Handoff> = j.incoming(from).into_iter().cloned().collect();
    let outgoing: Vec<Handoff> = j.outgoing(from).into_iter().cloned().collect();
    // Notes and actions on the merged-away touchpoint go with it (this is a copy).
    let notes: Vec<_> = j
        .notes()
        .filter(|n| n.anchor.mentions(from))
        .map(|n| n.id.clone())
        .collect();
    for id in notes {
        j.remove_note(&id).map_err(|e| e.to_string())?;
    }
    let actions: Vec<_> = j
        .actions()
        .filter(|a| a.anchor.mentions(from))
        .map(|a| a.id.clone())
        .collect();
    for id in actions {
        j.remove_action(&id).map_err(|e| e.to_string())?;
    }
    for h in incoming.iter().chain(&outgoing) {
        j.remove_handoff(&HandoffKey {
            from: h.from.clone(),
            to: h.to.clone(),
        })
        .map_err(|e| e.to_string())?;
    }
    j.remove_touchpoint(from).map_err(|e| e.to_string())?;
    j.update_touchpoint(merged).map_err(|e| e.to_string())?;
    for mut h in incoming.into_iter().chain(outgoing) {
        if h.from == *from {
            h.from = into.clone();
        }
        if h.to == *from {
            h.to = into.clone();
        }
        let key = HandoffKey {
            from: h.from.clone(),
            to: h.to.clone(),
        };
        if h.from != h.to && j.handoff(&key).is_none() {
            j.add_handoff(h).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// The journey with the structural changes applied (score changes are ignored here).
pub fn apply_structure(
    journey: &Journey,
    changes: &[ScenarioChange],
    notes: &mut Vec<String>,
) -> Journey {
    let mut j = journey.clone();
    for ch in changes {
        let r = match ch {
            ScenarioChange::AddScore { .. } | ScenarioChange::SetScore { .. } => Ok(()),
            ScenarioChange::CutWait { handoff, percent } => match j.handoff(handoff) {
                None => Err(tr!(
                    "wif-no-handoff",
                    from = handoff.from.as_str(),
                    to = handoff.to.as_str()
                )),
                Some(h) => {
                    let mut h = h.clone();
                    h.wait_hours = h
                        .wait_hours
                        .map(|w| w * (1.0 - (percent / 100.0).clamp(0.0, 1.0)));
                    j.update_handoff(h).map(|_| ()).map_err(|e| e.to_string())
                }
            },
            ScenarioChange::RemoveHandoff(k) => {
                if j.handoff(k).is_none() {
                    Err(tr!(
                        "wif-no-handoff",
                        from = k.from.as_str(),
                        to = k.to.as_str()
                    ))
                } else {
                    merge(&mut j, &k.from, &k.to)
                }
            }
            ScenarioChange::Merge { into, from } => merge(&mut j, into, from),
            ScenarioChange::SetHandling {
                touchpoint,
                minutes,
            } => match j.touchpoint(touchpoint) {
                None => Err(tr!("wif-not-in-journey", touchpoint = touchpoint.as_str())),
                Some(t) => {
                    let mut t = t.clone();
                    t.handling_minutes = Some(*minutes);
                    j.update_touchpoint(t)
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                }
            },
        };
        if let Err(e) = r {
            notes.push(tr!("wif-skipped", change = describe(ch), error = e));
        }
    }
    j
}

fn ratio(before: f64, after: f64) -> Option<f64> {
    (after > 1e-12 && before.is_finite() && after.is_finite()).then(|| before / after)
}

/// The score changes of a scenario, for the key-driver models.
pub fn score_shifts(changes: &[ScenarioChange]) -> Vec<ScoreShift> {
    changes
        .iter()
        .filter_map(|c| match c {
            ScenarioChange::AddScore { touchpoint, points } => Some(ScoreShift::Add {
                touchpoint: touchpoint.0.clone(),
                points: *points,
            }),
            ScenarioChange::SetScore { touchpoint, mean } => Some(ScoreShift::SetMean {
                touchpoint: touchpoint.0.clone(),
                mean: *mean,
            }),
            _ => None,
        })
        .collect()
}

/// Evaluate a scenario on a journey, with the fitted key-driver models when there
/// are respondents. `before` is the analysis headline of the journey as it is
/// (pass it to avoid recomputing it for every scenario).
pub fn evaluate(
    journey: &Journey,
    before: &Headline,
    drivers: Option<&Drivers>,
    scenario: &Scenario,
) -> ScenarioResult {
    let mut notes = Vec::new();
    let after_journey = apply_structure(journey, &scenario.changes, &mut notes);
    let after = analyze(&after_journey, &AnalysisConfig::default()).headline;
    let shifts = score_shifts(&scenario.changes);
    let mut r = ScenarioResult {
        name: scenario.name.clone(),
        changes: scenario.changes.iter().map(describe).collect(),
        elapsed_hours_before: before.elapsed_hours,
        elapsed_hours_after: after.elapsed_hours,
        typical_elapsed_hours_before: before.typical_elapsed_hours,
        typical_elapsed_hours_after: after.typical_elapsed_hours,
        handling_hours_before: before.handling_hours,
        handling_hours_after: after.handling_hours,
        touchpoints_before: before.touchpoints,
        touchpoints_after: after.touchpoints,
        handoffs_before: before.handoffs,
        handoffs_after: after.handoffs,
        cross_department_handoffs_before: before.cross_department_handoffs,
        cross_department_handoffs_after: after.cross_department_handoffs,
        elapsed_ratio: ratio(before.elapsed_hours, after.elapsed_hours),
        handling_ratio: ratio(before.handling_hours, after.handling_hours),
        ..ScenarioResult::default()
    };
    match drivers {
        Some(d) => {
            let p = d.predict(&shifts);
            if let Some(o) = p.overall {
                r.overall_before = Some(o.before);
                r.overall_after = Some(o.after);
                r.overall_low = Some(o.low);
                r.overall_high = Some(o.high);
            }
            if let Some(o) = p.outcome {
                r.outcome_before = Some(o.before);
                r.outcome_after = Some(o.after);
                r.outcome_low = Some(o.low);
                r.outcome_high = Some(o.high);
            }
            notes.extend(p.notes);
        }
        None if !shifts.is_empty() => notes.push(tr("wif-needs-responses")),
        None => {}
    }
    r.notes = notes;
    r
}

fn opt(v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map_or_else(|| "-".to_owned(), f)
}

fn ratio_text(v: Option<f64>) -> String {
    v.map_or_else(String::new, crate::i18n::format::ratio)
}

/// A scenario's figures as rows of (figure, before, after with its interval, ratio),
/// in the current language: the command line's table, the app's and the reports'.
pub fn figure_rows(r: &ScenarioResult) -> Vec<(String, String, String, String)> {
    use crate::analysis::{fmt_count, fmt_hours};
    let score = |v: f64| format!("{v:.2}");
    let rate = |v: f64| format!("{:.1}%", v * 100.0);
    let with =
        |after: Option<f64>, lo: Option<f64>, hi: Option<f64>, f: &dyn Fn(f64) -> String| match (
            after, lo, hi,
        ) {
            (Some(a), Some(l), Some(h)) => tr!("wif-range", value = f(a), low = f(l), high = f(h)),
            (a, _, _) => opt(a, f),
        };
    vec![
        (
            tr("wif-row-overall"),
            opt(r.overall_before, score),
            with(r.overall_after, r.overall_low, r.overall_high, &score),
            String::new(),
        ),
        (
            tr("wif-row-outcome"),
            opt(r.outcome_before, rate),
            with(r.outcome_after, r.outcome_low, r.outcome_high, &rate),
            String::new(),
        ),
        (
            tr("wif-row-elapsed-critical"),
            fmt_hours(r.elapsed_hours_before),
            fmt_hours(r.elapsed_hours_after),
            ratio_text(r.elapsed_ratio),
        ),
        (
            tr("wif-row-elapsed-typical"),
            fmt_hours(r.typical_elapsed_hours_before),
            fmt_hours(r.typical_elapsed_hours_after),
            String::new(),
        ),
        (
            tr("wif-row-handling"),
            fmt_hours(r.handling_hours_before),
            fmt_hours(r.handling_hours_after),
            ratio_text(r.handling_ratio),
        ),
        (
            tr("wif-row-touchpoints"),
            fmt_count(r.touchpoints_before as u64),
            fmt_count(r.touchpoints_after as u64),
            String::new(),
        ),
        (
            tr("wif-row-handoffs"),
            fmt_count(r.handoffs_before as u64),
            fmt_count(r.handoffs_after as u64),
            String::new(),
        ),
        (
            tr("wif-row-cross"),
            fmt_count(r.cross_department_handoffs_before as u64),
            fmt_count(r.cross_department_handoffs_after as u64),
            String::new(),
        ),
    ]
}

/// The change in mean overall score that the coefficients saved with the journey
/// predict for a scenario's score changes (a point estimate: without the answers
/// there is neither an interval nor the outcome). `None` when no score change names
/// a saved driver.
pub fn saved_lift(kd: &crate::model::KeyDrivers, changes: &[ScenarioChange]) -> Option<f64> {
    let mut means: Vec<(usize, f64)> = Vec::new();
    for ch in changes {
        let (id, add, set) = match ch {
            ScenarioChange::AddScore { touchpoint, points } => (touchpoint, Some(*points), None),
            ScenarioChange::SetScore { touchpoint, mean } => (touchpoint, None, Some(*mean)),
            _ => continue,
        };
        let new = |m: f64| match (add, set) {
            (Some(p), _) => (m + p).clamp(0.0, 10.0),
            (_, Some(t)) => t.clamp(0.0, 10.0),
            _ => m,
        };
        let Some(i) = kd.touchpoints.iter().position(|d| &d.touchpoint == id) else {
            continue;
        };
        match means.iter_mut().find(|(k, _)| *k == i) {
            Some((_, m)) => *m = new(*m),
            None => means.push((i, new(kd.touchpoints[i].mean))),
        }
    }
    if means.is_empty() {
        return None;
    }
    let lift: f64 = means
        .iter()
        .filter_map(|&(i, after)| {
            let d = kd.touchpoints.get(i)?;
            Some(d.coefficient * (after - d.mean))
        })
        .sum();
    lift.is_finite().then_some(lift)
}

/// Parse a command-line change: `ID+2`, `ID-1.5`, `ID=8` (scores); `FROM:TO=50%`
/// (cut wait); `FROM:TO` (remove handoff); `INTO:FROM` (merge); `ID=12` (handling
/// minutes). `kind` says which option it came from.
pub fn parse_change(kind: ChangeKind, text: &str) -> Result<ScenarioChange, String> {
    let t = text.trim();
    let num = |s: &str| -> Result<f64, String> {
        s.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| tr!("wif-parse-not-number", value = s, change = t))
    };
    let tp = |s: &str| -> Result<TouchpointId, String> {
        let s = s.trim();
        if crate::model::is_valid_id(s) {
            Ok(TouchpointId::new(s))
        } else {
            Err(tr!("wif-parse-not-id", value = s, change = t))
        }
    };
    let pair = |s: &str| -> Result<(TouchpointId, TouchpointId), String> {
        let (a, b) = s
            .split_once(':')
            .ok_or_else(|| tr!("wif-parse-expected", form = "FROM:TO", change = t))?;
        Ok((tp(a)?, tp(b)?))
    };
    let change = match kind {
        ChangeKind::Set => {
            if let Some((id, v)) = t.split_once('=') {
                ScenarioChange::SetScore {
                    touchpoint: tp(id)?,
                    mean: num(v)?,
                }
            } else if let Some(pos) = t.rfind(['+', '-']).filter(|&p| p > 0) {
                let (id, v) = t.split_at(pos);
                ScenarioChange::AddScore {
                    touchpoint: tp(id)?,
                    points: num(v)?,
                }
            } else {
                return Err(tr!("wif-parse-expected-set", change = t));
            }
        }
        ChangeKind::CutWait => {
            let (h, v) = t
                .split_once('=')
                .ok_or_else(|| tr!("wif-parse-expected", form = "FROM:TO=PERCENT%", change = t))?;
            let (from, to) = pair(h)?;
            ScenarioChange::CutWait {
                handoff: HandoffKey { from, to },
                percent: num(v.trim().trim_end_matches('%'))?,
            }
        }
        ChangeKind::RemoveHandoff => {
            let (from, to) = pair(t)?;
            ScenarioChange::RemoveHandoff(HandoffKey { from, to })
        }
        ChangeKind::Merge => {
            let (into, from) = pair(t)?;
            ScenarioChange::Merge { into, from }
        }
        ChangeKind::Handling => {
            let (id, v) = t.split_once('=').ok_or_else(|| {
                tr!(
                    "wif-parse-expected",
                    form = "TOUCHPOINT=MINUTES",
                    change = t
                )
            })?;
            ScenarioChange::SetHandling {
                touchpoint: tp(id)?,
                minutes: num(v.trim().trim_end_matches("min"))?,
            }
        }
    };
    change.check()?;
    Ok(change)
}

/// Which command-line option a change came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Set,
    CutWait,
    RemoveHandoff,
    Merge,
    Handling,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::move_address;

    #[test]
    fn parses_the_command_line_forms() {
        assert_eq!(
            parse_change(ChangeKind::Set, "final-read+2").unwrap(),
            ScenarioChange::AddScore {
                touchpoint: TouchpointId::new("final-read"),
                points: 2.0
            }
        );
        assert_eq!(
            parse_change(ChangeKind::Set, "a-b-1.5").unwrap(),
            ScenarioChange::AddScore {
                touchpoint: TouchpointId::new("a-b"),
                points: -1.5
            }
        );
        assert_eq!(
            parse_change(ChangeKind::Set, "x=8").unwrap(),
            ScenarioChange::SetScore {
                touchpoint: TouchpointId::new("x"),
                mean: 8.0
            }
        );
        assert!(matches!(
            parse_change(ChangeKind::CutWait, "a:b=50%").unwrap(),
            ScenarioChange::CutWait { percent, .. } if percent == 50.0
        ));
        assert!(parse_change(ChangeKind::CutWait, "a:b=150%").is_err());
        assert!(parse_change(ChangeKind::Set, "x=11").is_err());
        assert!(parse_change(ChangeKind::RemoveHandoff, "ab").is_err());
        assert!(parse_change(ChangeKind::Set, "x").is_err());
    }

    #[test]
    fn structural_changes_move_the_figures() {
        let j = move_address().unwrap();
        let before = analyze(&j, &AnalysisConfig::default()).headline;
        // A handoff with a queue on the critical path.
        let a = analyze(&j, &AnalysisConfig::default());
        let path = a.paths.longest.unwrap().touchpoints;
        let h = path
            .windows(2)
            .filter_map(|w| {
                j.handoff(&HandoffKey {
                    from: w[0].clone(),
                    to: w[1].clone(),
                })
            })
            .find(|h| h.wait_hours.unwrap_or(0.0) > 0.0)
            .cloned()
            .unwrap();
        let key = HandoffKey {
            from: h.from.clone(),
            to: h.to.clone(),
        };
        let sc = Scenario {
            name: "s".into(),
            changes: vec![ScenarioChange::RemoveHandoff(key.clone())],
        };
        let r = evaluate(&j, &before, None, &sc);
        assert!(r.notes.is_empty(), "{:?}", r.notes);
        assert_eq!(r.handoffs_before, before.handoffs);
        assert!(r.handoffs_after < r.handoffs_before);
        assert_eq!(r.touchpoints_after, r.touchpoints_before - 1);
        assert!(r.elapsed_hours_after <= r.elapsed_hours_before);
        // Handling time is kept (merged), not lost.
        assert!((r.handling_hours_after - r.handling_hours_before).abs() < 1e-9);
        // Cutting every wait in full leaves only the handling time.
        let all: Vec<ScenarioChange> = j
            .handoffs()
            .into_iter()
            .map(|h| ScenarioChange::CutWait {
                handoff: HandoffKey {
                    from: h.from.clone(),
                    to: h.to.clone(),
                },
                percent: 100.0,
            })
            .collect();
        let r = evaluate(
            &j,
            &before,
            None,
            &Scenario {
                name: "no queues".into(),
                changes: all,
            },
        );
        assert!(r.elapsed_hours_after < r.elapsed_hours_before);
        assert!(r.elapsed_ratio.unwrap() > 1.0);
        // Unknown ids are skipped with a note, and score changes need respondents.
        let r = evaluate(
            &j,
            &before,
            None,
            &Scenario {
                name: "ghost".into(),
                changes: vec![
                    ScenarioChange::Merge {
                        into: TouchpointId::new("nope"),
                        from: h.to.clone(),
                    },
                    ScenarioChange::AddScore {
                        touchpoint: h.to.clone(),
                        points: 2.0,
                    },
                ],
            },
        );
        assert_eq!(r.notes.len(), 2, "{:?}", r.notes);
        assert!(r.notes[0].contains("`nope` is not in the journey"));
        assert_eq!(r.handoffs_after, r.handoffs_before);
        assert!(r.overall_after.is_none());
    }
}
