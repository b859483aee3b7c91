//! Journey <-> file DTO, and the validation of a parsed file. Validation collects
//! every problem with the path of the value it concerns; `super::load_str` turns
//! paths into `line:column`. validate.rs checks a parsed file, from_dto.rs builds the
//! journey, to_dto.rs writes it back in canonical order.

mod from_dto;
mod to_dto;
mod validate;

pub use from_dto::journey_from_dto;
pub use to_dto::{dto_from_journey, handoff_dto, touchpoint_dto};
pub(super) use validate::newer_format;
pub use validate::validate;

/// Longest string accepted in any text field (bytes).
pub const MAX_TEXT: usize = 64 * 1024;
/// Most touchpoints in one journey.
pub const MAX_TOUCHPOINTS: usize = 200_000;
/// Most handoffs in one journey.
pub const MAX_HANDOFFS: usize = 1_000_000;
/// Most stages, departments, notes or actions.
pub const MAX_PARTS: usize = 10_000;
/// Most metrics or pain points on one touchpoint, and outcomes of one journey.
pub const MAX_ITEMS: usize = 1_000;

/// A problem found in a parsed file: the path of the value and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct PathProblem {
    pub path: String,
    pub message: String,
}
