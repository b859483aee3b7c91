//! Sticky notes during the discussion: N adds one to the selected touchpoint or
//! handoff, or to the empty cell under the pointer; each has an author or
//! department tag and a colour, is saved in the journey file, listed in the
//! war-room panel, drawn on the map (toggle), and can become a pain point of its
//! touchpoint or an improvement action.

use super::action::{Action, AppAction, Command};
use super::app::AppState;
use super::canvas::Camera;
use super::frame::{FrameView, Outbox};
use super::warroom::{PanelTab, WarRoom};
use crate::edit::Edit;
use crate::i18n::tr;
use crate::layout::{LaneKey, Layout, Rect as WRect};
use crate::model::{ActionItem, Anchor, Journey, NoteId, Rgb, StickyNote, fresh_id};
use egui::{Align2, Color32, FontId, RichText, Stroke, StrokeKind, vec2};

/// The sticky-note colours offered.
pub const COLORS: [(Rgb, &str); 5] = [
    (Rgb(0xff, 0xe0, 0x82), "yellow"),
    (Rgb(0xf8, 0xbb, 0xd0), "pink"),
    (Rgb(0xc5, 0xe1, 0xa5), "green"),
    (Rgb(0xb3, 0xe5, 0xfc), "blue"),
    (Rgb(0xff, 0xcc, 0x80), "orange"),
];

/// UI state of the notes list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NotesState {
    /// The author tag given to new notes (a person or a department).
    pub author: String,
    /// Index into [`COLORS`] for new notes.
    pub color: usize,
    /// Put the keyboard in this note's text (in the panel) on the next frame.
    pub focus: Option<NoteId>,
    /// The note being written on the map itself (presentation mode, where the
    /// panel is hidden). While set, the keyboard belongs to it: no shortcut fires.
    pub editing: Option<NoteId>,
}

/// The size of a note on the map, in world units.
pub const NOTE_W: f32 = 120.0;
pub const NOTE_H: f32 = 64.0;

/// A short description of what a note or action is attached to.
pub fn anchor_label(j: &Journey, anchor: &Anchor) -> String {
    crate::workshop::anchor_text(j, anchor)
}

/// Where a new note or action goes: the selected touchpoint or handoff, else the
/// empty cell under the pointer, else the journey.
pub fn anchor_for_new(ctx: &egui::Context, state: &AppState) -> Anchor {
    if let Some(id) = state.selection.single() {
        return Anchor::Touchpoint(id.clone());
    }
    if let Some(k) = &state.selection.handoff {
        return Anchor::Handoff(k.clone());
    }
    let layout = &state.derived.layout;
    if let Some(p) = ctx.pointer_hover_pos()
        && state.camera.rect.contains(p)
    {
        let (wx, wy) = state.camera.to_world(p);
        if let Some(id) = layout.card_at(wx, wy) {
            return Anchor::Touchpoint(id.clone());
        }
        if let Some(cell) = layout.cell_at(wx, wy)
            && let (Some(stage), Some(LaneKey::Department(d))) = layout.cell_target(cell)
        {
            return Anchor::Cell(stage, d);
        }
    }
    Anchor::Journey
}

/// A fresh note or action id `n-1`, `n-2`, ...
pub fn fresh_note_id(j: &Journey, prefix: &str) -> NoteId {
    let n = j.notes().count() + j.actions().count() + 1;
    NoteId::new(fresh_id(&format!("{prefix}-{n}"), |s| {
        j.contains_note_id(s)
    }))
}

/// N: add a note and put the keyboard in it.
pub fn add_note(ctx: &egui::Context, state: &mut AppState) {
    let anchor = anchor_for_new(ctx, state);
    add_note_at(state, anchor);
}

/// Add an empty note on `anchor` (author and colour from the panel) and open it.
pub fn add_note_at(state: &mut AppState, anchor: Anchor) {
    let id = fresh_note_id(state.journey(), "n");
    let w = &state.warroom;
    let author = if w.notes.author.trim().is_empty() {
        w.focus
            .as_ref()
            .map(|d| state.journey().department_name(Some(d)))
            .unwrap_or_default()
    } else {
        w.notes.author.trim().to_owned()
    };
    let color = COLORS.get(w.notes.color).map_or(COLORS[0].0, |(c, _)| *c);
    let note = StickyNote {
        id: id.clone(),
        text: String::new(),
        author,
        color,
        anchor,
    };
    let where_ = anchor_label(state.journey(), &note.anchor);
    state.edit(
        &crate::tr!("undo-add-note", on = where_),
        Edit::AddNote(note),
        None,
    );
    if state.journey().note(&id).is_some() {
        let w = &mut state.warroom;
        if w.present.active {
            // The panel is hidden while presenting: write on the map.
            w.notes.editing = Some(id);
        } else {
            w.panel = true;
            w.tab = PanelTab::Notes;
            w.notes.focus = Some(id);
        }
    }
}

/// A change to a note (typing merges into one undo step per note).
fn note_edit(out: &mut Outbox<'_>, note: StickyNote, label: &str, merge: bool) {
    let merge = merge.then(|| format!("note-{}", note.id));
    out.edit(label, Edit::UpdateNote(note), merge);
}

/// The notes tab of the war-room panel.
pub fn panel(ui: &mut egui::Ui, v: FrameView<'_>, w: &mut WarRoom, out: &mut Outbox<'_>) {
    ui.horizontal(|ui| {
        if ui
            .button(tr("note-add"))
            .on_hover_text(tr("note-add-tip"))
            .clicked()
        {
            // As N does: on the selection, else the journey.
            out.command(Command::AddNote);
        }
        ui.checkbox(&mut w.show_notes, tr("note-show-on-map"));
    });
    ui.horizontal(|ui| {
        let l = ui.label(tr("note-author"));
        ui.add(
            egui::TextEdit::singleline(&mut w.notes.author)
                .hint_text(tr("note-author-hint"))
                .desired_width(150.0),
        )
        .labelled_by(l.id);
        for (i, (c, name)) in COLORS.iter().enumerate() {
            if swatch(ui, *c, name, w.notes.color == i) {
                w.notes.color = i;
            }
        }
    });
    ui.separator();
    let notes: Vec<StickyNote> = v.journey().notes().cloned().collect();
    if notes.is_empty() {
        ui.label(RichText::new(tr("note-none")).weak());
    }
    for note in notes {
        note_row(ui, v, w, note, out);
        ui.add_space(6.0);
    }
}

fn swatch(ui: &mut egui::Ui, c: Rgb, name: &str, on: bool) -> bool {
    // `name` is the colour's key ("yellow"); people read it in their language.
    let name = tr(&format!("colour-{name}"));
    let name = name.as_str();
    let (rect, resp) = ui.allocate_exact_size(vec2(16.0, 16.0), egui::Sense::click());
    ui.painter()
        .rect_filled(rect, 3.0, Color32::from_rgb(c.0, c.1, c.2));
    if on {
        ui.painter().rect_stroke(
            rect,
            3.0,
            Stroke::new(2.0, ui.visuals().strong_text_color()),
            StrokeKind::Outside,
        );
    }
    let name = name.to_owned();
    resp.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, on, &name));
    resp.on_hover_text(crate::tr!("note-colour", name = name))
        .clicked()
}

fn note_row(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    w: &mut WarRoom,
    note: StickyNote,
    out: &mut Outbox<'_>,
) {
    let fill = Color32::from_rgb(note.color.0, note.color.1, note.color.2);
    let ink = Color32::from_gray(20);
    egui::Frame::new()
        .fill(fill)
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.visuals_mut().override_text_color = Some(ink);
            ui.visuals_mut().extreme_bg_color = fill.gamma_multiply(0.9);
            let on = anchor_label(v.journey(), &note.anchor);
            if ui
                .link(
                    RichText::new(crate::tr!("note-on", on = on))
                        .small()
                        .color(ink),
                )
                .clicked()
            {
                match &note.anchor {
                    Anchor::Touchpoint(t) => out.push(Action::Focus(vec![t.clone()])),
                    Anchor::Handoff(k) => out.push(Action::SelectHandoff(k.clone())),
                    _ => {}
                }
            }
            let mut text = note.text.clone();
            let text_id = ui.scope_id().with(("note-text", &note.id));
            if w.notes.focus.as_ref() == Some(&note.id) {
                // Focus before the field is drawn, so the letters typed in this
                // very frame go into it (and not to shortcuts).
                ui.memory_mut(|m| m.request_focus(text_id));
                w.notes.focus = None;
            }
            let r = ui.add(
                egui::TextEdit::multiline(&mut text)
                    .id(text_id)
                    .hint_text(tr("note-text-hint"))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .text_color(ink),
            );
            let r = r.accessible_name(tr("note-text"));
            if r.changed() {
                let mut n = note.clone();
                n.text = text;
                note_edit(out, n, &tr("undo-edit-note"), true);
            }
            ui.horizontal(|ui| {
                let mut author = note.author.clone();
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut author)
                            .hint_text(tr("note-author-lower"))
                            .desired_width(120.0)
                            .text_color(ink),
                    )
                    .accessible_name(tr("note-author-name"));
                if r.changed() {
                    let mut n = note.clone();
                    n.author = author;
                    note_edit(out, n, &tr("undo-edit-note-author"), true);
                }
                for (c, name) in COLORS {
                    if swatch(ui, c, name, note.color == c) && note.color != c {
                        let mut n = note.clone();
                        n.color = c;
                        note_edit(out, n, &tr("undo-colour-note"), false);
                    }
                }
            });
            ui.horizontal(|ui| {
                let on_tp = matches!(note.anchor, Anchor::Touchpoint(_));
                if ui
                    .add_enabled(on_tp, egui::Button::new(tr("note-make-pain")).small())
                    .on_hover_text(tr("note-make-pain-tip"))
                    .on_disabled_hover_text(tr("note-make-pain-disabled"))
                    .clicked()
                    && let Some(a) = pain_point_action(v.journey(), &note)
                {
                    out.push(a);
                }
                if ui
                    .add(egui::Button::new(tr("note-make-action")).small())
                    .on_hover_text(tr("note-make-action-tip"))
                    .clicked()
                {
                    out.push(to_action_edit(v.journey(), &note));
                    w.tab = PanelTab::Actions;
                }
                if ui
                    .add(egui::Button::new(tr("note-delete")).small())
                    .on_hover_text(tr("undo-delete-note"))
                    .clicked()
                {
                    out.edit(
                        tr("undo-delete-note"),
                        Edit::RemoveNote(note.id.clone()),
                        None,
                    );
                }
            });
        });
}

/// The note's text becomes a pain point of its touchpoint (one undo step).
pub fn to_pain_point(state: &mut AppState, note: &StickyNote) {
    if let Some(a) = pain_point_action(state.journey(), note) {
        state.queue(a);
    }
}

/// The edit making the note a pain point of its touchpoint, or the status line's
/// word that an empty note cannot be one.
fn pain_point_action(j: &Journey, note: &StickyNote) -> Option<Action> {
    let Anchor::Touchpoint(id) = &note.anchor else {
        return None;
    };
    let t = j.touchpoint(id)?;
    let text = note.text.trim();
    if text.is_empty() {
        return Some(Action::App(AppAction::Status(tr("note-empty"))));
    }
    let mut t = t.clone();
    let pain = if note.author.trim().is_empty() {
        text.to_owned()
    } else {
        format!("{text} ({})", note.author.trim())
    };
    t.pains.push(pain);
    Some(Action::Edit {
        label: tr("undo-note-to-pain"),
        edit: Edit::Batch(vec![
            Edit::UpdateTouchpoint(Box::new(t)),
            Edit::RemoveNote(note.id.clone()),
        ]),
        merge: None,
    })
}

/// The note becomes an open improvement action on the same anchor (one undo step).
pub fn to_action(state: &mut AppState, note: &StickyNote) {
    let a = to_action_edit(state.journey(), note);
    state.queue(a);
    state.warroom.tab = PanelTab::Actions;
}

/// The edit turning the note into an action.
fn to_action_edit(j: &Journey, note: &StickyNote) -> Action {
    let id = fresh_note_id(j, "a");
    let action = ActionItem {
        id,
        what: note.text.trim().to_owned(),
        owner: String::new(),
        due: String::new(),
        status: crate::model::ActionStatus::Open,
        anchor: note.anchor.clone(),
    };
    Action::Edit {
        label: tr("undo-note-to-action"),
        edit: Edit::Batch(vec![
            Edit::AddAction(action),
            Edit::RemoveNote(note.id.clone()),
        ]),
        merge: None,
    }
}

fn seg_len((a, b): ((f32, f32), (f32, f32))) -> f32 {
    (b.0 - a.0).abs() + (b.1 - a.1).abs()
}

/// Where a note would like to be, near what it is attached to (world units).
fn anchor_spot(layout: &Layout, anchor: &Anchor) -> Option<(f32, f32)> {
    match anchor {
        Anchor::Touchpoint(id) => layout.cards.get(id).map(|r| (r.right() + 4.0, r.y - 4.0)),
        Anchor::Handoff(k) => {
            // On the handoff's line as drawn (the layout's route): the middle of its
            // longest segment.
            let pts = layout.routes.get(k)?;
            let (a, b) = pts
                .windows(2)
                .map(|s| (s[0], s[1]))
                .max_by(|x, y| seg_len(*x).total_cmp(&seg_len(*y)))?;
            Some(((a.0 + b.0) / 2.0 - 20.0, (a.1 + b.1) / 2.0 - 30.0))
        }
        Anchor::Cell(s, d) => {
            let col = layout
                .columns
                .iter()
                .find(|c| c.stage.as_ref() == Some(s))?;
            let lane = layout
                .lanes
                .iter()
                .find(|l| l.key == LaneKey::Department(d.clone()))?;
            Some((col.x + 8.0, lane.y + 8.0))
        }
        Anchor::Journey => Some((layout.grid.right() - 150.0, layout.grid.y - 70.0)),
    }
}

/// Room kept free around a card for its name, badges and score.
fn card_keepout(r: &WRect) -> WRect {
    WRect::new(r.x - 8.0, r.y - 12.0, r.w + 16.0, r.h + 20.0)
}

/// The handoffs' label pills of a display list (which a note should not cover).
pub fn label_rects(scene: &crate::scene::Scene) -> Vec<WRect> {
    scene
        .edges
        .iter()
        .flat_map(|e| &e.labels)
        .filter_map(|item| match item {
            crate::scene::Item::Rect { rect, .. } => Some(*rect),
            _ => None,
        })
        .collect()
}

/// Place every note of `journey` on `layout`: near its anchor, on the first spot
/// (searching outwards) that covers no card, badge, earlier note nor handoff label
/// (`labels`, see [`label_rects`]); failing that, the first covering only labels.
/// Bounded work: at most 7x7 candidate spots per note, each compared with the labels
/// and notes near it (filed in a grid), so time grows with the notes and the labels,
/// not with their product.
pub fn place_notes(
    journey: &crate::model::Journey,
    layout: &Layout,
    labels: &[WRect],
) -> Vec<(NoteId, WRect)> {
    let mut placed: Vec<(NoteId, WRect)> = Vec::new();
    let step_x = NOTE_W + 10.0;
    let step_y = NOTE_H + 10.0;
    // Rings of candidate offsets, nearest first; right and up preferred.
    let mut offsets: Vec<(i32, i32)> = Vec::new();
    for ring in 0..=3i32 {
        for dy in -ring..=ring {
            for dx in -ring..=ring {
                if dx.abs().max(dy.abs()) == ring {
                    offsets.push((dx, dy));
                }
            }
        }
    }
    offsets.sort_by_key(|&(dx, dy)| (dx.abs().max(dy.abs()), dx.abs() + dy.abs(), dx < 0, dy > 0));
    // The labels and the notes placed so far, filed in a grid: each spot tried is
    // compared with those near it, not with every label and note of the map.
    let labels = crate::scene::labels::Placed::of(labels);
    let mut taken = crate::scene::labels::Placed::default();
    for note in journey.notes() {
        let Some((x, y)) = anchor_spot(layout, &note.anchor) else {
            continue;
        };
        let free = |r: &WRect| {
            let probe = WRect::new(r.x - 20.0, r.y - 20.0, r.w + 40.0, r.h + 40.0);
            layout
                .visible_cards(&probe)
                .into_iter()
                .all(|(_, c)| !card_keepout(c).intersects(r))
                && !taken.hits(r)
        };
        let no_label = |r: &WRect| !labels.hits(r);
        let first = WRect::new(x, y, NOTE_W, NOTE_H);
        let spots = || {
            offsets.iter().map(|&(dx, dy)| {
                WRect::new(
                    x + dx as f32 * step_x,
                    y + dy as f32 * step_y,
                    NOTE_W,
                    NOTE_H,
                )
            })
        };
        let spot = spots()
            .find(|r| free(r) && no_label(r))
            .or_else(|| spots().find(|r| free(r)))
            .unwrap_or(first);
        taken.add(spot);
        placed.push((note.id.clone(), spot));
    }
    placed
}

/// The world rectangles of the notes on the map (computed once per document version).
pub fn note_rects(state: &AppState) -> Vec<(NoteId, WRect)> {
    state.derived.note_rects.clone()
}

/// Is this note dimmed with the rest (outside the presented stage or the focused
/// department)? The display list's rule ([`crate::scene::focus::in_focus`]), so a note
/// fades exactly with the card or handoff it is on.
pub fn note_dimmed(state: &AppState, note: &StickyNote) -> bool {
    note_dimmed_in(FrameView::of(state), note)
}

/// [`note_dimmed`] in a frame's view.
pub fn note_dimmed_in(v: FrameView<'_>, note: &StickyNote) -> bool {
    let (department, stage) = &v.derived().focus;
    if department.is_none() && stage.is_none() {
        return false;
    }
    let options = crate::scene::SceneOptions {
        focus_department: department.clone(),
        focus_stage: stage.clone(),
        ..Default::default()
    };
    let j = v.journey();
    let in_focus = |id: &crate::model::TouchpointId| crate::scene::focus::in_focus(j, &options, id);
    match &note.anchor {
        Anchor::Touchpoint(id) => !in_focus(id),
        Anchor::Handoff(k) => !in_focus(&k.from) && !in_focus(&k.to),
        Anchor::Cell(s, d) => {
            stage.as_ref().is_some_and(|p| p != s) || department.as_ref().is_some_and(|f| f != d)
        }
        Anchor::Journey => false,
    }
}

/// Draw the sticky notes on the canvas.
pub fn paint(painter: &egui::Painter, v: FrameView<'_>, cam: &Camera) {
    let z = cam.zoom;
    let rects: std::collections::BTreeMap<&NoteId, &WRect> = v
        .derived()
        .note_rects
        .iter()
        .map(|(id, r)| (id, r))
        .collect();
    for note in v.journey().notes() {
        let Some(w) = rects.get(&note.id) else {
            continue;
        };
        if v.warroom().notes.editing.as_ref() == Some(&note.id) {
            continue; // drawn by the editor
        }
        let r = cam.rect_to_screen(w);
        if !r.intersects(cam.rect) {
            continue;
        }
        let dim = if note_dimmed_in(v, note) { 0.3 } else { 1.0 };
        let fill = Color32::from_rgb(note.color.0, note.color.1, note.color.2).gamma_multiply(dim);
        painter.rect_filled(
            r.translate(vec2(2.0, 2.0)),
            2.0,
            Color32::from_black_alpha((50.0 * dim) as u8),
        );
        painter.rect_filled(r, 2.0, fill);
        painter.rect_stroke(
            r,
            2.0,
            Stroke::new(1.0, fill.gamma_multiply(0.6)),
            StrokeKind::Inside,
        );
        let fs = 11.0 * z;
        if fs < 5.0 {
            continue;
        }
        let ink = Color32::from_gray(20).gamma_multiply(dim);
        let clip = painter.with_clip_rect(r.shrink(2.0).intersect(painter.clip_rect()));
        // The text wraps inside the note and stops (…) above the author line.
        let author_h = if note.author.is_empty() {
            0.0
        } else {
            fs * 0.85 * 1.3
        };
        let text_h = r.height() - 5.0 * z - author_h;
        let max_rows = ((text_h / (fs * 1.25)).floor() as usize).max(1);
        let mut job = egui::text::LayoutJob::simple(
            note.text.clone(),
            FontId::proportional(fs),
            ink,
            r.width() - 8.0 * z,
        );
        job.wrap.max_rows = max_rows;
        job.wrap.overflow_character = Some('…');
        let galley = painter.layout_job(job);
        clip.galley(r.min + vec2(4.0 * z, 3.0 * z), galley, ink);
        if !note.author.is_empty() {
            clip.text(
                r.right_bottom() + vec2(-4.0 * z, -2.0 * z),
                Align2::RIGHT_BOTTOM,
                format!("— {}", note.author),
                FontId::proportional(fs * 0.85),
                Color32::from_gray(70).gamma_multiply(dim),
            );
        }
    }
}

/// The note being written on the map (presentation mode): a text field over the
/// note that keeps the keyboard until Escape, Ctrl+Enter or a click elsewhere.
/// Where the note being typed is edited on the map: over the note, grown to a
/// comfortable size in the direction (right/left, down/up) that covers the fewest card
/// names and badges, and kept inside the canvas.
pub fn editor_rect(state: &AppState, id: &NoteId) -> egui::Rect {
    editor_rect_in(FrameView::of(state), &state.camera, id)
}

/// [`editor_rect`] in a frame's view, for the camera `cam`.
pub fn editor_rect_in(v: FrameView<'_>, cam: &Camera, id: &NoteId) -> egui::Rect {
    let size = vec2(280.0, 120.0);
    let note = v
        .derived()
        .note_rects
        .iter()
        .find(|(n, _)| n == id)
        .map(|(_, w)| cam.rect_to_screen(w));
    let inside = |min: egui::Pos2| {
        egui::pos2(
            min.x.clamp(
                cam.rect.left(),
                (cam.rect.right() - size.x).max(cam.rect.left()),
            ),
            min.y.clamp(
                cam.rect.top(),
                (cam.rect.bottom() - size.y).max(cam.rect.top()),
            ),
        )
    };
    let Some(note) = note else {
        return egui::Rect::from_min_size(inside(cam.rect.center() - size / 2.0), size);
    };
    let candidates = [
        note.min,
        egui::pos2(note.right() - size.x, note.top()),
        egui::pos2(note.left(), note.bottom() - size.y),
        egui::pos2(note.right() - size.x, note.bottom() - size.y),
    ]
    .map(|min| egui::Rect::from_min_size(inside(min), size));
    // Cards near the note, with the room kept for their names and badges.
    let probe = cam.rect_to_world(note.expand(2.0 * size.x.max(size.y)));
    let layout = &v.derived().layout;
    let keepouts: Vec<egui::Rect> = layout
        .visible_cards(&probe)
        .into_iter()
        .map(|(_, c)| cam.rect_to_screen(&card_keepout(c)))
        .collect();
    let covered = |r: &egui::Rect| -> f32 {
        keepouts
            .iter()
            .map(|k| {
                let i = k.intersect(*r);
                if i.is_positive() { i.area() } else { 0.0 }
            })
            .sum()
    };
    // The corners over the note and spots around it: the one covering least of the
    // cards, the nearest to the note among equals (a corner when one covers none).
    let apart = |r: &egui::Rect| -> f32 {
        let dx = (note.left() - r.right())
            .max(r.left() - note.right())
            .max(0.0);
        let dy = (note.top() - r.bottom())
            .max(r.top() - note.bottom())
            .max(0.0);
        dx.hypot(dy)
    };
    let around = (-4i8..=4).flat_map(|dy| {
        (-4i8..=4).map(move |dx| {
            note.center() - size / 2.0 + vec2(f32::from(dx) * 70.0, f32::from(dy) * 40.0)
        })
    });
    let mut best = candidates[0];
    let mut least = (covered(&best), 0.0);
    for c in candidates[1..]
        .iter()
        .copied()
        .chain(around.map(|min| egui::Rect::from_min_size(inside(min), size)))
    {
        let key = (covered(&c), apart(&c));
        if key.0 < least.0 || (key.0 == least.0 && key.1 < least.1) {
            best = c;
            least = key;
        }
    }
    best
}

pub fn map_editor(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    notes: &mut NotesState,
    out: &mut Outbox<'_>,
) {
    let Some(id) = notes.editing.clone() else {
        return;
    };
    let Some(note) = v.journey().note(&id).cloned() else {
        notes.editing = None;
        return;
    };
    let r = editor_rect_in(v, v.camera(), &id);
    let size = r.size();
    let (escape, ctrl_enter, click_outside) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Escape),
            i.modifiers.command && i.key_pressed(egui::Key::Enter),
            i.pointer.any_pressed() && i.pointer.interact_pos().is_some_and(|p| !r.contains(p)),
        )
    });
    let fill = Color32::from_rgb(note.color.0, note.color.1, note.color.2);
    let ink = Color32::from_gray(20);
    let edit_id = ui.scope_id().with(("note-on-map", &id));
    if escape || ctrl_enter || click_outside {
        notes.editing = None;
        ui.memory_mut(|m| m.surrender_focus(edit_id));
        return;
    }
    ui.memory_mut(|m| m.request_focus(edit_id));
    let mut text = note.text.clone();
    let mut changed = false;
    ui.scope_builder(egui::UiBuilder::new().max_rect(r), |ui| {
        egui::Frame::new()
            .fill(fill)
            .corner_radius(3.0)
            .inner_margin(6.0)
            .stroke(Stroke::new(2.0, fill.gamma_multiply(0.6)))
            .show(ui, |ui| {
                ui.visuals_mut().extreme_bg_color = fill;
                ui.visuals_mut().override_text_color = Some(ink);
                let resp = ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .id(edit_id)
                            .hint_text(tr("note-text-hint-map"))
                            .desired_rows(3)
                            .desired_width(size.x - 12.0)
                            .frame(egui::Frame::NONE)
                            .text_color(ink),
                    )
                    .accessible_name(tr("note-text"));
                changed = resp.changed();
                if !note.author.is_empty() {
                    ui.label(
                        RichText::new(format!("— {}", note.author))
                            .small()
                            .color(ink),
                    );
                }
            });
    });
    if changed {
        let mut n = note;
        n.text = text;
        note_edit(out, n, &tr("undo-edit-note"), true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutConfig, layout};
    use crate::scene::{Item, SceneOptions, build_scene};

    /// Distance from a point to a polyline.
    fn distance(p: (f32, f32), line: &[(f32, f32)]) -> f32 {
        line.windows(2)
            .map(|s| {
                let (a, b) = (s[0], s[1]);
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let len = dx * dx + dy * dy;
                let t = if len > 0.0 {
                    (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let (x, y) = (a.0 + dx * t - p.0, a.1 + dy * t - p.1);
                (x * x + y * y).sqrt()
            })
            .fold(f32::INFINITY, f32::min)
    }

    /// No note of a sample covers a handoff's label (the e-commerce sample's note on
    /// its pre-sales chat covered the figures of the handoff beside it).
    #[test]
    fn notes_leave_the_handoff_labels_readable() {
        let mut notes = 0;
        for (name, _) in crate::samples::SAMPLES {
            let j = crate::samples::load_sample(name).unwrap().unwrap();
            let l = layout(&j, &LayoutConfig::default());
            let scene = build_scene(&j, &l, None, &SceneOptions::default());
            let labels = label_rects(&scene);
            for (id, r) in place_notes(&j, &l, &labels) {
                notes += 1;
                for p in &labels {
                    assert!(!p.intersects(&r), "{name}: note {id:?} covers a label");
                }
            }
        }
        assert!(notes >= 5, "{notes} notes checked");
    }

    /// Notes and labels by the thousand (10,000 notes and a million handoffs are
    /// allowed): each spot is compared with the labels and notes near it, not with all
    /// of them (under 1 s in a debug build; compared pairwise, 40 s).
    #[test]
    fn many_notes_among_many_labels_are_placed_quickly() {
        let mut j = crate::generate::generate(2_000, 4);
        let ids: Vec<_> = j.touchpoints().map(|t| t.id.clone()).collect();
        for (i, id) in ids.iter().enumerate() {
            j.add_note(StickyNote {
                id: NoteId::new(format!("n{i}")),
                text: "Who owns this?".into(),
                author: String::new(),
                color: crate::model::Rgb(0xff, 0xe0, 0x82),
                anchor: Anchor::Touchpoint(id.clone()),
            })
            .unwrap();
        }
        let l = layout(&j, &LayoutConfig::default());
        // Label-sized rectangles in a grid over the whole map, a little apart.
        let b = l.bounds;
        let mut labels = Vec::new();
        let mut y = b.y;
        while y < b.bottom() && labels.len() < 300_000 {
            let mut x = b.x;
            while x < b.right() {
                labels.push(WRect::new(x, y, 60.0, 16.0));
                x += 75.0;
            }
            y += 12.0;
        }
        assert!(labels.len() > 250_000, "{} labels", labels.len());
        let started = std::time::Instant::now();
        let placed = place_notes(&j, &l, &labels);
        let took = started.elapsed();
        assert_eq!(placed.len(), ids.len());
        assert!(
            took < std::time::Duration::from_secs(10),
            "2,000 notes among {} labels placed in {took:?}",
            labels.len()
        );
    }

    /// Issue #15: a note on a handoff is placed against the line the map draws (the
    /// layout's route), not against a line of the canvas's own.
    #[test]
    fn a_note_on_a_handoff_sits_by_the_line_that_is_drawn() {
        let j = crate::samples::move_address().unwrap();
        let l = layout(&j, &LayoutConfig::default());
        let scene = build_scene(&j, &l, None, &SceneOptions::default());
        let mut checked = 0;
        for e in &scene.edges {
            let Some(Item::Line { points, .. }) = e.items.first() else {
                continue;
            };
            let spot = anchor_spot(&l, &Anchor::Handoff(e.key.clone())).unwrap();
            // The spot is offset (-20, -30) from a point on the line.
            let d = distance((spot.0 + 20.0, spot.1 + 30.0), points);
            assert!(d < 0.5, "{:?}: {d} px off its line", e.key);
            checked += 1;
        }
        assert_eq!(checked, j.handoff_count());
    }
}
