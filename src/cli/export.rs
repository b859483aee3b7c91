//! `touchpoint export`.

use crate::export::ExportFormat;
use crate::i18n::tr_args;
use std::io::Write;
use std::path::{Path, PathBuf};

// `touchpoint export FILE [--format F] -o OUT [--table T] [--bom] [diagram options]`
#[derive(clap::Args, Debug, Clone)]
pub struct ExportArgs {
    /// The journey file (`*.journey.ron`).
    pub file: PathBuf,
    /// The output format; inferred from the output's extension when omitted.
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// The output file; `-` writes a text format to standard output. For CSV without
    /// `--table`, `out.csv` gives `out.touchpoints.csv`, `out.handoffs.csv` and `out.matrix.csv`.
    #[arg(short, long)]
    pub output: PathBuf,
    /// CSV: write only this table.
    #[arg(long, value_enum)]
    pub table: Option<crate::export::csv::CsvTable>,
    /// CSV: start each file with a UTF-8 byte-order mark (helps older spreadsheet software).
    #[arg(long)]
    pub bom: bool,
    /// PNG: pixels per point (1 = 72 dpi, 2 = 144 dpi); SVG: scales the drawing size.
    /// Capped at 16384 px a side and 24 megapixels.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Diagrams and reports: colour theme, light or dark.
    #[arg(long)]
    pub theme: Option<String>,
    /// Diagrams and reports: leave out the gap badges (watermelon, split, drop...).
    #[arg(long)]
    pub no_gaps: bool,
    /// Reports (md, html, pdf with --report): compare with this journey (e.g. the to-be).
    #[arg(long)]
    pub compare: Option<PathBuf>,
    /// PDF: the whole report (headline figures, map, ranked gaps, handoff matrix,
    /// departments, notes and actions, comparison) instead of the map alone.
    #[arg(long)]
    pub report: bool,
    /// PDF: paper size, a4 or a3 (landscape).
    #[arg(long, value_parser = parse_paper, default_value = "a4")]
    pub paper: crate::export::pdf::Paper,
    /// PDF: always one page, scaled to fit (default: one page when readable, else pages).
    #[arg(long, conflicts_with = "pages")]
    pub fit: bool,
    /// PDF: print at a readable scale across several pages.
    #[arg(long)]
    pub pages: bool,
    /// Diagrams and reports: the date printed in the title (default: today, or
    /// SOURCE_DATE_EPOCH when set).
    #[arg(long)]
    pub date: Option<String>,
    /// Replace output files even when they are read-only (their permission bits are kept).
    #[arg(long)]
    pub force: bool,
    /// Diagrams and reports: hold the map against this event log (CSV or XES): handoffs
    /// the log shows but the map lacks dashed, drawn ones it never shows faded.
    #[arg(long, value_name = "LOG")]
    pub measure: Option<PathBuf>,
    /// With --measure: match activities to touchpoints by a CSV of `activity,touchpoint id` rows.
    #[arg(long, value_name = "FILE", requires = "measure")]
    pub map: Option<PathBuf>,
}

fn parse_paper(text: &str) -> Result<crate::export::pdf::Paper, String> {
    crate::export::pdf::Paper::parse(text)
        .ok_or_else(|| format!("`{text}` is not a paper size; use a4 or a3"))
}

/// Run `touchpoint export`. Exit codes: 0 written, 1 cannot read the journey or write the
/// output, 2 usage (unknown or unsupported format, binary format to standard output).
pub fn cli_export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let to_stdout = args.output == Path::new("-");
    let format = match export_format(args, to_stdout, err) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let drawn = matches!(
        format,
        ExportFormat::Svg
            | ExportFormat::Png
            | ExportFormat::Pdf
            | ExportFormat::Markdown
            | ExportFormat::Html
    );
    let pdf_report = format == ExportFormat::Pdf && args.report;
    let compares = pdf_report || matches!(format, ExportFormat::Markdown | ExportFormat::Html);
    note_ignored_options(args, format, drawn, compares, err);
    let mut options = export_options(args, format, to_stdout, pdf_report, err);
    let journey = match load_journey(args, &options, err) {
        Ok(j) => j,
        Err(code) => return code,
    };
    if let Err(code) = load_compared(args, compares, &mut options, err) {
        return code;
    }
    if let Err(code) = add_log_check(args, format, drawn, &journey, &mut options, err) {
        return code;
    }
    let artifacts = match crate::export::export(&journey, &options) {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let code = write_artifacts(args, format, to_stdout, &artifacts, out, err);
    crate::exiting::discard((journey, artifacts, options));
    code
}

/// The output format (given, or from the output's extension), refused (exit code 2) when
/// unknown, binary to standard output, or with an unknown theme.
fn export_format(
    args: &ExportArgs,
    to_stdout: bool,
    err: &mut dyn Write,
) -> Result<ExportFormat, u8> {
    let format = match args.format {
        Some(f) => f,
        None => match ExportFormat::from_path(&args.output) {
            Some(f) => f,
            None => {
                let _ = writeln!(
                    err,
                    "{}: cannot tell the format from the extension; use --format svg|png|pdf|csv|md|html|mermaid|dot",
                    args.output.display()
                );
                return Err(2);
            }
        },
    };
    if to_stdout && !format.is_text() {
        let _ = writeln!(
            err,
            "{} is a binary format; give an output file with -o",
            format.name()
        );
        return Err(2);
    }
    if let Some(t) = &args.theme
        && crate::scene::Theme::parse(t).is_none()
    {
        let _ = writeln!(err, "unknown theme `{t}`; use light or dark");
        return Err(2);
    }
    Ok(format)
}

/// A note for each option the format ignores.
fn note_ignored_options(
    args: &ExportArgs,
    format: ExportFormat,
    drawn: bool,
    compares: bool,
    err: &mut dyn Write,
) {
    if !drawn && (args.theme.is_some() || args.no_gaps || args.date.is_some()) {
        let _ = writeln!(
            err,
            "{}",
            tr_args("cli-export-note-drawn", &[("format", format.name().into())])
        );
    }
    if args.scale != 1.0 && !matches!(format, ExportFormat::Svg | ExportFormat::Png) {
        let _ = writeln!(
            err,
            "{}",
            tr_args("cli-export-note-scale", &[("format", format.name().into())])
        );
    }
    if format != ExportFormat::Pdf
        && (args.fit || args.pages || args.paper != crate::export::pdf::Paper::A4)
    {
        let _ = writeln!(
            err,
            "{}",
            tr_args("cli-export-note-paper", &[("format", format.name().into())])
        );
    }
    if format != ExportFormat::Csv && (args.table.is_some() || args.bom) {
        let _ = writeln!(
            err,
            "{}",
            tr_args("cli-export-note-table", &[("format", format.name().into())])
        );
    }
    if args.report && format != ExportFormat::Pdf {
        let _ = writeln!(
            err,
            "{}",
            tr_args(
                "cli-export-note-report",
                &[("format", format.name().into())]
            )
        );
    }
    if !compares && args.compare.is_some() {
        let _ = writeln!(
            err,
            "{}",
            tr_args(
                "cli-export-note-compare",
                &[("format", format.name().into())]
            )
        );
    }
}

/// The export options from the command line.
fn export_options(
    args: &ExportArgs,
    format: ExportFormat,
    to_stdout: bool,
    pdf_report: bool,
    err: &mut dyn Write,
) -> crate::export::ExportOptions {
    let mut options = crate::export::ExportOptions::new(format);
    options.table = args.table;
    options.bom = args.bom;
    options.scale = args.scale;
    options.theme = args.theme.clone();
    options.no_gaps = args.no_gaps;
    options.paper = args.paper;
    options.pages = if args.fit {
        crate::export::pdf::PageLayout::Fit
    } else if args.pages {
        crate::export::pdf::PageLayout::Pages
    } else {
        crate::export::pdf::PageLayout::Auto
    };
    options.report = pdf_report;
    // The PDF report is the same bytes for the same journey: dated only when asked.
    options.date = if pdf_report {
        args.date.clone()
    } else {
        Some(
            args.date
                .clone()
                .unwrap_or_else(crate::export::diagram::today),
        )
    };
    if format == ExportFormat::Markdown && !to_stdout {
        options.map_name = crate::export::artifact_path(&args.output, Some(".svg"), "svg")
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
    }
    if to_stdout && format == ExportFormat::Csv && options.table.is_none() {
        let _ = writeln!(err, "{}", crate::i18n::tr("cli-export-note-stdout-table"));
        options.table = Some(crate::export::csv::CsvTable::Touchpoints);
    }
    options
}

/// Read and load the journey; a map too big for one drawing is refused before the full
/// load. Exit code 1 when it cannot be read or is refused.
fn load_journey(
    args: &ExportArgs,
    options: &crate::export::ExportOptions,
    err: &mut dyn Write,
) -> Result<crate::model::Journey, u8> {
    let bytes = match crate::io::read_file(&args.file) {
        Ok(b) => b,
        Err(e) => {
            for line in e.lines() {
                let _ = writeln!(err, "{line}");
            }
            return Err(1);
        }
    };
    // A map too big for one drawing is refused from a census of the file, before the
    // full load (a second on the biggest files), with the same words.
    if let Err(e) = crate::export::diagram::refuse_before_loading(&bytes, options) {
        let _ = writeln!(err, "{e}");
        return Err(1);
    }
    let journey = match crate::io::load_bytes(&args.file.display().to_string(), &bytes) {
        Ok(j) => j,
        Err(e) => {
            for line in e.lines() {
                let _ = writeln!(err, "{line}");
            }
            return Err(1);
        }
    };
    drop(bytes);
    Ok(journey)
}

/// With --compare (where the format compares): the to-be journey. Exit code 1 when it
/// cannot be loaded.
fn load_compared(
    args: &ExportArgs,
    compares: bool,
    options: &mut crate::export::ExportOptions,
    err: &mut dyn Write,
) -> Result<(), u8> {
    if let Some(path) = &args.compare
        && compares
    {
        match crate::io::load_file(path) {
            Ok(j) => options.compare = Some(j),
            Err(e) => {
                for line in e.lines() {
                    let _ = writeln!(err, "{line}");
                }
                return Err(1);
            }
        }
    }
    Ok(())
}

/// With --measure (for drawn formats): the event log's check of the map. Exit code 1
/// when the log cannot be read.
fn add_log_check(
    args: &ExportArgs,
    format: ExportFormat,
    drawn: bool,
    journey: &crate::model::Journey,
    options: &mut crate::export::ExportOptions,
    err: &mut dyn Write,
) -> Result<(), u8> {
    if let Some(log) = &args.measure {
        if drawn {
            let opts = crate::evidence::eventlog::ReadOptions::default();
            match crate::evidence::eventlog::measure::measure_files(
                journey,
                log,
                args.map.as_deref(),
                &opts,
                0.0,
            ) {
                Ok((me, read)) => {
                    for l in read.problems.lines() {
                        let _ = writeln!(err, "{l}");
                    }
                    let o = crate::evidence::eventlog::measure::overlay(&me, &read.mined);
                    options.log_check = Some(std::sync::Arc::new(o));
                }
                Err(lines) => {
                    for l in lines {
                        let _ = writeln!(err, "{l}");
                    }
                    return Err(1);
                }
            }
        } else {
            let _ = writeln!(
                err,
                "{}",
                tr_args(
                    "evlog-cli-measure-drawn",
                    &[("format", format.name().into())]
                )
            );
        }
    }
    Ok(())
}

/// Write the export: the main output to standard output, or every file all or nothing.
fn write_artifacts(
    args: &ExportArgs,
    format: ExportFormat,
    to_stdout: bool,
    artifacts: &[crate::export::Artifact],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if to_stdout {
        // Only the main output goes to standard output (a report's map needs a file).
        for a in artifacts
            .iter()
            .filter(|a| a.suffix.is_none() || format == ExportFormat::Csv)
        {
            if out.write_all(&a.bytes).is_err() {
                return 1;
            }
        }
        return 0;
    }
    // Every file of the export, all or nothing (the three tables of a CSV export).
    let paths: Vec<PathBuf> = artifacts
        .iter()
        .map(|a| crate::export::artifact_path(&args.output, a.suffix, format.extension()))
        .collect();
    let files: Vec<(&Path, &[u8])> = paths
        .iter()
        .zip(artifacts)
        .map(|(p, a)| (p.as_path(), a.bytes.as_slice()))
        .collect();
    let options = crate::io::WriteOptions {
        overwrite_read_only: args.force,
    };
    match crate::io::save_all_atomic(&crate::io::RealFs, &files, options) {
        Ok(()) => {
            for (path, a) in paths.iter().zip(artifacts) {
                let _ = writeln!(
                    out,
                    "{}",
                    tr_args(
                        "cli-export-written",
                        &[
                            ("file", path.display().to_string().into()),
                            ("summary", a.summary.as_str().into()),
                            ("bytes", a.bytes.len().to_string().into()),
                        ],
                    )
                );
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}{}", crate::io::force_hint(&e));
            if paths.len() > 1 {
                let _ = writeln!(
                    err,
                    "{}",
                    tr_args("cli-export-none-written", &[("count", paths.len().into())])
                );
            }
            1
        }
    }
}
