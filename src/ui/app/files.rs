//! The file lifecycle: open, save (as), new, the unsaved-changes guard and what follows
//! it, and the autosave / reload / recovery answers of each frame.

use super::{AppState, Selection};
use crate::history::Document;
use crate::i18n::tr;
use crate::model::{Journey, slugify};
use crate::ui::action::AfterGuard;
use crate::ui::canvas::CanvasState;
use crate::ui::dialogs::Dialog;
use crate::ui::inspector;
use std::path::{Path, PathBuf};

impl AppState {
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
        use crate::ui::recovery_dialog::SaveTarget;
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

    pub(super) fn replace_document(&mut self, doc: Document, path: Option<PathBuf>) {
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
    pub(super) fn save_or_ask(&mut self) -> bool {
        match self.path.clone() {
            Some(p) => self.save_to_path(&p).is_ok(),
            None => self.save_as(),
        }
    }

    pub(super) fn save_as(&mut self) -> bool {
        let suggested = format!("{}.journey.ron", slugify(self.journey().title(), "journey"));
        match self.file_dialogs.save_file(&suggested) {
            Some(p) => self.save_to_path(&p).is_ok(),
            None => false,
        }
    }

    /// Run `next` now, or first ask Save / Discard / Cancel when there are unsaved changes.
    pub(super) fn guard(&mut self, next: AfterGuard) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(next));
        } else {
            self.proceed(next);
        }
    }

    pub(super) fn proceed(&mut self, next: AfterGuard) {
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

    /// Autosave tracking, the reload offer on focus, and the answers to the
    /// recovery / changed-on-disk / save-failed dialogs.
    pub(super) fn reliability_frame(&mut self, ctx: &egui::Context) {
        use crate::ui::recovery_dialog::Follow;
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
}
