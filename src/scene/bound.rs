//! Lower bounds of what [`super::build_scene`] draws, from the journey alone (no
//! analysis, layout or text): the exports refuse a map too big for one drawing with
//! them before spending seconds on its scene (`export::raster::nodes_at_least`).
//! `tests.rs` holds them against real scenes.

use super::card::map_card_dots;
use super::edge::edge_label;
use crate::model::{Handoff, Touchpoint};

/// The least number of shapes (items that are not text) the card of `t`, `card_w`
/// wide, draws: the card, its owner stripe and its score badge, the histogram's base
/// line and bars, and the metric dots.
pub fn card_shapes_at_least(t: &Touchpoint, card_w: f32) -> usize {
    let histogram = t
        .satisfaction
        .as_ref()
        .and_then(|s| s.histogram())
        .map_or(0, |h| 1 + h.iter().filter(|&&c| c > 0).count());
    3 + histogram + map_card_dots(card_w, t.metrics.len())
}

/// The least number of shapes the drawing of `h` has: its line, and the pill under
/// its queue-time label when it has one.
pub fn edge_shapes_at_least(h: &Handoff) -> usize {
    1 + usize::from(!edge_label(h).is_empty())
}
