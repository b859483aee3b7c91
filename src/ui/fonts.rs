//! Fonts: egui's own, plus a bundled CJK fallback so Chinese text renders.

use std::sync::Arc;

/// Droid Sans Fallback (Apache 2.0), covering Chinese, Japanese and Korean.
pub const CJK_FONT: &[u8] = crate::export::fonts::CJK_FALLBACK;

pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "cjk".to_owned(),
        Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("cjk".to_owned());
    }
    ctx.set_fonts(fonts);
}
