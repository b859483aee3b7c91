//! Exports and reports in Simplified Chinese (issue 20): the e-commerce map's legend
//! and title block, the Markdown/HTML/PDF report headings, and the CSV tables that must
//! not change with the language. The language is per thread, so each test sets its own.

use touchpoint::analysis::{AnalysisConfig, analyze};
use touchpoint::export::{self, ExportFormat, ExportOptions};
use touchpoint::i18n::{self, Lang};
use touchpoint::model::Journey;

fn sample(name: &str) -> Journey {
    touchpoint::samples::load_sample(name)
        .unwrap_or_else(|| panic!("no sample {name}"))
        .unwrap_or_else(|e| panic!("sample {name}: {e}"))
}

fn zh() -> Lang {
    Lang::parse("zh-CN").expect("zh-CN is embedded")
}

fn export_all(j: &Journey, format: ExportFormat) -> Vec<(String, Vec<u8>)> {
    let mut o = ExportOptions::new(format);
    o.date = Some("2026-12-02".into());
    o.map_name = Some("map.svg".into());
    export::export(j, &o)
        .unwrap_or_else(|e| panic!("{format:?}: {e}"))
        .into_iter()
        .map(|a| (a.suffix.unwrap_or_default().to_owned(), a.bytes))
        .collect()
}

fn export_text(j: &Journey, format: ExportFormat) -> String {
    let mut all = export_all(j, format);
    String::from_utf8(all.swap_remove(0).1).expect("UTF-8")
}

/// The text nodes of an SVG, one per `<text>` element.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn ecommerce_map_has_a_chinese_legend_and_title_block() {
    let j = sample("ecommerce.journey.ron");
    let english = svg_texts(&export_text(&j, ExportFormat::Svg));
    let chinese = i18n::with_lang(&zh(), || svg_texts(&export_text(&j, ExportFormat::Svg)));
    let has = |texts: &[String], s: &str| texts.iter().any(|t| t == s);

    // The legend.
    for s in [
        "Legend",
        "cross-department handoff",
        "rework loop",
        "metric on target",
    ] {
        assert!(has(&english, s), "English legend lacks {s}: {english:?}");
        assert!(!has(&chinese, s), "Chinese legend still says {s}");
    }
    for s in ["图例", "跨部门交接", "返工循环", "指标达标", "满意度低于 5"] {
        assert!(has(&chinese, s), "Chinese legend lacks {s}: {chinese:?}");
    }
    // The badges' meanings in the legend, the watermelon among them.
    assert!(
        chinese.iter().any(|t| t.contains("西瓜")),
        "no watermelon in the legend: {chinese:?}"
    );
    // The title block: headline figure labels, the date, the map's side labels.
    for s in [
        "触点",
        "跨部门交接",
        "端到端耗时",
        "2026年12月2日",
        "满意度",
        "（无负责部门）",
    ] {
        assert!(
            has(&chinese, s),
            "Chinese title block lacks {s}: {chinese:?}"
        );
    }
    assert!(has(&english, "2026-12-02") && has(&english, "elapsed time"));
    assert!(has(&english, "(no owner)") && !has(&chinese, "(no owner)"));
    // The subtitle: the variant as-is is 现状, outcomes read "name：value".
    let sub = chinese
        .iter()
        .find(|t| t.contains("订单转化率"))
        .expect("the outcomes under the title");
    assert!(
        sub.starts_with("现状  |  ") && sub.contains("：10.2%"),
        "{sub}"
    );
    // Handoff labels: "24 小时，失败 8%".
    assert!(has(&chinese, "24 小时，失败 8%"), "{chinese:?}");
    assert!(has(&english, "24 h, 8% fail"), "{english:?}");
    // Card volumes grouped by 万: 1,250,000 is 125万.
    assert!(has(&chinese, "量 125万") && has(&english, "vol 1.3M"));
    // Durations and counts read as Chinese: "… 天" or "… 小时", "N 个触点".
    assert!(
        chinese
            .iter()
            .any(|t| t.ends_with(" 天") || t.ends_with(" 小时")),
        "{chinese:?}"
    );
    assert!(
        chinese.iter().any(|t| t.ends_with(" 个触点")),
        "{chinese:?}"
    );
    // The journey's own (Chinese) text is the same in both.
    let title = j.meta().title.clone();
    assert!(has(&english, &title) && has(&chinese, &title));
    // Nothing of the map's chrome left in English: no text is only ASCII letters
    // except units, channels such as "App", and the journey's own words.
    let chrome_words = [
        "touchpoints",
        "handoffs",
        "handoff",
        "Satisfaction",
        "mean, 0-10",
        "vol",
        "fail",
        "days",
        "Legend",
        "score",
    ];
    for t in &chinese {
        for w in chrome_words {
            assert!(
                !t.split(|c: char| !c.is_ascii_alphabetic() && c != ',' && c != '-')
                    .any(|x| x == w),
                "English word {w:?} in the Chinese map: {t:?}"
            );
        }
    }
}

#[test]
fn the_language_is_per_thread_and_english_by_default() {
    let j = sample("ecommerce.journey.ron");
    let chinese = std::thread::spawn({
        let j = j.clone();
        move || {
            i18n::set_current(&zh());
            svg_texts(&export_text(&j, ExportFormat::Svg))
        }
    })
    .join()
    .unwrap();
    let english = svg_texts(&export_text(&j, ExportFormat::Svg));
    assert!(chinese.iter().any(|t| t == "图例"));
    assert!(english.iter().any(|t| t == "Legend"));
    assert!(!english.iter().any(|t| t == "图例"));
}

#[test]
fn markdown_and_html_reports_have_chinese_headings() {
    let j = sample("ecommerce.journey.ron");
    let md_en = export_text(&j, ExportFormat::Markdown);
    let (md, html) = i18n::with_lang(&zh(), || {
        (
            export_text(&j, ExportFormat::Markdown),
            export_text(&j, ExportFormat::Html),
        )
    });
    assert!(md_en.contains("\n## Headline figures\n"), "{md_en}");
    for h in [
        "## 关键数字",
        "## 客户旅程地图",
        "## 断点（按严重程度排序）",
        "## 交接矩阵",
        "## 各部门",
    ] {
        assert!(md.contains(&format!("\n{h}\n")), "no {h} in\n{md}");
    }
    for h in [
        "Headline figures",
        "Gaps, worst first",
        "Handoff matrix",
        "Why it matters",
    ] {
        assert!(!md.contains(h), "English {h:?} in the Chinese report");
    }
    assert!(md.contains("| 严重程度 |"), "{md}");
    assert!(md.contains("- **导出日期**: 2026年12月2日"), "{md}");
    // HTML: the same headings, the language declared, the print footer translated,
    // and it still parses as XML.
    assert!(html.contains(" lang=\"zh-CN\""), "{}", &html[..300]);
    assert!(html.contains("<h2>关键数字</h2>"));
    assert!(html.contains("\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""));
    assert!(!html.contains("Show the map at full size"));
    roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the Chinese HTML report parses");
    let html_en = export_text(&j, ExportFormat::Html);
    assert!(html_en.contains(" lang=\"en\""));
    assert!(html_en.contains("Show the map at full size"));
}

#[test]
fn pdf_report_is_typeset_in_chinese() {
    let j = sample("move-address.journey.ron");
    let mut o = ExportOptions::new(ExportFormat::Pdf);
    o.report = true;
    let en = export::export(&j, &o)
        .expect("pdf report")
        .swap_remove(0)
        .bytes;
    // The options carry the language: made in English, they export in English on any
    // thread; set to Chinese, in Chinese (as the app's worker threads do).
    let same = i18n::with_lang(&zh(), || export::export(&j, &o))
        .expect("pdf report")
        .swap_remove(0)
        .bytes;
    assert_eq!(en, same);
    o.lang = zh();
    let chinese = export::export(&j, &o)
        .expect("pdf report")
        .swap_remove(0)
        .bytes;
    assert!(chinese.starts_with(b"%PDF"));
    assert_ne!(
        en, chinese,
        "the Chinese report differs from the English one"
    );
    // Deterministic in each language.
    let again = std::thread::spawn(move || export::export(&j, &o))
        .join()
        .unwrap()
        .expect("pdf report")
        .swap_remove(0)
        .bytes;
    assert_eq!(chinese, again);
}

#[test]
fn csv_tables_are_the_same_bytes_in_every_language() {
    for name in ["ecommerce.journey.ron", "move-address.journey.ron"] {
        let j = sample(name);
        let en = export_all(&j, ExportFormat::Csv);
        let zh = i18n::with_lang(&zh(), || export_all(&j, ExportFormat::Csv));
        assert_eq!(en.len(), 3);
        assert_eq!(en, zh, "{name}: CSV changed with the language");
        let header = |bytes: &[u8]| {
            String::from_utf8_lossy(bytes)
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned()
        };
        let tp = en.iter().find(|(n, _)| n.contains("touchpoints")).unwrap();
        assert!(header(&tp.1).starts_with("id,name,"), "{}", header(&tp.1));
    }
}

#[test]
fn analysis_json_does_not_change_with_the_language() {
    let j = sample("move-address.journey.ron");
    let a = analyze(&j, &AnalysisConfig::default());
    let en = touchpoint::report::report_json(&a);
    let text_zh = i18n::with_lang(&zh(), || {
        touchpoint::report::report_text(&analyze(&j, &AnalysisConfig::default()))
    });
    assert!(text_zh.contains("主要断点"), "{text_zh}");
    assert!(en.contains("\"touchpoints\""));
}

/// Latin words of three letters or more in `text`, except those `allowed`.
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

/// The e-commerce journey is written in Chinese, so in Chinese its map and report hold
/// no English word at all: every word of the chrome went through the messages.
#[test]
fn the_chinese_sample_in_chinese_has_no_english_left() {
    let j = sample("ecommerce.journey.ron");
    let (svg, md, html) = i18n::with_lang(&zh(), || {
        (
            svg_texts(&export_text(&j, ExportFormat::Svg)).join("\n"),
            export_text(&j, ExportFormat::Markdown),
            export_text(&j, ExportFormat::Html),
        )
    });
    // Channel names kept as people say them in Chinese too ("App", "IM").
    assert_eq!(latin_words(&svg, &["App"]), Vec::<String>::new(), "{svg}");
    // The report links its map file (map.svg).
    assert_eq!(
        latin_words(&md, &["map", "svg"]),
        Vec::<String>::new(),
        "{md}"
    );
    // HTML: the visible text only (not the markup, styles and the inlined SVG's
    // attributes).
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("parses");
    let body: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter(|n| {
            !n.ancestors()
                .any(|a| a.has_tag_name("style") || a.has_tag_name("title"))
        })
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(latin_words(&body, &["App"]), Vec::<String>::new(), "{body}");
    // And the English map of the same journey does have English chrome (the check can
    // fail).
    let english = svg_texts(&export_text(&j, ExportFormat::Svg)).join("\n");
    assert!(latin_words(&english, &["App"]).contains(&"Legend".to_owned()));
}

/// The map's PDF pages carry a footer in the PDF's built-in font (no CJK glyphs): words in
/// English, figures only in Chinese.
#[test]
fn pdf_page_footers_hold_no_english_in_chinese() {
    let j = sample("move-address.journey.ron");
    let mut o = ExportOptions::new(ExportFormat::Pdf);
    o.pages = touchpoint::export::pdf::PageLayout::Pages;
    let en = export::export(&j, &o).expect("pdf").swap_remove(0).bytes;
    let has = |b: &[u8], s: &str| b.windows(s.len()).any(|w| w == s.as_bytes());
    assert!(has(&en, "(Page 1 of "), "the English footer");
    o.lang = zh();
    let chinese = export::export(&j, &o).expect("pdf").swap_remove(0).bytes;
    assert!(
        !has(&chinese, "(Page ") && !has(&chinese, "Scale "),
        "no English words"
    );
    assert!(has(&chinese, "(1 / "), "the figures-only footer");
}
