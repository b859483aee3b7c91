//! The smaller parts of a journey: stages, departments, colours, outcomes,
//! sticky notes and improvement actions.

use super::handoff::HandoffKey;
use super::ids::{DepartmentId, NoteId, StageId, TouchpointId};

/// A phase of the journey: a column on the map.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    pub description: String,
}

impl Stage {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Stage {
            id: StageId::new(id),
            name: name.into(),
            description: String::new(),
        }
    }
}

/// What kind of party a department is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, Hash,
)]
pub enum DepartmentKind {
    /// A part of the company.
    #[default]
    Internal,
    /// The customer's own lane (customer actions).
    Customer,
    /// An external partner, e.g. an outsourced courier.
    Partner,
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parse `#rrggbb` (or `rrggbb`).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// A pleasant distinct colour for the n-th department (Tableau 10).
    pub fn palette(n: usize) -> Rgb {
        const P: [Rgb; 10] = [
            Rgb(0x4e, 0x79, 0xa7),
            Rgb(0xf2, 0x8e, 0x2b),
            Rgb(0xe1, 0x57, 0x59),
            Rgb(0x76, 0xb7, 0xb2),
            Rgb(0x59, 0xa1, 0x4f),
            Rgb(0xed, 0xc9, 0x48),
            Rgb(0xb0, 0x7a, 0xa1),
            Rgb(0xff, 0x9d, 0xa7),
            Rgb(0x9c, 0x75, 0x5f),
            Rgb(0xba, 0xb0, 0xac),
        ];
        P[n % P.len()]
    }
}

/// The department accountable for touchpoints: a swimlane.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
    pub color: Rgb,
    pub kind: DepartmentKind,
}

impl Department {
    pub fn new(id: impl Into<String>, name: impl Into<String>, color: Rgb) -> Self {
        Department {
            id: DepartmentId::new(id),
            name: name.into(),
            color,
            kind: DepartmentKind::Internal,
        }
    }
}

/// A journey-level outcome: "did not renew after moving: 40 %".
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Outcome {
    pub name: String,
    pub value: f64,
    pub unit: String,
}

/// What a sticky note or an action is attached to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Anchor {
    /// The journey as a whole (an empty spot of the canvas without a cell).
    #[default]
    Journey,
    Touchpoint(TouchpointId),
    Handoff(HandoffKey),
    /// An empty cell of the grid.
    Cell(StageId, DepartmentId),
}

/// A sticky note added during a workshop.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StickyNote {
    pub id: NoteId,
    pub text: String,
    /// Who said it: a person or a department.
    pub author: String,
    pub color: Rgb,
    pub anchor: Anchor,
}

/// Status of an improvement action.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
        }
    }
}

/// An improvement action recorded in the war room.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ActionItem {
    pub id: NoteId,
    pub what: String,
    /// Who does it (free text: a person or a department name).
    pub owner: String,
    /// Due date as `YYYY-MM-DD`, empty when none.
    pub due: String,
    pub status: ActionStatus,
    pub anchor: Anchor,
}
