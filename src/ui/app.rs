//! The application state and the per-frame flow:
//! input -> shortcuts -> panels and canvas (which only *queue* actions) -> dialogs ->
//! apply the queued actions at the end of the frame. The document is read-only
//! while the frame draws and changes only through `Document::apply`.

use super::action::{Action, AfterGuard, Command};
use super::canvas::{self, Camera, CanvasState};
use super::derived::Derived;
use super::dialogs::{self, Dialog, FileDialogs};
use super::frame::{FrameView, Outbox};
use super::settings::{Settings, ThemePref, UI_SCALES};
use super::{clipboard, inspector, palette, panels, search};
use crate::edit::Edit;
use crate::editing;
use crate::history::Document;
use crate::i18n::{Lang, tr};
use crate::layout::LaneMode;
use crate::model::{DepartmentId, HandoffKey, Journey, Layer, StageId, TouchpointId, slugify};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What is selected on the canvas (UI state, never stored in the document).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub touchpoints: BTreeSet<TouchpointId>,
    pub handoff: Option<HandoffKey>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.touchpoints.is_empty() && self.handoff.is_none()
    }

    /// The single selected touchpoint, if exactly one is selected.
    pub fn single(&self) -> Option<&TouchpointId> {
        if self.touchpoints.len() == 1 {
            self.touchpoints.first()
        } else {
            None
        }
    }
}

/// Display toggles.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewOptions {
    pub lane_mode: LaneMode,
    pub gaps: bool,
    pub matrix: bool,
    pub minimap: bool,
    pub left_panel: bool,
    pub inspector: bool,
    pub full_screen: bool,
    /// The whole window to the map: menu, toolbar, status line and panels step aside.
    pub map_only: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            lane_mode: LaneMode::Departments,
            gaps: true,
            matrix: false,
            minimap: true,
            left_panel: true,
            inspector: true,
            full_screen: false,
            map_only: false,
        }
    }
}

/// Everything the app knows. Fields are public so that feature modules (presentation
/// mode, department focus, notes, comparison) can add their own panels in their own files.
pub struct AppState {
    pub doc: Document,
    /// Where the document lives on disk (`None` = never saved).
    pub path: Option<PathBuf>,
    pub selection: Selection,
    pub view: ViewOptions,
    pub left_tab: panels::LeftTab,
    pub camera: Camera,
    pub canvas: CanvasState,
    pub inspector: inspector::InspectorState,
    pub search: search::SearchState,
    pub palette: palette::PaletteState,
    /// The modal dialog on screen, if any.
    pub dialog: Option<Dialog>,
    pub settings: Settings,
    /// Where settings persist (`None` in tests: nothing is written).
    pub settings_path: Option<PathBuf>,
    /// Native file pickers (a fake in tests).
    pub file_dialogs: Box<dyn FileDialogs>,
    /// The last copied fragment (RON), for Paste from a menu or the palette.
    pub clipboard: Option<String>,
    /// The status line.
    pub status: String,
    /// Layout (and later analysis and scene), recomputed once per document revision.
    pub derived: Derived,
    /// Actions queued during this frame.
    pub actions: Vec<Action>,
    /// The window may close (the unsaved-changes question was answered).
    pub allow_close: bool,
    /// Set once the app asked the window to close (tests read it).
    pub quit_requested: bool,
    /// A stage or department just added: its name field takes the keyboard.
    pub name_new: Option<panels::NewName>,
    /// War-room mode: presentation, department focus, notes, timer, comparison.
    pub warroom: super::warroom::WarRoom,
    /// Autosave and recovery, external-change checks, safe saving.
    pub reliability: super::recovery_dialog::Reliability,
    /// File > Export… (options, preview, the export running on a worker).
    pub export: super::export_dialog::ExportDialog,
    /// File > Import… and dropped files: the import preview.
    pub import: super::import_dialog::ImportDialog,
    /// File > Import event log… and View > Measure against a log… (issue 17).
    pub evlog: super::eventlog_dialog::EventLogDialog,
    pub measure: super::measure_view::MeasureView,
    /// File > Import feedback… and dropped survey answers: the feedback preview.
    pub feedback: super::feedback_dialog::FeedbackDialog,
    /// View > Key drivers… and the Scenario panel (issue 19).
    pub drivers: super::drivers_view::DriversUi,
    /// The system's language (`sys-locale`), used until View > Language is chosen;
    /// `None` in tests (English).
    pub system_language: Option<Lang>,
    last_title: String,
    applied_theme: Option<(ThemePref, u32)>,
    /// Frames seen on the first start (the window is maximised, or sized to the monitor).
    first_frames: u32,
}

impl AppState {
    pub fn new(doc: Document, path: Option<PathBuf>, file_dialogs: Box<dyn FileDialogs>) -> Self {
        AppState {
            doc,
            path,
            selection: Selection::default(),
            view: ViewOptions::default(),
            left_tab: panels::LeftTab::default(),
            camera: Camera::default(),
            canvas: CanvasState::default(),
            inspector: inspector::InspectorState::default(),
            search: search::SearchState::default(),
            palette: palette::PaletteState::default(),
            dialog: None,
            settings: Settings::default(),
            settings_path: None,
            file_dialogs,
            clipboard: None,
            status: String::new(),
            derived: Derived::default(),
            actions: Vec::new(),
            allow_close: false,
            quit_requested: false,
            name_new: None,
            warroom: super::warroom::WarRoom::new(),
            reliability: super::recovery_dialog::Reliability::without_autosave(
                crate::recovery::OpenFile::untitled(),
            ),
            export: Default::default(),
            import: Default::default(),
            evlog: Default::default(),
            measure: Default::default(),
            feedback: Default::default(),
            drivers: Default::default(),
            system_language: None,
            last_title: String::new(),
            applied_theme: None,
            first_frames: 0,
        }
    }

    /// A state on an in-memory journey with no file and no native dialogs (tests, benches).
    pub fn with_journey(journey: Journey) -> Self {
        AppState::new(Document::new(journey), None, Box::new(dialogs::NoDialogs))
    }

    /// Read persistent settings from `path` (missing or corrupt: defaults).
    pub fn use_settings_file(&mut self, path: PathBuf) {
        self.settings = Settings::load(&path);
        self.settings_path = Some(path);
    }

    /// The interface language: View > Language, else the system's, else English.
    pub fn language(&self) -> Lang {
        self.settings
            .language
            .clone()
            .or_else(|| self.system_language.clone())
            .unwrap_or_default()
    }

    pub fn journey(&self) -> &Journey {
        self.doc.journey()
    }

    /// Draw a panel: it reads the frame through a [`FrameView`], changes only its own
    /// state (`own`, moved out of the app for the call) and queues actions, which the
    /// app applies at the end of the frame.
    pub fn panel<S: Default, R>(
        &mut self,
        own: fn(&mut AppState) -> &mut S,
        draw: impl FnOnce(FrameView<'_>, &mut S, &mut Outbox<'_>) -> R,
    ) -> R {
        let mut mine = std::mem::take(own(self));
        let mut queued = Vec::new();
        let r = draw(
            FrameView::of(self),
            &mut mine,
            &mut Outbox::new(&mut queued),
        );
        *own(self) = mine;
        self.actions.append(&mut queued);
        r
    }

    /// Draw a panel that has no state of its own (see [`AppState::panel`]).
    pub fn panel_view<R>(&mut self, draw: impl FnOnce(FrameView<'_>, &mut Outbox<'_>) -> R) -> R {
        let mut queued = Vec::new();
        let r = draw(FrameView::of(self), &mut Outbox::new(&mut queued));
        self.actions.append(&mut queued);
        r
    }

    /// Queue an action for the end of the frame.
    pub fn queue(&mut self, action: Action) {
        self.actions.push(action);
    }

    pub fn queue_command(&mut self, command: Command) {
        self.actions.push(Action::Command(command));
    }

    /// The window title: journey, file name and a dirty marker.
    pub fn title(&self) -> String {
        let file = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || tr("title-not-saved"),
            |f| f.to_string_lossy().into_owned(),
        );
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        format!("{dirty}{} — {file} — Touchpoint", self.journey().title())
    }

    // ----- files -----------------------------------------------------------------------

    /// Open a journey file now (no unsaved-changes question: callers ask first).
    /// A load error is shown in a dialog and returned.
    pub fn open_path(&mut self, path: &Path) -> Result<(), crate::io::LoadError> {
        match crate::recovery::OpenFile::open(path) {
            Ok((doc, file)) => {
                self.replace_document(doc, Some(path.to_path_buf()));
                self.reliability.document_replaced(file);
                self.settings.add_recent(path);
                self.persist_settings();
                self.status = tr!("status-opened", path = path.display().to_string());
                Ok(())
            }
            Err(e) => {
                self.status = tr!("status-could-not-open", path = path.display().to_string());
                self.dialog = Some(Dialog::LoadError {
                    file: path.display().to_string(),
                    lines: e.lines(),
                });
                Err(e)
            }
        }
    }

    /// Save to `path` (atomic, verified), remember it as the document's file.
    /// Refuses to overwrite a file someone else changed (the reliability dialog asks),
    /// keeps the document dirty and the old file intact when the save fails.
    pub fn save_to_path(&mut self, path: &Path) -> Result<(), String> {
        use super::recovery_dialog::SaveTarget;
        let target = if self.path.as_deref() == Some(path) {
            SaveTarget::Own { force: false }
        } else {
            SaveTarget::As(path.to_path_buf())
        };
        self.reliability.backup_on_save = self.settings.backup_on_save;
        if self
            .reliability
            .save(&crate::io::RealFs, &mut self.doc, target)
        {
            self.path = Some(path.to_path_buf());
            self.settings.add_recent(path);
            self.persist_settings();
            self.status = tr!("status-saved", path = path.display().to_string());
            Ok(())
        } else {
            let msg = tr!("status-not-saved", path = path.display().to_string());
            self.status.clone_from(&msg);
            Err(msg)
        }
    }

    /// Start over on a new journey (no question asked: callers ask first).
    pub fn new_journey(&mut self) {
        self.replace_document(
            Document::new_unsaved(Journey::neutral(&tr("new-journey-title"))),
            None,
        );
        self.reliability
            .document_replaced(crate::recovery::OpenFile::untitled());
        self.status = tr("status-new-journey");
    }

    fn replace_document(&mut self, doc: Document, path: Option<PathBuf>) {
        self.doc = doc;
        self.path = path;
        self.selection = Selection::default();
        self.canvas = CanvasState::default();
        self.inspector = inspector::InspectorState::default();
        self.name_new = None;
        self.camera.request_readable();
    }

    pub(crate) fn persist_settings(&mut self) {
        if let Some(p) = &self.settings_path
            && let Err(e) = self.settings.save(p)
        {
            self.status = tr!("status-settings-not-saved", error = e.to_string());
        }
    }

    /// Save to the current file, or ask where. Returns whether it was saved.
    fn save_or_ask(&mut self) -> bool {
        match self.path.clone() {
            Some(p) => self.save_to_path(&p).is_ok(),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = format!("{}.journey.ron", slugify(self.journey().title(), "journey"));
        match self.file_dialogs.save_file(&suggested) {
            Some(p) => self.save_to_path(&p).is_ok(),
            None => false,
        }
    }

    /// Run `next` now, or first ask Save / Discard / Cancel when there are unsaved changes.
    fn guard(&mut self, next: AfterGuard) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(next));
        } else {
            self.proceed(next);
        }
    }

    fn proceed(&mut self, next: AfterGuard) {
        match next {
            AfterGuard::New => self.new_journey(),
            AfterGuard::Open(Some(p)) => {
                let _ = self.open_path(&p);
            }
            AfterGuard::Open(None) => {
                if let Some(p) = self.file_dialogs.open_file() {
                    let _ = self.open_path(&p);
                }
            }
            AfterGuard::OpenSample => match crate::samples::move_address() {
                Ok(j) => {
                    self.replace_document(Document::new(j), None);
                    self.reliability
                        .document_replaced(crate::recovery::OpenFile::untitled());
                    self.status = tr("status-opened-sample");
                }
                Err(e) => {
                    self.dialog = Some(Dialog::LoadError {
                        file: e.file.clone(),
                        lines: e.lines(),
                    })
                }
            },
            AfterGuard::Import => {
                if let Some(j) = self.import.take_accepted() {
                    let n = j.touchpoint_count();
                    self.replace_document(Document::new_unsaved(j), None);
                    self.reliability
                        .document_replaced(crate::recovery::OpenFile::untitled());
                    self.status = tr!("status-imported", count = n);
                }
            }
            AfterGuard::Quit => {
                self.allow_close = true;
                self.quit_requested = true;
                // Saved or discarded on purpose: this run's recovery files go.
                self.reliability.finish(false);
            }
        }
    }

    // ----- the frame -------------------------------------------------------------------

    /// Draw one frame and apply what the user asked for. Used by `eframe::App::ui`
    /// and directly by tests (egui_kittest) and benchmarks.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // Every string this frame draws is in the chosen language (this thread only).
        crate::i18n::set_current(&self.language());
        self.apply_theme(&ctx);
        self.remember_window(&ctx);
        self.intercept_close(&ctx);
        // Escape closes an open menu (or dropdown), and does nothing else.
        if egui::Popup::is_any_open(&ctx)
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            egui::Popup::close_all(&ctx);
        }
        // Escape closes an open preview (table import, event log, survey answers) as its
        // Cancel button does, before the shortcuts read it as "clear the selection".
        if (self.import.is_open() || self.evlog.is_open() || self.feedback.is_open())
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.import.close();
            self.evlog.close();
            self.feedback.close();
        }
        super::warroom::before_shortcuts(&ctx, self);
        if self.dialog.is_none() && !self.palette.open {
            self.read_shortcuts(&ctx);
        }
        let dark = ui.visuals().dark_mode;
        self.derived.focus = super::warroom::scene_focus(self);
        self.derived
            .update_with(&self.doc, self.view.lane_mode, self.view.gaps, dark);
        super::warroom::refresh(self);

        if self.warroom.present.active {
            super::present::strip(ui, self);
        } else if self.view.map_only {
            // Only the map (F9 or the button on the map brings the rest back).
        } else {
            panels::top_bar(ui, self);
            self.panel_view(|v, _| panels::status_bar(ui, v));
            if self.view.left_panel {
                panels::left_panel(ui, self);
            }
            if self.view.inspector {
                inspector::panel(ui, self);
            }
            super::warroom::side_panel(ui, self);
            super::measure_view::side_panel(ui, self);
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                if self.warroom.compare.is_open() {
                    super::compare::view(ui, self);
                } else if self.view.matrix {
                    panels::matrix_view(ui, self);
                } else {
                    canvas::show(ui, self);
                }
            });
        self.panel(
            |s| &mut s.search,
            |v, st, out| search::show(&ctx, v, st, out),
        );
        palette::show(&ctx, self);
        super::import_dialog::dropped_files(&ctx, self);
        super::export_dialog::show(&ctx, self);
        super::import_dialog::show(&ctx, self);
        super::eventlog_dialog::show(&ctx, self);
        super::measure_view::show(&ctx, self);
        super::feedback_dialog::show(&ctx, self);
        super::warroom::windows(&ctx, self);
        if let Some(dialog) = self.dialog.take() {
            let (keep, actions) = dialogs::show(&ctx, dialog, self.journey());
            self.dialog = keep;
            self.actions.extend(actions);
        }

        self.apply_queued(&ctx);
        self.reliability_frame(&ctx);
        // The war room's figures follow the document just applied (open, new, restore).
        super::warroom::refresh(self);
        self.derived.focus = super::warroom::scene_focus(self);
        self.derived
            .update_with(&self.doc, self.view.lane_mode, self.view.gaps, dark);
        // ...and the war room shows the analysis just computed for it.
        super::warroom::refresh(self);
        if self.derived.updating() {
            // A big journey computing in the background: look for its results soon
            // (and idle again, at 0% CPU, once they are in).
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        let title = self.title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        if self.quit_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Autosave tracking, the reload offer on focus, and the answers to the
    /// recovery / changed-on-disk / save-failed dialogs.
    fn reliability_frame(&mut self, ctx: &egui::Context) {
        use super::recovery_dialog::Follow;
        let fs = crate::io::RealFs;
        self.reliability.track(&self.doc);
        self.reliability.on_focus(&fs, ctx.input(|i| i.focused));
        for answer in self.reliability.show(ctx) {
            match self.reliability.handle(&fs, &mut self.doc, answer) {
                Follow::Replace(doc) => {
                    let path = self.reliability.file.path.clone();
                    self.replace_document(*doc, path);
                    self.status = tr("status-restored");
                }
                Follow::AskSaveAs => {
                    self.save_as();
                }
                Follow::Nothing => {
                    // A reload replaces the journey in place; keep the file path in step.
                    self.path = self.reliability.file.path.clone().or(self.path.take());
                }
            }
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let key = (self.settings.theme, (self.settings.ui_scale * 100.0) as u32);
        if self.applied_theme == Some(key) {
            return;
        }
        if self.applied_theme.is_none() {
            super::fonts::install(ctx);
        }
        self.applied_theme = Some(key);
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(match self.settings.theme {
            ThemePref::System => egui::ThemePreference::System,
            ThemePref::Light => egui::ThemePreference::Light,
            ThemePref::Dark => egui::ThemePreference::Dark,
        });
        super::theme::apply(ctx);
        ctx.set_zoom_factor(self.settings.ui_scale);
    }

    /// Keep the window's place in the settings (written when the app ends). On the
    /// first start the window is maximised; where no window manager does that (a bare
    /// X server), it is sized to the monitor instead.
    fn remember_window(&mut self, ctx: &egui::Context) {
        use super::settings::WindowPlace;
        let (inner, outer, maximized, fullscreen, monitor) = ctx.input(|i| {
            let v = i.viewport();
            (
                v.inner_rect,
                v.outer_rect,
                v.maximized,
                v.fullscreen,
                v.monitor_size,
            )
        });
        let Some(inner) = inner else { return };
        // The window opens at its outer position (frame included) with its inner size.
        let at = outer.map_or(inner.min, |o| o.min);
        let maximized = maximized == Some(true);
        let first_start = self.settings.window.is_none();
        if self.settings_path.is_some() && self.first_frames < 30 {
            // Maximise once the window is mapped (window managers ignore the request
            // made before: winit on X11); without a window manager, on the first
            // start, size it to the monitor. The place is recorded from then on.
            self.first_frames += 1;
            ctx.request_repaint();
            let wants_max = self.settings.window.is_none_or(|w| w.maximized);
            if self.first_frames == 3 && wants_max && !maximized {
                ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
            }
            if first_start
                && self.first_frames == 20
                && !maximized
                && let Some(m) = monitor
                && (inner.width() < m.x - 1.0 || inner.height() < m.y - 1.0)
            {
                ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::Pos2::ZERO));
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(m));
                super::present::refit(self);
            }
            return;
        }
        if fullscreen == Some(true) || self.warroom.present.active {
            return;
        }
        let place = if maximized {
            // Keep the size to come back to when it is un-maximised.
            self.settings.window.map_or(
                WindowPlace {
                    x: at.x,
                    y: at.y,
                    w: inner.width(),
                    h: inner.height(),
                    maximized: true,
                },
                |w| WindowPlace {
                    maximized: true,
                    ..w
                },
            )
        } else {
            WindowPlace {
                x: at.x,
                y: at.y,
                w: inner.width(),
                h: inner.height(),
                maximized: false,
            }
        };
        self.settings.window = Some(place);
    }

    fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::Unsaved(AfterGuard::Quit));
            } else {
                self.allow_close = true;
            }
        }
    }

    /// Does a text field have the keyboard (or is about to get it)? Then no
    /// single-key shortcut fires, in any mode. Naming a card or writing a note counts
    /// as typing even in the frame its field gets or gives up focus.
    pub fn keyboard_taken(&self, ctx: &egui::Context) -> bool {
        ctx.egui_wants_keyboard_input()
            || self.canvas.inline.is_some()
            || self.warroom.notes.focus.is_some()
            || self.warroom.notes.editing.is_some()
            || self.name_new.is_some()
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = self.keyboard_taken(ctx);
        let mut fired = Vec::new();
        // Shortcuts with more modifiers first: Ctrl+Shift+Z must not be taken by Ctrl+Z.
        let mut table: Vec<(Command, egui::KeyboardShortcut)> = Command::ALL
            .into_iter()
            .filter(|c| !c.is_clipboard() && (!typing || c.works_while_typing()))
            .flat_map(|c| c.shortcuts().into_iter().map(move |sc| (c, sc)))
            .collect();
        let weight = |m: egui::Modifiers| {
            usize::from(m.shift) + usize::from(m.alt) + usize::from(m.command || m.ctrl)
        };
        table.sort_by_key(|(_, sc)| std::cmp::Reverse(weight(sc.modifiers)));
        ctx.input_mut(|i| {
            for (command, sc) in &table {
                if !fired.contains(command) && i.consume_shortcut(sc) {
                    fired.push(*command);
                }
            }
            if !typing {
                for event in &i.events {
                    match event {
                        egui::Event::Copy => fired.push(Command::Copy),
                        egui::Event::Cut => fired.push(Command::Cut),
                        egui::Event::Paste(text) => {
                            self.actions.push(Action::PasteText(text.clone()));
                        }
                        _ => {}
                    }
                }
            }
        });
        self.actions.extend(fired.into_iter().map(Action::Command));
    }

    /// Apply every queued action, including those that queue further actions.
    pub fn apply_queued(&mut self, ctx: &egui::Context) {
        let mut rounds = 0;
        while !self.actions.is_empty() && rounds < 8 {
            rounds += 1;
            for action in std::mem::take(&mut self.actions) {
                self.apply_action(ctx, action);
            }
        }
        self.actions.clear();
        // Drop selected things that no longer exist (after undo, delete, reload).
        let j = self.doc.journey();
        self.selection
            .touchpoints
            .retain(|id| j.contains_touchpoint(id));
        if let Some(k) = &self.selection.handoff
            && j.handoff(k).is_none()
        {
            self.selection.handoff = None;
        }
    }

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
            Action::SetLanguage(lang) => {
                // Instantly: this frame's remaining strings and every later one.
                crate::i18n::set_current(&lang);
                self.status = tr!("status-language", name = lang.native_name());
                self.settings.language = Some(lang);
                self.persist_settings();
            }
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
        match c {
            Command::New => self.guard(AfterGuard::New),
            Command::Open => self.guard(AfterGuard::Open(None)),
            Command::Import => super::import_dialog::choose(ctx, self),
            Command::ImportEventLog => super::eventlog_dialog::choose(ctx, self),
            Command::MeasureLog => super::measure_view::toggle(ctx, self),
            Command::ImportFeedback => super::feedback_dialog::choose(ctx, self),
            Command::Export => super::export_dialog::open(self),
            Command::OpenSample => self.guard(AfterGuard::OpenSample),
            Command::Save => {
                self.save_or_ask();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Quit => self.guard(AfterGuard::Quit),
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
            Command::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::About => self.dialog = Some(Dialog::About),
            Command::KeyDrivers => super::drivers_view::toggle(self),
            Command::Scenarios => super::scenario_panel::toggle(self),
            c if c.is_warroom() => super::warroom::run_command(ctx, self, c),
            _ => {}
        }
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
            c if c.is_warroom() => super::warroom::enabled(self, c),
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
            c if c.is_warroom() => return super::warroom::checked(self, c),
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

    // ----- editing helpers -------------------------------------------------------------

    /// Where "Add touchpoint" puts a new one: after the selected touchpoint in the next
    /// stage, or in the first stage of the first department.
    pub fn next_create(&self) -> Action {
        let editing::NewCell {
            stage,
            owner,
            layer,
            after,
        } = editing::next_create(self.journey(), self.selection.single());
        Action::BeginCreate {
            stage,
            owner,
            layer,
            after,
        }
    }

    /// Create a touchpoint named `name` in a cell; returns its id when created.
    pub fn create_touchpoint(
        &mut self,
        name: &str,
        stage: Option<StageId>,
        owner: Option<DepartmentId>,
        layer: Option<Layer>,
        after: Option<TouchpointId>,
    ) -> Option<TouchpointId> {
        let cell = editing::NewCell {
            stage,
            owner,
            layer,
            after,
        };
        let (id, edit) = editing::create_touchpoint(self.journey(), name, cell)?;
        let before = self.doc.version();
        self.edit(&tr!("undo-add-touchpoint", name = name.trim()), edit, None);
        if self.doc.version() != before {
            self.selection = Selection {
                touchpoints: [id.clone()].into_iter().collect(),
                handoff: None,
            };
            Some(id)
        } else {
            None
        }
    }

    fn delete_selection(&mut self) {
        if let Some(key) = self.selection.handoff.clone() {
            let edit = editing::delete_handoff(self.journey(), &key);
            self.edit(&tr("undo-delete-handoff"), edit, None);
            self.selection.handoff = None;
        }
        if !self.selection.touchpoints.is_empty() {
            let n = self.selection.touchpoints.len();
            let edit = editing::delete_touchpoints(self.journey(), &self.selection.touchpoints);
            self.edit(&tr!("undo-delete-touchpoints", count = n), edit, None);
            self.selection.touchpoints.clear();
        }
    }

    fn paste(&mut self, text: &str) {
        let target_stage = editing::paste_stage(self.journey(), self.selection.single());
        match clipboard::paste_edit(self.journey(), text, target_stage.as_ref()) {
            Ok((edit, ids)) => {
                let n = ids.len();
                let before = self.doc.version();
                self.edit(&tr!("undo-paste", count = n), edit, None);
                if self.doc.version() != before {
                    self.selection = Selection {
                        touchpoints: ids.into_iter().collect(),
                        handoff: None,
                    };
                }
            }
            Err(e) => self.status = tr!("status-nothing-pasted", error = e.to_string()),
        }
    }

    /// Move the selected touchpoints `dx` stages and `dy` lanes (arrow keys).
    pub fn move_selection(&mut self, dx: i32, dy: i32) {
        let ids: Vec<TouchpointId> = self.selection.touchpoints.iter().cloned().collect();
        if let Some(edit) = self.move_edit(&ids, dx, dy) {
            self.edit(&tr("undo-move-touchpoints"), edit, None);
        }
    }

    /// The edit moving `ids` by whole cells, or `None` when nothing changes.
    pub fn move_edit(&self, ids: &[TouchpointId], dx: i32, dy: i32) -> Option<Edit> {
        editing::move_edit(self.journey(), &self.derived.layout, ids, dx, dy)
    }

    fn add_stage(&mut self) {
        let (id, edit) = editing::add_stage(self.journey(), self.selection.single());
        self.edit(&tr("undo-add-stage"), edit, None);
        if self.journey().stage(&id).is_some() {
            // Named in place: the Structure tab opens with the new name selected.
            self.view.left_panel = true;
            self.left_tab = panels::LeftTab::Structure;
            self.name_new = Some(panels::NewName::Stage(id));
        }
    }

    fn add_department(&mut self) {
        let (id, edit) = editing::add_department(self.journey());
        self.edit(&tr("undo-add-department"), edit, None);
        if self.journey().department(&id).is_some() {
            self.view.left_panel = true;
            self.left_tab = panels::LeftTab::Structure;
            self.name_new = Some(panels::NewName::Department(id));
        }
    }
}
