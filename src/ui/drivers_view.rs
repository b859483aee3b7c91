//! View > Key drivers…: which touchpoints drive overall satisfaction and the outcome.
//! Choose a respondents file (CSV or .xlsx) and its columns (detected, changeable);
//! the analysis runs on a worker (progress, Cancel); then the importance x
//! performance chart (`scene::drivers_chart`, the exports' drawing) with the "act
//! here" quadrant named, a click on a point selecting its card on the map, the
//! ranked drivers with their intervals, R^2, respondents used and the plain
//! sentences of what the data cannot say. The results are saved in the journey (one
//! undoable edit), so they reopen with the file and make the "key driver" gaps.

use super::action::{Action, AppAction, EvidenceAction};
use super::app::AppState;
use super::canvas::Camera;
use super::frame::{FrameView, Outbox};
use super::jobs::{Job, Poll};
use super::scenario_panel::ScenarioUi;
use super::scene_paint::paint_item;
use crate::edit::Edit;
use crate::evidence::drivers::{DriverConfig, Drivers, Respondents, ScoreColumn};
use crate::evidence::respondents::{RespondentColumns, read_respondents, table_headers};
use crate::evidence::table::TableReader;
use crate::i18n::format as f;
use crate::i18n::tr;
use crate::model::{Journey, TouchpointId};
use crate::progress::Progress;
use crate::scene::drivers_chart::{CHART_H, CHART_W, build_chart, points_from};
use crate::scene::{Item, Scene, Theme};
use egui::RichText;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A fitted analysis of one respondents file.
pub struct Fitted {
    pub drivers: Arc<Drivers>,
    /// The file's name (saved with the results).
    pub file: String,
    pub headers: Vec<String>,
    /// The columns used.
    pub overall: String,
    pub outcome: String,
    pub segment: String,
    /// The segment values found (empty without a segment column).
    pub segments: Vec<String>,
    /// Problems met reading the file, located.
    pub problems: Vec<String>,
    /// Respondents in the file (before a segment was chosen).
    pub rows: usize,
    pub generation: u64,
}

/// What the worker hands back.
pub enum FitOutcome {
    Fitted(Box<Fitted>),
    Failed { error: String, headers: Vec<String> },
}

/// The Drivers view's state (UI only; the saved results are in the document).
#[derive(Default)]
pub struct DriversUi {
    pub open: bool,
    /// The respondents file.
    pub path: String,
    /// Chosen columns; `None` = found by their headers.
    pub overall: Option<String>,
    pub outcome: Option<String>,
    pub segment: Option<String>,
    /// Only the respondents of this segment.
    pub segment_value: Option<String>,
    /// The headers of the last file read (the column choices).
    pub headers: Vec<String>,
    pub fit: Option<Fitted>,
    pub error: Option<String>,
    job: Option<Job<FitOutcome>>,
    export_job: Option<Job<Result<PathBuf, String>>>,
    generation: u64,
    /// The document (`Version::document`) the state belongs to.
    document: Option<u64>,
    chart: Option<(ChartKey, Arc<Scene>)>,
    /// Where each point was painted in the last frame (screen).
    points: Vec<(TouchpointId, egui::Rect)>,
    pub scenario: ScenarioUi,
}

#[derive(Clone, Debug, PartialEq)]
struct ChartKey {
    revision: u64,
    generation: u64,
    dark: bool,
    lang: String,
}

impl DriversUi {
    /// Is an analysis running?
    pub fn fitting(&self) -> bool {
        self.job.is_some()
    }

    /// The screen centre of a touchpoint's point on the chart, as last painted.
    pub fn point_at(&self, id: &str) -> Option<egui::Pos2> {
        self.points
            .iter()
            .find(|(t, _)| t.as_str() == id)
            .map(|(_, r)| r.center())
    }

    /// The chart as last drawn.
    pub fn chart(&self) -> Option<&Scene> {
        self.chart.as_ref().map(|(_, s)| s.as_ref())
    }
}

/// View > Key drivers…: show or hide the view.
pub fn toggle(state: &mut AppState) {
    state.drivers.open = !state.drivers.open;
}

/// Forget everything that belonged to another journey (a file opened, a new one).
fn follow_document(state: &mut AppState) {
    let doc = state.doc.version().document;
    if state.drivers.document == Some(doc) {
        return;
    }
    let open = state.drivers.open;
    let scenario_open = state.drivers.scenario.open;
    if let Some(j) = state.drivers.job.take() {
        j.cancel();
    }
    state.drivers = DriversUi {
        open,
        document: Some(doc),
        ..DriversUi::default()
    };
    state.drivers.scenario = ScenarioUi::for_new_document(scenario_open);
}

/// Start the analysis of the chosen file on a worker (a running one is dropped).
pub fn start_fit(state: &mut AppState, ctx: Option<egui::Context>) {
    let ui = &mut state.drivers;
    let path = PathBuf::from(ui.path.trim());
    if path.as_os_str().is_empty() {
        ui.error = Some(tr("kd-no-file"));
        return;
    }
    let journey = state.doc.journey().clone();
    let columns = RespondentColumns {
        overall: ui.overall.clone(),
        outcome: ui.outcome.clone(),
        segment: ui.segment.clone(),
    };
    let segment_value = ui.segment_value.clone();
    ui.generation += 1;
    let generation = ui.generation;
    if let Some(j) = ui.job.take() {
        j.cancel();
    }
    ui.error = None;
    let label = crate::tr!("kd-fitting", file = super::dialogs::display_name(&path));
    ui.job = Some(Job::spawn(label, ctx, move |p: &dyn Progress| {
        fit_work(
            &path,
            &journey,
            &columns,
            segment_value.as_deref(),
            generation,
            p,
        )
    }));
}

/// The respondents of one segment.
fn subset(data: Respondents, segments: &[Option<String>], value: &str) -> Respondents {
    let keep: Vec<bool> = (0..data.len())
        .map(|i| segments.get(i).and_then(|s| s.as_deref()) == Some(value))
        .collect();
    let pick = |v: Vec<Option<f64>>| -> Vec<Option<f64>> {
        v.into_iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(x, _)| x)
            .collect()
    };
    Respondents {
        touchpoints: data
            .touchpoints
            .into_iter()
            .map(|c| ScoreColumn {
                touchpoint: c.touchpoint,
                name: c.name,
                scores: pick(c.scores),
            })
            .collect(),
        overall_name: data.overall_name,
        overall: pick(data.overall),
        outcome_name: data.outcome_name,
        outcome: data.outcome.map(|o| {
            o.into_iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(x, _)| x)
                .collect()
        }),
    }
}

/// Read and analyse (on the worker).
fn fit_work(
    path: &Path,
    journey: &Journey,
    columns: &RespondentColumns,
    segment_value: Option<&str>,
    generation: u64,
    p: &dyn Progress,
) -> Option<FitOutcome> {
    if !p.update(0.02) {
        return None;
    }
    let file = super::dialogs::display_name(path);
    let reader = match TableReader::open(path, None) {
        Ok(r) => r,
        Err(e) => {
            return Some(FitOutcome::Failed {
                error: e.to_string(),
                headers: Vec::new(),
            });
        }
    };
    let read = match read_respondents(reader, journey, columns) {
        Ok(r) => r,
        Err(e) => {
            let headers = TableReader::open(path, None)
                .map(table_headers)
                .unwrap_or_default();
            return Some(FitOutcome::Failed {
                error: e.to_string(),
                headers,
            });
        }
    };
    if !p.update(0.45) {
        return None;
    }
    let rows = read.data.len();
    let mut segments: Vec<String> = read.segments.iter().flatten().flatten().cloned().collect();
    segments.sort();
    segments.dedup();
    let problems: Vec<String> = read.problems.iter().map(|p| p.to_string()).collect();
    let overall = read.data.overall_name.clone();
    let outcome = read.data.outcome_name.clone();
    let data = match (segment_value, &read.segments) {
        (Some(v), Some(segs)) if segments.iter().any(|s| s == v) => subset(read.data, segs, v),
        _ => read.data,
    };
    let drivers = match Drivers::fit(&data, &DriverConfig::default()) {
        Ok(d) => d,
        Err(e) => {
            return Some(FitOutcome::Failed {
                error: format!("{file}: {e}"),
                headers: read.headers,
            });
        }
    };
    if !p.update(1.0) {
        return None;
    }
    Some(FitOutcome::Fitted(Box::new(Fitted {
        drivers: Arc::new(drivers),
        file,
        headers: read.headers,
        overall,
        outcome,
        segment: read.segment_name,
        segments,
        problems,
        rows,
        generation,
    })))
}

/// Look for finished work; save the results in the journey (one undo step).
fn collect(state: &mut AppState) {
    if let Some(job) = &state.drivers.export_job {
        match job.poll() {
            Poll::Running => {}
            Poll::Done(r) => {
                state.drivers.export_job = None;
                match r {
                    Ok(p) => {
                        state.status =
                            crate::tr!("kd-chart-exported", path = p.display().to_string())
                    }
                    Err(e) => state.drivers.error = Some(e),
                }
            }
            Poll::Stopped => state.drivers.export_job = None,
        }
    }
    let Some(job) = &state.drivers.job else {
        return;
    };
    match job.poll() {
        Poll::Running => {}
        Poll::Stopped => {
            state.drivers.job = None;
            state.status = tr("kd-fit-cancelled");
        }
        Poll::Done(FitOutcome::Failed { error, headers }) => {
            let ui = &mut state.drivers;
            ui.job = None;
            ui.error = Some(error);
            if !headers.is_empty() {
                ui.headers = headers;
            }
        }
        Poll::Done(FitOutcome::Fitted(fitted)) => {
            state.drivers.job = None;
            if fitted.generation != state.drivers.generation {
                return;
            }
            let report = &fitted.drivers.report;
            if let Some(kd) = report.key_drivers(&fitted.file) {
                let mut meta = state.journey().meta().clone();
                meta.drivers = Some(kd);
                state.queue(Action::Edit {
                    label: crate::tr!("kd-undo-results", file = fitted.file.as_str()),
                    edit: Edit::SetMeta(Box::new(meta)),
                    merge: None,
                });
            }
            let ui = &mut state.drivers;
            ui.headers = fitted.headers.clone();
            ui.error = None;
            ui.fit = Some(*fitted);
            ui.scenario.models_changed();
        }
    }
}

/// Called every frame by the app: follow the document, collect finished work.
pub fn poll(ctx: &egui::Context, state: &mut AppState) {
    follow_document(state);
    collect(state);
    if state.drivers.job.is_some() || state.drivers.export_job.is_some() {
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }
}

/// Draw the view when it is open.
pub fn window(ctx: &egui::Context, v: FrameView<'_>, d: &mut DriversUi, out: &mut Outbox<'_>) {
    if !d.open {
        d.points.clear();
        return;
    }
    let mut open = true;
    let width = (ctx.content_rect().width() - 60.0).clamp(420.0, 1120.0);
    egui::Window::new(tr("kd-title"))
        .id(egui::Id::unique("key-drivers-view"))
        .open(&mut open)
        .default_width(width)
        .default_height((ctx.content_rect().height() - 80.0).max(300.0))
        .vscroll(true)
        .show(ctx, |ui| body(ui, v, d, out));
    if !open {
        d.open = false;
        d.points.clear();
    }
}

fn body(ui: &mut egui::Ui, v: FrameView<'_>, d: &mut DriversUi, out: &mut Outbox<'_>) {
    source_row(ui, d, out);
    columns_row(ui, d, out);
    if let Some(job) = &d.job {
        let mut cancel = false;
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(job.label.as_str());
            ui.add(
                egui::ProgressBar::new(job.progress())
                    .desired_width(200.0)
                    .show_percentage(),
            );
            cancel = ui.button(tr("button-cancel")).clicked();
        });
        if cancel && let Some(j) = d.job.take() {
            j.cancel();
            out.push(Action::App(AppAction::Status(tr("kd-fit-cancelled"))));
        }
    }
    if let Some(e) = &d.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
        if !d.headers.is_empty() && d.fit.is_none() {
            ui.label(tr("kd-choose-columns"));
        }
    }
    ui.separator();
    let has_fit = d.fit.is_some();
    let saved = v.journey().meta().drivers.clone();
    if !has_fit && saved.is_none() {
        ui.label(RichText::new(tr("kd-intro")).weak());
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr("kd-open-scenarios")).clicked() {
            d.scenario.open = true;
        }
        let exporting = d.export_job.is_some();
        if ui
            .add_enabled(!exporting, egui::Button::new(tr("kd-export-chart")))
            .clicked()
        {
            out.push(Action::Evidence(EvidenceAction::DriversExportChart));
        }
    });
    let dark = ui.visuals().dark_mode;
    let scene = chart_scene(v, d, dark);
    if let Some(scene) = scene {
        paint_chart(ui, v, d, &scene, out);
    }
    ui.add_space(6.0);
    if let Some(fit) = &d.fit {
        let drivers = fit.drivers.clone();
        let report = &drivers.report;
        if let Some(m) = &report.overall {
            super::drivers_table::model_section(ui, v, out, m, false, report.respondents);
        }
        if let Some(m) = &report.outcome {
            super::drivers_table::model_section(ui, v, out, m, true, report.respondents);
        }
        super::drivers_table::notes(ui, &drivers);
        super::drivers_table::problems(ui, d);
    } else if let Some(kd) = saved {
        ui.label(
            RichText::new(crate::tr!(
                "kd-saved-summary",
                file = kd.source.as_str(),
                column = kd.column.as_str(),
                respondents = f::count(kd.respondents),
                r2 = format!("{:.2}", kd.r2)
            ))
            .strong(),
        );
        ui.label(RichText::new(tr("kd-saved-hint")).weak());
        super::drivers_table::saved_table(ui, v, out, &kd);
    }
}

fn source_row(ui: &mut egui::Ui, d: &mut DriversUi, out: &mut Outbox<'_>) {
    let mut choose = false;
    let mut fit = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("kd-answers"));
        let r = ui.add(
            egui::TextEdit::singleline(&mut d.path)
                .hint_text(tr("kd-answers-hint"))
                .desired_width(360.0),
        );
        if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            fit = true;
        }
        choose = ui.button(tr("kd-choose-file")).clicked();
        let can = !d.path.trim().is_empty() && d.job.is_none();
        if ui
            .add_enabled(can, egui::Button::new(tr("kd-fit")))
            .clicked()
        {
            fit = true;
        }
    });
    if choose {
        out.push(Action::Evidence(EvidenceAction::DriversChooseFile { fit }));
    } else if fit {
        out.push(Action::Evidence(EvidenceAction::DriversFit));
    }
}

/// Choose the respondents file, then analyse it (also when none was chosen and `fit`
/// was asked for in the same frame): an [`EvidenceAction::DriversChooseFile`].
pub fn choose_file(ctx: &egui::Context, state: &mut AppState, mut fit: bool) {
    if let Some(p) = state.file_dialogs.open_import(None) {
        let ui = &mut state.drivers;
        ui.path = p.display().to_string();
        // Columns chosen for another file do not apply to this one.
        ui.overall = None;
        ui.outcome = None;
        ui.segment = None;
        ui.segment_value = None;
        fit = true;
    }
    if fit {
        start_fit(state, Some(ctx.clone()));
    }
}

/// A column choice: "found by its header" or one of the headers.
fn column_combo(
    ui: &mut egui::Ui,
    salt: &str,
    label: &str,
    value: &mut Option<String>,
    used: &str,
    headers: &[String],
) -> bool {
    let mut changed = false;
    ui.label(label);
    let shown = match value {
        Some(v) => v.clone(),
        None if !used.is_empty() => crate::tr!("kd-detected", column = used),
        None => tr("kd-detect"),
    };
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .width(180.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(value.is_none(), tr("kd-detect"))
                .clicked()
            {
                *value = None;
                changed = true;
            }
            for h in headers {
                if ui
                    .selectable_label(value.as_deref() == Some(h.as_str()), h.as_str())
                    .clicked()
                {
                    *value = Some(h.clone());
                    changed = true;
                }
            }
        });
    changed
}

fn columns_row(ui: &mut egui::Ui, d: &mut DriversUi, out: &mut Outbox<'_>) {
    if d.headers.is_empty() {
        return;
    }
    let (used_overall, used_outcome, used_segment, segments) = d.fit.as_ref().map_or_else(
        || (String::new(), String::new(), String::new(), Vec::new()),
        |f| {
            (
                f.overall.clone(),
                f.outcome.clone(),
                f.segment.clone(),
                f.segments.clone(),
            )
        },
    );
    let headers = d.headers.clone();
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        changed |= column_combo(
            ui,
            "kd-overall",
            &tr("kd-col-overall"),
            &mut d.overall,
            &used_overall,
            &headers,
        );
        changed |= column_combo(
            ui,
            "kd-outcome",
            &tr("kd-col-outcome"),
            &mut d.outcome,
            &used_outcome,
            &headers,
        );
        if column_combo(
            ui,
            "kd-segment",
            &tr("kd-col-segment"),
            &mut d.segment,
            &used_segment,
            &headers,
        ) {
            d.segment_value = None;
            changed = true;
        }
        if !segments.is_empty() {
            ui.label(tr("kd-segment-value"));
            let shown = d
                .segment_value
                .clone()
                .unwrap_or_else(|| tr("kd-all-respondents"));
            egui::ComboBox::from_id_salt("kd-segment-value")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(d.segment_value.is_none(), tr("kd-all-respondents"))
                        .clicked()
                    {
                        d.segment_value = None;
                        changed = true;
                    }
                    for s in &segments {
                        if ui
                            .selectable_label(d.segment_value.as_deref() == Some(s), s.as_str())
                            .clicked()
                        {
                            d.segment_value = Some(s.clone());
                            changed = true;
                        }
                    }
                });
        }
    });
    if changed {
        out.push(Action::Evidence(EvidenceAction::DriversFit));
    }
}

/// The chart of the fitted models, else of the results saved with the journey.
fn chart_scene(v: FrameView<'_>, d: &mut DriversUi, dark: bool) -> Option<Arc<Scene>> {
    let key = ChartKey {
        revision: v.doc().version().revision,
        generation: d.fit.as_ref().map_or(0, |f| f.generation),
        dark,
        lang: crate::i18n::current().tag().to_string(),
    };
    if let Some((k, s)) = &d.chart
        && *k == key
    {
        return Some(s.clone());
    }
    let theme = if dark { Theme::Dark } else { Theme::Light };
    let j = v.journey();
    let scene = match &d.fit {
        Some(fit) => crate::export::drivers_chart::report_chart(j, &fit.drivers.report, theme)?,
        None => {
            let kd = j.meta().drivers.as_ref()?;
            build_chart(j.title(), &points_from(j, kd), theme)
        }
    };
    let scene = Arc::new(scene);
    d.chart = Some((key, scene.clone()));
    Some(scene)
}

fn paint_chart(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    d: &mut DriversUi,
    scene: &Scene,
    out: &mut Outbox<'_>,
) {
    let w = ui.available_width().clamp(240.0, 760.0);
    let size = egui::vec2(w, w * CHART_H / CHART_W);
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::click());
    let mut cam = Camera::default();
    cam.rect = rect;
    cam.zoom = w / CHART_W;
    cam.pan = egui::Vec2::ZERO;
    let painter = ui.painter_at(rect);
    for it in &scene.background {
        paint_item(&painter, &cam, it);
    }
    let selected = &v.selection().touchpoints;
    d.points.clear();
    for c in &scene.cards {
        let r = cam.rect_to_screen(&c.rect);
        if selected.contains(&c.id) {
            painter.circle_stroke(
                r.center(),
                r.width() * 0.75,
                egui::Stroke::new(2.5, ui.visuals().selection.stroke.color),
            );
        }
        for it in &c.items {
            paint_item(&painter, &cam, it);
        }
        d.points.push((c.id.clone(), r));
    }
    let hover = resp.hover_pos();
    let hit = |p: egui::Pos2| {
        d.points
            .iter()
            .rev()
            .find(|(_, r)| r.expand(2.0).contains(p))
            .map(|(id, _)| id.clone())
    };
    if let Some(id) = hover.and_then(hit) {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        let text = point_tip(v, d, &id);
        resp.clone().on_hover_text(text);
    }
    if resp.clicked()
        && let Some(id) = resp.interact_pointer_pos().and_then(hit)
    {
        out.push(Action::Focus(vec![id]));
    }
}

fn point_tip(v: FrameView<'_>, d: &DriversUi, id: &TouchpointId) -> String {
    let name = v
        .journey()
        .touchpoint(id)
        .map_or_else(|| id.to_string(), |t| t.name.clone());
    let row = d.fit.as_ref().and_then(|f| {
        f.drivers
            .report
            .overall
            .as_ref()
            .or(f.drivers.report.outcome.as_ref())
            .and_then(|m| m.drivers.iter().find(|d| d.touchpoint == id.as_str()))
            .map(|d| (d.importance, d.mean))
    });
    let saved = || {
        v.journey()
            .meta()
            .drivers
            .as_ref()
            .and_then(|kd| kd.touchpoints.iter().find(|d| &d.touchpoint == id))
            .map(|d| (d.importance, d.mean))
    };
    match row.or_else(saved) {
        Some((imp, mean)) => crate::tr!(
            "kd-point-tip",
            name = name.as_str(),
            importance = f::share(imp),
            mean = f::score(mean)
        ),
        None => name,
    }
}

/// Export the chart (SVG, PNG or PDF, from the name chosen) on a worker.
pub fn export_chart(state: &mut AppState) {
    let dark = false;
    let Some(scene) = chart_scene_light(state, dark) else {
        return;
    };
    let Some(path) = state
        .file_dialogs
        .save_export(None, "key-drivers.svg", "svg")
    else {
        return;
    };
    state.drivers.export_job = Some(Job::spawn(
        tr("kd-export-chart"),
        None,
        move |_: &dyn Progress| {
            Some(crate::export::drivers_chart::write_chart(&scene, &path).map(|()| path))
        },
    ));
}

/// The chart in the light theme (exports are printed).
fn chart_scene_light(state: &AppState, _dark: bool) -> Option<Scene> {
    let j = state.journey();
    match &state.drivers.fit {
        Some(fit) => {
            crate::export::drivers_chart::report_chart(j, &fit.drivers.report, Theme::Light)
        }
        None => crate::scene::drivers_chart::saved_chart(j, Theme::Light),
    }
}

/// The texts of the chart's points (for tests and accessibility checks).
pub fn chart_labels(scene: &Scene) -> Vec<String> {
    scene
        .cards
        .iter()
        .flat_map(|c| c.items.iter())
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}
