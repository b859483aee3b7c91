//! War-room focus on the display list: with a focused department or stage in the
//! [`SceneOptions`], the cards and handoffs outside it fade towards the background
//! and the focused department's cards get an outline, so the canvas and every
//! export show the same emphasis. Pure: no egui.

use super::{Color, Item, Scene, SceneOptions};
use crate::model::{Journey, TouchpointId};

/// How far an unfocused item fades towards the background (0 = not at all).
pub const FADE: f32 = 0.72;
/// The outline of a focused department's cards.
pub const FOCUS_OUTLINE: Color = Color::rgb(0xff, 0xb0, 0x00);

fn fade(c: Color, bg: Color) -> Color {
    c.mix(bg, FADE)
}

fn fade_item(item: &mut Item, bg: Color) {
    match item {
        Item::Rect { fill, stroke, .. } | Item::Circle { fill, stroke, .. } => {
            *fill = fill.map(|c| fade(c, bg));
            *stroke = stroke.map(|c| fade(c, bg));
        }
        Item::Line { color, .. } | Item::Text { color, .. } => *color = fade(*color, bg),
    }
}

/// Is a touchpoint inside the focus (department and stage, when given)?
pub fn in_focus(journey: &Journey, options: &SceneOptions, id: &TouchpointId) -> bool {
    let Some(t) = journey.touchpoint(id) else {
        return false;
    };
    options
        .focus_department
        .as_ref()
        .is_none_or(|d| t.owner.as_ref() == Some(d))
        && options
            .focus_stage
            .as_ref()
            .is_none_or(|s| t.stage.as_ref() == Some(s))
}

/// Fade what is outside the focus; outline the focused department's cards. Does
/// nothing without a focus.
pub fn dim_unfocused(scene: &mut Scene, journey: &Journey, options: &SceneOptions) {
    if options.focus_department.is_none() && options.focus_stage.is_none() {
        return;
    }
    let bg = scene.background_color;
    for card in &mut scene.cards {
        if in_focus(journey, options, &card.id) {
            if options.focus_department.is_some() {
                card.items.push(Item::Rect {
                    rect: card.rect,
                    fill: None,
                    stroke: Some(FOCUS_OUTLINE),
                    stroke_width: 3.0,
                    radius: 6.0,
                });
            }
        } else {
            card.items.iter_mut().for_each(|i| fade_item(i, bg));
        }
    }
    for edge in &mut scene.edges {
        // A handoff stays when either end is in the focus: into or out of it.
        let keep =
            in_focus(journey, options, &edge.key.from) || in_focus(journey, options, &edge.key.to);
        if !keep {
            edge.items
                .iter_mut()
                .chain(edge.labels.iter_mut())
                .for_each(|i| fade_item(i, bg));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalysisConfig, analyze};
    use crate::layout::{LayoutConfig, layout};
    use crate::model::DepartmentId;
    use crate::scene::build_scene;

    fn first_color(items: &[Item]) -> Option<Color> {
        items.iter().find_map(|i| match i {
            Item::Rect { fill: Some(c), .. } => Some(*c),
            Item::Line { color, .. } => Some(*color),
            _ => None,
        })
    }

    #[test]
    fn billing_focus_fades_the_other_cards_and_the_handoffs_that_do_not_touch_it() {
        let j = crate::samples::move_address().unwrap();
        let l = layout(&j, &LayoutConfig::default());
        let a = analyze(&j, &AnalysisConfig::default());
        let plain = build_scene(&j, &l, Some(&a), &SceneOptions::default());
        let focused = build_scene(
            &j,
            &l,
            Some(&a),
            &SceneOptions {
                focus_department: Some(DepartmentId::new("billing")),
                ..Default::default()
            },
        );
        assert_eq!(plain.cards.len(), focused.cards.len());
        let mut outlined = 0;
        for (p, f) in plain.cards.iter().zip(&focused.cards) {
            let billing = j
                .touchpoint(&p.id)
                .unwrap()
                .owner
                .as_ref()
                .map(|d| d.as_str())
                == Some("billing");
            if billing {
                assert_eq!(first_color(&p.items), first_color(&f.items), "{}", p.id);
                assert_eq!(f.items.len(), p.items.len() + 1, "outline added");
                outlined += 1;
            } else {
                assert_ne!(first_color(&p.items), first_color(&f.items), "{}", p.id);
            }
        }
        assert!(outlined >= 3);
        let owner = |id: &TouchpointId| j.touchpoint(id).and_then(|t| t.owner.clone());
        for (p, f) in plain.edges.iter().zip(&focused.edges) {
            let touches = [&p.key.from, &p.key.to]
                .iter()
                .any(|id| owner(id).is_some_and(|d| d.as_str() == "billing"));
            assert_eq!(
                first_color(&p.items) == first_color(&f.items),
                touches,
                "{}",
                p.key
            );
        }
        // No focus: the scene is untouched.
        let again = build_scene(&j, &l, Some(&a), &SceneOptions::default());
        assert_eq!(plain, again);
    }

    #[test]
    fn stage_focus_keeps_only_that_stage() {
        let j = crate::samples::move_address().unwrap();
        let l = layout(&j, &LayoutConfig::default());
        let stage = j.stages()[1].id.clone();
        let s = build_scene(
            &j,
            &l,
            None,
            &SceneOptions {
                focus_stage: Some(stage.clone()),
                ..Default::default()
            },
        );
        let plain = build_scene(&j, &l, None, &SceneOptions::default());
        for (p, f) in plain.cards.iter().zip(&s.cards) {
            let inside = j.touchpoint(&p.id).unwrap().stage.as_ref() == Some(&stage);
            // The presented stage's cards keep their colours (their surface and stripe
            // are as without focus; their text is in large type); the others dim.
            assert_eq!(p.items[..2] == f.items[..2], inside, "{}", p.id);
            assert_ne!(p, f, "{}", p.id);
        }
    }
}
