//! Durable string ids. They are what files, clipboards and undo history refer to;
//! petgraph's `NodeIndex` never leaves [`crate::model::Journey`].

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

string_id!(
    /// Id of a touchpoint, e.g. `"final-read"`.
    TouchpointId
);
string_id!(
    /// Id of a stage (a column), e.g. `"stop-old"`.
    StageId
);
string_id!(
    /// Id of a department (a swimlane), e.g. `"billing"`.
    DepartmentId
);
string_id!(
    /// Id of a sticky note or an improvement action.
    NoteId
);

/// Is `id` acceptable as a durable id: non-empty, at most 128 bytes, only
/// ASCII letters, digits, `-`, `_` and `.`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Turn a free text (a name) into an id-shaped slug: `"Final meter read"` -> `"final-meter-read"`.
/// Non-ASCII text (e.g. Chinese names) gives `fallback`.
pub fn slugify(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
        if out.len() >= 48 {
            break;
        }
    }
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// A fresh id `base`, `base-2`, `base-3`, ... that `taken` does not contain.
pub fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    let mut n = 2u64;
    loop {
        let candidate = format!("{base}-{n}");
        if !taken(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_fresh_ids() {
        assert_eq!(slugify("Final meter read", "tp"), "final-meter-read");
        assert_eq!(slugify("  Stop / old  ", "tp"), "stop-old");
        assert_eq!(slugify("售后服务", "tp"), "tp");
        assert_eq!(fresh_id("a", |s| s == "a" || s == "a-2"), "a-3");
        assert!(is_valid_id("tp-final_read.2"));
        assert!(!is_valid_id("has space"));
        assert!(!is_valid_id(""));
    }
}
