//! Issue 14, items 5, 6 and 2: File > Export… and File > Import… in the app, files
//! dropped on the window, long work on a worker with a progress bar and Cancel, and the
//! handoff facts (labels, tooltip, route highlight) on the canvas.

use crate::common;
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use touchpoint::ui::{AppState, Command};

#[test]
fn export_dialog_writes_the_chosen_format_and_remembers_format_and_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("move.pdf");
    let state = with_dialogs(AppState::with_journey(fixture()), None, Some(out.clone()));
    let mut h = harness(state);
    h.state_mut().queue_command(Command::Export);
    h.run_ok();
    h.run_steps(4);
    // Every format of `touchpoint export` is offered.
    h.get_by_value("PNG image (.png)").click();
    h.run_ok();
    for f in [
        "SVG drawing (.svg)",
        "PDF document (.pdf)",
        "CSV tables (.csv)",
        "Markdown report (.md)",
        "HTML report (.html)",
        "Mermaid journey (.mmd)",
        "Graphviz DOT (.dot)",
    ] {
        assert!(h.query_by_label(f).is_some(), "{f} offered");
    }
    h.get_by_label("PDF document (.pdf)").click();
    h.run_ok();
    // PDF options: paper and pages; the map options: theme and gaps.
    for l in ["A3", "Fit on one page", "Dark", "Gap badges on the map"] {
        assert!(h.query_by_label(l).is_some(), "{l}");
    }
    h.get_by_label("A3").click();
    h.run_ok();
    // The preview of the map is drawn on a worker.
    wait_until(&mut h, 60, |s| s.export.preview_ready());
    h.get_by_label("Export…").click();
    h.run_ok();
    wait_until(&mut h, 120, |s| !s.export.busy());
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"));
    assert!(
        h.state().status.starts_with("Exported"),
        "{}",
        h.state().status
    );
    assert_eq!(h.state().settings.export_format.as_deref(), Some("pdf"));
    assert_eq!(
        h.state().settings.export_folder.as_deref(),
        Some(dir.path())
    );
}

#[test]
fn export_dialog_writes_the_whole_report_as_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    let state = with_dialogs(AppState::with_journey(fixture()), None, Some(out.clone()));
    let mut h = harness(state);
    h.state_mut().queue_command(Command::Export);
    h.run_ok();
    h.run_steps(4);
    h.get_by_value("PNG image (.png)").click();
    h.run_ok();
    h.get_by_label("PDF document (.pdf)").click();
    h.run_ok();
    h.get_by_label("Whole report (figures, gaps, matrix, departments, notes)")
        .click();
    h.run_ok();
    // The report can be compared with a to-be, as on the command line.
    assert!(h.query_by_label("Compare with a to-be journey:").is_some());
    wait_until(&mut h, 60, |s| s.export.preview_ready());
    h.get_by_label("Export…").click();
    h.run_ok();
    wait_until(&mut h, 120, |s| !s.export.busy());
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"));
    // A report, not the map alone: several pages and a link from each gap to the map.
    let pages = bytes.windows(11).filter(|w| w == b"/Type /Page").count();
    assert!(pages >= 3, "{pages} pages");
    assert!(bytes.windows(13).any(|w| w == b"/Subtype /Lin"));
}

const PHASE_STEP: &str = "Phase;Step;Team;Channel\n\
    Notify;Customer reports the move;Contact centre;phone\n\
    Notify;Identity check;Contact centre;phone\n\
    Stop old;Final meter read;Field operations;field visit\n\
    Stop old;;Billing;letter\n";

#[test]
fn import_previews_columns_problems_and_counts_and_meanings_can_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("steps.csv");
    std::fs::write(&csv, PHASE_STEP).unwrap();
    let state = with_dialogs(AppState::with_journey(fixture()), Some(csv.clone()), None);
    let mut h = harness(state);
    let before = h.state().journey().touchpoint_count();
    h.state_mut().queue_command(Command::Import);
    h.run_ok();
    wait_until(&mut h, 30, |s| {
        s.import.preview.is_some() && !s.import.busy()
    });
    h.run_steps(4);
    // Nothing is created before "Import".
    assert_eq!(h.state().journey().touchpoint_count(), before);
    h.get_by_label("3 touchpoints · 2 handoffs · 2 stages · 2 departments");
    h.get_by_label(
        "Assumed: column 2 \"Step\" is read as the touchpoint name, since column 1 \"Phase\" is already the stage",
    );
    h.get_by_label("line 5: a row without a name or an id; not imported");
    // Each column with its meaning, in a dropdown: ignore the Team column.
    h.get_by_label("Team");
    h.get_by_value("department").click();
    h.run_ok();
    h.get_by_label("(ignored)").click();
    h.run_ok();
    wait_until(&mut h, 30, |s| !s.import.busy());
    h.get_by_label("3 touchpoints · 2 handoffs · 2 stages · 0 departments");
    h.get_by_label("Import").click();
    h.run_ok();
    let s = h.state();
    assert_eq!(s.journey().touchpoint_count(), 3);
    assert_eq!(s.journey().departments().len(), 0);
    assert!(
        s.journey()
            .touchpoints()
            .any(|t| t.name == "Final meter read")
    );
    assert!(s.doc.is_dirty(), "an imported journey is not saved yet");
    assert!(!s.import.is_open());
    assert_eq!(s.settings.import_folder.as_deref(), Some(dir.path()));
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
        .push(Arc::new(Dropped(path.to_path_buf())));
    h.run_ok();
}

#[test]
fn dropping_a_journey_opens_it_and_dropping_a_csv_starts_its_import() {
    let dir = tempfile::tempdir().unwrap();
    let ron = dir.path().join("fixture.journey.ron");
    std::fs::write(&ron, touchpoint::io::to_ron_string(&fixture())).unwrap();
    let csv = dir.path().join("steps.csv");
    std::fs::write(&csv, PHASE_STEP).unwrap();

    let mut h = open(touchpoint::model::Journey::starter("Empty"));
    drop_file(&mut h, &ron);
    assert_eq!(h.state().journey().title(), "Move address (fixture)");
    assert_eq!(h.state().path.as_deref(), Some(ron.as_path()));

    drop_file(&mut h, &csv);
    wait_until(&mut h, 30, |s| {
        s.import.preview.is_some() && !s.import.busy()
    });
    h.get_by_label("3 touchpoints · 2 handoffs · 2 stages · 2 departments");
    assert_eq!(
        h.state().journey().title(),
        "Move address (fixture)",
        "nothing replaced yet"
    );
}

/// Item 6: a big PNG export runs on a worker: frames stay short, a progress bar with
/// Cancel shows, and Cancel writes nothing.
#[test]
fn a_long_export_runs_off_the_ui_thread_with_progress_and_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big.png");
    let journey = touchpoint::generate::generate(3_000, 7);
    let state = with_dialogs(AppState::with_journey(journey), None, Some(out.clone()));
    let mut h = harness(state);
    // The map of a journey this big is computed in the background: let it arrive and
    // be painted once, then time an idle frame on it, for comparison.
    let settle = Instant::now();
    while h.state().derived.updating() && settle.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    h.step();
    let t = Instant::now();
    h.step();
    let idle = t.elapsed();
    h.state_mut().queue_command(Command::Export);
    h.run_ok();
    h.state_mut().export.format = touchpoint::export::ExportFormat::Png;
    h.state_mut().export.scale = 2.0;
    h.run_ok();
    let started = Instant::now();
    h.get_by_label("Export…").click();
    h.step();
    assert!(h.state().export.busy(), "the export runs on a worker");
    // Frames while it runs (a 3,000-touchpoint PNG at scale 2 takes seconds in a test
    // build): as short as an idle frame (plus the dialog), not the export. The progress
    // bar shows after 100 ms.
    let mut worst = Duration::ZERO;
    let mut shown = false;
    while h.state().export.busy() && started.elapsed() < Duration::from_secs(20) {
        let t = Instant::now();
        h.step();
        worst = worst.max(t.elapsed());
        if h.query_by_label("Working").is_some() {
            shown = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(shown, "a progress window shows while the export runs");
    assert!(h.state().export.busy(), "still exporting");
    assert!(
        started.elapsed() >= Duration::from_millis(100),
        "no window flashes for quick work"
    );
    assert!(
        worst < idle * 4 + Duration::from_millis(150),
        "a frame took {worst:?} while exporting (idle {idle:?})"
    );
    h.get_by_label("Cancel").click();
    h.run_ok();
    assert!(!h.state().export.busy());
    assert_eq!(h.state().status, "Export cancelled; nothing written");
    std::thread::sleep(Duration::from_millis(200));
    assert!(!out.exists(), "nothing written after Cancel");
}

/// A screen point on the drawn line of handoff `from -> to`, away from any card.
fn point_on_edge(h: &Harness<'_, AppState>, from: &str, to: &str) -> egui::Pos2 {
    use touchpoint::scene::Item;
    let s = h.state();
    let key = touchpoint::model::HandoffKey {
        from: touchpoint::model::TouchpointId::new(from),
        to: touchpoint::model::TouchpointId::new(to),
    };
    let e = s.derived.scene.edge(&key).expect("edge drawn");
    for it in &e.items {
        if let Item::Line { points, .. } = it {
            for w in points.windows(2) {
                for t in [0.5f32, 0.3, 0.7, 0.15, 0.85] {
                    let (x, y) = (
                        w[0].0 + (w[1].0 - w[0].0) * t,
                        w[0].1 + (w[1].1 - w[0].1) * t,
                    );
                    if s.derived.layout.card_at(x, y).is_none() {
                        return s.camera.to_screen(x, y);
                    }
                }
            }
        }
    }
    panic!("no free point on the edge");
}

/// Item 2: queue time, failure rate and DROP labels are painted on the canvas (with level
/// of detail), hovering an arrow shows its facts and highlights its route.
#[test]
fn handoff_labels_are_painted_and_hovering_an_arrow_explains_it() {
    let mut j = fixture();
    let key = touchpoint::model::HandoffKey {
        from: touchpoint::model::TouchpointId::new("order-to-billing"),
        to: touchpoint::model::TouchpointId::new("final-read"),
    };
    let mut hf = j.handoff(&key).unwrap().clone();
    hf.failure_rate = Some(0.12);
    hf.label = "address details".into();
    j.update_handoff(hf).unwrap();
    let mut h = open(j);
    // At the initial zoom the queue-time and failure labels carry readable text.
    assert!(
        h.state().canvas.painted_label_texts > 0,
        "the queue-time labels are painted on the canvas"
    );
    assert!(
        h.state().canvas.label_min_px >= 11.0,
        "label text {} px at the initial zoom",
        h.state().canvas.label_min_px
    );
    // Zoomed out to 47% (a whole large map) they are still readable (short form).
    h.state_mut().camera.zoom_to(0.47);
    h.run_ok();
    h.run_steps(2);
    assert!(h.state().canvas.painted_label_texts > 0);
    assert!(h.state().canvas.label_min_px >= 11.0);
    h.state_mut().queue_command(Command::ZoomReset);
    h.run_ok();
    h.run_steps(2);
    assert!(h.state().canvas.painted_label_texts > 0);
    assert!(h.state().canvas.label_min_px >= 11.0);
    // Zoomed far out the label text gives way (level of detail); the pills stay.
    let at_100 = h.state().canvas.painted_label_texts;
    for _ in 0..12 {
        h.state_mut().queue_command(Command::ZoomOut);
    }
    h.run_ok();
    h.run_steps(2);
    assert!(
        h.state().canvas.painted_label_texts < at_100,
        "{} label texts at zoom {}, {at_100} at 100%",
        h.state().canvas.painted_label_texts,
        h.state().camera.zoom
    );
    assert!(
        h.state().canvas.painted_labels > 0,
        "the pills stay as shapes"
    );
    h.state_mut().queue_command(Command::ZoomReset);
    h.run_ok();
    h.run_steps(2);

    let p = point_on_edge(&h, "order-to-billing", "final-read");
    h.hover_at(p);
    h.run_ok();
    h.run_steps(2);
    assert_eq!(h.state().canvas.hovered_handoff.as_ref(), Some(&key));
    assert_eq!(h.state().canvas.highlighted, vec![key.clone()]);
    h.get_by_label("From: Move order passed to Billing (Billing)");
    h.get_by_label("To: Final meter read (Field operations)");
    h.get_by_label("Queue: 2 days");
    h.get_by_label("Failure rate: 12%");
    h.get_by_label("Label: address details");

    // Selecting a handoff highlights its whole route too, without the pointer on it.
    h.hover_at(egui::pos2(5.0, 5.0));
    h.state_mut()
        .queue(touchpoint::ui::Action::SelectHandoff(key.clone()));
    h.run_ok();
    h.run_steps(2);
    assert_eq!(h.state().canvas.hovered_handoff, None);
    assert_eq!(h.state().canvas.highlighted, vec![key]);
}

#[test]
fn short_handoff_labels_keep_the_figures() {
    use touchpoint::ui::scene_paint::short_label;
    assert_eq!(short_label("48 h, 12% fail"), "48h·12%");
    assert_eq!(short_label("2.5 d"), "2.5d");
    assert_eq!(short_label("30 min"), "30m");
    assert_eq!(short_label("2 days, 18% fail"), "2d·18%");
    assert_eq!(short_label("1 day"), "1d");
}

/// Issue #18 (and item 5): an Excel workbook dropped on the window is previewed like its
/// CSV: the same counts.
#[test]
fn dropping_an_xlsx_workbook_previews_its_first_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steps.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in PHASE_STEP.lines().enumerate() {
        for (c, cell) in line.trim().split(';').enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    book.save(&path).unwrap();
    let mut h = open(touchpoint::model::Journey::starter("Empty"));
    drop_file(&mut h, &path);
    wait_until(&mut h, 30, |s| {
        s.import.preview.is_some() && !s.import.busy()
    });
    h.get_by_label("3 touchpoints · 2 handoffs · 2 stages · 2 departments");
}
