//! The import preview: what an import would create, before anything is created.
//! Generic over the importers (CSV and Mermaid here; event logs and feedback later):
//! columns with the meaning each was given (changeable), the lines that could not be
//! read with their line numbers, what was assumed, and summary counts.

use super::{ImportFormat, ImportProblem, MAX_IMPORT_BYTES, csv, decode};
use crate::model::Journey;
use crate::progress::Progress;

/// One input column and the meaning it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewColumn {
    /// 0-based position in the input.
    pub index: usize,
    /// The header text as written.
    pub header: String,
    /// The first non-empty value under the header (cut to 40 characters).
    pub sample: String,
    /// The key of the meaning (one of [`ImportPreview::meanings`]).
    pub meaning: String,
    /// The user chose this meaning (it was not read from the header).
    pub chosen: bool,
}

/// What an import would give.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    /// The input's name (a file name).
    pub name: String,
    /// "CSV", "Mermaid", ...
    pub format: String,
    /// Empty for inputs without columns (Mermaid).
    pub columns: Vec<PreviewColumn>,
    /// The meanings a column can be given: (key, label).
    pub meanings: Vec<(String, String)>,
    /// Lines that could not be (fully) read, with their line numbers, in input order.
    pub problems: Vec<ImportProblem>,
    /// How ambiguous input was resolved, one sentence each.
    pub assumptions: Vec<String>,
    /// Summary counts: ("touchpoints", 19), ("handoffs", 21), ("stages", 4).
    pub counts: Vec<(&'static str, usize)>,
    /// The journey the import gives; `None` when nothing usable was found.
    pub journey: Option<Journey>,
}

impl ImportPreview {
    /// The label of a meaning key.
    pub fn meaning_label<'a>(&'a self, key: &'a str) -> &'a str {
        self.meanings
            .iter()
            .find(|(k, _)| k == key)
            .map_or(key, |(_, l)| l.as_str())
    }

    /// The count named `what`, 0 when absent.
    pub fn count(&self, what: &str) -> usize {
        self.counts
            .iter()
            .find(|(k, _)| *k == what)
            .map_or(0, |(_, n)| *n)
    }
}

/// Counts of a journey, as the preview shows them.
pub fn journey_counts(j: &Journey) -> Vec<(&'static str, usize)> {
    vec![
        ("touchpoints", j.touchpoint_count()),
        ("handoffs", j.handoff_count()),
        ("stages", j.stages().len()),
        ("departments", j.departments().len()),
    ]
}

/// Preview the import of `bytes` named `name` with the meanings chosen for some columns.
/// `None` when the work was cancelled through `progress`.
pub fn preview(
    name: &str,
    bytes: &[u8],
    format: ImportFormat,
    choices: &csv::ColumnChoices,
    progress: &dyn Progress,
) -> Option<ImportPreview> {
    let mut p = ImportPreview {
        name: name.to_owned(),
        format: format.label().to_owned(),
        columns: Vec::new(),
        meanings: Vec::new(),
        problems: Vec::new(),
        assumptions: Vec::new(),
        counts: journey_counts(&Journey::new("")),
        journey: None,
    };
    if bytes.len() > MAX_IMPORT_BYTES {
        p.problems.push(ImportProblem {
            file: name.to_owned(),
            line: None,
            message: format!(
                "the input is {} bytes; the limit is {MAX_IMPORT_BYTES}",
                bytes.len()
            ),
        });
        return Some(p);
    }
    if !progress.update(0.0) {
        return None;
    }
    let (text, note) = decode(bytes);
    let result = match format {
        ImportFormat::Csv => {
            let out = csv::import_with(name, &text, choices, progress);
            if !progress.update(1.0) {
                return None;
            }
            p.columns = out.columns;
            p.meanings = csv::meanings();
            p.assumptions = out.assumptions;
            out.result
        }
        ImportFormat::Mermaid => super::import_str(name, &text, format),
    };
    if let Some((line, message)) = note {
        p.problems.push(ImportProblem {
            file: name.to_owned(),
            line,
            message,
        });
    }
    match result {
        Ok(r) => {
            p.problems.extend(r.problems);
            p.counts = journey_counts(&r.journey);
            p.journey = Some(r.journey);
        }
        Err(e) => p.problems.extend(e.problems),
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Unattended;

    const PHASE_STEP: &str = "Phase;Step;Team;Channel\n\
        Notify;Customer reports the move;Contact centre;phone\n\
        Notify;Identity check;Contact centre;phone\n\
        Stop old;Final meter read;Field operations;field visit\n\
        Stop old;;Billing;letter\n";

    #[test]
    fn a_step_column_beside_a_phase_column_is_the_touchpoint_name() {
        let p = preview(
            "steps.csv",
            PHASE_STEP.as_bytes(),
            ImportFormat::Csv,
            &Default::default(),
            &Unattended,
        )
        .unwrap();
        let meanings: Vec<&str> = p.columns.iter().map(|c| c.meaning.as_str()).collect();
        assert_eq!(meanings, ["stage", "name", "owner", "channel"]);
        assert_eq!(p.count("touchpoints"), 3, "{:?}", p.problems);
        assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
        assert_eq!(p.problems[0].line, Some(5));
        assert_eq!(p.count("stages"), 2);
        assert_eq!(p.count("handoffs"), 2);
        assert_eq!(
            p.assumptions,
            [
                "column 2 \"Step\" is read as the touchpoint name, since column 1 \"Phase\" is already the stage"
            ]
        );
        let j = p.journey.unwrap();
        assert!(j.touchpoints().any(|t| t.name == "Final meter read"));
    }

    #[test]
    fn the_step_column_first_also_resolves() {
        let text = "Step;Phase;Team\nCustomer reports the move;Notify;Contact centre\n";
        let p = preview(
            "s.csv",
            text.as_bytes(),
            ImportFormat::Csv,
            &Default::default(),
            &Unattended,
        )
        .unwrap();
        let meanings: Vec<&str> = p.columns.iter().map(|c| c.meaning.as_str()).collect();
        assert_eq!(meanings, ["name", "stage", "owner"]);
        assert_eq!(p.count("touchpoints"), 1);
        assert_eq!(p.assumptions.len(), 1, "{:?}", p.assumptions);
    }

    #[test]
    fn a_chosen_meaning_overrides_the_header_and_unreadable_lines_keep_their_numbers() {
        let text = "name;stage;owner\nA;S1;Billing\nB;S2;Billing\n";
        // Read the stage column as the department instead, ignore the owner column.
        let choices: csv::ColumnChoices = [(1, "owner".to_owned()), (2, "ignore".to_owned())]
            .into_iter()
            .collect();
        let p = preview(
            "c.csv",
            text.as_bytes(),
            ImportFormat::Csv,
            &choices,
            &Unattended,
        )
        .unwrap();
        let meanings: Vec<&str> = p.columns.iter().map(|c| c.meaning.as_str()).collect();
        assert_eq!(meanings, ["name", "owner", "ignore"]);
        assert!(p.columns[1].chosen && !p.columns[0].chosen);
        assert_eq!(p.count("stages"), 0);
        let j = p.journey.unwrap();
        let names: Vec<&str> = j.departments().iter().map(|d| d.name.as_str()).collect();
        assert!(names.contains(&"S1") && names.contains(&"S2"), "{names:?}");
        let bad = "name;volume\nA;12\nB;lots\n";
        let p = preview(
            "b.csv",
            bad.as_bytes(),
            ImportFormat::Csv,
            &Default::default(),
            &Unattended,
        )
        .unwrap();
        assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
        assert_eq!(p.problems[0].line, Some(3));
    }

    #[test]
    fn cancelling_stops_the_preview() {
        let stop = |_: f32| false;
        assert!(
            preview(
                "c.csv",
                PHASE_STEP.as_bytes(),
                ImportFormat::Csv,
                &Default::default(),
                &stop
            )
            .is_none()
        );
    }

    #[test]
    fn mermaid_previews_counts_without_columns() {
        let text = "journey\n  title Fibre\n  section Sign up\n    Order: 3: Customer\n    Check: 2: Back office\n";
        let p = preview(
            "f.mmd",
            text.as_bytes(),
            ImportFormat::Mermaid,
            &Default::default(),
            &Unattended,
        )
        .unwrap();
        assert!(p.columns.is_empty());
        assert_eq!(p.count("touchpoints"), 2, "{:?}", p.problems);
        assert_eq!(p.count("stages"), 1);
    }
}
