//! Everything egui. The document is changed only through `history::Document`.

mod fonts;
pub mod recovery_dialog;

use crate::model::Journey;
use std::path::PathBuf;

/// Open the app window on `file`, or on the bundled move-address journey.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let (journey, error) = match &file {
        Some(path) => match crate::io::load_file(path) {
            Ok(j) => (j, None),
            Err(e) => (Journey::starter("Untitled journey"), Some(e.to_string())),
        },
        None => match crate::samples::move_address() {
            Ok(j) => (j, None),
            Err(e) => (Journey::starter("Untitled journey"), Some(e.to_string())),
        },
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("{} - Touchpoint", journey.title()))
            .with_inner_size([1400.0, 900.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Touchpoint",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            Ok(Box::new(MinimalApp { journey, error }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

struct MinimalApp {
    journey: Journey,
    error: Option<String>,
}

impl eframe::App for MinimalApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(self.journey.title());
            if let Some(e) = &self.error {
                ui.colored_label(egui::Color32::RED, e);
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for stage in self.journey.stages() {
                    ui.strong(&stage.name);
                    for tp in self
                        .journey
                        .touchpoints()
                        .filter(|t| t.stage.as_ref() == Some(&stage.id))
                    {
                        ui.label(format!("  {}", tp.name));
                    }
                }
            });
        });
    }
}
