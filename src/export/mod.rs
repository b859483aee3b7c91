//! Exports: the display list shared with the canvas, and the diagram writers.

pub mod scene;
