//! Issue 20: no label is cut or overlaps another, in English and in Chinese, at the
//! default UI scale and with "Larger UI (projector)", at 1600x1000 and 1920x1080.
//!
//! Each screen (the menu bar with each menu open, the toolbar and its More menu, the
//! gap panel, the structure tab, the inspector with nothing, a touchpoint and a handoff
//! selected, the war room, the comparison, the portfolio, the export and import
//! dialogs, the shortcuts and About dialogs) is checked from egui's widget rectangles
//! of the last frame: every widget with a text label that is on screen is
//! - not cut sideways: its clip rectangle (its panel, window or scroll area) holds its
//!   whole width, and the window holds it;
//! - not overlapping another text widget of the same layer (a widget drawn inside
//!   another, like a label on a card, is nested, not overlapping);
//!
//! and every toolbar button is either whole on the toolbar or in its More menu.
//! (Vertical cuts are left to the scroll areas: a list scrolled half a row is fine.)
//! The map's own cards are left out: a card half off a panned map is not a cut label.

use egui::{Id, LayerId, Rect, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use std::collections::HashMap;
use std::path::PathBuf;
use touchpoint::i18n::{self, Lang};
use touchpoint::ui::dialogs::FixedDialogs;
use touchpoint::ui::{AppState, Command};

/// The UI scale of "Larger UI (projector)" (View menu; 150%).
const PROJECTOR: f32 = 1.5;

/// One widget with a text label in the last frame.
#[derive(Clone, Debug)]
struct Text {
    layer: LayerId,
    id: Id,
    role: Role,
    label: String,
    rect: Rect,
    visible: Rect,
}

/// The text widgets of the last frame (accessibility labels joined to egui's widget
/// rectangles by id), the map's cards left out.
fn texts(h: &Harness<'_, AppState>) -> Vec<Text> {
    let mut labelled: HashMap<u64, (Role, String)> = HashMap::new();
    for n in h.query_all(By::new().predicate(|_| true)) {
        let a = n.accesskit_node();
        let role = a.role();
        // A button names itself by its label; a plain label's text is its value.
        let text = match role {
            Role::Label => a.label().or_else(|| a.value()),
            _ => a.label(),
        };
        let Some(label) = text else { continue };
        if label.trim().is_empty()
            || matches!(
                role,
                Role::Canvas
                    | Role::Image
                    | Role::TextInput
                    | Role::MultilineTextInput
                    | Role::Window
                    | Role::Splitter
                    | Role::ScrollBar
            )
            || label == "Resize panel"
        {
            continue;
        }
        labelled.insert(a.locate().0.0, (role, label));
    }
    let canvas_id = h
        .query_all(By::new().predicate(|n| n.role() == Role::Canvas))
        .map(|n| n.accesskit_node().locate().0.0)
        .next();
    h.ctx.viewport(|vp| {
        let w = &vp.prev_pass.widgets;
        let all = || {
            w.layers()
                .flat_map(|(l, rs)| rs.iter().map(move |r| (*l, r)))
        };
        // The map: its widget, and the cards and notes drawn on it (same parent Ui).
        let canvas = all()
            .find(|(_, r)| Some(r.id.value()) == canvas_id)
            .map(|(_, r)| *r);
        let mut out = Vec::new();
        for (layer, r) in all() {
            let Some((role, label)) = labelled.get(&r.id.value()) else {
                continue;
            };
            if let Some(c) = canvas
                && r.parent_id == c.parent_id
                && r.id != c.id
                && c.rect.intersects(r.rect)
            {
                continue;
            }
            out.push(Text {
                layer,
                id: r.id,
                role: *role,
                label: label.clone(),
                rect: r.rect,
                visible: r.interact_rect,
            });
        }
        out
    })
}

/// What is wrong on the screen now: cut labels, labels outside the window, overlaps.
fn problems(h: &Harness<'_, AppState>, screen: &str) -> Vec<String> {
    let window = h.ctx.content_rect();
    let all = texts(h);
    assert!(
        all.len() > 20,
        "{screen}: only {} text widgets found: the check would see nothing",
        all.len()
    );
    let shown: Vec<&Text> = all
        .iter()
        .filter(|t| t.visible.width() > 0.5 && t.visible.height() > 0.5)
        .collect();
    let mut out = Vec::new();
    for t in &shown {
        if t.visible.width() + 1.0 < t.rect.width() {
            out.push(format!(
                "{screen}: {:?} {:?} is cut: {:.0} of {:.0} points wide shown",
                t.role,
                t.label,
                t.visible.width(),
                t.rect.width()
            ));
        } else if t.rect.left() < window.left() - 0.5 || t.rect.right() > window.right() + 0.5 {
            out.push(format!(
                "{screen}: {:?} {:?} at {:?} is outside the window {window:?}",
                t.role, t.label, t.rect
            ));
        }
    }
    for (i, a) in shown.iter().enumerate() {
        for b in shown.iter().skip(i + 1) {
            if a.layer != b.layer || a.id == b.id {
                continue;
            }
            let nested = a.rect.expand(0.5).contains_rect(b.rect)
                || b.rect.expand(0.5).contains_rect(a.rect);
            let both = a.visible.intersect(b.visible);
            if !nested && both.width() > 2.0 && both.height() > 2.0 {
                out.push(format!(
                    "{screen}: {:?} {:?} {:?} overlaps {:?} {:?} {:?}",
                    a.role, a.label, a.rect, b.role, b.label, b.rect
                ));
            }
        }
    }
    out
}

#[derive(Clone, Copy, Debug)]
struct Setup {
    zh: bool,
    projector: bool,
    size: [f32; 2],
}

impl Setup {
    fn lang(self) -> Lang {
        if self.zh {
            Lang::parse("zh-CN").expect("zh-CN")
        } else {
            Lang::english()
        }
    }

    fn name(self) -> String {
        format!(
            "{} {}x{}{}",
            self.lang().tag(),
            self.size[0],
            self.size[1],
            if self.projector { " projector" } else { "" }
        )
    }

    /// The message `id` in this setup's language.
    fn tr(self, id: &str) -> String {
        i18n::with_lang(&self.lang(), || i18n::tr(id))
    }

    fn state(self, journey: touchpoint::model::Journey) -> AppState {
        let mut s = AppState::with_journey(journey);
        s.settings.language = Some(self.lang());
        if self.projector {
            // View > Larger UI (projector), as the settings remember it.
            s.settings.ui_scale = PROJECTOR;
        }
        s
    }

    /// The app in a window of `size` pixels. With "Larger UI" egui lays the window out
    /// in `size / scale` points (a real window's points shrink as the zoom grows; the
    /// test harness keeps its size in points), so that is the harness's size.
    fn harness(self, state: AppState) -> Harness<'static, AppState> {
        let scale = if self.projector { PROJECTOR } else { 1.0 };
        let mut h = Harness::builder()
            .with_size([self.size[0] / scale, self.size[1] / scale])
            .with_step_dt(1.0 / 60.0)
            .with_max_steps(12)
            .with_accessibility_check(false)
            .build_ui_state(|ui, state: &mut AppState| state.show(ui), state);
        h.run_ok();
        h.run_steps(2);
        h
    }
}

fn move_address() -> touchpoint::model::Journey {
    touchpoint::samples::move_address().expect("sample")
}

fn ecommerce() -> touchpoint::model::Journey {
    match touchpoint::samples::load_sample("ecommerce.journey.ron") {
        Some(Ok(j)) => j,
        _ => panic!("the e-commerce sample loads"),
    }
}

fn to_be() -> touchpoint::model::Journey {
    match touchpoint::samples::load_sample("move-address-to-be.journey.ron") {
        Some(Ok(j)) => j,
        _ => panic!("the to-be sample loads"),
    }
}

fn settle(h: &mut Harness<'_, AppState>) {
    h.run_ok();
    h.run_steps(2);
}

/// The main window: toolbar, gap panel, inspector, menus, war room.
fn main_screens(s: Setup, j: touchpoint::model::Journey, bad: &mut Vec<String>) {
    let name = format!("{} [{}]", s.name(), j.title());
    let mut h = s.harness(s.state(j.clone()));
    bad.extend(problems(
        &h,
        &format!("{name} main (gaps, nothing selected)"),
    ));

    // The toolbar: every button whole on it, or in the More menu.
    let tools = [
        "tool-new",
        "tool-open",
        "tool-save",
        "tool-undo",
        "tool-redo",
        "tool-add-touchpoint",
        "tool-add-stage",
        "tool-add-department",
        "tool-fit",
        "tool-gaps",
        "tool-layers",
        "tool-matrix",
        "tool-map-only",
        "tool-find",
        "tool-commands",
    ];
    let missing: Vec<String> = tools
        .iter()
        .map(|t| s.tr(t))
        .filter(|t| h.query_by_label(t).is_none())
        .collect();
    if !missing.is_empty() {
        match h.query_by_label(&s.tr("tool-more")) {
            None => bad.push(format!(
                "{name}: {missing:?} neither on the toolbar nor in More"
            )),
            Some(more) => {
                more.click();
                settle(&mut h);
                for t in &missing {
                    if h.query_by_label(t).is_none() {
                        bad.push(format!("{name}: toolbar button {t:?} is nowhere"));
                    }
                }
                bad.extend(problems(&h, &format!("{name} toolbar More menu")));
                h.key_press(egui::Key::Escape);
                settle(&mut h);
            }
        }
    }

    // Each top menu open.
    for menu in [
        "menu-file",
        "menu-edit",
        "menu-view",
        "menu-workshop",
        "menu-help",
    ] {
        let label = s.tr(menu);
        h.get_by_label(&label).click();
        settle(&mut h);
        bad.extend(problems(&h, &format!("{name} menu {label}")));
        h.key_press(egui::Key::Escape);
        settle(&mut h);
    }

    // The inspector with a touchpoint, then a handoff.
    let first = j.touchpoints().next().expect("touchpoints").id.clone();
    h.state_mut().selection.touchpoints = [first].into_iter().collect();
    settle(&mut h);
    bad.extend(problems(&h, &format!("{name} inspector (touchpoint)")));
    let key = j.handoffs().first().expect("handoffs").key();
    h.state_mut().selection = Default::default();
    h.state_mut().selection.handoff = Some(key);
    settle(&mut h);
    bad.extend(problems(&h, &format!("{name} inspector (handoff)")));
    h.state_mut().selection = Default::default();

    // The structure tab.
    h.state_mut().left_tab = touchpoint::ui::panels::LeftTab::Structure;
    settle(&mut h);
    bad.extend(problems(&h, &format!("{name} structure")));
    h.state_mut().left_tab = touchpoint::ui::panels::LeftTab::Gaps;

    // The status line with a long message (a file saved deep in a folder tree).
    let path = "/home/workshop/Documents/Customer journeys/2026 war room/move-address-redesign-final.journey.ron";
    h.state_mut().status = i18n::with_lang(&s.lang(), || {
        i18n::tr_args("status-saved", &[("path", path.into())])
    });
    settle(&mut h);
    bad.extend(problems(&h, &format!("{name} status line (long message)")));

    // The war room panel.
    h.state_mut().queue_command(Command::ToggleWarRoomPanel);
    settle(&mut h);
    bad.extend(problems(&h, &format!("{name} war room")));
}

/// The windows and dialogs, each on a fresh app.
fn dialogs(s: Setup, bad: &mut Vec<String>, folder: &std::path::Path, csv: PathBuf) {
    let name = s.name();
    // The comparison of the move-address samples.
    let mut h = s.harness(s.state(move_address()));
    touchpoint::ui::compare::open_journey(h.state_mut(), to_be(), None);
    settle(&mut h);
    bad.extend(problems(&h, &format!("{name} comparison")));

    // The portfolio of the sample folder.
    let mut h = s.harness(s.state(move_address()));
    touchpoint::ui::portfolio::load(h.state_mut(), folder);
    settle(&mut h);
    bad.extend(problems(&h, &format!("{name} portfolio")));

    // Export, shortcuts, About.
    for (command, what) in [
        (Command::Export, "export dialog"),
        (Command::Shortcuts, "shortcuts"),
        (Command::About, "about"),
    ] {
        let mut h = s.harness(s.state(move_address()));
        h.state_mut().queue_command(command);
        settle(&mut h);
        bad.extend(problems(&h, &format!("{name} {what}")));
    }

    // Import of a CSV, with its preview.
    let mut state = s.state(move_address());
    state.file_dialogs = Box::new(FixedDialogs {
        open: Some(csv),
        save: None,
    });
    let mut h = s.harness(state);
    h.state_mut().queue_command(Command::Import);
    for _ in 0..30 {
        settle(&mut h);
        if h.state().import.preview.is_some() && !h.state().import.busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    settle(&mut h);
    bad.extend(problems(&h, &format!("{name} import dialog")));
}

fn setups() -> Vec<Setup> {
    let mut out = Vec::new();
    for zh in [false, true] {
        for projector in [false, true] {
            for size in [[1600.0, 1000.0], [1920.0, 1080.0]] {
                out.push(Setup {
                    zh,
                    projector,
                    size,
                });
            }
        }
    }
    out
}

#[test]
fn no_label_is_cut_or_overlaps_in_english_or_chinese() {
    let mut bad = Vec::new();
    for s in setups() {
        main_screens(s, move_address(), &mut bad);
        // In Chinese also the Chinese sample: Chinese names on the cards, in the gap
        // panel and in the inspector.
        if s.zh {
            main_screens(s, ecommerce(), &mut bad);
        }
    }
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn no_dialog_label_is_cut_or_overlaps_in_english_or_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["move-address.journey.ron", "ecommerce.journey.ron"] {
        std::fs::copy(
            format!("{}/sample_journeys/{name}", env!("CARGO_MANIFEST_DIR")),
            dir.path().join(name),
        )
        .expect("copy");
    }
    let csv = dir.path().join("steps.csv");
    std::fs::write(
        &csv,
        "Phase,Step,Team,Channel\nNotify,Customer reports the move,Contact centre,phone\nNotify,Identity check,Contact centre,phone\nBill,First bill,Billing,letter\n",
    )
    .expect("csv");
    let mut bad = Vec::new();
    for s in setups() {
        dialogs(s, &mut bad, dir.path(), csv.clone());
    }
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
