//! `touchpoint mine --from-aggregates FILE.csv`: the result of the SQL of [`super::sql`],
//! run by a warehouse engine and saved as CSV, read back into the [`Mined`] figures the
//! native miner gives, so the same builder makes the same journey. One row per figure
//! set (`kind`: log, activity, department, channel, layer, pair, start, end); problems
//! are `file:line: reason`, the rest read; never a panic.

use super::miner::{ActivityFigures, MAX_ACTIVITIES, Mined, PairFigures};
use super::problems::{PosKind, Problems};
use super::sql::COLUMNS;
use super::{LogError, LogRead};
use crate::i18n::tr_args;
use std::collections::HashMap;
use std::io::Read;

/// Most rows read (a result has a few per activity and pair).
pub const MAX_ROWS: u64 = 10_000_000;

fn tr1(id: &str, key: &'static str, value: impl Into<String>) -> String {
    tr_args(id, &[(key, value.into().into())])
}

/// The `log` row: the log's name, counts, elapsed time per case and period.
struct LogRow {
    source: String,
    events: u64,
    cases: u64,
    elapsed_median: Option<f64>,
    elapsed_p90: Option<f64>,
    period: Option<(i64, i64)>,
}

/// One activity's figures while reading.
#[derive(Default)]
struct Act {
    figures: Option<ActivityFigures>,
    departments: Vec<(String, u64)>,
    channel: Vec<(String, u64)>,
    layer: Vec<(String, u64)>,
    starts: u64,
    ends: u64,
}

/// The most counted value; ties go to the first by name (as the miner's votes).
fn winner(v: &[(String, u64)]) -> Option<String> {
    v.iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(k, _)| k.clone())
}

/// Read the aggregates CSV of a log. Fails when the file cannot be read as a whole
/// (no header, a missing column, no `log` row, no activity).
pub fn read(name: &str, input: impl Read) -> Result<LogRead, LogError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let headers = rdr
        .headers()
        .map_err(|e| LogError::new(name, tr1("minesql-agg-unreadable", "error", e.to_string())))?
        .clone();
    let at = column_positions(name, &headers)?;
    let mut state = Reading {
        problems: Problems::new(name, PosKind::Line),
        log: None,
        acts: Vec::new(),
        index: HashMap::new(),
        pairs: Vec::new(),
    };
    let mut rec = csv::StringRecord::new();
    let mut rows = 0u64;
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                if let csv::ErrorKind::Io(_) = e.kind() {
                    return Err(LogError::new(
                        name,
                        tr1("minesql-agg-unreadable", "error", e.to_string()),
                    ));
                }
                let line = e.position().map_or(0, |p| p.line());
                state
                    .problems
                    .at(line, tr1("minesql-agg-bad-row", "error", e.to_string()));
                continue;
            }
        }
        rows += 1;
        if rows > MAX_ROWS {
            state.problems.general(tr1(
                "minesql-agg-too-many-rows",
                "max",
                MAX_ROWS.to_string(),
            ));
            break;
        }
        let line = rec.position().map_or(rows + 1, |p| p.line());
        match parse_row(&rec, &at) {
            Ok(row) => state.add(line, row),
            Err(b) => state.problems.at(line, b),
        }
    }
    let Reading {
        mut problems,
        log,
        acts,
        index,
        pairs,
    } = state;
    let Some(LogRow {
        source,
        events,
        cases: ncases,
        elapsed_median,
        elapsed_p90,
        period,
    }) = log
    else {
        return Err(LogError::new(
            name,
            tr1("minesql-agg-no-log", "kind", "log"),
        ));
    };
    let (activities, at_of, starts, ends) = activities_in_order(acts, &index, &mut problems);
    let out_pairs = resolve_pairs(pairs, &index, &at_of, &mut problems);
    if activities.is_empty() {
        return Err(LogError::new(
            name,
            tr1("minesql-agg-nothing", "file", name),
        ));
    }
    let mined = Mined {
        file: if source.is_empty() {
            name.to_owned()
        } else {
            source
        },
        cases: ncases,
        events,
        activities,
        pairs: out_pairs,
        variants: Vec::new(),
        other_variant_cases: 0,
        elapsed_hours_median: elapsed_median,
        elapsed_hours_p90: elapsed_p90,
        starts,
        ends,
        period,
        exact: true,
    };
    Ok(LogRead {
        mined,
        problems,
        rows,
    })
}

/// Where each of [`COLUMNS`] is in the header; fails naming the first one missing.
fn column_positions(
    name: &str,
    headers: &csv::StringRecord,
) -> Result<[usize; COLUMNS.len()], LogError> {
    let mut at = [usize::MAX; COLUMNS.len()];
    for (k, c) in COLUMNS.iter().enumerate() {
        match headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(c))
        {
            Some(i) => at[k] = i,
            None => {
                return Err(LogError::new(
                    name,
                    tr_args(
                        "minesql-agg-missing-column",
                        &[
                            ("column", (*c).into()),
                            ("columns", COLUMNS.join(", ").into()),
                        ],
                    ),
                ));
            }
        }
    }
    Ok(at)
}

/// One row's cells, its counts and numbers parsed.
struct AggRow {
    kind: String,
    activity: Option<String>,
    other: Option<String>,
    n: Option<u64>,
    cases: Option<u64>,
    rework: Option<u64>,
    median: Option<f64>,
    p90: Option<f64>,
    position: Option<f64>,
    /// The row's first and last event (epoch milliseconds).
    period: Option<(i64, i64)>,
}

/// The cells of a row (`at` the columns' positions); `Err` the first count or number
/// that does not read.
fn parse_row(rec: &csv::StringRecord, at: &[usize; COLUMNS.len()]) -> Result<AggRow, String> {
    let cell = |k: usize| rec.get(at[k]).map(str::trim).filter(|s| !s.is_empty());
    let mut bad: Option<String> = None;
    let mut int = |k: usize| -> Option<u64> {
        let t = cell(k)?;
        match t.parse::<u64>() {
            Ok(v) => Some(v),
            Err(_) => {
                bad.get_or_insert_with(|| {
                    tr_args(
                        "minesql-agg-bad-count",
                        &[
                            ("column", COLUMNS[k].into()),
                            ("value", t.to_owned().into()),
                        ],
                    )
                });
                None
            }
        }
    };
    let n = int(3);
    let cases = int(4);
    let rework = int(5);
    let (first, last) = (cell(9), cell(10));
    let mut num = |k: usize| -> Option<f64> {
        let t = cell(k)?;
        match t.parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
            _ => {
                bad.get_or_insert_with(|| {
                    tr_args(
                        "minesql-agg-bad-number",
                        &[
                            ("column", COLUMNS[k].into()),
                            ("value", t.to_owned().into()),
                        ],
                    )
                });
                None
            }
        }
    };
    let median = num(6);
    let p90 = num(7);
    let position = num(8);
    let ms = |t: Option<&str>| t.and_then(|t| t.parse::<i64>().ok());
    if let Some(b) = bad {
        return Err(b);
    }
    let period = match (ms(first), ms(last)) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    Ok(AggRow {
        kind: cell(0).unwrap_or("").to_ascii_lowercase(),
        activity: cell(1).map(str::to_owned),
        other: cell(2).map(str::to_owned),
        n,
        cases,
        rework,
        median,
        p90,
        position,
        period,
    })
}

/// A pair row kept until every activity is known: (line, from, to, figures).
type PairRow = (u64, String, String, PairFigures);

/// What the rows read so far give.
struct Reading {
    problems: Problems,
    log: Option<LogRow>,
    acts: Vec<Act>,
    index: HashMap<String, usize>,
    pairs: Vec<PairRow>,
}

impl Reading {
    /// Take the row on `line` in (or report why not).
    fn add(&mut self, line: u64, row: AggRow) {
        let AggRow {
            kind,
            activity,
            other,
            n,
            cases,
            rework,
            median,
            p90,
            position,
            period,
        } = row;
        if kind == "log" {
            if self.log.is_some() {
                self.problems
                    .at(line, tr1("minesql-agg-duplicate", "kind", "log"));
                return;
            }
            self.log = Some(LogRow {
                source: other.unwrap_or_default(),
                events: n.unwrap_or(0),
                cases: cases.unwrap_or(0),
                elapsed_median: median,
                elapsed_p90: p90,
                period,
            });
            return;
        }
        let Some(activity) = activity else {
            self.problems
                .at(line, tr1("minesql-agg-no-activity", "kind", kind));
            return;
        };
        let Some(slot) = self.slot(&activity, line) else {
            return;
        };
        let a = &mut self.acts[slot];
        let problems = &mut self.problems;
        let count = n.unwrap_or(0);
        match kind.as_str() {
            "activity" => {
                if a.figures.is_some() {
                    problems.at(line, tr1("minesql-agg-duplicate", "kind", kind.clone()));
                    return;
                }
                a.figures = Some(ActivityFigures {
                    name: activity.clone(),
                    members: vec![activity.clone()],
                    department: None,
                    departments: Vec::new(),
                    cases: cases.unwrap_or(0),
                    events: count,
                    rework_cases: rework.unwrap_or(0),
                    handling_minutes_median: median,
                    handling_minutes_p90: p90,
                    position_median: position.unwrap_or(0.0),
                    channel: None,
                    layer: None,
                    customer: false,
                    visible: None,
                    cost_mean: None,
                });
            }
            "department" | "channel" | "layer" => {
                let Some(value) = other else {
                    problems.at(line, tr1("minesql-agg-no-other", "kind", kind.clone()));
                    return;
                };
                let list = match kind.as_str() {
                    "department" => &mut a.departments,
                    "channel" => &mut a.channel,
                    _ => &mut a.layer,
                };
                match list.iter_mut().find(|(v, _)| *v == value) {
                    Some((_, c)) => *c += count,
                    None => list.push((value, count)),
                }
            }
            "start" => a.starts += count,
            "end" => a.ends += count,
            "pair" => {
                let Some(to) = other else {
                    problems.at(line, tr1("minesql-agg-no-other", "kind", kind.clone()));
                    return;
                };
                self.pairs.push((
                    line,
                    activity,
                    to,
                    PairFigures {
                        from: 0,
                        to: 0,
                        transitions: count,
                        cases: cases.unwrap_or(0),
                        wait_hours_median: median,
                        wait_hours_p90: p90,
                    },
                ));
            }
            _ => problems.at(line, tr1("minesql-agg-unknown-kind", "kind", kind.clone())),
        }
    }

    /// The slot of `activity`, a new one for a new name; `None` (reported) past
    /// [`MAX_ACTIVITIES`].
    fn slot(&mut self, activity: &str, line: u64) -> Option<usize> {
        match self.index.get(activity) {
            Some(&i) => Some(i),
            None => {
                if self.acts.len() >= MAX_ACTIVITIES {
                    self.problems.at(
                        line,
                        tr1("minesql-agg-too-many", "max", MAX_ACTIVITIES.to_string()),
                    );
                    return None;
                }
                self.index.insert(activity.to_owned(), self.acts.len());
                self.acts.push(Act::default());
                Some(self.acts.len() - 1)
            }
        }
    }
}

/// Activities and their starts and ends, counted per position.
type Ordered = (
    Vec<ActivityFigures>,
    Vec<usize>,
    Vec<(usize, u64)>,
    Vec<(usize, u64)>,
);

/// The activities with an `activity` row (those without are reported) in journey order:
/// by median position, then name (as the miner), each with its department, channel and
/// layer votes counted; the position of each slot (`usize::MAX` for none); the starts
/// and ends by position, most first.
fn activities_in_order(
    mut acts: Vec<Act>,
    index: &HashMap<String, usize>,
    problems: &mut Problems,
) -> Ordered {
    let mut order: Vec<usize> = (0..acts.len())
        .filter(|&i| {
            let a = &acts[i];
            if a.figures.is_none() {
                problems.general(tr1(
                    "minesql-agg-no-activity-row",
                    "activity",
                    index
                        .iter()
                        .find(|(_, v)| **v == i)
                        .map(|(k, _)| k.clone())
                        .unwrap_or_default(),
                ));
            }
            a.figures.is_some()
        })
        .collect();
    let key = |i: &usize| {
        let f = acts[*i].figures.as_ref();
        (
            f.map_or(0.0, |f| f.position_median),
            f.map(|f| f.name.clone()).unwrap_or_default(),
        )
    };
    order.sort_by(|a, b| {
        let (pa, na) = key(a);
        let (pb, nb) = key(b);
        pa.total_cmp(&pb).then_with(|| na.cmp(&nb))
    });
    let mut at_of = vec![usize::MAX; acts.len()];
    for (k, &i) in order.iter().enumerate() {
        at_of[i] = k;
    }
    let mut activities = Vec::new();
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    for (k, &i) in order.iter().enumerate() {
        let a = &mut acts[i];
        let Some(mut f) = a.figures.take() else {
            continue;
        };
        let mut depts = std::mem::take(&mut a.departments);
        depts.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        f.department = depts.first().map(|d| d.0.clone());
        f.departments = depts;
        f.channel = winner(&a.channel);
        f.layer = winner(&a.layer);
        if a.starts > 0 {
            starts.push((k, a.starts));
        }
        if a.ends > 0 {
            ends.push((k, a.ends));
        }
        activities.push(f);
    }
    let tally =
        |v: &mut Vec<(usize, u64)>| v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    tally(&mut starts);
    tally(&mut ends);
    (activities, at_of, starts, ends)
}

/// The pairs between known activities (`at_of` their positions), in order, one per
/// pair; a pair naming an unknown activity is reported.
fn resolve_pairs(
    pairs: Vec<PairRow>,
    index: &HashMap<String, usize>,
    at_of: &[usize],
    problems: &mut Problems,
) -> Vec<PairFigures> {
    let ix = |name: &str| {
        index
            .get(name)
            .and_then(|&i| at_of.get(i))
            .copied()
            .filter(|&k| k != usize::MAX)
    };
    let mut out_pairs = Vec::new();
    for (line, from, to, figures) in pairs {
        match (ix(&from), ix(&to)) {
            (Some(f), Some(t)) => out_pairs.push(PairFigures {
                from: f,
                to: t,
                ..figures
            }),
            _ => problems.at(
                line,
                tr_args(
                    "minesql-agg-pair-unknown",
                    &[("from", from.into()), ("to", to.into())],
                ),
            ),
        }
    }
    out_pairs.sort_by_key(|p| (p.from, p.to));
    out_pairs.dedup_by_key(|p| (p.from, p.to));
    out_pairs
}

/// [`read`] from a file.
pub fn read_path(path: &std::path::Path) -> Result<LogRead, LogError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| {
        LogError::new(
            &name,
            tr1(
                "minesql-agg-unreadable",
                "error",
                crate::io::explain_read(&e),
            ),
        )
    })?;
    read(&name, std::io::BufReader::new(file))
}
