//! Answer scales: 0-10 (likelihood to recommend), 1-5 (CSAT), 1-7 and 1-5 stars, given or
//! detected from the answers, and their linear mapping onto the map's 0-10 scale.
//!
//! `x` on a scale `lo..=hi` becomes `(x - lo) / (hi - lo) * 10`: on 1-5, 1 -> 0, 2 -> 2.5,
//! 3 -> 5, 4 -> 7.5, 5 -> 10; on 1-7, 4 -> 5. An answer outside its scale, between its steps
//! (`3.5` on 1-5), or not a number is an error for the caller to report with its line: it
//! is left out, never clamped or rounded.
//!
//! An answer may carry its own scale: `4/5`, `8 out of 10`, `★★★★☆`, `4 stars`. Such an
//! answer on another scale than the file's is a "mixed scale" error, not converted.

/// A scale of answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scale {
    /// 0-10, as on the map (likelihood to recommend, NPS questions).
    ZeroToTen,
    /// 1-5 (CSAT, effort).
    OneToFive,
    /// 1-7.
    OneToSeven,
    /// 1-5 stars (`★★★★☆`, `4 stars` or a plain 1-5).
    Stars,
}

impl Scale {
    pub const ALL: [Scale; 4] = [
        Scale::ZeroToTen,
        Scale::OneToFive,
        Scale::OneToSeven,
        Scale::Stars,
    ];

    /// `0-10`, `1-5`, `1-7`, `stars` (also `nps`, `ltr`, `csat`, `5`, `7`, `10`).
    pub fn parse(text: &str) -> Option<Scale> {
        let t: String = text
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        Some(match t.as_str() {
            "0-10" | "0..10" | "0to10" | "10" | "nps" | "ltr" => Scale::ZeroToTen,
            "1-5" | "1..5" | "1to5" | "5" | "csat" => Scale::OneToFive,
            "1-7" | "1..7" | "1to7" | "7" => Scale::OneToSeven,
            "stars" | "star" | "1-5stars" | "★" => Scale::Stars,
            _ => return None,
        })
    }

    /// The label used in reports and on the command line.
    pub fn label(self) -> &'static str {
        match self {
            Scale::ZeroToTen => "0-10",
            Scale::OneToFive => "1-5",
            Scale::OneToSeven => "1-7",
            Scale::Stars => "stars",
        }
    }

    /// The lowest and highest answer.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Scale::ZeroToTen => (0.0, 10.0),
            Scale::OneToFive | Scale::Stars => (1.0, 5.0),
            Scale::OneToSeven => (1.0, 7.0),
        }
    }

    /// Map an answer on this scale onto 0-10 (linear). The answer must be in bounds.
    pub fn to_ten(self, value: f64) -> f64 {
        let (lo, hi) = self.bounds();
        (value - lo) / (hi - lo) * 10.0
    }

    /// Whether answers land on whole 0-10 points (only the 0-10 scale; a 1-5 answer of 2
    /// is 2.5), so that a 0-10 histogram holds them exactly and NPS is defined.
    pub fn is_native(self) -> bool {
        self == Scale::ZeroToTen
    }

    /// Read one answer on this scale: its value on the scale (not yet mapped).
    pub fn read(self, text: &str) -> Result<f64, ScoreError> {
        self.check_answer(parse_answer(text)?, text)
    }

    /// Check an answer already parsed (`text` is what it was, for messages).
    pub fn check_answer(self, answer: Answer, text: &str) -> Result<f64, ScoreError> {
        if let Some(own) = answer.scale
            && !self.accepts(own)
        {
            return Err(ScoreError::MixedScale {
                text: text.trim().to_owned(),
                answer: own,
                file: self,
            });
        }
        self.check(answer.value, text)
    }

    fn accepts(self, own: Scale) -> bool {
        own == self
            || matches!(
                (self, own),
                (Scale::OneToFive, Scale::Stars) | (Scale::Stars, Scale::OneToFive)
            )
    }

    fn check(self, value: f64, text: &str) -> Result<f64, ScoreError> {
        let (lo, hi) = self.bounds();
        if !(lo..=hi).contains(&value) {
            return Err(ScoreError::OutOfScale {
                text: text.trim().to_owned(),
                scale: self,
            });
        }
        if value.fract() != 0.0 {
            return Err(ScoreError::NotAStep {
                text: text.trim().to_owned(),
                scale: self,
            });
        }
        Ok(value)
    }
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Why an answer was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoreError {
    Empty,
    NotANumber(String),
    OutOfScale {
        text: String,
        scale: Scale,
    },
    NotAStep {
        text: String,
        scale: Scale,
    },
    MixedScale {
        text: String,
        answer: Scale,
        file: Scale,
    },
}

impl std::fmt::Display for ScoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScoreError::Empty => f.write_str("no score"),
            ScoreError::NotANumber(t) => write!(f, "the score {t:?} is not a number"),
            ScoreError::OutOfScale { text, scale } => {
                write!(f, "the score {text} is outside the {scale} scale")
            }
            ScoreError::NotAStep { text, scale } => {
                write!(
                    f,
                    "the score {text} is not a whole step of the {scale} scale"
                )
            }
            ScoreError::MixedScale { text, answer, file } => write!(
                f,
                "the score {text:?} is on the {answer} scale, the file's answers are on {file}"
            ),
        }
    }
}

impl std::error::Error for ScoreError {}

/// An answer as written: its number, and its own scale when the text says it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Answer {
    pub value: f64,
    pub scale: Option<Scale>,
}

/// Read an answer's text: `7`, `7.0`, `7,0`, `4/5`, `8 out of 10`, `★★★★☆`, `4 stars`.
pub fn parse_answer(text: &str) -> Result<Answer, ScoreError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ScoreError::Empty);
    }
    let bad = || ScoreError::NotANumber(t.to_owned());
    if t.chars().all(|c| matches!(c, '★' | '☆' | '✩' | '⭐' | ' ')) {
        let filled = t.chars().filter(|&c| c == '★' || c == '⭐').count();
        return Ok(Answer {
            value: filled as f64,
            scale: Some(Scale::Stars),
        });
    }
    if let Some(v) = crate::dialect::csv::parse_number(t) {
        return Ok(Answer {
            value: v,
            scale: None,
        });
    }
    let lower = t.to_lowercase();
    for suffix in [" stars", " star", "stars", "star", "星"] {
        if let Some(head) = lower.strip_suffix(suffix) {
            let v = crate::dialect::csv::parse_number(head).ok_or_else(bad)?;
            return Ok(Answer {
                value: v,
                scale: Some(Scale::Stars),
            });
        }
    }
    let split = lower
        .split_once('/')
        .or_else(|| lower.split_once(" out of "))
        .or_else(|| lower.split_once(" of "));
    if let Some((num, den)) = split {
        let v = crate::dialect::csv::parse_number(num).ok_or_else(bad)?;
        let scale = match den.trim() {
            "10" => Scale::ZeroToTen,
            "5" => Scale::OneToFive,
            "7" => Scale::OneToSeven,
            _ => return Err(bad()),
        };
        return Ok(Answer {
            value: v,
            scale: Some(scale),
        });
    }
    Err(bad())
}

/// Detects a file's scale from its answers: feed every readable answer, then ask.
///
/// Rule: answers that carry their own scale (`4/5`, stars) vote for it; otherwise any plain
/// answer of 0 or above 7 means 0-10, else a highest answer of 5 or less means 1-5, else
/// 1-7. Nothing readable: 0-10.
#[derive(Clone, Debug, Default)]
pub struct ScaleDetector {
    min: Option<f64>,
    max: Option<f64>,
    own: [u64; 4],
    plain: u64,
}

impl ScaleDetector {
    pub fn new() -> ScaleDetector {
        ScaleDetector::default()
    }

    /// Count one answer's text (unreadable ones are ignored here; reading reports them).
    pub fn feed(&mut self, text: &str) {
        if let Ok(a) = parse_answer(text) {
            self.feed_answer(a);
        }
    }

    /// Count one parsed answer.
    pub fn feed_answer(&mut self, a: Answer) {
        match a.scale {
            Some(s) => {
                if let Some(n) = Scale::ALL
                    .iter()
                    .position(|x| *x == s)
                    .and_then(|i| self.own.get_mut(i))
                {
                    *n += 1;
                }
            }
            None => {
                self.plain += 1;
                self.min = Some(self.min.map_or(a.value, |m| m.min(a.value)));
                self.max = Some(self.max.map_or(a.value, |m| m.max(a.value)));
            }
        }
    }

    /// The scale the answers are on.
    pub fn scale(&self) -> Scale {
        let own_total: u64 = self.own.iter().sum();
        if own_total > self.plain {
            // The most frequent explicit scale (ties: the order of Scale::ALL).
            let mut best = 0;
            for (i, n) in self.own.iter().enumerate() {
                if *n > self.own.get(best).copied().unwrap_or(0) {
                    best = i;
                }
            }
            return Scale::ALL.get(best).copied().unwrap_or(Scale::ZeroToTen);
        }
        match (self.min, self.max) {
            (Some(lo), Some(hi)) if lo >= 1.0 && hi <= 5.0 => Scale::OneToFive,
            (Some(lo), Some(hi)) if lo >= 1.0 && hi <= 7.0 => Scale::OneToSeven,
            _ => Scale::ZeroToTen,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_is_linear_onto_ten() {
        assert_eq!(Scale::ZeroToTen.to_ten(7.0), 7.0);
        let five: Vec<f64> = (1..=5)
            .map(|v| Scale::OneToFive.to_ten(f64::from(v)))
            .collect();
        assert_eq!(five, vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(Scale::OneToSeven.to_ten(4.0), 5.0);
        assert_eq!(Scale::Stars.to_ten(5.0), 10.0);
    }

    #[test]
    fn out_of_scale_and_non_numbers_are_errors_not_clamped() {
        assert_eq!(Scale::ZeroToTen.read(" 10 "), Ok(10.0));
        assert_eq!(Scale::ZeroToTen.read("7,0"), Ok(7.0));
        assert!(matches!(
            Scale::ZeroToTen.read("11"),
            Err(ScoreError::OutOfScale { .. })
        ));
        assert!(matches!(
            Scale::OneToFive.read("0"),
            Err(ScoreError::OutOfScale { .. })
        ));
        assert!(matches!(
            Scale::OneToFive.read("3.5"),
            Err(ScoreError::NotAStep { .. })
        ));
        assert!(matches!(
            Scale::ZeroToTen.read("great"),
            Err(ScoreError::NotANumber(_))
        ));
        assert_eq!(Scale::ZeroToTen.read(""), Err(ScoreError::Empty));
        assert_eq!(
            Scale::ZeroToTen.read("-1").unwrap_err().to_string(),
            "the score -1 is outside the 0-10 scale"
        );
    }

    #[test]
    fn answers_with_their_own_scale() {
        assert_eq!(Scale::Stars.read("★★★★☆"), Ok(4.0));
        assert_eq!(Scale::OneToFive.read("4 stars"), Ok(4.0));
        assert_eq!(Scale::OneToFive.read("4/5"), Ok(4.0));
        assert_eq!(Scale::ZeroToTen.read("8 out of 10"), Ok(8.0));
        assert!(matches!(
            Scale::ZeroToTen.read("4/5"),
            Err(ScoreError::MixedScale { .. })
        ));
        assert!(matches!(
            Scale::OneToFive.read("9/10"),
            Err(ScoreError::MixedScale { .. })
        ));
        assert!(matches!(
            Scale::ZeroToTen.read("4/6"),
            Err(ScoreError::NotANumber(_))
        ));
    }

    #[test]
    fn scales_are_detected_from_values() {
        let detect = |answers: &[&str]| {
            let mut d = ScaleDetector::new();
            for a in answers {
                d.feed(a);
            }
            d.scale()
        };
        assert_eq!(detect(&["1", "5", "3"]), Scale::OneToFive);
        assert_eq!(detect(&["1", "6", "7"]), Scale::OneToSeven);
        assert_eq!(detect(&["0", "3"]), Scale::ZeroToTen);
        assert_eq!(detect(&["2", "9"]), Scale::ZeroToTen);
        assert_eq!(detect(&["★★", "★★★★★", "x"]), Scale::Stars);
        assert_eq!(detect(&[]), Scale::ZeroToTen);
        assert_eq!(Scale::parse("1-7"), Some(Scale::OneToSeven));
        assert_eq!(Scale::parse("Stars"), Some(Scale::Stars));
        assert_eq!(Scale::parse("1-9"), None);
    }
}
