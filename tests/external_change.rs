//! Never silently overwrite someone else's changes: a save refuses when the file
//! on disk is not what this app loaded or last saved, however it was changed.

use std::time::{Duration, SystemTime};
use touchpoint::edit::Edit;
use touchpoint::io::{self, DiskState, RealFs, SaveError, SaveOptions};
use touchpoint::model::JourneyMeta;
use touchpoint::recovery::{ExternalChange, OpenFile};

fn retitle(doc: &mut touchpoint::history::Document, title: &str) {
    let meta = JourneyMeta {
        title: title.into(),
        ..doc.journey().meta().clone()
    };
    doc.apply("Rename journey", Edit::SetMeta(Box::new(meta)))
        .unwrap();
}

#[test]
fn a_colleagues_save_is_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("move.journey.ron");
    io::save(&path, &touchpoint::generate::generate(20, 5)).unwrap();
    let (mut doc, mut file) = OpenFile::open(&path).unwrap();
    retitle(&mut doc, "Move address - war room");

    // A colleague on the shared drive saves their own edit.
    let (mut theirs, mut their_file) = OpenFile::open(&path).unwrap();
    retitle(&mut theirs, "Move address - Billing's version");
    their_file.save(&RealFs, &mut theirs, false, false).unwrap();
    let their_bytes = std::fs::read(&path).unwrap();

    let e = file.save(&RealFs, &mut doc, false, false).unwrap_err();
    assert!(matches!(
        e,
        SaveError::ChangedOnDisk {
            state: DiskState::Changed,
            ..
        }
    ));
    assert_eq!(
        e.to_string(),
        format!(
            "{} was changed on disk by someone else since it was opened",
            path.display()
        )
    );
    assert_eq!(
        e.advice(),
        "Overwrite it with your version, save yours under another name (Save As), or reload theirs."
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        their_bytes,
        "their version is intact"
    );
    assert!(doc.is_dirty());
    assert_eq!(file.external_change(&RealFs), ExternalChange::Changed);

    // Save As keeps both.
    let mine = tmp.path().join("move-war-room.journey.ron");
    file.save_as(&RealFs, &mut doc, &mine, false).unwrap();
    assert_eq!(
        io::load_file(&mine).unwrap().title(),
        "Move address - war room"
    );
    assert_eq!(
        io::load_file(&path).unwrap().title(),
        "Move address - Billing's version"
    );
}

#[test]
fn a_change_that_keeps_size_and_modification_time_is_still_noticed() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fibre.journey.ron");
    io::save(&path, &touchpoint::generate::generate(5, 1)).unwrap();
    let (journey, loaded) = io::load_file_fingerprinted(&path).unwrap();
    assert_eq!(io::check(&path, &loaded), DiskState::Unchanged);

    // Same length, different bytes, and the old modification time put back (as a
    // sync tool that preserves times would).
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen("Synthetic", "Synthetiq", 1);
    assert_eq!(changed.len(), text.len());
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, &changed).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let now = io::fingerprint_file(&path).unwrap();
    assert_eq!((now.size, now.mtime), (loaded.size, loaded.mtime));
    assert_ne!(now.hash, loaded.hash);
    assert_eq!(io::check(&path, &loaded), DiskState::Changed);

    let opts = SaveOptions {
        expected: Some(&loaded),
        ..Default::default()
    };
    assert!(matches!(
        io::save_checked(&RealFs, &path, &journey, opts),
        Err(SaveError::ChangedOnDisk { .. })
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), changed);

    // Only a new modification time, same bytes: not a change.
    std::fs::write(&path, &text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(SystemTime::now() + Duration::from_secs(60))
        .unwrap();
    assert_eq!(io::check(&path, &loaded), DiskState::Unchanged);
    // The user forces it: written, and the new fingerprint matches the disk.
    let opts = SaveOptions {
        expected: Some(&loaded),
        force: true,
        ..Default::default()
    };
    let written = io::save_checked(&RealFs, &path, &journey, opts).unwrap();
    assert_eq!(io::check(&path, &written), DiskState::Unchanged);
    assert_eq!(written.size, std::fs::metadata(&path).unwrap().len());
    assert_eq!(
        written.mtime,
        std::fs::metadata(&path).unwrap().modified().ok()
    );
}
