//! Where actions take effect: `apply_action`, the commands of menus, shortcuts and the
//! palette, and whether a command is enabled or checked and how it is labelled.

use super::{AppState, Selection};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::layout::LaneMode;
use crate::ui::action::{Action, AfterGuard, AppAction, Command};
use crate::ui::canvas;
use crate::ui::clipboard;
use crate::ui::dialogs::Dialog;
use crate::ui::settings::{ThemePref, UI_SCALES};
use std::collections::BTreeSet;

impl AppState {
    /// The one place where actions take effect.
    pub fn apply_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(c) => self.run_command(ctx, c),
            Action::Edit { label, edit, merge } => self.edit(&label, edit, merge),
            Action::SelectTouchpoints(ids) => {
                self.selection = Selection {
                    touchpoints: ids.into_iter().collect(),
                    handoff: None,
                };
            }
            Action::SelectHandoff(key) => {
                self.selection = Selection {
                    touchpoints: BTreeSet::new(),
                    handoff: Some(key),
                };
            }
            Action::Focus(ids) => {
                self.derived.update(&self.doc, self.view.lane_mode);
                self.camera.request_centre(&self.derived.layout, ids.iter());
                self.selection = Selection {
                    touchpoints: ids.into_iter().collect(),
                    handoff: None,
                };
                self.view.matrix = false;
            }
            Action::BeginCreate {
                stage,
                owner,
                layer,
                after,
            } => {
                self.canvas.inline = Some(canvas::Inline::create(stage, owner, layer, after));
            }
            Action::BeginRename(id) => {
                if let Some(t) = self.journey().touchpoint(&id) {
                    self.canvas.inline = Some(canvas::Inline::rename(id, t.name.clone()));
                }
            }
            Action::CommitInline { inline, then_next } => {
                if let Some(next) = canvas::commit_inline(self.journey(), *inline, then_next) {
                    self.apply_action(ctx, next);
                }
            }
            Action::CreateTouchpoint {
                name,
                stage,
                owner,
                layer,
                after,
                then_next,
            } => {
                if self
                    .create_touchpoint(&name, stage, owner, layer, after)
                    .is_some()
                    && then_next
                {
                    let next = self.next_create();
                    self.apply_action(ctx, next);
                }
            }
            Action::OpenPath(p) => self.guard(AfterGuard::Open(Some(p))),
            Action::Guarded(next) => self.guard(next),
            Action::Proceed(next) => {
                if next == AfterGuard::Quit {
                    self.allow_close = true;
                }
                self.proceed(next);
            }
            Action::SaveThen(next) => {
                if self.save_or_ask() {
                    self.apply_action(ctx, Action::Proceed(next));
                }
            }
            Action::PasteText(text) => self.paste(&text),
            Action::RemoveStage { id, move_to } => {
                let edit = Edit::remove_stage(self.journey(), &id, move_to.as_ref());
                self.edit(&tr("undo-delete-stage"), edit, None);
            }
            Action::RemoveDepartment { id, move_to } => {
                let edit = Edit::remove_department(self.journey(), &id, move_to.as_ref());
                self.edit(&tr("undo-delete-department"), edit, None);
            }
            Action::SetLaneMode(mode) => {
                self.view.lane_mode = mode;
            }
            Action::SetUiScale(s) => {
                self.settings.ui_scale = s.clamp(0.5, 3.0);
                self.persist_settings();
            }
            Action::App(a) => self.apply_app_action(a),
            Action::Evidence(a) => self.apply_evidence(ctx, a),
            Action::WarRoom(a) => crate::ui::warroom::apply(self, a),
            Action::SetLanguage(lang) => {
                // Instantly: this frame's remaining strings and every later one.
                crate::i18n::set_current(&lang);
                self.status = tr!("status-language", name = lang.native_name());
                self.settings.language = Some(lang);
                self.persist_settings();
            }
        }
    }

    /// Apply what a panel asked of the app (see [`AppAction`]).
    fn apply_app_action(&mut self, action: AppAction) {
        match action {
            AppAction::SetBackupOnSave(on) => {
                self.settings.backup_on_save = on;
                self.persist_settings();
            }
            AppAction::ShowRecovered => self.reliability.show_recovered(),
            AppAction::Status(message) => self.status = message,
            AppAction::OpenDialog(dialog) => self.dialog = Some(dialog),
            AppAction::NameFocused => self.name_new = None,
        }
    }

    /// Apply an edit as one undo step; a refused edit shows why and changes nothing.
    pub fn edit(&mut self, label: &str, edit: Edit, merge: Option<String>) {
        if merge.is_none() {
            self.doc.seal();
        }
        match self.doc.apply_merging(label, edit, merge) {
            Ok(()) => self.status = label.to_owned(),
            Err(e) => self.status = tr!("status-refused", what = label, error = e.to_string()),
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, c: Command) {
        if self.run_file_command(ctx, c)
            || self.run_edit_command(ctx, c)
            || self.run_view_command(ctx, c)
        {
            return;
        }
        match c {
            Command::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::About => self.dialog = Some(Dialog::About),
            Command::KeyDrivers => crate::ui::drivers_view::toggle(self),
            Command::Scenarios => crate::ui::scenario_panel::toggle(self),
            c if c.is_warroom() => crate::ui::warroom::run_command(ctx, self, c),
            _ => {}
        }
    }

    /// The File menu's commands: new, open, import, export, save, quit.
    /// Returns whether `c` was one of them.
    fn run_file_command(&mut self, ctx: &egui::Context, c: Command) -> bool {
        match c {
            Command::New => self.guard(AfterGuard::New),
            Command::Open => self.guard(AfterGuard::Open(None)),
            Command::Import => crate::ui::import_dialog::choose(ctx, self),
            Command::ImportEventLog => crate::ui::eventlog_dialog::choose(ctx, self),
            Command::MeasureLog => crate::ui::measure_view::toggle(ctx, self),
            Command::ImportFeedback => crate::ui::feedback_dialog::choose(ctx, self),
            Command::Export => crate::ui::export_dialog::open(self),
            Command::OpenSample => self.guard(AfterGuard::OpenSample),
            Command::Save => {
                self.save_or_ask();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Quit => self.guard(AfterGuard::Quit),
            _ => return false,
        }
        true
    }

    /// The Edit menu's commands: undo, clipboard, delete, selection, add, move.
    /// Returns whether `c` was one of them.
    fn run_edit_command(&mut self, ctx: &egui::Context, c: Command) -> bool {
        match c {
            Command::Undo => {
                self.doc.seal();
                match self.doc.undo() {
                    Ok(Some(l)) => self.status = tr!("status-undid", what = l),
                    Ok(None) => self.status = tr("status-nothing-to-undo"),
                    Err(e) => self.status = tr!("status-undo-failed", error = e.to_string()),
                }
            }
            Command::Redo => match self.doc.redo() {
                Ok(Some(l)) => self.status = tr!("status-redid", what = l),
                Ok(None) => self.status = tr("status-nothing-to-redo"),
                Err(e) => self.status = tr!("status-redo-failed", error = e.to_string()),
            },
            Command::Copy | Command::Cut => {
                let frag = clipboard::copy(self.journey(), &self.selection.touchpoints);
                if let Some(text) = frag {
                    ctx.copy_text(text.clone());
                    self.clipboard = Some(text);
                    let n = self.selection.touchpoints.len();
                    if c == Command::Cut {
                        let edit =
                            Edit::remove_touchpoints(self.journey(), &self.selection.touchpoints);
                        self.edit(&tr!("undo-cut", count = n), edit, None);
                    } else {
                        self.status = tr!("status-copied", count = n);
                    }
                }
            }
            Command::Paste => {
                if let Some(text) = self.clipboard.clone() {
                    self.paste(&text);
                }
            }
            Command::Duplicate => {
                if let Some(text) = clipboard::copy(self.journey(), &self.selection.touchpoints) {
                    self.paste(&text);
                }
            }
            Command::Delete => self.delete_selection(),
            Command::SelectAll => {
                self.selection = Selection {
                    touchpoints: self.journey().touchpoints().map(|t| t.id.clone()).collect(),
                    handoff: None,
                };
            }
            Command::ClearSelection => {
                if self.canvas.inline.take().is_some() {
                    // Escape first cancels the name being typed.
                } else if self.search.open {
                    self.search.open = false;
                } else {
                    self.selection = Selection::default();
                }
            }
            Command::Rename => {
                if let Some(id) = self.selection.single().cloned() {
                    self.apply_action(ctx, Action::BeginRename(id));
                }
            }
            Command::AddTouchpoint => {
                let action = self.next_create();
                self.apply_action(ctx, action);
            }
            Command::AddStage => self.add_stage(),
            Command::AddDepartment => self.add_department(),
            Command::MoveLeft => self.move_selection(-1, 0),
            Command::MoveRight => self.move_selection(1, 0),
            Command::MoveUp => self.move_selection(0, -1),
            Command::MoveDown => self.move_selection(0, 1),
            _ => return false,
        }
        true
    }

    /// The View menu's commands: zoom, toggles, panels, search, palette, scale, theme.
    /// Returns whether `c` was one of them.
    fn run_view_command(&mut self, ctx: &egui::Context, c: Command) -> bool {
        match c {
            Command::Fit => self.camera.request_fit(),
            Command::ZoomIn => self.camera.zoom_by(1.25),
            Command::ZoomOut => self.camera.zoom_by(0.8),
            Command::ZoomReset => self.camera.zoom_to(1.0),
            Command::ToggleGaps => self.view.gaps = !self.view.gaps,
            Command::ToggleLaneMode => {
                self.view.lane_mode = match self.view.lane_mode {
                    LaneMode::Departments => LaneMode::Layers,
                    LaneMode::Layers => LaneMode::Departments,
                };
            }
            Command::ToggleMatrix => self.view.matrix = !self.view.matrix,
            Command::ToggleMinimap => self.view.minimap = !self.view.minimap,
            Command::ToggleLeftPanel => self.view.left_panel = !self.view.left_panel,
            Command::ToggleInspector => self.view.inspector = !self.view.inspector,
            Command::MapOnly => {
                self.view.map_only = !self.view.map_only;
                // An untouched view is set up again for the new size of the map.
                self.camera.refresh_auto_view();
                self.status = if self.view.map_only {
                    tr("status-map-only")
                } else {
                    tr("status-panels-back")
                };
            }
            Command::Search => {
                self.search.open = true;
                self.search.focus = true;
            }
            Command::Palette => {
                self.palette.open = true;
                self.palette.focus = true;
                self.palette.query.clear();
            }
            Command::FullScreen => {
                self.view.full_screen = !self.view.full_screen;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.view.full_screen));
            }
            Command::UiScaleUp | Command::UiScaleDown | Command::UiScaleReset => {
                let cur = self.settings.ui_scale;
                let next = match c {
                    Command::UiScaleUp => UI_SCALES.iter().copied().find(|&s| s > cur + 0.01),
                    Command::UiScaleDown => {
                        UI_SCALES.iter().rev().copied().find(|&s| s < cur - 0.01)
                    }
                    _ => Some(1.0),
                };
                if let Some(s) = next {
                    self.apply_action(ctx, Action::SetUiScale(s));
                    self.status = tr!("status-ui-scale", percent = format!("{:.0}", s * 100.0));
                }
            }
            Command::ThemeSystem | Command::ThemeLight | Command::ThemeDark => {
                self.settings.theme = match c {
                    Command::ThemeLight => ThemePref::Light,
                    Command::ThemeDark => ThemePref::Dark,
                    _ => ThemePref::System,
                };
                self.persist_settings();
            }
            _ => return false,
        }
        true
    }

    /// Is a command available now? (Greys out menu items and palette rows.)
    pub fn enabled(&self, c: Command) -> bool {
        let has_tp = !self.selection.touchpoints.is_empty();
        match c {
            Command::Undo => self.doc.can_undo(),
            Command::Redo => self.doc.can_redo(),
            Command::Cut | Command::Copy | Command::Duplicate => has_tp,
            Command::Paste => self.clipboard.is_some(),
            Command::Delete => !self.selection.is_empty(),
            Command::Rename => self.selection.single().is_some(),
            Command::MoveLeft | Command::MoveRight | Command::MoveUp | Command::MoveDown => has_tp,
            c if c.is_warroom() => crate::ui::warroom::enabled(self, c),
            _ => true,
        }
    }

    /// Is a toggle command on?
    pub fn checked(&self, c: Command) -> Option<bool> {
        Some(match c {
            Command::ToggleGaps => self.view.gaps,
            Command::ToggleLaneMode => self.view.lane_mode == LaneMode::Layers,
            Command::ToggleMatrix => self.view.matrix,
            Command::MeasureLog => self.measure.is_open(),
            Command::ToggleMinimap => self.view.minimap,
            Command::ToggleLeftPanel => self.view.left_panel,
            Command::ToggleInspector => self.view.inspector,
            Command::MapOnly => self.view.map_only,
            Command::FullScreen => self.view.full_screen,
            Command::ThemeSystem => self.settings.theme == ThemePref::System,
            Command::ThemeLight => self.settings.theme == ThemePref::Light,
            Command::ThemeDark => self.settings.theme == ThemePref::Dark,
            Command::KeyDrivers => self.drivers.open,
            Command::Scenarios => self.drivers.scenario.open,
            c if c.is_warroom() => return crate::ui::warroom::checked(self, c),
            _ => return None,
        })
    }

    /// The menu label, with what Undo/Redo would do.
    pub fn command_label(&self, c: Command) -> String {
        match c {
            Command::Undo => match self.doc.undo_label() {
                Some(l) => tr!("cmd-undo-what", what = l),
                None => c.label(),
            },
            Command::Redo => match self.doc.redo_label() {
                Some(l) => tr!("cmd-redo-what", what = l),
                None => c.label(),
            },
            _ => c.label(),
        }
    }
}
