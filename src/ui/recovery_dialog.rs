//! Never lose a workshop's work, in the app: autosave of unsaved changes, the
//! offer to restore journeys recovered after a crash, saving that asks before
//! overwriting someone else's change, the reload offer when the window regains
//! focus, and clear save-failure messages.
//!
//! The app owns one [`Reliability`] and calls, each frame, [`Reliability::track`]
//! (after its actions are applied), [`Reliability::on_focus`] and
//! [`Reliability::show`]; it saves through [`Reliability::save`] and passes the
//! actions `show` returns to [`Reliability::handle`].

use crate::history::{Document, Version};
use crate::i18n::tr;
use crate::io::{DiskState, Fs, SaveError};
use crate::recovery::{
    Autosaver, DocKey, ExternalChange, OpenFile, RecoveryInfo, RecoveryStore, format_utc,
};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A question or message of this module on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum ReliabilityDialog {
    /// Journeys recovered after a crash: restore or discard each.
    Recover(Vec<RecoveryInfo>),
    /// The document's file changed (or vanished) on disk. `saving`: the user was
    /// saving over it; otherwise it was noticed when the window regained focus.
    ChangedOnDisk {
        path: PathBuf,
        missing: bool,
        saving: bool,
    },
    /// A save failed; the document is still open and dirty.
    SaveFailed { message: String, advice: String },
    /// The document's file is read-only: overwrite it anyway (keeping its permission
    /// bits), save elsewhere, or cancel.
    ReadOnly { path: PathBuf },
    /// The document's file has comments that the first save would drop.
    DropsComments {
        path: PathBuf,
        count: usize,
        line: usize,
    },
}

/// What the user chose in a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum ReliabilityAction {
    /// Restore this recovered journey (replaces the open document).
    Restore(String),
    /// Delete this recovered journey.
    Discard(String),
    /// Save over the changed (or re-create the deleted) file.
    Overwrite,
    /// Ask where to save instead (the app opens its file picker).
    SaveAs,
    /// Replace the document with the file on disk.
    Reload,
    /// Keep this version; don't ask again about that change.
    KeepMine,
    /// Save, dropping the file's comments (a `.bak` copy keeps them).
    DropComments,
}

/// What [`Reliability::handle`] needs the app to do next.
#[derive(Debug)]
pub enum Follow {
    Nothing,
    /// Show this document (a restored journey) in place of the current one.
    Replace(Box<Document>),
    /// Open the Save As picker, then call [`Reliability::save`] with the path.
    AskSaveAs,
}

/// Where to save.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveTarget {
    /// The document's own file; `force` overwrites a change made by someone else.
    Own { force: bool },
    /// A new file chosen by the user.
    As(PathBuf),
}

/// Autosave, recovery and safe saving for the open document.
pub struct Reliability {
    store: Option<RecoveryStore>,
    autosaver: Option<Autosaver>,
    key: Option<DocKey>,
    /// (revision, dirty) last passed to the autosaver.
    seen: Option<(Version, bool)>,
    /// The open document's file and what was on disk.
    pub file: OpenFile,
    /// Keep `NAME.bak` of the previous version on every save (a setting).
    pub backup_on_save: bool,
    pub dialog: Option<ReliabilityDialog>,
    focused: Option<bool>,
    /// Why autosave is off, or its last failure (for the status line).
    pub problem: Option<String>,
}

impl std::fmt::Debug for Reliability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reliability")
            .field("file", &self.file)
            .field("dialog", &self.dialog)
            .field("problem", &self.problem)
            .finish()
    }
}

impl Reliability {
    /// Start autosaving into `store` (normally [`RecoveryStore::open_default`]),
    /// install the panic hook, and offer what earlier runs left behind.
    pub fn start(store: Option<RecoveryStore>, file: OpenFile) -> Reliability {
        let mut r = Reliability::without_autosave(file);
        let Some(store) = store else {
            r.problem = Some(tr("rec-autosave-off-no-folder"));
            return r;
        };
        match Autosaver::start(store.clone()) {
            Ok(mut saver) => {
                r.key = Some(saver.open_doc());
                r.autosaver = Some(saver);
                crate::recovery::install_panic_hook();
            }
            Err(e) => r.problem = Some(crate::tr!("rec-autosave-off", error = e.to_string())),
        }
        let orphaned = store.list_orphaned();
        if !orphaned.is_empty() {
            r.dialog = Some(ReliabilityDialog::Recover(orphaned));
        }
        r.store = Some(store);
        r
    }

    /// No autosave and no recovery (tests, benchmarks).
    pub fn without_autosave(file: OpenFile) -> Reliability {
        Reliability {
            store: None,
            autosaver: None,
            key: None,
            seen: None,
            file,
            backup_on_save: false,
            dialog: None,
            focused: None,
            problem: None,
        }
    }

    /// A save just failed or is waiting for the overwrite question: whatever was to
    /// follow the save (closing the window, opening another file) must wait.
    pub fn save_unresolved(&self) -> bool {
        matches!(
            self.dialog,
            Some(ReliabilityDialog::SaveFailed { .. })
                | Some(ReliabilityDialog::ReadOnly { .. })
                | Some(ReliabilityDialog::DropsComments { .. })
                | Some(ReliabilityDialog::ChangedOnDisk { saving: true, .. })
        )
    }

    /// Offer the recovered journeys again (a menu command).
    pub fn show_recovered(&mut self) {
        if let Some(store) = &self.store {
            self.dialog = Some(ReliabilityDialog::Recover(store.list_orphaned()));
        }
    }

    /// Another document replaces the open one (Open, New, Import): the old one's
    /// recovery file goes, the new one starts clean.
    pub fn document_replaced(&mut self, file: OpenFile) {
        if let (Some(saver), Some(key)) = (&mut self.autosaver, self.key) {
            saver.clean(key);
            self.key = Some(saver.open_doc());
        }
        self.file = file;
        self.seen = None;
    }

    /// Call once per frame after the document may have changed: autosaves a dirty
    /// document within 2 s (off this thread), removes the recovery file of a clean one.
    pub fn track(&mut self, doc: &Document) {
        let now = (doc.version(), doc.is_dirty());
        if self.seen == Some(now) {
            return;
        }
        self.seen = Some(now);
        if let (Some(saver), Some(key)) = (&self.autosaver, self.key) {
            saver.track(key, doc, &self.file);
            if let Some(e) = saver.status().last_error {
                self.problem = Some(crate::tr!("rec-autosave-failed", error = e));
            }
        }
    }

    /// Call every frame with the window's focus: when it comes back, check whether
    /// the file was changed by someone else and offer to reload.
    pub fn on_focus(&mut self, fs: &dyn Fs, focused: bool) {
        let gained = focused && self.focused == Some(false);
        self.focused = Some(focused);
        if !gained || self.dialog.is_some() {
            return;
        }
        let Some(path) = self.file.path.clone() else {
            return;
        };
        let missing = match self.file.external_change(fs) {
            ExternalChange::None => return,
            ExternalChange::Changed => false,
            ExternalChange::Missing => true,
        };
        self.dialog = Some(ReliabilityDialog::ChangedOnDisk {
            path,
            missing,
            saving: false,
        });
    }

    /// Save the document. Returns whether it was saved; otherwise a dialog says
    /// why (or asks whether to overwrite someone else's change), the document stays
    /// dirty and the file on disk as it was.
    pub fn save(&mut self, fs: &dyn Fs, doc: &mut Document, target: SaveTarget) -> bool {
        let result = match &target {
            SaveTarget::Own { force } => self.file.save(fs, doc, self.backup_on_save, *force),
            SaveTarget::As(path) => self.file.save_as(fs, doc, path, self.backup_on_save),
        };
        match result {
            Ok(_) => {
                self.track(doc);
                true
            }
            Err(SaveError::ChangedOnDisk { state, .. }) => {
                let path = match target {
                    SaveTarget::As(p) => p,
                    SaveTarget::Own { .. } => self.file.path.clone().unwrap_or_default(),
                };
                self.dialog = Some(ReliabilityDialog::ChangedOnDisk {
                    path,
                    missing: state == DiskState::Missing,
                    saving: true,
                });
                false
            }
            Err(SaveError::DropsComments { count, line, .. }) => {
                self.dialog = Some(ReliabilityDialog::DropsComments {
                    path: self.file.path.clone().unwrap_or_default(),
                    count,
                    line,
                });
                false
            }
            Err(SaveError::ReadOnly { .. }) if matches!(target, SaveTarget::Own { .. }) => {
                self.dialog = Some(ReliabilityDialog::ReadOnly {
                    path: self.file.path.clone().unwrap_or_default(),
                });
                false
            }
            Err(e) => {
                self.dialog = Some(ReliabilityDialog::SaveFailed {
                    message: e.to_string(),
                    advice: e.advice().to_owned(),
                });
                false
            }
        }
    }

    /// Carry out a choice made in a dialog.
    pub fn handle(&mut self, fs: &dyn Fs, doc: &mut Document, action: ReliabilityAction) -> Follow {
        match action {
            ReliabilityAction::Overwrite => {
                self.save(fs, doc, SaveTarget::Own { force: true });
                Follow::Nothing
            }
            ReliabilityAction::DropComments => {
                self.file.agree_to_drop_comments();
                self.save(fs, doc, SaveTarget::Own { force: false });
                Follow::Nothing
            }
            ReliabilityAction::SaveAs => Follow::AskSaveAs,
            ReliabilityAction::Reload => {
                if let Err(e) = self.file.reload(doc) {
                    self.dialog = Some(ReliabilityDialog::SaveFailed {
                        message: crate::tr!("rec-could-not-reload", error = e.to_string()),
                        advice: tr("rec-still-open"),
                    });
                }
                self.track(doc);
                Follow::Nothing
            }
            ReliabilityAction::KeepMine => {
                self.file.dismiss(fs);
                Follow::Nothing
            }
            ReliabilityAction::Discard(id) => {
                if let Some(store) = &self.store {
                    if let Err(e) = store.remove(&id) {
                        self.problem = Some(e.to_string());
                    }
                    self.refresh_recover_list();
                }
                Follow::Nothing
            }
            ReliabilityAction::Restore(id) => self.restore(&id),
        }
    }

    fn refresh_recover_list(&mut self) {
        if let (Some(store), Some(ReliabilityDialog::Recover(list))) = (&self.store, &self.dialog) {
            let fresh = store.list_orphaned();
            if fresh.is_empty() {
                self.dialog = None;
            } else if &fresh != list {
                self.dialog = Some(ReliabilityDialog::Recover(fresh));
            }
        }
    }

    fn restore(&mut self, id: &str) -> Follow {
        let Some(store) = self.store.clone() else {
            return Follow::Nothing;
        };
        match store.restore(id) {
            Ok((doc, file)) => {
                self.document_replaced(file);
                self.track(&doc);
                // The restored journey is autosaved under this run before the old
                // recovery file goes, so a crash right now still loses nothing.
                let written = self
                    .autosaver
                    .as_ref()
                    .is_some_and(|s| s.flush(Duration::from_secs(5)));
                if written && let Err(e) = store.remove(id) {
                    self.problem = Some(e.to_string());
                }
                // One journey is open at a time: the others wait for the next start
                // (or File > Recovered journeys).
                self.dialog = None;
                Follow::Replace(Box::new(doc))
            }
            Err(e) => {
                self.dialog = Some(ReliabilityDialog::SaveFailed {
                    message: crate::tr!("rec-could-not-restore", error = e.to_string()),
                    advice: tr("rec-file-stays"),
                });
                Follow::Nothing
            }
        }
    }

    /// The app is closing. `keep_unsaved`: the document has changes the user did
    /// not answer for (the system closed the app, say): they are written and kept
    /// for recovery at the next start. Otherwise (saved, or the user chose Discard)
    /// this run's recovery files are removed.
    pub fn finish(&mut self, keep_unsaved: bool) {
        let Some(saver) = self.autosaver.take() else {
            return;
        };
        if keep_unsaved {
            // Dropping writes what is pending and leaves the files.
            drop(saver);
        } else if let Err(e) = saver.finish() {
            self.problem = Some(e.to_string());
        }
    }

    /// Draw the dialog, if any. Returns the choices made this frame.
    pub fn show(&mut self, ctx: &egui::Context) -> Vec<ReliabilityAction> {
        let mut actions = Vec::new();
        let Some(dialog) = self.dialog.clone() else {
            return actions;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("touchpoint-reliability")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            match &dialog {
                ReliabilityDialog::Recover(list) => {
                    recover_ui(ui, list, &mut actions, &mut close);
                }
                ReliabilityDialog::ChangedOnDisk {
                    path,
                    missing,
                    saving,
                } => changed_ui(ui, path, *missing, *saving, &mut actions, &mut close),
                ReliabilityDialog::DropsComments { path, count, line } => {
                    ui.heading(tr("rec-drops-comments"));
                    ui.label(crate::tr!(
                        "rec-drops-comments-text",
                        path = path.display().to_string(),
                        count = *count,
                        line = *line
                    ));
                    ui.label(crate::tr!(
                        "rec-keeps-commented",
                        path = crate::io::backup_path(path).display().to_string()
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr("rec-save-keep-bak")).clicked() {
                            actions.push(ReliabilityAction::DropComments);
                            close = true;
                        }
                        if ui.button(tr("rec-save-as")).clicked() {
                            actions.push(ReliabilityAction::SaveAs);
                            close = true;
                        }
                        if ui.button(tr("rec-cancel")).clicked() {
                            close = true;
                        }
                    });
                }
                ReliabilityDialog::ReadOnly { path } => {
                    ui.heading(tr("rec-read-only"));
                    ui.label(crate::tr!(
                        "rec-read-only-text",
                        path = path.display().to_string()
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr("rec-overwrite")).clicked() {
                            actions.push(ReliabilityAction::Overwrite);
                            close = true;
                        }
                        if ui.button(tr("rec-save-as")).clicked() {
                            actions.push(ReliabilityAction::SaveAs);
                            close = true;
                        }
                        if ui.button(tr("rec-cancel")).clicked() {
                            close = true;
                        }
                    });
                }
                ReliabilityDialog::SaveFailed { message, advice } => {
                    ui.heading(tr("rec-could-not-save"));
                    ui.label(message);
                    ui.add_space(4.0);
                    ui.label(advice);
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr("rec-save-as")).clicked() {
                            actions.push(ReliabilityAction::SaveAs);
                            close = true;
                        }
                        if ui.button(tr("rec-ok")).clicked() {
                            close = true;
                        }
                    });
                }
            }
        });
        // Escape or a click outside answers "later" / "cancel", never "discard".
        if close || modal.should_close() {
            // A Discard keeps the list open (refreshed by `handle`).
            let discarding = actions
                .iter()
                .all(|a| matches!(a, ReliabilityAction::Discard(_)))
                && !actions.is_empty();
            if !discarding {
                self.dialog = None;
            }
        }
        actions
    }
}

fn recover_ui(
    ui: &mut egui::Ui,
    list: &[RecoveryInfo],
    actions: &mut Vec<ReliabilityAction>,
    close: &mut bool,
) {
    ui.heading(tr("rec-heading"));
    ui.label(if list.len() == 1 {
        tr("rec-stopped-one")
    } else {
        crate::tr!("rec-stopped-many", count = list.len())
    });
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for info in list {
                ui.group(|ui| {
                    ui.strong(&info.title);
                    ui.label(crate::tr!(
                        "rec-autosaved",
                        when = format_utc(info.saved_at)
                    ));
                    ui.label(match &info.original_path {
                        Some(p) => crate::tr!("rec-from", path = p.display().to_string()),
                        None => tr("rec-never-saved"),
                    });
                    ui.horizontal(|ui| {
                        if ui.button(tr("rec-restore")).clicked() {
                            actions.push(ReliabilityAction::Restore(info.id.clone()));
                            *close = true;
                        }
                        if ui.button(tr("rec-discard")).clicked() {
                            actions.push(ReliabilityAction::Discard(info.id.clone()));
                            *close = true;
                        }
                    });
                });
            }
        });
    ui.add_space(6.0);
    if ui.button(tr("rec-later")).clicked() {
        *close = true;
    }
}

fn changed_ui(
    ui: &mut egui::Ui,
    path: &Path,
    missing: bool,
    saving: bool,
    actions: &mut Vec<ReliabilityAction>,
    close: &mut bool,
) {
    let mut button = |ui: &mut egui::Ui, label: &str, action: Option<ReliabilityAction>| {
        if ui.button(label).clicked() {
            actions.extend(action);
            *close = true;
        }
    };
    if missing {
        ui.heading(tr("rec-gone"));
        ui.label(crate::tr!(
            "rec-gone-text",
            path = path.display().to_string()
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if saving {
                button(
                    ui,
                    &tr("rec-save-anyway"),
                    Some(ReliabilityAction::Overwrite),
                );
                button(ui, &tr("rec-save-as"), Some(ReliabilityAction::SaveAs));
                button(ui, &tr("rec-cancel"), None);
            } else {
                button(ui, &tr("rec-ok"), Some(ReliabilityAction::KeepMine));
            }
        });
        return;
    }
    ui.heading(tr("rec-changed"));
    ui.label(crate::tr!(
        "rec-changed-text",
        path = path.display().to_string()
    ));
    if saving {
        ui.label(tr("rec-would-overwrite"));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if saving {
            button(ui, &tr("rec-overwrite"), Some(ReliabilityAction::Overwrite));
            button(ui, &tr("rec-save-as"), Some(ReliabilityAction::SaveAs));
            button(
                ui,
                &tr("rec-reload-theirs"),
                Some(ReliabilityAction::Reload),
            );
            button(ui, &tr("rec-cancel"), None);
        } else {
            button(ui, &tr("rec-reload"), Some(ReliabilityAction::Reload));
            button(ui, &tr("rec-keep-mine"), Some(ReliabilityAction::KeepMine));
        }
    });
    if saving {
        ui.small(tr("rec-reload-note"));
    }
}
