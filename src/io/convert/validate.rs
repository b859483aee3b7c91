//! Validation of a parsed file: every problem, with the path of the value it concerns,
//! in file order.

use super::from_dto::{change_from, drivers_from};
use super::{MAX_HANDOFFS, MAX_ITEMS, MAX_PARTS, MAX_TEXT, MAX_TOUCHPOINTS, PathProblem};
use crate::i18n::{tr, tr_args};
use crate::io::dto::*;
use crate::model::rules::{self, NumberRule};
use crate::model::*;
use std::collections::{BTreeSet, HashSet};

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
    fn id(&mut self, path: impl FnOnce() -> String, what: &str, id: &str) {
        if !is_valid_id(id) {
            self.push(
                path(),
                tr_args(
                    "io-bad-id",
                    &[("what", tr(what).into()), ("id", shown(id).into())],
                ),
            );
        }
    }

    /// A number under one of the model's rules ([`crate::model::rules`]).
    fn number(&mut self, path: impl FnOnce() -> String, rule: &NumberRule, v: f64) {
        if let Some(problem) = rule.problem(v, || tr(rule.what)) {
            self.push(path(), problem);
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
pub(in crate::io) fn newer_format(format: u64) -> String {
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
    check_meta(&mut c, dto);
    if over_caps(&mut c, dto) {
        // Over a cap: that is the problem to fix; don't check a million items one by one.
        return c.problems;
    }
    let stages = check_stages(&mut c, &dto.stages);
    let departments = check_departments(&mut c, &dto.departments);
    let mut touchpoints = Ids::with_capacity(dto.touchpoints.len());
    for (i, t) in dto.touchpoints.iter().enumerate() {
        check_touchpoint(&mut c, i, t, &mut touchpoints, &stages, &departments);
    }
    let pairs = check_handoffs(&mut c, &dto.handoffs, &touchpoints);
    let known = Known {
        stages,
        departments,
        touchpoints,
        pairs,
    };
    check_notes_and_actions(&mut c, dto, &known);
    validate_evidence(&mut c, dto);
    c.problems
}

/// Ids a file declares. Only "is it there" is asked (problems come in file order), so
/// a hash set: the ids of a big file are looked up hundreds of thousands of times.
type Ids<'a> = HashSet<&'a str>;

/// The ids a file declares, which its references must name.
struct Known<'a> {
    stages: Ids<'a>,
    departments: Ids<'a>,
    touchpoints: Ids<'a>,
    pairs: HashSet<(&'a str, &'a str)>,
}

/// The journey's own texts and outcomes.
fn check_meta(c: &mut Checker, dto: &FileDto) {
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
            || format!("outcomes[{i}].value"),
            &rules::OUTCOME_VALUE,
            o.value,
        );
    }
}

/// Whether any list is longer than its cap (each such list is a problem).
fn over_caps(c: &mut Checker, dto: &FileDto) -> bool {
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
    c.problems.len() > before_caps
}

/// The stages; returns their ids.
fn check_stages<'a>(c: &mut Checker, list: &'a [StageDto]) -> Ids<'a> {
    let mut stages = Ids::new();
    for (i, s) in list.iter().enumerate() {
        c.id(|| format!("stages[{i}].id"), "io-kind-stage", &s.id);
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
    stages
}

/// The departments; returns their ids.
fn check_departments<'a>(c: &mut Checker, list: &'a [DepartmentDto]) -> Ids<'a> {
    let mut departments = Ids::new();
    for (i, d) in list.iter().enumerate() {
        c.id(
            || format!("departments[{i}].id"),
            "io-kind-department",
            &d.id,
        );
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
    departments
}

/// Touchpoint `i`: its id (added to `touchpoints`), texts, references, figures,
/// metrics, comment themes, trend and scores.
fn check_touchpoint<'a>(
    c: &mut Checker,
    i: usize,
    t: &'a TouchpointDto,
    touchpoints: &mut Ids<'a>,
    stages: &Ids<'_>,
    departments: &Ids<'_>,
) {
    let p = |f: &str| format!("touchpoints[{i}].{f}");
    c.id(|| p("id"), "io-kind-touchpoint", &t.id);
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
        c.number(|| p("handling_minutes"), &rules::HANDLING_MINUTES, h);
    }
    c.source(|| p("scores_source"), t.scores_source.as_deref());
    c.source(|| p("volume_source"), t.volume_source.as_deref());
    c.source(|| p("handling_source"), t.handling_source.as_deref());
    check_metrics_and_pains(c, &p, t);
    check_themes_and_trend(c, &p, t);
    if let Some(s) = &t.scores {
        check_scores(c, &p, s);
    }
}

/// A touchpoint's metrics and pain points (`p` gives a field's path).
fn check_metrics_and_pains(c: &mut Checker, p: &dyn Fn(&str) -> String, t: &TouchpointDto) {
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
            || p(&format!("metrics[{k}].value")),
            &rules::METRIC_VALUE,
            m.value,
        );
        if let Some(target) = m.target {
            c.number(
                || p(&format!("metrics[{k}].target")),
                &rules::METRIC_TARGET,
                target,
            );
        }
    }
    for (k, pain) in t.pains.iter().enumerate() {
        c.text(|| p(&format!("pains[{k}]")), "io-what-pain", pain);
    }
}

/// A touchpoint's comment themes and score trend (`p` gives a field's path).
fn check_themes_and_trend(c: &mut Checker, p: &dyn Fn(&str) -> String, t: &TouchpointDto) {
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
            || p(&format!("trend[{k}].mean")),
            &rules::MEAN_SCORE,
            tp.mean,
        );
    }
}

/// A touchpoint's scores: a histogram or a mean, never both (`p` gives a field's path).
fn check_scores(c: &mut Checker, p: &dyn Fn(&str) -> String, s: &ScoresDto) {
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
            c.number(|| p("scores.mean"), &rules::MEAN_SCORE, mean);
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

/// The handoffs; returns their (from, to) pairs.
fn check_handoffs<'a>(
    c: &mut Checker,
    list: &'a [HandoffDto],
    touchpoints: &Ids<'_>,
) -> HashSet<(&'a str, &'a str)> {
    let mut pairs = HashSet::with_capacity(list.len());
    for (i, h) in list.iter().enumerate() {
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
            c.number(|| p("wait_hours"), &rules::WAIT_HOURS, w);
        }
        if let Some(w) = h.wait_hours_p90 {
            c.number(|| p("wait_hours_p90"), &rules::WAIT_HOURS_P90, w);
        }
        c.source(|| p("wait_source"), h.wait_source.as_deref());
        c.source(|| p("volume_source"), h.volume_source.as_deref());
        if let Some(r) = h.failure_rate {
            c.number(|| p("failure_rate"), &rules::FAILURE_RATE, r);
        }
        c.text(|| p("label"), "io-what-label", &h.label);
        c.text(|| p("notes"), "io-what-notes", &h.notes);
    }
    pairs
}

/// What a note or an action is attached to must exist.
fn check_anchor(c: &mut Checker, known: &Known<'_>, path: String, a: &AnchorDto) {
    match a {
        AnchorDto::Journey => {}
        AnchorDto::Touchpoint(t) => {
            if !known.touchpoints.contains(t.as_str()) {
                c.push(path, tr_shown("io-unknown-touchpoint", "id", t));
            }
        }
        AnchorDto::Handoff(f, t) => {
            if !known.pairs.contains(&(f.as_str(), t.as_str())) {
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
            if !known.stages.contains(s.as_str()) {
                c.push(path.clone(), tr_shown("io-unknown-stage", "id", s));
            }
            if !known.departments.contains(d.as_str()) {
                c.push(path, tr_shown("io-unknown-department", "id", d));
            }
        }
    }
}

/// Sticky notes and action items (their ids share one namespace).
fn check_notes_and_actions(c: &mut Checker, dto: &FileDto, known: &Known<'_>) {
    let mut note_ids = BTreeSet::new();
    for (i, n) in dto.notes.iter().enumerate() {
        c.id(|| format!("notes[{i}].id"), "io-kind-note", &n.id);
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
        check_anchor(c, known, format!("notes[{i}].on"), &n.on);
    }
    for (i, a) in dto.actions.iter().enumerate() {
        c.id(|| format!("actions[{i}].id"), "io-kind-action", &a.id);
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
        check_anchor(c, known, format!("actions[{i}].on"), &a.on);
    }
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
                c.id(|| path.clone(), "io-kind-touchpoint", t.as_str());
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
                || format!("drivers.touchpoints[{i}].touchpoint"),
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
