//! File dialects that Touchpoint both writes and reads, in one place so that an export
//! always imports back: `csv` (the touchpoint table: metric columns, numbers, the
//! anti-formula prefix) and `mermaid` (the `journey` diagram). Layer 1: pure text
//! rules, no I/O.

pub mod csv;
pub mod mermaid;
