//! Column meanings: header names (with synonyms) matched to what a column holds, and the
//! meanings a user can choose for a column.

use crate::dialect::csv::MetricColumn;
use crate::tr;

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Col {
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
pub(super) const SLOTS: usize = 40;

impl Col {
    /// A dense index for the columns that hold one field (not metrics), so a row's
    /// cell for a field is found without a search.
    pub(super) fn slot(&self) -> Option<usize> {
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
pub(super) const MEANINGS: [(&str, &str); 28] = [
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
pub(super) fn meaning_label(key: &str) -> String {
    crate::i18n::tr(&format!("imp-col-{key}"))
}

impl Col {
    /// The key of this meaning (see [`meanings`]).
    pub(super) fn key(&self) -> String {
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
    pub(super) fn label(&self) -> String {
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

    pub(super) fn from_key(key: &str) -> Option<Col> {
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
pub(super) fn alternatives(header: &str) -> Vec<Col> {
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
pub(super) fn column_for(header: &str) -> Option<Result<Col, String>> {
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
