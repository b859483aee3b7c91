//! Cell values: counts and rates.

use crate::dialect::csv::parse_number;

/// A count: `12400` (or `12400.0`, as spreadsheets write it).
pub(super) fn parse_count(text: &str) -> Option<u64> {
    let t = text.trim();
    if let Ok(n) = t.parse::<u64>() {
        return Some(n);
    }
    let v = parse_number(t)?;
    (v >= 0.0 && v.fract() == 0.0 && v <= 9_007_199_254_740_992.0).then_some(v as u64)
}

/// A share 0..=1: `0.12` or `12%`.
pub(super) fn parse_rate(text: &str) -> Option<f64> {
    let t = text.trim();
    match t.strip_suffix('%') {
        Some(p) => parse_number(p).map(|v| v / 100.0),
        None => parse_number(t),
    }
}
