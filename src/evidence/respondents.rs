//! Respondent-level answers read from a table (CSV or `.xlsx`, through
//! [`super::table`]): one row per customer, a score column per touchpoint (header =
//! touchpoint id or name, case-insensitive), an overall column, optionally an
//! outcome and a segment column. Each score column's scale is detected (or read
//! from the answers, see [`super::scale`]) and mapped onto 0-10; blanks stay blank.
//! Unreadable answers are reported with their line and left blank.

use super::drivers::{Respondents, ScoreColumn};
use super::scale::{Answer, Scale, ScaleDetector, parse_answer};
use super::table::{ColumnRef, Columns, Field, Row, TableReader, find_header, normalise};
use crate::import::ImportProblem;
use crate::model::{Journey, TouchpointId};

/// Which columns to use; `None` finds them by their header (synonyms below).
#[derive(Clone, Debug, Default)]
pub struct RespondentColumns {
    pub overall: Option<String>,
    pub outcome: Option<String>,
    pub segment: Option<String>,
}

/// Answers read from a table, with what went wrong on the way.
#[derive(Clone, Debug, Default)]
pub struct ReadRespondents {
    pub data: Respondents,
    /// The segment of each respondent, when there is a segment column.
    pub segments: Option<Vec<Option<String>>>,
    /// The scale of each touchpoint column, then of the overall column.
    pub scales: Vec<(String, Scale)>,
    /// Problems located by line: unreadable answers, columns that match no touchpoint.
    pub problems: Vec<ImportProblem>,
    /// Every header of the table, in order (the app offers them as column choices).
    pub headers: Vec<String>,
    /// The header of the segment column; empty without one.
    pub segment_name: String,
}

/// The headers of a table: its first non-blank row (the app's column choices when
/// the overall column could not be found).
pub fn table_headers(mut reader: TableReader) -> Vec<String> {
    let mut row = Row::default();
    let mut problems = Vec::new();
    for _ in 0..20 {
        if !reader.next_row(&mut row, &mut problems) {
            break;
        }
        if !row.is_blank() {
            return row
                .cells()
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty())
                .collect();
        }
    }
    Vec::new()
}

const OVERALL: usize = 0;
const OUTCOME: usize = 1;
const SEGMENT: usize = 2;
const RESPONDENT: usize = 3;

const FIELDS: [Field; 4] = [
    Field {
        key: "overall",
        synonyms: &[
            "overall",
            "overall_satisfaction",
            "overall_score",
            "osat",
            "satisfaction",
            "likelihood_to_recommend",
            "ltr",
            "nps",
            "recommend",
        ],
        required: true,
    },
    Field {
        key: "outcome",
        synonyms: &[
            "outcome",
            "renewed",
            "renewal",
            "retained",
            "stayed",
            "churned",
            "churn",
            "cancelled",
            "canceled",
            "converted",
            "conversion",
        ],
        required: false,
    },
    Field {
        key: "segment",
        synonyms: &["segment", "customer_segment", "group", "region"],
        required: false,
    },
    Field {
        key: "respondent",
        synonyms: &[
            "respondent",
            "respondent_id",
            "response_id",
            "customer_id",
            "customer",
        ],
        required: false,
    },
];

/// `yes`/`no`, `1`/`0`, `true`/`false`, `y`/`n`.
pub fn parse_outcome(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "1.0" | "ja" | "oui" | "是" => Some(true),
        "no" | "n" | "false" | "0" | "0.0" | "nein" | "non" | "否" => Some(false),
        _ => None,
    }
}

fn problem(file: &str, line: Option<usize>, message: String) -> ImportProblem {
    ImportProblem {
        file: file.to_owned(),
        line,
        message,
    }
}

/// A column of answers as read (before its scale is known).
struct RawColumn {
    header: String,
    col: usize,
    answers: Vec<Option<Answer>>,
}

impl RawColumn {
    fn read(&mut self, row: &Row, file: &str, problems: &mut Vec<ImportProblem>) {
        let text = row.cell(self.col);
        if text.trim().is_empty() {
            self.answers.push(None);
            return;
        }
        match parse_answer(text) {
            Ok(a) => self.answers.push(Some(a)),
            Err(e) => {
                problems.push(problem(
                    file,
                    Some(row.line()),
                    format!("`{}`: {e}; left blank", self.header),
                ));
                self.answers.push(None);
            }
        }
    }

    /// The answers on 0-10, with the scale found.
    fn finish(
        self,
        lines: &[usize],
        file: &str,
        problems: &mut Vec<ImportProblem>,
    ) -> (Vec<Option<f64>>, Scale) {
        let mut detector = ScaleDetector::new();
        for a in self.answers.iter().flatten() {
            detector.feed_answer(*a);
        }
        let scale = detector.scale();
        let values = self
            .answers
            .into_iter()
            .zip(lines)
            .map(|(a, &line)| {
                let a = a?;
                let text = match a.scale {
                    Some(s) => format!("{} ({s})", a.value),
                    None => format!("{}", a.value),
                };
                match scale.check_answer(a, &text) {
                    Ok(v) => Some(scale.to_ten(v)),
                    Err(e) => {
                        problems.push(problem(
                            file,
                            Some(line),
                            format!("`{}`: {e}; left blank", self.header),
                        ));
                        None
                    }
                }
            })
            .collect();
        (values, scale)
    }
}

/// Read respondents from a table, matching score columns to the journey's
/// touchpoints. `Err` when the table has no usable header, no overall column or no
/// column that names a touchpoint.
pub fn read_respondents(
    mut reader: TableReader,
    journey: &Journey,
    columns: &RespondentColumns,
) -> Result<ReadRespondents, ImportProblem> {
    let file = reader.name().to_owned();
    let mut problems = Vec::new();
    let mut explicit = Vec::new();
    for (field, col) in [
        (OVERALL, &columns.overall),
        (OUTCOME, &columns.outcome),
        (SEGMENT, &columns.segment),
    ] {
        if let Some(c) = col {
            explicit.push((field, ColumnRef(c.clone())));
        }
    }
    let header = find_header(&mut reader, &FIELDS, &explicit, &mut problems)?;
    for (field, col) in [(OUTCOME, &columns.outcome), (SEGMENT, &columns.segment)] {
        if let Some(c) = col
            && header.of(field).is_none()
        {
            return Err(problem(
                &file,
                Some(header.line),
                format!("no column `{c}` in the header"),
            ));
        }
    }
    let Some(overall_col) = header.of(OVERALL) else {
        return Err(problem(
            &file,
            Some(header.line),
            "no overall column (name it with --overall)".into(),
        ));
    };
    // Touchpoint columns: header = id or name, case-insensitive.
    let (mut raw, ids) = touchpoint_columns(journey, &header, &file, &mut problems)?;
    let overall_header = header
        .names
        .get(overall_col)
        .cloned()
        .unwrap_or_else(|| "overall".into());
    let mut overall = RawColumn {
        header: overall_header.clone(),
        col: overall_col,
        answers: Vec::new(),
    };
    let outcome_col = header.of(OUTCOME);
    let segment_col = header.of(SEGMENT);
    let mut outcome: Vec<Option<bool>> = Vec::new();
    let mut segments: Vec<Option<String>> = Vec::new();
    let mut lines = Vec::new();
    let mut row = Row::default();
    while reader.next_row(&mut row, &mut problems) {
        lines.push(row.line());
        for c in &mut raw {
            c.read(&row, &file, &mut problems);
        }
        overall.read(&row, &file, &mut problems);
        if let Some(oc) = outcome_col {
            outcome.push(outcome_cell(&row, oc, &file, &mut problems));
        }
        if let Some(sc) = segment_col {
            let text = row.cell(sc).trim();
            segments.push((!text.is_empty()).then(|| text.to_owned()));
        }
    }
    let mut scales = Vec::new();
    let mut touchpoints = Vec::new();
    for (c, id) in raw.into_iter().zip(ids) {
        let header_text = c.header.clone();
        let (scores, scale) = c.finish(&lines, &file, &mut problems);
        scales.push((header_text, scale));
        let name = journey
            .touchpoint(&id)
            .map_or_else(|| id.0.clone(), |t| t.name.clone());
        touchpoints.push(ScoreColumn {
            touchpoint: id.0.clone(),
            name,
            scores,
        });
    }
    let (overall_values, overall_scale) = overall.finish(&lines, &file, &mut problems);
    scales.push((overall_header.clone(), overall_scale));
    let outcome_name = outcome_col
        .and_then(|c| header.names.get(c).cloned())
        .unwrap_or_default();
    Ok(ReadRespondents {
        data: Respondents {
            touchpoints,
            overall_name: overall_header,
            overall: overall_values,
            outcome_name,
            outcome: outcome_col.map(|_| outcome),
        },
        segments: segment_col.map(|_| segments),
        scales,
        problems,
        headers: header
            .names
            .iter()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect(),
        segment_name: segment_col
            .and_then(|c| header.names.get(c).cloned())
            .unwrap_or_default(),
    })
}

/// The touchpoint columns of `header` (named by a touchpoint's id or name,
/// case-insensitively) and their touchpoints; other columns are reported and ignored.
/// Fails when no column names a touchpoint.
fn touchpoint_columns(
    journey: &Journey,
    header: &Columns,
    file: &str,
    problems: &mut Vec<ImportProblem>,
) -> Result<(Vec<RawColumn>, Vec<TouchpointId>), ImportProblem> {
    let mut raw = Vec::new();
    let mut ids = Vec::new();
    for (col, name) in header.unclaimed() {
        let norm = normalise(name);
        let found = journey.touchpoints().find(|t| {
            t.id.as_str().eq_ignore_ascii_case(name.trim())
                || t.name.trim().to_lowercase() == name.trim().to_lowercase()
                || (!norm.is_empty()
                    && (normalise(t.id.as_str()) == norm || normalise(&t.name) == norm))
        });
        match found {
            Some(t) if ids.contains(&t.id) => problems.push(problem(
                file,
                Some(header.line),
                format!("column `{name}` names touchpoint `{}` again; ignored", t.id),
            )),
            Some(t) => {
                ids.push(t.id.clone());
                raw.push(RawColumn {
                    header: name.to_owned(),
                    col,
                    answers: Vec::new(),
                });
            }
            None if header.of(RESPONDENT) == Some(col) => {}
            None => problems.push(problem(
                file,
                Some(header.line),
                format!("column `{name}` names no touchpoint of the journey; ignored"),
            )),
        }
    }
    if raw.is_empty() {
        return Err(problem(
            file,
            Some(header.line),
            "no column names a touchpoint of the journey (use touchpoint ids or names as headers)"
                .into(),
        ));
    }
    Ok((raw, ids))
}

/// The outcome on `row` (column `oc`): `None` when blank or unreadable (reported).
fn outcome_cell(
    row: &Row,
    oc: usize,
    file: &str,
    problems: &mut Vec<ImportProblem>,
) -> Option<bool> {
    let text = row.cell(oc);
    if text.trim().is_empty() {
        None
    } else {
        let v = parse_outcome(text);
        if v.is_none() {
            problems.push(problem(
                file,
                Some(row.line()),
                format!("outcome `{text}` is not yes/no, 1/0 or true/false; left blank"),
            ));
        }
        v
    }
}
