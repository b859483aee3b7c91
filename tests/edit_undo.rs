//! Any random sequence of edits, undone, restores the original journey exactly;
//! redone, reaches the same end state. Failed edits change nothing.

use proptest::prelude::*;
use std::collections::BTreeSet;
use touchpoint::edit::Edit;
use touchpoint::history::Document;
use touchpoint::io::to_ron_string;
use touchpoint::model::*;

#[derive(Clone, Debug)]
enum Op {
    AddTouchpoint {
        stage: usize,
        dept: usize,
        name: String,
    },
    Rename {
        pick: usize,
        name: String,
    },
    Move {
        pick: usize,
        stage: usize,
        dept: usize,
    },
    Score {
        pick: usize,
        counts: [u32; 11],
    },
    RemoveTouchpoint {
        pick: usize,
    },
    Connect {
        a: usize,
        b: usize,
        wait: Option<f64>,
    },
    Disconnect {
        pick: usize,
    },
    InsertStage {
        at: usize,
    },
    RemoveStage {
        pick: usize,
        move_to: usize,
    },
    MoveStage {
        from: usize,
        to: usize,
    },
    InsertDepartment {
        at: usize,
    },
    RemoveDepartment {
        pick: usize,
    },
    MoveDepartment {
        from: usize,
        to: usize,
    },
    Retitle {
        title: String,
    },
    AddNote {
        pick: usize,
        text: String,
    },
    Invalid {
        pick: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let name = "[a-zA-Z 售后]{0,12}";
    prop_oneof![
        (0..6usize, 0..6usize, name).prop_map(|(stage, dept, name)| Op::AddTouchpoint {
            stage,
            dept,
            name
        }),
        (0..50usize, name).prop_map(|(pick, name)| Op::Rename { pick, name }),
        (0..50usize, 0..6usize, 0..6usize).prop_map(|(pick, stage, dept)| Op::Move {
            pick,
            stage,
            dept
        }),
        (0..50usize, prop::array::uniform11(0..50u32))
            .prop_map(|(pick, counts)| Op::Score { pick, counts }),
        (0..50usize).prop_map(|pick| Op::RemoveTouchpoint { pick }),
        (0..50usize, 0..50usize, prop::option::of(0.0..100.0f64))
            .prop_map(|(a, b, wait)| Op::Connect { a, b, wait }),
        (0..80usize).prop_map(|pick| Op::Disconnect { pick }),
        (0..6usize).prop_map(|at| Op::InsertStage { at }),
        (0..6usize, 0..6usize).prop_map(|(pick, move_to)| Op::RemoveStage { pick, move_to }),
        (0..6usize, 0..6usize).prop_map(|(from, to)| Op::MoveStage { from, to }),
        (0..6usize).prop_map(|at| Op::InsertDepartment { at }),
        (0..6usize).prop_map(|pick| Op::RemoveDepartment { pick }),
        (0..6usize, 0..6usize).prop_map(|(from, to)| Op::MoveDepartment { from, to }),
        name.prop_map(|title| Op::Retitle { title }),
        (0..50usize, name).prop_map(|(pick, text)| Op::AddNote { pick, text }),
        (0..50usize).prop_map(|pick| Op::Invalid { pick }),
    ]
}

fn nth_tp(j: &Journey, pick: usize) -> Option<Touchpoint> {
    let n = j.touchpoint_count();
    if n == 0 {
        None
    } else {
        j.touchpoints().nth(pick % n).cloned()
    }
}

/// Turn an op into an edit against the current journey (None when it does not apply).
fn to_edit(j: &Journey, op: &Op, counter: &mut usize) -> Option<Edit> {
    *counter += 1;
    let fresh = format!("x{counter}");
    let stage = |i: usize| {
        j.stages()
            .get(i % j.stages().len().max(1))
            .map(|s| s.id.clone())
    };
    let dept = |i: usize| {
        j.departments()
            .get(i % j.departments().len().max(1))
            .map(|d| d.id.clone())
    };
    Some(match op {
        Op::AddTouchpoint {
            stage: s,
            dept: d,
            name,
        } => {
            let mut t = Touchpoint::new(fresh, name.clone());
            t.stage = stage(*s);
            t.owner = dept(*d);
            Edit::AddTouchpoint(Box::new(t))
        }
        Op::Rename { pick, name } => {
            let mut t = nth_tp(j, *pick)?;
            t.name = name.clone();
            Edit::UpdateTouchpoint(Box::new(t))
        }
        Op::Move {
            pick,
            stage: s,
            dept: d,
        } => {
            let mut t = nth_tp(j, *pick)?;
            t.stage = stage(*s);
            t.owner = dept(*d);
            t.order = Some(*s as i32);
            Edit::UpdateTouchpoint(Box::new(t))
        }
        Op::Score { pick, counts } => {
            let mut t = nth_tp(j, *pick)?;
            t.satisfaction = Some(Satisfaction::Histogram(*counts));
            Edit::UpdateTouchpoint(Box::new(t))
        }
        Op::RemoveTouchpoint { pick } => {
            let t = nth_tp(j, *pick)?;
            Edit::remove_touchpoints(j, &BTreeSet::from([t.id]))
        }
        Op::Connect { a, b, wait } => {
            let mut h = Handoff::new(nth_tp(j, *a)?.id.0, nth_tp(j, *b)?.id.0);
            h.wait_hours = *wait;
            Edit::AddHandoff(h)
        }
        Op::Disconnect { pick } => {
            let hs = j.handoffs();
            let h = hs.get(pick % hs.len().max(1))?;
            Edit::remove_handoff(j, &h.key())
        }
        Op::InsertStage { at } => Edit::InsertStage {
            index: at % (j.stages().len() + 1),
            stage: Stage::new(fresh, "New stage"),
        },
        Op::RemoveStage { pick, move_to } => {
            let s = stage(*pick)?;
            let to = stage(*move_to).filter(|t| *t != s);
            Edit::remove_stage(j, &s, to.as_ref())
        }
        Op::MoveStage { from, to } => Edit::MoveStage {
            from: *from,
            to: *to,
        },
        Op::InsertDepartment { at } => Edit::InsertDepartment {
            index: at % (j.departments().len() + 1),
            department: Department::new(fresh, "New department", Rgb::palette(*at)),
        },
        Op::RemoveDepartment { pick } => {
            let d = dept(*pick)?;
            Edit::remove_department(j, &d, None)
        }
        Op::MoveDepartment { from, to } => Edit::MoveDepartment {
            from: *from,
            to: *to,
        },
        Op::Retitle { title } => {
            let mut m = j.meta().clone();
            m.title = title.clone();
            Edit::SetMeta(Box::new(m))
        }
        Op::AddNote { pick, text } => {
            let t = nth_tp(j, *pick)?;
            Edit::AddNote(StickyNote {
                id: NoteId::new(fresh),
                text: text.clone(),
                author: "Billing".into(),
                color: Rgb(255, 224, 130),
                anchor: Anchor::Touchpoint(t.id),
            })
        }
        Op::Invalid { pick } => {
            // A batch whose second part is invalid: must change nothing at all.
            let mut t = nth_tp(j, *pick)?;
            t.name = "changed".into();
            let mut bad = t.clone();
            bad.handling_minutes = Some(f64::NAN);
            Edit::Batch(vec![
                Edit::UpdateTouchpoint(Box::new(t)),
                Edit::UpdateTouchpoint(Box::new(bad)),
            ])
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn undo_restores_and_redo_replays(seed in 0u64..1000, ops in prop::collection::vec(op(), 1..40)) {
        let original = touchpoint::generate::generate(12, seed);
        let mut doc = Document::new(original.clone());
        let mut counter = 0;
        let mut states = vec![original.clone()];
        for op in &ops {
            let Some(edit) = to_edit(doc.journey(), op, &mut counter) else { continue };
            let before = doc.journey().clone();
            match doc.apply("op", edit) {
                Ok(()) => {
                    if doc.journey() != &before {
                        states.push(doc.journey().clone());
                    }
                }
                Err(_) => prop_assert_eq!(doc.journey(), &before, "a failed edit changed the journey"),
            }
        }
        let end = doc.journey().clone();
        let end_text = to_ron_string(&end);
        // Undo step by step through every intermediate state.
        let mut steps = 0;
        while doc.can_undo() {
            doc.undo().map_err(|e| TestCaseError::fail(e.to_string()))?;
            steps += 1;
        }
        prop_assert_eq!(doc.journey(), &original);
        prop_assert_eq!(to_ron_string(doc.journey()), to_ron_string(&original));
        prop_assert!(!doc.is_dirty());
        prop_assert!(steps >= states.len() - 1);
        while doc.can_redo() {
            doc.redo().map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        prop_assert_eq!(doc.journey(), &end);
        prop_assert_eq!(to_ron_string(doc.journey()), end_text);
    }
}

#[test]
fn typing_merges_into_one_undo_step_and_dirty_tracks_the_saved_state() {
    let mut doc = Document::new(touchpoint::generate::generate(3, 1));
    let original = doc.journey().clone();
    let mut t = doc.journey().touchpoints().next().cloned().unwrap();
    for name in ["F", "Fi", "Fin", "Final read"] {
        t.name = name.into();
        doc.apply_merging(
            "Rename",
            Edit::UpdateTouchpoint(Box::new(t.clone())),
            Some("name".into()),
        )
        .unwrap();
    }
    assert!(doc.is_dirty());
    assert_eq!(doc.undo_label(), Some("Rename"));
    doc.mark_saved();
    assert!(!doc.is_dirty());
    doc.undo().unwrap();
    assert_eq!(
        doc.journey(),
        &original,
        "one undo step for the whole typed name"
    );
    assert!(doc.is_dirty(), "undoing past the save makes it dirty");
    doc.redo().unwrap();
    assert!(!doc.is_dirty(), "redo back to the saved state is clean");
    assert_eq!(
        doc.journey().touchpoints().next().unwrap().name,
        "Final read"
    );
}

#[test]
fn removing_a_touchpoint_cascades_and_undo_restores_handoffs_and_notes() {
    let j = touchpoint::generate::generate(10, 3);
    let id = j.touchpoints().nth(4).unwrap().id.clone();
    let mut doc = Document::new(j.clone());
    doc.apply(
        "Note",
        Edit::AddNote(StickyNote {
            id: NoteId::new("n1"),
            text: "why?".into(),
            anchor: Anchor::Touchpoint(id.clone()),
            ..Default::default()
        }),
    )
    .unwrap();
    let with_note = doc.journey().clone();
    let edges_before = with_note.handoff_count();
    assert!(!with_note.incoming(&id).is_empty() || !with_note.outgoing(&id).is_empty());
    doc.apply(
        "Delete",
        Edit::remove_touchpoints(doc.journey(), &BTreeSet::from([id.clone()])),
    )
    .unwrap();
    assert!(doc.journey().touchpoint(&id).is_none());
    assert_eq!(doc.journey().notes().count(), 0);
    assert!(doc.journey().handoff_count() < edges_before);
    doc.undo().unwrap();
    assert_eq!(doc.journey(), &with_note);
}

#[test]
fn removing_a_stage_moves_its_touchpoints_or_is_refused_when_not_empty() {
    let mut j = touchpoint::generate::generate(8, 5);
    let s0 = j.stages()[0].id.clone();
    let s1 = j.stages()[1].id.clone();
    assert!(
        Edit::RemoveStage(s0.clone()).apply(&mut j).is_err(),
        "a stage with touchpoints is not removed directly"
    );
    let n_in_s0 = j
        .touchpoints()
        .filter(|t| t.stage.as_ref() == Some(&s0))
        .count();
    let n_in_s1 = j
        .touchpoints()
        .filter(|t| t.stage.as_ref() == Some(&s1))
        .count();
    let inverse = Edit::remove_stage(&j, &s0, Some(&s1))
        .apply(&mut j)
        .unwrap();
    assert!(j.stage(&s0).is_none());
    assert_eq!(
        j.touchpoints()
            .filter(|t| t.stage.as_ref() == Some(&s1))
            .count(),
        n_in_s0 + n_in_s1
    );
    let _redo = inverse.apply(&mut j).unwrap();
    assert_eq!(j.stages()[0].id, s0, "restored at its position");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// A copy of the journey kept elsewhere (the app's background analysis) follows the
    /// document by replaying `changes_since`: through edits, failed edits, undo and redo,
    /// it stays equal to the document, without ever cloning the journey again.
    #[test]
    fn a_replica_follows_the_document_by_its_changes(
        seed in 0u64..1000,
        ops in prop::collection::vec(op(), 1..30),
        undos in 0usize..8,
        sync_every in 1usize..5,
    ) {
        let original = touchpoint::generate::generate(12, seed);
        let mut doc = Document::new(original.clone());
        let mut replica = original;
        let mut seen = doc.version();
        let mut counter = 0;
        let follow = |doc: &Document, replica: &mut Journey, seen: &mut touchpoint::history::Version|
            -> Result<(), TestCaseError> {
            let edits = doc
                .changes_since(*seen)
                .ok_or_else(|| TestCaseError::fail("the log lost changes"))?;
            for e in edits {
                let _inverse = e.clone().apply(replica).map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
            *seen = doc.version();
            Ok(())
        };
        for (i, op) in ops.iter().enumerate() {
            let Some(edit) = to_edit(doc.journey(), op, &mut counter) else { continue };
            let _ = doc.apply_merging("op", edit, (i % 3 == 0).then(|| "typing".to_owned()));
            if i % sync_every == 0 {
                follow(&doc, &mut replica, &mut seen)?;
                prop_assert_eq!(&replica, doc.journey());
            }
        }
        for _ in 0..undos {
            let _ = doc.undo();
        }
        let _ = doc.redo();
        follow(&doc, &mut replica, &mut seen)?;
        prop_assert_eq!(&replica, doc.journey());
        // Another document's version, or one before a replace, cannot be followed.
        prop_assert!(doc.changes_since(Document::default().version()).is_none());
        doc.replace(touchpoint::generate::generate(3, seed));
        prop_assert!(doc.changes_since(seen).is_none());
    }
}
