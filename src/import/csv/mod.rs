//! CSV import: one row per touchpoint, a header row, columns matched by name.
//!
//! * Separator: comma, semicolon or tab, detected from the header line (or an Excel
//!   `sep=;` first line). UTF-8 with or without BOM. Quoted fields may hold newlines.
//! * Header names are matched case-insensitively, ignoring spaces and punctuation, with
//!   synonyms (see `columns::column_for`). Unknown columns are reported once and ignored.
//! * A cell that starts with `'` followed by `= + - @`, tab, CR or `'` loses that `'`:
//!   it is the prefix our export adds so spreadsheets do not run text as a formula.
//! * Edges: a `next` column (ids or names separated by `;`) gives the handoffs; without
//!   one, the rows in order become a sequence.
//! * A table with `from` and `to` columns and no `name`/`id` column is a handoff table
//!   (an edge list); its touchpoints are created from the ids and names it mentions.
//!
//! columns.rs names the column meanings, values.rs parses counts and rates, rows.rs
//! splits the text into rows, header.rs maps columns to meanings, touchpoints.rs reads a
//! touchpoint table and handoffs.rs a handoff table.

mod columns;
mod handoffs;
mod header;
mod rows;
mod touchpoints;
mod values;

pub use columns::{IGNORE, meanings, normalise};
pub use handoffs::merge_handoffs;
pub use header::ColumnChoices;

use super::build::{Builder, Problems};
use super::preview::PreviewColumn;
use super::{ImportError, ImportResult, title_from_name};
use columns::Col;
use handoffs::{Target, handoff_rows};
use header::Header;
use rows::read_rows;
use touchpoints::touchpoints_table;
/// Most columns read from a table.
pub const MAX_COLUMNS: usize = 2_000;

/// Import a CSV text (a touchpoints table or a handoff table).
pub fn import(name: &str, text: &str) -> Result<ImportResult, ImportError> {
    import_with(
        name,
        text,
        &ColumnChoices::new(),
        &crate::progress::Unattended,
    )
    .result
}

/// What [`import_with`] read: the result, and each column with the meaning it was given
/// (for the import preview).
pub struct CsvOutcome {
    pub result: Result<ImportResult, ImportError>,
    pub columns: Vec<PreviewColumn>,
    /// How ambiguous headers were resolved ("column 2 \"Step\" is read as the touchpoint name...").
    pub assumptions: Vec<String>,
}

/// Import a CSV text with the meanings the user chose for some columns, reporting
/// progress row by row (a `false` from `progress` stops the import: nothing is returned).
pub fn import_with(
    name: &str,
    text: &str,
    choices: &ColumnChoices,
    progress: &dyn crate::progress::Progress,
) -> CsvOutcome {
    let mut problems = Problems::new(name);
    let rows = read_rows(text, &mut problems);
    let outcome = |result, columns, assumptions| CsvOutcome {
        result,
        columns,
        assumptions,
    };
    let Some((head, body)) = rows.split_first() else {
        problems.general(crate::i18n::tr("imp-empty-table"));
        return outcome(Err(fail(name, problems)), Vec::new(), Vec::new());
    };
    if normalise(head.cell(0)) == "from_to" {
        problems.at(head.line, crate::i18n::tr("imp-matrix"));
        return outcome(Err(fail(name, problems)), Vec::new(), Vec::new());
    }
    let header = Header::read(head, choices, &mut problems);
    let columns: Vec<PreviewColumn> = (0..head.len().min(MAX_COLUMNS))
        .map(|i| PreviewColumn {
            index: i,
            header: head.cell(i).to_owned(),
            sample: body
                .iter()
                .map(|r| r.cell(i))
                .find(|c| !c.is_empty())
                .map(|c| c.chars().take(40).collect())
                .unwrap_or_default(),
            meaning: header
                .cols
                .get(i)
                .and_then(Option::as_ref)
                .map_or_else(|| IGNORE.to_owned(), Col::key),
            chosen: choices.contains_key(&i),
        })
        .collect();
    let assumptions = header.assumptions.clone();
    let mut b = Builder::new(&title_from_name(name));
    if header.has(&Col::Name) || header.has(&Col::Id) {
        if touchpoints_table(&mut b, &header, body, &mut problems, progress).is_err() {
            return outcome(
                Err(fail_with(name, &crate::i18n::tr("imp-cancelled"))),
                columns,
                assumptions,
            );
        }
    } else if header.has(&Col::From) && header.has(&Col::To) {
        handoff_rows(&mut Target::Build(&mut b), &header, body, &mut problems);
    } else {
        problems.at(head.line, crate::i18n::tr("imp-no-name-column"));
    }
    if b.journey.touchpoint_count() == 0 {
        if problems.is_empty() {
            problems.general(crate::i18n::tr("imp-no-rows"));
        }
        return outcome(Err(fail(name, problems)), columns, assumptions);
    }
    let result = Ok(ImportResult {
        journey: b.journey,
        problems: problems.finish(),
        assumptions: assumptions.clone(),
    });
    outcome(result, columns, assumptions)
}

fn fail_with(name: &str, message: &str) -> ImportError {
    let mut problems = Problems::new(name);
    problems.general(message);
    fail(name, problems)
}

fn fail(name: &str, problems: Problems) -> ImportError {
    ImportError {
        file: name.to_owned(),
        problems: problems.finish(),
    }
}

/// A value from the input, quoted in a message.
pub(super) fn q(s: &str) -> String {
    format!("{s:?}")
}
