//! Look and feel: larger type and stronger contrast than egui's defaults, so the map
//! reads on a projector. Light and dark follow egui's themes.

use egui::{FontFamily, FontId, TextStyle};

pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(20.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(13.5, FontFamily::Monospace),
            ),
            (
                TextStyle::Button,
                FontId::new(14.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(11.5, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 24.0;
    });
    let mut dark = egui::Visuals::dark();
    dark.override_text_color = Some(egui::Color32::from_gray(235));
    dark.panel_fill = egui::Color32::from_rgb(30, 32, 36);
    dark.window_fill = egui::Color32::from_rgb(36, 38, 43);
    dark.extreme_bg_color = egui::Color32::from_rgb(22, 23, 26);
    ctx.set_visuals_of(egui::Theme::Dark, dark);
    let mut light = egui::Visuals::light();
    light.override_text_color = Some(egui::Color32::from_gray(20));
    light.panel_fill = egui::Color32::from_rgb(246, 247, 249);
    light.window_fill = egui::Color32::WHITE;
    light.extreme_bg_color = egui::Color32::WHITE;
    ctx.set_visuals_of(egui::Theme::Light, light);
}
