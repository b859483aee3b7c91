//! File > Export…: every format of `touchpoint export` with its options, a preview of
//! the map as the export draws it, and the last folder and format remembered. The
//! export itself (and the preview's drawing) run on worker threads (`jobs.rs`), with a
//! progress bar and Cancel, so the window never freezes on a big journey.

use super::AppState;
use super::action::{Action, EvidenceAction};
use super::canvas::Camera;
use super::frame::{FrameView, Outbox};
use super::jobs::{Job, Poll};
use crate::export::csv::CsvTable;
use crate::export::pdf::{PageLayout, Paper};
use crate::export::{ExportError, ExportFormat, ExportOptions, artifact_path, export_with};
use crate::i18n::tr;
use crate::model::Journey;
use crate::scene::{Scene, SceneOptions, Theme};
use std::path::PathBuf;

/// What an export job gives: the lines written (`path: summary`), or why it failed.
pub type ExportOutcome = Result<Vec<String>, String>;

/// The preview's key: document version (identity + revision), theme, gaps, log check.
type PreviewKey = (crate::history::Version, bool, bool, usize);

/// The export dialog's state; its options live on between openings in a session, the
/// format and folder also between sessions (settings).
pub struct ExportDialog {
    pub open: bool,
    pub format: ExportFormat,
    pub dark: bool,
    pub gaps: bool,
    pub paper: Paper,
    pub pages: PageLayout,
    pub scale: f32,
    pub table: Option<CsvTable>,
    pub bom: bool,
    /// PDF: the whole report (figures, map, gaps, matrix, departments, notes) instead of
    /// the map alone.
    pub report: bool,
    /// Reports: compare with this journey (the to-be).
    pub compare: Option<PathBuf>,
    /// The export running on a worker.
    pub job: Option<Job<ExportOutcome>>,
    /// The last export's outcome, shown in the dialog and the status line.
    pub last: Option<ExportOutcome>,
    preview_job: Option<(PreviewKey, Job<Scene>)>,
    preview: Option<(PreviewKey, Scene)>,
    /// View > Measure against a log… is open: the maps include its check.
    pub log_check: Option<std::sync::Arc<crate::scene::logcheck::LogOverlay>>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            format: ExportFormat::Png,
            dark: false,
            gaps: true,
            paper: Paper::A4,
            pages: PageLayout::Auto,
            scale: 1.0,
            table: None,
            bom: false,
            report: false,
            compare: None,
            job: None,
            last: None,
            preview_job: None,
            preview: None,
            log_check: None,
        }
    }
}

/// The name shown for a format.
pub fn format_label(f: ExportFormat) -> String {
    tr(match f {
        ExportFormat::Svg => "exp-format-svg",
        ExportFormat::Png => "exp-format-png",
        ExportFormat::Pdf => "exp-format-pdf",
        ExportFormat::Csv => "exp-format-csv",
        ExportFormat::Markdown => "exp-format-md",
        ExportFormat::Html => "exp-format-html",
        ExportFormat::Mermaid => "exp-format-mermaid",
        ExportFormat::Dot => "exp-format-dot",
    })
}

fn draws_map(f: ExportFormat) -> bool {
    matches!(
        f,
        ExportFormat::Svg
            | ExportFormat::Png
            | ExportFormat::Pdf
            | ExportFormat::Markdown
            | ExportFormat::Html
    )
}

impl ExportDialog {
    /// Open the dialog on the last format used (settings).
    pub fn open(&mut self, remembered: Option<&str>) {
        self.open = true;
        self.last = None;
        if let Some(f) =
            remembered.and_then(|n| ExportFormat::ALL.into_iter().find(|f| f.name() == n))
        {
            self.format = f;
        }
    }

    /// The options of an export as chosen in the dialog (without the compared journey).
    pub fn options(&self) -> ExportOptions {
        let mut o = ExportOptions::new(self.format);
        o.theme = Some(if self.dark { "dark" } else { "light" }.to_owned());
        o.no_gaps = !self.gaps;
        o.paper = self.paper;
        o.pages = self.pages;
        o.scale = self.scale;
        o.table = self.table;
        o.bom = self.bom;
        o.report = self.report && self.format == ExportFormat::Pdf;
        // The PDF report is the same bytes for the same journey (as on the command line).
        o.date = (!o.report).then(crate::export::diagram::today);
        o.log_check = self.log_check.clone();
        o
    }

    /// Is an export running?
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Has the preview of the current options been drawn?
    pub fn preview_ready(&self) -> bool {
        self.preview.is_some() && self.preview_job.is_none()
    }

    /// The preview's key for the document at `version` and the options chosen now.
    fn preview_key(&self, version: crate::history::Version) -> PreviewKey {
        let check = self
            .log_check
            .as_ref()
            .map_or(0, |c| std::sync::Arc::as_ptr(c) as usize);
        (version, self.dark, self.gaps, check)
    }

    fn preview_building(&self, key: PreviewKey) -> bool {
        self.preview_job.as_ref().is_some_and(|(k, _)| *k == key)
    }

    /// Draw the preview of `journey` (at `version`) on a worker, unless it is drawn or
    /// being drawn already.
    pub fn start_preview(
        &mut self,
        ctx: &egui::Context,
        journey: &Journey,
        version: crate::history::Version,
    ) {
        let key = self.preview_key(version);
        let current = self.preview.as_ref().is_some_and(|(k, _)| *k == key);
        if current || self.preview_building(key) {
            return;
        }
        let journey = journey.clone();
        let options = SceneOptions {
            theme: if self.dark { Theme::Dark } else { Theme::Light },
            show_gaps: self.gaps,
            date: Some(crate::export::diagram::today()),
            log_check: self.log_check.clone(),
            ..SceneOptions::default()
        };
        self.preview_job = Some((
            key,
            Job::spawn(tr("exp-drawing-job"), Some(ctx.clone()), move |p| {
                let analysis =
                    crate::analysis::analyze(&journey, &crate::analysis::AnalysisConfig::default());
                if !p.update(0.5) {
                    return None;
                }
                Some(crate::export::diagram::scene_for(
                    &journey, &analysis, &options,
                ))
            }),
        ));
    }

    /// Start exporting `journey` to `path` on a worker thread.
    pub fn start(&mut self, ctx: Option<egui::Context>, journey: Journey, path: PathBuf) {
        let mut options = self.options();
        if self.format == ExportFormat::Markdown {
            options.map_name = artifact_path(&path, Some(".svg"), "svg")
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
        }
        let compare = self
            .compare
            .clone()
            .filter(|_| matches!(self.format, ExportFormat::Markdown | ExportFormat::Html));
        let format = self.format;
        let label = crate::tr!("exp-exporting", path = path.display().to_string());
        self.job = Some(Job::spawn(label, ctx, move |progress| {
            export_to(&journey, options, compare, &path, format, progress)
        }));
    }
}

/// The export job's work: load the compared journey, export, write each output
/// atomically. `None` when cancelled (nothing written).
fn export_to(
    journey: &Journey,
    mut options: ExportOptions,
    compare: Option<PathBuf>,
    path: &std::path::Path,
    format: ExportFormat,
    progress: &dyn crate::progress::Progress,
) -> Option<ExportOutcome> {
    if let Some(c) = compare {
        match crate::io::load_file(&c) {
            Ok(j) => options.compare = Some(j),
            Err(e) => return Some(Err(e.lines().join("\n"))),
        }
    }
    let artifacts = match export_with(journey, &options, progress) {
        Ok(a) => a,
        Err(ExportError::Cancelled) => return None,
        Err(e) => return Some(Err(e.to_string())),
    };
    if !progress.update(0.98) {
        return None;
    }
    let mut lines = Vec::new();
    for a in &artifacts {
        let p = artifact_path(path, a.suffix, format.extension());
        if let Err(e) = crate::io::save_bytes_atomic(&crate::io::RealFs, &p, &a.bytes) {
            return Some(Err(e.to_string()));
        }
        lines.push(format!("{}: {}", p.display(), a.summary));
    }
    Some(Ok(lines))
}

/// File > Export…: open the dialog.
pub fn open(state: &mut AppState) {
    let remembered = state.settings.export_format.clone();
    state.export.open(remembered.as_deref());
}

/// Draw the dialog (a running export's progress and finished work: [`poll`]).
pub fn show(ctx: &egui::Context, v: FrameView<'_>, d: &mut ExportDialog, out: &mut Outbox<'_>) {
    if !d.open {
        return;
    }
    let mut open = true;
    let mut go = false;
    egui::Window::new(tr("picker-export"))
        .id(egui::Id::unique("touchpoint-export"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(640.0)
        .show(ctx, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(300.0);
                    go = form(ui, v, d, out);
                });
                ui.separator();
                ui.vertical(|ui| preview(ui, v, d, out));
            });
        });
    if !open {
        d.open = false;
    }
    if go {
        out.push(Action::Evidence(EvidenceAction::ExportAskAndStart));
    }
}

fn form(ui: &mut egui::Ui, v: FrameView<'_>, d: &mut ExportDialog, out: &mut Outbox<'_>) -> bool {
    egui::Grid::new("export-options")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label(tr("exp-format"));
            egui::ComboBox::from_id_salt("export-format")
                .selected_text(format_label(d.format))
                .width(200.0)
                .show_ui(ui, |ui| {
                    for f in ExportFormat::ALL {
                        ui.selectable_value(&mut d.format, f, format_label(f));
                    }
                });
            ui.end_row();
            if draws_map(d.format) {
                ui.label(tr("exp-theme"));
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut d.dark, false, tr("exp-light"));
                    ui.selectable_value(&mut d.dark, true, tr("exp-dark"));
                });
                ui.end_row();
                ui.label(tr("exp-gaps"));
                ui.checkbox(&mut d.gaps, tr("exp-gap-badges"));
                ui.end_row();
            }
            if matches!(d.format, ExportFormat::Png | ExportFormat::Svg) {
                ui.label(tr("exp-scale"));
                ui.add(
                    egui::Slider::new(&mut d.scale, 0.5..=4.0)
                        .step_by(0.25)
                        .suffix("×"),
                );
                ui.end_row();
            }
            if d.format == ExportFormat::Pdf {
                ui.label(tr("exp-contents"));
                ui.checkbox(&mut d.report, tr("exp-whole-report"));
                ui.end_row();
                ui.label(tr("exp-paper"));
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut d.paper, Paper::A4, "A4");
                    ui.selectable_value(&mut d.paper, Paper::A3, "A3");
                });
                ui.end_row();
                ui.label(tr("exp-pages"));
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut d.pages, PageLayout::Auto, tr("exp-auto"));
                    ui.selectable_value(&mut d.pages, PageLayout::Fit, tr("exp-fit-page"));
                    ui.selectable_value(&mut d.pages, PageLayout::Pages, tr("exp-pages"));
                });
                ui.end_row();
            }
            if d.format == ExportFormat::Csv {
                ui.label(tr("exp-table"));
                egui::ComboBox::from_id_salt("export-table")
                    .selected_text(
                        d.table
                            .map_or(tr("exp-all-tables"), |t| t.name().to_owned()),
                    )
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut d.table, None, tr("exp-all-tables"));
                        for t in [CsvTable::Touchpoints, CsvTable::Handoffs, CsvTable::Matrix] {
                            ui.selectable_value(&mut d.table, Some(t), t.name());
                        }
                    });
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut d.bom, tr("exp-bom"));
                ui.end_row();
            }
        });
    if matches!(d.format, ExportFormat::Markdown | ExportFormat::Html)
        || (d.format == ExportFormat::Pdf && d.report)
    {
        ui.add_space(4.0);
        ui.label(tr("exp-compare"));
        let shown = d
            .compare
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| tr("exp-none"), |n| n.to_string_lossy().into_owned());
        ui.horizontal(|ui| {
            ui.label(shown);
            if ui.button(tr("exp-choose")).clicked() {
                out.push(Action::Evidence(EvidenceAction::ExportChooseCompare));
            }
            if d.compare.is_some() && ui.button(tr("exp-clear")).clicked() {
                d.compare = None;
            }
        });
    }
    ui.add_space(8.0);
    if let Some(folder) = &v.settings().export_folder {
        ui.weak(crate::tr!(
            "exp-folder",
            path = folder.display().to_string()
        ));
    }
    let busy = d.busy();
    let go = ui
        .add_enabled(!busy, egui::Button::new(tr("exp-export-button")))
        .on_hover_text(tr("exp-export-tip"))
        .clicked();
    match &d.last {
        Some(Ok(lines)) => {
            for l in lines {
                ui.label(crate::tr!("exp-written", what = l));
            }
        }
        Some(Err(e)) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                crate::tr!("exp-not-exported", error = e),
            );
        }
        None => {}
    }
    go
}

/// The map as this export draws it, fitted into a small frame.
fn preview(ui: &mut egui::Ui, v: FrameView<'_>, d: &ExportDialog, out: &mut Outbox<'_>) {
    ui.label(tr("exp-preview"));
    let size = egui::vec2(320.0, 220.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let version = v.doc().version();
    if !draws_map(d.format) {
        painter.rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            tr("exp-text-format"),
            egui::FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
        );
        return;
    }
    let key = d.preview_key(version);
    let current = d.preview.as_ref().is_some_and(|(k, _)| *k == key);
    if !current && !d.preview_building(key) {
        out.push(Action::Evidence(EvidenceAction::ExportPreview));
    }
    match &d.preview {
        Some((_, scene)) => {
            let b = scene.bounds;
            let zoom = (size.x / b.w.max(1.0)).min(size.y / b.h.max(1.0));
            let mut cam = Camera::default();
            cam.zoom = zoom;
            cam.rect = rect;
            cam.pan = (size - egui::vec2(b.w, b.h) * zoom) / 2.0 - egui::vec2(b.x, b.y) * zoom;
            painter.rect_filled(rect, 0.0, super::scene_paint::color(scene.background_color));
            super::scene_paint::paint_scene(&painter, &cam, scene);
            if !current {
                painter.text(
                    rect.right_bottom() - egui::vec2(6.0, 6.0),
                    egui::Align2::RIGHT_BOTTOM,
                    tr("exp-updating"),
                    egui::FontId::proportional(11.0),
                    ui.visuals().weak_text_color(),
                );
            }
        }
        None => {
            painter.rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                tr("exp-drawing"),
                egui::FontId::proportional(13.0),
                ui.visuals().weak_text_color(),
            );
        }
    }
}

/// Ask where to write (in the last folder), remember folder and format, start the job.
pub fn ask_and_start(ctx: &egui::Context, state: &mut AppState) {
    let format = state.export.format;
    let stem = crate::model::slugify(state.journey().title(), "journey");
    let suggested = format!("{stem}.{}", format.extension());
    let folder = state.settings.export_folder.clone();
    let Some(path) =
        state
            .file_dialogs
            .save_export(folder.as_deref(), &suggested, format.extension())
    else {
        return;
    };
    state.settings.export_folder = path.parent().map(std::path::Path::to_path_buf);
    state.settings.export_format = Some(format.name().to_owned());
    state.persist_settings();
    let journey = state.journey().clone();
    state.export.start(Some(ctx.clone()), journey, path);
}

/// Collect finished work and show the progress of a running export.
pub fn poll(ctx: &egui::Context, state: &mut AppState) {
    let d = &mut state.export;
    if let Some((key, job)) = &d.preview_job {
        match job.poll() {
            Poll::Running => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
            Poll::Done(scene) => {
                d.preview = Some((*key, scene));
                d.preview_job = None;
            }
            Poll::Stopped => d.preview_job = None,
        }
    }
    let Some(job) = &d.job else {
        return;
    };
    match job.poll() {
        Poll::Running => {
            if super::jobs::progress_window(ctx, job) {
                job.cancel();
                d.job = None;
                state.status = tr("exp-cancelled");
            }
        }
        Poll::Done(outcome) => {
            state.status = match &outcome {
                Ok(lines) => crate::tr!("exp-exported", what = lines.join("; ")),
                Err(e) => crate::tr!("exp-failed", error = e),
            };
            d.last = Some(outcome);
            d.job = None;
        }
        Poll::Stopped => {
            d.job = None;
            state.status = tr("exp-cancelled");
        }
    }
}
