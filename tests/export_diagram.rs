//! Diagram exports (SVG, PNG, PDF) and reports (Markdown, HTML): every output parsed
//! back, sizes and page counts, hostile texts, fonts, determinism, golden files, CLI.

use clap::Parser;
use std::path::Path;
use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::cli::{Cli, Command};
use touchpoint::export::diagram::scene_for;
use touchpoint::export::pdf::{PageLayout, Paper, PdfOptions, plan_pages};
use touchpoint::export::{self, ExportFormat, ExportOptions};
use touchpoint::model::*;
use touchpoint::scene::{SceneOptions, Theme};

const DATE: &str = "2026-11-26";

fn sample(name: &str) -> Journey {
    touchpoint::samples::load_sample(name)
        .unwrap_or_else(|| panic!("no sample {name}"))
        .unwrap_or_else(|e| panic!("sample {name}: {e}"))
}

fn options(format: ExportFormat) -> ExportOptions {
    let mut o = ExportOptions::new(format);
    o.date = Some(DATE.into());
    o
}

fn export_one(j: &Journey, o: &ExportOptions) -> Vec<u8> {
    let mut a = export::export(j, o).unwrap_or_else(|e| panic!("{:?}: {e}", o.format));
    assert!(!a.is_empty());
    a.swap_remove(0).bytes
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8")
}

/// Every text node of an XML document, concatenated with newlines.
fn xml_texts(doc: &roxmltree::Document<'_>) -> String {
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parse SVG or XHTML (which starts with `<!DOCTYPE html>`).
fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
}

/// A journey with hostile texts everywhere a user can type.
fn hostile() -> Journey {
    let evil = "<script>alert(1)</script>";
    let mut j = Journey::new(evil);
    let mut meta = j.meta().clone();
    meta.title = format!("{evil} & \"quotes\"");
    meta.description = "\"]; evil [ <img src=x onerror=alert(1)>".into();
    meta.owner = "</title><script>x()</script>".into();
    meta.variant = "as-is ]]> <!-- -->".into();
    meta.outcomes.push(Outcome {
        name: "|pipe| *star* [link](http://x)".into(),
        value: 40.0,
        unit: "%".into(),
    });
    j.set_meta(meta).unwrap();
    j.insert_stage(0, Stage::new("s1", evil)).unwrap();
    j.insert_stage(1, Stage::new("s2", "\"]; evil [")).unwrap();
    let mut customer = Department::new("customer", "<b>Customer</b>", Rgb(0x6b, 0x6b, 0x6b));
    customer.kind = DepartmentKind::Customer;
    j.insert_department(0, customer).unwrap();
    j.insert_department(1, Department::new("d1", "\"]; evil [", Rgb(1, 2, 3)))
        .unwrap();
    j.insert_department(
        2,
        Department::new("d2", "客户服务 & <Billing>", Rgb(250, 250, 0)),
    )
    .unwrap();
    for (id, name, stage, owner) in [
        ("a", evil, "s1", Some("customer")),
        ("b", "\"]; evil [\n\tline two\u{0}", "s1", Some("d1")),
        ("c", "# heading\n- list", "s2", Some("d2")),
        ("d", "1. not a list ![img](x)", "s2", None),
    ] {
        let mut t = Touchpoint::new(id, name);
        t.stage = Some(StageId::new(stage));
        t.owner = owner.map(DepartmentId::new);
        t.satisfaction = Some(Satisfaction::Histogram([5, 5, 0, 0, 0, 0, 0, 0, 5, 5, 0]));
        t.metrics.push(Metric {
            name: evil.into(),
            value: 1.0,
            unit: "<u>".into(),
            target: Some(2.0),
            better: Better::Lower,
        });
        j.add_touchpoint(t).unwrap();
    }
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")] {
        let mut h = Handoff::new(a, b);
        h.label = evil.into();
        h.wait_hours = Some(48.0);
        j.add_handoff(h).unwrap();
    }
    j
}

#[test]
fn svg_of_every_sample_parses_with_a_group_per_touchpoint_and_handoff() {
    for (name, _) in touchpoint::samples::SAMPLES {
        let j = sample(name);
        let svg = text(export_one(&j, &options(ExportFormat::Svg)));
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let count = |class: &str| {
            doc.descendants()
                .filter(|n| {
                    n.attribute("class")
                        .is_some_and(|c| c.split(' ').next() == Some(class))
                })
                .count()
        };
        assert_eq!(count("touchpoint"), j.touchpoint_count(), "{name}");
        assert_eq!(count("handoff"), j.handoff_count(), "{name}");
        let texts = xml_texts(&doc);
        for t in j.touchpoints() {
            // Every card shows (the start of) its name.
            let start: String = t.name.chars().take(4).collect();
            assert!(texts.contains(&start), "{name}: {start}");
        }
        for s in j.stages() {
            assert!(texts.contains(&s.name), "{name}: stage {}", s.name);
        }
        assert!(texts.contains(DATE));
        assert_eq!(
            svg,
            text(export_one(&j, &options(ExportFormat::Svg))),
            "deterministic"
        );
    }
}

#[test]
fn move_address_svg_marks_the_cross_department_handoffs_and_the_gaps() {
    let j = sample("move-address.journey.ron");
    let a = analyze(&j, &AnalysisConfig::default());
    let svg = text(export_one(&j, &options(ExportFormat::Svg)));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let cross = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("handoff cross-department"))
        .count();
    let rework = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("handoff rework"))
        .count();
    // Internal cross-department handoffs are drawn thick, except those going back
    // (rework), which are drawn as loops.
    let back_cross = a
        .handoffs
        .iter()
        .filter(|h| {
            h.back_edge
                && h.cross_department
                && h.kind == touchpoint::analysis::HandoffKind::Internal
        })
        .count();
    assert_eq!(
        cross + back_cross,
        a.headline.internal_cross_department_handoffs
    );
    assert!(cross >= 15, "{cross}");
    assert!(rework >= 1, "the customer calls again: a rework loop");
    let texts = xml_texts(&doc);
    assert_eq!(
        texts.matches("WATERMELON").count(),
        a.watermelons.len() + 1,
        "one badge per watermelon, plus the legend"
    );
    // Title block figures.
    let words: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        words.windows(2).any(|w| w == ["19", "touchpoints"]),
        "{words:?}"
    );
    let no_gaps = {
        let mut o = options(ExportFormat::Svg);
        o.no_gaps = true;
        text(export_one(&j, &o))
    };
    assert!(!no_gaps.contains("WATERMELON"));
}

#[test]
fn hostile_text_is_inert_in_svg_html_and_markdown() {
    let j = hostile();
    for format in [ExportFormat::Svg, ExportFormat::Html] {
        let out = text(export_one(&j, &options(format)));
        let doc = parse_xml(&out).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        for n in doc.descendants() {
            assert!(
                !["script", "img", "b", "u", "iframe"].contains(&n.tag_name().name()),
                "{format:?}: a <{}> element",
                n.tag_name().name()
            );
            for attr in n.attributes() {
                assert!(
                    !attr.name().starts_with("on"),
                    "{format:?}: {}",
                    attr.name()
                );
            }
        }
        let texts = xml_texts(&doc);
        assert!(texts.contains("<script>alert(1)</script>"), "{format:?}");
        assert!(texts.contains("\"]; evil ["), "{format:?}");
        assert!(texts.contains("客户服务 & <Billing>"), "{format:?}");
        assert!(!out.contains("\u{0}"));
    }
    let md = text(export_one(&j, &options(ExportFormat::Markdown)));
    assert!(!md.contains("<script"), "{md}");
    assert!(!md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
    assert!(
        md.contains("\\|pipe\\| \\*star\\* \\[link\\](http://x)"),
        "{md}"
    );
    assert!(md.contains("# heading - list"), "{md}");
    assert!(md.contains("1. not a list !\\[img\\](x)"), "{md}");
    // The description starts a paragraph: no heading, no image, no HTML.
    assert!(
        md.contains("\n\"\\]; evil \\[ &lt;img src=x onerror=alert(1)&gt;\n"),
        "{md}"
    );
    // Table rows keep their column count despite the pipes.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(cells >= 3, "{line}");
    }
}

#[test]
fn html_is_self_contained_with_a_strict_policy() {
    let j = sample("move-address.journey.ron");
    let mut o = options(ExportFormat::Html);
    o.compare = Some(sample("move-address-to-be.journey.ron"));
    let html = text(export_one(&j, &o));
    assert!(html.starts_with("<!DOCTYPE html>"));
    let doc = parse_xml(&html).expect("well-formed XHTML");
    let csp = doc
        .descendants()
        .find(|n| n.attribute("http-equiv") == Some("Content-Security-Policy"))
        .and_then(|n| n.attribute("content"));
    assert_eq!(
        csp,
        Some("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    );
    // Nothing is loaded from anywhere: no src or href at all.
    for n in doc.descendants() {
        assert!(n.attribute("src").is_none() && n.attribute("href").is_none());
    }
    let svgs = doc.descendants().filter(|n| n.has_tag_name("svg")).count();
    assert_eq!(svgs, 2, "the as-is and the to-be maps are inlined");
    let texts = xml_texts(&doc);
    for heading in [
        "Headline figures",
        "Journey map",
        "Gaps, worst first",
        "Handoff matrix",
        "Departments",
        "As-is vs to-be",
    ] {
        assert!(
            doc.descendants()
                .any(|n| n.has_tag_name("h2") && n.text() == Some(heading)),
            "{heading}"
        );
    }
    assert!(texts.contains("Billing"));
    assert!(texts.contains("Where customers suffer"));
}

#[test]
fn markdown_report_links_the_map_and_compares_as_is_with_to_be() {
    let j = sample("move-address.journey.ron");
    let to_be = sample("move-address-to-be.journey.ron");
    let mut o = options(ExportFormat::Markdown);
    o.compare = Some(to_be.clone());
    o.map_name = Some("move address.svg".into());
    let a = export::export(&j, &o).unwrap();
    assert_eq!(a.len(), 3, "report, map, to-be map");
    assert_eq!(a[1].suffix, Some(".svg"));
    assert_eq!(a[2].suffix, Some(".to-be.svg"));
    roxmltree::Document::parse(std::str::from_utf8(&a[1].bytes).unwrap()).unwrap();
    roxmltree::Document::parse(std::str::from_utf8(&a[2].bytes).unwrap()).unwrap();
    let md = String::from_utf8(a[0].bytes.clone()).unwrap();
    assert!(md.contains("![Journey map](move%20address.svg)"), "{md}");
    assert!(
        md.contains("![To-be map](move%20address.to-be.svg)"),
        "{md}"
    );
    assert!(md.contains("## As-is vs to-be"));
    // The redesign is at least four times as efficient in elapsed time.
    let d = touchpoint::analysis::diff(&j, &to_be, &AnalysisConfig::default());
    let ratio = d.figure("elapsed_hours").and_then(|f| f.ratio).unwrap();
    assert!(ratio >= 4.0, "{ratio}");
    let label = &d.figure("elapsed_hours").unwrap().label;
    let compare = md.split("## As-is vs to-be").nth(1).unwrap();
    let row = compare
        .lines()
        .find(|l| l.starts_with(&format!("| {label} |")))
        .unwrap_or_else(|| panic!("{md}"));
    let shown = if ratio >= 10.0 {
        format!("{ratio:.0}")
    } else {
        format!("{ratio:.1}")
    };
    assert!(row.ends_with(&format!("| {shown} times less |")), "{row}");
    // Per-department summary.
    assert!(md.contains("### Billing"));
    assert!(md.contains("- **Hands off**: "));
}

#[test]
fn png_decodes_to_the_expected_size() {
    let j = sample("fixed-line-installation.journey.ron");
    let a = analyze(&j, &AnalysisConfig::default());
    let scene = scene_for(
        &j,
        &a,
        &SceneOptions {
            date: Some(DATE.into()),
            ..Default::default()
        },
    );
    let mut o = options(ExportFormat::Png);
    o.scale = 1.5;
    let png = export_one(&j, &o);
    let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    assert_eq!(pixmap.width(), (scene.bounds.w * 1.5).ceil() as u32);
    assert_eq!(pixmap.height(), (scene.bounds.h * 1.5).ceil() as u32);
    // The corner is the light background, fully opaque.
    let bg = Theme::Light.palette().background;
    let px = pixmap.pixel(1, 1).unwrap();
    assert_eq!(
        (px.red(), px.green(), px.blue(), px.alpha()),
        (bg.r, bg.g, bg.b, 255)
    );
    // Something was drawn: many pixels differ from the background.
    let drawn = pixmap
        .pixels()
        .iter()
        .filter(|p| (p.red(), p.green(), p.blue()) != (bg.r, bg.g, bg.b))
        .count();
    assert!(drawn > pixmap.pixels().len() / 5, "{drawn}");
}

/// Render one line of text with the bundled fonts and count the inked pixels.
fn inked(text: &str) -> usize {
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\"><text x=\"10\" y=\"45\" font-size=\"36\" font-family=\"{}\">{text}</text></svg>",
        touchpoint::export::svg::FONT_FAMILY.replace('\'', "&apos;")
    );
    let tree =
        resvg::usvg::Tree::from_str(&svg, &touchpoint::export::fonts::usvg_options()).unwrap();
    let mut pixmap = tiny_skia::Pixmap::new(200, 60).unwrap();
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.pixels().iter().filter(|p| p.alpha() > 128).count()
}

#[test]
fn latin_and_chinese_render_with_the_bundled_fonts() {
    assert!(inked("Ab") > 150, "Latin: {}", inked("Ab"));
    assert!(inked("客户") > 150, "Chinese: {}", inked("客户"));
    assert_eq!(inked(" "), 0);
}

fn page_count(pdf: &[u8]) -> usize {
    let s = String::from_utf8_lossy(pdf);
    s.matches("/Type /Page").count() - s.matches("/Type /Pages").count()
}

#[test]
fn pdf_fits_one_page_or_splits_into_the_planned_pages() {
    let j = sample("move-address.journey.ron");
    let a = analyze(&j, &AnalysisConfig::default());
    let scene = scene_for(&j, &a, &SceneOptions::default());
    let mut o = options(ExportFormat::Pdf);
    o.pages = PageLayout::Fit;
    let pdf = export_one(&j, &o);
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"));
    assert_eq!(page_count(&pdf), 1);
    o.pages = PageLayout::Pages;
    o.paper = Paper::A4;
    let pdf = export_one(&j, &o);
    let (_, cols, rows) = plan_pages(
        scene.bounds.w,
        scene.bounds.h,
        &PdfOptions {
            paper: Paper::A4,
            layout: PageLayout::Pages,
        },
    );
    assert!(cols * rows > 1);
    assert_eq!(page_count(&pdf), cols * rows);
    // Chinese text is embedded as text with its font.
    let ecommerce = export_one(
        &sample("ecommerce.journey.ron"),
        &options(ExportFormat::Pdf),
    );
    assert!(String::from_utf8_lossy(&ecommerce).contains("DroidSansFallback"));
}

#[test]
fn golden_svg_and_markdown_of_the_fixed_line_sample() {
    let j = sample("fixed-line-installation.journey.ron");
    let svg = text(export_one(&j, &options(ExportFormat::Svg)));
    insta::assert_snapshot!("fixed-line-installation.svg", svg);
    let mut o = options(ExportFormat::Markdown);
    o.map_name = Some("fixed-line-installation.svg".into());
    let md = text(export_one(&j, &o));
    insta::assert_snapshot!("fixed-line-installation.md", md);
}

// ----- the command line ---------------------------------------------------------------------

fn run(args: &[&str]) -> (u8, String, String) {
    let cli = Cli::try_parse_from(std::iter::once("touchpoint").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = match cli.command {
        Some(Command::Export(a)) => touchpoint::cli::cli_export(&a, &mut out, &mut err),
        other => panic!("not an export: {other:?}"),
    };
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn sample_path(name: &str) -> String {
    format!("{}/sample_journeys/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn p(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn cli_writes_every_diagram_and_report_format() {
    let dir = tempfile::tempdir().unwrap();
    let src = sample_path("fixed-line-installation.journey.ron");
    let (code, out, err) = run(&[
        "export",
        &src,
        "-o",
        &p(dir.path(), "f.png"),
        "--scale",
        "2",
        "--theme",
        "dark",
        "--date",
        DATE,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("f.png: ") && out.contains(" px"), "{out}");
    let png = std::fs::read(dir.path().join("f.png")).unwrap();
    let pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
    let bg = Theme::Dark.palette().background;
    let px = pixmap.pixel(0, 0).unwrap();
    assert_eq!((px.red(), px.green(), px.blue()), (bg.r, bg.g, bg.b));

    let (code, out, err) = run(&[
        "export",
        &src,
        "-o",
        &p(dir.path(), "f.pdf"),
        "--paper",
        "a3",
        "--fit",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 page A3 landscape"), "{out}");
    let pdf = std::fs::read(dir.path().join("f.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    let to_be = sample_path("move-address-to-be.journey.ron");
    let as_is = sample_path("move-address.journey.ron");
    let (code, out, err) = run(&[
        "export",
        &as_is,
        "--compare",
        &to_be,
        "-o",
        &p(dir.path(), "m.md"),
        "--date",
        DATE,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("m.md: ") && out.contains("m.svg: "), "{out}");
    let md = std::fs::read_to_string(dir.path().join("m.md")).unwrap();
    assert!(md.contains("![Journey map](m.svg)"));
    assert!(md.contains("![To-be map](m.to-be.svg)"));
    assert!(dir.path().join("m.to-be.svg").exists());
    assert!(md.contains(&format!("**Exported**: {DATE}")));

    let (code, _, err) = run(&["export", &as_is, "--format", "html", "-o", "-"]);
    assert_eq!(code, 0, "{err}");

    let (code, _, err) = run(&[
        "export",
        &src,
        "-o",
        &p(dir.path(), "x.svg"),
        "--theme",
        "neon",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown theme `neon`"), "{err}");
    let (code, _, err) = run(&[
        "export",
        &src,
        "-o",
        &p(dir.path(), "x.svg"),
        "--paper",
        "a3",
    ]);
    assert_eq!(code, 0);
    assert!(
        err.contains("--paper, --fit and --pages apply to pdf"),
        "{err}"
    );
    assert!(
        Cli::try_parse_from([
            "touchpoint",
            "export",
            "a",
            "-o",
            "b.pdf",
            "--paper",
            "letter"
        ])
        .is_err()
    );
    assert!(
        Cli::try_parse_from([
            "touchpoint",
            "export",
            "a",
            "-o",
            "b.pdf",
            "--fit",
            "--pages"
        ])
        .is_err()
    );
}

/// One definition of cross-department everywhere (issue 14, item 9): the analysis figure,
/// the handoff list, the gap list, the drawing, the title block of a map exported without
/// analysis and the text report all count the same handoffs, on every sample. A handoff
/// with the customer at one end is a customer interaction, never cross-department.
#[test]
fn every_sample_counts_cross_department_handoffs_one_way_everywhere() {
    use touchpoint::analysis::{GapKind, HandoffKind};
    for (name, _) in touchpoint::samples::SAMPLES {
        let j = sample(name);
        let a = analyze(&j, &AnalysisConfig::default());
        let h = &a.headline;
        let listed: Vec<_> = a.handoffs.iter().filter(|x| x.cross_department).collect();
        assert_eq!(listed.len(), h.cross_department_handoffs, "{name}");
        assert_eq!(
            h.internal_cross_department_handoffs, h.cross_department_handoffs,
            "{name}"
        );
        assert!(
            listed.iter().all(|x| x.kind == HandoffKind::Internal),
            "{name}: a customer interaction counted as cross-department"
        );
        assert!(h.cross_department_handoffs <= h.internal_handoffs, "{name}");
        // Every broken-handoff gap sits on a cross-department handoff.
        for g in a
            .gaps
            .iter()
            .filter(|g| g.kind == GapKind::CrossDepartmentHandoff)
        {
            for r in &g.handoffs {
                assert!(
                    listed.iter().any(|x| x.from == r.from && x.to == r.to),
                    "{name}: gap on a handoff that does not cross: {r:?}"
                );
            }
        }
        // The drawing: thick orange lines, plus the cross-department ones drawn as rework loops.
        let svg = text(export_one(&j, &options(ExportFormat::Svg)));
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let drawn = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("handoff cross-department"))
            .count();
        let looped = listed.iter().filter(|x| x.back_edge).count();
        assert_eq!(
            drawn + looped,
            h.cross_department_handoffs,
            "{name}: drawing"
        );
        // A map without analysis counts the same in its title block.
        let basic = touchpoint::scene::basic_headline(&j);
        let figure = basic
            .iter()
            .find(|(k, _)| k == "cross-department handoffs")
            .map(|(_, v)| v.clone());
        assert_eq!(
            figure,
            Some(h.cross_department_handoffs.to_string()),
            "{name}: title block"
        );
    }
}
