//! Exports: the display list shared with the canvas, and the diagram writers.

pub mod fonts;
pub mod pdf;
pub mod raster;
pub mod report;
pub mod scene;
pub mod svg;
