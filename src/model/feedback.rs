//! Voice of the customer on a touchpoint: the themes of its comments and its score per
//! period, as measured from survey answers (`touchpoint feedback`).

/// A theme of a touchpoint's comments.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CommentTheme {
    /// Its most used words, most used first.
    pub terms: Vec<String>,
    /// Comments in the theme.
    pub count: u64,
    /// Of those, comments from detractors (0-6 on the 0-10 scale).
    pub detractors: u64,
    /// Of those, comments from promoters (9-10).
    pub promoters: u64,
    /// The most representative comments (evidence quotes), at most three.
    pub quotes: Vec<String>,
}

impl CommentTheme {
    /// `late / technician / appointment`.
    pub fn label(&self) -> String {
        self.terms.join(" / ")
    }
}

/// The mean score (0-10) and response count of one period.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TrendPoint {
    /// `2026-03` (month), `2026-W05` (ISO week) or `2026-Q1` (quarter).
    pub period: String,
    pub mean: f64,
    pub responses: u64,
}
