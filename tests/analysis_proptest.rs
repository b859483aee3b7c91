//! Analysis never panics on arbitrary valid journeys, and its figures stay
//! consistent with the journey (counts add up, flags point at real touchpoints).

use proptest::prelude::*;
use touchpoint::analysis::{AnalysisConfig, analyze, diff, journey_order};
use touchpoint::model::{
    Better, Channel, Department, DepartmentId, DepartmentKind, Handoff, Journey, Layer, Metric,
    Rgb, Satisfaction, Stage, StageId, Touchpoint,
};
use touchpoint::report::{report_json, report_markdown, report_text};

#[derive(Debug, Clone)]
struct Spec {
    stages: usize,
    departments: Vec<u8>,
    touchpoints: Vec<TpSpec>,
    handoffs: Vec<(usize, usize, Option<f64>, Option<f64>)>,
}

#[derive(Debug, Clone)]
struct TpSpec {
    stage: Option<usize>,
    owner: Option<usize>,
    layer: usize,
    histogram: Option<[u32; 11]>,
    summary: Option<(f64, u32)>,
    metric: Option<(f64, Option<f64>, bool)>,
    volume: Option<u64>,
    minutes: Option<f64>,
}

fn tp_spec() -> impl Strategy<Value = TpSpec> {
    (
        proptest::option::of(0usize..5),
        proptest::option::of(0usize..6),
        0usize..4,
        proptest::option::of(proptest::array::uniform11(0u32..30)),
        proptest::option::of((0.0f64..=10.0, 0u32..50)),
        proptest::option::of((
            -1e6f64..1e6,
            proptest::option::of(-1e6f64..1e6),
            any::<bool>(),
        )),
        proptest::option::of(0u64..u64::MAX),
        proptest::option::of(0.0f64..1e9),
    )
        .prop_map(
            |(stage, owner, layer, histogram, summary, metric, volume, minutes)| TpSpec {
                stage,
                owner,
                layer,
                histogram,
                summary,
                metric,
                volume,
                minutes,
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0usize..5,
        proptest::collection::vec(0u8..3, 0..6),
        proptest::collection::vec(tp_spec(), 0..40),
        proptest::collection::vec(
            (
                0usize..40,
                0usize..40,
                proptest::option::of(0.0f64..1e6),
                proptest::option::of(0.0f64..=1.0),
            ),
            0..80,
        ),
    )
        .prop_map(|(stages, departments, touchpoints, handoffs)| Spec {
            stages,
            departments,
            touchpoints,
            handoffs,
        })
}

/// Build through the model API; whatever the model refuses is simply left out.
fn build(s: &Spec) -> Journey {
    let mut j = Journey::new("Random journey");
    for i in 0..s.stages {
        let _ = j.insert_stage(i, Stage::new(format!("s{i}"), format!("Stage {i}")));
    }
    for (i, kind) in s.departments.iter().enumerate() {
        let mut d = Department::new(format!("d{i}"), format!("Dept {i}"), Rgb::palette(i));
        d.kind = match kind {
            0 => DepartmentKind::Internal,
            1 => DepartmentKind::Customer,
            _ => DepartmentKind::Partner,
        };
        let _ = j.insert_department(i, d);
    }
    for (i, t) in s.touchpoints.iter().enumerate() {
        let mut tp = Touchpoint::new(
            format!("t{i:02}"),
            if i % 7 == 3 {
                String::new()
            } else {
                format!("Touchpoint {}", i % 9)
            },
        );
        tp.stage = t
            .stage
            .filter(|&x| x < s.stages)
            .map(|x| StageId::new(format!("s{x}")));
        tp.owner = t
            .owner
            .filter(|&x| x < s.departments.len())
            .map(|x| DepartmentId::new(format!("d{x}")));
        tp.layer = Layer::ALL[t.layer % 4];
        tp.channel = Channel::ALL[i % Channel::ALL.len()];
        tp.satisfaction = match (t.histogram, t.summary) {
            (Some(h), _) => Some(Satisfaction::Histogram(h)),
            (None, Some((mean, responses))) => Some(Satisfaction::Summary { mean, responses }),
            _ => None,
        };
        if let Some((value, target, higher)) = t.metric {
            tp.metrics.push(Metric {
                name: "m".into(),
                value,
                unit: String::new(),
                target,
                better: if higher {
                    Better::Higher
                } else {
                    Better::Lower
                },
            });
        }
        tp.volume = t.volume;
        tp.handling_minutes = t.minutes;
        let _ = j.add_touchpoint(tp);
    }
    for &(a, b, wait, fail) in &s.handoffs {
        let mut h = Handoff::new(format!("t{a:02}"), format!("t{b:02}"));
        h.wait_hours = wait;
        h.failure_rate = fail;
        let _ = j.add_handoff(h);
    }
    j
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn analysis_never_panics_and_adds_up(s in spec(), drop in 0.5f64..10.0) {
        let j = build(&s);
        let config = AnalysisConfig { drop_points: drop, ..AnalysisConfig::default() };
        let a = analyze(&j, &config);
        let h = &a.headline;
        prop_assert_eq!(h.touchpoints, j.touchpoint_count());
        prop_assert_eq!(h.handoffs, j.handoff_count());
        prop_assert!(h.customer_interactions + h.internal_handoffs <= h.handoffs);
        prop_assert!(h.internal_cross_department_handoffs <= h.internal_handoffs);
        prop_assert!(h.cross_department_share >= 0.0 && h.cross_department_share <= 1.0);
        prop_assert_eq!(a.touchpoints.len(), j.touchpoint_count());
        prop_assert_eq!(a.handoffs.len(), j.handoff_count());
        // Journey order is a permutation of the touchpoints.
        let mut order = journey_order(&j);
        prop_assert_eq!(&order, &a.journey_order);
        order.sort();
        let ids: Vec<_> = j.touchpoints().map(|t| t.id.clone()).collect();
        prop_assert_eq!(order, ids);
        // Matrix cells add up to the handoffs.
        let cells: usize = a.matrix.cells.iter().flatten().map(|c| c.handoffs).sum();
        prop_assert_eq!(cells, h.handoffs);
        // Gaps are ranked and counted; every touchpoint they name exists.
        prop_assert!(a.gaps.windows(2).all(|w| w[0].severity >= w[1].severity));
        prop_assert_eq!(h.gaps_by_severity.iter().sum::<usize>(), a.gaps.len());
        for g in &a.gaps {
            for t in &g.touchpoints {
                prop_assert!(j.contains_touchpoint(t));
            }
            prop_assert!(!g.explanation.is_empty());
        }
        // The longest path is at least as long as the typical one.
        if let (Some(l), Some(t)) = (&a.paths.longest, &a.paths.typical) {
            prop_assert!(l.elapsed_hours >= t.elapsed_hours - 1e-6 * l.elapsed_hours.abs().max(1.0));
        }
        // Every loop touchpoint is flagged.
        for l in &a.loops {
            for t in &l.touchpoints {
                prop_assert!(a.touchpoint_flags(t).contains(&touchpoint::analysis::GapKind::ReworkLoop));
            }
        }
        let json = report_json(&a);
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        prop_assert_eq!(&v["schema"], &serde_json::json!(1));
        let _ = report_text(&a);
        let _ = report_markdown(&a);
        // Diff against itself: nothing changes, every ratio is 1 or missing.
        let d = diff(&j, &j, &config);
        prop_assert!(d.touchpoints_added.is_empty() && d.touchpoints_removed.is_empty());
        prop_assert!(d.touchpoints_changed.is_empty() && d.handoffs_changed.is_empty());
        prop_assert_eq!(d.touchpoints_unchanged, j.touchpoint_count());
        for f in &d.figures {
            prop_assert!(f.ratio.is_none_or(|r| (r - 1.0).abs() < 1e-9), "{:?}", f);
        }
    }

    #[test]
    fn diff_of_two_random_journeys_never_panics(a in spec(), b in spec()) {
        let (ja, jb) = (build(&a), build(&b));
        let d = diff(&ja, &jb, &AnalysisConfig::default());
        prop_assert_eq!(
            d.touchpoints_unchanged + d.touchpoints_changed.len() + d.touchpoints_removed.len(),
            ja.touchpoint_count()
        );
        prop_assert_eq!(
            d.touchpoints_unchanged + d.touchpoints_changed.len() + d.touchpoints_added.len(),
            jb.touchpoint_count()
        );
    }
}
