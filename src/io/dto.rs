//! The on-disk shape of `*.journey.ron`, format 1. Kept apart from the model so
//! the file format can evolve (and old formats be migrated) without touching it.

use crate::model::{ActionStatus, Better, Channel, DepartmentKind, Layer, SourceKind};
use serde::{Deserialize, Serialize};

pub const CURRENT_FORMAT: u32 = 1;

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileDto {
    #[serde(default = "current_format")]
    pub format: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub description: String,
    /// The accountable journey owner.
    #[serde(default, skip_serializing_if = "is_default")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub variant: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub outcomes: Vec<OutcomeDto>,
    #[serde(default)]
    pub stages: Vec<StageDto>,
    #[serde(default)]
    pub departments: Vec<DepartmentDto>,
    #[serde(default)]
    pub touchpoints: Vec<TouchpointDto>,
    #[serde(default)]
    pub handoffs: Vec<HandoffDto>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub notes: Vec<NoteDto>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub actions: Vec<ActionDto>,
    /// What-if scenarios, by name.
    #[serde(default, skip_serializing_if = "is_default")]
    pub scenarios: Vec<ScenarioDto>,
    /// The last key-driver analysis (`touchpoint drivers --save`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drivers: Option<KeyDriversDto>,
}

fn current_format() -> u32 {
    CURRENT_FORMAT
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OutcomeDto {
    pub name: String,
    pub value: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub unit: String,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StageDto {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub description: String,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DepartmentDto {
    pub id: String,
    pub name: String,
    /// `#rrggbb`; a colour from the palette when omitted.
    #[serde(default, skip_serializing_if = "is_default")]
    pub color: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: DepartmentKind,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MetricDto {
    pub name: String,
    pub value: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default)]
    pub better: Better,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScoresDto {
    /// Responses per score 0..=10 (exactly 11 counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub histogram: Option<Vec<i64>>,
    /// Mean score, when only a summary is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responses: Option<i64>,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TouchpointDto {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub description: String,
    #[serde(default)]
    pub stage: Option<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub channel: Channel,
    #[serde(default)]
    pub layer: Layer,
    #[serde(default, skip_serializing_if = "is_default")]
    pub metrics: Vec<MetricDto>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<ScoresDto>,
    /// Where `scores` came from; omitted = typed by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores_source: Option<Box<SourceDto>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<u64>,
    /// Where `volume` came from; omitted = typed by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_source: Option<Box<SourceDto>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling_minutes: Option<f64>,
    /// Where `handling_minutes` came from; omitted = typed by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling_source: Option<Box<SourceDto>>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub pains: Vec<String>,
    /// Themes of the customers' comments (`touchpoint feedback`), most commented first.
    #[serde(default, skip_serializing_if = "is_default")]
    pub themes: Vec<ThemeDto>,
    /// Mean score and responses per period, oldest first.
    #[serde(default, skip_serializing_if = "is_default")]
    pub trend: Vec<TrendDto>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<i32>,
}

/// A theme of comments: `(terms: ["late", "technician"], count: 120, detractors: 100,
/// promoters: 3, quotes: ["..."])`.
#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ThemeDto {
    pub terms: Vec<String>,
    pub count: u64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub detractors: u64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub promoters: u64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub quotes: Vec<String>,
}

/// One period of a trend: `(period: "2026-03", mean: 6.4, responses: 212)`.
#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TrendDto {
    pub period: String,
    pub mean: f64,
    pub responses: u64,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HandoffDto {
    pub from: String,
    pub to: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_hours: Option<f64>,
    /// The 90th percentile of the queue time (hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_hours_p90: Option<f64>,
    /// Where `wait_hours` and `wait_hours_p90` came from; omitted = typed by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_source: Option<Box<SourceDto>>,
    /// Cases or transitions taking this handoff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<u64>,
    /// Where `volume` came from; omitted = typed by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_source: Option<Box<SourceDto>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub notes: String,
}

/// Where a figure came from: `(kind: Log, file: Some("tickets.csv"),
/// period: Some((from: "2026-01-01", to: "2026-03-31")), count: Some(12400))`.
#[derive(Serialize, Deserialize, Debug, Default, PartialEq, Clone)]
#[serde(deny_unknown_fields)]
pub struct SourceDto {
    #[serde(default)]
    pub kind: SourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodDto>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// A period as two ISO dates, inclusive.
#[derive(Serialize, Deserialize, Debug, Default, PartialEq, Clone)]
#[serde(deny_unknown_fields)]
pub struct PeriodDto {
    pub from: String,
    pub to: String,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq, Clone)]
pub enum AnchorDto {
    #[default]
    Journey,
    Touchpoint(String),
    Handoff(String, String),
    Cell(String, String),
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NoteDto {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub author: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub color: String,
    #[serde(default)]
    pub on: AnchorDto,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ActionDto {
    pub id: String,
    pub what: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub due: String,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub on: AnchorDto,
}

/// One change of a scenario.
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
pub enum ChangeDto {
    AddScore {
        touchpoint: String,
        points: f64,
    },
    SetScore {
        touchpoint: String,
        mean: f64,
    },
    CutWait {
        from: String,
        to: String,
        percent: f64,
    },
    RemoveHandoff {
        from: String,
        to: String,
    },
    Merge {
        into: String,
        from: String,
    },
    SetHandling {
        touchpoint: String,
        minutes: f64,
    },
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScenarioDto {
    pub name: String,
    #[serde(default)]
    pub changes: Vec<ChangeDto>,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DriverDto {
    pub touchpoint: String,
    pub importance: f64,
    pub mean: f64,
    #[serde(default)]
    pub coefficient: f64,
}

#[derive(Serialize, Deserialize, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KeyDriversDto {
    #[serde(default, skip_serializing_if = "is_default")]
    pub source: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub column: String,
    #[serde(default)]
    pub respondents: u64,
    #[serde(default)]
    pub r2: f64,
    #[serde(default)]
    pub touchpoints: Vec<DriverDto>,
}
