//! The pure core of Touchpoint (model, edits, file format), compiled from the main
//! crate's own source files without the GUI dependencies, so that fuzz builds stay
//! small. Add importers here as `#[path]` modules too.
#![allow(dead_code, unused_imports)]

#[path = "../../src/model/mod.rs"]
pub mod model;

#[path = "../../src/edit.rs"]
pub mod edit;

#[path = "../../src/io/mod.rs"]
pub mod io;
