//! Hold a drawn journey against a log: which activities of the log the map lacks,
//! which handoffs really happen but are not drawn (hidden), which are drawn but never
//! happen (unseen), and where drawn volumes and times are more than 20% off. Also
//! a copy of the journey with the measured figures, each marked with its source.

use super::build::{log_source, round2};
use super::miner::{KeyFn, Mined};
use super::report::{opt, r4};
use crate::i18n::tr;
use crate::model::{Better, Handoff, HandoffKey, Journey, Metric, TouchpointId};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Figures further apart than this share of the drawn figure are reported.
pub const TOLERANCE: f64 = 0.2;

/// Keys of activities that match no touchpoint start with this (never part of an id).
const UNMAPPED: char = ':';

/// How activities are matched to touchpoints: by `map` (activity -> touchpoint id),
/// else by id or by name, case-insensitively (and by the activity's slug as an id).
pub fn key_fn(j: &Journey, map: Option<&[(String, String)]>) -> KeyFn {
    let mut by: BTreeMap<String, String> = BTreeMap::new();
    for t in j.touchpoints() {
        by.entry(t.name.to_lowercase())
            .or_insert_with(|| t.id.0.clone());
    }
    for t in j.touchpoints() {
        by.insert(t.id.0.to_lowercase(), t.id.0.clone());
    }
    let mut explicit: BTreeMap<String, String> = BTreeMap::new();
    for (a, tp) in map.unwrap_or_default() {
        explicit.insert(a.to_lowercase(), tp.clone());
    }
    Box::new(move |activity: &str| {
        let lower = activity.trim().to_lowercase();
        if let Some(tp) = explicit.get(&lower) {
            return tp.clone();
        }
        if let Some(tp) = by.get(&lower) {
            return tp.clone();
        }
        let slug = crate::model::slugify(activity, "");
        if let Some(tp) = by.get(&slug) {
            return tp.clone();
        }
        format!("{UNMAPPED}{activity}")
    })
}

/// Read a `--map` CSV: `activity,touchpoint id` per row (a header naming `activity` is
/// skipped); ids are checked against the journey.
pub fn read_map(name: &str, text: &str, j: &Journey) -> Result<Vec<(String, String)>, Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 1;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{name}:{line}: {e}"));
                continue;
            }
        };
        let a = rec.get(0).unwrap_or("");
        let t = rec.get(1).unwrap_or("");
        if i == 0 && a.eq_ignore_ascii_case("activity") {
            continue;
        }
        if a.is_empty() && t.is_empty() {
            continue;
        }
        if a.is_empty() || t.is_empty() {
            problems.push(format!("{name}:{line}: expected `activity,touchpoint`"));
            continue;
        }
        if !j.contains_touchpoint(&TouchpointId::new(t)) {
            problems.push(format!(
                "{name}:{line}: unknown touchpoint {t:?} (not in the journey)"
            ));
            continue;
        }
        out.push((a.to_owned(), t.to_owned()));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A touchpoint whose drawn figures differ from the measured ones.
#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointCheck {
    pub id: String,
    pub name: String,
    /// The log's activities counted for it.
    pub activities: Vec<String>,
    pub drawn_volume: Option<u64>,
    pub measured_volume: u64,
    pub drawn_handling_minutes: Option<f64>,
    pub measured_handling_minutes: Option<f64>,
    /// `volume`, `handling`: what is more than 20% off.
    pub differs: Vec<&'static str>,
}

/// A drawn handoff whose drawn figures differ from the measured ones.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoffCheck {
    pub from: String,
    pub to: String,
    pub drawn_wait_hours: Option<f64>,
    pub measured_wait_hours: Option<f64>,
    pub measured_wait_hours_p90: Option<f64>,
    pub drawn_volume: Option<u64>,
    pub measured_volume: u64,
    pub differs: Vec<&'static str>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measurement {
    /// Activities on no touchpoint, with their cases, most first.
    pub unmapped: Vec<(String, u64)>,
    /// Touchpoints no activity of the log was matched to (id, name).
    pub unlogged: Vec<(String, String)>,
    /// Directly-follows pairs the map does not draw: (from, to, transitions); ends are
    /// touchpoint ids, or activity names when unmapped.
    pub hidden: Vec<(String, String, u64)>,
    /// Drawn handoffs never observed.
    pub unseen: Vec<(String, String)>,
    pub touchpoints: Vec<TouchpointCheck>,
    pub handoffs: Vec<HandoffCheck>,
    /// The journey with the measured figures, each marked as measured.
    pub measured: Journey,
}

impl Measurement {
    /// Whether the map and the log disagree on handoffs (exit 1 on the command line).
    pub fn has_gaps(&self) -> bool {
        !self.hidden.is_empty() || !self.unseen.is_empty()
    }
}

fn off(drawn: Option<f64>, measured: Option<f64>) -> bool {
    match (drawn, measured) {
        (Some(d), Some(m)) if d > 0.0 => (m - d).abs() / d > TOLERANCE,
        (Some(d), Some(m)) => m > 0.0 && d == 0.0,
        _ => false,
    }
}

/// Compare a journey with a log mined through [`key_fn`] of that journey.
/// `min_share` ignores observed pairs taken by fewer than that share of cases.
pub fn measure(j: &Journey, m: &Mined, min_share: f64) -> Measurement {
    let mut out = Measurement {
        measured: j.clone(),
        ..Default::default()
    };
    let is_tp = |key: &str| !key.starts_with(UNMAPPED);
    let shown = |key: &str| key.trim_start_matches(UNMAPPED).to_owned();
    for a in &m.activities {
        if !is_tp(&a.name) {
            out.unmapped.push((shown(&a.name), a.cases));
        }
    }
    out.unmapped
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let logged: BTreeSet<&str> = m
        .activities
        .iter()
        .map(|a| a.name.as_str())
        .filter(|k| is_tp(k))
        .collect();
    for t in j.touchpoints() {
        if !logged.contains(t.id.as_str()) {
            out.unlogged.push((t.id.0.clone(), t.name.clone()));
        }
    }
    // Observed pairs.
    let mut observed: BTreeSet<(String, String)> = BTreeSet::new();
    for p in &m.pairs {
        let (Some(a), Some(b)) = (m.activities.get(p.from), m.activities.get(p.to)) else {
            continue;
        };
        observed.insert((a.name.clone(), b.name.clone()));
        if m.cases == 0 || (p.cases as f64 / m.cases as f64) < min_share {
            continue;
        }
        if is_tp(&a.name) && a.name == b.name {
            continue; // consecutive events on one touchpoint: not a handoff
        }
        let drawn = is_tp(&a.name)
            && is_tp(&b.name)
            && j.handoff(&HandoffKey {
                from: TouchpointId::new(a.name.as_str()),
                to: TouchpointId::new(b.name.as_str()),
            })
            .is_some();
        if !drawn {
            out.hidden
                .push((shown(&a.name), shown(&b.name), p.transitions));
        }
    }
    out.hidden
        .sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    for h in j.handoffs() {
        if !observed.contains(&(h.from.0.clone(), h.to.0.clone())) {
            out.unseen.push((h.from.0.clone(), h.to.0.clone()));
        }
    }
    out.unseen.sort();
    // Figures per touchpoint.
    for a in &m.activities {
        if !is_tp(&a.name) {
            continue;
        }
        let Some(t) = j.touchpoint(&TouchpointId::new(a.name.as_str())) else {
            continue;
        };
        let mut differs = Vec::new();
        if off(t.volume.map(|v| v as f64), Some(a.cases as f64)) {
            differs.push("volume");
        }
        if off(t.handling_minutes, a.handling_minutes_median) {
            differs.push("handling");
        }
        if !differs.is_empty() {
            out.touchpoints.push(TouchpointCheck {
                id: t.id.0.clone(),
                name: t.name.clone(),
                activities: a.members.clone(),
                drawn_volume: t.volume,
                measured_volume: a.cases,
                drawn_handling_minutes: t.handling_minutes,
                measured_handling_minutes: a.handling_minutes_median.map(round2),
                differs,
            });
        }
        let mut nt = t.clone();
        let src = log_source(m, a.cases);
        nt.volume = Some(a.cases);
        nt.volume_source = src.clone();
        if let Some(hm) = a.handling_minutes_median {
            nt.handling_minutes = Some(round2(hm));
            nt.handling_source = src;
        }
        if let Some(p90) = a.handling_minutes_p90 {
            let metric = Metric {
                name: "Handling time p90".into(),
                value: round2(p90),
                unit: "min".into(),
                target: None,
                better: Better::Lower,
            };
            match nt.metrics.iter_mut().find(|x| x.name == metric.name) {
                Some(x) => {
                    x.value = metric.value;
                }
                None => nt.metrics.push(metric),
            }
        }
        let _ = out.measured.update_touchpoint(nt);
    }
    // Figures per drawn handoff.
    for h in j.handoffs() {
        let (Some(fa), Some(ta)) = (m.activity(h.from.as_str()), m.activity(h.to.as_str())) else {
            continue;
        };
        let pair = m.pair(fa, ta);
        let measured_volume = pair.map_or(0, |p| p.transitions);
        let wait = pair.and_then(|p| p.wait_hours_median);
        let mut differs = Vec::new();
        if off(h.volume.map(|v| v as f64), Some(measured_volume as f64)) {
            differs.push("volume");
        }
        if off(h.wait_hours, wait) {
            differs.push("wait");
        }
        if !differs.is_empty() {
            out.handoffs.push(HandoffCheck {
                from: h.from.0.clone(),
                to: h.to.0.clone(),
                drawn_wait_hours: h.wait_hours,
                measured_wait_hours: wait.map(round2),
                measured_wait_hours_p90: pair.and_then(|p| p.wait_hours_p90).map(round2),
                drawn_volume: h.volume,
                measured_volume,
                differs,
            });
        }
        let src = log_source(m, pair.map_or(0, |p| p.cases));
        let mut nh: Handoff = h.clone();
        nh.volume = Some(measured_volume);
        nh.volume_source = Box::new(src.clone());
        if let Some(p) = pair {
            nh.wait_hours = p.wait_hours_median.map(round2);
            nh.wait_hours_p90 = p.wait_hours_p90.map(round2);
            nh.wait_source = Box::new(src);
        }
        let _ = out.measured.update_handoff(nh);
    }
    out
}

pub fn json(me: &Measurement, j: &Journey, m: &Mined) -> Value {
    json!({
        "journey": j.title(),
        "log": m.file,
        "cases": m.cases,
        "events": m.events,
        "period": super::build::period_of(m).map(|p| json!({"from": p.from, "to": p.to})),
        "unmapped_activities": me.unmapped.iter().map(|(n, c)| json!({"name": n, "cases": c})).collect::<Vec<_>>(),
        "unlogged_touchpoints": me.unlogged.iter().map(|(id, n)| json!({"id": id, "name": n})).collect::<Vec<_>>(),
        "hidden_handoffs": me.hidden.iter().map(|(f, t, c)| json!({"from": f, "to": t, "count": c})).collect::<Vec<_>>(),
        "unseen_handoffs": me.unseen.iter().map(|(f, t)| json!({"from": f, "to": t})).collect::<Vec<_>>(),
        "touchpoints": me.touchpoints.iter().map(|t| json!({
            "id": t.id,
            "name": t.name,
            "activities": t.activities,
            "drawn_volume": t.drawn_volume,
            "measured_volume": t.measured_volume,
            "drawn_handling_minutes": opt(t.drawn_handling_minutes),
            "measured_handling_minutes": opt(t.measured_handling_minutes),
            "differs": t.differs,
        })).collect::<Vec<_>>(),
        "handoffs": me.handoffs.iter().map(|h| json!({
            "from": h.from,
            "to": h.to,
            "drawn_volume": h.drawn_volume,
            "measured_volume": h.measured_volume,
            "drawn_wait_hours": opt(h.drawn_wait_hours),
            "measured_wait_hours": opt(h.measured_wait_hours),
            "measured_wait_hours_p90": opt(h.measured_wait_hours_p90),
            "differs": h.differs,
        })).collect::<Vec<_>>(),
        "tolerance": r4(TOLERANCE),
    })
}

pub fn text(me: &Measurement, j: &Journey, m: &Mined, markdown: bool) -> String {
    use super::report::{cases_line, hours, minutes, table};
    use crate::i18n::format::count;
    let u = |v: Option<u64>| v.map_or("-".to_owned(), count);
    let h = |t: &str| {
        if markdown {
            format!("\n## {t}\n\n")
        } else {
            format!("\n{t}\n")
        }
    };
    let differs = |d: &[&str]| {
        d.iter()
            .map(|k| match *k {
                "volume" => tr("meas-off-volume"),
                "handling" => tr("meas-off-handling"),
                "wait" => tr("meas-off-wait"),
                other => other.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut o = String::new();
    let title = tr!("meas-title", journey = j.title(), file = m.file.as_str());
    if markdown {
        o.push_str(&format!("# {title}\n\n"));
    } else {
        o.push_str(&format!("{title}\n"));
    }
    o.push_str(&cases_line(m));
    o.push('\n');
    o.push_str(&h(&tr!("meas-hidden", count = me.hidden.len())));
    let rows: Vec<Vec<String>> = me
        .hidden
        .iter()
        .map(|(f, t, c)| vec![format!("{f} -> {t}"), count(*c)])
        .collect();
    o.push_str(&table(
        &[&tr("meas-col-handoff"), &tr("meas-col-count")],
        &rows,
        markdown,
    ));
    o.push_str(&h(&tr!("meas-unseen", count = me.unseen.len())));
    let rows: Vec<Vec<String>> = me
        .unseen
        .iter()
        .map(|(f, t)| vec![format!("{f} -> {t}")])
        .collect();
    o.push_str(&table(&[&tr("meas-col-handoff")], &rows, markdown));
    o.push_str(&h(&tr!("meas-unmapped", count = me.unmapped.len())));
    let rows: Vec<Vec<String>> = me
        .unmapped
        .iter()
        .map(|(a, c)| vec![a.clone(), count(*c)])
        .collect();
    o.push_str(&table(
        &[&tr("meas-col-activity"), &tr("meas-col-cases")],
        &rows,
        markdown,
    ));
    if !me.unlogged.is_empty() {
        o.push_str(&h(&tr!("meas-unlogged", count = me.unlogged.len())));
        let rows: Vec<Vec<String>> = me
            .unlogged
            .iter()
            .map(|(id, name)| vec![id.clone(), name.clone()])
            .collect();
        o.push_str(&table(
            &[&tr("meas-col-touchpoint"), &tr("meas-col-name")],
            &rows,
            markdown,
        ));
    }
    let tolerance = crate::model::fmt_num(TOLERANCE * 100.0);
    o.push_str(&h(&tr!(
        "meas-touchpoints-off",
        tolerance = tolerance.as_str(),
        count = me.touchpoints.len()
    )));
    let rows: Vec<Vec<String>> = me
        .touchpoints
        .iter()
        .map(|t| {
            vec![
                t.id.clone(),
                u(t.drawn_volume),
                count(t.measured_volume),
                minutes(t.drawn_handling_minutes),
                minutes(t.measured_handling_minutes),
                differs(&t.differs),
            ]
        })
        .collect();
    o.push_str(&table(
        &[
            &tr("meas-col-touchpoint"),
            &tr("meas-col-drawn-volume"),
            &tr("meas-col-measured"),
            &tr("meas-col-drawn-handling"),
            &tr("meas-col-measured"),
            &tr("meas-col-off"),
        ],
        &rows,
        markdown,
    ));
    o.push_str(&h(&tr!(
        "meas-handoffs-off",
        tolerance = tolerance.as_str(),
        count = me.handoffs.len()
    )));
    let rows: Vec<Vec<String>> = me
        .handoffs
        .iter()
        .map(|x| {
            vec![
                format!("{} -> {}", x.from, x.to),
                u(x.drawn_volume),
                count(x.measured_volume),
                hours(x.drawn_wait_hours),
                hours(x.measured_wait_hours),
                differs(&x.differs),
            ]
        })
        .collect();
    o.push_str(&table(
        &[
            &tr("meas-col-handoff"),
            &tr("meas-col-drawn-volume"),
            &tr("meas-col-measured"),
            &tr("meas-col-drawn-wait"),
            &tr("meas-col-measured"),
            &tr("meas-col-off"),
        ],
        &rows,
        markdown,
    ));
    o
}

/// Hold `journey` against the log at `log`, activities matched by the `--map` file
/// `map` when given: what `touchpoint measure` computes, for the app (on a worker) and
/// `touchpoint export --measure`. The error is every line to show.
pub fn measure_files(
    journey: &Journey,
    log: &std::path::Path,
    map: Option<&std::path::Path>,
    opts: &super::ReadOptions,
    min_share: f64,
) -> Result<(Measurement, super::LogRead), Vec<String>> {
    let map = match map {
        None => None,
        Some(p) => {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(p)
                .map_err(|e| vec![format!("{name}: could not read: {e}")])?;
            Some(read_map(&name, &text, journey)?)
        }
    };
    let read = super::mine_path(log, opts, Some(key_fn(journey, map.as_deref())))
        .map_err(|e| vec![e.to_string()])?;
    Ok((measure(journey, &read.mined, min_share), read))
}

/// What the map shows of a measurement (see `scene::logcheck`).
pub fn overlay(me: &Measurement, m: &Mined) -> crate::scene::logcheck::LogOverlay {
    crate::scene::logcheck::LogOverlay {
        log: std::path::Path::new(&m.file)
            .file_name()
            .map_or_else(|| m.file.clone(), |f| f.to_string_lossy().into_owned()),
        hidden: me.hidden.clone(),
        unseen: me
            .unseen
            .iter()
            .map(|(a, b)| HandoffKey {
                from: TouchpointId::new(a.as_str()),
                to: TouchpointId::new(b.as_str()),
            })
            .collect(),
        unmapped: me.unmapped.clone(),
    }
}
