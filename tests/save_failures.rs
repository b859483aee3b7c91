//! Every way a save can fail leaves the work safe: a clear message, the document
//! still dirty and in memory, the old file byte-for-byte intact, no temporary
//! file left behind, and Save As elsewhere still works.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use touchpoint::edit::Edit;
use touchpoint::history::Document;
use touchpoint::io::{self, DiskState, Fs, RealFs, SaveError, SaveOptions};
use touchpoint::model::Touchpoint;
use touchpoint::recovery::OpenFile;

/// Which file-system call fails, and how.
#[derive(Clone, Copy)]
enum Fault {
    /// Creating the temporary file is refused (read-only folder).
    CreateRefused(std::io::ErrorKind),
    /// The temporary file is half written, then the disk is full.
    DiskFull,
    /// Renaming over the target fails.
    RenameFails(std::io::ErrorKind),
    /// Copying to the backup fails.
    CopyFails(std::io::ErrorKind),
}

struct Faulty {
    fault: Fault,
    calls: Mutex<Vec<String>>,
}

impl Faulty {
    fn new(fault: Fault) -> Self {
        Faulty {
            fault,
            calls: Mutex::new(Vec::new()),
        }
    }
    fn log(&self, what: &str, path: &Path) {
        self.calls.lock().unwrap().push(format!(
            "{what} {}",
            path.file_name().unwrap().to_string_lossy()
        ));
    }
}

fn err(kind: std::io::ErrorKind, text: &str) -> std::io::Error {
    std::io::Error::new(kind, text.to_owned())
}

impl Fs for Faulty {
    fn write_new(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.log("write_new", path);
        match self.fault {
            Fault::CreateRefused(kind) => Err(err(kind, "refused")),
            Fault::DiskFull => {
                std::fs::write(path, bytes.get(..bytes.len() / 2).unwrap_or_default())?;
                Err(std::io::Error::from_raw_os_error(28)) // ENOSPC
            }
            _ => RealFs.write_new(path, bytes),
        }
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.log("rename", to);
        match self.fault {
            Fault::RenameFails(kind) => Err(err(kind, "rename refused")),
            _ => RealFs.rename(from, to),
        }
    }
    fn sync_dir(&self, dir: &Path) -> std::io::Result<()> {
        RealFs.sync_dir(dir)
    }
    fn remove(&self, path: &Path) -> std::io::Result<()> {
        self.log("remove", path);
        RealFs.remove(path)
    }
    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.log("copy", to);
        match self.fault {
            Fault::CopyFails(kind) => Err(err(kind, "copy refused")),
            _ => RealFs.copy(from, to),
        }
    }
}

struct Setup {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    path: PathBuf,
    old_bytes: Vec<u8>,
    doc: Document,
    file: OpenFile,
}

/// A saved journey, opened, with one unsaved edit.
fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let path = dir.join("move.journey.ron");
    io::save(&path, &touchpoint::generate::generate(12, 4)).unwrap();
    let old_bytes = std::fs::read(&path).unwrap();
    let (mut doc, file) = OpenFile::open(&path).unwrap();
    doc.apply(
        "Add touchpoint",
        Edit::AddTouchpoint(Box::new(Touchpoint::new("war-room", "War room"))),
    )
    .unwrap();
    assert!(doc.is_dirty());
    Setup {
        _tmp: tmp,
        dir,
        path,
        old_bytes,
        doc,
        file,
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Save through `fs`; check the exact message, that nothing changed, and that Save As still works.
fn fails_safely(fs: &Faulty, backup: bool, message: impl Fn(&Path) -> String) -> SaveError {
    let mut s = setup();
    let before = s.file.clone();
    let e = s.file.save(fs, &mut s.doc, backup, false).unwrap_err();
    assert_eq!(e.to_string(), message(&s.path));
    assert_eq!(
        e.advice(),
        if backup {
            "Nothing was saved. Use Save As to save elsewhere, or turn off backups in the settings."
        } else {
            "Your changes are still open and the file on disk was not changed. Use Save As to save them elsewhere."
        }
    );
    assert!(s.doc.is_dirty(), "the document must stay dirty");
    assert!(
        s.doc.journey().touchpoint(&"war-room".into()).is_some(),
        "the edit stays in memory"
    );
    assert_eq!(
        s.file, before,
        "still belongs to the same file, same fingerprint"
    );
    assert_eq!(
        std::fs::read(&s.path).unwrap(),
        s.old_bytes,
        "the old file is intact"
    );
    assert_eq!(
        names(&s.dir),
        vec!["move.journey.ron"],
        "no temporary file left behind"
    );
    // Save As elsewhere works and carries the edit.
    let elsewhere = s.dir.join("elsewhere.journey.ron");
    s.file
        .save_as(&RealFs, &mut s.doc, &elsewhere, false)
        .unwrap();
    assert!(!s.doc.is_dirty());
    assert!(
        io::load_file(&elsewhere)
            .unwrap()
            .touchpoint(&"war-room".into())
            .is_some()
    );
    e
}

#[test]
fn read_only_folder() {
    let fs = Faulty::new(Fault::CreateRefused(std::io::ErrorKind::PermissionDenied));
    let e = fails_safely(&fs, false, |p| {
        format!(
            "could not write {}: the folder is read-only or you may not write there (refused)",
            p.display()
        )
    });
    assert!(matches!(e, SaveError::Write { .. }));
    let fs = Faulty::new(Fault::CreateRefused(std::io::ErrorKind::ReadOnlyFilesystem));
    fails_safely(&fs, false, |p| {
        format!(
            "could not write {}: the folder is read-only or you may not write there (refused)",
            p.display()
        )
    });
}

#[test]
fn disk_full() {
    let fs = Faulty::new(Fault::DiskFull);
    fails_safely(&fs, false, |p| {
        format!(
            "could not write {}: the disk is full (No space left on device (os error 28))",
            p.display()
        )
    });
    // The half-written temporary file was removed.
    let calls = fs.calls.lock().unwrap();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert!(
        calls[0].starts_with("write_new .move.journey.ron."),
        "{calls:?}"
    );
    assert!(
        calls[1].starts_with("remove .move.journey.ron."),
        "{calls:?}"
    );
}

#[test]
fn folder_deleted_or_disconnected() {
    let fs = Faulty::new(Fault::CreateRefused(std::io::ErrorKind::NotFound));
    fails_safely(&fs, false, |p| {
        format!(
            "could not write {}: the folder does not exist any more (moved, deleted or disconnected?) (refused)",
            p.display()
        )
    });
}

#[test]
fn replacing_the_file_fails() {
    let fs = Faulty::new(Fault::RenameFails(std::io::ErrorKind::PermissionDenied));
    fails_safely(&fs, false, |p| {
        format!(
            "could not replace {}: the folder is read-only or you may not write there (rename refused)",
            p.display()
        )
    });
}

#[test]
fn backup_cannot_be_made() {
    let fs = Faulty::new(Fault::CopyFails(std::io::ErrorKind::StorageFull));
    let e = fails_safely(&fs, true, |p| {
        format!(
            "could not keep a backup at {}.bak: the disk is full (copy refused)",
            p.display()
        )
    });
    assert!(matches!(e, SaveError::Backup { .. }));
}

#[test]
fn path_too_long_on_the_real_file_system() {
    let mut s = setup();
    let long = s.dir.join(format!("{}.journey.ron", "x".repeat(300)));
    let e = s
        .file
        .save_as(&RealFs, &mut s.doc, &long, false)
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("the path is too long or the file name is not allowed"),
        "{e}"
    );
    assert!(s.doc.is_dirty());
    assert_eq!(
        s.file.path.as_deref(),
        Some(s.path.as_path()),
        "still belongs to its own file"
    );
    assert_eq!(names(&s.dir), vec!["move.journey.ron"]);
}

#[test]
fn folder_deleted_on_the_real_file_system() {
    let mut s = setup();
    let gone = s.dir.join("gone");
    std::fs::create_dir(&gone).unwrap();
    let target = gone.join("j.journey.ron");
    std::fs::remove_dir(&gone).unwrap();
    let e = s
        .file
        .save_as(&RealFs, &mut s.doc, &target, false)
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("the folder does not exist any more (moved, deleted or disconnected?)"),
        "{e}"
    );
    assert!(s.doc.is_dirty());
}

#[test]
fn file_deleted_meanwhile_asks_before_recreating() {
    let mut s = setup();
    std::fs::remove_file(&s.path).unwrap();
    let e = s.file.save(&RealFs, &mut s.doc, false, false).unwrap_err();
    assert!(matches!(
        e,
        SaveError::ChangedOnDisk {
            state: DiskState::Missing,
            ..
        }
    ));
    assert_eq!(
        e.to_string(),
        format!(
            "{} was deleted or moved since it was opened",
            s.path.display()
        )
    );
    assert!(s.doc.is_dirty());
    assert!(!s.path.exists());
    // The user says "save it there anyway".
    s.file.save(&RealFs, &mut s.doc, false, true).unwrap();
    assert!(!s.doc.is_dirty());
    assert!(
        io::load_file(&s.path)
            .unwrap()
            .touchpoint(&"war-room".into())
            .is_some()
    );
}

#[test]
fn backups_keep_the_previous_version() {
    let mut s = setup();
    s.file.save(&RealFs, &mut s.doc, true, false).unwrap();
    let bak = io::backup_path(&s.path);
    assert_eq!(bak.file_name().unwrap(), "move.journey.ron.bak");
    assert_eq!(std::fs::read(&bak).unwrap(), s.old_bytes);
    assert!(
        io::load_file(&s.path)
            .unwrap()
            .touchpoint(&"war-room".into())
            .is_some()
    );
    assert_eq!(
        names(&s.dir),
        vec!["move.journey.ron", "move.journey.ron.bak"]
    );
    // Without the setting, no backup is made or touched.
    let mut s = setup();
    s.file.save(&RealFs, &mut s.doc, false, false).unwrap();
    assert_eq!(names(&s.dir), vec!["move.journey.ron"]);
    // A first save has nothing to back up.
    let tmp = tempfile::tempdir().unwrap();
    let fresh = tmp.path().join("new.journey.ron");
    io::save_checked(
        &RealFs,
        &fresh,
        &touchpoint::generate::generate(2, 1),
        SaveOptions {
            backup: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(names(tmp.path()), vec!["new.journey.ron"]);
}
