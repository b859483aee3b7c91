//! Issue 18 in the app: File > Import feedback… (preview with columns, scale, merge or
//! replace, unmatched rows and the cards whose scores change, on a worker with progress
//! and Cancel), applied as one undoable edit; the inspector's voice of the customer
//! (source, NPS, themes with quotes, trend chart, "getting worse"); the cards' trend
//! marks in the canvas and the exports; hostile comment text in the app and every export.

use crate::common;
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use touchpoint::evidence::scale::Scale;
use touchpoint::model::{Journey, SourceKind, TouchpointId};
use touchpoint::scene::{Item, Theme};
use touchpoint::ui::action::{Action, AfterGuard};
use touchpoint::ui::dialogs::FixedDialogs;
use touchpoint::ui::{AppState, Command};

/// A comment no export or view may interpret: HTML, Markdown, a right-to-left override
/// and a very long word.
fn hostile() -> String {
    format!(
        "<script>alert(1)</script> **bold** [x](y) | \u{202E}evil ordering {}",
        "y".repeat(300)
    )
}

/// Survey answers for the move-address sample on a 1-5 scale: two unmatched rows (lines
/// 2 and 3), the final read falling from 4 (January) to 2 (March), the identity check a
/// steady 5, and three hostile comments on the status call.
fn answers() -> String {
    let mut s = String::from("touchpoint,score,comment,date\n");
    s.push_str("Nowhere step,3,\"lost\",2026-01-10\n");
    s.push_str(",4,\"no touchpoint here\",2026-01-11\n");
    for i in 0..40 {
        let c = if i % 2 == 0 {
            "technician was late for the appointment"
        } else {
            "the meter reader came late, technician rude"
        };
        let _ = writeln!(s, "final-read,4,\"{c}\",2026-01-{:02}", 1 + i % 28);
    }
    for i in 0..40 {
        let c = if i % 2 == 0 {
            "technician never came, appointment missed"
        } else {
            "waited all day, the technician was late again"
        };
        let _ = writeln!(s, "final-read,2,\"{c}\",2026-03-{:02}", 1 + i % 28);
    }
    for i in 0..60 {
        let month = if i < 30 { 1 } else { 3 };
        let _ = writeln!(
            s,
            "Identity and account check,5,\"quick friendly agent\",2026-{month:02}-{:02}",
            1 + i % 28
        );
    }
    for _ in 0..3 {
        let _ = writeln!(
            s,
            "status-call,1,\"{}\",2026-02-02",
            hostile().replace('"', "\"\"")
        );
    }
    s
}

fn previewed(s: &AppState) -> bool {
    s.feedback.preview.is_some() && !s.feedback.busy()
}

fn tp(j: &Journey, id: &str) -> touchpoint::model::Touchpoint {
    j.touchpoint(&TouchpointId::new(id)).unwrap().clone()
}

/// The sample opened with the command, answers waiting in `dir`.
fn sample_with_answers(dir: &Path) -> (Harness<'static, AppState>, PathBuf) {
    let csv = dir.join("answers.csv");
    std::fs::write(&csv, answers()).unwrap();
    let mut state = AppState::with_journey(fixture());
    state.file_dialogs = Box::new(FixedDialogs {
        open: Some(csv.clone()),
        save: None,
    });
    let mut h = harness(state);
    h.state_mut().queue_command(Command::OpenSample);
    h.run_ok();
    assert!(
        h.state()
            .journey()
            .touchpoint(&TouchpointId::new("final-read"))
            .is_some()
    );
    (h, csv)
}

fn is_trend_mark(i: &Item) -> bool {
    matches!(i, Item::Line { arrow_end: true, points, .. } if points.len() == 2)
}

fn trend_mark_color(s: &AppState, id: &str) -> Option<touchpoint::scene::Color> {
    let card = s.derived.scene.cards.iter().find(|c| c.id.0 == id)?;
    card.items.iter().find_map(|i| match i {
        Item::Line {
            arrow_end: true,
            color,
            points,
            ..
        } if points.len() == 2 => Some(*color),
        _ => None,
    })
}

#[test]
fn feedback_import_previews_changes_scale_applies_as_one_edit_and_undo_restores_every_score() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = sample_with_answers(dir.path());
    let before: Vec<_> = h.state().journey().touchpoints().cloned().collect();
    // File > Import > Survey answers…
    file_import(&mut h, "Survey answers (feedback)…");
    wait_until(&mut h, 60, previewed);
    h.run_steps(2);
    // Nothing changes before "Apply".
    assert!(!h.state().doc.is_dirty());
    h.get_by_label("Import survey answers");
    h.get_by_label("145 rows · 143 matched · 2 unmatched · 3 cards scored");
    // Unmatched rows with file:line and the value.
    h.get_by_label("answers.csv:2: \u{201c}Nowhere step\u{201d}");
    h.get_by_label("answers.csv:3: (no touchpoint)");
    // The columns found, each changeable.
    for (field, column) in [
        ("Touchpoint", "touchpoint"),
        ("Score", "score"),
        ("Comment", "comment"),
        ("Date", "date"),
    ] {
        assert!(h.query_all_by_label(field).count() >= 1, "{field}");
        h.get_by_value(column);
    }
    // Each column with the value of the first row under the header.
    h.get_by_label("Nowhere step");
    h.get_by_label("2026-01-10");
    assert_eq!(
        h.query_all_by_value("(none)").count(),
        3,
        "channel, segment, respondent"
    );
    // The scale was detected; the cards whose scores change are listed (old and new mean).
    h.get_by_value("1-5 (detected)");
    h.get_by_label("3 cards whose scores change");
    h.get_by_label("Mean now");
    h.get_by_label("Mean after");
    let name = "Final meter read at the old address";
    assert!(h.query_all_by_label(name).count() >= 1);
    {
        let p = h.state().feedback.preview.as_ref().unwrap();
        let fr = p
            .feedback
            .touchpoints
            .iter()
            .find(|t| t.id.0 == "final-read")
            .unwrap();
        assert_eq!(fr.responses, 80);
        assert!(
            (fr.mean - 5.0).abs() < 1e-9,
            "1-5 answers 4 and 2 are 7.5 and 2.5"
        );
        assert_eq!(p.feedback.unmatched.len(), 2);
    }
    h.get_by_label("10.0"); // the identity check's 5s on 1-5
    // Change the scale: read again on a worker, the list follows.
    h.get_by_value("1-5 (detected)").click();
    h.run_ok();
    h.get_by_label("0-10").click();
    h.run_ok();
    wait_until(&mut h, 60, previewed);
    h.run_steps(2);
    h.get_by_value("0-10");
    {
        let p = h.state().feedback.preview.as_ref().unwrap();
        assert_eq!(p.feedback.scales[0].scale, Scale::ZeroToTen);
        let fr = p
            .feedback
            .touchpoints
            .iter()
            .find(|t| t.id.0 == "final-read")
            .unwrap();
        assert!((fr.mean - 3.0).abs() < 1e-9);
        assert_eq!(fr.nps, Some(-100.0));
    }
    assert!(
        h.query_by_label("10.0").is_none(),
        "the old figures are gone"
    );
    assert!(h.query_all_by_label("3.0").count() >= 1);
    assert!(
        h.query_all_by_label("-100").count() >= 2,
        "NPS beside the means"
    );
    // Merge and replace, week / month / quarter are offered.
    for l in ["Replace", "Merge", "week", "month", "quarter"] {
        assert!(h.query_all_by_label(l).count() >= 1, "{l}");
    }
    h.get_by_label("Apply to the map").click();
    h.run_ok();
    h.run_steps(2);
    let s = h.state();
    assert!(!s.feedback.is_open());
    assert!(s.doc.is_dirty());
    let fr = tp(s.journey(), "final-read");
    assert!((fr.mean_score().unwrap() - 3.0).abs() < 1e-9);
    assert_eq!(fr.satisfaction_source.kind, SourceKind::Survey);
    assert_eq!(fr.satisfaction_source.file.as_deref(), Some("answers.csv"));
    assert_eq!(fr.satisfaction_source.count, Some(80));
    assert!(!fr.themes.is_empty());
    assert_eq!(fr.trend.len(), 2);
    let ic = tp(s.journey(), "identity-check");
    assert!((ic.mean_score().unwrap() - 5.0).abs() < 1e-9);
    // The card carries a trend mark in the bad colour; the gap panel lists the gap.
    let color = trend_mark_color(s, "final-read").expect("a trend mark on the card");
    assert!(color == Theme::Light.palette().bad || color == Theme::Dark.palette().bad);
    assert!(trend_mark_color(s, "report-move").is_none());
    assert!(
        s.derived
            .analysis
            .as_ref()
            .unwrap()
            .gaps
            .iter()
            .any(|g| g.kind == touchpoint::analysis::GapKind::GettingWorse)
    );
    let gap = "getting worse, mean 4.0 in 2026-01";
    h.get_by_label_contains(gap).scroll_to_me();
    h.run_ok();
    h.get_by_label_contains(gap).click();
    h.run_ok();
    assert_eq!(selected(&h), vec!["final-read".to_string()]);
    // One Ctrl+Z restores every score, source, theme and trend.
    press_mod(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    let after: Vec<_> = h.state().journey().touchpoints().cloned().collect();
    assert_eq!(after, before, "one undo restores every card");
    assert!(trend_mark_color(h.state(), "final-read").is_none());
    press_mod(&mut h, egui::Modifiers::COMMAND, egui::Key::Y);
    assert!((tp(h.state().journey(), "final-read").mean_score().unwrap() - 3.0).abs() < 1e-9);
}

#[test]
fn the_inspector_shows_source_nps_themes_quotes_and_the_trend_and_nothing_stale_after_another_journey()
 {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, csv) = sample_with_answers(dir.path());
    h.state_mut().queue_command(Command::ImportFeedback);
    h.run_ok();
    wait_until(&mut h, 60, previewed);
    h.get_by_value("1-5 (detected)").click();
    h.run_ok();
    h.get_by_label("0-10").click();
    h.run_ok();
    wait_until(&mut h, 60, previewed);
    h.get_by_label("Apply to the map").click();
    h.run_ok();
    h.state_mut()
        .queue(Action::Focus(vec![TouchpointId::new("final-read")]));
    h.run_ok();
    h.run_steps(2);
    h.get_by_label("Voice of the customer");
    h.get_by_label_contains("Score from: survey");
    h.get_by_label_contains("Score from: survey, answers.csv, 2026-01-01 to 2026-03-28");
    h.get_by_label("Mean 3.0 · NPS -100");
    h.get_by_label("Getting worse: 4.0 in 2026-01, 2.0 in 2026-03");
    h.get_by_label("Trend chart: mean per period and responses");
    h.get_by_label("2026-01: 4.0 (40 answers)");
    h.get_by_label("2026-03: 2.0 (40 answers)");
    h.get_by_label("Themes of the comments");
    assert!(
        h.query_all_by_label_contains("technician").count() >= 2,
        "terms and quotes"
    );
    assert!(
        h.query_all_by_label_contains("comments · 100% from detractors")
            .count()
            >= 1
    );
    // Hostile comments are plain text, without the bidi override, cut with an ellipsis.
    h.state_mut()
        .queue(Action::Focus(vec![TouchpointId::new("status-call")]));
    h.run_ok();
    h.run_steps(2);
    let q = "<script>alert(1)</script> **bold** [x](y) |";
    h.get_by_label_contains(q).scroll_to_me();
    h.run_ok();
    let shown = {
        let quote = h.get_by_label_contains(q);
        quote.hover();
        let a = quote.accesskit_node();
        a.label().or_else(|| a.value()).unwrap_or_default()
    };
    assert!(!shown.contains('\u{202E}'), "{shown:?}");
    assert!(shown.contains("evil ordering"));
    assert!(
        shown.ends_with("…\u{201d}"),
        "a long quote is cut: {shown:?}"
    );
    assert!(shown.chars().count() < 160);
    // Whole on hover.
    let t = Instant::now();
    while h.query_all_by_label_contains(&"y".repeat(200)).count() == 0
        && t.elapsed() < Duration::from_secs(5)
    {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    assert!(
        h.query_all_by_label_contains(&"y".repeat(200)).count() >= 1,
        "the whole quote on hover"
    );
    // A card typed by hand says so.
    h.state_mut()
        .queue(Action::Focus(vec![TouchpointId::new("report-move")]));
    h.run_ok();
    h.run_steps(2);
    h.get_by_label_contains("typed by hand");
    h.get_by_label("No survey answers yet (File > Import > Survey answers…)");
    // A preview open for this journey closes when another one is opened.
    h.state_mut().queue_command(Command::ImportFeedback);
    h.run_ok();
    wait_until(&mut h, 60, previewed);
    assert!(h.state().feedback.is_open());
    let other = dir.path().join("other.journey.ron");
    std::fs::write(&other, touchpoint::io::to_ron_string(&fixture())).unwrap();
    h.state_mut()
        .queue(Action::Proceed(AfterGuard::Open(Some(other.clone()))));
    h.run_ok();
    h.run_steps(2);
    let s = h.state();
    assert_eq!(s.journey().title(), "Move address (fixture)");
    assert!(!s.feedback.is_open(), "no stale preview");
    assert!(h.query_by_label("Import survey answers").is_none());
    assert!(
        s.derived
            .scene
            .cards
            .iter()
            .all(|c| !c.items.iter().any(is_trend_mark)),
        "no stale trend marks"
    );
    h.state_mut()
        .queue(Action::Focus(vec![TouchpointId::new("final-read")]));
    h.run_ok();
    h.run_steps(2);
    assert!(h.query_by_label("Themes of the comments").is_none());
    assert!(h.query_by_label_contains("Getting worse").is_none());
    h.get_by_label("No survey answers yet (File > Import > Survey answers…)");
    drop(csv);
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

#[test]
fn dropped_survey_answers_open_the_feedback_preview_and_a_journey_table_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, csv) = sample_with_answers(dir.path());
    h.input_mut().dropped_files.push(Arc::new(Dropped(csv)));
    h.run_ok();
    wait_until(&mut h, 60, previewed);
    h.get_by_label("Import survey answers");
    assert!(!h.state().import.is_open());
    h.get_by_label("Cancel").click();
    h.run_ok();
    assert!(!h.state().feedback.is_open());
    // A table of steps is not survey answers: the journey import takes it.
    let steps = dir.path().join("steps.csv");
    std::fs::write(
        &steps,
        "name,stage,owner\nCall us,notify,billing\nWrite,notify,billing\n",
    )
    .unwrap();
    h.input_mut().dropped_files.push(Arc::new(Dropped(steps)));
    h.run_ok();
    wait_until(&mut h, 60, |s| {
        s.import.preview.is_some() && !s.import.busy()
    });
    assert!(!h.state().feedback.is_open());
}

/// Many answers read on a worker: frames stay short, the dialog shows a progress bar,
/// Cancel stops it and changes nothing.
#[test]
fn a_long_feedback_import_runs_off_the_ui_thread_with_progress_and_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("many.csv");
    let mut s = String::from("touchpoint,score,comment,date\n");
    let ids = ["final-read", "identity-check", "report-move", "status-call"];
    for i in 0..400_000usize {
        let _ = writeln!(
            s,
            "{},{},\"comment number {} about the visit and the bill\",2026-{:02}-{:02}",
            ids[i % 4],
            i % 11,
            i % 97,
            1 + i % 12,
            1 + i % 28
        );
    }
    std::fs::write(&csv, s).unwrap();
    let mut state = AppState::with_journey(touchpoint::samples::move_address().unwrap());
    state.file_dialogs = Box::new(FixedDialogs {
        open: Some(csv),
        save: None,
    });
    let mut h = harness(state);
    h.step();
    h.step();
    let t = Instant::now();
    h.step();
    let idle = t.elapsed();
    let revision = h.state().doc.version();
    h.state_mut().queue_command(Command::ImportFeedback);
    h.step();
    assert!(
        h.state().feedback.busy(),
        "the answers are read on a worker"
    );
    let started = Instant::now();
    let mut worst = Duration::ZERO;
    while started.elapsed() < Duration::from_millis(600) && h.state().feedback.busy() {
        let t = Instant::now();
        h.step();
        worst = worst.max(t.elapsed());
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(h.state().feedback.busy(), "still reading");
    assert!(
        worst < idle * 4 + Duration::from_millis(150),
        "a frame took {worst:?} while reading (idle {idle:?})"
    );
    h.get_by_label_contains("Reading the answers in many.csv");
    assert!(h.query_all_by_role(egui::Role::ProgressIndicator).count() >= 1);
    h.get_by_label("Cancel").click();
    h.run_ok();
    let s = h.state();
    assert!(!s.feedback.busy() && !s.feedback.is_open());
    assert_eq!(s.status, "Feedback import cancelled; nothing changed");
    assert_eq!(s.doc.version(), revision, "nothing changed");
}

/// The trend marks and the themes with quotes in every export; hostile comment text
/// escaped in each (SVG, HTML, Markdown) and plain in the PDF report.
#[test]
fn exports_show_trend_marks_themes_and_quotes_with_hostile_text_escaped() {
    use touchpoint::evidence::feedback::{Mode, Options, read_feedback};
    use touchpoint::evidence::table::TableReader;
    use touchpoint::export::{ExportFormat, ExportOptions, export};
    let mut j = touchpoint::samples::move_address().unwrap();
    let reader = TableReader::from_bytes("answers.csv", answers().into_bytes(), None).unwrap();
    let options = Options {
        scale: Some(Scale::ZeroToTen),
        ..Options::default()
    };
    let f = read_feedback(&j, vec![reader], &options);
    assert!(f.apply(&mut j, Mode::Replace) >= 3);
    let lang = touchpoint::i18n::Lang::english();
    let run = |format: ExportFormat, report: bool| -> String {
        let mut o = ExportOptions::new(format);
        o.report = report;
        o.lang = lang.clone();
        let a = export(&j, &o).unwrap();
        String::from_utf8_lossy(&a[0].bytes).into_owned()
    };
    let svg = run(ExportFormat::Svg, false);
    assert!(svg.contains("survey trend getting worse"), "legend entry");
    assert!(svg.contains("survey trend steady"));
    for (name, body) in [
        ("html", run(ExportFormat::Html, false)),
        ("md", run(ExportFormat::Markdown, false)),
    ] {
        assert!(body.contains("Voice of the customer"), "{name}");
        assert!(body.contains("technician"), "{name}: themes");
        assert!(!body.contains("<script>"), "{name}: escaped");
        assert!(!body.contains('\u{202E}'), "{name}: no bidi override");
        assert!(body.contains("alert(1)"), "{name}: the quote is there");
    }
    let md = run(ExportFormat::Markdown, false);
    assert!(
        !md.contains("**bold**") && !md.contains("[x](y)"),
        "markdown neutralised"
    );
    let html = run(ExportFormat::Html, false);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The PDF report: the quotes as plain text, read back with pdftotext when installed.
    let mut o = ExportOptions::new(ExportFormat::Pdf);
    o.report = true;
    o.lang = lang.clone();
    let pdf = export(&j, &o).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, &pdf[0].bytes).unwrap();
    if let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Voice of the customer"));
        assert!(text.contains("technician"));
        assert!(text.contains("ordering"), "the hostile quote reads as text");
        assert!(!text.contains('\u{202E}'));
    }
}

/// An Excel workbook of the same answers reads as its CSV does, and the whole dialog and
/// the inspector speak Chinese when the app does.
#[test]
fn an_xlsx_of_answers_previews_like_its_csv_and_everything_reads_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let text = answers();
    let mut rows = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    for (r, rec) in rows.records().enumerate() {
        for (c, cell) in rec.unwrap().iter().enumerate() {
            if r > 0 && c == 1 && !cell.is_empty() {
                sheet
                    .write_number(r as u32, c as u16, cell.parse::<f64>().unwrap())
                    .unwrap();
            } else if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    book.save(&path).unwrap();
    let mut state = AppState::with_journey(touchpoint::samples::move_address().unwrap());
    state.settings.language = Some(touchpoint::i18n::Lang::parse("zh-CN").unwrap());
    state.file_dialogs = Box::new(FixedDialogs {
        open: Some(path),
        save: None,
    });
    let mut h = harness(state);
    h.state_mut().queue_command(Command::ImportFeedback);
    h.run_ok();
    wait_until(&mut h, 60, previewed);
    h.run_steps(2);
    h.get_by_label("导入调查回答");
    h.get_by_label("145 行 · 143 行匹配 · 2 行未匹配 · 3 张卡片有评分");
    h.get_by_label("answers.xlsx:2: \u{201c}Nowhere step\u{201d}");
    h.get_by_value("1-5 分（自动识别）");
    h.get_by_label("3 张卡片的评分会改变");
    h.get_by_label("应用到地图").click();
    h.run_ok();
    h.state_mut()
        .queue(Action::Focus(vec![TouchpointId::new("final-read")]));
    h.run_ok();
    h.run_steps(2);
    h.get_by_label("客户之声");
    h.get_by_label("评论主题");
    h.get_by_label("持续恶化：2026-01 为 7.5，2026-03 为 2.5");
    let fr = tp(h.state().journey(), "final-read");
    assert_eq!(fr.satisfaction_source.file.as_deref(), Some("answers.xlsx"));
    assert_eq!(fr.satisfaction_source.count, Some(80));
}

/// The reading behind the dialog reports how far it is (reading, then themes) and stops
/// as soon as it is told to.
#[test]
fn reading_answers_reports_progress_and_stops_when_cancelled() {
    use std::cell::{Cell, RefCell};
    use touchpoint::evidence::feedback::{Options, read_feedback_with};
    use touchpoint::evidence::table::TableReader;
    let j = touchpoint::samples::move_address().unwrap();
    let mut text = String::from("touchpoint,score,comment\n");
    for i in 0..60_000usize {
        let id = ["final-read", "identity-check", "report-move"][i % 3];
        let _ = writeln!(
            text,
            "{id},{},\"late engineer {} and a wrong bill\"",
            i % 11,
            i % 50
        );
    }
    let bytes = text.into_bytes();
    let seen = RefCell::new(Vec::new());
    let watch = |f: f32| {
        seen.borrow_mut().push(f);
        true
    };
    let reader = TableReader::from_bytes("a.csv", bytes.clone(), None).unwrap();
    let f = read_feedback_with(&j, vec![reader], &Options::default(), &watch).unwrap();
    assert_eq!(f.rows, 60_000);
    let seen = seen.into_inner();
    assert!(seen.len() > 10, "{} reports", seen.len());
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1] + 1e-6),
        "never goes back"
    );
    assert!(seen.iter().all(|f| (0.0..=1.0).contains(f)));
    assert!(
        seen.iter().any(|f| *f > 0.1 && *f < 0.8),
        "reading moves the bar"
    );
    // Told to stop: it stops.
    let calls = Cell::new(0);
    let stop = |_: f32| {
        calls.set(calls.get() + 1);
        calls.get() < 3
    };
    let reader = TableReader::from_bytes("a.csv", bytes, None).unwrap();
    assert!(read_feedback_with(&j, vec![reader], &Options::default(), &stop).is_err());
    assert_eq!(calls.get(), 3, "no work after the answer to stop");
}

#[test]
fn trend_marks_say_worse_falling_steady_or_rising() {
    use touchpoint::model::TrendPoint;
    use touchpoint::scene::TrendMark;
    let t = |a: f64, na: u64, b: f64, nb: u64| {
        vec![
            TrendPoint {
                period: "2026-01".into(),
                mean: a,
                responses: na,
            },
            TrendPoint {
                period: "2026-02".into(),
                mean: b,
                responses: nb,
            },
        ]
    };
    assert_eq!(TrendMark::of(&t(8.0, 40, 6.5, 40)), Some(TrendMark::Worse));
    assert_eq!(
        TrendMark::of(&t(8.0, 10, 6.5, 10)),
        Some(TrendMark::Falling),
        "few answers"
    );
    assert_eq!(
        TrendMark::of(&t(8.0, 40, 7.2, 40)),
        Some(TrendMark::Falling)
    );
    assert_eq!(TrendMark::of(&t(8.0, 40, 8.3, 40)), Some(TrendMark::Steady));
    assert_eq!(TrendMark::of(&t(6.0, 40, 7.0, 40)), Some(TrendMark::Rising));
    assert_eq!(
        TrendMark::of(&t(6.0, 40, f64::NAN, 40)),
        Some(TrendMark::Steady)
    );
    assert_eq!(TrendMark::of(&t(6.0, 40, 7.0, 40)[..1]), None, "one period");
    assert_eq!(
        touchpoint::scene::clean_text("a\u{202E}b\u{2066}c\u{2069}\u{202C}d\n"),
        "abcd"
    );
}

/// Escape closes the survey-answer preview as its Cancel button does: no score changes.
#[test]
fn escape_closes_the_feedback_preview_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = sample_with_answers(dir.path());
    let before: Vec<_> = h.state().journey().touchpoints().cloned().collect();
    h.state_mut().queue_command(Command::ImportFeedback);
    h.run_ok();
    wait_until(&mut h, 60, previewed);
    h.run_steps(2);
    assert!(h.state().feedback.is_open());
    h.key_press(egui::Key::Escape);
    h.run_ok();
    assert!(!h.state().feedback.is_open(), "Escape closes the preview");
    let after: Vec<_> = h.state().journey().touchpoints().cloned().collect();
    assert_eq!(before, after);
    assert!(!h.state().doc.is_dirty());
}
