//! Issue #21, finding 1: long chains and cycles (valid files) never overflow the stack.
//!
//! In-process walks run on a thread with a 256 KiB stack, so a walk that recursed once
//! per touchpoint would die at a few thousand touchpoints; the process tests run the
//! real binary on chains at the 200,000-touchpoint limit and require that no command
//! dies by a signal.

use std::path::Path;
use std::process::Command;
use touchpoint::analysis::{AnalysisConfig, analyze, diff, journey_order};
use touchpoint::export::{ExportFormat, ExportOptions, export};
use touchpoint::model::Journey;

/// A journey of `n` touchpoints joined one after the other (and back to the first
/// when `cycle`), spread over 20 stages and 10 departments.
pub fn chain_text(n: usize, cycle: bool) -> String {
    let mut s = String::with_capacity(n * 140);
    s.push_str("(\n    title: \"Chain\",\n    stages: [");
    for k in 0..20 {
        s.push_str(&format!("(id: \"s{k}\", name: \"Stage {k}\"), "));
    }
    s.push_str("],\n    departments: [");
    for k in 0..10 {
        s.push_str(&format!("(id: \"d{k}\", name: \"Department {k}\"), "));
    }
    s.push_str("],\n    touchpoints: [\n");
    for i in 0..n {
        let stage = i * 20 / n.max(1);
        s.push_str(&format!(
            "        (id: \"t{i:06}\", name: \"Step {i}\", stage: \"s{stage}\", owner: \"d{}\"),\n",
            i % 10
        ));
    }
    s.push_str("    ],\n    handoffs: [\n");
    for i in 1..n {
        s.push_str(&format!(
            "        (from: \"t{:06}\", to: \"t{i:06}\", wait_hours: 1.0),\n",
            i - 1
        ));
    }
    if cycle && n > 1 {
        s.push_str(&format!(
            "        (from: \"t{:06}\", to: \"t000000\"),\n",
            n - 1
        ));
    }
    s.push_str("    ],\n)\n");
    s
}

fn chain(n: usize, cycle: bool) -> Journey {
    touchpoint::io::load_str("chain.journey.ron", &chain_text(n, cycle)).expect("a valid chain")
}

/// Run `f` on a thread with a small stack; a stack overflow aborts the test binary.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the walk finished")
}

const N: usize = 10_000;

#[test]
fn analysis_of_a_long_chain_and_cycle_keeps_its_own_stack() {
    for cycle in [false, true] {
        let j = chain(N, cycle);
        let (order, a) = on_small_stack(move || {
            let a = analyze(&j, &AnalysisConfig::default());
            (journey_order(&j).len(), a)
        });
        assert_eq!(order, N);
        assert_eq!(a.headline.touchpoints, N);
        assert_eq!(a.loops.len(), usize::from(cycle), "cycle = {cycle}");
        if cycle {
            assert_eq!(a.loops[0].touchpoints.len(), N);
        } else {
            assert_eq!(a.paths.count, 1);
            assert_eq!(
                a.paths.longest.as_ref().map(|p| p.touchpoints.len()),
                Some(N)
            );
        }
    }
}

#[test]
fn diff_and_text_exports_of_a_long_cycle_keep_their_own_stack() {
    let a = chain(N, true);
    let b = chain(N - 1, false);
    let d = on_small_stack(move || {
        let d = diff(&a, &b, &AnalysisConfig::default());
        for format in [ExportFormat::Csv, ExportFormat::Mermaid, ExportFormat::Dot] {
            let out = export(&a, &ExportOptions::new(format)).expect("exported");
            assert!(!out.is_empty());
        }
        d
    });
    assert_eq!(d.touchpoints_removed.len(), 1);
}

#[test]
fn drawn_exports_of_a_long_cycle_keep_their_own_stack() {
    // Smaller: a debug build draws slowly. Recursion would still overflow 256 KiB.
    let a = chain(3_000, true);
    on_small_stack(move || {
        for format in [
            ExportFormat::Svg,
            ExportFormat::Markdown,
            ExportFormat::Html,
        ] {
            let mut o = ExportOptions::new(format);
            o.date = Some("2026-01-01".into());
            let out = export(&a, &o).expect("exported");
            assert!(!out.is_empty());
        }
    });
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
}

/// Run the binary; it must end by itself (never by a signal) with the expected code.
fn run_ok(args: &[&str], dir: &Path) -> std::process::Output {
    let out = bin().args(args).current_dir(dir).output().expect("run");
    assert!(
        out.status.code().is_some(),
        "`touchpoint {}` died by a signal: {:?}\n{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "`touchpoint {}`: {:?}\n{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The limit-size run: a 200,000-touchpoint chain and cycle through the commands that
/// walk the graph, on the real binary with its real (main-thread) stack.
#[test]
fn the_binary_walks_chains_at_the_touchpoint_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir(p.join("folder")).unwrap();
    std::fs::write(
        p.join("folder/chain.journey.ron"),
        chain_text(200_000, false),
    )
    .unwrap();
    std::fs::write(
        p.join("folder/cycle.journey.ron"),
        chain_text(200_000, true),
    )
    .unwrap();
    for (name, ext) in [
        ("folder/chain.journey.ron", "dot"),
        ("folder/cycle.journey.ron", "csv"),
    ] {
        let out = run_ok(&["analyze", "--format", "json", name], p);
        assert!(String::from_utf8_lossy(&out.stdout).contains("\"touchpoints\": 200000"));
        run_ok(&["export", name, "-o", &format!("out.{ext}")], p);
    }
    for name in ["folder/chain.journey.ron", "folder/cycle.journey.ron"] {
        let out = run_ok(&["validate", name], p);
        assert!(String::from_utf8_lossy(&out.stdout).contains("200000 touchpoints"));
    }
    run_ok(
        &[
            "diff",
            "folder/chain.journey.ron",
            "folder/cycle.journey.ron",
            "--format",
            "json",
        ],
        p,
    );
    let out = run_ok(&["portfolio", "folder", "--format", "json"], p);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("chain.journey.ron") && text.contains("cycle.journey.ron"));
    assert!(!text.contains("\"error\""), "{text}");
}

/// The other export formats at the limit, in a test of their own so that it runs beside
/// the one above (a debug build takes some 30 s per drawn export of 200,000 cards).
#[test]
fn every_export_format_holds_at_the_touchpoint_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("chain.journey.ron"), chain_text(200_000, false)).unwrap();
    std::fs::write(p.join("cycle.journey.ron"), chain_text(200_000, true)).unwrap();
    // Every other export format, spread over the two files to keep the time down: the
    // drawn ones on the cycle (its rework loop is routed too), the reports and Mermaid
    // on the chain.
    let cycle = "cycle.journey.ron";
    run_ok(&["export", cycle, "-o", "cycle.svg"], p);
    let svg = std::fs::metadata(p.join("cycle.svg")).unwrap().len();
    assert!(svg > 50_000_000, "{svg} bytes of SVG");
    // PNG and a one-page PDF of 200,000 cards exceed what one drawing may hold: refused
    // at once with the option that works (or made, if the map ever fits).
    for (out, extra, advice) in [
        ("cycle.png", None, "--format pdf --pages"),
        ("cycle.pdf", Some("--fit"), "--pages"),
    ] {
        let mut args = vec!["export", cycle, "-o", out];
        args.extend(extra);
        let started = std::time::Instant::now();
        let o = bin().args(&args).current_dir(p).output().expect("run");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            o.status.code().is_some(),
            "{args:?} died by a signal: {stderr}"
        );
        if !o.status.success() {
            assert_eq!(o.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(
                stderr.contains("too big to draw at once") && stderr.contains(advice),
                "{args:?}: {stderr}"
            );
            assert!(!p.join(out).exists(), "nothing written on a refusal");
        }
        eprintln!("{args:?}: {:?} in {:?}", o.status, started.elapsed());
    }
    let chain = "chain.journey.ron";
    for out in ["chain.md", "chain.html", "chain.mmd"] {
        run_ok(&["export", chain, "-o", out], p);
        assert!(
            std::fs::metadata(p.join(out)).unwrap().len() > 10_000,
            "{out}"
        );
    }
}
