//! Shared by the CSV and Mermaid importers: a problem list with a cap, and a journey
//! builder that creates stages and departments from names and keeps every limit of
//! the file format (so an imported journey always saves and loads back).

use super::{ImportProblem, MAX_PROBLEMS};
use crate::io::{MAX_PARTS, MAX_TEXT};
use crate::model::{
    Department, DepartmentId, DepartmentKind, Handoff, Journey, Rgb, Stage, StageId, Touchpoint,
    TouchpointId, fresh_id, is_valid_id, slugify,
};
use std::collections::{BTreeMap, BTreeSet};

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
                message: format!("... and {} more problems", self.more),
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

/// Builds a journey from imported rows, reporting what it cannot take.
pub(crate) struct Builder {
    pub journey: Journey,
    stage_by_name: BTreeMap<String, StageId>,
    stage_ids: BTreeSet<String>,
    dept_by_name: BTreeMap<String, DepartmentId>,
    dept_ids: BTreeSet<String>,
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
        }
    }

    /// Cut an over-long text, reporting it.
    pub fn text(&self, what: &str, text: &str, line: usize, problems: &mut Problems) -> String {
        let (t, cut) = clip_text(text);
        if cut {
            problems.at(
                line,
                format!(
                    "{what}: {} bytes, cut to the limit of {MAX_TEXT}",
                    text.len()
                ),
            );
        }
        t
    }

    /// An id for a new item: `wanted` when it is a valid, free id, else a slug of
    /// `wanted` or of `name`, made unique.
    fn new_id(
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
        (fresh_id(&base, &taken), !wanted.is_empty())
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
                    format!(
                        "stage `{id}` is already named {:?}; the name {name:?} is ignored",
                        s.name
                    ),
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
                format!("more than {MAX_PARTS} stages; stage {name:?} is left empty"),
            );
            return None;
        }
        let shown = if name.is_empty() { id } else { name };
        let (new, changed) = Builder::new_id(id, shown, "stage", |s| self.stage_ids.contains(s));
        if changed {
            problems.at(
                line,
                format!("`{id}` is not a valid stage id; using `{new}`"),
            );
        }
        let name = self.text("a stage name", shown, line, problems);
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
                problems.at(line, format!("stage {name:?}: {e}"));
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
                        format!(
                            "department `{}` is already named {:?}; the name {name:?} is ignored",
                            d.id, d.name
                        ),
                    );
                }
                if let Some(c) = spec.color
                    && c != d.color
                {
                    problems.at(
                        line,
                        format!(
                            "department {:?} already has colour {}; {} is ignored",
                            d.name,
                            d.color.to_hex(),
                            c.to_hex()
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
                format!("more than {MAX_PARTS} departments; {name:?} is left without owner"),
            );
            return None;
        }
        let shown = if name.is_empty() { id } else { name };
        let (new, changed) = Builder::new_id(id, shown, "dept", |s| self.dept_ids.contains(s));
        if changed {
            problems.at(
                line,
                format!("`{id}` is not a valid department id; using `{new}`"),
            );
        }
        let name = self.text("a department name", shown, line, problems);
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
                problems.at(line, format!("department {name:?}: {e}"));
                None
            }
        }
    }

    /// A fresh touchpoint id from a wanted id or the name. The flag says the wanted
    /// id could not be used as given.
    pub fn touchpoint_id(&self, wanted: &str, name: &str) -> (TouchpointId, bool) {
        let (id, changed) = Builder::new_id(wanted, name, "tp", |s| {
            self.journey.contains_touchpoint(&TouchpointId::new(s))
        });
        (TouchpointId::new(id), changed)
    }

    pub fn add_touchpoint(&mut self, tp: Touchpoint, line: usize, problems: &mut Problems) -> bool {
        if self.journey.touchpoint_count() >= super::MAX_ROWS {
            problems.at(
                line,
                format!(
                    "more than {} touchpoints; this one is not imported",
                    super::MAX_ROWS
                ),
            );
            return false;
        }
        let name = tp.name.clone();
        match self.journey.add_touchpoint(tp) {
            Ok(()) => true,
            Err(e) => {
                problems.at(line, format!("touchpoint {name:?} not imported: {e}"));
                false
            }
        }
    }

    /// Add a handoff; an existing one with the same ends is left as it is (`false`).
    pub fn connect(&mut self, h: Handoff, line: usize, problems: &mut Problems) -> bool {
        if self.journey.handoff(&h.key()).is_some() {
            return false;
        }
        if self.journey.handoff_count() >= crate::io::MAX_HANDOFFS {
            problems.at(
                line,
                format!(
                    "more than {} handoffs; {} is not imported",
                    crate::io::MAX_HANDOFFS,
                    h.key()
                ),
            );
            return false;
        }
        let key = h.key();
        match self.journey.add_handoff(h) {
            Ok(()) => true,
            Err(e) => {
                problems.at(line, format!("handoff {key} not imported: {e}"));
                false
            }
        }
    }
}
