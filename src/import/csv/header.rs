//! The header row: which column holds what (by name or as the user chose), and the
//! cells of a row by meaning.

use super::MAX_COLUMNS;
use super::columns::{Col, IGNORE, SLOTS, alternatives, column_for};
use super::q;
use super::rows::Row;
use crate::import::build::Problems;
use crate::tr;
use std::collections::BTreeMap;

/// The columns of a header row.
pub(super) struct Header {
    pub(super) cols: Vec<Option<Col>>,
    /// Column index of each single-field column, by [`Col::slot`].
    slots: [Option<usize>; SLOTS],
    /// What was assumed to resolve ambiguous headers (shown to the user).
    pub(super) assumptions: Vec<String>,
}

/// What the user chose for a column in the import preview: by column index (0-based),
/// a meaning key of [`super::meanings`] or `"ignore"`. Columns not listed keep the meaning
/// read from their header.
pub type ColumnChoices = BTreeMap<usize, String>;

impl Header {
    pub(super) fn read(row: &Row, choices: &ColumnChoices, problems: &mut Problems) -> Header {
        let n = row.len().min(MAX_COLUMNS);
        // Each column's candidate meanings, most plausible first; `forced` = chosen by the user.
        let mut candidates: Vec<Vec<Col>> = Vec::with_capacity(n);
        let mut forced = vec![false; n];
        let mut notes: Vec<(usize, String)> = Vec::new();
        for (i, chosen) in forced.iter_mut().enumerate() {
            let h = row.cell(i);
            if let Some(key) = choices.get(&i) {
                *chosen = true;
                candidates.push(if key == IGNORE {
                    Vec::new()
                } else {
                    match Col::from_key(key) {
                        Some(c) => vec![c],
                        // A metric keeps the definition its header gives.
                        None if key == "metric" => match column_for(h) {
                            Some(Ok(c @ Col::Metric(_))) => vec![c],
                            _ => Vec::new(),
                        },
                        None => Vec::new(),
                    }
                });
                continue;
            }
            candidates.push(match column_for(h) {
                Some(Ok(c)) => {
                    let mut list = vec![c];
                    list.extend(alternatives(h));
                    list
                }
                Some(Err(e)) => {
                    notes.push((
                        i,
                        tr!("imp-column-error", column = i + 1, header = q(h), error = e),
                    ));
                    Vec::new()
                }
                None => {
                    if !h.is_empty() {
                        notes.push((i, tr!("imp-column-unknown", column = i + 1, header = q(h))));
                    }
                    Vec::new()
                }
            });
        }
        let mut cols: Vec<Option<Col>> = vec![None; n];
        let mut slots = [None; SLOTS];
        let mut assumptions = Vec::new();
        // Columns the user chose first, then the headers in order: the first claim wins.
        let mut duplicates = Vec::new();
        let order: Vec<usize> = (0..n)
            .filter(|&i| forced[i])
            .chain((0..n).filter(|&i| !forced[i]))
            .collect();
        for i in order {
            let Some(c) = candidates.get(i).and_then(|l| l.first()).cloned() else {
                continue;
            };
            match c.slot() {
                Some(slot) => match slots.get_mut(slot) {
                    Some(entry @ None) => {
                        *entry = Some(i);
                        cols[i] = Some(c);
                    }
                    _ => duplicates.push((i, slot)),
                },
                None => cols[i] = Some(c),
            }
        }
        // Two columns claim one meaning: when another meaning is free, give it to the
        // column for which it is plausible (`Phase;Step;Team`: Step is the name).
        for (d, slot) in duplicates {
            let h = row.cell(d);
            let free = |c: &Col, slots: &[Option<usize>; SLOTS]| {
                c.slot()
                    .is_some_and(|s| slots.get(s).is_some_and(Option::is_none))
            };
            let mine = candidates.get(d).map(|l| &l[1..]).unwrap_or_default();
            if let Some(alt) = mine.iter().find(|c| free(c, &slots)).cloned() {
                if let Some(s) = alt.slot().and_then(|s| slots.get_mut(s)) {
                    *s = Some(d);
                }
                let winner = slots.get(slot).copied().flatten();
                assumptions.push(tr!(
                    "imp-assume-already",
                    column = d + 1,
                    header = q(h),
                    meaning = alt.label(),
                    other = winner.map_or(0, |w| w + 1),
                    other_header = q(winner.map_or("", |w| row.cell(w))),
                    other_meaning = candidates
                        .get(d)
                        .and_then(|l| l.first())
                        .map_or_else(String::new, Col::label),
                ));
                cols[d] = Some(alt);
                continue;
            }
            let winner = slots.get(slot).copied().flatten();
            let moved = winner.filter(|&w| !forced[w]).and_then(|w| {
                let theirs = candidates.get(w).map(|l| &l[1..]).unwrap_or_default();
                theirs
                    .iter()
                    .find(|c| free(c, &slots))
                    .cloned()
                    .map(|alt| (w, alt))
            });
            if let Some((w, alt)) = moved {
                if let Some(s) = alt.slot().and_then(|s| slots.get_mut(s)) {
                    *s = Some(w);
                }
                if let Some(s) = slots.get_mut(slot) {
                    *s = Some(d);
                }
                let meaning = candidates
                    .get(d)
                    .and_then(|l| l.first())
                    .map_or_else(String::new, Col::label);
                assumptions.push(tr!(
                    "imp-assume-is",
                    column = w + 1,
                    header = q(row.cell(w)),
                    meaning = alt.label(),
                    other = d + 1,
                    other_header = q(h),
                    other_meaning = meaning,
                ));
                cols[d] = candidates.get(d).and_then(|l| l.first()).cloned();
                cols[w] = Some(alt);
                continue;
            }
            notes.push((d, tr!("imp-column-repeats", column = d + 1, header = q(h))));
        }
        // In column order, as the header reads.
        notes.sort_by_key(|(i, _)| *i);
        for (_, note) in notes {
            problems.at(row.line, note);
        }
        Header {
            cols,
            slots,
            assumptions,
        }
    }

    pub(super) fn has(&self, col: &Col) -> bool {
        self.index(col).is_some()
    }

    pub(super) fn index(&self, col: &Col) -> Option<usize> {
        match col.slot() {
            Some(s) => self.slots.get(s).copied().flatten(),
            None => self.cols.iter().position(|c| c.as_ref() == Some(col)),
        }
    }
}

/// Cell access by column meaning.
pub(super) struct Cells<'a> {
    pub(super) header: &'a Header,
    pub(super) row: &'a Row,
}

impl<'a> Cells<'a> {
    pub(super) fn get(&self, col: &Col) -> &'a str {
        self.header.index(col).map_or("", |i| self.row.cell(i))
    }
}
