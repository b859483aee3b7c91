//! File > Import… (and a CSV or Mermaid file dropped on the window): a preview of what
//! the import gives before anything is created. Each detected column with the meaning
//! it was given, changeable with a dropdown; the lines that could not be read, with
//! their line numbers; what was assumed; the touchpoint, handoff and stage counts.
//!
//! Generic over [`ImportPreview`] (columns with meanings + problems + counts), so the
//! evidence importers can reuse it. Reading and previewing run on a worker (`jobs.rs`).

use super::AppState;
use super::action::{Action, AfterGuard, EvidenceAction};
use super::frame::{FrameView, Outbox};
use super::jobs::{Job, Poll};
use crate::i18n::tr;
use crate::import::ImportFormat;
use crate::import::csv::ColumnChoices;
use crate::import::preview::{ImportPreview, preview};
use crate::model::Journey;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file being imported: its bytes (kept to re-preview when a meaning changes).
struct Source {
    path: PathBuf,
    format: ImportFormat,
    bytes: Arc<Vec<u8>>,
}

type PreviewJob = Job<Result<(Arc<Vec<u8>>, ImportPreview), String>>;

/// The import dialog's state.
#[derive(Default)]
pub struct ImportDialog {
    source: Option<Source>,
    /// The meanings the user chose, by column.
    pub choices: ColumnChoices,
    /// The preview on screen (also while a new one is being made).
    pub preview: Option<ImportPreview>,
    job: Option<PreviewJob>,
    /// An error reading the file.
    pub error: Option<String>,
    /// The journey accepted with &tr("imp-import"), waiting for the unsaved-changes question.
    accepted: Option<Journey>,
}

impl ImportDialog {
    pub fn is_open(&self) -> bool {
        self.source.is_some() || self.error.is_some()
    }

    /// Is a read or preview running?
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// The journey &tr("imp-import") accepted (taken once).
    pub fn take_accepted(&mut self) -> Option<Journey> {
        self.accepted.take()
    }

    /// A journey another importer accepted (an event log), opened like this one's.
    pub fn set_accepted(&mut self, journey: Journey) {
        self.accepted = Some(journey);
    }

    pub fn close(&mut self) {
        if let Some(j) = self.job.take() {
            j.cancel();
        }
        self.source = None;
        self.preview = None;
        self.error = None;
        self.choices.clear();
    }

    /// Start importing `path`: read and preview it on a worker.
    pub fn start(&mut self, ctx: Option<egui::Context>, path: &Path) {
        self.close();
        let Some(format) = ImportFormat::from_path(path) else {
            self.error = Some(crate::tr!(
                "imp-not-importable",
                path = path.display().to_string()
            ));
            return;
        };
        let owned = path.to_path_buf();
        let name = super::dialogs::display_name(path);
        self.job = Some(Job::spawn(
            crate::tr!("imp-reading-file", name = name.clone()),
            ctx,
            move |progress| {
                let read = crate::import::read_input(&owned)
                    .and_then(|b| crate::evidence::table::importable_bytes(&name, b));
                let bytes = match read {
                    Ok(b) => Arc::new(b),
                    Err(e) => return Some(Err(e)),
                };
                let p = preview(&name, &bytes, format, &ColumnChoices::new(), progress)?;
                Some(Ok((bytes, p)))
            },
        ));
        self.source = Some(Source {
            path: path.to_path_buf(),
            format,
            bytes: Arc::new(Vec::new()),
        });
    }

    /// Preview again with the meanings chosen now.
    pub fn repreview(&mut self, ctx: Option<egui::Context>) {
        let Some(src) = &self.source else {
            return;
        };
        if let Some(j) = self.job.take() {
            j.cancel();
        }
        let bytes = src.bytes.clone();
        let format = src.format;
        let name = super::dialogs::display_name(&src.path);
        let choices = self.choices.clone();
        self.job = Some(Job::spawn(
            crate::tr!("imp-reading-file", name = name.clone()),
            ctx,
            move |progress| {
                let p = preview(&name, &bytes, format, &choices, progress)?;
                Some(Ok((bytes, p)))
            },
        ));
    }
}

/// File > Import…: choose a file (in the last import folder) and preview it.
pub fn choose(ctx: &egui::Context, state: &mut AppState) {
    let folder = state.settings.import_folder.clone();
    if let Some(path) = state.file_dialogs.open_import(folder.as_deref()) {
        start(ctx, state, &path);
    }
}

/// Preview the import of `path`, remembering its folder.
pub fn start(ctx: &egui::Context, state: &mut AppState, path: &Path) {
    if super::eventlog_dialog::is_xes(path) {
        return super::eventlog_dialog::start(ctx, state, path);
    }
    state.settings.import_folder = path.parent().map(Path::to_path_buf);
    state.persist_settings();
    state.import.start(Some(ctx.clone()), path);
}

/// Files dropped on the window: a journey opens (after the unsaved-changes question),
/// a CSV or Mermaid file starts its import preview.
pub fn dropped_files(ctx: &egui::Context, state: &mut AppState) {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    for f in dropped {
        let path = f.path().to_path_buf();
        if path.as_os_str().is_empty() {
            continue;
        }
        let name = path.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".ron") {
            state.queue(Action::OpenPath(path));
        } else if !super::feedback_dialog::take_dropped(ctx, state, &path) {
            start(ctx, state, &path);
        }
        // One file at a time: the first one wins.
        break;
    }
}

/// Draw the preview dialog (finished previews are collected by [`poll`]).
pub fn show(ctx: &egui::Context, _v: FrameView<'_>, d: &mut ImportDialog, out: &mut Outbox<'_>) {
    if !d.is_open() {
        return;
    }
    let mut open = true;
    let mut asked = Asked::default();
    egui::Window::new(tr("imp-title"))
        .id(egui::Id::unique("touchpoint-import"))
        .open(&mut open)
        .collapsible(false)
        .default_width(680.0)
        .max_height(ctx.content_rect().height() * 0.85)
        .show(ctx, |ui| body(ui, d, &mut asked));
    if !open {
        d.close();
    }
    if asked.cancel {
        d.close();
    }
    if !asked.chosen.is_empty() {
        for (i, k) in asked.chosen {
            d.choices.insert(i, k);
        }
        out.push(Action::Evidence(EvidenceAction::ImportRepreview));
    }
    if let Some(path) = asked.as_log {
        d.close();
        out.push(Action::Evidence(EvidenceAction::StartEventLog(path)));
    }
    if asked.accept {
        let journey = d.preview.as_mut().and_then(|p| p.journey.take());
        d.close();
        if let Some(j) = journey {
            d.accepted = Some(j);
            out.push(Action::Guarded(AfterGuard::Import));
        }
    }
}

/// What the user asked for in the dialog this frame.
#[derive(Default)]
struct Asked {
    accept: bool,
    cancel: bool,
    /// Meanings chosen now, by column.
    chosen: Vec<(usize, String)>,
    /// Open the file as an event log instead.
    as_log: Option<PathBuf>,
}

fn body(ui: &mut egui::Ui, d: &ImportDialog, asked: &mut Asked) {
    if let Some(e) = &d.error {
        ui.colored_label(ui.visuals().error_fg_color, e.as_str());
        return;
    }
    let Some(p) = &d.preview else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr("imp-reading"));
        });
        return;
    };
    let busy = d.job.is_some();
    if let Some(src) = &d.source
        && super::eventlog_dialog::offer(ui, &p.columns)
    {
        asked.as_log = Some(src.path.clone());
    }
    summary(ui, p, busy);
    if !p.columns.is_empty() {
        ui.add_space(6.0);
        ui.strong(tr("imp-columns"));
        columns_grid(ui, p, &mut asked.chosen);
    }
    ui.add_space(6.0);
    problems(ui, p);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let can = p.journey.is_some() && !busy;
        if ui
            .add_enabled(can, egui::Button::new(tr("imp-import")))
            .on_disabled_hover_text(tr("imp-nothing-usable"))
            .clicked()
        {
            asked.accept = true;
        }
        if ui.button(tr("button-cancel")).clicked() {
            asked.cancel = true;
        }
    });
}

/// The file's name and format, the counts and what was assumed.
fn summary(ui: &mut egui::Ui, p: &ImportPreview, busy: bool) {
    ui.horizontal(|ui| {
        ui.strong(p.name.as_str());
        ui.label(format!("({})", p.format));
        if busy {
            ui.spinner();
            ui.weak(tr("imp-updating"));
        }
    });
    ui.label(
        egui::RichText::new(crate::tr!(
            "insp-journey-counts",
            touchpoints = p.count("touchpoints"),
            handoffs = p.count("handoffs"),
            stages = p.count("stages"),
            departments = p.count("departments")
        ))
        .heading(),
    );
    for a in &p.assumptions {
        ui.label(crate::tr!("imp-assumed", what = a.as_str()));
    }
}

/// Each detected column with its meaning, changeable with a dropdown.
fn columns_grid(ui: &mut egui::Ui, p: &ImportPreview, chosen_now: &mut Vec<(usize, String)>) {
    egui::ScrollArea::vertical()
        .id_salt("import-columns")
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("import-columns-grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    ui.weak(tr("imp-header"));
                    ui.weak(tr("imp-first-value"));
                    ui.weak(tr("imp-read-as"));
                    ui.end_row();
                    for c in &p.columns {
                        ui.label(c.header.as_str());
                        ui.weak(c.sample.as_str());
                        let mut chosen = c.meaning.clone();
                        egui::ComboBox::from_id_salt(("import-meaning", c.index))
                            .selected_text(p.meaning_label(&c.meaning))
                            .width(200.0)
                            .show_ui(ui, |ui| {
                                for (k, l) in &p.meanings {
                                    ui.selectable_value(&mut chosen, k.clone(), l);
                                }
                            });
                        if chosen != c.meaning {
                            chosen_now.push((c.index, chosen));
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The lines that could not be read, with their line numbers.
fn problems(ui: &mut egui::Ui, p: &ImportPreview) {
    if p.problems.is_empty() {
        ui.label(tr("imp-all-read"));
        return;
    }
    ui.strong(crate::tr!("imp-lines-not-read", count = p.problems.len()));
    egui::ScrollArea::vertical()
        .id_salt("import-problems")
        .max_height(160.0)
        .show(ui, |ui| {
            for pr in &p.problems {
                let line = pr
                    .line
                    .map_or_else(|| tr("imp-file"), |l| crate::tr!("imp-line", line = l));
                ui.label(format!("{line}: {}", pr.message));
            }
        });
}

/// Collect a finished read or preview; show the progress of the first read.
pub fn poll(ctx: &egui::Context, state: &mut AppState) {
    let d = &mut state.import;
    let Some(job) = &d.job else {
        return;
    };
    match job.poll() {
        Poll::Running => {
            // Show the bar only for the first read (a re-preview keeps the dialog).
            if d.preview.is_none() && super::jobs::progress_window(ctx, job) {
                d.close();
                state.status = tr("imp-cancelled");
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
        }
        Poll::Done(Ok((bytes, p))) => {
            if let Some(src) = &mut d.source {
                src.bytes = bytes;
            }
            d.preview = Some(p);
            d.job = None;
        }
        Poll::Done(Err(e)) => {
            d.job = None;
            d.source = None;
            d.error = Some(e);
        }
        Poll::Stopped => d.job = None,
    }
}
