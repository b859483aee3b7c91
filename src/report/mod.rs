//! Reports rendered from the analysis' numbers: the terminal text, Markdown and JSON
//! reports of `touchpoint analyze` and `touchpoint diff` ([`analyze`]), and the
//! Markdown/HTML document with the map, the gaps, the matrix and the department
//! summaries that `touchpoint export` writes ([`document`]). [`escape`] holds the
//! escapers for Markdown and XML/HTML.

pub mod analyze;
pub mod document;
mod drivers;
pub mod escape;

pub use analyze::{
    ReportFormat, diff_markdown, diff_text, report_json, report_markdown, report_text,
};
