//! Where a figure came from (typed, survey, log) survives a save and load, is omitted
//! for typed figures so existing files keep their bytes, and bad periods are located.

use touchpoint::io;
use touchpoint::model::{Period, Source, SourceKind};

const MEASURED: &str = r#"(
    format: 1,
    title: "Measured",
    touchpoints: [
        (
            id: "a",
            name: "A",
            volume: Some(120),
            volume_source: Some((kind: Log, file: Some("tickets.csv"), period: Some((from: "2026-01-01", to: "2026-03-31")), count: Some(120))),
            handling_minutes: Some(7.5),
            handling_source: Some((kind: Log)),
        ),
        (id: "b", name: "B"),
    ],
    handoffs: [
        (
            from: "a",
            to: "b",
            wait_hours: Some(4.0),
            wait_hours_p90: Some(20.0),
            wait_source: Some((kind: Log, count: Some(80))),
            volume: Some(80),
            volume_source: Some((kind: Log)),
        ),
    ],
)
"#;

#[test]
fn sources_and_handoff_volume_round_trip() {
    let j = io::load_str("m.journey.ron", MEASURED).unwrap();
    let a = j
        .touchpoints()
        .find(|t| t.id.as_str() == "a")
        .unwrap()
        .clone();
    assert_eq!(
        a.volume_source,
        Source {
            kind: SourceKind::Log,
            file: Some("tickets.csv".into()),
            period: Some(Period {
                from: "2026-01-01".into(),
                to: "2026-03-31".into()
            }),
            count: Some(120),
        }
    );
    assert_eq!(a.handling_source.kind, SourceKind::Log);
    let h = j.handoffs().into_iter().next().unwrap().clone();
    assert_eq!(h.volume, Some(80));
    assert_eq!(h.wait_hours_p90, Some(20.0));
    assert_eq!(h.wait_source.count, Some(80));
    assert_eq!(h.volume_source.kind, SourceKind::Log);
    let b = j.touchpoints().find(|t| t.id.as_str() == "b").unwrap();
    assert!(b.volume_source.is_typed());

    let text = io::to_ron_string(&j);
    assert!(text.contains("volume_source"), "{text}");
    let again = io::load_str("again", &text).unwrap();
    assert_eq!(io::to_ron_string(&again), text);
    assert_eq!(again.handoffs().into_iter().next().unwrap().clone(), h);
    assert!(std::mem::size_of::<touchpoint::model::Handoff>() < 256);
}

#[test]
fn typed_figures_write_no_source_so_samples_keep_their_bytes() {
    for (name, text) in touchpoint::samples::SAMPLES {
        let j = io::load_str(name, text).unwrap();
        let out = io::to_ron_string(&j);
        assert!(!out.contains("_source"), "{name}");
        assert!(!out.contains("wait_hours_p90"), "{name}");
    }
}

#[test]
fn a_bad_period_is_located() {
    let src = MEASURED.replace("\"2026-03-31\"", "\"31.03.2026\"");
    let e = io::load_str("m.journey.ron", &src).unwrap_err().lines();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("m.journey.ron:9:"), "{e:?}");
    assert!(e[0].contains("\"31.03.2026\" is not a date"), "{e:?}");
}
