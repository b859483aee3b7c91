//! A census of a journey file: how many touchpoints and handoffs it has, and the few
//! facts of each that decide how much its drawing holds (histogram bars, metrics, a
//! handoff's queue time and failure rate), read from the text in one pass without
//! building anything. The raster exports use it to refuse a map too big for one image
//! before the full load (`export::raster::refuse_early_census`), in a tenth of its time.
//!
//! The census only answers for files it fully understands: plain RON with the shapes
//! the format writes (canonical or hand-written: any field order, comments, `Some(..)`
//! or implicit some, raw strings, struct names). Anything else, and every value the
//! loader would refuse among those it reads, gives `None`: the caller then loads the
//! file and says what the loader says. It never panics and never recurses.

use super::MAX_DEPTH;
use super::convert::{MAX_HANDOFFS, MAX_TOUCHPOINTS};

/// What the drawing of one touchpoint depends on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CardFacts {
    /// The number of non-zero counts of its histogram, when its scores are one.
    pub histogram_bars: Option<usize>,
    pub metrics: usize,
}

/// What the drawing of one handoff depends on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EdgeFacts {
    pub wait_hours: Option<f64>,
    pub failure_rate: Option<f64>,
}

/// The touchpoints and handoffs of a file, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Census {
    pub touchpoints: Vec<CardFacts>,
    pub handoffs: Vec<EdgeFacts>,
}

/// Where a value stands: the part of the format that holds it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    /// The file itself.
    Top,
    /// A field of the journey: `touchpoints`, `handoffs` or another one.
    Touchpoints,
    Handoffs,
    /// An element of the touchpoint list, of the handoff list.
    Touchpoint,
    Handoff,
    /// Fields of a touchpoint.
    Metrics,
    Scores,
    /// An element of the metric list.
    Metric,
    /// Fields of the scores.
    Histogram,
    ScoresMean,
    /// An element of the histogram.
    Count,
    /// Fields of a handoff.
    Wait,
    Failure,
    /// Anything else (read past).
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// `( ... )` of the journey.
    Journey,
    TouchpointList,
    Touchpoint,
    MetricList,
    Scores,
    Histogram,
    HandoffList,
    Handoff,
    /// `Some( ... )`: its value stands in the slot of the `Some`.
    Some(Slot),
    Other,
}

struct Frame {
    role: Role,
    /// The field whose value comes next (parenthesised frames).
    field: Slot,
    /// The fields of interest met so far (a second one is the loader's to report).
    seen: u32,
}

impl Frame {
    /// The slot of a value starting now in this frame.
    fn slot(&self) -> Slot {
        match self.role {
            Role::Journey | Role::Touchpoint | Role::Scores | Role::Handoff => self.field,
            Role::TouchpointList => Slot::Touchpoint,
            Role::HandoffList => Slot::Handoff,
            Role::MetricList => Slot::Metric,
            Role::Histogram => Slot::Count,
            Role::Some(s) => s,
            Role::Other => Slot::Other,
        }
    }

    fn has_fields(&self) -> bool {
        matches!(
            self.role,
            Role::Journey | Role::Touchpoint | Role::Scores | Role::Handoff | Role::Other
        )
    }
}

/// The field `name` of a frame of `role`.
fn field_slot(role: Role, name: &[u8]) -> Slot {
    match (role, name) {
        (Role::Journey, b"touchpoints") => Slot::Touchpoints,
        (Role::Journey, b"handoffs") => Slot::Handoffs,
        (Role::Touchpoint, b"metrics") => Slot::Metrics,
        (Role::Touchpoint, b"scores") => Slot::Scores,
        (Role::Scores, b"histogram") => Slot::Histogram,
        (Role::Scores, b"mean") => Slot::ScoresMean,
        (Role::Handoff, b"wait_hours") => Slot::Wait,
        (Role::Handoff, b"failure_rate") => Slot::Failure,
        _ => Slot::Other,
    }
}

/// A touchpoint being read: its facts and its histogram so far.
#[derive(Default)]
struct CardRead {
    facts: CardFacts,
    counts: Option<usize>,
    mean: bool,
}

/// Byte classes: blanks, identifier bytes, word bytes (identifiers and numbers).
const SPACE: u8 = 1;
const IDENT: u8 = 2;
const WORD: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            t[b] = SPACE;
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            t[b] = IDENT | WORD;
        } else if matches!(c, b'.' | b'+' | b'-') {
            t[b] = WORD;
        }
        b += 1;
    }
    t
};

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    CLASS[usize::from(b)] & IDENT != 0
}

/// The census of journey text, or `None` when the text is not a journey the census
/// understands (the caller then loads it and reports what the loader finds).
pub fn census(src: &str) -> Option<Census> {
    Scanner {
        s: src.as_bytes(),
        i: 0,
    }
    .run()
}

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Skip whitespace and comments; `None` on a comment that never ends.
    fn skip_blank(&mut self) -> Option<()> {
        let s = self.s;
        loop {
            let mut i = self.i;
            while i < s.len() && CLASS[usize::from(s[i])] & SPACE != 0 {
                i += 1;
            }
            self.i = i;
            if s.get(i) != Some(&b'/') {
                return Some(());
            }
            match s.get(i + 1) {
                Some(b'/') => {
                    self.i = memchr::memchr(b'\n', &s[i..]).map_or(s.len(), |k| i + k + 1);
                }
                Some(b'*') => {
                    self.i += 2;
                    let mut depth = 1usize;
                    while depth > 0 {
                        let k = memchr::memchr2(b'*', b'/', &s[self.i..])?;
                        self.i += k;
                        match (s[self.i], s.get(self.i + 1)) {
                            (b'*', Some(b'/')) => {
                                depth -= 1;
                                self.i += 2;
                            }
                            (b'/', Some(b'*')) => {
                                depth += 1;
                                self.i += 2;
                            }
                            _ => self.i += 1,
                        }
                    }
                }
                _ => return Some(()),
            }
        }
    }

    /// Past a string whose opening quote is at `self.i`.
    fn skip_string(&mut self, quote: u8) -> Option<()> {
        let s = self.s;
        self.i += 1;
        loop {
            let k = memchr::memchr2(quote, b'\\', s.get(self.i..)?)?;
            self.i += k + 1;
            if s[self.i - 1] == quote {
                return Some(());
            }
            self.i += 1;
        }
    }

    /// Past a raw string `r#"..."#` whose `r` is at `self.i`.
    fn skip_raw_string(&mut self) -> Option<()> {
        let s = self.s;
        self.i += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.i += 1;
        }
        if self.peek()? != b'"' {
            return None;
        }
        self.i += 1;
        loop {
            let k = memchr::memchr(b'"', s.get(self.i..)?)?;
            self.i += k + 1;
            if s.len() >= self.i + hashes && s[self.i..self.i + hashes].iter().all(|&h| h == b'#') {
                self.i += hashes;
                return Some(());
            }
        }
    }

    /// A word: an identifier or a number (`[A-Za-z0-9_.+-]+`).
    fn word(&mut self) -> &[u8] {
        let s = self.s;
        let start = self.i;
        let mut i = start;
        while i < s.len() && CLASS[usize::from(s[i])] & WORD != 0 {
            i += 1;
        }
        self.i = i;
        &s[start..i]
    }

    fn run(mut self) -> Option<Census> {
        let mut w = Walk {
            out: Census::default(),
            stack: Vec::new(),
            card: None,
            edge: None,
            done: false,
            at_element: true,
        };
        loop {
            self.skip_blank()?;
            let Some(b) = self.peek() else { break };
            if w.done {
                // Only blanks may follow the journey.
                return None;
            }
            if w.stack.len() > 2 * MAX_DEPTH {
                return None;
            }
            match b {
                b',' => {
                    self.i += 1;
                    let f = w.stack.last_mut()?;
                    if matches!(f.role, Role::Some(_)) {
                        return None;
                    }
                    f.field = Slot::Other;
                    w.at_element = true;
                    continue;
                }
                b')' | b']' | b'}' => {
                    self.i += 1;
                    w.close(b)?;
                    continue;
                }
                _ => {}
            }
            if self.field_name(&mut w, b)? {
                continue;
            }
            w.at_element = false;
            self.value(&mut w, b)?;
        }
        if !w.done || w.card.is_some() || w.edge.is_some() {
            return None;
        }
        Some(w.out)
    }

    /// A field name, `ident :` at the start of an element of a parenthesised frame:
    /// `Some(true)` when one was read (the cursor is past the colon).
    fn field_name(&mut self, w: &mut Walk, b: u8) -> Option<bool> {
        let top = w.stack.last();
        if !(w.at_element && is_ident_start(b) && top.is_some_and(Frame::has_fields)) {
            return Some(false);
        }
        let save = self.i;
        let name_start = self.i;
        let mut name_end = name_start;
        while name_end < self.s.len() && is_ident(self.s[name_end]) {
            name_end += 1;
        }
        self.i = name_end;
        self.skip_blank()?;
        if self.peek() == Some(b':') && self.s.get(self.i + 1) != Some(&b':') {
            self.i += 1;
            let f = w.stack.last_mut()?;
            f.field = field_slot(f.role, &self.s[name_start..name_end]);
            if f.field != Slot::Other {
                let bit = 1u32 << (f.field as u32);
                if f.seen & bit != 0 {
                    return None;
                }
                f.seen |= bit;
            }
            w.at_element = false;
            return Some(true);
        }
        self.i = save;
        Some(false)
    }

    /// A value starting with `b`: a bracket opens a frame, a string is skipped, a word
    /// is a scalar or (before `(`) a name opening a frame.
    fn value(&mut self, w: &mut Walk, b: u8) -> Option<()> {
        let slot = match w.stack.last() {
            None => Slot::Top,
            Some(f) => f.slot(),
        };
        if slot == Slot::Metric
            && let Some(c) = w.card.as_mut()
        {
            c.facts.metrics += 1;
        }
        let text_allowed = slot == Slot::Other || slot == Slot::Metric;
        match b {
            b'(' | b'[' | b'{' => {
                self.i += 1;
                let role = open(slot, b, &mut w.card, &mut w.edge)?;
                w.push(role);
            }
            b'"' | b'\'' => {
                if !text_allowed {
                    return None;
                }
                self.skip_string(b)?;
            }
            b'#' => return None,
            b'r' if matches!(self.s.get(self.i + 1), Some(b'"' | b'#')) => {
                if !text_allowed {
                    return None;
                }
                self.skip_raw_string()?;
            }
            b'b' if matches!(self.s.get(self.i + 1), Some(b'"' | b'\'')) => {
                if !text_allowed {
                    return None;
                }
                self.i += 1;
                let q = self.peek()?;
                self.skip_string(q)?;
            }
            _ => self.word_value(w, slot)?,
        }
        Some(())
    }

    /// A word in `slot`: a scalar, or a name followed by `(` (`Some(..)`, a struct or a
    /// variant with fields) that opens a frame.
    fn word_value(&mut self, w: &mut Walk, slot: Slot) -> Option<()> {
        let start = self.i;
        if self.word().is_empty() {
            return None;
        }
        let word = &self.s[start..self.i];
        let ident = is_ident_start(word[0]);
        let before = self.i;
        self.skip_blank()?;
        if ident && self.peek() == Some(b'(') {
            self.i += 1;
            let role = if word == b"Some" {
                Role::Some(slot)
            } else {
                open(slot, b'(', &mut w.card, &mut w.edge)?
            };
            w.push(role);
            return Some(());
        }
        self.i = before;
        scalar(slot, word, &mut w.card, &mut w.edge)
    }
}

/// What the census has read so far: the figures, the open frames, the card and the
/// handoff being read, whether the journey closed, and whether a field name may come.
struct Walk {
    out: Census,
    stack: Vec<Frame>,
    card: Option<CardRead>,
    edge: Option<EdgeFacts>,
    done: bool,
    at_element: bool,
}

impl Walk {
    fn push(&mut self, role: Role) {
        self.stack.push(Frame {
            role,
            field: Slot::Other,
            seen: 0,
        });
        self.at_element = true;
    }

    /// A closing bracket `b`: it must match its frame; a closed touchpoint or handoff
    /// is counted, a closed journey ends the census.
    fn close(&mut self, b: u8) -> Option<()> {
        let f = self.stack.pop()?;
        let want = match f.role {
            Role::TouchpointList | Role::MetricList | Role::Histogram | Role::HandoffList => b']',
            Role::Journey | Role::Touchpoint | Role::Scores | Role::Handoff | Role::Some(_) => b')',
            Role::Other => b,
        };
        if b != want {
            return None;
        }
        match f.role {
            Role::Touchpoint => {
                let c = self.card.take()?;
                let mut facts = c.facts;
                if c.mean && facts.histogram_bars.is_some() {
                    return None;
                }
                if c.counts.is_some_and(|n| n != 11) {
                    return None;
                }
                if self.out.touchpoints.len() >= MAX_TOUCHPOINTS {
                    return None;
                }
                facts.histogram_bars = facts.histogram_bars.filter(|_| !c.mean);
                self.out.touchpoints.push(facts);
            }
            Role::Handoff => {
                if self.out.handoffs.len() >= MAX_HANDOFFS {
                    return None;
                }
                self.out.handoffs.push(self.edge.take()?);
            }
            Role::Journey => self.done = true,
            _ => {}
        }
        self.at_element = false;
        Some(())
    }
}

/// The frame a bracket `b` opens in `slot`; `None` when the format has no such shape.
fn open(
    slot: Slot,
    b: u8,
    card: &mut Option<CardRead>,
    edge: &mut Option<EdgeFacts>,
) -> Option<Role> {
    Some(match (slot, b) {
        (Slot::Top, b'(') => Role::Journey,
        (Slot::Touchpoints, b'[') => Role::TouchpointList,
        (Slot::Handoffs, b'[') => Role::HandoffList,
        (Slot::Touchpoint, b'(') => {
            *card = Some(CardRead::default());
            Role::Touchpoint
        }
        (Slot::Handoff, b'(') => {
            *edge = Some(EdgeFacts::default());
            Role::Handoff
        }
        (Slot::Metrics, b'[') => Role::MetricList,
        (Slot::Scores, b'(') => Role::Scores,
        (Slot::Histogram, b'[') => {
            let c = card.as_mut()?;
            c.facts.histogram_bars = Some(0);
            c.counts = Some(0);
            Role::Histogram
        }
        (Slot::Other | Slot::Metric, _) => Role::Other,
        _ => return None,
    })
}

/// A value that is a word (a number, `None`, `true`, a variant name) in `slot`.
fn scalar(
    slot: Slot,
    w: &[u8],
    card: &mut Option<CardRead>,
    edge: &mut Option<EdgeFacts>,
) -> Option<()> {
    let none = w == b"None";
    let number = || -> Option<f64> {
        let v: f64 = std::str::from_utf8(w).ok()?.parse().ok()?;
        // Only plain decimal numbers (no `inf`, `NaN`, `_` or hex), finite.
        (w.iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'+' | b'-' | b'e' | b'E'))
            && v.is_finite())
        .then_some(v)
    };
    match slot {
        Slot::Other | Slot::Metric => {}
        Slot::Count => {
            let c = card.as_mut()?;
            if !w.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let n: u64 = std::str::from_utf8(w).ok()?.parse().ok()?;
            if n > u64::from(u32::MAX) {
                return None;
            }
            c.counts = Some(c.counts? + 1);
            if n > 0 {
                c.facts.histogram_bars = Some(c.facts.histogram_bars? + 1);
            }
        }
        Slot::ScoresMean => {
            if !none {
                card.as_mut()?.mean = true;
            }
        }
        Slot::Wait | Slot::Failure => {
            let e = edge.as_mut()?;
            if !none {
                let v = number()?;
                let ok = if slot == Slot::Wait {
                    v >= 0.0
                } else {
                    (0.0..=1.0).contains(&v)
                };
                if !ok {
                    return None;
                }
                if slot == Slot::Wait {
                    e.wait_hours = Some(v);
                } else {
                    e.failure_rate = Some(v);
                }
            }
        }
        Slot::Touchpoints | Slot::Handoffs | Slot::Metrics => {
            if !none {
                return None;
            }
        }
        Slot::Scores | Slot::Histogram => {
            if !none {
                return None;
            }
        }
        Slot::Top | Slot::Touchpoint | Slot::Handoff => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_the_drawing_depends_on_in_any_spelling() {
        let src = r#"// a comment (with brackets [
#![enable(implicit_some)]
(title: "x")"#;
        assert_eq!(census(src), None, "attributes are left to the loader");
        let src = r##"FileDto(
    title: "A \"(tricky)\" title [",
    /* nested /* comment */ ) */
    handoffs: [
        (from: "a", to: "b", wait_hours: Some(2.5), label: r#"x)"#),
        (failure_rate: 0.1, from: "b", to: "a", wait_hours: None),
        (from: "a", to: "c", wait_hours: 0.0),
    ],
    touchpoints: [
        (id: "a", name: "A", scores: Some((histogram: Some([0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 9]))),
            metrics: [(name: "m", value: 1.0), (name: "n", value: 2.0, unit: "(")]),
        TouchpointDto(id: "b", name: "B", scores: (mean: 4.4, responses: 3)),
        (id: "c", name: "C", scores: None, metrics: []),
    ],
)
"##;
        let c = census(src).expect("understood");
        assert_eq!(
            c.touchpoints,
            vec![
                CardFacts {
                    histogram_bars: Some(3),
                    metrics: 2
                },
                CardFacts::default(),
                CardFacts::default(),
            ]
        );
        assert_eq!(
            c.handoffs,
            vec![
                EdgeFacts {
                    wait_hours: Some(2.5),
                    failure_rate: None
                },
                EdgeFacts {
                    wait_hours: None,
                    failure_rate: Some(0.1)
                },
                EdgeFacts {
                    wait_hours: Some(0.0),
                    failure_rate: None
                },
            ]
        );
    }

    #[test]
    fn leaves_what_the_loader_would_refuse_to_the_loader() {
        for src in [
            "",
            "(",
            "(title: \"x\"",
            "(title: \"x\") trailing",
            "(touchpoints: [(id: \"a\", scores: (histogram: [1, 2]))])",
            "(touchpoints: [(id: \"a\", scores: (histogram: [0,0,0,0,0,0,0,0,0,0,-1]))])",
            "(touchpoints: [(id: \"a\", scores: (histogram: [0,0,0,0,0,0,0,0,0,0,1], mean: 2.0))])",
            "(handoffs: [(from: \"a\", to: \"b\", wait_hours: -1.0)])",
            "(handoffs: [(from: \"a\", to: \"b\", wait_hours: inf)])",
            "(handoffs: [(from: \"a\", to: \"b\", failure_rate: 1.5)])",
            "(handoffs: [(from: \"a\", to: \"b\", wait_hours: 1_0)])",
            "(touchpoints: (id: \"a\"))",
            "(touchpoints: [(id: \"a\"]))",
            "(touchpoints: [], touchpoints: [])",
            "(handoffs: [(from: \"a\", wait_hours: 1.0, wait_hours: 2.0)])",
            "(title: \"unterminated)",
            "(title: r#\"raw\"",
            "(/* open",
            "[1, 2]",
        ] {
            assert_eq!(census(src), None, "{src}");
        }
        let deep = "(title: ".to_owned() + &"[".repeat(10_000);
        assert_eq!(census(&deep), None);
    }

    #[test]
    fn reads_the_canonical_text_of_every_sample() {
        for (name, _) in crate::samples::SAMPLES {
            let Some(Ok(j)) = crate::samples::load_sample(name) else {
                panic!("{name}");
            };
            let text = crate::io::to_ron_string(&j);
            let c = census(&text).expect(name);
            assert_eq!(c.touchpoints.len(), j.touchpoint_count(), "{name}");
            assert_eq!(c.handoffs.len(), j.handoff_count(), "{name}");
            for (facts, t) in c.touchpoints.iter().zip(j.touchpoints()) {
                assert_eq!(facts.metrics, t.metrics.len(), "{name} {}", t.id);
                let bars = t
                    .satisfaction
                    .as_ref()
                    .and_then(|s| s.histogram())
                    .map(|h| h.iter().filter(|&&n| n > 0).count());
                assert_eq!(facts.histogram_bars, bars, "{name} {}", t.id);
            }
            for (facts, h) in c.handoffs.iter().zip(j.handoffs()) {
                assert_eq!(facts.wait_hours, h.wait_hours, "{name}");
                assert_eq!(facts.failure_rate, h.failure_rate, "{name}");
            }
        }
    }
}
