//! The app never silently overwrites someone else's change, and a failed save keeps
//! the work: the reliability layer wired into the app, driven through egui_kittest.

use crate::common;
use common::*;
use egui_kittest::kittest::Queryable;
use touchpoint::edit::Edit;
use touchpoint::ui::AppState;
use touchpoint::ui::recovery_dialog::ReliabilityDialog;

fn rename_first(h: &mut egui_kittest::Harness<'_, AppState>, name: &str) {
    let state = h.state_mut();
    let mut t = state
        .doc
        .journey()
        .touchpoints()
        .next()
        .cloned()
        .expect("a touchpoint");
    t.name = name.into();
    state
        .doc
        .apply("Rename", Edit::UpdateTouchpoint(Box::new(t)))
        .expect("applies");
    h.run_ok();
}

#[test]
fn saving_over_an_externally_changed_file_asks_and_overwrite_then_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("move.journey.ron");
    touchpoint::io::save(&path, &fixture()).unwrap();
    let mut h = harness(AppState::with_journey(fixture()));
    h.state_mut().open_path(&path).expect("opens");
    h.run_ok();
    rename_first(&mut h, "Mine");

    // A colleague saves their version on the shared drive.
    let mut theirs = fixture();
    theirs
        .set_meta(touchpoint::model::JourneyMeta {
            title: "Theirs".into(),
            ..Default::default()
        })
        .unwrap();
    touchpoint::io::save(&path, &theirs).unwrap();
    let their_bytes = std::fs::read(&path).unwrap();

    assert!(
        h.state_mut().save_to_path(&path).is_err(),
        "not saved over their change"
    );
    h.run_ok();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        their_bytes,
        "their file is intact"
    );
    assert!(
        h.state().doc.is_dirty(),
        "my work is still unsaved, in memory"
    );
    assert!(matches!(
        h.state().reliability.dialog,
        Some(ReliabilityDialog::ChangedOnDisk { saving: true, .. })
    ));

    h.get_by_label("Overwrite").click();
    h.run_ok();
    assert!(!h.state().doc.is_dirty());
    let on_disk = touchpoint::io::load_file(&path).unwrap();
    assert_eq!(on_disk.touchpoints().next().unwrap().name, "Mine");
}

#[test]
fn a_failed_save_keeps_the_document_dirty_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(AppState::with_journey(fixture()));
    rename_first(&mut h, "Unsaved work");
    let nowhere = dir.path().join("missing-folder/move.journey.ron");
    assert!(h.state_mut().save_to_path(&nowhere).is_err());
    h.run_ok();
    assert!(h.state().doc.is_dirty());
    assert!(matches!(
        h.state().reliability.dialog,
        Some(ReliabilityDialog::SaveFailed { .. })
    ));
    assert_eq!(
        h.state().doc.journey().touchpoints().next().unwrap().name,
        "Unsaved work"
    );
    // Save As elsewhere still works.
    let elsewhere = dir.path().join("move.journey.ron");
    h.state_mut().reliability.dialog = None;
    h.state_mut()
        .save_to_path(&elsewhere)
        .expect("saves elsewhere");
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().path.as_deref(), Some(elsewhere.as_path()));
}

#[test]
fn backups_keep_the_previous_version_when_enabled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("move.journey.ron");
    touchpoint::io::save(&path, &fixture()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut h = harness(AppState::with_journey(fixture()));
    h.state_mut().open_path(&path).expect("opens");
    h.state_mut().settings.backup_on_save = true;
    rename_first(&mut h, "Changed");
    h.state_mut().save_to_path(&path).expect("saves");
    let bak = dir.path().join("move.journey.ron.bak");
    assert_eq!(std::fs::read(bak).expect("a .bak exists"), before);
}
