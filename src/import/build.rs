//! Shared by the CSV and Mermaid importers: a problem list with a cap, and a journey
//! builder that creates stages and departments from names and keeps every limit of
//! the file format (so an imported journey always saves and loads back).

use super::{ImportProblem, MAX_PROBLEMS};
use crate::io::{MAX_ITEMS, MAX_PARTS, MAX_TEXT};
use crate::model::{
    Department, DepartmentId, DepartmentKind, Handoff, Journey, Rgb, Stage, StageId, Touchpoint,
    TouchpointId, is_valid_id, slugify,
};
use crate::tr;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Problems met while importing one input, at most [`MAX_PROBLEMS`] kept.
pub(crate) struct Problems {
    file: String,
    list: Vec<ImportProblem>,
    more: usize,
}

impl Problems {
    pub fn new(file: &str) -> Problems {
        Problems {
            file: file.to_owned(),
            list: Vec::new(),
            more: 0,
        }
    }

    pub fn at(&mut self, line: usize, message: impl Into<String>) {
        self.push(Some(line), message.into());
    }

    pub fn general(&mut self, message: impl Into<String>) {
        self.push(None, message.into());
    }

    fn push(&mut self, line: Option<usize>, message: String) {
        if self.list.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        self.list.push(ImportProblem {
            file: self.file.clone(),
            line,
            message,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn finish(mut self) -> Vec<ImportProblem> {
        if self.more > 0 {
            self.list.push(ImportProblem {
                file: self.file.clone(),
                line: None,
                message: tr!("io-more-problems", count = self.more),
            });
        }
        self.list
    }
}

/// Cut a text to the file format's limit ([`MAX_TEXT`] bytes) on a character boundary.
/// Returns the text and whether it was cut.
pub fn clip_text(text: &str) -> (String, bool) {
    if text.len() <= MAX_TEXT {
        return (text.to_owned(), false);
    }
    let mut end = MAX_TEXT;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    (text.get(..end).unwrap_or_default().to_owned(), true)
}

/// Fresh ids `base`, `base-2`, `base-3`, ... that `taken` does not contain, in linear
/// time over many calls: the next suffix to try is kept per base, so a name repeated
/// 200,000 times costs 200,000 lookups, not 200,000^2 / 2.
#[derive(Default)]
pub(crate) struct FreshIds {
    next: HashMap<String, u64>,
}

impl FreshIds {
    pub fn fresh(&mut self, base: &str, taken: impl Fn(&str) -> bool) -> String {
        if !taken(base) {
            return base.to_owned();
        }
        let n = self.next.entry(base.to_owned()).or_insert(2);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if !taken(&candidate) {
                return candidate;
            }
        }
    }
}

/// Touchpoints by name (exact, and lower-cased), the lowest id first as
/// `journey.touchpoints().find(..)` would give, but in O(log n).
#[derive(Default)]
pub(crate) struct NameIndex {
    exact: HashMap<String, TouchpointId>,
    lower: HashMap<String, TouchpointId>,
}

impl NameIndex {
    pub fn of(journey: &Journey) -> NameIndex {
        let mut index = NameIndex::default();
        for t in journey.touchpoints() {
            index.insert(&t.name, &t.id);
        }
        index
    }

    pub fn insert(&mut self, name: &str, id: &TouchpointId) {
        for (map, key) in [
            (&mut self.exact, name.to_owned()),
            (&mut self.lower, name.to_lowercase()),
        ] {
            match map.get_mut(&key) {
                Some(old) if *old <= *id => {}
                Some(old) => *old = id.clone(),
                None => {
                    map.insert(key, id.clone());
                }
            }
        }
    }

    /// By exact name, else ignoring case.
    pub fn get(&self, name: &str) -> Option<&TouchpointId> {
        self.exact
            .get(name)
            .or_else(|| self.lower.get(&name.to_lowercase()))
    }
}

/// "WHAT: N bytes, cut to the limit of M"; `what` is a message id (`io-what-pain`).
fn cut_message(what: &str, len: usize) -> String {
    tr!(
        "imp-text-cut",
        what = crate::i18n::tr(what),
        size = len.to_string(),
        limit = MAX_TEXT.to_string()
    )
}

/// A value from the input, quoted in a message.
fn q(s: &str) -> String {
    format!("{s:?}")
}

/// Cut `text` to [`MAX_TEXT`] bytes in place, reporting it (`what`: a message id).
fn fit(what: &str, text: &mut String, line: usize, problems: &mut Problems) {
    if text.len() > MAX_TEXT {
        let len = text.len();
        let mut end = MAX_TEXT;
        while end > 0 && !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        problems.at(line, cut_message(what, len));
    }
}

/// Builds a journey from imported rows, reporting what it cannot take.
pub(crate) struct Builder {
    pub journey: Journey,
    stage_by_name: BTreeMap<String, StageId>,
    stage_ids: BTreeSet<String>,
    dept_by_name: BTreeMap<String, DepartmentId>,
    dept_ids: BTreeSet<String>,
    fresh_stages: FreshIds,
    fresh_depts: FreshIds,
    fresh_touchpoints: FreshIds,
    /// Imported touchpoints by name.
    pub names: NameIndex,
}

/// What a row says about a department.
#[derive(Default)]
pub(crate) struct DeptSpec<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub color: Option<Rgb>,
    pub kind: Option<DepartmentKind>,
}

impl Builder {
    pub fn new(title: &str) -> Builder {
        Builder {
            journey: Journey::new(clip_text(title).0),
            stage_by_name: BTreeMap::new(),
            stage_ids: BTreeSet::new(),
            dept_by_name: BTreeMap::new(),
            dept_ids: BTreeSet::new(),
            fresh_stages: FreshIds::default(),
            fresh_depts: FreshIds::default(),
            fresh_touchpoints: FreshIds::default(),
            names: NameIndex::default(),
        }
    }

    /// Cut an over-long text, reporting it.
    pub fn text(&self, what: &str, text: &str, line: usize, problems: &mut Problems) -> String {
        let (t, cut) = clip_text(text);
        if cut {
            problems.at(line, cut_message(what, text.len()));
        }
        t
    }

    /// An id for a new item: `wanted` when it is a valid, free id, else a slug of
    /// `wanted` or of `name`, made unique.
    fn new_id(
        fresh: &mut FreshIds,
        wanted: &str,
        name: &str,
        fallback: &str,
        taken: impl Fn(&str) -> bool,
    ) -> (String, bool) {
        if !wanted.is_empty() && is_valid_id(wanted) && !taken(wanted) {
            return (wanted.to_owned(), false);
        }
        let source = if wanted.is_empty() { name } else { wanted };
        let base = slugify(source, fallback);
        (fresh.fresh(&base, &taken), !wanted.is_empty())
    }

    /// The stage with this id and/or name, created when new. `None` when both are empty
    /// or the stage limit is reached (reported).
    pub fn stage(
        &mut self,
        id: &str,
        name: &str,
        line: usize,
        problems: &mut Problems,
    ) -> Option<StageId> {
        let (id, name) = (id.trim(), name.trim());
        if id.is_empty() && name.is_empty() {
            return None;
        }
        if !id.is_empty() && self.stage_ids.contains(id) {
            let sid = StageId::new(id);
            if !name.is_empty()
                && let Some(s) = self.journey.stage(&sid)
                && s.name != name
            {
                problems.at(
                    line,
                    tr!("imp-stage-named", id = id, old = q(&s.name), name = q(name)),
                );
            }
            return Some(sid);
        }
        if id.is_empty()
            && let Some(sid) = self.stage_by_name.get(name)
        {
            return Some(sid.clone());
        }
        if self.journey.stages().len() >= MAX_PARTS {
            problems.at(
                line,
                tr!(
                    "imp-too-many-stages",
                    limit = MAX_PARTS.to_string(),
                    name = q(name)
                ),
            );
            return None;
        }
        let shown = if name.is_empty() { id } else { name };
        let ids = &self.stage_ids;
        let (new, changed) = Builder::new_id(&mut self.fresh_stages, id, shown, "stage", |s| {
            ids.contains(s)
        });
        if changed {
            problems.at(line, tr!("imp-bad-stage-id", id = id, new = new.as_str()));
        }
        let name = self.text("io-what-stage-name", shown, line, problems);
        let at = self.journey.stages().len();
        match self
            .journey
            .insert_stage(at, Stage::new(new.clone(), name.clone()))
        {
            Ok(()) => {
                self.stage_ids.insert(new.clone());
                self.stage_by_name.entry(name).or_insert(StageId::new(&new));
                Some(StageId::new(new))
            }
            Err(e) => {
                problems.at(
                    line,
                    tr!("imp-stage-error", name = q(&name), error = e.to_string()),
                );
                None
            }
        }
    }

    /// The department with this id and/or name, created when new.
    pub fn department(
        &mut self,
        spec: &DeptSpec<'_>,
        line: usize,
        problems: &mut Problems,
    ) -> Option<DepartmentId> {
        let (id, name) = (spec.id.trim(), spec.name.trim());
        if id.is_empty() && name.is_empty() {
            return None;
        }
        let existing = if !id.is_empty() && self.dept_ids.contains(id) {
            Some(DepartmentId::new(id))
        } else if id.is_empty() {
            self.dept_by_name.get(name).cloned()
        } else {
            None
        };
        if let Some(did) = existing {
            if let Some(d) = self.journey.department(&did) {
                if !name.is_empty() && d.name != name {
                    problems.at(
                        line,
                        tr!(
                            "imp-department-named",
                            id = d.id.to_string(),
                            old = q(&d.name),
                            name = q(name)
                        ),
                    );
                }
                if let Some(c) = spec.color
                    && c != d.color
                {
                    problems.at(
                        line,
                        tr!(
                            "imp-department-colour",
                            name = q(&d.name),
                            old = d.color.to_hex(),
                            new = c.to_hex()
                        ),
                    );
                }
            }
            return Some(did);
        }
        let n = self.journey.departments().len();
        if n >= MAX_PARTS {
            problems.at(
                line,
                tr!(
                    "imp-too-many-departments",
                    limit = MAX_PARTS.to_string(),
                    name = q(name)
                ),
            );
            return None;
        }
        let shown = if name.is_empty() { id } else { name };
        let ids = &self.dept_ids;
        let (new, changed) = Builder::new_id(&mut self.fresh_depts, id, shown, "dept", |s| {
            ids.contains(s)
        });
        if changed {
            problems.at(
                line,
                tr!("imp-bad-department-id", id = id, new = new.as_str()),
            );
        }
        let name = self.text("io-what-department-name", shown, line, problems);
        let mut dept = Department::new(
            new.clone(),
            name.clone(),
            spec.color.unwrap_or(Rgb::palette(n)),
        );
        dept.kind = spec.kind.unwrap_or(if new == "customer" {
            DepartmentKind::Customer
        } else {
            DepartmentKind::Internal
        });
        match self.journey.insert_department(n, dept) {
            Ok(()) => {
                self.dept_ids.insert(new.clone());
                self.dept_by_name
                    .entry(name)
                    .or_insert(DepartmentId::new(&new));
                Some(DepartmentId::new(new))
            }
            Err(e) => {
                problems.at(
                    line,
                    tr!(
                        "imp-department-error",
                        name = q(&name),
                        error = e.to_string()
                    ),
                );
                None
            }
        }
    }

    /// A fresh touchpoint id from a wanted id or the name. The flag says the wanted
    /// id could not be used as given.
    pub fn touchpoint_id(&mut self, wanted: &str, name: &str) -> (TouchpointId, bool) {
        let journey = &self.journey;
        let (id, changed) = Builder::new_id(&mut self.fresh_touchpoints, wanted, name, "tp", |s| {
            journey.contains_touchpoint(&TouchpointId::new(s))
        });
        (TouchpointId::new(id), changed)
    }

    /// Keep a touchpoint within the file format's limits, reporting each cut: every text
    /// cut to [`MAX_TEXT`] bytes, at most [`MAX_ITEMS`] metrics and pain points.
    pub fn fit_touchpoint(tp: &mut Touchpoint, line: usize, problems: &mut Problems) {
        for (what, text) in [
            ("imp-what-the-name", &mut tp.name),
            ("io-what-description", &mut tp.description),
            ("imp-what-the-notes", &mut tp.notes),
        ] {
            fit(what, text, line, problems);
        }
        let over = |what: &str, n: usize, problems: &mut Problems| {
            problems.at(
                line,
                tr!(
                    "imp-too-many-items",
                    count = n.to_string(),
                    what = crate::i18n::tr(what),
                    limit = MAX_ITEMS.to_string()
                ),
            );
        };
        if tp.pains.len() > MAX_ITEMS {
            over("io-many-pains", tp.pains.len(), problems);
            tp.pains.truncate(MAX_ITEMS);
        }
        if tp.metrics.len() > MAX_ITEMS {
            over("io-many-metrics", tp.metrics.len(), problems);
            tp.metrics.truncate(MAX_ITEMS);
        }
        for pain in &mut tp.pains {
            fit("io-what-pain", pain, line, problems);
        }
        for m in &mut tp.metrics {
            fit("io-what-metric-name", &mut m.name, line, problems);
            fit("imp-what-metric-unit", &mut m.unit, line, problems);
        }
    }

    /// Keep a handoff within the file format's limits (label and notes cut to
    /// [`MAX_TEXT`] bytes), reporting each cut.
    pub fn fit_handoff(h: &mut Handoff, line: usize, problems: &mut Problems) {
        fit("imp-what-handoff-label", &mut h.label, line, problems);
        fit("imp-what-handoff-notes", &mut h.notes, line, problems);
    }

    pub fn add_touchpoint(
        &mut self,
        mut tp: Touchpoint,
        line: usize,
        problems: &mut Problems,
    ) -> bool {
        Builder::fit_touchpoint(&mut tp, line, problems);
        if self.journey.touchpoint_count() >= super::MAX_ROWS {
            problems.at(
                line,
                tr!(
                    "imp-too-many-touchpoints",
                    limit = super::MAX_ROWS.to_string()
                ),
            );
            return false;
        }
        let name = tp.name.clone();
        let id = tp.id.clone();
        match self.journey.add_touchpoint(tp) {
            Ok(()) => {
                self.names.insert(&name, &id);
                true
            }
            Err(e) => {
                problems.at(
                    line,
                    tr!(
                        "imp-touchpoint-error",
                        name = q(&name),
                        error = e.to_string()
                    ),
                );
                false
            }
        }
    }

    /// Add a handoff; an existing one with the same ends is left as it is (`false`).
    pub fn connect(&mut self, mut h: Handoff, line: usize, problems: &mut Problems) -> bool {
        Builder::fit_handoff(&mut h, line, problems);
        if self.journey.handoff(&h.key()).is_some() {
            return false;
        }
        if self.journey.handoff_count() >= crate::io::MAX_HANDOFFS {
            problems.at(
                line,
                tr!(
                    "imp-too-many-handoffs",
                    limit = crate::io::MAX_HANDOFFS.to_string(),
                    key = h.key().to_string()
                ),
            );
            return false;
        }
        let key = h.key();
        match self.journey.add_handoff(h) {
            Ok(()) => true,
            Err(e) => {
                problems.at(
                    line,
                    tr!(
                        "imp-handoff-error",
                        key = key.to_string(),
                        error = e.to_string()
                    ),
                );
                false
            }
        }
    }
}
