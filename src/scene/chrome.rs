//! Everything around the cards: lane and column backgrounds, the emotion curve, the
//! title block (title, headline figures, date) and the legend.

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
            (col.x + col.w / 2.0, top + c.header_h / 2.0 - 6.0),
            &clean_text(&col.name),
            13.0,
            p.text,
            TextAnchor::Middle,
            true,
            (col.w - 12.0).max(0.0),
            Detail::Always,
        ));
        out.push(fitted(
            (col.x + col.w / 2.0, top + c.header_h / 2.0 + 10.0),
            &touchpoints(count),
            10.0,
            p.muted,
            TextAnchor::Middle,
            false,
            (col.w - 12.0).max(0.0),
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
    let tint = p.background.mix(color, 0.07);
    out.push(rect(
        Rect::new(grid.x, lane.y, grid.w, lane.h),
        Some(tint),
        None,
        0.0,
        0.0,
    ));
    out.push(rect(
        Rect::new(0.0, lane.y, c.label_w, lane.h),
        Some(p.background.mix(color, 0.16)),
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
    let max_w = (c.label_w - 22.0).max(0.0);
    let name = match &lane.key {
        LaneKey::Unowned => tr("map-lane-unowned"),
        LaneKey::Layer(l) => f::word(&format!("map-layer-{}", l.key())),
        LaneKey::Department(_) => clean_text(&lane.name),
    };
    let lines = wrap_text(&name, 12.0, true, max_w, 2);
    let mut y = lane.y + 18.0;
    for l in &lines {
        out.push(Item::Text {
            pos: (14.0, y),
            text: l.clone(),
            size: 12.0,
            color: p.text,
            anchor: TextAnchor::Start,
            bold: true,
            max_width: Some(max_w),
            detail: Detail::Always,
        });
        y += 15.0;
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
        (14.0, y),
        &sub,
        10.0,
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
            width: 1.5,
            dashed: true,
            arrow_end: false,
        });
        out.push(text(
            (grid.x + 6.0, y - 8.0),
            tr("map-line-of-visibility"),
            10.0,
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
    if band.h < 30.0 || band.w <= 0.0 {
        return;
    }
    let pad = 12.0;
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
            (band.x - 6.0, y),
            fmt_num(s),
            9.0,
            p.muted,
            TextAnchor::End,
            false,
            Detail::Always,
        ));
    }
    out.push(text(
        (14.0, band.y + band.h / 2.0 - 7.0),
        tr("map-satisfaction"),
        12.0,
        p.text,
        TextAnchor::Start,
        true,
        Detail::Always,
    ));
    out.push(text(
        (14.0, band.y + band.h / 2.0 + 9.0),
        tr("map-satisfaction-scale"),
        10.0,
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
    let mut marks: Vec<CurveMark> = Vec::new();
    for (rank, id) in layout.order.iter().enumerate() {
        let (Some(t), Some(r)) = (journey.touchpoint(id), layout.cards.get(id)) else {
            continue;
        };
        let Some(mean) = t.mean_score().filter(|m| m.is_finite()) else {
            continue;
        };
        let col = layout.cell_of.get(id).map_or(usize::MAX, |c| c.0);
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
            radius: 3.5,
            fill: Some(p.score(mean)),
            stroke: Some(p.surface),
        });
    }
    if points.len() >= 2 {
        out.push(line(points, p.curve, 2.0));
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
    let width = width.max(400.0);
    let meta = journey.meta();
    let title = clean_text(&meta.title);
    let title = if title.is_empty() {
        tr("map-untitled")
    } else {
        title
    };
    out.push(fitted(
        (0.0, y0 + 14.0),
        &title,
        20.0,
        p.text,
        TextAnchor::Start,
        true,
        width * 0.7,
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
            (0.0, y0 + 36.0),
            &sub.join("  |  "),
            11.0,
            p.muted,
            TextAnchor::Start,
            false,
            width * 0.75,
            Detail::Always,
        ));
    }
    if let Some(d) = date {
        out.push(fitted(
            (width, y0 + 14.0),
            &f::date_text(&clean_text(d)),
            11.0,
            p.muted,
            TextAnchor::End,
            false,
            width * 0.25,
            Detail::Always,
        ));
    }
    // Headline figures: big value over a small label.
    let mut x = 0.0;
    for (label, value) in headline {
        let value = clean_text(value);
        let label = clean_text(label);
        let w = text_width(&value, 16.0, true).max(text_width(&label, 10.0, false));
        if x + w > width {
            break;
        }
        out.push(text(
            (x, y0 + 60.0),
            value,
            16.0,
            p.text,
            TextAnchor::Start,
            true,
            Detail::Always,
        ));
        out.push(text(
            (x, y0 + 78.0),
            label,
            10.0,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
        x += w + 24.0;
    }
    Rect::new(0.0, y0, width, TITLE_H)
}

pub(super) fn legend(out: &mut Vec<Item>, y0: f32, width: f32, gaps: bool, p: &Palette) -> Rect {
    let mut x = 0.0;
    let mut y = y0 + 8.0;
    let row_h = 20.0;
    let size = 10.0;
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
        11.0,
        p.text,
        TextAnchor::Start,
        true,
        Detail::Always,
    ));
    x += 60.0;
    for (swatch, label) in entries {
        let sw = match swatch {
            Swatch::Pill(_, ref t) => text_width(t, BADGE_SIZE, true) + 8.0,
            _ => 24.0,
        };
        let w = sw + 6.0 + text_width(&label, size, false) + 18.0;
        if x + w > width && x > 60.0 {
            x = 60.0;
            y += row_h;
        }
        match swatch {
            Swatch::Line(c, wd, dashed) => out.push(Item::Line {
                points: vec![(x, y), (x + 24.0, y)],
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
            (x + sw + 6.0, y),
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
    let col_w = 260.0;
    let row_h = 20.0;
    let size = 9.5;
    let cols = ((above.w.max(col_w) / col_w).floor() as usize).max(1);
    let y0 = above.bottom() + 12.0;
    let mut extent = Rect::new(above.x, y0, 0.0, 0.0);
    for (i, c) in callouts.iter().enumerate() {
        let (row, col) = (i / cols, i % cols);
        let x = above.x + col as f32 * col_w;
        let y = y0 + row as f32 * row_h;
        let number = c.number.to_string();
        let w = (text_width(&number, size, true) + 8.0).max(labels::LABEL_H);
        let r = Rect::new(x, y, w, labels::LABEL_H);
        out.push(rect(r, Some(p.surface), Some(c.color), 1.0, 4.0));
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
            (x + w + 6.0, y + labels::LABEL_H / 2.0),
            &c.text,
            size,
            p.text,
            TextAnchor::Start,
            false,
            col_w - w - 14.0,
            Detail::Always,
        ));
        extent = extent.union(&Rect::new(x, y, col_w, row_h));
    }
    extent
}
