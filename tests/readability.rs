//! Issue 16: the readability of the exported maps, measured on every sample and on a
//! generated 200-touchpoint journey (`scene::measure`), in both themes and for a
//! CJK-labelled journey. Prints the figures and asserts the targets, so a change that
//! makes a map harder to read fails here.

use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::layout::{LayoutConfig, layout};
use touchpoint::model::Journey;
use touchpoint::scene::{Readability, SceneOptions, Theme, build_scene, measure};

fn figures_in(j: &Journey, theme: Theme) -> Readability {
    let a = analyze(j, &AnalysisConfig::default());
    let l = layout(j, &LayoutConfig::default());
    let options = SceneOptions {
        theme,
        ..SceneOptions::default()
    };
    let scene = build_scene(j, &l, Some(&a), &options);
    measure(&scene)
}

fn figures(j: &Journey) -> Readability {
    figures_in(j, Theme::Light)
}

#[test]
fn every_sample_and_a_generated_journey_are_measured() {
    let mut all = Vec::new();
    for (name, _) in touchpoint::samples::SAMPLES {
        let j = touchpoint::samples::load_sample(name).unwrap().unwrap();
        let r = figures(&j);
        println!("{name}: {r:?}");
        assert_eq!(
            r.handoffs,
            j.handoff_count(),
            "{name}: every handoff line measured"
        );
        assert_eq!(figures(&j), r, "{name}: deterministic");
        assert_eq!(
            figures_in(&j, Theme::Dark),
            r,
            "{name}: same in the dark theme"
        );
        all.push((name, r));
    }
    let j = touchpoint::generate::generate(200, 7);
    let r = figures(&j);
    println!("generated 200: {r:?}");
    assert_eq!(r.handoffs, j.handoff_count());
    // Every sample: no line across a card, no covered label, no shared track.
    for (name, r) in &all {
        assert_eq!(
            (r.lines_across_cards, r.covered_labels),
            (0, 0),
            "{name}: {r:?}"
        );
        assert_eq!(r.shared_length, 0.0, "{name}: {r:?}");
        match *name {
            // Target: at most 6. 9 before routes through every row channel were
            // tried on the finished lines (and 9 before the channel router).
            "move-address.journey.ron" => assert!(r.crossings <= 3, "{r:?}"),
            // 4, then 2 with routes tried on the finished lines, then 1.
            "move-address-to-be.journey.ron" => assert!(r.crossings <= 1, "{r:?}"),
            _ => assert_eq!(r.crossings, 0, "{name}: {r:?}"),
        }
    }
    // Before the channel router: 11 lines across cards, 27 covered labels, ~982,000 px
    // shared, 1,645 crossings. Targets: 0, 0, 2,000 px, 800 (all met; 705 now).
    // Before channels widened for their tracks: 36,048 px shared; before routes around
    // a card's far side: 1,516 crossings; before the barycentre sweeps over the cells:
    // 1,171; before cells wider than square: 867.
    assert_eq!(r.lines_across_cards, 0, "{r:?}");
    assert_eq!(r.covered_labels, 0, "{r:?}");
    assert!(r.shared_length <= 2_000.0, "{r:?}");
    assert!(r.crossings <= 800, "{r:?}");
    assert!(r.crossings <= 705, "{r:?}");
}

/// The same holds with Chinese labels (wider pills, CJK text) on every sample and on the
/// generated journey, in the light and the dark theme.
#[test]
fn chinese_labels_are_placed_as_cleanly() {
    let zh = touchpoint::i18n::Lang::parse("zh-CN").expect("zh-CN is embedded");
    touchpoint::i18n::with_lang(&zh, || {
        let mut journeys: Vec<(String, Journey)> = touchpoint::samples::SAMPLES
            .iter()
            .map(|(name, _)| {
                let j = touchpoint::samples::load_sample(name).unwrap().unwrap();
                (name.to_string(), j)
            })
            .collect();
        journeys.push((
            "generated 200".into(),
            touchpoint::generate::generate(200, 7),
        ));
        for (name, j) in &journeys {
            for theme in [Theme::Light, Theme::Dark] {
                let r = figures_in(j, theme);
                println!("{name} zh-CN {theme:?}: {r:?}");
                assert_eq!(
                    (r.lines_across_cards, r.covered_labels),
                    (0, 0),
                    "{name}: {r:?}"
                );
                if name.ends_with(".ron") {
                    assert_eq!(r.shared_length, 0.0, "{name}: {r:?}");
                }
            }
        }
    });
}
