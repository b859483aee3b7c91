//! The journey document: pure data and its invariants. No egui, no I/O.

mod feedback;
mod handoff;
mod ids;
mod journey;
mod metric;
mod parts;
pub mod rules;
mod scenario;
mod score;
mod source;
mod touchpoint;

pub use feedback::{CommentTheme, TrendPoint};
pub use handoff::{End, Handoff, HandoffClass, HandoffKey};
pub use ids::{DepartmentId, NoteId, StageId, TouchpointId, fresh_id, is_valid_id, slugify};
pub use journey::{
    Journey, JourneyMeta, ModelError, validate_handoff_values, validate_touchpoint_values,
};
pub use metric::{Better, Metric, fmt_num};
pub use parts::{
    ActionItem, ActionStatus, Anchor, Department, DepartmentKind, Outcome, Rgb, Stage, StickyNote,
};
pub use scenario::{DriverResult, KeyDrivers, Scenario, ScenarioChange};
pub use score::Satisfaction;
pub use source::{Period, Source, SourceKind};
pub use touchpoint::{Channel, Layer, Touchpoint};
