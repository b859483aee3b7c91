//! Event logs: one row per step per case, as CRM, ticketing, billing and field-service
//! systems record them (CSV, or XES, IEEE 1849). Mining turns a log into figures
//! ([`Mined`]: activities, directly-follows pairs with their waits, paths, elapsed
//! times), and from those a journey ([`build`]), or a check of a drawn journey against
//! what really happens ([`measure`]).
//!
//! Streaming throughout: a log is read once, row by row; memory is bounded by the
//! activities, their pairs and a budget of buffered events (spilled to disk beyond it).

pub mod aggregates;
pub mod build;
pub mod columns;
mod csvlog;
pub mod generate;
pub mod measure;
mod miner;
mod problems;
pub mod quantiles;
pub mod report;
pub mod sql;
pub mod time;
mod xes;

pub use columns::Role;
pub use miner::{
    ActivityFigures, Attrs, DEFAULT_BUDGET, EventIn, Half, KeyFn, MAX_ACTIVITIES, MAX_VARIANT_LEN,
    MAX_VARIANTS, Mined, Miner, PairFigures, VariantFigures,
};
pub use problems::{MAX_LISTED, PosKind, Problems};

use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// A log that cannot be read as a whole (no such file, no case column, nothing usable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogError {
    pub file: String,
    pub message: String,
}

impl LogError {
    pub fn new(file: &str, message: impl Into<String>) -> LogError {
        LogError {
            file: file.to_owned(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for LogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for LogError {}

/// Which format a log is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Csv,
    /// XES, plain or gzipped.
    Xes,
}

impl LogFormat {
    /// From the file name (`.xes`, `.xes.gz`, else CSV).
    pub fn from_path(path: &Path) -> LogFormat {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".xes") || name.ends_with(".xes.gz") {
            LogFormat::Xes
        } else {
            LogFormat::Csv
        }
    }
}

/// How to read a log.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Columns named explicitly (CSV) or attribute keys (XES) per role.
    pub columns: Vec<(Role, String)>,
    /// Events buffered in memory before spilling to disk; 0 = [`DEFAULT_BUDGET`].
    pub budget: usize,
    /// Set to stop reading (from another thread); the read then fails with "cancelled".
    pub cancel: Option<Arc<AtomicBool>>,
    /// Bytes read so far (CSV) or events read (XES), for a progress bar.
    pub progress: Option<Arc<AtomicU64>>,
}

impl ReadOptions {
    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

/// A mined log with the problems met on the way.
#[derive(Clone, Debug)]
pub struct LogRead {
    pub mined: Mined,
    pub problems: Problems,
    /// Rows (CSV) or events (XES) read, usable or not.
    pub rows: u64,
}

/// Mine a log file (CSV or XES by its name). `key_fn` counts activities under other
/// names (touchpoint ids when measuring). Fails when the file cannot be read as a whole
/// or nothing usable remains.
pub fn mine_path(
    path: &Path,
    opts: &ReadOptions,
    key_fn: Option<KeyFn>,
) -> Result<LogRead, LogError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path)
        .map_err(|e| LogError::new(&name, format!("could not open: {e}")))?;
    match LogFormat::from_path(path) {
        LogFormat::Csv => mine_csv(&name, file, opts, key_fn),
        LogFormat::Xes => {
            let gz = name.to_ascii_lowercase().ends_with(".gz");
            mine_xes(&name, std::io::BufReader::new(file), gz, opts, key_fn)
        }
    }
}

fn miner_for(opts: &ReadOptions, key_fn: Option<KeyFn>) -> Miner {
    let m = Miner::new(key_fn);
    if opts.budget > 0 {
        m.with_budget(opts.budget)
    } else {
        m
    }
}

fn finish(
    name: &str,
    miner: Miner,
    mut problems: Problems,
    rows: u64,
) -> Result<LogRead, LogError> {
    let mined = miner.finish(name, &mut problems);
    if mined.events == 0 {
        let mut msg = format!("nothing usable: no event could be read from {rows} rows");
        for l in problems.lines().iter().take(5) {
            msg.push_str("\n  ");
            msg.push_str(l);
        }
        return Err(LogError::new(name, msg));
    }
    Ok(LogRead {
        mined,
        problems,
        rows,
    })
}

/// Mine a CSV log from any reader.
pub fn mine_csv(
    name: &str,
    input: impl Read,
    opts: &ReadOptions,
    key_fn: Option<KeyFn>,
) -> Result<LogRead, LogError> {
    let mut miner = miner_for(opts, key_fn);
    let mut problems = Problems::new(name, PosKind::Line);
    let rows = csvlog::read(name, input, opts, &mut miner, &mut problems)?;
    finish(name, miner, problems, rows)
}

/// Mine an XES log (gzipped when `gz`) from any buffered reader.
pub fn mine_xes<'a>(
    name: &str,
    input: impl std::io::BufRead + 'a,
    gz: bool,
    opts: &ReadOptions,
    key_fn: Option<KeyFn>,
) -> Result<LogRead, LogError> {
    let mut miner = miner_for(opts, key_fn);
    let mut problems = Problems::new(name, PosKind::XesEvent);
    let rows = xes::read(name, input, gz, opts, &mut miner, &mut problems)?;
    finish(name, miner, problems, rows)
}
