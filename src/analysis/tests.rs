//! Unit tests of the analysis on small hand-built journeys.

use super::*;
use crate::model::{
    Better, Department, DepartmentKind, Handoff, Layer, Metric, Rgb, Satisfaction, Stage,
    Touchpoint,
};
use crate::report::{
    ReportFormat, diff_markdown, diff_text, report_json, report_markdown, report_text,
};

/// A tiny journey builder for tests.
struct B(Journey);

impl B {
    fn new() -> Self {
        let mut j = Journey::new("Test journey");
        for (i, (id, name, kind)) in [
            ("customer", "Customer", DepartmentKind::Customer),
            ("contact", "Contact centre", DepartmentKind::Internal),
            ("billing", "Billing", DepartmentKind::Internal),
            ("comms", "Customer communications", DepartmentKind::Internal),
            ("credit", "Credit & collections", DepartmentKind::Internal),
        ]
        .into_iter()
        .enumerate()
        {
            let mut d = Department::new(id, name, Rgb::palette(i));
            d.kind = kind;
            j.insert_department(i, d).unwrap();
        }
        for (i, id) in ["s1", "s2", "s3"].into_iter().enumerate() {
            j.insert_stage(i, Stage::new(id, id.to_uppercase()))
                .unwrap();
        }
        B(j)
    }

    /// Add a touchpoint: id, owner ("" = none), stage ("" = none), layer.
    fn tp(&mut self, id: &str, owner: &str, stage: &str, layer: Layer) {
        let mut t = Touchpoint::new(id, format!("TP {id}"));
        t.owner = (!owner.is_empty()).then(|| DepartmentId::new(owner));
        t.stage = (!stage.is_empty()).then(|| StageId::new(stage));
        t.layer = layer;
        self.0.add_touchpoint(t).unwrap();
    }

    fn h(&mut self, from: &str, to: &str, wait: Option<f64>, fail: Option<f64>) {
        let mut h = Handoff::new(from, to);
        h.wait_hours = wait;
        h.failure_rate = fail;
        self.0.add_handoff(h).unwrap();
    }

    fn with(&mut self, id: &str, f: impl FnOnce(&mut Touchpoint)) {
        let mut t = self.0.touchpoint(&TouchpointId::new(id)).unwrap().clone();
        f(&mut t);
        self.0.update_touchpoint(t).unwrap();
    }
}

fn id(s: &str) -> TouchpointId {
    TouchpointId::new(s)
}

fn ids(v: &[TouchpointId]) -> Vec<&str> {
    v.iter().map(TouchpointId::as_str).collect()
}

fn hist(pairs: &[(usize, u32)]) -> Option<Satisfaction> {
    let mut h = [0u32; 11];
    for &(s, c) in pairs {
        h[s] = c;
    }
    Some(Satisfaction::Histogram(h))
}

fn summary(mean: f64) -> Option<Satisfaction> {
    Some(Satisfaction::Summary {
        mean,
        responses: 10,
    })
}

fn metric(value: f64, target: f64, better: Better) -> Metric {
    Metric {
        name: "Handle time".into(),
        value,
        unit: "min".into(),
        target: Some(target),
        better,
    }
}

/// customer(c1) -> contact(a) -> billing(b) -> comms(d) -> customer(c2)
fn chain() -> B {
    let mut b = B::new();
    b.tp("c1", "customer", "s1", Layer::CustomerAction);
    b.tp("a", "contact", "s1", Layer::Frontstage);
    b.tp("b", "billing", "s2", Layer::Backstage);
    b.tp("d", "comms", "s3", Layer::Frontstage);
    b.tp("c2", "customer", "s3", Layer::CustomerAction);
    b.h("c1", "a", None, None);
    b.h("a", "b", Some(48.0), Some(0.2));
    b.h("b", "d", Some(24.0), Some(0.1));
    b.h("d", "c2", None, None);
    b
}

#[test]
fn handoffs_are_classified_and_counted() {
    let mut b = chain();
    b.tp("b2", "billing", "s2", Layer::Backstage);
    b.h("b", "b2", Some(2.0), None);
    let a = analyze(&b.0, &AnalysisConfig::default());
    let h = &a.headline;
    assert_eq!(h.touchpoints, 6);
    assert_eq!(h.handoffs, 5);
    assert_eq!(h.customer_interactions, 2);
    assert_eq!(h.internal_handoffs, 3);
    // One definition: the customer's handoffs (c1->a, d->c2) are customer interactions,
    // never cross-department; only a->b and b->d cross.
    assert_eq!(h.cross_department_handoffs, 2);
    assert_eq!(h.internal_cross_department_handoffs, 2);
    assert!((h.cross_department_share - 0.4).abs() < 1e-9);
    assert!((h.internal_cross_department_share - 2.0 / 3.0).abs() < 1e-9);
    assert!((h.wait_hours - 74.0).abs() < 1e-9);
    let kinds: Vec<HandoffKind> = a.handoffs.iter().map(|x| x.kind).collect();
    // Sorted by (from, to): a->b, b->b2, b->d, c1->a, d->c2.
    assert_eq!(
        kinds,
        vec![
            HandoffKind::Internal,
            HandoffKind::Internal,
            HandoffKind::Internal,
            HandoffKind::CustomerInteraction,
            HandoffKind::CustomerInteraction
        ]
    );
    assert!(!a.handoffs[1].cross_department);
    assert!(a.handoffs[2].cross_department);
}

#[test]
fn matrix_sums_queue_and_averages_failure() {
    let mut b = chain();
    b.tp("b2", "billing", "s2", Layer::Backstage);
    b.tp("d2", "comms", "s3", Layer::Frontstage);
    b.h("b2", "d2", Some(6.0), None);
    b.h("a", "b2", None, Some(0.3));
    let a = analyze(&b.0, &AnalysisConfig::default());
    let billing = DepartmentId::new("billing");
    let comms = DepartmentId::new("comms");
    let contact = DepartmentId::new("contact");
    let cell = a.matrix.cell(Some(&billing), Some(&comms)).unwrap();
    assert_eq!(cell.handoffs, 2);
    assert!((cell.wait_hours - 30.0).abs() < 1e-9);
    // Only b->d has a failure rate.
    assert_eq!(cell.mean_failure_rate, Some(0.1));
    let cell = a.matrix.cell(Some(&contact), Some(&billing)).unwrap();
    assert_eq!(cell.handoffs, 2);
    assert!((cell.mean_failure_rate.unwrap() - 0.25).abs() < 1e-9);
    assert_eq!(
        a.matrix
            .cell(Some(&comms), Some(&billing))
            .unwrap()
            .handoffs,
        0
    );
    // No unowned end, no "(no owner)" axis.
    assert_eq!(a.matrix.departments.len(), 5);
    assert_eq!(a.matrix.names[2], "Billing");
}

#[test]
fn unowned_ends_get_their_own_axis_and_kind() {
    let mut b = chain();
    b.tp("x", "", "s3", Layer::Frontstage);
    b.h("d", "x", None, None);
    let a = analyze(&b.0, &AnalysisConfig::default());
    let stats = a
        .handoff(&HandoffKey {
            from: id("d"),
            to: id("x"),
        })
        .unwrap();
    assert_eq!(stats.kind, HandoffKind::Unowned);
    assert!(!stats.cross_department);
    assert_eq!(a.matrix.departments.last(), Some(&None));
    assert_eq!(
        a.matrix.names.last().map(String::as_str),
        Some("(no owner)")
    );
    let comms = DepartmentId::new("comms");
    assert_eq!(a.matrix.cell(Some(&comms), None).unwrap().handoffs, 1);
    assert_eq!(a.completeness.no_owner, vec![id("x")]);
}

#[test]
fn journey_order_follows_stages_then_handoffs_then_id() {
    let mut b = B::new();
    // ids chosen against the flow: z comes first along the handoffs.
    b.tp("z", "contact", "s1", Layer::Frontstage);
    b.tp("m", "billing", "s1", Layer::Backstage);
    b.tp("a", "billing", "s2", Layer::Backstage);
    b.tp("k", "comms", "s1", Layer::Frontstage);
    b.tp("u", "comms", "", Layer::Frontstage);
    b.h("z", "m", None, None);
    b.h("m", "a", None, None);
    b.h("a", "u", None, None);
    // A rework edge back from s2 to s1.
    b.h("a", "z", None, None);
    let order = journey_order(&b.0);
    // s1: z, then m (after z), k has no handoff (id order vs topo: k is ready at start,
    // but z < ... by id? k < m < z; k and z are both ready at the start, k first by id).
    assert_eq!(ids(&order), vec!["k", "z", "m", "a", "u"]);
    let a = analyze(&b.0, &AnalysisConfig::default());
    assert_eq!(a.journey_order, order);
    let back = a
        .handoff(&HandoffKey {
            from: id("a"),
            to: id("z"),
        })
        .unwrap();
    assert!(back.back_edge);
    assert_eq!(a.touchpoint(&id("u")).unwrap().order, 4);
}

#[test]
fn cycles_are_broken_at_the_touchpoint_reached_first() {
    let mut b = B::new();
    // One stage, ids against the flow: the loop y -> x -> y is entered at y.
    b.tp("s", "customer", "s1", Layer::CustomerAction);
    b.tp("y", "contact", "s1", Layer::Frontstage);
    b.tp("x", "billing", "s1", Layer::Backstage);
    b.tp("w", "comms", "s1", Layer::Frontstage);
    b.h("s", "y", None, None);
    b.h("y", "x", None, None);
    b.h("x", "y", None, None);
    b.h("x", "w", None, None);
    assert_eq!(ids(&journey_order(&b.0)), vec!["s", "y", "x", "w"]);
}

#[test]
fn paths_count_longest_and_typical() {
    let mut b = B::new();
    b.tp("a", "contact", "s1", Layer::Frontstage);
    b.tp("b", "billing", "s2", Layer::Backstage);
    b.tp("c", "credit", "s2", Layer::Backstage);
    b.tp("d", "comms", "s3", Layer::Frontstage);
    for (t, minutes, volume) in [
        ("a", 30.0, 100),
        ("b", 60.0, 80),
        ("c", 120.0, 20),
        ("d", 30.0, 90),
    ] {
        b.with(t, |tp| {
            tp.handling_minutes = Some(minutes);
            tp.volume = Some(volume);
        });
    }
    b.h("a", "b", Some(2.0), None);
    b.h("a", "c", Some(10.0), None);
    b.h("b", "d", Some(1.0), None);
    b.h("c", "d", Some(4.0), None);
    let a = analyze(&b.0, &AnalysisConfig::default());
    let p = &a.paths;
    assert_eq!(ids(&p.entries), vec!["a"]);
    assert_eq!(ids(&p.ends), vec!["d"]);
    assert_eq!(p.count, 2);
    assert_eq!(p.listed.len(), 2);
    let longest = p.longest.as_ref().unwrap();
    assert_eq!(ids(&longest.touchpoints), vec!["a", "c", "d"]);
    // 0.5 + 2 + 0.5 h handling, 14 h queue.
    assert!((longest.elapsed_hours - 17.0).abs() < 1e-9);
    assert!((longest.handling_hours - 3.0).abs() < 1e-9);
    assert_eq!(longest.handoffs, 2);
    assert_eq!(longest.cross_department_handoffs, 2);
    assert_eq!(longest.department_changes, 2);
    let typical = p.typical.as_ref().unwrap();
    assert_eq!(ids(&typical.touchpoints), vec!["a", "b", "d"]);
    assert!((typical.elapsed_hours - 5.0).abs() < 1e-9);
    assert!((a.headline.elapsed_hours - 17.0).abs() < 1e-9);
    assert!((a.headline.typical_elapsed_hours - 5.0).abs() < 1e-9);
    assert!((a.headline.handling_hours - 4.0).abs() < 1e-9);
    assert_eq!(a.headline.longest_path_handoffs, 2);
}

/// `k` diamonds in a row: 2^k paths.
fn diamonds(k: usize) -> Journey {
    let mut b = B::new();
    b.tp("n0", "billing", "s1", Layer::Backstage);
    for k in 0..k {
        let (x, y, z) = (format!("x{k}"), format!("y{k}"), format!("n{}", k + 1));
        for t in [&x, &y, &z] {
            b.tp(t, "billing", "s1", Layer::Backstage);
        }
        let prev = format!("n{k}");
        b.h(&prev, &x, None, None);
        b.h(&prev, &y, None, None);
        b.h(&x, &z, None, None);
        b.h(&y, &z, None, None);
    }
    b.0
}

#[test]
fn a_path_count_past_u64_is_reported_as_saturated() {
    // Issue #21: 2^70 paths used to print as exactly 18446744073709551615.
    let a = analyze(&diamonds(70), &AnalysisConfig::default());
    assert!(a.paths.saturated);
    assert_eq!(a.paths.count, u64::MAX);
    assert!(report_text(&a).contains("more than 1.8 x 10^19"));
    assert!(!report_text(&a).contains("18446744073709551615"));
    let json: serde_json::Value = serde_json::from_str(&report_json(&a)).unwrap();
    assert_eq!(json["paths"]["saturated"], serde_json::Value::Bool(true));
    // 2^63 fits: exact, not saturated; 2^64 is one more than u64::MAX.
    let a = analyze(&diamonds(63), &AnalysisConfig::default());
    assert_eq!((a.paths.count, a.paths.saturated), (1u64 << 63, false));
    assert!(
        analyze(&diamonds(64), &AnalysisConfig::default())
            .paths
            .saturated
    );
}

#[test]
fn many_paths_are_counted_not_listed() {
    // 40 diamonds in a row: 2^40 paths.
    let mut b = B::new();
    b.tp("n0", "billing", "s1", Layer::Backstage);
    for k in 0..40 {
        let (x, y, z) = (format!("x{k}"), format!("y{k}"), format!("n{}", k + 1));
        for t in [&x, &y, &z] {
            b.tp(t, "billing", "s1", Layer::Backstage);
        }
        let prev = format!("n{k}");
        b.h(&prev, &x, None, None);
        b.h(&prev, &y, Some(1.0), None);
        b.h(&x, &z, None, None);
        b.h(&y, &z, None, None);
    }
    let a = analyze(&b.0, &AnalysisConfig::default());
    assert_eq!(a.paths.count, 1u64 << 40);
    assert!(a.paths.listed.is_empty());
    let longest = a.paths.longest.as_ref().unwrap();
    assert_eq!(longest.handoffs, 80);
    assert!((longest.elapsed_hours - 40.0).abs() < 1e-9);
}

#[test]
fn silent_run_counts_internal_handoffs_between_what_the_customer_sees() {
    let mut b = B::new();
    b.tp("c", "customer", "s1", Layer::CustomerAction);
    b.tp("a", "contact", "s1", Layer::Frontstage);
    b.tp("b1", "billing", "s2", Layer::Backstage);
    b.tp("b2", "credit", "s2", Layer::Backstage);
    b.tp("b3", "billing", "s2", Layer::Support);
    b.tp("d", "comms", "s3", Layer::Frontstage);
    b.tp("e", "billing", "s3", Layer::Backstage);
    b.with("b2", |t| t.handling_minutes = Some(60.0));
    b.h("c", "a", None, None);
    b.h("a", "b1", Some(1.0), None);
    b.h("b1", "b2", Some(2.0), None);
    b.h("b2", "b3", Some(3.0), None);
    b.h("b3", "d", Some(4.0), None);
    b.h("d", "e", Some(5.0), None);
    let a = analyze(&b.0, &AnalysisConfig::default());
    let run = &a.paths.longest.as_ref().unwrap().longest_silent_run;
    assert_eq!(run.handoffs, 4);
    assert_eq!(ids(&run.touchpoints), vec!["a", "b1", "b2", "b3", "d"]);
    // Queue 1+2+3+4 h plus the 1 h of handling at b2 (a and d are seen by the customer).
    assert!((run.hours - 11.0).abs() < 1e-9);
    let gap = a
        .gaps
        .iter()
        .find(|g| g.kind == GapKind::SilentWait)
        .unwrap();
    assert_eq!(gap.severity, Severity::Medium);
    assert_eq!(
        gap.explanation,
        "The customer hears nothing for 4 internal handoffs (11 h) from TP a to TP d"
    );
    assert!(a.touchpoint_flags(&id("b2")).contains(&GapKind::SilentWait));
    assert!(!a.touchpoint_flags(&id("a")).contains(&GapKind::SilentWait));
}

#[test]
fn split_opinion_rule() {
    let split = |pairs: &[(usize, u32)]| match hist(pairs) {
        Some(Satisfaction::Histogram(h)) => is_split(&h, 4),
        _ => unreachable!(),
    };
    // Half 8-9, half 1-2: the fixed-line story.
    assert!(split(&[(1, 5), (2, 5), (8, 5), (9, 5)]));
    // Exactly 25% low, 25% high, 20% in the middle... plus 30% more high: split.
    assert!(split(&[(0, 25), (5, 20), (10, 55)]));
    // 30% in the middle is too many.
    assert!(!split(&[(0, 35), (5, 30), (10, 35)]));
    // Unimodal.
    assert!(!split(&[(7, 10), (8, 20), (9, 10)]));
    // Only 20% low.
    assert!(!split(&[(2, 2), (9, 8)]));
    // Too few responses.
    assert!(!split(&[(1, 1), (9, 2)]));
    assert!(!split(&[]));
}

#[test]
fn satisfaction_stats_watermelons_and_drops() {
    let mut b = chain();
    b.with("a", |t| {
        // Handle time 6 min, target <= 8: green. 60% score 0-6.
        t.metrics = vec![metric(6.0, 8.0, Better::Lower)];
        t.satisfaction = hist(&[(2, 3), (5, 3), (9, 4)]);
    });
    b.with("b", |t| {
        // Off target: not a watermelon even though the score is poor.
        t.metrics = vec![metric(9.0, 8.0, Better::Lower)];
        t.satisfaction = summary(2.0);
    });
    b.with("d", |t| {
        // No target at all: not a watermelon.
        t.metrics = vec![Metric {
            target: None,
            ..metric(1.0, 0.0, Better::Lower)
        }];
        t.satisfaction = summary(3.0);
    });
    b.with("c1", |t| t.satisfaction = summary(9.0));
    let a = analyze(&b.0, &AnalysisConfig::default());
    let ta = a.touchpoint(&id("a")).unwrap();
    assert_eq!(ta.responses, 10);
    assert!((ta.mean.unwrap() - 5.7).abs() < 1e-9);
    assert_eq!(ta.detractor_share, Some(0.6));
    assert_eq!(ta.promoter_share, Some(0.4));
    assert_eq!(ta.metrics_with_target, 1);
    assert_eq!(ta.metrics_on_target, 1);
    assert_eq!(a.watermelons.len(), 1);
    assert_eq!(a.watermelons[0].id, id("a"));
    assert_eq!(
        a.watermelons[0].metrics,
        vec!["Handle time: 6 min (target <= 8)"]
    );
    assert!(a.touchpoint_flags(&id("a")).contains(&GapKind::Watermelon));
    // Drops of 2 points or more: a 5.7 -> b 2.0 and c1 9.0 -> a 5.7, biggest first.
    let drops: Vec<(&str, &str)> = a
        .drops
        .iter()
        .map(|d| (d.from.as_str(), d.to.as_str()))
        .collect();
    assert_eq!(drops, vec![("a", "b"), ("c1", "a")]);
    assert!((a.drops[0].points - 3.7).abs() < 1e-9);
    // The emotion curve follows the journey.
    let curve: Vec<Option<f64>> = a.emotion_curve.iter().map(|p| p.mean).collect();
    assert_eq!(curve.len(), 5);
    assert_eq!(curve[0], Some(9.0));
    assert_eq!(curve[2], Some(2.0));
    assert_eq!(curve[4], None);
    // Mean of touchpoint means: (9 + 5.7 + 2 + 3) / 4.
    assert!((a.headline.mean_satisfaction.unwrap() - 19.7 / 4.0).abs() < 1e-9);
    assert_eq!(a.headline.scored_touchpoints, 4);
    assert_eq!(a.headline.detractor_share, Some(0.6));
    // A higher threshold keeps only the big drop.
    let config = AnalysisConfig {
        drop_points: 3.5,
        ..AnalysisConfig::default()
    };
    let a = analyze(&b.0, &config);
    assert_eq!(a.drops.len(), 1);
}

#[test]
fn watermelon_by_detractors_even_with_a_passable_mean() {
    let mut b = chain();
    b.with("b", |t| {
        t.metrics = vec![metric(99.0, 95.0, Better::Higher)];
        // Mean 5.5 (> 5) but 50% detractors.
        t.satisfaction = hist(&[(1, 5), (10, 5)]);
    });
    let a = analyze(&b.0, &AnalysisConfig::default());
    assert_eq!(a.watermelons.len(), 1);
    assert_eq!(a.watermelons[0].detractor_share, Some(0.5));
}

#[test]
fn cross_department_gap_explains_itself() {
    let mut b = chain();
    b.with("b", |t| {
        t.name = "Final bill".into();
        t.satisfaction = summary(6.1);
    });
    b.with("d", |t| {
        t.name = "Welcome letter".into();
        t.satisfaction = summary(2.4);
    });
    // b -> d: 24 h queue, 10% failure in `chain`; make it 48 h and 18%.
    let mut h = Handoff::new("b", "d");
    h.wait_hours = Some(48.0);
    h.failure_rate = Some(0.18);
    b.0.update_handoff(h).unwrap();
    let a = analyze(&b.0, &AnalysisConfig::default());
    let g = a
        .gaps
        .iter()
        .find(|g| {
            g.kind == GapKind::CrossDepartmentHandoff && g.touchpoints == vec![id("b"), id("d")]
        })
        .unwrap();
    assert_eq!(
        g.explanation,
        "Billing -> Customer communications: 2 days queue, 18% information loss, satisfaction drops 6.1 -> 2.4 (Final bill -> Welcome letter)"
    );
    // 1 point each (48 h < 72 h, 18% < 25%, 3.7 < 4 points): high.
    assert_eq!(g.severity, Severity::High);
    assert_eq!(
        g.owners,
        vec![
            Some(DepartmentId::new("billing")),
            Some(DepartmentId::new("comms"))
        ]
    );
    let key = HandoffKey {
        from: id("b"),
        to: id("d"),
    };
    assert_eq!(
        a.handoff_flags(&key),
        &[GapKind::CrossDepartmentHandoff, GapKind::SatisfactionDrop]
    );
    // a -> b: 48 h (1 point) and 20% (1 point): medium.
    let g = a
        .gaps
        .iter()
        .find(|g| {
            g.kind == GapKind::CrossDepartmentHandoff && g.touchpoints == vec![id("a"), id("b")]
        })
        .unwrap();
    assert_eq!(g.severity, Severity::Medium);
    // Ranked: severity first.
    let sev: Vec<Severity> = a.gaps.iter().map(|g| g.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort_by(|x, y| y.cmp(x));
    assert_eq!(sev, sorted);
    assert_eq!(a.worst(), Some(Severity::High));
    let involving: Vec<GapKind> = a.gaps_involving(&id("d")).map(|g| g.kind).collect();
    assert_eq!(
        involving,
        vec![GapKind::CrossDepartmentHandoff, GapKind::Unmeasured]
    );
    assert_eq!(
        a.gaps_at_least(Severity::High).count(),
        a.headline.gaps_by_severity[3]
    );
}

#[test]
fn hot_spots_rank_low_score_by_volume() {
    let mut b = chain();
    for (t, mean, volume) in [
        ("a", 5.0, 1000),
        ("b", 2.0, 100),
        ("d", 6.5, 5000),
        ("c2", 4.0, 2000),
    ] {
        b.with(t, |tp| {
            tp.satisfaction = summary(mean);
            tp.volume = Some(volume);
        });
    }
    let a = analyze(&b.0, &AnalysisConfig::default());
    // d (6.5) is above the 6.0 threshold; c2: 2000 x 0.6 = 1200, a: 500, b: 80.
    let order: Vec<&str> = a.hot_spots.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(order, vec!["c2", "a", "b"]);
    assert!((a.hot_spots[0].impact - 1200.0).abs() < 1e-9);
}

#[test]
fn funnel_follows_the_typical_path() {
    let mut b = chain();
    for (t, v) in [("c1", 1000), ("a", 500), ("b", 500), ("c2", 100)] {
        b.with(t, |tp| tp.volume = Some(v));
    }
    let a = analyze(&b.0, &AnalysisConfig::default());
    let f = &a.funnel;
    // d has no volume and is skipped.
    assert_eq!(f.steps.len(), 4);
    assert_eq!(f.steps[1].drop_off, Some(0.5));
    assert_eq!(f.steps[2].drop_off, Some(0.0));
    assert_eq!(f.steps[3].drop_off, Some(0.8));
    assert_eq!(f.steps[3].from_first, 0.1);
    // The base is the customer's own first step; the volume holds from a to b.
    assert_eq!(f.base, Some(id("c1")));
    assert_eq!(f.converted, Some(id("a")));
    assert_eq!(f.conversion, Some(0.5));
    assert_eq!(f.completion, Some(0.1));
    assert_eq!(f.steps[0].from_base, Some(1.0));
    assert_eq!(f.biggest_drop, Some(id("c2")));
}

#[test]
fn rework_loops_are_found() {
    let mut b = chain();
    b.tp("call", "customer", "s3", Layer::CustomerAction);
    b.h("d", "call", None, None);
    b.h("call", "a", None, None);
    b.tp("self", "credit", "s2", Layer::Backstage);
    b.h("b", "self", None, None);
    b.h("self", "self", None, None);
    let a = analyze(&b.0, &AnalysisConfig::default());
    assert_eq!(a.loops.len(), 2);
    let big = &a.loops[0];
    assert_eq!(ids(&big.touchpoints), vec!["a", "b", "d", "call"]);
    assert_eq!(
        big.back_handoffs,
        vec![HandoffRef {
            from: id("call"),
            to: id("a")
        }]
    );
    assert!(big.involves_customer);
    assert_eq!(
        big.owners,
        vec![
            DepartmentId::new("contact"),
            DepartmentId::new("billing"),
            DepartmentId::new("comms"),
            DepartmentId::new("customer")
        ]
    );
    assert_eq!(ids(&a.loops[1].touchpoints), vec!["self"]);
    assert!(!a.loops[1].involves_customer);
    assert!(
        a.touchpoint_flags(&id("call"))
            .contains(&GapKind::ReworkLoop)
    );
    assert!(!a.touchpoint_flags(&id("c1")).contains(&GapKind::ReworkLoop));
    let g = a
        .gaps
        .iter()
        .find(|g| g.kind == GapKind::ReworkLoop && g.severity == Severity::High)
        .unwrap();
    assert!(
        g.explanation.contains("TP call goes back to TP a"),
        "{}",
        g.explanation
    );
    // Paths ignore the back edge: c1 -> ... -> c2, the call branch and the self branch.
    assert_eq!(a.paths.count, 3);
    assert_eq!(a.headline.rework_loops, 2);
}

#[test]
fn completeness_lists_what_is_missing() {
    let mut b = chain();
    b.with("a", |t| t.metrics = vec![metric(1.0, 2.0, Better::Lower)]);
    b.tp("lonely", "billing", "s1", Layer::Backstage);
    b.tp("nowhere", "", "", Layer::Frontstage);
    // An island loop nobody reaches.
    b.tp("i1", "billing", "s2", Layer::Backstage);
    b.tp("i2", "billing", "s2", Layer::Backstage);
    b.h("i1", "i2", None, None);
    b.h("i2", "i1", None, None);
    // A dead end in stage 1 (the last stage used is s3): hidden work that goes nowhere.
    b.tp("stuck", "contact", "s1", Layer::Backstage);
    b.h("a", "stuck", None, None);
    // A letter to the customer that ends its branch is no dead end.
    b.tp("letter", "comms", "s1", Layer::Frontstage);
    b.h("a", "letter", None, None);
    b.with("c1", |t| t.satisfaction = summary(7.0));
    let a = analyze(&b.0, &AnalysisConfig::default());
    let c = &a.completeness;
    assert_eq!(ids(&c.no_owner), vec!["nowhere"]);
    // Customer touchpoints are never "unmeasured"; a has a targeted metric.
    let mut unmeasured = ids(&c.unmeasured);
    unmeasured.sort();
    assert_eq!(
        unmeasured,
        vec!["b", "d", "i1", "i2", "letter", "lonely", "nowhere", "stuck"]
    );
    assert!(!c.no_score.contains(&id("c1")));
    assert_eq!(c.no_score.len(), 10);
    assert_eq!(ids(&c.no_stage), vec!["nowhere"]);
    assert_eq!(ids(&c.unreachable), vec!["i1", "i2"]);
    let mut disconnected = ids(&c.disconnected);
    disconnected.sort();
    assert_eq!(disconnected, vec!["lonely", "nowhere"]);
    assert_eq!(ids(&c.dead_ends), vec!["stuck"]);
    assert_eq!(c.idle_departments, vec![DepartmentId::new("credit")]);
    // Flags and gaps follow.
    assert!(
        a.touchpoint_flags(&id("nowhere"))
            .contains(&GapKind::NoOwner)
    );
    let g = a.gaps.iter().find(|g| g.kind == GapKind::NoOwner).unwrap();
    assert_eq!(g.severity, Severity::High);
    assert_eq!(
        g.explanation,
        "TP nowhere: no department owns it although customers meet it"
    );
    // b hands work to comms without a target: medium; lonely hands nothing over: low.
    let sev = |t: &str| {
        a.gaps
            .iter()
            .find(|g| g.kind == GapKind::Unmeasured && g.touchpoints == vec![id(t)])
            .map(|g| g.severity)
    };
    assert_eq!(sev("b"), Some(Severity::Medium));
    assert_eq!(sev("lonely"), Some(Severity::Low));
    assert_eq!(sev("c1"), None);
}

#[test]
fn empty_and_tiny_journeys_do_not_break() {
    let a = analyze(&Journey::new("Empty"), &AnalysisConfig::default());
    assert_eq!(a.headline.touchpoints, 0);
    assert_eq!(a.paths.count, 0);
    assert!(a.paths.longest.is_none());
    assert!(a.gaps.is_empty());
    assert_eq!(a.headline.mean_satisfaction, None);
    assert!(report_text(&a).starts_with("Empty\n"));
    let mut b = B::new();
    b.tp("only", "billing", "s1", Layer::Backstage);
    b.with("only", |t| t.handling_minutes = Some(90.0));
    let a = analyze(&b.0, &AnalysisConfig::default());
    assert_eq!(a.paths.count, 1);
    assert!((a.headline.elapsed_hours - 1.5).abs() < 1e-9);
    assert!(a.completeness.disconnected.is_empty());
}

#[test]
fn severity_parses_and_orders() {
    assert_eq!("HIGH".parse::<Severity>(), Ok(Severity::High));
    assert_eq!(" critical ".parse::<Severity>(), Ok(Severity::Critical));
    assert!("urgent".parse::<Severity>().is_err());
    assert!(Severity::Info < Severity::Low && Severity::High < Severity::Critical);
    assert_eq!("md".parse::<ReportFormat>(), Ok(ReportFormat::Markdown));
    assert!("pdf".parse::<ReportFormat>().is_err());
}

#[test]
fn json_is_versioned_and_deterministic() {
    let mut b = chain();
    b.with("a", |t| t.satisfaction = hist(&[(1, 5), (9, 5)]));
    let a = analyze(&b.0, &AnalysisConfig::default());
    let text = report_json(&a);
    assert_eq!(
        text,
        report_json(&analyze(&b.0, &AnalysisConfig::default()))
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["headline"]["touchpoints"], 5);
    assert_eq!(v["split_opinions"][0], "a");
    assert_eq!(v["gaps"][0]["severity"], "medium");
    assert_eq!(v["touchpoints"][0]["id"], "a");
    assert_eq!(v["handoffs"][0]["kind"], "internal");
    assert_eq!(v["matrix"]["departments"][0], "customer");
}

/// The value of a `label  value` row of the text report.
fn row<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    text.lines()
        .find_map(|l| l.strip_prefix(label).filter(|rest| rest.starts_with("  ")))
        .map(str::trim)
}

#[test]
fn text_and_markdown_reports_show_the_figures() {
    let a = analyze(&chain().0, &AnalysisConfig::default());
    let text = report_text(&a);
    assert!(text.starts_with("Test journey\n============\n"), "{text}");
    assert_eq!(row(&text, "Touchpoints"), Some("5"));
    assert_eq!(
        row(&text, "Cross-department"),
        Some("2 of 2 internal handoffs (100%); 2 of 4 handoffs in all")
    );
    assert_eq!(
        row(&text, "Elapsed time"),
        Some(
            "3 days along the longest path (5 touchpoints, 4 handoffs, 2 cross-department, 4 department changes; handling 0 min, queue 3 days)"
        )
    );
    assert_eq!(
        row(&text, "Customer hears nothing"),
        Some("2 internal handoffs in a row (3 days) on the typical path")
    );
    assert_eq!(
        row(&text, "Gaps"),
        Some("4 medium, 1 low, 1 info"),
        "{text}"
    );
    assert!(
        text.contains("\n  Contact centre -> Billing: 1, 2 days queue, 20% failure\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  Customer -> Contact centre: 1\n"),
        "{text}"
    );
    assert!(
        text.contains("Top gaps\n  MEDIUM    Contact centre -> Billing: 2 days queue, 20% information loss (TP a -> TP b)\n"),
        "{text}"
    );
    // The matrix: Billing (row 3) hands one case to Customer communications (column 4).
    assert!(
        text.contains("\n 3 Billing                    .   .   .   1\n"),
        "{text}"
    );
    let md = report_markdown(&a);
    assert!(md.starts_with("# Gap analysis: Test journey\n"), "{md}");
    assert!(
        md.contains("| **Billing** | | | | 1 / 24 h / 10% |"),
        "{md}"
    );
    assert!(md.contains("| Touchpoints | 5 |"), "{md}");
    assert!(md.contains("| **Customer** | | 1 / - / - | | |"), "{md}");
}

#[test]
fn diff_matches_by_id_then_by_name() {
    let old = chain();
    let mut new = chain();
    // Rename b's id (same name), drop d, change a, add e.
    new.0
        .remove_handoff(&HandoffKey {
            from: id("a"),
            to: id("b"),
        })
        .unwrap();
    new.0
        .remove_handoff(&HandoffKey {
            from: id("b"),
            to: id("d"),
        })
        .unwrap();
    new.0
        .remove_handoff(&HandoffKey {
            from: id("d"),
            to: id("c2"),
        })
        .unwrap();
    let bt = new.0.remove_touchpoint(&id("b")).unwrap();
    new.0.remove_touchpoint(&id("d")).unwrap();
    new.0
        .add_touchpoint(Touchpoint {
            id: id("billing-step"),
            ..bt
        })
        .unwrap();
    new.tp("e", "comms", "s3", Layer::Frontstage);
    new.with("a", |t| t.handling_minutes = Some(5.0));
    let mut h = Handoff::new("a", "billing-step");
    h.wait_hours = Some(4.0);
    h.failure_rate = Some(0.2);
    new.0.add_handoff(h).unwrap();
    new.h("billing-step", "e", None, None);
    new.h("e", "c2", None, None);
    let d = diff(&old.0, &new.0, &AnalysisConfig::default());
    assert_eq!(ids(&d.touchpoints_removed), vec!["d"]);
    assert_eq!(ids(&d.touchpoints_added), vec!["e"]);
    assert_eq!(d.touchpoints_changed.len(), 2);
    let a_change = &d.touchpoints_changed[0];
    assert_eq!(
        (a_change.as_is.as_str(), a_change.fields.clone()),
        ("a", vec!["handling_minutes".to_owned()])
    );
    let b_change = &d.touchpoints_changed[1];
    assert_eq!(b_change.to_be, id("billing-step"));
    assert!(b_change.matched_by_name);
    assert_eq!(b_change.fields, vec!["id"]);
    assert_eq!(d.touchpoints_unchanged, 2);
    assert_eq!(d.handoffs_changed.len(), 1);
    assert_eq!(d.handoffs_changed[0].fields, vec!["wait_hours"]);
    assert_eq!(d.handoffs_removed.len(), 2);
    assert_eq!(d.handoffs_added.len(), 2);
    let elapsed = d.figure("elapsed_hours").unwrap();
    assert_eq!(elapsed.as_is, Some(72.0));
    assert!((elapsed.to_be.unwrap() - (4.0 + 5.0 / 60.0)).abs() < 1e-9);
    assert!(elapsed.ratio.unwrap() > 17.0);
    let tps = d.figure("touchpoints").unwrap();
    assert_eq!(tps.ratio, Some(1.0));
    // Handling time 0 on the as-is side and > 0 after: ratio 0; nothing missing.
    assert_eq!(d.figure("handling_hours").unwrap().ratio, Some(0.0));
    assert_eq!(d.figure("mean_satisfaction").unwrap().ratio, None);
    let text = diff_text(&d);
    assert!(text.contains("Touchpoints removed (1): d"), "{text}");
    assert!(diff_markdown(&d).contains("| Touchpoints | 5 | 5 | 1x |"));
}
