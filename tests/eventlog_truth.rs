//! Mining gives back what was generated: a log simulated through a journey (its
//! volumes, branching, rework loop and queue times) is mined, and every activity's case
//! count and department, every handoff's count, and every median wait (within 5%) match
//! the generator's own record. Also: row order, lifecycle rows, spilling to disk and XES
//! give the same figures; `measure` finds an activity inserted into the log.

use std::collections::{BTreeMap, BTreeSet};
use touchpoint::evidence::eventlog::{self, Mined, ReadOptions, build, generate, measure};
use touchpoint::model::{Journey, SourceKind};

fn sample() -> Journey {
    touchpoint::samples::move_address().unwrap()
}

fn simulate(j: &Journey, opts: &generate::GenOptions) -> (String, generate::Truth) {
    let mut out = Vec::new();
    let truth = generate::write_csv(j, opts, &mut out).unwrap();
    (String::from_utf8(out).unwrap(), truth)
}

fn mine(name: &str, text: &str, opts: &ReadOptions) -> Mined {
    let r = eventlog::mine_csv(name, text.as_bytes(), opts, None).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems.lines());
    r.mined
}

fn check_truth(m: &Mined, t: &generate::Truth) {
    assert_eq!(m.cases, t.cases);
    assert_eq!(m.events, t.events);
    let got: BTreeMap<String, u64> = m
        .activities
        .iter()
        .map(|a| (a.name.clone(), a.cases))
        .collect();
    assert_eq!(got, t.activity_cases);
    for a in &m.activities {
        assert_eq!(a.events, t.activity_events[&a.name], "{}", a.name);
        assert_eq!(
            a.department.as_deref(),
            Some(t.departments[&a.name].as_str()),
            "{}",
            a.name
        );
    }
    let pairs: BTreeMap<(String, String), u64> = m
        .pairs
        .iter()
        .map(|p| {
            (
                (
                    m.activities[p.from].name.clone(),
                    m.activities[p.to].name.clone(),
                ),
                p.transitions,
            )
        })
        .collect();
    assert_eq!(pairs, t.pairs);
    for p in &m.pairs {
        let (f, to) = (&m.activities[p.from].name, &m.activities[p.to].name);
        let want = t.median_wait(f, to).unwrap();
        let got = p.wait_hours_median.unwrap();
        assert!(
            (got - want).abs() <= 0.05 * want.max(1e-9),
            "{f} -> {to}: median wait {got} h, generated {want} h"
        );
    }
}

#[test]
fn mining_the_move_address_simulation_gives_back_its_truth_and_its_19_touchpoints() {
    let j = sample();
    let (log, truth) = simulate(
        &j,
        &generate::GenOptions {
            cases: 3000,
            ..Default::default()
        },
    );
    let m = mine("move.csv", &log, &ReadOptions::default());
    check_truth(&m, &truth);
    // Over 4096 waits per pair: the medians came from the bounded histogram.
    assert!(!m.exact);

    // The journey: 19 touchpoints, the sample's handoffs (by name), rework visible.
    let built = build::journey(
        &m,
        &build::BuildOptions {
            min_share: 0.0,
            ..Default::default()
        },
    );
    let mined = &built.journey;
    assert_eq!(mined.touchpoint_count(), 19);
    let names = |j: &Journey| -> BTreeSet<(String, String)> {
        j.handoffs()
            .into_iter()
            .map(|h| {
                (
                    j.touchpoint(&h.from).unwrap().name.clone(),
                    j.touchpoint(&h.to).unwrap().name.clone(),
                )
            })
            .collect()
    };
    assert_eq!(names(mined), names(&j));
    // Owners: the sample's departments, the customer in the Customer lane.
    for t in j.touchpoints() {
        let mt = mined.touchpoints().find(|x| x.name == t.name).unwrap();
        let want = j.department(t.owner.as_ref().unwrap()).unwrap();
        let got = mined.department(mt.owner.as_ref().unwrap()).unwrap();
        assert_eq!(got.name, want.name, "{}", t.name);
        assert_eq!(got.kind, want.kind, "{}", t.name);
        assert_eq!(mt.volume, Some(truth.activity_cases[&t.name]));
        assert_eq!(mt.volume_source.kind, SourceKind::Log);
        assert_eq!(mt.channel, t.channel, "{}", t.name);
        assert_eq!(mt.layer, t.layer, "{}", t.name);
    }
    // Handoff volumes and sources.
    for h in mined.handoffs() {
        let key = (
            mined.touchpoint(&h.from).unwrap().name.clone(),
            mined.touchpoint(&h.to).unwrap().name.clone(),
        );
        assert_eq!(h.volume, Some(truth.pairs[&key]));
        assert_eq!(h.wait_source.kind, SourceKind::Log);
        let period = h.wait_source.period.clone().unwrap();
        assert_eq!(period.from, "2026-01-01");
        assert!(h.wait_hours_p90.unwrap() >= h.wait_hours.unwrap());
    }
    // 3 to 6 stages, named after their first activity.
    assert!((3..=6).contains(&mined.stages().len()));
    // The file round-trips.
    let text = touchpoint::io::to_ron_string(mined);
    let again = touchpoint::io::load_str("mined.journey.ron", &text).unwrap();
    assert_eq!(touchpoint::io::to_ron_string(&again), text);
}

#[test]
fn row_order_lifecycle_rows_spilling_and_xes_give_the_same_figures() {
    let j = sample();
    let opts = generate::GenOptions {
        cases: 400,
        seed: 7,
        ..Default::default()
    };
    let (log, truth) = simulate(&j, &opts);
    let base = mine("a.csv", &log, &ReadOptions::default());
    check_truth(&base, &truth);

    // Rows reversed (a log need not be sorted).
    let mut lines: Vec<&str> = log.lines().collect();
    let header = lines.remove(0);
    lines.reverse();
    let reversed = format!("{header}\n{}\n", lines.join("\n"));
    let mut m = mine("a.csv", &reversed, &ReadOptions::default());
    assert_eq!(m, base);

    // Spilled to disk after every 50 events.
    m = mine(
        "a.csv",
        &reversed,
        &ReadOptions {
            budget: 50,
            ..Default::default()
        },
    );
    assert_eq!(m, base);

    // Start and complete rows with a lifecycle column.
    let (life, truth2) = simulate(
        &j,
        &generate::GenOptions {
            lifecycle: true,
            ..opts.clone()
        },
    );
    assert_eq!(truth2, truth);
    m = mine("a.csv", &life, &ReadOptions::default());
    assert_eq!(m, base);

    // XES with start/complete pairs, through the process_mining crate.
    let mut xes = Vec::new();
    generate::csv_to_xes(&log, &mut xes).unwrap();
    let r = eventlog::mine_xes("a.xes", &xes[..], false, &ReadOptions::default(), None).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems.lines());
    let x = r.mined;
    assert_eq!(x.cases, base.cases);
    // XES carries no channel or layer here; everything else is the same.
    let plain: Vec<_> = base
        .activities
        .iter()
        .cloned()
        .map(|mut a| {
            a.channel = None;
            a.layer = None;
            a
        })
        .collect();
    assert_eq!(x.activities, plain);
    assert_eq!(x.pairs, base.pairs);
}

#[test]
fn measure_finds_an_activity_and_its_handoffs_inserted_into_the_log() {
    let drawn = sample();
    // The real process has an extra step between two drawn ones.
    let mut real = drawn.clone();
    let mut extra = touchpoint::model::Touchpoint::new("manual-address-fix", "Manual address fix");
    extra.owner = Some(touchpoint::model::DepartmentId::new("billing"));
    extra.volume = Some(12_100);
    real.add_touchpoint(extra).unwrap();
    // Half the move orders now go through it before reaching Billing.
    real.add_handoff(touchpoint::model::Handoff::new(
        "crm-move-order",
        "manual-address-fix",
    ))
    .unwrap();
    let mut h = touchpoint::model::Handoff::new("manual-address-fix", "billing-move-order");
    h.wait_hours = Some(4.0);
    real.add_handoff(h).unwrap();
    let (log, truth) = simulate(
        &real,
        &generate::GenOptions {
            cases: 800,
            ..Default::default()
        },
    );
    let r = eventlog::mine_csv(
        "real.csv",
        log.as_bytes(),
        &ReadOptions::default(),
        Some(measure::key_fn(&drawn, None)),
    )
    .unwrap();
    let me = measure::measure(&drawn, &r.mined, 0.0);
    assert_eq!(
        me.unmapped,
        [(
            "Manual address fix".to_owned(),
            truth.activity_cases["Manual address fix"]
        )]
    );
    let hidden: BTreeSet<(&str, &str)> = me
        .hidden
        .iter()
        .map(|(a, b, _)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        hidden,
        BTreeSet::from([
            ("Manual address fix", "billing-move-order"),
            ("crm-move-order", "Manual address fix")
        ])
    );
    assert_eq!(me.hidden.len(), 2);
    assert!(me.unseen.is_empty(), "{:?}", me.unseen);
    assert!(me.has_gaps());
    // The measured copy carries the log's figures, marked as measured.
    let t = me
        .measured
        .touchpoint(&touchpoint::model::TouchpointId::new("final-read"))
        .unwrap();
    assert_eq!(t.volume, Some(truth.activity_cases[&t.name]));
    assert_eq!(t.volume_source.kind, SourceKind::Log);
    // Measured against its own simulation, a journey has no gaps.
    let (own, _) = simulate(
        &drawn,
        &generate::GenOptions {
            cases: 800,
            ..Default::default()
        },
    );
    let r = eventlog::mine_csv(
        "own.csv",
        own.as_bytes(),
        &ReadOptions::default(),
        Some(measure::key_fn(&drawn, None)),
    )
    .unwrap();
    let me = measure::measure(&drawn, &r.mined, 0.0);
    assert!(me.unmapped.is_empty(), "{:?}", me.unmapped);
    assert!(me.hidden.is_empty(), "{:?}", me.hidden);
    assert!(me.unseen.is_empty(), "{:?}", me.unseen);
}
