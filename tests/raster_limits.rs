//! Issue #21: a map too big for one drawing (PNG, one-page PDF) is refused right after
//! loading, from the journey's counts, with its size and the option that works, in the
//! language of the export; the lower bound it uses never exceeds what the drawing
//! would really hold, so nothing that fits is ever refused by it.

use std::time::Instant;
use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::export::diagram::scene_for;
use touchpoint::export::pdf::PageLayout;
use touchpoint::export::raster::{MAX_NODES, nodes_at_least};
use touchpoint::export::svg::{SvgOptions, node_count};
use touchpoint::export::{self, ExportFormat, ExportOptions};
use touchpoint::i18n::{self, Lang};
use touchpoint::model::Journey;
use touchpoint::scene::SceneOptions;

/// `n` touchpoints in 20 stages and 10 departments, each handing off to `hub` (or,
/// with `hub` false, to the next one, and the last back to the first: a rework loop).
fn star_or_cycle(n: usize, hub: bool) -> Journey {
    let mut s = String::from("(\n    title: \"Star\",\n    stages: [");
    for k in 0..20 {
        s.push_str(&format!("(id: \"s{k}\", name: \"Stage {k}\"), "));
    }
    s.push_str("],\n    departments: [");
    for k in 0..10 {
        s.push_str(&format!("(id: \"d{k}\", name: \"Department {k}\"), "));
    }
    s.push_str("],\n    touchpoints: [\n        (id: \"hub\", name: \"Hub\", stage: \"s19\"),\n");
    for i in 0..n {
        s.push_str(&format!(
            "        (id: \"t{i:06}\", name: \"Step {i}\", stage: \"s{}\", owner: \"d{}\"),\n",
            i * 19 / n.max(1),
            i % 10
        ));
    }
    s.push_str("    ],\n    handoffs: [\n");
    for i in 0..n {
        let to = if hub {
            "hub".to_owned()
        } else {
            format!("t{:06}", (i + 1) % n)
        };
        let wait = if i % 2 == 0 { ", wait_hours: 2.5" } else { "" };
        s.push_str(&format!(
            "        (from: \"t{i:06}\", to: \"{to}\"{wait}),\n"
        ));
    }
    s.push_str("    ],\n)\n");
    touchpoint::io::load_str("star.journey.ron", &s).expect("valid")
}

#[test]
fn the_lower_bound_never_exceeds_the_nodes_of_the_drawing() {
    let mut journeys: Vec<(String, Journey)> = touchpoint::samples::SAMPLES
        .iter()
        .map(|(name, _)| {
            let j = touchpoint::samples::load_sample(name).unwrap().unwrap();
            (name.to_string(), j)
        })
        .collect();
    for seed in 1..4 {
        journeys.push((
            format!("generated {seed}"),
            touchpoint::generate::generate(400, seed),
        ));
    }
    journeys.push(("star".into(), star_or_cycle(300, true)));
    journeys.push(("cycle".into(), star_or_cycle(300, false)));
    for (name, j) in &journeys {
        let a = analyze(j, &AnalysisConfig::default());
        let scene = scene_for(j, &a, &SceneOptions::default());
        // Every text left out, as at the smallest scale.
        let no_text = SvgOptions {
            size: None,
            min_text_px: 1e9,
            scale: 1.0,
            merge_lines: false,
        };
        let exact = node_count(&scene, &no_text);
        let bound = nodes_at_least(j);
        assert!(bound <= exact, "{name}: bound {bound} > drawn {exact}");
        // And close enough to be worth having on a big map (a small one is mostly
        // lanes, headers and legend, which the bound leaves out).
        assert!(
            j.touchpoint_count() < 300 || bound * 10 >= exact * 7,
            "{name}: bound {bound} is far below {exact}"
        );
    }
}

fn refusal(j: &Journey, format: ExportFormat, pages: PageLayout) -> (String, f64) {
    let mut o = ExportOptions::new(format);
    o.pages = pages;
    let started = Instant::now();
    let e = export::export(j, &o).expect_err("too big for one drawing");
    (e.to_string(), started.elapsed().as_secs_f64())
}

#[test]
fn a_map_too_big_for_one_image_is_refused_from_its_counts_at_once() {
    let j = touchpoint::generate::generate(80_000, 1);
    let bound = nodes_at_least(&j);
    assert!(bound > MAX_NODES, "{bound}");
    let (png, png_s) = refusal(&j, ExportFormat::Png, PageLayout::Auto);
    assert!(
        png.contains("too big to draw at once")
            && png.contains("80000 touchpoints")
            && png.contains(&format!("at least {bound} shapes"))
            && png.contains("`--format pdf --pages`"),
        "{png}"
    );
    let (pdf, pdf_s) = refusal(&j, ExportFormat::Pdf, PageLayout::Fit);
    assert!(
        pdf.contains("one A4 page of this map") && pdf.contains("`--pages`"),
        "{pdf}"
    );
    // Without the analysis, layout and scene (seconds on this map in release, tens of
    // seconds in a debug build): a generous bound for a debug build on a busy machine.
    eprintln!("refused in {png_s:.2} s (PNG) and {pdf_s:.2} s (one-page PDF)");
    assert!(png_s < 3.0 && pdf_s < 3.0, "{png_s} s, {pdf_s} s");
    // In Chinese, the whole message.
    let zh = Lang::parse("zh-CN").unwrap();
    let (png_zh, _) = i18n::with_lang(&zh, || refusal(&j, ExportFormat::Png, PageLayout::Auto));
    assert!(
        png_zh.starts_with("地图太大，无法一次画成")
            && png_zh.contains("80000 个触点")
            && png_zh.contains("`--format pdf --pages`")
            && !png_zh.contains("too big")
            && !png_zh.contains("export it"),
        "{png_zh}"
    );
}

#[test]
fn a_drawing_refused_after_its_scene_is_translated_too() {
    // Under the bound from the counts but over the limit with the card text: the
    // refusal comes from the scene (exact count), with the pixel size.
    let j = touchpoint::generate::generate(33_000, 3);
    assert!(nodes_at_least(&j) <= MAX_NODES);
    let zh = Lang::parse("zh-CN").unwrap();
    let (e, _) = i18n::with_lang(&zh, || refusal(&j, ExportFormat::Pdf, PageLayout::Fit));
    assert!(
        e.starts_with("地图太大") && e.contains("一页 A4 纸") && e.contains("`--pages`"),
        "{e}"
    );
}

/// Ten thousand handoffs into one touchpoint run side by side along the same tracks:
/// drawn one by one the rasteriser covered the same pixels ten thousand times (PNG
/// 4-6 s in release). Merged, the PNG takes about as long as the SVG. In a debug build
/// the bound is generous; a return to drawing every line on its own (or anything
/// quadratic in the handoffs) exceeds it several times over.
#[test]
fn ten_thousand_handoffs_into_one_touchpoint_draw_in_time() {
    let j = star_or_cycle(10_000, true);
    let started = Instant::now();
    let png = export::export(&j, &ExportOptions::new(ExportFormat::Png)).expect("a PNG");
    let png_s = started.elapsed().as_secs_f64();
    assert!(png[0].bytes.starts_with(b"\x89PNG"));
    let started = Instant::now();
    let svg = export::export(&j, &ExportOptions::new(ExportFormat::Svg)).expect("an SVG");
    let svg_s = started.elapsed().as_secs_f64();
    assert!(svg[0].bytes.len() > 1_000_000);
    eprintln!("10,000 handoffs into one touchpoint: SVG {svg_s:.2} s, PNG {png_s:.2} s");
    assert!(
        png_s < 3.0 * svg_s + 10.0,
        "PNG {png_s:.2} s against SVG {svg_s:.2} s"
    );
}
