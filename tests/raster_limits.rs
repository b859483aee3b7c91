//! Issue #21: a map too big for one drawing (PNG, one-page PDF) is refused right after
//! loading, from the journey's counts, with its size and the option that works, in the
//! language of the export; the lower bound it uses never exceeds what the drawing
//! would really hold, so nothing that fits is ever refused by it.

use std::sync::{Mutex, MutexGuard};
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

/// The tests of this file that time something run one at a time: on 2 cores, a sibling
/// test building an 80,000-touchpoint journey beside a timed export would double its
/// wall time (a PNG measured at 22 s against 7 s alone), and the bounds are about the
/// work, not the neighbours.
static TIMED: Mutex<()> = Mutex::new(());

fn timed() -> MutexGuard<'static, ()> {
    TIMED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

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
    let _one_at_a_time = timed();
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
    let _one_at_a_time = timed();
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

/// The command line refuses a file too big for one image from a census of its text,
/// before the full load (issue #21: within 1 s on a 62 MiB, 80,000-touchpoint file,
/// where the load alone is 1.2 s of CPU): the same words as the loaded journey gets,
/// in every language, for PNG and a one-page PDF; a file the census cannot read is
/// loaded and refused as before, with the same words.
#[test]
fn a_file_too_big_for_one_image_is_refused_before_it_is_loaded() {
    let _one_at_a_time = timed();
    use touchpoint::export::diagram::refuse_before_loading;
    let j = touchpoint::generate::generate(80_000, 1);
    let text = touchpoint::io::to_ron_string(&j);
    let bytes = text.as_bytes();
    let zh = Lang::parse("zh-CN").unwrap();
    for lang in [Lang::english(), zh] {
        for (format, pages) in [
            (ExportFormat::Png, PageLayout::Auto),
            (ExportFormat::Pdf, PageLayout::Fit),
        ] {
            let mut o = ExportOptions::new(format);
            o.pages = pages;
            o.lang = lang.clone();
            let early = refuse_before_loading(bytes, &o)
                .expect_err("refused from the census")
                .to_string();
            let late = export::export(&j, &o).expect_err("refused").to_string();
            assert_eq!(early, late);
        }
    }
    // Nothing is refused that is not one drawing, or that fits.
    let mut pages = ExportOptions::new(ExportFormat::Pdf);
    pages.pages = PageLayout::Pages;
    assert!(refuse_before_loading(bytes, &pages).is_ok());
    assert!(refuse_before_loading(bytes, &ExportOptions::new(ExportFormat::Svg)).is_ok());
    let small = touchpoint::io::to_ron_string(&touchpoint::generate::generate(2_000, 1));
    let png = ExportOptions::new(ExportFormat::Png);
    assert!(refuse_before_loading(small.as_bytes(), &png).is_ok());

    // Before the load: a fraction of its time, in the same process (a tenth in a
    // release build; the census's byte loop gains most from optimisation).
    let started = Instant::now();
    let census = refuse_before_loading(bytes, &png);
    let census_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let big_journey = touchpoint::io::load_bytes("big.journey.ron", bytes).expect("loads");
    let load_s = started.elapsed().as_secs_f64();
    eprintln!("refused from the census in {census_s:.3} s; the load takes {load_s:.3} s");
    assert!(census.is_err());
    let ratio = if cfg!(debug_assertions) { 0.8 } else { 0.3 };
    assert!(
        census_s < ratio * load_s,
        "census {census_s:.3} s against a load of {load_s:.3} s"
    );

    // A file the census does not read (a RON attribute) is left to the loader, and
    // refused after it with the same words.
    let attributed = format!("#![enable(implicit_some)]\n{text}");
    assert!(refuse_before_loading(attributed.as_bytes(), &png).is_ok());
    let j2 = touchpoint::io::load_str("attributed", &attributed).expect("loads");
    assert_eq!(
        export::export(&j2, &png).expect_err("refused").to_string(),
        export::export(&big_journey, &png)
            .expect_err("refused")
            .to_string()
    );

    // The command line: refused with that message, nothing written, and the file never
    // loaded (the command runs on this thread, which counts its full loads).
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.journey.ron");
    std::fs::write(&big, bytes).unwrap();
    let in_process = |args: &[&str]| {
        use clap::Parser;
        let cli = touchpoint::cli::Cli::try_parse_from(args).expect("parses");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let loads = touchpoint::io::full_loads_on_this_thread();
        let code = touchpoint::cli::run(cli.command.expect("a command"), &mut out, &mut err);
        let loaded = touchpoint::io::full_loads_on_this_thread() - loads;
        (code, String::from_utf8_lossy(&err).into_owned(), loaded)
    };
    let x_png = dir.path().join("x.png");
    let big_arg = big.display().to_string();
    let (code, err, loaded) = in_process(&[
        "touchpoint",
        "export",
        &big_arg,
        "--format",
        "png",
        "-o",
        &x_png.display().to_string(),
    ]);
    assert_eq!(code, std::process::ExitCode::from(1), "{err}");
    assert_eq!(loaded, 0, "refused after loading the file: {err}");
    assert!(err.contains("too big to draw at once"), "{err}");
    // The counter counts: validating the same file loads it once.
    let (_, _, loaded) = in_process(&["touchpoint", "validate", &big_arg]);
    assert_eq!(loaded, 1);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .current_dir(dir.path())
        .args([
            "export",
            "big.journey.ron",
            "--format",
            "png",
            "-o",
            "x.png",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err.trim_end(),
        export::export(&big_journey, &png)
            .expect_err("refused")
            .to_string()
    );
    assert!(!dir.path().join("x.png").exists());
}
