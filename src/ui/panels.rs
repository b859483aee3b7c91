//! The frame around the canvas: menu bar and toolbar, status line, the left panel
//! (gaps and headline figures; stages and departments), the matrix view.

use super::action::{Action, AppAction, Command, Menu};
use super::dialogs::Dialog;
use super::frame::{FrameView, Outbox};
use super::map_labels::PaintedLabel;
use crate::analysis::Severity;
use crate::edit::Edit;
use crate::i18n::tr;
use crate::layout::LaneMode;
use crate::model::{Department, DepartmentKind, Journey, Rgb, Stage};
use egui::RichText;

/// One menu item (or toolbar button) for a command.
fn command_button(ui: &mut egui::Ui, v: FrameView<'_>, c: Command) -> bool {
    command_button_as(ui, v, c, v.command_label(c))
}

/// [`command_button`] under another label (a submenu's short name for the command).
fn command_button_as(ui: &mut egui::Ui, v: FrameView<'_>, c: Command, label: String) -> bool {
    let mut button = egui::Button::new(label);
    if let Some(sc) = c.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(sc));
    }
    if let Some(on) = v.checked(c) {
        button = button.selected(on);
    }
    ui.add_enabled(v.enabled(c), button).clicked()
}

/// The menu bar and the toolbar.
pub fn top_bar(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
    egui::Panel::top("menu-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(menu.label(), |ui| {
                    ui.set_min_width(280.0);
                    for c in Command::ALL.into_iter().filter(|c| c.menu() == menu) {
                        if c.separator_before() {
                            ui.separator();
                        }
                        if IMPORTS.iter().any(|(i, _)| *i == c) {
                            if c == Command::Import {
                                import_menu(ui, v, out);
                            }
                            continue;
                        }
                        if command_button(ui, v, c) {
                            out.command(c);
                            ui.close();
                        }
                        if c == Command::SaveAs {
                            recent_menu(ui, v, out);
                            safety_menu(ui, v, out);
                        }
                    }
                    if menu == Menu::View {
                        ui.separator();
                        language_menu(ui, v, out);
                    }
                });
            }
        });
    });
    egui::Panel::top("toolbar").show(ui, |ui| {
        ui.add_space(2.0);
        ui.horizontal(|ui| toolbar(ui, v, out));
        ui.add_space(2.0);
    });
}

/// File > Import ▸: what can be brought in, each under its short name (the command
/// palette keeps the long ones: "Import event log…").
const IMPORTS: [(Command, &str); 3] = [
    (Command::Import, "menu-import-table"),
    (Command::ImportEventLog, "menu-import-event-log"),
    (Command::ImportFeedback, "menu-import-feedback"),
];

fn import_menu(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
    ui.menu_button(tr("menu-import"), |ui| {
        ui.set_min_width(280.0);
        for (c, id) in IMPORTS {
            if command_button_as(ui, v, c, tr(id)) {
                out.command(c);
                ui.close();
            }
        }
    });
}

/// View > Language: every available language by its own name; switches at once.
fn language_menu(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
    let current = v.language();
    ui.menu_button(tr("menu-language"), |ui| {
        for lang in crate::i18n::available() {
            let on = lang == current;
            if ui.radio(on, lang.native_name()).clicked() {
                out.push(Action::SetLanguage(lang));
                ui.close();
            }
        }
    });
}

/// The toolbar's buttons in order; `None` is a separator.
/// (Message ids: the zoom button shows the zoom.)
const TOOLS: [Option<(&str, Command)>; 23] = [
    Some(("tool-new", Command::New)),
    Some(("tool-open", Command::Open)),
    Some(("tool-save", Command::Save)),
    None,
    Some(("tool-undo", Command::Undo)),
    Some(("tool-redo", Command::Redo)),
    None,
    Some(("tool-add-touchpoint", Command::AddTouchpoint)),
    Some(("tool-add-stage", Command::AddStage)),
    Some(("tool-add-department", Command::AddDepartment)),
    None,
    Some(("tool-fit", Command::Fit)),
    Some(("", Command::ZoomOut)),
    Some(("", Command::ZoomReset)),
    Some(("", Command::ZoomIn)),
    None,
    Some(("tool-gaps", Command::ToggleGaps)),
    Some(("tool-layers", Command::ToggleLaneMode)),
    Some(("tool-matrix", Command::ToggleMatrix)),
    Some(("tool-map-only", Command::MapOnly)),
    None,
    Some(("tool-find", Command::Search)),
    Some(("tool-commands", Command::Palette)),
];

/// The toolbar: the buttons that fit in the window's width, the rest (with a larger
/// UI or a narrow window) in a "More" menu at its end, so none is ever out of reach.
fn toolbar(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
    let zoom_text = format!("{:.0}%", v.camera().zoom * 100.0);
    let text_of = |t: &str, c: Command| match c {
        Command::ZoomReset => zoom_text.clone(),
        Command::ZoomOut => "-".to_owned(),
        Command::ZoomIn => "+".to_owned(),
        _ => tr(t),
    };
    let spacing = ui.spacing().item_spacing.x;
    let pad = ui.spacing().button_padding.x;
    let font = egui::TextStyle::Button.resolve(ui.style());
    let ctx = ui.ctx().clone();
    let width = |t: &str| {
        ctx.fonts_mut(|f| f.layout_no_wrap(t.to_owned(), font.clone(), egui::Color32::WHITE))
            .size()
            .x
            + 2.0 * pad
            + spacing
    };
    let more = tr("tool-more");
    let more_w = width(&more) + 8.0;
    let total: f32 = TOOLS
        .iter()
        .map(|t| t.map_or(spacing * 2.0 + 1.0, |(t, c)| width(&text_of(t, c))))
        .sum();
    let avail = ui.available_width();
    let mut used = 0.0;
    let mut overflow = Vec::new();
    for entry in TOOLS {
        let w = entry.map_or(spacing * 2.0 + 1.0, |(t, c)| width(&text_of(t, c)));
        if !overflow.is_empty() || (total > avail && used + w + more_w > avail) {
            if let Some(e) = entry {
                overflow.push(e);
            }
            continue;
        }
        used += w;
        match entry {
            None => {
                ui.separator();
            }
            Some((t, c)) => tool(ui, v, out, &text_of(t, c), c),
        }
    }
    if !overflow.is_empty() {
        ui.menu_button(more, |ui| {
            for (t, c) in overflow {
                let label = match c {
                    Command::ZoomReset | Command::ZoomOut | Command::ZoomIn => v.command_label(c),
                    _ => text_of(t, c),
                };
                let mut b = egui::Button::new(label);
                if let Some(on) = v.checked(c) {
                    b = b.selected(on);
                }
                if ui.add_enabled(v.enabled(c), b).clicked() {
                    out.command(c);
                    ui.close();
                }
            }
        });
    }
}

fn tool(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>, text: &str, c: Command) {
    let tip = match c.shortcuts().first() {
        Some(sc) => format!("{} ({})", v.command_label(c), ui.ctx().format_shortcut(sc)),
        None => v.command_label(c),
    };
    let mut b = egui::Button::new(text);
    if let Some(on) = v.checked(c) {
        b = b.selected(on);
    }
    if ui.add_enabled(v.enabled(c), b).on_hover_text(tip).clicked() {
        out.command(c);
    }
}

/// The backup setting and the list of journeys recovered after a crash.
fn safety_menu(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
    let mut backup = v.settings().backup_on_save;
    if ui
        .checkbox(&mut backup, tr("menu-backup-on-save"))
        .on_hover_text(tr("menu-backup-on-save-tip"))
        .changed()
    {
        out.push(Action::App(AppAction::SetBackupOnSave(backup)));
    }
    if ui.button(tr("menu-recovered")).clicked() {
        out.push(Action::App(AppAction::ShowRecovered));
        ui.close();
    }
}

fn recent_menu(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
    let recent = v.settings().recent.clone();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button(tr("menu-open-recent"), |ui| {
            for p in recent {
                let label = p.display().to_string();
                if ui.button(label).clicked() {
                    out.push(Action::OpenPath(p));
                    ui.close();
                }
            }
        });
    });
}

/// The status line: the last message, then saved state, counts, selection, zoom.
pub fn status_bar(ui: &mut egui::Ui, v: FrameView<'_>) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let j = v.journey();
            // The figures on the right first; the message takes what is left, cut
            // short with "…" (whole on hover) rather than run under the figures.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(tr!(
                    "status-zoom",
                    percent = format!("{:.0}", v.camera().zoom * 100.0)
                ));
                ui.separator();
                if v.derived().updating() {
                    ui.spinner();
                    ui.label(RichText::new(tr!("status-updating")).weak())
                        .on_hover_text(tr!("status-updating-hint"));
                    ui.separator();
                }
                let sel = v.selection().touchpoints.len();
                if sel > 0 {
                    ui.label(tr!("status-selected", count = sel));
                    ui.separator();
                }
                ui.label(tr!(
                    "status-counts",
                    touchpoints = j.touchpoint_count(),
                    handoffs = j.handoff_count()
                ));
                ui.separator();
                if v.doc().is_dirty() {
                    ui.label(
                        RichText::new(tr("status-unsaved"))
                            .color(egui::Color32::from_rgb(220, 140, 20)),
                    );
                } else {
                    ui.label(tr("status-saved-state"));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    let message =
                        ui.add(egui::Label::new(RichText::new(v.status()).strong()).truncate());
                    if !v.status().is_empty() {
                        message.on_hover_text(v.status());
                    }
                });
            });
        });
    });
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LeftTab {
    #[default]
    Gaps,
    Structure,
}

/// The left panel (its own state: the open tab); `name_new` is a stage or department
/// just added, whose name field takes the keyboard.
pub fn left_panel(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    tab: &mut LeftTab,
    name_new: Option<&NewName>,
    out: &mut Outbox<'_>,
) {
    egui::Panel::left("left-panel")
        .resizable(true)
        .default_size(320.0)
        .size_range(240.0..=560.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.selectable_value(tab, LeftTab::Gaps, RichText::new(tr("tab-gaps")).heading());
                ui.selectable_value(
                    tab,
                    LeftTab::Structure,
                    RichText::new(tr("tab-structure")).heading(),
                );
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| match *tab {
                    LeftTab::Gaps => gaps_tab(ui, v, out),
                    LeftTab::Structure => structure_tab(ui, v, name_new, out),
                });
        });
}

/// Durations as everywhere else (`i18n::format::hours`: one threshold, one wording).
fn fmt_hours(h: f64) -> String {
    crate::i18n::format::hours(h)
}

/// A severity's name in the current language ("high", "高").
pub fn severity_name(s: Severity) -> String {
    s.label()
}

/// Colour for a gap severity.
pub fn severity_color(s: Severity) -> egui::Color32 {
    match s {
        Severity::Critical => egui::Color32::from_rgb(200, 30, 30),
        Severity::High => egui::Color32::from_rgb(225, 90, 30),
        Severity::Medium => egui::Color32::from_rgb(215, 150, 20),
        Severity::Low => egui::Color32::from_rgb(90, 140, 200),
        Severity::Info => egui::Color32::from_rgb(130, 130, 130),
    }
}

fn gaps_tab(ui: &mut egui::Ui, v: FrameView<'_>, out: &mut Outbox<'_>) {
    let Some(a) = v.derived().analysis.as_ref() else {
        return;
    };
    let h = &a.headline;
    ui.label(RichText::new(v.journey().title()).strong());
    if v.derived().updating() {
        // Never shown stale as if current: the figures below are those of an earlier
        // version until the background analysis of the last change is in.
        ui.label(RichText::new(tr!("gaps-updating")).weak().italics());
    }
    ui.add_space(4.0);
    egui::Grid::new("headline")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            let mut row = |value: String, what: String| {
                ui.label(RichText::new(value).size(20.0).strong());
                ui.label(what);
                ui.end_row();
            };
            row(h.touchpoints.to_string(), tr("headline-touchpoints"));
            row(
                h.internal_handoffs.to_string(),
                tr("headline-internal-handoffs"),
            );
            row(
                h.cross_department_handoffs.to_string(),
                tr("headline-cross-department-handoffs"),
            );
            row(fmt_hours(h.elapsed_hours), tr("headline-elapsed"));
            row(
                h.mean_satisfaction
                    .map_or_else(|| "–".into(), |m| format!("{m:.1} / 10")),
                tr("headline-mean-satisfaction"),
            );
            row(a.gaps.len().to_string(), tr("headline-gaps-found"));
        });
    ui.add_space(6.0);
    let show_matrix = ui.button(tr("cmd-toggle-matrix")).clicked();
    ui.separator();
    ui.label(RichText::new(tr("gaps-ranked")).strong());
    if a.gaps.is_empty() {
        ui.label(tr("gaps-none"));
    }
    let mut chosen = None;
    for (i, g) in a.gaps.iter().enumerate().take(200) {
        let color = severity_color(g.severity);
        let text = format!("{}. {}", i + 1, g.explanation);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(" {} ", severity_name(g.severity)))
                    .small()
                    .color(egui::Color32::WHITE)
                    .background_color(color),
            );
            ui.label(RichText::new(g.kind.label()).small().strong());
        });
        let selected = !g.touchpoints.is_empty()
            && g.touchpoints
                .iter()
                .all(|t| v.selection().touchpoints.contains(t))
            && g.touchpoints.len() == v.selection().touchpoints.len();
        if ui.selectable_label(selected, text).clicked() {
            chosen = Some(i);
        }
        ui.add_space(2.0);
    }
    if show_matrix {
        out.command(Command::ToggleMatrix);
    }
    if let Some(g) = chosen.and_then(|i| a.gaps.get(i)) {
        let mut ids = g.touchpoints.clone();
        for h in &g.handoffs {
            for id in [&h.from, &h.to] {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        if ids.is_empty() {
            out.push(Action::App(AppAction::Status(g.explanation.clone())));
        } else {
            out.push(Action::Focus(ids));
        }
    }
}

/// A stage or department just added, whose name field takes the keyboard (named in place).
#[derive(Clone, Debug, PartialEq)]
pub enum NewName {
    Stage(crate::model::StageId),
    Department(crate::model::DepartmentId),
}

/// Put the keyboard in the text field `id` (before it is drawn, so this frame's
/// typing goes into it) with its whole text selected, so typing replaces it.
fn focus_and_select(ui: &mut egui::Ui, id: egui::Id, text: &str) {
    ui.memory_mut(|m| m.request_focus(id));
    let mut st = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    st.cursor.set_char_range(Some(egui::text::CCursorRange::two(
        egui::text::CCursor::new(0),
        egui::text::CCursor::new(text.chars().count()),
    )));
    st.store(ui.ctx(), id);
}

/// The Structure tab: stages, departments and the lane mode, edited in place.
fn structure_tab(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    name_new: Option<&NewName>,
    out: &mut Outbox<'_>,
) {
    let j = v.journey();
    ui.label(RichText::new(tr("structure-stages")).strong());
    for (i, s) in j.stages().iter().enumerate() {
        ui.horizontal(|ui| stage_row(ui, j, i, s, name_new, out));
    }
    if ui.button(tr("structure-add-stage")).clicked() {
        out.push(Action::Command(Command::AddStage));
    }
    ui.add_space(10.0);
    ui.label(RichText::new(tr("structure-departments")).strong());
    for (i, d) in j.departments().iter().enumerate() {
        ui.horizontal(|ui| department_row(ui, j, i, d, name_new, out));
    }
    if ui.button(tr("structure-add-department")).clicked() {
        out.push(Action::Command(Command::AddDepartment));
    }
    ui.add_space(10.0);
    ui.label(RichText::new(tr("structure-lanes")).strong());
    ui.horizontal(|ui| {
        let mut mode = v.view().lane_mode;
        ui.radio_value(&mut mode, LaneMode::Departments, tr("lanes-departments"));
        ui.radio_value(&mut mode, LaneMode::Layers, tr("lanes-layers"));
        if mode != v.view().lane_mode {
            out.push(Action::SetLaneMode(mode));
        }
    });
}

/// One stage: its name, its touchpoint count, move left/right and delete.
fn stage_row(
    ui: &mut egui::Ui,
    j: &Journey,
    i: usize,
    s: &Stage,
    name_new: Option<&NewName>,
    out: &mut Outbox<'_>,
) {
    let n = j.stages().len();
    let count = j
        .touchpoints()
        .filter(|t| t.stage.as_ref() == Some(&s.id))
        .count();
    let mut name = s.name.clone();
    let field = ui.scope_id().with(("stage-name", &s.id));
    if name_new == Some(&NewName::Stage(s.id.clone())) {
        focus_and_select(ui, field, &name);
        out.push(Action::App(AppAction::NameFocused));
    }
    if ui
        .add(
            egui::TextEdit::singleline(&mut name)
                .id(field)
                .desired_width(140.0),
        )
        .accessible_name(tr!("structure-stage-name", n = i + 1))
        .changed()
    {
        let mut s2 = s.clone();
        s2.name = name;
        out.edit(
            tr("undo-rename-stage"),
            Edit::UpdateStage(s2),
            Some(format!("stage:{}", s.id)),
        );
    }
    ui.label(RichText::new(count.to_string()).small());
    if ui
        .add_enabled(i > 0, egui::Button::new(tr("structure-up")).small())
        .on_hover_text(tr("structure-move-left"))
        .clicked()
    {
        out.edit(
            tr("undo-move-stage"),
            Edit::MoveStage { from: i, to: i - 1 },
            None,
        );
    }
    if ui
        .add_enabled(i + 1 < n, egui::Button::new(tr("structure-down")).small())
        .on_hover_text(tr("structure-move-right"))
        .clicked()
    {
        out.edit(
            tr("undo-move-stage"),
            Edit::MoveStage { from: i, to: i + 1 },
            None,
        );
    }
    if ui
        .small_button("×")
        .accessible_name(tr!("structure-delete-stage-named", name = &s.name))
        .on_hover_text(tr("undo-delete-stage"))
        .clicked()
    {
        if count == 0 {
            out.push(Action::RemoveStage {
                id: s.id.clone(),
                move_to: None,
            });
        } else {
            let move_to = j
                .stages()
                .get(if i > 0 { i - 1 } else { i + 1 })
                .map(|s| s.id.clone());
            out.push(Action::App(AppAction::OpenDialog(Dialog::RemoveStage {
                id: s.id.clone(),
                move_to,
            })));
        }
    }
}

/// One department: its colour, name, touchpoint count, move up/down and delete (never
/// the last customer lane).
fn department_row(
    ui: &mut egui::Ui,
    j: &Journey,
    i: usize,
    d: &Department,
    name_new: Option<&NewName>,
    out: &mut Outbox<'_>,
) {
    let n = j.departments().len();
    let customers = j
        .departments()
        .iter()
        .filter(|d| d.kind == DepartmentKind::Customer)
        .count();
    let count = j
        .touchpoints()
        .filter(|t| t.owner.as_ref() == Some(&d.id))
        .count();
    let mut c = [d.color.0, d.color.1, d.color.2];
    if egui::color_picker::color_edit_button_srgb(ui, &mut c).changed() {
        let mut d2 = d.clone();
        d2.color = Rgb(c[0], c[1], c[2]);
        out.edit(
            tr("undo-recolour-department"),
            Edit::UpdateDepartment(d2),
            Some(format!("dept-colour:{}", d.id)),
        );
    }
    let mut name = d.name.clone();
    let field = ui.scope_id().with(("department-name", &d.id));
    if name_new == Some(&NewName::Department(d.id.clone())) {
        focus_and_select(ui, field, &name);
        out.push(Action::App(AppAction::NameFocused));
    }
    if ui
        .add(
            egui::TextEdit::singleline(&mut name)
                .id(field)
                .desired_width(120.0),
        )
        .accessible_name(tr!("structure-department-name", n = i + 1))
        .changed()
    {
        let mut d2 = d.clone();
        d2.name = name;
        out.edit(
            tr("undo-rename-department"),
            Edit::UpdateDepartment(d2),
            Some(format!("dept:{}", d.id)),
        );
    }
    ui.label(RichText::new(count.to_string()).small());
    if ui
        .add_enabled(i > 0, egui::Button::new(tr("structure-up")).small())
        .on_hover_text(tr("structure-move-up"))
        .clicked()
    {
        out.edit(
            tr("undo-move-department"),
            Edit::MoveDepartment { from: i, to: i - 1 },
            None,
        );
    }
    if ui
        .add_enabled(i + 1 < n, egui::Button::new(tr("structure-down")).small())
        .on_hover_text(tr("structure-move-down"))
        .clicked()
    {
        out.edit(
            tr("undo-move-department"),
            Edit::MoveDepartment { from: i, to: i + 1 },
            None,
        );
    }
    let last_customer = d.kind == DepartmentKind::Customer && customers <= 1;
    if ui
        .add_enabled(!last_customer, egui::Button::new("×").small())
        .accessible_name(tr!("structure-delete-department-named", name = &d.name))
        .on_hover_text(if last_customer {
            tr("structure-customer-lane-stays")
        } else {
            tr("undo-delete-department")
        })
        .clicked()
    {
        if count == 0 {
            out.push(Action::RemoveDepartment {
                id: d.id.clone(),
                move_to: None,
            });
        } else {
            out.push(Action::App(AppAction::OpenDialog(
                Dialog::RemoveDepartment {
                    id: d.id.clone(),
                    move_to: None,
                },
            )));
        }
    }
}

/// The department x department handoff matrix, as a heatmap: rows hand off to
/// columns; colour by count, figures show count and queue time.
/// Its own state: the department names it painted (as the canvas's sticky headers).
pub fn matrix_view(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    header_labels: &mut Vec<PaintedLabel>,
    out: &mut Outbox<'_>,
) {
    egui::Frame::central_panel(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(tr("cmd-toggle-matrix"));
            if ui.button(tr("matrix-back")).clicked() {
                out.command(Command::ToggleMatrix);
            }
        });
        ui.label(tr("matrix-explain"));
        ui.add_space(8.0);
        let Some(a) = v.derived().analysis.as_ref() else {
            return;
        };
        let mut m = a.matrix.clone();
        // The "(no owner)" axis in the reader's language (the analysis keeps its
        // stable name for JSON).
        for (name, d) in m.names.iter_mut().zip(&m.departments) {
            if d.is_none() {
                *name = tr("dialog-no-owner");
            }
        }
        let m = &m;
        let max = m
            .cells
            .iter()
            .flatten()
            .map(|c| c.handoffs)
            .max()
            .unwrap_or(0)
            .max(1);
        let dark = ui.visuals().dark_mode;
        // Fit the view's width: cells share what the row labels leave (no horizontal
        // scrolling at 1600 px with nine departments), department names wrapped between
        // words and shrunk to their cell (shortened with '…' only when a word cannot
        // fit), the header row outside the scrolling part so it stays in view.
        let n = m.names.len().max(1);
        let gap = 3.0;
        let label_w = 150.0_f32.min(ui.available_width() * 0.2);
        let cell_w = ((ui.available_width() - label_w - gap * (n as f32 + 1.0)) / n as f32)
            .clamp(30.0, 96.0);
        let cell_h = if cell_w < 64.0 { 44.0 } else { 52.0 };
        let head_h = 46.0;
        let text = ui.visuals().text_color();
        let ctx = ui.ctx().clone();
        let mut painted = Vec::new();
        let mut name_cell = |ui: &mut egui::Ui, name: &str, w: f32, h: f32, strong: bool| {
            let (rect, resp) = ui.allocate_exact_size(egui::vec2(w, h), egui::Sense::hover());
            let px = if strong { 13.0 } else { 11.0 };
            let g = super::map_labels::fit_words(&ctx, name, w - 6.0, h - 4.0, px, 8.0, text);
            let at = egui::pos2(
                rect.center().x - g.size().x / 2.0,
                rect.center().y - g.size().y / 2.0,
            );
            painted.push(PaintedLabel {
                text: name.to_owned(),
                rect: egui::Rect::from_min_size(at, g.size()),
                rows: super::map_labels::rows(&g),
            });
            ui.painter().with_clip_rect(rect).galley(at, g, text);
            let name = name.to_owned();
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
            resp.on_hover_text(name);
        };
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            name_cell(ui, &tr("matrix-corner"), label_w, head_h, false);
            for name in &m.names {
                name_cell(ui, name, cell_w, head_h, true);
            }
        });
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("matrix")
                .spacing([gap, gap])
                .show(ui, |ui| {
                    for (r, row) in m.cells.iter().enumerate() {
                        let name = m.names.get(r).map_or("", String::as_str);
                        name_cell(ui, name, label_w, cell_h, true);
                        for (c, cell) in row.iter().enumerate() {
                            matrix_cell(ui, m, (r, c), cell, max, egui::vec2(cell_w, cell_h), dark);
                        }
                        ui.end_row();
                    }
                });
        });
        *header_labels = painted;
    });
}

/// One cell of the matrix: coloured by count (the diagonal blue), with its count and
/// queue time, named for screen readers, the failure rate on hover.
fn matrix_cell(
    ui: &mut egui::Ui,
    m: &crate::analysis::HandoffMatrix,
    (r, c): (usize, usize),
    cell: &crate::analysis::MatrixCell,
    max: usize,
    size: egui::Vec2,
    dark: bool,
) {
    let t = cell.handoffs as f32 / max as f32;
    let base = if r == c {
        egui::Color32::from_rgb(90, 130, 200)
    } else {
        egui::Color32::from_rgb(220, 70, 40)
    };
    let bg = if cell.handoffs == 0 {
        if dark {
            egui::Color32::from_gray(40)
        } else {
            egui::Color32::from_gray(238)
        }
    } else {
        base.gamma_multiply(0.25 + 0.75 * t)
    };
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 4.0, bg);
    let fg = if cell.handoffs > 0 && t > 0.4 {
        egui::Color32::WHITE
    } else {
        ui.visuals().text_color()
    };
    if cell.handoffs > 0 {
        ui.painter().text(
            rect.center() - egui::vec2(0.0, 8.0),
            egui::Align2::CENTER_CENTER,
            cell.handoffs.to_string(),
            egui::FontId::proportional(if size.x < 64.0 { 15.0 } else { 18.0 }),
            fg,
        );
        ui.painter().text(
            rect.center() + egui::vec2(0.0, 12.0),
            egui::Align2::CENTER_CENTER,
            fmt_hours(cell.wait_hours),
            egui::FontId::proportional(11.0),
            fg,
        );
    }
    let from = m.names.get(r).cloned().unwrap_or_default();
    let to = m.names.get(c).cloned().unwrap_or_default();
    let label = tr!("matrix-cell", from = from, to = to, count = cell.handoffs);
    let resp = resp.accessible_name(label.clone());
    resp.on_hover_text(match cell.mean_failure_rate {
        Some(f) => tr!(
            "matrix-cell-tip-failure",
            cell = label,
            queue = fmt_hours(cell.wait_hours),
            failure = format!("{:.0}", f * 100.0)
        ),
        None => tr!(
            "matrix-cell-tip",
            cell = label,
            queue = fmt_hours(cell.wait_hours)
        ),
    });
}
