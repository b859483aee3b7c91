//! Metrics: every size and offset the card, edge and chrome drawing use, named, built
//! once per scene from the layout configuration ([`Metrics::of`]).

use crate::layout::LayoutConfig;

/// Height of the title block above the map.
pub const TITLE_H: f32 = 96.0;
/// Margin around everything the scene draws.
pub const MARGIN: f32 = 16.0;
/// Width of a card's owner stripe (and of a lane's colour stripe, plus one).
pub const STRIPE_W: f32 = 5.0;
/// Height of a gap badge (on a card, in the legend).
pub const BADGE_H: f32 = 14.0;
/// Type size of a gap badge's label.
pub const BADGE_SIZE: f32 = 8.5;
/// Card names in large type (the presented stage's cards): 18 px or more on a
/// 1920x1080 projector once the stage is fitted to the screen.
pub const LARGE_NAME_SIZE: f32 = 22.0;
// The map's chrome (`chrome.rs`): stage headers, lane bands, the emotion curve, the
// title block, the legend and the callout list. The header and lane sizes they sit in
// come from the layout configuration (`header_h`, `label_w`, `curve_h`).

/// Type size of small print: counts under names, tick labels, legend entries.
pub const SMALL_SIZE: f32 = 10.0;
/// Type size of notes beside the title and the legend's heading.
pub const NOTE_SIZE: f32 = 11.0;
/// Type size of a stage's name in its header.
pub const HEADER_NAME_SIZE: f32 = 13.0;
/// A stage name sits this far above the header's middle, its count this far below.
pub const HEADER_NAME_RISE: f32 = 6.0;
pub const HEADER_COUNT_DROP: f32 = 10.0;
/// Room kept free across a header's width for its texts.
pub const HEADER_TEXT_INSET: f32 = 12.0;
/// How much of its department's colour a lane band and its label take.
pub const LANE_TINT: f32 = 0.07;
pub const LANE_LABEL_TINT: f32 = 0.16;
/// Room kept free across the label column for a lane's texts.
pub const LANE_TEXT_ROOM: f32 = 22.0;
/// Left of a lane's texts (and the curve's).
pub const LANE_TEXT_X: f32 = 14.0;
/// A lane's name: type size, baseline of the first line below the lane's top, line height.
pub const LANE_NAME_SIZE: f32 = 12.0;
pub const LANE_NAME_TOP: f32 = 18.0;
pub const LANE_NAME_LINE_H: f32 = 15.0;
/// The line of visibility (layer mode) and its label's offset.
pub const VISIBILITY_LINE_W: f32 = 1.5;
pub const VISIBILITY_LABEL_DX: f32 = 6.0;
pub const VISIBILITY_LABEL_DY: f32 = 8.0;
/// The emotion curve: no curve in a band lower than this; its padding, tick labels,
/// label offsets, point radius and line width.
pub const CURVE_MIN_H: f32 = 30.0;
pub const CURVE_PAD: f32 = 12.0;
pub const CURVE_TICK_DX: f32 = 6.0;
pub const CURVE_TICK_SIZE: f32 = 9.0;
pub const CURVE_LABEL_RISE: f32 = 7.0;
pub const CURVE_SUB_DROP: f32 = 9.0;
pub const CURVE_DOT_R: f32 = 3.5;
pub const CURVE_W: f32 = 2.0;
/// The title block: narrowest width, title baseline and size, the share of the width the
/// title, the subtitle and the date may take, the subtitle's baseline, the headline
/// figures' size, baselines and the gap between them.
pub const TITLE_MIN_W: f32 = 400.0;
pub const TITLE_TOP: f32 = 14.0;
pub const TITLE_SIZE: f32 = 20.0;
pub const TITLE_SHARE: f32 = 0.7;
pub const SUBTITLE_TOP: f32 = 36.0;
pub const SUBTITLE_SHARE: f32 = 0.75;
pub const DATE_SHARE: f32 = 0.25;
pub const FIGURE_SIZE: f32 = 16.0;
pub const FIGURE_TOP: f32 = 60.0;
pub const FIGURE_LABEL_TOP: f32 = 78.0;
pub const FIGURE_GAP: f32 = 24.0;
/// The legend: first row below its top, row height, the indent after its heading, a
/// swatch's width (a pill's padding), the gaps after a swatch and after an entry.
pub const LEGEND_TOP: f32 = 8.0;
pub const LEGEND_ROW_H: f32 = 20.0;
pub const LEGEND_INDENT: f32 = 60.0;
pub const LEGEND_SWATCH_W: f32 = 24.0;
pub const LEGEND_PILL_PAD: f32 = 8.0;
pub const LEGEND_SWATCH_GAP: f32 = 6.0;
pub const LEGEND_ITEM_GAP: f32 = 18.0;
/// The numbered callouts listed under the legend: column width, row height, type size,
/// top gap, the number's padding and corner radius, the text's gap and end room.
pub const CALLOUT_COL_W: f32 = 260.0;
pub const CALLOUT_ROW_H: f32 = 20.0;
pub const CALLOUT_SIZE: f32 = 9.5;
pub const CALLOUT_TOP: f32 = 12.0;
pub const CALLOUT_NUMBER_PAD: f32 = 8.0;
pub const CALLOUT_RADIUS: f32 = 4.0;
pub const CALLOUT_TEXT_GAP: f32 = 6.0;
pub const CALLOUT_TEXT_ROOM: f32 = 14.0;

/// Bars of a 0-10 histogram.
const HIST_BARS: f32 = 11.0;

/// The sizes and offsets of the drawing, in world points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    // Cards.
    /// Inner padding of a card (left of the name, right of the score, badges' inset).
    pub pad: f32,
    /// Width of the owner stripe's column.
    pub stripe_w: f32,
    /// Width of the owner stripe as drawn (one less than its column).
    pub stripe_drawn_w: f32,
    /// The owner stripe's inset from the card's left edge.
    pub stripe_inset_x: f32,
    /// The owner stripe's inset from the card's top and bottom edges.
    pub stripe_inset_y: f32,
    /// Corner radius of the owner stripe.
    pub stripe_radius: f32,
    /// Corner radius of a card.
    pub card_radius: f32,
    /// Width of hairline strokes (card border, outlined pills, histogram base).
    pub stroke_w: f32,
    /// Offset of the trend mark's left from the card's right padding.
    pub trend_x: f32,
    /// Offset of the trend mark's centre from the card's top.
    pub trend_y: f32,
    /// Size of the trend mark.
    pub trend_size: f32,
    /// Width of the score pill.
    pub pill_w: f32,
    /// Height of the score pill.
    pub pill_h: f32,
    /// Offset of the score pill from the card's top.
    pub pill_top: f32,
    /// Type size of the score pill.
    pub pill_size: f32,
    /// Room between the name and the score pill.
    pub name_gap: f32,
    /// Type size of a card's name.
    pub name_size: f32,
    /// Lines of a card's name at most.
    pub name_lines: usize,
    /// Offset of the name's first line (its centre) from the card's top.
    pub name_top: f32,
    /// Line height of a card's name.
    pub name_line_h: f32,
    /// Offset of the channel and volume row (its centre) from the card's top.
    pub row_top: f32,
    /// Type size of the channel and volume.
    pub row_size: f32,
    /// Room the "measured" mark takes before a measured volume.
    pub measured_w: f32,
    /// Offset of the "measured" mark's centre from the start of its room.
    pub measured_x: f32,
    /// Room between the channel and the volume.
    pub row_gap: f32,
    /// Offset of the histogram's base from the card's bottom.
    pub hist_bottom: f32,
    /// Height of the histogram's highest bar.
    pub hist_h: f32,
    /// Width of a histogram bar.
    pub hist_bar_w: f32,
    /// Step from one histogram bar to the next.
    pub hist_step: f32,
    /// Width of the histogram's steps (its eleven bars).
    pub hist_w: f32,
    /// How much shorter the histogram's base line is than its steps.
    pub hist_trim: f32,
    /// Height of a histogram bar with the fewest answers above zero.
    pub hist_min_bar: f32,
    /// Offset of the histogram's base line from the base (a crisp hairline).
    pub hist_line_y: f32,
    /// Room between the histogram and the metric dots.
    pub hist_gap: f32,
    /// How far above the histogram's base the metric dots stand.
    pub dots_rise: f32,
    /// Step from one metric dot to the next.
    pub dot_step: f32,
    /// Radius of a metric dot.
    pub dot_r: f32,
    /// Width the metric dots of a map card (not in large type) have.
    pub dots_w: f32,
    /// Type size of the smallest words: the metric dots' "+N", the note count.
    pub tiny_size: f32,
    /// Room right of a card in large type.
    pub large_pad_r: f32,
    /// Width of the score pill in large type.
    pub large_pill_w: f32,
    /// Height of the score pill in large type.
    pub large_pill_h: f32,
    /// Offset of the large score pill's left from the card's right (plus its width).
    pub large_pill_right: f32,
    /// Offset of the large score pill's top from the card's bottom.
    pub large_pill_bottom: f32,
    /// Type size of the score pill in large type.
    pub large_pill_size: f32,
    /// Type size of a card's name in large type.
    pub large_name_size: f32,
    /// Offset of the large name's first line (its centre) from the card's top.
    pub large_name_top: f32,
    /// Line height of a card's name in large type.
    pub large_name_line_h: f32,
    /// Offset of the histogram's base from the card's bottom in large type.
    pub large_hist_bottom: f32,
    /// Height of the histogram's highest bar in large type.
    pub large_hist_h: f32,
    /// Room between the histogram and the metric dots in large type.
    pub large_hist_gap: f32,
    /// Room between the metric dots and the score pill in large type.
    pub large_dots_gap: f32,
    /// Height of a gap badge.
    pub badge_h: f32,
    /// Type size of a gap badge's label.
    pub badge_size: f32,
    /// Padding around a gap badge's label (both sides together).
    pub badge_pad: f32,
    /// Room between two gap badges.
    pub badge_gap: f32,
    /// Offset of the note count's left and top from the card's right and bottom.
    pub note_inset: f32,
    /// Side of the note count's square.
    pub note_side: f32,
    /// Corner radius of the note count's square.
    pub note_radius: f32,
    // Edges.
    /// Room around a handoff's route for its arrow head.
    pub head_room: f32,
    /// Type size of a handoff's label.
    pub label_size: f32,
    /// Padding around a handoff label's text (both sides together).
    pub label_pad: f32,
    /// Room between two pills of a handoff's label.
    pub label_gap: f32,
    /// Corner radius of a handoff label's pill.
    pub label_radius: f32,
    /// Offset of the "measured" mark's room from a label pill's left.
    pub label_dot_x: f32,
    /// Room the "measured" mark takes in a queue-time label.
    pub label_dot_w: f32,
}

impl Metrics {
    /// The metrics of a scene laid out with `config`.
    pub fn of(config: &LayoutConfig) -> Metrics {
        let pad = 8.0;
        let hist_step = 7.5;
        let hist_w = HIST_BARS * hist_step;
        let hist_gap = 10.0;
        Metrics {
            pad,
            stripe_w: STRIPE_W,
            stripe_drawn_w: STRIPE_W - 1.0,
            stripe_inset_x: 2.0,
            stripe_inset_y: 4.0,
            stripe_radius: 2.0,
            card_radius: 6.0,
            stroke_w: 1.0,
            trend_x: 17.0,
            trend_y: 36.0,
            trend_size: 14.0,
            pill_w: 34.0,
            pill_h: 18.0,
            pill_top: 7.0,
            pill_size: 11.0,
            name_gap: 6.0,
            name_size: 12.0,
            name_lines: 2,
            name_top: 16.0,
            name_line_h: 15.0,
            row_top: 51.0,
            row_size: 10.0,
            measured_w: 8.0,
            measured_x: 2.6,
            row_gap: 8.0,
            hist_bottom: 9.0,
            hist_h: 20.0,
            hist_bar_w: 6.0,
            hist_step,
            hist_w,
            hist_trim: 1.5,
            hist_min_bar: 1.5,
            hist_line_y: 0.5,
            hist_gap,
            dots_rise: 5.0,
            dot_step: 11.0,
            dot_r: 4.0,
            dots_w: (config.card_w - pad) - (STRIPE_W + pad + hist_w + hist_gap),
            tiny_size: 9.0,
            large_pad_r: 7.0,
            large_pill_w: 40.0,
            large_pill_h: 20.0,
            large_pill_right: 14.0,
            large_pill_bottom: 24.0,
            large_pill_size: 13.0,
            large_name_size: LARGE_NAME_SIZE,
            large_name_top: 18.0,
            large_name_line_h: 24.0,
            large_hist_bottom: 4.0,
            large_hist_h: 10.0,
            large_hist_gap: 8.0,
            large_dots_gap: 4.0,
            badge_h: BADGE_H,
            badge_size: BADGE_SIZE,
            badge_pad: 8.0,
            badge_gap: 3.0,
            note_inset: 10.0,
            note_side: 16.0,
            note_radius: 2.0,
            head_room: 6.0,
            label_size: 9.5,
            label_pad: 8.0,
            label_gap: 3.0,
            label_radius: 4.0,
            label_dot_x: 4.0,
            label_dot_w: 7.0,
        }
    }

    /// The metrics of a scene laid out with cards `card_w` wide (the rest as by default).
    pub fn of_card_w(card_w: f32) -> Metrics {
        Metrics::of(&LayoutConfig {
            card_w,
            ..LayoutConfig::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map card's dot row is as wide as before the sizes had names.
    #[test]
    fn dots_width_keeps_its_arithmetic() {
        for card_w in [120.0_f32, 200.0, 237.5, 480.0] {
            let m = Metrics::of_card_w(card_w);
            assert_eq!(
                m.dots_w.to_bits(),
                ((card_w - 8.0) - (5.0 + 8.0 + 11.0 * 7.5 + 10.0)).to_bits()
            );
        }
    }
}
