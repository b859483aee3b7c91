//! `touchpoint recover`, and two hidden commands that integration tests use to
//! crash the app on purpose (`autosave-test`, `panic-test`).

use crate::edit::Edit;
use crate::model::{Journey, JourneyMeta};
use crate::recovery::{Autosaver, OpenFile, RecoveryStore, format_utc};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What `touchpoint recover` was asked to do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecoverArgs {
    pub id: Option<String>,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub keep: bool,
    pub discard: bool,
}

/// `touchpoint recover [--list] | ID -o FILE [--force] [--keep] | ID --discard`.
pub fn recover(args: &RecoverArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let store = match RecoveryStore::open_default() {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    recover_in(&store, args, out, err)
}

/// [`recover`] on a given store.
pub fn recover_in(
    store: &RecoveryStore,
    args: &RecoverArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some(id) = &args.id else {
        return list(store, out);
    };
    let info = match store.get(id) {
        Ok(i) => i,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    if args.discard {
        return match store.remove(id) {
            Ok(()) => {
                let _ = writeln!(
                    out,
                    "{}",
                    crate::tr!("cli-rec-discarded", id = id.as_str(), title = &info.title)
                );
                0
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        };
    }
    let Some(output) = &args.output else {
        let _ = writeln!(err, "{}", crate::tr!("cli-rec-say-where", id = id.as_str()));
        return 2;
    };
    let journey = match store.load(id) {
        Ok(j) => j,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    if output != Path::new("-") && output.exists() && !args.force {
        let _ = writeln!(
            err,
            "{}",
            crate::tr!("cli-rec-exists", path = output.display().to_string())
        );
        return 1;
    }
    let code = crate::io::write_journey(&journey, output, out, err);
    if code == 0
        && !args.keep
        && let Err(e) = store.remove(id)
    {
        let _ = writeln!(
            err,
            "{}",
            crate::tr!("cli-rec-stays", error = e.to_string())
        );
    }
    code
}

fn list(store: &RecoveryStore, out: &mut dyn Write) -> u8 {
    let all = store.list();
    let orphaned = store.list_orphaned();
    let running = all.len() - orphaned.len().min(all.len());
    if orphaned.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            crate::tr!("cli-rec-none", dir = store.dir().display().to_string())
        );
    } else {
        let _ = writeln!(
            out,
            "{}",
            crate::tr!("cli-rec-count", count = orphaned.len())
        );
        for i in &orphaned {
            let from = i.original_path.as_ref().map_or_else(
                || crate::i18n::tr("cli-rec-never-saved"),
                |p| crate::tr!("cli-rec-from", path = p.display().to_string()),
            );
            let _ = writeln!(
                out,
                "{}  {}  {:?}  {from}",
                i.id,
                format_utc(i.saved_at),
                i.title
            );
        }
        let _ = writeln!(out, "{}", crate::i18n::tr("cli-rec-how"));
    }
    if running > 0 {
        let _ = writeln!(out, "{}", crate::tr!("cli-rec-running", count = running));
    }
    0
}

/// The edit number `n` (1-based) of `autosave-test`: rename one touchpoint, in
/// turn, to `Autosave edit N` (the title when there are no touchpoints).
pub fn autosave_test_edit(journey: &Journey, n: usize) -> Edit {
    let ids: Vec<_> = journey.touchpoints().map(|t| t.id.clone()).collect();
    let count = ids.len();
    match ids.into_iter().nth(n.saturating_sub(1) % count.max(1)) {
        Some(id) => match journey.touchpoint(&id) {
            Some(tp) => {
                let mut tp = tp.clone();
                tp.name = format!("Autosave edit {n}");
                Edit::UpdateTouchpoint(Box::new(tp))
            }
            None => Edit::Batch(Vec::new()),
        },
        None => Edit::SetMeta(Box::new(JourneyMeta {
            title: format!("Autosave edit {n}"),
            ..journey.meta().clone()
        })),
    }
}

/// Hidden: load `journey`, apply `edits` renames through the undo history, feed
/// the autosaver like the app does, print the recovery id, then wait to be killed.
pub fn autosave_test(path: &Path, edits: usize, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (mut doc, file) = match OpenFile::open(path) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let mut saver = match RecoveryStore::open_default().and_then(Autosaver::start) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let key = saver.open_doc();
    for n in 1..=edits {
        let edit = autosave_test_edit(doc.journey(), n);
        if let Err(e) = doc.apply("Rename touchpoint", edit) {
            let _ = writeln!(err, "edit {n}: {e}");
            return 1;
        }
        saver.track(key, &doc, &file);
    }
    let _ = writeln!(out, "recovery id: {}", saver.entry_id(key));
    let _ = out.flush();
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// Hidden: start the autosaver and the panic hook, make one edit, and panic at
/// once (before the autosaver's own write is due).
#[cfg(debug_assertions)]
pub fn panic_test(path: Option<&Path>, err: &mut dyn Write) -> u8 {
    let (mut doc, file) = match path.map(OpenFile::open) {
        None => (
            crate::history::Document::new(Journey::starter("Panic test")),
            OpenFile::untitled(),
        ),
        Some(Ok(x)) => x,
        Some(Err(e)) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let mut saver = match RecoveryStore::open_default().and_then(Autosaver::start) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    crate::recovery::install_panic_hook();
    let key = saver.open_doc();
    if let Err(e) = doc.apply("Rename touchpoint", autosave_test_edit(doc.journey(), 1)) {
        let _ = writeln!(err, "{e}");
        return 1;
    }
    saver.track(key, &doc, &file);
    panic!("panic-test: a deliberate crash after an unsaved edit");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Touchpoint;
    use crate::recovery::RecoveryEntry;
    use std::time::SystemTime;

    fn run(store: &RecoveryStore, args: &RecoverArgs) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = recover_in(store, args, &mut out, &mut err);
        (
            code,
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    }

    #[test]
    fn list_restore_discard() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = RecoveryStore::new(tmp.path().join("recovery"));
        let (code, out, _) = run(&store, &RecoverArgs::default());
        assert_eq!(code, 0);
        assert!(out.starts_with("No recovered journeys in "), "{out}");

        let mut j = Journey::starter("Move address");
        let _ = j.add_touchpoint(Touchpoint::new("final-read", "Final meter read"));
        for (id, original) in [
            ("s-1", Some(Path::new("/maps/move.journey.ron"))),
            ("s-2", None),
        ] {
            store
                .write(&RecoveryEntry {
                    id,
                    session: "s",
                    original,
                    original_disk: None,
                    revision: 3,
                    saved_at: SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_114_612),
                    journey: &j,
                })
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let (code, out, _) = run(&store, &RecoverArgs::default());
        assert_eq!(code, 0);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "2 recovered journeys (newest first):");
        assert_eq!(
            lines[1],
            "s-1  2025-11-25 23:50:12 UTC  \"Move address\"  from /maps/move.journey.ron"
        );
        assert_eq!(
            lines[2],
            "s-2  2025-11-25 23:50:12 UTC  \"Move address\"  (never saved)"
        );

        // Restore needs -o.
        let args = RecoverArgs {
            id: Some("s-1".into()),
            ..Default::default()
        };
        assert_eq!(run(&store, &args).0, 2);
        // Restore to a file: exact journey; the recovery file goes.
        let target = tmp.path().join("restored.journey.ron");
        let args = RecoverArgs {
            id: Some("s-1".into()),
            output: Some(target.clone()),
            ..Default::default()
        };
        let (code, _, err) = run(&store, &args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(crate::io::load_file(&target).ok(), Some(j.clone()));
        assert!(store.get("s-1").is_err());
        // An existing file is not overwritten without --force.
        let args = RecoverArgs {
            id: Some("s-2".into()),
            output: Some(target.clone()),
            ..Default::default()
        };
        let (code, _, err) = run(&store, &args);
        assert_eq!(code, 1);
        assert!(err.contains("already exists; not overwritten"), "{err}");
        assert!(store.get("s-2").is_ok());
        // Discard.
        let args = RecoverArgs {
            id: Some("s-2".into()),
            discard: true,
            ..Default::default()
        };
        let (code, out, _) = run(&store, &args);
        assert_eq!(
            (code, out.as_str()),
            (0, "discarded s-2 (\"Move address\")\n")
        );
        let args = RecoverArgs {
            id: Some("s-2".into()),
            discard: true,
            ..Default::default()
        };
        let (code, _, err) = run(&store, &args);
        assert_eq!(code, 1);
        assert!(
            err.contains("there is no recovered journey \"s-2\""),
            "{err}"
        );
    }

    #[test]
    fn autosave_test_edits_rename_in_turn() {
        let mut j = Journey::starter("x");
        let e = autosave_test_edit(&j, 1);
        assert!(matches!(&e, Edit::SetMeta(m) if m.title == "Autosave edit 1"));
        let _ = j.add_touchpoint(Touchpoint::new("a", "A"));
        let _ = j.add_touchpoint(Touchpoint::new("b", "B"));
        for (n, id) in [(1, "a"), (2, "b"), (3, "a")] {
            match autosave_test_edit(&j, n) {
                Edit::UpdateTouchpoint(tp) => {
                    assert_eq!(tp.id.as_str(), id);
                    assert_eq!(tp.name, format!("Autosave edit {n}"));
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
