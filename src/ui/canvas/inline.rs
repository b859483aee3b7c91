//! The inline name editor on a card: renaming one, or naming a new one in a cell.

use super::{Camera, CanvasState};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::layout::Layout;
use crate::model::{DepartmentId, Journey, Layer, StageId, TouchpointId};
use crate::ui::action::Action;
use crate::ui::frame::{FrameView, Outbox};
use egui::{FontId, Rect, vec2};

/// The text field on a card: renaming one, or naming a new one.
#[derive(Clone, Debug, PartialEq)]
pub struct Inline {
    pub target: InlineTarget,
    pub text: String,
    /// Ask for keyboard focus (until the field has it).
    pub focus: bool,
    /// The field has had focus: losing it now confirms.
    pub had_focus: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InlineTarget {
    Rename(TouchpointId),
    Create {
        stage: Option<StageId>,
        owner: Option<DepartmentId>,
        layer: Option<Layer>,
        after: Option<TouchpointId>,
    },
}

impl Inline {
    pub fn rename(id: TouchpointId, name: String) -> Self {
        Inline {
            target: InlineTarget::Rename(id),
            text: name,
            focus: true,
            had_focus: false,
        }
    }

    pub fn create(
        stage: Option<StageId>,
        owner: Option<DepartmentId>,
        layer: Option<Layer>,
        after: Option<TouchpointId>,
    ) -> Self {
        Inline {
            target: InlineTarget::Create {
                stage,
                owner,
                layer,
                after,
            },
            text: String::new(),
            focus: true,
            had_focus: false,
        }
    }
}

/// Where the inline editor sits: the card being renamed, or the next free slot of the
/// target cell.
fn inline_rect(layout: &Layout, cam: &Camera, inline: &Inline) -> Option<Rect> {
    match &inline.target {
        InlineTarget::Rename(id) => layout.cards.get(id).map(|r| cam.rect_to_screen(r)),
        InlineTarget::Create {
            stage,
            owner,
            layer,
            ..
        } => {
            let cell = layout.cell_for(stage.as_ref(), owner.as_ref(), layer.as_ref())?;
            let k = layout.cells.get(&cell).map_or(0, Vec::len);
            Some(cam.rect_to_screen(&layout.slot_rect(cell, k)?))
        }
    }
}

/// The inline editor; Enter, Tab or a click elsewhere confirm it (an
/// [`Action::CommitInline`] for the end of the frame), Escape cancels.
pub(super) fn inline_editor(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    cam: &Camera,
    canvas: &mut CanvasState,
    out: &mut Outbox<'_>,
) {
    let Some(mut inline) = canvas.inline.take() else {
        return;
    };
    let Some(card) = inline_rect(&v.derived().layout, cam, &inline) else {
        // The target cell does not exist (e.g. the lane mode changed): give up.
        return;
    };
    let h = 30.0_f32.max(card.height() * 0.4).min(40.0);
    let w = card.width().max(180.0);
    let r = Rect::from_min_size(card.min + vec2(0.0, (card.height() - h) / 2.0), vec2(w, h));
    let hint = match inline.target {
        InlineTarget::Rename(_) => tr("search-hint"),
        InlineTarget::Create { .. } => tr("canvas-new-name"),
    };
    // Read Tab before the text field: losing focus to Tab navigation consumes it.
    let (tab_early, escape_early) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Tab),
            i.key_pressed(egui::Key::Escape),
        )
    });
    let edit = egui::TextEdit::singleline(&mut inline.text)
        .hint_text(hint)
        .font(FontId::proportional(15.0))
        .desired_width(w);
    let resp = ui.put(r, edit);
    if inline.focus {
        resp.request_focus();
    }
    if resp.has_focus() {
        inline.focus = false;
        inline.had_focus = true;
    }
    let (enter, tab, escape) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Tab),
            i.key_pressed(egui::Key::Escape),
        )
    });
    if (escape || escape_early) && inline.had_focus {
        return; // cancelled: nothing changes
    }
    let tab = (tab || tab_early) && inline.had_focus;
    if ((resp.lost_focus() || enter) && inline.had_focus) || tab {
        out.push(Action::CommitInline {
            inline: Box::new(inline),
            then_next: tab,
        });
        return;
    }
    canvas.inline = Some(inline);
}

/// Confirm the inline editor (applied at the end of the frame, for
/// [`Action::CommitInline`]): the rename edit, or the new touchpoint (with Tab, then
/// the next one); `None` when nothing changes.
pub fn commit_inline(journey: &Journey, inline: Inline, then_next: bool) -> Option<Action> {
    let name = inline.text.trim().to_owned();
    if name.is_empty() {
        return None;
    }
    match inline.target {
        InlineTarget::Rename(id) => {
            let t = journey.touchpoint(&id)?;
            (name != t.name).then(|| {
                let mut t = t.clone();
                t.name = name;
                Action::Edit {
                    label: tr("cmd-rename"),
                    edit: Edit::UpdateTouchpoint(Box::new(t)),
                    merge: None,
                }
            })
        }
        InlineTarget::Create {
            stage,
            owner,
            layer,
            after,
        } => Some(Action::CreateTouchpoint {
            name,
            stage,
            owner,
            layer,
            after,
            then_next,
        }),
    }
}
