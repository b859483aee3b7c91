//! Modal dialogs: the unsaved-changes guard, load errors, confirmations, help.
//! Native file pickers sit behind [`FileDialogs`] so tests never open one.

use super::action::{Action, AfterGuard, Command};
use super::frame::{FrameView, Outbox};
use crate::i18n::tr;
use crate::model::{DepartmentId, Journey, StageId};
use std::path::{Path, PathBuf};

/// Native open/save pickers.
pub trait FileDialogs {
    fn open_file(&self) -> Option<PathBuf>;
    fn save_file(&self, suggested_name: &str) -> Option<PathBuf>;
    /// A folder (the journey portfolio); `None` when cancelled or unsupported.
    fn pick_folder(&self) -> Option<PathBuf> {
        None
    }
    /// Where to write an export, starting in `folder`, for files ending in `.ext`.
    fn save_export(
        &self,
        _folder: Option<&Path>,
        suggested_name: &str,
        _ext: &str,
    ) -> Option<PathBuf> {
        self.save_file(suggested_name)
    }
    /// A file to import (CSV, Mermaid), starting in `folder`.
    fn open_import(&self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.open_file()
    }
    /// An event log (CSV, XES, gzipped XES), starting in `folder`.
    fn open_log(&self, folder: Option<&Path>) -> Option<PathBuf> {
        self.open_import(folder)
    }
}

/// The real pickers (rfd: the XDG desktop portal, or zenity where none runs).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_file(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(tr("picker-open-journey"))
            .add_filter(tr("picker-journey"), &["ron"])
            .add_filter(tr("picker-all-files"), &["*"])
            .pick_file()
    }

    fn save_file(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(tr("picker-save-journey"))
            .set_file_name(suggested_name)
            .add_filter(tr("picker-journey"), &["ron"])
            .save_file()
    }

    fn pick_folder(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(tr("picker-folder"))
            .pick_folder()
    }

    fn save_export(
        &self,
        folder: Option<&Path>,
        suggested_name: &str,
        ext: &str,
    ) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new()
            .set_title(tr("picker-export"))
            .set_file_name(suggested_name)
            .add_filter(ext.to_ascii_uppercase(), &[ext]);
        if let Some(f) = folder.filter(|f| f.is_dir()) {
            d = d.set_directory(f);
        }
        d.save_file()
    }

    fn open_import(&self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new()
            .set_title(tr("picker-import"))
            .add_filter(
                tr("picker-csv-mermaid"),
                &["csv", "tsv", "txt", "xlsx", "xlsm", "mmd", "mermaid", "md"],
            )
            .add_filter(tr("picker-all-files"), &["*"]);
        if let Some(f) = folder.filter(|f| f.is_dir()) {
            d = d.set_directory(f);
        }
        d.pick_file()
    }

    fn open_log(&self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new()
            .set_title(tr("evlog-picker"))
            .add_filter(tr("evlog-picker-logs"), &["csv", "tsv", "txt", "xes", "gz"])
            .add_filter(tr("picker-all-files"), &["*"]);
        if let Some(f) = folder.filter(|f| f.is_dir()) {
            d = d.set_directory(f);
        }
        d.pick_file()
    }
}

/// How a picked file is named in titles and progress: its file name, or the whole path
/// when it has none.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// No pickers at all (tests, benchmarks): every question is cancelled.
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn open_file(&self) -> Option<PathBuf> {
        None
    }
    fn save_file(&self, _: &str) -> Option<PathBuf> {
        None
    }
}

/// Pickers that answer with fixed paths (tests).
pub struct FixedDialogs {
    pub open: Option<PathBuf>,
    pub save: Option<PathBuf>,
}

impl FileDialogs for FixedDialogs {
    fn open_file(&self) -> Option<PathBuf> {
        self.open.clone()
    }
    fn save_file(&self, _: &str) -> Option<PathBuf> {
        self.save.clone()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Save / Discard / Cancel before doing the thing.
    Unsaved(AfterGuard),
    LoadError {
        file: String,
        lines: Vec<String>,
    },
    Error {
        title: String,
        message: String,
    },
    /// A stage with touchpoints: where do they go?
    RemoveStage {
        id: StageId,
        move_to: Option<StageId>,
    },
    RemoveDepartment {
        id: DepartmentId,
        move_to: Option<DepartmentId>,
    },
    Shortcuts,
    About,
}

/// Show the modal dialog on screen (its own state: `dialog`), if any; it stays open
/// until answered, and the answer is queued as actions.
pub fn show(
    ctx: &egui::Context,
    v: FrameView<'_>,
    dialog: &mut Option<Dialog>,
    out: &mut Outbox<'_>,
) {
    let Some(mut open) = dialog.take() else {
        return;
    };
    let journey = v.journey();
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("touchpoint-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        close = match &mut open {
            Dialog::Unsaved(next) => unsaved(ui, journey, next, out),
            Dialog::LoadError { file, lines } => load_error(ui, file, lines),
            Dialog::Error { title, message } => {
                ui.heading(title.as_str());
                ui.label(message.as_str());
                ui.button(tr("button-ok")).clicked()
            }
            Dialog::RemoveStage { id, move_to } => remove_stage(ui, journey, id, move_to, out),
            Dialog::RemoveDepartment { id, move_to } => {
                remove_department(ui, journey, id, move_to, out)
            }
            Dialog::Shortcuts => shortcuts(ctx, ui),
            Dialog::About => {
                ui.heading("Touchpoint");
                ui.label(crate::tr!(
                    "about-version",
                    version = env!("CARGO_PKG_VERSION")
                ));
                ui.label(tr("about-text"));
                ui.button(tr("button-close")).clicked()
            }
        };
    });
    if modal.should_close() {
        close = true;
    }
    if !close {
        *dialog = Some(open);
    }
}

/// Save / Discard / Cancel; returns whether the dialog closes.
fn unsaved(ui: &mut egui::Ui, journey: &Journey, next: &AfterGuard, out: &mut Outbox<'_>) -> bool {
    let mut close = false;
    ui.heading(tr("dialog-unsaved"));
    ui.label(crate::tr!(
        "dialog-unsaved-question",
        title = journey.title()
    ));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(tr("button-save")).clicked() {
            out.push(Action::SaveThen(next.clone()));
            close = true;
        }
        if ui.button(tr("button-discard")).clicked() {
            out.push(Action::Proceed(next.clone()));
            close = true;
        }
        if ui.button(tr("button-cancel")).clicked() {
            close = true;
        }
    });
    close
}

/// Every problem of a file that did not load; returns whether the dialog closes.
fn load_error(ui: &mut egui::Ui, file: &str, lines: &[String]) -> bool {
    ui.heading(tr("dialog-load-error"));
    ui.label(egui::RichText::new(file).strong());
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for line in lines {
                ui.label(egui::RichText::new(line.as_str()).monospace());
            }
        });
    ui.add_space(8.0);
    ui.button(tr("button-ok")).clicked()
}

/// Delete a stage: where do its touchpoints go? Returns whether the dialog closes.
fn remove_stage(
    ui: &mut egui::Ui,
    journey: &Journey,
    id: &StageId,
    move_to: &mut Option<StageId>,
    out: &mut Outbox<'_>,
) -> bool {
    let mut close = false;
    let name = journey
        .stage(id)
        .map_or_else(|| id.0.clone(), |s| s.name.clone());
    let n = journey
        .touchpoints()
        .filter(|t| t.stage.as_ref() == Some(id))
        .count();
    ui.heading(crate::tr!("dialog-delete-stage", name = name));
    ui.label(crate::tr!("dialog-delete-stage-move", count = n));
    let no_stage = tr("dialog-no-stage");
    egui::ComboBox::from_label(tr("dialog-move-touchpoints-to"))
        .selected_text(
            move_to
                .as_ref()
                .and_then(|s| journey.stage(s))
                .map_or(no_stage.as_str(), |s| s.name.as_str()),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(move_to, None, no_stage.as_str());
            for s in journey.stages().iter().filter(|s| &s.id != id) {
                ui.selectable_value(move_to, Some(s.id.clone()), s.name.as_str());
            }
        });
    ui.horizontal(|ui| {
        if ui.button(tr("undo-delete-stage")).clicked() {
            out.push(Action::RemoveStage {
                id: id.clone(),
                move_to: move_to.clone(),
            });
            close = true;
        }
        if ui.button(tr("button-cancel")).clicked() {
            close = true;
        }
    });
    close
}

/// Delete a department: who owns its touchpoints? Returns whether the dialog closes.
fn remove_department(
    ui: &mut egui::Ui,
    journey: &Journey,
    id: &DepartmentId,
    move_to: &mut Option<DepartmentId>,
    out: &mut Outbox<'_>,
) -> bool {
    let mut close = false;
    let name = journey.department_name(Some(id));
    let n = journey
        .touchpoints()
        .filter(|t| t.owner.as_ref() == Some(id))
        .count();
    ui.heading(crate::tr!("dialog-delete-department", name = name));
    ui.label(crate::tr!("dialog-delete-department-move", count = n));
    let no_owner = tr("dialog-no-owner");
    egui::ComboBox::from_label(tr("dialog-new-owner"))
        .selected_text(match move_to {
            Some(d) => journey.department_name(Some(d)),
            None => no_owner.clone(),
        })
        .show_ui(ui, |ui| {
            ui.selectable_value(move_to, None, no_owner.as_str());
            for d in journey.departments().iter().filter(|d| &d.id != id) {
                ui.selectable_value(move_to, Some(d.id.clone()), d.name.as_str());
            }
        });
    ui.horizontal(|ui| {
        if ui.button(tr("undo-delete-department")).clicked() {
            out.push(Action::RemoveDepartment {
                id: id.clone(),
                move_to: move_to.clone(),
            });
            close = true;
        }
        if ui.button(tr("button-cancel")).clicked() {
            close = true;
        }
    });
    close
}

/// Help > Keyboard shortcuts; returns whether the dialog closes.
fn shortcuts(ctx: &egui::Context, ui: &mut egui::Ui) -> bool {
    ui.heading(tr("cmd-shortcuts"));
    egui::ScrollArea::vertical()
        .max_height(520.0)
        .show(ui, |ui| {
            egui::Grid::new("shortcuts")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for (keys, what) in shortcut_table(ctx) {
                        ui.label(egui::RichText::new(keys).monospace());
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
    ui.button(tr("button-close")).clicked()
}

/// (keys, what) for every command with a shortcut, plus the mouse gestures.
pub fn shortcut_table(ctx: &egui::Context) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Command::ALL
        .iter()
        .filter(|c| !c.shortcuts().is_empty())
        .map(|c| {
            let keys: Vec<String> = c
                .shortcuts()
                .iter()
                .map(|s| ctx.format_shortcut(s))
                .collect();
            (keys.join(&tr("shortcut-or")), c.label())
        })
        .collect();
    for i in 1..=MOUSE_GESTURES.len() {
        rows.push((
            tr(&format!("gesture-{i}-keys")),
            tr(&format!("gesture-{i}-what")),
        ));
    }
    rows
}

/// The canvas's mouse gestures, for the README (Help shows the `gesture-N-keys` /
/// `gesture-N-what` messages, the same in English: a test checks it).
pub const MOUSE_GESTURES: &[(&str, &str)] = &[
    ("Wheel / pinch", "Zoom around the cursor"),
    ("Drag empty space / middle-drag", "Pan"),
    ("Shift+drag empty space", "Rubber-band selection"),
    (
        "Click / Shift+click / Ctrl+click",
        "Select / add to selection / toggle",
    ),
    (
        "Double-click empty cell",
        "Add a touchpoint there and type its name",
    ),
    ("Double-click card", "Rename"),
    (
        "Enter / Tab / Esc (while naming)",
        "Confirm / confirm and add the next step / cancel",
    ),
    (
        "Drag card",
        "Move to another stage or department (drop inside its cell to reorder)",
    ),
    (
        "Drag the round handle on the right edge of a card onto another",
        "Add a handoff",
    ),
    (
        "Click an arrow",
        "Select the handoff; drag its end dot to reconnect",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The gestures shown in Help (messages) are the ones the README lists.
    #[test]
    fn gesture_messages_in_english_are_the_readme_list() {
        for (i, (k, w)) in MOUSE_GESTURES.iter().enumerate() {
            assert_eq!(tr(&format!("gesture-{}-keys", i + 1)), *k);
            assert_eq!(tr(&format!("gesture-{}-what", i + 1)), *w);
        }
    }
}
