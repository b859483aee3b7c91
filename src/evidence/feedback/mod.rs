//! Survey answers and comments per touchpoint: histograms, means, NPS, themes and trends.
//!
//! One row per answer: touchpoint (id or name, case-insensitive), score, comment; optionally
//! date, channel, segment and respondent. Rows are streamed; what is kept per answer is its
//! touchpoint, score, date and words (plus the comment text, cut at [`MAX_KEPT_COMMENT`]
//! bytes, for quotes). Every row that cannot be used is reported with its `file:line`.

mod read;

pub use read::{read_feedback, read_feedback_with};

use super::scale::{Answer, Scale, ScaleDetector, ScoreError, parse_answer};
use super::table::{ColumnRef, Date, Field, Row, TableReader, find_header};
use super::text;
use super::themes::{Doc, FoundTheme, Vocabulary, find_themes};
use crate::import::ImportProblem;
use crate::model::{
    CommentTheme, Journey, Period, Satisfaction, Source, SourceKind, Touchpoint, TouchpointId,
    TrendPoint, slugify,
};
use crate::progress::{Cancelled, Progress, Unattended, step};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The fields of an answers table, in this order (see [`FIELDS`]).
pub const F_TOUCHPOINT: usize = 0;
pub const F_SCORE: usize = 1;
pub const F_COMMENT: usize = 2;
pub const F_DATE: usize = 3;
pub const F_CHANNEL: usize = 4;
pub const F_SEGMENT: usize = 5;
pub const F_RESPONDENT: usize = 6;

/// Column names (normalised) for each field, in order of preference.
pub const FIELDS: [Field; 7] = [
    Field {
        key: "touchpoint",
        synonyms: &[
            "touchpoint",
            "touchpoint_id",
            "touchpoint_name",
            "step",
            "interaction",
            "moment",
            "id",
            "name",
            "触点",
            "环节",
        ],
        required: true,
    },
    Field {
        key: "score",
        synonyms: &[
            "score",
            "rating",
            "csat",
            "nps",
            "ltr",
            "satisfaction",
            "likelihood_to_recommend",
            "stars",
            "评分",
            "分数",
            "满意度",
        ],
        required: true,
    },
    Field {
        key: "comment",
        synonyms: &[
            "comment", "comments", "verbatim", "feedback", "text", "answer", "remarks", "评论",
            "评价", "意见",
        ],
        required: false,
    },
    Field {
        key: "date",
        synonyms: &[
            "date",
            "submitted",
            "submitted_at",
            "submission_date",
            "response_date",
            "created",
            "created_at",
            "timestamp",
            "time",
            "日期",
            "时间",
        ],
        required: false,
    },
    Field {
        key: "channel",
        synonyms: &["channel", "medium", "source", "渠道"],
        required: false,
    },
    Field {
        key: "segment",
        synonyms: &["segment", "customer_segment", "group", "细分"],
        required: false,
    },
    Field {
        key: "respondent",
        synonyms: &[
            "respondent",
            "respondent_id",
            "customer",
            "customer_id",
            "response_id",
            "客户",
        ],
        required: false,
    },
];

/// Longest comment text kept for quotes (bytes; cut at a character boundary).
pub const MAX_KEPT_COMMENT: usize = 600;
/// Most problems listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 200;
/// Themes kept per touchpoint.
pub const MAX_THEMES: usize = 6;

/// How answers are grouped in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum PeriodKind {
    /// ISO weeks: `2026-W05`.
    Week,
    /// Calendar months: `2026-03`.
    #[default]
    Month,
    /// Quarters: `2026-Q1`.
    Quarter,
}

impl PeriodKind {
    pub fn parse(text: &str) -> Option<PeriodKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "week" | "weeks" | "weekly" | "w" => Some(PeriodKind::Week),
            "month" | "months" | "monthly" | "m" => Some(PeriodKind::Month),
            "quarter" | "quarters" | "quarterly" | "q" => Some(PeriodKind::Quarter),
            _ => None,
        }
    }

    /// A sortable number for the period holding `d`.
    fn key(self, d: Date) -> i64 {
        match self {
            PeriodKind::Week => {
                let (y, w) = d.iso_week();
                i64::from(y) * 100 + i64::from(w)
            }
            PeriodKind::Month => i64::from(d.year) * 100 + i64::from(d.month),
            PeriodKind::Quarter => i64::from(d.year) * 10 + i64::from((d.month - 1) / 3 + 1),
        }
    }

    /// The label of a key from [`PeriodKind::key`].
    fn label(self, key: i64) -> String {
        match self {
            PeriodKind::Week => format!("{:04}-W{:02}", key / 100, key % 100),
            PeriodKind::Month => format!("{:04}-{:02}", key / 100, key % 100),
            PeriodKind::Quarter => format!("{:04}-Q{}", key / 10, key % 10),
        }
    }
}

/// Whether the answers replace a touchpoint's typed histogram or are added to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Mode {
    #[default]
    Replace,
    Merge,
}

/// A rule that gives a touchpoint to a row without one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Keywords (lower-case); any one found in the comment matches.
    pub keywords: Vec<String>,
    /// A channel (lower-case); matches the row's channel cell.
    pub channel: Option<String>,
    pub touchpoint: TouchpointId,
    /// The rule's line in its file.
    pub line: usize,
}

/// Read a rules file: one rule a line, `KEYWORD[, KEYWORD...] -> TOUCHPOINT` or
/// `channel: NAME -> TOUCHPOINT` (id or name); `#` starts a comment; first match wins.
pub fn parse_rules(name: &str, text: &str, journey: &Journey) -> (Vec<Rule>, Vec<ImportProblem>) {
    let matcher = Matcher::new(journey);
    let mut rules = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.split('#').next().unwrap_or_default().trim();
        if l.is_empty() {
            continue;
        }
        let Some((left, right)) = l.rsplit_once("->") else {
            problems.push(ImportProblem {
                file: name.to_owned(),
                line: Some(line),
                message:
                    "a rule is `keyword, keyword -> touchpoint` or `channel: Phone -> touchpoint`"
                        .into(),
            });
            continue;
        };
        let Some(tp) = matcher.find_slow(right.trim()) else {
            problems.push(ImportProblem {
                file: name.to_owned(),
                line: Some(line),
                message: format!("there is no touchpoint {:?}; rule ignored", right.trim()),
            });
            continue;
        };
        let left = left.trim();
        let (keywords, channel) = match left.get(..8).filter(|p| p.eq_ignore_ascii_case("channel:"))
        {
            Some(_) => (
                Vec::new(),
                Some(left.get(8..).unwrap_or_default().trim().to_lowercase()),
            ),
            None => (
                left.split(',')
                    .map(|k| k.trim().to_lowercase())
                    .filter(|k| !k.is_empty())
                    .collect(),
                None,
            ),
        };
        if keywords.is_empty() && channel.as_deref().is_none_or(str::is_empty) {
            problems.push(ImportProblem {
                file: name.to_owned(),
                line: Some(line),
                message: "the rule has no keyword or channel; ignored".into(),
            });
            continue;
        }
        rules.push(Rule {
            keywords,
            channel,
            touchpoint: matcher.id(tp).clone(),
            line,
        });
    }
    (rules, problems)
}

/// What `read_feedback` is told.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The answers' scale; detected per file when `None`.
    pub scale: Option<Scale>,
    pub period: PeriodKind,
    /// Columns named explicitly: (field index, column).
    pub columns: Vec<(usize, ColumnRef)>,
    pub rules: Vec<Rule>,
}

/// A row whose touchpoint is not in the journey (or that has none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmatched {
    pub file: String,
    pub line: usize,
    /// The value that did not match (empty when the row has none).
    pub touchpoint: String,
}

/// One input's scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileScale {
    pub file: String,
    pub scale: Scale,
    /// Detected from the values (not given).
    pub detected: bool,
}

/// What the answers say about one touchpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointFeedback {
    pub id: TouchpointId,
    pub name: String,
    /// Usable answers (with a score on the scale).
    pub responses: u64,
    /// Mean on 0-10, from the answers themselves.
    pub mean: f64,
    /// Responses per 0-10 point. Exact when every answer was on 0-10 (`exact`); otherwise
    /// answers mapped onto 0-10 are rounded half up to a point (and the mean does not come
    /// from this histogram).
    pub histogram: [u64; 11],
    pub exact: bool,
    /// Net promoter score (promoters 9-10 minus detractors 0-6, in % of answers); only when
    /// every answer was on 0-10.
    pub nps: Option<f64>,
    /// Comments (non-empty) given with the answers.
    pub comments: u64,
    pub themes: Vec<FoundTheme>,
    /// Mean and responses per period (answers with a readable date), oldest first.
    pub trend: Vec<TrendPoint>,
    /// The first and last date of its answers.
    pub period: Option<(Date, Date)>,
    /// The inputs its answers came from, in input order.
    pub files: Vec<String>,
    /// The satisfaction before (as typed in the journey).
    pub old: Option<Satisfaction>,
}

impl TouchpointFeedback {
    /// The satisfaction these answers give on their own.
    pub fn satisfaction(&self) -> Satisfaction {
        if self.exact {
            Satisfaction::Histogram(self.histogram.map(|c| u32::try_from(c).unwrap_or(u32::MAX)))
        } else {
            Satisfaction::Summary {
                mean: self.mean,
                responses: u32::try_from(self.responses).unwrap_or(u32::MAX),
            }
        }
    }

    /// The satisfaction after `mode`: the answers alone, or added to the typed one.
    pub fn merged(&self, mode: Mode) -> Satisfaction {
        self.merged_onto(mode, self.old.as_ref())
    }

    /// The satisfaction after `mode` onto `old` (the touchpoint's score now).
    pub fn merged_onto(&self, mode: Mode, old: Option<&Satisfaction>) -> Satisfaction {
        let new = self.satisfaction();
        match (mode, old) {
            (Mode::Replace, _) | (Mode::Merge, None) => new,
            (Mode::Merge, Some(Satisfaction::Histogram(old))) if self.exact => {
                let mut h = *old;
                for (a, b) in h.iter_mut().zip(self.histogram) {
                    *a = a.saturating_add(u32::try_from(b).unwrap_or(u32::MAX));
                }
                Satisfaction::Histogram(h)
            }
            (Mode::Merge, Some(old)) => {
                let (on, nn) = (old.responses() as f64, self.responses as f64);
                let om = old.mean().unwrap_or(0.0);
                let total = on + nn;
                let mean = if total > 0.0 {
                    (om * on + self.mean * nn) / total
                } else {
                    self.mean
                };
                Satisfaction::Summary {
                    mean,
                    responses: u32::try_from(old.responses() + self.responses).unwrap_or(u32::MAX),
                }
            }
        }
    }

    /// The model's themes.
    pub fn model_themes(&self) -> Vec<CommentTheme> {
        self.themes
            .iter()
            .map(|t| CommentTheme {
                terms: t.terms.clone(),
                count: t.count,
                detractors: t.detractors,
                promoters: t.promoters,
                quotes: t.quotes.clone(),
            })
            .collect()
    }
}

/// Everything read from the inputs.
#[derive(Clone, Debug, Default)]
pub struct Feedback {
    /// Data rows read (below the header rows).
    pub rows: u64,
    /// Rows matched to a touchpoint.
    pub matched: u64,
    /// Every row not matched to a touchpoint, in input order.
    pub unmatched: Vec<Unmatched>,
    /// Other problems (scores, dates, encodings, headers), at most [`MAX_PROBLEMS`].
    pub problems: Vec<ImportProblem>,
    /// Problems not listed.
    pub more_problems: usize,
    pub scales: Vec<FileScale>,
    /// Touchpoints with at least one usable answer or comment, in the journey's id order.
    pub touchpoints: Vec<TouchpointFeedback>,
}

impl Feedback {
    /// Usable answers in all.
    pub fn responses(&self) -> u64 {
        self.touchpoints.iter().map(|t| t.responses).sum()
    }

    fn problem(&mut self, p: ImportProblem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(p);
        } else {
            self.more_problems += 1;
        }
    }

    /// Apply to a journey: each touchpoint's satisfaction (by `mode`), themes, trend and the
    /// source of its score. Returns the touchpoints changed.
    pub fn apply(&self, journey: &mut Journey, mode: Mode) -> usize {
        let mut changed = 0;
        for tp in self.updated_touchpoints(journey, mode) {
            if journey.update_touchpoint(tp).is_ok() {
                changed += 1;
            }
        }
        changed
    }

    /// The touchpoints of `journey` as [`Feedback::apply`] leaves them (merging onto
    /// their scores as they are now), only those that change; the app applies them as
    /// one undoable edit.
    pub fn updated_touchpoints(&self, journey: &Journey, mode: Mode) -> Vec<Touchpoint> {
        let mut out = Vec::new();
        for f in &self.touchpoints {
            let Some(mut tp) = journey.touchpoint(&f.id).cloned() else {
                continue;
            };
            if f.responses > 0 {
                let merged = f.merged_onto(mode, tp.satisfaction.as_ref());
                tp.satisfaction_source = Source {
                    kind: SourceKind::Survey,
                    file: Some(f.files.join(", ")),
                    period: f.period.map(|(from, to)| Period {
                        from: from.iso(),
                        to: to.iso(),
                    }),
                    count: Some(merged.responses()),
                };
                tp.satisfaction = Some(merged);
            }
            tp.themes = f.model_themes();
            tp.trend = f.trend.clone();
            if journey.touchpoint(&f.id) != Some(&tp) {
                out.push(tp);
            }
        }
        out
    }
}

/// Matches a cell to a touchpoint: id, then id or name case-insensitively, then the
/// cell's slug as an id.
struct Matcher {
    ids: Vec<TouchpointId>,
    by_key: FxHashMap<String, u32>,
    cache: FxHashMap<Box<str>, Option<u32>>,
}

impl Matcher {
    fn new(journey: &Journey) -> Matcher {
        let mut ids = Vec::new();
        let mut by_key: FxHashMap<String, u32> = FxHashMap::default();
        for (i, tp) in journey.touchpoints().enumerate() {
            ids.push(tp.id.clone());
            let i = i as u32;
            by_key.insert(tp.id.0.clone(), i);
        }
        for (i, tp) in journey.touchpoints().enumerate() {
            let i = i as u32;
            by_key.entry(tp.id.0.to_lowercase()).or_insert(i);
        }
        for (i, tp) in journey.touchpoints().enumerate() {
            let i = i as u32;
            by_key.entry(tp.name.trim().to_lowercase()).or_insert(i);
        }
        Matcher {
            ids,
            by_key,
            cache: FxHashMap::default(),
        }
    }

    fn find_slow(&self, cell: &str) -> Option<u32> {
        let c = cell.trim();
        if c.is_empty() {
            return None;
        }
        self.by_key
            .get(c)
            .or_else(|| self.by_key.get(&c.to_lowercase()))
            .or_else(|| self.by_key.get(&slugify(c, "")))
            .copied()
    }

    fn find(&mut self, cell: &str) -> Option<u32> {
        if let Some(hit) = self.cache.get(cell) {
            return *hit;
        }
        let found = self.find_slow(cell);
        if self.cache.len() < 1_000_000 {
            self.cache.insert(cell.into(), found);
        }
        found
    }

    fn id(&self, i: u32) -> &TouchpointId {
        static NONE: std::sync::OnceLock<TouchpointId> = std::sync::OnceLock::new();
        self.ids
            .get(i as usize)
            .unwrap_or_else(|| NONE.get_or_init(|| TouchpointId::new("")))
    }
}
