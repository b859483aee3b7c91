//! The evidence commands in Simplified Chinese (issue 20): `drivers`, `whatif`,
//! `feedback`, `mine` and `measure` write their text and Markdown reports in the
//! language of `--lang` (or LC_ALL / LANG) with no English word left but identifiers,
//! units and data; their JSON and exit codes are the same bytes in every language.

use std::path::Path;
use std::process::{Command, Output};
use touchpoint::generate::Rng;

/// Run the binary in `dir` with a clean locale environment plus `env`.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_touchpoint"));
    c.current_dir(dir).args(args);
    for k in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(k);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Latin words of three letters or more in `text`, except those `allowed` (the same
/// checker as tests/i18n_exports.rs).
fn latin_words(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 3)
        .filter(|w| !allowed.contains(w))
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Identifiers of the e-commerce sample (touchpoint ids), file extensions and units
/// that may stay Latin in a Chinese report.
const IDS: &[&str] = &[
    "ad",
    "click-through",
    "browse",
    "pre-sale",
    "purchase",
    "packing",
    "delivery",
    "after-sale",
    "review",
    "social-media",
    "csv",
    "ron",
    "journey",
    "NPS",
];

/// A folder with the e-commerce sample under a Chinese file name.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sample = format!(
        "{}/sample_journeys/ecommerce.journey.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::copy(sample, dir.path().join("电商.journey.ron")).unwrap();
    dir
}

/// Respondent answers for the e-commerce journey: overall driven by delivery and
/// after-sale service, a repurchase outcome driven by delivery, two regions, and
/// some blank answers (so the "filled with the mean" note shows).
fn answers(n: usize) -> String {
    let mut rng = Rng::new(7);
    let mut s = String::from("受访者,pre-sale,delivery,after-sale,review,总体满意度,复购,地区\n");
    for i in 0..n {
        let pre = rng.below(11) as f64;
        let delivery = rng.below(11) as f64;
        let after = rng.below(11) as f64;
        let review = rng.below(11) as f64;
        let overall =
            (0.5 * delivery + 0.3 * after + 0.1 * pre + 1.0 + rng.unit() - 0.5).clamp(0.0, 10.0);
        let p = 1.0 / (1.0 + (-(delivery - 5.0) * 0.7).exp());
        let again = if rng.unit() < p { "是" } else { "否" };
        let review = if i % 9 == 0 {
            String::new()
        } else {
            review.to_string()
        };
        let region = if i % 2 == 0 { "华北" } else { "华南" };
        s.push_str(&format!(
            "r{i},{pre},{delivery},{after},{review},{overall:.0},{again},{region}\n"
        ));
    }
    s
}

/// Survey answers with Chinese comments (300 rows), over three months, after-sale getting worse.
fn feedback_answers() -> String {
    let mut s = String::from("环节,评分,评论,日期\n");
    let comments = [
        ("delivery", "快递员态度很好，送货很快"),
        ("delivery", "包装破损，送货太慢"),
        ("after-sale", "退货流程太麻烦，客服推来推去"),
        ("after-sale", "问题一直没有解决，客服敷衍"),
        ("售前咨询", "晚上没人回复，咨询等了很久"),
    ];
    for i in 0..300usize {
        let (tp, c) = comments[i % comments.len()];
        let month = 1 + i % 3;
        let score = if tp == "after-sale" {
            9 - 3 * month as i32 + (i % 2) as i32
        } else {
            5 + (i % 5) as i32
        };
        s.push_str(&format!("{tp},{score},{c},2026-0{month}-1{}\n", i % 9));
    }
    s
}

/// The report of `args` in English and in Chinese (by `--lang` and by `LANG`), and
/// the JSON in both languages, checked: exit codes equal, JSON bytes equal, the
/// Chinese text and Markdown with no English word outside `allowed`.
fn check(dir: &Path, args: &[&str], allowed: &[&str], must: &[&str]) -> String {
    let mut allow: Vec<&str> = IDS.to_vec();
    allow.extend(allowed);
    let en = run(dir, args, &[]);
    assert!(
        en.status.success() || en.status.code() == Some(1),
        "{}",
        text(&en.stderr)
    );
    let mut zh_args = args.to_vec();
    zh_args.extend(["--lang", "zh-CN"]);
    let zh = run(dir, &zh_args, &[]);
    assert_eq!(en.status.code(), zh.status.code(), "{}", text(&zh.stderr));
    let by_env = run(dir, args, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(by_env.stdout, zh.stdout, "LANG=zh_CN gives the same report");
    let (en_text, zh_text) = (text(&en.stdout), text(&zh.stdout));
    assert_ne!(en_text, zh_text);
    assert_eq!(
        latin_words(&zh_text, &allow),
        Vec::<String>::new(),
        "English left in\n{zh_text}"
    );
    for s in must {
        assert!(zh_text.contains(s), "no {s:?} in\n{zh_text}");
    }
    let mut md_args = zh_args.clone();
    md_args.extend(["--format", "markdown"]);
    let md = run(dir, &md_args, &[]);
    assert_eq!(md.status.code(), zh.status.code());
    let md = text(&md.stdout);
    assert_eq!(
        latin_words(&md, &allow),
        Vec::<String>::new(),
        "English left in\n{md}"
    );
    // JSON: the same bytes and exit code whatever the language.
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let en_json = run(dir, &json_args, &[]);
    let mut zh_json_args = json_args.clone();
    zh_json_args.extend(["--lang", "zh-CN"]);
    let zh_json = run(dir, &zh_json_args, &[]);
    let env_json = run(dir, &json_args, &[("LC_ALL", "zh_CN.UTF-8")]);
    assert_eq!(en_json.status.code(), zh_json.status.code());
    assert_eq!(en_json.status.code(), env_json.status.code());
    assert!(!en_json.stdout.is_empty());
    assert_eq!(text(&en_json.stdout), text(&zh_json.stdout));
    assert_eq!(en_json.stdout, env_json.stdout);
    serde_json::from_slice::<serde_json::Value>(&en_json.stdout).expect("JSON");
    zh_text
}

#[test]
fn drivers_and_whatif_report_in_chinese() {
    let dir = folder();
    let d = dir.path();
    std::fs::write(d.join("答卷.csv"), answers(600)).unwrap();
    let zh = check(
        d,
        &[
            "drivers",
            "电商.journey.ron",
            "答卷.csv",
            "--overall",
            "总体满意度",
            "--outcome",
            "复购",
            "--segment",
            "地区",
            "--resamples",
            "40",
        ],
        &[],
        &[
            "的关键驱动因素",
            "重要性",
            "优势比",
            "细分群体 `华北`",
            "说明：",
        ],
    );
    assert!(zh.contains("总体评分 `总体满意度`"), "{zh}");
    // Numbers through the formatting module: 600 respondents with a separator.
    assert!(zh.contains("600 位受访者"), "{zh}");

    let zh = check(
        d,
        &[
            "whatif",
            "电商.journey.ron",
            "答卷.csv",
            "--overall",
            "总体满意度",
            "--outcome",
            "复购",
            "--resamples",
            "40",
            "--set",
            "delivery+2",
            "--cut-wait",
            "packing:delivery=50%",
            "--remove-handoff",
            "nowhere:delivery",
        ],
        &["nowhere"],
        &[
            "情景“命令行”",
            "把 packing -> delivery 的等待缩短 50%",
            "端到端时长（关键路径）",
            "跨部门交接",
            "已跳过",
        ],
    );
    // Durations read as Chinese durations.
    assert!(zh.contains(" 天") || zh.contains(" 小时"), "{zh}");
    // Score changes without answers: the note is Chinese too.
    let out = run(
        d,
        &[
            "whatif",
            "电商.journey.ron",
            "--set",
            "delivery+1",
            "--lang",
            "zh-CN",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("得分变化需要受访者答卷"));
    // A change that does not parse: a usage error (2) in both languages, explained
    // in the chosen one.
    let bad = ["whatif", "电商.journey.ron", "--set", "delivery*2"];
    let en = run(d, &bad, &[]);
    let zh = run(d, &bad, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(en.status.code(), Some(2));
    assert_eq!(zh.status.code(), Some(2));
    assert!(
        text(&en.stderr).contains("expected TOUCHPOINT+POINTS"),
        "{}",
        text(&en.stderr)
    );
    let zh = text(&zh.stderr);
    assert!(zh.contains("应为 TOUCHPOINT+POINTS"), "{zh}");
    assert_eq!(
        latin_words(
            &zh,
            &[
                "set",
                "delivery",
                "TOUCHPOINT",
                "TOUCHPOINT-POINTS",
                "POINTS",
                "MEAN"
            ]
        ),
        Vec::<String>::new(),
        "{zh}"
    );
}

#[test]
fn feedback_reports_in_chinese() {
    let dir = folder();
    let d = dir.path();
    std::fs::write(d.join("反馈.csv"), feedback_answers()).unwrap();
    let zh = check(
        d,
        &["feedback", "电商.journey.ron", "反馈.csv"],
        &[],
        &[
            "300 行",
            "个有效回答",
            "主题",
            "趋势：",
            "正在变差",
            "量表 0-10",
        ],
    );
    assert!(!zh.contains("getting worse"));
}

#[test]
fn mine_and_measure_report_in_chinese() {
    let dir = folder();
    let d = dir.path();
    let out = run(
        d,
        &[
            "generate-log",
            "电商.journey.ron",
            "-o",
            "日志.csv",
            "--cases",
            "300",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The log's department column holds what the generator wrote for the customer's
    // and the unowned touchpoints: data, not chrome.
    let data = ["Customer", "Unowned"];
    let zh = check(
        d,
        &["mine", "日志.csv"],
        &data,
        &[
            "个案例",
            "活动（按旅程顺序）",
            "案例在哪里结束",
            "2026年1月",
        ],
    );
    assert!(zh.contains(" 天") || zh.contains(" 小时"), "{zh}");
    let zh = check(
        d,
        &["measure", "电商.journey.ron", "日志.csv"],
        &data,
        &["的对照", "隐藏的交接", "偏差超过 20% 的触点"],
    );
    assert!(zh.contains("（无）"), "{zh}");
}
