//! File > Import feedback… (and a CSV or Excel file of survey answers dropped on an open
//! journey): a preview of what the answers do to the map before anything changes. The
//! columns found (touchpoint, score, comment, date, channel, segment, respondent), each
//! changeable; the answers' scale, detected and changeable; merge or replace; the trend
//! period; the rows that matched no card (`file:line` and the value); and every card
//! whose score changes (old mean -> new mean, responses, NPS).
//!
//! Reading runs on a worker (`jobs.rs`) with a progress bar and Cancel, so a million
//! answers never hold up a frame. Accepting applies the answers to the open journey as
//! ONE edit: a single undo restores every score, theme and trend.

use super::AppState;
use super::action::{Action, AppAction, EvidenceAction};
use super::frame::{FrameView, Outbox};
use super::jobs::{Job, Poll};
use crate::edit::Edit;
use crate::evidence::feedback::{
    F_COMMENT, F_DATE, F_SCORE, F_TOUCHPOINT, FIELDS, Feedback, Mode, Options, PeriodKind,
    read_feedback_with,
};
use crate::evidence::scale::Scale;
use crate::evidence::table::{ColumnRef, Columns, Row, TableReader, find_header};
use crate::history::Version;
use crate::i18n::tr;
use crate::model::{Journey, Satisfaction, slugify};
use crate::progress::{Cancelled, Progress};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a field's column is: found by its name, none, or a column the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColumnChoice {
    #[default]
    Auto,
    None,
    Column(usize),
}

/// What the user chose in the dialog.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    /// `None`: detected from the answers.
    pub scale: Option<Scale>,
    pub period: PeriodKind,
    pub mode: Mode,
    /// Per field of [`FIELDS`].
    pub columns: [ColumnChoice; 7],
}

impl Choices {
    fn options(&self) -> Options {
        // A ColumnRef that names no column (empty once normalised, not a number, not
        // letters): the field is left without a column.
        const NO_COLUMN: &str = "\u{1}\u{1}";
        let columns = self
            .columns
            .iter()
            .enumerate()
            .filter_map(|(f, c)| match c {
                ColumnChoice::Auto => None,
                ColumnChoice::None => Some((f, ColumnRef(NO_COLUMN.into()))),
                ColumnChoice::Column(i) => Some((f, ColumnRef((i + 1).to_string()))),
            })
            .collect();
        Options {
            scale: self.scale,
            period: self.period,
            columns,
            rules: Vec::new(),
        }
    }
}

/// What the worker found.
pub struct FeedbackPreview {
    /// The file's name (problems are labelled with it).
    pub name: String,
    /// The header row found, with the column of each field.
    pub header: Option<Columns>,
    /// The first row under the header (a sample of each column).
    pub first: Vec<String>,
    pub feedback: Feedback,
}

/// Why a dropped file is not taken as survey answers.
struct NotAnswers;

type PreviewJob = Job<Result<FeedbackPreview, Result<String, NotAnswers>>>;

/// The feedback import dialog's state.
#[derive(Default)]
pub struct FeedbackDialog {
    path: Option<PathBuf>,
    /// The document the preview is for (another journey opened closes the dialog).
    document: Option<u64>,
    pub choices: Choices,
    /// The preview on screen (also while a new one is being made).
    pub preview: Option<FeedbackPreview>,
    job: Option<PreviewJob>,
    /// An error reading the file.
    pub error: Option<String>,
    /// A dropped file: when its columns do not look like survey answers, it goes to
    /// the journey import instead.
    dropped: bool,
}

impl FeedbackDialog {
    pub fn is_open(&self) -> bool {
        self.path.is_some() || self.error.is_some()
    }

    /// Is a read running?
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// How far the running read is (0..=1).
    pub fn progress(&self) -> Option<f32> {
        self.job.as_ref().map(Job::progress)
    }

    pub fn close(&mut self) {
        if let Some(j) = self.job.take() {
            j.cancel();
        }
        self.path = None;
        self.document = None;
        self.preview = None;
        self.error = None;
        self.dropped = false;
        self.choices = Choices::default();
    }

    /// Read `path` as survey answers for `journey` on a worker.
    pub fn start(
        &mut self,
        ctx: Option<egui::Context>,
        path: &Path,
        journey: &Journey,
        version: Version,
        dropped: bool,
    ) {
        self.close();
        self.path = Some(path.to_path_buf());
        self.document = Some(version.document);
        self.dropped = dropped;
        self.run(ctx, Arc::new(journey.clone()));
    }

    pub fn run(&mut self, ctx: Option<egui::Context>, journey: Arc<Journey>) {
        let Some(path) = self.path.clone() else {
            return;
        };
        if let Some(j) = self.job.take() {
            j.cancel();
        }
        let name = super::dialogs::display_name(&path);
        let choices = self.choices.clone();
        let sniff = self.dropped && self.preview.is_none();
        self.job = Some(Job::spawn(
            crate::tr!("voice-reading-file", name = name.clone()),
            ctx,
            move |progress| preview(&path, &name, &journey, &choices, sniff, progress).ok(),
        ));
    }
}

fn open(path: &Path, name: &str) -> Result<TableReader, String> {
    TableReader::open(path, None)
        .map(|r| r.named(name))
        .map_err(|p| p.to_string())
}

/// The worker: find the header (and, for a dropped file, whether it looks like survey
/// answers for this journey), then read every answer.
fn preview(
    path: &Path,
    name: &str,
    journey: &Journey,
    choices: &Choices,
    sniff: bool,
    progress: &dyn Progress,
) -> Result<Result<FeedbackPreview, Result<String, NotAnswers>>, Cancelled> {
    let options = choices.options();
    let mut reader = match open(path, name) {
        Ok(r) => r,
        Err(_) if sniff => return Ok(Err(Err(NotAnswers))),
        Err(e) => return Ok(Err(Ok(e))),
    };
    let mut problems = Vec::new();
    let header = find_header(&mut reader, &FIELDS, &options.columns, &mut problems).ok();
    let mut row = Row::default();
    let first: Vec<String> = if header.is_some() && reader.next_row(&mut row, &mut problems) {
        row.cells()
            .take(MAX_SAMPLE_CELLS)
            .map(|c| clip(c, 40))
            .collect()
    } else {
        Vec::new()
    };
    if sniff
        && !header
            .as_ref()
            .is_some_and(|h| looks_like_answers(h, &mut reader, journey))
    {
        return Ok(Err(Err(NotAnswers)));
    }
    drop(reader);
    let reader = match open(path, name) {
        Ok(r) => r,
        Err(e) => return Ok(Err(Ok(e))),
    };
    let feedback = read_feedback_with(journey, vec![reader], &options, progress)?;
    Ok(Ok(FeedbackPreview {
        name: name.to_owned(),
        header,
        first,
        feedback,
    }))
}

/// Cells of the first row kept as samples.
const MAX_SAMPLE_CELLS: usize = 200;

/// Rows looked at to tell survey answers from a journey table.
const SNIFF_ROWS: usize = 500;

/// Survey answers name the journey's cards (by id or name) in most rows, and either
/// carry comments or dates or name a card more than once (a journey table has one row
/// per card).
fn looks_like_answers(header: &Columns, reader: &mut TableReader, journey: &Journey) -> bool {
    let Some(c_tp) = header.of(F_TOUCHPOINT) else {
        return false;
    };
    if header.of(F_SCORE).is_none() {
        return false;
    }
    let mut keys: HashSet<String> = HashSet::new();
    for t in journey.touchpoints() {
        keys.insert(t.id.0.to_lowercase());
        keys.insert(t.name.trim().to_lowercase());
    }
    let mut row = Row::default();
    let mut problems = Vec::new();
    let (mut rows, mut matched) = (0usize, 0usize);
    let mut seen: HashSet<String> = HashSet::new();
    while rows < SNIFF_ROWS && reader.next_row(&mut row, &mut problems) {
        rows += 1;
        let cell = row.cell(c_tp).trim().to_lowercase();
        if keys.contains(&cell) || keys.contains(&slugify(&cell, "")) {
            matched += 1;
        }
        seen.insert(cell);
    }
    let extra = header.of(F_COMMENT).is_some() || header.of(F_DATE).is_some();
    rows > 0 && matched * 2 >= rows && (extra || seen.len() < rows)
}

/// File > Import feedback…: choose a file (in the last import folder) and preview it.
pub fn choose(ctx: &egui::Context, state: &mut AppState) {
    let folder = state.settings.import_folder.clone();
    if let Some(path) = state.file_dialogs.open_import(folder.as_deref()) {
        start(ctx, state, &path, false);
    }
}

/// Preview survey answers in `path` for the open journey, remembering its folder.
pub fn start(ctx: &egui::Context, state: &mut AppState, path: &Path, dropped: bool) {
    state.settings.import_folder = path.parent().map(Path::to_path_buf);
    state.persist_settings();
    let version = state.doc.version();
    state.feedback.start(
        Some(ctx.clone()),
        path,
        state.doc.journey(),
        version,
        dropped,
    );
}

/// A dropped CSV or Excel file on a journey with cards: tried as survey answers first
/// (the worker decides; it falls back to the journey import). Returns whether it took it.
pub fn take_dropped(ctx: &egui::Context, state: &mut AppState, path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let table = [".csv", ".tsv", ".txt", ".xlsx", ".xlsm"]
        .iter()
        .any(|e| name.ends_with(e));
    if !table || state.doc.journey().touchpoint_count() == 0 {
        return false;
    }
    start(ctx, state, path, true);
    true
}

/// One card whose score the answers change.
struct Changed {
    name: String,
    old: Option<f64>,
    new: Option<f64>,
    responses: u64,
    nps: Option<f64>,
}

/// The cards whose scores change, the biggest change first (then by name).
fn changed_cards(p: &FeedbackPreview, journey: &Journey, mode: Mode) -> Vec<Changed> {
    let mut out: Vec<Changed> = p
        .feedback
        .touchpoints
        .iter()
        .filter(|f| f.responses > 0)
        .filter_map(|f| {
            let tp = journey.touchpoint(&f.id)?;
            let new = f.merged_onto(mode, tp.satisfaction.as_ref());
            Some(Changed {
                name: crate::scene::clean_text(&tp.name),
                old: tp.mean_score(),
                new: new.mean(),
                responses: new.responses(),
                nps: match &new {
                    Satisfaction::Histogram(h) => nps_of(h),
                    Satisfaction::Summary { .. } => None,
                },
            })
        })
        .collect();
    let change = |c: &Changed| match (c.old, c.new) {
        (Some(a), Some(b)) if (b - a).is_finite() => (b - a).abs(),
        _ => f64::INFINITY,
    };
    out.sort_by(|a, b| {
        change(b)
            .total_cmp(&change(a))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// Net promoter score of a 0-10 histogram (promoters 9-10 minus detractors 0-6, in %).
pub fn nps_of(h: &[u32; 11]) -> Option<f64> {
    let n: u64 = h.iter().map(|&c| u64::from(c)).sum();
    if n == 0 {
        return None;
    }
    let sum = |r: std::ops::Range<usize>| -> u64 {
        h.get(r)
            .map_or(0, |s| s.iter().map(|&c| u64::from(c)).sum())
    };
    Some((sum(9..11) as f64 - sum(0..7) as f64) / n as f64 * 100.0)
}

fn field_label(f: usize) -> String {
    tr(match f {
        0 => "voice-field-touchpoint",
        1 => "voice-field-score",
        2 => "voice-field-comment",
        3 => "voice-field-date",
        4 => "voice-field-channel",
        5 => "voice-field-segment",
        _ => "voice-field-respondent",
    })
}

fn scale_label(s: Scale) -> String {
    tr(match s {
        Scale::ZeroToTen => "voice-scale-0-10",
        Scale::OneToFive => "voice-scale-1-5",
        Scale::OneToSeven => "voice-scale-1-7",
        Scale::Stars => "voice-scale-stars",
    })
}

fn period_label(p: PeriodKind) -> String {
    tr(match p {
        PeriodKind::Week => "voice-period-week",
        PeriodKind::Month => "voice-period-month",
        PeriodKind::Quarter => "voice-period-quarter",
    })
}

fn mean_text(m: Option<f64>) -> String {
    m.map_or_else(|| "-".to_owned(), crate::i18n::format::score)
}

/// What the user asked for in the dialog this frame.
#[derive(Default)]
struct Asked {
    accept: bool,
    cancel: bool,
}

/// Draw the dialog (finished previews are collected by [`poll`]).
pub fn show(ctx: &egui::Context, v: FrameView<'_>, d: &mut FeedbackDialog, out: &mut Outbox<'_>) {
    if !d.is_open() {
        return;
    }
    let mut open = true;
    let mut asked = Asked::default();
    let before = d.choices.clone();
    egui::Window::new(tr("voice-title"))
        .id(egui::Id::unique("touchpoint-feedback-import"))
        .open(&mut open)
        .collapsible(false)
        .default_width(720.0)
        .max_height(ctx.content_rect().height() * 0.85)
        .show(ctx, |ui| body(ui, v.journey(), d, &mut asked));
    if !open || asked.cancel {
        if d.busy() {
            out.push(Action::App(AppAction::Status(tr("voice-cancelled"))));
        }
        d.close();
        return;
    }
    if asked.accept {
        apply(v, d, out);
        return;
    }
    let now = &d.choices;
    // Merge / replace needs no new reading: the preview shows both.
    let reread =
        now.scale != before.scale || now.period != before.period || now.columns != before.columns;
    if reread {
        out.push(Action::Evidence(EvidenceAction::FeedbackReread));
    }
}

fn body(ui: &mut egui::Ui, journey: &Journey, d: &mut FeedbackDialog, asked: &mut Asked) {
    if let Some(e) = &d.error {
        ui.colored_label(ui.visuals().error_fg_color, e.as_str());
        return;
    }
    if let Some(job) = &d.job {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(job.label.as_str());
        });
        ui.add(
            egui::ProgressBar::new(job.progress())
                .desired_width(360.0)
                .show_percentage(),
        );
    }
    let Some(p) = &d.preview else {
        if ui.button(tr("button-cancel")).clicked() {
            asked.cancel = true;
        }
        return;
    };
    ui.strong(p.name.as_str());
    let f = &p.feedback;
    ui.label(
        egui::RichText::new(crate::tr!(
            "voice-summary",
            rows = f.rows,
            matched = f.matched,
            unmatched = f.unmatched.len(),
            cards = f.touchpoints.iter().filter(|t| t.responses > 0).count()
        ))
        .heading(),
    );
    settings(
        ui,
        &mut d.choices,
        p.feedback.scales.first().map(|s| s.scale),
    );
    columns_grid(ui, &mut d.choices, p);
    let changed = changed_cards(p, journey, d.choices.mode);
    changed_grid(ui, &changed);
    problems_list(ui, p);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let can = !changed.is_empty() && d.job.is_none();
        if ui
            .add_enabled(can, egui::Button::new(tr("voice-apply")))
            .on_disabled_hover_text(tr("voice-nothing-to-apply"))
            .clicked()
        {
            asked.accept = true;
        }
        if ui.button(tr("button-cancel")).clicked() {
            asked.cancel = true;
        }
    });
}

/// Read the answers again with the choices made now (an
/// [`EvidenceAction::FeedbackReread`]).
pub fn reread(ctx: &egui::Context, state: &mut AppState) {
    let journey = Arc::new(state.doc.journey().clone());
    state.feedback.run(Some(ctx.clone()), journey);
}

/// Scale, period and merge / replace.
fn settings(ui: &mut egui::Ui, choices: &mut Choices, detected: Option<Scale>) {
    egui::Grid::new("feedback-settings")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(tr("voice-scale"));
            let shown = match (choices.scale, detected) {
                (Some(s), _) => scale_label(s),
                (None, Some(s)) => crate::tr!("voice-scale-detected", scale = scale_label(s)),
                (None, None) => tr("voice-scale-auto"),
            };
            egui::ComboBox::from_id_salt("feedback-scale")
                .selected_text(shown)
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut choices.scale, None, tr("voice-scale-auto"));
                    for s in Scale::ALL {
                        ui.selectable_value(&mut choices.scale, Some(s), scale_label(s));
                    }
                });
            ui.end_row();
            ui.label(tr("voice-period"));
            ui.horizontal(|ui| {
                for k in [PeriodKind::Week, PeriodKind::Month, PeriodKind::Quarter] {
                    ui.radio_value(&mut choices.period, k, period_label(k));
                }
            });
            ui.end_row();
            ui.label(tr("voice-scores"));
            ui.horizontal(|ui| {
                ui.radio_value(&mut choices.mode, Mode::Replace, tr("voice-replace"))
                    .on_hover_text(tr("voice-replace-hint"));
                ui.radio_value(&mut choices.mode, Mode::Merge, tr("voice-merge"))
                    .on_hover_text(tr("voice-merge-hint"));
            });
            ui.end_row();
        });
}

/// Each field with its column, in a dropdown.
fn columns_grid(ui: &mut egui::Ui, choices: &mut Choices, p: &FeedbackPreview) {
    ui.add_space(6.0);
    ui.strong(tr("voice-columns"));
    let Some(h) = &p.header else {
        ui.label(tr("voice-no-header"));
        if choices.columns != [ColumnChoice::Auto; 7]
            && ui.button(tr("voice-columns-reset")).clicked()
        {
            choices.columns = [ColumnChoice::Auto; 7];
        }
        return;
    };
    let column_name = |i: usize| -> String {
        let n = h.names.get(i).map_or("", String::as_str);
        let n = crate::scene::clean_text(n);
        if n.is_empty() {
            crate::tr!("voice-column-n", n = i + 1)
        } else {
            n
        }
    };
    egui::Grid::new("feedback-columns")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for f in 0..FIELDS.len() {
                ui.label(field_label(f));
                let shown = match h.of(f) {
                    Some(i) => column_name(i),
                    None => tr("voice-column-none"),
                };
                let Some(slot) = choices.columns.get_mut(f) else {
                    continue;
                };
                let mut chosen = *slot;
                egui::ComboBox::from_id_salt(("feedback-column", f))
                    .selected_text(shown)
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut chosen,
                            ColumnChoice::None,
                            tr("voice-column-none"),
                        );
                        for i in 0..h.names.len().min(200) {
                            ui.selectable_value(
                                &mut chosen,
                                ColumnChoice::Column(i),
                                column_name(i),
                            );
                        }
                    });
                if chosen != *slot {
                    *slot = chosen;
                }
                let sample = h
                    .of(f)
                    .and_then(|i| p.first.get(i))
                    .map(|v| crate::scene::clean_text(v))
                    .unwrap_or_default();
                ui.weak(sample);
                ui.end_row();
            }
        });
}

/// The cards whose scores change: name, old -> new mean, responses, NPS.
fn changed_grid(ui: &mut egui::Ui, changed: &[Changed]) {
    ui.add_space(6.0);
    ui.strong(crate::tr!("voice-cards-changing", count = changed.len()));
    if changed.is_empty() {
        return;
    }
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let widths = [240.0, 80.0, 80.0, 90.0, 60.0];
    let cell = |ui: &mut egui::Ui, w: f32, text: String, weak: bool| {
        ui.add_sized([w, row_h], |ui: &mut egui::Ui| {
            let t = if weak {
                egui::RichText::new(text).weak()
            } else {
                egui::RichText::new(text)
            };
            ui.add(egui::Label::new(t).truncate())
        });
    };
    ui.horizontal(|ui| {
        for (w, id) in widths.iter().zip([
            "voice-col-card",
            "voice-col-mean-now",
            "voice-col-mean-after",
            "voice-col-responses",
            "voice-col-nps",
        ]) {
            cell(ui, *w, tr(id), true);
        }
    })
    .response
    .on_hover_text(tr("voice-nps-hint"));
    egui::ScrollArea::vertical()
        .id_salt("feedback-changed")
        .max_height(220.0)
        .show_rows(ui, row_h, changed.len(), |ui, range| {
            for c in changed.get(range).unwrap_or_default() {
                ui.horizontal(|ui| {
                    let nps = c.nps.map_or_else(|| "-".to_owned(), |n| format!("{n:+.0}"));
                    let texts = [
                        c.name.clone(),
                        mean_text(c.old),
                        mean_text(c.new),
                        crate::i18n::format::count(c.responses),
                        nps,
                    ];
                    for (w, t) in widths.iter().zip(texts) {
                        cell(ui, *w, t, false);
                    }
                });
            }
        });
}

/// Rows that matched no card (file:line and the value), then the other problems.
fn problems_list(ui: &mut egui::Ui, p: &FeedbackPreview) {
    let f = &p.feedback;
    ui.add_space(6.0);
    if f.unmatched.is_empty() {
        ui.label(tr("voice-all-matched"));
    } else {
        ui.strong(crate::tr!("voice-unmatched", count = f.unmatched.len()));
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 2.0;
        egui::ScrollArea::vertical()
            .id_salt("feedback-unmatched")
            .max_height(120.0)
            .show_rows(ui, row_h, f.unmatched.len(), |ui, range| {
                for u in f.unmatched.get(range).unwrap_or_default() {
                    let value = crate::scene::clean_text(&u.touchpoint);
                    let value = if value.is_empty() {
                        tr("voice-no-touchpoint")
                    } else {
                        format!("\u{201c}{}\u{201d}", clip(&value, 80))
                    };
                    ui.label(format!("{}:{}: {value}", u.file, u.line));
                }
            });
    }
    if !f.problems.is_empty() {
        ui.strong(crate::tr!(
            "voice-problems",
            count = f.problems.len() + f.more_problems
        ));
        egui::ScrollArea::vertical()
            .id_salt("feedback-problems")
            .max_height(120.0)
            .show(ui, |ui| {
                for pr in &f.problems {
                    ui.label(crate::scene::clean_text(&pr.to_string()));
                }
            });
    }
}

/// `text` cut to `max` characters with an ellipsis.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or_default().trim_end()),
        None => text.to_owned(),
    }
}

/// Apply the previewed answers to the open journey as one undoable edit.
fn apply(v: FrameView<'_>, d: &mut FeedbackDialog, out: &mut Outbox<'_>) {
    let mode = d.choices.mode;
    let edits: Vec<Edit> = d
        .preview
        .as_ref()
        .map(|p| p.feedback.updated_touchpoints(v.journey(), mode))
        .unwrap_or_default()
        .into_iter()
        .map(|t| Edit::UpdateTouchpoint(Box::new(t)))
        .collect();
    let n = edits.len();
    let name = d
        .preview
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_default();
    d.close();
    if n == 0 {
        out.push(Action::App(AppAction::Status(tr("voice-nothing-to-apply"))));
        return;
    }
    // Applied at the end of the frame; its label is the status line and the undo step.
    out.edit(
        crate::tr!("voice-edit-label", count = n, name = name),
        Edit::Batch(edits),
        None,
    );
}

/// Follow the document (another journey closes the preview); collect a finished
/// preview. Called by the app's frame.
pub fn poll(ctx: &egui::Context, state: &mut AppState) {
    // Another journey opened (or a new one): this preview was for the last one.
    if state
        .feedback
        .document
        .is_some_and(|d| d != state.doc.version().document)
    {
        state.feedback.close();
    }
    let d = &mut state.feedback;
    let Some(job) = &d.job else {
        return;
    };
    match job.poll() {
        Poll::Running => {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        Poll::Done(Ok(p)) => {
            d.preview = Some(p);
            d.job = None;
            d.dropped = false;
        }
        Poll::Done(Err(Ok(e))) => {
            d.job = None;
            d.path = None;
            d.error = Some(e);
        }
        Poll::Done(Err(Err(NotAnswers))) => {
            // Not survey answers: the journey import takes the file.
            let path = d.path.clone();
            d.close();
            if let Some(path) = path {
                super::import_dialog::start(ctx, state, &path);
            }
        }
        Poll::Stopped => d.job = None,
    }
}
