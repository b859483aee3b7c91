//! Reading rows: separator detection and quoted fields that may hold newlines.

use super::MAX_COLUMNS;
use crate::dialect::csv::unprefix;
use crate::import::MAX_ROWS;
use crate::import::build::Problems;
use crate::tr;

/// The separator of a table: an Excel `sep=X` first line, else the most frequent of
/// `,` `;` tab outside quotes on the first line (ties: comma, then semicolon).
/// Returns (separator, bytes to skip).
pub(super) fn detect_separator(text: &str) -> (u8, usize) {
    let first = text.split('\n').next().unwrap_or_default();
    let hint = first.trim_end_matches('\r');
    if let Some(sep) = hint
        .strip_prefix("sep=")
        .or_else(|| hint.strip_prefix("SEP="))
        && let [b] = sep.as_bytes()
    {
        return (*b, (first.len() + 1).min(text.len()));
    }
    (crate::dialect::csv::likeliest_separator(text.as_bytes()), 0)
}

pub(super) struct Row {
    pub(super) line: usize,
    record: ::csv::StringRecord,
}

impl Row {
    /// Cell `i`, trimmed and without the anti-formula prefix; `""` when missing.
    pub(super) fn cell(&self, i: usize) -> &str {
        self.record.get(i).map_or("", |c| unprefix(c.trim()))
    }

    pub(super) fn len(&self) -> usize {
        self.record.len()
    }
}

/// Read all records: cells trimmed and un-prefixed; fully empty rows skipped.
pub(super) fn read_rows(text: &str, problems: &mut Problems) -> Vec<Row> {
    let (sep, skip) = detect_separator(text);
    let body = text.get(skip..).unwrap_or_default();
    let line_offset = usize::from(skip > 0);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize) + line_offset;
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if rows.len() > MAX_ROWS {
                    problems.at(line, tr!("imp-too-many-rows", limit = MAX_ROWS.to_string()));
                    break;
                }
                if record.len() > MAX_COLUMNS {
                    problems.at(
                        line,
                        tr!("imp-too-many-columns", limit = MAX_COLUMNS.to_string()),
                    );
                }
                // Not `record.clone()`: the reader's buffer keeps the size of the longest
                // row read so far, and a clone copies all of it (one 60 KB cell followed
                // by 60,000 short rows took 3.9 GB). A compact copy holds only the cells.
                let mut compact =
                    ::csv::StringRecord::with_capacity(record.as_slice().len(), record.len());
                compact.extend(record.iter());
                rows.push(Row {
                    line,
                    record: compact,
                });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize) + line_offset;
                problems.at(line, tr!("imp-bad-row", error = e.to_string()));
                if !matches!(e.kind(), ::csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    rows
}
