//! Lane and stage labels on the canvas: wrapped at word boundaries, never in the middle
//! of a word ("communi cations"), and fitted to their band: the font steps down until
//! the longest word fits the width and the lines fit the height; a word that still
//! does not fit at the smallest size is shortened with '…', never broken.

use egui::text::LayoutJob;
use egui::{Color32, FontId, Galley, Rect};
use std::sync::Arc;

/// A label the canvas painted: where it is on screen and its lines (for tests).
#[derive(Clone, Debug, PartialEq)]
pub struct PaintedLabel {
    pub text: String,
    pub rect: Rect,
    pub rows: Vec<String>,
}

/// Lay `text` out within `width` x `height` points, at `max_px` or smaller (not below
/// `min_px`), breaking lines only between words.
pub fn fit_words(
    ctx: &egui::Context,
    text: &str,
    width: f32,
    height: f32,
    max_px: f32,
    min_px: f32,
    color: Color32,
) -> Arc<Galley> {
    let width = width.max(8.0);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut px = max_px.max(min_px);
    loop {
        let font = FontId::proportional(px);
        let widest = words
            .iter()
            .map(|w| word_width(ctx, w, &font))
            .fold(0.0, f32::max);
        let g = layout(ctx, &words.join(" "), &font, width, usize::MAX, color);
        if (widest <= width && g.size().y <= height) || px <= min_px {
            if widest <= width && g.size().y <= height {
                return g;
            }
            // The smallest size and still too big: as many whole lines as fit, long
            // words shortened with '…'.
            let rows = ((height / (px * 1.2)).floor() as usize).max(1);
            let shortened: Vec<String> = words
                .iter()
                .map(|w| shorten(ctx, w, &font, width))
                .collect();
            return layout(ctx, &shortened.join(" "), &font, width, rows, color);
        }
        px = (px - 1.0).max(min_px);
    }
}

fn word_width(ctx: &egui::Context, word: &str, font: &FontId) -> f32 {
    ctx.fonts_mut(|f| f.layout_no_wrap(word.to_owned(), font.clone(), Color32::WHITE))
        .size()
        .x
}

/// `word` cut with '…' to fit `width` (unchanged when it fits).
fn shorten(ctx: &egui::Context, word: &str, font: &FontId, width: f32) -> String {
    if word_width(ctx, word, font) <= width {
        return word.to_owned();
    }
    let chars: Vec<char> = word.chars().collect();
    for n in (1..chars.len()).rev() {
        let s: String = chars.iter().take(n).chain(std::iter::once(&'…')).collect();
        if word_width(ctx, &s, font) <= width {
            return s;
        }
    }
    "…".into()
}

fn layout(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    width: f32,
    max_rows: usize,
    color: Color32,
) -> Arc<Galley> {
    let mut job = LayoutJob::simple(text.to_owned(), font.clone(), color, width);
    job.wrap.max_rows = max_rows;
    job.wrap.break_anywhere = false;
    job.wrap.overflow_character = Some('…');
    ctx.fonts_mut(|f| f.layout_job(job))
}

/// The text of each line of `galley`.
pub fn rows(galley: &Galley) -> Vec<String> {
    galley.rows.iter().map(|r| r.text()).collect()
}
