//! Tabular evidence: CSV (streamed) and Excel `.xlsx` read as rows of text cells, each with
//! the line (CSV) or row number (xlsx) it came from, and a header row found by column names
//! with synonyms.
//!
//! * CSV: comma, semicolon or tab, detected from the first line (or an Excel `sep=;` line);
//!   UTF-8 with or without BOM, UTF-16 with a BOM. A line that is not UTF-8 is reported with
//!   its number and read as Latin-1 (the rest of the file is still used). Read as a stream:
//!   one row at a time, nothing else kept.
//! * `.xlsx`: the first worksheet, or the one named. Numbers as written (`7`, `7.5`), dates
//!   as ISO (`2026-03-14`, with `T10:30:00` when there is a time), booleans `TRUE`/`FALSE`,
//!   error cells as their text (`#N/A`). Row numbers are the sheet's (1-based).
//! * Cells are trimmed; the anti-formula prefix our CSV export adds (`'=`) is removed.
//! * A header is the first non-blank row (among the first [`HEADER_SEARCH_ROWS`]) whose names
//!   give every required field; names are compared lower-case with runs of anything but
//!   letters and digits made one `_`, against each field's synonyms. A column can also be
//!   named explicitly: by its header text, by its 1-based number, or by its letter (`C`).

mod date;
mod header;
mod reader;
#[cfg(test)]
mod tests;

pub use date::Date;
pub use header::{ColumnRef, Columns, Field, find_header, match_header};
pub use reader::{TableReader, detect_separator, importable_bytes};

use crate::dialect::csv::unprefix;
use crate::import::ImportProblem;
use std::path::Path;

/// Largest `.xlsx` file read (the whole sheet is held in memory while it is read).
pub const MAX_XLSX_BYTES: u64 = 256 * 1024 * 1024;
/// Most rows read from one table; the rest are reported once and left out.
pub const MAX_TABLE_ROWS: usize = 20_000_000;
/// Most cells read per row; the rest are ignored.
pub const MAX_CELLS: usize = 2_000;
/// How many non-blank rows are searched for a header row.
pub const HEADER_SEARCH_ROWS: usize = 20;
/// Most encoding problems reported one by one; the rest are counted in one line at the end.
pub const MAX_ENCODING_REPORTS: usize = 100;

/// The kind of a table file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableFormat {
    /// Comma, semicolon or tab separated text.
    Csv,
    /// An Excel workbook (`.xlsx`, `.xlsm`).
    Xlsx,
}

impl TableFormat {
    /// From a file's extension: `.xlsx`/`.xlsm` are Excel, anything else is read as CSV.
    pub fn from_path(path: &Path) -> TableFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xlsx" | "xlsm") => TableFormat::Xlsx,
            _ => TableFormat::Csv,
        }
    }

    /// Whether bytes look like an `.xlsx` (a zip archive).
    pub fn sniff(bytes: &[u8]) -> Option<TableFormat> {
        bytes
            .starts_with(b"PK\x03\x04")
            .then_some(TableFormat::Xlsx)
    }
}

/// One row: its cells as text and where it came from.
#[derive(Clone, Debug, Default)]
pub struct Row {
    line: usize,
    text: String,
    ends: Vec<usize>,
}

impl Row {
    /// A row from cells (tests, and callers that build tables themselves).
    pub fn from_cells<S: AsRef<str>>(line: usize, cells: &[S]) -> Row {
        let mut row = Row {
            line,
            ..Row::default()
        };
        for c in cells {
            row.push(c.as_ref());
        }
        row
    }

    /// The 1-based line (CSV: where the record starts) or row number (xlsx).
    pub fn line(&self) -> usize {
        self.line
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `i` (0-based), trimmed and without the anti-formula prefix; `""` when missing.
    pub fn cell(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => match self.ends.get(i - 1) {
                Some(&s) => s,
                None => return "",
            },
        };
        match self.ends.get(i) {
            Some(&end) => self.text.get(start..end).unwrap_or_default(),
            None => "",
        }
    }

    /// The cell of an optional column (`""` when the column is absent).
    pub fn get(&self, col: Option<usize>) -> &str {
        col.map_or("", |i| self.cell(i))
    }

    /// All cells in order.
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.cell(i))
    }

    /// Every cell empty.
    pub fn is_blank(&self) -> bool {
        self.ends.last().is_none_or(|&e| e == 0)
    }

    pub(super) fn clear(&mut self, line: usize) {
        self.line = line;
        self.text.clear();
        self.ends.clear();
    }

    pub(super) fn push(&mut self, cell: &str) {
        if self.ends.len() >= MAX_CELLS {
            return;
        }
        self.text.push_str(unprefix(cell.trim()));
        self.ends.push(self.text.len());
    }
}

fn problem(file: &str, line: Option<usize>, message: impl Into<String>) -> ImportProblem {
    ImportProblem {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

/// Lower-case; runs of anything but letters and digits become one `_`; trimmed: the
/// journey importer's header rule, so both readers match headers alike.
pub use crate::import::csv::normalise;
