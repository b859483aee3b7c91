//! Recovery across a real crash: the binary autosaves, is killed with SIGKILL
//! (or panics), and the journey comes back exactly as it was at the last autosave.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use touchpoint::cli::recover::autosave_test_edit;
use touchpoint::history::Document;
use touchpoint::model::Journey;
use touchpoint::recovery::{DATA_DIR_ENV, RecoveryStore};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
}

/// A journey file with 30 touchpoints, as a workshop would have on disk.
fn sample(dir: &Path) -> PathBuf {
    let dst = dir.join("move-address.journey.ron");
    touchpoint::io::save(&dst, &touchpoint::generate::generate(30, 3)).unwrap();
    dst
}

/// The journey after `edits` autosave-test edits, computed in-process.
fn expected(path: &Path, edits: usize) -> Journey {
    let mut doc = Document::new(touchpoint::io::load_file(path).unwrap());
    for n in 1..=edits {
        let edit = autosave_test_edit(doc.journey(), n);
        doc.apply("Rename touchpoint", edit).unwrap();
    }
    doc.journey().clone()
}

fn recover(data: &Path, args: &[&str]) -> (bool, String, String) {
    let out = bin()
        .arg("recover")
        .args(args)
        .env(DATA_DIR_ENV, data)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Kills the child if the test fails half-way.
struct Reap(std::process::Child);
impl Drop for Reap {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_killed_process_is_recovered_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let journey = sample(tmp.path());
    let edits = 7;
    let mut child = Reap(
        bin()
            .args(["autosave-test", "--journey"])
            .arg(&journey)
            .args(["--edits", &edits.to_string()])
            .env(DATA_DIR_ENV, &data)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let id = line
        .trim()
        .strip_prefix("recovery id: ")
        .unwrap_or_else(|| panic!("{line:?}"))
        .to_owned();

    // Wait (bounded) for the autosave of the last edit: the writer thread does it by itself.
    let store = RecoveryStore::new(data.join("recovery"));
    let deadline = Instant::now() + Duration::from_secs(30);
    while store.get(&id).map(|i| i.revision).unwrap_or(0) < edits as u64 {
        assert!(Instant::now() < deadline, "no autosave within 30 s");
        std::thread::sleep(Duration::from_millis(25));
    }
    // While the app runs, its work is not offered for recovery.
    let (ok, out, _) = recover(&data, &["--list"]);
    assert!(ok);
    assert!(out.starts_with("No recovered journeys in "), "{out}");
    assert!(
        out.contains("(1 more belong to a Touchpoint window that is still open.)"),
        "{out}"
    );

    child.0.kill().unwrap(); // SIGKILL: no destructor, no hook runs.
    child.0.wait().unwrap();

    let (ok, out, _) = recover(&data, &[]);
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "1 recovered journey (newest first):");
    assert!(lines[1].starts_with(&format!("{id}  ")), "{out}");
    let title = touchpoint::io::load_file(&journey)
        .unwrap()
        .title()
        .to_owned();
    assert!(
        lines[1].contains(&format!(" UTC  {title:?}  from ")),
        "{out}"
    );
    assert!(
        lines[1].ends_with(&format!("from {}", journey.display())),
        "{out}"
    );

    // In the app: the restored journey is unsaved, belongs to its file, and saving
    // it there refuses if someone changed that file after it was loaded.
    let (mut doc, mut file) = store.restore(&id).unwrap();
    assert!(doc.is_dirty());
    assert_eq!(doc.journey(), &expected(&journey, edits));
    assert_eq!(file.path.as_deref(), Some(journey.as_path()));
    assert_eq!(
        file.disk_state(&touchpoint::io::RealFs),
        touchpoint::io::DiskState::Unchanged
    );
    let untouched = std::fs::read(&journey).unwrap();
    std::fs::write(&journey, [&untouched[..], b"\n"].concat()).unwrap();
    assert!(
        file.save(&touchpoint::io::RealFs, &mut doc, false, false)
            .is_err()
    );
    std::fs::write(&journey, &untouched).unwrap();

    let restored = tmp.path().join("restored.journey.ron");
    let (ok, _, err) = recover(&data, &[&id, "-o", restored.to_str().unwrap()]);
    assert!(ok, "{err}");
    let got = touchpoint::io::load_file(&restored).unwrap();
    let want = expected(&journey, edits);
    assert_eq!(got, want);
    // The restored journey differs from the file on disk: the edits were not lost.
    assert_ne!(got, touchpoint::io::load_file(&journey).unwrap());
    assert_eq!(
        got.touchpoints()
            .filter(|t| t.name.starts_with("Autosave edit "))
            .count(),
        edits
    );

    // Restored: nothing left to recover, no stale lock.
    let (_, out, _) = recover(&data, &["--list"]);
    assert!(out.starts_with("No recovered journeys"), "{out}");
    let left: Vec<_> = std::fs::read_dir(data.join("recovery"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_panic_writes_the_recovery_file_and_a_crash_report() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let journey = sample(tmp.path());
    let out = bin()
        .args(["panic-test", "--journey"])
        .arg(&journey)
        .env(DATA_DIR_ENV, &data)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(101));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("panic-test: a deliberate crash after an unsaved edit"),
        "{stderr}"
    );
    let report = stderr
        .lines()
        .find_map(|l| l.strip_prefix("Crash report: "))
        .unwrap_or_else(|| panic!("{stderr}"));
    let report = std::fs::read_to_string(report).unwrap();
    assert!(
        report.contains("message: panic-test: a deliberate crash after an unsaved edit"),
        "{report}"
    );
    assert!(report.contains("location: src/cli/recover.rs:"), "{report}");

    let store = RecoveryStore::new(data.join("recovery"));
    let list = store.list_orphaned();
    assert_eq!(list.len(), 1);
    // The hook itself wrote it (the autosaver's write was not due yet).
    assert!(
        report.contains(&list[0].path.display().to_string()),
        "{report}"
    );
    assert_eq!(list[0].revision, 1);
    assert_eq!(list[0].original_path.as_deref(), Some(journey.as_path()));
    assert_eq!(store.load(&list[0].id).unwrap(), expected(&journey, 1));
}

/// A crash report goes beside the recovery store of the autosaver that was started
/// (the app's is `data_dir()/crash-reports`), also once that autosaver is gone: a
/// panicking test in a process whose app used a temporary store must not write into
/// the developer's real data folder. Run in a child process (this test binary, only
/// the test below), so no other test's autosaver or panic gets in between.
#[test]
fn a_crash_report_goes_beside_the_autosavers_store() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "recovery_process::crash_report_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR, tmp.path())
        .env(DATA_DIR_ENV, &data)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    assert!(text.contains("1 passed"), "{text}");
    let reports = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect()
    };
    let beside = reports(&tmp.path().join("crash-reports"));
    for marker in ["while it runs", "after it ended"] {
        let n = beside.iter().filter(|r| r.contains(marker)).count();
        assert_eq!(n, 1, "{marker}: {beside:?}\n{text}");
    }
    assert!(reports(&data.join("crash-reports")).is_empty());
}

const CHILD_DIR: &str = "TOUCHPOINT_TEST_CRASH_CHILD_DIR";

/// The child of [`a_crash_report_goes_beside_the_autosavers_store`]; does nothing
/// unless that test started it.
#[test]
#[ignore = "run by a_crash_report_goes_beside_the_autosavers_store in a child process"]
fn crash_report_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let store = RecoveryStore::new(Path::new(&dir).join("recovery"));
    let saver = touchpoint::recovery::Autosaver::start(store).unwrap();
    touchpoint::recovery::install_panic_hook();
    let crash = |marker: &str| {
        let thrown = format!("crash-report folder test: a panic {marker}");
        let joined = std::thread::spawn(move || panic!("{thrown}")).join();
        assert!(joined.is_err());
    };
    crash("while it runs");
    drop(saver);
    crash("after it ended");
}
