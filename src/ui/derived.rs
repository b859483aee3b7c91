//! Everything computed from the document: recomputed once per document version
//! (identity + revision, see [`crate::history::Version`]) and display options, never
//! per frame.
//!
//! A small journey (up to [`SYNC_LIMIT`] touchpoints and [`SYNC_HANDOFFS`] handoffs) is
//! computed on the UI thread in the
//! frame of the change. A bigger one is computed on a background thread that keeps its own
//! copy of the journey and follows the document by replaying its edits
//! ([`Document::changes_since`]), so a change never clones the journey nor waits for the
//! analysis, the layout or the display list. The frame of an edit only rebuilds the cards
//! whose content changed in place ([`crate::scene::patch_card`]); the analysis (headline
//! figures, gap badges) follows first, then the whole display list. Until both are those
//! of the current version, [`Derived::updating`] is true and the panels say "updating".

use crate::analysis::{Analysis, AnalysisConfig, analyze};
use crate::edit::Edit;
use crate::history::{Document, Version};
use crate::i18n::Lang;
use crate::layout::{LaneMode, Layout, LayoutConfig, layout, layout_in_order};
use crate::model::{DepartmentId, Journey, Layer, NoteId, StageId, TouchpointId};
use crate::scene::{Marks, Scene, SceneOptions, Theme, build_scene_with_marks, patch_card};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// Journeys up to this many touchpoints and [`SYNC_HANDOFFS`] handoffs are computed in
/// the frame of the change (a few milliseconds); bigger ones in the background.
pub const SYNC_LIMIT: usize = 300;
/// The layout of a map with more handoffs than this takes over a frame: its cells' order
/// is searched and its routes are tried on the finished lines (release build: 24
/// handoffs 0.7 ms, 29 handoffs 3.2 ms, 43 handoffs 11 ms, 74 handoffs 22 ms).
pub const SYNC_HANDOFFS: usize = 32;

type Focus = (Option<DepartmentId>, Option<StageId>);
/// The scene's text is in the current language, so the language is part of every key.
type SceneKey = (Version, LaneMode, bool, bool, Focus, Lang);

/// Where a card sits: while these are unchanged, a change to the touchpoint leaves the
/// layout as it is and its card can be rebuilt in place.
type Place = (Option<StageId>, Option<DepartmentId>, Layer, Option<i32>);

fn place_of(t: &crate::model::Touchpoint) -> Place {
    (t.stage.clone(), t.owner.clone(), t.layer, t.order)
}

#[derive(Default)]
pub struct Derived {
    layout_key: Option<(Version, LaneMode)>,
    /// Keyed by the language too: gap explanations are text in the current language.
    analysis_key: Option<(Version, Lang)>,
    /// How many times the layout or analysis was recomputed (tests check it is not per frame).
    pub computations: u64,
    pub layout: Layout,
    /// The display list the canvas paints (the same one the exports write).
    pub scene: Scene,
    scene_key: Option<SceneKey>,
    /// War-room focus (department, presented stage) passed to the display list,
    /// which dims what is outside it (canvas and exports alike).
    pub focus: Focus,
    pub analysis: Option<Arc<Analysis>>,
    /// The badges and figures of `analysis`, as the display list shows them.
    marks: Option<Arc<Marks>>,
    /// Where each sticky note sits on the map (see [`super::notes::place_notes`]), placed
    /// with the display list whose labels they keep off.
    pub note_rects: Vec<(NoteId, crate::layout::Rect)>,
    pub config: AnalysisConfig,
    /// Compute big journeys in the background (tests may turn it off).
    pub foreground_only: bool,
    /// The background computation, once a big journey was shown.
    worker: Option<Worker>,
    /// The version whose changes the shown scene reflects (whole or patched).
    shown: Option<SceneKey>,
    /// The place of every card in the shown layout.
    places: BTreeMap<TouchpointId, Place>,
    /// The key of the last request sent to the worker.
    requested: Option<SceneKey>,
    /// View > Measure against a log: drawn over the display list (`scene::logcheck`).
    /// Drawn only on the document it was measured for (its identity).
    log_check: Option<(u64, Arc<crate::scene::logcheck::LogOverlay>)>,
    /// Whether the shown display list has it drawn.
    log_drawn: bool,
}

fn scene_options(key: &SceneKey) -> SceneOptions {
    let (_, _, gaps, dark, focus, _) = key;
    SceneOptions {
        theme: if *dark { Theme::Dark } else { Theme::Light },
        show_gaps: *gaps,
        title: false,
        legend: false,
        focus_department: focus.0.clone(),
        focus_stage: focus.1.clone(),
        ..SceneOptions::default()
    }
}

fn layout_config(mode: LaneMode) -> LayoutConfig {
    LayoutConfig {
        mode,
        ..LayoutConfig::default()
    }
}

impl Derived {
    /// Recompute what is out of date for this document revision and lane mode.
    pub fn update(&mut self, doc: &Document, mode: LaneMode) {
        if self.in_background(doc) {
            // The shown layout is the one to work with until the next one arrives.
            return;
        }
        self.update_with(doc, mode, true, false);
    }

    fn in_background(&self, doc: &Document) -> bool {
        let j = doc.journey();
        !self.foreground_only
            && (j.touchpoint_count() > SYNC_LIMIT || j.handoff_count() > SYNC_HANDOFFS)
    }

    /// Is the shown layout one of this document (perhaps of an earlier revision while a
    /// big journey's newer one is computed), rather than another document's or none?
    pub fn layout_of(&self, doc: &Document) -> bool {
        self.layout_key
            .is_some_and(|(v, _)| v.document == doc.version().document)
    }

    /// The version the shown analysis (figures, gap list, badges) was computed for.
    pub fn analysis_version(&self) -> Option<Version> {
        self.analysis_key.as_ref().map(|k| k.0)
    }

    /// Are the figures, badges or display list not yet those of the current version
    /// (a big journey computing in the background)?
    pub fn updating(&self) -> bool {
        self.requested.as_ref().is_some_and(|r| {
            self.scene_key.as_ref() != Some(r)
                || self.analysis_key.as_ref() != Some(&(r.0, r.5.clone()))
        })
    }

    /// Recompute what is out of date, including the scene for these display options.
    pub fn update_with(&mut self, doc: &Document, mode: LaneMode, gaps: bool, dark: bool) {
        let key: SceneKey = (
            doc.version(),
            mode,
            gaps,
            dark,
            self.focus.clone(),
            crate::i18n::current(),
        );
        if self.in_background(doc) {
            self.update_in_background(doc, key);
        } else {
            self.requested = None;
            self.shown = None;
            self.update_here(doc, key);
        }
        self.draw_log_check(doc, dark);
    }

    /// Show (or, with `None`, remove) a log check over the map; the display list is
    /// rebuilt (without it, a faded handoff would stay faded).
    /// The check is drawn on the document whose identity is `document` only.
    pub fn set_log_check(&mut self, check: Option<(u64, Arc<crate::scene::logcheck::LogOverlay>)>) {
        if self.log_check != check {
            self.log_check = check;
            self.invalidate();
        }
    }

    /// The log check drawn over the map, if any.
    pub fn log_check(&self) -> Option<&crate::scene::logcheck::LogOverlay> {
        self.log_check.as_ref().map(|(_, c)| c.as_ref())
    }

    fn draw_log_check(&mut self, doc: &Document, dark: bool) {
        let Some((id, check)) = self.log_check.clone().filter(|_| !self.log_drawn) else {
            return;
        };
        if id != doc.version().document || !self.layout_of(doc) {
            return;
        }
        self.log_drawn = true;
        let theme = if dark { Theme::Dark } else { Theme::Light };
        if let Some(b) =
            crate::scene::logcheck::draw(&mut self.scene, &self.layout, &check, &theme.palette())
        {
            self.scene.bounds = self.scene.bounds.union(&b);
        }
    }

    /// Everything in this frame (small journeys).
    fn update_here(&mut self, doc: &Document, key: SceneKey) {
        // Keyed by the document's identity too: a new or opened document restarts
        // its revision at 0, and must never be shown with the previous one's results.
        let (rev, mode, ..) = key.clone();
        let lang = key.5.clone();
        if self.analysis_key.as_ref() != Some(&(rev, lang.clone())) {
            self.analysis_key = Some((rev, lang));
            self.computations += 1;
            let a = analyze(doc.journey(), &self.config);
            self.marks = Some(Arc::new(Marks::from_analysis(&a)));
            self.analysis = Some(Arc::new(a));
        }
        if self.layout_key != Some((rev, mode)) {
            self.layout_key = Some((rev, mode));
            self.computations += 1;
            // In this revision's analysis' journey order (just made above).
            self.layout = match &self.analysis {
                Some(a) => {
                    layout_in_order(doc.journey(), &layout_config(mode), a.journey_order.clone())
                }
                None => layout(doc.journey(), &layout_config(mode)),
            };
        }
        if self.scene_key.as_ref() != Some(&key) {
            self.computations += 1;
            // The same badges and figures as the exports (`Marks::from_analysis`).
            self.scene = build_scene_with_marks(
                doc.journey(),
                &self.layout,
                self.marks.as_deref(),
                &scene_options(&key),
            );
            // With the display list: notes keep off its handoff labels.
            let labels = super::notes::label_rects(&self.scene);
            self.note_rects = super::notes::place_notes(doc.journey(), &self.layout, &labels);
            self.log_drawn = false;
            self.scene_key = Some(key);
        }
    }

    /// Big journeys: patch what changed in place now, let the worker do the rest.
    fn update_in_background(&mut self, doc: &Document, key: SceneKey) {
        self.receive(doc, &key);
        if self.requested.as_ref() == Some(&key) {
            return;
        }
        if self.worker.is_none() {
            self.worker = Worker::start();
            if self.worker.is_none() {
                // No thread to be had: compute here, as for a small journey.
                self.foreground_only = true;
                self.update_here(doc, key);
                return;
            }
        }
        let Some(worker) = self.worker.as_mut() else {
            return;
        };
        // What the worker's copy needs to reach this version: the edits since the
        // version it has, or (first time, another document, too far behind) the journey.
        let base = match worker
            .replica
            .and_then(|v| doc.changes_since(v))
            .map(|edits| edits.into_iter().cloned().collect::<Vec<Edit>>())
        {
            Some(edits) => Base::Edits(edits),
            None => Base::Full(Box::new(doc.journey().clone())),
        };
        worker.replica = Some(key.0);
        worker.send(Request {
            key: key.clone(),
            base,
            config: self.config.clone(),
        });
        self.patch(doc, &key);
        self.requested = Some(key);
    }

    /// Rebuild in place the cards whose content changed since the shown version and
    /// that stay where they are; anything else waits for the worker.
    fn patch(&mut self, doc: &Document, key: &SceneKey) {
        let Some(shown) = self.shown.clone() else {
            return;
        };
        let same_options = (shown.1, shown.2, shown.3, &shown.4, &shown.5)
            == (key.1, key.2, key.3, &key.4, &key.5);
        let Some(edits) = doc.changes_since(shown.0).filter(|_| same_options) else {
            return;
        };
        let j = doc.journey();
        let mut ids = Vec::new();
        let mut stack: Vec<&Edit> = edits;
        let mut whole = true;
        while let Some(e) = stack.pop() {
            match e {
                Edit::Batch(v) => stack.extend(v.iter()),
                Edit::UpdateTouchpoint(t) if self.places.get(&t.id) == Some(&place_of(t)) => {
                    ids.push(t.id.clone());
                }
                _ => whole = false,
            }
        }
        let options = scene_options(key);
        for id in &ids {
            // The touchpoint's current state (a later edit may have changed it again).
            let placed = j
                .touchpoint(id)
                .is_some_and(|t| self.places.get(id) == Some(&place_of(t)));
            whole &= placed
                && patch_card(
                    &mut self.scene,
                    j,
                    &self.layout,
                    self.marks.as_deref(),
                    &options,
                    id,
                );
        }
        if whole {
            self.shown = Some(key.clone());
        }
    }

    /// Take what the worker finished.
    fn receive(&mut self, doc: &Document, current: &SceneKey) {
        let Some(worker) = &self.worker else {
            return;
        };
        let replies: Vec<Reply> = worker.replies.try_iter().collect();
        for reply in replies {
            match reply {
                Reply::Analysis {
                    version,
                    lang,
                    analysis,
                    marks,
                } => {
                    // Never older than what is shown; the newest wins.
                    if version.document != current.0.document
                        || lang != current.5
                        || self.analysis_key.as_ref().is_some_and(|(k, l)| {
                            *l == lang
                                && k.document == version.document
                                && k.revision > version.revision
                        })
                    {
                        continue;
                    }
                    self.computations += 1;
                    self.analysis_key = Some((version, lang));
                    self.analysis = Some(analysis);
                    // The gap badges follow now, on the cards whose badges changed
                    // (when the shown cards are those of this very version).
                    let changed: Vec<TouchpointId> =
                        if version == current.0 && self.shown.as_ref() == Some(current) {
                            self.scene
                                .cards
                                .iter()
                                .map(|c| &c.id)
                                .filter(|id| {
                                    self.marks.as_ref().and_then(|m| m.touchpoints.get(*id))
                                        != marks.touchpoints.get(*id)
                                })
                                .cloned()
                                .collect()
                        } else {
                            Vec::new()
                        };
                    self.marks = Some(marks);
                    let options = scene_options(current);
                    for id in &changed {
                        patch_card(
                            &mut self.scene,
                            doc.journey(),
                            &self.layout,
                            self.marks.as_deref(),
                            &options,
                            id,
                        );
                    }
                }
                Reply::Scene {
                    key,
                    layout,
                    scene,
                    note_rects,
                    places,
                } => {
                    if &key != current {
                        continue;
                    }
                    self.computations += 1;
                    self.layout = *layout;
                    self.scene = *scene;
                    self.log_drawn = false;
                    self.note_rects = note_rects;
                    self.places = places;
                    self.layout_key = Some((key.0, key.1));
                    self.scene_key = Some(key.clone());
                    self.shown = Some(key);
                }
                Reply::Lost => {
                    if let Some(w) = &mut self.worker {
                        w.replica = None;
                    }
                    self.requested = None;
                }
            }
        }
    }

    /// Force a recomputation on the next update.
    pub fn invalidate(&mut self) {
        self.layout_key = None;
        self.analysis_key = None;
        self.scene_key = None;
        self.requested = None;
        self.shown = None;
    }
}

// ---------------------------------------------------------------------------
// The background computation

enum Base {
    /// The whole journey (first time, another document, or too far behind).
    Full(Box<Journey>),
    /// The edits that advance the worker's copy to the requested version.
    Edits(Vec<Edit>),
}

struct Request {
    key: SceneKey,
    base: Base,
    config: AnalysisConfig,
}

enum Reply {
    Analysis {
        version: Version,
        lang: Lang,
        analysis: Arc<Analysis>,
        /// Shared with the worker, which draws the map with the same marks.
        marks: Arc<Marks>,
    },
    Scene {
        key: SceneKey,
        layout: Box<Layout>,
        scene: Box<Scene>,
        note_rects: Vec<(NoteId, crate::layout::Rect)>,
        places: BTreeMap<TouchpointId, Place>,
    },
    /// The worker's copy could not follow (an edit failed on it): send the journey.
    Lost,
}

struct Worker {
    requests: Sender<Request>,
    replies: Receiver<Reply>,
    /// How many requests were sent (the worker skips the display list of a request
    /// that a newer one has already superseded).
    sent: Arc<AtomicU64>,
    /// The version the worker's copy will be at once it has read every request sent.
    replica: Option<Version>,
}

impl Worker {
    fn start() -> Option<Worker> {
        let (requests, inbox) = channel::<Request>();
        let (outbox, replies) = channel::<Reply>();
        let sent = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&sent);
        // Ends when the app drops its `Derived` (the request channel closes).
        std::thread::Builder::new()
            .name("touchpoint-derive".into())
            .spawn(move || work(&inbox, &outbox, &seen))
            .ok()?;
        Some(Worker {
            requests,
            replies,
            sent,
            replica: None,
        })
    }

    fn send(&mut self, request: Request) {
        self.sent.fetch_add(1, Ordering::SeqCst);
        if self.requests.send(request).is_err() {
            self.replica = None;
        }
    }
}

fn work(inbox: &Receiver<Request>, outbox: &Sender<Reply>, sent: &AtomicU64) {
    let mut replica: Option<Journey> = None;
    let mut done = 0u64;
    while let Ok(first) = inbox.recv() {
        // Follow every request's changes; compute only for the newest.
        let mut last = None;
        let mut lost = false;
        for request in std::iter::once(first).chain(inbox.try_iter()) {
            done += 1;
            match request.base {
                Base::Full(j) => {
                    replica = Some(*j);
                    lost = false;
                }
                Base::Edits(edits) => match replica.as_mut() {
                    Some(j) if !lost => {
                        for e in edits {
                            if e.apply(j).is_err() {
                                lost = true;
                                break;
                            }
                        }
                    }
                    _ => lost = true,
                },
            }
            last = Some((request.key, request.config));
        }
        if lost {
            replica = None;
            if outbox.send(Reply::Lost).is_err() {
                return;
            }
            continue;
        }
        let (Some(j), Some((key, config))) = (replica.as_ref(), last) else {
            continue;
        };
        // Gap explanations and the map's text in the language of the request.
        crate::i18n::set_current(&key.5);
        let analysis = Arc::new(analyze(j, &config));
        let marks = Arc::new(Marks::from_analysis(&analysis));
        let reply = Reply::Analysis {
            version: key.0,
            lang: key.5.clone(),
            analysis: Arc::clone(&analysis),
            marks: Arc::clone(&marks),
        };
        if outbox.send(reply).is_err() {
            return;
        }
        if sent.load(Ordering::SeqCst) != done {
            // Superseded while analysing: the newer request is already waiting.
            continue;
        }
        // In the analysis' journey order, as the exports lay out (not computed again).
        let layout = layout_in_order(j, &layout_config(key.1), analysis.journey_order.clone());
        let scene = build_scene_with_marks(j, &layout, Some(&marks), &scene_options(&key));
        let labels = super::notes::label_rects(&scene);
        let note_rects = super::notes::place_notes(j, &layout, &labels);
        let places = j
            .touchpoints()
            .map(|t| (t.id.clone(), place_of(t)))
            .collect();
        let reply = Reply::Scene {
            key,
            layout: Box::new(layout),
            scene: Box::new(scene),
            note_rects,
            places,
        };
        if outbox.send(reply).is_err() {
            return;
        }
    }
}
