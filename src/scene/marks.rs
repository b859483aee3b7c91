//! Marks from the analysis: gap [`Badge`]s on cards and handoffs, and the headline
//! figures of the title block ([`Marks`]).

use super::*;

/// A gap marker drawn as a small pill on a card or a handoff.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Badge {
    /// Operational metrics all on target, customers unhappy.
    Watermelon,
    /// A bimodal histogram whose mean hides two populations.
    Split,
    /// Low score on a high-volume touchpoint.
    HighVolumeLowScore,
    /// Satisfaction drops across this handoff.
    Drop,
    NoOwner,
    NoMetric,
    NoScore,
    /// Part of a rework loop.
    Rework,
}

impl Badge {
    /// The id of the badge in the message files (`map-badge-…`).
    pub fn key(&self) -> &'static str {
        match self {
            Badge::Watermelon => "watermelon",
            Badge::Split => "split",
            Badge::Drop => "drop",
            Badge::NoOwner => "no-owner",
            Badge::NoMetric => "no-metric",
            Badge::NoScore => "no-score",
            Badge::Rework => "rework",
            Badge::HighVolumeLowScore => "high-volume",
        }
    }

    /// The pill text in the current language ("WATERMELON", "西瓜").
    pub fn label(&self) -> String {
        f::word(match self {
            Badge::Watermelon => "map-badge-watermelon",
            Badge::Split => "map-badge-split",
            Badge::Drop => "map-badge-drop",
            Badge::NoOwner => "map-badge-no-owner",
            Badge::NoMetric => "map-badge-no-metric",
            Badge::NoScore => "map-badge-no-score",
            Badge::Rework => "map-badge-rework",
            Badge::HighVolumeLowScore => "map-badge-high-volume",
        })
    }

    /// What the badge means (legend, reports), in the current language.
    pub fn meaning(&self) -> String {
        f::word(&format!("map-badge-{}-meaning", self.key()))
    }

    pub(super) fn color(&self, p: &Palette) -> Color {
        match self {
            Badge::Watermelon | Badge::Drop | Badge::HighVolumeLowScore => p.bad,
            Badge::Split => p.warn,
            Badge::Rework => p.rework,
            Badge::NoOwner | Badge::NoMetric | Badge::NoScore => p.muted,
        }
    }
}

/// The analysis results the scene shows: gap badges and the headline figures of the
/// title block. Built from the analysis (or by hand in tests); all optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// (label, value) pairs for the title block, e.g. ("touchpoints", "19"), in the
    /// language current when they were made.
    pub headline: Vec<(String, String)>,
    pub touchpoints: BTreeMap<TouchpointId, Vec<Badge>>,
    pub handoffs: BTreeMap<HandoffKey, Vec<Badge>>,
}

impl Marks {
    /// The badges and headline figures of an analysis.
    pub fn from_analysis(a: &Analysis) -> Marks {
        let h = &a.headline;
        let mut headline = vec![
            (tr("map-figure-touchpoints"), h.touchpoints.to_string()),
            (
                tr("map-figure-internal-handoffs"),
                h.internal_handoffs.to_string(),
            ),
            (
                tr("map-figure-cross-department-handoffs"),
                h.cross_department_handoffs.to_string(),
            ),
            (tr("map-figure-elapsed-time"), f::hours(h.elapsed_hours)),
        ];
        if let Some(m) = h.mean_satisfaction {
            headline.push((tr("map-figure-mean-satisfaction"), f::score(m)));
        }
        let gaps = h.gaps_by_severity[3] + h.gaps_by_severity[4];
        headline.push((tr("map-figure-high-gaps"), gaps.to_string()));
        let mut touchpoints = BTreeMap::new();
        for t in &a.touchpoints {
            let mut badges: Vec<Badge> = t.flags.iter().filter_map(|f| badge_of(*f)).collect();
            badges.sort();
            badges.dedup();
            if !badges.is_empty() {
                touchpoints.insert(t.id.clone(), badges);
            }
        }
        let mut handoffs = BTreeMap::new();
        for hs in &a.handoffs {
            if hs.flags.contains(&GapKind::SatisfactionDrop) {
                handoffs.insert(
                    HandoffKey {
                        from: hs.from.clone(),
                        to: hs.to.clone(),
                    },
                    vec![Badge::Drop],
                );
            }
        }
        Marks {
            headline,
            touchpoints,
            handoffs,
        }
    }
}

/// The card badge of a touchpoint flag (drops and loops are drawn on the handoffs).
pub(super) fn badge_of(kind: GapKind) -> Option<Badge> {
    Some(match kind {
        GapKind::Watermelon => Badge::Watermelon,
        GapKind::SplitOpinion => Badge::Split,
        GapKind::HotSpot => Badge::HighVolumeLowScore,
        GapKind::NoOwner => Badge::NoOwner,
        GapKind::Unmeasured => Badge::NoMetric,
        GapKind::NoScore => Badge::NoScore,
        _ => return None,
    })
}
