//! CSV event logs, streamed row by row: one row per event (or per start/complete half
//! with a lifecycle column), columns found by name, rows in any order.

use super::columns::{self, Columns, Role};
use super::miner::{Attrs, EventIn, Half, Miner};
use super::problems::Problems;
use super::time;
use super::{LogError, ReadOptions};
use std::io::Read;

/// Read a CSV log into the miner. Problems with single rows go to `problems`; an
/// error is returned only when the file as a whole cannot be read (no header, no case
/// or activity column, an I/O error).
pub fn read(
    name: &str,
    mut input: impl Read,
    opts: &ReadOptions,
    miner: &mut Miner,
    problems: &mut Problems,
) -> Result<u64, LogError> {
    // Sniff the delimiter from the header line.
    let mut head = vec![0u8; 64 * 1024];
    let mut got = 0;
    while got < head.len() {
        let n = input
            .read(&mut head[got..])
            .map_err(|e| LogError::new(name, format!("could not read: {e}")))?;
        if n == 0 {
            break;
        }
        got += n;
        if head[..got].contains(&b'\n') {
            break;
        }
    }
    head.truncate(got);
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let delimiter = [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| first_line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .buffer_capacity(1 << 16)
        .from_reader(std::io::Cursor::new(head).chain(input));
    let headers = rdr
        .byte_headers()
        .map_err(|e| LogError::new(name, format!("could not read the header: {e}")))?
        .clone();
    if headers.is_empty() || headers.iter().all(|h| h.is_empty()) {
        return Err(LogError::new(name, "the file is empty: no header row"));
    }
    let header_text: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).into_owned())
        .collect();
    let header_refs: Vec<&str> = header_text.iter().map(String::as_str).collect();
    let cols = columns::detect(&header_refs, &opts.columns)
        .map_err(|m| LogError::new(&format!("{name}:1"), m))?;
    let mut reader = RowReader::new(&cols);
    let mut rec = csv::ByteRecord::new();
    let mut rows = 0u64;
    loop {
        if opts.cancelled() {
            return Err(LogError::new(name, "cancelled"));
        }
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                if let csv::ErrorKind::Io(_) = e.kind() {
                    return Err(LogError::new(name, format!("could not read: {e}")));
                }
                problems.at(line, format!("unreadable row: {e}"));
                continue;
            }
        }
        rows += 1;
        let line = rec.position().map_or(rows + 1, |p| p.line());
        if let Some(p) = &opts.progress
            && rows.is_multiple_of(65_536)
        {
            p.store(
                rec.position().map_or(0, |p| p.byte()),
                std::sync::atomic::Ordering::Relaxed,
            );
        }
        reader.row(&rec, line, miner, problems);
    }
    reader.finish(problems);
    Ok(rows)
}

fn cell(rec: &csv::ByteRecord, col: Option<usize>) -> Option<&str> {
    let bytes = rec.get(col?)?;
    let s = std::str::from_utf8(bytes).ok()?;
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

struct RowReader {
    case: Option<usize>,
    activity: Option<usize>,
    timestamp: Option<usize>,
    start: Option<usize>,
    lifecycle: Option<usize>,
    department: Option<usize>,
    channel: Option<usize>,
    layer: Option<usize>,
    customer: Option<usize>,
    visible: Option<usize>,
    cost: Option<usize>,
    zoned: u64,
    naive: u64,
    first_naive: Option<u64>,
    first_zoned: Option<u64>,
    other_lifecycle: u64,
}

impl RowReader {
    fn new(c: &Columns) -> RowReader {
        RowReader {
            case: c.get(Role::Case),
            activity: c.get(Role::Activity),
            timestamp: c.get(Role::Timestamp),
            start: c.get(Role::Start),
            lifecycle: c.get(Role::Lifecycle),
            department: c.get(Role::Department),
            channel: c.get(Role::Channel),
            layer: c.get(Role::Layer),
            customer: c.get(Role::Customer),
            visible: c.get(Role::Visible),
            cost: c.get(Role::Cost),
            zoned: 0,
            naive: 0,
            first_naive: None,
            first_zoned: None,
            other_lifecycle: 0,
        }
    }

    fn stamp(&mut self, s: time::Stamp, line: u64) {
        if s.zoned {
            self.zoned += 1;
            self.first_zoned.get_or_insert(line);
        } else {
            self.naive += 1;
            self.first_naive.get_or_insert(line);
        }
    }

    fn row(
        &mut self,
        rec: &csv::ByteRecord,
        line: u64,
        miner: &mut Miner,
        problems: &mut Problems,
    ) {
        let utf8 = |col: Option<usize>| {
            col.and_then(|c| rec.get(c))
                .is_some_and(|b| std::str::from_utf8(b).is_err())
        };
        if utf8(self.case) || utf8(self.activity) {
            problems.at(
                line,
                "the case or activity is not valid UTF-8 text; row left out",
            );
            return;
        }
        let Some(case) = cell(rec, self.case) else {
            problems.at(line, "empty case id; row left out");
            return;
        };
        let Some(activity) = cell(rec, self.activity) else {
            problems.at(line, "empty activity; row left out");
            return;
        };
        let half = match cell(rec, self.lifecycle).map(columns::normalise).as_deref() {
            None | Some("complete" | "completed" | "end" | "done" | "finish") => Half::Complete,
            Some("start" | "started" | "begin") => Half::Start,
            Some(_) => {
                self.other_lifecycle += 1;
                return;
            }
        };
        let Some(ts_text) = cell(rec, self.timestamp) else {
            problems.at(line, "no timestamp; row left out");
            return;
        };
        let Some(ts) = time::parse(ts_text) else {
            problems.at(
                line,
                format!("unreadable timestamp {ts_text:?}; row left out"),
            );
            return;
        };
        self.stamp(ts, line);
        let mut start = None;
        if half == Half::Complete
            && let Some(st_text) = cell(rec, self.start)
        {
            match time::parse(st_text) {
                None => problems.at(
                    line,
                    format!(
                        "unreadable start time {st_text:?}; the event is counted without its handling time"
                    ),
                ),
                Some(st) if st.ms > ts.ms => problems.at(
                    line,
                    format!(
                        "the event ends before it starts ({st_text} > {ts_text}); counted without its handling time"
                    ),
                ),
                Some(st) => {
                    self.stamp(st, line);
                    start = Some(st.ms);
                }
            }
        }
        let attrs = Attrs {
            channel: cell(rec, self.channel),
            layer: cell(rec, self.layer),
            customer: cell(rec, self.customer).and_then(columns::parse_flag),
            visible: cell(rec, self.visible).and_then(columns::parse_flag),
            cost: cell(rec, self.cost).and_then(|c| {
                c.trim_start_matches(['$', '€', '£', '¥'])
                    .trim()
                    .parse::<f64>()
                    .ok()
            }),
        };
        miner.push(
            &EventIn {
                case: case.as_bytes(),
                activity,
                department: cell(rec, self.department),
                half,
                start,
                time: ts.ms,
                pos: line,
                attrs,
            },
            problems,
        );
    }

    fn finish(&self, problems: &mut Problems) {
        if self.zoned > 0 && self.naive > 0 {
            let (line, n, what) = if self.naive <= self.zoned {
                (
                    self.first_naive.unwrap_or(0),
                    self.naive,
                    "without a time zone among times with one; read as UTC",
                )
            } else {
                (
                    self.first_zoned.unwrap_or(0),
                    self.zoned,
                    "with a time zone among times without one; the others are read as UTC",
                )
            };
            problems.at(line, format!("mixed time zones: {n} times {what}"));
        }
        if self.other_lifecycle > 0 {
            problems.general(format!(
                "{} rows with a lifecycle other than start or complete (schedule, suspend, ...) were left out",
                self.other_lifecycle
            ));
        }
    }
}
