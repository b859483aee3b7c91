//! Mining beyond one machine: the SQL that reduces an event table to the figures the
//! miner computes (`touchpoint mine --emit-sql`), for a warehouse engine to run over
//! billions of events; [`super::aggregates`] reads its result back
//! (`touchpoint mine --from-aggregates`) into the same [`super::Mined`], so the same
//! builder makes the same journey.
//!
//! The definitions are the miner's, step for step: rows with an empty case or activity
//! or no time left out, a start after the end ignored, duplicates (same case, activity,
//! start and end) counted once, each case ordered by (start or end, end, activity), the
//! position of an event `i / (n - 1)`, a wait `max(0, next start - end)`. Medians and
//! p90s are continuous quantiles (linear interpolation between the two nearest ranks:
//! DuckDB `quantile_cont`, Spark `percentile`, numpy's default), which is what the
//! native miner computes exactly up to 4,096 values per figure.

use crate::i18n::tr;

/// The SQL dialect to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    DuckDb,
    Spark,
    Trino,
}

impl Dialect {
    pub fn name(self) -> &'static str {
        match self {
            Dialect::DuckDb => "duckdb",
            Dialect::Spark => "spark",
            Dialect::Trino => "trino",
        }
    }

    fn string_type(self) -> &'static str {
        match self {
            Dialect::Spark => "STRING",
            Dialect::DuckDb | Dialect::Trino => "VARCHAR",
        }
    }

    /// A quoted identifier.
    fn ident(self, name: &str) -> String {
        match self {
            Dialect::Spark => format!("`{}`", name.replace('`', "``")),
            Dialect::DuckDb | Dialect::Trino => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    /// Milliseconds since the epoch of a timestamp expression.
    fn epoch_ms(self, e: &str) -> String {
        match self {
            Dialect::DuckDb => format!("epoch_ms({e})"),
            Dialect::Spark => format!("unix_millis({e})"),
            Dialect::Trino => format!("CAST(round(to_unixtime({e}) * 1000) AS BIGINT)"),
        }
    }

    /// The `q`-quantile of `v` over a group.
    fn quantile(self, v: &str, q: &str, approx: bool) -> String {
        match (self, approx) {
            (Dialect::DuckDb, false) => format!("quantile_cont({v}, {q})"),
            (Dialect::DuckDb, true) => format!("approx_quantile({v}, {q})"),
            (Dialect::Spark, false) => format!("percentile({v}, {q})"),
            (Dialect::Spark, true) => format!("percentile_approx({v}, {q})"),
            (Dialect::Trino, _) => format!("approx_percentile({v}, {q})"),
        }
    }

    /// Whether its medians and p90s are the native figures (else approximations).
    pub fn exact(self, approx: bool) -> bool {
        !approx && self != Dialect::Trino
    }
}

/// The event table: its name and its columns (`None`: the table has no such column).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// `name` or `schema.name` (each part quoted).
    pub name: String,
    pub case: String,
    pub activity: String,
    /// The completion time (or the only time) of an event.
    pub timestamp: String,
    pub start: Option<String>,
    pub department: Option<String>,
    pub channel: Option<String>,
    pub layer: Option<String>,
}

impl Default for Table {
    fn default() -> Self {
        Table {
            name: "event_log".into(),
            case: "case".into(),
            activity: "activity".into(),
            timestamp: "timestamp".into(),
            start: Some("start".into()),
            department: Some("department".into()),
            channel: Some("channel".into()),
            layer: Some("layer".into()),
        }
    }
}

/// The result's columns, in order: what `--from-aggregates` reads.
pub const COLUMNS: [&str; 11] = [
    "kind",
    "activity",
    "other",
    "n",
    "cases",
    "rework",
    "median",
    "p90",
    "position_median",
    "first_ms",
    "last_ms",
];

/// The SQL for `dialect`: one query whose result, saved as CSV with its header, is
/// what `touchpoint mine --from-aggregates` reads. Comments in the current language.
pub fn emit(dialect: Dialect, table: &Table, approx: bool) -> String {
    let mut out = header(dialect, approx);
    out.push_str(&with_clauses(dialect, table, approx));
    out.push_str(&figure_rows(dialect, table, approx));
    out
}

/// The query's opening comment: what it does, what it reads, how to run it.
fn header(d: Dialect, approx: bool) -> String {
    let mut out = String::new();
    for line in [
        tr("minesql-sql-what"),
        tr("minesql-sql-input"),
        tr("minesql-sql-rename"),
        tr(if d.exact(approx) {
            "minesql-sql-exact"
        } else {
            "minesql-sql-approx"
        }),
        tr(match d {
            Dialect::DuckDb => "minesql-sql-run-duckdb",
            Dialect::Spark => "minesql-sql-run-spark",
            Dialect::Trino => "minesql-sql-run-trino",
        }),
    ] {
        out.push_str("-- ");
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!(
        "-- {}: {}\n",
        d.name(),
        crate::tr!("minesql-sql-columns", columns = COLUMNS.join(", "))
    ));
    out
}

/// The query's common table expressions: the table's events cleaned and ordered per
/// case, the cases, rework and the activities' figures.
fn with_clauses(d: Dialect, table: &Table, approx: bool) -> String {
    let s = d.string_type();
    let col = |c: &str| d.ident(c);
    let text = |c: &Option<String>| match c {
        Some(c) => format!("NULLIF(trim(CAST({} AS {s})), '')", col(c)),
        None => format!("CAST(NULL AS {s})"),
    };
    let start = match &table.start {
        Some(c) => d.epoch_ms(&col(c)),
        None => "CAST(NULL AS BIGINT)".into(),
    };
    let table_name: Vec<String> = table.name.split('.').map(|p| d.ident(p)).collect();
    let q = |v: &str, p: &str| d.quantile(v, p, approx);
    let order = "ORDER BY coalesce(start_ms, end_ms), end_ms, activity";
    format!(
        "WITH raw AS (
    SELECT
        trim(CAST({case} AS {s})) AS case_id,
        trim(CAST({activity} AS {s})) AS activity,
        {end} AS end_ms,
        {start} AS start_ms,
        {department} AS department,
        {channel} AS channel,
        {layer} AS layer
    FROM {table}
),
valid AS (
    SELECT case_id, activity, end_ms,
        CASE WHEN start_ms <= end_ms THEN start_ms END AS start_ms,
        department, channel, layer
    FROM raw
    WHERE case_id <> '' AND activity <> '' AND end_ms IS NOT NULL
),
events AS (
    SELECT case_id, activity, start_ms, end_ms, min(department) AS department
    FROM valid
    GROUP BY case_id, activity, start_ms, end_ms
),
ordered AS (
    SELECT case_id, activity, start_ms, end_ms, department,
        row_number() OVER (PARTITION BY case_id {order}) AS seq,
        count(*) OVER (PARTITION BY case_id) AS n,
        lead(activity) OVER (PARTITION BY case_id {order}) AS next_activity,
        lead(coalesce(start_ms, end_ms)) OVER (PARTITION BY case_id {order}) AS next_ms
    FROM events
),
cases AS (
    SELECT case_id, count(*) AS events,
        min(coalesce(start_ms, end_ms)) AS first_ms, max(end_ms) AS last_ms
    FROM events
    GROUP BY case_id
),
rework AS (
    SELECT activity, count(*) AS rework
    FROM (SELECT activity, case_id FROM events GROUP BY activity, case_id HAVING count(*) > 1) r
    GROUP BY activity
),
activities AS (
    SELECT activity, count(*) AS n, count(DISTINCT case_id) AS cases,
        {handling_median} AS median,
        {handling_p90} AS p90,
        {position_median} AS position_median
    FROM (
        SELECT activity, case_id,
            CASE WHEN start_ms IS NOT NULL
                THEN CAST(end_ms - start_ms AS DOUBLE) / CAST(60000 AS DOUBLE) END AS handling,
            CASE WHEN n > 1 THEN CAST(seq - 1 AS DOUBLE) / CAST(n - 1 AS DOUBLE)
                ELSE CAST(0 AS DOUBLE) END AS pos
        FROM ordered
    ) a
    GROUP BY activity
)
",
        case = col(&table.case),
        activity = col(&table.activity),
        end = d.epoch_ms(&col(&table.timestamp)),
        department = text(&table.department),
        channel = text(&table.channel),
        layer = text(&table.layer),
        table = table_name.join("."),
        handling_median = q("handling", "0.5"),
        handling_p90 = q("handling", "0.9"),
        position_median = q("pos", "0.5"),
    )
}

/// The query's result: one row per figure set (see [`COLUMNS`]).
fn figure_rows(d: Dialect, table: &Table, approx: bool) -> String {
    let s = d.string_type();
    let source = format!("'{}'", table.name.replace('\'', "''"));
    let q = |v: &str, p: &str| d.quantile(v, p, approx);
    format!(
        "SELECT 'log' AS kind, CAST(NULL AS {s}) AS activity, {source} AS other,
    CAST(sum(events) AS BIGINT) AS n, count(*) AS cases, CAST(NULL AS BIGINT) AS rework,
    {elapsed_median} AS median,
    {elapsed_p90} AS p90,
    CAST(NULL AS DOUBLE) AS position_median, min(first_ms) AS first_ms, max(last_ms) AS last_ms
FROM (
    SELECT events, first_ms, last_ms,
        CAST(greatest(last_ms - first_ms, 0) AS DOUBLE) / CAST(3600000 AS DOUBLE) AS elapsed
    FROM cases
) c
UNION ALL
SELECT 'activity', a.activity, CAST(NULL AS {s}), a.n, a.cases, coalesce(r.rework, 0),
    a.median, a.p90, a.position_median, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM activities a LEFT JOIN rework r ON a.activity = r.activity
UNION ALL
SELECT 'department', activity, department, count(*), CAST(NULL AS BIGINT),
    CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM events WHERE department IS NOT NULL
GROUP BY activity, department
UNION ALL
SELECT 'channel', activity, channel, count(*), CAST(NULL AS BIGINT),
    CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM valid WHERE channel IS NOT NULL
GROUP BY activity, channel
UNION ALL
SELECT 'layer', activity, layer, count(*), CAST(NULL AS BIGINT),
    CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM valid WHERE layer IS NOT NULL
GROUP BY activity, layer
UNION ALL
SELECT 'pair', activity, next_activity, count(*), count(DISTINCT case_id),
    CAST(NULL AS BIGINT), {wait_median}, {wait_p90},
    CAST(NULL AS DOUBLE), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM (
    SELECT activity, next_activity, case_id,
        CAST(greatest(next_ms - end_ms, 0) AS DOUBLE) / CAST(3600000 AS DOUBLE) AS wait
    FROM ordered
    WHERE next_activity IS NOT NULL
) p
GROUP BY activity, next_activity
UNION ALL
SELECT 'start', activity, CAST(NULL AS {s}), count(*), CAST(NULL AS BIGINT),
    CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM ordered WHERE seq = 1
GROUP BY activity
UNION ALL
SELECT 'end', activity, CAST(NULL AS {s}), count(*), CAST(NULL AS BIGINT),
    CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
FROM ordered WHERE seq = n
GROUP BY activity
ORDER BY 1, 2, 3;
",
        elapsed_median = q("elapsed", "0.5"),
        elapsed_p90 = q("elapsed", "0.9"),
        wait_median = q("wait", "0.5"),
        wait_p90 = q("wait", "0.9"),
    )
}
