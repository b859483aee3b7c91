//! Issue 20: the error messages a person reads, in Simplified Chinese. Every family
//! (parser, validation, truncated file, caps, read failures, the model's refusals,
//! save failures, import problems) speaks Chinese in zh-CN and keeps its
//! `FILE:LINE:COLUMN` prefix exactly; English stays as it was.

use touchpoint::i18n::{self, Lang};
use touchpoint::io;

fn zh() -> Lang {
    Lang::parse("zh-CN").expect("zh-CN is embedded")
}

/// The problems of loading `src` as `f.journey.ron`, in `lang`.
fn errors_in(lang: &Lang, src: &str) -> Vec<String> {
    i18n::with_lang(lang, || match io::load_str("f.journey.ron", src) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e.lines(),
    })
}

/// Words of three or more Latin letters left in `text` once the values quoted from
/// the file (`"..."`, `` `...` ``) are taken out: words of the interface that were
/// not translated. `allowed` are names that stay as they are (UTF, RON, ...).
fn latin_words(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut plain = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '`' => quote = Some(c),
            None => plain.push(c),
        }
    }
    let mut out: Vec<String> = plain
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .filter(|w| !allowed.contains(w))
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
}

const ALLOWED: &[&str] = &[
    "NaN",
    "inf",
    "journey",
    "ron",
    "UTF",
    "YYYY",
    "MM",
    "DD",
    "Touchpoint",
    "rrggbb",
];

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every line is Chinese after its `f.journey.ron:LINE:COLUMN: ` prefix, with no
/// English word left.
fn assert_chinese(lines: &[String], what: &str) {
    assert!(!lines.is_empty(), "{what}: no problem");
    for l in lines {
        let msg = l
            .strip_prefix("f.journey.ron:")
            .unwrap_or_else(|| panic!("{what}: the file name is kept: {l}"));
        assert!(has_cjk(msg), "{what}: not Chinese: {l}");
        let words = latin_words(msg, ALLOWED);
        assert!(words.is_empty(), "{what}: English left {words:?} in {l}");
    }
}

#[test]
fn parser_errors_are_chinese_and_keep_line_and_column() {
    let cases = [
        (
            "missing comma",
            "(\n    format: 1,\n    title: \"x\"\n    stages: [],\n)\n",
            "f.journey.ron:4:5: 此处缺少逗号",
        ),
        (
            "wrong type",
            "(\n    format: 1,\n    title: \"x\",\n    touchpoints: [\n        (id: \"a\", name: 5),\n    ],\n)\n",
            "f.journey.ron:5:24: 此处应为字符串（用双引号括起来）",
        ),
    ];
    for (what, src, want) in cases {
        let e = errors_in(&zh(), src);
        assert_eq!(e, [want], "{what}");
        // The same file in English: the same position, the English words.
        assert!(!has_cjk(&errors_in(&Lang::english(), src)[0]), "{what}");
    }
    let misspelt = "(\n    format: 1,\n    title: \"x\",\n    touchpoints: [\n        (id: \"a\", name: \"A\", onwer: Some(\"d\")),\n    ],\n)\n";
    let e = errors_in(&zh(), misspelt);
    assert!(
        e[0].starts_with("f.journey.ron:5:30: 触点中没有名为 `onwer` 的字段，应为 `id`、"),
        "{e:?}"
    );
    assert_chinese(&e, "misspelt field");
    // Several parser complaints, each in Chinese.
    for (what, src) in [
        (
            "unknown channel",
            "(title: \"x\", touchpoints: [(id: \"a\", name: \"A\", channel: Pigeon)])",
        ),
        (
            "missing field",
            "(title: \"x\", touchpoints: [(name: \"A\")])",
        ),
        ("duplicate field", "(title: \"x\", title: \"y\")"),
        ("unclosed comment", "(title: \"x\") /* open"),
        ("trailing", "(title: \"x\") (title: \"y\")"),
        ("bad char", "(title: \"x\", stages: [ ? ])"),
        (
            "negative count",
            "(title: \"x\", touchpoints: [(id: \"a\", name: \"A\", volume: Some(-5))])",
        ),
        (
            "deep",
            &format!("(title: \"x\", stages: [{}])", "[".repeat(40)),
        ),
    ] {
        assert_chinese(&errors_in(&zh(), src), what);
    }
}

const REFS: &str = r#"(
    format: 1,
    title: "Refs",
    stages: [(id: "s", name: "S"), (id: "s", name: "again")],
    departments: [(id: "d", name: "D", color: "blue")],
    touchpoints: [
        (id: "a", name: "A", stage: Some("s"), owner: Some("nobody")),
        (id: "b", name: "B", scores: Some((histogram: Some([1, 2, 3])))),
        (id: "c", name: "C", scores: Some((histogram: Some([0, 0, -4, 0, 0, 0, 0, 0, 0, 0, 0])))),
        (id: "a", name: "dup", handling_minutes: Some(NaN)),
        (id: "e", name: "E", metrics: [(name: "m", value: inf)]),
        (id: "bad id", name: "F", scores: Some((mean: 11.0, responses: 3))),
    ],
    handoffs: [
        (from: "a", to: "ghost", wait_hours: Some(-1.0)),
        (from: "b", to: "c", failure_rate: Some(1.5)),
        (from: "b", to: "c"),
    ],
    notes: [(id: "n", text: "t", on: Touchpoint("nowhere"))],
)
"#;

#[test]
fn validation_problems_are_chinese_at_the_same_positions() {
    let en = errors_in(&Lang::english(), REFS);
    let zh_lines = errors_in(&zh(), REFS);
    assert_eq!(en.len(), zh_lines.len());
    for (e, z) in en.iter().zip(&zh_lines) {
        let prefix = |l: &str| l.splitn(4, ':').take(3).collect::<Vec<_>>().join(":");
        assert_eq!(prefix(e), prefix(z), "{e} / {z}");
    }
    assert_chinese(&zh_lines, "validation");
    assert!(
        zh_lines.contains(&"f.journey.ron:4:41: 阶段标识 \"s\" 重复".to_owned()),
        "{zh_lines:?}"
    );
    assert!(
        zh_lines.contains(&"f.journey.ron:16:44: 失败率必须在 0 到 1 之间，而不是 1.5".to_owned()),
        "{zh_lines:?}"
    );
}

#[test]
fn a_truncated_file_says_so_in_chinese() {
    let full = include_str!("../sample_journeys/move-address.journey.ron");
    let src = &full[..full.len() / 2];
    let lines = src.lines().count();
    let e = errors_in(&zh(), src);
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with(&format!("f.journey.ron:{lines}:")),
        "{e:?}"
    );
    assert!(
        e[0].ends_with(&format!(
            "文件在第 {lines} 行提前结束（可能不完整，被截断了）"
        )),
        "{e:?}"
    );
}

#[test]
fn caps_format_and_reading_are_chinese() {
    let long = format!("(title: \"{}\")", "x".repeat(io::MAX_TEXT + 1));
    assert_eq!(
        errors_in(&zh(), &long),
        ["f.journey.ron:1:9: 标题长度为 65537 字节，超过上限（65536 字节）"]
    );
    let future = "(\n    format: 7,\n    title: \"x\",\n    hologram: true,\n)\n";
    assert_chinese(&errors_in(&zh(), future), "newer format");
    assert_chinese(&errors_in(&zh(), "(format: 0, title: \"x\")"), "format 0");
    let many = format!(
        "(title: \"x\", stages: [{}])",
        (0..=io::MAX_PARTS)
            .map(|i| format!("(id: \"s{i}\", name: \"S\")"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let e = errors_in(&zh(), &many);
    assert!(
        e[0].contains("阶段太多：10001 个，上限为 10000 个"),
        "{e:?}"
    );
    // More problems than are listed: the last line says how many more, in Chinese.
    let bad = format!(
        "(title: \"x\", touchpoints: [{}])",
        (0..250)
            .map(|i| format!("(id: \"t{i}\", name: \"T\", owner: Some(\"x\"))"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let e = errors_in(&zh(), &bad);
    assert_eq!(
        e.last().map(String::as_str),
        Some("f.journey.ron: ……另有 50 个问题")
    );
    assert_chinese(&e, "many problems");

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.journey.ron");
    let utf = dir.path().join("bin.journey.ron");
    std::fs::write(&utf, b"(\n  title: \"ab\xff\",\n)").unwrap();
    let read =
        |p: &std::path::Path| i18n::with_lang(&zh(), || io::load_file(p).unwrap_err().to_string());
    let shown = missing.display().to_string();
    assert_eq!(read(&missing), format!("{shown}: 无法读取：文件不存在"));
    assert_eq!(
        read(dir.path()),
        format!("{}: 这是一个文件夹，不是客户旅程文件", dir.path().display())
    );
    assert!(
        read(&utf).ends_with(":2:13: 文件不是有效的 UTF-8 文本"),
        "{}",
        read(&utf)
    );
}

/// The reasons an edit is refused (shown in the status bar) and the model's own
/// checks of numbers, in Chinese.
#[test]
fn refused_edits_are_explained_in_chinese() {
    use touchpoint::model::*;
    let src = r#"(title: "x", stages: [(id: "s", name: "S")], departments: [(id: "d", name: "D")],
        touchpoints: [(id: "a", name: "A", stage: Some("s"), owner: Some("d")), (id: "b", name: "B")],
        handoffs: [(from: "a", to: "b")])"#;
    let mut j = io::load_str("f", src).unwrap();
    let z = zh();
    let msgs: Vec<String> = i18n::with_lang(&z, || {
        let mut tp = j.touchpoint(&TouchpointId::new("b")).unwrap().clone();
        tp.handling_minutes = Some(-3.0);
        let mut bad = j.touchpoint(&TouchpointId::new("b")).unwrap().clone();
        bad.id = TouchpointId::new("bad id");
        vec![
            j.remove_stage(&StageId::new("s")).unwrap_err().to_string(),
            j.remove_department(&DepartmentId::new("d"))
                .unwrap_err()
                .to_string(),
            j.remove_touchpoint(&TouchpointId::new("a"))
                .unwrap_err()
                .to_string(),
            j.remove_stage(&StageId::new("ghost"))
                .unwrap_err()
                .to_string(),
            j.update_touchpoint(tp).unwrap_err().to_string(),
            j.add_touchpoint(bad).unwrap_err().to_string(),
        ]
    });
    assert_eq!(msgs[0], "阶段 `s`仍在使用中：其中还有触点 `a`");
    assert_eq!(msgs[4], "处理时长不能为负数（-3）");
    for m in &msgs {
        assert!(has_cjk(m), "{m}");
        assert!(latin_words(m, ALLOWED).is_empty(), "{m}");
    }
    // English stays English.
    let en = j.remove_stage(&StageId::new("s")).unwrap_err().to_string();
    assert_eq!(en, "stage `s` is still in use: touchpoint `a` is in it");
}

/// Save failures (read-only, not a file, changed on disk, the I/O error's plain
/// words) and their advice, in Chinese.
#[test]
fn save_failures_are_explained_in_chinese() {
    use std::io::{Error, ErrorKind};
    use touchpoint::io::{DiskState, SaveError};
    let cases = [
        SaveError::ReadOnly {
            path: "/tmp/a.journey.ron".into(),
        },
        SaveError::NotAFile {
            path: "/tmp/d".into(),
            what: "save-what-folder",
        },
        SaveError::ChangedOnDisk {
            path: "/tmp/a.journey.ron".into(),
            state: DiskState::Changed,
        },
        SaveError::ChangedOnDisk {
            path: "/tmp/a.journey.ron".into(),
            state: DiskState::Missing,
        },
        SaveError::DropsComments {
            path: "/tmp/a.journey.ron".into(),
            count: 2,
            line: 3,
        },
        SaveError::Write {
            path: "/tmp/a.journey.ron".into(),
            source: Error::from(ErrorKind::StorageFull),
        },
        SaveError::Replace {
            path: "/tmp/a.journey.ron".into(),
            source: Error::from(ErrorKind::PermissionDenied),
        },
        SaveError::Backup {
            path: "/tmp/a.journey.ron.bak".into(),
            source: Error::from(ErrorKind::NotFound),
        },
    ];
    for e in &cases {
        let (text, advice) = i18n::with_lang(&zh(), || (e.to_string(), e.advice()));
        for t in [&text, &advice] {
            assert!(has_cjk(t), "{t}");
            let words = latin_words(&t.replace("/tmp/a.journey.ron", ""), &["tmp", "bak"]);
            assert!(words.is_empty(), "{words:?} in {t}");
        }
        assert!(!has_cjk(&e.to_string()), "English by default: {e}");
    }
    let text = i18n::with_lang(&zh(), || cases[5].to_string());
    assert_eq!(text, "无法写入 /tmp/a.journey.ron：磁盘已满");
}

/// Recovery errors (autosave, `touchpoint recover`) and the import's read errors.
#[test]
fn recovery_and_import_read_errors_are_chinese() {
    use touchpoint::recovery::RecoveryError;
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        RecoveryError::NoDataDir,
        RecoveryError::Unknown("x-1".into()),
        RecoveryError::InvalidId("../x".into()),
        RecoveryError::Io {
            path: "/tmp/r".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        },
    ];
    for e in &cases {
        let t = i18n::with_lang(&zh(), || e.to_string());
        assert!(has_cjk(&t), "{t}");
        let words = latin_words(&t, &["TOUCHPOINT", "DATA", "DIR", "tmp"]);
        assert!(words.is_empty(), "{words:?} in {t}");
    }
    let folder = i18n::with_lang(&zh(), || {
        touchpoint::import::read_input(dir.path()).unwrap_err()
    });
    assert_eq!(
        folder,
        format!("{}: 这是一个文件夹，不是文件", dir.path().display())
    );
    let missing = dir.path().join("none.csv");
    let e = i18n::with_lang(&zh(), || {
        touchpoint::import::read_input(&missing).unwrap_err()
    });
    assert_eq!(e, format!("{}: 无法读取：文件不存在", missing.display()));
}

/// `touchpoint import` problems: CSV and Mermaid warnings (`FILE:LINE: ...`) and the
/// columns' meanings, in Chinese.
#[test]
fn import_problems_are_chinese_and_keep_file_and_line() {
    use touchpoint::import::{ImportFormat, import_str};
    let csv = "Phase;Step;Team;channel;layer;volume;satisfaction;responses;owner_kind;owner_color;handling_minutes;order;score_3;Mystery\n\
               Notify;Call;Contact;pigeon;sideways;many;eleven;x;alien;blue;-2;first;x;?\n\
               Notify;;;;;;;;;;;;;\n\
               Notify;Call;Contact;phone;;;;3;;;;;;\n";
    let r = i18n::with_lang(&zh(), || import_str("t.csv", csv, ImportFormat::Csv)).unwrap();
    let lines: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
    assert!(lines.len() >= 10, "{lines:?}");
    for l in &lines {
        let rest = l.strip_prefix("t.csv:").unwrap_or_else(|| panic!("{l}"));
        assert!(
            rest.split(':').next().unwrap().parse::<usize>().is_ok(),
            "line kept: {l}"
        );
        assert!(has_cjk(l), "{l}");
        let words = latin_words(rest, &["csv"]);
        assert!(words.is_empty(), "{words:?} in {l}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("t.csv:2: 渠道 \"pigeon\" 无法识别")),
        "{lines:?}"
    );
    for a in &r.assumptions {
        assert!(has_cjk(a) && latin_words(a, &[]).is_empty(), "{a}");
    }
    let mmd = "title Trip\nsection Book\n  Search: 9: Me\n  : 3: Me\n  Pay: x: Me\nsection Go: extra\n  ride\n";
    let r = i18n::with_lang(&zh(), || import_str("t.mmd", mmd, ImportFormat::Mermaid)).unwrap();
    let lines: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
    assert!(lines.len() >= 4, "{lines:?}");
    for l in &lines {
        assert!(l.starts_with("t.mmd:"), "{l}");
        assert!(has_cjk(l), "{l}");
        let words = latin_words(l.trim_start_matches("t.mmd:"), &["Mermaid"]);
        assert!(words.is_empty(), "{words:?} in {l}");
    }
    // Nothing to import: the error is Chinese too.
    let e = i18n::with_lang(&zh(), || import_str("e.csv", "", ImportFormat::Csv)).unwrap_err();
    assert_eq!(e.lines(), ["e.csv: 表格是空的：没有标题行"]);
    // The meanings offered in the import preview.
    let labels = i18n::with_lang(&zh(), touchpoint::import::csv::meanings);
    for (key, label) in &labels {
        assert!(has_cjk(label), "{key}: {label}");
    }
}

/// Where a measured figure came from, as reports and tooltips say it.
#[test]
fn a_figures_source_is_described_in_chinese() {
    use touchpoint::model::{Period, Source, SourceKind};
    let s = Source {
        kind: SourceKind::Survey,
        file: Some("answers.csv".into()),
        period: Some(Period {
            from: "2026-01-01".into(),
            to: "2026-03-31".into(),
        }),
        count: Some(120),
    };
    assert_eq!(
        s.describe(),
        "survey, answers.csv, 2026-01-01 to 2026-03-31, 120 responses"
    );
    assert_eq!(
        i18n::with_lang(&zh(), || s.describe()),
        "问卷调查，answers.csv，2026-01-01 至 2026-03-31，120 份回答"
    );
}
