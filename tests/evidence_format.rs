//! Scenarios and key-driver results in the journey file: they load, save back
//! canonically, are optional (files without them keep their bytes), report located
//! errors, and the saved driver results make "key driver" gaps.

use touchpoint::analysis::{AnalysisConfig, GapKind, Severity, analyze};
use touchpoint::io::{load_str, to_ron_string};
use touchpoint::model::{HandoffKey, ScenarioChange, TouchpointId};
use touchpoint::samples::move_address;

const BASE: &str = r#"(
    format: 1,
    title: "Tiny",
    stages: [(id: "s", name: "S")],
    departments: [(id: "a", name: "A"), (id: "b", name: "B")],
    touchpoints: [
        (id: "one", name: "One", stage: "s", owner: "a", scores: (mean: 4.0, responses: 10)),
        (id: "two", name: "Two", stage: "s", owner: "b", scores: (mean: 8.0, responses: 10)),
        (id: "three", name: "Three", stage: "s", owner: "b"),
    ],
    handoffs: [(from: "one", to: "two", wait_hours: 24.0), (from: "two", to: "three")],
"#;

fn with(extra: &str) -> String {
    format!("{BASE}{extra}\n)\n")
}

const EVIDENCE: &str = r#"    scenarios: [
        (name: "Fix one", changes: [
            AddScore(touchpoint: "one", points: 2.0),
            SetScore(touchpoint: "two", mean: 9.0),
            CutWait(from: "one", to: "two", percent: 50.0),
            RemoveHandoff(from: "two", to: "three"),
            Merge(into: "one", from: "two"),
            SetHandling(touchpoint: "three", minutes: 5.0),
        ]),
        (name: "A deleted touchpoint", changes: [AddScore(touchpoint: "gone", points: 1.0)]),
    ],
    drivers: (
        source: "survey.csv",
        column: "overall",
        respondents: 1200,
        r2: 0.61,
        touchpoints: [
            (touchpoint: "two", importance: 0.2, mean: 8.0, coefficient: 0.1),
            (touchpoint: "one", importance: 0.7, mean: 4.0, coefficient: 0.5),
            (touchpoint: "three", importance: 0.1, mean: 6.5, coefficient: 0.05),
        ],
    ),"#;

#[test]
fn scenarios_and_drivers_load_and_save_canonically() {
    let j = load_str("t.journey.ron", &with(EVIDENCE)).unwrap_or_else(|e| panic!("{e}"));
    let meta = j.meta();
    assert_eq!(meta.scenarios.len(), 2);
    let fix = meta.scenarios.iter().find(|s| s.name == "Fix one").unwrap();
    assert_eq!(fix.changes.len(), 6);
    assert_eq!(
        fix.changes[2],
        ScenarioChange::CutWait {
            handoff: HandoffKey {
                from: TouchpointId::new("one"),
                to: TouchpointId::new("two")
            },
            percent: 50.0
        }
    );
    let d = meta.drivers.as_ref().unwrap();
    assert_eq!(d.respondents, 1200);
    assert_eq!(d.touchpoints.len(), 3);
    let text = to_ron_string(&j);
    // Canonical: scenarios by name, driver results by touchpoint id; saved again,
    // the same bytes.
    let a = text.find("name: \"A deleted touchpoint\"").unwrap();
    let f = text.find("name: \"Fix one\"").unwrap();
    assert!(a < f);
    let one = text
        .find("touchpoint: \"one\", ")
        .or_else(|| text.find("touchpoint: \"one\""))
        .unwrap();
    let three = text.rfind("touchpoint: \"three\"").unwrap();
    assert!(one < three);
    let again = load_str("t.journey.ron", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(again, j);
    assert_eq!(to_ron_string(&again), text);
}

#[test]
fn files_without_them_keep_their_bytes() {
    let j = move_address().unwrap();
    assert!(j.meta().scenarios.is_empty() && j.meta().drivers.is_none());
    let text = to_ron_string(&j);
    assert!(!text.contains("scenarios") && !text.contains("drivers"));
    let plain = load_str("t.journey.ron", &with("")).unwrap();
    assert!(!to_ron_string(&plain).contains("scenarios"));
}

#[test]
fn bad_values_are_located_errors() {
    let bad = with(
        r#"    scenarios: [
        (name: "x", changes: [CutWait(from: "one", to: "two", percent: 150.0)]),
        (name: "x", changes: [AddScore(touchpoint: "bad id!", points: 1.0)]),
    ],
    drivers: (r2: 0.5, touchpoints: [(touchpoint: "one", importance: 2.0, mean: 4.0)]),"#,
    );
    let err = load_str("t.journey.ron", &bad).err().unwrap().to_string();
    assert!(
        err.contains("a queue-time cut must be between 0 and 100, not 150"),
        "{err}"
    );
    assert!(err.contains("duplicate scenario name \"x\""), "{err}");
    assert!(err.contains("\"bad id!\" is not valid"), "{err}");
    assert!(
        err.contains("importance of `one` must be between 0 and 1"),
        "{err}"
    );
    // Every problem carries a line:column.
    for line in err.lines().filter(|l| l.starts_with("t.journey.ron")) {
        let rest = &line["t.journey.ron:".len()..];
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
    }
}

#[test]
fn saved_drivers_make_key_driver_gaps() {
    let j = load_str("t.journey.ron", &with(EVIDENCE)).unwrap();
    let a = analyze(&j, &AnalysisConfig::default());
    let kd: Vec<_> = a
        .gaps
        .iter()
        .filter(|g| g.kind == GapKind::KeyDriver)
        .collect();
    // "one": importance 0.7 >= 1/3 and mean 4.0 < 6.17: a key driver, high (>= 2/3).
    // "two": mean above average; "three": importance below average.
    assert_eq!(kd.len(), 1, "{kd:#?}");
    assert_eq!(kd[0].touchpoints, vec![TouchpointId::new("one")]);
    assert_eq!(kd[0].severity, Severity::High);
    assert!(
        kd[0].explanation.contains("key driver, 70%"),
        "{}",
        kd[0].explanation
    );
    assert!(
        kd[0].explanation.contains("1,200 respondents"),
        "{}",
        kd[0].explanation
    );
    assert_eq!(a.headline.key_drivers, 1);
    assert!(
        a.touchpoint(&TouchpointId::new("one"))
            .unwrap()
            .flags
            .contains(&GapKind::KeyDriver)
    );
    // Without saved results: no key-driver gaps, and the JSON has no new field.
    let plain = load_str("t.journey.ron", &with("")).unwrap();
    let a = analyze(&plain, &AnalysisConfig::default());
    assert!(a.gaps.iter().all(|g| g.kind != GapKind::KeyDriver));
    assert!(!serde_json::to_string(&a).unwrap().contains("key_drivers"));
}
