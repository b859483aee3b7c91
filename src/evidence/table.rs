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

use crate::import::ImportProblem;
use crate::import::csv::unprefix;
use std::io::{BufRead, BufReader, Cursor, Read};
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

    fn clear(&mut self, line: usize) {
        self.line = line;
        self.text.clear();
        self.ends.clear();
    }

    fn push(&mut self, cell: &str) {
        if self.ends.len() >= MAX_CELLS {
            return;
        }
        self.text.push_str(unprefix(cell.trim()));
        self.ends.push(self.text.len());
    }
}

enum Inner {
    Csv {
        reader: ::csv::Reader<Box<dyn Read + Send>>,
        record: ::csv::ByteRecord,
        line_offset: usize,
        scratch: String,
    },
    Sheet {
        range: calamine::Range<calamine::Data>,
        next: usize,
        first_row: usize,
        first_col: usize,
    },
}

/// Reads a table one row at a time. Problems (encoding, broken quoting, limits) are
/// pushed to the list given to [`TableReader::next_row`], located by line.
pub struct TableReader {
    name: String,
    inner: Inner,
    rows: usize,
    encoding_reports: usize,
    done: bool,
    /// The input's size in bytes when known (CSV opened from a file or bytes), for
    /// [`TableReader::fraction`].
    total: u64,
}

impl std::fmt::Debug for TableReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableReader")
            .field("name", &self.name)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

fn problem(file: &str, line: Option<usize>, message: impl Into<String>) -> ImportProblem {
    ImportProblem {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

impl TableReader {
    /// Open a file: `.xlsx`/`.xlsm` (or any file that is a zip archive) as Excel, anything
    /// else as CSV. `sheet` names an Excel worksheet (the first one when `None`).
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<TableReader, ImportProblem> {
        let name = path.display().to_string();
        let meta = std::fs::metadata(path)
            .map_err(|e| problem(&name, None, format!("cannot read: {e}")))?;
        if meta.is_dir() {
            return Err(problem(&name, None, "is a folder, not a file"));
        }
        let mut file = std::fs::File::open(path)
            .map_err(|e| problem(&name, None, format!("cannot read: {e}")))?;
        let mut magic = [0u8; 4];
        let n = file.read(&mut magic).unwrap_or(0);
        let is_zip = TableFormat::sniff(magic.get(..n).unwrap_or_default()).is_some();
        if is_zip || TableFormat::from_path(path) == TableFormat::Xlsx {
            if meta.len() > MAX_XLSX_BYTES {
                return Err(problem(
                    &name,
                    None,
                    format!(
                        "the workbook is {} bytes; the limit is {MAX_XLSX_BYTES} (save the sheet as CSV)",
                        meta.len()
                    ),
                ));
            }
            let bytes = std::fs::read(path)
                .map_err(|e| problem(&name, None, format!("cannot read: {e}")))?;
            return TableReader::xlsx(&name, bytes, sheet);
        }
        let file = std::fs::File::open(path)
            .map_err(|e| problem(&name, None, format!("cannot read: {e}")))?;
        let mut reader = TableReader::csv(&name, file)?;
        reader.total = meta.len();
        Ok(reader)
    }

    /// Bytes of either format (sniffed: a zip archive is read as `.xlsx`).
    pub fn from_bytes(
        name: &str,
        bytes: Vec<u8>,
        sheet: Option<&str>,
    ) -> Result<TableReader, ImportProblem> {
        if TableFormat::sniff(&bytes).is_some() {
            TableReader::xlsx(name, bytes, sheet)
        } else {
            let total = bytes.len() as u64;
            let mut reader = TableReader::csv(name, Cursor::new(bytes))?;
            reader.total = total;
            Ok(reader)
        }
    }

    /// A CSV stream.
    pub fn csv(
        name: &str,
        input: impl Read + Send + 'static,
    ) -> Result<TableReader, ImportProblem> {
        let mut buf = BufReader::with_capacity(1 << 16, input);
        let head = buf
            .fill_buf()
            .map_err(|e| problem(name, None, format!("cannot read: {e}")))?;
        let source: Box<dyn Read + Send> =
            if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
                // UTF-16 (spreadsheets' "Unicode text"): transcoded whole.
                let mut all = Vec::new();
                buf.read_to_end(&mut all)
                    .map_err(|e| problem(name, None, format!("cannot read: {e}")))?;
                let (text, _) = crate::import::decode(&all);
                Box::new(Cursor::new(text.into_bytes()))
            } else {
                if head.starts_with(&[0xef, 0xbb, 0xbf]) {
                    buf.consume(3);
                }
                Box::new(buf)
            };
        let mut buf = BufReader::with_capacity(1 << 16, source);
        let head = buf
            .fill_buf()
            .map_err(|e| problem(name, None, format!("cannot read: {e}")))?;
        let (sep, skip) = detect_separator(head);
        buf.consume(skip);
        let reader = ::csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .from_reader(Box::new(Terminated {
                inner: buf,
                last: b'\n',
                done: false,
            }) as Box<dyn Read + Send>);
        Ok(TableReader {
            name: name.to_owned(),
            inner: Inner::Csv {
                reader,
                record: ::csv::ByteRecord::new(),
                line_offset: usize::from(skip > 0),
                scratch: String::new(),
            },
            rows: 0,
            encoding_reports: 0,
            done: false,
            total: 0,
        })
    }

    /// An `.xlsx` workbook's worksheet (`sheet`, or the first).
    pub fn xlsx(
        name: &str,
        bytes: Vec<u8>,
        sheet: Option<&str>,
    ) -> Result<TableReader, ImportProblem> {
        use calamine::Reader;
        let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| {
            problem(
                name,
                None,
                format!("cannot read this as an Excel workbook (.xlsx): {e}"),
            )
        })?;
        let names = book.sheet_names();
        let wanted = match sheet {
            Some(s) => names
                .iter()
                .find(|n| n.as_str() == s)
                .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(s)))
                .cloned()
                .ok_or_else(|| {
                    problem(
                        name,
                        None,
                        format!(
                            "there is no worksheet {s:?}; the workbook has {}",
                            names
                                .iter()
                                .map(|n| format!("{n:?}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                })?,
            None => names
                .first()
                .cloned()
                .ok_or_else(|| problem(name, None, "the workbook has no worksheet"))?,
        };
        let range = book
            .worksheet_range(&wanted)
            .map_err(|e| problem(name, None, format!("cannot read worksheet {wanted:?}: {e}")))?;
        let (first_row, first_col) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        Ok(TableReader {
            name: name.to_owned(),
            inner: Inner::Sheet {
                range,
                next: 0,
                first_row,
                first_col,
            },
            rows: 0,
            encoding_reports: 0,
            done: false,
            total: 0,
        })
    }

    /// The name problems are labelled with.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The same reader, its problems labelled with `name` (a file name, not its path).
    pub fn named(mut self, name: &str) -> TableReader {
        name.clone_into(&mut self.name);
        self
    }

    /// How far the reading is, 0..=1: bytes read of the file (CSV whose size is known)
    /// or rows read of the sheet; `None` when unknown.
    pub fn fraction(&self) -> Option<f32> {
        match &self.inner {
            Inner::Csv { reader, .. } => (self.total > 0)
                .then(|| (reader.position().byte() as f64 / self.total as f64).min(1.0) as f32),
            Inner::Sheet { range, next, .. } => {
                let height = range.get_size().0;
                (height > 0).then(|| (*next as f64 / height as f64).min(1.0) as f32)
            }
        }
    }

    /// Read the next non-blank row into `row`; `false` at the end (or after a problem that
    /// stops the reading, which is pushed to `problems`).
    pub fn next_row(&mut self, row: &mut Row, problems: &mut Vec<ImportProblem>) -> bool {
        if self.done {
            return false;
        }
        loop {
            let more = match &mut self.inner {
                Inner::Csv {
                    reader,
                    record,
                    line_offset,
                    scratch,
                } => match reader.read_byte_record(record) {
                    Ok(false) => false,
                    Ok(true) => {
                        // The record's own position counts the blank lines before it; its
                        // end (every record ends with a newline, see `Terminated`) does not.
                        let newlines: usize = record
                            .iter()
                            .map(|f| f.iter().filter(|&&b| b == b'\n').count())
                            .sum();
                        let start = record.position().map_or(1, |p| p.line() as usize);
                        let end = reader.position().line() as usize;
                        let line = end.saturating_sub(1 + newlines).max(start) + *line_offset;
                        row.clear(line);
                        let mut latin1 = false;
                        for field in record.iter() {
                            match std::str::from_utf8(field) {
                                Ok(s) => row.push(s),
                                Err(_) => {
                                    latin1 = true;
                                    scratch.clear();
                                    scratch.extend(field.iter().map(|&b| char::from(b)));
                                    row.push(scratch);
                                }
                            }
                        }
                        if latin1 {
                            self.encoding_reports += 1;
                            if self.encoding_reports <= MAX_ENCODING_REPORTS {
                                problems.push(problem(
                                    &self.name,
                                    Some(line),
                                    "this line is not UTF-8; it was read as Latin-1",
                                ));
                            }
                        }
                        true
                    }
                    Err(e) => {
                        let line = e.position().map_or(0, |p| p.line() as usize) + *line_offset;
                        problems.push(problem(
                            &self.name,
                            Some(line),
                            format!("cannot read this row: {e}; the rest of the file is not read"),
                        ));
                        false
                    }
                },
                Inner::Sheet {
                    range,
                    next,
                    first_row,
                    first_col,
                } => {
                    let (height, width) = range.get_size();
                    if *next >= height {
                        false
                    } else {
                        row.clear(*first_row + *next + 1);
                        for _ in 0..(*first_col).min(MAX_CELLS) {
                            row.push("");
                        }
                        let mut text = String::new();
                        for c in 0..width.min(MAX_CELLS) {
                            text.clear();
                            if let Some(cell) = range.get((*next, c)) {
                                cell_text(cell, &mut text);
                            }
                            row.push(&text);
                        }
                        *next += 1;
                        true
                    }
                }
            };
            if !more {
                self.finish(problems);
                return false;
            }
            if row.is_blank() {
                continue;
            }
            self.rows += 1;
            if self.rows > MAX_TABLE_ROWS {
                problems.push(problem(
                    &self.name,
                    Some(row.line),
                    format!("more than {MAX_TABLE_ROWS} rows; this row and the rest are not read"),
                ));
                self.done = true;
                return false;
            }
            return true;
        }
    }

    fn finish(&mut self, problems: &mut Vec<ImportProblem>) {
        self.done = true;
        if self.encoding_reports > MAX_ENCODING_REPORTS {
            problems.push(problem(
                &self.name,
                None,
                format!(
                    "{} more lines are not UTF-8 and were read as Latin-1 (save the file as \"CSV UTF-8\")",
                    self.encoding_reports - MAX_ENCODING_REPORTS
                ),
            ));
        }
    }
}

/// A reader that ends its input with a newline when it has none, so that every CSV
/// record is terminated and its line is known from where it ends.
struct Terminated<R> {
    inner: R,
    last: u8,
    done: bool,
}

impl<R: Read> Read for Terminated<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.done || out.is_empty() {
            return Ok(0);
        }
        let n = self.inner.read(out)?;
        if n > 0 {
            self.last = out.get(n - 1).copied().unwrap_or(b'\n');
            return Ok(n);
        }
        self.done = true;
        if self.last != b'\n' {
            if let Some(b) = out.first_mut() {
                *b = b'\n';
            }
            return Ok(1);
        }
        Ok(0)
    }
}

/// Input bytes ready for the journey importer: an Excel workbook (`.xlsx`, any zip
/// archive) becomes the CSV text of its first worksheet, comma-separated and quoted where
/// needed, so a sheet imports exactly as its CSV export does (a row is a line, except that
/// a cell with line breaks spans several); anything else is returned as it is.
pub fn importable_bytes(name: &str, bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    if TableFormat::sniff(&bytes).is_none() {
        return Ok(bytes);
    }
    let mut reader = TableReader::xlsx(name, bytes, None).map_err(|p| p.to_string())?;
    let mut out = String::new();
    let mut row = Row::default();
    let mut problems = Vec::new();
    let mut line = 1;
    while reader.next_row(&mut row, &mut problems) {
        // Rows the sheet leaves out (empty ones) stay as empty lines: line = row.
        while line < row.line() {
            out.push('\n');
            line += 1;
        }
        for i in 0..row.len() {
            if i > 0 {
                out.push(',');
            }
            let cell = row.cell(i);
            if cell.contains([',', '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
            line += cell.matches('\n').count();
        }
        out.push('\n');
        line += 1;
    }
    if let Some(p) = problems.first().filter(|_| out.trim().is_empty()) {
        return Err(p.to_string());
    }
    Ok(out.into_bytes())
}

/// The text of a spreadsheet cell.
fn cell_text(cell: &calamine::Data, out: &mut String) {
    use calamine::Data;
    use std::fmt::Write;
    match cell {
        Data::Empty => {}
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => out.push_str(s),
        Data::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Data::Float(f) => {
            let _ = write!(out, "{f}");
        }
        Data::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            let _ = write!(out, "{y:04}-{m:02}-{d:02}");
            if (hh, mm, ss) != (0, 0, 0) {
                let _ = write!(out, "T{hh:02}:{mm:02}:{ss:02}");
            }
        }
        Data::DateTime(dt) => {
            let _ = write!(out, "{}", dt.as_f64());
        }
        Data::Error(e) => {
            let _ = write!(out, "{e}");
        }
    }
}

/// The separator of a table from its first bytes: an Excel `sep=X` first line, else the
/// most frequent of `,` `;` tab outside quotes on the first line (ties: comma, then
/// semicolon). Returns (separator, bytes to skip).
pub fn detect_separator(head: &[u8]) -> (u8, usize) {
    let first_len = head.iter().position(|&b| b == b'\n');
    let first = head
        .get(..first_len.unwrap_or(head.len()))
        .unwrap_or_default();
    let hint = first.strip_suffix(b"\r").unwrap_or(first);
    if let Some(sep) = hint
        .strip_prefix(b"sep=")
        .or_else(|| hint.strip_prefix(b"SEP="))
        && let [b] = sep
    {
        return (*b, first_len.map_or(head.len(), |n| n + 1));
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &c in head {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    (seps[best], 0)
}

/// Lower-case; runs of anything but letters and digits become one `_`; trimmed: the
/// journey importer's header rule, so both readers match headers alike.
pub use crate::import::csv::normalise;

/// A field a table may hold, with the header names that mean it (already normalised:
/// lower-case, `_` between words).
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub key: &'static str,
    pub synonyms: &'static [&'static str],
    pub required: bool,
}

/// A column named explicitly (a command-line flag): its header text, its 1-based number
/// or its spreadsheet letter, tried in that order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnRef(pub String);

impl ColumnRef {
    /// The column this names in a header row, if any.
    pub fn resolve(&self, header: &Row) -> Option<usize> {
        let want = self.0.trim();
        if let Some(i) = header.cells().position(|h| h == want) {
            return Some(i);
        }
        let norm = normalise(want);
        if !norm.is_empty()
            && let Some(i) = header.cells().position(|h| normalise(h) == norm)
        {
            return Some(i);
        }
        if let Ok(n) = want.trim_start_matches('#').parse::<usize>() {
            return (n >= 1 && n <= header.len().max(1)).then(|| n - 1);
        }
        if !want.is_empty() && want.len() <= 3 && want.chars().all(|c| c.is_ascii_alphabetic()) {
            let mut n = 0usize;
            for c in want.chars() {
                n = n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1);
            }
            return (n >= 1 && n <= header.len().max(1)).then(|| n - 1);
        }
        None
    }
}

/// The columns found in a header row: for each field (in the order given), its column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The header's line (CSV) or row number (xlsx).
    pub line: usize,
    /// The header texts, in column order.
    pub names: Vec<String>,
    /// Per field (same order as the fields given), the 0-based column.
    pub index: Vec<Option<usize>>,
}

impl Columns {
    /// The column of field `i`.
    pub fn of(&self, field: usize) -> Option<usize> {
        self.index.get(field).copied().flatten()
    }

    /// Columns that no field took (e.g. one per touchpoint in a respondent table).
    pub fn unclaimed(&self) -> impl Iterator<Item = (usize, &str)> {
        self.names
            .iter()
            .enumerate()
            .filter(|(i, n)| !n.is_empty() && !self.index.contains(&Some(*i)))
            .map(|(i, n)| (i, n.as_str()))
    }
}

/// Match a row as a header: explicit columns first, then each field's synonyms (a column
/// serves one field: the first field that names it). `Err` lists the required fields
/// not found (by key).
pub fn match_header(
    row: &Row,
    fields: &[Field],
    explicit: &[(usize, ColumnRef)],
) -> Result<Columns, Vec<&'static str>> {
    let names: Vec<String> = row.cells().map(str::to_owned).collect();
    let normalised: Vec<String> = names.iter().map(|n| normalise(n)).collect();
    let mut index: Vec<Option<usize>> = vec![None; fields.len()];
    let mut taken = vec![false; names.len()];
    for (field, col) in explicit {
        if let (Some(slot), Some(c)) = (index.get_mut(*field), col.resolve(row)) {
            *slot = Some(c);
            if let Some(t) = taken.get_mut(c) {
                *t = true;
            }
        }
    }
    for (f, field) in fields.iter().enumerate() {
        if explicit.iter().any(|(e, _)| *e == f) {
            continue;
        }
        // Synonyms in their order of preference.
        let found = field.synonyms.iter().find_map(|syn| {
            normalised
                .iter()
                .enumerate()
                .find(|(i, n)| n.as_str() == *syn && !taken.get(*i).copied().unwrap_or(true))
                .map(|(i, _)| i)
        });
        if let (Some(c), Some(slot)) = (found, index.get_mut(f)) {
            *slot = Some(c);
            if let Some(t) = taken.get_mut(c) {
                *t = true;
            }
        }
    }
    let missing: Vec<&'static str> = fields
        .iter()
        .zip(&index)
        .filter(|(f, i)| f.required && i.is_none())
        .map(|(f, _)| f.key)
        .collect();
    if missing.is_empty() {
        Ok(Columns {
            line: row.line(),
            names,
            index,
        })
    } else {
        Err(missing)
    }
}

/// Find the header: the first of the first [`HEADER_SEARCH_ROWS`] non-blank rows that
/// matches every required field. Rows above it are reported and skipped. `Err` when none
/// matches (with the fields missing from the first row) or the table is empty.
pub fn find_header(
    reader: &mut TableReader,
    fields: &[Field],
    explicit: &[(usize, ColumnRef)],
    problems: &mut Vec<ImportProblem>,
) -> Result<Columns, ImportProblem> {
    let mut row = Row::default();
    let mut first: Option<(usize, Vec<&'static str>)> = None;
    let mut skipped = Vec::new();
    for _ in 0..HEADER_SEARCH_ROWS {
        if !reader.next_row(&mut row, problems) {
            break;
        }
        match match_header(&row, fields, explicit) {
            Ok(cols) => {
                for line in skipped {
                    problems.push(problem(
                        reader.name(),
                        Some(line),
                        "above the header row; skipped",
                    ));
                }
                return Ok(cols);
            }
            Err(missing) => {
                if first.is_none() {
                    first = Some((row.line(), missing));
                }
                skipped.push(row.line());
            }
        }
    }
    Err(match first {
        None => problem(reader.name(), None, "the table is empty: no header row"),
        Some((line, missing)) => problem(
            reader.name(),
            Some(line),
            format!(
                "no header row with a column for {} (name the columns with flags, e.g. --{}-column)",
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                missing.first().copied().unwrap_or("score")
            ),
        ),
    })
}

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=days).contains(&day) && (1..=9999).contains(&year)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Read a date: ISO `2026-03-14` (also `/` or `.` between, an optional time after a
    /// space or `T`), `14.03.2026` (day first, as written in Europe), or `2026年3月14日`.
    /// `None` for anything else (a US `03/14/2026` is ambiguous and not guessed).
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let date_part = t.split(['T', ' ']).next().unwrap_or(t);
        let nums: Vec<&str> = date_part
            .split(['-', '/', '.', '年', '月', '日'])
            .filter(|s| !s.is_empty())
            .collect();
        let [a, b, c] = nums.as_slice() else {
            return None;
        };
        if !(a.chars().chain(b.chars()).chain(c.chars())).all(|ch| ch.is_ascii_digit()) {
            return None;
        }
        if a.len() == 4 {
            Date::new(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
        } else if c.len() == 4 && date_part.contains('.') {
            Date::new(c.parse().ok()?, b.parse().ok()?, a.parse().ok()?)
        } else {
            None
        }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Monday = 0 .. Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u32
    }

    /// The ISO 8601 week: (week-based year, week 1..=53).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = Date::from_days(self.days() - i64::from(self.weekday()) + 3);
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = ((thursday.days() - jan1.days()) / 7 + 1) as u32;
        (thursday.year, week)
    }

    /// `2026-03-14`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(reader: &mut TableReader) -> (Vec<(usize, Vec<String>)>, Vec<ImportProblem>) {
        let mut problems = Vec::new();
        let mut row = Row::default();
        let mut out = Vec::new();
        while reader.next_row(&mut row, &mut problems) {
            out.push((row.line(), row.cells().map(str::to_owned).collect()));
        }
        (out, problems)
    }

    fn csv(text: &[u8]) -> TableReader {
        TableReader::csv("t.csv", Cursor::new(text.to_vec())).unwrap()
    }

    #[test]
    fn csv_rows_have_their_lines_and_trimmed_cells() {
        let mut r = csv(b"a;b\n\n 1 ; '=x\n\"multi\nline\";3\n4;5\n");
        let (rows, problems) = read_all(&mut r);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            rows,
            vec![
                (1, vec!["a".into(), "b".into()]),
                (3, vec!["1".into(), "=x".into()]),
                (4, vec!["multi\nline".into(), "3".into()]),
                (6, vec!["4".into(), "5".into()]),
            ]
        );
    }

    #[test]
    fn sep_line_bom_and_tabs() {
        let mut r = csv(b"\xef\xbb\xbfsep=|\na|b\n1|2\n");
        let (rows, _) = read_all(&mut r);
        assert_eq!(rows[0], (2, vec!["a".into(), "b".into()]));
        assert_eq!(rows[1], (3, vec!["1".into(), "2".into()]));
        let mut r = csv(b"a\tb\tc,d\n1\t2,3\n");
        let (rows, _) = read_all(&mut r);
        assert_eq!(rows[1].1, vec!["1".to_owned(), "2,3".to_owned()]);
    }

    #[test]
    fn a_broken_line_is_reported_and_read_as_latin1() {
        let mut r = csv(b"name,comment\nA,caf\xe9\nB,ok");
        let (rows, problems) = read_all(&mut r);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].1[1], "café");
        assert_eq!(rows[2].0, 3);
        let (rows, _) = read_all(&mut csv(b"a\n\n\n\"b\nc\""));
        assert_eq!(rows[1], (4, vec!["b\nc".to_owned()]));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0].to_string().starts_with("t.csv:2: "));
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let text = "a,b\n1,é\n";
        let mut bytes = vec![0xff, 0xfe];
        for u in text.encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let mut r = csv(&bytes);
        let (rows, problems) = read_all(&mut r);
        assert!(problems.is_empty());
        assert_eq!(rows[1], (2, vec!["1".into(), "é".into()]));
    }

    #[test]
    fn unbalanced_quotes_do_not_panic() {
        let mut r = csv(b"a,b\n\"x,1\n2,3\n");
        let (rows, _) = read_all(&mut r);
        assert_eq!(rows[0].0, 1);
    }

    const FIELDS: [Field; 3] = [
        Field {
            key: "touchpoint",
            synonyms: &["touchpoint", "step", "interaction"],
            required: true,
        },
        Field {
            key: "score",
            synonyms: &["score", "rating", "nps"],
            required: true,
        },
        Field {
            key: "comment",
            synonyms: &["comment", "评论"],
            required: false,
        },
    ];

    #[test]
    fn header_found_by_synonyms_below_a_title_row() {
        let mut r = csv(b"Survey export\nStep,Extra,RATING ,\xe8\xaf\x84\xe8\xae\xba\nx,1,2,3\n");
        let mut problems = Vec::new();
        let cols = find_header(&mut r, &FIELDS, &[], &mut problems).unwrap();
        assert_eq!(cols.line, 2);
        assert_eq!(cols.index, vec![Some(0), Some(2), Some(3)]);
        assert_eq!(cols.unclaimed().collect::<Vec<_>>(), vec![(1, "Extra")]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(1));
        let mut row = Row::default();
        assert!(r.next_row(&mut row, &mut problems));
        assert_eq!(row.line(), 3);
    }

    #[test]
    fn explicit_columns_by_name_number_and_letter() {
        let header = Row::from_cells(1, &["Where", "How happy", "Said"]);
        let explicit = [
            (0, ColumnRef("where".into())),
            (1, ColumnRef("2".into())),
            (2, ColumnRef("C".into())),
        ];
        let cols = match_header(&header, &FIELDS, &explicit).unwrap();
        assert_eq!(cols.index, vec![Some(0), Some(1), Some(2)]);
        let missing = match_header(&header, &FIELDS, &[]).unwrap_err();
        assert_eq!(missing, vec!["touchpoint", "score"]);
    }

    #[test]
    fn no_header_is_a_located_error() {
        let mut r = csv(b"a,b\n1,2\n");
        let e = find_header(&mut r, &FIELDS, &[], &mut Vec::new()).unwrap_err();
        assert!(e.to_string().starts_with("t.csv:1: no header row"), "{e}");
        let mut r = csv(b"");
        let e = find_header(&mut r, &FIELDS, &[], &mut Vec::new()).unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
    }

    #[test]
    fn dates_parse_and_weeks_follow_iso() {
        assert_eq!(Date::parse("2026-03-14"), Date::new(2026, 3, 14));
        assert_eq!(Date::parse("2026/3/4 10:00"), Date::new(2026, 3, 4));
        assert_eq!(Date::parse("2026-03-14T10:30:00Z"), Date::new(2026, 3, 14));
        assert_eq!(Date::parse("14.03.2026"), Date::new(2026, 3, 14));
        assert_eq!(Date::parse("2026年3月14日"), Date::new(2026, 3, 14));
        assert_eq!(Date::parse("03/14/2026"), None);
        assert_eq!(Date::parse("2026-02-30"), None);
        assert_eq!(Date::parse("soon"), None);
        let d = Date::new(2026, 3, 14).unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        // 2021-01-03 is a Sunday in ISO week 2020-W53; 2021-01-04 starts 2021-W01.
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(2021, 1, 4).unwrap().iso_week(), (2021, 1));
        assert_eq!(Date::new(2026, 12, 31).unwrap().iso_week(), (2026, 53));
    }
}
