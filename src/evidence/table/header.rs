//! Finding a table's header row: fields matched by their synonyms, or columns named
//! explicitly by header text, number or letter.

use super::*;

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
