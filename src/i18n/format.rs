//! The one formatting module: numbers, shares, scores, durations, volumes, ratios and
//! dates as a person reads them in the current language ([`super::current`]).
//!
//! English: "45 min", "4.7 h", "23.1 days", "12,400", "12.4k", "6.3x", "2026-12-02".
//! 简体中文: "45 分钟", "4.7 小时", "23.1 天", "12,400", "1.2万", "6.3 倍", "2026年12月2日".
//!
//! The words come from the message files (`fmt-*` in `report.ftl`), so a new language
//! brings its own; they are looked up once per language and thread, not per number.
//! One threshold for durations everywhere: under an hour in minutes, under 48 hours in
//! hours, from 48 hours in days.

use super::Lang;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::fmt::Write as _;

/// Durations from this many hours are written in days.
pub const DAYS_FROM_HOURS: f64 = 48.0;

/// A message with one `$n`, split around it: (before, after).
#[derive(Clone, Debug, Default)]
struct Pattern(String, String);

impl Pattern {
    fn load(id: &str) -> Pattern {
        const MARK: &str = "\u{1}";
        let s = super::tr_args(id, &[("n", MARK.into())]);
        match s.split_once(MARK) {
            Some((a, b)) => Pattern(a.to_owned(), b.to_owned()),
            None => Pattern(String::new(), format!(" {s}")),
        }
    }

    fn with(&self, n: &str) -> String {
        let mut out = String::with_capacity(self.0.len() + n.len() + self.1.len());
        out.push_str(&self.0);
        out.push_str(n);
        out.push_str(&self.1);
        out
    }
}

/// Messages looked up once per language and thread: the map and the canvas print
/// the same few words on thousands of cards and handoffs. Hashed with Fx: the keys
/// are message ids from the code, never from a file.
#[derive(Default)]
struct Cache {
    lang: Option<Lang>,
    patterns: FxHashMap<String, Pattern>,
    words: FxHashMap<String, String>,
}

impl Cache {
    fn check(&mut self) {
        let lang = super::current();
        if self.lang.as_ref() != Some(&lang) {
            self.patterns.clear();
            self.words.clear();
            self.lang = Some(lang);
        }
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The message `id` (no variables) in the current language, looked up once per
/// language and thread.
pub fn word(id: &str) -> String {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.check();
        if let Some(w) = c.words.get(id) {
            return w.clone();
        }
        let w = super::tr(id);
        c.words.insert(id.to_owned(), w.clone());
        w
    })
}

/// What separates the items of a list written on one line ("; ", "；").
pub fn list_separator() -> String {
    word("fmt-list-separator")
}

/// The message `id` with its one variable `$n` set to `n` (already formatted),
/// the message looked up once per language and thread.
pub fn fill(id: &str, n: &str) -> String {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.check();
        if let Some(p) = c.patterns.get(id) {
            return p.with(n);
        }
        let p = Pattern::load(id);
        let out = p.with(n);
        c.patterns.insert(id.to_owned(), p);
        out
    })
}

/// One decimal, without a useless ".0": 2.0 -> "2", 2.25 -> "2.3" (rounded half away).
pub fn one_decimal(v: f64) -> String {
    if !v.is_finite() {
        return "?".to_owned();
    }
    let tenths = (v * 10.0).round();
    let r = tenths / 10.0;
    // Below 10^13 the nearest double to k/10 prints as k/10 exactly: the digits of the
    // integer k, without `format!`'s exact float printing (issue 16: a card and a
    // handoff label each print one).
    if tenths.abs() < 1e14 && r != 0.0 {
        let k = tenths as i64;
        let abs = k.unsigned_abs();
        let mut out = String::with_capacity(24);
        if k < 0 {
            out.push('-');
        }
        let _ = write!(out, "{}", abs / 10);
        if !abs.is_multiple_of(10) {
            out.push('.');
            out.push(char::from(b'0' + (abs % 10) as u8));
        }
        return out;
    }
    if r == r.trunc() {
        format!("{:.0}", r)
    } else {
        format!("{r:.1}")
    }
}

/// A duration in hours: "45 min" / "45 分钟", "4.7 h" / "4.7 小时", "23.1 days" / "23.1 天".
pub fn hours(hours: f64) -> String {
    if !hours.is_finite() {
        return "?".to_owned();
    }
    if hours < 1.0 {
        fill("fmt-minutes", &one_decimal(hours * 60.0))
    } else if hours < DAYS_FROM_HOURS {
        fill("fmt-hours", &one_decimal(hours))
    } else {
        fill("fmt-days", &one_decimal(hours / 24.0))
    }
}

/// A share (0-1) as a percentage: 0.183 -> "18%", 0.0456 -> "4.6%".
pub fn share(share: f64) -> String {
    if !share.is_finite() {
        return "?".to_owned();
    }
    let pct = share * 100.0;
    if pct.abs() >= 10.0 || pct == pct.round() {
        format!("{:.0}%", pct)
    } else {
        format!("{}%", one_decimal(pct))
    }
}

/// A score with one decimal: 6.14 -> "6.1".
pub fn score(score: f64) -> String {
    if !score.is_finite() {
        return "?".to_owned();
    }
    format!("{score:.1}")
}

/// A count with thousands separators: 12400 -> "12,400".
pub fn count(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A short volume for a card: "950", "12.4k", "120k", "1.2M"; in Chinese "950",
/// "1.2万", "120万", "1.2亿".
pub fn volume(v: u64) -> String {
    let short = |x: f64, suffix: &str| {
        if x < 100.0 {
            format!("{}{suffix}", one_decimal(x))
        } else {
            format!("{}{suffix}", x.round() as u64)
        }
    };
    if word("fmt-volume-grouping").trim() == "10000" {
        if v < 10_000 {
            v.to_string()
        } else if v < 100_000_000 {
            short(v as f64 / 1e4, &word("fmt-volume-ten-thousand"))
        } else {
            short(v as f64 / 1e8, &word("fmt-volume-hundred-million"))
        }
    } else if v < 1000 {
        v.to_string()
    } else if v < 1_000_000 {
        short(v as f64 / 1000.0, &word("fmt-volume-thousand"))
    } else if v < 1_000_000_000 {
        short(v as f64 / 1e6, &word("fmt-volume-million"))
    } else {
        short(v as f64 / 1e9, &word("fmt-volume-billion"))
    }
}

/// How many times smaller (or larger) a figure became: 6.27 -> "6.3x" / "6.3 倍".
pub fn ratio(r: f64) -> String {
    if !r.is_finite() {
        return "?".to_owned();
    }
    fill("fmt-ratio", &one_decimal(r))
}

/// A calendar date: "2026-12-02" / "2026年12月2日".
pub fn date(year: i64, month: u32, day: u32) -> String {
    super::tr_args(
        "fmt-date",
        &[
            ("year", year.to_string().into()),
            ("month", month.to_string().into()),
            ("day", day.to_string().into()),
            ("month2", format!("{month:02}").into()),
            ("day2", format!("{day:02}").into()),
        ],
    )
}

/// A date given as text: `YYYY-MM-DD` is written in the current language, anything
/// else (a date a person typed, "Q3 2026") is kept as it is.
pub fn date_text(text: &str) -> String {
    let t = text.trim();
    let mut parts = t.splitn(3, '-');
    let parsed = (|| {
        let y = parts.next()?;
        let m = parts.next()?;
        let d = parts.next()?;
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let y: i64 = y.parse().ok()?;
        let m: u32 = m.parse().ok()?;
        let d: u32 = d.parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
    })();
    match parsed {
        Some((y, m, d)) => date(y, m, d),
        None => t.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lang, with_lang};
    use super::*;

    fn zh() -> Lang {
        Lang::parse("zh-CN").unwrap_or_default()
    }

    #[test]
    fn english() {
        with_lang(&Lang::english(), || {
            assert_eq!(hours(0.25), "15 min");
            assert_eq!(hours(0.125), "7.5 min");
            assert_eq!(hours(6.0), "6 h");
            assert_eq!(hours(4.7), "4.7 h");
            assert_eq!(hours(47.5), "47.5 h");
            assert_eq!(hours(48.0), "2 days");
            assert_eq!(hours(554.4), "23.1 days");
            assert_eq!(hours(f64::NAN), "?");
            assert_eq!(share(0.183), "18%");
            assert_eq!(share(0.046), "4.6%");
            assert_eq!(share(0.5), "50%");
            assert_eq!(score(6.14), "6.1");
            assert_eq!(count(12_400), "12,400");
            assert_eq!(count(999), "999");
            assert_eq!(count(1_000_000), "1,000,000");
            assert_eq!(volume(950), "950");
            assert_eq!(volume(12_400), "12.4k");
            assert_eq!(volume(123_456), "123k");
            assert_eq!(volume(1_234_567), "1.2M");
            assert_eq!(volume(5_000_000_000), "5G");
            assert_eq!(ratio(6.27), "6.3x");
            assert_eq!(date(2026, 12, 2), "2026-12-02");
            assert_eq!(date_text("2026-12-02"), "2026-12-02");
            assert_eq!(date_text(" Q3 2026 "), "Q3 2026");
            assert_eq!(date_text("2026-13-02"), "2026-13-02");
            assert_eq!(one_decimal(2.25), "2.3");
            assert_eq!(one_decimal(2.0), "2");
        });
    }

    #[test]
    fn chinese() {
        assert_eq!(zh().tag(), "zh-CN");
        with_lang(&zh(), || {
            assert_eq!(hours(0.25), "15 分钟");
            assert_eq!(hours(4.7), "4.7 小时");
            assert_eq!(hours(47.5), "47.5 小时");
            assert_eq!(hours(554.4), "23.1 天");
            assert_eq!(hours(48.0), "2 天");
            assert_eq!(share(0.183), "18%");
            assert_eq!(score(6.14), "6.1");
            assert_eq!(count(12_400), "12,400");
            assert_eq!(volume(950), "950");
            assert_eq!(volume(9_999), "9999");
            assert_eq!(volume(12_400), "1.2万");
            assert_eq!(volume(1_234_567), "123万");
            assert_eq!(volume(250_000_000), "2.5亿");
            assert_eq!(ratio(6.27), "6.3 倍");
            assert_eq!(date(2026, 12, 2), "2026年12月2日");
            assert_eq!(date_text("2026-12-02"), "2026年12月2日");
            assert_eq!(date_text("下周三"), "下周三");
        });
    }

    #[test]
    fn the_cache_follows_the_language() {
        // The words are cached per thread: switching back and forth must not serve
        // one language's words in the other.
        for _ in 0..3 {
            with_lang(&zh(), || assert_eq!(hours(6.0), "6 小时"));
            with_lang(&Lang::english(), || assert_eq!(hours(6.0), "6 h"));
        }
        assert_eq!(hours(72.0), "3 days", "English by default");
    }
}
