//! One frame: `show` (input, panels and canvas, dialogs, then the queued actions), the
//! theme and UI scale, the window's place, the close request and the keyboard shortcuts.

use super::AppState;
use crate::ui::action::{Action, AfterGuard, Command};
use crate::ui::canvas;
use crate::ui::dialogs::{self, Dialog};
use crate::ui::settings::ThemePref;
use crate::ui::{inspector, palette, panels, search};

impl AppState {
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
        crate::ui::warroom::before_shortcuts(&ctx, self);
        if self.dialog.is_none() && !self.palette.open {
            self.read_shortcuts(&ctx);
        }
        let dark = ui.visuals().dark_mode;
        self.derived.focus = crate::ui::warroom::scene_focus(self);
        self.derived
            .update_with(&self.doc, self.view.lane_mode, self.view.gaps, dark);
        crate::ui::warroom::refresh(self);

        if self.warroom.present.active {
            crate::ui::present::drive_camera(&ctx, self);
            self.panel_view(|v, _| crate::ui::present::strip(ui, v));
        } else if self.view.map_only {
            // Only the map (F9 or the button on the map brings the rest back).
        } else {
            self.panel_view(|v, out| panels::top_bar(ui, v, out));
            self.panel_view(|v, _| panels::status_bar(ui, v));
            if self.view.left_panel {
                let name_new = self.name_new.clone();
                self.panel(
                    |s| &mut s.left_tab,
                    |v, tab, out| panels::left_panel(ui, v, tab, name_new.as_ref(), out),
                );
            }
            if self.view.inspector {
                self.panel(
                    |s| &mut s.inspector,
                    |v, st, out| inspector::panel(ui, v, st, out),
                );
            }
            crate::ui::scenario_panel::poll(&ctx, self);
            self.panel(
                |s| &mut s.drivers.scenario,
                |v, sc, out| crate::ui::scenario_panel::side_panel(ui, v, sc, out),
            );
            self.panel(
                |s| &mut s.warroom,
                |v, w, out| crate::ui::warroom::side_panel(ui, v, w, out),
            );
            self.panel(
                |s| &mut s.measure,
                |v, m, out| crate::ui::measure_view::side_panel(ui, v, m, out),
            );
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                if self.warroom.compare.is_open() {
                    self.panel(
                        |s| &mut s.warroom.compare,
                        |v, c, out| crate::ui::compare::view(ui, v, c, out),
                    );
                } else if self.view.matrix {
                    self.panel(
                        |s| &mut s.canvas.header_labels,
                        |v, labels, out| panels::matrix_view(ui, v, labels, out),
                    );
                } else {
                    // The camera and the canvas state are the canvas's own.
                    let mut camera = std::mem::take(&mut self.camera);
                    let mut own = std::mem::take(&mut self.canvas);
                    self.panel_view(|v, out| canvas::show(ui, v, &mut camera, &mut own, out));
                    (self.camera, self.canvas) = (camera, own);
                    self.panel(
                        |s| &mut s.warroom.notes,
                        |v, notes, out| crate::ui::notes::map_editor(ui, v, notes, out),
                    );
                }
            });
        self.panel(
            |s| &mut s.search,
            |v, st, out| search::show(&ctx, v, st, out),
        );
        self.panel(
            |s| &mut s.palette,
            |v, st, out| palette::show(&ctx, v, st, out),
        );
        self.evidence_windows(&ctx);
        self.panel(
            |s| &mut s.warroom,
            |v, w, out| crate::ui::warroom::windows(&ctx, v, w, out),
        );
        crate::ui::drivers_view::poll(&ctx, self);
        self.panel(
            |s| &mut s.drivers,
            |v, d, out| crate::ui::drivers_view::window(&ctx, v, d, out),
        );
        self.panel(
            |s| &mut s.dialog,
            |v, st, out| dialogs::show(&ctx, v, st, out),
        );

        self.apply_queued(&ctx);
        self.reliability_frame(&ctx);
        // The war room's figures follow the document just applied (open, new, restore).
        crate::ui::warroom::refresh(self);
        self.derived.focus = crate::ui::warroom::scene_focus(self);
        self.derived
            .update_with(&self.doc, self.view.lane_mode, self.view.gaps, dark);
        // ...and the war room shows the analysis just computed for it.
        crate::ui::warroom::refresh(self);
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

    fn apply_theme(&mut self, ctx: &egui::Context) {
        let key = (self.settings.theme, (self.settings.ui_scale * 100.0) as u32);
        if self.applied_theme == Some(key) {
            return;
        }
        if self.applied_theme.is_none() {
            crate::ui::fonts::install(ctx);
        }
        self.applied_theme = Some(key);
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(match self.settings.theme {
            ThemePref::System => egui::ThemePreference::System,
            ThemePref::Light => egui::ThemePreference::Light,
            ThemePref::Dark => egui::ThemePreference::Dark,
        });
        crate::ui::theme::apply(ctx);
        ctx.set_zoom_factor(self.settings.ui_scale);
    }

    /// Keep the window's place in the settings (written when the app ends). On the
    /// first start the window is maximised; where no window manager does that (a bare
    /// X server), it is sized to the monitor instead.
    fn remember_window(&mut self, ctx: &egui::Context) {
        use crate::ui::settings::WindowPlace;
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
                crate::ui::present::refit(self);
            }
            // Once maximised, that is the place to remember (a slow first start may be
            // closed before its 30 frames); until then the window's size is transient.
            if !maximized {
                return;
            }
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
}
