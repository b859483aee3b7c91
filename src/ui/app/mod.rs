//! The application state and the per-frame flow:
//! input -> shortcuts -> panels and canvas (which only *queue* actions) -> dialogs ->
//! apply the queued actions at the end of the frame. The document is read-only
//! while the frame draws and changes only through `Document::apply`.

use super::action::{Action, Command};
use super::canvas::{Camera, CanvasState};
use super::derived::Derived;
use super::dialogs::{self, Dialog, FileDialogs};
use super::frame::{FrameView, Outbox};
use super::settings::{Settings, ThemePref};
use super::{inspector, palette, panels, search};
use crate::history::Document;
use crate::i18n::{Lang, tr};
use crate::layout::LaneMode;
use crate::model::{HandoffKey, Journey, TouchpointId};
use std::collections::BTreeSet;
use std::path::PathBuf;

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
}

mod commands;
mod edits;
mod evidence;
mod files;
mod frame;
