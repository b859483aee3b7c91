//! The pointer on the canvas: press, drag and release (select, rubber band, move,
//! reorder, connect, reconnect), click and double click, and the edits a drop makes.

use super::{Camera, CanvasState};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::layout::{LaneKey, Rect as WRect};
use crate::model::{Handoff, HandoffKey, TouchpointId};
use crate::ui::action::Action;
use crate::ui::frame::{FrameView, Outbox};
use egui::Pos2;

/// What the pointer is doing on the canvas.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Drag {
    #[default]
    None,
    Pan,
    /// Rubber band from this world point.
    Band {
        from: (f32, f32),
        add: bool,
    },
    /// Moving the selected cards; `grab` is the card under the pointer at the start.
    Move {
        grab: TouchpointId,
        from: (f32, f32),
    },
    /// Dragging a new handoff out of a card's handle.
    Connect {
        from: TouchpointId,
    },
    /// Dragging one end of a handoff to another card.
    Reconnect {
        key: HandoffKey,
        from_end: bool,
    },
}

/// Squared distance from `p` to the segment `a`-`b`.
pub fn dist_sq_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a + ab * t - p).length_sq()
}

/// The connect handle of a card (right edge, middle), in screen points.
pub(super) fn handle_pos(cam: &Camera, r: &WRect) -> Pos2 {
    cam.to_screen(r.right(), r.y + r.h / 2.0)
}

/// What the pointer did on the canvas this frame: drag, release, click, double click.
/// Panning moves the camera; everything else is queued in `out`.
pub(super) fn handle_pointer(
    ui: &egui::Ui,
    v: FrameView<'_>,
    cam: &mut Camera,
    canvas: &mut CanvasState,
    response: &egui::Response,
    out: &mut Outbox<'_>,
) {
    let (press, latest, mods, middle) = ui.input(|i| {
        (
            i.pointer.press_origin(),
            i.pointer.latest_pos(),
            i.modifiers,
            i.pointer.middle_down(),
        )
    });
    if response.drag_started() {
        let origin = press.or(latest).unwrap_or(cam.rect.center());
        canvas.drag = if middle {
            Drag::Pan
        } else {
            start_drag(v, cam, origin, mods, out)
        };
    }

    if response.dragged() && canvas.drag == Drag::Pan {
        cam.pan += response.drag_delta();
        cam.auto = false;
    }

    if response.drag_stopped() {
        let drag = std::mem::take(&mut canvas.drag);
        let end = latest.unwrap_or(cam.rect.center());
        finish_drag(v, cam, drag, end, out);
        return;
    }

    if response.clicked() {
        let p = response
            .interact_pointer_pos()
            .or(latest)
            .unwrap_or_default();
        click(v, cam, p, mods.shift || mods.command, out);
    }

    if response.double_clicked() {
        let p = response
            .interact_pointer_pos()
            .or(latest)
            .unwrap_or_default();
        double_click(v, cam, p, out);
    }
}

/// A press turned into a drag at `origin`: what it drags. Grabbing a card that is
/// not selected selects it alone.
fn start_drag(
    v: FrameView<'_>,
    cam: &Camera,
    origin: Pos2,
    mods: egui::Modifiers,
    out: &mut Outbox<'_>,
) -> Drag {
    let layout = &v.derived().layout;
    let (wx, wy) = cam.to_world(origin);
    let card = layout.card_at(wx, wy).cloned();
    let near_handle = |id: &TouchpointId| {
        layout
            .cards
            .get(id)
            .is_some_and(|r| handle_pos(cam, r).distance(origin) <= 10.0)
    };
    let end_hit = v.selection().handoff.as_ref().and_then(|k| {
        let (first, last) = crate::ui::scene_paint::edge_ends(&v.derived().scene, k)?;
        if cam.to_screen(first.0, first.1).distance(origin) <= 10.0 {
            Some((k.clone(), true))
        } else if cam.to_screen(last.0, last.1).distance(origin) <= 10.0 {
            Some((k.clone(), false))
        } else {
            None
        }
    });
    // A handle sits on the card's right edge: check it before the card itself.
    let handle_card = layout
        .visible_cards(&WRect::new(
            wx - 20.0 / cam.zoom,
            wy - 2.0,
            40.0 / cam.zoom,
            4.0,
        ))
        .into_iter()
        .map(|(id, _)| id.clone())
        .find(|id| near_handle(id) && cam.zoom * 200.0 >= 60.0);
    if let Some(from) = handle_card {
        // A card's connect handle wins over the end of the selected handoff that
        // may sit on it: pressing a handle always starts a new handoff.
        Drag::Connect { from }
    } else if let Some((key, from_end)) = end_hit {
        Drag::Reconnect { key, from_end }
    } else if let Some(id) = card {
        if !v.selection().touchpoints.contains(&id) {
            out.push(Action::SelectTouchpoints(vec![id.clone()]));
        }
        Drag::Move {
            grab: id,
            from: (wx, wy),
        }
    } else if mods.shift || mods.command {
        Drag::Band {
            from: (wx, wy),
            add: true,
        }
    } else {
        Drag::Pan
    }
}

/// A click: select the card (with `toggle`, add or remove it) or the handoff under
/// the pointer; a click on nothing clears the selection.
fn click(v: FrameView<'_>, cam: &Camera, p: Pos2, toggle: bool, out: &mut Outbox<'_>) {
    let (wx, wy) = cam.to_world(p);
    let card = v.derived().layout.card_at(wx, wy).cloned();
    match card {
        Some(id) => {
            if toggle {
                let mut ids = v.selection().touchpoints.clone();
                if !ids.remove(&id) {
                    ids.insert(id);
                }
                out.push(Action::SelectTouchpoints(ids.into_iter().collect()));
            } else {
                out.push(Action::SelectTouchpoints(vec![id]));
            }
        }
        None => match crate::ui::scene_paint::edge_at(&v.derived().scene, cam, p, 6.0) {
            Some(k) => out.push(Action::SelectHandoff(k)),
            None => {
                if !toggle {
                    out.push(Action::SelectTouchpoints(Vec::new()));
                }
            }
        },
    }
}

/// A double click: rename the card under the pointer, or name a new one in the cell.
fn double_click(v: FrameView<'_>, cam: &Camera, p: Pos2, out: &mut Outbox<'_>) {
    let (wx, wy) = cam.to_world(p);
    let layout = &v.derived().layout;
    if let Some(id) = layout.card_at(wx, wy) {
        out.push(Action::BeginRename(id.clone()));
    } else if let Some(cell) = layout.cell_at(wx, wy) {
        let (stage, lane) = layout.cell_target(cell);
        let (owner, layer) = match lane {
            Some(LaneKey::Department(d)) => (Some(d), None),
            Some(LaneKey::Layer(l)) => (None, Some(l)),
            _ => (None, None),
        };
        out.push(Action::BeginCreate {
            stage,
            owner,
            layer,
            after: None,
        });
    }
}

/// The drag ended at `end`: select the band, drop the cards, connect or reconnect.
fn finish_drag(v: FrameView<'_>, cam: &Camera, drag: Drag, end: Pos2, out: &mut Outbox<'_>) {
    let (wx, wy) = cam.to_world(end);
    let layout = &v.derived().layout;
    match drag {
        Drag::None | Drag::Pan => {}
        Drag::Band { from, add } => {
            let r = WRect::new(
                from.0.min(wx),
                from.1.min(wy),
                (from.0 - wx).abs(),
                (from.1 - wy).abs(),
            );
            let ids = layout
                .visible_cards(&r)
                .into_iter()
                .map(|(id, _)| id.clone());
            if add {
                let mut all = v.selection().touchpoints.clone();
                all.extend(ids);
                out.push(Action::SelectTouchpoints(all.into_iter().collect()));
            } else {
                out.push(Action::SelectTouchpoints(ids.collect()));
            }
        }
        Drag::Move { grab, from } => drop_cards(v, grab, from, (wx, wy), out),
        Drag::Connect { from } => {
            if let Some(to) = layout.card_at(wx, wy).cloned()
                && to != from
            {
                let h = Handoff {
                    from,
                    to,
                    ..Default::default()
                };
                if v.journey().handoff(&h.key()).is_none() {
                    let key = h.key();
                    out.edit(tr("undo-add-handoff"), Edit::AddHandoff(h), None);
                    out.push(Action::SelectHandoff(key));
                }
            }
        }
        Drag::Reconnect { key, from_end } => {
            let Some(card) = layout.card_at(wx, wy).cloned() else {
                return;
            };
            let j = v.journey();
            let Some(old) = j.handoff(&key) else { return };
            let mut new = old.clone();
            if from_end {
                new.from = card;
            } else {
                new.to = card;
            }
            if new.from == new.to || j.handoff(&new.key()).is_some() {
                return;
            }
            let nk = new.key();
            let edit = Edit::Batch(vec![Edit::remove_handoff(j, &key), Edit::AddHandoff(new)]);
            out.edit(tr("undo-reconnect-handoff"), edit, None);
            out.push(Action::SelectHandoff(nk));
        }
    }
}

/// Cards dragged from `from` (the grabbed one, `grab`) and dropped at `(wx, wy)`:
/// reorder within the cell, move one card to a slot, or move the selection by cells.
fn drop_cards(
    v: FrameView<'_>,
    grab: TouchpointId,
    from: (f32, f32),
    (wx, wy): (f32, f32),
    out: &mut Outbox<'_>,
) {
    let layout = &v.derived().layout;
    let (Some(&(gc, gl)), Some(target)) = (layout.cell_of.get(&grab), layout.cell_at(wx, wy))
    else {
        return;
    };
    let moved = (wx - from.0).abs() + (wy - from.1).abs() > 4.0;
    if !moved {
        return;
    }
    if target == (gc, gl) {
        if let Some(edit) =
            crate::editing::reorder_edit(v.journey(), &v.derived().layout, &grab, target, (wx, wy))
        {
            out.edit(tr("undo-reorder-touchpoint"), edit, None);
        }
        return;
    }
    // The cards dragged: the selection, which the press made the grabbed card alone
    // when it was not in it.
    let selection = &v.selection().touchpoints;
    let ids: Vec<TouchpointId> = if selection.contains(&grab) {
        selection.iter().cloned().collect()
    } else {
        vec![grab.clone()]
    };
    let dx = target.0 as i32 - gc as i32;
    let dy = target.1 as i32 - gl as i32;
    if ids.len() <= 1
        && let Some(edit) = crate::editing::drop_edit(
            v.journey(),
            &v.derived().layout,
            &grab,
            (dx, dy),
            target,
            (wx, wy),
        )
    {
        // One card: it goes to the slot it was dropped on, and the cards
        // already in that cell stay where they are.
        out.edit("Move 1 touchpoint(s)", edit, None);
        return;
    }
    if let Some(edit) = crate::editing::move_edit(v.journey(), layout, &ids, dx, dy) {
        let n = ids.len();
        out.edit(crate::tr!("undo-move-n", count = n), edit, None);
    }
}
