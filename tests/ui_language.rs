//! Issue #20: the app in Simplified Chinese. View > Language switches at once, is
//! remembered in the settings, and the menus, headline figures, gap kinds and gap
//! explanations follow; English stays the default on every thread.

mod common;
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
