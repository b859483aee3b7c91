//! What a panel sees of the frame, and the one way it asks for change.
//!
//! A panel (a side panel, a window, the canvas) is drawn with
//! [`AppState::panel`](super::app::AppState::panel): it gets a read-only [`FrameView`]
//! (document, derived data, selection, view options, settings, the war room), `&mut` to
//! its *own* state (moved out of the app for the call) and an [`Outbox`] for actions.
//! It cannot change the document, the selection or another panel: only the app does,
//! when it applies the queued actions at the end of the frame.
//!
//! While a panel is drawn its own state is out of the app, so the view shows that part
//! as its default: the canvas reads its camera, and a war-room panel its war-room
//! state, from its own parameter, never from [`FrameView::camera`] or
//! [`FrameView::warroom`].

use super::action::{Action, Command};
use super::app::{AppState, Selection, ViewOptions};
use super::canvas::Camera;
use super::derived::Derived;
use super::drivers_view::DriversUi;
use super::settings::Settings;
use super::warroom::WarRoom;
use crate::edit::Edit;
use crate::history::Document;
use crate::i18n::Lang;
use crate::model::Journey;
use std::path::Path;

/// A read-only view of the app during a frame.
#[derive(Clone, Copy)]
pub struct FrameView<'a> {
    app: &'a AppState,
}

impl<'a> FrameView<'a> {
    pub(super) fn of(app: &'a AppState) -> Self {
        FrameView { app }
    }

    pub fn doc(&self) -> &'a Document {
        &self.app.doc
    }

    pub fn journey(&self) -> &'a Journey {
        self.app.doc.journey()
    }

    /// Where the document lives on disk (`None` = never saved).
    pub fn path(&self) -> Option<&'a Path> {
        self.app.path.as_deref()
    }

    /// Layout, analysis and display list of this revision (computed once per revision).
    pub fn derived(&self) -> &'a Derived {
        &self.app.derived
    }

    pub fn selection(&self) -> &'a Selection {
        &self.app.selection
    }

    pub fn view(&self) -> &'a ViewOptions {
        &self.app.view
    }

    pub fn camera(&self) -> &'a Camera {
        &self.app.camera
    }

    pub fn settings(&self) -> &'a Settings {
        &self.app.settings
    }

    /// The status line's message.
    pub fn status(&self) -> &'a str {
        &self.app.status
    }

    /// War-room mode: presentation, department focus, notes, timer, comparison.
    pub fn warroom(&self) -> &'a WarRoom {
        &self.app.warroom
    }

    /// View > Key drivers and the what-if scenario panel.
    pub fn drivers(&self) -> &'a DriversUi {
        &self.app.drivers
    }

    pub fn language(&self) -> Lang {
        self.app.language()
    }

    /// Can this command run now (menus grey it out otherwise)?
    pub fn enabled(&self, c: Command) -> bool {
        self.app.enabled(c)
    }

    /// The tick of a toggle command, `None` for commands that are not toggles.
    pub fn checked(&self, c: Command) -> Option<bool> {
        self.app.checked(c)
    }

    pub fn command_label(&self, c: Command) -> String {
        self.app.command_label(c)
    }
}

/// The frame's action queue as a panel sees it: push only.
pub struct Outbox<'a> {
    actions: &'a mut Vec<Action>,
}

impl<'a> Outbox<'a> {
    pub fn new(actions: &'a mut Vec<Action>) -> Self {
        Outbox { actions }
    }

    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    pub fn command(&mut self, c: Command) {
        self.actions.push(Action::Command(c));
    }

    /// One undo step (`merge`: the same key as the previous step merges into it).
    pub fn edit(&mut self, label: impl Into<String>, edit: Edit, merge: Option<String>) {
        self.actions.push(Action::Edit {
            label: label.into(),
            edit,
            merge,
        });
    }
}
