//! The bundled sample journeys tell the stories of domain.md with its numbers.
//! These tests read them through the public model API only.

use std::collections::{BTreeMap, BTreeSet};
use touchpoint::io::{load_str, to_ron_string};
use touchpoint::model::{
    Channel, DepartmentId, DepartmentKind, Handoff, Journey, Touchpoint, TouchpointId,
};
use touchpoint::samples::{SAMPLES, load_sample, move_address};

fn sample(name: &str) -> Journey {
    match load_sample(name) {
        Some(Ok(j)) => j,
        Some(Err(e)) => panic!("{name} does not load:\n{e}"),
        None => panic!("{name} is not a bundled sample"),
    }
}

fn tp<'a>(j: &'a Journey, id: &str) -> &'a Touchpoint {
    j.touchpoint(&TouchpointId::new(id))
        .unwrap_or_else(|| panic!("no touchpoint `{id}` in {}", j.title()))
}

fn outcome(j: &Journey, name: &str) -> f64 {
    j.meta()
        .outcomes
        .iter()
        .find(|o| o.name == name)
        .map(|o| o.value)
        .unwrap_or_else(|| panic!("no outcome {name:?} in {}", j.title()))
}

fn owner_kind(j: &Journey, t: &Touchpoint) -> Option<DepartmentKind> {
    t.owner
        .as_ref()
        .and_then(|d| j.department(d))
        .map(|d| d.kind)
}

/// Handoffs whose two ends are both owned by a part of the company (not the customer).
fn internal_handoffs(j: &Journey) -> Vec<&Handoff> {
    j.handoffs()
        .into_iter()
        .filter(|h| {
            let from = j.touchpoint(&h.from).and_then(|t| t.owner.as_ref());
            let to = j.touchpoint(&h.to).and_then(|t| t.owner.as_ref());
            from.is_some() && to.is_some() && !j.is_customer(from) && !j.is_customer(to)
        })
        .collect()
}

fn crosses_departments(j: &Journey, h: &Handoff) -> bool {
    let owner = |id: &TouchpointId| j.touchpoint(id).and_then(|t| t.owner.clone());
    owner(&h.from) != owner(&h.to)
}

/// Is there a directed cycle? Three-colour depth-first search over `outgoing`.
fn has_cycle(j: &Journey) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    fn visit(j: &Journey, id: &TouchpointId, colour: &mut BTreeMap<TouchpointId, Colour>) -> bool {
        colour.insert(id.clone(), Colour::Grey);
        for h in j.outgoing(id) {
            match colour.get(&h.to).copied().unwrap_or(Colour::White) {
                Colour::Grey => return true,
                Colour::White if visit(j, &h.to, colour) => return true,
                _ => {}
            }
        }
        colour.insert(id.clone(), Colour::Black);
        false
    }
    let mut colour = BTreeMap::new();
    j.touchpoints().any(|t| {
        colour.get(&t.id).copied().unwrap_or(Colour::White) == Colour::White
            && visit(j, &t.id, &mut colour)
    })
}

/// Can `to` be reached from `from` by following handoffs?
fn reaches(j: &Journey, from: &str, to: &str) -> bool {
    let target = TouchpointId::new(to);
    let mut seen = BTreeSet::new();
    let mut stack: Vec<TouchpointId> = j
        .outgoing(&TouchpointId::new(from))
        .iter()
        .map(|h| h.to.clone())
        .collect();
    while let Some(id) = stack.pop() {
        if id == target {
            return true;
        }
        if seen.insert(id.clone()) {
            stack.extend(j.outgoing(&id).iter().map(|h| h.to.clone()));
        }
    }
    false
}

/// Elapsed hours of every simple path from `from` to `to`: the staff handling time of
/// each touchpoint on it (minutes / 60) plus the queue time of each handoff.
fn path_hours(j: &Journey, from: &str, to: &str) -> Vec<f64> {
    fn walk(
        j: &Journey,
        at: &TouchpointId,
        to: &TouchpointId,
        hours: f64,
        on_path: &mut BTreeSet<TouchpointId>,
        out: &mut Vec<f64>,
    ) {
        let here = hours
            + j.touchpoint(at)
                .and_then(|t| t.handling_minutes)
                .unwrap_or(0.0)
                / 60.0;
        if at == to {
            out.push(here);
            return;
        }
        for h in j.outgoing(at) {
            if on_path.insert(h.to.clone()) {
                walk(
                    j,
                    &h.to,
                    to,
                    here + h.wait_hours.unwrap_or(0.0),
                    on_path,
                    out,
                );
                on_path.remove(&h.to);
            }
        }
    }
    let (from, to) = (TouchpointId::new(from), TouchpointId::new(to));
    let mut on_path = BTreeSet::from([from.clone()]);
    let mut out = Vec::new();
    walk(j, &from, &to, 0.0, &mut on_path, &mut out);
    out
}

fn min_max(v: &[f64]) -> (f64, f64) {
    let min = v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (min, max)
}

fn handling_sum(j: &Journey) -> f64 {
    j.touchpoints().filter_map(|t| t.handling_minutes).sum()
}

fn wait_sum(j: &Journey) -> f64 {
    j.handoffs().iter().filter_map(|h| h.wait_hours).sum()
}

/// Mean of all score responses in the journey, pooled over touchpoints.
fn pooled_mean(j: &Journey) -> f64 {
    let (mut sum, mut n) = (0.0, 0.0);
    for s in j.touchpoints().filter_map(|t| t.satisfaction.as_ref()) {
        if let Some(m) = s.mean() {
            let r = s.responses() as f64;
            sum += m * r;
            n += r;
        }
    }
    sum / n
}

/// Watermelons: every metric meets its target, yet the mean score is 4 or less.
fn watermelons(j: &Journey) -> Vec<String> {
    j.touchpoints()
        .filter(|t| {
            !t.metrics.is_empty()
                && t.metrics.iter().all(|m| m.on_target() == Some(true))
                && t.mean_score().is_some_and(|m| m <= 4.0)
        })
        .map(|t| t.id.0.clone())
        .collect()
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

// ----- every sample -------------------------------------------------------------------------

#[test]
fn every_sample_loads_and_is_canonical() {
    assert_eq!(SAMPLES.len(), 5);
    for (name, text) in SAMPLES {
        let j = load_str(name, text).unwrap_or_else(|e| panic!("{name}:\n{e}"));
        assert!(j.touchpoint_count() >= 4, "{name} is too small");
        assert!(!j.stages().is_empty(), "{name} has no stages");
        let canonical = to_ron_string(&j);
        if canonical != text {
            let line = canonical
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .map_or(0, |i| i + 1);
            panic!(
                "{name} is not canonical (first difference at line {line}); run `touchpoint fmt`"
            );
        }
    }
}

#[test]
fn every_file_in_sample_journeys_is_bundled() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_journeys");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("sample_journeys/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".journey.ron"))
        .collect();
    let bundled: BTreeSet<String> = SAMPLES.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(on_disk, bundled);
    assert!(load_sample("no-such.journey.ron").is_none());
}

#[test]
fn every_sample_is_complete_enough_to_tell_its_story() {
    for (name, _) in SAMPLES {
        let j = sample(name);
        for t in j.touchpoints() {
            assert!(t.stage.is_some(), "{name}: `{}` has no stage", t.id);
            assert!(
                !t.description.is_empty(),
                "{name}: `{}` has no description",
                t.id
            );
        }
        for d in j.departments() {
            assert!(
                j.touchpoints().any(|t| t.owner.as_ref() == Some(&d.id)),
                "{name}: department `{}` owns nothing (an empty lane)",
                d.id
            );
        }
        let scored = j.touchpoints().filter(|t| t.satisfaction.is_some()).count();
        let with_pains = j.touchpoints().filter(|t| !t.pains.is_empty()).count();
        assert!(scored >= 4, "{name}: only {scored} touchpoints have scores");
        assert!(
            with_pains >= 3,
            "{name}: only {with_pains} touchpoints have pains"
        );
        assert!(!j.meta().outcomes.is_empty(), "{name} has no outcome");
    }
}

// ----- move address, as-is ------------------------------------------------------------------

#[test]
fn move_address_has_19_touchpoints_24_handoffs_4_stages_9_departments() {
    let j = sample("move-address.journey.ron");
    assert_eq!(move_address().ok().as_ref(), Some(&j));
    assert_eq!(j.touchpoint_count(), 19);
    assert_eq!(j.handoff_count(), 24);
    let stages: Vec<(&str, &str)> = j
        .stages()
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        stages,
        [
            ("notify", "Notify the move"),
            ("stop-old", "Stop at old address"),
            ("start-new", "Start at new address"),
            ("first-bill", "First bill"),
        ]
    );
    let departments: Vec<&str> = j.departments().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        departments,
        [
            "customer",
            "contact-centre",
            "billing",
            "credit",
            "metering",
            "field-ops",
            "network",
            "comms",
            "payments"
        ]
    );
    assert!(j.is_customer(Some(&DepartmentId::new("customer"))));
    assert_eq!(
        j.department_name(Some(&DepartmentId::new("credit"))),
        "Credit & collections"
    );
    // The manual order is the step number 1..=19 of domain.md's sequence.
    let mut steps: Vec<(i32, &str)> = j
        .touchpoints()
        .filter_map(|t| t.order.map(|o| (o, t.id.as_str())))
        .collect();
    steps.sort();
    assert_eq!(steps.len(), 19);
    assert_eq!(steps.first(), Some(&(1, "report-move")));
    assert_eq!(steps.get(3), Some(&(4, "billing-move-order")));
    assert_eq!(steps.get(17), Some(&(18, "status-call")));
    assert_eq!(steps.last(), Some(&(19, "first-accurate-bill")));
}

#[test]
fn move_address_is_mostly_internal_cross_department_handoffs_with_queues() {
    let j = sample("move-address.journey.ron");
    let internal = internal_handoffs(&j);
    let cross: Vec<&&Handoff> = internal
        .iter()
        .filter(|h| crosses_departments(&j, h))
        .collect();
    assert_eq!(internal.len(), 23);
    assert_eq!(cross.len(), 21);
    assert!(cross.len() * 2 > internal.len());
    for h in &cross {
        assert!(
            h.wait_hours.is_some_and(|w| w > 0.0),
            "{} -> {}",
            h.from,
            h.to
        );
    }
    let with_failures = cross.iter().filter(|h| h.failure_rate.is_some()).count();
    assert_eq!(with_failures, 17);
    // The CRM -> Billing handoff loses address details.
    let crm = j
        .outgoing(&TouchpointId::new("crm-move-order"))
        .into_iter()
        .find(|h| h.to.as_str() == "billing-move-order")
        .expect("CRM -> Billing handoff");
    assert_eq!(crm.failure_rate, Some(0.18));
    assert_eq!(crm.wait_hours, Some(48.0));
    assert!(crosses_departments(&j, crm));
}

#[test]
fn move_address_has_a_rework_loop_through_the_status_call() {
    let j = sample("move-address.journey.ron");
    assert!(has_cycle(&j));
    assert!(reaches(&j, "status-call", "status-call"));
    assert!(reaches(&j, "billing-move-order", "billing-move-order"));
    // The first and last touchpoints are not part of any loop.
    assert!(!reaches(&j, "report-move", "report-move"));
    assert!(!reaches(&j, "first-accurate-bill", "first-accurate-bill"));
    assert!(reaches(&j, "report-move", "first-accurate-bill"));
}

#[test]
fn move_address_has_watermelons() {
    let j = sample("move-address.journey.ron");
    let w = watermelons(&j);
    assert!(w.len() >= 2, "watermelons: {w:?}");
    assert_eq!(
        w,
        [
            "deposit-letter",
            "identity-check",
            "status-call",
            "stop-letter",
            "welcome-pack"
        ]
    );
    let id_check = tp(&j, "identity-check");
    let aht = id_check
        .metrics
        .iter()
        .find(|m| m.name == "Average handle time")
        .expect("handle time metric");
    assert_eq!(aht.describe(), "6.5 min (target <= 8)");
    assert!(id_check.mean_score().is_some_and(|m| m < 3.5));
    // Not every touchpoint is green: the field misses its read date.
    let read = tp(&j, "final-read");
    assert_eq!(
        read.metrics.first().and_then(|m| m.on_target()),
        Some(false)
    );
}

#[test]
fn move_address_letters_are_vague_and_contradict_each_other() {
    let j = sample("move-address.journey.ron");
    let stop = tp(&j, "stop-letter");
    assert_eq!(stop.channel, Channel::Letter);
    assert!(stop.pains.iter().any(|p| p.contains("on or around")));
    let welcome = tp(&j, "welcome-pack");
    assert!(welcome.pains.iter().any(|p| p.contains("deposit")));
    assert!(
        welcome
            .description
            .contains("contradicts the deposit letter")
    );
    // The three letters come from two departments.
    let senders: BTreeSet<_> = ["stop-letter", "deposit-letter", "welcome-pack"]
        .iter()
        .filter_map(|id| tp(&j, id).owner.clone())
        .collect();
    assert_eq!(senders.len(), 2);
}

#[test]
fn move_address_has_no_owner_and_40_percent_did_not_renew() {
    let j = sample("move-address.journey.ron");
    assert_eq!(j.meta().owner, "");
    assert_eq!(j.meta().variant, "as-is");
    assert_eq!(outcome(&j, "Did not renew after moving"), 40.0);
    let renew = j.meta().outcomes.first().expect("an outcome");
    assert_eq!(renew.unit, "%");
}

#[test]
fn move_address_takes_weeks_and_hours_of_staff_time() {
    let j = sample("move-address.journey.ron");
    assert!((handling_sum(&j) - 283.3).abs() < 1e-9);
    assert!((wait_sum(&j) - 1200.4).abs() < 1e-9);
    let paths = path_hours(&j, "report-move", "first-accurate-bill");
    assert_eq!(paths.len(), 3);
    let (fastest, slowest) = min_max(&paths);
    // Even the quickest route takes over two weeks; the slowest over three.
    assert!((fastest - 409.808).abs() < 0.001, "fastest {fastest} h");
    assert!((slowest - 555.525).abs() < 0.001, "slowest {slowest} h");
    assert!(fastest / 24.0 > 17.0 && slowest / 24.0 > 23.0);
}

// ----- move address, to-be ------------------------------------------------------------------

#[test]
fn to_be_has_one_owner_and_reuses_the_as_is_ids() {
    let as_is = sample("move-address.journey.ron");
    let to_be = sample("move-address-to-be.journey.ron");
    assert_eq!(to_be.meta().variant, "to-be");
    assert_eq!(to_be.meta().owner, "Director, Moving Home journey");
    let kept = to_be
        .touchpoints()
        .filter(|t| as_is.contains_touchpoint(&t.id))
        .count();
    assert_eq!(kept, 8);
    assert_eq!(to_be.touchpoint_count(), 10);
    assert!(to_be.contains_touchpoint(&TouchpointId::new("move-confirmation")));
    // Department ids are shared too, so a diff by id is meaningful.
    for d in to_be.departments() {
        assert!(as_is.department(&d.id).is_some(), "new department {}", d.id);
    }
    // Fewer internal handoffs, fewer of them crossing departments, no rework loop.
    let cross = |j: &Journey| {
        internal_handoffs(j)
            .iter()
            .filter(|h| crosses_departments(j, h))
            .count()
    };
    assert_eq!(cross(&to_be), 10);
    assert!(cross(&to_be) * 2 <= cross(&as_is));
    assert!(!has_cycle(&to_be));
    // One coordinated message replaces the letters.
    for letter in [
        "stop-letter",
        "deposit-letter",
        "welcome-pack",
        "status-call",
    ] {
        assert!(
            !to_be.contains_touchpoint(&TouchpointId::new(letter)),
            "{letter}"
        );
    }
}

#[test]
fn to_be_is_at_least_four_times_as_efficient() {
    let as_is = sample("move-address.journey.ron");
    let to_be = sample("move-address-to-be.journey.ron");
    let handling = handling_sum(&as_is) / handling_sum(&to_be);
    let waiting = wait_sum(&as_is) / wait_sum(&to_be);
    assert!(handling >= 5.0, "handling only {handling:.2}x");
    assert!(waiting >= 5.0, "waiting only {waiting:.2}x");
    assert!((handling_sum(&to_be) - 45.0).abs() < 1e-9);
    // Along the main path to the first accurate bill: the slowest to-be route against
    // the fastest as-is route, so the claim holds whichever route is called "main".
    let (as_is_fastest, _) = min_max(&path_hours(&as_is, "report-move", "first-accurate-bill"));
    let to_be_paths = path_hours(&to_be, "report-move", "first-accurate-bill");
    assert!(!to_be_paths.is_empty());
    let (_, to_be_slowest) = min_max(&to_be_paths);
    let elapsed = as_is_fastest / to_be_slowest;
    assert!(elapsed >= 5.0, "elapsed only {elapsed:.2}x");
    assert!(to_be_slowest < 72.0, "to-be takes {to_be_slowest} h");
    // Slowest to-be route: capture, reads on the move date, account moved, first bill.
    assert_eq!(to_be_paths.len(), 5);
    assert!((to_be_slowest - 50.533).abs() < 0.001, "{to_be_slowest}");
    assert!((wait_sum(&to_be) - 81.6).abs() < 1e-9);
}

#[test]
fn to_be_customers_are_clearly_happier_and_renew() {
    let as_is = sample("move-address.journey.ron");
    let to_be = sample("move-address-to-be.journey.ron");
    let (before, after) = (pooled_mean(&as_is), pooled_mean(&to_be));
    assert!(before < 4.5, "as-is mean {before:.2}");
    assert!(after > 7.5, "to-be mean {after:.2}");
    assert!(watermelons(&to_be).is_empty());
    let name = "Did not renew after moving";
    assert!(outcome(&to_be, name) < outcome(&as_is, name) / 2.0);
    // Every touchpoint kept scores higher than before.
    for t in to_be.touchpoints() {
        if let (Some(new), Some(old)) = (
            t.mean_score(),
            as_is.touchpoint(&t.id).and_then(Touchpoint::mean_score),
        ) {
            assert!(new > old + 2.0, "{}: {old:.2} -> {new:.2}", t.id);
        }
    }
}

// ----- fixed-line installation --------------------------------------------------------------

#[test]
fn fixed_line_scores_are_split_in_two_populations() {
    let j = sample("fixed-line-installation.journey.ron");
    assert_eq!(j.touchpoint_count(), 4);
    for t in j.touchpoints() {
        let h = t
            .satisfaction
            .as_ref()
            .and_then(|s| s.histogram())
            .unwrap_or_else(|| panic!("`{}` has no histogram", t.id));
        let n: u32 = h.iter().sum();
        let share = |a: usize, b: usize| f64::from(h[a] + h[b]) / f64::from(n);
        let (low, high) = (share(1, 2), share(8, 9));
        assert!((0.35..=0.65).contains(&low), "{}: 1-2 share {low:.2}", t.id);
        assert!(
            (0.35..=0.65).contains(&high),
            "{}: 8-9 share {high:.2}",
            t.id
        );
        // Nothing much in between.
        let middle: u32 = h[3..=7].iter().sum();
        assert!(f64::from(middle) / f64::from(n) < 0.15, "{}", t.id);
        let mean = t.mean_score().unwrap_or(f64::NAN);
        assert!((4.0..=6.0).contains(&mean), "{}: mean {mean:.2}", t.id);
    }
}

#[test]
fn fixed_line_back_office_is_not_measured_and_installation_misses_first_visit() {
    let j = sample("fixed-line-installation.journey.ron");
    let order = tp(&j, "order-entry");
    assert!(order.metrics.is_empty());
    assert_eq!(order.owner, Some(DepartmentId::new("back-office")));
    let visit = tp(&j, "installation-visit");
    let fvs = visit
        .metrics
        .iter()
        .find(|m| m.name == "First-visit success")
        .expect("first-visit success metric");
    assert_eq!(fvs.on_target(), Some(false));
    assert_eq!(fvs.describe(), "58 % (target >= 90)");
    assert_eq!(outcome(&j, "Dissatisfied with installation"), 50.0);
    let handoff = j
        .outgoing(&order.id)
        .into_iter()
        .find(|h| h.to == visit.id)
        .expect("order entry -> installation");
    assert!(handoff.failure_rate.is_some_and(|r| r > 0.2));
    assert!(
        order
            .pains
            .iter()
            .chain(&visit.pains)
            .any(|p| p.contains("wrong"))
    );
}

// ----- fibre installation -------------------------------------------------------------------

#[test]
fn fibre_has_a_journey_manager_and_a_third_cancel() {
    let j = sample("fibre-installation.journey.ron");
    assert!(j.meta().owner.contains("journey manager"));
    let cancelled = outcome(&j, "Cancelled within 90 days");
    assert!(cancelled >= 33.4, "{cancelled}");
    assert_eq!(cancelled, 36.0);
    assert!((6..=10).contains(&j.touchpoint_count()));
    let owners: BTreeSet<&str> = j
        .touchpoints()
        .filter_map(|t| t.owner.as_ref().map(DepartmentId::as_str))
        .collect();
    for d in [
        "sales",
        "order-mgmt",
        "planning",
        "field",
        "activation",
        "billing",
    ] {
        assert!(owners.contains(d), "no touchpoint owned by {d}");
    }
    // The outcome agrees with the volumes: 1,800 of 5,000 orders cancelled.
    let orders = tp(&j, "order-fibre").volume.unwrap_or(0) as f64;
    let cancels = tp(&j, "cancellation").volume.unwrap_or(0) as f64;
    assert!((cancels / orders * 100.0 - cancelled).abs() < 0.5);
}

// ----- e-commerce ---------------------------------------------------------------------------

#[test]
fn ecommerce_is_written_in_chinese() {
    let j = sample("ecommerce.journey.ron");
    assert!(j.title().chars().any(is_cjk));
    for s in j.stages() {
        assert!(s.name.chars().any(is_cjk), "stage {}", s.id);
    }
    for d in j.departments() {
        assert!(d.name.chars().any(is_cjk), "department {}", d.id);
    }
    for t in j.touchpoints() {
        assert!(t.id.as_str().is_ascii(), "id {}", t.id);
        assert!(t.name.chars().any(is_cjk), "touchpoint {}", t.id);
        assert!(t.description.chars().any(is_cjk), "touchpoint {}", t.id);
        for p in &t.pains {
            assert!(p.chars().any(is_cjk), "pain {p:?}");
        }
    }
    assert_eq!(tp(&j, "ad").name, "广告");
}

#[test]
fn ecommerce_social_media_is_unowned_and_delivery_is_a_partner() {
    let j = sample("ecommerce.journey.ron");
    let social = tp(&j, "social-media");
    assert_eq!(social.owner, None);
    assert_eq!(social.channel, Channel::SocialMedia);
    let unowned: Vec<&str> = j
        .touchpoints()
        .filter(|t| t.owner.is_none())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(unowned, ["social-media"]);
    let delivery = tp(&j, "delivery");
    assert_eq!(owner_kind(&j, delivery), Some(DepartmentKind::Partner));
    let pre_sale = tp(&j, "pre-sale");
    assert_eq!(pre_sale.channel, Channel::Chat);
    assert!(pre_sale.notes.contains("19:00"));
    assert_eq!(tp(&j, "after-sale").pains.len(), 3);
    assert_eq!(
        outcome(&j, "根据上一次购物体验决定下一次购买的消费者"),
        62.0
    );
    assert_eq!(outcome(&j, "会把糟糕体验告诉朋友的网购者"), 44.0);
}

#[test]
fn ecommerce_funnel_converts_about_ten_percent() {
    let j = sample("ecommerce.journey.ron");
    let volume = |id: &str| tp(&j, id).volume.unwrap_or(0);
    let conversion = volume("purchase") as f64 / volume("click-through") as f64;
    assert!((0.08..=0.12).contains(&conversion), "{conversion}");
    // Volumes shrink along the funnel.
    let funnel = ["ad", "click-through", "browse", "purchase"].map(volume);
    assert_eq!(funnel, [1_250_000, 100_000, 82_000, 10_200]);
    assert!(funnel.windows(2).all(|w| w[0] > w[1]));
}
