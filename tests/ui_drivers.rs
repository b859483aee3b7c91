//! Issue 19 in the app: the Drivers view (fit generated answers with a known model,
//! the top driver ranked first and in the "act here" quadrant, a click on its point
//! selects its card), the Scenario panel (drag a target, the predicted overall score
//! moves; save, reopen, listed; another journey leaves nothing behind), and the
//! chart's exports (SVG parsed back, PNG and PDF valid) from the command line and in
//! the reports.

use crate::common;
use common::*;
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use std::path::Path;
use std::process::Command as Process;
use touchpoint::evidence::drivers::Quadrant;
use touchpoint::generate::Rng;
use touchpoint::model::{Journey, TouchpointId};
use touchpoint::ui::dialogs::FixedDialogs;
use touchpoint::ui::{AppState, Command};

/// Answers on six touchpoints of `j` with a known model: overall = 1 + 0.6 x TOP +
/// 0.15 x SECOND + 0.05 x the others + noise; TOP is scored low (0-6) and the others
/// high (3-10), so TOP is the most important and has a low score: act here.
/// Returns the CSV, the top driver's id and name, and the true overall coefficient.
fn answers(j: &Journey, n: usize) -> (String, String, String) {
    let ids: Vec<(String, String)> = j
        .touchpoints()
        .take(6)
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect();
    let (top, top_name) = ids[2].clone();
    let mut rng = Rng::new(19);
    let mut s = String::from("respondent");
    for (id, _) in &ids {
        s.push(',');
        s.push_str(id);
    }
    s.push_str(",overall,renewed\n");
    for i in 0..n {
        let scores: Vec<f64> = (0..ids.len())
            .map(|k| {
                if k == 2 {
                    rng.below(7) as f64
                } else {
                    3.0 + rng.below(8) as f64
                }
            })
            .collect();
        let others: f64 = scores
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != 2 && *k != 3)
            .map(|(_, v)| v)
            .sum();
        let noise = rng.unit() - 0.5;
        let overall =
            (1.0 + 0.6 * scores[2] + 0.15 * scores[3] + 0.05 * others + noise).clamp(0.0, 10.0);
        let p = 1.0 / (1.0 + (-(scores[2] - 3.0) * 0.8).exp());
        let renewed = if rng.unit() < p { "yes" } else { "no" };
        s.push_str(&format!("r{i}"));
        for v in &scores {
            s.push_str(&format!(",{v}"));
        }
        s.push_str(&format!(",{},{renewed}\n", overall.round()));
    }
    (s, top, top_name)
}

fn click_at(h: &mut Harness<'_, AppState>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run_ok();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_ok();
}

#[test]
fn drivers_view_fits_ranks_selects_and_a_scenario_is_saved_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let journey = touchpoint::samples::move_address().unwrap();
    let (csv, top, top_name) = answers(&journey, 900);
    let csv_path = dir.path().join("survey.csv");
    std::fs::write(&csv_path, csv).unwrap();
    let mut state = AppState::with_journey(journey);
    state.file_dialogs = Box::new(FixedDialogs {
        open: Some(csv_path.clone()),
        save: None,
    });
    let mut h = harness(state);
    h.state_mut().queue_command(Command::KeyDrivers);
    h.run_ok();
    h.run_steps(2);
    assert!(h.query_by_label("Key drivers").is_some(), "the view opens");

    // Choose the file: the analysis runs on a worker, then the results are listed.
    h.get_by_label("Choose file…").click();
    h.run_ok();
    wait_until(&mut h, 60, |s| {
        s.drivers.fit.is_some() && !s.drivers.fitting()
    });
    h.run_steps(3);
    {
        let fit = h.state().drivers.fit.as_ref().unwrap();
        let m =
            fit.drivers.report.overall.as_ref().unwrap_or_else(|| {
                panic!("{:?} {:?}", fit.drivers.report.notes, fit.problems.first())
            });
        assert_eq!(
            m.drivers[0].touchpoint, top,
            "the top driver is ranked first"
        );
        assert_eq!(m.drivers[0].quadrant, Quadrant::Act);
        assert!(m.r2 > 0.5, "R² {}", m.r2);
        assert!(fit.drivers.report.outcome.is_some(), "the outcome is found");
    }
    // The summary with R² and respondents used is on screen; the columns were found.
    assert!(
        h.query_by_label_contains("Overall score (overall): R²")
            .is_some_and(|n| format!("{n:?}").contains("900 of 900 respondents used"))
    );
    assert!(h.query_by_value("overall (found)").is_some());
    // The results are in the journey, as one undoable edit (the key-driver gaps).
    let kd = h.state().journey().meta().drivers.clone().expect("saved");
    assert_eq!(kd.source, "survey.csv");
    assert!(
        h.state()
            .derived
            .analysis
            .as_ref()
            .is_some_and(|a| a.headline.key_drivers >= 1)
    );
    // The chart: the top driver is a labelled point in the "act here" quadrant.
    let chart = h.state().drivers.chart().expect("chart").clone();
    let labels = touchpoint::ui::drivers_view::chart_labels(&chart);
    assert!(
        labels
            .iter()
            .any(|l| top_name.starts_with(l.trim_end_matches('…')))
    );
    // A click on its point selects its card on the map.
    let pos = h.state().drivers.point_at(&top).expect("point painted");
    click_at(&mut h, pos);
    assert_eq!(selected(&h), vec![top.clone()]);

    // The Scenario panel: drag the top driver's target up; the prediction follows.
    h.get_by_label("Scenario panel…").click();
    h.run_ok();
    h.state_mut().drivers.open = false;
    h.run_steps(2);
    let rect = h.get(By::new().label(&top_name).role(Role::Slider)).rect();
    drag(
        &mut h,
        egui::pos2(rect.left() + 2.0, rect.center().y),
        egui::pos2(rect.right() + 40.0, rect.center().y),
    );
    wait_until(&mut h, 30, |s| {
        let sc = &s.drivers.scenario;
        !sc.updating() && sc.result.is_some() && !sc.changes.is_empty()
    });
    let (before, after) = {
        let r = &h.state().drivers.scenario.result.as_ref().unwrap().result;
        (r.overall_before.unwrap(), r.overall_after.unwrap())
    };
    let mean = h
        .state()
        .drivers
        .fit
        .as_ref()
        .unwrap()
        .drivers
        .report
        .overall
        .as_ref()
        .unwrap()
        .drivers[0]
        .mean;
    let target = match &h.state().drivers.scenario.changes[0] {
        touchpoint::model::ScenarioChange::SetScore { mean, .. } => *mean,
        other => panic!("{other:?}"),
    };
    assert!(target > mean + 2.0, "dragged to {target} from {mean}");
    // The true model gives 0.6 points of overall per point of the top driver.
    let lift = after - before;
    assert!(
        (lift - 0.6 * (target - mean)).abs() < 0.1 * 0.6 * (target - mean) + 0.05,
        "lift {lift} for {} points",
        target - mean
    );
    assert!(
        h.query_by_label_contains(&format!("{:+.2} points", lift))
            .is_some()
    );

    // Name and save it: one undo step, listed.
    h.get(By::new().label("Name:").role(Role::TextInput))
        .click();
    h.run_ok();
    type_text(&mut h, "Fix the top driver");
    h.get_by_label("Save scenario").click();
    h.run_ok();
    assert_eq!(h.state().journey().meta().scenarios.len(), 1);
    assert!(h.query_by_label("Fix the top driver").is_some());

    // Save the file, open it again: the scenario and the results come back.
    let file = dir.path().join("move.journey.ron");
    h.state_mut().save_to_path(&file).unwrap();
    h.state_mut().open_path(&file).unwrap();
    h.run_ok();
    h.run_steps(3);
    assert!(
        h.state().drivers.fit.is_none(),
        "the fit belonged to the old document"
    );
    assert!(
        h.query_by_label("Fix the top driver").is_some(),
        "listed after reopening"
    );
    assert_eq!(
        h.state()
            .journey()
            .meta()
            .drivers
            .as_ref()
            .map(|d| d.source.as_str()),
        Some("survey.csv")
    );
    // Opening it shows its change, and the saved coefficients predict the lift.
    h.get_by_label("Load").click();
    h.run_ok();
    wait_until(&mut h, 30, |s| {
        let sc = &s.drivers.scenario;
        !sc.updating() && sc.result.as_ref().is_some_and(|r| r.saved_lift.is_some())
    });
    let saved_lift = h
        .state()
        .drivers
        .scenario
        .result
        .as_ref()
        .unwrap()
        .saved_lift
        .unwrap();
    assert!((saved_lift - lift).abs() < 0.15, "{saved_lift} vs {lift}");
    // The map shows the scenario: the changed card is outlined with its target.
    assert!(!h.state().drivers.scenario.changes.is_empty());

    // Another journey: nothing of this one stays.
    let other = dir.path().join("shop.journey.ron");
    let shop = touchpoint::samples::load_sample("ecommerce.journey.ron")
        .unwrap()
        .unwrap();
    touchpoint::io::save(&other, &shop).unwrap();
    h.state_mut().open_path(&other).unwrap();
    h.run_ok();
    h.run_steps(3);
    let st = h.state();
    assert!(st.drivers.fit.is_none());
    assert!(st.drivers.scenario.changes.is_empty());
    assert!(
        st.drivers.scenario.result.is_none()
            || st
                .drivers
                .scenario
                .result
                .as_ref()
                .is_some_and(|r| r.result.name.is_empty())
    );
    assert!(st.drivers.scenario.name.is_empty());
    assert!(st.drivers.path.is_empty());
    assert!(h.query_by_label("Fix the top driver").is_none());
}

#[test]
fn undo_removes_saved_results_and_a_scenario() {
    let journey = touchpoint::samples::move_address().unwrap();
    let first = journey.touchpoints().next().unwrap().id.clone();
    let mut h = harness(AppState::with_journey(journey));
    h.state_mut().queue_command(Command::Scenarios);
    h.run_ok();
    h.run_steps(2);
    {
        let s = &mut h.state_mut().drivers.scenario;
        s.name = "Quick win".into();
        touchpoint::ui::scenario_panel::set_target(s, &first, 9.0, 5.0);
    }
    h.get_by_label("Save scenario").click();
    h.run_ok();
    assert_eq!(h.state().journey().meta().scenarios.len(), 1);
    // The map's overlay marks the changed card.
    assert!(h.query_by_label("Quick win").is_some());
    press_mod(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert!(h.state().journey().meta().scenarios.is_empty(), "undone");
    let _ = TouchpointId::new("x");
}

fn bin() -> Process {
    Process::new(env!("CARGO_BIN_EXE_touchpoint"))
}

fn write_inputs(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf, String, String) {
    let journey = touchpoint::samples::move_address().unwrap();
    let (csv, top, top_name) = answers(&journey, 600);
    let j = dir.join("move.journey.ron");
    touchpoint::io::save(&j, &journey).unwrap();
    let c = dir.join("survey.csv");
    std::fs::write(&c, csv).unwrap();
    (j, c, top, top_name)
}

#[test]
fn the_chart_exports_as_svg_png_and_pdf_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (j, c, top, top_name) = write_inputs(dir.path());
    for ext in ["svg", "png", "pdf"] {
        let out = dir.path().join(format!("chart.{ext}"));
        let o = bin()
            .args(["drivers"])
            .arg(&j)
            .arg(&c)
            .arg("--chart")
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let bytes = std::fs::read(&out).unwrap();
        match ext {
            "svg" => {
                let text = String::from_utf8(bytes).unwrap();
                let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
                let points: Vec<&str> = doc
                    .descendants()
                    .filter(|n| n.attribute("class") == Some("touchpoint"))
                    .filter_map(|n| n.attribute("data-id"))
                    .collect();
                assert_eq!(points.len(), 6, "{points:?}");
                assert!(points.contains(&top.as_str()));
                let texts: Vec<String> = doc
                    .descendants()
                    .filter(|n| n.has_tag_name("text"))
                    .map(|n| n.text().unwrap_or_default().to_owned())
                    .collect();
                assert!(texts.iter().any(|t| t.starts_with("Act here")), "{texts:?}");
                assert!(
                    texts
                        .iter()
                        .any(|t| top_name.starts_with(t.trim_end_matches('…')) && !t.is_empty())
                );
                // Every point has a circle.
                let circles = doc
                    .descendants()
                    .filter(|n| n.has_tag_name("circle"))
                    .count();
                assert!(circles >= 6);
            }
            "png" => {
                assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
                assert!(bytes.len() > 5_000);
            }
            _ => {
                assert!(bytes.starts_with(b"%PDF-"));
                assert!(bytes.windows(5).any(|w| w == b"%%EOF"));
            }
        }
    }
    // A name without a chart format is a usage error, before anything is read.
    let o = bin()
        .args(["drivers"])
        .arg(&j)
        .arg(&c)
        .arg("--chart")
        .arg(dir.path().join("chart.txt"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_reports_include_the_drivers_and_the_saved_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let (j, c, top, _) = write_inputs(dir.path());
    let o = bin()
        .args(["drivers"])
        .arg(&j)
        .arg(&c)
        .arg("--save")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = bin()
        .args(["whatif"])
        .arg(&j)
        .arg(&c)
        .arg("--set")
        .arg(format!("{top}+2"))
        .args(["--save", "Lift the top driver"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = dir.path().join("report.html");
    let o = bin()
        .args(["export"])
        .arg(&j)
        .arg("-o")
        .arg(&html)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("<h2>Key drivers</h2>"));
    assert!(text.contains("Act here"), "the chart is inlined");
    assert!(text.contains("<h2>Scenarios</h2>"));
    assert!(text.contains("Lift the top driver"));
    assert!(text.contains("overall score change (saved coefficients)"));
    let md = dir.path().join("report.md");
    let o = bin()
        .args(["export"])
        .arg(&j)
        .arg("-o")
        .arg(&md)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("![Key drivers](report.drivers.svg)"),
        "{text}"
    );
    let chart = std::fs::read_to_string(dir.path().join("report.drivers.svg")).unwrap();
    assert!(chart.contains(&format!("data-id=\"{top}\"")));
    let pdf = dir.path().join("report.pdf");
    let o = bin()
        .args(["export"])
        .arg(&j)
        .arg("-o")
        .arg(&pdf)
        .arg("--report")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn a_struck_handoff_is_crossed_out_on_the_map_and_scenarios_are_renamed_and_deleted() {
    let journey = touchpoint::samples::move_address().unwrap();
    let key = journey
        .handoffs()
        .into_iter()
        .find(|h| h.wait_hours.is_some_and(|w| w > 0.0))
        .unwrap()
        .key();
    let mut h = harness(AppState::with_journey(journey));
    h.state_mut().queue_command(Command::Scenarios);
    h.run_ok();
    h.run_steps(2);
    // The handoff selected on the map is the one the panel acts on.
    h.state_mut().selection.handoff = Some(key.clone());
    h.run_steps(2);
    h.get_by_label("Strike this handoff out").click();
    h.run_ok();
    wait_until(&mut h, 30, |s| {
        let sc = &s.drivers.scenario;
        !sc.updating() && sc.result.is_some() && !sc.changes.is_empty()
    });
    {
        let r = &h.state().drivers.scenario.result.as_ref().unwrap().result;
        assert!(r.handoffs_after < r.handoffs_before);
        assert_eq!(r.touchpoints_after + 1, r.touchpoints_before);
        assert!(r.overall_after.is_none(), "no model, no prediction");
    }
    // The map's overlay crosses it out.
    let items = touchpoint::ui::scenario_panel::overlay_items(h.state());
    assert!(
        items
            .iter()
            .any(|i| matches!(i, touchpoint::scene::Item::Line { dashed: true, .. }))
    );
    assert!(
        items.iter().any(
            |i| matches!(i, touchpoint::scene::Item::Text { text, .. } if text == "struck out")
        )
    );
    // Save, rename, delete; undo brings it back.
    h.get(By::new().label("Name:").role(Role::TextInput))
        .click();
    h.run_ok();
    type_text(&mut h, "Strike it");
    h.get_by_label("Save scenario").click();
    h.run_ok();
    h.get_by_label("Rename").click();
    h.run_ok();
    let fields: Vec<_> = h
        .get_all(By::new().role(Role::TextInput).value("Strike it"))
        .map(|n| n.rect().center())
        .collect();
    let last = *fields.last().unwrap();
    click_at(&mut h, last);
    press_mod(&mut h, egui::Modifiers::COMMAND, egui::Key::A);
    type_text(&mut h, "One step fewer");
    h.get_by_label("OK").click();
    h.run_ok();
    let names: Vec<String> = h
        .state()
        .journey()
        .meta()
        .scenarios
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names, ["One step fewer"]);
    h.get_by_label("Delete").click();
    h.run_ok();
    assert!(h.state().journey().meta().scenarios.is_empty());
    h.state_mut().queue_command(Command::Undo);
    h.run_ok();
    assert_eq!(h.state().journey().meta().scenarios.len(), 1);
    // Closed, the panel leaves the map alone.
    h.state_mut().queue_command(Command::Scenarios);
    h.run_ok();
    assert!(touchpoint::ui::scenario_panel::overlay_items(h.state()).is_empty());
}

#[test]
fn the_drivers_view_and_the_scenario_panel_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let journey = touchpoint::samples::move_address().unwrap();
    let (csv, top, top_name) = answers(&journey, 300);
    let csv_path = dir.path().join("答卷.csv");
    std::fs::write(&csv_path, csv).unwrap();
    let mut state = AppState::with_journey(journey);
    state.settings.language = Some(touchpoint::i18n::Lang::parse("zh-CN").unwrap());
    let mut h = harness(state);
    h.state_mut().queue_command(Command::KeyDrivers);
    h.state_mut().queue_command(Command::Scenarios);
    h.run_ok();
    h.run_steps(2);
    h.state_mut().drivers.path = csv_path.display().to_string();
    h.get_by_label("分析").click();
    h.run_ok();
    wait_until(&mut h, 60, |s| {
        s.drivers.fit.is_some() && !s.drivers.fitting()
    });
    {
        let s = &mut h.state_mut().drivers.scenario;
        touchpoint::ui::scenario_panel::set_target(s, &TouchpointId::new(&top), 8.0, 3.0);
    }
    h.run_steps(12);
    wait_until(&mut h, 30, |s| {
        let sc = &s.drivers.scenario;
        !sc.updating() && sc.result.is_some()
    });
    h.run_steps(2);
    // Every frame drew without a missing glyph (kittest refuses one), in Chinese.
    assert!(h.query_all_by_label("关键驱动因素").count() >= 1);
    assert!(h.query_by_label("保存情景").is_some());
    assert!(h.query_by_label_contains("总体评分（overall）").is_some());
    let chart = h.state().drivers.chart().unwrap().clone();
    let texts: Vec<String> = chart
        .items()
        .filter_map(|i| match i {
            touchpoint::scene::Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(texts.iter().any(|t| t.starts_with("优先改进")), "{texts:?}");
    let _ = top_name;
}

#[test]
fn an_overall_column_not_found_is_said_and_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let journey = touchpoint::samples::move_address().unwrap();
    let (csv, top, _) = answers(&journey, 200);
    // A header nobody would guess is the overall score.
    let csv = csv.replacen(",overall,", ",csat_total,", 1);
    let csv_path = dir.path().join("survey.csv");
    std::fs::write(&csv_path, csv).unwrap();
    let mut state = AppState::with_journey(journey);
    state.file_dialogs = Box::new(FixedDialogs {
        open: Some(csv_path),
        save: None,
    });
    let mut h = harness(state);
    h.state_mut().queue_command(Command::KeyDrivers);
    h.run_ok();
    h.run_steps(2);
    h.get_by_label("Choose file…").click();
    h.run_ok();
    wait_until(&mut h, 30, |s| !s.drivers.fitting());
    h.run_steps(2);
    assert!(h.state().drivers.fit.is_none());
    let error = h.state().drivers.error.clone().expect("a reason");
    assert!(error.contains("`overall`"), "{error}");
    assert!(
        h.query_all_by_value(&error).count() >= 1,
        "the reason is shown"
    );
    assert!(
        h.query_all_by_value(
            "Choose the columns below: the overall score, and the outcome and segment if there are any."
        )
        .count()
            >= 1
    );
    assert!(
        h.state().journey().meta().drivers.is_none(),
        "nothing saved"
    );
    // The table's headers are offered as the columns to choose from.
    assert!(h.state().drivers.headers.iter().any(|c| c == "csat_total"));
    assert!(h.query_all_by_value("found by its header").count() >= 3);
    let _ = top;
}
