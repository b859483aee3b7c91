//! Lower bounds of what [`super::build_scene`] draws, from the journey alone (no
//! analysis, layout or text): the exports refuse a map too big for one drawing with
//! them before spending seconds on its scene (`export::raster::nodes_at_least`), or
//! before even loading the file, from its census ([`crate::io::census`]).
//! `tests.rs` holds them against real scenes.

use super::card::map_card_dots;
use super::edge::label_figures;
use crate::io::{CardFacts, EdgeFacts};
use crate::model::{Handoff, Touchpoint};

/// What the card of `t` depends on: its histogram bars and its metrics.
pub fn card_facts(t: &Touchpoint) -> CardFacts {
    CardFacts {
        histogram_bars: t
            .satisfaction
            .as_ref()
            .and_then(|s| s.histogram())
            .map(|h| h.iter().filter(|&&c| c > 0).count()),
        metrics: t.metrics.len(),
    }
}

/// What the drawing of `h` depends on: the figures of its label.
pub fn edge_facts(h: &Handoff) -> EdgeFacts {
    EdgeFacts {
        wait_hours: h.wait_hours,
        failure_rate: h.failure_rate,
    }
}

/// The least number of shapes (items that are not text) a card `card_w` wide draws:
/// the card, its owner stripe and its score badge, the histogram's base line and bars,
/// and the metric dots.
pub fn card_shapes(facts: &CardFacts, card_w: f32) -> usize {
    let histogram = facts.histogram_bars.map_or(0, |bars| 1 + bars);
    3 + histogram + map_card_dots(card_w, facts.metrics)
}

/// The least number of shapes the drawing of a handoff has: its line, and the pill
/// under its label when it has one (a queue time or a failure rate).
pub fn edge_shapes(facts: &EdgeFacts) -> usize {
    let (wait, failure) = label_figures(facts.wait_hours, facts.failure_rate);
    1 + usize::from(wait.is_some() || failure.is_some())
}

/// [`card_shapes`] of the card of `t`.
pub fn card_shapes_at_least(t: &Touchpoint, card_w: f32) -> usize {
    card_shapes(&card_facts(t), card_w)
}

/// [`edge_shapes`] of the drawing of `h`.
pub fn edge_shapes_at_least(h: &Handoff) -> usize {
    edge_shapes(&edge_facts(h))
}
