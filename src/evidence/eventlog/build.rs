//! From mined figures to a journey: activities become touchpoints in their department's
//! lane, directly-follows pairs become handoffs with their counts and queue times, and
//! stages come from a file or from the activities' median position in their cases.

use super::miner::Mined;
use super::time::iso_date;
use crate::model::{
    Better, Channel, Department, DepartmentId, DepartmentKind, Handoff, Journey, JourneyMeta,
    Layer, Metric, Outcome, Period, Rgb, Source, Stage, StageId, Touchpoint, TouchpointId,
    fresh_id, slugify,
};
use std::collections::{BTreeMap, BTreeSet};

/// How to build the journey.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Drop handoffs taken by fewer than this share of cases (0 keeps all).
    pub min_share: f64,
    /// Activity -> stage name, in the order of a `--stages` file. `None`: derived.
    pub stages: Option<Vec<(String, String)>>,
    /// The journey's title; from the file name when `None`.
    pub title: Option<String>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            min_share: 0.01,
            stages: None,
            title: None,
        }
    }
}

/// The built journey, and what was left off.
#[derive(Clone, Debug)]
pub struct Built {
    pub journey: Journey,
    /// Directly-follows pairs dropped by `min_share`.
    pub dropped_handoffs: usize,
    /// Activities of a stages file that are not in the log, and activities of the log
    /// that the stages file does not name.
    pub warnings: Vec<String>,
}

/// The name of the customer's department.
pub const CUSTOMER: &str = "Customer";

/// Round to 2 decimals (figures in files stay readable).
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The log's date range as a period.
pub fn period_of(m: &Mined) -> Option<Period> {
    m.period.map(|(a, b)| Period {
        from: iso_date(a),
        to: iso_date(b),
    })
}

/// The source of a figure measured from this log.
pub fn log_source(m: &Mined, count: u64) -> Source {
    let file = std::path::Path::new(&m.file)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .filter(|f| !f.is_empty());
    Source::log(file, period_of(m), Some(count))
}

/// Whether an activity is performed by the customer.
pub fn is_customer(a: &super::ActivityFigures) -> bool {
    a.customer
        || a.department
            .as_deref()
            .is_some_and(|d| d.eq_ignore_ascii_case(CUSTOMER))
}

/// The stages, derived: 3 to 6 (fewer with fewer activities) runs of activities in
/// order of median position, as even as can be, each named after its first activity.
/// Returns, per activity index, the stage number, and the stage names.
pub fn derived_stages(m: &Mined) -> (Vec<usize>, Vec<String>) {
    let n = m.activities.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let k = n.div_ceil(4).clamp(3, 6).min(n);
    let mut of = vec![0; n];
    let mut names = Vec::new();
    for (i, slot) in of.iter_mut().enumerate() {
        // Activities are already in journey order (median position, then name).
        let s = i * k / n;
        *slot = s;
        if names.len() == s {
            names.push(m.activities[i].name.clone());
        }
    }
    (of, names)
}

/// The journey of mined figures (see the module comment), with what was left off.
pub fn journey(m: &Mined, opts: &BuildOptions) -> Built {
    let mut warnings = Vec::new();
    let mut j = titled_journey(m, opts);
    // Stages.
    let (stage_of, stage_names): (Vec<usize>, Vec<String>) = match &opts.stages {
        None => derived_stages(m),
        Some(map) => mapped_stages(m, map, &mut warnings),
    };
    let stage_ids = add_stages(&mut j, &stage_names);
    // Departments, in journey order of the first activity they own.
    let dept_ids = add_departments(&mut j, m);
    // Touchpoints.
    let mut tp_ids: Vec<String> = Vec::new();
    let mut taken_tps: BTreeSet<String> = BTreeSet::new();
    for (i, a) in m.activities.iter().enumerate() {
        let id = fresh_id(&slugify(&a.name, "activity"), |c| taken_tps.contains(c));
        taken_tps.insert(id.clone());
        tp_ids.push(id.clone());
        let mut tp = touchpoint_of(m, a, id);
        tp.stage = stage_of
            .get(i)
            .and_then(|&s| stage_ids.get(s))
            .map(|s| StageId::new(s.clone()));
        tp.owner = owner_of(a)
            .and_then(|d| dept_ids.get(&d))
            .map(|d| DepartmentId::new(d.clone()));
        if let Err(e) = j.add_touchpoint(tp) {
            warnings.push(format!("activity {:?} left out: {e}", a.name));
        }
    }
    // Handoffs.
    let dropped = add_handoffs(&mut j, m, opts, &tp_ids, &mut warnings);
    Built {
        journey: j,
        dropped_handoffs: dropped,
        warnings,
    }
}

/// An empty journey with its title and description (counts, period) and the log's
/// outcomes: cases and the elapsed time per case.
fn titled_journey(m: &Mined, opts: &BuildOptions) -> Journey {
    let stem = std::path::Path::new(&m.file)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| format!("As-is journey mined from {stem}"));
    let mut j = Journey::new(title.clone());
    let period = period_of(m)
        .map(|p| format!(", {} to {}", p.from, p.to))
        .unwrap_or_default();
    let mut outcomes = vec![Outcome {
        name: "Cases".into(),
        value: m.cases as f64,
        unit: String::new(),
    }];
    if let Some(e) = m.elapsed_hours_median {
        outcomes.push(Outcome {
            name: "Elapsed time per case (median)".into(),
            value: round2(e),
            unit: "h".into(),
        });
    }
    if let Some(e) = m.elapsed_hours_p90 {
        outcomes.push(Outcome {
            name: "Elapsed time per case (p90)".into(),
            value: round2(e),
            unit: "h".into(),
        });
    }
    let _ = j.set_meta(JourneyMeta {
        title,
        description: format!(
            "Mined from the event log {stem}: {} cases, {} events{period}.",
            m.cases, m.events
        ),
        outcomes,
        ..Default::default()
    });
    j
}

/// The stage of each activity and the stage names from a stages file's `map`
/// (activity -> stage, in the file's order); activities it leaves out go to "Other".
/// Names the file and the log do not share are warned about.
fn mapped_stages(
    m: &Mined,
    map: &[(String, String)],
    warnings: &mut Vec<String>,
) -> (Vec<usize>, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    let mut by_act: BTreeMap<&str, usize> = BTreeMap::new();
    for (act, stage) in map {
        let s = match names.iter().position(|n| n == stage) {
            Some(s) => s,
            None => {
                names.push(stage.clone());
                names.len() - 1
            }
        };
        by_act.entry(act.as_str()).or_insert(s);
        if m.activity(act).is_none() {
            warnings.push(format!(
                "the stages file names {act:?}, which is not in the log"
            ));
        }
    }
    let mut other = None;
    let of = m
        .activities
        .iter()
        .map(|a| match by_act.get(a.name.as_str()) {
            Some(&s) => s,
            None => {
                warnings.push(format!(
                    "activity {:?} is in no stage of the stages file; put in \"Other\"",
                    a.name
                ));
                *other.get_or_insert_with(|| {
                    names.push("Other".into());
                    names.len() - 1
                })
            }
        })
        .collect();
    (of, names)
}

/// Add a stage per name; returns their ids, in order.
fn add_stages(j: &mut Journey, stage_names: &[String]) -> Vec<String> {
    let mut stage_ids = Vec::new();
    for name in stage_names {
        let id = fresh_id(&slugify(name, "stage"), |c| {
            stage_ids.iter().any(|s: &String| s == c)
        });
        let _ = j.insert_stage(
            j.stages().len(),
            Stage {
                id: StageId::new(id.clone()),
                name: name.clone(),
                description: String::new(),
            },
        );
        stage_ids.push(id);
    }
    stage_ids
}

/// The department that owns an activity: the customer's for a customer activity.
fn owner_of(a: &super::ActivityFigures) -> Option<String> {
    if is_customer(a) {
        Some(CUSTOMER.to_owned())
    } else {
        a.department.clone()
    }
}

/// Add the departments owning the activities, in journey order of the first activity
/// each owns; returns name -> id.
fn add_departments(j: &mut Journey, m: &Mined) -> BTreeMap<String, String> {
    let mut dept_ids: BTreeMap<String, String> = BTreeMap::new();
    let mut taken_depts: BTreeSet<String> = BTreeSet::new();
    for a in &m.activities {
        let Some(name) = owner_of(a) else { continue };
        if dept_ids.contains_key(&name) {
            continue;
        }
        let id = fresh_id(&slugify(&name, "department"), |c| taken_depts.contains(c));
        taken_depts.insert(id.clone());
        let kind = if name == CUSTOMER {
            DepartmentKind::Customer
        } else {
            DepartmentKind::Internal
        };
        let _ = j.insert_department(
            j.departments().len(),
            Department {
                id: DepartmentId::new(id.clone()),
                name: name.clone(),
                color: Rgb::palette(dept_ids.len()),
                kind,
            },
        );
        dept_ids.insert(name, id);
    }
    dept_ids
}

/// The touchpoint `id` of activity `a` (no stage or owner yet): channel and layer
/// (from the log, else from who performs it), metrics, volume, handling time, notes.
fn touchpoint_of(m: &Mined, a: &super::ActivityFigures, id: String) -> Touchpoint {
    let customer = is_customer(a);
    let channel = a
        .channel
        .as_deref()
        .and_then(Channel::parse)
        .unwrap_or(if customer {
            Channel::Web
        } else {
            Channel::Internal
        });
    let layer = a.layer.as_deref().and_then(Layer::parse).unwrap_or({
        if customer {
            Layer::CustomerAction
        } else {
            match a.visible {
                Some(true) => Layer::Frontstage,
                Some(false) => Layer::Backstage,
                None if channel == Channel::Internal => Layer::Backstage,
                None => Layer::Frontstage,
            }
        }
    });
    let src = log_source(m, a.cases);
    Touchpoint {
        id: TouchpointId::new(id),
        name: a.name.clone(),
        stage: None,
        owner: None,
        channel,
        layer,
        metrics: metrics_of(a),
        volume: Some(a.cases),
        volume_source: src.clone(),
        handling_minutes: a.handling_minutes_median.map(round2),
        handling_source: if a.handling_minutes_median.is_some() {
            src
        } else {
            Source::default()
        },
        notes: notes_of(a),
        ..Default::default()
    }
}

/// An activity's metrics: handling time p90, rework share, cost per event (when known).
fn metrics_of(a: &super::ActivityFigures) -> Vec<Metric> {
    let mut metrics = Vec::new();
    if let Some(p90) = a.handling_minutes_p90 {
        metrics.push(Metric {
            name: "Handling time p90".into(),
            value: round2(p90),
            unit: "min".into(),
            target: None,
            better: Better::Lower,
        });
    }
    if a.rework_cases > 0 && a.cases > 0 {
        metrics.push(Metric {
            name: "Cases repeating it (rework)".into(),
            value: round2(a.rework_cases as f64 * 100.0 / a.cases as f64),
            unit: "%".into(),
            target: None,
            better: Better::Lower,
        });
    }
    if let Some(c) = a.cost_mean {
        metrics.push(Metric {
            name: "Cost per event".into(),
            value: round2(c),
            unit: String::new(),
            target: None,
            better: Better::Lower,
        });
    }
    metrics
}

/// An activity's notes: counts, the log activities it stands for, other departments
/// performing it, rework.
fn notes_of(a: &super::ActivityFigures) -> String {
    let mut notes = vec![format!("Mined: {} cases, {} events.", a.cases, a.events)];
    if a.members.len() > 1 || a.members.first().is_some_and(|n| *n != a.name) {
        notes.push(format!("Log activities: {}.", a.members.join(", ")));
    }
    let others: Vec<String> = a
        .departments
        .iter()
        .filter(|(d, _)| Some(d) != a.department.as_ref())
        .map(|(d, n)| format!("{d} ({n} events)"))
        .collect();
    if !others.is_empty() {
        notes.push(format!("Also performed by: {}.", others.join(", ")));
    }
    if a.rework_cases > 0 {
        notes.push(format!("Repeated in {} cases (rework).", a.rework_cases));
    }
    notes.join(" ")
}

/// Add a handoff per directly-follows pair taken by at least `opts.min_share` of the
/// cases (`tp_ids` the touchpoints' ids by activity); returns how many were dropped.
fn add_handoffs(
    j: &mut Journey,
    m: &Mined,
    opts: &BuildOptions,
    tp_ids: &[String],
    warnings: &mut Vec<String>,
) -> usize {
    let mut dropped = 0;
    for p in &m.pairs {
        let share = if m.cases > 0 {
            p.cases as f64 / m.cases as f64
        } else {
            0.0
        };
        if share < opts.min_share {
            dropped += 1;
            continue;
        }
        let (Some(from), Some(to)) = (tp_ids.get(p.from), tp_ids.get(p.to)) else {
            continue;
        };
        let src = log_source(m, p.cases);
        let h = Handoff {
            from: TouchpointId::new(from.clone()),
            to: TouchpointId::new(to.clone()),
            wait_hours: p.wait_hours_median.map(round2),
            wait_hours_p90: p.wait_hours_p90.map(round2),
            wait_source: Box::new(src.clone()),
            volume: Some(p.transitions),
            volume_source: Box::new(src),
            ..Default::default()
        };
        if let Err(e) = j.add_handoff(h) {
            warnings.push(format!("handoff {from} -> {to} left out: {e}"));
        }
    }
    dropped
}

/// Read a `--stages` CSV: `activity,stage` per row (a header row naming `activity` is
/// skipped). Problems are `file:line: reason`.
pub fn read_stages(name: &str, text: &str) -> Result<Vec<(String, String)>, Vec<String>> {
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
        let s = rec.get(1).unwrap_or("");
        if i == 0 && a.eq_ignore_ascii_case("activity") {
            continue;
        }
        if a.is_empty() && s.is_empty() {
            continue;
        }
        if a.is_empty() || s.is_empty() {
            problems.push(format!(
                "{name}:{line}: expected `activity,stage`, got {:?}",
                rec.iter().collect::<Vec<_>>().join(",")
            ));
            continue;
        }
        out.push((a.to_owned(), s.to_owned()));
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(format!("{name}: no `activity,stage` rows"));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
