//! War-room mode (issue #9): the state and the hooks the app shell calls. Each
//! feature lives in its own file: `present.rs` (presentation), `focus.rs`
//! (department focus), `notes.rs` (sticky notes), `actions_panel.rs` (improvement
//! actions), `timer.rs`, `compare.rs` (as-is vs to-be), `portfolio.rs`.
//!
//! Hooks in the shell: `AppState::warroom`, [`before_shortcuts`] and [`refresh`]
//! at the start of a frame, [`side_panel`] and [`windows`] while drawing,
//! [`run_command`] / [`enabled`] / [`checked`] for the war-room commands, and in
//! the canvas [`paint_overlay`]. What the presentation and the department focus dim
//! is the display list's ([`scene_focus`] -> `scene::focus`).

use super::action::Command;
use super::app::AppState;
use super::canvas::{Camera, Palette};
use super::frame::{FrameView, Outbox};
use super::{actions_panel, compare, focus, notes, portfolio, present, timer};
use crate::analysis::Analysis;
use crate::history::Document;
use crate::i18n::tr;
use crate::model::DepartmentId;
use std::path::PathBuf;
use std::sync::Arc;

/// Which tab the war-room panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PanelTab {
    #[default]
    Notes,
    Actions,
}

/// Everything war-room mode keeps (UI state only; notes and actions themselves are
/// in the document).
#[derive(Default)]
pub struct WarRoom {
    pub present: present::PresentState,
    /// The focused department: its touchpoints and boundary handoffs stand out.
    pub focus: Option<DepartmentId>,
    /// The notes and actions panel is open.
    pub panel: bool,
    pub tab: PanelTab,
    /// Draw sticky notes on the map.
    pub show_notes: bool,
    pub notes: notes::NotesState,
    pub actions: actions_panel::ActionsState,
    pub timer: timer::TimerState,
    pub compare: compare::CompareState,
    pub portfolio: portfolio::PortfolioState,
    analysis: Option<Arc<Analysis>>,
}

impl WarRoom {
    pub fn new() -> Self {
        WarRoom {
            show_notes: true,
            ..Default::default()
        }
    }

    /// The app's analysis of the document (`Derived`'s, taken by [`refresh`]).
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_deref()
    }

    /// Recompute what depends on the document when its revision changed.
    pub fn refresh(&mut self, doc: &Document, analysis: Option<&Arc<Analysis>>) {
        // The app's one analysis (`Derived`), never a second computation of it.
        self.analysis = analysis.cloned();
        if self
            .focus
            .as_ref()
            .is_some_and(|d| doc.journey().department(d).is_none())
        {
            self.focus = None;
        }
        self.compare.refresh(doc);
    }
}

/// Refresh the cached analysis and focus (call once the document is final for the frame).
pub fn refresh(state: &mut AppState) {
    state
        .warroom
        .refresh(&state.doc, state.derived.analysis.as_ref());
}

/// Keys handled before the command shortcuts: the presentation keys (arrows, Page
/// Up/Down, Esc) and the department number keys (1-9, 0 clears).
pub fn before_shortcuts(ctx: &egui::Context, state: &mut AppState) {
    if state.dialog.is_some() || state.palette.open || state.keyboard_taken(ctx) {
        return;
    }
    present::read_keys(ctx, state);
    focus::read_keys(ctx, state);
}

/// What the war-room panels and windows ask of the app that no other `Action`
/// says (applied at the end of the frame by [`apply`]).
#[derive(Clone, Debug, PartialEq)]
pub enum WarRoomAction {
    /// Focus this department (or none).
    Focus(Option<DepartmentId>),
    /// Portfolio > Open folder…: ask for a folder and list its journeys.
    PickPortfolioFolder,
}

/// Apply a [`WarRoomAction`].
pub fn apply(state: &mut AppState, a: WarRoomAction) {
    match a {
        WarRoomAction::Focus(d) => focus::set(state, d),
        WarRoomAction::PickPortfolioFolder => {
            if let Some(dir) = state.file_dialogs.pick_folder() {
                portfolio::load(state, &dir);
            }
        }
    }
}

/// The notes and actions panel, drawn with the other side panels (not while presenting).
pub fn side_panel(ui: &mut egui::Ui, v: FrameView<'_>, w: &mut WarRoom, out: &mut Outbox<'_>) {
    if !w.panel {
        return;
    }
    egui::Panel::right("warroom-panel")
        .resizable(true)
        .default_size(340.0)
        .size_range(260.0..=560.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.heading(tr("warroom-heading"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("×")
                        .on_hover_text(tr("button-close"))
                        .clicked()
                    {
                        w.panel = false;
                    }
                });
            });
            focus::owner_row(ui, v, w.focus.as_ref(), out);
            ui.separator();
            ui.horizontal(|ui| {
                let n = v.journey().notes().count();
                let a = v.journey().actions().count();
                let tab = &mut w.tab;
                ui.selectable_value(
                    tab,
                    PanelTab::Notes,
                    crate::tr!("warroom-notes-tab", count = n),
                );
                ui.selectable_value(
                    tab,
                    PanelTab::Actions,
                    crate::tr!("warroom-actions-tab", count = a),
                );
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| match w.tab {
                    PanelTab::Notes => notes::panel(ui, v, w, out),
                    PanelTab::Actions => actions_panel::panel(ui, v, w, out),
                });
        });
}

/// Floating windows: department focus card, timer, portfolio.
pub fn windows(ctx: &egui::Context, v: FrameView<'_>, w: &mut WarRoom, out: &mut Outbox<'_>) {
    focus::card(ctx, v, w, out);
    timer::show(ctx, &mut w.timer, w.present.active);
    portfolio::window(ctx, &mut w.portfolio, out);
}

/// Painted over the canvas: the presented stage's outline, the what-if scenario and
/// the sticky notes.
pub fn paint_overlay(painter: &egui::Painter, v: FrameView<'_>, cam: &Camera, pal: &Palette) {
    present::paint_stage(painter, v, cam, pal);
    super::scenario_panel::paint_overlay(painter, &v.drivers().scenario, &v.derived().scene, cam);
    if v.warroom().show_notes {
        notes::paint(painter, v, cam);
    }
}

/// The war-room commands (`Command::is_warroom`).
pub fn run_command(ctx: &egui::Context, state: &mut AppState, c: Command) {
    match c {
        Command::Present => present::toggle(ctx, state),
        Command::AddNote => notes::add_note(ctx, state),
        Command::AddAction => actions_panel::add_action(state),
        Command::ToggleWarRoomPanel => state.warroom.panel = !state.warroom.panel,
        Command::ToggleNotes => state.warroom.show_notes = !state.warroom.show_notes,
        Command::ToggleTimer => state.warroom.timer.toggle(ctx),
        Command::DepartmentFocus => focus::cycle(state),
        Command::SaveAsToBe => compare::save_as_to_be(state),
        Command::Compare => compare::ask_and_open(state),
        Command::ExportComparison => compare::export(state),
        Command::Portfolio => portfolio::open(state),
        _ => {}
    }
}

/// Is a war-room command available now?
pub fn enabled(state: &AppState, c: Command) -> bool {
    match c {
        Command::ExportComparison => state.warroom.compare.is_open(),
        Command::DepartmentFocus => !state.journey().departments().is_empty(),
        _ => true,
    }
}

/// Is a war-room toggle on?
pub fn checked(state: &AppState, c: Command) -> Option<bool> {
    let w = &state.warroom;
    Some(match c {
        Command::Present => w.present.active,
        Command::ToggleWarRoomPanel => w.panel,
        Command::ToggleNotes => w.show_notes,
        Command::ToggleTimer => w.timer.visible,
        Command::Compare => w.compare.is_open(),
        Command::Portfolio => w.portfolio.open,
        _ => return None,
    })
}

/// `touchpoint compare AS_IS TO_BE`: open the app on the as-is journey with the
/// comparison view showing.
pub fn run_compare(as_is: PathBuf, to_be: PathBuf) -> anyhow::Result<()> {
    super::run_with(Some(as_is), std::time::Instant::now(), move |state| {
        compare::open_path(state, &to_be);
    })
}

/// The focus the canvas passes to the display list (`SceneOptions::focus_department`
/// and `focus_stage`) when it paints through `scene`.
pub fn scene_focus(state: &AppState) -> (Option<DepartmentId>, Option<crate::model::StageId>) {
    (
        state.warroom.focus.clone(),
        present::current_stage(state).cloned(),
    )
}
