//! The command palette (Ctrl+K / Ctrl+Shift+P): every command with its shortcut.

use super::action::Command;
use super::frame::{FrameView, Outbox};
use crate::i18n::tr;

#[derive(Clone, Debug, Default)]
pub struct PaletteState {
    pub open: bool,
    pub focus: bool,
    pub query: String,
}

/// Commands whose label contains every word of `query` (case-insensitive).
pub fn matches(query: &str) -> Vec<Command> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    Command::ALL
        .into_iter()
        .filter(|c| {
            let l = c.label().to_lowercase();
            words.iter().all(|w| l.contains(w.as_str()))
        })
        .collect()
}

/// The palette window (its own state: `palette`); a chosen command is queued.
pub fn show(
    ctx: &egui::Context,
    v: FrameView<'_>,
    palette: &mut PaletteState,
    out: &mut Outbox<'_>,
) {
    if !palette.open {
        return;
    }
    let mut chosen = None;
    let mut close = false;
    egui::Window::new("Command palette")
        .collapsible(false)
        .resizable(false)
        .title_bar(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
        .show(ctx, |ui| {
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut palette.query)
                        .hint_text(tr("palette-hint"))
                        .desired_width(f32::INFINITY),
                )
                .accessible_name(tr("palette-name"));
            if palette.focus {
                r.request_focus();
                palette.focus = false;
            }
            let list = matches(&palette.query);
            let (enter, escape) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::Enter),
                    i.key_pressed(egui::Key::Escape),
                )
            });
            if escape {
                close = true;
            }
            if enter {
                chosen = list.iter().copied().find(|c| v.enabled(*c));
            }
            egui::ScrollArea::vertical()
                .max_height(380.0)
                .show(ui, |ui| {
                    for c in list {
                        let shortcut = c
                            .shortcuts()
                            .first()
                            .map(|s| ctx.format_shortcut(s))
                            .unwrap_or_default();
                        let b = egui::Button::new(v.command_label(c))
                            .shortcut_text(shortcut)
                            .min_size(egui::vec2(ui.available_width(), 0.0));
                        if ui.add_enabled(v.enabled(c), b).clicked() {
                            chosen = Some(c);
                        }
                    }
                });
        });
    if let Some(c) = chosen {
        out.command(c);
        close = true;
    }
    if close {
        palette.open = false;
    }
}
