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
use crate::import::csv::MetricColumn;
use crate::model::{DepartmentId, DepartmentKind, Journey, Satisfaction, Touchpoint};

/// Which CSV table to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
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
                format!("{} touchpoints", journey.touchpoint_count()),
            ),
            CsvTable::Handoffs => (
                handoffs_csv(journey),
                format!("{} handoffs", journey.handoff_count()),
            ),
            CsvTable::Matrix => (
                matrix_csv(journey),
                "department x department handoff matrix".to_owned(),
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

/// Guard a text cell against formula injection (see the module docs).
pub fn guard(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    let risky = matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r'))
        || (first == Some('\'')
            && matches!(second, Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'')));
    if risky {
        format!("'{text}")
    } else {
        text.to_owned()
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

/// The metric columns: one per distinct (name, unit, target, direction), and a second
/// one when a touchpoint has the same metric twice. Ordered by first appearance in
/// reading order, each new column placed after the previous metric of its touchpoint
/// so every touchpoint's metrics keep their order where the columns allow it.
fn metric_columns(order: &[&Touchpoint]) -> Vec<(MetricColumn, usize)> {
    let mut cols: Vec<(MetricColumn, usize)> = Vec::new();
    for t in order {
        let mut seen: Vec<(MetricColumn, usize)> = Vec::new();
        let mut after: Option<usize> = None;
        for m in &t.metrics {
            let col = MetricColumn {
                name: m.name.clone(),
                unit: m.unit.clone(),
                target: m.target,
                better: m.better,
            };
            let nth = seen.iter().filter(|(c, _)| same(c, &col)).count();
            seen.push((col.clone(), nth));
            let pos = cols.iter().position(|(c, n)| *n == nth && same(c, &col));
            let pos = match pos {
                Some(p) => p,
                None => {
                    let at = after.map_or(cols.len(), |a| a + 1);
                    cols.insert(at, (col, nth));
                    at
                }
            };
            after = Some(pos);
        }
    }
    cols
}

fn same(a: &MetricColumn, b: &MetricColumn) -> bool {
    a.name == b.name
        && a.unit == b.unit
        && a.better == b.better
        && a.target.map(f64::to_bits) == b.target.map(f64::to_bits)
}

/// The touchpoints table.
pub fn touchpoints_csv(journey: &Journey) -> String {
    let order = super::reading_order(journey);
    let metrics = metric_columns(&order);
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
    header.extend(metrics.iter().map(|(m, _)| guard(&m.header())));
    header.extend(
        ["pains", "description", "notes", "order", "next"]
            .iter()
            .map(|s| (*s).to_owned()),
    );
    let mut rows = vec![header];
    for t in &order {
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
        // This touchpoint's metrics, matched to columns in order.
        let mut cells = vec![String::new(); metrics.len()];
        let mut seen: Vec<&crate::model::Metric> = Vec::new();
        for m in &t.metrics {
            let nth = seen
                .iter()
                .filter(|s| {
                    s.name == m.name
                        && s.unit == m.unit
                        && s.better == m.better
                        && s.target.map(f64::to_bits) == m.target.map(f64::to_bits)
                })
                .count();
            seen.push(m);
            let col = metrics.iter().position(|(c, n)| {
                *n == nth
                    && c.name == m.name
                    && c.unit == m.unit
                    && c.better == m.better
                    && c.target.map(f64::to_bits) == m.target.map(f64::to_bits)
            });
            if let Some(slot) = col.and_then(|i| cells.get_mut(i)) {
                *slot = num(m.value);
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
    use crate::model::Better;

    #[test]
    fn guard_prefixes_formula_starts_and_is_undone_by_the_importer() {
        for (text, guarded) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-x", "'-x"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''", "'''"),
            ("'a", "'a"),
            ("'", "'"),
            ("plain", "plain"),
            ("", ""),
        ] {
            assert_eq!(guard(text), guarded, "{text:?}");
            assert_eq!(crate::import::csv::unprefix(&guard(text)), text);
        }
    }

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
