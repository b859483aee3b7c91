//! `touchpoint generate-log`, `mine` and `measure` on the command line: reports, files,
//! exit codes, and bad input reported as `file:line: reason` with the rest mined.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn generate_mine_and_measure_a_sample() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, out, err) = run(
        d,
        &[
            "generate-log",
            "sample:move-address",
            "-o",
            "move.csv",
            "--cases",
            "500",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("move.csv: 500 cases"), "{out}");

    let (code, out, err) = run(
        d,
        &[
            "mine",
            "move.csv",
            "-o",
            "mined.journey.ron",
            "--format",
            "json",
            "--min-share",
            "0",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cases"], 500);
    assert_eq!(v["activities"].as_array().unwrap().len(), 19);
    let a = &v["activities"][0];
    for k in [
        "name",
        "department",
        "cases",
        "events",
        "handling_minutes_median",
    ] {
        assert!(a.get(k).is_some(), "{k}");
    }
    let h = &v["handoffs"][0];
    for k in ["from", "to", "count", "wait_hours_median", "wait_hours_p90"] {
        assert!(h.get(k).is_some(), "{k}");
    }
    let var = &v["variants"][0];
    for k in ["activities", "cases", "elapsed_hours_median"] {
        assert!(var.get(k).is_some(), "{k}");
    }
    let j = touchpoint::io::load_file(&d.join("mined.journey.ron")).unwrap();
    assert_eq!(j.touchpoint_count(), 19);

    // The text report: paths, elapsed time, where cases end.
    let (code, out, _) = run(d, &["mine", "move.csv"]);
    assert_eq!(code, 0);
    for want in [
        "Elapsed time per case: median",
        "Top paths",
        "Where cases end",
        "Handoffs taken by 1% of cases or more",
    ] {
        assert!(out.contains(want), "{want}\n{out}");
    }
    let (_, md, _) = run(d, &["mine", "move.csv", "--format", "markdown"]);
    assert!(md.starts_with("# Mined journey: move.csv"), "{md}");

    // The sample measured against its own simulation: no gaps, exit 0.
    let sample = touchpoint::samples::move_address().unwrap();
    std::fs::write(
        d.join("drawn.journey.ron"),
        touchpoint::io::to_ron_string(&sample),
    )
    .unwrap();
    let (code, out, err) = run(
        d,
        &[
            "measure",
            "drawn.journey.ron",
            "move.csv",
            "--format",
            "json",
            "-o",
            "measured.journey.ron",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for k in [
        "unmapped_activities",
        "hidden_handoffs",
        "unseen_handoffs",
        "touchpoints",
    ] {
        assert!(v[k].is_array(), "{k}");
    }
    let measured = touchpoint::io::load_file(&d.join("measured.journey.ron")).unwrap();
    let t = measured.touchpoints().next().unwrap();
    assert_eq!(t.volume_source.kind, touchpoint::model::SourceKind::Log);

    // A drawn handoff that never happens: unseen, exit 1 (a CI gate).
    let mut drawn = sample.clone();
    drawn
        .add_handoff(touchpoint::model::Handoff::new(
            "report-move",
            "first-accurate-bill",
        ))
        .unwrap();
    std::fs::write(
        d.join("drawn2.journey.ron"),
        touchpoint::io::to_ron_string(&drawn),
    )
    .unwrap();
    let (code, out, _) = run(d, &["measure", "drawn2.journey.ron", "move.csv"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("Unseen handoffs: on the map, never in the log (1)"),
        "{out}"
    );
    assert!(out.contains("report-move -> first-accurate-bill"), "{out}");
}

#[test]
fn bad_rows_are_located_and_the_rest_is_mined() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let log = "\
Case ID,Activity,Start Timestamp,Complete Timestamp,Department
1,Call,2026-01-01 09:00:00,2026-01-01 09:05:00,Contact centre
1,Bill,2026-01-01 10:00:00,2026-01-01 10:10:00,Billing
2,Call,2026-01-02 09:00:00,yesterday,Contact centre
,Call,2026-01-02 09:00:00,2026-01-02 09:05:00,Contact centre
3,Call,2026-01-03 09:10:00,2026-01-03 09:05:00,Contact centre
3,Bill,2026-01-03T10:00:00Z,2026-01-03T10:10:00Z,Billing
1,Bill,2026-01-01 10:00:00,2026-01-01 10:10:00,Billing
4,,2026-01-02 09:00:00,2026-01-02 09:05:00,Contact centre
";
    std::fs::write(d.join("bad.csv"), log).unwrap();
    let (code, out, err) = run(d, &["mine", "bad.csv", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    for want in [
        "bad.csv:4: unreadable timestamp \"yesterday\"; row left out",
        "bad.csv:5: empty case id; row left out",
        "bad.csv:6: the event ends before it starts",
        "bad.csv:8: duplicate event (same case, activity and times as line 3); counted once",
        "bad.csv:9: empty activity; row left out",
        "mixed time zones",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cases"], 2);
    assert_eq!(v["events"], 4);
    assert_eq!(v["handoffs"][0]["count"], 2);

    let (code, _, err) = run(d, &["mine", "bad.csv", "--strict"]);
    assert_eq!(code, 1, "{err}");
    // --strict fails the run: the journey is not written (without it, it is).
    let (code, _, err) = run(
        d,
        &["mine", "bad.csv", "--strict", "-o", "strict.journey.ron"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nothing written"), "{err}");
    assert!(!d.join("strict.journey.ron").exists());
    let (code, _, err) = run(d, &["mine", "bad.csv", "-o", "lenient.journey.ron"]);
    assert_eq!(code, 0, "{err}");
    assert!(d.join("lenient.journey.ron").exists());

    std::fs::write(d.join("nocase.csv"), "when,what\n2026-01-01,x\n").unwrap();
    let (code, _, err) = run(d, &["mine", "nocase.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("nocase.csv:1: no case or activity"), "{err}");
    std::fs::write(
        d.join("named.csv"),
        "ticket_no,what,when\nT1,a,2026-01-01\nT1,b,2026-01-02\n",
    )
    .unwrap();
    let (code, out, err) = run(
        d,
        &[
            "mine",
            "named.csv",
            "--case",
            "ticket_no",
            "--activity",
            "what",
            "--timestamp",
            "when",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"wait_hours_median\": 24.0"), "{out}");
    let (code, _, err) = run(d, &["mine", "named.csv", "--case", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("no column \"nope\" for the case"), "{err}");

    std::fs::write(d.join("empty.csv"), "case,activity,timestamp\n1,a,never\n").unwrap();
    let (code, _, err) = run(d, &["mine", "empty.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("nothing usable"), "{err}");
    assert!(err.contains("empty.csv:2: unreadable timestamp"), "{err}");
}
