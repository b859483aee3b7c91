//! View > Measure against a log… (issue 17): the open journey held against an event
//! log, as `touchpoint measure` does, computed on a worker (`jobs.rs`, with a progress
//! bar and Cancel). While the view is open the map shows the check (`scene::logcheck`:
//! hidden handoffs dashed in their own colour, unseen ones faded, unmapped activities
//! under the map) on the canvas and in every export from the app; a side panel lists
//! the hidden and unseen handoffs, the unmapped activities and the figures more than
//! 20% off, with a legend. "Apply measured figures" is `measure -o` as one undoable
//! edit. Closing the view, or opening another journey, removes the check.

use super::AppState;
use super::action::{Action, EvidenceAction};
use super::frame::{FrameView, Outbox};
use super::jobs::{Job, Poll};
use crate::edit::Edit;
use crate::evidence::eventlog::measure::{self, Measurement, TOLERANCE};
use crate::evidence::eventlog::{Mined, build};
use crate::history::Version;
use crate::i18n::format as f;
use crate::i18n::tr;
use crate::model::{HandoffKey, Journey, TouchpointId};
use crate::scene::logcheck::LogOverlay;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A journey measured against a log.
#[derive(Clone, Debug)]
pub struct Measured {
    /// The log's file name.
    pub log_name: String,
    pub me: Measurement,
    /// The mined log (kept to measure again after an edit without reading it again).
    pub mined: Arc<Mined>,
    pub overlay: Arc<LogOverlay>,
    /// Rows that could not be read, and how many in all.
    pub problems: Vec<String>,
    pub problem_count: u64,
    /// The document state measured.
    pub version: Version,
    /// Some figure of that state differs from the measured one.
    pub applicable: bool,
}

type MeasureJob = Job<Result<Measured, Vec<String>>>;

/// The view's state.
#[derive(Default)]
pub struct MeasureView {
    open: bool,
    pub log: Option<PathBuf>,
    /// `--map`: activity -> touchpoint id.
    pub map: Option<PathBuf>,
    job: Option<MeasureJob>,
    /// A re-measure after an edit (quick; no progress window).
    quiet: bool,
    pub result: Option<Measured>,
    /// Why the log could not be measured.
    pub error: Option<Vec<String>>,
    /// The document measured (its identity): another one closes the view.
    document: Option<u64>,
}

impl MeasureView {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Is a measurement running?
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}

/// Close the view and take the check off the map.
pub fn close(state: &mut AppState) {
    if let Some(j) = state.measure.job.take() {
        j.cancel();
    }
    state.measure = MeasureView::default();
    state.derived.set_log_check(None);
    state.export.log_check = None;
}

/// View > Measure against a log…: choose a log and measure; again: close the view.
pub fn toggle(ctx: &egui::Context, state: &mut AppState) {
    if state.measure.open {
        close(state);
        return;
    }
    let folder = state.settings.import_folder.clone();
    if let Some(path) = state.file_dialogs.open_log(folder.as_deref()) {
        start(ctx, state, &path, None);
    }
}

/// Measure the open journey against the log at `log` (activities matched by `map`).
pub fn start(ctx: &egui::Context, state: &mut AppState, log: &Path, map: Option<PathBuf>) {
    if let Some(j) = state.measure.job.take() {
        j.cancel();
    }
    let v = &mut state.measure;
    v.open = true;
    v.log = Some(log.to_path_buf());
    v.map = map.clone();
    v.error = None;
    v.quiet = false;
    v.document = Some(state.doc.version().document);
    let journey = state.doc.journey().clone();
    let version = state.doc.version();
    let log = log.to_path_buf();
    let name = super::dialogs::display_name(&log);
    v.job = Some(Job::spawn(
        crate::tr!("evlog-measuring", name = name.clone()),
        Some(ctx.clone()),
        move |progress| {
            let map = match &map {
                None => None,
                Some(p) => {
                    let file = p.display().to_string();
                    let text = match std::fs::read_to_string(p) {
                        Ok(t) => t,
                        Err(e) => return Some(Err(vec![format!("{file}: {e}")])),
                    };
                    match measure::read_map(&file, &text, &journey) {
                        Ok(m) => Some(m),
                        Err(lines) => return Some(Err(lines)),
                    }
                }
            };
            let key_fn = measure::key_fn(&journey, map.as_deref());
            let cancel = Arc::new(AtomicBool::new(false));
            let read =
                match super::eventlog_dialog::mine(&log, &[], Some(key_fn), progress, &cancel) {
                    _ if cancel.load(Ordering::Relaxed) => return None,
                    Ok(r) => r,
                    Err(e) => return Some(Err(vec![e])),
                };
            let mined = Arc::new(read.mined);
            Some(Ok(measured(
                &journey,
                mined,
                name,
                read.problems.lines(),
                read.problems.count(),
                version,
            )))
        },
    ));
}

fn measured(
    journey: &Journey,
    mined: Arc<Mined>,
    log_name: String,
    problems: Vec<String>,
    problem_count: u64,
    version: Version,
) -> Measured {
    let me = measure::measure(journey, &mined, 0.0);
    let overlay = Arc::new(measure::overlay(&me, &mined));
    let applicable = apply_edit(journey, &me.measured).is_some();
    Measured {
        applicable,
        log_name,
        me,
        mined,
        overlay,
        problems,
        problem_count,
        version,
    }
}

/// Collect finished work; follow the document (another one closes the view, an edit
/// measures again from the log already read). Called by the app's frame.
pub fn poll(ctx: &egui::Context, state: &mut AppState) {
    if !state.measure.open {
        return;
    }
    let now = state.doc.version();
    if state.measure.document != Some(now.document) {
        close(state);
        return;
    }
    collect(ctx, state);
    let v = &mut state.measure;
    let stale = v.result.as_ref().is_some_and(|r| r.version != now);
    // A big journey is not copied on every edit: "Measure again" when wanted.
    let small = state.doc.journey().touchpoint_count() <= super::derived::SYNC_LIMIT;
    if stale && small && v.job.is_none() {
        let Some(r) = &v.result else {
            return;
        };
        let journey = state.doc.journey().clone();
        let (mined, name, problems, count) = (
            r.mined.clone(),
            r.log_name.clone(),
            r.problems.clone(),
            r.problem_count,
        );
        v.quiet = true;
        v.job = Some(Job::spawn(
            crate::tr!("evlog-measuring", name = name.clone()),
            Some(ctx.clone()),
            move |_| Some(Ok(measured(&journey, mined, name, problems, count, now))),
        ));
    }
}

fn collect(ctx: &egui::Context, state: &mut AppState) {
    let v = &mut state.measure;
    let Some(job) = &v.job else {
        return;
    };
    match job.poll() {
        Poll::Running => {
            if !v.quiet && super::jobs::progress_window(ctx, job) {
                close(state);
                state.status = tr("evlog-measure-cancelled");
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
        }
        Poll::Done(Ok(m)) => {
            v.job = None;
            if !v.quiet {
                state.status = crate::tr!(
                    "evlog-measured-status",
                    log = m.log_name.as_str(),
                    hidden = m.me.hidden.len(),
                    unseen = m.me.unseen.len()
                );
            }
            let doc = state.doc.version().document;
            if m.version.document == doc {
                state.derived.set_log_check(Some((doc, m.overlay.clone())));
                state.export.log_check = Some(m.overlay.clone());
                state.measure.result = Some(m);
            }
        }
        Poll::Done(Err(lines)) => {
            v.job = None;
            v.error = Some(lines);
        }
        Poll::Stopped => v.job = None,
    }
}

/// The changes that make the journey's figures the measured ones (`measure -o`), as one
/// edit; `None` when there is nothing to change.
pub fn apply_edit(current: &Journey, measured: &Journey) -> Option<Edit> {
    let mut edits = Vec::new();
    for t in measured.touchpoints() {
        if current.touchpoint(&t.id).is_some_and(|c| c != t) {
            edits.push(Edit::UpdateTouchpoint(Box::new(t.clone())));
        }
    }
    for h in measured.handoffs() {
        if current.handoff(&h.key()).is_some_and(|c| c != h) {
            edits.push(Edit::UpdateHandoff(h.clone()));
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// A touchpoint's name, or the text itself (an activity on no touchpoint).
fn name_of(j: &Journey, key: &str) -> String {
    j.touchpoint(&TouchpointId::new(key))
        .map_or_else(|| key.to_owned(), |t| t.name.clone())
}

/// A line sample for the legend: dashed or faded, in `color`.
fn swatch(ui: &mut egui::Ui, color: egui::Color32, dashed: bool, card: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, 12.0), egui::Sense::hover());
    let p = ui.painter();
    let stroke = egui::Stroke::new(2.0, color);
    if card {
        let r = rect.shrink2(egui::vec2(4.0, 1.0));
        let c = [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
            r.left_top(),
        ];
        p.extend(egui::Shape::dashed_line(&c, stroke, 3.0, 2.0));
    } else if dashed {
        let pts = [rect.left_center(), rect.right_center()];
        p.extend(egui::Shape::dashed_line(&pts, stroke, 5.0, 3.0));
    } else {
        p.line_segment([rect.left_center(), rect.right_center()], stroke);
    }
}

/// What the user asked for in the panel this frame.
#[derive(Default)]
struct Asked {
    close: bool,
    apply: bool,
    again: bool,
    choose_map: bool,
    clear_map: bool,
    actions: Vec<Action>,
}

/// The side panel of the view (when open).
pub fn side_panel(ui: &mut egui::Ui, v: FrameView<'_>, m: &mut MeasureView, out: &mut Outbox<'_>) {
    if !m.open {
        return;
    }
    let mut asked = Asked::default();
    egui::Panel::right("measure-panel")
        .resizable(true)
        .default_size(340.0)
        .size_range(260.0..=600.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.heading(tr("evlog-measure-heading"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("×")
                        .on_hover_text(tr("evlog-close-measure"))
                        .clicked()
                    {
                        asked.close = true;
                    }
                });
            });
            egui::ScrollArea::vertical()
                .id_salt("measure-body")
                .show(ui, |ui| panel_body(ui, v, m, &mut asked));
        });
    for a in asked.actions {
        out.push(a);
    }
    if asked.close {
        out.push(Action::Evidence(EvidenceAction::MeasureClose));
        return;
    }
    if asked.apply
        && let Some(r) = &m.result
        && r.version == v.doc().version()
        && let Some(edit) = apply_edit(v.journey(), &r.me.measured)
    {
        out.edit(tr("evlog-undo-apply"), edit, None);
    }
    if m.log.is_none() {
        return;
    }
    if asked.choose_map {
        out.push(Action::Evidence(EvidenceAction::MeasureChooseMap));
    } else if asked.clear_map {
        out.push(Action::Evidence(EvidenceAction::MeasureAgain(None)));
    } else if asked.again {
        out.push(Action::Evidence(EvidenceAction::MeasureAgain(
            m.map.clone(),
        )));
    }
}

/// Measure the log again with the activities matched by `map` (an
/// [`EvidenceAction::MeasureAgain`]).
pub fn measure_again(ctx: &egui::Context, state: &mut AppState, map: Option<PathBuf>) {
    if let Some(log) = state.measure.log.clone() {
        start(ctx, state, &log, map);
    }
}

/// Choose the file that matches activities to touchpoints, then measure again (an
/// [`EvidenceAction::MeasureChooseMap`]).
pub fn choose_map(ctx: &egui::Context, state: &mut AppState) {
    let Some(log) = state.measure.log.clone() else {
        return;
    };
    let folder = state.settings.import_folder.clone();
    if let Some(map) = state.file_dialogs.open_import(folder.as_deref()) {
        start(ctx, state, &log, Some(map));
    }
}

fn panel_body(ui: &mut egui::Ui, v: FrameView<'_>, m: &MeasureView, asked: &mut Asked) {
    let j = v.journey();
    if let Some(lines) = &m.error {
        for l in lines.iter().take(20) {
            ui.colored_label(ui.visuals().error_fg_color, l.as_str());
        }
    }
    let Some(r) = &m.result else {
        if m.job.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr("evlog-measuring-now"));
            });
        }
        buttons(ui, v, m, asked);
        return;
    };
    about_log(ui, v, m, r);
    ui.add_space(4.0);
    legend(ui, &r.me);
    ui.separator();
    buttons(ui, v, m, asked);
    ui.separator();
    let me = &r.me;
    hidden_section(ui, j, me, asked);
    unseen_section(ui, j, me, asked);
    unmapped_section(ui, me);
    if !me.unlogged.is_empty() {
        unlogged_section(ui, me, asked);
    }
    differences_section(ui, j, me, asked);
    if r.problem_count > 0 {
        section(
            ui,
            &crate::tr!("evlog-rows-not-read", count = r.problem_count),
            |ui| {
                for l in r.problems.iter().take(50) {
                    ui.weak(l.as_str());
                }
            },
        );
    }
}

/// The log's name, whether the result is stale, its cases, period and map file.
fn about_log(ui: &mut egui::Ui, v: FrameView<'_>, m: &MeasureView, r: &Measured) {
    let mined = &r.mined;
    ui.label(egui::RichText::new(r.log_name.as_str()).strong());
    if r.version != v.doc().version() && m.job.is_none() {
        ui.colored_label(ui.visuals().warn_fg_color, tr("evlog-stale"));
    }
    ui.label(crate::tr!(
        "evlog-measure-cases",
        cases = mined.cases,
        events = mined.events
    ));
    if let Some(p) = build::period_of(mined) {
        ui.label(crate::tr!(
            "evlog-period",
            from = f::date_text(&p.from),
            to = f::date_text(&p.to)
        ));
    }
    if let Some(map) = &m.map {
        ui.weak(crate::tr!(
            "evlog-map-file",
            file = map
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
    }
}

/// The legend of the map's marks.
fn legend(ui: &mut egui::Ui, me: &Measurement) {
    let teal = if ui.visuals().dark_mode {
        egui::Color32::from_rgb(0x4d, 0xd0, 0xbd)
    } else {
        egui::Color32::from_rgb(0x00, 0x89, 0x7b)
    };
    let faded = ui.visuals().weak_text_color().gamma_multiply(0.5);
    ui.horizontal(|ui| {
        swatch(ui, teal, true, false);
        ui.label(crate::tr!("evlog-legend-hidden", count = me.hidden.len()));
    });
    ui.horizontal(|ui| {
        swatch(ui, faded, false, false);
        ui.label(crate::tr!("evlog-legend-unseen", count = me.unseen.len()));
    });
    ui.horizontal(|ui| {
        swatch(ui, teal, true, true);
        ui.label(crate::tr!(
            "evlog-legend-unmapped",
            count = me.unmapped.len()
        ));
    });
}

/// Handoffs the log shows and the map does not.
fn hidden_section(ui: &mut egui::Ui, j: &Journey, me: &Measurement, asked: &mut Asked) {
    section(
        ui,
        &crate::tr!("evlog-hidden", count = me.hidden.len()),
        |ui| {
            for (a, b, n) in &me.hidden {
                let text = crate::tr!(
                    "evlog-pair-count",
                    from = name_of(j, a),
                    to = name_of(j, b),
                    count = f::count(*n)
                );
                if ui.link(text).clicked() {
                    let ids: Vec<TouchpointId> = [a, b]
                        .into_iter()
                        .map(|k| TouchpointId::new(k.as_str()))
                        .filter(|id| j.contains_touchpoint(id))
                        .collect();
                    if !ids.is_empty() {
                        asked.actions.push(Action::Focus(ids));
                    }
                }
            }
        },
    );
}

/// Handoffs the map draws and the log never shows.
fn unseen_section(ui: &mut egui::Ui, j: &Journey, me: &Measurement, asked: &mut Asked) {
    section(
        ui,
        &crate::tr!("evlog-unseen", count = me.unseen.len()),
        |ui| {
            for (a, b) in &me.unseen {
                let text = crate::tr!("evlog-pair", from = name_of(j, a), to = name_of(j, b));
                if ui.link(text).clicked() {
                    asked.actions.push(Action::SelectHandoff(HandoffKey {
                        from: TouchpointId::new(a.as_str()),
                        to: TouchpointId::new(b.as_str()),
                    }));
                }
            }
        },
    );
}

/// Activities of the log on no touchpoint.
fn unmapped_section(ui: &mut egui::Ui, me: &Measurement) {
    section(
        ui,
        &crate::tr!("evlog-unmapped", count = me.unmapped.len()),
        |ui| {
            for (a, n) in &me.unmapped {
                ui.label(crate::tr!(
                    "evlog-activity-cases",
                    name = a.as_str(),
                    count = *n
                ));
            }
            if !me.unmapped.is_empty() {
                ui.weak(tr("evlog-unmapped-hint"));
            }
        },
    );
}

/// Touchpoints the log never mentions.
fn unlogged_section(ui: &mut egui::Ui, me: &Measurement, asked: &mut Asked) {
    section(
        ui,
        &crate::tr!("evlog-unlogged", count = me.unlogged.len()),
        |ui| {
            for (id, name) in &me.unlogged {
                if ui.link(name.as_str()).clicked() {
                    asked
                        .actions
                        .push(Action::Focus(vec![TouchpointId::new(id.as_str())]));
                }
            }
        },
    );
}

/// The figures more than the tolerance off, touchpoints then handoffs.
fn differences_section(ui: &mut egui::Ui, j: &Journey, me: &Measurement, asked: &mut Asked) {
    let tolerance = f::share(TOLERANCE);
    let off = me.touchpoints.len() + me.handoffs.len();
    section(
        ui,
        &crate::tr!("evlog-differences", count = off, tolerance = tolerance),
        |ui| {
            touchpoint_differences(ui, me, asked);
            handoff_differences(ui, j, me, asked);
        },
    );
}

fn touchpoint_differences(ui: &mut egui::Ui, me: &Measurement, asked: &mut Asked) {
    for t in &me.touchpoints {
        let mut parts = Vec::new();
        if t.differs.contains(&"volume") {
            parts.push(crate::tr!(
                "evlog-diff-volume",
                drawn = t.drawn_volume.map(f::count).unwrap_or_else(|| "-".into()),
                measured = f::count(t.measured_volume)
            ));
        }
        if t.differs.contains(&"handling") {
            let min = |v: Option<f64>| v.map_or("-".into(), |m| f::hours(m / 60.0));
            parts.push(crate::tr!(
                "evlog-diff-handling",
                drawn = min(t.drawn_handling_minutes),
                measured = min(t.measured_handling_minutes)
            ));
        }
        let text = format!("{}: {}", t.name, parts.join(f::list_separator().as_str()));
        if ui.link(text).clicked() {
            asked
                .actions
                .push(Action::Focus(vec![TouchpointId::new(t.id.as_str())]));
        }
    }
}

fn handoff_differences(ui: &mut egui::Ui, j: &Journey, me: &Measurement, asked: &mut Asked) {
    for h in &me.handoffs {
        let mut parts = Vec::new();
        if h.differs.contains(&"volume") {
            parts.push(crate::tr!(
                "evlog-diff-volume",
                drawn = h.drawn_volume.map(f::count).unwrap_or_else(|| "-".into()),
                measured = f::count(h.measured_volume)
            ));
        }
        if h.differs.contains(&"wait") {
            let hrs = |v: Option<f64>| v.map_or("-".into(), f::hours);
            parts.push(crate::tr!(
                "evlog-diff-wait",
                drawn = hrs(h.drawn_wait_hours),
                measured = hrs(h.measured_wait_hours)
            ));
        }
        let pair = crate::tr!(
            "evlog-pair",
            from = name_of(j, &h.from),
            to = name_of(j, &h.to)
        );
        let text = format!("{pair}: {}", parts.join(f::list_separator().as_str()));
        if ui.link(text).clicked() {
            asked.actions.push(Action::SelectHandoff(HandoffKey {
                from: TouchpointId::new(h.from.as_str()),
                to: TouchpointId::new(h.to.as_str()),
            }));
        }
    }
}

fn section(ui: &mut egui::Ui, title: &str, body: impl FnOnce(&mut egui::Ui)) {
    egui::CollapsingHeader::new(title)
        .default_open(true)
        .show(ui, body);
}

fn buttons(ui: &mut egui::Ui, view: FrameView<'_>, v: &MeasureView, asked: &mut Asked) {
    let current = v
        .result
        .as_ref()
        .filter(|r| r.version == view.doc().version());
    let can_apply = current.is_some_and(|r| r.applicable);
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(can_apply, egui::Button::new(tr("evlog-apply")))
            .on_hover_text(tr("evlog-apply-tip"))
            .clicked()
        {
            asked.apply = true;
        }
        if ui
            .add_enabled(v.job.is_none(), egui::Button::new(tr("evlog-again")))
            .on_hover_text(tr("evlog-again-tip"))
            .clicked()
        {
            asked.again = true;
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(tr("evlog-choose-map"))
            .on_hover_text(tr("evlog-choose-map-tip"))
            .clicked()
        {
            asked.choose_map = true;
        }
        if v.map.is_some() && ui.button(tr("evlog-clear-map")).clicked() {
            asked.clear_map = true;
        }
        if ui.button(tr("evlog-close-measure")).clicked() {
            asked.close = true;
        }
    });
}
