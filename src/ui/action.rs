//! One list of user actions. Menus, keyboard shortcuts, the command palette and
//! Help > Keyboard shortcuts are all generated from [`Command::ALL`], so they never
//! disagree. Everything the user asks for is queued as an [`Action`] during the
//! frame and applied at the end of it (see `AppState::apply_action`).

use crate::edit::Edit;
use crate::i18n::tr;
use crate::layout::LaneMode;
use crate::model::{DepartmentId, HandoffKey, StageId, TouchpointId};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// A parameterless command: something a menu item, a shortcut or the palette triggers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    Open,
    Import,
    /// File > Import event log… (issue 17, `eventlog_dialog.rs`).
    ImportEventLog,
    /// File > Import feedback…: survey answers onto the open journey (issue 18).
    ImportFeedback,
    Export,
    Save,
    SaveAs,
    OpenSample,
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Duplicate,
    Delete,
    SelectAll,
    ClearSelection,
    Rename,
    AddTouchpoint,
    AddStage,
    AddDepartment,
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    Fit,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleGaps,
    ToggleLaneMode,
    ToggleMatrix,
    /// View > Measure against a log… (issue 17, `measure_view.rs`).
    MeasureLog,
    /// View > Key drivers… (issue 19).
    KeyDrivers,
    /// View > Scenarios: the what-if panel (issue 19).
    Scenarios,
    ToggleMinimap,
    ToggleLeftPanel,
    ToggleInspector,
    /// The whole window to the map (panels, menu and toolbar step aside) and back.
    MapOnly,
    Search,
    Palette,
    FullScreen,
    UiScaleUp,
    UiScaleDown,
    UiScaleReset,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    Shortcuts,
    About,
    // War-room mode (issue #9), handled in `warroom.rs`.
    Present,
    AddNote,
    AddAction,
    ToggleWarRoomPanel,
    ToggleNotes,
    DepartmentFocus,
    ToggleTimer,
    SaveAsToBe,
    Compare,
    ExportComparison,
    Portfolio,
}

/// Which menu a command belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
    Workshop,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 5] = [
        Menu::File,
        Menu::Edit,
        Menu::View,
        Menu::Workshop,
        Menu::Help,
    ];

    pub fn label(self) -> String {
        tr(match self {
            Menu::File => "menu-file",
            Menu::Edit => "menu-edit",
            Menu::View => "menu-view",
            Menu::Workshop => "menu-workshop",
            Menu::Help => "menu-help",
        })
    }
}

const fn sc(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}
const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};
const CMD_ALT: Modifiers = Modifiers {
    alt: true,
    ctrl: false,
    shift: false,
    mac_cmd: false,
    command: true,
};

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 63] = [
        Command::New,
        Command::Open,
        Command::Import,
        Command::ImportEventLog,
        Command::ImportFeedback,
        Command::Export,
        Command::Save,
        Command::SaveAs,
        Command::OpenSample,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Cut,
        Command::Copy,
        Command::Paste,
        Command::Duplicate,
        Command::Delete,
        Command::SelectAll,
        Command::ClearSelection,
        Command::Rename,
        Command::AddTouchpoint,
        Command::AddStage,
        Command::AddDepartment,
        Command::MoveLeft,
        Command::MoveRight,
        Command::MoveUp,
        Command::MoveDown,
        Command::Fit,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleGaps,
        Command::ToggleLaneMode,
        Command::ToggleMatrix,
        Command::MeasureLog,
        Command::KeyDrivers,
        Command::Scenarios,
        Command::ToggleMinimap,
        Command::ToggleLeftPanel,
        Command::ToggleInspector,
        Command::MapOnly,
        Command::Search,
        Command::Palette,
        Command::FullScreen,
        Command::UiScaleUp,
        Command::UiScaleDown,
        Command::UiScaleReset,
        Command::ThemeSystem,
        Command::ThemeLight,
        Command::ThemeDark,
        Command::Shortcuts,
        Command::About,
        Command::Present,
        Command::AddNote,
        Command::AddAction,
        Command::ToggleWarRoomPanel,
        Command::ToggleNotes,
        Command::DepartmentFocus,
        Command::ToggleTimer,
        Command::SaveAsToBe,
        Command::Compare,
        Command::ExportComparison,
        Command::Portfolio,
    ];

    /// The message id of the command's name (`cmd-new`, `cmd-save-as`).
    pub fn message_id(self) -> &'static str {
        match self {
            Command::New => "cmd-new",
            Command::Open => "cmd-open",
            Command::Import => "cmd-import",
            Command::ImportEventLog => "evlog-cmd-import",
            Command::ImportFeedback => "voice-cmd-import-feedback",
            Command::Export => "cmd-export",
            Command::Save => "cmd-save",
            Command::SaveAs => "cmd-save-as",
            Command::OpenSample => "cmd-open-sample",
            Command::Quit => "cmd-quit",
            Command::Undo => "cmd-undo",
            Command::Redo => "cmd-redo",
            Command::Cut => "cmd-cut",
            Command::Copy => "cmd-copy",
            Command::Paste => "cmd-paste",
            Command::Duplicate => "cmd-duplicate",
            Command::Delete => "cmd-delete",
            Command::SelectAll => "cmd-select-all",
            Command::ClearSelection => "cmd-clear-selection",
            Command::Rename => "cmd-rename",
            Command::AddTouchpoint => "cmd-add-touchpoint",
            Command::AddStage => "cmd-add-stage",
            Command::AddDepartment => "cmd-add-department",
            Command::MoveLeft => "cmd-move-left",
            Command::MoveRight => "cmd-move-right",
            Command::MoveUp => "cmd-move-up",
            Command::MoveDown => "cmd-move-down",
            Command::Fit => "cmd-fit",
            Command::ZoomIn => "cmd-zoom-in",
            Command::ZoomOut => "cmd-zoom-out",
            Command::ZoomReset => "cmd-zoom-reset",
            Command::ToggleGaps => "cmd-toggle-gaps",
            Command::ToggleLaneMode => "cmd-toggle-lane-mode",
            Command::ToggleMatrix => "cmd-toggle-matrix",
            Command::MeasureLog => "evlog-cmd-measure",
            Command::KeyDrivers => "kd-cmd-key-drivers",
            Command::Scenarios => "kd-cmd-scenarios",
            Command::ToggleMinimap => "cmd-toggle-minimap",
            Command::ToggleLeftPanel => "cmd-toggle-left-panel",
            Command::ToggleInspector => "cmd-toggle-inspector",
            Command::MapOnly => "cmd-map-only",
            Command::Search => "cmd-search",
            Command::Palette => "cmd-palette",
            Command::FullScreen => "cmd-full-screen",
            Command::UiScaleUp => "cmd-ui-scale-up",
            Command::UiScaleDown => "cmd-ui-scale-down",
            Command::UiScaleReset => "cmd-ui-scale-reset",
            Command::ThemeSystem => "cmd-theme-system",
            Command::ThemeLight => "cmd-theme-light",
            Command::ThemeDark => "cmd-theme-dark",
            Command::Shortcuts => "cmd-shortcuts",
            Command::About => "cmd-about",
            Command::Present => "cmd-present",
            Command::AddNote => "cmd-add-note",
            Command::AddAction => "cmd-add-action",
            Command::ToggleWarRoomPanel => "cmd-toggle-war-room-panel",
            Command::ToggleNotes => "cmd-toggle-notes",
            Command::DepartmentFocus => "cmd-department-focus",
            Command::ToggleTimer => "cmd-toggle-timer",
            Command::SaveAsToBe => "cmd-save-as-to-be",
            Command::Compare => "cmd-compare",
            Command::ExportComparison => "cmd-export-comparison",
            Command::Portfolio => "cmd-portfolio",
        }
    }

    /// The command's name in the current language.
    pub fn label(self) -> String {
        tr(self.message_id())
    }

    pub fn menu(self) -> Menu {
        use Command::*;
        match self {
            New | Open | Import | ImportEventLog | ImportFeedback | Export | Save | SaveAs
            | OpenSample | Quit => Menu::File,
            Undo | Redo | Cut | Copy | Paste | Duplicate | Delete | SelectAll | ClearSelection
            | Rename | AddTouchpoint | AddStage | AddDepartment | MoveLeft | MoveRight | MoveUp
            | MoveDown => Menu::Edit,
            Shortcuts | About => Menu::Help,
            c if c.is_warroom() => Menu::Workshop,
            _ => Menu::View,
        }
    }

    /// Draw a separator before this command in its menu.
    pub fn separator_before(self) -> bool {
        matches!(
            self,
            Command::OpenSample
                | Command::Quit
                | Command::Cut
                | Command::SelectAll
                | Command::AddTouchpoint
                | Command::MoveLeft
                | Command::ToggleGaps
                | Command::Search
                | Command::UiScaleUp
                | Command::ThemeSystem
                | Command::AddNote
                | Command::ToggleTimer
                | Command::SaveAsToBe
                | Command::Portfolio
        )
    }

    /// A war-room command (handled by `ui::warroom`).
    pub fn is_warroom(self) -> bool {
        use Command::*;
        matches!(
            self,
            Present
                | AddNote
                | AddAction
                | ToggleWarRoomPanel
                | ToggleNotes
                | DepartmentFocus
                | ToggleTimer
                | SaveAsToBe
                | Compare
                | ExportComparison
                | Portfolio
        )
    }

    /// Keyboard shortcuts; the first is the one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        use Command::*;
        match self {
            New => vec![sc(CMD, Key::N)],
            Open => vec![sc(CMD, Key::O)],
            Import => vec![sc(CMD, Key::I)],
            Export => vec![sc(CMD, Key::E)],
            Save => vec![sc(CMD, Key::S)],
            SaveAs => vec![sc(CMD_SHIFT, Key::S)],
            Quit => vec![sc(CMD, Key::Q)],
            Undo => vec![sc(CMD, Key::Z)],
            Redo => vec![sc(CMD_SHIFT, Key::Z), sc(CMD, Key::Y)],
            Cut => vec![sc(CMD, Key::X)],
            Copy => vec![sc(CMD, Key::C)],
            Paste => vec![sc(CMD, Key::V)],
            Duplicate => vec![sc(CMD, Key::D)],
            Delete => vec![sc(NONE, Key::Delete), sc(NONE, Key::Backspace)],
            SelectAll => vec![sc(CMD, Key::A)],
            ClearSelection => vec![sc(NONE, Key::Escape)],
            Rename => vec![sc(NONE, Key::F2)],
            AddTouchpoint => vec![sc(NONE, Key::Insert)],
            MoveLeft => vec![sc(NONE, Key::ArrowLeft)],
            MoveRight => vec![sc(NONE, Key::ArrowRight)],
            MoveUp => vec![sc(NONE, Key::ArrowUp)],
            MoveDown => vec![sc(NONE, Key::ArrowDown)],
            Fit => vec![sc(NONE, Key::F), sc(NONE, Key::Home)],
            ZoomIn => vec![sc(CMD, Key::Equals), sc(CMD, Key::Plus)],
            ZoomOut => vec![sc(CMD, Key::Minus)],
            ZoomReset => vec![sc(CMD, Key::Num0)],
            ToggleGaps => vec![sc(NONE, Key::G)],
            ToggleLaneMode => vec![sc(NONE, Key::L)],
            ToggleMatrix => vec![sc(NONE, Key::M)],
            Search => vec![sc(CMD, Key::F)],
            Palette => vec![sc(CMD, Key::K), sc(CMD_SHIFT, Key::P)],
            FullScreen => vec![sc(NONE, Key::F11)],
            MapOnly => vec![sc(NONE, Key::F9)],
            UiScaleUp => vec![sc(CMD_ALT, Key::Equals)],
            UiScaleDown => vec![sc(CMD_ALT, Key::Minus)],
            UiScaleReset => vec![sc(CMD_ALT, Key::Num0)],
            Shortcuts => vec![sc(NONE, Key::F1)],
            Present => vec![sc(NONE, Key::F5)],
            AddNote => vec![sc(NONE, Key::N)],
            ToggleWarRoomPanel => vec![sc(CMD_SHIFT, Key::N)],
            ToggleTimer => vec![sc(NONE, Key::T)],
            _ => vec![],
        }
    }

    /// Does the shortcut work while a text field has keyboard focus? (Only the
    /// file and window commands: typing must not delete cards or undo the map.)
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            Command::New
                | Command::Open
                | Command::Import
                | Command::ImportFeedback
                | Command::Export
                | Command::Save
                | Command::SaveAs
                | Command::Quit
                | Command::Palette
                | Command::Search
                | Command::FullScreen
                | Command::Shortcuts
                | Command::Present
        )
    }

    /// Cut, copy and paste arrive as clipboard events from the platform, not as key presses.
    pub fn is_clipboard(self) -> bool {
        matches!(self, Command::Cut | Command::Copy | Command::Paste)
    }

    /// Is this a toggle, and is it on? (For check marks in menus.)
    pub fn is_toggle(self) -> bool {
        matches!(
            self,
            Command::ToggleGaps
                | Command::ToggleLaneMode
                | Command::ToggleMatrix
                | Command::MeasureLog
                | Command::KeyDrivers
                | Command::Scenarios
                | Command::ToggleMinimap
                | Command::ToggleLeftPanel
                | Command::ToggleInspector
                | Command::MapOnly
                | Command::FullScreen
                | Command::Present
                | Command::ToggleWarRoomPanel
                | Command::ToggleNotes
                | Command::ToggleTimer
                | Command::Compare
                | Command::Portfolio
        )
    }
}

/// What an unsaved-changes question leads to once answered.
#[derive(Clone, Debug, PartialEq)]
pub enum AfterGuard {
    New,
    /// Open a file (`None` = ask with a file dialog).
    Open(Option<PathBuf>),
    OpenSample,
    /// Replace the journey with the one the import preview accepted.
    Import,
    Quit,
}

/// Every user intent, queued during a frame and applied at its end.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Command(Command),
    /// One gesture's change to the document = one undo step. Same `merge` key as the
    /// previous step merges into it (typing in a field).
    Edit {
        label: String,
        edit: Edit,
        merge: Option<String>,
    },
    /// Replace the selection.
    SelectTouchpoints(Vec<TouchpointId>),
    SelectHandoff(HandoffKey),
    /// Select these touchpoints and centre the view on them.
    Focus(Vec<TouchpointId>),
    /// Start typing the name of a new touchpoint in this cell; `after` gets a handoff to it.
    BeginCreate {
        stage: Option<StageId>,
        owner: Option<DepartmentId>,
        layer: Option<crate::model::Layer>,
        after: Option<TouchpointId>,
    },
    BeginRename(TouchpointId),
    /// Confirm the canvas's inline name editor: rename, or create (`then_next`: Tab,
    /// then name the next one).
    CommitInline {
        inline: Box<super::canvas::Inline>,
        then_next: bool,
    },
    /// Create a touchpoint named `name` in a cell (handoff from `after`); with
    /// `then_next`, start naming the next one in the next stage (Tab).
    CreateTouchpoint {
        name: String,
        stage: Option<StageId>,
        owner: Option<DepartmentId>,
        layer: Option<crate::model::Layer>,
        after: Option<TouchpointId>,
        then_next: bool,
    },
    /// Open this file (after the unsaved-changes question).
    OpenPath(PathBuf),
    /// Continue what an unsaved-changes question was asked for.
    Proceed(AfterGuard),
    /// Ask the unsaved-changes question (when there are any), then do this.
    Guarded(AfterGuard),
    /// Save, and only when that worked, continue.
    SaveThen(AfterGuard),
    /// Paste this clipboard text.
    PasteText(String),
    /// Remove a stage whose touchpoints go to `move_to` (or lose their stage).
    RemoveStage {
        id: StageId,
        move_to: Option<StageId>,
    },
    RemoveDepartment {
        id: DepartmentId,
        move_to: Option<DepartmentId>,
    },
    SetLaneMode(LaneMode),
    SetUiScale(f32),
    /// View > Language: switch now and remember it in the settings.
    SetLanguage(crate::i18n::Lang),
    /// What a panel asks of the app besides edits, selections and commands.
    App(AppAction),
    /// What the import, export and evidence windows ask of the app.
    Evidence(EvidenceAction),
    /// What a war-room panel or window asks of the app (`warroom::apply`).
    WarRoom(super::warroom::WarRoomAction),
}

/// What the menus and the left panel ask of the app that no other [`Action`] says.
#[derive(Clone, Debug, PartialEq)]
pub enum AppAction {
    /// File > Back up on save: remember the choice.
    SetBackupOnSave(bool),
    /// File > Recovered journeys…
    ShowRecovered,
    /// Show this message in the status line.
    Status(String),
    /// Open this modal dialog.
    OpenDialog(super::dialogs::Dialog),
    /// The name field of a just-added stage or department has taken the keyboard.
    NameFocused,
}

/// What the import, export and evidence windows (import, export, event log, measure,
/// feedback, key drivers, scenarios) ask of the app: start a job, open a file picker,
/// apply a result. Applied by `AppState::apply_evidence` (app/evidence.rs).
#[derive(Clone, Debug, PartialEq)]
pub enum EvidenceAction {
    /// Preview the table import again with the meanings chosen now.
    ImportRepreview,
    /// Start the event-log preview of this file.
    StartEventLog(PathBuf),
    /// Mine the event log again with the columns chosen now.
    EventLogMine,
    /// Build the event log's journey again with the share chosen now.
    EventLogRebuild,
    /// The event log's journey was accepted: open it like an import.
    EventLogAccepted,
    /// Read the survey answers again with the choices made now.
    FeedbackReread,
    /// Key drivers: analyse the chosen respondents file (on a worker).
    DriversFit,
    /// Key drivers: choose the respondents file, then analyse it (also when none is
    /// chosen but `fit` was asked for).
    DriversChooseFile { fit: bool },
    /// Key drivers: ask where to write the chart, then write it (on a worker).
    DriversExportChart,
    /// Scenarios: evaluate every saved scenario for the side-by-side comparison.
    ScenarioCompareAll,
    /// Close View > Measure against a log… and take its check off the map.
    MeasureClose,
    /// Measure the log again, activities matched by this file (`None`: by name).
    MeasureAgain(Option<PathBuf>),
    /// Choose the file that matches the log's activities, then measure again.
    MeasureChooseMap,
    /// Draw the export preview of the options chosen now (on a worker).
    ExportPreview,
    /// Choose the journey an exported report compares with.
    ExportChooseCompare,
    /// Ask where to export, then start the export.
    ExportAskAndStart,
}
