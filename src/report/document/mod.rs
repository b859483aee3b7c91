//! Markdown and HTML reports: title, headline figures, the journey map, the ranked
//! gaps, the department x department handoff matrix, one summary per department
//! (what it owns, what it hands off, where its customers suffer) and, given a to-be
//! journey, the as-is vs to-be comparison.
//!
//! Both formats are rendered from one list of [`Block`]s, so they say the same
//! things. The HTML is one self-contained, well-formed XHTML-compatible file with a
//! restrictive Content-Security-Policy; every user text is escaped in both formats.

mod compare;
mod departments;
mod gaps;
mod headline;
mod html;
mod markdown;
mod matrix;
mod voice;
mod workshop;

pub use html::{CSP, report_html};
pub use markdown::report_markdown;

use crate::analysis::{Analysis, JourneyDiff};
use crate::i18n::{tr, tr_args};
use crate::model::{DepartmentId, Journey, TouchpointId, fmt_num};
use crate::scene::clean_text;

/// Gaps listed one by one; the rest are counted.
pub const MAX_GAPS: usize = 40;
/// Touchpoints named per list in a department summary.
const MAX_NAMES: usize = 12;

/// What goes into a report besides the journey and its analysis.
#[derive(Clone, Debug, Default)]
pub struct ReportOptions<'a> {
    /// The date printed under the title (`YYYY-MM-DD`); the CLI passes today.
    pub date: Option<String>,
    /// Markdown: the file name of the map's SVG written next to the report.
    pub svg_name: String,
    /// The to-be journey and the diff against it, for the comparison section.
    pub compare: Option<Comparison<'a>>,
    /// Markdown: the file name of the key-driver chart's SVG written next to the report.
    pub chart_name: String,
    /// HTML: the key-driver chart's SVG, inlined.
    pub chart_svg: Option<String>,
}

/// An as-is vs to-be comparison.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    pub to_be: &'a Journey,
    pub diff: &'a JourneyDiff,
    /// Markdown: file name of the to-be map's SVG (empty: no to-be map).
    pub svg_name: String,
}

/// What a table holds, for its presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableKind {
    Plain,
    /// The ranked gaps: each row is about a place on the map (the PDF report links
    /// it to the map page).
    Gaps,
    /// The department x department matrix: many columns, headers printed upright.
    Matrix,
}

/// One part of a report (also typeset into the PDF report by `report_pdf`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Block {
    Title(String),
    Heading(String),
    SubHeading(String),
    Para(String),
    /// (label, text) items; the label is bold.
    List(Vec<(String, String)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Cell>>,
        kind: TableKind,
    },
    /// The as-is map (0) or the to-be map (1).
    Diagram(usize),
    /// The key-driver chart (issue 19), drawn in the text.
    Chart(Box<crate::scene::Scene>),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cell {
    pub(crate) text: String,
    /// A CSS class for HTML (severity colours, numbers).
    pub(crate) class: &'static str,
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        class: "",
    }
}

fn num_cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        class: "num",
    }
}

fn tp_name(journey: &Journey, id: &TouchpointId) -> String {
    journey
        .touchpoint(id)
        .map(|t| clean_text(&t.name))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.0.clone())
}

fn dept_name(journey: &Journey, id: Option<&DepartmentId>) -> String {
    match id {
        None => tr("map-lane-unowned"),
        Some(_) => clean_text(&journey.department_name(id)),
    }
}

fn names_list(journey: &Journey, ids: &[&TouchpointId]) -> String {
    let mut out: Vec<String> = ids
        .iter()
        .take(MAX_NAMES)
        .map(|id| tp_name(journey, id))
        .collect();
    if ids.len() > MAX_NAMES {
        out.push(tr_args(
            "doc-and-more",
            &[("count", (ids.len() - MAX_NAMES).into())],
        ));
    }
    out.join(", ")
}

pub(crate) fn blocks(journey: &Journey, a: &Analysis, options: &ReportOptions<'_>) -> Vec<Block> {
    let meta = journey.meta();
    let mut title = clean_text(&meta.title);
    if title.is_empty() {
        title = tr("map-untitled");
    }
    let written = clean_text(&meta.variant);
    let variant = crate::scene::variant_name(&written);
    if !variant.is_empty()
        && !title.to_lowercase().contains(&written.to_lowercase())
        && !title.contains(&variant)
    {
        title = tr_args(
            "an-title-variant",
            &[
                ("title", title.as_str().into()),
                ("variant", variant.into()),
            ],
        );
    }
    let mut out = vec![Block::Title(title)];
    let description = clean_text(&meta.description);
    if !description.is_empty() {
        out.push(Block::Para(description));
    }
    let mut about = Vec::new();
    let owner = clean_text(&meta.owner);
    about.push((
        tr("doc-journey-owner"),
        if owner.is_empty() {
            tr("doc-journey-owner-nobody")
        } else {
            owner
        },
    ));
    for o in &meta.outcomes {
        let unit = clean_text(&o.unit);
        let sep = if unit.is_empty() || unit == "%" {
            ""
        } else {
            " "
        };
        about.push((
            clean_text(&o.name),
            format!("{}{sep}{unit}", fmt_num(o.value)),
        ));
    }
    if let Some(d) = &options.date {
        about.push((
            tr("doc-exported"),
            crate::i18n::format::date_text(&clean_text(d)),
        ));
    }
    out.push(Block::List(about));
    out.push(Block::Heading(tr("doc-headline")));
    out.push(Block::Table {
        head: vec![tr("doc-col-figure"), tr("doc-col-value")],
        rows: headline::headline_rows(a),
        kind: TableKind::Plain,
    });
    out.push(Block::Heading(tr("doc-journey-map")));
    out.push(Block::Diagram(0));
    out.push(Block::Heading(tr("doc-gaps-worst-first")));
    out.extend(gaps::gaps_table(journey, a));
    out.push(Block::Heading(tr("doc-matrix")));
    out.extend(matrix::matrix_table(a));
    out.push(Block::Heading(tr("doc-departments")));
    out.extend(departments::department_sections(journey, a));
    let voice = voice::voice_sections(journey, a);
    if !voice.is_empty() {
        out.push(Block::Heading(tr("doc-voice")));
        out.extend(voice);
    }
    out.extend(workshop::workshop_blocks(journey));
    out.extend(super::drivers::blocks(journey, a));
    if let Some(c) = &options.compare {
        out.push(Block::Heading(tr("doc-as-is-vs-to-be")));
        out.extend(compare::comparison_blocks(journey, c));
    }
    out
}
