//! The recovery offer, the changed-on-disk question and save failures, driven
//! through egui_kittest by their labels.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::time::{Duration, SystemTime};
use touchpoint::edit::Edit;
use touchpoint::history::Document;
use touchpoint::io::{self, RealFs};
use touchpoint::model::{Journey, JourneyMeta};
use touchpoint::recovery::{OpenFile, RecoveryEntry, RecoveryStore};
use touchpoint::ui::recovery_dialog::{
    Follow, Reliability, ReliabilityAction, ReliabilityDialog, SaveTarget,
};

type State = (Reliability, Vec<ReliabilityAction>);

fn harness(rel: Reliability) -> Harness<'static, State> {
    Harness::new_ui_state(
        |ui, state: &mut State| {
            let actions = state.0.show(ui.ctx());
            state.1.extend(actions);
        },
        (rel, Vec::new()),
    )
}

fn retitle(doc: &mut Document, title: &str) {
    let meta = JourneyMeta {
        title: title.into(),
        ..doc.journey().meta().clone()
    };
    doc.apply("Rename journey", Edit::SetMeta(Box::new(meta)))
        .unwrap();
}

/// A recovery store holding one orphaned journey (its app is gone).
fn orphan(dir: &Path, title: &str, id: &str) -> (RecoveryStore, Journey) {
    let store = RecoveryStore::new(dir.join("recovery"));
    let mut j = touchpoint::generate::generate(6, 2);
    let meta = JourneyMeta {
        title: title.into(),
        ..j.meta().clone()
    };
    j.set_meta(meta).unwrap();
    store
        .write(&RecoveryEntry {
            id,
            session: "1700000000000-1-0",
            original: Some(Path::new("/shared/war-room/move.journey.ron")),
            original_disk: None,
            revision: 4,
            saved_at: SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_114_612),
            journey: &j,
        })
        .unwrap();
    (store, j)
}

#[test]
fn a_recovered_journey_is_offered_with_title_time_and_file_and_restores_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, journey) = orphan(tmp.path(), "Move address (war room)", "1700000000000-1-0-1");
    let rel = Reliability::start(Some(store.clone()), OpenFile::untitled());
    assert!(matches!(&rel.dialog, Some(ReliabilityDialog::Recover(l)) if l.len() == 1));
    let mut h = harness(rel);
    h.run();
    h.get_by_label("Recover unsaved work");
    h.get_by_label("Move address (war room)");
    h.get_by_label("Autosaved 2025-11-25 23:50:12 UTC");
    h.get_by_label("From /shared/war-room/move.journey.ron");
    h.get_by_label("Restore").click();
    h.run();
    let actions = std::mem::take(&mut h.state_mut().1);
    assert_eq!(
        actions,
        vec![ReliabilityAction::Restore("1700000000000-1-0-1".into())]
    );
    let mut doc = Document::default();
    let follow = h
        .state_mut()
        .0
        .handle(&RealFs, &mut doc, actions[0].clone());
    let Follow::Replace(restored) = follow else {
        panic!("{follow:?}")
    };
    assert_eq!(restored.journey(), &journey);
    assert!(restored.is_dirty(), "restored work is unsaved");
    let rel = &mut h.state_mut().0;
    assert_eq!(
        rel.file.path.as_deref(),
        Some(Path::new("/shared/war-room/move.journey.ron"))
    );
    assert_eq!(rel.dialog, None);
    // The old recovery file is gone; this run autosaved the restored journey.
    let all = store.list();
    assert_eq!(all.len(), 1);
    assert_ne!(all[0].id, "1700000000000-1-0-1");
    assert_eq!(store.load(&all[0].id).unwrap(), journey);
    assert!(store.list_orphaned().is_empty());
    // A clean exit removes it.
    rel.finish(false);
    assert!(store.list().is_empty());
}

#[test]
fn discarding_removes_the_recovered_journey_and_later_keeps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = orphan(tmp.path(), "Fibre installation", "1700000000000-1-0-1");
    orphan(tmp.path(), "E-commerce", "1700000000000-1-0-2");
    let mut h = harness(Reliability::start(
        Some(store.clone()),
        OpenFile::untitled(),
    ));
    h.run();
    h.get_by_label(
        "Touchpoint stopped before 2 journeys were saved. Their last autosaves are here:",
    );
    h.get_all_by_label("Discard").next().unwrap().click();
    h.run();
    let actions = std::mem::take(&mut h.state_mut().1);
    assert_eq!(actions.len(), 1);
    let mut doc = Document::default();
    let follow = h
        .state_mut()
        .0
        .handle(&RealFs, &mut doc, actions[0].clone());
    assert!(matches!(follow, Follow::Nothing));
    assert_eq!(store.list_orphaned().len(), 1);
    assert!(matches!(&h.state().0.dialog, Some(ReliabilityDialog::Recover(l)) if l.len() == 1));
    h.run();
    h.get_by_label("Decide later").click();
    h.run();
    assert_eq!(h.state().0.dialog, None);
    assert_eq!(store.list_orphaned().len(), 1, "still there for next time");
    h.state_mut().0.finish(false);
}

#[test]
fn saving_over_a_colleagues_change_asks_and_overwrite_saves() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("move.journey.ron");
    io::save(&path, &touchpoint::generate::generate(8, 3)).unwrap();
    let (mut doc, file) = OpenFile::open(&path).unwrap();
    retitle(&mut doc, "Mine");
    let theirs = touchpoint::generate::generate(9, 4);
    io::save(&path, &theirs).unwrap();

    let mut rel = Reliability::without_autosave(file);
    assert!(!rel.save_unresolved());
    assert!(!rel.save(&RealFs, &mut doc, SaveTarget::Own { force: false }));
    assert!(rel.save_unresolved(), "quitting after this save must wait");
    assert!(doc.is_dirty());
    assert_eq!(io::load_file(&path).unwrap(), theirs);
    let mut h = harness(rel);
    h.run();
    h.get_by_label("The file changed on disk");
    h.get_by_label(&format!(
        "{} was changed by someone else since you opened it.",
        path.display()
    ));
    h.get_by_label("Reload theirs");
    h.get_by_label("Save As…");
    h.get_by_label("Overwrite").click();
    h.run();
    let actions = std::mem::take(&mut h.state_mut().1);
    assert_eq!(actions, vec![ReliabilityAction::Overwrite]);
    let follow = h
        .state_mut()
        .0
        .handle(&RealFs, &mut doc, ReliabilityAction::Overwrite);
    assert!(matches!(follow, Follow::Nothing));
    assert!(!doc.is_dirty());
    assert_eq!(io::load_file(&path).unwrap().title(), "Mine");
}

#[test]
fn regaining_focus_offers_to_reload_a_changed_file_once() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fixed-line.journey.ron");
    io::save(&path, &touchpoint::generate::generate(4, 1)).unwrap();
    let (mut doc, file) = OpenFile::open(&path).unwrap();
    let mut rel = Reliability::without_autosave(file);
    rel.on_focus(&RealFs, true);
    rel.on_focus(&RealFs, false);
    let theirs = touchpoint::generate::generate(5, 8);
    io::save(&path, &theirs).unwrap();
    rel.on_focus(&RealFs, true);
    assert!(matches!(
        &rel.dialog,
        Some(ReliabilityDialog::ChangedOnDisk {
            missing: false,
            saving: false,
            ..
        })
    ));
    let mut h = harness(rel);
    h.run();
    h.get_by_label("Keep mine");
    h.get_by_label("Reload").click();
    h.run();
    let actions = std::mem::take(&mut h.state_mut().1);
    assert_eq!(actions, vec![ReliabilityAction::Reload]);
    h.state_mut()
        .0
        .handle(&RealFs, &mut doc, ReliabilityAction::Reload);
    assert_eq!(doc.journey(), &theirs);
    assert!(!doc.is_dirty());
    // Nothing changed since: no question on the next focus.
    let rel = &mut h.state_mut().0;
    rel.on_focus(&RealFs, false);
    rel.on_focus(&RealFs, true);
    assert_eq!(rel.dialog, None);
}

#[test]
fn a_failed_save_says_why_and_offers_save_as() {
    let tmp = tempfile::tempdir().unwrap();
    let gone = tmp.path().join("gone");
    std::fs::create_dir(&gone).unwrap();
    let mut doc = Document::new_unsaved(Journey::starter("Workshop"));
    let mut rel = Reliability::without_autosave(OpenFile::untitled());
    std::fs::remove_dir(&gone).unwrap();
    let target = gone.join("w.journey.ron");
    assert!(!rel.save(&RealFs, &mut doc, SaveTarget::As(target.clone())));
    assert!(doc.is_dirty());
    assert_eq!(
        rel.file.path, None,
        "the document does not move to a file it is not in"
    );
    let mut h = harness(rel);
    h.run();
    h.get_by_label("Could not save");
    h.get_by_label(
        "Your changes are still open and the file on disk was not changed. Use Save As to save them elsewhere.",
    );
    let message = match &h.state().0.dialog {
        Some(ReliabilityDialog::SaveFailed { message, .. }) => message.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        message.starts_with(&format!(
            "could not write {}: the folder does not exist any more",
            target.display()
        )),
        "{message}"
    );
    h.get_by_label("Save As…").click();
    h.run();
    let actions = std::mem::take(&mut h.state_mut().1);
    assert_eq!(actions, vec![ReliabilityAction::SaveAs]);
    let follow = h
        .state_mut()
        .0
        .handle(&RealFs, &mut doc, ReliabilityAction::SaveAs);
    assert!(matches!(follow, Follow::AskSaveAs));
    let elsewhere = tmp.path().join("w.journey.ron");
    assert!(
        h.state_mut()
            .0
            .save(&RealFs, &mut doc, SaveTarget::As(elsewhere.clone()))
    );
    assert!(!doc.is_dirty());
    assert_eq!(h.state().0.file.path.as_deref(), Some(elsewhere.as_path()));
}

#[test]
fn closing_without_an_answer_keeps_unsaved_work_for_next_time() {
    let tmp = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(tmp.path().join("recovery"));
    let path = tmp.path().join("ecommerce.journey.ron");
    io::save(&path, &touchpoint::generate::generate(7, 5)).unwrap();
    let (mut doc, file) = OpenFile::open(&path).unwrap();
    let mut rel = Reliability::start(Some(store.clone()), file);
    assert_eq!(rel.dialog, None, "nothing to recover at the first start");
    rel.track(&doc);
    retitle(&mut doc, "电商旅程");
    rel.track(&doc);
    // The system closes the app: nobody answered the unsaved-changes question.
    rel.finish(true);
    let left = store.list_orphaned();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].title, "电商旅程");
    assert_eq!(left[0].original_path.as_deref(), Some(path.as_path()));
    assert_eq!(store.load(&left[0].id).unwrap(), *doc.journey());
    // The next start offers it.
    let next = Reliability::start(Some(store.clone()), OpenFile::untitled());
    assert!(matches!(&next.dialog, Some(ReliabilityDialog::Recover(l)) if l.len() == 1));
}
