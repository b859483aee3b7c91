//! Everything computed from the document: recomputed once per document revision
//! (and lane mode), never per frame.

use crate::history::Document;
use crate::layout::{LaneMode, Layout, LayoutConfig, layout};

#[derive(Default)]
pub struct Derived {
    key: Option<(u64, LaneMode)>,
    /// How many times the derived data was recomputed (tests check it is not per frame).
    pub computations: u64,
    pub layout: Layout,
}

impl Derived {
    /// Recompute when the document or the lane mode changed since last time.
    pub fn update(&mut self, doc: &Document, mode: LaneMode) {
        let key = (doc.revision(), mode);
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.computations += 1;
        let config = LayoutConfig {
            mode,
            ..LayoutConfig::default()
        };
        self.layout = layout(doc.journey(), &config);
    }

    /// Force a recomputation on the next update (e.g. after a document was replaced).
    pub fn invalidate(&mut self) {
        self.key = None;
    }
}
