//! File > Import event log… (and an `.xes` / `.xes.gz` file dropped on the window, or a
//! CSV whose columns look like an event log, from the import preview): the journey
//! mined from a log, previewed before anything is created (issue 17). The columns found
//! (case, activity, timestamp, start, department, resource, ...), each changeable with a
//! dropdown; the rows that could not be read (`file:line: reason`, the first ones and a
//! count); `--min-share` as a slider; the map to be built (cases, events, activities,
//! handoffs, stages, and a short list). Reading and mining run on a worker (`jobs.rs`)
//! with a progress bar and Cancel; accepting opens the journey as a new unsaved
//! document the way File > Import… does (after the unsaved-changes question).

use super::AppState;
use super::action::{Action, AfterGuard, EvidenceAction};
use super::frame::{FrameView, Outbox};
use super::jobs::{Job, Poll};
use crate::evidence::eventlog::build::{self, BuildOptions, Built};
use crate::evidence::eventlog::columns::{self, Role};
use crate::evidence::eventlog::{self, LogFormat, LogRead, ReadOptions};
use crate::i18n::format as f;
use crate::i18n::tr;
use crate::model::Journey;
use crate::progress::Progress;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The default `--min-share` of `touchpoint mine`.
pub const DEFAULT_MIN_SHARE: f64 = 0.01;

/// Is this an XES log (`.xes`, `.xes.gz`)?
pub fn is_xes(path: &Path) -> bool {
    LogFormat::from_path(path) == LogFormat::Xes
}

/// One column of a CSV log: its header, first value and what it is read as.
#[derive(Clone, Debug, PartialEq)]
pub struct LogColumn {
    pub header: String,
    pub sample: String,
    pub role: Option<Role>,
}

/// What the preview shows.
#[derive(Clone, Debug)]
pub struct LogPreview {
    /// The file's name.
    pub name: String,
    pub format: LogFormat,
    /// CSV: every column (XES: empty, the attribute keys are fixed).
    pub columns: Vec<LogColumn>,
    /// Why nothing could be mined as the columns are (no case column, ...).
    pub error: Option<String>,
    /// The mined log (shared with the re-builds of another `min_share`).
    pub read: Option<Arc<LogRead>>,
    /// The journey for `min_share`.
    pub built: Option<Built>,
    pub min_share: f64,
}

type LogJob = Job<Result<LogPreview, String>>;

/// The dialog's state.
pub struct EventLogDialog {
    path: Option<PathBuf>,
    /// Columns named by the user: (role, header); an empty header = no column.
    pub choices: Vec<(Role, String)>,
    /// `--min-share` (0..=1).
    pub min_share: f64,
    pub preview: Option<LogPreview>,
    job: Option<LogJob>,
    /// Why the file could not be read at all.
    pub error: Option<String>,
    /// The journey accepted with Open, handed to the import at the end of the frame.
    accepted: Option<Journey>,
}

impl Default for EventLogDialog {
    fn default() -> Self {
        EventLogDialog {
            path: None,
            choices: Vec::new(),
            min_share: DEFAULT_MIN_SHARE,
            preview: None,
            job: None,
            error: None,
            accepted: None,
        }
    }
}

/// Read and mine `path` with the chosen columns (activities counted under `key_fn`'s
/// names when given), reporting the share of bytes read; `cancel` is set when the job
/// was cancelled (the read stops).
pub fn mine(
    path: &Path,
    choices: &[(Role, String)],
    key_fn: Option<eventlog::KeyFn>,
    progress: &dyn Progress,
    cancel: &Arc<AtomicBool>,
) -> Result<LogRead, String> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let total = file.metadata().map_or(0, |m| m.len()).max(1);
    let counting = Counting {
        inner: file,
        read: 0,
        next: 0,
        total,
        progress,
        cancel,
    };
    let opts = ReadOptions {
        columns: choices.to_vec(),
        cancel: Some(cancel.clone()),
        ..ReadOptions::default()
    };
    let read = match LogFormat::from_path(path) {
        LogFormat::Csv => eventlog::mine_csv(&name, counting, &opts, key_fn),
        LogFormat::Xes => {
            let gz = name.to_ascii_lowercase().ends_with(".gz");
            eventlog::mine_xes(&name, std::io::BufReader::new(counting), gz, &opts, key_fn)
        }
    };
    read.map_err(|e| e.to_string())
}

/// A reader that reports how far through the file it is, and stops the read when the
/// job is cancelled.
struct Counting<'a> {
    inner: std::fs::File,
    read: u64,
    next: u64,
    total: u64,
    progress: &'a dyn Progress,
    cancel: &'a Arc<AtomicBool>,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read >= self.next {
            self.next = self.read + (1 << 18);
            let done = (self.read as f64 / self.total as f64).min(1.0) as f32 * 0.95;
            if !self.progress.update(done) {
                self.cancel.store(true, Ordering::Relaxed);
            }
        }
        Ok(n)
    }
}

/// The header and first row of a CSV log, and the roles its columns get.
fn csv_columns(path: &Path, choices: &[(Role, String)]) -> (Vec<LogColumn>, Option<String>) {
    let mut head = Vec::new();
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(64 * 1024).read_to_end(&mut head);
    }
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let delimiter = [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| first_line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(head.as_slice());
    let headers: Vec<String> = rdr
        .headers()
        .map(|h| {
            h.iter()
                .map(|s| s.trim_start_matches('\u{feff}').to_owned())
                .collect()
        })
        .unwrap_or_default();
    let first: Vec<String> = rdr
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|s| s.chars().take(40).collect()).collect())
        .unwrap_or_default();
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let (found, error) = match columns::detect(&refs, choices) {
        Ok(c) => (c.found, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let cols = headers
        .iter()
        .enumerate()
        .map(|(i, h)| LogColumn {
            header: h.clone(),
            sample: first.get(i).cloned().unwrap_or_default(),
            role: found.iter().find(|(_, c)| *c == i).map(|(r, _)| *r),
        })
        .collect();
    (cols, error)
}

fn build_for(read: &LogRead, min_share: f64) -> Built {
    build::journey(
        &read.mined,
        &BuildOptions {
            min_share,
            ..BuildOptions::default()
        },
    )
}

impl EventLogDialog {
    pub fn is_open(&self) -> bool {
        self.path.is_some() || self.error.is_some()
    }

    /// Is a read or a build running?
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    pub fn close(&mut self) {
        if let Some(j) = self.job.take() {
            j.cancel();
        }
        self.path = None;
        self.preview = None;
        self.error = None;
        self.choices.clear();
        self.min_share = DEFAULT_MIN_SHARE;
    }

    /// Hand the journey accepted with Open to the import (opened after the
    /// unsaved-changes question).
    pub fn hand_over(state: &mut AppState) {
        if let Some(j) = state.evlog.accepted.take() {
            state.import.set_accepted(j);
            state.queue(Action::Guarded(AfterGuard::Import));
        }
    }

    /// Start previewing the log at `path` (columns found by name).
    pub fn start(&mut self, ctx: Option<egui::Context>, path: &Path) {
        self.close();
        self.path = Some(path.to_path_buf());
        self.mine(ctx);
    }

    /// Read and mine again with the columns chosen now.
    pub fn mine(&mut self, ctx: Option<egui::Context>) {
        let Some(path) = self.path.clone() else {
            return;
        };
        if let Some(j) = self.job.take() {
            j.cancel();
        }
        let choices = self.choices.clone();
        let min_share = self.min_share;
        let name = super::dialogs::display_name(&path);
        self.job = Some(Job::spawn(
            crate::tr!("evlog-reading", name = name.clone()),
            ctx,
            move |progress| {
                let format = LogFormat::from_path(&path);
                let (columns, error) = match format {
                    LogFormat::Csv => csv_columns(&path, &choices),
                    LogFormat::Xes => (Vec::new(), None),
                };
                let mut preview = LogPreview {
                    name,
                    format,
                    columns,
                    error,
                    read: None,
                    built: None,
                    min_share,
                };
                if preview.error.is_none() {
                    let cancel = Arc::new(AtomicBool::new(false));
                    match mine(&path, &choices, None, progress, &cancel) {
                        _ if cancel.load(Ordering::Relaxed) => return None,
                        Ok(read) => {
                            preview.built = Some(build_for(&read, min_share));
                            preview.read = Some(Arc::new(read));
                        }
                        Err(e) => preview.error = Some(e),
                    }
                }
                progress.update(1.0);
                Some(Ok(preview))
            },
        ));
    }

    /// Build the journey again for another `min_share` (the log is not read again).
    pub fn rebuild(&mut self, ctx: Option<egui::Context>) {
        let Some(p) = &self.preview else {
            return;
        };
        let Some(read) = p.read.clone() else {
            return;
        };
        if let Some(j) = self.job.take() {
            j.cancel();
        }
        let mut next = p.clone();
        let min_share = self.min_share;
        self.job = Some(Job::spawn(
            crate::tr!("evlog-reading", name = p.name.clone()),
            ctx,
            move |_| {
                next.built = Some(build_for(&read, min_share));
                next.min_share = min_share;
                Some(Ok(next))
            },
        ));
    }

    /// Give `role` the column `header` (empty: no column), keeping the other choices
    /// and the columns found; a column serves one role.
    fn choose_column(&mut self, index: usize, role: Option<Role>) {
        let Some(p) = &self.preview else {
            return;
        };
        let Some(col) = p.columns.get(index) else {
            return;
        };
        let header = col.header.clone();
        let before = col.role;
        // What is read now becomes explicit, so that a change elsewhere keeps it.
        let mut choices: Vec<(Role, String)> = p
            .columns
            .iter()
            .filter_map(|c| c.role.map(|r| (r, c.header.clone())))
            .filter(|(r, _)| Some(*r) != before && Some(*r) != role)
            .collect();
        for (r, h) in &self.choices {
            if h.is_empty() && !choices.iter().any(|(x, _)| x == r) && Some(*r) != role {
                choices.push((*r, String::new()));
            }
        }
        if let Some(b) = before {
            choices.push((b, String::new()));
        }
        if let Some(r) = role {
            choices.retain(|(x, _)| *x != r);
            choices.push((r, header));
        }
        self.choices = choices;
    }
}

/// File > Import event log…: choose a log (in the last import folder) and preview it.
pub fn choose(ctx: &egui::Context, state: &mut AppState) {
    let folder = state.settings.import_folder.clone();
    if let Some(path) = state.file_dialogs.open_log(folder.as_deref()) {
        start(ctx, state, &path);
    }
}

/// Preview the journey mined from the log at `path`, remembering its folder.
pub fn start(ctx: &egui::Context, state: &mut AppState, path: &Path) {
    state.settings.import_folder = path.parent().map(Path::to_path_buf);
    state.persist_settings();
    state.evlog.start(Some(ctx.clone()), path);
}

/// In the import preview of a CSV: when its columns look like an event log (a case,
/// an activity and a timestamp column), offer to mine it. Returns whether it was taken.
pub fn offer(ui: &mut egui::Ui, columns: &[crate::import::preview::PreviewColumn]) -> bool {
    let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
    if headers.is_empty() || columns::detect(&headers, &[]).is_err() {
        return false;
    }
    let mut go = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("evlog-looks-like-log"));
        go = ui.button(tr("evlog-mine-instead")).clicked();
    });
    go
}

/// The name of a role in the current language.
pub fn role_label(role: Option<Role>) -> String {
    tr(match role {
        None => "evlog-role-none",
        Some(Role::Case) => "evlog-role-case",
        Some(Role::Activity) => "evlog-role-activity",
        Some(Role::Timestamp) => "evlog-role-timestamp",
        Some(Role::Start) => "evlog-role-start",
        Some(Role::Lifecycle) => "evlog-role-lifecycle",
        Some(Role::Department) => "evlog-role-department",
        Some(Role::Resource) => "evlog-role-resource",
        Some(Role::Channel) => "evlog-role-channel",
        Some(Role::Layer) => "evlog-role-layer",
        Some(Role::Customer) => "evlog-role-customer",
        Some(Role::Visible) => "evlog-role-visible",
        Some(Role::Cost) => "evlog-role-cost",
    })
}

/// The XES attribute each role is read from.
const XES_KEYS: [(Role, &str); 7] = [
    (Role::Case, "concept:name (trace)"),
    (Role::Activity, "concept:name"),
    (Role::Timestamp, "time:timestamp"),
    (Role::Start, "start_timestamp"),
    (Role::Lifecycle, "lifecycle:transition"),
    (Role::Department, "org:group"),
    (Role::Resource, "org:resource"),
];

/// What the user did in the dialog this frame.
#[derive(Default)]
struct Asked {
    accept: bool,
    cancel: bool,
    stop: bool,
    column: Option<(usize, Option<Role>)>,
    min_share: Option<f64>,
}

/// Draw the dialog (finished work is collected by [`poll`]).
pub fn show(ctx: &egui::Context, _v: FrameView<'_>, d: &mut EventLogDialog, out: &mut Outbox<'_>) {
    if !d.is_open() {
        return;
    }
    let mut open = true;
    let mut asked = Asked::default();
    egui::Window::new(tr("evlog-title"))
        .id(egui::Id::unique("touchpoint-eventlog"))
        .open(&mut open)
        .collapsible(false)
        .default_width(720.0)
        .max_height(ctx.content_rect().height() * 0.88)
        .show(ctx, |ui| {
            if let Some(e) = &d.error {
                ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                return;
            }
            let Some(p) = &d.preview else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr("evlog-reading-log"));
                });
                return;
            };
            // The buttons stay in view below the scrolled body. The body's height is
            // its own (at most what leaves room for the title and the buttons), not
            // what the window happens to offer: a window that grew from the spinner
            // would otherwise be filled by the body and clip the buttons, and egui
            // grows a window only by what was cut, one repainted frame at a time.
            let body_height = (ctx.content_rect().height() * 0.88 - 120.0).max(160.0);
            egui::ScrollArea::vertical()
                .id_salt("evlog-body")
                .max_height(body_height)
                .min_scrolled_height(body_height)
                .show(ui, |ui| body(ui, d, p, &mut asked));
            ui.separator();
            footer(ui, d, p, &mut asked);
            // The window grew this frame (its content was cut): draw it once more now
            // rather than when the pointer next moves.
            if ui.min_rect().bottom() > ui.clip_rect().bottom() + 0.5 {
                ui.ctx().request_repaint();
            }
        });
    if !open || asked.cancel {
        d.close();
        return;
    }
    if asked.stop
        && let Some(j) = d.job.take()
    {
        j.cancel();
    }
    if let Some((i, role)) = asked.column {
        d.choose_column(i, role);
        out.push(Action::Evidence(EvidenceAction::EventLogMine));
    }
    if let Some(m) = asked.min_share {
        d.min_share = m;
        out.push(Action::Evidence(EvidenceAction::EventLogRebuild));
    }
    if asked.accept {
        let journey = d
            .preview
            .as_ref()
            .and_then(|p| p.built.as_ref())
            .map(|b| b.journey.clone());
        d.close();
        if let Some(j) = journey {
            d.accepted = Some(j);
            out.push(Action::Evidence(EvidenceAction::EventLogAccepted));
        }
    }
}

fn body(ui: &mut egui::Ui, d: &EventLogDialog, p: &LogPreview, asked: &mut Asked) {
    ui.horizontal(|ui| {
        ui.strong(p.name.as_str());
        ui.label(match p.format {
            LogFormat::Csv => "(CSV)",
            LogFormat::Xes => "(XES)",
        });
    });
    if let Some(job) = &d.job {
        ui.horizontal(|ui| {
            ui.add(
                egui::ProgressBar::new(job.progress())
                    .desired_width(260.0)
                    .show_percentage(),
            );
            ui.weak(tr("evlog-updating"));
            if ui.button(tr("evlog-stop")).clicked() {
                asked.stop = true;
            }
        });
    }
    let built = p.built.as_ref();
    match (&p.error, &p.read, built) {
        (Some(e), _, _) => {
            ui.colored_label(ui.visuals().error_fg_color, e.as_str());
        }
        (None, Some(read), Some(b)) => summary(ui, read, b),
        _ => {}
    }
    columns_grid(ui, p, asked);
    ui.add_space(6.0);
    let mut pct = d.min_share * 100.0;
    ui.horizontal(|ui| {
        ui.label(tr("evlog-min-share"));
        let r = ui.add(
            egui::Slider::new(&mut pct, 0.0..=20.0)
                .suffix(" %")
                .fixed_decimals(1)
                .step_by(0.1),
        );
        if r.changed() {
            asked.min_share = Some((pct / 100.0).clamp(0.0, 1.0));
        }
    });
    if let Some(b) = built {
        ui.weak(crate::tr!(
            "evlog-dropped",
            count = b.dropped_handoffs,
            share = f::share(p.min_share)
        ));
        ui.add_space(6.0);
        map_list(ui, b);
    }
    if let Some(read) = &p.read {
        ui.add_space(6.0);
        problems(ui, read);
    }
}

fn footer(ui: &mut egui::Ui, d: &EventLogDialog, p: &LogPreview, asked: &mut Asked) {
    let built = p.built.as_ref();
    ui.horizontal(|ui| {
        let can = built.is_some_and(|b| b.journey.touchpoint_count() > 0) && d.job.is_none();
        if ui
            .add_enabled(can, egui::Button::new(tr("evlog-open")))
            .on_disabled_hover_text(tr("evlog-nothing-yet"))
            .clicked()
        {
            asked.accept = true;
        }
        if ui.button(tr("button-cancel")).clicked() {
            asked.cancel = true;
        }
    });
}

fn summary(ui: &mut egui::Ui, read: &LogRead, b: &Built) {
    let m = &read.mined;
    ui.label(
        egui::RichText::new(crate::tr!(
            "evlog-summary",
            cases = m.cases,
            events = m.events,
            activities = b.journey.touchpoint_count(),
            handoffs = b.journey.handoff_count(),
            stages = b.journey.stages().len()
        ))
        .heading(),
    );
    if let Some(period) = build::period_of(m) {
        ui.label(crate::tr!(
            "evlog-period",
            from = f::date_text(&period.from),
            to = f::date_text(&period.to)
        ));
    }
    if let Some(e) = m.elapsed_hours_median {
        ui.label(crate::tr!("evlog-elapsed", hours = f::hours(e)));
    }
}

fn columns_grid(ui: &mut egui::Ui, p: &LogPreview, asked: &mut Asked) {
    ui.add_space(6.0);
    ui.strong(tr("evlog-columns"));
    if p.format == LogFormat::Xes {
        egui::Grid::new("evlog-xes-keys")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                ui.weak(tr("evlog-read-as"));
                ui.weak(tr("evlog-xes-attribute"));
                ui.end_row();
                for (role, key) in XES_KEYS {
                    ui.label(role_label(Some(role)));
                    ui.monospace(key);
                    ui.end_row();
                }
            });
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("evlog-columns")
        .max_height(220.0)
        .show(ui, |ui| {
            egui::Grid::new("evlog-columns-grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    ui.weak(tr("evlog-header"));
                    ui.weak(tr("evlog-first-value"));
                    ui.weak(tr("evlog-read-as"));
                    ui.end_row();
                    for (i, c) in p.columns.iter().enumerate() {
                        ui.label(c.header.as_str());
                        ui.weak(c.sample.as_str());
                        let mut chosen = c.role;
                        egui::ComboBox::from_id_salt(("evlog-role", i))
                            .selected_text(role_label(c.role))
                            .width(180.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut chosen, None, role_label(None));
                                for r in Role::ALL {
                                    ui.selectable_value(&mut chosen, Some(r), role_label(Some(r)));
                                }
                            });
                        if chosen != c.role {
                            asked.column = Some((i, chosen));
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The map to be built: its stages with their touchpoints, and the busiest handoffs.
fn map_list(ui: &mut egui::Ui, b: &Built) {
    let j = &b.journey;
    ui.strong(tr("evlog-map"));
    for s in j.stages() {
        let names: Vec<&str> = j
            .touchpoints()
            .filter(|t| t.stage.as_ref() == Some(&s.id))
            .map(|t| t.name.as_str())
            .collect();
        let shown = names.iter().take(6).copied().collect::<Vec<_>>().join(", ");
        let more = if names.len() > 6 {
            crate::tr!("evlog-more", count = names.len() - 6)
        } else {
            String::new()
        };
        ui.label(crate::tr!(
            "evlog-stage-line",
            stage = s.name.as_str(),
            touchpoints = format!("{shown}{more}")
        ));
    }
    let mut handoffs = j.handoffs();
    handoffs.sort_by(|a, b| b.volume.cmp(&a.volume).then_with(|| a.key().cmp(&b.key())));
    if handoffs.is_empty() {
        return;
    }
    let name = |id: &crate::model::TouchpointId| {
        j.touchpoint(id)
            .map_or_else(|| id.0.clone(), |t| t.name.clone())
    };
    egui::Grid::new("evlog-handoffs")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.weak(tr("evlog-from"));
            ui.weak(tr("evlog-to"));
            ui.weak(tr("evlog-transitions"));
            ui.weak(tr("evlog-wait"));
            ui.end_row();
            for h in handoffs.iter().take(8) {
                ui.label(name(&h.from));
                ui.label(name(&h.to));
                ui.label(h.volume.map(f::count).unwrap_or_default());
                ui.label(h.wait_hours.map(f::hours).unwrap_or_default());
                ui.end_row();
            }
        });
    if handoffs.len() > 8 {
        ui.weak(crate::tr!(
            "evlog-more-handoffs",
            count = handoffs.len() - 8
        ));
    }
}

fn problems(ui: &mut egui::Ui, read: &LogRead) {
    if read.problems.is_empty() {
        ui.label(crate::tr!("evlog-all-read", rows = read.rows));
        return;
    }
    ui.strong(crate::tr!(
        "evlog-rows-not-read",
        count = read.problems.count()
    ));
    egui::ScrollArea::vertical()
        .id_salt("evlog-problems")
        .max_height(140.0)
        .show(ui, |ui| {
            for l in read.problems.lines().iter().take(50) {
                ui.label(l.as_str());
            }
        });
}

/// Collect a finished read; show the progress of the first read.
pub fn poll(ctx: &egui::Context, state: &mut AppState) {
    let d = &mut state.evlog;
    let Some(job) = &d.job else {
        return;
    };
    match job.poll() {
        Poll::Running => {
            // The progress window for the first read; later reads show in the dialog.
            if d.preview.is_none() && super::jobs::progress_window(ctx, job) {
                d.close();
                state.status = tr("evlog-cancelled");
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
        }
        Poll::Done(Ok(p)) => {
            d.preview = Some(p);
            d.job = None;
        }
        Poll::Done(Err(e)) => {
            d.job = None;
            d.error = Some(e);
        }
        Poll::Stopped => d.job = None,
    }
}
