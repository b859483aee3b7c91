//! The importance x performance chart of a key-driver analysis as a display list, so
//! the app's Drivers view and the exports (SVG, PNG, PDF, the reports) draw the same
//! thing. Each touchpoint is a labelled point, placed by its mean score (x, 0-10) and
//! its importance (y, share of the explained variance); the axes cross at the average
//! importance (1 / touchpoints) and the average mean, as in `touchpoint drivers`, and
//! the four quadrants are shaded, the "act here" one (high importance, low score)
//! named in words.
//!
//! Every point is a [`CardGroup`] whose `id` is the touchpoint and whose `rect` is the
//! point's hit box: the SVG writer tags it with `data-id`, and the app hit-tests it.

use super::*;
use crate::model::KeyDrivers;

/// Width and height of the chart, in points.
pub const CHART_W: f32 = 760.0;
pub const CHART_H: f32 = 540.0;
const LEFT: f32 = 78.0;
const RIGHT: f32 = 24.0;
const TOP: f32 = 58.0;
const BOTTOM: f32 = 62.0;
const POINT_R: f32 = 6.0;
const LABEL_SIZE: f32 = 11.0;
const LABEL_W: f32 = 170.0;

/// One touchpoint on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub touchpoint: TouchpointId,
    /// The name printed beside the point.
    pub name: String,
    /// Share of the explained variance, 0-1.
    pub importance: f64,
    /// Mean score, 0-10.
    pub mean: f64,
    /// The bootstrap interval of the importance, when known.
    pub interval: Option<(f64, f64)>,
}

/// The quadrant of a point: the same rule as the analysis (importance at least the
/// average, mean below the average = act).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartQuadrant {
    Act,
    Maintain,
    Monitor,
    Secondary,
}

impl ChartQuadrant {
    pub fn of(importance: f64, mean: f64, avg_importance: f64, avg_mean: f64) -> Self {
        match (importance >= avg_importance, mean < avg_mean) {
            (true, true) => ChartQuadrant::Act,
            (true, false) => ChartQuadrant::Maintain,
            (false, true) => ChartQuadrant::Monitor,
            (false, false) => ChartQuadrant::Secondary,
        }
    }
}

/// The points of the results saved with a journey (names from the journey; a
/// touchpoint the journey no longer has is left out).
pub fn points_from(journey: &Journey, kd: &KeyDrivers) -> Vec<ChartPoint> {
    kd.touchpoints
        .iter()
        .filter_map(|d| {
            let t = journey.touchpoint(&d.touchpoint)?;
            Some(ChartPoint {
                touchpoint: d.touchpoint.clone(),
                name: clean_text(&t.name),
                importance: d.importance,
                mean: d.mean,
                interval: None,
            })
        })
        .collect()
}

/// Where the chart's axes run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartAxes {
    /// The plot area.
    pub plot: Rect,
    pub x_min: f64,
    pub x_max: f64,
    pub y_max: f64,
    pub avg_importance: f64,
    pub avg_mean: f64,
}

impl ChartAxes {
    /// The axes that hold `points` (finite values only; bad numbers are clamped).
    pub fn of(points: &[ChartPoint]) -> ChartAxes {
        let plot = Rect::new(LEFT, TOP, CHART_W - LEFT - RIGHT, CHART_H - TOP - BOTTOM);
        let means: Vec<f64> = points.iter().map(|p| clamp(p.mean, 0.0, 10.0)).collect();
        let n = points.len().max(1) as f64;
        let avg_mean = if means.is_empty() {
            5.0
        } else {
            means.iter().sum::<f64>() / n
        };
        let lo = means.iter().copied().fold(avg_mean, f64::min);
        let hi = means.iter().copied().fold(avg_mean, f64::max);
        let mut x_min = (lo - 0.5).floor().max(0.0);
        let mut x_max = (hi + 0.5).ceil().min(10.0);
        if x_max - x_min < 2.0 {
            x_min = (x_min - 1.0).max(0.0);
            x_max = (x_min + 2.0).min(10.0);
            x_min = x_min.min(x_max - 2.0).max(0.0);
        }
        let avg_importance = if points.is_empty() { 0.0 } else { 1.0 / n };
        let top = points
            .iter()
            .map(|p| {
                let hi = p.interval.map_or(0.0, |(_, h)| clamp(h, 0.0, 1.0));
                clamp(p.importance, 0.0, 1.0).max(hi)
            })
            .fold(avg_importance, f64::max);
        let y_max = nice_ceiling(top * 1.08).clamp(0.05, 1.0);
        ChartAxes {
            plot,
            x_min,
            x_max,
            y_max,
            avg_importance,
            avg_mean,
        }
    }

    /// The chart position of a (mean, importance) pair.
    pub fn at(&self, mean: f64, importance: f64) -> (f32, f32) {
        let fx = (clamp(mean, self.x_min, self.x_max) - self.x_min) / (self.x_max - self.x_min);
        let fy = clamp(importance, 0.0, self.y_max) / self.y_max;
        (
            self.plot.x + (fx as f32) * self.plot.w,
            self.plot.bottom() - (fy as f32) * self.plot.h,
        )
    }
}

fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v.is_finite() { v.clamp(lo, hi) } else { lo }
}

/// The smallest of 0.05, 0.1, 0.2, 0.25, 0.3 ... 1.0 at least `v`.
fn nice_ceiling(v: f64) -> f64 {
    const STEPS: [f64; 12] = [
        0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0,
    ];
    STEPS
        .iter()
        .copied()
        .find(|s| *s >= v - 1e-12)
        .unwrap_or(1.0)
}

fn text(
    pos: (f32, f32),
    t: String,
    size: f32,
    color: Color,
    anchor: TextAnchor,
    bold: bool,
) -> Item {
    Item::Text {
        pos,
        text: t,
        size,
        color,
        anchor,
        bold,
        max_width: None,
        detail: Detail::Always,
    }
}

fn rect(r: Rect, fill: Option<Color>, stroke: Option<Color>, w: f32) -> Item {
    Item::Rect {
        rect: r,
        fill,
        stroke,
        stroke_width: w,
        radius: 0.0,
    }
}

/// The colour of a quadrant's points.
pub fn quadrant_color(q: ChartQuadrant, pal: &Palette) -> Color {
    match q {
        ChartQuadrant::Act => pal.bad,
        ChartQuadrant::Maintain => pal.good,
        ChartQuadrant::Monitor => pal.warn,
        ChartQuadrant::Secondary => pal.muted,
    }
}

/// Build the chart. `title` heads it (the journey's title); `points` in any order.
pub fn build_chart(title: &str, points: &[ChartPoint], theme: Theme) -> Scene {
    let pal = theme.palette();
    let axes = ChartAxes::of(points);
    let mut bg = Vec::new();
    bg.push(rect(
        Rect::new(0.0, 0.0, CHART_W, CHART_H),
        Some(pal.background),
        None,
        0.0,
    ));
    let heading = if title.trim().is_empty() {
        tr("kd-chart-title-plain")
    } else {
        tr_args("kd-chart-title", &[("title", clean_text(title).into())])
    };
    bg.push(text(
        (CHART_W / 2.0, 22.0),
        fit_text(&heading, 15.0, true, CHART_W - 40.0),
        15.0,
        pal.text,
        TextAnchor::Middle,
        true,
    ));
    // Quadrants, shaded: act (top left), maintain (top right), monitor (bottom left),
    // secondary (bottom right).
    let (cross, quads) = quadrants(&axes, &pal, points.is_empty());
    for (r, fill, _, _, _) in &quads {
        if r.w > 0.0 && r.h > 0.0 {
            bg.push(rect(*r, Some(*fill), None, 0.0));
        }
    }
    // Grid lines and ticks.
    grid(&mut bg, &axes, &pal);
    bg.push(rect(axes.plot, None, Some(pal.card_stroke), 1.0));
    annotations(&mut bg, &axes, &pal, cross, &quads, points.is_empty());
    // Points, most important last (on top), labels placed where they cover no other.
    let mut order: Vec<&ChartPoint> = points.iter().collect();
    order.sort_by(|a, b| {
        clamp(a.importance, 0.0, 1.0)
            .total_cmp(&clamp(b.importance, 0.0, 1.0))
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    let mut taken: Vec<Rect> = order
        .iter()
        .map(|p| {
            let (x, y) = axes.at(p.mean, p.importance);
            Rect::new(x - POINT_R, y - POINT_R, 2.0 * POINT_R, 2.0 * POINT_R)
        })
        .collect();
    let mut cards = Vec::with_capacity(points.len());
    for p in order.iter().rev() {
        cards.push(point_card(p, &axes, &pal, &mut taken));
    }
    cards.sort_by(|a, b| a.id.cmp(&b.id));
    cards.dedup_by(|a, b| a.id == b.id);
    Scene {
        title: heading,
        bounds: Rect::new(0.0, 0.0, CHART_W, CHART_H),
        background_color: pal.background,
        background: bg,
        edges: Vec::new(),
        cards,
        overlay: Vec::new(),
    }
}

/// A shaded quadrant: its area, fill, the message id of its name, the name's colour and
/// where the name goes (x, y, anchor).
type Quadrant = (Rect, Color, &'static str, Color, (f32, f32, TextAnchor));

/// Where the axes cross (the averages; the plot's middle without points) and the four
/// quadrants: act, maintain, monitor, secondary.
fn quadrants(axes: &ChartAxes, pal: &Palette, empty: bool) -> ((f32, f32), [Quadrant; 4]) {
    let plot = axes.plot;
    let (cx, cy) = axes.at(axes.avg_mean, axes.avg_importance);
    let (cx, cy) = if empty {
        (plot.x + plot.w / 2.0, plot.y + plot.h / 2.0)
    } else {
        (cx, cy)
    };
    let tint = |c: Color, t: f32| pal.background.mix(c, t);
    let quads = [
        (
            Rect::new(plot.x, plot.y, cx - plot.x, cy - plot.y),
            tint(pal.bad, 0.16),
            "kd-chart-act",
            pal.bad,
            (plot.x + 8.0, plot.y + 12.0, TextAnchor::Start),
        ),
        (
            Rect::new(cx, plot.y, plot.right() - cx, cy - plot.y),
            tint(pal.good, 0.10),
            "kd-chart-maintain",
            pal.good,
            (plot.right() - 8.0, plot.y + 12.0, TextAnchor::End),
        ),
        (
            Rect::new(plot.x, cy, cx - plot.x, plot.bottom() - cy),
            tint(pal.warn, 0.10),
            "kd-chart-monitor",
            pal.muted,
            (plot.x + 8.0, plot.bottom() - 12.0, TextAnchor::Start),
        ),
        (
            Rect::new(cx, cy, plot.right() - cx, plot.bottom() - cy),
            tint(pal.grid, 0.25),
            "kd-chart-secondary",
            pal.muted,
            (plot.right() - 8.0, plot.bottom() - 12.0, TextAnchor::End),
        ),
    ];
    ((cx, cy), quads)
}

/// Grid lines with their ticks: one per score point across, one per 5 or 10 % up.
fn grid(bg: &mut Vec<Item>, axes: &ChartAxes, pal: &Palette) {
    let plot = axes.plot;
    let x_steps = (axes.x_max - axes.x_min).round().max(1.0) as usize;
    for k in 0..=x_steps {
        let v = axes.x_min + k as f64;
        let (x, _) = axes.at(v, 0.0);
        bg.push(Item::Line {
            points: vec![(x, plot.y), (x, plot.bottom())],
            color: pal.grid.with_alpha(140),
            width: 0.6,
            dashed: false,
            arrow_end: false,
        });
        bg.push(text(
            (x, plot.bottom() + 12.0),
            crate::i18n::format::score(v),
            10.0,
            pal.muted,
            TextAnchor::Middle,
            false,
        ));
    }
    let y_step = if axes.y_max <= 0.2 { 0.05 } else { 0.1 };
    let y_steps = (axes.y_max / y_step).round() as usize;
    for k in 0..=y_steps {
        let v = k as f64 * y_step;
        let (_, y) = axes.at(axes.x_min, v);
        bg.push(Item::Line {
            points: vec![(plot.x, y), (plot.right(), y)],
            color: pal.grid.with_alpha(140),
            width: 0.6,
            dashed: false,
            arrow_end: false,
        });
        bg.push(text(
            (plot.x - 6.0, y),
            crate::i18n::format::share(v),
            10.0,
            pal.muted,
            TextAnchor::End,
            false,
        ));
    }
}

/// The averages' crossing (dashed, when there are points), the quadrants' names, the
/// axis titles and, without points, a note saying so.
fn annotations(
    bg: &mut Vec<Item>,
    axes: &ChartAxes,
    pal: &Palette,
    (cx, cy): (f32, f32),
    quads: &[Quadrant],
    empty: bool,
) {
    let plot = axes.plot;
    if !empty {
        // The axes' crossing: the averages.
        for pts in [
            vec![(cx, plot.y), (cx, plot.bottom())],
            vec![(plot.x, cy), (plot.right(), cy)],
        ] {
            bg.push(Item::Line {
                points: pts,
                color: pal.muted,
                width: 1.2,
                dashed: true,
                arrow_end: false,
            });
        }
    }
    for (r, _, id, color, (x, y, anchor)) in quads {
        if r.w > 40.0 && r.h > 20.0 {
            let act = *id == "kd-chart-act";
            bg.push(text(
                (*x, *y),
                fit_text(&tr(id), 11.0, act, r.w.max(plot.w / 2.0) - 12.0),
                11.0,
                *color,
                *anchor,
                act,
            ));
        }
    }
    bg.push(text(
        (plot.x + plot.w / 2.0, CHART_H - 18.0),
        tr("kd-chart-x-axis"),
        11.0,
        pal.text,
        TextAnchor::Middle,
        false,
    ));
    bg.push(text(
        (12.0, plot.y - 16.0),
        tr("kd-chart-y-axis"),
        11.0,
        pal.text,
        TextAnchor::Start,
        false,
    ));
    if empty {
        bg.push(text(
            (plot.x + plot.w / 2.0, plot.y + plot.h / 2.0),
            tr("kd-chart-empty"),
            13.0,
            pal.muted,
            TextAnchor::Middle,
            false,
        ));
    }
}

/// A point as a card: its interval bar (when known), its dot and its label, placed at
/// the first spot beside it that covers nothing in `taken` (which then holds it too).
fn point_card(p: &ChartPoint, axes: &ChartAxes, pal: &Palette, taken: &mut Vec<Rect>) -> CardGroup {
    let (x, y) = axes.at(p.mean, p.importance);
    let q = ChartQuadrant::of(p.importance, p.mean, axes.avg_importance, axes.avg_mean);
    let color = quadrant_color(q, pal);
    let mut items = Vec::new();
    if let Some((lo, hi)) = p.interval {
        let (_, y0) = axes.at(p.mean, lo);
        let (_, y1) = axes.at(p.mean, hi);
        items.push(Item::Line {
            points: vec![(x, y0), (x, y1)],
            color: color.with_alpha(170),
            width: 1.6,
            dashed: false,
            arrow_end: false,
        });
        for yy in [y0, y1] {
            items.push(Item::Line {
                points: vec![(x - 4.0, yy), (x + 4.0, yy)],
                color: color.with_alpha(170),
                width: 1.6,
                dashed: false,
                arrow_end: false,
            });
        }
    }
    items.push(Item::Circle {
        center: (x, y),
        radius: POINT_R,
        fill: Some(color),
        stroke: Some(pal.surface),
    });
    let name = fit_text(&clean_text(&p.name), LABEL_SIZE, false, LABEL_W);
    let (lx, ly, anchor) = place_label((x, y), text_width(&name, LABEL_SIZE, false), taken);
    items.push(Item::Text {
        pos: (lx, ly),
        text: name,
        size: LABEL_SIZE,
        color: pal.text,
        anchor,
        bold: q == ChartQuadrant::Act,
        max_width: Some(LABEL_W),
        detail: Detail::Always,
    });
    let hit = POINT_R + 4.0;
    CardGroup {
        id: p.touchpoint.clone(),
        rect: Rect::new(x - hit, y - hit, 2.0 * hit, 2.0 * hit),
        items,
    }
}

/// Where the label (`w` wide) of the point at (x, y) goes: right, left, above, below,
/// upper right, lower right, the first inside the chart that covers nothing in `taken`
/// (else the first inside the chart, else right); the spot is added to `taken`.
fn place_label((x, y): (f32, f32), w: f32, taken: &mut Vec<Rect>) -> (f32, f32, TextAnchor) {
    let h = LABEL_SIZE + 3.0;
    let candidates = [
        (x + POINT_R + 4.0, y, TextAnchor::Start, x + POINT_R + 4.0),
        (x - POINT_R - 4.0, y, TextAnchor::End, x - POINT_R - 4.0 - w),
        (x, y - POINT_R - 9.0, TextAnchor::Middle, x - w / 2.0),
        (x, y + POINT_R + 9.0, TextAnchor::Middle, x - w / 2.0),
        (
            x + POINT_R + 4.0,
            y - 13.0,
            TextAnchor::Start,
            x + POINT_R + 4.0,
        ),
        (
            x + POINT_R + 4.0,
            y + 13.0,
            TextAnchor::Start,
            x + POINT_R + 4.0,
        ),
    ];
    let fits = |left: f32| left >= 2.0 && left + w <= CHART_W - 2.0;
    let chosen = candidates
        .iter()
        .find(|(_, ly, _, left)| {
            let r = Rect::new(*left, ly - h / 2.0, w, h);
            fits(*left) && !taken.iter().any(|t| t.intersects(&r))
        })
        .or_else(|| candidates.iter().find(|(_, _, _, left)| fits(*left)))
        .unwrap_or(&candidates[0]);
    let (lx, ly, anchor, left) = *chosen;
    taken.push(Rect::new(left, ly - h / 2.0, w, h));
    (lx, ly, anchor)
}

/// The chart of the results saved with a journey (`None` without results).
pub fn saved_chart(journey: &Journey, theme: Theme) -> Option<Scene> {
    let kd = journey.meta().drivers.as_ref()?;
    Some(build_chart(
        journey.title(),
        &points_from(journey, kd),
        theme,
    ))
}

/// `item` scaled by `s` and moved by (`dx`, `dy`): the chart placed on a page.
pub fn placed(item: &Item, s: f32, dx: f32, dy: f32) -> Item {
    let pt = |(x, y): (f32, f32)| (dx + x * s, dy + y * s);
    match item {
        Item::Rect {
            rect,
            fill,
            stroke,
            stroke_width,
            radius,
        } => Item::Rect {
            rect: Rect::new(dx + rect.x * s, dy + rect.y * s, rect.w * s, rect.h * s),
            fill: *fill,
            stroke: *stroke,
            stroke_width: stroke_width * s,
            radius: radius * s,
        },
        Item::Line {
            points,
            color,
            width,
            dashed,
            arrow_end,
        } => Item::Line {
            points: points.iter().copied().map(pt).collect(),
            color: *color,
            width: width * s,
            dashed: *dashed,
            arrow_end: *arrow_end,
        },
        Item::Circle {
            center,
            radius,
            fill,
            stroke,
        } => Item::Circle {
            center: pt(*center),
            radius: radius * s,
            fill: *fill,
            stroke: *stroke,
        },
        Item::Text {
            pos,
            text,
            size,
            color,
            anchor,
            bold,
            max_width,
            detail,
        } => Item::Text {
            pos: pt(*pos),
            text: text.clone(),
            size: size * s,
            color: *color,
            anchor: *anchor,
            bold: *bold,
            max_width: max_width.map(|w| w * s),
            detail: *detail,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: &str, importance: f64, mean: f64) -> ChartPoint {
        ChartPoint {
            touchpoint: TouchpointId::new(id),
            name: format!("Name of {id}"),
            importance,
            mean,
            interval: Some((importance * 0.8, importance * 1.2)),
        }
    }

    #[test]
    fn the_act_point_sits_top_left_of_the_averages() {
        let pts = vec![p("a", 0.6, 3.0), p("b", 0.3, 8.0), p("c", 0.1, 6.0)];
        let s = build_chart("Move", &pts, Theme::Light);
        assert_eq!(s.cards.len(), 3);
        let axes = ChartAxes::of(&pts);
        let (cx, cy) = axes.at(axes.avg_mean, axes.avg_importance);
        let a = s.card(&TouchpointId::new("a")).expect("a");
        assert!(a.rect.center().0 < cx && a.rect.center().1 < cy);
        let texts: Vec<&str> = s
            .items()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.iter().any(|t| t.contains("Act here")), "{texts:?}");
        assert!(texts.contains(&"Name of a"));
    }

    #[test]
    fn bad_numbers_and_no_points_still_draw() {
        let pts = vec![p("a", f64::NAN, f64::INFINITY), p("a", -1.0, 11.0)];
        let s = build_chart("", &pts, Theme::Dark);
        assert_eq!(s.cards.len(), 1);
        for it in s.items() {
            if let Item::Circle { center, .. } = it {
                assert!(center.0.is_finite() && center.1.is_finite());
            }
        }
        let empty = build_chart("x", &[], Theme::Light);
        assert!(empty.cards.is_empty());
    }
}
