//! The panic hook: before the app goes down, write every unsaved journey that the
//! autosaver has not written yet, and a crash report, and say where they are.

use super::autosave::Shared;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, Once, TryLockError, Weak};
use std::time::{Duration, Instant, SystemTime};

static AUTOSAVERS: Mutex<Vec<Weak<Shared>>> = Mutex::new(Vec::new());
/// The crash-report folder beside the store of the autosaver started last: where a
/// report goes when no autosaver is running any more (the app's is
/// `data_dir()/crash-reports`; a test's lies in its own temporary folder).
static LAST_CRASH_DIR: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The crash-report folder that belongs with a recovery store: its sibling
/// `crash-reports` (`data_dir()/recovery` -> `data_dir()/crash-reports`).
fn crash_dir_beside(store: &super::RecoveryStore) -> PathBuf {
    let dir = store.dir();
    dir.parent().unwrap_or(dir).join("crash-reports")
}

fn autosavers() -> MutexGuard<'static, Vec<Weak<Shared>>> {
    AUTOSAVERS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub(super) fn register(shared: &Arc<Shared>) {
    let mut list = autosavers();
    list.retain(|w| w.strong_count() > 0);
    list.push(Arc::downgrade(shared));
    drop(list);
    *LAST_CRASH_DIR
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(crash_dir_beside(&shared.store));
}

pub(super) fn unregister(shared: &Arc<Shared>) {
    autosavers().retain(|w| w.strong_count() > 0 && !std::ptr::eq(w.as_ptr(), Arc::as_ptr(shared)));
}

/// What the panic hook wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct CrashReport {
    /// The crash report file, when it could be written.
    pub report: Option<PathBuf>,
    /// Recovery files written by the hook itself (the autosaver may have written others before).
    pub recovered: Vec<PathBuf>,
}

/// Install (once) a panic hook that runs the previous hook (which prints the
/// message), then writes the unsaved state of every running [`super::Autosaver`]
/// and a crash report, and prints their paths. The report goes beside the recovery
/// store of a running autosaver (`data_dir()/crash-reports` for the app's), else beside
/// the last one started, else under `data_dir()/crash-reports`.
pub fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            previous(info);
            let report = on_panic(info);
            eprintln!("{}", describe(&report));
        }));
    });
}

fn describe(report: &CrashReport) -> String {
    let mut out = String::from("Touchpoint stopped because of an internal error.");
    match &report.report {
        Some(p) => out.push_str(&format!("\nCrash report: {}", p.display())),
        None => out.push_str("\nThe crash report could not be written."),
    }
    out.push_str(
        "\nUnsaved changes were kept for recovery: start Touchpoint again, or run `touchpoint recover --list`.",
    );
    out
}

/// Wait (bounded) for a lock: the panicking thread may hold it itself.
fn lock_briefly<T>(m: &Mutex<T>) -> Option<MutexGuard<'_, T>> {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        match m.try_lock() {
            Ok(g) => return Some(g),
            Err(TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(TryLockError::WouldBlock) => {
                if Instant::now() >= deadline {
                    return None;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
}

fn on_panic(info: &std::panic::PanicHookInfo<'_>) -> CrashReport {
    let mut recovered = Vec::new();
    let mut errors = Vec::new();
    let live: Vec<Arc<Shared>> = match lock_briefly(&AUTOSAVERS) {
        Some(list) => list.iter().filter_map(Weak::upgrade).collect(),
        None => Vec::new(),
    };
    for shared in &live {
        // Hold the I/O lock so no older in-flight write lands after ours.
        let io = lock_briefly(&shared.io);
        let todo: Vec<_> = match lock_briefly(&shared.state) {
            Some(st) => st
                .latest
                .iter()
                .filter(|(doc, snap)| st.written.get(doc).is_none_or(|&w| w < snap.revision))
                .map(|(doc, snap)| (*doc, snap.clone()))
                .collect(),
            None => Vec::new(),
        };
        for (doc, snap) in todo {
            match shared.write_now(doc, &snap) {
                Ok(path) => {
                    if let Some(mut st) = lock_briefly(&shared.state) {
                        st.written.insert(doc, snap.revision);
                    }
                    recovered.push(path);
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
        drop(io);
    }
    let dir = live
        .first()
        .map(|s| crash_dir_beside(&s.store))
        .or_else(|| lock_briefly(&LAST_CRASH_DIR).and_then(|d| d.clone()))
        .or_else(|| super::data_dir().map(|d| d.join("crash-reports")))
        .unwrap_or_else(|| std::env::temp_dir().join("crash-reports"));
    let report = write_report(info, &dir, &recovered, &errors);
    CrashReport { report, recovered }
}

fn write_report(
    info: &std::panic::PanicHookInfo<'_>,
    dir: &std::path::Path,
    recovered: &[PathBuf],
    errors: &[String],
) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).ok()?;
    let now = SystemTime::now();
    let path = dir.join(format!(
        "crash-{}-{}.txt",
        super::millis(now),
        std::process::id()
    ));
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned());
    let location = info.location().map_or_else(
        || "(unknown)".to_owned(),
        |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
    );
    let thread = std::thread::current();
    let mut text = format!(
        "Touchpoint {} crash report\ntime: {}\nthread: {}\nmessage: {message}\nlocation: {location}\n",
        env!("CARGO_PKG_VERSION"),
        super::format_utc(now),
        thread.name().unwrap_or("(unnamed)"),
    );
    text.push_str("recovery files written now:\n");
    for p in recovered {
        text.push_str(&format!("  {}\n", p.display()));
    }
    for e in errors {
        text.push_str(&format!("recovery error: {e}\n"));
    }
    text.push_str(&format!(
        "backtrace:\n{}\n",
        std::backtrace::Backtrace::force_capture()
    ));
    std::fs::write(&path, text).ok()?;
    Some(path)
}
