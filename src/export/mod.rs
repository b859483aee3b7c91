//! Exports of a journey. Text formats: CSV tables ([`csv`]), a Mermaid `journey`
//! ([`mermaid`]) and a Graphviz digraph ([`dot`]). The diagram formats (SVG, PNG, PDF)
//! draw the same display list as the app's canvas ([`scene`]) through [`svg`],
//! [`raster`] and [`pdf`]; the reports (Markdown, HTML) are in [`report`]. All plug
//! into [`export`].
//!
//! Every export is a pure function of the journey and the options: same input, same
//! bytes. Every user text is escaped for its target.

pub mod csv;
pub mod diagram;
pub mod dot;
pub mod drivers_chart;
pub mod fonts;
pub mod mermaid;
pub mod pdf;
pub mod pdf_canon;
pub mod raster;
pub mod report_pdf;
pub mod svg;

use crate::model::{Journey, Touchpoint};
use std::path::{Path, PathBuf};

/// Touchpoints in journey order (the analysis' order: stage by stage, then along the
/// handoffs with rework loops broken, then id), shared by the text exports.
pub fn reading_order(journey: &Journey) -> Vec<&Touchpoint> {
    crate::analysis::journey_order(journey)
        .iter()
        .filter_map(|id| journey.touchpoint(id))
        .collect()
}

/// An export format, named on the command line and inferred from an output extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExportFormat {
    /// The map as an SVG drawing.
    Svg,
    /// The map as a PNG image.
    Png,
    /// The map as a PDF page.
    Pdf,
    /// Touchpoints, handoffs and the department x department matrix as CSV tables.
    Csv,
    /// A Markdown report.
    Markdown,
    /// An HTML report.
    Html,
    /// A Mermaid `journey` diagram (for wikis).
    Mermaid,
    /// A Graphviz digraph with a cluster per department.
    Dot,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 8] = [
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Pdf,
        ExportFormat::Csv,
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Mermaid,
        ExportFormat::Dot,
    ];

    /// The format an output file's extension names: `.svg .png .pdf .csv .md .html/.htm
    /// .mmd/.mermaid .dot/.gv` (any case).
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "svg" => ExportFormat::Svg,
            "png" => ExportFormat::Png,
            "pdf" => ExportFormat::Pdf,
            "csv" => ExportFormat::Csv,
            "md" | "markdown" => ExportFormat::Markdown,
            "html" | "htm" => ExportFormat::Html,
            "mmd" | "mermaid" => ExportFormat::Mermaid,
            "dot" | "gv" => ExportFormat::Dot,
            _ => return None,
        })
    }

    /// The usual extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Mermaid => "mmd",
            ExportFormat::Dot => "dot",
        }
    }

    /// The name used on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Mermaid => "mermaid",
            ExportFormat::Dot => "dot",
        }
    }

    /// Text formats can be written to standard output.
    pub fn is_text(self) -> bool {
        !matches!(self, ExportFormat::Png | ExportFormat::Pdf)
    }
}

/// Options of an export. The diagram options are read by the diagram formats only.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// CSV: one table only; `None` writes all three.
    pub table: Option<csv::CsvTable>,
    /// CSV: start with a UTF-8 byte-order mark (for spreadsheet software).
    pub bom: bool,
    /// Diagrams: scale factor (1 = 96 dpi).
    pub scale: f32,
    /// Diagrams: colour theme name.
    pub theme: Option<String>,
    /// Diagrams: leave out the gap markers.
    pub no_gaps: bool,
    /// Diagrams and reports: a second journey to compare with (e.g. the to-be).
    pub compare: Option<Journey>,
    /// Diagrams and reports: the date in the title block (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// PDF: paper size (landscape).
    pub paper: pdf::Paper,
    /// PDF: one page or several.
    pub pages: pdf::PageLayout,
    /// PDF: the whole report (title page, map, gaps, matrix, departments, comparison)
    /// instead of the map alone.
    pub report: bool,
    /// Markdown: file name of the map's SVG written next to the report (an artifact
    /// with suffix `.svg`); `None` writes no map.
    pub map_name: Option<String>,
    /// The language of the words on the map and in the reports. [`ExportOptions::new`]
    /// takes the current language of the thread that makes the options (the app's UI
    /// thread, the command line's), so an export running on a worker thread speaks the
    /// language the person chose. CSV, Mermaid and DOT do not depend on it.
    pub lang: crate::i18n::Lang,
    /// Diagrams and reports: the map held against an event log (`--measure LOG`).
    pub log_check: Option<std::sync::Arc<crate::scene::logcheck::LogOverlay>>,
}

impl ExportOptions {
    pub fn new(format: ExportFormat) -> ExportOptions {
        ExportOptions {
            format,
            table: None,
            bom: false,
            scale: 1.0,
            theme: None,
            no_gaps: false,
            compare: None,
            date: None,
            paper: pdf::Paper::A4,
            pages: pdf::PageLayout::Auto,
            report: false,
            map_name: None,
            lang: crate::i18n::current(),
            log_check: None,
        }
    }
}

/// One output of an export. Most exports give one; CSV without a table gives three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Artifact {
    /// Inserted before the extension of the output name: `out.csv` -> `out.touchpoints.csv`;
    /// one that starts with a dot replaces the extension: `out.md` + `.svg` -> `out.svg`.
    /// `None` for the main output of a format.
    pub suffix: Option<&'static str>,
    pub bytes: Vec<u8>,
    /// A short description for the command line ("19 touchpoints").
    pub summary: String,
}

/// Why an export could not be made.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Invalid(String),
    /// Stopped through the progress callback; nothing was made.
    #[error("cancelled")]
    Cancelled,
}

impl From<crate::progress::Cancelled> for ExportError {
    fn from(_: crate::progress::Cancelled) -> Self {
        ExportError::Cancelled
    }
}

/// Make the outputs of an export.
pub fn export(journey: &Journey, options: &ExportOptions) -> Result<Vec<Artifact>, ExportError> {
    export_with(journey, options, &crate::progress::Unattended)
}

/// [`export`], telling `progress` how far it is (analysis, drawing, rendering); a `false`
/// answer stops it with [`ExportError::Cancelled`].
pub fn export_with(
    journey: &Journey,
    options: &ExportOptions,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<Artifact>, ExportError> {
    crate::i18n::with_lang(&options.lang, || export_in_lang(journey, options, progress))
}

fn export_in_lang(
    journey: &Journey,
    options: &ExportOptions,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<Artifact>, ExportError> {
    crate::progress::step(progress, 0.0)?;
    let out = match options.format {
        ExportFormat::Csv => Ok(csv::export(journey, options.table, options.bom)),
        ExportFormat::Mermaid => Ok(vec![Artifact {
            suffix: None,
            bytes: mermaid::to_mermaid(journey).into_bytes(),
            summary: crate::i18n::tr_args(
                "export-summary-tasks",
                &[("count", journey.touchpoint_count().into())],
            ),
        }]),
        ExportFormat::Dot => Ok(vec![Artifact {
            suffix: None,
            bytes: dot::to_dot(journey).into_bytes(),
            summary: crate::i18n::tr_args(
                "export-summary-dot",
                &[
                    ("nodes", journey.touchpoint_count().into()),
                    ("edges", journey.handoff_count().into()),
                ],
            ),
        }]),
        ExportFormat::Svg
        | ExportFormat::Png
        | ExportFormat::Pdf
        | ExportFormat::Markdown
        | ExportFormat::Html => diagram::export_diagram_with(journey, options, progress),
    }?;
    crate::progress::step(progress, 1.0)?;
    Ok(out)
}

/// The path of an artifact: `out.csv` + `touchpoints` -> `out.touchpoints.csv`; an output
/// without an extension gets `extension` (`out` -> `out.touchpoints.csv`).
pub fn artifact_path(output: &Path, suffix: Option<&str>, extension: &str) -> PathBuf {
    let Some(suffix) = suffix else {
        return output.to_path_buf();
    };
    if let Some(ext) = suffix.strip_prefix('.') {
        return output.with_extension(ext);
    }
    let stem = output
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let ext = output.extension().map_or_else(
        || extension.to_owned(),
        |e| e.to_string_lossy().into_owned(),
    );
    output.with_file_name(format!("{stem}.{suffix}.{ext}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        let cases = [
            ("a.svg", ExportFormat::Svg),
            ("a.PNG", ExportFormat::Png),
            ("a.pdf", ExportFormat::Pdf),
            ("a.csv", ExportFormat::Csv),
            ("a.md", ExportFormat::Markdown),
            ("a.html", ExportFormat::Html),
            ("a.htm", ExportFormat::Html),
            ("a.mmd", ExportFormat::Mermaid),
            ("a.mermaid", ExportFormat::Mermaid),
            ("a.dot", ExportFormat::Dot),
            ("a.gv", ExportFormat::Dot),
        ];
        for (name, f) in cases {
            assert_eq!(ExportFormat::from_path(Path::new(name)), Some(f), "{name}");
        }
        assert_eq!(ExportFormat::from_path(Path::new("a.journey.ron")), None);
        assert_eq!(ExportFormat::from_path(Path::new("a")), None);
        for f in ExportFormat::ALL {
            assert_eq!(
                ExportFormat::from_path(Path::new(&format!("x.{}", f.extension()))),
                Some(f)
            );
        }
    }

    #[test]
    fn artifact_paths_insert_the_table_name() {
        assert_eq!(
            artifact_path(Path::new("out/move.csv"), Some("touchpoints"), "csv"),
            Path::new("out/move.touchpoints.csv")
        );
        assert_eq!(
            artifact_path(Path::new("move"), Some("matrix"), "csv"),
            Path::new("move.matrix.csv")
        );
        assert_eq!(
            artifact_path(Path::new("a.dot"), None, "dot"),
            Path::new("a.dot")
        );
    }

    #[test]
    fn every_format_exports_an_empty_journey() {
        let j = Journey::new("x");
        for f in ExportFormat::ALL {
            let a = export(&j, &ExportOptions::new(f)).unwrap();
            assert!(!a.is_empty() && !a[0].bytes.is_empty(), "{f:?}");
        }
        let mut bad = ExportOptions::new(ExportFormat::Svg);
        bad.theme = Some("neon".into());
        assert_eq!(
            export(&j, &bad).unwrap_err(),
            ExportError::Invalid("unknown theme `neon`; use light or dark".into())
        );
        assert_eq!(
            artifact_path(Path::new("out/move.md"), Some(".svg"), "svg"),
            Path::new("out/move.svg")
        );
    }
}
