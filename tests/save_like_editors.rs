//! Issue #21, finding 5: every save (app saves, autosave recovery, `fmt`, `import -o`,
//! `export -o`) goes through one code path that keeps what Vim and VS Code keep:
//! symbolic links, permission bits and owner, devices and pipes untouched, read-only
//! files refused unless forced, long names, several files all or nothing.
#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use touchpoint::io::{self, Fs, RealFs, SaveError, Target, WriteOptions};

/// A valid journey that is not in canonical form (so `fmt` rewrites it).
const MESSY: &str =
    "(title: \"Move\", touchpoints: [(id: \"b\", name: \"B\"), (id: \"a\", name: \"A\")])\n";

fn bin(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run");
    assert!(
        out.status.code().is_some(),
        "killed by a signal: {:?}",
        out.status
    );
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().to_path_buf();
    std::fs::write(p.join("j.journey.ron"), MESSY).unwrap();
    (t, p)
}

fn is_canonical(path: &Path) -> bool {
    let text = std::fs::read_to_string(path).unwrap();
    let j = io::load_str("x", &text).unwrap();
    io::to_ron_string(&j) == text
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().mode() & 0o7777
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn fmt_through_a_symlink_formats_the_real_file_and_keeps_the_link() {
    let (_t, p) = setup();
    std::fs::create_dir(p.join("real")).unwrap();
    std::fs::rename(p.join("j.journey.ron"), p.join("real/j.journey.ron")).unwrap();
    std::os::unix::fs::symlink("real/j.journey.ron", p.join("link.journey.ron")).unwrap();
    let o = bin(&p, &["fmt", "link.journey.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let link = std::fs::symlink_metadata(p.join("link.journey.ron")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert!(is_canonical(&p.join("real/j.journey.ron")));
    assert!(leftovers(&p).is_empty() && leftovers(&p.join("real")).is_empty());
}

#[test]
fn output_onto_a_symlink_or_a_dangling_one_writes_its_target() {
    let (_t, p) = setup();
    std::fs::write(p.join("old.dot"), "old").unwrap();
    std::os::unix::fs::symlink("old.dot", p.join("out.dot")).unwrap();
    let o = bin(&p, &["export", "j.journey.ron", "-o", "out.dot"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(p.join("out.dot"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(p.join("old.dot"))
            .unwrap()
            .starts_with("digraph")
    );
    // A link to a file that does not exist yet: the file is created, the link kept.
    std::os::unix::fs::symlink("made.journey.ron", p.join("dangling.journey.ron")).unwrap();
    std::fs::write(p.join("in.csv"), "name\nA\nB\n").unwrap();
    let o = bin(&p, &["import", "in.csv", "-o", "dangling.journey.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(p.join("dangling.journey.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(io::load_file(&p.join("made.journey.ron")).is_ok());
}

#[test]
fn folders_and_sockets_are_refused_with_a_clear_message() {
    let (_t, p) = setup();
    std::fs::create_dir(p.join("dir.dot")).unwrap();
    let o = bin(&p, &["export", "j.journey.ron", "-o", "dir.dot"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("dir.dot is a folder, not a file; nothing was written"),
        "{}",
        stderr(&o)
    );
    assert!(std::fs::metadata(p.join("dir.dot")).unwrap().is_dir());
    let _listener = std::os::unix::net::UnixListener::bind(p.join("sock.dot")).unwrap();
    let o = bin(&p, &["export", "j.journey.ron", "-o", "sock.dot"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("sock.dot is a socket, not a file"),
        "{}",
        stderr(&o)
    );
    assert!(
        std::fs::symlink_metadata(p.join("sock.dot"))
            .unwrap()
            .file_type()
            .is_socket()
    );
    assert!(leftovers(&p).is_empty());
}

#[test]
fn devices_and_pipes_are_written_into_never_replaced() {
    let (_t, p) = setup();
    // /dev/null: written into (a character device), still a device afterwards.
    let o = bin(
        &p,
        &[
            "export",
            "j.journey.ron",
            "--format",
            "dot",
            "-o",
            "/dev/null",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A named pipe nobody reads: refused at once, not waited on, and still a pipe.
    let fifo = p.join("pipe.dot");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let t = Instant::now();
    let o = bin(&p, &["export", "j.journey.ron", "-o", "pipe.dot"]);
    assert!(t.elapsed() < Duration::from_secs(5));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no program is reading"),
        "{}",
        stderr(&o)
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // With a reader, the bytes go through the pipe.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    // Give the reader time to open its end.
    let mut written = None;
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(50));
        let o = bin(
            &p,
            &[
                "export",
                "j.journey.ron",
                "--format",
                "dot",
                "-o",
                "pipe.dot",
            ],
        );
        if o.status.success() {
            written = Some(o);
            break;
        }
    }
    assert!(written.is_some(), "never written into the pipe");
    assert!(reader.join().unwrap().starts_with("digraph"));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn permission_bits_and_owner_are_kept() {
    let (_t, p) = setup();
    let f = p.join("j.journey.ron");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = bin(&p, &["fmt", "j.journey.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(is_canonical(&f));
    assert_eq!(mode(&f), 0o600, "a private file became readable by others");
    // The owner too, where the process may change it (as root).
    std::fs::write(&f, MESSY).unwrap();
    if std::os::unix::fs::chown(&f, Some(4321), Some(4321)).is_ok() {
        let o = bin(&p, &["fmt", "j.journey.ron"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let m = std::fs::metadata(&f).unwrap();
        assert_eq!((m.uid(), m.gid()), (4321, 4321));
    }
}

#[test]
fn read_only_files_are_refused_unless_forced() {
    let (_t, p) = setup();
    let f = p.join("j.journey.ron");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = bin(&p, &["fmt", "j.journey.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is read-only; nothing was written"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), MESSY);
    let o = bin(&p, &["fmt", "--force", "j.journey.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(is_canonical(&f));
    assert_eq!(mode(&f), 0o444);
    // export -o and import -o too.
    std::fs::write(p.join("ro.dot"), "keep").unwrap();
    std::fs::set_permissions(p.join("ro.dot"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = bin(&p, &["export", "j.journey.ron", "-o", "ro.dot"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(p.join("ro.dot")).unwrap(), "keep");
    let o = bin(&p, &["export", "j.journey.ron", "-o", "ro.dot", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(p.join("in.csv"), "name\nA\n").unwrap();
    std::fs::copy(p.join("ro.dot"), p.join("ro.journey.ron")).unwrap();
    std::fs::set_permissions(
        p.join("ro.journey.ron"),
        std::fs::Permissions::from_mode(0o444),
    )
    .unwrap();
    let o = bin(&p, &["import", "in.csv", "-o", "ro.journey.ron"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = bin(&p, &["import", "in.csv", "-o", "ro.journey.ron", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn names_up_to_255_bytes_save() {
    let (_t, p) = setup();
    for len in [240usize, 250, 255] {
        let name = format!("{}.journey.ron", "n".repeat(len - ".journey.ron".len()));
        assert_eq!(name.len(), len);
        std::fs::write(p.join(&name), MESSY).unwrap();
        let o = bin(&p, &["fmt", &name]);
        assert!(o.status.success(), "{len}: {}", stderr(&o));
        assert!(is_canonical(&p.join(&name)));
        let tmp = io::temp_path(&p.join(&name));
        assert!(tmp.file_name().unwrap().len() <= 255);
    }
    // Multi-byte names are cut on a character boundary.
    let name = format!("{}.ron", "é".repeat(125));
    let tmp = io::temp_path(Path::new(&name));
    let tmp_name = tmp.file_name().unwrap().to_str().unwrap();
    assert!(tmp_name.len() <= 255);
}

#[test]
fn a_csv_export_that_cannot_write_one_table_writes_none() {
    let (_t, p) = setup();
    std::fs::create_dir(p.join("out.matrix.csv")).unwrap();
    let o = bin(&p, &["export", "j.journey.ron", "-o", "out.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!p.join("out.touchpoints.csv").exists());
    assert!(!p.join("out.handoffs.csv").exists());
    assert!(leftovers(&p).is_empty());
}

/// Fails the n-th temporary file.
struct FailNth(usize, std::sync::atomic::AtomicUsize);

impl Fs for FailNth {
    fn write_new(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let k = self.1.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if k == self.0 {
            return Err(std::io::Error::from_raw_os_error(28));
        }
        RealFs.write_new(path, bytes)
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
fn several_files_are_written_all_or_nothing() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path();
    let names = ["a.csv", "b.csv", "c.csv"];
    for n in names {
        std::fs::write(p.join(n), "old").unwrap();
    }
    let paths: Vec<PathBuf> = names.iter().map(|n| p.join(n)).collect();
    let files: Vec<(&Path, &[u8])> = paths.iter().map(|q| (q.as_path(), &b"new"[..])).collect();
    let fs = FailNth(2, Default::default());
    let e = io::save_all_atomic(&fs, &files, WriteOptions::default()).unwrap_err();
    assert!(matches!(e, SaveError::Write { .. }), "{e}");
    for q in &paths {
        assert_eq!(std::fs::read_to_string(q).unwrap(), "old");
    }
    assert!(leftovers(p).is_empty());
    io::save_all_atomic(&RealFs, &files, WriteOptions::default()).unwrap();
    for q in &paths {
        assert_eq!(std::fs::read_to_string(q).unwrap(), "new");
    }
}

#[test]
fn app_saves_go_through_the_same_path() {
    // The app's save (OpenFile::save -> io::save_checked) keeps the link and the mode,
    // and refuses a read-only file unless the user chose to overwrite it.
    let (_t, p) = setup();
    std::fs::create_dir(p.join("real")).unwrap();
    std::fs::rename(p.join("j.journey.ron"), p.join("real/j.journey.ron")).unwrap();
    std::os::unix::fs::symlink("real/j.journey.ron", p.join("link.journey.ron")).unwrap();
    let real = p.join("real/j.journey.ron");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (mut doc, mut file) =
        touchpoint::recovery::OpenFile::open(&p.join("link.journey.ron")).unwrap();
    file.save(&RealFs, &mut doc, true, false).unwrap();
    assert!(
        std::fs::symlink_metadata(p.join("link.journey.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(is_canonical(&real));
    assert_eq!(mode(&real), 0o640);
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o440)).unwrap();
    let e = file.save(&RealFs, &mut doc, false, false).unwrap_err();
    assert!(matches!(e, SaveError::ReadOnly { .. }), "{e}");
    file.save(&RealFs, &mut doc, false, true).unwrap();
    assert_eq!(mode(&real), 0o440);
    assert!(matches!(
        io::inspect_target(Path::new("/dev/null")).unwrap(),
        Target::Stream(_)
    ));
}

const COMMENTED: &str = "// Owned by the journey team: ask Ana before changing stages.\n(title: \"Move\", touchpoints: [(id: \"b\", name: \"B\"), /* first */ (id: \"a\", name: \"A\")])\n";

#[test]
fn fmt_refuses_to_drop_comments_unless_told() {
    let (_t, p) = setup();
    let f = p.join("j.journey.ron");
    std::fs::write(&f, COMMENTED).unwrap();
    let o = bin(&p, &["fmt", "j.journey.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("j.journey.ron:1:1: 2 comments that the canonical form would drop; not rewritten (use --drop-comments"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&f).unwrap(), COMMENTED);
    let o = bin(&p, &["fmt", "--check", "j.journey.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let o = bin(&p, &["fmt", "--drop-comments", "j.journey.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(is_canonical(&f));
}

#[test]
fn the_app_asks_before_its_first_save_drops_comments_and_keeps_a_bak() {
    use touchpoint::edit::Edit;
    use touchpoint::model::Touchpoint;
    let (_t, p) = setup();
    let f = p.join("j.journey.ron");
    std::fs::write(&f, COMMENTED).unwrap();
    let (mut doc, mut file) = touchpoint::recovery::OpenFile::open(&f).unwrap();
    assert_eq!(file.comments().map(|c| c.count), Some(2));
    doc.apply(
        "Add touchpoint",
        Edit::AddTouchpoint(Box::new(Touchpoint::new("c", "C"))),
    )
    .unwrap();
    // No backups in the settings: the first save still asks, and keeps one.
    let e = file.save(&RealFs, &mut doc, false, false).unwrap_err();
    assert!(
        matches!(
            e,
            SaveError::DropsComments {
                count: 2,
                line: 1,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(std::fs::read_to_string(&f).unwrap(), COMMENTED);
    assert!(doc.is_dirty());
    file.agree_to_drop_comments();
    file.save(&RealFs, &mut doc, false, false).unwrap();
    assert_eq!(
        std::fs::read_to_string(io::backup_path(&f)).unwrap(),
        COMMENTED
    );
    assert!(is_canonical(&f));
    // The comments are gone now: later saves do not ask again.
    assert!(file.comments().is_none());
    doc.apply(
        "Add touchpoint",
        Edit::AddTouchpoint(Box::new(Touchpoint::new("d", "D"))),
    )
    .unwrap();
    file.save(&RealFs, &mut doc, false, false).unwrap();
}
