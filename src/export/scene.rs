//! The one display list of a journey map: shapes, text and colours built from the
//! model, the [`Layout`] and (optionally) the analysis. The app's canvas paints it and
//! the diagram exports (SVG, PNG, PDF) write it, so an export looks like the screen.
//!
//! Pure: no egui, no I/O. World coordinates in points, the same as the layout's.
//! Text positions are the *vertical centre* of the text line (`pos.1`), with a
//! horizontal [`TextAnchor`]. Every text item already fits its `max_width` (it was
//! truncated with '…' using [`text_width`], an approximate, slightly generous
//! estimate for DejaVu Sans and the CJK fallback).

use crate::analysis::{Analysis, GapKind, fmt_hours, fmt_score};
use crate::layout::{LaneKey, Layout, LayoutConfig, Rect};
use crate::model::{
    Anchor, DepartmentId, Handoff, HandoffKey, Journey, Rgb, Touchpoint, TouchpointId, fmt_num,
};
use std::collections::{BTreeMap, VecDeque};

/// An sRGB colour with alpha (255 = opaque).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Color {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color { r, g, b, a: 255 }
    }
    pub const fn rgba(r: u8, g: u8, b: u8, a: u8) -> Self {
        Color { r, g, b, a }
    }
    pub const fn with_alpha(self, a: u8) -> Self {
        Color { a, ..self }
    }
    /// `#rrggbb` (alpha is not included; see [`Color::opacity`]).
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
    /// Alpha as 0..=1.
    pub fn opacity(self) -> f32 {
        f32::from(self.a) / 255.0
    }
    /// Linear mix: `t = 0` is `self`, `t = 1` is `other`. The result is opaque when
    /// both are, which keeps tints cheap to paint and exact in every output.
    pub fn mix(self, other: Color, t: f32) -> Color {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Color {
            r: m(self.r, other.r),
            g: m(self.g, other.g),
            b: m(self.b, other.b),
            a: m(self.a, other.a),
        }
    }
    /// Relative luminance (0 black .. 1 white), for picking readable text.
    pub fn luminance(self) -> f32 {
        let lin = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }
}

impl From<Rgb> for Color {
    fn from(c: Rgb) -> Self {
        Color::rgb(c.0, c.1, c.2)
    }
}

/// Light or dark map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn parse(text: &str) -> Option<Theme> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: Color::rgb(0xfa, 0xfa, 0xf8),
                surface: Color::rgb(0xff, 0xff, 0xff),
                header: Color::rgb(0xe9, 0xec, 0xf1),
                text: Color::rgb(0x1f, 0x23, 0x28),
                muted: Color::rgb(0x5f, 0x66, 0x70),
                grid: Color::rgb(0xd3, 0xd7, 0xdd),
                card_stroke: Color::rgb(0xb8, 0xbe, 0xc6),
                edge: Color::rgb(0x7a, 0x82, 0x8c),
                customer_edge: Color::rgb(0x4a, 0x7c, 0xb0),
                cross: Color::rgb(0xd9, 0x5a, 0x1a),
                rework: Color::rgb(0x9b, 0x3f, 0xb5),
                good: Color::rgb(0x2e, 0x8b, 0x57),
                warn: Color::rgb(0xe6, 0xa1, 0x1e),
                bad: Color::rgb(0xd1, 0x3b, 0x3b),
                none: Color::rgb(0xa0, 0xa6, 0xae),
                curve: Color::rgb(0x2f, 0x5f, 0x9e),
                note: Color::rgb(0xff, 0xe0, 0x82),
            },
            Theme::Dark => Palette {
                background: Color::rgb(0x1d, 0x1f, 0x23),
                surface: Color::rgb(0x2a, 0x2d, 0x33),
                header: Color::rgb(0x33, 0x37, 0x3e),
                text: Color::rgb(0xe8, 0xea, 0xed),
                muted: Color::rgb(0xa4, 0xab, 0xb5),
                grid: Color::rgb(0x3f, 0x44, 0x4c),
                card_stroke: Color::rgb(0x55, 0x5b, 0x65),
                edge: Color::rgb(0x93, 0x9a, 0xa4),
                customer_edge: Color::rgb(0x6f, 0xa3, 0xd8),
                cross: Color::rgb(0xff, 0x8a, 0x3d),
                rework: Color::rgb(0xc9, 0x7b, 0xe0),
                good: Color::rgb(0x4c, 0xb8, 0x7a),
                warn: Color::rgb(0xf0, 0xb4, 0x3c),
                bad: Color::rgb(0xf0, 0x5a, 0x5a),
                none: Color::rgb(0x7c, 0x83, 0x8d),
                curve: Color::rgb(0x7f, 0xb2, 0xf0),
                note: Color::rgb(0xe8, 0xc8, 0x5a),
            },
        }
    }
}

/// The colours of a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub background: Color,
    /// Card fill.
    pub surface: Color,
    /// Stage header fill.
    pub header: Color,
    pub text: Color,
    pub muted: Color,
    pub grid: Color,
    pub card_stroke: Color,
    /// A handoff inside one department.
    pub edge: Color,
    /// A handoff to or from the customer across a boundary.
    pub customer_edge: Color,
    /// An internal cross-department handoff (where journeys break).
    pub cross: Color,
    /// A rework loop (the customer calls again).
    pub rework: Color,
    /// Satisfaction >= 7, metric on target.
    pub good: Color,
    /// Satisfaction 5..7.
    pub warn: Color,
    /// Satisfaction < 5, metric off target.
    pub bad: Color,
    /// No score, no target.
    pub none: Color,
    pub curve: Color,
    pub note: Color,
}

impl Palette {
    /// Red below 5, amber 5..7, green from 7.
    pub fn score(&self, mean: f64) -> Color {
        if mean < 5.0 {
            self.bad
        } else if mean < 7.0 {
            self.warn
        } else {
            self.good
        }
    }

    /// Black or white, whichever reads better on `fill`.
    pub fn text_on(&self, fill: Color) -> Color {
        if fill.luminance() > 0.36 {
            Color::rgb(0x1a, 0x1a, 0x1a)
        } else {
            Color::rgb(0xff, 0xff, 0xff)
        }
    }
}

/// Horizontal alignment of a text item relative to its `pos`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextAnchor {
    Start,
    Middle,
    End,
}

/// Level of detail of a text item: the canvas may skip [`Detail::Text`] items when
/// zoomed out far; exports draw everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    /// Headers, lane labels, figures: always drawn.
    Always,
    /// Card and edge text.
    Text,
}

/// One drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Rect {
        rect: Rect,
        fill: Option<Color>,
        stroke: Option<Color>,
        stroke_width: f32,
        radius: f32,
    },
    /// A polyline. With `arrow_end`, an arrow head (see [`arrow_head`]) ends at the last point.
    Line {
        points: Vec<(f32, f32)>,
        color: Color,
        width: f32,
        dashed: bool,
        arrow_end: bool,
    },
    Circle {
        center: (f32, f32),
        radius: f32,
        fill: Option<Color>,
        stroke: Option<Color>,
    },
    /// One line of text; `pos.1` is the vertical centre of the line.
    Text {
        pos: (f32, f32),
        text: String,
        size: f32,
        color: Color,
        anchor: TextAnchor,
        bold: bool,
        /// The width the text was fitted into, when it was.
        max_width: Option<f32>,
        detail: Detail,
    },
}

/// The drawing of one handoff.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeGroup {
    pub key: HandoffKey,
    pub kind: EdgeKind,
    /// Everything the group draws, labels included.
    pub bbox: Rect,
    /// The line and its arrow head: painted *under* the cards.
    pub items: Vec<Item>,
    /// Queue-time label and badges: painted *over* the cards, so they stay readable.
    pub labels: Vec<Item>,
}

/// How a handoff is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// Both ends owned by the same department.
    SameDepartment,
    /// Crosses a boundary with the customer (or an unowned touchpoint) on one side.
    CustomerFacing,
    /// Between two different departments of the company: where journeys break.
    CrossDepartment,
    /// Goes back to an earlier point of the journey.
    Rework,
}

/// The drawing of one touchpoint card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardGroup {
    pub id: TouchpointId,
    pub rect: Rect,
    pub items: Vec<Item>,
}

/// Everything to paint, in paint order: background, edge lines (`edges[..].items`),
/// cards, edge labels (`edges[..].labels`), overlay.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// The journey title (one clean line).
    pub title: String,
    pub bounds: Rect,
    pub background_color: Color,
    pub background: Vec<Item>,
    /// Sorted by handoff key.
    pub edges: Vec<EdgeGroup>,
    /// Sorted by touchpoint id.
    pub cards: Vec<CardGroup>,
    pub overlay: Vec<Item>,
}

impl Scene {
    /// Every item in paint order.
    pub fn items(&self) -> impl Iterator<Item = &Item> + '_ {
        self.background
            .iter()
            .chain(self.edges.iter().flat_map(|e| e.items.iter()))
            .chain(self.cards.iter().flat_map(|c| c.items.iter()))
            .chain(self.edges.iter().flat_map(|e| e.labels.iter()))
            .chain(self.overlay.iter())
    }

    pub fn card(&self, id: &TouchpointId) -> Option<&CardGroup> {
        self.cards
            .binary_search_by(|c| c.id.cmp(id))
            .ok()
            .and_then(|i| self.cards.get(i))
    }

    pub fn edge(&self, key: &HandoffKey) -> Option<&EdgeGroup> {
        self.edges
            .binary_search_by(|e| e.key.cmp(key))
            .ok()
            .and_then(|i| self.edges.get(i))
    }
}

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
    /// The pill text: plain ASCII, present in every bundled font.
    pub fn label(&self) -> &'static str {
        match self {
            Badge::Watermelon => "WATERMELON",
            Badge::Split => "SPLIT",
            Badge::Drop => "DROP",
            Badge::NoOwner => "NO OWNER",
            Badge::NoMetric => "NO METRIC",
            Badge::NoScore => "NO SCORE",
            Badge::Rework => "REWORK",
            Badge::HighVolumeLowScore => "HIGH VOLUME",
        }
    }

    /// What the badge means (legend, reports).
    pub fn meaning(&self) -> &'static str {
        match self {
            Badge::Watermelon => "metrics on target, customers unhappy",
            Badge::Split => "split opinion: two populations behind the mean",
            Badge::Drop => "satisfaction drops across the handoff",
            Badge::NoOwner => "no department owns it",
            Badge::NoMetric => "no operational metric",
            Badge::NoScore => "no satisfaction score",
            Badge::Rework => "rework loop: the customer comes back",
            Badge::HighVolumeLowScore => "many customers, low score",
        }
    }

    fn color(&self, p: &Palette) -> Color {
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
    /// (label, value) pairs for the title block, e.g. ("touchpoints", "19").
    pub headline: Vec<(String, String)>,
    pub touchpoints: BTreeMap<TouchpointId, Vec<Badge>>,
    pub handoffs: BTreeMap<HandoffKey, Vec<Badge>>,
}

impl Marks {
    /// The badges and headline figures of an analysis.
    pub fn from_analysis(a: &Analysis) -> Marks {
        let h = &a.headline;
        let mut headline = vec![
            ("touchpoints".to_owned(), h.touchpoints.to_string()),
            (
                "internal handoffs".to_owned(),
                h.internal_handoffs.to_string(),
            ),
            (
                "cross-department handoffs".to_owned(),
                h.cross_department_handoffs.to_string(),
            ),
            ("elapsed time".to_owned(), fmt_hours(h.elapsed_hours)),
        ];
        if let Some(m) = h.mean_satisfaction {
            headline.push(("mean satisfaction".to_owned(), fmt_score(m)));
        }
        let gaps = h.gaps_by_severity[3] + h.gaps_by_severity[4];
        headline.push(("high and critical gaps".to_owned(), gaps.to_string()));
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
fn badge_of(kind: GapKind) -> Option<Badge> {
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

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneOptions {
    pub theme: Theme,
    /// Gap badges on cards and handoffs (needs marks).
    pub show_gaps: bool,
    /// Sticky-note counts on cards.
    pub show_notes: bool,
    /// The title block above the map (title, headline figures, date).
    pub title: bool,
    /// The legend below the map.
    pub legend: bool,
    /// The date printed in the title block (exports pass today's date).
    pub date: Option<String>,
    /// War-room department focus: this department's cards and the handoffs into or
    /// out of it stay, the rest dims (see `export::focus`).
    pub focus_department: Option<DepartmentId>,
    /// War-room presentation: this stage's cards and handoffs stay, the rest dims.
    pub focus_stage: Option<crate::model::StageId>,
}

impl Default for SceneOptions {
    fn default() -> Self {
        SceneOptions {
            theme: Theme::Light,
            show_gaps: true,
            show_notes: true,
            title: true,
            legend: true,
            date: None,
            focus_department: None,
            focus_stage: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Text measuring

/// Is `c` drawn double width (CJK ideographs, kana, hangul, full-width forms)?
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Advance of one character in em, a slightly generous estimate for DejaVu Sans.
fn char_em(c: char) -> f32 {
    match c {
        ' ' => 0.32,
        'i' | 'l' | 'j' | '!' | '|' | '.' | ',' | ':' | ';' | '\'' | '`' => 0.30,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '/' | '\\' | '"' => 0.43,
        'm' | 'w' => 0.95,
        'M' | 'W' => 1.0,
        'a'..='z' => 0.63,
        'A'..='Z' => 0.75,
        '0'..='9' => 0.65,
        '…' => 1.0,
        '%' | '@' | '&' => 0.95,
        c if is_wide(c) => 1.02,
        c if c.is_ascii() => 0.7,
        _ => 0.72,
    }
}

/// Approximate width of `text` at font `size` (points).
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let em: f32 = text.chars().map(char_em).sum();
    em * size * if bold { 1.1 } else { 1.0 }
}

/// Replace control characters (newlines, tabs, NUL...) with spaces and trim, so every
/// text item is one printable line.
pub fn clean_text(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    s.trim().to_owned()
}

/// `text` cut with '…' so that it fits `max_width`.
pub fn fit_text(text: &str, size: f32, bold: bool, max_width: f32) -> String {
    if text_width(text, size, bold) <= max_width {
        return text.to_owned();
    }
    let scale = size * if bold { 1.1 } else { 1.0 };
    let budget = max_width - char_em('…') * scale;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * scale;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end();
    if trimmed.is_empty() && budget < 0.0 {
        return String::new();
    }
    format!("{trimmed}…")
}

/// Word-wrap `text` into at most `max_lines` lines of `max_width`; the last line is
/// cut with '…' when the text does not fit. Words longer than a line (and text
/// without spaces, such as Chinese) are broken between characters.
pub fn wrap_text(
    text: &str,
    size: f32,
    bold: bool,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if max_lines == 0 {
        return lines;
    }
    let fits = |s: &str| text_width(s, size, bold) <= max_width;
    let mut words: VecDeque<String> = text.split_whitespace().map(str::to_owned).collect();
    let mut current = String::new();
    while let Some(word) = words.pop_front() {
        let candidate = if current.is_empty() {
            word.clone()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if current.is_empty() {
            // One word wider than the line: break it between characters.
            let mut part = String::new();
            let mut split_at = word.len();
            for (i, c) in word.char_indices() {
                part.push(c);
                if !fits(&part) {
                    part.pop();
                    split_at = i;
                    break;
                }
            }
            if part.is_empty() {
                lines.push(fit_text(&word, size, bold, max_width));
                return lines;
            }
            current = part;
            words.push_front(word.get(split_at..).unwrap_or_default().to_owned());
        } else {
            words.push_front(word);
        }
        // `current` is a full line and text remains.
        if lines.len() + 1 >= max_lines {
            let rest: Vec<String> = std::iter::once(current).chain(words).collect();
            lines.push(fit_text(&rest.join(" "), size, bold, max_width));
            return lines;
        }
        lines.push(std::mem::take(&mut current));
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// "950", "12.4k", "120k", "1.2M".
pub fn format_volume(v: u64) -> String {
    let short = |x: f64, suffix: &str| {
        if x < 100.0 {
            format!("{}{suffix}", fmt_one(x))
        } else {
            format!("{}{suffix}", x.round() as u64)
        }
    };
    if v < 1000 {
        v.to_string()
    } else if v < 1_000_000 {
        short(v as f64 / 1000.0, "k")
    } else if v < 1_000_000_000 {
        short(v as f64 / 1e6, "M")
    } else {
        short(v as f64 / 1e9, "G")
    }
}

fn fmt_one(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// "45 min", "48 h", "5 d".
pub fn format_hours(h: f64) -> String {
    if !h.is_finite() {
        return "?".into();
    }
    if h < 1.0 {
        format!("{} min", (h * 60.0).round() as i64)
    } else if h <= 72.0 {
        format!("{} h", fmt_one(h))
    } else {
        format!("{} d", fmt_one(h / 24.0))
    }
}

/// The three points of an arrow head whose tip is at the end of `points`.
pub fn arrow_head(points: &[(f32, f32)], size: f32) -> Option<[(f32, f32); 3]> {
    let n = points.len();
    if n < 2 {
        return None;
    }
    let tip = points[n - 1];
    // The last point that differs from the tip gives the direction.
    let from = points[..n - 1]
        .iter()
        .rev()
        .find(|p| (p.0 - tip.0).abs() + (p.1 - tip.1).abs() > 0.01)?;
    let (dx, dy) = (tip.0 - from.0, tip.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    let (ux, uy) = (dx / len, dy / len);
    let back = (tip.0 - ux * size, tip.1 - uy * size);
    let half = size * 0.5;
    Some([
        tip,
        (back.0 - uy * half, back.1 + ux * half),
        (back.0 + uy * half, back.1 - ux * half),
    ])
}

// ---------------------------------------------------------------------------
// Building

const TITLE_H: f32 = 96.0;
const MARGIN: f32 = 16.0;
const STRIPE_W: f32 = 5.0;
const BADGE_H: f32 = 14.0;
const BADGE_SIZE: f32 = 8.5;

fn text(
    pos: (f32, f32),
    text: String,
    size: f32,
    color: Color,
    anchor: TextAnchor,
    bold: bool,
    detail: Detail,
) -> Item {
    Item::Text {
        pos,
        text,
        size,
        color,
        anchor,
        bold,
        max_width: None,
        detail,
    }
}

/// A text item fitted to `max_width`.
#[allow(clippy::too_many_arguments)]
fn fitted(
    pos: (f32, f32),
    raw: &str,
    size: f32,
    color: Color,
    anchor: TextAnchor,
    bold: bool,
    max_width: f32,
    detail: Detail,
) -> Item {
    Item::Text {
        pos,
        text: fit_text(raw, size, bold, max_width),
        size,
        color,
        anchor,
        bold,
        max_width: Some(max_width),
        detail,
    }
}

fn rect(
    r: Rect,
    fill: Option<Color>,
    stroke: Option<Color>,
    stroke_width: f32,
    radius: f32,
) -> Item {
    Item::Rect {
        rect: r,
        fill,
        stroke,
        stroke_width,
        radius,
    }
}

fn line(points: Vec<(f32, f32)>, color: Color, width: f32) -> Item {
    Item::Line {
        points,
        color,
        width,
        dashed: false,
        arrow_end: false,
    }
}

/// Headline figures computed from the journey alone (used when no marks are given).
pub fn basic_headline(journey: &Journey) -> Vec<(String, String)> {
    let handoffs = journey.handoffs();
    let cross = handoffs
        .iter()
        .filter(|h| matches!(edge_kind_no_loop(journey, h), EdgeKind::CrossDepartment))
        .count();
    let means: Vec<f64> = journey
        .touchpoints()
        .filter_map(Touchpoint::mean_score)
        .collect();
    let mut out = vec![
        (
            "touchpoints".to_owned(),
            journey.touchpoint_count().to_string(),
        ),
        ("handoffs".to_owned(), handoffs.len().to_string()),
        ("cross-department handoffs".to_owned(), cross.to_string()),
    ];
    if !means.is_empty() {
        let m = means.iter().sum::<f64>() / means.len() as f64;
        out.push(("mean satisfaction".to_owned(), format!("{m:.1}")));
    }
    out
}

fn owner_of<'a>(journey: &'a Journey, id: &TouchpointId) -> Option<&'a DepartmentId> {
    journey.touchpoint(id).and_then(|t| t.owner.as_ref())
}

fn edge_kind_no_loop(journey: &Journey, h: &Handoff) -> EdgeKind {
    let a = owner_of(journey, &h.from);
    let b = owner_of(journey, &h.to);
    if a == b && a.is_some() {
        EdgeKind::SameDepartment
    } else if a.is_none()
        || b.is_none()
        || journey.is_customer(a)
        || journey.is_customer(b)
        || a.and_then(|d| journey.department(d)).is_none()
        || b.and_then(|d| journey.department(d)).is_none()
    {
        EdgeKind::CustomerFacing
    } else {
        EdgeKind::CrossDepartment
    }
}

/// Build the scene of a journey laid out by `layout`, with the gap badges and headline
/// figures of `analysis` when given.
pub fn build_scene(
    journey: &Journey,
    layout: &Layout,
    analysis: Option<&Analysis>,
    options: &SceneOptions,
) -> Scene {
    let marks = analysis.map(Marks::from_analysis);
    build_scene_with_marks(journey, layout, marks.as_ref(), options)
}

/// [`build_scene`] with the marks given directly (tests, callers without an analysis).
pub fn build_scene_with_marks(
    journey: &Journey,
    layout: &Layout,
    analysis: Option<&Marks>,
    options: &SceneOptions,
) -> Scene {
    let p = options.theme.palette();
    let config = layout.config.unwrap_or_default();
    let mut scene = Scene {
        title: clean_text(journey.title()),
        bounds: layout.bounds,
        background_color: p.background,
        ..Default::default()
    };
    let rank: BTreeMap<&TouchpointId, usize> = layout
        .order
        .iter()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();

    background(&mut scene.background, journey, layout, &config, &p);
    emotion_curve(&mut scene.background, journey, layout, &p);

    let marks = if options.show_gaps { analysis } else { None };
    // Position of each handoff among those leaving its source / entering its target.
    let mut out_seen: BTreeMap<&TouchpointId, usize> = BTreeMap::new();
    let mut in_seen: BTreeMap<&TouchpointId, usize> = BTreeMap::new();
    let handoffs = journey.handoffs();
    let mut placed = Placed::default();
    for h in &handoffs {
        let out_k = {
            let k = out_seen.entry(&h.from).or_insert(0);
            *k += 1;
            *k - 1
        };
        let in_k = {
            let k = in_seen.entry(&h.to).or_insert(0);
            *k += 1;
            *k - 1
        };
        let (Some(a), Some(b)) = (layout.cards.get(&h.from), layout.cards.get(&h.to)) else {
            continue;
        };
        let back = match (rank.get(&h.from), rank.get(&h.to)) {
            (Some(x), Some(y)) => y <= x,
            _ => false,
        };
        let kind = if back {
            EdgeKind::Rework
        } else {
            edge_kind_no_loop(journey, h)
        };
        let badges = marks
            .and_then(|m| m.handoffs.get(&h.key()))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let input = EdgeInput {
            h,
            kind,
            a,
            b,
            out_off: spread(out_k),
            in_off: spread(in_k),
        };
        scene
            .edges
            .push(edge_group(layout, &mut placed, input, &config, badges, &p));
    }

    let note_counts = if options.show_notes {
        note_counts(journey)
    } else {
        BTreeMap::new()
    };
    for (id, r) in &layout.cards {
        let Some(t) = journey.touchpoint(id) else {
            continue;
        };
        let badges = marks
            .and_then(|m| m.touchpoints.get(id))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let notes = note_counts.get(id).copied().unwrap_or(0);
        scene
            .cards
            .push(card_group(journey, t, *r, badges, notes, &p));
    }

    let mut bounds = layout.bounds;
    if options.title {
        let headline = match analysis {
            Some(m) if !m.headline.is_empty() => m.headline.clone(),
            _ => basic_headline(journey),
        };
        let tb = title_block(
            &mut scene.background,
            journey,
            &headline,
            options.date.as_deref(),
            layout.bounds.w,
            &p,
        );
        bounds = bounds.union(&tb);
    }
    for e in &scene.edges {
        bounds = bounds.union(&e.bbox);
    }
    if options.legend {
        let lb = legend(
            &mut scene.overlay,
            layout.bounds.bottom() + 20.0,
            bounds.w.max(640.0),
            options.show_gaps && analysis.is_some(),
            &p,
        );
        bounds = bounds.union(&lb);
    }
    super::focus::dim_unfocused(&mut scene, journey, options);
    scene.bounds = Rect::new(
        bounds.x - MARGIN,
        bounds.y - MARGIN,
        bounds.w + 2.0 * MARGIN,
        bounds.h + 2.0 * MARGIN,
    );
    scene
}

fn note_counts(journey: &Journey) -> BTreeMap<TouchpointId, usize> {
    let mut out = BTreeMap::new();
    for n in journey.notes() {
        if let Anchor::Touchpoint(id) = &n.anchor {
            *out.entry(id.clone()).or_insert(0) += 1;
        }
    }
    out
}

fn background(
    out: &mut Vec<Item>,
    journey: &Journey,
    layout: &Layout,
    c: &LayoutConfig,
    p: &Palette,
) {
    let grid = layout.grid;
    let top = 0.0;
    let bottom = grid.bottom();
    // Stage column headers.
    for col in &layout.columns {
        out.push(rect(
            Rect::new(col.x, top, col.w, c.header_h),
            Some(p.header),
            None,
            0.0,
            0.0,
        ));
        let count = layout
            .cells
            .iter()
            .filter(|((ci, _), _)| layout.columns.get(*ci).is_some_and(|x| x.x == col.x))
            .map(|(_, v)| v.len())
            .sum::<usize>();
        out.push(fitted(
            (col.x + col.w / 2.0, top + c.header_h / 2.0 - 6.0),
            &clean_text(&col.name),
            13.0,
            p.text,
            TextAnchor::Middle,
            true,
            (col.w - 12.0).max(0.0),
            Detail::Always,
        ));
        out.push(fitted(
            (col.x + col.w / 2.0, top + c.header_h / 2.0 + 10.0),
            &plural(count, "touchpoint"),
            10.0,
            p.muted,
            TextAnchor::Middle,
            false,
            (col.w - 12.0).max(0.0),
            Detail::Always,
        ));
    }
    // Lane bands and labels.
    for lane in &layout.lanes {
        let color = Color::from(lane.color);
        let tint = p.background.mix(color, 0.07);
        out.push(rect(
            Rect::new(grid.x, lane.y, grid.w, lane.h),
            Some(tint),
            None,
            0.0,
            0.0,
        ));
        out.push(rect(
            Rect::new(0.0, lane.y, c.label_w, lane.h),
            Some(p.background.mix(color, 0.16)),
            None,
            0.0,
            0.0,
        ));
        out.push(rect(
            Rect::new(0.0, lane.y, STRIPE_W + 1.0, lane.h),
            Some(color),
            None,
            0.0,
            0.0,
        ));
        let max_w = (c.label_w - 22.0).max(0.0);
        let lines = wrap_text(&clean_text(&lane.name), 12.0, true, max_w, 2);
        let mut y = lane.y + 18.0;
        for l in &lines {
            out.push(Item::Text {
                pos: (14.0, y),
                text: l.clone(),
                size: 12.0,
                color: p.text,
                anchor: TextAnchor::Start,
                bold: true,
                max_width: Some(max_w),
                detail: Detail::Always,
            });
            y += 15.0;
        }
        let count = match &lane.key {
            LaneKey::Department(_) | LaneKey::Unowned | LaneKey::Layer(_) => layout
                .cells
                .iter()
                .filter(|((_, li), _)| layout.lanes.get(*li).is_some_and(|l| l.y == lane.y))
                .map(|(_, v)| v.len())
                .sum::<usize>(),
        };
        let sub = match &lane.key {
            LaneKey::Department(d) if journey.is_customer(Some(d)) => {
                format!("customer, {}", plural(count, "touchpoint"))
            }
            _ => plural(count, "touchpoint"),
        };
        out.push(fitted(
            (14.0, y),
            &sub,
            10.0,
            p.muted,
            TextAnchor::Start,
            false,
            max_w,
            Detail::Always,
        ));
    }
    // Grid lines.
    for lane in &layout.lanes {
        out.push(line(
            vec![(0.0, lane.y), (grid.right(), lane.y)],
            p.grid,
            1.0,
        ));
    }
    out.push(line(
        vec![(0.0, bottom), (grid.right(), bottom)],
        p.grid,
        1.0,
    ));
    for col in &layout.columns {
        out.push(line(vec![(col.x, top), (col.x, bottom)], p.grid, 1.0));
    }
    out.push(line(
        vec![(grid.right(), top), (grid.right(), bottom)],
        p.grid,
        1.0,
    ));
    if let Some(y) = layout.visibility_line {
        out.push(Item::Line {
            points: vec![(grid.x, y), (grid.right(), y)],
            color: p.muted,
            width: 1.5,
            dashed: true,
            arrow_end: false,
        });
        out.push(text(
            (grid.x + 6.0, y - 8.0),
            "line of visibility".into(),
            10.0,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn emotion_curve(out: &mut Vec<Item>, journey: &Journey, layout: &Layout, p: &Palette) {
    let band = layout.curve;
    if band.h < 30.0 || band.w <= 0.0 {
        return;
    }
    let pad = 12.0;
    let y_of =
        |s: f64| band.y + pad + (1.0 - (s as f32 / 10.0).clamp(0.0, 1.0)) * (band.h - 2.0 * pad);
    out.push(rect(band, Some(p.surface), None, 0.0, 0.0));
    for s in [0.0, 5.0, 10.0] {
        let y = y_of(s);
        out.push(Item::Line {
            points: vec![(band.x, y), (band.right(), y)],
            color: p.grid,
            width: 1.0,
            dashed: s == 5.0,
            arrow_end: false,
        });
        out.push(text(
            (band.x - 6.0, y),
            fmt_num(s),
            9.0,
            p.muted,
            TextAnchor::End,
            false,
            Detail::Always,
        ));
    }
    out.push(text(
        (14.0, band.y + band.h / 2.0 - 7.0),
        "Satisfaction".into(),
        12.0,
        p.text,
        TextAnchor::Start,
        true,
        Detail::Always,
    ));
    out.push(text(
        (14.0, band.y + band.h / 2.0 + 9.0),
        "mean, 0-10".into(),
        10.0,
        p.muted,
        TextAnchor::Start,
        false,
        Detail::Always,
    ));
    let mut points = Vec::new();
    let mut dots = Vec::new();
    for id in &layout.order {
        let (Some(t), Some(r)) = (journey.touchpoint(id), layout.cards.get(id)) else {
            continue;
        };
        let Some(mean) = t.mean_score().filter(|m| m.is_finite()) else {
            continue;
        };
        let pt = (r.x + r.w / 2.0, y_of(mean));
        points.push(pt);
        dots.push(Item::Circle {
            center: pt,
            radius: 3.5,
            fill: Some(p.score(mean)),
            stroke: Some(p.surface),
        });
    }
    if points.len() >= 2 {
        out.push(line(points, p.curve, 2.0));
    }
    out.extend(dots);
}

/// Is the straight segment from (x0, y0) to (x1, y1) clear of every card (the ends,
/// which touch the cards they connect, excluded)?
fn clear(layout: &Layout, x0: f32, y0: f32, x1: f32, y1: f32) -> bool {
    let (lx, hx) = (x0.min(x1), x0.max(x1));
    let (ly, hy) = (y0.min(y1), y0.max(y1));
    let shrink = |lo: f32, hi: f32| {
        if hi - lo > 2.0 {
            (lo + 1.0, hi - 1.0)
        } else {
            (lo, hi)
        }
    };
    let (lx, hx) = shrink(lx, hx);
    let (ly, hy) = shrink(ly, hy);
    layout
        .visible_cards(&Rect::new(lx, ly, hx - lx, hy - ly))
        .is_empty()
}

/// Small offsets that keep handoffs sharing a channel apart.
fn spread(k: usize) -> f32 {
    [0.0, 3.0, -3.0, 6.0, -6.0][k % 5]
}

/// The orthogonal route of a forward handoff from card `a` to card `b`: straight when
/// nothing is in the way, else with one bend in the free channel beside a card (half
/// a gap wide), else through the channels above or below `b`'s row. `out_off` and
/// `in_off` shift the channel lines of edges that leave `a` / enter `b` together.
fn route(
    layout: &Layout,
    a: &Rect,
    b: &Rect,
    gap: f32,
    out_off: f32,
    in_off: f32,
) -> Vec<(f32, f32)> {
    let (acx, acy) = a.center();
    let (bcx, bcy) = b.center();
    let h = gap / 2.0;
    if b.x >= a.right() + 0.5 || b.right() <= a.x - 0.5 {
        // Leaving sideways: dir = 1 to the right, -1 to the left.
        let dir = if b.x >= a.right() + 0.5 { 1.0 } else { -1.0 };
        let sx = if dir > 0.0 { a.right() } else { a.x };
        let ex = if dir > 0.0 { b.x } else { b.right() };
        if (acy - bcy).abs() < 0.5 && clear(layout, sx, acy, ex, acy) {
            return vec![(sx, acy), (ex, bcy)];
        }
        // Bend in the channel beside b: along a's row, then down b's channel.
        let mx = ex - dir * h + in_off;
        if clear(layout, sx, acy, mx, acy) {
            return vec![(sx, acy), (mx, acy), (mx, bcy), (ex, bcy)];
        }
        // Bend in the channel beside a: down a's channel, then along b's row.
        let mx = sx + dir * h + out_off;
        if clear(layout, mx, bcy, ex, bcy) {
            return vec![(sx, acy), (mx, acy), (mx, bcy), (ex, bcy)];
        }
        let ch = if bcy < acy - 0.5 {
            b.bottom() + h
        } else {
            b.y - h
        } + in_off;
        return vec![
            (sx, acy),
            (sx + dir * h + out_off, acy),
            (sx + dir * h + out_off, ch),
            (ex - dir * h + in_off, ch),
            (ex - dir * h + in_off, bcy),
            (ex, bcy),
        ];
    }
    if b.y >= a.bottom() || b.bottom() <= a.y {
        // Same sub-column, above or below.
        let down = b.y >= a.bottom();
        let (sy, ey) = if down {
            (a.bottom(), b.y)
        } else {
            (a.y, b.bottom())
        };
        if (acx - bcx).abs() < 0.5 && clear(layout, acx, sy, bcx, ey) {
            return vec![(acx, sy), (bcx, ey)];
        }
        // Around through the channel on the right.
        let mx = a.right().max(b.right()) + h + out_off;
        return vec![(a.right(), acy), (mx, acy), (mx, bcy), (b.right(), bcy)];
    }
    // Overlapping cards (a handoff to itself): a small loop on the top right.
    let x = a.right() - 20.0;
    vec![
        (x, a.y),
        (x, a.y - h),
        (a.right() + h, a.y - h),
        (a.right() + h, a.y + 14.0),
        (a.right(), a.y + 14.0),
    ]
}

/// A rework loop: a dashed arc from the top of `a` back to the top of `b`.
fn loop_route(a: &Rect, b: &Rect) -> Vec<(f32, f32)> {
    let start = (a.x + a.w * 0.35, a.y);
    let end = (b.x + b.w * 0.65, b.y);
    let dx = (end.0 - start.0).abs();
    let lift = (30.0 + dx * 0.15).min(140.0);
    let top = start.1.min(end.1) - lift;
    let c1 = (start.0, top);
    let c2 = (end.0, top);
    let n = 16;
    (0..=n)
        .map(|i| {
            let t = i as f32 / n as f32;
            let u = 1.0 - t;
            let x = u * u * u * start.0
                + 3.0 * u * u * t * c1.0
                + 3.0 * u * t * t * c2.0
                + t * t * t * end.0;
            let y = u * u * u * start.1
                + 3.0 * u * u * t * c1.1
                + 3.0 * u * t * t * c2.1
                + t * t * t * end.1;
            (x, y)
        })
        .collect()
}

fn bbox_of(points: &[(f32, f32)]) -> Rect {
    let mut x0 = f32::INFINITY;
    let mut y0 = f32::INFINITY;
    let mut x1 = f32::NEG_INFINITY;
    let mut y1 = f32::NEG_INFINITY;
    for &(x, y) in points {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    if x0 > x1 {
        return Rect::default();
    }
    Rect::new(x0, y0, x1 - x0, y1 - y0)
}

/// (length, start, end) of a route segment.
type Segment = (f32, (f32, f32), (f32, f32));

/// Edge labels already placed, in a coarse grid for quick overlap tests.
#[derive(Default)]
struct Placed {
    cells: BTreeMap<(i32, i32), Vec<Rect>>,
}

impl Placed {
    const CELL: f32 = 256.0;

    fn cells_of(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let x0 = (r.x / Self::CELL).floor() as i32;
        let x1 = (r.right() / Self::CELL).floor() as i32;
        let y0 = (r.y / Self::CELL).floor() as i32;
        let y1 = (r.bottom() / Self::CELL).floor() as i32;
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn hits(&self, r: &Rect) -> bool {
        Self::cells_of(r).any(|c| {
            self.cells
                .get(&c)
                .is_some_and(|v| v.iter().any(|o| o.intersects(r)))
        })
    }

    fn add(&mut self, r: Rect) {
        for c in Self::cells_of(&r) {
            self.cells.entry(c).or_default().push(r);
        }
    }
}

/// Where a label of `w` x 16 reads best: on the route, at the first of a few spots
/// (middles of the longest segments first) where it covers no card and no other
/// label; else just below the cards it connects; else in the middle of the longest
/// horizontal segment.
fn label_point(
    layout: &Layout,
    placed: &Placed,
    points: &[(f32, f32)],
    w: f32,
    below: f32,
) -> (f32, f32) {
    let fits = |p: (f32, f32)| {
        let r = Rect::new(p.0 - w / 2.0, p.1 - 8.0, w, 16.0);
        !placed.hits(&r) && clear(layout, r.x, r.y, r.right(), r.bottom())
    };
    let mut segments: Vec<Segment> = points
        .windows(2)
        .map(|s| {
            (
                ((s[1].0 - s[0].0).abs() + (s[1].1 - s[0].1).abs()),
                s[0],
                s[1],
            )
        })
        .collect();
    segments.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut candidates = Vec::with_capacity(12);
    for &(_, a, b) in segments.iter().take(3) {
        for t in [0.5, 0.3, 0.7] {
            candidates.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        }
    }
    let mid = |a: (f32, f32), b: (f32, f32)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    if let Some(&(_, a, b)) = segments.first() {
        let x = mid(a, b).0;
        for dx in [0.0, -(w / 2.0 + 6.0), w / 2.0 + 6.0] {
            candidates.push((x + dx, below));
        }
    }
    candidates
        .into_iter()
        .find(|&p| fits(p))
        .or_else(|| {
            segments
                .iter()
                .find(|(_, a, b)| (a.1 - b.1).abs() < 0.5)
                .or(segments.first())
                .map(|&(_, a, b)| mid(a, b))
        })
        .unwrap_or_default()
}

fn edge_label(h: &Handoff) -> String {
    let mut parts = Vec::new();
    if let Some(w) = h.wait_hours.filter(|w| *w > 0.0) {
        parts.push(format_hours(w));
    }
    if let Some(f) = h.failure_rate.filter(|f| *f > 0.0 && f.is_finite()) {
        parts.push(format!("{}% fail", fmt_num((f * 100.0).round())));
    }
    parts.join(", ")
}

/// Line widths: a cross-department handoff is twice as thick as one inside a department.
pub const SAME_DEPARTMENT_WIDTH: f32 = 1.2;
pub const CUSTOMER_WIDTH: f32 = 1.6;
pub const CROSS_DEPARTMENT_WIDTH: f32 = 2.6;
pub const REWORK_WIDTH: f32 = 2.0;

struct EdgeInput<'a> {
    h: &'a Handoff,
    kind: EdgeKind,
    a: &'a Rect,
    b: &'a Rect,
    out_off: f32,
    in_off: f32,
}

fn edge_group(
    layout: &Layout,
    placed: &mut Placed,
    e: EdgeInput<'_>,
    c: &LayoutConfig,
    badges: &[Badge],
    p: &Palette,
) -> EdgeGroup {
    let EdgeInput {
        h,
        kind,
        a,
        b,
        out_off,
        in_off,
    } = e;
    let forward = || route(layout, a, b, c.gap, out_off, in_off);
    let (points, color, width, dashed) = match kind {
        EdgeKind::Rework => (loop_route(a, b), p.rework, REWORK_WIDTH, true),
        EdgeKind::SameDepartment => (forward(), p.edge, SAME_DEPARTMENT_WIDTH, false),
        EdgeKind::CustomerFacing => (forward(), p.customer_edge, CUSTOMER_WIDTH, false),
        EdgeKind::CrossDepartment => (forward(), p.cross, CROSS_DEPARTMENT_WIDTH, false),
    };
    // Head room for the arrow head.
    let bb = bbox_of(&points);
    let mut bbox = Rect::new(bb.x - 6.0, bb.y - 6.0, bb.w + 12.0, bb.h + 12.0);

    let mut label = clean_text(&edge_label(h));
    if kind == EdgeKind::Rework && label.is_empty() {
        label = "rework".into();
    }
    // (text, colour, outlined): the queue-time label is outlined, badges are filled.
    let mut pills: Vec<(String, Color, bool)> = Vec::new();
    if !label.is_empty() {
        let emphasis = matches!(kind, EdgeKind::CrossDepartment | EdgeKind::Rework);
        pills.push((label, if emphasis { color } else { p.muted }, true));
    }
    for badge in badges.iter().take(2) {
        pills.push((badge.label().to_owned(), badge.color(p), false));
    }
    let size = 9.5;
    let total_w: f32 = pills
        .iter()
        .map(|(t, _, _)| text_width(t, size, true) + 8.0)
        .sum::<f32>()
        + 3.0 * pills.len().saturating_sub(1) as f32;
    let at = if kind == EdgeKind::Rework {
        points
            .get(points.len() / 2)
            .copied()
            .unwrap_or_else(|| a.center())
    } else {
        label_point(
            layout,
            placed,
            &points,
            total_w,
            a.bottom().max(b.bottom()) + c.gap / 2.0,
        )
    };
    let items = vec![Item::Line {
        points,
        color,
        width,
        dashed,
        arrow_end: true,
    }];
    let mut labels = Vec::new();
    let mut x = at.0 - total_w / 2.0;
    for (t, col, outlined) in pills {
        let w = text_width(&t, size, true) + 8.0;
        let r = Rect::new(x, at.1 - 8.0, w, 16.0);
        let (fill, stroke, ink) = if outlined {
            let ink = if col == p.muted { p.text } else { col };
            (p.surface, Some(col), ink)
        } else {
            (col, None, p.text_on(col))
        };
        labels.push(rect(r, Some(fill), stroke, 1.0, 4.0));
        labels.push(text(
            (x + w / 2.0, at.1),
            t,
            size,
            ink,
            TextAnchor::Middle,
            true,
            Detail::Text,
        ));
        bbox = bbox.union(&r);
        placed.add(r);
        x += w + 3.0;
    }
    EdgeGroup {
        key: h.key(),
        kind,
        bbox,
        items,
        labels,
    }
}

fn card_group(
    journey: &Journey,
    t: &Touchpoint,
    r: Rect,
    badges: &[Badge],
    notes: usize,
    p: &Palette,
) -> CardGroup {
    let mut items = Vec::with_capacity(24);
    let owner = t.owner.as_ref().and_then(|d| journey.department(d));
    let owner_color = owner.map_or(p.none, |d| Color::from(d.color));
    items.push(rect(r, Some(p.surface), Some(p.card_stroke), 1.0, 6.0));
    items.push(rect(
        Rect::new(r.x + 2.0, r.y + 4.0, STRIPE_W - 1.0, (r.h - 8.0).max(0.0)),
        Some(owner_color),
        None,
        0.0,
        2.0,
    ));
    let lx = r.x + STRIPE_W + 8.0;
    let rx = r.right() - 8.0;

    // Mean badge, top right.
    let mean = t.mean_score().filter(|m| m.is_finite());
    let badge_w = 34.0;
    let badge = Rect::new(rx - badge_w, r.y + 7.0, badge_w, 18.0);
    match mean {
        Some(m) => {
            let fill = p.score(m);
            items.push(rect(badge, Some(fill), None, 0.0, 9.0));
            items.push(text(
                (badge.x + badge_w / 2.0, badge.y + 9.0),
                format!("{m:.1}"),
                11.0,
                p.text_on(fill),
                TextAnchor::Middle,
                true,
                Detail::Text,
            ));
        }
        None => {
            items.push(rect(badge, None, Some(p.none), 1.0, 9.0));
            items.push(text(
                (badge.x + badge_w / 2.0, badge.y + 9.0),
                "-".into(),
                11.0,
                p.muted,
                TextAnchor::Middle,
                true,
                Detail::Text,
            ));
        }
    }

    // Name: two lines at most.
    let name_w = (badge.x - 6.0 - lx).max(0.0);
    let name = clean_text(&t.name);
    let name = if name.is_empty() {
        format!("({})", t.id)
    } else {
        name
    };
    for (i, l) in wrap_text(&name, 12.0, true, name_w, 2)
        .into_iter()
        .enumerate()
    {
        items.push(Item::Text {
            pos: (lx, r.y + 16.0 + 15.0 * i as f32),
            text: l,
            size: 12.0,
            color: p.text,
            anchor: TextAnchor::Start,
            bold: true,
            max_width: Some(name_w),
            detail: Detail::Text,
        });
    }

    // Channel and volume.
    let row_y = r.y + 51.0;
    let vol = t.volume.map(|v| format!("vol {}", format_volume(v)));
    let vol_w = vol.as_ref().map_or(0.0, |v| text_width(v, 10.0, false));
    items.push(fitted(
        (lx, row_y),
        t.channel.label(),
        10.0,
        p.muted,
        TextAnchor::Start,
        false,
        (rx - lx - vol_w - 8.0).max(0.0),
        Detail::Text,
    ));
    if let Some(v) = vol {
        items.push(text(
            (rx, row_y),
            v,
            10.0,
            p.muted,
            TextAnchor::End,
            false,
            Detail::Text,
        ));
    }

    // Histogram, bottom left.
    let base = r.bottom() - 9.0;
    let hist_h = 20.0;
    let bar_w = 6.0;
    let step = 7.5;
    if let Some(hist) = t.satisfaction.as_ref().and_then(|s| s.histogram()) {
        let max = hist.iter().copied().max().unwrap_or(0).max(1);
        items.push(line(
            vec![(lx, base + 0.5), (lx + 11.0 * step - 1.5, base + 0.5)],
            p.grid,
            1.0,
        ));
        for (s, &count) in hist.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let h = (count as f32 / max as f32 * hist_h).max(1.5);
            items.push(rect(
                Rect::new(lx + s as f32 * step, base - h, bar_w, h),
                Some(p.score(s as f64)),
                None,
                0.0,
                0.0,
            ));
        }
    }

    // One dot per metric, bottom right of the histogram.
    let dot_x0 = lx + 11.0 * step + 10.0;
    let dot_step = 11.0;
    let room = ((rx - dot_x0 + dot_step - 8.0) / dot_step).floor().max(0.0) as usize;
    let shown = if t.metrics.len() > room {
        room.saturating_sub(1)
    } else {
        t.metrics.len()
    };
    for (i, m) in t.metrics.iter().take(shown).enumerate() {
        let fill = match m.on_target() {
            Some(true) => p.good,
            Some(false) => p.bad,
            None => p.none,
        };
        items.push(Item::Circle {
            center: (dot_x0 + 4.0 + i as f32 * dot_step, base - 5.0),
            radius: 4.0,
            fill: Some(fill),
            stroke: None,
        });
    }
    if shown < t.metrics.len() {
        items.push(text(
            (dot_x0 + shown as f32 * dot_step, base - 5.0),
            format!("+{}", t.metrics.len() - shown),
            9.0,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Text,
        ));
    }

    // Gap badges straddling the top border, right-aligned.
    if !badges.is_empty() {
        let mut x = r.right() - 8.0;
        for (i, b) in badges.iter().enumerate() {
            let remaining = badges.len() - i;
            let label = b.label();
            let w = text_width(label, BADGE_SIZE, true) + 8.0;
            let plus_w = text_width("+9", BADGE_SIZE, true) + 8.0;
            let need = if remaining > 1 { w + 3.0 + plus_w } else { w };
            if x - need < r.x + 8.0 && i > 0 || x - w < r.x + 8.0 {
                let more = format!("+{remaining}");
                let w = text_width(&more, BADGE_SIZE, true) + 8.0;
                let pill = Rect::new(x - w, r.y - BADGE_H / 2.0, w, BADGE_H);
                items.push(rect(pill, Some(p.muted), None, 0.0, BADGE_H / 2.0));
                items.push(text(
                    (pill.x + w / 2.0, r.y),
                    more,
                    BADGE_SIZE,
                    p.text_on(p.muted),
                    TextAnchor::Middle,
                    true,
                    Detail::Text,
                ));
                break;
            }
            let fill = b.color(p);
            let pill = Rect::new(x - w, r.y - BADGE_H / 2.0, w, BADGE_H);
            items.push(rect(pill, Some(fill), None, 0.0, BADGE_H / 2.0));
            items.push(text(
                (pill.x + w / 2.0, r.y),
                label.to_owned(),
                BADGE_SIZE,
                p.text_on(fill),
                TextAnchor::Middle,
                true,
                Detail::Text,
            ));
            x -= w + 3.0;
        }
    }

    if notes > 0 {
        let s = Rect::new(r.right() - 10.0, r.bottom() - 10.0, 16.0, 16.0);
        items.push(rect(s, Some(p.note), Some(p.card_stroke), 1.0, 2.0));
        items.push(text(
            (s.x + 8.0, s.y + 8.0),
            if notes > 9 {
                "9+".into()
            } else {
                notes.to_string()
            },
            9.0,
            Color::rgb(0x1a, 0x1a, 0x1a),
            TextAnchor::Middle,
            true,
            Detail::Text,
        ));
    }

    CardGroup {
        id: t.id.clone(),
        rect: r,
        items,
    }
}

fn title_block(
    out: &mut Vec<Item>,
    journey: &Journey,
    headline: &[(String, String)],
    date: Option<&str>,
    width: f32,
    p: &Palette,
) -> Rect {
    let y0 = -TITLE_H;
    let width = width.max(400.0);
    let meta = journey.meta();
    let title = clean_text(&meta.title);
    let title = if title.is_empty() {
        "Untitled journey".to_owned()
    } else {
        title
    };
    out.push(fitted(
        (0.0, y0 + 14.0),
        &title,
        20.0,
        p.text,
        TextAnchor::Start,
        true,
        width * 0.7,
        Detail::Always,
    ));
    let mut sub = Vec::new();
    let variant = clean_text(&meta.variant);
    if !variant.is_empty() {
        sub.push(variant);
    }
    let owner = clean_text(&meta.owner);
    if !owner.is_empty() {
        sub.push(format!("journey owner: {owner}"));
    }
    for o in meta.outcomes.iter().take(3) {
        let unit = clean_text(&o.unit);
        let sep = if unit == "%" || unit.is_empty() {
            ""
        } else {
            " "
        };
        sub.push(format!(
            "{}: {}{sep}{unit}",
            clean_text(&o.name),
            fmt_num(o.value)
        ));
    }
    if !sub.is_empty() {
        out.push(fitted(
            (0.0, y0 + 36.0),
            &sub.join("  |  "),
            11.0,
            p.muted,
            TextAnchor::Start,
            false,
            width * 0.75,
            Detail::Always,
        ));
    }
    if let Some(d) = date {
        out.push(fitted(
            (width, y0 + 14.0),
            &clean_text(d),
            11.0,
            p.muted,
            TextAnchor::End,
            false,
            width * 0.25,
            Detail::Always,
        ));
    }
    // Headline figures: big value over a small label.
    let mut x = 0.0;
    for (label, value) in headline {
        let value = clean_text(value);
        let label = clean_text(label);
        let w = text_width(&value, 16.0, true).max(text_width(&label, 10.0, false));
        if x + w > width {
            break;
        }
        out.push(text(
            (x, y0 + 60.0),
            value,
            16.0,
            p.text,
            TextAnchor::Start,
            true,
            Detail::Always,
        ));
        out.push(text(
            (x, y0 + 78.0),
            label,
            10.0,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
        x += w + 24.0;
    }
    Rect::new(0.0, y0, width, TITLE_H)
}

fn legend(out: &mut Vec<Item>, y0: f32, width: f32, gaps: bool, p: &Palette) -> Rect {
    let mut x = 0.0;
    let mut y = y0 + 8.0;
    let row_h = 20.0;
    let size = 10.0;
    let mut entries: Vec<(Swatch, String)> = vec![
        (
            Swatch::Line(p.edge, SAME_DEPARTMENT_WIDTH, false),
            "handoff within a department".into(),
        ),
        (
            Swatch::Line(p.customer_edge, CUSTOMER_WIDTH, false),
            "handoff with the customer".into(),
        ),
        (
            Swatch::Line(p.cross, CROSS_DEPARTMENT_WIDTH, false),
            "cross-department handoff".into(),
        ),
        (
            Swatch::Line(p.rework, REWORK_WIDTH, true),
            "rework loop".into(),
        ),
        (Swatch::Box(p.bad), "score below 5".into()),
        (Swatch::Box(p.warn), "score 5 to 7".into()),
        (Swatch::Box(p.good), "score 7 or more".into()),
        (Swatch::Dot(p.good), "metric on target".into()),
        (Swatch::Dot(p.bad), "metric off target".into()),
        (Swatch::Dot(p.none), "metric without target".into()),
    ];
    if gaps {
        for b in [
            Badge::Watermelon,
            Badge::Split,
            Badge::Drop,
            Badge::Rework,
            Badge::NoOwner,
        ] {
            entries.push((Swatch::Pill(b.color(p), b.label()), b.meaning().to_owned()));
        }
    }
    out.push(text(
        (0.0, y),
        "Legend".into(),
        11.0,
        p.text,
        TextAnchor::Start,
        true,
        Detail::Always,
    ));
    x += 60.0;
    for (swatch, label) in entries {
        let sw = match swatch {
            Swatch::Pill(_, t) => text_width(t, BADGE_SIZE, true) + 8.0,
            _ => 24.0,
        };
        let w = sw + 6.0 + text_width(&label, size, false) + 18.0;
        if x + w > width && x > 60.0 {
            x = 60.0;
            y += row_h;
        }
        match swatch {
            Swatch::Line(c, wd, dashed) => out.push(Item::Line {
                points: vec![(x, y), (x + 24.0, y)],
                color: c,
                width: wd,
                dashed,
                arrow_end: false,
            }),
            Swatch::Box(c) => out.push(rect(
                Rect::new(x + 6.0, y - 6.0, 12.0, 12.0),
                Some(c),
                None,
                0.0,
                2.0,
            )),
            Swatch::Dot(c) => out.push(Item::Circle {
                center: (x + 12.0, y),
                radius: 4.0,
                fill: Some(c),
                stroke: None,
            }),
            Swatch::Pill(c, t) => {
                out.push(rect(
                    Rect::new(x, y - BADGE_H / 2.0, sw, BADGE_H),
                    Some(c),
                    None,
                    0.0,
                    BADGE_H / 2.0,
                ));
                out.push(text(
                    (x + sw / 2.0, y),
                    t.to_owned(),
                    BADGE_SIZE,
                    p.text_on(c),
                    TextAnchor::Middle,
                    true,
                    Detail::Always,
                ));
            }
        }
        out.push(text(
            (x + sw + 6.0, y),
            label,
            size,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Always,
        ));
        x += w;
    }
    Rect::new(0.0, y0, width, y - y0 + row_h / 2.0 + 4.0)
}

enum Swatch {
    Line(Color, f32, bool),
    Box(Color),
    Dot(Color),
    Pill(Color, &'static str),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::layout;
    use crate::model::*;

    /// Customer -> contact centre -> billing -> field ops, with a rework loop back
    /// to the contact centre and an internal step inside billing.
    fn journey() -> Journey {
        let mut j = Journey::new("Move address");
        for (i, (id, name)) in [("notify", "Notify the move"), ("start", "Start new")]
            .into_iter()
            .enumerate()
        {
            j.insert_stage(i, Stage::new(id, name)).unwrap();
        }
        let mut customer = Department::new("customer", "Customer", Rgb(0x6b, 0x6b, 0x6b));
        customer.kind = DepartmentKind::Customer;
        j.insert_department(0, customer).unwrap();
        j.insert_department(1, Department::new("cc", "Contact centre", Rgb::palette(0)))
            .unwrap();
        j.insert_department(2, Department::new("billing", "Billing", Rgb::palette(1)))
            .unwrap();
        for (id, name, stage, owner, mean) in [
            (
                "report",
                "Customer reports the move",
                "notify",
                Some("customer"),
                Some([0, 0, 0, 0, 0, 0, 2, 4, 8, 4, 2]),
            ),
            (
                "check",
                "Identity and account check",
                "notify",
                Some("cc"),
                Some([5, 9, 4, 1, 0, 0, 0, 1, 4, 9, 5]),
            ),
            (
                "order",
                "Move order passed to Billing where the address details are often lost on the way",
                "start",
                Some("billing"),
                None,
            ),
            (
                "bill",
                "First accurate bill",
                "start",
                Some("billing"),
                Some([9, 9, 5, 2, 1, 0, 0, 0, 0, 0, 0]),
            ),
            (
                "calls",
                "<script>alert(1)</script> \"]; evil [ 客户再次来电询问进度",
                "start",
                None,
                None,
            ),
        ] {
            let mut t = Touchpoint::new(id, name);
            t.stage = Some(StageId::new(stage));
            t.owner = owner.map(DepartmentId::new);
            t.satisfaction = mean.map(Satisfaction::Histogram);
            j.add_touchpoint(t).unwrap();
        }
        let mut t = j.touchpoint(&TouchpointId::new("check")).unwrap().clone();
        t.metrics.push(Metric {
            name: "Handle time".into(),
            value: 6.0,
            unit: "min".into(),
            target: Some(8.0),
            better: Better::Lower,
        });
        t.metrics.push(Metric {
            name: "Callbacks".into(),
            value: 3.0,
            unit: String::new(),
            target: None,
            better: Better::Lower,
        });
        t.volume = Some(12_400);
        j.update_touchpoint(t).unwrap();
        j.add_handoff(Handoff::new("report", "check")).unwrap();
        let mut h = Handoff::new("check", "order");
        h.wait_hours = Some(48.0);
        h.failure_rate = Some(0.12);
        j.add_handoff(h).unwrap();
        j.add_handoff(Handoff::new("order", "bill")).unwrap();
        j.add_handoff(Handoff::new("bill", "calls")).unwrap();
        j.add_handoff(Handoff::new("calls", "check")).unwrap();
        j
    }

    fn scene_of(
        j: &Journey,
        analysis: Option<&Analysis>,
        options: &SceneOptions,
    ) -> (Layout, Scene) {
        let l = layout(j, &LayoutConfig::default());
        let s = build_scene(j, &l, analysis, options);
        (l, s)
    }

    fn scene_of_marks(
        j: &Journey,
        marks: Option<&Marks>,
        options: &SceneOptions,
    ) -> (Layout, Scene) {
        let l = layout(j, &LayoutConfig::default());
        let s = build_scene_with_marks(j, &l, marks, options);
        (l, s)
    }

    fn texts(items: &[Item]) -> Vec<&str> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    fn key(a: &str, b: &str) -> HandoffKey {
        HandoffKey {
            from: TouchpointId::new(a),
            to: TouchpointId::new(b),
        }
    }

    #[test]
    fn one_card_group_per_touchpoint_sorted_at_the_layout_rects() {
        let j = journey();
        let (l, s) = scene_of(&j, None, &SceneOptions::default());
        let ids: Vec<&str> = s.cards.iter().map(|c| c.id.0.as_str()).collect();
        assert_eq!(ids, ["bill", "calls", "check", "order", "report"]);
        for c in &s.cards {
            assert_eq!(Some(&c.rect), l.cards.get(&c.id));
            // The card background is the first item and is exactly the card rect.
            assert!(matches!(c.items[0], Item::Rect { rect, .. } if rect == c.rect));
        }
        let check = s.card(&TouchpointId::new("check")).unwrap();
        let t = texts(&check.items);
        assert_eq!(&t[1..3], ["Identity and", "account check"]);
        assert!(t.contains(&"vol 12.4k"), "{t:?}");
        assert!(t.contains(&"Internal system"), "{t:?}");
        // mean of [5,9,4,1,0,0,0,1,4,9,5] = 190/38 = 5.0 -> amber badge
        assert!(t.contains(&"5.0"), "{t:?}");
        let p = Theme::Light.palette();
        assert!(check.items.iter().any(
            |i| matches!(i, Item::Rect { fill: Some(f), radius, .. } if *f == p.warn && *radius == 9.0)
        ));
        // 11 histogram bars minus the 3 empty scores = 8 bars.
        let bars = check
            .items
            .iter()
            .filter(|i| matches!(i, Item::Rect { radius, stroke: None, rect, .. } if *radius == 0.0 && rect.w == 6.0))
            .count();
        assert_eq!(bars, 8);
        // Two metric dots: one on target (green), one without target (grey).
        let dots: Vec<Color> = check
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Circle { fill: Some(f), .. } => Some(*f),
                _ => None,
            })
            .collect();
        assert_eq!(dots, vec![p.good, p.none]);
    }

    #[test]
    fn cross_department_handoffs_stand_out_and_loops_read_as_loops() {
        let j = journey();
        let (_, s) = scene_of(&j, None, &SceneOptions::default());
        let p = Theme::Light.palette();
        assert_eq!(s.edges.len(), 5);
        let kind = |a, b| s.edge(&key(a, b)).unwrap().kind;
        assert_eq!(kind("report", "check"), EdgeKind::CustomerFacing);
        assert_eq!(kind("check", "order"), EdgeKind::CrossDepartment);
        assert_eq!(kind("order", "bill"), EdgeKind::SameDepartment);
        assert_eq!(kind("bill", "calls"), EdgeKind::CustomerFacing);
        assert_eq!(kind("calls", "check"), EdgeKind::Rework);
        let style = |a, b| match &s.edge(&key(a, b)).unwrap().items[0] {
            Item::Line {
                color,
                width,
                dashed,
                arrow_end,
                points,
            } => (*color, *width, *dashed, *arrow_end, points.len()),
            other => panic!("{other:?}"),
        };
        let cross = style("check", "order");
        let same = style("order", "bill");
        assert_eq!((cross.0, cross.2, cross.3), (p.cross, false, true));
        assert!(
            cross.1 >= 2.0 * same.1,
            "thicker: {} vs {}",
            cross.1,
            same.1
        );
        assert_eq!(same.0, p.edge);
        let rework = style("calls", "check");
        assert_eq!((rework.0, rework.2), (p.rework, true));
        assert_eq!(rework.4, 17, "a smooth curve");
        // The queue time and failure rate are labelled on the cross-department handoff.
        let t = texts(&s.edge(&key("check", "order")).unwrap().labels);
        assert_eq!(t, ["48 h, 12% fail"]);
        assert_eq!(
            texts(&s.edge(&key("calls", "check")).unwrap().labels),
            ["rework"]
        );
        // Edges start and end on card borders.
        let l = layout(&j, &LayoutConfig::default());
        let a = l.cards[&TouchpointId::new("check")];
        let b = l.cards[&TouchpointId::new("order")];
        if let Item::Line { points, .. } = &s.edge(&key("check", "order")).unwrap().items[0] {
            let (first, last) = (points[0], points[points.len() - 1]);
            assert_eq!(first, (a.right(), a.center().1));
            assert_eq!(last, (b.x, b.center().1));
        }
    }

    #[test]
    fn every_text_fits_its_width_and_is_one_clean_line() {
        let j = journey();
        for theme in [Theme::Light, Theme::Dark] {
            let (_, s) = scene_of(
                &j,
                None,
                &SceneOptions {
                    theme,
                    date: Some("2026-11-25".into()),
                    ..Default::default()
                },
            );
            let mut fitted = 0;
            for item in s.items() {
                if let Item::Text {
                    text,
                    size,
                    bold,
                    max_width,
                    ..
                } = item
                {
                    assert!(!text.chars().any(char::is_control), "{text:?}");
                    if let Some(w) = max_width {
                        fitted += 1;
                        assert!(
                            text_width(text, *size, *bold) <= *w + 0.01,
                            "{text:?} is wider than {w}"
                        );
                    }
                }
            }
            assert!(fitted > 15, "{fitted}");
        }
        let (_, s) = scene_of(&j, None, &SceneOptions::default());
        let order = texts(&s.card(&TouchpointId::new("order")).unwrap().items)
            .into_iter()
            .filter(|t| t.starts_with("Move") || t.ends_with('…'))
            .collect::<Vec<_>>();
        assert_eq!(order.len(), 2, "{order:?}");
        assert!(order[1].ends_with('…'), "{order:?}");
    }

    #[test]
    fn building_is_deterministic() {
        let j = journey();
        let o = SceneOptions::default();
        assert_eq!(scene_of(&j, None, &o).1, scene_of(&j, None, &o).1);
        let g = crate::generate::generate(300, 3);
        let (l, a) = scene_of(&g, None, &o);
        assert_eq!(a, build_scene(&g, &l, None, &o));
        assert_eq!(a.cards.len(), 300);
        assert_eq!(a.edges.len(), g.handoff_count());
        let keys: Vec<&HandoffKey> = a.edges.iter().map(|e| &e.key).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        // Every edge and card lies inside the scene bounds.
        for e in &a.edges {
            assert!(a.bounds.intersects(&e.bbox));
            assert!(e.bbox.x >= a.bounds.x && e.bbox.right() <= a.bounds.right());
        }
    }

    #[test]
    fn the_emotion_curve_follows_journey_order_at_card_centres() {
        let j = journey();
        let (l, s) = scene_of(&j, None, &SceneOptions::default());
        let p = Theme::Light.palette();
        let curve: Vec<&Vec<(f32, f32)>> = s
            .background
            .iter()
            .filter_map(|i| match i {
                Item::Line { points, color, .. } if *color == p.curve => Some(points),
                _ => None,
            })
            .collect();
        assert_eq!(curve.len(), 1);
        // Scored touchpoints in journey order: report, check, bill.
        let pts = curve[0];
        assert_eq!(pts.len(), 3);
        let band = l.curve;
        let y_of = |m: f32| band.y + 12.0 + (1.0 - m / 10.0) * (band.h - 24.0);
        let report = l.cards[&TouchpointId::new("report")];
        assert_eq!(pts[0].0, report.center().0);
        // report: (6*2+7*4+8*8+9*4+10*2)/20 = 160/20 = 8.0
        assert!((pts[0].1 - y_of(8.0)).abs() < 0.01);
        // bill: (0*9+1*9+2*5+3*2+4*1)/26 = 29/26
        assert!((pts[2].1 - y_of(29.0 / 26.0)).abs() < 0.01);
        assert!(pts.iter().all(|&(_, y)| y >= band.y && y <= band.bottom()));
    }

    #[test]
    fn gap_badges_show_only_with_marks_and_show_gaps() {
        let j = journey();
        let mut marks = Marks::default();
        marks.touchpoints.insert(
            TouchpointId::new("check"),
            vec![Badge::Watermelon, Badge::Split],
        );
        marks
            .handoffs
            .insert(key("check", "order"), vec![Badge::Drop]);
        marks.headline = vec![("elapsed time".into(), "23 d".into())];
        let (_, s) = scene_of_marks(&j, Some(&marks), &SceneOptions::default());
        let card = texts(&s.card(&TouchpointId::new("check")).unwrap().items);
        assert!(
            card.contains(&"WATERMELON") && card.contains(&"SPLIT"),
            "{card:?}"
        );
        assert_eq!(
            texts(&s.edge(&key("check", "order")).unwrap().labels),
            ["48 h, 12% fail", "DROP"]
        );
        assert!(texts(&s.background).contains(&"23 d"));
        assert!(
            texts(&s.overlay).contains(&"WATERMELON"),
            "legend explains badges"
        );
        let (_, plain) = scene_of_marks(
            &j,
            Some(&marks),
            &SceneOptions {
                show_gaps: false,
                ..Default::default()
            },
        );
        assert!(!plain.items().any(
            |i| matches!(i, Item::Text { text, .. } if text == "WATERMELON" || text == "DROP")
        ));
    }

    #[test]
    fn title_block_has_the_figures_and_the_date() {
        let j = journey();
        let (l, s) = scene_of(
            &j,
            None,
            &SceneOptions {
                date: Some("2026-11-25".into()),
                ..Default::default()
            },
        );
        let t = texts(&s.background);
        for want in [
            "Move address",
            "2026-11-25",
            "5",
            "touchpoints",
            "handoffs",
            "1",
            "cross-department handoffs",
        ] {
            assert!(t.contains(&want), "{want} in {t:?}");
        }
        assert!(s.bounds.y < -TITLE_H && s.bounds.bottom() > l.bounds.bottom() + 20.0);
        let (_, bare) = scene_of(
            &j,
            None,
            &SceneOptions {
                title: false,
                legend: false,
                ..Default::default()
            },
        );
        assert!(bare.overlay.is_empty());
        assert!(!texts(&bare.background).contains(&"Move address"));
    }

    #[test]
    fn text_helpers() {
        assert_eq!(format_volume(950), "950");
        assert_eq!(format_volume(12_400), "12.4k");
        assert_eq!(format_volume(123_456), "123k");
        assert_eq!(format_volume(1_234_567), "1.2M");
        assert_eq!(format_volume(2_000), "2k");
        assert_eq!(format_hours(48.0), "48 h");
        assert_eq!(format_hours(0.5), "30 min");
        assert_eq!(format_hours(96.0), "4 d");
        assert_eq!(format_hours(1.25), "1.2 h");
        assert_eq!(clean_text(" a\nb\t\u{0}c "), "a b  c");
        assert_eq!(fit_text("short", 10.0, false, 100.0), "short");
        let cut = fit_text("a rather long touchpoint name", 10.0, false, 60.0);
        assert!(
            cut.ends_with('…') && text_width(&cut, 10.0, false) <= 60.0,
            "{cut}"
        );
        assert_eq!(fit_text("abc", 10.0, false, 2.0), "");
        // Chinese has no spaces: it breaks between characters.
        let lines = wrap_text(
            "客户再次来电询问进度客户再次来电询问进度",
            12.0,
            false,
            60.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].chars().count(), 4);
        assert!(lines[1].ends_with('…'));
        assert_eq!(
            wrap_text("Final meter read at old address", 12.0, false, 115.0, 2),
            ["Final meter read", "at old address"]
        );
        assert!(wrap_text("", 12.0, false, 100.0, 2).is_empty());
        let head = arrow_head(&[(0.0, 0.0), (10.0, 0.0)], 4.0).unwrap();
        assert_eq!(head, [(10.0, 0.0), (6.0, 2.0), (6.0, -2.0)]);
        assert_eq!(arrow_head(&[(1.0, 1.0), (1.0, 1.0)], 4.0), None);
        assert_eq!(
            Color::rgb(0, 0, 0).mix(Color::rgb(200, 100, 50), 0.5),
            Color::rgb(100, 50, 25)
        );
        assert_eq!(Color::rgb(0x4e, 0x79, 0xa7).to_hex(), "#4e79a7");
    }
}
