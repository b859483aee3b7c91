//! `touchpoint feedback` against a generator with a known truth: planted English and
//! Chinese themes, known histograms, a declining period, unmatched and bad rows; the same
//! answers as `.xlsx` read the same as their CSV.

use std::collections::BTreeSet;
use std::io::Cursor;
use std::path::Path;
use std::process::{Command, Output};
use touchpoint::analysis::{AnalysisConfig, GapKind, analyze};
use touchpoint::evidence::feedback::{Feedback, Mode, Options, read_feedback};
use touchpoint::evidence::scale::Scale;
use touchpoint::evidence::table::TableReader;
use touchpoint::evidence::text::word_list;
use touchpoint::model::{Journey, Satisfaction, SourceKind, Touchpoint, TouchpointId};

/// SplitMix64: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

struct Planted {
    touchpoint: &'static str,
    /// English words, or Chinese phrases.
    vocab: &'static [&'static str],
    chinese: bool,
    count: usize,
}

impl Planted {
    /// The words the tokenizer makes of the vocabulary.
    fn truth(&self) -> BTreeSet<String> {
        self.vocab.iter().flat_map(|p| word_list(p)).collect()
    }
}

const PLANTED: [Planted; 6] = [
    Planted {
        touchpoint: "install",
        vocab: &["technician", "late", "appointment", "missed", "window"],
        chinese: false,
        count: 80,
    },
    Planted {
        touchpoint: "install",
        vocab: &["friendly", "installer", "quick", "polite", "tidy"],
        chinese: false,
        count: 55,
    },
    Planted {
        touchpoint: "billing",
        vocab: &["bill", "wrong", "charged", "twice", "amount"],
        chinese: false,
        count: 70,
    },
    Planted {
        touchpoint: "billing",
        vocab: &["estimated", "meter", "reading", "actual", "estimate"],
        chinese: false,
        count: 45,
    },
    Planted {
        touchpoint: "delivery",
        vocab: &["快递太慢", "送货延迟", "等了很久"],
        chinese: true,
        count: 90,
    },
    Planted {
        touchpoint: "delivery",
        vocab: &["包装破损", "商品损坏", "盒子压坏"],
        chinese: true,
        count: 60,
    },
];

/// Known histograms (0..=10) per touchpoint.
const HISTOGRAMS: [(&str, [u32; 11]); 4] = [
    ("install", [10, 6, 5, 9, 10, 20, 20, 30, 40, 30, 20]),
    ("billing", [25, 20, 10, 10, 15, 20, 15, 15, 20, 15, 15]),
    ("delivery", [5, 5, 10, 10, 20, 30, 30, 40, 30, 10, 10]),
    ("support", [4, 6, 8, 10, 12, 14, 16, 18, 16, 10, 6]),
];

const NOISE: &[&str] = &[
    "blue", "tuesday", "garden", "music", "river", "paper", "lamp", "coffee", "summer", "pencil",
    "orange", "mountain", "city", "cloud", "forest", "train",
];

const MONTHS: [&str; 3] = ["2026-01", "2026-02", "2026-03"];

fn journey() -> Journey {
    let mut j = Journey::new("Feedback test");
    for (id, name) in [
        ("install", "Installation visit"),
        ("billing", "First bill"),
        ("delivery", "送货"),
        ("support", "After-sale support"),
        ("quiet", "No answers here"),
    ] {
        j.add_touchpoint(Touchpoint::new(id, name)).unwrap();
    }
    j
}

struct Generated {
    /// (touchpoint cell, score cell, comment, date) per data row, in file order.
    rows: Vec<(String, String, String, String)>,
    /// 1-based lines (header = 1) of rows that match no touchpoint.
    unmatched: Vec<(usize, String)>,
    /// Lines with a bad score.
    bad_scores: Vec<usize>,
}

fn comment(rng: &mut Rng, p: &Planted) -> String {
    if p.chinese {
        let mut phrases: Vec<&str> = p.vocab.to_vec();
        rng.shuffle(&mut phrases);
        let n = 2 + rng.below(2);
        let mut c = phrases[..n].join("，");
        if rng.below(2) == 0 {
            c.push_str("，真的");
        }
        c.push('。');
        c
    } else {
        let mut words: Vec<&str> = p.vocab.to_vec();
        rng.shuffle(&mut words);
        let n = 2 + rng.below(2);
        let mut parts: Vec<&str> = vec!["the"];
        parts.extend(&words[..n]);
        if rng.below(3) == 0 {
            parts.push(NOISE[rng.below(NOISE.len())]);
        }
        parts.push("really");
        parts.join(" ")
    }
}

fn generate(seed: u64) -> Generated {
    let mut rng = Rng(seed);
    let mut rows: Vec<(String, String, String, String)> = Vec::new();
    for (tp, hist) in HISTOGRAMS {
        let mut scores: Vec<u32> = Vec::new();
        for (s, &n) in hist.iter().enumerate() {
            scores.extend(std::iter::repeat_n(s as u32, n as usize));
        }
        // Dates: the declining touchpoint has its best answers first; the others have the
        // same scores in every month (answers sorted by score dealt round-robin).
        let n = scores.len();
        let dates: Vec<&str> = if tp == "support" {
            let mut sorted = scores.clone();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            scores = sorted;
            (0..n)
                .map(|i| if i < n / 2 { MONTHS[0] } else { MONTHS[2] })
                .collect()
        } else {
            (0..n).map(|i| MONTHS[i % 3]).collect()
        };
        let mut comments: Vec<String> = Vec::new();
        for p in PLANTED.iter().filter(|p| p.touchpoint == tp) {
            for _ in 0..p.count {
                comments.push(comment(&mut rng, p));
            }
        }
        while comments.len() < n {
            comments.push(match rng.below(3) {
                0 => String::new(),
                _ => format!(
                    "{} {}",
                    NOISE[rng.below(NOISE.len())],
                    NOISE[rng.below(NOISE.len())]
                ),
            });
        }
        rng.shuffle(&mut comments);
        let cell = match rng.below(3) {
            0 => tp.to_owned(),
            1 => tp.to_uppercase(),
            _ => HISTOGRAMS_NAMES
                .iter()
                .find(|(id, _)| *id == tp)
                .map_or(tp.to_owned(), |(_, name)| name.to_lowercase()),
        };
        for i in 0..n {
            rows.push((
                cell.clone(),
                scores[i].to_string(),
                comments[i].clone(),
                dates[i].to_owned() + "-15",
            ));
        }
    }
    rng.shuffle(&mut rows);
    // Unmatched and bad rows at known places.
    let mut unmatched = Vec::new();
    let mut bad_scores = Vec::new();
    for k in 0..12 {
        let at = rng.below(rows.len());
        let value = match k % 3 {
            0 => "Nowhere".to_owned(),
            1 => String::new(),
            _ => format!("step-{k}"),
        };
        rows.insert(
            at,
            (value, "5".into(), "blue coffee".into(), "2026-02-01".into()),
        );
    }
    for k in 0..6 {
        let at = rng.below(rows.len());
        let score = if k % 2 == 0 { "11" } else { "great" };
        rows.insert(
            at,
            (
                "install".into(),
                score.into(),
                String::new(),
                "2026-02-01".into(),
            ),
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let line = i + 2;
        if r.0.is_empty() || r.0 == "Nowhere" || r.0.starts_with("step-") {
            unmatched.push((line, r.0.clone()));
        }
        if r.1 == "11" || r.1 == "great" {
            bad_scores.push(line);
        }
    }
    Generated {
        rows,
        unmatched,
        bad_scores,
    }
}

const HISTOGRAMS_NAMES: [(&str, &str); 4] = [
    ("install", "Installation visit"),
    ("billing", "First bill"),
    ("delivery", "送货"),
    ("support", "After-sale support"),
];

fn csv_text(g: &Generated) -> String {
    let mut s = String::from("Step,Rating,Verbatim,Submitted\n");
    for r in &g.rows {
        s.push_str(&format!("{},{},{},{}\n", r.0, r.1, r.2, r.3));
    }
    s
}

fn xlsx_bytes(g: &Generated) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["Step", "Rating", "Verbatim", "Submitted"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (i, r) in g.rows.iter().enumerate() {
        let row = (i + 1) as u32;
        if !r.0.is_empty() {
            sheet.write_string(row, 0, &r.0).unwrap();
        }
        match r.1.parse::<f64>() {
            Ok(v) => sheet.write_number(row, 1, v).unwrap(),
            Err(_) => sheet.write_string(row, 1, &r.1).unwrap(),
        };
        if !r.2.is_empty() {
            sheet.write_string(row, 2, &r.2).unwrap();
        }
        let ymd: Vec<u16> = r.3.split('-').map(|p| p.parse().unwrap()).collect();
        let d = ExcelDateTime::from_ymd(ymd[0], ymd[1] as u8, ymd[2] as u8).unwrap();
        sheet
            .write_datetime_with_format(row, 3, &d, &date_format)
            .unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn read_csv(j: &Journey, text: &str) -> Feedback {
    let reader = TableReader::csv("answers.csv", Cursor::new(text.as_bytes().to_vec())).unwrap();
    read_feedback(j, vec![reader], &Options::default())
}

#[test]
fn histograms_are_recovered_exactly() {
    let j = journey();
    let g = generate(7);
    let f = read_csv(&j, &csv_text(&g));
    assert_eq!(f.scales[0].scale, Scale::ZeroToTen);
    for (tp, hist) in HISTOGRAMS {
        let t = f
            .touchpoints
            .iter()
            .find(|t| t.id.as_str() == tp)
            .unwrap_or_else(|| panic!("{tp} measured"));
        assert!(t.exact);
        let expected: Vec<u64> = hist.iter().map(|&c| u64::from(c)).collect();
        assert_eq!(t.histogram.to_vec(), expected, "{tp}");
        let n: u64 = expected.iter().sum();
        assert_eq!(t.responses, n);
        let promoters = expected[9] + expected[10];
        let detractors: u64 = expected[..7].iter().sum();
        let nps = (promoters as f64 - detractors as f64) / n as f64 * 100.0;
        assert!((t.nps.unwrap() - nps).abs() < 1e-9);
    }
    assert!(f.touchpoints.iter().all(|t| t.id.as_str() != "quiet"));
}

#[test]
fn every_planted_theme_is_in_the_top_three_with_its_count() {
    let j = journey();
    let g = generate(11);
    let f = read_csv(&j, &csv_text(&g));
    for p in &PLANTED {
        let t = f
            .touchpoints
            .iter()
            .find(|t| t.id.as_str() == p.touchpoint)
            .unwrap();
        let truth = p.truth();
        let found = t.themes.iter().take(3).find(|th| {
            th.terms.iter().any(|w| truth.contains(w))
                && (th.count as f64 - p.count as f64).abs() <= 0.1 * p.count as f64
        });
        assert!(
            found.is_some(),
            "{}: planted {:?} x{} not among {:?}",
            p.touchpoint,
            truth,
            p.count,
            t.themes
                .iter()
                .map(|th| (th.terms.clone(), th.count))
                .collect::<Vec<_>>()
        );
        let th = found.unwrap();
        assert!(!th.quotes.is_empty() && th.quotes.len() <= 3);
        for q in &th.quotes {
            assert!(
                p.vocab
                    .iter()
                    .any(|v| q.contains(v) || word_list(v).iter().any(|w| q.contains(w.as_str()))),
                "quote {q:?} is from the theme"
            );
        }
    }
    // Same input, same themes.
    let again = read_csv(&j, &csv_text(&g));
    for (a, b) in f.touchpoints.iter().zip(&again.touchpoints) {
        assert_eq!(a.themes, b.themes);
    }
}

#[test]
fn the_declining_touchpoint_becomes_a_getting_worse_gap() {
    let mut j = journey();
    let g = generate(3);
    let f = read_csv(&j, &csv_text(&g));
    f.apply(&mut j, Mode::Replace);
    let a = analyze(&j, &AnalysisConfig::default());
    let worse: Vec<&str> = a
        .gaps
        .iter()
        .filter(|g| g.kind == GapKind::GettingWorse)
        .flat_map(|g| g.touchpoints.iter().map(|t| t.as_str()))
        .collect();
    assert_eq!(worse, vec!["support"]);
    let support = j.touchpoint(&TouchpointId::new("support")).unwrap();
    assert_eq!(support.trend.len(), 2);
    assert_eq!(support.trend[0].period, "2026-01");
    assert_eq!(support.satisfaction_source.kind, SourceKind::Survey);
    assert_eq!(support.satisfaction_source.count, Some(120));
    let period = support.satisfaction_source.period.clone().unwrap();
    assert_eq!(
        (period.from.as_str(), period.to.as_str()),
        ("2026-01-15", "2026-03-15")
    );
    // The stored trend and themes survive a save and a load.
    let text = touchpoint::io::to_ron_string(&j);
    let back = touchpoint::io::load_str("x.journey.ron", &text).unwrap();
    assert_eq!(touchpoint::io::to_ron_string(&back), text);
    assert_eq!(
        back.touchpoint(&TouchpointId::new("support")),
        Some(support)
    );
}

#[test]
fn every_unmatched_row_and_bad_score_is_reported_by_line() {
    let j = journey();
    let g = generate(5);
    let f = read_csv(&j, &csv_text(&g));
    let got: Vec<(usize, String)> = f
        .unmatched
        .iter()
        .map(|u| (u.line, u.touchpoint.clone()))
        .collect();
    assert_eq!(got, g.unmatched);
    assert_eq!(f.rows as usize, g.rows.len());
    assert_eq!(f.matched as usize, g.rows.len() - g.unmatched.len());
    let bad: Vec<usize> = f
        .problems
        .iter()
        .filter(|p| p.message.contains("score"))
        .filter_map(|p| p.line)
        .collect();
    let mut bad_sorted = bad.clone();
    bad_sorted.sort_unstable();
    assert_eq!(bad_sorted, g.bad_scores);
}

#[test]
fn xlsx_reads_the_same_as_its_csv() {
    let j = journey();
    let g = generate(9);
    let from_csv = read_csv(&j, &csv_text(&g));
    let reader = TableReader::from_bytes("answers.xlsx", xlsx_bytes(&g), None).unwrap();
    let from_xlsx = read_feedback(&j, vec![reader], &Options::default());
    assert_eq!(from_xlsx.rows, from_csv.rows);
    assert_eq!(from_xlsx.matched, from_csv.matched);
    let lines = |f: &Feedback| -> Vec<(usize, String)> {
        f.unmatched
            .iter()
            .map(|u| (u.line, u.touchpoint.clone()))
            .collect()
    };
    assert_eq!(lines(&from_xlsx), lines(&from_csv));
    assert_eq!(from_xlsx.touchpoints.len(), from_csv.touchpoints.len());
    for (a, b) in from_xlsx.touchpoints.iter().zip(&from_csv.touchpoints) {
        assert_eq!(a.histogram, b.histogram);
        assert_eq!(a.themes, b.themes);
        assert_eq!(a.trend, b.trend);
        assert_eq!(a.period, b.period);
    }
}

#[test]
fn a_one_to_five_file_keeps_the_mean_of_its_answers() {
    let mut j = journey();
    j.update_touchpoint({
        let mut t = j.touchpoint(&TouchpointId::new("install")).unwrap().clone();
        t.satisfaction = Some(Satisfaction::Histogram([0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0]));
        t
    })
    .unwrap();
    let text = "touchpoint,csat\ninstall,1\ninstall,2\ninstall,2\ninstall,5\ninstall,0\n";
    let detected = read_csv(&j, text.trim_end_matches("install,0\n"));
    assert_eq!(detected.scales[0].scale, Scale::OneToFive);
    assert!(detected.scales[0].detected);
    let reader = TableReader::csv("answers.csv", Cursor::new(text.as_bytes().to_vec())).unwrap();
    let options = Options {
        scale: Some(Scale::OneToFive),
        ..Options::default()
    };
    let f = read_feedback(&j, vec![reader], &options);
    assert_eq!(f.scales[0].scale, Scale::OneToFive);
    let t = &f.touchpoints[0];
    assert_eq!(t.responses, 4);
    assert!((t.mean - (0.0 + 2.5 + 2.5 + 10.0) / 4.0).abs() < 1e-9);
    assert!(!t.exact && t.nps.is_none());
    assert!(
        f.problems.iter().any(|p| p.line == Some(6)),
        "{:?}",
        f.problems
    );
    let mut replaced = j.clone();
    f.apply(&mut replaced, Mode::Replace);
    assert_eq!(
        replaced
            .touchpoint(&TouchpointId::new("install"))
            .unwrap()
            .satisfaction,
        Some(Satisfaction::Summary {
            mean: 3.75,
            responses: 4
        })
    );
    f.apply(&mut j, Mode::Merge);
    let merged = j
        .touchpoint(&TouchpointId::new("install"))
        .unwrap()
        .satisfaction
        .clone()
        .unwrap();
    assert_eq!(merged.responses(), 14);
    assert!((merged.mean().unwrap() - (80.0 + 15.0) / 14.0).abs() < 1e-9);
}

fn touchpoint_cli(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

#[test]
fn cli_json_report_and_written_journey() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("j.journey.ron"),
        touchpoint::io::to_ron_string(&journey()),
    )
    .unwrap();
    let g = generate(21);
    let mut text = csv_text(&g);
    // A hostile comment, kept as data.
    for _ in 0..40 {
        text.push_str("support,3,<script>alert(1)</script> | *bold* [x](y),2026-03-15\n");
    }
    std::fs::write(dir.path().join("answers.csv"), &text).unwrap();
    let out = touchpoint_cli(
        &[
            "feedback",
            "j.journey.ron",
            "answers.csv",
            "--format",
            "json",
            "-o",
            "out.journey.ron",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rows"], g.rows.len() + 40);
    assert_eq!(v["unmatched"].as_array().unwrap().len(), g.unmatched.len());
    assert_eq!(v["unmatched"][0]["line"], g.unmatched[0].0);
    let tps = v["touchpoints"].as_array().unwrap();
    let install = tps.iter().find(|t| t["id"] == "install").unwrap();
    assert_eq!(install["name"], "Installation visit");
    assert_eq!(install["histogram"].as_array().unwrap().len(), 11);
    assert!(install["mean"].as_f64().is_some() && install["nps"].as_f64().is_some());
    let theme = &install["themes"][0];
    assert!(theme["terms"].as_array().is_some() && theme["count"].as_u64().is_some());
    assert!(theme["detractors"].as_u64().is_some() && theme["quotes"].as_array().is_some());
    let trend = &install["trend"][0];
    assert!(
        trend["period"].is_string() && trend["mean"].is_number() && trend["responses"].is_number()
    );
    // The written journey has the survey scores, and the analysis sees the decline.
    let analysed = touchpoint_cli(&["analyze", "out.journey.ron"], dir.path());
    let report = String::from_utf8_lossy(&analysed.stdout);
    assert!(report.contains("getting worse"), "{report}");
    // The HTML and Markdown reports show themes and quotes, the hostile comment escaped.
    for (name, raw) in [("r.html", "<script>"), ("r.md", "<script>")] {
        let e = touchpoint_cli(&["export", "out.journey.ron", "-o", name], dir.path());
        assert_eq!(
            e.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&e.stderr)
        );
        let body = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(body.contains("Voice of the customer"), "{name}");
        assert!(
            body.contains("technician") || body.contains("appointment"),
            "{name}"
        );
        assert!(body.contains("getting worse"), "{name}");
        assert!(!body.contains(raw), "{name} escapes quotes");
    }
    // Markdown escapes the hostile comment wherever it is quoted.
    let md = touchpoint_cli(
        &[
            "feedback",
            "j.journey.ron",
            "answers.csv",
            "--format",
            "markdown",
        ],
        dir.path(),
    );
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(!md.contains("<script>"), "{md}");
    // --strict refuses (unmatched rows), writes nothing.
    let strict = touchpoint_cli(
        &[
            "feedback",
            "j.journey.ron",
            "answers.csv",
            "--strict",
            "-o",
            "strict.journey.ron",
        ],
        dir.path(),
    );
    assert_eq!(strict.status.code(), Some(1));
    assert!(!dir.path().join("strict.journey.ron").exists());
    // Nothing usable: exit 1.
    std::fs::write(dir.path().join("none.csv"), "touchpoint,score\nnowhere,5\n").unwrap();
    let none = touchpoint_cli(&["feedback", "j.journey.ron", "none.csv"], dir.path());
    assert_eq!(none.status.code(), Some(1));
}
