//! `touchpoint analyze` and `touchpoint diff` as a user (or a CI script) runs them.

use std::path::Path;
use std::process::{Command, Output};

fn touchpoint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const JOURNEY: &str = r#"(
    title: "Small move",
    stages: [(id: "notify", name: "Notify"), (id: "bill", name: "Bill")],
    departments: [
        (id: "customer", name: "Customer", kind: Customer),
        (id: "contact", name: "Contact centre"),
        (id: "billing", name: "Billing"),
    ],
    touchpoints: [
        (id: "report", name: "Customer reports the move", stage: "notify", owner: "customer", layer: CustomerAction),
        (id: "key", name: "Move keyed", stage: "notify", owner: "contact", layer: Frontstage,
            metrics: [(name: "Handle time", value: 6.0, unit: "min", target: 8.0, better: Lower)],
            scores: (histogram: [0, 6, 2, 0, 0, 0, 0, 0, 1, 1, 0]), handling_minutes: 6.0),
        (id: "bill", name: "First bill", stage: "bill", owner: "billing", layer: Frontstage, handling_minutes: 3.0),
    ],
    handoffs: [
        (from: "report", to: "key"),
        (from: "key", to: "bill", wait_hours: 48.0, failure_rate: 0.3),
    ],
)
"#;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("move.journey.ron"), JOURNEY).unwrap();
    dir
}

#[test]
fn analyze_prints_a_text_report() {
    let dir = setup();
    let out = touchpoint(&["analyze", "move.journey.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.starts_with("Small move\n==========\n"), "{s}");
    let row = |label: &str| {
        s.lines()
            .find_map(|l| l.strip_prefix(label).filter(|r| r.starts_with("  ")))
            .map(str::trim)
    };
    assert_eq!(row("Touchpoints"), Some("3"), "{s}");
    assert_eq!(
        row("Handoffs"),
        Some("2 (1 customer interaction, 1 internal)"),
        "{s}"
    );
    assert_eq!(row("Gaps"), Some("2 high, 1 low"), "{s}");
    assert!(
        s.contains("  Contact centre -> Billing: 1, 2 days queue, 30% failure"),
        "{s}"
    );
    assert!(s.contains("Watermelons"), "{s}");
}

#[test]
fn analyze_json_is_versioned_and_markdown_is_a_table() {
    let dir = setup();
    let out = touchpoint(
        &["analyze", "move.journey.ron", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["headline"]["internal_cross_department_handoffs"], 1);
    assert_eq!(v["watermelons"][0]["id"], "key");
    let out = touchpoint(
        &["analyze", "move.journey.ron", "--format", "markdown"],
        dir.path(),
    );
    let s = text(&out.stdout);
    assert!(
        s.starts_with("# Gap analysis: Small move\n\n| Figure | Value |"),
        "{s}"
    );
}

#[test]
fn fail_on_sets_the_exit_code() {
    let dir = setup();
    // The watermelon is high; nothing is critical.
    let out = touchpoint(
        &[
            "analyze",
            "move.journey.ron",
            "--fail-on",
            "high",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("move.journey.ron: "),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains("at or above high"));
    let out = touchpoint(
        &["analyze", "move.journey.ron", "--fail-on", "critical"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = touchpoint(
        &["analyze", "move.journey.ron", "--fail-on", "urgent"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not a severity"));
}

#[test]
fn drop_threshold_is_configurable() {
    let dir = setup();
    let drops = |args: &[&str]| {
        let mut all = vec!["analyze", "move.journey.ron", "--format", "json"];
        all.extend_from_slice(args);
        let out = touchpoint(&all, dir.path());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["headline"]["drops"].as_u64().unwrap()
    };
    // report (no score) -> key, key -> bill (no score): no drop either way.
    assert_eq!(drops(&[]), 0);
    assert_eq!(drops(&["--drop", "0.5"]), 0);
    let out = touchpoint(&["analyze", "move.journey.ron", "--drop", "-3"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_bad_file_exits_1_with_located_errors() {
    let dir = setup();
    std::fs::write(
        dir.path().join("bad.journey.ron"),
        "(\n    title: \"Bad\",\n    handoffs: [(from: \"a\", to: \"b\")],\n)\n",
    )
    .unwrap();
    let out = touchpoint(&["analyze", "bad.journey.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("bad.journey.ron:3:"), "{err}");
    let out = touchpoint(&["analyze", "missing.journey.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let out = touchpoint(&["diff", "move.journey.ron", "bad.journey.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn diff_shows_figures_side_by_side() {
    let dir = setup();
    let faster = JOURNEY
        .replace("wait_hours: 48.0", "wait_hours: 4.0")
        .replace("title: \"Small move\"", "title: \"Small move (to-be)\"");
    std::fs::write(dir.path().join("to-be.journey.ron"), faster).unwrap();
    let out = touchpoint(
        &["diff", "move.journey.ron", "to-be.journey.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.starts_with("Small move -> Small move (to-be)\n"), "{s}");
    assert!(
        s.contains("Handoffs changed (1): key -> bill (wait_hours)"),
        "{s}"
    );
    let out = touchpoint(
        &[
            "diff",
            "move.journey.ron",
            "to-be.journey.ron",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], 1);
    let elapsed = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["figure"] == "elapsed_hours")
        .unwrap();
    // 48 h + 9 min against 4 h + 9 min.
    let ratio = elapsed["ratio"].as_f64().unwrap();
    assert!((ratio - (48.15 / 4.15)).abs() < 1e-9, "{ratio}");
}
