//! CSV import: one row per touchpoint, a header row, columns matched by name.
//!
//! * Separator: comma, semicolon or tab, detected from the header line (or an Excel
//!   `sep=;` first line). UTF-8 with or without BOM. Quoted fields may hold newlines.
//! * Header names are matched case-insensitively, ignoring spaces and punctuation, with
//!   synonyms (see [`column_for`]). Unknown columns are reported once and ignored.
//! * A cell that starts with `'` followed by `= + - @`, tab, CR or `'` loses that `'`:
//!   it is the prefix our export adds so spreadsheets do not run text as a formula.
//! * Edges: a `next` column (ids or names separated by `;`) gives the handoffs; without
//!   one, the rows in order become a sequence.
//! * A table with `from` and `to` columns and no `name`/`id` column is a handoff table
//!   (an edge list); its touchpoints are created from the ids and names it mentions.

use super::build::{Builder, DeptSpec, NameIndex, Problems};
use super::preview::PreviewColumn;
use super::{ImportError, ImportProblem, ImportResult, MAX_ROWS, title_from_name};
use crate::dialect::csv::{MetricColumn, parse_metric_cell, parse_number, unprefix};

use crate::model::Channel;
use crate::model::{
    DepartmentKind, Handoff, HandoffKey, Journey, Layer, Metric, Rgb, Satisfaction, Touchpoint,
    TouchpointId, slugify,
};
use crate::tr;
use std::collections::BTreeMap;

/// Most columns read from a table.
pub const MAX_COLUMNS: usize = 2_000;

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
enum Col {
    Id,
    Name,
    Description,
    StageId,
    Stage,
    OwnerId,
    Owner,
    OwnerColor,
    OwnerKind,
    Channel,
    Layer,
    Volume,
    Handling,
    Score,
    Responses,
    Hist(usize),
    Metric(MetricColumn),
    Pains,
    Notes,
    Order,
    Next,
    From,
    To,
    FromName,
    ToName,
    FromOwner,
    ToOwner,
    Label,
    Wait,
    Failure,
    /// Written by our export but derived from other columns (e.g. `cross_department`).
    Derived,
}

/// Number of [`Col::slot`] values.
const SLOTS: usize = 40;

impl Col {
    /// A dense index for the columns that hold one field (not metrics), so a row's
    /// cell for a field is found without a search.
    fn slot(&self) -> Option<usize> {
        Some(match self {
            Col::Id => 0,
            Col::Name => 1,
            Col::Description => 2,
            Col::StageId => 3,
            Col::Stage => 4,
            Col::OwnerId => 5,
            Col::Owner => 6,
            Col::OwnerColor => 7,
            Col::OwnerKind => 8,
            Col::Channel => 9,
            Col::Layer => 10,
            Col::Volume => 11,
            Col::Handling => 12,
            Col::Score => 13,
            Col::Responses => 14,
            Col::Pains => 15,
            Col::Notes => 16,
            Col::Order => 17,
            Col::Next => 18,
            Col::From => 19,
            Col::To => 20,
            Col::FromName => 21,
            Col::ToName => 22,
            Col::FromOwner => 23,
            Col::ToOwner => 24,
            Col::Label => 25,
            Col::Wait => 26,
            Col::Failure => 27,
            Col::Hist(k) if *k <= 10 => 28 + k,
            Col::Hist(_) | Col::Metric(_) | Col::Derived => return None,
        })
    }
}

/// The meaning key that ignores a column (import preview).
pub const IGNORE: &str = "ignore";

/// The single-field meanings a column can be given: (key, label), in the order the
/// import preview offers them. Metric columns keep their header's definition (`metric`).
const MEANINGS: [(&str, &str); 28] = [
    ("id", "touchpoint id"),
    ("name", "touchpoint name"),
    ("description", "description"),
    ("stage", "stage"),
    ("stage_id", "stage id"),
    ("owner", "department"),
    ("owner_id", "department id"),
    ("owner_color", "department colour"),
    ("owner_kind", "department kind"),
    ("channel", "channel"),
    ("layer", "layer"),
    ("volume", "volume"),
    ("handling_minutes", "handling time (min)"),
    ("satisfaction", "satisfaction mean"),
    ("responses", "responses"),
    ("pains", "pain points"),
    ("notes", "notes"),
    ("order", "order in cell"),
    ("next", "next touchpoints"),
    ("from", "handoff from (id)"),
    ("to", "handoff to (id)"),
    ("from_name", "handoff from (name)"),
    ("to_name", "handoff to (name)"),
    ("from_owner", "from department"),
    ("to_owner", "to department"),
    ("label", "handoff label"),
    ("wait_hours", "queue time (h)"),
    ("failure_rate", "failure rate"),
];

/// Every meaning the import preview offers for a CSV column: (key, label), `ignore` first.
pub fn meanings() -> Vec<(String, String)> {
    let mut out = vec![(IGNORE.to_owned(), crate::i18n::tr("imp-col-ignored"))];
    out.extend(
        MEANINGS
            .iter()
            .map(|(k, _)| ((*k).to_owned(), meaning_label(k))),
    );
    out.extend((0..=10).map(|k| (format!("score_{k}"), tr!("imp-col-score", score = k))));
    out.push((
        "metric".to_owned(),
        crate::i18n::tr("imp-col-metric-header"),
    ));
    out
}

/// The label of a single-field meaning in the current language (`imp-col-stage_id`).
fn meaning_label(key: &str) -> String {
    crate::i18n::tr(&format!("imp-col-{key}"))
}

impl Col {
    /// The key of this meaning (see [`meanings`]).
    fn key(&self) -> String {
        match self {
            Col::Hist(k) => format!("score_{k}"),
            Col::Metric(_) => "metric".to_owned(),
            Col::Derived => IGNORE.to_owned(),
            c => MEANINGS
                .iter()
                .find(|(k, _)| Col::from_key(k).as_ref() == Some(c))
                .map_or_else(|| IGNORE.to_owned(), |(k, _)| (*k).to_owned()),
        }
    }

    /// A label for messages and the preview, in the current language.
    fn label(&self) -> String {
        match self {
            Col::Hist(_) => crate::i18n::tr("imp-col-hist"),
            Col::Metric(_) => crate::i18n::tr("imp-col-metric"),
            Col::Derived => crate::i18n::tr("imp-col-derived"),
            c => {
                let key = c.key();
                if MEANINGS.iter().any(|(k, _)| *k == key) {
                    meaning_label(&key)
                } else {
                    crate::i18n::tr("imp-col-column")
                }
            }
        }
    }

    fn from_key(key: &str) -> Option<Col> {
        if let Some(k) = key
            .strip_prefix("score_")
            .and_then(|k| k.parse::<usize>().ok())
        {
            return (k <= 10).then_some(Col::Hist(k));
        }
        Some(match key {
            "id" => Col::Id,
            "name" => Col::Name,
            "description" => Col::Description,
            "stage" => Col::Stage,
            "stage_id" => Col::StageId,
            "owner" => Col::Owner,
            "owner_id" => Col::OwnerId,
            "owner_color" => Col::OwnerColor,
            "owner_kind" => Col::OwnerKind,
            "channel" => Col::Channel,
            "layer" => Col::Layer,
            "volume" => Col::Volume,
            "handling_minutes" => Col::Handling,
            "satisfaction" => Col::Score,
            "responses" => Col::Responses,
            "pains" => Col::Pains,
            "notes" => Col::Notes,
            "order" => Col::Order,
            "next" => Col::Next,
            "from" => Col::From,
            "to" => Col::To,
            "from_name" => Col::FromName,
            "to_name" => Col::ToName,
            "from_owner" => Col::FromOwner,
            "to_owner" => Col::ToOwner,
            "label" => Col::Label,
            "wait_hours" => Col::Wait,
            "failure_rate" => Col::Failure,
            _ => return None,
        })
    }
}

/// Other plausible meanings of a header, after the one [`column_for`] gives: used when
/// two columns claim one meaning and another is free (a `Step` beside a `Phase` is the
/// touchpoint name; a `Comments` beside `Notes` holds the pain points).
fn alternatives(header: &str) -> Vec<Col> {
    match normalise(header).as_str() {
        "step" | "steps" | "step_name" => vec![Col::Name],
        "description" | "details" | "desc" => vec![Col::Notes],
        "comments" | "comment" | "remarks" => vec![Col::Pains],
        _ => Vec::new(),
    }
}

/// Lower-case, runs of anything but letters and digits become `_`, trimmed (also the
/// header rule of `evidence::table`).
pub fn normalise(header: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in header.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// The column a header names, with its synonyms; `None` when unknown.
fn column_for(header: &str) -> Option<Result<Col, String>> {
    let trimmed = header.trim();
    if trimmed.len() >= 7
        && trimmed
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("metric:"))
    {
        return Some(MetricColumn::parse(trimmed.get(7..).unwrap_or_default()).map(Col::Metric));
    }
    let n = normalise(trimmed);
    if let Some(k) = n
        .strip_prefix("score_")
        .or_else(|| n.strip_prefix("score"))
        .and_then(|d| d.parse::<usize>().ok())
        .filter(|&k| k <= 10 && !n.ends_with("score"))
    {
        return Some(Ok(Col::Hist(k)));
    }
    let col = match n.as_str() {
        "id" | "touchpoint_id" | "tp_id" | "key" => Col::Id,
        "name" | "touchpoint" | "touchpoint_name" | "title" | "task" | "activity"
        | "interaction" | "moment" => Col::Name,
        "description" | "details" | "desc" => Col::Description,
        "stage_id" | "phase_id" | "step_id" => Col::StageId,
        "stage" | "phase" | "step" | "stage_name" | "phase_name" | "journey_stage" => Col::Stage,
        "owner_id" | "department_id" | "dept_id" | "team_id" => Col::OwnerId,
        "owner" | "department" | "dept" | "team" | "owner_name" | "department_name"
        | "swimlane" | "lane" | "responsible" | "owned_by" | "actor" => Col::Owner,
        "owner_color" | "owner_colour" | "department_color" | "department_colour" | "color"
        | "colour" => Col::OwnerColor,
        "owner_kind" | "department_kind" | "kind" => Col::OwnerKind,
        "channel" | "medium" | "via" => Col::Channel,
        "layer" | "blueprint_layer" | "service_layer" => Col::Layer,
        "volume" | "customers" | "cases" | "count" | "volume_per_period" => Col::Volume,
        "handling_minutes"
        | "handling_time"
        | "handle_time"
        | "handling_time_min"
        | "handle_time_min"
        | "handling_time_minutes"
        | "handling_min"
        | "aht" => Col::Handling,
        "satisfaction" | "score" | "csat" | "satisfaction_mean" | "mean_score" | "score_mean"
        | "rating" | "sat" => Col::Score,
        "responses"
        | "respondents"
        | "response_count"
        | "n_responses"
        | "satisfaction_responses" => Col::Responses,
        "pains" | "pain" | "pain_points" | "pain_point" | "evidence" | "quotes" | "verbatims"
        | "verbatim" => Col::Pains,
        "notes" | "note" | "comments" | "comment" | "remarks" => Col::Notes,
        "order" | "position" | "sort_order" => Col::Order,
        "next" | "handoff_to" | "handoffs_to" | "next_id" | "next_ids" | "next_touchpoint"
        | "next_step" | "then" | "successors" | "leads_to" => Col::Next,
        "from" | "from_id" | "source" | "from_touchpoint" => Col::From,
        "to" | "to_id" | "target" | "to_touchpoint" => Col::To,
        "from_name" => Col::FromName,
        "to_name" => Col::ToName,
        "from_owner" => Col::FromOwner,
        "to_owner" => Col::ToOwner,
        "label" | "handoff_label" => Col::Label,
        "wait_hours" | "wait" | "wait_time" | "queue_hours" | "queue_time" | "queue"
        | "delay_hours" | "delay" => Col::Wait,
        "failure_rate" | "failure" | "failures" | "error_rate" | "fail_rate" | "data_loss" => {
            Col::Failure
        }
        "cross_department" => Col::Derived,
        _ => return None,
    };
    Some(Ok(col))
}

/// A count: `12400` (or `12400.0`, as spreadsheets write it).
fn parse_count(text: &str) -> Option<u64> {
    let t = text.trim();
    if let Ok(n) = t.parse::<u64>() {
        return Some(n);
    }
    let v = parse_number(t)?;
    (v >= 0.0 && v.fract() == 0.0 && v <= 9_007_199_254_740_992.0).then_some(v as u64)
}

/// A share 0..=1: `0.12` or `12%`.
fn parse_rate(text: &str) -> Option<f64> {
    let t = text.trim();
    match t.strip_suffix('%') {
        Some(p) => parse_number(p).map(|v| v / 100.0),
        None => parse_number(t),
    }
}

/// The separator of a table: an Excel `sep=X` first line, else the most frequent of
/// `,` `;` tab outside quotes on the first line (ties: comma, then semicolon).
/// Returns (separator, bytes to skip).
fn detect_separator(text: &str) -> (u8, usize) {
    let first = text.split('\n').next().unwrap_or_default();
    let hint = first.trim_end_matches('\r');
    if let Some(sep) = hint
        .strip_prefix("sep=")
        .or_else(|| hint.strip_prefix("SEP="))
        && let [b] = sep.as_bytes()
    {
        return (*b, (first.len() + 1).min(text.len()));
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    (seps[best], 0)
}

struct Row {
    line: usize,
    record: ::csv::StringRecord,
}

impl Row {
    /// Cell `i`, trimmed and without the anti-formula prefix; `""` when missing.
    fn cell(&self, i: usize) -> &str {
        self.record.get(i).map_or("", |c| unprefix(c.trim()))
    }

    fn len(&self) -> usize {
        self.record.len()
    }
}

/// Read all records: cells trimmed and un-prefixed; fully empty rows skipped.
fn read_rows(text: &str, problems: &mut Problems) -> Vec<Row> {
    let (sep, skip) = detect_separator(text);
    let body = text.get(skip..).unwrap_or_default();
    let line_offset = usize::from(skip > 0);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize) + line_offset;
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if rows.len() > MAX_ROWS {
                    problems.at(line, tr!("imp-too-many-rows", limit = MAX_ROWS.to_string()));
                    break;
                }
                if record.len() > MAX_COLUMNS {
                    problems.at(
                        line,
                        tr!("imp-too-many-columns", limit = MAX_COLUMNS.to_string()),
                    );
                }
                // Not `record.clone()`: the reader's buffer keeps the size of the longest
                // row read so far, and a clone copies all of it (one 60 KB cell followed
                // by 60,000 short rows took 3.9 GB). A compact copy holds only the cells.
                let mut compact =
                    ::csv::StringRecord::with_capacity(record.as_slice().len(), record.len());
                compact.extend(record.iter());
                rows.push(Row {
                    line,
                    record: compact,
                });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize) + line_offset;
                problems.at(line, tr!("imp-bad-row", error = e.to_string()));
                if !matches!(e.kind(), ::csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    rows
}

/// The columns of a header row.
struct Header {
    cols: Vec<Option<Col>>,
    /// Column index of each single-field column, by [`Col::slot`].
    slots: [Option<usize>; SLOTS],
    /// What was assumed to resolve ambiguous headers (shown to the user).
    assumptions: Vec<String>,
}

/// What the user chose for a column in the import preview: by column index (0-based),
/// a meaning key of [`meanings`] or `"ignore"`. Columns not listed keep the meaning
/// read from their header.
pub type ColumnChoices = BTreeMap<usize, String>;

impl Header {
    fn read(row: &Row, choices: &ColumnChoices, problems: &mut Problems) -> Header {
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

    fn has(&self, col: &Col) -> bool {
        self.index(col).is_some()
    }

    fn index(&self, col: &Col) -> Option<usize> {
        match col.slot() {
            Some(s) => self.slots.get(s).copied().flatten(),
            None => self.cols.iter().position(|c| c.as_ref() == Some(col)),
        }
    }
}

/// Cell access by column meaning.
struct Cells<'a> {
    header: &'a Header,
    row: &'a Row,
}

impl<'a> Cells<'a> {
    fn get(&self, col: &Col) -> &'a str {
        self.header.index(col).map_or("", |i| self.row.cell(i))
    }
}

/// Import a CSV text (a touchpoints table or a handoff table).
pub fn import(name: &str, text: &str) -> Result<ImportResult, ImportError> {
    import_with(
        name,
        text,
        &ColumnChoices::new(),
        &crate::progress::Unattended,
    )
    .result
}

/// What [`import_with`] read: the result, and each column with the meaning it was given
/// (for the import preview).
pub struct CsvOutcome {
    pub result: Result<ImportResult, ImportError>,
    pub columns: Vec<PreviewColumn>,
    /// How ambiguous headers were resolved ("column 2 \"Step\" is read as the touchpoint name...").
    pub assumptions: Vec<String>,
}

/// Import a CSV text with the meanings the user chose for some columns, reporting
/// progress row by row (a `false` from `progress` stops the import: nothing is returned).
pub fn import_with(
    name: &str,
    text: &str,
    choices: &ColumnChoices,
    progress: &dyn crate::progress::Progress,
) -> CsvOutcome {
    let mut problems = Problems::new(name);
    let rows = read_rows(text, &mut problems);
    let outcome = |result, columns, assumptions| CsvOutcome {
        result,
        columns,
        assumptions,
    };
    let Some((head, body)) = rows.split_first() else {
        problems.general(crate::i18n::tr("imp-empty-table"));
        return outcome(Err(fail(name, problems)), Vec::new(), Vec::new());
    };
    if normalise(head.cell(0)) == "from_to" {
        problems.at(head.line, crate::i18n::tr("imp-matrix"));
        return outcome(Err(fail(name, problems)), Vec::new(), Vec::new());
    }
    let header = Header::read(head, choices, &mut problems);
    let columns: Vec<PreviewColumn> = (0..head.len().min(MAX_COLUMNS))
        .map(|i| PreviewColumn {
            index: i,
            header: head.cell(i).to_owned(),
            sample: body
                .iter()
                .map(|r| r.cell(i))
                .find(|c| !c.is_empty())
                .map(|c| c.chars().take(40).collect())
                .unwrap_or_default(),
            meaning: header
                .cols
                .get(i)
                .and_then(Option::as_ref)
                .map_or_else(|| IGNORE.to_owned(), Col::key),
            chosen: choices.contains_key(&i),
        })
        .collect();
    let assumptions = header.assumptions.clone();
    let mut b = Builder::new(&title_from_name(name));
    if header.has(&Col::Name) || header.has(&Col::Id) {
        if touchpoints_table(&mut b, &header, body, &mut problems, progress).is_err() {
            return outcome(
                Err(fail_with(name, &crate::i18n::tr("imp-cancelled"))),
                columns,
                assumptions,
            );
        }
    } else if header.has(&Col::From) && header.has(&Col::To) {
        handoff_rows(&mut Target::Build(&mut b), &header, body, &mut problems);
    } else {
        problems.at(head.line, crate::i18n::tr("imp-no-name-column"));
    }
    if b.journey.touchpoint_count() == 0 {
        if problems.is_empty() {
            problems.general(crate::i18n::tr("imp-no-rows"));
        }
        return outcome(Err(fail(name, problems)), columns, assumptions);
    }
    let result = Ok(ImportResult {
        journey: b.journey,
        problems: problems.finish(),
        assumptions: assumptions.clone(),
    });
    outcome(result, columns, assumptions)
}

fn fail_with(name: &str, message: &str) -> ImportError {
    let mut problems = Problems::new(name);
    problems.general(message);
    fail(name, problems)
}

fn fail(name: &str, problems: Problems) -> ImportError {
    ImportError {
        file: name.to_owned(),
        problems: problems.finish(),
    }
}

/// Read a touchpoints table.
fn touchpoints_table(
    b: &mut Builder,
    header: &Header,
    body: &[Row],
    problems: &mut Problems,
    progress: &dyn crate::progress::Progress,
) -> Result<(), crate::progress::Cancelled> {
    // Original id -> imported id, and name -> imported id, to resolve `next`.
    let mut by_given_id: BTreeMap<String, TouchpointId> = BTreeMap::new();
    let mut by_name: BTreeMap<String, TouchpointId> = BTreeMap::new();
    let mut by_name_lower: BTreeMap<String, TouchpointId> = BTreeMap::new();
    let mut imported: Vec<(usize, TouchpointId, &str)> = Vec::new();
    let next_col = header.has(&Col::Next);
    for (k, row) in body.iter().enumerate() {
        if k % 512 == 0 {
            crate::progress::step(progress, k as f32 / body.len().max(1) as f32)?;
        }
        let cells = Cells { header, row };
        let line = row.line;
        let given_id = cells.get(&Col::Id);
        let name = cells.get(&Col::Name);
        if given_id.is_empty() && name.is_empty() {
            problems.at(line, crate::i18n::tr("imp-row-without-name"));
            continue;
        }
        if row.len() > header.cols.len() {
            problems.at(
                line,
                tr!(
                    "imp-extra-cells",
                    cells = row.len(),
                    columns = header.cols.len()
                ),
            );
        }
        let (id, changed) = b.touchpoint_id(given_id, name);
        if changed {
            if by_given_id.contains_key(given_id) {
                problems.at(
                    line,
                    tr!("imp-id-twice", id = given_id, new = id.to_string()),
                );
            } else {
                problems.at(line, tr!("imp-bad-id", id = given_id, new = id.to_string()));
            }
        }
        let mut tp = Touchpoint::new(
            id.0.clone(),
            b.text("imp-what-the-name", name, line, problems),
        );
        tp.description = b.text(
            "io-what-description",
            cells.get(&Col::Description),
            line,
            problems,
        );
        tp.notes = b.text("imp-what-the-notes", cells.get(&Col::Notes), line, problems);
        tp.stage = b.stage(
            cells.get(&Col::StageId),
            cells.get(&Col::Stage),
            line,
            problems,
        );
        tp.owner = owner(b, &cells, line, problems);
        read_channel_layer(&mut tp, &cells, line, problems);
        read_numbers(&mut tp, &cells, line, problems);
        read_satisfaction(&mut tp, header, &cells, line, problems);
        read_metrics(&mut tp, header, row, problems);
        let pains = cells.get(&Col::Pains);
        tp.pains = pains
            .lines()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| b.text("io-what-pain", p, line, problems))
            .collect();
        if b.add_touchpoint(tp, line, problems) {
            if !given_id.is_empty() {
                by_given_id.entry(given_id.to_owned()).or_insert(id.clone());
            }
            by_name.entry(name.to_owned()).or_insert(id.clone());
            by_name_lower
                .entry(name.to_lowercase())
                .or_insert(id.clone());
            imported.push((line, id, cells.get(&Col::Next)));
        }
    }
    if next_col {
        for (line, from, next) in &imported {
            for target in split_refs(next) {
                let to = by_given_id
                    .get(target)
                    .or_else(|| by_name.get(target))
                    .or_else(|| by_name_lower.get(&target.to_lowercase()))
                    .or_else(|| by_given_id.get(&slugify(target, "")));
                match to {
                    Some(to) => {
                        let h = Handoff::new(from.0.clone(), to.0.clone());
                        if b.journey.handoff(&h.key()).is_some() {
                            problems.at(*line, tr!("imp-next-twice", key = h.key().to_string()));
                        } else {
                            b.connect(h, *line, problems);
                        }
                    }
                    None => problems.at(*line, tr!("imp-next-unknown", id = target.to_string())),
                }
            }
        }
    } else {
        for pair in imported.windows(2) {
            if let [(line, a, _), (_, c, _)] = pair {
                b.connect(Handoff::new(a.0.clone(), c.0.clone()), *line, problems);
            }
        }
    }
    Ok(())
}

/// `a; b` -> ["a", "b"]; also newlines, commas and `|` separate.
fn split_refs(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', '\n', ',', '|'])
        .map(|s| unprefix(s.trim()))
        .filter(|s| !s.is_empty())
}

fn owner(
    b: &mut Builder,
    cells: &Cells<'_>,
    line: usize,
    problems: &mut Problems,
) -> Option<crate::model::DepartmentId> {
    let color_text = cells.get(&Col::OwnerColor);
    let color = if color_text.is_empty() {
        None
    } else {
        let c = Rgb::parse(color_text);
        if c.is_none() {
            problems.at(line, tr!("imp-bad-colour", value = q(color_text)));
        }
        c
    };
    let kind_text = cells.get(&Col::OwnerKind);
    let kind = match normalise(kind_text).as_str() {
        "" => None,
        "internal" | "department" => Some(DepartmentKind::Internal),
        "customer" => Some(DepartmentKind::Customer),
        "partner" | "external" => Some(DepartmentKind::Partner),
        _ => {
            problems.at(line, tr!("imp-bad-kind", value = q(kind_text)));
            None
        }
    };
    b.department(
        &DeptSpec {
            id: cells.get(&Col::OwnerId),
            name: cells.get(&Col::Owner),
            color,
            kind,
        },
        line,
        problems,
    )
}

fn read_channel_layer(
    tp: &mut Touchpoint,
    cells: &Cells<'_>,
    line: usize,
    problems: &mut Problems,
) {
    let channel = cells.get(&Col::Channel);
    if !channel.is_empty() {
        tp.channel = Channel::parse(channel).unwrap_or_else(|| {
            problems.at(line, tr!("imp-bad-channel", value = q(channel)));
            Channel::Other
        });
    }
    let layer = cells.get(&Col::Layer);
    if !layer.is_empty() {
        match Layer::parse(layer) {
            Some(l) => tp.layer = l,
            None => problems.at(line, tr!("imp-bad-layer", value = q(layer))),
        }
    }
}

fn read_numbers(tp: &mut Touchpoint, cells: &Cells<'_>, line: usize, problems: &mut Problems) {
    let volume = cells.get(&Col::Volume);
    if !volume.is_empty() {
        tp.volume = parse_count(volume);
        if tp.volume.is_none() {
            problems.at(line, tr!("imp-bad-volume", value = q(volume)));
        }
    }
    let handling = cells.get(&Col::Handling);
    if !handling.is_empty() {
        tp.handling_minutes = parse_number(handling).filter(|v| *v >= 0.0);
        if tp.handling_minutes.is_none() {
            problems.at(line, tr!("imp-bad-handling", value = q(handling)));
        }
    }
    let order = cells.get(&Col::Order);
    if !order.is_empty() {
        tp.order = order.trim().parse::<i32>().ok();
        if tp.order.is_none() {
            problems.at(line, tr!("imp-bad-order", value = q(order)));
        }
    }
}

fn read_satisfaction(
    tp: &mut Touchpoint,
    header: &Header,
    cells: &Cells<'_>,
    line: usize,
    problems: &mut Problems,
) {
    let mut hist = [0u32; 11];
    let mut any = false;
    for (k, slot) in hist.iter_mut().enumerate() {
        if !header.has(&Col::Hist(k)) {
            continue;
        }
        let text = cells.get(&Col::Hist(k));
        if text.is_empty() {
            continue;
        }
        any = true;
        match parse_count(text).and_then(|n| u32::try_from(n).ok()) {
            Some(n) => *slot = n,
            None => problems.at(line, tr!("imp-bad-score-count", score = k, value = q(text))),
        }
    }
    let mean_text = cells.get(&Col::Score);
    let responses_text = cells.get(&Col::Responses);
    if any {
        let s = Satisfaction::Histogram(hist);
        if !mean_text.is_empty()
            && let (Some(given), Some(mean)) = (parse_number(mean_text), s.mean())
            && (given - mean).abs() > 0.01
        {
            problems.at(
                line,
                tr!(
                    "imp-mean-mismatch",
                    given = mean_text,
                    mean = crate::model::fmt_num(mean)
                ),
            );
        }
        tp.satisfaction = Some(s);
        return;
    }
    if mean_text.is_empty() {
        if !responses_text.is_empty() {
            problems.at(line, crate::i18n::tr("imp-responses-alone"));
        }
        return;
    }
    let Some(mean) = parse_number(mean_text) else {
        problems.at(line, tr!("imp-bad-satisfaction", value = q(mean_text)));
        return;
    };
    if !(0.0..=10.0).contains(&mean) {
        problems.at(line, tr!("imp-satisfaction-range", value = mean_text));
        return;
    }
    let responses = if responses_text.is_empty() {
        0
    } else {
        match parse_count(responses_text).and_then(|n| u32::try_from(n).ok()) {
            Some(n) => n,
            None => {
                problems.at(line, tr!("imp-bad-responses", value = q(responses_text)));
                0
            }
        }
    };
    tp.satisfaction = Some(Satisfaction::Summary { mean, responses });
}

fn read_metrics(tp: &mut Touchpoint, header: &Header, row: &Row, problems: &mut Problems) {
    for (i, col) in header.cols.iter().enumerate() {
        let Some(Col::Metric(m)) = col else { continue };
        let text = row.cell(i);
        if text.is_empty() {
            continue;
        }
        match parse_metric_cell(text) {
            Some((value, directive)) => {
                let (target, better) = directive.unwrap_or((m.target, m.better));
                tp.metrics.push(Metric {
                    name: m.name.clone(),
                    value,
                    unit: m.unit.clone(),
                    target,
                    better,
                });
            }
            None => problems.at(
                row.line,
                tr!("imp-bad-metric-cell", name = q(&m.name), value = q(text)),
            ),
        }
    }
}

/// Read handoff rows. With a builder (a standalone edge list) unknown touchpoints are
/// created; without one (merging into a journey) they are reported.
enum Target<'a> {
    /// A standalone edge list: unknown touchpoints are created.
    Build(&'a mut Builder),
    /// Merging into a journey: unknown touchpoints are reported.
    Merge(&'a mut Journey),
}

impl Target<'_> {
    fn journey(&self) -> &Journey {
        match self {
            Target::Build(b) => &b.journey,
            Target::Merge(j) => j,
        }
    }

    fn journey_mut(&mut self) -> &mut Journey {
        match self {
            Target::Build(b) => &mut b.journey,
            Target::Merge(j) => j,
        }
    }
}

fn handoff_rows(target: &mut Target<'_>, header: &Header, body: &[Row], problems: &mut Problems) {
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
fn resolve(journey: &Journey, names: &NameIndex, given: &str, name: &str) -> Option<TouchpointId> {
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
    if text.len() > super::MAX_IMPORT_BYTES {
        problems.general(tr!(
            "imp-input-too-big",
            limit = super::MAX_IMPORT_BYTES.to_string()
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

/// A value from the input, quoted in a message.
fn q(s: &str) -> String {
    format!("{s:?}")
}
