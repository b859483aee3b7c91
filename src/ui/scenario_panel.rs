//! The Scenario panel (View > Scenarios): a facilitator drags a touchpoint's target
//! score, cuts a handoff's wait or strikes a handoff out, and sees the predicted
//! overall satisfaction, outcome rate and elapsed time before and after. Every
//! change is evaluated on a worker (`evidence::whatif::evaluate`, debounced: the
//! frame never waits for it); the map shows the scenario as a to-be overlay
//! (`scene::scenario_overlay`). Scenarios are saved in the journey (named, one
//! undoable edit each), listed here (open, rename, delete) and compared side by side
//! with the journey as it is, with ratios, like a to-be.

use super::action::{Action, AppAction, EvidenceAction};
use super::app::AppState;
use super::frame::{FrameView, Outbox};
use super::jobs::{Job, Poll};
use crate::analysis::{AnalysisConfig, analyze};
use crate::edit::Edit;
use crate::evidence::drivers::Drivers;
use crate::evidence::whatif::{ScenarioResult, describe, evaluate, figure_rows, saved_lift};
use crate::history::Version;
use crate::i18n::format as f;
use crate::i18n::tr;
use crate::model::{HandoffKey, Journey, KeyDrivers, Scenario, ScenarioChange, TouchpointId};
use crate::progress::Progress;
use egui::RichText;
use std::sync::Arc;

/// Seconds after the last change before the scenario is evaluated again.
pub const DEBOUNCE_S: f64 = 0.12;
/// Handoffs offered in the handoff list (those with the longest waits first).
const MAX_HANDOFFS: usize = 400;
/// Target sliders shown before "Show all".
const FIRST_TARGETS: usize = 12;

/// A scenario's figures: the models' and the analysis', and the lift the saved
/// coefficients give when the answers are not loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluated {
    pub result: ScenarioResult,
    pub saved_lift: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
struct EvalKey {
    changes: Vec<ScenarioChange>,
    version: Version,
    models: u64,
}

#[derive(Default)]
pub struct ScenarioUi {
    pub open: bool,
    /// The name the scenario is saved under.
    pub name: String,
    pub changes: Vec<ScenarioChange>,
    /// The saved scenario these changes were opened from.
    pub opened: Option<String>,
    /// The figures of the last evaluation.
    pub result: Option<Evaluated>,
    result_key: Option<EvalKey>,
    running_key: Option<EvalKey>,
    job: Option<Job<Evaluated>>,
    /// Input time of the last change (debounce).
    edited_at: f64,
    models: u64,
    /// The handoff the handoff controls act on.
    pub handoff: Option<HandoffKey>,
    show_all: bool,
    /// (old name, new name) while renaming.
    renaming: Option<(String, String)>,
    compare_job: Option<Job<Vec<Evaluated>>>,
    /// Every saved scenario evaluated, for the side-by-side comparison.
    pub compared: Option<(Version, Vec<Evaluated>)>,
}

impl ScenarioUi {
    /// A fresh panel for another journey (open or not as before).
    pub fn for_new_document(open: bool) -> Self {
        ScenarioUi {
            open,
            ..ScenarioUi::default()
        }
    }

    /// The fitted models changed: evaluate again.
    pub fn models_changed(&mut self) {
        self.models += 1;
    }

    /// Is an evaluation running or due?
    pub fn updating(&self) -> bool {
        self.job.is_some() || self.result_key.as_ref().map(|k| &k.changes) != Some(&self.changes)
    }

    fn touched(&mut self, now: f64) {
        self.edited_at = now;
    }
}

/// View > Scenarios: show or hide the panel.
pub fn toggle(state: &mut AppState) {
    let s = &mut state.drivers.scenario;
    s.open = !s.open;
}

/// Set a touchpoint's target mean (removes the change when it is the mean as it is).
pub fn set_target(s: &mut ScenarioUi, id: &TouchpointId, target: f64, current: f64) {
    s.changes.retain(|c| {
        !matches!(c, ScenarioChange::SetScore { touchpoint, .. } | ScenarioChange::AddScore { touchpoint, .. } if touchpoint == id)
    });
    if (target - current).abs() >= 0.05 {
        s.changes.push(ScenarioChange::SetScore {
            touchpoint: id.clone(),
            mean: target.clamp(0.0, 10.0),
        });
    }
}

fn target_of(s: &ScenarioUi, id: &TouchpointId) -> Option<f64> {
    s.changes.iter().rev().find_map(|c| match c {
        ScenarioChange::SetScore { touchpoint, mean } if touchpoint == id => Some(*mean),
        _ => None,
    })
}

fn cut_of(s: &ScenarioUi, key: &HandoffKey) -> f64 {
    s.changes
        .iter()
        .find_map(|c| match c {
            ScenarioChange::CutWait { handoff, percent } if handoff == key => Some(*percent),
            _ => None,
        })
        .unwrap_or(0.0)
}

fn struck(s: &ScenarioUi, key: &HandoffKey) -> bool {
    s.changes
        .iter()
        .any(|c| matches!(c, ScenarioChange::RemoveHandoff(k) if k == key))
}

/// Cut a handoff's wait by `percent` (0 removes the change).
pub fn set_cut(s: &mut ScenarioUi, key: &HandoffKey, percent: f64) {
    s.changes
        .retain(|c| !matches!(c, ScenarioChange::CutWait { handoff, .. } if handoff == key));
    if percent >= 0.5 {
        s.changes.push(ScenarioChange::CutWait {
            handoff: key.clone(),
            percent: percent.clamp(0.0, 100.0),
        });
    }
}

/// Strike a handoff out, or keep it.
pub fn set_struck(s: &mut ScenarioUi, key: &HandoffKey, on: bool) {
    s.changes
        .retain(|c| !matches!(c, ScenarioChange::RemoveHandoff(k) if k == key));
    if on {
        s.changes.push(ScenarioChange::RemoveHandoff(key.clone()));
    }
}

/// The touchpoints whose target can be set, most important first, with their mean.
fn targets(v: FrameView<'_>) -> Vec<(TouchpointId, String, f64)> {
    let j = v.journey();
    let name = |id: &TouchpointId, fallback: &str| {
        j.touchpoint(id)
            .map_or_else(|| fallback.to_owned(), |t| t.name.clone())
    };
    if let Some(fit) = &v.drivers().fit {
        let r = &fit.drivers.report;
        if let Some(m) = r.overall.as_ref().or(r.outcome.as_ref()) {
            return m
                .drivers
                .iter()
                .map(|d| {
                    let id = TouchpointId::new(d.touchpoint.as_str());
                    let n = name(&id, &d.name);
                    (id, n, d.mean)
                })
                .collect();
        }
    }
    let Some(kd) = &j.meta().drivers else {
        return Vec::new();
    };
    let mut rows: Vec<&crate::model::DriverResult> = kd.touchpoints.iter().collect();
    rows.sort_by(|a, b| {
        b.importance
            .total_cmp(&a.importance)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    rows.into_iter()
        .filter(|d| j.contains_touchpoint(&d.touchpoint))
        .map(|d| {
            (
                d.touchpoint.clone(),
                name(&d.touchpoint, d.touchpoint.as_str()),
                d.mean,
            )
        })
        .collect()
}

/// Evaluate on a worker: the journey as it is vs with the changes.
fn evaluate_work(
    journey: &Journey,
    drivers: Option<&Drivers>,
    saved: Option<&KeyDrivers>,
    scenario: &Scenario,
) -> Evaluated {
    let before = analyze(journey, &AnalysisConfig::default()).headline;
    let result = evaluate(journey, &before, drivers, scenario);
    let saved_lift = match (drivers, saved) {
        (None, Some(kd)) => saved_lift(kd, &scenario.changes),
        _ => None,
    };
    Evaluated { result, saved_lift }
}

/// Collect a finished evaluation; start the next one once the changes have rested
/// for [`DEBOUNCE_S`].
fn schedule(ctx: &egui::Context, state: &mut AppState) {
    let version = state.doc.version();
    let s = &mut state.drivers.scenario;
    if let Some(job) = &s.job {
        match job.poll() {
            Poll::Running => {}
            Poll::Done(ev) => {
                s.job = None;
                s.result = Some(ev);
                s.result_key = s.running_key.take();
            }
            Poll::Stopped => {
                s.job = None;
                s.running_key = None;
            }
        }
    }
    if let Some(job) = &s.compare_job {
        match job.poll() {
            Poll::Running => {}
            Poll::Done(all) => {
                s.compare_job = None;
                s.compared = Some((version, all));
            }
            Poll::Stopped => s.compare_job = None,
        }
    }
    let key = EvalKey {
        changes: s.changes.clone(),
        version,
        models: s.models,
    };
    if s.result_key.as_ref() == Some(&key) || s.running_key.as_ref() == Some(&key) {
        return;
    }
    let now = ctx.input(|i| i.time);
    let wait = s.edited_at + DEBOUNCE_S - now;
    if wait > 0.0 {
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        return;
    }
    if let Some(j) = s.job.take() {
        j.cancel();
    }
    let journey = state.doc.journey().clone();
    let saved = journey.meta().drivers.clone();
    let drivers: Option<Arc<Drivers>> = state.drivers.fit.as_ref().map(|f| f.drivers.clone());
    let s = &mut state.drivers.scenario;
    let scenario = Scenario {
        name: s.name.clone(),
        changes: s.changes.clone(),
    };
    s.running_key = Some(key);
    s.job = Some(Job::spawn(
        tr("kd-evaluating"),
        Some(ctx.clone()),
        move |_: &dyn Progress| {
            Some(evaluate_work(
                &journey,
                drivers.as_deref(),
                saved.as_ref(),
                &scenario,
            ))
        },
    ));
    ctx.request_repaint_after(std::time::Duration::from_millis(40));
}

/// Start evaluating every saved scenario for the comparison.
pub fn compare_all(ctx: &egui::Context, state: &mut AppState) {
    let journey = state.doc.journey().clone();
    let drivers: Option<Arc<Drivers>> = state.drivers.fit.as_ref().map(|f| f.drivers.clone());
    let s = &mut state.drivers.scenario;
    if let Some(j) = s.compare_job.take() {
        j.cancel();
    }
    s.compare_job = Some(Job::spawn(
        tr("kd-evaluating"),
        Some(ctx.clone()),
        move |p: &dyn Progress| {
            let saved = journey.meta().drivers.clone();
            let all = &journey.meta().scenarios;
            let mut out = Vec::with_capacity(all.len());
            for (i, sc) in all.iter().enumerate() {
                if !p.update(i as f32 / all.len().max(1) as f32) {
                    return None;
                }
                out.push(evaluate_work(
                    &journey,
                    drivers.as_deref(),
                    saved.as_ref(),
                    sc,
                ));
            }
            Some(out)
        },
    ));
}

/// Save the scenario in the journey (replacing the one it was opened from, or one
/// of the same name): one undo step.
fn save(v: FrameView<'_>, s: &mut ScenarioUi, out: &mut Outbox<'_>) {
    let name = s.name.trim().to_owned();
    if name.is_empty() {
        out.push(Action::App(AppAction::Status(tr("kd-scenario-needs-name"))));
        return;
    }
    let mut meta = v.journey().meta().clone();
    let replaced = s.opened.clone();
    meta.scenarios
        .retain(|x| x.name != name && Some(&x.name) != replaced.as_ref());
    meta.scenarios.push(Scenario {
        name: name.clone(),
        changes: s.changes.clone(),
    });
    out.edit(
        crate::tr!("kd-undo-save-scenario", name = name.as_str()),
        Edit::SetMeta(Box::new(meta)),
        None,
    );
    s.opened = Some(name);
}

fn delete(v: FrameView<'_>, s: &mut ScenarioUi, name: &str, out: &mut Outbox<'_>) {
    let mut meta = v.journey().meta().clone();
    meta.scenarios.retain(|x| x.name != name);
    out.edit(
        crate::tr!("kd-undo-delete-scenario", name = name),
        Edit::SetMeta(Box::new(meta)),
        None,
    );
    if s.opened.as_deref() == Some(name) {
        s.opened = None;
    }
}

fn rename(v: FrameView<'_>, s: &mut ScenarioUi, old: &str, new: &str, out: &mut Outbox<'_>) {
    let new = new.trim();
    if new.is_empty() || new == old {
        return;
    }
    if v.journey().meta().scenarios.iter().any(|x| x.name == new) {
        out.push(Action::App(AppAction::Status(crate::tr!(
            "kd-scenario-exists",
            name = new
        ))));
        return;
    }
    let mut meta = v.journey().meta().clone();
    for x in &mut meta.scenarios {
        if x.name == old {
            x.name = new.to_owned();
        }
    }
    out.edit(
        crate::tr!("kd-undo-rename-scenario", old = old, new = new),
        Edit::SetMeta(Box::new(meta)),
        None,
    );
    if s.opened.as_deref() == Some(old) {
        s.opened = Some(new.to_owned());
        s.name = new.to_owned();
    }
}

fn open_saved(s: &mut ScenarioUi, sc: &Scenario, now: f64) {
    s.name = sc.name.clone();
    s.changes = sc.changes.clone();
    s.opened = Some(sc.name.clone());
    s.handoff = sc.changes.iter().find_map(|c| match c {
        ScenarioChange::CutWait { handoff, .. } | ScenarioChange::RemoveHandoff(handoff) => {
            Some(handoff.clone())
        }
        _ => None,
    });
    s.touched(now - DEBOUNCE_S);
}

/// Collect finished evaluations and start the next one while the panel is open
/// (called by the app's frame, before the panel is drawn).
pub fn poll(ctx: &egui::Context, state: &mut AppState) {
    if state.drivers.scenario.open {
        schedule(ctx, state);
    }
}

/// The panel, drawn with the other side panels.
pub fn side_panel(ui: &mut egui::Ui, v: FrameView<'_>, s: &mut ScenarioUi, out: &mut Outbox<'_>) {
    if !s.open {
        return;
    }
    egui::Panel::right("scenario-panel")
        .resizable(true)
        .default_size(380.0)
        .size_range(300.0..=620.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.heading(tr("kd-scenario-heading"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("×")
                        .on_hover_text(tr("button-close"))
                        .clicked()
                    {
                        s.open = false;
                    }
                });
            });
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| panel_body(ui, v, s, out));
        });
}

fn panel_body(ui: &mut egui::Ui, v: FrameView<'_>, s: &mut ScenarioUi, out: &mut Outbox<'_>) {
    let now = ui.input(|i| i.time);
    ui.horizontal(|ui| {
        let label = ui.label(tr("kd-scenario-name"));
        ui.add(
            egui::TextEdit::singleline(&mut s.name)
                .hint_text(tr("kd-scenario-name-hint"))
                .desired_width(180.0),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let can = !s.name.trim().is_empty();
        if ui
            .add_enabled(can, egui::Button::new(tr("kd-save-scenario")))
            .clicked()
        {
            save(v, s, out);
        }
        if ui.button(tr("kd-new-scenario")).clicked() {
            s.changes.clear();
            s.name.clear();
            s.opened = None;
            s.touched(now - DEBOUNCE_S);
        }
    });
    ui.separator();
    figures(ui, s);
    ui.separator();
    target_sliders(ui, v, s, now);
    ui.separator();
    handoff_controls(ui, v, s, now);
    ui.separator();
    changes_list(ui, s, now);
    ui.separator();
    saved_list(ui, v, s, out, now);
}

fn figures(ui: &mut egui::Ui, s: &ScenarioUi) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("kd-figures")).strong());
        if s.updating() {
            ui.spinner();
            ui.label(RichText::new(tr("kd-updating")).weak());
        }
    });
    let Some(ev) = &s.result else {
        return;
    };
    let r = &ev.result;
    let mut rows = figure_rows(r);
    if let (Some(b), Some(a), Some(row)) = (r.overall_before, r.overall_after, rows.get_mut(0)) {
        row.3 = crate::tr!("kd-points", points = format!("{:+.2}", a - b));
    }
    if let (Some(b), Some(a), Some(row)) = (r.outcome_before, r.outcome_after, rows.get_mut(1)) {
        row.3 = crate::tr!("kd-pp", points = format!("{:+.1}", (a - b) * 100.0));
    }
    egui::Grid::new("scenario-figures")
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for h in ["wif-figure", "wif-before", "wif-after", "wif-ratio"] {
                ui.label(RichText::new(tr(h)).strong());
            }
            ui.end_row();
            for (k, b, a, x) in rows {
                ui.label(k);
                ui.label(b);
                ui.label(RichText::new(a).strong());
                ui.label(x);
                ui.end_row();
            }
        });
    if let Some(lift) = ev.saved_lift {
        ui.label(
            RichText::new(crate::tr!("kd-saved-lift", points = format!("{lift:+.2}"))).strong(),
        );
        ui.label(RichText::new(tr("kd-saved-lift-hint")).weak());
    }
    for n in &r.notes {
        ui.label(RichText::new(n).weak());
    }
}

fn target_sliders(ui: &mut egui::Ui, v: FrameView<'_>, s: &mut ScenarioUi, now: f64) {
    ui.label(RichText::new(tr("kd-targets")).strong());
    let list = targets(v);
    if list.is_empty() {
        ui.label(RichText::new(tr("kd-targets-none")).weak());
        return;
    }
    ui.label(RichText::new(tr("kd-targets-hint")).weak());
    let shown = if s.show_all {
        list.len()
    } else {
        list.len().min(FIRST_TARGETS)
    };
    let mut changed = false;
    for (id, name, mean) in list.iter().take(shown) {
        let mut value = target_of(s, id).unwrap_or(*mean);
        let before = value;
        ui.horizontal(|ui| {
            let r = ui.add(
                egui::Slider::new(&mut value, 0.0..=10.0)
                    .fixed_decimals(1)
                    .text(name.as_str()),
            );
            r.on_hover_text(crate::tr!("kd-target-tip", mean = f::score(*mean)));
        });
        if (value - before).abs() > 1e-9 {
            let was = s.changes.clone();
            set_target(s, id, value, *mean);
            changed |= s.changes != was;
        }
    }
    if list.len() > shown
        && ui
            .button(crate::tr!("kd-show-all", count = list.len()))
            .clicked()
    {
        s.show_all = true;
    }
    if changed {
        s.touched(now);
    }
}

fn handoff_name(j: &Journey, k: &HandoffKey) -> String {
    let n = |id: &TouchpointId| {
        j.touchpoint(id)
            .map_or_else(|| id.to_string(), |t| t.name.clone())
    };
    crate::tr!("kd-handoff-name", from = n(&k.from), to = n(&k.to))
}

fn handoff_controls(ui: &mut egui::Ui, v: FrameView<'_>, s: &mut ScenarioUi, now: f64) {
    ui.label(RichText::new(tr("kd-handoffs")).strong());
    // The handoff selected on the map, else the one chosen here.
    if let Some(k) = &v.selection().handoff
        && s.handoff.as_ref() != Some(k)
    {
        s.handoff = Some(k.clone());
    }
    let j = v.journey();
    let mut hs: Vec<(HandoffKey, f64)> = j
        .handoffs()
        .into_iter()
        .map(|h| (h.key(), h.wait_hours.unwrap_or(0.0)))
        .collect();
    if hs.is_empty() {
        ui.label(RichText::new(tr("kd-no-handoffs")).weak());
        return;
    }
    hs.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    hs.truncate(MAX_HANDOFFS);
    let current = s.handoff.clone().filter(|k| j.handoff(k).is_some());
    let shown = current
        .as_ref()
        .map_or_else(|| tr("kd-pick-handoff"), |k| handoff_name(j, k));
    let mut pick = None;
    egui::ComboBox::from_id_salt("scenario-handoff")
        .selected_text(shown)
        .width(ui.available_width().min(320.0))
        .show_ui(ui, |ui| {
            for (k, wait) in &hs {
                let text = if *wait > 0.0 {
                    crate::tr!(
                        "kd-handoff-wait",
                        handoff = handoff_name(j, k),
                        wait = f::hours(*wait)
                    )
                } else {
                    handoff_name(j, k)
                };
                if ui
                    .selectable_label(current.as_ref() == Some(k), text)
                    .clicked()
                {
                    pick = Some(k.clone());
                }
            }
        });
    let wait = current
        .as_ref()
        .and_then(|k| j.handoff(k))
        .and_then(|h| h.wait_hours);
    if let Some(k) = pick {
        s.handoff = Some(k);
    }
    let Some(k) = s.handoff.clone() else {
        return;
    };
    let mut cut = cut_of(s, &k);
    let before_cut = cut;
    ui.add_enabled(
        wait.is_some_and(|w| w > 0.0),
        egui::Slider::new(&mut cut, 0.0..=100.0)
            .step_by(5.0)
            .suffix("%")
            .text(tr("kd-cut-wait")),
    );
    if let Some(w) = wait {
        ui.label(
            RichText::new(crate::tr!(
                "kd-wait-now",
                before = f::hours(w),
                after = f::hours(w * (1.0 - cut / 100.0))
            ))
            .weak(),
        );
    }
    let mut strike = struck(s, &k);
    let before_strike = strike;
    ui.checkbox(&mut strike, tr("kd-strike"))
        .on_hover_text(tr("kd-strike-tip"));
    if (cut - before_cut).abs() > 1e-9 {
        let was = s.changes.clone();
        set_cut(s, &k, cut);
        if s.changes != was {
            s.touched(now);
        }
    }
    if strike != before_strike {
        set_struck(s, &k, strike);
        s.touched(now);
    }
}

fn changes_list(ui: &mut egui::Ui, s: &mut ScenarioUi, now: f64) {
    ui.label(RichText::new(crate::tr!("kd-changes", count = s.changes.len())).strong());
    let mut remove = None;
    for (i, c) in s.changes.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(tr("kd-remove-change"))
                .clicked()
            {
                remove = Some(i);
            }
            ui.label(describe(c));
        });
    }
    if let Some(i) = remove {
        s.changes.remove(i);
        s.touched(now);
    }
}

fn saved_list(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    s: &mut ScenarioUi,
    out: &mut Outbox<'_>,
    now: f64,
) {
    let saved: Vec<Scenario> = v.journey().meta().scenarios.clone();
    ui.label(RichText::new(crate::tr!("kd-saved-scenarios", count = saved.len())).strong());
    if saved.is_empty() {
        ui.label(RichText::new(tr("kd-no-saved")).weak());
        return;
    }
    let mut open = None;
    let mut del = None;
    let mut do_rename = None;
    for sc in &saved {
        ui.horizontal_wrapped(|ui| {
            let editing = s.renaming.as_ref().is_some_and(|(o, _)| o == &sc.name);
            if editing {
                if let Some((_, new)) = &mut s.renaming {
                    let r = ui.add(egui::TextEdit::singleline(new).desired_width(160.0));
                    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        do_rename = Some((sc.name.clone(), new.clone()));
                    }
                }
                if ui.button(tr("kd-rename-ok")).clicked()
                    && let Some((_, new)) = &s.renaming
                {
                    do_rename = Some((sc.name.clone(), new.clone()));
                }
            } else {
                let text = RichText::new(sc.name.as_str()).strong();
                // The scenario being edited stands out.
                ui.label(if s.opened.as_deref() == Some(sc.name.as_str()) {
                    text.underline()
                } else {
                    text
                });
                ui.label(
                    RichText::new(crate::tr!("kd-change-count", count = sc.changes.len())).weak(),
                );
                if ui.button(tr("kd-open-scenario")).clicked() {
                    open = Some(sc.clone());
                }
                if ui.button(tr("kd-rename-scenario")).clicked() {
                    s.renaming = Some((sc.name.clone(), sc.name.clone()));
                }
                if ui.button(tr("kd-delete-scenario")).clicked() {
                    del = Some(sc.name.clone());
                }
            }
        });
    }
    if let Some(sc) = open {
        open_saved(s, &sc, now);
    }
    if let Some(n) = del {
        delete(v, s, &n, out);
    }
    if let Some((old, new)) = do_rename {
        s.renaming = None;
        rename(v, s, &old, &new, out);
    }
    ui.add_space(4.0);
    if ui.button(tr("kd-compare-scenarios")).clicked() {
        out.push(Action::Evidence(EvidenceAction::ScenarioCompareAll));
    }
    comparison(ui, s);
}

/// Every saved scenario beside the journey as it is: the figures with their ratios.
fn comparison(ui: &mut egui::Ui, s: &ScenarioUi) {
    if s.compare_job.is_some() {
        ui.spinner();
    }
    let Some((_, all)) = &s.compared else {
        return;
    };
    let Some(first) = all.first() else {
        return;
    };
    egui::ScrollArea::horizontal()
        .id_salt("scenario-compare-scroll")
        .show(ui, |ui| {
            egui::Grid::new("scenario-compare")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    ui.label(RichText::new(tr("wif-figure")).strong());
                    ui.label(RichText::new(tr("kd-as-is")).strong());
                    for ev in all {
                        ui.label(RichText::new(&ev.result.name).strong());
                    }
                    ui.end_row();
                    let base = figure_rows(&first.result);
                    let rows: Vec<Vec<(String, String, String, String)>> =
                        all.iter().map(|e| figure_rows(&e.result)).collect();
                    for (i, (label, before, _, _)) in base.iter().enumerate() {
                        ui.label(label);
                        ui.label(before);
                        for r in &rows {
                            let (_, _, after, ratio) = r.get(i).cloned().unwrap_or_default();
                            if ratio.is_empty() {
                                ui.label(after);
                            } else {
                                ui.label(format!("{after} ({ratio})"));
                            }
                        }
                        ui.end_row();
                    }
                    if all.iter().any(|e| e.saved_lift.is_some()) {
                        ui.label(tr("kd-saved-lift-row"));
                        ui.label("-");
                        for e in all {
                            ui.label(
                                e.saved_lift
                                    .map_or_else(|| "-".into(), |l| format!("{l:+.2}")),
                            );
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The scenario as a to-be overlay on the map (empty when the panel is closed or
/// the scenario changes nothing): the display list's items, in map coordinates.
pub fn overlay_items(state: &AppState) -> Vec<crate::scene::Item> {
    scenario_items(&state.drivers.scenario, &state.derived.scene)
}

fn scenario_items(s: &ScenarioUi, scene: &crate::scene::Scene) -> Vec<crate::scene::Item> {
    if !s.open || s.changes.is_empty() {
        return Vec::new();
    }
    let theme = if scene.background_color.luminance() < 0.3 {
        crate::scene::Theme::Dark
    } else {
        crate::scene::Theme::Light
    };
    crate::scene::scenario_overlay::scenario_overlay(scene, &s.changes, &theme.palette())
}

/// Painted over the canvas while the panel is open.
pub fn paint_overlay(
    painter: &egui::Painter,
    s: &ScenarioUi,
    scene: &crate::scene::Scene,
    cam: &super::canvas::Camera,
) {
    for it in &scenario_items(s, scene) {
        super::scene_paint::paint_item(painter, cam, it);
    }
}
