//! CSV export: three tables that open cleanly in spreadsheet software.
//!
//! * `touchpoints`: one row per touchpoint in journey order (see [`super::reading_order`]) with
//!   every field; metrics become `metric:NAME [UNIT] target<=X` columns, the histogram
//!   `score_0`..`score_10`, and `next` lists the targets of its handoffs (`a;b`), so this
//!   table alone imports back to the same touchpoints, stages, owners and handoffs.
//! * `handoffs`: one row per handoff, sorted by (from, to), with label, wait time,
//!   failure rate, notes and whether it crosses a department boundary.
//! * `matrix`: handoff counts, from-owner rows x to-owner columns, in lane order.
//!
//! RFC 4180: comma separated, `"` quoting where needed, CRLF line ends. A text cell that
//! starts with `= + - @`, tab or CR (or with `'` followed by one of those or `'`) gets a
//! leading `'` so spreadsheets show it as text instead of running it as a formula; our
//! importer removes that `'` again. Numbers are written in full precision.

use super::Artifact;
use crate::dialect::csv::{MetricColumn, directive_text, guard};
use crate::i18n::tr_args;
use crate::model::{Better, DepartmentId, DepartmentKind, Journey, Satisfaction, Touchpoint};

/// Which CSV table to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CsvTable {
    Touchpoints,
    Handoffs,
    Matrix,
}

impl CsvTable {
    pub fn name(self) -> &'static str {
        match self {
            CsvTable::Touchpoints => "touchpoints",
            CsvTable::Handoffs => "handoffs",
            CsvTable::Matrix => "matrix",
        }
    }
}

/// The byte-order mark `--bom` puts first.
pub const BOM: &str = "\u{feff}";

/// The tables of a CSV export: the one asked for, or all three (with file suffixes).
pub fn export(journey: &Journey, table: Option<CsvTable>, bom: bool) -> Vec<Artifact> {
    let make = |t: CsvTable| {
        let (text, summary) = match t {
            CsvTable::Touchpoints => (
                touchpoints_csv(journey),
                tr_args(
                    "export-summary-touchpoints",
                    &[("count", journey.touchpoint_count().into())],
                ),
            ),
            CsvTable::Handoffs => (
                handoffs_csv(journey),
                tr_args(
                    "export-summary-handoffs",
                    &[("count", journey.handoff_count().into())],
                ),
            ),
            CsvTable::Matrix => (
                matrix_csv(journey),
                crate::i18n::tr("export-summary-matrix"),
            ),
        };
        let bytes = if bom {
            format!("{BOM}{text}").into_bytes()
        } else {
            text.into_bytes()
        };
        Artifact {
            suffix: if table.is_some() {
                None
            } else {
                Some(t.name())
            },
            bytes,
            summary,
        }
    };
    match table {
        Some(t) => vec![make(t)],
        None => [CsvTable::Touchpoints, CsvTable::Handoffs, CsvTable::Matrix]
            .into_iter()
            .map(make)
            .collect(),
    }
}

fn kind_key(kind: DepartmentKind) -> &'static str {
    match kind {
        DepartmentKind::Internal => "Internal",
        DepartmentKind::Customer => "Customer",
        DepartmentKind::Partner => "Partner",
    }
}

/// A number in full precision (`7`, `7.25`, `0.1`).
fn num(v: f64) -> String {
    format!("{v}")
}

fn opt_num(v: Option<f64>) -> String {
    v.map(num).unwrap_or_default()
}

/// Rows to CSV text (RFC 4180, CRLF).
fn write_rows(rows: &[Vec<String>]) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(Vec::new());
    for r in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The metric columns and, per touchpoint, the column of each of its metrics.
struct MetricLayout {
    /// Columns in order: (name, unit, header directive).
    columns: Vec<MetricColumn>,
    /// For each touchpoint (in row order), the column index of each of its metrics.
    cells: Vec<Vec<usize>>,
}

/// Lay out the metric columns. A column holds one (name, unit); its header carries the
/// most common target and direction of its values, and a value with another one says so
/// in its cell (`24.1 target<=23`). Each touchpoint's metrics take columns left to right
/// in its own order: when the existing columns cannot keep that order (or a touchpoint
/// has a metric twice), another column with the same name is added. So every touchpoint
/// reads back with its metrics, targets and order exactly as they were.
fn metric_layout(order: &[&Touchpoint]) -> MetricLayout {
    // Columns as (name, unit, stable id), in position order.
    let mut cols: Vec<(String, String, usize)> = Vec::new();
    let mut assigned: Vec<Vec<usize>> = Vec::with_capacity(order.len());
    for t in order {
        let mut after: Option<usize> = None;
        let mut ids = Vec::with_capacity(t.metrics.len());
        for m in &t.metrics {
            let start = after.map_or(0, |a| a + 1);
            let found = cols
                .iter()
                .enumerate()
                .skip(start)
                .find(|(_, (n, u, id))| *n == m.name && *u == m.unit && !ids.contains(id))
                .map(|(p, _)| p);
            let pos = match found {
                Some(p) => p,
                None => {
                    let at = after.map_or(cols.len(), |a| a + 1);
                    let id = cols.len();
                    cols.insert(at, (m.name.clone(), m.unit.clone(), id));
                    at
                }
            };
            if let Some((_, _, id)) = cols.get(pos) {
                ids.push(*id);
            }
            after = Some(pos);
        }
        assigned.push(ids);
    }
    // Stable id -> position.
    let mut position = vec![0; cols.len()];
    for (p, (_, _, id)) in cols.iter().enumerate() {
        if let Some(slot) = position.get_mut(*id) {
            *slot = p;
        }
    }
    let cells: Vec<Vec<usize>> = assigned
        .iter()
        .map(|ids| {
            ids.iter()
                .map(|id| position.get(*id).copied().unwrap_or(0))
                .collect()
        })
        .collect();
    // The most common directive of each column (ties: the first met).
    let mut tallies: Vec<Vec<(Option<u64>, Better, usize)>> = vec![Vec::new(); cols.len()];
    for (t, cols_of_t) in order.iter().zip(&cells) {
        for (m, &c) in t.metrics.iter().zip(cols_of_t) {
            let key = (m.target.map(f64::to_bits), m.better);
            if let Some(tally) = tallies.get_mut(c) {
                match tally.iter_mut().find(|(t, b, _)| (*t, *b) == key) {
                    Some(entry) => entry.2 += 1,
                    None => tally.push((key.0, key.1, 1)),
                }
            }
        }
    }
    let columns = cols
        .iter()
        .zip(&tallies)
        .map(|((name, unit, _), tally)| {
            let mut best: Option<&(Option<u64>, Better, usize)> = None;
            for entry in tally {
                if best.is_none_or(|b| entry.2 > b.2) {
                    best = Some(entry);
                }
            }
            let (target, better) = best.map_or((None, Better::Higher), |(t, b, _)| {
                (t.map(f64::from_bits), *b)
            });
            MetricColumn {
                name: name.clone(),
                unit: unit.clone(),
                target,
                better,
            }
        })
        .collect();
    MetricLayout { columns, cells }
}

/// The touchpoints table.
pub fn touchpoints_csv(journey: &Journey) -> String {
    let order = super::reading_order(journey);
    let layout = metric_layout(&order);
    let mut header: Vec<String> = [
        "id",
        "name",
        "stage_id",
        "stage",
        "owner_id",
        "owner",
        "owner_color",
        "owner_kind",
        "channel",
        "layer",
        "volume",
        "handling_minutes",
        "satisfaction",
        "responses",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend((0..=10).map(|k| format!("score_{k}")));
    header.extend(layout.columns.iter().map(|m| guard(&m.header())));
    header.extend(
        ["pains", "description", "notes", "order", "next"]
            .iter()
            .map(|s| (*s).to_owned()),
    );
    let mut rows = vec![header];
    for (t, metric_cells) in order.iter().zip(&layout.cells) {
        let stage = t.stage.as_ref().and_then(|s| journey.stage(s));
        let owner = t.owner.as_ref().and_then(|d| journey.department(d));
        let mut row = vec![
            guard(t.id.as_str()),
            guard(&t.name),
            t.stage
                .as_ref()
                .map_or_else(String::new, |s| guard(s.as_str())),
            stage.map_or_else(String::new, |s| guard(&s.name)),
            t.owner
                .as_ref()
                .map_or_else(String::new, |d| guard(d.as_str())),
            owner.map_or_else(String::new, |d| guard(&d.name)),
            owner.map_or_else(String::new, |d| d.color.to_hex()),
            owner.map_or_else(String::new, |d| kind_key(d.kind).to_owned()),
            t.channel.key().to_owned(),
            t.layer.key().to_owned(),
            t.volume.map(|v| v.to_string()).unwrap_or_default(),
            opt_num(t.handling_minutes),
        ];
        match &t.satisfaction {
            Some(Satisfaction::Histogram(h)) => {
                let s = Satisfaction::Histogram(*h);
                row.push(s.mean().map(crate::model::fmt_num).unwrap_or_default());
                row.push(s.responses().to_string());
                row.extend(h.iter().map(ToString::to_string));
            }
            Some(Satisfaction::Summary { mean, responses }) => {
                row.push(num(*mean));
                row.push(responses.to_string());
                row.extend(std::iter::repeat_n(String::new(), 11));
            }
            None => row.extend(std::iter::repeat_n(String::new(), 13)),
        }
        // This touchpoint's metrics in their columns; a target or direction other than
        // the column's is written in the cell.
        let mut cells = vec![String::new(); layout.columns.len()];
        for (m, &c) in t.metrics.iter().zip(metric_cells) {
            let Some(col) = layout.columns.get(c) else {
                continue;
            };
            let same = col.better == m.better
                && col.target.map(f64::to_bits) == m.target.map(f64::to_bits);
            if let Some(slot) = cells.get_mut(c) {
                *slot = if same {
                    num(m.value)
                } else {
                    guard(&format!(
                        "{} {}",
                        num(m.value),
                        directive_text(m.target, m.better, true)
                    ))
                };
            }
        }
        row.extend(cells);
        row.push(guard(&t.pains.join("\n")));
        row.push(guard(&t.description));
        row.push(guard(&t.notes));
        row.push(t.order.map(|o| o.to_string()).unwrap_or_default());
        let next: Vec<&str> = journey
            .outgoing(&t.id)
            .iter()
            .map(|h| h.to.as_str())
            .collect();
        row.push(guard(&next.join(";")));
        rows.push(row);
    }
    write_rows(&rows)
}

/// The handoffs table.
pub fn handoffs_csv(journey: &Journey) -> String {
    let mut rows = vec![
        [
            "from",
            "to",
            "from_name",
            "to_name",
            "from_owner",
            "to_owner",
            "cross_department",
            "label",
            "wait_hours",
            "failure_rate",
            "notes",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect::<Vec<_>>(),
    ];
    for h in journey.handoffs() {
        let from = journey.touchpoint(&h.from);
        let to = journey.touchpoint(&h.to);
        let owner = |t: Option<&Touchpoint>| t.and_then(|t| t.owner.clone());
        let (fo, to_o) = (owner(from), owner(to));
        let name = |t: Option<&Touchpoint>| t.map_or_else(String::new, |t| guard(&t.name));
        let dept = |d: &Option<DepartmentId>| match d {
            Some(d) => guard(&journey.department_name(Some(d))),
            None => String::new(),
        };
        rows.push(vec![
            guard(h.from.as_str()),
            guard(h.to.as_str()),
            name(from),
            name(to),
            dept(&fo),
            dept(&to_o),
            if fo != to_o { "yes" } else { "no" }.to_owned(),
            guard(&h.label),
            opt_num(h.wait_hours),
            opt_num(h.failure_rate),
            guard(&h.notes),
        ]);
    }
    write_rows(&rows)
}

/// The matrix table: from-owner rows x to-owner columns.
pub fn matrix_csv(journey: &Journey) -> String {
    let config = crate::analysis::AnalysisConfig::default();
    let matrix = crate::analysis::analyze(journey, &config).matrix;
    let mut header = vec!["from \\ to".to_owned()];
    header.extend(matrix.names.iter().map(|n| guard(n)));
    let mut rows = vec![header];
    for (name, cells) in matrix.names.iter().zip(&matrix.cells) {
        let mut row = vec![guard(name)];
        row.extend(cells.iter().map(|c| c.handoffs.to_string()));
        rows.push(row);
    }
    write_rows(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_headers_read_back() {
        for m in [
            MetricColumn {
                name: "Handle time".into(),
                unit: "min".into(),
                target: Some(8.0),
                better: Better::Lower,
            },
            MetricColumn {
                name: "Read [x]".into(),
                unit: String::new(),
                target: None,
                better: Better::Higher,
            },
            MetricColumn {
                name: "Queue target<=3".into(),
                unit: String::new(),
                target: None,
                better: Better::Lower,
            },
            MetricColumn {
                name: "First-visit success".into(),
                unit: "%".into(),
                target: Some(0.1),
                better: Better::Higher,
            },
        ] {
            let h = m.header();
            let back = MetricColumn::parse(h.strip_prefix("metric:").unwrap()).unwrap();
            assert_eq!(back, m, "{h}");
        }
        assert_eq!(
            MetricColumn {
                name: "Handle time".into(),
                unit: "min".into(),
                target: Some(8.0),
                better: Better::Lower,
            }
            .header(),
            "metric:Handle time [min] target<=8"
        );
    }
}
