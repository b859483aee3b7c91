//! Issue #17, scale: mining a generated event log of 1,000,000 CSV events (goal: 1 s of
//! CPU or less, peak memory under 300 MB) and an XES log (goal: 200,000 events/s or
//! better). Run with `cargo bench --bench eventlog`; prints the figures.
//!
//! The log is generated into the temporary folder (never committed), by simulating cases
//! through the move-address sample. CPU time and peak memory are the process's own
//! (`/proc/self/stat`, `VmHWM` reset through `/proc/self/clear_refs`), so Linux only.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/process.rs"]
mod process;

use process::{cpu_seconds, peak_mb, reset_peak};
use std::io::Write;
use std::time::Instant;
use touchpoint::evidence::eventlog::generate::{GenOptions, csv_to_xes, write_csv};
use touchpoint::evidence::eventlog::{ReadOptions, mine_path};

fn main() {
    let journey = touchpoint::samples::move_address().expect("the sample loads");
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Events per case of this journey, then enough cases for a million events.
    let probe = write_csv(
        &journey,
        &GenOptions {
            cases: 2_000,
            ..GenOptions::default()
        },
        &mut std::io::sink(),
    )
    .expect("generate");
    let per_case = probe.events as f64 / probe.cases.max(1) as f64;
    let cases = (1_010_000.0 / per_case).ceil() as u64;
    let csv = dir.path().join("log.csv");
    let truth = {
        let mut f = std::fs::File::create(&csv).expect("create the log");
        let t = write_csv(
            &journey,
            &GenOptions {
                cases,
                ..GenOptions::default()
            },
            &mut f,
        )
        .expect("generate");
        f.flush().expect("flush");
        t
    };
    let bytes = std::fs::metadata(&csv).map_or(0, |m| m.len());
    println!(
        "CSV log: {} events, {} cases, {:.1} MB",
        truth.events,
        truth.cases,
        bytes as f64 / 1e6
    );
    for round in 0..3 {
        reset_peak();
        let base = peak_mb();
        let cpu = cpu_seconds();
        let wall = Instant::now();
        let read = mine_path(&csv, &ReadOptions::default(), None).expect("mined");
        let wall = wall.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu;
        assert_eq!(read.mined.events, truth.events);
        println!(
            "mine CSV round {round}: {:.2} s CPU, {:.2} s wall, {:.0} events/s, peak {:.0} MB (before: {:.0} MB)",
            cpu,
            wall,
            truth.events as f64 / wall,
            peak_mb(),
            base
        );
    }

    // XES: a fifth of the log (XES text is about five times the size of the CSV).
    let small = dir.path().join("small.csv");
    let xes = dir.path().join("log.xes");
    let t = {
        let mut f = std::fs::File::create(&small).expect("create");
        let t = write_csv(
            &journey,
            &GenOptions {
                cases: cases / 5,
                ..GenOptions::default()
            },
            &mut f,
        )
        .expect("generate");
        f.flush().expect("flush");
        t
    };
    let text = std::fs::read_to_string(&small).expect("read back");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&xes).expect("create"));
        csv_to_xes(&text, &mut f).expect("to XES");
        f.flush().expect("flush");
    }
    drop(text);
    let xes_bytes = std::fs::metadata(&xes).map_or(0, |m| m.len());
    println!(
        "XES log: {} events, {:.1} MB",
        t.events,
        xes_bytes as f64 / 1e6
    );
    for round in 0..2 {
        reset_peak();
        let cpu = cpu_seconds();
        let wall = Instant::now();
        let read = mine_path(&xes, &ReadOptions::default(), None).expect("mined");
        let wall = wall.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu;
        assert_eq!(read.mined.events, t.events);
        println!(
            "mine XES round {round}: {:.2} s CPU, {:.2} s wall, {:.0} events/s, peak {:.0} MB",
            cpu,
            wall,
            t.events as f64 / wall,
            peak_mb()
        );
    }
}
