//! Modal dialogs: the unsaved-changes guard, load errors, confirmations, help.
//! Native file pickers sit behind [`FileDialogs`] so tests never open one.

use super::action::{Action, AfterGuard, Command};
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
}

/// The real pickers (rfd, GTK).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_file(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open journey")
            .add_filter("Journey", &["ron"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn save_file(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save journey")
            .set_file_name(suggested_name)
            .add_filter("Journey", &["ron"])
            .save_file()
    }

    fn pick_folder(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open a folder of journeys")
            .pick_folder()
    }

    fn save_export(
        &self,
        folder: Option<&Path>,
        suggested_name: &str,
        ext: &str,
    ) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new()
            .set_title("Export")
            .set_file_name(suggested_name)
            .add_filter(ext.to_ascii_uppercase(), &[ext]);
        if let Some(f) = folder.filter(|f| f.is_dir()) {
            d = d.set_directory(f);
        }
        d.save_file()
    }

    fn open_import(&self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new()
            .set_title("Import")
            .add_filter(
                "CSV or Mermaid",
                &["csv", "tsv", "txt", "mmd", "mermaid", "md"],
            )
            .add_filter("All files", &["*"]);
        if let Some(f) = folder.filter(|f| f.is_dir()) {
            d = d.set_directory(f);
        }
        d.pick_file()
    }
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

/// Show a dialog; returns it again while it stays open, plus the actions chosen.
pub fn show(
    ctx: &egui::Context,
    dialog: Dialog,
    journey: &Journey,
) -> (Option<Dialog>, Vec<Action>) {
    let mut actions = Vec::new();
    let mut close = false;
    let mut dialog = dialog;
    let modal = egui::Modal::new(egui::Id::unique("touchpoint-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match &mut dialog {
            Dialog::Unsaved(next) => {
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "“{}” has changes that are not saved. Save them first?",
                    journey.title()
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        actions.push(Action::SaveThen(next.clone()));
                        close = true;
                    }
                    if ui.button("Discard").clicked() {
                        actions.push(Action::Proceed(next.clone()));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::LoadError { file, lines } => {
                ui.heading("Could not open the journey");
                ui.label(egui::RichText::new(file.as_str()).strong());
                ui.add_space(4.0);
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    for line in lines.iter() {
                        ui.label(egui::RichText::new(line.as_str()).monospace());
                    }
                });
                ui.add_space(8.0);
                if ui.button("OK").clicked() {
                    close = true;
                }
            }
            Dialog::Error { title, message } => {
                ui.heading(title.as_str());
                ui.label(message.as_str());
                if ui.button("OK").clicked() {
                    close = true;
                }
            }
            Dialog::RemoveStage { id, move_to } => {
                let name = journey.stage(id).map_or_else(|| id.0.clone(), |s| s.name.clone());
                let n = journey.touchpoints().filter(|t| t.stage.as_ref() == Some(id)).count();
                ui.heading(format!("Delete stage “{name}”"));
                ui.label(format!("{n} touchpoint(s) are in this stage. Move them to:"));
                egui::ComboBox::from_label("Move touchpoints to")
                    .selected_text(move_to.as_ref().and_then(|s| journey.stage(s)).map_or("(no stage)", |s| s.name.as_str()))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(move_to, None, "(no stage)");
                        for s in journey.stages().iter().filter(|s| &s.id != id) {
                            ui.selectable_value(move_to, Some(s.id.clone()), s.name.as_str());
                        }
                    });
                ui.horizontal(|ui| {
                    if ui.button("Delete stage").clicked() {
                        actions.push(Action::RemoveStage {
                            id: id.clone(),
                            move_to: move_to.clone(),
                        });
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::RemoveDepartment { id, move_to } => {
                let name = journey.department_name(Some(id));
                let n = journey.touchpoints().filter(|t| t.owner.as_ref() == Some(id)).count();
                ui.heading(format!("Delete department “{name}”"));
                ui.label(format!("{n} touchpoint(s) are owned by it. Give them to:"));
                egui::ComboBox::from_label("New owner")
                    .selected_text(match move_to {
                        Some(d) => journey.department_name(Some(d)),
                        None => "(no owner)".into(),
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(move_to, None, "(no owner)");
                        for d in journey.departments().iter().filter(|d| &d.id != id) {
                            ui.selectable_value(move_to, Some(d.id.clone()), d.name.as_str());
                        }
                    });
                ui.horizontal(|ui| {
                    if ui.button("Delete department").clicked() {
                        actions.push(Action::RemoveDepartment {
                            id: id.clone(),
                            move_to: move_to.clone(),
                        });
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Shortcuts => {
                ui.heading("Keyboard shortcuts");
                egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
                    egui::Grid::new("shortcuts").striped(true).num_columns(2).show(ui, |ui| {
                        for (keys, what) in shortcut_table(ctx) {
                            ui.label(egui::RichText::new(keys).monospace());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
                });
                if ui.button("Close").clicked() {
                    close = true;
                }
            }
            Dialog::About => {
                ui.heading("Touchpoint");
                ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                ui.label("Customer-journey mapping across departments: see where the journey breaks between them.");
                if ui.button("Close").clicked() {
                    close = true;
                }
            }
        }
    });
    if modal.should_close() {
        close = true;
    }
    (if close { None } else { Some(dialog) }, actions)
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
            (keys.join("  or  "), c.label().to_owned())
        })
        .collect();
    for (k, w) in MOUSE_GESTURES {
        rows.push(((*k).to_owned(), (*w).to_owned()));
    }
    rows
}

/// The canvas's mouse gestures, for Help and the README.
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
