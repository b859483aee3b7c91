//! `touchpoint drivers` and `touchpoint whatif` end to end on generated answers.

use std::process::Command;
use touchpoint::generate::Rng;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
}

const JOURNEY: &str = r#"(
    format: 1,
    title: "Tiny",
    stages: [(id: "s", name: "S")],
    departments: [(id: "a", name: "A"), (id: "b", name: "B")],
    touchpoints: [
        (id: "order", name: "Order entry", stage: "s", owner: "a", handling_minutes: 30.0),
        (id: "visit", name: "Installation visit", stage: "s", owner: "b", handling_minutes: 90.0),
        (id: "bill", name: "First bill", stage: "s", owner: "a", handling_minutes: 10.0),
    ],
    handoffs: [(from: "order", to: "visit", wait_hours: 48.0), (from: "visit", to: "bill", wait_hours: 24.0)],
)
"#;

/// Overall = 0.6 x visit + 0.2 x order + noise; renewal driven by the visit.
/// Scores on a 1-5 scale for "Order entry" (mapped to 0-10), 0-10 elsewhere.
fn answers(n: usize) -> String {
    let mut rng = Rng::new(5);
    let mut s = String::from("respondent,Order entry,visit,BILL,overall,renewed,segment\n");
    for i in 0..n {
        let order5 = 1 + rng.below(5);
        let visit = rng.below(11) as f64;
        let bill = rng.below(11) as f64;
        let order = (order5 as f64 - 1.0) * 2.5;
        let noise = rng.unit() - 0.5;
        let overall = (0.6 * visit + 0.2 * order + 1.5 + noise).clamp(0.0, 10.0);
        let p = 1.0 / (1.0 + (-(visit - 5.0) * 0.6).exp());
        let renewed = if rng.unit() < p { "yes" } else { "no" };
        let bill_cell = if i % 10 == 0 {
            String::new()
        } else {
            format!("{bill}")
        };
        s.push_str(&format!(
            "r{i},{order5},{visit},{bill_cell},{overall:.2},{renewed},{}\n",
            if i % 2 == 0 { "north" } else { "south" }
        ));
    }
    s
}

#[test]
fn drivers_json_ranks_the_visit_first_and_saves_key_drivers() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("tiny.journey.ron");
    let csv = dir.path().join("survey.csv");
    std::fs::write(&j, JOURNEY).unwrap();
    std::fs::write(&csv, answers(800)).unwrap();
    let out = bin()
        .args([
            "drivers",
            j.to_str().unwrap(),
            csv.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["respondents"], 800);
    let overall = &v["overall"];
    assert!(overall["r2"].as_f64().unwrap() > 0.8);
    let drivers = overall["drivers"].as_array().unwrap();
    assert_eq!(drivers.len(), 3);
    assert_eq!(drivers[0]["touchpoint"], "visit");
    assert_eq!(drivers[0]["name"], "Installation visit");
    for key in ["importance", "coefficient", "ci_low", "ci_high", "mean"] {
        assert!(drivers[0][key].is_f64(), "{key}");
    }
    let sum: f64 = drivers
        .iter()
        .map(|d| d["importance"].as_f64().unwrap())
        .sum();
    assert!((sum - 1.0).abs() < 1e-9);
    // The 1-5 column is mapped onto 0-10: its coefficient is close to 0.2 per point.
    let order = drivers.iter().find(|d| d["touchpoint"] == "order").unwrap();
    assert!(
        (order["coefficient"].as_f64().unwrap() - 0.2).abs() < 0.03,
        "{order}"
    );
    let outcome = &v["outcome"];
    assert!(outcome["rate"].is_f64());
    let od = outcome["drivers"].as_array().unwrap();
    assert_eq!(od[0]["touchpoint"], "visit");
    assert!(od[0]["odds_ratio"].as_f64().unwrap() > 1.5);
    let osum: f64 = od.iter().map(|d| d["importance"].as_f64().unwrap()).sum();
    assert!((osum - 1.0).abs() < 1e-9);
    assert_eq!(v["segments"].as_array().unwrap().len(), 2);
    assert_eq!(v["segments"][0]["segment"], "north");

    // Saved: `analyze` shows the key-driver gap on the visit if it is in the act quadrant.
    let out = bin()
        .args([
            "drivers",
            j.to_str().unwrap(),
            csv.to_str().unwrap(),
            "--save",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&j).unwrap();
    assert!(text.contains("drivers: Some(("), "{text}");
    assert!(text.contains("source: \"survey.csv\""));
}

#[test]
fn whatif_predicts_and_saves_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("tiny.journey.ron");
    let csv = dir.path().join("survey.csv");
    std::fs::write(&j, JOURNEY).unwrap();
    std::fs::write(&csv, answers(800)).unwrap();
    let out = bin()
        .args([
            "whatif",
            j.to_str().unwrap(),
            csv.to_str().unwrap(),
            "--set",
            "visit+2",
            "--cut-wait",
            "order:visit=50%",
            "--format",
            "json",
            "--save",
            "Faster visit",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let before = v["overall_before"].as_f64().unwrap();
    let after = v["overall_after"].as_f64().unwrap();
    assert!(after - before > 0.8 && after - before < 1.2, "{v}");
    assert!(v["outcome_after"].as_f64().unwrap() > v["outcome_before"].as_f64().unwrap());
    assert_eq!(
        v["elapsed_hours_before"].as_f64().unwrap(),
        72.0 + 130.0 / 60.0
    );
    assert_eq!(
        v["elapsed_hours_after"].as_f64().unwrap(),
        48.0 + 130.0 / 60.0
    );
    assert_eq!(v["handoffs_before"], 2);
    let text = std::fs::read_to_string(&j).unwrap();
    assert!(text.contains("name: \"Faster visit\""), "{text}");
    assert!(
        text.contains("AddScore(touchpoint: \"visit\", points: 2.0)"),
        "{text}"
    );
    // The saved scenario runs again without RESPONSES: structure only, with a note.
    let out = bin()
        .args([
            "whatif",
            j.to_str().unwrap(),
            "--remove-handoff",
            "visit:bill",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["handoffs_after"], 1);
    assert_eq!(v["touchpoints_after"], 2);
    assert!(v["overall_after"].is_null());
    let out = bin()
        .args(["whatif", j.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let t = String::from_utf8_lossy(&out.stdout);
    assert!(t.contains("Scenario \"Faster visit\""), "{t}");
    assert!(t.contains("score changes need respondent answers"), "{t}");
    // Bad input: exit 2 with a message.
    let out = bin()
        .args(["whatif", j.to_str().unwrap(), "--set", "visit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
