//! Handoff rows: a `next` column, a handoff table (an edge list), or a handoff table
//! merged into an imported journey.

use super::columns::Col;
use super::header::{Cells, ColumnChoices, Header};
use super::q;
use super::rows::{Row, read_rows};
use super::values::parse_rate;
use crate::dialect::csv::parse_number;
use crate::import::ImportProblem;
use crate::import::build::{Builder, DeptSpec, NameIndex, Problems};
use crate::model::{Handoff, HandoffKey, Journey, Touchpoint, TouchpointId};
use crate::tr;
use std::collections::BTreeMap;

/// Read handoff rows. With a builder (a standalone edge list) unknown touchpoints are
/// created; without one (merging into a journey) they are reported.
pub(super) enum Target<'a> {
    /// A standalone edge list: unknown touchpoints are created.
    Build(&'a mut Builder),
    /// Merging into a journey: unknown touchpoints are reported.
    Merge(&'a mut Journey),
}

impl Target<'_> {
    pub(super) fn journey(&self) -> &Journey {
        match self {
            Target::Build(b) => &b.journey,
            Target::Merge(j) => j,
        }
    }

    pub(super) fn journey_mut(&mut self) -> &mut Journey {
        match self {
            Target::Build(b) => &mut b.journey,
            Target::Merge(j) => j,
        }
    }
}

pub(super) fn handoff_rows(
    target: &mut Target<'_>,
    header: &Header,
    body: &[Row],
    problems: &mut Problems,
) {
    // Touchpoints by name for a merge (a build keeps its own index as it adds them).
    let merge_names = match &*target {
        Target::Merge(j) => NameIndex::of(j),
        Target::Build(_) => NameIndex::default(),
    };
    // The first line of each handoff in this table: a repeated pair is reported.
    let mut seen: BTreeMap<HandoffKey, usize> = BTreeMap::new();
    for row in body {
        let cells = Cells { header, row };
        let line = row.line;
        let ends = [
            (
                cells.get(&Col::From),
                cells.get(&Col::FromName),
                cells.get(&Col::FromOwner),
            ),
            (
                cells.get(&Col::To),
                cells.get(&Col::ToName),
                cells.get(&Col::ToOwner),
            ),
        ];
        let mut ids = Vec::with_capacity(2);
        for (given, name, owner_name) in ends {
            if given.is_empty() && name.is_empty() {
                problems.at(line, crate::i18n::tr("imp-handoff-needs-ends"));
                break;
            }
            let names = match &*target {
                Target::Build(b) => &b.names,
                Target::Merge(_) => &merge_names,
            };
            if let Some(id) = resolve(target.journey(), names, given, name) {
                ids.push(id);
                continue;
            }
            let Target::Build(b) = target else {
                let shown = if given.is_empty() { name } else { given };
                problems.at(line, tr!("imp-handoff-unknown-end", id = shown));
                break;
            };
            let (id, _) = b.touchpoint_id(given, name);
            let shown = if name.is_empty() { given } else { name };
            let mut tp = Touchpoint::new(
                id.0.clone(),
                b.text("imp-what-the-name", shown, line, problems),
            );
            tp.owner = b.department(
                &DeptSpec {
                    name: owner_name,
                    ..Default::default()
                },
                line,
                problems,
            );
            if !b.add_touchpoint(tp, line, problems) {
                break;
            }
            ids.push(id);
        }
        let [from, to] = ids.as_slice() else {
            continue;
        };
        let mut h = Handoff::new(from.0.clone(), to.0.clone());
        h.label = cells.get(&Col::Label).to_owned();
        h.notes = cells.get(&Col::Notes).to_owned();
        Builder::fit_handoff(&mut h, line, problems);
        let wait = cells.get(&Col::Wait);
        if !wait.is_empty() {
            h.wait_hours = parse_number(wait).filter(|v| *v >= 0.0);
            if h.wait_hours.is_none() {
                problems.at(line, tr!("imp-bad-wait", value = q(wait)));
            }
        }
        let failure = cells.get(&Col::Failure);
        if !failure.is_empty() {
            h.failure_rate = parse_rate(failure).filter(|v| (0.0..=1.0).contains(v));
            if h.failure_rate.is_none() {
                problems.at(line, tr!("imp-bad-failure", value = q(failure)));
            }
        }
        let journey = target.journey_mut();
        let key = HandoffKey {
            from: from.clone(),
            to: to.clone(),
        };
        match seen.entry(key.clone()) {
            std::collections::btree_map::Entry::Occupied(first) => problems.at(
                line,
                tr!(
                    "imp-handoff-again",
                    key = key.to_string(),
                    line = first.get().to_string()
                ),
            ),
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(line);
            }
        }
        let result = if journey.handoff(&key).is_some() {
            journey.update_handoff(h).map(|_| ())
        } else {
            journey.add_handoff(h)
        };
        if let Err(e) = result {
            problems.at(
                line,
                tr!(
                    "imp-handoff-error",
                    key = key.to_string(),
                    error = e.to_string()
                ),
            );
        }
    }
}

/// A touchpoint by id, else by exact name, else by name ignoring case.
pub(super) fn resolve(
    journey: &Journey,
    names: &NameIndex,
    given: &str,
    name: &str,
) -> Option<TouchpointId> {
    if !given.is_empty() {
        let id = TouchpointId::new(given);
        if journey.contains_touchpoint(&id) {
            return Some(id);
        }
    }
    let wanted = if name.is_empty() { given } else { name };
    if wanted.is_empty() {
        return None;
    }
    names.get(wanted).cloned()
}

/// Merge a handoff table (as written by `touchpoint export --table handoffs`) into a
/// journey: existing handoffs get the table's label, wait time, failure rate and notes;
/// new pairs are added. Returns the problems (`name:line: reason`).
pub fn merge_handoffs(journey: &mut Journey, name: &str, text: &str) -> Vec<ImportProblem> {
    let mut problems = Problems::new(name);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > crate::import::MAX_IMPORT_BYTES {
        problems.general(tr!(
            "imp-input-too-big",
            limit = crate::import::MAX_IMPORT_BYTES.to_string()
        ));
        return problems.finish();
    }
    let rows = read_rows(text, &mut problems);
    let Some((head, body)) = rows.split_first() else {
        problems.general(crate::i18n::tr("imp-empty-table"));
        return problems.finish();
    };
    let header = Header::read(head, &ColumnChoices::new(), &mut problems);
    if !(header.has(&Col::From) && header.has(&Col::To)) {
        problems.at(head.line, crate::i18n::tr("imp-not-handoff-table"));
        return problems.finish();
    }
    handoff_rows(&mut Target::Merge(journey), &header, body, &mut problems);
    problems.finish()
}
