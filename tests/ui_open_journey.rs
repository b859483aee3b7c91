//! Issue #14 item 1: the right journey, always. After Open, New, Restore (recovered),
//! Reload, the portfolio and Open recent, the canvas cards, the headline figures and
//! the ranked gaps are those of the journey just opened, from the first frame.
//! A failed open leaves the previous journey untouched and not dirty.

use crate::common;
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::model::*;
use touchpoint::recovery::{OpenFile, RecoveryEntry, RecoveryStore};
use touchpoint::ui::AppState;
use touchpoint::ui::dialogs::FixedDialogs;
use touchpoint::ui::recovery_dialog::Reliability;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_journeys")
        .join(name)
}

fn load(path: &Path) -> Journey {
    touchpoint::io::load_file(path).expect("sample loads")
}

/// What is on screen is `j`: the canvas cards, the display list, the headline figures
/// and the ranked gaps (state after the frame that opened it).
fn assert_shows(h: &Harness<'_, AppState>, j: &Journey, when: &str) {
    let s = h.state();
    let cards: BTreeSet<_> = s.derived.layout.cards.keys().cloned().collect();
    let want: BTreeSet<_> = j.touchpoints().map(|t| t.id.clone()).collect();
    assert_eq!(cards, want, "{when}: canvas cards are the opened journey's");
    let a = s.derived.analysis.as_ref().expect("analysis");
    let fresh = analyze(j, &AnalysisConfig::default());
    assert_eq!(a.headline, fresh.headline, "{when}: headline figures");
    let gaps: Vec<_> = a.gaps.iter().map(|g| &g.explanation).collect();
    let want_gaps: Vec<_> = fresh.gaps.iter().map(|g| &g.explanation).collect();
    assert_eq!(gaps, want_gaps, "{when}: ranked gaps");
    let war = s.warroom.analysis().expect("war-room analysis");
    assert_eq!(war.headline, fresh.headline, "{when}: war-room figures");
}

/// The gap panel lists the opened journey's first gap (after the frame is drawn).
fn assert_panel_shows(h: &mut Harness<'_, AppState>, j: &Journey, when: &str) {
    h.run_ok();
    let fresh = analyze(j, &AnalysisConfig::default());
    if let Some(g) = fresh.gaps.first() {
        let label = format!("1. {}", g.explanation);
        assert!(
            h.query_by_label(&label).is_some(),
            "{when}: the gap panel shows {label:?}"
        );
    }
    assert!(
        h.query_all_by_label(j.title()).next().is_some(),
        "{when}: the panel names {:?}",
        j.title()
    );
}

fn start_on(first: &Journey) -> Harness<'static, AppState> {
    let h = harness(AppState::with_journey(first.clone()));
    assert_shows(&h, first, "start");
    h
}

fn file_menu(h: &mut Harness<'_, AppState>, item: &str) {
    h.get_by_label("File").click();
    h.run_ok();
    h.get_by_label_contains(item).click();
    // One frame: the click is handled and the document replaced at its end.
    h.step();
}

#[test]
fn file_open_shows_the_opened_journey_in_the_first_frame() {
    let first = load(&sample("move-address.journey.ron"));
    let second_path = sample("fibre-installation.journey.ron");
    let second = load(&second_path);
    let mut h = start_on(&first);
    h.state_mut().file_dialogs = Box::new(FixedDialogs {
        open: Some(second_path.clone()),
        save: None,
    });
    file_menu(&mut h, "Open…");
    assert_shows(&h, &second, "after File > Open");
    assert_panel_shows(&mut h, &second, "after File > Open");
    // And a third one, back to the first file.
    h.state_mut().file_dialogs = Box::new(FixedDialogs {
        open: Some(sample("move-address.journey.ron")),
        save: None,
    });
    file_menu(&mut h, "Open…");
    assert_shows(&h, &first, "after opening the first again");
}

#[test]
fn new_shows_the_new_journey_not_the_previous_one() {
    let first = load(&sample("ecommerce.journey.ron"));
    let mut h = start_on(&first);
    file_menu(&mut h, "New journey");
    let new = h.state().journey().clone();
    assert_ne!(new.title(), first.title());
    assert_shows(&h, &new, "after File > New");
    assert_panel_shows(&mut h, &new, "after File > New");
}

#[test]
fn a_failed_open_leaves_the_previous_journey_untouched_and_clean() {
    let first = load(&sample("move-address.journey.ron"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.journey.ron");
    std::fs::write(&bad, "(format: 1, title: \"Broken\", stages: [(id: ").unwrap();
    let mut h = start_on(&first);
    h.state_mut().file_dialogs = Box::new(FixedDialogs {
        open: Some(bad),
        save: None,
    });
    file_menu(&mut h, "Open…");
    assert_shows(&h, &first, "after a failed open");
    assert_eq!(h.state().journey(), &first, "the journey is untouched");
    assert!(!h.state().doc.is_dirty(), "a failed open does not dirty it");
    assert!(!h.state().title().starts_with('●'), "{}", h.state().title());
}

#[test]
fn open_recent_shows_the_opened_journey() {
    let first = load(&sample("move-address.journey.ron"));
    let second_path = sample("ecommerce.journey.ron");
    let second = load(&second_path);
    let mut h = start_on(&first);
    h.state_mut().settings.add_recent(&second_path);
    h.get_by_label("File").click();
    h.run_ok();
    h.get_by_label("Open recent").hover();
    h.run_ok();
    h.get_by_label(&second_path.display().to_string()).click();
    h.step();
    assert_shows(&h, &second, "after Open recent");
    assert_panel_shows(&mut h, &second, "after Open recent");
}

#[test]
fn a_portfolio_row_opens_its_journey() {
    let first = load(&sample("move-address.journey.ron"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        sample("fibre-installation.journey.ron"),
        dir.path().join("fibre.journey.ron"),
    )
    .unwrap();
    let second = load(&dir.path().join("fibre.journey.ron"));
    let mut h = start_on(&first);
    touchpoint::ui::portfolio::load(h.state_mut(), dir.path());
    h.run_ok();
    h.get_all_by_label(second.title()).last().unwrap().click();
    h.step();
    assert_shows(&h, &second, "after opening from the portfolio");
}

#[test]
fn restoring_a_recovered_journey_shows_it() {
    let first = load(&sample("move-address.journey.ron"));
    let tmp = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(tmp.path().join("recovery"));
    let recovered = load(&sample("fibre-installation.journey.ron"));
    store
        .write(&RecoveryEntry {
            id: "1700000000000-1-0-1",
            session: "1700000000000-1-0",
            original: None,
            original_disk: None,
            revision: 4,
            saved_at: SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_114_612),
            journey: &recovered,
        })
        .unwrap();
    let mut state = AppState::with_journey(first.clone());
    state.reliability = Reliability::start(Some(store), OpenFile::untitled());
    let mut h = harness(state);
    assert_shows(&h, &first, "before restoring");
    h.get_by_label("Restore").click();
    h.step();
    assert_shows(&h, &recovered, "after Restore");
    assert_panel_shows(&mut h, &recovered, "after Restore");
    h.state_mut().reliability.finish(false);
}

#[test]
fn reload_after_an_external_change_shows_the_file_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("shared.journey.ron");
    std::fs::copy(sample("move-address.journey.ron"), &path).unwrap();
    let first = load(&path);
    let mut h = harness(AppState::with_journey(Journey::starter("Scratch")));
    h.state_mut().open_path(&path).unwrap();
    h.run_ok();
    assert_shows(&h, &first, "opened");
    // Someone else saves another journey over the file.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::copy(sample("ecommerce.journey.ron"), &path).unwrap();
    let theirs = load(&path);
    // The window loses and regains focus: the app notices the change on disk.
    h.input_mut().focused = false;
    h.run_ok();
    h.input_mut().focused = true;
    h.run_ok();
    h.get_by_label("Reload").click();
    h.step();
    assert_shows(&h, &theirs, "after Reload");
    assert_panel_shows(&mut h, &theirs, "after Reload");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn two_documents_never_share_a_version() {
    use touchpoint::history::Document;
    let a = Document::new(Journey::starter("A"));
    let b = Document::new(Journey::starter("B"));
    assert_eq!(a.revision(), b.revision(), "both restart at 0");
    assert_ne!(a.version(), b.version());
    let c = a.clone();
    assert_ne!(a.version(), c.version(), "a clone is another document");
}
