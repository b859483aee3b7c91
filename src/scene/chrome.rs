//! Everything around the cards: lane and column backgrounds, the emotion curve, the
//! title block (title, headline figures, date) and the legend.

use super::metrics::*;
use super::*;

/// Headline figures computed from the journey alone (used when no marks are given).
pub fn basic_headline(journey: &Journey) -> Vec<(String, String)> {
    let handoffs = journey.handoffs();
    let cross = handoffs
        .iter()
        .filter(|h| matches!(edge_kind_no_loop(journey, h), EdgeKind::CrossDepartment))
        .count();
    let means: Vec<f64> = journey
        .touchpoints()
        .filter_map(Touchpoint::mean_score)
        .collect();
    let mut out = vec![
        (
            tr("map-figure-touchpoints"),
            journey.touchpoint_count().to_string(),
        ),
        (tr("map-figure-handoffs"), handoffs.len().to_string()),
        (
            tr("map-figure-cross-department-handoffs"),
            cross.to_string(),
        ),
    ];
    if !means.is_empty() {
        let m = means.iter().sum::<f64>() / means.len() as f64;
        out.push((tr("map-figure-mean-satisfaction"), f::score(m)));
    }
    out
}

pub(super) fn background(
    out: &mut Vec<Item>,
    journey: &Journey,
    layout: &Layout,
    c: &LayoutConfig,
    p: &Palette,
) {
    // Stage column headers.
    stage_headers(out, layout, c, p);
    // Lane bands and labels.
    for lane in &layout.lanes {
        lane_band(out, journey, layout, lane, c, p);
    }
    // Grid lines.
    grid_lines(out, layout, p);
}

/// A header above each stage column: its name and how many touchpoints it holds.
fn stage_headers(out: &mut Vec<Item>, layout: &Layout, c: &LayoutConfig, p: &Palette) {
    let top = 0.0;
    for col in &layout.columns {
        out.push(rect(
            Rect::new(col.x, top, col.w, c.header_h),
            Some(p.header),
            None,
            0.0,
            0.0,
        ));
        let count = layout
            .cells
            .iter()
            .filter(|((ci, _), _)| layout.columns.get(*ci).is_some_and(|x| x.x == col.x))
            .map(|(_, v)| v.len())
            .sum::<usize>();
        out.push(fitted(
            (
                col.x + col.w / 2.0,
                top + c.header_h / 2.0 - HEADER_NAME_RISE,
            ),
            &clean_text(&col.name),
            HEADER_NAME_SIZE,
            p.text,
            TextAnchor::Middle,
            true,
            (col.w - HEADER_TEXT_INSET).max(0.0),
            Detail::Always,
        ));
        out.push(fitted(
            (
                col.x + col.w / 2.0,
                top + c.header_h / 2.0 + HEADER_COUNT_DROP,
            ),
            &touchpoints(count),
            SMALL_SIZE,
            p.muted,
            TextAnchor::Middle,
            false,
            (col.w - HEADER_TEXT_INSET).max(0.0),
            Detail::Always,
        ));
    }
}

/// A lane's tinted band and its label: a colour stripe, its name and how many
/// touchpoints it holds.
fn lane_band(
    out: &mut Vec<Item>,
    journey: &Journey,
    layout: &Layout,
    lane: &crate::layout::Lane,
    c: &LayoutConfig,
    p: &Palette,
) {
    let grid = layout.grid;
    let color = Color::from(lane.color);
    let tint = p.background.mix(color, LANE_TINT);
    out.push(rect(
        Rect::new(grid.x, lane.y, grid.w, lane.h),
        Some(tint),
        None,
        0.0,
        0.0,
    ));
    out.push(rect(
        Rect::new(0.0, lane.y, c.label_w, lane.h),
        Some(p.background.mix(color, LANE_LABEL_TINT)),
        None,
        0.0,
        0.0,
    ));
    out.push(rect(
        Rect::new(0.0, lane.y, STRIPE_W + 1.0, lane.h),
        Some(color),
        None,
        0.0,
        0.0,
    ));
    let max_w = (c.label_w - LANE_TEXT_ROOM).max(0.0);
    let name = match &lane.key {
        LaneKey::Unowned => tr("map-lane-unowned"),
        LaneKey::Layer(l) => f::word(&format!("map-layer-{}", l.key())),
        LaneKey::Department(_) => clean_text(&lane.name),
    };
    let lines = wrap_text(&name, LANE_NAME_SIZE, true, max_w, 2);
    let mut y = lane.y + LANE_NAME_TOP;
    for l in &lines {
        out.push(Item::Text {
            pos: (LANE_TEXT_X, y),
            text: l.clone(),
            size: LANE_NAME_SIZE,
            color: p.text,
            anchor: TextAnchor::Start,
            bold: true,
            max_width: Some(max_w),
            detail: Detail::Always,
        });
        y += LANE_NAME_LINE_H;
    }
    let count = match &lane.key {
        LaneKey::Department(_) | LaneKey::Unowned | LaneKey::Layer(_) => layout
            .cells
            .iter()
            .filter(|((_, li), _)| layout.lanes.get(*li).is_some_and(|l| l.y == lane.y))
            .map(|(_, v)| v.len())
            .sum::<usize>(),
    };
    let sub = match &lane.key {
        LaneKey::Department(d) if journey.is_customer(Some(d)) => tr_args(
            "map-lane-customer",
            &[("touchpoints", touchpoints(count).into())],
        ),
        _ => touchpoints(count),
    };
    out.push(fitted(
        (LANE_TEXT_X, y),
        &sub,
        SMALL_SIZE,
        p.muted,
        TextAnchor::Start,
        false,
        max_w,
        Detail::Always,
    ));
}

/// The lines between lanes and columns and around the grid, and the line of
/// visibility when the lanes are layers.
fn grid_lines(out: &mut Vec<Item>, layout: &Layout, p: &Palette) {
    let grid = layout.grid;
    let top = 0.0;
    let bottom = grid.bottom();
    for lane in &layout.lanes {
        out.push(line(
            vec![(0.0, lane.y), (grid.right(), lane.y)],
            p.grid,
            1.0,
        ));
    }
    out.push(line(
        vec![(0.0, bottom), (grid.right(), bottom)],
        p.grid,
        1.0,
    ));
    for col in &layout.columns {
        out.push(line(vec![(col.x, top), (col.x, bottom)], p.grid, 1.0));
    }
    out.push(line(
        vec![(grid.right(), top), (grid.right(), bottom)],
        p.grid,
        1.0,
    ));
    if let Some(y) = layout.visibility_line {
        out.push(Item::Line {
            points: vec![(grid.x, y), (grid.right(), y)],
            color: p.muted,
            width: VISIBILITY_LINE_W,
            dashed: true,
            arrow_end: false,
        });
        out.push(text(
            (grid.x + VISIBILITY_LABEL_DX, y - VISIBILITY_LABEL_DY),
            tr("map-line-of-visibility"),
            SMALL_SIZE,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
    }
}

/// A journey's variant for people: the usual "as-is" and "to-be" in the current
/// language (现状, 目标), anything else as it was written.
pub fn variant_name(variant: &str) -> String {
    let v = clean_text(variant);
    match v.to_lowercase().replace(['_', ' '], "-").as_str() {
        "as-is" => tr("map-variant-as-is"),
        "to-be" => tr("map-variant-to-be"),
        _ => v,
    }
}

/// "1 touchpoint", "19 touchpoints", "19 个触点".
pub(super) fn touchpoints(n: usize) -> String {
    tr_args("map-touchpoints", &[("count", n.into())])
}

pub(super) fn emotion_curve(out: &mut Vec<Item>, journey: &Journey, layout: &Layout, p: &Palette) {
    let band = layout.curve;
    if band.h < CURVE_MIN_H || band.w <= 0.0 {
        return;
    }
    let pad = CURVE_PAD;
    let y_of =
        |s: f64| band.y + pad + (1.0 - (s as f32 / 10.0).clamp(0.0, 1.0)) * (band.h - 2.0 * pad);
    out.push(rect(band, Some(p.surface), None, 0.0, 0.0));
    for s in [0.0, 5.0, 10.0] {
        let y = y_of(s);
        out.push(Item::Line {
            points: vec![(band.x, y), (band.right(), y)],
            color: p.grid,
            width: 1.0,
            dashed: s == 5.0,
            arrow_end: false,
        });
        out.push(text(
            (band.x - CURVE_TICK_DX, y),
            fmt_num(s),
            CURVE_TICK_SIZE,
            p.muted,
            TextAnchor::End,
            false,
            Detail::Always,
        ));
    }
    out.push(text(
        (LANE_TEXT_X, band.y + band.h / 2.0 - CURVE_LABEL_RISE),
        tr("map-satisfaction"),
        LANE_NAME_SIZE,
        p.text,
        TextAnchor::Start,
        true,
        Detail::Always,
    ));
    out.push(text(
        (LANE_TEXT_X, band.y + band.h / 2.0 + CURVE_SUB_DROP),
        tr("map-satisfaction-scale"),
        SMALL_SIZE,
        p.muted,
        TextAnchor::Start,
        false,
        Detail::Always,
    ));
    // One point per scored touchpoint at its card's x. The line visits them column by
    // column and, inside a column, slot by slot (journey order among the cards of one
    // slot), so it never runs back: the cards of one slot form a short vertical run,
    // the cards of one column a cluster, not a zig-zag.
    // (column, x, journey rank, point, mean score)
    type CurveMark = (usize, f32, usize, (f32, f32), f64);
    // The touchpoints, cards and cells are kept in id order: the journey ranks are
    // sorted by id once and the three walked alongside them instead of searched (the
    // sort below puts the marks in the same order whatever order they come in).
    let mut by_id: Vec<(&TouchpointId, usize)> = layout
        .order
        .iter()
        .enumerate()
        .map(|(rank, id)| (id, rank))
        .collect();
    by_id.sort_unstable();
    let mut touchpoints = InOrder::new(touchpoints_by_id(journey));
    let mut cards = InOrder::new(layout.cards.iter());
    let mut cells = InOrder::new(layout.cell_of.iter());
    let mut marks: Vec<CurveMark> = Vec::with_capacity(by_id.len());
    for (id, rank) in by_id {
        let (Some(t), Some(r)) = (touchpoints.seek_id(id), cards.seek_id(id)) else {
            continue;
        };
        let Some(mean) = t.mean_score().filter(|m| m.is_finite()) else {
            continue;
        };
        let col = cells.seek_id(id).map_or(usize::MAX, |c| c.0);
        let x = r.x + r.w / 2.0;
        marks.push((col, x, rank, (x, y_of(mean)), mean));
    }
    marks.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut points = Vec::with_capacity(marks.len());
    let mut dots = Vec::with_capacity(marks.len());
    for &(_, _, _, pt, mean) in &marks {
        points.push(pt);
        dots.push(Item::Circle {
            center: pt,
            radius: CURVE_DOT_R,
            fill: Some(p.score(mean)),
            stroke: Some(p.surface),
        });
    }
    if points.len() >= 2 {
        out.push(line(points, p.curve, CURVE_W));
    }
    out.extend(dots);
}

pub(super) fn title_block(
    out: &mut Vec<Item>,
    journey: &Journey,
    headline: &[(String, String)],
    date: Option<&str>,
    width: f32,
    p: &Palette,
) -> Rect {
    let y0 = -TITLE_H;
    let width = width.max(TITLE_MIN_W);
    let meta = journey.meta();
    let title = clean_text(&meta.title);
    let title = if title.is_empty() {
        tr("map-untitled")
    } else {
        title
    };
    out.push(fitted(
        (0.0, y0 + TITLE_TOP),
        &title,
        TITLE_SIZE,
        p.text,
        TextAnchor::Start,
        true,
        width * TITLE_SHARE,
        Detail::Always,
    ));
    let mut sub = Vec::new();
    let variant = variant_name(&meta.variant);
    if !variant.is_empty() {
        sub.push(variant);
    }
    let owner = clean_text(&meta.owner);
    if !owner.is_empty() {
        sub.push(tr_args("map-journey-owner", &[("owner", owner.into())]));
    }
    for o in meta.outcomes.iter().take(3) {
        let unit = clean_text(&o.unit);
        let sep = if unit == "%" || unit.is_empty() {
            ""
        } else {
            " "
        };
        sub.push(tr_args(
            "map-outcome",
            &[
                ("name", clean_text(&o.name).into()),
                ("value", format!("{}{sep}{unit}", fmt_num(o.value)).into()),
            ],
        ));
    }
    if !sub.is_empty() {
        out.push(fitted(
            (0.0, y0 + SUBTITLE_TOP),
            &sub.join("  |  "),
            NOTE_SIZE,
            p.muted,
            TextAnchor::Start,
            false,
            width * SUBTITLE_SHARE,
            Detail::Always,
        ));
    }
    if let Some(d) = date {
        out.push(fitted(
            (width, y0 + TITLE_TOP),
            &f::date_text(&clean_text(d)),
            NOTE_SIZE,
            p.muted,
            TextAnchor::End,
            false,
            width * DATE_SHARE,
            Detail::Always,
        ));
    }
    // Headline figures: big value over a small label.
    let mut x = 0.0;
    for (label, value) in headline {
        let value = clean_text(value);
        let label = clean_text(label);
        let w = text_width(&value, FIGURE_SIZE, true).max(text_width(&label, SMALL_SIZE, false));
        if x + w > width {
            break;
        }
        out.push(text(
            (x, y0 + FIGURE_TOP),
            value,
            FIGURE_SIZE,
            p.text,
            TextAnchor::Start,
            true,
            Detail::Always,
        ));
        out.push(text(
            (x, y0 + FIGURE_LABEL_TOP),
            label,
            SMALL_SIZE,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
        x += w + FIGURE_GAP;
    }
    Rect::new(0.0, y0, width, TITLE_H)
}

pub(super) fn legend(out: &mut Vec<Item>, y0: f32, width: f32, gaps: bool, p: &Palette) -> Rect {
    let mut x = 0.0;
    let mut y = y0 + LEGEND_TOP;
    let row_h = LEGEND_ROW_H;
    let size = SMALL_SIZE;
    let mut entries: Vec<(Swatch, String)> = vec![
        (
            Swatch::Line(p.edge, SAME_DEPARTMENT_WIDTH, false),
            tr("map-legend-same-department"),
        ),
        (
            Swatch::Line(p.customer_edge, CUSTOMER_WIDTH, false),
            tr("map-legend-customer"),
        ),
        (
            Swatch::Line(p.cross, CROSS_DEPARTMENT_WIDTH, false),
            tr("map-legend-cross-department"),
        ),
        (
            Swatch::Line(p.rework, REWORK_WIDTH, true),
            tr("map-legend-rework"),
        ),
        (Swatch::Box(p.bad), tr("map-legend-score-low")),
        (Swatch::Box(p.warn), tr("map-legend-score-mid")),
        (Swatch::Box(p.good), tr("map-legend-score-high")),
        (Swatch::Dot(p.good), tr("map-legend-metric-on")),
        (Swatch::Dot(p.bad), tr("map-legend-metric-off")),
        (Swatch::Dot(p.none), tr("map-legend-metric-none")),
    ];
    if gaps {
        for b in [
            Badge::Watermelon,
            Badge::Split,
            Badge::Drop,
            Badge::Rework,
            Badge::NoOwner,
        ] {
            entries.push((Swatch::Pill(b.color(p), b.label()), b.meaning()));
        }
    }
    out.push(text(
        (0.0, y),
        tr("map-legend"),
        NOTE_SIZE,
        p.text,
        TextAnchor::Start,
        true,
        Detail::Always,
    ));
    x += LEGEND_INDENT;
    for (swatch, label) in entries {
        let sw = match swatch {
            Swatch::Pill(_, ref t) => text_width(t, BADGE_SIZE, true) + LEGEND_PILL_PAD,
            _ => LEGEND_SWATCH_W,
        };
        let w = sw + LEGEND_SWATCH_GAP + text_width(&label, size, false) + LEGEND_ITEM_GAP;
        if x + w > width && x > LEGEND_INDENT {
            x = LEGEND_INDENT;
            y += row_h;
        }
        match swatch {
            Swatch::Line(c, wd, dashed) => out.push(Item::Line {
                points: vec![(x, y), (x + LEGEND_SWATCH_W, y)],
                color: c,
                width: wd,
                dashed,
                arrow_end: false,
            }),
            Swatch::Box(c) => out.push(rect(
                Rect::new(x + 6.0, y - 6.0, 12.0, 12.0),
                Some(c),
                None,
                0.0,
                2.0,
            )),
            Swatch::Dot(c) => out.push(Item::Circle {
                center: (x + 12.0, y),
                radius: 4.0,
                fill: Some(c),
                stroke: None,
            }),
            Swatch::Pill(c, t) => {
                out.push(rect(
                    Rect::new(x, y - BADGE_H / 2.0, sw, BADGE_H),
                    Some(c),
                    None,
                    0.0,
                    BADGE_H / 2.0,
                ));
                out.push(text(
                    (x + sw / 2.0, y),
                    t,
                    BADGE_SIZE,
                    p.text_on(c),
                    TextAnchor::Middle,
                    true,
                    Detail::Always,
                ));
            }
        }
        out.push(text(
            (x + sw + LEGEND_SWATCH_GAP, y),
            label,
            size,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
        x += w;
    }
    Rect::new(0.0, y0, width, y - y0 + row_h / 2.0 + 4.0)
}

pub(super) enum Swatch {
    Line(Color, f32, bool),
    Box(Color),
    Dot(Color),
    Pill(Color, String),
}

/// The side list of numbered callouts (labels that found no free spot on their line):
/// below `above`, in columns, each number in its handoff's colour beside its figures.
pub(super) fn callout_list(
    out: &mut Vec<Item>,
    callouts: &[Callout],
    above: Rect,
    p: &Palette,
) -> Rect {
    let col_w = CALLOUT_COL_W;
    let row_h = CALLOUT_ROW_H;
    let size = CALLOUT_SIZE;
    let cols = ((above.w.max(col_w) / col_w).floor() as usize).max(1);
    let y0 = above.bottom() + CALLOUT_TOP;
    let mut extent = Rect::new(above.x, y0, 0.0, 0.0);
    for (i, c) in callouts.iter().enumerate() {
        let (row, col) = (i / cols, i % cols);
        let x = above.x + col as f32 * col_w;
        let y = y0 + row as f32 * row_h;
        let number = c.number.to_string();
        let w = (text_width(&number, size, true) + CALLOUT_NUMBER_PAD).max(labels::LABEL_H);
        let r = Rect::new(x, y, w, labels::LABEL_H);
        out.push(rect(r, Some(p.surface), Some(c.color), 1.0, CALLOUT_RADIUS));
        out.push(text(
            (x + w / 2.0, y + labels::LABEL_H / 2.0),
            number,
            size,
            c.color,
            TextAnchor::Middle,
            true,
            Detail::Always,
        ));
        out.push(fitted(
            (x + w + CALLOUT_TEXT_GAP, y + labels::LABEL_H / 2.0),
            &c.text,
            size,
            p.text,
            TextAnchor::Start,
            false,
            col_w - w - CALLOUT_TEXT_ROOM,
            Detail::Always,
        ));
        extent = extent.union(&Rect::new(x, y, col_w, row_h));
    }
    extent
}
