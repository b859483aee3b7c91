//! Issue 17 in the app: File > Import event log… (the preview with its columns, rows
//! not read, the map to be built, a worker with progress and Cancel), View > Measure
//! against a log… (hidden handoffs on the map and in exports, the side panel, Apply
//! measured figures, gone with another journey), the measured marks; and
//! `touchpoint export --measure LOG` drawing the same check into the SVG.

use crate::common;
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use touchpoint::evidence::eventlog::generate::{GenOptions, write_csv};
use touchpoint::scene::logcheck::hidden_color;
use touchpoint::scene::{Item, Scene, Theme};
use touchpoint::ui::{Action, AppState, Command};

/// Open a menu and click one of its items, by their labels.
fn menu(h: &mut Harness<'_, AppState>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run_ok();
    h.get_by_label(item).click();
    h.run_ok();
}

/// File > Import > Event log…
fn import_event_log(h: &mut Harness<'_, AppState>) {
    file_import(h, "Event log (CSV, XES)…");
}

/// The dropdown showing `value`.
fn combo<'h>(h: &'h Harness<'_, AppState>, value: &str) -> egui_kittest::Node<'h> {
    let value = value.to_owned();
    h.get_by(move |n| {
        n.role() == egui::accesskit::Role::ComboBox && n.value().as_deref() == Some(value.as_str())
    })
}

fn generated_log(dir: &Path, cases: u64) -> PathBuf {
    let sample = touchpoint::samples::move_address().unwrap();
    let path = dir.join("move.csv");
    let mut f = std::fs::File::create(&path).unwrap();
    write_csv(
        &sample,
        &GenOptions {
            cases,
            ..GenOptions::default()
        },
        &mut f,
    )
    .unwrap();
    path
}

fn texts(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The teal of the log check in either theme (the harness may be dark).
fn teal(c: touchpoint::scene::Color) -> bool {
    [Theme::Light, Theme::Dark]
        .iter()
        .any(|t| hidden_color(&t.palette()) == c)
}

fn hidden_lines(scene: &Scene) -> usize {
    scene
        .overlay
        .iter()
        .filter(|i| {
            matches!(i, Item::Line { color, dashed: true, arrow_end: true, .. } if teal(*color))
        })
        .count()
}

#[test]
fn an_event_log_is_previewed_a_column_changed_and_the_mined_journey_opened() {
    let dir = tempfile::tempdir().unwrap();
    let log = generated_log(dir.path(), 400);
    let state = with_dialogs(AppState::with_journey(fixture()), Some(log.clone()), None);
    let mut h = harness(state);
    import_event_log(&mut h);
    wait_until(&mut h, 60, |s| s.evlog.preview.is_some() && !s.evlog.busy());
    h.run_steps(3);
    // Nothing replaced before "Open as a new journey".
    assert_eq!(h.state().journey().title(), "Move address (fixture)");
    // The map to be built: cases, events, activities, handoffs, stages.
    h.get_by_label_contains("400 cases · ");
    h.get_by_label_contains(" · 19 activities · ");
    h.get_by_label_contains("Every row was read");
    h.get_by_label("The map to be built");
    // The columns found, each with a dropdown: read the department column as nothing.
    let departments = |s: &AppState| {
        s.evlog
            .preview
            .as_ref()
            .and_then(|p| p.built.as_ref())
            .map_or(0, |b| b.journey.departments().len())
    };
    let before = departments(h.state());
    assert!(before > 3, "{before} departments");
    combo(&h, "department").click();
    h.run_ok();
    h.get_by_label("(ignored)").click();
    h.run_ok();
    wait_until(&mut h, 60, |s| !s.evlog.busy());
    h.run_steps(2);
    combo(&h, "(ignored)");
    assert!(
        departments(h.state()) < before,
        "without the department column the activities have no lanes of their own"
    );
    // Back to the department column, then open the journey.
    combo(&h, "(ignored)").click();
    h.run_ok();
    h.get_all_by_label("department").last().unwrap().click();
    h.run_ok();
    wait_until(&mut h, 60, |s| !s.evlog.busy());
    assert_eq!(departments(h.state()), before);
    // --min-share as a slider: 20% leaves the rare paths out; the log is not read again.
    let handoffs = |s: &AppState| {
        s.evlog
            .preview
            .as_ref()
            .and_then(|p| p.built.as_ref())
            .map_or(0, |b| b.journey.handoff_count())
    };
    let all = handoffs(h.state());
    h.get_by_role(egui::accesskit::Role::Slider)
        .set_value_accesskit(20.0);
    h.run_ok();
    wait_until(&mut h, 60, |s| !s.evlog.busy());
    assert!(handoffs(h.state()) < all, "{all} handoffs at 1%");
    h.get_by_label_contains("fewer than 20% of the cases are left out");
    h.get_by_role(egui::accesskit::Role::Slider)
        .set_value_accesskit(1.0);
    h.run_ok();
    wait_until(&mut h, 60, |s| !s.evlog.busy());
    assert_eq!(handoffs(h.state()), all);
    h.get_by_label("Open as a new journey").click();
    h.run_ok();
    let s = h.state();
    assert_eq!(s.journey().touchpoint_count(), 19);
    assert_eq!(s.journey().title(), "As-is journey mined from move.csv");
    assert!(s.doc.is_dirty(), "a mined journey is not saved yet");
    assert!(s.path.is_none());
    assert!(!s.evlog.is_open());
    // The mined touchpoints on the canvas, their volumes marked as measured.
    h.state_mut().queue_command(Command::Fit);
    h.run_ok();
    h.run_steps(2);
    let first = h.state().journey().touchpoints().next().unwrap().clone();
    assert!(
        h.query_by_label(&first.name).is_some(),
        "{} on the canvas (zoom {})",
        first.name,
        h.state().camera.zoom
    );
    let marked = h
        .state()
        .derived
        .scene
        .cards
        .iter()
        .filter(|c| {
            c.items
                .iter()
                .any(|i| matches!(i, Item::Circle { fill: Some(f), .. } if teal(*f)))
        })
        .count();
    assert_eq!(marked, 19, "every card's volume is marked as measured");
    // So are the queue times of the handoffs measured from the log.
    let waits = h
        .state()
        .derived
        .scene
        .edges
        .iter()
        .filter(|e| {
            e.labels
                .iter()
                .any(|i| matches!(i, Item::Circle { fill: Some(f), .. } if teal(*f)))
        })
        .count();
    assert!(waits > 5, "{waits} queue-time labels marked as measured");
    // The inspector: the mark, the file and the period.
    h.state_mut()
        .queue(Action::SelectTouchpoints(vec![first.id.clone()]));
    h.run_ok();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Volume: log").is_some(),
        "{:?} {:?}",
        h.state().selection,
        h.state()
            .journey()
            .touchpoint(&first.id)
            .map(|t| t.volume_source.clone())
    );
    assert!(
        !h.get_all_by_label("measured")
            .collect::<Vec<_>>()
            .is_empty()
    );
    h.get_by_label_contains("Volume: log, move.csv, 2026-01-");
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<'_, AppState>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.to_path_buf())));
    h.run_ok();
}

#[test]
fn a_dropped_xes_log_is_mined_and_a_csv_that_looks_like_a_log_offers_it() {
    let dir = tempfile::tempdir().unwrap();
    let csv = generated_log(dir.path(), 200);
    let xes = dir.path().join("move.xes");
    let mut out = Vec::new();
    touchpoint::evidence::eventlog::generate::csv_to_xes(
        &std::fs::read_to_string(&csv).unwrap(),
        &mut out,
    )
    .unwrap();
    std::fs::write(&xes, out).unwrap();
    let mut h = harness(AppState::with_journey(fixture()));
    drop_file(&mut h, &xes);
    wait_until(&mut h, 60, |s| s.evlog.preview.is_some() && !s.evlog.busy());
    h.run_steps(2);
    h.get_by_label("(XES)");
    h.get_by_label_contains("200 cases · ");
    h.get_by_label("org:group");
    // The window grows to its content over a few frames.
    h.run_steps(8);
    h.get_by_label("Cancel").click();
    h.run_ok();
    assert!(!h.state().evlog.is_open());
    // A CSV goes to the table import, which sees an event log and offers to mine it.
    drop_file(&mut h, &csv);
    wait_until(&mut h, 60, |s| {
        s.import.preview.is_some() && !s.import.busy()
    });
    h.run_steps(2);
    h.get_by_label("Mine it as an event log…").click();
    h.run_ok();
    wait_until(&mut h, 60, |s| s.evlog.preview.is_some() && !s.evlog.busy());
    assert!(!h.state().import.is_open());
    h.get_by_label("(CSV)");
    h.get_by_label_contains("200 cases · ");
}

#[test]
fn a_long_read_runs_on_a_worker_and_cancel_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    let log = generated_log(dir.path(), 20_000);
    let state = with_dialogs(AppState::with_journey(fixture()), Some(log), None);
    let mut h = harness(state);
    h.step();
    let t = Instant::now();
    h.step();
    let idle = t.elapsed();
    import_event_log(&mut h);
    let started = Instant::now();
    let mut worst = Duration::ZERO;
    let mut shown = false;
    while h.state().evlog.busy() && started.elapsed() < Duration::from_secs(30) {
        let t = Instant::now();
        h.step();
        worst = worst.max(t.elapsed());
        if h.query_by_label("Working").is_some() {
            shown = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(shown, "a progress window shows while the log is read");
    assert!(
        worst < idle * 4 + Duration::from_millis(150),
        "a frame took {worst:?} while mining (idle {idle:?})"
    );
    h.get_by_label("Cancel").click();
    h.run_ok();
    assert!(!h.state().evlog.is_open());
    assert!(!h.state().evlog.busy());
    assert_eq!(h.state().status, "Event log import cancelled");
    assert_eq!(h.state().journey().title(), "Move address (fixture)");
}

/// A log of the fixture's journey with an activity the map lacks ("Courtesy call",
/// between the identity check and the move order) and, in 20 of 60 cases, the final
/// read going straight to the first bill (not drawn).
fn log_with_inserted_activity(path: &Path) {
    let mut out = String::from("Case ID,Activity,Complete Timestamp,Department\n");
    for c in 0..60 {
        let mut steps = vec![
            ("Customer reports the move", "Customer"),
            ("Identity and account check", "Contact centre"),
            ("Courtesy call", "Contact centre"),
            ("Move order passed to Billing", "Billing"),
            ("Final meter read", "Field operations"),
        ];
        if c % 3 != 0 {
            steps.push(("Final bill for the old address", "Billing"));
        }
        steps.push(("First accurate bill", "Billing"));
        for (i, (a, d)) in steps.iter().enumerate() {
            out.push_str(&format!(
                "K{c:03},{a},2026-02-{:02} {:02}:{:02}:00,{d}\n",
                1 + c % 27,
                8 + i,
                c % 60
            ));
        }
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn measuring_shows_hidden_handoffs_on_the_map_and_in_exports_until_another_journey_opens() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("tickets.csv");
    log_with_inserted_activity(&log);
    let svg = dir.path().join("checked.svg");
    let state = with_dialogs(
        AppState::with_journey(fixture()),
        Some(log.clone()),
        Some(svg.clone()),
    );
    let mut h = harness(state);
    menu(&mut h, "View", "Measure against a log…");
    wait_until(&mut h, 60, |s| {
        s.measure.result.is_some() && !s.measure.busy()
    });
    h.run_steps(3);
    // The side panel: what the log shows and the map lacks, and the reverse.
    h.get_by_label("Hidden handoffs: 3");
    h.get_by_label("Unseen handoffs: 3");
    h.get_by_label("Activities on no touchpoint: 1");
    h.get_by_label("Courtesy call: 60 cases");
    h.get_by_label("Final meter read to First accurate bill: 20");
    // The drawn touchpoint the log never shows.
    h.get_by_label("Touchpoints not in the log: 1");
    // (a link in the panel, and perhaps its card on the canvas)
    let _ = h.get_all_by_label("Customer calls to ask what is happening");
    h.get_by_label("dashed: in the log, not drawn (3)");
    assert!(h.state().status.starts_with("Measured against tickets.csv"));
    // On the map: the hidden handoffs dashed in their colour, the activity under the map.
    let scene = h.state().derived.scene.clone();
    assert_eq!(hidden_lines(&scene), 3, "three hidden handoffs drawn");
    let words = texts(&scene.overlay);
    assert!(words.iter().any(|t| t == "Courtesy call"), "{words:?}");
    assert!(words.iter().any(|t| t == "hidden: 20"), "{words:?}");
    // An export from the app includes the check while it is shown.
    h.state_mut().queue_command(Command::Export);
    h.run_ok();
    h.run_steps(3);
    h.get_by_value("PNG image (.png)").click();
    h.run_ok();
    h.get_by_label("SVG drawing (.svg)").click();
    h.run_ok();
    h.get_by_label("Export…").click();
    h.run_ok();
    wait_until(&mut h, 60, |s| !s.export.busy());
    let text = std::fs::read_to_string(&svg).expect("the SVG was written");
    assert!(text.contains("Courtesy call"));
    assert!(text.contains("Measured against tickets.csv"));
    h.state_mut().export.open = false;
    h.run_ok();
    // Apply measured figures: one undoable edit.
    let undo_before = h.state().doc.can_undo();
    h.get_by_label("Apply measured figures").click();
    h.run_ok();
    let read = touchpoint::model::TouchpointId::new("final-read");
    let t = h.state().journey().touchpoint(&read).unwrap().clone();
    assert_eq!(t.volume, Some(60));
    assert!(t.volume_source.kind.is_measured());
    assert!(h.state().doc.can_undo() && !undo_before);
    h.state_mut().queue_command(Command::Undo);
    h.run_ok();
    let t = h.state().journey().touchpoint(&read).unwrap().clone();
    assert!(
        !t.volume_source.kind.is_measured(),
        "one undo step takes it all back"
    );
    assert!(!h.state().doc.can_undo());
    wait_until(&mut h, 30, |s| !s.measure.busy());
    assert_eq!(hidden_lines(&h.state().derived.scene), 3);
    // Another journey: the check goes, from the map and the panel.
    let other = dir.path().join("other.journey.ron");
    let mut j = fixture();
    let mut meta = j.meta().clone();
    meta.title = "Another journey".into();
    j.set_meta(meta).unwrap();
    std::fs::write(&other, touchpoint::io::to_ron_string(&j)).unwrap();
    h.state_mut().queue(Action::OpenPath(other));
    h.run_ok();
    h.run_steps(2);
    let s = h.state();
    assert_eq!(s.journey().title(), "Another journey");
    assert!(!s.measure.is_open());
    assert!(s.derived.log_check().is_none());
    assert_eq!(hidden_lines(&s.derived.scene), 0);
    assert!(
        !texts(&s.derived.scene.overlay)
            .iter()
            .any(|t| t == "Courtesy call")
    );
    assert!(s.export.log_check.is_none());
    assert!(h.query_by_label("Hidden handoffs: 3").is_none());
}

#[test]
fn export_measure_draws_the_same_check_into_the_svg() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    log_with_inserted_activity(&d.join("tickets.csv"));
    std::fs::write(
        d.join("fixture.journey.ron"),
        touchpoint::io::to_ron_string(&fixture()),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
            .current_dir(d)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(&[
        "export",
        "fixture.journey.ron",
        "-o",
        "checked.svg",
        "--measure",
        "tickets.csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, err) = run(&["export", "fixture.journey.ron", "-o", "plain.svg"]);
    assert_eq!(code, 0, "{err}");
    let checked = std::fs::read_to_string(d.join("checked.svg")).unwrap();
    let plain = std::fs::read_to_string(d.join("plain.svg")).unwrap();
    let teal = hidden_color(&Theme::Light.palette()).to_hex();
    for want in [
        "Courtesy call",
        "hidden: 20",
        "Measured against tickets.csv",
        "dashed: in the log, not drawn (3)",
        teal.as_str(),
    ] {
        assert!(checked.contains(want), "{want} in the checked SVG");
        assert!(!plain.contains(want), "{want} not in the plain SVG");
    }
    // Figures measured from a log carry the "measured" mark, explained in the legend.
    let (code, err) = run(&[
        "measure",
        "fixture.journey.ron",
        "tickets.csv",
        "-o",
        "measured.journey.ron",
    ]);
    assert_eq!(code, 1, "hidden handoffs: {err}");
    let (code, err) = run(&["export", "measured.journey.ron", "-o", "measured.svg"]);
    assert_eq!(code, 0, "{err}");
    let measured = std::fs::read_to_string(d.join("measured.svg")).unwrap();
    let legend = "measured from data (the inspector shows the source and period)";
    assert!(measured.contains(legend));
    assert!(!plain.contains(legend));
    assert!(
        measured.matches(teal.as_str()).count() >= 6,
        "a mark per measured card"
    );
    // --map without --measure is a usage error; a broken log is reported, nothing written.
    let (code, _) = run(&[
        "export",
        "fixture.journey.ron",
        "-o",
        "x.svg",
        "--map",
        "m.csv",
    ]);
    assert_eq!(code, 2);
    std::fs::write(d.join("empty.csv"), "").unwrap();
    let (code, err) = run(&[
        "export",
        "fixture.journey.ron",
        "-o",
        "y.svg",
        "--measure",
        "empty.csv",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("empty.csv"), "{err}");
    assert!(!d.join("y.svg").exists());
}

#[test]
fn a_log_that_cannot_be_read_is_reported_in_the_panel_and_nothing_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.csv");
    std::fs::write(&bad, "who,what\nx,y\n").unwrap();
    let state = with_dialogs(AppState::with_journey(fixture()), Some(bad), None);
    let mut h = harness(state);
    menu(&mut h, "View", "Measure against a log…");
    wait_until(&mut h, 30, |s| !s.measure.busy());
    h.run_steps(2);
    assert!(h.state().measure.is_open());
    assert!(h.state().measure.result.is_none());
    h.get_by_label_contains("no case or activity or timestamp column found");
    assert_eq!(hidden_lines(&h.state().derived.scene), 0);
    // Closing the view from its menu item (a toggle).
    menu(&mut h, "View", "Measure against a log…");
    assert!(!h.state().measure.is_open());
}

/// The dialog's footer ("Open as a new journey", "Cancel") stays inside the window and
/// on the screen once the preview of a big log is shown, at the integrator's sizes.
#[test]
fn the_preview_of_a_big_log_keeps_its_buttons_in_the_window_and_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let log = generated_log(dir.path(), 2000);
    for size in [[1920.0, 1080.0], [1600.0, 1000.0], [1280.0, 720.0]] {
        let state = with_dialogs(AppState::with_journey(fixture()), Some(log.clone()), None);
        let mut h = Harness::builder()
            .with_size(size)
            .with_step_dt(1.0 / 60.0)
            .with_max_steps(12)
            .with_accessibility_check(false)
            .build_ui_state(|ui, state: &mut AppState| state.show(ui), state);
        h.run_ok();
        import_event_log(&mut h);
        wait_until(&mut h, 60, |s| s.evlog.preview.is_some() && !s.evlog.busy());
        // Then idle: frames only while egui asks for them, as the app sits when the
        // user reads the preview (no mouse moving over the window to grow it).
        h.run_ok();
        let screen = h.ctx.content_rect();
        let window = h
            .query_all(egui_kittest::kittest::By::new().predicate(|n| {
                n.role() == egui::accesskit::Role::Window
                    && n.label().as_deref() == Some("Event log preview")
            }))
            .next()
            .map(|n| n.rect())
            .expect("the dialog's window");
        for label in ["Open as a new journey", "Cancel"] {
            let button = h.get_by_label(label).rect();
            assert!(
                window.expand(0.5).contains_rect(button),
                "{size:?}: {label} at {button:?} is not inside the window {window:?}"
            );
            assert!(
                screen.expand(0.5).contains_rect(button),
                "{size:?}: {label} at {button:?} is off the screen {screen:?}"
            );
        }
        // Clicking it opens the journey: the button is really reachable.
        h.get_by_label("Open as a new journey").click();
        h.run_ok();
        assert!(!h.state().evlog.is_open(), "{size:?}: the dialog closed");
    }
}

/// The progress window of a long read is titled in the user's language.
#[test]
fn the_progress_window_speaks_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let log = generated_log(dir.path(), 20_000);
    let mut state = AppState::with_journey(fixture());
    state.settings.language = Some(touchpoint::i18n::Lang::parse("zh-CN").unwrap());
    let mut h = harness(state);
    h.run_steps(2);
    let ctx = h.ctx.clone();
    h.state_mut().evlog.start(Some(ctx), &log);
    let started = Instant::now();
    let mut shown = false;
    while h.state().evlog.busy() && started.elapsed() < Duration::from_secs(30) {
        h.step();
        if h.query_by_label("正在处理").is_some() {
            shown = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(shown, "a progress window titled in Chinese");
    assert!(h.query_by_label("Working").is_none());
    h.get_by_label("取消").click();
    h.run_ok();
    assert!(!h.state().evlog.busy());
}

/// Escape closes the event-log preview and the table import preview as their Cancel
/// buttons do (nothing created), and an open dropdown takes the first Escape.
#[test]
fn escape_closes_the_event_log_and_the_import_previews_without_creating_anything() {
    let dir = tempfile::tempdir().unwrap();
    let log = generated_log(dir.path(), 200);
    let state = with_dialogs(AppState::with_journey(fixture()), Some(log.clone()), None);
    let mut h = harness(state);
    import_event_log(&mut h);
    wait_until(&mut h, 60, |s| s.evlog.preview.is_some() && !s.evlog.busy());
    h.run_steps(3);
    // A dropdown open in the preview: the first Escape closes only the dropdown.
    combo(&h, "department").click();
    h.run_ok();
    h.key_press(egui::Key::Escape);
    h.run_ok();
    assert!(
        h.state().evlog.is_open(),
        "the first Escape closes the dropdown only"
    );
    h.key_press(egui::Key::Escape);
    h.run_ok();
    assert!(!h.state().evlog.is_open(), "Escape closes the preview");
    assert_eq!(h.state().journey().title(), "Move address (fixture)");
    // The table import's preview (the same log read as a table) closes the same way.
    h.state_mut().queue_command(Command::Import);
    h.run_ok();
    wait_until(&mut h, 60, |s| s.import.is_open() && !s.import.busy());
    h.run_steps(2);
    h.key_press(egui::Key::Escape);
    h.run_ok();
    assert!(
        !h.state().import.is_open(),
        "Escape closes the import preview"
    );
    assert_eq!(h.state().journey().title(), "Move address (fixture)");
}
