//! The diagram exports (SVG, PNG, PDF) and the reports (Markdown, HTML) behind
//! [`super::export`]: journey -> layout -> analysis -> [`Scene`] -> writer.

use super::pdf::{PdfOptions, render_pdf};
use super::raster::render_png;
use super::report_pdf::{ReportPdfOptions, render_report_pdf};
use super::svg::{SvgOptions, write_svg, write_svg_with};
use super::{Artifact, ExportError, ExportFormat, ExportOptions};
use crate::analysis::{Analysis, AnalysisConfig, analyze, diff};
use crate::i18n::tr_args;
use crate::layout::{LayoutConfig, layout_in_order};
use crate::model::Journey;
use crate::report::document::{Comparison, ReportOptions, report_html, report_markdown};
use crate::scene::{Scene, SceneOptions, Theme, build_scene};

/// The scene of a journey as the exports draw it.
pub fn scene_for(journey: &Journey, analysis: &Analysis, options: &SceneOptions) -> Scene {
    let l = layout_in_order(
        journey,
        &LayoutConfig::default(),
        analysis.journey_order.clone(),
    );
    build_scene(journey, &l, Some(analysis), options)
}

fn theme(options: &ExportOptions) -> Result<Theme, ExportError> {
    match options.theme.as_deref() {
        None => Ok(Theme::Light),
        Some(t) => Theme::parse(t)
            .ok_or_else(|| ExportError::Invalid(format!("unknown theme `{t}`; use light or dark"))),
    }
}

fn svg_artifact(suffix: Option<&'static str>, svg: String, scene: &Scene) -> Artifact {
    Artifact {
        suffix,
        summary: tr_args(
            "export-summary-svg",
            &[
                ("touchpoints", scene.cards.len().into()),
                ("handoffs", scene.edges.len().into()),
                ("width", scene.bounds.w.round().to_string().into()),
                ("height", scene.bounds.h.round().to_string().into()),
            ],
        ),
        bytes: svg.into_bytes(),
    }
}

/// Whether the export is one drawing that a map can be too big for: `Some(None)` for a
/// PNG, `Some(Some(paper))` for a PDF on one page; `None` otherwise.
fn one_drawing(options: &ExportOptions) -> Option<Option<&'static str>> {
    match options.format {
        ExportFormat::Png => Some(None),
        ExportFormat::Pdf if !options.report && options.pages == super::pdf::PageLayout::Fit => {
            Some(Some(super::pdf::paper_name(options.paper)))
        }
        _ => None,
    }
}

/// Refuse a map too big for one drawing from the bytes of its file, before loading it
/// (a tenth of the time on a big file): the refusal [`export_diagram`] would give the
/// loaded journey, word for word, in the export's language. `Ok` when the export is
/// not one drawing, when the map fits, or when only the full load can tell (a file the
/// census does not understand: the load then reports it).
pub fn refuse_before_loading(bytes: &[u8], options: &ExportOptions) -> Result<(), ExportError> {
    let Some(what) = one_drawing(options) else {
        return Ok(());
    };
    let Some(census) = crate::io::census_bytes(bytes) else {
        return Ok(());
    };
    crate::i18n::with_lang(&options.lang, || {
        super::raster::refuse_early_census(&census, what)
            .map_err(|e| ExportError::Invalid(e.to_string()))
    })
}

/// Make a diagram or report export (`format` is svg, png, pdf, md or html).
pub fn export_diagram(
    journey: &Journey,
    options: &ExportOptions,
) -> Result<Vec<Artifact>, ExportError> {
    export_diagram_with(journey, options, &crate::progress::Unattended)
}

/// [`export_diagram`] with progress: analysis, then the drawing, then the writer.
pub fn export_diagram_with(
    journey: &Journey,
    options: &ExportOptions,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<Artifact>, ExportError> {
    use crate::progress::step;
    let config = AnalysisConfig {
        explain: shows_gap_words(options),
        ..AnalysisConfig::default()
    };
    // A map that no scale can draw as one image is refused from its counts, before the
    // analysis, layout and scene that would take seconds on it.
    if let Some(what) = one_drawing(options) {
        super::raster::refuse_early(journey, what).map_err(invalid)?;
    }
    step(progress, 0.05)?;
    let analysis = analyze(journey, &config);
    step(progress, 0.2)?;
    let scene_options = SceneOptions {
        theme: theme(options)?,
        show_gaps: !options.no_gaps,
        date: options.date.clone(),
        log_check: options.log_check.clone(),
        ..Default::default()
    };
    let scene = scene_for(journey, &analysis, &scene_options);
    step(progress, 0.4)?;
    let made = draw(journey, options, &config, &analysis, &scene, &scene_options);
    crate::exiting::discard((analysis, scene));
    made
}

/// Does the export put the gaps into words (the reports), or only draw them (the
/// map alone: its badges and title block come from the gaps' kinds, severities and
/// counts)?
fn shows_gap_words(options: &ExportOptions) -> bool {
    match options.format {
        ExportFormat::Svg | ExportFormat::Png => false,
        ExportFormat::Pdf => options.report,
        _ => true,
    }
}

/// A drawing the renderer refuses, as an export error.
fn invalid(e: super::raster::RenderError) -> ExportError {
    ExportError::Invalid(e.to_string())
}

/// The outputs of `options.format` from the built scene.
fn draw(
    journey: &Journey,
    options: &ExportOptions,
    config: &AnalysisConfig,
    analysis: &Analysis,
    scene: &Scene,
    scene_options: &SceneOptions,
) -> Result<Vec<Artifact>, ExportError> {
    match options.format {
        ExportFormat::Svg => {
            let svg = if options.scale.is_finite() && options.scale > 0.0 && options.scale != 1.0 {
                let s = options.scale.min(16.0);
                write_svg_with(
                    scene,
                    &SvgOptions {
                        size: Some((scene.bounds.w * s, scene.bounds.h * s)),
                        ..Default::default()
                    },
                )
            } else {
                write_svg(scene)
            };
            Ok(vec![svg_artifact(None, svg, scene)])
        }
        ExportFormat::Png => {
            let png = render_png(scene, options.scale).map_err(invalid)?;
            let mut summary = tr_args(
                "export-summary-png",
                &[
                    ("width", png.width.to_string().into()),
                    ("height", png.height.to_string().into()),
                ],
            );
            if png.scale + 1e-4 < options.scale {
                summary.push_str(&tr_args(
                    "export-summary-png-reduced",
                    &[
                        ("scale", format!("{:.2}", png.scale).into()),
                        ("side", super::raster::MAX_SIDE.to_string().into()),
                        (
                            "megapixels",
                            (super::raster::MAX_PIXELS / 1_000_000).to_string().into(),
                        ),
                    ],
                ));
            }
            Ok(vec![Artifact {
                suffix: None,
                bytes: png.bytes,
                summary,
            }])
        }
        ExportFormat::Pdf if options.report => {
            report(journey, analysis, scene, scene_options, config, options)
        }
        ExportFormat::Pdf => {
            let pdf = render_pdf(
                scene,
                &PdfOptions {
                    paper: options.paper,
                    layout: options.pages,
                },
            )
            .map_err(invalid)?;
            Ok(vec![Artifact {
                suffix: None,
                summary: tr_args(
                    "export-summary-pdf",
                    &[
                        ("pages", pdf.pages.into()),
                        (
                            "paper",
                            match options.paper {
                                super::pdf::Paper::A4 => "A4",
                                super::pdf::Paper::A3 => "A3",
                            }
                            .into(),
                        ),
                        ("scale", format!("{:.0}", pdf.scale * 100.0).into()),
                    ],
                ),
                bytes: pdf.bytes,
            }])
        }
        ExportFormat::Markdown | ExportFormat::Html => {
            report(journey, analysis, scene, scene_options, config, options)
        }
        other => Err(ExportError::Invalid(format!(
            "{} is not a diagram or report format",
            other.name()
        ))),
    }
}

fn report(
    journey: &Journey,
    analysis: &Analysis,
    scene: &Scene,
    scene_options: &SceneOptions,
    config: &AnalysisConfig,
    options: &ExportOptions,
) -> Result<Vec<Artifact>, ExportError> {
    let html = options.format == ExportFormat::Html;
    let map_name = if html {
        String::new()
    } else {
        options.map_name.clone().unwrap_or_default()
    };
    let to_be = options.compare.as_ref().map(|to_be| {
        let a = analyze(to_be, config);
        let s = scene_for(to_be, &a, scene_options);
        (to_be, diff(journey, to_be, config), write_svg(&s), s)
    });
    // The key-driver chart saved with the journey (issue 19).
    let chart = crate::scene::drivers_chart::saved_chart(journey, Theme::Light)
        .filter(|c| !c.cards.is_empty());
    let to_be_name = if html || map_name.is_empty() {
        String::new()
    } else {
        to_be_map_name(&map_name)
    };
    let report_options = ReportOptions {
        date: options.date.clone(),
        svg_name: map_name.clone(),
        compare: to_be.as_ref().map(|(j, d, _, _)| Comparison {
            to_be: j,
            diff: d,
            svg_name: to_be_name.clone(),
        }),
        chart_name: if chart.is_some() && !map_name.is_empty() {
            chart_map_name(&map_name)
        } else {
            String::new()
        },
        chart_svg: chart.as_ref().filter(|_| html).map(write_svg),
    };
    let svg = write_svg(scene);
    let summary = tr_args(
        if to_be.is_some() {
            "export-summary-report-compared"
        } else {
            "export-summary-report"
        },
        &[
            ("touchpoints", journey.touchpoint_count().into()),
            ("gaps", analysis.gaps.len().into()),
        ],
    );
    if options.format == ExportFormat::Pdf {
        let mut maps = vec![scene];
        if let Some((_, _, _, s)) = &to_be {
            maps.push(s);
        }
        let pdf = render_report_pdf(
            journey,
            analysis,
            &maps,
            &report_options,
            &ReportPdfOptions {
                paper: options.paper,
                map_layout: options.pages,
            },
        )
        .map_err(|e| ExportError::Invalid(e.to_string()))?;
        return Ok(vec![Artifact {
            suffix: None,
            summary: tr_args(
                "export-summary-report-pages",
                &[("summary", summary.into()), ("pages", pdf.pages.into())],
            ),
            bytes: pdf.bytes,
        }]);
    }
    if html {
        let text = report_html(
            journey,
            analysis,
            &svg,
            to_be.as_ref().map(|(_, _, s, _)| s.as_str()),
            &report_options,
        );
        return Ok(vec![Artifact {
            suffix: None,
            bytes: text.into_bytes(),
            summary,
        }]);
    }
    let text = report_markdown(journey, analysis, &report_options);
    let mut out = vec![Artifact {
        suffix: None,
        bytes: text.into_bytes(),
        summary,
    }];
    if !map_name.is_empty() {
        out.push(svg_artifact(Some(".svg"), svg, scene));
        if let Some((_, _, s, scene)) = to_be {
            out.push(svg_artifact(Some(".to-be.svg"), s, &scene));
        }
        if let Some(c) = &chart {
            out.push(svg_artifact(Some(".drivers.svg"), write_svg(c), c));
        }
    }
    Ok(out)
}

/// `move.svg` -> `move.drivers.svg`.
fn chart_map_name(map_name: &str) -> String {
    match map_name.strip_suffix(".svg") {
        Some(stem) => format!("{stem}.drivers.svg"),
        None => format!("{map_name}.drivers.svg"),
    }
}

/// `move.svg` -> `move.to-be.svg`.
fn to_be_map_name(map_name: &str) -> String {
    match map_name.strip_suffix(".svg") {
        Some(stem) => format!("{stem}.to-be.svg"),
        None => format!("{map_name}.to-be.svg"),
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`; `SOURCE_DATE_EPOCH` (seconds) overrides the
/// clock for reproducible output.
pub fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    date_of(secs)
}

/// The civil (proleptic Gregorian) UTC date of a Unix time, `YYYY-MM-DD`.
pub fn date_of(unix_secs: i64) -> String {
    // Howard Hinnant's days_from_civil inverse.
    let z = unix_secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(951_782_400), "2000-02-29");
        assert_eq!(date_of(1_795_651_200), "2026-11-26");
        assert_eq!(date_of(-86_400), "1969-12-31");
        assert_eq!(to_be_map_name("move.svg"), "move.to-be.svg");
    }
}
