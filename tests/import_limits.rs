//! Issue #21, findings 2-4 and 7: imports are linear in time and memory at their
//! limits, and content over a limit in one row is cut (with a `file:line` warning)
//! while the rest is imported, consistently for names, notes, metrics and pain points.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use touchpoint::import::{ImportFormat, ImportResult, import_str};
use touchpoint::io::{MAX_ITEMS, MAX_TEXT};

/// Counts the bytes live on the heap and their peak (this test binary only).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Tests that measure the heap must not run beside each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn import(name: &str, text: &str, format: ImportFormat) -> ImportResult {
    match import_str(name, text, format) {
        Ok(r) => r,
        Err(e) => panic!("import failed: {e}"),
    }
}

/// The imported journey saves to text that loads back: the import held every limit.
fn loads_back(r: &ImportResult) {
    let text = touchpoint::io::to_ron_string(&r.journey);
    if let Err(e) = touchpoint::io::load_str("o.journey.ron", &text) {
        panic!("the imported journey does not load back: {e}");
    }
}

fn messages(r: &ImportResult) -> Vec<String> {
    r.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn memory_is_proportional_to_the_output_not_rows_times_the_longest_cell() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // One 60 KB cell, then 20,000 ordinary rows: a 300 KB table. Copying the reader's
    // buffer per row used to hold 20,000 x 60 KB = 1.2 GB.
    let mut text = String::from("name,notes\n");
    text.push_str(&format!("first,{}\n", "n".repeat(60_000)));
    for i in 0..20_000 {
        text.push_str(&format!("step {i},x\n"));
    }
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let r = import("big.csv", &text, ImportFormat::Csv);
    let peak = PEAK.load(Ordering::Relaxed) - base;
    assert_eq!(r.journey.touchpoint_count(), 20_001);
    assert!(
        peak < 64 * 1024 * 1024,
        "importing {} bytes peaked at {} MB",
        text.len(),
        peak / (1024 * 1024)
    );
}

/// Time `f` (the best of two runs, to be kind to a loaded machine).
fn time(mut f: impl FnMut()) -> Duration {
    (0..2)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Importing 4x the rows costs about 4x the time (quadratic would be 16x).
fn assert_linear(what: &str, make: impl Fn(usize) -> (String, ImportFormat), n: usize) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (small, f) = make(n);
    let (big, _) = make(4 * n);
    let a = time(|| {
        let r = import("in", &small, f);
        assert_eq!(r.journey.touchpoint_count(), n);
    });
    let b = time(|| {
        let r = import("in", &big, f);
        assert_eq!(r.journey.touchpoint_count(), 4 * n);
    });
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-3);
    assert!(
        ratio < 9.0,
        "{what}: {n} rows {a:?}, {} rows {b:?}: x{ratio:.1} for 4x the rows",
        4 * n
    );
}

#[test]
fn csv_rows_sharing_one_name_import_in_linear_time() {
    assert_linear(
        "csv, one name",
        |n| {
            let mut t = String::from("name,stage,owner\n");
            for i in 0..n {
                t.push_str(&format!("Call back,Stage {},Team {}\n", i % 7, i % 5));
            }
            (t, ImportFormat::Csv)
        },
        5_000,
    );
}

#[test]
fn csv_handoff_tables_resolve_names_in_linear_time() {
    // An edge list by names: every row names two touchpoints to find.
    assert_linear(
        "csv edge list",
        |n| {
            let mut t = String::from("from,to\n");
            for i in 1..n {
                t.push_str(&format!("Step {},Step {i}\n", i - 1));
            }
            (t, ImportFormat::Csv)
        },
        5_000,
    );
}

#[test]
fn mermaid_tasks_sharing_one_name_import_in_linear_time() {
    assert_linear(
        "mermaid, one name",
        |n| {
            let mut t = String::from("journey\n  title T\n  section S\n");
            for _ in 0..n {
                t.push_str("    Wait for the engineer: 2: Customer\n");
            }
            (t, ImportFormat::Mermaid)
        },
        4_000,
    );
}

#[test]
fn repeated_names_get_the_same_ids_as_before() {
    let r = import(
        "t.csv",
        "name\nCall\nCall\nCall-2\nCall\n",
        ImportFormat::Csv,
    );
    let ids: Vec<String> = r.journey.touchpoints().map(|t| t.id.0.clone()).collect();
    // `call-2` is taken by the row named "Call-2" only after the second "Call" took it,
    // so that row gets `call-2-2`.
    assert_eq!(ids, ["call", "call-2", "call-2-2", "call-3"]);
}

#[test]
fn over_limit_content_in_one_row_is_cut_and_the_rest_imported() {
    let long = "x".repeat(MAX_TEXT + 10);
    let pains: Vec<String> = (0..MAX_ITEMS + 1).map(|k| format!("pain {k}")).collect();
    let mut metric_cols = String::new();
    let mut metric_cells = String::new();
    for k in 0..MAX_ITEMS + 1 {
        metric_cols.push_str(&format!(",metric:m{k}"));
        metric_cells.push_str(",1");
    }
    let text = format!(
        "name,notes,pains,metric:{long}{metric_cols}\n\
         ok,,,1{}\n\
         {long},{long},\"{}\",2{metric_cells}\n\
         after,,,3{}\n",
        ",".repeat(MAX_ITEMS + 1),
        pains.join("\n"),
        ",".repeat(MAX_ITEMS + 1),
    );
    let r = import("wide.csv", &text, ImportFormat::Csv);
    loads_back(&r);
    assert_eq!(r.journey.touchpoint_count(), 3);
    let all = messages(&r).join("\n");
    for wanted in [
        "wide.csv:3: the name: 65546 bytes, cut to the limit of 65536",
        "wide.csv:3: the notes: 65546 bytes, cut to the limit of 65536",
        "wide.csv:3: 1001 pain points; the limit is 1000: the first 1000 are kept",
        "wide.csv:3: 1002 metrics; the limit is 1000: the first 1000 are kept",
        "wide.csv:2: a metric name: 65546 bytes, cut to the limit of 65536",
    ] {
        assert!(all.contains(wanted), "missing {wanted:?} in\n{all}");
    }
    let cut = r
        .journey
        .touchpoints()
        .find(|t| t.name.len() == MAX_TEXT)
        .expect("the long row is imported, cut");
    assert_eq!(cut.pains.len(), MAX_ITEMS);
    assert_eq!(cut.metrics.len(), MAX_ITEMS);
}

#[test]
fn an_over_long_handoff_note_is_cut_and_duplicate_rows_are_reported() {
    let long = "n".repeat(MAX_TEXT + 1);
    let text = format!(
        "from,to,notes,wait_hours\n\
         a,b,{long},1\n\
         b,c,,2\n\
         a,b,,3\n"
    );
    let r = import("edges.csv", &text, ImportFormat::Csv);
    loads_back(&r);
    let all = messages(&r).join("\n");
    assert!(
        all.contains("edges.csv:2: the handoff notes: 65537 bytes, cut to the limit of 65536"),
        "{all}"
    );
    assert!(
        all.contains("edges.csv:4: the handoff a -> b is also on line 2"),
        "{all}"
    );
    assert_eq!(r.journey.handoff_count(), 2);
}

#[test]
fn a_next_column_naming_a_target_twice_is_reported() {
    let r = import("n.csv", "name,next\nA,B;B\nB,\n", ImportFormat::Csv);
    assert_eq!(r.journey.handoff_count(), 1);
    let all = messages(&r).join("\n");
    assert!(
        all.contains("n.csv:2: next: the handoff a -> b is listed twice"),
        "{all}"
    );
}

#[test]
fn the_cli_import_writes_the_rest_and_names_the_input_lines() {
    let dir = tempfile::tempdir().unwrap();
    let pains: Vec<String> = (0..MAX_ITEMS + 1).map(|k| format!("pain {k}")).collect();
    std::fs::write(
        dir.path().join("in.csv"),
        format!("name,pains\nfirst,\"{}\"\nsecond,\n", pains.join("\n")),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(["import", "in.csv", "-o", "o.journey.ron"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("in.csv:2: 1001 pain points"), "{err}");
    assert!(!err.contains("o.journey.ron:"), "{err}");
    let j = touchpoint::io::load_file(&dir.path().join("o.journey.ron")).unwrap();
    assert_eq!(j.touchpoint_count(), 2);
}
