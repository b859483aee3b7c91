//! Every integration test in one binary: one link instead of sixty, a tenth of the disk
//! (each test binary links egui, eframe and the renderers). A new `tests/*.rs` file is
//! listed here; `architecture::every_test_file_is_compiled` fails when one is not.
//! `import_limits.rs` is its own binary: it installs a counting global allocator.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod analysis_cli;
mod analysis_proptest;
mod analysis_samples;
mod architecture;
mod chains;
mod cli_core;
mod cli_textio;
mod drivers_cli;
mod edit_undo;
mod eventlog_cli;
mod eventlog_truth;
mod evidence_format;
mod exit_codes;
mod export_diagram;
mod export_text;
mod external_change;
mod feedback;
mod fuzz_regressions;
mod i18n_cli;
mod i18n_errors;
mod i18n_evidence_cli;
mod i18n_exports;
mod import_csv;
mod import_mermaid;
mod import_props;
mod io_errors;
mod io_sources;
mod limits;
mod load_mutations;
mod mine_sql;
mod raster_limits;
mod readability;
mod readme;
mod recovery_process;
mod report_print;
mod samples;
mod save_atomic;
mod save_failures;
mod save_like_editors;
mod ui_big_edit;
mod ui_canvas;
mod ui_chains;
mod ui_drivers;
mod ui_editing;
mod ui_eventlog;
mod ui_feedback;
mod ui_label_fit;
mod ui_language;
mod ui_open_journey;
mod ui_projector;
mod ui_reliability;
mod ui_safety;
mod ui_small_things;
mod ui_transfer;
mod ui_warroom;
mod ui_workshop;
mod undo_state_machine;
mod window_manager;
