//! Reports a manager prints or forwards: the PDF report (`export --report`) read back
//! with poppler (`pdftotext`, `pdffonts`), and the HTML report printed by headless
//! Chromium. poppler-utils and chromium are installed by `.ci/run`; outside CI a
//! missing tool skips the test with a message, in CI it fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::model::Journey;

const SAMPLES: [&str; 5] = [
    "move-address",
    "move-address-to-be",
    "fixed-line-installation",
    "fibre-installation",
    "ecommerce",
];

fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_journeys")
        .join(format!("{name}.journey.ron"))
}

fn sample(name: &str) -> Journey {
    touchpoint::io::load_file(&sample_path(name)).expect("sample loads")
}

/// Whether `tool` runs; in CI a missing tool is a failure.
fn have(tool: &str) -> bool {
    let ok = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is missing in CI (.ci/run installs it)"
        );
        eprintln!("skipped: {tool} is not installed (apt-get install poppler-utils chromium)");
    }
    ok
}

fn touchpoint(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "touchpoint {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn pdftotext(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(out.stdout).expect("pdftotext prints UTF-8")
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}

/// Whitespace folded, so wrapped lines compare with the original text.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `n` words of a text (at most 12 characters: Chinese has no spaces), without
/// white space, to find in a text squeezed the same way (cells wrap anywhere).
fn words(text: &str, n: usize) -> String {
    squeeze(&text.split_whitespace().take(n).collect::<String>())
        .chars()
        .take(12)
        .collect()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pdf_report_of_every_sample_reads_back_with_figures_gaps_and_stages_in_embedded_fonts() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for name in SAMPLES {
        let journey = sample(name);
        let analysis = analyze(&journey, &AnalysisConfig::default());
        let pdf = dir.path().join(format!("{name}.pdf"));
        let path = sample_path(name);
        touchpoint(&[
            "export",
            path.to_str().expect("utf-8 path"),
            "-o",
            pdf.to_str().expect("utf-8 path"),
            "--report",
        ]);
        let text = pdftotext(&pdf, None);
        let folded = fold(&text);
        let squeezed = squeeze(&text);
        // Title page: the headline figures.
        assert!(folded.contains("Headline figures"), "{name}");
        assert!(
            folded.contains(&format!("Touchpoints {}", journey.touchpoint_count())),
            "{name}: touchpoint count missing"
        );
        // The ranked gaps with their explanations (wrapped in cells: compare the start).
        assert!(folded.contains("Gaps, worst first"), "{name}");
        for g in analysis.gaps.iter().take(3) {
            let start = words(&g.explanation, 3);
            assert!(
                squeezed.contains(&start),
                "{name}: gap explanation `{start}` missing"
            );
        }
        // The map: every stage header.
        for s in journey.stages() {
            assert!(
                folded.contains(&fold(&s.name)),
                "{name}: stage `{}` missing",
                s.name
            );
        }
        assert!(folded.contains("Departments"), "{name}");
        // The war room's notes and actions.
        for n in journey.notes().take(3) {
            let start = words(&n.text, 3);
            assert!(squeezed.contains(&start), "{name}: note `{start}` missing");
        }
        for x in journey.actions().take(3) {
            let start = words(&x.what, 3);
            assert!(
                squeezed.contains(&start),
                "{name}: action `{start}` missing"
            );
        }
        assert!(
            folded.contains(&format!("Page 1 of {}", pages(&pdf))),
            "{name}: page numbers"
        );
        // Every font embedded.
        let fonts = Command::new("pdffonts")
            .arg(&pdf)
            .output()
            .expect("pdffonts");
        let listing = String::from_utf8_lossy(&fonts.stdout).into_owned();
        let rows: Vec<&str> = listing.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{name}: no fonts");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type [type...] encoding emb sub uni object ID
            let emb = cols.len().checked_sub(5).and_then(|i| cols.get(i));
            assert_eq!(emb, Some(&"yes"), "{name}: font not embedded: {row}");
        }
        // Each listed gap links to the map page.
        let bytes = std::fs::read(&pdf).expect("pdf");
        let links = bytes.windows(13).filter(|w| w == b"/Subtype /Lin").count();
        assert_eq!(
            links,
            analysis
                .gaps
                .len()
                .min(touchpoint::report::document::MAX_GAPS),
            "{name}: one link per listed gap"
        );
    }
}

#[test]
fn pdf_report_of_the_chinese_sample_extracts_as_chinese() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("ecommerce.pdf");
    let path = sample_path("ecommerce");
    touchpoint(&[
        "export",
        path.to_str().expect("utf-8 path"),
        "-o",
        pdf.to_str().expect("utf-8 path"),
        "--report",
    ]);
    let text = pdftotext(&pdf, None);
    let journey = sample("ecommerce");
    assert!(
        text.contains(journey.meta().title.trim()),
        "the Chinese title extracts as Chinese"
    );
    let han = text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    assert!(han > 200, "only {han} Chinese characters extracted");
}

#[test]
fn pdf_report_is_the_same_bytes_for_the_same_journey_and_compares_with_the_to_be() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_path("move-address");
    let to_be = sample_path("move-address-to-be");
    let mut outputs = Vec::new();
    for i in 0..2 {
        let pdf = dir.path().join(format!("r{i}.pdf"));
        touchpoint(&[
            "export",
            path.to_str().expect("utf-8 path"),
            "-o",
            pdf.to_str().expect("utf-8 path"),
            "--report",
            "--compare",
            to_be.to_str().expect("utf-8 path"),
            "--paper",
            "a3",
        ]);
        outputs.push(std::fs::read(&pdf).expect("pdf"));
    }
    assert_eq!(outputs[0], outputs[1], "same input, same bytes");
    // The map PDF is deterministic too (svg2pdf's font order is canonicalised).
    let mut maps = Vec::new();
    for i in 0..3 {
        let pdf = dir.path().join(format!("m{i}.pdf"));
        touchpoint(&[
            "export",
            path.to_str().expect("utf-8 path"),
            "-o",
            pdf.to_str().expect("utf-8 path"),
            "--date",
            "2026-12-02",
        ]);
        maps.push(std::fs::read(&pdf).expect("pdf"));
    }
    assert!(maps.windows(2).all(|w| w[0] == w[1]), "map PDF bytes vary");
    if have("pdftotext") {
        let text = fold(&pdftotext(&dir.path().join("r0.pdf"), None));
        assert!(text.contains("As-is vs to-be"));
        assert!(text.contains("To-be map"));
    }
}

#[test]
fn html_report_prints_every_map_whole_on_its_own_page() {
    if !have("pdftotext") || !have("chromium") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, compare) in [
        ("move-address", Some("move-address-to-be")),
        ("ecommerce", None),
    ] {
        let html = dir.path().join(format!("{name}.html"));
        let path = sample_path(name);
        let mut args = vec![
            "export".to_owned(),
            path.to_string_lossy().into_owned(),
            "-o".to_owned(),
            html.to_string_lossy().into_owned(),
            "--date".to_owned(),
            "2026-12-02".to_owned(),
        ];
        if let Some(c) = compare {
            args.push("--compare".into());
            args.push(sample_path(c).to_string_lossy().into_owned());
        }
        touchpoint(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let pdf = dir.path().join(format!("{name}.print.pdf"));
        let profile = tempfile::tempdir().expect("profile dir");
        let status = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display()))
            .output()
            .expect("chromium runs");
        assert!(
            status.status.success() && pdf.exists(),
            "{name}: print failed"
        );
        let n = pages(&pdf);
        assert!(n >= 3, "{name}: {n} pages");
        let journey = sample(name);
        let title = journey.meta().title.trim().to_owned();
        let mut maps = vec![journey];
        if let Some(c) = compare {
            maps.push(sample(c));
        }
        let texts: Vec<String> = (1..=n).map(|k| pdftotext(&pdf, Some(k))).collect();
        for (k, t) in texts.iter().enumerate() {
            // No blank page: something besides the running header and the page number.
            let body: Vec<&str> = t
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("Page ") && !l.contains(&title))
                .collect();
            assert!(body.len() > 2, "{name}: page {} is empty: {t}", k + 1);
            // The journey title and the page number on every page.
            assert!(
                fold(t).contains(&format!("Page {} of {n}", k + 1)),
                "{name}: page {} has no page number",
                k + 1
            );
            assert!(t.contains(&title), "{name}: page {} has no title", k + 1);
        }
        for map in &maps {
            let stages = map.stages();
            let (first, last) = (
                fold(&stages.first().expect("stages").name),
                fold(&stages.last().expect("stages").name),
            );
            let whole = texts.iter().any(|t| {
                let f = fold(t);
                f.contains(&first) && f.contains(&last) && f.contains(map.meta().title.trim())
            });
            assert!(
                whole,
                "{name}: no page shows `{first}` and `{last}` of `{}` together",
                map.meta().title
            );
        }
    }
}
