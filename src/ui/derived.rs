//! Everything computed from the document: recomputed once per document version
//! (identity + revision, see [`crate::history::Version`])
//! (and lane mode), never per frame.

use crate::analysis::{Analysis, AnalysisConfig, Severity, analyze};
use crate::history::{Document, Version};
use crate::layout::{LaneMode, Layout, LayoutConfig, layout};
use crate::model::{DepartmentId, HandoffKey, StageId, TouchpointId};
use crate::scene::{Scene, SceneOptions, Theme, build_scene};

type SceneKey = (
    Version,
    LaneMode,
    bool,
    bool,
    (Option<DepartmentId>, Option<StageId>),
);
use std::collections::BTreeMap;

#[derive(Default)]
pub struct Derived {
    layout_key: Option<(Version, LaneMode)>,
    /// Keyed by the language too: gap explanations are text in the current language.
    analysis_key: Option<(Version, crate::i18n::Lang)>,
    /// How many times the layout or analysis was recomputed (tests check it is not per frame).
    pub computations: u64,
    pub layout: Layout,
    /// The display list the canvas paints (the same one the exports write).
    pub scene: Scene,
    scene_key: Option<SceneKey>,
    /// War-room focus (department, presented stage) passed to the display list,
    /// which dims what is outside it (canvas and exports alike).
    pub focus: (Option<DepartmentId>, Option<StageId>),
    pub analysis: Option<Analysis>,
    /// Where each sticky note sits on the map (see [`super::notes::place_notes`]).
    pub note_rects: Vec<(crate::model::NoteId, crate::layout::Rect)>,
    notes_key: Option<(Version, LaneMode)>,
    pub config: AnalysisConfig,
    /// Worst gap severity and number of gaps per touchpoint (for badges).
    pub touchpoint_gaps: BTreeMap<TouchpointId, (Severity, usize)>,
    /// Worst gap severity and number of gaps per handoff.
    pub handoff_gaps: BTreeMap<HandoffKey, (Severity, usize)>,
}

fn bump<K: Ord>(map: &mut BTreeMap<K, (Severity, usize)>, k: K, s: Severity) {
    let e = map.entry(k).or_insert((s, 0));
    e.0 = e.0.max(s);
    e.1 += 1;
}

impl Derived {
    /// Recompute what is out of date for this document revision and lane mode.
    pub fn update(&mut self, doc: &Document, mode: LaneMode) {
        self.update_with(doc, mode, true, false);
    }

    /// Recompute what is out of date, including the scene for these display options.
    pub fn update_with(&mut self, doc: &Document, mode: LaneMode, gaps: bool, dark: bool) {
        // Keyed by the document's identity too: a new or opened document restarts
        // its revision at 0, and must never be shown with the previous one's results.
        let rev = doc.version();
        let lang = crate::i18n::current();
        let analysis_changed = self.analysis_key.as_ref() != Some(&(rev, lang.clone()));
        if analysis_changed {
            self.analysis_key = Some((rev, lang));
            self.computations += 1;
            let a = analyze(doc.journey(), &self.config);
            self.touchpoint_gaps.clear();
            self.handoff_gaps.clear();
            for g in &a.gaps {
                if g.severity < Severity::Low {
                    continue;
                }
                if g.handoffs.is_empty() {
                    for t in &g.touchpoints {
                        bump(&mut self.touchpoint_gaps, t.clone(), g.severity);
                    }
                }
                for h in &g.handoffs {
                    bump(&mut self.handoff_gaps, h.key(), g.severity);
                }
            }
            self.analysis = Some(a);
        }
        let key = (rev, mode);
        if self.layout_key != Some(key) {
            self.layout_key = Some(key);
            self.computations += 1;
            let config = LayoutConfig {
                mode,
                ..LayoutConfig::default()
            };
            self.layout = layout(doc.journey(), &config);
        }
        if self.notes_key != Some((rev, mode)) {
            self.notes_key = Some((rev, mode));
            self.note_rects = super::notes::place_notes(doc.journey(), &self.layout);
        }
        let key = (rev, mode, gaps, dark, self.focus.clone());
        if analysis_changed || self.scene_key.as_ref() != Some(&key) {
            self.scene_key = Some(key);
            self.computations += 1;
            let options = SceneOptions {
                theme: if dark { Theme::Dark } else { Theme::Light },
                show_gaps: gaps,
                title: false,
                legend: false,
                focus_department: self.focus.0.clone(),
                focus_stage: self.focus.1.clone(),
                ..SceneOptions::default()
            };
            // The same badges and figures as the exports (`Marks::from_analysis`).
            self.scene = build_scene(
                doc.journey(),
                &self.layout,
                self.analysis.as_ref(),
                &options,
            );
        }
    }

    /// Force a recomputation on the next update.
    pub fn invalidate(&mut self) {
        self.layout_key = None;
        self.analysis_key = None;
        self.scene_key = None;
        self.notes_key = None;
    }
}
