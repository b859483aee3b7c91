//! Reading a table one row at a time: CSV streamed (separator and encoding detected),
//! `.xlsx` sheets through calamine; and a workbook turned into CSV for the journey importer.

use super::*;
use std::io::{BufRead, BufReader, Cursor, Read};

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
                    Some(row.line()),
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
    (crate::dialect::csv::likeliest_separator(head), 0)
}
