//! Gap analysis: the figures that show, in numbers, where a journey breaks between
//! departments. Pure functions of a [`Journey`]; no egui, no I/O. The CLI
//! (`touchpoint analyze`, `touchpoint diff`), the canvas overlay and the exported
//! reports all read the same [`Analysis`].
//!
//! # Definitions
//! - **Customer interaction**: a handoff with at least one end owned by a department
//!   of kind Customer.
//! - **Internal handoff**: both ends owned by company departments (kind Internal or
//!   Partner): company <-> company.
//! - **Cross-department handoff**: both ends owned and the owners differ. A handoff
//!   with an unowned end is never cross-department, internal or a customer
//!   interaction unless its other end is the customer; it is counted as
//!   [`HandoffKind::Unowned`] (the missing owner is itself a gap).
//! - **Journey order** ([`journey_order`]): stage order, then a topological order of
//!   the handoff graph ignoring back edges, then id. A **back edge** is a handoff
//!   that goes to a touchpoint at or before its source in journey order (rework).
//! - **Elapsed time** of a path: the handling minutes of its touchpoints plus the
//!   queue (wait) hours of its handoffs, in hours. The **longest path** is the
//!   critical path of the journey without its back edges. The **typical path**
//!   starts at the entry with the highest volume and follows, at each step, the
//!   forward handoff to the successor with the highest volume (ties: journey order).
//! - **Split opinion**: at least 25% of responses score 0-3, at least 25% score 7-10,
//!   and fewer than 30% score 4-6 (with at least 4 responses).
//! - **Watermelon**: at least one metric with a target, every metric with a target on
//!   target, and a mean score at or below 5.0 or at least 50% detractors (0-6).
//! - **Drop**: the mean score falls by at least `drop_points` (default 2) across a
//!   handoff.
//! - **Hot spot**: mean score at or below 6 with a known volume, ranked by
//!   volume x (10 - mean) / 10.
//! - **Funnel**: volumes along the typical path; **conversion** is the volume where
//!   it stops falling (the next step keeps >= 95%) over the volume at the first step
//!   the customer takes.
//! - **Key driver**: with key-driver results saved in the journey, a touchpoint whose
//!   importance is at least the average (1 / number of touchpoints analysed) and
//!   whose mean score is below the average of their means: where fixing moves
//!   overall satisfaction most. High when its importance is at least twice the
//!   average, else medium.
//! - **Dead end**: a touchpoint the customer cannot see (backstage or support) that
//!   receives work and passes it to nobody, before the journey's last stage.

mod completeness;
mod diff;
pub mod fmt;
mod gaps;
mod graph;
mod handoffs;
mod loops;
mod paths;
mod scores;
// Department focus (war-room mode).
pub mod focus;
#[cfg(test)]
mod tests;

pub use diff::{FigureComparison, HandoffChange, JourneyDiff, TouchpointChange, diff};
pub use fmt::{fmt_count, fmt_hours, fmt_score, fmt_share};
pub use loops::rework_handoffs;
pub use scores::{detractors_promoters, is_split};

use crate::model::{DepartmentId, HandoffKey, Journey, StageId, TouchpointId, TrendPoint};
use serde::Serialize;

/// Version of the JSON shape of [`Analysis`] and [`JourneyDiff`]. Bumped on any
/// breaking change (a field removed, renamed or changing meaning); adding fields is
/// not breaking.
pub const SCHEMA_VERSION: u32 = 1;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Thresholds of the analysis. `Default` gives the documented values.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnalysisConfig {
    /// A satisfaction drop is reported when the mean falls by at least this many
    /// points across a handoff.
    pub drop_points: f64,
    /// Watermelon: mean at or below this counts as poor satisfaction...
    pub watermelon_max_mean: f64,
    /// ... and so does a detractor share (0-6) at or above this.
    pub watermelon_min_detractors: f64,
    /// Hot spots: touchpoints with a mean at or below this.
    pub hot_spot_max_mean: f64,
    /// Split opinion: the least number of responses for the rule to apply.
    pub split_min_responses: u64,
    /// A cross-department handoff with at least this queue time (hours) is a gap.
    pub slow_handoff_hours: f64,
    /// A cross-department handoff with at least this failure rate (0-1) is a gap.
    pub lossy_handoff_rate: f64,
    /// A run of silent internal handoffs this long (or longer) is a gap.
    pub silent_run_handoffs: usize,
    /// Paths are listed one by one only when there are at most this many.
    pub max_listed_paths: usize,
    /// Funnel: a step "holds" the volume when the next keeps at least this share.
    pub funnel_hold_share: f64,
    /// Write every gap's explanation (the default). Without, each is empty: for a
    /// drawing, which shows the gaps' kinds and severities but none of their words (a
    /// 1,000-touchpoint map has over 1,300 gaps to put into words: issue 16). Not a
    /// threshold, so not in the JSON.
    #[serde(skip)]
    pub explain: bool,
}

impl Default for AnalysisConfig {
    fn default() -> Self {
        AnalysisConfig {
            drop_points: 2.0,
            watermelon_max_mean: 5.0,
            watermelon_min_detractors: 0.5,
            hot_spot_max_mean: 6.0,
            split_min_responses: 4,
            slow_handoff_hours: 24.0,
            lossy_handoff_rate: 0.10,
            silent_run_handoffs: 3,
            max_listed_paths: 32,
            funnel_hold_share: 0.95,
            explain: true,
        }
    }
}

/// How bad a gap is. Ordered: `Info < Low < Medium < High < Critical`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl Severity {
    /// The severity's name in the current language ("high", "高"); `key()` and
    /// `Display` stay the stable machine names.
    pub fn label(self) -> String {
        crate::i18n::tr(match self {
            Severity::Info => "severity-info",
            Severity::Low => "severity-low",
            Severity::Medium => "severity-medium",
            Severity::High => "severity-high",
            Severity::Critical => "severity-critical",
        })
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        Severity::ALL
            .into_iter()
            .find(|v| v.key() == t)
            .ok_or_else(|| format!("`{s}` is not a severity (info, low, medium, high, critical)"))
    }
}

/// What kind of gap (or flag) this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapKind {
    /// A cross-department handoff with queue time, information loss or a score drop.
    CrossDepartmentHandoff,
    /// Satisfaction falls by `drop_points` or more across a handoff.
    SatisfactionDrop,
    /// Every targeted metric is green while customers score it badly.
    Watermelon,
    /// The score histogram has two populations (a mean that hides both).
    SplitOpinion,
    /// Low score and high volume.
    HotSpot,
    /// The survey trend's mean falls by 1 point or more from its first period to its last.
    GettingWorse,
    /// A cycle of handoffs: the customer comes back, work is redone.
    ReworkLoop,
    /// A long run of internal handoffs during which the customer hears nothing.
    SilentWait,
    /// No department owns the touchpoint.
    NoOwner,
    /// A company touchpoint with no metric that has a target.
    Unmeasured,
    /// No satisfaction score.
    NoScore,
    /// No stage.
    NoStage,
    /// No path from the journey's entries reaches it.
    Unreachable,
    /// A touchpoint with no handoffs in a journey that has several touchpoints.
    Disconnected,
    /// The journey stops here before its last stage.
    DeadEnd,
    /// A department that owns no touchpoint.
    IdleDepartment,
    /// High importance for overall satisfaction and a low score, from the key-driver
    /// analysis saved with the journey (`touchpoint drivers --save`).
    KeyDriver,
}

impl GapKind {
    /// A short human label in the current language ("watermelon", "no owner";
    /// "西瓜（外绿内红）"). JSON uses the serde name, never this.
    pub fn label(self) -> String {
        crate::i18n::tr(self.message_id())
    }

    /// The message id of the label (`gap-kind-watermelon`).
    pub fn message_id(self) -> &'static str {
        match self {
            GapKind::CrossDepartmentHandoff => "gap-kind-cross-department-handoff",
            GapKind::SatisfactionDrop => "gap-kind-satisfaction-drop",
            GapKind::Watermelon => "gap-kind-watermelon",
            GapKind::SplitOpinion => "gap-kind-split-opinion",
            GapKind::HotSpot => "gap-kind-hot-spot",
            GapKind::GettingWorse => "gap-kind-getting-worse",
            GapKind::ReworkLoop => "gap-kind-rework-loop",
            GapKind::SilentWait => "gap-kind-silent-wait",
            GapKind::NoOwner => "gap-kind-no-owner",
            GapKind::Unmeasured => "gap-kind-unmeasured",
            GapKind::NoScore => "gap-kind-no-score",
            GapKind::NoStage => "gap-kind-no-stage",
            GapKind::Unreachable => "gap-kind-unreachable",
            GapKind::Disconnected => "gap-kind-disconnected",
            GapKind::DeadEnd => "gap-kind-dead-end",
            GapKind::IdleDepartment => "gap-kind-idle-department",
            GapKind::KeyDriver => "gap-kind-key-driver",
        }
    }
}

/// A handoff named by its two ends (the JSON form of [`HandoffKey`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct HandoffRef {
    pub from: TouchpointId,
    pub to: TouchpointId,
}

impl HandoffRef {
    pub fn key(&self) -> HandoffKey {
        HandoffKey {
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

impl From<&HandoffKey> for HandoffRef {
    fn from(k: &HandoffKey) -> Self {
        HandoffRef {
            from: k.from.clone(),
            to: k.to.clone(),
        }
    }
}

/// Which parties a handoff connects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HandoffKind {
    /// One end is the customer.
    CustomerInteraction,
    /// Both ends are company departments.
    Internal,
    /// An end has no owner (and the other is not the customer).
    Unowned,
}

/// The headline figures of a journey.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct Headline {
    pub touchpoints: usize,
    pub handoffs: usize,
    pub customer_interactions: usize,
    pub internal_handoffs: usize,
    /// Cross-department handoffs: both ends owned by company departments (internal or
    /// partner) that differ. A customer interaction never is one. The one definition used
    /// by the figures, the gaps, the reports and the drawing.
    pub cross_department_handoffs: usize,
    /// `cross_department_handoffs / handoffs` (0 without handoffs).
    pub cross_department_share: f64,
    /// The same count as `cross_department_handoffs` (every cross-department handoff is
    /// internal); kept so JSON readers of schema 1 keep working.
    pub internal_cross_department_handoffs: usize,
    /// `internal_cross_department_handoffs / internal_handoffs` (0 without any).
    pub internal_cross_department_share: f64,
    pub departments_involved: usize,
    /// Staff handling time of every touchpoint, summed, in hours.
    pub handling_hours: f64,
    /// Queue time of every handoff, summed, in hours.
    pub wait_hours: f64,
    /// End-to-end elapsed time along the longest (critical) path, in hours.
    pub elapsed_hours: f64,
    /// End-to-end elapsed time along the typical path, in hours.
    pub typical_elapsed_hours: f64,
    /// Handoffs along the longest path.
    pub longest_path_handoffs: usize,
    /// Mean of the touchpoints' mean scores (each scored touchpoint counts once).
    pub mean_satisfaction: Option<f64>,
    pub scored_touchpoints: usize,
    pub responses: u64,
    /// Detractors (0-6) among all histogram responses.
    pub detractor_share: Option<f64>,
    pub watermelons: usize,
    pub split_opinions: usize,
    pub drops: usize,
    pub hot_spots: usize,
    pub rework_loops: usize,
    /// Key-driver gaps: high importance, low score (needs saved driver results).
    #[serde(skip_serializing_if = "is_zero")]
    pub key_drivers: usize,
    /// Number of gaps at each severity, `[info, low, medium, high, critical]`.
    pub gaps_by_severity: [usize; 5],
}

/// One cell of the department x department handoff matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct MatrixCell {
    pub handoffs: usize,
    /// Summed queue time of the handoffs, in hours.
    pub wait_hours: f64,
    /// Mean failure rate over the handoffs that have one; `None` when none has.
    pub mean_failure_rate: Option<f64>,
}

/// Handoff counts between departments: rows are the owner of the `from` end,
/// columns the owner of the `to` end.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct HandoffMatrix {
    /// Row and column labels in department order; a last `None` ("no owner") axis
    /// appears when some handoff has an unowned end.
    pub departments: Vec<Option<DepartmentId>>,
    pub names: Vec<String>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<MatrixCell>>,
}

impl HandoffMatrix {
    /// The cell from `from` to `to` (`None` = no owner).
    pub fn cell(
        &self,
        from: Option<&DepartmentId>,
        to: Option<&DepartmentId>,
    ) -> Option<&MatrixCell> {
        let r = self.departments.iter().position(|d| d.as_ref() == from)?;
        let c = self.departments.iter().position(|d| d.as_ref() == to)?;
        self.cells.get(r)?.get(c)
    }
}

/// Figures of one handoff.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HandoffStats {
    pub from: TouchpointId,
    pub to: TouchpointId,
    pub from_owner: Option<DepartmentId>,
    pub to_owner: Option<DepartmentId>,
    pub kind: HandoffKind,
    pub cross_department: bool,
    /// Goes backwards in journey order. Only a back edge inside a cycle closes a rework
    /// loop (see [`Analysis::loops`]); the map draws just those as rework.
    pub back_edge: bool,
    pub wait_hours: Option<f64>,
    pub failure_rate: Option<f64>,
    /// Mean score before and after, when both are known.
    pub score_before: Option<f64>,
    pub score_after: Option<f64>,
    pub flags: Vec<GapKind>,
}

/// A stretch of a path during which the customer hears nothing: consecutive
/// internal handoffs through touchpoints the customer cannot see (backstage or
/// support layer).
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct SilentRun {
    pub handoffs: usize,
    /// Queue time of those handoffs plus handling time of the hidden touchpoints.
    pub hours: f64,
    /// From the last touchpoint the customer saw to the next one.
    pub touchpoints: Vec<TouchpointId>,
}

/// One path through the journey and its figures.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct PathStats {
    pub touchpoints: Vec<TouchpointId>,
    /// Handling plus queue time, in hours.
    pub elapsed_hours: f64,
    pub handling_hours: f64,
    pub wait_hours: f64,
    pub handoffs: usize,
    pub internal_handoffs: usize,
    pub cross_department_handoffs: usize,
    /// Owner changes along the path, skipping unowned touchpoints.
    pub department_changes: usize,
    pub longest_silent_run: SilentRun,
}

/// Paths from the journey's entry touchpoints to its end touchpoints, on the
/// journey without back edges.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct PathSummary {
    /// Touchpoints where paths start (no forward handoff arrives), journey order.
    pub entries: Vec<TouchpointId>,
    /// Touchpoints where paths end (no forward handoff leaves), journey order.
    pub ends: Vec<TouchpointId>,
    /// Number of distinct entry-to-end paths (saturates at `u64::MAX`: see `saturated`).
    pub count: u64,
    /// The real count is larger than `u64::MAX` (about 1.8 x 10^19): `count` is a floor.
    pub saturated: bool,
    /// The critical path: the longest elapsed time.
    pub longest: Option<PathStats>,
    /// The typical path (highest-volume successor at each step).
    pub typical: Option<PathStats>,
    /// Every path, when there are at most `max_listed_paths`; otherwise empty.
    pub listed: Vec<PathStats>,
}

/// Figures of one touchpoint.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TouchpointStats {
    pub id: TouchpointId,
    pub name: String,
    pub owner: Option<DepartmentId>,
    pub stage: Option<StageId>,
    /// Position in journey order (0-based).
    pub order: usize,
    pub mean: Option<f64>,
    pub responses: u64,
    /// Share of responses scoring 0-6 (histograms only).
    pub detractor_share: Option<f64>,
    /// Share of responses scoring 9-10 (histograms only).
    pub promoter_share: Option<f64>,
    pub split_opinion: bool,
    pub metrics_with_target: usize,
    pub metrics_on_target: usize,
    pub volume: Option<u64>,
    pub handling_minutes: Option<f64>,
    pub flags: Vec<GapKind>,
}

/// One point of the emotion curve.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurvePoint {
    pub id: TouchpointId,
    pub mean: Option<f64>,
}

/// A satisfaction drop across a handoff.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreDrop {
    pub from: TouchpointId,
    pub to: TouchpointId,
    pub before: f64,
    pub after: f64,
    /// `before - after` (positive).
    pub points: f64,
    pub cross_department: bool,
}

/// A touchpoint that is green on every targeted metric and red with customers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Watermelon {
    pub id: TouchpointId,
    pub mean: Option<f64>,
    pub detractor_share: Option<f64>,
    /// The metrics that are on target, described ("7 min (target <= 8)").
    pub metrics: Vec<String>,
}

/// A low-score, high-volume touchpoint.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HotSpot {
    pub id: TouchpointId,
    pub mean: f64,
    pub volume: u64,
    /// `volume x (10 - mean) / 10`: dissatisfied customers, roughly.
    pub impact: f64,
}

/// One step of the funnel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FunnelStep {
    pub id: TouchpointId,
    pub volume: u64,
    /// Share lost since the previous step (negative when volume grows).
    pub drop_off: Option<f64>,
    /// `volume / first step's volume`.
    pub from_first: f64,
    /// `volume / base step's volume` (see [`Funnel::base`]); `None` before the base.
    pub from_base: Option<f64>,
}

/// Volumes along the typical path (touchpoints without a volume are skipped).
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct Funnel {
    pub steps: Vec<FunnelStep>,
    /// Where conversion is counted from: the first step the customer takes
    /// (customer-owned or a customer action); the first step when there is none.
    /// An ad seen before that is exposure, not yet a visit.
    pub base: Option<TouchpointId>,
    /// Where the volume stops falling: the first step from the base on whose next
    /// step keeps at least `funnel_hold_share` of its volume; the last step if none.
    pub converted: Option<TouchpointId>,
    /// `volume(converted) / volume(base)`: e.g. orders per store visit.
    pub conversion: Option<f64>,
    /// `volume(last step) / volume(base)`: the share that reaches the end.
    pub completion: Option<f64>,
    /// The step with the largest drop-off.
    pub biggest_drop: Option<TouchpointId>,
}

/// A cycle of handoffs (a strongly connected component, or a self-loop).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReworkLoop {
    /// In journey order.
    pub touchpoints: Vec<TouchpointId>,
    /// The handoffs that go back (close the loop).
    pub back_handoffs: Vec<HandoffRef>,
    pub owners: Vec<DepartmentId>,
    /// Does the customer take part (a customer-owned touchpoint is in the loop)?
    pub involves_customer: bool,
}

/// What is missing from the map.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct Completeness {
    pub no_owner: Vec<TouchpointId>,
    /// Company-owned or unowned touchpoints with no metric that has a target.
    pub unmeasured: Vec<TouchpointId>,
    pub no_score: Vec<TouchpointId>,
    pub no_stage: Vec<TouchpointId>,
    pub unreachable: Vec<TouchpointId>,
    pub disconnected: Vec<TouchpointId>,
    pub dead_ends: Vec<TouchpointId>,
    pub idle_departments: Vec<DepartmentId>,
}

/// A place where the journey breaks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    pub kind: GapKind,
    pub severity: Severity,
    pub touchpoints: Vec<TouchpointId>,
    pub handoffs: Vec<HandoffRef>,
    /// The owners involved: `[from, to]` for a handoff, `[owner]` for a touchpoint,
    /// each distinct owner for a loop; `null` for no owner.
    pub owners: Vec<Option<DepartmentId>>,
    /// One line for a human.
    pub explanation: String,
    /// Ranking weight inside a severity (larger first).
    pub weight: f64,
}

/// Everything the analysis computes. Serialises to the documented JSON (`schema`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub schema: u32,
    pub title: String,
    pub variant: String,
    pub config: AnalysisConfig,
    pub headline: Headline,
    pub matrix: HandoffMatrix,
    /// Every handoff, by (from, to).
    pub handoffs: Vec<HandoffStats>,
    pub paths: PathSummary,
    /// Touchpoint ids in journey order.
    pub journey_order: Vec<TouchpointId>,
    /// Every touchpoint, by id.
    pub touchpoints: Vec<TouchpointStats>,
    pub emotion_curve: Vec<CurvePoint>,
    pub split_opinions: Vec<TouchpointId>,
    pub drops: Vec<ScoreDrop>,
    pub watermelons: Vec<Watermelon>,
    pub hot_spots: Vec<HotSpot>,
    pub funnel: Funnel,
    pub loops: Vec<ReworkLoop>,
    pub completeness: Completeness,
    /// Ranked: severity, then weight, then kind and ids.
    pub gaps: Vec<Gap>,
}

impl Analysis {
    /// Stats of one touchpoint.
    pub fn touchpoint(&self, id: &TouchpointId) -> Option<&TouchpointStats> {
        self.touchpoints
            .binary_search_by(|t| t.id.cmp(id))
            .ok()
            .and_then(|i| self.touchpoints.get(i))
    }

    /// Stats of one handoff.
    pub fn handoff(&self, key: &HandoffKey) -> Option<&HandoffStats> {
        self.handoffs
            .binary_search_by(|h| (&h.from, &h.to).cmp(&(&key.from, &key.to)))
            .ok()
            .and_then(|i| self.handoffs.get(i))
    }

    /// The gap kinds flagged on a touchpoint (empty when none or unknown).
    pub fn touchpoint_flags(&self, id: &TouchpointId) -> &[GapKind] {
        self.touchpoint(id).map_or(&[], |t| t.flags.as_slice())
    }

    /// The gap kinds flagged on a handoff (empty when none or unknown).
    pub fn handoff_flags(&self, key: &HandoffKey) -> &[GapKind] {
        self.handoff(key).map_or(&[], |h| h.flags.as_slice())
    }

    /// The gaps that involve a touchpoint (directly or through a handoff), ranked.
    pub fn gaps_involving<'s>(
        &'s self,
        id: &'s TouchpointId,
    ) -> impl Iterator<Item = &'s Gap> + 's {
        self.gaps.iter().filter(move |g| {
            g.touchpoints.contains(id) || g.handoffs.iter().any(|h| &h.from == id || &h.to == id)
        })
    }

    /// Gaps at or above a severity.
    pub fn gaps_at_least(&self, severity: Severity) -> impl Iterator<Item = &Gap> + '_ {
        self.gaps.iter().filter(move |g| g.severity >= severity)
    }

    /// The worst severity among the gaps.
    pub fn worst(&self) -> Option<Severity> {
        self.gaps.iter().map(|g| g.severity).max()
    }
}

/// Answers needed in both the first and the last period of a trend for a change to count.
pub const TREND_MIN_RESPONSES: u64 = 30;

/// Whether a touchpoint's survey trend gets worse: its mean falls by 1 point or more from
/// the first period to the last, with [`TREND_MIN_RESPONSES`] answers or more in each.
/// Returns (first, last).
pub fn worsening(trend: &[TrendPoint]) -> Option<(&TrendPoint, &TrendPoint)> {
    let (first, last) = (trend.first()?, trend.last()?);
    (trend.len() >= 2
        && first.responses >= TREND_MIN_RESPONSES
        && last.responses >= TREND_MIN_RESPONSES
        && first.mean - last.mean >= 1.0)
        .then_some((first, last))
}

/// Touchpoint ids in journey order: stage order, then topological order of the
/// handoff graph ignoring back edges, then id.
pub fn journey_order(journey: &Journey) -> Vec<TouchpointId> {
    let ctx = graph::Ctx::new(journey);
    ctx.order.iter().map(|&i| ctx.id(i)).collect()
}

/// Analyse a journey.
pub fn analyze(journey: &Journey, config: &AnalysisConfig) -> Analysis {
    let ctx = graph::Ctx::new(journey);
    let mut dense = gaps::Dense::default();
    let mut handoff_part = handoffs::compute(&ctx);
    let paths = paths::compute(&ctx, config);
    let score_part = scores::compute(&ctx, config, &mut handoff_part.headline, &mut dense);
    let loops = loops::compute(&ctx, &mut dense);
    let completeness = completeness::compute(&ctx, &mut dense);
    let mut analysis = Analysis {
        schema: SCHEMA_VERSION,
        title: journey.title().to_owned(),
        variant: journey.meta().variant.clone(),
        config: config.clone(),
        headline: handoff_part.headline,
        matrix: handoff_part.matrix,
        handoffs: handoff_part.handoffs,
        journey_order: ctx.order.iter().map(|&i| ctx.id(i)).collect(),
        paths,
        touchpoints: score_part.touchpoints,
        emotion_curve: score_part.curve,
        split_opinions: score_part.split_opinions,
        drops: score_part.drops,
        watermelons: score_part.watermelons,
        hot_spots: score_part.hot_spots,
        funnel: score_part.funnel,
        loops,
        completeness,
        gaps: Vec::new(),
    };
    gaps::fill(&ctx, config, &mut analysis, &dense);
    analysis
}
