//! The number and duration formats of the gap explanations and the reports: the one
//! formatting module, [`crate::i18n::format`], under the names the analysis uses.

pub use crate::i18n::format::{
    count as fmt_count, hours as fmt_hours, one_decimal, score as fmt_score, share as fmt_share,
};
