//! Marks from the analysis: gap [`Badge`]s on cards and handoffs, and the headline
//! figures of the title block ([`Marks`]).

use super::*;
use std::collections::BTreeSet;

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
    /// The handoffs that close a rework loop (the analysis' `loops`): drawn as rework.
    pub rework: BTreeSet<HandoffKey>,
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
        // Collected, not inserted one by one: the analysis lists touchpoints and
        // handoffs in key order, which `collect` builds into a map in one pass.
        let touchpoints = a
            .touchpoints
            .iter()
            .filter_map(|t| {
                let mut badges: Vec<Badge> = t.flags.iter().filter_map(|f| badge_of(*f)).collect();
                badges.sort();
                badges.dedup();
                (!badges.is_empty()).then(|| (t.id.clone(), badges))
            })
            .collect();
        let handoffs = a
            .handoffs
            .iter()
            .filter(|hs| hs.flags.contains(&GapKind::SatisfactionDrop))
            .map(|hs| {
                let key = HandoffKey {
                    from: hs.from.clone(),
                    to: hs.to.clone(),
                };
                (key, vec![Badge::Drop])
            })
            .collect();
        let rework = a
            .loops
            .iter()
            .flat_map(|l| l.back_handoffs.iter().map(|h| h.key()))
            .collect();
        Marks {
            headline,
            touchpoints,
            handoffs,
            rework,
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

/// The tiny mark a card shows when it has a survey trend (two periods or more), drawn
/// as an arrow shape (the app's fonts have no arrow glyphs): getting worse (the
/// analysis' gap: down 1 point or more, 30+ answers at each end), falling, steady or
/// rising between its first and last period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrendMark {
    Worse,
    Falling,
    Steady,
    Rising,
}

/// A change of the mean smaller than this (points on 0-10) is steady.
pub const TREND_STEADY: f64 = 0.5;

impl TrendMark {
    pub const ALL: [TrendMark; 4] = [
        TrendMark::Worse,
        TrendMark::Falling,
        TrendMark::Steady,
        TrendMark::Rising,
    ];

    /// The mark of a trend; `None` with fewer than two periods.
    pub fn of(trend: &[crate::model::TrendPoint]) -> Option<TrendMark> {
        if trend.len() < 2 {
            return None;
        }
        if crate::analysis::worsening(trend).is_some() {
            return Some(TrendMark::Worse);
        }
        let (first, last) = (trend.first()?, trend.last()?);
        let change = last.mean - first.mean;
        Some(if !change.is_finite() || change.abs() < TREND_STEADY {
            TrendMark::Steady
        } else if change < 0.0 {
            TrendMark::Falling
        } else {
            TrendMark::Rising
        })
    }

    /// What the mark means (legend), in the current language.
    pub fn meaning(self) -> String {
        tr(match self {
            TrendMark::Worse => "voice-legend-worse",
            TrendMark::Falling => "voice-legend-falling",
            TrendMark::Steady => "voice-legend-steady",
            TrendMark::Rising => "voice-legend-rising",
        })
    }

    pub fn color(self, p: &Palette) -> Color {
        match self {
            TrendMark::Worse => p.bad,
            TrendMark::Falling => p.warn,
            TrendMark::Steady => p.muted,
            TrendMark::Rising => p.good,
        }
    }

    /// The arrow, `w` wide, centred on `c`: a line ending in an arrow head.
    pub fn item(self, c: (f32, f32), w: f32, p: &Palette) -> Item {
        let (hw, hh) = (w / 2.0, w * 0.3);
        let points = match self {
            TrendMark::Worse | TrendMark::Falling => {
                vec![(c.0 - hw, c.1 - hh), (c.0 + hw, c.1 + hh)]
            }
            TrendMark::Steady => vec![(c.0 - hw, c.1), (c.0 + hw, c.1)],
            TrendMark::Rising => vec![(c.0 - hw, c.1 + hh), (c.0 + hw, c.1 - hh)],
        };
        Item::Line {
            points,
            color: self.color(p),
            width: 1.6,
            dashed: false,
            arrow_end: true,
        }
    }
}

/// A legend row for the trend marks, under the legend `above`, when some card of the
/// journey has a trend; returns the legend's rectangle with it.
pub(super) fn trend_legend(
    out: &mut Vec<Item>,
    journey: &Journey,
    above: Rect,
    p: &Palette,
) -> Rect {
    let present: Vec<TrendMark> = TrendMark::ALL
        .into_iter()
        .filter(|m| {
            journey
                .touchpoints()
                .any(|t| TrendMark::of(&t.trend) == Some(*m))
        })
        .collect();
    if present.is_empty() {
        return above;
    }
    let y = above.bottom() + 6.0;
    let size = 10.0;
    let mut x = 60.0;
    for m in present {
        out.push(m.item((x + 12.0, y), 14.0, p));
        let label = m.meaning();
        let w = text_width(&label, size, false);
        out.push(text(
            (x + 30.0, y),
            label,
            size,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
        x += 30.0 + w + 18.0;
    }
    Rect::new(above.x, above.y, above.w.max(x), above.h + 6.0 + 14.0)
}
