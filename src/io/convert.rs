//! Journey <-> file DTO, and the validation of a parsed file. Validation collects
//! every problem with the path of the value it concerns; `super::load_str` turns
//! paths into `line:column`.

use super::dto::*;
use crate::i18n::{tr, tr_args};
use crate::model::*;
use std::collections::BTreeSet;

/// Longest string accepted in any text field (bytes).
pub const MAX_TEXT: usize = 64 * 1024;
/// Most touchpoints in one journey.
pub const MAX_TOUCHPOINTS: usize = 200_000;
/// Most handoffs in one journey.
pub const MAX_HANDOFFS: usize = 1_000_000;
/// Most stages, departments, notes or actions.
pub const MAX_PARTS: usize = 10_000;
/// Most metrics or pain points on one touchpoint, and outcomes of one journey.
pub const MAX_ITEMS: usize = 1_000;

/// A problem found in a parsed file: the path of the value and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct PathProblem {
    pub path: String,
    pub message: String,
}

/// A value quoted in a message, cut short: a 10 MB id must not make a 10 MB message.
struct Shown<'a>(&'a str);

impl std::fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MAX_CHARS: usize = 60;
        match self.0.char_indices().nth(MAX_CHARS) {
            None => write!(f, "{:?}", self.0),
            Some((cut, _)) => {
                let head = format!("{:?}", self.0.get(..cut).unwrap_or_default());
                let size = self.0.len().to_string();
                f.write_str(&tr_args(
                    "io-shown-cut",
                    &[("head", head.into()), ("size", size.into())],
                ))
            }
        }
    }
}

struct Checker {
    problems: Vec<PathProblem>,
}

impl Checker {
    fn push(&mut self, path: String, message: impl Into<String>) {
        self.problems.push(PathProblem {
            path,
            message: message.into(),
        });
    }

    /// `what` is the message id of what the text is (`io-what-title`).
    fn text(&mut self, path: impl FnOnce() -> String, what: &str, s: &str) {
        if s.len() > MAX_TEXT {
            self.push(
                path(),
                tr_args(
                    "io-text-too-long",
                    &[
                        ("what", tr(what).into()),
                        ("size", s.len().to_string().into()),
                        ("limit", MAX_TEXT.to_string().into()),
                    ],
                ),
            );
        }
    }

    /// `what` is the message id of the kind of id (`io-kind-stage`).
    fn id(&mut self, path: String, what: &str, id: &str) {
        if !is_valid_id(id) {
            self.push(
                path,
                tr_args(
                    "io-bad-id",
                    &[("what", tr(what).into()), ("id", shown(id).into())],
                ),
            );
        }
    }

    /// `what` is the message id of the number (`io-what-wait-time`).
    fn number(&mut self, path: String, what: &str, v: f64, min: f64, max: f64) {
        let what = || tr(what).into();
        if !v.is_finite() {
            self.push(
                path,
                tr_args(
                    "io-not-finite",
                    &[("what", what()), ("value", v.to_string().into())],
                ),
            );
        } else if v < min && max == f64::MAX {
            self.push(
                path,
                tr_args(
                    "io-negative",
                    &[("what", what()), ("value", v.to_string().into())],
                ),
            );
        } else if v < min || v > max {
            self.push(
                path,
                tr_args(
                    "io-out-of-range",
                    &[
                        ("what", what()),
                        ("min", min.to_string().into()),
                        ("max", max.to_string().into()),
                        ("value", v.to_string().into()),
                    ],
                ),
            );
        }
    }

    fn source(&mut self, path: impl Fn() -> String, s: Option<&SourceDto>) {
        let Some(s) = s else { return };
        if let Some(f) = &s.file {
            self.text(|| format!("{}.file", path()), "io-what-source-file", f);
        }
        if let Some(p) = &s.period {
            for (what, d) in [("from", &p.from), ("to", &p.to)] {
                if !is_iso_date(d) {
                    self.push(
                        format!("{}.period.{what}", path()),
                        tr_args("io-bad-date", &[("value", shown(d).into())]),
                    );
                }
            }
        }
    }

    /// `what` is the message id of what is counted (`io-many-stages`).
    fn count(&mut self, path: impl FnOnce() -> String, what: &str, n: usize, max: usize) {
        if n > max {
            self.push(
                path(),
                tr_args(
                    "io-too-many",
                    &[
                        ("what", tr(what).into()),
                        ("count", n.to_string().into()),
                        ("limit", max.to_string().into()),
                    ],
                ),
            );
        }
    }
}

/// A value from the file as quoted in a message (cut short).
fn shown(s: &str) -> String {
    format!("{:?}", Shown(s))
}

/// A message with one quoted value from the file.
fn tr_shown(id: &str, name: &str, value: &str) -> String {
    tr_args(id, &[(name, shown(value).into())])
}

/// The message for a newer format than this build reads.
pub(super) fn newer_format(format: u64) -> String {
    tr_args(
        "io-newer-format",
        &[
            ("format", format.to_string().into()),
            ("current", CURRENT_FORMAT.to_string().into()),
        ],
    )
}

/// `YYYY-MM-DD` with a plausible month and day (the form, not the calendar).
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        s.get(r)
            .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.parse().ok())
    };
    matches!(
        (digits(0..4), digits(5..7), digits(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

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

/// Check a parsed file. Returns every problem found, in file order.
pub fn validate(dto: &FileDto) -> Vec<PathProblem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if dto.format > CURRENT_FORMAT {
        c.push("format".into(), newer_format(u64::from(dto.format)));
        return c.problems;
    }
    if dto.format == 0 {
        c.push("format".into(), tr("io-format-zero"));
    }
    c.text(|| "title".into(), "io-what-title", &dto.title);
    c.text(
        || "description".into(),
        "io-what-description",
        &dto.description,
    );
    c.text(|| "owner".into(), "io-what-journey-owner", &dto.owner);
    c.text(|| "variant".into(), "io-what-variant", &dto.variant);
    c.count(
        || "outcomes".into(),
        "io-many-outcomes",
        dto.outcomes.len(),
        MAX_ITEMS,
    );
    for (i, o) in dto.outcomes.iter().enumerate() {
        c.text(
            || format!("outcomes[{i}].name"),
            "io-what-outcome-name",
            &o.name,
        );
        c.text(|| format!("outcomes[{i}].unit"), "io-what-unit", &o.unit);
    }
    for (i, o) in dto.outcomes.iter().enumerate() {
        c.number(
            format!("outcomes[{i}].value"),
            "io-what-outcome-value",
            o.value,
            f64::MIN,
            f64::MAX,
        );
    }
    let before_caps = c.problems.len();
    c.count(
        || "stages".into(),
        "io-many-stages",
        dto.stages.len(),
        MAX_PARTS,
    );
    c.count(
        || "departments".into(),
        "io-many-departments",
        dto.departments.len(),
        MAX_PARTS,
    );
    c.count(
        || "touchpoints".into(),
        "io-many-touchpoints",
        dto.touchpoints.len(),
        MAX_TOUCHPOINTS,
    );
    c.count(
        || "handoffs".into(),
        "io-many-handoffs",
        dto.handoffs.len(),
        MAX_HANDOFFS,
    );
    c.count(
        || "notes".into(),
        "io-many-notes",
        dto.notes.len(),
        MAX_PARTS,
    );
    c.count(
        || "actions".into(),
        "io-many-actions",
        dto.actions.len(),
        MAX_PARTS,
    );
    if c.problems.len() > before_caps {
        // Over a cap: that is the problem to fix; don't check a million items one by one.
        return c.problems;
    }

    let mut stages = BTreeSet::new();
    for (i, s) in dto.stages.iter().enumerate() {
        c.id(format!("stages[{i}].id"), "io-kind-stage", &s.id);
        if !stages.insert(s.id.as_str()) {
            c.push(
                format!("stages[{i}].id"),
                tr_shown("io-duplicate-stage", "id", &s.id),
            );
        }
        c.text(
            || format!("stages[{i}].name"),
            "io-what-stage-name",
            &s.name,
        );
        c.text(
            || format!("stages[{i}].description"),
            "io-what-stage-description",
            &s.description,
        );
    }
    let mut departments = BTreeSet::new();
    for (i, d) in dto.departments.iter().enumerate() {
        c.id(format!("departments[{i}].id"), "io-kind-department", &d.id);
        if !departments.insert(d.id.as_str()) {
            c.push(
                format!("departments[{i}].id"),
                tr_shown("io-duplicate-department", "id", &d.id),
            );
        }
        c.text(
            || format!("departments[{i}].name"),
            "io-what-department-name",
            &d.name,
        );
        if !d.color.is_empty() && Rgb::parse(&d.color).is_none() {
            c.push(
                format!("departments[{i}].color"),
                tr_shown("io-bad-colour", "value", &d.color),
            );
        }
    }
    let mut touchpoints = BTreeSet::new();
    for (i, t) in dto.touchpoints.iter().enumerate() {
        let p = |f: &str| format!("touchpoints[{i}].{f}");
        c.id(p("id"), "io-kind-touchpoint", &t.id);
        if !touchpoints.insert(t.id.as_str()) {
            c.push(p("id"), tr_shown("io-duplicate-touchpoint", "id", &t.id));
        }
        for (field, what, s) in [
            ("name", "io-what-name", &t.name),
            ("description", "io-what-a-description", &t.description),
            ("notes", "io-what-notes", &t.notes),
        ] {
            c.text(|| p(field), what, s);
        }
        if let Some(s) = &t.stage
            && !stages.contains(s.as_str())
        {
            c.push(p("stage"), tr_shown("io-unknown-stage-listed", "id", s));
        }
        if let Some(o) = &t.owner
            && !departments.contains(o.as_str())
        {
            c.push(
                p("owner"),
                tr_shown("io-unknown-department-listed", "id", o),
            );
        }
        if let Some(h) = t.handling_minutes {
            c.number(
                p("handling_minutes"),
                "io-what-handling-time",
                h,
                0.0,
                f64::MAX,
            );
        }
        c.source(|| p("scores_source"), t.scores_source.as_deref());
        c.source(|| p("volume_source"), t.volume_source.as_deref());
        c.source(|| p("handling_source"), t.handling_source.as_deref());
        c.count(
            || p("metrics"),
            "io-many-metrics",
            t.metrics.len(),
            MAX_ITEMS,
        );
        c.count(|| p("pains"), "io-many-pains", t.pains.len(), MAX_ITEMS);
        for (k, m) in t.metrics.iter().enumerate() {
            c.text(
                || p(&format!("metrics[{k}].name")),
                "io-what-metric-name",
                &m.name,
            );
            c.text(|| p(&format!("metrics[{k}].unit")), "io-what-unit", &m.unit);
            c.number(
                p(&format!("metrics[{k}].value")),
                "io-what-metric-value",
                m.value,
                f64::MIN,
                f64::MAX,
            );
            if let Some(target) = m.target {
                c.number(
                    p(&format!("metrics[{k}].target")),
                    "io-what-metric-target",
                    target,
                    f64::MIN,
                    f64::MAX,
                );
            }
        }
        for (k, pain) in t.pains.iter().enumerate() {
            c.text(|| p(&format!("pains[{k}]")), "io-what-pain", pain);
        }
        c.count(|| p("themes"), "io-many-themes", t.themes.len(), MAX_ITEMS);
        c.count(|| p("trend"), "io-many-trend", t.trend.len(), MAX_ITEMS);
        for (k, th) in t.themes.iter().enumerate() {
            c.count(
                || p(&format!("themes[{k}].terms")),
                "io-many-theme-terms",
                th.terms.len(),
                MAX_ITEMS,
            );
            c.count(
                || p(&format!("themes[{k}].quotes")),
                "io-many-quotes",
                th.quotes.len(),
                MAX_ITEMS,
            );
            for (q, term) in th.terms.iter().enumerate() {
                c.text(
                    || p(&format!("themes[{k}].terms[{q}]")),
                    "io-what-theme-term",
                    term,
                );
            }
            for (q, quote) in th.quotes.iter().enumerate() {
                c.text(
                    || p(&format!("themes[{k}].quotes[{q}]")),
                    "io-what-quote",
                    quote,
                );
            }
        }
        for (k, tp) in t.trend.iter().enumerate() {
            c.text(
                || p(&format!("trend[{k}].period")),
                "io-what-period",
                &tp.period,
            );
            c.number(
                p(&format!("trend[{k}].mean")),
                "io-what-mean-score",
                tp.mean,
                0.0,
                10.0,
            );
        }
        if let Some(s) = &t.scores {
            match (&s.histogram, s.mean) {
                (Some(_), Some(_)) => c.push(p("scores"), tr("io-scores-both")),
                (None, None) => c.push(p("scores"), tr("io-scores-none")),
                (Some(h), None) => {
                    if h.len() != 11 {
                        c.push(
                            p("scores.histogram"),
                            tr_args(
                                "io-histogram-length",
                                &[("count", h.len().to_string().into())],
                            ),
                        );
                    }
                    for (k, &n) in h.iter().enumerate() {
                        if n < 0 {
                            c.push(
                                p(&format!("scores.histogram[{k}]")),
                                tr_args("io-count-negative", &[("count", n.to_string().into())]),
                            );
                        } else if n > i64::from(u32::MAX) {
                            c.push(
                                p(&format!("scores.histogram[{k}]")),
                                tr_args("io-count-too-large", &[("count", n.to_string().into())]),
                            );
                        }
                    }
                    if s.responses.is_some() {
                        c.push(p("scores.responses"), tr("io-responses-with-histogram"));
                    }
                }
                (None, Some(mean)) => {
                    c.number(p("scores.mean"), "io-what-mean-score", mean, 0.0, 10.0);
                    match s.responses {
                        Some(n) if n < 0 || n > i64::from(u32::MAX) => c.push(
                            p("scores.responses"),
                            tr_args("io-responses-not-count", &[("count", n.to_string().into())]),
                        ),
                        _ => {}
                    }
                }
            }
        }
    }
    let mut pairs = BTreeSet::new();
    for (i, h) in dto.handoffs.iter().enumerate() {
        let p = |f: &str| format!("handoffs[{i}].{f}");
        if !touchpoints.contains(h.from.as_str()) {
            c.push(
                p("from"),
                tr_shown("io-unknown-touchpoint-listed", "id", &h.from),
            );
        }
        if !touchpoints.contains(h.to.as_str()) {
            c.push(
                p("to"),
                tr_shown("io-unknown-touchpoint-listed", "id", &h.to),
            );
        }
        if !pairs.insert((h.from.as_str(), h.to.as_str())) {
            c.push(
                p("from"),
                tr_args(
                    "io-duplicate-handoff",
                    &[("from", shown(&h.from).into()), ("to", shown(&h.to).into())],
                ),
            );
        }
        if let Some(w) = h.wait_hours {
            c.number(p("wait_hours"), "io-what-wait-time", w, 0.0, f64::MAX);
        }
        if let Some(w) = h.wait_hours_p90 {
            c.number(
                p("wait_hours_p90"),
                "io-what-wait-time-p90",
                w,
                0.0,
                f64::MAX,
            );
        }
        c.source(|| p("wait_source"), h.wait_source.as_deref());
        c.source(|| p("volume_source"), h.volume_source.as_deref());
        if let Some(r) = h.failure_rate {
            c.number(p("failure_rate"), "io-what-failure-rate", r, 0.0, 1.0);
        }
        c.text(|| p("label"), "io-what-label", &h.label);
        c.text(|| p("notes"), "io-what-notes", &h.notes);
    }
    let mut note_ids = BTreeSet::new();
    let check_anchor = |c: &mut Checker, path: String, a: &AnchorDto| match a {
        AnchorDto::Journey => {}
        AnchorDto::Touchpoint(t) => {
            if !touchpoints.contains(t.as_str()) {
                c.push(path, tr_shown("io-unknown-touchpoint", "id", t));
            }
        }
        AnchorDto::Handoff(f, t) => {
            if !pairs.contains(&(f.as_str(), t.as_str())) {
                c.push(
                    path,
                    tr_args(
                        "io-unknown-handoff",
                        &[("from", shown(f).into()), ("to", shown(t).into())],
                    ),
                );
            }
        }
        AnchorDto::Cell(s, d) => {
            if !stages.contains(s.as_str()) {
                c.push(path.clone(), tr_shown("io-unknown-stage", "id", s));
            }
            if !departments.contains(d.as_str()) {
                c.push(path, tr_shown("io-unknown-department", "id", d));
            }
        }
    };
    for (i, n) in dto.notes.iter().enumerate() {
        c.id(format!("notes[{i}].id"), "io-kind-note", &n.id);
        if !note_ids.insert(n.id.as_str()) {
            c.push(
                format!("notes[{i}].id"),
                tr_shown("io-duplicate-note", "id", &n.id),
            );
        }
        c.text(|| format!("notes[{i}].text"), "io-what-note", &n.text);
        c.text(|| format!("notes[{i}].author"), "io-what-author", &n.author);
        if !n.color.is_empty() && Rgb::parse(&n.color).is_none() {
            c.push(
                format!("notes[{i}].color"),
                tr_shown("io-bad-colour", "value", &n.color),
            );
        }
        check_anchor(&mut c, format!("notes[{i}].on"), &n.on);
    }
    for (i, a) in dto.actions.iter().enumerate() {
        c.id(format!("actions[{i}].id"), "io-kind-action", &a.id);
        if !note_ids.insert(a.id.as_str()) {
            c.push(
                format!("actions[{i}].id"),
                tr_shown("io-duplicate-note-or-action", "id", &a.id),
            );
        }
        c.text(|| format!("actions[{i}].what"), "io-what-action", &a.what);
        c.text(
            || format!("actions[{i}].owner"),
            "io-what-action-owner",
            &a.owner,
        );
        c.text(|| format!("actions[{i}].due"), "io-what-due", &a.due);
        check_anchor(&mut c, format!("actions[{i}].on"), &a.on);
    }
    validate_evidence(&mut c, dto);
    c.problems
}

/// Scenarios and key-driver results. Touchpoint ids must be well-formed but may name
/// touchpoints the journey no longer has: a scenario is a hypothesis, and deleting a
/// touchpoint must never make the file unloadable (such changes are skipped, with
/// a note, when the scenario runs; such driver results are ignored).
fn validate_evidence(c: &mut Checker, dto: &FileDto) {
    c.count(
        || "scenarios".into(),
        "io-many-scenarios",
        dto.scenarios.len(),
        MAX_PARTS,
    );
    let mut names = BTreeSet::new();
    for (i, sc) in dto.scenarios.iter().enumerate() {
        let p = |f: &str| format!("scenarios[{i}].{f}");
        c.text(|| p("name"), "io-what-scenario-name", &sc.name);
        if sc.name.trim().is_empty() {
            c.push(p("name"), tr("io-scenario-needs-name"));
        } else if !names.insert(sc.name.as_str()) {
            c.push(
                p("name"),
                tr_shown("io-duplicate-scenario", "name", &sc.name),
            );
        }
        c.count(
            || p("changes"),
            "io-many-changes",
            sc.changes.len(),
            MAX_ITEMS,
        );
        for (k, ch) in sc.changes.iter().enumerate() {
            let path = p(&format!("changes[{k}]"));
            let model = change_from(ch);
            for t in model.touchpoints() {
                c.id(path.clone(), "io-kind-touchpoint", t.as_str());
            }
            if let Err(e) = model.check() {
                c.push(path, e);
            }
        }
    }
    if let Some(d) = &dto.drivers {
        c.text(|| "drivers.source".into(), "io-what-source", &d.source);
        c.text(|| "drivers.column".into(), "io-what-column", &d.column);
        c.count(
            || "drivers.touchpoints".into(),
            "io-many-drivers",
            d.touchpoints.len(),
            MAX_TOUCHPOINTS,
        );
        let mut seen = BTreeSet::new();
        for (i, t) in d.touchpoints.iter().enumerate() {
            c.id(
                format!("drivers.touchpoints[{i}].touchpoint"),
                "io-kind-touchpoint",
                &t.touchpoint,
            );
            if !seen.insert(t.touchpoint.as_str()) {
                c.push(
                    format!("drivers.touchpoints[{i}].touchpoint"),
                    tr_shown("io-duplicate-driver", "id", &t.touchpoint),
                );
            }
        }
        if let Err(e) = drivers_from(d).check() {
            c.push("drivers".into(), e);
        }
    }
}

fn change_from(ch: &ChangeDto) -> ScenarioChange {
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

fn drivers_from(d: &KeyDriversDto) -> KeyDrivers {
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

fn anchor_to(a: &Anchor) -> AnchorDto {
    match a {
        Anchor::Journey => AnchorDto::Journey,
        Anchor::Touchpoint(t) => AnchorDto::Touchpoint(t.0.clone()),
        Anchor::Handoff(k) => AnchorDto::Handoff(k.from.0.clone(), k.to.0.clone()),
        Anchor::Cell(s, d) => AnchorDto::Cell(s.0.clone(), d.0.clone()),
    }
}

/// Build a journey from a validated DTO. Problems the model still refuses are
/// returned with their path (validation should have caught them all).
pub fn journey_from_dto(dto: FileDto) -> Result<Journey, Vec<PathProblem>> {
    let mut j = Journey::new(dto.title);
    let mut problems = Vec::new();
    let mut note = |path: String, r: Result<(), ModelError>| {
        if let Err(e) = r {
            problems.push(PathProblem {
                path,
                message: e.to_string(),
            });
        }
    };
    note(
        "title".into(),
        j.set_meta(JourneyMeta {
            title: j.title().to_owned(),
            description: dto.description,
            owner: dto.owner,
            variant: dto.variant,
            outcomes: dto
                .outcomes
                .into_iter()
                .map(|o| Outcome {
                    name: o.name,
                    value: o.value,
                    unit: o.unit,
                })
                .collect(),
            scenarios: dto
                .scenarios
                .iter()
                .map(|sc| Scenario {
                    name: sc.name.clone(),
                    changes: sc.changes.iter().map(change_from).collect(),
                })
                .collect(),
            drivers: dto.drivers.as_ref().map(drivers_from),
        })
        .map(|_| ()),
    );
    for (i, s) in dto.stages.into_iter().enumerate() {
        let n = j.stages().len();
        note(
            format!("stages[{i}]"),
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
            format!("departments[{i}]"),
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
        let tp = Touchpoint {
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
        };
        note(format!("touchpoints[{i}]"), j.add_touchpoint(tp));
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
        note(format!("handoffs[{i}]"), j.add_handoff(h));
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
        note(format!("notes[{i}]"), j.add_note(sticky));
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
        note(format!("actions[{i}]"), j.add_action(action));
    }
    if problems.is_empty() {
        Ok(j)
    } else {
        Err(problems)
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
