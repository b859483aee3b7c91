//! Every input under `tests/fuzz_regressions/` (crashes and slow inputs found by
//! `cargo fuzz`, plus hand-made hostile files) loads without panicking: a journey
//! that saves and loads back identically, or located problems.

use std::path::{Path, PathBuf};
use touchpoint::import::{ImportFormat, import_bytes};
use touchpoint::io::{self, LoadError};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

fn assert_located(name: &str, e: &LoadError) {
    assert!(!e.problems.is_empty(), "{name}: an error without problems");
    for p in &e.problems {
        assert!(!p.message.is_empty(), "{name}: empty message");
        if let Some(pos) = p.pos {
            assert!(pos.line >= 1 && pos.col >= 1, "{name}: {pos}");
        }
    }
}

#[test]
fn the_load_corpus_never_panics() {
    let files = inputs("load");
    assert!(files.len() >= 11, "the corpus is missing: {files:?}");
    let mut failed = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Through the file path (UTF-8 check, BOM) ...
        match io::load_file(path) {
            Ok(j) => {
                let saved = io::to_ron_string(&j);
                assert_eq!(
                    io::load_str("resaved", &saved).ok(),
                    Some(j),
                    "{name}: does not load back"
                );
            }
            Err(e) => {
                failed += 1;
                assert_located(&name, &e);
            }
        }
        // ... and as text.
        let bytes = std::fs::read(path).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Err(e) = io::load_str(&name, text)
        {
            assert_located(&name, &e);
        }
    }
    // The hand-made hostile files are all refused.
    assert!(failed >= 11, "{failed} of {} refused", files.len());
}

#[test]
fn hostile_files_get_these_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions/load");
    let first = |name: &str| io::load_file(&dir.join(name)).unwrap_err().lines()[0].clone();
    let d = dir.display();
    assert_eq!(
        first("truncated-in-string.ron"),
        // Cut off inside the title (issue 14): said as such, at the file's end.
        format!(
            "{d}/truncated-in-string.ron:3:22: the file ends early at line 3 (it may be cut off)"
        )
    );
    assert_eq!(
        first("crlf-and-bom.ron"),
        format!(
            "{d}/crlf-and-bom.ron:3:19: stage id \"bad id\" is not valid: use letters, digits, '-', '_' or '.' (1 to 128)"
        )
    );
    assert!(
        first("nan-metric.ron").ends_with(":1:78: a metric value must be a finite number, not NaN"),
        "{}",
        first("nan-metric.ron")
    );
}

/// Import every file of `target` in `format`: a journey that saves and loads back,
/// or problems. Returns (imported, refused).
fn import_corpus(target: &str, format: ImportFormat) -> (usize, usize) {
    let (mut imported, mut refused) = (0, 0);
    for path in inputs(target) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let started = std::time::Instant::now();
        match import_bytes(&name, &bytes, format) {
            Ok(r) => {
                imported += 1;
                let text = io::to_ron_string(&r.journey);
                let back =
                    io::load_str("imported", &text).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(back == r.journey, "{name}: loads back differently");
                assert!(r.problems.iter().all(|p| !p.message.is_empty()), "{name}");
            }
            Err(e) => {
                refused += 1;
                assert!(!e.problems.is_empty(), "{name}: an error without problems");
            }
        }
        // The fuzzers' hang limit (`-timeout=5`), round trip included, in a debug build.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{name}: {:?}",
            started.elapsed()
        );
    }
    (imported, refused)
}

#[test]
fn the_csv_import_corpus_never_panics() {
    let (imported, refused) = import_corpus("import_csv", ImportFormat::Csv);
    assert!(imported + refused >= 9, "the corpus is missing");
    assert!(
        imported >= 1 && refused >= 1,
        "{imported} imported, {refused} refused"
    );
}

#[test]
fn the_mermaid_import_corpus_never_panics() {
    let (imported, refused) = import_corpus("import_mermaid", ImportFormat::Mermaid);
    assert!(imported + refused >= 6, "the corpus is missing");
    assert!(
        imported >= 1 && refused >= 1,
        "{imported} imported, {refused} refused"
    );
}
