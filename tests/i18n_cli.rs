//! The command line in Simplified Chinese (issue 20): `--lang`, then LC_ALL /
//! LC_MESSAGES / LANG, else English. Human output changes; JSON, CSV headers and exit
//! codes do not.

use std::path::Path;
use std::process::{Command, Output};

/// Run the binary with a clean locale environment plus `env`.
fn touchpoint_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_touchpoint"));
    c.args(args);
    for k in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(k);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("the binary runs")
}

fn touchpoint(args: &[&str]) -> Output {
    touchpoint_env(args, &[])
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn sample(name: &str) -> String {
    format!("{}/sample_journeys/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn analyze_text_is_chinese_with_lang_and_json_is_unchanged() {
    let file = sample("move-address.journey.ron");
    let en = touchpoint(&["analyze", &file]);
    let zh = touchpoint(&["analyze", &file, "--lang", "zh-CN"]);
    assert_eq!(en.status.code(), Some(0));
    assert_eq!(zh.status.code(), Some(0), "{}", text(&zh.stderr));
    let (en, zh) = (text(&en.stdout), text(&zh.stdout));
    for s in [
        "Top gaps",
        "Handoff matrix",
        "Cross-department",
        "Watermelons",
    ] {
        assert!(en.contains(s), "{en}");
        assert!(!zh.contains(s), "English {s:?} in\n{zh}");
    }
    for s in [
        "主要断点",
        "交接矩阵",
        "跨部门交接",
        "西瓜触点",
        "平均满意度",
        "沿典型路径",
    ] {
        assert!(zh.contains(s), "no {s} in\n{zh}");
    }
    // Durations read naturally: "… 天" / "… 小时" in Chinese, "days" in English.
    assert!(zh.contains(" 天") && zh.contains(" 小时"), "{zh}");
    assert!(en.contains(" days"), "{en}");
    // The journey's own words are untouched.
    assert!(zh.starts_with("Move address"), "{zh}");

    // JSON is byte for byte the same, however the language is chosen.
    let json = |args: &[&str], env: &[(&str, &str)]| {
        let o = touchpoint_env(args, env);
        assert_eq!(o.status.code(), Some(0));
        o.stdout
    };
    let base = json(&["analyze", &file, "--format", "json"], &[]);
    assert!(base.starts_with(b"{"));
    assert_eq!(
        base,
        json(
            &["analyze", &file, "--format", "json", "--lang", "zh-CN"],
            &[]
        )
    );
    assert_eq!(
        base,
        json(
            &["analyze", &file, "--format", "json"],
            &[("LANG", "zh_CN.UTF-8")]
        )
    );
}

#[test]
fn analyze_markdown_in_chinese() {
    let file = sample("ecommerce.journey.ron");
    let o = touchpoint(&["analyze", &file, "--format", "markdown", "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(0));
    let md = text(&o.stdout);
    assert!(md.starts_with("# 断点分析："), "{md}");
    assert!(md.contains("| 指标 | 数值 |"), "{md}");
    assert!(md.contains("\n## 完整性\n"), "{md}");
    assert!(!md.contains("Gap analysis"), "{md}");
}

#[test]
fn exit_codes_do_not_change_with_the_language() {
    let file = sample("move-address.journey.ron");
    for extra in [&[][..], &["--lang", "zh-CN"][..]] {
        let args = |a: &[&'static str]| -> Vec<String> {
            a.iter().chain(extra).map(|s| s.to_string()).collect()
        };
        let run = |a: Vec<String>| {
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            touchpoint(&a)
        };
        let fail = run(args(&["analyze", "--fail-on", "high"])
            .into_iter()
            .chain([file.clone()])
            .collect());
        assert_eq!(fail.status.code(), Some(1), "{extra:?}");
        let missing = run(args(&["validate", "/nonexistent/x.journey.ron"]));
        assert_eq!(missing.status.code(), Some(1), "{extra:?}");
        let bad_drop = run(args(&["analyze", "--drop", "11"])
            .into_iter()
            .chain([file.clone()])
            .collect());
        assert_eq!(bad_drop.status.code(), Some(2), "{extra:?}");
    }
    let fail = touchpoint(&["analyze", &file, "--fail-on", "high", "--lang", "zh-CN"]);
    let err = text(&fail.stderr);
    assert!(err.contains("个断点达到或超过「高」"), "{err}");
}

#[test]
fn diff_in_chinese() {
    let a = sample("move-address.journey.ron");
    let b = sample("move-address-to-be.journey.ron");
    let en = text(&touchpoint(&["diff", &a, &b]).stdout);
    let o = touchpoint(&["diff", &a, &b, "--lang", "zh-CN"]);
    assert_eq!(o.status.code(), Some(0));
    let zh = text(&o.stdout);
    assert!(
        en.contains("as-is") && en.contains("Elapsed time (longest path)"),
        "{en}"
    );
    for s in [
        "现状",
        "目标",
        "倍数",
        "端到端耗时（最长路径）",
        "删除的触点",
        "未变的触点",
    ] {
        assert!(zh.contains(s), "no {s} in\n{zh}");
    }
    assert!(!zh.contains("Touchpoints removed"), "{zh}");
    // Ratios and durations in Chinese: "6.3 倍", "… 天".
    assert!(zh.contains(" 倍") && zh.contains(" 天"), "{zh}");
    // The columns line up in terminal columns (wide characters count two).
    let md = text(&touchpoint(&["diff", &a, &b, "--format", "markdown", "--lang", "zh-CN"]).stdout);
    assert!(
        md.contains("| 指标 | 现状 | 目标 | 倍数（现状 / 目标） |"),
        "{md}"
    );
    let json_en = touchpoint(&["diff", &a, &b, "--format", "json"]).stdout;
    let json_zh = touchpoint(&["diff", &a, &b, "--format", "json", "--lang", "zh-CN"]).stdout;
    assert_eq!(json_en, json_zh);
}

#[test]
fn validate_follows_lang_then_the_environment() {
    let file = sample("move-address.journey.ron");
    let en = text(&touchpoint(&["validate", &file]).stdout);
    assert_eq!(
        en,
        "move-address.journey.ron: 19 touchpoints, 24 handoffs, 4 stages, 9 departments\n"
    );
    let zh = "move-address.journey.ron：19 个触点，24 次交接，4 个阶段，9 个部门\n";
    let out = |args: &[&str], env: &[(&str, &str)]| text(&touchpoint_env(args, env).stdout);
    assert_eq!(out(&["validate", &file, "--lang", "zh-CN"], &[]), zh);
    assert_eq!(out(&["validate", "--lang", "zh_CN.UTF-8", &file], &[]), zh);
    assert_eq!(out(&["validate", &file], &[("LANG", "zh_CN.UTF-8")]), zh);
    // LC_ALL wins over LANG; --lang wins over both; C means English.
    assert_eq!(
        out(
            &["validate", &file],
            &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")]
        ),
        zh
    );
    assert_eq!(
        out(
            &["validate", &file, "--lang", "en"],
            &[("LC_ALL", "zh_CN.UTF-8")]
        ),
        en
    );
    assert_eq!(out(&["validate", &file], &[("LANG", "C")]), en);
    assert_eq!(out(&["validate", &file], &[("LANG", "fr_FR.UTF-8")]), en);
}

#[test]
fn unknown_lang_is_a_usage_error() {
    let file = sample("move-address.journey.ron");
    let o = touchpoint(&["validate", &file, "--lang", "tlh"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("tlh") && err.contains("zh-CN"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn exports_in_chinese_from_the_command_line_and_csv_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    let src = sample("ecommerce.journey.ron");
    let o = touchpoint(&[
        "export",
        &src,
        "-o",
        &p("shop.svg"),
        "--date",
        "2026-12-02",
        "--lang",
        "zh-CN",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // What was written, in Chinese too: "…shop.svg：10 个触点，… 字节）".
    let said = text(&o.stdout);
    assert!(
        said.contains("shop.svg：10 个触点，") && said.ends_with(" 字节）\n"),
        "{said}"
    );
    let svg = std::fs::read_to_string(p("shop.svg")).unwrap();
    assert!(
        svg.contains(">图例<") && svg.contains(">2026年12月2日<"),
        "{svg}"
    );

    // CSV: the same bytes in both languages, and they import back.
    let o = touchpoint(&["export", &src, "-o", &p("en.csv")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("en.touchpoints.csv: 10 touchpoints ("));
    let o = touchpoint(&[
        "export",
        &src,
        "-o",
        &p("zh.csv"),
        "--lang",
        "zh-CN",
        "--scale",
        "2",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let said = (text(&o.stdout), text(&o.stderr));
    assert!(
        said.0.contains("zh.touchpoints.csv：10 个触点（"),
        "{said:?}"
    );
    assert!(
        said.1.contains("注意：--scale 只用于 png 和 svg"),
        "{said:?}"
    );
    for table in ["touchpoints", "handoffs", "matrix"] {
        let en = std::fs::read(p(&format!("en.{table}.csv"))).unwrap();
        let zh = std::fs::read(p(&format!("zh.{table}.csv"))).unwrap();
        assert_eq!(en, zh, "{table}");
    }
    let o = touchpoint(&[
        "import",
        &p("zh.touchpoints.csv"),
        &p("zh.handoffs.csv"),
        "-o",
        &p("back.journey.ron"),
        "--lang",
        "zh-CN",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let back = touchpoint::io::load_file(Path::new(&p("back.journey.ron"))).unwrap();
    let original = touchpoint::io::load_file(Path::new(&src)).unwrap();
    assert_eq!(back.handoffs(), original.handoffs());
}

#[test]
fn portfolio_in_chinese_and_its_json_unchanged() {
    let dir = format!("{}/sample_journeys", env!("CARGO_MANIFEST_DIR"));
    let en = text(&touchpoint(&["portfolio", &dir]).stdout);
    let o = touchpoint(&["portfolio", &dir, "--lang", "zh-CN"]);
    assert_eq!(o.status.code(), Some(0));
    let zh = text(&o.stdout);
    assert!(
        en.contains("journey file(s)") && en.contains("[as-is]"),
        "{en}"
    );
    assert!(
        zh.contains("个旅程文件") && zh.contains("[现状]") && zh.contains("负责人："),
        "{zh}"
    );
    assert!(
        zh.contains("个触点，") && !zh.contains("touchpoints,"),
        "{zh}"
    );
    let md =
        text(&touchpoint(&["portfolio", &dir, "--format", "markdown", "--lang", "zh-CN"]).stdout);
    assert!(md.starts_with("# 旅程组合\n\n| 旅程 | 负责人 |"), "{md}");
    let json =
        |lang: &str| touchpoint(&["portfolio", &dir, "--format", "json", "--lang", lang]).stdout;
    assert_eq!(json("en"), json("zh-CN"));
}

#[test]
fn analyze_of_the_chinese_sample_in_chinese_has_no_english_left() {
    let file = sample("ecommerce.journey.ron");
    for format in ["text", "markdown"] {
        let o = touchpoint(&["analyze", &file, "--format", format, "--lang", "zh-CN"]);
        let s = text(&o.stdout);
        let english: Vec<&str> = s
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3)
            .collect();
        assert!(english.is_empty(), "{format}: {english:?} in\n{s}");
        let en = text(&touchpoint(&["analyze", &file, "--format", format]).stdout);
        assert!(en.contains("Touchpoint"), "{en}");
    }
}

/// A broken and a truncated file: `validate --lang zh-CN` explains them in Chinese,
/// keeping `FILE:LINE:COLUMN`; exit code 1 in every language.
#[test]
fn validate_explains_a_broken_and_a_truncated_file_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("bad.journey.ron");
    std::fs::write(
        &broken,
        "(\n    format: 1,\n    title: \"x\"\n    stages: [],\n)\n",
    )
    .unwrap();
    let full = std::fs::read_to_string(sample("move-address.journey.ron")).unwrap();
    let cut = dir.path().join("cut.journey.ron");
    let half = &full[..full.len() / 2];
    std::fs::write(&cut, half).unwrap();
    let lines = half.lines().count();
    let b = broken.display().to_string();
    let c = cut.display().to_string();

    let out = touchpoint(&["validate", "--lang", "zh-CN", &b]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), format!("{b}:4:5: 此处缺少逗号\n"));
    let out = touchpoint(&["validate", "--lang", "zh-CN", &c]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("{c}:{lines}:"))
            && err.ends_with(&format!(
                "文件在第 {lines} 行提前结束（可能不完整，被截断了）\n"
            )),
        "{err}"
    );
    // English without --lang.
    let out = touchpoint(&["validate", &b]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), format!("{b}:4:5: Expected comma\n"));
}

/// `touchpoint import --lang zh-CN`: the warnings and the "assumed" lines are Chinese
/// and keep their `FILE:LINE:` prefix; the journey written is the same.
#[test]
fn import_warnings_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(
        &csv,
        "Phase;Step;Team;channel\nNotify;Call;Contact;pigeon\nNotify;Write;Contact;letter\n",
    )
    .unwrap();
    let c = csv.display().to_string();
    let out_zh = dir.path().join("zh.journey.ron");
    let out_en = dir.path().join("en.journey.ron");
    let zh = touchpoint(&[
        "import",
        &c,
        "-o",
        &out_zh.display().to_string(),
        "--lang",
        "zh-CN",
    ]);
    assert_eq!(zh.status.code(), Some(0));
    let err = text(&zh.stderr);
    assert!(
        err.contains(&format!("{c}:2: 渠道 \"pigeon\" 无法识别")),
        "{err}"
    );
    assert!(err.contains(&format!("{c}: 假定：第 2 列")), "{err}");
    let en = touchpoint(&["import", &c, "-o", &out_en.display().to_string()]);
    assert!(text(&en.stderr).contains(&format!("{c}:2: channel \"pigeon\" is not known")));
    assert_eq!(
        std::fs::read(&out_zh).unwrap(),
        std::fs::read(&out_en).unwrap(),
        "the journey does not depend on the language"
    );
    assert!(text(&zh.stdout).contains("个触点"), "{}", text(&zh.stdout));
}

/// `touchpoint fmt --lang zh-CN`: the comments notice and the "not canonical" line in
/// Chinese, the file name and line kept.
#[test]
fn fmt_notices_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("c.journey.ron");
    std::fs::write(&f, "// why\n(title: \"x\") /* and */\n").unwrap();
    let g = dir.path().join("g.journey.ron");
    std::fs::write(&g, "(title: \"x\")").unwrap();
    let fs = f.display().to_string();
    let out = touchpoint(&["fmt", &fs, "--lang", "zh-CN"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{fs}:1:1: 有 2 条注释在规范格式中会被丢掉；未重写（如仍要重写，请加 --drop-comments）\n"
        )
    );
    let gs = g.display().to_string();
    let out = touchpoint(&["fmt", "--check", &gs, "--lang", "zh-CN"]);
    assert!(
        text(&out.stdout).contains("不是规范格式"),
        "{}",
        text(&out.stdout)
    );
    let out = touchpoint(&["fmt", "--check", &fs]);
    assert!(
        text(&out.stderr).contains("2 comments that the canonical form would drop; not checked")
    );
}

/// `recover`, `new` and `generate` speak the chosen language too.
#[test]
fn recover_new_and_generate_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_s = data.display().to_string();
    let env = [("TOUCHPOINT_DATA_DIR", data_s.as_str())];
    let out = touchpoint_env(&["recover", "--lang", "zh-CN"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("中没有可恢复的客户旅程"),
        "{}",
        text(&out.stdout)
    );
    let out = touchpoint_env(&["recover"], &env);
    assert!(text(&out.stdout).starts_with("No recovered journeys in "));

    let f = dir.path().join("x.journey.ron");
    std::fs::write(&f, "(title: \"x\")\n").unwrap();
    let fs = f.display().to_string();
    let out = touchpoint(&["new", &fs, "--lang", "zh-CN"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("文件已存在，未覆盖"),
        "{}",
        text(&out.stderr)
    );
    let out = touchpoint(&[
        "generate",
        "--touchpoints",
        "999999999",
        "-o",
        &fs,
        "--lang",
        "zh-CN",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("个触点"),
        "{}",
        text(&out.stderr)
    );
}
