use super::metrics::{BADGE_H, TITLE_H};
use super::*;
use crate::layout::layout;
use crate::model::*;

/// Customer -> contact centre -> billing -> field ops, with a rework loop back
/// to the contact centre and an internal step inside billing.
fn journey() -> Journey {
    let mut j = Journey::new("Move address");
    for (i, (id, name)) in [("notify", "Notify the move"), ("start", "Start new")]
        .into_iter()
        .enumerate()
    {
        j.insert_stage(i, Stage::new(id, name)).unwrap();
    }
    let mut customer = Department::new("customer", "Customer", Rgb(0x6b, 0x6b, 0x6b));
    customer.kind = DepartmentKind::Customer;
    j.insert_department(0, customer).unwrap();
    j.insert_department(1, Department::new("cc", "Contact centre", Rgb::palette(0)))
        .unwrap();
    j.insert_department(2, Department::new("billing", "Billing", Rgb::palette(1)))
        .unwrap();
    for (id, name, stage, owner, mean) in [
        (
            "report",
            "Customer reports the move",
            "notify",
            Some("customer"),
            Some([0, 0, 0, 0, 0, 0, 2, 4, 8, 4, 2]),
        ),
        (
            "check",
            "Identity and account check",
            "notify",
            Some("cc"),
            Some([5, 9, 4, 1, 0, 0, 0, 1, 4, 9, 5]),
        ),
        (
            "order",
            "Move order passed to Billing where the address details are often lost on the way",
            "start",
            Some("billing"),
            None,
        ),
        (
            "bill",
            "First accurate bill",
            "start",
            Some("billing"),
            Some([9, 9, 5, 2, 1, 0, 0, 0, 0, 0, 0]),
        ),
        (
            "calls",
            "<script>alert(1)</script> \"]; evil [ 客户再次来电询问进度",
            "start",
            None,
            None,
        ),
    ] {
        let mut t = Touchpoint::new(id, name);
        t.stage = Some(StageId::new(stage));
        t.owner = owner.map(DepartmentId::new);
        t.satisfaction = mean.map(Satisfaction::Histogram);
        j.add_touchpoint(t).unwrap();
    }
    let mut t = j.touchpoint(&TouchpointId::new("check")).unwrap().clone();
    t.metrics.push(Metric {
        name: "Handle time".into(),
        value: 6.0,
        unit: "min".into(),
        target: Some(8.0),
        better: Better::Lower,
    });
    t.metrics.push(Metric {
        name: "Callbacks".into(),
        value: 3.0,
        unit: String::new(),
        target: None,
        better: Better::Lower,
    });
    t.volume = Some(12_400);
    j.update_touchpoint(t).unwrap();
    j.add_handoff(Handoff::new("report", "check")).unwrap();
    let mut h = Handoff::new("check", "order");
    h.wait_hours = Some(48.0);
    h.failure_rate = Some(0.12);
    j.add_handoff(h).unwrap();
    j.add_handoff(Handoff::new("order", "bill")).unwrap();
    j.add_handoff(Handoff::new("bill", "calls")).unwrap();
    j.add_handoff(Handoff::new("calls", "check")).unwrap();
    j
}

fn scene_of(j: &Journey, analysis: Option<&Analysis>, options: &SceneOptions) -> (Layout, Scene) {
    let l = layout(j, &LayoutConfig::default());
    let s = build_scene(j, &l, analysis, options);
    (l, s)
}

fn scene_of_marks(j: &Journey, marks: Option<&Marks>, options: &SceneOptions) -> (Layout, Scene) {
    let l = layout(j, &LayoutConfig::default());
    let s = build_scene_with_marks(j, &l, marks, options);
    (l, s)
}

fn texts(items: &[Item]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn key(a: &str, b: &str) -> HandoffKey {
    HandoffKey {
        from: TouchpointId::new(a),
        to: TouchpointId::new(b),
    }
}

#[test]
fn one_card_group_per_touchpoint_sorted_at_the_layout_rects() {
    let j = journey();
    let (l, s) = scene_of(&j, None, &SceneOptions::default());
    let ids: Vec<&str> = s.cards.iter().map(|c| c.id.0.as_str()).collect();
    assert_eq!(ids, ["bill", "calls", "check", "order", "report"]);
    for c in &s.cards {
        assert_eq!(Some(&c.rect), l.cards.get(&c.id));
        // The card background is the first item and is exactly the card rect.
        assert!(matches!(c.items[0], Item::Rect { rect, .. } if rect == c.rect));
    }
    let check = s.card(&TouchpointId::new("check")).unwrap();
    let t = texts(&check.items);
    assert_eq!(&t[1..3], ["Identity and", "account check"]);
    assert!(t.contains(&"vol 12.4k"), "{t:?}");
    assert!(t.contains(&"Internal system"), "{t:?}");
    // mean of [5,9,4,1,0,0,0,1,4,9,5] = 190/38 = 5.0 -> amber badge
    assert!(t.contains(&"5.0"), "{t:?}");
    let p = Theme::Light.palette();
    assert!(check.items.iter().any(
        |i| matches!(i, Item::Rect { fill: Some(f), radius, .. } if *f == p.warn && *radius == 9.0)
    ));
    // 11 histogram bars minus the 3 empty scores = 8 bars.
    let bars = check
        .items
        .iter()
        .filter(|i| matches!(i, Item::Rect { radius, stroke: None, rect, .. } if *radius == 0.0 && rect.w == 6.0))
        .count();
    assert_eq!(bars, 8);
    // Two metric dots: one on target (green), one without target (grey).
    let dots: Vec<Color> = check
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Circle { fill: Some(f), .. } => Some(*f),
            _ => None,
        })
        .collect();
    assert_eq!(dots, vec![p.good, p.none]);
}

#[test]
fn cross_department_handoffs_stand_out_and_loops_read_as_loops() {
    let j = journey();
    let (_, s) = scene_of(&j, None, &SceneOptions::default());
    let p = Theme::Light.palette();
    assert_eq!(s.edges.len(), 5);
    let kind = |a, b| s.edge(&key(a, b)).unwrap().kind;
    assert_eq!(kind("report", "check"), EdgeKind::CustomerFacing);
    assert_eq!(kind("check", "order"), EdgeKind::CrossDepartment);
    assert_eq!(kind("order", "bill"), EdgeKind::SameDepartment);
    assert_eq!(kind("bill", "calls"), EdgeKind::CustomerFacing);
    assert_eq!(kind("calls", "check"), EdgeKind::Rework);
    let style = |a, b| match &s.edge(&key(a, b)).unwrap().items[0] {
        Item::Line {
            color,
            width,
            dashed,
            arrow_end,
            points,
        } => (*color, *width, *dashed, *arrow_end, points.len()),
        other => panic!("{other:?}"),
    };
    let cross = style("check", "order");
    let same = style("order", "bill");
    assert_eq!((cross.0, cross.2, cross.3), (p.cross, false, true));
    assert!(
        cross.1 >= 2.0 * same.1,
        "thicker: {} vs {}",
        cross.1,
        same.1
    );
    assert_eq!(same.0, p.edge);
    let rework = style("calls", "check");
    assert_eq!((rework.0, rework.2), (p.rework, true));
    // The rework loop is routed like every handoff (its own track in the channels), from
    // a side of one card to a side of the other, below the badges on the cards' tops.
    let l = layout(&j, &LayoutConfig::default());
    if let Item::Line { points, .. } = &s.edge(&key("calls", "check")).unwrap().items[0] {
        let (a, b) = (
            l.cards[&TouchpointId::new("calls")],
            l.cards[&TouchpointId::new("check")],
        );
        for (p, r) in [(points[0], a), (points[points.len() - 1], b)] {
            assert!(p.0 == r.x || p.0 == r.right(), "on a side: {p:?} {r:?}");
            assert!(
                p.1 > r.y + BADGE_H && p.1 < r.bottom(),
                "below the badges: {p:?}"
            );
        }
        for w in points.windows(2) {
            assert!(
                w[0].0 == w[1].0 || w[0].1 == w[1].1,
                "orthogonal: {points:?}"
            );
        }
    }
    // The queue time and failure rate are labelled on the cross-department handoff.
    let t = texts(&s.edge(&key("check", "order")).unwrap().labels);
    assert_eq!(t, ["2 days, 12% fail"]);
    assert_eq!(
        texts(&s.edge(&key("calls", "check")).unwrap().labels),
        ["rework"]
    );
    // Edges start and end on card borders (at their own port: a side fans out the
    // handoffs it holds).
    let a = l.cards[&TouchpointId::new("check")];
    let b = l.cards[&TouchpointId::new("order")];
    if let Item::Line { points, .. } = &s.edge(&key("check", "order")).unwrap().items[0] {
        let (first, last) = (points[0], points[points.len() - 1]);
        assert_eq!(first.0, a.right());
        assert!(first.1 > a.y && first.1 < a.bottom(), "{first:?}");
        assert_eq!(last.0, b.x);
        assert!(last.1 > b.y && last.1 < b.bottom(), "{last:?}");
    }
}

#[test]
fn every_text_fits_its_width_and_is_one_clean_line() {
    let j = journey();
    for theme in [Theme::Light, Theme::Dark] {
        let (_, s) = scene_of(
            &j,
            None,
            &SceneOptions {
                theme,
                date: Some("2026-11-25".into()),
                ..Default::default()
            },
        );
        let mut fitted = 0;
        for item in s.items() {
            if let Item::Text {
                text,
                size,
                bold,
                max_width,
                ..
            } = item
            {
                assert!(!text.chars().any(char::is_control), "{text:?}");
                if let Some(w) = max_width {
                    fitted += 1;
                    assert!(
                        text_width(text, *size, *bold) <= *w + 0.01,
                        "{text:?} is wider than {w}"
                    );
                }
            }
        }
        assert!(fitted > 15, "{fitted}");
    }
    let (_, s) = scene_of(&j, None, &SceneOptions::default());
    let order = texts(&s.card(&TouchpointId::new("order")).unwrap().items)
        .into_iter()
        .filter(|t| t.starts_with("Move") || t.ends_with('…'))
        .collect::<Vec<_>>();
    assert_eq!(order.len(), 2, "{order:?}");
    assert!(order[1].ends_with('…'), "{order:?}");
}

#[test]
fn building_is_deterministic() {
    let j = journey();
    let o = SceneOptions::default();
    assert_eq!(scene_of(&j, None, &o).1, scene_of(&j, None, &o).1);
    let g = crate::generate::generate(300, 3);
    let (l, a) = scene_of(&g, None, &o);
    assert_eq!(a, build_scene(&g, &l, None, &o));
    assert_eq!(a.cards.len(), 300);
    assert_eq!(a.edges.len(), g.handoff_count());
    let keys: Vec<&HandoffKey> = a.edges.iter().map(|e| &e.key).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    // Every edge and card lies inside the scene bounds.
    for e in &a.edges {
        assert!(a.bounds.intersects(&e.bbox));
        assert!(e.bbox.x >= a.bounds.x && e.bbox.right() <= a.bounds.right());
    }
}

#[test]
fn the_emotion_curve_follows_journey_order_at_card_centres() {
    let j = journey();
    let (l, s) = scene_of(&j, None, &SceneOptions::default());
    let p = Theme::Light.palette();
    let curve: Vec<&Vec<(f32, f32)>> = s
        .background
        .iter()
        .filter_map(|i| match i {
            Item::Line { points, color, .. } if *color == p.curve => Some(points),
            _ => None,
        })
        .collect();
    assert_eq!(curve.len(), 1);
    // Scored touchpoints in journey order: report, check, bill.
    let pts = curve[0];
    assert_eq!(pts.len(), 3);
    let band = l.curve;
    let y_of = |m: f32| band.y + 12.0 + (1.0 - m / 10.0) * (band.h - 24.0);
    let report = l.cards[&TouchpointId::new("report")];
    assert_eq!(pts[0].0, report.center().0);
    // report: (6*2+7*4+8*8+9*4+10*2)/20 = 160/20 = 8.0
    assert!((pts[0].1 - y_of(8.0)).abs() < 0.01);
    // bill: (0*9+1*9+2*5+3*2+4*1)/26 = 29/26
    assert!((pts[2].1 - y_of(29.0 / 26.0)).abs() < 0.01);
    assert!(pts.iter().all(|&(_, y)| y >= band.y && y <= band.bottom()));
}

/// Issue 16: several cards in one column read as a cluster, not a zig-zag: the curve
/// has one point per scored touchpoint at its card's x and never runs back (left).
#[test]
fn the_emotion_curve_never_runs_back_inside_a_column() {
    let j = crate::samples::move_address().unwrap();
    let (l, s) = scene_of(&j, None, &SceneOptions::default());
    let p = Theme::Light.palette();
    let pts = s
        .background
        .iter()
        .find_map(|i| match i {
            Item::Line { points, color, .. } if *color == p.curve => Some(points),
            _ => None,
        })
        .unwrap();
    let scored: Vec<f32> = l
        .order
        .iter()
        .filter(|id| j.touchpoint(id).and_then(|t| t.mean_score()).is_some())
        .map(|id| l.cards[id].center().0)
        .collect();
    assert_eq!(pts.len(), scored.len(), "one point per scored touchpoint");
    assert!(
        pts.windows(2).all(|w| w[1].0 >= w[0].0),
        "no zig-zag: {pts:?}"
    );
    let mut xs: Vec<f32> = pts.iter().map(|p| p.0).collect();
    let mut want = scored;
    xs.sort_by(f32::total_cmp);
    want.sort_by(f32::total_cmp);
    assert_eq!(xs, want, "at the cards' x");
}

#[test]
fn gap_badges_show_only_with_marks_and_show_gaps() {
    let j = journey();
    let mut marks = Marks::default();
    marks.touchpoints.insert(
        TouchpointId::new("check"),
        vec![Badge::Watermelon, Badge::Split],
    );
    marks
        .handoffs
        .insert(key("check", "order"), vec![Badge::Drop]);
    marks.headline = vec![("elapsed time".into(), "23 d".into())];
    let (_, s) = scene_of_marks(&j, Some(&marks), &SceneOptions::default());
    let card = texts(&s.card(&TouchpointId::new("check")).unwrap().items);
    assert!(
        card.contains(&"WATERMELON") && card.contains(&"SPLIT"),
        "{card:?}"
    );
    assert_eq!(
        texts(&s.edge(&key("check", "order")).unwrap().labels),
        ["2 days, 12% fail", "DROP"]
    );
    assert!(texts(&s.background).contains(&"23 d"));
    assert!(
        texts(&s.overlay).contains(&"WATERMELON"),
        "legend explains badges"
    );
    let (_, plain) = scene_of_marks(
        &j,
        Some(&marks),
        &SceneOptions {
            show_gaps: false,
            ..Default::default()
        },
    );
    assert!(
        !plain.items().any(
            |i| matches!(i, Item::Text { text, .. } if text == "WATERMELON" || text == "DROP")
        )
    );
}

#[test]
fn title_block_has_the_figures_and_the_date() {
    let j = journey();
    let (l, s) = scene_of(
        &j,
        None,
        &SceneOptions {
            date: Some("2026-11-25".into()),
            ..Default::default()
        },
    );
    let t = texts(&s.background);
    for want in [
        "Move address",
        "2026-11-25",
        "5",
        "touchpoints",
        "handoffs",
        "1",
        "cross-department handoffs",
    ] {
        assert!(t.contains(&want), "{want} in {t:?}");
    }
    assert!(s.bounds.y < -TITLE_H && s.bounds.bottom() > l.bounds.bottom() + 20.0);
    let (_, bare) = scene_of(
        &j,
        None,
        &SceneOptions {
            title: false,
            legend: false,
            ..Default::default()
        },
    );
    assert!(bare.overlay.is_empty());
    assert!(!texts(&bare.background).contains(&"Move address"));
}

#[test]
fn text_helpers() {
    assert_eq!(f::volume(950), "950");
    assert_eq!(f::volume(12_400), "12.4k");
    assert_eq!(f::volume(123_456), "123k");
    assert_eq!(f::volume(1_234_567), "1.2M");
    assert_eq!(f::volume(2_000), "2k");
    assert_eq!(f::hours(48.0), "2 days");
    assert_eq!(f::hours(0.5), "30 min");
    assert_eq!(f::hours(96.0), "4 days");
    assert_eq!(f::hours(1.5), "1.5 h");
    assert_eq!(clean_text(" a\nb\t\u{0}c "), "a b  c");
    assert_eq!(fit_text("short", 10.0, false, 100.0), "short");
    let cut = fit_text("a rather long touchpoint name", 10.0, false, 60.0);
    assert!(
        cut.ends_with('…') && text_width(&cut, 10.0, false) <= 60.0,
        "{cut}"
    );
    assert_eq!(fit_text("abc", 10.0, false, 2.0), "");
    // Chinese has no spaces: it breaks between characters.
    let lines = wrap_text(
        "客户再次来电询问进度客户再次来电询问进度",
        12.0,
        false,
        60.0,
        2,
    );
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].chars().count(), 4);
    assert!(lines[1].ends_with('…'));
    assert_eq!(
        wrap_text("Final meter read at old address", 12.0, false, 115.0, 2),
        ["Final meter read", "at old address"]
    );
    assert!(wrap_text("", 12.0, false, 100.0, 2).is_empty());
    // A word too long for a line breaks after a hyphen, not between two letters.
    assert_eq!(
        wrap_text("Stop-of-service letter", 22.0, true, 180.0, 3),
        ["Stop-of-", "service letter"]
    );
    assert_eq!(
        wrap_text("Direct-debit transfer", 22.0, true, 140.0, 3),
        ["Direct-", "debit", "transfer"]
    );
    // Each line its own width: the last one leaves room for a badge.
    let lines = wrap_text_in("aaaa aaaa aaaa", 10.0, false, &[60.0, 30.0, 30.0]);
    assert_eq!(lines, ["aaaa aaaa", "aaaa"]);
    let lines = wrap_text_in(
        "aaaa aaaa aaaa aaaa aaaa aaaa",
        10.0,
        false,
        &[60.0, 60.0, 30.0],
    );
    assert_eq!(lines[..2], ["aaaa aaaa", "aaaa aaaa"]);
    assert!(lines[2].ends_with('…') && text_width(&lines[2], 10.0, false) <= 30.0);
    let head = arrow_head(&[(0.0, 0.0), (10.0, 0.0)], 4.0).unwrap();
    assert_eq!(head, [(10.0, 0.0), (6.0, 2.0), (6.0, -2.0)]);
    assert_eq!(arrow_head(&[(1.0, 1.0), (1.0, 1.0)], 4.0), None);
    assert_eq!(
        Color::rgb(0, 0, 0).mix(Color::rgb(200, 100, 50), 0.5),
        Color::rgb(100, 50, 25)
    );
    assert_eq!(Color::rgb(0x4e, 0x79, 0xa7).to_hex(), "#4e79a7");
}

/// Cutting the map into pages files every item under the pages it meets (a card or
/// handoff by the extent of all its items, so perhaps a page more), and nothing is lost.
#[test]
fn tile_parts_match_a_scan_of_every_page() {
    let j = crate::samples::move_address().unwrap();
    let l = layout(&j, &crate::layout::LayoutConfig::default());
    let scene = build_scene(&j, &l, None, &SceneOptions::default());
    let b = scene.bounds;
    let (cols, rows) = (4, 3);
    let grid = Grid {
        origin: (b.x, b.y),
        cell: (b.w / cols as f32, b.h / rows as f32),
        cols,
        rows,
    };
    let parts = scene.tile_parts(&grid);
    assert_eq!(parts.len(), cols * rows);
    let mut cards_seen = std::collections::BTreeSet::new();
    for (k, part) in parts.iter().enumerate() {
        let view = Rect::new(
            b.x + (k % cols) as f32 * grid.cell.0,
            b.y + (k / cols) as f32 * grid.cell.1,
            grid.cell.0,
            grid.cell.1,
        );
        let meets = |r: Option<Rect>| r.is_some_and(|r| r.intersects(&view));
        let scan: Vec<usize> = (0..scene.cards.len())
            .filter(|&i| {
                let c = &scene.cards[i];
                meets(Some(c.rect)) || c.items.iter().any(|it| meets(it.bbox()))
            })
            .collect();
        assert!(scan.iter().all(|i| part.cards.contains(i)), "page {k}");
        assert!(part.cards.len() <= scan.len() + 2, "page {k}");
        let scan: Vec<usize> = (0..scene.edges.len())
            .filter(|&i| {
                let e = &scene.edges[i];
                meets(Some(e.bbox)) || e.items.iter().any(|it| meets(it.bbox()))
            })
            .collect();
        assert!(scan.iter().all(|i| part.edges.contains(i)), "page {k}");
        let scan: Vec<usize> = (0..scene.background.len())
            .filter(|&i| meets(scene.background[i].bbox()))
            .collect();
        assert_eq!(part.background, scan, "page {k}");
        let page = scene.window_of(view, part);
        assert_eq!(page.bounds, view);
        cards_seen.extend(page.cards.iter().map(|c| c.id.clone()));
    }
    assert_eq!(
        cards_seen.len(),
        scene.cards.len(),
        "every card on some page"
    );
    let whole = scene.window(b);
    assert_eq!(whole.cards.len(), scene.cards.len());
    assert_eq!(whole.edges.len(), scene.edges.len());
}

/// The presented stage's cards are drawn in large type (names of
/// `LARGE_NAME_SIZE`, inside the card), the others as usual.
#[test]
fn a_presented_stage_gets_large_type_inside_its_cards() {
    let j = crate::samples::move_address().unwrap();
    let l = layout(&j, &LayoutConfig::default());
    let stage = j.stages()[1].id.clone();
    let options = SceneOptions {
        focus_stage: Some(stage.clone()),
        ..SceneOptions::default()
    };
    let scene = build_scene(&j, &l, None, &options);
    let mut large = 0;
    for card in &scene.cards {
        let in_stage = j
            .touchpoint(&card.id)
            .is_some_and(|t| t.stage == Some(stage.clone()));
        let biggest = card
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { size, .. } => Some(*size),
                _ => None,
            })
            .fold(0.0_f32, f32::max);
        if in_stage {
            large += 1;
            assert_eq!(biggest, LARGE_NAME_SIZE, "{}", card.id);
            // Every text stays inside its card.
            for i in &card.items {
                if let Item::Text {
                    pos,
                    text,
                    size,
                    bold,
                    anchor: TextAnchor::Start,
                    ..
                } = i
                {
                    assert!(
                        pos.0 + text_width(text, *size, *bold) <= card.rect.right() + 0.5
                            && pos.1 + size / 2.0 <= card.rect.bottom(),
                        "{}: {text:?} leaves the card",
                        card.id
                    );
                }
            }
        } else {
            assert!(biggest < LARGE_NAME_SIZE, "{}", card.id);
        }
    }
    assert!(large >= 4, "{large}");
}

#[test]
fn a_queue_time_measured_from_a_log_carries_the_measured_mark_in_its_label() {
    let p = Theme::Light.palette();
    let teal = super::logcheck::measured_color(&p);
    // The dots of a handoff's labels, and the pill and text of its queue time.
    let label_parts = |j: &Journey, a: &str, b: &str| {
        let (_, s) = scene_of(j, None, &SceneOptions::default());
        let e = s.edge(&key(a, b)).unwrap();
        let dots: Vec<(f32, f32)> = e
            .labels
            .iter()
            .filter_map(|i| match i {
                Item::Circle {
                    center,
                    fill: Some(c),
                    ..
                } if *c == teal => Some(*center),
                _ => None,
            })
            .collect();
        let pill = e.labels.iter().find_map(|i| match i {
            Item::Rect { rect, .. } => Some(*rect),
            _ => None,
        });
        let text = e.labels.iter().find_map(|i| match i {
            Item::Text {
                pos, text, size, ..
            } => Some((pos.0 - text_width(text, *size, true) / 2.0, text.clone())),
            _ => None,
        });
        (dots, pill, text)
    };
    // Typed by hand: no mark.
    let typed = journey();
    let (dots, _, _) = label_parts(&typed, "check", "order");
    assert!(dots.is_empty(), "{dots:?}");
    // Measured from a log: one mark, inside the queue-time pill, before its text.
    let mut measured = typed.clone();
    let mut h = measured.handoff(&key("check", "order")).unwrap().clone();
    h.wait_source = Box::new(Source::log(Some("tickets.csv".into()), None, Some(400)));
    measured.update_handoff(h).unwrap();
    let (dots, pill, text) = label_parts(&measured, "check", "order");
    let (pill, (text_left, text)) = (pill.unwrap(), text.unwrap());
    assert_eq!(dots.len(), 1, "{dots:?}");
    let (x, y) = dots[0];
    assert!(text.starts_with("2 days"), "{text}");
    assert!(
        x - 2.6 >= pill.x && y > pill.y && y < pill.y + pill.h,
        "{dots:?} {pill:?}"
    );
    assert!(
        x + 2.6 <= text_left,
        "the mark ({x}) before the text ({text_left})"
    );
    assert!(text_left + text_width(&text, 9.5, true) <= pill.x + pill.w);
    // A measured source without a queue time (no figure shown): no mark.
    let mut h = measured.handoff(&key("order", "bill")).unwrap().clone();
    h.wait_source = Box::new(Source::log(None, None, None));
    measured.update_handoff(h).unwrap();
    assert!(label_parts(&measured, "order", "bill").0.is_empty());
}

/// Issue #15, one meaning per word: the map's "rework" is the analysis' rework loops
/// (a handoff closing a cycle), not any handoff that points back on the map; and the
/// map classifies handoffs as the analysis does (two customer steps: customer-facing).
#[test]
fn rework_on_the_map_is_the_analysis_loops_and_classes_are_the_models() {
    let mut j = Journey::new("t");
    for (i, id) in ["early", "late"].into_iter().enumerate() {
        j.insert_stage(i, Stage::new(id, id)).unwrap();
    }
    let mut customer = Department::new("customer", "Customer", Rgb(0x6b, 0x6b, 0x6b));
    customer.kind = DepartmentKind::Customer;
    j.insert_department(0, customer).unwrap();
    j.insert_department(1, Department::new("x", "X", Rgb::palette(0)))
        .unwrap();
    j.insert_department(2, Department::new("y", "Y", Rgb::palette(1)))
        .unwrap();
    for (id, stage, owner) in [
        ("ask", "early", "customer"),
        ("wait", "late", "customer"),
        ("fix", "late", "x"),
        ("file", "early", "y"),
    ] {
        let mut t = Touchpoint::new(id, id);
        t.stage = Some(StageId::new(stage));
        t.owner = Some(DepartmentId::new(owner));
        j.add_touchpoint(t).unwrap();
    }
    // `fix` (late) -> `file` (early) points back on the map but closes no cycle.
    for (a, b) in [("ask", "wait"), ("ask", "fix"), ("fix", "file")] {
        j.add_handoff(Handoff::new(a, b)).unwrap();
    }
    let a = crate::analysis::analyze(&j, &Default::default());
    assert!(a.loops.is_empty());
    for analysis in [None, Some(&a)] {
        let (_, s) = scene_of(&j, analysis, &SceneOptions::default());
        let kind = |x, y| s.edge(&key(x, y)).unwrap().kind;
        assert_eq!(kind("fix", "file"), EdgeKind::CrossDepartment);
        assert_eq!(kind("ask", "wait"), EdgeKind::CustomerFacing);
        assert_eq!(kind("ask", "fix"), EdgeKind::CustomerFacing);
    }
    // Close the cycle (`file` -> `fix`): the handoff that goes back is rework.
    j.add_handoff(Handoff::new("file", "fix")).unwrap();
    let a = crate::analysis::analyze(&j, &Default::default());
    assert_eq!(a.loops.len(), 1);
    let back: Vec<HandoffKey> = a.loops[0].back_handoffs.iter().map(|h| h.key()).collect();
    assert_eq!(back.len(), 1);
    for analysis in [None, Some(&a)] {
        let (_, s) = scene_of(&j, analysis, &SceneOptions::default());
        let rework: Vec<HandoffKey> = s
            .edges
            .iter()
            .filter(|e| e.kind == EdgeKind::Rework)
            .map(|e| e.key.clone())
            .collect();
        assert_eq!(rework, back);
    }
}

/// On a big map the cards are built on a second thread: in the language of the thread
/// that builds the scene (the language is per thread), exactly as built in line.
#[test]
fn cards_built_beside_the_handoffs_speak_the_scenes_language() {
    let j = crate::generate::generate(CARDS_BESIDE_FROM + 100, 3);
    let l = layout(&j, &crate::layout::LayoutConfig::default());
    let a = crate::analysis::analyze(&j, &crate::analysis::AnalysisConfig::default());
    let marks = Marks::from_analysis(&a);
    let opts = SceneOptions::default();
    let pm = (
        &opts.theme.palette(),
        &Metrics::of(&l.config.unwrap_or_default()),
    );
    let zh = crate::i18n::Lang::parse("zh-CN").expect("Chinese");
    let (scene, in_line) = crate::i18n::with_lang(&zh, || {
        (
            build_scene_with_marks(&j, &l, Some(&marks), &opts),
            cards(&j, &l, Some(&marks), &opts, pm),
        )
    });
    assert_eq!(scene.cards.len(), j.touchpoint_count());
    assert!(
        scene.cards == in_line,
        "the cards differ from those built in line"
    );
    let english = build_scene_with_marks(&j, &l, Some(&marks), &opts);
    assert!(
        english.cards != scene.cards,
        "the language shows on the cards"
    );
}
