//! The key-driver chart (`scene::drivers_chart`) as SVG, PNG or PDF: the same display
//! list the app's Drivers view paints, written by the map's writers.

use super::ExportFormat;
use super::pdf::{PageLayout, Paper, PdfOptions, render_pdf};
use super::raster::render_png;
use super::svg::write_svg;
use crate::evidence::drivers::{DriverReport, ModelReport};
use crate::model::{Journey, TouchpointId};
use crate::scene::drivers_chart::{ChartPoint, build_chart};
use crate::scene::{Scene, Theme};
use std::path::Path;

/// The chart's points of one fitted model, with the importance intervals.
pub fn chart_points(journey: &Journey, model: &ModelReport) -> Vec<ChartPoint> {
    model
        .drivers
        .iter()
        .map(|d| {
            let id = TouchpointId::new(d.touchpoint.as_str());
            let name = journey
                .touchpoint(&id)
                .map_or_else(|| d.name.clone(), |t| t.name.clone());
            ChartPoint {
                touchpoint: id,
                name,
                importance: d.importance,
                mean: d.mean,
                interval: Some((d.ci_low, d.ci_high)),
            }
        })
        .collect()
}

/// The chart of a report: the overall model's, else the outcome's (`None` when the
/// data supported neither).
pub fn report_chart(journey: &Journey, report: &DriverReport, theme: Theme) -> Option<Scene> {
    let m = report.overall.as_ref().or(report.outcome.as_ref())?;
    Some(build_chart(
        journey.title(),
        &chart_points(journey, m),
        theme,
    ))
}

/// The chart's format from an output name (`.svg`, `.png`, `.pdf`).
pub fn chart_format(path: &Path) -> Option<ExportFormat> {
    ExportFormat::from_path(path)
        .filter(|f| matches!(f, ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf))
}

/// The chart written as `format` (SVG, PNG at twice the size, or a one-page A4 PDF).
pub fn chart_bytes(scene: &Scene, format: ExportFormat) -> Result<Vec<u8>, String> {
    match format {
        ExportFormat::Svg => Ok(write_svg(scene).into_bytes()),
        ExportFormat::Png => render_png(scene, 2.0)
            .map(|p| p.bytes)
            .map_err(|e| e.to_string()),
        ExportFormat::Pdf => render_pdf(
            scene,
            &PdfOptions {
                paper: Paper::A4,
                layout: PageLayout::Fit,
            },
        )
        .map(|d| d.bytes)
        .map_err(|e| e.to_string()),
        other => Err(crate::i18n::tr_args(
            "kd-chart-format",
            &[("format", other.name().into())],
        )),
    }
}

/// Write the chart to `path` (atomically), in the format its extension names.
pub fn write_chart(scene: &Scene, path: &Path) -> Result<(), String> {
    let Some(format) = chart_format(path) else {
        return Err(crate::i18n::tr_args(
            "kd-chart-extension",
            &[("path", path.display().to_string().into())],
        ));
    };
    let bytes = chart_bytes(scene, format)?;
    crate::io::save_bytes_atomic(&crate::io::RealFs, path, &bytes)
        .map_err(|e| format!("{}: {e}", path.display()))
}
