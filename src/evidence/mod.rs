//! Evidence: where a map's numbers come from. Readers of tables of survey answers,
//! their scales, and (beside them) other evidence importers. A library layer beside
//! `import`: no egui, no clap.

pub mod drivers;
pub mod eventlog;
pub mod feedback;
pub mod report;
pub mod respondents;
pub mod scale;
pub mod table;
pub mod text;
pub mod themes;
pub mod whatif;
