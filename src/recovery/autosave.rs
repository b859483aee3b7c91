//! The autosaver: a background thread that writes each open document's unsaved
//! state to its recovery file shortly after the last edit. The UI thread only
//! hands over a clone of the journey (a short lock, no I/O, no serialisation).

use super::{OpenFile, RecoveryEntry, RecoveryError, RecoveryStore, Session};
use crate::history::Document;
use crate::io::Fingerprint;
use crate::model::Journey;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// Write this long after the last edit when editing pauses...
pub const QUIET: Duration = Duration::from_millis(500);
/// ...and at the latest this long after the first unsaved edit, even while editing goes on.
pub const MAX_DELAY: Duration = Duration::from_millis(1500);

/// When a pending change is due to be written: `QUIET` after the last change, but
/// never later than `MAX_DELAY` after the first one not yet written. Either way
/// within 2 s of the last edit.
pub fn due_at(first: Instant, last: Instant) -> Instant {
    (last + QUIET).min(first + MAX_DELAY)
}

/// One open document, as the autosaver knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocKey(u64);

/// What the UI can show: when recovery data was last written, and the last failure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AutosaveStatus {
    pub last_written: Option<SystemTime>,
    /// The last write error (e.g. the disk is full), cleared by the next success.
    pub last_error: Option<String>,
}

#[derive(Clone)]
pub(super) struct Snapshot {
    pub revision: u64,
    pub journey: Journey,
    pub original: Option<PathBuf>,
    pub disk: Option<Fingerprint>,
}

enum Pending {
    Write { first: Instant, last: Instant },
    Remove,
}

#[derive(Default)]
pub(super) struct State {
    /// The latest snapshot of every dirty document (kept after writing, for the panic hook).
    pub latest: BTreeMap<DocKey, Snapshot>,
    /// The revision on disk for each document's recovery file.
    pub written: BTreeMap<DocKey, u64>,
    pending: BTreeMap<DocKey, Pending>,
    busy: bool,
    flush: bool,
    stop: bool,
    status: AutosaveStatus,
    /// The language of the thread that last told of a change: errors are written in it.
    lang: crate::i18n::Lang,
}

pub(super) struct Shared {
    pub store: RecoveryStore,
    pub session_id: String,
    pub state: Mutex<State>,
    wake: Condvar,
    idle: Condvar,
    /// Held while a recovery file is written or removed, so that the panic hook's
    /// final write cannot be overtaken by an older in-flight one.
    pub io: Mutex<()>,
}

impl Shared {
    pub(super) fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn entry_id(&self, doc: DocKey) -> String {
        format!("{}-{}", self.session_id, doc.0)
    }

    /// Write one snapshot now, on the calling thread.
    pub(super) fn write_now(&self, doc: DocKey, snap: &Snapshot) -> Result<PathBuf, RecoveryError> {
        let id = self.entry_id(doc);
        self.store.write(&RecoveryEntry {
            id: &id,
            session: &self.session_id,
            original: snap.original.as_deref(),
            original_disk: snap.disk.as_ref(),
            revision: snap.revision,
            saved_at: SystemTime::now(),
            journey: &snap.journey,
        })
    }
}

/// Writes recovery files in the background. Create one per app run with
/// [`Autosaver::start`]; call [`Autosaver::changed`] after every edit,
/// [`Autosaver::clean`] after a save or when a document is closed, and
/// [`Autosaver::finish`] on a clean exit.
pub struct Autosaver {
    shared: Arc<Shared>,
    session: Option<Session>,
    thread: Option<JoinHandle<()>>,
    next_doc: u64,
}

impl std::fmt::Debug for Autosaver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Autosaver")
            .field("session", &self.shared.session_id)
            .field("dir", &self.shared.store.dir())
            .finish()
    }
}

impl Autosaver {
    /// Start a session in `store` and the writer thread. Registers the autosaver
    /// with the panic hook (see [`super::install_panic_hook`]).
    pub fn start(store: RecoveryStore) -> Result<Autosaver, RecoveryError> {
        let session = store.start_session()?;
        let shared = Arc::new(Shared {
            store,
            session_id: session.id().to_owned(),
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            idle: Condvar::new(),
            io: Mutex::new(()),
        });
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("touchpoint-autosave".into())
            .spawn(move || run(&worker))
            .map_err(|e| RecoveryError::Io {
                path: "autosave thread".into(),
                source: e,
            })?;
        super::panic::register(&shared);
        Ok(Autosaver {
            shared,
            session: Some(session),
            thread: Some(thread),
            next_doc: 0,
        })
    }

    /// The folder the recovery files go to.
    pub fn store(&self) -> &RecoveryStore {
        &self.shared.store
    }

    /// A key for a newly opened document.
    pub fn open_doc(&mut self) -> DocKey {
        self.next_doc += 1;
        DocKey(self.next_doc)
    }

    /// The recovery id a document's file is written under.
    pub fn entry_id(&self, doc: DocKey) -> String {
        self.shared.entry_id(doc)
    }

    /// Call after every change of the document (edit, undo, redo, reload): a dirty
    /// document is autosaved soon, a clean one has its recovery file removed.
    /// Cheap on the calling thread: a clone of the journey and a short lock.
    pub fn track(&self, key: DocKey, doc: &Document, file: &OpenFile) {
        if doc.is_dirty() {
            self.changed(key, doc.revision(), doc.journey(), file);
        } else {
            self.clean(key);
        }
    }

    /// The document changed and has unsaved changes: autosave `journey` soon.
    pub fn changed(&self, key: DocKey, revision: u64, journey: &Journey, file: &OpenFile) {
        let doc = key;
        let snap = Snapshot {
            revision,
            journey: journey.clone(),
            original: file.path.clone(),
            disk: file.disk,
        };
        let now = Instant::now();
        let mut st = self.shared.lock();
        st.lang = crate::i18n::current();
        st.latest.insert(doc, snap);
        let first = match st.pending.get(&doc) {
            Some(Pending::Write { first, .. }) => *first,
            _ => now,
        };
        st.pending.insert(doc, Pending::Write { first, last: now });
        drop(st);
        self.shared.wake.notify_all();
    }

    /// The document has no unsaved changes any more (saved, reverted, closed):
    /// remove its recovery file.
    pub fn clean(&self, doc: DocKey) {
        let mut st = self.shared.lock();
        st.latest.remove(&doc);
        st.pending.insert(doc, Pending::Remove);
        drop(st);
        self.shared.wake.notify_all();
    }

    pub fn status(&self) -> AutosaveStatus {
        self.shared.lock().status.clone()
    }

    /// Write everything pending now and wait for it (at most `timeout`).
    /// Returns false when it did not finish in time.
    pub fn flush(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut st = self.shared.lock();
        st.flush = true;
        self.shared.wake.notify_all();
        while !st.pending.is_empty() || st.busy {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            st = match self.shared.idle.wait_timeout(st, deadline - now) {
                Ok((g, _)) => g,
                Err(p) => p.into_inner().0,
            };
        }
        true
    }

    /// Clean exit: stop the writer and remove this run's recovery files and lock.
    pub fn finish(mut self) -> Result<(), RecoveryError> {
        {
            let mut st = self.shared.lock();
            st.pending.clear();
            st.latest.clear();
        }
        self.stop_thread();
        super::panic::unregister(&self.shared);
        match self.session.take() {
            Some(session) => self.shared.store.end_session(session),
            None => Ok(()),
        }
    }

    fn stop_thread(&mut self) {
        self.shared.lock().stop = true;
        self.shared.wake.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Autosaver {
    /// Without [`Autosaver::finish`] (a crash unwinding, or the app forgot), the
    /// writer stops after writing what is pending and the recovery files stay.
    fn drop(&mut self) {
        if self.thread.is_some() {
            self.stop_thread();
        }
    }
}

enum Job {
    Write(DocKey, Box<Snapshot>),
    Remove(DocKey),
}

fn run(shared: &Shared) {
    loop {
        let mut st = shared.lock();
        let jobs = loop {
            let now = Instant::now();
            let force = st.flush || st.stop;
            let mut next: Option<Instant> = None;
            let mut due = Vec::new();
            for (doc, p) in &st.pending {
                match p {
                    Pending::Remove => due.push(*doc),
                    Pending::Write { first, last } => {
                        let at = due_at(*first, *last);
                        if force || at <= now {
                            due.push(*doc);
                        } else {
                            next = Some(next.map_or(at, |n| n.min(at)));
                        }
                    }
                }
            }
            if !due.is_empty() {
                let mut jobs = Vec::new();
                for doc in due {
                    match st.pending.remove(&doc) {
                        Some(Pending::Remove) => jobs.push(Job::Remove(doc)),
                        Some(Pending::Write { .. }) => {
                            if let Some(snap) = st.latest.get(&doc) {
                                jobs.push(Job::Write(doc, Box::new(snap.clone())));
                            }
                        }
                        None => {}
                    }
                }
                st.busy = true;
                break jobs;
            }
            st.flush = false;
            shared.idle.notify_all();
            if st.stop {
                return;
            }
            st = match next {
                Some(at) => match shared
                    .wake
                    .wait_timeout(st, at.saturating_duration_since(now))
                {
                    Ok((g, _)) => g,
                    Err(p) => p.into_inner().0,
                },
                None => match shared.wake.wait(st) {
                    Ok(g) => g,
                    Err(p) => p.into_inner(),
                },
            };
        };
        drop(st);
        for job in jobs {
            let io = shared
                .io
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Job::Write(doc, snap) = &job
                && shared
                    .lock()
                    .written
                    .get(doc)
                    .is_some_and(|&w| w >= snap.revision)
            {
                // The panic hook already wrote this state or a newer one.
                continue;
            }
            let result = match &job {
                Job::Write(doc, snap) => shared.write_now(*doc, snap).map(|_| ()),
                Job::Remove(doc) => match shared.store.remove(&shared.entry_id(*doc)) {
                    Err(RecoveryError::Unknown(_)) => Ok(()),
                    other => other,
                },
            };
            drop(io);
            let mut st = shared.lock();
            match (&job, result) {
                (Job::Write(doc, snap), Ok(())) => {
                    st.written.insert(*doc, snap.revision);
                    st.status.last_written = Some(SystemTime::now());
                    st.status.last_error = None;
                }
                (Job::Remove(doc), Ok(())) => {
                    st.written.remove(doc);
                }
                (_, Err(e)) => {
                    let text = crate::i18n::with_lang(&st.lang, || e.to_string());
                    st.status.last_error = Some(text);
                }
            }
        }
        let mut st = shared.lock();
        st.busy = false;
        drop(st);
        shared.idle.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Touchpoint;

    #[test]
    fn due_within_two_seconds_of_the_last_edit() {
        let t0 = Instant::now();
        // One edit: written QUIET later.
        assert_eq!(due_at(t0, t0), t0 + Duration::from_millis(500));
        // Edits every 300 ms keep postponing, but not past MAX_DELAY after the first.
        let last = t0 + Duration::from_millis(1200);
        assert_eq!(due_at(t0, last), t0 + Duration::from_millis(1500));
        let last = t0 + Duration::from_millis(900);
        assert_eq!(due_at(t0, last), t0 + Duration::from_millis(1400));
        // Whatever the pattern, the write comes at most QUIET after the last edit.
        for ms in [0u64, 100, 499, 1000, 1499, 5000] {
            let last = t0 + Duration::from_millis(ms);
            assert!(due_at(t0, last) <= last + QUIET);
        }
    }

    fn store() -> (tempfile::TempDir, RecoveryStore) {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = RecoveryStore::new(tmp.path().join("recovery"));
        (tmp, store)
    }

    #[test]
    fn writes_the_latest_state_and_cleans_up() {
        let (_tmp, store) = store();
        let mut saver = Autosaver::start(store.clone()).unwrap_or_else(|e| panic!("{e}"));
        let doc = saver.open_doc();
        let mut j = Journey::starter("Move address");
        let fp = Fingerprint::of_bytes(b"old", None);
        let file = OpenFile::recovered(Some("/maps/move.journey.ron".into()), Some(fp));
        for n in 1..=5u64 {
            let _ = j.add_touchpoint(Touchpoint::new(format!("tp-{n}"), format!("Step {n}")));
            saver.changed(doc, n, &j, &file);
        }
        assert!(saver.flush(Duration::from_secs(10)));
        let list = store.list();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].revision, 5);
        assert_eq!(list[0].original_disk, Some(fp));
        assert_eq!(
            list[0].original_path.as_deref(),
            Some(std::path::Path::new("/maps/move.journey.ron"))
        );
        assert_eq!(list[0].id, saver.entry_id(doc));
        assert_eq!(store.load(&list[0].id).ok(), Some(j.clone()));
        assert!(saver.status().last_written.is_some());
        assert_eq!(saver.status().last_error, None);
        // Our own running session is not offered for recovery.
        assert!(store.list_orphaned().is_empty());
        // Saved: the recovery file goes.
        saver.clean(doc);
        assert!(saver.flush(Duration::from_secs(10)));
        assert!(store.list().is_empty());
        saver.changed(doc, 6, &j, &OpenFile::untitled());
        assert!(saver.flush(Duration::from_secs(10)));
        assert_eq!(store.list().len(), 1);
        saver.finish().unwrap_or_else(|e| panic!("{e}"));
        assert!(store.list().is_empty());
    }

    #[test]
    fn debounced_write_happens_without_flush() {
        let (_tmp, store) = store();
        let mut saver = Autosaver::start(store.clone()).unwrap_or_else(|e| panic!("{e}"));
        let doc = saver.open_doc();
        let j = Journey::starter("Fibre installation");
        saver.changed(doc, 1, &j, &OpenFile::untitled());
        // Poll (bounded): the thread writes on its own after QUIET.
        let deadline = Instant::now() + Duration::from_secs(20);
        while store.list().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(store.list().len(), 1);
        assert_eq!(store.list()[0].title, "Fibre installation");
        // Dropped without finish (as in a crash): the file stays and becomes orphaned.
        drop(saver);
        assert_eq!(store.list_orphaned().len(), 1);
    }

    #[test]
    fn write_errors_are_reported_not_fatal() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = tmp.path().join("recovery");
        let store = RecoveryStore::new(&dir);
        let mut saver = Autosaver::start(store.clone()).unwrap_or_else(|e| panic!("{e}"));
        let doc = saver.open_doc();
        // Replace the folder by a file: every write now fails.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::write(&dir, "not a folder").unwrap_or_else(|e| panic!("{e}"));
        saver.changed(doc, 1, &Journey::starter("x"), &OpenFile::untitled());
        assert!(saver.flush(Duration::from_secs(10)));
        let status = saver.status();
        assert_eq!(status.last_written, None);
        assert!(
            status
                .last_error
                .as_deref()
                .is_some_and(|e| e.contains("recovery")),
            "{status:?}"
        );
        drop(saver);
    }
}
