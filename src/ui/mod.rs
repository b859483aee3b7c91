//! Everything egui. The document is changed only through `history::Document`, by
//! actions applied at the end of each frame (see `app.rs`).
//!
//! - `app.rs`: `AppState` and the per-frame flow; `action.rs`: the one list of commands
//! - `canvas.rs`: camera, painting, culling, level of detail, gestures
//! - `inspector.rs`, `panels.rs`, `dialogs.rs`, `search.rs`, `palette.rs`
//! - `settings.rs` (recent files, UI scale, theme), `clipboard.rs`, `derived.rs` (caches)

pub mod action;
pub mod app;
pub mod canvas;
pub mod clipboard;
pub mod derived;
pub mod dialogs;
pub mod drivers_table;
pub mod drivers_view;
pub mod eventlog_dialog;
pub mod export_dialog;
pub mod feedback_dialog;
pub mod fonts;
pub mod frame;
pub mod handoff_hover;
pub mod import_dialog;
pub mod inspector;
pub mod jobs;
pub mod map_labels;
pub mod measure_view;
pub mod measured;
pub mod palette;
pub mod panels;
pub mod recovery_dialog;
pub mod scenario_panel;
pub mod scene_paint;
pub mod search;
pub mod settings;
pub mod theme;
pub mod voice;
// War-room mode (issue #9): presentation, department focus, notes, actions, timer,
// as-is/to-be comparison, portfolio.
pub mod actions_panel;
pub mod compare;
pub mod focus;
pub mod notes;
pub mod portfolio;
pub mod present;
pub mod timer;
pub mod warroom;

pub use action::{Action, Command};
pub use app::AppState;

use crate::history::Document;
use crate::model::Journey;
use std::path::PathBuf;
use std::time::Instant;

/// The eframe wrapper around [`AppState`].
struct TouchpointApp {
    state: AppState,
    /// Set by `TOUCHPOINT_EXIT_AFTER_FIRST_FRAME=1`: print the time to the first frame and exit.
    exit_after_first_frame: Option<Instant>,
}

impl eframe::App for TouchpointApp {
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The window opens here next time.
        self.state.persist_settings();
        // Unsaved work nobody answered for (the system closed the app) is kept for
        // recovery at the next start; otherwise this run's recovery files go.
        let keep = self.state.doc.is_dirty() && !self.state.allow_close;
        self.state.reliability.finish(keep);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.state.show(ui);
        if let Some(start) = self.exit_after_first_frame.take() {
            println!(
                "first frame after {:.1} ms (from process start)",
                start.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Open the app window on `file`, or on the bundled move-address journey.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    run_from(file, Instant::now())
}

/// Like [`run`], with the process start time (for the cold-start measurement).
pub fn run_from(file: Option<PathBuf>, started: Instant) -> anyhow::Result<()> {
    run_with(file, started, |_| {})
}

/// Like [`run_from`], then `after_open` on the state (e.g. open a comparison).
pub fn run_with(
    file: Option<PathBuf>,
    started: Instant,
    after_open: impl FnOnce(&mut AppState) + 'static,
) -> anyhow::Result<()> {
    let exit_after_first_frame = (std::env::var("TOUCHPOINT_EXIT_AFTER_FIRST_FRAME").as_deref()
        == Ok("1"))
    .then_some(started);
    let settings_path = settings::Settings::default_path();
    let place = settings_path
        .as_deref()
        .and_then(|p| settings::Settings::load(p).window);
    let options = eframe::NativeOptions {
        viewport: settings::WindowPlace::viewport(place).with_title("Touchpoint"),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Touchpoint",
        options,
        Box::new(move |cc| {
            let mut state = AppState::new(
                Document::new(Journey::starter("New journey")),
                None,
                Box::new(dialogs::NativeDialogs),
            );
            if let Some(p) = settings_path {
                state.use_settings_file(p);
            }
            // First start (no language chosen yet): follow the system locale.
            state.system_language = crate::i18n::system();
            crate::i18n::set_current(&state.language());
            match &file {
                // A table, a diagram or an event log (not a journey file): its preview
                // opens, as when the file is dropped on the window.
                Some(path)
                    if !path
                        .to_string_lossy()
                        .to_ascii_lowercase()
                        .ends_with(".ron") =>
                {
                    state.queue(Action::Proceed(action::AfterGuard::OpenSample));
                    state.apply_queued(&cc.egui_ctx);
                    import_dialog::start(&cc.egui_ctx, &mut state, path);
                }
                Some(path) => {
                    // A load error shows in a dialog over an empty journey.
                    if state.open_path(path).is_err() {
                        state.doc = Document::new_unsaved(Journey::starter("New journey"));
                    }
                }
                None => {
                    state.queue(Action::Proceed(action::AfterGuard::OpenSample));
                    state.apply_queued(&cc.egui_ctx);
                }
            }
            // Autosave, panic hook, and the offer to restore what a crash left behind.
            state.reliability = recovery_dialog::Reliability::start(
                crate::recovery::RecoveryStore::open_default().ok(),
                state.reliability.file.clone(),
            );
            after_open(&mut state);
            Ok(Box::new(TouchpointApp {
                state,
                exit_after_first_frame,
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
