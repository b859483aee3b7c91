//! Command-line values of library enums: clap stays in `cli`, the enums stay plain.
//! (The names, aliases and help lines are those `#[derive(clap::ValueEnum)]` gave.)

use crate::export::ExportFormat;
use crate::export::csv::CsvTable;
use crate::import::ImportFormat;
use clap::ValueEnum;
use clap::builder::PossibleValue;

impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &ExportFormat::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            ExportFormat::Svg => PossibleValue::new("svg").help("The map as an SVG drawing"),
            ExportFormat::Png => PossibleValue::new("png").help("The map as a PNG image"),
            ExportFormat::Pdf => PossibleValue::new("pdf").help("The map as a PDF page"),
            ExportFormat::Csv => PossibleValue::new("csv")
                .help("Touchpoints, handoffs and the department x department matrix as CSV tables"),
            ExportFormat::Markdown => PossibleValue::new("md")
                .alias("markdown")
                .help("A Markdown report"),
            ExportFormat::Html => PossibleValue::new("html").help("An HTML report"),
            ExportFormat::Mermaid => {
                PossibleValue::new("mermaid").help("A Mermaid `journey` diagram (for wikis)")
            }
            ExportFormat::Dot => PossibleValue::new("dot")
                .aliases(["gv", "graphviz"])
                .help("A Graphviz digraph with a cluster per department"),
        })
    }
}

impl ValueEnum for CsvTable {
    fn value_variants<'a>() -> &'a [Self] {
        &[CsvTable::Touchpoints, CsvTable::Handoffs, CsvTable::Matrix]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

impl ValueEnum for ImportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[ImportFormat::Csv, ImportFormat::Mermaid]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            ImportFormat::Csv => PossibleValue::new("csv")
                .help("A spreadsheet saved as CSV (comma, semicolon or tab separated)"),
            ImportFormat::Mermaid => PossibleValue::new("mermaid").help(
                "A Mermaid `journey` diagram (`.mmd`, `.mermaid`, or the first ```mermaid block of a `.md`)",
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_parse() {
        for (text, f) in [
            ("svg", ExportFormat::Svg),
            ("md", ExportFormat::Markdown),
            ("markdown", ExportFormat::Markdown),
            ("gv", ExportFormat::Dot),
            ("graphviz", ExportFormat::Dot),
            ("mermaid", ExportFormat::Mermaid),
        ] {
            assert_eq!(ExportFormat::from_str(text, false), Ok(f), "{text}");
        }
        for f in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_str(f.name(), false), Ok(f));
        }
        assert!(ExportFormat::from_str("jpeg", false).is_err());
        assert_eq!(CsvTable::from_str("matrix", false), Ok(CsvTable::Matrix));
        assert_eq!(
            ImportFormat::from_str("mermaid", false),
            Ok(ImportFormat::Mermaid)
        );
    }
}
