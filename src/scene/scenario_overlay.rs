//! A what-if scenario drawn over the map as a to-be overlay: the cards whose score or
//! handling time the scenario changes are outlined with the change beside them, a
//! handoff whose wait is cut is drawn again in the "better" colour with the cut, and a
//! struck handoff is crossed out (its line dashed in red, an X at its middle). Built
//! from the map's own display list, so the canvas and an export mark the same places.

use super::*;
use crate::model::ScenarioChange;

/// The polyline of a handoff's drawing (its first line).
fn route(scene: &Scene, key: &HandoffKey) -> Option<Vec<(f32, f32)>> {
    scene.edge(key)?.items.iter().find_map(|i| match i {
        Item::Line { points, .. } if points.len() >= 2 => Some(points.clone()),
        _ => None,
    })
}

/// The point halfway along a polyline.
pub fn midpoint(points: &[(f32, f32)]) -> Option<(f32, f32)> {
    let seg = |a: (f32, f32), b: (f32, f32)| ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    let total: f32 = points.windows(2).map(|w| seg(w[0], w[1])).sum();
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let l = seg(w[0], w[1]);
        if l >= left && l > 0.0 {
            let t = left / l;
            return Some((
                w[0].0 + (w[1].0 - w[0].0) * t,
                w[0].1 + (w[1].1 - w[0].1) * t,
            ));
        }
        left -= l;
    }
    points.first().copied()
}

fn label(pos: (f32, f32), t: String, color: Color, pal: &Palette, out: &mut Vec<Item>) {
    let size = 11.0;
    let w = text_width(&t, size, true) + 10.0;
    out.push(Item::Rect {
        rect: Rect::new(pos.0 - w / 2.0, pos.1 - 9.0, w, 18.0),
        fill: Some(pal.surface),
        stroke: Some(color),
        stroke_width: 1.5,
        radius: 4.0,
    });
    out.push(Item::Text {
        pos,
        text: t,
        size,
        color,
        anchor: TextAnchor::Middle,
        bold: true,
        max_width: None,
        detail: Detail::Always,
    });
}

fn outline(scene: &Scene, id: &TouchpointId, color: Color, out: &mut Vec<Item>) -> Option<Rect> {
    let c = scene.card(id)?;
    let r = c.rect;
    out.push(Item::Rect {
        rect: Rect::new(r.x - 4.0, r.y - 4.0, r.w + 8.0, r.h + 8.0),
        fill: None,
        stroke: Some(color),
        stroke_width: 3.0,
        radius: 8.0,
    });
    Some(r)
}

/// The change's words on the map ("+2 points", "target 8.0", "wait -50%").
pub fn change_badge(change: &ScenarioChange) -> String {
    match change {
        ScenarioChange::AddScore { points, .. } => tr_args(
            "kd-overlay-add",
            &[("points", format!("{points:+.1}").into())],
        ),
        ScenarioChange::SetScore { mean, .. } => {
            tr_args("kd-overlay-target", &[("mean", f::score(*mean).into())])
        }
        ScenarioChange::CutWait { percent, .. } => tr_args(
            "kd-overlay-cut",
            &[("percent", format!("{percent:.0}").into())],
        ),
        ScenarioChange::RemoveHandoff(_) => tr("kd-overlay-struck"),
        ScenarioChange::Merge { .. } => tr("kd-overlay-merged"),
        ScenarioChange::SetHandling { minutes, .. } => tr_args(
            "kd-overlay-handling",
            &[("minutes", fmt_num(*minutes).into())],
        ),
    }
}

/// The overlay items of `changes` on `scene` (changes naming nothing on the map are
/// left out).
pub fn scenario_overlay(scene: &Scene, changes: &[ScenarioChange], pal: &Palette) -> Vec<Item> {
    let mut out = Vec::new();
    let mut labels = Vec::new();
    let better = pal.good;
    for ch in changes {
        match ch {
            ScenarioChange::AddScore { touchpoint, .. }
            | ScenarioChange::SetScore { touchpoint, .. }
            | ScenarioChange::SetHandling { touchpoint, .. } => {
                if let Some(r) = outline(scene, touchpoint, better, &mut out) {
                    label(
                        (r.x + r.w / 2.0, r.y - 12.0),
                        change_badge(ch),
                        better,
                        pal,
                        &mut labels,
                    );
                }
            }
            ScenarioChange::Merge { into, from } => {
                outline(scene, into, better, &mut out);
                if let Some(r) = outline(scene, from, pal.bad, &mut out) {
                    label(
                        (r.x + r.w / 2.0, r.y - 12.0),
                        change_badge(ch),
                        pal.bad,
                        pal,
                        &mut labels,
                    );
                }
            }
            ScenarioChange::CutWait { handoff, .. } => {
                if let Some(pts) = route(scene, handoff) {
                    out.push(Item::Line {
                        points: pts.clone(),
                        color: better,
                        width: 4.0,
                        dashed: false,
                        arrow_end: true,
                    });
                    if let Some(m) = midpoint(&pts) {
                        label(
                            (m.0, m.1 - 14.0),
                            change_badge(ch),
                            better,
                            pal,
                            &mut labels,
                        );
                    }
                }
            }
            ScenarioChange::RemoveHandoff(key) => {
                if let Some(pts) = route(scene, key) {
                    out.push(Item::Line {
                        points: pts.clone(),
                        color: pal.bad,
                        width: 3.0,
                        dashed: true,
                        arrow_end: false,
                    });
                    if let Some((x, y)) = midpoint(&pts) {
                        let d = 9.0;
                        for (a, b) in [
                            ((x - d, y - d), (x + d, y + d)),
                            ((x - d, y + d), (x + d, y - d)),
                        ] {
                            out.push(Item::Line {
                                points: vec![a, b],
                                color: pal.bad,
                                width: 4.0,
                                dashed: false,
                                arrow_end: false,
                            });
                        }
                        label((x, y - 20.0), change_badge(ch), pal.bad, pal, &mut labels);
                    }
                }
                outline(scene, &key.to, pal.bad, &mut out);
            }
        }
    }
    out.extend(labels);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalysisConfig, analyze};

    #[test]
    fn a_struck_handoff_is_crossed_out_and_a_changed_card_outlined() {
        let j = crate::samples::move_address().expect("sample");
        let a = analyze(&j, &AnalysisConfig::default());
        let l = crate::layout::layout(&j, &LayoutConfig::default());
        let scene = build_scene(&j, &l, Some(&a), &SceneOptions::default());
        let h = j.handoffs().into_iter().next().expect("a handoff").key();
        let t = j.touchpoints().next().expect("a touchpoint").id.clone();
        let items = scenario_overlay(
            &scene,
            &[
                ScenarioChange::RemoveHandoff(h),
                ScenarioChange::AddScore {
                    touchpoint: t,
                    points: 2.0,
                },
                ScenarioChange::AddScore {
                    touchpoint: TouchpointId::new("gone"),
                    points: 2.0,
                },
            ],
            &Theme::Light.palette(),
        );
        let dashed = items
            .iter()
            .filter(|i| matches!(i, Item::Line { dashed: true, .. }))
            .count();
        assert_eq!(dashed, 1);
        let texts: Vec<&str> = items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"+2.0 points"), "{texts:?}");
        assert!(texts.contains(&"struck out"), "{texts:?}");
    }
}
