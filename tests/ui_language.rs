//! Issue #20: the app in Simplified Chinese. View > Language switches at once, is
//! remembered in the settings, and the menus, headline figures, gap kinds and gap
//! explanations follow; English stays the default on every thread.

use crate::common;
use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use std::path::Path;
use touchpoint::i18n::{self, Lang};
use touchpoint::model::Journey;
use touchpoint::ui::AppState;

fn zh() -> Lang {
    Lang::parse("zh-CN").expect("zh-CN is embedded")
}

fn ecommerce() -> Journey {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_journeys/ecommerce.journey.ron");
    touchpoint::io::load_file(&p).expect("sample loads")
}

/// View > Language > NAME, through the menus as a person would.
fn choose_language(h: &mut Harness<'_, AppState>, view: &str, language: &str, name: &str) {
    h.get_by_label(view).click();
    h.run_ok();
    h.get_by_label(language).click();
    h.run_ok();
    h.get_by_label(name).click();
    h.run_ok();
}

/// Every label and value on screen (accessibility tree).
fn texts(h: &Harness<'_, AppState>) -> Vec<String> {
    h.query_all(By::new().predicate(|_| true))
        .flat_map(|n| {
            let a = n.accesskit_node();
            [a.label(), a.value()]
        })
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .collect()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn view_language_switches_the_whole_frame_to_chinese_and_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = dir.path().join("settings.ron");
    let mut state = AppState::with_journey(fixture());
    state.use_settings_file(settings.clone());
    let mut h = harness(state);
    h.run_ok();
    assert!(h.query_by_label("File").is_some(), "English by default");

    choose_language(&mut h, "View", "Language", "简体中文");
    // The menu bar, the headline figures and the gap panel are Chinese at once.
    h.get_by_label("文件");
    h.get_by_label("编辑");
    h.get_by_label("视图");
    assert!(h.query_by_label("File").is_none());
    for label in [
        "触点",
        "跨部门交接",
        "端到端耗时",
        "平均满意度",
        "发现的断点",
        "断点排序",
    ] {
        assert!(
            h.query_all_by_label(label).next().is_some(),
            "headline {label:?} in Chinese"
        );
    }
    let s = h.state();
    let a = s.derived.analysis.as_ref().expect("analysis");
    let first = a.gaps.first().expect("the fixture has gaps");
    assert!(has_cjk(&first.explanation), "{:?}", first.explanation);
    h.get_by_label(&format!("1. {}", first.explanation));
    assert!(h.query_all_by_label(&first.kind.label()).next().is_some());
    assert!(has_cjk(&first.kind.label()));
    // Remembered in the settings file.
    assert_eq!(h.state().settings.language, Some(zh()));
    let saved = touchpoint::ui::settings::Settings::load(&settings);
    assert_eq!(saved.language, Some(zh()));

    // And back: 视图 > 语言 > English.
    choose_language(&mut h, "视图", "语言", "English");
    h.get_by_label("File");
    assert!(h.query_all_by_label("touchpoints").next().is_some());
    let a = h.state().derived.analysis.as_ref().expect("analysis");
    assert!(
        !has_cjk(&a.gaps[0].explanation),
        "{:?}",
        a.gaps[0].explanation
    );
}

#[test]
fn a_remembered_language_applies_from_the_first_frame() {
    let mut state = AppState::with_journey(ecommerce());
    state.settings.language = Some(zh());
    let mut h = harness(state);
    h.run_ok();
    h.get_by_label("文件");
    h.get_by_label("工作坊");
}

#[test]
fn the_system_language_is_followed_until_one_is_chosen() {
    let mut state = AppState::with_journey(fixture());
    state.system_language = Some(zh());
    let mut h = harness(state);
    h.run_ok();
    h.get_by_label("文件");
    // A choice in the settings wins over the system's.
    h.state_mut().settings.language = Some(Lang::english());
    h.run_ok();
    h.get_by_label("File");
}

#[test]
fn english_is_the_default_on_every_thread() {
    // Another test switching its thread to Chinese never changes this one's labels.
    let mut h = harness(AppState::with_journey(fixture()));
    h.run_ok();
    assert_eq!(i18n::current(), Lang::english());
    h.get_by_label("File");
    assert!(texts(&h).iter().all(|t| !has_cjk(t)), "{:?}", texts(&h));
}

/// Latin words that may show in the Chinese UI: key names, file formats and
/// extensions, units and the product's name. Everything else Latin on screen must
/// come from the journey's own data.
const ALLOWED_LATIN: &[&str] = &[
    "Touchpoint",
    "Ctrl",
    "Shift",
    "Alt",
    "Cmd",
    "Esc",
    "Enter",
    "Tab",
    "Page",
    "Up",
    "Down",
    "Delete",
    "Backspace",
    "Insert",
    "Home",
    "End",
    "Plus",
    "Minus",
    "Equals",
    "Space",
    "Left",
    "Right",
    "Num",
    "App",
    "IM",
    "CSV",
    "TSV",
    "PDF",
    "PNG",
    "SVG",
    "HTML",
    "Markdown",
    "Mermaid",
    "DOT",
    "JSON",
    "RON",
    "NAME",
    "journey",
    "ron",
    "bak",
    "md",
    "YYYY",
    "MM",
    "DD",
    "min",
    "h",
    "Escape",
];

/// Accessible names egui gives its own widgets (never drawn as text): the panel
/// resize handle, the colour button and its value.
fn egui_internal(text: &str) -> bool {
    text == "Resize panel" || text == "Color" || (text.starts_with('#') && text.len() == 9)
}

/// Every Latin word (2+ letters) of `text`.
fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_owned)
        .collect()
}

/// The words of the journey's own text (names, ids, units, quotes): data, not UI.
fn journey_words(j: &Journey) -> std::collections::BTreeSet<String> {
    let text = touchpoint::io::to_ron_string(j);
    latin_words(&text).into_iter().collect()
}

fn untranslated(
    h: &Harness<'_, AppState>,
    data: &std::collections::BTreeSet<String>,
) -> Vec<String> {
    let mut bad = Vec::new();
    for t in texts(h).into_iter().filter(|t| !egui_internal(t)) {
        let words: Vec<String> = latin_words(&t)
            .into_iter()
            .filter(|w| !ALLOWED_LATIN.contains(&w.as_str()) && !data.contains(w))
            .collect();
        if !words.is_empty() {
            bad.push(format!("{t:?} ({})", words.join(", ")));
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

#[test]
fn the_main_screens_in_chinese_show_no_untranslated_latin_text() {
    let j = ecommerce();
    let data = journey_words(&j);
    let mut state = AppState::with_journey(j.clone());
    state.settings.language = Some(zh());
    let mut h = harness(state);
    h.run_ok();
    let mut bad = Vec::new();
    let mut check = |h: &Harness<'_, AppState>, screen: &str| {
        for b in untranslated(h, &data) {
            bad.push(format!("{screen}: {b}"));
        }
        for b in untranslated_painted(h, &data) {
            bad.push(format!("{screen} (painted): {b}"));
        }
    };
    check(&h, "main (gaps)");
    for menu in ["文件", "编辑", "视图", "工作坊", "帮助"] {
        h.get_by_label(menu).click();
        h.run_ok();
        check(&h, menu);
        h.key_press(egui::Key::Escape);
        h.run_ok();
    }
    // A touchpoint in the inspector, then a handoff.
    let first = j.touchpoints().next().expect("touchpoints").id.clone();
    h.state_mut().selection.touchpoints = [first].into_iter().collect();
    h.run_ok();
    check(&h, "inspector (touchpoint)");
    let key = j.handoffs().first().expect("handoffs").key();
    h.state_mut().selection = Default::default();
    h.state_mut().selection.handoff = Some(key);
    h.run_ok();
    check(&h, "inspector (handoff)");
    h.state_mut().selection = Default::default();
    h.state_mut().left_tab = touchpoint::ui::panels::LeftTab::Structure;
    h.run_ok();
    check(&h, "structure");
    h.state_mut().view.matrix = true;
    h.run_ok();
    check(&h, "matrix");
    h.state_mut().view.matrix = false;
    h.state_mut()
        .queue_command(touchpoint::ui::Command::ToggleWarRoomPanel);
    h.run_ok();
    h.run_ok();
    check(&h, "war room");
    h.state_mut()
        .queue_command(touchpoint::ui::Command::Shortcuts);
    h.run_ok();
    check(&h, "shortcuts");
    assert!(bad.is_empty(), "untranslated:\n{}", bad.join("\n"));
}

/// Issue 20: File > Open of a broken and of a cut-off file in Chinese shows the
/// load error's explanation in Chinese, `FILE:LINE:COLUMN` kept, in the dialog.
#[test]
fn opening_a_bad_file_in_chinese_explains_it_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("bad.journey.ron");
    std::fs::write(
        &broken,
        "(\n    format: 1,\n    title: \"x\"\n    stages: [],\n)\n",
    )
    .unwrap();
    let full = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_journeys/move-address.journey.ron"),
    )
    .unwrap();
    let half = &full[..full.len() / 2];
    let lines = half.lines().count();
    let cut = dir.path().join("cut.journey.ron");
    std::fs::write(&cut, half).unwrap();
    let expected = [
        (
            broken.clone(),
            format!("{}:4:5: 此处缺少逗号", broken.display()),
        ),
        (
            cut.clone(),
            format!(
                "{}:{lines}:1: 文件在第 {lines} 行提前结束（可能不完整，被截断了）",
                cut.display()
            ),
        ),
    ];
    for (path, line) in expected {
        let mut state = AppState::with_journey(ecommerce());
        state.settings.language = Some(zh());
        state.file_dialogs = Box::new(touchpoint::ui::dialogs::FixedDialogs {
            open: Some(path.clone()),
            save: None,
        });
        let mut h = harness(state);
        h.run_ok();
        h.get_by_label("文件").click();
        h.run_ok();
        h.get_by_label_contains("打开…").click();
        h.run_ok();
        let shown = texts(&h);
        assert!(shown.iter().any(|t| t == "无法打开客户旅程"), "{shown:?}");
        // Painted too, and nothing in English but the file's path and the journey.
        let mut data = journey_words(&ecommerce());
        data.extend(latin_words(&path.display().to_string()));
        assert!(
            painted(&h)
                .iter()
                .any(|t| t.contains(line.split_once(": ").unwrap().1))
        );
        let bad = untranslated_painted(&h, &data);
        assert!(bad.is_empty(), "{bad:?}");
        // The cut file's last line may end anywhere: compare up to the column.
        let (head, tail) = line.split_once(": ").unwrap();
        let head = head.rsplit_once(':').map_or(head, |(h, _)| h);
        assert!(
            shown
                .iter()
                .any(|t| t.starts_with(head) && t.ends_with(tail)),
            "no {line:?} in {shown:?}"
        );
    }
}

/// Every text painted in the last frame (egui's text shapes): canvas labels, painted
/// badges and legends as well as widgets, whether or not they have an accessible name.
fn painted(h: &Harness<'_, AppState>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(t) => out.push(t.galley.text().to_owned()),
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for c in &h.output().shapes {
        walk(&c.shape, &mut out);
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

fn untranslated_painted(
    h: &Harness<'_, AppState>,
    data: &std::collections::BTreeSet<String>,
) -> Vec<String> {
    let mut bad = Vec::new();
    for t in painted(h) {
        let words: Vec<String> = latin_words(&t)
            .into_iter()
            .filter(|w| !ALLOWED_LATIN.contains(&w.as_str()) && !data.contains(w))
            .collect();
        if !words.is_empty() {
            bad.push(format!("{t:?} ({})", words.join(", ")));
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

/// Issue 20, item 5: the text painted on the main screens in Chinese (the map's
/// canvas, the gap panel, the inspector with a card selected, the war room, the
/// comparison, the portfolio, the export and import dialogs, help) holds no English
/// word: only the journey's own data, numbers, units and file names.
#[test]
fn the_painted_text_of_the_main_screens_in_chinese_is_translated() {
    let j = ecommerce();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("steps.csv");
    std::fs::write(
        &csv,
        "阶段;触点;部门;channel\n售前;咨询;客服;pigeon\n售前;;客服;chat\n",
    )
    .unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_journeys/ecommerce.journey.ron"),
        dir.path().join("ecommerce.journey.ron"),
    )
    .unwrap();
    let mut data = journey_words(&j);
    data.extend(latin_words(&dir.path().display().to_string()));
    data.extend(["steps", "csv", "channel", "pigeon", "chat", "ecommerce"].map(String::from));
    // File extensions, as in "PNG 图片（.png）".
    data.extend(["png", "svg", "pdf", "html", "json", "dot", "mmd", "txt"].map(String::from));
    let mut state = AppState::with_journey(j.clone());
    state.settings.language = Some(zh());
    state.file_dialogs = Box::new(touchpoint::ui::dialogs::FixedDialogs {
        open: Some(csv.clone()),
        save: None,
    });
    let mut h = harness(state);
    h.run_ok();
    let mut bad = Vec::new();
    let mut check = |h: &Harness<'_, AppState>, screen: &str| {
        assert!(!painted(h).is_empty(), "{screen}: nothing painted");
        for b in untranslated_painted(h, &data) {
            bad.push(format!("{screen}: {b}"));
        }
    };
    let first_name = j.touchpoints().next().expect("touchpoints").name.clone();
    assert!(
        painted(&h).iter().any(|t| t.contains(&first_name)),
        "the canvas's card names are among the painted texts"
    );
    check(&h, "map and gap panel");
    let first = j.touchpoints().next().expect("touchpoints").id.clone();
    h.state_mut().selection.touchpoints = [first].into_iter().collect();
    h.run_ok();
    check(&h, "inspector (card selected)");
    h.state_mut().selection = Default::default();
    h.state_mut()
        .queue_command(touchpoint::ui::Command::ToggleWarRoomPanel);
    h.run_ok();
    h.run_ok();
    check(&h, "war room");
    h.state_mut()
        .queue_command(touchpoint::ui::Command::ToggleWarRoomPanel);
    h.run_ok();
    let mut to_be = j.clone();
    if let Some(t) = to_be.touchpoints().last().map(|t| t.id.clone()) {
        let _ = to_be.remove_touchpoint(&t);
    }
    touchpoint::ui::compare::open_journey(h.state_mut(), to_be, None);
    h.run_ok();
    check(&h, "comparison");
    touchpoint::ui::portfolio::load(h.state_mut(), dir.path());
    h.run_ok();
    h.run_ok();
    check(&h, "portfolio");
    let mut h = harness({
        let mut s = AppState::with_journey(j.clone());
        s.settings.language = Some(zh());
        s.file_dialogs = Box::new(touchpoint::ui::dialogs::FixedDialogs {
            open: Some(csv.clone()),
            save: None,
        });
        s
    });
    h.state_mut().queue_command(touchpoint::ui::Command::Export);
    h.run_ok();
    h.run_steps(3);
    assert!(
        painted(&h).iter().any(|t| t.contains(".png")),
        "the export dialog lists its formats"
    );
    check(&h, "export dialog");
    h.state_mut().export.open = false;
    h.run_ok();
    h.state_mut().queue_command(touchpoint::ui::Command::Import);
    for _ in 0..30 {
        h.run_ok();
        if h.state().import.preview.is_some() && !h.state().import.busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_steps(4);
    assert!(
        h.state().import.preview.is_some(),
        "the import preview is shown"
    );
    check(&h, "import dialog");
    h.key_press(egui::Key::Escape);
    h.run_ok();
    for (command, screen) in [
        (touchpoint::ui::Command::Shortcuts, "shortcuts"),
        (touchpoint::ui::Command::About, "about"),
        (touchpoint::ui::Command::Palette, "command palette"),
        (touchpoint::ui::Command::Search, "search"),
    ] {
        h.state_mut().queue_command(command);
        h.run_ok();
        check(&h, screen);
        h.key_press(egui::Key::Escape);
        h.run_ok();
    }
    // Views that stay until toggled again.
    h.state_mut().import = Default::default();
    h.run_ok();
    for (command, screen) in [
        (touchpoint::ui::Command::ToggleLaneMode, "lanes by layer"),
        (touchpoint::ui::Command::ToggleMinimap, "minimap"),
        (touchpoint::ui::Command::ToggleNotes, "notes on the map"),
        (touchpoint::ui::Command::ToggleTimer, "workshop timer"),
        (touchpoint::ui::Command::DepartmentFocus, "department focus"),
        (touchpoint::ui::Command::Present, "present mode"),
    ] {
        h.state_mut().queue_command(command);
        h.run_ok();
        h.run_ok();
        check(&h, screen);
        h.state_mut().queue_command(command);
        h.run_ok();
    }
    h.state_mut().warroom.panel = true;
    h.state_mut().warroom.tab = touchpoint::ui::warroom::PanelTab::Actions;
    h.run_ok();
    check(&h, "war room actions");
    assert!(
        bad.is_empty(),
        "untranslated painted text:\n{}",
        bad.join("\n")
    );
}
