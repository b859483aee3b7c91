//! Saving is atomic and verified: a failed save leaves the old file intact.

use std::path::Path;
use touchpoint::io::{self, Fs, RealFs, SaveError};

/// A file system whose disk is full: writing new files fails.
struct FullDisk;

impl Fs for FullDisk {
    fn write_new(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        // Write half, as a real full disk would, then fail.
        let half = bytes.get(..bytes.len() / 2).unwrap_or_default();
        std::fs::write(path, half)?;
        Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device",
        ))
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        RealFs.rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> std::io::Result<()> {
        RealFs.sync_dir(dir)
    }
    fn remove(&self, path: &Path) -> std::io::Result<()> {
        RealFs.remove(path)
    }
    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        RealFs.copy(from, to)
    }
}

#[test]
fn saving_twice_is_byte_identical_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.journey.ron");
    let j = touchpoint::generate::generate(50, 2);
    let a = io::save(&path, &j).unwrap();
    let loaded = io::load_file(&path).unwrap();
    assert_eq!(loaded, j);
    let b = io::save(&path, &loaded).unwrap();
    assert_eq!(a, b);
    assert_eq!(std::fs::read(&path).unwrap(), a);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_full_disk_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.journey.ron");
    let old = touchpoint::generate::generate(5, 1);
    let old_bytes = io::save(&path, &old).unwrap();
    let new = touchpoint::generate::generate(40, 9);
    let err = io::save_with(&FullDisk, &path, &new).unwrap_err();
    assert!(matches!(err, SaveError::Write { .. }));
    assert!(err.to_string().contains("No space left on device"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        old_bytes,
        "old file untouched"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "temp file cleaned up: {names:?}");
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/j.journey.ron");
    let err = io::save(&path, &touchpoint::generate::generate(3, 1)).unwrap_err();
    assert!(err.to_string().starts_with("could not write"), "{err}");
}
