//! `touchpoint mine --emit-sql [--dialect duckdb|spark|trino]`: the SQL that reduces an
//! event table to the miner's figures in a warehouse engine; `touchpoint mine
//! --from-aggregates FILE.csv`: the journey from its result (the rest of `mine`).

use crate::evidence::eventlog::{LogRead, aggregates, sql};
use std::io::Write;
use std::path::Path;

/// The SQL dialects `--emit-sql` writes.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DialectArg {
    #[default]
    Duckdb,
    Spark,
    Trino,
}

impl DialectArg {
    fn dialect(self) -> sql::Dialect {
        match self {
            DialectArg::Duckdb => sql::Dialect::DuckDb,
            DialectArg::Spark => sql::Dialect::Spark,
            DialectArg::Trino => sql::Dialect::Trino,
        }
    }
}

#[derive(clap::Args, Debug, Clone, Default)]
pub struct SqlArgs {
    /// Print the SQL that reduces an event table to the aggregates `--from-aggregates`
    /// reads (for DuckDB, Spark SQL or Trino over logs too big for one machine), and exit.
    /// The table's columns are named with --case, --activity, --timestamp, --start,
    /// --department, --channel, --layer (`-`: the table has no such column).
    #[arg(long, conflicts_with_all = ["log", "from_aggregates", "output", "stages", "strict"])]
    pub emit_sql: bool,
    /// --emit-sql: the SQL dialect.
    #[arg(long, value_enum, default_value = "duckdb", requires = "emit_sql")]
    pub dialect: DialectArg,
    /// --emit-sql: the event table (`name` or `schema.name`).
    #[arg(
        long,
        value_name = "NAME",
        default_value = "event_log",
        requires = "emit_sql"
    )]
    pub table: String,
    /// --emit-sql: approximate medians and p90s (DuckDB approx_quantile, Spark
    /// percentile_approx; Trino's are always approximate).
    #[arg(long, requires = "emit_sql")]
    pub approx: bool,
    /// Build the journey from the CSV result of the `--emit-sql` query instead of a log.
    #[arg(long, value_name = "FILE.csv", conflicts_with = "log")]
    pub from_aggregates: Option<std::path::PathBuf>,
}

/// A column named on the command line: the default name when not given, none for `-`.
fn column(given: &Option<String>, default: &Option<String>) -> Option<String> {
    match given.as_deref() {
        None => default.clone(),
        Some("-") => None,
        Some(name) => Some(name.to_owned()),
    }
}

/// `touchpoint mine --emit-sql`: the SQL on standard output. Exit 2 when a required
/// column is named `-`.
pub fn cli_emit_sql(args: &super::mine::MineArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let c = &args.columns;
    let d = sql::Table::default();
    let required = |given: &Option<String>, default: &str, flag: &str| match column(
        given,
        &Some(default.to_owned()),
    ) {
        Some(name) => Ok(name),
        None => Err(crate::tr!("minesql-required-column", flag = flag)),
    };
    let table = (|| -> Result<sql::Table, String> {
        Ok(sql::Table {
            name: args.sql.table.clone(),
            case: required(&c.case, &d.case, "--case")?,
            activity: required(&c.activity, &d.activity, "--activity")?,
            timestamp: required(&c.timestamp, &d.timestamp, "--timestamp")?,
            start: column(&c.start, &d.start),
            department: column(&c.department, &d.department),
            channel: column(&c.channel, &d.channel),
            layer: column(&c.layer, &d.layer),
        })
    })();
    match table {
        Ok(t) => {
            let text = sql::emit(args.sql.dialect.dialect(), &t, args.sql.approx);
            if out.write_all(text.as_bytes()).is_err() {
                return 1;
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            2
        }
    }
}

/// Read `--from-aggregates FILE`, printing its problems to `err`; `None` when nothing
/// usable remains.
pub fn read_aggregates(path: &Path, err: &mut dyn Write) -> Option<LogRead> {
    match aggregates::read_path(path) {
        Ok(r) => {
            for l in r.problems.lines() {
                let _ = writeln!(err, "{l}");
            }
            Some(r)
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            None
        }
    }
}
