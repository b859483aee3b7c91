//! Where a figure came from: typed by hand, a survey, or an event log, with the file
//! it was taken from, the period it covers and how many cases or responses it counts.

use serde::{Deserialize, Serialize};

/// The kind of evidence behind a figure.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum SourceKind {
    /// Typed by hand (what people believe); the default.
    #[default]
    Typed,
    /// Measured from survey responses.
    Survey,
    /// Measured from an event log (process mining).
    Log,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Typed => "typed",
            SourceKind::Survey => "survey",
            SourceKind::Log => "log",
        }
    }

    /// Whether the figure was measured from data rather than typed.
    pub fn is_measured(self) -> bool {
        !matches!(self, SourceKind::Typed)
    }
}

/// The period a measured figure covers, as ISO dates (`2026-01-31`), inclusive.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Period {
    pub from: String,
    pub to: String,
}

/// Where one figure came from. The default is "typed, nothing else known".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Source {
    pub kind: SourceKind,
    /// The file it was measured from (a name as given, not necessarily a path that exists).
    pub file: Option<String>,
    pub period: Option<Period>,
    /// Cases (log) or responses (survey) behind the figure.
    pub count: Option<u64>,
}

impl Source {
    /// A figure measured from an event log.
    pub fn log(file: Option<String>, period: Option<Period>, count: Option<u64>) -> Source {
        Source {
            kind: SourceKind::Log,
            file,
            period,
            count,
        }
    }

    /// Typed by hand with nothing else known (what an omitted source means in a file).
    pub fn is_typed(&self) -> bool {
        *self == Source::default()
    }

    /// "log, 2026-01-01 to 2026-03-31, 12400 cases" (for tooltips and reports).
    /// In the current language.
    pub fn describe(&self) -> String {
        use crate::i18n::{tr, tr_args};
        let kind = match self.kind {
            SourceKind::Typed => "source-typed",
            SourceKind::Survey => "source-survey",
            SourceKind::Log => "source-log",
        };
        let mut parts = vec![tr(kind)];
        if let Some(f) = &self.file {
            parts.push(f.clone());
        }
        if let Some(p) = &self.period {
            parts.push(tr_args(
                "source-period",
                &[("from", (&p.from).into()), ("to", (&p.to).into())],
            ));
        }
        if let Some(n) = self.count {
            let what = match self.kind {
                SourceKind::Survey => "source-responses",
                _ => "source-cases",
            };
            parts.push(tr_args(what, &[("count", n.to_string().into())]));
        }
        parts.join(&tr("source-sep"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_typed_and_describe_lists_what_is_known() {
        assert!(Source::default().is_typed());
        assert!(!SourceKind::Typed.is_measured());
        let s = Source::log(
            Some("tickets.csv".into()),
            Some(Period {
                from: "2026-01-01".into(),
                to: "2026-03-31".into(),
            }),
            Some(12_400),
        );
        assert!(!s.is_typed());
        assert!(s.kind.is_measured());
        assert_eq!(
            s.describe(),
            "log, tickets.csv, 2026-01-01 to 2026-03-31, 12400 cases"
        );
    }
}
