//! Touchpoint: customer-journey mapping across departments.
//!
//! A small pure core (`model`, `edit`, `history`, `io`, `analysis`, `layout`,
//! `export`, `import`) and a thin egui shell (`ui`). See ARCHITECTURE.md.

// Library code reports failures; it never unwraps or expects (tests may): the
// `[lints.clippy]` table of Cargo.toml denies `unwrap_used` and `expect_used`.

pub mod analysis;
pub mod cli;
pub mod dialect;
pub mod edit;
pub mod editing;
pub mod evidence;
pub mod exiting;
pub mod export;
pub mod generate;
pub mod history;
pub mod i18n;
pub mod import;
pub mod io;
pub mod layout;
pub mod model;
pub mod portfolio;
pub mod progress;
pub mod recovery;
pub mod report;
pub mod samples;
pub mod scene;
#[cfg(feature = "gui")]
pub mod ui;
pub mod workshop;
