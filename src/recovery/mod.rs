//! Never lose a workshop's work: unsaved changes are autosaved to recovery files
//! in the platform's data folder, offered back after a crash, and removed on a
//! clean exit.
//!
//! A recovery file is an ordinary `*.journey.ron` file (the canonical text of the
//! journey) preceded by comment lines that say which journey it is, when it was
//! written and which file it belongs to, so it can also be opened by hand.
//!
//! Each running app holds a *session*: a locked file `SESSION.lock` in the recovery
//! folder. Recovery files of a session whose lock is not held (the app crashed or
//! was killed) are *orphaned* and offered for recovery; those of a running app are
//! not, so a second window never offers to "recover" the first one's work.

mod autosave;
mod file;
mod panic;

pub use autosave::{AutosaveStatus, Autosaver, DocKey, MAX_DELAY, QUIET, due_at};
pub use file::{ExternalChange, OpenFile};
pub use panic::{CrashReport, install_panic_hook};

use crate::history::Document;
use crate::io::{Fingerprint, RealFs, save_bytes_atomic};
use crate::model::Journey;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Environment variable that overrides the data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "TOUCHPOINT_DATA_DIR";

const SUFFIX: &str = ".recovery.ron";
const LOCK_SUFFIX: &str = ".lock";
const HEADER_KEY: &str = "// recovery: ";

/// The folder for recovery files and crash reports: `$TOUCHPOINT_DATA_DIR`, or the
/// platform's data folder (`~/.local/share/touchpoint` on Linux,
/// `~/Library/Application Support/Touchpoint` on macOS, `%APPDATA%\Touchpoint\data` on Windows).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Touchpoint").map(|d| d.data_dir().to_path_buf())
}

/// Why a recovery operation failed. Displayed in the current language.
#[derive(Debug)]
pub enum RecoveryError {
    NoDataDir,
    Io {
        path: String,
        source: std::io::Error,
    },
    Save(crate::io::SaveError),
    Unknown(String),
    InvalidId(String),
    Load(crate::io::LoadError),
}

impl From<crate::io::SaveError> for RecoveryError {
    fn from(e: crate::io::SaveError) -> Self {
        RecoveryError::Save(e)
    }
}

impl From<crate::io::LoadError> for RecoveryError {
    fn from(e: crate::io::LoadError) -> Self {
        RecoveryError::Load(e)
    }
}

impl std::fmt::Display for RecoveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::tr_args;
        let text = match self {
            RecoveryError::NoDataDir => {
                tr_args("rec-error-no-data-dir", &[("env", DATA_DIR_ENV.into())])
            }
            RecoveryError::Io { path, source } => tr_args(
                "rec-error-io",
                &[
                    ("path", path.into()),
                    ("error", crate::io::explain_read(source).into()),
                ],
            ),
            RecoveryError::Save(e) => tr_args("rec-error-save", &[("error", e.to_string().into())]),
            RecoveryError::Unknown(id) => {
                tr_args("rec-error-unknown", &[("id", format!("{id:?}").into())])
            }
            RecoveryError::InvalidId(id) => {
                tr_args("rec-error-invalid-id", &[("id", format!("{id:?}").into())])
            }
            RecoveryError::Load(e) => tr_args("rec-error-load", &[("error", e.to_string().into())]),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for RecoveryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RecoveryError::Io { source, .. } => Some(source),
            RecoveryError::Save(e) => Some(e),
            RecoveryError::Load(e) => Some(e),
            _ => None,
        }
    }
}

fn io_err(path: &Path, source: std::io::Error) -> RecoveryError {
    RecoveryError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The header of a recovery file, one JSON line in a comment.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(default)]
struct Header {
    session: String,
    title: String,
    /// The journey file it belongs to; `None` when it was never saved.
    original: Option<String>,
    /// Size and content hash of the original file as the app last loaded or saved
    /// it, so that saving a restored journey still notices someone else's change.
    original_size: Option<u64>,
    original_hash: Option<u64>,
    /// Milliseconds since 1970-01-01 UTC.
    saved_at_ms: u64,
    /// The document revision that was written.
    revision: u64,
}

/// What to write to a recovery file.
#[derive(Debug, Clone)]
pub struct RecoveryEntry<'a> {
    /// Unique name of this entry (letters, digits and `-`).
    pub id: &'a str,
    pub session: &'a str,
    pub original: Option<&'a Path>,
    /// What was on disk at `original` when the journey was loaded or last saved.
    pub original_disk: Option<&'a Fingerprint>,
    pub revision: u64,
    pub saved_at: SystemTime,
    pub journey: &'a Journey,
}

/// One recovered journey, as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryInfo {
    pub id: String,
    pub session: String,
    pub title: String,
    pub saved_at: SystemTime,
    /// The journey file it belongs to; `None` when it was never saved.
    pub original_path: Option<PathBuf>,
    /// Size and hash of the original file when it was loaded or last saved (no mtime).
    pub original_disk: Option<Fingerprint>,
    pub revision: u64,
    /// The recovery file itself.
    pub path: PathBuf,
}

/// Ids are made here and typed back by users: keep them to `[A-Za-z0-9-]`, 1 to 80 long.
pub fn is_valid_recovery_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 80 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn millis(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// `2026-11-25 23:50:12 UTC`.
pub fn format_utc(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// A folder of recovery files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// A running app's claim on its recovery files; dropping it releases the claim
/// (the files stay, and become recoverable, unless [`RecoveryStore::end_session`] removed them).
#[derive(Debug)]
pub struct Session {
    id: String,
    _lock: File,
}

impl Session {
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl RecoveryStore {
    /// A store in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        RecoveryStore { dir: dir.into() }
    }

    /// The store in `data_dir()/recovery`.
    pub fn open_default() -> Result<Self, RecoveryError> {
        let dir = data_dir().ok_or(RecoveryError::NoDataDir)?;
        Ok(RecoveryStore::new(dir.join("recovery")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn ensure_dir(&self) -> Result<(), RecoveryError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| io_err(&self.dir, e))
    }

    fn entry_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}{SUFFIX}"))
    }

    fn lock_path(&self, session: &str) -> PathBuf {
        self.dir.join(format!("{session}{LOCK_SUFFIX}"))
    }

    /// Start a session: a new id and a held lock that marks its files as in use.
    pub fn start_session(&self) -> Result<Session, RecoveryError> {
        self.ensure_dir()?;
        self.prune_stale_locks();
        static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let id = format!("{}-{}-{n}", millis(SystemTime::now()), std::process::id());
        // Lock under a temporary name, then rename: nobody ever sees the lock
        // file unlocked (and mistakes the session for a dead one).
        let tmp = self.dir.join(format!(".{id}{LOCK_SUFFIX}.tmp"));
        let file = File::create(&tmp).map_err(|e| io_err(&tmp, e))?;
        if let Err(e) = file.try_lock() {
            let _ = std::fs::remove_file(&tmp);
            let e = match e {
                std::fs::TryLockError::Error(e) => e,
                std::fs::TryLockError::WouldBlock => {
                    std::io::Error::from(std::io::ErrorKind::WouldBlock)
                }
            };
            return Err(io_err(&tmp, e));
        }
        let path = self.lock_path(&id);
        std::fs::rename(&tmp, &path).map_err(|e| io_err(&path, e))?;
        Ok(Session { id, _lock: file })
    }

    /// End a session cleanly: remove its recovery files and its lock.
    pub fn end_session(&self, session: Session) -> Result<(), RecoveryError> {
        for info in self.list() {
            if info.session == session.id {
                self.remove(&info.id)?;
            }
        }
        let lock = self.lock_path(&session.id);
        drop(session);
        match std::fs::remove_file(&lock) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_err(&lock, e)),
            _ => Ok(()),
        }
    }

    /// Remove the locks of sessions that ended without cleaning up (a crash with
    /// nothing unsaved) and have no recovery files left.
    fn prune_stale_locks(&self) {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let with_files: std::collections::BTreeSet<String> =
            self.list().into_iter().map(|i| i.session).collect();
        for entry in read.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(session) = name.to_str().and_then(|n| n.strip_suffix(LOCK_SUFFIX)) else {
                continue;
            };
            if is_valid_recovery_id(session)
                && !with_files.contains(session)
                && !self.session_alive(session)
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Is the app that owns `session` still running (holding its lock)?
    pub fn session_alive(&self, session: &str) -> bool {
        if !is_valid_recovery_id(session) {
            return false;
        }
        let Ok(file) = File::open(self.lock_path(session)) else {
            return false;
        };
        match file.try_lock() {
            Ok(()) => false,
            Err(std::fs::TryLockError::WouldBlock) => true,
            // Locking unsupported here: assume alive rather than offer a live session's files.
            Err(std::fs::TryLockError::Error(_)) => true,
        }
    }

    /// Write (or replace) a recovery file atomically. Returns its path.
    pub fn write(&self, entry: &RecoveryEntry<'_>) -> Result<PathBuf, RecoveryError> {
        if !is_valid_recovery_id(entry.id) {
            return Err(RecoveryError::InvalidId(entry.id.to_owned()));
        }
        self.ensure_dir()?;
        let header = Header {
            session: entry.session.to_owned(),
            title: entry.journey.title().to_owned(),
            original: entry.original.map(|p| p.display().to_string()),
            original_size: entry.original_disk.map(|f| f.size),
            original_hash: entry.original_disk.map(|f| f.hash),
            saved_at_ms: millis(entry.saved_at),
            revision: entry.revision,
        };
        let header = serde_json::to_string(&header).unwrap_or_default();
        let body = crate::io::to_ron_string(entry.journey);
        let text = format!(
            "// Touchpoint recovery file: unsaved changes, autosaved while the app ran.\n\
             // Restore with `touchpoint recover {} -o FILE`, or start Touchpoint.\n\
             {HEADER_KEY}{header}\n{body}",
            entry.id
        );
        let path = self.entry_path(entry.id);
        save_bytes_atomic(&RealFs, &path, text.as_bytes())?;
        Ok(path)
    }

    /// Every recovery file in the folder, newest first (then by id).
    pub fn list(&self) -> Vec<RecoveryInfo> {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<RecoveryInfo> = read
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_owned();
                let id = name.strip_suffix(SUFFIX)?;
                if !is_valid_recovery_id(id) {
                    return None;
                }
                Some(self.info(id, &e.path()))
            })
            .collect();
        out.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// The recovery files of apps that are no longer running: what to offer to restore.
    pub fn list_orphaned(&self) -> Vec<RecoveryInfo> {
        self.list()
            .into_iter()
            .filter(|i| !self.session_alive(&i.session))
            .collect()
    }

    fn info(&self, id: &str, path: &Path) -> RecoveryInfo {
        let header = read_header(path).unwrap_or_default();
        let saved_at = if header.saved_at_ms > 0 {
            UNIX_EPOCH + Duration::from_millis(header.saved_at_ms)
        } else {
            std::fs::metadata(path)
                .and_then(|m| m.modified())
                .unwrap_or(UNIX_EPOCH)
        };
        RecoveryInfo {
            id: id.to_owned(),
            session: header.session,
            title: if header.title.is_empty() {
                "(untitled)".to_owned()
            } else {
                header.title
            },
            saved_at,
            original_path: header.original.map(PathBuf::from),
            original_disk: match (header.original_size, header.original_hash) {
                (Some(size), Some(hash)) => Some(Fingerprint {
                    size,
                    mtime: None,
                    hash,
                }),
                _ => None,
            },
            revision: header.revision,
            path: path.to_path_buf(),
        }
    }

    /// Look up one entry.
    pub fn get(&self, id: &str) -> Result<RecoveryInfo, RecoveryError> {
        if !is_valid_recovery_id(id) {
            return Err(RecoveryError::Unknown(id.to_owned()));
        }
        let path = self.entry_path(id);
        if !path.is_file() {
            return Err(RecoveryError::Unknown(id.to_owned()));
        }
        Ok(self.info(id, &path))
    }

    /// The journey exactly as it was autosaved.
    pub fn load(&self, id: &str) -> Result<Journey, RecoveryError> {
        let info = self.get(id)?;
        Ok(crate::io::load_file(&info.path)?)
    }

    /// A recovered journey as a document with unsaved changes, belonging to its
    /// original file (if it had one): saving it there still refuses to overwrite a
    /// change someone else made since. The recovery file stays until [`RecoveryStore::remove`].
    pub fn restore(&self, id: &str) -> Result<(Document, OpenFile), RecoveryError> {
        let info = self.get(id)?;
        let journey = crate::io::load_file(&info.path)?;
        Ok((
            Document::new_unsaved(journey),
            OpenFile::recovered(info.original_path, info.original_disk),
        ))
    }

    /// Delete a recovery file (restored or discarded), and its session's lock when
    /// that session is over and has no files left.
    pub fn remove(&self, id: &str) -> Result<(), RecoveryError> {
        let info = self.get(id)?;
        std::fs::remove_file(&info.path).map_err(|e| io_err(&info.path, e))?;
        if !info.session.is_empty()
            && !self.session_alive(&info.session)
            && !self.list().iter().any(|i| i.session == info.session)
        {
            let _ = std::fs::remove_file(self.lock_path(&info.session));
        }
        Ok(())
    }
}

fn read_header(path: &Path) -> Option<Header> {
    use std::io::{BufRead, BufReader};
    let file = File::open(path).ok()?;
    // The header is in the first few lines; never read a whole large file for it.
    for line in BufReader::new(file).lines().take(8) {
        let line = line.ok()?;
        if let Some(json) = line.strip_prefix(HEADER_KEY) {
            return serde_json::from_str(json).ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Touchpoint;

    fn journey() -> Journey {
        let mut j = Journey::starter("Move address");
        let _ = j.add_touchpoint(Touchpoint::new("report-move", "Customer reports the move"));
        j
    }

    #[test]
    fn formats_utc_dates() {
        assert_eq!(format_utc(UNIX_EPOCH), "1970-01-01 00:00:00 UTC");
        let t = UNIX_EPOCH + Duration::from_secs(1_764_114_612);
        assert_eq!(format_utc(t), "2025-11-25 23:50:12 UTC");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(format_utc(leap), "2000-02-29 00:00:00 UTC");
    }

    #[test]
    fn ids_are_restricted() {
        assert!(is_valid_recovery_id("1764114612000-42-0-1"));
        assert!(!is_valid_recovery_id(""));
        assert!(!is_valid_recovery_id("../etc/passwd"));
        assert!(!is_valid_recovery_id("a/b"));
        assert!(!is_valid_recovery_id(&"a".repeat(81)));
    }

    #[test]
    fn write_list_load_remove() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = RecoveryStore::new(tmp.path().join("recovery"));
        assert!(store.list().is_empty());
        let j = journey();
        let at = UNIX_EPOCH + Duration::from_millis(1_764_114_612_345);
        let path = store
            .write(&RecoveryEntry {
                id: "s1-1",
                session: "s1",
                original: Some(Path::new("/maps/move \"x\"\n.journey.ron")),
                original_disk: Some(&Fingerprint {
                    size: 1234,
                    mtime: None,
                    hash: 0xdead_beef_0123_4567,
                }),
                revision: 7,
                saved_at: at,
                journey: &j,
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(path.ends_with("s1-1.recovery.ron"));
        // The recovery file is itself a valid journey file.
        assert_eq!(crate::io::load_file(&path).ok(), Some(j.clone()));
        let list = store.list();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, "s1-1");
        assert_eq!(list[0].title, "Move address");
        assert_eq!(list[0].saved_at, at);
        assert_eq!(list[0].revision, 7);
        assert_eq!(
            list[0].original_disk,
            Some(Fingerprint {
                size: 1234,
                mtime: None,
                hash: 0xdead_beef_0123_4567
            })
        );
        assert_eq!(
            list[0].original_path,
            Some(PathBuf::from("/maps/move \"x\"\n.journey.ron"))
        );
        // No lock for session s1: it is orphaned.
        assert_eq!(store.list_orphaned().len(), 1);
        assert_eq!(store.load("s1-1").ok(), Some(j));
        assert!(matches!(store.load("nope"), Err(RecoveryError::Unknown(_))));
        assert!(matches!(store.load("../x"), Err(RecoveryError::Unknown(_))));
        store.remove("s1-1").unwrap_or_else(|e| panic!("{e}"));
        assert!(store.list().is_empty());
    }

    #[test]
    fn a_running_session_is_not_orphaned() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = RecoveryStore::new(tmp.path());
        let session = store.start_session().unwrap_or_else(|e| panic!("{e}"));
        let j = journey();
        let id = format!("{}-1", session.id());
        store
            .write(&RecoveryEntry {
                id: &id,
                session: session.id(),
                original: None,
                original_disk: None,
                revision: 1,
                saved_at: SystemTime::now(),
                journey: &j,
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(store.session_alive(session.id()));
        assert_eq!(store.list().len(), 1);
        assert!(store.list_orphaned().is_empty());
        // The app dies without cleaning up: the lock is released, the file is offered.
        let sid = session.id().to_owned();
        drop(session);
        assert!(!store.session_alive(&sid));
        assert_eq!(store.list_orphaned().len(), 1);
        assert_eq!(store.list_orphaned()[0].original_path, None);
        // Restoring it removes the file and the dead session's lock.
        store.remove(&id).unwrap_or_else(|e| panic!("{e}"));
        assert!(!tmp.path().join(format!("{sid}.lock")).exists());
    }

    #[test]
    fn stale_locks_of_dead_sessions_are_pruned_live_ones_kept() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = RecoveryStore::new(tmp.path());
        let live = store.start_session().unwrap_or_else(|e| panic!("{e}"));
        let dead = store.start_session().unwrap_or_else(|e| panic!("{e}"));
        let dead_id = dead.id().to_owned();
        drop(dead);
        std::fs::write(tmp.path().join("12-3-4.lock"), "").unwrap_or_else(|e| panic!("{e}"));
        let third = store.start_session().unwrap_or_else(|e| panic!("{e}"));
        let mut names: Vec<String> = std::fs::read_dir(tmp.path())
            .map(|r| {
                r.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let mut want = vec![
            format!("{}.lock", live.id()),
            format!("{}.lock", third.id()),
        ];
        want.sort();
        assert_eq!(names, want, "{dead_id} and 12-3-4 pruned");
        assert!(matches!(
            store.write(&RecoveryEntry {
                id: "../x",
                session: live.id(),
                original: None,
                original_disk: None,
                revision: 1,
                saved_at: SystemTime::now(),
                journey: &journey(),
            }),
            Err(RecoveryError::InvalidId(_))
        ));
    }

    #[test]
    fn clean_end_removes_everything() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = RecoveryStore::new(tmp.path());
        let session = store.start_session().unwrap_or_else(|e| panic!("{e}"));
        let j = journey();
        for n in 0..3 {
            let id = format!("{}-{n}", session.id());
            store
                .write(&RecoveryEntry {
                    id: &id,
                    session: session.id(),
                    original: None,
                    original_disk: None,
                    revision: n,
                    saved_at: SystemTime::now(),
                    journey: &j,
                })
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(store.list().len(), 3);
        store.end_session(session).unwrap_or_else(|e| panic!("{e}"));
        let left: Vec<_> = std::fs::read_dir(tmp.path())
            .map(|r| r.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert!(left.is_empty(), "left behind: {left:?}");
    }

    #[test]
    fn unreadable_header_still_lists() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = RecoveryStore::new(tmp.path());
        std::fs::write(tmp.path().join("x-1.recovery.ron"), "garbage")
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(tmp.path().join("not a recovery.txt"), "x")
            .unwrap_or_else(|e| panic!("{e}"));
        let list = store.list();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].title, "(untitled)");
        assert!(matches!(store.load("x-1"), Err(RecoveryError::Load(_))));
    }
}
