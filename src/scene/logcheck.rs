//! A drawn journey held against an event log, on the display list (issue 17): the
//! handoffs the log shows but the map does not draw (*hidden*) dashed in their own
//! colour between their touchpoints, the drawn handoffs the log never shows (*unseen*)
//! faded, and the log's activities that are on no touchpoint as dashed cards in a strip
//! under the map, with their hidden handoffs. The canvas and the exports draw the same
//! items (the app while View > Measure against a log… is open, `touchpoint export
//! --measure LOG`). A legend block explains the dashes and the fading.
//!
//! Also the small "measured" mark of figures that came from data (cards).
//!
//! Pure: the caller turns a measurement into a [`LogOverlay`] (scene names neither the
//! evidence layer nor the UI).

use super::*;
use crate::layout::LayoutConfig;
use std::collections::BTreeSet;

/// What the map shows of a measurement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogOverlay {
    /// The log's file name (for the legend).
    pub log: String,
    /// Directly-follows pairs the map does not draw, with their transitions. An end is
    /// a touchpoint id, or an activity name when `unmapped` holds it.
    pub hidden: Vec<(String, String, u64)>,
    /// Drawn handoffs never observed in the log.
    pub unseen: Vec<HandoffKey>,
    /// The log's activities on no touchpoint, with their cases.
    pub unmapped: Vec<(String, u64)>,
}

impl LogOverlay {
    /// Does the overlay change anything on the map?
    pub fn is_empty(&self) -> bool {
        self.hidden.is_empty() && self.unseen.is_empty() && self.unmapped.is_empty()
    }
}

/// How far an unseen handoff fades towards the background.
pub const UNSEEN_FADE: f32 = 0.75;
/// Line width of a hidden handoff.
pub const HIDDEN_WIDTH: f32 = 2.2;

/// The colour of what the log shows and the map lacks: a teal no handoff kind uses.
pub fn hidden_color(p: &Palette) -> Color {
    if p.background.luminance() < 0.5 {
        Color::rgb(0x4d, 0xd0, 0xbd)
    } else {
        Color::rgb(0x00, 0x89, 0x7b)
    }
}

/// The colour of the "measured" mark (figures from data): the same teal, the log's.
pub fn measured_color(p: &Palette) -> Color {
    hidden_color(p)
}

/// The "measured" mark: a small dot before a figure that came from data.
pub(super) fn measured_dot(items: &mut Vec<Item>, x: f32, y: f32, p: &Palette) {
    items.push(Item::Circle {
        center: (x, y),
        radius: 2.6,
        fill: Some(measured_color(p)),
        stroke: None,
    });
}

/// Does the journey hold any figure measured from data?
pub fn has_measured(journey: &Journey) -> bool {
    journey.touchpoints().any(|t| {
        t.volume_source.kind.is_measured()
            || t.handling_source.kind.is_measured()
            || t.satisfaction_source.kind.is_measured()
    }) || journey
        .handoffs()
        .iter()
        .any(|h| h.volume_source.kind.is_measured() || h.wait_source.kind.is_measured())
}

fn fade_item(item: &mut Item, bg: Color) {
    let f = |c: Color| c.mix(bg, UNSEEN_FADE);
    match item {
        Item::Rect { fill, stroke, .. } | Item::Circle { fill, stroke, .. } => {
            *fill = fill.map(f);
            *stroke = stroke.map(f);
        }
        Item::Line { color, .. } | Item::Text { color, .. } => *color = f(*color),
    }
}

/// A dashed line in the hidden colour with an arrow head.
fn dashed(points: Vec<(f32, f32)>, p: &Palette) -> Item {
    Item::Line {
        points,
        color: hidden_color(p),
        width: HIDDEN_WIDTH,
        dashed: true,
        arrow_end: true,
    }
}

/// The label of a hidden handoff at the middle of its longest segment.
fn count_label(out: &mut Vec<Item>, points: &[(f32, f32)], count: u64, p: &Palette) {
    let mut best: Option<((f32, f32), f32)> = None;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = (a.0 - b.0).abs() + (a.1 - b.1).abs();
        if best.is_none_or(|(_, l)| len > l) {
            best = Some((((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0), len));
        }
    }
    let Some((mid, _)) = best else {
        return;
    };
    let label = tr_args("evlog-map-hidden", &[("count", f::count(count).into())]);
    let w = text_width(&label, 9.0, true) + 8.0;
    out.push(rect(
        Rect::new(mid.0 - w / 2.0, mid.1 - 7.0, w, 14.0),
        Some(p.surface),
        Some(hidden_color(p)),
        1.0,
        7.0,
    ));
    out.push(text(
        mid,
        label,
        9.0,
        hidden_color(p),
        TextAnchor::Middle,
        true,
        Detail::Text,
    ));
}

/// Draw the overlay on `scene`: fade the unseen handoffs, draw the hidden ones and the
/// cards of unmapped activities. Returns the extent of what was added (the strip under
/// the map), `None` when nothing was added outside the map.
pub fn draw(scene: &mut Scene, layout: &Layout, overlay: &LogOverlay, p: &Palette) -> Option<Rect> {
    let config = layout.config.unwrap_or_default();
    let bg = scene.background_color;
    let unseen: BTreeSet<&HandoffKey> = overlay.unseen.iter().collect();
    for e in &mut scene.edges {
        if unseen.contains(&e.key) {
            e.items
                .iter_mut()
                .chain(e.labels.iter_mut())
                .for_each(|i| fade_item(i, bg));
        }
    }
    let on_map = |k: &str| layout.cards.contains_key(&TouchpointId::new(k));
    // Hidden handoffs between two touchpoints: routed in the channels like a handoff.
    let between: Vec<&(String, String, u64)> = overlay
        .hidden
        .iter()
        .filter(|(a, b, _)| on_map(a) && on_map(b) && a != b)
        .collect();
    let ids: Vec<(TouchpointId, TouchpointId)> = between
        .iter()
        .map(|(a, b, _)| (TouchpointId::new(a.as_str()), TouchpointId::new(b.as_str())))
        .collect();
    let ends: Vec<(&TouchpointId, &TouchpointId)> = ids.iter().map(|(a, b)| (a, b)).collect();
    let routes = crate::layout::route::route_all(layout, &config, &ends);
    let mut labels = Vec::new();
    for ((_, _, count), points) in between.iter().zip(routes) {
        if points.len() < 2 {
            continue;
        }
        count_label(&mut labels, &points, *count, p);
        scene.overlay.push(dashed(points, p));
    }
    let extent = ghosts(scene, layout, &config, overlay, p, &mut labels);
    scene.overlay.extend(labels);
    extent
}

/// The unmapped activities that take part in a hidden handoff with a touchpoint (or
/// have none at all) as dashed cards in a strip under the map, each under the mean x
/// of the touchpoints it meets, with its hidden handoffs.
fn ghosts(
    scene: &mut Scene,
    layout: &Layout,
    config: &LayoutConfig,
    overlay: &LogOverlay,
    p: &Palette,
    labels: &mut Vec<Item>,
) -> Option<Rect> {
    if overlay.unmapped.is_empty() {
        return None;
    }
    let card = |k: &str| layout.cards.get(&TouchpointId::new(k));
    let unmapped: BTreeMap<&str, u64> = overlay
        .unmapped
        .iter()
        .map(|(n, c)| (n.as_str(), *c))
        .collect();
    // The lines to draw: (touchpoint card, activity, into the activity?, count).
    let mut links: Vec<(Rect, &str, bool, u64)> = Vec::new();
    for (a, b, n) in &overlay.hidden {
        match (card(a), card(b)) {
            (Some(r), None) if unmapped.contains_key(b.as_str()) => {
                links.push((*r, b.as_str(), true, *n));
            }
            (None, Some(r)) if unmapped.contains_key(a.as_str()) => {
                links.push((*r, a.as_str(), false, *n));
            }
            _ => {}
        }
    }
    // Where each ghost card wants to be: under the touchpoints it meets.
    let mut want: BTreeMap<&str, (f32, usize)> = BTreeMap::new();
    for (r, act, _, _) in &links {
        let e = want.entry(*act).or_insert((0.0, 0));
        e.0 += r.center().0;
        e.1 += 1;
    }
    let grid_x = layout.grid.x;
    let mut order: Vec<(&str, f32)> = overlay
        .unmapped
        .iter()
        .map(|(n, _)| {
            let x = want
                .get(n.as_str())
                .map_or(f32::MAX, |(s, c)| s / *c as f32);
            (n.as_str(), x)
        })
        .collect();
    // Activities meeting no touchpoint go last, by their cases (as listed).
    order.sort_by(|a, b| a.1.total_cmp(&b.1));
    let top = layout.bounds.bottom() + 12.0;
    let track = 5.0;
    let strip_y = |i: usize| top + 8.0 + track * (i % 12) as f32;
    let card_y = top + 8.0 + track * 12.0 + 26.0;
    let w = config.card_w;
    let h = (config.card_h * 0.6).max(40.0);
    let mut rects: BTreeMap<&str, Rect> = BTreeMap::new();
    let mut next_x = grid_x;
    for (name, x) in &order {
        let x = if x.is_finite() && *x < f32::MAX {
            (x - w / 2.0).max(next_x)
        } else {
            next_x
        };
        rects.insert(*name, Rect::new(x, card_y, w, h));
        next_x = x + w + config.gap;
    }
    // The strip's heading.
    let mut items = vec![text(
        (grid_x, top + 1.0),
        tr("evlog-map-not-on-map"),
        10.0,
        p.muted,
        TextAnchor::Start,
        true,
        Detail::Always,
    )];
    let mut used_right: BTreeMap<(i32, bool), usize> = BTreeMap::new();
    for (i, (r, act, into, count)) in links.iter().enumerate() {
        let Some(g) = rects.get(act) else {
            continue;
        };
        // The vertical channel beside the touchpoint's card (right when the line
        // leaves it, left when it arrives), a track of its own per line.
        let key = ((r.x / 4.0) as i32, *into);
        let k = used_right.entry(key).or_insert(0);
        let off = 3.0 + 3.0 * (*k % 4) as f32;
        *k += 1;
        let (side_x, cx) = if *into {
            (r.right(), r.right() + off)
        } else {
            (r.x, r.x - off)
        };
        let cy = r.center().1 + if *into { 6.0 } else { -6.0 };
        let sy = strip_y(i);
        let gx = g.x + g.w * if *into { 0.35 } else { 0.65 };
        let points = if *into {
            vec![(side_x, cy), (cx, cy), (cx, sy), (gx, sy), (gx, g.y)]
        } else {
            vec![(gx, g.y), (gx, sy), (cx, sy), (cx, cy), (side_x, cy)]
        };
        count_label(labels, &points[2..4], *count, p);
        items.push(dashed(points, p));
    }
    let mut extent = Rect::new(grid_x, top - 8.0, 1.0, card_y - top + 8.0);
    for (name, r) in &rects {
        items.push(rect(*r, Some(p.surface), Some(hidden_color(p)), 1.5, 6.0));
        // A dashed outline over the solid one's corners: the card is not on the map.
        items.push(Item::Line {
            points: vec![
                (r.x, r.y),
                (r.right(), r.y),
                (r.right(), r.bottom()),
                (r.x, r.bottom()),
                (r.x, r.y),
            ],
            color: p.surface,
            width: 1.6,
            dashed: true,
            arrow_end: false,
        });
        items.push(fitted(
            (r.x + 10.0, r.y + 16.0),
            &clean_text(name),
            11.0,
            p.text,
            TextAnchor::Start,
            true,
            r.w - 20.0,
            Detail::Text,
        ));
        let cases = unmapped.get(name).copied().unwrap_or(0);
        items.push(fitted(
            (r.x + 10.0, r.y + 32.0),
            &tr_args(
                "evlog-map-unmapped-cases",
                &[("count", f::count(cases).into())],
            ),
            9.5,
            hidden_color(p),
            TextAnchor::Start,
            false,
            r.w - 20.0,
            Detail::Text,
        ));
        extent = extent.union(r);
    }
    scene.overlay.extend(items);
    Some(extent)
}

/// The legend block of the overlay, from `y0`: what the dashes, the fading and the
/// dashed cards mean, with the log's name. Returns its extent.
pub fn legend(out: &mut Vec<Item>, x0: f32, y0: f32, overlay: &LogOverlay, p: &Palette) -> Rect {
    let size = 10.0;
    let mut y = y0 + 8.0;
    let title = tr_args(
        "evlog-map-legend",
        &[("log", clean_text(&overlay.log).into())],
    );
    let mut width = text_width(&title, 11.0, true) + 40.0;
    out.push(text(
        (x0, y),
        title,
        11.0,
        p.text,
        TextAnchor::Start,
        true,
        Detail::Always,
    ));
    let entries = [
        (
            Some(hidden_color(p)),
            true,
            tr_args(
                "evlog-legend-hidden",
                &[("count", overlay.hidden.len().into())],
            ),
        ),
        (
            Some(p.edge.mix(p.background, UNSEEN_FADE)),
            false,
            tr_args(
                "evlog-legend-unseen",
                &[("count", overlay.unseen.len().into())],
            ),
        ),
        (
            None,
            true,
            tr_args(
                "evlog-legend-unmapped",
                &[("count", overlay.unmapped.len().into())],
            ),
        ),
    ];
    for (color, dashed, label) in entries {
        y += 18.0;
        match color {
            Some(c) => out.push(Item::Line {
                points: vec![(x0 + 60.0, y), (x0 + 84.0, y)],
                color: c,
                width: HIDDEN_WIDTH,
                dashed,
                arrow_end: false,
            }),
            None => out.push(rect(
                Rect::new(x0 + 62.0, y - 6.0, 20.0, 12.0),
                Some(p.surface),
                Some(hidden_color(p)),
                1.5,
                3.0,
            )),
        }
        width = width.max(90.0 + text_width(&label, size, false));
        out.push(text(
            (x0 + 90.0, y),
            label,
            size,
            p.text,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
    }
    Rect::new(x0, y0, width, y - y0 + 12.0)
}

/// The legend line of the "measured" mark (when the journey holds measured figures).
pub fn measured_legend(out: &mut Vec<Item>, x0: f32, y0: f32, p: &Palette) -> Rect {
    let y = y0 + 8.0;
    measured_dot(out, x0 + 72.0, y, p);
    let label = tr("evlog-legend-measured");
    let w = text_width(&label, 10.0, false);
    out.push(text(
        (x0 + 90.0, y),
        label,
        10.0,
        p.text,
        TextAnchor::Start,
        false,
        Detail::Always,
    ));
    Rect::new(x0, y0, 90.0 + w, 16.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutConfig, layout};

    fn lines(items: &[Item], c: Color) -> usize {
        items
            .iter()
            .filter(|i| matches!(i, Item::Line { color, dashed: true, arrow_end: true, .. } if *color == c))
            .count()
    }

    #[test]
    fn hidden_handoffs_are_dashed_unseen_faded_and_unmapped_activities_get_cards() {
        let j = crate::samples::move_address().expect("sample");
        let l = layout(&j, &LayoutConfig::default());
        let plain = build_scene(&j, &l, None, &SceneOptions::default());
        let hs = j.handoffs();
        let h = &hs[0];
        let tps: Vec<String> = j.touchpoints().map(|t| t.id.0.clone()).collect();
        // A pair the map does not draw.
        let (a, b) = tps
            .iter()
            .flat_map(|a| tps.iter().map(move |b| (a, b)))
            .find(|(a, b)| {
                a != b
                    && j.handoff(&HandoffKey {
                        from: TouchpointId::new(a.as_str()),
                        to: TouchpointId::new(b.as_str()),
                    })
                    .is_none()
            })
            .expect("a pair not drawn");
        let overlay = LogOverlay {
            log: "move.csv".into(),
            hidden: vec![
                (a.clone(), b.clone(), 40),
                (h.from.0.clone(), "Courtesy call".into(), 12),
            ],
            unseen: vec![h.key()],
            unmapped: vec![("Courtesy call".into(), 12)],
        };
        let scene = build_scene(
            &j,
            &l,
            None,
            &SceneOptions {
                log_check: Some(std::sync::Arc::new(overlay.clone())),
                ..SceneOptions::default()
            },
        );
        let p = Theme::Light.palette();
        assert_eq!(lines(&plain.overlay, hidden_color(&p)), 0);
        assert_eq!(
            lines(&scene.overlay, hidden_color(&p)),
            2,
            "two hidden lines"
        );
        let texts: Vec<&str> = scene
            .overlay
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"Courtesy call"), "{texts:?}");
        assert!(texts.contains(&"hidden: 40"), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Measured against move.csv")),
            "{texts:?}"
        );
        // The unseen handoff is faded, the others are as before.
        let before = plain.edge(&h.key()).expect("edge");
        let after = scene.edge(&h.key()).expect("edge");
        assert_ne!(before.items, after.items);
        let other = &hs[1];
        assert_eq!(plain.edge(&other.key()), scene.edge(&other.key()));
        // The strip under the map is inside the scene's bounds.
        assert!(scene.bounds.bottom() > plain.bounds.bottom());
    }
}
