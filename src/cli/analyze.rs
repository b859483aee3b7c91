//! `touchpoint analyze` and `touchpoint diff`.

use crate::analysis::{AnalysisConfig, Severity, analyze, diff};
use crate::i18n::tr_args;
use crate::report::{
    ReportFormat, diff_markdown, diff_text, report_json, report_markdown, report_text,
};
use std::io::Write;
use std::path::Path;

pub(crate) fn load(path: &Path, err: &mut dyn Write) -> Option<crate::model::Journey> {
    match crate::io::load_file(path) {
        Ok(j) => Some(j),
        Err(e) => {
            for line in e.lines() {
                let _ = writeln!(err, "{line}");
            }
            None
        }
    }
}

/// `touchpoint analyze FILE`: exit 0, 1 when the file cannot be loaded or when
/// `fail_on` is given and a gap at or above it exists, 2 on a usage error.
pub fn cli_analyze(
    file: &Path,
    format: ReportFormat,
    fail_on: Option<Severity>,
    drop_points: Option<f64>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut config = AnalysisConfig::default();
    if let Some(d) = drop_points {
        if !d.is_finite() || d <= 0.0 || d > 10.0 {
            let _ = writeln!(
                err,
                "{}",
                tr_args("cli-analyze-bad-drop", &[("value", d.to_string().into())])
            );
            return 2;
        }
        config.drop_points = d;
    }
    let Some(journey) = load(file, err) else {
        return 1;
    };
    let a = analyze(&journey, &config);
    let text = match format {
        ReportFormat::Text => report_text(&a),
        ReportFormat::Markdown => report_markdown(&a),
        ReportFormat::Json => report_json(&a),
    };
    let _ = out.write_all(text.as_bytes());
    if let Some(level) = fail_on {
        let n = a.gaps_at_least(level).count();
        if n > 0 {
            let _ = writeln!(
                err,
                "{}",
                tr_args(
                    "cli-analyze-fail-on",
                    &[
                        ("file", file.display().to_string().into()),
                        ("count", n.into()),
                        ("severity", level.label().into()),
                    ],
                )
            );
            return 1;
        }
    }
    0
}

/// `touchpoint diff AS_IS TO_BE`: exit 0, or 1 when a file cannot be loaded.
pub fn cli_diff(
    as_is: &Path,
    to_be: &Path,
    format: ReportFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let a = load(as_is, err);
    let b = load(to_be, err);
    let (Some(a), Some(b)) = (a, b) else {
        return 1;
    };
    let d = diff(&a, &b, &AnalysisConfig::default());
    let text = match format {
        ReportFormat::Text => diff_text(&d),
        ReportFormat::Markdown => diff_markdown(&d),
        ReportFormat::Json => {
            serde_json::to_string_pretty(&d).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
                + "\n"
        }
    };
    let _ = out.write_all(text.as_bytes());
    0
}
